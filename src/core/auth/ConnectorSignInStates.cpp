// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/ConnectorSignInStates.h"

#include "core/auth/OAuthConnectorConfig.h"
#include "core/auth/OAuthTokenStore.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace Tramontane {

bool ConnectorSignInStates::Summary::needsSignIn(const QDateTime &now) const {
    if (state == OAuthTokenManager::State::NeedsSignIn
        || state == OAuthTokenManager::State::SignedOut)
        return true;
    if (state == OAuthTokenManager::State::Refreshing || !loaded)
        return false;
    if (!hasTokens)
        return true;
    // Without a refresh token, an expired sign-in cannot be renewed unseen.
    return !refreshable && expiresAt.isValid() && expiresAt <= now;
}

ConnectorSignInStates::ConnectorSignInStates(OAuthTokenManager *manager, OAuthTokenStore *store,
                                             QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_manager(manager)
    , m_store(store)
    , m_settings(settings) {
    connect(manager, &OAuthTokenManager::stateChanged, this,
            [this](const QString &id, OAuthTokenManager::State state) {
                m_summaries[id].state = state;
                Q_EMIT changed(id);
            });
    connect(manager, &OAuthTokenManager::tokensChanged, this, &ConnectorSignInStates::reload);
}

bool ConnectorSignInStates::usesOAuth(const Connector &connector) const {
    if (!m_manager || connector.id.isEmpty())
        return false;
    if (connector.isBuiltIn() && connector.name == "gmail"_L1)
        return true;
    const OAuthTokenManager::State state = m_manager->state(connector.id);
    if (state == OAuthTokenManager::State::SignedIn || state == OAuthTokenManager::State::Refreshing
        || state == OAuthTokenManager::State::NeedsSignIn)
        return true;
    if (m_summaries.value(connector.id).hasTokens)
        return true;
    return m_settings && OAuthConnectorConfig::load(*m_settings, connector.id).has_value();
}

void ConnectorSignInStates::track(const QList<Connector> &connectors) {
    // Every connector: one with a kept sign-in uses OAuth even without settings here.
    for (const Connector &c : connectors) {
        if (!c.id.isEmpty() && !m_summaries.value(c.id).loaded && !m_loading.contains(c.id)) {
            m_loading.insert(c.id);
            reload(c.id);
        }
    }
}

void ConnectorSignInStates::reload(const QString &connectorId) {
    if (!m_store)
        return;
    m_store->load(connectorId, this,
                  [this, connectorId](const std::optional<OAuthTokens> &tokens, const QString &) {
                      m_loading.remove(connectorId);
                      Summary &s = m_summaries[connectorId];
                      s.loaded = true;
                      s.hasTokens = tokens && !tokens->accessToken.isEmpty();
                      s.expiresAt = tokens ? tokens->expiresAt : QDateTime();
                      s.account = tokens ? tokens->account : QString();
                      s.scope = tokens ? tokens->scope : QString();
                      s.refreshable = tokens && !tokens->refreshToken.isEmpty();
                      if (m_manager)
                          s.state = m_manager->state(connectorId);
                      Q_EMIT changed(connectorId);
                  });
}

} // namespace Tramontane
