// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/auth/OAuthTokens.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace Tramontane {

class SecretStore;

//! The OAuth tokens of each connector, kept whole in the SecretStore (the OS keychain) under
//! SecretStore::oauthTokenEntry(). Every value read or written is registered with the Redactor.
//!
//! Without a keychain (a write fails: no Secret Service, locked, denied), the tokens live in
//! memory for the session only: keychainUnavailable() fires once, so the user can be told,
//! and every later operation stays in memory. Nothing is ever written to a file.
class OAuthTokenStore final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OAuthTokenStore)

public:
    using LoadCallback =
        std::function<void(const std::optional<OAuthTokens> &tokens, const QString &error)>;
    //! \a persisted is false when the tokens are kept in memory only (\a error says why).
    using SaveCallback = std::function<void(bool persisted, const QString &error)>;
    using DoneCallback = std::function<void(bool ok, const QString &error)>;

    //! \a secrets must outlive this object.
    explicit OAuthTokenStore(SecretStore *secrets, QObject *parent = nullptr);

    //! The tokens of \a connectorId, or nullopt when there are none (\a error set when the
    //! keychain failed). Callbacks run later, never from within the call, unless \a context
    //! died.
    void load(const QString &connectorId, QObject *context, LoadCallback callback);
    void save(const QString &connectorId, const OAuthTokens &tokens, QObject *context,
              SaveCallback callback);
    void forget(const QString &connectorId, QObject *context, DoneCallback callback);

    //! True once the keychain failed: tokens are kept for this session only.
    bool isSessionOnly() const { return m_sessionOnly; }

Q_SIGNALS:
    //! The keychain failed for the first time; \a message is the store's (translated) sentence.
    void keychainUnavailable(const QString &message);

private:
    void later(QObject *context, std::function<void()> run);

    QPointer<SecretStore> m_secrets;
    QHash<QString, OAuthTokens> m_session; //!< tokens the keychain could not take
    bool m_sessionOnly = false;
    QString m_keychainError;
};

} // namespace Tramontane
