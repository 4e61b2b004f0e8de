// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/ConversationStore.h"
#include "core/storage/MessageText.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QLockFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QThread>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Tramontane;

// Readable QCOMPARE output for statuses.
namespace Tramontane {
char *toString(MessageStatus status) {
    return qstrdup(qPrintable(statusName(status)));
}
} // namespace Tramontane

namespace {

QJsonObject userMessage(const QString &text) {
    return QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, text}};
}

QJsonObject assistantMessage(const QString &text) {
    return QJsonObject{{u"role"_s, u"assistant"_s}, {u"content"_s, text}};
}

// Runs one statement on the database file through a connection of its own (the way another
// tool would look at it) and returns the first column of every row.
QStringList rawQuery(const QString &databasePath, const QString &sql) {
    static int counter = 0;
    const QString name = u"raw-%1"_s.arg(++counter);
    QStringList values;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(databasePath);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql)) {
                while (query.next())
                    values.append(query.value(0).toString());
            } else {
                values.append(u"ERROR: "_s + query.lastError().text());
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return values;
}

std::unique_ptr<ConversationStore> openStore(const QString &dir) {
    auto opened = ConversationStore::open(dir);
    if (!opened.ok())
        qWarning() << "open failed:" << opened.error.message << opened.error.detail;
    return std::move(opened.store);
}

QString streamedText(int checkpoint) {
    QString text;
    for (int i = 1; i <= checkpoint; ++i)
        text += u"Part %1 of a long answer. "_s.arg(i);
    return text;
}

// ----- Child process modes (the test binary re-executes itself) ------------------------------

void say(const char *line) {
    std::fputs(line, stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

// Opens the store, sends a user message and streams an answer forever, printing
// "checkpoint N" after the N-th update is committed. The parent kills it with SIGKILL.
int runStreamChild(const QString &profile) {
    auto store = openStore(profile);
    if (!store)
        return 2;
    auto conversation = store->createConversation();
    auto user = store->appendUserMessage(conversation->id, userMessage(u"Tell me a story"_s));
    if (!user || !store->finishMessage(user->id, MessageStatus::Complete))
        return 3;
    auto answer = store->beginAssistantMessage(conversation->id, u"mistral-small-latest"_s);
    if (!answer)
        return 4;
    for (int i = 1;; ++i) {
        if (!store->updateStreamingMessage(answer->id, assistantMessage(streamedText(i))))
            return 5;
        say(QByteArray("checkpoint " + QByteArray::number(i)).constData());
        QThread::msleep(15);
    }
}

// Opens the store, says "locked" and keeps it open until killed.
int runHoldChild(const QString &profile) {
    auto opened = ConversationStore::open(profile);
    if (!opened.ok()) {
        say("open failed");
        return 2;
    }
    say("locked");
    for (;;)
        QThread::sleep(1);
}

} // namespace

class TestConversationStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();

    void open_newProfile_createsSchemaV1();
    void open_newerSchema_isRefusedUntouched();
    void open_notADatabase_isRefusedUntouched();
    void open_secondStoreOnSameProfile_isAlreadyRunning();
    void open_lockHeldByOtherProcess_isAlreadyRunning();
    void open_storesAreIndependent();

    void conversations_listedPinnedThenByActivity();
    void conversations_pagedWithLimitAndOffset();
    void conversations_fieldsPersistAcrossReopen();
    void conversations_unknownId_isNotFound();

    void title_derivedFromFirstUserMessage();
    void title_renameOverridesAndEmptyReverts();
    void title_longFirstLine_isCutAt80();

    void delete_hidesUntilUndo();
    void purge_removesForGood();
    void purge_leftoverDeletesPurgedOnOpen();

    void messages_userThenStreamingThenFinished();
    void messages_turnWithToolCalls_keepsOrder();
    void messages_invalidTransitions_areRefused();
    void messages_failedThenComplete_clearsError();
    void messages_pagedFromTheEnd();
    void messages_removeFrom_truncatesAndRederivesTitle();
    void messages_signalsAfterCommit();

    void search_findsWordWithSnippetAndPosition();
    void search_prefixAndDiacritics();
    void search_orderNewestOrByRelevance();
    void search_hostileQuery_neverFails_data();
    void search_hostileQuery_neverFails();
    void search_followsStreamingUpdates();
    void search_followsDeleteUndoAndPurge();

    void crash_killDuringStreaming_keepsPartialAnswerInterrupted();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString profile() const { return m_dir->path() + u"/profile"_s; }
};

void TestConversationStore::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestConversationStore::open_newProfile_createsSchemaV1() {
    auto opened = ConversationStore::open(profile());
    QVERIFY2(opened.ok(), qPrintable(opened.error.detail));
    QCOMPARE(opened.fromSchemaVersion, 0);
    QCOMPARE(opened.interruptedMessages, 0);
    QVERIFY(opened.backupPath.isEmpty()); // a new file has nothing to back up
    const QString db = opened.store->databasePath();
    QCOMPARE(rawQuery(db, u"PRAGMA user_version"_s),
             QStringList{QString::number(ConversationStore::currentSchemaVersion)});
    QCOMPARE(rawQuery(db, u"PRAGMA journal_mode"_s), QStringList{u"wal"_s});
    const QStringList tables =
        rawQuery(db, u"SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"_s);
    QVERIFY(tables.contains(u"conversations"_s));
    QVERIFY(tables.contains(u"messages"_s));
    QVERIFY(tables.contains(u"messages_fts"_s));
#ifdef Q_OS_UNIX
    QCOMPARE(QFile::permissions(db) & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
             QFileDevice::Permissions());
#endif
}

