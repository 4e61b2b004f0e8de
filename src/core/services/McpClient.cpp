// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/McpClient.h"

#include "core/Logging.h"
#include "core/services/McpRequestJob.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QNetworkAccessManager>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

// tools/list pages followed at most (a server that always returns a cursor must not loop).
constexpr int MaxToolPages = 100;

McpContent parseContent(const QJsonObject &o) {
    McpContent c;
    c.json = o;
    c.type = o.value("type"_L1).toString();
    c.text = o.value("text"_L1).toString();
    c.mimeType = o.value("mimeType"_L1).toString();
    c.data = o.value("data"_L1).toString();
    c.uri = o.value("uri"_L1).toString();
    if (c.type == "resource"_L1) {
        const QJsonObject resource = o.value("resource"_L1).toObject();
        c.uri = resource.value("uri"_L1).toString();
        c.mimeType = resource.value("mimeType"_L1).toString();
        c.text = resource.value("text"_L1).toString();
        c.data = resource.value("blob"_L1).toString();
    }
    return c;
}

} // namespace

// ---------------------------------------------------------------------------------------------

McpJob::McpJob(Operation operation, McpClient *client)
    : Job(ApiError::Context::McpServer, client)
    , m_operation(operation)
    , m_client(client) {}

McpJob::~McpJob() {
    // End here rather than in ~Job, so finished() fires while this is still an McpJob.
    abandon();
}

void McpJob::handleFinish(ApiError &error) {
    m_latencyMs = m_started ? m_clock.elapsed() : 0;
    if (error.isError() && !error.isCanceled())
        qCDebug(lcMcp).noquote() << "MCP job failed:" << error.toLogString();
    if (m_client)
        m_client->jobEnded(this);
}

// ---------------------------------------------------------------------------------------------

McpClient::McpClient(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_clientName(u"Tramontane"_s)
    , m_clientVersion(QCoreApplication::applicationVersion()) {
    if (m_clientVersion.isEmpty())
        m_clientVersion = u"0.1.0"_s;
}

McpClient::~McpClient() {
    m_deleting = true;
    cancelAll();
}

void McpClient::setEndpoint(const QUrl &url) {
    if (url != m_endpoint)
        resetSession();
    m_endpoint = url;
}

void McpClient::setHeader(const QByteArray &name, const QByteArray &value) {
    for (auto &header : m_headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            header.second = value;
            return;
        }
    }
    m_headers.append({name, value});
}

void McpClient::setBearerToken(const QByteArray &token) {
    if (token.isEmpty()) {
        m_headers.removeIf([](const QPair<QByteArray, QByteArray> &h) {
            return h.first.compare("authorization", Qt::CaseInsensitive) == 0;
        });
        return;
    }
    setHeader("Authorization", "Bearer " + token);
}

void McpClient::clearHeaders() {
    m_headers.clear();
}

void McpClient::setIdleTimeout(std::chrono::milliseconds timeout) {
    m_idleTimeout = timeout;
}

void McpClient::setClientInfo(const QString &name, const QString &version) {
    m_clientName = name;
    m_clientVersion = version;
}

McpJob *McpClient::initialize() {
    return enqueue(new McpJob(McpJob::Operation::Initialize, this));
}

McpJob *McpClient::listTools() {
    return enqueue(new McpJob(McpJob::Operation::ListTools, this));
}

McpJob *McpClient::callTool(const QString &name, const QJsonObject &arguments) {
    auto *job = new McpJob(McpJob::Operation::CallTool, this);
    job->m_toolName = name;
    job->m_arguments = arguments;
    return enqueue(job);
}

void McpClient::closeSession() {
    if (!m_sessionId.isEmpty() && m_endpoint.isValid()) {
        // Best effort, nobody waits for it. A child of the network access manager, so that it
        // is sent even when the client goes right after this call.
        auto *job = McpRequestJob::deleteResource(m_nam, makeRequest(true), m_nam);
        job->setTransferTimeout(m_idleTimeout);
    }
    resetSession();
}

McpJob *McpClient::enqueue(McpJob *job) {
    m_queue.append(job);
    // Start from the event loop, so a caller can connect to finished() first.
    QMetaObject::invokeMethod(this, &McpClient::startNext, Qt::QueuedConnection);
    return job;
}

