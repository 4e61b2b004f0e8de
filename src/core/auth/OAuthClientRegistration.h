// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/auth/OAuthMetadata.h"
#include "core/auth/OAuthTokens.h"

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;
class QNetworkReply;

namespace Tramontane {

class SecretStore;

//! How the client identifies itself to an authorization server, in this order: the client id
//! (and secret) the user entered; the registration kept from before for this issuer; a new
//! RFC 7591 dynamic registration (a native application with a loopback redirect URI and no
//! client secret), kept in the SecretStore per issuer; otherwise NeedsClientId, which the UI
//! turns into "enter a client id".
//!
//! One resolution per object: resolve() once, then finished() fires exactly once, later.
class OAuthClientRegistration final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OAuthClientRegistration)

public:
    enum class Outcome {
        Entered,       //!< the user's client id is used
        Stored,        //!< a registration kept from before is used
        Registered,    //!< the server registered a new client just now
        NeedsClientId, //!< no registration endpoint and no client id: ask the user
        Failed,        //!< the registration endpoint refused or did not answer (see detail)
    };
    Q_ENUM(Outcome)

    struct Result {
        Outcome outcome = Outcome::Failed;
        OAuthClientCredentials client;
        QString detail; //!< technical detail in English, for a details view
    };

    //! \a nam and \a secrets must outlive this object.
    OAuthClientRegistration(QNetworkAccessManager *nam, SecretStore *secrets,
                            QObject *parent = nullptr);

    //! \a redirectUri is OAuthSignIn::redirectUri(); a loopback redirect registered once
    //! matches every later port (RFC 8252 §7.3).
    void resolve(const AuthorizationServerMetadata &server, const QString &redirectUri,
                 const OAuthClientCredentials &entered = {});
    //! The `client_name` sent (default "Tramontane").
    void setClientName(const QString &name) { m_clientName = name; }

    //! The SecretStore entry of the registration kept for \a issuer.
    static QString entry(const QString &issuer);

Q_SIGNALS:
    void finished(const Tramontane::OAuthClientRegistration::Result &result);

private:
    void registerClient();
    void onRegistered(QNetworkReply *reply);
    void finish(const Result &result);

    QNetworkAccessManager *m_nam;
    QPointer<SecretStore> m_secrets;
    AuthorizationServerMetadata m_server;
    QString m_redirectUri;
    QString m_clientName = QStringLiteral("Tramontane");
    bool m_done = false;
};

} // namespace Tramontane
