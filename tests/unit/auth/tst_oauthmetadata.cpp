// SPDX-License-Identifier: GPL-3.0-or-later
// The pure parts of OAuth: URL policy, WWW-Authenticate challenges, well-known locations,
// metadata checks and the token record.
#include "core/auth/OAuthMetadata.h"
#include "core/auth/OAuthTokens.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

class TestOAuthMetadata : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void allowedUrls_data();
    void allowedUrls();
    void challenge_parsesBearerAmongOthers();
    void challenge_withoutBearer_isNone();
    void wellKnown_protectedResource();
    void wellKnown_authorizationServer();
    void serverMetadata_requiresEndpointsAndCodeFlow();
    void identifiers_ignoreTrailingSlash();
    void tokens_jsonRoundTripAndExpiry();
    void tokens_refreshKeepsOrRotatesTheRefreshToken();
};

void TestOAuthMetadata::allowedUrls_data() {
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("https") << u"https://auth.example.com/authorize"_s << true;
    QTest::newRow("http remote") << u"http://auth.example.com/authorize"_s << false;
    QTest::newRow("http 127.0.0.1") << u"http://127.0.0.1:8080/a"_s << true;
    QTest::newRow("http 127.1.2.3") << u"http://127.1.2.3/a"_s << true;
    QTest::newRow("http ::1") << u"http://[::1]:8080/a"_s << true;
    QTest::newRow("http localhost") << u"http://localhost/a"_s << true;
    QTest::newRow("http lookalike") << u"http://127.0.0.1.example.com/a"_s << false;
    QTest::newRow("javascript") << u"javascript:alert(1)"_s << false;
    QTest::newRow("file") << u"file:///etc/passwd"_s << false;
    QTest::newRow("user info") << u"https://user:pw@auth.example.com/"_s << false;
    QTest::newRow("no host") << u"https:///path"_s << false;
}

void TestOAuthMetadata::allowedUrls() {
    QFETCH(QString, url);
    QFETCH(bool, allowed);
    QCOMPARE(isAllowedOAuthUrl(QUrl(url)), allowed);
}

void TestOAuthMetadata::challenge_parsesBearerAmongOthers() {
    const auto c = BearerChallenge::parse(
        R"(Basic realm="x", Bearer error="invalid_token", resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource/mcp", scope="files:read files:write", error_description="say \"hi\", then go")");
    QVERIFY(c);
    QCOMPARE(c->error, u"invalid_token"_s);
    QCOMPARE(c->scope, u"files:read files:write"_s);
    QCOMPARE(c->resourceMetadata,
             QUrl(u"https://mcp.example.com/.well-known/oauth-protected-resource/mcp"_s));

    const auto bare = BearerChallenge::parse("bearer scope=read");
    QVERIFY(bare);
    QCOMPARE(bare->scope, u"read"_s);
    QVERIFY(bare->resourceMetadata.isEmpty());
}

void TestOAuthMetadata::challenge_withoutBearer_isNone() {
    QVERIFY(!BearerChallenge::parse(R"(Basic realm="Bearer scope=x")"));
    QVERIFY(!BearerChallenge::parse(""));
}

void TestOAuthMetadata::wellKnown_protectedResource() {
    QCOMPARE(
        WellKnown::protectedResourceMetadataUrls(QUrl(u"https://x.example/public/mcp"_s)),
        (QList<QUrl>{QUrl(u"https://x.example/.well-known/oauth-protected-resource/public/mcp"_s),
                     QUrl(u"https://x.example/.well-known/oauth-protected-resource"_s)}));
    QCOMPARE(WellKnown::protectedResourceMetadataUrls(QUrl(u"https://x.example/"_s)),
             QList<QUrl>{QUrl(u"https://x.example/.well-known/oauth-protected-resource"_s)});
}

void TestOAuthMetadata::wellKnown_authorizationServer() {
    QCOMPARE(
        WellKnown::authorizationServerMetadataUrls(QUrl(u"https://auth.example/tenant1"_s)),
        (QList<QUrl>{QUrl(u"https://auth.example/.well-known/oauth-authorization-server/tenant1"_s),
                     QUrl(u"https://auth.example/.well-known/openid-configuration/tenant1"_s),
                     QUrl(u"https://auth.example/tenant1/.well-known/openid-configuration"_s)}));
    QCOMPARE(WellKnown::authorizationServerMetadataUrls(QUrl(u"https://auth.example"_s)),
             (QList<QUrl>{QUrl(u"https://auth.example/.well-known/oauth-authorization-server"_s),
                          QUrl(u"https://auth.example/.well-known/openid-configuration"_s)}));
}

