// SPDX-License-Identifier: GPL-3.0-or-later
// A chat turn with an OAuth connector whose token the connector refuses (a connector 401): the
// token is refreshed once and the turn sent once more; when the provider refuses the refresh,
// the turn ends with the connector's error, saying to sign in again, and the message stays.
#include "core/auth/OAuthTokenManager.h"
#include "core/auth/OAuthTokenStore.h"
#include "core/auth/SecretStore.h"
#include "core/net/ApiClient.h"
#include "core/services/ChatService.h"
#include "core/services/ToolCredentials.h"
#include "models/ChatSession.h"
#include "models/ConversationModel.h"

#include "models/ErrorPresenter.h"
#include "services/auth/OAuthTestSupport.h"
#include "support/EmulatorProcess.h"

#include <QJsonDocument>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;
using namespace Tramontane;

class TestChatOAuthRetry : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void connector401_refreshesOnce_andSendsTheTurnAgain();
    void connector401_refusedRefresh_keepsTheMessage_andSaysSignInAgain();
    void connector401_withoutSignIn_isNotSentAgain();

private:
    //! The tokens sent with each chat request so far, in order.
    QStringList sentTokens();
    bool waitIdle() {
        return QTest::qWaitFor([this] { return !m_session->isBusy(); }, 20000);
    }

    Test::EmulatorProcess m_emulator;
    std::unique_ptr<Test::HttpDriver> m_http;
    QNetworkAccessManager m_nam;
    OAuthDiscovery::Result m_discovered;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<OAuthTokenStore> m_store;
    std::unique_ptr<OAuthTokenManager> m_manager;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<ChatService> m_chat;
    std::unique_ptr<ConversationModel> m_model;
    std::unique_ptr<ChatSession> m_session;
    Connector m_connector;
    int m_refreshes = 0;
};

void TestChatOAuthRetry::initTestCase() {
    QVERIFY2(m_emulator.start(u"test-key"_s), qPrintable(m_emulator.errorString()));
    m_http = std::make_unique<Test::HttpDriver>(m_emulator.baseUrl(), "test-key");
    m_nam.setProxy(QNetworkProxy::NoProxy);
    m_discovered = Test::discover(&m_nam, m_http->url(u"/__mcp/oauth"_s));
    QVERIFY2(m_discovered.ok, qPrintable(m_discovered.failure.detail));
}

void TestChatOAuthRetry::init() {
    QCOMPARE(m_http
                 ->post(u"/__admin/oauth"_s, QJsonObject{{u"token_lifetime"_s, 3600},
                                                         {u"rotate_refresh_tokens"_s, true}})
                 .status,
             200);
    const QString name = u"oauth_chat_%1"_s.arg(QRandomGenerator::global()->generate());
    const Test::HttpResult created = m_http->post(
        u"/v1/connectors"_s, QJsonObject{{u"name"_s, name},
                                         {u"description"_s, u"d"_s},
                                         {u"server"_s, m_http->url(u"/__mcp/oauth"_s).toString()}});
    QCOMPARE(created.status, 201);
    m_connector = Connector::fromJson(created.object());
    m_http->del(u"/__admin/requests"_s);

    m_secrets = std::make_unique<MemorySecretStore>();
    m_store = std::make_unique<OAuthTokenStore>(m_secrets.get());
    m_manager = std::make_unique<OAuthTokenManager>(&m_nam, m_store.get());
    m_client = std::make_unique<ApiClient>(&m_nam);
    QVERIFY(m_client->setBaseUrl(m_emulator.baseUrl()));
    m_client->setApiKey(u"test-key"_s);
    m_chat = std::make_unique<ChatService>(m_client.get());
    m_model = std::make_unique<ConversationModel>();
    m_session = std::make_unique<ChatSession>(m_chat.get(), m_model.get());
    m_session->setTarget(ChatSession::TargetKind::Model, u"mistral-small-latest"_s);
    m_session->setTools({Tool::connector(m_connector.name)});
    // As the app wires them.
    m_session->setToolAuthorizer([this](ChatSession::TargetKind, const QString &,
                                        const QList<Tool> &tools, QObject *context,
                                        std::function<void(const QList<Tool> &)> done) {
        ToolCredentials::authorizeTools(tools, m_secrets.get(), context, done, {m_connector},
                                        m_manager.get());
    });
    m_refreshes = 0;
    m_session->setCredentialRefresher(
        [this](const QList<Tool> &sent, QObject *context, std::function<void(bool)> done) {
            ++m_refreshes;
            ToolCredentials::refreshTools(sent, m_manager.get(), context, std::move(done),
                                          {m_connector});
        });
}

