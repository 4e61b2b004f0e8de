// SPDX-License-Identifier: GPL-3.0-or-later
// Connectors in the emulator, end to end over MCP: tools listed live, tools run from a chat
// completion, tokens and headers forwarded, and each way an MCP server can fail. The peers are
// the emulator's built-in MCP server, small loopback servers started here, and the reference
// server @modelcontextprotocol/server-everything when it is installed.
#include "IntegrationSupport.h"
#include "support/EmulatorProcess.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using namespace Tramontane::Test;

namespace {

constexpr auto Key = "connectors-key";
const QString Model = u"mistral-small-latest"_s;

// A loopback server that answers every request with one fixed response, or never answers.
class FixedServer final : public QObject {
public:
    explicit FixedServer(QByteArray response)
        : m_response(std::move(response)) {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    socket->readAll();
                    if (!m_response.isEmpty()) {
                        socket->write(m_response);
                        socket->disconnectFromHost();
                    }
                });
            }
        });
    }
    QString url() const { return u"http://127.0.0.1:%1/mcp"_s.arg(m_server.serverPort()); }

private:
    QTcpServer m_server;
    QByteArray m_response;
};

QJsonObject chat(const QString &text, const QJsonArray &tools, bool stream = false) {
    return QJsonObject{
        {u"model"_s, Model},
        {u"stream"_s, stream},
        {u"tools"_s, tools},
        {u"messages"_s, QJsonArray{QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, text}}}}};
}

QJsonObject connectorTool(const QString &id, const QJsonObject &extra = {}) {
    QJsonObject tool{{u"type"_s, u"connector"_s}, {u"connector_id"_s, id}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        tool.insert(it.key(), it.value());
    return tool;
}

QString sha(const QByteArray &value) {
    return u"redacted:sha256:"_s
           + QString::fromLatin1(
               QCryptographicHash::hash(value, QCryptographicHash::Sha256).toHex());
}

} // namespace

class TestEmulatorConnectors : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void demo_seedsConnectorsAndAnAgent();
    void tools_areListedLiveAndCached();
    void tools_prettyAndPaged();
    void callEndpoint_runsTheTool();
    void chat_useTool_runsItOverMcp();
    void chat_useTool_streamsThreeMessages();
    void chat_unknownTool_isAnsweredInText();
    void chat_listTools_namesThem();
    void chat_toolConfigurationExcludes();
    void chat_connectorHeadersAreForwarded();
    void chat_tokenFromTheTool_isSentAsBearer();
    void chat_rejectedToken_isAClearError();
    void deadServer_is422();
    void silentServer_is504();
    void notMcpServer_is502();
    void agentWithConnector_runsTheTool();

    void everything_listsAndRunsTheRealEcho();

private:
    EmulatorProcess m_emulator;
    std::unique_ptr<HttpDriver> m_http;
};

void TestEmulatorConnectors::initTestCase() {
    QVERIFY2(m_emulator.start(QString::fromLatin1(Key), {u"--demo"_s, u"--stream-rate"_s, u"0"_s,
                                                         u"--mcp-timeout"_s, u"600"_s}),
             qPrintable(m_emulator.errorString()));
    m_http = std::make_unique<HttpDriver>(m_emulator.baseUrl(), Key);
}

void TestEmulatorConnectors::demo_seedsConnectorsAndAnAgent() {
    const HttpResult connectors = m_http->get(u"/v1/connectors"_s);
    QStringList names;
    for (const QJsonValue &c : connectors.object().value("items"_L1).toArray())
        names.append(c.toObject().value("name"_L1).toString());
    QVERIFY(names.contains(u"demo_tools"_s));
    QVERIFY(names.contains(u"demo_secured"_s));
    QVERIFY(m_http->get(u"/v1/connectors/demo_tools"_s)
                .object()
                .value("description"_L1)
                .toString()
                .contains(u"DEMO"_s));
    const QJsonArray agents = m_http->get(u"/v1/agents"_s).array();
    QCOMPARE(agents.size(), 1);
    bool image = false;
    for (const QJsonValue &t : agents.first().toObject().value("tools"_L1).toArray())
        image = image || t.toObject().value("type"_L1).toString() == "image_generation"_L1;
    QVERIFY(image);
}

