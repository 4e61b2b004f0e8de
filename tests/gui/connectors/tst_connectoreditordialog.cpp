// SPDX-License-Identifier: GPL-3.0-or-later
// The connector editor's "Test connection", offscreen: against the real
// @modelcontextprotocol/server-everything (SSE answers), the emulator's MCP server (JSON
// answers, 401 without the token), a dead port, a plain HTTP server that is not MCP, a 404,
// a server that never answers, and a remote plain-http URL that is not even tried. Also the
// unsaved-changes guard, secret header values staying out of the logs, and the headers table
// edited in place (added, removed, masked, its names checked).
#include "core/auth/SecretStore.h"
#include "core/net/ApiClient.h"
#include "core/services/ConnectorPolicy.h"
#include "core/services/ConnectorService.h"
#include "core/services/McpConnectionTest.h"
#include "core/services/ToolApprovalStore.h"
#include "models/ConnectorHeadersModel.h"
#include "models/McpReportPresenter.h"
#include "ui/ConnectorEditorDialog.h"
#include "ui/ConnectorToolsDialog.h"

#include "HeadersTable.h"
#include "IntegrationSupport.h"
#include "support/EmulatorProcess.h"
#include "support/FakeHttpServer.h"

#include <QApplication>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using Outcome = McpConnectionReport::Outcome;

namespace {

template<typename T>
T *child(QObject *parent, const char *name) {
    T *w = parent->findChild<T *>(QString::fromLatin1(name));
    if (!w)
        qWarning("no child %s", name);
    return w;
}

QStringList g_log;

void captureMessage(QtMsgType, const QMessageLogContext &, const QString &message) {
    g_log.append(message);
}

} // namespace

class TestConnectorEditorDialog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void test_everythingServer_listsItsRealTools();
    void test_emulatorMcp_jsonAnswersAndSession();
    void test_missingToken_is401_thenWithSecretHeaderWorks();
    void test_deadPort_isConnectionRefused();
    void test_plainHttpServer_isNotMcp();
    void test_404_isNoEndpoint();
    void test_silentServer_timesOut();
    void test_remotePlainHttp_isNotTried();
    void test_secretHeaderValue_neverLogged();
    void cancel_withChanges_asksFirst();
    void save_formErrors_stayOnTheForm();
    void pastedLongName_isShownAndExplained();
    void metadataAddress_isRefusedAndNotTried();
    void headersTable_editAddRemove_secretMasked();
    void headersTable_badNames_shownOnTheForm();

private:
    McpConnectionReport runTest(const QString &url, const QList<ConnectorHeader> &headers = {});
    void fillHeader(int row, const QString &name, const QString &value, bool secret);

    Test::EmulatorProcess m_emulator;
    QNetworkAccessManager m_nam;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ToolApprovalStore> m_approvals;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<ConnectorService> m_service;
    std::unique_ptr<ConnectorEditorDialog> m_editor;
};

void TestConnectorEditorDialog::initTestCase() {
    QVERIFY2(m_emulator.start(u"test-key"_s), qPrintable(m_emulator.errorString()));
}

void TestConnectorEditorDialog::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<QSettings>(m_dir->filePath(u"s.ini"_s), QSettings::IniFormat);
    m_approvals = std::make_unique<ToolApprovalStore>(m_settings.get());
    m_secrets = std::make_unique<MemorySecretStore>();
    m_client = std::make_unique<ApiClient>(&m_nam);
    QVERIFY(m_client->setBaseUrl(m_emulator.baseUrl()));
    m_client->setApiKey(u"test-key"_s);
    m_service = std::make_unique<ConnectorService>(m_client.get());
    m_editor = std::make_unique<ConnectorEditorDialog>(
        m_service.get(), m_secrets.get(), new McpConnectionTest(&m_nam), &m_nam, m_approvals.get());
    m_editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
}

void TestConnectorEditorDialog::cleanup() {
    m_editor.reset();
    m_service.reset();
    m_client.reset();
    m_secrets.reset();
    m_approvals.reset();
    m_settings.reset();
    m_dir.reset();
}

