// SPDX-License-Identifier: GPL-3.0-or-later
// Connecting a connector whose OAuth client Mistral holds (PlatformConnect and
// ConnectorAuthService) against the emulator, the test playing the browser: connected, the
// return page, cancel, timeout (the TTL of the auth URL), an auth URL that is not https
// refused without being opened, and disconnect; and the one-shot loopback listener.
#include "core/auth/LoopbackReturnListener.h"
#include "core/auth/PlatformConnect.h"
#include "core/net/ApiClient.h"
#include "core/services/ConnectorAuthService.h"
#include "core/services/ConnectorService.h"

#include "PlatformAuthTestSupport.h"
#include "support/EmulatorProcess.h"

#include <QTcpSocket>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using Outcome = PlatformConnect::Outcome;

class TestPlatformConnect : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void connect_browserComesBack_connected();
    void connect_returnWithoutSigningIn_notConnected();
    void cancel_whileWaiting_canceledAndPortClosed();
    void timeout_afterTheTtl_timedOut();
    void unsafeAuthUrl_refusedNeverOpened_data();
    void unsafeAuthUrl_refusedNeverOpened();
    void connectorWithoutClient_requestFailed();
    void disconnect_deletesTheUserCredential();
    void listener_answersOnlyItsPathOnLoopbackOnce();

private:
    //! Creates a connector with the platform's client data (inline metadata when given).
    QString createConnector(const QString &name, const QJsonObject &inlineMetadata = {});
    PlatformConnect::Result run(PlatformConnect &connect, const QString &connectorId,
                                int waitMs = 15000);
    Connector read(const QString &id);

    Test::EmulatorProcess m_emulator;
    std::unique_ptr<Test::HttpDriver> m_http;
    QNetworkAccessManager m_nam;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<ConnectorService> m_connectors;
    std::unique_ptr<ConnectorAuthService> m_auth;
    Test::TestBrowser m_browser;
};

void TestPlatformConnect::initTestCase() {
    qRegisterMetaType<PlatformConnect::Result>();
    QVERIFY2(m_emulator.start(u"test-key"_s), qPrintable(m_emulator.errorString()));
    m_http = std::make_unique<Test::HttpDriver>(m_emulator.baseUrl(), "test-key");
    m_nam.setProxy(QNetworkProxy::NoProxy);
    m_client = std::make_unique<ApiClient>(&m_nam);
    QVERIFY(m_client->setBaseUrl(m_emulator.baseUrl()));
    m_client->setApiKey(u"test-key"_s);
    m_connectors = std::make_unique<ConnectorService>(m_client.get());
    m_auth = std::make_unique<ConnectorAuthService>(m_client.get());
}

void TestPlatformConnect::init() {
    QCOMPARE(m_http->send("POST", u"/__admin/reset"_s).status, 200);
}

QString TestPlatformConnect::createConnector(const QString &name,
                                             const QJsonObject &inlineMetadata) {
    const Test::PlatformClient client = Test::registerPlatformClient(*m_http);
    ConnectorCreateRequest request;
    request.name = name;
    request.description = u"Held by the platform"_s;
    request.server = m_http->url(u"/__mcp/oauth"_s).toString();
    request.oauthClientId = client.clientId;
    request.oauthClientSecret = client.clientSecret;
    if (inlineMetadata.isEmpty())
        request.oauth2ServerMetadataUrl = client.metadataUrl;
    else
        request.oauth2ServerMetadata = inlineMetadata;
    const Test::HttpResult r = m_http->post(u"/v1/connectors"_s, request.toJson());
    if (r.status != 201)
        qWarning("create: %d %s", r.status, r.body.constData());
    return r.object().value("id"_L1).toString();
}

PlatformConnect::Result TestPlatformConnect::run(PlatformConnect &connect,
                                                 const QString &connectorId, int waitMs) {
    QSignalSpy finished(&connect, &PlatformConnect::finished);
    connect.start(connectorId);
    if (!finished.wait(waitMs))
        return {PlatformConnect::Outcome::Canceled, {}, u"(no end)"_s, {}};
    return finished.first().first().value<PlatformConnect::Result>();
}

Connector TestPlatformConnect::read(const QString &id) {
    return Connector::fromJson(m_http->get(u"/v1/connectors/"_s + id).object());
}

