// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/ProxySettings.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QAuthenticator;
class QNetworkAccessManager;
class QNetworkProxy;
class QWidget;

namespace Tramontane {

class SecretStore;

//! The manual proxy's sign-in. The user name is a setting; the password lives in the keychain
//! (SecretStore::proxyPasswordEntry()), is registered with the log redactor, and is handed to
//! the proxy factory (ProxySettings::apply) so that every connection signs in with it.
//!
//! When the proxy still asks (QNetworkAccessManager::proxyAuthenticationRequired: no
//! credentials, or the stored ones were refused), the person is asked once, and may have the
//! answer remembered. Asked once means once until the settings change: a refused or canceled
//! sign-in then fails the request, which says so in one sentence (ErrorPresenter).
class ProxyCredentials final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProxyCredentials)

public:
    struct Answer {
        QString user;
        QString password;
        bool remember = false;
    };
    //! Asks for credentials for \a proxy ("host:port"); \a failed: the known ones were refused.
    //! Returns nothing when the person cancels.
    using Asker = std::function<std::optional<Answer>(const QString &proxy, const QString &user,
                                                      bool failed)>;

    //! Watches \a nam's proxy sign-ins; \a window parents the dialog (may be null).
    ProxyCredentials(QNetworkAccessManager *nam, SecretStore *secrets, QWidget *window,
                     QObject *parent = nullptr);

    //! Replaces the dialog (tests answer this way).
    void setAsker(Asker asker) { m_asker = std::move(asker); }

    //! Applies \a settings to the process now, then again with the stored password once the
    //! keychain gave it (when a user name is set).
    void apply(const ProxySettings &settings);
    //! Settings were saved: keeps \a typedPassword in the keychain (an empty one keeps the
    //! stored password; no user name removes it), then applies \a settings.
    void save(const ProxySettings &settings, const QString &typedPassword);
    //! Calls back with whether the keychain holds a proxy password.
    void checkStored(QObject *context, std::function<void(bool stored)> done);

Q_SIGNALS:
    //! A keychain operation failed: a sentence for the status bar.
    void problem(const QString &sentence);

private:
    void onAuthenticationRequired(const QNetworkProxy &proxy, QAuthenticator *authenticator);
    void use(const QString &password);
    void rememberPassword(const QString &password);
    std::optional<Answer> askWithDialog(const QString &proxy, const QString &user, bool failed);

    SecretStore *m_secrets;
    QPointer<QWidget> m_window;
    Asker m_asker;
    ProxySettings m_settings;
    QString m_password; //!< the password in use (stored or answered)
    bool m_asked = false;
    int m_generation = 0; //!< drops a keychain read that a newer apply() superseded
};

} // namespace Tramontane
