// SPDX-License-Identifier: GPL-3.0-or-later
// SettingsFlow::connectionAfter(): which settings accepted in the dialog make the app connect
// again, and to what (the whole flow runs in tst_settingsapply and tst_firstrun).
#include "app/SettingsFlow.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

class TestSettingsFlow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void connectionAfter_data();
    void connectionAfter();
    void connectionAfter_environmentKeyIsKept();
};

namespace {

using KeySource = SettingsDialog::KeySource;

SettingsDialog::Values values(bool demo, const QString &baseUrl, const QString &key = {}) {
    SettingsDialog::Values v;
    v.demo = demo;
    v.baseUrl = QUrl(baseUrl);
    v.apiKey = key;
    return v;
}

} // namespace

void TestSettingsFlow::connectionAfter_data() {
    QTest::addColumn<SettingsDialog::Values>("saved");
    QTest::addColumn<bool>("wasDemo");
    QTest::addColumn<SettingsDialog::Values>("chosen");
    QTest::addColumn<bool>("ready");
    QTest::addColumn<bool>("reconnects");
    QTest::addColumn<int>("mode"); // ConnectionConfig::Mode when it reconnects
    QTest::addColumn<QString>("baseUrl");

    const QString a = u"https://a.example"_s;
    const QString b = u"https://b.example"_s;
    const int api = int(ConnectionConfig::Mode::Api);
    const int demo = int(ConnectionConfig::Mode::Demo);
    QTest::newRow("nothing changed")
        << values(false, a) << false << values(false, a) << true << false << 0 << QString();
    QTest::newRow("other address")
        << values(false, a) << false << values(false, b) << true << true << api << b;
    QTest::newRow("key typed") << values(false, a) << false << values(false, a, u"k"_s) << true
                               << true << api << a;
    QTest::newRow("not ready yet")
        << values(false, a) << false << values(false, a) << false << true << api << a;
    QTest::newRow("to the demo") << values(false, a) << false << values(true, a) << true << true
                                 << demo << QString();
    QTest::newRow("from the demo")
        << values(true, a) << true << values(false, a) << true << true << api << a;
    // Demo in the file but running the API (a --base-url): the choice is what counts.
    QTest::newRow("demo saved, API running")
        << values(true, a) << false << values(true, a) << true << true << demo << QString();
}

void TestSettingsFlow::connectionAfter() {
    QFETCH(SettingsDialog::Values, saved);
    QFETCH(bool, wasDemo);
    QFETCH(SettingsDialog::Values, chosen);
    QFETCH(bool, ready);
    QFETCH(bool, reconnects);
    QFETCH(int, mode);
    QFETCH(QString, baseUrl);
    const std::optional<ConnectionConfig> next = SettingsFlow::connectionAfter(
        saved, wasDemo, chosen, ConnectionConfig{}, KeySource::Keychain, ready);
    QCOMPARE(next.has_value(), reconnects);
    if (!next)
        return;
    QCOMPARE(int(next->mode), mode);
    if (!baseUrl.isEmpty())
        QCOMPARE(next->baseUrl, QUrl(baseUrl));
    QVERIFY(next->apiKey.isEmpty()); // a typed key goes to the keychain, not the configuration
    QVERIFY(!next->firstRun);
}

void TestSettingsFlow::connectionAfter_environmentKeyIsKept() {
    ConnectionConfig current;
    current.apiKey = u"env-key"_s;
    current.keySource = ConnectionConfig::KeySource::Environment;
    const auto next = SettingsFlow::connectionAfter(values(false, u"https://a.example"_s), false,
                                                    values(false, u"https://b.example"_s), current,
                                                    KeySource::Environment, true);
    QVERIFY(next);
    QCOMPARE(next->apiKey, u"env-key"_s);
    QCOMPARE(next->keySource, ConnectionConfig::KeySource::Environment);
    // From the keychain, the environment's key is not carried over.
    const auto fromKeychain = SettingsFlow::connectionAfter(
        values(false, u"https://a.example"_s), false, values(false, u"https://b.example"_s),
        current, KeySource::Keychain, true);
    QVERIFY(fromKeychain);
    QVERIFY(fromKeychain->apiKey.isEmpty());
}

QTEST_MAIN(TestSettingsFlow)
#include "tst_settingsflow.moc"
