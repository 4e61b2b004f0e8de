// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/storage/StoreResult.h"

#include <QSqlDatabase>

//! The messages of a conversation form a tree: editing a message or asking for another answer
//! keeps the earlier version as a sibling of the new one. One path through the tree, from the
//! first message to a leaf, is visible: it is what the chat shows and what requests carry.
//!
//! Columns of `messages` (schema version 3):
//!
//!   parent_id  INTEGER    the message this one follows (NULL: a first message)
//!   selected   INTEGER    1 for the chosen child among the children of its parent: exactly
//!                         one per parent that has children, kept while the parent is off
//!                         the path, so a branch comes back as it was left
//!   on_path    INTEGER    1 on the visible path. Positions grow along every path (a child is
//!                         stored after its parent), so the path in position order is the chat.
//!
//!   index messages_children (conversation_id, parent_id, position)    siblings in order
//!   index messages_path (conversation_id, position) WHERE on_path = 1    paging the path
namespace Tramontane::MessageBranches {

//! Schema step 3: adds the columns and indexes; the messages already stored become one linear
//! path (each message's parent is the one before it), all selected and visible.
StoreResult<void> createSchemaV3(QSqlDatabase &db);

//! The last message of the visible path (0 when the path is empty).
StoreResult<qint64> pathEnd(QSqlDatabase &db, qint64 conversationId);

//! Makes room for a new child of \a parentId (0: a first message): its siblings are no longer
//! selected. Call it before inserting the child with selected = 1 and on_path = 1.
StoreResult<void> deselectChildren(QSqlDatabase &db, qint64 conversationId, qint64 parentId);

//! Takes the visible messages at \a position and after it off the path (kept as an earlier
//! version): the next message stored follows the one before \a position.
StoreResult<int> setAsideFrom(QSqlDatabase &db, qint64 conversationId, qint64 position);

//! Selects \a messageId and every message above it among their siblings, so that the visible
//! path goes through it (and on, through the children selected below it).
StoreResult<void> select(QSqlDatabase &db, qint64 conversationId, qint64 messageId);

//! Deletes the visible messages at \a position and after it with everything that follows them
//! in any branch; returns how many messages were deleted.
StoreResult<int> removeFrom(QSqlDatabase &db, qint64 conversationId, qint64 position);

//! Where more than one child of a parent is selected, keeps only the newest selected.
StoreResult<void> keepOneSelected(QSqlDatabase &db, qint64 conversationId);

//! Restores the invariants after a change: a parent whose selected child is gone selects its
//! newest one, and on_path is set exactly on the path of selected messages.
StoreResult<void> rebuildPath(QSqlDatabase &db, qint64 conversationId);

} // namespace Tramontane::MessageBranches