void TestConversationStore::open_newerSchema_isRefusedUntouched() {
    QString db;
    qint64 id = 0;
    {
        auto store = openStore(profile());
        QVERIFY(store);
        db = store->databasePath();
        id = store->createConversation()->id;
    }
    QCOMPARE(rawQuery(db, u"PRAGMA user_version = 7"_s), QStringList());
    auto opened = ConversationStore::open(profile());
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error.kind, StoreError::Kind::NewerSchema);
    QVERIFY2(opened.error.message.contains(u"newer version of Tramontane"_s),
             qPrintable(opened.error.message));
    QVERIFY(opened.error.message.contains(u'7'));
    QCOMPARE(rawQuery(db, u"PRAGMA user_version"_s), QStringList{u"7"_s});
    QCOMPARE(rawQuery(db, u"SELECT id FROM conversations"_s), QStringList{QString::number(id)});
    QVERIFY(QDir(profile()).entryList({u"*.bak"_s}).isEmpty());
    // The refused open released the profile lock.
    QLockFile lock(QDir(profile()).filePath(ConversationStore::lockFileName()));
    QVERIFY(lock.tryLock(0));
}

void TestConversationStore::open_notADatabase_isRefusedUntouched() {
    QVERIFY(QDir().mkpath(profile()));
    const QString db = QDir(profile()).filePath(ConversationStore::databaseFileName());
    const QByteArray garbage = QByteArray("This is not an SQLite file. ").repeated(200);
    {
        QFile file(db);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(garbage), garbage.size());
    }
    auto opened = ConversationStore::open(profile());
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error.kind, StoreError::Kind::Damaged);
    QVERIFY2(opened.error.message.contains(u"damaged"_s), qPrintable(opened.error.message));
    {
        QFile file(db);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), garbage);
    }

    // The person chooses a new history: the damaged file is moved aside, byte for byte, and
    // the next open starts afresh.
    const QDateTime now(QDate(2026, 12, 7), QTime(9, 30, 5), Qt::UTC);
    {
        QFile wal(db + u"-wal"_s);
        QVERIFY(wal.open(QIODevice::WriteOnly));
        wal.write("stale log");
    }
    auto aside = ConversationStore::setAsideDamaged(profile(), now);
    QVERIFY(aside.ok());
    QCOMPARE(*aside, db + u".damaged-20261207-093005"_s);
    QVERIFY(!QFile::exists(db));
    QVERIFY(!QFile::exists(db + u"-wal"_s));
    QVERIFY(QFile::exists(*aside + u"-wal"_s));
    {
        QFile file(*aside);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), garbage);
    }
    {
        auto fresh = ConversationStore::open(profile());
        QVERIFY(fresh.ok());
        QCOMPARE(fresh.fromSchemaVersion, 0);
    }
    // Moving aside never overwrites an earlier damaged file of the same second.
    {
        QFile file(db);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(garbage);
    }
    QFile::remove(db + u"-wal"_s);
    QFile::remove(db + u"-shm"_s);
    auto again = ConversationStore::setAsideDamaged(profile(), now);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().kind, StoreError::Kind::CannotOpen);
    QVERIFY(QFile::exists(db));
}

void TestConversationStore::open_secondStoreOnSameProfile_isAlreadyRunning() {
    auto first = ConversationStore::open(profile());
    QVERIFY(first.ok());
    auto second = ConversationStore::open(profile());
    QVERIFY(!second.ok());
    QCOMPARE(second.error.kind, StoreError::Kind::AlreadyRunning);
    QCOMPARE(second.error.message, u"Tramontane is already running with this profile."_s);
    first.store.reset();
    auto third = ConversationStore::open(profile());
    QVERIFY(third.ok());
}

void TestConversationStore::open_lockHeldByOtherProcess_isAlreadyRunning() {
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), {u"--hold-child"_s, profile()});
    QVERIFY(child.waitForStarted());
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT((out += child.readAllStandardOutput()).contains("locked\n"), 20000);

    auto opened = ConversationStore::open(profile());
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error.kind, StoreError::Kind::AlreadyRunning);

    // A killed instance leaves its lock file behind; its process is gone, so the lock is stale.
    child.kill();
    QVERIFY(child.waitForFinished());
    QVERIFY(QFile::exists(QDir(profile()).filePath(ConversationStore::lockFileName())));
    auto reopened = ConversationStore::open(profile());
    QVERIFY2(reopened.ok(), qPrintable(reopened.error.detail));
}

void TestConversationStore::open_storesAreIndependent() {
    auto a = openStore(profile() + u"-a"_s);
    auto b = openStore(profile() + u"-b"_s);
    QVERIFY(a && b);
    QVERIFY(a->createConversation({u"only in a"_s}));
    QCOMPARE(*a->conversationCount(), 1);
    QCOMPARE(*b->conversationCount(), 0);
}

void TestConversationStore::conversations_listedPinnedThenByActivity() {
    auto store = openStore(profile());
    const qint64 a = store->createConversation({u"A"_s})->id;
    const qint64 b = store->createConversation({u"B"_s})->id;
    const qint64 c = store->createConversation({u"C"_s})->id;
    auto ids = [&store] {
        QList<qint64> list;
        // Keep the result alive: ranging over *temporary() would read a destroyed list.
        const auto conversations = store->listConversations(10);
        for (const ConversationInfo &info : *conversations)
            list.append(info.id);
        return list;
    };
    QCOMPARE(ids(), (QList<qint64>{c, b, a}));
    QVERIFY(store->appendUserMessage(a, userMessage(u"new activity"_s)));
    QCOMPARE(ids(), (QList<qint64>{a, c, b}));
    QVERIFY(store->setPinned(b, true));
    QCOMPARE(ids(), (QList<qint64>{b, a, c}));
    QVERIFY(store->conversation(b)->pinned);
    QVERIFY(store->setPinned(b, false));
    QCOMPARE(ids(), (QList<qint64>{a, c, b}));
    const ConversationInfo info = *store->conversation(a);
    QVERIFY(info.updatedAt > info.createdAt);
}

