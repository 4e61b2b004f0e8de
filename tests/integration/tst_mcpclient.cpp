// SPDX-License-Identifier: GPL-3.0-or-later
// McpClient against an in-test fake MCP server (plain JSON and SSE answers, sessions, errors),
// against addresses where nothing (or no MCP) answers, and against the reference server
// @modelcontextprotocol/server-everything when it is installed.
#include "IntegrationSupport.h"

#include "core/services/McpClient.h"
#include "core/services/McpRequestJob.h"

#include <QJsonDocument>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <cctype>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using namespace Tramontane::Test;

namespace {

// A scripted MCP server speaking just enough HTTP: one request per connection.
class FakeMcpServer final : public QObject {
public:
    enum class Mode {
        Json,
        Sse,
        Unauthorized,
        NotMcp,
        RpcErrorOnCall,
        Silent,
        ExpireOnce,
        OldVersion,
        NotFound,
        EndlessSseLine, //!< 200, an event stream whose data line never ends
    };

    struct Request {
        QByteArray method;
        QHash<QByteArray, QByteArray> headers;
        QJsonObject body;
    };

    explicit FakeMcpServer(Mode mode)
        : m_mode(mode) {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                auto buffer = std::make_shared<QByteArray>();
                connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
                    *buffer += socket->readAll();
                    handle(socket, *buffer);
                });
            }
        });
    }

    QUrl url(const QString &scheme = u"http"_s) const {
        return QUrl(u"%1://127.0.0.1:%2/mcp"_s.arg(scheme).arg(m_server.serverPort()));
    }
    QList<Request> requests;

