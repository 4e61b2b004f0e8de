// SPDX-License-Identifier: GPL-3.0-or-later
// Citation chips under an answer: the emulator's `cite` answer (a hosted web search whose final
// message has tool_reference and reference chunks) goes through a real chat session into the
// chat view, which lays the sources out as chips; a click goes through the link policy and the
// confirmation that shows the full address, never straight to the browser.
#include "core/net/ApiClient.h"
#include "core/services/ChatService.h"
#include "models/ChatSession.h"
#include "models/ConversationModel.h"
#include "ui/chat/ChatItemText.h"
#include "ui/chat/ChatView.h"

#include "support/EmulatorProcess.h"

#include <QHelpEvent>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using Action = ChatDelegate::Action;

namespace {

ChatEntry entry(const ChatMessage &message, qint64 id) {
    ChatEntry e;
    e.id = id;
    e.message = message;
    return e;
}

ContentChunk toolReference(const QString &title, const QString &url) {
    ContentChunk c;
    c.type = ContentChunk::Type::ToolReference;
    c.tool = u"web_search"_s;
    c.title = title;
    c.url = url;
    return c;
}

} // namespace

class TestCitationChips : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void emulatorCitations_becomeChipsInOrder();
    void chipClick_asksWithTheFullUrlThenOpens();
    void chipTooltip_showsTheFullUrl();
    void unsafeChip_isRefusedWithoutAsking();
    void referenceIdsOnly_giveOneChipThatOpensNothing();
    void libraryReference_namesTheDocumentAndOpensNothing();

private:
    int citedRow() const;
    void showEntries(const QList<ChatEntry> &entries);
    QRect chipRect(int row, int chip) const;
    void click(const QPoint &pos);

    Test::EmulatorProcess m_emulator;
    QNetworkAccessManager m_nam;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<ChatService> m_chat;
    std::unique_ptr<ConversationModel> m_model;
    std::unique_ptr<ChatSession> m_session;
    std::unique_ptr<ChatView> m_view;
    QList<QPair<ChatView::Prompt, QUrl>> m_asked;
    QList<QUrl> m_opened;
    bool m_answer = false;
};

void TestCitationChips::initTestCase() {
    QVERIFY2(m_emulator.start(u"cite-key-123456"_s), qPrintable(m_emulator.errorString()));
}

void TestCitationChips::init() {
    m_client = std::make_unique<ApiClient>(&m_nam);
    QVERIFY(m_client->setBaseUrl(m_emulator.baseUrl()));
    m_client->setApiKey(m_emulator.apiKey());
    m_chat = std::make_unique<ChatService>(m_client.get());
    m_model = std::make_unique<ConversationModel>();
    m_session = std::make_unique<ChatSession>(m_chat.get(), m_model.get());
    m_session->setTarget(ChatSession::TargetKind::Model, u"mistral-small-latest"_s);
    m_view = std::make_unique<ChatView>();
    m_asked.clear();
    m_opened.clear();
    m_answer = false;
    m_view->setConfirmer(
        [this](ChatView::Prompt prompt, const QUrl &url, std::function<void(bool)> answer) {
            m_asked.append({prompt, url});
            answer(m_answer);
        });
    m_view->setUrlOpener([this](const QUrl &url) {
        m_opened.append(url);
        return true;
    });
    m_view->setModel(m_model.get());
    m_view->resize(900, 700);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestCitationChips::cleanup() {
    m_view.reset();
    m_session.reset();
    m_model.reset();
    m_chat.reset();
    m_client.reset();
}

int TestCitationChips::citedRow() const {
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (!m_model->item(row).citations.isEmpty())
            return row;
    }
    return -1;
}

void TestCitationChips::showEntries(const QList<ChatEntry> &entries) {
    m_model->setEntries(entries);
    m_view->doItemsLayout();
    m_view->viewport()->grab();
    QCoreApplication::processEvents();
    m_view->viewport()->grab();
}

QRect TestCitationChips::chipRect(int row, int chip) const {
    const QModelIndex index = m_model->index(row);
    const QList<QRect> rects = m_view->chatDelegate()->citationRects(row, m_view->visualRect(index),
                                                                     m_view->viewport()->width());
    return chip < rects.size() ? rects.at(chip) : QRect();
}

void TestCitationChips::click(const QPoint &pos) {
    QTest::mouseMove(m_view->viewport(), pos);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, pos);
}

