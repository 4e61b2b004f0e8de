// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestJson.h"

#include "core/net/SseParser.h"
#include "core/protocol/ConversationAccumulator.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using Tramontane::Test::fixture;
using Tramontane::Test::fixtureObject;
using Tramontane::Test::jsonObject;

namespace {

using Kind = ConversationOutput::Kind;
using State = ConversationAccumulator::State;

// Feeds \a stream, cut at \a cuts, through a parser into an accumulator.
void feedStream(ConversationAccumulator &acc, const QByteArray &stream,
                const QList<qsizetype> &cuts = {}) {
    SseParser parser;
    auto apply = [&](QByteArrayView piece) {
        for (const SseEvent &e : parser.feed(piece))
            acc.feed(
                ConversationEvent::fromJson(Tramontane::Test::parseJson(e.data).object(), e.event));
    };
    qsizetype from = 0;
    for (qsizetype cut : cuts) {
        apply(QByteArrayView(stream).sliced(from, cut - from));
        from = cut;
    }
    apply(QByteArrayView(stream).sliced(from));
}

// Everything the accumulator holds, as one comparable text.
QString snapshot(const ConversationAccumulator &acc) {
    QStringList lines{u"%1 %2 %3 %4"_s.arg(acc.conversationId())
                          .arg(int(acc.state()))
                          .arg(acc.usage().totalTokens)
                          .arg(acc.currentAgentId())};
    for (const ConversationOutput &o : acc.outputs()) {
        lines.append(u"%1|%2|%3|%4|%5|%6|%7|%8|%9"_s.arg(int(o.kind))
                         .arg(o.outputIndex)
                         .arg(o.id, o.agentId, o.name, o.arguments,
                              QString::fromUtf8(Tramontane::Test::compact(o.info)),
                              QString::fromUtf8(QJsonDocument(QJsonArray{o.content.toJson()})
                                                    .toJson(QJsonDocument::Compact)),
                              o.nextAgentName + o.toolCallId));
    }
    return lines.join(u'\n');
}

} // namespace

class TestConversationAccumulator : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void stream_buildsOrderedOutputs();
    void everySplitPoint_givesTheSameOutputs();
    void updates_nameTheChangedRows();
    void responseError_failsAndKeepsWhatArrived();
    void cutStream_isInterruptedWithWhatArrived();
    void eventsAfterTheEnd_areIgnored();
    void eventWithoutIndex_isMatchedById();
    void loadResponse_givesTheSameRowsAsAStream();
};

void TestConversationAccumulator::stream_buildsOrderedOutputs() {
    ConversationAccumulator acc;
    feedStream(acc, fixture(u"conversation-stream.sse"_s));
    QCOMPARE(acc.state(), State::Done);
    QCOMPARE(acc.conversationId(), u"conv_0a1b2c3d4e5f"_s);
    QCOMPARE(acc.usage().totalTokens, 18892);
    QCOMPARE(acc.usage().raw.value("connectors"_L1).toObject().value("web_search"_L1).toInt(), 1);
    QCOMPARE(acc.eventCount(), 14); // the unknown event is not counted
    QCOMPARE(acc.outputs().size(), 4);

    const ConversationOutput &handoff = acc.outputs().at(0);
    QCOMPARE(handoff.kind, Kind::Handoff);
    QCOMPARE(handoff.previousAgentName, u"Front desk"_s);
    QCOMPARE(handoff.nextAgentId, u"ag_research"_s);
    QCOMPARE(handoff.nextAgentName, u"Researcher"_s);
    QVERIFY(handoff.finished);
    QCOMPARE(acc.currentAgentId(), u"ag_research"_s);

    const ConversationOutput &search = acc.outputs().at(1);
    QCOMPARE(search.kind, Kind::ToolExecution);
    QCOMPARE(search.name, u"web_search"_s);
    QCOMPARE(search.arguments, uR"({"query":"tramontane wind"})"_s);
    QCOMPARE(search.info.value("results"_L1).toInt(), 2);
    QVERIFY(search.finished);

    const ConversationOutput &message = acc.outputs().at(2);
    QCOMPARE(message.kind, Kind::Message);
    QCOMPARE(message.agentId, u"ag_research"_s);
    QCOMPARE(message.model, u"mistral-medium-latest"_s);
    QCOMPARE(message.text(), u"The tramontane is a wind — très froid. See the source."_s);
    QCOMPARE(message.references().size(), 1);
    QCOMPARE(message.references().at(0).title, u"Tramontane (wind)"_s);
    // The citation stays where it was cited: text, reference, text.
    QCOMPARE(message.content.chunks().size(), 3);
    QCOMPARE(message.content.chunks().at(1).type, ContentChunk::Type::ToolReference);

    const ConversationOutput &call = acc.outputs().at(3);
    QCOMPARE(call.kind, Kind::FunctionCall);
    QCOMPARE(call.name, u"send_email"_s);
    QCOMPARE(call.toolCallId, u"call_abc123"_s);
    QCOMPARE(call.arguments, uR"({"to":"ops@example.org"})"_s);
    QCOMPARE(call.confirmationStatus, std::optional(u"pending"_s));

    QCOMPARE(acc.text(), message.text());
}

