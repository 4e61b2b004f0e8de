// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/auth/OAuthMetadata.h"

#include <QString>
#include <QUrl>

#include <optional>

class QSettings;

namespace Tramontane {

//! How a connector signs in with OAuth on this computer: discovered from its MCP server, or
//! configured by hand (a preset such as Google fills the endpoints and the scope), with the
//! client id the person entered. Nothing here is secret: it is kept in the settings under
//! `connector-oauth/<connector id>/`; the client secret goes to the SecretStore under
//! clientSecretEntry().
struct OAuthConnectorConfig {
    enum class Mode { Discover, Manual };
    enum class Preset { None, Google };

    Mode mode = Mode::Discover;
    Preset preset = Preset::None;
    QUrl authorizationUrl; //!< manual mode
    QUrl tokenUrl;         //!< manual mode
    QUrl revocationUrl;    //!< manual mode, optional
    QString scope;         //!< manual mode: space-separated; discovery: empty to use the server's
    QString clientId;      //!< empty: dynamic registration (discovery only)

    bool operator==(const OAuthConnectorConfig &) const = default;

    //! Google's endpoints and the read-only Gmail scope. Google offers no dynamic registration:
    //! the person brings their own desktop client id and secret.
    static OAuthConnectorConfig google();

    //! The authorization server a manual configuration describes (the issuer only for a
    //! preset that knows it; PKCE S256 assumed, as every current provider supports it).
    AuthorizationServerMetadata manualServer() const;

    //! An English, technical reason why a manual configuration cannot be used, or empty.
    QString manualProblem() const;

    //! The settings group of \a connectorId.
    static QString group(const QString &connectorId);
    //! The SecretStore entry of the client secret entered for \a connectorId.
    static QString clientSecretEntry(const QString &connectorId);

    //! The configuration kept for \a connectorId, or nullopt when the connector does not use
    //! OAuth on this computer.
    static std::optional<OAuthConnectorConfig> load(QSettings &settings,
                                                    const QString &connectorId);
    void save(QSettings &settings, const QString &connectorId) const;
    static void remove(QSettings &settings, const QString &connectorId);
};

} // namespace Tramontane
