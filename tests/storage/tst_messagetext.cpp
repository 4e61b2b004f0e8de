// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/MessageText.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

QJsonObject text(const QString &t) {
    return QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, t}};
}

QJsonObject withContent(const QString &role, const QJsonValue &content) {
    return QJsonObject{{u"role"_s, role}, {u"content"_s, content}};
}

} // namespace

class TestMessageText : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void plainText_data();
    void plainText();
    void deriveTitle_data();
    void deriveTitle();
    void ftsMatchExpression_data();
    void ftsMatchExpression();
};

void TestMessageText::plainText_data() {
    QTest::addColumn<QJsonObject>("message");
    QTest::addColumn<QString>("expected");

    QTest::newRow("string content") << withContent(u"user"_s, u"Hello"_s) << u"Hello"_s;
    QTest::newRow("null content") << withContent(u"assistant"_s, QJsonValue::Null) << QString();
    QTest::newRow("text chunks, images skipped") << withContent(
        u"user"_s, QJsonArray{text(u"one"_s),
                              QJsonObject{{u"type"_s, u"image_url"_s},
                                          {u"image_url"_s, u"data:image/png;base64,AAAA"_s}},
                              text(u"two"_s)}) << u"one\ntwo"_s;
    QTest::newRow("thinking") << withContent(
        u"assistant"_s, QJsonArray{QJsonObject{{u"type"_s, u"thinking"_s},
                                               {u"thinking"_s, QJsonArray{text(u"hmm"_s)}}},
                                   text(u"answer"_s)})
                              << u"hmm\nanswer"_s;
    QTest::newRow("references and files")
        << withContent(u"assistant"_s,
                       QJsonArray{QJsonObject{{u"type"_s, u"tool_reference"_s},
                                              {u"title"_s, u"Qt docs"_s},
                                              {u"url"_s, u"https://doc.qt.io"_s}},
                                  QJsonObject{{u"type"_s, u"tool_file"_s},
                                              {u"file_id"_s, u"f1"_s},
                                              {u"file_name"_s, u"cat.png"_s}},
                                  QJsonObject{{u"type"_s, u"document_url"_s},
                                              {u"document_url"_s, u"https://x.test/a.pdf"_s},
                                              {u"document_name"_s, u"report"_s}}})
        << u"Qt docs\nhttps://doc.qt.io\ncat.png\nreport\nhttps://x.test/a.pdf"_s;
    QTest::newRow("unknown chunk with text") << withContent(
        u"assistant"_s, QJsonArray{QJsonObject{{u"type"_s, u"future"_s}, {u"text"_s, u"t"_s}}})
                                             << u"t"_s;
    QTest::newRow("wrong types ignored")
        << withContent(u"user"_s, QJsonArray{42, QJsonArray{}, QJsonObject{{u"type"_s, 3}}})
        << QString();
    QTest::newRow("tool calls")
        << QJsonObject{{u"role"_s, u"assistant"_s},
                       {u"content"_s, QJsonValue::Null},
                       {u"tool_calls"_s,
                        QJsonArray{QJsonObject{
                            {u"id"_s, u"c1"_s},
                            {u"function"_s,
                             QJsonObject{{u"name"_s, u"web_search"_s},
                                         {u"arguments"_s, u"{\"q\":\"weather\"}"_s}}}}}}}
        << u"web_search\n{\"q\":\"weather\"}"_s;
    QTest::newRow("tool result") << QJsonObject{{u"role"_s, u"tool"_s},
                                                {u"tool_call_id"_s, u"c1"_s},
                                                {u"name"_s, u"web_search"_s},
                                                {u"content"_s, u"Sunny"_s}}
                                 << u"Sunny\nweb_search"_s;
    QTest::newRow("marker characters removed")
        << withContent(u"user"_s, u"a\u0002b\u0003c"_s) << u"abc"_s;
}

void TestMessageText::plainText() {
    QFETCH(QJsonObject, message);
    QFETCH(QString, expected);
    QCOMPARE(MessageText::plainText(message), expected);
}

