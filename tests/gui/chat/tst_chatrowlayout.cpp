// SPDX-License-Identifier: GPL-3.0-or-later
// The geometry of chat rows, without painting: ChatRowLayout with a ChatItem, a width and the
// style in, and numbers for what only documents and images can measure.
#include "ui/chat/ChatRowLayout.h"
#include "ui/chat/ChatStyle.h"

#include <QApplication>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using Kind = ChatItem::Kind;
using State = ChatItem::State;
using Action = ChatHit::Action;

namespace {

class FakeMeasures final : public ChatRowMeasures {
public:
    QSet<QString> expanded;
    qreal docHeight = 60;
    qreal plainHeight = 40;
    QSize natural;
    ImageState image = ImageState::Pending;
    mutable int documentCalls = 0;

    bool isExpanded(const ChatItem &item) const override { return expanded.contains(item.key); }
    qreal documentHeight(const ChatItem &, qreal, int) const override {
        ++documentCalls;
        return docHeight;
    }
    qreal blockHeight(const ChatItem &, Block, const QString &, int) const override {
        return plainHeight;
    }
    QSize imageNaturalSize(const ChatItem &) const override { return natural; }
    ImageState imageState(const ChatItem &) const override { return image; }
};

ChatItem item(Kind kind, const QString &key, const QString &text = {}) {
    ChatItem i;
    i.kind = kind;
    i.key = key;
    i.text = text;
    return i;
}

const ChatHit *find(const ChatRowGeometry &g, Action action) {
    for (const ChatHit &hit : g.buttons) {
        if (hit.action == action)
            return &hit;
    }
    return nullptr;
}

// Everything a row shows lies within the row.
bool allInside(const ChatRowGeometry &g) {
    const QList<QRect> parts = {g.body,        g.bubble,     g.header,       g.card,
                                g.argsLabel,   g.argsBlock,  g.resultLabel,  g.resultBlock,
                                g.noticeTitle, g.noticeHint, g.detailsBlock, g.image,
                                g.footer,      g.footerText};
    for (const QRect &r : parts) {
        if (!r.isNull() && !g.row.contains(r))
            return false;
    }
    for (const QRect &r : g.chips) {
        if (!g.row.contains(r))
            return false;
    }
    for (const ChatHit &hit : g.buttons) {
        if (hit.action != Action::EditMessage && hit.action != Action::CopyMessage
            && !g.row.contains(hit.rect))
            return false;
    }
    return true;
}

} // namespace

class TestChatRowLayout : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void column_centresInWideViewsAndFillsNarrowOnes();
    void userRow_bubbleOnTheRightWithItsButtonsBeside();
    void userRow_shortPlainMessageShrinksOnlyWhenPainted();
    void assistantRow_copyAtTheTopWithoutFooter_inTheFooterWithOne();
    void thinkingRow_unfoldsBelowItsHeader();
    void toolCard_foldedIsItsHeader_unfoldedShowsBlocksWithCopy();
    void toolCard_waitingForConfirmation_offersAllowAndDeny();
    void imageRow_boxFollowsTheImageAndItsState();
    void imageRow_attachedByTheUser_isAThumbnailThatOpens();
    void noticeRow_retryDetailsAndTheDetailsBlock();
    void citationChips_wrapAndOnlyLinksAreTargets();
    void turnGap_aboveUserMessagesAndTheFirstRow();
    void rows_followTheirRectAndStayInside_data();
    void rows_followTheirRectAndStayInside();

private:
    ChatStyle m_style{QApplication::palette(), QApplication::font()};
};

