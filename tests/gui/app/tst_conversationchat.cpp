// SPDX-License-Identifier: GPL-3.0-or-later
// The Conversations API in the whole app, against the emulator: web search and code
// interpreter chosen in the tools menu run through /v1/conversations and show citations and a
// code card; Show as Code gives the conversation request (start, then append); an agent whose
// connector needs a confirmation stops with Allow / Deny in the chat, reachable by keyboard and
// by mouse, and the answer continues after either choice.
#include "app/Application.h"
#include "models/ChatItem.h"
#include "models/ConversationModel.h"
#include "ui/MainWindow.h"
#include "ui/ShowAsCodeDialog.h"
#include "ui/chat/ChatView.h"

#include "IntegrationSupport.h"
#include "support/EmulatorProcess.h"

#include <QAction>
#include <QComboBox>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using Action = ChatDelegate::Action;

class TestConversationChat : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void hostedTools_runInTheChat_andShowAsCodeSaysConversations();
    void confirmation_allowByKeyboard_denyByMouse();

private:
    void startApp(const QString &profile);
    void send(const QString &text);
    bool waitAnswered(int entriesBefore);
    int rowOf(ChatItem::Kind kind, const QString &toolName = {}) const;
    //! Tabs through the chat's buttons to \a action; false when it is not reached.
    bool tabTo(Action action);
    //! Opens Show as Code and returns its three programs (curl, Python, TypeScript).
    QStringList showAsCode();

    QTemporaryDir m_home;
    Test::EmulatorProcess m_emulator;
    std::unique_ptr<Test::HttpDriver> m_driver;
    std::unique_ptr<Application> m_app;
    MainWindow *m_window = nullptr;
    QPlainTextEdit *m_composer = nullptr;
    QComboBox *m_targets = nullptr;
    ChatView *m_view = nullptr;
    ConversationModel *m_model = nullptr;
};

void TestConversationChat::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.path());
    QVERIFY2(m_emulator.start(u"conv-gui-key-1234"_s, {u"--demo"_s}),
             qPrintable(m_emulator.errorString()));
    m_driver = std::make_unique<Test::HttpDriver>(m_emulator.baseUrl(), "conv-gui-key-1234");
}

void TestConversationChat::init() {
    m_driver->send("POST", u"/__admin/reset"_s);
}

void TestConversationChat::cleanup() {
    m_app.reset();
}

void TestConversationChat::startApp(const QString &profile) {
    ConnectionConfig::Inputs in;
    in.settingsMode = u"api"_s;
    in.baseUrlArgument = m_emulator.baseUrl().toString();
    in.apiKeyEnv = m_emulator.apiKey();
    m_app = std::make_unique<Application>(ConnectionConfig::resolve(in), m_home.filePath(profile));
    QString error;
    QVERIFY2(m_app->start(&error), qPrintable(error));
    m_window = m_app->window();
    m_window->resize(1100, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_targets = m_window->findChild<QComboBox *>(u"targetComboBox"_s);
    m_composer = m_window->findChild<QPlainTextEdit *>(u"composerPlainTextEdit"_s);
    m_view = m_window->findChild<ChatView *>(u"chatView"_s);
    QVERIFY(m_targets && m_composer && m_view);
    m_model = m_view->conversationModel();
    QTRY_VERIFY_WITH_TIMEOUT(m_targets->count() > 0, 15000);
}

void TestConversationChat::send(const QString &text) {
    m_composer->setFocus();
    QTest::keyClicks(m_composer, text);
    QTest::keyClick(m_composer, Qt::Key_Return);
}

bool TestConversationChat::waitAnswered(int entriesBefore) {
    return QTest::qWaitFor(
        [this, entriesBefore] {
            return m_model->entryCount() > entriesBefore + 1
                   && m_model->entries().last().status == ChatEntry::Status::Complete;
        },
        15000);
}

int TestConversationChat::rowOf(ChatItem::Kind kind, const QString &toolName) const {
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const ChatItem &item = m_model->item(r);
        if (item.kind == kind && (toolName.isEmpty() || item.toolName == toolName))
            return r;
    }
    return -1;
}

bool TestConversationChat::tabTo(Action action) {
    m_view->scrollToLatest();
    m_view->setFocus(Qt::OtherFocusReason);
    for (int i = 0; i < 60; ++i) {
        QTest::keyClick(m_view, Qt::Key_Tab);
        if (m_view->keyboardRow() >= 0 && m_view->keyboardTarget().action == action)
            return true;
        if (!m_view->hasFocus())
            m_view->setFocus(Qt::OtherFocusReason);
    }
    return false;
}