void McpClient::startNext() {
    if (m_current || m_deleting || m_queue.isEmpty())
        return;
    m_current = m_queue.takeFirst();
    m_current->m_started = true;
    m_current->m_clock.start();
    if (!m_endpoint.isValid() || m_endpoint.isRelative()
        || (m_endpoint.scheme() != "http"_L1 && m_endpoint.scheme() != "https"_L1)) {
        m_current->fail(ApiError::invalidRequest(u"the MCP server URL is not an http(s) URL"_s,
                                                 ApiError::Context::McpServer));
        return;
    }
    runStep(m_current);
}

void McpClient::runStep(McpJob *job) {
    if (!m_initialized) {
        QJsonObject params{
            {u"protocolVersion"_s, QString(RequestedProtocolVersion)},
            {u"capabilities"_s, QJsonObject()},
            {u"clientInfo"_s,
             QJsonObject{{u"name"_s, m_clientName}, {u"version"_s, m_clientVersion}}},
        };
        send(job, Step::Initialize,
             QJsonObject{{u"method"_s, u"initialize"_s}, {u"params"_s, params}});
        return;
    }
    switch (job->m_operation) {
    case McpJob::Operation::Initialize:
        job->succeed();
        return;
    case McpJob::Operation::ListTools: {
        QJsonObject message{{u"method"_s, u"tools/list"_s}};
        if (!job->m_cursor.isEmpty())
            message.insert(u"params"_s, QJsonObject{{u"cursor"_s, job->m_cursor}});
        send(job, Step::Method, message);
        return;
    }
    case McpJob::Operation::CallTool:
        send(job, Step::Method,
             QJsonObject{{u"method"_s, u"tools/call"_s},
                         {u"params"_s, QJsonObject{{u"name"_s, job->m_toolName},
                                                   {u"arguments"_s, job->m_arguments}}}});
        return;
    }
}

QNetworkRequest McpClient::makeRequest(bool withProtocolVersion) const {
    QNetworkRequest request(m_endpoint);
    // Caller headers first: the protocol's own headers below win over them.
    for (const auto &[name, value] : std::as_const(m_headers))
        request.setRawHeader(name, value);
    if (!m_sessionId.isEmpty())
        request.setRawHeader("Mcp-Session-Id", m_sessionId);
    if (withProtocolVersion && !m_serverInfo.protocolVersion.isEmpty())
        request.setRawHeader("MCP-Protocol-Version", m_serverInfo.protocolVersion.toLatin1());
    // Never carry the headers (tokens) to another origin.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::SameOriginRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    return request;
}

void McpClient::send(McpJob *job, Step step, const QJsonObject &message) {
    QJsonObject envelope = message;
    envelope.insert(u"jsonrpc"_s, u"2.0"_s);
    const bool notification = step == Step::Initialized;
    const qint64 id = notification ? -1 : m_nextId++;
    if (!notification)
        envelope.insert(u"id"_s, double(id));

    QNetworkRequest request = makeRequest(step != Step::Initialize);
    request.setRawHeader("Content-Type", "application/json");
    request.setRawHeader("Accept", "application/json, text/event-stream");

    qCDebug(lcMcp).noquote() << "MCP" << envelope.value("method"_L1).toString() << "to"
                             << m_endpoint.host() + u':' + QString::number(m_endpoint.port());
    auto *requestJob = new McpRequestJob(m_nam, request, envelope, id, this);
    requestJob->setTransferTimeout(m_idleTimeout);
    m_request = requestJob;
    connect(requestJob, &Job::finished, this,
            [this, job, step, requestJob] { onRequestFinished(job, step, requestJob); });
}

void McpClient::onRequestFinished(McpJob *job, Step step, McpRequestJob *request) {
    if (m_current != job || m_request != request)
        return;
    m_request = nullptr;
    if (!request->succeeded()) {
        const ApiError error = request->error();
        if (error.kind() == ApiError::Kind::Http && error.httpStatus() == 404
            && !m_sessionId.isEmpty() && step != Step::Initialize && !job->m_retriedAfterExpiry) {
            // The server forgot the session: start a new one, once.
            qCInfo(lcMcp) << "MCP session expired, initializing again";
            job->m_retriedAfterExpiry = true;
            job->m_tools.clear();
            job->m_cursor.clear();
            job->m_pages = 0;
            resetSession();
            runStep(job);
            return;
        }
        if (error.isCanceled()) {
            job->cancel();
            return;
        }
        qCInfo(lcMcp).noquote() << "MCP server" << m_endpoint.host() << "->" << error.toLogString();
        job->fail(error);
        return;
    }
    if (step == Step::Initialize) {
        const QByteArray session = request->responseHeader("mcp-session-id").trimmed();
        if (!session.isEmpty())
            m_sessionId = session;
    }
    handleMessage(job, step, request->answer());
}

