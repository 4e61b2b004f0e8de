// SPDX-License-Identifier: GPL-3.0-or-later
// Settings in the whole app: every field saved applies at once (theme, proxy, timeout,
// notifications) and lands in the profile's settings file, the key in the keychain only and in
// no file of the profile; the image cache shows its use and clears; Forget Key deletes the
// keychain entry.
#include "app/Application.h"
#include "app/Profile.h"
#include "app/Translations.h"
#include "core/SettingsKeys.h"
#include "core/auth/SecretStore.h"
#include "core/net/ApiClient.h"
#include "core/storage/ImageCache.h"
#include "models/TitleGenerator.h"
#include "ui/DesktopNotifier.h"
#include "ui/MainWindow.h"
#include "ui/SettingsDialog.h"
#include "ui/Theme.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkProxyFactory>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

// Answers the settings dialog each time it opens (the app opens it modally).
std::unique_ptr<QTimer> answerSettings(std::function<void(SettingsDialog *)> answer) {
    auto timer = std::make_unique<QTimer>();
    timer->setInterval(20);
    QObject::connect(timer.get(), &QTimer::timeout, [answer] {
        if (QApplication::activeModalWidget()
            && !qobject_cast<SettingsDialog *>(QApplication::activeModalWidget()))
            return; // a message box of the dialog is open
        for (QWidget *w : QApplication::topLevelWidgets()) {
            auto *dialog = qobject_cast<SettingsDialog *>(w);
            if (dialog && dialog->isVisible()) {
                answer(dialog);
                return;
            }
        }
    });
    timer->start();
    return timer;
}

// An API address where nothing listens: the app asks nothing of it in these tests.
ConnectionConfig apiConfig() {
    ConnectionConfig::Inputs in;
    in.settingsMode = u"api"_s;
    in.baseUrlArgument = u"http://127.0.0.1:9"_s;
    return ConnectionConfig::resolve(in);
}

QString imageCacheDir(const QString &profile) {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation))
        .filePath(profile + u"/images"_s);
}

} // namespace

class TestSettingsApply : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void everyFieldSaved_appliesAtOnce_keyInNoFile();
    void imageCache_showsUseAndClears();
    void forgetKey_deletesTheKeychainEntry();
    void defaultModel_chosenAtOnceInAnEmptyChat();
};

void TestSettingsApply::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
}

void TestSettingsApply::cleanup() {
    applyTheme(Theme::System);
    ProxySettings().apply();
    // A language saved in Settings applies at once: the next test starts in English again.
    installTranslations(QCoreApplication::instance(), QLocale(QLocale::English));
}

