// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/ChatRequest.h"

#include "core/protocol/JsonUtil.h"

using namespace Qt::StringLiterals;

namespace Tramontane {

ToolChoice ToolChoice::fromMode(const QString &mode) {
    ToolChoice choice;
    choice.mode = mode;
    return choice;
}

ToolChoice ToolChoice::forFunction(const QString &name) {
    ToolChoice choice;
    choice.functionName = name;
    return choice;
}

std::optional<ToolChoice> ToolChoice::fromJson(const QJsonValue &json) {
    if (json.isString())
        return fromMode(json.toString());
    if (json.isObject()) {
        const QString name = Json::string(Json::object(json.toObject(), "function"_L1), "name"_L1);
        if (!name.isEmpty())
            return forFunction(name);
    }
    return std::nullopt;
}

QJsonValue ToolChoice::toJson() const {
    if (!isFunction())
        return mode;
    return QJsonObject{
        {"type"_L1, "function"_L1},
        {"function"_L1, QJsonObject{{"name"_L1, functionName}}},
    };
}

void CompletionRequestBase::readCommonFields(const QJsonObject &json) {
    messages = messagesFromJson(Json::array(json, "messages"_L1));
    maxTokens = Json::optInt(json, "max_tokens"_L1);
    stream = Json::optBool(json, "stream"_L1).value_or(false);
    const QJsonValue stopValue = json.value("stop"_L1);
    if (stopValue.isString())
        stop = QStringList{stopValue.toString()};
    else
        stop = Json::optStringList(json, "stop"_L1);
    randomSeed = Json::optInt(json, "random_seed"_L1);
    metadata = Json::optObject(json, "metadata"_L1);
    responseFormat = Json::optObject(json, "response_format"_L1);
    tools = toolsFromJson(Json::array(json, "tools"_L1));
    toolChoice = ToolChoice::fromJson(json.value("tool_choice"_L1));
    presencePenalty = Json::optDouble(json, "presence_penalty"_L1);
    frequencyPenalty = Json::optDouble(json, "frequency_penalty"_L1);
    if (const auto count = Json::optInt(json, "n"_L1))
        n = int(*count);
    if (const auto predicted = Json::optObject(json, "prediction"_L1))
        prediction = Json::string(*predicted, "content"_L1);
    parallelToolCalls = Json::optBool(json, "parallel_tool_calls"_L1);
    reasoningEffort = Json::optString(json, "reasoning_effort"_L1);
    promptMode = Json::optString(json, "prompt_mode"_L1);
    if (json.value("guardrails"_L1).isArray())
        guardrails = Json::array(json, "guardrails"_L1);
    promptCacheKey = Json::optString(json, "prompt_cache_key"_L1);
    serviceTier = Json::optString(json, "service_tier"_L1);
}

void CompletionRequestBase::writeCommonFields(QJsonObject &json) const {
    json.insert("messages"_L1, messagesToJson(messages));
    Json::insertIfSet(json, "max_tokens"_L1, maxTokens);
    json.insert("stream"_L1, stream);
    if (stop) {
        if (stop->size() == 1)
            json.insert("stop"_L1, stop->first());
        else
            json.insert("stop"_L1, Json::toArray(*stop));
    }
    Json::insertIfSet(json, "random_seed"_L1, randomSeed);
    Json::insertIfSet(json, "metadata"_L1, metadata);
    Json::insertIfSet(json, "response_format"_L1, responseFormat);
    if (!tools.isEmpty())
        json.insert("tools"_L1, toolsToJson(tools));
    if (toolChoice)
        json.insert("tool_choice"_L1, toolChoice->toJson());
    Json::insertIfSet(json, "presence_penalty"_L1, presencePenalty);
    Json::insertIfSet(json, "frequency_penalty"_L1, frequencyPenalty);
    Json::insertIfSet(json, "n"_L1, n);
    if (prediction)
        json.insert("prediction"_L1,
                    QJsonObject{{"type"_L1, "content"_L1}, {"content"_L1, *prediction}});
    Json::insertIfSet(json, "parallel_tool_calls"_L1, parallelToolCalls);
    Json::insertIfSet(json, "reasoning_effort"_L1, reasoningEffort);
    Json::insertIfSet(json, "prompt_mode"_L1, promptMode);
    Json::insertIfSet(json, "guardrails"_L1, guardrails);
    Json::insertIfSet(json, "prompt_cache_key"_L1, promptCacheKey);
    Json::insertIfSet(json, "service_tier"_L1, serviceTier);
}

namespace {

const QStringList &commonFields() {
    static const QStringList fields{
        u"messages"_s,
        u"max_tokens"_s,
        u"stream"_s,
        u"stop"_s,
        u"random_seed"_s,
        u"metadata"_s,
        u"response_format"_s,
        u"tools"_s,
        u"tool_choice"_s,
        u"presence_penalty"_s,
        u"frequency_penalty"_s,
        u"n"_s,
        u"prediction"_s,
        u"parallel_tool_calls"_s,
        u"reasoning_effort"_s,
        u"prompt_mode"_s,
        u"guardrails"_s,
        u"prompt_cache_key"_s,
        u"service_tier"_s,
    };
    return fields;
}

} // namespace

ChatRequest ChatRequest::fromJson(const QJsonObject &json) {
    ChatRequest request;
    request.readCommonFields(json);
    request.model = Json::string(json, "model"_L1);
    request.temperature = Json::optDouble(json, "temperature"_L1);
    request.topP = Json::optDouble(json, "top_p"_L1);
    request.safePrompt = Json::optBool(json, "safe_prompt"_L1);
    return request;
}

QJsonObject ChatRequest::toJson() const {
    QJsonObject json{{"model"_L1, model}};
    writeCommonFields(json);
    Json::insertIfSet(json, "temperature"_L1, temperature);
    Json::insertIfSet(json, "top_p"_L1, topP);
    Json::insertIfSet(json, "safe_prompt"_L1, safePrompt);
    return json;
}

const QStringList &ChatRequest::knownFields() {
    static const QStringList fields =
        commonFields() + QStringList{u"model"_s, u"temperature"_s, u"top_p"_s, u"safe_prompt"_s};
    return fields;
}

AgentCompletionRequest AgentCompletionRequest::fromJson(const QJsonObject &json) {
    AgentCompletionRequest request;
    request.readCommonFields(json);
    request.agentId = Json::string(json, "agent_id"_L1);
    return request;
}

QJsonObject AgentCompletionRequest::toJson() const {
    QJsonObject json{{"agent_id"_L1, agentId}};
    writeCommonFields(json);
    return json;
}

const QStringList &AgentCompletionRequest::knownFields() {
    static const QStringList fields = commonFields() + QStringList{u"agent_id"_s};
    return fields;
}

} // namespace Tramontane
