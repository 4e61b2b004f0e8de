// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/Connector.h"

#include "core/protocol/JsonUtil.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

constexpr qsizetype maxConnectorNameLength = 64;

bool isConnectorNameCharacter(QChar c) {
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')
           || u == u'_' || u == u'-';
}

std::optional<QJsonArray> optArray(const QJsonObject &json, QLatin1StringView key) {
    const QJsonValue value = json.value(key);
    if (!value.isArray())
        return std::nullopt;
    return value.toArray();
}

} // namespace

bool isValidConnectorName(const QString &name) {
    return connectorNameError(name).isEmpty();
}

QString connectorNameError(const QString &name) {
    if (name.isEmpty())
        return QCoreApplication::translate("Connector", "The name must not be empty.");
    if (name.size() > maxConnectorNameLength)
        return QCoreApplication::translate("Connector",
                                           "The name must not be longer than 64 characters.");
    for (const QChar c : name) {
        if (!isConnectorNameCharacter(c))
            return QCoreApplication::translate(
                "Connector",
                "The name may only contain letters A-Z and a-z, digits, \"_\" and \"-\".");
    }
    return {};
}

QString connectorNameFrom(const QString &text) {
    QString name;
    for (const QChar c : text.trimmed()) {
        if (name.size() == maxConnectorNameLength)
            break;
        if (isConnectorNameCharacter(c))
            name.append(c);
        else if (c.isSpace() || c.isPunct() || c.isSymbol() || c.isLetterOrNumber())
            name.append(u'_');
    }
    return name.isEmpty() ? u"connector"_s : name;
}

ConnectorTool ConnectorTool::fromJson(const QJsonObject &json) {
    ConnectorTool tool;
    tool.raw = json;
    tool.id = Json::string(json, "id"_L1);
    tool.name = Json::string(json, "name"_L1);
    tool.description = Json::string(json, "description"_L1);
    tool.systemPrompt = Json::optString(json, "system_prompt"_L1);
    tool.jsonschema = Json::optObject(json, "jsonschema"_L1);
    tool.executionConfig = Json::optObject(json, "execution_config"_L1);
    tool.visibility = Json::string(json, "visibility"_L1);
    tool.createdAt = Json::parseDateTime(json.value("created_at"_L1));
    tool.modifiedAt = Json::parseDateTime(json.value("modified_at"_L1));
    tool.active = Json::optBool(json, "active"_L1);
    return tool;
}

QJsonObject ConnectorTool::toJson() const {
    QJsonObject json = raw;
    json.insert("id"_L1, id);
    json.insert("name"_L1, name);
    json.insert("description"_L1, description);
    json.insert("visibility"_L1, visibility);
    Json::insertDateTime(json, "created_at"_L1, createdAt);
    Json::insertDateTime(json, "modified_at"_L1, modifiedAt);
    // execution_config is required but nullable.
    json.insert("execution_config"_L1,
                executionConfig ? QJsonValue(*executionConfig) : QJsonValue(QJsonValue::Null));
    Json::insertNullable(json, "system_prompt"_L1, systemPrompt);
    Json::insertNullable(json, "jsonschema"_L1, jsonschema);
    Json::insertNullable(json, "active"_L1, active);
    return json;
}

