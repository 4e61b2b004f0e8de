// SPDX-License-Identifier: GPL-3.0-or-later
// What a screen reader finds in the chat view: the rows as list items with their text and state,
// and each row's buttons as actions that do what a click does.
#include "FakeImageFetcher.h"
#include "models/ConversationModel.h"
#include "ui/chat/ChatView.h"

#include <QAccessible>
#include <QApplication>
#include <QClipboard>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

ChatEntry userEntry(const QString &text, qint64 id) {
    ChatEntry e;
    e.id = id;
    e.message = ChatMessage::user(text);
    return e;
}

ChatEntry answerEntry(const QString &text, qint64 id,
                      ChatEntry::Status status = ChatEntry::Status::Complete) {
    ChatEntry e;
    e.id = id;
    e.message = ChatMessage::assistant(MessageContent(text));
    e.status = status;
    return e;
}

QAccessibleActionInterface *actionsOf(QAccessibleInterface *row) {
    return row ? row->actionInterface() : nullptr;
}

} // namespace

class TestChatViewAccessible : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void rows_areListItemsWithTextAndState();
    void rowIdentity_survivesRowsAddedAbove();
    void rowButtons_areActionsThatDoWhatAClickDoes();
    void repeatedButtons_getNumbers();
    void refusedLink_isNotOpened();
    void failedAnswer_offersRetry();
    void keyboardTarget_isTheFocusedRow();
    void directionControls_doNotReorderTheName();

private:
    void setEntries(const QList<ChatEntry> &entries);
    QAccessibleInterface *viewInterface() const {
        return QAccessible::queryAccessibleInterface(m_view.get());
    }

    std::unique_ptr<ConversationModel> m_model;
    std::unique_ptr<ChatView> m_view;
    QList<QUrl> m_opened;
    QList<QUrl> m_asked;
};

void TestChatViewAccessible::init() {
    m_model = std::make_unique<ConversationModel>();
    m_view = std::make_unique<ChatView>();
    m_view->setImageFetcher(std::make_shared<Test::FakeImageFetcher>());
    m_opened.clear();
    m_asked.clear();
    m_view->setUrlOpener([this](const QUrl &url) {
        m_opened.append(url);
        return true;
    });
    // The person sees the address and agrees.
    m_view->setConfirmer(
        [this](ChatView::Prompt, const QUrl &url, std::function<void(bool)> answer) {
            m_asked.append(url);
            answer(true);
        });
    m_view->setImageViewerEnabled(false);
    m_view->setModel(m_model.get());
    m_view->resize(900, 700);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestChatViewAccessible::cleanup() {
    m_view.reset();
    m_model.reset();
}

void TestChatViewAccessible::setEntries(const QList<ChatEntry> &entries) {
    m_model->setEntries(entries);
    m_view->doItemsLayout();
    QCoreApplication::processEvents();
}

void TestChatViewAccessible::rows_areListItemsWithTextAndState() {
    setEntries({userEntry(u"How cold is the tramontane?"_s, 1),
                answerEntry(u"Cold and dry, often 100 km/h."_s, 2),
                userEntry(u"And in summer?"_s, 3),
                answerEntry(u"Still strong, but"_s, 4, ChatEntry::Status::Interrupted)});
    QAccessibleInterface *view = viewInterface();
    QVERIFY(view);
    QCOMPARE(view->role(), QAccessible::List);
    QCOMPARE(view->text(QAccessible::Name), u"Conversation"_s);
    QCOMPARE(view->childCount(), m_model->rowCount());
    QVERIFY(view->childCount() >= 4);

    QAccessibleInterface *question = view->child(0);
    QVERIFY(question && question->isValid());
    QCOMPARE(question->role(), QAccessible::ListItem);
    QCOMPARE(question->text(QAccessible::Name), u"You: How cold is the tramontane?"_s);
    QCOMPARE(question->parent(), view);
    QCOMPARE(view->indexOfChild(question), 0);

    QAccessibleInterface *answer = view->child(1);
    QCOMPARE(answer->text(QAccessible::Name), u"Answer: Cold and dry, often 100 km/h."_s);
    QVERIFY(answer->text(QAccessible::Description).isEmpty());
    // Where the row is on screen, so a screen reader can show and click it.
    const QRect row = m_view->visualRect(m_model->index(1));
    QCOMPARE(answer->rect().topLeft(), m_view->viewport()->mapToGlobal(row.topLeft()));
    QCOMPARE(answer->rect().size(), row.size());
    QVERIFY(!answer->state().offscreen);
    QCOMPARE(view->childAt(answer->rect().center().x(), answer->rect().center().y()), answer);

    int interrupted = -1;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        if (m_model->item(r).state == ChatItem::State::Interrupted)
            interrupted = r;
    }
    QVERIFY(interrupted >= 0);
    QCOMPARE(view->child(interrupted)->text(QAccessible::Description),
             u"Interrupted: the text so far is kept"_s);
    QVERIFY(!view->child(m_model->rowCount())); // past the end: nothing
}

