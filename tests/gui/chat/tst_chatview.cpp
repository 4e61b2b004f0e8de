// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeImageFetcher.h"
#include "models/ConversationModel.h"
#include "ui/chat/ChatItemText.h"
#include "ui/chat/ChatView.h"
#include "ui/chat/ImageRepository.h"

#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QFrame>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtMath>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using namespace Tramontane::Test;
using Kind = ChatItem::Kind;
using Action = ChatDelegate::Action;
using Status = ImageRepository::Status;

namespace {

const QColor kMarker(0x12, 0xc4, 0x7a); // no theme uses this green

ChatEntry userEntry(const QString &text, qint64 id) {
    ChatEntry e;
    e.id = id;
    e.message = ChatMessage::user(text);
    return e;
}

ChatEntry answerEntry(const MessageContent &content, qint64 id,
                      ChatEntry::Status status = ChatEntry::Status::Complete) {
    ChatEntry e;
    e.id = id;
    e.message = ChatMessage::assistant(content);
    e.status = status;
    return e;
}

ChatEntry imageAnswer(const QString &fileId, qint64 id) {
    return answerEntry(MessageContent(QList<ContentChunk>{
                           ContentChunk::makeText(u"Here it is."_s),
                           ContentChunk::makeToolFile(u"image_generation"_s, fileId)}),
                       id);
}

QList<ChatEntry> longChat(int messages, qint64 firstId = 1) {
    QList<ChatEntry> out;
    for (int i = 0; i < messages; ++i) {
        const qint64 id = firstId + i;
        if (i % 2 == 0)
            out << userEntry(u"Question number %1: how does this work?"_s.arg(id), id);
        else
            out << answerEntry(MessageContent(u"Answer %1.\n\nIt works like this: first one "
                                              "thing, then *another*, and finally a third "
                                              "thing that wraps onto a second line."_s.arg(id)),
                               id);
    }
    return out;
}

int countNear(const QImage &image, const QRect &area, const QColor &colour, int tolerance = 6) {
    int n = 0;
    const QRect r = area.intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y) {
        for (int x = r.left(); x <= r.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (qAbs(c.red() - colour.red()) <= tolerance
                && qAbs(c.green() - colour.green()) <= tolerance
                && qAbs(c.blue() - colour.blue()) <= tolerance)
                ++n;
        }
    }
    return n;
}

int countNotBackground(const QImage &image, const QRect &area, const QColor &background) {
    int n = 0;
    const QRect r = area.intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); y += 2) {
        for (int x = r.left(); x <= r.right(); x += 2)
            n += image.pixelColor(x, y) != background ? 1 : 0;
    }
    return n;
}

} // namespace

class TestChatView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void everyRowKind_paintsInItsRow();
    void rows_paintWhenTheViewSitsAtAnOffset();
    void imagePixels_reachTheViewport();
    void placeholderThenImage_keepsTheRowHeight();
    void failedImage_retryClickFetchesAgain();
    void toolCard_expandsOnClick();
    void untrustedCardText_showsDirectionControlsAsMarkers();
    void thinking_foldsAndUnfoldsOnClick();
    void noticeRetry_emitsRetryRequested();
    void lengthStop_offersContinue_emitsContinueRequested();
    void noticeDetails_showRawContent();
    void editOnUserMessage_emitsEditRequested();
    void footer_opensDetailsWithRequestId();
    void codeBlockCopy_putsTheCodeOnTheClipboard();
    void copyMessage_putsMarkdownOnTheClipboard();
    void copyLastAnswer_copiesTheLastAnswer();
    void ctrlC_copiesTheCurrentRow();
    void refusedLinks_neverOpen_data();
    void refusedLinks_neverOpen();
    void httpsLink_asksWithTheFullUrl();
    void loopbackHttpLink_asksWithAWarning();
    void remoteMarkdownImage_waitsForConsent();
    void newRows_keepTheViewAtTheBottom();
    void scrolledUp_staysAndJumpButtonReturns();
    void streamingRow_staysPinnedAndRepaintsOnlyWhatChanged();
    void keyboard_scrollsTheView();
    void tab_reachesEveryRowButtonAndEnterPressesIt();
    void scrollToUnmeasuredRows_staysThere();
    void longChat_laysOutOnlyVisibleRows();
    void rows_areNeverWidgets();
    void olderRowsPrepended_keepWhatTheUserReads();
    void nearTheTop_asksForOlderRows();
    void revealRow_scrollsToItAndHighlightsIt();
    void dragOverAnswer_copiesTheDraggedWords();
    void doubleClick_selectsAWord();
    void tripleClick_selectsTheParagraph();
    void selection_isPaintedWithTheHighlightColour();
    void escape_clearsTheSelection();
    void linksAndCodeCopy_keepTheirClicks();
    void streamingRow_keepsItsSelectionValid();
    void ibeam_showsOverText();
    void dragAcrossParagraphs_copiesBoth();
    void contextMenu_copiesTheSelection();
    void dragBelowTheViewport_scrollsAndSelectsOn();

private:
    ChatDelegate::TextArea textArea(int row);
    //! A point on the line at \a y (viewport) of row \a row whose text position is \a position.
    QPoint pointAtPosition(int row, qsizetype position, int y);
    QPoint target(int row, Action action, const QString &hrefPrefix = {});
    void click(const QPoint &pos);
    //! A double-click as a user makes it: it ends with the button released.
    void doubleClick(const QPoint &pos);
    void setEntries(const QList<ChatEntry> &entries);
    QImage grabViewport() { return m_view->viewport()->grab().toImage(); }
    int rowOf(Kind kind, int from = 0) const;

    std::unique_ptr<ConversationModel> m_model;
    std::unique_ptr<ChatView> m_view;
    std::shared_ptr<FakeImageFetcher> m_fetcher;
    QList<QUrl> m_opened;
};

void TestChatView::init() {
    m_model = std::make_unique<ConversationModel>();
    m_view = std::make_unique<ChatView>();
    m_fetcher = std::make_shared<FakeImageFetcher>();
    m_opened.clear();
    m_view->setImageFetcher(m_fetcher);
    m_view->setUrlOpener([this](const QUrl &url) {
        m_opened.append(url);
        return true;
    });
    m_view->setImageViewerEnabled(false);
    m_view->setModel(m_model.get());
    m_view->resize(900, 700);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestChatView::cleanup() {
    m_view.reset();
    m_model.reset();
    m_fetcher.reset();
}

void TestChatView::setEntries(const QList<ChatEntry> &entries) {
    m_model->setEntries(entries);
    // Lay out, paint (which measures), lay out with the measured heights.
    m_view->doItemsLayout();
    grabViewport();
    QCoreApplication::processEvents();
    grabViewport();
}

int TestChatView::rowOf(Kind kind, int from) const {
    for (int row = from; row < m_model->rowCount(); ++row) {
        if (m_model->item(row).kind == kind)
            return row;
    }
    return -1;
}

QPoint TestChatView::target(int row, Action action, const QString &hrefPrefix) {
    const QModelIndex index = m_model->index(row);
    QStyleOptionViewItem option;
    option.rect = m_view->visualRect(index);
    option.widget = m_view.get();
    for (int y = option.rect.top(); y <= option.rect.bottom(); y += 2) {
        for (int x = option.rect.left(); x <= option.rect.right(); x += 3) {
            const ChatDelegate::Hit hit =
                m_view->chatDelegate()->hitTest(option, index, QPoint(x, y));
            if (hit.action == action && hit.href.startsWith(hrefPrefix))
                return action == Action::OpenLink ? QPoint(x, y) : hit.rect.center();
        }
    }
    return {-1, -1};
}

ChatDelegate::TextArea TestChatView::textArea(int row) {
    const QModelIndex index = m_model->index(row);
    QStyleOptionViewItem option;
    option.rect = m_view->visualRect(index);
    option.widget = m_view.get();
    return m_view->chatDelegate()->textArea(option, index);
}

QPoint TestChatView::pointAtPosition(int row, qsizetype position, int y) {
    const ChatDelegate::TextArea text = textArea(row);
    if (!text.document)
        return {-1, -1};
    for (int x = qFloor(text.rect.left()); x <= qCeil(text.rect.right()); ++x) {
        const QPointF local = QPointF(x, y) - text.rect.topLeft();
        if (text.document->positionAt(local) == position)
            return {x, y};
    }
    return {-1, -1};
}

void TestChatView::doubleClick(const QPoint &pos) {
    QTest::mouseDClick(m_view->viewport(), Qt::LeftButton, {}, pos);
    QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, pos);
}

