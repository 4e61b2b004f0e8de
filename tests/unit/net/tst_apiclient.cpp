// SPDX-License-Identifier: GPL-3.0-or-later
// ApiClient and ApiJob against a scripted loopback server.
#include "core/net/ApiClient.h"
#include "core/net/ApiJob.h"
#include "core/net/Redactor.h"
#include "models/ErrorPresenter.h"
#include "support/FakeHttpServer.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QMutex>
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
using Tramontane::ErrorPresenter;
using Tramontane::RetryPolicy;
using Tramontane::Test::FakeHttpServer;
using Tramontane::Test::ScriptedResponse;
using Ctx = ApiError::Context;
using Status = ApiJob::Status;

Q_DECLARE_METATYPE(ApiError::Context)

namespace {

const QString kKey = u"test-key-5b1e8f0c2d7a"_s;

// What a job reported, captured when finished() fired (the job deletes itself afterwards).
struct Outcome {
    int finishedCount = 0;
    Status status = Status::Pending;
    ApiError error;
    QJsonDocument json;
    QByteArray body;
    int httpStatus = 0;
    QString requestId;
    int attempts = 0;
    qint64 elapsedMs = 0;
    QList<std::tuple<int, int, ApiError>> retries;
};

std::shared_ptr<Outcome> watch(ApiJob *job) {
    auto outcome = std::make_shared<Outcome>();
    QObject::connect(job, &ApiJob::finished, job, [job, outcome] {
        ++outcome->finishedCount;
        outcome->status = job->status();
        outcome->error = job->error();
        outcome->json = job->json();
        outcome->body = job->body();
        outcome->httpStatus = job->httpStatus();
        outcome->requestId = job->requestId();
        outcome->attempts = job->attempts();
        outcome->elapsedMs = job->elapsed().count();
    });
    QObject::connect(job, &ApiJob::retrying, job,
                     [outcome](int attempt, int delayMs, const ApiError &error) {
                         outcome->retries.append({attempt, delayMs, error});
                     });
    return outcome;
}

RetryPolicy fastRetries(int maxRetries = 3) {
    RetryPolicy policy;
    policy.setMaxRetries(maxRetries);
    policy.setRandomSource([] { return 0.0; }); // 375 ms before the first retry
    return policy;
}

QMutex g_logMutex;
QStringList g_log;

void captureLog(QtMsgType, const QMessageLogContext &, const QString &message) {
    QMutexLocker locker(&g_logMutex);
    g_log.append(message);
}

} // namespace

class TestApiClient : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    // Requests as sent
    void get_sendsAuthUserAgentAndAccept();
    void postJson_sendsJsonBody();
    void patchPutDelete_useTheirMethods();
    void noKey_sendsNoAuthorization();
    void baseUrlPath_isKept();
    void pathSegments_areEncoded();
    void badPath_failsWithoutSending_data();
    void badPath_failsWithoutSending();
    void keyInUrl_isRefused();

    // Base URL
    void checkBaseUrl_data();
    void checkBaseUrl();
    void setBaseUrl_rejectsAndKeepsPrevious();

    // Responses
    void get_jsonSuccess();
    void emptyBody_succeedsWithNullJson();
    void malformedJson_failsInvalidResponse_data();
    void malformedJson_failsInvalidResponse();
    void errorShapes_becomeApiErrors_data();
    void errorShapes_becomeApiErrors();
    void download_keepsRawBytes();
    void download_overLimit_fails();
    void redirect_toOtherOrigin_dropsKey();
    void redirect_sameOrigin_keepsKey();
    void redirect_toOtherPortOfTheApiHost_dropsKey();
    void apiOrigin_isTheOnlyOneWithTheKey_data();
    void apiOrigin_isTheOnlyOneWithTheKey();

    // Retries
    void rateLimited_waitsRetryAfter_thenSucceeds();
    void unavailable_thenSucceeds();
    void unauthorized_isNotRetried();
    void retries_stopAfterMax();
    void post_notRetriedAfterResponseByte();
    void get_retriedAfterResponseByte();
    void connectionRefused_isNetworkError();
    void retryWait_pastDeadline_failsAtOnce();

    // Timeouts
    void idleTimeout_onSilentServer();
    void idleTimeout_isRetriedBeforeAnyByte();
    void overallDeadline_onSlowDrip();

    // Lifecycle
    void cancel_beforeStart();
    void cancel_duringRequest_leavesNoReply();
    void cancel_duringRetryWait();
    void cancel_twice_isHarmless();
    void deletePendingJob_emitsFinishedOnce();
    void replyDestroyed_endsJobOnce();
    void clientDestroyed_cancelsJobs();
    void job_deletesItselfAfterFinished();

    // Logs
    void logs_containNoSecret();

private:
    ApiJob *getModels() { return m_client->get(u"/v1/models"_s, {}, Ctx::Model); }

    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<ApiClient> m_client;
};

void TestApiClient::init() {
    m_server = std::make_unique<FakeHttpServer>();
    QVERIFY(m_server->listen());
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<ApiClient>(m_nam.get());
    QVERIFY(m_client->setBaseUrl(m_server->baseUrl()));
    m_client->setApiKey(kKey);
    m_client->setTransferTimeout(3s);
    m_client->setDeadline(10s);
    m_client->setRetryPolicy(fastRetries());
}

