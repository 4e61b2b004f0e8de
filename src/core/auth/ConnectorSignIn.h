// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/auth/OAuthClientRegistration.h"
#include "core/auth/OAuthConnectorConfig.h"
#include "core/auth/OAuthDiscovery.h"
#include "core/auth/OAuthSignIn.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;

namespace Tramontane {

class OAuthTokenManager;
class SecretStore;

//! One sign-in of one connector, from start to stored tokens: discovery from the MCP server
//! (or the manual endpoints), the client (entered, kept or dynamically registered), the
//! browser sign-in, then the tokens handed to the OAuthTokenManager under the connector's id.
//! The browser is not opened here: browserRequested() carries the checked URL.
//!
//! One sign-in per object: start() once; finished() fires exactly once, later, or from
//! within cancel() as Canceled.
class ConnectorSignIn final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectorSignIn)

public:
    enum class Stage { Idle, Discovering, Registering, WaitingForBrowser, ExchangingCode, Saving };
    Q_ENUM(Stage)

    enum class Outcome {
        SignedIn,
        DiscoveryFailed,    //!< discovery: see discoveryFailure
        ConfigInvalid,      //!< the manual configuration is incomplete (detail says what)
        NeedsClientId,      //!< no registration offered and no client id entered
        RegistrationFailed, //!< the registration endpoint refused (detail)
        SignInFailed,       //!< the browser flow failed: see signInProblem and detail
        TimedOut,
        Canceled,
    };
    Q_ENUM(Outcome)

    struct Result {
        Outcome outcome = Outcome::Canceled;
        OAuthDiscovery::Failure discoveryFailure;
        OAuthSignIn::Problem signInProblem = OAuthSignIn::Problem::None;
        QString detail;        //!< technical, English
        bool persisted = true; //!< false when the tokens are kept for this session only
        bool pending = false;  //!< the tokens wait in pendingTokens() (setKeepPending())
    };

    //! \a nam and \a manager must outlive this object.
    ConnectorSignIn(QNetworkAccessManager *nam, SecretStore *secrets, OAuthTokenManager *manager,
                    QObject *parent = nullptr);

    //! Signs \a connectorId in to the MCP server at \a serverUrl as \a config says, with the
    //! client secret the person entered (may be empty).
    void start(const QString &connectorId, const QUrl &serverUrl,
               const OAuthConnectorConfig &config, const QString &clientSecret);
    void cancel();

    Stage stage() const { return m_stage; }
    bool isRunning() const { return m_running; }
    //! Keeps the tokens of a successful sign-in here instead of handing them to the token
    //! manager: for a connector that does not exist yet (the connector form before its first
    //! save), whose id is not known. Nothing reaches the keychain.
    void setKeepPending(bool keep) { m_keepPending = keep; }
    //! The tokens of a finished sign-in kept by setKeepPending().
    std::optional<OAuthTokens> pendingTokens() const { return m_pending; }
    //! How long the browser may take (default 5 minutes).
    void setTimeout(int ms) { m_timeoutMs = ms; }

Q_SIGNALS:
    void stageChanged(Tramontane::ConnectorSignIn::Stage stage);
    //! Open the system browser on \a url (already checked: https, or http on loopback).
    void browserRequested(const QUrl &url);
    void finished(const Tramontane::ConnectorSignIn::Result &result);

private:
    void onDiscovered(const OAuthDiscovery::Result &result);
    void resolveClient(const AuthorizationServerMetadata &server, const QString &scope,
                       const QUrl &resource);
    void onSignInFinished();
    void setStage(Stage stage);
    void finish(Result result);

    QNetworkAccessManager *m_nam;
    QPointer<SecretStore> m_secrets;
    QPointer<OAuthTokenManager> m_manager;
    QPointer<OAuthDiscovery> m_discovery;
    QPointer<OAuthClientRegistration> m_registration;
    QPointer<OAuthSignIn> m_signIn;
    QString m_connectorId;
    OAuthConnectorConfig m_config;
    QString m_clientSecret;
    Stage m_stage = Stage::Idle;
    int m_timeoutMs = 5 * 60 * 1000;
    bool m_running = false;
    bool m_keepPending = false;
    std::optional<OAuthTokens> m_pending;
};

} // namespace Tramontane

Q_DECLARE_METATYPE(Tramontane::ConnectorSignIn::Result)
