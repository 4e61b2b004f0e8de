// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/StreamAccumulator.h"

#include "TestJson.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using Tramontane::Test::fixture;
using Tramontane::Test::fixtureObject;
using Tramontane::Test::jsonObject;

namespace {

// The payloads of the `data:` lines of a recorded stream (SSE parsing proper is not what is
// under test here; the fixtures put each event on one line).
QList<QByteArray> dataLines(const QByteArray &sse) {
    QList<QByteArray> result;
    const QList<QByteArray> lines = sse.split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("data:"))
            result.append(line.mid(5).trimmed());
    }
    return result;
}

// Feeds a recorded stream; stops before [DONE] when `withDone` is false.
QList<StreamUpdate> play(StreamAccumulator &accumulator, const QByteArray &sse, bool withDone) {
    QList<StreamUpdate> updates;
    const QList<QByteArray> payloads = dataLines(sse);
    for (const QByteArray &payload : payloads) {
        if (payload == "[DONE]") {
            if (withDone)
                accumulator.markDone();
            break;
        }
        updates.append(accumulator.feed(Test::parseJson(payload).object()));
    }
    accumulator.markEnded();
    return updates;
}

QJsonObject chunk(const QByteArray &choices, const QByteArray &extra = {}) {
    QByteArray text = R"({"id":"c1","object":"chat.completion.chunk","created":1,"model":"m",)"
                      R"("choices":)"
                      + choices;
    if (!extra.isEmpty())
        text += ',' + extra;
    text += '}';
    return jsonObject(text);
}

} // namespace

class TestStreamAccumulator : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void recordedStream_rebuildsTheCompletion_data();
    void recordedStream_rebuildsTheCompletion();
    void plainStream_reportsEachChange();
    void multiStream_reportsMessageStarts();
    void toolCallFragments_mergeByIndex();
    void chunkArrays_mergeTextAndThinking();
    void deltaIndex_keepsMessagesInOrder();
    void usage_isSummedPerChunkId();
    void withoutDone_isInterrupted();
    void done_ignoresLaterChunks();
    void malformedChunks_areNotAccepted();
    void severalChoices_areKeptApart();
};

void TestStreamAccumulator::recordedStream_rebuildsTheCompletion_data() {
    QTest::addColumn<QString>("stream");
    QTest::addColumn<QString>("completion");

    QTest::newRow("plain") << u"stream-plain.sse"_s << u"completion-plain.json"_s;
    QTest::newRow("multi-message with image")
        << u"stream-multi.sse"_s << u"completion-multi.json"_s;
}

void TestStreamAccumulator::recordedStream_rebuildsTheCompletion() {
    QFETCH(QString, stream);
    QFETCH(QString, completion);

    StreamAccumulator accumulator;
    const QList<StreamUpdate> updates = play(accumulator, fixture(stream), true);
    QVERIFY(!updates.isEmpty());
    for (const StreamUpdate &update : updates)
        QVERIFY(update.accepted);
    QVERIFY(accumulator.isDone());
    QVERIFY(!accumulator.isInterrupted());

    const ChatCompletion expected = ChatCompletion::fromJson(fixtureObject(completion));
    COMPARE_JSON(accumulator.completion().toJson(), expected.toJson());
    QCOMPARE(accumulator.completion(), expected);
}

void TestStreamAccumulator::plainStream_reportsEachChange() {
    StreamAccumulator accumulator;
    const QList<StreamUpdate> updates = play(accumulator, fixture(u"stream-plain.sse"_s), true);
    QCOMPARE(updates.size(), 3);
    QCOMPARE(accumulator.chunkCount(), 3);

    QCOMPARE(updates.at(0).changes.size(), 1);
    QVERIFY(updates.at(0).changes.first().messageStarted);
    QCOMPARE(updates.at(0).changes.first().message, 0);
    QVERIFY(updates.at(0).changes.first().textAppended.isEmpty());

    QVERIFY(!updates.at(1).changes.first().messageStarted);
    QCOMPARE(updates.at(1).changes.first().textAppended, u"1, 2"_s);
    QVERIFY(updates.at(1).changes.first().contentChanged);
    QVERIFY(!updates.at(1).usageChanged);

    QCOMPARE(updates.at(2).changes.first().textAppended, u", 3"_s);
    QCOMPARE(updates.at(2).changes.first().finishReason, u"stop"_s);
    QVERIFY(updates.at(2).usageChanged);
    QVERIFY(!updates.at(2).changes.first().toolCallsChanged);
}