void TestEmulatorConnectors::tools_areListedLiveAndCached() {
    QVERIFY(m_http->get(u"/v1/connectors/demo_tools"_s).object().value("tools"_L1).isNull());
    const HttpResult r = m_http->get(u"/v1/connectors/demo_tools/tools"_s);
    QCOMPARE(r.status, 200);
    const QJsonArray tools = r.array();
    QStringList names;
    for (const QJsonValue &t : tools) {
        names.append(t.toObject().value("name"_L1).toString());
        QVERIFY(t.toObject().value("inputSchema"_L1).isObject());
    }
    QCOMPARE(names,
             QStringList({u"echo"_s, u"add"_s, u"current_time"_s, u"weather"_s, u"tiny_image"_s}));
    // The emulator opened an MCP session with the server to list them.
    const QJsonArray mcp = m_http->recordedRequests(u"/__mcp"_s);
    bool initialized = false;
    for (const QJsonValue &req : mcp)
        initialized = initialized
                      || req.toObject().value("body"_L1).toObject().value("method"_L1).toString()
                             == "initialize"_L1;
    QVERIFY(initialized);
    const QJsonArray cached =
        m_http->get(u"/v1/connectors/demo_tools"_s).object().value("tools"_L1).toArray();
    QCOMPARE(cached.size(), 5);
    QCOMPARE(cached.first().toObject().value("name"_L1).toString(), u"echo"_s);
}

void TestEmulatorConnectors::tools_prettyAndPaged() {
    const QJsonArray page =
        m_http->get(u"/v1/connectors/demo_tools/tools?page=2&page_size=2&pretty=true"_s).array();
    QCOMPARE(page.size(), 2);
    QCOMPARE(page.first().toObject().value("name"_L1).toString(), u"current_time"_s);
    QVERIFY(!page.first().toObject().contains("title"_L1));
}

