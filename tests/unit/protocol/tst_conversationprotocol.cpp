// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestJson.h"

#include "core/net/SseParser.h"
#include "core/protocol/ConversationEntry.h"
#include "core/protocol/ConversationEvent.h"
#include "core/protocol/ConversationRequest.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using Tramontane::Test::fixture;
using Tramontane::Test::fixtureObject;
using Tramontane::Test::jsonObject;

namespace {

QList<ConversationEvent> streamFixtureEvents() {
    SseParser parser;
    QList<ConversationEvent> out;
    for (const SseEvent &e : parser.feed(fixture(u"conversation-stream.sse"_s)))
        out.append(
            ConversationEvent::fromJson(Tramontane::Test::parseJson(e.data).object(), e.event));
    return out;
}

} // namespace

class TestConversationProtocol : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void response_decodesEveryEntryType();
    void response_keepsUnknownEntriesAndUsageExtras();
    void entry_toJson_writesTheInputShape();
    void entry_malformedFields_readAsUnset();
    void startRequest_writesOnlySetFields();
    void startRequest_withAgentToolsAndEntries();
    void appendRequest_writesConfirmationsWithoutConversationId();
    void restartRequest_writesFromEntryId();
    void events_decodeEveryType();
    void event_typeFromSseNameWhenDataHasNone();
    void event_responseError_hasMessageAndCode();
    void event_chunkContent_isAChunk();
};

void TestConversationProtocol::response_decodesEveryEntryType() {
    const ConversationResponse r =
        ConversationResponse::fromJson(fixtureObject(u"conversation-response.json"_s));
    QCOMPARE(r.conversationId, u"conv_0a1b2c3d4e5f"_s);
    QCOMPARE(r.outputs.size(), 6);

    const ConversationEntry &handoff = r.outputs.at(0);
    QCOMPARE(handoff.type, ConversationEntry::Type::AgentHandoff);
    QCOMPARE(handoff.previousAgentId, u"ag_front"_s);
    QCOMPARE(handoff.previousAgentName, u"Front desk"_s);
    QCOMPARE(handoff.nextAgentId, u"ag_research"_s);
    QCOMPARE(handoff.nextAgentName, u"Researcher"_s);

    const ConversationEntry &tool = r.outputs.at(1);
    QCOMPARE(tool.type, ConversationEntry::Type::ToolExecution);
    QCOMPARE(tool.id, u"tool_exec_01"_s);
    QCOMPARE(tool.name, u"code_interpreter"_s);
    QCOMPARE(tool.arguments, uR"j({"code":"print(6*7)"})j"_s);
    QCOMPARE(tool.info.value("code_output"_L1).toString(), u"42\n"_s);
    QCOMPARE(tool.agentId, u"ag_research"_s);
    QCOMPARE(tool.model, u"mistral-medium-latest"_s);

    const ConversationEntry &call = r.outputs.at(2);
    QCOMPARE(call.type, ConversationEntry::Type::FunctionCall);
    QCOMPARE(call.toolCallId, u"call_abc123"_s);
    QCOMPARE(call.name, u"get_weather"_s);
    // An arguments object is kept as its JSON text.
    QCOMPARE(call.arguments, uR"({"city":"Perpignan"})"_s);
    QCOMPARE(call.confirmationStatus, std::optional(u"pending"_s));

    const ConversationEntry &message = r.outputs.at(3);
    QCOMPARE(message.type, ConversationEntry::Type::MessageOutput);
    QCOMPARE(message.role, u"assistant"_s);
    QVERIFY(message.content.hasChunks());
    QCOMPARE(message.content.chunks().size(), 4);
    QCOMPARE(message.content.chunks().at(1).type, ContentChunk::Type::ToolReference);
    QCOMPARE(message.content.chunks().at(1).title, u"Tramontane (wind)"_s);
    QCOMPARE(message.content.chunks().at(3).type, ContentChunk::Type::ToolFile);
    QCOMPARE(message.content.chunks().at(3).fileId, u"file_9"_s);
    QCOMPARE(message.content.plainText(), u"The answer is 42, as cited."_s);

    const ConversationEntry &plain = r.outputs.at(4);
    QCOMPARE(plain.type, ConversationEntry::Type::MessageOutput);
    QVERIFY(plain.content.isText());
    QCOMPARE(plain.content.text(), u"Plain text answer."_s);
    QCOMPARE(plain.role, u"assistant"_s); // the SDK's default
}