private:
    void handle(QTcpSocket *socket, QByteArray &buffer) {
        if (!buffer.isEmpty() && !std::isupper(uchar(buffer.at(0)))) {
            // Not HTTP (a TLS handshake, say): answer like a plain web server does.
            reply(socket, 400, "text/plain", "Bad Request");
            return;
        }
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        Request request;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        request.method = lines.first().split(' ').value(0);
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            request.headers.insert(line.left(colon).trimmed().toLower(),
                                   line.mid(colon + 1).trimmed());
        }
        length = request.headers.value("content-length").toLongLong();
        if (buffer.size() < end + 4 + length)
            return;
        request.body = QJsonDocument::fromJson(buffer.mid(end + 4, length)).object();
        buffer.clear();
        requests.append(request);
        answer(socket, request);
    }

    static void reply(QTcpSocket *socket, int status, const QByteArray &type,
                      const QByteArray &body, const QByteArray &extra = {}) {
        socket->write("HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: " + type
                      + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n" + extra
                      + "Connection: close\r\n\r\n" + body);
        socket->disconnectFromHost();
    }

    static QByteArray rpc(const QJsonValue &id, const QString &key, const QJsonObject &value) {
        return QJsonDocument(QJsonObject{{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, id}, {key, value}})
            .toJson(QJsonDocument::Compact);
    }

    void answer(QTcpSocket *socket, const Request &request) {
        if (m_mode == Mode::Silent)
            return; // never answers; the socket stays open
        if (m_mode == Mode::EndlessSseLine) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                          "Connection: close\r\n\r\nevent: message\ndata: {\"jsonrpc\":\"");
            auto *timer = new QTimer(socket);
            connect(timer, &QTimer::timeout, socket, [socket] {
                if (socket->state() == QAbstractSocket::ConnectedState
                    && socket->bytesToWrite() < 4 * 1024 * 1024)
                    socket->write(QByteArray(256 * 1024, 'x'));
            });
            timer->start(1);
            return;
        }
        if (m_mode == Mode::Unauthorized) {
            reply(socket, 401, "application/json", R"({"error":"invalid_token"})",
                  "WWW-Authenticate: Bearer resource_metadata=\"http://127.0.0.1/.well-known/"
                  "oauth-protected-resource\"\r\n");
            return;
        }
        if (m_mode == Mode::NotFound) {
            reply(socket, 404, "text/plain", "Cannot POST /mcp");
            return;
        }
        if (m_mode == Mode::NotMcp) {
            reply(socket, 200, "text/html", "<html><body>A web page</body></html>");
            return;
        }
        const QJsonObject &m = request.body;
        const QString method = m.value("method"_L1).toString();
        const QJsonValue id = m.value("id"_L1);
        const QByteArray session = request.headers.value("mcp-session-id");
        if (method == "initialize"_L1) {
            const QJsonObject result{
                {u"protocolVersion"_s,
                 m_mode == Mode::OldVersion ? u"2024-11-05"_s : u"2025-06-18"_s},
                {u"capabilities"_s, QJsonObject{{u"tools"_s, QJsonObject()}}},
                {u"serverInfo"_s,
                 QJsonObject{{u"name"_s, u"fake-mcp"_s}, {u"version"_s, u"9.9"_s}}},
                {u"instructions"_s, u"Be kind."_s},
            };
            send(socket, rpc(id, u"result"_s, result),
                 "Mcp-Session-Id: session-" + QByteArray::number(++m_sessions) + "\r\n");
            return;
        }
        if (m_mode == Mode::ExpireOnce && !m_expired && session == "session-1") {
            m_expired = true;
            reply(
                socket, 404, "application/json",
                R"({"jsonrpc":"2.0","error":{"code":-32001,"message":"Session not found"},"id":null})");
            return;
        }
        if (id.isUndefined()) {
            reply(socket, 202, "application/json", QByteArray());
            return;
        }
        if (method == "tools/list"_L1) {
            auto tool = [](const QString &name) {
                return QJsonObject{{u"name"_s, name},
                                   {u"title"_s, name.toUpper()},
                                   {u"description"_s, u"The %1 tool"_s.arg(name)},
                                   {u"inputSchema"_s, QJsonObject{{u"type"_s, u"object"_s}}}};
            };
            const bool second =
                m.value("params"_L1).toObject().value("cursor"_L1).toString() == "page2"_L1;
            QJsonObject result{{u"tools"_s, second
                                                ? QJsonArray{tool(u"gamma"_s)}
                                                : QJsonArray{tool(u"alpha"_s), tool(u"beta"_s)}}};
            if (!second)
                result.insert(u"nextCursor"_s, u"page2"_s);
            send(socket, rpc(id, u"result"_s, result));
            return;
        }
        if (method == "tools/call"_L1) {
            if (m_mode == Mode::RpcErrorOnCall) {
                send(socket,
                     rpc(id, u"error"_s,
                         QJsonObject{{u"code"_s, -32602}, {u"message"_s, u"Unknown tool"_s}}));
                return;
            }
            const QJsonObject args =
                m.value("params"_L1).toObject().value("arguments"_L1).toObject();
            const QJsonObject result{
                {u"content"_s,
                 QJsonArray{
                     QJsonObject{
                         {u"type"_s, u"text"_s},
                         {u"text"_s, QString(u"Echo: "_s + args.value("message"_L1).toString())}},
                     QJsonObject{{u"type"_s, u"image"_s},
                                 {u"data"_s, u"iVBORw0KGgo="_s},
                                 {u"mimeType"_s, u"image/png"_s}}}},
                {u"isError"_s, false}};
            send(socket, rpc(id, u"result"_s, result));
            return;
        }
        send(socket,
             rpc(id, u"error"_s, QJsonObject{{u"code"_s, -32601}, {u"message"_s, u"no"_s}}));
    }

    // A JSON-RPC answer: plain JSON, or (Sse mode) an event stream that first carries an
    // unrelated notification and then the answer, cut in two writes.
    void send(QTcpSocket *socket, const QByteArray &json, const QByteArray &extra = {}) {
        if (m_mode != Mode::Sse) {
            reply(socket, 200, "application/json", json, extra);
            return;
        }
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n" + extra
                      + "Connection: close\r\n\r\n");
        const QByteArray events =
            R"(event: message
data: {"jsonrpc":"2.0","method":"notifications/message","params":{"level":"info","data":"working"}}

)"_ba
            + "event: message\r\nid: 7\r\ndata: " + json + "\r\n\r\n";
        const qsizetype cut = events.size() - json.size() / 2;
        socket->write(events.left(cut));
        socket->flush();
        QTimer::singleShot(30, socket, [socket, rest = events.mid(cut)] {
            socket->write(rest);
            socket->disconnectFromHost();
        });
    }

    Mode m_mode;
    QTcpServer m_server;
    int m_sessions = 0;
    bool m_expired = false;
};

