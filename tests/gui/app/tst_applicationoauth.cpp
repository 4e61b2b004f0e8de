// SPDX-License-Identifier: GPL-3.0-or-later
// The whole app with an OAuth connector signed in: the chat's next request carries the
// connector's token refreshed ahead of its expiry, and a connector that refuses its token
// during a turn gets one refresh and one retry, as the app wires them.
#include "app/Application.h"
#include "core/SettingsKeys.h"
#include "core/auth/OAuthTokenManager.h"
#include "core/auth/SecretStore.h"
#include "models/ChatSession.h"
#include "models/ConnectorListModel.h"
#include "models/ConversationModel.h"
#include "ui/ChatPage.h"
#include "ui/ConnectorEditorDialog.h"
#include "ui/ConnectorSignInDialog.h"
#include "ui/ConnectorSignInLauncher.h"
#include "ui/ConnectorsPage.h"
#include "ui/MainWindow.h"

#include "services/auth/OAuthTestSupport.h"
#include "support/EmulatorProcess.h"

#include <QJsonDocument>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace Tramontane;

class TestApplicationOAuth : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void signedInConnector_tokenRefreshedBeforeTheRequest_andRetriedAfterA401();
    void refusedRefresh_chatOffersSignInAgain_andKeepsTheMessage();
    void toolsMenu_showsSignInStates_andSignsInWithoutLeavingTheChat();
    void missingScope_chatNamesIt_andSignsInAgainAskingForIt();

private:
    //! An app whose keychain holds the API key and \a tokens for \a connectorId, started
    //! against the emulator, its window shown and its connector list loaded.
    std::unique_ptr<Application> startApp(const QString &profile, const QString &connectorId,
                                          const OAuthTokens &tokens);

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

    // "Sign In Again…": the sign-in over the chat, which stays on screen (the test is the
    // browser).
    auto *launcher = app.findChild<ConnectorSignInLauncher *>();
    QVERIFY(launcher);
    Test::TestBrowser browser;
    launcher->setBrowserOpener([&browser, window](const QUrl &url) {
        QTimer::singleShot(0, window, [&browser, url] { browser.follow(url); });
        return true;
    });
    window->findChild<QPushButton *>(u"signInAgainPushButton"_s)->click();
    QCOMPARE(window->currentPage(), MainWindow::Page::Chat);
    auto *dialog = window->findChild<ConnectorSignInDialog *>(u"connectorSignInDialog"_s);
    QVERIFY(dialog);
    QSignalSpy finished(dialog, &ConnectorSignInDialog::signInFinished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QCOMPARE(dialog->statusText(), u"Signed in."_s);
    QCOMPARE(window->currentPage(), MainWindow::Page::Chat);
    dialog->close();

    // Retry sends the kept message with the new sign-in.
    QVERIFY(session->retry(1));
    QTRY_VERIFY_WITH_TIMEOUT(!session->isBusy(), 20000);
    QVERIFY2(session->lastAnswerText().contains("Echo: again"_L1),
             qPrintable(session->lastAnswerText()));
    QVERIFY(!bar->isVisible());
}

std::unique_ptr<Application> TestApplicationOAuth::startApp(const QString &profile,
                                                            const QString &connectorId,
                                                            const OAuthTokens &tokens) {
    auto secrets = std::make_unique<MemorySecretStore>();
    QObject context;
    int written = 0;
    const auto count = [&](const SecretStore::Result &r) {
        written += r.ok ? 1 : 0;
    };
    secrets->write(SecretStore::apiKeyEntry(), u"test-key"_s, &context, count);
    secrets->write(SecretStore::oauthTokenEntry(connectorId),
                   QString::fromUtf8(QJsonDocument(tokens.toJson()).toJson()), &context, count);
    if (!QTest::qWaitFor([&] { return written == 2; }, 5000))
        return nullptr;
    ConnectionConfig::Inputs in;
    in.settingsMode = u"api"_s;
    in.baseUrlArgument = m_emulator.baseUrl().toString();
    auto app =
        std::make_unique<Application>(ConnectionConfig::resolve(in), m_home.filePath(profile));
    app->setSecretStore(std::move(secrets));
    QString error;
    if (!app->start(&error))
        return nullptr;
    app->window()->show();
    auto *connectors = app->findChild<ConnectorListModel *>();
    if (!QTest::qWaitForWindowExposed(app->window())
        || !QTest::qWaitFor([&] { return connectors->hasLoaded() && connectors->rowCount() > 0; },
                            15000))
        return nullptr;
    return app;
}

