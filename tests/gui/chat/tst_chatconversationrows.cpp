// SPDX-License-Identifier: GPL-3.0-or-later
// Rows only the Conversations API produces, as the chat view paints them: the answer after a
// handoff under the new agent's name, and a file the code interpreter made (the emulator's CSV)
// offered with Save As…, downloaded only then, its bytes written as they came.
#include "FakeImageFetcher.h"
#include "core/net/ApiClient.h"
#include "core/protocol/ConversationAccumulator.h"
#include "core/protocol/ConversationMessages.h"
#include "core/services/ChatService.h"
#include "core/services/ConversationService.h"
#include "core/services/FileService.h"
#include "models/ChatSession.h"
#include "models/ConversationModel.h"
#include "models/ErrorPresenter.h"
#include "ui/chat/ChatItemText.h"
#include "ui/chat/ChatStyle.h"
#include "ui/chat/ChatView.h"

#include "support/EmulatorProcess.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using namespace Tramontane::Test;
using Kind = ChatItem::Kind;
using Action = ChatDelegate::Action;

namespace {

//! Files from the API, as the app's fetcher gets them (without its disk cache).
class FileServiceFetcher final : public ImageFetcher {
public:
    explicit FileServiceFetcher(FileService *files)
        : m_files(files) {}
    int fetches = 0;
    Cancel fetch(const ImageSource &source, QObject *context, Callback done) override {
        ++fetches;
        m_files->download(source.ref, context, [done](const ServiceResult<QByteArray> &result) {
            if (result.ok())
                done(*result.value, {});
            else
                done({}, ErrorPresenter::title(result.error));
        });
        return {};
    }

private:
    FileService *m_files;
};

ChatEntry entry(const ChatMessage &message, qint64 id) {
    ChatEntry e;
    e.id = id;
    e.message = message;
    return e;
}

} // namespace

class TestChatConversationRows : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void handoff_answerFooterPaintsTheNewAgentsName();
    void codeInterpreterCsv_isAChipThatSavesItsBytes();
    void generatedFile_failingDownload_saysWhyInOneSentence();

private:
    void setEntries(const QList<ChatEntry> &entries);
    QImage grabViewport() { return m_view->viewport()->grab().toImage(); }
    int rowOf(Kind kind) const;
    //! The target of \a action in row \a row (an empty rect when there is none).
    QRect targetRect(int row, Action action);
    void click(const QPoint &pos) {
        QTest::mouseMove(m_view->viewport(), pos);
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, pos);
    }

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

