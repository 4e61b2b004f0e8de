// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ConnectionConfig.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Tramontane::ConnectionConfig;
using Mode = ConnectionConfig::Mode;
using KeySource = ConnectionConfig::KeySource;

class TestConnectionConfig : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void resolve_data();
    void resolve();
    void validateBaseUrl_data();
    void validateBaseUrl();
};

void TestConnectionConfig::resolve_data() {
    QTest::addColumn<bool>("demoFlag");
    QTest::addColumn<QString>("urlArg");
    QTest::addColumn<QString>("urlEnv");
    QTest::addColumn<QString>("keyEnv");
    QTest::addColumn<QString>("settingsMode");
    QTest::addColumn<QString>("settingsUrl");
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<KeySource>("keySource");
    QTest::addColumn<QString>("baseUrl");

    const QString api = u"https://api.mistral.ai"_s;
    QTest::newRow("first start: keychain, else welcome")
        << false << QString() << QString() << QString() << QString() << QString() << Mode::Api
        << KeySource::Keychain << api;
    QTest::newRow("env key: real API") << false << QString() << QString() << u"sk-1"_s << QString()
                                       << QString() << Mode::Api << KeySource::Environment << api;
    QTest::newRow("blank env key ignored")
        << false << QString() << QString() << u"  "_s << QString() << QString() << Mode::Api
        << KeySource::Keychain << api;
    QTest::newRow("first start keeps a configured address")
        << false << QString() << QString() << QString() << QString() << u"https://eu.example.test"_s
        << Mode::Api << KeySource::Keychain << u"https://eu.example.test"_s;
    QTest::newRow("demo flag beats env key")
        << true << QString() << QString() << u"sk-1"_s << u"api"_s << QString() << Mode::Demo
        << KeySource::Emulator << QString();
    QTest::newRow("settings api: keychain")
        << false << QString() << QString() << QString() << u"api"_s << QString() << Mode::Api
        << KeySource::Keychain << api;
    QTest::newRow("settings api with address")
        << false << QString() << QString() << QString() << u"api"_s << u"https://eu.example.test"_s
        << Mode::Api << KeySource::Keychain << u"https://eu.example.test"_s;
    QTest::newRow("settings demo stays demo")
        << false << QString() << QString() << QString() << u"demo"_s << QString() << Mode::Demo
        << KeySource::Emulator << QString();
    QTest::newRow("argument beats env url")
        << false << u"http://127.0.0.1:9000"_s << u"https://env.example.test"_s << u"k"_s
        << QString() << QString() << Mode::Api << KeySource::Environment
        << u"http://127.0.0.1:9000"_s;
    QTest::newRow("env url beats settings url")
        << false << QString() << u"https://env.example.test"_s << QString() << u"api"_s
        << u"https://settings.example.test"_s << Mode::Api << KeySource::Keychain
        << u"https://env.example.test"_s;
}

void TestConnectionConfig::resolve() {
    QFETCH(bool, demoFlag);
    QFETCH(QString, urlArg);
    QFETCH(QString, urlEnv);
    QFETCH(QString, keyEnv);
    QFETCH(QString, settingsMode);
    QFETCH(QString, settingsUrl);
    QFETCH(Mode, mode);
    QFETCH(KeySource, keySource);
    QFETCH(QString, baseUrl);

    const auto c =
        ConnectionConfig::resolve({demoFlag, urlArg, urlEnv, keyEnv, settingsMode, settingsUrl});
    QCOMPARE(c.mode, mode);
    QCOMPARE(c.keySource, keySource);
    QCOMPARE(c.baseUrl.toString(), baseUrl);
    QVERIFY(!c.reason.isEmpty());
    // Only a start where nothing was chosen (no flag, no key, no address, no saved mode)
    // welcomes the person.
    QCOMPARE(c.firstRun, !demoFlag && urlArg.isEmpty() && urlEnv.isEmpty()
                             && keyEnv.trimmed().isEmpty() && settingsMode.isEmpty());
    if (keySource == KeySource::Environment)
        QCOMPARE(c.apiKey, keyEnv.trimmed());
    else
        QVERIFY(c.apiKey.isEmpty());
}

void TestConnectionConfig::validateBaseUrl_data() {
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("ok");
    QTest::newRow("https") << u"https://api.mistral.ai"_s << true;
    QTest::newRow("loopback http") << u"http://127.0.0.1:8080"_s << true;
    QTest::newRow("localhost http") << u"http://localhost:8080"_s << true;
    QTest::newRow("ipv6 loopback") << u"http://[::1]:8080"_s << true;
    QTest::newRow("remote http") << u"http://api.example.test"_s << false;
    QTest::newRow("lookalike host") << u"http://127.0.0.1.example.test"_s << false;
    QTest::newRow("file") << u"file:///etc/passwd"_s << false;
    QTest::newRow("garbage") << u"not a url"_s << false;
}

void TestConnectionConfig::validateBaseUrl() {
    QFETCH(QString, url);
    QFETCH(bool, ok);
    const QString error = ConnectionConfig::validateBaseUrl(QUrl(url));
    QCOMPARE(error.isEmpty(), ok);
}

QTEST_GUILESS_MAIN(TestConnectionConfig)
#include "tst_connectionconfig.moc"
