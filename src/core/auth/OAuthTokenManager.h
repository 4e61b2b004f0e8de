// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/auth/OAuthTokens.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>

#include <functional>

class QNetworkAccessManager;

namespace Tramontane {

class OAuthTokenStore;

//! The refresh policy of OAuth connectors: hands out the access token to send now, refreshing
//! it first when it expires within a minute (or at once after a connector's 401), takes the
//! rotated refresh token, turns a refused refresh into "needs sign-in", and signs out by
//! revoking the tokens at the provider (RFC 7009, when offered) before forgetting them.
//!
//! Refreshes of one connector are shared: callers that ask while one runs wait for it.
class OAuthTokenManager final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OAuthTokenManager)

public:
    enum class State {
        Unknown,     //!< not looked at yet in this session
        SignedOut,   //!< no tokens
        SignedIn,    //!< a usable access token (or one that a refresh can renew)
        Refreshing,  //!< a refresh is in flight
        NeedsSignIn, //!< the provider refused the refresh, or there is nothing to refresh with
    };
    Q_ENUM(State)

    struct Access {
        QString accessToken; //!< empty unless the state is SignedIn
        State state = State::Unknown;
        QDateTime expiresAt;
        QString error; //!< technical detail of a failed refresh or keychain error
    };
    using AccessCallback = std::function<void(const Access &access)>;
    using SignOutCallback = std::function<void(bool revoked, const QString &error)>;

    //! \a nam and \a store must outlive this object.
    OAuthTokenManager(QNetworkAccessManager *nam, OAuthTokenStore *store,
                      QObject *parent = nullptr);

    //! Keeps the tokens of a finished sign-in for \a connectorId (state SignedIn).
    void adopt(const QString &connectorId, const OAuthTokens &tokens, QObject *context,
               std::function<void(bool persisted, const QString &error)> callback);
    //! The access token to send now; refreshed first when it expires within the margin.
    void accessToken(const QString &connectorId, QObject *context, AccessCallback callback);
    //! Refreshes now, whatever the expiry: after the connector answered 401.
    void refresh(const QString &connectorId, QObject *context, AccessCallback callback);
    //! Revokes the refresh and access tokens where the provider offers revocation, then
    //! forgets them; \a revoked is true when the provider confirmed.
    void signOut(const QString &connectorId, QObject *context, SignOutCallback callback);

    State state(const QString &connectorId) const {
        return m_states.value(connectorId, State::Unknown);
    }

    //! How long before expiry a token is refreshed (default 60 s).
    void setRefreshMargin(int seconds) { m_marginS = seconds; }
    //! The clock used to judge expiry (tests move it forward).
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }

Q_SIGNALS:
    void stateChanged(const QString &connectorId, Tramontane::OAuthTokenManager::State state);
    //! The kept tokens of \a connectorId changed: a sign-in, a refresh or a sign-out.
    void tokensChanged(const QString &connectorId);

private:
    void obtain(const QString &connectorId, bool force, QObject *context, AccessCallback callback);
    void startRefresh(const QString &connectorId, const OAuthTokens &tokens);
    void finishRefresh(const QString &connectorId, const Access &access);
    void revokeNext(const QString &connectorId, const OAuthTokens &tokens, QStringList pending,
                    bool allRevoked, QObject *context, SignOutCallback callback);
    void setState(const QString &connectorId, State state);
    Access accessFor(const OAuthTokens &tokens) const;

    QNetworkAccessManager *m_nam;
    OAuthTokenStore *m_store;
    QHash<QString, State> m_states;
    QHash<QString, QList<AccessCallback>> m_waiting; //!< callbacks of a refresh in flight
    int m_marginS = 60;
    std::function<QDateTime()> m_now = [] {
        return QDateTime::currentDateTimeUtc();
    };
};

} // namespace Tramontane