Connector Connector::fromJson(const QJsonObject &json) {
    Connector connector;
    connector.raw = json;
    connector.id = Json::string(json, "id"_L1);
    connector.name = Json::string(json, "name"_L1);
    connector.title = Json::optString(json, "title"_L1);
    connector.description = Json::string(json, "description"_L1);
    connector.server = Json::optString(json, "server"_L1);
    connector.protocol = Json::optString(json, "protocol"_L1).value_or(u"mcp"_s);
    connector.iconUrl = Json::optString(json, "icon_url"_L1);
    connector.visibility = Json::string(json, "visibility"_L1);
    connector.ownerType = Json::string(json, "owner_type"_L1);
    connector.ownerId = Json::optString(json, "owner_id"_L1);
    connector.creatorId = Json::optString(json, "creator_id"_L1);
    connector.createdAt = Json::parseDateTime(json.value("created_at"_L1));
    connector.modifiedAt = Json::parseDateTime(json.value("modified_at"_L1));
    connector.systemPrompt = Json::optString(json, "system_prompt"_L1);
    connector.active = Json::optBool(json, "active"_L1);
    connector.isAuthenticated = Json::optBool(json, "is_authenticated"_L1);
    connector.privateToolExecution =
        Json::optBool(json, "private_tool_execution"_L1).value_or(false);
    connector.mistral = Json::optBool(json, "mistral"_L1).value_or(false);
    connector.supportedAuthMethods = optArray(json, "supported_auth_methods"_L1);
    connector.connectionCredentials = optArray(json, "connection_credentials"_L1);
    if (const auto tools = optArray(json, "tools"_L1)) {
        QList<ConnectorTool> list;
        for (const QJsonValue &tool : *tools) {
            if (tool.isObject())
                list.append(ConnectorTool::fromJson(tool.toObject()));
        }
        connector.tools = list;
    }
    return connector;
}

QJsonObject Connector::toJson() const {
    QJsonObject json = raw;
    json.insert("id"_L1, id);
    json.insert("name"_L1, name);
    json.insert("description"_L1, description);
    json.insert("protocol"_L1, protocol);
    json.insert("visibility"_L1, visibility);
    json.insert("owner_type"_L1, ownerType);
    Json::insertDateTime(json, "created_at"_L1, createdAt);
    Json::insertDateTime(json, "modified_at"_L1, modifiedAt);
    json.insert("private_tool_execution"_L1, privateToolExecution);
    json.insert("mistral"_L1, mistral);
    Json::insertNullable(json, "title"_L1, title);
    Json::insertNullable(json, "server"_L1, server);
    Json::insertNullable(json, "icon_url"_L1, iconUrl);
    Json::insertNullable(json, "owner_id"_L1, ownerId);
    Json::insertNullable(json, "creator_id"_L1, creatorId);
    Json::insertNullable(json, "system_prompt"_L1, systemPrompt);
    Json::insertNullable(json, "active"_L1, active);
    Json::insertNullable(json, "is_authenticated"_L1, isAuthenticated);
    Json::insertNullable(json, "supported_auth_methods"_L1, supportedAuthMethods);
    Json::insertNullable(json, "connection_credentials"_L1, connectionCredentials);
    if (tools) {
        QJsonArray list;
        for (const ConnectorTool &tool : *tools)
            list.append(tool.toJson());
        json.insert("tools"_L1, list);
    } else if (json.contains("tools"_L1)) {
        json.insert("tools"_L1, QJsonValue(QJsonValue::Null));
    }
    return json;
}

QString Connector::displayName() const {
    if (title && !title->isEmpty())
        return *title;
    return name;
}

QStringList Connector::authMethodTypes() const {
    QStringList types;
    if (!supportedAuthMethods)
        return types;
    for (const QJsonValue &method : *supportedAuthMethods) {
        const QString type = method.toObject().value("method_type"_L1).toString();
        if (!type.isEmpty() && !types.contains(type))
            types.append(type);
    }
    return types;
}

bool Connector::supportsOAuth2() const {
    return authMethodTypes().contains("oauth2"_L1);
}

bool Connector::isBuiltIn() const {
    return mistral || ownerType == "system"_L1;
}

