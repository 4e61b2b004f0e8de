// SPDX-License-Identifier: GPL-3.0-or-later
// A Conversations API turn seen as chat messages, and a chat history replayed as inputs.
#include "core/protocol/ConversationMessages.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

class TestConversationMessages : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void message_keepsItsChunks();
    void toolRun_isAHostedCallThenItsResultOnceDone();
    void codeInterpreter_showsTheCodeAndItsOutput();
    void functionCall_keepsItsConfirmation();
    void handoff_isAnEmptyMessageWithItsAgents();
    void handoff_laterMessagesCarryTheNewAgent();
    void messages_knowTheirServerEntry();
    void replay_keepsTextOnly();
    void replay_keepsTheUsersImages();
};

void TestConversationMessages::message_keepsItsChunks() {
    ConversationOutput out;
    out.kind = ConversationOutput::Kind::Message;
    ContentChunk reference;
    reference.type = ContentChunk::Type::ToolReference;
    reference.title = u"Source"_s;
    reference.url = u"https://example.org"_s;
    out.content.appendChunk(ContentChunk::makeText(u"Answer"_s));
    out.content.appendChunk(reference);
    const QList<ChatMessage> messages = ConversationMessages::fromOutputs({out});
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.first().role, ChatMessage::Role::Assistant);
    QCOMPARE(messages.first().content.chunks().size(), 2);
    QCOMPARE(messages.first().content.chunks().at(1).type, ContentChunk::Type::ToolReference);
}

void TestConversationMessages::toolRun_isAHostedCallThenItsResultOnceDone() {
    ConversationOutput out;
    out.kind = ConversationOutput::Kind::ToolExecution;
    out.id = u"tool_exec_1"_s;
    out.name = u"web_search"_s;
    out.arguments = u"{\"query\":\"owls\"}"_s;
    QList<ChatMessage> messages = ConversationMessages::fromOutputs({out});
    QCOMPARE(messages.size(), 1); // running: no result yet
    const ToolCall call = messages.first().toolCalls.value(0);
    QCOMPARE(call.id, u"tool_exec_1"_s);
    QVERIFY(call.isHosted());
    QCOMPARE(call.arguments, out.arguments);

    out.finished = true;
    out.info = QJsonObject{{u"results"_s, 3}};
    messages = ConversationMessages::fromOutputs({out});
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(1).role, ChatMessage::Role::Tool);
    QCOMPARE(messages.at(1).toolCallId, u"tool_exec_1"_s);
    QCOMPARE(messages.at(1).content.plainText(), u"{\"results\":3}"_s);
}

void TestConversationMessages::codeInterpreter_showsTheCodeAndItsOutput() {
    ConversationOutput out;
    out.kind = ConversationOutput::Kind::ToolExecution;
    out.outputIndex = 2; // no id: one is made from the index
    out.name = u"code_interpreter"_s;
    out.arguments = u"{\"code\":\"print(1)\"}"_s;
    out.finished = true;
    out.info = QJsonObject{{u"code"_s, u"print(1)"_s}, {u"code_output"_s, u"1\n"_s}};
    const QList<ChatMessage> messages = ConversationMessages::fromOutputs({out});
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.first().toolCalls.first().arguments, u"print(1)"_s);
    QCOMPARE(messages.first().toolCalls.first().id, u"output_2"_s);
    QCOMPARE(messages.at(1).content.plainText(), u"1\n"_s);
}

void TestConversationMessages::functionCall_keepsItsConfirmation() {
    ConversationOutput out;
    out.kind = ConversationOutput::Kind::FunctionCall;
    out.name = u"echo"_s;
    out.toolCallId = u"call_1"_s;
    out.arguments = u"{}"_s;
    out.confirmationStatus = u"pending"_s;
    const QList<ChatMessage> messages = ConversationMessages::fromOutputs({out});
    QCOMPARE(messages.size(), 1);
    const ToolCall call = messages.first().toolCalls.first();
    QCOMPARE(call.id, u"call_1"_s);
    QVERIFY(!call.isHosted());
    QCOMPARE(ConversationMessages::confirmationStatus(call), u"pending"_s);
    out.confirmationStatus.reset();
    QVERIFY(ConversationMessages::confirmationStatus(
                ConversationMessages::fromOutputs({out}).first().toolCalls.first())
                .isEmpty());
}