void TestChatView::click(const QPoint &pos) {
    QTest::mouseMove(m_view->viewport(), pos);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, pos);
}

// --- Painting ------------------------------------------------------------------------------

void TestChatView::everyRowKind_paintsInItsRow() {
    m_view->resize(900, 1600);
    m_fetcher->images.insert(u"f-1"_s, encodedImage({300, 200}, kMarker));
    ToolCall call;
    call.id = u"c1"_s;
    call.name = u"web_search"_s;
    call.arguments = u"{\"query\":\"weather in Lyon\"}"_s;
    ChatEntry callEntry = answerEntry(MessageContent(u""_s), 3);
    callEntry.message.toolCalls = {call};
    ChatEntry result;
    result.id = 4;
    result.message = ChatMessage::tool(u"c1"_s, MessageContent(u"{\"result\":\"sunny\"}"_s));
    const ContentChunk thinking = ContentChunk::fromJson(
        QJsonDocument::fromJson(
            R"({"type":"thinking","thinking":[{"type":"text","text":"Look it up."}]})")
            .object());
    ChatEntry failed = answerEntry(MessageContent(u""_s), 7, ChatEntry::Status::Failed);
    failed.error = ApiError::fromHttp(500, {}, "{\"message\":\"boom\"}");
    setEntries(
        {userEntry(u"What is the **weather**?"_s, 1),
         answerEntry(MessageContent(QList<ContentChunk>{
                         thinking, ContentChunk::makeText(u"| a | b |\n|---|---|\n| 1 | 2 |"_s)}),
                     2),
         callEntry, result, imageAnswer(u"f-1"_s, 5), userEntry(u"Again"_s, 6), failed});
    const QList<Kind> expected{Kind::User,      Kind::Thinking, Kind::Assistant, Kind::ToolRun,
                               Kind::Assistant, Kind::Image,    Kind::User,      Kind::Notice};
    QList<Kind> kinds;
    for (int row = 0; row < m_model->rowCount(); ++row)
        kinds << m_model->item(row).kind;
    QCOMPARE(kinds, expected);
    const QString imageKey = m_model->item(rowOf(Kind::Image)).image.key();
    QTRY_COMPARE(m_view->imageRepository()->status(imageKey), Status::Ready);
    QCoreApplication::processEvents();

    const QImage shot = grabViewport();
    const QColor background = m_view->viewport()->palette().color(QPalette::Base);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QRect rect = m_view->visualRect(m_model->index(row));
        QVERIFY2(rect.bottom() < shot.height(), qPrintable(u"row %1 off screen"_s.arg(row)));
        QVERIFY2(countNotBackground(shot, rect, background) > 20,
                 qPrintable(u"row %1 (%2) is blank"_s.arg(row).arg(int(kinds.at(row)))));
        // Rows follow each other without gaps or overlaps.
        if (row > 0) {
            QCOMPARE(rect.top(), m_view->visualRect(m_model->index(row - 1)).bottom() + 1);
        }
    }
}

void TestChatView::rows_paintWhenTheViewSitsAtAnOffset() {
    // In the app the view sits right of the history sidebar and below the header: painting
    // goes through the window's backing store, whose clip is in window coordinates.
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    layout->setContentsMargins(420, 160, 10, 10);
    m_view->setParent(&window);
    layout->addWidget(m_view.get());
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    setEntries({userEntry(u"A question that sits at the top right"_s, 1),
                answerEntry(MessageContent(u"An answer whose first words are at the left of "
                                           "the column, under the question."_s),
                            2)});
    const QImage shot = window.grab().toImage();
    const QColor background = m_view->viewport()->palette().color(QPalette::Base);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QRect rect = m_view->visualRect(m_model->index(row));
        // The left half and the right half of each row: one of them holds the text.
        const QRect inWindow(m_view->viewport()->mapTo(&window, rect.topLeft()), rect.size());
        const QRect left(inWindow.topLeft(), QSize(inWindow.width() / 2, inWindow.height()));
        const QRect right = inWindow.adjusted(inWindow.width() / 2, 0, 0, 0);
        const int kind = int(m_model->item(row).kind);
        QVERIFY2(countNotBackground(shot, kind == int(Kind::User) ? right : left, background) > 20,
                 qPrintable(u"row %1 (%2) is blank"_s.arg(row).arg(kind)));
    }
    m_view->setParent(nullptr); // the fixture owns it
}

void TestChatView::imagePixels_reachTheViewport() {
    m_fetcher->images.insert(u"f-1"_s, encodedImage({320, 240}, kMarker));
    setEntries({userEntry(u"Draw"_s, 1), imageAnswer(u"f-1"_s, 2)});
    const int row = rowOf(Kind::Image);
    const QRect rect = m_view->visualRect(m_model->index(row));
    QCOMPARE(countNear(grabViewport(), rect, kMarker), 0); // still loading
    QTRY_VERIFY(countNear(grabViewport(), m_view->visualRect(m_model->index(row)), kMarker)
                > 300 * 220);
}

void TestChatView::placeholderThenImage_keepsTheRowHeight() {
    m_fetcher->deferred = true;
    m_fetcher->images.insert(u"f-1"_s, encodedImage({400, 300}, kMarker));
    setEntries({userEntry(u"Draw"_s, 1), imageAnswer(u"f-1"_s, 2), userEntry(u"Thanks"_s, 3)});
    const int row = rowOf(Kind::Image);
    const QString key = m_model->item(row).image.key();
    ImageRepository *repo = m_view->imageRepository();
    QCOMPARE(repo->status(key), Status::Loading);
    const auto laidOutHeight = [&] {
        return m_view->visualRect(m_model->index(row + 1)).top()
               - m_view->visualRect(m_model->index(row)).top();
    };
    // Size unknown: the default square.
    QVERIFY(laidOutHeight() >= 512);

    m_fetcher->deliverAll();
    QCOMPARE(repo->status(key), Status::Loading); // bytes in, decode not delivered yet
    m_view->doItemsLayout();
    const int placeholder = laidOutHeight();
    QVERIFY(placeholder < 512);
    QVERIFY(placeholder >= 300);

    QTRY_COMPARE(repo->status(key), Status::Ready);
    QCoreApplication::processEvents();
    grabViewport();
    QCoreApplication::processEvents();
    QCOMPARE(laidOutHeight(), placeholder);

    // Evicted and shown again: a placeholder of the same size while it decodes again.
    repo->clearDecoded();
    grabViewport();
    QCOMPARE(laidOutHeight(), placeholder);
    QTRY_COMPARE(repo->status(key), Status::Ready);
    QCOMPARE(laidOutHeight(), placeholder);
    QCOMPARE(m_fetcher->requestsFor(u"f-1"_s), 1);
}

