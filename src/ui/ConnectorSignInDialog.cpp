// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ConnectorSignInDialog.h"
#include "ui/forms/StatusColors.h"
#include "ui_ConnectorSignInDialog.h"

#include "core/Logging.h"
#include "core/auth/SecretStore.h"
#include "core/net/Redactor.h"
#include "ui/ConnectorAuthSection.h"

#include <QDesktopServices>
#include <QLocale>
#include <QPushButton>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace Tramontane {

ConnectorSignInDialog::ConnectorSignInDialog(QNetworkAccessManager *nam, SecretStore *secrets,
                                             OAuthTokenManager *manager, QSettings *settings,
                                             QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ConnectorSignInDialog>())
    , m_nam(nam)
    , m_secrets(secrets)
    , m_settings(settings)
    , m_signIn(new ConnectorSignIn(nam, secrets, manager, this))
    , m_opener([](const QUrl &url) { return QDesktopServices::openUrl(url); }) {
    m_ui->setupUi(this);
    m_ui->setupContainer->hide();
    m_ui->signInStartPushButton->hide();
    connect(m_ui->signInCancelPushButton, &QPushButton::clicked, this,
            &ConnectorSignInDialog::reject);
    connect(m_ui->signInClosePushButton, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_ui->signInStartPushButton, &QPushButton::clicked, this,
            &ConnectorSignInDialog::startFromSetup);
    connect(m_signIn, &ConnectorSignIn::stageChanged, this, &ConnectorSignInDialog::onStage);
    connect(m_signIn, &ConnectorSignIn::browserRequested, this,
            &ConnectorSignInDialog::onBrowserRequested);
    connect(m_signIn, &ConnectorSignIn::finished, this, &ConnectorSignInDialog::onFinished);
    setRunning(false);
}

ConnectorSignInDialog::~ConnectorSignInDialog() {
    m_signIn->disconnect(this);
    m_signIn->cancel();
}

void ConnectorSignInDialog::setConnector(const QString &connectorId, const QString &displayName,
                                         const QUrl &serverUrl) {
    m_connectorId = connectorId;
    m_serverUrl = serverUrl;
    setWindowTitle(tr("Sign In to %1").arg(displayName));
}

void ConnectorSignInDialog::showSetup(const OAuthConnectorConfig &config) {
    if (!m_setup) {
        m_setup = new ConnectorAuthSection(m_nam, m_ui->setupContainer);
        m_setup->setServerUrlProvider([this] { return m_serverUrl.toString(); });
        m_ui->setupContainer->layout()->addWidget(m_setup);
    }
    m_setup->setConfig(config);
    m_ui->setupContainer->show();
    m_ui->signInStartPushButton->show();
    m_ui->signInClosePushButton->hide();
    m_ui->signInStatusLabel->setText(
        tr("Choose how to sign in, then sign in through your browser."));
    if (m_secrets && !m_connectorId.isEmpty()) {
        m_secrets->read(OAuthConnectorConfig::clientSecretEntry(m_connectorId), this,
                        [this](const SecretStore::Result &result) {
                            if (m_setup)
                                m_setup->setClientSecretStored(result.ok && result.value
                                                               && !result.value->isEmpty());
                        });
    }
}

void ConnectorSignInDialog::startFromSetup() {
    if (!m_setup || !m_setup->validate().isEmpty())
        return;
    const OAuthConnectorConfig config = m_setup->config();
    const QString secret = m_setup->clientSecret();
    if (m_settings)
        config.save(*m_settings, m_connectorId);
    if (!secret.isEmpty() && m_secrets) {
        Redactor::addSecret(secret);
        m_secrets->write(OAuthConnectorConfig::clientSecretEntry(m_connectorId), secret, this,
                         [](const SecretStore::Result &result) {
                             if (!result.ok)
                                 qCWarning(lcAuth) << "client secret not kept:" << result.error;
                         });
    }
    m_ui->setupContainer->setEnabled(false);
    start(config, secret);
}

void ConnectorSignInDialog::start(const OAuthConnectorConfig &config, const QString &typedSecret) {
    setRunning(true);
    m_ui->signInDetailLabel->clear();
    if (!typedSecret.isEmpty() || !m_secrets || m_connectorId.isEmpty()) {
        m_signIn->start(m_connectorId, m_serverUrl, config, typedSecret);
        return;
    }
    m_ui->signInStatusLabel->setText(tr("Reading the client secret from the keychain…"));
    m_secrets->read(OAuthConnectorConfig::clientSecretEntry(m_connectorId), this,
                    [this, config](const SecretStore::Result &result) {
                        const QString secret =
                            result.ok && result.value ? *result.value : QString();
                        m_signIn->start(m_connectorId, m_serverUrl, config, secret);
                    });
}

QString ConnectorSignInDialog::statusText() const {
    return m_ui->signInStatusLabel->text();
}