void TestConversationProtocol::response_keepsUnknownEntriesAndUsageExtras() {
    const QJsonObject json = fixtureObject(u"conversation-response.json"_s);
    const ConversationResponse r = ConversationResponse::fromJson(json);
    const ConversationEntry &unknown = r.outputs.at(5);
    QCOMPARE(unknown.type, ConversationEntry::Type::Unknown);
    COMPARE_JSON(unknown.raw, json.value("outputs"_L1).toArray().at(5).toObject());
    COMPARE_JSON(unknown.toJson(), unknown.raw);

    QCOMPARE(r.usage.promptTokens, 129);
    QCOMPARE(r.usage.completionTokens, 94);
    QCOMPARE(r.usage.totalTokens, 292);
    QCOMPARE(r.usage.raw.value("connector_tokens"_L1).toInt(), 69);
    QCOMPARE(r.usage.raw.value("connectors"_L1).toObject().value("code_interpreter"_L1).toInt(), 1);
}

void TestConversationProtocol::entry_toJson_writesTheInputShape() {
    const ConversationEntry user =
        ConversationEntry::userMessage(MessageContent(u"What is the tramontane?"_s));
    COMPARE_JSON(user.toJson(), jsonObject(R"({"object":"entry","type":"message.input",
        "role":"user","content":"What is the tramontane?"})"));

    COMPARE_JSON(ConversationEntry::functionResult(u"call_1"_s, u"18 C"_s).toJson(),
                 jsonObject(R"({"object":"entry","type":"function.result",
                     "tool_call_id":"call_1","result":"18 C"})"));

    // Received outputs replay without their timestamps or unknown fields.
    const ConversationResponse r =
        ConversationResponse::fromJson(fixtureObject(u"conversation-response.json"_s));
    COMPARE_JSON(r.outputs.at(1).toJson(),
                 jsonObject(R"j({"object":"entry","type":"tool.execution","id":"tool_exec_01",
                     "agent_id":"ag_research","model":"mistral-medium-latest",
                     "name":"code_interpreter","arguments":"{\"code\":\"print(6*7)\"}",
                     "info":{"code":"print(6*7)","code_output":"42\n"
}
})j"));
    COMPARE_JSON(r.outputs.at(0).toJson(),
                 jsonObject(R"({"object":"entry","type":"agent.handoff","id":"handoff_01",
                     "previous_agent_id":"ag_front","previous_agent_name":"Front desk",
                     "next_agent_id":"ag_research","next_agent_name":"Researcher"})"));
    // Decoding what was written gives the same entry back.
    for (const ConversationEntry &e : r.outputs)
        COMPARE_JSON(ConversationEntry::fromJson(e.toJson()).toJson(), e.toJson());
}

void TestConversationProtocol::entry_malformedFields_readAsUnset() {
    const ConversationEntry e = ConversationEntry::fromJson(jsonObject(
        R"({"type":"tool.execution","name":7,"arguments":null,"info":"not an object","id":[]})"));
    QCOMPARE(e.type, ConversationEntry::Type::ToolExecution);
    QVERIFY(e.name.isEmpty());
    QVERIFY(e.arguments.isEmpty());
    QVERIFY(e.info.isEmpty());
    QVERIFY(e.id.isEmpty());
    QCOMPARE(ConversationEntry::fromJson({}).type, ConversationEntry::Type::Unknown);
}