void TestChatView::failedImage_retryClickFetchesAgain() {
    m_fetcher->images.insert(u"f-1"_s, encodedImage({300, 200}, kMarker));
    m_fetcher->failing.insert(u"f-1"_s);
    setEntries({userEntry(u"Draw"_s, 1), imageAnswer(u"f-1"_s, 2)});
    const int row = rowOf(Kind::Image);
    const QString key = m_model->item(row).image.key();
    QTRY_COMPARE(m_view->imageRepository()->status(key), Status::Failed);
    QCoreApplication::processEvents();
    grabViewport();
    QCOMPARE(m_fetcher->requestsFor(u"f-1"_s), 1);
    const QPoint retry = target(row, Action::RetryImage);
    QVERIFY(retry.x() >= 0);
    m_fetcher->failing.clear();
    click(retry);
    QCOMPARE(m_fetcher->requestsFor(u"f-1"_s), 2);
    QTRY_COMPARE(m_view->imageRepository()->status(key), Status::Ready);
    QTRY_VERIFY(countNear(grabViewport(), m_view->visualRect(m_model->index(row)), kMarker) > 1000);
}

// --- Cards, notices, footers ----------------------------------------------------------------

void TestChatView::toolCard_expandsOnClick() {
    ToolCall call;
    call.id = u"c1"_s;
    call.name = u"get_weather"_s;
    call.arguments = u"{\"city\":\"Lyon\",\"unit\":\"celsius\"}"_s;
    ChatEntry callEntry = answerEntry(MessageContent(u""_s), 2);
    callEntry.message.toolCalls = {call};
    ChatEntry result;
    result.id = 3;
    result.message = ChatMessage::tool(u"c1"_s, MessageContent(u"{\"temp\":21}"_s));
    setEntries({userEntry(u"Weather?"_s, 1), callEntry, result, userEntry(u"Next"_s, 4)});
    const int row = rowOf(Kind::ToolRun);
    const QString key = m_model->item(row).key;
    const int collapsed = m_view->visualRect(m_model->index(row)).height();
    QVERIFY(!m_model->isExpanded(key));
    click(target(row, Action::ToggleExpanded));
    QVERIFY(m_model->isExpanded(key));
    QTRY_VERIFY(m_view->visualRect(m_model->index(row + 1)).top()
                > m_view->visualRect(m_model->index(row)).top() + collapsed + 40);
    // The expanded card offers the arguments and the result, each with Copy.
    grabViewport();
    const QPoint copyArgs = target(row, Action::CopyToolArguments);
    QVERIFY(copyArgs.x() >= 0);
    click(copyArgs);
    QCOMPARE(QGuiApplication::clipboard()->text(), m_model->item(row).toolArguments);
    QVERIFY(target(row, Action::CopyToolResult).x() >= 0);
    click(target(row, Action::ToggleExpanded));
    QVERIFY(!m_model->isExpanded(key));
    QTRY_COMPARE(m_view->visualRect(m_model->index(row)).height(), collapsed);
}

void TestChatView::untrustedCardText_showsDirectionControlsAsMarkers() {
    // A right-to-left override would show "evil" reversed; the card shows the marker instead,
    // and Copy still gives the arguments exactly as the model sent them.
    ToolCall call;
    call.id = u"c1"_s;
    call.name = u"search"_s;
    call.arguments = u"{\"query\":\"\u202Elive\u202C now\"}"_s;
    ChatEntry callEntry = answerEntry(MessageContent(u""_s), 2);
    callEntry.message.toolCalls = {call};
    setEntries({userEntry(u"Search"_s, 1), callEntry, userEntry(u"Next"_s, 3)});
    const ChatItem &item = m_model->item(rowOf(Kind::ToolRun));
    QCOMPARE(ChatItemText::toolSummary(item), u"\u2039U+202E\u203Alive\u2039U+202C\u203A now"_s);

    Citation citation;
    citation.title = u"\u2067Bank\u2069 login"_s;
    citation.url = u"https://example.org/"_s;
    QCOMPARE(ChatItemText::citationLabel(citation, 0),
             u"1  \u2039U+2067\u203ABank\u2039U+2069\u203A login"_s);
    QVERIFY(!ChatItemText::citationToolTip(citation).contains(QChar(0x2067)));

    const int row = rowOf(Kind::ToolRun);
    click(target(row, Action::ToggleExpanded));
    grabViewport();
    click(target(row, Action::CopyToolArguments));
    QCOMPARE(QGuiApplication::clipboard()->text(), m_model->item(row).toolArguments);
    QVERIFY(QGuiApplication::clipboard()->text().contains(u"\u202Elive\u202C"_s));
}

void TestChatView::thinking_foldsAndUnfoldsOnClick() {
    const ContentChunk thinking = ContentChunk::fromJson(
        QJsonDocument::fromJson(R"({"type":"thinking","thinking":[{"type":"text","text":)"
                                R"("First consider A.\n\nThen B, then C, then D."}]})")
            .object());
    setEntries({userEntry(u"Hmm?"_s, 1),
                answerEntry(MessageContent(
                                QList<ContentChunk>{thinking, ContentChunk::makeText(u"Done."_s)}),
                            2)});
    const int row = rowOf(Kind::Thinking);
    const int folded = m_view->visualRect(m_model->index(row)).height();
    QVERIFY(folded < 50);
    click(target(row, Action::ToggleExpanded));
    QVERIFY(m_model->isExpanded(m_model->item(row).key));
    grabViewport();
    QTRY_VERIFY(m_view->visualRect(m_model->index(row)).height() > folded + 30);
}

void TestChatView::noticeRetry_emitsRetryRequested() {
    ChatEntry failed = answerEntry(MessageContent(u""_s), 2, ChatEntry::Status::Failed);
    failed.error = ApiError::fromHttp(503, {}, "{\"message\":\"overloaded\"}");
    setEntries({userEntry(u"Hi"_s, 1), failed});
    const int row = rowOf(Kind::Notice);
    QVERIFY(m_model->item(row).retryable);
    QSignalSpy retry(m_view.get(), &ChatView::retryRequested);
    click(target(row, Action::Retry));
    QCOMPARE(retry.count(), 1);
    QCOMPARE(retry.first().at(0).toInt(), 1);
}

void TestChatView::lengthStop_offersContinue_emitsContinueRequested() {
    ChatEntry cut = answerEntry(MessageContent(u"The rules are: first,"_s), 2);
    cut.stoppedForLength = true;
    setEntries({userEntry(u"Rules?"_s, 1), cut});
    const int row = rowOf(Kind::Notice);
    QVERIFY(m_model->item(row).continuable);
    QVERIFY(target(row, Action::Retry).x() < 0); // nothing failed: no Retry, no Details
    QVERIFY(target(row, Action::ToggleDetails).x() < 0);
    QSignalSpy continued(m_view.get(), &ChatView::continueRequested);
    click(target(row, Action::Continue));
    QCOMPARE(continued.count(), 1);
    QCOMPARE(continued.first().at(0).toInt(), 1);
    QVERIFY(m_view->rowActionNames(row).contains(u"Continue the answer"_s));
}

void TestChatView::noticeDetails_showRawContent() {
    const ContentChunk unknown = ContentChunk::fromJson(
        QJsonDocument::fromJson(R"({"type":"hologram","frames":3})").object());
    setEntries({userEntry(u"Hi"_s, 1), answerEntry(MessageContent(QList<ContentChunk>{unknown}), 2),
                userEntry(u"Next"_s, 3)});
    const int row = rowOf(Kind::Notice);
    QVERIFY(target(row, Action::Retry).x() < 0); // not retryable: no button
    const int before = m_view->visualRect(m_model->index(row)).height();
    click(target(row, Action::ToggleDetails));
    grabViewport();
    QTRY_VERIFY(m_view->visualRect(m_model->index(row)).height() > before + 30);
    grabViewport();
    click(target(row, Action::CopyDetails));
    QVERIFY(QGuiApplication::clipboard()->text().contains(u"hologram"_s));
}

