// SPDX-License-Identifier: GPL-3.0-or-later
// The whole app, as the run command starts it: demo mode with the bundled emulator, a message
// typed in the composer, the streamed answer and a generated image reaching the chat view.
#include "app/Application.h"
#include "core/auth/SecretStore.h"
#include "core/storage/ConversationStore.h"
#include "core/storage/MessageText.h"
#include "models/ChatItem.h"
#include "models/ConnectorListModel.h"
#include "models/ConversationModel.h"
#include "ui/AgentEditorDialog.h"
#include "ui/AgentVersionsDialog.h"
#include "ui/AgentsPage.h"
#include "ui/ChatPage.h"
#include "ui/ConnectorEditorDialog.h"
#include "ui/ConnectorToolsDialog.h"
#include "ui/ConnectorsPage.h"
#include "ui/MainWindow.h"
#include "ui/SettingsDialog.h"
#include "ui/chat/ChatView.h"
#include "ui/chat/ImageRepository.h"

#include "support/EmulatorProcess.h"
#include "support/FakeHttpServer.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace Tramontane;

class TestApplication : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void demo_completesChatTurnWithImage();
    void destroyedMidAnswer_storesWhatWasShown();
    void damagedHistory_saysSoThenStartsANewOne();
    void demo_noRequestBeforeTheEmulatorListens();
    void demo_deletedConnectorLeavesTheChat();
    void noKey_asksNothingAndSaysSo();
    void noKey_keyEnteredInSettings_listsLoad();
    void settings_sayAKeyIsStoredOnlyWhenOneIs();
    void chatWithAgent_editAgentOpensItsEditor();

private:
    QTemporaryDir m_home;
};

void TestApplication::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.path());
    QVERIFY(!qEnvironmentVariableIsEmpty("TRAMONTANE_EMULATOR"));
}

void TestApplication::demo_completesChatTurnWithImage() {
    ConnectionConfig config = ConnectionConfig::resolve({true, {}, {}, {}, {}, {}});
    Application app(config, m_home.filePath(u"profile"_s));
    QString error;
    QVERIFY2(app.start(&error), qPrintable(error));
    MainWindow *window = app.window();
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));

    auto *targets = window->findChild<QComboBox *>(u"targetComboBox"_s);
    auto *composer = window->findChild<QPlainTextEdit *>(u"composerPlainTextEdit"_s);
    auto *view = window->findChild<ChatView *>(u"chatView"_s);
    QVERIFY(targets && composer && view);
    QTRY_VERIFY_WITH_TIMEOUT(targets->count() > 0, 15000);
    QCOMPARE(targets->currentText(), u"mistral-medium-latest"_s);
    // The account's agents join the picker as their list loads; the model stays chosen.
    QTRY_VERIFY_WITH_TIMEOUT(targets->findText(u"Demo designer"_s, Qt::MatchContains) >= 0, 15000);
    QCOMPARE(targets->currentText(), u"mistral-medium-latest"_s);

    composer->setFocus();
    QTest::keyClicks(composer, u"Hello from the window, rate 0"_s);
    QTest::keyClick(composer, Qt::Key_Return);
    QCOMPARE(composer->toPlainText(), QString()); // sent
    ConversationModel *model = view->conversationModel();
    QTRY_VERIFY_WITH_TIMEOUT(model->entryCount() == 2
                                 && model->entries().at(1).status == ChatEntry::Status::Complete,
                             15000);
    QVERIFY(
        model->entries().at(1).message.content.plainText().contains(u"Hello from the window"_s));

    // Shift+Enter is a new line, not a send.
    QTest::keyClicks(composer, u"Draw a red square"_s);
    QTest::keyClick(composer, Qt::Key_Return, Qt::ShiftModifier);
    QTest::keyClicks(composer, u"rate 0"_s);
    QCOMPARE(model->entryCount(), 2);
    QTest::keyClick(composer, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(model->entries().last().status == ChatEntry::Status::Complete
                                 && model->entryCount() > 3,
                             15000);
    QString imageKey;
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->item(r).kind == ChatItem::Kind::Image)
            imageKey = model->item(r).image.key();
    }
    QVERIFY(!imageKey.isEmpty());
    view->scrollToLatest();
    // The generated PNG was fetched with the key through the real file service and decoded.
    QTRY_VERIFY_WITH_TIMEOUT(!view->imageRepository()->image(imageKey).isNull(), 15000);
}

