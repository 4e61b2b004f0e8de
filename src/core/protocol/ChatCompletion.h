// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/Message.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Tramontane {

//! Token usage (`UsageInfo`). The three counts are typed; everything the server sends besides
//! them (prompt_tokens_details, service_tier, connector_tokens, connectors, …) stays in `raw`.
struct Usage {
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    qint64 totalTokens = 0;
    //! The object as received (including the three counts).
    QJsonObject raw;

    static Usage fromJson(const QJsonObject &json);
    //! `raw` with the three counts as currently set.
    QJsonObject toJson() const;

    //! Adds another usage: the counts and every number found in both raw objects (nested
    //! objects too) are summed; other values take the newer one. Multi-message streams carry
    //! one usage per sub-completion.
    Usage &operator+=(const Usage &other);
    friend Usage operator+(Usage a, const Usage &b) { return a += b; }

    friend bool operator==(const Usage &a, const Usage &b) { return a.toJson() == b.toJson(); }
};

//! An assistant tool call with the `role:"tool"` message that answered it, if any.
struct ToolRun {
    ToolCall call;
    qsizetype callMessage = -1;   //!< Position in Choice::messages of the calling message.
    qsizetype resultMessage = -1; //!< Position of the result message, -1 when missing.
    std::optional<ChatMessage> result;

    bool hasResult() const { return result.has_value(); }
};

//! One choice of a chat completion. A choice with `message` becomes a one-element `messages`
//! with multi false; a choice with `messages` (a "chat.multi_completion", where hosted tools
//! ran on the server) keeps the whole sequence with multi true.
struct Choice {
    int index = 0;
    //! "stop", "length", "model_length", "error", "tool_calls", …; empty while unknown (null).
    QString finishReason;
    QList<ChatMessage> messages;
    bool multi = false;

    static Choice fromJson(const QJsonObject &json);
    //! The response shape: `message` for a single message, `messages` otherwise.
    QJsonObject toJson() const;

    //! Position of the last assistant message, -1 when there is none.
    qsizetype finalAnswerIndex() const;
    //! The last assistant message: the answer to show.
    std::optional<ChatMessage> finalAnswer() const;
    //! Every tool call of the assistant messages, paired by tool_call_id with its result.
    QList<ToolRun> toolRuns() const;
    //! The calls of type function with no result in this response: the client's own functions,
    //! which it must run and answer. (Hosted calls come with their results.)
    QList<ToolCall> pendingFunctionCalls() const;

    friend bool operator==(const Choice &a, const Choice &b) { return a.toJson() == b.toJson(); }
};

//! A chat completion (`ChatCompletionResponse`), also what StreamAccumulator rebuilds.
struct ChatCompletion {
    QString id;
    QString object; //!< "chat.completion" or "chat.multi_completion"
    QString model;
    qint64 created = 0;
    std::optional<Usage> usage;
    QList<Choice> choices;

    static ChatCompletion fromJson(const QJsonObject &json);
    QJsonObject toJson() const;

    //! True when any choice carries a message sequence.
    bool isMulti() const;
    //! The first choice's final answer (see Choice::finalAnswer()).
    std::optional<ChatMessage> finalAnswer() const;

    friend bool operator==(const ChatCompletion &a, const ChatCompletion &b) {
        return a.toJson() == b.toJson();
    }
};

} // namespace Tramontane
