// SPDX-License-Identifier: GPL-3.0-or-later
// Discovery from a bare MCP server URL: the emulator's protected server end to end, and scripted
// servers for the fallbacks and for each step that can fail.
#include "core/auth/OAuthDiscovery.h"

#include "OAuthTestSupport.h"
#include "support/EmulatorProcess.h"
#include "support/FakeHttpServer.h"

using namespace Qt::StringLiterals;
using namespace Tramontane;
using Step = OAuthDiscovery::Step;
using Problem = OAuthDiscovery::Problem;
using Test::FakeHttpServer;
using Test::RecordedRequest;
using Test::ScriptedResponse;

namespace {

QByteArray json(const QJsonObject &o) {
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

class TestOAuthDiscovery : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void emulator_bareUrl_findsResourceServerAndRegistration();
    void noResourceMetadataInChallenge_triesPathThenOrigin();
    void issuerWithPath_fallsBackToOpenIdConfiguration();
    void failure_reportsStepAndProblem_data();
    void failure_reportsStepAndProblem();
    void unsafeServerUrl_isRefusedWithoutTraffic();
    void deadServer_isANetworkError();
    void silentServer_timesOutAsANetworkError();
    void redirectedMetadata_isNotFollowed();
    void requests_neverCarryAnAuthorizationHeader();

private:
    //! A scripted MCP server: 401 on POST /mcp with \a challenge, then documents by path.
    void script(FakeHttpServer &server, const QByteArray &challenge,
                const QHash<QByteArray, ScriptedResponse> &documents);
    QJsonObject asMetadata(const QString &issuer) const;

    Test::EmulatorProcess m_emulator;
    QNetworkAccessManager m_nam;
};

void TestOAuthDiscovery::initTestCase() {
    QVERIFY2(m_emulator.start(u"test-key"_s), qPrintable(m_emulator.errorString()));
    m_nam.setProxy(QNetworkProxy::NoProxy);
}

void TestOAuthDiscovery::script(FakeHttpServer &server, const QByteArray &challenge,
                                const QHash<QByteArray, ScriptedResponse> &documents) {
    server.setHandler([challenge, documents](const RecordedRequest &r) {
        if (r.method == "POST" && r.path() == "/mcp") {
            auto response = ScriptedResponse::json(401, R"({"error":"invalid_token"})");
            if (!challenge.isEmpty())
                response.header("WWW-Authenticate", challenge);
            return response;
        }
        return documents.value(r.path(), ScriptedResponse::json(404, R"({"error":"nope"})"));
    });
}

QJsonObject TestOAuthDiscovery::asMetadata(const QString &issuer) const {
    return {{u"issuer"_s, issuer},
            {u"authorization_endpoint"_s, QString(issuer + u"/authorize"_s)},
            {u"token_endpoint"_s, QString(issuer + u"/token"_s)},
            {u"response_types_supported"_s, QJsonArray{u"code"_s}},
            {u"code_challenge_methods_supported"_s, QJsonArray{u"S256"_s}}};
}

void TestOAuthDiscovery::emulator_bareUrl_findsResourceServerAndRegistration() {
    const QString base = m_emulator.baseUrl().toString();
    OAuthDiscovery discovery(&m_nam);
    QSignalSpy steps(&discovery, &OAuthDiscovery::stepSucceeded);
    QSignalSpy finished(&discovery, &OAuthDiscovery::finished);
    discovery.start(QUrl(base + u"/__mcp/oauth"_s));
    QVERIFY(finished.wait(15000));
    const auto result = finished.first().first().value<OAuthDiscovery::Result>();
    QVERIFY2(result.ok, qPrintable(result.failure.detail));
    QCOMPARE(steps.size(), 3);
    QCOMPARE(steps.at(0).first().value<Step>(), Step::ProbeServer);
    QCOMPARE(steps.at(1).at(1).toUrl(),
             QUrl(base + u"/.well-known/oauth-protected-resource/__mcp/oauth"_s));
    QCOMPARE(steps.at(2).at(1).toUrl(),
             QUrl(base + u"/.well-known/oauth-authorization-server/__oauth"_s));
    QCOMPARE(result.resource, QUrl(base + u"/__mcp/oauth"_s));
    QCOMPARE(result.scope, u"mcp:tools"_s);
    QCOMPARE(result.challenge.resourceMetadata, steps.at(1).at(1).toUrl());
    const AuthorizationServerMetadata &as = result.authorizationServer;
    QCOMPARE(as.issuer, QString(base + u"/__oauth"_s));
    QCOMPARE(as.authorizationEndpoint, QUrl(base + u"/__oauth/authorize"_s));
    QCOMPARE(as.tokenEndpoint, QUrl(base + u"/__oauth/token"_s));
    QCOMPARE(as.registrationEndpoint, QUrl(base + u"/__oauth/register"_s));
    QCOMPARE(as.revocationEndpoint, QUrl(base + u"/__oauth/revoke"_s));
    QVERIFY(as.issParameterSupported);
    QVERIFY(as.supportsPkceS256());
}

void TestOAuthDiscovery::noResourceMetadataInChallenge_triesPathThenOrigin() {
    FakeHttpServer server;
    QVERIFY(server.listen());
    const QString base = server.baseUrl().toString();
    const QString issuer = base + u"/"_s; // an issuer at the origin, with its trailing slash
    script(server, R"(Bearer realm="mcp")",
           {{"/.well-known/oauth-protected-resource",
             ScriptedResponse::json(
                 200, json({{u"resource"_s, base},
                            {u"authorization_servers"_s, QJsonArray{issuer}},
                            {u"scopes_supported"_s, QJsonArray{u"read"_s, u"write"_s}}}))},
            {"/.well-known/oauth-authorization-server",
             ScriptedResponse::json(200, json(asMetadata(base)))}});
    const auto result = Test::discover(&m_nam, QUrl(base + u"/mcp"_s));
    QVERIFY2(result.ok, qPrintable(result.failure.detail));
    QCOMPARE(result.scope, u"read write"_s);
    QList<QByteArray> paths;
    const auto requests = server.requests();
    for (const RecordedRequest &r : requests)
        paths.append(r.path());
    QCOMPARE(paths, (QList<QByteArray>{"/mcp", "/.well-known/oauth-protected-resource/mcp",
                                       "/.well-known/oauth-protected-resource",
                                       "/.well-known/oauth-authorization-server"}));
}

void TestOAuthDiscovery::issuerWithPath_fallsBackToOpenIdConfiguration() {
    FakeHttpServer server;
    QVERIFY(server.listen());
    const QString base = server.baseUrl().toString();
    const QString issuer = base + u"/tenant1"_s;
    script(server, "Bearer resource_metadata=\"" + base.toUtf8() + "/prm\", scope=\"files:read\"",
           {{"/prm",
             ScriptedResponse::json(200, json({{u"resource"_s, QString(base + u"/mcp"_s)},
                                               {u"authorization_servers"_s, QJsonArray{issuer}}}))},
            {"/tenant1/.well-known/openid-configuration",
             ScriptedResponse::json(200, json(asMetadata(issuer)))}});
    const auto result = Test::discover(&m_nam, QUrl(base + u"/mcp"_s));
    QVERIFY2(result.ok, qPrintable(result.failure.detail));
    QCOMPARE(result.scope, u"files:read"_s);
    QCOMPARE(result.authorizationServer.issuer, issuer);
    QList<QByteArray> paths;
    const auto requests = server.requests();
    for (const RecordedRequest &r : requests)
        paths.append(r.path());
    QCOMPARE(paths,
             (QList<QByteArray>{"/mcp", "/prm", "/.well-known/oauth-authorization-server/tenant1",
                                "/.well-known/openid-configuration/tenant1",
                                "/tenant1/.well-known/openid-configuration"}));
}

void TestOAuthDiscovery::failure_reportsStepAndProblem_data() {
    QTest::addColumn<int>("probeStatus");
    QTest::addColumn<QByteArray>("prm");   // the body of /prm, or "" for a 404
    QTest::addColumn<QByteArray>("asDoc"); // the body of the AS metadata, or "" for a 404
    QTest::addColumn<Step>("step");
    QTest::addColumn<Problem>("problem");

    const QByteArray goodPrm = R"({"resource":"BASE/mcp","authorization_servers":["BASE"]})";
    const QByteArray goodAs =
        R"({"issuer":"BASE","authorization_endpoint":"BASE/a","token_endpoint":"BASE/t","code_challenge_methods_supported":["S256"]})";
    QTest::newRow("not protected")
        << 200 << goodPrm << goodAs << Step::ProbeServer << Problem::NotProtected;
    QTest::newRow("404 instead of 401")
        << 404 << goodPrm << goodAs << Step::ProbeServer << Problem::UnexpectedStatus;
    QTest::newRow("metadata missing")
        << 401 << QByteArray() << goodAs << Step::ResourceMetadata << Problem::UnexpectedStatus;
    QTest::newRow("metadata not json") << 401 << QByteArray("<html>") << goodAs
                                       << Step::ResourceMetadata << Problem::InvalidDocument;
    QTest::newRow("no authorization server")
        << 401 << QByteArray(R"({"resource":"BASE/mcp","authorization_servers":[]})") << goodAs
        << Step::ResourceMetadata << Problem::InvalidDocument;
    QTest::newRow("another resource")
        << 401 << QByteArray(R"({"resource":"BASE/other","authorization_servers":["BASE"]})")
        << goodAs << Step::ResourceMetadata << Problem::ResourceMismatch;
    QTest::newRow("remote http authorization server")
        << 401
        << QByteArray(
               R"({"resource":"BASE/mcp","authorization_servers":["http://auth.example.com"]})")
        << goodAs << Step::ResourceMetadata << Problem::InvalidDocument;
    QTest::newRow("server metadata missing")
        << 401 << goodPrm << QByteArray() << Step::AuthorizationServerMetadata
        << Problem::UnexpectedStatus;
    QTest::newRow("issuer mismatch")
        << 401 << goodPrm
        << QByteArray(
               R"({"issuer":"https://evil.example","authorization_endpoint":"BASE/a","token_endpoint":"BASE/t","code_challenge_methods_supported":["S256"]})")
        << Step::AuthorizationServerMetadata << Problem::IssuerMismatch;
    QTest::newRow("no token endpoint")
        << 401 << goodPrm
        << QByteArray(
               R"({"issuer":"BASE","authorization_endpoint":"BASE/a","code_challenge_methods_supported":["S256"]})")
        << Step::AuthorizationServerMetadata << Problem::InvalidDocument;
    QTest::newRow("remote http endpoint")
        << 401 << goodPrm
        << QByteArray(
               R"({"issuer":"BASE","authorization_endpoint":"http://auth.example.com/a","token_endpoint":"BASE/t","code_challenge_methods_supported":["S256"]})")
        << Step::AuthorizationServerMetadata << Problem::InvalidDocument;
    QTest::newRow("no pkce")
        << 401 << goodPrm
        << QByteArray(
               R"({"issuer":"BASE","authorization_endpoint":"BASE/a","token_endpoint":"BASE/t"})")
        << Step::AuthorizationServerMetadata << Problem::PkceUnsupported;
}

void TestOAuthDiscovery::failure_reportsStepAndProblem() {
    QFETCH(int, probeStatus);
    QFETCH(QByteArray, prm);
    QFETCH(QByteArray, asDoc);
    QFETCH(Step, step);
    QFETCH(Problem, problem);
    FakeHttpServer server;
    QVERIFY(server.listen());
    const QByteArray base = server.baseUrl().toString().toUtf8();
    prm.replace("BASE", base);
    asDoc.replace("BASE", base);
    server.setHandler([&](const RecordedRequest &r) {
        if (r.path() == "/mcp") {
            return ScriptedResponse::json(probeStatus, "{}")
                .header("WWW-Authenticate", "Bearer resource_metadata=\"" + base + "/prm\"");
        }
        if (r.path() == "/prm" && !prm.isEmpty())
            return ScriptedResponse::json(200, prm);
        if (r.path() == "/.well-known/oauth-authorization-server" && !asDoc.isEmpty())
            return ScriptedResponse::json(200, asDoc);
        return ScriptedResponse::json(404, "{}");
    });
    OAuthDiscovery discovery(&m_nam);
    QSignalSpy steps(&discovery, &OAuthDiscovery::stepSucceeded);
    QSignalSpy finished(&discovery, &OAuthDiscovery::finished);
    discovery.start(QUrl(QString::fromUtf8(base + "/mcp")));
    QVERIFY(finished.wait(15000));
    const auto result = finished.first().first().value<OAuthDiscovery::Result>();
    QVERIFY(!result.ok);
    QCOMPARE(result.failure.step, step);
    QCOMPARE(result.failure.problem, problem);
    QVERIFY(!result.failure.detail.isEmpty());
    QVERIFY(result.failure.url.isValid());
    // Every step before the failed one reported its success.
    QCOMPARE(steps.size(), int(step));
}

void TestOAuthDiscovery::unsafeServerUrl_isRefusedWithoutTraffic() {
    const auto result = Test::discover(&m_nam, QUrl(u"http://mcp.example.com/mcp"_s));
    QVERIFY(!result.ok);
    QCOMPARE(result.failure.step, Step::ProbeServer);
    QCOMPARE(result.failure.problem, Problem::UnsafeUrl);
}

void TestOAuthDiscovery::deadServer_isANetworkError() {
    const auto result =
        Test::discover(&m_nam, QUrl(u"http://127.0.0.1:%1/mcp"_s.arg(Test::deadPort())));
    QVERIFY(!result.ok);
    QCOMPARE(result.failure.step, Step::ProbeServer);
    QCOMPARE(result.failure.problem, Problem::NetworkError);
}

void TestOAuthDiscovery::silentServer_timesOutAsANetworkError() {
    FakeHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([](const RecordedRequest &) { return ScriptedResponse::neverAnswer(); });
    OAuthDiscovery discovery(&m_nam);
    discovery.setRequestTimeout(300);
    QSignalSpy finished(&discovery, &OAuthDiscovery::finished);
    discovery.start(QUrl(server.baseUrl().toString() + u"/mcp"_s));
    QVERIFY(finished.wait(10000));
    const auto result = finished.first().first().value<OAuthDiscovery::Result>();
    QCOMPARE(result.failure.step, Step::ProbeServer);
    QCOMPARE(result.failure.problem, Problem::NetworkError);
    QVERIFY2(result.failure.detail.contains(u"300 ms"_s), qPrintable(result.failure.detail));
    QTest::qWait(100);
    QCOMPARE(finished.size(), 1);
}

void TestOAuthDiscovery::redirectedMetadata_isNotFollowed() {
    // A metadata document is where the server says it is: a redirect is an unexpected status.
    FakeHttpServer server;
    QVERIFY(server.listen());
    const QByteArray base = server.baseUrl().toString().toUtf8();
    auto redirect = ScriptedResponse::json(302, "{}");
    redirect.header("Location", base + "/elsewhere");
    script(server, "Bearer resource_metadata=\"" + base + "/prm\"",
           {{"/prm", redirect},
            {"/elsewhere",
             ScriptedResponse::json(
                 200, json({{u"resource"_s, QString::fromUtf8(base + "/mcp")},
                            {u"authorization_servers"_s, QJsonArray{QString::fromUtf8(base)}}}))}});
    const auto result = Test::discover(&m_nam, QUrl(QString::fromUtf8(base + "/mcp")));
    QVERIFY(!result.ok);
    QCOMPARE(result.failure.step, Step::ResourceMetadata);
    QCOMPARE(result.failure.problem, Problem::UnexpectedStatus);
    QCOMPARE(result.failure.status, 302);
    for (const RecordedRequest &r : server.requests())
        QVERIFY(r.path() != "/elsewhere");
}

void TestOAuthDiscovery::requests_neverCarryAnAuthorizationHeader() {
    FakeHttpServer server;
    QVERIFY(server.listen());
    const QByteArray base = server.baseUrl().toString().toUtf8();
    script(server, "Bearer resource_metadata=\"" + base + "/prm\"",
           {{"/prm",
             ScriptedResponse::json(
                 200, json({{u"resource"_s, QString::fromUtf8(base + "/mcp")},
                            {u"authorization_servers"_s, QJsonArray{QString::fromUtf8(base)}}}))},
            {"/.well-known/oauth-authorization-server",
             ScriptedResponse::json(200, json(asMetadata(QString::fromUtf8(base))))}});
    const auto result = Test::discover(&m_nam, QUrl(QString::fromUtf8(base + "/mcp")));
    QVERIFY2(result.ok, qPrintable(result.failure.detail));
    QCOMPARE(server.requests().size(), 3);
    for (const RecordedRequest &r : server.requests())
        QVERIFY(r.header("Authorization").isEmpty());
}

QTEST_GUILESS_MAIN(TestOAuthDiscovery)
#include "tst_oauthdiscovery.moc"