void TestConversationStore::conversations_pagedWithLimitAndOffset() {
    auto store = openStore(profile());
    QList<qint64> created;
    for (int i = 0; i < 25; ++i)
        created.prepend(store->createConversation({u"C%1"_s.arg(i)})->id);
    QCOMPARE(*store->conversationCount(), 25);
    QList<qint64> seen;
    for (int offset = 0; offset < 30; offset += 10) {
        const auto page = store->listConversations(10, offset);
        QVERIFY(page);
        QCOMPARE(page->size(), offset < 20 ? 10 : 5);
        for (const ConversationInfo &info : *page)
            seen.append(info.id);
    }
    QCOMPARE(seen, created);
    QVERIFY(store->listConversations(10, 25)->isEmpty());
}

void TestConversationStore::conversations_fieldsPersistAcrossReopen() {
    const QJsonArray tools{QJsonObject{{u"type"_s, u"image_generation"_s}},
                           QJsonObject{{u"type"_s, u"web_search"_s}}};
    const QJsonObject settings{{u"temperature"_s, 0.3}, {u"max_tokens"_s, 2048}};
    qint64 id = 0;
    QDateTime created;
    {
        auto store = openStore(profile());
        auto info = store->createConversation({{}, u"mistral-large-latest"_s, {}, tools, {}});
        QVERIFY(info);
        id = info->id;
        created = info->createdAt;
        QVERIFY(store->setSettings(id, settings));
        QVERIFY(store->setModel(id, u"mistral-medium-latest"_s, u"ag_123"_s));
        QVERIFY(store->setTools(id, QJsonArray{tools.at(1)}));
    }
    auto store = openStore(profile());
    const auto info = store->conversation(id);
    QVERIFY(info);
    QCOMPARE(info->model, u"mistral-medium-latest"_s);
    QCOMPARE(info->agentId, u"ag_123"_s);
    QCOMPARE(info->tools, QJsonArray{tools.at(1)});
    QCOMPARE(info->settings, settings);
    QCOMPARE(info->createdAt, created);
    QCOMPARE(info->createdAt.timeSpec(), Qt::UTC);
    QVERIFY(qAbs(created.msecsTo(QDateTime::currentDateTimeUtc())) < 60000);
    QVERIFY(info->title.isEmpty());
    QVERIFY(!info->titleIsCustom);
}

void TestConversationStore::conversations_unknownId_isNotFound() {
    auto store = openStore(profile());
    QCOMPARE(store->conversation(42).error().kind, StoreError::Kind::NotFound);
    QCOMPARE(store->renameConversation(42, u"x"_s).error().kind, StoreError::Kind::NotFound);
    QCOMPARE(store->setPinned(42, true).error().kind, StoreError::Kind::NotFound);
    QCOMPARE(store->deleteConversation(42).error().kind, StoreError::Kind::NotFound);
    QCOMPARE(store->undoDelete(42).error().kind, StoreError::Kind::NotFound);
    QCOMPARE(store->appendUserMessage(42, userMessage(u"x"_s)).error().kind,
             StoreError::Kind::NotFound);
    QCOMPARE(store->message(42).error().kind, StoreError::Kind::NotFound);
    QVERIFY(!store->conversation(42).error().message.isEmpty());
}

void TestConversationStore::title_derivedFromFirstUserMessage() {
    auto store = openStore(profile());
    const qint64 id = store->createConversation()->id;
    QVERIFY(store->appendMessage(
        id, QJsonObject{{u"role"_s, u"system"_s}, {u"content"_s, u"You are terse."_s}}));
    QVERIFY(store->conversation(id)->title.isEmpty());
    QVERIFY(store->appendUserMessage(id, userMessage(u"\n   \n  What   is\tFTS5?  \nMore"_s)));
    QCOMPARE(store->conversation(id)->title, u"What is FTS5?"_s);
    QVERIFY(store->appendUserMessage(id, userMessage(u"A second question"_s)));
    QCOMPARE(store->conversation(id)->title, u"What is FTS5?"_s);

    // Chunk content: only text chunks count.
    const qint64 other = store->createConversation()->id;
    const QJsonArray chunks{
        QJsonObject{{u"type"_s, u"image_url"_s}, {u"image_url"_s, u"https://x.test/a.png"_s}},
        QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, u"Describe this picture"_s}}};
    QVERIFY(store->appendUserMessage(other,
                                     QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, chunks}}));
    QCOMPARE(store->conversation(other)->title, u"Describe this picture"_s);
}

