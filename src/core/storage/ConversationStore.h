// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/storage/ConversationExporter.h"
#include "core/storage/ConversationTypes.h"
#include "core/storage/StoreResult.h"

#include <QDateTime>
#include <QObject>
#include <QSqlDatabase>

#include <memory>
#include <unordered_map>

class QLockFile;
class QSqlQuery;

namespace Tramontane {

class SchemaMigrator;

//! The durable conversation history of one profile: an SQLite database (through QtSql) in the
//! profile folder, guarded by an exclusive lock file so two instances never share it.
//!
//! Durability: WAL journal, busy timeout 5 s; every write is one short `BEGIN IMMEDIATE`
//! transaction. The writes that store conversation content for good (appendUserMessage,
//! appendMessage, finishMessage) commit with synchronous=FULL: when they return, the data
//! survives a power loss. Everything else (streaming checkpoints, renames, pins, deletes,
//! imports) commits with synchronous=NORMAL: it survives a crash or kill of the app, and the
//! next FULL commit makes it durable too. (FULL costs one fsync per commit: measured at
//! 0.3 ms on a quiet disk and 4-8 ms on a busy one, against 0.02 ms for NORMAL; too much
//! for every checkpoint.) Messages still streaming or pending when the store is opened
//! cannot be in flight any more: open() marks them Interrupted and keeps their text.
//!
//! Messages are stored as the API's chat message JSON and returned unchanged; the store only
//! extracts their text for the title and for search (see MessageText), and keeps the bytes of
//! attached images (`data:` URLs) in a table of their own (see MessageImages).
//!
//! Use it from one thread (the GUI thread is fine: every call is a few milliseconds at most).
//! Signals are emitted after the change is committed.
class ConversationStore final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationStore)

