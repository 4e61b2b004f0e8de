// SPDX-License-Identifier: GPL-3.0-or-later
// Per-chat settings: their JSON form and how they shape each endpoint's request.
#include "core/protocol/ChatSettings.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

class TestChatSettings : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void defaults_sendNothing();
    void json_roundTripsEveryField();
    void json_usesRequestFieldNames();
    void fromJson_isLenient();
    void chatRequest_instructionsFirstAndParametersAsFields();
    void chatRequest_knowsEveryFieldItGets();
    void agentRequest_dropsWhatAgentsCannotTake();
    void conversationStart_instructionsAndCompletionArgs();
    void conversationStartWithAgent_noInstructionsNoSampling();
    void conversationAppend_completionArgsOnly();

private:
    static ChatSettings everything();
};

ChatSettings TestChatSettings::everything() {
    ChatSettings s;
    s.instructions = u"Answer in French."_s;
    s.temperature = 0.3;
    s.topP = 0.9;
    s.maxTokens = 256;
    s.randomSeed = 42;
    s.responseFormat = ChatSettings::ResponseFormat::JsonSchema;
    s.schemaName = u"person"_s;
    s.schema = QJsonObject{{u"type"_s, u"object"_s}};
    s.schemaStrict = true;
    s.reasoningEffort = u"high"_s;
    s.reasoningPromptMode = true;
    return s;
}

void TestChatSettings::defaults_sendNothing() {
    const ChatSettings s;
    QVERIFY(s.isDefault());
    QVERIFY(s.toJson().isEmpty());
    QVERIFY(s.completionArgs().isEmpty());

    ChatRequest request;
    request.model = u"m"_s;
    request.messages = {ChatMessage::user(u"hi"_s)};
    const QJsonObject before = request.toJson();
    s.applyTo(request);
    QCOMPARE(request.toJson(), before);

    ConversationStartRequest start;
    start.model = u"m"_s;
    s.applyTo(start);
    QVERIFY(!start.toJson().contains(u"completion_args"_s));
    QVERIFY(!start.toJson().contains(u"instructions"_s));
}

void TestChatSettings::json_roundTripsEveryField() {
    const ChatSettings s = everything();
    QVERIFY(!s.isDefault());
    const ChatSettings back = ChatSettings::fromJson(s.toJson());
    QCOMPARE(back.toJson(), s.toJson());
    QCOMPARE(back.instructions, s.instructions);
    QCOMPARE(back.temperature, s.temperature);
    QCOMPARE(back.topP, s.topP);
    QCOMPARE(back.maxTokens, s.maxTokens);
    QCOMPARE(back.randomSeed, s.randomSeed);
    QCOMPARE(back.responseFormat, ChatSettings::ResponseFormat::JsonSchema);
    QCOMPARE(back.schemaName, u"person"_s);
    QCOMPARE(back.schema, s.schema);
    QVERIFY(back.schemaStrict);
    QCOMPARE(back.reasoningEffort, std::optional<QString>(u"high"_s));
    QVERIFY(back.reasoningPromptMode);

    ChatSettings jsonObject;
    jsonObject.responseFormat = ChatSettings::ResponseFormat::JsonObject;
    QCOMPARE(ChatSettings::fromJson(jsonObject.toJson()).responseFormat,
             ChatSettings::ResponseFormat::JsonObject);
}

void TestChatSettings::json_usesRequestFieldNames() {
    const QJsonObject json = everything().toJson();
    QStringList keys = json.keys();
    keys.sort();
    QCOMPARE(keys, (QStringList{u"instructions"_s, u"max_tokens"_s, u"prompt_mode"_s,
                                u"random_seed"_s, u"reasoning_effort"_s, u"response_format"_s,
                                u"temperature"_s, u"top_p"_s}));
    QCOMPARE(json.value(u"response_format"_s).toObject(),
             (QJsonObject{{u"type"_s, u"json_schema"_s},
                          {u"json_schema"_s,
                           QJsonObject{{u"name"_s, u"person"_s},
                                       {u"schema"_s, QJsonObject{{u"type"_s, u"object"_s}}},
                                       {u"strict"_s, true}}}}));
    QCOMPARE(json.value(u"prompt_mode"_s).toString(), u"reasoning"_s);
}

void TestChatSettings::fromJson_isLenient() {
    const ChatSettings s = ChatSettings::fromJson(QJsonObject{
        {u"temperature"_s, u"hot"_s},
        {u"max_tokens"_s, QJsonValue::Null},
        {u"response_format"_s, QJsonObject{{u"type"_s, u"yaml"_s}}},
        {u"conversation_id"_s, u"c-1"_s},
    });
    QVERIFY(s.isDefault());
}

