// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/SqlHelpers.h"

#include "core/Logging.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Tramontane::SqlHelpers {

StoreError ioError(const QString &what, const QSqlError &sqlError) {
    StoreError error;
    error.kind = StoreError::Kind::Io;
    error.message = QCoreApplication::translate(
        "ConversationStore",
        "The conversation history could not be read or saved. Check that the disk is not full "
        "and that the profile folder is writable.");
    error.detail = what + u": "_s + sqlError.text();
    // SQLITE_CORRUPT (11) and SQLITE_NOTADB (26), also as extended codes: the file itself is
    // damaged, which no retry and no free disk space will mend.
    bool numeric = false;
    const int code = sqlError.nativeErrorCode().toInt(&numeric) & 0xff;
    if (numeric && (code == 11 || code == 26))
        error.kind = StoreError::Kind::Damaged;
    // SQLITE_BUSY (5) and SQLITE_LOCKED (6) once the busy timeout ran out: someone else holds
    // the file.
    if (numeric && (code == 5 || code == 6))
        error.kind = StoreError::Kind::Locked;
    // SQLITE_FULL (13): the disk (or a quota) has no room left. Nothing is lost that was saved;
    // what was being written waits for space.
    if (numeric && code == 13)
        error.message = QCoreApplication::translate(
            "ConversationStore",
            "The disk is full, so the conversation history cannot be saved. Free some space on "
            "the disk, then try again.");
    qCWarning(lcStorage).noquote() << error.detail;
    return error;
}

StoreResult<void> exec(QSqlDatabase &db, const QString &sql) {
    QSqlQuery query(db);
    if (!query.exec(sql))
        return ioError(sql, query.lastError());
    return {};
}

StoreResult<QVariant> scalar(QSqlDatabase &db, const QString &sql) {
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(sql))
        return ioError(sql, query.lastError());
    if (!query.next())
        return QVariant();
    return query.value(0);
}

} // namespace Tramontane::SqlHelpers
