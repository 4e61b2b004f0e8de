// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/Message.h"

#include "TestJson.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using Tramontane::Test::jsonObject;

class TestMessage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void toolCall_readsStringOrObjectArguments_data();
    void toolCall_readsStringOrObjectArguments();
    void toolCall_requestShapeDropsMetadata();
    void toolCall_defaultsAndHelpers();
    void requestJson_followsRoleRules_data();
    void requestJson_followsRoleRules();
    void fromJson_isLenient();
    void storedJson_keepsResponseFields();
    void responseMessage_toRequestDropsIndexAndMetadata();
    void attachedImage_nameIsStoredButNeverSent();
};

void TestMessage::toolCall_readsStringOrObjectArguments_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("arguments");

    QTest::newRow("string") << R"({"id":"c1","type":"function","index":0,
        "function":{"name":"get_weather","arguments":"{\"city\": \"Berlin\"}"}})"_ba
                            << uR"({"city": "Berlin"})"_s;
    QTest::newRow("object") << R"({"id":"c1","type":"function","index":0,
        "function":{"name":"get_weather","arguments":{"city":"Berlin","days":2}}})"_ba
                            << uR"({"city":"Berlin","days":2})"_s;
    QTest::newRow("missing") << R"({"id":"c1","function":{"name":"ping"}})"_ba << QString();
}

void TestMessage::toolCall_readsStringOrObjectArguments() {
    QFETCH(QByteArray, json);
    QFETCH(QString, arguments);

    const ToolCall call = ToolCall::fromJson(jsonObject(json));
    QCOMPARE(call.arguments, arguments);
    QCOMPARE(call.toJson().value("function"_L1).toObject().value("arguments"_L1).toString(),
             arguments);
    if (!arguments.isEmpty())
        QCOMPARE(call.argumentsObject().value("city"_L1).toString(), u"Berlin"_s);
    else
        QVERIFY(call.argumentsObject().isEmpty());
}

void TestMessage::toolCall_requestShapeDropsMetadata() {
    const QJsonObject input = jsonObject(R"({"id":"imgcall1","type":"function","index":0,
        "function":{"name":"generate_image","arguments":"{\"prompt\":\"orange cat\"}"},
        "metadata":{"tool_type":"image"}})");
    const ToolCall call = ToolCall::fromJson(input);
    QVERIFY(call.isHosted());
    QVERIFY(call.isFunction());
    COMPARE_JSON(call.toStoredJson(), input);
    QJsonObject expected = input;
    expected.remove("metadata"_L1);
    COMPARE_JSON(call.toJson(), expected);
}

void TestMessage::toolCall_defaultsAndHelpers() {
    const ToolCall call = ToolCall::fromJson(jsonObject(R"({"function":{"name":"f",
        "arguments":"not json"}})"));
    QCOMPARE(call.type, u"function"_s);
    QVERIFY(!call.index);
    QVERIFY(call.id.isEmpty());
    QVERIFY(!call.isHosted());
    QVERIFY(call.argumentsObject().isEmpty());
    // Neither an unknown id nor an unknown index is invented.
    COMPARE_JSON(call.toJson(), jsonObject(R"({"type":"function",
        "function":{"name":"f","arguments":"not json"}})"));
}

void TestMessage::requestJson_followsRoleRules_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("system") << R"({"role":"system","content":"Be brief.","name":"x","index":3,
        "tool_calls":[{"id":"a","function":{"name":"f","arguments":"{}"}}],"prefix":true})"_ba
                            << R"({"role":"system","content":"Be brief."})"_ba;
    QTest::newRow("system null content") << R"({"role":"system","content":null})"_ba
                                         << R"({"role":"system","content":""})"_ba;
    QTest::newRow("user text") << R"({"role":"user","content":"Hi","name":"me","prefix":true,
        "tool_call_id":"x","metadata":{"a":1}})"_ba
                               << R"({"role":"user","content":"Hi"})"_ba;
    QTest::newRow("user chunks") << R"({"role":"user","content":[{"type":"text","text":"What?"},
        {"type":"image_url","image_url":"data:image/png;base64,AA"}]})"_ba
                                 << R"({"role":"user","content":[{"type":"text","text":"What?"},
        {"type":"image_url","image_url":"data:image/png;base64,AA"}]})"_ba;
    QTest::newRow("user null") << R"({"role":"user"})"_ba
                               << R"({"role":"user","content":null})"_ba;
    QTest::newRow("assistant with calls")
        << R"({"role":"assistant","content":"","index":0,"name":"bot","tool_call_id":"q",
        "tool_calls":[{"id":"wy","type":"function","index":0,"metadata":{"tool_type":"image"},
        "function":{"name":"get_weather","arguments":"{}"}}]})"_ba
        << R"({"role":"assistant","content":"","tool_calls":[{"id":"wy","type":"function",
        "index":0,"function":{"name":"get_weather","arguments":"{}"}}]})"_ba;
    QTest::newRow("assistant prefix")
        << R"({"role":"assistant","content":"Once","prefix":true})"_ba
        << R"({"role":"assistant","content":"Once","prefix":true})"_ba;
    QTest::newRow("assistant null content, no calls")
        << R"({"role":"assistant","content":null,"tool_calls":null,"prefix":false})"_ba
        << R"({"role":"assistant"})"_ba;
    QTest::newRow("tool") << R"({"role":"tool","tool_call_id":"wy","name":"get_weather",
        "content":"sunny","index":1,"prefix":true})"_ba
                          << R"({"role":"tool","tool_call_id":"wy","name":"get_weather",
        "content":"sunny"})"_ba;
    QTest::newRow("tool without name")
        << R"({"role":"tool","tool_call_id":"wy","content":null})"_ba
        << R"({"role":"tool","tool_call_id":"wy","content":null})"_ba;
}

