// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/ConversationStore.h"

#include "core/Logging.h"
#include "core/storage/MessageBranches.h"
#include "core/storage/MessageImages.h"
#include "core/storage/MessageText.h"
#include "core/storage/SchemaMigrator.h"
#include "core/storage/SqlHelpers.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QLockFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>

#include <algorithm>
#include <atomic>

// Schema, version 1 (PRAGMA user_version = 1). Times are milliseconds since the Unix epoch,
// UTC. JSON columns hold compact UTF-8 JSON text.
//
//   conversations
//     id               INTEGER PRIMARY KEY
//     title            TEXT NOT NULL       shown title; derived, custom or generated
//     title_is_custom  INTEGER NOT NULL    0 derived from the first user message, 1 renamed
//                                          by the user, 2 written by a model
//     pinned           INTEGER NOT NULL
//     created_at       INTEGER NOT NULL
//     updated_at       INTEGER NOT NULL    last activity: a message added or finished
//     model            TEXT NOT NULL       model id ('' if none)
//     agent_id         TEXT NOT NULL       agent id ('' if none)
//     tools            TEXT NOT NULL       JSON array: the chat's tool selection
//     settings         TEXT NOT NULL       JSON object: per-chat settings
//     deleted_at       INTEGER             NULL, or when it was soft-deleted (undo possible)
//     index conversations_by_activity (pinned DESC, updated_at DESC, id DESC)
//           WHERE deleted_at IS NULL       the sidebar order, one index walk per page
//
//   messages
//     id               INTEGER PRIMARY KEY
//     conversation_id  INTEGER NOT NULL → conversations(id) ON DELETE CASCADE
//     position         INTEGER NOT NULL    order in the conversation; UNIQUE with
//                                          conversation_id (that index serves paging too)
//     role             TEXT NOT NULL       copy of message.role
//     message          TEXT NOT NULL       JSON object: the API chat message
//     status           TEXT NOT NULL       complete|pending|streaming|interrupted|failed
//     error            TEXT                JSON object or NULL
//     usage            TEXT                JSON object or NULL
//     request_id       TEXT NOT NULL
//     model            TEXT NOT NULL
//     created_at       INTEGER NOT NULL
//     updated_at       INTEGER NOT NULL
//     search_text      TEXT                MessageText::plainText(message), what is indexed;
//                                          NULL when that is exactly message.content (a
//                                          string): most messages, so text is not stored twice
//     index messages_unfinished (status) WHERE status IN ('streaming','pending')
//                                          makes the recovery at open instant
//
//   messages_search   VIEW (id, coalesce(search_text, json_extract(message, '$.content')))
//   messages_fts      FTS5, external content = messages_search, rowid = messages.id,
//                     tokenizer unicode61 with diacritics removed. Kept in sync by the
//                     triggers messages_fts_insert / _delete / _update on messages, which
//                     use the same expression as the view.
//
// Version 2 adds message_images: attached images kept out of the message JSON (see
// MessageImages.h). Version 3 makes the messages a tree of versions with one visible path
// (parent_id, selected, on_path; see MessageBranches.h).
//
// Migrations are forward-only steps run by SchemaMigrator (a copy of the file is written with
// VACUUM INTO before the first step runs on an existing database). To change the schema, add
// a step createSchemaV2 … in addMigrationSteps(), bump currentSchemaVersion, never edit v1.

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

const QString conversationColumns =
    u"id, title, title_is_custom, pinned, created_at, updated_at, model, agent_id, tools, "
    "settings"_s;
const QString messageColumns =
    u"id, conversation_id, position, role, message, status, error, usage, request_id, model, "
    "created_at, updated_at, parent_id, selected, on_path,"
    " (SELECT count(*) FROM messages s WHERE s.conversation_id = messages.conversation_id"
    "  AND s.parent_id IS messages.parent_id),"
    " (SELECT count(*) FROM messages s WHERE s.conversation_id = messages.conversation_id"
    "  AND s.parent_id IS messages.parent_id AND s.position < messages.position)"_s;
constexpr int messageColumnCount = 17;

StoreResult<void> createSchemaV1(QSqlDatabase &db) {
    const QString statements[] = {
        u"CREATE TABLE conversations ("
        " id INTEGER PRIMARY KEY,"
        " title TEXT NOT NULL DEFAULT '',"
        " title_is_custom INTEGER NOT NULL DEFAULT 0,"
        " pinned INTEGER NOT NULL DEFAULT 0,"
        " created_at INTEGER NOT NULL,"
        " updated_at INTEGER NOT NULL,"
        " model TEXT NOT NULL DEFAULT '',"
        " agent_id TEXT NOT NULL DEFAULT '',"
        " tools TEXT NOT NULL DEFAULT '[]',"
        " settings TEXT NOT NULL DEFAULT '{}',"
        " deleted_at INTEGER)"_s,
        u"CREATE INDEX conversations_by_activity"
        " ON conversations (pinned DESC, updated_at DESC, id DESC) WHERE deleted_at IS NULL"_s,
        u"CREATE TABLE messages ("
        " id INTEGER PRIMARY KEY,"
        " conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,"
        " position INTEGER NOT NULL,"
        " role TEXT NOT NULL,"
        " message TEXT NOT NULL,"
        " status TEXT NOT NULL CHECK (status IN"
        "   ('complete', 'pending', 'streaming', 'interrupted', 'failed')),"
        " error TEXT,"
        " usage TEXT,"
        " request_id TEXT NOT NULL DEFAULT '',"
        " model TEXT NOT NULL DEFAULT '',"
        " created_at INTEGER NOT NULL,"
        " updated_at INTEGER NOT NULL,"
        " search_text TEXT,"
        " UNIQUE (conversation_id, position))"_s,
        u"CREATE INDEX messages_unfinished ON messages (status)"
        " WHERE status IN ('streaming', 'pending')"_s,
        // What the index sees: the extracted text, or the content when that is the same.
        u"CREATE VIEW messages_search (id, search_text) AS SELECT id,"
        " coalesce(search_text, json_extract(message, '$.content')) FROM messages"_s,
        u"CREATE VIRTUAL TABLE messages_fts USING fts5 (search_text,"
        " content = 'messages_search', content_rowid = 'id',"
        " tokenize = 'unicode61 remove_diacritics 2')"_s,
        u"CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN"
        " INSERT INTO messages_fts (rowid, search_text) VALUES (new.id,"
        "   coalesce(new.search_text, json_extract(new.message, '$.content')));"
        " END"_s,
        u"CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN"
        " INSERT INTO messages_fts (messages_fts, rowid, search_text) VALUES ('delete', old.id,"
        "   coalesce(old.search_text, json_extract(old.message, '$.content')));"
        " END"_s,
        u"CREATE TRIGGER messages_fts_update AFTER UPDATE OF message, search_text ON messages"
        " WHEN coalesce(old.search_text, json_extract(old.message, '$.content'))"
        "   IS NOT coalesce(new.search_text, json_extract(new.message, '$.content')) BEGIN"
        " INSERT INTO messages_fts (messages_fts, rowid, search_text) VALUES ('delete', old.id,"
        "   coalesce(old.search_text, json_extract(old.message, '$.content')));"
        " INSERT INTO messages_fts (rowid, search_text) VALUES (new.id,"
        "   coalesce(new.search_text, json_extract(new.message, '$.content')));"
        " END"_s,
    };
    for (const QString &sql : statements) {
        if (auto done = SqlHelpers::exec(db, sql); !done)
            return done;
    }
    return {};
}

