// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/Job.h"
#include "core/protocol/McpTool.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QNetworkRequest>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <chrono>
#include <memory>

class QNetworkAccessManager;

namespace Tramontane {

class McpClient;
class McpRequestJob;

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

//! One MCP operation (initialize, list the tools, call a tool), as a Job: it finishes exactly
//! once, as Succeeded, Failed (error() is an ApiError of context McpServer) or Canceled (cancel(),
//! or its client destroyed), then deletes itself, so read its results inside the slot (or copy
//! them). It runs as one or more McpRequestJobs: initialize and notifications/initialized
//! first when no session is open, then its method (every page of tools/list).
class McpJob final : public Job {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(McpJob)

public:
    enum class Operation { Initialize, ListTools, CallTool };

    ~McpJob() override;

    Operation operation() const { return m_operation; }

    //! The server's self-description (filled by every successful job).
    const McpServerInfo &serverInfo() const { return m_serverInfo; }
    //! The tools, every page of `tools/list` joined (ListTools). Each keeps the object as the
    //! server sent it in `raw` (annotations, outputSchema, _meta, …).
    const QList<McpTool> &tools() const { return m_tools; }
    //! The result of the call (CallTool).
    const McpCallResult &callResult() const { return m_callResult; }
    //! Wall time from the start of the job to its end, in milliseconds, initialization included.
    qint64 latencyMs() const { return m_latencyMs; }

protected:
    void handleFinish(ApiError &error) override;

private:
    friend class McpClient;
    McpJob(Operation operation, McpClient *client);

    Operation m_operation;
    QPointer<McpClient> m_client;
    bool m_started = false;
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
//! Every HTTP request is an McpRequestJob, with the idle timeout of the job core (a silent
//! server fails the operation as ApiError::Kind::Timeout).
//!
//! Typical use: `auto *job = client->listTools(); connect(job, &McpJob::finished, this,
//! [job] { if (job->succeeded()) use(job->tools()); else show(job->error()); });`
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

    //! Fails a request with ApiError::Kind::Timeout when no byte arrives for this long
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
    QNetworkRequest makeRequest(bool withProtocolVersion) const;
    void send(McpJob *job, Step step, const QJsonObject &message);
    void onRequestFinished(McpJob *job, Step step, McpRequestJob *request);
    void handleMessage(McpJob *job, Step step, const QJsonObject &message);
    //! Called by a job as it ends: forgets it, stops its request, starts the next job.
    void jobEnded(McpJob *job);
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
    QPointer<McpRequestJob> m_request;
    bool m_deleting = false;

    friend class McpJob;
};

} // namespace Tramontane
