// SPDX-License-Identifier: GPL-3.0-or-later
// "Find in this chat" on screen: the bar above a chat view showing a stored conversation page
// by page, as the chat page has them. Typing finds, Enter and Shift+Enter move, the matches are
// painted in their colours over the text (checked on the pixels), a match in older messages
// pages them in, and Esc closes the bar, stops the highlighting and gives the focus back.
#include "core/storage/ConversationStore.h"
#include "models/ConversationModel.h"
#include "models/ConversationPager.h"
#include "ui/ColourContrast.h"
#include "ui/chat/ChatFind.h"
#include "ui/chat/ChatFindBar.h"
#include "ui/chat/ChatFindMatches.h"
#include "ui/chat/ChatStyle.h"
#include "ui/chat/ChatView.h"

#include <QAbstractButton>
#include <QLineEdit>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>
#include <QVBoxLayout>

#include <memory>
#include <utility>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

QJsonObject text(const QString &role, const QString &content) {
    return QJsonObject{{u"role"_s, role}, {u"content"_s, content}};
}

// Pixels of exactly \a colour in \a image, and their bounding box.
int countColour(const QImage &image, const QColor &colour, QRect *box = nullptr) {
    const QRgb wanted = colour.rgb();
    int count = 0;
    QRect bounds;
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            if ((line[x] & 0xffffff) == (wanted & 0xffffff)) {
                ++count;
                bounds |= QRect(x, y, 1, 1);
            }
        }
    }
    if (box)
        *box = bounds;
    return count;
}

} // namespace

class TestChatFind : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void typing_findsAndHighlightsCurrentMatch();
    void enterAndShiftEnter_moveThroughMatches();
    void matchInOlderMessages_pagesThemIn();
    void escape_closesAndReturnsFocus();
    void streamingAnswer_updatesCount();
    void toolCardMatch_unfoldsAndIsHighlighted();
    void colours_readableInLightAndDark();

private:
    QImage viewImage() const { return m_view->viewport()->grab().toImage(); }
    int rowOfCurrent() const;
    void type(const QString &text);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ConversationStore> m_store;
    std::unique_ptr<ConversationModel> m_model;
    std::unique_ptr<ConversationPager> m_pager;
    std::unique_ptr<QWidget> m_window;
    ChatView *m_view = nullptr;
    ChatFindBar *m_bar = nullptr;
    ChatFind *m_find = nullptr;
    int m_pagesLoaded = 0;
};

void TestChatFind::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    auto opened = ConversationStore::open(m_dir->path());
    QVERIFY2(opened.ok(), qPrintable(opened.error.message));
    m_store = std::move(opened.store);
    // 300 turns (600 messages): "lighthouse" in the 3rd answer (in a code block) and in the
    // last two answers; the chat opens at its newest 200 messages.
    ConversationRecord record;
    record.info.title = u"Lighthouses"_s;
    for (int t = 0; t < 300; ++t) {
        QString answer = u"Answer number %1, plain words."_s.arg(t);
        if (t == 2)
            answer = u"An old one:\n\n```\nconst place = \"lighthouse\";\n```\n"_s;
        if (t >= 298)
            answer = u"The **light**house stands; a lighthouse, and one more LIGHTHOUSE."_s;
        for (const auto &[role, content] :
             {std::pair{u"user"_s, u"Question %1"_s.arg(t)}, std::pair{u"assistant"_s, answer}}) {
            StoredMessage message;
            message.position = record.messages.size() + 1;
            message.role = role;
            message.message = text(role, content);
            record.messages.append(message);
        }
    }
    // One transaction: quicker than 600 synced appends.
    const auto imported = m_store->importConversation(record);
    QVERIFY2(imported.ok(), "import failed");
    const qint64 id = imported->id;
    m_model = std::make_unique<ConversationModel>();
    m_pager = std::make_unique<ConversationPager>(m_store.get(), m_model.get());
    QVERIFY(m_pager->open(id));
    QVERIFY(m_pager->hasOlder());

    m_window = std::make_unique<QWidget>();
    auto *layout = new QVBoxLayout(m_window.get());
    m_bar = new ChatFindBar(m_window.get());
    m_view = new ChatView(m_window.get());
    layout->addWidget(m_bar);
    layout->addWidget(m_view);
    m_view->setModel(m_model.get());
    m_find = new ChatFind(m_view, m_bar, m_window.get());
    // As the app does: one page per request, once back in the event loop.
    m_pagesLoaded = 0;
    connect(m_find, &ChatFind::olderRowsWanted, m_window.get(), [this] {
        QMetaObject::invokeMethod(
            m_window.get(),
            [this] {
                if (m_pager->loadOlder() > 0)
                    ++m_pagesLoaded;
            },
            Qt::QueuedConnection);
    });
    m_window->resize(900, 700);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_view->scrollToLatest();
    m_view->setFocus();
    QTRY_VERIFY(m_view->hasFocus());
}

