// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/OAuthTokenStore.h"

#include "core/Logging.h"
#include "core/auth/SecretStore.h"
#include "core/net/Redactor.h"

#include <QJsonDocument>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

// A stored entry: the JSON of OAuthTokens, or a bare access token (older sign-ins).
std::optional<OAuthTokens> parseEntry(const QString &stored) {
    const QJsonDocument doc = QJsonDocument::fromJson(stored.toUtf8());
    if (doc.isObject())
        return OAuthTokens::fromJson(doc.object());
    if (stored.trimmed().isEmpty() || stored.trimmed().startsWith(u'{'))
        return std::nullopt;
    OAuthTokens bare;
    bare.accessToken = stored.trimmed();
    bare.tokenType = u"Bearer"_s;
    return bare;
}

} // namespace

OAuthTokenStore::OAuthTokenStore(SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets) {}

void OAuthTokenStore::later(QObject *context, std::function<void()> run) {
    QPointer<QObject> guard(context);
    QTimer::singleShot(0, this, [guard, run = std::move(run)] {
        if (guard)
            run();
    });
}

void OAuthTokenStore::load(const QString &connectorId, QObject *context, LoadCallback callback) {
    if (m_session.contains(connectorId) || m_sessionOnly || !m_secrets) {
        const std::optional<OAuthTokens> tokens = m_session.contains(connectorId)
                                                      ? std::optional(m_session.value(connectorId))
                                                      : std::nullopt;
        later(context, [callback, tokens] { callback(tokens, QString()); });
        return;
    }
    m_secrets->read(SecretStore::oauthTokenEntry(connectorId), context,
                    [callback](const SecretStore::Result &result) {
                        if (!result.ok) {
                            callback(std::nullopt, result.error);
                            return;
                        }
                        const auto tokens = result.value ? parseEntry(*result.value) : std::nullopt;
                        if (tokens)
                            tokens->registerSecrets();
                        callback(tokens, QString());
                    });
}

void OAuthTokenStore::save(const QString &connectorId, const OAuthTokens &tokens, QObject *context,
                           SaveCallback callback) {
    tokens.registerSecrets();
    if (m_sessionOnly || !m_secrets) {
        m_session.insert(connectorId, tokens);
        later(context, [this, callback] { callback(false, m_keychainError); });
        return;
    }
    const QString json =
        QString::fromUtf8(QJsonDocument(tokens.toJson()).toJson(QJsonDocument::Compact));
    QPointer<OAuthTokenStore> self(this);
    m_secrets->write(SecretStore::oauthTokenEntry(connectorId), json, context,
                     [self, connectorId, tokens, callback](const SecretStore::Result &result) {
                         if (!self)
                             return;
                         if (result.ok) {
                             self->m_session.remove(connectorId);
                             callback(true, QString());
                             return;
                         }
                         // No keychain: keep the tokens for this session, and say so once.
                         self->m_session.insert(connectorId, tokens);
                         if (!self->m_sessionOnly) {
                             self->m_sessionOnly = true;
                             self->m_keychainError = result.error;
                             qCWarning(lcAuth) << "keychain unavailable; OAuth tokens are kept "
                                                  "in memory for this session";
                             Q_EMIT self->keychainUnavailable(result.error);
                         }
                         callback(false, result.error);
                     });
}

void OAuthTokenStore::forget(const QString &connectorId, QObject *context, DoneCallback callback) {
    m_session.remove(connectorId);
    if (m_sessionOnly || !m_secrets) {
        later(context, [callback] { callback(true, QString()); });
        return;
    }
    m_secrets->remove(
        SecretStore::oauthTokenEntry(connectorId), context,
        [callback](const SecretStore::Result &result) { callback(result.ok, result.error); });
}

} // namespace Tramontane
