// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace Tramontane {

class ApiJob;
class LibraryService;

//! The account's document libraries as the menus and forms offer them, and whether the list is
//! loading, loaded or failed. The chat's tools menu and the agent editor share one list.
//!
//! refresh() emits loadWanted() and, with a LibraryService, asks for every page of
//! `GET /v1/libraries`; the answer lands in setLibraries() or setFailed() (one sentence of
//! ErrorPresenter). Libraries the service creates or deletes elsewhere (the Libraries page)
//! join or leave the list at once.
class LibraryList final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryList)

public:
    //! One library of the account.
    struct Library {
        QString id;
        QString name;
        qsizetype documents = -1; //!< -1: not known
        friend bool operator==(const Library &, const Library &) = default;
    };

    enum class State {
        NotLoaded, //!< never asked for
        Loading,   //!< asked for, no answer yet (an earlier list stays)
        Loaded,    //!< libraries() is the account's list
        Failed,    //!< the last request failed: error() says why
    };
    Q_ENUM(State)

    //! Without \a service (not owned), the list is filled by whoever answers loadWanted().
    explicit LibraryList(LibraryService *service = nullptr, QObject *parent = nullptr);
    ~LibraryList() override;

    //! The page size asked for (the SDK's default unless changed, for tests).
    void setPageSize(int pageSize) { m_pageSize = pageSize; }

    //! Asks for the list again (emits loadWanted()), unless a request is already out.
    void refresh();
    //! The account's libraries arrived.
    void setLibraries(const QList<Library> &libraries);
    //! The list could not be loaded; \a message is the sentence to show.
    void setFailed(const QString &message);

    State state() const { return m_state; }
    QList<Library> libraries() const { return m_libraries; }
    QString error() const { return m_error; }
    bool contains(const QString &id) const;
    //! The name of a listed library, or its id when it is not listed.
    QString displayName(const QString &id) const;

Q_SIGNALS:
    //! The list should be asked for; answer with setLibraries() or setFailed().
    void loadWanted();
    //! The list or its state changed.
    void changed();

private:
    void loadPage(const QString &pageToken);

    QPointer<LibraryService> m_service;
    QPointer<ApiJob> m_job;
    QList<Library> m_loading; // the pages arrived so far
    int m_pageSize;
    int m_pages = 0; // asked for in this refresh
    State m_state = State::NotLoaded;
    QList<Library> m_libraries;
    QString m_error;
};

} // namespace Tramontane
