// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/Agent.h"
#include "core/protocol/ChatRequest.h"
#include "core/protocol/ChatSettings.h"
#include "core/protocol/ConversationMessages.h"
#include "core/protocol/ConversationRequest.h"
#include "core/protocol/Tool.h"
#include "core/services/ChatService.h"
#include "core/services/TurnEndpoint.h"
#include "models/ChatItem.h"
#include "models/TurnRun.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <variant>

namespace Tramontane {

class ChatService;
class ConversationModel;
class ConversationService;

//! Where a chat's messages are kept durably. The session stores the user's message before the
//! request leaves, checkpoints a streaming answer at most once a second (and within a second
//! of any text shown, even when the stream then pauses), and stores its final state.
//! Implemented over the conversation store by the app; absent in some tests.
class ChatPersistence {
public:
    virtual ~ChatPersistence() = default;
    //! Stores a new message of the current conversation durably (synced) and returns its id,
    //! or 0 with \a error set.
    virtual qint64 storeMessage(const ChatEntry &entry, QString *error) = 0;
    //! Replaces what is stored for an existing message (a checkpoint or the final state).
    virtual void updateMessage(const ChatEntry &entry) = 0;
    //! Forgets stored messages from \a entry on (an answer stopped before anything arrived).
    virtual void removeMessagesFrom(const ChatEntry &entry) = 0;
    //! Keeps the stored messages from \a entry on as an earlier version (regenerate, edit and
    //! resend, retry): the next message stored is their new sibling. Without versions, they
    //! are forgotten.
    virtual void branchFrom(const ChatEntry &entry) { removeMessagesFrom(entry); }
    //! Sets ChatEntry::versionCount and versionIndex of a stored \a entry.
    virtual void readVersions(ChatEntry &entry) const { Q_UNUSED(entry); }
    //! The Conversations API conversation (`conversation_id`) the chat continues, empty when
    //! there is none yet. Kept in memory unless the implementation stores it.
    virtual QString serverConversationId() const { return m_serverConversationId; }
    virtual void setServerConversationId(const QString &id) { m_serverConversationId = id; }

private:
    QString m_serverConversationId;
};

//! Runs the turns of one conversation: sends the user's message with the history, the chosen
//! model or agent and tools, streams the answer into the ConversationModel, and keeps every
//! word: a failed request leaves the user's message with a Retry, a cut stream keeps the
//! partial answer marked as interrupted, Stop keeps what arrived.
//!
//! Stream updates are coalesced: the first chunk of an answer reaches the model at once (the
//! first token is painted within a frame), later ones at most once per frame interval.
class ChatSession final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatSession)

