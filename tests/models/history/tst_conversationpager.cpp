// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/ConversationStore.h"
#include "models/ConversationModel.h"
#include "models/ConversationPager.h"
#include "models/StoreChatPersistence.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

QJsonObject text(const QString &role, const QString &content) {
    return QJsonObject{{u"role"_s, role}, {u"content"_s, content}};
}

QStringList keys(const ConversationModel &model) {
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.item(row).key;
    return out;
}

} // namespace

class TestConversationPager : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void open_showsNewestPageStartingAtUserMessage();
    void loadOlder_untilStart_givesSameRowsAsLoadingAll();
    void history_carriesMessagesNotLoaded();
    void revealMessage_loadsOlderPagesUntilFound();
    void pageWithoutUserMessage_isKeptWhole();
    void clear_forgetsConversation();
    void interruptedAnswer_reopensWithRetryNotice();

private:
    //! A conversation of \a turns turns: question, tool call, tool result, answer.
    qint64 createToolConversation(int turns);
    //! The rows and request history of the whole conversation loaded at once.
    QStringList referenceKeys(qint64 id) const;
    qsizetype referenceHistorySize(qint64 id) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ConversationStore> m_store;
};

void TestConversationPager::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    auto opened = ConversationStore::open(m_dir->path());
    QVERIFY2(opened.ok(), qPrintable(opened.error.message));
    m_store = std::move(opened.store);
}

void TestConversationPager::cleanup() {
    m_store.reset();
    m_dir.reset();
}

qint64 TestConversationPager::createToolConversation(int turns) {
    const qint64 id = m_store->createConversation()->id;
    for (int t = 0; t < turns; ++t) {
        const QString call = u"call%1"_s.arg(t);
        (void)m_store->appendUserMessage(id, text(u"user"_s, u"Question %1"_s.arg(t)));
        QJsonObject assistant = text(u"assistant"_s, QString());
        assistant.insert(
            u"tool_calls"_s,
            QJsonArray{QJsonObject{{u"id"_s, call},
                                   {u"type"_s, u"function"_s},
                                   {u"function"_s, QJsonObject{{u"name"_s, u"lookup"_s},
                                                               {u"arguments"_s, u"{}"_s}}}}});
        (void)m_store->appendMessage(id, assistant);
        QJsonObject result = text(u"tool"_s, u"result %1"_s.arg(t));
        result.insert(u"tool_call_id"_s, call);
        result.insert(u"name"_s, u"lookup"_s);
        (void)m_store->appendMessage(id, result);
        (void)m_store->appendMessage(id, text(u"assistant"_s, u"Answer %1"_s.arg(t)));
    }
    return id;
}

void TestConversationPager::open_showsNewestPageStartingAtUserMessage() {
    const qint64 id = createToolConversation(20); // 80 messages
    ConversationModel model;
    ConversationPager pager(m_store.get(), &model);
    pager.setPageSize(10);
    QVERIFY(pager.open(id));
    QCOMPARE(pager.conversationId(), id);
    QVERIFY(pager.hasOlder());
    // The newest 10 messages begin mid-turn; the page starts at the turn after.
    QCOMPARE(model.entryCount(), 8);
    QCOMPARE(model.entries().first().message.role, ChatMessage::Role::User);
    QCOMPARE(model.entries().first().message.content.plainText(), u"Question 18"_s);
    QCOMPARE(model.entries().last().message.content.plainText(), u"Answer 19"_s);
}

void TestConversationPager::loadOlder_untilStart_givesSameRowsAsLoadingAll() {
    const qint64 id = createToolConversation(12);
    ConversationModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ConversationPager pager(m_store.get(), &model);
    pager.setPageSize(7);
    QVERIFY(pager.open(id));
    QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    int pages = 0;
    while (pager.loadOlder() > 0)
        ++pages;
    QVERIFY(pages >= 5);
    QVERIFY(!pager.hasOlder());
    QCOMPARE(resets.count(), 0);
    for (const QList<QVariant> &args : std::as_const(inserted))
        QCOMPARE(args.at(1).toInt(), 0); // always at the top
    QCOMPARE(model.entryCount(), 48);
    QCOMPARE(keys(model), referenceKeys(id));
}