void TestSettingsApply::everyFieldSaved_appliesAtOnce_keyInNoFile() {
    const QString profile = u"secrets-"_s + QString::number(QCoreApplication::applicationPid());
    Profile::useSettingsOf(profile);
    const QString profileDir = Profile::directory(profile);
    const QString canary = u"sk-canary-7f3a9c2e41d8b6"_s;
    Application app(apiConfig(), profileDir);
    auto secrets = std::make_unique<MemorySecretStore>();
    MemorySecretStore *store = secrets.get();
    app.setSecretStore(std::move(secrets));

    bool saved = false;
    const auto answerer = answerSettings([&](SettingsDialog *d) {
        if (saved) {
            d->reject();
            return;
        }
        saved = true;
        d->findChild<QRadioButton *>(u"apiRadioButton"_s)->setChecked(true);
        d->findChild<QLineEdit *>(u"apiKeyLineEdit"_s)->setText(canary);
        d->findChild<QLineEdit *>(u"baseUrlLineEdit"_s)->setText(u"http://127.0.0.1:9"_s);
        d->findChild<QComboBox *>(u"defaultModelComboBox"_s)
            ->setEditText(u"mistral-small-latest"_s);
        d->findChild<QSpinBox *>(u"requestTimeoutSpinBox"_s)->setValue(77);
        auto *theme = d->findChild<QComboBox *>(u"themeComboBox"_s);
        theme->setCurrentIndex(theme->findData(u"dark"_s));
        auto *language = d->findChild<QComboBox *>(u"languageComboBox"_s);
        language->setCurrentIndex(language->findData(u"de"_s));
        d->findChild<QRadioButton *>(u"manualProxyRadioButton"_s)->setChecked(true);
        d->findChild<QLineEdit *>(u"proxyHostLineEdit"_s)->setText(u"proxy.example"_s);
        d->findChild<QSpinBox *>(u"proxyPortSpinBox"_s)->setValue(8080);
        d->findChild<QCheckBox *>(u"notificationsCheckBox"_s)->setChecked(false);
        auto *titles = d->findChild<QCheckBox *>(u"chatTitlesCheckBox"_s);
        QVERIFY(titles->isChecked()); // on by default
        titles->setChecked(false);
        d->findChild<QSpinBox *>(u"imageCacheSpinBox"_s)->setValue(64);
        d->accept();
    });
    QString error;
    QVERIFY2(app.start(&error), qPrintable(error));
    // No key yet: Settings open by themselves; the answerer fills and saves them.
    QTRY_VERIFY_WITH_TIMEOUT(saved, 15000);
    QTRY_VERIFY(store->keys().contains(SecretStore::apiKeyEntry()));

    // Applied at once.
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
    const QList<QNetworkProxy> proxies = QNetworkProxyFactory::proxyForQuery(
        QNetworkProxyQuery(QUrl(u"https://api.mistral.ai/v1/models"_s)));
    QVERIFY(!proxies.isEmpty());
    QCOMPARE(proxies.first().hostName(), u"proxy.example"_s);
    QCOMPARE(proxies.first().port(), quint16(8080));
    QList<ApiClient *> clients = app.findChildren<ApiClient *>(Qt::FindDirectChildrenOnly);
    QCOMPARE(clients.size(), 1);
    QCOMPARE(clients.first()->transferTimeout(), std::chrono::milliseconds(77000));
    QVERIFY(!app.findChild<DesktopNotifier *>()->isEnabled());
    QVERIFY(!app.findChild<TitleGenerator *>()->isEnabled());

    // In the profile's settings file, every field but the key.
    QSettings settings;
    QVERIFY(QFileInfo(settings.fileName()).absoluteFilePath().startsWith(profileDir));
    QCOMPARE(settings.value(SettingsKeys::theme).toString(), u"dark"_s);
    QCOMPARE(settings.value(SettingsKeys::language).toString(), u"de"_s);
    QCOMPARE(settings.value(SettingsKeys::proxyMode).toString(), u"manual"_s);
    QCOMPARE(settings.value(SettingsKeys::requestTimeoutSeconds).toInt(), 77);
    QCOMPARE(settings.value(SettingsKeys::imageCacheMegabytes).toInt(), 64);
    QCOMPARE(settings.value(SettingsKeys::defaultModel).toString(), u"mistral-small-latest"_s);
    QCOMPARE(settings.value(SettingsKeys::notificationsEnabled).toBool(), false);
    QCOMPARE(settings.value(SettingsKeys::chatTitlesGenerated).toBool(), false);

    // The key in no file of the profile folder, whatever its name or format.
    int files = 0;
    QDirIterator it(profileDir, QDir::Files | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        ++files;
        const QByteArray bytes = file.readAll();
        QVERIFY2(!bytes.contains(canary.toUtf8()), qPrintable(file.fileName()));
        QVERIFY2(!bytes.contains(canary.toUtf8().toBase64()), qPrintable(file.fileName()));
    }
    QVERIFY(files >= 2); // at least the settings and the history
}

