// SPDX-License-Identifier: GPL-3.0-or-later
// decodeChunk() is a fast path in front of QJsonDocument + StreamAccumulator::feed(QJsonObject):
// every event it accepts must leave the accumulator exactly as the slow path does.
#include "core/protocol/ChunkDecoder.h"
#include "core/protocol/StreamAccumulator.h"

#include "TestJson.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

QList<QByteArray> dataLines(const QByteArray &sse) {
    QList<QByteArray> result;
    const QList<QByteArray> lines = sse.split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("data:") && line.mid(5).trimmed() != "[DONE]")
            result.append(line.mid(5).trimmed());
    }
    return result;
}

bool sameChange(const StreamChange &a, const StreamChange &b) {
    return a.choice == b.choice && a.message == b.message && a.messageStarted == b.messageStarted
           && a.textAppended == b.textAppended && a.contentChanged == b.contentChanged
           && a.toolCallsChanged == b.toolCallsChanged && a.finishReason == b.finishReason;
}

bool sameUpdate(const StreamUpdate &a, const StreamUpdate &b) {
    if (a.accepted != b.accepted || a.usageChanged != b.usageChanged
        || a.changes.size() != b.changes.size())
        return false;
    for (qsizetype i = 0; i < a.changes.size(); ++i) {
        if (!sameChange(a.changes.at(i), b.changes.at(i)))
            return false;
    }
    return true;
}

bool sameCompletion(const ChatCompletion &a, const ChatCompletion &b) {
    if (!(a == b) || a.object != b.object || a.id != b.id || a.model != b.model
        || a.created != b.created || a.choices.size() != b.choices.size())
        return false;
    for (qsizetype c = 0; c < a.choices.size(); ++c) {
        const Choice &ca = a.choices.at(c);
        const Choice &cb = b.choices.at(c);
        if (ca.index != cb.index || ca.finishReason != cb.finishReason || ca.multi != cb.multi
            || ca.messages.size() != cb.messages.size())
            return false;
        for (qsizetype m = 0; m < ca.messages.size(); ++m) {
            if (!(ca.messages.at(m) == cb.messages.at(m))
                || !(ca.messages.at(m).content == cb.messages.at(m).content)
                || ca.messages.at(m).role != cb.messages.at(m).role)
                return false;
        }
    }
    return true;
}

struct Outcome {
    int fastEvents = 0; //!< Events the decoder accepted.
    QString mismatch;   //!< Empty when both paths agreed on every event.
};

// Plays the events through the slow path and through decoder-then-slow-path, side by side.
Outcome playBoth(const QList<QByteArray> &events) {
    Outcome outcome;
    StreamAccumulator slow;
    StreamAccumulator fast;
    DecodedChunk decoded;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const QByteArray &data = events.at(i);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(data, &error);
        const bool slowTakes = error.error == QJsonParseError::NoError && doc.isObject()
                               && !doc.object().contains("error"_L1);
        const StreamUpdate slowUpdate = slowTakes ? slow.feed(doc.object()) : StreamUpdate();
        StreamUpdate fastUpdate;
        if (decodeChunk(data, &decoded)) {
            ++outcome.fastEvents;
            if (!slowTakes) {
                outcome.mismatch = u"event %1 accepted, QJsonDocument refuses it"_s.arg(i);
                return outcome;
            }
            fastUpdate = fast.feed(decoded);
        } else if (slowTakes) {
            fastUpdate = fast.feed(doc.object());
        }
        if (!sameUpdate(slowUpdate, fastUpdate)) {
            outcome.mismatch = u"event %1: different updates"_s.arg(i);
            return outcome;
        }
        if (!sameCompletion(slow.completion(), fast.completion())
            || slow.chunkCount() != fast.chunkCount()) {
            outcome.mismatch = u"event %1: different completions"_s.arg(i);
            return outcome;
        }
    }
    return outcome;
}

QByteArray head(const QByteArray &extra = {}) {
    return R"({"id":"c1","object":"chat.completion.chunk","created":17,"model":"m",)" + extra;
}

QByteArray deltaEvent(const QByteArray &delta, const QByteArray &finish = "null") {
    return head() + R"("choices":[{"index":0,"delta":)" + delta + R"(,"finish_reason":)" + finish
           + "}]}";
}

} // namespace

class TestChunkDecoder : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fixtures_matchTheSlowPath_data();
    void fixtures_matchTheSlowPath();
    void variations_matchTheSlowPath_data();
    void variations_matchTheSlowPath();
    void strings_decodeLikeQJsonDocument_data();
    void strings_decodeLikeQJsonDocument();
    void unusualShapes_goTheSlowWay_data();
    void unusualShapes_goTheSlowWay();
};

