// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace Tramontane {

//! The answer of `GET /v1/connectors/{id_or_name}/auth_url` (SDK 2.7.0 `AuthUrlResponse`):
//! where to send the browser, and for how many seconds that address is good.
struct ConnectorAuthUrl {
    QUrl authUrl;
    int ttl = 0;

    static ConnectorAuthUrl fromJson(const QJsonObject &json);
};

//! One stored credential of a connector (SDK 2.7.0 `AuthenticationConfiguration`), as listed
//! by `user/credentials` and in a connector's `connection_credentials`. No secret in it.
struct ConnectorCredential {
    QString name;
    std::optional<QString> title;
    QString authenticationType; //!< "oauth2", "bearer", "none", "github_app", "slack_app"
    QString scope;              //!< "user", "workspace", "organization"
    bool isDefault = false;
    //! `status.status_type`: "valid", "invalid" or "error"; empty when the API gave none.
    QString status;
    QDateTime lastCheckedAt;
    QString errorMessage; //!< `status.error_message`, when the API gave one

    static ConnectorCredential fromJson(const QJsonObject &json);
    static QList<ConnectorCredential> listFromJson(const QJsonArray &array);
    //! True unless the API said the credential is invalid or failed.
    bool isUsable() const {
        return status != QLatin1StringView("invalid") && status != QLatin1StringView("error");
    }
};

//! `GET /v1/connectors/{id_or_name}/user/credentials` (SDK 2.7.0 `CredentialsResponse`).
struct ConnectorCredentialList {
    QList<ConnectorCredential> credentials;
    //! `connector_preset_credentials_for_auth`: the methods the connector has preset
    //! credentials for.
    QStringList presetTypes;

    static ConnectorCredentialList fromJson(const QJsonObject &json);
};

} // namespace Tramontane
