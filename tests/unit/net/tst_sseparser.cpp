// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/SseParser.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using Tramontane::SseEvent;
using Tramontane::SseParser;

Q_DECLARE_METATYPE(QList<SseEvent>)
Q_DECLARE_METATYPE(SseParser::Error)

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

struct Outcome {
    QList<SseEvent> events;
    SseParser::Error error = SseParser::Error::None;
};

// Feeds \a stream cut at \a cuts to a parser with small limits.
Outcome parseLimited(const QByteArray &stream, const QList<qsizetype> &cuts, qsizetype maxLine,
                     qsizetype maxEvent) {
    SseParser parser;
    parser.setLimits(maxLine, maxEvent);
    Outcome out;
    qsizetype from = 0;
    for (qsizetype cut : cuts) {
        out.events += parser.feed(QByteArrayView(stream).sliced(from, cut - from));
        from = cut;
    }
    out.events += parser.feed(QByteArrayView(stream).sliced(from));
    out.error = parser.error();
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
    void limits_everySplitPoint_data();
    void limits_everySplitPoint();
    void endlessLine_stopsWithBoundedMemory();
    void reset_clearsErrorKeepsLimits();
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

void TestSseParser::limits_everySplitPoint_data() {
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<qsizetype>("maxLine");
    QTest::addColumn<qsizetype>("maxEvent");
    QTest::addColumn<QList<SseEvent>>("expected");
    QTest::addColumn<SseParser::Error>("error");

    using E = SseParser::Error;
    QTest::newRow("line at the limit")
        << "data: ab\n\n"_ba << qsizetype(8) << qsizetype(100) << QList{ev("ab")} << E::None;
    QTest::newRow("line over the limit, events before kept, none after")
        << "data: a\n\ndata: 123456789\n\ndata: b\n\n"_ba << qsizetype(8) << qsizetype(100)
        << QList{ev("a")} << E::LineTooLong;
    QTest::newRow("CRLF is not counted")
        << "data: ab\r\n\r\n"_ba << qsizetype(8) << qsizetype(100) << QList{ev("ab")} << E::None;
    QTest::newRow("endless comment") << "data: a\n\n: keep-alive keep-alive"_ba << qsizetype(8)
                                     << qsizetype(100) << QList{ev("a")} << E::LineTooLong;
    QTest::newRow("unterminated line over the limit")
        << "data: 123456789"_ba << qsizetype(8) << qsizetype(100) << QList<SseEvent>{}
        << E::LineTooLong;
    QTest::newRow("event at the limit") << "data: 1234\ndata: 5678\n\n"_ba << qsizetype(100)
                                        << qsizetype(10) << QList{ev("1234\n5678")} << E::None;
    QTest::newRow("event over the limit")
        << "data: x\n\ndata: 12345\ndata: 6789\n\ndata: y\n\n"_ba << qsizetype(100) << qsizetype(10)
        << QList{ev("x")} << E::EventTooLarge;
    QTest::newRow("many short lines over the event limit")
        << "data: 1\ndata: 2\ndata: 3\ndata: 4\ndata: 5\ndata: 6\n\n"_ba << qsizetype(100)
        << qsizetype(10) << QList<SseEvent>{} << E::EventTooLarge;
    QTest::newRow("limits are per event")
        << "data: 12345678\n\ndata: 12345678\n\n"_ba << qsizetype(100) << qsizetype(10)
        << QList{ev("12345678"), ev("12345678")} << E::None;
}

void TestSseParser::limits_everySplitPoint() {
    QFETCH(QByteArray, stream);
    QFETCH(qsizetype, maxLine);
    QFETCH(qsizetype, maxEvent);
    QFETCH(QList<SseEvent>, expected);
    QFETCH(SseParser::Error, error);
    for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
        const Outcome got = parseLimited(stream, {cut}, maxLine, maxEvent);
        if (got.events != expected || got.error != error)
            QFAIL(qPrintable(u"differs when cut at byte %1"_s.arg(cut)));
    }
    // And one byte at a time.
    QList<qsizetype> everyByte;
    for (qsizetype i = 1; i < stream.size(); ++i)
        everyByte.append(i);
    const Outcome got = parseLimited(stream, everyByte, maxLine, maxEvent);
    QCOMPARE(got.events, expected);
    QCOMPARE(got.error, error);
}

void TestSseParser::endlessLine_stopsWithBoundedMemory() {
    // A data line that never ends, 64 kB at a time, with the default limits.
    SseParser parser;
    QVERIFY(parser.feed("data: {\"a\":1}\n\ndata: ").size() == 1);
    const QByteArray piece(64 * 1024, 'x');
    qint64 fed = 0;
    while (!parser.hasError() && fed < 4 * SseParser::kDefaultMaxLineSize) {
        QVERIFY(parser.feed(piece).isEmpty());
        fed += piece.size();
    }
    QCOMPARE(parser.error(), SseParser::Error::LineTooLong);
    QVERIFY(fed <= SseParser::kDefaultMaxLineSize + piece.size());
    QVERIFY(!parser.hasPartialEvent());
    QVERIFY(!parser.errorString().isEmpty());
    QVERIFY(parser.feed("\n\ndata: b\n\n").isEmpty()); // stays stopped
}

void TestSseParser::reset_clearsErrorKeepsLimits() {
    SseParser parser;
    parser.setLimits(4, 8);
    QVERIFY(parser.feed("data: long\n\n").isEmpty());
    QVERIFY(parser.hasError());
    parser.reset();
    QVERIFY(!parser.hasError());
    QCOMPARE(parser.maxLineSize(), qsizetype(4));
    QCOMPARE(parser.maxEventSize(), qsizetype(8));
    QCOMPARE(parser.feed("data\n\n").size(), 1);
}

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
