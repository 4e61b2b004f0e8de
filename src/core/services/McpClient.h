// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/McpTool.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <chrono>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace Tramontane {

class McpClient;
struct McpReplyState;

//! What went wrong while talking to an MCP server. The kinds are distinct so that a caller can
//! tell the user what to fix (the address, the token, the server) without parsing messages.
enum class McpErrorKind {
    None,
    HostNotFound,      //!< the host name did not resolve
    ConnectionRefused, //!< nothing listens at that address and port
    Tls,               //!< the TLS handshake or the certificate check failed
    Unauthorized,      //!< HTTP 401: the token is missing, invalid or expired
    Forbidden,         //!< HTTP 403: the token lacks a permission or scope
    NotFound,          //!< HTTP 404 or 405: there is no MCP endpoint at this URL
    Timeout,           //!< no byte arrived for longer than the idle timeout
    NotMcp,            //!< the server answered 2xx, but not with JSON-RPC
    HttpError,         //!< any other HTTP error status
    JsonRpcError,      //!< the server answered with a JSON-RPC error object
    ProtocolError,     //!< MCP traffic that breaks the protocol (version, missing result, …)
    NetworkError,      //!< another transport failure (connection reset, proxy, …)
    Canceled,          //!< the job was aborted, or its client destroyed
};

//! An error of one McpJob. `message` is one English sentence for logs; it never contains a
//! header value or a token.
struct McpError {
    McpErrorKind kind = McpErrorKind::None;
    int httpStatus = 0;         //!< the HTTP status when one arrived, else 0
    int rpcCode = 0;            //!< the JSON-RPC error code for JsonRpcError
    QString message;            //!< a short description of what happened
    QByteArray wwwAuthenticate; //!< the challenge of a 401 (OAuth discovery starts there)

    bool isError() const { return kind != McpErrorKind::None; }
};

//! What the server said about itself in its `initialize` answer.
struct McpServerInfo {
    QString name;
    QString title;
    QString version;
    QString protocolVersion; //!< the version both sides speak from now on
    QString instructions;
    QJsonObject capabilities;
};

//! One content item of a `tools/call` result: text, image, audio, resource_link or resource.
struct McpContent {
    QString type;
    QString text;     //!< for text items
    QString mimeType; //!< for image, audio and resources
    QString data;     //!< base64 data of image and audio items
    QString uri;      //!< for resource links and embedded resources
    QJsonObject json; //!< the item as received
};

//! The result of `tools/call`. A tool that failed in its own terms reports isError with its
//! explanation in `content`; that is a successful job.
struct McpCallResult {
    QList<McpContent> content;
    bool isError = false;
    QJsonValue structuredContent;
    QJsonObject json; //!< the whole result object
};

//! One asynchronous MCP operation. `finished` fires exactly once, even on abort() or when the
//! client is destroyed; the job deletes itself after that signal has been delivered, so read
//! its results inside the slot (or copy them).
class McpJob final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(McpJob)

public:
    enum class Operation { Initialize, ListTools, CallTool };

    Operation operation() const { return m_operation; }
    bool isFinished() const { return m_finished; }
    bool succeeded() const { return m_finished && !m_error.isError(); }
    const McpError &error() const { return m_error; }

    //! The server's self-description (filled by every successful job).
    const McpServerInfo &serverInfo() const { return m_serverInfo; }
    //! The tools, every page of `tools/list` joined (ListTools). Each keeps the object as the
    //! server sent it in `raw` (annotations, outputSchema, _meta, …).
    const QList<McpTool> &tools() const { return m_tools; }
    //! The result of the call (CallTool).
    const McpCallResult &callResult() const { return m_callResult; }
    //! Wall time from the start of the job to its end, in milliseconds, initialization included.
    qint64 latencyMs() const { return m_latencyMs; }

    //! Stops the job: it finishes with McpErrorKind::Canceled unless it already finished.
    void abort();

Q_SIGNALS:
    void finished(Tramontane::McpJob *job);

