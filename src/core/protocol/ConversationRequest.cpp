// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/ConversationRequest.h"

#include "core/protocol/JsonUtil.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

void insertHandoff(QJsonObject &json, const std::optional<HandoffExecution> &execution) {
    if (execution)
        json.insert("handoff_execution"_L1, handoffExecutionName(*execution));
}

void insertInputs(QJsonObject &json, const ConversationInputs &inputs) {
    if (!inputs.isEmpty())
        json.insert("inputs"_L1, inputs.toJson());
}

} // namespace

QString handoffExecutionName(HandoffExecution execution) {
    return execution == HandoffExecution::Client ? u"client"_s : u"server"_s;
}

ConversationInputs ConversationInputs::fromText(const QString &text) {
    ConversationInputs inputs;
    inputs.text = text;
    return inputs;
}

ConversationInputs ConversationInputs::fromEntries(const QList<ConversationEntry> &entries) {
    ConversationInputs inputs;
    inputs.entries = entries;
    return inputs;
}

QJsonValue ConversationInputs::toJson() const {
    if (text)
        return *text;
    QJsonArray array;
    for (const ConversationEntry &entry : entries)
        array.append(entry.toJson());
    return array;
}

QJsonObject ToolConfirmation::toJson() const {
    return QJsonObject{{u"tool_call_id"_s, toolCallId},
                       {u"confirmation"_s, allow ? u"allow"_s : u"deny"_s}};
}

QJsonObject ConversationStartRequest::toJson() const {
    QJsonObject json;
    // `inputs` is required on start, even when empty.
    json.insert("inputs"_L1, inputs.toJson());
    json.insert("stream"_L1, stream);
    Json::insertIfNotEmpty(json, "model"_L1, model);
    Json::insertIfNotEmpty(json, "agent_id"_L1, agentId);
    Json::insertIfSet(json, "agent_version"_L1, agentVersion);
    Json::insertIfSet(json, "instructions"_L1, instructions);
    if (!tools.isEmpty()) {
        QJsonArray array;
        for (const Tool &tool : tools)
            array.append(tool.toJson());
        json.insert("tools"_L1, array);
    }
    Json::insertIfSet(json, "completion_args"_L1, completionArgs);
    Json::insertIfSet(json, "store"_L1, store);
    insertHandoff(json, handoffExecution);
    Json::insertIfSet(json, "name"_L1, name);
    Json::insertIfSet(json, "description"_L1, description);
    Json::insertIfSet(json, "metadata"_L1, metadata);
    return json;
}

QJsonObject ConversationAppendRequest::toJson() const {
    QJsonObject json;
    insertInputs(json, inputs);
    json.insert("stream"_L1, stream);
    Json::insertIfSet(json, "store"_L1, store);
    insertHandoff(json, handoffExecution);
    Json::insertIfSet(json, "completion_args"_L1, completionArgs);
    if (!toolConfirmations.isEmpty()) {
        QJsonArray array;
        for (const ToolConfirmation &confirmation : toolConfirmations)
            array.append(confirmation.toJson());
        json.insert("tool_confirmations"_L1, array);
    }
    return json;
}

QJsonObject ConversationRestartRequest::toJson() const {
    QJsonObject json;
    insertInputs(json, inputs);
    json.insert("stream"_L1, stream);
    json.insert("from_entry_id"_L1, fromEntryId);
    Json::insertIfSet(json, "store"_L1, store);
    insertHandoff(json, handoffExecution);
    Json::insertIfSet(json, "completion_args"_L1, completionArgs);
    Json::insertIfSet(json, "metadata"_L1, metadata);
    Json::insertIfSet(json, "agent_version"_L1, agentVersion);
    return json;
}

} // namespace Tramontane
