// SPDX-License-Identifier: GPL-3.0-or-later
// StreamJob against a scripted loopback server sending server-sent events.
#include "core/net/ApiClient.h"
#include "core/net/StreamJob.h"
#include "models/ErrorPresenter.h"
#include "support/FakeHttpServer.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Tramontane::ApiClient;
using Tramontane::ApiError;
using Tramontane::ApiJob;
using Tramontane::DecodedChunk;
using Tramontane::ErrorPresenter;
using Tramontane::RetryPolicy;
using Tramontane::SseEvent;
using Tramontane::StreamJob;
using Tramontane::Test::FakeHttpServer;
using Tramontane::Test::ScriptedResponse;
using Status = ApiJob::Status;

namespace {

QByteArray chunk(const QByteArray &content, const QByteArray &finish = "null") {
    return R"(data: {"id":"c1","object":"chat.completion.chunk","model":"m","choices":[{"index":0,"delta":{"content":")"
           + content + R"("},"finish_reason":)" + finish + "}]}\n\n";
}

// The text of every delivered chunk, joined.
QString contentOf(const QList<QJsonObject> &chunks) {
    QString text;
    for (const QJsonObject &c : chunks)
        text += c["choices"_L1][0]["delta"_L1]["content"_L1].toString();
    return text;
}

struct StreamOutcome {
    int finishedCount = 0;
    Status status = Status::Pending;
    ApiError error;
    QList<QJsonObject> chunks;
    QList<SseEvent> events;
    int attempts = 0;
    int retries = 0;
    std::optional<std::chrono::milliseconds> firstByte;
};

std::shared_ptr<StreamOutcome> watch(StreamJob *job) {
    auto o = std::make_shared<StreamOutcome>();
    QObject::connect(job, &StreamJob::chunkReceived, job,
                     [o](const QJsonObject &c) { o->chunks.append(c); });
    QObject::connect(job, &StreamJob::eventReceived, job,
                     [o](const SseEvent &e) { o->events.append(e); });
    QObject::connect(job, &ApiJob::retrying, job, [o] { ++o->retries; });
    QObject::connect(job, &ApiJob::finished, job, [job, o] {
        ++o->finishedCount;
        o->status = job->status();
        o->error = job->error();
        o->attempts = job->attempts();
        o->firstByte = job->firstByteLatency();
    });
    return o;
}

} // namespace

class TestStreamJob : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void request_asksForAnEventStream();
    void chunksInPieces_thenDone_succeeds();
    void keepAliveComments_areNotEvents();
    void closedWithoutDone_isInterrupted_chunksKept();
    void cutMidChunk_isInterrupted_partialEventDropped();
    void idleMidStream_isInterrupted();
    void errorAfter200_isStreamError_data();
    void errorAfter200_isStreamError();
    void malformedChunk_isInvalidResponse_chunksKept();
    void http401BeforeStream_isParsed();
    void unavailableBeforeFirstEvent_isRetried();
    void dropAfterAnEvent_isNotRetried();
    void jsonInsteadOfStream_isInvalidResponse();
    void htmlInsteadOfStream_namesWhatCame();
    void undecodableBytes_areNoStream();
    void emptyStream_isStillInterrupted();
    void cancelFromChunkSlot_stopsAtOnce();
    void conversationMode_endsAfterDoneEvent();
    void conversationMode_eofWithoutDone_isInterrupted();
    void conversationMode_errorEvent();
    void chatChunks_decodedOrAsObjects_data();
    void chatChunks_decodedOrAsObjects();

private:
    StreamJob *startChat(StreamJob::Mode mode = StreamJob::Mode::Chat) {
        return m_client->streamPost(u"/v1/chat/completions"_s,
                                    {{"model"_L1, u"m"_s}, {"stream"_L1, true}},
                                    ApiError::Context::Chat, mode);
    }

    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<ApiClient> m_client;
};

void TestStreamJob::init() {
    m_server = std::make_unique<FakeHttpServer>();
    QVERIFY(m_server->listen());
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<ApiClient>(m_nam.get());
    QVERIFY(m_client->setBaseUrl(m_server->baseUrl()));
    m_client->setApiKey(u"stream-key-0123456789"_s);
    m_client->setTransferTimeout(3s);
    RetryPolicy policy;
    policy.setRandomSource([] { return 0.0; });
    m_client->setRetryPolicy(policy);
}

void TestStreamJob::cleanup() {
    m_client.reset();
    m_nam.reset();
    m_server.reset();
}