QString jsonText(const QJsonObject &object) {
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString jsonText(const QJsonArray &array) {
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

// NULL for an empty object, so "no usage" and "no error" stay distinguishable from {}.
QVariant optionalJson(const QJsonObject &object) {
    return object.isEmpty() ? QVariant() : QVariant(jsonText(object));
}

// The search_text column: NULL when the indexed text is the content string itself.
QVariant searchTextValue(const QJsonObject &message) {
    const QString text = MessageText::plainText(message);
    const QJsonValue content = message.value("content"_L1);
    if (content.isString() && content.toString() == text)
        return QVariant();
    return text;
}

QJsonDocument parseJson(const QVariant &value) {
    if (value.isNull())
        return {};
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(value.toString().toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qCWarning(lcStorage) << "unreadable JSON in the database:" << error.errorString();
    return doc;
}

QJsonObject parseObject(const QVariant &value) {
    return parseJson(value).object();
}

QJsonArray parseArray(const QVariant &value) {
    return parseJson(value).array();
}

QDateTime utcFromMs(qint64 ms) {
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::UTC);
#else
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
#endif
}

QDateTime fromMs(const QVariant &value) {
    return utcFromMs(value.toLongLong());
}

qint64 toMs(const QDateTime &time, qint64 fallback) {
    return time.isValid() ? time.toMSecsSinceEpoch() : fallback;
}

StoreError makeError(StoreError::Kind kind, const QString &message, const QString &detail = {}) {
    StoreError error;
    error.kind = kind;
    error.message = message;
    error.detail = detail;
    return error;
}

StoreError conversationNotFound(qint64 id) {
    return makeError(
        StoreError::Kind::NotFound,
        QCoreApplication::translate("ConversationStore", "This conversation no longer exists."),
        u"conversation %1"_s.arg(id));
}

StoreError messageNotFound(qint64 id) {
    return makeError(
        StoreError::Kind::NotFound,
        QCoreApplication::translate("ConversationStore", "This message no longer exists."),
        u"message %1"_s.arg(id));
}

// Splits an FTS5 snippet marked with U+0002 … U+0003 into text and highlight ranges.
void parseSnippet(const QString &marked, SearchHit &hit) {
    hit.snippet.reserve(marked.size());
    int start = -1;
    for (QChar c : marked) {
        if (c == QChar(u'\u0002')) {
            start = int(hit.snippet.size());
        } else if (c == QChar(u'\u0003')) {
            if (start >= 0 && hit.snippet.size() > start)
                hit.highlights.append(TextRange{start, int(hit.snippet.size()) - start});
            start = -1;
        } else {
            // One line in a list: line breaks become spaces (same length, ranges unchanged).
            hit.snippet += (c == u'\n' || c == u'\r') ? QChar(u' ') : c;
        }
    }
}

std::atomic<int> connectionCounter{0};

} // namespace

// A cached prepared statement after exec(): iterate rows, then it is reset on destruction so
// it never holds a read snapshot (which would keep the WAL from being checkpointed).
class ConversationStore::Rows {
public:
    explicit Rows(QSqlQuery *query)
        : m_query(query) {}
    Rows(Rows &&other) noexcept
        : m_query(std::exchange(other.m_query, nullptr)) {}
    Rows(const Rows &) = delete;
    Rows &operator=(const Rows &) = delete;
    Rows &operator=(Rows &&) = delete;
    ~Rows() {
        if (m_query)
            m_query->finish();
    }

    bool next() { return m_query->next(); }
    QVariant value(int column) const { return m_query->value(column); }
    int rowsAffected() const { return m_query->numRowsAffected(); }
    qint64 lastInsertId() const { return m_query->lastInsertId().toLongLong(); }

private:
    QSqlQuery *m_query;
};

namespace {

// The title_is_custom column's value for \a info.
int titleSource(const ConversationInfo &info) {
    if (info.titleIsCustom)
        return 1;
    return info.titleIsGenerated ? 2 : 0;
}

ConversationInfo readConversation(const QVariant (&v)[10]) {
    ConversationInfo info;
    info.id = v[0].toLongLong();
    info.title = v[1].toString();
    info.titleIsCustom = v[2].toInt() == 1;
    info.titleIsGenerated = v[2].toInt() == 2;
    info.pinned = v[3].toInt() != 0;
    info.createdAt = fromMs(v[4]);
    info.updatedAt = fromMs(v[5]);
    info.model = v[6].toString();
    info.agentId = v[7].toString();
    info.tools = parseArray(v[8]);
    info.settings = parseObject(v[9]);
    return info;
}

StoredMessage readMessage(const QVariant (&v)[messageColumnCount]) {
    StoredMessage m;
    m.id = v[0].toLongLong();
    m.conversationId = v[1].toLongLong();
    m.position = v[2].toLongLong();
    m.role = v[3].toString();
    m.message = parseObject(v[4]);
    m.status = statusFromName(v[5].toString()).value_or(MessageStatus::Interrupted);
    m.error = parseObject(v[6]);
    m.usage = parseObject(v[7]);
    m.requestId = v[8].toString();
    m.model = v[9].toString();
    m.createdAt = fromMs(v[10]);
    m.updatedAt = fromMs(v[11]);
    m.parentId = v[12].toLongLong();
    m.selected = v[13].toInt() != 0;
    m.onPath = v[14].toInt() != 0;
    m.versionCount = std::max(1, v[15].toInt());
    m.versionIndex = v[16].toInt();
    return m;
}

template<std::size_t N, typename RowsT>
void fetchRow(const RowsT &rows, QVariant (&values)[N]) {
    for (std::size_t i = 0; i < N; ++i)
        values[i] = rows.value(int(i));
}

} // namespace

ConversationStore::ConversationStore(QString profileDir, QString connectionName,
                                     std::unique_ptr<QLockFile> lock)
    : m_profileDir(std::move(profileDir))
    , m_connectionName(std::move(connectionName))
    , m_lock(std::move(lock)) {}

ConversationStore::~ConversationStore() {
    m_statements.clear();
    if (m_db.isOpen()) {
        // Lets SQLite refresh its query planner statistics, as it recommends at close.
        (void)SqlHelpers::exec(m_db, u"PRAGMA optimize"_s);
        m_db.close();
    }
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

QString ConversationStore::databaseFileName() {
    return u"history.sqlite3"_s;
}

QString ConversationStore::lockFileName() {
    return u"tramontane.lock"_s;
}

QString ConversationStore::databasePath() const {
    return QDir(m_profileDir).filePath(databaseFileName());
}

void ConversationStore::addMigrationSteps(SchemaMigrator &migrator) {
    migrator.addStep(1, u"conversations, messages and the full-text index"_s, createSchemaV1);
    migrator.addStep(2, u"attached images in their own table"_s, MessageImages::createSchemaV2);
    migrator.addStep(3, u"earlier versions of messages kept as branches"_s,
                     MessageBranches::createSchemaV3);
    Q_ASSERT(migrator.latestVersion() == currentSchemaVersion);
}

ConversationStore::OpenResult ConversationStore::open(const QString &profileDir) {
    OpenResult result;
    const auto fail = [&result](StoreError error) {
        qCWarning(lcStorage).noquote() << "cannot open the store:" << error.detail;
        result.error = std::move(error);
        return std::move(result);
    };

    QDir dir(profileDir);
    if (profileDir.isEmpty() || !dir.mkpath(u"."_s)) {
        return fail(makeError(StoreError::Kind::CannotOpen,
                              tr("The profile folder %1 cannot be created. Make its parent "
                                 "folder writable, or set XDG_DATA_HOME to a folder that is.")
                                  .arg(QDir::toNativeSeparators(profileDir)),
                              u"mkpath failed"_s));
    }

    auto lock = std::make_unique<QLockFile>(dir.filePath(lockFileName()));
    // A lock is only stale when its process is gone (QLockFile checks the pid), never by age:
    // a second instance must not steal the profile of a long-running first one.
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0)) {
        if (lock->error() == QLockFile::LockFailedError) {
            return fail(makeError(StoreError::Kind::AlreadyRunning,
                                  tr("Tramontane is already running with this profile."),
                                  u"profile lock held: "_s + dir.filePath(lockFileName())));
        }
        return fail(makeError(StoreError::Kind::CannotOpen,
                              tr("The profile folder %1 is read-only. Make it writable, or "
                                 "set XDG_DATA_HOME to a folder that is.")
                                  .arg(QDir::toNativeSeparators(dir.absolutePath())),
                              u"cannot create the profile lock"_s));
    }

    const QString connection = u"tramontane-store-%1"_s.arg(++connectionCounter);
    std::unique_ptr<ConversationStore> store(
        new ConversationStore(dir.absolutePath(), connection, std::move(lock)));
    store->m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
    if (!store->m_db.isValid()) {
        return fail(makeError(StoreError::Kind::CannotOpen,
                              tr("The SQLite driver of Qt (QSQLITE) is not installed, so the "
                                 "conversation history cannot be opened."),
                              u"no QSQLITE driver"_s));
    }
    const QString path = store->databasePath();
    store->m_db.setDatabaseName(path);
    store->m_db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!store->m_db.open()) {
        return fail(makeError(
            StoreError::Kind::CannotOpen,
            tr("The conversation history %1 cannot be opened.").arg(QDir::toNativeSeparators(path)),
            store->m_db.lastError().text()));
    }
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);

    if (auto configured = store->configureConnection(); !configured) {
        StoreError error = configured.error();
        if (error.kind == StoreError::Kind::Damaged) {
            // Never replace it: say so and leave it alone; setAsideDamaged() moves it away
            // when the person chooses to start a new history.
            error.message = tr("The conversation history %1 is damaged or is not a Tramontane "
                               "history. It was left as it is.")
                                .arg(QDir::toNativeSeparators(path));
        } else if (error.kind == StoreError::Kind::Locked) {
            error.message = tr("The conversation history %1 is locked by another program. Close "
                               "the program that has it open (a database browser, a backup "
                               "tool) and start Tramontane again.")
                                .arg(QDir::toNativeSeparators(path));
        } else if (error.kind == StoreError::Kind::Io) {
            // The first statements fail on a file that cannot be read or written.
            error.kind = StoreError::Kind::CannotOpen;
            error.message = tr("The conversation history %1 cannot be opened: the file cannot "
                               "be read or written. It was left as it is.")
                                .arg(QDir::toNativeSeparators(path));
        }
        return fail(error);
    }

    {
        SchemaMigrator migrator(store->m_db, path);
        addMigrationSteps(migrator);
        auto migrated = migrator.migrate();
        if (!migrated)
            return fail(migrated.error());
        result.fromSchemaVersion = migrated->fromVersion;
        result.backupPath = migrated->backupPath;
    }

    auto recovered = store->recoverUnfinished();
    if (!recovered)
        return fail(recovered.error());
    result.interruptedMessages = *recovered;
    if (*recovered > 0) {
        qCInfo(lcStorage) << "marked" << *recovered
                          << "unfinished message(s) from an earlier session as interrupted";
    }

    // Undo of a delete lasts one session: whatever an earlier session left deleted goes now.
    auto purged = store->purgeDeleted();
    if (!purged)
        return fail(purged.error());
    result.purgedConversations = *purged;

    result.store = std::move(store);
    return result;
}

