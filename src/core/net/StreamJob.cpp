// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/StreamJob.h"

#include "core/Logging.h"

#include <QJsonParseError>
#include <QMetaMethod>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

// A JSON answer to a streaming request is an error body at best; keep enough to read it.
constexpr qsizetype kMaxJsonBodySize = 1024 * 1024;

constexpr auto kConversationDone = "conversation.response.done"_L1;
constexpr auto kConversationError = "conversation.response.error"_L1;

bool isEvent(const SseEvent &event, const QJsonObject &chunk, QLatin1StringView type) {
    return QLatin1StringView(event.event) == type || chunk.value("type"_L1).toString() == type;
}

} // namespace

StreamJob::StreamJob(QNetworkAccessManager *nam, const QNetworkRequest &request,
                     const QByteArray &requestBody, Mode mode, ApiError::Context context,
                     QObject *parent, const ApiError &error)
    : ApiJob(nam, request, Method::Post, requestBody, ResponseKind::Stream, context, parent, error)
    , m_mode(mode) {
    m_contentTimer.setSingleShot(true);
    connect(&m_contentTimer, &QTimer::timeout, this, &StreamJob::onContentTimeout);
}

StreamJob::~StreamJob() {
    // End here rather than in ~ApiJob, so finished() fires while this is still a StreamJob.
    abandon();
}

void StreamJob::setContentTimeout(std::chrono::milliseconds timeout) {
    m_contentTimeout = std::max(timeout, std::chrono::milliseconds::zero());
}

void StreamJob::setStreamLimits(qsizetype maxLineSize, qsizetype maxEventSize) {
    m_parser.setLimits(maxLineSize, maxEventSize);
}

void StreamJob::onContentTimeout() {
    if (isFinished())
        return;
    qCDebug(lcSse).noquote() << path() << "no data event for" << m_contentTimeout.count() << "ms";
    fail(ApiError::timeout(
        context(), u"no data event for %1 ms after %2 events"_s.arg(m_contentTimeout.count())
                       .arg(m_eventCount)));
}

void StreamJob::handleAttemptStart() {
    if (m_contentTimeout.count() > 0)
        m_contentTimer.start(m_contentTimeout);
    m_parser.reset();
    m_bytesSeen = false;
    m_jsonInsteadOfStream = false;
    m_contentType.clear();
    m_jsonBody.clear();
}

void StreamJob::handleSuccessBytes(QByteArrayView bytes) {
    if (!m_bytesSeen) {
        m_bytesSeen = true;
        const QByteArray type = responseHeader("content-type").trimmed().toLower();
        m_contentType = QString::fromLatin1(type);
        // A server that ignored "stream": true answers with plain JSON.
        m_jsonInsteadOfStream = type.startsWith("application/json");
        // Anything else that says what it is and is not a stream (an HTML sign-in page, a
        // proxy's error page) is not read as one. No type at all is given the benefit of the
        // doubt: the parser tells at the end.
        if (!m_jsonInsteadOfStream && !type.isEmpty() && !type.startsWith("text/event-stream")) {
            fail(ApiError::notAStream(
                m_contentType, context(),
                u"HTTP %1 with Content-Type %2 instead of text/event-stream"_s.arg(httpStatus())
                    .arg(m_contentType)));
            return;
        }
    }
    if (m_jsonInsteadOfStream) {
        if (m_jsonBody.size() < kMaxJsonBodySize)
            m_jsonBody += bytes.first(std::min(bytes.size(), kMaxJsonBodySize - m_jsonBody.size()));
        return;
    }
    const QList<SseEvent> events = m_parser.feed(bytes);
    for (const SseEvent &event : events) {
        handleEvent(event);
        if (isFinished())
            return; // ended by this event, or canceled by a slot
    }
    if (m_parser.hasError()) {
        fail(ApiError::invalidResponse(
            u"after %1 events: %2"_s.arg(m_eventCount).arg(m_parser.errorString()), context()));
    }
}