void TestStreamJob::request_asksForAnEventStream() {
    m_server->enqueue(ScriptedResponse::sse({"data: [DONE]\n\n"}));
    auto o = watch(startChat());
    QTRY_COMPARE(o->finishedCount, 1);
    const auto request = m_server->lastRequest();
    QCOMPARE(request.method, "POST"_ba);
    QCOMPARE(request.header("Accept"), "text/event-stream"_ba);
    QCOMPARE(request.header("Content-Type"), "application/json"_ba);
    QCOMPARE(request.header("Authorization"), "Bearer stream-key-0123456789"_ba);
    QCOMPARE(QJsonDocument::fromJson(request.body).object()["stream"_L1].toBool(), true);
}

void TestStreamJob::chunksInPieces_thenDone_succeeds() {
    // The stream cut at awkward places: inside the JSON, inside "data:", inside a UTF-8
    // sequence ("é" is C3 A9), between CR and LF.
    const QByteArray stream =
        chunk("Bonjour") + chunk(" l\xc3\xa9on") + chunk("!", "\"stop\"") + "data: [DONE]\n\n";
    const qsizetype utf8 = stream.indexOf("\xc3") + 1;
    const QList<QByteArray> pieces{stream.left(30), stream.mid(30, 100 - 30),
                                   stream.mid(100, utf8 - 100), stream.mid(utf8, 5),
                                   stream.mid(utf8 + 5)};
    m_server->enqueue(ScriptedResponse::sse(pieces, 30));
    StreamJob *job = startChat();
    QSignalSpy finished(job, &ApiJob::finished);
    auto o = watch(job);
    QTRY_COMPARE(o->finishedCount, 1);
    QCOMPARE(o->status, Status::Succeeded);
    QCOMPARE(o->chunks.size(), 3);
    QCOMPARE(o->events.size(), 3);
    QCOMPARE(contentOf(o->chunks), u"Bonjour léon!"_s);
    QCOMPARE(o->chunks.last()["choices"_L1][0]["finish_reason"_L1].toString(), u"stop"_s);
    QVERIFY(o->firstByte.has_value());
    QCOMPARE(o->attempts, 1);
    QCOMPARE(finished.count(), 1);
}

void TestStreamJob::keepAliveComments_areNotEvents() {
    m_server->enqueue(ScriptedResponse::sse(
        {": keep-alive\n\n", ": ping\n\n", chunk("a"), "data: [DONE]\n\n"}, 20));
    auto o = watch(startChat());
    QTRY_COMPARE(o->finishedCount, 1);
    QCOMPARE(o->status, Status::Succeeded);
    QCOMPARE(o->chunks.size(), 1);
}

void TestStreamJob::closedWithoutDone_isInterrupted_chunksKept() {
    // A well-formed chunked body that simply ends without [DONE].
    m_server->enqueue(ScriptedResponse::sse({chunk("Hello"), chunk(" world")}, 20));
    auto o = watch(startChat());
    QTRY_COMPARE(o->finishedCount, 1);
    QCOMPARE(o->status, Status::Failed);
    QCOMPARE(o->error.kind(), ApiError::Kind::StreamInterrupted);
    QCOMPARE(ErrorPresenter::title(o->error),
             u"The answer was interrupted before it was complete."_s);
    QCOMPARE(contentOf(o->chunks), u"Hello world"_s);
    QCOMPARE(o->retries, 0);
    QCOMPARE(m_server->requestCount(), 1);
}

void TestStreamJob::cutMidChunk_isInterrupted_partialEventDropped() {
    m_server->enqueue(ScriptedResponse::sse({chunk("Hello"), chunk(" wor").left(40)}, 20)
                          .withEnding(ScriptedResponse::Ending::CloseMidBody));
    auto o = watch(startChat());
    QTRY_COMPARE(o->finishedCount, 1);
    QCOMPARE(o->status, Status::Failed);
    QCOMPARE(o->error.kind(), ApiError::Kind::StreamInterrupted); // not InvalidResponse
    QCOMPARE(o->chunks.size(), 1);
    QCOMPARE(contentOf(o->chunks), u"Hello"_s);
    QCOMPARE(m_server->requestCount(), 1);
}

void TestStreamJob::idleMidStream_isInterrupted() {
    m_client->setTransferTimeout(300ms);
    m_server->enqueue(
        ScriptedResponse::sse({chunk("Hel")}).withEnding(ScriptedResponse::Ending::HoldOpen));
    auto o = watch(startChat());
    QTRY_COMPARE_WITH_TIMEOUT(o->finishedCount, 1, 5000);
    QCOMPARE(o->status, Status::Failed);
    QCOMPARE(o->error.kind(), ApiError::Kind::StreamInterrupted);
    QCOMPARE(o->chunks.size(), 1);
    QCOMPARE(o->retries, 0);
}

