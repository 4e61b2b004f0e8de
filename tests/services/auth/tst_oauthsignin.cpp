// SPDX-License-Identifier: GPL-3.0-or-later
// The browser sign-in against the emulator's authorization server, the test playing the browser.
#include "core/auth/OAuthSignIn.h"

#include "OAuthTestSupport.h"
#include "support/EmulatorProcess.h"

#include <QNetworkInterface>
#include <QTcpSocket>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using State = OAuthSignIn::State;
using Problem = OAuthSignIn::Problem;

class TestOAuthSignIn : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void fullFlow_fromBareUrl_tokenOpensProtectedServer();
    void tokenRequest_carriesVerifierResourceAndCodeEncodedOnce();
    void confidentialClient_sendsItsSecret();
    void wrongState_isRefusedBeforeAnyTokenRequest();
    void mismatchedIss_isRefusedBeforeAnyTokenRequest();
    void missingIss_whenAdvertised_isRefused();
    void redirectWithoutCode_endsAtOnce();
    void wrongVerifier_isRejectedByTheServer();
    void serverError_endsAsAuthorizationDenied();
    void nonHttpsAuthorizationUrl_isNeverOpened();
    void replyHandler_listensOnLoopbackOnly();
    void timeout_endsTimedOutAndClosesThePort();
    void cancel_endsCanceled();

private:
    //! A sign-in request from the emulator's discovered metadata, with a registered client.
    OAuthSignIn::Request request(OAuthSignIn &signIn, const QString &authMethod = u"none"_s);
    QJsonArray tokenRequests() { return m_http->recordedRequests(u"/__oauth/token"_s); }
    void setOAuth(const QJsonObject &options) {
        QCOMPARE(m_http->post(u"/__admin/oauth"_s, options).status, 200);
    }

    Test::EmulatorProcess m_emulator;
    std::unique_ptr<Test::HttpDriver> m_http;
    QNetworkAccessManager m_nam;
    OAuthDiscovery::Result m_discovered;
};

void TestOAuthSignIn::initTestCase() {
    QVERIFY2(m_emulator.start(u"test-key"_s), qPrintable(m_emulator.errorString()));
    m_http = std::make_unique<Test::HttpDriver>(m_emulator.baseUrl(), "test-key");
    m_nam.setProxy(QNetworkProxy::NoProxy);
    m_discovered = Test::discover(&m_nam, m_http->url(u"/__mcp/oauth"_s));
    QVERIFY2(m_discovered.ok, qPrintable(m_discovered.failure.detail));
}

void TestOAuthSignIn::init() {
    setOAuth(QJsonObject{{u"iss_parameter"_s, true}, {u"wrong_iss"_s, false}});
    m_http->del(u"/__admin/requests"_s);
}

OAuthSignIn::Request TestOAuthSignIn::request(OAuthSignIn &signIn, const QString &authMethod) {
    OAuthSignIn::Request r;
    if (!signIn.listen())
        return r;
    r.server = m_discovered.authorizationServer;
    r.client.clientId =
        Test::registerClient(*m_http, signIn.redirectUri(), authMethod, &r.client.clientSecret);
    r.scope = m_discovered.scope;
    r.resource = m_discovered.resource;
    return r;
}

void TestOAuthSignIn::fullFlow_fromBareUrl_tokenOpensProtectedServer() {
    OAuthSignIn signIn(&m_nam);
    Test::TestBrowser browser;
    QSignalSpy finished(&signIn, &OAuthSignIn::finished);
    QSignalSpy states(&signIn, &OAuthSignIn::stateChanged);
    int pageStatus = 0;
    connect(&signIn, &OAuthSignIn::browserRequested, this,
            [&](const QUrl &url) { pageStatus = browser.follow(url); });
    const auto req = request(signIn);
    QVERIFY(!req.client.clientId.isEmpty());
    QVERIFY(signIn.redirectUri().startsWith("http://127.0.0.1:"_L1));
    signIn.start(req);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    QCOMPARE(signIn.state(), State::SignedIn);
    QCOMPARE(pageStatus, 200);
    QVERIFY2(browser.page().contains("close this tab"), browser.page().constData());
    QCOMPARE(states.first().first().value<State>(), State::WaitingForBrowser);

    const OAuthTokens tokens = signIn.tokens();
    QVERIFY(tokens.accessToken.startsWith("emu-at-"_L1));
    QVERIFY(tokens.refreshToken.startsWith("emu-rt-"_L1));
    QCOMPARE(tokens.scope, u"mcp:tools"_s);
    QVERIFY(tokens.expiresAt > QDateTime::currentDateTimeUtc().addSecs(3000));
    QCOMPARE(tokens.resource, m_discovered.resource);
    QCOMPARE(tokens.client.clientId, req.client.clientId);
    QCOMPARE(tokens.tokenEndpoint, m_discovered.authorizationServer.tokenEndpoint);

    // The token opens the protected MCP server, which refused the bare request.
    const QByteArray init =
        R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}})";
    QCOMPARE(m_http->send("POST", u"/__mcp/oauth"_s, init, QByteArray()).status, 401);
    Test::HttpResult withToken =
        m_http->send("POST", u"/__mcp/oauth"_s, init, tokens.accessToken.toLatin1());
    QCOMPARE(withToken.status, 406); // it got past the token check (the test sent no Accept)
}