void TestCitationChips::emulatorCitations_becomeChipsInOrder() {
    QVERIFY(m_session->send(u"Please cite your sources about the tramontane, rate 0"_s));
    QVERIFY(QTest::qWaitFor([this] { return !m_session->isBusy(); }, 20000));
    const ChatEntry &answer = m_model->entries().constLast();
    QCOMPARE(answer.status, ChatEntry::Status::Complete);

    // The answer carries the SDK's chunks: three tool_reference chunks and one reference.
    int toolReferences = 0;
    int references = 0;
    for (const ContentChunk &c : answer.message.content.chunks()) {
        toolReferences += c.type == ContentChunk::Type::ToolReference ? 1 : 0;
        references += c.type == ContentChunk::Type::Reference ? 1 : 0;
    }
    QCOMPARE(toolReferences, 3);
    QCOMPARE(references, 1);

    // The row that ends the answer has one citation per source (the reference ids name the
    // same sources, so they add no chip of their own).
    m_view->doItemsLayout();
    m_view->scrollToLatest();
    m_view->viewport()->grab();
    QCoreApplication::processEvents();
    const int row = citedRow();
    QVERIFY(row >= 0);
    const ChatItem &item = m_model->item(row);
    QCOMPARE(item.citations.size(), 3);
    QCOMPARE(item.citations.at(0).title, u"Tramontane (wind)"_s);
    QCOMPARE(item.citations.at(0).tool, u"web_search"_s);
    QVERIFY(item.citations.at(2).title.isEmpty());

    // Laid out inside the row, under the text, left to right, without overlapping.
    const QRect rowRect = m_view->visualRect(m_model->index(row));
    QRect previous;
    for (int i = 0; i < 3; ++i) {
        const QRect chip = chipRect(row, i);
        QVERIFY2(!chip.isEmpty(), qPrintable(QString::number(i)));
        QVERIFY(rowRect.contains(chip));
        if (i > 0) {
            QVERIFY(!chip.intersects(previous));
            QVERIFY(chip.top() > previous.top() || chip.left() > previous.right());
        }
        previous = chip;
    }
    // Numbered, titled, and the untitled source named by its host.
    QCOMPARE(ChatItemText::citationLabel(item.citations.at(0), 0), u"1  Tramontane (wind)"_s);
    QCOMPARE(ChatItemText::citationLabel(item.citations.at(2), 2), u"3  notes.example.net"_s);

    // The chips are painted: the chip area is not blank background.
    const QImage image = m_view->viewport()->grab().toImage();
    const QRect chip = chipRect(row, 0);
    int painted = 0;
    const QColor background = image.pixelColor(rowRect.right() - 2, chip.center().y());
    for (int x = chip.left(); x <= chip.right(); ++x)
        painted += image.pixelColor(x, chip.center().y()) != background ? 1 : 0;
    QVERIFY2(painted > chip.width() / 4, qPrintable(QString::number(painted)));
}

void TestCitationChips::chipClick_asksWithTheFullUrlThenOpens() {
    const QString url = u"https://weather.example.com/articles/mediterranean-winds?x=1"_s;
    showEntries({entry(ChatMessage::user(u"Sources?"_s), 1),
                 entry(ChatMessage::assistant(MessageContent(QList<ContentChunk>{
                           ContentChunk::makeText(u"The tramontane is a northern wind."_s),
                           toolReference(u"Encyclopedia"_s, u"https://a.example.org/t"_s),
                           toolReference(u"Winds"_s, url)})),
                       2)});
    const int row = citedRow();
    QVERIFY(row >= 0);
    const QPoint second = chipRect(row, 1).center();
    QVERIFY(second.x() > 0);

    // The hit is the chip's, carrying its URL.
    QStyleOptionViewItem option;
    option.rect = m_view->visualRect(m_model->index(row));
    option.widget = m_view.get();
    const ChatDelegate::Hit hit =
        m_view->chatDelegate()->hitTest(option, m_model->index(row), second);
    QCOMPARE(hit.action, Action::OpenCitation);
    QCOMPARE(hit.codeBlock, 1);
    QCOMPARE(hit.href, url);

    // Declined: asked once with the full address, nothing opened.
    QSignalSpy opened(m_view.get(), &ChatView::linkOpened);
    click(second);
    QCOMPARE(m_asked.size(), 1);
    QCOMPARE(m_asked.first().first, ChatView::Prompt::OpenLink);
    QCOMPARE(m_asked.first().second.toString(QUrl::FullyEncoded), url);
    QVERIFY(m_opened.isEmpty());

    // Accepted: exactly that address opens.
    m_answer = true;
    click(second);
    QCOMPARE(m_asked.size(), 2);
    QCOMPARE(m_opened.size(), 1);
    QCOMPARE(m_opened.first().toString(QUrl::FullyEncoded), url);
    QCOMPARE(opened.count(), 1);
}

