// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/ApiError.h"
#include "core/protocol/Library.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

namespace Tramontane {

class ApiJob;
class LibraryService;

//! The documents of one library, one row each: name, size, status ("Uploading… 40 %",
//! "Processing…", "Ready", "Failed"). Uploads show as rows at once, with their progress, and
//! become the server's document when it answers. Polling the processing state is
//! LibraryStatusPoller's job: it calls setState().
class LibraryDocumentModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryDocumentModel)

public:
    enum Column { NameColumn, SizeColumn, StatusColumn, ColumnCount };

    explicit LibraryDocumentModel(LibraryService *service, QObject *parent = nullptr);
    ~LibraryDocumentModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    //! Shows the documents of \a libraryId (none for an empty id); what was in flight for the
    //! previous library is canceled.
    void setLibrary(const QString &libraryId);
    QString libraryId() const { return m_libraryId; }
    //! Loads the documents again.
    void refresh();
    bool isLoading() const { return !m_loadJob.isNull(); }

    //! Uploads a file to the library shown; a row shows its progress meanwhile.
    void upload(const QString &fileName, const QByteArray &bytes, const QString &mimeType);
    //! Deletes the document of \a row.
    void removeDocument(int row);

    LibraryDocument document(int row) const;
    int rowOf(const QString &documentId) const;
    //! The ids of the documents still processing (what a poller asks about).
    QStringList processingIds() const;
    //! A processing state read by a poller.
    void setState(const QString &documentId, DocumentState state);
    //! How many uploads are in flight.
    int uploadsInFlight() const;

Q_SIGNALS:
    void loadingChanged(bool loading);
    //! Loading, an upload or a delete failed (never for a canceled request).
    void failed(const Tramontane::ApiError &error);
    //! A document was added or removed: the library's totals changed.
    void documentsChanged(const QString &libraryId);

private:
    struct Row {
        LibraryDocument document;
        QPointer<ApiJob> upload; //!< while uploading
        qint64 sent = 0;
        qint64 total = 0;
        bool uploading = false;
    };
    void loadPage(int page, QList<LibraryDocument> collected);
    int rowOfUpload(const ApiJob *job) const;
    void cancelAll();

    QPointer<LibraryService> m_service;
    QString m_libraryId;
    QList<Row> m_rows;
    QPointer<ApiJob> m_loadJob;
};

} // namespace Tramontane