void TestOAuthSignIn::tokenRequest_carriesVerifierResourceAndCodeEncodedOnce() {
    OAuthSignIn signIn(&m_nam);
    Test::TestBrowser browser;
    QSignalSpy finished(&signIn, &OAuthSignIn::finished);
    QUrl authorizationUrl;
    connect(&signIn, &OAuthSignIn::browserRequested, this, [&](const QUrl &url) {
        authorizationUrl = url;
        browser.follow(url);
    });
    signIn.start(request(signIn));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    QCOMPARE(signIn.state(), State::SignedIn);

    const QUrlQuery query(authorizationUrl);
    QCOMPARE(query.queryItemValue(u"code_challenge_method"_s), u"S256"_s);
    QCOMPARE(query.queryItemValue(u"code_challenge"_s).size(), 43);
    QCOMPARE(query.queryItemValue(u"resource"_s, QUrl::FullyDecoded),
             m_discovered.resource.toString());
    // 128 bits of state: 22 characters of base64url.
    QCOMPARE(query.queryItemValue(u"state"_s).size(), 22);

    const QJsonArray sent = tokenRequests();
    QCOMPARE(sent.size(), 1);
    const QString body = sent.first().toObject().value("body"_L1).toString();
    QVERIFY2(body.contains("code_verifier="_L1), qPrintable(body));
    QVERIFY2(body.contains("resource="_L1), qPrintable(body));
    // The emulator's codes hold '/' and '+': encoded once they are %2F and %2B, never %25.
    QVERIFY2(body.contains("code=4%2F0A"_L1), qPrintable(body));
    QVERIFY2(!body.contains("%25"_L1), qPrintable(body));
    QVERIFY2(!body.contains("client_secret"_L1), qPrintable(body));
}

void TestOAuthSignIn::confidentialClient_sendsItsSecret() {
    OAuthSignIn signIn(&m_nam);
    Test::TestBrowser browser;
    QSignalSpy finished(&signIn, &OAuthSignIn::finished);
    connect(&signIn, &OAuthSignIn::browserRequested, this,
            [&](const QUrl &url) { browser.follow(url); });
    const auto req = request(signIn, u"client_secret_post"_s);
    QVERIFY(!req.client.clientSecret.isEmpty());
    signIn.start(req);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    QCOMPARE(signIn.state(), State::SignedIn);
    QCOMPARE(signIn.tokens().client.clientSecret, req.client.clientSecret);
}

void TestOAuthSignIn::wrongState_isRefusedBeforeAnyTokenRequest() {
    OAuthSignIn signIn(&m_nam);
    Test::TestBrowser browser;
    QSignalSpy finished(&signIn, &OAuthSignIn::finished);
    connect(&signIn, &OAuthSignIn::browserRequested, this, [&](const QUrl &url) {
        // An attacker's redirect: a valid code, another state.
        QCOMPARE(browser.visit(url), 302);
        QUrl redirect = browser.location();
        QUrlQuery q(redirect);
        q.removeQueryItem(u"state"_s);
        q.addQueryItem(u"state"_s, u"forged-state-value-0000"_s);
        redirect.setQuery(q);
        browser.follow(redirect);
    });
    signIn.start(request(signIn));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    QCOMPARE(signIn.state(), State::Failed);
    QCOMPARE(signIn.problem(), Problem::StateMismatch);
    QVERIFY(tokenRequests().isEmpty());
}

