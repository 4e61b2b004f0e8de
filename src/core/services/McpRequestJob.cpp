// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/McpRequestJob.h"

#include "core/protocol/McpMessage.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Tramontane {

McpRequestJob::McpRequestJob(QNetworkAccessManager *nam, const QNetworkRequest &request,
                             const QJsonObject &message, qint64 id, QObject *parent)
    : McpRequestJob(nam, request, Method::Post,
                    QJsonDocument(message).toJson(QJsonDocument::Compact), id, parent) {}

McpRequestJob::McpRequestJob(QNetworkAccessManager *nam, const QNetworkRequest &request,
                             Method method, const QByteArray &body, qint64 id, QObject *parent)
    : ApiJob(nam, request, method, body, ResponseKind::Stream, ApiError::Context::McpServer, parent)
    , m_id(id) {
    setRetryPolicy(RetryPolicy::never());
    m_sse.setLimits(kMaxAnswerSize, kMaxAnswerSize);
}

McpRequestJob *McpRequestJob::deleteResource(QNetworkAccessManager *nam,
                                             const QNetworkRequest &request, QObject *parent) {
    return new McpRequestJob(nam, request, Method::Delete, {}, -1, parent);
}

McpRequestJob::~McpRequestJob() {
    // End here rather than in ~ApiJob, so finished() fires while this is still whole.
    abandon();
}

void McpRequestJob::handleAttemptStart() {
    m_decided = false;
    m_isSse = false;
    m_sawJsonRpc = false;
    m_contentType.clear();
    m_body.clear();
    m_sse.reset();
    m_answer.reset();
}

void McpRequestJob::handleSuccessBytes(QByteArrayView bytes) {
    if (!m_decided) {
        m_decided = true;
        m_contentType = QString::fromLatin1(responseHeader("content-type")).trimmed();
        m_isSse = m_contentType.startsWith("text/event-stream"_L1, Qt::CaseInsensitive);
    }
    if (!m_isSse) {
        if (m_body.size() + bytes.size() > kMaxAnswerSize) {
            fail(ApiError::tooLarge(kMaxAnswerSize, context(), u"MCP answer over the limit"_s));
            return;
        }
        m_body += bytes;
        return;
    }
    const QList<SseEvent> events = m_sse.feed(bytes);
    for (const SseEvent &event : events) {
        if (event.data.isEmpty())
            continue;
        const McpMessage message = McpMessage::decode(event.data, m_id);
        m_sawJsonRpc = m_sawJsonRpc || message.sawJsonRpc;
        if (message.answer) {
            takeAnswer(*message.answer);
            return;
        }
    }
    if (m_sse.hasError()) {
        // A line that never ends, say: the bytes keep coming, so no idle timeout would end it.
        fail(ApiError::tooLarge(kMaxAnswerSize, context(), u"MCP event over the limit"_s));
    }
}

void McpRequestJob::handleSuccessEnd() {
    if (m_id < 0) {
        // A notification: any 2xx (normally 202 Accepted) will do.
        succeed();
        return;
    }
    if (m_isSse) {
        fail(m_sawJsonRpc ? ApiError::protocolError(u"the event stream ended without the answer"_s)
                          : ApiError::notMcp(httpStatus(), m_contentType,
                                             u"the event stream carries no JSON-RPC message"_s));
        return;
    }
    const McpMessage message = McpMessage::decode(m_body, m_id);
    if (!message.isJson || !message.sawJsonRpc) {
        fail(ApiError::notMcp(httpStatus(), m_contentType,
                              message.isJson ? u"JSON, but not JSON-RPC"_s
                                             : u"the answer is not JSON"_s));
        return;
    }
    if (!message.answer) {
        fail(ApiError::protocolError(u"the answer does not match the request"_s));
        return;
    }
    takeAnswer(*message.answer);
}

void McpRequestJob::takeAnswer(const QJsonObject &answer) {
    m_answer = answer;
    succeed();
}

} // namespace Tramontane
