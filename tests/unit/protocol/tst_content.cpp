// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/Content.h"

#include "TestJson.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using Tramontane::Test::jsonArray;
using Tramontane::Test::jsonObject;

class TestContent : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void chunk_roundTripsUnchanged_data();
    void chunk_roundTripsUnchanged();
    void imageUrl_keepsItsForm_data();
    void imageUrl_keepsItsForm();
    void thinking_parsesNestedChunks();
    void unknownChunk_isKeptVerbatim_data();
    void unknownChunk_isKeptVerbatim();
    void nullOptionals_areDropped();
    void content_readsEveryForm_data();
    void content_readsEveryForm();
    void content_helpers();
    void appendText_growsEachForm();
    void appendChunk_mergesFragments();
};

void TestContent::chunk_roundTripsUnchanged_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<ContentChunk::Type>("type");

    QTest::newRow("text") << R"({"type":"text","text":"Hello"})"_ba << ContentChunk::Type::Text;
    QTest::newRow("image_url string")
        << R"({"type":"image_url","image_url":"data:image/png;base64,AAAA"})"_ba
        << ContentChunk::Type::ImageUrl;
    QTest::newRow("image_url object")
        << R"({"type":"image_url","image_url":{"url":"https://x.test/a.png","detail":"high"}})"_ba
        << ContentChunk::Type::ImageUrl;
    QTest::newRow("tool_file") << R"({"type":"tool_file","tool":"image_generation",
        "file_id":"933c5b5a","file_name":"image_generated_0","file_type":"png"})"_ba
                               << ContentChunk::Type::ToolFile;
    QTest::newRow("tool_file minimal")
        << R"({"type":"tool_file","tool":"code_interpreter","file_id":"f1"})"_ba
        << ContentChunk::Type::ToolFile;
    QTest::newRow("thinking") << R"({"type":"thinking","thinking":[{"type":"text","text":"Hm."},
        {"type":"reference","reference_ids":[1,"a"]}],"signature":"sig","closed":false})"_ba
                              << ContentChunk::Type::Thinking;
    QTest::newRow("reference") << R"({"type":"reference","reference_ids":[0,2,"x7"]})"_ba
                               << ContentChunk::Type::Reference;
    QTest::newRow("tool_reference") << R"({"type":"tool_reference","tool":"web_search",
        "title":"Mistral","url":"https://mistral.ai","favicon":"https://mistral.ai/f.ico",
        "description":"Home"})"_ba << ContentChunk::Type::ToolReference;
    QTest::newRow("document_url") << R"({"type":"document_url",
        "document_url":"https://x.test/paper.pdf","document_name":"paper.pdf"})"_ba
                                  << ContentChunk::Type::DocumentUrl;
    QTest::newRow("file") << R"({"type":"file","file_id":"0f6c"})"_ba << ContentChunk::Type::File;
    QTest::newRow("input_audio") << R"({"type":"input_audio","input_audio":"UklGRg=="})"_ba
                                 << ContentChunk::Type::InputAudio;
}

void TestContent::chunk_roundTripsUnchanged() {
    QFETCH(QByteArray, json);
    QFETCH(ContentChunk::Type, type);

    const QJsonObject input = jsonObject(json);
    QVERIFY(!input.isEmpty());
    const ContentChunk chunk = ContentChunk::fromJson(input);
    QCOMPARE(chunk.type, type);
    COMPARE_JSON(chunk.toJson(), input);
    QCOMPARE(ContentChunk::typeFromName(input.value("type"_L1).toString()), type);
    QCOMPARE(ContentChunk::typeName(type), input.value("type"_L1).toString());
}

void TestContent::imageUrl_keepsItsForm_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("isObject");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("detail");

    QTest::newRow("string") << R"({"type":"image_url","image_url":"https://x.test/c.png"})"_ba
                            << false << u"https://x.test/c.png"_s << QString();
    QTest::newRow("object without detail")
        << R"({"type":"image_url","image_url":{"url":"https://x.test/c.png"}})"_ba << true
        << u"https://x.test/c.png"_s << QString();
    QTest::newRow("object with detail")
        << R"({"type":"image_url","image_url":{"url":"data:image/jpeg;base64,/9j","detail":"low"}})"_ba
        << true << u"data:image/jpeg;base64,/9j"_s << u"low"_s;
}