// What a job reported, kept after the job deleted itself.
struct Outcome {
    int finishedCount = 0;
    bool succeeded = false;
    ApiError error;
    McpServerInfo info;
    QList<McpTool> tools;
    McpCallResult call;
    qint64 latencyMs = -1;
};

std::shared_ptr<Outcome> track(McpJob *job) {
    auto outcome = std::make_shared<Outcome>();
    QObject::connect(job, &McpJob::finished, job, [outcome, j = job] {
        ++outcome->finishedCount;
        outcome->succeeded = j->succeeded();
        outcome->error = j->error();
        outcome->info = j->serverInfo();
        outcome->tools = j->tools();
        outcome->call = j->callResult();
        outcome->latencyMs = j->latencyMs();
    });
    return outcome;
}

QStringList toolNames(const QList<McpTool> &tools) {
    QStringList names;
    for (const McpTool &t : tools)
        names.append(t.name);
    return names;
}

} // namespace

class TestMcpClient : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void initialize_json_keepsSessionAndServerInfo();
    void listTools_followsTheCursor();
    void callTool_sseAnswer_skipsOtherMessages();
    void headers_areSentButNeverInErrors();
    void unauthorized_givesKindAndChallenge();
    void notMcp_isRecognised();
    void notFound_isRecognised();
    void jsonRpcError_givesItsCode();
    void deadPort_isConnectionRefused();
    void unknownHost_isHostNotFound();
    void tlsToAPlainServer_isTls();
    void silentServer_timesOut();
    void endlessSseLine_failsAsTooLarge();
    void expiredSession_initializesAgainOnce();
    void oldProtocolVersion_isRefused();
    void notAnHttpUrl_fails();
    void cancel_finishesOnceCanceled();
    void destroyedClient_finishesItsJobs();
    void deletedJob_finishesOnceAndTheNextRuns();
    void jobs_runInOrder();

    void everything_listsAndCallsEcho();

private:
    QNetworkAccessManager m_nam;
};

void TestMcpClient::initTestCase() {
    m_nam.setProxy(QNetworkProxy::NoProxy);
}

void TestMcpClient::initialize_json_keepsSessionAndServerInfo() {
    FakeMcpServer server(FakeMcpServer::Mode::Json);
    McpClient client(&m_nam);
    client.setEndpoint(server.url());
    const auto o = track(client.initialize());
    QTRY_COMPARE_WITH_TIMEOUT(o->finishedCount, 1, 10000);
    QVERIFY2(o->succeeded, qPrintable(o->error.toLogString()));
    QCOMPARE(o->info.name, u"fake-mcp"_s);
    QCOMPARE(o->info.version, u"9.9"_s);
    QCOMPARE(o->info.protocolVersion, u"2025-06-18"_s);
    QCOMPARE(o->info.instructions, u"Be kind."_s);
    QVERIFY(o->latencyMs >= 0);
    QVERIFY(client.isInitialized());
    QCOMPARE(client.sessionId(), "session-1"_ba);

    QCOMPARE(server.requests.size(), 2);
    const auto &init = server.requests[0];
    QCOMPARE(init.method, "POST"_ba);
    QCOMPARE(init.body.value("method"_L1).toString(), u"initialize"_s);
    const QJsonObject params = init.body.value("params"_L1).toObject();
    QCOMPARE(params.value("protocolVersion"_L1).toString(), u"2025-06-18"_s);
    QCOMPARE(params.value("clientInfo"_L1).toObject().value("name"_L1).toString(), u"Tramontane"_s);
    QCOMPARE(init.headers.value("accept"), "application/json, text/event-stream"_ba);
    QVERIFY(!init.headers.contains("mcp-session-id"));
    const auto &notified = server.requests[1];
    QCOMPARE(notified.body.value("method"_L1).toString(), u"notifications/initialized"_s);
    QVERIFY(!notified.body.contains("id"_L1));
    QCOMPARE(notified.headers.value("mcp-session-id"), "session-1"_ba);
    QCOMPARE(notified.headers.value("mcp-protocol-version"), "2025-06-18"_ba);

    // A second initialize is answered from the open session.
    const auto again = track(client.initialize());
    QTRY_COMPARE_WITH_TIMEOUT(again->finishedCount, 1, 10000);
    QVERIFY(again->succeeded);
    QCOMPARE(server.requests.size(), 2);
}

