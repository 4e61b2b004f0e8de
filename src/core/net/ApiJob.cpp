// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/ApiJob.h"

#include "core/Logging.h"
#include "core/net/ApiClient.h"

#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace Tramontane {

namespace {

// An error body is only read for its message: the rest is dropped.
constexpr qsizetype kMaxErrorBodySize = 1024 * 1024;
constexpr int kMaxRedirects = 5;

// QNetworkReply codes below 200 are transport failures (connection, TLS, proxy, timeout);
// from 200 on they only restate the HTTP status, which is handled from the status itself.
bool isTransportError(QNetworkReply::NetworkError error) {
    return error > QNetworkReply::NoError && error < QNetworkReply::ContentAccessDenied;
}

bool isRedirectStatus(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

} // namespace

ApiJob::ApiJob(QNetworkAccessManager *nam, const QNetworkRequest &request, Method method,
               const QByteArray &requestBody, ResponseKind kind, ApiError::Context context,
               QObject *parent, const ApiError &error)
    : Job(context, parent)
    , m_nam(nam)
    , m_request(request)
    , m_origin(request.url())
    , m_requestBody(requestBody)
    , m_method(method)
    , m_kind(kind)
    , m_context(context)
    , m_path(request.url().path())
    , m_presetError(error) {
    m_retryTimer.setSingleShot(true);
    m_deadlineTimer.setSingleShot(true);
    // A coarse timer may fire up to 5 % early; a deadline must not.
    m_deadlineTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_retryTimer, &QTimer::timeout, this, &ApiJob::startAttempt);
    connect(&m_deadlineTimer, &QTimer::timeout, this, &ApiJob::onDeadline);
    // Start from the event loop: the creator connects signals and adjusts settings first.
    QMetaObject::invokeMethod(this, &ApiJob::startAttempt, Qt::QueuedConnection);
}

ApiJob::~ApiJob() {
    // End here rather than in ~Job, so finished() fires while this is still an ApiJob.
    abandon();
}

QString ApiJob::requestId() const {
    QByteArray id = headerValue(m_responseHeaders, "mistral-correlation-id");
    if (id.isEmpty())
        id = headerValue(m_responseHeaders, "x-kong-request-id");
    if (!id.isEmpty())
        return QString::fromLatin1(id.trimmed());
    return error().requestId();
}

QByteArray ApiJob::responseHeader(QByteArrayView name) const {
    return headerValue(m_responseHeaders, name);
}

std::chrono::milliseconds ApiJob::elapsed() const {
    if (m_finalElapsed >= 0ms)
        return m_finalElapsed;
    return m_clock.isValid() ? std::chrono::milliseconds(m_clock.elapsed()) : 0ms;
}

void ApiJob::setDeadline(std::chrono::milliseconds deadline) {
    m_deadline = std::max(deadline, 0ms);
    if (m_deadlineTimer.isActive()) {
        const auto left = m_deadline - elapsed();
        if (m_deadline == 0ms)
            m_deadlineTimer.stop();
        else
            m_deadlineTimer.start(std::max(left, 0ms));
    }
}

void ApiJob::setTransferTimeout(std::chrono::milliseconds timeout) {
    m_transferTimeout = std::max(timeout, 0ms);
}

bool ApiJob::isIdempotent() const {
    return m_method == Method::Get || m_method == Method::Put || m_method == Method::Delete;
}

QLatin1StringView ApiJob::methodName() const {
    switch (m_method) {
    case Method::Get:
        return "GET"_L1;
    case Method::Post:
        return "POST"_L1;
    case Method::Put:
        return "PUT"_L1;
    case Method::Patch:
        return "PATCH"_L1;
    case Method::Delete:
        return "DELETE"_L1;
    }
    return "?"_L1;
}

