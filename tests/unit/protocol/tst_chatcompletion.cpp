// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/ChatCompletion.h"

#include "TestJson.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using Tramontane::Test::fixtureObject;
using Tramontane::Test::jsonObject;

class TestChatCompletion : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void singleMessage_becomesOneElementList();
    void multiCompletion_keepsTheSequence();
    void referenceExample_normalises();
    void toJson_writesTheResponseShape_data();
    void toJson_writesTheResponseShape();
    void toolRuns_pairCallsWithResults();
    void pendingFunctionCalls_areTheUnansweredOnes();
    void finalAnswer_isTheLastAssistantMessage();
    void usage_keepsExtrasAndSums();
    void malformed_isTolerated();
};

void TestChatCompletion::singleMessage_becomesOneElementList() {
    const ChatCompletion completion = ChatCompletion::fromJson(jsonObject(R"({
        "id":"9cdb94fb","object":"chat.completion","created":1787150111,
        "model":"mistral-small-latest",
        "usage":{"prompt_tokens":227,"completion_tokens":36,"total_tokens":263,
                 "prompt_tokens_details":{"cached_tokens":0},"service_tier":"standard"},
        "choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant",
          "content":"","tool_calls":[{"id":"wyFNfgjhN","type":"function","index":0,
          "function":{"name":"get_weather","arguments":"{\"city\": \"Berlin\"}"}}]}}]})"));
    QCOMPARE(completion.id, u"9cdb94fb"_s);
    QCOMPARE(completion.created, 1787150111);
    QVERIFY(!completion.isMulti());
    QCOMPARE(completion.choices.size(), 1);
    const Choice &choice = completion.choices.first();
    QVERIFY(!choice.multi);
    QCOMPARE(choice.finishReason, u"tool_calls"_s);
    QCOMPARE(choice.messages.size(), 1);
    QCOMPARE(choice.messages.first().role, ChatMessage::Role::Assistant);
    QCOMPARE(choice.messages.first().toolCalls.first().name, u"get_weather"_s);
    QVERIFY(!choice.messages.first().index);
    QCOMPARE(choice.pendingFunctionCalls().size(), 1);
    QCOMPARE(completion.usage->totalTokens, 263);
}

void TestChatCompletion::multiCompletion_keepsTheSequence() {
    const ChatCompletion completion =
        ChatCompletion::fromJson(fixtureObject(u"completion-multi.json"_s));
    QCOMPARE(completion.object, u"chat.multi_completion"_s);
    QVERIFY(completion.isMulti());
    const Choice &choice = completion.choices.first();
    QVERIFY(choice.multi);
    QCOMPARE(choice.messages.size(), 3);
    QCOMPARE(choice.messages.at(0).role, ChatMessage::Role::Assistant);
    QCOMPARE(choice.messages.at(1).role, ChatMessage::Role::Tool);
    QCOMPARE(choice.messages.at(1).toolCallId, u"imgcall1"_s);
    QCOMPARE(choice.messages.at(2).index, 2);
    QVERIFY(choice.messages.at(0).toolCalls.first().isHosted());

    const auto answer = completion.finalAnswer();
    QVERIFY(answer);
    QCOMPARE(answer->content.plainText(), u"Here is your cat."_s);
    QCOMPARE(answer->content.images().size(), 1);
    QCOMPARE(answer->content.images().first().imageUrl, u"https://files.example/image.png"_s);

    const QList<ToolRun> runs = choice.toolRuns();
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.first().call.name, u"generate_image"_s);
    QVERIFY(runs.first().hasResult());
    QCOMPARE(runs.first().callMessage, 0);
    QCOMPARE(runs.first().resultMessage, 1);
    QVERIFY(choice.pendingFunctionCalls().isEmpty());
}

