// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/ConnectorSignIn.h"

#include "core/Logging.h"
#include "core/auth/OAuthTokenManager.h"
#include "core/auth/SecretStore.h"
#include "core/net/Redactor.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace Tramontane {

ConnectorSignIn::ConnectorSignIn(QNetworkAccessManager *nam, SecretStore *secrets,
                                 OAuthTokenManager *manager, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_secrets(secrets)
    , m_manager(manager) {}

void ConnectorSignIn::start(const QString &connectorId, const QUrl &serverUrl,
                            const OAuthConnectorConfig &config, const QString &clientSecret) {
    if (m_running || m_stage != Stage::Idle)
        return;
    m_running = true;
    m_connectorId = connectorId;
    m_config = config;
    m_clientSecret = clientSecret;
    if (!clientSecret.isEmpty())
        Redactor::addSecret(clientSecret);
    qCInfo(lcAuth).noquote() << "sign-in of connector" << connectorId << "started";

    if (config.mode == OAuthConnectorConfig::Mode::Manual) {
        if (const QString problem = config.manualProblem(); !problem.isEmpty()) {
            QTimer::singleShot(0, this, [this, problem] {
                finish({.outcome = Outcome::ConfigInvalid, .detail = problem});
            });
            return;
        }
        const AuthorizationServerMetadata server = config.manualServer();
        QTimer::singleShot(0, this, [this, server] {
            if (m_running)
                resolveClient(server, m_config.scope, QUrl());
        });
        return;
    }
    setStage(Stage::Discovering);
    m_discovery = new OAuthDiscovery(m_nam, this);
    connect(m_discovery, &OAuthDiscovery::finished, this, &ConnectorSignIn::onDiscovered);
    m_discovery->start(serverUrl);
}

void ConnectorSignIn::onDiscovered(const OAuthDiscovery::Result &result) {
    m_discovery->deleteLater();
    if (!result.ok) {
        finish({.outcome = Outcome::DiscoveryFailed,
                .discoveryFailure = result.failure,
                .detail = result.failure.detail});
        return;
    }
    resolveClient(result.authorizationServer,
                  m_config.scope.isEmpty() ? result.scope : m_config.scope, result.resource);
}

void ConnectorSignIn::resolveClient(const AuthorizationServerMetadata &server, const QString &scope,
                                    const QUrl &resource) {
    m_signIn = new OAuthSignIn(m_nam, this);
    m_signIn->setTimeout(m_timeoutMs);
    if (!m_signIn->listen()) {
        finish({.outcome = Outcome::SignInFailed,
                .signInProblem = m_signIn->problem(),
                .detail = m_signIn->detail()});
        return;
    }
    setStage(Stage::Registering);
    m_registration = new OAuthClientRegistration(m_nam, m_secrets, this);
    connect(m_registration, &OAuthClientRegistration::finished, this,
            [this, server, scope, resource](const OAuthClientRegistration::Result &client) {
                m_registration->deleteLater();
                switch (client.outcome) {
                case OAuthClientRegistration::Outcome::NeedsClientId:
                    finish({.outcome = Outcome::NeedsClientId, .detail = client.detail});
                    return;
                case OAuthClientRegistration::Outcome::Failed:
                    finish({.outcome = Outcome::RegistrationFailed, .detail = client.detail});
                    return;
                default:
                    break;
                }
                connect(m_signIn, &OAuthSignIn::browserRequested, this,
                        &ConnectorSignIn::browserRequested);
                connect(m_signIn, &OAuthSignIn::stateChanged, this, [this](OAuthSignIn::State s) {
                    if (s == OAuthSignIn::State::WaitingForBrowser)
                        setStage(Stage::WaitingForBrowser);
                    else if (s == OAuthSignIn::State::ExchangingCode)
                        setStage(Stage::ExchangingCode);
                });
                connect(m_signIn, &OAuthSignIn::finished, this, &ConnectorSignIn::onSignInFinished);
                m_signIn->start({server, client.client, scope, resource});
            });
    OAuthClientCredentials entered{m_config.clientId, m_clientSecret};
    m_registration->resolve(server, m_signIn->redirectUri(), entered);
}

void ConnectorSignIn::onSignInFinished() {
    switch (m_signIn->state()) {
    case OAuthSignIn::State::SignedIn:
        break;
    case OAuthSignIn::State::Canceled:
        finish({.outcome = Outcome::Canceled});
        return;
    case OAuthSignIn::State::TimedOut:
        finish({.outcome = Outcome::TimedOut});
        return;
    default:
        finish({.outcome = Outcome::SignInFailed,
                .signInProblem = m_signIn->problem(),
                .detail = m_signIn->detail()});
        return;
    }
    if (m_keepPending) {
        m_pending = m_signIn->tokens();
        m_pending->registerSecrets();
        finish({.outcome = Outcome::SignedIn, .persisted = false, .pending = true});
        return;
    }
    if (!m_manager) {
        finish({.outcome = Outcome::SignInFailed, .detail = u"no token manager"_s});
        return;
    }
    setStage(Stage::Saving);
    m_manager->adopt(
        m_connectorId, m_signIn->tokens(), this, [this](bool persisted, const QString &error) {
            finish({.outcome = Outcome::SignedIn, .detail = error, .persisted = persisted});
        });
}

void ConnectorSignIn::cancel() {
    if (!m_running)
        return;
    if (m_discovery) {
        m_discovery->disconnect(this);
        m_discovery->abort();
    }
    if (m_registration)
        m_registration->disconnect(this);
    if (m_signIn) {
        m_signIn->disconnect(this);
        m_signIn->cancel(); // closes the loopback port
    }
    finish({.outcome = Outcome::Canceled});
}

void ConnectorSignIn::setStage(Stage stage) {
    if (m_stage == stage)
        return;
    m_stage = stage;
    Q_EMIT stageChanged(stage);
}

void ConnectorSignIn::finish(Result result) {
    if (!m_running)
        return;
    m_running = false;
    setStage(Stage::Idle);
    qCInfo(lcAuth).noquote() << "sign-in of connector" << m_connectorId
                             << "ended:" << QVariant::fromValue(result.outcome).toString();
    Q_EMIT finished(result);
}

} // namespace Tramontane