void TestStreamAccumulator::multiStream_reportsMessageStarts() {
    StreamAccumulator accumulator;
    const QList<StreamUpdate> updates = play(accumulator, fixture(u"stream-multi.sse"_s), true);
    QCOMPARE(updates.size(), 8);

    QList<qsizetype> started;
    QString answerText;
    for (const StreamUpdate &update : updates) {
        const StreamChange &change = update.changes.first();
        if (change.messageStarted)
            started.append(change.message);
        if (change.message == 2)
            answerText += change.textAppended;
    }
    QCOMPARE(started, (QList<qsizetype>{0, 1, 2}));
    QCOMPARE(answerText, u"Here is your cat."_s);
    QVERIFY(updates.at(1).changes.first().toolCallsChanged);
    QVERIFY(updates.at(7).changes.first().contentChanged);
    QVERIFY(updates.at(7).changes.first().textAppended.isEmpty());

    // An intermediate "tool_calls" finish does not end the turn; the last one wins.
    QCOMPARE(updates.at(2).changes.first().finishReason, u"tool_calls"_s);
    QCOMPARE(accumulator.completion().choices.first().finishReason, u"stop"_s);
    QVERIFY(accumulator.completion().choices.first().pendingFunctionCalls().isEmpty());
}

void TestStreamAccumulator::toolCallFragments_mergeByIndex() {
    StreamAccumulator accumulator;
    accumulator.feed(chunk(R"([{"index":0,"delta":{"role":"assistant","content":""},
        "finish_reason":null}])"));
    accumulator.feed(chunk(R"([{"index":0,"delta":{"tool_calls":[
        {"id":"call_a","type":"function","index":0,"function":{"name":"get_weather",
         "arguments":"{\"ci"}},
        {"id":"call_b","type":"function","index":1,"function":{"name":"get_time",
         "arguments":""}}]},"finish_reason":null}])"));
    const StreamUpdate update = accumulator.feed(chunk(R"([{"index":0,"delta":{"tool_calls":[
        {"index":1,"function":{"arguments":"{\"tz\":\"CET\"}"}},
        {"index":0,"id":"null","function":{"arguments":"ty\":\"Paris\"}"}}]},
        "finish_reason":null}])"));
    QVERIFY(update.changes.first().toolCallsChanged);
    QVERIFY(!update.changes.first().contentChanged);
    // A fragment with neither index nor id continues the latest call.
    accumulator.feed(chunk(R"([{"index":0,"delta":{"tool_calls":[
        {"function":{"arguments":""}}]},"finish_reason":"tool_calls"}])"));
    accumulator.markDone();

    const ChatCompletion expected = ChatCompletion::fromJson(jsonObject(R"({"id":"c1",
        "object":"chat.completion","created":1,"model":"m","choices":[{"index":0,
        "finish_reason":"tool_calls","message":{"role":"assistant","content":"","tool_calls":[
        {"id":"call_a","type":"function","index":0,"function":{"name":"get_weather",
         "arguments":"{\"city\":\"Paris\"}"}},
        {"id":"call_b","type":"function","index":1,"function":{"name":"get_time",
         "arguments":"{\"tz\":\"CET\"}"}}]}}]})"));
    COMPARE_JSON(accumulator.completion().toJson(), expected.toJson());
    QCOMPARE(accumulator.completion().choices.first().pendingFunctionCalls().size(), 2);
}

void TestStreamAccumulator::chunkArrays_mergeTextAndThinking() {
    StreamAccumulator accumulator;
    accumulator.feed(chunk(R"([{"index":0,"delta":{"role":"assistant","content":[
        {"type":"thinking","thinking":[{"type":"text","text":"Let me"}]}]},"finish_reason":null}])"));
    accumulator.feed(chunk(R"([{"index":0,"delta":{"content":[
        {"type":"thinking","thinking":[{"type":"text","text":" think."}],"closed":true}]},
        "finish_reason":null}])"));
    const StreamUpdate first = accumulator.feed(chunk(R"([{"index":0,"delta":{"content":[
        {"type":"text","text":"It is "}]},"finish_reason":null}])"));
    QCOMPARE(first.changes.first().textAppended, u"It is "_s);
    const StreamUpdate second = accumulator.feed(
        chunk(R"([{"index":0,"delta":{"content":"42."},"finish_reason":"stop"}])"));
    QCOMPARE(second.changes.first().textAppended, u"42."_s);

    const ChatMessage message = accumulator.completion().choices.first().messages.first();
    const QJsonObject actual{{"content"_L1, message.content.toJson()}};
    COMPARE_JSON(actual, jsonObject(R"({"content":[
        {"type":"thinking","thinking":[{"type":"text","text":"Let me think."}],"closed":true},
        {"type":"text","text":"It is 42."}]})"));
}

void TestStreamAccumulator::deltaIndex_keepsMessagesInOrder() {
    StreamAccumulator accumulator;
    accumulator.feed(chunk(R"([{"index":0,"delta":{"index":1,"role":"tool",
        "tool_call_id":"t1","content":"late"},"finish_reason":null}])"));
    const StreamUpdate update = accumulator.feed(chunk(R"([{"index":0,"delta":{"index":0,
        "role":"assistant","content":"early"},"finish_reason":null}])"));
    QCOMPARE(update.changes.first().message, 0);
    QVERIFY(update.changes.first().messageStarted);
    // A delta without an index continues the last message.
    accumulator.feed(chunk(R"([{"index":0,"delta":{"content":"!"},"finish_reason":null}])"));

    const Choice &choice = accumulator.completion().choices.first();
    QVERIFY(choice.multi);
    QCOMPARE(choice.messages.size(), 2);
    QCOMPARE(choice.messages.at(0).content.plainText(), u"early"_s);
    QCOMPARE(choice.messages.at(1).role, ChatMessage::Role::Tool);
    QCOMPARE(choice.messages.at(1).toolCallId, u"t1"_s);
    QCOMPARE(choice.messages.at(1).content.plainText(), u"late!"_s);
    QCOMPARE(accumulator.completion().object, u"chat.multi_completion"_s);
}