public:
    enum class TargetKind { Model, Agent };
    Q_ENUM(TargetKind)

    ChatSession(ChatService *service, ConversationModel *model, QObject *parent = nullptr);
    ~ChatSession() override;

    //! The service for turns that need the Conversations API (TurnEndpoint::choose); without
    //! one every turn uses chat or agent completions.
    void setConversationService(ConversationService *service) { m_conversations = service; }
    //! Finds the chosen agent (its tools and handoffs decide the endpoint of its turns).
    using AgentResolver = std::function<std::optional<Agent>(const QString &agentId)>;
    void setAgentResolver(AgentResolver resolver) { m_agentResolver = std::move(resolver); }
    //! The endpoint the next turn uses, for the chosen target and \a tools.
    TurnEndpoint::Endpoint endpointFor(const QList<Tool> &tools) const;

    void setPersistence(ChatPersistence *persistence) { m_persistence = persistence; }
    void setTarget(TargetKind kind, const QString &id);
    TargetKind targetKind() const { return m_targetKind; }
    QString targetId() const { return m_targetId; }
    //! The chat's instructions and parameters, applied to each request (ChatSettings says how
    //! for each endpoint).
    void setChatSettings(const ChatSettings &settings);
    ChatSettings chatSettings() const { return m_chatSettings; }
    //! Whether the chosen model reads documents (default true): when it does not, the
    //! history's `document_url` chunks go as a note instead (DocumentRoute::withoutDocumentUrls).
    void setReadsDocuments(bool reads) { m_readsDocuments = reads; }
    //! The tools sent with each request (built-ins and connectors); duplicates are dropped.
    void setTools(const QList<Tool> &tools);
    QList<Tool> tools() const { return m_tools; }
    //! The tools the last turn's request carried (credentials included: never log them).
    QList<Tool> lastTurnTools() const { return m_runTools; }
    //! Completes the tools of each request before it leaves, asynchronously (e.g. adds the
    //! stored credential of each connector tool as its `authorization`). For an agent it
    //! gets the agent's id, so it can send the agent's own tools with their credentials.
    using ToolAuthorizer =
        std::function<void(TargetKind kind, const QString &targetId, const QList<Tool> &tools,
                           QObject *context, std::function<void(const QList<Tool> &)> done)>;
    void setToolAuthorizer(ToolAuthorizer authorizer) { m_authorizer = std::move(authorizer); }
    //! When a turn fails before any answer because a connector refused its token (a 401 about
    //! the connector), the refresher gets the tools that were sent and renews their tokens;
    //! \a done(true) sends the turn once more (the authorizer completes the tools again),
    //! done(false) ends it with the connector's error. Once per turn.
    using CredentialRefresher = std::function<void(const QList<Tool> &sentTools, QObject *context,
                                                   std::function<void(bool refreshed)> done)>;
    void setCredentialRefresher(CredentialRefresher refresher) {
        m_refresher = std::move(refresher);
    }
    //! A turn's request: to a model or to an agent, or to the Conversations API (a new
    //! conversation, or the next turn of the chat's conversation).
    using TurnRequest = std::variant<ChatRequest, AgentCompletionRequest, ConversationStartRequest,
                                     ConversationAppendRequest>;
    //! The request a turn sending \a messages with \a tools would make: this chat's model or
    //! agent, and the tools as the authorizer completes them (credentials added). \a done gets
    //! it at once without an authorizer, else when the authorizer is done (not after
    //! \a context is gone).
    void prepareRequest(const QList<ChatMessage> &messages, const QList<Tool> &tools,
                        QObject *context, std::function<void(const TurnRequest &)> done) const;

    //! The frame interval for coalescing stream updates (default 16 ms).
    void setFrameInterval(int ms) { m_frame.setInterval(ms); }
    //! How long text shown while streaming may stay unsaved (default 1000 ms): a checkpoint
    //! runs that long after the first unsaved update, whether or not more text arrives.
    void setCheckpointInterval(int ms) { m_checkpoint.setInterval(ms); }

    bool isBusy() const { return m_starting || m_refreshing || !m_run.isNull(); }
    ConversationModel *model() const { return m_model; }

    //! Sends \a text, with the attached \a images (`image_url` chunks, e.g.
    //! ImageAttachment::chunk()), as the next user message: the text chunk first, then the
    //! images. Returns false (and sends nothing) when busy, when there is neither text nor an
    //! image, when no model or agent is chosen, or when the message could not be stored (the
    //! error is reported through failedToSend()).
    bool send(const QString &text, const QList<ContentChunk> &images = {});
    //! The images and documents a person attached to \a message (its `image_url` chunks and
    //! ContentChunk::isDocument() chunks), in order.
    static QList<ContentChunk> attachedImages(const ChatMessage &message);
    //! Stops the answer being streamed; what arrived is kept, and stored (as interrupted)
    //! before this returns. Quitting calls it too.
    void stop();
    //! Asks again for the answer at \a entry (a failed or interrupted one): a new version of
    //! it (the earlier one is kept when there is persistence).
    bool retry(int entry);
    //! Asks for a new version of the last answer.
    bool regenerate();
    //! Sends \a text (its images kept, \a moreImages added) as a new version of the user
    //! message at \a entry and asks from there; the earlier version is kept with its answers
    //! when there is persistence.
    bool editAndResend(int entry, const QString &text, const QList<ContentChunk> &moreImages = {});
    //! Continues the answer at \a entry, the last one, which stopped at the length limit: it
    //! is sent back as an assistant prefix (`prefix: true`) and what the model writes next is
    //! added to it. False when busy or when that answer cannot be continued.
    bool continueAnswer(int entry);
    //! Answers the tool call waiting for a confirmation at \a entry (a Conversations API
    //! turn): the call is marked allowed or denied and the answer continues in a new run.
    bool confirmTool(int entry, bool allow);
    //! The server conversation the chat continues (empty before its first such turn).
    QString serverConversationId() const;

    //! The plain text of the last answer (for Copy last answer).
    QString lastAnswerText() const;

