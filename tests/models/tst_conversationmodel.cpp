// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/ConversationModel.h"
#include "models/ErrorPresenter.h"
#include "models/Roles.h"
#include "models/StoreChatPersistence.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using Kind = ChatItem::Kind;
using State = ChatItem::State;

namespace {

ChatEntry user(const QString &text, qint64 id) {
    ChatEntry e;
    e.id = id;
    e.message = ChatMessage::user(text);
    return e;
}

ChatEntry assistant(const MessageContent &content, qint64 id,
                    ChatEntry::Status status = ChatEntry::Status::Complete) {
    ChatEntry e;
    e.id = id;
    e.message = ChatMessage::assistant(content);
    e.status = status;
    return e;
}

QList<Kind> kinds(const ConversationModel &m) {
    QList<Kind> out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.item(r).kind;
    return out;
}

// The multi-message shape of a hosted image tool: call → result → answer with the image.
QList<ChatEntry> imageTurn(const ContentChunk &image) {
    ToolCall call;
    call.id = u"imgcall1"_s;
    call.name = u"generate_image"_s;
    call.arguments = u"{\"prompt\":\"orange cat\"}"_s;
    call.metadata = QJsonObject{{u"tool_type"_s, u"image"_s}};
    ChatEntry callEntry;
    callEntry.id = 2;
    callEntry.message = ChatMessage::assistant(u""_s, {call});
    ChatEntry result;
    result.id = 3;
    result.message = ChatMessage::tool(u"imgcall1"_s, u"{\"file_id\":\"f-1\"}"_s);
    ChatEntry answer = assistant(
        MessageContent(QList<ContentChunk>{ContentChunk::makeText(u"Here is your cat."_s), image}),
        4);
    answer.requestId = u"req-9"_s;
    answer.model = u"mistral-medium-latest"_s;
    return {user(u"Draw a cat"_s, 1), callEntry, result, answer};
}

} // namespace

class TestConversationModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void plainTurn_givesUserAndAnswer();
    void hostedImageTurn_givesCardTextAndOneImage_data();
    void hostedImageTurn_givesCardTextAndOneImage();
    void imageOnlyInToolResult_isShownAfterTheCard();
    void streaming_updatesOnlyTheGrowingRow();
    void toolCallWhileStreaming_isRunningUntilItsResult();
    void interruptedAnswer_keepsTextAndAddsRetryNotice();
    void failedAnswer_showsErrorSentence();
    void streamEndedBeforeAnything_speaksOfNoPartialAnswer();
    void notAStream_survivesTheStore();
    void unknownChunk_isShownAsNotice();
    void thinking_getsItsOwnRow();
    void truncate_removesRowsOfLaterEntries();
    void history_skipsEmptyFailedAnswers_andStripsIndex();
    void expanded_survivesUpdates();
    void history_sendsOnlyChunksRequestsAccept();
    void prepend_insertsRowsAtTopAndShiftsEntries();
    void prepend_intoTurnBegunInOlderPage_derivesTurnAgain();
    void prepend_keepsExpandedState();
    void history_includesEarlierEntriesNotLoaded();
};

void TestConversationModel::plainTurn_givesUserAndAnswer() {
    ConversationModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ChatEntry answer = assistant(u"**Paris**."_s, 2);
    answer.usage = Usage{10, 3, 13, {}};
    model.setEntries({user(u"Capital of France?"_s, 1), answer});
    QCOMPARE(kinds(model), (QList<Kind>{Kind::User, Kind::Assistant}));
    QCOMPARE(model.data(model.index(1), Roles::ItemTextRole).toString(), u"**Paris**."_s);
    QVERIFY(model.item(1).answerEnd);
    QCOMPARE(model.item(1).usage->totalTokens, 13);
    QCOMPARE(model.item(1).turn, 0);
}

void TestConversationModel::hostedImageTurn_givesCardTextAndOneImage_data() {
    QTest::addColumn<ContentChunk>("image");
    QTest::addColumn<int>("sourceKind");
    QTest::newRow("tool_file") << ContentChunk::makeToolFile(u"image_generation"_s, u"f-1"_s,
                                                             u"image_generated_0"_s, u"png"_s)
                               << int(ImageSource::Kind::FileId);
    QTest::newRow("https url") << ContentChunk::makeImageUrl(u"https://files.test/cat.png"_s)
                               << int(ImageSource::Kind::HttpUrl);
    QTest::newRow("data url") << ContentChunk::makeImageUrl(u"data:image/png;base64,iVBORw0K"_s)
                              << int(ImageSource::Kind::DataUrl);
}

