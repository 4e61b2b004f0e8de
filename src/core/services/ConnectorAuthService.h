// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/ConnectorCredentials.h"
#include "core/services/ServiceResult.h"

#include <QJsonArray>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

namespace Tramontane {

class ApiClient;
class ApiJob;

//! The connector authentication endpoints for a connector whose OAuth client the platform
//! holds (created with `auth_data` and `oauth2_server_metadata(_url)`): the address that
//! starts a sign-in, the supported methods, and the user's credentials (SDK 2.7.0
//! `beta.connectors.getAuthUrl`, `getAuthenticationMethods`, `listUserCredentials`,
//! `deleteUserCredentials`, `deleteAllUserCredentials`).
//!
//! Every method follows ServiceResult.h. Errors carry ApiError::Context::Connector.
class ConnectorAuthService final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectorAuthService)

public:
    //! \a client is not owned and must outlive the service.
    explicit ConnectorAuthService(ApiClient *client, QObject *parent = nullptr);
    ~ConnectorAuthService() override;

    //! `GET /v1/connectors/{id_or_name}/auth_url?app_return_url=…[&credentials_name=…]`
    //! (method_type oauth2): the address to open in the browser. It is not checked here;
    //! PlatformConnect refuses what is neither https nor http on loopback.
    QPointer<ApiJob> authUrl(const QString &idOrName, const QUrl &appReturnUrl,
                             const QString &credentialsName, QObject *context,
                             ServiceCallback<ConnectorAuthUrl> callback);
    //! `GET /v1/connectors/{id_or_name}/authentication_methods`: PublicAuthenticationMethod
    //! objects, as received.
    QPointer<ApiJob> authenticationMethods(const QString &idOrName, QObject *context,
                                           ServiceCallback<QJsonArray> callback);
    //! `GET /v1/connectors/{id_or_name}/user/credentials`.
    QPointer<ApiJob> userCredentials(const QString &idOrName, QObject *context,
                                     ServiceCallback<ConnectorCredentialList> callback);
    //! `DELETE /v1/connectors/{id_or_name}/user/credentials/{name}`, or every credential of
    //! the user when \a credentialsName is empty (`DELETE …/user/credentials`).
    QPointer<ApiJob> deleteUserCredentials(const QString &idOrName, const QString &credentialsName,
                                           QObject *context, ServiceCallback<Done> callback);

Q_SIGNALS:
    //! The user's credentials of the connector were deleted (the server agreed).
    void credentialsDeleted(const QString &idOrName);

private:
    ApiClient *m_client;
};

} // namespace Tramontane
