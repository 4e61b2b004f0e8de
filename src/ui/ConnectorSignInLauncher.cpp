// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ConnectorSignInLauncher.h"

#include "core/auth/ConnectorSignInStates.h"
#include "core/auth/OAuthConnectorConfig.h"
#include "core/auth/ScopeChallenge.h"
#include "core/auth/SecretStore.h"
#include "ui/ConnectorSignInDialog.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace Tramontane {

ConnectorSignInLauncher::ConnectorSignInLauncher(QNetworkAccessManager *nam, SecretStore *secrets,
                                                 OAuthTokenManager *manager,
                                                 ConnectorSignInStates *states, QSettings *settings,
                                                 QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_secrets(secrets)
    , m_manager(manager)
    , m_states(states)
    , m_settings(settings) {}

ConnectorSignInDialog *ConnectorSignInLauncher::signIn(const Connector &connector,
                                                       const QString &extraScope, QWidget *parent) {
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return nullptr;
    }
    auto *dialog = new ConnectorSignInDialog(m_nam, m_secrets, m_manager, m_settings, parent);
    m_dialog = dialog;
    dialog->setObjectName(u"connectorSignInDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_opener)
        dialog->setBrowserOpener(m_opener);
    dialog->setConnector(connector.id, connector.displayName(),
                         QUrl(connector.server.value_or(QString())));
    connect(dialog, &ConnectorSignInDialog::signInFinished, this,
            [this, connector](const ConnectorSignIn::Result &result) {
                Q_EMIT finished(connector, result);
            });
    std::optional<OAuthConnectorConfig> config;
    if (m_settings)
        config = OAuthConnectorConfig::load(*m_settings, connector.id);
    dialog->open();
    if (!config && connector.isBuiltIn()) {
        OAuthConnectorConfig google = OAuthConnectorConfig::google();
        google.scope = unitedScope(google.scope, extraScope);
        dialog->showSetup(google);
        return dialog;
    }
    OAuthConnectorConfig use = config.value_or(OAuthConnectorConfig{}); // discovered
    if (!extraScope.isEmpty()) {
        // The scope granted so far (or configured) and the one the server asked for: a scope
        // of its own would replace what discovery finds, so the granted one comes first.
        const QString granted = m_states ? m_states->summary(connector.id).scope : QString();
        use.scope = unitedScope(unitedScope(granted, use.scope), extraScope);
    }
    dialog->start(use);
    return dialog;
}

} // namespace Tramontane
