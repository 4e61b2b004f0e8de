// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/ApiError.h"
#include "core/net/ApiJob.h"
#include "core/net/RetryPolicy.h"
#include "core/net/StreamJob.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>
#include <optional>
#include <utility>

class QNetworkAccessManager;

namespace Tramontane {

//! The one place where requests to the Mistral API are built: base URL, `Authorization:
//! Bearer`, User-Agent, Accept and Content-Type, timeouts, retry policy. Every call returns a
//! job (see ApiJob) that starts from the event loop and deletes itself after finished().
//! Jobs are children of the client: destroying the client cancels them.
//!
//! Paths are absolute API paths ("/v1/models"); put ids through encodePathSegment(). The key
//! never goes into a URL: a request whose URL would contain it fails as InvalidRequest.
class ApiClient final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiClient)

public:
    static constexpr std::chrono::milliseconds kDefaultTransferTimeout{30000};
    static constexpr std::chrono::milliseconds kDefaultDeadline{120000};
    static constexpr qint64 kDefaultMaxDownloadSize = 64 * 1024 * 1024;
    //! Hosted tools (web search, code) can run for minutes between two events of a stream.
    static constexpr std::chrono::milliseconds kDefaultStreamContentTimeout{600000};

    //! \a nam is used for every request and never owned; the client never makes its own.
    explicit ApiClient(QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~ApiClient() override;

    //! https://api.mistral.ai
    static QUrl defaultBaseUrl();
    //! Why \a url cannot be a base URL (a user-visible sentence), or an empty string when it
    //! can: https anywhere; plain http only on loopback (127.0.0.0/8, ::1, localhost), for
    //! the emulator and tests. No user info, query or fragment.
    static QString checkBaseUrl(const QUrl &url);
    //! \a segment percent-encoded for use as one path segment ("a/b" -> "a%2Fb").
    static QString encodePathSegment(QStringView segment);

    QNetworkAccessManager *networkAccessManager() const { return m_nam; }

    QUrl baseUrl() const { return m_baseUrl; }
    //! True when \a a and \a b have the same origin: scheme, host and port (a missing port is
    //! the scheme's default), scheme and host compared case-insensitively.
    static bool isSameOrigin(const QUrl &a, const QUrl &b);
    //! The one rule for the API key: true when \a url lies on the configured API origin (the
    //! scheme, host and port of baseUrl()). Only such a URL may get the key; another host,
    //! another port of the same host or the same host over another scheme never does.
    bool isApiOrigin(const QUrl &url) const { return isSameOrigin(m_baseUrl, url); }
    //! The API path and query of \a url when it lies on the API's own origin (the scheme,
    //! host and port of baseUrl(), under its path): such a URL may be fetched with the key
    //! through download(). std::nullopt for any other URL, which must never get the key.
    std::optional<std::pair<QString, QUrlQuery>> apiPathOf(const QUrl &url) const;
    //! Changes the base URL if checkBaseUrl() accepts it; otherwise keeps the current one,
    //! returns false and sets \a errorMessage.
    bool setBaseUrl(const QUrl &url, QString *errorMessage = nullptr);

    //! Sets the key sent as `Authorization: Bearer`, and registers it with the Redactor.
    void setApiKey(const QString &key);
    bool hasApiKey() const { return !m_apiKey.isEmpty(); }

    //! "Tramontane/<version>"
    QString userAgent() const { return m_userAgent; }

    std::chrono::milliseconds transferTimeout() const { return m_transferTimeout; }
    //! Idle timeout of every new job (default 30 s); 0 disables it.
    void setTransferTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds deadline() const { return m_deadline; }
    //! Overall deadline of every new non-streaming job (default 120 s); 0 disables it.
    void setDeadline(std::chrono::milliseconds deadline);
    const RetryPolicy &retryPolicy() const { return m_retryPolicy; }
    void setRetryPolicy(const RetryPolicy &policy) { m_retryPolicy = policy; }
    qint64 maxDownloadSize() const { return m_maxDownloadSize; }
    void setMaxDownloadSize(qint64 bytes) { m_maxDownloadSize = bytes; }
    std::chrono::milliseconds streamContentTimeout() const { return m_streamContentTimeout; }
    //! Every new stream fails as a Timeout when no data event arrives for this long, even if
    //! keep-alive comments keep the connection busy (default 10 min); 0 disables it.
    void setStreamContentTimeout(std::chrono::milliseconds timeout);
    qsizetype maxStreamLineSize() const { return m_maxStreamLineSize; }
    qsizetype maxStreamEventSize() const { return m_maxStreamEventSize; }
    //! Largest line and event of a new stream (defaults: SseParser's); more fails the stream.
    void setStreamLimits(qsizetype maxLineSize, qsizetype maxEventSize);

    //! GET \a path with \a query; the response must be JSON.
    ApiJob *get(const QString &path, const QUrlQuery &query = {},
                ApiError::Context context = ApiError::Context::Generic);
    ApiJob *postJson(const QString &path, const QJsonObject &body,
                     ApiError::Context context = ApiError::Context::Generic);
    ApiJob *patchJson(const QString &path, const QJsonObject &body,
                      ApiError::Context context = ApiError::Context::Generic);
    //! PATCH with a query string, e.g. `/v1/agents/{id}/version?version=N`.
    ApiJob *patchJson(const QString &path, const QJsonObject &body, const QUrlQuery &query,
                      ApiError::Context context = ApiError::Context::Generic);
    ApiJob *putJson(const QString &path, const QJsonObject &body,
                    ApiError::Context context = ApiError::Context::Generic);
    ApiJob *deleteResource(const QString &path,
                           ApiError::Context context = ApiError::Context::Generic);
    //! POST a `multipart/form-data` \a body (e.g. a file upload to /v1/files) whose boundary
    //! \a contentType names; the response must be JSON. No overall deadline (a large upload
    //! may take long): the idle timeout applies, and ApiJob::uploadProgress() tells how far
    //! it went.
    ApiJob *postMultipart(const QString &path, const QByteArray &body,
                          const QByteArray &contentType,
                          ApiError::Context context = ApiError::Context::File);
    //! GET raw bytes (e.g. /v1/files/{id}/content) with the given Accept; bodies larger than
    //! \a maxBytes (or maxDownloadSize() when negative) fail the job. Redirects to another
    //! origin are followed without the key.
    ApiJob *download(const QString &path, const QByteArray &accept = "application/octet-stream",
                     ApiError::Context context = ApiError::Context::File, qint64 maxBytes = -1);
    //! The same, with a query (e.g. a URL the API gave, split by apiPathOf()).
    ApiJob *download(const QString &path, const QUrlQuery &query, const QByteArray &accept,
                     ApiError::Context context, qint64 maxBytes = -1);
    //! GET \a url, outside the API (an image the API links to), WITHOUT the key, cookies or
    //! stored credentials: a job like any other (idle timeout, deadline, cancel()), never
    //! retried, failing as TooLarge over \a maxBytes. Redirects are followed to https only
    //! (plain http on loopback). Callers check the URL's scheme first.
    ApiJob *fetchExternal(const QUrl &url, const QByteArray &accept, ApiError::Context context,
                          qint64 maxBytes);
    //! POST \a body and read the answer as server-sent events (Accept: text/event-stream).
    //! No overall deadline; the idle timeout applies between bytes (servers send keep-alive
    //! comments, so a healthy stream is never idle that long), and the content timeout
    //! between data events.
    StreamJob *streamPost(const QString &path, const QJsonObject &body,
                          ApiError::Context context = ApiError::Context::Chat,
                          StreamJob::Mode mode = StreamJob::Mode::Chat);

private:
    struct Built {
        QNetworkRequest request;
        ApiError error; // set when the request must not be sent
    };
    //! \a contentType is the body's type; empty for a request without a body.
    Built buildRequest(const QString &path, const QUrlQuery &query, const QByteArray &accept,
                       const QByteArray &contentType, ApiError::Context context) const;
    ApiJob *makeJob(ApiJob::Method method, const QString &path, const QUrlQuery &query,
                    const QByteArray &body, const QByteArray &contentType,
                    ApiJob::ResponseKind kind, const QByteArray &accept, ApiError::Context context);
    void configure(ApiJob *job, ApiJob::ResponseKind kind) const;

    QPointer<QNetworkAccessManager> m_nam;
    QUrl m_baseUrl;
    QString m_apiKey;
    QString m_userAgent;
    std::chrono::milliseconds m_transferTimeout = kDefaultTransferTimeout;
    std::chrono::milliseconds m_deadline = kDefaultDeadline;
    RetryPolicy m_retryPolicy;
    qint64 m_maxDownloadSize = kDefaultMaxDownloadSize;
    std::chrono::milliseconds m_streamContentTimeout = kDefaultStreamContentTimeout;
    qsizetype m_maxStreamLineSize = SseParser::kDefaultMaxLineSize;
    qsizetype m_maxStreamEventSize = SseParser::kDefaultMaxEventSize;
};

} // namespace Tramontane