void TestConversationProtocol::startRequest_writesOnlySetFields() {
    ConversationStartRequest request;
    request.inputs = ConversationInputs::fromText(u"Hello"_s);
    request.model = u"mistral-medium-latest"_s;
    COMPARE_JSON(request.toJson(), jsonObject(R"({"inputs":"Hello","stream":false,
        "model":"mistral-medium-latest"})"));
}

void TestConversationProtocol::startRequest_withAgentToolsAndEntries() {
    ConversationStartRequest request;
    request.inputs = ConversationInputs::fromEntries(
        {ConversationEntry::userMessage(MessageContent(u"Search this"_s))});
    request.agentId = u"ag_1"_s;
    request.agentVersion = 3;
    request.instructions = u"Be brief."_s;
    request.tools = {Tool::builtIn(Tool::Type::WebSearch),
                     Tool::builtIn(Tool::Type::CodeInterpreter),
                     Tool::documentLibrary({u"lib_1"_s})};
    request.completionArgs = jsonObject(R"({"temperature":0.2})");
    request.store = false;
    request.handoffExecution = HandoffExecution::Server;
    request.stream = true;
    COMPARE_JSON(request.toJson(), jsonObject(R"({
        "inputs":[{"object":"entry","type":"message.input","role":"user","content":"Search this"}],
        "stream":true,"agent_id":"ag_1","agent_version":3,"instructions":"Be brief.",
        "tools":[{"type":"web_search"},{"type":"code_interpreter"},
                 {"type":"document_library","library_ids":["lib_1"]}],
        "completion_args":{"temperature":0.2},"store":false,"handoff_execution":"server"})"));
}

void TestConversationProtocol::appendRequest_writesConfirmationsWithoutConversationId() {
    ConversationAppendRequest request;
    request.conversationId = u"conv_1"_s;
    request.toolConfirmations = {{u"call_1"_s, true}, {u"call_2"_s, false}};
    COMPARE_JSON(request.toJson(), jsonObject(R"({"stream":false,"tool_confirmations":[
        {"tool_call_id":"call_1","confirmation":"allow"},
        {"tool_call_id":"call_2","confirmation":"deny"}]})"));

    request.toolConfirmations.clear();
    request.inputs = ConversationInputs::fromText(u"And then?"_s);
    request.handoffExecution = HandoffExecution::Client;
    COMPARE_JSON(request.toJson(), jsonObject(R"({"inputs":"And then?","stream":false,
        "handoff_execution":"client"})"));
}

void TestConversationProtocol::restartRequest_writesFromEntryId() {
    ConversationRestartRequest request;
    request.conversationId = u"conv_1"_s;
    request.fromEntryId = u"msg_7"_s;
    request.inputs = ConversationInputs::fromText(u"Try again"_s);
    request.stream = true;
    COMPARE_JSON(request.toJson(), jsonObject(R"({"inputs":"Try again","stream":true,
        "from_entry_id":"msg_7"})"));
}