void TestMessage::requestJson_followsRoleRules() {
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);

    const ChatMessage message = ChatMessage::fromJson(jsonObject(input));
    COMPARE_JSON(message.toJson(), jsonObject(expected));
}

void TestMessage::fromJson_isLenient() {
    const ChatMessage message = ChatMessage::fromJson(jsonObject(R"({"role":"narrator",
        "content":{"odd":true},"tool_calls":[3,{"id":"a","function":{"name":"f","arguments":"{}"}}],
        "tool_call_id":null,"name":7,"index":"2","prefix":"yes","p":"abc"})"));
    QCOMPARE(message.role, ChatMessage::Role::Assistant);
    QVERIFY(message.content.isNull());
    QCOMPARE(message.toolCalls.size(), 1);
    QVERIFY(message.toolCallId.isEmpty());
    QVERIFY(message.name.isEmpty());
    QVERIFY(!message.index);
    QVERIFY(!message.prefix);

    QCOMPARE(ChatMessage::roleFromName(u"tool"_s), ChatMessage::Role::Tool);
    QVERIFY(!ChatMessage::roleFromName(u"Tool"_s));
    QCOMPARE(ChatMessage::roleName(ChatMessage::Role::System), u"system"_s);
}

void TestMessage::storedJson_keepsResponseFields() {
    const QJsonObject input = jsonObject(R"({"index":2,"role":"assistant","content":[
        {"type":"text","text":"Here is your cat."},
        {"type":"image_url","image_url":"https://x.test/image.png"}],"metadata":{"k":"v"}})");
    const ChatMessage message = ChatMessage::fromJson(input);
    QCOMPARE(message.index, 2);
    COMPARE_JSON(message.toStoredJson(), input);
    QCOMPARE(ChatMessage::fromJson(message.toStoredJson()), message);
}

void TestMessage::responseMessage_toRequestDropsIndexAndMetadata() {
    const QList<ChatMessage> messages = messagesFromJson(Test::jsonArray(R"([
        {"index":0,"role":"assistant","content":"","tool_calls":[{"id":"imgcall1",
         "type":"function","index":0,"function":{"name":"generate_image",
         "arguments":"{\"prompt\":\"orange cat\"}"},"metadata":{"tool_type":"image"}}]},
        {"index":1,"role":"tool","tool_call_id":"imgcall1","content":"{\"url\":\"u\"}"},
        "junk"])"));
    QCOMPARE(messages.size(), 2);
    const QJsonArray request = messagesToJson(messages);
    QCOMPARE(Test::compact(request), Test::compact(Test::jsonArray(R"([
        {"role":"assistant","content":"","tool_calls":[{"id":"imgcall1","type":"function",
         "index":0,"function":{"name":"generate_image",
         "arguments":"{\"prompt\":\"orange cat\"}"}}]},
        {"role":"tool","tool_call_id":"imgcall1","content":"{\"url\":\"u\"}"}])")));

    const ChatMessage built = ChatMessage::tool(u"c"_s, u"42"_s, u"calc"_s);
    COMPARE_JSON(built.toJson(),
                 jsonObject(R"({"role":"tool","tool_call_id":"c","name":"calc","content":"42"})"));
    COMPARE_JSON(ChatMessage::user(u"Hi"_s).toJson(),
                 jsonObject(R"({"role":"user","content":"Hi"})"));
    COMPARE_JSON(ChatMessage::system(u"S"_s).toJson(),
                 jsonObject(R"({"role":"system","content":"S"})"));
}

void TestMessage::attachedImage_nameIsStoredButNeverSent() {
    ContentChunk image = ContentChunk::makeImageUrl(u"data:image/png;base64,AAAA"_s);
    image.imageName = u"cat.png"_s;
    const ChatMessage message =
        ChatMessage::user(MessageContent({ContentChunk::makeText(u"Look"_s), image}));
    const QJsonObject imageRequest{{u"type"_s, u"image_url"_s},
                                   {u"image_url"_s, u"data:image/png;base64,AAAA"_s}};
    QJsonObject imageStored = imageRequest;
    imageStored.insert(u"name"_s, u"cat.png"_s);
    const QJsonObject text{{u"type"_s, u"text"_s}, {u"text"_s, u"Look"_s}};

    QCOMPARE(message.toJson().value(u"content"_s).toArray(), (QJsonArray{text, imageRequest}));
    QCOMPARE(messagesToJson({message}).first()[u"content"_s].toArray(),
             (QJsonArray{text, imageRequest}));
    const QJsonObject stored = message.toStoredJson();
    QCOMPARE(stored.value(u"content"_s).toArray(), (QJsonArray{text, imageStored}));
    // Read back from storage: the name comes back, and is still not sent.
    const ChatMessage reread = ChatMessage::fromJson(stored);
    QCOMPARE(reread.content.images().first().imageName, std::optional<QString>(u"cat.png"_s));
    QCOMPARE(reread, message);
    QCOMPARE(reread.toJson(), message.toJson());
}

QTEST_GUILESS_MAIN(TestMessage)
#include "tst_message.moc"
