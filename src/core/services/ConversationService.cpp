// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/ConversationService.h"

#include "core/net/ApiClient.h"
#include "core/net/StreamJob.h"

using namespace Qt::StringLiterals;

namespace Tramontane {

ConversationRun::ConversationRun(StreamJob *job, QObject *parent)
    : QObject(parent)
    , m_job(job) {
    m_clock.start();
    connect(job, &StreamJob::eventReceived, this, &ConversationRun::onEvent);
    connect(job, &StreamJob::chunkReceived, this, &ConversationRun::onChunk);
    connect(job, &ApiJob::retrying, this, &ConversationRun::retrying);
    connect(job, &ApiJob::finished, this, &ConversationRun::onFinished);
}

void ConversationRun::onEvent(const SseEvent &event) {
    // chunkReceived() follows with the same event's data.
    m_eventName = event.event;
}

void ConversationRun::onChunk(const QJsonObject &chunk) {
    if (m_firstEventMs < 0)
        m_firstEventMs = m_clock.elapsed();
    const ConversationUpdate update =
        m_accumulator.feed(ConversationEvent::fromJson(chunk, m_eventName));
    if (update.accepted)
        Q_EMIT updated(update);
}

void ConversationRun::onFinished() {
    const RunEnding end = RunEnding::of(*m_job);
    m_outcome = end.outcome;
    m_error = end.error;
    m_requestId = end.requestId;
    if (m_outcome == Outcome::Failed) {
        // `conversation.response.error`, an HTTP error, a malformed event...
        m_accumulator.markFailed(m_error.serverMessage(), m_error.serverCode().toInt());
    } else {
        m_accumulator.markEnded();
    }
    Q_EMIT finished();
    deleteLater();
}

void ConversationRun::cancel() {
    if (m_job)
        m_job->cancel();
}

ConversationService::ConversationService(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client) {}

QString ConversationService::appendPath(const QString &conversationId) {
    return startPath() + u'/' + ApiClient::encodePathSegment(conversationId);
}

QString ConversationService::restartPath(const QString &conversationId) {
    return appendPath(conversationId) + u"/restart"_s;
}

QString ConversationService::historyPath(const QString &conversationId) {
    return appendPath(conversationId) + u"/history"_s;
}

ConversationRun *ConversationService::stream(const QString &path, const QJsonObject &body) {
    StreamJob *job =
        m_client->streamPost(path, body, ApiError::Context::Chat, StreamJob::Mode::Conversation);
    return new ConversationRun(job, this);
}

ConversationRun *ConversationService::startStream(ConversationStartRequest request) {
    request.stream = true;
    return stream(startPath(), request.toJson());
}

ConversationRun *ConversationService::appendStream(ConversationAppendRequest request) {
    request.stream = true;
    return stream(appendPath(request.conversationId), request.toJson());
}

ConversationRun *ConversationService::restartStream(ConversationRestartRequest request) {
    request.stream = true;
    return stream(restartPath(request.conversationId), request.toJson());
}

QPointer<ApiJob> ConversationService::post(const QString &path, const QJsonObject &body,
                                           QObject *context,
                                           ServiceCallback<ConversationResponse> callback) {
    return deliver<ConversationResponse>(
        this, m_client->postJson(path, body, ApiError::Context::Chat), context, std::move(callback),
        [](const ApiJob *job) {
            const QJsonObject object = job->json().object();
            if (!object.value("conversation_id"_L1).isString()
                || !object.value("outputs"_L1).isArray())
                return unexpectedShape<ConversationResponse>(
                    job, u"the answer has no conversation id or outputs"_s);
            return ServiceResult<ConversationResponse>::success(
                ConversationResponse::fromJson(object), job->requestId());
        });
}

QPointer<ApiJob> ConversationService::start(ConversationStartRequest request, QObject *context,
                                            ServiceCallback<ConversationResponse> callback) {
    request.stream = false;
    return post(startPath(), request.toJson(), context, std::move(callback));
}

QPointer<ApiJob> ConversationService::append(ConversationAppendRequest request, QObject *context,
                                             ServiceCallback<ConversationResponse> callback) {
    request.stream = false;
    return post(appendPath(request.conversationId), request.toJson(), context, std::move(callback));
}

QPointer<ApiJob> ConversationService::restart(ConversationRestartRequest request, QObject *context,
                                              ServiceCallback<ConversationResponse> callback) {
    request.stream = false;
    return post(restartPath(request.conversationId), request.toJson(), context,
                std::move(callback));
}

QPointer<ApiJob> ConversationService::history(const QString &conversationId, QObject *context,
                                              ServiceCallback<ConversationHistory> callback) {
    return deliver<ConversationHistory>(
        this, m_client->get(historyPath(conversationId), {}, ApiError::Context::Chat), context,
        std::move(callback), [](const ApiJob *job) {
            const QJsonObject object = job->json().object();
            if (!object.value("entries"_L1).isArray())
                return unexpectedShape<ConversationHistory>(
                    job, u"the conversation history has no entries"_s);
            return ServiceResult<ConversationHistory>::success(
                ConversationHistory::fromJson(object), job->requestId());
        });
}

} // namespace Tramontane
