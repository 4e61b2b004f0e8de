// SPDX-License-Identifier: GPL-3.0-or-later
// The words for errors of requests sent straight to an MCP server, and for connection reports.
#include "core/net/ApiError.h"
#include "core/services/McpConnectionTest.h"
#include "models/ErrorPresenter.h"
#include "models/McpErrorPresenter.h"
#include "models/McpReportPresenter.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Tramontane::ApiError;
using Tramontane::ErrorPresenter;
using Tramontane::McpConnectionReport;
using Tramontane::McpErrorPresenter;
using Tramontane::McpReportPresenter;
using Ctx = ApiError::Context;

namespace {

ApiError http(int status, QByteArrayView body = {}, const Tramontane::RawHeaders &headers = {}) {
    return ApiError::fromHttp(status, headers, body, Ctx::McpServer);
}

ApiError network(QNetworkReply::NetworkError code) {
    return ApiError::fromNetworkError(code, u"detail"_s, Ctx::McpServer);
}

// One error of every kind of failure an MCP server can cause.
QList<ApiError> everyFailure() {
    return {
        network(QNetworkReply::HostNotFoundError),
        network(QNetworkReply::ConnectionRefusedError),
        network(QNetworkReply::SslHandshakeFailedError),
        network(QNetworkReply::RemoteHostClosedError),
        http(401),
        http(403),
        http(404),
        http(500),
        ApiError::timeout(Ctx::McpServer, u"no data received for 300 ms"_s),
        ApiError::notMcp(200, u"text/html"_s, u"the answer is not JSON"_s),
        ApiError::jsonRpcError(-32602, u"Unknown tool"_s),
        ApiError::protocolError(u"the answer has no result object"_s),
    };
}

} // namespace

class TestMcpErrorPresenter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void names_areDistinctAndEveryFailureHasAHint();
    void notFoundName_givesTheStatus();
    void sentence_isTheMcpWordsForMcpErrors();
    void unauthorized_pointsAtTheHeadersNotTheApiKey();
    void jsonRpcError_givesCodeAndMessage();
    void report_headlineAndDetails();
    void reportDetails_carryTheTechnicalDetail();
    void apiCallsAboutMcp_keepTheConnectorWords();
};

void TestMcpErrorPresenter::names_areDistinctAndEveryFailureHasAHint() {
    QStringList names;
    const QList<ApiError> errors = everyFailure();
    for (const ApiError &error : errors) {
        const QString name = McpErrorPresenter::name(error);
        QVERIFY2(!name.isEmpty(), qPrintable(error.toLogString()));
        QVERIFY2(!McpErrorPresenter::hint(error).isEmpty(), qPrintable(error.toLogString()));
        QVERIFY2(!McpErrorPresenter::title(error).isEmpty(), qPrintable(error.toLogString()));
        names.append(name);
    }
    names.removeDuplicates();
    QCOMPARE(names.size(), errors.size());
}

void TestMcpErrorPresenter::notFoundName_givesTheStatus() {
    QCOMPARE(McpErrorPresenter::name(http(405)), u"No MCP endpoint at this URL (HTTP 405)"_s);
    QCOMPARE(McpErrorPresenter::name(http(404)), u"No MCP endpoint at this URL (HTTP 404)"_s);
}

void TestMcpErrorPresenter::sentence_isTheMcpWordsForMcpErrors() {
    const QList<ApiError> errors = everyFailure();
    for (const ApiError &error : errors) {
        QCOMPARE(ErrorPresenter::sentence(error),
                 McpErrorPresenter::title(error) + u' ' + McpErrorPresenter::hint(error));
    }
    // A canceled request says so in the general words, and offers nothing to fix.
    QCOMPARE(ErrorPresenter::sentence(ApiError::canceled(Ctx::McpServer)),
             ErrorPresenter::sentence(ApiError::canceled()));
}

