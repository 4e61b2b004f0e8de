// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/Connector.h"
#include "core/protocol/McpTool.h"

#include "TestJson.h"

#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using Tramontane::Test::fixture;
using Tramontane::Test::fixtureObject;
using Tramontane::Test::jsonObject;

class TestConnector : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void connector_readsEveryField();
    void connector_roundTripsUnchanged();
    void connector_minimalAndMalformed();
    void page_readsItemsAndCursor();
    void createRequest_writesExactJson();
    void createRequest_minimal();
    void updateRequest_writesOnlySetFields_data();
    void updateRequest_writesOnlySetFields();
    void name_validation_data();
    void name_validation();
    void nameFrom_makesValidNames_data();
    void nameFrom_makesValidNames();
    void mcpTools_parseBothShapes();
    void mcpTool_roundTripsUnchanged();
    void headers_readGlobalThenDeclared();
    void headers_globalJsonKeepsSecretFlag();
    void updateRequest_setGlobalHeaders_oneEntryPerMethod();
    void builtIn_systemOrMistral_data();
    void builtIn_systemOrMistral();
};

void TestConnector::connector_readsEveryField() {
    const Connector connector = Connector::fromJson(fixtureObject(u"connector.json"_s));
    QCOMPARE(connector.id, u"a1b2c3d4-0000-4000-8000-00000000abcd"_s);
    QCOMPARE(connector.name, u"my_deepwiki"_s);
    QVERIFY(!connector.title);
    QCOMPARE(connector.displayName(), u"my_deepwiki"_s);
    QCOMPARE(connector.description, u"DeepWiki MCP"_s);
    QCOMPARE(connector.server, u"https://mcp.deepwiki.com/mcp"_s);
    QCOMPARE(connector.protocol, u"mcp"_s);
    QVERIFY(!connector.iconUrl);
    QCOMPARE(connector.visibility, u"private"_s);
    QCOMPARE(connector.ownerType, u"user"_s);
    QCOMPARE(connector.ownerId, u"5d0f2c1e-aaaa-4bbb-8ccc-123456789abc"_s);
    QCOMPARE(connector.createdAt, QDateTime(QDate(2026, 8, 1), QTime(10, 0), QTimeZone::utc()));
    QCOMPARE(connector.modifiedAt,
             QDateTime(QDate(2026, 8, 2), QTime(11, 30, 15, 250), QTimeZone::utc()));
    QVERIFY(!connector.systemPrompt);
    QCOMPARE(connector.active, true);
    QCOMPARE(connector.isAuthenticated, false);
    QVERIFY(!connector.privateToolExecution);
    QVERIFY(!connector.mistral);
    QCOMPARE(connector.authMethodTypes(), (QStringList{u"oauth2"_s, u"bearer"_s}));
    QVERIFY(connector.supportsOAuth2());
    QCOMPARE(connector.connectionCredentials->size(), 1);
    QVERIFY(connector.tools);
    QCOMPARE(connector.tools->size(), 1);
    const ConnectorTool &tool = connector.tools->first();
    QCOMPARE(tool.name, u"ask_question"_s);
    QCOMPARE(tool.description, u"Ask a question about a repository"_s);
    QCOMPARE(tool.jsonschema->value("required"_L1).toArray().size(), 2);
    QCOMPARE(tool.active, true);
    QCOMPARE(tool.visibility, u"private"_s);
    QCOMPARE(tool.executionConfig->value("type"_L1).toString(), u"mcp"_s);
}

void TestConnector::connector_roundTripsUnchanged() {
    const QJsonObject input = fixtureObject(u"connector.json"_s);
    const Connector connector = Connector::fromJson(input);
    COMPARE_JSON(connector.toJson(), input);

    Connector edited = connector;
    edited.title = u"DeepWiki"_s;
    edited.active.reset();
    edited.tools.reset();
    const QJsonObject json = edited.toJson();
    QCOMPARE(json.value("title"_L1).toString(), u"DeepWiki"_s);
    QCOMPARE(edited.displayName(), u"DeepWiki"_s);
    QVERIFY(json.value("active"_L1).isNull());
    QVERIFY(json.value("tools"_L1).isNull());
    QVERIFY(json.contains("server_card"_L1));
}

