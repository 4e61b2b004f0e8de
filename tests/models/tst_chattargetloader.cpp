// SPDX-License-Identifier: GPL-3.0-or-later
// ChatTargetLoader: the models list asked for again after a failure, with a bounded backoff;
// never again for an error that waiting does not fix; a list from elsewhere ends the wait.
// Without a network (a closed loopback port, a name that cannot resolve) it never gives up,
// and the network coming back asks at once.
#include "core/net/ApiClient.h"
#include "core/services/ModelService.h"
#include "models/ChatTargetLoader.h"
#include "support/FakeHttpServer.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace Tramontane;
using Tramontane::Test::FakeHttpServer;
using Tramontane::Test::ScriptedResponse;
using State = ChatTargetLoader::State;

namespace {

const QByteArray kModels =
    R"({"object":"list","data":[{"id":"mistral-small-latest","object":"model",)"
    R"("capabilities":{"completion_chat":true}}]})";

} // namespace

class TestChatTargetLoader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void serverErrors_areRetriedWithGrowingBoundedDelays_thenGiveUp();
    void rejectedKey_isNotRetried_untilLoad();
    void listFromElsewhere_endsTheWait();
    void unreachable_neverGivesUp_data();
    void unreachable_neverGivesUp();
    void networkBack_asksAtOnce();

private:
    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<ModelService> m_models;
};

void TestChatTargetLoader::init() {
    m_server = std::make_unique<FakeHttpServer>();
    QVERIFY(m_server->listen());
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<ApiClient>(m_nam.get());
    QVERIFY(m_client->setBaseUrl(m_server->baseUrl()));
    m_client->setApiKey(u"loader-key-0123456789"_s);
    m_client->setRetryPolicy(RetryPolicy::never()); // only the loader's own retries here
    m_models = std::make_unique<ModelService>(m_client.get());
}

void TestChatTargetLoader::cleanup() {
    m_models.reset();
    m_client.reset();
    m_nam.reset();
    m_server.reset();
}

void TestChatTargetLoader::serverErrors_areRetriedWithGrowingBoundedDelays_thenGiveUp() {
    for (int i = 0; i < 1 + 3; ++i)
        m_server->enqueue(ScriptedResponse::json(500, R"({"detail":"boom"})"));
    ChatTargetLoader loader(m_models.get(), nullptr);
    loader.setBackoff(100ms, 300ms, 3);
    QList<std::chrono::milliseconds> delays;
    connect(&loader, &ChatTargetLoader::stateChanged, this, [&](State state) {
        if (state == State::RetryScheduled)
            delays << loader.retryDelay();
    });
    loader.load();
    QTRY_COMPARE_WITH_TIMEOUT(loader.state(), State::GaveUp, 5000);
    QCOMPARE(m_server->requestCount(), 1 + 3);
    QCOMPARE(delays.size(), 3);
    // 100, 200, then capped at 300 ms; each within the +/-25 % jitter.
    const QList<int> expected{100, 200, 300};
    for (int i = 0; i < 3; ++i) {
        QVERIFY2(delays.at(i).count() >= expected.at(i) * 3 / 4
                     && delays.at(i).count() <= expected.at(i) * 5 / 4,
                 qPrintable(QString::number(delays.at(i).count())));
    }
    QCOMPARE(loader.error().httpStatus(), 500);
    // Given up: nothing more is sent until load().
    QTest::qWait(600);
    QCOMPARE(m_server->requestCount(), 1 + 3);

    m_server->setHandler([](const auto &) { return ScriptedResponse::json(200, kModels); });
    QSignalSpy listed(m_models.get(), &ModelService::listed);
    loader.load();
    QTRY_COMPARE(loader.state(), State::Loaded);
    QCOMPARE(listed.count(), 1);
    QVERIFY(!loader.error().isError());
}

void TestChatTargetLoader::rejectedKey_isNotRetried_untilLoad() {
    m_server->enqueue(ScriptedResponse::json(401, R"({"detail":"Invalid API Key"})"));
    m_server->enqueue(ScriptedResponse::json(200, kModels));
    ChatTargetLoader loader(m_models.get(), nullptr);
    loader.setBackoff(50ms, 100ms, 5);
    loader.load();
    QTRY_COMPARE(loader.state(), State::WaitingForSettings);
    QCOMPARE(loader.error().httpStatus(), 401);
    QTest::qWait(400); // far longer than any retry would wait
    QCOMPARE(m_server->requestCount(), 1);
    loader.load(); // a settings change, or Retry
    QTRY_COMPARE(loader.state(), State::Loaded);
    QCOMPARE(m_server->requestCount(), 2);
}

