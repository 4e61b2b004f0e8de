// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/Tool.h"

#include "TestJson.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using Tramontane::Test::jsonArray;
using Tramontane::Test::jsonObject;

class TestTool : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void tool_roundTripsUnchanged_data();
    void tool_roundTripsUnchanged();
    void connector_readsAuthorizationAndConfiguration();
    void malformedOrUnknown_isKeptVerbatim_data();
    void malformedOrUnknown_isKeptVerbatim();
    void nullOptionals_areNotWritten();
    void factories_buildRequestShapes();
    void isSameTool_data();
    void isSameTool();
    void deduplicate_keepsFirstInOrder();
};

void TestTool::tool_roundTripsUnchanged_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<Tool::Type>("type");

    QTest::newRow("function") << R"({"type":"function","function":{"name":"get_weather",
        "description":"Weather by city","strict":false,"parameters":{"type":"object",
        "properties":{"city":{"type":"string"}},"required":["city"]}}})"_ba
                              << Tool::Type::Function;
    QTest::newRow("function minimal")
        << R"({"type":"function","function":{"name":"ping","parameters":{}}})"_ba
        << Tool::Type::Function;
    QTest::newRow("web_search") << R"({"type":"web_search"})"_ba << Tool::Type::WebSearch;
    QTest::newRow("web_search_premium configured") << R"({"type":"web_search_premium",
        "tool_configuration":{"exclude":["news"]}})"_ba
                                                   << Tool::Type::WebSearchPremium;
    QTest::newRow("code_interpreter")
        << R"({"type":"code_interpreter"})"_ba << Tool::Type::CodeInterpreter;
    QTest::newRow("image_generation configured") << R"({"type":"image_generation",
        "tool_configuration":{"requires_confirmation":["generate_image"]}})"_ba
                                                 << Tool::Type::ImageGeneration;
    QTest::newRow("document_library")
        << R"({"type":"document_library","library_ids":["lib-1","lib-2"]})"_ba
        << Tool::Type::DocumentLibrary;
    QTest::newRow("connector") << R"({"type":"connector","connector_id":"my_deepwiki"})"_ba
                               << Tool::Type::Connector;
    QTest::newRow("connector oauth2 + configuration") << R"({"type":"connector",
        "connector_id":"mail","authorization":{"type":"oauth2-token","value":"tok"},
        "tool_configuration":{"include":["search","send_email"],
        "requires_confirmation":["send_email"]}})"_ba << Tool::Type::Connector;
    QTest::newRow("connector api key")
        << R"({"type":"connector","connector_id":"8c1f","authorization":{"type":"api-key",
        "value":"k"}})"_ba
        << Tool::Type::Connector;
}

void TestTool::tool_roundTripsUnchanged() {
    QFETCH(QByteArray, json);
    QFETCH(Tool::Type, type);

    const QJsonObject input = jsonObject(json);
    const Tool tool = Tool::fromJson(input);
    QCOMPARE(tool.type, type);
    QCOMPARE(tool.typeString(), input.value("type"_L1).toString());
    COMPARE_JSON(tool.toJson(), input);
    QCOMPARE(Tool::fromJson(tool.toJson()), tool);
}

void TestTool::connector_readsAuthorizationAndConfiguration() {
    const Tool tool = Tool::fromJson(jsonObject(R"({"type":"connector","connector_id":"mail",
        "authorization":{"type":"oauth2-token","value":"tok"},
        "tool_configuration":{"include":["search"],"requires_confirmation":["send_email"]}})"));
    QCOMPARE(tool.connectorId, u"mail"_s);
    QVERIFY(tool.authorization);
    QCOMPARE(*tool.authorization, ConnectorAuthorization::oauth2Token(u"tok"_s));
    QVERIFY(tool.toolConfiguration);
    QCOMPARE(tool.toolConfiguration->include, QStringList{u"search"_s});
    QVERIFY(!tool.toolConfiguration->exclude);
    QCOMPARE(tool.toolConfiguration->requiresConfirmation, QStringList{u"send_email"_s});
    QVERIFY(!tool.isBuiltIn());
}

void TestTool::malformedOrUnknown_isKeptVerbatim_data() {
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("future type") << R"({"type":"time_machine","year":1999})"_ba;
    QTest::newRow("function without name") << R"({"type":"function","function":{}})"_ba;
    QTest::newRow("function without object") << R"({"type":"function"})"_ba;
    QTest::newRow("connector without id") << R"({"type":"connector"})"_ba;
}

void TestTool::malformedOrUnknown_isKeptVerbatim() {
    QFETCH(QByteArray, json);

    const QJsonObject input = jsonObject(json);
    const Tool tool = Tool::fromJson(input);
    QCOMPARE(tool.type, Tool::Type::Unknown);
    COMPARE_JSON(tool.toJson(), input);
    QCOMPARE(tool.typeString(), input.value("type"_L1).toString());
}

