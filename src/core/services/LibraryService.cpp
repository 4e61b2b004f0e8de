// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/LibraryService.h"

#include "core/Logging.h"
#include "core/net/ApiClient.h"
#include "core/net/ApiJob.h"
#include "core/services/Multipart.h"

#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

constexpr auto kContext = ApiError::Context::Library;

// Reads a succeeded job's JSON object with \a parse (nullopt for a body of the wrong shape),
// then runs \a onSuccess (the service's signals) before the value is delivered.
template<typename T, typename Parse>
QPointer<ApiJob> deliverParsed(QObject *service, ApiJob *job, QObject *context,
                               ServiceCallback<T> callback, Parse parse,
                               std::function<void(const T &)> onSuccess = {}) {
    return deliver<T>(
        service, job, context, std::move(callback),
        [parse = std::move(parse), onSuccess = std::move(onSuccess)](const ApiJob *job) {
            std::optional<T> value = parse(job->json().object());
            if (!value) {
                ServiceResult<T> failed =
                    unexpectedShape<T>(job, u"the answer has an unexpected shape"_s);
                qCWarning(lcNet) << failed.error.toLogString();
                return failed;
            }
            if (onSuccess)
                onSuccess(*value);
            return ServiceResult<T>::success(std::move(*value), job->requestId());
        });
}

std::optional<Done> nothing(const QJsonObject &) {
    return Done{};
}

} // namespace

LibraryService::LibraryService(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client) {}

LibraryService::~LibraryService() = default;

QString LibraryService::libraryPath(const QString &id) {
    return u"/v1/libraries/"_s + ApiClient::encodePathSegment(id);
}

QString LibraryService::documentPath(const QString &libraryId, const QString &documentId) {
    return libraryPath(libraryId) + u"/documents/"_s + ApiClient::encodePathSegment(documentId);
}

QByteArray LibraryService::multipartBody(const QString &fileName, const QByteArray &bytes,
                                         const QString &mimeType, const QByteArray &boundary) {
    return Multipart::filePart(boundary, "file", fileName,
                               mimeType.isEmpty() ? u"application/octet-stream"_s : mimeType, bytes)
           + Multipart::closing(boundary);
}

QPointer<ApiJob> LibraryService::listLibraries(const QString &pageToken, QObject *context,
                                               ServiceCallback<LibraryPage> callback,
                                               int pageSize) {
    QUrlQuery query;
    query.addQueryItem(u"page_size"_s, QString::number(qBound(1, pageSize, 1000)));
    if (!pageToken.isEmpty())
        query.addQueryItem(u"page_token"_s,
                           QString::fromLatin1(QUrl::toPercentEncoding(pageToken)));
    ApiJob *job = m_client->get(u"/v1/libraries"_s, query, kContext);
    return deliverParsed<LibraryPage>(this, job, context, std::move(callback),
                                      &LibraryPage::fromJson);
}

QPointer<ApiJob> LibraryService::library(const QString &id, QObject *context,
                                         ServiceCallback<Library> callback) {
    ApiJob *job = m_client->get(libraryPath(id), {}, kContext);
    return deliverParsed<Library>(this, job, context, std::move(callback), &Library::fromJson);
}

QPointer<ApiJob> LibraryService::createLibrary(const LibraryCreateRequest &request,
                                               QObject *context,
                                               ServiceCallback<Library> callback) {
    ApiJob *job = m_client->postJson(u"/v1/libraries"_s, request.toJson(), kContext);
    return deliverParsed<Library>(this, job, context, std::move(callback), &Library::fromJson,
                                  [this](const Library &l) { Q_EMIT libraryCreated(l); });
}

QPointer<ApiJob> LibraryService::deleteLibrary(const QString &id, QObject *context,
                                               ServiceCallback<Done> callback) {
    ApiJob *job = m_client->deleteResource(libraryPath(id), kContext);
    return deliverParsed<Done>(this, job, context, std::move(callback), nothing,
                               [this, id](const Done &) { Q_EMIT libraryRemoved(id); });
}

QPointer<ApiJob> LibraryService::listDocuments(const QString &libraryId, int page, QObject *context,
                                               ServiceCallback<LibraryDocumentPage> callback,
                                               int pageSize) {
    QUrlQuery query;
    query.addQueryItem(u"page_size"_s, QString::number(qBound(1, pageSize, 1000)));
    query.addQueryItem(u"page"_s, QString::number(qMax(0, page)));
    ApiJob *job = m_client->get(libraryPath(libraryId) + u"/documents"_s, query, kContext);
    return deliverParsed<LibraryDocumentPage>(this, job, context, std::move(callback),
                                              &LibraryDocumentPage::fromJson);
}

QPointer<ApiJob> LibraryService::uploadDocument(const QString &libraryId, const QString &fileName,
                                                const QByteArray &bytes, const QString &mimeType,
                                                QObject *context,
                                                ServiceCallback<LibraryDocument> callback) {
    const QByteArray boundary = Multipart::randomBoundary();
    ApiJob *job = m_client->postMultipart(libraryPath(libraryId) + u"/documents"_s,
                                          multipartBody(fileName, bytes, mimeType, boundary),
                                          "multipart/form-data; boundary=" + boundary, kContext);
    return deliverParsed<LibraryDocument>(
        this, job, context, std::move(callback), &LibraryDocument::fromJson,
        [this](const LibraryDocument &d) { Q_EMIT documentUploaded(d); });
}

QPointer<ApiJob> LibraryService::documentStatus(const QString &libraryId, const QString &documentId,
                                                QObject *context,
                                                ServiceCallback<DocumentStatus> callback) {
    ApiJob *job = m_client->get(documentPath(libraryId, documentId) + u"/status"_s, {}, kContext);
    return deliverParsed<DocumentStatus>(this, job, context, std::move(callback),
                                         &DocumentStatus::fromJson);
}

QPointer<ApiJob> LibraryService::deleteDocument(const QString &libraryId, const QString &documentId,
                                                QObject *context, ServiceCallback<Done> callback) {
    ApiJob *job = m_client->deleteResource(documentPath(libraryId, documentId), kContext);
    return deliverParsed<Done>(this, job, context, std::move(callback), nothing,
                               [this, libraryId, documentId](const Done &) {
                                   Q_EMIT documentRemoved(libraryId, documentId);
                               });
}

} // namespace Tramontane