void TestCitationChips::chipTooltip_showsTheFullUrl() {
    const QString url = u"https://a.example.org/wind?lang=en&page=2"_s;
    showEntries({entry(ChatMessage::user(u"Sources?"_s), 1),
                 entry(ChatMessage::assistant(MessageContent(
                           QList<ContentChunk>{ContentChunk::makeText(u"Answer."_s),
                                               toolReference(u"<b>Bold</b> title"_s, url)})),
                       2)});
    const int row = citedRow();
    QVERIFY(row >= 0);
    const QString tip = ChatItemText::citationToolTip(m_model->item(row).citations.first());
    QVERIFY2(tip.contains(url.toHtmlEscaped()), qPrintable(tip));
    QVERIFY2(tip.contains(u"&lt;b&gt;Bold"_s), qPrintable(tip)); // markup in a title is text

    // The view asks the delegate; the tooltip that shows is that one.
    const QPoint pos = chipRect(row, 0).center();
    QHelpEvent help(QEvent::ToolTip, pos, m_view->viewport()->mapToGlobal(pos));
    QStyleOptionViewItem option;
    option.rect = m_view->visualRect(m_model->index(row));
    option.widget = m_view.get();
    QVERIFY(m_view->chatDelegate()->helpEvent(&help, m_view.get(), option, m_model->index(row)));
    QTRY_COMPARE(QToolTip::text(), tip);
    QToolTip::hideText();
}

void TestCitationChips::unsafeChip_isRefusedWithoutAsking() {
    showEntries({entry(ChatMessage::user(u"Sources?"_s), 1),
                 entry(ChatMessage::assistant(MessageContent(QList<ContentChunk>{
                           ContentChunk::makeText(u"Answer."_s),
                           toolReference(u"Trap"_s, u"javascript:alert(1)"_s)})),
                       2)});
    const int row = citedRow();
    QVERIFY(row >= 0);
    m_answer = true;
    QSignalSpy refused(m_view.get(), &ChatView::linkRefused);
    click(chipRect(row, 0).center());
    QCOMPARE(refused.count(), 1);
    QVERIFY(m_asked.isEmpty());
    QVERIFY(m_opened.isEmpty());
    const auto boxes = m_view->findChildren<QWidget *>(u"linkRefusedMessageBox"_s);
    for (QWidget *box : boxes)
        box->close();
}

void TestCitationChips::referenceIdsOnly_giveOneChipThatOpensNothing() {
    ContentChunk reference;
    reference.type = ContentChunk::Type::Reference;
    reference.referenceIds = QJsonArray{1, 2};
    showEntries({entry(ChatMessage::user(u"Sources?"_s), 1),
                 entry(ChatMessage::assistant(MessageContent(QList<ContentChunk>{
                           ContentChunk::makeText(u"From your documents."_s), reference})),
                       2)});
    const int row = citedRow();
    QVERIFY(row >= 0);
    QCOMPARE(m_model->item(row).citations.size(), 1);
    const QRect chip = chipRect(row, 0);
    QVERIFY(!chip.isEmpty());
    QStyleOptionViewItem option;
    option.rect = m_view->visualRect(m_model->index(row));
    option.widget = m_view.get();
    QCOMPARE(m_view->chatDelegate()->hitTest(option, m_model->index(row), chip.center()).action,
             Action::None);
    click(chip.center());
    QVERIFY(m_asked.isEmpty());
    QVERIFY(m_opened.isEmpty());
}

void TestCitationChips::libraryReference_namesTheDocumentAndOpensNothing() {
    // A document_library search cites documents: a name and a passage, no address.
    ContentChunk document;
    document.type = ContentChunk::Type::ToolReference;
    document.tool = u"document_library"_s;
    document.title = u"wind-notes.txt"_s;
    document.description = u"The tramontane is a cold <dry> wind."_s;
    showEntries({entry(ChatMessage::user(u"What is it?"_s), 1),
                 entry(ChatMessage::assistant(MessageContent(QList<ContentChunk>{
                           ContentChunk::makeText(u"From your documents."_s), document})),
                       2)});
    const int row = citedRow();
    QVERIFY(row >= 0);
    const Citation citation = m_model->item(row).citations.first();
    QCOMPARE(ChatItemText::citationLabel(citation, 0), u"1  wind-notes.txt"_s);
    const QString tip = ChatItemText::citationToolTip(citation);
    QCOMPARE(tip, u"<p>wind-notes.txt<br>A document of your libraries<br>"
                  "<i>The tramontane is a cold &lt;dry&gt; wind.</i></p>"_s);
    const QRect chip = chipRect(row, 0);
    QVERIFY(!chip.isEmpty());
    QStyleOptionViewItem option;
    option.rect = m_view->visualRect(m_model->index(row));
    option.widget = m_view.get();
    QCOMPARE(m_view->chatDelegate()->hitTest(option, m_model->index(row), chip.center()).action,
             Action::None);
    click(chip.center());
    QVERIFY(m_asked.isEmpty());
    QVERIFY(m_opened.isEmpty());
}

QTEST_MAIN(TestCitationChips)
#include "tst_citationchips.moc"
