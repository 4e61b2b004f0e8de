// SPDX-License-Identifier: GPL-3.0-or-later
// The whole app with an OAuth connector signed in: the chat's next request carries the
// connector's token refreshed ahead of its expiry, and a connector that refuses its token
// during a turn gets one refresh and one retry, as the app wires them.
#include "app/Application.h"
#include "core/SettingsKeys.h"
#include "core/auth/SecretStore.h"
#include "models/ChatSession.h"
#include "models/ConnectorListModel.h"
#include "models/ConversationModel.h"
#include "ui/ConnectorEditorDialog.h"
#include "ui/ConnectorSignInDialog.h"
#include "ui/ConnectorsPage.h"
#include "ui/MainWindow.h"

#include "services/auth/OAuthTestSupport.h"
#include "support/EmulatorProcess.h"

#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace Tramontane;

class TestApplicationOAuth : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void signedInConnector_tokenRefreshedBeforeTheRequest_andRetriedAfterA401();
    void refusedRefresh_chatOffersSignInAgain_andKeepsTheMessage();

private:
    QTemporaryDir m_home;
    Test::EmulatorProcess m_emulator;
};

void TestApplicationOAuth::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.path());
    // These tests count and read the chat's requests: no title request in between
    // (tst_titlegenerator covers those).
    QSettings().setValue(SettingsKeys::chatTitlesGenerated, false);
    QVERIFY2(m_emulator.start(u"test-key"_s), qPrintable(m_emulator.errorString()));
}