void TestApiClient::cleanup() {
    m_client.reset();
    m_nam.reset();
    m_server.reset();
}

// --- Requests as sent -------------------------------------------------------------------

void TestApiClient::get_sendsAuthUserAgentAndAccept() {
    m_server->enqueue(ScriptedResponse::json(200, R"({"data":[]})"));
    auto outcome = watch(getModels());
    QTRY_COMPARE(outcome->finishedCount, 1);
    const auto request = m_server->lastRequest();
    QCOMPARE(request.method, "GET"_ba);
    QCOMPARE(request.path(), "/v1/models"_ba);
    QCOMPARE(request.header("Authorization"), "Bearer " + kKey.toUtf8());
    QVERIFY(request.header("User-Agent").startsWith("Tramontane/"));
    QVERIFY(request.header("User-Agent").size() > "Tramontane/"_ba.size());
    QCOMPARE(request.header("Accept"), "application/json"_ba);
    QVERIFY(request.header("Content-Type").isNull());
    QCOMPARE(m_client->userAgent(), QString::fromLatin1(request.header("User-Agent")));
}

void TestApiClient::postJson_sendsJsonBody() {
    m_server->enqueue(ScriptedResponse::json(200, R"({"id":"ag_1"})"));
    const QJsonObject body{{"name"_L1, u"écrivain"_s}, {"tools"_L1, QJsonArray{}}};
    auto outcome = watch(m_client->postJson(u"/v1/agents"_s, body, Ctx::Agent));
    QTRY_COMPARE(outcome->finishedCount, 1);
    QCOMPARE(outcome->status, Status::Succeeded);
    const auto request = m_server->lastRequest();
    QCOMPARE(request.method, "POST"_ba);
    QCOMPARE(request.header("Content-Type"), "application/json"_ba);
    QCOMPARE(request.header("Accept"), "application/json"_ba);
    QCOMPARE(QJsonDocument::fromJson(request.body).object(), body);
}

void TestApiClient::patchPutDelete_useTheirMethods() {
    m_server->enqueue(ScriptedResponse::json(200, "{}"));
    m_server->enqueue(ScriptedResponse::json(200, "{}"));
    m_server->enqueue(ScriptedResponse::json(200, "{}"));
    auto a = watch(m_client->patchJson(u"/v1/agents/x"_s, {{"name"_L1, u"n"_s}}, Ctx::Agent));
    QTRY_COMPARE(a->finishedCount, 1);
    QCOMPARE(m_server->lastRequest().method, "PATCH"_ba);
    QCOMPARE(m_server->lastRequest().body, R"({"name":"n"})"_ba);
    auto b = watch(m_client->putJson(u"/v1/agents/x"_s, {{"k"_L1, 1}}, Ctx::Agent));
    QTRY_COMPARE(b->finishedCount, 1);
    QCOMPARE(m_server->lastRequest().method, "PUT"_ba);
    auto c = watch(m_client->deleteResource(u"/v1/agents/x"_s, Ctx::Agent));
    QTRY_COMPARE(c->finishedCount, 1);
    QCOMPARE(m_server->lastRequest().method, "DELETE"_ba);
    QCOMPARE(c->status, Status::Succeeded);
}

void TestApiClient::noKey_sendsNoAuthorization() {
    ApiClient client(m_nam.get());
    QVERIFY(client.setBaseUrl(m_server->baseUrl()));
    QVERIFY(!client.hasApiKey());
    m_server->enqueue(ScriptedResponse::json(401, R"({"detail":"Unauthorized"})"));
    auto outcome = watch(client.get(u"/v1/models"_s));
    QTRY_COMPARE(outcome->finishedCount, 1);
    QVERIFY(m_server->lastRequest().header("Authorization").isNull());
    QCOMPARE(ErrorPresenter::title(outcome->error), u"The API key was rejected."_s);
}

void TestApiClient::baseUrlPath_isKept() {
    QUrl base = m_server->baseUrl();
    base.setPath(u"/proxy/mistral/"_s);
    QVERIFY(m_client->setBaseUrl(base));
    m_server->enqueue(ScriptedResponse::json(200, "{}"));
    QUrlQuery query;
    query.addQueryItem(u"page"_s, u"0"_s);
    query.addQueryItem(u"page_size"_s, u"100"_s);
    auto outcome = watch(m_client->get(u"/v1/conversations"_s, query));
    QTRY_COMPARE(outcome->finishedCount, 1);
    QCOMPARE(m_server->lastRequest().path(), "/proxy/mistral/v1/conversations"_ba);
    QCOMPARE(m_server->lastRequest().query().queryItemValue(u"page_size"_s), u"100"_s);
}

void TestApiClient::pathSegments_areEncoded() {
    QCOMPARE(ApiClient::encodePathSegment(u"a/b c?d"), u"a%2Fb%20c%3Fd"_s);
    m_server->enqueue(ScriptedResponse::json(200, "{}"));
    auto outcome = watch(
        m_client->get(u"/v1/agents/"_s + ApiClient::encodePathSegment(u"ag/1 x"), {}, Ctx::Agent));
    QTRY_COMPARE(outcome->finishedCount, 1);
    QCOMPARE(m_server->lastRequest().path(), "/v1/agents/ag%2F1%20x"_ba);
}