void ApiJob::startAttempt() {
    if (isFinished())
        return;
    if (m_presetError.isError()) {
        fail(m_presetError);
        return;
    }
    if (!m_nam) {
        fail(ApiError::invalidRequest(u"no network access manager"_s, m_context));
        return;
    }
    if (m_attempts == 0) {
        m_clock.start();
        if (m_deadline > 0ms)
            m_deadlineTimer.start(m_deadline);
    }
    ++m_attempts;
    m_httpStatus = 0;
    m_responseHeaders.clear();
    m_body.clear();
    m_json = {};
    m_responseStarted = false;
    m_firstByte.reset();
    handleAttemptStart();

    QNetworkRequest request = m_request;
    request.setTransferTimeout(static_cast<int>(m_transferTimeout.count()));
    qCDebug(lcNet).noquote() << methodName() << m_path << "attempt" << m_attempts;

    switch (m_method) {
    case Method::Get:
        m_reply = m_nam->get(request);
        break;
    case Method::Post:
        m_reply = m_nam->post(request, m_requestBody);
        break;
    case Method::Put:
        m_reply = m_nam->put(request, m_requestBody);
        break;
    case Method::Patch:
        m_reply = m_nam->sendCustomRequest(request, "PATCH", m_requestBody);
        break;
    case Method::Delete:
        m_reply = m_nam->deleteResource(request);
        break;
    }
    m_attemptClock.start();
    m_lastActivity.start();
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &ApiJob::onMetaDataChanged);
    connect(m_reply, &QNetworkReply::readyRead, this, &ApiJob::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &ApiJob::onReplyFinished);
    connect(m_reply, &QNetworkReply::downloadProgress, this, &ApiJob::progress);
    connect(m_reply, &QNetworkReply::uploadProgress, this, &ApiJob::uploadProgress);
    connect(m_reply, &QObject::destroyed, this, &ApiJob::onReplyDestroyed);
}

void ApiJob::onMetaDataChanged() {
    if (!m_reply)
        return;
    m_lastActivity.restart();
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid())
        return;
    m_httpStatus = status.toInt();
    m_responseHeaders = m_reply->rawHeaderPairs();
    m_responseStarted = true;
    if (!m_firstByte)
        m_firstByte = std::chrono::milliseconds(m_attemptClock.elapsed());

    if (isSuccessStatus() && m_kind != ResponseKind::Stream) {
        bool ok = false;
        const qint64 length = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&ok);
        if (ok && length > m_maxBodySize) {
            fail(ApiError::tooLarge(
                m_maxBodySize, m_context,
                u"response of %1 bytes is over the limit of %2 bytes"_s.arg(length).arg(
                    m_maxBodySize)));
        }
    }
}

void ApiJob::onReadyRead() {
    if (!m_reply || !m_reply->isOpen() || m_reply->bytesAvailable() <= 0)
        return;
    if (m_httpStatus == 0)
        onMetaDataChanged();
    if (isFinished())
        return;
    const QByteArray data = m_reply->readAll();
    if (data.isEmpty())
        return;
    m_lastActivity.restart();
    m_responseStarted = true;
    if (!m_firstByte)
        m_firstByte = std::chrono::milliseconds(m_attemptClock.elapsed());

    if (isSuccessStatus()) {
        if (m_kind == ResponseKind::Stream) {
            handleSuccessBytes(data);
            return;
        }
        if (m_body.size() + data.size() > m_maxBodySize) {
            fail(
                ApiError::tooLarge(m_maxBodySize, m_context,
                                   u"response is over the limit of %1 bytes"_s.arg(m_maxBodySize)));
            return;
        }
        m_body += data;
    } else if (m_body.size() < kMaxErrorBodySize) {
        m_body += QByteArrayView(data).first(
            std::min<qsizetype>(data.size(), kMaxErrorBodySize - m_body.size()));
    }
}

void ApiJob::handleSuccessBytes(QByteArrayView bytes) {
    m_body += bytes;
}

void ApiJob::onReplyFinished() {
    QNetworkReply *reply = m_reply;
    if (!reply || isFinished())
        return;
    onReadyRead(); // whatever arrived with the end
    if (isFinished())
        return;
    const QNetworkReply::NetworkError code = reply->error();
    const QString errorString = reply->errorString();
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (status.isValid()) {
        m_httpStatus = status.toInt();
        m_responseHeaders = reply->rawHeaderPairs();
    }
    releaseReply(false);

    if (isTransportError(code) || (code != QNetworkReply::NoError && m_httpStatus == 0)) {
        ApiError error;
        if (code == QNetworkReply::OperationCanceledError || code == QNetworkReply::TimeoutError) {
            // We never abort a reply we still listen to, so this is either Qt's idle timeout
            // (reported as a cancellation) or someone else aborting it.
            const qint64 timeoutMs = m_transferTimeout.count();
            const bool idle =
                timeoutMs > 0 && m_lastActivity.elapsed() + 50 + timeoutMs / 5 >= timeoutMs;
            if (!idle && code == QNetworkReply::OperationCanceledError) {
                cancel();
                return;
            }
            error = ApiError::timeout(
                m_context, u"no data received for %1 ms"_s.arg(m_transferTimeout.count()));
        } else {
            error = ApiError::fromNetworkError(code, errorString, m_context);
        }
        error.setHttpStatus(m_httpStatus);
        error.setRequestId(requestId());
        failOrRetry(adaptTransportError(error));
        return;
    }

    if (isSuccessStatus()) {
        handleSuccessEnd();
        return;
    }
    if (isRedirectStatus(m_httpStatus) && followRedirect())
        return;
    failOrRetry(ApiError::fromHttp(m_httpStatus, m_responseHeaders, m_body, m_context));
}