void TestConnectorEditorDialog::fillHeader(int row, const QString &name, const QString &value,
                                           bool secret) {
    auto *headers = child<QTableView>(m_editor.get(), "headersTableView");
    while (headers->model()->rowCount() <= row)
        child<QPushButton>(m_editor.get(), "addHeaderPushButton")->click();
    QTest::keyClicks(Test::headerEditor(headers, row, 0), name);
    QTest::keyClicks(Test::headerEditor(headers, row, 1), value);
    Test::setHeaderSecret(headers, row, secret);
}

McpConnectionReport TestConnectorEditorDialog::runTest(const QString &url,
                                                       const QList<ConnectorHeader> &headers) {
    auto *server = child<QLineEdit>(m_editor.get(), "serverLineEdit");
    server->setText(url);
    for (int i = 0; i < headers.size(); ++i)
        fillHeader(i, headers.at(i).name, headers.at(i).value, headers.at(i).secret);
    QSignalSpy tested(m_editor.get(), &ConnectorEditorDialog::connectionTested);
    child<QPushButton>(m_editor.get(), "testConnectionPushButton")->click();
    [&] {
        QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 1, 20000);
    }();
    if (tested.isEmpty())
        return {};
    const auto report = tested.first().first().value<McpConnectionReport>();
    // What the form shows is the report's own words.
    [&] {
        QCOMPARE(child<QLabel>(m_editor.get(), "testHeadlineLabel")->text(),
                 McpReportPresenter::headline(report));
        QCOMPARE(child<QLabel>(m_editor.get(), "testDetailsLabel")->text(),
                 McpReportPresenter::details(report));
        QVERIFY(child<QPushButton>(m_editor.get(), "testConnectionPushButton")->isEnabled());
    }();
    return report;
}

void TestConnectorEditorDialog::test_everythingServer_listsItsRealTools() {
    Test::EverythingServer everything;
    if (Test::EverythingServer::entryScript().isEmpty())
        QSKIP(Test::EverythingServer::missingReason().constData());
    QString error;
    QVERIFY2(everything.start(&error), qPrintable(error));

    const McpConnectionReport report = runTest(everything.url().toString());
    QVERIFY2(report.isReachable(), qPrintable(McpReportPresenter::headline(report) + u'\n'
                                              + McpReportPresenter::details(report)));
    QStringList names;
    for (const McpTool &tool : report.tools)
        names.append(tool.name);
    QVERIFY2(names.contains("echo"_L1) && names.contains("get-sum"_L1),
             qPrintable(names.join(u' ')));
    QVERIFY(!report.server.name.isEmpty());
    QVERIFY(report.server.protocolVersion >= "2025-03-26"_L1);
    QVERIFY(report.sessionKept); // server-everything keeps sessions
    QVERIFY(report.latencyMs > 0);
    const QString headline = child<QLabel>(m_editor.get(), "testHeadlineLabel")->text();
    QVERIFY(headline.startsWith("Reachable"_L1));
    QVERIFY(headline.contains(report.server.protocolVersion));
    QVERIFY(headline.contains(u"%1 ms"_s.arg(report.latencyMs)));
    QVERIFY(child<QLabel>(m_editor.get(), "testDetailsLabel")->text().contains("get-sum"_L1));

    // Its tools can be read before the connector even exists.
    auto *showTools = child<QPushButton>(m_editor.get(), "testToolsPushButton");
    QVERIFY(showTools->isVisible());
    showTools->click();
    auto *tools = m_editor->findChild<ConnectorToolsDialog *>(u"connectorToolsDialog"_s);
    QVERIFY(tools);
    QVERIFY(tools->selectTool(u"get-sum"_s));
    auto *tree = child<QTreeWidget>(tools, "schemaTreeWidget");
    QCOMPARE(tree->topLevelItemCount(), 2);
    QCOMPARE(tree->topLevelItem(0)->text(0), u"a"_s);
    QCOMPARE(tree->topLevelItem(0)->text(1), u"number"_s);
    QCOMPARE(tree->topLevelItem(0)->text(2), u"required"_s);
    QCOMPARE(tree->topLevelItem(0)->text(3), u"First number"_s);
    // Not saved yet: nothing can be approved.
    QVERIFY(!child<QPushButton>(tools, "approveAllPushButton")->isEnabled());
    tools->close();
}

