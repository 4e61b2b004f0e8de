// SPDX-License-Identifier: GPL-3.0-or-later
// Request shaping: the messages of a conversation as the history of a new request.
#include "core/protocol/RequestHistory.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

class TestRequestHistory : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void requestMessage_dropsIndexAndMetadata();
    void requestMessage_generatedImageBecomesANote();
    void requestMessage_dropsCitationsAndUnknownChunks();
    void requestMessage_keepsPlainText();
    void fromMessages_skipsEmptyAnswersOnly();
};

void TestRequestHistory::requestMessage_dropsIndexAndMetadata() {
    ChatMessage m = ChatMessage::assistant(MessageContent(u"ok"_s));
    m.index = 2;
    m.metadata = QJsonObject{{u"handoff"_s, true}};
    const ChatMessage shaped = RequestHistory::requestMessage(m);
    QVERIFY(!shaped.index.has_value());
    QVERIFY(!shaped.metadata.has_value());
    QVERIFY(!shaped.toJson().contains(u"metadata"_s));
    QCOMPARE(shaped.content.plainText(), u"ok"_s);
}

void TestRequestHistory::requestMessage_generatedImageBecomesANote() {
    MessageContent content;
    content.appendChunk(ContentChunk::makeText(u"Here it is."_s));
    content.appendChunk(
        ContentChunk::makeToolFile(u"image_generation"_s, u"f-1"_s, u"cat.png"_s, u"png"_s));
    const ChatMessage shaped = RequestHistory::requestMessage(ChatMessage::assistant(content));
    const QByteArray json = QJsonDocument(shaped.toJson()).toJson(QJsonDocument::Compact);
    QVERIFY2(!json.contains("tool_file"), json.constData());
    QVERIFY2(json.contains("[generated image: cat.png]"), json.constData());
    QVERIFY2(json.contains("Here it is."), json.constData());
}

void TestRequestHistory::requestMessage_dropsCitationsAndUnknownChunks() {
    ContentChunk reference;
    reference.type = ContentChunk::Type::ToolReference;
    reference.title = u"Source"_s;
    reference.url = u"https://example.org"_s;
    ContentChunk unknown;
    unknown.type = ContentChunk::Type::Unknown;
    unknown.raw = QJsonObject{{u"type"_s, u"hologram"_s}};
    MessageContent content;
    content.appendChunk(ContentChunk::makeText(u"Answer"_s));
    content.appendChunk(reference);
    content.appendChunk(unknown);
    const ChatMessage shaped = RequestHistory::requestMessage(ChatMessage::assistant(content));
    QCOMPARE(shaped.content.chunks().size(), 1);
    QCOMPARE(shaped.content.chunks().first().type, ContentChunk::Type::Text);
}

void TestRequestHistory::requestMessage_keepsPlainText() {
    const ChatMessage shaped = RequestHistory::requestMessage(ChatMessage::user(u"hi"_s));
    QVERIFY(!shaped.content.hasChunks());
    QCOMPARE(shaped.content.plainText(), u"hi"_s);
}

void TestRequestHistory::fromMessages_skipsEmptyAnswersOnly() {
    ChatMessage call = ChatMessage::assistant(MessageContent());
    ToolCall toolCall;
    toolCall.id = u"c1"_s;
    toolCall.name = u"get_time"_s;
    call.toolCalls = {toolCall};
    const QList<ChatMessage> history = RequestHistory::fromMessages({
        ChatMessage::user(u"a"_s),
        ChatMessage::assistant(MessageContent()), // failed before its first token
        call,                                     // an empty text with a tool call stays
        ChatMessage::user(MessageContent()),      // only answers are skipped
    });
    QCOMPARE(history.size(), 3);
    QCOMPARE(history.at(0).content.plainText(), u"a"_s);
    QCOMPARE(history.at(1).toolCalls.size(), 1);
    QCOMPARE(history.at(2).role, ChatMessage::Role::User);
}

QTEST_GUILESS_MAIN(TestRequestHistory)
#include "tst_requesthistory.moc"
