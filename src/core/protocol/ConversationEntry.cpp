// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/ConversationEntry.h"

#include "core/protocol/JsonUtil.h"

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

struct TypeName {
    ConversationEntry::Type type;
    QLatin1StringView name;
};

constexpr TypeName typeNames[] = {
    {ConversationEntry::Type::MessageInput, "message.input"_L1},
    {ConversationEntry::Type::MessageOutput, "message.output"_L1},
    {ConversationEntry::Type::FunctionResult, "function.result"_L1},
    {ConversationEntry::Type::ToolExecution, "tool.execution"_L1},
    {ConversationEntry::Type::FunctionCall, "function.call"_L1},
    {ConversationEntry::Type::AgentHandoff, "agent.handoff"_L1},
};

// `arguments` is a string on the wire; a function call may also carry it as an object.
QString argumentsText(const QJsonObject &json) {
    const QJsonValue value = json.value("arguments"_L1);
    if (value.isObject())
        return Json::compact(value.toObject());
    return value.toString();
}

} // namespace

QString ConversationEntry::typeName(Type type) {
    for (const TypeName &t : typeNames) {
        if (t.type == type)
            return t.name;
    }
    return {};
}

ConversationEntry::Type ConversationEntry::typeFromName(const QString &name) {
    for (const TypeName &t : typeNames) {
        if (t.name == name)
            return t.type;
    }
    return Type::Unknown;
}

ConversationEntry ConversationEntry::userMessage(const MessageContent &content) {
    ConversationEntry entry;
    entry.type = Type::MessageInput;
    entry.role = u"user"_s;
    entry.content = content;
    return entry;
}

ConversationEntry ConversationEntry::functionResult(const QString &toolCallId,
                                                    const QString &result) {
    ConversationEntry entry;
    entry.type = Type::FunctionResult;
    entry.toolCallId = toolCallId;
    entry.result = result;
    return entry;
}

ConversationEntry ConversationEntry::fromJson(const QJsonObject &json) {
    ConversationEntry entry;
    entry.raw = json;
    entry.type = typeFromName(Json::string(json, "type"_L1));
    entry.id = Json::string(json, "id"_L1);
    entry.agentId = Json::string(json, "agent_id"_L1);
    entry.model = Json::string(json, "model"_L1);
    switch (entry.type) {
    case Type::MessageInput:
    case Type::MessageOutput:
        entry.role = Json::string(json, "role"_L1);
        if (entry.role.isEmpty() && entry.type == Type::MessageOutput)
            entry.role = u"assistant"_s;
        entry.content = MessageContent::fromJson(json.value("content"_L1));
        break;
    case Type::FunctionResult:
        entry.toolCallId = Json::string(json, "tool_call_id"_L1);
        entry.result = Json::string(json, "result"_L1);
        break;
    case Type::ToolExecution:
        entry.name = Json::string(json, "name"_L1);
        entry.arguments = argumentsText(json);
        entry.info = Json::object(json, "info"_L1);
        break;
    case Type::FunctionCall:
        entry.name = Json::string(json, "name"_L1);
        entry.arguments = argumentsText(json);
        entry.toolCallId = Json::string(json, "tool_call_id"_L1);
        entry.confirmationStatus = Json::optString(json, "confirmation_status"_L1);
        break;
    case Type::AgentHandoff:
        entry.previousAgentId = Json::string(json, "previous_agent_id"_L1);
        entry.previousAgentName = Json::string(json, "previous_agent_name"_L1);
        entry.nextAgentId = Json::string(json, "next_agent_id"_L1);
        entry.nextAgentName = Json::string(json, "next_agent_name"_L1);
        break;
    case Type::Unknown:
        break;
    }
    return entry;
}

QJsonObject ConversationEntry::toJson() const {
    if (type == Type::Unknown)
        return raw;
    QJsonObject json{{u"object"_s, u"entry"_s}, {u"type"_s, typeName(type)}};
    Json::insertIfNotEmpty(json, "id"_L1, id);
    const bool produced =
        type == Type::MessageOutput || type == Type::ToolExecution || type == Type::FunctionCall;
    if (produced) {
        Json::insertIfNotEmpty(json, "agent_id"_L1, agentId);
        Json::insertIfNotEmpty(json, "model"_L1, model);
    }
    switch (type) {
    case Type::MessageInput:
        json.insert("role"_L1, role.isEmpty() ? u"user"_s : role);
        json.insert("content"_L1, content.isNull() ? QJsonValue(QString()) : content.toJson());
        break;
    case Type::MessageOutput:
        json.insert("role"_L1, u"assistant"_s);
        json.insert("content"_L1, content.isNull() ? QJsonValue(QString()) : content.toJson());
        break;
    case Type::FunctionResult:
        json.insert("tool_call_id"_L1, toolCallId);
        json.insert("result"_L1, result);
        break;
    case Type::ToolExecution:
        json.insert("name"_L1, name);
        json.insert("arguments"_L1, arguments);
        if (!info.isEmpty())
            json.insert("info"_L1, info);
        break;
    case Type::FunctionCall:
        json.insert("tool_call_id"_L1, toolCallId);
        json.insert("name"_L1, name);
        json.insert("arguments"_L1, arguments);
        Json::insertIfSet(json, "confirmation_status"_L1, confirmationStatus);
        break;
    case Type::AgentHandoff:
        json.insert("previous_agent_id"_L1, previousAgentId);
        json.insert("previous_agent_name"_L1, previousAgentName);
        json.insert("next_agent_id"_L1, nextAgentId);
        json.insert("next_agent_name"_L1, nextAgentName);
        break;
    case Type::Unknown:
        break;
    }
    return json;
}

ConversationResponse ConversationResponse::fromJson(const QJsonObject &json) {
    ConversationResponse response;
    response.conversationId = Json::string(json, "conversation_id"_L1);
    const QJsonArray outputs = Json::array(json, "outputs"_L1);
    response.outputs.reserve(outputs.size());
    for (const QJsonValue &value : outputs) {
        if (value.isObject())
            response.outputs.append(ConversationEntry::fromJson(value.toObject()));
    }
    response.usage = Usage::fromJson(Json::object(json, "usage"_L1));
    return response;
}

ConversationHistory ConversationHistory::fromJson(const QJsonObject &json) {
    ConversationHistory history;
    history.conversationId = Json::string(json, "conversation_id"_L1);
    const QJsonArray entries = Json::array(json, "entries"_L1);
    history.entries.reserve(entries.size());
    for (const QJsonValue &value : entries) {
        if (value.isObject())
            history.entries.append(ConversationEntry::fromJson(value.toObject()));
    }
    return history;
}

} // namespace Tramontane