void TestEmulatorConnectors::callEndpoint_runsTheTool() {
    HttpResult r =
        m_http->post(u"/v1/connectors/demo_tools/tools/add/call"_s,
                     QJsonObject{{u"arguments"_s, QJsonObject{{u"a"_s, 2}, {u"b"_s, 3}}}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value("content"_L1)[0].toObject().value("text"_L1).toString(),
             u"The sum of 2 and 3 is 5."_s);
    r = m_http->post(u"/v1/connectors/demo_tools/tools/tiny_image/call"_s, QJsonObject{});
    QCOMPARE(r.object().value("content"_L1)[0].toObject().value("type"_L1).toString(), u"image"_s);
    QCOMPARE(m_http->post(u"/v1/connectors/demo_tools/tools/nope/call"_s, QJsonObject{}).status,
             404);
    QCOMPARE(
        m_http->post(u"/v1/connectors/demo_tools/tools/add/call"_s, QJsonObject{{u"args"_s, 1}})
            .status,
        422);
}

void TestEmulatorConnectors::chat_useTool_runsItOverMcp() {
    const QString id =
        m_http->get(u"/v1/connectors/demo_tools"_s).object().value("id"_L1).toString();
    const HttpResult r = m_http->post(u"/v1/chat/completions"_s,
                                      chat(u"use tool echo {\"message\": \"over the wire\"}"_s,
                                           {connectorTool(u"demo_tools"_s)}));
    QCOMPARE(r.status, 200);
    const QJsonObject o = r.object();
    QCOMPARE(o.value("object"_L1).toString(), u"chat.multi_completion"_s);
    const QJsonArray messages = o.value("choices"_L1)[0].toObject().value("messages"_L1).toArray();
    QCOMPARE(messages.size(), 3);
    const QJsonObject call = messages[0].toObject().value("tool_calls"_L1)[0].toObject();
    QCOMPARE(call.value("function"_L1).toObject().value("name"_L1).toString(), u"echo"_s);
    QCOMPARE(QJsonDocument::fromJson(
                 call.value("function"_L1).toObject().value("arguments"_L1).toString().toUtf8())
                 .object(),
             QJsonObject({{u"message"_s, u"over the wire"_s}}));
    QCOMPARE(call.value("metadata"_L1).toObject().value("integration_id"_L1).toString(), id);
    const QJsonObject result = messages[1].toObject();
    QCOMPARE(result.value("role"_L1).toString(), u"tool"_s);
    QCOMPARE(result.value("tool_call_id"_L1).toString(), call.value("id"_L1).toString());
    QCOMPARE(result.value("content"_L1).toString(), u"Echo: over the wire"_s);
    QVERIFY(
        messages[2].toObject().value("content"_L1).toString().contains(u"Echo: over the wire"_s));
    QCOMPARE(o.value("choices"_L1)[0].toObject().value("finish_reason"_L1).toString(), u"stop"_s);
}

void TestEmulatorConnectors::chat_useTool_streamsThreeMessages() {
    const HttpResult r =
        m_http->post(u"/v1/chat/completions"_s, chat(u"use tool add {\"a\": 20, \"b\": 22}"_s,
                                                     {connectorTool(u"demo_tools"_s)}, true));
    QCOMPARE(r.status, 200);
    const QList<SseEvent> events = r.events();
    QVERIFY(events.last().isDone());
    QList<int> indexes;
    QString toolText;
    for (const SseEvent &e : events) {
        if (e.isDone())
            continue;
        const QJsonObject delta = QJsonDocument::fromJson(e.data)
                                      .object()
                                      .value("choices"_L1)[0]
                                      .toObject()
                                      .value("delta"_L1)
                                      .toObject();
        const int index = delta.value("index"_L1).toInt(-1);
        if (indexes.isEmpty() || indexes.last() != index)
            indexes.append(index);
        if (delta.value("role"_L1).toString() == "tool"_L1)
            toolText = delta.value("content"_L1).toString();
    }
    QCOMPARE(indexes, QList<int>({0, 1, 2}));
    QCOMPARE(toolText, u"The sum of 20 and 22 is 42."_s);
}

void TestEmulatorConnectors::chat_unknownTool_isAnsweredInText() {
    const HttpResult r =
        m_http->post(u"/v1/chat/completions"_s,
                     chat(u"use tool teleport {}"_s, {connectorTool(u"demo_tools"_s)}));
    QCOMPARE(r.status, 200);
    const QString text = r.object()
                             .value("choices"_L1)[0]
                             .toObject()
                             .value("message"_L1)
                             .toObject()
                             .value("content"_L1)
                             .toString();
    QVERIFY(text.contains(u"teleport"_s));
    QVERIFY(text.contains(u"`echo`"_s));
}

void TestEmulatorConnectors::chat_listTools_namesThem() {
    const HttpResult r = m_http->post(
        u"/v1/chat/completions"_s, chat(u"please list tools"_s, {connectorTool(u"demo_tools"_s)}));
    const QString text = r.object()
                             .value("choices"_L1)[0]
                             .toObject()
                             .value("message"_L1)
                             .toObject()
                             .value("content"_L1)
                             .toString();
    QVERIFY(text.contains(u"`weather`"_s));
    QVERIFY(text.contains(u"demo_tools"_s));
}

void TestEmulatorConnectors::chat_toolConfigurationExcludes() {
    const QJsonObject tool = connectorTool(
        u"demo_tools"_s,
        {{u"tool_configuration"_s, QJsonObject{{u"exclude"_s, QJsonArray{u"echo"_s}}}}});
    const HttpResult r = m_http->post(u"/v1/chat/completions"_s,
                                      chat(u"use tool echo {\"message\": \"x\"}"_s, {tool}));
    QCOMPARE(r.object().value("object"_L1).toString(), u"chat.completion"_s);
}

void TestEmulatorConnectors::chat_connectorHeadersAreForwarded() {
    QCOMPARE(m_http
                 ->post(u"/v1/connectors"_s,
                        QJsonObject{
                            {u"name"_s, u"with_headers"_s},
                            {u"description"_s, u"d"_s},
                            {u"server"_s, QString(m_emulator.baseUrl().toString() + u"/__mcp"_s)},
                            {u"headers"_s, QJsonObject{{u"X-Custom"_s, u"custom-value"_s}}},
                            {u"global_headers"_s,
                             QJsonObject{{u"X-Tenant"_s, QJsonObject{{u"value"_s, u"tenant-9"_s},
                                                                     {u"is_secret"_s, false}}}}}})
                 .status,
             201);
    m_http->send("DELETE", u"/__admin/requests"_s, {}, QByteArray());
    const HttpResult r =
        m_http->post(u"/v1/chat/completions"_s,
                     chat(u"use tool current_time {}"_s, {connectorTool(u"with_headers"_s)}));
    QCOMPARE(r.status, 200);
    const QJsonArray mcp = m_http->recordedRequests(u"/__mcp"_s);
    int posts = 0;
    for (const QJsonValue &req : mcp) {
        // A session-closing DELETE of an earlier test may arrive late: look at the POSTs.
        if (req.toObject().value("method"_L1).toString() != "POST"_L1)
            continue;
        ++posts;
        const QJsonObject headers = req.toObject().value("headers"_L1).toObject();
        QCOMPARE(headers.value("x-custom"_L1).toString(), u"custom-value"_s);
        QCOMPARE(headers.value("x-tenant"_L1).toString(), u"tenant-9"_s);
    }
    QCOMPARE(posts, 4); // initialize, initialized, tools/list, tools/call
}

void TestEmulatorConnectors::chat_tokenFromTheTool_isSentAsBearer() {
    // A connector to the token-protected server, without a stored token.
    QCOMPARE(m_http
                 ->post(u"/v1/connectors"_s,
                        QJsonObject{{u"name"_s, u"bare_secured"_s},
                                    {u"description"_s, u"d"_s},
                                    {u"server"_s, QString(m_emulator.baseUrl().toString()
                                                          + u"/__mcp/secured"_s)}})
                 .status,
             201);
    const QString ask = u"use tool add {\"a\": 1, \"b\": 1}"_s;
    QCOMPARE(m_http->post(u"/v1/chat/completions"_s, chat(ask, {connectorTool(u"bare_secured"_s)}))
                 .status,
             401);
    for (const QString &type : {u"oauth2-token"_s, u"api-key"_s}) {
        m_http->send("DELETE", u"/__admin/requests"_s, {}, QByteArray());
        const QJsonObject auth{{u"type"_s, type}, {u"value"_s, u"demo-mcp-token"_s}};
        const HttpResult r = m_http->post(
            u"/v1/chat/completions"_s,
            chat(ask, {connectorTool(u"bare_secured"_s, {{u"authorization"_s, auth}})}));
        QCOMPARE(r.status, 200);
        int posts = 0;
        for (const QJsonValue &req : m_http->recordedRequests(u"/__mcp/secured"_s)) {
            if (req.toObject().value("method"_L1).toString() != "POST"_L1)
                continue;
            ++posts;
            QCOMPARE(
                req.toObject().value("headers"_L1).toObject().value("authorization"_L1).toString(),
                sha("Bearer demo-mcp-token"));
        }
        QCOMPARE(posts, 4);
    }
}

void TestEmulatorConnectors::chat_rejectedToken_isAClearError() {
    const HttpResult r = m_http->post(
        u"/v1/chat/completions"_s,
        chat(u"use tool add {\"a\": 1, \"b\": 1}"_s,
             {connectorTool(u"demo_secured"_s,
                            {{u"authorization"_s, QJsonObject{{u"type"_s, u"oauth2-token"_s},
                                                              {u"value"_s, u"expired"_s}}}})}));
    QCOMPARE(r.status, 401);
    const QJsonObject o = r.object();
    QCOMPARE(o.value("object"_L1).toString(), u"error"_s);
    QVERIFY(o.value("message"_L1).toString().contains(u"token"_s));
    QVERIFY(o.value("message"_L1).toString().contains(u"demo_secured"_s));
    QCOMPARE(o.value("param"_L1).toString(), u"tools[0].authorization"_s);
    // Not the API key's error.
    QVERIFY(o.value("detail"_L1).isUndefined());
}

void TestEmulatorConnectors::deadServer_is422() {
    QCOMPARE(m_http
                 ->post(u"/v1/connectors"_s,
                        QJsonObject{{u"name"_s, u"dead_conn"_s},
                                    {u"description"_s, u"d"_s},
                                    {u"server"_s, u"http://127.0.0.1:%1/mcp"_s.arg(deadPort())}})
                 .status,
             201);
    HttpResult r = m_http->post(u"/v1/chat/completions"_s,
                                chat(u"use tool echo {}"_s, {connectorTool(u"demo_tools"_s),
                                                             connectorTool(u"dead_conn"_s)}));
    // demo_tools has echo, so the dead connector is never needed... but tools are discovered in
    // order, and demo_tools comes first: the call succeeds.
    QCOMPARE(r.status, 200);
    r = m_http->post(u"/v1/chat/completions"_s,
                     chat(u"use tool echo {}"_s,
                          {connectorTool(u"dead_conn"_s), connectorTool(u"demo_tools"_s)}));
    QCOMPARE(r.status, 422);
    const QJsonObject issue = r.object().value("detail"_L1)[0].toObject();
    QCOMPARE(issue.value("loc"_L1).toArray(), QJsonArray({u"body"_s, u"tools"_s, 0}));
    QVERIFY(issue.value("msg"_L1).toString().contains(u"unreachable"_s));

    r = m_http->get(u"/v1/connectors/dead_conn/tools"_s);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.object().value("detail"_L1)[0].toObject().value("loc"_L1).toArray(),
             QJsonArray({u"path"_s, u"connector_id_or_name"_s}));
}

