// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/OAuthTokenManager.h"

#include "core/Logging.h"
#include "core/auth/OAuthMetadata.h"
#include "core/auth/OAuthTokenStore.h"
#include "core/net/Redactor.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

constexpr int RequestTimeoutMs = 30000;

// A callback that is skipped once \a context died.
OAuthTokenManager::AccessCallback guarded(QObject *context,
                                          OAuthTokenManager::AccessCallback callback) {
    QPointer<QObject> guard(context);
    return [guard, callback = std::move(callback)](const OAuthTokenManager::Access &access) {
        if (guard && callback)
            callback(access);
    };
}

// An application/x-www-form-urlencoded body; every value is percent-encoded once.
QByteArray formBody(const QList<std::pair<QString, QString>> &fields) {
    QByteArray body;
    for (const auto &[name, value] : fields) {
        if (value.isEmpty())
            continue;
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

QNetworkRequest formRequest(const QUrl &url) {
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded"_ba);
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(RequestTimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    return request;
}

} // namespace

OAuthTokenManager::OAuthTokenManager(QNetworkAccessManager *nam, OAuthTokenStore *store,
                                     QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_store(store) {}

OAuthTokenManager::Access OAuthTokenManager::accessFor(const OAuthTokens &tokens) const {
    Access access;
    access.accessToken = tokens.accessToken;
    access.expiresAt = tokens.expiresAt;
    access.state = State::SignedIn;
    return access;
}

void OAuthTokenManager::setState(const QString &connectorId, State state) {
    if (m_states.value(connectorId, State::Unknown) == state)
        return;
    m_states.insert(connectorId, state);
    Q_EMIT stateChanged(connectorId, state);
}

void OAuthTokenManager::adopt(const QString &connectorId, const OAuthTokens &tokens,
                              QObject *context,
                              std::function<void(bool persisted, const QString &error)> callback) {
    QPointer<QObject> guard(context);
    m_store->save(connectorId, tokens, this,
                  [this, connectorId, guard, callback](bool persisted, const QString &error) {
                      Q_EMIT tokensChanged(connectorId);
                      if (guard && callback)
                          callback(persisted, error);
                  });
    setState(connectorId, State::SignedIn);
}

void OAuthTokenManager::accessToken(const QString &connectorId, QObject *context,
                                    AccessCallback callback) {
    obtain(connectorId, false, context, std::move(callback));
}

void OAuthTokenManager::refresh(const QString &connectorId, QObject *context,
                                AccessCallback callback) {
    obtain(connectorId, true, context, std::move(callback));
}

void OAuthTokenManager::obtain(const QString &connectorId, bool force, QObject *context,
                               AccessCallback callback) {
    AccessCallback done = guarded(context, std::move(callback));
    if (m_waiting.contains(connectorId)) {
        m_waiting[connectorId].append(done);
        return;
    }
    // Until a new sign-in, a refused refresh is not tried again at every request.
    if (state(connectorId) == State::NeedsSignIn) {
        Access access;
        access.state = State::NeedsSignIn;
        QMetaObject::invokeMethod(
            this, [done, access] { done(access); }, Qt::QueuedConnection);
        return;
    }
    m_waiting.insert(connectorId, {done});
    m_store->load(
        connectorId, this,
        [this, connectorId, force](const std::optional<OAuthTokens> &tokens, const QString &error) {
            if (!tokens) {
                Access access;
                access.state = error.isEmpty() ? State::SignedOut : State::Unknown;
                access.error = error;
                if (error.isEmpty())
                    setState(connectorId, State::SignedOut);
                finishRefresh(connectorId, access);
                return;
            }
            const QDateTime now = m_now();
            const bool expiring = tokens->expiresWithin(m_marginS, now);
            if (!force && !expiring) {
                setState(connectorId, State::SignedIn);
                finishRefresh(connectorId, accessFor(*tokens));
                return;
            }
            if (tokens->refreshToken.isEmpty() || !isAllowedOAuthUrl(tokens->tokenEndpoint)) {
                // Nothing to refresh with: usable until it expires, then sign in.
                const bool expired = tokens->expiresWithin(0, now);
                Access access = accessFor(*tokens);
                if (force || expired) {
                    access = Access();
                    access.state = State::NeedsSignIn;
                    access.error = u"the token cannot be refreshed"_s;
                }
                setState(connectorId, access.state);
                finishRefresh(connectorId, access);
                return;
            }
            startRefresh(connectorId, *tokens);
        });
}

void OAuthTokenManager::startRefresh(const QString &connectorId, const OAuthTokens &tokens) {
    setState(connectorId, State::Refreshing);
    const QByteArray body = formBody({{u"grant_type"_s, u"refresh_token"_s},
                                      {u"refresh_token"_s, tokens.refreshToken},
                                      {u"client_id"_s, tokens.client.clientId},
                                      {u"client_secret"_s, tokens.client.clientSecret},
                                      {u"resource"_s, tokens.resource.toString()}});
    QNetworkReply *reply = m_nam->post(formRequest(tokens.tokenEndpoint), body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, connectorId, tokens] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject json = QJsonDocument::fromJson(reply->read(256 * 1024)).object();
        Access access;
        if (status >= 200 && status < 300) {
            QString error;
            const auto refreshed = OAuthTokens::fromTokenResponse(json, m_now(), &error);
            if (refreshed) {
                OAuthTokens renewed = tokens;
                renewed.takeRefreshed(*refreshed);
                renewed.registerSecrets();
                // Rotation: the old refresh token is spent; the new one must be kept even if
                // the keychain fails (then for this session).
                m_store->save(connectorId, renewed, this,
                              [this, connectorId](bool, const QString &) {
                                  Q_EMIT tokensChanged(connectorId);
                              });
                setState(connectorId, State::SignedIn);
                finishRefresh(connectorId, accessFor(renewed));
                return;
            }
            access.error = error;
        } else if (status == 0 || status >= 500) {
            // The provider did not answer: the stored tokens stay; try again later.
            access.error = status == 0 ? reply->errorString()
                                       : u"the token endpoint answered %1"_s.arg(status);
            const bool expired = tokens.expiresWithin(0, m_now());
            access.state = State::SignedIn;
            if (!expired) {
                access.accessToken = tokens.accessToken;
                access.expiresAt = tokens.expiresAt;
            }
            setState(connectorId, State::SignedIn);
            qCInfo(lcAuth).noquote() << "token refresh failed:" << access.error;
            finishRefresh(connectorId, access);
            return;
        } else {
            access.error = u"the token endpoint answered %1: %2 %3"_s.arg(
                QString::number(status), json.value("error"_L1).toString(),
                json.value("error_description"_L1).toString());
        }
        access.error = Redactor::redactText(access.error);
        qCInfo(lcAuth).noquote() << "token refresh refused; sign-in needed:" << access.error;
        access.state = State::NeedsSignIn;
        setState(connectorId, State::NeedsSignIn);
        finishRefresh(connectorId, access);
    });
}

void OAuthTokenManager::finishRefresh(const QString &connectorId, const Access &access) {
    const QList<AccessCallback> callbacks = m_waiting.take(connectorId);
    for (const AccessCallback &callback : callbacks)
        callback(access);
}

void OAuthTokenManager::signOut(const QString &connectorId, QObject *context,
                                SignOutCallback callback) {
    QPointer<QObject> guard(context);
    m_store->load(connectorId, this,
                  [this, connectorId, guard, callback](const std::optional<OAuthTokens> &tokens,
                                                       const QString &) {
                      QStringList pending;
                      if (tokens && isAllowedOAuthUrl(tokens->revocationEndpoint)) {
                          // The refresh token first: revoking it may end the access token too.
                          if (!tokens->refreshToken.isEmpty())
                              pending.append(tokens->refreshToken);
                          pending.append(tokens->accessToken);
                      }
                      revokeNext(connectorId, tokens.value_or(OAuthTokens()), pending,
                                 !pending.isEmpty(), guard, callback);
                  });
}

void OAuthTokenManager::revokeNext(const QString &connectorId, const OAuthTokens &tokens,
                                   QStringList pending, bool allRevoked, QObject *context,
                                   SignOutCallback callback) {
    QPointer<QObject> guard(context);
    if (pending.isEmpty()) {
        m_store->forget(
            connectorId, this,
            [this, connectorId, allRevoked, guard, callback](bool ok, const QString &error) {
                setState(connectorId, State::SignedOut);
                Q_EMIT tokensChanged(connectorId);
                if (guard && callback)
                    callback(allRevoked && ok, error);
            });
        return;
    }
    const QString token = pending.takeFirst();
    const bool isRefresh = token == tokens.refreshToken;
    const QByteArray body =
        formBody({{u"token"_s, token},
                  {u"token_type_hint"_s, isRefresh ? u"refresh_token"_s : u"access_token"_s},
                  {u"client_id"_s, tokens.client.clientId},
                  {u"client_secret"_s, tokens.client.clientSecret}});
    QNetworkReply *reply = m_nam->post(formRequest(tokens.revocationEndpoint), body);
    connect(
        reply, &QNetworkReply::finished, this,
        [this, reply, connectorId, tokens, pending, allRevoked, guard, callback] {
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            revokeNext(connectorId, tokens, pending, allRevoked && status == 200, guard, callback);
        });
}

} // namespace Tramontane
