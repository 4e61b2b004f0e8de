// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/Model.h"

#include "core/protocol/JsonUtil.h"

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

struct Flag {
    QLatin1StringView key;
    bool ModelCapabilities::*member;
};

constexpr Flag capabilityFlags[] = {
    {"completion_chat"_L1, &ModelCapabilities::completionChat},
    {"function_calling"_L1, &ModelCapabilities::functionCalling},
    {"reasoning"_L1, &ModelCapabilities::reasoning},
    {"completion_fim"_L1, &ModelCapabilities::completionFim},
    {"fine_tuning"_L1, &ModelCapabilities::fineTuning},
    {"vision"_L1, &ModelCapabilities::vision},
    {"ocr"_L1, &ModelCapabilities::ocr},
    {"classification"_L1, &ModelCapabilities::classification},
    {"moderation"_L1, &ModelCapabilities::moderation},
    {"audio"_L1, &ModelCapabilities::audio},
    {"audio_transcription"_L1, &ModelCapabilities::audioTranscription},
    {"audio_transcription_realtime"_L1, &ModelCapabilities::audioTranscriptionRealtime},
    {"audio_speech"_L1, &ModelCapabilities::audioSpeech},
    {"unified_resources"_L1, &ModelCapabilities::unifiedResources},
};

} // namespace

ModelCapabilities ModelCapabilities::fromJson(const QJsonObject &json) {
    ModelCapabilities capabilities;
    capabilities.raw = json;
    for (const Flag &flag : capabilityFlags)
        capabilities.*flag.member = Json::optBool(json, flag.key).value_or(false);
    return capabilities;
}

QJsonObject ModelCapabilities::toJson() const {
    QJsonObject json = raw;
    for (const Flag &flag : capabilityFlags)
        json.insert(flag.key, this->*flag.member);
    return json;
}

ModelCard ModelCard::fromJson(const QJsonObject &json) {
    ModelCard card;
    card.id = Json::string(json, "id"_L1);
    card.object = Json::optString(json, "object"_L1).value_or(u"model"_s);
    card.created = Json::optInt(json, "created"_L1);
    card.ownedBy = Json::optString(json, "owned_by"_L1).value_or(u"mistralai"_s);
    card.capabilities = ModelCapabilities::fromJson(Json::object(json, "capabilities"_L1));
    card.name = Json::optString(json, "name"_L1);
    card.description = Json::optString(json, "description"_L1);
    card.maxContextLength = Json::optInt(json, "max_context_length"_L1).value_or(32768);
    card.aliases = Json::stringList(json, "aliases"_L1);
    card.deprecation = Json::parseDateTime(json.value("deprecation"_L1));
    card.deprecationReplacementModel = Json::optString(json, "deprecation_replacement_model"_L1);
    card.defaultModelTemperature = Json::optDouble(json, "default_model_temperature"_L1);
    card.internal = Json::optBool(json, "internal"_L1).value_or(false);
    card.billingModelName = Json::optString(json, "billing_model_name"_L1);
    card.type = Json::optString(json, "type"_L1).value_or(u"base"_s);
    card.job = Json::string(json, "job"_L1);
    card.root = Json::string(json, "root"_L1);
    card.archived = Json::optBool(json, "archived"_L1).value_or(false);
    return card;
}

QJsonObject ModelCard::toJson() const {
    QJsonObject json{
        {"id"_L1, id},
        {"object"_L1, object},
        {"owned_by"_L1, ownedBy},
        {"capabilities"_L1, capabilities.toJson()},
        {"max_context_length"_L1, maxContextLength},
        {"aliases"_L1, Json::toArray(aliases)},
        {"internal"_L1, internal},
        {"type"_L1, type},
    };
    Json::insertIfSet(json, "created"_L1, created);
    Json::insertIfSet(json, "name"_L1, name);
    Json::insertIfSet(json, "description"_L1, description);
    if (deprecation.isValid())
        json.insert("deprecation"_L1, Json::dateTimeToJson(deprecation));
    Json::insertIfSet(json, "deprecation_replacement_model"_L1, deprecationReplacementModel);
    Json::insertIfSet(json, "default_model_temperature"_L1, defaultModelTemperature);
    Json::insertIfSet(json, "billing_model_name"_L1, billingModelName);
    if (isFineTuned()) {
        json.insert("job"_L1, job);
        json.insert("root"_L1, root);
        json.insert("archived"_L1, archived);
    }
    return json;
}

QString ModelCard::displayName() const {
    if (name && !name->isEmpty())
        return *name;
    return id;
}

bool ModelCard::matches(const QString &modelId) const {
    return id == modelId || aliases.contains(modelId);
}

ModelList ModelList::fromJson(const QJsonObject &json) {
    ModelList list;
    const QJsonArray items = Json::array(json, "data"_L1);
    for (const QJsonValue &item : items) {
        if (!item.isObject())
            continue;
        ModelCard card = ModelCard::fromJson(item.toObject());
        if (!card.id.isEmpty())
            list.data.append(std::move(card));
    }
    return list;
}

QJsonObject ModelList::toJson() const {
    QJsonArray items;
    for (const ModelCard &card : data)
        items.append(card.toJson());
    return {{"object"_L1, "list"_L1}, {"data"_L1, items}};
}

QList<ModelCard> ModelList::chatModels() const {
    QList<ModelCard> result;
    for (const ModelCard &card : data) {
        if (card.capabilities.completionChat)
            result.append(card);
    }
    return result;
}

std::optional<ModelCard> ModelList::find(const QString &modelId) const {
    for (const ModelCard &card : data) {
        if (card.id == modelId)
            return card;
    }
    for (const ModelCard &card : data) {
        if (card.matches(modelId))
            return card;
    }
    return std::nullopt;
}

} // namespace Tramontane