void TestStreamJob::errorAfter200_isStreamError_data() {
    QTest::addColumn<QByteArray>("errorEvent");
    QTest::addColumn<QString>("message");
    QTest::newRow("event: error") << R"(event: error
data: {"message":"Server is overloaded","type":"server_is_overloaded"}

)"_ba << u"Server is overloaded"_s;
    QTest::newRow("error object in data")
        << R"(data: {"error":{"message":"Tool execution failed","type":"tool_error","code":"3051"}}

)"_ba << u"Tool execution failed"_s;
    QTest::newRow("the API's error object as data")
        << R"(data: {"object":"error","message":"Internal error while generating the answer","type":"internal_server_error","param":null,"code":"3000"}

)"_ba << u"Internal error while generating the answer"_s;
}

void TestStreamJob::errorAfter200_isStreamError() {
    QFETCH(QByteArray, errorEvent);
    QFETCH(QString, message);
    m_server->enqueue(ScriptedResponse::sse({chunk("Partial"), errorEvent, chunk("never")}, 20));
    auto o = watch(startChat());
    QTRY_COMPARE(o->finishedCount, 1);
    QCOMPARE(o->status, Status::Failed);
    QCOMPARE(o->error.kind(), ApiError::Kind::StreamError);
    QCOMPARE(o->error.serverMessage(), message);
    QCOMPARE(ErrorPresenter::title(o->error),
             u"The server reported an error while answering: "_s + message);
    QCOMPARE(contentOf(o->chunks), u"Partial"_s);
    QCOMPARE(m_server->requestCount(), 1);
}

void TestStreamJob::malformedChunk_isInvalidResponse_chunksKept() {
    m_server->enqueue(ScriptedResponse::sse(
        {chunk("one"), chunk("two"), "data: {\"choices\":[{\"delta\":\n\n", chunk("three")}, 10));
    auto o = watch(startChat());
    QTRY_COMPARE(o->finishedCount, 1);
    QCOMPARE(o->status, Status::Failed);
    QCOMPARE(o->error.kind(), ApiError::Kind::InvalidResponse);
    QVERIFY(o->error.detail().contains("event 3"_L1));
    QCOMPARE(contentOf(o->chunks), u"onetwo"_s);
}

void TestStreamJob::http401BeforeStream_isParsed() {
    m_server->enqueue(ScriptedResponse::json(401, R"({"detail":"Invalid API Key"})")
                          .header("Mistral-Correlation-Id", "corr-s"));
    auto o = watch(startChat());
    QTRY_COMPARE(o->finishedCount, 1);
    QCOMPARE(o->status, Status::Failed);
    QCOMPARE(o->error.kind(), ApiError::Kind::Http);
    QCOMPARE(o->error.httpStatus(), 401);
    QCOMPARE(ErrorPresenter::title(o->error), u"The API key was rejected."_s);
    QCOMPARE(o->error.requestId(), u"corr-s"_s);
    QVERIFY(o->chunks.isEmpty());
    QCOMPARE(m_server->requestCount(), 1);
}

void TestStreamJob::unavailableBeforeFirstEvent_isRetried() {
    m_server->enqueue(ScriptedResponse::json(503, R"({"detail":"busy"})"));
    m_server->enqueue(ScriptedResponse::sse({chunk("ok"), "data: [DONE]\n\n"}));
    auto o = watch(startChat());
    QTRY_COMPARE_WITH_TIMEOUT(o->finishedCount, 1, 5000);
    QCOMPARE(o->status, Status::Succeeded);
    QCOMPARE(o->retries, 1);
    QCOMPARE(o->attempts, 2);
    QCOMPARE(m_server->requestCount(), 2);
    QCOMPARE(contentOf(o->chunks), u"ok"_s);
}

void TestStreamJob::dropAfterAnEvent_isNotRetried() {
    // The same failure that was retried before any event is final after one: the text was
    // already shown.
    m_server->enqueue(ScriptedResponse::sse({chunk("shown")}, 0)
                          .withEnding(ScriptedResponse::Ending::CloseMidBody));
    m_server->enqueue(ScriptedResponse::sse({chunk("again"), "data: [DONE]\n\n"}));
    auto o = watch(startChat());
    QTRY_COMPARE(o->finishedCount, 1);
    QCOMPARE(o->status, Status::Failed);
    QCOMPARE(o->error.kind(), ApiError::Kind::StreamInterrupted);
    QCOMPARE(o->retries, 0);
    QCOMPARE(contentOf(o->chunks), u"shown"_s);
    QCOMPARE(m_server->requestCount(), 1);
}