void TestMcpClient::listTools_followsTheCursor() {
    FakeMcpServer server(FakeMcpServer::Mode::Json);
    McpClient client(&m_nam);
    client.setEndpoint(server.url());
    const auto o = track(client.listTools());
    QTRY_COMPARE_WITH_TIMEOUT(o->finishedCount, 1, 10000);
    QVERIFY2(o->succeeded, qPrintable(o->error.toLogString()));
    QCOMPARE(toolNames(o->tools), QStringList({u"alpha"_s, u"beta"_s, u"gamma"_s}));
    QCOMPARE(o->tools[1].title, u"BETA"_s);
    QCOMPARE(o->tools[1].description, u"The beta tool"_s);
    QCOMPARE(o->tools[1].inputSchema.value("type"_L1).toString(), u"object"_s);
    // The protocol's McpTool, with the object as the server sent it.
    QCOMPARE(o->tools[1].displayTitle(), u"BETA"_s);
    QCOMPARE(o->tools[1].raw.value("description"_L1).toString(), u"The beta tool"_s);
    QVERIFY(!o->tools[1].outputSchema);
    // initialize, initialized, two pages; the pages carry the session and the version.
    QCOMPARE(server.requests.size(), 4);
    QCOMPARE(server.requests[3].body.value("params"_L1).toObject().value("cursor"_L1).toString(),
             u"page2"_s);
    for (qsizetype i = 1; i < 4; ++i) {
        QCOMPARE(server.requests[i].headers.value("mcp-session-id"), "session-1"_ba);
        QCOMPARE(server.requests[i].headers.value("mcp-protocol-version"), "2025-06-18"_ba);
    }
}

void TestMcpClient::callTool_sseAnswer_skipsOtherMessages() {
    FakeMcpServer server(FakeMcpServer::Mode::Sse);
    McpClient client(&m_nam);
    client.setEndpoint(server.url());
    const auto o = track(client.callTool(u"echo"_s, QJsonObject{{u"message"_s, u"over SSE"_s}}));
    QTRY_COMPARE_WITH_TIMEOUT(o->finishedCount, 1, 10000);
    QVERIFY2(o->succeeded, qPrintable(o->error.toLogString()));
    QCOMPARE(o->info.name, u"fake-mcp"_s);
    QCOMPARE(client.sessionId(), "session-1"_ba);
    QCOMPARE(o->call.content.size(), 2);
    QCOMPARE(o->call.content[0].type, u"text"_s);
    QCOMPARE(o->call.content[0].text, u"Echo: over SSE"_s);
    QCOMPARE(o->call.content[1].type, u"image"_s);
    QCOMPARE(o->call.content[1].mimeType, u"image/png"_s);
    QVERIFY(!o->call.isError);
    const QJsonObject params = server.requests.last().body.value("params"_L1).toObject();
    QCOMPARE(params.value("name"_L1).toString(), u"echo"_s);
}

void TestMcpClient::headers_areSentButNeverInErrors() {
    FakeMcpServer server(FakeMcpServer::Mode::Unauthorized);
    McpClient client(&m_nam);
    client.setEndpoint(server.url());
    client.setHeader("X-Api-Key", "key-123");
    client.setBearerToken("token-456");
    const auto o = track(client.listTools());
    QTRY_COMPARE_WITH_TIMEOUT(o->finishedCount, 1, 10000);
    QCOMPARE(server.requests.first().headers.value("x-api-key"), "key-123"_ba);
    QCOMPARE(server.requests.first().headers.value("authorization"), "Bearer token-456"_ba);
    QVERIFY(!o->error.toLogString().contains(u"token-456"_s));
    QVERIFY(!o->error.toLogString().contains(u"key-123"_s));
    QVERIFY(
        !QString::fromLatin1(QJsonDocument(o->error.toJson()).toJson()).contains(u"token-456"_s));
}