StoreResult<QString> ConversationStore::setAsideDamaged(const QString &profileDir,
                                                        const QDateTime &now) {
    const QDir dir(profileDir);
    const QString database = dir.filePath(databaseFileName());
    const QString aside = database + u".damaged-"_s + now.toUTC().toString(u"yyyyMMdd-HHmmss"_s);
    // The write-ahead log and its index belong to the damaged file: they move with it, or
    // SQLite would apply them to the new history.
    for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s}) {
        if (!QFile::exists(database + suffix))
            continue;
        if (QFile::exists(aside + suffix) || !QFile::rename(database + suffix, aside + suffix)) {
            StoreError error;
            error.kind = StoreError::Kind::CannotOpen;
            error.message = tr("The damaged history could not be moved aside in %1.")
                                .arg(QDir::toNativeSeparators(dir.absolutePath()));
            error.detail = u"cannot rename "_s + database + suffix;
            return error;
        }
    }
    qCInfo(lcStorage).noquote() << "damaged history moved aside to" << aside;
    return aside;
}

StoreResult<void> ConversationStore::configureConnection() {
    auto mode = SqlHelpers::scalar(m_db, u"PRAGMA journal_mode = WAL"_s);
    if (!mode)
        return mode.error();
    if (mode->toString().compare("wal"_L1, Qt::CaseInsensitive) != 0) {
        // Some network file systems cannot share memory between processes. The rollback
        // journal is as safe, only slower.
        qCWarning(lcStorage) << "WAL journal not available; using" << mode->toString();
    }
    const QString pragmas[] = {
        u"PRAGMA synchronous = NORMAL"_s,
        u"PRAGMA foreign_keys = ON"_s,
        u"PRAGMA busy_timeout = 5000"_s,
        // Deleted conversations must not linger in free pages of the file.
        u"PRAGMA secure_delete = ON"_s,
        // After a large transaction (an import), give the disk space of the WAL back.
        u"PRAGMA journal_size_limit = 67108864"_s,
        // 8 MB of page cache instead of 2: the list, a page of messages and the search
        // index pages stay in memory between calls.
        u"PRAGMA cache_size = -8192"_s,
    };
    for (const QString &sql : pragmas) {
        if (auto done = SqlHelpers::exec(m_db, sql); !done)
            return done;
    }
    m_syncMode = Durability::Relaxed;

    // Search and the triggers need FTS5; say so clearly instead of failing on every write.
    QSqlQuery probe(m_db);
    if (!probe.exec(u"CREATE VIRTUAL TABLE temp.fts5_probe USING fts5 (x)"_s)) {
        return makeError(StoreError::Kind::CannotOpen,
                         tr("The SQLite library in use has no full-text search (FTS5), which "
                            "the conversation history needs."),
                         probe.lastError().text());
    }
    if (auto dropped = SqlHelpers::exec(m_db, u"DROP TABLE temp.fts5_probe"_s); !dropped)
        return dropped;
    if (!probe.exec(u"SELECT json_extract('{\"a\":1}', '$.a')"_s)) {
        return makeError(StoreError::Kind::CannotOpen,
                         tr("The SQLite library in use has no JSON functions, which the "
                            "conversation history needs."),
                         probe.lastError().text());
    }
    return {};
}