void TestApiClient::badPath_failsWithoutSending_data() {
    QTest::addColumn<QString>("path");
    QTest::newRow("relative") << u"v1/models"_s;
    QTest::newRow("dot dot") << u"/v1/agents/../admin"_s;
    QTest::newRow("encoded dot dot") << u"/v1/agents/%2E%2E/admin"_s;
    QTest::newRow("query in path") << u"/v1/models?x=1"_s;
    QTest::newRow("space") << u"/v1/agents/a b"_s;
}

void TestApiClient::badPath_failsWithoutSending() {
    QFETCH(QString, path);
    auto outcome = watch(m_client->get(path));
    QCOMPARE(outcome->finishedCount, 0); // not synchronous: the caller can still connect
    QTRY_COMPARE(outcome->finishedCount, 1);
    QCOMPARE(outcome->status, Status::Failed);
    QCOMPARE(outcome->error.kind(), ApiError::Kind::InvalidRequest);
    QCOMPARE(outcome->attempts, 0);
    QCOMPARE(m_server->requestCount(), 0);
}

void TestApiClient::keyInUrl_isRefused() {
    QUrlQuery query;
    query.addQueryItem(u"key"_s, kKey);
    auto outcome = watch(m_client->get(u"/v1/models"_s, query));
    QTRY_COMPARE(outcome->finishedCount, 1);
    QCOMPARE(outcome->error.kind(), ApiError::Kind::InvalidRequest);
    QCOMPARE(m_server->requestCount(), 0);
}

// --- Base URL ---------------------------------------------------------------------------

void TestApiClient::checkBaseUrl_data() {
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("default") << u"https://api.mistral.ai"_s << true;
    QTest::newRow("https proxy with path") << u"https://gw.example.org/mistral"_s << true;
    QTest::newRow("http loopback v4") << u"http://127.0.0.1:8080"_s << true;
    QTest::newRow("http loopback 127.0.0.2") << u"http://127.0.0.2:8080"_s << true;
    QTest::newRow("http localhost") << u"http://localhost:8080"_s << true;
    QTest::newRow("http loopback v6") << u"http://[::1]:8080"_s << true;
    QTest::newRow("http remote") << u"http://api.mistral.ai"_s << false;
    QTest::newRow("http lan") << u"http://192.168.1.10:8080"_s << false;
    QTest::newRow("http localhost lookalike") << u"http://localhost.evil.example"_s << false;
    QTest::newRow("ftp") << u"ftp://api.mistral.ai"_s << false;
    QTest::newRow("user info") << u"https://user:pw@api.mistral.ai"_s << false;
    QTest::newRow("query") << u"https://api.mistral.ai/?a=1"_s << false;
    QTest::newRow("no host") << u"https://"_s << false;
    QTest::newRow("garbage") << u"not a url"_s << false;
}

void TestApiClient::checkBaseUrl() {
    QFETCH(QString, url);
    QFETCH(bool, accepted);
    const QString problem = ApiClient::checkBaseUrl(QUrl(url));
    QVERIFY2(problem.isEmpty() == accepted, qPrintable(problem));
}

void TestApiClient::setBaseUrl_rejectsAndKeepsPrevious() {
    const QUrl before = m_client->baseUrl();
    QString error;
    QVERIFY(!m_client->setBaseUrl(QUrl(u"http://api.example.com"_s), &error));
    QVERIFY(error.contains("https"_L1));
    QCOMPARE(m_client->baseUrl(), before);
    QCOMPARE(ApiClient(m_nam.get()).baseUrl(), QUrl(u"https://api.mistral.ai"_s));
}

// --- Responses --------------------------------------------------------------------------

void TestApiClient::get_jsonSuccess() {
    m_server->enqueue(ScriptedResponse::json(200, R"({"object":"list","data":[{"id":"m"}]})")
                          .header("Mistral-Correlation-Id", "corr-42"));
    auto outcome = watch(getModels());
    QTRY_COMPARE(outcome->finishedCount, 1);
    QCOMPARE(outcome->status, Status::Succeeded);
    QVERIFY(!outcome->error.isError());
    QCOMPARE(outcome->httpStatus, 200);
    QCOMPARE(outcome->requestId, u"corr-42"_s);
    QCOMPARE(outcome->attempts, 1);
    QCOMPARE(outcome->json.object()["data"_L1][0]["id"_L1].toString(), u"m"_s);
    QVERIFY(outcome->retries.isEmpty());
}

void TestApiClient::emptyBody_succeedsWithNullJson() {
    m_server->enqueue(ScriptedResponse::text(204, {}));
    auto outcome = watch(m_client->deleteResource(u"/v1/connectors/c1"_s, Ctx::Connector));
    QTRY_COMPARE(outcome->finishedCount, 1);
    QCOMPARE(outcome->status, Status::Succeeded);
    QVERIFY(outcome->json.isNull());
}

void TestApiClient::malformedJson_failsInvalidResponse_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::newRow("truncated") << R"({"data":[{"id":)"_ba
                               << "application/json"_ba;
    QTest::newRow("scalar") << "42"_ba
                            << "application/json"_ba;
    QTest::newRow("captive portal html") << "<html><body>Log in to the Wi-Fi</body></html>"_ba
                                         << "text/html"_ba;
}

