// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/ChatRequest.h"

#include "TestJson.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using Tramontane::Test::jsonObject;

namespace {

// Every key of a request body must be one the (strict) schema knows.
bool onlyKnownKeys(const QJsonObject &json, const QStringList &known) {
    const QStringList keys = json.keys();
    for (const QString &key : keys) {
        if (!known.contains(key)) {
            qWarning("unknown request field: %s", qPrintable(key));
            return false;
        }
    }
    return true;
}

ChatRequest everythingSet() {
    ChatRequest request;
    request.model = u"mistral-medium-latest"_s;
    request.messages = {ChatMessage::system(u"You are concise."_s),
                        ChatMessage::user(MessageContent(QList<ContentChunk>{
                            ContentChunk::makeText(u"What is in this picture?"_s),
                            ContentChunk::makeImageUrl(u"data:image/jpeg;base64,/9j/"_s)}))};
    request.tools = {
        Tool::function(u"get_weather"_s, u"Weather by city"_s, jsonObject(R"({"type":"object"})")),
        Tool::builtIn(Tool::Type::ImageGeneration)};
    request.toolChoice = ToolChoice::fromMode(u"auto"_s);
    request.parallelToolCalls = true;
    request.temperature = 0.3;
    request.topP = 0.95;
    request.maxTokens = 1024;
    request.randomSeed = 7;
    request.stream = true;
    request.stop = QStringList{u"END"_s};
    request.responseFormat = jsonObject(R"({"type":"json_object"})");
    request.presencePenalty = 0.5;
    request.frequencyPenalty = -0.5;
    request.n = 2;
    request.safePrompt = false;
    request.promptMode = u"reasoning"_s;
    request.reasoningEffort = u"high"_s;
    request.prediction = u"draft"_s;
    request.metadata = jsonObject(R"({"session":"s1"})");
    request.guardrails = Test::jsonArray(R"([{"block_on_error":false}])");
    request.promptCacheKey = u"k1"_s;
    request.serviceTier = u"auto"_s;
    return request;
}

} // namespace

class TestChatRequest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void minimal_writesOnlyRequiredFields();
    void everything_writesExactJson();
    void toolChoice_bothForms_data();
    void toolChoice_bothForms();
    void stop_stringOrArray();
    void fromJson_roundTrips();
    void fromJson_ignoresUnknownAndNulls();
    void agentRequest_hasNoModelFields();
};

void TestChatRequest::minimal_writesOnlyRequiredFields() {
    ChatRequest request;
    request.model = u"mistral-small-latest"_s;
    request.messages = {ChatMessage::user(u"Hello"_s)};
    COMPARE_JSON(request.toJson(), jsonObject(R"({"model":"mistral-small-latest",
        "messages":[{"role":"user","content":"Hello"}],"stream":false})"));
}

void TestChatRequest::everything_writesExactJson() {
    const QJsonObject json = everythingSet().toJson();
    COMPARE_JSON(json, jsonObject(R"({
        "model":"mistral-medium-latest",
        "messages":[{"role":"system","content":"You are concise."},
          {"role":"user","content":[{"type":"text","text":"What is in this picture?"},
            {"type":"image_url","image_url":"data:image/jpeg;base64,/9j/"}]}],
        "tools":[{"type":"function","function":{"name":"get_weather",
          "description":"Weather by city","parameters":{"type":"object"}}},
          {"type":"image_generation"}],
        "tool_choice":"auto","parallel_tool_calls":true,"temperature":0.3,"top_p":0.95,
        "max_tokens":1024,"random_seed":7,"stream":true,"stop":"END",
        "response_format":{"type":"json_object"},"presence_penalty":0.5,
        "frequency_penalty":-0.5,"n":2,"safe_prompt":false,"prompt_mode":"reasoning",
        "reasoning_effort":"high","prediction":{"type":"content","content":"draft"},
        "metadata":{"session":"s1"},"guardrails":[{"block_on_error":false}],
        "prompt_cache_key":"k1","service_tier":"auto"})"));
    QVERIFY(onlyKnownKeys(json, ChatRequest::knownFields()));
    // Every known field was set, so every one is written.
    QCOMPARE(json.size(), ChatRequest::knownFields().size());
}

