// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/Tool.h"

#include "core/protocol/JsonUtil.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

struct TypeName {
    Tool::Type type;
    QLatin1StringView name;
};

constexpr TypeName typeNames[] = {
    {Tool::Type::Function, "function"_L1},
    {Tool::Type::WebSearch, "web_search"_L1},
    {Tool::Type::WebSearchPremium, "web_search_premium"_L1},
    {Tool::Type::CodeInterpreter, "code_interpreter"_L1},
    {Tool::Type::ImageGeneration, "image_generation"_L1},
    {Tool::Type::DocumentLibrary, "document_library"_L1},
    {Tool::Type::Connector, "connector"_L1},
};

Tool unknownTool(const QJsonObject &json) {
    Tool tool;
    tool.type = Tool::Type::Unknown;
    tool.raw = json;
    return tool;
}

} // namespace

ToolConfiguration ToolConfiguration::fromJson(const QJsonObject &json) {
    ToolConfiguration configuration;
    configuration.include = Json::optStringList(json, "include"_L1);
    configuration.exclude = Json::optStringList(json, "exclude"_L1);
    configuration.requiresConfirmation = Json::optStringList(json, "requires_confirmation"_L1);
    return configuration;
}

QJsonObject ToolConfiguration::toJson() const {
    QJsonObject json;
    Json::insertIfSet(json, "include"_L1, include);
    Json::insertIfSet(json, "exclude"_L1, exclude);
    Json::insertIfSet(json, "requires_confirmation"_L1, requiresConfirmation);
    return json;
}

ConnectorAuthorization ConnectorAuthorization::oauth2Token(const QString &token) {
    return {u"oauth2-token"_s, token};
}

ConnectorAuthorization ConnectorAuthorization::apiKey(const QString &key) {
    return {u"api-key"_s, key};
}

ConnectorAuthorization ConnectorAuthorization::fromJson(const QJsonObject &json) {
    return {Json::string(json, "type"_L1), Json::string(json, "value"_L1)};
}

QJsonObject ConnectorAuthorization::toJson() const {
    return {{"type"_L1, type}, {"value"_L1, value}};
}

QString Tool::typeName(Type type) {
    for (const TypeName &entry : typeNames) {
        if (entry.type == type)
            return entry.name;
    }
    return {};
}

Tool::Type Tool::typeFromName(const QString &name) {
    for (const TypeName &entry : typeNames) {
        if (entry.name == name)
            return entry.type;
    }
    return Type::Unknown;
}

QString Tool::typeString() const {
    if (type == Type::Unknown)
        return raw.value("type"_L1).toString();
    return typeName(type);
}

Tool Tool::function(const QString &name, const QString &description,
                    const QJsonObject &parameters) {
    Tool tool;
    tool.type = Type::Function;
    tool.name = name;
    if (!description.isEmpty())
        tool.description = description;
    tool.parameters = parameters;
    return tool;
}

Tool Tool::builtIn(Type type) {
    Tool tool;
    tool.type = type;
    return tool;
}

Tool Tool::documentLibrary(const QStringList &libraryIds) {
    Tool tool;
    tool.type = Type::DocumentLibrary;
    tool.libraryIds = libraryIds;
    return tool;
}

Tool Tool::connector(const QString &connectorId,
                     const std::optional<ConnectorAuthorization> &authorization) {
    Tool tool;
    tool.type = Type::Connector;
    tool.connectorId = connectorId;
    tool.authorization = authorization;
    return tool;
}

Tool Tool::fromJson(const QJsonObject &json) {
    Tool tool;
    tool.type = typeFromName(json.value("type"_L1).toString());
    switch (tool.type) {
    case Type::Function: {
        const auto function = Json::optObject(json, "function"_L1);
        if (!function || !function->value("name"_L1).isString())
            return unknownTool(json);
        tool.name = Json::string(*function, "name"_L1);
        tool.description = Json::optString(*function, "description"_L1);
        tool.parameters = Json::object(*function, "parameters"_L1);
        tool.strict = Json::optBool(*function, "strict"_L1);
        return tool;
    }
    case Type::DocumentLibrary:
        tool.libraryIds = Json::stringList(json, "library_ids"_L1);
        break;
    case Type::Connector: {
        const auto connectorId = Json::optString(json, "connector_id"_L1);
        if (!connectorId)
            return unknownTool(json);
        tool.connectorId = *connectorId;
        if (const auto authorization = Json::optObject(json, "authorization"_L1))
            tool.authorization = ConnectorAuthorization::fromJson(*authorization);
        break;
    }
    case Type::WebSearch:
    case Type::WebSearchPremium:
    case Type::CodeInterpreter:
    case Type::ImageGeneration:
        break;
    case Type::Unknown:
        return unknownTool(json);
    }
    if (const auto configuration = Json::optObject(json, "tool_configuration"_L1))
        tool.toolConfiguration = ToolConfiguration::fromJson(*configuration);
    return tool;
}

QJsonObject Tool::toJson() const {
    if (type == Type::Unknown)
        return raw;

    QJsonObject json{{"type"_L1, typeName(type)}};
    if (type == Type::Function) {
        QJsonObject function{{"name"_L1, name}, {"parameters"_L1, parameters}};
        Json::insertIfSet(function, "description"_L1, description);
        Json::insertIfSet(function, "strict"_L1, strict);
        json.insert("function"_L1, function);
        return json;
    }
    if (type == Type::DocumentLibrary)
        json.insert("library_ids"_L1, Json::toArray(libraryIds));
    if (type == Type::Connector) {
        json.insert("connector_id"_L1, connectorId);
        if (authorization)
            json.insert("authorization"_L1, authorization->toJson());
    }
    if (toolConfiguration)
        json.insert("tool_configuration"_L1, toolConfiguration->toJson());
    return json;
}

bool Tool::isBuiltIn() const {
    switch (type) {
    case Type::WebSearch:
    case Type::WebSearchPremium:
    case Type::CodeInterpreter:
    case Type::ImageGeneration:
    case Type::DocumentLibrary:
        return true;
    case Type::Function:
    case Type::Connector:
    case Type::Unknown:
        break;
    }
    return false;
}

bool Tool::isSameTool(const Tool &other) const {
    if (type != other.type)
        return false;
    switch (type) {
    case Type::Function:
        return name == other.name;
    case Type::Connector:
        return connectorId == other.connectorId;
    case Type::Unknown:
        return raw == other.raw;
    case Type::WebSearch:
    case Type::WebSearchPremium:
    case Type::CodeInterpreter:
    case Type::ImageGeneration:
    case Type::DocumentLibrary:
        break;
    }
    return true;
}

QList<Tool> deduplicateTools(const QList<Tool> &tools) {
    QList<Tool> result;
    for (const Tool &tool : tools) {
        const bool seen = std::any_of(result.cbegin(), result.cend(),
                                      [&tool](const Tool &kept) { return kept.isSameTool(tool); });
        if (!seen)
            result.append(tool);
    }
    return result;
}

QJsonArray toolsToJson(const QList<Tool> &tools) {
    QJsonArray json;
    for (const Tool &tool : tools)
        json.append(tool.toJson());
    return json;
}

QList<Tool> toolsFromJson(const QJsonArray &json) {
    QList<Tool> tools;
    for (const QJsonValue &item : json) {
        if (item.isObject())
            tools.append(Tool::fromJson(item.toObject()));
    }
    return tools;
}

} // namespace Tramontane