void TestConnector::connector_minimalAndMalformed() {
    const Connector connector = Connector::fromJson(jsonObject(R"({"id":"x","name":"n",
        "description":"d","created_at":"yesterday","owner_type":"org","visibility":"shared_org",
        "private_tool_execution":"no","supported_auth_methods":{"bad":1},"tools":[3]})"));
    QCOMPARE(connector.protocol, u"mcp"_s);
    QVERIFY(!connector.createdAt.isValid());
    QVERIFY(!connector.privateToolExecution);
    QVERIFY(!connector.supportedAuthMethods);
    QVERIFY(connector.authMethodTypes().isEmpty());
    QVERIFY(!connector.supportsOAuth2());
    QVERIFY(connector.tools && connector.tools->isEmpty());
    QVERIFY(!connector.server);
    const QJsonObject json = connector.toJson();
    QVERIFY(!json.contains("server"_L1));
    QVERIFY(json.value("created_at"_L1).isNull());
}

void TestConnector::page_readsItemsAndCursor() {
    QJsonObject input{
        {"items"_L1, QJsonArray{fixtureObject(u"connector.json"_s), 5}},
        {"pagination"_L1, jsonObject(R"({"next_cursor":"c2","page_size":100})")},
    };
    const ConnectorPage page = ConnectorPage::fromJson(input);
    QCOMPARE(page.items.size(), 1);
    QCOMPARE(page.nextCursor, u"c2"_s);
    QCOMPARE(page.pageSize, 100);
    QCOMPARE(ConnectorPage::fromJson(page.toJson()).items.first().toJson(),
             page.items.first().toJson());

    const ConnectorPage last = ConnectorPage::fromJson(
        jsonObject(R"({"items":[],"pagination":{"next_cursor":null,"page_size":100}})"));
    QVERIFY(!last.nextCursor);
    COMPARE_JSON(last.toJson(),
                 jsonObject(R"({"items":[],"pagination":{"next_cursor":null,"page_size":100}})"));
}

void TestConnector::createRequest_writesExactJson() {
    ConnectorCreateRequest request;
    request.name = u"my_deepwiki"_s;
    request.description = u"DeepWiki MCP"_s;
    request.server = u"https://mcp.deepwiki.com/mcp"_s;
    request.title = u"DeepWiki"_s;
    request.iconUrl = u"https://deepwiki.com/icon.png"_s;
    request.visibility = u"shared_workspace"_s;
    request.systemPrompt = u"Prefer short answers."_s;
    request.headers = QMap<QString, QString>{{u"X-Api-Key"_s, u"k"_s}};
    request.oauthClientId = u"client"_s;
    request.oauth2ServerMetadataUrl =
        u"https://auth.example/.well-known/oauth-authorization-server"_s;
    const QJsonObject json = request.toJson();
    // (Kept outside the macro: moc does not read "//" inside a raw string in macro arguments.)
    const QJsonObject expected = jsonObject(R"({"name":"my_deepwiki","description":"DeepWiki MCP",
        "server":"https://mcp.deepwiki.com/mcp","protocol":"mcp","title":"DeepWiki",
        "icon_url":"https://deepwiki.com/icon.png","visibility":"shared_workspace",
        "system_prompt":"Prefer short answers.","headers":{"X-Api-Key":"k"},
        "auth_data":{"client_id":"client"},
        "oauth2_server_metadata_url":"https://auth.example/.well-known/oauth-authorization-server"})");
    COMPARE_JSON(json, expected);
    for (const QString &key : json.keys())
        QVERIFY2(ConnectorCreateRequest::knownFields().contains(key), qPrintable(key));
    COMPARE_JSON(ConnectorCreateRequest::fromJson(json).toJson(), json);
}

void TestConnector::createRequest_minimal() {
    ConnectorCreateRequest request;
    request.name = u"n"_s;
    request.description = u"d"_s;
    request.server = u"https://mcp.example/mcp"_s;
    const QJsonObject expected = jsonObject(R"({"name":"n","description":"d",
        "server":"https://mcp.example/mcp","protocol":"mcp"})");
    COMPARE_JSON(request.toJson(), expected);
}

void TestConnector::updateRequest_writesOnlySetFields_data() {
    QTest::addColumn<ConnectorUpdateRequest>("request");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<bool>("empty");

    QTest::newRow("nothing") << ConnectorUpdateRequest() << R"({"protocol":"mcp"})"_ba << true;
    {
        ConnectorUpdateRequest request;
        request.server = u"https://mcp.example/v2"_s;
        QTest::newRow("server") << request
                                << R"({"protocol":"mcp","server":"https://mcp.example/v2"})"_ba
                                << false;
    }
    {
        ConnectorUpdateRequest request;
        request.title = QString();
        request.systemPrompt = u"Be careful."_s;
        request.description = u"New"_s;
        QTest::newRow("texts") << request << R"({"protocol":"mcp","title":"",
            "system_prompt":"Be careful.","description":"New"})"_ba
                               << false;
    }
    {
        ConnectorUpdateRequest request;
        request.name = u"renamed"_s;
        request.iconUrl = u"https://x.test/i.png"_s;
        request.authMethods = Test::jsonArray(R"([{"method_type":"bearer","headers":[
            {"name":"Authorization","is_required":true,"is_secret":true}]}])");
        QTest::newRow("name, icon, auth") << request << R"({"protocol":"mcp","name":"renamed",
            "icon_url":"https://x.test/i.png","auth_methods":[{"method_type":"bearer",
            "headers":[{"name":"Authorization","is_required":true,"is_secret":true}]}]})"_ba
                                          << false;
    }
}

