// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/Library.h"
#include "core/services/ServiceResult.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>

namespace Tramontane {

class ApiClient;
class ApiJob;

//! Document libraries (`/v1/libraries`, the SDK's beta.libraries): list, create, read and
//! delete libraries; list, upload, poll and delete their documents. Every call follows
//! ServiceResult.h; errors carry ApiError::Context::Library, so a 404 reads "library not
//! found" (or "document not found" when the server says so).
//!
//! An uploaded document is processed by the server afterwards: documentStatus() tells when it
//! is ready (or failed); the service does not poll by itself. Successful changes are also
//! announced by signals, so every view of the libraries stays current.
class LibraryService final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryService)

public:
    //! The page size the SDK sends by default, for libraries and documents.
    static constexpr int kDefaultPageSize = 100;

    explicit LibraryService(ApiClient *client, QObject *parent = nullptr);
    ~LibraryService() override;

    //! `GET /v1/libraries`: one page of libraries after \a pageToken (empty: the first page).
    QPointer<ApiJob> listLibraries(const QString &pageToken, QObject *context,
                                   ServiceCallback<LibraryPage> callback,
                                   int pageSize = kDefaultPageSize);
    //! `GET /v1/libraries/{id}`.
    QPointer<ApiJob> library(const QString &id, QObject *context,
                             ServiceCallback<Library> callback);
    //! `POST /v1/libraries` (201).
    QPointer<ApiJob> createLibrary(const LibraryCreateRequest &request, QObject *context,
                                   ServiceCallback<Library> callback);
    //! `DELETE /v1/libraries/{id}`, with its documents.
    QPointer<ApiJob> deleteLibrary(const QString &id, QObject *context,
                                   ServiceCallback<Done> callback);

    //! `GET /v1/libraries/{id}/documents`: page \a page (from 0), newest first.
    QPointer<ApiJob> listDocuments(const QString &libraryId, int page, QObject *context,
                                   ServiceCallback<LibraryDocumentPage> callback,
                                   int pageSize = kDefaultPageSize);
    //! `POST /v1/libraries/{id}/documents`: uploads \a bytes as the file \a fileName of type
    //! \a mimeType (multipart, one `file` part). The job's uploadProgress() tells how far it
    //! went; cancel() stops it. The document comes back still processing, as a rule.
    QPointer<ApiJob> uploadDocument(const QString &libraryId, const QString &fileName,
                                    const QByteArray &bytes, const QString &mimeType,
                                    QObject *context, ServiceCallback<LibraryDocument> callback);
    //! `GET /v1/libraries/{id}/documents/{doc}/status`: where its processing is.
    QPointer<ApiJob> documentStatus(const QString &libraryId, const QString &documentId,
                                    QObject *context, ServiceCallback<DocumentStatus> callback);
    //! `DELETE /v1/libraries/{id}/documents/{doc}` (204).
    QPointer<ApiJob> deleteDocument(const QString &libraryId, const QString &documentId,
                                    QObject *context, ServiceCallback<Done> callback);

    //! The percent-encoded paths of a library and of one of its documents (ids come from the
    //! server or from a person: never trusted raw).
    static QString libraryPath(const QString &id);
    static QString documentPath(const QString &libraryId, const QString &documentId);
    //! The multipart body of an upload and its Content-Type (with \a boundary).
    static QByteArray multipartBody(const QString &fileName, const QByteArray &bytes,
                                    const QString &mimeType, const QByteArray &boundary);

Q_SIGNALS:
    void libraryCreated(const Tramontane::Library &library);
    void libraryRemoved(const QString &id);
    void documentUploaded(const Tramontane::LibraryDocument &document);
    void documentRemoved(const QString &libraryId, const QString &documentId);

private:
    ApiClient *m_client;
};

} // namespace Tramontane