void TestContent::imageUrl_keepsItsForm() {
    QFETCH(QByteArray, json);
    QFETCH(bool, isObject);
    QFETCH(QString, url);
    QFETCH(QString, detail);

    const ContentChunk chunk = ContentChunk::fromJson(jsonObject(json));
    QCOMPARE(chunk.type, ContentChunk::Type::ImageUrl);
    QCOMPARE(chunk.imageUrlIsObject, isObject);
    QCOMPARE(chunk.imageUrl, url);
    QCOMPARE(chunk.imageDetail.value_or(QString()), detail);
    QCOMPARE(chunk.toJson().value("image_url"_L1).isObject(), isObject);
    COMPARE_JSON(chunk.toJson(), jsonObject(json));

    // The factory picks the form from whether a detail is given.
    QVERIFY(!ContentChunk::makeImageUrl(url).imageUrlIsObject);
    QVERIFY(ContentChunk::makeImageUrl(url, u"auto"_s).toJson().value("image_url"_L1).isObject());
}

void TestContent::thinking_parsesNestedChunks() {
    const ContentChunk chunk = ContentChunk::fromJson(jsonObject(R"({"type":"thinking",
        "thinking":[{"type":"text","text":"First, "},{"type":"tool_reference","tool":"web_search",
        "title":"T"},{"type":"text","text":"then."}]})"));
    QCOMPARE(chunk.type, ContentChunk::Type::Thinking);
    QCOMPARE(chunk.thinking.size(), 3);
    QCOMPARE(chunk.thinking.at(1).type, ContentChunk::Type::ToolReference);
    QCOMPARE(chunk.thinkingText(), u"First, then."_s);
    QVERIFY(!chunk.signature);
    QVERIFY(!chunk.closed);
    QVERIFY(!chunk.toJson().contains("closed"_L1));
}

void TestContent::unknownChunk_isKeptVerbatim_data() {
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("future type") << R"({"type":"hologram","hologram":{"frames":3},"note":null})"_ba;
    QTest::newRow("no type") << R"({"text":"typeless"})"_ba;
    QTest::newRow("text without text") << R"({"type":"text","value":"x"})"_ba;
    QTest::newRow("image_url of wrong type") << R"({"type":"image_url","image_url":42})"_ba;
    QTest::newRow("file without id") << R"({"type":"file"})"_ba;
    QTest::newRow("thinking as string") << R"({"type":"thinking","thinking":"plain"})"_ba;
}

void TestContent::unknownChunk_isKeptVerbatim() {
    QFETCH(QByteArray, json);

    const QJsonObject input = jsonObject(json);
    const ContentChunk chunk = ContentChunk::fromJson(input);
    QCOMPARE(chunk.type, ContentChunk::Type::Unknown);
    QCOMPARE(chunk.raw, input);
    COMPARE_JSON(chunk.toJson(), input);

    // Inside a content list it survives a round trip too, in place.
    QJsonArray list{QJsonObject{{"type"_L1, "text"_L1}, {"text"_L1, "a"_L1}}, input};
    const MessageContent content = MessageContent::fromJson(list);
    QCOMPARE(content.chunks().size(), 2);
    QCOMPARE(content.toJson().toArray(), list);
}

void TestContent::nullOptionals_areDropped() {
    const ContentChunk chunk = ContentChunk::fromJson(jsonObject(
        R"({"type":"tool_file","tool":"image_generation","file_id":"f","file_name":null,
            "file_type":null,"extra":1})"));
    QCOMPARE(chunk.type, ContentChunk::Type::ToolFile);
    QVERIFY(!chunk.fileName);
    QVERIFY(!chunk.fileType);
    COMPARE_JSON(chunk.toJson(),
                 jsonObject(R"({"type":"tool_file","tool":"image_generation","file_id":"f"})"));
}

void TestContent::content_readsEveryForm_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<MessageContent::Kind>("kind");
    QTest::addColumn<QString>("plainText");
    QTest::addColumn<bool>("empty");
    QTest::addColumn<int>("images");

    QTest::newRow("null") << R"({"content":null})"_ba << MessageContent::Kind::Null << QString()
                          << true << 0;
    QTest::newRow("missing") << R"({})"_ba << MessageContent::Kind::Null << QString() << true << 0;
    QTest::newRow("number") << R"({"content":3})"_ba << MessageContent::Kind::Null << QString()
                            << true << 0;
    QTest::newRow("empty string") << R"({"content":""})"_ba << MessageContent::Kind::Text
                                  << QString() << true << 0;
    QTest::newRow("string") << R"({"content":"Hi"})"_ba << MessageContent::Kind::Text << u"Hi"_s
                            << false << 0;
    QTest::newRow("empty list") << R"({"content":[]})"_ba << MessageContent::Kind::Chunks
                                << QString() << true << 0;
    QTest::newRow("empty text chunk") << R"({"content":[{"type":"text","text":""}]})"_ba
                                      << MessageContent::Kind::Chunks << QString() << true << 0;
    QTest::newRow("text and images")
        << R"({"content":[{"type":"text","text":"Here "},
        {"type":"image_url","image_url":"https://x.test/1.png"},{"type":"text","text":"you go"},
        {"type":"tool_file","tool":"image_generation","file_id":"f2"},
        {"type":"thinking","thinking":[{"type":"text","text":"secret"}]}]})"_ba
        << MessageContent::Kind::Chunks << u"Here you go"_s << false << 2;
    QTest::newRow("only an image")
        << R"({"content":[{"type":"image_url","image_url":{"url":"https://x.test/1.png"}}]})"_ba
        << MessageContent::Kind::Chunks << QString() << false << 1;
}