void TestConversationStore::title_renameOverridesAndEmptyReverts() {
    auto store = openStore(profile());
    const qint64 id = store->createConversation()->id;
    QVERIFY(store->appendUserMessage(id, userMessage(u"Original question"_s)));
    QVERIFY(store->renameConversation(id, u"  My   name "_s));
    auto info = *store->conversation(id);
    QCOMPARE(info.title, u"My name"_s);
    QVERIFY(info.titleIsCustom);
    QVERIFY(store->removeMessagesFrom(id, 0));
    QVERIFY(store->appendUserMessage(id, userMessage(u"Another first question"_s)));
    QCOMPARE(store->conversation(id)->title, u"My name"_s);
    QVERIFY(store->renameConversation(id, u"   "_s));
    info = *store->conversation(id);
    QCOMPARE(info.title, u"Another first question"_s);
    QVERIFY(!info.titleIsCustom);
    // A title given at creation is custom.
    const auto named = store->createConversation({u"Named"_s});
    QVERIFY(named->titleIsCustom);
    QVERIFY(store->appendUserMessage(named->id, userMessage(u"text"_s)));
    QCOMPARE(store->conversation(named->id)->title, u"Named"_s);
}

void TestConversationStore::title_longFirstLine_isCutAt80() {
    auto store = openStore(profile());
    const qint64 id = store->createConversation()->id;
    const QString line = QString(100, u'x');
    QVERIFY(store->appendUserMessage(id, userMessage(line)));
    const QString title = store->conversation(id)->title;
    QCOMPARE(title.size(), MessageText::maxTitleLength);
    QVERIFY(title.endsWith(QChar(0x2026)));
}

void TestConversationStore::delete_hidesUntilUndo() {
    auto store = openStore(profile());
    const qint64 keep = store->createConversation({u"keep"_s})->id;
    const qint64 gone = store->createConversation({u"gone"_s})->id;
    QVERIFY(store->appendUserMessage(gone, userMessage(u"unicorn"_s)));
    QSignalSpy deleted(store.get(), &ConversationStore::conversationDeleted);
    QSignalSpy restored(store.get(), &ConversationStore::conversationRestored);

    QVERIFY(store->deleteConversation(gone));
    QCOMPARE(deleted.count(), 1);
    QCOMPARE(deleted.at(0).at(0).toLongLong(), gone);
    QCOMPARE(*store->conversationCount(), 1);
    QCOMPARE(store->listConversations(10)->size(), 1);
    QCOMPARE(store->listConversations(10)->at(0).id, keep);
    QVERIFY(store->conversation(gone)); // still readable for undo
    QCOMPARE(*store->messageCount(gone), 1);
    QVERIFY(store->deleteConversation(gone)); // twice is harmless
    QCOMPARE(deleted.count(), 1);

    QVERIFY(store->undoDelete(gone));
    QCOMPARE(restored.count(), 1);
    QCOMPARE(*store->conversationCount(), 2);
    QCOMPARE(store->messages(gone)->size(), 1);
}

void TestConversationStore::purge_removesForGood() {
    auto store = openStore(profile());
    const qint64 keep = store->createConversation()->id;
    const qint64 gone = store->createConversation()->id;
    QVERIFY(store->appendUserMessage(keep, userMessage(u"kept text"_s)));
    QVERIFY(store->appendUserMessage(gone, userMessage(u"purged text"_s)));
    QVERIFY(store->beginAssistantMessage(gone));
    QSignalSpy purged(store.get(), &ConversationStore::conversationsPurged);

    QCOMPARE(*store->purgeDeleted(), 0); // nothing deleted yet
    QVERIFY(store->deleteConversation(gone));
    QCOMPARE(*store->purgeDeleted(), 1);
    QCOMPARE(purged.count(), 1);
    QCOMPARE(purged.at(0).at(0).value<QList<qint64>>(), QList<qint64>{gone});
    QCOMPARE(store->conversation(gone).error().kind, StoreError::Kind::NotFound);
    QCOMPARE(store->undoDelete(gone).error().kind, StoreError::Kind::NotFound);
    const QString db = store->databasePath();
    QCOMPARE(rawQuery(db, u"SELECT count(*) FROM messages"_s), QStringList{u"1"_s});
    QCOMPARE(rawQuery(db, u"INSERT INTO messages_fts (messages_fts) VALUES ('integrity-check')"_s),
             QStringList());
    QCOMPARE(*store->conversationCount(), 1);
}

void TestConversationStore::purge_leftoverDeletesPurgedOnOpen() {
    qint64 gone = 0;
    {
        auto store = openStore(profile());
        QVERIFY(store->createConversation());
        gone = store->createConversation()->id;
        QVERIFY(store->deleteConversation(gone));
    } // the app died before it purged
    auto opened = ConversationStore::open(profile());
    QVERIFY(opened.ok());
    QCOMPARE(opened.purgedConversations, 1);
    QCOMPARE(opened.store->conversation(gone).error().kind, StoreError::Kind::NotFound);
    QCOMPARE(*opened.store->conversationCount(), 1);
}