void McpClient::handleMessage(McpJob *job, Step step, const QJsonObject &message) {
    if (job->isFinished())
        return;
    if (step == Step::Initialized) {
        m_initialized = true;
        job->m_serverInfo = m_serverInfo;
        runStep(job);
        return;
    }
    if (message.contains("error"_L1)) {
        const QJsonObject err = message.value("error"_L1).toObject();
        job->fail(ApiError::jsonRpcError(err.value("code"_L1).toInt(),
                                         err.value("message"_L1).toString()));
        return;
    }
    const QJsonValue resultValue = message.value("result"_L1);
    if (!resultValue.isObject()) {
        job->fail(ApiError::protocolError(u"the answer has no result object"_s));
        return;
    }
    const QJsonObject result = resultValue.toObject();

    if (step == Step::Initialize) {
        const QString version = result.value("protocolVersion"_L1).toString();
        // Versions are dates (YYYY-MM-DD), so they compare as strings.
        if (version.size() != 10 || version < OldestProtocolVersion) {
            job->fail(ApiError::protocolError(
                u"protocol version \"%1\" is not supported (%2 or later is)"_s.arg(
                    version.left(40), OldestProtocolVersion)));
            return;
        }
        const QJsonObject info = result.value("serverInfo"_L1).toObject();
        m_serverInfo = McpServerInfo{
            info.value("name"_L1).toString(),           info.value("title"_L1).toString(),
            info.value("version"_L1).toString(),        version,
            result.value("instructions"_L1).toString(), result.value("capabilities"_L1).toObject(),
        };
        qCDebug(lcMcp).noquote() << "MCP server" << m_serverInfo.name << m_serverInfo.version
                                 << "protocol" << version;
        send(job, Step::Initialized, QJsonObject{{u"method"_s, u"notifications/initialized"_s}});
        return;
    }

    switch (job->m_operation) {
    case McpJob::Operation::Initialize:
        job->succeed();
        return;
    case McpJob::Operation::ListTools: {
        const QJsonArray tools = result.value("tools"_L1).toArray();
        for (const QJsonValue &v : tools) {
            McpTool tool = McpTool::fromJson(v.toObject());
            if (tool.name.isEmpty())
                continue;
            job->m_tools.append(std::move(tool));
        }
        const QString cursor = result.value("nextCursor"_L1).toString();
        if (!cursor.isEmpty() && ++job->m_pages < MaxToolPages) {
            job->m_cursor = cursor;
            runStep(job);
            return;
        }
        job->succeed();
        return;
    }
    case McpJob::Operation::CallTool: {
        McpCallResult call;
        call.json = result;
        call.isError = result.value("isError"_L1).toBool();
        call.structuredContent = result.value("structuredContent"_L1);
        const QJsonArray content = result.value("content"_L1).toArray();
        for (const QJsonValue &v : content) {
            if (v.isObject())
                call.content.append(parseContent(v.toObject()));
        }
        job->m_callResult = call;
        job->succeed();
        return;
    }
    }
}

void McpClient::jobEnded(McpJob *job) {
    job->m_serverInfo = m_serverInfo;
    m_queue.removeAll(job);
    if (m_current != job)
        return;
    m_current = nullptr;
    if (McpRequestJob *request = m_request) {
        m_request = nullptr;
        disconnect(request, nullptr, this, nullptr);
        request->cancel();
    }
    if (!m_deleting)
        QMetaObject::invokeMethod(this, &McpClient::startNext, Qt::QueuedConnection);
}

void McpClient::resetSession() {
    m_initialized = false;
    m_sessionId.clear();
    m_serverInfo = {};
}

void McpClient::cancelAll() {
    QList<McpJob *> pending = m_queue;
    if (m_current)
        pending.prepend(m_current);
    for (McpJob *job : pending)
        job->cancel();
}

} // namespace Tramontane