void TestOAuthSignIn::mismatchedIss_isRefusedBeforeAnyTokenRequest() {
    setOAuth(QJsonObject{{u"wrong_iss"_s, true}});
    OAuthSignIn signIn(&m_nam);
    Test::TestBrowser browser;
    QSignalSpy finished(&signIn, &OAuthSignIn::finished);
    connect(&signIn, &OAuthSignIn::browserRequested, this,
            [&](const QUrl &url) { browser.follow(url); });
    signIn.start(request(signIn));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    QCOMPARE(signIn.state(), State::Failed);
    QCOMPARE(signIn.problem(), Problem::IssuerMismatch);
    QVERIFY(signIn.detail().contains("attacker.example"_L1));
    QTest::qWait(200); // proving that no token request follows
    QVERIFY(tokenRequests().isEmpty());
}

void TestOAuthSignIn::missingIss_whenAdvertised_isRefused() {
    OAuthSignIn signIn(&m_nam);
    Test::TestBrowser browser;
    QSignalSpy finished(&signIn, &OAuthSignIn::finished);
    connect(&signIn, &OAuthSignIn::browserRequested, this, [&](const QUrl &url) {
        QCOMPARE(browser.visit(url), 302);
        QUrl redirect = browser.location();
        QUrlQuery q(redirect);
        q.removeQueryItem(u"iss"_s);
        redirect.setQuery(q);
        browser.follow(redirect);
    });
    signIn.start(request(signIn)); // the discovered metadata advertises iss
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    QCOMPARE(signIn.problem(), Problem::IssuerMismatch);
    QVERIFY(tokenRequests().isEmpty());
}

void TestOAuthSignIn::redirectWithoutCode_endsAtOnce() {
    OAuthSignIn signIn(&m_nam);
    Test::TestBrowser browser;
    QSignalSpy finished(&signIn, &OAuthSignIn::finished);
    connect(&signIn, &OAuthSignIn::browserRequested, this, [&](const QUrl &url) {
        QCOMPARE(browser.visit(url), 302);
        QUrl redirect = browser.location();
        QUrlQuery q(redirect);
        q.removeQueryItem(u"code"_s);
        redirect.setQuery(q);
        browser.follow(redirect);
    });
    signIn.start(request(signIn));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000); // not at the 5-minute timeout
    QCOMPARE(signIn.state(), State::Failed);
    QCOMPARE(signIn.problem(), Problem::AuthorizationDenied);
    QVERIFY(tokenRequests().isEmpty());
}

