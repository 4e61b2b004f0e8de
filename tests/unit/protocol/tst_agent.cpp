// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/Agent.h"

#include "TestJson.h"

#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using Tramontane::Test::fixtureObject;
using Tramontane::Test::jsonObject;

class TestAgent : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void agent_readsEveryField();
    void agent_toJsonRoundTrips();
    void completionArgs_nullsAreUnset();
    void page_readsDataAndToken();
    void createRequest_writesExactJson();
    void createRequest_minimal();
    void updateRequest_writesOnlySetFields_data();
    void updateRequest_writesOnlySetFields();
    void updateRequest_fromChanges();
    void updateRequest_fromJson();
};

void TestAgent::agent_readsEveryField() {
    const Agent agent = Agent::fromJson(fixtureObject(u"agent.json"_s));
    QCOMPARE(agent.id, u"ag_06835bb2e8d07e1a8000c2cf7e4d3e4f"_s);
    QCOMPARE(agent.object, u"agent"_s);
    QCOMPARE(agent.name, u"Designer"_s);
    QCOMPARE(agent.description, u"Makes pictures"_s);
    QCOMPARE(agent.model, u"mistral-medium-latest"_s);
    QCOMPARE(agent.instructions, u"Use the image tool when asked for images."_s);
    QCOMPARE(agent.tools.size(), 3);
    QCOMPARE(agent.tools.at(0).type, Tool::Type::ImageGeneration);
    QCOMPARE(agent.tools.at(1).connectorId, u"my_deepwiki"_s);
    QCOMPARE(agent.tools.at(1).toolConfiguration->include, QStringList{u"ask_question"_s});
    QCOMPARE(agent.tools.at(2).name, u"get_weather"_s);
    QCOMPARE(agent.completionArgs.temperature, 0.3);
    QCOMPARE(agent.completionArgs.topP, 0.95);
    QCOMPARE(agent.completionArgs.toolChoice, u"auto"_s);
    QVERIFY(!agent.completionArgs.maxTokens);
    QVERIFY(!agent.handoffs);
    QVERIFY(!agent.guardrails);
    QCOMPARE(agent.metadata->value("team"_L1).toString(), u"art"_s);
    QCOMPARE(agent.version, 3);
    QCOMPARE(agent.versions, (QList<int>{0, 1, 2, 3}));
    QCOMPARE(agent.ownerId, u"6f1d5e0a-3c37-4c67-9b0e-4d2e1f8a7b90"_s);
    QCOMPARE(agent.createdAt, QDateTime(QDate(2026, 8, 1), QTime(10, 0, 0, 123), QTimeZone::utc()));
    QCOMPARE(agent.updatedAt, QDateTime(QDate(2026, 8, 3), QTime(13, 30), QTimeZone::utc()));
    QVERIFY(!agent.deploymentChat);
    QCOMPARE(agent.source, u"api"_s);
    QCOMPARE(agent.versionMessage, u"Added the wiki connector"_s);
}

void TestAgent::agent_toJsonRoundTrips() {
    const Agent agent = Agent::fromJson(fixtureObject(u"agent.json"_s));
    const QJsonObject json = agent.toJson();
    QCOMPARE(json.value("created_at"_L1).toString(), u"2026-08-01T10:00:00.123Z"_s);
    QCOMPARE(json.value("updated_at"_L1).toString(), u"2026-08-03T13:30:00.000Z"_s);
    QCOMPARE(json.value("completion_args"_L1).toObject(),
             jsonObject(R"({"temperature":0.3,"top_p":0.95,"tool_choice":"auto"})"));
    QVERIFY(!json.contains("future_field"_L1));
    QVERIFY(!json.contains("handoffs"_L1));
    COMPARE_JSON(Agent::fromJson(json).toJson(), json);
}

void TestAgent::completionArgs_nullsAreUnset() {
    const CompletionArgs args = CompletionArgs::fromJson(jsonObject(R"({"stop":"###",
        "presence_penalty":null,"frequency_penalty":0.1,"temperature":null,"top_p":null,
        "max_tokens":256,"random_seed":null,"prediction":{"type":"content","content":"x"},
        "response_format":{"type":"text"},"tool_choice":null,"reasoning_effort":"low"})"));
    COMPARE_JSON(args.toJson(), jsonObject(R"({"stop":"###","frequency_penalty":0.1,
        "max_tokens":256,"prediction":{"type":"content","content":"x"},
        "response_format":{"type":"text"},"reasoning_effort":"low"})"));
    QVERIFY(CompletionArgs().isEmpty());
    QVERIFY(!args.isEmpty());
}

void TestAgent::page_readsDataAndToken() {
    const AgentPage page = AgentPage::fromJson(fixtureObject(u"agent-page.json"_s));
    QCOMPARE(page.data.size(), 2);
    QCOMPARE(page.nextPageToken, u"eyJvZmZzZXQiOjJ9"_s);
    QVERIFY(page.data.at(0).deploymentChat);
    QCOMPARE(page.data.at(0).source, u"playground"_s);
    QCOMPARE(page.data.at(1).tools.size(), 2);
    QCOMPARE(page.data.at(1).tools.at(1).type, Tool::Type::Unknown);
    // A tool type added later survives a save of the agent.
    QCOMPARE(page.data.at(1).tools.at(1).toJson(),
             jsonObject(R"({"type":"not_yet_released","x":1})"));

    const AgentPage last = AgentPage::fromJson(jsonObject(R"({"object":"list","data":[],
        "next_page_token":null})"));
    QVERIFY(last.data.isEmpty());
    QVERIFY(!last.nextPageToken);
    QVERIFY(last.toJson().value("next_page_token"_L1).isNull());
    QCOMPARE(AgentPage::fromJson(page.toJson()).data.size(), 2);

    QCOMPARE(Agent::listFromJson(Test::jsonArray(R"([{"id":"a"},7,{"id":"b"}])")).size(), 2);
}

