// SPDX-License-Identifier: GPL-3.0-or-later
// ChatTargetLoader: the models list asked for again after a failure, with a bounded backoff;
// never again for an error that waiting does not fix; a list from elsewhere ends the wait.
#include "core/net/ApiClient.h"
#include "core/services/ModelService.h"
#include "models/ChatTargetLoader.h"
#include "support/FakeHttpServer.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
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

QTEST_GUILESS_MAIN(TestChatTargetLoader)
#include "tst_chattargetloader.moc"