void TestChatFind::cleanup() {
    m_window.reset();
    m_pager.reset();
    m_model.reset();
    m_store.reset();
    m_dir.reset();
}

int TestChatFind::rowOfCurrent() const {
    int hint = -1;
    return m_view->rowOfKey(m_find->matches()->current().key, hint);
}

void TestChatFind::type(const QString &text) {
    QTest::keyClicks(m_bar->lineEdit(), text);
}

void TestChatFind::typing_findsAndHighlightsCurrentMatch() {
    const ChatStyle &style = m_view->chatDelegate()->chatStyle();
    QVERIFY(m_bar->isHidden());
    QCOMPARE(countColour(viewImage(), style.findCurrent), 0);

    m_find->open();
    QVERIFY(m_bar->isVisible());
    QVERIFY(m_bar->lineEdit()->hasFocus());
    type(u"lighthouse"_s);
    // Case-insensitive, in the text as shown ("**light**house" reads "lighthouse"), over the
    // whole conversation: 3 in each of the last two answers and 1 far up.
    QCOMPARE(m_find->matches()->count(), 7);
    // From the top of the view: the first match of the first answer on screen.
    QCOMPARE(m_bar->statusText(), u"2 of 7"_s);
    const int row = rowOfCurrent();
    QVERIFY(row >= 0);
    QVERIFY(m_view->visibleRows().contains(row));

    // The current match is painted in its colour, inside its row; the others in theirs.
    QTRY_VERIFY(countColour(viewImage(), style.findCurrent) > 40);
    QRect box;
    countColour(viewImage(), style.findCurrent, &box);
    const QRect rowRect = m_view->visualRect(m_model->index(row));
    QVERIFY2(rowRect.contains(box),
             qPrintable(u"%1 not in %2"_s.arg(QDebug::toString(box), QDebug::toString(rowRect))));
    QVERIFY(countColour(viewImage(), style.findMatch) > 80);

    // Match case leaves out the one written in capitals, in each of the last two answers.
    m_bar->findChild<QAbstractButton *>(u"matchCaseCheckBox"_s)->click();
    QCOMPARE(m_find->matches()->count(), 5);
    m_bar->lineEdit()->setText(u"LIGHTHOUSE"_s);
    QCOMPARE(m_find->matches()->count(), 2);
    m_bar->lineEdit()->setText(u"lighthousez"_s);
    QCOMPARE(m_bar->statusText(), u"No matches"_s);
    QTRY_COMPARE(countColour(viewImage(), style.findCurrent), 0);
}

