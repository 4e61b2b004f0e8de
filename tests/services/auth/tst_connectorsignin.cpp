// SPDX-License-Identifier: GPL-3.0-or-later
// One connector's whole sign-in (ConnectorSignIn) against the emulator, the test playing the
// browser: discovery, dynamic registration or an entered client, manual endpoints, the tokens
// kept (in the keychain when scripts/test provides one) and sent with the next chat request,
// refreshed when expired, and everything forgotten when the connector goes.
#include "core/auth/ConnectorSignIn.h"
#include "core/auth/OAuthTokenManager.h"
#include "core/auth/OAuthTokenStore.h"
#include "core/auth/SecretStore.h"
#include "core/net/Redactor.h"
#include "core/services/OwnedSecrets.h"
#include "core/services/ToolCredentials.h"

#include "OAuthTestSupport.h"
#include "support/EmulatorProcess.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QUrlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using Outcome = ConnectorSignIn::Outcome;

namespace {

bool haveSessionKeyring() {
    return !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")
           && !qEnvironmentVariableIsEmpty("TRAMONTANE_TEST_HOME");
}

std::optional<OAuthTokens> load(OAuthTokenStore &store, const QString &connector) {
    QObject context;
    bool done = false;
    std::optional<OAuthTokens> tokens;
    store.load(connector, &context, [&](const std::optional<OAuthTokens> &t, const QString &) {
        tokens = t;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 10000))
        return std::nullopt;
    return tokens;
}

std::optional<QString> read(SecretStore &store, const QString &entry) {
    QObject context;
    bool done = false;
    std::optional<QString> value;
    store.read(entry, &context, [&](const SecretStore::Result &r) {
        value = r.value;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 10000))
        return u"(no answer)"_s;
    return value;
}

} // namespace

class TestConnectorSignIn : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void discovered_registersSignsInAndStoresTheTokens();
    void keychain_keepsTheTokensForTheNextRun();
    void token_isSentWithTheNextChatRequest_andRefreshedWhenExpired();
    void manualEndpoints_withEnteredClient_signIn();
    void manualEndpoints_incomplete_areRefusedBeforeAnyRequest();
    void noRegistration_andNoClientId_asksForOne();
    void unreachableServer_namesTheFailedStep();
    void cancel_whileWaitingForTheBrowser_endsCanceled();
    void deletedConnector_leavesNoSecretBehind();

private:
    ConnectorSignIn::Result run(const QString &connector, const OAuthConnectorConfig &config,
                                const QString &secret = {}, bool playBrowser = true,
                                SecretStore *secrets = nullptr,
                                OAuthTokenManager *manager = nullptr);
    void setOAuth(const QJsonObject &options) {
        QCOMPARE(m_http->post(u"/__admin/oauth"_s, options).status, 200);
    }
    QUrl serverUrl() const { return m_http->url(u"/__mcp/oauth"_s); }
    //! A chat completion that calls the echo tool of \a connectorName with \a token.
    Test::HttpResult chatTurn(const QString &connectorName, const std::optional<Tool> &tool);

    Test::EmulatorProcess m_emulator;
    std::unique_ptr<Test::HttpDriver> m_http;
    QNetworkAccessManager m_nam;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<OAuthTokenStore> m_store;
    std::unique_ptr<OAuthTokenManager> m_manager;
};

void TestConnectorSignIn::initTestCase() {
    QVERIFY2(m_emulator.start(u"test-key"_s), qPrintable(m_emulator.errorString()));
    m_http = std::make_unique<Test::HttpDriver>(m_emulator.baseUrl(), "test-key");
    m_nam.setProxy(QNetworkProxy::NoProxy);
}

void TestConnectorSignIn::init() {
    setOAuth(QJsonObject{{u"token_lifetime"_s, 3600},
                         {u"registration"_s, true},
                         {u"rotate_refresh_tokens"_s, true}});
    m_http->del(u"/__admin/requests"_s);
    m_secrets = std::make_unique<MemorySecretStore>();
    m_store = std::make_unique<OAuthTokenStore>(m_secrets.get());
    m_manager = std::make_unique<OAuthTokenManager>(&m_nam, m_store.get());
}

void TestConnectorSignIn::cleanup() {
    m_manager.reset();
    m_store.reset();
    m_secrets.reset();
    Redactor::clearSecrets();
}