void TestApiClient::malformedJson_failsInvalidResponse() {
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    m_server->enqueue(ScriptedResponse::text(200, body, contentType));
    auto outcome = watch(getModels());
    QTRY_COMPARE(outcome->finishedCount, 1);
    QCOMPARE(outcome->status, Status::Failed);
    QCOMPARE(outcome->error.kind(), ApiError::Kind::InvalidResponse);
    QCOMPARE(ErrorPresenter::title(outcome->error),
             u"The server sent a response that could not be read."_s);
    QVERIFY(!outcome->error.detail().isEmpty());
    QCOMPARE(m_server->requestCount(), 1); // not retried
}

void TestApiClient::errorShapes_becomeApiErrors_data() {
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<Ctx>("context");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("message");
    QTest::newRow("400 object error")
        << 400
        << R"({"object":"error","message":"Bad input","type":"invalid_request_error","param":null,"code":null})"_ba
        << Ctx::Chat << u"The server rejected the request: Bad input"_s << u"Bad input"_s;
    QTest::newRow("401 detail string") << 401 << R"({"detail":"Invalid API Key"})"_ba << Ctx::Chat
                                       << u"The API key was rejected."_s << u"Invalid API Key"_s;
    QTest::newRow("404 gateway")
        << 404 << R"({"message":"no Route matched with those values","request_id":"gw-1"})"_ba
        << Ctx::Generic << u"The server has nothing at this address."_s
        << u"no Route matched with those values"_s;
    QTest::newRow("404 connector") << 404 << R"({"detail":"Not found"})"_ba << Ctx::Connector
                                   << u"The connector was not found."_s << u"Not found"_s;
    QTest::newRow("409 agent") << 409 << R"({"detail":"exists"})"_ba << Ctx::Agent
                               << u"An agent with this name already exists."_s << u"exists"_s;
    QTest::newRow("422 detail array")
        << 422
        << R"({"detail":[{"type":"extra_forbidden","loc":["body","store"],"msg":"Extra inputs are not permitted"}]})"_ba
        << Ctx::Chat << u"The request has invalid fields: store: Extra inputs are not permitted"_s
        << u"store: Extra inputs are not permitted"_s;
    QTest::newRow("422 wrapped")
        << 422
        << R"({"object":"error","message":{"detail":[{"type":"missing","loc":["body","model"],"msg":"Field required"}]},"type":"invalid_request_error"})"_ba
        << Ctx::Chat << u"The model is not valid or not available."_s << u"model: Field required"_s;
}

void TestApiClient::errorShapes_becomeApiErrors() {
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(Ctx, context);
    QFETCH(QString, title);
    QFETCH(QString, message);
    m_server->enqueue(ScriptedResponse::json(status, body).header("X-Kong-Request-Id", "kong-7"));
    auto outcome = watch(m_client->postJson(u"/v1/chat/completions"_s, {}, context));
    QTRY_COMPARE(outcome->finishedCount, 1);
    QCOMPARE(outcome->status, Status::Failed);
    QCOMPARE(outcome->error.kind(), ApiError::Kind::Http);
    QCOMPARE(outcome->error.httpStatus(), status);
    QCOMPARE(outcome->httpStatus, status);
    QCOMPARE(ErrorPresenter::title(outcome->error), title);
    QCOMPARE(outcome->error.serverMessage(), message);
    QCOMPARE(outcome->error.requestId(), u"kong-7"_s);
    QCOMPARE(outcome->requestId, u"kong-7"_s);
    QCOMPARE(outcome->body, body);
    QCOMPARE(m_server->requestCount(), 1); // none of these is retried
}

void TestApiClient::download_keepsRawBytes() {
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    png += QByteArray(5000, '\0') + QByteArray(3000, '\xff');
    m_server->enqueue(ScriptedResponse::text(200, png, "image/png"));
    auto outcome = watch(m_client->download(u"/v1/files/f1/content"_s));
    QTRY_COMPARE(outcome->finishedCount, 1);
    QCOMPARE(outcome->status, Status::Succeeded);
    QCOMPARE(outcome->body, png);
    QCOMPARE(m_server->lastRequest().header("Accept"), "application/octet-stream"_ba);
    QCOMPARE(m_server->lastRequest().header("Authorization"), "Bearer " + kKey.toUtf8());
}

void TestApiClient::download_overLimit_fails() {
    // Announced by Content-Length...
    m_server->enqueue(ScriptedResponse::text(200, QByteArray(4096, 'x'), "image/png"));
    auto announced =
        watch(m_client->download(u"/v1/files/f1/content"_s, "image/png", Ctx::File, 1000));
    QTRY_COMPARE(announced->finishedCount, 1);
    QCOMPARE(announced->error.kind(), ApiError::Kind::TooLarge);
    // ... or only noticed while reading a chunked body.
    m_server->enqueue(ScriptedResponse::sse({QByteArray(800, 'x'), QByteArray(800, 'y')}, 20));
    auto streamed =
        watch(m_client->download(u"/v1/files/f2/content"_s, "image/png", Ctx::File, 1000));
    QTRY_COMPARE(streamed->finishedCount, 1);
    QCOMPARE(streamed->error.kind(), ApiError::Kind::TooLarge);
    QVERIFY(streamed->error.detail().contains("limit"_L1));
    QCOMPARE(streamed->error.sizeLimit(), 1000);
}

