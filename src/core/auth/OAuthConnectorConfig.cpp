// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/OAuthConnectorConfig.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

QString modeName(OAuthConnectorConfig::Mode mode) {
    return mode == OAuthConnectorConfig::Mode::Manual ? u"manual"_s : u"discover"_s;
}

QString presetName(OAuthConnectorConfig::Preset preset) {
    return preset == OAuthConnectorConfig::Preset::Google ? u"google"_s : QString();
}

} // namespace

OAuthConnectorConfig OAuthConnectorConfig::google() {
    OAuthConnectorConfig config;
    config.mode = Mode::Manual;
    config.preset = Preset::Google;
    config.authorizationUrl = QUrl(u"https://accounts.google.com/o/oauth2/v2/auth"_s);
    config.tokenUrl = QUrl(u"https://oauth2.googleapis.com/token"_s);
    config.revocationUrl = QUrl(u"https://oauth2.googleapis.com/revoke"_s);
    config.scope = u"https://www.googleapis.com/auth/gmail.readonly"_s;
    return config;
}

AuthorizationServerMetadata OAuthConnectorConfig::manualServer() const {
    AuthorizationServerMetadata server;
    // An issuer may have a path, so it cannot be guessed from the endpoints: only a preset
    // knows it (and then the `iss` of the redirect is checked against it).
    if (preset == Preset::Google)
        server.issuer = u"https://accounts.google.com"_s;
    server.authorizationEndpoint = authorizationUrl;
    server.tokenEndpoint = tokenUrl;
    server.revocationEndpoint = revocationUrl;
    server.codeChallengeMethods = {u"S256"_s};
    if (!scope.isEmpty())
        server.scopesSupported = scope.split(u' ', Qt::SkipEmptyParts);
    return server;
}

QString OAuthConnectorConfig::manualProblem() const {
    if (!authorizationUrl.isValid() || authorizationUrl.isEmpty())
        return u"no authorization URL"_s;
    if (!isAllowedOAuthUrl(authorizationUrl))
        return u"the authorization URL is not https"_s;
    if (!tokenUrl.isValid() || tokenUrl.isEmpty())
        return u"no token URL"_s;
    if (!isAllowedOAuthUrl(tokenUrl))
        return u"the token URL is not https"_s;
    if (!revocationUrl.isEmpty() && !isAllowedOAuthUrl(revocationUrl))
        return u"the revocation URL is not https"_s;
    if (clientId.isEmpty())
        return u"no client id"_s;
    return {};
}

QString OAuthConnectorConfig::group(const QString &connectorId) {
    return u"connector-oauth/"_s + connectorId;
}

QString OAuthConnectorConfig::clientSecretEntry(const QString &connectorId) {
    return u"connector/"_s + connectorId + u"/oauth-client-secret"_s;
}

std::optional<OAuthConnectorConfig> OAuthConnectorConfig::load(QSettings &settings,
                                                               const QString &connectorId) {
    if (connectorId.isEmpty())
        return std::nullopt;
    settings.beginGroup(group(connectorId));
    std::optional<OAuthConnectorConfig> result;
    if (settings.contains(u"mode"_s)) {
        OAuthConnectorConfig c;
        c.mode =
            settings.value(u"mode"_s).toString() == "manual"_L1 ? Mode::Manual : Mode::Discover;
        c.preset =
            settings.value(u"preset"_s).toString() == "google"_L1 ? Preset::Google : Preset::None;
        c.authorizationUrl = settings.value(u"authorization_url"_s).toUrl();
        c.tokenUrl = settings.value(u"token_url"_s).toUrl();
        c.revocationUrl = settings.value(u"revocation_url"_s).toUrl();
        c.scope = settings.value(u"scope"_s).toString();
        c.clientId = settings.value(u"client_id"_s).toString();
        result = c;
    }
    settings.endGroup();
    return result;
}

void OAuthConnectorConfig::save(QSettings &settings, const QString &connectorId) const {
    if (connectorId.isEmpty())
        return;
    settings.remove(group(connectorId));
    settings.beginGroup(group(connectorId));
    settings.setValue(u"mode"_s, modeName(mode));
    if (preset != Preset::None)
        settings.setValue(u"preset"_s, presetName(preset));
    if (mode == Mode::Manual) {
        settings.setValue(u"authorization_url"_s, authorizationUrl);
        settings.setValue(u"token_url"_s, tokenUrl);
        if (!revocationUrl.isEmpty())
            settings.setValue(u"revocation_url"_s, revocationUrl);
    }
    if (!scope.isEmpty())
        settings.setValue(u"scope"_s, scope);
    if (!clientId.isEmpty())
        settings.setValue(u"client_id"_s, clientId);
    settings.endGroup();
}

void OAuthConnectorConfig::remove(QSettings &settings, const QString &connectorId) {
    if (!connectorId.isEmpty())
        settings.remove(group(connectorId));
}

} // namespace Tramontane
