// SPDX-License-Identifier: GPL-3.0-or-later
// OAuth in the connector form and on the Connectors page, offscreen, against the emulator's
// authorization server and protected MCP endpoint, the test playing the browser: the
// discovery report (each step, and the step that failed), manual endpoints, the Google
// preset, then sign in, the state in the details, sign out, and delete.
#include "core/auth/OAuthConnectorConfig.h"
#include "core/auth/OAuthTokenManager.h"
#include "core/auth/OAuthTokenStore.h"
#include "core/auth/SecretStore.h"
#include "core/net/ApiClient.h"
#include "core/services/ConnectorService.h"
#include "core/services/ToolApprovalStore.h"
#include "models/ConnectorListModel.h"
#include "models/Roles.h"
#include "ui/ConnectorAuthSection.h"
#include "ui/ConnectorEditorDialog.h"
#include "ui/ConnectorSignInDialog.h"
#include "ui/ConnectorsPage.h"

#include "services/auth/OAuthTestSupport.h"
#include "support/EmulatorProcess.h"
#include "support/FakeHttpServer.h"

#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

template<typename T>
T *child(QObject *parent, const char *name) {
    T *w = parent->findChild<T *>(QString::fromLatin1(name));
    if (!w)
        qWarning("no child %s", name);
    return w;
}

std::optional<QString> read(SecretStore &store, const QString &entry) {
    QObject context;
    bool done = false;
    std::optional<QString> value;
    store.read(entry, &context, [&](const SecretStore::Result &r) {
        value = r.value;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 10000))
        return u"(no answer)"_s;
    return value;
}

} // namespace

class TestConnectorOAuth : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void form_discovery_reportsEachStep();
    void form_discovery_namesTheStepThatFailed();
    void form_discovery_saysWhenAClientIdIsNeeded();
    void form_manualEndpoints_secretGoesToTheKeychainOnly();
    void form_googlePreset_fillsTheEndpointsAndAsksForYourClient();
    void form_newConnector_signsInBeforeTheFirstSave_keptOnSave();
    void form_newConnector_signedInThenCanceled_leavesNoSecret();
    void page_signIn_showsState_signOut_delete();
    void page_testConnection_namesAMissingScope_andSignsInAgainAskingForIt();
    void page_builtInGmail_asksForTheGoogleClientFirst();
    void page_closedWhileDeleting_stillForgetsEverything();

private:
    void makePage(const QUrl &baseUrl);
    ConnectorEditorDialog *openEditor(const std::optional<Connector> &connector = std::nullopt);
    void chooseOAuth(ConnectorEditorDialog *editor, int mode);
    Connector createConnector(const QString &name);
    bool selectByName(const QString &name);
    QString serverUrl() const { return m_http->url(u"/__mcp/oauth"_s).toString(); }
    void setOAuth(const QJsonObject &options) {
        QCOMPARE(m_http->post(u"/__admin/oauth"_s, options).status, 200);
    }

    Test::EmulatorProcess m_emulator;
    std::unique_ptr<Test::HttpDriver> m_http;
    QNetworkAccessManager m_nam;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ToolApprovalStore> m_approvals;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<OAuthTokenStore> m_tokens;
    std::unique_ptr<OAuthTokenManager> m_manager;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<ConnectorService> m_service;
    std::unique_ptr<ConnectorListModel> m_model;
    std::unique_ptr<ConnectorsPage> m_page;
    Test::TestBrowser m_browser;
    QList<QUrl> m_opened;
};

void TestConnectorOAuth::initTestCase() {
    QVERIFY2(m_emulator.start(u"test-key"_s), qPrintable(m_emulator.errorString()));
    m_http = std::make_unique<Test::HttpDriver>(m_emulator.baseUrl(), "test-key");
    m_nam.setProxy(QNetworkProxy::NoProxy);
}

void TestConnectorOAuth::init() {
    QCOMPARE(m_http->send("POST", u"/__admin/reset"_s).status, 200);
    setOAuth(QJsonObject{
        {u"registration"_s, true}, {u"token_lifetime"_s, 3600}, {u"demand_scope"_s, QString()}});
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<QSettings>(m_dir->filePath(u"s.ini"_s), QSettings::IniFormat);
    m_approvals = std::make_unique<ToolApprovalStore>(m_settings.get());
    m_secrets = std::make_unique<MemorySecretStore>();
    m_tokens = std::make_unique<OAuthTokenStore>(m_secrets.get());
    m_manager = std::make_unique<OAuthTokenManager>(&m_nam, m_tokens.get());
    m_opened.clear();
    makePage(m_emulator.baseUrl());
}