void TestChatViewAccessible::rowIdentity_survivesRowsAddedAbove() {
    setEntries({userEntry(u"Third"_s, 3), answerEntry(u"Fourth"_s, 4)});
    QAccessibleInterface *view = viewInterface();
    QAccessibleInterface *fourth = view->child(1);
    QVERIFY(fourth->text(QAccessible::Name).endsWith(u"Fourth"_s));
    // Older messages arrive above (paging back through history).
    setEntries({userEntry(u"First"_s, 1), answerEntry(u"Second"_s, 2), userEntry(u"Third"_s, 3),
                answerEntry(u"Fourth"_s, 4)});
    QCOMPARE(view->indexOfChild(fourth), 3);
    QCOMPARE(view->child(3), fourth);
    QVERIFY(fourth->isValid());
    // And once its message is gone, the interface says so instead of naming another row.
    setEntries({userEntry(u"First"_s, 1)});
    QVERIFY(!fourth->isValid());
    QVERIFY(fourth->text(QAccessible::Name).isEmpty());
    QCOMPARE(view->indexOfChild(fourth), -1);
}

void TestChatViewAccessible::rowButtons_areActionsThatDoWhatAClickDoes() {
    setEntries({userEntry(u"Fix my typo"_s, 1), answerEntry(u"Sure, *here* it is."_s, 2)});
    QAccessibleInterface *view = viewInterface();
    QAccessibleActionInterface *user = actionsOf(view->child(0));
    QVERIFY(user);
    QVERIFY2(user->actionNames().contains(u"Edit message"_s),
             qPrintable(user->actionNames().join(u", "_s)));
    QVERIFY(user->actionNames().contains(u"Copy message"_s));

    QSignalSpy edit(m_view.get(), &ChatView::editRequested);
    user->doAction(u"Edit message"_s);
    QCOMPARE(edit.count(), 1);
    QCOMPARE(edit.first().at(0).toInt(), 0);

    QAccessibleActionInterface *answer = actionsOf(view->child(1));
    QVERIFY(answer->actionNames().contains(u"Copy message"_s));
    QVERIFY(!answer->actionNames().contains(u"Edit message"_s));
    QGuiApplication::clipboard()->clear();
    answer->doAction(u"Copy message"_s);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"Sure, *here* it is."_s);

    // A name the row does not have does nothing.
    answer->doAction(u"Edit message"_s);
    QCOMPARE(edit.count(), 1);
}

void TestChatViewAccessible::repeatedButtons_getNumbers() {
    setEntries({userEntry(u"Two snippets"_s, 1),
                answerEntry(u"One:\n\n```\nfirst()\n```\n\nTwo:\n\n```\nsecond()\n```\n\nSee "
                            "[the docs](https://docs.mistral.ai/)."_s,
                            2)});
    QAccessibleActionInterface *answer = actionsOf(viewInterface()->child(1));
    const QStringList names = answer->actionNames();
    QVERIFY2(names.contains(u"Copy code"_s) && names.contains(u"Copy code (2)"_s),
             qPrintable(names.join(u", "_s)));
    QVERIFY2(names.contains(u"Open link https://docs.mistral.ai/"_s),
             qPrintable(names.join(u", "_s)));
    QGuiApplication::clipboard()->clear();
    answer->doAction(u"Copy code (2)"_s);
    QCOMPARE(QGuiApplication::clipboard()->text().trimmed(), u"second()"_s);
    answer->doAction(u"Copy code"_s);
    QCOMPARE(QGuiApplication::clipboard()->text().trimmed(), u"first()"_s);
    // A link goes through the same confirmation as a click: the address is shown first.
    answer->doAction(u"Open link https://docs.mistral.ai/"_s);
    QCOMPARE(m_asked, QList<QUrl>{QUrl(u"https://docs.mistral.ai/"_s)});
    QCOMPARE(m_opened, QList<QUrl>{QUrl(u"https://docs.mistral.ai/"_s)});
}

