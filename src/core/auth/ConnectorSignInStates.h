// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/auth/OAuthTokenManager.h"
#include "core/protocol/Connector.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

class QSettings;

namespace Tramontane {

class OAuthTokenStore;

//! What the screens show of each OAuth connector's sign-in without opening the keychain at
//! every repaint: which connectors sign in with OAuth on this computer, and for each its state
//! (signed in, refreshing, needs sign-in), when its token expires and who signed in. Kept up
//! to date from the token manager; changed() says when to show it again.
class ConnectorSignInStates final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectorSignInStates)

public:
    struct Summary {
        OAuthTokenManager::State state = OAuthTokenManager::State::Unknown;
        bool loaded = false;      //!< the keychain was read for this connector
        bool hasTokens = false;   //!< a sign-in is kept
        bool refreshable = false; //!< it has a refresh token
        QDateTime expiresAt;      //!< of the access token; invalid when unknown
        QString account;          //!< who signed in, when the provider said
        QString scope;            //!< the granted scope, space-separated

        //! True when a request would need a new sign-in first.
        bool needsSignIn(const QDateTime &now) const;
    };

    //! Nothing is owned; \a settings may be null (then only the built-in Gmail connector and
    //! connectors with kept tokens count as OAuth ones).
    ConnectorSignInStates(OAuthTokenManager *manager, OAuthTokenStore *store, QSettings *settings,
                          QObject *parent = nullptr);

    //! True when \a connector signs in with OAuth on this computer.
    bool usesOAuth(const Connector &connector) const;
    //! Reads the kept sign-in of every OAuth connector among \a connectors (changed() follows).
    void track(const QList<Connector> &connectors);
    Summary summary(const QString &connectorId) const { return m_summaries.value(connectorId); }

Q_SIGNALS:
    void changed(const QString &connectorId);

private:
    void reload(const QString &connectorId);

    QPointer<OAuthTokenManager> m_manager;
    QPointer<OAuthTokenStore> m_store;
    QSettings *m_settings;
    QHash<QString, Summary> m_summaries;
    QSet<QString> m_loading; //!< connectors whose kept sign-in is being read
};

} // namespace Tramontane
