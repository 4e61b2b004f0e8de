// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/Tool.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace Tramontane {

//! The document libraries a chat searches: the account's libraries as last listed, and the
//! ones chosen for the chat, which make one `document_library` tool with their ids.
//!
//! The list is asked for when it is first needed and again each time it is shown
//! (refresh() emits loadWanted(); the app answers with setLibraries() or setFailed()). Once a
//! list arrived, a chosen library that is not in it was deleted: it leaves the choice.
class LibraryChoices final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryChoices)

public:
    //! One library of the account, as the menus show it.
    struct Library {
        QString id;
        QString name;
        qsizetype documents = -1; //!< -1: not known
        friend bool operator==(const Library &, const Library &) = default;
    };

    enum class State {
        NotLoaded, //!< never asked for
        Loading,   //!< asked for, no answer yet (an earlier list stays shown)
        Loaded,    //!< libraries() is the account's list
        Failed,    //!< the last request failed: error() says why
    };
    Q_ENUM(State)

    explicit LibraryChoices(QObject *parent = nullptr);
    ~LibraryChoices() override;

    //! Asks for the list again (emits loadWanted()), unless a request is already out.
    void refresh();
    //! The account's libraries arrived; chosen ones that are not among them are dropped.
    void setLibraries(const QList<Library> &libraries);
    //! The list could not be loaded; \a message is the sentence to show.
    void setFailed(const QString &message);

    State state() const { return m_state; }
    QList<Library> libraries() const { return m_libraries; }
    QString error() const { return m_error; }

    //! The chosen library ids, in the order they were chosen.
    QStringList chosen() const { return m_chosen; }
    bool isChosen(const QString &id) const { return m_chosen.contains(id); }
    void setChosen(const QString &id, bool chosen);
    //! Replaces the choice (a reopened chat's tool); ids are kept until a list says otherwise.
    void setChosenIds(const QStringList &ids);
    //! The `document_library` tool of the choice, none when nothing is chosen.
    std::optional<Tool> tool() const;
    //! The name of a listed library, or its id when it is not listed.
    QString displayName(const QString &id) const;

Q_SIGNALS:
    //! The list should be asked for; answer with setLibraries() or setFailed().
    void loadWanted();
    //! The list, its state or the choice changed.
    void changed();
    //! Chosen libraries that the list no longer has (deleted) left the choice.
    void dropped(const QStringList &ids);

private:
    void dropDeleted();

    State m_state = State::NotLoaded;
    QList<Library> m_libraries;
    QString m_error;
    QStringList m_chosen;
};

} // namespace Tramontane