void TestChatView::editOnUserMessage_emitsEditRequested() {
    setEntries({userEntry(u"Fix my typo"_s, 1), answerEntry(MessageContent(u"Sure."_s), 2)});
    QSignalSpy edit(m_view.get(), &ChatView::editRequested);
    const QPoint pos = target(0, Action::EditMessage);
    QVERIFY(pos.x() >= 0);
    click(pos);
    QCOMPARE(edit.count(), 1);
    QCOMPARE(edit.first().at(0).toInt(), 0);
}

void TestChatView::footer_opensDetailsWithRequestId() {
    ChatEntry answer = answerEntry(MessageContent(u"An answer."_s), 2);
    answer.requestId = u"req-4242-abcd"_s;
    answer.model = u"mistral-small-latest"_s;
    Usage usage;
    usage.promptTokens = 10;
    usage.completionTokens = 32;
    usage.totalTokens = 42;
    answer.usage = usage;
    setEntries({userEntry(u"Q"_s, 1), answer});
    const int row = 1;
    QVERIFY(m_model->item(row).answerEnd);
    // The footer names the model and the tokens; the request id waits in the details.
    const QString footer = ChatItemText::footerText(m_model->item(row));
    QVERIFY2(!footer.contains(u"req-4242"_s), qPrintable(footer));
    QVERIFY2(footer.startsWith(u"mistral-small-latest \u00B7 "_s), qPrintable(footer));
    click(target(row, Action::ShowAnswerDetails));
    QFrame *popup = nullptr;
    QTRY_VERIFY((popup = m_view->findChild<QFrame *>(u"answerDetailsFrame"_s)) != nullptr);
    QTRY_VERIFY(popup->isVisible());
    auto *id = popup->findChild<QLineEdit *>(u"requestIdLineEdit"_s);
    QVERIFY(id);
    QCOMPARE(id->text(), u"req-4242-abcd"_s);
    QVERIFY(id->isReadOnly());
    QCOMPARE(popup->findChild<QLabel *>(u"modelLabel"_s)->text(), u"mistral-small-latest"_s);
    QCOMPARE(popup->findChild<QLabel *>(u"totalTokensLabel"_s)->text(), QLocale().toString(42));
    popup->findChild<QToolButton *>(u"copyRequestIdToolButton"_s)->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), u"req-4242-abcd"_s);
    popup->close();
    QTRY_VERIFY(!m_view->findChild<QFrame *>(u"answerDetailsFrame"_s));

    // Without usage the token rows are hidden, not shown empty.
    ChatEntry bare = answerEntry(MessageContent(u"Another."_s), 2);
    bare.model = u"mistral-small-latest"_s;
    setEntries({userEntry(u"Q"_s, 1), bare});
    click(target(row, Action::ShowAnswerDetails));
    QTRY_VERIFY((popup = m_view->findChild<QFrame *>(u"answerDetailsFrame"_s)) != nullptr);
    QTRY_VERIFY(popup->isVisible());
    QVERIFY(popup->findChild<QLabel *>(u"modelLabel"_s)->isVisible());
    QVERIFY(!popup->findChild<QLabel *>(u"totalTokensLabel"_s)->isVisible());
    QVERIFY(!popup->findChild<QLineEdit *>(u"requestIdLineEdit"_s)->isVisible());
    popup->close();
}

void TestChatView::codeBlockCopy_putsTheCodeOnTheClipboard() {
    setEntries({userEntry(u"Code?"_s, 1),
                answerEntry(MessageContent(u"Like this:\n\n```python\nprint(\"hi\")\nx = 1\n```\n\n"
                                           u"Done."_s),
                            2)});
    QGuiApplication::clipboard()->clear();
    const QPoint pos = target(1, Action::CopyCode);
    QVERIFY(pos.x() >= 0);
    // The button shows when the pointer is over the message.
    const QRect button(pos - QPoint(20, 8), QSize(40, 16));
    const QImage before = grabViewport().copy(button);
    QTest::mouseMove(m_view->viewport(), pos + QPoint(-200, 20));
    QTRY_VERIFY(grabViewport().copy(button) != before);
    click(pos);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"print(\"hi\")\nx = 1"_s);
}

void TestChatView::copyMessage_putsMarkdownOnTheClipboard() {
    ChatEntry answer = answerEntry(MessageContent(u"Some **bold** answer."_s), 2);
    answer.model = u"m"_s;
    setEntries({userEntry(u"Q *one*"_s, 1), answer});
    click(target(1, Action::CopyMessage));
    QCOMPARE(QGuiApplication::clipboard()->text(), u"Some **bold** answer."_s);
    click(target(0, Action::CopyMessage));
    QCOMPARE(QGuiApplication::clipboard()->text(), u"Q *one*"_s);
}

void TestChatView::copyLastAnswer_copiesTheLastAnswer() {
    setEntries({userEntry(u"One"_s, 1), answerEntry(MessageContent(u"First answer."_s), 2),
                userEntry(u"Two"_s, 3), answerEntry(MessageContent(u"Second *answer*."_s), 4)});
    m_view->copyLastAnswer();
    QCOMPARE(QGuiApplication::clipboard()->text(), u"Second *answer*."_s);
}

void TestChatView::ctrlC_copiesTheCurrentRow() {
    setEntries({userEntry(u"One"_s, 1), answerEntry(MessageContent(u"First answer."_s), 2)});
    const QRect rect = m_view->visualRect(m_model->index(1));
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(m_view->currentIndex().row(), 1);
    QTest::keyClick(m_view.get(), Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"First answer."_s);
}

// --- Links ---------------------------------------------------------------------------------

void TestChatView::refusedLinks_neverOpen_data() {
    QTest::addColumn<QString>("href");
    QTest::newRow("javascript") << u"javascript:alert(1)"_s;
    QTest::newRow("file") << u"file:///etc/passwd"_s;
    QTest::newRow("plain http elsewhere") << u"http://example.com/login"_s;
    QTest::newRow("ftp") << u"ftp://example.com/x"_s;
}

void TestChatView::refusedLinks_neverOpen() {
    QFETCH(QString, href);
    int asked = 0;
    m_view->setConfirmer([&](ChatView::Prompt, const QUrl &, std::function<void(bool)> answer) {
        ++asked;
        answer(true);
    });
    setEntries({userEntry(u"Link?"_s, 1),
                answerEntry(MessageContent(u"Click [here](%1) now."_s.arg(href)), 2)});
    QSignalSpy refused(m_view.get(), &ChatView::linkRefused);
    const QPoint pos = target(1, Action::OpenLink);
    QVERIFY2(pos.x() >= 0, "the link is not in the rendered message");
    click(pos);
    QCOMPARE(refused.count(), 1);
    QCOMPARE(asked, 0);
    QVERIFY(m_opened.isEmpty());
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_view->findChild<QMessageBox *>(u"linkRefusedMessageBox"_s)) != nullptr);
    QVERIFY(box->informativeText().startsWith(href.left(5)));
    box->close();
}

void TestChatView::httpsLink_asksWithTheFullUrl() {
    const QString url = u"https://docs.example.org/guide/page?section=2&lang=en#anchor"_s;
    setEntries({userEntry(u"Docs?"_s, 1),
                answerEntry(MessageContent(u"See [the guide](%1)."_s.arg(url)), 2)});
    QSignalSpy opened(m_view.get(), &ChatView::linkOpened);
    const QPoint pos = target(1, Action::OpenLink);
    QVERIFY(pos.x() >= 0);

    // The real confirmation box, answered No: nothing opens.
    click(pos);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_view->findChild<QMessageBox *>(u"linkConfirmMessageBox"_s)) != nullptr);
    QTRY_VERIFY(box->isVisible());
    QCOMPARE(box->informativeText(), url);
    box->button(QMessageBox::No)->click();
    QTRY_VERIFY(m_view->findChild<QMessageBox *>(u"linkConfirmMessageBox"_s) == nullptr);
    QVERIFY(m_opened.isEmpty());
    QCOMPARE(opened.count(), 0);

    // Answered Yes: exactly that URL opens.
    click(pos);
    QTRY_VERIFY((box = m_view->findChild<QMessageBox *>(u"linkConfirmMessageBox"_s)) != nullptr);
    box->button(QMessageBox::Yes)->click();
    QTRY_COMPARE(m_opened.size(), 1);
    QCOMPARE(m_opened.first().toString(QUrl::FullyEncoded), url);
    QCOMPARE(opened.count(), 1);
}

