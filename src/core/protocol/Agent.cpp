// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/Agent.h"

#include "core/protocol/JsonUtil.h"

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

std::optional<QStringList> readStop(const QJsonObject &json) {
    const QJsonValue stop = json.value("stop"_L1);
    if (stop.isString())
        return QStringList{stop.toString()};
    return Json::optStringList(json, "stop"_L1);
}

void writeStop(QJsonObject &json, const std::optional<QStringList> &stop) {
    if (!stop)
        return;
    if (stop->size() == 1)
        json.insert("stop"_L1, stop->first());
    else
        json.insert("stop"_L1, Json::toArray(*stop));
}

std::optional<QJsonArray> optArray(const QJsonObject &json, QLatin1StringView key) {
    const QJsonValue value = json.value(key);
    if (!value.isArray())
        return std::nullopt;
    return value.toArray();
}

void writeHandoffs(QJsonObject &json, const QStringList &handoffs) {
    // The schema wants at least one id, or null.
    if (handoffs.isEmpty())
        json.insert("handoffs"_L1, QJsonValue(QJsonValue::Null));
    else
        json.insert("handoffs"_L1, Json::toArray(handoffs));
}

} // namespace

CompletionArgs CompletionArgs::fromJson(const QJsonObject &json) {
    CompletionArgs args;
    args.stop = readStop(json);
    args.presencePenalty = Json::optDouble(json, "presence_penalty"_L1);
    args.frequencyPenalty = Json::optDouble(json, "frequency_penalty"_L1);
    args.temperature = Json::optDouble(json, "temperature"_L1);
    args.topP = Json::optDouble(json, "top_p"_L1);
    args.maxTokens = Json::optInt(json, "max_tokens"_L1);
    args.randomSeed = Json::optInt(json, "random_seed"_L1);
    if (const auto prediction = Json::optObject(json, "prediction"_L1))
        args.prediction = Json::string(*prediction, "content"_L1);
    args.responseFormat = Json::optObject(json, "response_format"_L1);
    args.toolChoice = Json::optString(json, "tool_choice"_L1);
    args.reasoningEffort = Json::optString(json, "reasoning_effort"_L1);
    return args;
}

QJsonObject CompletionArgs::toJson() const {
    QJsonObject json;
    writeStop(json, stop);
    Json::insertIfSet(json, "presence_penalty"_L1, presencePenalty);
    Json::insertIfSet(json, "frequency_penalty"_L1, frequencyPenalty);
    Json::insertIfSet(json, "temperature"_L1, temperature);
    Json::insertIfSet(json, "top_p"_L1, topP);
    Json::insertIfSet(json, "max_tokens"_L1, maxTokens);
    Json::insertIfSet(json, "random_seed"_L1, randomSeed);
    if (prediction)
        json.insert("prediction"_L1,
                    QJsonObject{{"type"_L1, "content"_L1}, {"content"_L1, *prediction}});
    Json::insertIfSet(json, "response_format"_L1, responseFormat);
    Json::insertIfSet(json, "tool_choice"_L1, toolChoice);
    Json::insertIfSet(json, "reasoning_effort"_L1, reasoningEffort);
    return json;
}

Agent Agent::fromJson(const QJsonObject &json) {
    Agent agent;
    agent.id = Json::string(json, "id"_L1);
    agent.object = Json::optString(json, "object"_L1).value_or(u"agent"_s);
    agent.name = Json::string(json, "name"_L1);
    agent.description = Json::optString(json, "description"_L1);
    agent.model = Json::string(json, "model"_L1);
    agent.instructions = Json::optString(json, "instructions"_L1);
    agent.tools = toolsFromJson(Json::array(json, "tools"_L1));
    agent.completionArgs = CompletionArgs::fromJson(Json::object(json, "completion_args"_L1));
    agent.handoffs = Json::optStringList(json, "handoffs"_L1);
    agent.guardrails = optArray(json, "guardrails"_L1);
    agent.metadata = Json::optObject(json, "metadata"_L1);
    agent.version = int(Json::optInt(json, "version"_L1).value_or(0));
    const QJsonArray versions = Json::array(json, "versions"_L1);
    for (const QJsonValue &version : versions) {
        if (version.isDouble())
            agent.versions.append(version.toInt());
    }
    agent.ownerId = Json::optString(json, "owner_id"_L1);
    agent.createdAt = Json::parseDateTime(json.value("created_at"_L1));
    agent.updatedAt = Json::parseDateTime(json.value("updated_at"_L1));
    agent.deploymentChat = Json::optBool(json, "deployment_chat"_L1).value_or(false);
    agent.source = Json::string(json, "source"_L1);
    agent.versionMessage = Json::optString(json, "version_message"_L1);
    return agent;
}