void TestApiClient::redirect_toOtherOrigin_dropsKey() {
    FakeHttpServer storage;
    QVERIFY(storage.listen());
    storage.enqueue(ScriptedResponse::text(200, "bytes", "application/octet-stream"));
    QUrl target = storage.baseUrl();
    target.setPath(u"/signed/f1"_s);
    m_server->enqueue(ScriptedResponse::text(302, {}).header("Location", target.toEncoded()));
    auto outcome = watch(m_client->download(u"/v1/files/f1/content"_s));
    QTRY_COMPARE(outcome->finishedCount, 1);
    QCOMPARE(outcome->status, Status::Succeeded);
    QCOMPARE(outcome->body, "bytes"_ba);
    QCOMPARE(storage.requestCount(), 1);
    QVERIFY(storage.lastRequest().header("Authorization").isNull());
    QCOMPARE(outcome->attempts, 1);
}

void TestApiClient::redirect_sameOrigin_keepsKey() {
    m_server->enqueue(ScriptedResponse::text(307, {}).header("Location", "/v1/files/f1/other"));
    m_server->enqueue(ScriptedResponse::text(200, "ok", "application/octet-stream"));
    auto outcome = watch(m_client->download(u"/v1/files/f1/content"_s));
    QTRY_COMPARE(outcome->finishedCount, 1);
    QCOMPARE(outcome->body, "ok"_ba);
    QCOMPARE(m_server->lastRequest().path(), "/v1/files/f1/other"_ba);
    QCOMPARE(m_server->lastRequest().header("Authorization"), "Bearer " + kKey.toUtf8());
}

void TestApiClient::redirect_toOtherPortOfTheApiHost_dropsKey() {
    // The same address on another port is another origin: another server, no key.
    FakeHttpServer otherPort;
    QVERIFY(otherPort.listen());
    QCOMPARE(otherPort.baseUrl().host(), m_server->baseUrl().host());
    otherPort.enqueue(ScriptedResponse::text(200, "bytes", "application/octet-stream"));
    QUrl target = otherPort.baseUrl();
    target.setPath(u"/v1/files/f1/content"_s);
    m_server->enqueue(ScriptedResponse::text(307, {}).header("Location", target.toEncoded()));
    auto outcome = watch(m_client->download(u"/v1/files/f1/content"_s));
    QTRY_COMPARE(outcome->finishedCount, 1);
    QCOMPARE(outcome->status, Status::Succeeded);
    QCOMPARE(otherPort.requestCount(), 1);
    QVERIFY(otherPort.lastRequest().header("Authorization").isNull());
}

void TestApiClient::apiOrigin_isTheOnlyOneWithTheKey_data() {
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("key");
    QTest::newRow("same origin") << u"https://api.mistral.ai"_s
                                 << u"https://api.mistral.ai/v1/files/f1"_s << true;
    QTest::newRow("explicit default port, case")
        << u"https://api.mistral.ai"_s << u"HTTPS://API.Mistral.ai:443/v1/x"_s << true;
    QTest::newRow("under a base path, elsewhere on the origin")
        << u"https://gw.example.com/mistral"_s << u"https://gw.example.com/other"_s << true;
    QTest::newRow("same host, other port")
        << u"https://api.mistral.ai"_s << u"https://api.mistral.ai:8443/v1/files/f1"_s << false;
    QTest::newRow("http downgrade")
        << u"https://api.mistral.ai"_s << u"http://api.mistral.ai/v1/files/f1"_s << false;
    QTest::newRow("http downgrade, port 443")
        << u"https://api.mistral.ai"_s << u"http://api.mistral.ai:443/v1/files/f1"_s << false;
    QTest::newRow("loopback, other port")
        << u"http://127.0.0.1:8080"_s << u"http://127.0.0.1:8081/v1/files/f1"_s << false;
    QTest::newRow("loopback, other scheme")
        << u"http://127.0.0.1:8080"_s << u"https://127.0.0.1:8080/v1/files/f1"_s << false;
    QTest::newRow("loopback by another name")
        << u"http://127.0.0.1:8080"_s << u"http://localhost:8080/v1/files/f1"_s << false;
    QTest::newRow("look-alike host")
        << u"https://api.mistral.ai"_s << u"https://api.mistral.ai.example.com/v1"_s << false;
    QTest::newRow("other host") << u"https://api.mistral.ai"_s << u"https://cdn.example.com/x"_s
                                << false;
    QTest::newRow("not a URL") << u"https://api.mistral.ai"_s << QString() << false;
}

void TestApiClient::apiOrigin_isTheOnlyOneWithTheKey() {
    QFETCH(QString, base);
    QFETCH(QString, url);
    QFETCH(bool, key);
    ApiClient client(m_nam.get());
    QVERIFY(client.setBaseUrl(QUrl(base)));
    QCOMPARE(client.isApiOrigin(QUrl(url)), key);
    QCOMPARE(ApiClient::isSameOrigin(QUrl(url), QUrl(base)), key); // symmetric
}

