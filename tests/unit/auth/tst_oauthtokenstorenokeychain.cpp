// SPDX-License-Identifier: GPL-3.0-or-later
// OAuth tokens with the real keychain wrapper and no Secret Service to talk to: they are kept
// in memory for the session, the user is told once, and nothing reaches a file.
#include "core/auth/OAuthTokenStore.h"
#include "core/auth/SecretStore.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace Tramontane;

class TestOAuthTokenStoreNoKeychain : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void noSecretService_keepsTokensInMemory();
};

void TestOAuthTokenStoreNoKeychain::noSecretService_keepsTokensInMemory() {
    KeychainSecretStore keychain(u"Tramontane-test-"_s
                                 + QUuid::createUuid().toString(QUuid::Id128));
    OAuthTokenStore store(&keychain);
    QSignalSpy unavailable(&store, &OAuthTokenStore::keychainUnavailable);
    OAuthTokens tokens;
    tokens.accessToken = u"canary-access-"_s + QUuid::createUuid().toString(QUuid::Id128);
    tokens.refreshToken = u"canary-refresh-"_s + QUuid::createUuid().toString(QUuid::Id128);

    QObject context;
    std::optional<bool> persisted;
    store.save(u"wiki"_s, tokens, &context, [&](bool p, const QString &) { persisted = p; });
    QTRY_VERIFY_WITH_TIMEOUT(persisted.has_value(), 30000);
    QVERIFY(!*persisted);
    QCOMPARE(unavailable.size(), 1);
    QVERIFY(!unavailable.first().first().toString().isEmpty());
    QVERIFY(store.isSessionOnly());

    std::optional<OAuthTokens> loaded;
    bool done = false;
    store.load(u"wiki"_s, &context, [&](const std::optional<OAuthTokens> &t, const QString &) {
        loaded = t;
        done = true;
    });
    QTRY_VERIFY(done);
    QVERIFY(loaded);
    QCOMPARE(loaded->refreshToken, tokens.refreshToken);

    // No plain-file fallback anywhere under the test's home.
    const QStringList roots{QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation),
                            QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)};
    for (const QString &root : roots) {
        QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.size() < 10 * 1024 * 1024 && f.open(QIODevice::ReadOnly))
                QVERIFY2(!f.readAll().contains(tokens.refreshToken.toUtf8()),
                         qPrintable(f.fileName()));
        }
    }
}

int main(int argc, char *argv[]) {
    // A session bus that does not exist: the keychain cannot be reached, whatever the machine.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/tramontane-test-bus");
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication app(argc, argv);
    TestOAuthTokenStoreNoKeychain test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_oauthtokenstorenokeychain.moc"