void TestChatRowLayout::column_centresInWideViewsAndFillsNarrowOnes() {
    const ChatStyle &s = m_style;
    const auto wide = ChatRowLayout::column(s, 1400);
    QCOMPARE(wide.width, s.maxColumnWidth);
    QCOMPARE(wide.left, (1400 - s.maxColumnWidth) / 2);
    const auto medium = ChatRowLayout::column(s, 600);
    QCOMPARE(medium.width, 600 - 2 * s.sideMargin);
    QCOMPARE(medium.left, s.sideMargin);
    const auto narrow = ChatRowLayout::column(s, 400);
    QCOMPARE(narrow.width, 400 - 2 * s.narrowSideMargin);
    QCOMPARE(narrow.left, s.narrowSideMargin);
    const auto tiny = ChatRowLayout::column(s, 50);
    QCOMPARE(tiny.width, s.minColumnWidth);
    QCOMPARE(tiny.left, 0);
}

void TestChatRowLayout::userRow_bubbleOnTheRightWithItsButtonsBeside() {
    const ChatStyle &s = m_style;
    FakeMeasures m;
    const ChatItem user = item(Kind::User, u"u"_s, u"A question with **markdown** in it"_s);
    const ChatRowGeometry g =
        ChatRowLayout::layout(s, user, 3, QRect(0, 0, 1000, 0), 1000, m, true);
    const auto column = ChatRowLayout::column(s, 1000);
    QCOMPARE(g.bubble.right(), column.left + column.width - 1);
    QCOMPARE(g.docOrigin,
             QPointF(g.bubble.left() + s.bubblePaddingH, g.bubble.top() + s.bubblePaddingV));
    QCOMPARE(g.bubble.height(), qCeil(m.docHeight) + 2 * s.bubblePaddingV);
    QCOMPARE(g.row.height(), s.rowPadding + s.turnGap + g.bubble.height() + s.rowPadding);
    const ChatHit *edit = find(g, Action::EditMessage);
    const ChatHit *copy = find(g, Action::CopyMessage);
    QVERIFY(edit && copy);
    QCOMPARE(edit->rect.right(), g.bubble.left() - s.bubbleButtonGap - 1);
    QCOMPARE(edit->rect.bottom(), g.bubble.bottom());
    QCOMPARE(copy->rect.right(), edit->rect.left() - s.iconButtonSpacing - 1);
    QCOMPARE(edit->rect.size(), QSize(s.iconButton, s.iconButton));
    // Sizing asks for no buttons.
    const ChatRowGeometry sized =
        ChatRowLayout::layout(s, user, 3, QRect(0, 0, 1000, 0), 1000, m, false);
    QVERIFY(sized.buttons.isEmpty());
    QCOMPARE(sized.row.height(), g.row.height());
}

void TestChatRowLayout::userRow_shortPlainMessageShrinksOnlyWhenPainted() {
    FakeMeasures m;
    const ChatItem user = item(Kind::User, u"u"_s, u"Hi"_s);
    const ChatRowGeometry painted =
        ChatRowLayout::layout(m_style, user, 0, QRect(0, 0, 1000, 0), 1000, m, true);
    const ChatRowGeometry sized =
        ChatRowLayout::layout(m_style, user, 0, QRect(0, 0, 1000, 0), 1000, m, false);
    QVERIFY(painted.bubble.width() < sized.bubble.width());
    QCOMPARE(painted.bubble.right(), sized.bubble.right());
    QCOMPARE(painted.row.height(), sized.row.height());
}