void TestChatView::loopbackHttpLink_asksWithAWarning() {
    QList<ChatView::Prompt> prompts;
    m_view->setConfirmer(
        [&](ChatView::Prompt prompt, const QUrl &, std::function<void(bool)> answer) {
            prompts << prompt;
            answer(true);
        });
    setEntries({userEntry(u"Local?"_s, 1),
                answerEntry(MessageContent(u"Open [the app](http://127.0.0.1:8080/x)."_s), 2)});
    click(target(1, Action::OpenLink));
    QCOMPARE(prompts, QList<ChatView::Prompt>{ChatView::Prompt::OpenLoopbackLink});
    QCOMPARE(m_opened.size(), 1);
    QCOMPARE(m_opened.first().host(), u"127.0.0.1"_s);
}

void TestChatView::remoteMarkdownImage_waitsForConsent() {
    const QString url = u"https://charts.example.org/q3.png"_s;
    m_fetcher->images.insert(url, encodedImage({200, 120}, kMarker));
    bool consent = false;
    QList<QUrl> asked;
    m_view->setConfirmer(
        [&](ChatView::Prompt prompt, const QUrl &u, std::function<void(bool)> answer) {
            QCOMPARE(prompt, ChatView::Prompt::LoadRemoteImage);
            asked << u;
            answer(consent);
        });
    setEntries(
        {userEntry(u"Chart?"_s, 1),
         answerEntry(MessageContent(u"The chart:\n\n![q3 chart](%1)\n\nAs you see."_s.arg(url)),
                     2)});
    QCoreApplication::processEvents();
    QVERIFY(m_fetcher->requests.isEmpty());
    const QPoint pos = target(1, Action::OpenLink, u"tramontane-load-image:"_s);
    QVERIFY2(pos.x() >= 0, "no click-to-load placeholder");

    click(pos);
    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked.first().host(), u"charts.example.org"_s);
    QCoreApplication::processEvents();
    QVERIFY(m_fetcher->requests.isEmpty());
    QVERIFY(m_opened.isEmpty());

    consent = true;
    click(pos);
    QCOMPARE(asked.size(), 2);
    QTRY_COMPARE(m_fetcher->requestsFor(url), 1);
    QCOMPARE(m_fetcher->requests.first().kind, ImageSource::Kind::HttpUrl);
    QTRY_VERIFY(countNear(grabViewport(), m_view->visualRect(m_model->index(1)), kMarker) > 2000);
    QVERIFY(m_opened.isEmpty());
}

// --- Scrolling -----------------------------------------------------------------------------

void TestChatView::newRows_keepTheViewAtTheBottom() {
    setEntries(longChat(120));
    QScrollBar *bar = m_view->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);
    QTRY_COMPARE(bar->value(), bar->maximum());
    QVERIFY(m_view->isPinnedToBottom());
    QVERIFY(!m_view->jumpToLatestButton()->isVisible());
    const int before = bar->maximum();
    for (const ChatEntry &e : longChat(6, 1000))
        m_model->appendEntry(e);
    QTRY_VERIFY(bar->maximum() > before);
    QTRY_COMPARE(bar->value(), bar->maximum());
    // The newest row is the one on screen.
    const QRect last = m_view->visualRect(m_model->index(m_model->rowCount() - 1));
    QVERIFY(last.bottom() <= m_view->viewport()->height());
    QVERIFY(last.bottom() > m_view->viewport()->height() - 40);
}

void TestChatView::tab_reachesEveryRowButtonAndEnterPressesIt() {
    ChatEntry answer =
        answerEntry(MessageContent(u"Here it is:\n\n```sh\necho tab-reached\n```\n\nDone."_s), 2);
    answer.model = u"mistral-small-latest"_s;
    setEntries({userEntry(u"A command?"_s, 1), answer});
    m_view->setFocus(Qt::OtherFocusReason);
    QVERIFY(m_view->hasFocus());
    QCOMPARE(m_view->keyboardRow(), -1);

    // Tab walks the buttons on screen in reading order: the question's, then the answer's.
    QList<Action> reached;
    for (int i = 0; i < 12 && (i == 0 || m_view->keyboardRow() >= 0); ++i) {
        QTest::keyClick(m_view.get(), Qt::Key_Tab);
        if (m_view->keyboardRow() >= 0) {
            reached << m_view->keyboardTarget().action;
            // Each one says what it does, for a screen reader.
            QVERIFY(!m_view->accessibleDescription().isEmpty());
        }
    }
    QVERIFY2(reached.contains(Action::EditMessage), qPrintable(QString::number(reached.size())));
    QVERIFY(reached.contains(Action::CopyCode));
    QVERIFY(reached.contains(Action::ShowAnswerDetails));
    QCOMPARE(m_view->keyboardRow(), -1); // past the last one, Tab leaves the buttons

    // Shift+Tab comes back to the last one; Enter presses the code block's Copy.
    while (m_view->keyboardTarget().action != Action::CopyCode || m_view->keyboardRow() < 0) {
        QTest::keyClick(m_view.get(), Qt::Key_Backtab, Qt::ShiftModifier);
        QVERIFY(m_view->keyboardRow() >= 0);
    }
    // The focused button is drawn with a ring in the highlight colour.
    m_view->setFocus();
    const QImage shot = grabViewport();
    const QRect ring = m_view->keyboardTarget().rect.adjusted(-3, -3, 3, 3);
    const QColor highlight = m_view->palette().color(QPalette::Highlight);
    int ringPixels = 0;
    for (int x = ring.left(); x <= ring.right(); ++x) {
        for (const int y : {ring.top(), ring.top() + 1, ring.bottom(), ring.bottom() - 1}) {
            const QColor c = shot.pixelColor(x, y);
            if (qAbs(c.red() - highlight.red()) < 40 && qAbs(c.green() - highlight.green()) < 40
                && qAbs(c.blue() - highlight.blue()) < 40)
                ++ringPixels;
        }
    }
    QVERIFY2(ringPixels > ring.width(), qPrintable(QString::number(ringPixels)));
    QTest::keyClick(m_view.get(), Qt::Key_Return);
    QCOMPARE(QGuiApplication::clipboard()->text().trimmed(), u"echo tab-reached"_s);
}

void TestChatView::scrolledUp_staysAndJumpButtonReturns() {
    setEntries(longChat(120));
    QScrollBar *bar = m_view->verticalScrollBar();
    QTRY_COMPARE(bar->value(), bar->maximum());
    QTest::keyClick(m_view.get(), Qt::Key_PageUp);
    QTest::keyClick(m_view.get(), Qt::Key_PageUp);
    QVERIFY(!m_view->isPinnedToBottom());
    QVERIFY(m_view->jumpToLatestButton()->isVisible());
    const int value = bar->value();
    const QModelIndex topRow = m_view->indexAt(QPoint(10, 0));
    const int before = bar->maximum();
    for (const ChatEntry &e : longChat(6, 1000))
        m_model->appendEntry(e);
    QTRY_VERIFY(bar->maximum() > before);
    grabViewport();
    QCoreApplication::processEvents();
    QCOMPARE(bar->value(), value);
    QCOMPARE(m_view->indexAt(QPoint(10, 0)), topRow);
    QVERIFY(!m_view->isPinnedToBottom());

    QTest::mouseClick(m_view->jumpToLatestButton(), Qt::LeftButton);
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(m_view->isPinnedToBottom());
    QVERIFY(!m_view->jumpToLatestButton()->isVisible());
}

