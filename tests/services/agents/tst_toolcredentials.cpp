// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/SecretStore.h"
#include "core/services/ToolCredentials.h"

#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

const QString wikiId = u"a1b2c3d4-0000-4000-8000-00000000abcd"_s;

Connector connector(const QString &id, const QString &name) {
    Connector c;
    c.id = id;
    c.name = name;
    return c;
}

void put(MemorySecretStore &store, const QString &key, const QString &value) {
    bool done = false;
    store.write(key, value, &store, [&done](const SecretStore::Result &r) { done = r.ok; });
    QTRY_VERIFY(done);
}

struct Outcome {
    bool called = false;
    QList<Tool> tools;
};

} // namespace

class TestToolCredentials : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parseStored_data();
    void parseStored();
    void writeThenRead_roundTrips();
    void writeNothing_removesCredential();
    void read_fallsBackToSignInToken();
    void authorizeTools_addsCredentialsWhereStored();
    void authorizeTools_resolvesNamesThroughConnectors();
    void authorizeTools_keepsToolsWhenStoreFails();
    void authorizeTools_neverCallsBackFromWithin();
    void authorizeTools_skipsCallbackWhenContextDied();
    void authorizeAgentTools_usesAgentTools();
};

void TestToolCredentials::parseStored_data() {
    QTest::addColumn<QString>("stored");
    QTest::addColumn<bool>("oauthEntry");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("value");
    QTest::newRow("api key") << u"{\"type\":\"api-key\",\"value\":\"k1\"}"_s << false
                             << u"api-key"_s << u"k1"_s;
    QTest::newRow("token") << u"{\"type\":\"oauth2-token\",\"value\":\"t1\"}"_s << false
                           << u"oauth2-token"_s << u"t1"_s;
    QTest::newRow("unknown type") << u"{\"type\":\"basic\",\"value\":\"x\"}"_s << false << QString()
                                  << QString();
    QTest::newRow("empty value") << u"{\"type\":\"api-key\",\"value\":\"\"}"_s << false << QString()
                                 << QString();
    QTest::newRow("not JSON, editor entry") << u"plain"_s << false << QString() << QString();
    QTest::newRow("bare sign-in token")
        << u"ya29.abc"_s << true << u"oauth2-token"_s << u"ya29.abc"_s;
    QTest::newRow("sign-in JSON") << u"{\"access_token\":\"t2\",\"refresh_token\":\"r\"}"_s << true
                                  << u"oauth2-token"_s << u"t2"_s;
    QTest::newRow("sign-in JSON without token")
        << u"{\"refresh_token\":\"r\"}"_s << true << QString() << QString();
    QTest::newRow("empty") << QString() << true << QString() << QString();
}

void TestToolCredentials::parseStored() {
    QFETCH(QString, stored);
    QFETCH(bool, oauthEntry);
    QFETCH(QString, type);
    QFETCH(QString, value);
    const auto credential = ToolCredentials::parseStored(stored, oauthEntry);
    QCOMPARE(credential.has_value(), !type.isEmpty());
    if (credential) {
        QCOMPARE(credential->type, type);
        QCOMPARE(credential->value, value);
    }
}

void TestToolCredentials::writeThenRead_roundTrips() {
    MemorySecretStore store;
    bool written = false;
    ToolCredentials::write(&store, wikiId, ConnectorAuthorization::apiKey(u"secret"_s), this,
                           [&](bool ok, const QString &) { written = ok; });
    QTRY_VERIFY(written);
    QCOMPARE(store.keys(), QList<QString>{ToolCredentials::entry(wikiId)});
    std::optional<ConnectorAuthorization> read;
    bool done = false;
    ToolCredentials::read(&store, wikiId, this,
                          [&](const std::optional<ConnectorAuthorization> &c, const QString &e) {
                              read = c;
                              done = e.isEmpty();
                          });
    QTRY_VERIFY(done);
    QVERIFY(read);
    QCOMPARE(*read, ConnectorAuthorization::apiKey(u"secret"_s));
}

void TestToolCredentials::writeNothing_removesCredential() {
    MemorySecretStore store;
    put(store, ToolCredentials::entry(wikiId), u"{\"type\":\"api-key\",\"value\":\"k\"}"_s);
    bool removed = false;
    ToolCredentials::write(&store, wikiId, std::nullopt, this,
                           [&](bool ok, const QString &) { removed = ok; });
    QTRY_VERIFY(removed);
    QVERIFY(store.keys().isEmpty());
}

void TestToolCredentials::read_fallsBackToSignInToken() {
    MemorySecretStore store;
    put(store, SecretStore::oauthTokenEntry(wikiId), u"signed-in-token"_s);
    std::optional<ConnectorAuthorization> read;
    bool done = false;
    ToolCredentials::read(&store, wikiId, this,
                          [&](const std::optional<ConnectorAuthorization> &c, const QString &) {
                              read = c;
                              done = true;
                          });
    QTRY_VERIFY(done);
    QVERIFY(read);
    QCOMPARE(*read, ConnectorAuthorization::oauth2Token(u"signed-in-token"_s));
}