void TestChatRequest::toolChoice_bothForms_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("isFunction");

    QTest::newRow("any") << R"({"tool_choice":"any"})"_ba << false;
    QTest::newRow("none") << R"({"tool_choice":"none"})"_ba << false;
    QTest::newRow("function")
        << R"({"tool_choice":{"type":"function","function":{"name":"get_weather"}}})"_ba << true;
}

void TestChatRequest::toolChoice_bothForms() {
    QFETCH(QByteArray, json);
    QFETCH(bool, isFunction);

    const QJsonValue input = jsonObject(json).value("tool_choice"_L1);
    const auto choice = ToolChoice::fromJson(input);
    QVERIFY(choice);
    QCOMPARE(choice->isFunction(), isFunction);
    QCOMPARE(choice->toJson(), input);
    QVERIFY(!ToolChoice::fromJson(QJsonValue(3)));
    QVERIFY(!ToolChoice::fromJson(jsonObject(R"({"type":"function"})")));
}

void TestChatRequest::stop_stringOrArray() {
    ChatRequest request;
    request.model = u"m"_s;
    request.stop = QStringList{u"a"_s, u"b"_s};
    QCOMPARE(request.toJson().value("stop"_L1).toArray().size(), 2);
    request.stop = QStringList{u"a"_s};
    QCOMPARE(request.toJson().value("stop"_L1), QJsonValue(u"a"_s));

    const ChatRequest parsed = ChatRequest::fromJson(jsonObject(R"({"stop":"x"})"));
    QCOMPARE(parsed.stop, QStringList{u"x"_s});
    const ChatRequest list = ChatRequest::fromJson(jsonObject(R"({"stop":["x","y"]})"));
    QCOMPARE(list.stop, (QStringList{u"x"_s, u"y"_s}));
}

void TestChatRequest::fromJson_roundTrips() {
    const QJsonObject json = everythingSet().toJson();
    COMPARE_JSON(ChatRequest::fromJson(json).toJson(), json);
}

void TestChatRequest::fromJson_ignoresUnknownAndNulls() {
    const ChatRequest request = ChatRequest::fromJson(jsonObject(R"({"model":"m",
        "messages":[{"role":"user","content":"Hi","name":"me"}],"temperature":null,
        "top_p":"high","max_completion_tokens":5,"stream_options":{"include_usage":true},
        "tools":null,"tool_choice":null,"stop":null,"user":"u"})"));
    COMPARE_JSON(request.toJson(), jsonObject(R"({"model":"m",
        "messages":[{"role":"user","content":"Hi"}],"stream":false})"));
}

void TestChatRequest::agentRequest_hasNoModelFields() {
    AgentCompletionRequest request;
    request.agentId = u"ag_0683"_s;
    request.messages = {ChatMessage::user(u"Draw a cat"_s)};
    request.stream = true;
    request.tools = {Tool::connector(u"deepwiki"_s)};
    request.toolChoice = ToolChoice::forFunction(u"f"_s);
    request.maxTokens = 100;
    const QJsonObject json = request.toJson();
    COMPARE_JSON(json, jsonObject(R"({"agent_id":"ag_0683",
        "messages":[{"role":"user","content":"Draw a cat"}],"stream":true,
        "tools":[{"type":"connector","connector_id":"deepwiki"}],
        "tool_choice":{"type":"function","function":{"name":"f"}},"max_tokens":100})"));
    QVERIFY(onlyKnownKeys(json, AgentCompletionRequest::knownFields()));
    for (const QString &field : {u"model"_s, u"temperature"_s, u"top_p"_s, u"safe_prompt"_s})
        QVERIFY(!AgentCompletionRequest::knownFields().contains(field));

    const AgentCompletionRequest parsed = AgentCompletionRequest::fromJson(json);
    QCOMPARE(parsed.agentId, u"ag_0683"_s);
    COMPARE_JSON(parsed.toJson(), json);
}

QTEST_GUILESS_MAIN(TestChatRequest)
#include "tst_chatrequest.moc"