void TestChatTargetLoader::listFromElsewhere_endsTheWait() {
    m_server->enqueue(ScriptedResponse::json(503, R"({"detail":"busy"})"));
    m_server->setHandler([](const auto &) { return ScriptedResponse::json(200, kModels); });
    ChatTargetLoader loader(m_models.get(), nullptr);
    loader.setBackoff(10s, 10s, 5);
    loader.load();
    QTRY_COMPARE(loader.state(), State::RetryScheduled);
    // Someone else (the Agents page) lists the models: the picker has them, no retry needed.
    bool done = false;
    m_models->list(this, [&done](const ServiceResult<ModelList> &) { done = true; });
    QTRY_VERIFY(done);
    QCOMPARE(loader.state(), State::Loaded);
    QCOMPARE(m_server->requestCount(), 2);
}

namespace {

//! A loopback port that nothing listens on (taken, then given back).
QUrl closedPort() {
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost))
        return {};
    const quint16 port = server.serverPort();
    server.close();
    return QUrl(u"http://127.0.0.1:%1"_s.arg(port));
}

} // namespace

void TestChatTargetLoader::unreachable_neverGivesUp_data() {
    QTest::addColumn<QUrl>("baseUrl");
    QTest::addColumn<int>("networkError");
    QTest::newRow("refused") << closedPort() << int(QNetworkReply::ConnectionRefusedError);
    // The .invalid top-level domain never resolves (RFC 6761), without asking the internet.
    QTest::newRow("dns") << QUrl(u"https://tramontane-offline-test.invalid"_s)
                         << int(QNetworkReply::HostNotFoundError);
}

void TestChatTargetLoader::unreachable_neverGivesUp() {
    QFETCH(QUrl, baseUrl);
    QFETCH(int, networkError);
    QVERIFY(m_client->setBaseUrl(baseUrl));
    ChatTargetLoader loader(m_models.get(), nullptr);
    loader.setBackoff(20ms, 40ms, 2);
    loader.load();
    // Past maxRetries() it is still scheduled again: the network may come back any time.
    QTRY_VERIFY_WITH_TIMEOUT(loader.retries() > loader.maxRetries() + 1, 10000);
    QVERIFY(loader.state() == State::RetryScheduled || loader.state() == State::Loading);
    QCOMPARE(int(loader.error().networkError()), networkError);
    QVERIFY(ChatTargetLoader::isUnreachable(loader.error()));
    // The wait stays bounded by maxDelay().
    QVERIFY2(loader.retryDelay() <= 50ms, qPrintable(QString::number(loader.retryDelay().count())));
}

void TestChatTargetLoader::networkBack_asksAtOnce() {
    QVERIFY(m_client->setBaseUrl(closedPort()));
    ChatTargetLoader loader(m_models.get(), nullptr);
    loader.setBackoff(60s, 60s, 3);
    loader.load();
    QTRY_COMPARE(loader.state(), State::RetryScheduled);
    // An answer from the server is not a missing network: nothing to do then.
    m_server->setHandler([](const auto &) { return ScriptedResponse::json(200, kModels); });
    QVERIFY(m_client->setBaseUrl(m_server->baseUrl()));
    loader.networkReachable();                // the system says the network is back
    QCOMPARE(loader.state(), State::Loading); // at once, not in a minute
    QTRY_COMPARE(loader.state(), State::Loaded);
    QCOMPARE(m_server->requestCount(), 1);

    // A list that failed for another reason (a rejected key) is not asked again.
    m_server->setHandler(
        [](const auto &) { return ScriptedResponse::json(401, R"({"detail":"no"})"); });
    loader.load();
    QTRY_COMPARE(loader.state(), State::WaitingForSettings);
    loader.networkReachable();
    QCOMPARE(loader.state(), State::WaitingForSettings);
}

QTEST_GUILESS_MAIN(TestChatTargetLoader)
#include "tst_chattargetloader.moc"