void TestConnectorEditorDialog::test_emulatorMcp_jsonAnswersAndSession() {
    const McpConnectionReport report = runTest(m_emulator.baseUrl().toString() + u"/__mcp"_s);
    QVERIFY2(report.isReachable(), qPrintable(McpReportPresenter::details(report)));
    QCOMPARE(report.tools.size(), 5);
    QVERIFY(report.sessionKept);
    QCOMPARE(report.server.protocolVersion, u"2025-06-18"_s);
    // Plain http on loopback is allowed, and the report says it is unencrypted.
    QVERIFY(McpReportPresenter::details(report).contains("Unencrypted"_L1));
}

void TestConnectorEditorDialog::test_missingToken_is401_thenWithSecretHeaderWorks() {
    const QString url = m_emulator.baseUrl().toString() + u"/__mcp/secured"_s;
    McpConnectionReport report = runTest(url);
    QCOMPARE(report.outcome, Outcome::Failed);
    QCOMPARE(report.error.httpStatus(), 401);
    QVERIFY(McpReportPresenter::headline(report).contains("Unauthorized (HTTP 401)"_L1));
    QVERIFY(McpReportPresenter::details(report).contains(
        "Authorization"_L1)); // the hint says what to add

    fillHeader(0, u"Authorization"_s, u"Bearer demo-mcp-token"_s, true);
    QSignalSpy tested(m_editor.get(), &ConnectorEditorDialog::connectionTested);
    child<QPushButton>(m_editor.get(), "testConnectionPushButton")->click();
    QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 1, 15000);
    report = tested.first().first().value<McpConnectionReport>();
    QVERIFY2(report.isReachable(), qPrintable(McpReportPresenter::details(report)));
}

void TestConnectorEditorDialog::test_deadPort_isConnectionRefused() {
    const McpConnectionReport report = runTest(u"http://127.0.0.1:%1/mcp"_s.arg(Test::deadPort()));
    QCOMPARE(report.outcome, Outcome::Failed);
    QCOMPARE(report.error.networkError(), QNetworkReply::ConnectionRefusedError);
    QVERIFY(McpReportPresenter::headline(report).contains("Connection refused"_L1));
    QVERIFY(McpReportPresenter::details(report).contains("running"_L1));
}

void TestConnectorEditorDialog::test_plainHttpServer_isNotMcp() {
    Test::FakeHttpServer web;
    QVERIFY(web.listen());
    web.setHandler([](const Test::RecordedRequest &) {
        return Test::ScriptedResponse::text(200, "<html><body>Welcome</body></html>",
                                            "text/html; charset=utf-8");
    });
    const McpConnectionReport report = runTest(web.baseUrl().toString() + u"/"_s);
    QCOMPARE(report.outcome, Outcome::Failed);
    QCOMPARE(report.error.kind(), ApiError::Kind::NotMcp);
    QVERIFY(McpReportPresenter::headline(report).contains("Not an MCP server"_L1));
    // The client spoke MCP to it: a JSON-RPC initialize, with both answer types accepted.
    const Test::RecordedRequest first = web.requests().first();
    QCOMPARE(first.method, QByteArray("POST"));
    QVERIFY(first.body.contains("\"initialize\""));
    QVERIFY(first.header("Accept").contains("text/event-stream"));
}

void TestConnectorEditorDialog::test_404_isNoEndpoint() {
    Test::FakeHttpServer web;
    QVERIFY(web.listen());
    web.setHandler([](const Test::RecordedRequest &) {
        return Test::ScriptedResponse::text(404, "Not Found");
    });
    const McpConnectionReport report = runTest(web.baseUrl().toString() + u"/wrong"_s);
    QCOMPARE(report.error.kind(), ApiError::Kind::Http);
    QCOMPARE(report.error.httpStatus(), 404);
    QVERIFY(McpReportPresenter::headline(report).contains("HTTP 404"_L1));
}

