// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Tramontane::Emulator {

class HttpExchange;

//! What the emulated authorization server does; the admin API changes it at run time.
struct OAuthOptions {
    int tokenLifetimeS = 3600;       //!< access tokens expire this many seconds after issue
    bool registration = true;        //!< advertise and serve dynamic client registration
    bool revocation = true;          //!< advertise and serve token revocation
    bool issParameter = true;        //!< send `iss` with the code and advertise it
    bool wrongIss = false;           //!< send an `iss` that is not the issuer (for tests)
    bool rotateRefreshTokens = true; //!< a refresh answers with a new refresh token
    QString scopes = QStringLiteral("mcp:tools"); //!< the scope the protected endpoint wants
    //! A scope every request to the protected endpoint needs beyond `scopes` (empty: none);
    //! a token without it gets 403 `insufficient_scope` naming it.
    QString demandScope;
    //! The scope a `tools/call` of a tool needs, by tool name (403 as above without it).
    QHash<QString, QString> toolScopes;
    //! Who signs in: the `email` of the OpenID `id_token` sent with the tokens when `openid`
    //! was asked for.
    QString account = QStringLiteral("ada@example.test");
};

//! An access token the server issued, as the protected resource sees it.
struct IssuedToken {
    QString clientId;
    QString scope;
    QString resource; //!< the audience: the `resource` given at authorization
    qint64 expiresAtMs = 0;
};

//! An OAuth 2.1 authorization server for the tests and the demo, all in memory, under
//! `/__oauth` (the issuer is `<base>/__oauth`):
//! - `/.well-known/oauth-authorization-server/__oauth`: RFC 8414 metadata;
//! - `POST /__oauth/register`: RFC 7591 dynamic registration (public and confidential clients);
//! - `GET /__oauth/authorize`: approves at once and redirects with `code`, `state` and `iss`
//!   (RFC 9207); PKCE S256 is required; a loopback redirect URI matches on any port (RFC 8252);
//! - `POST /__oauth/token`: authorization_code with PKCE verification and `resource`
//!   (RFC 8707) checks, refresh_token with rotation;
//! - `POST /__oauth/revoke`: RFC 7009.
//! Codes look like Google's (`4/0A…`, with `/` and `+`), so a client that encodes them twice
//! fails here as it would there.
class OAuthServer final {
public:
    OAuthServer() = default;

    void setBaseUrl(const QString &base) { m_base = base; }
    QString issuer() const { return m_base + QStringLiteral("/__oauth"); }

    //! True for the paths this server answers.
    static bool handles(const QStringList &segments);
    void handle(HttpExchange *exchange);
    //! `GET`/`POST /__admin/oauth`: reads or changes OAuthOptions; `POST /__admin/oauth/expire`
    //! expires every access token now; `DELETE /__admin/oauth` forgets clients and tokens.
    void handleAdmin(HttpExchange *exchange);

    //! The token's record if \a accessToken is known, not revoked and not expired.
    const IssuedToken *validToken(const QByteArray &accessToken) const;
    const OAuthOptions &options() const { return m_options; }
    void setTokenLifetime(int seconds) { m_options.tokenLifetimeS = seconds; }

private:
    struct Client {
        QString secret; //!< empty for a public client
        QStringList redirectUris;
    };
    struct PendingCode {
        QString clientId;
        QString redirectUri;
        QString challenge;
        QString scope;
        QString resource;
        qint64 expiresAtMs = 0;
    };
    struct Refresh {
        QString clientId;
        QString scope;
        QString resource;
    };

    QJsonObject metadata() const;
    void registerClient(HttpExchange *ex);
    void authorize(HttpExchange *ex);
    void token(HttpExchange *ex);
    void revoke(HttpExchange *ex);
    //! The client authenticated by the request (client_secret_basic or _post, or a public
    //! client by id); null with \a error set otherwise.
    const Client *authenticate(const HttpExchange *ex, const QHash<QString, QString> &form,
                               QString *clientId, QString *error) const;
    bool redirectAllowed(const Client &client, const QString &redirectUri) const;
    void issueTokens(HttpExchange *ex, const QString &clientId, const QString &scope,
                     const QString &resource, bool refreshing);

    QString m_base;
    OAuthOptions m_options;
    QHash<QString, Client> m_clients;
    QHash<QString, PendingCode> m_codes;
    QHash<QByteArray, IssuedToken> m_tokens;
    QHash<QString, Refresh> m_refreshTokens;
    int m_clientSeq = 0;
};

} // namespace Tramontane::Emulator
