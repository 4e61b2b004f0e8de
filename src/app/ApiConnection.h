// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ConnectionConfig.h"
#include "ui/ApiAvailability.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QUrl;

namespace Tramontane {

class ApiClient;
class ConnectionCheck;
class EmulatorLauncher;
class MainWindow;
class SecretStore;
class WelcomePage;

//! Connects the API client to a server as the connection settings say: the bundled emulator
//! for the offline demo (a random key, no request before it listens), else the configured
//! address with the key from the environment or the keychain; on a first start without a key,
//! the welcome page (a key to check and keep, or the demo). Shows where the app is connected
//! in the window and says whether the pages may ask the API (availabilityChanged()).
class ApiConnection final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiConnection)

public:
    //! Nothing is owned; \a window shows the connection, the welcome page and the warnings.
    ApiConnection(ConnectionConfig config, ApiClient *client, ConnectionCheck *check,
                  SecretStore *secrets, MainWindow *window, QObject *parent = nullptr);

    const ConnectionConfig &config() const { return m_config; }
    //! True once the address and the key are settled and requests may go.
    bool isReady() const { return m_ready; }

    //! Settles the address and the key for the current configuration (starts the demo's
    //! emulator, reads the keychain, or welcomes); ready() follows when requests may go.
    void connectToApi();
    //! Switches to \a config (chosen in the settings). A non-empty \a keyToStore goes to the
    //! keychain first (a failure is shown, the connection is made anyway).
    void reconnect(const ConnectionConfig &config, const QString &keyToStore = {});
    //! Removes the API key from the keychain; when it was the key in use, nothing is asked any
    //! more. \a done gets an empty string on success, else the keychain's error.
    void forgetKey(QObject *context, std::function<void(const QString &error)> done);
    //! Checks \a key against \a baseUrl (ConnectionCheck); \a done gets an empty string on
    //! success, else one sentence for the user.
    void checkKey(const QUrl &baseUrl, const QString &key, QObject *context,
                  std::function<void(const QString &problem)> done);

Q_SIGNALS:
    //! The address and the key are settled: the lists may load.
    void ready();
    //! Whether the pages that list the account's resources may ask the API.
    void availabilityChanged(Tramontane::ApiAvailability availability);
    //! No key is known and this is not a first start: the settings should ask for one.
    void keyNeeded();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onReady();
    void connectToDemo();
    void showStatus();
    void setAvailability(ApiAvailability availability);
    //! A first start without a key: the welcome page, with \a problem when something stands in
    //! the way (no keychain).
    void showWelcome(const QString &problem);
    //! Checks a key pasted in the welcome page; a working one goes to the keychain and is used.
    void tryWelcomeKey(const QString &key);
    //! Runs on the bundled emulator from now on; \a remember keeps that choice for next time.
    void switchToDemo(bool remember);

    ConnectionConfig m_config;
    ApiClient *m_client;
    ConnectionCheck *m_check;
    SecretStore *m_secrets;
    MainWindow *m_window;
    bool m_ready = false;
    EmulatorLauncher *m_emulator = nullptr;
    QPointer<WelcomePage> m_welcome;
};

} // namespace Tramontane
