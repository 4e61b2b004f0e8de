// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/ApiError.h"
#include "ui/forms/FieldErrorMap.h"
#include "ui/forms/StatusColors.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

class QLabel;

namespace Tramontane {

//! The base of the dialogs that save a form to the server (the agent and connector editors):
//! one lifecycle, one status line and one way of showing errors on their fields.
//!
//! States: Editing (the person types) → Validating (the form is checked) → Applying (the request
//! is on its way) → closed, or Failed (the server said no; the errors are shown on their fields
//! and the person edits again). Loading is the form waiting for values it needs first (e.g.
//! secrets read from the keychain). While Loading or Applying the form is busy: the widgets
//! given to setBusyWidgets() are off and the status line says so.
class FormDialog : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FormDialog)

public:
    enum class State { Editing, Loading, Validating, Applying, Failed };
    Q_ENUM(State)

    ~FormDialog() override;

    State state() const { return m_state; }
    bool isBusy() const { return m_state == State::Loading || m_state == State::Applying; }

Q_SIGNALS:
    void stateChanged(Tramontane::FormDialog::State state);
    //! The server refused the form (after the errors were shown).
    void applyFailed(const Tramontane::ApiError &error);

protected:
    explicit FormDialog(QWidget *parent = nullptr);

    //! The line that says "Saving…" while busy (it may also be the general error line: the
    //! busy text is cleared from it only if nothing replaced it since).
    void setStatusLabel(QLabel *label);
    //! Widgets that are off while the form is busy (the save button, the tabs).
    void setBusyWidgets(const QList<QWidget *> &widgets);
    void setState(State state);
    //! Applying failed: state Failed, and applyFailed(). Call after showing the errors.
    void failApply(const ApiError &error);

    //! Error lines: coloured from the palette, hidden until they have something to say.
    void addErrorLabels(const QList<QLabel *> &labels);
    //! Hides and empties every error line, tooltips included.
    void clearErrorLabels();
    //! Gives every error line that shows something the tooltip \a text (a request id, say).
    void setShownErrorsToolTip(const QString &text);
    //! Shows \a message on \a label (after what it already shows, if new), in \a kind's colour.
    //! The first error since clearErrorLabels() brings its field into view: the tab holding
    //! \a focus (or the label) is shown and \a focus gets the focus.
    void showFieldError(QLabel *label, const QString &message, QWidget *focus = nullptr,
                        StatusColors::Kind kind = StatusColors::Kind::Error);
    //! Colours \a label as \a kind, now and after palette changes.
    void setStatusKind(QLabel *label, StatusColors::Kind kind);

    //! Where the field errors of a 422 go (see FieldErrorMap).
    FieldErrorMap &fieldErrors() { return m_fieldErrors; }
    const FieldErrorMap &fieldErrors() const { return m_fieldErrors; }

    void changeEvent(QEvent *event) override;

private:
    void bringIntoView(QWidget *widget);
    void updateBusyUi();

    State m_state = State::Editing;
    QPointer<QLabel> m_statusLabel;
    bool m_statusShowsBusy = false;
    QList<QPointer<QWidget>> m_busyWidgets;
    QList<QPointer<QLabel>> m_errorLabels;
    QHash<QLabel *, StatusColors::Kind> m_kinds;
    bool m_errorShown = false;
    FieldErrorMap m_fieldErrors;
};

} // namespace Tramontane