void TestConversationStore::messages_userThenStreamingThenFinished() {
    auto store = openStore(profile());
    const auto conversation = store->createConversation({{}, u"mistral-small-latest"_s});
    const qint64 id = conversation->id;

    const auto user = store->appendUserMessage(id, QJsonObject{{u"content"_s, u"Hi"_s}});
    QVERIFY(user);
    QCOMPARE(user->status, MessageStatus::Pending);
    QCOMPARE(user->position, 0);
    QCOMPARE(user->role, u"user"_s);
    QCOMPARE(user->message.value(u"role"_s).toString(), u"user"_s);
    QVERIFY(store->finishMessage(user->id, MessageStatus::Complete));

    const auto answer = store->beginAssistantMessage(id, u"mistral-small-latest"_s);
    QVERIFY(answer);
    QCOMPARE(answer->status, MessageStatus::Streaming);
    QCOMPARE(answer->position, 1);
    QCOMPARE(answer->role, u"assistant"_s);
    QVERIFY(store->updateStreamingMessage(answer->id, assistantMessage(u"Hel"_s)));
    QCOMPARE(store->message(answer->id)->message, assistantMessage(u"Hel"_s));
    QVERIFY(store->updateStreamingMessage(answer->id, assistantMessage(u"Hello!"_s)));
    const QJsonObject usage{
        {u"prompt_tokens"_s, 5}, {u"completion_tokens"_s, 2}, {u"total_tokens"_s, 7}};
    QVERIFY(store->finishMessage(answer->id, MessageStatus::Complete, usage, u"req-1"_s));

    const auto stored = store->message(answer->id);
    QVERIFY(stored);
    QCOMPARE(stored->conversationId, id);
    QCOMPARE(stored->status, MessageStatus::Complete);
    QCOMPARE(stored->message, assistantMessage(u"Hello!"_s));
    QCOMPARE(stored->usage, usage);
    QCOMPARE(stored->requestId, u"req-1"_s);
    QCOMPARE(stored->model, u"mistral-small-latest"_s);
    QVERIFY(stored->error.isEmpty());
    QVERIFY(stored->updatedAt > stored->createdAt);
    QCOMPARE(*store->messageCount(id), 2);
    QCOMPARE(store->conversation(id)->updatedAt, stored->updatedAt);
    const auto all = store->messages(id);
    QCOMPARE(all->size(), 2);
    QCOMPARE(all->at(0).status, MessageStatus::Complete);
    QCOMPARE(all->at(1).id, answer->id);
}

void TestConversationStore::messages_turnWithToolCalls_keepsOrder() {
    auto store = openStore(profile());
    const qint64 id = store->createConversation()->id;
    QVERIFY(store->appendUserMessage(id, userMessage(u"Draw a cat"_s)));
    const QJsonObject call{
        {u"role"_s, u"assistant"_s},
        {u"content"_s, u""_s},
        {u"tool_calls"_s,
         QJsonArray{QJsonObject{
             {u"id"_s, u"call1"_s},
             {u"type"_s, u"function"_s},
             {u"function"_s, QJsonObject{{u"name"_s, u"image_generation"_s},
                                         {u"arguments"_s, u"{\"prompt\":\"a cat\"}"_s}}}}}}};
    const auto first = store->beginAssistantMessage(id, u"m"_s, call);
    QVERIFY(store->finishMessage(first->id, MessageStatus::Complete));
    const auto tool = store->beginAssistantMessage(id, u"m"_s,
                                                   QJsonObject{{u"role"_s, u"tool"_s},
                                                               {u"tool_call_id"_s, u"call1"_s},
                                                               {u"name"_s, u"image_generation"_s},
                                                               {u"content"_s, u"done"_s}});
    QCOMPARE(tool->role, u"tool"_s);
    QVERIFY(store->finishMessage(tool->id, MessageStatus::Complete));
    const auto final = store->beginAssistantMessage(id, u"m"_s);
    QVERIFY(store->updateStreamingMessage(final->id, assistantMessage(u"Here is your cat."_s)));
    QVERIFY(store->finishMessage(final->id, MessageStatus::Complete));

    const auto all = *store->messages(id);
    QCOMPARE(all.size(), 4);
    QStringList roles;
    for (const StoredMessage &m : all)
        roles.append(m.role);
    QCOMPARE(roles, (QStringList{u"user"_s, u"assistant"_s, u"tool"_s, u"assistant"_s}));
    QCOMPARE(all.at(1).message, call);
    QCOMPARE(all.at(1).position, 1);
    QCOMPARE(all.at(3).position, 3);
}

void TestConversationStore::messages_invalidTransitions_areRefused() {
    auto store = openStore(profile());
    const qint64 id = store->createConversation()->id;
    QCOMPARE(store->appendUserMessage(id, assistantMessage(u"x"_s)).error().kind,
             StoreError::Kind::InvalidArgument);
    QCOMPARE(store->appendMessage(id, QJsonObject{{u"content"_s, u"no role"_s}}).error().kind,
             StoreError::Kind::InvalidArgument);
    const auto answer = store->beginAssistantMessage(id);
    QCOMPARE(store->finishMessage(answer->id, MessageStatus::Streaming).error().kind,
             StoreError::Kind::InvalidArgument);
    QCOMPARE(store->finishMessage(answer->id, MessageStatus::Pending).error().kind,
             StoreError::Kind::InvalidArgument);
    QVERIFY(store->updateStreamingMessage(answer->id, assistantMessage(u"final"_s)));
    QVERIFY(store->finishMessage(answer->id, MessageStatus::Interrupted));
    // A late checkpoint after the end must not overwrite the final text.
    QCOMPARE(store->updateStreamingMessage(answer->id, assistantMessage(u"late"_s)).error().kind,
             StoreError::Kind::InvalidArgument);
    QCOMPARE(store->message(answer->id)->message, assistantMessage(u"final"_s));
    QCOMPARE(store->updateStreamingMessage(999, assistantMessage(u"x"_s)).error().kind,
             StoreError::Kind::NotFound);
    QCOMPARE(store->finishMessage(999, MessageStatus::Complete).error().kind,
             StoreError::Kind::NotFound);
}

void TestConversationStore::messages_failedThenComplete_clearsError() {
    auto store = openStore(profile());
    const qint64 id = store->createConversation()->id;
    const auto user = store->appendUserMessage(id, userMessage(u"Hello"_s));
    const QJsonObject error{{u"message"_s, u"The API key is invalid."_s}, {u"status"_s, 401}};
    QVERIFY(store->finishMessage(user->id, MessageStatus::Failed, {}, u"req-9"_s, error));
    auto stored = *store->message(user->id);
    QCOMPARE(stored.status, MessageStatus::Failed);
    QCOMPARE(stored.error, error);
    QCOMPARE(stored.requestId, u"req-9"_s);
    QVERIFY(store->finishMessage(user->id, MessageStatus::Complete));
    stored = *store->message(user->id);
    QCOMPARE(stored.status, MessageStatus::Complete);
    QVERIFY(stored.error.isEmpty());
    QCOMPARE(stored.requestId, u"req-9"_s); // empty arguments leave values alone
}