void TestConnectorOAuth::cleanup() {
    m_page.reset();
    m_model.reset();
    m_service.reset();
    m_client.reset();
    m_manager.reset();
    m_tokens.reset();
    m_secrets.reset();
    m_approvals.reset();
    m_settings.reset();
    m_dir.reset();
}

void TestConnectorOAuth::makePage(const QUrl &baseUrl) {
    m_page.reset();
    m_model.reset();
    m_service.reset();
    m_client = std::make_unique<ApiClient>(&m_nam);
    QVERIFY(m_client->setBaseUrl(baseUrl));
    m_client->setApiKey(u"test-key"_s);
    m_service = std::make_unique<ConnectorService>(m_client.get());
    m_model = std::make_unique<ConnectorListModel>(m_service.get(), m_approvals.get());
    m_page = std::make_unique<ConnectorsPage>(m_service.get(), m_model.get(),
                                              McpConnectionTest::factoryFor(&m_nam), &m_nam,
                                              m_secrets.get(), m_approvals.get());
    m_page->setOAuth(m_manager.get(), m_tokens.get(), m_settings.get());
    // The test is the browser: it follows the authorization URL to the loopback redirect.
    m_page->setBrowserOpener([this](const QUrl &url) {
        m_opened.append(url);
        QTimer::singleShot(0, this, [this, url] { m_browser.follow(url); });
        return true;
    });
    m_page->resize(1100, 700);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QTRY_VERIFY(m_model->hasLoaded());
}

ConnectorEditorDialog *TestConnectorOAuth::openEditor(const std::optional<Connector> &connector) {
    ConnectorEditorDialog *editor = m_page->openEditor(connector);
    if (editor)
        [&] {
            QVERIFY(QTest::qWaitForWindowExposed(editor));
        }();
    return editor;
}

void TestConnectorOAuth::chooseOAuth(ConnectorEditorDialog *editor, int mode) {
    child<QTabWidget>(editor, "tabWidget")
        ->setCurrentWidget(child<QWidget>(editor, "authenticationTab"));
    auto *method = child<QComboBox>(editor, "authenticationComboBox");
    method->setCurrentIndex(method->findData(int(ConnectorEditorDialog::AuthMethod::OAuth)));
    child<QComboBox>(editor, "oauthModeComboBox")->setCurrentIndex(mode);
}

Connector TestConnectorOAuth::createConnector(const QString &name) {
    ConnectorCreateRequest request;
    request.name = name;
    request.description = u"Made by the test"_s;
    request.server = serverUrl();
    std::optional<ServiceResult<Connector>> result;
    QObject context;
    m_service->create(request, &context, [&](const ServiceResult<Connector> &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000) || !result->ok())
        return {};
    if (!QTest::qWaitFor([&] { return m_model->rowCount() > 0; }, 10000))
        return {};
    return *result->value;
}

bool TestConnectorOAuth::selectByName(const QString &name) {
    for (int r = 0; r < m_model->rowCount(); ++r) {
        if (m_model->index(r, 0).data(Roles::ConnectorNameRole).toString() == name)
            return m_page->selectConnector(
                m_model->index(r, 0).data(Roles::ConnectorIdRole).toString());
    }
    return false;
}

void TestConnectorOAuth::form_discovery_reportsEachStep() {
    ConnectorEditorDialog *editor = openEditor();
    QVERIFY(editor);
    QTest::keyClicks(child<QLineEdit>(editor, "serverLineEdit"), serverUrl());
    chooseOAuth(editor, 0);
    auto *discover = child<QPushButton>(editor, "discoverPushButton");
    QVERIFY(discover->isVisible());
    // Manual fields are not asked for when discovering.
    QVERIFY(!child<QLineEdit>(editor, "authorizationUrlLineEdit")->isVisible());
    QSignalSpy done(editor->authSection(), &ConnectorAuthSection::discoveryFinished);
    discover->click();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 15000);
    auto *report = child<QLabel>(editor, "discoveryReportLabel");
    QVERIFY(report->isVisible());
    const QStringList lines = report->text().split(u'\n');
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines.at(0), u"✓ Asking the server: the server asks for a sign-in"_s);
    QCOMPARE(lines.at(1),
             u"✓ Resource metadata: "_s
                 + m_http->url(u"/.well-known/oauth-protected-resource/__mcp/oauth"_s).toString());
    QCOMPARE(lines.at(2),
             u"✓ Authorization server: "_s
                 + m_http->url(u"/.well-known/oauth-authorization-server/__oauth"_s).toString());
    QVERIFY2(lines.at(3).startsWith(u"✓ Registration: the server registers this app by itself"_s),
             qPrintable(lines.at(3)));
    editor->discardAndClose();
}