void TestOAuthMetadata::serverMetadata_requiresEndpointsAndCodeFlow() {
    QJsonObject json{{u"issuer"_s, u"https://auth.example"_s},
                     {u"authorization_endpoint"_s, u"https://auth.example/a"_s},
                     {u"token_endpoint"_s, u"https://auth.example/t"_s},
                     {u"revocation_endpoint"_s, u"https://auth.example/r"_s},
                     {u"code_challenge_methods_supported"_s, QJsonArray{u"plain"_s, u"S256"_s}},
                     {u"authorization_response_iss_parameter_supported"_s, true}};
    QString error;
    auto m = AuthorizationServerMetadata::fromJson(json, &error);
    QVERIFY2(m, qPrintable(error));
    QVERIFY(m->supportsPkceS256());
    QVERIFY(m->issParameterSupported);
    QVERIFY(m->registrationEndpoint.isEmpty());
    QCOMPARE(m->revocationEndpoint, QUrl(u"https://auth.example/r"_s));

    QJsonObject implicitOnly = json;
    implicitOnly.insert(u"response_types_supported"_s, QJsonArray{u"token"_s});
    QVERIFY(!AuthorizationServerMetadata::fromJson(implicitOnly, &error));
    QJsonObject noIssuer = json;
    noIssuer.remove(u"issuer"_s);
    QVERIFY(!AuthorizationServerMetadata::fromJson(noIssuer, &error));
    QVERIFY(error.contains("issuer"_L1));
    QJsonObject httpRevocation = json;
    httpRevocation.insert(u"revocation_endpoint"_s, u"http://auth.example/r"_s);
    QVERIFY(!AuthorizationServerMetadata::fromJson(httpRevocation, &error));
}

void TestOAuthMetadata::identifiers_ignoreTrailingSlash() {
    QVERIFY(sameOAuthIdentifier(QUrl(u"https://a.example"_s), QUrl(u"https://a.example/"_s)));
    QVERIFY(
        sameOAuthIdentifier(QUrl(u"https://a.example/mcp/"_s), QUrl(u"https://a.example/mcp"_s)));
    QVERIFY(
        !sameOAuthIdentifier(QUrl(u"https://a.example/mcp"_s), QUrl(u"https://a.example/other"_s)));
    QVERIFY(!sameOAuthIdentifier(QUrl(u"https://a.example"_s), QUrl(u"https://b.example"_s)));
}

void TestOAuthMetadata::tokens_jsonRoundTripAndExpiry() {
    const QDateTime now = QDateTime(QDate(2026, 12, 7), QTime(10, 0), Qt::UTC);
    QString error;
    auto t = OAuthTokens::fromTokenResponse(QJsonObject{{u"access_token"_s, u"at"_s},
                                                        {u"token_type"_s, u"bearer"_s},
                                                        {u"expires_in"_s, 3600},
                                                        {u"refresh_token"_s, u"rt"_s},
                                                        {u"scope"_s, u"a b"_s}},
                                            now, &error);
    QVERIFY2(t, qPrintable(error));
    QCOMPARE(t->expiresAt, now.addSecs(3600));
    QVERIFY(!t->expiresWithin(60, now));
    QVERIFY(t->expiresWithin(60, now.addSecs(3541)));
    t->client = {u"id"_s, u"secret"_s};
    t->tokenEndpoint = QUrl(u"https://auth.example/t"_s);
    t->resource = QUrl(u"https://mcp.example/mcp"_s);
    const auto back = OAuthTokens::fromJson(t->toJson());
    QVERIFY(back);
    QCOMPARE(back->accessToken, u"at"_s);
    QCOMPARE(back->refreshToken, u"rt"_s);
    QCOMPARE(back->expiresAt, t->expiresAt);
    QCOMPARE(back->client.clientSecret, u"secret"_s);
    QCOMPARE(back->resource, t->resource);
    QCOMPARE(t->toJson().value("access_token"_L1).toString(), u"at"_s);

    QVERIFY(
        !OAuthTokens::fromTokenResponse(QJsonObject{{u"token_type"_s, u"Bearer"_s}}, now, &error));
    QVERIFY(!OAuthTokens::fromTokenResponse(
        QJsonObject{{u"access_token"_s, u"x"_s}, {u"token_type"_s, u"mac"_s}}, now, &error));
    // Without a lifetime the expiry is unknown, and never "within" a margin.
    auto unknownExpiry =
        OAuthTokens::fromTokenResponse(QJsonObject{{u"access_token"_s, u"x"_s}}, now, &error);
    QVERIFY(unknownExpiry && !unknownExpiry->expiresAt.isValid());
    QVERIFY(!unknownExpiry->expiresWithin(60, now));
}

void TestOAuthMetadata::tokens_refreshKeepsOrRotatesTheRefreshToken() {
    OAuthTokens t;
    t.accessToken = u"old"_s;
    t.refreshToken = u"rt1"_s;
    t.scope = u"a"_s;
    OAuthTokens notRotated;
    notRotated.accessToken = u"new"_s;
    t.takeRefreshed(notRotated);
    QCOMPARE(t.accessToken, u"new"_s);
    QCOMPARE(t.refreshToken, u"rt1"_s);
    QCOMPARE(t.scope, u"a"_s);
    OAuthTokens rotated;
    rotated.accessToken = u"newer"_s;
    rotated.refreshToken = u"rt2"_s;
    t.takeRefreshed(rotated);
    QCOMPARE(t.refreshToken, u"rt2"_s);
}

QTEST_GUILESS_MAIN(TestOAuthMetadata)
#include "tst_oauthmetadata.moc"
