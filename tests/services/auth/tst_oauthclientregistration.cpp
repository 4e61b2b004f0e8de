// SPDX-License-Identifier: GPL-3.0-or-later
// How the client identifies itself: an entered client id, a kept registration, RFC 7591 dynamic
// registration, or "enter a client id"; and the chain from a bare URL to a signed-in token.
#include "core/auth/OAuthClientRegistration.h"
#include "core/auth/SecretStore.h"

#include "OAuthTestSupport.h"
#include "support/EmulatorProcess.h"
#include "support/FakeHttpServer.h"

using namespace Qt::StringLiterals;
using namespace Tramontane;
using Outcome = OAuthClientRegistration::Outcome;

Q_DECLARE_METATYPE(Tramontane::OAuthClientRegistration::Result)

namespace {

OAuthClientRegistration::Result resolve(QNetworkAccessManager *nam, SecretStore *secrets,
                                        const AuthorizationServerMetadata &server,
                                        const QString &redirectUri,
                                        const OAuthClientCredentials &entered = {}) {
    OAuthClientRegistration registration(nam, secrets);
    QSignalSpy finished(&registration, &OAuthClientRegistration::finished);
    registration.resolve(server, redirectUri, entered);
    if (finished.isEmpty() && !finished.wait(15000))
        return {};
    return finished.first().first().value<OAuthClientRegistration::Result>();
}

} // namespace

class TestOAuthClientRegistration : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void bareUrl_discoveryRegistrationSignIn_endToEnd();
    void registration_isKeptPerIssuerAndReused();
    void enteredClientId_takesPrecedence();
    void noRegistrationEndpoint_needsClientId();
    void refusedRegistration_isAFailureWithDetail();

private:
    Test::EmulatorProcess m_emulator;
    std::unique_ptr<Test::HttpDriver> m_http;
    QNetworkAccessManager m_nam;
    const QString m_redirect = u"http://127.0.0.1:40000/callback"_s;
};

void TestOAuthClientRegistration::initTestCase() {
    QVERIFY2(m_emulator.start(u"test-key"_s), qPrintable(m_emulator.errorString()));
    m_http = std::make_unique<Test::HttpDriver>(m_emulator.baseUrl(), "test-key");
    m_nam.setProxy(QNetworkProxy::NoProxy);
}

void TestOAuthClientRegistration::init() {
    QCOMPARE(m_http->post(u"/__admin/oauth"_s, QJsonObject{{u"registration"_s, true}}).status, 200);
    m_http->del(u"/__admin/requests"_s);
}

void TestOAuthClientRegistration::bareUrl_discoveryRegistrationSignIn_endToEnd() {
    MemorySecretStore secrets;
    const auto discovered = Test::discover(&m_nam, m_http->url(u"/__mcp/oauth"_s));
    QVERIFY2(discovered.ok, qPrintable(discovered.failure.detail));

    OAuthSignIn signIn(&m_nam);
    QVERIFY(signIn.listen());
    const auto registered =
        resolve(&m_nam, &secrets, discovered.authorizationServer, signIn.redirectUri());
    QCOMPARE(registered.outcome, Outcome::Registered);
    QVERIFY(registered.client.clientId.startsWith("emulator-client-"_L1));
    QVERIFY(registered.client.clientSecret.isEmpty()); // a public native client

    const QJsonArray sent = m_http->recordedRequests(u"/__oauth/register"_s);
    QCOMPARE(sent.size(), 1);
    const QJsonObject body = sent.first().toObject().value("body"_L1).toObject();
    QCOMPARE(body.value("application_type"_L1).toString(), u"native"_s);
    QCOMPARE(body.value("token_endpoint_auth_method"_L1).toString(), u"none"_s);
    QCOMPARE(body.value("redirect_uris"_L1).toArray().first().toString(), signIn.redirectUri());

    Test::TestBrowser browser;
    connect(&signIn, &OAuthSignIn::browserRequested, this,
            [&browser](const QUrl &url) { browser.follow(url); });
    QSignalSpy finished(&signIn, &OAuthSignIn::finished);
    signIn.start(
        {discovered.authorizationServer, registered.client, discovered.scope, discovered.resource});
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    QCOMPARE(signIn.state(), OAuthSignIn::State::SignedIn);
    QCOMPARE(Test::protectedStatus(*m_http, signIn.tokens().accessToken), 406);
}

