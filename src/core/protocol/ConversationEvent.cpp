// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/ConversationEvent.h"

#include "core/protocol/JsonUtil.h"

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

struct TypeName {
    ConversationEvent::Type type;
    QLatin1StringView name;
};

constexpr TypeName typeNames[] = {
    {ConversationEvent::Type::ResponseStarted, "conversation.response.started"_L1},
    {ConversationEvent::Type::MessageOutputDelta, "message.output.delta"_L1},
    {ConversationEvent::Type::ToolExecutionStarted, "tool.execution.started"_L1},
    {ConversationEvent::Type::ToolExecutionDelta, "tool.execution.delta"_L1},
    {ConversationEvent::Type::ToolExecutionDone, "tool.execution.done"_L1},
    {ConversationEvent::Type::FunctionCallDelta, "function.call.delta"_L1},
    {ConversationEvent::Type::AgentHandoffStarted, "agent.handoff.started"_L1},
    {ConversationEvent::Type::AgentHandoffDone, "agent.handoff.done"_L1},
    {ConversationEvent::Type::ResponseDone, "conversation.response.done"_L1},
    {ConversationEvent::Type::ResponseError, "conversation.response.error"_L1},
};

int intValue(const QJsonObject &json, QLatin1StringView key, int fallback) {
    const auto value = Json::optInt(json, key);
    return value ? int(*value) : fallback;
}

} // namespace

QString ConversationEvent::typeName(Type type) {
    for (const TypeName &t : typeNames) {
        if (t.type == type)
            return t.name;
    }
    return {};
}

ConversationEvent::Type ConversationEvent::typeFromName(QStringView name) {
    for (const TypeName &t : typeNames) {
        if (name == t.name)
            return t.type;
    }
    return Type::Unknown;
}

ConversationEvent ConversationEvent::fromJson(const QJsonObject &data, QByteArrayView sseEvent) {
    ConversationEvent event;
    event.raw = data;
    const QString type = Json::string(data, "type"_L1);
    event.type = typeFromName(type.isEmpty() ? QString::fromUtf8(sseEvent) : type);
    event.outputIndex = intValue(data, "output_index"_L1, -1);
    event.id = Json::string(data, "id"_L1);
    event.agentId = Json::string(data, "agent_id"_L1);
    event.model = Json::string(data, "model"_L1);

    switch (event.type) {
    case Type::ResponseStarted:
        event.conversationId = Json::string(data, "conversation_id"_L1);
        break;
    case Type::MessageOutputDelta: {
        event.contentIndex = intValue(data, "content_index"_L1, 0);
        event.role = Json::string(data, "role"_L1);
        const QJsonValue content = data.value("content"_L1);
        if (content.isObject())
            event.chunk = ContentChunk::fromJson(content.toObject());
        else
            event.text = content.toString();
        break;
    }
    case Type::ToolExecutionStarted:
    case Type::ToolExecutionDelta:
        event.name = Json::string(data, "name"_L1);
        event.arguments = Json::string(data, "arguments"_L1);
        break;
    case Type::ToolExecutionDone:
        event.name = Json::string(data, "name"_L1);
        event.info = Json::object(data, "info"_L1);
        break;
    case Type::FunctionCallDelta:
        event.name = Json::string(data, "name"_L1);
        event.arguments = Json::string(data, "arguments"_L1);
        event.toolCallId = Json::string(data, "tool_call_id"_L1);
        event.confirmationStatus = Json::optString(data, "confirmation_status"_L1);
        break;
    case Type::AgentHandoffStarted:
        event.previousAgentId = Json::string(data, "previous_agent_id"_L1);
        event.previousAgentName = Json::string(data, "previous_agent_name"_L1);
        break;
    case Type::AgentHandoffDone:
        event.nextAgentId = Json::string(data, "next_agent_id"_L1);
        event.nextAgentName = Json::string(data, "next_agent_name"_L1);
        break;
    case Type::ResponseDone:
        event.usage = Usage::fromJson(Json::object(data, "usage"_L1));
        break;
    case Type::ResponseError:
        event.errorMessage = Json::string(data, "message"_L1);
        event.errorCode = intValue(data, "code"_L1, 0);
        break;
    case Type::Unknown:
        break;
    }
    return event;
}

} // namespace Tramontane
