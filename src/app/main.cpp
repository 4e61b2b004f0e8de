// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/Application.h"
#include "app/Profile.h"
#include "app/SettingsFileCheck.h"
#include "app/SingleInstance.h"
#include "app/Translations.h"
#include "core/ConnectionConfig.h"
#include "core/MemoryTuning.h"
#include "core/SettingsKeys.h"
#include "core/ThreadPoolTuning.h"
#include "core/net/ApiClient.h"
#include "core/net/Redactor.h"
#include "core/storage/ConversationStore.h"
#include "ui/MainWindow.h"
#include "ui/markdown/CodeHighlighter.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

// The history file is damaged: offer to put it aside and start a new one, or to quit and
// leave everything as it is (someone may want to repair it first).
bool offerNewHistory(const QString &problem, const QString &profileDir) {
    QMessageBox box(QMessageBox::Warning, u"Tramontane"_s, problem);
    box.setInformativeText(QApplication::translate(
        "main", "Tramontane can keep the damaged file beside a new, empty history; nothing is "
                "deleted. Or quit, and the file stays where it is."));
    QPushButton *fresh = box.addButton(QApplication::translate("main", "Start a New History"),
                                       QMessageBox::AcceptRole);
    box.addButton(QApplication::translate("main", "Quit"), QMessageBox::RejectRole);
    box.setDefaultButton(fresh);
    box.exec();
    if (box.clickedButton() != fresh)
        return false;
    const auto aside = ConversationStore::setAsideDamaged(profileDir);
    if (!aside.ok()) {
        QMessageBox::critical(nullptr, u"Tramontane"_s, aside.error().message);
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char *argv[]) {
    tuneMemoryAllocator();
    QApplication app(argc, argv);
    applyThreadExpiryFromEnvironment();
    QApplication::setApplicationName(u"Tramontane"_s);
    QApplication::setOrganizationName(u"Tramontane"_s);
    QApplication::setApplicationVersion(QStringLiteral(TRAMONTANE_VERSION));
    QApplication::setDesktopFileName(u"io.github.tramontane_app.Tramontane"_s);
    QApplication::setWindowIcon(QIcon(u":/icons/tramontane.svg"_s));
    // Every log line goes through the redactor: no key or token reaches a log.
    Redactor::installMessageHandler();
    installTranslations(&app, QLocale::system());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "A native desktop client for Mistral AI."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption baseUrl(
        u"base-url"_s,
        QApplication::translate("main", "Send requests to <url> instead of the Mistral API."),
        u"url"_s);
    const QCommandLineOption demo(
        u"demo"_s, QApplication::translate("main", "Run against the bundled offline emulator."));
    const QCommandLineOption profile(
        u"profile"_s,
        QApplication::translate("main", "Keep history and settings in profile <name>."), u"name"_s,
        Profile::defaultName);
    parser.addOptions({baseUrl, demo, profile});
    parser.process(app);

    const QString profileName = parser.value(profile);
    if (!Profile::isValidName(profileName)) {
        QMessageBox::critical(nullptr, u"Tramontane"_s,
                              QApplication::translate("main", "A profile name may contain letters, "
                                                              "digits, '_' and '-' only."));
        return 2;
    }
    Profile::useSettingsOf(profileName);
    // A second start of the same profile brings the running window forward.
    SingleInstance instance(Profile::directory(profileName));
    if (instance.activateRunning())
        return 0;
    instance.listen();

    // A damaged settings file is put aside before anything reads it; the person is told.
    const QString settingsProblem = checkSettingsFile();
    if (!settingsProblem.isEmpty())
        QMessageBox::warning(nullptr, u"Tramontane"_s, settingsProblem);
    QSettings settings;
    // The language chosen in Settings, now that the profile's settings are known.
    const QString language = settings.value(SettingsKeys::language).toString();
    if (!language.isEmpty())
        installTranslations(&app, QLocale(language));
    ConnectionConfig::Inputs in;
    in.demoFlag = parser.isSet(demo);
    in.baseUrlArgument = parser.value(baseUrl);
    in.baseUrlEnv = qEnvironmentVariable("TRAMONTANE_BASE_URL");
    in.apiKeyEnv = qEnvironmentVariable("MISTRAL_API_KEY");
    in.settingsMode = settings.value(SettingsKeys::connectionMode).toString();
    in.settingsBaseUrl = settings.value(SettingsKeys::connectionBaseUrl).toString();
    const ConnectionConfig config = ConnectionConfig::resolve(in);
    if (config.mode == ConnectionConfig::Mode::Api) {
        const QString problem = ApiClient::checkBaseUrl(config.baseUrl);
        if (!problem.isEmpty()) {
            QMessageBox::critical(nullptr, u"Tramontane"_s, problem);
            return 2;
        }
    }

    // Code highlighting's language definitions, parsed on a worker while the window starts,
    // so the first code block on screen does not wait for them. Not before this point: the
    // returns and exits above (--version, a running instance) must not leave a worker behind.
    CodeHighlighter::preloadInBackground();

    const QString profileDir = Profile::directory(profileName);
    Application application(config, profileDir);
    application.setRunningLanguage(language);
    QString error;
    StoreError::Kind failure = StoreError::Kind::None;
    bool started = application.start(&error, &failure);
    if (!started && failure == StoreError::Kind::Damaged && offerNewHistory(error, profileDir))
        started = application.start(&error, &failure);
    if (!started) {
        QMessageBox::critical(nullptr, u"Tramontane"_s, error);
        return 1;
    }
    QWidget *window = application.window();
    window->show();
    QObject::connect(&instance, &SingleInstance::activationRequested, window, [window] {
        window->setWindowState(window->windowState() & ~Qt::WindowMinimized);
        window->show();
        window->raise();
        window->activateWindow();
        QApplication::alert(window);
    });
    return app.exec();
}
