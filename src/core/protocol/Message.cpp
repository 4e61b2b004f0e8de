// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/Message.h"

#include "core/protocol/JsonUtil.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Tramontane {

ToolCall ToolCall::fromJson(const QJsonObject &json) {
    ToolCall call;
    call.id = Json::string(json, "id"_L1);
    call.type = Json::optString(json, "type"_L1).value_or(u"function"_s);
    const QJsonObject function = Json::object(json, "function"_L1);
    call.name = Json::string(function, "name"_L1);
    const QJsonValue arguments = function.value("arguments"_L1);
    if (arguments.isString())
        call.arguments = arguments.toString();
    else if (arguments.isObject())
        call.arguments = Json::compact(arguments.toObject());
    if (const auto index = Json::optInt(json, "index"_L1))
        call.index = int(*index);
    call.metadata = Json::optObject(json, "metadata"_L1);
    return call;
}

QJsonObject ToolCall::toJson() const {
    // The schema's id defaults to the string "null"; an unknown id is simply left out.
    QJsonObject json;
    Json::insertIfNotEmpty(json, "id"_L1, id);
    json.insert("type"_L1, type);
    json.insert("function"_L1, QJsonObject{{"name"_L1, name}, {"arguments"_L1, arguments}});
    Json::insertIfSet(json, "index"_L1, index);
    return json;
}

QJsonObject ToolCall::toStoredJson() const {
    QJsonObject json = toJson();
    Json::insertIfSet(json, "metadata"_L1, metadata);
    return json;
}

QJsonObject ToolCall::argumentsObject() const {
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(arguments.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return {};
    return document.object();
}

bool ToolCall::isHosted() const {
    return metadata
           && (metadata->contains("tool_type"_L1) || metadata->contains("integration_id"_L1));
}

ChatMessage ChatMessage::system(const MessageContent &content) {
    ChatMessage message;
    message.role = Role::System;
    message.content = content;
    return message;
}

ChatMessage ChatMessage::user(const MessageContent &content) {
    ChatMessage message;
    message.role = Role::User;
    message.content = content;
    return message;
}

ChatMessage ChatMessage::assistant(const MessageContent &content,
                                   const QList<ToolCall> &toolCalls) {
    ChatMessage message;
    message.role = Role::Assistant;
    message.content = content;
    message.toolCalls = toolCalls;
    return message;
}

ChatMessage ChatMessage::tool(const QString &toolCallId, const MessageContent &content,
                              const QString &name) {
    ChatMessage message;
    message.role = Role::Tool;
    message.toolCallId = toolCallId;
    message.content = content;
    message.name = name;
    return message;
}

QString ChatMessage::roleName(Role role) {
    switch (role) {
    case Role::System:
        return u"system"_s;
    case Role::User:
        return u"user"_s;
    case Role::Assistant:
        return u"assistant"_s;
    case Role::Tool:
        return u"tool"_s;
    }
    return u"assistant"_s;
}

std::optional<ChatMessage::Role> ChatMessage::roleFromName(const QString &name) {
    if (name == "system"_L1)
        return Role::System;
    if (name == "user"_L1)
        return Role::User;
    if (name == "assistant"_L1)
        return Role::Assistant;
    if (name == "tool"_L1)
        return Role::Tool;
    return std::nullopt;
}

ChatMessage ChatMessage::fromJson(const QJsonObject &json) {
    ChatMessage message;
    message.role = roleFromName(Json::string(json, "role"_L1)).value_or(Role::Assistant);
    message.content = MessageContent::fromJson(json.value("content"_L1));
    const QJsonArray calls = Json::array(json, "tool_calls"_L1);
    for (const QJsonValue &call : calls) {
        if (call.isObject())
            message.toolCalls.append(ToolCall::fromJson(call.toObject()));
    }
    message.toolCallId = Json::string(json, "tool_call_id"_L1);
    message.name = Json::string(json, "name"_L1);
    message.prefix = Json::optBool(json, "prefix"_L1).value_or(false);
    if (const auto index = Json::optInt(json, "index"_L1))
        message.index = int(*index);
    message.metadata = Json::optObject(json, "metadata"_L1);
    return message;
}

QJsonObject ChatMessage::toJson() const {
    QJsonObject json{{"role"_L1, roleName(role)}};
    switch (role) {
    case Role::System:
        // SystemMessage.content is required and not nullable.
        json.insert("content"_L1, content.isNull() ? QJsonValue(QString()) : content.toJson());
        break;
    case Role::User:
        json.insert("content"_L1, content.toJson());
        break;
    case Role::Assistant:
        if (!content.isNull())
            json.insert("content"_L1, content.toJson());
        if (!toolCalls.isEmpty()) {
            QJsonArray calls;
            for (const ToolCall &call : toolCalls)
                calls.append(call.toJson());
            json.insert("tool_calls"_L1, calls);
        }
        // The SDK always writes prefix (default false); false is the server default, so only
        // true is written here.
        if (prefix)
            json.insert("prefix"_L1, true);
        break;
    case Role::Tool:
        json.insert("content"_L1, content.toJson());
        Json::insertIfNotEmpty(json, "tool_call_id"_L1, toolCallId);
        Json::insertIfNotEmpty(json, "name"_L1, name);
        break;
    }
    return json;
}

QJsonObject ChatMessage::toStoredJson() const {
    QJsonObject json{{"role"_L1, roleName(role)}};
    Json::insertIfSet(json, "index"_L1, index);
    if (!content.isNull())
        json.insert("content"_L1, content.toStoredJson());
    if (!toolCalls.isEmpty()) {
        QJsonArray calls;
        for (const ToolCall &call : toolCalls)
            calls.append(call.toStoredJson());
        json.insert("tool_calls"_L1, calls);
    }
    Json::insertIfNotEmpty(json, "tool_call_id"_L1, toolCallId);
    Json::insertIfNotEmpty(json, "name"_L1, name);
    if (prefix)
        json.insert("prefix"_L1, true);
    Json::insertIfSet(json, "metadata"_L1, metadata);
    return json;
}

QJsonArray messagesToJson(const QList<ChatMessage> &messages) {
    QJsonArray json;
    for (const ChatMessage &message : messages)
        json.append(message.toJson());
    return json;
}

QList<ChatMessage> messagesFromJson(const QJsonArray &json) {
    QList<ChatMessage> messages;
    for (const QJsonValue &item : json) {
        if (item.isObject())
            messages.append(ChatMessage::fromJson(item.toObject()));
    }
    return messages;
}

} // namespace Tramontane
