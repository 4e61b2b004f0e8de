// SPDX-License-Identifier: GPL-3.0-or-later
// Connectors whose OAuth client Mistral holds, offscreen, against the emulator, the test
// playing the browser: the form's fields and their checks, the client data sent once (never
// kept here), Connect and Disconnect from the form and from the page, and the page's state
// column and details for both OAuth ways.
#include "core/auth/OAuthConnectorConfig.h"
#include "core/auth/OAuthTokenManager.h"
#include "core/auth/OAuthTokenStore.h"
#include "core/auth/PlatformConnect.h"
#include "core/auth/SecretStore.h"
#include "core/net/ApiClient.h"
#include "core/services/ConnectorService.h"
#include "core/services/ToolApprovalStore.h"
#include "models/ConnectorListModel.h"
#include "models/Roles.h"
#include "ui/ConnectorEditorDialog.h"
#include "ui/ConnectorsPage.h"
#include "ui/MistralAuthSection.h"

#include "services/auth/PlatformAuthTestSupport.h"
#include "support/EmulatorProcess.h"

#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>

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

} // namespace

class TestMistralAuth : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void form_fieldsAndChecks_oneSentenceEach();
    void form_create_sendsTheClientOnce_thenConnectAndDisconnect();
    void page_stateColumnAndDetails_coverBothWays_connectFromThePage();
    void form_edit_replacesTheClientMistralHolds();

private:
    ConnectorEditorDialog *openEditor(const std::optional<Connector> &connector = std::nullopt);
    void chooseMistral(ConnectorEditorDialog *editor);
    QString columnText(const QString &name);
    QString errorAfterSave(ConnectorEditorDialog *editor);
    QString createHeldConnector(const QString &name);

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

void TestMistralAuth::initTestCase() {
    QVERIFY2(m_emulator.start(u"test-key"_s), qPrintable(m_emulator.errorString()));
    m_http = std::make_unique<Test::HttpDriver>(m_emulator.baseUrl(), "test-key");
    m_nam.setProxy(QNetworkProxy::NoProxy);
}