// --- Retries ----------------------------------------------------------------------------

void TestApiClient::rateLimited_waitsRetryAfter_thenSucceeds() {
    m_server->enqueue(
        ScriptedResponse::json(
            429,
            R"({"object":"error","message":"Rate limit exceeded","type":"rate_limited","code":"1300"})")
            .header("Retry-After", "1"));
    m_server->enqueue(ScriptedResponse::json(200, R"({"ok":true})"));
    auto outcome = watch(m_client->postJson(u"/v1/chat/completions"_s, {}, Ctx::Chat));
    QTRY_COMPARE_WITH_TIMEOUT(outcome->finishedCount, 1, 5000);
    QCOMPARE(outcome->status, Status::Succeeded);
    QCOMPARE(m_server->requestCount(), 2);
    const qint64 gap =
        m_server->requests().at(1).receivedAtMs - m_server->requests().at(0).receivedAtMs;
    QVERIFY2(gap >= 950, qPrintable(QString::number(gap)));
    QCOMPARE(outcome->retries.size(), 1);
    const auto &[attempt, delayMs, error] = outcome->retries.constFirst();
    QCOMPARE(attempt, 2);
    QCOMPARE(delayMs, 1000);
    QCOMPARE(error.httpStatus(), 429);
    QCOMPARE(error.serverMessage(), u"Rate limit exceeded"_s);
    QCOMPARE(outcome->attempts, 2);
    QVERIFY(outcome->json.object()["ok"_L1].toBool());
}

void TestApiClient::unavailable_thenSucceeds() {
    m_server->enqueue(ScriptedResponse::json(503, R"({"detail":"busy"})"));
    m_server->enqueue(ScriptedResponse::json(200, "{}"));
    auto outcome = watch(getModels());
    QTRY_COMPARE_WITH_TIMEOUT(outcome->finishedCount, 1, 5000);
    QCOMPARE(outcome->status, Status::Succeeded);
    QCOMPARE(m_server->requestCount(), 2);
    QCOMPARE(outcome->retries.size(), 1);
    QCOMPARE(std::get<1>(outcome->retries.constFirst()), 375); // 0.5 s with the lowest jitter
    const qint64 gap =
        m_server->requests().at(1).receivedAtMs - m_server->requests().at(0).receivedAtMs;
    QVERIFY2(gap >= 340, qPrintable(QString::number(gap)));
}

void TestApiClient::unauthorized_isNotRetried() {
    m_server->enqueue(ScriptedResponse::json(401, R"({"detail":"Invalid API Key"})"));
    m_server->enqueue(ScriptedResponse::json(200, "{}"));
    auto outcome = watch(getModels());
    QTRY_COMPARE(outcome->finishedCount, 1);
    QCOMPARE(outcome->status, Status::Failed);
    QCOMPARE(outcome->error.httpStatus(), 401);
    QCOMPARE(m_server->requestCount(), 1);
    QVERIFY(outcome->retries.isEmpty());
}

void TestApiClient::retries_stopAfterMax() {
    m_client->setRetryPolicy(fastRetries(1));
    for (int i = 0; i < 3; ++i)
        m_server->enqueue(ScriptedResponse::json(502, R"({"detail":"bad gateway"})"));
    auto outcome = watch(m_client->postJson(u"/v1/chat/completions"_s, {}, Ctx::Chat));
    QTRY_COMPARE_WITH_TIMEOUT(outcome->finishedCount, 1, 5000);
    QCOMPARE(outcome->status, Status::Failed);
    QCOMPARE(outcome->error.httpStatus(), 502);
    QCOMPARE(outcome->attempts, 2);
    QCOMPARE(m_server->requestCount(), 2);
}

void TestApiClient::post_notRetriedAfterResponseByte() {
    m_server->enqueue(ScriptedResponse::json(200, R"({"choices":[{"mess)")
                          .withEnding(ScriptedResponse::Ending::CloseMidBody));
    m_server->enqueue(ScriptedResponse::json(200, "{}"));
    auto outcome = watch(m_client->postJson(u"/v1/chat/completions"_s, {}, Ctx::Chat));
    QTRY_COMPARE(outcome->finishedCount, 1);
    QCOMPARE(outcome->status, Status::Failed);
    QCOMPARE(outcome->error.kind(), ApiError::Kind::Network);
    QCOMPARE(outcome->error.networkError(), QNetworkReply::RemoteHostClosedError);
    QCOMPARE(m_server->requestCount(), 1);
    QVERIFY(outcome->retries.isEmpty());
}

void TestApiClient::get_retriedAfterResponseByte() {
    m_server->enqueue(ScriptedResponse::json(200, R"({"data":[)")
                          .withEnding(ScriptedResponse::Ending::CloseMidBody));
    m_server->enqueue(ScriptedResponse::json(200, R"({"data":[]})"));
    auto outcome = watch(getModels());
    QTRY_COMPARE_WITH_TIMEOUT(outcome->finishedCount, 1, 5000);
    QCOMPARE(outcome->status, Status::Succeeded);
    QCOMPARE(m_server->requestCount(), 2);
}