void TestChatViewAccessible::refusedLink_isNotOpened() {
    setEntries(
        {userEntry(u"Hi"_s, 1),
         answerEntry(u"[Click](javascript:alert(1)) or ![pic](https://example.com/a.png)"_s, 2)});
    QAccessibleActionInterface *answer = actionsOf(viewInterface()->child(1));
    const QStringList names = answer->actionNames();
    QVERIFY2(names.contains(u"Open link javascript:alert(1)"_s), qPrintable(names.join(u", "_s)));
    QVERIFY2(names.contains(u"Load the image https://example.com/a.png"_s),
             qPrintable(names.join(u", "_s)));
    QSignalSpy refused(m_view.get(), &ChatView::linkRefused);
    answer->doAction(u"Open link javascript:alert(1)"_s);
    QCOMPARE(refused.count(), 1);
    QVERIFY(m_opened.isEmpty());
    // Loading a remote image asks first, and never opens a browser.
    answer->doAction(u"Load the image https://example.com/a.png"_s);
    QCOMPARE(m_asked, QList<QUrl>{QUrl(u"https://example.com/a.png"_s)});
    QVERIFY(m_opened.isEmpty());
}

void TestChatViewAccessible::failedAnswer_offersRetry() {
    ChatEntry failed = answerEntry(QString(), 2, ChatEntry::Status::Failed);
    failed.error = ApiError::fromHttp(503, {}, "{\"message\":\"overloaded\"}");
    setEntries({userEntry(u"Hi"_s, 1), failed});
    int notice = -1;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        if (m_model->item(r).kind == ChatItem::Kind::Notice)
            notice = r;
    }
    QVERIFY(notice >= 0);
    QAccessibleInterface *row = viewInterface()->child(notice);
    QCOMPARE(row->text(QAccessible::Description), u"Failed"_s);
    QVERIFY(!row->text(QAccessible::Name).isEmpty());
    QSignalSpy retry(m_view.get(), &ChatView::retryRequested);
    QVERIFY(row->actionInterface()->actionNames().contains(u"Retry"_s));
    row->actionInterface()->doAction(u"Retry"_s);
    QCOMPARE(retry.count(), 1);
}

void TestChatViewAccessible::keyboardTarget_isTheFocusedRow() {
    setEntries({userEntry(u"Hello"_s, 1), answerEntry(u"Hi."_s, 2)});
    m_view->activateWindow();
    m_view->setFocus();
    QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
    QAccessibleInterface *view = viewInterface();
    QVERIFY(!view->focusChild());
    QTest::keyClick(m_view.get(), Qt::Key_Tab);
    QVERIFY(m_view->keyboardRow() >= 0);
    QAccessibleInterface *focused = view->focusChild();
    QVERIFY(focused);
    QCOMPARE(view->indexOfChild(focused), m_view->keyboardRow());
    QVERIFY(focused->state().focused);
}

void TestChatViewAccessible::directionControls_doNotReorderTheName() {
    setEntries({userEntry(u"Hi"_s, 1), answerEntry(u"Run \u202Eexe.evil\u202C now"_s, 2)});
    const QString name = viewInterface()->child(1)->text(QAccessible::Name);
    QVERIFY2(!name.contains(QChar(0x202E)) && !name.contains(QChar(0x202C)), qPrintable(name));
    QVERIFY(name.contains(u"exe.evil"_s));
}

QTEST_MAIN(TestChatViewAccessible)
#include "tst_chatviewaccessible.moc"
