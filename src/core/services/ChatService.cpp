// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/ChatService.h"

#include "core/Logging.h"
#include "core/net/ApiClient.h"
#include "core/net/StreamJob.h"

using namespace Qt::StringLiterals;

namespace Tramontane {

ChatRun::ChatRun(StreamJob *job, QObject *parent)
    : QObject(parent)
    , m_job(job) {
    m_clock.start();
    connect(job, &StreamJob::chatChunkReceived, this, &ChatRun::onChunk);
    connect(job, &ApiJob::retrying, this, &ChatRun::retrying);
    connect(job, &ApiJob::finished, this, &ChatRun::onFinished);
}

void ChatRun::onChunk(const DecodedChunk *decoded, const QJsonObject &chunk) {
    if (m_firstChunkMs < 0)
        m_firstChunkMs = m_clock.elapsed();
    const StreamUpdate update = decoded ? m_accumulator.feed(*decoded) : m_accumulator.feed(chunk);
    if (update.accepted)
        Q_EMIT updated(update);
}

void ChatRun::onFinished() {
    const RunEnding end = RunEnding::of(*m_job);
    m_outcome = end.outcome;
    m_error = end.error;
    m_requestId = end.requestId;
    if (m_outcome == Outcome::Completed)
        m_accumulator.markDone();
    else
        m_accumulator.markEnded();
    Q_EMIT finished();
    deleteLater();
}

void ChatRun::cancel() {
    if (m_job)
        m_job->cancel();
}

ChatService::ChatService(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client) {}

ChatRun *ChatService::startStream(const QString &path, const QJsonObject &body) {
    StreamJob *job = m_client->streamPost(path, body, ApiError::Context::Chat);
    return new ChatRun(job, this);
}

ChatRun *ChatService::stream(ChatRequest request) {
    request.stream = true;
    return startStream(chatPath(), request.toJson());
}

ChatRun *ChatService::streamAgent(AgentCompletionRequest request) {
    request.stream = true;
    return startStream(agentPath(), request.toJson());
}

QPointer<ApiJob> ChatService::startComplete(const QString &path, const QJsonObject &body,
                                            QObject *context,
                                            ServiceCallback<ChatCompletion> callback) {
    return deliver<ChatCompletion>(
        this, m_client->postJson(path, body, ApiError::Context::Chat), context, std::move(callback),
        [](const ApiJob *job) {
            const QJsonObject object = job->json().object();
            if (!object.value(u"choices"_s).isArray())
                return unexpectedShape<ChatCompletion>(job, u"the answer has no choices"_s);
            return ServiceResult<ChatCompletion>::success(ChatCompletion::fromJson(object),
                                                          job->requestId());
        });
}

QPointer<ApiJob> ChatService::complete(ChatRequest request, QObject *context,
                                       ServiceCallback<ChatCompletion> callback) {
    request.stream = false;
    return startComplete(chatPath(), request.toJson(), context, std::move(callback));
}

QPointer<ApiJob> ChatService::completeAgent(AgentCompletionRequest request, QObject *context,
                                            ServiceCallback<ChatCompletion> callback) {
    request.stream = false;
    return startComplete(agentPath(), request.toJson(), context, std::move(callback));
}

} // namespace Tramontane