void TestConnectorOAuth::form_discovery_namesTheStepThatFailed() {
    ConnectorEditorDialog *editor = openEditor();
    QVERIFY(editor);
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const QString dead = u"http://127.0.0.1:%1/mcp"_s.arg(closed.serverPort());
    closed.close();
    chooseOAuth(editor, 0);
    QSignalSpy done(editor->authSection(), &ConnectorAuthSection::discoveryFinished);
    // No server URL yet: said so, and nothing is asked.
    child<QPushButton>(editor, "discoverPushButton")->click();
    QCOMPARE(child<QLabel>(editor, "discoveryReportLabel")->text(),
             u"Enter the server URL on the General tab first."_s);
    QCOMPARE(done.size(), 0);
    QTest::keyClicks(child<QLineEdit>(editor, "serverLineEdit"), dead);
    child<QPushButton>(editor, "discoverPushButton")->click();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 15000);
    QString text = child<QLabel>(editor, "discoveryReportLabel")->text();
    QVERIFY2(text.startsWith(u"✗ Asking the server failed: "_s + dead + u" did not answer ("_s),
             qPrintable(text));
    QCOMPARE(text.count(u'\n'), 0); // one sentence, no step claimed as found

    // A server that answers but is not protected: the first step says so, in its words.
    child<QLineEdit>(editor, "serverLineEdit")->setText(m_http->url(u"/__mcp"_s).toString());
    child<QPushButton>(editor, "discoverPushButton")->click();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 2, 15000);
    text = child<QLabel>(editor, "discoveryReportLabel")->text();
    QVERIFY2(text.startsWith(u"✗ Asking the server failed: the server answered without asking "
                             "for a sign-in"_s),
             qPrintable(text));
    editor->discardAndClose();
}

void TestConnectorOAuth::form_discovery_saysWhenAClientIdIsNeeded() {
    setOAuth(QJsonObject{{u"registration"_s, false}});
    ConnectorEditorDialog *editor = openEditor();
    QVERIFY(editor);
    QTest::keyClicks(child<QLineEdit>(editor, "serverLineEdit"), serverUrl());
    chooseOAuth(editor, 0);
    QSignalSpy done(editor->authSection(), &ConnectorAuthSection::discoveryFinished);
    child<QPushButton>(editor, "discoverPushButton")->click();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 15000);
    const QStringList lines = child<QLabel>(editor, "discoveryReportLabel")->text().split(u'\n');
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines.at(3), u"✗ Registration: the server does not register apps by itself; enter "
                          "the client id its provider gave you."_s);
    // With a client id typed, the same discovery is fine.
    QTest::keyClicks(child<QLineEdit>(editor, "clientIdLineEdit"), u"my-client"_s);
    child<QPushButton>(editor, "discoverPushButton")->click();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 2, 15000);
    QVERIFY(child<QLabel>(editor, "discoveryReportLabel")
                ->text()
                .endsWith(u"✓ Client: the client id entered below is used."_s));
    editor->discardAndClose();
}

