// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/FileService.h"

#include "core/net/ApiClient.h"

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

ServiceResult<QByteArray> bodyOf(const ApiJob *job) {
    return ServiceResult<QByteArray>::success(job->body(), job->requestId());
}

} // namespace

FileService::FileService(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client) {}

QPointer<ApiJob> FileService::download(const QString &fileId, QObject *context,
                                       ServiceCallback<QByteArray> callback) {
    return deliver<QByteArray>(
        this,
        m_client->download(u"/v1/files/"_s + ApiClient::encodePathSegment(fileId) + u"/content"_s,
                           "application/octet-stream", ApiError::Context::File, kMaxImageBytes),
        context, std::move(callback), &bodyOf);
}

QPointer<ApiJob> FileService::fetchUrl(const QUrl &url, QObject *context,
                                       ServiceCallback<QByteArray> callback) {
    // The API's own origin (e.g. /v1/files/{id}/content without a signature) needs the key and
    // gets it through the API client; no other host ever does.
    if (const auto api = m_client->apiPathOf(url)) {
        return deliver<QByteArray>(this,
                                   m_client->download(api->first, api->second, "image/*",
                                                      ApiError::Context::File, kMaxImageBytes),
                                   context, std::move(callback), &bodyOf);
    }
    return deliver<QByteArray>(
        this,
        m_client->fetchExternal(url, "image/*", ApiError::Context::RemoteFile, kMaxImageBytes),
        context, std::move(callback), &bodyOf);
}

} // namespace Tramontane
