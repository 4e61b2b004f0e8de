// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Tramontane {

//! Whether \a name is a valid connector name: 1 to 64 characters of [A-Za-z0-9_-].
bool isValidConnectorName(const QString &name);
//! Why \a name is not a valid connector name (translated), or an empty string when it is.
QString connectorNameError(const QString &name);
//! A valid connector name made from free text (e.g. a title): other characters become "_",
//! and the result is cut to 64 characters. Empty input gives "connector".
QString connectorNameFrom(const QString &text);

//! One tool of a connector as the connector endpoints list it (`ConnectorTool`).
struct ConnectorTool {
    QString id;
    QString name;
    QString description;
    std::optional<QString> systemPrompt;
    std::optional<QJsonObject> jsonschema; //!< The tool's input schema.
    std::optional<QJsonObject> executionConfig;
    QString visibility;
    QDateTime createdAt;
    QDateTime modifiedAt;
    std::optional<bool> active;
    //! The object as received (locale and other unmodelled fields).
    QJsonObject raw;

    static ConnectorTool fromJson(const QJsonObject &json);
    //! `raw` with the modelled fields as currently set.
    QJsonObject toJson() const;
};

//! A static HTTP header the API sends to a connector's MCP server. Header values are
//! credentials: never log them. The API treats secret values as write-only (they come back
//! empty), so a value read from a Connector is only known when the header is not secret.
struct ConnectorHeader {
    QString name;
    QString value;
    bool secret = true;
    //! True for a connector-wide header (`global_headers`); false for a header the connector
    //! only declares by name (`headers` of an authentication method: a scoped credential).
    bool global = true;

    friend bool operator==(const ConnectorHeader &, const ConnectorHeader &) = default;
};

//! `global_headers` as the API wants them: {name: {"value": …, "is_secret": …}}.
QJsonObject connectorGlobalHeadersJson(const QList<ConnectorHeader> &headers);

//! A connector (SDK 2.7.0: `MCPConnector`, or `HTTPConnector` when protocol is "http"; both
//! have the same fields). Fields this client does not model (server_card, locale, blocked_by,
//! connection_config, …) stay in `raw`, and toJson() writes them back.
struct Connector {
    QString id;
    QString name;
    std::optional<QString> title;
    QString description;
    std::optional<QString> server; //!< The MCP server URL.
    QString protocol = QStringLiteral("mcp");
    std::optional<QString> iconUrl;
    QString visibility; //!< "private", "shared_workspace", "shared_org", "shared_global"
    QString ownerType;  //!< "user", "org", "workspace", "system"
    std::optional<QString> ownerId;
    std::optional<QString> creatorId;
    QDateTime createdAt;
    QDateTime modifiedAt;
    std::optional<QString> systemPrompt;
    std::optional<bool> active;
    std::optional<bool> isAuthenticated;
    bool privateToolExecution = false;
    bool mistral = false; //!< A built-in connector provided by Mistral.
    //! PublicAuthenticationMethod objects ({method_type, headers, has_default_credentials, …}).
    std::optional<QJsonArray> supportedAuthMethods;
    //! AuthenticationConfiguration objects ({name, authentication_type, scope, status, …}).
    std::optional<QJsonArray> connectionCredentials;
    std::optional<QList<ConnectorTool>> tools;
    //! The object as received.
    QJsonObject raw;

    static Connector fromJson(const QJsonObject &json);
    //! `raw` with the modelled fields as currently set.
    QJsonObject toJson() const;

    //! The title when there is one, else the name.
    QString displayName() const;
    //! The `method_type` of each supported authentication method ("oauth2", "bearer", …).
    QStringList authMethodTypes() const;
    //! True when one of the supported methods is "oauth2".
    bool supportsOAuth2() const;
    //! True for a connector provided by Mistral or the system (e.g. `gmail`): the user cannot
    //! edit or delete it.
    bool isBuiltIn() const;
    //! The headers the connector declares, from its supported authentication methods: every
    //! `global_headers` entry, then the names in `headers` not already listed (global = false,
    //! value unknown). Sorted by name (case-insensitively), without duplicates.
    QList<ConnectorHeader> headers() const;
};

//! The body of `POST /v1/connectors` (`CreateConnectorRequest`). name, description and server
//! are required; `protocol` is always written ("mcp"), as the SDK does.
struct ConnectorCreateRequest {
    QString name;
    QString description;
    QString server;
    QString protocol = QStringLiteral("mcp");
    std::optional<QString> title;
    std::optional<QString> iconUrl;
    //! "private" (server default), "shared_workspace" or "shared_org".
    std::optional<QString> visibility;
    std::optional<QString> systemPrompt;
    //! Static HTTP headers sent to the MCP server. Values are secrets: never log them.
    std::optional<QMap<QString, QString>> headers;
    //! `global_headers`: header name -> {value, is_secret}, written as given.
    std::optional<QJsonObject> globalHeaders;
    //! `auth_data` {client_id, client_secret?} for OAuth2 client registration; written when
    //! the client id is set. The secret is a secret.
    std::optional<QString> oauthClientId;
    std::optional<QString> oauthClientSecret;
    std::optional<QJsonObject> oauth2ServerMetadata;
    std::optional<QString> oauth2ServerMetadataUrl;
    //! Authentication methods (bearer / none / oauth2 objects), written as given. SDK 2.7.0
    //! has this field; the published spec of the create request does not yet.
    std::optional<QJsonArray> authMethods;

    static ConnectorCreateRequest fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    static const QStringList &knownFields();
};

//! The body of `PATCH /v1/connectors/{uuid}` (SDK 2.7.0 `ConnectorMCPPublicUpdate`): only
//! set fields are written, plus `protocol: "mcp"`, which the SDK always sends as the
//! discriminator between MCP and HTTP connector updates. SDK 2.7.0 has no headers or
//! auth_data here (older SDKs did): credentials go through auth_methods.
struct ConnectorUpdateRequest {
    std::optional<QString> title;
    std::optional<QString> name;
    std::optional<QString> description;
    std::optional<QString> iconUrl;
    std::optional<QString> server;
    std::optional<QString> systemPrompt;
    //! AuthenticationMethodCreateOrUpdateRequest / bearer / none / oauth2 objects, as given.
    std::optional<QJsonArray> authMethods;
    QString protocol = QStringLiteral("mcp");

    static ConnectorUpdateRequest fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    //! True when no field other than protocol is set.
    bool isEmpty() const;
    //! Sets `auth_methods` so that the connector's connector-wide headers become \a headers
    //! (the ones with global = false are left out: they are not connector-wide). The API
    //! replaces the headers of a method as a whole, so every header must carry its value,
    //! secret ones included. One entry per method type \a current supports ("none" when it
    //! lists none), each with the same `global_headers`.
    void setGlobalHeaders(const Connector &current, const QList<ConnectorHeader> &headers);
    static const QStringList &knownFields();
};

//! A page of `GET /v1/connectors`: `{"items":[…],"pagination":{"next_cursor","page_size"}}`.
struct ConnectorPage {
    QList<Connector> items;
    std::optional<QString> nextCursor; //!< Unset on the last page.
    int pageSize = 0;

    static ConnectorPage fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
};

} // namespace Tramontane
