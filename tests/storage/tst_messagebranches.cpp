// SPDX-License-Identifier: GPL-3.0-or-later
// Versions of messages in the conversation store: a branch keeps the earlier messages as
// siblings, one path is visible (paging, requests, title), switching shows another, removing
// goes on through what is left; export and import keep every version; and a history written
// by schema version 2 (before versions) opens as one linear path with every message in order.
#include "core/storage/ConversationExporter.h"
#include "core/storage/ConversationStore.h"

#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

QJsonObject msg(const QString &role, const QString &text) {
    return {{u"role"_s, role}, {u"content"_s, text}};
}

QStringList texts(const QList<StoredMessage> &messages) {
    QStringList list;
    for (const StoredMessage &m : messages)
        list.append(m.message.value(u"content"_s).toString());
    return list;
}

} // namespace

class TestMessageBranches : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void branchFrom_keepsEarlierAnswer_asSibling();
    void editFirstMessage_newRootVersion_andTitleFollows();
    void selectBranch_showsThatVersion_andRemembersBelow();
    void pagingAndCount_seeOnlyThePath();
    void removeMessagesFrom_dropsSubtree_andPathGoesOnThroughTheRest();
    void search_findsHiddenVersions_markedOffPath();
    void exportJson_keepsAllVersions_markdownThePath();
    void importFormat1_isOneLinearPath();
    void openVersion2History_everyMessageSurvivesInOrder();
    void versionCounts_areIndexProbes();