void TestApplication::destroyedMidAnswer_storesWhatWasShown() {
    // The app object goes away while an answer streams, without the application quitting
    // (as when a caller simply deletes it): the same order holds, nothing runs against a
    // destroyed object, and what was shown is stored, marked interrupted.
    const QString profile = m_home.filePath(u"destroyed"_s);
    QString shown;
    {
        Application app(ConnectionConfig::resolve({true, {}, {}, {}, {}, {}}), profile);
        QString error;
        QVERIFY2(app.start(&error), qPrintable(error));
        MainWindow *window = app.window();
        window->show();
        auto *targets = window->findChild<QComboBox *>(u"targetComboBox"_s);
        auto *composer = window->findChild<QPlainTextEdit *>(u"composerPlainTextEdit"_s);
        auto *view = window->findChild<ChatView *>(u"chatView"_s);
        QVERIFY(targets && composer && view);
        QTRY_VERIFY_WITH_TIMEOUT(targets->count() > 0, 15000);
        composer->setPlainText(u"Write at length, long 20000 rate 100"_s);
        QTest::keyClick(composer, Qt::Key_Return);
        ConversationModel *model = view->conversationModel();
        QTRY_VERIFY_WITH_TIMEOUT(model->entryCount() == 2
                                     && model->entries().at(1).message.content.plainText().size()
                                            > 200,
                                 15000);
        QCOMPARE(model->entries().at(1).status, ChatEntry::Status::Streaming);
        shown = model->entries().at(1).message.content.plainText();
    }
    auto opened = ConversationStore::open(profile);
    QVERIFY2(opened.ok(), qPrintable(opened.error.message));
    QCOMPARE(opened.interruptedMessages, 0);
    const auto list = opened.store->listConversations(10);
    QVERIFY(list.ok());
    QCOMPARE(list.value().size(), 1);
    const auto messages = opened.store->messages(list.value().first().id);
    QVERIFY(messages.ok());
    QCOMPARE(messages.value().size(), 2);
    QCOMPARE(messages.value().at(1).status, MessageStatus::Interrupted);
    QVERIFY(MessageText::plainText(messages.value().at(1).message).startsWith(shown));
}

void TestApplication::damagedHistory_saysSoThenStartsANewOne() {
    const QString profile = m_home.filePath(u"damaged"_s);
    QVERIFY(QDir().mkpath(profile));
    const QString db = QDir(profile).filePath(ConversationStore::databaseFileName());
    {
        QFile file(db);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, '\x5a'));
    }
    const ConnectionConfig config = ConnectionConfig::resolve({true, {}, {}, {}, {}, {}});
    Application app(config, profile);
    QString error;
    StoreError::Kind kind = StoreError::Kind::None;
    QVERIFY(!app.start(&error, &kind));
    QCOMPARE(kind, StoreError::Kind::Damaged);
    QVERIFY2(error.contains(QDir::toNativeSeparators(db)), qPrintable(error));
    // What main() does when the person chooses a new history: the same app starts.
    QVERIFY(ConversationStore::setAsideDamaged(profile).ok());
    QVERIFY2(app.start(&error, &kind), qPrintable(error));
    QVERIFY(app.window());
}

void TestApplication::demo_noRequestBeforeTheEmulatorListens() {
    // The demo starts the emulator itself: until it said it listens, nothing is asked (a
    // request before would fail, and be retried, for nothing).
    Application app(ConnectionConfig::resolve({true, {}, {}, {}, {}, {}}),
                    m_home.filePath(u"early"_s));
    QString error;
    QVERIFY2(app.start(&error), qPrintable(error));
    auto *nam = app.findChild<QNetworkAccessManager *>();
    QVERIFY(nam);
    QStringList failed;
    int finished = 0;
    connect(nam, &QNetworkAccessManager::finished, this, [&](QNetworkReply *reply) {
        ++finished;
        if (reply->error() != QNetworkReply::NoError)
            failed << reply->url().toString() + u' ' + reply->errorString();
    });
    MainWindow *window = app.window();
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    auto *targets = window->findChild<QComboBox *>(u"targetComboBox"_s);
    QTRY_VERIFY_WITH_TIMEOUT(targets->findText(u"Demo designer"_s, Qt::MatchContains) >= 0, 15000);
    auto *connectors = app.findChild<ConnectorListModel *>();
    QVERIFY(connectors);
    QTRY_VERIFY_WITH_TIMEOUT(connectors->hasLoaded() && !connectors->isLoading(), 15000);
    QVERIFY(finished >= 3); // models, agents, connectors
    QVERIFY2(failed.isEmpty(), qPrintable(failed.join(u'\n')));
}