void TestMcpClient::unauthorized_givesKindAndChallenge() {
    FakeMcpServer server(FakeMcpServer::Mode::Unauthorized);
    McpClient client(&m_nam);
    client.setEndpoint(server.url());
    const auto o = track(client.initialize());
    QTRY_COMPARE_WITH_TIMEOUT(o->finishedCount, 1, 10000);
    QCOMPARE(o->error.kind(), ApiError::Kind::Http);
    QCOMPARE(o->error.context(), ApiError::Context::McpServer);
    QCOMPARE(o->error.httpStatus(), 401);
    QVERIFY(o->error.wwwAuthenticate().contains("resource_metadata="));
    QCOMPARE(o->error.reason(), ApiError::Reason::ConnectorCredentialsRejected);
    QVERIFY(!client.isInitialized());
}

void TestMcpClient::notMcp_isRecognised() {
    FakeMcpServer server(FakeMcpServer::Mode::NotMcp);
    McpClient client(&m_nam);
    client.setEndpoint(server.url());
    const auto o = track(client.initialize());
    QTRY_COMPARE_WITH_TIMEOUT(o->finishedCount, 1, 10000);
    QCOMPARE(o->error.kind(), ApiError::Kind::NotMcp);
    QCOMPARE(o->error.httpStatus(), 200);
}

void TestMcpClient::notFound_isRecognised() {
    FakeMcpServer server(FakeMcpServer::Mode::NotFound);
    McpClient client(&m_nam);
    client.setEndpoint(server.url());
    const auto o = track(client.initialize());
    QTRY_COMPARE_WITH_TIMEOUT(o->finishedCount, 1, 10000);
    QCOMPARE(o->error.kind(), ApiError::Kind::Http);
    QCOMPARE(o->error.httpStatus(), 404);
    QCOMPARE(o->error.reason(), ApiError::Reason::WrongAddress);
}

void TestMcpClient::jsonRpcError_givesItsCode() {
    FakeMcpServer server(FakeMcpServer::Mode::RpcErrorOnCall);
    McpClient client(&m_nam);
    client.setEndpoint(server.url());
    const auto o = track(client.callTool(u"missing"_s));
    QTRY_COMPARE_WITH_TIMEOUT(o->finishedCount, 1, 10000);
    QCOMPARE(o->error.kind(), ApiError::Kind::JsonRpcError);
    QCOMPARE(o->error.jsonRpcCode(), -32602);
    QVERIFY(o->error.serverMessage().contains(u"Unknown tool"_s));
    QVERIFY(client.isInitialized()); // the session itself is fine
}

void TestMcpClient::deadPort_isConnectionRefused() {
    McpClient client(&m_nam);
    client.setEndpoint(QUrl(u"http://127.0.0.1:%1/mcp"_s.arg(deadPort())));
    const auto o = track(client.listTools());
    QTRY_COMPARE_WITH_TIMEOUT(o->finishedCount, 1, 10000);
    QCOMPARE(o->error.kind(), ApiError::Kind::Network);
    QCOMPARE(o->error.networkError(), QNetworkReply::ConnectionRefusedError);
    QCOMPARE(o->error.httpStatus(), 0);
}

void TestMcpClient::unknownHost_isHostNotFound() {
    // .invalid never resolves (RFC 6761).
    McpClient client(&m_nam);
    client.setEndpoint(QUrl(u"http://no-such-host.invalid/mcp"_s));
    const auto o = track(client.initialize());
    QTRY_COMPARE_WITH_TIMEOUT(o->finishedCount, 1, 30000);
    QCOMPARE(o->error.kind(), ApiError::Kind::Network);
    QCOMPARE(o->error.networkError(), QNetworkReply::HostNotFoundError);
}

void TestMcpClient::tlsToAPlainServer_isTls() {
    FakeMcpServer server(FakeMcpServer::Mode::Json);
    McpClient client(&m_nam);
    client.setEndpoint(server.url(u"https"_s));
    const auto o = track(client.initialize());
    QTRY_COMPARE_WITH_TIMEOUT(o->finishedCount, 1, 10000);
    QCOMPARE(o->error.kind(), ApiError::Kind::Network);
    QCOMPARE(o->error.networkError(), QNetworkReply::SslHandshakeFailedError);
}