void TestConversationStore::messages_pagedFromTheEnd() {
    auto store = openStore(profile());
    const qint64 id = store->createConversation()->id;
    const qint64 other = store->createConversation()->id;
    for (int i = 0; i < 250; ++i) {
        QVERIFY(store->appendMessage(id, assistantMessage(u"message %1"_s.arg(i))));
        if (i % 50 == 0)
            QVERIFY(store->appendMessage(other, assistantMessage(u"other"_s)));
    }
    const auto positions = [](const QList<StoredMessage> &list) {
        QList<qint64> out;
        for (const StoredMessage &m : list)
            out.append(m.position);
        return out;
    };
    const auto range = [](qint64 from, qint64 to) {
        QList<qint64> out;
        for (qint64 p = from; p < to; ++p)
            out.append(p);
        return out;
    };
    QCOMPARE(*store->messageCount(id), 250);
    const auto newest = *store->newestMessages(id, 100);
    QCOMPARE(positions(newest), range(150, 250));
    QCOMPARE(newest.last().message, assistantMessage(u"message 249"_s));
    QCOMPARE(positions(*store->messagesBefore(id, 150, 100)), range(50, 150));
    QCOMPARE(positions(*store->messagesBefore(id, 50, 100)), range(0, 50));
    QVERIFY(store->messagesBefore(id, 0, 100)->isEmpty());
    QCOMPARE(positions(*store->messagesFrom(id, 120, 10)), range(120, 130));
    QCOMPARE(positions(*store->messagesFrom(id, 245, 10)), range(245, 250));
    QCOMPARE(store->newestMessages(other, 100)->size(), 5);
    QVERIFY(store->newestMessages(12345, 10)->isEmpty());
}

void TestConversationStore::messages_removeFrom_truncatesAndRederivesTitle() {
    auto store = openStore(profile());
    const qint64 id = store->createConversation()->id;
    QVERIFY(store->appendUserMessage(id, userMessage(u"First"_s)));
    QVERIFY(store->appendMessage(id, assistantMessage(u"Answer"_s)));
    QVERIFY(store->appendUserMessage(id, userMessage(u"Second"_s)));
    QSignalSpy removed(store.get(), &ConversationStore::messagesRemoved);
    QCOMPARE(*store->removeMessagesFrom(id, 1), 2);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(*store->messageCount(id), 1);
    QCOMPARE(store->conversation(id)->title, u"First"_s);
    // New messages continue after the remaining ones.
    QCOMPARE(store->appendMessage(id, assistantMessage(u"Again"_s))->position, 1);
    QCOMPARE(*store->removeMessagesFrom(id, 0), 2);
    QVERIFY(store->conversation(id)->title.isEmpty());
}

void TestConversationStore::messages_signalsAfterCommit() {
    auto store = openStore(profile());
    QSignalSpy created(store.get(), &ConversationStore::conversationCreated);
    QSignalSpy added(store.get(), &ConversationStore::messageAdded);
    QSignalSpy changed(store.get(), &ConversationStore::messageChanged);
    const qint64 id = store->createConversation()->id;
    QCOMPARE(created.count(), 1);
    // When the signal arrives, the row is already visible to readers.
    qint64 seenId = 0;
    connect(store.get(), &ConversationStore::messageAdded, this,
            [&](qint64, qint64 messageId) { seenId = store->message(messageId)->id; });
    const auto answer = store->beginAssistantMessage(id);
    QCOMPARE(added.count(), 1);
    QCOMPARE(added.at(0).at(0).toLongLong(), id);
    QCOMPARE(seenId, answer->id);
    QVERIFY(store->updateStreamingMessage(answer->id, assistantMessage(u"x"_s)));
    QVERIFY(store->finishMessage(answer->id, MessageStatus::Complete));
    QCOMPARE(changed.count(), 2);
    // A refused write emits nothing.
    QVERIFY(!store->updateStreamingMessage(answer->id, assistantMessage(u"y"_s)));
    QCOMPARE(changed.count(), 2);
}

