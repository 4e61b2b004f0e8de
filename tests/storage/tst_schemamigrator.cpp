// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/ConversationStore.h"
#include "core/storage/SchemaMigrator.h"

#include <QDir>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

// A plain connection of the test's own, closed and removed on destruction.
class Connection {
public:
    explicit Connection(const QString &path)
        : m_name(u"migrator-test-%1"_s.arg(++s_counter)) {
        m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        m_db.setDatabaseName(path);
        m_db.open();
    }
    ~Connection() {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    QSqlDatabase &db() { return m_db; }

    QStringList column(const QString &sql) {
        QStringList values;
        QSqlQuery query(m_db);
        if (!query.exec(sql))
            return {u"ERROR: "_s + query.lastError().text()};
        while (query.next())
            values.append(query.value(0).toString());
        return values;
    }

private:
    static inline int s_counter = 0;
    QString m_name;
    QSqlDatabase m_db;
};

StoreResult<void> execStep(QSqlDatabase &db, const QString &sql) {
    QSqlQuery query(db);
    if (!query.exec(sql)) {
        StoreError error;
        error.kind = StoreError::Kind::Io;
        error.message = u"step failed"_s;
        error.detail = query.lastError().text();
        return error;
    }
    return {};
}

} // namespace

class TestSchemaMigrator : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void newDatabase_runsEveryStep_withoutBackup();
    void upToDate_doesNothing();
    void existingData_backupWrittenBeforeNextStep();
    void failingStep_rollsBackThatStepOnly();
    void newerVersion_isRefusedUntouched();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString path() const { return m_dir->filePath(u"test.sqlite3"_s); }
    QStringList backups() const { return QDir(m_dir->path()).entryList({u"*.bak"_s}); }
};

void TestSchemaMigrator::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestSchemaMigrator::newDatabase_runsEveryStep_withoutBackup() {
    Connection c(path());
    QStringList calls;
    SchemaMigrator migrator(c.db(), path());
    migrator.addStep(1, u"one"_s, [&](QSqlDatabase &db) {
        calls.append(u"1"_s);
        return execStep(db, u"CREATE TABLE t (a INTEGER)"_s);
    });
    migrator.addStep(2, u"two"_s, [&](QSqlDatabase &db) {
        calls.append(u"2"_s);
        return execStep(db, u"ALTER TABLE t ADD COLUMN b TEXT"_s);
    });
    QCOMPARE(migrator.latestVersion(), 2);
    const auto outcome = migrator.migrate();
    QVERIFY2(outcome, qPrintable(outcome.error().detail));
    QCOMPARE(outcome->fromVersion, 0);
    QCOMPARE(outcome->toVersion, 2);
    QVERIFY(outcome->backupPath.isEmpty());
    QCOMPARE(calls, (QStringList{u"1"_s, u"2"_s}));
    QCOMPARE(c.column(u"PRAGMA user_version"_s), QStringList{u"2"_s});
    QVERIFY(backups().isEmpty());
}

void TestSchemaMigrator::upToDate_doesNothing() {
    Connection c(path());
    int calls = 0;
    SchemaMigrator migrator(c.db(), path());
    migrator.addStep(1, u"one"_s, [&](QSqlDatabase &db) {
        ++calls;
        return execStep(db, u"CREATE TABLE t (a INTEGER)"_s);
    });
    QVERIFY(migrator.migrate());
    const auto again = migrator.migrate();
    QVERIFY(again);
    QCOMPARE(again->fromVersion, 1);
    QCOMPARE(again->toVersion, 1);
    QCOMPARE(calls, 1);
    QVERIFY(backups().isEmpty());
}