void TestMcpClient::silentServer_timesOut() {
    FakeMcpServer server(FakeMcpServer::Mode::Silent);
    McpClient client(&m_nam);
    client.setEndpoint(server.url());
    client.setIdleTimeout(std::chrono::milliseconds(300));
    const auto o = track(client.initialize());
    QTRY_COMPARE_WITH_TIMEOUT(o->finishedCount, 1, 10000);
    QCOMPARE(o->error.kind(), ApiError::Kind::Timeout);
    QVERIFY2(o->latencyMs >= 290, qPrintable(QString::number(o->latencyMs)));
}

void TestMcpClient::endlessSseLine_failsAsTooLarge() {
    // Bytes keep coming, so the idle timeout never fires: the answer's size limit must.
    FakeMcpServer server(FakeMcpServer::Mode::EndlessSseLine);
    McpClient client(&m_nam);
    client.setEndpoint(server.url());
    const auto o = track(client.initialize());
    QTRY_COMPARE_WITH_TIMEOUT(o->finishedCount, 1, 30000);
    QCOMPARE(o->error.kind(), ApiError::Kind::TooLarge);
    QCOMPARE(o->error.sizeLimit(), McpRequestJob::kMaxAnswerSize);
}

void TestMcpClient::expiredSession_initializesAgainOnce() {
    FakeMcpServer server(FakeMcpServer::Mode::ExpireOnce);
    McpClient client(&m_nam);
    client.setEndpoint(server.url());
    const auto first = track(client.initialize());
    QTRY_COMPARE_WITH_TIMEOUT(first->finishedCount, 1, 10000);
    QVERIFY(first->succeeded);
    const auto o = track(client.listTools());
    QTRY_COMPARE_WITH_TIMEOUT(o->finishedCount, 1, 10000);
    QVERIFY2(o->succeeded, qPrintable(o->error.toLogString()));
    QCOMPARE(o->tools.size(), 3);
    QCOMPARE(client.sessionId(), "session-2"_ba);
    int initializes = 0;
    for (const auto &r : std::as_const(server.requests))
        initializes += r.body.value("method"_L1).toString() == "initialize"_L1;
    QCOMPARE(initializes, 2);
}

void TestMcpClient::oldProtocolVersion_isRefused() {
    FakeMcpServer server(FakeMcpServer::Mode::OldVersion);
    McpClient client(&m_nam);
    client.setEndpoint(server.url());
    const auto o = track(client.initialize());
    QTRY_COMPARE_WITH_TIMEOUT(o->finishedCount, 1, 10000);
    QCOMPARE(o->error.kind(), ApiError::Kind::ProtocolError);
    QVERIFY(o->error.detail().contains(u"2024-11-05"_s));
}

void TestMcpClient::notAnHttpUrl_fails() {
    McpClient client(&m_nam);
    client.setEndpoint(QUrl(u"ftp://127.0.0.1/mcp"_s));
    const auto o = track(client.initialize());
    QTRY_COMPARE_WITH_TIMEOUT(o->finishedCount, 1, 10000);
    QCOMPARE(o->error.kind(), ApiError::Kind::InvalidRequest);
}

void TestMcpClient::cancel_finishesOnceCanceled() {
    FakeMcpServer server(FakeMcpServer::Mode::Silent);
    McpClient client(&m_nam);
    client.setEndpoint(server.url());
    McpJob *job = client.initialize();
    const auto o = track(job);
    QSignalSpy destroyed(job, &QObject::destroyed);
    QTRY_COMPARE_WITH_TIMEOUT(server.requests.size(), 1, 10000);
    job->cancel();
    QCOMPARE(o->finishedCount, 1);
    QCOMPARE(o->error.kind(), ApiError::Kind::Canceled);
    // The job deletes itself, and nothing fires again.
    QVERIFY(destroyed.wait(5000));
    QCOMPARE(o->finishedCount, 1);
}

void TestMcpClient::destroyedClient_finishesItsJobs() {
    FakeMcpServer server(FakeMcpServer::Mode::Silent);
    auto client = std::make_unique<McpClient>(&m_nam);
    client->setEndpoint(server.url());
    const auto running = track(client->initialize());
    const auto queued = track(client->listTools());
    QTRY_COMPARE_WITH_TIMEOUT(server.requests.size(), 1, 10000);
    client.reset();
    QCOMPARE(running->finishedCount, 1);
    QCOMPARE(running->error.kind(), ApiError::Kind::Canceled);
    QCOMPARE(queued->finishedCount, 1);
    QCOMPARE(queued->error.kind(), ApiError::Kind::Canceled);
}