QJsonObject Agent::toJson() const {
    QJsonArray versionList;
    for (int number : versions)
        versionList.append(number);
    QJsonObject json{
        {"id"_L1, id},
        {"object"_L1, object},
        {"name"_L1, name},
        {"model"_L1, model},
        {"tools"_L1, toolsToJson(tools)},
        {"completion_args"_L1, completionArgs.toJson()},
        {"version"_L1, version},
        {"versions"_L1, versionList},
        {"created_at"_L1, Json::dateTimeToJson(createdAt)},
        {"updated_at"_L1, Json::dateTimeToJson(updatedAt)},
        {"deployment_chat"_L1, deploymentChat},
        {"source"_L1, source},
    };
    Json::insertIfSet(json, "description"_L1, description);
    Json::insertIfSet(json, "instructions"_L1, instructions);
    Json::insertIfSet(json, "handoffs"_L1, handoffs);
    Json::insertIfSet(json, "guardrails"_L1, guardrails);
    Json::insertIfSet(json, "metadata"_L1, metadata);
    Json::insertIfSet(json, "owner_id"_L1, ownerId);
    Json::insertIfSet(json, "version_message"_L1, versionMessage);
    return json;
}

QList<Agent> Agent::listFromJson(const QJsonArray &json) {
    QList<Agent> agents;
    for (const QJsonValue &item : json) {
        if (item.isObject())
            agents.append(fromJson(item.toObject()));
    }
    return agents;
}

AgentCreateRequest AgentCreateRequest::fromJson(const QJsonObject &json) {
    AgentCreateRequest request;
    request.model = Json::string(json, "model"_L1);
    request.name = Json::string(json, "name"_L1);
    request.description = Json::optString(json, "description"_L1);
    request.instructions = Json::optString(json, "instructions"_L1);
    request.tools = toolsFromJson(Json::array(json, "tools"_L1));
    if (const auto args = Json::optObject(json, "completion_args"_L1))
        request.completionArgs = CompletionArgs::fromJson(*args);
    request.handoffs = Json::stringList(json, "handoffs"_L1);
    request.guardrails = optArray(json, "guardrails"_L1);
    request.metadata = Json::optObject(json, "metadata"_L1);
    request.versionMessage = Json::optString(json, "version_message"_L1);
    return request;
}

QJsonObject AgentCreateRequest::toJson() const {
    QJsonObject json{{"model"_L1, model}, {"name"_L1, name}};
    Json::insertIfSet(json, "description"_L1, description);
    Json::insertIfSet(json, "instructions"_L1, instructions);
    if (!tools.isEmpty())
        json.insert("tools"_L1, toolsToJson(tools));
    if (completionArgs && !completionArgs->isEmpty())
        json.insert("completion_args"_L1, completionArgs->toJson());
    if (!handoffs.isEmpty())
        json.insert("handoffs"_L1, Json::toArray(handoffs));
    Json::insertIfSet(json, "guardrails"_L1, guardrails);
    Json::insertIfSet(json, "metadata"_L1, metadata);
    Json::insertIfSet(json, "version_message"_L1, versionMessage);
    return json;
}

const QStringList &AgentCreateRequest::knownFields() {
    static const QStringList fields{
        u"instructions"_s,    u"tools"_s,    u"completion_args"_s,
        u"guardrails"_s,      u"model"_s,    u"name"_s,
        u"description"_s,     u"handoffs"_s, u"metadata"_s,
        u"version_message"_s,
    };
    return fields;
}

