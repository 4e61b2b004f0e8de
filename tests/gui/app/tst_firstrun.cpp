// SPDX-License-Identifier: GPL-3.0-or-later
// A first start without a key, against the emulator: the welcome page instead of a silent
// demo; a wrong key gets one clear sentence; the right one is checked with GET /v1/models,
// kept in the keychain (the real one when the test session provides it), said so, and used;
// or the offline demo is chosen. A key in the keychain skips the welcome.
#include "app/Application.h"
#include "core/SettingsKeys.h"
#include "core/auth/SecretStore.h"
#include "ui/MainWindow.h"
#include "ui/SettingsDialog.h"
#include "ui/WelcomePage.h"

#include "support/EmulatorProcess.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScopeGuard>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

// What a first start resolves to: nothing chosen, the address saved in the settings.
ConnectionConfig firstStart(const QUrl &baseUrl) {
    ConnectionConfig::Inputs in;
    in.settingsBaseUrl = baseUrl.toString();
    return ConnectionConfig::resolve(in);
}

bool keychainAvailable() {
    return !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")
           && !qEnvironmentVariableIsEmpty("TRAMONTANE_TEST_HOME");
}

} // namespace

class TestFirstRun : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void noKey_welcomes_wrongKeySaysSo_rightKeyStoredAndUsed();
    void noKey_welcomes_demoChosen();
    void noKey_firstStartDemo_opensTheDemoAtOnce();
    void keyInKeychain_noWelcome();
    void welcome_demoChosenInSettings_leavesTheWelcome();
    void realKeychain_keyStoredThere();

private:
    //! Runs the welcome flow with \a secrets; returns the app once connected.
    void connectThroughWelcome(std::unique_ptr<SecretStore> secrets, const QString &profile);

    QTemporaryDir m_home;
    Test::EmulatorProcess m_emulator;
};

void TestFirstRun::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.path());
    QVERIFY(!qEnvironmentVariableIsEmpty("TRAMONTANE_EMULATOR"));
    QVERIFY2(m_emulator.start(u"test-key"_s, {u"--demo"_s}), qPrintable(m_emulator.errorString()));
}

void TestFirstRun::init() {
    QSettings().clear();
}

void TestFirstRun::connectThroughWelcome(std::unique_ptr<SecretStore> secrets,
                                         const QString &profile) {
    Application app(firstStart(m_emulator.baseUrl()), m_home.filePath(profile));
    app.setSecretStore(std::move(secrets));
    QString error;
    QVERIFY2(app.start(&error), qPrintable(error));
    MainWindow *window = app.window();
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));

    WelcomePage *welcome = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((welcome = window->findChild<WelcomePage *>()) && welcome->isVisible(),
                             15000);
    auto *key = welcome->findChild<QLineEdit *>(u"apiKeyLineEdit"_s);
    auto *connectButton = welcome->findChild<QPushButton *>(u"connectPushButton"_s);
    auto *status = welcome->findChild<QLabel *>(u"statusLabel"_s);
    QCOMPARE(key->echoMode(), QLineEdit::Password);
    QVERIFY(!connectButton->isEnabled()); // nothing typed yet

    // A wrong key: one clear sentence, and the page stays.
    key->setText(u"wrong-key"_s);
    connectButton->click();
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains("did not accept this key"_L1), 15000);
    QVERIFY(welcome->isVisible());
    QVERIFY(key->isEnabled());

    // The right one: stored, said so, and used (the models list of the account arrives).
    key->setText(m_emulator.apiKey());
    connectButton->click();
    QTRY_VERIFY_WITH_TIMEOUT(!welcome->isVisible(), 15000);
    QVERIFY2(window->statusBar()->currentMessage().contains("stored in the system keychain"_L1),
             qPrintable(window->statusBar()->currentMessage()));
    QCOMPARE(QSettings().value(SettingsKeys::connectionMode).toString(), u"api"_s);
    auto *targets = window->findChild<QComboBox *>(u"targetComboBox"_s);
    QTRY_VERIFY_WITH_TIMEOUT(targets->count() > 0, 15000);
}

void TestFirstRun::noKey_welcomes_wrongKeySaysSo_rightKeyStoredAndUsed() {
    auto secrets = std::make_unique<MemorySecretStore>();
    MemorySecretStore *store = secrets.get();
    // Kept alive past the app: connectThroughWelcome destroys the app, not the store's values.
    connectThroughWelcome(std::move(secrets), u"memory"_s);
    Q_UNUSED(store);
}

void TestFirstRun::noKey_welcomes_demoChosen() {
    Application app(firstStart(m_emulator.baseUrl()), m_home.filePath(u"demo"_s));
    app.setSecretStore(std::make_unique<MemorySecretStore>());
    QString error;
    QVERIFY2(app.start(&error), qPrintable(error));
    MainWindow *window = app.window();
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    WelcomePage *welcome = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((welcome = window->findChild<WelcomePage *>()) && welcome->isVisible(),
                             15000);
    welcome->findChild<QPushButton *>(u"demoPushButton"_s)->click();
    QVERIFY(!welcome->isVisible());
    QCOMPARE(QSettings().value(SettingsKeys::connectionMode).toString(), u"demo"_s);
    // The bundled emulator starts and fills the picker.
    auto *targets = window->findChild<QComboBox *>(u"targetComboBox"_s);
    QTRY_VERIFY_WITH_TIMEOUT(targets->count() > 0, 20000);
}