ConnectorSignIn::Result TestConnectorSignIn::run(const QString &connector,
                                                 const OAuthConnectorConfig &config,
                                                 const QString &secret, bool playBrowser,
                                                 SecretStore *secrets, OAuthTokenManager *manager) {
    ConnectorSignIn signIn(&m_nam, secrets ? secrets : m_secrets.get(),
                           manager ? manager : m_manager.get());
    Test::TestBrowser browser;
    if (playBrowser) {
        connect(&signIn, &ConnectorSignIn::browserRequested, &signIn,
                [&browser](const QUrl &url) { browser.follow(url); });
    }
    QSignalSpy finished(&signIn, &ConnectorSignIn::finished);
    signIn.start(connector, serverUrl(), config, secret);
    if (finished.isEmpty() && !finished.wait(20000))
        return {.outcome = Outcome::Canceled, .detail = u"no end"_s};
    return finished.first().first().value<ConnectorSignIn::Result>();
}

Test::HttpResult TestConnectorSignIn::chatTurn(const QString &connectorName,
                                               const std::optional<Tool> &tool) {
    QJsonObject json{{u"type"_s, u"connector"_s}, {u"connector_id"_s, connectorName}};
    if (tool && tool->authorization)
        json.insert(u"authorization"_s, tool->authorization->toJson());
    return m_http->post(
        u"/v1/chat/completions"_s,
        QJsonObject{
            {u"model"_s, u"mistral-small-latest"_s},
            {u"tools"_s, QJsonArray{json}},
            {u"messages"_s,
             QJsonArray{QJsonObject{{u"role"_s, u"user"_s},
                                    {u"content"_s, u"use tool echo {\"message\": \"hi\"}"_s}}}}});
}

void TestConnectorSignIn::discovered_registersSignsInAndStoresTheTokens() {
    QSignalSpy states(m_manager.get(), &OAuthTokenManager::stateChanged);
    const auto result = run(u"wiki"_s, OAuthConnectorConfig{});
    QVERIFY2(result.outcome == Outcome::SignedIn, qPrintable(result.detail));
    QVERIFY(result.persisted);

    const auto tokens = load(*m_store, u"wiki"_s);
    QVERIFY(tokens);
    QVERIFY(tokens->accessToken.startsWith("emu-at-"_L1));
    QCOMPARE(tokens->resource, serverUrl());
    // The app registered itself (RFC 7591) and kept the registration per issuer.
    QCOMPARE(m_http->recordedRequests(u"/__oauth/register"_s).size(), 1);
    QVERIFY(m_secrets->keys().contains(OAuthClientRegistration::entry(tokens->issuer)));
    QCOMPARE(m_manager->state(u"wiki"_s), OAuthTokenManager::State::SignedIn);
    QVERIFY(!states.isEmpty());
    // The token opens the protected server that refused the bare request.
    QCOMPARE(Test::protectedStatus(*m_http, QString()), 401);
    QVERIFY(Test::protectedStatus(*m_http, tokens->accessToken) != 401);
    // Never shown in a log.
    QVERIFY(!Redactor::redactText(tokens->accessToken).contains(tokens->accessToken));

    // A second sign-in reuses the kept registration.
    QVERIFY(run(u"wiki2"_s, OAuthConnectorConfig{}).outcome == Outcome::SignedIn);
    QCOMPARE(m_http->recordedRequests(u"/__oauth/register"_s).size(), 1);
}

void TestConnectorSignIn::keychain_keepsTheTokensForTheNextRun() {
    if (!haveSessionKeyring())
        QSKIP("needs the private session bus and keyring that scripts/test provides");
    const QString service = u"Tramontane-test-"_s + QUuid::createUuid().toString(QUuid::Id128);
    KeychainSecretStore keychain(service);
    OAuthTokenStore store(&keychain);
    OAuthTokenManager manager(&m_nam, &store);
    const auto result = run(u"wiki"_s, OAuthConnectorConfig{}, {}, true, &keychain, &manager);
    QVERIFY2(result.outcome == Outcome::SignedIn, qPrintable(result.detail));
    QVERIFY(result.persisted);
    QVERIFY(!store.isSessionOnly());

    // The next run of the app (another store on the same keychain service) finds them.
    KeychainSecretStore again(service);
    OAuthTokenStore reader(&again);
    const auto loaded = load(reader, u"wiki"_s);
    QVERIFY(loaded);
    QVERIFY(Test::protectedStatus(*m_http, loaded->accessToken) != 401);

    QObject context;
    bool removed = false;
    Connector connector;
    connector.id = u"wiki"_s;
    OwnedSecrets::remove(&again, OwnedSecrets::ofConnector(connector), &context,
                         [&](bool ok, const QString &) { removed = ok; });
    QTRY_VERIFY_WITH_TIMEOUT(removed, 10000);
    QVERIFY(!load(reader, u"wiki"_s));
}