void TestChatRowLayout::assistantRow_copyAtTheTopWithoutFooter_inTheFooterWithOne() {
    const ChatStyle &s = m_style;
    FakeMeasures m;
    ChatItem answer = item(Kind::Assistant, u"a"_s, u"Paris."_s);
    ChatRowGeometry g = ChatRowLayout::layout(s, answer, 1, QRect(0, 0, 1000, 0), 1000, m, true);
    QVERIFY(g.footer.isNull());
    const ChatHit *copy = find(g, Action::CopyMessage);
    QVERIFY(copy);
    QCOMPARE(copy->rect.top(), g.body.top());
    QCOMPARE(copy->rect.right(), g.body.right());
    QCOMPARE(g.row.height(), s.rowPadding + qCeil(m.docHeight) + s.rowPadding);

    answer.answerEnd = true;
    answer.model = u"mistral-small-latest"_s;
    g = ChatRowLayout::layout(s, answer, 1, QRect(0, 0, 1000, 0), 1000, m, true);
    QCOMPARE(g.footer.top(), g.body.bottom() + 1 + s.footerGap);
    QCOMPARE(g.footer.height(), s.footerHeight);
    copy = find(g, Action::CopyMessage);
    QVERIFY(copy);
    QCOMPARE(copy->rect.right(), g.footer.right());
    QVERIFY(qAbs(copy->rect.center().y() - g.footer.center().y()) <= 1);
    const ChatHit *details = find(g, Action::ShowAnswerDetails);
    QVERIFY(details);
    QCOMPARE(details->rect, g.footerText);
    QCOMPARE(g.footerText.left(), g.footer.left());

    // Still streaming: the footer holds the typing dots, nothing to click.
    answer.state = State::Streaming;
    g = ChatRowLayout::layout(s, answer, 1, QRect(0, 0, 1000, 0), 1000, m, true);
    QVERIFY(!g.footer.isNull());
    QVERIFY(!find(g, Action::ShowAnswerDetails));
}

void TestChatRowLayout::thinkingRow_unfoldsBelowItsHeader() {
    const ChatStyle &s = m_style;
    FakeMeasures m;
    const ChatItem thinking = item(Kind::Thinking, u"t"_s, u"Let me think."_s);
    const ChatRowGeometry folded =
        ChatRowLayout::layout(s, thinking, 1, QRect(0, 0, 900, 0), 900, m, true);
    QCOMPARE(m.documentCalls, 0); // folded: no document is asked for
    QCOMPARE(folded.docWidth, 0.0);
    QVERIFY(find(folded, Action::ToggleExpanded));
    QCOMPARE(folded.body, folded.header);

    m.expanded.insert(u"t"_s);
    const ChatRowGeometry open =
        ChatRowLayout::layout(s, thinking, 1, QRect(0, 0, 900, 0), 900, m, true);
    QCOMPARE(open.header, folded.header);
    QCOMPARE(open.docOrigin.x(), open.header.left() + s.thinkingIndent);
    QVERIFY(open.docOrigin.y() > open.header.bottom());
    QVERIFY(open.row.height() >= folded.row.height() + qCeil(m.docHeight));
}

void TestChatRowLayout::toolCard_foldedIsItsHeader_unfoldedShowsBlocksWithCopy() {
    const ChatStyle &s = m_style;
    FakeMeasures m;
    ChatItem tool = item(Kind::ToolRun, u"tool"_s);
    tool.toolName = u"web_search"_s;
    tool.toolArguments = u"{\"query\":\"mistral\"}"_s;
    tool.toolResult = u"Results"_s;
    tool.hasToolResult = true;
    const ChatRowGeometry folded =
        ChatRowLayout::layout(s, tool, 2, QRect(0, 0, 900, 0), 900, m, true);
    QCOMPARE(folded.card.height(), s.cardHeader);
    QCOMPARE(folded.card, folded.header);
    QVERIFY(folded.argsBlock.isNull() && folded.resultBlock.isNull());

    m.expanded.insert(u"tool"_s);
    const ChatRowGeometry open =
        ChatRowLayout::layout(s, tool, 2, QRect(0, 0, 900, 0), 900, m, true);
    QCOMPARE(open.header.height(), s.cardHeader);
    QCOMPARE(open.argsBlock.height(), qCeil(m.plainHeight) + 2 * s.blockPadding);
    QCOMPARE(open.resultBlock.height(), open.argsBlock.height());
    QVERIFY(open.argsLabel.bottom() < open.argsBlock.top());
    QVERIFY(open.argsBlock.bottom() < open.resultLabel.top());
    QVERIFY(open.card.contains(open.resultBlock));
    QCOMPARE(open.argsBlock.left(), open.card.left() + s.cardPadding);
    // Copy in the top right corner of each block; the result's first in the list.
    const ChatHit *copyArgs = find(open, Action::CopyToolArguments);
    const ChatHit *copyResult = find(open, Action::CopyToolResult);
    QVERIFY(copyArgs && copyResult);
    QCOMPARE(copyArgs->rect,
             QRect(open.argsBlock.right() - s.blockCopyInset - s.blockCopyWidth,
                   open.argsBlock.top() + s.blockCopyInset, s.blockCopyWidth, s.buttonHeight));
    QCOMPARE(copyResult->rect.topRight(),
             open.resultBlock.topRight() + QPoint(-s.blockCopyInset - 1, s.blockCopyInset));
    QCOMPARE(open.buttons.first().action, Action::CopyToolResult);
}

