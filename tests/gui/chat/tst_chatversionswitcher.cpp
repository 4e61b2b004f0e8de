// SPDX-License-Identifier: GPL-3.0-or-later
// The ‹ 2/3 › switcher of the chat view: on an edited user message and under a regenerated
// answer, painted, pressed by mouse and keyboard, named for assistive technology, and only
// with the arrows that lead somewhere.
#include "models/ConversationModel.h"
#include "ui/chat/ChatDelegate.h"
#include "ui/chat/ChatView.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using Action = ChatHit::Action;

namespace {

ChatEntry entry(ChatMessage message, qint64 id, int versions, int version) {
    ChatEntry e;
    e.id = id;
    e.message = std::move(message);
    e.versionCount = versions;
    e.versionIndex = version;
    return e;
}

int countNotBackground(const QImage &image, const QRect &area, const QColor &background) {
    int n = 0;
    const QRect r = area.intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y) {
        for (int x = r.left(); x <= r.right(); ++x)
            n += image.pixelColor(x, y) != background ? 1 : 0;
    }
    return n;
}

} // namespace

class TestChatVersionSwitcher : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void switchers_arePainted_onlyWithVersions();
    void click_asksForTheVersionBesideIt();
    void keyboard_reachesAndPressesTheArrows();

private:
    //! A question in its 2nd of 2 versions, and its answer in its 2nd of 3 (\a versions false:
    //! the same messages with one version each).
    void setChat(bool versions);
    //! Where \a action is in row \a row (its target rectangle), or an empty rectangle.
    QRect target(int row, Action action);
    int lastRow() const { return m_model->rowCount() - 1; }

    std::unique_ptr<ConversationModel> m_model;
    std::unique_ptr<ChatView> m_view;
};

void TestChatVersionSwitcher::init() {
    m_model = std::make_unique<ConversationModel>();
    m_view = std::make_unique<ChatView>();
    m_view->setModel(m_model.get());
    m_view->resize(900, 700);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestChatVersionSwitcher::cleanup() {
    m_view.reset();
    m_model.reset();
}

void TestChatVersionSwitcher::setChat(bool versions) {
    ChatEntry answer = entry(ChatMessage::assistant(MessageContent(u"The second answer."_s)), 2,
                             versions ? 3 : 1, versions ? 1 : 0);
    answer.model = u"mistral-small-latest"_s;
    m_model->setEntries(
        {entry(ChatMessage::user(u"An edited question"_s), 1, versions ? 2 : 1, versions ? 1 : 0),
         answer});
    // Lay out, paint (which measures), lay out with the measured heights.
    m_view->doItemsLayout();
    m_view->viewport()->grab();
    QCoreApplication::processEvents();
    m_view->viewport()->grab();
}

QRect TestChatVersionSwitcher::target(int row, Action action) {
    const QModelIndex index = m_model->index(row);
    QStyleOptionViewItem option;
    option.rect = m_view->visualRect(index);
    option.widget = m_view.get();
    for (int y = option.rect.top(); y <= option.rect.bottom(); y += 2) {
        for (int x = option.rect.left(); x <= option.rect.right(); x += 2) {
            const ChatDelegate::Hit hit =
                m_view->chatDelegate()->hitTest(option, index, QPoint(x, y));
            if (hit.action == action)
                return hit.rect;
        }
    }
    return {};
}

void TestChatVersionSwitcher::switchers_arePainted_onlyWithVersions() {
    setChat(true);
    QCOMPARE(m_model->item(0).versionCount, 2);
    QCOMPARE(m_model->item(lastRow()).versionCount, 3);
    // The question is on its last version: only ‹; the answer has both ways.
    const QRect userPrevious = target(0, Action::PreviousVersion);
    QVERIFY(!userPrevious.isEmpty());
    QVERIFY(target(0, Action::NextVersion).isEmpty());
    const QRect answerPrevious = target(lastRow(), Action::PreviousVersion);
    const QRect answerNext = target(lastRow(), Action::NextVersion);
    QVERIFY(!answerPrevious.isEmpty());
    QVERIFY(!answerNext.isEmpty());
    QCOMPARE(answerPrevious.top(), answerNext.top());
    QVERIFY(answerPrevious.right() < answerNext.left());

    // "2/3" between the arrows, and the arrows themselves, are drawn (the mouse is elsewhere).
    const QRect label(answerPrevious.right() + 1, answerPrevious.top(),
                      answerNext.left() - answerPrevious.right() - 1, answerPrevious.height());
    const QRect userSwitcher(userPrevious.left(), userPrevious.top(), 80, userPrevious.height());
    QImage shot = m_view->viewport()->grab().toImage();
    const QColor background = shot.pixelColor(2, 2);
    QVERIFY(countNotBackground(shot, label, background) > 15);
    QVERIFY(countNotBackground(shot, answerPrevious, background) > 5);
    QVERIFY(countNotBackground(shot, answerNext, background) > 5);
    QVERIFY(countNotBackground(shot, userSwitcher, background) > 15);

    // Without versions, nothing is there.
    setChat(false);
    QVERIFY(target(0, Action::PreviousVersion).isEmpty());
    QVERIFY(target(lastRow(), Action::NextVersion).isEmpty());
    shot = m_view->viewport()->grab().toImage();
    QCOMPARE(countNotBackground(shot, label, background), 0);
}

void TestChatVersionSwitcher::click_asksForTheVersionBesideIt() {
    setChat(true);
    QSignalSpy requested(m_view.get(), &ChatView::versionRequested);
    const QPoint next = target(lastRow(), Action::NextVersion).center();
    QTest::mouseMove(m_view->viewport(), next);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, next);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.last().at(0).toInt(), 1); // the answer's entry
    QCOMPARE(requested.last().at(1).toInt(), 1);

    const QPoint previous = target(0, Action::PreviousVersion).center();
    QTest::mouseMove(m_view->viewport(), previous);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, previous);
    QCOMPARE(requested.count(), 2);
    QCOMPARE(requested.last().at(0).toInt(), 0); // the question's entry
    QCOMPARE(requested.last().at(1).toInt(), -1);
}

void TestChatVersionSwitcher::keyboard_reachesAndPressesTheArrows() {
    setChat(true);
    // Named for a screen reader, as actions of the rows.
    QVERIFY(m_view->rowActionNames(0).contains(u"Show the previous version"_s));
    const QStringList answerActions = m_view->rowActionNames(lastRow());
    QVERIFY(answerActions.contains(u"Show the previous version"_s));
    QVERIFY(answerActions.contains(u"Show the next version"_s));

    QSignalSpy requested(m_view.get(), &ChatView::versionRequested);
    m_view->setFocus(Qt::OtherFocusReason);
    for (int i = 0; i < 20 && m_view->keyboardTarget().action != Action::NextVersion; ++i)
        QTest::keyClick(m_view.get(), Qt::Key_Tab);
    QCOMPARE(m_view->keyboardTarget().action, Action::NextVersion);
    QCOMPARE(m_view->keyboardRow(), lastRow());
    QTest::keyClick(m_view.get(), Qt::Key_Return);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.last().at(0).toInt(), 1);
    QCOMPARE(requested.last().at(1).toInt(), 1);

    // The accessible action does the same.
    QVERIFY(m_view->triggerRowAction(0, u"Show the previous version"_s));
    QCOMPARE(requested.count(), 2);
    QCOMPARE(requested.last().at(1).toInt(), -1);
}

QTEST_MAIN(TestChatVersionSwitcher)
#include "tst_chatversionswitcher.moc"