void TestConversationMessages::handoff_isAnEmptyMessageWithItsAgents() {
    ConversationOutput out;
    out.kind = ConversationOutput::Kind::Handoff;
    out.previousAgentName = u"Lead"_s;
    out.nextAgentId = u"ag_2"_s;
    out.nextAgentName = u"Researcher"_s;
    const QList<ChatMessage> messages = ConversationMessages::fromOutputs({out});
    QCOMPARE(messages.size(), 1);
    QVERIFY(ConversationMessages::isHandoff(messages.first()));
    QVERIFY(messages.first().content.isEmpty());
    QCOMPARE(messages.first()
                 .metadata->value(ConversationMessages::handoffKey)
                 .toObject()
                 .value(u"next_agent_name"_s)
                 .toString(),
             u"Researcher"_s);
    QVERIFY(!ConversationMessages::isHandoff(ChatMessage::assistant(u"Hi"_s)));
}

void TestConversationMessages::handoff_laterMessagesCarryTheNewAgent() {
    ConversationOutput before;
    before.kind = ConversationOutput::Kind::Message;
    before.content = MessageContent(u"Let me ask a colleague."_s);
    ConversationOutput handoff;
    handoff.kind = ConversationOutput::Kind::Handoff;
    handoff.previousAgentName = u"Lead"_s;
    handoff.nextAgentId = u"ag_2"_s;
    handoff.nextAgentName = u"Researcher"_s;
    ConversationOutput tool;
    tool.kind = ConversationOutput::Kind::ToolExecution;
    tool.id = u"tool_exec_1"_s;
    tool.name = u"web_search"_s;
    tool.finished = true;
    ConversationOutput answer;
    answer.kind = ConversationOutput::Kind::Message;
    answer.content = MessageContent(u"Found it."_s);

    const QList<ChatMessage> messages =
        ConversationMessages::fromOutputs({before, handoff, tool, answer});
    QCOMPARE(messages.size(), 5); // message, handoff, tool call, tool result, answer
    QVERIFY(ConversationMessages::agentName(messages.at(0)).isEmpty());
    QVERIFY(ConversationMessages::agentName(messages.at(1)).isEmpty());
    QCOMPARE(ConversationMessages::agentName(messages.at(2)), u"Researcher"_s);
    QCOMPARE(ConversationMessages::agentName(messages.at(4)), u"Researcher"_s);
    QCOMPARE(messages.at(4)
                 .metadata->value(ConversationMessages::agentKey)
                 .toObject()
                 .value(u"id"_s)
                 .toString(),
             u"ag_2"_s);
    // Kept through storage (the stored JSON), never sent (the request JSON).
    const ChatMessage stored = ChatMessage::fromJson(messages.at(4).toStoredJson());
    QCOMPARE(ConversationMessages::agentName(stored), u"Researcher"_s);
    QVERIFY(!messages.at(4).toJson().contains(u"metadata"_s));

    // Without a name the agent's id stands in.
    handoff.nextAgentName.clear();
    QCOMPARE(ConversationMessages::agentName(
                 ConversationMessages::fromOutputs({handoff, answer}).constLast()),
             u"ag_2"_s);
}