void TestConversationPager::history_carriesMessagesNotLoaded() {
    const qint64 id = createToolConversation(10);
    ConversationModel model;
    ConversationPager pager(m_store.get(), &model);
    pager.setPageSize(6);
    QVERIFY(pager.open(id));
    QVERIFY(model.entryCount() < 40);
    const QList<ChatMessage> history = model.history();
    QCOMPARE(history.size(), 40);
    QCOMPARE(history.first().content.plainText(), u"Question 0"_s);
    QCOMPARE(history.last().content.plainText(), u"Answer 9"_s);
    QCOMPARE(history.size(), referenceHistorySize(id));
}

void TestConversationPager::revealMessage_loadsOlderPagesUntilFound() {
    const qint64 id = createToolConversation(10);
    const qint64 other = createToolConversation(1);
    const qint64 third = m_store->messages(id)->at(2).id; // the first tool result
    ConversationModel model;
    ConversationPager pager(m_store.get(), &model);
    pager.setPageSize(5);
    QVERIFY(pager.open(id));
    QCOMPARE(pager.revealMessage(m_store->messages(other)->first().id), -1);
    const int entry = pager.revealMessage(third);
    QVERIFY(entry >= 0);
    QCOMPARE(model.entries().at(entry).id, third);
    QCOMPARE(pager.revealMessage(third), entry); // already loaded: no more pages
}

void TestConversationPager::pageWithoutUserMessage_isKeptWhole() {
    const qint64 id = m_store->createConversation()->id;
    QVERIFY(m_store->appendUserMessage(id, text(u"user"_s, u"Tell me a long story"_s)));
    for (int i = 0; i < 25; ++i)
        QVERIFY(m_store->appendMessage(id, text(u"assistant"_s, u"Part %1"_s.arg(i))));
    ConversationModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ConversationPager pager(m_store.get(), &model);
    pager.setPageSize(10);
    QVERIFY(pager.open(id));
    QCOMPARE(model.entryCount(), 10);
    QCOMPARE(model.entries().first().message.role, ChatMessage::Role::Assistant);
    while (pager.loadOlder() > 0) {
    }
    QCOMPARE(model.entryCount(), 26);
    QCOMPARE(keys(model), referenceKeys(id));
    // Rows of the answers are in the user's turn once it is loaded.
    QCOMPARE(model.item(model.rowCount() - 1).turn, 0);
}

void TestConversationPager::clear_forgetsConversation() {
    const qint64 id = createToolConversation(3);
    ConversationModel model;
    ConversationPager pager(m_store.get(), &model);
    pager.setPageSize(4);
    QVERIFY(pager.open(id));
    pager.clear();
    QCOMPARE(pager.conversationId(), 0);
    QVERIFY(!pager.hasOlder());
    QCOMPARE(model.entryCount(), 0);
    QCOMPARE(pager.loadOlder(), 0);
    QVERIFY(model.history().isEmpty());
}

void TestConversationPager::interruptedAnswer_reopensWithRetryNotice() {
    const qint64 id = m_store->createConversation()->id;
    QVERIFY(m_store->appendUserMessage(id, text(u"user"_s, u"Tell me"_s)));
    const auto answer = m_store->beginAssistantMessage(id, u"mistral-small-latest"_s);
    QVERIFY(answer);
    QVERIFY(m_store->updateStreamingMessage(answer->id, text(u"assistant"_s, u"Once upon"_s)));
    QVERIFY(m_store->finishMessage(answer->id, MessageStatus::Interrupted));
    ConversationModel model;
    ConversationPager pager(m_store.get(), &model);
    QVERIFY(pager.open(id));
    QCOMPARE(model.entries().at(1).status, ChatEntry::Status::Interrupted);
    QCOMPARE(model.item(1).text, u"Once upon"_s);
    QCOMPARE(model.item(2).kind, ChatItem::Kind::Notice);
    QVERIFY(model.item(2).retryable);
}

QStringList TestConversationPager::referenceKeys(qint64 id) const {
    ConversationModel model;
    model.setEntries(StoreChatPersistence::toEntries(m_store->messages(id).value()));
    return keys(model);
}

qsizetype TestConversationPager::referenceHistorySize(qint64 id) const {
    ConversationModel model;
    model.setEntries(StoreChatPersistence::toEntries(m_store->messages(id).value()));
    return model.history().size();
}

QTEST_GUILESS_MAIN(TestConversationPager)
#include "tst_conversationpager.moc"