void TestChatRowLayout::toolCard_waitingForConfirmation_offersAllowAndDeny() {
    FakeMeasures m;
    ChatItem tool = item(Kind::ToolRun, u"tool"_s);
    tool.toolName = u"delete_files"_s;
    tool.confirmation = u"pending"_s;
    const ChatRowGeometry g =
        ChatRowLayout::layout(m_style, tool, 2, QRect(0, 0, 900, 0), 900, m, true);
    QVERIFY(!g.confirmPrompt.isNull());
    const ChatHit *allow = find(g, Action::AllowTool);
    const ChatHit *deny = find(g, Action::DenyTool);
    QVERIFY(allow && deny);
    QVERIFY(g.card.contains(allow->rect) && g.card.contains(deny->rect));
    QVERIFY(allow->rect.top() > g.header.bottom());
    QVERIFY(g.resultLabel.isNull()); // the bar says what is waiting
}

void TestChatRowLayout::imageRow_boxFollowsTheImageAndItsState() {
    const ChatStyle &s = m_style;
    FakeMeasures m;
    const ChatItem image = item(Kind::Image, u"img"_s);
    m.natural = QSize(2048, 1024);
    m.image = ChatRowMeasures::ImageState::Ready;
    ChatRowGeometry g = ChatRowLayout::layout(s, image, 4, QRect(0, 0, 1000, 0), 1000, m, true);
    QCOMPARE(g.image.size(), QSize(s.maxImageWidth, s.maxImageWidth / 2));
    QCOMPARE(g.image.left(), ChatRowLayout::column(s, 1000).left);
    QVERIFY(find(g, Action::OpenImage));
    // Narrower than the largest image: the column's width.
    g = ChatRowLayout::layout(s, image, 4, QRect(0, 0, 300, 0), 300, m, true);
    QCOMPARE(g.image.width(), ChatRowLayout::column(s, 300).width);

    m.natural = QSize();
    m.image = ChatRowMeasures::ImageState::Failed;
    g = ChatRowLayout::layout(s, image, 4, QRect(0, 0, 1000, 0), 1000, m, true);
    QCOMPARE(g.image.size(), QSize(s.maxImageWidth, 160));
    QVERIFY(find(g, Action::RetryImage));
    QVERIFY(!find(g, Action::OpenImage));

    m.image = ChatRowMeasures::ImageState::Pending;
    g = ChatRowLayout::layout(s, image, 4, QRect(0, 0, 1000, 0), 1000, m, true);
    QVERIFY(g.buttons.isEmpty());
    QVERIFY(g.image.height() > 0);
}