void TestChatView::streamingRow_staysPinnedAndRepaintsOnlyWhatChanged() {
    setEntries(longChat(60));
    QScrollBar *bar = m_view->verticalScrollBar();
    QTRY_COMPARE(bar->value(), bar->maximum());
    const int index = m_model->appendEntry(userEntry(u"Stream please"_s, 500));
    Q_UNUSED(index)
    ChatEntry answer = answerEntry(MessageContent(u""_s), 501, ChatEntry::Status::Streaming);
    const int entry = m_model->appendEntry(answer);
    QString text;
    for (int i = 0; i < 30; ++i) {
        text += u"Token %1 and some more words. "_s.arg(i);
        if (i % 7 == 6)
            text += u"\n\n"_s;
        answer.message = ChatMessage::assistant(MessageContent(text));
        m_model->updateEntry(entry, answer);
        QCoreApplication::processEvents();
        grabViewport();
        QCoreApplication::processEvents();
        QCOMPARE(bar->value(), bar->maximum());
    }
    answer.status = ChatEntry::Status::Complete;
    answer.model = u"m"_s;
    m_model->updateEntry(entry, answer);
    QCoreApplication::processEvents();
    grabViewport();
    QTRY_COMPARE(bar->value(), bar->maximum());
    // Only the growing row was ever rendered as a stream.
    QVERIFY(m_view->chatDelegate()->documentCache().count() < 40);
}

void TestChatView::keyboard_scrollsTheView() {
    setEntries(longChat(120));
    QScrollBar *bar = m_view->verticalScrollBar();
    QTRY_COMPARE(bar->value(), bar->maximum());
    const int bottom = bar->value();
    QTest::keyClick(m_view.get(), Qt::Key_Up);
    QVERIFY(bar->value() < bottom);
    const int afterUp = bar->value();
    QTest::keyClick(m_view.get(), Qt::Key_PageUp);
    QVERIFY(bar->value() < afterUp - m_view->viewport()->height() / 2);
    QTest::keyClick(m_view.get(), Qt::Key_Home);
    QCOMPARE(bar->value(), 0);
    QTest::keyClick(m_view.get(), Qt::Key_PageDown);
    QVERIFY(bar->value() > m_view->viewport()->height() / 2);
    QTest::keyClick(m_view.get(), Qt::Key_Down);
    QTest::keyClick(m_view.get(), Qt::Key_End);
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(m_view->isPinnedToBottom());
}

void TestChatView::scrollToUnmeasuredRows_staysThere() {
    // Rows at the top were never measured: arriving there measures them, which must not
    // send the view back to the bottom it was pinned to.
    QList<ChatEntry> entries = longChat(400);
    for (int i = 1; i < 12; i += 2) {
        entries[i].message = ChatMessage::assistant(
            MessageContent(u"A table whose estimate is off:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
                           "| 3 | 4 |\n\n```\ncode\n```\n\n> quoted\n> text"_s));
    }
    setEntries(entries);
    QScrollBar *bar = m_view->verticalScrollBar();
    QTRY_COMPARE(bar->value(), bar->maximum());
    m_view->scrollToTop();
    QCOMPARE(bar->value(), 0);
    QVERIFY(!m_view->isPinnedToBottom());
    grabViewport();
    QCoreApplication::processEvents();
    QCOMPARE(bar->value(), 0);
    QCOMPARE(m_view->indexAt(QPoint(10, 5)).row(), 0);
    QVERIFY(m_view->jumpToLatestButton()->isVisible());
}

void TestChatView::longChat_laysOutOnlyVisibleRows() {
    setEntries(longChat(2000));
    QScrollBar *bar = m_view->verticalScrollBar();
    QTRY_COMPARE(bar->value(), bar->maximum());
    QVERIFY(m_model->rowCount() == 2000);
    const int built = m_view->chatDelegate()->documentCache().count();
    QVERIFY2(built > 0 && built < 60, qPrintable(QString::number(built)));
}

void TestChatView::rows_areNeverWidgets() {
    setEntries(longChat(40));
    const qsizetype widgets = m_view->findChildren<QWidget *>().size();
    for (const ChatEntry &e : longChat(40, 100))
        m_model->appendEntry(e);
    QCoreApplication::processEvents();
    grabViewport();
    QCOMPARE(m_view->findChildren<QWidget *>().size(), widgets);
    for (int row = 0; row < m_model->rowCount(); ++row)
        QVERIFY(!m_view->indexWidget(m_model->index(row)));
}

void TestChatView::olderRowsPrepended_keepWhatTheUserReads() {
    const QList<ChatEntry> all = longChat(160);
    setEntries(all.mid(80));
    QScrollBar *bar = m_view->verticalScrollBar();
    QTRY_COMPARE(bar->value(), bar->maximum());
    // Scrolled near the top, where the next older page is asked for.
    QTest::keyClick(m_view.get(), Qt::Key_Home);
    QTest::keyClick(m_view.get(), Qt::Key_Down);
    QVERIFY(!m_view->isPinnedToBottom());
    const QModelIndex top = m_view->indexAt(QPoint(m_view->viewport()->width() / 2, 0));
    const QString key = m_model->item(top.row()).key;
    const int offset = m_view->visualRect(top).top();

    m_model->prependEntries(all.mid(0, 80));
    QTRY_VERIFY(bar->value() > 0);
    grabViewport();
    QCoreApplication::processEvents();
    const QModelIndex now = m_view->indexAt(QPoint(m_view->viewport()->width() / 2, 0));
    QCOMPARE(m_model->item(now.row()).key, key); // the same message, not the oldest one
    QVERIFY(qAbs(m_view->visualRect(now).top() - offset) <= 2);
    QVERIFY(!m_view->isPinnedToBottom());
}

void TestChatView::nearTheTop_asksForOlderRows() {
    setEntries(longChat(120));
    QScrollBar *bar = m_view->verticalScrollBar();
    QTRY_COMPARE(bar->value(), bar->maximum());
    QSignalSpy wanted(m_view.get(), &ChatView::olderRowsWanted);
    // Far from the top: nothing is asked for.
    bar->setValue(bar->maximum() - m_view->viewport()->height());
    QCOMPARE(wanted.count(), 0);
    // Within half a screen of it: older rows are wanted.
    bar->setValue(m_view->viewport()->height() / 2);
    QVERIFY(wanted.count() >= 1);
}

void TestChatView::revealRow_scrollsToItAndHighlightsIt() {
    setEntries(longChat(120));
    QScrollBar *bar = m_view->verticalScrollBar();
    QTRY_COMPARE(bar->value(), bar->maximum());
    QCOMPARE(m_view->highlightedRow(), -1);
    const int row = 30;
    m_view->revealRow(row);
    QVERIFY(!m_view->isPinnedToBottom());
    QCOMPARE(m_view->highlightedRow(), row);
    const QRect rect = m_view->visualRect(m_model->index(row));
    QVERIFY(rect.top() >= 0 && rect.top() < m_view->viewport()->height() / 2);
    // The highlight is painted over the row, then fades away (the view stays where it is).
    const QPoint probe(rect.left() + 4, rect.center().y());
    const QImage highlighted = grabViewport();
    const int value = m_view->verticalScrollBar()->value();
    QTRY_COMPARE_WITH_TIMEOUT(m_view->highlightedRow(), -1, 5000);
    const QImage faded = grabViewport();
    QCOMPARE(m_view->verticalScrollBar()->value(), value);
    QVERIFY(highlighted.pixelColor(probe) != faded.pixelColor(probe));
}

