// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/ProxyCredentials.h"

#include "core/Logging.h"
#include "core/SettingsKeys.h"
#include "core/auth/SecretStore.h"
#include "core/net/Redactor.h"
#include "ui/ProxyCredentialsDialog.h"

#include <QAuthenticator>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace Tramontane {

ProxyCredentials::ProxyCredentials(QNetworkAccessManager *nam, SecretStore *secrets,
                                   QWidget *window, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
    , m_window(window) {
    connect(nam, &QNetworkAccessManager::proxyAuthenticationRequired, this,
            &ProxyCredentials::onAuthenticationRequired);
}

void ProxyCredentials::use(const QString &password) {
    m_password = password;
    if (!password.isEmpty())
        Redactor::addSecret(password);
    m_settings.apply(m_settings.user.isEmpty() ? QString() : m_password);
}

void ProxyCredentials::apply(const ProxySettings &settings) {
    m_settings = settings;
    m_asked = false;
    const int generation = ++m_generation;
    const bool signsIn = settings.mode == ProxySettings::Mode::Manual && !settings.user.isEmpty();
    use(signsIn ? m_password : QString());
    if (!signsIn)
        return;
    m_secrets->read(SecretStore::proxyPasswordEntry(), this,
                    [this, generation](const SecretStore::Result &r) {
                        if (generation != m_generation)
                            return;
                        if (!r.ok)
                            Q_EMIT problem(tr("The proxy password could not be read from the "
                                              "keychain: %1")
                                               .arg(r.error));
                        use(r.ok && r.value ? *r.value : QString());
                    });
}

void ProxyCredentials::save(const ProxySettings &settings, const QString &typedPassword) {
    if (settings.user.isEmpty()) {
        m_password.clear();
        m_secrets->remove(SecretStore::proxyPasswordEntry(), this,
                          [](const SecretStore::Result &) {});
        apply(settings);
        return;
    }
    if (typedPassword.isEmpty()) {
        apply(settings); // with the stored password
        return;
    }
    m_settings = settings;
    m_asked = false;
    ++m_generation; // a keychain read still running must not bring the old password back
    use(typedPassword);
    rememberPassword(typedPassword);
}

void ProxyCredentials::rememberPassword(const QString &password) {
    m_secrets->write(SecretStore::proxyPasswordEntry(), password, this,
                     [this](const SecretStore::Result &r) {
                         if (!r.ok)
                             Q_EMIT problem(tr("The proxy password could not be kept in the "
                                               "keychain (%1): it is used until Tramontane "
                                               "quits.")
                                                .arg(r.error));
                     });
}

void ProxyCredentials::checkStored(QObject *context, std::function<void(bool)> done) {
    m_secrets->read(SecretStore::proxyPasswordEntry(), context,
                    [done = std::move(done)](const SecretStore::Result &r) {
                        done(r.ok && r.value && !r.value->isEmpty());
                    });
}

void ProxyCredentials::onAuthenticationRequired(const QNetworkProxy &proxy,
                                                QAuthenticator *authenticator) {
    // The factory hands every connection the known credentials: asked here means there are
    // none, or the proxy refused them.
    const bool failed = !m_settings.user.isEmpty() && !m_password.isEmpty();
    if (m_asked) {
        qCInfo(lcNet) << "proxy sign-in refused again; not asking twice";
        return; // the request fails: ErrorPresenter says so
    }
    m_asked = true;
    const QString name = u"%1:%2"_s.arg(proxy.hostName()).arg(proxy.port());
    const std::optional<Answer> answer = m_asker ? m_asker(name, m_settings.user, failed)
                                                 : askWithDialog(name, m_settings.user, failed);
    if (!answer || answer->user.isEmpty())
        return;
    authenticator->setUser(answer->user);
    authenticator->setPassword(answer->password);
    m_settings.user = answer->user;
    ++m_generation;
    use(answer->password);
    if (!answer->remember)
        return;
    QSettings().setValue(SettingsKeys::proxyUser, answer->user);
    rememberPassword(answer->password);
}

std::optional<ProxyCredentials::Answer>
ProxyCredentials::askWithDialog(const QString &proxy, const QString &user, bool failed) {
    ProxyCredentialsDialog dialog(proxy, user, failed, m_window);
    dialog.setObjectName(u"proxyCredentialsDialog"_s);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return Answer{dialog.user(), dialog.password(), dialog.remember()};
}

} // namespace Tramontane