void TestApplication::demo_deletedConnectorLeavesTheChat() {
    Application app(ConnectionConfig::resolve({true, {}, {}, {}, {}, {}}),
                    m_home.filePath(u"deleted-connector"_s));
    QString error;
    QVERIFY2(app.start(&error), qPrintable(error));
    MainWindow *window = app.window();
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    auto *connectors = app.findChild<ConnectorListModel *>();
    QTRY_VERIFY_WITH_TIMEOUT(connectors->hasLoaded() && connectors->rowCount() > 0, 15000);
    auto *chat = window->findChild<ChatPage *>();
    auto *page = window->findChild<ConnectorsPage *>();
    QVERIFY(chat && page);
    const Connector doomed = connectors->connectorAt(0);
    chat->useConnector(doomed);
    auto *button = window->findChild<QAbstractButton *>(u"toolsToolButton"_s);
    QCOMPARE(button->text(), u"Tools (2)"_s); // image generation and the connector

    window->showPage(MainWindow::Page::Connectors);
    QVERIFY(page->selectConnector(doomed.id));
    QMessageBox *box = page->deleteSelected();
    QVERIFY(box);
    box->button(QMessageBox::Yes)->click();
    QTRY_VERIFY_WITH_TIMEOUT(connectors->rowOf(doomed.id) < 0, 15000);
    QCOMPARE(button->text(), u"Tools (1)"_s);
    for (const Tool &tool : chat->selectedTools())
        QVERIFY(tool.type != Tool::Type::Connector);
}

namespace {

// Answers the settings dialog each time it opens (the app opens it modally): \a answer gets
// the dialog and decides. Stops when the returned object is destroyed.
std::unique_ptr<QTimer> answerSettings(std::function<void(SettingsDialog *)> answer) {
    auto timer = std::make_unique<QTimer>();
    timer->setInterval(20);
    QObject::connect(timer.get(), &QTimer::timeout, [answer] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            auto *dialog = qobject_cast<SettingsDialog *>(w);
            if (dialog && dialog->isVisible()) {
                answer(dialog);
                return;
            }
        }
    });
    timer->start();
    return timer;
}

ConnectionConfig apiConfig(const QUrl &baseUrl) {
    ConnectionConfig::Inputs in;
    in.settingsMode = u"api"_s;
    in.baseUrlArgument = baseUrl.toString();
    return ConnectionConfig::resolve(in);
}

} // namespace

void TestApplication::noKey_asksNothingAndSaysSo() {
    // The API's place taken by a server that counts what reaches it.
    Test::FakeHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([](const Test::RecordedRequest &) {
        return Test::ScriptedResponse::json(401, R"({"detail":"Unauthorized"})");
    });
    int settingsShown = 0;
    const auto answerer = answerSettings([&](SettingsDialog *dialog) {
        ++settingsShown;
        dialog->reject();
    });
    Application app(apiConfig(server.baseUrl()), m_home.filePath(u"nokey"_s));
    QString error;
    QVERIFY2(app.start(&error), qPrintable(error));
    MainWindow *window = app.window();
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QTRY_COMPARE_WITH_TIMEOUT(settingsShown, 1, 15000); // asked for at start

    // Both lists shown: neither asks without a key (nor does the model list).
    window->showPage(MainWindow::Page::Agents);
    window->showPage(MainWindow::Page::Connectors);
    window->findChild<QPushButton *>(u"refreshPushButton"_s)->click(); // disabled: nothing
    QTest::qWait(300); // a request would have reached the server by now
    QStringList asked;
    for (const Test::RecordedRequest &r : server.requests())
        asked << QString::fromLatin1(r.method + ' ' + r.path());
    QVERIFY2(asked.isEmpty(), qPrintable(asked.join(u", "_s)));

    // Each says why, once, and offers the settings.
    for (const auto page : {MainWindow::Page::Agents, MainWindow::Page::Connectors}) {
        window->showPage(page);
        QWidget *shown = window->findChild<QWidget *>(
            page == MainWindow::Page::Agents ? u"AgentsPage"_s : u"ConnectorsPage"_s);
        QVERIFY(shown);
        auto *label = shown->findChild<QLabel *>(u"apiKeyNeededLabel"_s);
        auto *open = shown->findChild<QPushButton *>(u"openSettingsPushButton"_s);
        QVERIFY(label && open);
        QTRY_VERIFY(label->isVisible());
        QVERIFY2(label->text().contains("API key is needed"_L1), qPrintable(label->text()));
        QVERIFY(open->isVisible());
        open->click();
    }
    QTRY_COMPARE(settingsShown, 3);
    QCOMPARE(server.requestCount(), 0);
}

