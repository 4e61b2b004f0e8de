// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/ConnectorCredentials.h"

#include "core/protocol/JsonUtil.h"

using namespace Qt::StringLiterals;

namespace Tramontane {

ConnectorAuthUrl ConnectorAuthUrl::fromJson(const QJsonObject &json) {
    ConnectorAuthUrl result;
    // Kept as sent: a URL that does not parse stays invalid, and is refused by whoever opens it.
    result.authUrl = QUrl(Json::string(json, "auth_url"_L1), QUrl::StrictMode);
    result.ttl = int(Json::optInt(json, "ttl"_L1).value_or(0));
    return result;
}

ConnectorCredential ConnectorCredential::fromJson(const QJsonObject &json) {
    ConnectorCredential credential;
    credential.name = Json::string(json, "name"_L1);
    credential.title = Json::optString(json, "title"_L1);
    credential.authenticationType = Json::string(json, "authentication_type"_L1);
    credential.scope = Json::string(json, "scope"_L1);
    credential.isDefault = Json::optBool(json, "is_default"_L1).value_or(false);
    const QJsonObject status = Json::object(json, "status"_L1);
    credential.status = Json::string(status, "status_type"_L1);
    credential.lastCheckedAt = Json::parseDateTime(status.value("last_checked_at"_L1));
    credential.errorMessage = Json::string(status, "error_message"_L1);
    return credential;
}

QList<ConnectorCredential> ConnectorCredential::listFromJson(const QJsonArray &array) {
    QList<ConnectorCredential> list;
    for (const QJsonValue &value : array) {
        if (value.isObject())
            list.append(fromJson(value.toObject()));
    }
    return list;
}

ConnectorCredentialList ConnectorCredentialList::fromJson(const QJsonObject &json) {
    ConnectorCredentialList list;
    list.credentials = ConnectorCredential::listFromJson(Json::array(json, "credentials"_L1));
    for (const QJsonValue &type : Json::array(json, "connector_preset_credentials_for_auth"_L1)) {
        if (type.isString())
            list.presetTypes.append(type.toString());
    }
    return list;
}

} // namespace Tramontane
