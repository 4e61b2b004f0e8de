// SPDX-License-Identifier: GPL-3.0-or-later
// The check of an API address and key before they are used (Settings, the welcome page),
// against a scripted loopback server; the live client is never disturbed.
#include "core/services/ConnectionCheck.h"

#include "core/net/ApiClient.h"
#include "support/FakeHttpServer.h"

#include <QNetworkAccessManager>
#include <QTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using Tramontane::Test::FakeHttpServer;
using Tramontane::Test::ScriptedResponse;

namespace {

const QByteArray kModels = R"({"object":"list","data":[{"id":"mistral-small-latest"}]})";

} // namespace

class TestConnectionCheck : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void workingKey_isOk_andTheLiveClientIsUntouched();
    void refusedKey_givesTheHttpError();
    void withoutKey_checksTheKeyInUse();
    void unusableAddress_givesItsProblemAtOnce();

private:
    std::optional<ConnectionCheck::Result> run(const QUrl &url, const QString &key);

    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<ApiClient> m_live;
    std::unique_ptr<ConnectionCheck> m_check;
};

void TestConnectionCheck::init() {
    m_server = std::make_unique<FakeHttpServer>();
    QVERIFY(m_server->listen());
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_live = std::make_unique<ApiClient>(m_nam.get());
    QVERIFY(m_live->setBaseUrl(QUrl(u"http://127.0.0.1:9"_s)));
    m_live->setApiKey(u"live-key-0123456789"_s);
    m_check = std::make_unique<ConnectionCheck>(m_live.get());
}

void TestConnectionCheck::cleanup() {
    m_check.reset();
    m_live.reset();
    m_nam.reset();
    m_server.reset();
}

std::optional<ConnectionCheck::Result> TestConnectionCheck::run(const QUrl &url,
                                                                const QString &key) {
    std::optional<ConnectionCheck::Result> result;
    QObject context;
    m_check->check(url, key, &context, [&result](const ConnectionCheck::Result &r) { result = r; });
    (void)QTest::qWaitFor([&result] { return result.has_value(); }, 10000);
    return result;
}

void TestConnectionCheck::workingKey_isOk_andTheLiveClientIsUntouched() {
    m_server->enqueue(ScriptedResponse::json(200, kModels));
    const auto result = run(m_server->baseUrl(), u"new-key-0123456789"_s);
    QVERIFY(result);
    QVERIFY(result->ok());
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(m_server->requests().first().path(), QByteArray("/v1/models"));
    QCOMPARE(m_server->requests().first().header("authorization"),
             QByteArray("Bearer new-key-0123456789"));
    QCOMPARE(m_live->baseUrl(), QUrl(u"http://127.0.0.1:9"_s));
}

void TestConnectionCheck::refusedKey_givesTheHttpError() {
    m_server->enqueue(ScriptedResponse::json(401, R"({"detail":"Invalid API Key"})"));
    const auto result = run(m_server->baseUrl(), u"bad-key-0123456789"_s);
    QVERIFY(result);
    QVERIFY(!result->ok());
    QVERIFY(result->addressProblem.isEmpty());
    QCOMPARE(result->error.kind(), ApiError::Kind::Http);
    QCOMPARE(result->error.httpStatus(), 401);
}

void TestConnectionCheck::withoutKey_checksTheKeyInUse() {
    QVERIFY(m_live->setBaseUrl(m_server->baseUrl()));
    m_server->enqueue(ScriptedResponse::json(200, kModels));
    const auto result = run(m_server->baseUrl(), QString());
    QVERIFY(result);
    QVERIFY(result->ok());
    QCOMPARE(m_server->requests().first().header("authorization"),
             QByteArray("Bearer live-key-0123456789"));
}

void TestConnectionCheck::unusableAddress_givesItsProblemAtOnce() {
    std::optional<ConnectionCheck::Result> result;
    QObject context;
    m_check->check(QUrl(u"ftp://example.org"_s), u"key-0123456789"_s, &context,
                   [&result](const ConnectionCheck::Result &r) { result = r; });
    QVERIFY(result); // at once, nothing sent
    QVERIFY(!result->ok());
    QVERIFY(!result->addressProblem.isEmpty());
    QVERIFY(m_server->requests().isEmpty());
}

QTEST_GUILESS_MAIN(TestConnectionCheck)
#include "tst_connectioncheck.moc"