StoreResult<int> ConversationStore::recoverUnfinished() {
    return write(Durability::Relaxed, [this]() -> StoreResult<int> {
        auto rows = run(u"UPDATE messages SET status = 'interrupted', updated_at = ?"
                        " WHERE status IN ('streaming', 'pending')"_s,
                        {now()});
        if (!rows)
            return rows.error();
        return rows->rowsAffected();
    });
}

// ----- Statement plumbing --------------------------------------------------------------------

StoreResult<QSqlQuery *> ConversationStore::prepared(const QString &sql) const {
    auto it = m_statements.find(sql);
    if (it != m_statements.end())
        return it->second.get();
    auto query = std::make_unique<QSqlQuery>(m_db);
    query->setForwardOnly(true);
    if (!query->prepare(sql))
        return SqlHelpers::ioError(u"prepare "_s + sql, query->lastError());
    return m_statements.emplace(sql, std::move(query)).first->second.get();
}

StoreResult<ConversationStore::Rows> ConversationStore::run(const QString &sql,
                                                            const QList<QVariant> &values) const {
    auto statement = prepared(sql);
    if (!statement)
        return statement.error();
    QSqlQuery *query = *statement;
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        // QtSql binds a null QString as SQL NULL; here NULL is only ever meant through an
        // invalid QVariant, and text columns are NOT NULL.
        if (value.typeId() == QMetaType::QString && value.toString().isNull())
            query->bindValue(int(i), QString(u""_s));
        else
            query->bindValue(int(i), value);
    }
    if (!query->exec()) {
        StoreError error = SqlHelpers::ioError(sql, query->lastError());
        query->finish();
        return error;
    }
    return Rows(query);
}

template<typename Body>
auto ConversationStore::write(Durability durability, Body &&body) -> decltype(body()) {
    if (durability != m_syncMode) {
        auto set = SqlHelpers::exec(m_db, durability == Durability::Synced
                                              ? u"PRAGMA synchronous = FULL"_s
                                              : u"PRAGMA synchronous = NORMAL"_s);
        if (!set)
            return set.error();
        m_syncMode = durability;
    }
    if (auto begun = run(u"BEGIN IMMEDIATE"_s, {}); !begun)
        return begun.error();
    auto result = body();
    if (result) {
        auto committed = run(u"COMMIT"_s, {});
        if (committed)
            return result;
        StoreError error = committed.error();
        (void)run(u"ROLLBACK"_s, {});
        return error;
    }
    (void)run(u"ROLLBACK"_s, {});
    return result;
}

qint64 ConversationStore::now() {
    // Strictly increasing within a store, so "last activity" orders writes even when two
    // happen in the same millisecond.
    qint64 t = QDateTime::currentMSecsSinceEpoch();
    if (t <= m_lastTimestamp)
        t = m_lastTimestamp + 1;
    m_lastTimestamp = t;
    return t;
}

StoreResult<void> ConversationStore::requireConversation(qint64 id) const {
    auto rows = run(u"SELECT 1 FROM conversations WHERE id = ?"_s, {id});
    if (!rows)
        return rows.error();
    if (!rows->next())
        return conversationNotFound(id);
    return {};
}

StoreResult<void> ConversationStore::touchConversation(qint64 conversationId, qint64 time) {
    auto rows =
        run(u"UPDATE conversations SET updated_at = ? WHERE id = ?"_s, {time, conversationId});
    if (!rows)
        return rows.error();
    return {};
}

StoreResult<void> ConversationStore::updateDerivedTitle(qint64 conversationId) {
    QString title;
    {
        auto rows = run(u"SELECT title, title_is_custom FROM conversations WHERE id = ?"_s,
                        {conversationId});
        if (!rows)
            return rows.error();
        if (!rows->next())
            return conversationNotFound(conversationId);
        if (rows->value(1).toInt() != 0)
            return {};
        title = rows->value(0).toString();
    }
    QString derived;
    {
        auto rows = run(u"SELECT message FROM messages WHERE conversation_id = ? AND role = 'user'"
                        " AND on_path = 1 ORDER BY position LIMIT 1"_s,
                        {conversationId});
        if (!rows)
            return rows.error();
        if (rows->next())
            derived = MessageText::deriveTitle(parseObject(rows->value(0)));
    }
    if (derived == title)
        return {};
    auto rows =
        run(u"UPDATE conversations SET title = ? WHERE id = ?"_s, {derived, conversationId});
    if (!rows)
        return rows.error();
    return {};
}

StoreResult<QList<StoredMessage>> ConversationStore::readMessages(const QString &sql,
                                                                  const QList<QVariant> &values,
                                                                  bool reverse) const {
    auto rows = run(sql, values);
    if (!rows)
        return rows.error();
    QList<StoredMessage> list;
    QVariant v[messageColumnCount];
    while (rows->next()) {
        fetchRow(*rows, v);
        list.append(readMessage(v));
    }
    for (StoredMessage &m : list) {
        if (!MessageImages::hasReferences(m.message))
            continue;
        auto images = MessageImages::read(m_db, m.id);
        if (!images)
            return images.error();
        MessageImages::resolve(m.message, *images);
    }
    if (reverse)
        std::reverse(list.begin(), list.end());
    return list;
}