void TestConversationModel::hostedImageTurn_givesCardTextAndOneImage() {
    QFETCH(ContentChunk, image);
    QFETCH(int, sourceKind);
    ConversationModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEntries(imageTurn(image));
    QCOMPARE(kinds(model), (QList<Kind>{Kind::User, Kind::ToolRun, Kind::Assistant, Kind::Image}));
    const ChatItem &card = model.item(1);
    QCOMPARE(card.toolName, u"generate_image"_s);
    QVERIFY(card.hosted);
    QVERIFY(card.hasToolResult);
    QCOMPARE(card.state, State::Complete);
    QVERIFY(card.toolArguments.contains(u"orange cat"_s));
    QCOMPARE(int(model.item(3).image.kind), sourceKind);
    QVERIFY(model.item(3).answerEnd);
    QCOMPARE(model.item(3).requestId, u"req-9"_s);
}

void TestConversationModel::imageOnlyInToolResult_isShownAfterTheCard() {
    QList<ChatEntry> entries = imageTurn(ContentChunk::makeText(u""_s));
    entries[2].message.content = MessageContent(u"{\"url\":\"https://files.test/a.png\"}"_s);
    entries[3].message.content = MessageContent(u"Done."_s);
    ConversationModel model;
    model.setEntries(entries);
    QCOMPARE(kinds(model), (QList<Kind>{Kind::User, Kind::ToolRun, Kind::Image, Kind::Assistant}));
    QCOMPARE(model.item(2).image.ref, u"https://files.test/a.png"_s);
}

void TestConversationModel::streaming_updatesOnlyTheGrowingRow() {
    ConversationModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEntries({user(u"Hi"_s, 1)});
    const int a = model.appendEntry(assistant(MessageContent(), 2, ChatEntry::Status::Streaming));
    QCOMPARE(model.rowCount(), 2); // an empty row says the answer is coming
    QCOMPARE(model.item(1).state, State::Streaming);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QString text;
    for (const QString &delta : {u"Hel"_s, u"lo"_s, u" there"_s}) {
        text += delta;
        model.updateEntry(a, assistant(text, 2, ChatEntry::Status::Streaming));
    }
    QCOMPARE(changed.count(), 3);
    for (const auto &args : changed) {
        QCOMPARE(args.at(0).toModelIndex().row(), 1);
        QCOMPARE(args.at(1).toModelIndex().row(), 1);
    }
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(removed.count(), 0);
    model.updateEntry(a, assistant(text, 2, ChatEntry::Status::Complete));
    QCOMPARE(model.item(1).state, State::Complete);
    QCOMPARE(model.item(1).text, u"Hello there"_s);
}

void TestConversationModel::toolCallWhileStreaming_isRunningUntilItsResult() {
    QList<ChatEntry> entries = imageTurn(ContentChunk::makeText(u"x"_s));
    ConversationModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    entries[1].status = ChatEntry::Status::Streaming;
    model.setEntries(entries.mid(0, 2));
    QCOMPARE(model.item(1).state, State::Running);
    QVERIFY(!model.item(1).hasToolResult);
    model.appendEntry(entries.at(2));
    QCOMPARE(model.item(1).state, State::Complete);
    QVERIFY(model.item(1).hasToolResult);
}

void TestConversationModel::interruptedAnswer_keepsTextAndAddsRetryNotice() {
    ConversationModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ChatEntry partial = assistant(u"The first half"_s, 2, ChatEntry::Status::Interrupted);
    partial.error = ApiError::streamInterrupted(ApiError::Context::Chat);
    model.setEntries({user(u"Tell me"_s, 1), partial});
    QCOMPARE(kinds(model), (QList<Kind>{Kind::User, Kind::Assistant, Kind::Notice}));
    QCOMPARE(model.item(1).text, u"The first half"_s);
    QCOMPARE(model.item(1).state, State::Interrupted);
    QVERIFY(model.item(2).retryable);
    QVERIFY(!model.item(2).text.isEmpty());
}

void TestConversationModel::failedAnswer_showsErrorSentence() {
    ConversationModel model;
    ChatEntry failed = assistant(MessageContent(), 2, ChatEntry::Status::Failed);
    failed.error =
        ApiError::fromHttp(401, {}, "{\"detail\":\"Invalid API Key\"}", ApiError::Context::Chat);
    model.setEntries({user(u"Hi"_s, 1), failed});
    QCOMPARE(kinds(model), (QList<Kind>{Kind::User, Kind::Notice}));
    QCOMPARE(model.item(1).text, ErrorPresenter::title(failed.error));
    QCOMPARE(model.item(1).detail, ErrorPresenter::hint(failed.error));
}