void TestOAuthSignIn::wrongVerifier_isRejectedByTheServer() {
    // The server's side of PKCE: a code is exchanged only with the verifier of its challenge.
    const QString redirectUri = u"http://127.0.0.1:4567/callback"_s;
    const QString clientId = Test::registerClient(*m_http, redirectUri);
    const QByteArray verifier = "right-verifier-right-verifier-right-verifier";
    const QString challenge = QString::fromLatin1(
        QCryptographicHash::hash(verifier, QCryptographicHash::Sha256)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    QUrl authorize = m_discovered.authorizationServer.authorizationEndpoint;
    QUrlQuery q;
    q.addQueryItem(u"response_type"_s, u"code"_s);
    q.addQueryItem(u"client_id"_s, clientId);
    q.addQueryItem(u"redirect_uri"_s, QString::fromLatin1(QUrl::toPercentEncoding(redirectUri)));
    q.addQueryItem(u"state"_s, u"s"_s);
    q.addQueryItem(u"code_challenge"_s, challenge);
    q.addQueryItem(u"code_challenge_method"_s, u"S256"_s);
    authorize.setQuery(q);
    Test::TestBrowser browser;
    QCOMPARE(browser.visit(authorize), 302);
    const QString code =
        QUrlQuery(browser.location()).queryItemValue(u"code"_s, QUrl::FullyDecoded);
    QVERIFY(code.startsWith("4/0A"_L1));

    auto exchange = [&](const QByteArray &v) {
        QUrlQuery form;
        form.addQueryItem(u"grant_type"_s, u"authorization_code"_s);
        form.addQueryItem(u"code"_s, QString::fromLatin1(QUrl::toPercentEncoding(code)));
        form.addQueryItem(u"redirect_uri"_s,
                          QString::fromLatin1(QUrl::toPercentEncoding(redirectUri)));
        form.addQueryItem(u"client_id"_s, clientId);
        form.addQueryItem(u"code_verifier"_s, QString::fromLatin1(v));
        return m_http->send("POST", u"/__oauth/token"_s, form.toString(QUrl::FullyEncoded).toUtf8(),
                            QByteArray());
    };
    const Test::HttpResult wrong = exchange("wrong-verifier-wrong-verifier-wrong-verifier");
    QCOMPARE(wrong.status, 400);
    QCOMPARE(wrong.object().value("error"_L1).toString(), u"invalid_grant"_s);
    QVERIFY(wrong.object().value("error_description"_L1).toString().contains("PKCE"_L1));
    // The code was spent by the failed attempt.
    QCOMPARE(exchange(verifier).status, 400);
}

void TestOAuthSignIn::serverError_endsAsAuthorizationDenied() {
    OAuthSignIn signIn(&m_nam);
    Test::TestBrowser browser;
    QSignalSpy finished(&signIn, &OAuthSignIn::finished);
    connect(&signIn, &OAuthSignIn::browserRequested, this,
            [&](const QUrl &url) { browser.follow(url); });
    auto req = request(signIn);
    req.scope = u"not-a-scope"_s;
    signIn.start(req);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    QCOMPARE(signIn.state(), State::Failed);
    QCOMPARE(signIn.problem(), Problem::AuthorizationDenied);
    QVERIFY2(signIn.detail().startsWith("invalid_scope"_L1), qPrintable(signIn.detail()));
}

void TestOAuthSignIn::nonHttpsAuthorizationUrl_isNeverOpened() {
    OAuthSignIn signIn(&m_nam);
    QSignalSpy finished(&signIn, &OAuthSignIn::finished);
    QSignalSpy opened(&signIn, &OAuthSignIn::browserRequested);
    OAuthSignIn::Request req;
    req.server.issuer = u"http://auth.example.com"_s;
    req.server.authorizationEndpoint = QUrl(u"http://auth.example.com/authorize"_s);
    req.server.tokenEndpoint = QUrl(u"https://auth.example.com/token"_s);
    req.client.clientId = u"c"_s;
    signIn.start(req);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(signIn.state(), State::Failed);
    QCOMPARE(signIn.problem(), Problem::UnsafeUrl);
    QCOMPARE(opened.size(), 0);

    // Another scheme altogether is refused the same way.
    OAuthSignIn other(&m_nam);
    QSignalSpy otherFinished(&other, &OAuthSignIn::finished);
    req.server.authorizationEndpoint = QUrl(u"file:///etc/passwd"_s);
    other.start(req);
    QTRY_COMPARE(otherFinished.size(), 1);
    QCOMPARE(other.problem(), Problem::UnsafeUrl);
}

void TestOAuthSignIn::replyHandler_listensOnLoopbackOnly() {
    OAuthSignIn signIn(&m_nam);
    QVERIFY(signIn.listen());
    const QUrl redirect(signIn.redirectUri());
    QCOMPARE(redirect.host(), u"127.0.0.1"_s);
    const quint16 port = quint16(redirect.port());
    QVERIFY(port > 0);

    QTcpSocket loopback;
    loopback.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(loopback.waitForConnected(3000));

    QHostAddress external;
    const QList<QHostAddress> addresses = QNetworkInterface::allAddresses();
    for (const QHostAddress &a : addresses) {
        if (a.protocol() == QAbstractSocket::IPv4Protocol && !a.isLoopback()) {
            external = a;
            break;
        }
    }
    if (external.isNull())
        QSKIP("this machine has no non-loopback IPv4 address to try");
    QTcpSocket outside;
    outside.connectToHost(external, port);
    QVERIFY(!outside.waitForConnected(3000));
    QCOMPARE(outside.error(), QAbstractSocket::ConnectionRefusedError);
}

void TestOAuthSignIn::timeout_endsTimedOutAndClosesThePort() {
    OAuthSignIn signIn(&m_nam);
    signIn.setTimeout(300);
    QSignalSpy finished(&signIn, &OAuthSignIn::finished);
    signIn.start(request(signIn)); // nobody follows the browser request
    const quint16 port = quint16(QUrl(signIn.redirectUri()).port());
    QVERIFY(finished.wait(5000));
    QCOMPARE(signIn.state(), State::TimedOut);
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(!socket.waitForConnected(2000));
}

void TestOAuthSignIn::cancel_endsCanceled() {
    OAuthSignIn signIn(&m_nam);
    QSignalSpy finished(&signIn, &OAuthSignIn::finished);
    QUrl opened;
    connect(&signIn, &OAuthSignIn::browserRequested, this, [&](const QUrl &url) { opened = url; });
    signIn.start(request(signIn));
    QTRY_VERIFY(!opened.isEmpty());
    signIn.cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(signIn.state(), State::Canceled);
    // A browser that comes back late changes nothing.
    Test::TestBrowser browser;
    browser.follow(opened);
    QCOMPARE(signIn.state(), State::Canceled);
    QVERIFY(tokenRequests().isEmpty());
}

QTEST_GUILESS_MAIN(TestOAuthSignIn)
#include "tst_oauthsignin.moc"