void TestConversationAccumulator::everySplitPoint_givesTheSameOutputs() {
    const QByteArray stream = fixture(u"conversation-stream.sse"_s);
    ConversationAccumulator whole;
    feedStream(whole, stream);
    const QString expected = snapshot(whole);
    for (qsizetype cut = 1; cut < stream.size(); ++cut) {
        ConversationAccumulator acc;
        feedStream(acc, stream, {cut});
        if (snapshot(acc) != expected)
            QFAIL(qPrintable(u"split at byte %1 differs:\n%2"_s.arg(cut).arg(snapshot(acc))));
    }
    // And the same with CRLF line ends, cut into three pieces.
    QByteArray crlf = stream;
    crlf.replace("\n", "\r\n");
    for (qsizetype cut = 1; cut + 7 < crlf.size(); cut += 7) {
        ConversationAccumulator acc;
        feedStream(acc, crlf, {cut, cut + 7});
        QCOMPARE(snapshot(acc), expected);
    }
}

void TestConversationAccumulator::updates_nameTheChangedRows() {
    ConversationAccumulator acc;
    ConversationUpdate u = acc.feed(ConversationEvent::fromJson(jsonObject(
        R"({"type":"tool.execution.started","output_index":0,"id":"t","name":"web_search","arguments":""})")));
    QVERIFY(u.accepted);
    QCOMPARE(u.previousCount, 0);
    QCOMPARE(u.changed, QList<qsizetype>{0});
    u = acc.feed(ConversationEvent::fromJson(jsonObject(
        R"({"type":"message.output.delta","output_index":1,"id":"m","content_index":0,"role":"assistant","content":"Hi"})")));
    QCOMPARE(u.previousCount, 1);
    QCOMPARE(u.changed, QList<qsizetype>{1});
    u = acc.feed(ConversationEvent::fromJson(jsonObject(
        R"({"type":"tool.execution.done","output_index":0,"id":"t","name":"web_search","info":{}})")));
    QCOMPARE(u.changed, QList<qsizetype>{0});
    QVERIFY(acc.outputs().at(0).finished);
    u = acc.feed(ConversationEvent::fromJson(jsonObject(R"({"type":"some.new.event"})")));
    QVERIFY(!u.accepted);
}

void TestConversationAccumulator::responseError_failsAndKeepsWhatArrived() {
    ConversationAccumulator acc;
    acc.feed(ConversationEvent::fromJson(jsonObject(
        R"({"type":"message.output.delta","output_index":0,"id":"m","content_index":0,"role":"assistant","content":"Partial"})")));
    const ConversationUpdate u = acc.feed(ConversationEvent::fromJson(jsonObject(
        R"({"type":"conversation.response.error","message":"Tool crashed","code":3000})")));
    QVERIFY(u.accepted);
    QCOMPARE(acc.state(), State::Failed);
    QCOMPARE(acc.errorMessage(), u"Tool crashed"_s);
    QCOMPARE(acc.errorCode(), 3000);
    QCOMPARE(acc.outputs().size(), 1);
    QCOMPARE(acc.outputs().at(0).text(), u"Partial"_s);
    acc.markEnded();
    QCOMPARE(acc.state(), State::Failed); // an error stays an error
}