void TestChunkDecoder::fixtures_matchTheSlowPath_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("fastEvents");
    // The plain fixture ends with a usage chunk (slow way); the multi one uses delta.index.
    QTest::newRow("plain") << u"stream-plain.sse"_s << 2;
    QTest::newRow("multi") << u"stream-multi.sse"_s << -1;
}

void TestChunkDecoder::fixtures_matchTheSlowPath() {
    QFETCH(QString, file);
    QFETCH(int, fastEvents);
    const QList<QByteArray> events = dataLines(Test::fixture(file));
    QVERIFY(!events.isEmpty());
    const Outcome outcome = playBoth(events);
    QVERIFY2(outcome.mismatch.isEmpty(), qPrintable(outcome.mismatch));
    if (fastEvents >= 0)
        QCOMPARE(outcome.fastEvents, fastEvents);
}

void TestChunkDecoder::variations_matchTheSlowPath_data() {
    QTest::addColumn<QList<QByteArray>>("events");
    QTest::addColumn<int>("fastEvents");
    const QByteArray first = deltaEvent(R"({"role":"assistant","content":""})");
    auto row = [&](const char *name, QList<QByteArray> rest, int fast) {
        rest.prepend(first);
        QTest::newRow(name) << rest << fast + 1;
    };
    row("escapes", {deltaEvent(R"({"content":"a\nb\"c\\d\/e\tf\rg\bh\fi"})")}, 1);
    row("unicode escapes",
        {deltaEvent(R"({"content":"caf\u00e9 \u00E9 \ud83d\ude00 \u0000 \u20ac"})")}, 1);
    row("raw utf-8", {deltaEvent("{\"content\":\"caf\xc3\xa9 \xf0\x9f\x98\x80 \xe2\x82\xac\"}")},
        1);
    row("lone high surrogate", {deltaEvent(R"({"content":"a\ud83d b"})")}, 0);
    row("lone low surrogate", {deltaEvent(R"({"content":"a\ude00"})")}, 0);
    row("reversed surrogates", {deltaEvent(R"({"content":"\ude00\ud83d"})")}, 0);
    row("invalid utf-8", {deltaEvent("{\"content\":\"a\xc3(\"}")}, 0);
    row("overlong utf-8", {deltaEvent("{\"content\":\"\xc0\xaf\"}")}, 0);
    row("encoded surrogate", {deltaEvent("{\"content\":\"\xed\xa0\x80\"}")}, 0);
    row("control character", {deltaEvent("{\"content\":\"a\x01\"}")}, 0);
    row("null content", {deltaEvent(R"({"content":null})")}, 1);
    row("null role", {deltaEvent(R"({"role":null,"content":"x"})")}, 1);
    row("empty delta", {deltaEvent(R"({})")}, 1);
    row("null delta", {deltaEvent(R"(null)")}, 1);
    row("finish", {deltaEvent(R"({"content":"end"})", R"("stop")")}, 1);
    row("null fields",
        {deltaEvent(
            R"({"content":"x","tool_calls":null,"tool_call_id":null,"index":null,"name":null,"metadata":null})")},
        1);
    row("reordered keys",
        {R"({"choices":[{"finish_reason":null,"delta":{"content":"z","role":"assistant"},"index":0}],"model":"m","created":17,"object":"chat.completion.chunk","id":"c1"})"},
        1);
    row("whitespace",
        {" \t{ \"id\" : \"c1\" ,\n\"choices\" : [ { \"index\" : 0 , \"delta\" : { \"content\" : "
         "\"w\" } } ] } \r\n"},
        1);
    row("unknown plain fields",
        {head(R"("p":"abc","x":true,"y":false,"z":null,)")
         + R"("choices":[{"index":0,"logprobs":null,"delta":{"content":"q","prefix":false}}]})"},
        1);
    row("unknown number field", {head(R"("n":1.5,)") + R"("choices":[]})"}, 0);
    row("unknown nested field", {head(R"("o":{"a":1},)") + R"("choices":[]})"}, 0);
    row("no choices", {R"({"id":"c1","object":"chat.completion.chunk"})"}, 0);
    row("empty choices", {head() + R"("choices":[]})"}, 1);
    row("several choices",
        {head()
             + R"("choices":[{"index":1,"delta":{"content":"b"}},{"index":0,"delta":{"content":"a"}}]})",
         head()
             + R"("choices":[{"index":1,"delta":{"role":"tool","content":"c"}},{"delta":{"content":"d"}}]})"},
        2);
    row("choice index null", {head() + R"("choices":[{"index":null,"delta":{"content":"a"}}]})"},
        0);
    row("big choice index",
        {head() + R"("choices":[{"index":1234567890,"delta":{"content":"a"}}]})"}, 0);
    row("negative index", {head() + R"("choices":[{"index":-1,"delta":{"content":"a"}}]})"}, 0);
    row("fractional index", {head() + R"("choices":[{"index":0.0,"delta":{"content":"a"}}]})"}, 0);
    row("leading zero", {head() + R"("choices":[{"index":01,"delta":{"content":"a"}}]})"}, 0);
    row("duplicate key", {deltaEvent(R"({"content":"a","content":"b"})")}, 0);
    row("escaped key", {deltaEvent(R"({"con\u0074ent":"a"})")}, 0);
    row("content array", {deltaEvent(R"({"content":[{"type":"text","text":"a"}]})")}, 0);
    row("tool calls",
        {deltaEvent(
            R"({"tool_calls":[{"id":"t1","index":0,"function":{"name":"f","arguments":"{}"}}]})")},
        0);
    row("message index",
        {deltaEvent(R"({"index":1,"role":"tool","content":"a"})"),
         deltaEvent(R"({"content":"after"})")},
        1);
    row("usage",
        {head()
         + R"("choices":[],"usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3}})"},
        0);
    row("usage null", {head() + R"("choices":[],"usage":null})"}, 1);
    row("error field", {head() + R"("choices":[],"error":null})"}, 0);
    row("type field", {head() + R"("choices":[],"type":"x"})"}, 0);
    row("trailing garbage", {deltaEvent(R"({"content":"a"})") + "x"}, 0);
    row("truncated", {deltaEvent(R"({"content":"a"})").chopped(2)}, 0);
    row("bad literal", {head() + R"("x":nul,"choices":[]})"}, 0);
    row("trailing comma", {head() + R"("choices":[],})"}, 0);
    row("big created", {R"({"id":"c1","created":1234567890123456789,"choices":[]})"}, 0);
}

