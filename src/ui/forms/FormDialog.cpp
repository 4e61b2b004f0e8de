// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/forms/FormDialog.h"

#include <QEvent>
#include <QLabel>
#include <QTabWidget>

using namespace Qt::StringLiterals;

namespace Tramontane {

FormDialog::FormDialog(QWidget *parent)
    : QDialog(parent) {}

FormDialog::~FormDialog() = default;

void FormDialog::setStatusLabel(QLabel *label) {
    m_statusLabel = label;
}

void FormDialog::setBusyWidgets(const QList<QWidget *> &widgets) {
    m_busyWidgets.clear();
    for (QWidget *widget : widgets)
        m_busyWidgets.append(widget);
}

void FormDialog::setState(State state) {
    if (state == m_state)
        return;
    const bool wasBusy = isBusy();
    m_state = state;
    if (wasBusy != isBusy())
        updateBusyUi();
    Q_EMIT stateChanged(state);
}

void FormDialog::failApply(const ApiError &error) {
    setState(State::Failed);
    Q_EMIT applyFailed(error);
}

void FormDialog::updateBusyUi() {
    const bool busy = isBusy();
    for (const QPointer<QWidget> &widget : std::as_const(m_busyWidgets)) {
        if (widget)
            widget->setEnabled(!busy);
    }
    if (!m_statusLabel)
        return;
    if (busy) {
        setStatusKind(m_statusLabel, StatusColors::Kind::Normal);
        m_statusLabel->setText(tr("Saving…"));
        m_statusLabel->show();
        m_statusShowsBusy = true;
    } else if (m_statusShowsBusy) {
        m_statusLabel->clear();
        if (m_errorLabels.contains(m_statusLabel))
            m_statusLabel->hide();
        m_statusShowsBusy = false;
    }
}

void FormDialog::addErrorLabels(const QList<QLabel *> &labels) {
    for (QLabel *label : labels) {
        m_errorLabels.append(label);
        setStatusKind(label, StatusColors::Kind::Error);
        label->hide();
    }
}

void FormDialog::clearErrorLabels() {
    for (const QPointer<QLabel> &label : std::as_const(m_errorLabels)) {
        if (!label)
            continue;
        label->clear();
        label->setToolTip(QString());
        label->hide();
        if (label == m_statusLabel)
            m_statusShowsBusy = false;
    }
    m_errorShown = false;
}

void FormDialog::setShownErrorsToolTip(const QString &text) {
    for (const QPointer<QLabel> &label : std::as_const(m_errorLabels)) {
        if (label && !label->isHidden() && !label->text().isEmpty())
            label->setToolTip(text);
    }
}

void FormDialog::showFieldError(QLabel *label, const QString &message, QWidget *focus,
                                StatusColors::Kind kind) {
    if (label == m_statusLabel)
        m_statusShowsBusy = false;
    // Several errors may concern one field: keep them all.
    const QString text = label->isVisibleTo(this) ? label->text() : QString();
    if (!text.contains(message))
        label->setText(text.isEmpty() ? message : text + u'\n' + message);
    setStatusKind(label, kind);
    label->show();
    if (m_errorShown)
        return;
    // The first error of an attempt brings its field into view.
    m_errorShown = true;
    bringIntoView(focus ? focus : label);
    if (focus)
        focus->setFocus(Qt::OtherFocusReason);
}

void FormDialog::setStatusKind(QLabel *label, StatusColors::Kind kind) {
    m_kinds.insert(label, kind);
    StatusColors::paint(label, kind, palette());
}

void FormDialog::bringIntoView(QWidget *widget) {
    // Every tab widget on the way up shows the page that holds the widget.
    for (QWidget *child = widget; child && child != this; child = child->parentWidget()) {
        QWidget *parent = child->parentWidget();
        if (!parent)
            break;
        if (auto *tabs = qobject_cast<QTabWidget *>(parent->parentWidget())) {
            const int index = tabs->indexOf(child);
            if (index >= 0)
                tabs->setCurrentIndex(index);
        }
    }
}

void FormDialog::changeEvent(QEvent *event) {
    QDialog::changeEvent(event);
    if (event->type() != QEvent::PaletteChange)
        return;
    // Status colours are derived from the palette: derive them again.
    for (auto it = m_kinds.cbegin(); it != m_kinds.cend(); ++it) {
        if (it.value() != StatusColors::Kind::Normal)
            StatusColors::paint(it.key(), it.value(), palette());
    }
}

} // namespace Tramontane
