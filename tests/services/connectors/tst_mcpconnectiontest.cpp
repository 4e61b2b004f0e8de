// SPDX-License-Identifier: GPL-3.0-or-later
// McpConnectionTest: what a connection test reports, from the URL policy to a live session.
#include "core/net/Redactor.h"
#include "core/services/McpConnectionTest.h"
#include "models/McpReportPresenter.h"

#include "IntegrationSupport.h"
#include "support/EmulatorProcess.h"
#include "support/FakeHttpServer.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using Outcome = McpConnectionReport::Outcome;

class TestMcpConnectionTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void remotePlainHttp_isRefusedWithoutTraffic();
    void reachable_reportsServerToolsSessionAndLatency();
    void headers_sentAndSecretsRegisteredForRedaction();
    void headersWithoutValue_areListedNotSent();
    void cancel_reportsCanceledOnce();
    void restart_cancelsThePreviousTest();

private:
    McpConnectionReport run(McpConnectionTest &test, const QString &url,
                            const QList<ConnectorHeader> &headers = {});
    QString mcpUrl(const QString &path = u"/__mcp"_s) const {
        return m_emulator.baseUrl().toString() + path;
    }

    Test::EmulatorProcess m_emulator;
    QNetworkAccessManager m_nam;
};

void TestMcpConnectionTest::initTestCase() {
    QVERIFY2(m_emulator.start(u"test-key"_s), qPrintable(m_emulator.errorString()));
}

McpConnectionReport TestMcpConnectionTest::run(McpConnectionTest &test, const QString &url,
                                               const QList<ConnectorHeader> &headers) {
    QSignalSpy finished(&test, &McpConnectionTest::finished);
    test.start(url, headers);
    [&] {
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    }();
    return finished.isEmpty() ? McpConnectionReport() : test.report();
}

void TestMcpConnectionTest::remotePlainHttp_isRefusedWithoutTraffic() {
    McpConnectionTest test(&m_nam);
    QSignalSpy started(&test, &McpConnectionTest::started);
    const McpConnectionReport report =
        run(test, u"http://mcp.example.com/mcp"_s, {{u"Authorization"_s, u"Bearer x"_s, true}});
    QCOMPARE(started.size(), 1);
    QCOMPARE(report.outcome, Outcome::RefusedUrl);
    QVERIFY(!report.refusal.isEmpty());
    QVERIFY(McpReportPresenter::headline(report).contains(report.refusal));
    QVERIFY(!test.isRunning());
}

void TestMcpConnectionTest::reachable_reportsServerToolsSessionAndLatency() {
    McpConnectionTest test(&m_nam);
    const McpConnectionReport report = run(test, mcpUrl());
    QVERIFY2(report.isReachable(), qPrintable(McpReportPresenter::details(report)));
    QCOMPARE(report.url, QUrl(mcpUrl()));
    QCOMPARE(report.server.protocolVersion, u"2025-06-18"_s);
    QVERIFY(!report.server.name.isEmpty());
    QCOMPARE(report.tools.size(), 5);
    QVERIFY(report.sessionKept);
    QVERIFY(report.latencyMs >= 0);
    QVERIFY(!report.urlWarning.isEmpty()); // plain http on loopback
    QVERIFY(McpReportPresenter::headline(report).contains("5 tool(s)"_L1));
    QVERIFY(McpReportPresenter::details(report).contains("echo"_L1));
    // The session was closed at the end: the emulator saw a DELETE with it.
    Test::HttpDriver admin(m_emulator.baseUrl(), "test-key");
    QTRY_VERIFY([&] {
        const QJsonArray requests = admin.recordedRequests(u"/__mcp"_s);
        return !requests.isEmpty()
               && requests.last().toObject().value("method"_L1).toString() == "DELETE"_L1;
    }());
}

void TestMcpConnectionTest::headers_sentAndSecretsRegisteredForRedaction() {
    Test::FakeHttpServer server;
    QVERIFY(server.listen());
    server.setHandler(
        [](const Test::RecordedRequest &) { return Test::ScriptedResponse::text(401, "no"); });
    const QString secret = u"header-secret-8d1e5"_s;
    McpConnectionTest test(&m_nam);
    const McpConnectionReport report =
        run(test, server.baseUrl().toString() + u"/mcp"_s,
            {{u"X-Api-Key"_s, secret, true}, {u"Accept-Language"_s, u"fr"_s, false}});
    QCOMPARE(report.error.kind(), ApiError::Kind::Http);
    QCOMPARE(report.error.httpStatus(), 401);
    const Test::RecordedRequest first = server.requests().first();
    QCOMPARE(first.header("X-Api-Key"), secret.toUtf8());
    QCOMPARE(first.header("Accept-Language"), QByteArray("fr"));
    // From now on the secret is masked wherever it might be logged; the plain value is not.
    QVERIFY(!Redactor::redactText(u"value: "_s + secret).contains(secret));
    QVERIFY(Redactor::redactText(u"lang fr"_s).contains("fr"_L1));
    QVERIFY(!McpReportPresenter::details(report).contains(secret));
}

void TestMcpConnectionTest::headersWithoutValue_areListedNotSent() {
    McpConnectionTest test(&m_nam);
    const McpConnectionReport report =
        run(test, mcpUrl(u"/__mcp/secured"_s), {{u"Authorization"_s, QString(), true}});
    QCOMPARE(report.error.kind(), ApiError::Kind::Http);
    QCOMPARE(report.error.httpStatus(), 401);
    QCOMPARE(report.headersWithoutValue, QStringList{u"Authorization"_s});
    QVERIFY(McpReportPresenter::details(report).contains("Authorization"_L1));
}

void TestMcpConnectionTest::cancel_reportsCanceledOnce() {
    Test::FakeHttpServer silent;
    QVERIFY(silent.listen());
    silent.setHandler(
        [](const Test::RecordedRequest &) { return Test::ScriptedResponse::neverAnswer(); });
    McpConnectionTest test(&m_nam);
    QSignalSpy finished(&test, &McpConnectionTest::finished);
    test.start(silent.baseUrl().toString() + u"/mcp"_s, {});
    QVERIFY(test.isRunning());
    QTRY_COMPARE(silent.requestCount(), 1);
    test.cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(test.report().outcome, Outcome::Canceled);
    QVERIFY(!test.isRunning());
    QTest::qWait(50);
    QCOMPARE(finished.size(), 1);
}

void TestMcpConnectionTest::restart_cancelsThePreviousTest() {
    Test::FakeHttpServer silent;
    QVERIFY(silent.listen());
    silent.setHandler(
        [](const Test::RecordedRequest &) { return Test::ScriptedResponse::neverAnswer(); });
    McpConnectionTest test(&m_nam);
    QSignalSpy finished(&test, &McpConnectionTest::finished);
    test.start(silent.baseUrl().toString() + u"/mcp"_s, {});
    test.start(mcpUrl(), {});
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 15000);
    QCOMPARE(finished.at(0).first().value<McpConnectionReport>().outcome, Outcome::Canceled);
    QVERIFY(finished.at(1).first().value<McpConnectionReport>().isReachable());
}

QTEST_GUILESS_MAIN(TestMcpConnectionTest)
#include "tst_mcpconnectiontest.moc"