void TestFirstRun::noKey_firstStartDemo_opensTheDemoAtOnce() {
    // What scripts/run asks for: no welcome, the demo at once, and nothing remembered.
    qputenv("TRAMONTANE_FIRST_START", "demo");
    const auto unset = qScopeGuard([] { qunsetenv("TRAMONTANE_FIRST_START"); });
    Application app(firstStart(m_emulator.baseUrl()), m_home.filePath(u"run-script"_s));
    app.setSecretStore(std::make_unique<MemorySecretStore>());
    QString error;
    QVERIFY2(app.start(&error), qPrintable(error));
    MainWindow *window = app.window();
    window->show();
    auto *targets = window->findChild<QComboBox *>(u"targetComboBox"_s);
    QTRY_VERIFY_WITH_TIMEOUT(targets->count() > 0, 20000);
    auto *welcome = window->findChild<WelcomePage *>();
    QVERIFY(!welcome || !welcome->isVisible());
    QVERIFY(QSettings().value(SettingsKeys::connectionMode).toString().isEmpty());
}

void TestFirstRun::keyInKeychain_noWelcome() {
    auto secrets = std::make_unique<MemorySecretStore>();
    bool written = false;
    secrets->write(SecretStore::apiKeyEntry(), m_emulator.apiKey(), this,
                   [&written](const SecretStore::Result &r) { written = r.ok; });
    QTRY_VERIFY(written);
    Application app(firstStart(m_emulator.baseUrl()), m_home.filePath(u"stored"_s));
    app.setSecretStore(std::move(secrets));
    QString error;
    QVERIFY2(app.start(&error), qPrintable(error));
    MainWindow *window = app.window();
    window->show();
    auto *targets = window->findChild<QComboBox *>(u"targetComboBox"_s);
    QTRY_VERIFY_WITH_TIMEOUT(targets->count() > 0, 15000);
    auto *welcome = window->findChild<WelcomePage *>();
    QVERIFY(!welcome || !welcome->isVisible());
}

void TestFirstRun::welcome_demoChosenInSettings_leavesTheWelcome() {
    Application app(firstStart(m_emulator.baseUrl()), m_home.filePath(u"viasettings"_s));
    app.setSecretStore(std::make_unique<MemorySecretStore>());
    QString error;
    QVERIFY2(app.start(&error), qPrintable(error));
    MainWindow *window = app.window();
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    WelcomePage *welcome = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((welcome = window->findChild<WelcomePage *>()) && welcome->isVisible(),
                             15000);
    // The person opens Settings from the rail instead and chooses the offline demo there.
    bool answered = false;
    QTimer answerer;
    answerer.setInterval(20);
    connect(&answerer, &QTimer::timeout, this, [&answered] {
        auto *dialog = qobject_cast<SettingsDialog *>(QApplication::activeModalWidget());
        if (!dialog || answered)
            return;
        answered = true;
        dialog->findChild<QRadioButton *>(u"demoRadioButton"_s)->setChecked(true);
        dialog->accept();
    });
    answerer.start();
    Q_EMIT window->settingsRequested();
    QTRY_VERIFY_WITH_TIMEOUT(answered, 15000);
    QTRY_VERIFY(!welcome->isVisible());
    QCOMPARE(window->currentPage(), MainWindow::Page::Chat);
    auto *targets = window->findChild<QComboBox *>(u"targetComboBox"_s);
    QTRY_VERIFY_WITH_TIMEOUT(targets->count() > 0, 20000);
}

void TestFirstRun::realKeychain_keyStoredThere() {
    if (!keychainAvailable())
        QSKIP("needs the private session bus and keyring that scripts/test provides");
    const QString profile = u"keychain-"_s + QString::number(QCoreApplication::applicationPid());
    const QString service = u"Tramontane/"_s + profile;
    connectThroughWelcome(std::make_unique<KeychainSecretStore>(service), profile);
    KeychainSecretStore keychain(service);
    std::optional<QString> stored;
    bool read = false;
    keychain.read(SecretStore::apiKeyEntry(), this, [&](const SecretStore::Result &r) {
        read = true;
        if (r.ok)
            stored = r.value;
    });
    QTRY_VERIFY_WITH_TIMEOUT(read, 15000);
    QCOMPARE(stored.value_or(QString()), m_emulator.apiKey());
    bool removed = false;
    keychain.remove(SecretStore::apiKeyEntry(), this,
                    [&removed](const SecretStore::Result &) { removed = true; });
    QTRY_VERIFY(removed);
}

QTEST_MAIN(TestFirstRun)
#include "tst_firstrun.moc"