void TestChunkDecoder::variations_matchTheSlowPath() {
    QFETCH(QList<QByteArray>, events);
    QFETCH(int, fastEvents);
    const Outcome outcome = playBoth(events);
    QVERIFY2(outcome.mismatch.isEmpty(), qPrintable(outcome.mismatch));
    QCOMPARE(outcome.fastEvents, fastEvents);
}

void TestChunkDecoder::strings_decodeLikeQJsonDocument_data() {
    QTest::addColumn<QByteArray>("literal");
    QTest::newRow("ascii") << QByteArray(R"("plain text")");
    QTest::newRow("empty") << QByteArray(R"("")");
    QTest::newRow("escapes") << QByteArray(R"("\"\\\/\b\f\n\r\t")");
    QTest::newRow("bmp") << QByteArray(R"("\u00e9\u4e2d\uFFFD\uffff")");
    QTest::newRow("pair") << QByteArray(R"("x\ud83d\ude00y\uD83D\uDE00")");
    QTest::newRow("nul") << QByteArray(R"("\u0000")");
    QTest::newRow("raw") << QByteArray("\"\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80\xef\xbf\xbf\"");
    QTest::newRow("mixed") << QByteArray("\"\xc3\xa9\\n\xf4\x8f\xbf\xbf\\u00e9\"");
}

void TestChunkDecoder::strings_decodeLikeQJsonDocument() {
    QFETCH(QByteArray, literal);
    const QByteArray json = R"({"choices":[{"delta":{"content":)" + literal + "}}]}";
    DecodedChunk decoded;
    QVERIFY(decodeChunk(json, &decoded));
    QCOMPARE(decoded.choices.size(), 1);
    const QString expected = QJsonDocument::fromJson(json)
                                 .object()
                                 .value("choices"_L1)
                                 .toArray()
                                 .at(0)
                                 .toObject()
                                 .value("delta"_L1)
                                 .toObject()
                                 .value("content"_L1)
                                 .toString();
    QCOMPARE(decoded.choices.at(0).content.toString(), expected);
}

void TestChunkDecoder::unusualShapes_goTheSlowWay_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("array") << QByteArray("[]");
    QTest::newRow("empty") << QByteArray("");
    QTest::newRow("string") << QByteArray(R"("x")");
    QTest::newRow("choices not array") << QByteArray(R"({"choices":{}})");
    QTest::newRow("choice not object") << QByteArray(R"({"choices":[1]})");
    QTest::newRow("delta string") << QByteArray(R"({"choices":[{"delta":"x"}]})");
    QTest::newRow("role number") << QByteArray(R"({"choices":[{"delta":{"role":1}}]})");
    QTest::newRow("id number") << QByteArray(R"({"id":1,"choices":[]})");
    QTest::newRow("bad escape") << QByteArray(R"({"choices":[{"delta":{"content":"\x"}}]})");
    QTest::newRow("short unicode") << QByteArray(R"({"choices":[{"delta":{"content":"\u12"}}]})");
}

void TestChunkDecoder::unusualShapes_goTheSlowWay() {
    QFETCH(QByteArray, json);
    DecodedChunk decoded;
    QVERIFY(!decodeChunk(json, &decoded));
}

QTEST_GUILESS_MAIN(TestChunkDecoder)
#include "tst_chunkdecoder.moc"
