// SPDX-License-Identifier: GPL-3.0-or-later
// Which keychain entries a connector or an agent owns, their removal, and which headers count
// as authentication.
#include "core/auth/OAuthConnectorConfig.h"
#include "core/auth/SecretStore.h"
#include "core/protocol/Agent.h"
#include "core/protocol/Connector.h"
#include "core/services/ConnectorPolicy.h"
#include "core/services/OwnedSecrets.h"
#include "core/services/ToolCredentials.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

Connector connectorWithHeaders() {
    Connector c;
    c.id = u"5c1d5a4e-0000-4000-8000-00000000000a"_s;
    c.name = u"notes"_s;
    c.supportedAuthMethods = QJsonArray{QJsonObject{
        {"method_type"_L1, u"none"_s},
        {"global_headers"_L1,
         QJsonObject{
             {"Authorization"_L1, QJsonObject{{"value"_L1, u""_s}, {"is_secret"_L1, true}}},
             {"Accept-Language"_L1, QJsonObject{{"value"_L1, u"fr"_s}, {"is_secret"_L1, false}}}}},
        {"headers"_L1, QJsonArray{QJsonObject{{"name"_L1, u"X-Api-Key"_s}}}}}};
    return c;
}

bool write(SecretStore *store, const QString &entry) {
    bool done = false;
    QObject context;
    store->write(entry, u"value"_s, &context, [&](const SecretStore::Result &) { done = true; });
    return QTest::qWaitFor([&] { return done; }, 5000);
}

} // namespace

class TestOwnedSecrets : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void connector_ownsHeadersCredentialsAndSignIn();
    void agent_ownsNothingOfItsConnectors();
    void remove_leavesOtherEntries();
    void authenticationHeader_data();
    void authenticationHeader();
    void authenticationHeaders_onlySecretOnes();
};

void TestOwnedSecrets::connector_ownsHeadersCredentialsAndSignIn() {
    const Connector c = connectorWithHeaders();
    const QStringList entries = OwnedSecrets::ofConnector(c);
    const QStringList expected{
        SecretStore::connectorHeaderEntry(c.id, u"Accept-Language"_s),
        SecretStore::connectorHeaderEntry(c.id, u"Authorization"_s),
        SecretStore::connectorHeaderEntry(c.id, u"X-Api-Key"_s),
        ToolCredentials::entry(c.id),
        SecretStore::oauthTokenEntry(c.id),
        ToolCredentials::entry(c.name),
        SecretStore::oauthTokenEntry(c.name),
        OAuthConnectorConfig::clientSecretEntry(c.id),
    };
    QCOMPARE(entries, expected);
    QVERIFY(OwnedSecrets::ofConnector(Connector()).isEmpty());
}

void TestOwnedSecrets::agent_ownsNothingOfItsConnectors() {
    // The credentials given in the agent editor are the connector's: every agent and chat
    // using the connector shares them, so deleting one agent must keep them.
    Agent agent;
    agent.id = u"ag_1"_s;
    agent.tools = {Tool::connector(u"notes"_s)};
    QVERIFY(OwnedSecrets::ofAgent(agent).isEmpty());
}

void TestOwnedSecrets::remove_leavesOtherEntries() {
    MemorySecretStore store;
    const Connector c = connectorWithHeaders();
    for (const QString &entry : OwnedSecrets::ofConnector(c))
        QVERIFY(write(&store, entry));
    const QString other = ToolCredentials::entry(u"another-connector"_s);
    QVERIFY(write(&store, other));
    QVERIFY(write(&store, SecretStore::apiKeyEntry()));

    std::optional<bool> ok;
    QObject context;
    OwnedSecrets::remove(&store, OwnedSecrets::ofConnector(c), &context,
                         [&](bool success, const QString &) { ok = success; });
    QVERIFY(!ok.has_value()); // later, never from within the call
    QTRY_VERIFY(ok.has_value());
    QVERIFY(*ok);
    QList<QString> keys = store.keys();
    std::sort(keys.begin(), keys.end());
    QCOMPARE(keys, (QList<QString>{other, SecretStore::apiKeyEntry()}));

    // A store that refuses: the callback says so.
    store.setFailure(u"locked"_s);
    std::optional<QString> error;
    OwnedSecrets::remove(&store, {other}, &context,
                         [&](bool, const QString &message) { error = message; });
    QTRY_VERIFY(error.has_value());
    QCOMPARE(*error, u"locked"_s);
}

void TestOwnedSecrets::authenticationHeader_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("authenticates");
    QTest::newRow("Authorization") << u"Authorization"_s << true;
    QTest::newRow("lower case") << u"authorization"_s << true;
    QTest::newRow("Proxy-Authorization") << u"Proxy-Authorization"_s << true;
    QTest::newRow("X-Api-Key") << u"X-Api-Key"_s << true;
    QTest::newRow("X-API-KEY") << u"X-API-KEY"_s << true;
    QTest::newRow("Api-Key") << u"Api-Key"_s << true;
    QTest::newRow("X-Auth-Token") << u"X-Auth-Token"_s << true;
    QTest::newRow("Private-Token") << u"Private-Token"_s << true;
    QTest::newRow("Accept-Language") << u"Accept-Language"_s << false;
    QTest::newRow("X-Tenant") << u"X-Tenant"_s << false;
}

void TestOwnedSecrets::authenticationHeader() {
    QFETCH(QString, name);
    QFETCH(bool, authenticates);
    QCOMPARE(isAuthenticationHeader(name), authenticates);
}

void TestOwnedSecrets::authenticationHeaders_onlySecretOnes() {
    Connector c = connectorWithHeaders();
    QCOMPARE(authenticationHeaders(c), (QStringList{u"Authorization"_s, u"X-Api-Key"_s}));
    c.supportedAuthMethods = QJsonArray{
        QJsonObject{{"method_type"_L1, u"none"_s},
                    {"global_headers"_L1,
                     QJsonObject{{"X-Api-Key"_L1,
                                  QJsonObject{{"value"_L1, u"k"_s}, {"is_secret"_L1, false}}}}}}};
    QVERIFY(authenticationHeaders(c).isEmpty());
}

QTEST_GUILESS_MAIN(TestOwnedSecrets)
#include "tst_ownedsecrets.moc"