private:
    std::unique_ptr<ConversationStore> openStore() {
        auto opened = ConversationStore::open(m_dir->path() + u"/profile"_s);
        if (!opened.ok())
            qWarning() << opened.error.detail;
        return std::move(opened.store);
    }
    //! user "q1", answer "a1", user "q2", answer "a2".
    qint64 fourMessages(ConversationStore &store) {
        const qint64 id = store.createConversation()->id;
        (void)store.appendUserMessage(id, msg(u"user"_s, u"q1"_s));
        (void)store.appendMessage(id, msg(u"assistant"_s, u"a1"_s));
        (void)store.appendUserMessage(id, msg(u"user"_s, u"q2"_s));
        (void)store.appendMessage(id, msg(u"assistant"_s, u"a2"_s));
        return id;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestMessageBranches::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestMessageBranches::branchFrom_keepsEarlierAnswer_asSibling() {
    auto store = openStore();
    QVERIFY(store);
    const qint64 id = fourMessages(*store);
    const auto before = store->messages(id);
    QCOMPARE(before->at(3).versionCount, 1);
    QCOMPARE(before->at(3).parentId, before->at(2).id);

    QCOMPARE(*store->branchFrom(id, before->at(3).position), 1);
    QCOMPARE(texts(*store->messages(id)), (QStringList{u"q1"_s, u"a1"_s, u"q2"_s}));
    QVERIFY(store->appendMessage(id, msg(u"assistant"_s, u"a2 again"_s)));

    const auto after = store->messages(id);
    QCOMPARE(texts(*after), (QStringList{u"q1"_s, u"a1"_s, u"q2"_s, u"a2 again"_s}));
    QCOMPARE(after->at(3).parentId, before->at(2).id);
    QCOMPARE(after->at(3).versionCount, 2);
    QCOMPARE(after->at(3).versionIndex, 1);
    // The earlier answer is still there, as the first version.
    const auto all = store->allMessages(id);
    QCOMPARE(all->size(), 5);
    const StoredMessage old = *store->message(before->at(3).id);
    QCOMPARE(old.message.value(u"content"_s).toString(), u"a2"_s);
    QVERIFY(!old.onPath);
    QVERIFY(!old.selected);
    QCOMPARE(old.versionIndex, 0);
    QCOMPARE(old.versionCount, 2);
}

void TestMessageBranches::editFirstMessage_newRootVersion_andTitleFollows() {
    auto store = openStore();
    QVERIFY(store);
    const qint64 id = fourMessages(*store);
    QCOMPARE(store->conversation(id)->title, u"q1"_s);
    QVERIFY(store->branchFrom(id, 0));
    QVERIFY(store->appendUserMessage(id, msg(u"user"_s, u"q1 edited"_s)));
    const auto path = store->messages(id);
    QCOMPARE(texts(*path), QStringList{u"q1 edited"_s});
    QCOMPARE(path->at(0).parentId, 0);
    QCOMPARE(path->at(0).versionCount, 2);
    QCOMPARE(store->conversation(id)->title, u"q1 edited"_s);

    // Back to the first version: its whole path comes back, and so does its title.
    const qint64 first = store->allMessages(id)->at(0).id;
    QSignalSpy changed(store.get(), &ConversationStore::branchChanged);
    QVERIFY(store->selectBranch(id, first));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(texts(*store->messages(id)), (QStringList{u"q1"_s, u"a1"_s, u"q2"_s, u"a2"_s}));
    QCOMPARE(store->conversation(id)->title, u"q1"_s);
}

void TestMessageBranches::selectBranch_showsThatVersion_andRemembersBelow() {
    auto store = openStore();
    QVERIFY(store);
    const qint64 id = fourMessages(*store);
    const auto original = *store->messages(id);
    // Regenerate a1 (a new a1' then q2' a2' below it), then regenerate a2' twice.
    QVERIFY(store->branchFrom(id, original.at(1).position));
    QVERIFY(store->appendMessage(id, msg(u"assistant"_s, u"a1'"_s)));
    QVERIFY(store->appendUserMessage(id, msg(u"user"_s, u"q2'"_s)));
    QVERIFY(store->appendMessage(id, msg(u"assistant"_s, u"a2' one"_s)));
    auto path = *store->messages(id);
    QVERIFY(store->branchFrom(id, path.at(3).position));
    QVERIFY(store->appendMessage(id, msg(u"assistant"_s, u"a2' two"_s)));
    path = *store->messages(id);
    QCOMPARE(path.at(3).versionCount, 2);

    // The first answer again: below it, q2 and a2 as they were.
    QVERIFY(store->selectBranch(id, original.at(1).id));
    QCOMPARE(texts(*store->messages(id)), (QStringList{u"q1"_s, u"a1"_s, u"q2"_s, u"a2"_s}));
    // And back: the second version comes with the answer last shown below it.
    QVERIFY(store->selectBranch(id, path.at(1).id));
    QCOMPARE(texts(*store->messages(id)), (QStringList{u"q1"_s, u"a1'"_s, u"q2'"_s, u"a2' two"_s}));
    // A message of another version deep down (a search hit): the path goes through it.
    QVERIFY(store->selectBranch(id, original.at(3).id));
    QCOMPARE(texts(*store->messages(id)), (QStringList{u"q1"_s, u"a1"_s, u"q2"_s, u"a2"_s}));
    // A message of another conversation is refused.
    const qint64 other = store->createConversation()->id;
    const auto refused = store->selectBranch(other, original.at(3).id);
    QVERIFY(!refused);
    QCOMPARE(refused.error().kind, StoreError::Kind::NotFound);
}

void TestMessageBranches::pagingAndCount_seeOnlyThePath() {
    auto store = openStore();
    QVERIFY(store);
    const qint64 id = fourMessages(*store);
    const auto original = *store->messages(id);
    QVERIFY(store->branchFrom(id, original.at(1).position));
    QVERIFY(store->appendMessage(id, msg(u"assistant"_s, u"b1"_s)));
    QCOMPARE(*store->messageCount(id), 2);
    QCOMPARE(texts(*store->newestMessages(id, 10)), (QStringList{u"q1"_s, u"b1"_s}));
    const auto path = *store->messages(id);
    QCOMPARE(texts(*store->messagesBefore(id, path.at(1).position, 10)), QStringList{u"q1"_s});
    QCOMPARE(texts(*store->messagesFrom(id, 0, 10)), (QStringList{u"q1"_s, u"b1"_s}));
}

void TestMessageBranches::removeMessagesFrom_dropsSubtree_andPathGoesOnThroughTheRest() {
    auto store = openStore();
    QVERIFY(store);
    const qint64 id = fourMessages(*store);
    const auto original = *store->messages(id);
    // Regenerate a2, and the new answer is dropped (stopped before anything arrived).
    QVERIFY(store->branchFrom(id, original.at(3).position));
    const auto placeholder = store->beginAssistantMessage(id);
    QVERIFY(placeholder);
    QCOMPARE(*store->removeMessagesFrom(id, placeholder->position), 1);
    // The earlier answer is shown again.
    QCOMPARE(texts(*store->messages(id)), (QStringList{u"q1"_s, u"a1"_s, u"q2"_s, u"a2"_s}));
    QVERIFY(store->message(original.at(3).id)->selected);

    // Removing from a1 takes a1 and everything after it, in every version below it, and
    // nothing of another branch.
    QVERIFY(store->branchFrom(id, original.at(3).position));
    QVERIFY(store->appendMessage(id, msg(u"assistant"_s, u"a2 again"_s)));
    QCOMPARE(*store->removeMessagesFrom(id, original.at(1).position), 4);
    QCOMPARE(texts(*store->allMessages(id)), QStringList{u"q1"_s});
}

void TestMessageBranches::search_findsHiddenVersions_markedOffPath() {
    auto store = openStore();
    QVERIFY(store);
    const qint64 id = store->createConversation()->id;
    (void)store->appendUserMessage(id, msg(u"user"_s, u"Where does the mistral blow?"_s));
    const auto old = store->appendMessage(id, msg(u"assistant"_s, u"Down the Rhone valley."_s));
    QVERIFY(store->branchFrom(id, old->position));
    QVERIFY(store->appendMessage(id, msg(u"assistant"_s, u"In Provence."_s)));
    const auto hits = store->search(u"rhone"_s);
    QCOMPARE(hits->size(), 1);
    QCOMPARE(hits->at(0).messageId, old->id);
    QVERIFY(!hits->at(0).onPath);
    QVERIFY(store->search(u"provence"_s)->at(0).onPath);
}

void TestMessageBranches::exportJson_keepsAllVersions_markdownThePath() {
    auto store = openStore();
    QVERIFY(store);
    const qint64 id = fourMessages(*store);
    const auto original = *store->messages(id);
    QVERIFY(store->branchFrom(id, original.at(2).position));
    QVERIFY(store->appendUserMessage(id, msg(u"user"_s, u"q2 edited"_s)));
    QVERIFY(store->appendMessage(id, msg(u"assistant"_s, u"a2 edited"_s)));

    const QString markdown =
        ConversationExporter::toMarkdown(*store->record(id), [](const QString &) { return u""_s; });
    QVERIFY(markdown.contains(u"q2 edited"_s));
    QVERIFY(!markdown.contains(u"\nq2\n"_s));
    QVERIFY(!markdown.contains(u"a2\n"_s));

    const QString file = m_dir->path() + u"/chat.json"_s;
    QVERIFY(store->exportJson(id, file));
    const auto imported = store->importJson(file);
    QVERIFY2(imported, qPrintable(imported.error().detail));
    QCOMPARE(texts(*store->messages(imported->id)),
             (QStringList{u"q1"_s, u"a1"_s, u"q2 edited"_s, u"a2 edited"_s}));
    QCOMPARE(store->allMessages(imported->id)->size(), 6);
    QCOMPARE(store->messages(imported->id)->at(2).versionCount, 2);
    // The earlier version comes back with its answer.
    const StoredMessage oldQ2 = store->allMessages(imported->id)->at(2);
    QCOMPARE(oldQ2.message.value(u"content"_s).toString(), u"q2"_s);
    QVERIFY(store->selectBranch(imported->id, oldQ2.id));
    QCOMPARE(texts(*store->messages(imported->id)),
             (QStringList{u"q1"_s, u"a1"_s, u"q2"_s, u"a2"_s}));
}

void TestMessageBranches::importFormat1_isOneLinearPath() {
    auto store = openStore();
    QVERIFY(store);
    const QByteArray format1 = R"({"format": "tramontane.conversation", "version": 1,
        "conversation": {"title": "Old"},
        "messages": [
          {"id": 7, "position": 0, "message": {"role": "user", "content": "one"}},
          {"id": 8, "position": 3, "message": {"role": "assistant", "content": "two"}},
          {"id": 9, "position": 4, "message": {"role": "user", "content": "three"}}]})";
    const auto record = ConversationExporter::fromJson(format1);
    QVERIFY(record);
    const auto imported = store->importConversation(*record);
    QVERIFY(imported);
    const auto path = *store->messages(imported->id);
    QCOMPARE(texts(path), (QStringList{u"one"_s, u"two"_s, u"three"_s}));
    QCOMPARE(path.at(0).parentId, 0);
    QCOMPARE(path.at(1).parentId, path.at(0).id);
    QCOMPARE(path.at(2).parentId, path.at(1).id);
}

