// SPDX-License-Identifier: GPL-3.0-or-later
// Bad starts give one clear sentence and a way on, never a crash: a damaged settings file is
// put aside, a data folder that cannot be written and a history locked by another program are
// named with what to do, and without a secret service on the bus the welcome page says that
// the key cannot be kept, yet a working key still connects.
#include "app/Application.h"
#include "app/SettingsFileCheck.h"
#include "core/SettingsKeys.h"
#include "core/auth/SecretStore.h"
#include "core/storage/ConversationStore.h"
#include "ui/MainWindow.h"
#include "ui/WelcomePage.h"

#include "support/EmulatorProcess.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

class TestRobustStart : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void damagedSettings_setAsideAndDefaultsUsed();
    void unwritableDataFolder_saysHowToGoOn();
    void readOnlyProfileFolder_saysHowToGoOn();
    void lockedHistory_saysAnotherProgramHoldsIt();
    void noSecretService_welcomeSaysSo_keyStillConnects();

private:
    QTemporaryDir m_home;
};

void TestRobustStart::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"TramontaneTest"_s);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_home.filePath(u"conf"_s));
    QSettings::setDefaultFormat(QSettings::IniFormat);
}

void TestRobustStart::damagedSettings_setAsideAndDefaultsUsed() {
    const QString path = QSettings().fileName();
    QDir().mkpath(QFileInfo(path).absolutePath());
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[connection\nmode=api\n"); // an unclosed section: a format error
    }
    // Not read here: QSettings reports a format error only to the instance that parsed the
    // file, and the check must be that one (as it is at start).

    const QString sentence =
        checkSettingsFile(QDateTime(QDate(2026, 12, 7), QTime(12, 0), Qt::UTC));
    const QString aside = path + u".damaged-20261207-120000"_s;
    QVERIFY2(sentence.contains(QDir::toNativeSeparators(aside)), qPrintable(sentence));
    QVERIFY2(sentence.contains("default settings"_L1), qPrintable(sentence));
    QVERIFY(QFile::exists(aside)); // kept, not deleted
    QVERIFY(!QFile::exists(path));

    // The app goes on with defaults, and new settings are saved.
    {
        QSettings settings;
        QCOMPARE(settings.status(), QSettings::NoError);
        settings.setValue(SettingsKeys::theme, u"dark"_s);
    }
    QCOMPARE(QSettings().value(SettingsKeys::theme).toString(), u"dark"_s);
    QVERIFY(checkSettingsFile().isEmpty()); // a sound file is left alone
}

void TestRobustStart::unwritableDataFolder_saysHowToGoOn() {
    // A file where the data folder should be: no user, root included, can create it.
    const QString blocker = m_home.filePath(u"blocker"_s);
    {
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    Application app(ConnectionConfig::resolve({true, {}, {}, {}, {}, {}}),
                    blocker + u"/profiles/default"_s);
    QString error;
    StoreError::Kind kind = StoreError::Kind::None;
    QVERIFY(!app.start(&error, &kind));
    QCOMPARE(kind, StoreError::Kind::CannotOpen);
    QVERIFY2(error.contains("cannot be created"_L1) && error.contains("XDG_DATA_HOME"_L1),
             qPrintable(error));
    QVERIFY(!app.window());
}

void TestRobustStart::readOnlyProfileFolder_saysHowToGoOn() {
    const QString profile = m_home.filePath(u"readonly"_s);
    QVERIFY(QDir().mkpath(profile));
    QVERIFY(QFile::setPermissions(profile, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    const auto restore = qScopeGuard([&] {
        QFile::setPermissions(profile, QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                           | QFileDevice::ExeOwner);
    });
    if (QFile probe(profile + u"/probe"_s); probe.open(QIODevice::WriteOnly)) {
        probe.remove();
        QSKIP("this user writes into read-only folders (root): nothing to test");
    }
    Application app(ConnectionConfig::resolve({true, {}, {}, {}, {}, {}}), profile);
    QString error;
    QVERIFY(!app.start(&error));
    QVERIFY2(error.contains("read-only"_L1) && error.contains("XDG_DATA_HOME"_L1),
             qPrintable(error));
}

void TestRobustStart::lockedHistory_saysAnotherProgramHoldsIt() {
    const QString profile = m_home.filePath(u"locked"_s);
    { // A history from an earlier start.
        Application first(ConnectionConfig::resolve({false, {}, {}, {}, u"api"_s, {}}), profile);
        first.setSecretStore(std::make_unique<MemorySecretStore>());
        QString error;
        QVERIFY2(first.start(&error), qPrintable(error));
    }
    QProcess holder;
    holder.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    holder.start(qEnvironmentVariable("LOCKCHILD"),
                 {QDir(profile).filePath(ConversationStore::databaseFileName())});
    QVERIFY2(holder.waitForStarted(), qPrintable(holder.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(holder.canReadLine() || holder.state() != QProcess::Running, 10000);
    QCOMPARE(holder.readLine().trimmed(), QByteArray("locked"));

    Application app(ConnectionConfig::resolve({false, {}, {}, {}, u"api"_s, {}}), profile);
    app.setSecretStore(std::make_unique<MemorySecretStore>());
    QString error;
    StoreError::Kind kind = StoreError::Kind::None;
    QVERIFY(!app.start(&error, &kind));
    QCOMPARE(kind, StoreError::Kind::Locked);
    QVERIFY2(error.contains("locked by another program"_L1), qPrintable(error));

    holder.closeWriteChannel();
    QVERIFY(holder.waitForFinished(10000));
    // Once the other program lets go, the history opens.
    Application again(ConnectionConfig::resolve({false, {}, {}, {}, u"api"_s, {}}), profile);
    again.setSecretStore(std::make_unique<MemorySecretStore>());
    QVERIFY2(again.start(&error), qPrintable(error));
}

void TestRobustStart::noSecretService_welcomeSaysSo_keyStillConnects() {
    Test::EmulatorProcess emulator;
    QVERIFY2(emulator.start(u"test-key"_s, {u"--demo"_s}), qPrintable(emulator.errorString()));
    ConnectionConfig::Inputs in;
    in.settingsBaseUrl = emulator.baseUrl().toString();
    // The real keychain, on a bus where no secret service answers (see main()).
    Application app(ConnectionConfig::resolve(in), m_home.filePath(u"nokeychain"_s));
    QString error;
    QVERIFY2(app.start(&error), qPrintable(error));
    MainWindow *window = app.window();
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    WelcomePage *welcome = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((welcome = window->findChild<WelcomePage *>()) && welcome->isVisible(),
                             30000);
    auto *status = welcome->findChild<QLabel *>(u"statusLabel"_s);
    QVERIFY2(status->text().contains("keychain cannot be used"_L1), qPrintable(status->text()));

    welcome->findChild<QLineEdit *>(u"apiKeyLineEdit"_s)->setText(u"test-key"_s);
    welcome->findChild<QPushButton *>(u"connectPushButton"_s)->click();
    QTRY_VERIFY_WITH_TIMEOUT(!welcome->isVisible(), 30000);
    QVERIFY2(window->statusBar()->currentMessage().contains("could not be kept"_L1),
             qPrintable(window->statusBar()->currentMessage()));
    auto *targets = window->findChild<QComboBox *>(u"targetComboBox"_s);
    QTRY_VERIFY_WITH_TIMEOUT(targets->count() > 0, 15000);
}

int main(int argc, char *argv[]) {
    // No secret service: the session bus is a socket that does not exist.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/tramontane-test-bus");
    QApplication app(argc, argv);
    TestRobustStart test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_robuststart.moc"