void TestConversationModel::streamEndedBeforeAnything_speaksOfNoPartialAnswer() {
    // The stream closed before its first event: the answer failed with nothing to keep.
    ConversationModel model;
    ChatEntry failed = assistant(MessageContent(), 2, ChatEntry::Status::Failed);
    failed.error = ApiError::streamInterrupted(ApiError::Context::Chat,
                                               u"the stream ended after 0 events without [DONE]"_s);
    model.setEntries({user(u"Hi"_s, 1), failed});
    QCOMPARE(kinds(model), (QList<Kind>{Kind::User, Kind::Notice}));
    const ChatItem &notice = model.item(1);
    QVERIFY(notice.retryable);
    QVERIFY2(!notice.text.contains(u"interrupted"_s), qPrintable(notice.text));
    QVERIFY2(!notice.detail.contains(u"partial"_s), qPrintable(notice.detail));
    QCOMPARE(notice.text, u"The connection ended before any answer arrived."_s);
}

void TestConversationModel::notAStream_survivesTheStore() {
    // A reopened conversation says the same as when the answer failed.
    const ApiError error =
        ApiError::notAStream(u"text/html; charset=utf-8"_s, ApiError::Context::Chat, u"HTTP 200"_s);
    const ApiError restored = StoreChatPersistence::restoreError(error.toJson());
    QCOMPARE(restored.kind(), ApiError::Kind::NotAStream);
    QCOMPARE(restored.contentType(), u"text/html"_s);
    QCOMPARE(ErrorPresenter::title(restored), ErrorPresenter::title(error));
}

void TestConversationModel::unknownChunk_isShownAsNotice() {
    ConversationModel model;
    const ContentChunk odd =
        ContentChunk::fromJson(QJsonObject{{u"type"_s, u"hologram"_s}, {u"data"_s, 1}});
    model.setEntries(
        {user(u"Hi"_s, 1),
         assistant(MessageContent(QList<ContentChunk>{ContentChunk::makeText(u"Look:"_s), odd}),
                   2)});
    QCOMPARE(kinds(model), (QList<Kind>{Kind::User, Kind::Assistant, Kind::Notice}));
    QVERIFY(model.item(2).text.contains(u"hologram"_s));
    QVERIFY(model.item(2).detail.contains(u"hologram"_s));
}

void TestConversationModel::thinking_getsItsOwnRow() {
    ContentChunk thinking;
    thinking.type = ContentChunk::Type::Thinking;
    thinking.thinking = {ContentChunk::makeText(u"Let me think."_s)};
    ConversationModel model;
    model.setEntries(
        {user(u"Hi"_s, 1), assistant(MessageContent(QList<ContentChunk>{
                                         thinking, ContentChunk::makeText(u"Answer"_s)}),
                                     2)});
    QCOMPARE(kinds(model), (QList<Kind>{Kind::User, Kind::Thinking, Kind::Assistant}));
    QCOMPARE(model.item(1).text, u"Let me think."_s);
}

void TestConversationModel::truncate_removesRowsOfLaterEntries() {
    ConversationModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEntries(
        {user(u"a"_s, 1), assistant(u"b"_s, 2), user(u"c"_s, 3), assistant(u"d"_s, 4)});
    model.truncateEntries(2);
    QCOMPARE(model.entryCount(), 2);
    QCOMPARE(model.rowCount(), 2);
    model.truncateEntries(1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.firstRowOfEntry(1), 1);
}

void TestConversationModel::history_skipsEmptyFailedAnswers_andStripsIndex() {
    ConversationModel model;
    ChatEntry failed = assistant(MessageContent(), 2, ChatEntry::Status::Failed);
    ChatEntry indexed = assistant(u"ok"_s, 4);
    indexed.message.index = 2;
    model.setEntries({user(u"a"_s, 1), failed, user(u"b"_s, 3), indexed});
    const QList<ChatMessage> h = model.history();
    QCOMPARE(h.size(), 3);
    QCOMPARE(h.at(1).content.plainText(), u"b"_s);
    QVERIFY(!h.at(2).index.has_value());
    QCOMPARE(model.history(2).size(), 1);
}

void TestConversationModel::expanded_survivesUpdates() {
    ConversationModel model;
    model.setEntries(imageTurn(ContentChunk::makeText(u"x"_s)));
    const QString key = model.item(1).key;
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setExpanded(key, true);
    QCOMPARE(changed.count(), 1);
    QVERIFY(model.data(model.index(1), Roles::ItemExpandedRole).toBool());
    model.updateEntry(3, model.entries().at(3));
    QVERIFY(model.data(model.index(1), Roles::ItemExpandedRole).toBool());
}

