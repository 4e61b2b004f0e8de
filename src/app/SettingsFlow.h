// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ConnectionConfig.h"
#include "ui/SettingsDialog.h"

#include <QObject>
#include <QPointer>

#include <optional>

class QWidget;

namespace Tramontane {

class ApiClient;
class ApiConnection;
class ChatController;
class ChatTargetModel;
class DesktopNotifier;
class TitleGenerator;
class ImageCache;
class ProxyCredentials;
class SecretStore;

//! The Settings dialog from opening to applying: it is shown with the saved values (and whether
//! the keychain holds a key), its buttons act at once (clear the image cache, forget the key,
//! test a connection), and what was accepted is saved, applied to the objects it concerns
//! (apply()), and makes ApiConnection reconnect when the address, the mode or the key changed.
class SettingsFlow final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsFlow)

public:
    //! The objects the settings act on; nothing is owned. \a notifier may be null.
    struct Targets {
        ApiClient *client = nullptr;
        ImageCache *images = nullptr;
        ChatController *chat = nullptr;
        ChatTargetModel *models = nullptr; //!< the default model is chosen among its models
        DesktopNotifier *notifier = nullptr;
        TitleGenerator *titles = nullptr; //!< may be null
        //! The proxy's sign-in (its password in the keychain); null: the proxy is applied
        //! without one.
        ProxyCredentials *proxy = nullptr;
    };

    SettingsFlow(ApiConnection *connection, SecretStore *secrets, Targets targets, QWidget *window,
                 QObject *parent = nullptr);

    //! The interface language in use ("" for the system's). A language chosen in the dialog
    //! is installed when it is saved, and every window retranslates at once.
    void setRunningLanguage(const QString &language) { m_runningLanguage = language; }

    //! Reads whether a key is in the keychain (unless it comes from the environment), then
    //! opens the dialog.
    void show();
    //! Opens the dialog (modal) saying where the key comes from.
    void open(SettingsDialog::KeySource keySource);
    //! Applies the settings that take effect at once besides the language and the
    //! connection (open() handles those): request timeout, image cache size, proxy, theme,
    //! notifications, default model.
    void apply(const SettingsDialog::Values &values);

    //! The connection to use after the dialog's \a chosen values replaced \a saved (the values
    //! it was opened with; \a wasDemo: running the demo then), or nothing when the connection
    //! stays as it is. \a current is the configuration in use (its key when \a keySource is
    //! the environment); \a ready: the API could be asked.
    static std::optional<ConnectionConfig>
    connectionAfter(const SettingsDialog::Values &saved, bool wasDemo,
                    const SettingsDialog::Values &chosen, const ConnectionConfig &current,
                    SettingsDialog::KeySource keySource, bool ready);

private:
    QStringList modelChoices() const;
    //! apply() but the proxy.
    void applyAllButProxy(const SettingsDialog::Values &values);

    ApiConnection *m_connection;
    SecretStore *m_secrets;
    Targets m_targets;
    QPointer<QWidget> m_window;
    QString m_runningLanguage;
};

} // namespace Tramontane