void TestConnectorEditorDialog::test_silentServer_timesOut() {
    Test::FakeHttpServer web;
    QVERIFY(web.listen());
    web.setHandler(
        [](const Test::RecordedRequest &) { return Test::ScriptedResponse::neverAnswer(); });
    m_editor->connectionTest()->setTimeout(std::chrono::milliseconds(300));
    const McpConnectionReport report = runTest(web.baseUrl().toString() + u"/mcp"_s);
    QCOMPARE(report.error.kind(), ApiError::Kind::Timeout);
    QVERIFY(McpReportPresenter::headline(report).contains("Timed out"_L1));
}

void TestConnectorEditorDialog::test_remotePlainHttp_isNotTried() {
    const McpConnectionReport report = runTest(u"http://mcp.example.com/mcp"_s);
    QCOMPARE(report.outcome, Outcome::RefusedUrl);
    QVERIFY(McpReportPresenter::headline(report).contains("https"_L1));
    auto *serverError = child<QLabel>(m_editor.get(), "serverErrorLabel");
    QVERIFY(serverError->isVisible());
    QVERIFY(serverError->text().contains("https"_L1));
}

void TestConnectorEditorDialog::test_secretHeaderValue_neverLogged() {
    const QString secret = u"tramontane-secret-4f2a9c"_s;
    QLoggingCategory::setFilterRules(u"tramontane.*=true"_s);
    g_log.clear();
    const QtMessageHandler previous = qInstallMessageHandler(captureMessage);
    const McpConnectionReport report =
        runTest(m_emulator.baseUrl().toString() + u"/__mcp/secured"_s,
                {{u"Authorization"_s, u"Bearer "_s + secret, true}, {u"X-Other"_s, secret, true}});
    // Save too: the create body goes through the network layer's logging.
    child<QLineEdit>(m_editor.get(), "nameLineEdit")->setText(u"logged"_s);
    child<QPlainTextEdit>(m_editor.get(), "descriptionPlainTextEdit")->setPlainText(u"d"_s);
    QSignalSpy saved(m_editor.get(), &ConnectorEditorDialog::saved);
    child<QPushButton>(m_editor.get(), "savePushButton")->click();
    QTRY_COMPARE(saved.size(), 1);
    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());
    QCOMPARE(report.error.httpStatus(), 401); // a wrong token, on purpose
    QVERIFY(!g_log.isEmpty());
    for (const QString &line : std::as_const(g_log))
        QVERIFY2(!line.contains(secret), qPrintable(line));
}

void TestConnectorEditorDialog::cancel_withChanges_asksFirst() {
    QTest::keyClicks(child<QLineEdit>(m_editor.get(), "titleLineEdit"), u"Half done"_s);
    QVERIFY(m_editor->hasUnsavedChanges());
    QSignalSpy rejected(m_editor.get(), &QDialog::rejected);

    // "Cancel" in the question: the editor stays.
    QString question;
    QTimer::singleShot(0, this, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        question = box->text();
        box->button(QMessageBox::Cancel)->click();
    });
    child<QPushButton>(m_editor.get(), "cancelPushButton")->click();
    QVERIFY(question.contains("Save"_L1));
    QCOMPARE(rejected.size(), 0);
    QVERIFY(m_editor->isVisible());

    // "Discard": it closes, and nothing was sent.
    QTimer::singleShot(0, this, [] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        box->button(QMessageBox::Discard)->click();
    });
    QVERIFY(m_editor->confirmDiscardChanges());
    m_editor->discardAndClose();
    QCOMPARE(rejected.size(), 1);
    QVERIFY(!m_editor->isVisible());
}