private:
    friend class McpClient;
    struct McpReplyState;
    McpJob(Operation operation, McpClient *client);

    Operation m_operation;
    QPointer<McpClient> m_client;
    bool m_started = false;
    bool m_finished = false;
    McpError m_error;
    McpServerInfo m_serverInfo;
    QList<McpTool> m_tools;
    McpCallResult m_callResult;
    QElapsedTimer m_clock;
    qint64 m_latencyMs = 0;
    // What the job asks for.
    QString m_toolName;
    QJsonObject m_arguments;
    // Progress.
    QString m_cursor;
    int m_pages = 0;
    bool m_retriedAfterExpiry = false;
};

//! A client for one MCP server over the streamable HTTP transport: JSON-RPC requests POSTed to
//! one endpoint, answered with plain JSON or with a text/event-stream that carries the answer.
//!
//! The client initializes lazily (initialize, then notifications/initialized), keeps the
//! server's Mcp-Session-Id, sends MCP-Protocol-Version with every later request and starts a
//! new session once if the server forgot the old one (HTTP 404). It asks for protocol version
//! 2025-06-18 and accepts the version the server answers if it is 2025-03-26 or later. Jobs
//! run one at a time, in the order they were started. Header values (tokens, API keys) are
//! sent but never logged. Requests the server itself sends inside an answer stream (sampling,
//! elicitation, roots) are not answered; notifications there are skipped.
//!
//! Typical use: `auto *job = client->listTools(); connect(job, &McpJob::finished, this,
//! [](McpJob *job) { if (job->succeeded()) use(job->tools()); else show(job->error()); });`
class McpClient final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(McpClient)

public:
    //! The protocol version the client asks for.
    static constexpr QLatin1StringView RequestedProtocolVersion{"2025-06-18"};
    //! The oldest version the client accepts (the first with the streamable HTTP transport).
    static constexpr QLatin1StringView OldestProtocolVersion{"2025-03-26"};

    //! \a nam is not owned and must outlive the client.
    explicit McpClient(QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~McpClient() override;

    void setEndpoint(const QUrl &url);
    QUrl endpoint() const { return m_endpoint; }

    //! Adds a header to every request (replacing one of the same name, case-insensitively).
    void setHeader(const QByteArray &name, const QByteArray &value);
    //! Shorthand for `Authorization: Bearer <token>`; an empty token removes the header.
    void setBearerToken(const QByteArray &token);
    void clearHeaders();

    //! Fails a request with McpErrorKind::Timeout when no byte arrives for this long
    //! (default 30 s).
    void setIdleTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds idleTimeout() const { return m_idleTimeout; }

    //! The clientInfo sent in `initialize` (default: "Tramontane" and the application version).
    void setClientInfo(const QString &name, const QString &version);

    //! Initializes a session (a no-op success if one is open).
    McpJob *initialize();
    //! Lists every tool, following nextCursor.
    McpJob *listTools();
    //! Calls a tool with arguments.
    McpJob *callTool(const QString &name, const QJsonObject &arguments = {});

    //! Ends the session: a best-effort DELETE with the session id; the next job starts anew.
    void closeSession();

    bool isInitialized() const { return m_initialized; }
    QByteArray sessionId() const { return m_sessionId; }
    McpServerInfo serverInfo() const { return m_serverInfo; }

private:
    enum class Step { Initialize, Initialized, Method };

    McpJob *enqueue(McpJob *job);
    void startNext();
    void runStep(McpJob *job);
    void send(McpJob *job, Step step, const QJsonObject &message);
    void handleReply(McpJob *job, Step step, QNetworkReply *reply, McpReplyState &state);
    void handleMessage(McpJob *job, Step step, const QJsonObject &message);
    void finishJob(McpJob *job, const McpError &error);
    void resetSession();
    void cancelAll();

    QNetworkAccessManager *m_nam;
    QUrl m_endpoint;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    std::chrono::milliseconds m_idleTimeout{30000};
    QString m_clientName;
    QString m_clientVersion;

    bool m_initialized = false;
    QByteArray m_sessionId;
    McpServerInfo m_serverInfo;
    qint64 m_nextId = 1;

    QList<McpJob *> m_queue;
    McpJob *m_current = nullptr;
    QPointer<QNetworkReply> m_reply;
    QTimer *m_idleTimer;
    bool m_deleting = false;

    friend class McpJob;
};

} // namespace Tramontane
