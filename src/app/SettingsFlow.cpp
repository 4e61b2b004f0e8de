// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/SettingsFlow.h"

#include "app/ApiConnection.h"
#include "app/AppSettings.h"
#include "app/ProxyCredentials.h"
#include "app/Translations.h"
#include "core/auth/SecretStore.h"
#include "core/net/ApiClient.h"
#include "core/storage/ImageCache.h"
#include "models/ChatController.h"
#include "models/ChatTargetModel.h"
#include "models/TitleGenerator.h"
#include "ui/DesktopNotifier.h"
#include "ui/Theme.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace Tramontane {

SettingsFlow::SettingsFlow(ApiConnection *connection, SecretStore *secrets, Targets targets,
                           QWidget *window, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_secrets(secrets)
    , m_targets(targets)
    , m_window(window) {}

void SettingsFlow::show() {
    if (m_connection->config().keySource == ConnectionConfig::KeySource::Environment) {
        open(SettingsDialog::KeySource::Environment);
        return;
    }
    // The dialog says a key is stored only when the keychain really holds one.
    m_secrets->read(SecretStore::apiKeyEntry(), this, [this](const SecretStore::Result &r) {
        open(r.ok && r.value && !r.value->isEmpty() ? SettingsDialog::KeySource::Keychain
                                                    : SettingsDialog::KeySource::None);
    });
}

QStringList SettingsFlow::modelChoices() const {
    QStringList models;
    for (int row = 0; row < m_targets.models->rowCount(); ++row) {
        const ChatTargetModel::Target target = m_targets.models->targetAt(row);
        if (target.kind == ChatTargetModel::Kind::Model && !target.id.isEmpty())
            models << target.id;
    }
    return models;
}

void SettingsFlow::open(SettingsDialog::KeySource keySource) {
    QSettings settings;
    SettingsDialog dialog(m_window);
    const SettingsDialog::Values saved = AppSettings::read(settings);
    const bool wasDemo = m_connection->config().mode == ConnectionConfig::Mode::Demo;
    SettingsDialog::Values shown = saved;
    shown.demo = wasDemo;
    dialog.setValues(shown, keySource);
    dialog.setRunningLanguage(m_runningLanguage);
    dialog.setModelChoices(modelChoices());
    ImageCache *images = m_targets.images;
    const auto showUsage = [images, &dialog] {
        dialog.setCacheUsage(images->totalBytes(), images->count());
    };
    showUsage();
    connect(&dialog, &SettingsDialog::clearCacheRequested, this, [images, showUsage] {
        images->clear();
        showUsage();
    });
    connect(&dialog, &SettingsDialog::forgetKeyRequested, this, [this, &dialog] {
        QPointer<SettingsDialog> open(&dialog);
        m_connection->forgetKey(&dialog, [open](const QString &error) {
            if (open)
                open->keyForgetFinished(error);
        });
    });
    dialog.setTester([this](const QUrl &baseUrl, const QString &key, QObject *context,
                            std::function<void(const QString &)> done) {
        m_connection->checkKey(baseUrl, key, context, std::move(done));
    });
    if (m_targets.proxy) {
        QPointer<SettingsDialog> shownDialog(&dialog);
        m_targets.proxy->checkStored(&dialog, [shownDialog](bool stored) {
            if (shownDialog)
                shownDialog->setProxyPasswordStored(stored);
        });
    }
    if (dialog.exec() != QDialog::Accepted)
        return;
    const SettingsDialog::Values chosen = dialog.values();
    AppSettings::write(settings, chosen);
    if (m_targets.proxy)
        m_targets.proxy->save(chosen.proxy, chosen.proxyPassword);
    else
        chosen.proxy.apply();
    applyAllButProxy(chosen);
    if (chosen.language != m_runningLanguage) {
        // Every window retranslates on the LanguageChange event the new translator posts.
        m_runningLanguage = chosen.language;
        installTranslations(QCoreApplication::instance(), chosen.language.isEmpty()
                                                              ? QLocale::system()
                                                              : QLocale(chosen.language));
    }

    const std::optional<ConnectionConfig> next = connectionAfter(
        saved, wasDemo, chosen, m_connection->config(), keySource, m_connection->isReady());
    if (!next)
        return;
    const bool keyTyped = !chosen.demo && !chosen.apiKey.isEmpty()
                          && keySource != SettingsDialog::KeySource::Environment;
    m_connection->reconnect(*next, keyTyped ? chosen.apiKey : QString());
}

void SettingsFlow::apply(const SettingsDialog::Values &values) {
    if (m_targets.proxy)
        m_targets.proxy->apply(values.proxy);
    else
        values.proxy.apply();
    applyAllButProxy(values);
}

void SettingsFlow::applyAllButProxy(const SettingsDialog::Values &values) {
    m_targets.client->setTransferTimeout(std::chrono::seconds(values.requestTimeoutSeconds));
    m_targets.images->setMaxBytes(qint64(values.imageCacheMegabytes) * 1024 * 1024);
    applyTheme(values.theme);
    if (m_targets.notifier)
        m_targets.notifier->setEnabled(values.notifications);
    m_targets.chat->setDefaultModel(values.defaultModel);
    m_targets.chat->setNewChatDefaults(values.newChatDefaults);
    if (m_targets.titles)
        m_targets.titles->setEnabled(values.chatTitles);
}

std::optional<ConnectionConfig>
SettingsFlow::connectionAfter(const SettingsDialog::Values &saved, bool wasDemo,
                              const SettingsDialog::Values &chosen, const ConnectionConfig &current,
                              SettingsDialog::KeySource keySource, bool ready) {
    const bool changed = chosen.demo != wasDemo || chosen.baseUrl != saved.baseUrl
                         || !chosen.apiKey.isEmpty() || !ready;
    if (!changed)
        return std::nullopt;
    const bool fromEnvironment = keySource == SettingsDialog::KeySource::Environment;
    ConnectionConfig::Inputs in;
    in.settingsMode = chosen.demo ? u"demo"_s : u"api"_s;
    in.settingsBaseUrl = chosen.baseUrl.toString();
    in.apiKeyEnv = fromEnvironment ? current.apiKey : QString();
    in.demoFlag = chosen.demo;
    return ConnectionConfig::resolve(in);
}

} // namespace Tramontane