void TestToolCredentials::authorizeTools_addsCredentialsWhereStored() {
    MemorySecretStore store;
    put(store, SecretStore::oauthTokenEntry(wikiId), u"tok"_s);
    put(store, ToolCredentials::entry(u"keyed"_s), u"{\"type\":\"api-key\",\"value\":\"k\"}"_s);
    // The credential given for the tools wins over a sign-in token.
    put(store, SecretStore::oauthTokenEntry(u"keyed"_s), u"older"_s);
    const Tool preset = Tool::connector(u"preset"_s, ConnectorAuthorization::apiKey(u"as-given"_s));
    put(store, ToolCredentials::entry(u"preset"_s), u"{\"type\":\"api-key\",\"value\":\"x\"}"_s);
    const QList<Tool> tools{Tool::builtIn(Tool::Type::ImageGeneration), Tool::connector(wikiId),
                            Tool::connector(u"keyed"_s), Tool::connector(u"none_stored"_s), preset};
    Outcome outcome;
    ToolCredentials::authorizeTools(tools, &store, this, [&](const QList<Tool> &result) {
        outcome.called = true;
        outcome.tools = result;
    });
    QTRY_VERIFY(outcome.called);
    QCOMPARE(outcome.tools.size(), 5);
    QCOMPARE(outcome.tools.at(0), tools.at(0));
    QCOMPARE(outcome.tools.at(1).authorization,
             std::optional(ConnectorAuthorization::oauth2Token(u"tok"_s)));
    QCOMPARE(outcome.tools.at(2).authorization,
             std::optional(ConnectorAuthorization::apiKey(u"k"_s)));
    QVERIFY(!outcome.tools.at(3).authorization);
    QCOMPARE(outcome.tools.at(4), preset);
}

void TestToolCredentials::authorizeTools_resolvesNamesThroughConnectors() {
    MemorySecretStore store;
    put(store, ToolCredentials::entry(wikiId), u"{\"type\":\"oauth2-token\",\"value\":\"t\"}"_s);
    Outcome outcome;
    ToolCredentials::authorizeTools({Tool::connector(u"my_deepwiki"_s)}, &store, this,
                                    [&](const QList<Tool> &result) {
                                        outcome.called = true;
                                        outcome.tools = result;
                                    },
                                    {connector(wikiId, u"my_deepwiki"_s)});
    QTRY_VERIFY(outcome.called);
    QCOMPARE(outcome.tools.value(0).connectorId, u"my_deepwiki"_s);
    QCOMPARE(outcome.tools.value(0).authorization,
             std::optional(ConnectorAuthorization::oauth2Token(u"t"_s)));
    // Without the connectors, the name alone finds nothing.
    Outcome alone;
    ToolCredentials::authorizeTools({Tool::connector(u"my_deepwiki"_s)}, &store, this,
                                    [&](const QList<Tool> &result) {
                                        alone.called = true;
                                        alone.tools = result;
                                    });
    QTRY_VERIFY(alone.called);
    QVERIFY(!alone.tools.value(0).authorization);
}

void TestToolCredentials::authorizeTools_keepsToolsWhenStoreFails() {
    MemorySecretStore store;
    put(store, SecretStore::oauthTokenEntry(wikiId), u"tok"_s);
    store.setFailure(u"locked"_s);
    Outcome outcome;
    ToolCredentials::authorizeTools({Tool::connector(wikiId)}, &store, this,
                                    [&](const QList<Tool> &result) {
                                        outcome.called = true;
                                        outcome.tools = result;
                                    });
    QTRY_VERIFY(outcome.called);
    QCOMPARE(outcome.tools, QList<Tool>{Tool::connector(wikiId)});
}

void TestToolCredentials::authorizeTools_neverCallsBackFromWithin() {
    MemorySecretStore store;
    bool called = false;
    ToolCredentials::authorizeTools({Tool::builtIn(Tool::Type::WebSearch)}, &store, this,
                                    [&](const QList<Tool> &) { called = true; });
    QVERIFY(!called);
    QTRY_VERIFY(called);
}

void TestToolCredentials::authorizeTools_skipsCallbackWhenContextDied() {
    MemorySecretStore store;
    put(store, SecretStore::oauthTokenEntry(wikiId), u"tok"_s);
    int calls = 0;
    auto *context = new QObject;
    ToolCredentials::authorizeTools({Tool::connector(wikiId)}, &store, context,
                                    [&](const QList<Tool> &) { ++calls; });
    delete context;
    // A second run on a living context finishes; the first never calls back.
    bool second = false;
    ToolCredentials::authorizeTools({Tool::connector(wikiId)}, &store, this,
                                    [&](const QList<Tool> &) { second = true; });
    QTRY_VERIFY(second);
    QCoreApplication::processEvents();
    QCOMPARE(calls, 0);
}

void TestToolCredentials::authorizeAgentTools_usesAgentTools() {
    MemorySecretStore store;
    put(store, SecretStore::oauthTokenEntry(wikiId), u"{\"access_token\":\"a\"}"_s);
    Agent agent;
    agent.tools = {Tool::connector(wikiId), Tool::builtIn(Tool::Type::ImageGeneration)};
    Outcome outcome;
    ToolCredentials::authorizeAgentTools(agent, &store, this, [&](const QList<Tool> &result) {
        outcome.called = true;
        outcome.tools = result;
    });
    QTRY_VERIFY(outcome.called);
    QCOMPARE(outcome.tools.size(), 2);
    QCOMPARE(outcome.tools.at(0).authorization,
             std::optional(ConnectorAuthorization::oauth2Token(u"a"_s)));
    // The agent itself is not changed: credentials only go into the request.
    QVERIFY(!agent.tools.at(0).authorization);
}

QTEST_GUILESS_MAIN(TestToolCredentials)
#include "tst_toolcredentials.moc"
