// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace Tramontane {

//! True for the only URLs OAuth may use, to fetch metadata, to send a token or to open in the
//! browser: `https` with a host, or `http` to a loopback host (127.0.0.0/8, ::1, localhost).
bool isAllowedOAuthUrl(const QUrl &url);

//! The `Bearer` challenge of a `WWW-Authenticate` header (RFC 6750 §3, RFC 9728 §5.1).
struct BearerChallenge {
    QUrl resourceMetadata; //!< `resource_metadata`, when given
    QString scope;         //!< `scope`, space-separated, when given
    QString error;         //!< `error`, e.g. "invalid_token" or "insufficient_scope"

    //! The Bearer challenge among those of \a header (several may be listed), or nullopt.
    static std::optional<BearerChallenge> parse(QByteArrayView header);
};

//! OAuth 2.0 protected-resource metadata (RFC 9728 §2).
struct ProtectedResourceMetadata {
    QUrl resource;
    QList<QUrl> authorizationServers;
    QStringList scopesSupported;

    //! Reads and checks a document: `resource` and at least one authorization server are
    //! required. nullopt with \a error (technical, English) when it is not usable.
    static std::optional<ProtectedResourceMetadata> fromJson(const QJsonObject &json,
                                                             QString *error);
};

//! OAuth 2.0 authorization server metadata (RFC 8414 §2, or OpenID Connect Discovery). Also
//! what a manually configured server is described with.
struct AuthorizationServerMetadata {
    QString issuer;
    QUrl authorizationEndpoint;
    QUrl tokenEndpoint;
    QUrl registrationEndpoint; //!< RFC 7591; empty when not offered
    QUrl revocationEndpoint;   //!< RFC 7009; empty when not offered
    QStringList scopesSupported;
    QStringList codeChallengeMethods;
    QStringList tokenEndpointAuthMethods;
    bool issParameterSupported = false; //!< RFC 9207 `authorization_response_iss_parameter_…`

    //! Reads and checks a document: issuer, authorization and token endpoints are required, and
    //! every endpoint must pass isAllowedOAuthUrl().
    static std::optional<AuthorizationServerMetadata> fromJson(const QJsonObject &json,
                                                               QString *error);
    bool supportsPkceS256() const { return codeChallengeMethods.contains(QStringLiteral("S256")); }
};

//! Where the well-known documents are, in the order to try them.
namespace WellKnown {
//! RFC 9728 §3.1: `/.well-known/oauth-protected-resource` inserted before the resource's
//! path, then at the origin (only once when the path is empty).
QList<QUrl> protectedResourceMetadataUrls(const QUrl &resource);
//! RFC 8414 §3.1 and OpenID Connect Discovery: for an issuer with a path,
//! `/.well-known/oauth-authorization-server/<path>`, `/.well-known/openid-configuration/<path>`
//! and `<path>/.well-known/openid-configuration`; without a path, the first two at the root.
QList<QUrl> authorizationServerMetadataUrls(const QUrl &issuer);
} // namespace WellKnown

//! Two resource or issuer identifiers are the same, up to a trailing slash.
bool sameOAuthIdentifier(const QUrl &a, const QUrl &b);

} // namespace Tramontane
