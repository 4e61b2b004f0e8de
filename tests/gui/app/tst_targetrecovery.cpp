// SPDX-License-Identifier: GPL-3.0-or-later
// The model/agent picker recovers when the first models list fails: by itself after a server
// error, through Retry after a rejected key (never by hammering), and from a list asked for
// elsewhere (the Agents page); an agent list that arrives first is not taken for a choice.
// The whole app, against the emulator with faults.
#include "app/Application.h"
#include "core/SettingsKeys.h"
#include "models/ChatController.h"
#include "ui/AgentEditorDialog.h"
#include "ui/AgentVersionsDialog.h"
#include "ui/AgentsPage.h"
#include "ui/MainWindow.h"

#include "IntegrationSupport.h"
#include "support/EmulatorProcess.h"

#include <QAction>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

class TestTargetRecovery : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void serverError_recoversByItself();
    void rejectedKey_waitsForRetry();
    void rejectedKey_listLoadedElsewhereFillsThePicker();
    void agentsBeforeModels_theChatStartsOnAModel();

private:
    // Starts the app against the emulator, with its window shown.
    std::unique_ptr<Application> startApp(const QString &profile);
    int modelRequests() { return int(m_driver->recordedRequests(u"/v1/models"_s).size()); }

    QTemporaryDir m_home;
    Test::EmulatorProcess m_emulator;
    std::unique_ptr<Test::HttpDriver> m_driver;
};

void TestTargetRecovery::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.path());
    QVERIFY2(m_emulator.start(u"recovery-key-0123456789"_s), qPrintable(m_emulator.errorString()));
    m_driver = std::make_unique<Test::HttpDriver>(m_emulator.baseUrl(), "recovery-key-0123456789");
}

void TestTargetRecovery::init() {
    m_driver->send("POST", u"/__admin/reset"_s);
}

std::unique_ptr<Application> TestTargetRecovery::startApp(const QString &profile) {
    ConnectionConfig::Inputs in;
    in.baseUrlArgument = m_emulator.baseUrl().toString();
    in.apiKeyEnv = m_emulator.apiKey();
    auto app =
        std::make_unique<Application>(ConnectionConfig::resolve(in), m_home.filePath(profile));
    QString error;
    if (!app->start(&error)) {
        qWarning() << error;
        return nullptr;
    }
    app->window()->show();
    return app;
}

void TestTargetRecovery::serverError_recoversByItself() {
    // More failures than one request retries by itself: the first list fails for good.
    QCOMPARE(m_driver->addFault(QJsonObject{
                 {u"path"_s, u"/v1/models"_s}, {u"status"_s, 500}, {u"count"_s, 1 + 3}}),
             200);
    auto app = startApp(u"server-error"_s);
    QVERIFY(app);
    MainWindow *window = app->window();
    auto *targets = window->findChild<QComboBox *>(u"targetComboBox"_s);
    auto *problem = window->findChild<QLabel *>(u"targetProblemLabel"_s);
    QVERIFY(targets && problem);

    // While it is empty, the picker says why in one sentence and offers Retry.
    QTRY_VERIFY_WITH_TIMEOUT(problem->isVisible(), 15000);
    QCOMPARE(targets->count(), 0);
    QVERIFY2(problem->text().contains(u"The server had an internal error."_s),
             qPrintable(problem->text()));
    auto *retry = window->findChild<QPushButton *>(u"targetRetryPushButton"_s);
    QVERIFY(retry && retry->isVisible());

    // Then it is asked for again after a while, and the picker fills.
    QTRY_VERIFY_WITH_TIMEOUT(targets->count() > 0, 15000);
    QVERIFY(!problem->isVisible());
    QVERIFY(!targets->currentText().isEmpty());
    QCOMPARE(modelRequests(), 1 + 3 + 1);
}