// --- Text selection ------------------------------------------------------------------------

void TestChatView::dragOverAnswer_copiesTheDraggedWords() {
    setEntries({userEntry(u"Words?"_s, 1),
                answerEntry(MessageContent(u"Alpha bravo **charlie** delta echo."_s), 2)});
    const ChatDelegate::TextArea text = textArea(1);
    QVERIFY(text.document);
    QCOMPARE(text.document->toPlainText(), u"Alpha bravo charlie delta echo."_s);
    const int y = qRound(text.rect.top() + 8);
    const QPoint start(qCeil(text.rect.left()), y);
    const QPoint middle = pointAtPosition(1, 19, y); // after "charlie"
    QVERIFY(middle.x() > start.x());

    QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, start);
    QTest::mouseMove(m_view->viewport(), (start + middle) / 2);
    QTest::mouseMove(m_view->viewport(), middle);
    QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, middle);
    QVERIFY(m_view->hasTextSelection());
    QCOMPARE(m_view->selectedText(), u"Alpha bravo charlie"_s);
    QGuiApplication::clipboard()->clear();
    QTest::keyClick(m_view.get(), Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"Alpha bravo charlie"_s);

    // Dragging backwards selects the same way; a plain click drops the selection.
    const QPoint echo = pointAtPosition(1, 26, y); // before "echo"
    QVERIFY(echo.x() > middle.x());
    QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, echo);
    QTest::mouseMove(m_view->viewport(), middle);
    QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, middle);
    QCOMPARE(m_view->selectedText(), u" delta "_s);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, echo);
    QVERIFY(!m_view->hasTextSelection());
}

void TestChatView::doubleClick_selectsAWord() {
    setEntries({userEntry(u"Pick one word here"_s, 1),
                answerEntry(MessageContent(u"Alpha bravo charlie."_s), 2)});
    const ChatDelegate::TextArea answer = textArea(1);
    QVERIFY(answer.document);
    const QPoint inBravo = pointAtPosition(1, 8, qRound(answer.rect.top() + 8));
    QVERIFY(inBravo.x() >= 0);
    doubleClick(inBravo);
    QCOMPARE(m_view->selectedText(), u"bravo"_s);
    QTest::keyClick(m_view.get(), Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"bravo"_s);

    // In the user's bubble too; the answer's selection goes away.
    const ChatDelegate::TextArea user = textArea(0);
    QVERIFY(user.document);
    const QPoint inWord = pointAtPosition(0, 11, qRound(user.rect.top() + 8));
    QVERIFY(inWord.x() >= 0);
    doubleClick(inWord);
    QCOMPARE(m_view->selectedText(), u"word"_s);
    QCOMPARE(m_view->interaction().selectionKey, m_model->item(0).key);
}

void TestChatView::tripleClick_selectsTheParagraph() {
    setEntries({userEntry(u"Paragraphs?"_s, 1),
                answerEntry(MessageContent(u"First paragraph here.\n\nSecond one, longer than "
                                           u"the first.\n\nThird."_s),
                            2)});
    const ChatDelegate::TextArea text = textArea(1);
    QVERIFY(text.document);
    // A point inside "Second" on the second paragraph's line.
    const qsizetype second = text.document->toPlainText().indexOf(u"Second"_s);
    QPoint pos(-1, -1);
    for (int y = qRound(text.rect.top()); y < text.rect.bottom() && pos.x() < 0; y += 2) {
        pos = pointAtPosition(1, second + 2, y);
    }
    QVERIFY(pos.x() >= 0);
    doubleClick(pos);
    QCOMPARE(m_view->selectedText(), u"Second"_s);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, pos);
    QCOMPARE(m_view->selectedText(), u"Second one, longer than the first."_s);
}

void TestChatView::selection_isPaintedWithTheHighlightColour() {
    QPalette palette = m_view->palette();
    palette.setColor(QPalette::Highlight, kMarker);
    palette.setColor(QPalette::HighlightedText, Qt::white);
    m_view->setPalette(palette);
    setEntries({userEntry(u"Paint?"_s, 1),
                answerEntry(MessageContent(u"Alpha bravo charlie delta echo."_s), 2)});
    const ChatDelegate::TextArea text = textArea(1);
    QVERIFY(text.document);
    const QRect area = text.rect.toAlignedRect();
    QCOMPARE(countNear(grabViewport(), m_view->viewport()->rect(), kMarker), 0);

    const int y = qRound(text.rect.top() + 8);
    const QPoint from = pointAtPosition(1, 6, y); // "bravo charlie"
    const QPoint to = pointAtPosition(1, 19, y);
    QVERIFY(from.x() >= 0 && to.x() > from.x());
    QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, from);
    QTest::mouseMove(m_view->viewport(), to);
    QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, to);
    QCOMPARE(m_view->selectedText(), u"bravo charlie"_s);

    const QImage image = grabViewport();
    const QRect selected(from.x(), area.top(), to.x() - from.x(), area.height());
    const int inside = countNear(image, selected, kMarker);
    QVERIFY2(inside > selected.width() * 4, qPrintable(QString::number(inside)));
    // Only there: not before the selection, not after it, not in other rows.
    QCOMPARE(countNear(image,
                       QRect(area.left(), area.top(), from.x() - area.left() - 2, area.height()),
                       kMarker),
             0);
    // (A point maps to the nearest position: the selection ends at the right edge of the 'e'
    // of "charlie", past `to`, and before the point nearest to the position after the space.)
    const QPoint after = pointAtPosition(1, 20, y);
    const QPoint end = pointAtPosition(1, 31, y); // the end of the line
    QVERIFY(after.x() > to.x() && end.x() > after.x());
    QCOMPARE(
        countNear(image, QRect(after.x(), area.top(), end.x() - after.x(), area.height()), kMarker),
        0);
    QCOMPARE(countNear(image, m_view->visualRect(m_model->index(0)), kMarker), 0);

    QTest::keyClick(m_view.get(), Qt::Key_Escape);
    QCOMPARE(countNear(grabViewport(), m_view->viewport()->rect(), kMarker), 0);
}

void TestChatView::escape_clearsTheSelection() {
    setEntries({userEntry(u"One"_s, 1), answerEntry(MessageContent(u"First *answer* here."_s), 2)});
    const ChatDelegate::TextArea text = textArea(1);
    QVERIFY(text.document);
    const QPoint pos = pointAtPosition(1, 2, qRound(text.rect.top() + 8));
    QVERIFY(pos.x() >= 0);
    doubleClick(pos);
    QCOMPARE(m_view->currentIndex().row(), 1);
    QTest::keyClick(m_view.get(), Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"First"_s);
    QTest::keyClick(m_view.get(), Qt::Key_Escape);
    QVERIFY(!m_view->hasTextSelection());
    QTest::keyClick(m_view.get(), Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"First *answer* here."_s);
}

void TestChatView::linksAndCodeCopy_keepTheirClicks() {
    m_view->setConfirmer(
        [](ChatView::Prompt, const QUrl &, std::function<void(bool)> answer) { answer(true); });
    setEntries({userEntry(u"Both?"_s, 1),
                answerEntry(MessageContent(u"See [the guide](https://example.org/guide) now.\n\n"
                                           u"```sh\necho hi\n```\n\nDone."_s),
                            2)});
    const ChatDelegate::TextArea text = textArea(1);
    QVERIFY(text.document);
    const QPoint see = pointAtPosition(1, 1, qRound(text.rect.top() + 8));
    QVERIFY(see.x() >= 0);
    doubleClick(see);
    QCOMPARE(m_view->selectedText(), u"See"_s);

    // Pressing on a link opens it, and starts no selection.
    const QPoint link = target(1, Action::OpenLink);
    QVERIFY(link.x() >= 0);
    QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, link);
    QTest::mouseMove(m_view->viewport(), link + QPoint(30, 0));
    QVERIFY(!m_view->hasTextSelection());
    QTest::mouseMove(m_view->viewport(), link);
    QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, link);
    QVERIFY(!m_view->hasTextSelection());
    QCOMPARE(m_opened, QList<QUrl>{QUrl(u"https://example.org/guide"_s)});

    const QPoint copy = target(1, Action::CopyCode);
    QVERIFY(copy.x() >= 0);
    QGuiApplication::clipboard()->clear();
    click(copy);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"echo hi"_s);
    QVERIFY(!m_view->hasTextSelection());
}