void TestTool::nullOptionals_areNotWritten() {
    const Tool tool = Tool::fromJson(jsonObject(R"({"type":"connector","connector_id":"c",
        "authorization":null,"tool_configuration":{"include":null,"exclude":["x"],
        "requires_confirmation":null},"unexpected":true})"));
    COMPARE_JSON(tool.toJson(), jsonObject(R"({"type":"connector","connector_id":"c",
        "tool_configuration":{"exclude":["x"]}})"));

    const Tool web =
        Tool::fromJson(jsonObject(R"({"type":"web_search","tool_configuration":null})"));
    COMPARE_JSON(web.toJson(), jsonObject(R"({"type":"web_search"})"));
}

void TestTool::factories_buildRequestShapes() {
    const QList<Tool> tools{
        Tool::function(u"f"_s, u"Does f"_s, jsonObject(R"({"type":"object"})")),
        Tool::function(u"g"_s, QString(), {}),
        Tool::builtIn(Tool::Type::ImageGeneration),
        Tool::documentLibrary({u"lib"_s}),
        Tool::connector(u"deepwiki"_s),
        Tool::connector(u"gh"_s, ConnectorAuthorization::apiKey(u"secret"_s)),
    };
    QCOMPARE(Test::compact(toolsToJson(tools)), Test::compact(jsonArray(R"([
        {"type":"function","function":{"name":"f","description":"Does f",
         "parameters":{"type":"object"}}},
        {"type":"function","function":{"name":"g","parameters":{}}},
        {"type":"image_generation"},
        {"type":"document_library","library_ids":["lib"]},
        {"type":"connector","connector_id":"deepwiki"},
        {"type":"connector","connector_id":"gh","authorization":{"type":"api-key",
         "value":"secret"}}])")));
    QCOMPARE(toolsFromJson(toolsToJson(tools)), tools);
    QVERIFY(tools.at(2).isBuiltIn());
    QVERIFY(tools.at(3).isBuiltIn());
    QVERIFY(!tools.at(0).isBuiltIn());
}

void TestTool::isSameTool_data() {
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("same");

    QTest::newRow("same built-in, other configuration")
        << R"({"type":"web_search"})"_ba
        << R"({"type":"web_search","tool_configuration":{"include":["x"]}})"_ba << true;
    QTest::newRow("different built-ins") << R"({"type":"web_search"})"_ba
                                         << R"({"type":"web_search_premium"})"_ba << false;
    QTest::newRow("same connector, other credentials")
        << R"({"type":"connector","connector_id":"gh"})"_ba
        << R"({"type":"connector","connector_id":"gh","authorization":{"type":"api-key",
        "value":"v"}})"_ba
        << true;
    QTest::newRow("different connectors")
        << R"({"type":"connector","connector_id":"gh"})"_ba
        << R"({"type":"connector","connector_id":"gl"})"_ba << false;
    QTest::newRow("same function name") << R"({"type":"function","function":{"name":"f",
        "parameters":{}}})"_ba
                                        << R"({"type":"function","function":{"name":"f",
        "description":"other","parameters":{"type":"object"}}})"_ba
                                        << true;
    QTest::newRow("different functions")
        << R"({"type":"function","function":{"name":"f","parameters":{}}})"_ba
        << R"({"type":"function","function":{"name":"g","parameters":{}}})"_ba << false;
    QTest::newRow("function vs connector")
        << R"({"type":"function","function":{"name":"gh","parameters":{}}})"_ba
        << R"({"type":"connector","connector_id":"gh"})"_ba << false;
    QTest::newRow("equal unknown") << R"({"type":"z","v":1})"_ba
                                   << R"({"type":"z","v":1})"_ba << true;
    QTest::newRow("other unknown") << R"({"type":"z","v":1})"_ba
                                   << R"({"type":"z","v":2})"_ba << false;
}

void TestTool::isSameTool() {
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, same);

    const Tool first = Tool::fromJson(jsonObject(a));
    const Tool second = Tool::fromJson(jsonObject(b));
    QCOMPARE(first.isSameTool(second), same);
    QCOMPARE(second.isSameTool(first), same);
}

void TestTool::deduplicate_keepsFirstInOrder() {
    const QList<Tool> tools = toolsFromJson(jsonArray(R"([
        {"type":"image_generation"},
        {"type":"connector","connector_id":"gh","tool_configuration":{"include":["a"]}},
        {"type":"function","function":{"name":"f","parameters":{}}},
        {"type":"image_generation","tool_configuration":{"exclude":["x"]}},
        {"type":"connector","connector_id":"gl"},
        {"type":"connector","connector_id":"gh"},
        {"type":"function","function":{"name":"f","parameters":{"type":"object"}}},
        {"type":"web_search"}])"));
    QCOMPARE(tools.size(), 8);
    const QList<Tool> unique = deduplicateTools(tools);
    QCOMPARE(Test::compact(toolsToJson(unique)), Test::compact(jsonArray(R"([
        {"type":"image_generation"},
        {"type":"connector","connector_id":"gh","tool_configuration":{"include":["a"]}},
        {"type":"function","function":{"name":"f","parameters":{}}},
        {"type":"connector","connector_id":"gl"},
        {"type":"web_search"}])")));
    QCOMPARE(deduplicateTools(unique), unique);
    QVERIFY(deduplicateTools({}).isEmpty());
}

QTEST_GUILESS_MAIN(TestTool)
#include "tst_tool.moc"
