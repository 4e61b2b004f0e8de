// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/ChatSettings.h"

#include "core/protocol/JsonUtil.h"

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

constexpr auto instructionsKey = "instructions"_L1;
constexpr auto temperatureKey = "temperature"_L1;
constexpr auto topPKey = "top_p"_L1;
constexpr auto maxTokensKey = "max_tokens"_L1;
constexpr auto randomSeedKey = "random_seed"_L1;
constexpr auto responseFormatKey = "response_format"_L1;
constexpr auto reasoningEffortKey = "reasoning_effort"_L1;
constexpr auto promptModeKey = "prompt_mode"_L1;

QString reasoningPromptModeName() {
    return u"reasoning"_s;
}

void applyCommon(const ChatSettings &settings, CompletionRequestBase &request) {
    if (settings.maxTokens)
        request.maxTokens = settings.maxTokens;
    if (settings.randomSeed)
        request.randomSeed = settings.randomSeed;
    if (const auto format = settings.responseFormatJson())
        request.responseFormat = format;
    if (settings.reasoningEffort)
        request.reasoningEffort = settings.reasoningEffort;
    if (settings.reasoningPromptMode)
        request.promptMode = reasoningPromptModeName();
}

std::optional<QJsonObject> argsOrNothing(const QJsonObject &args) {
    return args.isEmpty() ? std::nullopt : std::optional<QJsonObject>(args);
}

} // namespace

bool ChatSettings::isDefault() const {
    return toJson().isEmpty();
}

ChatSettings ChatSettings::forAgent() const {
    ChatSettings out = *this;
    out.instructions.clear();
    out.temperature.reset();
    out.topP.reset();
    return out;
}

std::optional<QJsonObject> ChatSettings::responseFormatJson() const {
    switch (responseFormat) {
    case ResponseFormat::Text:
        return std::nullopt;
    case ResponseFormat::JsonObject:
        return QJsonObject{{u"type"_s, u"json_object"_s}};
    case ResponseFormat::JsonSchema:
        return QJsonObject{
            {u"type"_s, u"json_schema"_s},
            {u"json_schema"_s, QJsonObject{{u"name"_s, schemaName},
                                           {u"schema"_s, schema},
                                           {u"strict"_s, schemaStrict}}},
        };
    }
    return std::nullopt;
}

QJsonObject ChatSettings::completionArgs() const {
    QJsonObject args;
    Json::insertIfSet(args, temperatureKey, temperature);
    Json::insertIfSet(args, topPKey, topP);
    Json::insertIfSet(args, maxTokensKey, maxTokens);
    Json::insertIfSet(args, randomSeedKey, randomSeed);
    Json::insertIfSet(args, responseFormatKey, responseFormatJson());
    Json::insertIfSet(args, reasoningEffortKey, reasoningEffort);
    return args;
}

void ChatSettings::applyTo(ChatRequest &request) const {
    if (!instructions.isEmpty())
        request.messages.prepend(ChatMessage::system(instructions));
    if (temperature)
        request.temperature = temperature;
    if (topP)
        request.topP = topP;
    applyCommon(*this, request);
}

void ChatSettings::applyTo(AgentCompletionRequest &request) const {
    applyCommon(forAgent(), request);
}

void ChatSettings::applyTo(ConversationStartRequest &request) const {
    const bool agent = !request.agentId.isEmpty();
    const ChatSettings settings = agent ? forAgent() : *this;
    if (!settings.instructions.isEmpty())
        request.instructions = settings.instructions;
    if (const auto args = argsOrNothing(settings.completionArgs()))
        request.completionArgs = args;
}

void ChatSettings::applyTo(ConversationAppendRequest &request, bool agent) const {
    if (const auto args = argsOrNothing((agent ? forAgent() : *this).completionArgs()))
        request.completionArgs = args;
}

QJsonObject ChatSettings::toJson() const {
    QJsonObject json = completionArgs();
    Json::insertIfNotEmpty(json, instructionsKey, instructions);
    if (reasoningPromptMode)
        json.insert(promptModeKey, reasoningPromptModeName());
    return json;
}

ChatSettings ChatSettings::fromJson(const QJsonObject &json) {
    ChatSettings settings;
    settings.instructions = Json::string(json, instructionsKey);
    settings.temperature = Json::optDouble(json, temperatureKey);
    settings.topP = Json::optDouble(json, topPKey);
    settings.maxTokens = Json::optInt(json, maxTokensKey);
    settings.randomSeed = Json::optInt(json, randomSeedKey);
    const QJsonObject format = Json::object(json, responseFormatKey);
    const QString type = Json::string(format, "type"_L1);
    if (type == "json_object"_L1) {
        settings.responseFormat = ResponseFormat::JsonObject;
    } else if (type == "json_schema"_L1) {
        const QJsonObject schema = Json::object(format, "json_schema"_L1);
        settings.responseFormat = ResponseFormat::JsonSchema;
        settings.schemaName = Json::string(schema, "name"_L1);
        settings.schema = Json::object(schema, "schema"_L1);
        settings.schemaStrict = Json::optBool(schema, "strict"_L1).value_or(false);
    }
    settings.reasoningEffort = Json::optString(json, reasoningEffortKey);
    settings.reasoningPromptMode = Json::string(json, promptModeKey) == reasoningPromptModeName();
    return settings;
}

} // namespace Tramontane