void TestChatRowLayout::imageRow_attachedByTheUser_isAThumbnailThatOpens() {
    const ChatStyle &s = m_style;
    FakeMeasures m;
    m.natural = QSize(2048, 1024);
    m.image = ChatRowMeasures::ImageState::Ready;
    ChatItem attached = item(Kind::Image, u"attached"_s);
    attached.entry = attached.turn = 2; // an image of the turn's own user message
    ChatRowGeometry g = ChatRowLayout::layout(s, attached, 4, QRect(0, 0, 1000, 0), 1000, m, true);
    QCOMPARE(g.image.size(), QSize(s.attachedImageSide, s.attachedImageSide / 2));
    const ChatRowLayout::Column column = ChatRowLayout::column(s, 1000);
    QCOMPARE(g.image.right(), column.left + column.width - 1); // under the user's bubble
    QVERIFY(find(g, Action::OpenImage));                       // a click shows it whole
    // Smaller than a thumbnail: as it is.
    m.natural = QSize(40, 30);
    g = ChatRowLayout::layout(s, attached, 4, QRect(0, 0, 1000, 0), 1000, m, true);
    QCOMPARE(g.image.size(), QSize(40, 30));
    // An image of the answer keeps its size.
    ChatItem answer = attached;
    answer.entry = 3;
    m.natural = QSize(2048, 1024);
    g = ChatRowLayout::layout(s, answer, 4, QRect(0, 0, 1000, 0), 1000, m, true);
    QCOMPARE(g.image.size(), QSize(s.maxImageWidth, s.maxImageWidth / 2));
    QCOMPARE(g.image.left(), column.left);
}

void TestChatRowLayout::noticeRow_retryDetailsAndTheDetailsBlock() {
    const ChatStyle &s = m_style;
    FakeMeasures m;
    ChatItem notice = item(Kind::Notice, u"n"_s, u"The request failed."_s);
    notice.state = State::Failed;
    notice.retryable = true;
    notice.detail = u"Try again in a moment."_s;
    notice.requestId = u"req-42"_s; // in the details behind the Details button
    ChatRowGeometry g = ChatRowLayout::layout(s, notice, 5, QRect(0, 0, 900, 0), 900, m, true);
    QVERIFY(!g.noticeTitle.isNull());
    QVERIFY(g.noticeHint.top() > g.noticeTitle.bottom());
    QCOMPARE(g.noticeTitle.left(), g.card.left() + s.cardPadding + s.iconSize + s.noticeIconGap);
    const ChatHit *retry = find(g, Action::Retry);
    const ChatHit *details = find(g, Action::ToggleDetails);
    QVERIFY(retry && details);
    QCOMPARE(details->rect.left(), retry->rect.right() + 1 + s.sectionSpacing);
    QCOMPARE(retry->rect.height(), s.buttonHeight);
    QVERIFY(g.detailsBlock.isNull());

    m.expanded.insert(u"n"_s);
    const ChatRowGeometry open =
        ChatRowLayout::layout(s, notice, 5, QRect(0, 0, 900, 0), 900, m, true);
    QCOMPARE(open.detailsBlock.height(), qCeil(m.plainHeight) + 2 * s.blockPadding);
    QVERIFY(open.card.contains(open.detailsBlock));
    QCOMPARE(open.buttons.first().action, Action::CopyDetails);
    QVERIFY(open.row.height() > g.row.height());
}

void TestChatRowLayout::citationChips_wrapAndOnlyLinksAreTargets() {
    const ChatStyle &s = m_style;
    FakeMeasures m;
    ChatItem answer = item(Kind::Assistant, u"a"_s, u"Sources below."_s);
    for (int i = 0; i < 6; ++i)
        answer.citations.append(Citation{u"A fairly long source title %1"_s.arg(i),
                                         i == 2 ? QString() : u"https://example.com/%1"_s.arg(i),
                                         {}});
    const ChatRowGeometry wide =
        ChatRowLayout::layout(s, answer, 1, QRect(0, 0, 1400, 0), 1400, m, true);
    const ChatRowGeometry narrow =
        ChatRowLayout::layout(s, answer, 1, QRect(0, 0, 400, 0), 400, m, true);
    QCOMPARE(wide.chips.size(), 6);
    QCOMPARE(narrow.chips.size(), 6);
    QCOMPARE(wide.chips.first().top(), wide.body.bottom() + 1 + s.chipSpacing);
    // Narrow: more lines of chips, each within the column.
    QVERIFY(narrow.chips.last().top()
            > wide.chips.last().top() - wide.chips.first().top() + narrow.chips.first().top());
    const auto column = ChatRowLayout::column(s, 400);
    for (const QRect &chip : narrow.chips) {
        QVERIFY(chip.left() >= column.left);
        QVERIFY(chip.right() < column.left + column.width);
        QVERIFY(chip.width() <= s.chipMaxWidth);
    }
    int links = 0;
    for (const ChatHit &hit : wide.buttons) {
        if (hit.action == Action::OpenCitation) {
            ++links;
            QVERIFY(hit.codeBlock != 2);
            QCOMPARE(hit.rect, wide.chips.at(hit.codeBlock));
        }
    }
    QCOMPARE(links, 5);
}

