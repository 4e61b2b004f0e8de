// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/McpClient.h"

#include "core/Logging.h"
#include "core/net/SseParser.h"
#include "core/protocol/McpMessage.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

// An answer larger than this is refused rather than buffered without end.
constexpr qsizetype MaxAnswerBytes = 32 * 1024 * 1024;
// tools/list pages followed at most (a server that always returns a cursor must not loop).
constexpr int MaxToolPages = 100;

} // namespace

// Per-request state of the reply in flight, shared by the reply's handlers.
struct McpReplyState {
    qint64 id = -1; // JSON-RPC id, -1 for a notification
    bool decided = false;
    bool isSse = false;
    bool sawJsonRpc = false;
    bool answered = false;
    QByteArray body;
    SseParser sse;
    QStringList sslErrors;
};

namespace {

McpError makeError(McpErrorKind kind, const QString &message, int httpStatus = 0) {
    McpError e;
    e.kind = kind;
    e.message = message;
    e.httpStatus = httpStatus;
    return e;
}

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
    : QObject(client)
    , m_operation(operation)
    , m_client(client) {}

void McpJob::abort() {
    if (m_finished)
        return;
    if (m_client) {
        m_client->finishJob(this,
                            makeError(McpErrorKind::Canceled, tr("The request was canceled.")));
    }
}

// ---------------------------------------------------------------------------------------------

McpClient::McpClient(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_clientName(u"Tramontane"_s)
    , m_clientVersion(QCoreApplication::applicationVersion())
    , m_idleTimer(new QTimer(this)) {
    if (m_clientVersion.isEmpty())
        m_clientVersion = u"0.1.0"_s;
    m_idleTimer->setSingleShot(true);
    m_idleTimer->setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5 % early
    connect(m_idleTimer, &QTimer::timeout, this, [this] {
        if (!m_current)
            return;
        qCInfo(lcMcp) << "MCP server" << m_endpoint.host() << "idle for" << m_idleTimeout.count()
                      << "ms";
        finishJob(m_current, makeError(McpErrorKind::Timeout,
                                       tr("The MCP server sent nothing for %1 seconds.")
                                           .arg(double(m_idleTimeout.count()) / 1000.0)));
    });
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
        QNetworkRequest request(m_endpoint);
        for (const auto &[name, value] : std::as_const(m_headers))
            request.setRawHeader(name, value);
        request.setRawHeader("Mcp-Session-Id", m_sessionId);
        if (!m_serverInfo.protocolVersion.isEmpty())
            request.setRawHeader("MCP-Protocol-Version", m_serverInfo.protocolVersion.toLatin1());
        QNetworkReply *reply = m_nam->deleteResource(request);
        connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
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
        finishJob(m_current, makeError(McpErrorKind::ProtocolError,
                                       tr("The MCP server URL is not an http(s) URL.")));
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
        finishJob(job, {});
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

void McpClient::send(McpJob *job, Step step, const QJsonObject &message) {
    QJsonObject envelope = message;
    envelope.insert(u"jsonrpc"_s, u"2.0"_s);
    const bool notification = step == Step::Initialized;
    const qint64 id = notification ? -1 : m_nextId++;
    if (!notification)
        envelope.insert(u"id"_s, double(id));

    QNetworkRequest request(m_endpoint);
    // Caller headers first: the protocol's own headers below win over them.
    for (const auto &[name, value] : std::as_const(m_headers))
        request.setRawHeader(name, value);
    request.setRawHeader("Content-Type", "application/json");
    request.setRawHeader("Accept", "application/json, text/event-stream");
    if (!m_sessionId.isEmpty())
        request.setRawHeader("Mcp-Session-Id", m_sessionId);
    if (step != Step::Initialize && !m_serverInfo.protocolVersion.isEmpty())
        request.setRawHeader("MCP-Protocol-Version", m_serverInfo.protocolVersion.toLatin1());
    // Never carry the headers (tokens) to another origin.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::SameOriginRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);

    qCDebug(lcMcp).noquote() << "MCP" << envelope.value("method"_L1).toString() << "to"
                             << m_endpoint.host() + u':' + QString::number(m_endpoint.port());
    QNetworkReply *reply =
        m_nam->post(request, QJsonDocument(envelope).toJson(QJsonDocument::Compact));
    m_reply = reply;
    const auto s = std::make_shared<McpReplyState>();
    s->id = id;
    s->sse.setLimits(MaxAnswerBytes, MaxAnswerBytes);

    connect(reply, &QNetworkReply::sslErrors, this, [s](const QList<QSslError> &errors) {
        for (const QSslError &e : errors)
            s->sslErrors.append(e.errorString());
    });
    connect(reply, &QNetworkReply::readyRead, this, [this, job, step, reply, s] {
        if (m_current != job || m_reply != reply)
            return;
        m_idleTimer->start(m_idleTimeout);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (!s->decided) {
            s->decided = true;
            const QByteArray type = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
            s->isSse = status >= 200 && status < 300
                       && type.trimmed().toLower().startsWith("text/event-stream");
        }
        if (!s->isSse) {
            s->body += reply->readAll();
            if (s->body.size() > MaxAnswerBytes) {
                finishJob(job, makeError(McpErrorKind::ProtocolError,
                                         tr("The MCP server's answer is too large.")));
            }
            return;
        }
        const QList<SseEvent> events = s->sse.feed(reply->readAll());
        for (const SseEvent &event : events) {
            if (event.data.isEmpty())
                continue;
            const McpMessage message = McpMessage::decode(event.data, s->id);
            s->sawJsonRpc = s->sawJsonRpc || message.sawJsonRpc;
            if (message.answer) {
                s->answered = true;
                handleReply(job, step, reply, *s);
                handleMessage(job, step, *message.answer);
                return;
            }
        }
        if (s->sse.hasError()) {
            // A line that never ends, say: the bytes keep coming, so no idle timeout would end it.
            finishJob(job, makeError(McpErrorKind::ProtocolError,
                                     tr("The MCP server's answer is too large.")));
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, job, step, reply, s] {
        reply->deleteLater();
        if (m_current != job || m_reply != reply)
            return;
        if (s->answered)
            return;
        m_idleTimer->stop();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 0) {
            McpError e;
            switch (reply->error()) {
            case QNetworkReply::HostNotFoundError:
                e = makeError(
                    McpErrorKind::HostNotFound,
                    tr("The MCP server's host name %1 was not found.").arg(m_endpoint.host()));
                break;
            case QNetworkReply::ConnectionRefusedError:
                e = makeError(
                    McpErrorKind::ConnectionRefused,
                    tr("Nothing listens at %1:%2 (connection refused).")
                        .arg(m_endpoint.host())
                        .arg(m_endpoint.port(m_endpoint.scheme() == "https"_L1 ? 443 : 80)));
                break;
            case QNetworkReply::SslHandshakeFailedError:
            case QNetworkReply::UnknownNetworkError:
                if (reply->error() == QNetworkReply::SslHandshakeFailedError
                    || !s->sslErrors.isEmpty()) {
                    e = makeError(McpErrorKind::Tls,
                                  tr("The TLS connection to the MCP server failed: %1")
                                      .arg(s->sslErrors.isEmpty() ? reply->errorString()
                                                                  : s->sslErrors.join(u"; "_s)));
                } else {
                    e = makeError(McpErrorKind::NetworkError, reply->errorString());
                }
                break;
            case QNetworkReply::TimeoutError:
                e = makeError(McpErrorKind::Timeout,
                              tr("The connection to the MCP server timed out."));
                break;
            default:
                if (!s->sslErrors.isEmpty()) {
                    e = makeError(McpErrorKind::Tls,
                                  tr("The TLS connection to the MCP server failed: %1")
                                      .arg(s->sslErrors.join(u"; "_s)));
                } else {
                    e = makeError(McpErrorKind::NetworkError,
                                  tr("The connection to the MCP server failed: %1")
                                      .arg(reply->errorString()));
                }
                break;
            }
            qCInfo(lcMcp) << "MCP server" << m_endpoint.host() << "unreachable:" << reply->error();
            finishJob(job, e);
            return;
        }
        if (!s->isSse)
            s->body += reply->readAll();
        handleReply(job, step, reply, *s);
    });
    m_idleTimer->start(m_idleTimeout);
}

// Looks at an HTTP answer as a whole: status, session header, and (for plain JSON) the body.
// For an SSE answer this is called once the answering event arrived, and only checks headers.
void McpClient::handleReply(McpJob *job, Step step, QNetworkReply *reply, McpReplyState &state) {
    McpReplyState *s = &state;
    const qint64 id = s->id;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (s->answered) {
        // SSE: the answer arrived; stop listening to this reply and keep its session header.
        if (step == Step::Initialize) {
            const QByteArray session = reply->rawHeader("Mcp-Session-Id").trimmed();
            if (!session.isEmpty())
                m_sessionId = session;
        }
        m_idleTimer->stop();
        disconnect(reply, nullptr, this, nullptr);
        connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
        reply->abort();
        m_reply = nullptr;
        return;
    }

    m_reply = nullptr;
    if (status < 200 || status >= 300) {
        // A JSON-RPC error in the body says more than the status alone.
        QString detail;
        const QJsonDocument doc = QJsonDocument::fromJson(s->body);
        if (doc.isObject()) {
            const QJsonObject err = doc.object().value("error"_L1).toObject();
            detail = err.value("message"_L1).toString().left(300);
        }
        if (status == 404 && !m_sessionId.isEmpty() && step != Step::Initialize
            && !job->m_retriedAfterExpiry) {
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
        McpError e;
        if (status == 401) {
            e = makeError(McpErrorKind::Unauthorized,
                          tr("The MCP server refused the request (HTTP 401): the token is missing, "
                             "invalid or expired."),
                          status);
            e.wwwAuthenticate = reply->rawHeader("WWW-Authenticate");
        } else if (status == 403) {
            e = makeError(McpErrorKind::Forbidden,
                          tr("The MCP server refused the request (HTTP 403): the token lacks a "
                             "permission."),
                          status);
        } else if (status == 404 || status == 405) {
            e = makeError(McpErrorKind::NotFound,
                          tr("There is no MCP endpoint at this URL (HTTP %1).").arg(status),
                          status);
        } else {
            e = makeError(McpErrorKind::HttpError,
                          tr("The MCP server answered HTTP %1.").arg(status), status);
        }
        if (!detail.isEmpty())
            e.message += u' ' + detail;
        qCInfo(lcMcp) << "MCP server" << m_endpoint.host() << "answered HTTP" << status;
        finishJob(job, e);
        return;
    }

    if (step == Step::Initialize) {
        const QByteArray session = reply->rawHeader("Mcp-Session-Id").trimmed();
        if (!session.isEmpty())
            m_sessionId = session;
    }

    if (id < 0) {
        // A notification: any 2xx (normally 202 Accepted) will do.
        handleMessage(job, step, {});
        return;
    }

    if (s->isSse) {
        finishJob(
            job, s->sawJsonRpc
                     ? makeError(McpErrorKind::ProtocolError,
                                 tr("The MCP server ended its event stream without answering."))
                     : makeError(McpErrorKind::NotMcp,
                                 tr("The server's event stream carries no MCP (JSON-RPC) message."),
                                 status));
        return;
    }
    const McpMessage message = McpMessage::decode(s->body, id);
    if (!message.isJson) {
        finishJob(
            job,
            makeError(McpErrorKind::NotMcp,
                      tr("The server answered HTTP %1, but not with MCP (JSON-RPC).").arg(status),
                      status));
        return;
    }
    if (!message.answer) {
        finishJob(
            job,
            message.sawJsonRpc
                ? makeError(McpErrorKind::ProtocolError,
                            tr("The MCP server's answer does not match the request."), status)
                : makeError(
                    McpErrorKind::NotMcp,
                    tr("The server answered HTTP %1, but not with MCP (JSON-RPC).").arg(status),
                    status));
        return;
    }
    handleMessage(job, step, *message.answer);
}

void McpClient::handleMessage(McpJob *job, Step step, const QJsonObject &message) {
    if (job->m_finished)
        return;
    if (step == Step::Initialized) {
        m_initialized = true;
        job->m_serverInfo = m_serverInfo;
        runStep(job);
        return;
    }
    if (message.contains("error"_L1)) {
        const QJsonObject err = message.value("error"_L1).toObject();
        McpError e = makeError(McpErrorKind::JsonRpcError,
                               tr("The MCP server reported error %1: %2")
                                   .arg(err.value("code"_L1).toInt())
                                   .arg(err.value("message"_L1).toString().left(500)));
        e.rpcCode = err.value("code"_L1).toInt();
        finishJob(job, e);
        return;
    }
    const QJsonValue resultValue = message.value("result"_L1);
    if (!resultValue.isObject()) {
        finishJob(job, makeError(McpErrorKind::ProtocolError,
                                 tr("The MCP server's answer has no result object.")));
        return;
    }
    const QJsonObject result = resultValue.toObject();

    if (step == Step::Initialize) {
        const QString version = result.value("protocolVersion"_L1).toString();
        // Versions are dates (YYYY-MM-DD), so they compare as strings.
        if (version.size() != 10 || version < OldestProtocolVersion) {
            finishJob(job,
                      makeError(McpErrorKind::ProtocolError,
                                tr("The MCP server speaks protocol version \"%1\", which is not "
                                   "supported (%2 or later is).")
                                    .arg(version.left(40), OldestProtocolVersion)));
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
        finishJob(job, {});
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
        finishJob(job, {});
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
        finishJob(job, {});
        return;
    }
    }
}

void McpClient::finishJob(McpJob *job, const McpError &error) {
    if (job->m_finished)
        return;
    job->m_finished = true;
    job->m_error = error;
    job->m_serverInfo = m_serverInfo;
    job->m_latencyMs = job->m_started ? job->m_clock.elapsed() : 0;
    m_queue.removeAll(job);
    if (m_current == job) {
        m_current = nullptr;
        m_idleTimer->stop();
        if (QNetworkReply *reply = m_reply) {
            m_reply = nullptr;
            disconnect(reply, nullptr, this, nullptr);
            connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
            reply->abort();
        }
    }
    if (error.isError())
        qCDebug(lcMcp) << "MCP job failed:" << int(error.kind) << error.httpStatus;
    const QPointer<McpClient> self(this);
    Q_EMIT job->finished(job);
    job->deleteLater();
    if (self && !m_deleting)
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
        finishJob(job, makeError(McpErrorKind::Canceled, tr("The MCP client was closed.")));
}

} // namespace Tramontane
