// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <optional>

namespace Tramontane {

//! A client as the authorization server knows it: an id, and a secret for a confidential
//! client (empty for a public one).
struct OAuthClientCredentials {
    QString clientId;
    QString clientSecret;

    bool isEmpty() const { return clientId.isEmpty(); }
};

//! What a sign-in leaves for one connector: the tokens, when the access token expires, and
//! what refreshing and revoking them needs. Kept whole in the SecretStore, under
//! SecretStore::oauthTokenEntry(); its JSON has `access_token` at the top, as ToolCredentials
//! reads it.
struct OAuthTokens {
    QString accessToken;
    QString refreshToken; //!< empty when the server gave none
    QString tokenType;
    QString scope;       //!< the granted scope, space-separated
    QString account;     //!< who signed in (an OpenID id_token's email or name), when known
    QDateTime expiresAt; //!< absolute, UTC; invalid when the server gave no lifetime

    QUrl tokenEndpoint;
    QUrl revocationEndpoint; //!< empty when the server offers no revocation
    QString issuer;
    OAuthClientCredentials client;
    QUrl resource; //!< the RFC 8707 resource the tokens are for

    //! Reads a token endpoint's answer (RFC 6749 §5.1) received at \a now. nullopt with
    //! \a error (technical) when there is no access token or the type is not Bearer.
    static std::optional<OAuthTokens> fromTokenResponse(const QJsonObject &json,
                                                        const QDateTime &now, QString *error);
    //! Takes the tokens of a refresh answer: the refresh token is kept when none came back,
    //! replaced when the server rotated it.
    void takeRefreshed(const OAuthTokens &refreshed);

    QJsonObject toJson() const;
    static std::optional<OAuthTokens> fromJson(const QJsonObject &json);

    //! True when the access token expires within \a seconds of \a now (never when the expiry
    //! is unknown).
    bool expiresWithin(qint64 seconds, const QDateTime &now) const;
    //! Registers every secret value with the Redactor so no log can show it.
    void registerSecrets() const;
};

} // namespace Tramontane