void TestEmulatorConnectors::silentServer_is504() {
    FixedServer silent{QByteArray()};
    QCOMPARE(m_http
                 ->post(u"/v1/connectors"_s, QJsonObject{{u"name"_s, u"silent_conn"_s},
                                                         {u"description"_s, u"d"_s},
                                                         {u"server"_s, silent.url()}})
                 .status,
             201);
    const HttpResult r = m_http->get(u"/v1/connectors/silent_conn/tools"_s);
    QCOMPARE(r.status, 504);
    QCOMPARE(r.object().value("object"_L1).toString(), u"error"_s);
    QVERIFY(r.elapsedMs >= 550);
}

void TestEmulatorConnectors::notMcpServer_is502() {
    FixedServer web("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 13\r\n"
                    "Connection: close\r\n\r\n<html></html>");
    QCOMPARE(m_http
                 ->post(u"/v1/connectors"_s, QJsonObject{{u"name"_s, u"web_conn"_s},
                                                         {u"description"_s, u"d"_s},
                                                         {u"server"_s, web.url()}})
                 .status,
             201);
    const HttpResult r = m_http->post(u"/v1/chat/completions"_s,
                                      chat(u"use tool echo {}"_s, {connectorTool(u"web_conn"_s)}));
    QCOMPARE(r.status, 502);
    QCOMPARE(r.object().value("object"_L1).toString(), u"error"_s);
}