Q_SIGNALS:
    void busyChanged(bool busy);
    //! setTarget() chose another model or agent.
    void targetChanged();
    //! setChatSettings() changed them.
    void chatSettingsChanged();
    //! A turn ended; \a outcome is one of ChatRun::Outcome as int.
    void turnFinished(int outcome);
    //! The turn's request failed before any answer and is sent again in \a delayMs, after
    //! \a error (the service asked to wait: 429; or a server or network error).
    void retryScheduled(int delayMs, const Tramontane::ApiError &error);
    //! The message could not be sent or stored; the text is not lost (it is passed back).
    void failedToSend(const QString &reason, const QString &text);

private:
    //! The answer to a pending tool confirmation that a turn carries instead of new input.
    struct Confirmation {
        QString toolCallId;
        bool allow = false;
    };
    //! How a turn's request reached the server.
    enum class RunKind { Completion, Start, Append, Restart };
    bool startTurn(std::optional<Confirmation> confirmation = std::nullopt);
    //! The server entry to restart from when the user message at \a userEntry is sent again
    //! (edit and resend, retry): the complete message before it, when it came from a server
    //! conversation.
    std::optional<ConversationMessages::EntryRef> restartPoint(int userEntry) const;
    //! The restart request for a turn sending \a history from m_restartFrom, when that is
    //! how this turn goes (a Conversations API turn with a restart point, not a confirmation).
    std::optional<ConversationRestartRequest> makeRestart(const QList<ChatMessage> &history,
                                                          const QList<Tool> &tools) const;
    //! After an append or restart the server refused with 404 (the conversation is gone) before
    //! anything arrived: starts a new conversation with the history replayed, once per turn.
    bool replayInNewConversation(const ApiError &error);
    TurnRequest makeRequest(const QList<ChatMessage> &messages, const QList<Tool> &tools,
                            const std::optional<Confirmation> &confirmation = {}) const;
    void startRun(const QList<ChatMessage> &history, const QList<Tool> &tools,
                  const std::optional<Confirmation> &confirmation);
    void setServerConversationId(const QString &id);
    void onRunUpdated();
    void flush();
    //! How a run ended, kept once the run is gone.
    struct RunEnd {
        TurnRun::Outcome outcome;
        ApiError error;
        QString requestId;
        QString model;
        std::optional<Usage> usage;
        QString finishReason;
    };
    void onRunFinished();
    void finishRun(const RunEnd &end);
    //! After a connector's 401: renews its token and sends the turn once more. False when
    //! that is not possible (no refresher, tried already, or something arrived).
    bool refreshAndRetry(const RunEnd &end);
    void syncRunEntries(ChatEntry::Status status);
    void restoreSetAside();
    void persistCheckpoint();
    qint64 nextLocalId() { return --m_localId; }

    ChatService *m_service;
    ConversationService *m_conversations = nullptr;
    AgentResolver m_agentResolver;
    QString m_localServerConversationId; // without persistence
    ConversationModel *m_model;
    ChatPersistence *m_persistence = nullptr;
    TargetKind m_targetKind = TargetKind::Model;
    QString m_targetId;
    QList<Tool> m_tools;
    ChatSettings m_chatSettings;
    bool m_readsDocuments = true;

    ToolAuthorizer m_authorizer;
    CredentialRefresher m_refresher;
    QList<ChatMessage> m_runHistory; // what the turn's request sent
    QList<Tool> m_runTools;
    std::optional<Confirmation> m_runConfirmation;
    //! Where a resent user message continues on the server (see restartPoint()).
    std::optional<ConversationMessages::EntryRef> m_restartFrom;
    RunKind m_runKind = RunKind::Completion;
    bool m_replayedThisTurn = false;
    bool m_refreshedThisTurn = false;
    bool m_refreshing = false;
    bool m_starting = false; // tools being completed before the request leaves
    bool m_stopRequested = false;
    QPointer<TurnRun> m_run;
    int m_runFirstEntry = -1;    // the entry of the run's first message
    QString m_continuedText;     // a continued answer: its text before the run
    QList<ChatEntry> m_setAside; // what a retry kept as an earlier version, until it answers
    QList<qint64> m_runIds;      // entry ids of the run's messages, in order
    bool m_firstFlushDone = false;
    QTimer m_frame;
    QTimer m_checkpoint; // runs while shown text is not stored yet
    qint64 m_localId = 0;
};

} // namespace Tramontane
