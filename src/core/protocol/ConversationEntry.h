// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/ChatCompletion.h"
#include "core/protocol/Content.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Tramontane {

//! One entry of a conversation (`/v1/conversations`), the unit of its inputs, outputs and
//! history, discriminated by `type` (SDK 2.7.0: MessageInputEntry, MessageOutputEntry,
//! FunctionResultEntry, ToolExecutionEntry, FunctionCallEntry, AgentHandoffEntry). Only the
//! fields of the entry's own type are meaningful. Reading is lenient: unknown fields are
//! ignored, and an entry of an unknown type is kept as Unknown with its JSON in `raw`.
struct ConversationEntry {
    enum class Type {
        MessageInput,   //!< `message.input`: what the user (or a replayed assistant) said
        MessageOutput,  //!< `message.output`: an answer, text or chunks
        FunctionResult, //!< `function.result`: the client's result for a function call
        ToolExecution,  //!< `tool.execution`: a hosted tool the server ran
        FunctionCall,   //!< `function.call`: a function for the client (or to confirm)
        AgentHandoff,   //!< `agent.handoff`: one agent handed the conversation to another
        Unknown,
    };

    Type type = Type::MessageInput;
    QString id;
    //! The agent and model that produced an output entry (empty when not given).
    QString agentId;
    QString model;

    //! MessageInput ("user" or "assistant") and MessageOutput ("assistant").
    QString role;
    //! MessageInput and MessageOutput: a string or chunks (text, tool_reference, tool_file…).
    MessageContent content;

    //! ToolExecution and FunctionCall: the tool's name and its arguments as JSON text (an
    //! arguments object is kept as its compact JSON text).
    QString name;
    QString arguments;
    //! ToolExecution: free-form details (`code` and `code_output` for code_interpreter).
    QJsonObject info;

    //! FunctionCall and FunctionResult.
    QString toolCallId;
    //! FunctionCall: "pending", "allowed" or "denied" when the tool needs a confirmation.
    std::optional<QString> confirmationStatus;
    //! FunctionResult: the result text.
    QString result;

    //! AgentHandoff.
    QString previousAgentId;
    QString previousAgentName;
    QString nextAgentId;
    QString nextAgentName;

    //! The entry as received (for Unknown entries, the only faithful form).
    QJsonObject raw;

    static ConversationEntry userMessage(const MessageContent &content);
    static ConversationEntry functionResult(const QString &toolCallId, const QString &result);

    //! Never fails: a missing or unrecognised `type` gives an Unknown entry.
    static ConversationEntry fromJson(const QJsonObject &json);
    //! The input shape, for sending the entry back in `inputs` (replaying a history). Only
    //! the fields the request schema allows are written; Unknown entries are written as raw.
    QJsonObject toJson() const;

    //! The wire name ("message.output", …; empty for Unknown).
    static QString typeName(Type type);
    static Type typeFromName(const QString &name);
};

//! The answer of start, append and restart when not streamed: `conversation.response`.
struct ConversationResponse {
    QString conversationId;
    QList<ConversationEntry> outputs;
    //! prompt/completion/total tokens, plus `connector_tokens` and `connectors` in raw.
    Usage usage;

    static ConversationResponse fromJson(const QJsonObject &json);
};

//! `GET /v1/conversations/{id}/history`: every entry of a conversation, inputs and outputs, in
//! order (`conversation.history`).
struct ConversationHistory {
    QString conversationId;
    QList<ConversationEntry> entries;

    static ConversationHistory fromJson(const QJsonObject &json);
};

} // namespace Tramontane