bool ApiJob::followRedirect() {
    // Only reads are followed (downloads may be served from elsewhere). The key goes along
    // only to the origin the job started on (the API's: ApiClient::isApiOrigin), and never
    // over plain http except on loopback.
    if (!m_followRedirects || m_method != Method::Get || m_redirects >= kMaxRedirects)
        return false;
    const QByteArray location = headerValue(m_responseHeaders, "location");
    if (location.isEmpty())
        return false;
    const QUrl current = m_request.url();
    const QUrl target = current.resolved(QUrl::fromEncoded(location));
    if (!ApiClient::checkBaseUrl(target).isEmpty())
        return false;
    if (!ApiClient::isSameOrigin(m_origin, target))
        m_request.setRawHeader("Authorization", QByteArray());
    ++m_redirects;
    qCDebug(lcNet).noquote() << methodName() << m_path << "redirected to" << target.path();
    m_request.setUrl(target);
    --m_attempts; // a redirect is the same attempt
    m_retryTimer.start(0);
    return true;
}

void ApiJob::handleSuccessEnd() {
    if (m_kind == ResponseKind::Json && !m_body.trimmed().isEmpty()) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(m_body, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            fail(ApiError::invalidResponse(
                u"malformed JSON at offset %1: %2"_s.arg(parseError.offset)
                    .arg(parseError.errorString()),
                m_context));
            return;
        }
        if (!doc.isObject() && !doc.isArray()) {
            fail(ApiError::invalidResponse(u"expected a JSON object or array"_s, m_context));
            return;
        }
        m_json = doc;
    }
    succeed();
}

void ApiJob::onReplyDestroyed() {
    // Only reached when someone else deleted the reply (we disconnect before deleting ours),
    // e.g. the network access manager going away.
    m_reply = nullptr;
    cancel();
}

void ApiJob::onDeadline() {
    if (isFinished())
        return;
    fail(ApiError::timeout(m_context,
                           u"the request took longer than %1 ms"_s.arg(m_deadline.count())));
}

void ApiJob::failOrRetry(const ApiError &error) {
    if (isFinished())
        return;
    const RetryPolicy::Attempt attempt{m_attempts, isIdempotent(), m_responseStarted,
                                       m_eventDelivered};
    std::optional<std::chrono::milliseconds> delay = m_retryPolicy.nextDelay(error, attempt);
    // Waiting past the deadline only to time out helps nobody: give the real error now.
    if (delay && m_deadline > 0ms && elapsed() + *delay >= m_deadline)
        delay.reset();
    if (!delay) {
        fail(error);
        return;
    }
    qCInfo(lcNet).noquote() << methodName() << m_path << "failed:" << error.toLogString()
                            << "- retrying in" << delay->count() << "ms";
    Q_EMIT retrying(m_attempts + 1, static_cast<int>(delay->count()), error);
    if (isFinished())
        return; // canceled by a slot
    m_retryTimer.start(*delay);
}

void ApiJob::releaseReply(bool abort) {
    QNetworkReply *reply = std::exchange(m_reply, nullptr);
    if (!reply)
        return;
    disconnect(reply, nullptr, this, nullptr);
    if (abort && reply->isRunning())
        reply->abort();
    reply->deleteLater();
}

void ApiJob::handleFinish(ApiError &error) {
    if (error.isError() && error.requestId().isEmpty())
        error.setRequestId(requestId());
    if (error.isError())
        error.setAttempts(m_attempts);
    m_finalElapsed = m_clock.isValid() ? std::chrono::milliseconds(m_clock.elapsed()) : 0ms;
    m_retryTimer.stop();
    m_deadlineTimer.stop();
    releaseReply(true);
    logFinish(error);
}

void ApiJob::logFinish(const ApiError &error) const {
    const qint64 ms = m_finalElapsed.count();
    switch (status()) {
    case Status::Succeeded:
        qCDebug(lcNet).noquote() << methodName() << m_path << "->" << m_httpStatus << "in" << ms
                                 << "ms, attempts" << m_attempts << "request-id" << requestId();
        break;
    case Status::Failed:
        qCInfo(lcNet).noquote() << methodName() << m_path << "failed in" << ms << "ms, attempts"
                                << m_attempts << "-" << error.toLogString();
        break;
    case Status::Canceled:
        qCDebug(lcNet).noquote() << methodName() << m_path << "canceled after" << ms << "ms";
        break;
    case Status::Pending:
        break;
    }
}

} // namespace Tramontane