void TestConnectorOAuth::form_manualEndpoints_secretGoesToTheKeychainOnly() {
    ConnectorEditorDialog *editor = openEditor();
    QVERIFY(editor);
    QTest::keyClicks(child<QLineEdit>(editor, "nameLineEdit"), u"manual_oauth"_s);
    child<QPlainTextEdit>(editor, "descriptionPlainTextEdit")->setPlainText(u"Manual"_s);
    QTest::keyClicks(child<QLineEdit>(editor, "serverLineEdit"), serverUrl());
    chooseOAuth(editor, 1);
    auto *authorize = child<QLineEdit>(editor, "authorizationUrlLineEdit");
    QVERIFY(authorize->isVisible());
    QVERIFY(!child<QPushButton>(editor, "discoverPushButton")->isVisible());
    // A remote plain-http endpoint is refused on the form, before anything is sent.
    QTest::keyClicks(authorize, u"http://auth.example.com/authorize"_s);
    QTest::keyClicks(child<QLineEdit>(editor, "tokenUrlLineEdit"),
                     m_http->url(u"/__oauth/token"_s).toString());
    child<QPushButton>(editor, "savePushButton")->click();
    auto *error = child<QLabel>(editor, "oauthErrorLabel");
    QVERIFY(error->isVisible());
    QCOMPARE(error->text(), u"Enter a complete https address (http only for this computer)."_s);
    QVERIFY(editor->isVisible());
    for (const QJsonValue &r : m_http->recordedRequests(u"/v1/connectors"_s))
        QCOMPARE(r.toObject().value("method"_L1).toString(), u"GET"_s);

    authorize->setText(m_http->url(u"/__oauth/authorize"_s).toString());
    child<QPushButton>(editor, "savePushButton")->click();
    QCOMPARE(error->text(), u"Enter the client id the provider gave you."_s);
    QTest::keyClicks(child<QLineEdit>(editor, "clientIdLineEdit"), u"my-client"_s);
    QTest::keyClicks(child<QLineEdit>(editor, "scopesLineEdit"), u"mcp:tools"_s);
    auto *secret = child<QLineEdit>(editor, "clientSecretLineEdit");
    QCOMPARE(secret->echoMode(), QLineEdit::Password);
    QTest::keyClicks(secret, u"client-s3cret"_s);
    child<QPushButton>(editor, "savePushButton")->click();
    QTRY_VERIFY(!m_page->editor());
    const auto saved = m_page->currentConnector();
    QVERIFY(saved);

    // The settings have the endpoints and the client id; the keychain has the secret.
    const auto config = OAuthConnectorConfig::load(*m_settings, saved->id);
    QVERIFY(config);
    QCOMPARE(config->mode, OAuthConnectorConfig::Mode::Manual);
    QCOMPARE(config->authorizationUrl, m_http->url(u"/__oauth/authorize"_s));
    QCOMPARE(config->clientId, u"my-client"_s);
    QCOMPARE(config->scope, u"mcp:tools"_s);
    QCOMPARE(read(*m_secrets, OAuthConnectorConfig::clientSecretEntry(saved->id)),
             std::optional<QString>(u"client-s3cret"_s));
    m_settings->sync();
    QFile file(m_settings->fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("client-s3cret"));
    // Nor did the API get it.
    for (const QJsonValue &r : m_http->recordedRequests(u"/v1/connectors"_s))
        QVERIFY(!QJsonDocument(r.toObject()).toJson().contains("client-s3cret"));

    // Opened again, the form shows OAuth with those settings and the secret as stored.
    editor = openEditor(*saved);
    QVERIFY(editor);
    QCOMPARE(editor->authMethod(), ConnectorEditorDialog::AuthMethod::OAuth);
    QCOMPARE(child<QLineEdit>(editor, "clientIdLineEdit")->text(), u"my-client"_s);
    QTRY_VERIFY(!child<QLineEdit>(editor, "clientSecretLineEdit")->placeholderText().isEmpty());
    QVERIFY(child<QLineEdit>(editor, "clientSecretLineEdit")->text().isEmpty());
    QVERIFY(!editor->hasUnsavedChanges());
    editor->discardAndClose();
}

void TestConnectorOAuth::form_googlePreset_fillsTheEndpointsAndAsksForYourClient() {
    ConnectorEditorDialog *editor = openEditor();
    QVERIFY(editor);
    QTest::keyClicks(child<QLineEdit>(editor, "nameLineEdit"), u"mail"_s);
    child<QPlainTextEdit>(editor, "descriptionPlainTextEdit")->setPlainText(u"Mail"_s);
    QTest::keyClicks(child<QLineEdit>(editor, "serverLineEdit"), serverUrl());
    chooseOAuth(editor, 2);
    auto *authorize = child<QLineEdit>(editor, "authorizationUrlLineEdit");
    auto *token = child<QLineEdit>(editor, "tokenUrlLineEdit");
    QCOMPARE(authorize->text(), u"https://accounts.google.com/o/oauth2/v2/auth"_s);
    QCOMPARE(token->text(), u"https://oauth2.googleapis.com/token"_s);
    QVERIFY(authorize->isReadOnly() && token->isReadOnly());
    QCOMPARE(child<QLineEdit>(editor, "scopesLineEdit")->text(),
             u"https://www.googleapis.com/auth/gmail.readonly"_s);
    auto *help = child<QLabel>(editor, "googleHelpLabel");
    QVERIFY(help->isVisible());
    QVERIFY(help->text().contains("https://console.cloud.google.com/apis/credentials"_L1));
    QVERIFY(help->text().contains("Desktop app"_L1));
    child<QPushButton>(editor, "savePushButton")->click();
    QCOMPARE(child<QLabel>(editor, "oauthErrorLabel")->text(),
             u"Enter the client id of your own Google desktop OAuth client."_s);
    QVERIFY(child<QLineEdit>(editor, "clientIdLineEdit")->hasFocus());
    // Another mode and back: the preset's endpoints come back.
    child<QComboBox>(editor, "oauthModeComboBox")->setCurrentIndex(1);
    QVERIFY(!authorize->isReadOnly());
    authorize->setText(u"https://elsewhere.example/auth"_s);
    child<QComboBox>(editor, "oauthModeComboBox")->setCurrentIndex(2);
    QCOMPARE(authorize->text(), u"https://accounts.google.com/o/oauth2/v2/auth"_s);
    QCOMPARE(editor->authSection()->config().preset, OAuthConnectorConfig::Preset::Google);
    editor->discardAndClose();
}

