// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>

namespace Tramontane {

//! Where secrets live: the API key, OAuth tokens, connector header values. Never in settings
//! files, the database or logs. Every operation is asynchronous (a keychain may prompt or talk
//! over D-Bus); the callback runs on the caller's thread, and not at all if \a context died.
class SecretStore : public QObject {
    Q_OBJECT

public:
    struct Result {
        bool ok = false;
        std::optional<QString> value; //!< for reads: empty when the entry does not exist
        QString error;                //!< a sentence for the user when !ok
    };
    using Callback = std::function<void(const Result &)>;

    using QObject::QObject;

    virtual void read(const QString &key, QObject *context, Callback callback) = 0;
    virtual void write(const QString &key, const QString &value, QObject *context,
                       Callback callback) = 0;
    virtual void remove(const QString &key, QObject *context, Callback callback) = 0;

    //! Well-known entry names.
    static QString apiKeyEntry() { return QStringLiteral("mistral-api-key"); }
    //! The password of the manual proxy (Settings, Network).
    static QString proxyPasswordEntry() { return QStringLiteral("network-proxy-password"); }
    static QString connectorHeaderEntry(const QString &connectorId, const QString &header);
    static QString oauthTokenEntry(const QString &connectorId);

Q_SIGNALS:
    //! A value was written or removed (not emitted for reads).
    void changed(const QString &key);
};

//! The OS keychain through QtKeychain (Secret Service on Linux, Keychain on macOS, Credential
//! Store on Windows), with the insecure plain-file fallback disabled: without a keychain,
//! operations fail with a clear message instead of writing secrets to disk. Values go through
//! the Redactor so they are never logged.
class KeychainSecretStore final : public SecretStore {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainSecretStore)

public:
    //! \a service separates profiles (and tests) from each other, e.g. "Tramontane/default".
    explicit KeychainSecretStore(const QString &service, QObject *parent = nullptr);

    void read(const QString &key, QObject *context, Callback callback) override;
    void write(const QString &key, const QString &value, QObject *context,
               Callback callback) override;
    void remove(const QString &key, QObject *context, Callback callback) override;

    QString service() const { return m_service; }

private:
    QString m_service;
};

//! A store in memory, for tests and for a session that must not persist secrets.
class MemorySecretStore final : public SecretStore {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemorySecretStore)

public:
    using SecretStore::SecretStore;

    void read(const QString &key, QObject *context, Callback callback) override;
    void write(const QString &key, const QString &value, QObject *context,
               Callback callback) override;
    void remove(const QString &key, QObject *context, Callback callback) override;

    //! Makes every following operation fail with \a error (empty: succeed again).
    void setFailure(const QString &error) { m_failure = error; }
    QList<QString> keys() const { return m_values.keys(); }

private:
    void finish(QObject *context, Callback callback, Result result);

    QHash<QString, QString> m_values;
    QString m_failure;
};

} // namespace Tramontane