void TestChatConversationRows::codeInterpreterCsv_isAChipThatSavesItsBytes() {
    Test::EmulatorProcess emulator;
    QVERIFY2(emulator.start(u"rows-key-123456"_s, {u"--stream-rate"_s, u"0"_s}),
             qPrintable(emulator.errorString()));
    QNetworkAccessManager nam;
    ApiClient client(&nam);
    QVERIFY(client.setBaseUrl(emulator.baseUrl()));
    client.setApiKey(emulator.apiKey());
    ChatService chat(&client);
    ConversationService conversations(&client);
    FileService files(&client);
    auto fetcher = std::make_shared<FileServiceFetcher>(&files);
    m_view->setImageFetcher(fetcher);
    ChatSession session(&chat, m_model.get());
    session.setConversationService(&conversations);
    session.setTarget(ChatSession::TargetKind::Model, u"mistral-small-latest"_s);
    session.setTools({Tool::builtIn(Tool::Type::CodeInterpreter)});
    QVERIFY(session.send(u"Please calculate 4 5 6 as csv"_s));
    QVERIFY(QTest::qWaitFor([&session] { return !session.isBusy(); }, 20000));
    setEntries(m_model->entries());

    // The file is a chip in the answer: its name and type; nothing was downloaded for it.
    const int row = rowOf(Kind::Document);
    QVERIFY(row > 0);
    const ChatItem &item = m_model->item(row);
    QCOMPARE(item.text, u"numbers.csv"_s);
    QCOMPARE(item.detail, u"CSV"_s);
    QCOMPARE(item.image.kind, ImageSource::Kind::FileId);
    QCOMPARE(fetcher->fetches, 0);
    QVERIFY(m_view->rowActionNames(row).contains(u"Save the file"_s));
    // It is painted: the chip's frame and the button are in the row.
    const QRect save = targetRect(row, Action::SaveFile);
    QVERIFY(!save.isEmpty());
    const QImage shown = grabViewport();
    const QColor background = shown.pixelColor(m_view->viewport()->width() - 4, save.center().y());
    int inked = 0;
    for (int y = save.top(); y <= save.bottom(); ++y) {
        for (int x = save.left(); x <= save.right(); ++x)
            inked += shown.pixelColor(x, y) != background ? 1 : 0;
    }
    QVERIFY2(inked > save.width(), qPrintable(QString::number(inked))); // frame, icon, label

    // Save As… asks where, then downloads it (with the key) and writes the bytes as they came.
    QTemporaryDir dir;
    QString suggested;
    m_view->setSavePathChooser([&dir, &suggested](const QString &name) {
        suggested = name;
        return dir.filePath(u"saved.csv"_s);
    });
    QSignalSpy saved(m_view.get(), &ChatView::fileSaved);
    click(save.center());
    QTRY_COMPARE(saved.count(), 1);
    QCOMPARE(suggested, u"numbers.csv"_s);
    QCOMPARE(saved.first().at(0).toString(), dir.filePath(u"saved.csv"_s));
    QCOMPARE(fetcher->fetches, 1);
    QFile file(dir.filePath(u"saved.csv"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QCOMPARE(bytes, QByteArray("number\r\n4\r\n5\r\n6\r\nsum,15\r\n"));
    QNetworkRequest request(
        QUrl(emulator.baseUrl().toString() + u"/v1/files/"_s + item.image.ref + u"/content"_s));
    request.setRawHeader("Authorization", "Bearer " + emulator.apiKey().toUtf8());
    std::unique_ptr<QNetworkReply> reply(nam.get(request));
    QTRY_VERIFY(reply->isFinished());
    QCOMPARE(bytes, reply->readAll());

    // Cancelling the dialog saves nothing.
    m_view->setSavePathChooser([](const QString &) { return QString(); });
    click(save.center());
    QCoreApplication::processEvents();
    QCOMPARE(saved.count(), 1);
    m_view->setImageFetcher(m_fetcher);
}

void TestChatConversationRows::generatedFile_failingDownload_saysWhyInOneSentence() {
    const QString fileId = u"file_gone"_s;
    setEntries(
        {entry(ChatMessage::user(u"Make a script"_s), 1),
         entry(ChatMessage::assistant(MessageContent(QList<ContentChunk>{
                   ContentChunk::makeText(u"Here it is."_s),
                   ContentChunk::makeToolFile(u"code_interpreter"_s, fileId, u"script"_s, u"py"_s),
                   ContentChunk::makeToolFile(u"image_generation"_s, u"file_png"_s,
                                              u"image_generated_0"_s, u"png"_s)})),
               2)});
    const int row = rowOf(Kind::Document);
    QVERIFY(row > 0);
    QCOMPARE(m_model->item(row).text, u"script.py"_s);
    QCOMPARE(m_model->item(row).detail, u"PY"_s);
    QVERIFY(rowOf(Kind::Image) > row); // a picture stays a picture
    m_fetcher->failing.insert(fileId);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"script.py"_s);
    m_view->setSavePathChooser([&path](const QString &) { return path; });
    QSignalSpy failed(m_view.get(), &ChatView::fileSaveFailed);
    QSignalSpy saved(m_view.get(), &ChatView::fileSaved);
    click(targetRect(row, Action::SaveFile).center());
    QTRY_COMPARE(failed.count(), 1);
    const QString sentence = failed.first().at(0).toString();
    QVERIFY2(sentence.endsWith(u'.') && !sentence.contains(u'\n'), qPrintable(sentence));
    QCOMPARE(saved.count(), 0);
    QVERIFY(!QFile::exists(path));
}

QTEST_MAIN(TestChatConversationRows)
#include "tst_chatconversationrows.moc"
