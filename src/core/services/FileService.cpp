// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/FileService.h"

#include "core/Logging.h"
#include "core/net/ApiClient.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace Tramontane {

FileService::FileService(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client) {}

QPointer<ApiJob> FileService::download(const QString &fileId, QObject *context,
                                       ServiceCallback<QByteArray> callback) {
    return deliver(
        m_client->download(u"/v1/files/"_s + ApiClient::encodePathSegment(fileId) + u"/content"_s,
                           "application/octet-stream", ApiError::Context::File, kMaxImageBytes),
        context, std::move(callback));
}

QPointer<ApiJob> FileService::deliver(ApiJob *job, QObject *context,
                                      ServiceCallback<QByteArray> callback) {
    connect(job, &ApiJob::finished, context, [job, callback = std::move(callback)] {
        if (job->status() == ApiJob::Status::Succeeded)
            callback(ServiceResult<QByteArray>::success(job->body(), job->requestId()));
        else
            callback(ServiceResult<QByteArray>::failure(job->error()));
    });
    return job;
}

QString FileService::checkFetchableUrl(const QUrl &url) {
    if (!url.isValid() || url.host().isEmpty())
        return QCoreApplication::translate("FileService", "The image address is not valid.");
    if (url.scheme() == u"https"_s)
        return {};
    if (url.scheme() == u"http"_s) {
        const QHostAddress host(url.host());
        if (url.host() == u"localhost"_s || (!host.isNull() && host.isLoopback()))
            return {};
    }
    return QCoreApplication::translate("FileService",
                                       "Images are only loaded over https (%1 was refused).")
        .arg(url.scheme());
}

void FileService::fetchUrl(const QUrl &url, QObject *context,
                           ServiceCallback<QByteArray> callback) {
    QPointer<QObject> guard(context);
    const QString problem = checkFetchableUrl(url);
    if (!problem.isEmpty()) {
        QMetaObject::invokeMethod(
            this,
            [guard, callback, problem] {
                if (guard)
                    callback(ServiceResult<QByteArray>::failure(
                        ApiError::invalidRequest(problem, ApiError::Context::File)));
            },
            Qt::QueuedConnection);
        return;
    }
    // The API's own address (e.g. /v1/files/{id}/content without a signature) needs the key and
    // gets it through the API client; no other host ever does.
    if (const auto api = m_client->apiPathOf(url)) {
        deliver(m_client->download(api->first, api->second, "image/*", ApiError::Context::File,
                                   kMaxImageBytes),
                context, std::move(callback));
        return;
    }
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(5);
    request.setTransferTimeout(int(m_client->transferTimeout().count()));
    request.setHeader(QNetworkRequest::UserAgentHeader, m_client->userAgent());
    request.setRawHeader("Accept", "image/*");
    QNetworkReply *reply = m_client->networkAccessManager()->get(request);
    auto tooLarge = std::make_shared<bool>(false);
    connect(reply, &QNetworkReply::downloadProgress, reply,
            [reply, tooLarge](qint64 received, qint64) {
                if (received > kMaxImageBytes) {
                    *tooLarge = true;
                    reply->abort();
                }
            });
    connect(
        reply, &QNetworkReply::finished, this,
        [reply, guard, tooLarge, callback = std::move(callback)] {
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            ServiceResult<QByteArray> result;
            if (reply->error() == QNetworkReply::NoError && status / 100 == 2) {
                result = ServiceResult<QByteArray>::success(reply->readAll());
            } else if (*tooLarge) {
                result = ServiceResult<QByteArray>::failure(ApiError::invalidResponse(
                    QCoreApplication::translate("FileService", "The image is larger than %1 MB.")
                        .arg(kMaxImageBytes / (1024 * 1024)),
                    ApiError::Context::RemoteFile));
            } else if (status >= 400) {
                result = ServiceResult<QByteArray>::failure(ApiError::fromHttp(
                    status, {}, reply->readAll(), ApiError::Context::RemoteFile));
            } else if (reply->error() == QNetworkReply::OperationCanceledError) {
                // Qt's transfer timeout aborts the reply: nothing arrived for that long.
                result = ServiceResult<QByteArray>::failure(
                    ApiError::timeout(ApiError::Context::RemoteFile, reply->errorString()));
            } else {
                result = ServiceResult<QByteArray>::failure(ApiError::fromNetworkError(
                    reply->error(), reply->errorString(), ApiError::Context::RemoteFile));
            }
            if (guard)
                callback(result);
        });
}

} // namespace Tramontane