void TestMessageBranches::openVersion2History_everyMessageSurvivesInOrder() {
    // Written by the store of schema version 2 (before versions): two conversations, one of
    // six messages, one of four whose tail was removed and written again.
    const QString profile = m_dir->path() + u"/profile"_s;
    QVERIFY(QDir().mkpath(profile));
    const QString db = profile + u"/"_s + ConversationStore::databaseFileName();
    QVERIFY(QFile::copy(QStringLiteral(STORAGE_TEST_DATA_DIR "/history-v2-linear.sqlite3"), db));
    QVERIFY(QFile::setPermissions(db, QFileDevice::ReadOwner | QFileDevice::WriteOwner));

    auto opened = ConversationStore::open(profile);
    QVERIFY2(opened.ok(), qPrintable(opened.error.detail));
    QCOMPARE(opened.fromSchemaVersion, 2);
    QVERIFY(!opened.backupPath.isEmpty());
    ConversationStore &store = *opened.store;
    const auto list = *store.listConversations(10);
    QCOMPARE(list.size(), 2);
    qint64 winds = 0;
    qint64 bora = 0;
    for (const ConversationInfo &info : list)
        (info.title.startsWith(u"Name three"_s) ? winds : bora) = info.id;
    QVERIFY(winds != 0 && bora != 0);

    const auto path = *store.messages(winds);
    QCOMPARE(texts(path),
             (QStringList{u"Name three winds of the Mediterranean."_s,
                          u"Mistral, tramontane and sirocco."_s, u"Which one is cold?"_s,
                          u"The tramontane, from the north."_s, u"And the warm one?"_s,
                          u"The sirocco"_s}));
    QCOMPARE(path.at(5).status, MessageStatus::Interrupted);
    QCOMPARE(path.at(5).model, u"mistral-small-latest"_s);
    for (qsizetype i = 0; i < path.size(); ++i) {
        QCOMPARE(path.at(i).parentId, i == 0 ? 0 : path.at(i - 1).id);
        QCOMPARE(path.at(i).versionCount, 1);
        QVERIFY(path.at(i).onPath);
    }
    QCOMPARE(store.allMessages(winds)->size(), 6);
    QCOMPARE(texts(*store.messages(bora)),
             (QStringList{u"Hello"_s, u"Hello! How can I help?"_s, u"Tell me about the bora."_s,
                          u"A cold wind over the Adriatic."_s}));
    QCOMPARE(store.search(u"tramontane"_s)->size(), 2);

    // The migrated history takes versions like a new one.
    QVERIFY(store.branchFrom(winds, path.at(5).position));
    QVERIFY(store.appendMessage(winds, msg(u"assistant"_s, u"The sirocco, from the south."_s)));
    QCOMPARE(store.messages(winds)->at(5).versionCount, 2);
    QCOMPARE(store.messages(winds)->at(5).parentId, path.at(4).id);
}

void TestMessageBranches::versionCounts_areIndexProbes() {
    // Every message read counts its siblings and the earlier ones: in a long chat that must
    // be a probe of messages_children, not a scan of the conversation's positions.
    auto store = openStore();
    QVERIFY(store);
    QStringList plan;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"branches-plan"_s);
        db.setDatabaseName(store->databasePath());
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(
            query.exec(u"EXPLAIN QUERY PLAN SELECT count(*) FROM messages s"
                       " WHERE s.conversation_id = 1 AND s.parent_id IS 2 AND s.position < 9"_s));
        while (query.next())
            plan.append(query.value(3).toString());
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"branches-plan"_s);
    QVERIFY2(plan.join(u' ').contains(
                 u"messages_children (conversation_id=? AND parent_id=? AND position<?)"_s),
             qPrintable(plan.join(u"; "_s)));
}

QTEST_GUILESS_MAIN(TestMessageBranches)
#include "tst_messagebranches.moc"