void TestApiClient::connectionRefused_isNetworkError() {
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    QUrl url = m_server->baseUrl();
    url.setPort(closed.serverPort());
    closed.close(); // nothing listens there any more
    QVERIFY(m_client->setBaseUrl(url));
    m_client->setRetryPolicy(fastRetries(1));
    auto outcome = watch(getModels());
    QTRY_COMPARE_WITH_TIMEOUT(outcome->finishedCount, 1, 5000);
    QCOMPARE(outcome->status, Status::Failed);
    QCOMPARE(outcome->error.kind(), ApiError::Kind::Network);
    QCOMPARE(outcome->error.networkError(), QNetworkReply::ConnectionRefusedError);
    QCOMPARE(ErrorPresenter::title(outcome->error), u"The server refused the connection."_s);
    QCOMPARE(outcome->attempts, 2); // retried once: nothing had been received
}

void TestApiClient::retryWait_pastDeadline_failsAtOnce() {
    m_client->setDeadline(2s);
    m_server->enqueue(
        ScriptedResponse::json(429, R"({"message":"slow down"})").header("Retry-After", "30"));
    auto outcome = watch(getModels());
    QTRY_COMPARE(outcome->finishedCount, 1);
    QCOMPARE(outcome->error.httpStatus(), 429);
    QVERIFY(outcome->elapsedMs < 1500);
    QCOMPARE(outcome->error.retryAfter(), std::optional(30000ms));
    QCOMPARE(ErrorPresenter::hint(outcome->error), u"You can try again in 30 second(s)."_s);
}

// --- Timeouts ---------------------------------------------------------------------------

void TestApiClient::idleTimeout_onSilentServer() {
    m_client->setTransferTimeout(300ms);
    m_client->setRetryPolicy(RetryPolicy::never());
    m_server->enqueue(ScriptedResponse::neverAnswer());
    auto outcome = watch(getModels());
    QTRY_COMPARE_WITH_TIMEOUT(outcome->finishedCount, 1, 5000);
    QCOMPARE(outcome->status, Status::Failed);
    QCOMPARE(outcome->error.kind(), ApiError::Kind::Timeout);
    QCOMPARE(ErrorPresenter::title(outcome->error), u"The server did not respond in time."_s);
    QVERIFY2(outcome->elapsedMs >= 280 && outcome->elapsedMs < 3000,
             qPrintable(QString::number(outcome->elapsedMs)));
}

void TestApiClient::idleTimeout_isRetriedBeforeAnyByte() {
    m_client->setTransferTimeout(300ms);
    m_server->enqueue(ScriptedResponse::neverAnswer());
    m_server->enqueue(ScriptedResponse::json(200, R"({"ok":1})"));
    auto outcome = watch(m_client->postJson(u"/v1/chat/completions"_s, {}, Ctx::Chat));
    QTRY_COMPARE_WITH_TIMEOUT(outcome->finishedCount, 1, 5000);
    QCOMPARE(outcome->status, Status::Succeeded);
    QCOMPARE(outcome->retries.size(), 1);
    QCOMPARE(std::get<2>(outcome->retries.constFirst()).kind(), ApiError::Kind::Timeout);
    QCOMPARE(m_server->requestCount(), 2);
}

void TestApiClient::overallDeadline_onSlowDrip() {
    // A byte every 50 ms never trips the idle timeout; the deadline ends it.
    m_client->setTransferTimeout(1s);
    m_client->setDeadline(600ms);
    m_server->enqueue(ScriptedResponse::drip(200, QByteArray(200, ' ') + "{}", 1, 50));
    auto outcome = watch(getModels());
    QTRY_COMPARE_WITH_TIMEOUT(outcome->finishedCount, 1, 5000);
    QCOMPARE(outcome->status, Status::Failed);
    QCOMPARE(outcome->error.kind(), ApiError::Kind::Timeout);
    QVERIFY2(outcome->elapsedMs >= 580 && outcome->elapsedMs < 2000,
             qPrintable(QString::number(outcome->elapsedMs)));
    QCOMPARE(m_server->requestCount(), 1);
}

// --- Lifecycle --------------------------------------------------------------------------

void TestApiClient::cancel_beforeStart() {
    ApiJob *job = getModels();
    QSignalSpy finished(job, &ApiJob::finished);
    auto outcome = watch(job);
    job->cancel();
    QCOMPARE(finished.count(), 1); // synchronously
    QCOMPARE(outcome->status, Status::Canceled);
    QCOMPARE(outcome->error.kind(), ApiError::Kind::Canceled);
    QCOMPARE(outcome->attempts, 0);
    // A later job reaches the server first and alone: the canceled one never left.
    m_server->enqueue(ScriptedResponse::json(200, "{}"));
    auto other = watch(m_client->get(u"/v1/other"_s));
    QTRY_COMPARE(other->finishedCount, 1);
    QCOMPARE(m_server->requestCount(), 1);
    QCOMPARE(m_server->lastRequest().path(), "/v1/other"_ba);
    QCOMPARE(outcome->finishedCount, 1);
}

