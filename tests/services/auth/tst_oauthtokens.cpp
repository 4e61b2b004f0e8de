// SPDX-License-Identifier: GPL-3.0-or-later
// Tokens after a sign-in: stored in the keychain (or in memory without one), refreshed ahead of
// expiry with rotation, "needs sign-in" when the provider refuses, revoked at sign-out.
#include "core/auth/OAuthTokenManager.h"
#include "core/auth/OAuthTokenStore.h"
#include "core/auth/SecretStore.h"
#include "core/net/Redactor.h"
#include "core/services/ToolCredentials.h"

#include "OAuthTestSupport.h"
#include "support/EmulatorProcess.h"

#include <QUrlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using State = OAuthTokenManager::State;

namespace {

OAuthTokenManager::Access access(OAuthTokenManager &manager, const QString &connector,
                                 bool force = false) {
    QObject context;
    std::optional<OAuthTokenManager::Access> result;
    auto done = [&result](const OAuthTokenManager::Access &a) {
        result = a;
    };
    if (force)
        manager.refresh(connector, &context, done);
    else
        manager.accessToken(connector, &context, done);
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 15000))
        return {};
    return *result;
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

bool save(OAuthTokenStore &store, const QString &connector, const OAuthTokens &tokens,
          bool *persisted) {
    QObject context;
    bool done = false;
    store.save(connector, tokens, &context, [&](bool p, const QString &) {
        *persisted = p;
        done = true;
    });
    return QTest::qWaitFor([&] { return done; }, 10000);
}

bool haveSessionKeyring() {
    return !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")
           && !qEnvironmentVariableIsEmpty("TRAMONTANE_TEST_HOME");
}

} // namespace

class TestOAuthTokens : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void freshToken_isHandedOutWithoutRequest();
    void tokenNearExpiry_isRefreshedBeforeUse();
    void refresh_rotatesTheRefreshToken();
    void concurrentCallers_shareOneRefresh();
    void refusedRefresh_needsSignIn();
    void unreachableProvider_keepsTheValidToken();
    void signOut_revokesThenForgets();
    void chatTurn_expiredToken_failsUntilRefreshed();
    void toolCredentials_sendTheRefreshedToken();
    void noKeychain_keepsTokensInMemoryForTheSession();
    void keychain_storesTokensForToolCredentials();

private:
    void setOAuth(const QJsonObject &options) {
        QCOMPARE(m_http->post(u"/__admin/oauth"_s, options).status, 200);
    }
    OAuthTokens signIn() { return Test::signIn(&m_nam, *m_http, m_discovered); }

    Test::EmulatorProcess m_emulator;
    std::unique_ptr<Test::HttpDriver> m_http;
    QNetworkAccessManager m_nam;
    OAuthDiscovery::Result m_discovered;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<OAuthTokenStore> m_store;
    std::unique_ptr<OAuthTokenManager> m_manager;
};

void TestOAuthTokens::initTestCase() {
    QVERIFY2(m_emulator.start(u"test-key"_s), qPrintable(m_emulator.errorString()));
    m_http = std::make_unique<Test::HttpDriver>(m_emulator.baseUrl(), "test-key");
    m_nam.setProxy(QNetworkProxy::NoProxy);
    m_discovered = Test::discover(&m_nam, m_http->url(u"/__mcp/oauth"_s));
    QVERIFY2(m_discovered.ok, qPrintable(m_discovered.failure.detail));
}

void TestOAuthTokens::init() {
    setOAuth(QJsonObject{{u"token_lifetime"_s, 3600}, {u"rotate_refresh_tokens"_s, true}});
    m_http->del(u"/__admin/requests"_s);
    m_secrets = std::make_unique<MemorySecretStore>();
    m_store = std::make_unique<OAuthTokenStore>(m_secrets.get());
    m_manager = std::make_unique<OAuthTokenManager>(&m_nam, m_store.get());
}

void TestOAuthTokens::cleanup() {
    m_manager.reset();
    m_store.reset();
    m_secrets.reset();
    Redactor::clearSecrets();
}