QList<ConnectorHeader> Connector::headers() const {
    QList<ConnectorHeader> list;
    auto known = [&list](const QString &name) {
        return std::any_of(list.cbegin(), list.cend(), [&name](const ConnectorHeader &h) {
            return h.name.compare(name, Qt::CaseInsensitive) == 0;
        });
    };
    if (!supportedAuthMethods)
        return list;
    for (const QJsonValue &method : *supportedAuthMethods) {
        const QJsonObject global = method.toObject().value("global_headers"_L1).toObject();
        for (auto it = global.constBegin(); it != global.constEnd(); ++it) {
            if (it.key().isEmpty() || known(it.key()))
                continue;
            const QJsonObject value = it.value().toObject();
            ConnectorHeader header;
            header.name = it.key();
            header.secret = value.value("is_secret"_L1).toBool(true);
            // A secret's value is write-only; whatever came back is not the value.
            if (!header.secret)
                header.value = value.value("value"_L1).toString();
            list.append(header);
        }
    }
    for (const QJsonValue &method : *supportedAuthMethods) {
        const QJsonArray specs = method.toObject().value("headers"_L1).toArray();
        for (const QJsonValue &spec : specs) {
            const QString name = spec.toObject().value("name"_L1).toString();
            if (name.isEmpty() || known(name))
                continue;
            ConnectorHeader header;
            header.name = name;
            header.secret = spec.toObject().value("is_secret"_L1).toBool(true);
            header.global = false;
            list.append(header);
        }
    }
    std::sort(list.begin(), list.end(), [](const ConnectorHeader &a, const ConnectorHeader &b) {
        return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
    });
    return list;
}

QJsonObject connectorGlobalHeadersJson(const QList<ConnectorHeader> &headers) {
    QJsonObject json;
    for (const ConnectorHeader &header : headers) {
        if (header.name.isEmpty())
            continue;
        json.insert(header.name,
                    QJsonObject{{"value"_L1, header.value}, {"is_secret"_L1, header.secret}});
    }
    return json;
}

ConnectorCreateRequest ConnectorCreateRequest::fromJson(const QJsonObject &json) {
    ConnectorCreateRequest request;
    request.name = Json::string(json, "name"_L1);
    request.description = Json::string(json, "description"_L1);
    request.server = Json::string(json, "server"_L1);
    request.protocol = Json::optString(json, "protocol"_L1).value_or(u"mcp"_s);
    request.title = Json::optString(json, "title"_L1);
    request.iconUrl = Json::optString(json, "icon_url"_L1);
    request.visibility = Json::optString(json, "visibility"_L1);
    request.systemPrompt = Json::optString(json, "system_prompt"_L1);
    if (const auto headers = Json::optObject(json, "headers"_L1)) {
        QMap<QString, QString> map;
        for (auto it = headers->constBegin(); it != headers->constEnd(); ++it) {
            if (it.value().isString())
                map.insert(it.key(), it.value().toString());
        }
        request.headers = map;
    }
    request.globalHeaders = Json::optObject(json, "global_headers"_L1);
    if (const auto authData = Json::optObject(json, "auth_data"_L1)) {
        request.oauthClientId = Json::string(*authData, "client_id"_L1);
        request.oauthClientSecret = Json::optString(*authData, "client_secret"_L1);
    }
    request.oauth2ServerMetadata = Json::optObject(json, "oauth2_server_metadata"_L1);
    request.oauth2ServerMetadataUrl = Json::optString(json, "oauth2_server_metadata_url"_L1);
    request.authMethods = optArray(json, "auth_methods"_L1);
    return request;
}

QJsonObject ConnectorCreateRequest::toJson() const {
    QJsonObject json{
        {"name"_L1, name},
        {"description"_L1, description},
        {"server"_L1, server},
        {"protocol"_L1, protocol},
    };
    Json::insertIfSet(json, "title"_L1, title);
    Json::insertIfSet(json, "icon_url"_L1, iconUrl);
    Json::insertIfSet(json, "visibility"_L1, visibility);
    Json::insertIfSet(json, "system_prompt"_L1, systemPrompt);
    if (headers) {
        QJsonObject object;
        for (auto it = headers->constBegin(); it != headers->constEnd(); ++it)
            object.insert(it.key(), it.value());
        json.insert("headers"_L1, object);
    }
    Json::insertIfSet(json, "global_headers"_L1, globalHeaders);
    if (oauthClientId) {
        QJsonObject authData{{"client_id"_L1, *oauthClientId}};
        Json::insertIfSet(authData, "client_secret"_L1, oauthClientSecret);
        json.insert("auth_data"_L1, authData);
    }
    Json::insertIfSet(json, "oauth2_server_metadata"_L1, oauth2ServerMetadata);
    Json::insertIfSet(json, "oauth2_server_metadata_url"_L1, oauth2ServerMetadataUrl);
    Json::insertIfSet(json, "auth_methods"_L1, authMethods);
    return json;
}