void TestPlatformConnect::connect_browserComesBack_connected() {
    const QString id = createConnector(u"held"_s);
    QVERIFY(!id.isEmpty());
    QVERIFY(!PlatformConnect::isConnected(read(id)));

    PlatformConnect connect(m_auth.get(), m_connectors.get());
    QList<QUrl> opened;
    int browserStatus = 0;
    QObject::connect(&connect, &PlatformConnect::browserRequested, this, [&](const QUrl &url) {
        opened.append(url);
        QTimer::singleShot(0, this, [&, url] { browserStatus = m_browser.follow(url); });
    });
    const PlatformConnect::Result result = run(connect, id);
    QCOMPARE(result.outcome, Outcome::Connected);
    QCOMPARE(opened.size(), 1);
    // The browser was sent to the connector's authorization server, with the kept client.
    QCOMPARE(opened.first().path(), u"/__oauth/authorize"_s);
    QTRY_COMPARE(browserStatus, 200);
    QVERIFY2(m_browser.page().contains("close this tab"), m_browser.page().constData());
    QVERIFY(result.connector.isAuthenticated.value_or(false));
    QVERIFY(PlatformConnect::isConnected(read(id)));
    QCOMPARE(m_http->recordedRequests(u"/v1/connectors/"_s + id + u"/auth_url"_s).size(), 1);
    QVERIFY(!connect.returnUrl().isEmpty());
    QCOMPARE(connect.returnUrl().host(), u"127.0.0.1"_s);

    // The platform's credential now reaches the protected MCP server.
    std::optional<ServiceResult<QList<McpTool>>> tools;
    m_connectors->listTools(id, this, [&](const ServiceResult<QList<McpTool>> &r) { tools = r; });
    QTRY_VERIFY_WITH_TIMEOUT(tools.has_value(), 15000);
    QVERIFY2(tools->ok(), qPrintable(tools->error.toLogString()));
}

void TestPlatformConnect::connect_returnWithoutSigningIn_notConnected() {
    const QString id = createConnector(u"held"_s);
    PlatformConnect connect(m_auth.get(), m_connectors.get());
    // A browser that goes straight back to the app, as after a refused consent.
    QObject::connect(&connect, &PlatformConnect::browserRequested, this, [&](const QUrl &) {
        QTimer::singleShot(0, this, [&] {
            QUrl back = connect.returnUrl();
            back.setQuery(u"error=access_denied"_s);
            m_browser.follow(back);
        });
    });
    const PlatformConnect::Result result = run(connect, id);
    QCOMPARE(result.outcome, Outcome::NotConnected);
    QCOMPARE(result.detail, u"access_denied"_s);
    QVERIFY(!PlatformConnect::isConnected(read(id)));
}

void TestPlatformConnect::cancel_whileWaiting_canceledAndPortClosed() {
    const QString id = createConnector(u"held"_s);
    PlatformConnect connect(m_auth.get(), m_connectors.get());
    QSignalSpy finished(&connect, &PlatformConnect::finished);
    QSignalSpy opened(&connect, &PlatformConnect::browserRequested);
    connect.start(id);
    QVERIFY(opened.wait(10000));
    QCOMPARE(connect.stage(), PlatformConnect::Stage::WaitingForBrowser);
    const QUrl back = connect.returnUrl();
    connect.cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().value<PlatformConnect::Result>().outcome, Outcome::Canceled);
    QVERIFY(!connect.isRunning());
    // The port is closed: the browser finds nobody there.
    QCOMPARE(m_browser.follow(back), 0);
    QCOMPARE(finished.size(), 1);
}

void TestPlatformConnect::timeout_afterTheTtl_timedOut() {
    QCOMPARE(m_http->post(u"/__admin/platform-auth"_s, QJsonObject{{u"ttl"_s, 1}}).status, 200);
    const QString id = createConnector(u"held"_s);
    PlatformConnect connect(m_auth.get(), m_connectors.get());
    QElapsedTimer clock;
    clock.start();
    const PlatformConnect::Result result = run(connect, id);
    QCOMPARE(result.outcome, Outcome::TimedOut);
    QCOMPARE(connect.timeoutMs(), 1000);
    QVERIFY(clock.elapsed() >= 900);
}

void TestPlatformConnect::unsafeAuthUrl_refusedNeverOpened_data() {
    QTest::addColumn<QString>("endpoint");
    QTest::newRow("http elsewhere") << u"http://example.com/authorize"_s;
    QTest::newRow("file") << u"file:///etc/passwd"_s;
    QTest::newRow("javascript") << u"javascript:alert(1)"_s;
    QTest::newRow("ftp on loopback") << u"ftp://127.0.0.1/authorize"_s;
    QTest::newRow("user info") << u"https://user@evil.example/authorize"_s;
}

void TestPlatformConnect::unsafeAuthUrl_refusedNeverOpened() {
    QFETCH(QString, endpoint);
    const QJsonObject metadata{
        {u"issuer"_s, m_http->url(u"/__oauth"_s).toString()},
        {u"authorization_endpoint"_s, endpoint},
        {u"token_endpoint"_s, m_http->url(u"/__oauth/token"_s).toString()},
    };
    const QString id = createConnector(u"held"_s, metadata);
    QVERIFY(!id.isEmpty());
    PlatformConnect connect(m_auth.get(), m_connectors.get());
    QSignalSpy opened(&connect, &PlatformConnect::browserRequested);
    const PlatformConnect::Result result = run(connect, id);
    QCOMPARE(result.outcome, Outcome::UnsafeUrl);
    QCOMPARE(opened.size(), 0);
}