void TestMistralAuth::init() {
    QCOMPARE(m_http->send("POST", u"/__admin/reset"_s).status, 200);
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<QSettings>(m_dir->filePath(u"s.ini"_s), QSettings::IniFormat);
    m_approvals = std::make_unique<ToolApprovalStore>(m_settings.get());
    m_secrets = std::make_unique<MemorySecretStore>();
    m_tokens = std::make_unique<OAuthTokenStore>(m_secrets.get());
    m_manager = std::make_unique<OAuthTokenManager>(&m_nam, m_tokens.get());
    m_client = std::make_unique<ApiClient>(&m_nam);
    QVERIFY(m_client->setBaseUrl(m_emulator.baseUrl()));
    m_client->setApiKey(u"test-key"_s);
    m_service = std::make_unique<ConnectorService>(m_client.get());
    m_model = std::make_unique<ConnectorListModel>(m_service.get(), m_approvals.get());
    m_page = std::make_unique<ConnectorsPage>(m_service.get(), m_model.get(),
                                              McpConnectionTest::factoryFor(&m_nam), &m_nam,
                                              m_secrets.get(), m_approvals.get());
    m_page->setOAuth(m_manager.get(), m_tokens.get(), m_settings.get());
    m_opened.clear();
    // The test is the browser: it follows the auth URL to the loopback return.
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

void TestMistralAuth::cleanup() {
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

ConnectorEditorDialog *TestMistralAuth::openEditor(const std::optional<Connector> &connector) {
    ConnectorEditorDialog *editor = m_page->openEditor(connector);
    if (editor)
        [&] {
            QVERIFY(QTest::qWaitForWindowExposed(editor));
        }();
    return editor;
}

void TestMistralAuth::chooseMistral(ConnectorEditorDialog *editor) {
    child<QTabWidget>(editor, "tabWidget")
        ->setCurrentWidget(child<QWidget>(editor, "authenticationTab"));
    auto *method = child<QComboBox>(editor, "authenticationComboBox");
    method->setCurrentIndex(method->findData(int(ConnectorEditorDialog::AuthMethod::MistralOAuth)));
}

QString TestMistralAuth::columnText(const QString &name) {
    for (int r = 0; r < m_model->rowCount(); ++r) {
        if (m_model->index(r, 0).data(Roles::ConnectorNameRole).toString() == name)
            return m_model->index(r, ConnectorListModel::AuthenticatedColumn).data().toString();
    }
    return u"(no row)"_s;
}

QString TestMistralAuth::errorAfterSave(ConnectorEditorDialog *editor) {
    child<QPushButton>(editor, "savePushButton")->click();
    auto *label = child<QLabel>(editor, "mistralErrorLabel");
    return label->isVisible() ? label->text() : QString();
}

QString TestMistralAuth::createHeldConnector(const QString &name) {
    const Test::PlatformClient client = Test::registerPlatformClient(*m_http);
    ConnectorCreateRequest request;
    request.name = name;
    request.description = u"Held by Mistral"_s;
    request.server = m_http->url(u"/__mcp/oauth"_s).toString();
    request.oauthClientId = client.clientId;
    request.oauthClientSecret = client.clientSecret;
    request.oauth2ServerMetadataUrl = client.metadataUrl;
    std::optional<ServiceResult<Connector>> result;
    m_service->create(request, this, [&](const ServiceResult<Connector> &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000) || !result->ok())
        return {};
    return result->value->id;
}

void TestMistralAuth::form_fieldsAndChecks_oneSentenceEach() {
    ConnectorEditorDialog *editor = openEditor();
    QVERIFY(editor);
    QTest::keyClicks(child<QLineEdit>(editor, "nameLineEdit"), u"held"_s);
    child<QPlainTextEdit>(editor, "descriptionPlainTextEdit")->setPlainText(u"Held"_s);
    QTest::keyClicks(child<QLineEdit>(editor, "serverLineEdit"),
                     m_http->url(u"/__mcp/oauth"_s).toString());
    chooseMistral(editor);
    auto *section = child<MistralAuthSection>(editor, "mistralAuthSection");
    QVERIFY(section->isVisible());
    QVERIFY(!child<QWidget>(editor, "connectorAuthSection")->isVisible());
    // The form says who keeps what.
    QVERIFY(child<QLabel>(section, "mistralHelpLabel")->text().contains("Mistral keeps"_L1));
    auto *secret = child<QLineEdit>(section, "mistralClientSecretLineEdit");
    QCOMPARE(secret->echoMode(), QLineEdit::Password);
    QVERIFY(secret->placeholderText().contains("Mistral"_L1));
    // Nothing to connect before the connector exists.
    QVERIFY(!child<QPushButton>(section, "connectPushButton")->isEnabled());

    QCOMPARE(errorAfterSave(editor),
             u"Enter the client id of the OAuth app registered with the provider."_s);
    QTest::keyClicks(child<QLineEdit>(section, "mistralClientIdLineEdit"), u"my-app"_s);
    QCOMPARE(errorAfterSave(editor),
             u"Give the authorization server's metadata URL, or paste its metadata JSON."_s);
    auto *url = child<QLineEdit>(section, "metadataUrlLineEdit");
    auto *json = child<QPlainTextEdit>(section, "metadataPlainTextEdit");
    QTest::keyClicks(url, u"https://auth.example.com/.well-known/oauth-authorization-server"_s);
    json->setPlainText(u"{\"issuer\": \"https://auth.example.com\"}"_s);
    QCOMPARE(errorAfterSave(editor),
             u"Give either the metadata URL or the metadata JSON, not both."_s);
    url->clear();
    QCOMPARE(errorAfterSave(editor),
             u"The metadata must be a JSON object with at least \"issuer\" and "
             "\"token_endpoint\"."_s);
    json->clear();
    QTest::keyClicks(url, u"http://auth.example.com/metadata"_s);
    QCOMPARE(errorAfterSave(editor), u"Enter a complete https address for the metadata (http "
                                     "only for this computer)."_s);
    // Nothing was sent while the form had an error.
    for (const QJsonValue &r : m_http->recordedRequests(u"/v1/connectors"_s))
        QCOMPARE(r.toObject().value("method"_L1).toString(), u"GET"_s);

    // The metadata as JSON, with the secret: both go in the create request.
    url->clear();
    json->setPlainText(u"{\"issuer\": \"https://auth.example.com\", \"token_endpoint\": "
                       "\"https://auth.example.com/token\", \"authorization_endpoint\": "
                       "\"https://auth.example.com/authorize\"}"_s);
    QTest::keyClicks(secret, u"app-s3cret"_s);
    QVERIFY(editor->hasUnsavedChanges());
    const auto request = editor->createRequest();
    QVERIFY(request);
    const QJsonObject body = request->toJson();
    QCOMPARE(body.value("auth_data"_L1).toObject(),
             (QJsonObject{{u"client_id"_s, u"my-app"_s}, {u"client_secret"_s, u"app-s3cret"_s}}));
    QCOMPARE(body.value("oauth2_server_metadata"_L1).toObject().value("issuer"_L1).toString(),
             u"https://auth.example.com"_s);
    QVERIFY(!body.contains("oauth2_server_metadata_url"_L1));
    editor->discardAndClose();
}

void TestMistralAuth::form_create_sendsTheClientOnce_thenConnectAndDisconnect() {
    const Test::PlatformClient client = Test::registerPlatformClient(*m_http);
    ConnectorEditorDialog *editor = openEditor();
    QVERIFY(editor);
    QTest::keyClicks(child<QLineEdit>(editor, "nameLineEdit"), u"held"_s);
    child<QPlainTextEdit>(editor, "descriptionPlainTextEdit")->setPlainText(u"Held"_s);
    QTest::keyClicks(child<QLineEdit>(editor, "serverLineEdit"),
                     m_http->url(u"/__mcp/oauth"_s).toString());
    chooseMistral(editor);
    QTest::keyClicks(child<QLineEdit>(editor, "mistralClientIdLineEdit"), client.clientId);
    QTest::keyClicks(child<QLineEdit>(editor, "mistralClientSecretLineEdit"), client.clientSecret);
    QTest::keyClicks(child<QLineEdit>(editor, "metadataUrlLineEdit"), client.metadataUrl);
    child<QPushButton>(editor, "savePushButton")->click();
    QTRY_VERIFY(!m_page->editor());
    const auto saved = m_page->currentConnector();
    QVERIFY(saved);
    QCOMPARE(saved->name, u"held"_s);

    // The secret went to the API once, in the create request; nothing here kept it.
    int sent = 0;
    for (const QJsonValue &r : m_http->recordedRequests(u"/v1/connectors"_s)) {
        if (QJsonDocument(r.toObject()).toJson().contains(client.clientSecret.toUtf8()))
            ++sent;
    }
    QCOMPARE(sent, 1);
    m_settings->sync();
    QFile file(m_settings->fileName());
    if (file.open(QIODevice::ReadOnly))
        QVERIFY(!file.readAll().contains(client.clientSecret.toUtf8()));
    QVERIFY(m_secrets->keys().isEmpty());
    QVERIFY(!OAuthConnectorConfig::load(*m_settings, saved->id));
    QTRY_COMPARE(columnText(u"held"_s), u"Not connected"_s);

    // Opened again: the way is Mistral's, the client is not shown (an empty id keeps it),
    // Connect is offered.
    editor = openEditor(*saved);
    QVERIFY(editor);
    QCOMPARE(editor->authMethod(), ConnectorEditorDialog::AuthMethod::MistralOAuth);
    auto *section = editor->mistralAuthSection();
    child<QTabWidget>(editor, "tabWidget")
        ->setCurrentWidget(child<QWidget>(editor, "authenticationTab"));
    QVERIFY(child<QLineEdit>(section, "mistralClientIdLineEdit")->text().isEmpty());
    QVERIFY(!child<QLineEdit>(section, "metadataUrlLineEdit")->isVisible());
    auto *connectButton = child<QPushButton>(section, "connectPushButton");
    auto *disconnectButton = child<QPushButton>(section, "disconnectPushButton");
    QVERIFY(connectButton->isEnabled());
    QVERIFY(!disconnectButton->isEnabled());
    QCOMPARE(section->stateText(), u"Not connected"_s);

    connectButton->click();
    QTRY_COMPARE_WITH_TIMEOUT(section->stateText(), u"Connected through Mistral."_s, 15000);
    QCOMPARE(m_opened.size(), 1);
    QVERIFY(m_browser.page().contains("close this tab"));
    QVERIFY(disconnectButton->isEnabled());
    QTRY_COMPARE(columnText(u"held"_s), u"Connected through Mistral"_s);

    disconnectButton->click();
    QTRY_COMPARE_WITH_TIMEOUT(section->stateText(), u"Not connected"_s, 10000);
    QTRY_COMPARE(columnText(u"held"_s), u"Not connected"_s);
    QCOMPARE(m_http->get(u"/v1/connectors/"_s + saved->id + u"/user/credentials"_s)
                 .object()
                 .value("credentials"_L1)
                 .toArray()
                 .size(),
             0);
    editor->discardAndClose();
}

void TestMistralAuth::page_stateColumnAndDetails_coverBothWays_connectFromThePage() {
    const QString held = createHeldConnector(u"held"_s);
    QVERIFY(!held.isEmpty());
    // A connector signed in to from this computer: its OAuth settings are kept here.
    ConnectorCreateRequest plain;
    plain.name = u"local"_s;
    plain.description = u"Signed in from here"_s;
    plain.server = m_http->url(u"/__mcp/oauth"_s).toString();
    std::optional<ServiceResult<Connector>> created;
    m_service->create(plain, this, [&](const ServiceResult<Connector> &r) { created = r; });
    QTRY_VERIFY(created.has_value());
    QVERIFY(created->ok());
    OAuthConnectorConfig{}.save(*m_settings, created->value->id);
    m_model->reload();
    QTRY_COMPARE(m_model->rowCount(), 2);

    QCOMPARE(
        m_model->headerData(ConnectorListModel::AuthenticatedColumn, Qt::Horizontal).toString(),
        u"Sign-in"_s);
    QCOMPARE(columnText(u"held"_s), u"Not connected"_s);
    QCOMPARE(columnText(u"local"_s), u"This computer (not checked yet)"_s);

    QVERIFY(m_page->selectConnector(created->value->id));
    auto *state = child<QLabel>(m_page.get(), "detailsStateLabel");
    QVERIFY2(state->text().contains("OAuth 2.0, signed in from this computer"_L1),
             qPrintable(state->text()));
    QCOMPARE(child<QPushButton>(m_page.get(), "signInPushButton")->text(), u"S&ign In…"_s);
    QTRY_COMPARE(child<QLabel>(m_page.get(), "detailsSignInLabel")->text(), u"Not signed in"_s);

    QVERIFY(m_page->selectConnector(held));
    QVERIFY2(state->text().contains("OAuth 2.0, held by Mistral"_L1), qPrintable(state->text()));
    auto *signIn = child<QPushButton>(m_page.get(), "signInPushButton");
    auto *signOut = child<QPushButton>(m_page.get(), "signOutPushButton");
    auto *signInState = child<QLabel>(m_page.get(), "detailsSignInLabel");
    QVERIFY(signIn->isVisible());
    QCOMPARE(signIn->text(), u"C&onnect…"_s);
    QCOMPARE(signOut->text(), u"&Disconnect"_s);
    QCOMPARE(signInState->text(), u"Not connected"_s);
    QVERIFY(!signOut->isEnabled());

    signIn->click();
    QTRY_COMPARE_WITH_TIMEOUT(columnText(u"held"_s), u"Connected through Mistral"_s, 15000);
    QTRY_COMPARE(signInState->text(), u"Connected"_s);
    QCOMPARE(m_opened.size(), 1);
    QVERIFY(signOut->isEnabled());

    signOut->click();
    QTRY_COMPARE_WITH_TIMEOUT(columnText(u"held"_s), u"Not connected"_s, 10000);
    QTRY_COMPARE(signInState->text(), u"Not connected"_s);
    // The user's one credential was deleted by its name.
    QCOMPARE(m_http->recordedRequests(u"/v1/connectors/"_s + held + u"/user/credentials/default"_s)
                 .size(),
             1);
}

void TestMistralAuth::form_edit_replacesTheClientMistralHolds() {
    const QString id = createHeldConnector(u"held"_s);
    QVERIFY(!id.isEmpty());
    QTRY_COMPARE(m_model->rowCount(), 1);
    ConnectorEditorDialog *editor = openEditor(m_model->connectorAt(0));
    QVERIFY(editor);
    QCOMPARE(editor->authMethod(), ConnectorEditorDialog::AuthMethod::MistralOAuth);
    child<QTabWidget>(editor, "tabWidget")
        ->setCurrentWidget(child<QWidget>(editor, "authenticationTab"));
    auto *section = editor->mistralAuthSection();
    // The update takes no metadata URL: only the JSON field is offered.
    QVERIFY(!child<QLineEdit>(section, "metadataUrlLineEdit")->isVisible());
    auto *clientId = child<QLineEdit>(section, "mistralClientIdLineEdit");
    QVERIFY(clientId->isVisible());
    QVERIFY(clientId->text().isEmpty());
    // Nothing typed: nothing about the client is sent.
    auto unchanged = editor->updateRequest();
    QVERIFY(unchanged);
    QVERIFY(!unchanged->authMethods);

    // A new client, the secret without an id first.
    const Test::PlatformClient client = Test::registerPlatformClient(*m_http);
    QTest::keyClicks(child<QLineEdit>(section, "mistralClientSecretLineEdit"), client.clientSecret);
    QVERIFY(!editor->updateRequest());
    QCOMPARE(child<QLabel>(section, "mistralErrorLabel")->text(),
             u"Enter the client id of the new OAuth client."_s);
    QTest::keyClicks(clientId, client.clientId);
    // The API showed no metadata for a connector created with a metadata URL.
    QVERIFY(!editor->updateRequest());
    QCOMPARE(child<QLabel>(section, "mistralErrorLabel")->text(),
             u"Paste the authorization server's metadata JSON: a URL can only be given when "
             "the connector is created."_s);
    const QByteArray metadata =
        m_http->get(u"/.well-known/oauth-authorization-server/__oauth"_s).body;
    child<QPlainTextEdit>(section, "metadataPlainTextEdit")
        ->setPlainText(QString::fromUtf8(metadata));
    const auto request = editor->updateRequest();
    QVERIFY(request);
    QVERIFY(request->authMethods);
    const QJsonObject method = request->authMethods->first().toObject();
    QCOMPARE(method.value("method_type"_L1).toString(), u"oauth2"_s);
    QCOMPARE(method.value("oauth2_metadata_secrets"_L1).toObject().value("client_id"_L1),
             QJsonValue(client.clientId));
    QCOMPARE(method.value("oauth2_server_metadata"_L1).toObject().value("issuer"_L1),
             QJsonValue(m_http->url(u"/__oauth"_s).toString()));

    child<QPushButton>(editor, "savePushButton")->click();
    QTRY_VERIFY(!m_page->editor());
    // The platform now signs in with the new client.
    QVERIFY(m_page->selectConnector(id));
    child<QPushButton>(m_page.get(), "signInPushButton")->click();
    QTRY_COMPARE_WITH_TIMEOUT(columnText(u"held"_s), u"Connected through Mistral"_s, 15000);
    QVERIFY(QUrlQuery(m_opened.last()).queryItemValue(u"client_id"_s) == client.clientId);
}

QTEST_MAIN(TestMistralAuth)
#include "tst_mistralauth.moc"