void TestConversationProtocol::events_decodeEveryType() {
    const QList<ConversationEvent> events = streamFixtureEvents();
    QCOMPARE(events.size(), 15);
    using T = ConversationEvent::Type;
    const QList<T> types{T::ResponseStarted,    T::AgentHandoffStarted,
                         T::AgentHandoffDone,   T::ToolExecutionStarted,
                         T::ToolExecutionDelta, T::ToolExecutionDelta,
                         T::ToolExecutionDone,  T::MessageOutputDelta,
                         T::MessageOutputDelta, T::MessageOutputDelta,
                         T::MessageOutputDelta, T::FunctionCallDelta,
                         T::FunctionCallDelta,  T::Unknown,
                         T::ResponseDone};
    for (qsizetype i = 0; i < types.size(); ++i)
        QCOMPARE(events.at(i).type, types.at(i));

    QCOMPARE(events.at(0).conversationId, u"conv_0a1b2c3d4e5f"_s);
    QCOMPARE(events.at(1).outputIndex, 0);
    QCOMPARE(events.at(1).previousAgentName, u"Front desk"_s);
    QCOMPARE(events.at(2).nextAgentId, u"ag_research"_s);
    QCOMPARE(events.at(2).nextAgentName, u"Researcher"_s);
    QCOMPARE(events.at(3).name, u"web_search"_s);
    QCOMPARE(events.at(3).agentId, u"ag_research"_s);
    QCOMPARE(events.at(4).arguments, u"{\"query\":"_s);
    QCOMPARE(events.at(6).info.value("results"_L1).toInt(), 2);
    QCOMPARE(events.at(7).outputIndex, 2);
    QCOMPARE(events.at(7).contentIndex, 0);
    QCOMPARE(events.at(7).role, u"assistant"_s);
    QCOMPARE(events.at(7).model, u"mistral-medium-latest"_s);
    QCOMPARE(events.at(7).text, std::optional(u"The tramontane "_s));
    QVERIFY(!events.at(7).chunk);
    QCOMPARE(events.at(8).text, std::optional(u"is a wind — très froid."_s));
    QCOMPARE(events.at(11).toolCallId, u"call_abc123"_s);
    QCOMPARE(events.at(11).confirmationStatus, std::optional(u"pending"_s));
    QCOMPARE(events.at(12).arguments, u"\"ops@example.org\"}"_s);
    QCOMPARE(events.at(13).raw.value("type"_L1).toString(), u"workflow.step.future"_s);
    QVERIFY(events.at(14).isTerminal());
    QCOMPARE(events.at(14).usage.totalTokens, 18892);
    QCOMPARE(events.at(14).usage.raw.value("connector_tokens"_L1).toInt(), 69);
}

void TestConversationProtocol::event_typeFromSseNameWhenDataHasNone() {
    const ConversationEvent e = ConversationEvent::fromJson(
        jsonObject(R"({"conversation_id":"conv_9"})"), "conversation.response.started");
    QCOMPARE(e.type, ConversationEvent::Type::ResponseStarted);
    QCOMPARE(e.conversationId, u"conv_9"_s);
    // The data's own type wins over the event line.
    QCOMPARE(ConversationEvent::fromJson(jsonObject(R"({"type":"tool.execution.done"})"),
                                         "message.output.delta")
                 .type,
             ConversationEvent::Type::ToolExecutionDone);
}

void TestConversationProtocol::event_responseError_hasMessageAndCode() {
    const ConversationEvent e = ConversationEvent::fromJson(jsonObject(
        R"({"type":"conversation.response.error","message":"Tool failed","code":3000})"));
    QCOMPARE(e.type, ConversationEvent::Type::ResponseError);
    QVERIFY(e.isTerminal());
    QCOMPARE(e.errorMessage, u"Tool failed"_s);
    QCOMPARE(e.errorCode, 3000);
}

void TestConversationProtocol::event_chunkContent_isAChunk() {
    const ConversationEvent e = streamFixtureEvents().at(9);
    QVERIFY(!e.text);
    QVERIFY(e.chunk);
    QCOMPARE(e.chunk->type, ContentChunk::Type::ToolReference);
    QCOMPARE(e.chunk->url, std::optional(u"https://encyclopedia.example.org/wiki/Tramontane"_s));
    QCOMPARE(e.contentIndex, 1);
    const ConversationEvent file = ConversationEvent::fromJson(jsonObject(
        R"({"type":"message.output.delta","output_index":0,"id":"m","content_index":0,
            "role":"assistant","content":{"type":"tool_file","tool":"image_generation",
            "file_id":"f1","file_name":"image_generated_0","file_type":"png"}})"));
    QVERIFY(file.chunk);
    QCOMPARE(file.chunk->type, ContentChunk::Type::ToolFile);
    QCOMPARE(file.chunk->fileId, u"f1"_s);
}

QTEST_GUILESS_MAIN(TestConversationProtocol)
#include "tst_conversationprotocol.moc"
