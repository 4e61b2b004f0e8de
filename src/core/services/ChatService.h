// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/ApiError.h"
#include "core/protocol/ChatCompletion.h"
#include "core/protocol/ChatRequest.h"
#include "core/protocol/StreamAccumulator.h"
#include "core/services/RunEnding.h"
#include "core/services/ServiceResult.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

namespace Tramontane {

class ApiClient;
class ApiJob;
class StreamJob;

//! One streamed completion (a chat turn): the chunks rebuilt into a ChatCompletion as they
//! arrive. finished() fires exactly once, then the run deletes itself later (hold it in a
//! QPointer). After a failure, completion() still holds everything that arrived: a stream
//! cut after some text is Interrupted with its partial answer, never dropped.
class ChatRun final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatRun)

public:
    using Outcome = RunOutcome;

    const ChatCompletion &completion() const { return m_accumulator.completion(); }
    Outcome outcome() const { return m_outcome; }
    ApiError error() const { return m_error; }
    QString requestId() const { return m_requestId; }
    //! True once any chunk arrived (a retry after that would repeat what the user saw).
    bool receivedAny() const { return m_accumulator.chunkCount() > 0; }
    //! Milliseconds from the start to the first chunk, -1 before it.
    qint64 firstChunkLatencyMs() const { return m_firstChunkMs; }

    void cancel();

Q_SIGNALS:
    //! A chunk was applied; \a update says which messages changed.
    void updated(const Tramontane::StreamUpdate &update);
    //! The request failed before any answer and is sent again in \a delayMs (attempt number
    //! \a attempt), after \a error (a 429 with its Retry-After, a 5xx, a network error).
    void retrying(int attempt, int delayMs, const Tramontane::ApiError &error);
    void finished();

private:
    friend class ChatService;
    ChatRun(StreamJob *job, QObject *parent);
    void onChunk(const DecodedChunk *decoded, const QJsonObject &chunk);
    void onFinished();

    QPointer<StreamJob> m_job;
    StreamAccumulator m_accumulator;
    Outcome m_outcome = Outcome::Running;
    ApiError m_error;
    QString m_requestId;
    QElapsedTimer m_clock;
    qint64 m_firstChunkMs = -1;
};

//! Chat completions with a model (`/v1/chat/completions`) or an agent
//! (`/v1/agents/completions`), streamed or not. Responses may carry `choices[].message` or,
//! when hosted tools ran, `choices[].messages`: both arrive as ChatCompletion.
class ChatService final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatService)

public:
    explicit ChatService(ApiClient *client, QObject *parent = nullptr);

    //! Starts a streamed completion. The request's `stream` flag is set for you.
    ChatRun *stream(ChatRequest request);
    ChatRun *streamAgent(AgentCompletionRequest request);

    //! A plain (non-streamed) completion.
    QPointer<ApiJob> complete(ChatRequest request, QObject *context,
                              ServiceCallback<ChatCompletion> callback);
    QPointer<ApiJob> completeAgent(AgentCompletionRequest request, QObject *context,
                                   ServiceCallback<ChatCompletion> callback);

    static QString chatPath() { return QStringLiteral("/v1/chat/completions"); }
    static QString agentPath() { return QStringLiteral("/v1/agents/completions"); }

private:
    ChatRun *startStream(const QString &path, const QJsonObject &body);
    QPointer<ApiJob> startComplete(const QString &path, const QJsonObject &body, QObject *context,
                                   ServiceCallback<ChatCompletion> callback);

    ApiClient *m_client;
};

} // namespace Tramontane