void TestMessageText::deriveTitle_data() {
    QTest::addColumn<QJsonObject>("message");
    QTest::addColumn<QString>("expected");

    QTest::newRow("simple") << withContent(u"user"_s, u"Hello there"_s) << u"Hello there"_s;
    QTest::newRow("first non-empty line")
        << withContent(u"user"_s, u"\r\n  \n  Plan a trip \r\nto Rome"_s) << u"Plan a trip"_s;
    QTest::newRow("white space collapsed") << withContent(u"user"_s, u"a \t  b"_s) << u"a b"_s;
    QTest::newRow("chunks: text only") << withContent(
        u"user"_s, QJsonArray{QJsonObject{{u"type"_s, u"image_url"_s},
                                          {u"image_url"_s, u"https://x.test/i.png"_s}},
                              text(u"What is this?"_s)})
                                       << u"What is this?"_s;
    QTest::newRow("image only") << withContent(
        u"user"_s, QJsonArray{QJsonObject{{u"type"_s, u"image_url"_s},
                                          {u"image_url"_s, u"https://x.test/i.png"_s}}})
                                << QString();
    QTest::newRow("exactly 80") << withContent(u"user"_s, QString(80, u'a')) << QString(80, u'a');
    QTest::newRow("81 cut") << withContent(u"user"_s, QString(81, u'a'))
                            << QString(79, u'a') + QChar(0x2026);
    // 78 letters then an emoji (a surrogate pair at 78-79): the pair is not split.
    QTest::newRow("surrogate pair at the cut")
        << withContent(u"user"_s, QString(QString(78, u'b') + u"😀😀😀"_s))
        << QString(78, u'b') + QChar(0x2026);
}

void TestMessageText::deriveTitle() {
    QFETCH(QJsonObject, message);
    QFETCH(QString, expected);
    const QString title = MessageText::deriveTitle(message);
    QCOMPARE(title, expected);
    QVERIFY(title.size() <= MessageText::maxTitleLength);
}

void TestMessageText::ftsMatchExpression_data() {
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("expected");

    QTest::newRow("one word: prefix") << u"foo"_s << u"\"foo\" *"_s;
    QTest::newRow("finished word") << u"foo "_s << u"\"foo\""_s;
    QTest::newRow("two words") << u"foo bar"_s << u"\"foo\" \"bar\" *"_s;
    QTest::newRow("hyphen and quote") << u"foo-bar \"x"_s << u"\"foo bar\" \"x\""_s;
    QTest::newRow("one letter: no prefix") << u"f"_s << u"\"f\""_s;
    QTest::newRow("two letters: prefix") << u"fo"_s << u"\"fo\" *"_s;
    QTest::newRow("lone quote") << u"\""_s << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("operators are words") << u"a OR bc"_s << u"\"a\" \"OR\" \"bc\" *"_s;
    QTest::newRow("column filter") << u"col:val"_s << u"\"col val\" *"_s;
    QTest::newRow("star") << u"foo*"_s << u"\"foo\" *"_s;
    QTest::newRow("punctuation last") << u"foo ?"_s << u"\"foo\""_s;
    QTest::newRow("tabs and newlines") << u"a\tb\ncd"_s << u"\"a\" \"b\" \"cd\" *"_s;
    QTest::newRow("trailing punctuation") << u"foo-"_s << u"\"foo\" *"_s;
    QTest::newRow("accents kept") << u"crème"_s << u"\"crème\" *"_s;
    QTest::newRow("CJK") << u"東京"_s << u"\"東京\" *"_s;
    QTest::newRow("symbols only") << u"🙂 + -"_s << QString();
}

void TestMessageText::ftsMatchExpression() {
    QFETCH(QString, query);
    QFETCH(QString, expected);
    QCOMPARE(MessageText::ftsMatchExpression(query), expected);
}

QTEST_GUILESS_MAIN(TestMessageText)
#include "tst_messagetext.moc"
