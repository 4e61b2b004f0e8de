// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/storage/StoreResult.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace Tramontane {

//! Forward-only schema migrations for an SQLite database, versioned with PRAGMA user_version.
//!
//! Steps are registered in order (version 1, 2, 3, …); each brings the schema from the
//! previous version to its own. migrate() runs the missing steps, each in its own
//! transaction that also writes the new user_version, so a failed step leaves the database at
//! the previous version. Before the first step runs on a database that holds anything, a
//! consistent copy is written next to it with VACUUM INTO. A database whose version is newer
//! than the last known step is refused untouched.
class SchemaMigrator final {
public:
    //! Runs inside the step's transaction; returns an error to roll the step back.
    using StepFunction = std::function<StoreResult<void>(QSqlDatabase &db)>;

    struct Outcome {
        int fromVersion = 0;
        int toVersion = 0;
        QString backupPath; //!< empty when nothing had to be saved first
    };

    //! \a databasePath is the file \a db was opened on; backups are written beside it.
    SchemaMigrator(QSqlDatabase db, QString databasePath);

    //! Registers the step that produces \a version; versions must follow each other from 1.
    void addStep(int version, QString description, StepFunction apply);

    //! The version the registered steps lead to.
    int latestVersion() const;

    StoreResult<Outcome> migrate();

    //! PRAGMA user_version of \a db.
    static StoreResult<int> schemaVersion(QSqlDatabase &db);

    //! Writes a consistent copy of \a db to \a targetPath (which must not exist yet).
    static StoreResult<void> backup(QSqlDatabase &db, const QString &targetPath);

private:
    struct Step {
        int version = 0;
        QString description;
        StepFunction apply;
    };

    QSqlDatabase m_db;
    QString m_databasePath;
    QList<Step> m_steps;
};

} // namespace Tramontane
