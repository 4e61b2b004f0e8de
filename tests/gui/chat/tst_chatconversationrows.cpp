// SPDX-License-Identifier: GPL-3.0-or-later
// Rows only the Conversations API produces, as the chat view paints them: the answer after a
// handoff under the new agent's name.
#include "FakeImageFetcher.h"
#include "core/protocol/ConversationAccumulator.h"
#include "core/protocol/ConversationMessages.h"
#include "models/ConversationModel.h"
#include "ui/chat/ChatItemText.h"
#include "ui/chat/ChatStyle.h"
#include "ui/chat/ChatView.h"

#include <QPainter>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using namespace Tramontane::Test;
using Kind = ChatItem::Kind;
using Action = ChatDelegate::Action;

class TestChatConversationRows : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void handoff_answerFooterPaintsTheNewAgentsName();

private:
    void setEntries(const QList<ChatEntry> &entries);
    QImage grabViewport() { return m_view->viewport()->grab().toImage(); }
    int rowOf(Kind kind) const;
    //! The target of \a action in row \a row (an empty rect when there is none).
    QRect targetRect(int row, Action action);

    std::unique_ptr<ConversationModel> m_model;
    std::unique_ptr<ChatView> m_view;
    std::shared_ptr<FakeImageFetcher> m_fetcher;
};

void TestChatConversationRows::init() {
    m_model = std::make_unique<ConversationModel>();
    m_view = std::make_unique<ChatView>();
    m_fetcher = std::make_shared<FakeImageFetcher>();
    m_view->setImageFetcher(m_fetcher);
    m_view->setImageViewerEnabled(false);
    m_view->setModel(m_model.get());
    m_view->resize(900, 700);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestChatConversationRows::cleanup() {
    m_view.reset();
    m_model.reset();
    m_fetcher.reset();
}

void TestChatConversationRows::setEntries(const QList<ChatEntry> &entries) {
    m_model->setEntries(entries);
    m_view->doItemsLayout();
    grabViewport();
    QCoreApplication::processEvents();
    grabViewport();
}

int TestChatConversationRows::rowOf(Kind kind) const {
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->item(row).kind == kind)
            return row;
    }
    return -1;
}

QRect TestChatConversationRows::targetRect(int row, Action action) {
    const QModelIndex index = m_model->index(row);
    QStyleOptionViewItem option;
    option.rect = m_view->visualRect(index);
    option.widget = m_view.get();
    for (const ChatDelegate::Hit &hit : m_view->chatDelegate()->keyboardTargets(option, index)) {
        if (hit.action == action)
            return hit.rect;
    }
    return {};
}

void TestChatConversationRows::handoff_answerFooterPaintsTheNewAgentsName() {
    // A turn as the stream gives it: the lead hands off, the researcher answers.
    ConversationOutput handoff;
    handoff.kind = ConversationOutput::Kind::Handoff;
    handoff.previousAgentId = u"ag_1"_s;
    handoff.previousAgentName = u"Lead"_s;
    handoff.nextAgentId = u"ag_2"_s;
    handoff.nextAgentName = u"Researcher"_s;
    handoff.finished = true;
    ConversationOutput answer;
    answer.kind = ConversationOutput::Kind::Message;
    answer.content = MessageContent(u"Here is what I found."_s);
    QList<ChatEntry> entries;
    ChatEntry user;
    user.id = 1;
    user.message = ChatMessage::user(u"Please hand off"_s);
    entries << user;
    qint64 id = 2;
    for (const ChatMessage &message : ConversationMessages::fromOutputs({handoff, answer})) {
        ChatEntry e;
        e.id = id++;
        e.message = message;
        e.model = u"mistral-small-latest"_s;
        entries << e;
    }
    setEntries(entries);

    const int notice = rowOf(Kind::Notice);
    QVERIFY(notice > 0);
    QCOMPARE(m_model->item(notice).text, u"Handed off to Researcher"_s);
    QVERIFY(targetRect(notice, Action::ShowAnswerDetails).isEmpty()); // the line has no footer
    const int row = rowOf(Kind::Assistant);
    QVERIFY(row > notice);
    QCOMPARE(ChatItemText::footerText(m_model->item(row)), u"Researcher"_s);

    // What the footer shows, pixel for pixel: the agent's name in the footer's font and colour.
    const QRect footer = targetRect(row, Action::ShowAnswerDetails);
    QVERIFY(!footer.isEmpty());
    const ChatStyle &style = m_view->chatDelegate()->chatStyle();
    QCOMPARE(footer.width(), qCeil(style.smallFm.horizontalAdvance(u"Researcher"_s)) + 8);
    QTest::mouseMove(m_view->viewport(), QPoint(2, 2)); // not hovered: not underlined
    const QImage shown = grabViewport().copy(footer);
    QImage expected(shown.size(), shown.format());
    expected.fill(shown.pixelColor(shown.width() - 1, 0)); // the row's background
    QPainter p(&expected);
    p.setFont(style.small);
    p.setPen(style.muted);
    p.drawText(QRect(QPoint(0, 0), footer.size()), Qt::AlignLeft | Qt::AlignVCenter,
               u"Researcher"_s);
    p.end();
    QCOMPARE(shown, expected);
}

QTEST_MAIN(TestChatConversationRows)
#include "tst_chatconversationrows.moc"