void TestTargetRecovery::rejectedKey_waitsForRetry() {
    QCOMPARE(m_driver->addFault(QJsonObject{{u"path"_s, u"/v1/models"_s}, {u"status"_s, 401}}),
             200);
    auto app = startApp(u"rejected-key"_s);
    QVERIFY(app);
    MainWindow *window = app->window();
    auto *targets = window->findChild<QComboBox *>(u"targetComboBox"_s);
    auto *problem = window->findChild<QLabel *>(u"targetProblemLabel"_s);
    auto *retry = window->findChild<QPushButton *>(u"targetRetryPushButton"_s);
    QVERIFY(targets && problem && retry);
    QTRY_VERIFY_WITH_TIMEOUT(problem->isVisible(), 15000);
    QVERIFY2(problem->text().contains(u"The API key was rejected."_s), qPrintable(problem->text()));

    // A rejected key is not asked about again and again: it waits for a change or Retry.
    // (Longer than the first automatic retry would wait.)
    QTest::qWait(3000);
    QCOMPARE(modelRequests(), 1);
    QCOMPARE(targets->count(), 0);

    // Sending says why nothing can be sent; Ctrl+K names the problem instead of opening an
    // empty list.
    auto *composer = window->findChild<QPlainTextEdit *>(u"composerPlainTextEdit"_s);
    auto *notice = window->findChild<QLabel *>(u"composerNoticeLabel"_s);
    QVERIFY(composer && notice);
    composer->setPlainText(u"Hello?"_s);
    QTest::keyClick(composer, Qt::Key_Return);
    QVERIFY(notice->isVisible());
    QVERIFY2(notice->text().contains(u"The API key was rejected."_s), qPrintable(notice->text()));
    QCOMPARE(composer->toPlainText(), u"Hello?"_s); // nothing typed is lost
    window->pickModelAction()->trigger();
    QVERIFY2(window->statusBar()->currentMessage().contains(u"The API key was rejected."_s),
             qPrintable(window->statusBar()->currentMessage()));

    retry->click();
    QTRY_VERIFY_WITH_TIMEOUT(targets->count() > 0, 15000);
    QVERIFY(!problem->isVisible());
    QCOMPARE(modelRequests(), 2);
}

void TestTargetRecovery::rejectedKey_listLoadedElsewhereFillsThePicker() {
    QCOMPARE(m_driver->addFault(QJsonObject{{u"path"_s, u"/v1/models"_s}, {u"status"_s, 401}}),
             200);
    auto app = startApp(u"elsewhere"_s);
    QVERIFY(app);
    MainWindow *window = app->window();
    auto *targets = window->findChild<QComboBox *>(u"targetComboBox"_s);
    auto *problem = window->findChild<QLabel *>(u"targetProblemLabel"_s);
    QVERIFY(targets && problem);
    QTRY_VERIFY_WITH_TIMEOUT(problem->isVisible(), 15000);

    // The Agents page loads the models for its editor: that list fills the picker too.
    window->showPage(MainWindow::Page::Agents);
    auto *agentsPage = window->findChild<AgentsPage *>();
    QVERIFY(agentsPage);
    auto *refresh = agentsPage->findChild<QPushButton *>(u"refreshPushButton"_s);
    QVERIFY(refresh);
    refresh->click();
    QTRY_VERIFY_WITH_TIMEOUT(targets->count() > 0, 15000);
    window->showPage(MainWindow::Page::Chat);
    QVERIFY(!problem->isVisible());
}

void TestTargetRecovery::agentsBeforeModels_theChatStartsOnAModel() {
    // The agents arrive first: the picker holds only them for a while, and shows the first.
    // That is not a choice: once the models arrive, a new chat starts on a model, and the
    // agent is not remembered as the one used last.
    const auto created =
        m_driver->post(u"/v1/agents"_s, QJsonObject{{u"model"_s, u"mistral-small-latest"_s},
                                                    {u"name"_s, u"Harbour master"_s},
                                                    {u"instructions"_s, u"Talk about boats."_s}});
    QCOMPARE(created.status, 200);
    QCOMPARE(m_driver->addFault(QJsonObject{{u"path"_s, u"/v1/models"_s}, {u"delay_ms"_s, 1500}}),
             200);
    auto app = startApp(u"agents-first"_s);
    QVERIFY(app);
    auto *targets = app->window()->findChild<QComboBox *>(u"targetComboBox"_s);
    QVERIFY(targets);
    QTRY_VERIFY_WITH_TIMEOUT(targets->count() == 1, 15000);
    QCOMPARE(targets->currentText(), u"Agent: Harbour master"_s);
    QTRY_VERIFY_WITH_TIMEOUT(targets->count() > 1, 15000);
    QCOMPARE(targets->currentText(), ChatController::fallbackModel());
    QCOMPARE(QSettings().value(SettingsKeys::lastTarget).toString(), QString());
}

QTEST_MAIN(TestTargetRecovery)
#include "tst_targetrecovery.moc"