public:
    //! What open() produced: a store, or an error the app can show as it is.
    struct OpenResult {
        std::unique_ptr<ConversationStore> store; //!< null on error
        StoreError error;
        //! Messages found Streaming or Pending (left by a crash or a kill) and marked
        //! Interrupted, text kept.
        int interruptedMessages = 0;
        //! Conversations deleted (with undo) in an earlier session and removed for good now.
        int purgedConversations = 0;
        int fromSchemaVersion = 0; //!< the version found (0: a new database)
        QString backupPath;        //!< the copy written before a migration, if any

        bool ok() const { return store != nullptr; }
    };

    //! The schema version this build writes and reads.
    static constexpr int currentSchemaVersion = 3;

    //! Opens (creating if needed) the history of the profile in \a profileDir: takes the
    //! profile lock (error Kind::AlreadyRunning if another process or store holds it), opens
    //! the database, upgrades its schema (after writing a backup copy), refuses a database
    //! from a newer version (Kind::NewerSchema), recovers interrupted messages and purges
    //! conversations left soft-deleted by an earlier session.
    static OpenResult open(const QString &profileDir);

    //! Renames the profile's damaged history (open() failed with Kind::Damaged), with its
    //! write-ahead log, to `history.sqlite3.damaged-<UTC time>` beside it, so that the next
    //! open() starts a new one. Nothing is deleted. Returns the new name of the file.
    static StoreResult<QString>
    setAsideDamaged(const QString &profileDir,
                    const QDateTime &now = QDateTime::currentDateTimeUtc());

    ~ConversationStore() override;

    //! File names inside the profile folder.
    static QString databaseFileName();
    static QString lockFileName();

    //! Registers the schema steps of this build on \a migrator (open() uses it; tests can add
    //! steps of their own after these).
    static void addMigrationSteps(SchemaMigrator &migrator);

    QString profileDir() const { return m_profileDir; }
    QString databasePath() const;

    // ----- Conversations ---------------------------------------------------------------------

    StoreResult<ConversationInfo> createConversation(const NewConversation &init = {});
    //! One conversation, even if it is soft-deleted.
    StoreResult<ConversationInfo> conversation(qint64 id) const;
    //! Conversations not deleted: pinned first, then by last activity, newest first.
    StoreResult<QList<ConversationInfo>> listConversations(int limit, int offset = 0) const;
    StoreResult<int> conversationCount() const;

    //! Sets a custom title; an empty (or blank) \a title goes back to the derived one.
    StoreResult<void> renameConversation(qint64 id, const QString &title);
    //! Sets a title written by a model, unless the title is no longer derived (the user renamed
    //! the conversation meanwhile, or it has a generated title already): false then. Removing
    //! the conversation's user messages (removeMessagesFrom) makes the title derived again.
    StoreResult<bool> setGeneratedTitle(qint64 id, const QString &title);
    StoreResult<void> setPinned(qint64 id, bool pinned);
    StoreResult<void> setModel(qint64 id, const QString &model, const QString &agentId = {});
    StoreResult<void> setTools(qint64 id, const QJsonArray &tools);
    StoreResult<void> setSettings(qint64 id, const QJsonObject &settings);

    //! Hides a conversation from the list and from search, until undoDelete() or
    //! purgeDeleted(). Its messages stay readable and writable meanwhile (a stream still
    //! running into it is not lost if the user undoes).
    StoreResult<void> deleteConversation(qint64 id);
    StoreResult<void> undoDelete(qint64 id);
    //! Removes every soft-deleted conversation and its messages for good; returns how many.
    StoreResult<int> purgeDeleted();

    // ----- Messages --------------------------------------------------------------------------

    //! Stores a user message with status Pending at the end of the conversation and returns
    //! only after a synced (FULL) commit: call it before sending the request. \a message must
    //! be a user message (a missing role is set to "user"). The title is derived from the
    //! first user message unless the conversation was renamed.
    StoreResult<StoredMessage> appendUserMessage(qint64 conversationId, const QJsonObject &message);
    //! Stores any message (system, tool result, an assistant message received whole, …).
    StoreResult<StoredMessage> appendMessage(qint64 conversationId, const QJsonObject &message,
                                             MessageStatus status = MessageStatus::Complete,
                                             const QString &model = {});
    //! Starts a message that will be filled while streaming (status Streaming). \a initial is
    //! the message so far; without a role it is an assistant message. A turn with hosted tools
    //! begins one message per `delta.index` (assistant tool call, tool result, answer).
    StoreResult<StoredMessage> beginAssistantMessage(qint64 conversationId,
                                                     const QString &model = {},
                                                     const QJsonObject &initial = {});
    //! Replaces the JSON of a Streaming message with everything received so far (call it at
    //! most about once a second, and once at the end). Kind::InvalidArgument if the message
    //! is not Streaming any more.
    StoreResult<void> updateStreamingMessage(qint64 messageId, const QJsonObject &message);
    //! Ends a message: \a status must be Complete, Interrupted or Failed. Also used for a
    //! Pending user message once its request succeeded or failed. Empty \a usage, \a requestId
    //! or \a error leave the stored value unchanged. Synced commit.
    StoreResult<void> finishMessage(qint64 messageId, MessageStatus status,
                                    const QJsonObject &usage = {}, const QString &requestId = {},
                                    const QJsonObject &error = {});
    //! Removes the visible messages at \a position and after it, with every later version
    //! that follows them (an answer stopped before anything arrived); returns how many were
    //! removed. The path then goes on through the versions left (see MessageBranches).
    StoreResult<int> removeMessagesFrom(qint64 conversationId, qint64 position);
    //! Keeps the visible messages at \a position and after it as an earlier version (to edit
    //! or regenerate from there): they leave the visible path, and the next message stored
    //! becomes their new sibling. Returns how many left the path.
    StoreResult<int> branchFrom(qint64 conversationId, qint64 position);
    //! Shows the version \a messageId: the visible path goes through it (and on through the
    //! versions last shown below it). Emits branchChanged().
    StoreResult<void> selectBranch(qint64 conversationId, qint64 messageId);
    //! The version \a step places from \a messageId among its siblings (-1: the one before);
    //! Kind::NotFound past the first or the last.
    StoreResult<qint64> versionBeside(qint64 messageId, int step) const;

    StoreResult<StoredMessage> message(qint64 messageId) const;
    //! The last \a limit messages, in position order.
    StoreResult<QList<StoredMessage>> newestMessages(qint64 conversationId, int limit) const;
    //! Up to \a limit messages just before \a position, in position order (older pages).
    StoreResult<QList<StoredMessage>> messagesBefore(qint64 conversationId, qint64 position,
                                                     int limit) const;
    //! Up to \a limit messages from \a position on (inclusive), in position order.
    StoreResult<QList<StoredMessage>> messagesFrom(qint64 conversationId, qint64 position,
                                                   int limit) const;
    //! Every message of the visible path, in position order (to build a request, to export).
    StoreResult<QList<StoredMessage>> messages(qint64 conversationId) const;
    //! Every message of every version, in position order (to export everything).
    StoreResult<QList<StoredMessage>> allMessages(qint64 conversationId) const;
    //! How many messages the visible path has.
    StoreResult<int> messageCount(qint64 conversationId) const;

    // ----- Search ----------------------------------------------------------------------------

    enum class SearchOrder {
        Newest,    //!< most recently stored messages first; stops after \a limit hits (fast)
        Relevance, //!< best matches first (bm25); ranks every match, slower for common words
    };

    //! Full-text search over every conversation that is not deleted. Any text is a valid
    //! query (see MessageText::ftsMatchExpression): every word must match, the last one as
    //! a prefix, case and accents ignored.
    StoreResult<QList<SearchHit>> search(const QString &query, int limit = 50,
                                         SearchOrder order = SearchOrder::Newest) const;

    // ----- Export and import -----------------------------------------------------------------

    //! The conversation with all its versions (ConversationRecord::visiblePath() for the
    //! messages shown).
    StoreResult<ConversationRecord> record(qint64 conversationId) const;
    //! See ConversationExporter::writeMarkdown.
    StoreResult<void> exportMarkdown(qint64 conversationId, const QString &filePath,
                                     const ConversationExporter::ImageResolver &resolver) const;
    StoreResult<void> exportJson(qint64 conversationId, const QString &filePath) const;
    //! Reads a file written by exportJson() and stores it as a new conversation; returns it.
    StoreResult<ConversationInfo> importJson(const QString &filePath);
    //! Stores \a record as a new conversation (ids are ignored; everything else is kept, except
    //! that Streaming or Pending messages become Interrupted). One transaction.
    StoreResult<ConversationInfo> importConversation(const ConversationRecord &record);