void TestOAuthTokens::freshToken_isHandedOutWithoutRequest() {
    const OAuthTokens tokens = signIn();
    QVERIFY(!tokens.accessToken.isEmpty());
    bool persisted = false;
    QVERIFY(save(*m_store, u"wiki"_s, tokens, &persisted));
    QVERIFY(persisted);
    m_http->del(u"/__admin/requests"_s);
    const auto a = access(*m_manager, u"wiki"_s);
    QCOMPARE(a.state, State::SignedIn);
    QCOMPARE(a.accessToken, tokens.accessToken);
    QCOMPARE(a.expiresAt, tokens.expiresAt);
    QVERIFY(m_http->recordedRequests(u"/__oauth/token"_s).isEmpty());
    QCOMPARE(access(*m_manager, u"nobody"_s).state, State::SignedOut);
}

void TestOAuthTokens::tokenNearExpiry_isRefreshedBeforeUse() {
    setOAuth(QJsonObject{{u"token_lifetime"_s, 30}}); // inside the 60 s margin from the start
    const OAuthTokens tokens = signIn();
    QVERIFY(!tokens.accessToken.isEmpty());
    QVERIFY(tokens.expiresWithin(60, QDateTime::currentDateTimeUtc()));
    bool persisted = false;
    QVERIFY(save(*m_store, u"wiki"_s, tokens, &persisted));
    QSignalSpy states(m_manager.get(), &OAuthTokenManager::stateChanged);

    const auto a = access(*m_manager, u"wiki"_s);
    QCOMPARE(a.state, State::SignedIn);
    QVERIFY(!a.accessToken.isEmpty());
    QVERIFY(a.accessToken != tokens.accessToken);
    QCOMPARE(states.first().at(1).value<State>(), State::Refreshing);
    QCOMPARE(states.last().at(1).value<State>(), State::SignedIn);
    // The refresh went out with the resource, and the new token opens the protected server.
    const QJsonArray sent = m_http->recordedRequests(u"/__oauth/token"_s);
    QCOMPARE(sent.size(), 2); // the sign-in's code exchange, then the refresh
    const QString body = sent.last().toObject().value("body"_L1).toString();
    QVERIFY2(body.contains("grant_type=refresh_token"_L1), qPrintable(body));
    QVERIFY2(body.contains("resource="_L1), qPrintable(body));
    QVERIFY2(!body.contains("client_secret"_L1), qPrintable(body));
    QCOMPARE(Test::protectedStatus(*m_http, a.accessToken), 406); // past the token check

    // The same within the margin from a later clock, with a token that would still be valid.
    setOAuth(QJsonObject{{u"token_lifetime"_s, 3600}});
    m_manager->setClock([] { return QDateTime::currentDateTimeUtc().addSecs(3600 - 30); });
    const auto later = access(*m_manager, u"wiki"_s);
    QVERIFY(later.accessToken != a.accessToken);
}

void TestOAuthTokens::refresh_rotatesTheRefreshToken() {
    const OAuthTokens tokens = signIn();
    bool persisted = false;
    QVERIFY(save(*m_store, u"wiki"_s, tokens, &persisted));
    const auto a = access(*m_manager, u"wiki"_s, true); // as after a connector's 401
    QCOMPARE(a.state, State::SignedIn);
    const auto stored = load(*m_store, u"wiki"_s);
    QVERIFY(stored);
    QCOMPARE(stored->accessToken, a.accessToken);
    QVERIFY(!stored->refreshToken.isEmpty());
    QVERIFY(stored->refreshToken != tokens.refreshToken);
    QCOMPARE(stored->client.clientId, tokens.client.clientId);
    QCOMPARE(stored->tokenEndpoint, tokens.tokenEndpoint);
    // The spent refresh token is refused by the provider; the new one works.
    QUrlQuery form;
    form.addQueryItem(u"grant_type"_s, u"refresh_token"_s);
    form.addQueryItem(u"refresh_token"_s, tokens.refreshToken);
    form.addQueryItem(u"client_id"_s, tokens.client.clientId);
    QCOMPARE(m_http
                 ->send("POST", u"/__oauth/token"_s, form.toString(QUrl::FullyEncoded).toUtf8(),
                        QByteArray())
                 .status,
             400);
    QCOMPARE(access(*m_manager, u"wiki"_s, true).state, State::SignedIn);
}