QStringList TestConversationChat::showAsCode() {
    m_window->showAsCodeAction()->trigger();
    ShowAsCodeDialog *dialog = nullptr;
    if (!QTest::qWaitFor(
            [&] { return (dialog = m_window->findChild<ShowAsCodeDialog *>()) != nullptr; }, 5000))
        return {};
    QStringList code;
    for (const QString &name :
         {u"curlPlainTextEdit"_s, u"pythonPlainTextEdit"_s, u"typeScriptPlainTextEdit"_s})
        code.append(dialog->findChild<QPlainTextEdit *>(name)->toPlainText());
    dialog->close();
    delete dialog;
    return code;
}

void TestConversationChat::hostedTools_runInTheChat_andShowAsCodeSaysConversations() {
    startApp(u"hosted"_s);
    auto *webSearch = m_window->findChild<QAction *>(u"webSearchAction"_s);
    auto *code = m_window->findChild<QAction *>(u"codeInterpreterAction"_s);
    QVERIFY(webSearch && code);
    QVERIFY(!webSearch->isChecked());
    webSearch->trigger();
    m_window->findChild<QAction *>(u"codeInterpreterAction"_s)->trigger();

    // Before anything is sent, the next request starts a conversation.
    QTest::keyClicks(m_composer, u"Search the winds"_s);
    QStringList programs = showAsCode();
    QCOMPARE(programs.size(), 3);
    QVERIFY2(programs.at(0).contains(u"/v1/conversations \\"_s), qPrintable(programs.at(0)));
    QVERIFY(programs.at(0).contains(u"{\"type\": \"web_search\"}"_s));
    QVERIFY(programs.at(0).contains(u"\"inputs\": \"Search the winds\""_s));
    QVERIFY2(programs.at(1).contains(u"client.beta.conversations.start("_s),
             qPrintable(programs.at(1)));
    QVERIFY2(programs.at(2).contains(u"client.beta.conversations.start("_s),
             qPrintable(programs.at(2)));
    m_composer->clear();

    send(u"Search the winds rate 0"_s);
    QVERIFY(waitAnswered(0));
    const int search = rowOf(ChatItem::Kind::ToolRun, u"web_search"_s);
    QVERIFY(search >= 0);
    QCOMPARE(m_model->item(m_model->rowCount() - 1).citations.size(), 3);
    const QJsonArray first = m_driver->recordedRequests(u"/v1/conversations"_s);
    QCOMPARE(first.size(), 1);

    const int before = m_model->entryCount();
    send(u"Calculate 2 and 40 rate 0"_s);
    QVERIFY(waitAnswered(before));
    const int card = rowOf(ChatItem::Kind::ToolRun, u"code_interpreter"_s);
    QVERIFY(card >= 0);
    QVERIFY(m_model->item(card).toolResult.contains(u"42"_s));
    const QJsonArray requests = m_driver->recordedRequests(u"/v1/conversations"_s);
    QCOMPARE(requests.size(), 2);
    const QString appendPath = requests.at(1).toObject().value("path"_L1).toString();
    QVERIFY2(appendPath.startsWith(u"/v1/conversations/conv_"_s), qPrintable(appendPath));
    const QString id = appendPath.section(u'/', 3);

    // Now the next request appends to that conversation, in every language.
    QTest::keyClicks(m_composer, u"One more"_s);
    programs = showAsCode();
    QVERIFY2(programs.at(0).contains(u"/v1/conversations/"_s + id), qPrintable(programs.at(0)));
    QVERIFY(programs.at(0).contains(u"\"inputs\": \"One more\""_s));
    QVERIFY(programs.at(1).contains(u"client.beta.conversations.append("_s));
    QVERIFY(programs.at(1).contains(u"conversation_id=\""_s + id + u'"'));
    QVERIFY(programs.at(2).contains(u"conversationId: \""_s + id + u'"'));
    QVERIFY(programs.at(2).contains(u"conversationAppendRequest"_s));
    m_composer->clear();

    // A copy made by export and import continues as a chat of its own: a new conversation.
    QTemporaryDir out;
    const QString file = out.filePath(u"chat.json"_s);
    m_app->setFileChooser([&file](Application::FileChoice, const QString &) { return file; });
    QTRY_VERIFY(m_window->exportJsonAction()->isEnabled());
    m_window->exportJsonAction()->trigger();
    m_window->importJsonAction()->trigger();
    QTRY_COMPARE(m_model->entryCount(), before + 4);
    const int imported = m_model->entryCount();
    send(u"After the import rate 0"_s);
    QVERIFY(waitAnswered(imported));
    const QJsonArray after = m_driver->recordedRequests(u"/v1/conversations"_s);
    QCOMPARE(after.size(), 3);
    QCOMPARE(after.at(2).toObject().value("path"_L1).toString(), u"/v1/conversations"_s);
    // The history went with it.
    QVERIFY(after.at(2).toObject().value("body"_L1).toObject().value("inputs"_L1).isArray());
}