Q_SIGNALS:
    void conversationCreated(qint64 conversationId);
    //! Title, pin, activity, model, tools or settings changed.
    void conversationChanged(qint64 conversationId);
    void conversationDeleted(qint64 conversationId); //!< soft-deleted (undo still possible)
    void conversationRestored(qint64 conversationId);
    void conversationsPurged(const QList<qint64> &conversationIds);
    void messageAdded(qint64 conversationId, qint64 messageId);
    void messageChanged(qint64 conversationId, qint64 messageId);
    void messagesRemoved(qint64 conversationId, qint64 fromPosition);
    //! Another version became visible (selectBranch()).
    void branchChanged(qint64 conversationId);

private:
    enum class Durability { Synced, Relaxed };
    class Rows;

    ConversationStore(QString profileDir, QString connectionName, std::unique_ptr<QLockFile> lock);

    StoreResult<void> configureConnection();
    StoreResult<int> recoverUnfinished();

    StoreResult<QSqlQuery *> prepared(const QString &sql) const;
    //! Executes a cached prepared statement with positional \a values.
    StoreResult<Rows> run(const QString &sql, const QList<QVariant> &values) const;
    //! Runs \a body in one BEGIN IMMEDIATE transaction with the given durability.
    template<typename Body>
    auto write(Durability durability, Body &&body) -> decltype(body());

    qint64 now();
    StoreResult<StoredMessage> insertMessage(qint64 conversationId, QJsonObject message,
                                             MessageStatus status, const QString &model,
                                             Durability durability);
    StoreResult<void> requireConversation(qint64 id) const;
    StoreResult<void> updateDerivedTitle(qint64 conversationId);
    StoreResult<void> touchConversation(qint64 conversationId, qint64 time);
    StoreResult<void> updateConversationField(qint64 id, const QString &sql,
                                              const QList<QVariant> &values);
    StoreResult<QList<StoredMessage>>
    readMessages(const QString &sql, const QList<QVariant> &values, bool reverse) const;

    QString m_profileDir;
    QString m_connectionName;
    std::unique_ptr<QLockFile> m_lock;
    QSqlDatabase m_db;
    mutable std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
    Durability m_syncMode = Durability::Relaxed;
    qint64 m_lastTimestamp = 0;
};

} // namespace Tramontane