// ----- Conversations -------------------------------------------------------------------------

StoreResult<ConversationInfo> ConversationStore::createConversation(const NewConversation &init) {
    ConversationInfo info;
    info.title = init.title.simplified();
    info.titleIsCustom = !info.title.isEmpty();
    info.model = init.model;
    info.agentId = init.agentId;
    info.tools = init.tools;
    info.settings = init.settings;
    auto created = write(Durability::Relaxed, [&]() -> StoreResult<void> {
        const qint64 t = now();
        info.createdAt = info.updatedAt = utcFromMs(t);
        auto rows = run(u"INSERT INTO conversations (title, title_is_custom, pinned, created_at,"
                        " updated_at, model, agent_id, tools, settings)"
                        " VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?)"_s,
                        {info.title, int(info.titleIsCustom), t, t, info.model, info.agentId,
                         jsonText(info.tools), jsonText(info.settings)});
        if (!rows)
            return rows.error();
        info.id = rows->lastInsertId();
        return {};
    });
    if (!created)
        return created.error();
    Q_EMIT conversationCreated(info.id);
    return info;
}

StoreResult<ConversationInfo> ConversationStore::conversation(qint64 id) const {
    auto rows =
        run(u"SELECT "_s + conversationColumns + u" FROM conversations WHERE id = ?"_s, {id});
    if (!rows)
        return rows.error();
    if (!rows->next())
        return conversationNotFound(id);
    QVariant v[10];
    fetchRow(*rows, v);
    return readConversation(v);
}

StoreResult<QList<ConversationInfo>> ConversationStore::listConversations(int limit,
                                                                          int offset) const {
    auto rows = run(u"SELECT "_s + conversationColumns
                        + u" FROM conversations WHERE deleted_at IS NULL"
                          " ORDER BY pinned DESC, updated_at DESC, id DESC LIMIT ? OFFSET ?"_s,
                    {std::max(limit, 0), std::max(offset, 0)});
    if (!rows)
        return rows.error();
    QList<ConversationInfo> list;
    QVariant v[10];
    while (rows->next()) {
        fetchRow(*rows, v);
        list.append(readConversation(v));
    }
    return list;
}

StoreResult<int> ConversationStore::conversationCount() const {
    auto rows = run(u"SELECT count(*) FROM conversations WHERE deleted_at IS NULL"_s, {});
    if (!rows)
        return rows.error();
    rows->next();
    return rows->value(0).toInt();
}

StoreResult<void> ConversationStore::updateConversationField(qint64 id, const QString &sql,
                                                             const QList<QVariant> &values) {
    auto updated = write(Durability::Relaxed, [&]() -> StoreResult<void> {
        auto rows = run(sql, values);
        if (!rows)
            return rows.error();
        if (rows->rowsAffected() == 0)
            return conversationNotFound(id);
        return {};
    });
    if (updated)
        Q_EMIT conversationChanged(id);
    return updated;
}

StoreResult<void> ConversationStore::renameConversation(qint64 id, const QString &title) {
    const QString simplified = title.simplified();
    if (!simplified.isEmpty()) {
        return updateConversationField(
            id, u"UPDATE conversations SET title = ?, title_is_custom = 1 WHERE id = ?"_s,
            {simplified, id});
    }
    auto reverted = write(Durability::Relaxed, [&]() -> StoreResult<void> {
        auto rows = run(u"UPDATE conversations SET title_is_custom = 0 WHERE id = ?"_s, {id});
        if (!rows)
            return rows.error();
        if (rows->rowsAffected() == 0)
            return conversationNotFound(id);
        return updateDerivedTitle(id);
    });
    if (reverted)
        Q_EMIT conversationChanged(id);
    return reverted;
}

StoreResult<bool> ConversationStore::setGeneratedTitle(qint64 id, const QString &title) {
    const QString simplified = title.simplified();
    if (simplified.isEmpty())
        return false;
    auto set = write(Durability::Relaxed, [&]() -> StoreResult<bool> {
        if (auto exists = requireConversation(id); !exists)
            return exists.error();
        auto rows = run(u"UPDATE conversations SET title = ?, title_is_custom = 2"
                        " WHERE id = ? AND title_is_custom = 0"_s,
                        {simplified, id});
        if (!rows)
            return rows.error();
        return rows->rowsAffected() > 0;
    });
    if (set && *set)
        Q_EMIT conversationChanged(id);
    return set;
}

StoreResult<void> ConversationStore::setPinned(qint64 id, bool pinned) {
    return updateConversationField(id, u"UPDATE conversations SET pinned = ? WHERE id = ?"_s,
                                   {int(pinned), id});
}

StoreResult<void> ConversationStore::setModel(qint64 id, const QString &model,
                                              const QString &agentId) {
    return updateConversationField(
        id, u"UPDATE conversations SET model = ?, agent_id = ? WHERE id = ?"_s,
        {model, agentId, id});
}

StoreResult<void> ConversationStore::setTools(qint64 id, const QJsonArray &tools) {
    return updateConversationField(id, u"UPDATE conversations SET tools = ? WHERE id = ?"_s,
                                   {jsonText(tools), id});
}

StoreResult<void> ConversationStore::setSettings(qint64 id, const QJsonObject &settings) {
    return updateConversationField(id, u"UPDATE conversations SET settings = ? WHERE id = ?"_s,
                                   {jsonText(settings), id});
}

StoreResult<void> ConversationStore::deleteConversation(qint64 id) {
    bool changed = false;
    auto deleted = write(Durability::Relaxed, [&]() -> StoreResult<void> {
        auto rows = run(u"UPDATE conversations SET deleted_at = ?"
                        " WHERE id = ? AND deleted_at IS NULL"_s,
                        {now(), id});
        if (!rows)
            return rows.error();
        changed = rows->rowsAffected() > 0;
        return changed ? StoreResult<void>() : requireConversation(id);
    });
    if (deleted && changed)
        Q_EMIT conversationDeleted(id);
    return deleted;
}

StoreResult<void> ConversationStore::undoDelete(qint64 id) {
    bool changed = false;
    auto restored = write(Durability::Relaxed, [&]() -> StoreResult<void> {
        auto rows = run(u"UPDATE conversations SET deleted_at = NULL"
                        " WHERE id = ? AND deleted_at IS NOT NULL"_s,
                        {id});
        if (!rows)
            return rows.error();
        changed = rows->rowsAffected() > 0;
        return changed ? StoreResult<void>() : requireConversation(id);
    });
    if (restored && changed)
        Q_EMIT conversationRestored(id);
    return restored;
}