void TestStreamAccumulator::usage_isSummedPerChunkId() {
    StreamAccumulator accumulator;
    const QJsonObject first = jsonObject(R"({"id":"a","object":"chat.completion.chunk",
        "created":1,"model":"m","choices":[],
        "usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}})");
    // The same id reporting again replaces its earlier figure instead of adding to it.
    const QJsonObject again = jsonObject(R"({"id":"a","choices":[],
        "usage":{"prompt_tokens":5,"completion_tokens":5,"total_tokens":10}})");
    const QJsonObject other = jsonObject(R"({"id":"b","choices":[],
        "usage":{"prompt_tokens":7,"completion_tokens":3,"total_tokens":10,"connector_tokens":4}})");
    QVERIFY(accumulator.feed(first).usageChanged);
    accumulator.feed(again);
    accumulator.feed(other);
    const Usage usage = *accumulator.completion().usage;
    QCOMPARE(usage.promptTokens, 12);
    QCOMPARE(usage.completionTokens, 8);
    QCOMPARE(usage.totalTokens, 20);
    QCOMPARE(usage.raw.value("connector_tokens"_L1).toInt(), 4);
    QVERIFY(accumulator.completion().choices.isEmpty());
}

void TestStreamAccumulator::withoutDone_isInterrupted() {
    StreamAccumulator accumulator;
    play(accumulator, fixture(u"stream-plain.sse"_s), false);
    QVERIFY(accumulator.isInterrupted());
    QVERIFY(!accumulator.isDone());
    QCOMPARE(accumulator.state(), StreamAccumulator::State::Interrupted);
    // What arrived is still there.
    QCOMPARE(accumulator.completion().finalAnswer()->content.plainText(), u"1, 2, 3"_s);

    StreamAccumulator empty;
    empty.markEnded();
    QVERIFY(empty.isInterrupted());

    accumulator.reset();
    QCOMPARE(accumulator.state(), StreamAccumulator::State::Streaming);
    QCOMPARE(accumulator.chunkCount(), 0);
    QVERIFY(accumulator.completion().choices.isEmpty());
}

void TestStreamAccumulator::done_ignoresLaterChunks() {
    StreamAccumulator accumulator;
    accumulator.feed(chunk(R"([{"index":0,"delta":{"content":"a"},"finish_reason":"stop"}])"));
    accumulator.markDone();
    accumulator.markEnded();
    QVERIFY(accumulator.isDone());
    const StreamUpdate late =
        accumulator.feed(chunk(R"([{"index":0,"delta":{"content":"b"},"finish_reason":null}])"));
    QVERIFY(!late.accepted);
    QCOMPARE(accumulator.completion().finalAnswer()->content.plainText(), u"a"_s);
}

void TestStreamAccumulator::malformedChunks_areNotAccepted() {
    StreamAccumulator accumulator;
    QVERIFY(!accumulator.feed(jsonObject(R"({"object":"error","message":"boom"})")).accepted);
    QVERIFY(!accumulator.feed(jsonObject(R"({"choices":"x"})")).accepted);
    const StreamUpdate odd = accumulator.feed(
        chunk(R"([5,{"index":0,"delta":"x","finish_reason":7},{"index":0,"delta":{}}])"));
    QVERIFY(odd.accepted);
    QCOMPARE(odd.changes.size(), 2);
    QCOMPARE(odd.changes.first().message, -1);
    QVERIFY(accumulator.completion().choices.first().messages.isEmpty());
}

void TestStreamAccumulator::severalChoices_areKeptApart() {
    StreamAccumulator accumulator;
    accumulator.feed(chunk(R"([{"index":1,"delta":{"role":"assistant","content":"B"},
        "finish_reason":null},{"index":0,"delta":{"role":"assistant","content":"A"},
        "finish_reason":null}])"));
    const StreamUpdate update =
        accumulator.feed(chunk(R"([{"index":1,"delta":{"content":"b"},"finish_reason":"stop"}])"));
    QCOMPARE(update.changes.first().choice, 1);
    const QList<Choice> &choices = accumulator.completion().choices;
    QCOMPARE(choices.size(), 2);
    QCOMPARE(choices.at(0).index, 0);
    QCOMPARE(choices.at(0).messages.first().content.plainText(), u"A"_s);
    QCOMPARE(choices.at(1).messages.first().content.plainText(), u"Bb"_s);
    QCOMPARE(choices.at(1).finishReason, u"stop"_s);
    QVERIFY(choices.at(0).finishReason.isEmpty());
}

QTEST_GUILESS_MAIN(TestStreamAccumulator)
#include "tst_streamaccumulator.moc"