void TestConversationAccumulator::cutStream_isInterruptedWithWhatArrived() {
    const QByteArray stream = fixture(u"conversation-stream.sse"_s);
    const qsizetype cut = stream.indexOf("See the source");
    QVERIFY(cut > 0);
    ConversationAccumulator acc;
    feedStream(acc, stream.left(cut));
    QCOMPARE(acc.state(), State::Streaming);
    acc.markEnded();
    QCOMPARE(acc.state(), State::Interrupted);
    QCOMPARE(acc.outputs().size(), 3);
    // The event cut in half is not applied; the ones before it are.
    QCOMPARE(acc.outputs().at(2).text(), u"The tramontane is a wind — très froid."_s);
    QCOMPARE(acc.outputs().at(2).references().size(), 1);
    acc.markFailed(u"late"_s);
    QCOMPARE(acc.state(), State::Interrupted);
}

void TestConversationAccumulator::eventsAfterTheEnd_areIgnored() {
    ConversationAccumulator acc;
    acc.feed(ConversationEvent::fromJson(
        jsonObject(R"({"type":"conversation.response.done","usage":{"total_tokens":3}})")));
    QCOMPARE(acc.state(), State::Done);
    const ConversationUpdate u = acc.feed(ConversationEvent::fromJson(jsonObject(
        R"({"type":"message.output.delta","output_index":0,"id":"m","content":"late"})")));
    QVERIFY(!u.accepted);
    QVERIFY(acc.outputs().isEmpty());
    acc.markFailed(u"late"_s);
    QCOMPARE(acc.state(), State::Done);
}

void TestConversationAccumulator::eventWithoutIndex_isMatchedById() {
    ConversationAccumulator acc;
    for (const char *piece : {"Hel", "lo"}) {
        QJsonObject e =
            jsonObject(R"({"type":"message.output.delta","id":"m1","role":"assistant"})");
        e.insert("content"_L1, QString::fromLatin1(piece));
        acc.feed(ConversationEvent::fromJson(e));
    }
    QCOMPARE(acc.outputs().size(), 1);
    QCOMPARE(acc.outputs().at(0).text(), u"Hello"_s);
}

void TestConversationAccumulator::loadResponse_givesTheSameRowsAsAStream() {
    ConversationAccumulator acc;
    acc.loadResponse(
        ConversationResponse::fromJson(fixtureObject(u"conversation-response.json"_s)));
    QCOMPARE(acc.state(), State::Done);
    QCOMPARE(acc.conversationId(), u"conv_0a1b2c3d4e5f"_s);
    QCOMPARE(acc.usage().totalTokens, 292);
    QCOMPARE(acc.currentAgentId(), u"ag_research"_s);
    const QList<Kind> kinds{Kind::Handoff, Kind::ToolExecution, Kind::FunctionCall,
                            Kind::Message, Kind::Message,       Kind::Unknown};
    QCOMPARE(acc.outputs().size(), kinds.size());
    for (qsizetype i = 0; i < kinds.size(); ++i) {
        QCOMPARE(acc.outputs().at(i).kind, kinds.at(i));
        QCOMPARE(acc.outputs().at(i).outputIndex, int(i));
    }
    QVERIFY(acc.outputs().at(1).finished);
    QCOMPARE(acc.outputs().at(1).info.value("code"_L1).toString(), u"print(6*7)"_s);
    QCOMPARE(acc.outputs().at(3).references().size(), 1);
    QCOMPARE(acc.outputs().at(5).raw.value("type"_L1).toString(), u"reasoning.summary"_s);
}

QTEST_GUILESS_MAIN(TestConversationAccumulator)
#include "tst_conversationaccumulator.moc"