void TestAgent::createRequest_writesExactJson() {
    AgentCreateRequest request;
    request.model = u"mistral-medium-latest"_s;
    request.name = u"Designer"_s;
    request.description = u"Makes pictures"_s;
    request.instructions = u"Use the image tool when asked for images."_s;
    request.tools = {Tool::builtIn(Tool::Type::ImageGeneration), Tool::connector(u"my_deepwiki"_s)};
    CompletionArgs args;
    args.temperature = 0.3;
    args.topP = 0.95;
    request.completionArgs = args;
    request.handoffs = {u"ag_2"_s};
    request.metadata = jsonObject(R"({"team":"art"})");
    request.versionMessage = u"First"_s;
    const QJsonObject json = request.toJson();
    COMPARE_JSON(json, jsonObject(R"({"model":"mistral-medium-latest","name":"Designer",
        "description":"Makes pictures","instructions":"Use the image tool when asked for images.",
        "tools":[{"type":"image_generation"},{"type":"connector","connector_id":"my_deepwiki"}],
        "completion_args":{"temperature":0.3,"top_p":0.95},"handoffs":["ag_2"],
        "metadata":{"team":"art"},"version_message":"First"})"));
    for (const QString &key : json.keys())
        QVERIFY2(AgentCreateRequest::knownFields().contains(key), qPrintable(key));
    COMPARE_JSON(AgentCreateRequest::fromJson(json).toJson(), json);
}

void TestAgent::createRequest_minimal() {
    AgentCreateRequest request;
    request.model = u"mistral-small-latest"_s;
    request.name = u"Bare"_s;
    request.completionArgs = CompletionArgs();
    COMPARE_JSON(request.toJson(), jsonObject(R"({"model":"mistral-small-latest","name":"Bare"})"));
}

void TestAgent::updateRequest_writesOnlySetFields_data() {
    QTest::addColumn<AgentUpdateRequest>("request");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("nothing") << AgentUpdateRequest() << R"({})"_ba;
    {
        AgentUpdateRequest request;
        request.name = u"Renamed"_s;
        QTest::newRow("name") << request << R"({"name":"Renamed"})"_ba;
    }
    {
        AgentUpdateRequest request;
        request.description = QString();
        request.instructions = QString();
        QTest::newRow("cleared texts") << request << R"({"description":"","instructions":""})"_ba;
    }
    {
        AgentUpdateRequest request;
        request.tools = QList<Tool>();
        request.handoffs = QStringList();
        QTest::newRow("cleared lists") << request << R"({"tools":[],"handoffs":null})"_ba;
    }
    {
        AgentUpdateRequest request;
        request.tools = QList<Tool>{Tool::builtIn(Tool::Type::WebSearch)};
        request.handoffs = QStringList{u"ag_9"_s};
        request.deploymentChat = true;
        CompletionArgs args;
        args.maxTokens = 100;
        request.completionArgs = args;
        request.versionMessage = u"More tools"_s;
        QTest::newRow("several") << request
                                 << R"({"tools":[{"type":"web_search"}],"handoffs":["ag_9"],
            "deployment_chat":true,"completion_args":{"max_tokens":100},
            "version_message":"More tools"})"_ba;
    }
}

void TestAgent::updateRequest_writesOnlySetFields() {
    QFETCH(AgentUpdateRequest, request);
    QFETCH(QByteArray, expected);

    const QJsonObject json = request.toJson();
    COMPARE_JSON(json, jsonObject(expected));
    QCOMPARE(request.isEmpty(), json.isEmpty());
    for (const QString &key : json.keys())
        QVERIFY2(AgentUpdateRequest::knownFields().contains(key), qPrintable(key));
}

void TestAgent::updateRequest_fromChanges() {
    const Agent before = Agent::fromJson(fixtureObject(u"agent.json"_s));
    QVERIFY(AgentUpdateRequest::fromChanges(before, before).isEmpty());

    Agent after = before;
    after.name = u"Painter"_s;
    after.description.reset();
    after.tools.removeLast();
    after.completionArgs.temperature = 0.5;
    after.handoffs = QStringList{u"ag_x"_s};
    after.deploymentChat = true;
    // Fields the server owns are no changes to send.
    after.version = 9;
    after.updatedAt = QDateTime::currentDateTimeUtc();
    const AgentUpdateRequest update = AgentUpdateRequest::fromChanges(before, after);
    COMPARE_JSON(update.toJson(), jsonObject(R"({"name":"Painter","description":"",
        "tools":[{"type":"image_generation"},{"type":"connector","connector_id":"my_deepwiki",
        "tool_configuration":{"include":["ask_question"]}}],
        "completion_args":{"temperature":0.5,"top_p":0.95,"tool_choice":"auto"},
        "handoffs":["ag_x"],"deployment_chat":true})"));
}

void TestAgent::updateRequest_fromJson() {
    const AgentUpdateRequest request = AgentUpdateRequest::fromJson(
        jsonObject(R"({"name":"N","handoffs":null,"model":null,"extra":1})"));
    QCOMPARE(request.name, u"N"_s);
    QVERIFY(!request.model);
    QCOMPARE(request.handoffs, QStringList());
    COMPARE_JSON(request.toJson(), jsonObject(R"({"name":"N","handoffs":null})"));
}

QTEST_GUILESS_MAIN(TestAgent)
#include "tst_agent.moc"
