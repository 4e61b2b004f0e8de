// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/Content.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Tramontane {

//! A tool call made by the model (`ToolCall` + `FunctionCall`).
struct ToolCall {
    QString id;
    QString type = QStringLiteral("function"); //!< Always "function" in SDK 2.7.0 (open enum).
    QString name;                              //!< The function's name.
    //! The arguments as JSON text. The API also accepts an object; one received as an object is
    //! stored here as compact JSON text.
    QString arguments;
    //! Position in the message's tool_calls; streamed fragments of one call share it. The SDK
    //! always sends it (default 0); here it is sent only when known.
    std::optional<int> index;
    //! Extra data on calls the server ran itself (e.g. `tool_type`, `integration_id`). Not part
    //! of the request schema, so it is never sent back.
    std::optional<QJsonObject> metadata;

    static ToolCall fromJson(const QJsonObject &json);
    //! The request shape: id, type, function {name, arguments}, and index when known.
    QJsonObject toJson() const;
    //! toJson() plus `metadata`: the response shape, for storage and comparisons.
    QJsonObject toStoredJson() const;

    bool isFunction() const { return type == QLatin1StringView("function"); }
    //! The arguments parsed as a JSON object (empty when they are not a valid object).
    QJsonObject argumentsObject() const;
    //! True when the metadata says a server-side (hosted) tool made the call.
    bool isHosted() const;

    friend bool operator==(const ToolCall &a, const ToolCall &b) {
        return a.toStoredJson() == b.toStoredJson();
    }
};

//! One chat message of any role. Requests use the per-role field sets of the SDK's
//! SystemMessage, UserMessage, AssistantMessage and ToolMessage; responses may carry the extra
//! `index` and `metadata` of a DeltaMessage (multi-message responses).
struct ChatMessage {
    enum class Role { System, User, Assistant, Tool };

    Role role = Role::User;
    MessageContent content;
    QList<ToolCall> toolCalls; //!< Assistant only.
    QString toolCallId;        //!< Tool only (empty: unset).
    QString name;              //!< Tool only (empty: unset).
    bool prefix = false;       //!< Assistant only: the model continues this message.
    //! Which message of a multi-message response (or stream) this is. Never sent in requests.
    std::optional<int> index;
    //! DeltaMessage metadata. Never sent in requests.
    std::optional<QJsonObject> metadata;

    static ChatMessage system(const MessageContent &content);
    static ChatMessage user(const MessageContent &content);
    static ChatMessage assistant(const MessageContent &content,
                                 const QList<ToolCall> &toolCalls = {});
    static ChatMessage tool(const QString &toolCallId, const MessageContent &content,
                            const QString &name = {});

    //! Lenient: a missing, null or unknown role reads as assistant (responses are assistant
    //! messages unless they say otherwise).
    static ChatMessage fromJson(const QJsonObject &json);
    //! The request shape, with only the fields the role allows:
    //! system {role, content}; user {role, content}; assistant {role, content (unless null),
    //! tool_calls (when any), prefix (when true)}; tool {role, content, tool_call_id, name
    //! (when set)}. A null system content is written as "".
    QJsonObject toJson() const;
    //! Every field that is set, including index and metadata (the response / storage shape).
    QJsonObject toStoredJson() const;

    static QString roleName(Role role);
    static std::optional<Role> roleFromName(const QString &name);

    friend bool operator==(const ChatMessage &a, const ChatMessage &b) {
        return a.toStoredJson() == b.toStoredJson();
    }
};

//! Writes messages for a request body (ChatMessage::toJson() of each).
QJsonArray messagesToJson(const QList<ChatMessage> &messages);
//! Reads an array of messages, skipping non-object items.
QList<ChatMessage> messagesFromJson(const QJsonArray &json);

} // namespace Tramontane