void TestChatOAuthRetry::cleanup() {
    m_session.reset();
    m_model.reset();
    m_chat.reset();
    m_client.reset();
    m_manager.reset();
    m_store.reset();
    m_secrets.reset();
}

QStringList TestChatOAuthRetry::sentTokens() {
    QStringList tokens;
    for (const QJsonValue &r : m_http->recordedRequests(u"/v1/chat/completions"_s)) {
        const QJsonObject body = r.toObject().value("body"_L1).toObject();
        const QJsonObject tool = body.value("tools"_L1).toArray().first().toObject();
        tokens.append(tool.value("authorization"_L1).toObject().value("value"_L1).toString());
    }
    return tokens;
}

void TestChatOAuthRetry::connector401_refreshesOnce_andSendsTheTurnAgain() {
    const OAuthTokens tokens = Test::signIn(&m_nam, *m_http, m_discovered);
    QVERIFY(!tokens.accessToken.isEmpty());
    QObject context;
    bool adopted = false;
    m_manager->adopt(m_connector.id, tokens, &context,
                     [&](bool, const QString &) { adopted = true; });
    QTRY_VERIFY(adopted);
    // The provider ended the token early (revoked, or its clock): only the connector knows.
    QCOMPARE(m_http->post(u"/__admin/oauth/expire"_s, QJsonObject()).status, 200);

    QVERIFY(m_session->send(u"use tool echo {\"message\": \"hi\"} rate 0"_s));
    QVERIFY(waitIdle());
    QCOMPARE(m_refreshes, 1);
    const QStringList sent = sentTokens();
    QCOMPARE(sent.size(), 2);
    QCOMPARE(sent.at(0), tokens.accessToken);
    QVERIFY(sent.at(1) != tokens.accessToken && !sent.at(1).isEmpty());
    const ChatEntry &answer = m_model->entries().last();
    QCOMPARE(answer.status, ChatEntry::Status::Complete);
    QVERIFY2(m_session->lastAnswerText().contains("Echo: hi"_L1),
             qPrintable(m_session->lastAnswerText()));
}

void TestChatOAuthRetry::connector401_refusedRefresh_keepsTheMessage_andSaysSignInAgain() {
    const OAuthTokens tokens = Test::signIn(&m_nam, *m_http, m_discovered);
    QObject context;
    bool adopted = false;
    m_manager->adopt(m_connector.id, tokens, &context,
                     [&](bool, const QString &) { adopted = true; });
    QTRY_VERIFY(adopted);
    // The provider forgot the client and its tokens: the refresh is refused.
    QCOMPARE(m_http->del(u"/__admin/oauth"_s).status, 200);

    const QString message = u"use tool echo {\"message\": \"kept\"} rate 0"_s;
    QVERIFY(m_session->send(message));
    QVERIFY(waitIdle());
    QCOMPARE(m_refreshes, 1);
    QCOMPARE(sentTokens().size(), 1); // not sent again with a token known to be dead
    QCOMPARE(m_manager->state(m_connector.id), OAuthTokenManager::State::NeedsSignIn);
    QCOMPARE(m_model->entryCount(), 2);
    QCOMPARE(m_model->entries().first().message.content.text(), message);
    const ChatEntry &answer = m_model->entries().last();
    QCOMPARE(answer.status, ChatEntry::Status::Failed);
    QCOMPARE(answer.error.httpStatus(), 401);
    QVERIFY(answer.error.isConnectorCredentialsRejected());
    QVERIFY2(ErrorPresenter::hint(answer.error).contains("sign in"_L1),
             qPrintable(ErrorPresenter::hint(answer.error)));
}

void TestChatOAuthRetry::connector401_withoutSignIn_isNotSentAgain() {
    // A token typed by hand (no sign-in): nothing to refresh, one request only.
    m_session->setToolAuthorizer([](ChatSession::TargetKind, const QString &,
                                    const QList<Tool> &tools, QObject *context,
                                    std::function<void(const QList<Tool> &)> done) {
        QList<Tool> authorized = tools;
        authorized.first().authorization = ConnectorAuthorization::oauth2Token(u"typed"_s);
        QTimer::singleShot(0, context, [done, authorized] { done(authorized); });
    });
    QVERIFY(m_session->send(u"use tool echo {\"message\": \"x\"} rate 0"_s));
    QVERIFY(waitIdle());
    QCOMPARE(m_refreshes, 1);
    QCOMPARE(sentTokens(), QStringList{u"typed"_s});
    QCOMPARE(m_model->entries().last().status, ChatEntry::Status::Failed);
}

QTEST_GUILESS_MAIN(TestChatOAuthRetry)
#include "tst_chatoauthretry.moc"