void TestChatSettings::chatRequest_instructionsFirstAndParametersAsFields() {
    ChatRequest request;
    request.model = u"mistral-small-latest"_s;
    request.messages = {ChatMessage::user(u"hi"_s)};
    everything().applyTo(request);
    const QJsonObject json = request.toJson();
    const QJsonArray messages = json.value(u"messages"_s).toArray();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(0).toObject().value(u"role"_s).toString(), u"system"_s);
    QCOMPARE(messages.at(0).toObject().value(u"content"_s).toString(), u"Answer in French."_s);
    QCOMPARE(messages.at(1).toObject().value(u"role"_s).toString(), u"user"_s);
    QCOMPARE(json.value(u"temperature"_s).toDouble(), 0.3);
    QCOMPARE(json.value(u"top_p"_s).toDouble(), 0.9);
    QCOMPARE(json.value(u"max_tokens"_s).toInteger(), 256);
    QCOMPARE(json.value(u"random_seed"_s).toInteger(), 42);
    QCOMPARE(json.value(u"response_format"_s).toObject().value(u"type"_s).toString(),
             u"json_schema"_s);
    QCOMPARE(json.value(u"reasoning_effort"_s).toString(), u"high"_s);
    QCOMPARE(json.value(u"prompt_mode"_s).toString(), u"reasoning"_s);
}

void TestChatSettings::chatRequest_knowsEveryFieldItGets() {
    // Requests are validated strictly: every field the settings add must be a known one.
    ChatRequest chat;
    chat.model = u"m"_s;
    chat.messages = {ChatMessage::user(u"hi"_s)};
    everything().applyTo(chat);
    for (const QString &key : chat.toJson().keys())
        QVERIFY2(ChatRequest::knownFields().contains(key), qPrintable(key));
    AgentCompletionRequest agent;
    agent.agentId = u"ag"_s;
    agent.messages = chat.messages;
    everything().applyTo(agent);
    for (const QString &key : agent.toJson().keys())
        QVERIFY2(AgentCompletionRequest::knownFields().contains(key), qPrintable(key));
}

void TestChatSettings::agentRequest_dropsWhatAgentsCannotTake() {
    AgentCompletionRequest request;
    request.agentId = u"ag-1"_s;
    request.messages = {ChatMessage::user(u"hi"_s)};
    everything().applyTo(request);
    const QJsonObject json = request.toJson();
    QCOMPARE(json.value(u"messages"_s).toArray().size(), 1); // the agent's own instructions
    QVERIFY(!json.contains(u"temperature"_s));
    QVERIFY(!json.contains(u"top_p"_s));
    QCOMPARE(json.value(u"max_tokens"_s).toInteger(), 256);
    QCOMPARE(json.value(u"random_seed"_s).toInteger(), 42);
    QVERIFY(json.contains(u"response_format"_s));
    QCOMPARE(json.value(u"reasoning_effort"_s).toString(), u"high"_s);
    QCOMPARE(json.value(u"prompt_mode"_s).toString(), u"reasoning"_s);
}

void TestChatSettings::conversationStart_instructionsAndCompletionArgs() {
    ConversationStartRequest request;
    request.model = u"mistral-medium-latest"_s;
    request.inputs = ConversationInputs::fromText(u"hi"_s);
    everything().applyTo(request);
    const QJsonObject json = request.toJson();
    QCOMPARE(json.value(u"instructions"_s).toString(), u"Answer in French."_s);
    const QJsonObject args = json.value(u"completion_args"_s).toObject();
    QStringList keys = args.keys();
    keys.sort();
    QCOMPARE(keys, (QStringList{u"max_tokens"_s, u"random_seed"_s, u"reasoning_effort"_s,
                                u"response_format"_s, u"temperature"_s, u"top_p"_s}));
    QCOMPARE(args.value(u"temperature"_s).toDouble(), 0.3);
}

void TestChatSettings::conversationStartWithAgent_noInstructionsNoSampling() {
    ConversationStartRequest request;
    request.agentId = u"ag-1"_s;
    everything().applyTo(request);
    const QJsonObject json = request.toJson();
    QVERIFY(!json.contains(u"instructions"_s));
    const QJsonObject args = json.value(u"completion_args"_s).toObject();
    QVERIFY(!args.contains(u"temperature"_s));
    QVERIFY(!args.contains(u"top_p"_s));
    QCOMPARE(args.value(u"max_tokens"_s).toInteger(), 256);
}

void TestChatSettings::conversationAppend_completionArgsOnly() {
    ConversationAppendRequest request;
    request.conversationId = u"c-1"_s;
    request.inputs = ConversationInputs::fromText(u"more"_s);
    ChatSettings s;
    s.maxTokens = 64;
    s.temperature = 0.5;
    s.instructions = u"Be brief."_s;
    ConversationAppendRequest forAgent = request;
    s.applyTo(request, false);
    const QJsonObject json = request.toJson();
    QVERIFY(!json.contains(u"instructions"_s));
    QCOMPARE(json.value(u"completion_args"_s).toObject(),
             (QJsonObject{{u"max_tokens"_s, 64}, {u"temperature"_s, 0.5}}));
    s.applyTo(forAgent, true);
    QCOMPARE(forAgent.toJson().value(u"completion_args"_s).toObject(),
             (QJsonObject{{u"max_tokens"_s, 64}}));
}

QTEST_GUILESS_MAIN(TestChatSettings)
#include "tst_chatsettings.moc"