void TestStreamJob::jsonInsteadOfStream_isInvalidResponse() {
    m_server->enqueue(ScriptedResponse::json(200, R"({"id":"x","choices":[]})"));
    auto o = watch(startChat());
    QTRY_COMPARE(o->finishedCount, 1);
    QCOMPARE(o->status, Status::Failed);
    QCOMPARE(o->error.kind(), ApiError::Kind::InvalidResponse);
}

void TestStreamJob::htmlInsteadOfStream_namesWhatCame() {
    // A sign-in page or a proxy's page, with a success status: nothing of an answer arrived,
    // and the error says what did.
    m_server->enqueue(
        ScriptedResponse::text(200, "<!DOCTYPE html><html><body><h1>Sign in</h1></body></html>\n",
                               "text/html; charset=utf-8"));
    auto o = watch(startChat());
    QTRY_COMPARE(o->finishedCount, 1);
    QCOMPARE(o->status, Status::Failed);
    QCOMPARE(ApiError::kindName(o->error.kind()), "not-a-stream"_L1);
    QCOMPARE(ErrorPresenter::title(o->error),
             u"The server did not answer with an event stream: it sent text/html."_s);
    QVERIFY2(!ErrorPresenter::hint(o->error).contains(u"partial"_s),
             qPrintable(ErrorPresenter::hint(o->error)));
    QVERIFY(o->chunks.isEmpty());
    QCOMPARE(o->retries, 0);
    QCOMPARE(m_server->requestCount(), 1);
}

void TestStreamJob::undecodableBytes_areNoStream() {
    // Compressed bytes a server sent as a stream without saying they were compressed: not one
    // line of the format.
    const QByteArray garbage("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xcb\x48\xcd\xc9\xc9\x57"
                             "\x28\xcf\x2f\xca\x49\x01\x00",
                             23);
    m_server->enqueue(ScriptedResponse::sse({garbage + "\n\n"}));
    auto o = watch(startChat());
    QTRY_COMPARE(o->finishedCount, 1);
    QCOMPARE(o->status, Status::Failed);
    QCOMPARE(ApiError::kindName(o->error.kind()), "not-a-stream"_L1);
    QCOMPARE(ErrorPresenter::title(o->error),
             u"The server's answer was not a readable event stream."_s);
    QVERIFY2(!ErrorPresenter::hint(o->error).contains(u"partial"_s),
             qPrintable(ErrorPresenter::hint(o->error)));
}

void TestStreamJob::emptyStream_isStillInterrupted() {
    // Only keep-alive comments, then the end: a stream that was cut, not something else.
    m_server->enqueue(ScriptedResponse::sse({": keep-alive\n\n"}));
    auto o = watch(startChat());
    QTRY_COMPARE(o->finishedCount, 1);
    QCOMPARE(o->status, Status::Failed);
    QCOMPARE(o->error.kind(), ApiError::Kind::StreamInterrupted);
}

void TestStreamJob::cancelFromChunkSlot_stopsAtOnce() {
    m_server->enqueue(ScriptedResponse::sse(
        {chunk("a") + chunk("b") + chunk("c"), chunk("d"), "data: [DONE]\n\n"}, 50));
    QPointer<StreamJob> job = startChat();
    auto o = watch(job);
    connect(job, &StreamJob::chunkReceived, job, [job] { job->cancel(); });
    QTRY_COMPARE(o->finishedCount, 1);
    QCOMPARE(o->status, Status::Canceled);
    QCOMPARE(o->chunks.size(), 1); // b and c, in the same read, were not delivered
    QCOMPARE(o->events.size(), 1);
    QTRY_VERIFY(job.isNull());
    QTRY_COMPARE(m_nam->findChildren<QNetworkReply *>().size(), 0);
    QCOMPARE(o->finishedCount, 1);
}

void TestStreamJob::conversationMode_endsAfterDoneEvent() {
    const QList<QByteArray> events{
        "event: conversation.response.started\ndata: "
        R"({"type":"conversation.response.started","conversation_id":"conv_1"})"
        "\n\n",
        "event: message.output.delta\ndata: "
        R"({"type":"message.output.delta","output_index":0,"content_index":0,"content":"Hi"})"
        "\n\n",
        "event: conversation.response.done\ndata: "
        R"({"type":"conversation.response.done","usage":{"total_tokens":3}})"
        "\n\n"};
    m_server->enqueue(ScriptedResponse::sse(events, 10));
    auto o = watch(m_client->streamPost(u"/v1/conversations"_s, {{"inputs"_L1, u"hi"_s}},
                                        ApiError::Context::Chat, StreamJob::Mode::Conversation));
    QTRY_COMPARE(o->finishedCount, 1);
    QCOMPARE(o->status, Status::Succeeded);
    QCOMPARE(o->chunks.size(), 3);
    QCOMPARE(o->events.at(1).event, "message.output.delta"_ba);
    QCOMPARE(o->chunks.at(2)["usage"_L1]["total_tokens"_L1].toInt(), 3);
}

