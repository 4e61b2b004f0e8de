// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/SchemaMigrator.h"

#include "core/Logging.h"
#include "core/storage/SqlHelpers.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Tramontane {

SchemaMigrator::SchemaMigrator(QSqlDatabase db, QString databasePath)
    : m_db(db) // QSqlDatabase has no move constructor in Qt 6.4
    , m_databasePath(std::move(databasePath)) {}

void SchemaMigrator::addStep(int version, QString description, StepFunction apply) {
    Q_ASSERT_X(version == latestVersion() + 1, "SchemaMigrator::addStep",
               "steps must be added in order, one version at a time");
    m_steps.append(Step{version, std::move(description), std::move(apply)});
}

int SchemaMigrator::latestVersion() const {
    return m_steps.isEmpty() ? 0 : m_steps.constLast().version;
}

StoreResult<int> SchemaMigrator::schemaVersion(QSqlDatabase &db) {
    auto value = SqlHelpers::scalar(db, u"PRAGMA user_version"_s);
    if (!value)
        return value.error();
    return value->toInt();
}

StoreResult<void> SchemaMigrator::backup(QSqlDatabase &db, const QString &targetPath) {
    if (QFile::exists(targetPath)) {
        StoreError error;
        error.kind = StoreError::Kind::Io;
        error.message = QCoreApplication::translate(
            "ConversationStore", "A backup of the conversation history could not be written.");
        error.detail = u"backup target exists: "_s + targetPath;
        return error;
    }
    // VACUUM INTO writes a consistent, compacted copy even while the WAL holds recent pages.
    QSqlQuery query(db);
    query.prepare(u"VACUUM INTO ?"_s);
    query.addBindValue(targetPath);
    if (!query.exec())
        return SqlHelpers::ioError(u"VACUUM INTO backup"_s, query.lastError());
    return {};
}

StoreResult<SchemaMigrator::Outcome> SchemaMigrator::migrate() {
    auto version = schemaVersion(m_db);
    if (!version)
        return version.error();
    Outcome outcome;
    outcome.fromVersion = *version;
    outcome.toVersion = *version;
    const int latest = latestVersion();
    if (*version > latest) {
        StoreError error;
        error.kind = StoreError::Kind::NewerSchema;
        error.message =
            QCoreApplication::translate(
                "ConversationStore",
                "This conversation history was saved by a newer version of Tramontane (format "
                "%1; this version reads up to format %2). Update Tramontane to open it; the "
                "file was not changed.")
                .arg(QString::number(*version), QString::number(latest));
        error.detail = u"user_version %1 > %2"_s.arg(*version).arg(latest);
        qCWarning(lcStorage).noquote() << error.detail;
        return error;
    }
    if (*version == latest)
        return outcome;

    // Save what is there before changing it. A database with no schema at all (a new file)
    // has nothing to lose.
    auto objects = SqlHelpers::scalar(m_db, u"SELECT count(*) FROM sqlite_master"_s);
    if (!objects)
        return objects.error();
    if (*version > 0 || objects->toInt() > 0) {
        const QString stamp = QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-HHmmss-zzz"_s);
        const QString target = m_databasePath + u".v%1-%2.bak"_s.arg(*version).arg(stamp);
        auto saved = backup(m_db, target);
        if (!saved) {
            StoreError error = saved.error();
            error.kind = StoreError::Kind::MigrationFailed;
            error.message = QCoreApplication::translate(
                "ConversationStore",
                "The conversation history needs an upgrade, but a backup copy could not be "
                "written first, so nothing was changed. Check the free disk space.");
            return error;
        }
        outcome.backupPath = target;
        qCInfo(lcStorage).noquote()
            << "schema backup written before migrating from version" << *version;
    }

    for (const Step &step : std::as_const(m_steps)) {
        if (step.version <= *version)
            continue;
        qCInfo(lcStorage).noquote()
            << "migrating schema to version" << step.version << "(" << step.description << ")";
        auto begun = SqlHelpers::exec(m_db, u"BEGIN IMMEDIATE"_s);
        StoreResult<void> applied = begun ? step.apply(m_db) : begun;
        if (applied)
            applied = SqlHelpers::exec(m_db, u"PRAGMA user_version = %1"_s.arg(step.version));
        if (applied)
            applied = SqlHelpers::exec(m_db, u"COMMIT"_s);
        if (!applied) {
            if (begun)
                (void)SqlHelpers::exec(m_db, u"ROLLBACK"_s);
            StoreError error = applied.error();
            error.kind = StoreError::Kind::MigrationFailed;
            error.message =
                outcome.backupPath.isEmpty()
                    ? QCoreApplication::translate(
                          "ConversationStore",
                          "The conversation history could not be upgraded to format %1.")
                          .arg(step.version)
                    : QCoreApplication::translate(
                          "ConversationStore",
                          "The conversation history could not be upgraded to format %1. A copy "
                          "from before the upgrade is kept in %2.")
                          .arg(QString::number(step.version), outcome.backupPath);
            error.detail = u"migration to version %1 failed: "_s.arg(step.version) + error.detail;
            qCWarning(lcStorage).noquote() << error.detail;
            return error;
        }
        outcome.toVersion = step.version;
    }
    return outcome;
}

} // namespace Tramontane
