// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/auth/ConnectorSignIn.h"
#include "core/auth/OAuthTokenManager.h"

#include <QDialog>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QSettings;

namespace Tramontane {

class ConnectorAuthSection;
class SecretStore;

namespace Ui {
class ConnectorSignInDialog;
}

//! Signs one connector in through the system browser and shows where it is (asking the
//! server, registering, waiting for the browser, getting the tokens), with Cancel; the end is
//! one sentence (and the technical detail below it). With showSetup(), it first asks how to
//! sign in (the OAuth section of the connector form, e.g. the Google preset of the built-in
//! Gmail connector) and keeps that in the settings and the keychain before starting.
class ConnectorSignInDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectorSignInDialog)

public:
    using BrowserOpener = std::function<bool(const QUrl &url)>;

    //! Nothing is owned; \a settings may be null (then a setup is not kept).
    ConnectorSignInDialog(QNetworkAccessManager *nam, SecretStore *secrets,
                          OAuthTokenManager *manager, QSettings *settings,
                          QWidget *parent = nullptr);
    ~ConnectorSignInDialog() override;

    void setConnector(const QString &connectorId, const QString &displayName,
                      const QUrl &serverUrl);
    //! Asks for the sign-in settings first, starting from \a config.
    void showSetup(const OAuthConnectorConfig &config);
    //! Starts at once with \a config; the client secret is \a typedSecret, else the one kept
    //! in the keychain for this connector.
    void start(const OAuthConnectorConfig &config, const QString &typedSecret = {});
    //! Opens the browser (default: QDesktopServices::openUrl); tests play the browser here.
    void setBrowserOpener(BrowserOpener opener) { m_opener = std::move(opener); }

    ConnectorSignIn *signIn() const { return m_signIn; }
    QString statusText() const;
    //! The sentence for how a sign-in ended, for the person.
    static QString outcomeSentence(const ConnectorSignIn::Result &result);
    //! "Signed in", "Not signed in" or "Sign-in expired", from the kept tokens and the
    //! manager's state, at \a now.
    static QString stateText(const std::optional<OAuthTokens> &tokens,
                             OAuthTokenManager::State state, const QDateTime &now);

public Q_SLOTS:
    void reject() override;

Q_SIGNALS:
    void signInFinished(const Tramontane::ConnectorSignIn::Result &result);

private:
    void startFromSetup();
    void onStage(ConnectorSignIn::Stage stage);
    void onBrowserRequested(const QUrl &url);
    void onFinished(const ConnectorSignIn::Result &result);
    void setRunning(bool running);

    std::unique_ptr<Ui::ConnectorSignInDialog> m_ui;
    QNetworkAccessManager *m_nam;
    QPointer<SecretStore> m_secrets;
    QSettings *m_settings;
    ConnectorSignIn *m_signIn;
    ConnectorAuthSection *m_setup = nullptr;
    QString m_connectorId;
    QUrl m_serverUrl;
    BrowserOpener m_opener;
};

} // namespace Tramontane