const QStringList &ConnectorCreateRequest::knownFields() {
    static const QStringList fields{
        u"headers"_s,
        u"global_headers"_s,
        u"auth_data"_s,
        u"oauth2_server_metadata"_s,
        u"oauth2_server_metadata_url"_s,
        u"name"_s,
        u"title"_s,
        u"description"_s,
        u"icon_url"_s,
        u"server"_s,
        u"visibility"_s,
        u"auth_methods"_s,
        u"system_prompt"_s,
        u"protocol"_s,
    };
    return fields;
}

ConnectorUpdateRequest ConnectorUpdateRequest::fromJson(const QJsonObject &json) {
    ConnectorUpdateRequest request;
    request.title = Json::optString(json, "title"_L1);
    request.name = Json::optString(json, "name"_L1);
    request.description = Json::optString(json, "description"_L1);
    request.iconUrl = Json::optString(json, "icon_url"_L1);
    request.server = Json::optString(json, "server"_L1);
    request.systemPrompt = Json::optString(json, "system_prompt"_L1);
    request.authMethods = optArray(json, "auth_methods"_L1);
    request.protocol = Json::optString(json, "protocol"_L1).value_or(u"mcp"_s);
    return request;
}

QJsonObject ConnectorUpdateRequest::toJson() const {
    QJsonObject json{{"protocol"_L1, protocol}};
    Json::insertIfSet(json, "title"_L1, title);
    Json::insertIfSet(json, "name"_L1, name);
    Json::insertIfSet(json, "description"_L1, description);
    Json::insertIfSet(json, "icon_url"_L1, iconUrl);
    Json::insertIfSet(json, "server"_L1, server);
    Json::insertIfSet(json, "system_prompt"_L1, systemPrompt);
    Json::insertIfSet(json, "auth_methods"_L1, authMethods);
    return json;
}

bool ConnectorUpdateRequest::isEmpty() const {
    return toJson().size() == 1;
}

void ConnectorUpdateRequest::setGlobalHeaders(const Connector &current,
                                              const QList<ConnectorHeader> &headers) {
    QList<ConnectorHeader> global;
    for (const ConnectorHeader &header : headers) {
        if (header.global)
            global.append(header);
    }
    const QJsonObject globalJson = connectorGlobalHeadersJson(global);
    QStringList types = current.authMethodTypes();
    if (types.isEmpty())
        types.append(u"none"_s);
    QJsonArray methods;
    for (const QString &type : std::as_const(types))
        methods.append(QJsonObject{{"method_type"_L1, type}, {"global_headers"_L1, globalJson}});
    authMethods = methods;
}

const QStringList &ConnectorUpdateRequest::knownFields() {
    static const QStringList fields{
        u"title"_s,  u"name"_s,         u"description"_s, u"icon_url"_s,
        u"server"_s, u"auth_methods"_s, u"protocol"_s,    u"system_prompt"_s,
    };
    return fields;
}

ConnectorPage ConnectorPage::fromJson(const QJsonObject &json) {
    ConnectorPage page;
    const QJsonArray items = Json::array(json, "items"_L1);
    for (const QJsonValue &item : items) {
        if (item.isObject())
            page.items.append(Connector::fromJson(item.toObject()));
    }
    const QJsonObject pagination = Json::object(json, "pagination"_L1);
    page.nextCursor = Json::optString(pagination, "next_cursor"_L1);
    if (page.nextCursor && page.nextCursor->isEmpty())
        page.nextCursor.reset();
    page.pageSize = int(Json::optInt(pagination, "page_size"_L1).value_or(0));
    return page;
}

QJsonObject ConnectorPage::toJson() const {
    QJsonArray list;
    for (const Connector &connector : items)
        list.append(connector.toJson());
    QJsonObject pagination{{"page_size"_L1, pageSize}};
    pagination.insert("next_cursor"_L1,
                      nextCursor ? QJsonValue(*nextCursor) : QJsonValue(QJsonValue::Null));
    return {{"items"_L1, list}, {"pagination"_L1, pagination}};
}

} // namespace Tramontane