// True when the keychain holds nothing of any connector (tokens, client secrets, headers).
// What may be there is the app's registration with the authorization server, which belongs to
// no connector and, for this public client, has no secret.
static bool noConnectorSecrets(MemorySecretStore &secrets) {
    for (const QString &key : secrets.keys()) {
        if (key.startsWith("connector/"_L1))
            return false;
        const std::optional<QString> value = read(secrets, key);
        if (!value
            || !QJsonDocument::fromJson(value->toUtf8())
                    .object()
                    .value("client_secret"_L1)
                    .toString()
                    .isEmpty())
            return false;
    }
    return true;
}

// Fills a new connector's form for the protected server, OAuth discovered, and signs in
// from it (the test is the browser). Returns the editor, still open.
static ConnectorSignInDialog *signInOnNewForm(ConnectorEditorDialog *editor, const QString &name,
                                              const QString &server) {
    QTest::keyClicks(child<QLineEdit>(editor, "nameLineEdit"), name);
    child<QPlainTextEdit>(editor, "descriptionPlainTextEdit")->setPlainText(u"New"_s);
    QTest::keyClicks(child<QLineEdit>(editor, "serverLineEdit"), server);
    child<QTabWidget>(editor, "tabWidget")
        ->setCurrentWidget(child<QWidget>(editor, "authenticationTab"));
    auto *method = child<QComboBox>(editor, "authenticationComboBox");
    method->setCurrentIndex(method->findData(int(ConnectorEditorDialog::AuthMethod::OAuth)));
    auto *signIn = child<QPushButton>(editor, "signInPushButton");
    if (!signIn->isEnabled())
        return nullptr;
    signIn->click();
    return editor->findChild<ConnectorSignInDialog *>(u"connectorSignInDialog"_s);
}

void TestConnectorOAuth::form_newConnector_signsInBeforeTheFirstSave_keptOnSave() {
    ConnectorEditorDialog *editor = openEditor();
    QVERIFY(editor);
    ConnectorSignInDialog *dialog = signInOnNewForm(editor, u"signed_early"_s, serverUrl());
    QVERIFY2(dialog, "Sign In is off on a new connector");
    QSignalSpy finished(dialog, &ConnectorSignInDialog::signInFinished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QCOMPARE(dialog->statusText(),
             u"Signed in. The sign-in is kept when you save the connector."_s);
    dialog->close();
    QCOMPARE(child<QLabel>(editor, "signInStateLabel")->text(),
             u"Signed in; kept when you save the connector"_s);
    // Nothing in the keychain yet: there is no connector to keep it under.
    QVERIFY2(noConnectorSecrets(*m_secrets), qPrintable(m_secrets->keys().join(u' ')));

    child<QPushButton>(editor, "savePushButton")->click();
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->editor(), 10000);
    const auto saved = m_page->currentConnector();
    QVERIFY(saved);
    QCOMPARE(saved->name, u"signed_early"_s);
    std::optional<OAuthTokens> tokens;
    QObject context;
    m_tokens->load(saved->id, &context,
                   [&](const std::optional<OAuthTokens> &t, const QString &) { tokens = t; });
    QTRY_VERIFY(tokens.has_value());
    QVERIFY(Test::protectedStatus(*m_http, tokens->accessToken) != 401);
    QTRY_COMPARE(child<QLabel>(m_page.get(), "detailsSignInLabel")->text(), u"Signed in"_s);
}

