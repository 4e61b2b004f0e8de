// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/ApiAvailability.h"

#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <memory>

namespace Tramontane {

class ApiError;
class LibraryDocumentModel;
class LibraryListModel;
class LibraryService;
class LibraryStatusPoller;

namespace Ui {
class LibrariesPage;
}

//! The Libraries page: the account's document libraries (name, documents, size) and the
//! selected library's documents (name, size, status). New Library (name, description),
//! Delete Library (after a confirmation naming it), Upload (a file dialog, or files dropped
//! anywhere on the page), Delete Document. Uploads show their progress in their row; the
//! status of documents still processing is polled while the page is shown. Every failure is
//! one sentence at the top of the page (ErrorPresenter).
class LibrariesPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibrariesPage)

public:
    LibrariesPage(LibraryService *service, LibraryListModel *libraries, QWidget *parent = nullptr);
    ~LibrariesPage() override;

    //! The selected library's id (empty when none).
    QString currentLibraryId() const;
    //! Selects the library with this id when it is listed; returns whether it is.
    bool selectLibrary(const QString &id);
    LibraryDocumentModel *documents() const { return m_documents; }
    LibraryStatusPoller *poller() const { return m_poller; }
    //! The sentence shown for the last failure (empty when none).
    QString errorText() const;

    //! Whether the API may be asked (Ready by default): the page loads nothing before.
    void setApiAvailability(ApiAvailability availability);

public Q_SLOTS:
    void refresh();
    //! Creates a library from the name and description typed in the page.
    void createLibrary();
    //! Asks for confirmation, then deletes the selected library.
    void deleteCurrentLibrary();
    //! Opens a file dialog; the files chosen are uploaded.
    void chooseFilesToUpload();
    //! Uploads these local files to the selected library.
    void uploadFiles(const QStringList &paths);
    void deleteCurrentDocument();

Q_SIGNALS:
    //! A short message for the status bar ("Library deleted").
    void statusMessage(const QString &text);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void showError(const ApiError &error);
    void showProblem(const QString &sentence);
    void clearError();
    void onLibraryChanged();
    void updateActions();
    void updateDocumentsTitle();
    void loadWhenReady();

    std::unique_ptr<Ui::LibrariesPage> m_ui;
    QPointer<LibraryService> m_service;
    LibraryListModel *m_libraries;
    LibraryDocumentModel *m_documents;
    LibraryStatusPoller *m_poller;
    QString m_pendingSelection;
    bool m_loadedOnce = false;
    ApiAvailability m_api = ApiAvailability::Ready;
};

} // namespace Tramontane