void TestConversationChat::confirmation_allowByKeyboard_denyByMouse() {
    const auto created = m_driver->post(
        u"/v1/agents"_s,
        QJsonObject{{u"model"_s, u"mistral-medium-latest"_s},
                    {u"name"_s, u"Careful helper"_s},
                    {u"tools"_s, QJsonArray{QJsonObject{{u"type"_s, u"connector"_s},
                                                        {u"connector_id"_s, u"demo_tools"_s},
                                                        {u"tool_configuration"_s,
                                                         QJsonObject{{u"requires_confirmation"_s,
                                                                      QJsonArray{u"echo"_s}}}}}}}});
    QVERIFY2(created.status == 200, created.body.constData());
    startApp(u"confirm"_s);
    QTRY_VERIFY_WITH_TIMEOUT(m_targets->findText(u"Careful helper"_s, Qt::MatchContains) >= 0,
                             15000);
    m_targets->setCurrentIndex(m_targets->findText(u"Careful helper"_s, Qt::MatchContains));

    // Allow, with the keyboard.
    send(u"use tool echo {\"message\":\"allowed ping\"} rate 0"_s);
    QVERIFY(QTest::qWaitFor(
        [this] {
            return rowOf(ChatItem::Kind::ToolRun) >= 0 && !m_app->window()->isHidden()
                   && m_model->entries().last().status == ChatEntry::Status::Complete
                   && m_model->item(rowOf(ChatItem::Kind::ToolRun)).confirmation == u"pending"_s;
        },
        15000));
    const ChatItem &pending = m_model->item(rowOf(ChatItem::Kind::ToolRun));
    QCOMPARE(pending.toolName, u"echo"_s);
    QVERIFY(pending.toolArguments.contains(u"allowed ping"_s));
    QVERIFY(tabTo(Action::AllowTool));
    QVERIFY(!m_view->accessibleDescription().isEmpty());
    int before = m_model->entryCount();
    QTest::keyClick(m_view, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_model->entryCount() > before
            && m_model->entries().last().status == ChatEntry::Status::Complete
            && m_model->entries().last().message.content.plainText().contains(u"allowed ping"_s),
        15000);
    QCOMPARE(m_model->item(rowOf(ChatItem::Kind::ToolRun)).confirmation, u"allowed"_s);

    // Deny, with the mouse.
    before = m_model->entryCount();
    send(u"use tool echo {\"message\":\"denied ping\"} rate 0"_s);
    QTRY_VERIFY_WITH_TIMEOUT(m_model->entryCount() > before + 1
                                 && m_model->entries().last().status == ChatEntry::Status::Complete,
                             15000);
    QVERIFY(tabTo(Action::DenyTool));
    const QPoint deny = m_view->keyboardTarget().rect.center();
    before = m_model->entryCount();
    QTest::mouseMove(m_view->viewport(), deny);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, deny);
    QTRY_VERIFY_WITH_TIMEOUT(m_model->entryCount() > before
                                 && m_model->entries().last().status == ChatEntry::Status::Complete,
                             15000);
    QVERIFY2(m_model->entries().last().message.content.plainText().contains(u"denied"_s),
             qPrintable(m_model->entries().last().message.content.plainText()));
    const QJsonArray requests = m_driver->recordedRequests(u"/v1/conversations/"_s);
    const QJsonObject last = requests.last().toObject().value("body"_L1).toObject();
    QCOMPARE(
        last.value("tool_confirmations"_L1).toArray().first().toObject().value("confirmation"_L1),
        QJsonValue(u"deny"_s));
}

QTEST_MAIN(TestConversationChat)
#include "tst_conversationchat.moc"
