// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/auth/ConnectorSignIn.h"
#include "core/protocol/Connector.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QNetworkAccessManager;
class QSettings;
class QWidget;

namespace Tramontane {

class ConnectorSignInDialog;
class ConnectorSignInStates;
class OAuthTokenManager;
class SecretStore;

//! Signs a connector in where the person is (the chat's tools menu, "Sign In Again…" under a
//! turn): the sign-in dialog over that window, with the connector's kept OAuth settings (the
//! Google setup first for the built-in Gmail connector without one), asking for the scope
//! granted so far plus the one a server named as missing. Nothing else on screen changes.
class ConnectorSignInLauncher final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectorSignInLauncher)

public:
    //! Nothing is owned; \a states may be null (then only the kept settings' scope is used).
    ConnectorSignInLauncher(QNetworkAccessManager *nam, SecretStore *secrets,
                            OAuthTokenManager *manager, ConnectorSignInStates *states,
                            QSettings *settings, QObject *parent = nullptr);

    //! Opens the browser (tests play the browser here).
    void setBrowserOpener(std::function<bool(const QUrl &)> opener) {
        m_opener = std::move(opener);
    }

    //! Opens the sign-in of \a connector over \a parent, adding \a extraScope to the scope
    //! asked for; returns the dialog (null when a sign-in of it already runs: that one is
    //! raised).
    ConnectorSignInDialog *signIn(const Connector &connector, const QString &extraScope,
                                  QWidget *parent);

Q_SIGNALS:
    void finished(const Tramontane::Connector &connector,
                  const Tramontane::ConnectorSignIn::Result &result);

private:
    QNetworkAccessManager *m_nam;
    QPointer<SecretStore> m_secrets;
    QPointer<OAuthTokenManager> m_manager;
    QPointer<ConnectorSignInStates> m_states;
    QSettings *m_settings;
    QPointer<ConnectorSignInDialog> m_dialog;
    std::function<bool(const QUrl &)> m_opener;
};

} // namespace Tramontane