void TestApplicationOAuth::toolsMenu_showsSignInStates_andSignsInWithoutLeavingTheChat() {
    Test::HttpDriver http(m_emulator.baseUrl(), "test-key");
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    const Test::HttpResult created = http.post(
        u"/v1/connectors"_s, QJsonObject{{u"name"_s, u"oauth_menu"_s},
                                         {u"description"_s, u"d"_s},
                                         {u"server"_s, http.url(u"/__mcp/oauth"_s).toString()}});
    QCOMPARE(created.status, 201);
    const Connector connector = Connector::fromJson(created.object());
    // Signed in earlier with OpenID: the provider said who.
    auto discovered = Test::discover(&nam, http.url(u"/__mcp/oauth"_s));
    QVERIFY(discovered.ok);
    discovered.scope = u"mcp:tools openid"_s;
    const OAuthTokens tokens = Test::signIn(&nam, http, discovered);
    QCOMPARE(tokens.account, u"ada@example.test"_s);

    const auto app = startApp(u"profile-menu"_s, connector.id, tokens);
    QVERIFY(app);
    MainWindow *window = app->window();
    auto *chat = window->findChild<ChatPage *>();
    const auto menuAction = [chat](const QString &name) {
        return chat->toolsMenu()->findChild<QAction *>(name);
    };
    const QString entry = u"connectorAction_oauth_menu"_s;
    const QString signInEntry = u"connectorSignInAction_oauth_menu"_s;
    QTRY_VERIFY(menuAction(entry));
    QTRY_VERIFY2(menuAction(entry)->text().contains("signed in as ada@example.test, expires"_L1),
                 qPrintable(menuAction(entry)->text()));
    QVERIFY(!menuAction(signInEntry));

    // The provider forgot the client: the next refresh is refused, and the menu says the
    // connector needs a sign-in, and offers it.
    QCOMPARE(http.del(u"/__admin/oauth"_s).status, 200);
    auto *manager = app->findChild<OAuthTokenManager *>();
    std::optional<OAuthTokenManager::Access> access;
    manager->refresh(connector.id, this,
                     [&access](const OAuthTokenManager::Access &a) { access = a; });
    QTRY_VERIFY_WITH_TIMEOUT(access.has_value(), 15000);
    QCOMPARE(access->state, OAuthTokenManager::State::NeedsSignIn);
    QTRY_VERIFY2(menuAction(entry)->text().endsWith("needs sign-in"_L1),
                 qPrintable(menuAction(entry)->text()));
    QTRY_VERIFY(menuAction(signInEntry));
    QCOMPARE(menuAction(signInEntry)->text(), u"Sign In to oauth_menu…"_s);

    // Signed in from the menu: the chat and what is typed stay; the test is the browser.
    const QString typed = u"half a message"_s;
    chat->setComposerText(typed);
    auto *launcher = app->findChild<ConnectorSignInLauncher *>();
    Test::TestBrowser browser;
    launcher->setBrowserOpener([&browser, window](const QUrl &url) {
        QTimer::singleShot(0, window, [&browser, url] { browser.follow(url); });
        return true;
    });
    menuAction(signInEntry)->trigger();
    auto *dialog = window->findChild<ConnectorSignInDialog *>(u"connectorSignInDialog"_s);
    QVERIFY(dialog);
    QSignalSpy finished(dialog, &ConnectorSignInDialog::signInFinished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QCOMPARE(dialog->statusText(), u"Signed in."_s);
    dialog->close();
    QCOMPARE(window->currentPage(), MainWindow::Page::Chat);
    QCOMPARE(chat->composerText(), typed);
    QTRY_VERIFY2(menuAction(entry)->text().contains("signed in"_L1)
                     && !menuAction(entry)->text().contains("needs"_L1),
                 qPrintable(menuAction(entry)->text()));
    QVERIFY(!menuAction(signInEntry));

    // The chat's next request carries the new token, which the connector accepts.
    auto *session = app->findChild<ChatSession *>();
    session->setTarget(ChatSession::TargetKind::Model, u"mistral-small-latest"_s);
    std::optional<ChatSession::TurnRequest> request;
    QObject context;
    session->prepareRequest({}, {Tool::connector(connector.name)}, &context,
                            [&](const ChatSession::TurnRequest &r) { request = r; });
    QTRY_VERIFY_WITH_TIMEOUT(request.has_value(), 15000);
    const ChatRequest &sent = std::get<ChatRequest>(*request);
    QVERIFY(sent.tools.first().authorization);
    const QString renewed = sent.tools.first().authorization->value;
    QVERIFY(renewed != tokens.accessToken);
    QVERIFY(Test::protectedStatus(http, renewed) != 401);
}

void TestApplicationOAuth::missingScope_chatNamesIt_andSignsInAgainAskingForIt() {
    Test::HttpDriver http(m_emulator.baseUrl(), "test-key");
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    const Test::HttpResult created = http.post(
        u"/v1/connectors"_s, QJsonObject{{u"name"_s, u"oauth_scope"_s},
                                         {u"description"_s, u"d"_s},
                                         {u"server"_s, http.url(u"/__mcp/oauth"_s).toString()}});
    QCOMPARE(created.status, 201);
    const Connector connector = Connector::fromJson(created.object());
    const auto discovered = Test::discover(&nam, http.url(u"/__mcp/oauth"_s));
    QVERIFY(discovered.ok);
    const OAuthTokens tokens = Test::signIn(&nam, http, discovered);
    QCOMPARE(tokens.scope, u"mcp:tools"_s);
    // Calling echo needs one more scope than the sign-in was granted.
    QCOMPARE(http.post(u"/__admin/oauth"_s,
                       QJsonObject{{u"tool_scopes"_s, QJsonObject{{u"echo"_s, u"mcp:write"_s}}}})
                 .status,
             200);

    const auto app = startApp(u"profile-scope"_s, connector.id, tokens);
    QVERIFY(app);
    MainWindow *window = app->window();
    auto *session = app->findChild<ChatSession *>();
    session->setTarget(ChatSession::TargetKind::Model, u"mistral-small-latest"_s);
    session->setTools({Tool::connector(connector.name)});
    const QString message = u"use tool echo {\"message\": \"scoped\"} rate 0"_s;
    QVERIFY(session->send(message));
    QTRY_VERIFY_WITH_TIMEOUT(!session->isBusy(), 20000);
    QCOMPARE(session->model()->entries().last().status, ChatEntry::Status::Failed);
    auto *bar = window->findChild<QWidget *>(u"connectorSignInBar"_s);
    QTRY_VERIFY(bar->isVisible());
    const QString sentence = window->findChild<QLabel *>(u"connectorSignInLabel"_s)->text();
    QVERIFY2(sentence.contains(u"“mcp:write”"_s), qPrintable(sentence));
    QVERIFY2(!sentence.contains("mcp:tools"_L1), qPrintable(sentence)); // granted already

    // "Sign In Again…" asks for the scope granted and the missing one.
    auto *launcher = app->findChild<ConnectorSignInLauncher *>();
    Test::TestBrowser browser;
    QUrl opened;
    launcher->setBrowserOpener([&browser, &opened, window](const QUrl &url) {
        opened = url;
        QTimer::singleShot(0, window, [&browser, url] { browser.follow(url); });
        return true;
    });
    window->findChild<QPushButton *>(u"signInAgainPushButton"_s)->click();
    auto *dialog = window->findChild<ConnectorSignInDialog *>(u"connectorSignInDialog"_s);
    QVERIFY(dialog);
    QSignalSpy finished(dialog, &ConnectorSignInDialog::signInFinished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QCOMPARE(dialog->statusText(), u"Signed in."_s);
    QCOMPARE(QUrlQuery(opened).queryItemValue(u"scope"_s, QUrl::FullyDecoded),
             u"mcp:tools mcp:write"_s);
    dialog->close();

    // Retry: the tool runs with the wider sign-in.
    QVERIFY(session->retry(1));
    QTRY_VERIFY_WITH_TIMEOUT(!session->isBusy(), 20000);
    QVERIFY2(session->lastAnswerText().contains("Echo: scoped"_L1),
             qPrintable(session->lastAnswerText()));
    QVERIFY(!bar->isVisible());
    QCOMPARE(http.post(u"/__admin/oauth"_s, QJsonObject{{u"tool_scopes"_s, QJsonObject()}}).status,
             200);
}

QTEST_MAIN(TestApplicationOAuth)
#include "tst_applicationoauth.moc"