StoreResult<int> ConversationStore::purgeDeleted() {
    QList<qint64> ids;
    {
        auto rows = run(u"SELECT id FROM conversations WHERE deleted_at IS NOT NULL"_s, {});
        if (!rows)
            return rows.error();
        while (rows->next())
            ids.append(rows->value(0).toLongLong());
    }
    // One transaction per conversation: the write lock is never held for the whole purge.
    QList<qint64> purged;
    for (qint64 id : std::as_const(ids)) {
        auto removed = write(Durability::Relaxed, [&]() -> StoreResult<int> {
            auto rows =
                run(u"DELETE FROM conversations WHERE id = ? AND deleted_at IS NOT NULL"_s, {id});
            if (!rows)
                return rows.error();
            return rows->rowsAffected();
        });
        if (!removed) {
            if (!purged.isEmpty())
                Q_EMIT conversationsPurged(purged);
            return removed.error();
        }
        if (*removed > 0)
            purged.append(id);
    }
    if (!purged.isEmpty())
        Q_EMIT conversationsPurged(purged);
    return int(purged.size());
}

// ----- Messages ------------------------------------------------------------------------------

StoreResult<StoredMessage>
ConversationStore::insertMessage(qint64 conversationId, QJsonObject message, MessageStatus status,
                                 const QString &model, Durability durability) {
    StoredMessage stored;
    stored.conversationId = conversationId;
    stored.role = message.value("role"_L1).toString();
    if (stored.role.isEmpty()) {
        return makeError(StoreError::Kind::InvalidArgument, tr("The message could not be saved."),
                         u"message without a role"_s);
    }
    stored.message = message;
    stored.status = status;
    stored.model = model;
    const QVariant searchText = searchTextValue(message);
    const QList<MessageImages::Image> images = MessageImages::extract(message);

    auto inserted = write(durability, [&]() -> StoreResult<void> {
        if (auto exists = requireConversation(conversationId); !exists)
            return exists;
        bool earlierUserMessage = false;
        {
            auto rows = run(u"SELECT coalesce(max(position), -1) + 1,"
                            " EXISTS (SELECT 1 FROM messages WHERE conversation_id = ?"
                            "   AND role = 'user' AND on_path = 1)"
                            " FROM messages WHERE conversation_id = ?"_s,
                            {conversationId, conversationId});
            if (!rows)
                return rows.error();
            rows->next();
            stored.position = rows->value(0).toLongLong();
            earlierUserMessage = rows->value(1).toInt() != 0;
        }
        // The message follows the visible path; its earlier versions stay as siblings.
        auto parent = MessageBranches::pathEnd(m_db, conversationId);
        if (!parent)
            return parent.error();
        if (auto made = MessageBranches::deselectChildren(m_db, conversationId, *parent); !made)
            return made;
        stored.parentId = *parent;
        const qint64 t = now();
        stored.createdAt = stored.updatedAt = utcFromMs(t);
        auto rows = run(u"INSERT INTO messages (conversation_id, position, role, message, status,"
                        " model, created_at, updated_at, search_text, parent_id)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                        {conversationId, stored.position, stored.role, jsonText(message),
                         statusName(status), model, t, t, searchText,
                         *parent > 0 ? QVariant(*parent) : QVariant()});
        if (!rows)
            return rows.error();
        stored.id = rows->lastInsertId();
        if (auto kept = MessageImages::insert(m_db, stored.id, images); !kept)
            return kept;
        if (auto touched = touchConversation(conversationId, t); !touched)
            return touched;
        if (stored.role == "user"_L1 && !earlierUserMessage)
            return updateDerivedTitle(conversationId);
        return {};
    });
    if (!inserted)
        return inserted.error();
    Q_EMIT messageAdded(conversationId, stored.id);
    Q_EMIT conversationChanged(conversationId);
    return stored;
}

StoreResult<StoredMessage> ConversationStore::appendUserMessage(qint64 conversationId,
                                                                const QJsonObject &message) {
    QJsonObject user = message;
    const QJsonValue role = user.value("role"_L1);
    if (role.isUndefined() || role.isNull())
        user.insert("role"_L1, u"user"_s);
    else if (role.toString() != "user"_L1)
        return makeError(StoreError::Kind::InvalidArgument, tr("The message could not be saved."),
                         u"appendUserMessage with a non-user role"_s);
    return insertMessage(conversationId, user, MessageStatus::Pending, {}, Durability::Synced);
}

StoreResult<StoredMessage> ConversationStore::appendMessage(qint64 conversationId,
                                                            const QJsonObject &message,
                                                            MessageStatus status,
                                                            const QString &model) {
    return insertMessage(conversationId, message, status, model, Durability::Synced);
}

StoreResult<StoredMessage> ConversationStore::beginAssistantMessage(qint64 conversationId,
                                                                    const QString &model,
                                                                    const QJsonObject &initial) {
    QJsonObject message = initial;
    if (message.value("role"_L1).toString().isEmpty())
        message.insert("role"_L1, u"assistant"_s);
    if (!message.contains("content"_L1) && !message.contains("tool_calls"_L1))
        message.insert("content"_L1, u""_s);
    // Relaxed: the row is a placeholder; the user message before it was synced already.
    return insertMessage(conversationId, message, MessageStatus::Streaming, model,
                         Durability::Relaxed);
}

StoreResult<void> ConversationStore::updateStreamingMessage(qint64 messageId,
                                                            const QJsonObject &message) {
    qint64 conversationId = 0;
    auto updated = write(Durability::Relaxed, [&]() -> StoreResult<void> {
        QJsonObject json = message;
        {
            auto rows = run(u"SELECT conversation_id, status, role FROM messages WHERE id = ?"_s,
                            {messageId});
            if (!rows)
                return rows.error();
            if (!rows->next())
                return messageNotFound(messageId);
            conversationId = rows->value(0).toLongLong();
            if (rows->value(1).toString() != statusName(MessageStatus::Streaming)) {
                return makeError(StoreError::Kind::InvalidArgument,
                                 tr("The message could not be saved."),
                                 u"update of message %1, which is not streaming"_s.arg(messageId));
            }
            if (json.value("role"_L1).toString().isEmpty())
                json.insert("role"_L1, rows->value(2).toString());
        }
        auto rows = run(u"UPDATE messages SET message = ?, role = ?, search_text = ?,"
                        " updated_at = ? WHERE id = ?"_s,
                        {jsonText(json), json.value("role"_L1).toString(), searchTextValue(json),
                         now(), messageId});
        if (!rows)
            return rows.error();
        return {};
    });
    if (updated)
        Q_EMIT messageChanged(conversationId, messageId);
    return updated;
}