AgentUpdateRequest AgentUpdateRequest::fromChanges(const Agent &before, const Agent &after) {
    AgentUpdateRequest request;
    if (after.model != before.model)
        request.model = after.model;
    if (after.name != before.name)
        request.name = after.name;
    if (after.description.value_or(QString()) != before.description.value_or(QString()))
        request.description = after.description.value_or(QString());
    if (after.instructions.value_or(QString()) != before.instructions.value_or(QString()))
        request.instructions = after.instructions.value_or(QString());
    if (toolsToJson(after.tools) != toolsToJson(before.tools))
        request.tools = after.tools;
    if (after.completionArgs != before.completionArgs)
        request.completionArgs = after.completionArgs;
    if (after.handoffs.value_or(QStringList()) != before.handoffs.value_or(QStringList()))
        request.handoffs = after.handoffs.value_or(QStringList());
    if (after.deploymentChat != before.deploymentChat)
        request.deploymentChat = after.deploymentChat;
    if (after.guardrails != before.guardrails)
        request.guardrails = after.guardrails.value_or(QJsonArray());
    if (after.metadata != before.metadata)
        request.metadata = after.metadata.value_or(QJsonObject());
    if (after.versionMessage != before.versionMessage && after.versionMessage)
        request.versionMessage = after.versionMessage;
    return request;
}

AgentUpdateRequest AgentUpdateRequest::fromJson(const QJsonObject &json) {
    AgentUpdateRequest request;
    request.model = Json::optString(json, "model"_L1);
    request.name = Json::optString(json, "name"_L1);
    request.description = Json::optString(json, "description"_L1);
    request.instructions = Json::optString(json, "instructions"_L1);
    if (json.value("tools"_L1).isArray())
        request.tools = toolsFromJson(Json::array(json, "tools"_L1));
    if (const auto args = Json::optObject(json, "completion_args"_L1))
        request.completionArgs = CompletionArgs::fromJson(*args);
    // An explicit null clears the handoffs, the same as an empty list.
    const QJsonValue handoffs = json.value("handoffs"_L1);
    if (handoffs.isArray() || handoffs.isNull())
        request.handoffs = Json::stringList(json, "handoffs"_L1);
    request.deploymentChat = Json::optBool(json, "deployment_chat"_L1);
    request.guardrails = optArray(json, "guardrails"_L1);
    request.metadata = Json::optObject(json, "metadata"_L1);
    request.versionMessage = Json::optString(json, "version_message"_L1);
    return request;
}

QJsonObject AgentUpdateRequest::toJson() const {
    QJsonObject json;
    Json::insertIfSet(json, "model"_L1, model);
    Json::insertIfSet(json, "name"_L1, name);
    Json::insertIfSet(json, "description"_L1, description);
    Json::insertIfSet(json, "instructions"_L1, instructions);
    if (tools)
        json.insert("tools"_L1, toolsToJson(*tools));
    if (completionArgs)
        json.insert("completion_args"_L1, completionArgs->toJson());
    if (handoffs)
        writeHandoffs(json, *handoffs);
    Json::insertIfSet(json, "deployment_chat"_L1, deploymentChat);
    Json::insertIfSet(json, "guardrails"_L1, guardrails);
    Json::insertIfSet(json, "metadata"_L1, metadata);
    Json::insertIfSet(json, "version_message"_L1, versionMessage);
    return json;
}

const QStringList &AgentUpdateRequest::knownFields() {
    static const QStringList fields =
        AgentCreateRequest::knownFields() + QStringList{u"deployment_chat"_s};
    return fields;
}

AgentPage AgentPage::fromJson(const QJsonObject &json) {
    AgentPage page;
    page.data = Agent::listFromJson(Json::array(json, "data"_L1));
    page.nextPageToken = Json::optString(json, "next_page_token"_L1);
    if (page.nextPageToken && page.nextPageToken->isEmpty())
        page.nextPageToken.reset();
    return page;
}

QJsonObject AgentPage::toJson() const {
    QJsonArray items;
    for (const Agent &agent : data)
        items.append(agent.toJson());
    return {
        {"object"_L1, "list"_L1},
        {"data"_L1, items},
        {"next_page_token"_L1,
         nextPageToken ? QJsonValue(*nextPageToken) : QJsonValue(QJsonValue::Null)},
    };
}

} // namespace Tramontane