void TestConnectorSignIn::token_isSentWithTheNextChatRequest_andRefreshedWhenExpired() {
    const QString name = u"oauth_%1"_s.arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
    const Test::HttpResult created =
        m_http->post(u"/v1/connectors"_s, QJsonObject{{u"name"_s, name},
                                                      {u"description"_s, u"d"_s},
                                                      {u"server"_s, serverUrl().toString()}});
    QCOMPARE(created.status, 201);
    Connector connector = Connector::fromJson(created.object());
    QVERIFY(run(connector.id, OAuthConnectorConfig{}).outcome == Outcome::SignedIn);
    const auto first = load(*m_store, connector.id);
    QVERIFY(first);

    // What the chat does before each request: the connector tool gets the sign-in's token.
    Tool tool;
    tool.type = Tool::Type::Connector;
    tool.connectorId = name;
    auto authorize = [&] {
        std::optional<QList<Tool>> out;
        QObject context;
        ToolCredentials::authorizeTools(
            {tool}, m_secrets.get(), &context, [&out](const QList<Tool> &t) { out = t; },
            {connector}, m_manager.get());
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 15000) || out->isEmpty())
            return std::optional<Tool>();
        return std::optional<Tool>(out->first());
    };
    const auto sent = authorize();
    QVERIFY(sent && sent->authorization);
    QCOMPARE(sent->authorization->type, u"oauth2-token"_s);
    QCOMPARE(sent->authorization->value, first->accessToken);
    const Test::HttpResult ok = chatTurn(name, sent);
    QCOMPARE(ok.status, 200);
    QVERIFY(ok.body.contains("Echo: hi"));

    // The token expired at the provider and by the clock: the next request carries a new one,
    // refreshed before it left, and the turn works.
    QCOMPARE(m_http->post(u"/__admin/oauth/expire"_s, QJsonObject()).status, 200);
    QCOMPARE(chatTurn(name, sent).status, 401);
    m_manager->setClock([] { return QDateTime::currentDateTimeUtc().addSecs(7200); });
    const auto renewed = authorize();
    QVERIFY(renewed && renewed->authorization);
    QVERIFY(renewed->authorization->value != first->accessToken);
    QCOMPARE(chatTurn(name, renewed).status, 200);
    QCOMPARE(load(*m_store, connector.id)->accessToken, renewed->authorization->value);
}

void TestConnectorSignIn::manualEndpoints_withEnteredClient_signIn() {
    // Entered by hand (as for Google): no discovery, no registration, the person's client.
    OAuthConnectorConfig config;
    config.mode = OAuthConnectorConfig::Mode::Manual;
    config.authorizationUrl = m_http->url(u"/__oauth/authorize"_s);
    config.tokenUrl = m_http->url(u"/__oauth/token"_s);
    config.revocationUrl = m_http->url(u"/__oauth/revoke"_s);
    config.scope = u"mcp:tools"_s;
    QString secret;
    config.clientId = Test::registerClient(*m_http, u"http://127.0.0.1/callback"_s,
                                           u"client_secret_post"_s, &secret);
    QVERIFY(!secret.isEmpty());
    m_http->del(u"/__admin/requests"_s);
    const auto result = run(u"mail"_s, config, secret);
    QVERIFY2(result.outcome == Outcome::SignedIn, qPrintable(result.detail));
    QCOMPARE(m_http->recordedRequests(u"/__oauth/register"_s).size(), 0);
    QCOMPARE(m_http->recordedRequests(u"/__mcp/oauth"_s).size(), 0);
    const auto tokens = load(*m_store, u"mail"_s);
    QVERIFY(tokens);
    QCOMPARE(tokens->client.clientId, config.clientId);
    QCOMPARE(tokens->revocationEndpoint, config.revocationUrl);
    // The emulator's redirect carries its issuer, which endpoints entered by hand cannot know:
    // not a reason to refuse. A preset knows its issuer, and checks it.
    QVERIFY(config.manualServer().issuer.isEmpty());
    QCOMPARE(OAuthConnectorConfig::google().manualServer().issuer,
             u"https://accounts.google.com"_s);
    // The secret went to the token endpoint and nowhere into a log.
    QVERIFY(!Redactor::redactText(secret).contains(secret));
}

