// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/storage/StoreResult.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

//! Small helpers shared by the storage classes (not a public API).
namespace Tramontane::SqlHelpers {

//! An Io error with the usual sentence for the user and \a what plus the SQLite message as
//! detail (logged to lcStorage).
StoreError ioError(const QString &what, const QSqlError &sqlError);

//! Runs one statement that returns no rows; on failure returns an Io error.
StoreResult<void> exec(QSqlDatabase &db, const QString &sql);

//! Runs \a sql and returns the first column of its first row.
StoreResult<QVariant> scalar(QSqlDatabase &db, const QString &sql);

} // namespace Tramontane::SqlHelpers