void TestEmulatorConnectors::agentWithConnector_runsTheTool() {
    const QString agent =
        m_http->get(u"/v1/agents"_s).array().first().toObject().value("id"_L1).toString();
    const HttpResult r = m_http->post(
        u"/v1/agents/completions"_s,
        QJsonObject{
            {u"agent_id"_s, agent},
            {u"messages"_s,
             QJsonArray{QJsonObject{{u"role"_s, u"user"_s},
                                    {u"content"_s, u"use tool weather {\"city\": \"Nice\"}"_s}}}}});
    QCOMPARE(r.status, 200);
    const QJsonArray messages =
        r.object().value("choices"_L1)[0].toObject().value("messages"_L1).toArray();
    QCOMPARE(messages.size(), 3);
    QVERIFY(messages[1].toObject().value("content"_L1).toString().startsWith(u"Nice: "_s));
}

void TestEmulatorConnectors::everything_listsAndRunsTheRealEcho() {
    if (EverythingServer::entryScript().isEmpty())
        QSKIP(EverythingServer::missingReason().constData());
    EverythingServer everything;
    QString error;
    QVERIFY2(everything.start(&error), qPrintable(error));

    QCOMPARE(m_http
                 ->post(u"/v1/connectors"_s,
                        QJsonObject{{u"name"_s, u"everything"_s},
                                    {u"description"_s, u"The MCP reference server"_s},
                                    {u"server"_s, everything.url().toString()}})
                 .status,
             201);
    const HttpResult tools = m_http->get(u"/v1/connectors/everything/tools"_s);
    QCOMPARE(tools.status, 200);
    QStringList names;
    for (const QJsonValue &t : tools.array())
        names.append(t.toObject().value("name"_L1).toString());
    QVERIFY2(names.contains(u"echo"_s) && names.contains(u"get-sum"_s),
             qPrintable(names.join(u", "_s)));

    const QString tag = u"qt-%1"_s.arg(QDateTime::currentMSecsSinceEpoch());
    const HttpResult r = m_http->post(
        u"/v1/chat/completions"_s,
        chat(u"use tool echo {\"message\": \"%1\"}"_s.arg(tag), {connectorTool(u"everything"_s)}));
    QCOMPARE(r.status, 200);
    const QJsonArray messages =
        r.object().value("choices"_L1)[0].toObject().value("messages"_L1).toArray();
    QCOMPARE(messages.size(), 3);
    QCOMPARE(messages[1].toObject().value("content"_L1).toString(), u"Echo: "_s + tag);
    QVERIFY(everything.log().contains("Session initialized"));
}

QTEST_GUILESS_MAIN(TestEmulatorConnectors)
#include "tst_emulatorconnectors.moc"