void TestApiClient::cancel_duringRequest_leavesNoReply() {
    m_server->enqueue(ScriptedResponse::neverAnswer());
    QPointer<ApiJob> job = getModels();
    QSignalSpy finished(job.data(), &ApiJob::finished);
    auto outcome = watch(job);
    QTRY_COMPARE(m_server->requestCount(), 1);
    QCOMPARE(m_nam->findChildren<QNetworkReply *>().size(), 1);
    job->cancel();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(outcome->status, Status::Canceled);
    QVERIFY(outcome->retries.isEmpty());
    QTRY_VERIFY(job.isNull());                                      // deleted itself
    QTRY_COMPARE(m_nam->findChildren<QNetworkReply *>().size(), 0); // and its reply
    QCOMPARE(outcome->finishedCount, 1);
}

void TestApiClient::cancel_duringRetryWait() {
    m_server->enqueue(ScriptedResponse::json(503, "{}").header("Retry-After", "5"));
    QPointer<ApiJob> job = getModels();
    auto outcome = watch(job);
    QTRY_COMPARE(outcome->retries.size(), 1);
    job->cancel();
    QCOMPARE(outcome->finishedCount, 1);
    QCOMPARE(outcome->status, Status::Canceled);
    QTRY_VERIFY(job.isNull());
    QCOMPARE(m_server->requestCount(), 1);
}

void TestApiClient::cancel_twice_isHarmless() {
    m_server->enqueue(ScriptedResponse::json(200, "{}"));
    ApiJob *job = getModels();
    auto outcome = watch(job);
    job->cancel();
    job->cancel();
    QCOMPARE(outcome->finishedCount, 1);
    QCOMPARE(outcome->status, Status::Canceled);
}

void TestApiClient::deletePendingJob_emitsFinishedOnce() {
    m_server->enqueue(ScriptedResponse::neverAnswer());
    ApiJob *job = getModels();
    auto outcome = watch(job);
    QTRY_COMPARE(m_server->requestCount(), 1);
    delete job;
    QCOMPARE(outcome->finishedCount, 1);
    QCOMPARE(outcome->status, Status::Canceled);
    QTRY_COMPARE(m_nam->findChildren<QNetworkReply *>().size(), 0);
}

void TestApiClient::replyDestroyed_endsJobOnce() {
    m_server->enqueue(ScriptedResponse::neverAnswer());
    QPointer<ApiJob> job = getModels();
    auto outcome = watch(job);
    QTRY_COMPARE(m_nam->findChildren<QNetworkReply *>().size(), 1);
    delete m_nam->findChildren<QNetworkReply *>().constFirst();
    QCOMPARE(outcome->finishedCount, 1);
    QCOMPARE(outcome->status, Status::Canceled);
    QTRY_VERIFY(job.isNull());
    QCOMPARE(outcome->finishedCount, 1);
}

void TestApiClient::clientDestroyed_cancelsJobs() {
    m_server->enqueue(ScriptedResponse::neverAnswer());
    auto started = watch(getModels());
    QTRY_COMPARE(m_server->requestCount(), 1);
    auto notStarted = watch(getModels());
    m_client.reset();
    QCOMPARE(started->finishedCount, 1);
    QCOMPARE(started->status, Status::Canceled);
    QCOMPARE(notStarted->finishedCount, 1);
    QCOMPARE(notStarted->status, Status::Canceled);
    QTRY_COMPARE(m_nam->findChildren<QNetworkReply *>().size(), 0);
}

void TestApiClient::job_deletesItselfAfterFinished() {
    m_server->enqueue(ScriptedResponse::json(200, "{}"));
    QPointer<ApiJob> job = getModels();
    QSignalSpy finished(job.data(), &ApiJob::finished);
    QTRY_COMPARE(finished.count(), 1);
    QTRY_VERIFY(job.isNull());
    QCOMPARE(finished.count(), 1);
    QTRY_COMPARE(m_nam->findChildren<QNetworkReply *>().size(), 0);
}

// --- Logs -------------------------------------------------------------------------------

void TestApiClient::logs_containNoSecret() {
    {
        QMutexLocker locker(&g_logMutex);
        g_log.clear();
    }
    QLoggingCategory::setFilterRules(u"tramontane.net.debug=true"_s);
    const QtMessageHandler previous = qInstallMessageHandler(captureLog);

    m_server->enqueue(ScriptedResponse::json(503, R"({"detail":"busy"})")
                          .header("Mistral-Correlation-Id", "corr-9"));
    m_server->enqueue(ScriptedResponse::json(401, R"({"detail":"Invalid API Key"})")
                          .header("Mistral-Correlation-Id", "corr-10"));
    auto outcome = watch(m_client->postJson(u"/v1/chat/completions"_s,
                                            {{"messages"_L1, QJsonArray{u"hello"_s}}}, Ctx::Chat));
    QTRY_COMPARE_WITH_TIMEOUT(outcome->finishedCount, 1, 5000);

    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(u"tramontane.net.debug=false"_s);

    QMutexLocker locker(&g_logMutex);
    const QString all = g_log.join(u'\n');
    QVERIFY2(!all.contains(kKey), qPrintable(all));
    QVERIFY2(!all.contains("hello"_L1), qPrintable(all)); // no request body
    QVERIFY2(all.contains("POST /v1/chat/completions"_L1), qPrintable(all));
    QVERIFY2(all.contains("401"_L1), qPrintable(all));
    QVERIFY2(all.contains("corr-10"_L1), qPrintable(all));
}

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