void TestConnectorEditorDialog::save_formErrors_stayOnTheForm() {
    // Nothing filled in: every required field says what it wants, and nothing is sent.
    QSignalSpy saved(m_editor.get(), &ConnectorEditorDialog::saved);
    fillHeader(0, u"Bad Header"_s, u"v"_s, false);
    child<QPushButton>(m_editor.get(), "savePushButton")->click();
    QVERIFY(child<QLabel>(m_editor.get(), "nameErrorLabel")->isVisibleTo(m_editor.get()));
    QVERIFY(child<QLabel>(m_editor.get(), "descriptionErrorLabel")->isVisibleTo(m_editor.get()));
    QVERIFY(child<QLabel>(m_editor.get(), "serverErrorLabel")->isVisibleTo(m_editor.get()));
    QVERIFY(!child<QLabel>(m_editor.get(), "headersErrorLabel")->isHidden()); // another tab
    QVERIFY(!m_editor->isSaving());
    QCOMPARE(saved.size(), 0);
    QVERIFY(m_editor->isVisible());
    // The first faulty field has the focus.
    QTRY_COMPARE(QApplication::focusWidget(), child<QLineEdit>(m_editor.get(), "nameLineEdit"));
}

void TestConnectorEditorDialog::pastedLongName_isShownAndExplained() {
    // A pasted name longer than allowed is kept as pasted and explained, never cut silently.
    auto *name = child<QLineEdit>(m_editor.get(), "nameLineEdit");
    name->setFocus();
    name->selectAll();
    name->insert(QString(100 * 1024, u'n'));
    QVERIFY(name->text().size() > 64);
    auto *error = child<QLabel>(m_editor.get(), "nameErrorLabel");
    QVERIFY(error->isVisibleTo(m_editor.get()));
    QVERIFY2(error->text().contains(u"64"_s), qPrintable(error->text()));
}

void TestConnectorEditorDialog::metadataAddress_isRefusedAndNotTried() {
    // A cloud metadata address is refused as a server: the form says why.
    const McpConnectionReport report = runTest(u"https://169.254.169.254/latest/meta-data/"_s);
    QCOMPARE(report.outcome, McpConnectionReport::Outcome::RefusedUrl);
    auto *error = child<QLabel>(m_editor.get(), "serverErrorLabel");
    QVERIFY(error->isVisibleTo(m_editor.get()));
    QVERIFY2(error->text().contains(u"metadata"_s), qPrintable(error->text()));
}

void TestConnectorEditorDialog::headersTable_editAddRemove_secretMasked() {
    auto *headers = child<QTableView>(m_editor.get(), "headersTableView");
    QAbstractItemModel *model = headers->model();
    QCOMPARE(model, static_cast<QAbstractItemModel *>(m_editor->headersModel()));
    child<QTabWidget>(m_editor.get(), "tabWidget")
        ->setCurrentWidget(child<QWidget>(m_editor.get(), "headersTab"));
    QVERIFY(!m_editor->hasUnsavedChanges());

    // Add: a new row, its name cell being edited, with what to type in it.
    child<QPushButton>(m_editor.get(), "addHeaderPushButton")->click();
    QCOMPARE(model->rowCount(), 1);
    auto *name = qobject_cast<QLineEdit *>(headers->indexWidget(model->index(0, 0)));
    QVERIFY(name);
    QTRY_VERIFY(name->hasFocus());
    QCOMPARE(name->placeholderText(), u"e.g. Authorization"_s);
    QTest::keyClicks(name, u"X-Api-Key"_s);
    QCOMPARE(model->index(0, 0).data().toString(), u"X-Api-Key"_s); // as it is typed
    QLineEdit *value = Test::headerEditor(headers, 0, 1);
    QVERIFY(value);
    QCOMPARE(value->echoMode(), QLineEdit::Password);
    QTest::keyClicks(value, u"k-8d2f0e"_s);
    QVERIFY(m_editor->hasUnsavedChanges());

    // Once the editor closes, the cell shows the mask, never the value.
    headers->setCurrentIndex(model->index(0, 0));
    QTRY_VERIFY(!headers->indexWidget(model->index(0, 1)));
    QCOMPARE(model->index(0, 1).data().toString(), ConnectorHeadersModel::mask());
    QVERIFY(!model->index(0, 1).data().toString().contains(u"8d2f0e"_s));

    // Not secret: shown as typed, in the cell and in its editor.
    Test::setHeaderSecret(headers, 0, false);
    QVERIFY(!Test::headerIsSecret(headers, 0));
    QCOMPARE(model->index(0, 1).data().toString(), u"k-8d2f0e"_s);
    QCOMPARE(Test::headerEditor(headers, 0, 1)->echoMode(), QLineEdit::Normal);
    Test::setHeaderSecret(headers, 0, true);
    QCOMPARE(Test::headerEditor(headers, 0, 1)->echoMode(), QLineEdit::Password);

    // A second row, then Remove takes the current one.
    fillHeader(1, u"Accept-Language"_s, u"fr"_s, false);
    QCOMPARE(model->rowCount(), 2);
    headers->setCurrentIndex(model->index(0, 0));
    child<QPushButton>(m_editor.get(), "removeHeaderPushButton")->click();
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, 0).data().toString(), u"Accept-Language"_s);
    QCOMPARE(model->index(0, 1).data().toString(), u"fr"_s);

    // What a connection test or a save sends.
    const auto request = [&] {
        child<QLineEdit>(m_editor.get(), "nameLineEdit")->setText(u"with_headers"_s);
        child<QPlainTextEdit>(m_editor.get(), "descriptionPlainTextEdit")->setPlainText(u"d"_s);
        child<QLineEdit>(m_editor.get(), "serverLineEdit")->setText(u"https://mcp.example/mcp"_s);
        return m_editor->createRequest();
    }();
    QVERIFY(request.has_value());
    QVERIFY(request->globalHeaders.has_value());
    QCOMPARE(request->globalHeaders->value(u"Accept-Language"_s).toObject().value(u"value"_s),
             QJsonValue(u"fr"_s));
    QCOMPARE(request->globalHeaders->size(), 1);
}