void TestContent::content_readsEveryForm() {
    QFETCH(QByteArray, json);
    QFETCH(MessageContent::Kind, kind);
    QFETCH(QString, plainText);
    QFETCH(bool, empty);
    QFETCH(int, images);

    const QJsonObject object = jsonObject(json);
    const MessageContent content = MessageContent::fromJson(object.value("content"_L1));
    QCOMPARE(content.kind(), kind);
    QCOMPARE(content.plainText(), plainText);
    QCOMPARE(content.isEmpty(), empty);
    QCOMPARE(content.images().size(), images);
    if (kind != MessageContent::Kind::Null)
        QCOMPARE(content.toJson(), object.value("content"_L1));
    else
        QVERIFY(content.toJson().isNull());
}

void TestContent::content_helpers() {
    const MessageContent content = MessageContent::fromJson(jsonArray(R"([
        {"type":"thinking","thinking":[{"type":"text","text":"a"},{"type":"text","text":"b"}]},
        {"type":"text","text":"answer"},
        {"type":"tool_file","tool":"image_generation","file_id":"f9","file_type":"png"}])"));
    QCOMPARE(content.thinkingText(), u"ab"_s);
    QCOMPARE(content.plainText(), u"answer"_s);
    const QList<ContentChunk> images = content.images();
    QCOMPARE(images.size(), 1);
    QCOMPARE(images.first().fileId, u"f9"_s);

    const MessageContent text(u"plain"_s);
    QVERIFY(text.isText());
    QCOMPARE(text.text(), u"plain"_s);
    QVERIFY(text.chunks().isEmpty());
    QVERIFY(MessageContent().isNull());
    QVERIFY(MessageContent(u"x"_s) == MessageContent(u"x"_s));
    QVERIFY(!(MessageContent(u""_s) == MessageContent()));
}

void TestContent::appendText_growsEachForm() {
    MessageContent content;
    content.appendText(QString());
    QVERIFY(content.isText());
    QCOMPARE(content.toJson(), QJsonValue(u""_s));
    content.appendText(u"Hello"_s);
    content.appendText(u", world"_s);
    QCOMPARE(content.toJson(), QJsonValue(u"Hello, world"_s));

    MessageContent chunks(QList<ContentChunk>{ContentChunk::makeImageUrl(u"u"_s)});
    chunks.appendText(u"after"_s);
    chunks.appendText(u" image"_s);
    chunks.appendText(QString());
    QCOMPARE(chunks.chunks().size(), 2);
    QCOMPARE(chunks.chunks().last().text, u"after image"_s);
}

void TestContent::appendChunk_mergesFragments() {
    MessageContent content(u""_s);
    // An empty leading string disappears when the first chunk arrives.
    content.appendChunk(ContentChunk::fromJson(
        jsonObject(R"({"type":"thinking","thinking":[{"type":"text","text":"Let me "}]})")));
    content.appendChunk(ContentChunk::fromJson(jsonObject(
        R"({"type":"thinking","thinking":[{"type":"text","text":"think."}],"closed":true})")));
    content.appendChunk(ContentChunk::makeText(u"The "_s));
    content.appendText(u"answer"_s);
    content.appendChunk(ContentChunk::makeText(u" is 42."_s));
    content.appendChunk(ContentChunk::makeToolFile(u"image_generation"_s, u"f1"_s));
    content.appendChunk(ContentChunk::makeText(u"Done."_s));

    const QJsonObject actual{{"content"_L1, content.toJson()}};
    COMPARE_JSON(actual, jsonObject(R"({"content":[
        {"type":"thinking","thinking":[{"type":"text","text":"Let me think."}],"closed":true},
        {"type":"text","text":"The answer is 42."},
        {"type":"tool_file","tool":"image_generation","file_id":"f1"},
        {"type":"text","text":"Done."}]})"));

    // A non-empty string becomes the leading text chunk.
    MessageContent text(u"Look: "_s);
    text.appendChunk(ContentChunk::makeImageUrl(u"https://x.test/a.png"_s));
    QCOMPARE(text.chunks().size(), 2);
    QCOMPARE(text.chunks().first().text, u"Look: "_s);
    QCOMPARE(text.plainText(), u"Look: "_s);
}

QTEST_GUILESS_MAIN(TestContent)
#include "tst_content.moc"
