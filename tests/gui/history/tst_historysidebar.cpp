// SPDX-License-Identifier: GPL-3.0-or-later
// The conversation history as the user meets it: the whole app in demo mode, messages sent
// through the composer, conversations found, reopened, renamed, pinned, deleted and brought
// back, and a search hit opened at its message.
#include "app/Application.h"
#include "core/SettingsKeys.h"
#include "core/storage/ConversationTypes.h"
#include "models/ConversationModel.h"
#include "models/Roles.h"
#include "ui/ChatPage.h"
#include "ui/HistorySidebar.h"
#include "ui/MainWindow.h"
#include "ui/chat/ChatFindBar.h"
#include "ui/chat/ChatView.h"
#include "ui/chat/ImageRepository.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

class TestHistorySidebar : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void sentMessage_appearsAsCurrentConversationWithDerivedTitle();
    void reopen_showsMessagesAndHighlightsRow();
    void rename_pin_delete_undo();
    void search_opensHitAtItsMessage();
    void reopenedImage_isShown();
    void switchingWhileStreaming_stopsAndKeepsPartialAnswer();
    void sidebar_collapsesAndRemembersIt();
    void findShortcuts_chatOrHistoryByFocus();

private:
    void send(const QString &text);
    QString rowTitle(int row) const;
    void clickRow(int row);

    QTemporaryDir m_home;
    int m_profile = 0;
    std::unique_ptr<Application> m_app;
    MainWindow *m_window = nullptr;
    HistorySidebar *m_sidebar = nullptr;
    QListView *m_list = nullptr;
    QPlainTextEdit *m_composer = nullptr;
    ChatView *m_view = nullptr;
};

void TestHistorySidebar::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.path());
    // The titles checked here are the ones derived from the first message (generated titles:
    // tst_titlegenerator).
    QSettings().setValue(SettingsKeys::chatTitlesGenerated, false);
    QVERIFY(!qEnvironmentVariableIsEmpty("TRAMONTANE_EMULATOR"));
}