void TestStreamJob::conversationMode_eofWithoutDone_isInterrupted() {
    m_server->enqueue(ScriptedResponse::sse(
        {"event: message.output.delta\ndata: {\"type\":\"message.output.delta\",\"content\":\"Hi\"}"
         "\n\n"}));
    auto o = watch(startChat(StreamJob::Mode::Conversation));
    QTRY_COMPARE(o->finishedCount, 1);
    QCOMPARE(o->status, Status::Failed);
    QCOMPARE(o->error.kind(), ApiError::Kind::StreamInterrupted);
    QCOMPARE(o->chunks.size(), 1);
}

void TestStreamJob::conversationMode_errorEvent() {
    m_server->enqueue(ScriptedResponse::sse(
        {"event: conversation.response.error\ndata: "
         R"({"type":"conversation.response.error","message":"Connector failed","code":3000})"
         "\n\n"}));
    auto o = watch(startChat(StreamJob::Mode::Conversation));
    QTRY_COMPARE(o->finishedCount, 1);
    QCOMPARE(o->status, Status::Failed);
    QCOMPARE(o->error.kind(), ApiError::Kind::StreamError);
    QCOMPARE(o->error.serverMessage(), u"Connector failed"_s);
    QCOMPARE(o->error.serverCode(), u"3000"_s);
    QVERIFY(o->chunks.isEmpty());
}

void TestStreamJob::chatChunks_decodedOrAsObjects_data() {
    QTest::addColumn<bool>("withObjectReceiver");
    QTest::newRow("chunkReceived connected") << true;
    QTest::newRow("chatChunkReceived alone") << false;
}

void TestStreamJob::chatChunks_decodedOrAsObjects() {
    // The common chunk is read by the fast decoder; a chunk with usage goes through
    // QJsonDocument. chunkReceived() still sees every chunk when someone listens to it.
    QFETCH(bool, withObjectReceiver);
    const QByteArray usage =
        R"(data: {"id":"c1","object":"chat.completion.chunk","model":"m","choices":[],)"
        R"("usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3}})"
        "\n\n";
    m_server->enqueue(
        ScriptedResponse::sse({chunk("caf\\u00e9"), usage, QByteArray("data: [DONE]\n\n")}, 0));
    StreamJob *job = startChat();
    struct Seen {
        bool decoded = false;
        QString content;
        QJsonObject object;
    };
    auto seen = std::make_shared<QList<Seen>>();
    connect(job, &StreamJob::chatChunkReceived, job,
            [seen](const DecodedChunk *decoded, const QJsonObject &object) {
                Seen s;
                s.decoded = decoded != nullptr;
                if (decoded && !decoded->choices.isEmpty())
                    s.content = decoded->choices.at(0).content.toString();
                s.object = object;
                seen->append(s);
            });
    auto o = withObjectReceiver ? watch(job) : nullptr;
    // The job deletes itself after finished(): read it there.
    Status status = Status::Pending;
    int events = -1;
    connect(job, &ApiJob::finished, job, [job, &status, &events] {
        status = job->status();
        events = job->eventCount();
    });
    QTRY_COMPARE(status, Status::Succeeded);
    QCOMPARE(events, 2);
    QCOMPARE(seen->size(), 2);
    QVERIFY(seen->at(0).decoded);
    QVERIFY(seen->at(0).object.isEmpty());
    QCOMPARE(seen->at(0).content, u"caf\u00e9"_s);
    QVERIFY(!seen->at(1).decoded);
    QCOMPARE(seen->at(1).object["usage"_L1]["total_tokens"_L1].toInt(), 3);
    if (o) {
        QCOMPARE(o->chunks.size(), 2);
        QCOMPARE(contentOf(o->chunks), u"caf\u00e9"_s);
        QCOMPARE(o->chunks.at(1)["usage"_L1]["total_tokens"_L1].toInt(), 3);
    }
}

QTEST_GUILESS_MAIN(TestStreamJob)
#include "tst_streamjob.moc"