void TestSchemaMigrator::existingData_backupWrittenBeforeNextStep() {
    // A real history of the current version, written by the store.
    constexpr int current = ConversationStore::currentSchemaVersion;
    const QString next = QString::number(current + 1);
    qint64 conversationId = 0;
    {
        auto opened = ConversationStore::open(m_dir->path());
        QVERIFY(opened.ok());
        conversationId = opened.store->createConversation({u"Kept"_s})->id;
        QVERIFY(opened.store->appendUserMessage(
            conversationId, QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"hello"_s}}));
    }
    const QString db = QDir(m_dir->path()).filePath(ConversationStore::databaseFileName());
    Connection c(db);
    SchemaMigrator migrator(c.db(), db);
    ConversationStore::addMigrationSteps(migrator);
    QStringList backupsSeenByStep;
    // A made-up next version, as a future build would add it.
    migrator.addStep(current + 1, u"conversation colour"_s, [&](QSqlDatabase &database) {
        backupsSeenByStep = backups();
        return execStep(database,
                        u"ALTER TABLE conversations ADD COLUMN colour TEXT NOT NULL DEFAULT ''"_s);
    });
    const auto outcome = migrator.migrate();
    QVERIFY2(outcome, qPrintable(outcome.error().detail));
    QCOMPARE(outcome->fromVersion, current);
    QCOMPARE(outcome->toVersion, current + 1);
    QVERIFY(!outcome->backupPath.isEmpty());
    QCOMPARE(backupsSeenByStep.size(), 1); // the copy existed before the step ran
    QCOMPARE(QFileInfo(outcome->backupPath).fileName(), backupsSeenByStep.first());
    QVERIFY(QFileInfo(outcome->backupPath)
                .fileName()
                .startsWith(ConversationStore::databaseFileName() + u".v%1-"_s.arg(current)));
    QCOMPARE(c.column(u"PRAGMA user_version"_s), QStringList{next});
    QCOMPARE(c.column(u"SELECT colour FROM conversations"_s), QStringList{QString()});

    // The backup is the database of the current version with its data.
    Connection backup(outcome->backupPath);
    QCOMPARE(backup.column(u"PRAGMA user_version"_s), QStringList{QString::number(current)});
    QCOMPARE(backup.column(u"SELECT title FROM conversations"_s), QStringList{u"Kept"_s});
    QCOMPARE(backup.column(u"SELECT count(*) FROM messages"_s), QStringList{u"1"_s});
    QVERIFY(backup.column(u"SELECT colour FROM conversations"_s).value(0).startsWith(u"ERROR"_s));
    QCOMPARE(backup.column(u"PRAGMA integrity_check"_s), QStringList{u"ok"_s});

    // This build does not know the next version: the upgraded file is now refused, untouched.
    auto refused = ConversationStore::open(m_dir->path());
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error.kind, StoreError::Kind::NewerSchema);
}

void TestSchemaMigrator::failingStep_rollsBackThatStepOnly() {
    Connection c(path());
    SchemaMigrator first(c.db(), path());
    first.addStep(1, u"one"_s,
                  [](QSqlDatabase &db) { return execStep(db, u"CREATE TABLE t (a INTEGER)"_s); });
    QVERIFY(first.migrate());
    QVERIFY(execStep(c.db(), u"INSERT INTO t VALUES (42)"_s));

    SchemaMigrator second(c.db(), path());
    second.addStep(1, u"one"_s, [](QSqlDatabase &) { return StoreResult<void>(); });
    second.addStep(2, u"two, half done"_s, [](QSqlDatabase &db) {
        if (auto done = execStep(db, u"CREATE TABLE u (b INTEGER)"_s); !done)
            return done;
        return execStep(db, u"INSERT INTO missing_table VALUES (1)"_s);
    });
    const auto outcome = second.migrate();
    QVERIFY(!outcome);
    QCOMPARE(outcome.error().kind, StoreError::Kind::MigrationFailed);
    QCOMPARE(c.column(u"PRAGMA user_version"_s), QStringList{u"1"_s});
    QCOMPARE(c.column(u"SELECT name FROM sqlite_master WHERE name = 'u'"_s), QStringList());
    QCOMPARE(c.column(u"SELECT a FROM t"_s), QStringList{u"42"_s});
    QCOMPARE(backups().size(), 1);
    QVERIFY2(outcome.error().message.contains(backups().first()),
             qPrintable(outcome.error().message));
}

void TestSchemaMigrator::newerVersion_isRefusedUntouched() {
    Connection c(path());
    QVERIFY(execStep(c.db(), u"CREATE TABLE t (a INTEGER)"_s));
    QVERIFY(execStep(c.db(), u"PRAGMA user_version = 5"_s));
    bool ran = false;
    SchemaMigrator migrator(c.db(), path());
    migrator.addStep(1, u"one"_s, [&](QSqlDatabase &) {
        ran = true;
        return StoreResult<void>();
    });
    const auto outcome = migrator.migrate();
    QVERIFY(!outcome);
    QCOMPARE(outcome.error().kind, StoreError::Kind::NewerSchema);
    QVERIFY(outcome.error().message.contains(u'5'));
    QVERIFY(!ran);
    QVERIFY(backups().isEmpty());
    QCOMPARE(c.column(u"PRAGMA user_version"_s), QStringList{u"5"_s});
}

QTEST_GUILESS_MAIN(TestSchemaMigrator)
#include "tst_schemamigrator.moc"
