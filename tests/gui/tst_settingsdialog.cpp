// SPDX-License-Identifier: GPL-3.0-or-later
// The Settings dialog alone: every field round-trips, the key is shown by where it comes from
// and forgotten only after a confirmation, a manual proxy needs a host, and a language change
// says it needs a restart.
#include "ui/SettingsDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

SettingsDialog::Values everyFieldChanged() {
    SettingsDialog::Values v;
    v.demo = false;
    v.apiKey = u"typed-key"_s;
    v.baseUrl = QUrl(u"https://eu.example.com"_s);
    v.defaultModel = u"mistral-small-latest"_s;
    v.requestTimeoutSeconds = 77;
    v.theme = Theme::Dark;
    v.language = u"de"_s;
    v.proxy = {ProxySettings::Mode::Manual, u"proxy.example"_s, 8080};
    v.proxy.type = ProxySettings::Type::Socks5;
    v.proxy.user = u"alice"_s;
    v.proxyPassword = u"typed-proxy-password"_s;
    v.notifications = false;
    v.imageCacheMegabytes = 128;
    return v;
}

// Clicks \a buttonText in the next message box that opens.
void answerNextMessageBox(const QString &buttonText) {
    QTimer::singleShot(0, [buttonText] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box) {
            answerNextMessageBox(buttonText);
            return;
        }
        for (QAbstractButton *b : box->buttons()) {
            if (b->text() == buttonText) {
                b->click();
                return;
            }
        }
        box->reject();
    });
}

} // namespace

class TestSettingsDialog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyField_roundTrips();
    void keySource_saysWhereTheKeyComesFrom();
    void forgetKey_onlyAfterConfirmation();
    void manualProxyWithoutHost_cannotBeSaved();
    void proxySignIn_socksUserAndPassword();
    void languageChange_saysWhatAppliesAtOnce();
    void cacheUsage_shownAndClearable();
};

void TestSettingsDialog::everyField_roundTrips() {
    SettingsDialog dialog;
    const SettingsDialog::Values v = everyFieldChanged();
    dialog.setValues(v, SettingsDialog::KeySource::Keychain);
    QCOMPARE(dialog.values(), v);
    SettingsDialog::Values defaults;
    defaults.proxy.port = 8080;
    defaults.proxy.host = u"proxy.example"_s; // kept for later, unused while not manual
    dialog.setValues(defaults, SettingsDialog::KeySource::None);
    QCOMPARE(dialog.values(), defaults);
}

void TestSettingsDialog::keySource_saysWhereTheKeyComesFrom() {
    SettingsDialog dialog;
    auto *label = dialog.findChild<QLabel *>(u"keySourceLabel"_s);
    auto *key = dialog.findChild<QLineEdit *>(u"apiKeyLineEdit"_s);
    auto *forget = dialog.findChild<QPushButton *>(u"forgetKeyPushButton"_s);
    SettingsDialog::Values v;
    v.demo = false;
    dialog.setValues(v, SettingsDialog::KeySource::Environment);
    QVERIFY2(label->text().contains("MISTRAL_API_KEY"_L1), qPrintable(label->text()));
    QVERIFY(key->isReadOnly());
    QVERIFY(!forget->isEnabled()); // the environment's key is not ours to delete
    QCOMPARE(key->echoMode(), QLineEdit::Password);
    dialog.setValues(v, SettingsDialog::KeySource::Keychain);
    QVERIFY2(label->text().contains("keychain"_L1), qPrintable(label->text()));
    QVERIFY(!key->isReadOnly());
    QVERIFY(forget->isEnabled());
    dialog.setValues(v, SettingsDialog::KeySource::None);
    QVERIFY(!forget->isEnabled());
    // Without a key the platform cannot be chosen until one is typed.
    auto *save = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
    QVERIFY(!save->isEnabled());
    key->setText(u"new-key"_s);
    QVERIFY(save->isEnabled());
}

void TestSettingsDialog::forgetKey_onlyAfterConfirmation() {
    SettingsDialog dialog;
    SettingsDialog::Values v;
    v.demo = false;
    dialog.setValues(v, SettingsDialog::KeySource::Keychain);
    QSignalSpy forgets(&dialog, &SettingsDialog::forgetKeyRequested);
    auto *forget = dialog.findChild<QPushButton *>(u"forgetKeyPushButton"_s);

    answerNextMessageBox(QDialogButtonBox(QDialogButtonBox::Cancel).buttons().first()->text());
    forget->click();
    QCOMPARE(forgets.size(), 0);

    answerNextMessageBox(u"Forget Key"_s);
    forget->click();
    QCOMPARE(forgets.size(), 1);
    dialog.keyForgetFinished(QString());
    auto *label = dialog.findChild<QLabel *>(u"keySourceLabel"_s);
    QVERIFY2(label->text().contains("deleted"_L1), qPrintable(label->text()));
    QVERIFY(!forget->isEnabled());
    QCOMPARE(dialog.findChild<QLineEdit *>(u"apiKeyLineEdit"_s)->placeholderText(),
             u"Paste the key from console.mistral.ai"_s);

    // A keychain that fails says why and keeps the button.
    dialog.setValues(v, SettingsDialog::KeySource::Keychain);
    answerNextMessageBox(u"Forget Key"_s);
    forget->click();
    dialog.keyForgetFinished(u"The keychain is locked."_s);
    QCOMPARE(label->text(), u"The keychain is locked."_s);
    QVERIFY(forget->isEnabled());
}