void StreamJob::handleEvent(const SseEvent &event) {
    if (isFinished())
        return;
    if (event.event == "error") {
        fail(ApiError::streamError(event.data, context()));
        return;
    }
    if (m_mode == Mode::Chat && event.isDone()) {
        succeed();
        return;
    }
    if (event.data.trimmed().isEmpty())
        return; // nothing to deliver (an empty keep-alive event)
    if (m_contentTimer.isActive())
        m_contentTimer.start(); // content arrived: the silence is counted again

    // The common chunk shape, read without QJsonDocument: a JSON object without `error`.
    if (m_mode == Mode::Chat && decodeChunk(event.data, &m_decoded)) {
        deliver(event, &m_decoded, {});
        return;
    }

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(event.data, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        const QString why = parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                         : u"not a JSON object"_s;
        fail(ApiError::invalidResponse(
            u"stream event %1 is malformed: %2"_s.arg(m_eventCount + 1).arg(why), context()));
        return;
    }
    const QJsonObject chunk = doc.object();
    const QJsonValue error = chunk.value("error"_L1);
    const bool isErrorEvent = isEvent(event, chunk, kConversationError);
    // The API's own error shape, {"object":"error","message":…,"type":…,"code":…}, may also
    // arrive as an event after the 200: it is the server's error, not a chunk.
    const bool isErrorObject = chunk.value("object"_L1).toString() == "error"_L1;
    if (error.isObject() || (error.isString() && !error.toString().isEmpty()) || isErrorObject
        || (m_mode == Mode::Conversation && isErrorEvent)) {
        fail(ApiError::streamError(event.data, context()));
        return;
    }

    deliver(event, nullptr, chunk);
    if (isFinished())
        return;
    if (m_mode == Mode::Conversation && isEvent(event, chunk, kConversationDone))
        succeed();
}

void StreamJob::deliver(const SseEvent &event, const DecodedChunk *decoded,
                        const QJsonObject &chunk) {
    ++m_eventCount;
    markEventDelivered();
    Q_EMIT eventReceived(event);
    if (isFinished())
        return;
    if (m_mode == Mode::Chat) {
        Q_EMIT chatChunkReceived(decoded, chunk);
        if (isFinished())
            return;
    }
    if (!decoded) {
        Q_EMIT chunkReceived(chunk);
    } else if (isSignalConnected(QMetaMethod::fromSignal(&StreamJob::chunkReceived))) {
        Q_EMIT chunkReceived(QJsonDocument::fromJson(event.data).object());
    }
}

void StreamJob::handleSuccessEnd() {
    if (m_jsonInsteadOfStream) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(m_jsonBody, &parseError);
        const QJsonValue error = doc.object().value("error"_L1);
        if (error.isObject() || error.isString())
            fail(ApiError::streamError(m_jsonBody, context()));
        else
            fail(ApiError::invalidResponse(u"expected an event stream, got JSON"_s, context()));
        return;
    }
    if (m_eventCount == 0 && m_parser.bytesFed() > 0 && !m_parser.hasSeenStreamLine()) {
        // Bytes came, but not one line of an event stream: the server sent something else.
        fail(ApiError::notAStream(
            m_contentType, context(),
            u"%1 bytes without a line of the event-stream format"_s.arg(m_parser.bytesFed())));
        return;
    }
    const QString what = m_mode == Mode::Chat ? u"[DONE]"_s : QString(kConversationDone);
    qCDebug(lcSse).noquote() << path() << "ended after" << m_eventCount << "events without" << what
                             << (m_parser.hasPartialEvent() ? "(partial event dropped)" : "");
    failOrRetry(ApiError::streamInterrupted(
        context(), u"the stream ended after %1 events without %2"_s.arg(m_eventCount).arg(what)));
}

ApiError StreamJob::adaptTransportError(const ApiError &error) {
    // Once the stream answered 200, a drop or a silence is an interrupted answer.
    if (isSuccessStatus()
        && (error.kind() == ApiError::Kind::Network || error.kind() == ApiError::Kind::Timeout)) {
        ApiError interrupted = ApiError::streamInterrupted(
            context(), u"after %1 events: %2"_s.arg(m_eventCount)
                           .arg(error.detail().isEmpty() ? QString(ApiError::kindName(error.kind()))
                                                         : error.detail()));
        interrupted.setHttpStatus(error.httpStatus());
        interrupted.setRequestId(error.requestId());
        return interrupted;
    }
    return error;
}

} // namespace Tramontane