void ConnectorSignInDialog::onStage(ConnectorSignIn::Stage stage) {
    QString text;
    switch (stage) {
    case ConnectorSignIn::Stage::Idle:
        return;
    case ConnectorSignIn::Stage::Discovering:
        text = tr("Asking the server how to sign in…");
        break;
    case ConnectorSignIn::Stage::Registering:
        text = tr("Identifying this app to the authorization server…");
        break;
    case ConnectorSignIn::Stage::WaitingForBrowser:
        text = tr("Continue in your browser. This window waits until the browser comes back "
                  "(at most 5 minutes).");
        break;
    case ConnectorSignIn::Stage::ExchangingCode:
        text = tr("Getting the tokens…");
        break;
    case ConnectorSignIn::Stage::Saving:
        text = tr("Keeping the tokens in the keychain…");
        break;
    }
    StatusColors::paint(m_ui->signInStatusLabel, StatusColors::Kind::Normal, palette());
    m_ui->signInStatusLabel->setText(text);
}

void ConnectorSignInDialog::onBrowserRequested(const QUrl &url) {
    // ConnectorSignIn checked it already; nothing else is ever opened from here.
    if (!isAllowedOAuthUrl(url) || !m_opener || !m_opener(url)) {
        m_ui->signInDetailLabel->setText(
            tr("The browser could not be opened. Open this address yourself: %1")
                .arg(url.toString()));
    }
}

QString ConnectorSignInDialog::outcomeSentence(const ConnectorSignIn::Result &result) {
    using Outcome = ConnectorSignIn::Outcome;
    using Problem = OAuthSignIn::Problem;
    switch (result.outcome) {
    case Outcome::SignedIn:
        if (result.pending)
            return tr("Signed in. The sign-in is kept when you save the connector.");
        return result.persisted ? tr("Signed in.")
                                : tr("Signed in for this session only: the system keychain is "
                                     "not available, so you will sign in again next time.");
    case Outcome::DiscoveryFailed:
        return tr("Could not find how to sign in: %1")
            .arg(ConnectorAuthSection::failureSentence(result.discoveryFailure));
    case Outcome::ConfigInvalid:
        return tr("The sign-in settings are incomplete: edit the connector's Authentication.");
    case Outcome::NeedsClientId:
        return tr("This server does not register apps by itself: enter the client id its "
                  "provider gave you, then sign in again.");
    case Outcome::RegistrationFailed:
        return tr("The authorization server refused to register this app.");
    case Outcome::TimedOut:
        return tr("The browser did not come back within 5 minutes: sign in again when you are "
                  "ready.");
    case Outcome::Canceled:
        return tr("Sign-in canceled.");
    case Outcome::SignInFailed:
        break;
    }
    switch (result.signInProblem) {
    case Problem::UnsafeUrl:
        return tr("The sign-in address is not https, so it was not opened.");
    case Problem::ListenFailed:
        return tr("This app could not wait for the browser's answer: no local port was free.");
    case Problem::AuthorizationDenied:
        return tr("The sign-in was refused in the browser.");
    case Problem::StateMismatch:
    case Problem::IssuerMismatch:
        return tr("The answer that came back did not belong to this sign-in, so it was refused.");
    case Problem::TokenRequestFailed:
    case Problem::InvalidTokenResponse:
        return tr("The provider did not give a usable token for this sign-in.");
    case Problem::None:
        break;
    }
    return tr("The sign-in failed.");
}

QString ConnectorSignInDialog::stateText(const std::optional<OAuthTokens> &tokens,
                                         OAuthTokenManager::State state, const QDateTime &now) {
    if (state == OAuthTokenManager::State::NeedsSignIn)
        return tr("Sign-in expired");
    if (state == OAuthTokenManager::State::Refreshing)
        return tr("Signed in (refreshing)");
    if (!tokens || tokens->accessToken.isEmpty())
        return tr("Not signed in");
    if (tokens->refreshToken.isEmpty() && tokens->expiresAt.isValid()) {
        if (tokens->expiresAt <= now)
            return tr("Sign-in expired");
        return tr("Signed in until %1")
            .arg(QLocale().toString(tokens->expiresAt.toLocalTime(), QLocale::ShortFormat));
    }
    return tr("Signed in");
}

void ConnectorSignInDialog::onFinished(const ConnectorSignIn::Result &result) {
    setRunning(false);
    const bool ok = result.outcome == ConnectorSignIn::Outcome::SignedIn;
    m_ui->signInStatusLabel->setText(outcomeSentence(result));
    StatusColors::paint(m_ui->signInStatusLabel,
                        ok ? StatusColors::Kind::Ok : StatusColors::Kind::Error, palette());
    m_ui->signInDetailLabel->setText(ok ? QString() : result.detail);
    if (m_setup) {
        m_ui->setupContainer->setEnabled(true);
        m_ui->signInStartPushButton->setVisible(!ok);
    }
    Q_EMIT signInFinished(result);
}

void ConnectorSignInDialog::setRunning(bool running) {
    m_ui->signInCancelPushButton->setVisible(running);
    m_ui->signInClosePushButton->setVisible(!running && !m_ui->signInStartPushButton->isVisible());
    m_ui->signInStartPushButton->setEnabled(!running);
}

void ConnectorSignInDialog::reject() {
    if (m_signIn->isRunning()) {
        m_signIn->cancel();
        return; // the dialog stays, saying it was canceled
    }
    QDialog::reject();
}

} // namespace Tramontane
