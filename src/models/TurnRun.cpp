// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/TurnRun.h"

#include "core/protocol/ConversationMessages.h"
#include "core/services/ConversationService.h"

namespace Tramontane {

namespace {

QList<ChatMessage> chatMessages(const ChatRun *run) {
    const ChatCompletion &completion = run->completion();
    return completion.choices.isEmpty() ? QList<ChatMessage>()
                                        : completion.choices.first().messages;
}

QString conversationModel(const ConversationRun *run) {
    const auto &outputs = run->outputs();
    for (auto it = outputs.crbegin(); it != outputs.crend(); ++it) {
        if (!it->model.isEmpty())
            return it->model;
    }
    return {};
}

} // namespace

TurnRun::TurnRun(ChatRun *run, QObject *parent)
    : QObject(parent)
    , m_chat(run) {
    connect(run, &ChatRun::updated, this, &TurnRun::updated);
    connect(run, &ChatRun::retrying, this,
            [this](int, int delayMs, const ApiError &error) { Q_EMIT retrying(delayMs, error); });
    connect(run, &ChatRun::finished, this, [this, run] { finish(run); });
}

TurnRun::TurnRun(ConversationRun *run, QObject *parent)
    : QObject(parent)
    , m_conversation(run)
    , m_wasConversation(true) {
    connect(run, &ConversationRun::updated, this, &TurnRun::updated);
    connect(run, &ConversationRun::retrying, this,
            [this](int, int delayMs, const ApiError &error) { Q_EMIT retrying(delayMs, error); });
    connect(run, &ConversationRun::finished, this, [this, run] { finish(run); });
}

TurnRun::~TurnRun() {
    if (m_chat) {
        m_chat->disconnect(this);
        m_chat->cancel();
    }
    if (m_conversation) {
        m_conversation->disconnect(this);
        m_conversation->cancel();
    }
}

template<typename Run>
void TurnRun::finish(Run *run) {
    // Kept: the run deletes itself after this.
    QList<ChatMessage> messagesNow = messages();
    m_finalModel = model();
    m_finalUsage = usage();
    m_finalFinishReason = finishReason();
    m_finalConversationId = conversationId();
    m_finalMessages = std::move(messagesNow);
    m_requestId = run->requestId();
    m_error = run->error();
    if constexpr (std::is_same_v<Run, ChatRun>)
        m_outcome = run->outcome();
    else
        m_outcome = run->outcome();
    m_chat = nullptr;
    m_conversation = nullptr;
    Q_EMIT finished();
    deleteLater();
}

QList<ChatMessage> TurnRun::messages() const {
    if (m_finalMessages)
        return *m_finalMessages;
    if (m_chat)
        return chatMessages(m_chat);
    if (m_conversation)
        return ConversationMessages::fromOutputs(m_conversation->outputs(),
                                                 m_conversation->conversationId());
    return {};
}

QString TurnRun::model() const {
    if (m_finalMessages)
        return m_finalModel;
    if (m_chat)
        return m_chat->completion().model;
    if (m_conversation)
        return conversationModel(m_conversation);
    return {};
}

QString TurnRun::finishReason() const {
    if (m_finalMessages)
        return m_finalFinishReason;
    if (m_chat && !m_chat->completion().choices.isEmpty())
        return m_chat->completion().choices.constFirst().finishReason;
    return {};
}

std::optional<Usage> TurnRun::usage() const {
    if (m_finalMessages)
        return m_finalUsage;
    if (m_chat)
        return m_chat->completion().usage;
    if (m_conversation
        && m_conversation->accumulator().state() == ConversationAccumulator::State::Done)
        return m_conversation->accumulator().usage();
    return std::nullopt;
}

QString TurnRun::conversationId() const {
    if (m_finalMessages)
        return m_finalConversationId;
    return m_conversation ? m_conversation->conversationId() : QString();
}

void TurnRun::cancel() {
    if (m_chat)
        m_chat->cancel();
    if (m_conversation)
        m_conversation->cancel();
}

} // namespace Tramontane
