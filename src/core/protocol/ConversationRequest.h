// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/ConversationEntry.h"
#include "core/protocol/Tool.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Tramontane {

//! The `inputs` of a conversation request: a plain string (one user message) or entries
//! (messages, function results, replayed outputs). Written in the form it was given.
struct ConversationInputs {
    std::optional<QString> text;
    QList<ConversationEntry> entries;

    static ConversationInputs fromText(const QString &text);
    static ConversationInputs fromEntries(const QList<ConversationEntry> &entries);
    bool isEmpty() const { return !text && entries.isEmpty(); }
    //! A string, or an array of entries in their input shape.
    QJsonValue toJson() const;
};

//! The answer to a tool that needs a confirmation (`tool_confirmations` on append).
struct ToolConfirmation {
    QString toolCallId;
    bool allow = false;

    //! `{"tool_call_id": …, "confirmation": "allow" | "deny"}`
    QJsonObject toJson() const;
};

//! `handoff_execution`: who runs a handoff between agents.
enum class HandoffExecution { Server, Client };

//! The body of `POST /v1/conversations` (SDK 2.7.0 ConversationRequest and
//! ConversationStreamRequest). Set either `model` or `agentId`. Only set fields are written
//! (the server refuses unknown fields); `stream` is always written.
struct ConversationStartRequest {
    ConversationInputs inputs;
    QString model;
    QString agentId;
    std::optional<qint64> agentVersion;
    std::optional<QString> instructions;
    //! Written only when not empty.
    QList<Tool> tools;
    //! CompletionArgs (temperature, max_tokens, tool_choice…), written as given.
    std::optional<QJsonObject> completionArgs;
    std::optional<bool> store;
    std::optional<HandoffExecution> handoffExecution;
    std::optional<QString> name;
    std::optional<QString> description;
    std::optional<QJsonObject> metadata;
    bool stream = false;

    QJsonObject toJson() const;
};

//! The body of `POST /v1/conversations/{conversation_id}`: continues a conversation. The id
//! goes into the path, not the body.
struct ConversationAppendRequest {
    QString conversationId;
    ConversationInputs inputs;
    std::optional<bool> store;
    std::optional<HandoffExecution> handoffExecution;
    std::optional<QJsonObject> completionArgs;
    QList<ToolConfirmation> toolConfirmations;
    bool stream = false;

    QJsonObject toJson() const;
};

//! The body of `POST /v1/conversations/{conversation_id}/restart`: continues from an earlier
//! entry (`from_entry_id`) with new inputs, dropping what followed it.
struct ConversationRestartRequest {
    QString conversationId;
    QString fromEntryId;
    ConversationInputs inputs;
    std::optional<bool> store;
    std::optional<HandoffExecution> handoffExecution;
    std::optional<QJsonObject> completionArgs;
    std::optional<QJsonObject> metadata;
    std::optional<qint64> agentVersion;
    bool stream = false;

    QJsonObject toJson() const;
};

//! "server" or "client".
QString handoffExecutionName(HandoffExecution execution);

} // namespace Tramontane