void TestMcpErrorPresenter::unauthorized_pointsAtTheHeadersNotTheApiKey() {
    const ApiError error =
        http(401, {}, {{"WWW-Authenticate"_ba, "Bearer resource_metadata=\"x\""_ba}});
    QCOMPARE(error.wwwAuthenticate(), "Bearer resource_metadata=\"x\""_ba);
    const QString sentence = ErrorPresenter::sentence(error);
    QVERIFY(sentence.contains(u"token"_s));
    QVERIFY(sentence.contains(u"Authorization"_s));
    QVERIFY(!sentence.contains(u"Settings"_s));
    QCOMPARE(McpErrorPresenter::name(error), u"Unauthorized (HTTP 401)"_s);
}

void TestMcpErrorPresenter::jsonRpcError_givesCodeAndMessage() {
    const ApiError error = ApiError::jsonRpcError(-32602, u"Unknown tool"_s);
    QCOMPARE(error.jsonRpcCode(), -32602);
    QCOMPARE(error.serverCode(), u"-32602"_s);
    QVERIFY(ErrorPresenter::title(error).contains(u"-32602"_s));
    QVERIFY(ErrorPresenter::title(error).contains(u"Unknown tool"_s));
}

void TestMcpErrorPresenter::report_headlineAndDetails() {
    McpConnectionReport report;
    report.outcome = McpConnectionReport::Outcome::Failed;
    report.error = network(QNetworkReply::ConnectionRefusedError);
    QCOMPARE(McpReportPresenter::headline(report), u"Not reachable: Connection refused"_s);
    QVERIFY(McpReportPresenter::details(report).contains(ErrorPresenter::sentence(report.error)));
    QVERIFY(McpReportPresenter::details(report).contains(u"running"_s));

    report = {};
    report.outcome = McpConnectionReport::Outcome::Reachable;
    report.server.name = u"demo"_s;
    report.server.version = u"1.2"_s;
    report.server.protocolVersion = u"2025-06-18"_s;
    report.tools = {Tramontane::McpTool{}, Tramontane::McpTool{}};
    report.tools[0].name = u"echo"_s;
    report.tools[1].name = u"sum"_s;
    report.latencyMs = 42;
    report.sessionKept = true;
    QCOMPARE(McpReportPresenter::headline(report),
             u"Reachable: demo 1.2 · MCP 2025-06-18 · 2 tool(s) · 42 ms"_s);
    QVERIFY(McpReportPresenter::details(report).contains(u"Tools: echo, sum"_s));

    report.outcome = McpConnectionReport::Outcome::Canceled;
    QCOMPARE(McpReportPresenter::headline(report), u"Test canceled."_s);
}

void TestMcpErrorPresenter::reportDetails_carryTheTechnicalDetail() {
    McpConnectionReport report;
    report.outcome = McpConnectionReport::Outcome::Failed;
    report.error = ApiError::protocolError(
        u"protocol version \"2024-11-05\" is not supported (2025-03-26 or later is)"_s);
    QCOMPARE(McpReportPresenter::headline(report), u"Not reachable: MCP protocol error"_s);
    QVERIFY(McpReportPresenter::details(report).contains(u"2024-11-05"_s));
}

void TestMcpErrorPresenter::apiCallsAboutMcp_keepTheConnectorWords() {
    // An API call about a connector's MCP server (context Mcp) is not a request to the server
    // itself: its 404 is about the connector, and its words are the API's.
    const ApiError viaApi = ApiError::fromHttp(404, {}, {}, Ctx::Mcp);
    QCOMPARE(viaApi.reason(), ApiError::Reason::ConnectorNotFound);
    QVERIFY(McpErrorPresenter::title(viaApi) != ErrorPresenter::title(viaApi));
    const ApiError direct = http(404);
    QCOMPARE(direct.reason(), ApiError::Reason::WrongAddress);
    QCOMPARE(ApiError::contextName(direct.context()), "mcp-server"_L1);
    QCOMPARE(http(405).reason(), ApiError::Reason::WrongAddress);
}

QTEST_GUILESS_MAIN(TestMcpErrorPresenter)
#include "tst_mcperrorpresenter.moc"