StoreResult<void> ConversationStore::finishMessage(qint64 messageId, MessageStatus status,
                                                   const QJsonObject &usage,
                                                   const QString &requestId,
                                                   const QJsonObject &error) {
    if (status == MessageStatus::Streaming || status == MessageStatus::Pending) {
        return makeError(StoreError::Kind::InvalidArgument, tr("The message could not be saved."),
                         u"finishMessage with an unfinished status"_s);
    }
    qint64 conversationId = 0;
    auto finished = write(Durability::Synced, [&]() -> StoreResult<void> {
        {
            auto rows = run(u"SELECT conversation_id FROM messages WHERE id = ?"_s, {messageId});
            if (!rows)
                return rows.error();
            if (!rows->next())
                return messageNotFound(messageId);
            conversationId = rows->value(0).toLongLong();
        }
        const qint64 t = now();
        // A message that ends Complete carries no error any more (e.g. a resent request).
        auto rows =
            run(u"UPDATE messages SET status = ?,"
                " usage = coalesce(?, usage),"
                " request_id = CASE WHEN ? = '' THEN request_id ELSE ? END,"
                " error = CASE WHEN ? THEN NULL ELSE coalesce(?, error) END,"
                " updated_at = ? WHERE id = ?"_s,
                {statusName(status), optionalJson(usage), requestId, requestId,
                 int(status == MessageStatus::Complete), optionalJson(error), t, messageId});
        if (!rows)
            return rows.error();
        return touchConversation(conversationId, t);
    });
    if (finished) {
        Q_EMIT messageChanged(conversationId, messageId);
        Q_EMIT conversationChanged(conversationId);
    }
    return finished;
}

StoreResult<int> ConversationStore::removeMessagesFrom(qint64 conversationId, qint64 position) {
    auto removed = write(Durability::Relaxed, [&]() -> StoreResult<int> {
        if (auto exists = requireConversation(conversationId); !exists)
            return exists.error();
        auto count = MessageBranches::removeFrom(m_db, conversationId, position);
        if (!count)
            return count;
        // A generated title spoke of the first message: without it, the title is derived again
        // (and a new one is generated after the next answer).
        if (auto rows = run(u"UPDATE conversations SET title_is_custom = 0 WHERE id = ?"
                            " AND title_is_custom = 2 AND NOT EXISTS (SELECT 1 FROM messages"
                            " WHERE conversation_id = ? AND role = 'user')"_s,
                            {conversationId, conversationId});
            !rows)
            return rows.error();
        if (auto titled = updateDerivedTitle(conversationId); !titled)
            return titled.error();
        return *count;
    });
    if (removed && *removed > 0) {
        Q_EMIT messagesRemoved(conversationId, position);
        Q_EMIT conversationChanged(conversationId);
    }
    return removed;
}

StoreResult<int> ConversationStore::branchFrom(qint64 conversationId, qint64 position) {
    auto aside = write(Durability::Relaxed, [&]() -> StoreResult<int> {
        if (auto exists = requireConversation(conversationId); !exists)
            return exists.error();
        return MessageBranches::setAsideFrom(m_db, conversationId, position);
    });
    if (aside && *aside > 0)
        Q_EMIT messagesRemoved(conversationId, position);
    return aside;
}

StoreResult<void> ConversationStore::selectBranch(qint64 conversationId, qint64 messageId) {
    auto selected = write(Durability::Relaxed, [&]() -> StoreResult<void> {
        if (auto exists = requireConversation(conversationId); !exists)
            return exists;
        if (auto done = MessageBranches::select(m_db, conversationId, messageId); !done)
            return done;
        // The first user message shown may be another version now.
        return updateDerivedTitle(conversationId);
    });
    if (selected) {
        Q_EMIT branchChanged(conversationId);
        Q_EMIT conversationChanged(conversationId);
    }
    return selected;
}

StoreResult<qint64> ConversationStore::versionBeside(qint64 messageId, int step) const {
    auto current = message(messageId);
    if (!current)
        return current.error();
    const int index = current->versionIndex + step;
    if (index < 0 || index >= current->versionCount)
        return messageNotFound(messageId);
    auto rows = run(u"SELECT id FROM messages WHERE conversation_id = ? AND parent_id IS ?"
                    " ORDER BY position LIMIT 1 OFFSET ?"_s,
                    {current->conversationId,
                     current->parentId > 0 ? QVariant(current->parentId) : QVariant(), index});
    if (!rows)
        return rows.error();
    if (!rows->next())
        return messageNotFound(messageId);
    return rows->value(0).toLongLong();
}

StoreResult<StoredMessage> ConversationStore::message(qint64 messageId) const {
    auto list = readMessages(u"SELECT "_s + messageColumns + u" FROM messages WHERE id = ?"_s,
                             {messageId}, false);
    if (!list)
        return list.error();
    if (list->isEmpty())
        return messageNotFound(messageId);
    return list->constFirst();
}

StoreResult<QList<StoredMessage>> ConversationStore::newestMessages(qint64 conversationId,
                                                                    int limit) const {
    return readMessages(u"SELECT "_s + messageColumns
                            + u" FROM messages WHERE conversation_id = ? AND on_path = 1"
                              " ORDER BY position DESC LIMIT ?"_s,
                        {conversationId, std::max(limit, 0)}, true);
}

StoreResult<QList<StoredMessage>>
ConversationStore::messagesBefore(qint64 conversationId, qint64 position, int limit) const {
    return readMessages(
        u"SELECT "_s + messageColumns
            + u" FROM messages WHERE conversation_id = ? AND on_path = 1 AND position < ?"
              " ORDER BY position DESC LIMIT ?"_s,
        {conversationId, position, std::max(limit, 0)}, true);
}

StoreResult<QList<StoredMessage>>
ConversationStore::messagesFrom(qint64 conversationId, qint64 position, int limit) const {
    return readMessages(
        u"SELECT "_s + messageColumns
            + u" FROM messages WHERE conversation_id = ? AND on_path = 1 AND position >= ?"
              " ORDER BY position LIMIT ?"_s,
        {conversationId, position, std::max(limit, 0)}, false);
}

StoreResult<QList<StoredMessage>> ConversationStore::messages(qint64 conversationId) const {
    return readMessages(u"SELECT "_s + messageColumns
                            + u" FROM messages WHERE conversation_id = ? AND on_path = 1"
                              " ORDER BY position"_s,
                        {conversationId}, false);
}

StoreResult<QList<StoredMessage>> ConversationStore::allMessages(qint64 conversationId) const {
    return readMessages(u"SELECT "_s + messageColumns
                            + u" FROM messages WHERE conversation_id = ? ORDER BY position"_s,
                        {conversationId}, false);
}

StoreResult<int> ConversationStore::messageCount(qint64 conversationId) const {
    auto rows = run(u"SELECT count(*) FROM messages WHERE conversation_id = ? AND on_path = 1"_s,
                    {conversationId});
    if (!rows)
        return rows.error();
    rows->next();
    return rows->value(0).toInt();
}