void TestApplicationOAuth::signedInConnector_tokenRefreshedBeforeTheRequest_andRetriedAfterA401() {
    Test::HttpDriver http(m_emulator.baseUrl(), "test-key");
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    const Test::HttpResult created = http.post(
        u"/v1/connectors"_s, QJsonObject{{u"name"_s, u"oauth_app"_s},
                                         {u"description"_s, u"d"_s},
                                         {u"server"_s, http.url(u"/__mcp/oauth"_s).toString()}});
    QCOMPARE(created.status, 201);
    const Connector connector = Connector::fromJson(created.object());

    // A sign-in from an earlier run, in the keychain, about to expire.
    const auto discovered = Test::discover(&nam, http.url(u"/__mcp/oauth"_s));
    QVERIFY(discovered.ok);
    OAuthTokens tokens = Test::signIn(&nam, http, discovered);
    QVERIFY(!tokens.accessToken.isEmpty());
    tokens.expiresAt = QDateTime::currentDateTimeUtc().addSecs(20);
    auto secrets = std::make_unique<MemorySecretStore>();
    MemorySecretStore *store = secrets.get();
    QObject context;
    int written = 0;
    const auto count = [&](const SecretStore::Result &r) {
        written += r.ok ? 1 : 0;
    };
    store->write(SecretStore::apiKeyEntry(), u"test-key"_s, &context, count);
    store->write(SecretStore::oauthTokenEntry(connector.id),
                 QString::fromUtf8(QJsonDocument(tokens.toJson()).toJson()), &context, count);
    QTRY_COMPARE(written, 2);

    ConnectionConfig::Inputs in;
    in.settingsMode = u"api"_s;
    in.baseUrlArgument = m_emulator.baseUrl().toString();
    Application app(ConnectionConfig::resolve(in), m_home.filePath(u"profile"_s));
    app.setSecretStore(std::move(secrets));
    QString error;
    QVERIFY2(app.start(&error), qPrintable(error));
    auto *connectors = app.findChild<ConnectorListModel *>();
    QTRY_VERIFY_WITH_TIMEOUT(connectors->hasLoaded() && connectors->rowCount() > 0, 15000);
    auto *session = app.findChild<ChatSession *>();
    QVERIFY(session);
    session->setTarget(ChatSession::TargetKind::Model, u"mistral-small-latest"_s);
    session->setTools({Tool::connector(connector.name)});

    // The next request: the token is renewed before it leaves.
    std::optional<ChatSession::TurnRequest> request;
    session->prepareRequest({}, session->tools(), &context,
                            [&](const ChatSession::TurnRequest &r) { request = r; });
    QTRY_VERIFY_WITH_TIMEOUT(request.has_value(), 15000);
    const ChatRequest &chat = std::get<ChatRequest>(*request);
    QCOMPARE(chat.tools.size(), 1);
    QVERIFY(chat.tools.first().authorization);
    const QString renewed = chat.tools.first().authorization->value;
    QVERIFY(!renewed.isEmpty());
    QVERIFY2(renewed != tokens.accessToken, "the stored token was sent without a refresh");
    QVERIFY(Test::protectedStatus(http, renewed) != 401);

    // The provider ends the token early: the turn gets a connector 401, then one refresh and
    // the turn again, unseen.
    QCOMPARE(http.post(u"/__admin/oauth/expire"_s, QJsonObject()).status, 200);
    http.del(u"/__admin/requests"_s);
    QVERIFY(session->send(u"use tool echo {\"message\": \"hi\"} rate 0"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!session->isBusy(), 20000);
    QCOMPARE(http.recordedRequests(u"/v1/chat/completions"_s).size(), 2);
    QVERIFY2(session->lastAnswerText().contains("Echo: hi"_L1),
             qPrintable(session->lastAnswerText()));
}

void TestApplicationOAuth::refusedRefresh_chatOffersSignInAgain_andKeepsTheMessage() {
    Test::HttpDriver http(m_emulator.baseUrl(), "test-key");
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    const Test::HttpResult created = http.post(
        u"/v1/connectors"_s, QJsonObject{{u"name"_s, u"oauth_again"_s},
                                         {u"description"_s, u"d"_s},
                                         {u"server"_s, http.url(u"/__mcp/oauth"_s).toString()}});
    QCOMPARE(created.status, 201);
    const Connector connector = Connector::fromJson(created.object());
    const auto discovered = Test::discover(&nam, http.url(u"/__mcp/oauth"_s));
    QVERIFY(discovered.ok);
    const OAuthTokens tokens = Test::signIn(&nam, http, discovered);
    QVERIFY(!tokens.accessToken.isEmpty());
    auto secrets = std::make_unique<MemorySecretStore>();
    QObject context;
    int written = 0;
    const auto count = [&](const SecretStore::Result &r) {
        written += r.ok ? 1 : 0;
    };
    secrets->write(SecretStore::apiKeyEntry(), u"test-key"_s, &context, count);
    secrets->write(SecretStore::oauthTokenEntry(connector.id),
                   QString::fromUtf8(QJsonDocument(tokens.toJson()).toJson()), &context, count);
    QTRY_COMPARE(written, 2);

    ConnectionConfig::Inputs in;
    in.settingsMode = u"api"_s;
    in.baseUrlArgument = m_emulator.baseUrl().toString();
    Application app(ConnectionConfig::resolve(in), m_home.filePath(u"profile-again"_s));
    app.setSecretStore(std::move(secrets));
    QString error;
    QVERIFY2(app.start(&error), qPrintable(error));
    MainWindow *window = app.window();
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    auto *connectors = app.findChild<ConnectorListModel *>();
    QTRY_VERIFY_WITH_TIMEOUT(connectors->hasLoaded() && connectors->rowCount() > 0, 15000);
    auto *session = app.findChild<ChatSession *>();
    session->setTarget(ChatSession::TargetKind::Model, u"mistral-small-latest"_s);
    session->setTools({Tool::connector(connector.name)});

    // The provider forgot this client and its tokens: the refresh is refused too.
    QCOMPARE(http.del(u"/__admin/oauth"_s).status, 200);
    const QString message = u"use tool echo {\"message\": \"again\"} rate 0"_s;
    QVERIFY(session->send(message));
    QTRY_VERIFY_WITH_TIMEOUT(!session->isBusy(), 20000);
    QCOMPARE(session->model()->entries().first().message.content.text(), message);
    QCOMPARE(session->model()->entries().last().status, ChatEntry::Status::Failed);
    auto *bar = window->findChild<QWidget *>(u"connectorSignInBar"_s);
    QVERIFY(bar);
    QTRY_VERIFY(bar->isVisible());
    QVERIFY(window->findChild<QLabel *>(u"connectorSignInLabel"_s)->text().contains("again"_L1));

    // "Sign In Again…": the Connectors page, on that connector, signing in (the test is the
    // browser).
    auto *page = window->findChild<ConnectorsPage *>();
    Test::TestBrowser browser;
    page->setBrowserOpener([&browser, page](const QUrl &url) {
        QTimer::singleShot(0, page, [&browser, url] { browser.follow(url); });
        return true;
    });
    window->findChild<QPushButton *>(u"signInAgainPushButton"_s)->click();
    QCOMPARE(page->currentConnector()->id, connector.id);
    auto *dialog = page->findChild<ConnectorSignInDialog *>(u"connectorSignInDialog"_s);
    QVERIFY(dialog);
    QSignalSpy finished(dialog, &ConnectorSignInDialog::signInFinished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QCOMPARE(dialog->statusText(), u"Signed in."_s);
    QTRY_COMPARE(page->signInStateText(), u"Signed in"_s);
    dialog->close();

    // Retry sends the kept message with the new sign-in.
    QVERIFY(session->retry(1));
    QTRY_VERIFY_WITH_TIMEOUT(!session->isBusy(), 20000);
    QVERIFY2(session->lastAnswerText().contains("Echo: again"_L1),
             qPrintable(session->lastAnswerText()));
    QVERIFY(!bar->isVisible());
}

QTEST_MAIN(TestApplicationOAuth)
#include "tst_applicationoauth.moc"
