// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/SecretStore.h"

#include <QDir>
#include <QDirIterator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

// Runs one store operation and waits for its callback.
template<typename Op>
SecretStore::Result runSync(Op op) {
    QObject context;
    std::optional<SecretStore::Result> result;
    op(&context, [&result](const SecretStore::Result &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000))
        return SecretStore::Result{false, std::nullopt, u"timed out"_s};
    return *result;
}

bool haveSessionKeyring() {
    return !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")
           && !qEnvironmentVariableIsEmpty("TRAMONTANE_TEST_HOME");
}

} // namespace

class TestSecretStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void memory_roundTrip();
    void memory_failure_reportsError();
    void memory_deadContext_skipsCallback();
    void keychain_roundTrip();
    void keychain_secretNeverInPlainFiles();
    void keychain_storeGoneMidRemoval_removalCompletes();
};

void TestSecretStore::memory_roundTrip() {
    MemorySecretStore store;
    QSignalSpy changed(&store, &SecretStore::changed);
    auto r = runSync([&](QObject *c, auto cb) { store.read(u"k"_s, c, cb); });
    QVERIFY(r.ok);
    QVERIFY(!r.value.has_value());
    QVERIFY(runSync([&](QObject *c, auto cb) { store.write(u"k"_s, u"v"_s, c, cb); }).ok);
    r = runSync([&](QObject *c, auto cb) { store.read(u"k"_s, c, cb); });
    QCOMPARE(r.value.value_or(QString()), u"v"_s);
    QVERIFY(runSync([&](QObject *c, auto cb) { store.remove(u"k"_s, c, cb); }).ok);
    r = runSync([&](QObject *c, auto cb) { store.read(u"k"_s, c, cb); });
    QVERIFY(!r.value.has_value());
    QCOMPARE(changed.count(), 2);
}

void TestSecretStore::memory_failure_reportsError() {
    MemorySecretStore store;
    store.setFailure(u"No keychain"_s);
    const auto r = runSync([&](QObject *c, auto cb) { store.write(u"k"_s, u"v"_s, c, cb); });
    QVERIFY(!r.ok);
    QCOMPARE(r.error, u"No keychain"_s);
    QVERIFY(store.keys().isEmpty());
}

void TestSecretStore::memory_deadContext_skipsCallback() {
    MemorySecretStore store;
    bool called = false;
    {
        QObject context;
        store.read(u"k"_s, &context, [&called](const SecretStore::Result &) { called = true; });
    }
    QTest::qWait(20); // nothing to wait for: proving a callback does NOT come
    QVERIFY(!called);
}

void TestSecretStore::keychain_roundTrip() {
    if (!haveSessionKeyring())
        QSKIP("needs the private session bus and keyring that scripts/test provides");
    const QString service = u"Tramontane-test-"_s + QUuid::createUuid().toString(QUuid::Id128);
    KeychainSecretStore store(service);
    const QString secret = u"sk-test-"_s + QUuid::createUuid().toString(QUuid::Id128);
    auto r = runSync([&](QObject *c, auto cb) { store.write(u"api"_s, secret, c, cb); });
    QVERIFY2(r.ok, qPrintable(r.error));
    r = runSync([&](QObject *c, auto cb) { store.read(u"api"_s, c, cb); });
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.value.value_or(QString()), secret);
    QVERIFY(runSync([&](QObject *c, auto cb) { store.remove(u"api"_s, c, cb); }).ok);
    r = runSync([&](QObject *c, auto cb) { store.read(u"api"_s, c, cb); });
    QVERIFY(r.ok);
    QVERIFY(!r.value.has_value());
}

void TestSecretStore::keychain_storeGoneMidRemoval_removalCompletes() {
    if (!haveSessionKeyring())
        QSKIP("needs the private session bus and keyring that scripts/test provides");
    // Deleting a connector removes its entries as the app may be closing: the store (and the
    // page that asked) can go first. The removals still complete, and nothing calls into
    // what was destroyed.
    const QString service = u"Tramontane-test-"_s + QUuid::createUuid().toString(QUuid::Id128);
    QStringList keys;
    for (int i = 0; i < 8; ++i)
        keys << u"entry-%1"_s.arg(i);
    {
        KeychainSecretStore store(service);
        for (const QString &key : std::as_const(keys))
            QVERIFY(runSync([&](QObject *c, auto cb) { store.write(key, u"v"_s, c, cb); }).ok);
        QObject context;
        for (const QString &key : std::as_const(keys))
            store.remove(key, &context, [](const SecretStore::Result &) {});
    } // the store and the context die with the removals on their way
    KeychainSecretStore reader(service);
    for (const QString &key : std::as_const(keys)) {
        QTRY_VERIFY_WITH_TIMEOUT(
            !runSync([&](QObject *c, auto cb) { reader.read(key, c, cb); }).value.has_value(),
            10000);
    }
}

void TestSecretStore::keychain_secretNeverInPlainFiles() {
    if (!haveSessionKeyring())
        QSKIP("needs the private session bus and keyring that scripts/test provides");
    // With the insecure fallback off, QtKeychain must not write the value to a settings file.
    QStandardPaths::setTestModeEnabled(true);
    const QString service = u"Tramontane-test-"_s + QUuid::createUuid().toString(QUuid::Id128);
    KeychainSecretStore store(service);
    const QString secret = u"canary-"_s + QUuid::createUuid().toString(QUuid::Id128);
    QVERIFY(runSync([&](QObject *c, auto cb) { store.write(u"canary"_s, secret, c, cb); }).ok);
    const QStringList roots{QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation),
                            QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)};
    for (const QString &root : roots) {
        QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.size() < 10 * 1024 * 1024 && f.open(QIODevice::ReadOnly))
                QVERIFY2(!f.readAll().contains(secret.toUtf8()), qPrintable(f.fileName()));
        }
    }
    QVERIFY(runSync([&](QObject *c, auto cb) { store.remove(u"canary"_s, c, cb); }).ok);
}

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
