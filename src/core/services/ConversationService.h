// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/ApiError.h"
#include "core/protocol/ConversationAccumulator.h"
#include "core/protocol/ConversationEntry.h"
#include "core/protocol/ConversationRequest.h"
#include "core/services/RunEnding.h"
#include "core/services/ServiceResult.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

namespace Tramontane {

class ApiClient;
class ApiJob;
class StreamJob;
struct SseEvent;

//! One streamed conversation turn (start, append or restart): the events decoded and rebuilt
//! into ordered outputs as they arrive. finished() fires exactly once, then the run deletes
//! itself later (hold it in a QPointer). After a failure, outputs() still holds everything
//! that arrived: a stream cut before `conversation.response.done` is Interrupted with its
//! partial outputs; a `conversation.response.error` is Failed with the server's message.
class ConversationRun final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationRun)

public:
    using Outcome = RunOutcome;

    const ConversationAccumulator &accumulator() const { return m_accumulator; }
    const QList<ConversationOutput> &outputs() const { return m_accumulator.outputs(); }
    //! The server's conversation id, known from the first event (append to it next time).
    QString conversationId() const { return m_accumulator.conversationId(); }
    Outcome outcome() const { return m_outcome; }
    ApiError error() const { return m_error; }
    QString requestId() const { return m_requestId; }
    //! True once any event arrived (a retry after that would repeat what the user saw).
    bool receivedAny() const { return m_accumulator.eventCount() > 0; }
    //! Milliseconds from the start to the first event, -1 before it.
    qint64 firstEventLatencyMs() const { return m_firstEventMs; }

    void cancel();

Q_SIGNALS:
    //! An event was applied; \a update says which outputs changed.
    void updated(const Tramontane::ConversationUpdate &update);
    //! The request failed before any event and is sent again in \a delayMs (attempt number
    //! \a attempt), after \a error.
    void retrying(int attempt, int delayMs, const Tramontane::ApiError &error);
    void finished();

private:
    friend class ConversationService;
    ConversationRun(StreamJob *job, QObject *parent);
    void onEvent(const SseEvent &event);
    void onChunk(const QJsonObject &chunk);
    void onFinished();

    QPointer<StreamJob> m_job;
    ConversationAccumulator m_accumulator;
    QByteArray m_eventName; // the `event:` line of the event being delivered
    Outcome m_outcome = Outcome::Running;
    ApiError m_error;
    QString m_requestId;
    QElapsedTimer m_clock;
    qint64 m_firstEventMs = -1;
};

//! The Conversations API (`/v1/conversations`): start a conversation with a model or an agent,
//! append to it, or restart it from an earlier entry; streamed (a ConversationRun) or not (a
//! callback with the ConversationResponse). This is the endpoint that runs web search, code
//! interpreter, document libraries, handoffs and tool confirmations.
class ConversationService final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationService)

public:
    explicit ConversationService(ApiClient *client, QObject *parent = nullptr);

    //! Streamed; the request's `stream` flag is set for you.
    ConversationRun *startStream(ConversationStartRequest request);
    ConversationRun *appendStream(ConversationAppendRequest request);
    ConversationRun *restartStream(ConversationRestartRequest request);

    //! Not streamed.
    QPointer<ApiJob> start(ConversationStartRequest request, QObject *context,
                           ServiceCallback<ConversationResponse> callback);
    QPointer<ApiJob> append(ConversationAppendRequest request, QObject *context,
                            ServiceCallback<ConversationResponse> callback);
    QPointer<ApiJob> restart(ConversationRestartRequest request, QObject *context,
                             ServiceCallback<ConversationResponse> callback);

    //! Every entry of a conversation (to continue it where it was, or to replay it).
    QPointer<ApiJob> history(const QString &conversationId, QObject *context,
                             ServiceCallback<ConversationHistory> callback);

    static QString startPath() { return QStringLiteral("/v1/conversations"); }
    //! `/v1/conversations/{id}` (the id percent-encoded).
    static QString appendPath(const QString &conversationId);
    static QString restartPath(const QString &conversationId);
    static QString historyPath(const QString &conversationId);

private:
    ConversationRun *stream(const QString &path, const QJsonObject &body);
    QPointer<ApiJob> post(const QString &path, const QJsonObject &body, QObject *context,
                          ServiceCallback<ConversationResponse> callback);

    ApiClient *m_client;
};

} // namespace Tramontane