void TestOAuthClientRegistration::registration_isKeptPerIssuerAndReused() {
    MemorySecretStore secrets;
    const auto discovered = Test::discover(&m_nam, m_http->url(u"/__mcp/oauth"_s));
    const AuthorizationServerMetadata &server = discovered.authorizationServer;
    const auto first = resolve(&m_nam, &secrets, server, m_redirect);
    QCOMPARE(first.outcome, Outcome::Registered);
    QCOMPARE(secrets.keys(), QList<QString>{OAuthClientRegistration::entry(server.issuer)});

    // Another sign-in, on another port: the kept client serves, without a new registration.
    const auto second = resolve(&m_nam, &secrets, server, u"http://127.0.0.1:40001/callback"_s);
    QCOMPARE(second.outcome, Outcome::Stored);
    QCOMPARE(second.client.clientId, first.client.clientId);
    QCOMPARE(m_http->recordedRequests(u"/__oauth/register"_s).size(), 1);

    // Another authorization server gets its own registration.
    AuthorizationServerMetadata other = server;
    other.issuer = server.issuer + u"/other"_s;
    const auto third = resolve(&m_nam, &secrets, other, m_redirect);
    QCOMPARE(third.outcome, Outcome::Registered);
    QVERIFY(third.client.clientId != first.client.clientId);
}

void TestOAuthClientRegistration::enteredClientId_takesPrecedence() {
    MemorySecretStore secrets;
    const auto discovered = Test::discover(&m_nam, m_http->url(u"/__mcp/oauth"_s));
    const auto result = resolve(&m_nam, &secrets, discovered.authorizationServer, m_redirect,
                                {u"my-desktop-client"_s, u"my-client-secret"_s});
    QCOMPARE(result.outcome, Outcome::Entered);
    QCOMPARE(result.client.clientId, u"my-desktop-client"_s);
    QCOMPARE(result.client.clientSecret, u"my-client-secret"_s);
    QVERIFY(m_http->recordedRequests(u"/__oauth/register"_s).isEmpty());
    QVERIFY(secrets.keys().isEmpty());
}

void TestOAuthClientRegistration::noRegistrationEndpoint_needsClientId() {
    QCOMPARE(m_http->post(u"/__admin/oauth"_s, QJsonObject{{u"registration"_s, false}}).status,
             200);
    MemorySecretStore secrets;
    const auto discovered = Test::discover(&m_nam, m_http->url(u"/__mcp/oauth"_s));
    QVERIFY(discovered.ok);
    QVERIFY(discovered.authorizationServer.registrationEndpoint.isEmpty());
    const auto result = resolve(&m_nam, &secrets, discovered.authorizationServer, m_redirect);
    QCOMPARE(result.outcome, Outcome::NeedsClientId);
    QVERIFY(result.client.isEmpty());
}

void TestOAuthClientRegistration::refusedRegistration_isAFailureWithDetail() {
    Test::FakeHttpServer server;
    QVERIFY(server.listen());
    server.enqueue(Test::ScriptedResponse::json(
        400, R"({"error":"invalid_redirect_uri","error_description":"not allowed here"})"));
    AuthorizationServerMetadata as;
    as.issuer = server.baseUrl().toString();
    as.registrationEndpoint = QUrl(server.baseUrl().toString() + u"/register"_s);
    MemorySecretStore secrets;
    const auto result = resolve(&m_nam, &secrets, as, m_redirect);
    QCOMPARE(result.outcome, Outcome::Failed);
    QVERIFY2(result.detail.contains("invalid_redirect_uri"_L1), qPrintable(result.detail));
    QVERIFY(secrets.keys().isEmpty());
}

QTEST_GUILESS_MAIN(TestOAuthClientRegistration)
#include "tst_oauthclientregistration.moc"
