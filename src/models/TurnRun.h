// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/ApiError.h"
#include "core/protocol/ChatCompletion.h"
#include "core/services/ChatService.h"

#include <QObject>
#include <QPointer>

#include <optional>

namespace Tramontane {

class ConversationRun;

//! One streamed chat turn, whichever endpoint runs it: a chat or agent completion (ChatRun)
//! or a Conversations API turn (ConversationRun). ChatSession runs every turn through it, so
//! checkpoints, Stop, interruptions, retries and errors behave the same on both paths. A
//! conversation turn's outputs are seen as the chat messages ConversationMessages makes of them.
//!
//! finished() fires once; the run deletes itself later (hold it in a QPointer).
class TurnRun final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TurnRun)

public:
    using Outcome = ChatRun::Outcome;

    explicit TurnRun(ChatRun *run, QObject *parent = nullptr);
    explicit TurnRun(ConversationRun *run, QObject *parent = nullptr);
    ~TurnRun() override;

    //! The messages of the answer so far (one, or several when tools ran).
    QList<ChatMessage> messages() const;
    QString model() const;
    std::optional<Usage> usage() const;
    //! Why the model stopped ("stop", "length", "tool_calls"…; empty while unknown, and for
    //! conversation turns, which do not say).
    QString finishReason() const;
    Outcome outcome() const { return m_outcome; }
    ApiError error() const { return m_error; }
    QString requestId() const { return m_requestId; }
    //! The server conversation the turn belongs to (empty for chat completions).
    QString conversationId() const;
    bool isConversation() const { return !m_conversation.isNull() || m_wasConversation; }

    void cancel();

Q_SIGNALS:
    void updated();
    //! The request failed before any answer and is sent again in \a delayMs.
    void retrying(int delayMs, const Tramontane::ApiError &error);
    void finished();

private:
    template<typename Run>
    void finish(Run *run);

    QPointer<ChatRun> m_chat;
    QPointer<ConversationRun> m_conversation;
    bool m_wasConversation = false;
    Outcome m_outcome = Outcome::Running;
    ApiError m_error;
    QString m_requestId;
    // What the run held when it finished (it deletes itself soon after).
    std::optional<QList<ChatMessage>> m_finalMessages;
    QString m_finalModel;
    std::optional<Usage> m_finalUsage;
    QString m_finalFinishReason;
    QString m_finalConversationId;
};

} // namespace Tramontane