void TestChatFind::enterAndShiftEnter_moveThroughMatches() {
    m_find->open();
    type(u"lighthouse"_s);
    QCOMPARE(m_bar->statusText(), u"2 of 7"_s);
    QTest::keyClick(m_bar->lineEdit(), Qt::Key_Return);
    QCOMPARE(m_bar->statusText(), u"3 of 7"_s);
    QTest::keyClick(m_bar->lineEdit(), Qt::Key_Enter);
    QCOMPARE(m_bar->statusText(), u"4 of 7"_s);
    QTest::keyClick(m_bar->lineEdit(), Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(m_bar->statusText(), u"3 of 7"_s);
    m_find->findNext(); // F3
    m_find->findNext();
    m_find->findNext();
    m_find->findNext();
    QCOMPARE(m_bar->statusText(), u"7 of 7"_s);
    const int last = rowOfCurrent();
    QVERIFY(m_view->visibleRows().contains(last));
    QVERIFY(m_bar->lineEdit()->hasFocus()); // the keys stay in the bar
}

void TestChatFind::matchInOlderMessages_pagesThemIn() {
    const ChatStyle &style = m_view->chatDelegate()->chatStyle();
    const int rowsBefore = m_model->rowCount();
    m_find->open();
    type(u"lighthouse"_s);
    QCOMPARE(m_bar->statusText(), u"2 of 7"_s);
    // Back past the oldest loaded match: the first one is in messages not loaded yet.
    QTest::keyClick(m_bar->lineEdit(), Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(m_bar->statusText(), u"1 of 7"_s);
    QVERIFY(!m_find->matches()->isLoaded(m_find->matches()->current().key));
    // Pages come in until it is there; then the view shows it, highlighted.
    QTRY_VERIFY(m_find->matches()->isLoaded(m_find->matches()->current().key));
    QVERIFY(m_pagesLoaded >= 1);
    QVERIFY(m_model->rowCount() > rowsBefore);
    QCOMPARE(m_bar->statusText(), u"1 of 7"_s);
    QTRY_VERIFY(m_view->visibleRows().contains(rowOfCurrent()));
    QCOMPARE(m_model->item(rowOfCurrent()).text.contains(u"const place"_s), true);
    // Inside a code block, painted over the code.
    QTRY_VERIFY(countColour(viewImage(), style.findCurrent) > 40);
    // And back again to the last one, at the bottom (wrapping).
    QTest::keyClick(m_bar->lineEdit(), Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(m_bar->statusText(), u"7 of 7"_s);
    QTRY_VERIFY(m_view->visibleRows().contains(rowOfCurrent()));
}

void TestChatFind::escape_closesAndReturnsFocus() {
    const ChatStyle &style = m_view->chatDelegate()->chatStyle();
    QVERIFY(m_view->hasFocus());
    m_find->open();
    type(u"lighthouse"_s);
    QTRY_VERIFY(countColour(viewImage(), style.findCurrent) > 0);
    QVERIFY(m_view->interaction().find != nullptr);
    QTest::keyClick(m_bar->lineEdit(), Qt::Key_Escape);
    QVERIFY(m_bar->isHidden());
    QTRY_VERIFY(m_view->hasFocus());
    // Nothing of find is painted (or even looked at) any more.
    QVERIFY(m_view->interaction().find == nullptr);
    QTRY_COMPARE(countColour(viewImage(), style.findCurrent), 0);
    QCOMPARE(countColour(viewImage(), style.findMatch), 0);
    // Opening again finds the same text again, selected to type over.
    m_find->open();
    QCOMPARE(m_bar->lineEdit()->selectedText(), u"lighthouse"_s);
    QCOMPARE(m_find->matches()->count(), 7);
}

void TestChatFind::streamingAnswer_updatesCount() {
    m_find->open();
    type(u"lighthouse"_s);
    QCOMPARE(m_find->matches()->count(), 7);
    // A new turn streams in while the bar is open: its matches are counted as they arrive.
    m_model->appendEntry(ChatEntry{0, ChatMessage::user(u"Again?"_s), {}, {}, {}, {}, {}, {}});
    ChatEntry answer;
    answer.message = ChatMessage::assistant(MessageContent(u"Yes, the light"_s));
    answer.status = ChatEntry::Status::Streaming;
    const int entry = m_model->appendEntry(answer);
    answer.message = ChatMessage::assistant(MessageContent(u"Yes, the lighthouse"_s));
    m_model->updateEntry(entry, answer);
    QTRY_COMPARE(m_find->matches()->count(), 8);
    QTRY_COMPARE(m_bar->statusText().endsWith(u"of 8"_s), true);
}

void TestChatFind::toolCardMatch_unfoldsAndIsHighlighted() {
    const ChatStyle &style = m_view->chatDelegate()->chatStyle();
    ToolCall call;
    call.id = u"c1"_s;
    call.name = u"get_weather"_s;
    call.arguments = u"{\"city\":\"Lyon\"}"_s;
    ChatEntry callEntry;
    callEntry.message = ChatMessage::assistant(MessageContent(QString()));
    callEntry.message.toolCalls = {call};
    ChatEntry result;
    result.message = ChatMessage::tool(u"c1"_s, MessageContent(u"{\"sky\":\"drizzly\"}"_s));
    m_model->appendEntry(ChatEntry{0, ChatMessage::user(u"Weather?"_s), {}, {}, {}, {}, {}, {}});
    m_model->appendEntry(callEntry);
    m_model->appendEntry(result);
    const int cardRow = m_model->rowCount() - 1;
    QCOMPARE(m_model->item(cardRow).kind, ChatItem::Kind::ToolRun);
    QVERIFY(!m_model->isExpanded(m_model->item(cardRow).key));
    m_view->scrollToLatest();

    m_find->open();
    type(u"drizzly"_s);
    QCOMPARE(m_bar->statusText(), u"1 of 1"_s);
    // The folded card opens on its match, painted over the result.
    QVERIFY(m_model->isExpanded(m_model->item(cardRow).key));
    QTRY_VERIFY(m_view->visibleRows().contains(cardRow));
    QTRY_VERIFY(countColour(viewImage(), style.findCurrent) > 20);
    QRect box;
    countColour(viewImage(), style.findCurrent, &box);
    QVERIFY(m_view->visualRect(m_model->index(cardRow)).contains(box));
}

void TestChatFind::colours_readableInLightAndDark() {
    QPalette light;
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::Text, QColor(0x20, 0x20, 0x20));
    QPalette dark;
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    for (const QPalette &palette : {light, dark}) {
        const ChatStyle style(palette, QFont());
        using ColourContrast::ratio;
        QVERIFY(ratio(style.findMatchText, style.findMatch) >= ColourContrast::Readable);
        QVERIFY(ratio(style.findCurrentText, style.findCurrent) >= ColourContrast::Readable);
        // The current match stands out from the others and both from the page.
        QVERIFY(ratio(style.findCurrent, style.findMatch) >= 1.3);
        QVERIFY(ratio(style.findMatch, style.base) >= 1.2);
    }
}

QTEST_MAIN(TestChatFind)
#include "tst_chatfind.moc"
