// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/ChatSession.h"

#include "core/Logging.h"
#include "core/protocol/ConversationMessages.h"
#include "core/services/ChatService.h"
#include "core/services/ConversationService.h"
#include "core/services/DocumentRoute.h"
#include "models/ConversationModel.h"
#include "models/TurnRun.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tramontane {

ChatSession::ChatSession(ChatService *service, ConversationModel *model, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_model(model) {
    m_frame.setSingleShot(true);
    m_frame.setInterval(16);
    connect(&m_frame, &QTimer::timeout, this, &ChatSession::flush);
    m_checkpoint.setSingleShot(true);
    m_checkpoint.setInterval(1000);
    connect(&m_checkpoint, &QTimer::timeout, this, &ChatSession::persistCheckpoint);
}

ChatSession::~ChatSession() {
    if (m_run) {
        m_run->disconnect(this);
        m_run->cancel();
    }
}

TurnEndpoint::Endpoint ChatSession::endpointFor(const QList<Tool> &tools) const {
    if (m_targetKind == TargetKind::Model)
        return TurnEndpoint::choose(tools);
    std::optional<Agent> agent = m_agentResolver ? m_agentResolver(m_targetId) : std::nullopt;
    if (!agent) {
        agent.emplace();
        agent->id = m_targetId;
    }
    return TurnEndpoint::choose(tools, &*agent);
}

QString ChatSession::serverConversationId() const {
    return m_persistence ? m_persistence->serverConversationId() : m_localServerConversationId;
}

void ChatSession::setServerConversationId(const QString &id) {
    if (id == serverConversationId())
        return;
    if (m_persistence)
        m_persistence->setServerConversationId(id);
    else
        m_localServerConversationId = id;
}

void ChatSession::setTarget(TargetKind kind, const QString &id) {
    if (kind == m_targetKind && id == m_targetId)
        return;
    m_targetKind = kind;
    m_targetId = id;
    Q_EMIT targetChanged();
}

void ChatSession::setChatSettings(const ChatSettings &settings) {
    if (settings == m_chatSettings)
        return;
    m_chatSettings = settings;
    Q_EMIT chatSettingsChanged();
}

void ChatSession::setTools(const QList<Tool> &tools) {
    m_tools = deduplicateTools(tools);
}

bool ChatSession::send(const QString &text, const QList<ContentChunk> &images) {
    if ((text.trimmed().isEmpty() && images.isEmpty()) || isBusy())
        return false;
    if (m_targetId.isEmpty()) {
        Q_EMIT failedToSend(tr("Choose a model or an agent first."), text);
        return false;
    }
    ChatEntry entry;
    if (images.isEmpty()) {
        entry.message = ChatMessage::user(text);
    } else {
        QList<ContentChunk> chunks;
        if (!text.trimmed().isEmpty())
            chunks.append(ContentChunk::makeText(text));
        chunks.append(images);
        entry.message = ChatMessage::user(MessageContent(chunks));
    }
    if (m_persistence) {
        QString error;
        entry.id = m_persistence->storeMessage(entry, &error);
        if (entry.id != 0)
            m_persistence->readVersions(entry);
        if (entry.id == 0) {
            Q_EMIT failedToSend(
                tr("Your message could not be saved, so it was not sent: %1").arg(error), text);
            return false;
        }
    } else {
        entry.id = nextLocalId();
    }
    m_model->appendEntry(entry);
    return startTurn();
}

bool ChatSession::startTurn(std::optional<Confirmation> confirmation) {
    const QList<ChatMessage> history = m_model->history();
    ChatEntry placeholder;
    placeholder.message = ChatMessage::assistant(MessageContent());
    placeholder.status = ChatEntry::Status::Streaming;
    if (m_targetKind == TargetKind::Model)
        placeholder.model = m_targetId;
    QString error;
    placeholder.id =
        m_persistence ? m_persistence->storeMessage(placeholder, &error) : nextLocalId();
    if (placeholder.id == 0)
        placeholder.id = nextLocalId(); // the user's message is safe; the answer is kept in memory
    else if (m_persistence)
        m_persistence->readVersions(placeholder);
    m_runFirstEntry = m_model->appendEntry(placeholder);
    m_runIds = {placeholder.id};
    m_firstFlushDone = false;
    m_refreshedThisTurn = false;
    m_replayedThisTurn = false;

    Q_EMIT busyChanged(true);
    if (!m_authorizer) {
        startRun(history, m_tools, confirmation);
        return true;
    }
    m_starting = true;
    m_authorizer(m_targetKind, m_targetId, m_tools, this,
                 [this, history, confirmation](const QList<Tool> &tools) {
                     m_starting = false;
                     if (!m_stopRequested) {
                         startRun(history, tools, confirmation);
                         return;
                     }
                     // Stopped before the request left: only the user's message stays.
                     m_stopRequested = false;
                     const int placeholder = m_runFirstEntry;
                     if (m_persistence)
                         m_persistence->removeMessagesFrom(m_model->entries().at(placeholder));
                     m_model->truncateEntries(placeholder);
                     restoreSetAside();
                     m_runIds.clear();
                     m_runFirstEntry = -1;
                     m_restartFrom.reset();
                     Q_EMIT busyChanged(false);
                     Q_EMIT turnFinished(int(TurnRun::Outcome::Canceled));
                 });
    return true;
}

namespace {

// The new input of a turn that continues a server conversation: the text, or the text and the
// attached images as chunks.
ConversationInputs appendInputs(const ChatMessage &message) {
    const MessageContent input = ConversationMessages::userInput(message.content);
    if (!input.hasChunks())
        return ConversationInputs::fromText(input.plainText());
    return ConversationInputs::fromEntries({ConversationEntry::userMessage(input)});
}

} // namespace

ChatSession::TurnRequest
ChatSession::makeRequest(const QList<ChatMessage> &history, const QList<Tool> &tools,
                         const std::optional<Confirmation> &confirmation) const {
    const QList<ChatMessage> messages =
        m_readsDocuments ? history : DocumentRoute::withoutDocumentUrls(history);
    if (m_conversations && endpointFor(tools) == TurnEndpoint::Endpoint::Conversations) {
        const QString conversationId = serverConversationId();
        if (!conversationId.isEmpty()) {
            // The server has the earlier turns: only what is new goes.
            ConversationAppendRequest request;
            request.conversationId = conversationId;
            if (confirmation)
                request.toolConfirmations.append({confirmation->toolCallId, confirmation->allow});
            else if (!messages.isEmpty())
                request.inputs = appendInputs(messages.last());
            m_chatSettings.applyTo(request, m_targetKind == TargetKind::Agent);
            return request;
        }
        ConversationStartRequest request;
        request.inputs = ConversationMessages::replay(messages);
        if (m_targetKind == TargetKind::Agent)
            request.agentId = m_targetId;
        else
            request.model = m_targetId;
        request.tools = tools;
        m_chatSettings.applyTo(request);
        return request;
    }
    if (m_targetKind == TargetKind::Agent) {
        AgentCompletionRequest request;
        request.agentId = m_targetId;
        request.messages = messages;
        request.tools = tools;
        m_chatSettings.applyTo(request);
        return request;
    }
    ChatRequest request;
    request.model = m_targetId;
    request.messages = messages;
    request.tools = tools;
    m_chatSettings.applyTo(request);
    return request;
}

std::optional<ConversationRestartRequest>
ChatSession::makeRestart(const QList<ChatMessage> &history, const QList<Tool> &tools) const {
    if (!m_restartFrom || !m_conversations || history.isEmpty()
        || endpointFor(tools) != TurnEndpoint::Endpoint::Conversations)
        return std::nullopt;
    const QList<ChatMessage> messages =
        m_readsDocuments ? history : DocumentRoute::withoutDocumentUrls(history);
    // The server keeps everything up to the entry before the resent message: only that goes.
    ConversationRestartRequest request;
    request.conversationId = m_restartFrom->conversationId;
    request.fromEntryId = m_restartFrom->entryId;
    request.inputs = appendInputs(messages.last());
    ConversationAppendRequest settings;
    m_chatSettings.applyTo(settings, m_targetKind == TargetKind::Agent);
    request.completionArgs = settings.completionArgs;
    return request;
}

std::optional<ConversationMessages::EntryRef> ChatSession::restartPoint(int userEntry) const {
    if (userEntry <= 0 || userEntry > m_model->entryCount())
        return std::nullopt;
    const ChatEntry &before = m_model->entries().at(userEntry - 1);
    // A partial answer is not what the server holds: the history is replayed instead.
    if (before.status != ChatEntry::Status::Complete)
        return std::nullopt;
    return ConversationMessages::entryRef(before.message);
}

void ChatSession::prepareRequest(const QList<ChatMessage> &messages, const QList<Tool> &tools,
                                 QObject *context,
                                 std::function<void(const TurnRequest &)> done) const {
    if (!m_authorizer) {
        done(makeRequest(messages, tools));
        return;
    }
    m_authorizer(m_targetKind, m_targetId, tools, context,
                 [self = QPointer<const ChatSession>(this), messages,
                  done = std::move(done)](const QList<Tool> &tools) {
                     if (self)
                         done(self->makeRequest(messages, tools));
                 });
}

void ChatSession::startRun(const QList<ChatMessage> &history, const QList<Tool> &tools,
                           const std::optional<Confirmation> &confirmation) {
    m_runHistory = history;
    m_runTools = tools;
    m_runConfirmation = confirmation;
    const std::optional<ConversationRestartRequest> restart =
        confirmation ? std::nullopt : makeRestart(history, tools);
    const TurnRequest request = restart ? TurnRequest() : makeRequest(history, tools, confirmation);
    if (restart) {
        m_runKind = RunKind::Restart;
        m_run = new TurnRun(m_conversations->restartStream(*restart), this);
    } else if (const auto *agent = std::get_if<AgentCompletionRequest>(&request)) {
        m_runKind = RunKind::Completion;
        m_run = new TurnRun(m_service->streamAgent(*agent), this);
    } else if (const auto *chat = std::get_if<ChatRequest>(&request)) {
        m_runKind = RunKind::Completion;
        m_run = new TurnRun(m_service->stream(*chat), this);
    } else if (const auto *start = std::get_if<ConversationStartRequest>(&request)) {
        m_runKind = RunKind::Start;
        m_run = new TurnRun(m_conversations->startStream(*start), this);
    } else {
        m_runKind = RunKind::Append;
        m_run = new TurnRun(
            m_conversations->appendStream(std::get<ConversationAppendRequest>(request)), this);
    }
    connect(m_run, &TurnRun::updated, this, &ChatSession::onRunUpdated);
    connect(m_run, &TurnRun::retrying, this, &ChatSession::retryScheduled);
    connect(m_run, &TurnRun::finished, this, &ChatSession::onRunFinished);
}

void ChatSession::onRunUpdated() {
    if (!m_firstFlushDone) {
        // Paint the first token at once; coalesce the rest per frame.
        flush();
        return;
    }
    if (!m_frame.isActive())
        m_frame.start();
}

void ChatSession::flush() {
    if (!m_run)
        return;
    syncRunEntries(ChatEntry::Status::Streaming);
    // What is shown now is stored within the checkpoint interval, even if the stream pauses
    // (a tool running); while text keeps coming, that is one write per interval.
    if (!m_checkpoint.isActive())
        m_checkpoint.start();
}

void ChatSession::syncRunEntries(ChatEntry::Status status) {
    const QList<ChatMessage> messages = m_run->messages();
    const QString model = m_run->model();
    for (int k = 0; k < messages.size(); ++k) {
        if (k >= m_runIds.size()) {
            ChatEntry fresh;
            fresh.message = messages.at(k);
            fresh.status = status;
            QString error;
            const qint64 id = m_persistence ? m_persistence->storeMessage(fresh, &error) : 0;
            m_runIds.append(id != 0 ? id : nextLocalId());
        }
        ChatEntry entry;
        entry.id = m_runIds.at(k);
        entry.message = messages.at(k);
        if (k == 0 && !m_continuedText.isEmpty()) {
            // A continuation: the server sends what follows the prefix, or (some deployments)
            // the prefix again with it.
            const QString more = entry.message.content.plainText();
            entry.message.content =
                MessageContent(more.startsWith(m_continuedText) ? more : m_continuedText + more);
        }
        entry.status = status;
        entry.model = model;
        const int index = m_runFirstEntry + k;
        if (index < m_model->entryCount()) {
            // What the store said of the message's versions when it was stored.
            entry.versionCount = m_model->entries().at(index).versionCount;
            entry.versionIndex = m_model->entries().at(index).versionIndex;
            m_model->updateEntry(index, entry);
        } else {
            m_model->appendEntry(entry);
        }
        if (!entry.message.content.isEmpty() || !entry.message.toolCalls.isEmpty())
            m_firstFlushDone = true;
    }
}

void ChatSession::persistCheckpoint() {
    m_checkpoint.stop();
    if (!m_persistence)
        return;
    for (int k = 0; k < m_runIds.size(); ++k) {
        const int index = m_runFirstEntry + k;
        if (index < m_model->entryCount())
            m_persistence->updateMessage(m_model->entries().at(index));
    }
}

void ChatSession::onRunFinished() {
    m_frame.stop();
    m_checkpoint.stop(); // the final state is stored below
    const TurnRun *run = m_run;
    if (run->isConversation() && !run->conversationId().isEmpty())
        setServerConversationId(run->conversationId());
    else if (run->isConversation() && run->error().httpStatus() == 404)
        setServerConversationId({}); // gone on the server (or another account's): Retry starts anew
    RunEnd end{run->outcome(), run->error(), run->requestId(),
               run->model(),   run->usage(), run->finishReason()};
    if (end.outcome == TurnRun::Outcome::Failed && replayInNewConversation(end.error))
        return;
    if (end.outcome == TurnRun::Outcome::Failed && end.error.isConnectorCredentialsRejected()
        && refreshAndRetry(end))
        return;
    finishRun(end);
}

void ChatSession::finishRun(const RunEnd &end) {
    const TurnRun::Outcome outcome = end.outcome;
    if (m_run) // else it ended before (a retry after a refresh), with nothing to show
        syncRunEntries(ChatEntry::Status::Complete);

    const int last = m_runFirstEntry + int(m_runIds.size()) - 1;
    ChatEntry entry = m_model->entries().at(last);
    const bool hasContent = !entry.message.content.isEmpty() || !entry.message.toolCalls.isEmpty()
                            || m_runIds.size() > 1;
    entry.requestId = end.requestId;
    entry.model = end.model.isEmpty() ? entry.model : end.model;
    entry.usage = end.usage;
    entry.stoppedForLength = outcome == TurnRun::Outcome::Completed
                             && end.finishReason == "length"_L1 && m_runIds.size() == 1
                             && entry.message.toolCalls.isEmpty();

    switch (outcome) {
    case TurnRun::Outcome::Running:
    case TurnRun::Outcome::Completed:
        entry.status = ChatEntry::Status::Complete;
        break;
    case TurnRun::Outcome::Interrupted:
    case TurnRun::Outcome::Failed:
        entry.status = hasContent ? ChatEntry::Status::Interrupted : ChatEntry::Status::Failed;
        entry.error = end.error;
        break;
    case TurnRun::Outcome::Canceled:
        entry.status = ChatEntry::Status::Canceled;
        break;
    }
    if (entry.requestId.isEmpty())
        entry.requestId = entry.error.requestId();

    if (outcome == TurnRun::Outcome::Canceled && !hasContent) {
        // Stopped before anything arrived: nothing to keep but the user's message.
        if (m_persistence)
            m_persistence->removeMessagesFrom(entry);
        m_model->truncateEntries(last);
        restoreSetAside();
    } else {
        m_model->updateEntry(last, entry);
        persistCheckpoint();
    }
    qCInfo(lcChat) << "turn finished:" << int(outcome) << "request id" << entry.requestId;

    m_run = nullptr;
    m_runIds.clear();
    m_runFirstEntry = -1;
    m_continuedText.clear();
    m_setAside.clear();
    m_restartFrom.reset();
    Q_EMIT busyChanged(false);
    Q_EMIT turnFinished(int(outcome));
}

bool ChatSession::replayInNewConversation(const ApiError &error) {
    const bool gone =
        error.httpStatus() == 404 || (m_runKind == RunKind::Restart && error.httpStatus() == 400);
    if (!gone || m_replayedThisTurn || m_runConfirmation || m_stopRequested
        || (m_runKind != RunKind::Append && m_runKind != RunKind::Restart) || m_runIds.size() != 1)
        return false;
    const ChatEntry &entry = m_model->entries().at(m_runFirstEntry);
    if (!entry.message.content.isEmpty() || !entry.message.toolCalls.isEmpty())
        return false;
    // The server lost the conversation (deleted, expired, another account): the person sees
    // the answer, not an error, from a new conversation that gets the history as inputs.
    qCInfo(lcChat) << "the server conversation is gone: replaying the history in a new one";
    m_replayedThisTurn = true;
    m_restartFrom.reset();
    setServerConversationId({});
    startRun(m_runHistory, m_runTools, std::nullopt);
    return true;
}

bool ChatSession::refreshAndRetry(const RunEnd &end) {
    if (!m_refresher || m_refreshedThisTurn || m_runIds.size() != 1)
        return false;
    const ChatEntry &entry = m_model->entries().at(m_runFirstEntry);
    if (!entry.message.content.isEmpty() || !entry.message.toolCalls.isEmpty())
        return false;
    m_refreshedThisTurn = true;
    m_refreshing = true;
    qCInfo(lcChat) << "a connector refused its token: refreshing it, then sending the turn again";
    // The run deletes itself once finished; the turn is the session's until it ends.
    m_run = nullptr;
    m_refresher(m_runTools, this, [this, end](bool refreshed) {
        m_refreshing = false;
        if (!refreshed || m_stopRequested) {
            // The turn ends with the connector's own error (or as the user stopped it).
            m_stopRequested = false;
            finishRun(end);
            return;
        }
        m_starting = true;
        const QList<ChatMessage> history = m_runHistory;
        const std::optional<Confirmation> confirmation = m_runConfirmation;
        const auto send = [this, history, confirmation](const QList<Tool> &tools) {
            m_starting = false;
            startRun(history, tools, confirmation);
        };
        if (m_authorizer)
            m_authorizer(m_targetKind, m_targetId, m_tools, this, send);
        else
            send(m_tools);
    });
    return true;
}

void ChatSession::stop() {
    if (m_refreshing) {
        m_stopRequested = true;
        return;
    }
    if (m_run)
        m_run->cancel();
}

bool ChatSession::retry(int entry) {
    if (isBusy() || entry <= 0 || entry >= m_model->entryCount())
        return false;
    // The answer of a turn starts right after its user message.
    int user = entry;
    while (user >= 0 && m_model->entries().at(user).message.role != ChatMessage::Role::User)
        --user;
    if (user < 0)
        return false;
    const auto from = restartPoint(user);
    if (user + 1 < m_model->entryCount()) {
        if (m_persistence) {
            m_persistence->branchFrom(m_model->entries().at(user + 1));
            m_setAside = m_model->entries().mid(user + 1);
        }
        m_model->truncateEntries(user + 1);
    }
    // The server's conversation may hold the dropped answer: the turn restarts from the entry
    // before the question, or a new conversation replays the history.
    setServerConversationId({});
    m_restartFrom = from;
    return startTurn();
}

bool ChatSession::regenerate() {
    for (int i = m_model->entryCount() - 1; i >= 0; --i) {
        if (m_model->entries().at(i).message.role == ChatMessage::Role::User)
            return i + 1 < m_model->entryCount() ? retry(i + 1) : (!isBusy() && startTurn());
    }
    return false;
}

bool ChatSession::editAndResend(int entry, const QString &text,
                                const QList<ContentChunk> &moreImages) {
    if (isBusy() || entry < 0 || entry >= m_model->entryCount()
        || m_model->entries().at(entry).message.role != ChatMessage::Role::User
        || text.trimmed().isEmpty())
        return false;
    // The images of the message go again with its new text.
    const QList<ContentChunk> images =
        attachedImages(m_model->entries().at(entry).message) + moreImages;
    const auto from = restartPoint(entry);
    if (m_persistence)
        m_persistence->branchFrom(m_model->entries().at(entry));
    m_model->truncateEntries(entry);
    // The new version continues on the server from the entry before it (a restart), else a new
    // conversation replays the history.
    setServerConversationId({});
    m_restartFrom = from;
    if (send(text, images))
        return true;
    m_restartFrom.reset();
    return false;
}

void ChatSession::restoreSetAside() {
    // The new version was dropped before anything arrived: the store shows the earlier one
    // again, and so does the chat.
    for (const ChatEntry &entry : std::as_const(m_setAside))
        m_model->appendEntry(entry);
    m_setAside.clear();
}

QList<ContentChunk> ChatSession::attachedImages(const ChatMessage &message) {
    QList<ContentChunk> images;
    for (const ContentChunk &chunk : message.content.chunks()) {
        if (chunk.type == ContentChunk::Type::ImageUrl || chunk.isDocument())
            images.append(chunk);
    }
    return images;
}

bool ChatSession::continueAnswer(int entry) {
    if (isBusy() || entry != m_model->entryCount() - 1)
        return false;
    const ChatEntry &answer = m_model->entries().at(entry);
    if (!answer.stoppedForLength || answer.message.role != ChatMessage::Role::Assistant
        || answer.message.content.plainText().isEmpty())
        return false;
    // The prefix form exists for completions only, not for the Conversations API (the tools
    // chosen since may need it).
    if (m_conversations && endpointFor(m_tools) == TurnEndpoint::Endpoint::Conversations)
        return false;
    QList<ChatMessage> history = m_model->history();
    if (history.isEmpty() || history.constLast().role != ChatMessage::Role::Assistant)
        return false;
    history.last().prefix = true;

    ChatEntry continuing = answer;
    continuing.status = ChatEntry::Status::Streaming;
    continuing.stoppedForLength = false;
    m_model->updateEntry(entry, continuing);
    m_continuedText = answer.message.content.plainText();
    m_runFirstEntry = entry;
    m_runIds = {answer.id};
    m_firstFlushDone = false;
    m_refreshedThisTurn = false;
    Q_EMIT busyChanged(true);
    startRun(history, m_tools, std::nullopt);
    return true;
}

bool ChatSession::confirmTool(int entry, bool allow) {
    if (isBusy() || !m_conversations || entry < 0 || entry >= m_model->entryCount()
        || serverConversationId().isEmpty())
        return false;
    ChatEntry answered = m_model->entries().at(entry);
    auto &calls = answered.message.toolCalls;
    const auto pending = std::find_if(calls.begin(), calls.end(), [](const ToolCall &call) {
        return ConversationMessages::confirmationStatus(call) == "pending"_L1;
    });
    if (pending == calls.end())
        return false;
    const Confirmation confirmation{pending->id, allow};
    // The choice is kept with the call (its buttons go away), then the answer continues.
    pending->metadata->insert(ConversationMessages::confirmationKey,
                              allow ? u"allowed"_s : u"denied"_s);
    m_model->updateEntry(entry, answered);
    if (m_persistence)
        m_persistence->updateMessage(answered);
    return startTurn(confirmation);
}

QString ChatSession::lastAnswerText() const {
    const auto &entries = m_model->entries();
    for (auto it = entries.crbegin(); it != entries.crend(); ++it) {
        if (it->message.role == ChatMessage::Role::Assistant) {
            const QString text = it->message.content.plainText();
            if (!text.isEmpty())
                return text;
        }
    }
    return {};
}

} // namespace Tramontane
