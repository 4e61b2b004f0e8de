// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/Agent.h"
#include "core/protocol/ChatSettings.h"
#include "core/protocol/Model.h"
#include "core/protocol/Tool.h"

#include <QObject>
#include <QString>

class QSettings;

namespace Tramontane {

class ChatSession;
class ChatTargetModel;
class ConversationModel;
class ConversationPager;
class ConversationStore;
class StoreChatPersistence;

//! What the chat does, without its widgets: which conversation it shows (a new chat, a stored
//! one reopened, the open one deleted and brought back by undo), which model or agent it talks
//! to (the one used last, kept in the settings; a default model chosen in Settings) and what a
//! new conversation is stored with. The chat page follows its signals.
class ChatController final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatController)

public:
    //! A model or an agent, as the "last target" preference keeps it ("model:id", "agent:id").
    struct Target {
        bool agent = false;
        QString id;

        bool isEmpty() const { return id.isEmpty(); }
        QString toSetting() const;
        static Target fromSetting(const QString &value);
        bool operator==(const Target &) const = default;
    };

    //! The model chosen when nothing else says which (no default, nothing used before).
    static QString fallbackModel();

    //! \a settings holds the "last target" preference (SettingsKeys::lastTarget); the other
    //! objects are the chat's and outlive the controller.
    ChatController(ChatSession *session, ConversationModel *conversation, ConversationPager *pager,
                   StoreChatPersistence *persistence, ConversationStore *store,
                   ChatTargetModel *targets, QSettings *settings, QObject *parent = nullptr);
    ~ChatController() override;

    //! The conversation the chat shows (0: a new chat, not stored yet).
    qint64 currentConversationId() const;

    //! Stops an answer still streaming and shows an empty chat, with the new-chat settings.
    void newChat();
    //! The one way a stored conversation is reopened: stops an answer still streaming, loads
    //! the newest messages, restores the model or agent and the tools. With \a messageId, also
    //! asks to reveal that message (a search hit). False when it could not be opened (the
    //! reason goes to statusMessage()).
    bool openConversation(qint64 id, qint64 messageId = 0);
    //! Puts the page of messages before the loaded ones in front of them, once control returns
    //! to the event loop (the view asks while it scrolls or lays out; it must not change under
    //! it). Requests made before then load one page.
    void loadOlderMessagesSoon();
    //! Shows the version \a step places beside the one at \a entry (a user message, or the
    //! first message of an answer): the chat reloads with that version's path, and the next
    //! turn starts a new server conversation that replays it. Returns the row of the user
    //! message the versions follow from (to keep it in place), or -1 when nothing changed
    //! (busy, no such version; the reason goes to statusMessage()).
    int switchVersion(int entry, int step);
    //! The row of the user message that switchVersion(\a entry, …) keeps in place, now.
    int versionAnchorRow(int entry) const;
    //! A new chat with \a agentId, picked among \a agents (the account's).
    void chatWithAgent(const QString &agentId, const QList<Agent> &agents);

    //! The default model from Settings (empty: the one used last). A new default is chosen at
    //! once in a chat that has not begun yet.
    void setDefaultModel(const QString &model);
    QString defaultModel() const { return m_defaultModel; }
    //! The settings a new chat starts with (Settings, "New chats"). Applied at once to a chat
    //! that has not begun yet.
    void setNewChatDefaults(const ChatSettings &settings);
    ChatSettings newChatDefaults() const { return m_newChatDefaults; }
    //! The person picked this model or agent in the picker: it stays chosen when the lists
    //! change, and is the one used last.
    void targetChosen(bool agent, const QString &id);
    //! What the picker should show once models arrive: the model or agent chosen (by the
    //! person, by a reopened chat) or in use by a chat that has begun, else the default model,
    //! else the one used last, else fallbackModel(). A row the picker took by itself (the
    //! first agent, when the agents arrive before the models) is not a choice.
    Target preferredTarget() const;
    //! Fills the picker with \a models and selects preferredTarget() (read before the picker
    //! resets, which picks its first row).
    void applyModels(const ModelList &models);
    //! The account's agents, after the models in the picker; the chosen target stays chosen.
    void setAgents(const QList<Agent> &agents);

Q_SIGNALS:
    //! The picker should show this model or agent.
    void targetSelectionRequested(bool agent, const QString &id);
    //! A reopened conversation's tools.
    void toolsRestored(const QList<Tramontane::Tool> &tools);
    //! The conversation the chat shows changed (0: a new chat); the sidebar highlights it.
    void currentConversationChanged(qint64 id);
    //! A stored conversation was loaded: the view starts at its newest message.
    void conversationOpened(qint64 id);
    //! Row \a row of the conversation model should be scrolled to and highlighted.
    void rowRevealRequested(int row);
    //! A sentence for the status bar (\a timeoutMs 0: until replaced).
    void statusMessage(const QString &text, int timeoutMs);

private:
    //! Says which conversation the chat shows (currentConversationChanged()).
    void announce(qint64 id);
    int versionAnchor(int entry) const;
    //! Asks the picker for \a target and remembers it as chosen.
    void requestTarget(const Target &target);
    void onBusyChanged(bool busy);
    void onConversationDeleted(qint64 id);
    void onConversationRestored(qint64 id);
    void onMessageAdded(qint64 conversationId);
    //! Keeps the session's settings with the stored conversation.
    void onChatSettingsChanged();

    ChatSession *m_session;
    ConversationModel *m_conversation;
    ConversationPager *m_pager;
    StoreChatPersistence *m_persistence;
    ConversationStore *m_store;
    ChatTargetModel *m_targets;
    QSettings *m_settings;
    QString m_defaultModel;
    Target m_chosen; // chosen by the person or by a reopened chat; empty: nothing yet
    ChatSettings m_newChatDefaults;
    qint64 m_closedByDelete = 0; // the open conversation deleted: reopened on undo
    qint64 m_announced = 0;      // the conversation last given to currentConversationChanged()
    bool m_olderQueued = false;  // a page of older messages is about to load
};

} // namespace Tramontane