void TestMcpClient::deletedJob_finishesOnceAndTheNextRuns() {
    // A job deleted while its request is out ends as Canceled through the job core, once, and
    // the client moves on to the next job (which sends its own initialize).
    FakeMcpServer server(FakeMcpServer::Mode::Silent);
    McpClient client(&m_nam);
    client.setEndpoint(server.url());
    McpJob *first = client.initialize();
    const auto o = track(first);
    const auto next = track(client.listTools());
    QTRY_COMPARE_WITH_TIMEOUT(server.requests.size(), 1, 10000);
    delete first;
    QCOMPARE(o->finishedCount, 1);
    QCOMPARE(o->error.kind(), ApiError::Kind::Canceled);
    QTRY_COMPARE_WITH_TIMEOUT(server.requests.size(), 2, 10000);
    QCOMPARE(server.requests.at(1).body.value("method"_L1).toString(), u"initialize"_s);
    QCOMPARE(next->finishedCount, 0);
    QCOMPARE(o->finishedCount, 1);
}

void TestMcpClient::jobs_runInOrder() {
    FakeMcpServer server(FakeMcpServer::Mode::Json);
    McpClient client(&m_nam);
    client.setEndpoint(server.url());
    QStringList order;
    McpJob *list = client.listTools();
    McpJob *call = client.callTool(u"echo"_s, {{u"message"_s, u"x"_s}});
    connect(list, &McpJob::finished, this, [&order] { order.append(u"list"_s); });
    connect(call, &McpJob::finished, this, [&order] { order.append(u"call"_s); });
    QTRY_COMPARE_WITH_TIMEOUT(order.size(), 2, 10000);
    QCOMPARE(order, QStringList({u"list"_s, u"call"_s}));
    // One session for both.
    int initializes = 0;
    for (const auto &r : std::as_const(server.requests))
        initializes += r.body.value("method"_L1).toString() == "initialize"_L1;
    QCOMPARE(initializes, 1);
}

void TestMcpClient::everything_listsAndCallsEcho() {
    if (EverythingServer::entryScript().isEmpty())
        QSKIP(EverythingServer::missingReason().constData());
    EverythingServer everything;
    QString error;
    QVERIFY2(everything.start(&error), qPrintable(error));

    McpClient client(&m_nam);
    client.setEndpoint(everything.url());
    const auto tools = track(client.listTools());
    QTRY_COMPARE_WITH_TIMEOUT(tools->finishedCount, 1, 20000);
    QVERIFY2(tools->succeeded, qPrintable(tools->error.toLogString()));
    QCOMPARE(tools->info.name, u"mcp-servers/everything"_s);
    QVERIFY(!tools->info.version.isEmpty());
    QVERIFY(!client.sessionId().isEmpty());
    const QStringList names = toolNames(tools->tools);
    for (const QString &expected : {u"echo"_s, u"get-sum"_s, u"get-tiny-image"_s})
        QVERIFY2(names.contains(expected), qPrintable(names.join(u", "_s)));
    const McpTool echo = tools->tools.at(names.indexOf(u"echo"_s));
    QVERIFY(echo.inputSchema.value("properties"_L1).toObject().contains("message"_L1));

    const auto call = track(client.callTool(u"echo"_s, QJsonObject{{u"message"_s, u"from Qt"_s}}));
    QTRY_COMPARE_WITH_TIMEOUT(call->finishedCount, 1, 20000);
    QVERIFY2(call->succeeded, qPrintable(call->error.toLogString()));
    QCOMPARE(call->call.content.value(0).text, u"Echo: from Qt"_s);

    const auto image = track(client.callTool(u"get-tiny-image"_s));
    QTRY_COMPARE_WITH_TIMEOUT(image->finishedCount, 1, 20000);
    QVERIFY2(image->succeeded, qPrintable(image->error.toLogString()));
    bool hasImage = false;
    for (const McpContent &c : image->call.content)
        hasImage =
            hasImage || (c.type == "image"_L1 && !c.data.isEmpty() && c.mimeType == "image/png"_L1);
    QVERIFY(hasImage);
    client.closeSession();
}

QTEST_GUILESS_MAIN(TestMcpClient)
#include "tst_mcpclient.moc"