void TestConnector::updateRequest_writesOnlySetFields() {
    QFETCH(ConnectorUpdateRequest, request);
    QFETCH(QByteArray, expected);
    QFETCH(bool, empty);

    const QJsonObject json = request.toJson();
    COMPARE_JSON(json, jsonObject(expected));
    QCOMPARE(request.isEmpty(), empty);
    for (const QString &key : json.keys())
        QVERIFY2(ConnectorUpdateRequest::knownFields().contains(key), qPrintable(key));
    COMPARE_JSON(ConnectorUpdateRequest::fromJson(json).toJson(), json);
}

void TestConnector::name_validation_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");

    QTest::newRow("simple") << u"my_deepwiki"_s << true;
    QTest::newRow("all classes") << u"Az09_-"_s << true;
    QTest::newRow("64 characters") << QString(64, u'a') << true;
    QTest::newRow("65 characters") << QString(65, u'a') << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("space") << u"my wiki"_s << false;
    QTest::newRow("dot") << u"wiki.v2"_s << false;
    QTest::newRow("accent") << u"caf\u00e9"_s << false;
    QTest::newRow("slash") << u"a/b"_s << false;
}

void TestConnector::name_validation() {
    QFETCH(QString, name);
    QFETCH(bool, valid);

    QCOMPARE(isValidConnectorName(name), valid);
    QCOMPARE(connectorNameError(name).isEmpty(), valid);
}

void TestConnector::nameFrom_makesValidNames_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("name");

    QTest::newRow("already valid") << u"deepwiki"_s << u"deepwiki"_s;
    QTest::newRow("title") << u"  Deep Wiki (v2) "_s << u"Deep_Wiki__v2_"_s;
    QTest::newRow("accents") << u"Caf\u00e9 M\u00fcller"_s << u"Caf__M_ller"_s;
    QTest::newRow("empty") << QString() << u"connector"_s;
    QTest::newRow("long") << QString(80, u'x') << QString(64, u'x');
}

void TestConnector::nameFrom_makesValidNames() {
    QFETCH(QString, text);
    QFETCH(QString, name);

    QCOMPARE(connectorNameFrom(text), name);
    QVERIFY(isValidConnectorName(connectorNameFrom(text)));
}

void TestConnector::mcpTools_parseBothShapes() {
    const QJsonArray array = Test::parseJson(fixture(u"mcp-tools.json"_s)).array();
    const QList<McpTool> tools = McpTool::listFromJson(array);
    QCOMPARE(tools.size(), 3);
    QCOMPARE(tools.at(0).name, u"echo"_s);
    QCOMPARE(tools.at(0).displayTitle(), u"Echo"_s);
    QCOMPARE(tools.at(0).description, u"Echoes back the input"_s);
    QCOMPARE(tools.at(0).inputSchema.value("required"_L1).toArray().first().toString(),
             u"message"_s);
    QVERIFY(!tools.at(0).outputSchema);
    QCOMPARE(tools.at(0).hint(u"readOnlyHint"_s), true);
    QCOMPARE(tools.at(0).hint(u"openWorldHint"_s), false);
    QVERIFY(!tools.at(0).hint(u"destructiveHint"_s));
    QCOMPARE(tools.at(1).displayTitle(), u"Sum"_s);
    QCOMPARE(tools.at(2).displayTitle(), u"bare"_s);
    QVERIFY(!tools.at(2).hint(u"readOnlyHint"_s));

    const QJsonObject listResult{{"tools"_L1, array}};
    QCOMPARE(McpTool::listFromJson(listResult).size(), 3);
    QVERIFY(McpTool::listFromJson(QJsonValue(u"nope"_s)).isEmpty());
}

void TestConnector::mcpTool_roundTripsUnchanged() {
    const QJsonArray array = Test::parseJson(fixture(u"mcp-tools.json"_s)).array();
    for (int i = 0; i < 3; ++i) {
        const QJsonObject input = array.at(i).toObject();
        COMPARE_JSON(McpTool::fromJson(input).toJson(), input);
    }
    McpTool tool = McpTool::fromJson(array.at(1).toObject());
    tool.description.reset();
    QVERIFY(tool.toJson().value("description"_L1).isNull());
}

