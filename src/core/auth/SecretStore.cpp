// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/SecretStore.h"

#include "core/Logging.h"

#include <QCoreApplication>
#include <QTimer>

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace Tramontane {

QString SecretStore::connectorHeaderEntry(const QString &connectorId, const QString &header) {
    return u"connector/"_s + connectorId + u"/header/"_s + header.toLower();
}

QString SecretStore::oauthTokenEntry(const QString &connectorId) {
    return u"connector/"_s + connectorId + u"/oauth2"_s;
}

namespace {

QString keychainErrorSentence(QKeychain::Error error, const QString &detail) {
    switch (error) {
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
        return {};
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return QCoreApplication::translate("SecretStore",
                                           "Access to the system keychain was denied.");
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return QCoreApplication::translate(
            "SecretStore", "No system keychain is available (on Linux, install and unlock "
                           "GNOME Keyring or KWallet). Secrets are never stored in plain files.");
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    return QCoreApplication::translate("SecretStore", "The system keychain reported an error: %1")
        .arg(detail);
}

// Runs \a callback for a finished QtKeychain job, guarded by \a context.
void connectJob(QKeychain::Job *job, QObject *context, SecretStore::Callback callback,
                std::function<SecretStore::Result(QKeychain::Job *)> toResult) {
    QPointer<QObject> guard(context);
    QObject::connect(job, &QKeychain::Job::finished, job,
                     [guard, callback = std::move(callback),
                      toResult = std::move(toResult)](QKeychain::Job *finished) {
                         const SecretStore::Result result = toResult(finished);
                         if (!result.ok)
                             qCWarning(lcAuth) << "keychain:" << result.error;
                         if (guard && callback)
                             callback(result);
                     });
}

} // namespace

KeychainSecretStore::KeychainSecretStore(const QString &service, QObject *parent)
    : SecretStore(parent)
    , m_service(service) {}

// The jobs have no parent: a job deleted before libsecret answered would be called back once
// freed, and a removal must complete even when the store goes first (a connector deleted as
// the app closes). Each job deletes itself once finished.

void KeychainSecretStore::read(const QString &key, QObject *context, Callback callback) {
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    connectJob(job, context, std::move(callback), [](QKeychain::Job *j) {
        Result r;
        if (j->error() == QKeychain::EntryNotFound) {
            r.ok = true;
        } else if (j->error() == QKeychain::NoError) {
            r.ok = true;
            r.value = static_cast<QKeychain::ReadPasswordJob *>(j)->textData();
        } else {
            r.error = keychainErrorSentence(j->error(), j->errorString());
        }
        return r;
    });
    job->start();
}

void KeychainSecretStore::write(const QString &key, const QString &value, QObject *context,
                                Callback callback) {
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setTextData(value);
    connectJob(job, context, std::move(callback), [self = QPointer(this), key](QKeychain::Job *j) {
        Result r;
        r.ok = j->error() == QKeychain::NoError;
        if (r.ok && self)
            Q_EMIT self->changed(key);
        else
            r.error = keychainErrorSentence(j->error(), j->errorString());
        return r;
    });
    job->start();
}

void KeychainSecretStore::remove(const QString &key, QObject *context, Callback callback) {
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    connectJob(job, context, std::move(callback), [self = QPointer(this), key](QKeychain::Job *j) {
        Result r;
        // Removing what is not there is success: the entry is gone either way.
        r.ok = j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound;
        if (r.ok && self)
            Q_EMIT self->changed(key);
        else
            r.error = keychainErrorSentence(j->error(), j->errorString());
        return r;
    });
    job->start();
}

void MemorySecretStore::finish(QObject *context, Callback callback, Result result) {
    // Asynchronous like the real store, so callers cannot come to depend on re-entrancy.
    QPointer<QObject> guard(context);
    QTimer::singleShot(0, this, [guard, callback = std::move(callback), result] {
        if (guard && callback)
            callback(result);
    });
}

void MemorySecretStore::read(const QString &key, QObject *context, Callback callback) {
    Result r;
    r.ok = m_failure.isEmpty();
    r.error = m_failure;
    if (r.ok && m_values.contains(key))
        r.value = m_values.value(key);
    finish(context, std::move(callback), r);
}

void MemorySecretStore::write(const QString &key, const QString &value, QObject *context,
                              Callback callback) {
    Result r;
    r.ok = m_failure.isEmpty();
    r.error = m_failure;
    if (r.ok) {
        m_values.insert(key, value);
        Q_EMIT changed(key);
    }
    finish(context, std::move(callback), r);
}

void MemorySecretStore::remove(const QString &key, QObject *context, Callback callback) {
    Result r;
    r.ok = m_failure.isEmpty();
    r.error = m_failure;
    if (r.ok && m_values.remove(key))
        Q_EMIT changed(key);
    finish(context, std::move(callback), r);
}

} // namespace Tramontane
