// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/OAuthTokens.h"

#include "core/net/Redactor.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

// Who signed in, from an OpenID Connect id_token (its payload only: the name is shown, never
// trusted, so the signature is not checked here).
QString accountOf(const QString &idToken) {
    const QStringList parts = idToken.split(u'.');
    if (parts.size() != 3)
        return {};
    const QJsonObject claims =
        QJsonDocument::fromJson(
            QByteArray::fromBase64(parts.at(1).toLatin1(), QByteArray::Base64UrlEncoding))
            .object();
    for (const auto key : {"email"_L1, "preferred_username"_L1, "name"_L1}) {
        const QString value = claims.value(key).toString().trimmed();
        if (!value.isEmpty())
            return value.left(200);
    }
    return {};
}

} // namespace

std::optional<OAuthTokens> OAuthTokens::fromTokenResponse(const QJsonObject &json,
                                                          const QDateTime &now, QString *error) {
    OAuthTokens t;
    t.accessToken = json.value("access_token"_L1).toString();
    if (t.accessToken.isEmpty()) {
        *error = u"the token answer has no access_token"_s;
        return std::nullopt;
    }
    t.tokenType = json.value("token_type"_L1).toString(u"Bearer"_s);
    if (t.tokenType.compare("bearer"_L1, Qt::CaseInsensitive) != 0) {
        *error = u"the token type is %1, not Bearer"_s.arg(t.tokenType);
        return std::nullopt;
    }
    t.refreshToken = json.value("refresh_token"_L1).toString();
    t.scope = json.value("scope"_L1).toString();
    t.account = accountOf(json.value("id_token"_L1).toString());
    // expires_in is a number, though some servers send it as a string.
    const QJsonValue expiresIn = json.value("expires_in"_L1);
    const qint64 seconds =
        expiresIn.isString() ? expiresIn.toString().toLongLong() : qint64(expiresIn.toDouble());
    if (seconds > 0)
        t.expiresAt = now.toUTC().addSecs(seconds);
    return t;
}

void OAuthTokens::takeRefreshed(const OAuthTokens &refreshed) {
    accessToken = refreshed.accessToken;
    tokenType = refreshed.tokenType;
    expiresAt = refreshed.expiresAt;
    if (!refreshed.refreshToken.isEmpty())
        refreshToken = refreshed.refreshToken;
    if (!refreshed.scope.isEmpty())
        scope = refreshed.scope;
    if (!refreshed.account.isEmpty())
        account = refreshed.account;
}

QJsonObject OAuthTokens::toJson() const {
    QJsonObject o{{u"access_token"_s, accessToken},
                  {u"token_type"_s, tokenType},
                  {u"token_endpoint"_s, tokenEndpoint.toString(QUrl::FullyEncoded)},
                  {u"client_id"_s, client.clientId}};
    auto put = [&o](const QString &key, const QString &value) {
        if (!value.isEmpty())
            o.insert(key, value);
    };
    put(u"refresh_token"_s, refreshToken);
    put(u"scope"_s, scope);
    put(u"account"_s, account);
    if (expiresAt.isValid())
        o.insert(u"expires_at"_s, expiresAt.toUTC().toString(Qt::ISODateWithMs));
    put(u"revocation_endpoint"_s, revocationEndpoint.toString(QUrl::FullyEncoded));
    put(u"issuer"_s, issuer);
    put(u"client_secret"_s, client.clientSecret);
    put(u"resource"_s, resource.toString(QUrl::FullyEncoded));
    return o;
}

std::optional<OAuthTokens> OAuthTokens::fromJson(const QJsonObject &json) {
    OAuthTokens t;
    t.accessToken = json.value("access_token"_L1).toString();
    if (t.accessToken.isEmpty())
        return std::nullopt;
    t.refreshToken = json.value("refresh_token"_L1).toString();
    t.tokenType = json.value("token_type"_L1).toString(u"Bearer"_s);
    t.scope = json.value("scope"_L1).toString();
    t.account = json.value("account"_L1).toString();
    const QString expires = json.value("expires_at"_L1).toString();
    if (!expires.isEmpty())
        t.expiresAt = QDateTime::fromString(expires, Qt::ISODateWithMs).toUTC();
    t.tokenEndpoint = QUrl(json.value("token_endpoint"_L1).toString(), QUrl::StrictMode);
    t.revocationEndpoint = QUrl(json.value("revocation_endpoint"_L1).toString(), QUrl::StrictMode);
    t.issuer = json.value("issuer"_L1).toString();
    t.client.clientId = json.value("client_id"_L1).toString();
    t.client.clientSecret = json.value("client_secret"_L1).toString();
    t.resource = QUrl(json.value("resource"_L1).toString(), QUrl::StrictMode);
    return t;
}

bool OAuthTokens::expiresWithin(qint64 seconds, const QDateTime &now) const {
    return expiresAt.isValid() && now.secsTo(expiresAt) <= seconds;
}

void OAuthTokens::registerSecrets() const {
    Redactor::addSecret(accessToken);
    if (!refreshToken.isEmpty())
        Redactor::addSecret(refreshToken);
    if (!client.clientSecret.isEmpty())
        Redactor::addSecret(client.clientSecret);
}

} // namespace Tramontane
