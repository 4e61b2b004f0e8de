// SPDX-License-Identifier: GPL-3.0-or-later
// The whole app in demo mode, its window in the background: a finished answer becomes a
// desktop notification with its first words, and clicking it brings that chat forward.
#include "app/Application.h"
#include "models/ConversationModel.h"
#include "support/FakeNotificationServer.h"
#include "ui/MainWindow.h"
#include "ui/chat/ChatView.h"

#include <QComboBox>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using Tramontane::Test::FakeNotificationServer;

class TestAnswerNotifications : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void answerInTheBackground_isNotifiedAndOpensOnClick();

private:
    QTemporaryDir m_home;
    std::unique_ptr<FakeNotificationServer> m_server;
};

void TestAnswerNotifications::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.path());
    QVERIFY(!qEnvironmentVariableIsEmpty("TRAMONTANE_EMULATOR"));
    m_server = std::make_unique<FakeNotificationServer>();
    if (!m_server->unavailableReason().isEmpty())
        QSKIP(qPrintable(m_server->unavailableReason()));
}

void TestAnswerNotifications::answerInTheBackground_isNotifiedAndOpensOnClick() {
    Application app(ConnectionConfig::resolve({true, {}, {}, {}, {}, {}}),
                    m_home.filePath(u"profile"_s));
    QString error;
    QVERIFY2(app.start(&error), qPrintable(error));
    MainWindow *window = app.window();
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    auto *targets = window->findChild<QComboBox *>(u"targetComboBox"_s);
    auto *composer = window->findChild<QPlainTextEdit *>(u"composerPlainTextEdit"_s);
    QTRY_VERIFY_WITH_TIMEOUT(targets->count() > 0, 15000);

    // Another window has the focus: the person is elsewhere while the answer streams.
    QWidget elsewhere;
    elsewhere.show();
    elsewhere.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&elsewhere));
    QVERIFY(!window->isActiveWindow());
    composer->setPlainText(u"Tell me about the tramontane wind, rate 0"_s);
    QTest::keyClick(composer, Qt::Key_Return);
    ConversationModel *model = window->findChild<ChatView *>(u"chatView"_s)->conversationModel();
    QTRY_VERIFY_WITH_TIMEOUT(model->entryCount() == 2
                                 && model->entries().at(1).status == ChatEntry::Status::Complete,
                             15000);
    QTRY_COMPARE(m_server->calls().size(), 1);
    const FakeNotificationServer::Call call = m_server->calls().first();
    QCOMPARE(call.summary, u"Answer ready"_s);
    // The first words of the answer, as plain text (escaped for the server), at most 160.
    QString body = call.body;
    body.replace(u"&lt;"_s, u"<"_s).replace(u"&gt;"_s, u">"_s).replace(u"&quot;"_s, u"\""_s);
    body.replace(u"&amp;"_s, u"&"_s);
    const QString answer = model->entries().at(1).message.content.plainText().simplified();
    QVERIFY2(answer.startsWith(body.left(40)), qPrintable(body));
    QVERIFY2(body.size() <= 160, qPrintable(body));

    // A new chat replaces it on screen; the click brings the answered one back.
    const qint64 answered = app.currentConversationId();
    QVERIFY(answered != 0);
    window->newChatAction()->trigger();
    QCOMPARE(app.currentConversationId(), 0);
    QTest::qWait(100);
    m_server->click(call.id);
    QTRY_COMPARE(app.currentConversationId(), answered);
    QTRY_VERIFY(window->isActiveWindow());
}

QTEST_MAIN(TestAnswerNotifications)
#include "tst_answernotifications.moc"
