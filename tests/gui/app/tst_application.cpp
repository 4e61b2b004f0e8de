// SPDX-License-Identifier: GPL-3.0-or-later
// The whole app, as the run command starts it: demo mode with the bundled emulator, a message
// typed in the composer, the streamed answer and a generated image reaching the chat view.
#include "app/Application.h"
#include "core/storage/ConversationStore.h"
#include "core/storage/MessageText.h"
#include "models/ChatItem.h"
#include "models/ConnectorListModel.h"
#include "models/ConversationModel.h"
#include "ui/ChatPage.h"
#include "ui/ConnectorEditorDialog.h"
#include "ui/ConnectorToolsDialog.h"
#include "ui/ConnectorsPage.h"
#include "ui/MainWindow.h"
#include "ui/chat/ChatView.h"
#include "ui/chat/ImageRepository.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

class TestApplication : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void demo_completesChatTurnWithImage();
    void destroyedMidAnswer_storesWhatWasShown();
    void demo_noRequestBeforeTheEmulatorListens();
    void demo_deletedConnectorLeavesTheChat();

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

QTEST_MAIN(TestApplication)
#include "tst_application.moc"
