// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/ApiClient.h"

#include "core/Logging.h"
#include "core/net/Redactor.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonDocument>
#include <QNetworkAccessManager>

#ifndef TRAMONTANE_VERSION
#define TRAMONTANE_VERSION "0"
#endif

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace Tramontane {

namespace {

constexpr QByteArrayView kJson = "application/json";

bool isLoopbackHost(const QString &host) {
    if (host.compare("localhost"_L1, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

// Why \a path cannot be appended to the base URL, or empty.
QString checkPath(const QString &path) {
    if (!path.startsWith(u'/'))
        return u"path must start with '/'"_s;
    for (QChar c : path) {
        if (c == u'?' || c == u'#' || c.isSpace() || c.category() == QChar::Other_Control)
            return u"path contains a character that must be encoded"_s;
    }
    const QStringList segments = path.split(u'/');
    for (const QString &segment : segments) {
        const QString decoded = QUrl::fromPercentEncoding(segment.toLatin1());
        if (decoded == "."_L1 || decoded == ".."_L1)
            return u"path contains a dot segment"_s;
    }
    return {};
}

} // namespace

ApiClient::ApiClient(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_baseUrl(defaultBaseUrl()) {
    QString version = QCoreApplication::applicationVersion();
    if (version.isEmpty())
        version = QString::fromLatin1(TRAMONTANE_VERSION);
    m_userAgent = u"Tramontane/"_s + version;
}

ApiClient::~ApiClient() = default;

QUrl ApiClient::defaultBaseUrl() {
    return QUrl(u"https://api.mistral.ai"_s);
}

QString ApiClient::checkBaseUrl(const QUrl &url) {
    if (!url.isValid() || url.host().isEmpty())
        return tr("The server address \"%1\" is not a valid URL.")
            .arg(url.toString(QUrl::RemoveUserInfo));
    if (!url.userInfo().isEmpty())
        return tr("The server address must not contain a user name or password.");
    if (url.hasQuery() || url.hasFragment())
        return tr("The server address must not contain a query or a fragment.");
    const QString scheme = url.scheme().toLower();
    if (scheme == "https"_L1)
        return {};
    if (scheme == "http"_L1) {
        if (isLoopbackHost(url.host()))
            return {};
        return tr("The server address must use https: plain http would send your API key "
                  "unencrypted. (http is only accepted for 127.0.0.1 and localhost.)");
    }
    return tr("The server address must start with https://.");
}

QString ApiClient::encodePathSegment(QStringView segment) {
    return QString::fromLatin1(QUrl::toPercentEncoding(segment.toString()));
}

bool ApiClient::setBaseUrl(const QUrl &url, QString *errorMessage) {
    const QString problem = checkBaseUrl(url);
    if (!problem.isEmpty()) {
        if (errorMessage)
            *errorMessage = problem;
        qCWarning(lcNet).noquote() << "rejected base URL:" << problem;
        return false;
    }
    m_baseUrl = url;
    if (errorMessage)
        errorMessage->clear();
    return true;
}

bool ApiClient::isSameOrigin(const QUrl &a, const QUrl &b) {
    if (!a.isValid() || !b.isValid() || a.host().isEmpty())
        return false;
    const auto defaultPort = [](const QString &scheme) {
        return scheme == "https"_L1 ? 443 : (scheme == "http"_L1 ? 80 : -1);
    };
    const QString scheme = a.scheme().toLower();
    return scheme == b.scheme().toLower() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
           && a.port(defaultPort(scheme)) == b.port(defaultPort(scheme));
}

std::optional<std::pair<QString, QUrlQuery>> ApiClient::apiPathOf(const QUrl &url) const {
    if (!url.isValid() || !url.userInfo().isEmpty() || !isApiOrigin(url))
        return std::nullopt;
    QString basePath = m_baseUrl.path(QUrl::FullyEncoded);
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    const QString path = url.path(QUrl::FullyEncoded);
    if (!path.startsWith(basePath + u'/'))
        return std::nullopt;
    QString apiPath = path.sliced(basePath.size());
    if (!checkPath(apiPath).isEmpty())
        return std::nullopt;
    return std::make_pair(std::move(apiPath), QUrlQuery(url));
}

void ApiClient::setApiKey(const QString &key) {
    m_apiKey = key.trimmed();
    Redactor::addSecret(m_apiKey);
}

void ApiClient::setTransferTimeout(std::chrono::milliseconds timeout) {
    m_transferTimeout = std::max(timeout, 0ms);
}

void ApiClient::setStreamContentTimeout(std::chrono::milliseconds timeout) {
    m_streamContentTimeout = std::max(timeout, 0ms);
}

void ApiClient::setStreamLimits(qsizetype maxLineSize, qsizetype maxEventSize) {
    m_maxStreamLineSize = std::max<qsizetype>(maxLineSize, 1);
    m_maxStreamEventSize = std::max<qsizetype>(maxEventSize, 1);
}

void ApiClient::setDeadline(std::chrono::milliseconds deadline) {
    m_deadline = std::max(deadline, 0ms);
}

ApiClient::Built ApiClient::buildRequest(const QString &path, const QUrlQuery &query,
                                         const QByteArray &accept, const QByteArray &contentType,
                                         ApiError::Context context) const {
    Built built;
    if (const QString problem = checkPath(path); !problem.isEmpty()) {
        built.error = ApiError::invalidRequest(problem, context);
        return built;
    }
    QUrl url = m_baseUrl;
    // Both parts are already percent-encoded (ids go through encodePathSegment()).
    QString basePath = url.path(QUrl::FullyEncoded);
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + path, QUrl::TolerantMode);
    if (!query.isEmpty())
        url.setQuery(query);
    if (!m_apiKey.isEmpty()
        && (url.toString(QUrl::FullyEncoded).contains(m_apiKey)
            || url.path(QUrl::FullyDecoded).contains(m_apiKey)
            || url.query(QUrl::FullyDecoded).contains(m_apiKey))) {
        built.error = ApiError::invalidRequest(u"refusing to put the API key in a URL"_s, context);
        return built;
    }

    QNetworkRequest &request = built.request;
    request.setUrl(url);
    request.setHeader(QNetworkRequest::UserAgentHeader, m_userAgent);
    request.setRawHeader("Accept", accept);
    if (!m_apiKey.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_apiKey.toUtf8());
    if (!contentType.isEmpty())
        request.setRawHeader("Content-Type", contentType);
    // Redirects are followed by the job itself, which drops the key on a change of origin.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    return built;
}

void ApiClient::configure(ApiJob *job, ApiJob::ResponseKind kind) const {
    job->setTransferTimeout(m_transferTimeout);
    job->setDeadline(kind == ApiJob::ResponseKind::Stream ? 0ms : m_deadline);
    job->setRetryPolicy(m_retryPolicy);
}

ApiJob *ApiClient::makeJob(ApiJob::Method method, const QString &path, const QUrlQuery &query,
                           const QByteArray &body, const QByteArray &contentType,
                           ApiJob::ResponseKind kind, const QByteArray &accept,
                           ApiError::Context context) {
    Built built = buildRequest(path, query, accept, contentType, context);
    if (!m_nam && !built.error.isError())
        built.error = ApiError::invalidRequest(u"no network access manager"_s, context);
    auto *job = new ApiJob(m_nam, built.request, method, body, kind, context, this, built.error);
    configure(job, kind);
    return job;
}

ApiJob *ApiClient::get(const QString &path, const QUrlQuery &query, ApiError::Context context) {
    return makeJob(ApiJob::Method::Get, path, query, {}, QByteArray(), ApiJob::ResponseKind::Json,
                   "application/json", context);
}

ApiJob *ApiClient::postJson(const QString &path, const QJsonObject &body,
                            ApiError::Context context) {
    return makeJob(ApiJob::Method::Post, path, {},
                   QJsonDocument(body).toJson(QJsonDocument::Compact), kJson.toByteArray(),
                   ApiJob::ResponseKind::Json, "application/json", context);
}

ApiJob *ApiClient::patchJson(const QString &path, const QJsonObject &body,
                             ApiError::Context context) {
    return makeJob(ApiJob::Method::Patch, path, {},
                   QJsonDocument(body).toJson(QJsonDocument::Compact), kJson.toByteArray(),
                   ApiJob::ResponseKind::Json, "application/json", context);
}

ApiJob *ApiClient::patchJson(const QString &path, const QJsonObject &body, const QUrlQuery &query,
                             ApiError::Context context) {
    return makeJob(ApiJob::Method::Patch, path, query,
                   QJsonDocument(body).toJson(QJsonDocument::Compact), kJson.toByteArray(),
                   ApiJob::ResponseKind::Json, "application/json", context);
}

ApiJob *ApiClient::putJson(const QString &path, const QJsonObject &body,
                           ApiError::Context context) {
    return makeJob(ApiJob::Method::Put, path, {},
                   QJsonDocument(body).toJson(QJsonDocument::Compact), kJson.toByteArray(),
                   ApiJob::ResponseKind::Json, "application/json", context);
}

ApiJob *ApiClient::deleteResource(const QString &path, ApiError::Context context) {
    return makeJob(ApiJob::Method::Delete, path, {}, {}, QByteArray(), ApiJob::ResponseKind::Json,
                   "application/json", context);
}

ApiJob *ApiClient::postMultipart(const QString &path, const QByteArray &body,
                                 const QByteArray &contentType, ApiError::Context context) {
    ApiJob *job = makeJob(ApiJob::Method::Post, path, {}, body, contentType,
                          ApiJob::ResponseKind::Json, "application/json", context);
    job->setDeadline(0ms);
    return job;
}

ApiJob *ApiClient::download(const QString &path, const QByteArray &accept,
                            ApiError::Context context, qint64 maxBytes) {
    return download(path, QUrlQuery(), accept, context, maxBytes);
}

ApiJob *ApiClient::download(const QString &path, const QUrlQuery &query, const QByteArray &accept,
                            ApiError::Context context, qint64 maxBytes) {
    ApiJob *job = makeJob(ApiJob::Method::Get, path, query, {}, QByteArray(),
                          ApiJob::ResponseKind::Raw, accept, context);
    job->setMaxBodySize(maxBytes >= 0 ? maxBytes : m_maxDownloadSize);
    return job;
}

ApiJob *ApiClient::fetchExternal(const QUrl &url, const QByteArray &accept,
                                 ApiError::Context context, qint64 maxBytes) {
    ApiError error;
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty())
        error = ApiError::invalidRequest(u"the address is not a valid URL"_s, context);
    else if (scheme != "https"_L1 && !(scheme == "http"_L1 && isLoopbackHost(url.host())))
        error =
            ApiError::invalidRequest(u"only https is fetched (%1 refused)"_s.arg(scheme), context);
    else if (!m_nam)
        error = ApiError::invalidRequest(u"no network access manager"_s, context);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::UserAgentHeader, m_userAgent);
    request.setRawHeader("Accept", accept);
    // Nothing of the user's goes along: no cookies, no stored credentials, never the key.
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    auto *job = new ApiJob(m_nam, request, ApiJob::Method::Get, {}, ApiJob::ResponseKind::Raw,
                           context, this, error);
    configure(job, ApiJob::ResponseKind::Raw);
    job->setRetryPolicy(RetryPolicy::never());
    job->setMaxBodySize(maxBytes);
    return job;
}

StreamJob *ApiClient::streamPost(const QString &path, const QJsonObject &body,
                                 ApiError::Context context, StreamJob::Mode mode) {
    Built built = buildRequest(path, {}, "text/event-stream", kJson.toByteArray(), context);
    if (!m_nam && !built.error.isError())
        built.error = ApiError::invalidRequest(u"no network access manager"_s, context);
    auto *job =
        new StreamJob(m_nam, built.request, QJsonDocument(body).toJson(QJsonDocument::Compact),
                      mode, context, this, built.error);
    configure(job, ApiJob::ResponseKind::Stream);
    job->setContentTimeout(m_streamContentTimeout);
    job->setStreamLimits(m_maxStreamLineSize, m_maxStreamEventSize);
    return job;
}

} // namespace Tramontane
