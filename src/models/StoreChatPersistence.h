// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/ChatSettings.h"
#include "core/storage/ConversationTypes.h"
#include "core/storage/StoreResult.h"
#include "models/ChatSession.h"

#include <QJsonValue>

#include <functional>

namespace Tramontane {

class ConversationStore;

//! Keeps a ChatSession's messages in the conversation store: the user's message is written
//! with a synced commit before the request leaves, a streaming answer is checkpointed, its
//! final state stored. The conversation itself is created lazily, with the first message, so
//! opening "New chat" and leaving it leaves nothing behind.
class StoreChatPersistence final : public ChatPersistence {
public:
    explicit StoreChatPersistence(ConversationStore *store, qint64 conversationId = 0);

    //! The conversation messages go to; 0 means "create one with the next message".
    void setConversation(qint64 conversationId) { m_conversationId = conversationId; }
    qint64 conversationId() const { return m_conversationId; }
    //! What a lazily created conversation starts with (the chat's model or agent and tools).
    void setNewConversationFactory(std::function<NewConversation()> factory) {
        m_factory = std::move(factory);
    }
    //! Called with the store's sentence when an answer could not be saved (a full disk): once
    //! per run of failures, again only after a write succeeded. The answer stays in the chat.
    void setProblemHandler(std::function<void(const QString &sentence)> handler) {
        m_problemHandler = std::move(handler);
    }

    qint64 storeMessage(const ChatEntry &entry, QString *error) override;
    void updateMessage(const ChatEntry &entry) override;
    void removeMessagesFrom(const ChatEntry &entry) override;
    void branchFrom(const ChatEntry &entry) override;
    void readVersions(ChatEntry &entry) const override;
    //! Kept in the conversation's settings (serverConversationKey()), so a reopened chat
    //! continues the same server conversation.
    QString serverConversationId() const override;
    void setServerConversationId(const QString &id) override;
    //! "conversation_id".
    static QString serverConversationKey();
    //! The chat's settings, kept in the conversation's settings under chatSettingsKey()
    //! (defaults for a conversation that has none, or none yet).
    ChatSettings chatSettings() const;
    //! Keeps \a settings with the current conversation (nothing before it is created: the
    //! factory passes them on); default settings remove the key.
    void setChatSettings(const ChatSettings &settings);
    //! "chat_settings".
    static QString chatSettingsKey();

    //! The entries of stored messages, for ConversationModel::setEntries.
    static QList<ChatEntry> toEntries(const QList<StoredMessage> &messages);
    static MessageStatus storeStatus(ChatEntry::Status status);
    static ChatEntry::Status entryStatus(MessageStatus status);
    //! Rebuilds an ApiError from its stored JSON (ApiError::toJson), so a reopened chat shows
    //! the same sentence and fix.
    static ApiError restoreError(const QJsonObject &json);

private:
    //! Sets (or, with a null \a value, removes) \a key of the conversation's settings object;
    //! \a what names it in the log when the store refuses.
    void setSetting(const QString &key, const QJsonValue &value, const char *what);

    bool ensureConversation(QString *error);
    //! Reports \a error through the problem handler unless the last write failed too.
    void reportProblem(const StoreError &error);
    void clearProblem() { m_failing = false; }

    ConversationStore *m_store;
    qint64 m_conversationId = 0;
    std::function<NewConversation()> m_factory;
    std::function<void(const QString &)> m_problemHandler;
    bool m_failing = false;
};

} // namespace Tramontane