void TestSettingsApply::imageCache_showsUseAndClears() {
    const QString profile = u"cache-"_s + QString::number(QCoreApplication::applicationPid());
    {
        ImageCache cache(imageCacheDir(profile));
        QVERIFY(cache.insert(u"file-1"_s, QByteArray(300 * 1024, 'x')).ok());
        QVERIFY(cache.insert(u"file-2"_s, QByteArray(300 * 1024, 'y')).ok());
    }
    Application app(apiConfig(), Profile::directory(profile));
    app.setSecretStore(std::make_unique<MemorySecretStore>());
    QStringList usage;
    bool cleared = false;
    const auto answerer = answerSettings([&](SettingsDialog *d) {
        auto *label = d->findChild<QLabel *>(u"cacheUsageLabel"_s);
        auto *clear = d->findChild<QPushButton *>(u"clearCachePushButton"_s);
        if (!cleared) {
            usage << label->text();
            cleared = true;
            clear->click();
            usage << label->text();
            QVERIFY(!clear->isEnabled());
        }
        d->reject();
    });
    QString error;
    QVERIFY2(app.start(&error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(cleared, 15000);
    QCOMPARE(usage.size(), 2);
    QVERIFY2(usage.at(0).contains("600.0 kB"_L1) && usage.at(0).contains("2 image"_L1),
             qPrintable(usage.at(0)));
    QVERIFY2(usage.at(1).contains("0 image"_L1), qPrintable(usage.at(1)));
    QCOMPARE(QDir(imageCacheDir(profile)).entryList(QDir::Files).size(), 0);
}

void TestSettingsApply::forgetKey_deletesTheKeychainEntry() {
    const QString profile = u"forget-"_s + QString::number(QCoreApplication::applicationPid());
    Application app(apiConfig(), Profile::directory(profile));
    auto secrets = std::make_unique<MemorySecretStore>();
    MemorySecretStore *store = secrets.get();
    bool written = false;
    store->write(SecretStore::apiKeyEntry(), u"stored-key-0123456789"_s, this,
                 [&written](const SecretStore::Result &r) { written = r.ok; });
    QTRY_VERIFY(written);
    app.setSecretStore(std::move(secrets));
    QString error;
    QVERIFY2(app.start(&error), qPrintable(error));

    QString sourceBefore;
    QString sourceAfter;
    const auto answerer = answerSettings([&](SettingsDialog *d) {
        auto *label = d->findChild<QLabel *>(u"keySourceLabel"_s);
        if (sourceBefore.isEmpty()) {
            sourceBefore = label->text();
            // Confirm the question that the button asks.
            QTimer::singleShot(50, [] {
                if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                    for (QAbstractButton *b : box->buttons()) {
                        if (b->text() == u"Forget Key"_s)
                            b->click();
                    }
                }
            });
            d->findChild<QPushButton *>(u"forgetKeyPushButton"_s)->click();
            return;
        }
        if (label->text().contains("deleted"_L1)) {
            sourceAfter = label->text();
            d->reject();
        }
    });
    Q_EMIT app.window()->settingsRequested();
    QTRY_VERIFY_WITH_TIMEOUT(!sourceAfter.isEmpty(), 15000);
    QVERIFY2(sourceBefore.contains("keychain"_L1), qPrintable(sourceBefore));
    QVERIFY(!store->keys().contains(SecretStore::apiKeyEntry()));
}

void TestSettingsApply::defaultModel_chosenAtOnceInAnEmptyChat() {
    QVERIFY(!qEnvironmentVariableIsEmpty("TRAMONTANE_EMULATOR"));
    const QString profile = u"model-"_s + QString::number(QCoreApplication::applicationPid());
    Profile::useSettingsOf(profile); // a fresh settings file: no default model yet
    Application app(ConnectionConfig::resolve({true, {}, {}, {}, {}, {}}),
                    Profile::directory(profile));
    app.setSecretStore(std::make_unique<MemorySecretStore>());
    QString error;
    QVERIFY2(app.start(&error), qPrintable(error));
    MainWindow *window = app.window();
    window->show();
    auto *targets = window->findChild<QComboBox *>(u"targetComboBox"_s);
    QTRY_VERIFY_WITH_TIMEOUT(targets->count() > 0, 20000);
    QTRY_VERIFY2(targets->currentText().contains("Medium"_L1, Qt::CaseInsensitive),
                 qPrintable(targets->currentText()));

    bool answered = false;
    const auto answerer = answerSettings([&](SettingsDialog *d) {
        if (!answered) {
            answered = true;
            auto *model = d->findChild<QComboBox *>(u"defaultModelComboBox"_s);
            QVERIFY(model->findText(u"mistral-small-latest"_s) >= 0); // offered from the list
            model->setEditText(u"mistral-small-latest"_s);
            d->accept();
        }
    });
    Q_EMIT window->settingsRequested();
    QTRY_VERIFY_WITH_TIMEOUT(answered, 15000);
    QTRY_VERIFY2(targets->currentText().contains("Small"_L1, Qt::CaseInsensitive),
                 qPrintable(targets->currentText()));
}

QTEST_MAIN(TestSettingsApply)
#include "tst_settingsapply.moc"
