// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/SseParser.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using Tramontane::SseEvent;
using Tramontane::SseParser;

Q_DECLARE_METATYPE(QList<SseEvent>)

namespace {

SseEvent ev(QByteArray data, QByteArray event = {}, QByteArray id = {},
            std::optional<int> retry = std::nullopt) {
    return SseEvent{std::move(event), std::move(data), std::move(id), retry};
}

QList<SseEvent> parseWhole(const QByteArray &stream) {
    SseParser parser;
    return parser.feed(stream);
}

QList<SseEvent> parseInPieces(const QByteArray &stream, const QList<qsizetype> &cuts) {
    SseParser parser;
    QList<SseEvent> out;
    qsizetype from = 0;
    for (qsizetype cut : cuts) {
        out += parser.feed(QByteArrayView(stream).sliced(from, cut - from));
        from = cut;
    }
    out += parser.feed(QByteArrayView(stream).sliced(from));
    return out;
}

} // namespace

class TestSseParser : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void feed_data();
    void feed();
    void everySplitPoint_givesSameEvents_data() { feed_data(); }
    void everySplitPoint_givesSameEvents();
    void randomMultiSplits_giveSameEvents_data() { feed_data(); }
    void randomMultiSplits_giveSameEvents();
    void splitInsideUtf8_keepsBytesIntact();
    void unterminatedEvent_isPartialNotDispatched();
    void completedEvent_isNotPartial();
    void longEventInTinyPieces_isLinear();
    void done_isRecognised();
};

void TestSseParser::feed_data() {
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QList<SseEvent>>("expected");

    QTest::newRow("single LF event") << "data: {\"a\":1}\n\n"_ba << QList{ev("{\"a\":1}")};
    QTest::newRow("CRLF") << "data: x\r\n\r\ndata: y\r\n\r\n"_ba << QList{ev("x"), ev("y")};
    QTest::newRow("CR only") << "data: x\r\rdata: y\r\r"_ba << QList{ev("x"), ev("y")};
    QTest::newRow("mixed endings")
        << "data: a\r\ndata: b\rdata: c\n\r\n"_ba << QList{ev("a\nb\nc")};
    QTest::newRow("multi-line data") << "data: one\ndata: two\n\n"_ba << QList{ev("one\ntwo")};
    QTest::newRow("no space after colon") << "data:x\n\n"_ba << QList{ev("x")};
    QTest::newRow("only first space stripped") << "data:  x\n\n"_ba << QList{ev(" x")};
    QTest::newRow("field without colon") << "data\n\n"_ba << QList{ev("")};
    QTest::newRow("empty data dispatched") << "data:\n\n"_ba << QList{ev("")};
    QTest::newRow("comment ignored") << ": keep-alive\ndata: x\n\n"_ba << QList{ev("x")};
    QTest::newRow("comment-only block not dispatched")
        << ": ping\n\ndata: x\n\n"_ba << QList{ev("x")};
    QTest::newRow("event field") << "event: message\ndata: {}\n\n"_ba << QList{ev("{}", "message")};
    QTest::newRow("event type resets")
        << "event: a\ndata: 1\n\ndata: 2\n\n"_ba << QList{ev("1", "a"), ev("2")};
    QTest::newRow("event without data not dispatched")
        << "event: a\n\ndata: 2\n\n"_ba << QList{ev("2")};
    QTest::newRow("id carries over")
        << "id: 7\ndata: a\n\ndata: b\n\n"_ba << QList{ev("a", {}, "7"), ev("b", {}, "7")};
    QTest::newRow("id with NUL ignored") << "id: 1\ndata: a\n\nid: 2\0x\ndata: b\n\n"_ba
                                         << QList{ev("a", {}, "1"), ev("b", {}, "1")};
    QTest::newRow("retry digits") << "retry: 1500\ndata: a\n\n"_ba << QList{ev("a", {}, {}, 1500)};
    QTest::newRow("retry not digits ignored") << "retry: 15x\ndata: a\n\n"_ba << QList{ev("a")};
    QTest::newRow("unknown field ignored") << "foo: bar\ndata: a\n\n"_ba << QList{ev("a")};
    QTest::newRow("leading BOM skipped") << "\xEF\xBB\xBF"
                                            "data: a\n\n"_ba
                                         << QList{ev("a")};
    QTest::newRow("second BOM is data") << "\xEF\xBB\xBF\xEF\xBB\xBF"
                                           "data: a\n\n"_ba
                                        << QList<SseEvent>{};
    QTest::newRow("trailing partial dropped") << "data: a\n\ndata: b\n"_ba << QList{ev("a")};
    QTest::newRow("mistral chunk then done")
        << "data: {\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}\n\ndata: [DONE]\n\n"_ba
        << QList{ev("{\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}"), ev("[DONE]")};
    QTest::newRow("mcp message event")
        << "event: message\r\nid: s-1\r\ndata: {\"jsonrpc\":\"2.0\"}\r\n\r\n"_ba
        << QList{ev("{\"jsonrpc\":\"2.0\"}", "message", "s-1")};
}