void TestChatCompletion::referenceExample_normalises() {
    // The multi-completion example of the API reference, verbatim.
    const QJsonObject input = fixtureObject(u"multi-completion-example.json"_s);
    QVERIFY(!input.isEmpty());
    const ChatCompletion completion = ChatCompletion::fromJson(input);
    QVERIFY(completion.isMulti());
    const Choice &choice = completion.choices.first();
    QCOMPARE(choice.messages.size(), 3);
    QCOMPARE(choice.finalAnswerIndex(), 2);
    QCOMPARE(choice.finalAnswer()->content.images().first().imageUrl,
             u"https://\u2026/image.png"_s);
    const QList<ToolRun> runs = choice.toolRuns();
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.first().call.argumentsObject().value("prompt"_L1).toString(), u"orange cat"_s);
    QCOMPARE(runs.first().result->content.plainText(), u"{\"url\":\"https://\u2026/image.png\"}"_s);
    QVERIFY(choice.pendingFunctionCalls().isEmpty());

    // The example has no `created`; everything else comes back exactly.
    QJsonObject json = completion.toJson();
    QCOMPARE(json.take("created"_L1), QJsonValue(0));
    COMPARE_JSON(json, input);

    // Replaying the sequence as prior turns drops index and metadata.
    const QJsonArray replay = messagesToJson(choice.messages);
    QVERIFY(!replay.at(0).toObject().contains("index"_L1));
    QVERIFY(!replay.at(0)["tool_calls"_L1][0].toObject().contains("metadata"_L1));
}

void TestChatCompletion::toJson_writesTheResponseShape_data() {
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QByteArray>("expectedChoice");

    QTest::newRow("single") << u"completion-plain.json"_s << R"({"index":0,"finish_reason":"stop",
        "message":{"role":"assistant","content":"1, 2, 3"}})"_ba;
    QTest::newRow("multi") << u"completion-multi.json"_s << QByteArray();
}

void TestChatCompletion::toJson_writesTheResponseShape() {
    QFETCH(QString, fixture);
    QFETCH(QByteArray, expectedChoice);

    const QJsonObject input = fixtureObject(fixture);
    const ChatCompletion completion = ChatCompletion::fromJson(input);
    const QJsonObject json = completion.toJson();
    if (expectedChoice.isEmpty()) {
        // Every field of the multi-completion fixture is one the types know: exact round trip.
        COMPARE_JSON(json, input);
    } else {
        // `tool_calls: null` and `prefix: false` are defaults and are not written back.
        COMPARE_JSON(json.value("choices"_L1).toArray().first().toObject(),
                     jsonObject(expectedChoice));
        QCOMPARE(json.value("usage"_L1), input.value("usage"_L1));
    }
    QCOMPARE(ChatCompletion::fromJson(json), completion);
}

void TestChatCompletion::toolRuns_pairCallsWithResults() {
    const Choice choice = Choice::fromJson(jsonObject(R"({"index":0,"finish_reason":"tool_calls",
        "messages":[
        {"index":0,"role":"assistant","content":"","tool_calls":[
          {"id":"img1","type":"function","index":0,"function":{"name":"generate_image",
           "arguments":"{}"},"metadata":{"tool_type":"image"}},
          {"id":"wx1","type":"function","index":1,"function":{"name":"get_weather",
           "arguments":"{\"city\":\"Oslo\"}"}}]},
        {"index":1,"role":"tool","tool_call_id":"img1","content":"{\"url\":\"u\"}"},
        {"index":2,"role":"assistant","content":"","tool_calls":[
          {"id":"mcp1","type":"function","index":0,"function":{"name":"ask_question",
           "arguments":"{}"},"metadata":{"integration_id":"deepwiki"}}]},
        {"index":3,"role":"tool","tool_call_id":"mcp1","content":"answer"}]})"));
    const QList<ToolRun> runs = choice.toolRuns();
    QCOMPARE(runs.size(), 3);
    QCOMPARE(runs.at(0).call.id, u"img1"_s);
    QCOMPARE(runs.at(0).resultMessage, 1);
    QCOMPARE(runs.at(0).result->content.plainText(), u"{\"url\":\"u\"}"_s);
    QCOMPARE(runs.at(1).call.id, u"wx1"_s);
    QVERIFY(!runs.at(1).hasResult());
    QCOMPARE(runs.at(1).resultMessage, -1);
    QCOMPARE(runs.at(1).callMessage, 0);
    QCOMPARE(runs.at(2).callMessage, 2);
    QCOMPARE(runs.at(2).resultMessage, 3);
    QVERIFY(runs.at(2).call.isHosted());

    const QList<ToolCall> pending = choice.pendingFunctionCalls();
    QCOMPARE(pending.size(), 1);
    QCOMPARE(pending.first().name, u"get_weather"_s);
    QCOMPARE(pending.first().argumentsObject().value("city"_L1).toString(), u"Oslo"_s);
}

