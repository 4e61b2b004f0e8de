// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

class QNetworkAccessManager;

namespace Tramontane::Emulator {

class HttpExchange;
class Store;
struct ConnectorRecord;

//! The connector authentication endpoints, where the platform holds the OAuth client
//! (`auth_data` and `oauth2_server_metadata(_url)` given at creation) and the user's tokens:
//! - `GET /v1/connectors/{id}/auth_url?app_return_url=…` answers `{auth_url, ttl}`: the
//!   authorization endpoint of the connector's server, with PKCE and a `state` of its own and
//!   `<base>/__platform/oauth-callback` as the redirect URI;
//! - `GET /__platform/oauth-callback` exchanges the code at the token endpoint (with the
//!   client secret the platform keeps), stores the user credential, then redirects the browser
//!   to the app_return_url;
//! - `GET /v1/connectors/{id}/authentication_methods`;
//! - `GET`/`POST`/`DELETE /v1/connectors/{id}/user/credentials[/{name}]`.
//! The connector's `is_authenticated` and `connection_credentials` follow the stored
//! credentials (Store::connectorJson).
class PlatformAuth final {
public:
    explicit PlatformAuth(Store &store)
        : m_store(store) {}

    //! \a nam carries the metadata and token requests; it must outlive this object.
    void setup(const QString &base, QNetworkAccessManager *nam) {
        m_base = base;
        m_nam = nam;
    }
    //! Forgets the sign-ins in progress and the TTL set by the admin API.
    void reset() {
        m_sessions.clear();
        m_ttlS = DefaultTtlS;
    }
    //! How long an auth URL is good for (seconds).
    void setTtl(int seconds) { m_ttlS = seconds; }
    int ttl() const { return m_ttlS; }

    //! `GET`/`POST /__admin/platform-auth` ({"ttl": seconds}): reads or changes the lifetime of
    //! the auth URLs; `DELETE` forgets the sign-ins in progress.
    void handleAdmin(HttpExchange *exchange);

    //! True for the paths of the browser's return (`/__platform/…`), which take no API key.
    static bool handles(const QStringList &segments);
    void handle(HttpExchange *exchange);

    //! True for the connector paths answered by route() (`v1`, `connectors`, id, …).
    static bool isConnectorRoute(const QStringList &segments);
    //! `/v1/connectors/{id}/<what>…`: true when \a what is one of the routes above (answered).
    bool route(HttpExchange *exchange, ConnectorRecord &connector);

private:
    struct Session {
        QString connectorId;
        QString credentialsName;
        QString credentialsTitle;
        QString returnUrl;
        QString verifier;
        QString tokenEndpoint;
        QString resource;
        qint64 expiresAtMs = 0;
    };

    void authUrl(HttpExchange *ex, ConnectorRecord &connector);
    void startSession(HttpExchange *ex, const ConnectorRecord &connector,
                      const QJsonObject &metadata);
    void callback(HttpExchange *ex);
    void credentials(HttpExchange *ex, ConnectorRecord &connector);
    void upsertCredential(HttpExchange *ex, ConnectorRecord &connector);

    Store &m_store;
    QNetworkAccessManager *m_nam = nullptr;
    QString m_base;
    static constexpr int DefaultTtlS = 600;
    int m_ttlS = DefaultTtlS;
    QHash<QString, Session> m_sessions; //!< by state
};

} // namespace Tramontane::Emulator
