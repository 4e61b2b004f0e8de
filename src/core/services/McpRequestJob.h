// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/ApiJob.h"
#include "core/net/SseParser.h"

#include <QJsonObject>

#include <optional>

namespace Tramontane {

//! One JSON-RPC message POSTed to an MCP server (streamable HTTP), as an ApiJob of context
//! Mcp: the answer comes as a plain JSON body or inside a text/event-stream, where the job
//! succeeds as soon as the event that answers it arrived (the rest of the stream is dropped;
//! the server's own requests and notifications there are skipped). A notification (no id)
//! succeeds on any 2xx. An answer without JSON-RPC fails as NotMcp, one that breaks the
//! protocol as ProtocolError, one over the size limit as TooLarge. Never retried: a POST to
//! an MCP server may have been carried out.
class McpRequestJob final : public ApiJob {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(McpRequestJob)

public:
    //! Largest answer read, plain or as one event, in bytes.
    static constexpr qsizetype kMaxAnswerSize = 32 * 1024 * 1024;

    //! POSTs \a message (a complete JSON-RPC envelope) with \a request's URL and headers; \a id
    //! is the request's JSON-RPC id, or -1 for a notification. \a nam is not owned.
    McpRequestJob(QNetworkAccessManager *nam, const QNetworkRequest &request,
                  const QJsonObject &message, qint64 id, QObject *parent);
    //! A DELETE of \a request's URL (ending a session): succeeds on any 2xx.
    static McpRequestJob *deleteResource(QNetworkAccessManager *nam, const QNetworkRequest &request,
                                         QObject *parent);
    ~McpRequestJob() override;

    qint64 rpcId() const { return m_id; }
    //! The JSON-RPC answer (with `result` or `error`) of a succeeded request; empty for a
    //! notification.
    QJsonObject answer() const { return m_answer.value_or(QJsonObject()); }

protected:
    void handleAttemptStart() override;
    void handleSuccessBytes(QByteArrayView bytes) override;
    void handleSuccessEnd() override;

private:
    McpRequestJob(QNetworkAccessManager *nam, const QNetworkRequest &request, Method method,
                  const QByteArray &body, qint64 id, QObject *parent);
    void takeAnswer(const QJsonObject &answer);

    qint64 m_id;
    bool m_decided = false;
    bool m_isSse = false;
    bool m_sawJsonRpc = false;
    QString m_contentType;
    QByteArray m_body;
    SseParser m_sse;
    std::optional<QJsonObject> m_answer;
};

} // namespace Tramontane