void TestChatView::streamingRow_keepsItsSelectionValid() {
    setEntries({userEntry(u"Stream"_s, 1)});
    ChatEntry answer =
        answerEntry(MessageContent(u"Alpha bravo"_s), 2, ChatEntry::Status::Streaming);
    const int entry = m_model->appendEntry(answer);
    QCoreApplication::processEvents();
    grabViewport();
    const ChatDelegate::TextArea text = textArea(1);
    QVERIFY(text.document);
    const QPoint pos = pointAtPosition(1, 8, qRound(text.rect.top() + 8));
    QVERIFY(pos.x() >= 0);
    doubleClick(pos);
    QCOMPARE(m_view->selectedText(), u"bravo"_s);

    // The row grows, then is replaced by shorter text: the selection stays within the text.
    QString more = u"Alpha bravo"_s;
    for (int i = 0; i < 20; ++i) {
        more += u" more words %1"_s.arg(i);
        if (i % 5 == 4)
            more += u"\n\n"_s;
        answer.message = ChatMessage::assistant(MessageContent(more));
        m_model->updateEntry(entry, answer);
        QCoreApplication::processEvents();
        grabViewport();
        QCOMPARE(m_view->selectedText(), u"bravo"_s);
    }
    answer.message = ChatMessage::assistant(MessageContent(u"Alp"_s));
    answer.status = ChatEntry::Status::Complete;
    m_model->updateEntry(entry, answer);
    QCoreApplication::processEvents();
    grabViewport();
    QVERIFY(m_view->selectedText().size() <= 3);
    QTest::keyClick(m_view.get(), Qt::Key_C, Qt::ControlModifier);
}

void TestChatView::ibeam_showsOverText() {
    setEntries({userEntry(u"Cursor?"_s, 1),
                answerEntry(MessageContent(u"Some [link](https://example.org) text."_s), 2)});
    const ChatDelegate::TextArea text = textArea(1);
    QVERIFY(text.document);
    const QPoint word = pointAtPosition(1, 1, qRound(text.rect.top() + 8));
    QVERIFY(word.x() >= 0);
    QTest::mouseMove(m_view->viewport(), word);
    QTRY_COMPARE(m_view->viewport()->cursor().shape(), Qt::IBeamCursor);
    QTest::mouseMove(m_view->viewport(), target(1, Action::OpenLink));
    QTRY_COMPARE(m_view->viewport()->cursor().shape(), Qt::PointingHandCursor);
    QTest::mouseMove(m_view->viewport(), QPoint(2, qRound(text.rect.top() + 8)));
    QTRY_COMPARE(m_view->viewport()->cursor().shape(), Qt::ArrowCursor);
}

void TestChatView::dragAcrossParagraphs_copiesBoth() {
    setEntries({userEntry(u"Two?"_s, 1),
                answerEntry(MessageContent(u"First paragraph.\n\n- Second *item* here"_s), 2)});
    const ChatDelegate::TextArea text = textArea(1);
    QVERIFY(text.document);
    const QString plain = text.document->toPlainText();
    const qsizetype item = plain.indexOf(u"item"_s) + 4;
    QPoint to(-1, -1);
    for (int y = qRound(text.rect.bottom()) - 2; y > text.rect.top() && to.x() < 0; y -= 2)
        to = pointAtPosition(1, item, y);
    QVERIFY(to.x() >= 0);
    const QPoint from = pointAtPosition(1, 6, qRound(text.rect.top() + 8)); // "paragraph"
    QVERIFY(from.x() >= 0 && to.y() > from.y());
    QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, from);
    QTest::mouseMove(m_view->viewport(), to);
    QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, to);
    QCOMPARE(m_view->selectedText(), u"paragraph.\nSecond item"_s);
    // Dragging past the end of the text selects to its end.
    QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, from);
    QTest::mouseMove(m_view->viewport(), QPoint(from.x(), qRound(text.rect.bottom()) + 40));
    QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {},
                        QPoint(from.x(), qRound(text.rect.bottom()) + 40));
    QCOMPARE(m_view->selectedText(), u"paragraph.\nSecond item here"_s);
}

void TestChatView::contextMenu_copiesTheSelection() {
    setEntries({userEntry(u"Menu?"_s, 1), answerEntry(MessageContent(u"Alpha bravo."_s), 2)});
    const ChatDelegate::TextArea text = textArea(1);
    QVERIFY(text.document);
    const QPoint pos = pointAtPosition(1, 8, qRound(text.rect.top() + 8));
    QVERIFY(pos.x() >= 0);
    doubleClick(pos);
    QCOMPARE(m_view->selectedText(), u"bravo"_s);
    QGuiApplication::clipboard()->clear();

    // A right-click keeps the selection; the menu's Copy Selection copies it.
    QTest::mousePress(m_view->viewport(), Qt::RightButton, {}, pos);
    QTest::mouseRelease(m_view->viewport(), Qt::RightButton, {}, pos);
    bool enabled = false;
    bool found = false;
    QTimer::singleShot(0, this, [&] {
        auto *menu = m_view->findChild<QMenu *>(u"chatContextMenu"_s);
        if (!menu)
            return;
        found = true;
        auto *copy = menu->findChild<QAction *>(u"copySelectionAction"_s);
        if (copy) {
            enabled = copy->isEnabled();
            copy->trigger();
        }
        menu->close();
    });
    QContextMenuEvent event(QContextMenuEvent::Mouse, pos, m_view->viewport()->mapToGlobal(pos));
    QCoreApplication::sendEvent(m_view->viewport(), &event);
    QVERIFY(found);
    QVERIFY(enabled);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"bravo"_s);
}

void TestChatView::dragBelowTheViewport_scrollsAndSelectsOn() {
    m_view->resize(900, 300);
    QStringList lines;
    for (int i = 1; i <= 60; ++i)
        lines << u"Line %1 of a long answer."_s.arg(i);
    setEntries({userEntry(u"Long?"_s, 1), answerEntry(MessageContent(lines.join(u"\n\n"_s)), 2)});
    QScrollBar *bar = m_view->verticalScrollBar();
    bar->setValue(0);
    QCoreApplication::processEvents();
    grabViewport();
    const ChatDelegate::TextArea text = textArea(1);
    QVERIFY(text.document);
    QVERIFY(text.rect.bottom() > m_view->viewport()->height() * 3);
    const QPoint start(qCeil(text.rect.left()), qRound(text.rect.top() + 8));
    QVERIFY(start.y() > 0 && start.y() < m_view->viewport()->height());

    QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, start);
    const QPoint below(start.x() + 40, m_view->viewport()->height() + 60);
    QTest::mouseMove(m_view->viewport(), below);
    // The view scrolls on its own while the pointer stays below it, and the selection follows.
    QTRY_VERIFY(m_view->selectedText().contains(u"Line 30 of"_s));
    QVERIFY(bar->value() > 0);
    QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, below);
    const int scrolled = bar->value();
    QTest::qWait(100);
    QCOMPARE(bar->value(), scrolled); // stopped with the release
    QVERIFY(m_view->selectedText().startsWith(u"Line 1 of a long answer.\nLine 2"_s));
}

QTEST_MAIN(TestChatView)
#include "tst_chatview.moc"
