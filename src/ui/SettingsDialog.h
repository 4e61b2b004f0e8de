// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/ProxySettings.h"
#include "core/protocol/ChatSettings.h"
#include "ui/Theme.h"

#include <QDialog>
#include <QUrl>

#include <functional>
#include <memory>

namespace Tramontane {

namespace Ui {
class SettingsDialog;
}

class ChatSettingsPanel;

//! Every setting of the app, in tabs: the connection (offline demo or the Mistral platform,
//! the API key kept in the keychain by the caller and never here, the API address, the default
//! model, the request timeout), the settings new chats start with, the appearance (theme,
//! language), the network (proxy) and privacy and storage (notifications, the image cache). The
//! caller applies the values on Save, the language included (every window retranslates; a
//! status line already shown keeps its words until it changes, and the dialog says so).
class SettingsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    struct Values {
        bool demo = true;
        QString apiKey;       //!< empty: keep the stored key
        QUrl baseUrl;         //!< empty: the default address
        QString defaultModel; //!< empty: the one used last
        int requestTimeoutSeconds = 30;
        Theme theme = Theme::System;
        QString language; //!< "en", "fr", "de"; empty: the system's
        ProxySettings proxy;
        //! Typed in the Network tab for the proxy's user; empty: keep the stored one. Goes to
        //! the keychain, never to the settings file.
        QString proxyPassword;
        bool notifications = true;
        bool chatTitles = true; //!< chats are named by a small model (TitleGenerator)
        int imageCacheMegabytes = 512;
        //! What each new chat starts with (instructions, temperature, …).
        ChatSettings newChatDefaults;
        friend bool operator==(const Values &, const Values &) = default;
    };
    //! Where the key in use comes from.
    enum class KeySource { None, Keychain, Environment };
    //! Tests a connection: calls back with an empty string on success, else the problem.
    using Tester = std::function<void(const QUrl &baseUrl, const QString &apiKey, QObject *context,
                                      std::function<void(const QString &problem)> done)>;

    explicit SettingsDialog(QWidget *parent = nullptr);
    ~SettingsDialog() override;

    //! \a keySource says whether a key is in the keychain (shown as such, never the key itself)
    //! or comes from MISTRAL_API_KEY (then it cannot be edited: the environment wins).
    void setValues(const Values &values, KeySource keySource);
    Values values() const;
    void setTester(Tester tester) { m_tester = std::move(tester); }
    //! The models offered as the default (the field also takes any id).
    void setModelChoices(const QStringList &modelIds);
    //! The language the running app shows ("" for the system's), to say what a change does.
    void setRunningLanguage(const QString &language);
    //! Whether the keychain holds a proxy password (shown as such, never the password).
    void setProxyPasswordStored(bool stored);
    //! What the image cache holds now.
    void setCacheUsage(qint64 bytes, int files);
    //! The outcome of forgetKeyRequested(): an empty \a problem means the key is gone.
    void keyForgetFinished(const QString &problem);

    void accept() override;

Q_SIGNALS:
    //! The person confirmed deleting the stored key from the keychain.
    void forgetKeyRequested();
    void clearCacheRequested();

private:
    void setKeySource(KeySource source);
    void updateEnabled();
    void updateLanguageNote();
    void testConnection();
    void confirmForgetKey();
    QString validationProblem() const;

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    Tester m_tester;
    KeySource m_keySource = KeySource::None;
    QString m_runningLanguage;
    ChatSettingsPanel *m_newChatPanel;
};

} // namespace Tramontane