void TestChatRowLayout::turnGap_aboveUserMessagesAndTheFirstRow() {
    const ChatStyle &s = m_style;
    FakeMeasures m;
    const ChatItem answer = item(Kind::Assistant, u"a"_s, u"Text."_s);
    const ChatRowGeometry first =
        ChatRowLayout::layout(s, answer, 0, QRect(0, 0, 900, 0), 900, m, false);
    const ChatRowGeometry later =
        ChatRowLayout::layout(s, answer, 7, QRect(0, 0, 900, 0), 900, m, false);
    QCOMPARE(first.body.top(), s.rowPadding + s.turnGap);
    QCOMPARE(later.body.top(), s.rowPadding);
    QCOMPARE(first.row.height() - later.row.height(), s.turnGap);
}

void TestChatRowLayout::rows_followTheirRectAndStayInside_data() {
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("width");
    for (const int width : {360, 1200}) {
        for (const Kind kind : {Kind::User, Kind::Assistant, Kind::Thinking, Kind::ToolRun,
                                Kind::Image, Kind::Notice}) {
            QTest::addRow("kind %d, %d px", int(kind), width) << int(kind) << width;
        }
    }
}

void TestChatRowLayout::rows_followTheirRectAndStayInside() {
    QFETCH(int, kind);
    QFETCH(int, width);
    FakeMeasures m;
    m.expanded.insert(u"k"_s);
    m.natural = QSize(800, 600);
    m.image = ChatRowMeasures::ImageState::Ready;
    ChatItem i = item(Kind(kind), u"k"_s, u"Some text for the row."_s);
    i.toolName = u"tool"_s;
    i.toolArguments = u"{}"_s;
    i.toolResult = u"ok"_s;
    i.hasToolResult = true;
    i.retryable = true;
    i.detail = u"A hint."_s;
    i.answerEnd = Kind(kind) != Kind::User;
    i.citations = {Citation{u"Source"_s, u"https://example.com"_s, {}}};
    const ChatRowGeometry atTop =
        ChatRowLayout::layout(m_style, i, 1, QRect(0, 0, width, 0), width, m, true);
    const ChatRowGeometry lower =
        ChatRowLayout::layout(m_style, i, 1, QRect(0, 250, width, 0), width, m, true);
    QVERIFY(atTop.row.height() > 0);
    QCOMPARE(lower.row, atTop.row.translated(0, 250));
    QCOMPARE(lower.body, atTop.body.translated(0, 250));
    QCOMPARE(lower.buttons.size(), atTop.buttons.size());
    for (int b = 0; b < atTop.buttons.size(); ++b)
        QCOMPARE(lower.buttons.at(b).rect, atTop.buttons.at(b).rect.translated(0, 250));
    QVERIFY(allInside(atTop));
    const auto column = ChatRowLayout::column(m_style, width);
    QVERIFY(atTop.body.left() >= column.left);
    QVERIFY(atTop.body.right() < column.left + column.width);
    // Sizing and painting agree on the height.
    QCOMPARE(
        ChatRowLayout::layout(m_style, i, 1, QRect(0, 0, width, 0), width, m, false).row.height(),
        atTop.row.height());
}

QTEST_MAIN(TestChatRowLayout)
#include "tst_chatrowlayout.moc"