void TestSettingsDialog::manualProxyWithoutHost_cannotBeSaved() {
    SettingsDialog dialog;
    dialog.setValues({}, SettingsDialog::KeySource::None);
    auto *save = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
    auto *host = dialog.findChild<QLineEdit *>(u"proxyHostLineEdit"_s);
    QVERIFY(save->isEnabled());
    QVERIFY(!host->isEnabled());
    dialog.findChild<QRadioButton *>(u"manualProxyRadioButton"_s)->setChecked(true);
    QVERIFY(host->isEnabled());
    QVERIFY(!save->isEnabled());
    host->setText(u"proxy.example"_s);
    QVERIFY(save->isEnabled());
    QCOMPARE(dialog.values().proxy.mode, ProxySettings::Mode::Manual);
}

void TestSettingsDialog::proxySignIn_socksUserAndPassword() {
    SettingsDialog dialog;
    dialog.setValues({}, SettingsDialog::KeySource::None);
    auto *type = dialog.findChild<QComboBox *>(u"proxyTypeComboBox"_s);
    auto *user = dialog.findChild<QLineEdit *>(u"proxyUserLineEdit"_s);
    auto *password = dialog.findChild<QLineEdit *>(u"proxyPasswordLineEdit"_s);
    QVERIFY(type);
    QVERIFY(user);
    QVERIFY(password);
    QCOMPARE(password->echoMode(), QLineEdit::Password);
    QVERIFY(!type->isEnabled() && !user->isEnabled() && !password->isEnabled());
    dialog.findChild<QRadioButton *>(u"manualProxyRadioButton"_s)->setChecked(true);
    dialog.findChild<QLineEdit *>(u"proxyHostLineEdit"_s)->setText(u"socks.example"_s);
    QVERIFY(type->isEnabled() && user->isEnabled());
    QVERIFY(!password->isEnabled()); // a password without a user name means nothing
    type->setCurrentIndex(type->findText(u"SOCKS5"_s));
    user->setText(u"alice"_s);
    QVERIFY(password->isEnabled());
    password->setText(u"pw"_s);
    const SettingsDialog::Values v = dialog.values();
    QCOMPARE(v.proxy.type, ProxySettings::Type::Socks5);
    QCOMPARE(v.proxy.user, u"alice"_s);
    QCOMPARE(v.proxyPassword, u"pw"_s);
    // The stored password is never shown, only said to be there.
    QVERIFY(!password->placeholderText().contains("stored"_L1));
    dialog.setProxyPasswordStored(true);
    QVERIFY(password->placeholderText().contains("stored in the keychain"_L1));
}

void TestSettingsDialog::languageChange_saysWhatAppliesAtOnce() {
    SettingsDialog dialog;
    dialog.setRunningLanguage(u"fr"_s);
    SettingsDialog::Values v;
    v.language = u"fr"_s;
    dialog.setValues(v, SettingsDialog::KeySource::None);
    auto *note = dialog.findChild<QLabel *>(u"languageRestartLabel"_s);
    auto *languages = dialog.findChild<QComboBox *>(u"languageComboBox"_s);
    QVERIFY(!note->text().contains("new language"_L1));
    languages->setCurrentIndex(languages->findData(u"de"_s));
    QVERIFY2(note->text().contains("new language applies as soon as you save"_L1),
             qPrintable(note->text()));
    QCOMPARE(dialog.values().language, u"de"_s);
    // The list names the three languages and the system's choice.
    QCOMPARE(languages->count(), 4);
    QVERIFY(languages->findText(u"Deutsch"_s) >= 0);
    QVERIFY(languages->findText(u"Français"_s) >= 0);
    QVERIFY(languages->findText(u"English"_s) >= 0);
}

void TestSettingsDialog::cacheUsage_shownAndClearable() {
    SettingsDialog dialog;
    auto *usage = dialog.findChild<QLabel *>(u"cacheUsageLabel"_s);
    auto *clear = dialog.findChild<QPushButton *>(u"clearCachePushButton"_s);
    dialog.setCacheUsage(3 * 1024 * 1024, 2);
    QVERIFY2(usage->text().contains("3.0 MB"_L1) && usage->text().contains("2 image"_L1),
             qPrintable(usage->text()));
    QSignalSpy clears(&dialog, &SettingsDialog::clearCacheRequested);
    QVERIFY(clear->isEnabled());
    clear->click();
    QCOMPARE(clears.size(), 1);
    dialog.setCacheUsage(0, 0);
    QVERIFY(!clear->isEnabled());
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