void TestConversationModel::history_sendsOnlyChunksRequestsAccept() {
    ConversationModel model;
    model.setEntries(imageTurn(
        ContentChunk::makeToolFile(u"image_generation"_s, u"f-1"_s, u"cat.png"_s, u"png"_s)));
    const QList<ChatMessage> h = model.history();
    QCOMPARE(h.size(), 4);
    QVERIFY(!h.at(1).toolCalls.first().toJson().contains(u"metadata"_s));
    const QJsonObject answer = h.at(3).toJson();
    const QByteArray json = QJsonDocument(answer).toJson(QJsonDocument::Compact);
    QVERIFY2(!json.contains("tool_file"), json.constData());
    QVERIFY2(json.contains("[generated image: cat.png]"), json.constData());
}

void TestConversationModel::prepend_insertsRowsAtTopAndShiftsEntries() {
    const QList<ChatEntry> all = {user(u"a"_s, 1), assistant(u"b"_s, 2), user(u"c"_s, 3),
                                  assistant(u"d"_s, 4)};
    ConversationModel whole;
    whole.setEntries(all);
    ConversationModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEntries(all.mid(2));
    QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.prependEntries(all.mid(0, 2));
    QCOMPARE(resets.count(), 0);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(inserted.first().at(2).toInt(), 1);
    QCOMPARE(model.entryCount(), 4);
    QCOMPARE(model.rowCount(), whole.rowCount());
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(model.item(row).key, whole.item(row).key);
        QCOMPARE(model.item(row).entry, whole.item(row).entry);
        QCOMPARE(model.item(row).turn, whole.item(row).turn);
    }
    QCOMPARE(model.firstRowOfEntry(2), 2);
    // Later updates address the shifted entries.
    model.updateEntry(3, assistant(u"d, longer"_s, 4));
    QCOMPARE(model.item(3).text, u"d, longer"_s);
}

void TestConversationModel::prepend_intoTurnBegunInOlderPage_derivesTurnAgain() {
    const QList<ChatEntry> all = imageTurn(ContentChunk::makeText(u"x"_s));
    ConversationModel whole;
    whole.setEntries(all);
    ConversationModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // The loaded page starts with the tool result: shown alone until its call is loaded.
    model.setEntries(all.mid(2));
    QCOMPARE(model.item(0).kind, Kind::ToolRun);
    model.prependEntries(all.mid(0, 2));
    QCOMPARE(kinds(model), kinds(whole));
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(model.item(row).key, whole.item(row).key);
        QCOMPARE(model.item(row).turn, 0);
    }
    QCOMPARE(model.item(1).toolName, u"generate_image"_s);
    QVERIFY(model.item(1).hasToolResult);
}

void TestConversationModel::prepend_keepsExpandedState() {
    const QList<ChatEntry> all = {user(u"a"_s, 1), assistant(u"b"_s, 2)};
    QList<ChatEntry> later = imageTurn(ContentChunk::makeText(u"x"_s));
    for (ChatEntry &e : later)
        e.id += 10;
    ConversationModel model;
    model.setEntries(later);
    const QString key = model.item(1).key;
    model.setExpanded(key, true);
    model.prependEntries(all);
    QCOMPARE(model.item(3).key, key);
    QVERIFY(model.data(model.index(3), Roles::ItemExpandedRole).toBool());
}

void TestConversationModel::history_includesEarlierEntriesNotLoaded() {
    ConversationModel model;
    int calls = 0;
    model.setEntries({user(u"c"_s, 3), assistant(u"d"_s, 4)}, [&calls] {
        ++calls;
        return QList<ChatEntry>{user(u"a"_s, 1),
                                assistant(MessageContent(), 2, ChatEntry::Status::Failed)};
    });
    QCOMPARE(calls, 0); // read only when a request needs it
    const QList<ChatMessage> h = model.history();
    QCOMPARE(calls, 1);
    QCOMPARE(h.size(), 3); // the empty failed answer is not history
    QCOMPARE(h.at(0).content.plainText(), u"a"_s);
    QCOMPARE(h.at(2).content.plainText(), u"d"_s);
    QCOMPARE(model.history(1).size(), 2);
    model.clear();
    QVERIFY(model.history().isEmpty());
}

QTEST_GUILESS_MAIN(TestConversationModel)
#include "tst_conversationmodel.moc"