void TestChatCompletion::pendingFunctionCalls_areTheUnansweredOnes() {
    // A call of another type is not the client's function, answered or not.
    const Choice choice = Choice::fromJson(jsonObject(R"({"index":0,"finish_reason":"tool_calls",
        "message":{"role":"assistant","content":null,"tool_calls":[
          {"id":"a","type":"function","function":{"name":"f","arguments":"{}"}},
          {"id":"b","type":"retrieval","function":{"name":"g","arguments":"{}"}},
          {"id":"c","function":{"name":"h","arguments":{"x":1}}}]}})"));
    const QList<ToolCall> pending = choice.pendingFunctionCalls();
    QCOMPARE(pending.size(), 2);
    QCOMPARE(pending.at(0).id, u"a"_s);
    QCOMPARE(pending.at(1).id, u"c"_s);
    QCOMPARE(pending.at(1).arguments, uR"({"x":1})"_s);
    QCOMPARE(choice.toolRuns().size(), 3);
}

void TestChatCompletion::finalAnswer_isTheLastAssistantMessage() {
    const Choice choice = Choice::fromJson(jsonObject(R"({"index":0,"finish_reason":"stop",
        "messages":[{"index":0,"role":"assistant","content":"first"},
                    {"index":1,"role":"tool","tool_call_id":"x","content":"r"}]})"));
    QCOMPARE(choice.finalAnswerIndex(), 0);
    QCOMPARE(choice.finalAnswer()->content.plainText(), u"first"_s);

    const Choice toolsOnly = Choice::fromJson(jsonObject(R"({"index":0,"finish_reason":"stop",
        "messages":[{"index":0,"role":"tool","tool_call_id":"x","content":"r"}]})"));
    QCOMPARE(toolsOnly.finalAnswerIndex(), -1);
    QVERIFY(!toolsOnly.finalAnswer());
    QVERIFY(!ChatCompletion().finalAnswer());
}

void TestChatCompletion::usage_keepsExtrasAndSums() {
    const Usage a = Usage::fromJson(jsonObject(R"({"prompt_tokens":50,"completion_tokens":10,
        "total_tokens":60,"prompt_tokens_details":{"cached_tokens":4},"connector_tokens":20,
        "connectors":{"image_generation":1},"service_tier":"standard"})"));
    const Usage b = Usage::fromJson(jsonObject(R"({"prompt_tokens":70,"completion_tokens":30,
        "total_tokens":100,"prompt_tokens_details":{"cached_tokens":6},"connector_tokens":49,
        "connectors":{"image_generation":1,"deepwiki":2},"prompt_audio_seconds":null,
        "service_tier":"priority","ratio":0.5})"));
    QCOMPARE(a.raw.value("connector_tokens"_L1).toInt(), 20);
    COMPARE_JSON(a.toJson(), a.raw);

    const Usage sum = a + b;
    QCOMPARE(sum.promptTokens, 120);
    QCOMPARE(sum.completionTokens, 40);
    QCOMPARE(sum.totalTokens, 160);
    COMPARE_JSON(sum.toJson(), jsonObject(R"({"prompt_tokens":120,"completion_tokens":40,
        "total_tokens":160,"prompt_tokens_details":{"cached_tokens":10},"connector_tokens":69,
        "connectors":{"image_generation":2,"deepwiki":2},"prompt_audio_seconds":null,
        "service_tier":"priority","ratio":0.5})"));

    Usage empty;
    empty += a;
    QCOMPARE(empty, a);
}

void TestChatCompletion::malformed_isTolerated() {
    const ChatCompletion completion = ChatCompletion::fromJson(jsonObject(R"({"id":5,
        "created":"soon","usage":"lots","choices":[7,{"index":null,"finish_reason":null,
        "messages":"no"},{"message":{"content":"x"}}]})"));
    QVERIFY(completion.id.isEmpty());
    QCOMPARE(completion.created, 0);
    QVERIFY(!completion.usage);
    QCOMPARE(completion.choices.size(), 2);
    QVERIFY(completion.choices.at(0).messages.isEmpty());
    QVERIFY(completion.choices.at(0).finishReason.isEmpty());
    QCOMPARE(completion.choices.at(1).messages.first().role, ChatMessage::Role::Assistant);
    QVERIFY(!completion.toJson().contains("usage"_L1));
}

QTEST_GUILESS_MAIN(TestChatCompletion)
#include "tst_chatcompletion.moc"
