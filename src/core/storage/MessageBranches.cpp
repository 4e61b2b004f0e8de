// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/MessageBranches.h"

#include "core/storage/SqlHelpers.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Tramontane::MessageBranches {

namespace {

// Runs \a sql with positional \a values; returns the rows changed, or the first column of the
// first row in *firstValue when asked.
StoreResult<int> run(QSqlDatabase &db, const QString &sql, const QList<QVariant> &values,
                     const QString &what, QVariant *firstValue = nullptr) {
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return SqlHelpers::ioError(what, query.lastError());
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return SqlHelpers::ioError(what, query.lastError());
    if (firstValue)
        *firstValue = query.next() ? query.value(0) : QVariant();
    const int changed = query.numRowsAffected();
    query.finish();
    return changed;
}

// A parent id as SQL sees it: 0 stands for "no parent" (NULL).
QVariant parentValue(qint64 parentId) {
    return parentId > 0 ? QVariant(parentId) : QVariant();
}

} // namespace

StoreResult<void> createSchemaV3(QSqlDatabase &db) {
    for (const QString &statement : {
             u"ALTER TABLE messages ADD COLUMN parent_id INTEGER"_s,
             u"ALTER TABLE messages ADD COLUMN selected INTEGER NOT NULL DEFAULT 1"_s,
             u"ALTER TABLE messages ADD COLUMN on_path INTEGER NOT NULL DEFAULT 1"_s,
             // Each message follows the one before it: one linear path, as before.
             u"UPDATE messages SET parent_id = (SELECT p.id FROM messages p"
             " WHERE p.conversation_id = messages.conversation_id"
             " AND p.position < messages.position ORDER BY p.position DESC LIMIT 1)"_s,
             u"CREATE INDEX messages_children ON messages (conversation_id, parent_id, position)"_s,
             u"CREATE INDEX messages_path ON messages (conversation_id, position)"
             " WHERE on_path = 1"_s,
         }) {
        if (auto done = SqlHelpers::exec(db, statement); !done)
            return done;
    }
    return {};
}

StoreResult<qint64> pathEnd(QSqlDatabase &db, qint64 conversationId) {
    QVariant last;
    auto done = run(db,
                    u"SELECT id FROM messages WHERE conversation_id = ? AND on_path = 1"
                    " ORDER BY position DESC LIMIT 1"_s,
                    {conversationId}, u"find the end of the visible path"_s, &last);
    if (!done)
        return done.error();
    return last.toLongLong();
}

StoreResult<void> deselectChildren(QSqlDatabase &db, qint64 conversationId, qint64 parentId) {
    auto done = run(db,
                    u"UPDATE messages SET selected = 0 WHERE conversation_id = ?"
                    " AND parent_id IS ? AND selected = 1"_s,
                    {conversationId, parentValue(parentId)}, u"deselect earlier versions"_s);
    if (!done)
        return done.error();
    return {};
}

StoreResult<int> setAsideFrom(QSqlDatabase &db, qint64 conversationId, qint64 position) {
    return run(db,
               u"UPDATE messages SET on_path = 0 WHERE conversation_id = ? AND on_path = 1"
               " AND position >= ?"_s,
               {conversationId, position}, u"keep an earlier version"_s);
}

StoreResult<void> select(QSqlDatabase &db, qint64 conversationId, qint64 messageId) {
    // The message and its ancestors become the selected child of their parents.
    auto done = run(db,
                    u"WITH RECURSIVE up (id, parent) AS ("
                    "  SELECT id, parent_id FROM messages WHERE id = ? AND conversation_id = ?"
                    "  UNION ALL SELECT m.id, m.parent_id FROM messages m JOIN up"
                    "  ON m.id = up.parent)"
                    " UPDATE messages SET selected = (id IN (SELECT id FROM up))"
                    " WHERE conversation_id = ?"
                    " AND coalesce(parent_id, 0) IN (SELECT coalesce(parent, 0) FROM up)"_s,
                    {messageId, conversationId, conversationId}, u"select a version"_s);
    if (!done)
        return done.error();
    if (*done == 0) {
        StoreError error;
        error.kind = StoreError::Kind::NotFound;
        error.message =
            QCoreApplication::translate("ConversationStore", "This message no longer exists.");
        error.detail = u"message %1 is not in conversation %2"_s.arg(messageId).arg(conversationId);
        return error;
    }
    return rebuildPath(db, conversationId);
}

StoreResult<int> removeFrom(QSqlDatabase &db, qint64 conversationId, qint64 position) {
    auto removed = run(db,
                       u"WITH RECURSIVE doomed (id) AS ("
                       "  SELECT id FROM messages WHERE conversation_id = ? AND on_path = 1"
                       "  AND position >= ?"
                       "  UNION SELECT m.id FROM messages m JOIN doomed d"
                       "  ON m.conversation_id = ? AND m.parent_id = d.id)"
                       " DELETE FROM messages WHERE id IN (SELECT id FROM doomed)"_s,
                       {conversationId, position, conversationId}, u"remove messages"_s);
    if (!removed)
        return removed;
    if (auto rebuilt = rebuildPath(db, conversationId); !rebuilt)
        return rebuilt.error();
    return removed;
}

StoreResult<void> keepOneSelected(QSqlDatabase &db, qint64 conversationId) {
    auto done = run(db,
                    u"UPDATE messages SET selected = 0 WHERE conversation_id = ? AND selected = 1"
                    " AND EXISTS (SELECT 1 FROM messages s"
                    "  WHERE s.conversation_id = messages.conversation_id"
                    "  AND s.parent_id IS messages.parent_id AND s.selected = 1"
                    "  AND s.position > messages.position)"_s,
                    {conversationId}, u"keep one selected version"_s);
    if (!done)
        return done.error();
    return {};
}

StoreResult<void> rebuildPath(QSqlDatabase &db, qint64 conversationId) {
    // A parent left without a selected child (it was removed) selects its newest one.
    auto fixed = run(db,
                     u"UPDATE messages SET selected = 1 WHERE conversation_id = ? AND NOT EXISTS"
                     " (SELECT 1 FROM messages s WHERE s.conversation_id = messages.conversation_id"
                     "  AND s.parent_id IS messages.parent_id"
                     "  AND (s.selected = 1 OR s.position > messages.position))"_s,
                     {conversationId}, u"select the newest version"_s);
    if (!fixed)
        return fixed.error();
    auto marked =
        run(db,
            u"WITH RECURSIVE path (id) AS ("
            "  SELECT id FROM messages WHERE conversation_id = ? AND parent_id IS NULL"
            "  AND selected = 1"
            "  UNION ALL SELECT m.id FROM messages m JOIN path p"
            "  ON m.conversation_id = ? AND m.parent_id = p.id AND m.selected = 1)"
            " UPDATE messages SET on_path = (id IN (SELECT id FROM path))"
            " WHERE conversation_id = ? AND on_path IS NOT (id IN (SELECT id FROM path))"_s,
            {conversationId, conversationId, conversationId}, u"show the selected versions"_s);
    if (!marked)
        return marked.error();
    return {};
}

} // namespace Tramontane::MessageBranches