void TestConnectorEditorDialog::headersTable_badNames_shownOnTheForm() {
    child<QLineEdit>(m_editor.get(), "nameLineEdit")->setText(u"checked"_s);
    child<QPlainTextEdit>(m_editor.get(), "descriptionPlainTextEdit")->setPlainText(u"d"_s);
    child<QLineEdit>(m_editor.get(), "serverLineEdit")->setText(u"https://mcp.example/mcp"_s);
    auto *headers = child<QTableView>(m_editor.get(), "headersTableView");
    auto *error = child<QLabel>(m_editor.get(), "headersErrorLabel");

    fillHeader(0, u"X-Key"_s, u"1"_s, true);
    fillHeader(1, u"x-key"_s, u"2"_s, true);
    QVERIFY(!m_editor->createRequest());
    QVERIFY(error->isVisibleTo(m_editor.get()));
    QVERIFY2(error->text().contains(u"listed twice"_s), qPrintable(error->text()));
    QCOMPARE(headers->currentIndex().row(), 1); // the row to fix

    // Editing hides the error; an invalid character is the next one.
    QLineEdit *name = Test::headerEditor(headers, 1, 0);
    name->selectAll();
    QTest::keyClicks(name, u"X Other"_s);
    QVERIFY(!error->isVisibleTo(m_editor.get()));
    QVERIFY(!m_editor->createRequest());
    QVERIFY(error->isVisibleTo(m_editor.get()));
    QCOMPARE(error->text(), connectorHeaderNameError(u"X Other"_s));

    // An empty name.
    name = Test::headerEditor(headers, 1, 0);
    name->clear();
    QTest::keyClick(name, Qt::Key_Space);
    QTest::keyClick(name, Qt::Key_Backspace);
    QCOMPARE(headers->model()->index(1, 0).data().toString(), QString());
    QVERIFY(!m_editor->createRequest());
    QCOMPARE(error->text(), connectorHeaderNameError(QString()));

    name = Test::headerEditor(headers, 1, 0);
    QTest::keyClicks(name, u"X-Other"_s);
    QVERIFY(m_editor->createRequest().has_value());
    QVERIFY(!error->isVisibleTo(m_editor.get()));
}

QTEST_MAIN(TestConnectorEditorDialog)
#include "tst_connectoreditordialog.moc"