void TestConnectorOAuth::form_newConnector_signedInThenCanceled_leavesNoSecret() {
    ConnectorEditorDialog *editor = openEditor();
    QVERIFY(editor);
    ConnectorSignInDialog *dialog = signInOnNewForm(editor, u"never_saved"_s, serverUrl());
    QVERIFY2(dialog, "Sign In is off on a new connector");
    QSignalSpy finished(dialog, &ConnectorSignInDialog::signInFinished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    dialog->close();
    // A client secret typed on the form is not kept either.
    QTest::keyClicks(child<QLineEdit>(editor, "clientSecretLineEdit"), u"typed-s3cret"_s);
    editor->discardAndClose();
    QTRY_VERIFY(!m_page->editor());
    QTest::qWait(200);
    QVERIFY2(noConnectorSecrets(*m_secrets), qPrintable(m_secrets->keys().join(u' ')));
    for (const QJsonValue &r : m_http->recordedRequests(u"/v1/connectors"_s))
        QCOMPARE(r.toObject().value("method"_L1).toString(), u"GET"_s);
}

void TestConnectorOAuth::page_signIn_showsState_signOut_delete() {
    const Connector c = createConnector(u"protected"_s);
    QVERIFY(!c.id.isEmpty());
    OAuthConnectorConfig{}.save(*m_settings, c.id); // OAuth, discovered from the server
    QVERIFY(selectByName(u"protected"_s));
    auto *state = child<QLabel>(m_page.get(), "detailsSignInLabel");
    auto *signIn = child<QPushButton>(m_page.get(), "signInPushButton");
    QVERIFY(signIn->isVisible());
    QTRY_COMPARE(state->text(), u"Not signed in"_s);

    signIn->click();
    auto *dialog = m_page->findChild<ConnectorSignInDialog *>(u"connectorSignInDialog"_s);
    QVERIFY(dialog);
    QSignalSpy finished(dialog, &ConnectorSignInDialog::signInFinished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QCOMPARE(dialog->statusText(), u"Signed in."_s);
    QCOMPARE(m_opened.size(), 1);
    QVERIFY(
        m_opened.first().toString().startsWith(m_http->url(u"/__oauth/authorize"_s).toString()));
    QVERIFY(m_browser.page().contains("close this tab"));
    QTRY_COMPARE(state->text(), u"Signed in"_s);
    dialog->close();

    // The token is in the store under the connector's id and opens the server.
    std::optional<OAuthTokens> tokens;
    QObject context;
    m_tokens->load(c.id, &context,
                   [&](const std::optional<OAuthTokens> &t, const QString &) { tokens = t; });
    QTRY_VERIFY(tokens.has_value());
    QVERIFY(Test::protectedStatus(*m_http, tokens->accessToken) != 401);

    // Sign out: revoked at the provider, forgotten here.
    child<QPushButton>(m_page.get(), "signOutPushButton")->click();
    QTRY_COMPARE_WITH_TIMEOUT(state->text(), u"Not signed in"_s, 10000);
    QCOMPARE(Test::protectedStatus(*m_http, tokens->accessToken), 401);
    QVERIFY(!read(*m_secrets, SecretStore::oauthTokenEntry(c.id)));

    // Signed in again, then deleted: the tokens, the client secret and the settings go.
    QTRY_VERIFY(!m_page->findChild<ConnectorSignInDialog *>(u"connectorSignInDialog"_s));
    signIn->click();
    dialog = m_page->findChild<ConnectorSignInDialog *>(u"connectorSignInDialog"_s);
    QVERIFY(dialog);
    QSignalSpy again(dialog, &ConnectorSignInDialog::signInFinished);
    QTRY_COMPARE_WITH_TIMEOUT(again.size(), 1, 20000);
    dialog->close();
    bool written = false;
    m_secrets->write(OAuthConnectorConfig::clientSecretEntry(c.id), u"entered"_s, &context,
                     [&](const SecretStore::Result &r) { written = r.ok; });
    QTRY_VERIFY(written);
    QTRY_COMPARE(state->text(), u"Signed in"_s);
    QMessageBox *box = m_page->deleteSelected();
    QVERIFY(box);
    box->button(QMessageBox::Yes)->click();
    QTRY_COMPARE(m_model->rowCount(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!read(*m_secrets, SecretStore::oauthTokenEntry(c.id)), 10000);
    QVERIFY(!read(*m_secrets, OAuthConnectorConfig::clientSecretEntry(c.id)));
    QVERIFY(!OAuthConnectorConfig::load(*m_settings, c.id));
}

void TestConnectorOAuth::page_testConnection_namesAMissingScope_andSignsInAgainAskingForIt() {
    const Connector c = createConnector(u"scoped"_s);
    QVERIFY(!c.id.isEmpty());
    OAuthConnectorConfig{}.save(*m_settings, c.id); // OAuth, discovered from the server
    QVERIFY(selectByName(u"scoped"_s));
    auto *signIn = child<QPushButton>(m_page.get(), "signInPushButton");
    auto *test = child<QPushButton>(m_page.get(), "testPushButton");
    auto *headline = child<QLabel>(m_page.get(), "testHeadlineLabel");
    auto *details = child<QLabel>(m_page.get(), "testDetailsLabel");
    signIn->click();
    auto *dialog = m_page->findChild<ConnectorSignInDialog *>(u"connectorSignInDialog"_s);
    QVERIFY(dialog);
    QSignalSpy finished(dialog, &ConnectorSignInDialog::signInFinished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    dialog->close();
    // Signed in: the test sends the token, and the server answers.
    QTRY_VERIFY(test->isEnabled());
    test->click();
    QTRY_VERIFY2_WITH_TIMEOUT(headline->text().startsWith("Reachable"_L1),
                              qPrintable(headline->text()), 15000);

    // The server now wants one more scope for everything.
    setOAuth(QJsonObject{{u"demand_scope"_s, u"mcp:admin"_s}});
    QTRY_VERIFY(test->isEnabled());
    test->click();
    QTRY_VERIFY_WITH_TIMEOUT(headline->text().startsWith("Not reachable"_L1), 15000);
    QVERIFY2(details->text().contains(u"The server needs the permission “mcp:admin”, which the "
                                      u"sign-in did not grant: sign in again to grant it."_s),
             qPrintable(details->text()));

    // Sign In asks for the scope granted and the one named.
    QTRY_VERIFY(!m_page->findChild<ConnectorSignInDialog *>(u"connectorSignInDialog"_s));
    m_opened.clear();
    signIn->click();
    dialog = m_page->findChild<ConnectorSignInDialog *>(u"connectorSignInDialog"_s);
    QVERIFY(dialog);
    QSignalSpy again(dialog, &ConnectorSignInDialog::signInFinished);
    QTRY_COMPARE_WITH_TIMEOUT(again.size(), 1, 20000);
    QCOMPARE(dialog->statusText(), u"Signed in."_s);
    QCOMPARE(m_opened.size(), 1);
    QCOMPARE(QUrlQuery(m_opened.first()).queryItemValue(u"scope"_s, QUrl::FullyDecoded),
             u"mcp:tools mcp:admin"_s);
    dialog->close();
    QTRY_VERIFY(test->isEnabled());
    test->click();
    QTRY_VERIFY2_WITH_TIMEOUT(headline->text().startsWith("Reachable"_L1),
                              qPrintable(headline->text()), 15000);
    setOAuth(QJsonObject{{u"demand_scope"_s, QString()}});
}

void TestConnectorOAuth::page_builtInGmail_asksForTheGoogleClientFirst() {
    Test::FakeHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([](const Test::RecordedRequest &) {
        return Test::ScriptedResponse::json(
            200,
            R"({"items": [{"id": "5c1d5a4e-0000-4000-8000-000000000001", "name": "gmail",)"
            R"( "title": "Gmail", "description": "Mail", "server": "https://mcp.mistral.ai/g",)"
            R"( "visibility": "shared_global", "owner_type": "system", "mistral": true}],)"
            R"( "pagination": {"next_cursor": null, "page_size": 100}})");
    });
    makePage(server.baseUrl());
    QTRY_COMPARE(m_model->rowCount(), 1);
    QVERIFY(selectByName(u"gmail"_s));
    auto *signIn = child<QPushButton>(m_page.get(), "signInPushButton");
    QVERIFY(signIn->isVisible());
    signIn->click();
    auto *dialog = m_page->findChild<ConnectorSignInDialog *>(u"connectorSignInDialog"_s);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    // The Google preset, waiting for the person's own desktop client.
    auto *authorize = child<QLineEdit>(dialog, "authorizationUrlLineEdit");
    QCOMPARE(authorize->text(), u"https://accounts.google.com/o/oauth2/v2/auth"_s);
    QVERIFY(child<QLabel>(dialog, "googleHelpLabel")->isVisible());
    child<QPushButton>(dialog, "signInStartPushButton")->click();
    QCOMPARE(child<QLabel>(dialog, "oauthErrorLabel")->text(),
             u"Enter the client id of your own Google desktop OAuth client."_s);
    QVERIFY(m_opened.isEmpty());
    QVERIFY(!OAuthConnectorConfig::load(*m_settings, u"5c1d5a4e-0000-4000-8000-000000000001"_s));

    // With a client: kept (the secret in the keychain), and Google's page is what opens.
    m_page->setBrowserOpener([this](const QUrl &url) {
        m_opened.append(url);
        return true;
    });
    QPointer<ConnectorSignInDialog> closed(dialog);
    dialog->close();
    QTRY_VERIFY(!closed); // it deletes itself when closed
    signIn->click();
    dialog = m_page->findChild<ConnectorSignInDialog *>(u"connectorSignInDialog"_s);
    QVERIFY(dialog);
    QTest::keyClicks(child<QLineEdit>(dialog, "clientIdLineEdit"),
                     u"123-abc.apps.googleusercontent.com"_s);
    QTest::keyClicks(child<QLineEdit>(dialog, "clientSecretLineEdit"), u"GOCSPX-secret"_s);
    child<QPushButton>(dialog, "signInStartPushButton")->click();
    QTRY_COMPARE_WITH_TIMEOUT(m_opened.size(), 1, 10000);
    const QUrl opened = m_opened.first();
    QCOMPARE(opened.host(), u"accounts.google.com"_s);
    const QUrlQuery query(opened);
    QCOMPARE(query.queryItemValue(u"client_id"_s), u"123-abc.apps.googleusercontent.com"_s);
    QCOMPARE(query.queryItemValue(u"scope"_s, QUrl::FullyDecoded),
             u"https://www.googleapis.com/auth/gmail.readonly"_s);
    QCOMPARE(query.queryItemValue(u"code_challenge_method"_s), u"S256"_s);
    QVERIFY(!opened.toString().contains("GOCSPX"_L1));
    const auto config =
        OAuthConnectorConfig::load(*m_settings, u"5c1d5a4e-0000-4000-8000-000000000001"_s);
    QVERIFY(config);
    QCOMPARE(config->preset, OAuthConnectorConfig::Preset::Google);
    QCOMPARE(read(*m_secrets, OAuthConnectorConfig::clientSecretEntry(
                                  u"5c1d5a4e-0000-4000-8000-000000000001"_s)),
             std::optional<QString>(u"GOCSPX-secret"_s));
    // Cancel ends the wait at once.
    child<QPushButton>(dialog, "signInCancelPushButton")->click();
    QCOMPARE(dialog->statusText(), u"Sign-in canceled."_s);
    QVERIFY(!dialog->signIn()->isRunning());
    dialog->close();
}

void TestConnectorOAuth::page_closedWhileDeleting_stillForgetsEverything() {
    const Connector c = createConnector(u"short_lived"_s);
    QVERIFY(!c.id.isEmpty());
    OAuthConnectorConfig{}.save(*m_settings, c.id);
    QVERIFY(selectByName(u"short_lived"_s));
    child<QPushButton>(m_page.get(), "signInPushButton")->click();
    auto *dialog = m_page->findChild<ConnectorSignInDialog *>(u"connectorSignInDialog"_s);
    QVERIFY(dialog);
    QSignalSpy finished(dialog, &ConnectorSignInDialog::signInFinished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QObject context;
    bool written = false;
    m_secrets->write(OAuthConnectorConfig::clientSecretEntry(c.id), u"entered"_s, &context,
                     [&](const SecretStore::Result &r) { written = r.ok; });
    QTRY_VERIFY(written);

    // Deleted, and the window closes while the tokens are being revoked (slowly).
    QCOMPARE(m_http->addFault(QJsonObject{{u"kind"_s, u"delay"_s},
                                          {u"path"_s, u"/__oauth/revoke"_s},
                                          {u"count"_s, 0},
                                          {u"delay_ms"_s, 1000}}),
             200);
    QMessageBox *box = m_page->deleteSelected();
    QVERIFY(box);
    box->button(QMessageBox::Yes)->click();
    QTRY_COMPARE(m_model->rowCount(), 0);
    m_page.reset();
    QTRY_VERIFY_WITH_TIMEOUT(!read(*m_secrets, OAuthConnectorConfig::clientSecretEntry(c.id)),
                             8000);
    QVERIFY(!read(*m_secrets, SecretStore::oauthTokenEntry(c.id)));
    m_http->send("DELETE", u"/__admin/faults"_s);
}

QTEST_MAIN(TestConnectorOAuth)
#include "tst_connectoroauth.moc"