void TestConversationMessages::messages_knowTheirServerEntry() {
    ConversationOutput tool;
    tool.kind = ConversationOutput::Kind::ToolExecution;
    tool.id = u"tool_exec_1"_s;
    tool.name = u"web_search"_s;
    tool.finished = true;
    ConversationOutput answer;
    answer.kind = ConversationOutput::Kind::Message;
    answer.id = u"msg_2"_s;
    answer.content = MessageContent(u"Found it."_s);
    const QList<ChatMessage> messages =
        ConversationMessages::fromOutputs({tool, answer}, u"conv_1"_s);
    QCOMPARE(messages.size(), 3);
    for (qsizetype i = 0; i < 2; ++i) {
        const auto ref = ConversationMessages::entryRef(messages.at(i));
        QVERIFY(ref);
        QCOMPARE(ref->conversationId, u"conv_1"_s);
        QCOMPARE(ref->entryId, u"tool_exec_1"_s);
    }
    // Stored with the message, never sent.
    const auto ref =
        ConversationMessages::entryRef(ChatMessage::fromJson(messages.at(2).toStoredJson()));
    QVERIFY(ref);
    QCOMPARE(ref->entryId, u"msg_2"_s);
    QVERIFY(!messages.at(2).toJson().contains(u"metadata"_s));

    // Without the conversation (or an id), there is nothing to point at.
    QVERIFY(!ConversationMessages::entryRef(ConversationMessages::fromOutputs({answer}).first()));
    answer.id.clear();
    QVERIFY(!ConversationMessages::entryRef(
        ConversationMessages::fromOutputs({answer}, u"conv_1"_s).first()));
}

void TestConversationMessages::replay_keepsTextOnly() {
    const ConversationInputs one = ConversationMessages::replay({ChatMessage::user(u"Hi"_s)});
    QCOMPARE(one.text, std::optional<QString>(u"Hi"_s));

    ToolCall call;
    call.id = u"c"_s;
    call.name = u"web_search"_s;
    const ConversationInputs many = ConversationMessages::replay(
        {ChatMessage::system(u"Be brief"_s), ChatMessage::user(u"Q1"_s),
         ChatMessage::assistant(MessageContent(), {call}), ChatMessage::tool(u"c"_s, u"result"_s),
         ChatMessage::assistant(u"A1"_s), ChatMessage::user(u"Q2"_s)});
    QVERIFY(!many.text);
    QCOMPARE(many.entries.size(), 3);
    QCOMPARE(many.entries.at(0).role, u"user"_s);
    QCOMPARE(many.entries.at(1).role, u"assistant"_s);
    QCOMPARE(many.entries.at(1).content.plainText(), u"A1"_s);
    QCOMPARE(many.entries.at(2).content.plainText(), u"Q2"_s);
}

void TestConversationMessages::replay_keepsTheUsersImages() {
    ContentChunk image = ContentChunk::makeImageUrl(u"data:image/png;base64,AAAA"_s);
    image.imageName = u"cat.png"_s;
    const ChatMessage asked =
        ChatMessage::user(MessageContent({ContentChunk::makeText(u"What is it?"_s), image}));

    // Alone: not the plain string form, which has no room for an image.
    const ConversationInputs one = ConversationMessages::replay({asked});
    QVERIFY(!one.text);
    QCOMPARE(one.entries.size(), 1);
    const QJsonObject entry = one.entries.first().toJson();
    QCOMPARE(entry.value(u"role"_s).toString(), u"user"_s);
    const QJsonArray content = entry.value(u"content"_s).toArray();
    QCOMPARE(content.size(), 2);
    QCOMPARE(content.at(0).toObject(),
             (QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, u"What is it?"_s}}));
    // The request shape: the data URL, and no client-side name (the API refuses it).
    QCOMPARE(content.at(1).toObject(),
             (QJsonObject{{u"type"_s, u"image_url"_s},
                          {u"image_url"_s, u"data:image/png;base64,AAAA"_s}}));

    // In a history: the image stays with its message; an image alone needs no text.
    const ChatMessage imageOnly = ChatMessage::user(MessageContent({image}));
    const ConversationInputs many =
        ConversationMessages::replay({asked, ChatMessage::assistant(u"A cat."_s), imageOnly});
    QCOMPARE(many.entries.size(), 3);
    QCOMPARE(many.entries.at(0).content.chunks().size(), 2);
    QCOMPARE(many.entries.at(2).content.chunks().size(), 1);
    QCOMPARE(many.entries.at(2).content.chunks().first().imageUrl, u"data:image/png;base64,AAAA"_s);
}

QTEST_GUILESS_MAIN(TestConversationMessages)
#include "tst_conversationmessages.moc"