void TestSseParser::feed() {
    QFETCH(QByteArray, stream);
    QFETCH(QList<SseEvent>, expected);
    QCOMPARE(parseWhole(stream), expected);
}

void TestSseParser::everySplitPoint_givesSameEvents() {
    QFETCH(QByteArray, stream);
    QFETCH(QList<SseEvent>, expected);
    for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
        const auto got = parseInPieces(stream, {cut});
        if (got != expected)
            QFAIL(qPrintable(u"differs when cut at byte %1"_s.arg(cut)));
    }
}

void TestSseParser::randomMultiSplits_giveSameEvents() {
    QFETCH(QByteArray, stream);
    QFETCH(QList<SseEvent>, expected);
    QRandomGenerator rng(1234);
    for (int round = 0; round < 200; ++round) {
        QList<qsizetype> cuts;
        qsizetype at = 0;
        while (true) {
            at += rng.bounded(1, 5);
            if (at >= stream.size())
                break;
            cuts.append(at);
        }
        QCOMPARE(parseInPieces(stream, cuts), expected);
    }
}

void TestSseParser::splitInsideUtf8_keepsBytesIntact() {
    const QByteArray text = u"data: {\"content\":\"héllo — 世界 🌍\"}\n\n"_s.toUtf8();
    for (qsizetype cut = 0; cut <= text.size(); ++cut) {
        const auto events = parseInPieces(text, {cut});
        QCOMPARE(events.size(), 1);
        QCOMPARE(QString::fromUtf8(events.first().data), u"{\"content\":\"héllo — 世界 🌍\"}"_s);
    }
}

void TestSseParser::unterminatedEvent_isPartialNotDispatched() {
    SseParser parser;
    QVERIFY(parser.feed("data: {\"a\":").isEmpty());
    QVERIFY(parser.hasPartialEvent());
    QVERIFY(parser.feed("1}\n").isEmpty());
    QVERIFY(parser.hasPartialEvent()); // a whole line, but no blank line yet
}

void TestSseParser::completedEvent_isNotPartial() {
    SseParser parser;
    QCOMPARE(parser.feed(": hello\ndata: a\n\n").size(), 1);
    QVERIFY(!parser.hasPartialEvent());
    QCOMPARE(parser.bytesFed(), qint64(17));
}

void TestSseParser::longEventInTinyPieces_isLinear() {
    // A 4 MB event fed 7 bytes at a time must not rescan what it already scanned.
    QByteArray payload(4 * 1024 * 1024, 'x');
    const QByteArray stream = "data: " + payload + "\n\n";
    SseParser parser;
    QList<SseEvent> events;
    for (qsizetype i = 0; i < stream.size(); i += 7)
        events +=
            parser.feed(QByteArrayView(stream).sliced(i, qMin<qsizetype>(7, stream.size() - i)));
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().data.size(), payload.size());
}

void TestSseParser::done_isRecognised() {
    const auto events = parseWhole("data: [DONE]\n\ndata: [DONE] \n\n");
    QCOMPARE(events.size(), 2);
    QVERIFY(events.at(0).isDone());
    QVERIFY(!events.at(1).isDone());
}

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