void TestHistorySidebar::init() {
    // A fresh profile per test: every test starts with an empty history.
    ConnectionConfig config = ConnectionConfig::resolve({true, {}, {}, {}, {}, {}});
    m_app = std::make_unique<Application>(config, m_home.filePath(u"profile%1"_s.arg(++m_profile)));
    QString error;
    QVERIFY2(m_app->start(&error), qPrintable(error));
    m_window = m_app->window();
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    m_sidebar = m_window->findChild<HistorySidebar *>(u"historySidebar"_s);
    m_composer = m_window->findChild<QPlainTextEdit *>(u"composerPlainTextEdit"_s);
    m_view = m_window->findChild<ChatView *>(u"chatView"_s);
    auto *targets = m_window->findChild<QComboBox *>(u"targetComboBox"_s);
    QVERIFY(m_sidebar && m_composer && m_view && targets);
    m_list = m_sidebar->conversationView();
    QVERIFY(m_sidebar->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(targets->count() > 0, 15000);
}

void TestHistorySidebar::cleanup() {
    m_app.reset();
}

void TestHistorySidebar::send(const QString &text) {
    ConversationModel *model = m_view->conversationModel();
    const int before = model->entryCount();
    m_composer->setFocus();
    QTest::keyClicks(m_composer, text);
    QTest::keyClick(m_composer, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(model->entryCount() >= before + 2
                                 && model->entries().last().status == ChatEntry::Status::Complete,
                             15000);
}

QString TestHistorySidebar::rowTitle(int row) const {
    return m_list->model()->index(row, 0).data().toString();
}

void TestHistorySidebar::clickRow(int row) {
    const QModelIndex index = m_list->model()->index(row, 0);
    m_list->scrollTo(index);
    QTest::mouseClick(m_list->viewport(), Qt::LeftButton, {}, m_list->visualRect(index).center());
}

void TestHistorySidebar::sentMessage_appearsAsCurrentConversationWithDerivedTitle() {
    QCOMPARE(m_list->model()->rowCount(), 0);
    QVERIFY(m_sidebar->findChild<QLabel *>(u"emptyLabel"_s)->isVisible());
    send(u"Plan a picnic with apricots, rate 0"_s);
    QCOMPARE(m_list->model()->rowCount(), 1);
    QCOMPARE(rowTitle(0), u"Plan a picnic with apricots, rate 0"_s);
    QCOMPARE(m_list->model()->index(0, 0).data(Roles::ConversationDayGroupRole).toString(),
             u"Today"_s);
    QVERIFY(m_list->selectionModel()->isSelected(m_list->model()->index(0, 0)));
    QCOMPARE(m_sidebar->currentConversation(), m_app->currentConversationId());
    QVERIFY(m_app->currentConversationId() != 0);

    // A new chat (the sidebar's button) deselects it; its first message adds a row on top.
    // The button, the chat header's and the menu's action say the same.
    auto *newChat = m_sidebar->findChild<QPushButton *>(u"newChatPushButton"_s);
    QCOMPARE(newChat->text(), QString(m_window->newChatAction()->text()).remove(u'&'));
    const QList<QAbstractButton *> buttons = m_window->findChildren<QAbstractButton *>();
    for (const QAbstractButton *button : buttons) {
        if (button->text().compare(newChat->text(), Qt::CaseInsensitive) == 0)
            QCOMPARE(button->text(), newChat->text());
    }
    QTest::mouseClick(newChat, Qt::LeftButton);
    QCOMPARE(m_view->conversationModel()->entryCount(), 0);
    QVERIFY(!m_list->selectionModel()->hasSelection());
    QCOMPARE(m_app->currentConversationId(), 0);
    send(u"Second chat about bananas, rate 0"_s);
    QCOMPARE(m_list->model()->rowCount(), 2);
    QCOMPARE(rowTitle(0), u"Second chat about bananas, rate 0"_s);
    QVERIFY(m_list->selectionModel()->isSelected(m_list->model()->index(0, 0)));
    // Ctrl+N (the window's action) deselects too.
    m_window->newChatAction()->trigger();
    QVERIFY(!m_list->selectionModel()->hasSelection());
}

void TestHistorySidebar::reopen_showsMessagesAndHighlightsRow() {
    send(u"Plan a picnic with apricots, rate 0"_s);
    m_window->newChatAction()->trigger();
    send(u"Second chat about bananas, rate 0"_s);
    const qint64 second = m_app->currentConversationId();

    clickRow(1);
    ConversationModel *model = m_view->conversationModel();
    QCOMPARE(model->entryCount(), 2);
    QVERIFY(model->entries().first().message.content.plainText().contains(u"apricots"_s));
    QCOMPARE(model->entries().at(1).status, ChatEntry::Status::Complete);
    QVERIFY(m_list->selectionModel()->isSelected(m_list->model()->index(1, 0)));
    QVERIFY(m_app->currentConversationId() != second);

    // The arrow keys move through the list and open as they go.
    m_list->setFocus();
    QTest::keyClick(m_list, Qt::Key_Up);
    QCOMPARE(m_app->currentConversationId(), second);
    QVERIFY(model->entries().first().message.content.plainText().contains(u"bananas"_s));

    // A reply in the reopened conversation goes into it, and its row moves to the top.
    QTest::keyClick(m_list, Qt::Key_Down);
    const qint64 first = m_app->currentConversationId();
    send(u"And lemonade? rate 0"_s);
    QCOMPARE(model->entryCount(), 4);
    QCOMPARE(m_list->model()->index(0, 0).data(Roles::ConversationIdRole).toLongLong(), first);
    QVERIFY(m_list->selectionModel()->isSelected(m_list->model()->index(0, 0)));
}

void TestHistorySidebar::rename_pin_delete_undo() {
    send(u"Plan a picnic with apricots, rate 0"_s);
    m_window->newChatAction()->trigger();
    send(u"Second chat about bananas, rate 0"_s);
    QAbstractItemModel *rows = m_list->model();

    // F2 renames in place.
    clickRow(1);
    m_list->setFocus();
    QTest::keyClick(m_list, Qt::Key_F2);
    auto *editor = m_list->viewport()->findChild<QLineEdit *>();
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, u"Picnic"_s);
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(rowTitle(1), u"Picnic"_s);

    // Pinned goes on top, under its own header.
    const qint64 picnic = rows->index(1, 0).data(Roles::ConversationIdRole).toLongLong();
    m_sidebar->togglePinned(picnic);
    QCOMPARE(rowTitle(0), u"Picnic"_s);
    QCOMPARE(rows->index(0, 0).data(Roles::ConversationDayGroupRole).toString(), u"Pinned"_s);
    QVERIFY(rows->index(1, 0).data(Roles::ConversationGroupStartRole).toBool());
    QVERIFY(m_list->visualRect(rows->index(1, 0)).height()
            > m_list->visualRect(rows->index(0, 0)).height() / 2); // header drawn above it

    // Del deletes the open conversation: the chat starts afresh; Ctrl+Z brings it back.
    QCOMPARE(m_app->currentConversationId(), picnic);
    m_list->setFocus();
    QTest::keyClick(m_list, Qt::Key_Delete);
    QCOMPARE(rows->rowCount(), 1);
    QCOMPARE(m_app->currentConversationId(), 0);
    QCOMPARE(m_view->conversationModel()->entryCount(), 0);
    auto *undoFrame = m_sidebar->findChild<QWidget *>(u"undoFrame"_s);
    QVERIFY(undoFrame->isVisible());
    QVERIFY(m_sidebar->findChild<QLabel *>(u"undoLabel"_s)->text().contains(u"Picnic"_s));
    m_list->setFocus();
    QTest::keyClick(m_list, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(rows->rowCount(), 2);
    QCOMPARE(rowTitle(0), u"Picnic"_s);
    QVERIFY(!undoFrame->isVisible());
    // The chat was still empty: the conversation is open again.
    QCOMPARE(m_app->currentConversationId(), picnic);
    QCOMPARE(m_view->conversationModel()->entryCount(), 2);

    // Deleting another one keeps the open chat; the Undo button works too.
    QTest::keyClick(m_list, Qt::Key_Down);
    const qint64 bananas = m_app->currentConversationId();
    QVERIFY(bananas != picnic);
    clickRow(0);
    m_sidebar->deleteConversation(bananas);
    QCOMPARE(rows->rowCount(), 1);
    QCOMPARE(m_app->currentConversationId(), picnic);
    QTest::mouseClick(m_sidebar->findChild<QPushButton *>(u"undoPushButton"_s), Qt::LeftButton);
    QCOMPARE(rows->rowCount(), 2);
}

void TestHistorySidebar::search_opensHitAtItsMessage() {
    send(u"Plan a picnic with apricots, rate 0"_s);
    for (int i = 0; i < 6; ++i)
        send(u"Tell me more about sandwiches number %1, rate 0, long 40"_s.arg(i));
    m_window->newChatAction()->trigger();
    send(u"Second chat about bananas, rate 0"_s);
    const qint64 second = m_app->currentConversationId();

    // Ctrl+Shift+F reaches the search field.
    QTest::keyClick(m_window, Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    QLineEdit *field = m_sidebar->searchField();
    QVERIFY(field->hasFocus());
    QTest::keyClicks(field, u"apricot"_s);
    auto *stack = m_sidebar->findChild<QStackedWidget *>(u"listStackedWidget"_s);
    QListView *hits = m_sidebar->searchResultsView();
    QTRY_COMPARE(stack->currentWidget(), hits->parentWidget());
    QVERIFY(hits->model()->rowCount() >= 1);
    const QModelIndex first = hits->model()->index(0, 0);
    QVERIFY(first.data(Roles::SearchSnippetRole)
                .toString()
                .contains(u"apricot"_s, Qt::CaseInsensitive));
    QVERIFY(!first.data(Roles::SearchHighlightsRole).value<QList<TextRange>>().isEmpty());
    const qint64 messageId = first.data(Roles::SearchMessageIdRole).toLongLong();

    QTest::keyClick(field, Qt::Key_Return);
    QVERIFY(m_app->currentConversationId() != second);
    ConversationModel *model = m_view->conversationModel();
    QVERIFY(model->entries().first().message.content.plainText().contains(u"apricots"_s));
    const int row = m_view->highlightedRow();
    QVERIFY(row >= 0);
    QCOMPARE(model->entries().at(model->item(row).entry).id, messageId);
    QTRY_VERIFY(m_view->visualRect(model->index(row)).intersects(m_view->viewport()->rect()));
    QVERIFY(!m_view->isPinnedToBottom()); // the hit is near the top, not the newest row

    // Esc clears the search and shows the list again.
    field->setFocus();
    QTest::keyClick(field, Qt::Key_Escape);
    QCOMPARE(field->text(), QString());
    QCOMPARE(stack->currentWidget(), m_list->parentWidget());
    QVERIFY(m_list->selectionModel()->isSelected(
        m_list->model()->index(m_list->model()->rowCount() - 1, 0)));
}

void TestHistorySidebar::reopenedImage_isShown() {
    send(u"Draw a red square, rate 0"_s);
    ConversationModel *model = m_view->conversationModel();
    QString imageKey;
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->item(r).kind == ChatItem::Kind::Image)
            imageKey = model->item(r).image.key();
    }
    QVERIFY(!imageKey.isEmpty());
    m_window->newChatAction()->trigger();
    QCOMPARE(model->rowCount(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(m_view->imageRepository()->image(imageKey).isNull(), 15000);

    clickRow(0);
    QString reopenedKey;
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->item(r).kind == ChatItem::Kind::Image)
            reopenedKey = model->item(r).image.key();
    }
    QCOMPARE(reopenedKey, imageKey);
    m_view->scrollToLatest();
    QTRY_VERIFY_WITH_TIMEOUT(!m_view->imageRepository()->image(imageKey).isNull(), 15000);
}

void TestHistorySidebar::switchingWhileStreaming_stopsAndKeepsPartialAnswer() {
    send(u"Plan a picnic with apricots, rate 0"_s);
    m_window->newChatAction()->trigger();
    // A long answer at the emulator's default speed: still streaming when we switch.
    m_composer->setFocus();
    QTest::keyClicks(m_composer, u"Write at length, long 3000"_s);
    QTest::keyClick(m_composer, Qt::Key_Return);
    ConversationModel *model = m_view->conversationModel();
    QTRY_VERIFY_WITH_TIMEOUT(
        model->entryCount() == 2 && !model->entries().at(1).message.content.isEmpty(), 15000);
    QCOMPARE(model->entries().at(1).status, ChatEntry::Status::Streaming);
    const qint64 streaming = m_app->currentConversationId();
    QCOMPARE(m_list->model()->rowCount(), 2);

    clickRow(1); // the picnic
    QVERIFY(m_app->currentConversationId() != streaming);
    QVERIFY(model->entries().first().message.content.plainText().contains(u"apricots"_s));

    // Back to the stopped one: what arrived is there, marked as interrupted, with Retry.
    clickRow(m_list->model()->index(0, 0).data(Roles::ConversationIdRole).toLongLong() == streaming
                 ? 0
                 : 1);
    QCOMPARE(m_app->currentConversationId(), streaming);
    QCOMPARE(model->entryCount(), 2);
    QVERIFY(!model->entries().at(1).message.content.isEmpty());
    QCOMPARE(model->entries().at(1).status, ChatEntry::Status::Interrupted);
    const ChatItem &last = model->item(model->rowCount() - 1);
    QCOMPARE(last.kind, ChatItem::Kind::Notice);
    QVERIFY(last.retryable);
}

void TestHistorySidebar::sidebar_collapsesAndRemembersIt() {
    QAction *toggle = m_window->toggleHistoryAction();
    QVERIFY(toggle->isChecked());
    toggle->trigger();
    QVERIFY(!toggle->isChecked());
    QTRY_VERIFY(m_sidebar->width() == 0 || !m_sidebar->isVisible());
    QCOMPARE(QSettings().value(u"chat/sidebarVisible"_s).toBool(), false);
    // Ctrl+Shift+F shows it again, with the search field focused.
    m_window->findAction()->trigger();
    QVERIFY(toggle->isChecked());
    QTRY_VERIFY(m_sidebar->width() > 0 && m_sidebar->isVisible());
    QCOMPARE(QSettings().value(u"chat/sidebarVisible"_s).toBool(), true);
}

void TestHistorySidebar::findShortcuts_chatOrHistoryByFocus() {
    send(u"Plan a picnic with apricots, rate 0"_s);
    auto *bar = m_window->findChild<ChatFindBar *>(u"chatFindBar"_s);
    QVERIFY(bar && bar->isHidden());
    QLineEdit *historySearch = m_sidebar->searchField();

    // In the composer, Ctrl+F finds in the chat.
    m_composer->setFocus();
    QTRY_VERIFY(m_composer->hasFocus());
    QTest::keyClick(m_composer, Qt::Key_F, Qt::ControlModifier);
    QVERIFY(bar->isVisible());
    QVERIFY(bar->lineEdit()->hasFocus());
    QTest::keyClicks(bar->lineEdit(), u"apricot"_s);
    QVERIFY(bar->statusText().endsWith(u" of 2"_s)); // the question and the answer
    // Esc closes the bar (it does not stop anything) and the composer has the focus again.
    QTest::keyClick(bar->lineEdit(), Qt::Key_Escape);
    QVERIFY(bar->isHidden());
    QTRY_VERIFY(m_composer->hasFocus());

    // In the chat itself too; F3 then goes on from where it is.
    m_view->setFocus();
    QTRY_VERIFY(m_view->hasFocus());
    QTest::keyClick(m_view, Qt::Key_F, Qt::ControlModifier);
    QVERIFY(bar->isVisible());
    QVERIFY(!historySearch->hasFocus());
    const QString before = bar->statusText();
    QTest::keyClick(bar->lineEdit(), Qt::Key_F3);
    QVERIFY(bar->statusText() != before);
    QVERIFY(bar->statusText().endsWith(u" of 2"_s));
    QTest::keyClick(bar->lineEdit(), Qt::Key_Escape);
    QTRY_VERIFY(m_view->hasFocus());

    // The history's search stays on its own shortcut, from anywhere...
    QTest::keyClick(m_view, Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(historySearch->hasFocus());
    QVERIFY(bar->isHidden());
    // ... and Ctrl+F in the history list searches the history, not the chat.
    m_list->setFocus();
    QTRY_VERIFY(m_list->hasFocus());
    QTest::keyClick(m_list, Qt::Key_F, Qt::ControlModifier);
    QVERIFY(historySearch->hasFocus());
    QVERIFY(bar->isHidden());

    // Both are in the Edit menu, so the shortcuts window lists them.
    QCOMPARE(m_window->findInChatAction()->shortcut(), QKeySequence(u"Ctrl+F"_s));
    QCOMPARE(m_window->findAction()->shortcut(), QKeySequence(u"Ctrl+Shift+F"_s));
    QCOMPARE(m_window->findNextAction()->shortcut(), QKeySequence(u"F3"_s));
    QCOMPARE(m_window->findPreviousAction()->shortcut(), QKeySequence(u"Shift+F3"_s));
}

QTEST_MAIN(TestHistorySidebar)
#include "tst_historysidebar.moc"
