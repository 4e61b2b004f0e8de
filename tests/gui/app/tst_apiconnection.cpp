// SPDX-License-Identifier: GPL-3.0-or-later
// ApiConnection against a fake server: a key from the environment is used at once, one from
// the keychain once read; without one nothing is asked and the settings are wanted; a
// forgotten key stops the asking; a refused key is said in plain words.
#include "app/ApiConnection.h"
#include "core/auth/SecretStore.h"
#include "core/net/ApiClient.h"
#include "core/services/ConnectionCheck.h"
#include "ui/MainWindow.h"

#include "support/FakeHttpServer.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

class TestApiConnection : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void environmentKey_readyThenAvailable();
    void keychainKey_forgotten_nothingAskedAnyMore();
    void noKey_notAFirstStart_asksForOne();
    void checkKey_refusedKey_saysSoInPlainWords();

private:
    ConnectionConfig apiConfig(ConnectionConfig::KeySource source, const QString &key = {});
    //! What the connection said, in order ("ready", "Starting", "NeedsKey", "Ready", "key?").
    void record(ApiConnection *connection);

    std::unique_ptr<Test::FakeHttpServer> m_server;
    QNetworkAccessManager m_nam;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<ConnectionCheck> m_check;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<ApiConnection> m_connection;
    QStringList m_said;
};

void TestApiConnection::init() {
    m_server = std::make_unique<Test::FakeHttpServer>();
    QVERIFY(m_server->listen());
    m_client = std::make_unique<ApiClient>(&m_nam);
    m_check = std::make_unique<ConnectionCheck>(m_client.get());
    m_secrets = std::make_unique<MemorySecretStore>();
    m_window = std::make_unique<MainWindow>();
    m_said.clear();
}

void TestApiConnection::cleanup() {
    m_connection.reset();
    m_window.reset();
    m_secrets.reset();
    m_check.reset();
    m_client.reset();
    m_server.reset();
}

ConnectionConfig TestApiConnection::apiConfig(ConnectionConfig::KeySource source,
                                              const QString &key) {
    ConnectionConfig config;
    config.mode = ConnectionConfig::Mode::Api;
    config.keySource = source;
    config.baseUrl = m_server->baseUrl();
    config.apiKey = key;
    return config;
}

void TestApiConnection::record(ApiConnection *connection) {
    connect(connection, &ApiConnection::ready, this, [this] { m_said << u"ready"_s; });
    connect(connection, &ApiConnection::keyNeeded, this, [this] { m_said << u"key?"_s; });
    connect(connection, &ApiConnection::availabilityChanged, this, [this](ApiAvailability a) {
        m_said << (a == ApiAvailability::Starting   ? u"Starting"_s
                   : a == ApiAvailability::NeedsKey ? u"NeedsKey"_s
                                                    : u"Ready"_s);
    });
}

void TestApiConnection::environmentKey_readyThenAvailable() {
    m_connection = std::make_unique<ApiConnection>(
        apiConfig(ConnectionConfig::KeySource::Environment, u"env-key"_s), m_client.get(),
        m_check.get(), m_secrets.get(), m_window.get());
    record(m_connection.get());
    QVERIFY(!m_connection->isReady());
    m_connection->connectToApi();
    // The lists load (ready) before the pages are told they may ask.
    QCOMPARE(m_said, (QStringList{u"Starting"_s, u"ready"_s, u"Ready"_s}));
    QVERIFY(m_connection->isReady());
    QVERIFY(m_client->hasApiKey());
    QCOMPARE(m_client->baseUrl(), m_server->baseUrl());
}

void TestApiConnection::keychainKey_forgotten_nothingAskedAnyMore() {
    std::optional<SecretStore::Result> written;
    m_secrets->write(SecretStore::apiKeyEntry(), u"kept-key"_s, this,
                     [&](const SecretStore::Result &r) { written = r; });
    QTRY_VERIFY(written.has_value());
    m_connection = std::make_unique<ApiConnection>(apiConfig(ConnectionConfig::KeySource::Keychain),
                                                   m_client.get(), m_check.get(), m_secrets.get(),
                                                   m_window.get());
    record(m_connection.get());
    m_connection->connectToApi();
    QTRY_VERIFY(m_connection->isReady());
    QVERIFY(m_client->hasApiKey());
    m_said.clear();

    std::optional<QString> forgotten;
    m_connection->forgetKey(this, [&](const QString &error) { forgotten = error; });
    QTRY_VERIFY(forgotten.has_value());
    QCOMPARE(*forgotten, QString());
    QCOMPARE(m_said, QStringList{u"NeedsKey"_s});
    QVERIFY(!m_connection->isReady());
    QVERIFY(!m_client->hasApiKey());
    QVERIFY(m_secrets->keys().isEmpty());
}

void TestApiConnection::noKey_notAFirstStart_asksForOne() {
    m_connection = std::make_unique<ApiConnection>(apiConfig(ConnectionConfig::KeySource::Keychain),
                                                   m_client.get(), m_check.get(), m_secrets.get(),
                                                   m_window.get());
    record(m_connection.get());
    m_connection->connectToApi();
    QTRY_COMPARE(m_said, (QStringList{u"Starting"_s, u"NeedsKey"_s, u"key?"_s}));
    QVERIFY(!m_connection->isReady());
    QVERIFY(m_server->requests().isEmpty()); // nothing was asked
}

void TestApiConnection::checkKey_refusedKey_saysSoInPlainWords() {
    m_connection = std::make_unique<ApiConnection>(apiConfig(ConnectionConfig::KeySource::Keychain),
                                                   m_client.get(), m_check.get(), m_secrets.get(),
                                                   m_window.get());
    m_server->enqueue(Test::ScriptedResponse::json(401, R"({"detail": "Unauthorized"})"));
    std::optional<QString> problem;
    m_connection->checkKey(m_server->baseUrl(), u"wrong"_s, this,
                           [&](const QString &p) { problem = p; });
    QTRY_VERIFY(problem.has_value());
    QVERIFY2(problem->contains(u"did not accept this key"_s), qPrintable(*problem));

    m_server->enqueue(Test::ScriptedResponse::json(200, R"({"object": "list", "data": []})"));
    problem.reset();
    m_connection->checkKey(m_server->baseUrl(), u"right"_s, this,
                           [&](const QString &p) { problem = p; });
    QTRY_VERIFY(problem.has_value());
    QCOMPARE(*problem, QString());
}

QTEST_MAIN(TestApiConnection)
#include "tst_apiconnection.moc"