// ----- Search --------------------------------------------------------------------------------

StoreResult<QList<SearchHit>> ConversationStore::search(const QString &query, int limit,
                                                        SearchOrder order) const {
    const QString expression = MessageText::ftsMatchExpression(query);
    QList<SearchHit> hits;
    if (expression.isEmpty() || limit <= 0)
        return hits;
    // U+0002/U+0003 mark the matches (plainText() removes them from the indexed text), and
    // U+2026 is the ellipsis at cut ends.
    auto rows = run(u"SELECT m.id, m.conversation_id, m.position, m.role, m.created_at, c.title,"
                    " m.on_path, snippet(messages_fts, 0, char(2), char(3), char(8230), 16)"
                    " FROM messages_fts"
                    " JOIN messages m ON m.id = messages_fts.rowid"
                    " JOIN conversations c ON c.id = m.conversation_id"
                    " WHERE messages_fts MATCH ? AND c.deleted_at IS NULL"_s
                        + (order == SearchOrder::Newest ? u" ORDER BY messages_fts.rowid DESC"_s
                                                        : u" ORDER BY messages_fts.rank"_s)
                        + u" LIMIT ?"_s,
                    {expression, limit});
    if (!rows)
        return rows.error();
    while (rows->next()) {
        SearchHit hit;
        hit.messageId = rows->value(0).toLongLong();
        hit.conversationId = rows->value(1).toLongLong();
        hit.position = rows->value(2).toLongLong();
        hit.role = rows->value(3).toString();
        hit.messageCreatedAt = fromMs(rows->value(4));
        hit.conversationTitle = rows->value(5).toString();
        hit.onPath = rows->value(6).toInt() != 0;
        parseSnippet(rows->value(7).toString(), hit);
        hits.append(hit);
    }
    return hits;
}

// ----- Export and import ---------------------------------------------------------------------

StoreResult<ConversationRecord> ConversationStore::record(qint64 conversationId) const {
    auto info = conversation(conversationId);
    if (!info)
        return info.error();
    auto list = allMessages(conversationId);
    if (!list)
        return list.error();
    return ConversationRecord{*info, *list};
}

StoreResult<void>
ConversationStore::exportMarkdown(qint64 conversationId, const QString &filePath,
                                  const ConversationExporter::ImageResolver &resolver) const {
    auto data = record(conversationId);
    if (!data)
        return data.error();
    return ConversationExporter::writeMarkdown(*data, filePath, resolver);
}

StoreResult<void> ConversationStore::exportJson(qint64 conversationId,
                                                const QString &filePath) const {
    auto data = record(conversationId);
    if (!data)
        return data.error();
    return ConversationExporter::writeJson(*data, filePath);
}

StoreResult<ConversationInfo> ConversationStore::importJson(const QString &filePath) {
    // A conversation with inline images can be large, but not this large.
    constexpr qint64 maxImportSize = qint64(512) * 1024 * 1024;
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(StoreError::Kind::Io,
                         tr("The file %1 cannot be read.").arg(QDir::toNativeSeparators(filePath)),
                         file.errorString());
    }
    if (file.size() > maxImportSize) {
        return makeError(StoreError::Kind::InvalidFile,
                         tr("The file %1 is too large to be a conversation.")
                             .arg(QDir::toNativeSeparators(filePath)),
                         u"import file size %1"_s.arg(file.size()));
    }
    auto parsed = ConversationExporter::fromJson(file.readAll());
    if (!parsed)
        return parsed.error();
    return importConversation(*parsed);
}

StoreResult<ConversationInfo>
ConversationStore::importConversation(const ConversationRecord &record) {
    qint64 id = 0;
    auto imported = write(Durability::Relaxed, [&]() -> StoreResult<void> {
        const qint64 t = now();
        const ConversationInfo &info = record.info;
        {
            auto rows =
                run(u"INSERT INTO conversations (title, title_is_custom, pinned, created_at,"
                    " updated_at, model, agent_id, tools, settings)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                    {info.title, titleSource(info), int(info.pinned), toMs(info.createdAt, t),
                     toMs(info.updatedAt, t), info.model, info.agentId, jsonText(info.tools),
                     jsonText(info.settings)});
            if (!rows)
                return rows.error();
            id = rows->lastInsertId();
        }
        // A file without versions (format 1) is one linear path: each message follows the one
        // before it.
        const bool hasTree = std::any_of(record.messages.cbegin(), record.messages.cend(),
                                         [](const StoredMessage &m) { return m.parentId != 0; });
        QHash<qint64, qint64> newIds; // the file's message ids -> the ids stored
        qint64 previous = 0;
        for (const StoredMessage &m : record.messages) {
            QString role = m.message.value("role"_L1).toString();
            if (role.isEmpty())
                role = m.role;
            if (role.isEmpty()) {
                return makeError(StoreError::Kind::InvalidFile,
                                 tr("The conversation could not be imported: a message has no "
                                    "role."),
                                 u"imported message without a role"_s);
            }
            // Nothing is streaming into an imported copy.
            MessageStatus status = m.status;
            if (status == MessageStatus::Streaming || status == MessageStatus::Pending)
                status = MessageStatus::Interrupted;
            // A parent the file does not hold before this message makes it a first message.
            const qint64 parent = hasTree ? newIds.value(m.parentId, 0) : previous;
            QJsonObject message = m.message;
            const QList<MessageImages::Image> images = MessageImages::extract(message);
            auto rows = run(u"INSERT INTO messages (conversation_id, position, role, message,"
                            " status, error, usage, request_id, model, created_at, updated_at,"
                            " search_text, parent_id, selected, on_path)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                            {id, m.position, role, jsonText(message), statusName(status),
                             optionalJson(m.error), optionalJson(m.usage), m.requestId, m.model,
                             toMs(m.createdAt, t), toMs(m.updatedAt, t), searchTextValue(m.message),
                             parent > 0 ? QVariant(parent) : QVariant(),
                             int(!hasTree || m.selected), int(!hasTree || m.onPath)});
            if (!rows)
                return rows.error();
            previous = rows->lastInsertId();
            newIds.insert(m.id, previous);
            if (auto kept = MessageImages::insert(m_db, previous, images); !kept)
                return kept;
        }
        // The file's choices may not hold together (edited by hand): one selected version per
        // place, and the path through them.
        if (hasTree) {
            if (auto deduped = MessageBranches::keepOneSelected(m_db, id); !deduped)
                return deduped;
        }
        return MessageBranches::rebuildPath(m_db, id);
    });
    if (!imported)
        return imported.error();
    Q_EMIT conversationCreated(id);
    return conversation(id);
}

} // namespace Tramontane