void TestApplication::noKey_keyEnteredInSettings_listsLoad() {
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")
        || qEnvironmentVariableIsEmpty("TRAMONTANE_TEST_HOME"))
        QSKIP("needs the private session bus and keyring that scripts/test provides");
    Test::EmulatorProcess emulator;
    QVERIFY2(emulator.start(u"test-key"_s, {u"--demo"_s}), qPrintable(emulator.errorString()));
    bool typed = false;
    const auto answerer = answerSettings([&](SettingsDialog *dialog) {
        if (typed)
            return;
        typed = true;
        dialog->findChild<QRadioButton *>(u"apiRadioButton"_s)->setChecked(true);
        dialog->findChild<QLineEdit *>(u"apiKeyLineEdit"_s)->setText(u"test-key"_s);
        dialog->findChild<QLineEdit *>(u"baseUrlLineEdit"_s)
            ->setText(emulator.baseUrl().toString());
        dialog->accept();
    });
    Application app(
        apiConfig(emulator.baseUrl()),
        m_home.filePath(u"key-"_s + QString::number(QCoreApplication::applicationPid())));
    QString error;
    QVERIFY2(app.start(&error), qPrintable(error));
    MainWindow *window = app.window();
    window->show();
    window->showPage(MainWindow::Page::Connectors);
    QTRY_VERIFY_WITH_TIMEOUT(typed, 15000);
    auto *connectors = app.findChild<ConnectorListModel *>();
    QTRY_VERIFY_WITH_TIMEOUT(connectors->hasLoaded() && connectors->rowCount() > 0, 15000);
    auto *targets = window->findChild<QComboBox *>(u"targetComboBox"_s);
    QTRY_VERIFY_WITH_TIMEOUT(targets->findText(u"Demo designer"_s, Qt::MatchContains) >= 0, 15000);
    QVERIFY(!window->findChild<QWidget *>(u"ConnectorsPage"_s)
                 ->findChild<QLabel *>(u"apiKeyNeededLabel"_s)
                 ->isVisible());
}

void TestApplication::settings_sayAKeyIsStoredOnlyWhenOneIs() {
    // A fresh profile on the platform: no key anywhere, so Settings open by themselves and
    // must not claim that the keychain holds one.
    const auto config = ConnectionConfig::resolve(
        {false, {}, {}, {}, u"api"_s, u"http://127.0.0.1:9"_s}); // nothing listens there
    Application app(config, m_home.filePath(u"fresh"_s));
    auto secrets = std::make_unique<MemorySecretStore>();
    MemorySecretStore *store = secrets.get();
    app.setSecretStore(std::move(secrets));

    // Reads the key field of the settings dialog whenever one is open, then closes it.
    QStringList placeholders;
    QTimer watcher;
    watcher.setInterval(20);
    connect(&watcher, &QTimer::timeout, this, [&placeholders] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        if (auto *key = dialog->findChild<QLineEdit *>(u"apiKeyLineEdit"_s))
            placeholders << key->placeholderText();
        dialog->reject();
    });
    watcher.start();

    QString error;
    QVERIFY2(app.start(&error), qPrintable(error));
    QTRY_COMPARE(placeholders.size(), 1);
    QCOMPARE(placeholders.at(0), u"Paste the key from console.mistral.ai"_s);

    // Once a key is in the keychain, Settings say so.
    bool written = false;
    store->write(SecretStore::apiKeyEntry(), u"stored-key-0123456789"_s, this,
                 [&written](const SecretStore::Result &r) { written = r.ok; });
    QTRY_VERIFY(written);
    Q_EMIT app.window()->settingsRequested();
    QTRY_COMPARE(placeholders.size(), 2);
    QCOMPARE(placeholders.at(1), u"A key is stored in the keychain (type to replace it)"_s);
}

void TestApplication::chatWithAgent_editAgentOpensItsEditor() {
    Application app(ConnectionConfig::resolve({true, {}, {}, {}, {}, {}}),
                    m_home.filePath(u"edit-agent"_s));
    QString error;
    QVERIFY2(app.start(&error), qPrintable(error));
    MainWindow *window = app.window();
    window->show();
    auto *targets = window->findChild<QComboBox *>(u"targetComboBox"_s);
    QVERIFY(targets);
    int agentRow = -1;
    QTRY_VERIFY_WITH_TIMEOUT(
        (agentRow = targets->findText(u"Demo designer"_s, Qt::MatchContains)) >= 0, 15000);
    targets->setCurrentIndex(agentRow);

    // The tools menu shows the agent's tools and offers to edit the agent there.
    auto *edit = window->findChild<QAction *>(u"editAgentAction"_s);
    QVERIFY(edit);
    edit->trigger();
    auto *agentsPage = window->findChild<AgentsPage *>();
    QVERIFY(agentsPage);
    QTRY_VERIFY(agentsPage->editor() && agentsPage->editor()->isVisible());
    QVERIFY(agentsPage->currentAgent().name.contains(u"Demo designer"_s));
    agentsPage->editor()->close();
}

QTEST_MAIN(TestApplication)
#include "tst_application.moc"