void TestConnector::headers_readGlobalThenDeclared() {
    const Connector connector = Connector::fromJson(jsonObject(R"({
        "id": "c", "name": "n", "description": "d", "visibility": "private",
        "owner_type": "user",
        "supported_auth_methods": [
            {"method_type": "none", "has_default_credentials": true,
             "headers": [{"name": "X-Scoped", "is_required": true, "is_secret": true},
                         {"name": "x-api-key", "is_secret": true}],
             "global_headers": {"X-Api-Key": {"value": "", "is_secret": true},
                                "Accept-Language": {"value": "fr", "is_secret": false},
                                "X-Leaky": {"value": "must-not-be-read"}}},
            {"method_type": "bearer", "headers": null, "global_headers": {}}
        ]})"));
    const QList<ConnectorHeader> headers = connector.headers();
    QCOMPARE(headers.size(), 4);
    QCOMPARE(headers.at(0), (ConnectorHeader{u"Accept-Language"_s, u"fr"_s, false, true}));
    // A secret's value is never taken from a response, even when one came back.
    QCOMPARE(headers.at(1), (ConnectorHeader{u"X-Api-Key"_s, QString(), true, true}));
    QCOMPARE(headers.at(2), (ConnectorHeader{u"X-Leaky"_s, QString(), true, true}));
    // Declared by name only; "x-api-key" is the same header as "X-Api-Key".
    QCOMPARE(headers.at(3), (ConnectorHeader{u"X-Scoped"_s, QString(), true, false}));

    QVERIFY(Connector::fromJson(jsonObject(R"({"id": "c"})")).headers().isEmpty());
}

void TestConnector::headers_globalJsonKeepsSecretFlag() {
    const QJsonObject json = connectorGlobalHeadersJson({
        {u"X-Api-Key"_s, u"s3cret-value"_s, true, true},
        {u"Accept-Language"_s, u"fr"_s, false, true},
        {QString(), u"ignored"_s, false, true},
    });
    COMPARE_JSON(json, jsonObject(R"({
        "X-Api-Key": {"value": "s3cret-value", "is_secret": true},
        "Accept-Language": {"value": "fr", "is_secret": false}})"));
}

void TestConnector::updateRequest_setGlobalHeaders_oneEntryPerMethod() {
    const Connector current = Connector::fromJson(fixtureObject(u"connector.json"_s));
    ConnectorUpdateRequest request;
    request.setGlobalHeaders(
        current, {{u"X-Api-Key"_s, u"k"_s, true, true}, {u"X-Scoped"_s, QString(), true, false}});
    const QJsonObject global{
        {"X-Api-Key"_L1, QJsonObject{{"value"_L1, u"k"_s}, {"is_secret"_L1, true}}}};
    COMPARE_JSON(
        request.toJson(),
        (QJsonObject{{"protocol"_L1, u"mcp"_s},
                     {"auth_methods"_L1, QJsonArray{QJsonObject{{"method_type"_L1, u"oauth2"_s},
                                                                {"global_headers"_L1, global}},
                                                    QJsonObject{{"method_type"_L1, u"bearer"_s},
                                                                {"global_headers"_L1, global}}}}}));

    // A connector without methods gets one "none" method; no headers clears them.
    ConnectorUpdateRequest clearing;
    clearing.setGlobalHeaders(Connector::fromJson(jsonObject(R"({"id": "c"})")), {});
    COMPARE_JSON(clearing.toJson(), jsonObject(R"({"protocol": "mcp", "auth_methods": [
        {"method_type": "none", "global_headers": {}}]})"));
    QVERIFY(!clearing.isEmpty());
}

void TestConnector::builtIn_systemOrMistral_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("builtIn");
    QTest::newRow("user") << QByteArray(R"({"owner_type": "user", "mistral": false})") << false;
    QTest::newRow("system") << QByteArray(R"({"owner_type": "system"})") << true;
    QTest::newRow("mistral") << QByteArray(R"({"owner_type": "org", "mistral": true})") << true;
    QTest::newRow("missing") << QByteArray(R"({})") << false;
}

void TestConnector::builtIn_systemOrMistral() {
    QFETCH(QByteArray, json);
    QFETCH(bool, builtIn);
    QCOMPARE(Connector::fromJson(jsonObject(json)).isBuiltIn(), builtIn);
}

QTEST_GUILESS_MAIN(TestConnector)
#include "tst_connector.moc"