void TestConversationStore::search_findsWordWithSnippetAndPosition() {
    auto store = openStore(profile());
    const qint64 a = store->createConversation()->id;
    const qint64 b = store->createConversation()->id;
    QVERIFY(store->appendUserMessage(a, userMessage(u"How do I cook rice?"_s)));
    QVERIFY(store->appendMessage(
        a,
        assistantMessage(u"Rinse it first.\nThen the Saffron goes in with the water, and "
                         "you wait twenty minutes before serving it to everyone at the table."_s)));
    QVERIFY(store->appendUserMessage(b, userMessage(u"Something else entirely"_s)));
    const QJsonObject toolCall{
        {u"role"_s, u"assistant"_s},
        {u"tool_calls"_s,
         QJsonArray{QJsonObject{
             {u"id"_s, u"c"_s},
             {u"function"_s, QJsonObject{{u"name"_s, u"web_search"_s},
                                         {u"arguments"_s, u"{\"query\":\"saffron price\"}"_s}}}}}}};
    QVERIFY(store->appendMessage(b, toolCall));

    const auto hits = store->search(u"saffron"_s);
    QVERIFY(hits);
    QCOMPARE(hits->size(), 2);
    bool sawAnswer = false;
    for (const SearchHit &hit : *hits) {
        QVERIFY(!hit.highlights.isEmpty());
        for (const TextRange &r : hit.highlights)
            QCOMPARE(hit.snippet.mid(r.start, r.length).toLower(), u"saffron"_s);
        QVERIFY(!hit.snippet.contains(u'\n'));
        if (hit.conversationId == a) {
            sawAnswer = true;
            QCOMPARE(hit.position, 1);
            QCOMPARE(hit.role, u"assistant"_s);
            QCOMPARE(hit.conversationTitle, u"How do I cook rice?"_s);
            QCOMPARE(hit.messageId, store->messages(a)->at(1).id);
            QVERIFY(hit.snippet.contains(u"Saffron goes in"_s));
        }
    }
    QVERIFY(sawAnswer);
    QCOMPARE(store->search(u"saffron"_s, 1)->size(), 1);
    QVERIFY(store->search(u"nonexistentword"_s)->isEmpty());
    QVERIFY(store->search(u"   "_s)->isEmpty());
}

void TestConversationStore::search_prefixAndDiacritics() {
    auto store = openStore(profile());
    const qint64 id = store->createConversation()->id;
    QVERIFY(store->appendUserMessage(id, userMessage(u"Une crème brûlée, s'il vous plaît"_s)));
    QCOMPARE(store->search(u"creme brul"_s)->size(), 1);   // prefix on the last word
    QCOMPARE(store->search(u"CRÈME"_s)->size(), 1);        // case and accents folded
    QCOMPARE(store->search(u"brul "_s)->size(), 0);        // a finished word is not a prefix
    QCOMPARE(store->search(u"brûlée crème"_s)->size(), 1); // words in any order
    QCOMPARE(store->search(u"crème-brûlée"_s)->size(), 1); // joined words: a phrase
    QCOMPARE(store->search(u"brûlée-crème"_s)->size(), 0); // … in that order
}

void TestConversationStore::search_orderNewestOrByRelevance() {
    auto store = openStore(profile());
    const qint64 id = store->createConversation()->id;
    const qint64 strong =
        store->appendMessage(id, assistantMessage(u"wombat wombat wombat wombat"_s))->id;
    const qint64 middle = store
                              ->appendMessage(id, assistantMessage(u"a wombat and more words "
                                                                   "around it"_s))
                              ->id;
    const qint64 weak =
        store
            ->appendMessage(id, assistantMessage(u"one wombat among very many other words in "
                                                 "a long sentence about nothing much"_s))
            ->id;
    const auto ids = [](const QList<SearchHit> &hits) {
        QList<qint64> out;
        for (const SearchHit &hit : hits)
            out.append(hit.messageId);
        return out;
    };
    QCOMPARE(ids(*store->search(u"wombat"_s)), (QList<qint64>{weak, middle, strong}));
    QCOMPARE(ids(*store->search(u"wombat"_s, 10, ConversationStore::SearchOrder::Relevance)),
             (QList<qint64>{strong, middle, weak}));
    QCOMPARE(ids(*store->search(u"wombat"_s, 2)), (QList<qint64>{weak, middle}));
}

void TestConversationStore::search_hostileQuery_neverFails_data() {
    QTest::addColumn<QString>("query");
    QTest::newRow("quote and hyphen") << u"foo-bar \"x"_s;
    QTest::newRow("lone quote") << u"\""_s;
    QTest::newRow("operators") << u"AND OR NOT NEAR"_s;
    QTest::newRow("trailing operator") << u"foo AND"_s;
    QTest::newRow("column filter") << u"search_text:foo"_s;
    QTest::newRow("star only") << u"*"_s;
    QTest::newRow("caret") << u"^foo"_s;
    QTest::newRow("parentheses") << u"(foo OR (bar"_s;
    QTest::newRow("near group") << u"NEAR(a b, 3)"_s;
    QTest::newRow("plus and braces") << u"+{foo} [bar]"_s;
    QTest::newRow("sql injection") << u"x'); DROP TABLE messages; --"_s;
    QTest::newRow("control chars") << u"a\u0001b\u0002c\u0003d\0e"_s;
    QTest::newRow("emoji") << u"🙂🚀"_s;
    QTest::newRow("long") << QString(5000, u'a');
}

void TestConversationStore::search_hostileQuery_neverFails() {
    QFETCH(QString, query);
    auto store = openStore(profile());
    const qint64 id = store->createConversation()->id;
    QVERIFY(store->appendUserMessage(id, userMessage(u"foo bar NEAR and x"_s)));
    const auto hits = store->search(query);
    QVERIFY2(hits, qPrintable(hits.error().detail));
    QCOMPARE(*store->conversationCount(), 1);
}

