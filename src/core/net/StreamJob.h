// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/ApiJob.h"
#include "core/net/SseParser.h"
#include "core/protocol/ChunkDecoder.h"

#include <QJsonObject>
#include <QTimer>

#include <chrono>

namespace Tramontane {

//! A streamed POST answered with server-sent events. Bytes go through SseParser as they
//! arrive; each data event is checked and handed out with eventReceived(), then (Chat mode)
//! chatChunkReceived(), then chunkReceived(). How it ends:
//! - Chat mode: `data: [DONE]` -> Succeeded. Conversation mode: the event
//!   `conversation.response.done` -> Succeeded (that stream has no [DONE]).
//! - `event: error`, a data object carrying an `error` (object or string), or
//!   `conversation.response.error` -> Failed, StreamError with the server's message.
//! - A data event that is not a JSON object -> Failed, InvalidResponse.
//! - A success status whose body is no event stream: a Content-Type other than
//!   text/event-stream (an HTML sign-in page, a proxy's error page), or bytes that end without
//!   a single line of the format -> Failed, NotAStream, with the content type. Not retried.
//! - The connection closing, dropping, or staying idle past the transfer timeout before the
//!   end -> Failed, StreamInterrupted. A trailing partial event is discarded.
//! - A line or an event over the parser's limits (a line that never ends) -> Failed,
//!   InvalidResponse; memory stays bounded.
//! - No data event for contentTimeout() (a stream kept open by keep-alive comments alone)
//!   -> Failed, Timeout.
//! - An HTTP error before the stream -> Failed with the parsed ApiError, as for ApiJob.
//! Chunks delivered before a failure stay delivered. Retries follow the RetryPolicy, and
//! never happen once an event was delivered. Streams have no overall deadline.
class StreamJob final : public ApiJob {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StreamJob)

public:
    enum class Mode {
        Chat,         //!< /v1/chat/completions, /v1/agents/completions: ends with [DONE]
        Conversation, //!< /v1/conversations: ends after conversation.response.done
    };
    Q_ENUM(Mode)

    ~StreamJob() override;

    Mode mode() const { return m_mode; }
    //! Data events delivered so far (over all attempts; retries only happen before the first).
    int eventCount() const { return m_eventCount; }
    //! The id of the last event, for a Last-Event-ID.
    QByteArray lastEventId() const { return m_parser.lastEventId(); }

    std::chrono::milliseconds contentTimeout() const { return m_contentTimeout; }
    //! Fails the stream as a Timeout when no data event arrives for this long (counted from
    //! the start of each attempt and from each event); 0 disables it. Set it right after
    //! creation.
    void setContentTimeout(std::chrono::milliseconds timeout);
    //! Largest line and largest event the stream accepts (see SseParser::setLimits).
    void setStreamLimits(qsizetype maxLineSize, qsizetype maxEventSize);

Q_SIGNALS:
    //! A data event, as parsed (its `event:` name, data and id).
    void eventReceived(const Tramontane::SseEvent &event);
    //! The same event's data as a JSON object (a chat.completion.chunk, or a conversation
    //! event with its `type`).
    //! Chat mode: the same event for StreamAccumulator. When decodeChunk() could read it,
    //! `decoded` points at the result (valid during the emission) and `chunk` is empty; else
    //! `decoded` is null and `chunk` is the JSON object. A decoded event skips QJsonDocument,
    //! unless chunkReceived() has a receiver.
    void chatChunkReceived(const Tramontane::DecodedChunk *decoded, const QJsonObject &chunk);
    //! The same event's data as a JSON object (a chat.completion.chunk, or a conversation
    //! event with its `type`).
    void chunkReceived(const QJsonObject &chunk);

protected:
    void handleAttemptStart() override;
    void handleSuccessBytes(QByteArrayView bytes) override;
    void handleSuccessEnd() override;
    ApiError adaptTransportError(const ApiError &error) override;

private:
    friend class ApiClient;
    StreamJob(QNetworkAccessManager *nam, const QNetworkRequest &request,
              const QByteArray &requestBody, Mode mode, ApiError::Context context, QObject *parent,
              const ApiError &error = {});

    void handleEvent(const SseEvent &event);
    //! Counts and hands out one checked data event.
    void deliver(const SseEvent &event, const DecodedChunk *decoded, const QJsonObject &chunk);
    void onContentTimeout();

    Mode m_mode;
    SseParser m_parser;
    DecodedChunk m_decoded; // reused from event to event
    QTimer m_contentTimer;
    std::chrono::milliseconds m_contentTimeout{0};
    int m_eventCount = 0;
    bool m_bytesSeen = false; // in this attempt
    bool m_jsonInsteadOfStream = false;
    QString m_contentType; // of this attempt's success response
    QByteArray m_jsonBody;
};

} // namespace Tramontane

Q_DECLARE_METATYPE(Tramontane::SseEvent)