void TestConnectorSignIn::manualEndpoints_incomplete_areRefusedBeforeAnyRequest() {
    OAuthConnectorConfig config = OAuthConnectorConfig::google();
    // No client id: Google has no dynamic registration.
    auto result = run(u"gmail"_s, config);
    QCOMPARE(result.outcome, Outcome::ConfigInvalid);
    QCOMPARE(result.detail, u"no client id"_s);
    config.clientId = u"id.apps.googleusercontent.com"_s;
    config.authorizationUrl = QUrl(u"http://accounts.example.com/auth"_s);
    result = run(u"gmail"_s, config);
    QCOMPARE(result.outcome, Outcome::ConfigInvalid);
    QCOMPARE(result.detail, u"the authorization URL is not https"_s);
}

void TestConnectorSignIn::noRegistration_andNoClientId_asksForOne() {
    setOAuth(QJsonObject{{u"registration"_s, false}});
    const auto result = run(u"wiki"_s, OAuthConnectorConfig{});
    QCOMPARE(result.outcome, Outcome::NeedsClientId);
    QVERIFY(!load(*m_store, u"wiki"_s));
}

void TestConnectorSignIn::unreachableServer_namesTheFailedStep() {
    ConnectorSignIn signIn(&m_nam, m_secrets.get(), m_manager.get());
    QSignalSpy finished(&signIn, &ConnectorSignIn::finished);
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    signIn.start(u"wiki"_s, QUrl(u"http://127.0.0.1:%1/mcp"_s.arg(port)), {}, {});
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    const auto result = finished.first().first().value<ConnectorSignIn::Result>();
    QCOMPARE(result.outcome, Outcome::DiscoveryFailed);
    QCOMPARE(result.discoveryFailure.step, OAuthDiscovery::Step::ProbeServer);
    QCOMPARE(result.discoveryFailure.problem, OAuthDiscovery::Problem::NetworkError);
}

void TestConnectorSignIn::cancel_whileWaitingForTheBrowser_endsCanceled() {
    ConnectorSignIn signIn(&m_nam, m_secrets.get(), m_manager.get());
    QUrl opened;
    connect(&signIn, &ConnectorSignIn::browserRequested, this,
            [&opened](const QUrl &url) { opened = url; });
    QSignalSpy finished(&signIn, &ConnectorSignIn::finished);
    signIn.start(u"wiki"_s, serverUrl(), {}, {});
    QTRY_COMPARE_WITH_TIMEOUT(signIn.stage(), ConnectorSignIn::Stage::WaitingForBrowser, 15000);
    QVERIFY(opened.isValid());
    const QUrl redirect(QUrlQuery(opened).queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded));
    QVERIFY2(redirect.host() == "127.0.0.1"_L1, qPrintable(redirect.toString()));
    signIn.cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().value<ConnectorSignIn::Result>().outcome, Outcome::Canceled);
    QVERIFY(!signIn.isRunning());
    // The loopback port is closed: a late browser finds nobody.
    QTcpSocket late;
    late.connectToHost(QHostAddress::LocalHost, quint16(redirect.port()));
    QVERIFY(!late.waitForConnected(2000));
    QVERIFY(!load(*m_store, u"wiki"_s));
}

void TestConnectorSignIn::deletedConnector_leavesNoSecretBehind() {
    Connector connector;
    connector.id = u"c0ffee"_s;
    connector.name = u"wiki"_s;
    QVERIFY(run(connector.id, OAuthConnectorConfig{}).outcome == Outcome::SignedIn);
    QObject context;
    bool written = false;
    m_secrets->write(OAuthConnectorConfig::clientSecretEntry(connector.id), u"entered"_s, &context,
                     [&](const SecretStore::Result &r) { written = r.ok; });
    QTRY_VERIFY(written);
    const auto tokens = load(*m_store, connector.id);
    QVERIFY(tokens);

    // What the Connectors page does when the connector is deleted: revoke, then forget.
    bool signedOut = false;
    m_manager->signOut(connector.id, &context,
                       [&](bool revoked, const QString &) { signedOut = revoked; });
    QTRY_VERIFY_WITH_TIMEOUT(signedOut, 10000);
    bool removed = false;
    OwnedSecrets::remove(m_secrets.get(), OwnedSecrets::ofConnector(connector), &context,
                         [&](bool ok, const QString &) { removed = ok; });
    QTRY_VERIFY_WITH_TIMEOUT(removed, 10000);
    QVERIFY(!read(*m_secrets, SecretStore::oauthTokenEntry(connector.id)));
    QVERIFY(!read(*m_secrets, OAuthConnectorConfig::clientSecretEntry(connector.id)));
    QCOMPARE(Test::protectedStatus(*m_http, tokens->accessToken), 401);
}

QTEST_GUILESS_MAIN(TestConnectorSignIn)
#include "tst_connectorsignin.moc"