void TestConversationStore::search_followsStreamingUpdates() {
    auto store = openStore(profile());
    const qint64 id = store->createConversation()->id;
    const auto answer = store->beginAssistantMessage(id);
    QVERIFY(store->updateStreamingMessage(answer->id, assistantMessage(u"A zebra"_s)));
    QCOMPARE(store->search(u"zebra"_s)->size(), 1);
    QCOMPARE(store->search(u"zebra"_s)->at(0).messageId, answer->id);
    QVERIFY(store->updateStreamingMessage(answer->id, assistantMessage(u"A giraffe"_s)));
    QVERIFY(store->search(u"zebra"_s)->isEmpty());
    QCOMPARE(store->search(u"giraffe"_s)->size(), 1);
    // From string content to chunks with a tool call, and back.
    const QJsonObject chunks{
        {u"role"_s, u"assistant"_s},
        {u"content"_s, QJsonArray{QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, u"An okapi"_s}}}},
        {u"tool_calls"_s,
         QJsonArray{QJsonObject{
             {u"id"_s, u"c"_s},
             {u"function"_s, QJsonObject{{u"name"_s, u"lookup"_s},
                                         {u"arguments"_s, u"{\"animal\":\"tapir\"}"_s}}}}}}};
    QVERIFY(store->updateStreamingMessage(answer->id, chunks));
    QVERIFY(store->search(u"giraffe"_s)->isEmpty());
    QCOMPARE(store->search(u"okapi"_s)->size(), 1);
    QCOMPARE(store->search(u"tapir"_s)->size(), 1);
    QVERIFY(store->updateStreamingMessage(answer->id, assistantMessage(u"A giraffe"_s)));
    QVERIFY(store->search(u"okapi tapir"_s)->isEmpty());
    QVERIFY(store->finishMessage(answer->id, MessageStatus::Complete));
    QCOMPARE(store->search(u"giraffe"_s)->size(), 1);
    QCOMPARE(rawQuery(store->databasePath(),
                      u"INSERT INTO messages_fts (messages_fts) VALUES ('integrity-check')"_s),
             QStringList());
}

void TestConversationStore::search_followsDeleteUndoAndPurge() {
    auto store = openStore(profile());
    const qint64 id = store->createConversation()->id;
    QVERIFY(store->appendUserMessage(id, userMessage(u"platypus facts"_s)));
    QCOMPARE(store->search(u"platypus"_s)->size(), 1);
    QVERIFY(store->deleteConversation(id));
    QVERIFY(store->search(u"platypus"_s)->isEmpty());
    QVERIFY(store->undoDelete(id));
    QCOMPARE(store->search(u"platypus"_s)->size(), 1);
    QVERIFY(store->removeMessagesFrom(id, 0));
    QVERIFY(store->search(u"platypus"_s)->isEmpty());
    QVERIFY(store->appendUserMessage(id, userMessage(u"platypus again"_s)));
    QVERIFY(store->deleteConversation(id));
    QCOMPARE(*store->purgeDeleted(), 1);
    const QString db = store->databasePath();
    QCOMPARE(rawQuery(db, u"SELECT count(*) FROM messages_fts WHERE messages_fts MATCH "
                          "'platypus'"_s),
             QStringList{u"0"_s});
    QCOMPARE(rawQuery(db, u"INSERT INTO messages_fts (messages_fts) VALUES ('integrity-check')"_s),
             QStringList());
}

void TestConversationStore::crash_killDuringStreaming_keepsPartialAnswerInterrupted() {
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), {u"--stream-child"_s, profile()});
    QVERIFY(child.waitForStarted());
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT((out += child.readAllStandardOutput()).contains("checkpoint 8\n"),
                             30000);
    child.kill(); // SIGKILL on Unix: no destructor, no commit, no close
    QVERIFY(child.waitForFinished());
    out += child.readAllStandardOutput();
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);

    int last = 0;
    const QRegularExpression checkpoint(u"^checkpoint (\\d+)$"_s,
                                        QRegularExpression::MultilineOption);
    for (auto it = checkpoint.globalMatch(QString::fromLatin1(out)); it.hasNext();)
        last = it.next().captured(1).toInt();
    QVERIFY(last >= 8);

    const QString db = QDir(profile()).filePath(ConversationStore::databaseFileName());
    QCOMPARE(rawQuery(db, u"PRAGMA integrity_check"_s), QStringList{u"ok"_s});

    auto opened = ConversationStore::open(profile());
    QVERIFY2(opened.ok(), qPrintable(opened.error.detail));
    QCOMPARE(opened.interruptedMessages, 1);
    const auto list = opened.store->listConversations(10);
    QCOMPARE(list->size(), 1);
    QCOMPARE(list->at(0).title, u"Tell me a story"_s);
    const auto messages = *opened.store->messages(list->at(0).id);
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(0).message, userMessage(u"Tell me a story"_s));
    QCOMPARE(messages.at(0).status, MessageStatus::Complete);
    QCOMPARE(messages.at(1).status, MessageStatus::Interrupted);
    // Everything up to the last reported checkpoint is there; at most one more update made it
    // to disk between its commit and the kill.
    const QString text = messages.at(1).message.value(u"content"_s).toString();
    QVERIFY2(text == streamedText(last) || text == streamedText(last + 1),
             qPrintable(u"last checkpoint %1, stored %2 characters"_s.arg(last).arg(text.size())));
    QCOMPARE(rawQuery(db, u"PRAGMA integrity_check"_s), QStringList{u"ok"_s});
    QCOMPARE(rawQuery(db, u"INSERT INTO messages_fts (messages_fts) VALUES ('integrity-check')"_s),
             QStringList());
    // Nothing was still streaming on the second open.
    opened.store.reset();
    QCOMPARE(ConversationStore::open(profile()).interruptedMessages, 0);
}

int main(int argc, char **argv) {
    if (argc >= 3 && qstrcmp(argv[1], "--stream-child") == 0) {
        QCoreApplication app(argc, argv);
        return runStreamChild(QString::fromLocal8Bit(argv[2]));
    }
    if (argc >= 3 && qstrcmp(argv[1], "--hold-child") == 0) {
        QCoreApplication app(argc, argv);
        return runHoldChild(QString::fromLocal8Bit(argv[2]));
    }
    QCoreApplication app(argc, argv);
    TestConversationStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_conversationstore.moc"