void TestPlatformConnect::connectorWithoutClient_requestFailed() {
    const Test::HttpResult created = m_http->post(
        u"/v1/connectors"_s, QJsonObject{{u"name"_s, u"plain"_s},
                                         {u"description"_s, u"d"_s},
                                         {u"server"_s, m_http->url(u"/__mcp"_s).toString()}});
    QCOMPARE(created.status, 201);
    PlatformConnect connect(m_auth.get(), m_connectors.get());
    QSignalSpy opened(&connect, &PlatformConnect::browserRequested);
    const PlatformConnect::Result result = run(connect, created.object().value("id"_L1).toString());
    QCOMPARE(result.outcome, Outcome::RequestFailed);
    QCOMPARE(result.error.httpStatus(), 400);
    QCOMPARE(opened.size(), 0);
}

void TestPlatformConnect::disconnect_deletesTheUserCredential() {
    const QString id = createConnector(u"held"_s);
    PlatformConnect connect(m_auth.get(), m_connectors.get());
    QObject::connect(&connect, &PlatformConnect::browserRequested, this, [&](const QUrl &url) {
        QTimer::singleShot(0, this, [&, url] { m_browser.follow(url); });
    });
    QCOMPARE(run(connect, id).outcome, Outcome::Connected);

    std::optional<ServiceResult<ConnectorCredentialList>> listed;
    m_auth->userCredentials(id, this,
                            [&](const ServiceResult<ConnectorCredentialList> &r) { listed = r; });
    QTRY_VERIFY(listed.has_value());
    QVERIFY(listed->ok());
    QCOMPARE(listed->value->credentials.size(), 1);
    const ConnectorCredential credential = listed->value->credentials.first();
    QCOMPARE(credential.authenticationType, u"oauth2"_s);
    QVERIFY(credential.isDefault);
    QCOMPARE(credential.status, u"valid"_s);

    QSignalSpy deleted(m_auth.get(), &ConnectorAuthService::credentialsDeleted);
    std::optional<ServiceResult<Done>> done;
    m_auth->deleteUserCredentials(id, credential.name, this,
                                  [&](const ServiceResult<Done> &r) { done = r; });
    QTRY_VERIFY(done.has_value());
    QVERIFY2(done->ok(), qPrintable(done->error.toLogString()));
    QCOMPARE(deleted.size(), 1);
    QVERIFY(!PlatformConnect::isConnected(read(id)));
    const Test::HttpResult requests =
        m_http->get(u"/v1/connectors/"_s + id + u"/user/credentials"_s);
    QCOMPARE(requests.object().value("credentials"_L1).toArray().size(), 0);

    // A name that is not there is the server's 404.
    done.reset();
    m_auth->deleteUserCredentials(id, u"default"_s, this,
                                  [&](const ServiceResult<Done> &r) { done = r; });
    QTRY_VERIFY(done.has_value());
    QCOMPARE(done->error.httpStatus(), 404);
}

void TestPlatformConnect::listener_answersOnlyItsPathOnLoopbackOnce() {
    LoopbackReturnListener listener;
    QSignalSpy returned(&listener, &LoopbackReturnListener::returned);
    QVERIFY(listener.listen());
    const QUrl url = listener.url();
    QCOMPARE(url.host(), u"127.0.0.1"_s);
    QVERIFY(url.path().size() > 20); // a random path, not guessable

    // Not on another interface: the socket is bound to 127.0.0.1.
    QTcpSocket probe;
    probe.connectToHost(QHostAddress::LocalHostIPv6, quint16(url.port()));
    QVERIFY(!probe.waitForConnected(2000));

    QUrl wrong = url;
    wrong.setPath(u"/return/guess"_s);
    QCOMPARE(m_browser.follow(wrong), 404);
    QCOMPARE(returned.size(), 0);

    QUrl back = url;
    back.setQuery(u"status=ok"_s);
    QCOMPARE(m_browser.follow(back), 200);
    QCOMPARE(returned.size(), 1);
    QCOMPARE(returned.first().first().value<QUrlQuery>().queryItemValue(u"status"_s), u"ok"_s);
    // One shot: the port is closed now.
    QCOMPARE(m_browser.follow(url), 0);
    QCOMPARE(returned.size(), 1);
}

QTEST_GUILESS_MAIN(TestPlatformConnect)
#include "tst_platformconnect.moc"