void TestOAuthTokens::concurrentCallers_shareOneRefresh() {
    const OAuthTokens tokens = signIn();
    bool persisted = false;
    QVERIFY(save(*m_store, u"wiki"_s, tokens, &persisted));
    m_http->del(u"/__admin/requests"_s);
    QObject context;
    QStringList got;
    for (int i = 0; i < 3; ++i) {
        m_manager->refresh(u"wiki"_s, &context, [&got](const OAuthTokenManager::Access &a) {
            got.append(a.accessToken);
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(got.size(), 3, 15000);
    QCOMPARE(got.at(0), got.at(1));
    QCOMPARE(got.at(1), got.at(2));
    QCOMPARE(m_http->recordedRequests(u"/__oauth/token"_s).size(), 1);
}

void TestOAuthTokens::refusedRefresh_needsSignIn() {
    const OAuthTokens tokens = signIn();
    bool persisted = false;
    QVERIFY(save(*m_store, u"wiki"_s, tokens, &persisted));
    // The provider withdraws the grant (as when the user revokes access in its settings).
    QUrlQuery revoke;
    revoke.addQueryItem(u"token"_s, tokens.refreshToken);
    revoke.addQueryItem(u"client_id"_s, tokens.client.clientId);
    QCOMPARE(m_http
                 ->send("POST", u"/__oauth/revoke"_s, revoke.toString(QUrl::FullyEncoded).toUtf8(),
                        QByteArray())
                 .status,
             200);
    m_manager->setClock([] { return QDateTime::currentDateTimeUtc().addSecs(7200); });
    QSignalSpy states(m_manager.get(), &OAuthTokenManager::stateChanged);
    const auto a = access(*m_manager, u"wiki"_s);
    QCOMPARE(a.state, State::NeedsSignIn);
    QVERIFY(a.accessToken.isEmpty());
    QVERIFY2(a.error.contains("invalid_grant"_L1), qPrintable(a.error));
    QCOMPARE(states.last().at(1).value<State>(), State::NeedsSignIn);
    QCOMPARE(m_manager->state(u"wiki"_s), State::NeedsSignIn);
    // Not asked again until a new sign-in.
    m_http->del(u"/__admin/requests"_s);
    QCOMPARE(access(*m_manager, u"wiki"_s).state, State::NeedsSignIn);
    QVERIFY(m_http->recordedRequests(u"/__oauth/token"_s).isEmpty());

    const OAuthTokens again = signIn();
    QObject context;
    m_manager->adopt(u"wiki"_s, again, &context, [](bool, const QString &) {});
    m_manager->setClock([] { return QDateTime::currentDateTimeUtc(); });
    QCOMPARE(access(*m_manager, u"wiki"_s).accessToken, again.accessToken);
}

void TestOAuthTokens::unreachableProvider_keepsTheValidToken() {
    OAuthTokens tokens;
    tokens.accessToken = u"still-valid-access-token"_s;
    tokens.refreshToken = u"some-refresh-token"_s;
    tokens.expiresAt = QDateTime::currentDateTimeUtc().addSecs(30);
    tokens.tokenEndpoint = QUrl(u"http://127.0.0.1:%1/token"_s.arg(Test::deadPort()));
    tokens.client.clientId = u"c"_s;
    bool persisted = false;
    QVERIFY(save(*m_store, u"wiki"_s, tokens, &persisted));
    const auto a = access(*m_manager, u"wiki"_s);
    QCOMPARE(a.state, State::SignedIn);
    QCOMPARE(a.accessToken, tokens.accessToken);
    QVERIFY(!a.error.isEmpty());
}

void TestOAuthTokens::signOut_revokesThenForgets() {
    const OAuthTokens tokens = signIn();
    QVERIFY(!tokens.revocationEndpoint.isEmpty());
    QObject context;
    m_manager->adopt(u"wiki"_s, tokens, &context, [](bool, const QString &) {});
    QCOMPARE(Test::protectedStatus(*m_http, tokens.accessToken), 406);
    std::optional<bool> revoked;
    m_manager->signOut(u"wiki"_s, &context, [&revoked](bool r, const QString &) { revoked = r; });
    QTRY_VERIFY_WITH_TIMEOUT(revoked.has_value(), 15000);
    QVERIFY(*revoked);
    QCOMPARE(m_http->recordedRequests(u"/__oauth/revoke"_s).size(), 2);
    QCOMPARE(Test::protectedStatus(*m_http, tokens.accessToken), 401);
    QVERIFY(!load(*m_store, u"wiki"_s));
    QVERIFY(m_secrets->keys().isEmpty());
    QCOMPARE(m_manager->state(u"wiki"_s), State::SignedOut);

    // Without a revocation endpoint the tokens are still forgotten.
    setOAuth(QJsonObject{{u"revocation"_s, false}});
    OAuthTokens other = signIn();
    other.revocationEndpoint = QUrl();
    m_manager->adopt(u"wiki"_s, other, &context, [](bool, const QString &) {});
    revoked.reset();
    m_manager->signOut(u"wiki"_s, &context, [&revoked](bool r, const QString &) { revoked = r; });
    QTRY_VERIFY_WITH_TIMEOUT(revoked.has_value(), 15000);
    QVERIFY(!*revoked);
    QVERIFY(!load(*m_store, u"wiki"_s));
    setOAuth(QJsonObject{{u"revocation"_s, true}});
}

void TestOAuthTokens::chatTurn_expiredToken_failsUntilRefreshed() {
    // A connector to the OAuth-protected server; the chat carries the token per tool.
    const QString name =
        u"oauth_tools_%1"_s.arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
    QCOMPARE(m_http
                 ->post(u"/v1/connectors"_s,
                        QJsonObject{{u"name"_s, name},
                                    {u"description"_s, u"d"_s},
                                    {u"server"_s, m_discovered.resource.toString()}})
                 .status,
             201);
    auto turn = [&](const QString &token) {
        const QJsonObject tool{
            {u"type"_s, u"connector"_s},
            {u"connector_id"_s, name},
            {u"authorization"_s, QJsonObject{{u"type"_s, u"oauth2-token"_s}, {u"value"_s, token}}}};
        return m_http->post(
            u"/v1/chat/completions"_s,
            QJsonObject{
                {u"model"_s, u"mistral-small-latest"_s},
                {u"tools"_s, QJsonArray{tool}},
                {u"messages"_s, QJsonArray{QJsonObject{
                                    {u"role"_s, u"user"_s},
                                    {u"content"_s, u"use tool echo {\"message\": \"hi\"}"_s}}}}});
    };
    const OAuthTokens tokens = signIn();
    QObject context;
    m_manager->adopt(u"wiki"_s, tokens, &context, [](bool, const QString &) {});
    QCOMPARE(turn(tokens.accessToken).status, 200);

    QCOMPARE(m_http->post(u"/__admin/oauth/expire"_s, QJsonObject()).status, 200);
    const Test::HttpResult expired = turn(tokens.accessToken);
    QCOMPARE(expired.status, 401);
    QCOMPARE(expired.object().value("type"_L1).toString(), u"connector_authentication_error"_s);

    // What the chat does on a connector's 401: one refresh, then the turn again.
    const auto renewed = access(*m_manager, u"wiki"_s, true);
    QCOMPARE(renewed.state, State::SignedIn);
    const Test::HttpResult retried = turn(renewed.accessToken);
    QCOMPARE(retried.status, 200);
    QVERIFY(retried.body.contains("Echo: hi"));
}

void TestOAuthTokens::toolCredentials_sendTheRefreshedToken() {
    setOAuth(QJsonObject{{u"token_lifetime"_s, 30}});
    const OAuthTokens tokens = signIn();
    QObject context;
    m_manager->adopt(u"wiki"_s, tokens, &context, [](bool, const QString &) {});
    Tool tool;
    tool.type = Tool::Type::Connector;
    tool.connectorId = u"wiki"_s;
    auto authorize = [&](OAuthTokenManager *oauth) {
        std::optional<QList<Tool>> out;
        ToolCredentials::authorizeTools(
            {tool}, m_secrets.get(), &context, [&out](const QList<Tool> &t) { out = t; }, {},
            oauth);
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 15000) || out->isEmpty()
            || !out->first().authorization)
            return QString();
        return out->first().authorization->value;
    };
    // Straight from the store: the token as it was stored, about to expire.
    QCOMPARE(authorize(nullptr), tokens.accessToken);
    // Through the refresh policy: renewed before the request leaves.
    const QString sent = authorize(m_manager.get());
    QVERIFY(!sent.isEmpty());
    QVERIFY(sent != tokens.accessToken);
    QCOMPARE(load(*m_store, u"wiki"_s)->accessToken, sent);
    // A connector that needs a new sign-in gets no token (its server's 401 says so).
    m_manager->setClock([] { return QDateTime::currentDateTimeUtc().addSecs(7200); });
    m_http->del(u"/__admin/oauth"_s); // the provider forgets the client and its grants
    QVERIFY(authorize(m_manager.get()).isEmpty());
    QCOMPARE(m_manager->state(u"wiki"_s), State::NeedsSignIn);
}

void TestOAuthTokens::noKeychain_keepsTokensInMemoryForTheSession() {
    m_secrets->setFailure(u"No system keychain is available."_s);
    QSignalSpy unavailable(m_store.get(), &OAuthTokenStore::keychainUnavailable);
    OAuthTokens tokens;
    tokens.accessToken = u"memory-only-access-token"_s;
    tokens.refreshToken = u"memory-only-refresh-token"_s;
    bool persisted = true;
    QVERIFY(save(*m_store, u"wiki"_s, tokens, &persisted));
    QVERIFY(!persisted);
    QCOMPARE(unavailable.size(), 1);
    QCOMPARE(unavailable.first().first().toString(), u"No system keychain is available."_s);
    QVERIFY(m_store->isSessionOnly());
    QVERIFY(m_secrets->keys().isEmpty());
    const auto loaded = load(*m_store, u"wiki"_s);
    QVERIFY(loaded);
    QCOMPARE(loaded->refreshToken, tokens.refreshToken);
    QCOMPARE(access(*m_manager, u"wiki"_s).accessToken, tokens.accessToken);
    // Told once, not at every save.
    QVERIFY(save(*m_store, u"other"_s, tokens, &persisted));
    QCOMPARE(unavailable.size(), 1);
    // Registered with the redactor all the same.
    QVERIFY(!Redactor::redactText(u"t="_s + tokens.refreshToken).contains(tokens.refreshToken));
}

void TestOAuthTokens::keychain_storesTokensForToolCredentials() {
    if (!haveSessionKeyring())
        QSKIP("needs the private session bus and keyring that scripts/test provides");
    const QString service = u"Tramontane-test-"_s + QUuid::createUuid().toString(QUuid::Id128);
    KeychainSecretStore keychain(service);
    OAuthTokenStore store(&keychain);
    const OAuthTokens tokens = signIn();
    bool persisted = false;
    QVERIFY(save(store, u"wiki"_s, tokens, &persisted));
    QVERIFY(persisted);
    QVERIFY(!store.isSessionOnly());

    // Another process (another store on the same service) finds them.
    KeychainSecretStore again(service);
    OAuthTokenStore reader(&again);
    Redactor::clearSecrets();
    const auto loaded = load(reader, u"wiki"_s);
    QVERIFY(loaded);
    QCOMPARE(loaded->accessToken, tokens.accessToken);
    QCOMPARE(loaded->refreshToken, tokens.refreshToken);
    QCOMPARE(loaded->expiresAt, tokens.expiresAt);
    QCOMPARE(loaded->resource, tokens.resource);
    QVERIFY(!Redactor::redactText(loaded->accessToken).contains(loaded->accessToken));

    // The chat's tool credentials read the same entry as an oauth2-token.
    QObject context;
    std::optional<ConnectorAuthorization> credential;
    bool done = false;
    ToolCredentials::read(&again, u"wiki"_s, &context,
                          [&](const std::optional<ConnectorAuthorization> &c, const QString &) {
                              credential = c;
                              done = true;
                          });
    QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    QVERIFY(credential);
    QCOMPARE(credential->value, tokens.accessToken);

    bool forgotten = false;
    reader.forget(u"wiki"_s, &context, [&](bool ok, const QString &) { forgotten = ok; });
    QTRY_VERIFY_WITH_TIMEOUT(forgotten, 10000);
    QVERIFY(!load(store, u"wiki"_s));
}

QTEST_GUILESS_MAIN(TestOAuthTokens)
#include "tst_oauthtokens.moc"
