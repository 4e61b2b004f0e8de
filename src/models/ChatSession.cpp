// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/ChatSession.h"

#include "core/Logging.h"
#include "core/services/ChatService.h"
#include "models/ConversationModel.h"

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

void ChatSession::setTarget(TargetKind kind, const QString &id) {
    m_targetKind = kind;
    m_targetId = id;
}

void ChatSession::setTools(const QList<Tool> &tools) {
    m_tools = deduplicateTools(tools);
}

bool ChatSession::send(const QString &text) {
    if (text.trimmed().isEmpty() || isBusy())
        return false;
    if (m_targetId.isEmpty()) {
        Q_EMIT failedToSend(tr("Choose a model or an agent first."), text);
        return false;
    }
    ChatEntry entry;
    entry.message = ChatMessage::user(text);
    if (m_persistence) {
        QString error;
        entry.id = m_persistence->storeMessage(entry, &error);
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

bool ChatSession::startTurn() {
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
    m_runFirstEntry = m_model->appendEntry(placeholder);
    m_runIds = {placeholder.id};
    m_firstFlushDone = false;
    m_refreshedThisTurn = false;

    Q_EMIT busyChanged(true);
    if (!m_authorizer) {
        startRun(history, m_tools);
        return true;
    }
    m_starting = true;
    m_authorizer(m_targetKind, m_targetId, m_tools, this,
                 [this, history](const QList<Tool> &tools) {
                     m_starting = false;
                     if (!m_stopRequested) {
                         startRun(history, tools);
                         return;
                     }
                     // Stopped before the request left: only the user's message stays.
                     m_stopRequested = false;
                     const int placeholder = m_runFirstEntry;
                     if (m_persistence)
                         m_persistence->removeMessagesFrom(m_model->entries().at(placeholder));
                     m_model->truncateEntries(placeholder);
                     m_runIds.clear();
                     m_runFirstEntry = -1;
                     Q_EMIT busyChanged(false);
                     Q_EMIT turnFinished(int(ChatRun::Outcome::Canceled));
                 });
    return true;
}

ChatSession::TurnRequest ChatSession::makeRequest(TargetKind kind, const QString &targetId,
                                                  const QList<ChatMessage> &messages,
                                                  const QList<Tool> &tools) {
    if (kind == TargetKind::Agent) {
        AgentCompletionRequest request;
        request.agentId = targetId;
        request.messages = messages;
        request.tools = tools;
        return request;
    }
    ChatRequest request;
    request.model = targetId;
    request.messages = messages;
    request.tools = tools;
    return request;
}

void ChatSession::prepareRequest(const QList<ChatMessage> &messages, const QList<Tool> &tools,
                                 QObject *context,
                                 std::function<void(const TurnRequest &)> done) const {
    if (!m_authorizer) {
        done(makeRequest(m_targetKind, m_targetId, messages, tools));
        return;
    }
    m_authorizer(m_targetKind, m_targetId, tools, context,
                 [kind = m_targetKind, targetId = m_targetId, messages,
                  done = std::move(done)](const QList<Tool> &tools) {
                     done(makeRequest(kind, targetId, messages, tools));
                 });
}

void ChatSession::startRun(const QList<ChatMessage> &history, const QList<Tool> &tools) {
    m_runHistory = history;
    m_runTools = tools;
    const TurnRequest request = makeRequest(m_targetKind, m_targetId, history, tools);
    if (const auto *agent = std::get_if<AgentCompletionRequest>(&request))
        m_run = m_service->streamAgent(*agent);
    else
        m_run = m_service->stream(std::get<ChatRequest>(request));
    connect(m_run, &ChatRun::updated, this, &ChatSession::onRunUpdated);
    connect(m_run, &ChatRun::retrying, this, [this](int, int delayMs, const ApiError &error) {
        Q_EMIT retryScheduled(delayMs, error);
    });
    connect(m_run, &ChatRun::finished, this, &ChatSession::onRunFinished);
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
    const ChatCompletion &completion = m_run->completion();
    if (completion.choices.isEmpty())
        return;
    const QList<ChatMessage> &messages = completion.choices.first().messages;
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
        entry.status = status;
        entry.model = completion.model;
        const int index = m_runFirstEntry + k;
        if (index < m_model->entryCount())
            m_model->updateEntry(index, entry);
        else
            m_model->appendEntry(entry);
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
    const ChatRun *run = m_run;
    RunEnd end{run->outcome(), run->error(), run->requestId(), run->completion().model,
               run->completion().usage};
    if (end.outcome == ChatRun::Outcome::Failed && end.error.isConnectorCredentialsRejected()
        && refreshAndRetry(end))
        return;
    finishRun(end);
}

void ChatSession::finishRun(const RunEnd &end) {
    const ChatRun::Outcome outcome = end.outcome;
    if (m_run) // else it ended before (a retry after a refresh), with nothing to show
        syncRunEntries(ChatEntry::Status::Complete);

    const int last = m_runFirstEntry + int(m_runIds.size()) - 1;
    ChatEntry entry = m_model->entries().at(last);
    const bool hasContent = !entry.message.content.isEmpty() || !entry.message.toolCalls.isEmpty()
                            || m_runIds.size() > 1;
    entry.requestId = end.requestId;
    entry.model = end.model.isEmpty() ? entry.model : end.model;
    entry.usage = end.usage;

    switch (outcome) {
    case ChatRun::Outcome::Running:
    case ChatRun::Outcome::Completed:
        entry.status = ChatEntry::Status::Complete;
        break;
    case ChatRun::Outcome::Interrupted:
    case ChatRun::Outcome::Failed:
        entry.status = hasContent ? ChatEntry::Status::Interrupted : ChatEntry::Status::Failed;
        entry.error = end.error;
        break;
    case ChatRun::Outcome::Canceled:
        entry.status = ChatEntry::Status::Canceled;
        break;
    }
    if (entry.requestId.isEmpty())
        entry.requestId = entry.error.requestId();

    if (outcome == ChatRun::Outcome::Canceled && !hasContent) {
        // Stopped before anything arrived: nothing to keep but the user's message.
        if (m_persistence)
            m_persistence->removeMessagesFrom(entry);
        m_model->truncateEntries(last);
    } else {
        m_model->updateEntry(last, entry);
        persistCheckpoint();
    }
    qCInfo(lcChat) << "turn finished:" << int(outcome) << "request id" << entry.requestId;

    m_run = nullptr;
    m_runIds.clear();
    m_runFirstEntry = -1;
    Q_EMIT busyChanged(false);
    Q_EMIT turnFinished(int(outcome));
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
        const auto send = [this, history](const QList<Tool> &tools) {
            m_starting = false;
            startRun(history, tools);
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
    if (user + 1 < m_model->entryCount()) {
        if (m_persistence)
            m_persistence->removeMessagesFrom(m_model->entries().at(user + 1));
        m_model->truncateEntries(user + 1);
    }
    return startTurn();
}

bool ChatSession::regenerate() {
    for (int i = m_model->entryCount() - 1; i >= 0; --i) {
        if (m_model->entries().at(i).message.role == ChatMessage::Role::User)
            return i + 1 < m_model->entryCount() ? retry(i + 1) : (!isBusy() && startTurn());
    }
    return false;
}

bool ChatSession::editAndResend(int entry, const QString &text) {
    if (isBusy() || entry < 0 || entry >= m_model->entryCount()
        || m_model->entries().at(entry).message.role != ChatMessage::Role::User
        || text.trimmed().isEmpty())
        return false;
    if (m_persistence)
        m_persistence->removeMessagesFrom(m_model->entries().at(entry));
    m_model->truncateEntries(entry);
    return send(text);
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
