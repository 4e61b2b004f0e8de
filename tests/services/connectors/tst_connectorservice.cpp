// SPDX-License-Identifier: GPL-3.0-or-later
// ConnectorService against the emulator over loopback: CRUD, cursor paging, the errors the
// form shows on its fields (409, 422 with loc), 404, 401, and the tools of a connector whose
// MCP server is the emulator's own.
#include "core/net/ApiClient.h"
#include "core/net/ApiJob.h"
#include "core/services/ConnectorService.h"

#include "IntegrationSupport.h"
#include "models/ErrorPresenter.h"
#include "support/EmulatorProcess.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

ConnectorCreateRequest makeRequest(const QString &name, const QString &server) {
    ConnectorCreateRequest request;
    request.name = name;
    request.description = u"Test connector "_s + name;
    request.server = server;
    return request;
}

QStringList names(const QList<McpTool> &tools) {
    QStringList list;
    for (const McpTool &tool : tools)
        list.append(tool.name);
    list.sort();
    return list;
}

} // namespace

class TestConnectorService : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void create_returnsTheConnector_andAnnouncesIt();
    void create_secretHeaderValuesAreNotReturned();
    void get_byIdAndByName();
    void get_unknown_is404WithConnectorContext();
    void list_pagesThroughTheCursor();
    void list_activeFilterIsSent();
    void update_sendsOnlyTheChangedFields();
    void update_headersGoThroughAuthMethods();
    void update_byName_isRefusedBeforeSending();
    void remove_deletesAndAnnounces();
    void create_nameTaken_is409();
    void create_badServer_is422OnServer();
    void update_nameTaken_is409();
    void listTools_asksTheMcpServer();
    void listTools_securedServer_needsTheHeader();
    void listTools_unreachableServer_isAnError();
    void wrongKey_is401();
    void contextDestroyed_callbackSkipped();

private:
    QUrl mcpUrl(const QString &path = u"/__mcp"_s) const;
    Connector createOrFail(const ConnectorCreateRequest &request);

    Test::EmulatorProcess m_emulator;
    std::unique_ptr<Test::HttpDriver> m_admin;
    QNetworkAccessManager m_nam;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<ConnectorService> m_service;
};

void TestConnectorService::initTestCase() {
    QVERIFY2(m_emulator.start(u"test-key"_s), qPrintable(m_emulator.errorString()));
    m_admin = std::make_unique<Test::HttpDriver>(m_emulator.baseUrl(), "test-key");
}

void TestConnectorService::init() {
    QCOMPARE(m_admin->send("POST", u"/__admin/reset"_s).status, 200);
    m_client = std::make_unique<ApiClient>(&m_nam);
    QString error;
    QVERIFY2(m_client->setBaseUrl(m_emulator.baseUrl(), &error), qPrintable(error));
    m_client->setApiKey(u"test-key"_s);
    m_service = std::make_unique<ConnectorService>(m_client.get());
}

void TestConnectorService::cleanup() {
    m_service.reset();
    m_client.reset();
}

QUrl TestConnectorService::mcpUrl(const QString &path) const {
    QUrl url = m_emulator.baseUrl();
    url.setPath(path);
    return url;
}

Connector TestConnectorService::createOrFail(const ConnectorCreateRequest &request) {
    std::optional<ServiceResult<Connector>> result;
    m_service->create(request, this, [&](const ServiceResult<Connector> &r) { result = r; });
    [&] {
        QTRY_VERIFY(result.has_value());
    }();
    if (!result || !result->ok()) {
        qWarning() << "create failed:" << (result ? result->error.toLogString() : u"no result"_s);
        return {};
    }
    return *result->value;
}

void TestConnectorService::create_returnsTheConnector_andAnnouncesIt() {
    QSignalSpy created(m_service.get(), &ConnectorService::connectorCreated);
    ConnectorCreateRequest request = makeRequest(u"team_wiki"_s, mcpUrl().toString());
    request.title = u"Team wiki"_s;
    request.visibility = u"shared_workspace"_s;
    request.systemPrompt = u"Cite pages."_s;
    request.iconUrl = u"https://example.com/icon.png"_s;

    std::optional<ServiceResult<Connector>> result;
    const QPointer<ApiJob> job =
        m_service->create(request, this, [&](const ServiceResult<Connector> &r) { result = r; });
    QVERIFY(job);
    QTRY_VERIFY(result.has_value());
    QVERIFY2(result->ok(), qPrintable(result->error.toLogString()));
    const Connector &c = *result->value;
    QVERIFY(ConnectorService::isUuid(c.id));
    QCOMPARE(c.name, u"team_wiki"_s);
    QCOMPARE(c.title, u"Team wiki"_s);
    QCOMPARE(c.server, mcpUrl().toString());
    QCOMPARE(c.visibility, u"shared_workspace"_s);
    QCOMPARE(c.systemPrompt, u"Cite pages."_s);
    QVERIFY(!result->requestId.isEmpty());
    QCOMPARE(created.size(), 1);
    QCOMPARE(created.first().first().value<Connector>().id, c.id);

    // What went over the wire: the SDK's create body, protocol included.
    const QJsonArray sent = m_admin->recordedRequests(u"/v1/connectors"_s);
    QCOMPARE(sent.size(), 1);
    const QJsonObject body = sent.first().toObject().value("body"_L1).toObject();
    QCOMPARE(body.value("protocol"_L1).toString(), u"mcp"_s);
    QCOMPARE(body.value("name"_L1).toString(), u"team_wiki"_s);
}

void TestConnectorService::create_secretHeaderValuesAreNotReturned() {
    ConnectorCreateRequest request = makeRequest(u"with_headers"_s, mcpUrl().toString());
    request.globalHeaders = connectorGlobalHeadersJson({
        {u"X-Api-Key"_s, u"very-secret-value"_s, true, true},
        {u"Accept-Language"_s, u"fr"_s, false, true},
    });
    const Connector c = createOrFail(request);
    QVERIFY(!c.id.isEmpty());
    const QList<ConnectorHeader> headers = c.headers();
    QCOMPARE(headers.size(), 2);
    QCOMPARE(headers.at(0), (ConnectorHeader{u"Accept-Language"_s, u"fr"_s, false, true}));
    QCOMPARE(headers.at(1), (ConnectorHeader{u"X-Api-Key"_s, QString(), true, true}));
    QVERIFY(!c.raw.isEmpty());
}

void TestConnectorService::get_byIdAndByName() {
    const Connector created = createOrFail(makeRequest(u"lookup"_s, mcpUrl().toString()));
    for (const QString &key : {created.id, u"lookup"_s}) {
        std::optional<ServiceResult<Connector>> result;
        m_service->get(key, this, [&](const ServiceResult<Connector> &r) { result = r; });
        QTRY_VERIFY(result.has_value());
        QVERIFY2(result->ok(), qPrintable(result->error.toLogString()));
        QCOMPARE(result->value->id, created.id);
    }
}

void TestConnectorService::get_unknown_is404WithConnectorContext() {
    std::optional<ServiceResult<Connector>> result;
    m_service->get(u"no/such connector"_s, this,
                   [&](const ServiceResult<Connector> &r) { result = r; });
    QTRY_VERIFY(result.has_value());
    QVERIFY(!result->ok());
    QCOMPARE(result->error.httpStatus(), 404);
    QCOMPARE(result->error.context(), ApiError::Context::Connector);
    QVERIFY(!ErrorPresenter::title(result->error).isEmpty());
    // The name went out as one path segment.
    const QJsonArray sent = m_admin->recordedRequests(u"/v1/connectors/"_s);
    QCOMPARE(sent.last().toObject().value("path"_L1).toString(),
             u"/v1/connectors/no/such connector"_s);
    QVERIFY(!result->requestId.isEmpty());
}

void TestConnectorService::list_pagesThroughTheCursor() {
    QStringList expected;
    for (int i = 0; i < 5; ++i) {
        const QString name = u"paged_%1"_s.arg(i);
        QVERIFY(!createOrFail(makeRequest(name, mcpUrl().toString())).id.isEmpty());
        expected.append(name);
    }
    QStringList seen;
    QString cursor;
    int pages = 0;
    do {
        std::optional<ServiceResult<ConnectorPage>> result;
        m_service->list(cursor, 2, {}, this,
                        [&](const ServiceResult<ConnectorPage> &r) { result = r; });
        QTRY_VERIFY(result.has_value());
        QVERIFY2(result->ok(), qPrintable(result->error.toLogString()));
        ++pages;
        QVERIFY(result->value->items.size() <= 2);
        for (const Connector &c : result->value->items)
            seen.append(c.name);
        cursor = result->value->nextCursor.value_or(QString());
        QCOMPARE(result->value->pageSize, 2);
    } while (!cursor.isEmpty() && pages < 10);
    QCOMPARE(pages, 3);
    QCOMPARE(seen, expected);

    const QJsonArray sent = m_admin->recordedRequests(u"/v1/connectors"_s);
    const QString firstQuery = sent.at(5).toObject().value("query"_L1).toString();
    QCOMPARE(firstQuery, u"page_size=2"_s);
    QVERIFY(sent.at(6).toObject().value("query"_L1).toString().contains("cursor="_L1));
}

void TestConnectorService::list_activeFilterIsSent() {
    std::optional<ServiceResult<ConnectorPage>> result;
    m_service->list(QString(), 10, ConnectorListFilters{true}, this,
                    [&](const ServiceResult<ConnectorPage> &r) { result = r; });
    QTRY_VERIFY(result.has_value());
    QVERIFY(result->ok());
    const QJsonArray sent = m_admin->recordedRequests(u"/v1/connectors"_s);
    QCOMPARE(sent.last().toObject().value("query"_L1).toString(), u"page_size=10&active=true"_s);
}

void TestConnectorService::update_sendsOnlyTheChangedFields() {
    const Connector created = createOrFail(makeRequest(u"to_edit"_s, mcpUrl().toString()));
    QSignalSpy updated(m_service.get(), &ConnectorService::connectorUpdated);
    ConnectorUpdateRequest request;
    request.title = u"Edited"_s;
    request.description = u"New description"_s;
    std::optional<ServiceResult<Connector>> result;
    m_service->update(created.id, request, this,
                      [&](const ServiceResult<Connector> &r) { result = r; });
    QTRY_VERIFY(result.has_value());
    QVERIFY2(result->ok(), qPrintable(result->error.toLogString()));
    QCOMPARE(result->value->title, u"Edited"_s);
    QCOMPARE(result->value->description, u"New description"_s);
    QCOMPARE(result->value->name, u"to_edit"_s);
    QCOMPARE(updated.size(), 1);

    const QJsonObject last = m_admin->recordedRequests(u"/v1/connectors/"_s).last().toObject();
    QCOMPARE(last.value("method"_L1).toString(), u"PATCH"_s);
    QCOMPARE(last.value("path"_L1).toString(), u"/v1/connectors/"_s + created.id);
    QCOMPARE(last.value("body"_L1).toObject(),
             (QJsonObject{{"protocol"_L1, u"mcp"_s},
                          {"title"_L1, u"Edited"_s},
                          {"description"_L1, u"New description"_s}}));
}

void TestConnectorService::update_headersGoThroughAuthMethods() {
    ConnectorCreateRequest create =
        makeRequest(u"secured"_s, mcpUrl(u"/__mcp/secured"_s).toString());
    const Connector created = createOrFail(create);
    ConnectorUpdateRequest request;
    request.setGlobalHeaders(created,
                             {{u"Authorization"_s, u"Bearer demo-mcp-token"_s, true, true}});
    std::optional<ServiceResult<Connector>> result;
    m_service->update(created.id, request, this,
                      [&](const ServiceResult<Connector> &r) { result = r; });
    QTRY_VERIFY(result.has_value());
    QVERIFY2(result->ok(), qPrintable(result->error.toLogString()));
    const QList<ConnectorHeader> headers = result->value->headers();
    QCOMPARE(headers.size(), 1);
    QCOMPARE(headers.first().name, u"Authorization"_s);
    QVERIFY(headers.first().value.isEmpty());

    // The server now sends the header to the MCP server: the tools are reachable.
    std::optional<ServiceResult<QList<McpTool>>> tools;
    m_service->listTools(created.id, this,
                         [&](const ServiceResult<QList<McpTool>> &r) { tools = r; });
    QTRY_VERIFY_WITH_TIMEOUT(tools.has_value(), 15000);
    QVERIFY2(tools->ok(), qPrintable(tools->error.toLogString()));
    QVERIFY(names(*tools->value).contains("echo"_L1));
}

void TestConnectorService::update_byName_isRefusedBeforeSending() {
    std::optional<ServiceResult<Connector>> result;
    ConnectorUpdateRequest request;
    request.title = u"x"_s;
    const QPointer<ApiJob> job = m_service->update(
        u"some_name"_s, request, this, [&](const ServiceResult<Connector> &r) { result = r; });
    QVERIFY(!job);
    QVERIFY(!result.has_value()); // never inside the call
    QTRY_VERIFY(result.has_value());
    QCOMPARE(result->error.kind(), ApiError::Kind::InvalidRequest);
    QVERIFY(m_admin->recordedRequests(u"/v1/connectors"_s).isEmpty());
}

void TestConnectorService::remove_deletesAndAnnounces() {
    const Connector created = createOrFail(makeRequest(u"to_delete"_s, mcpUrl().toString()));
    QSignalSpy removed(m_service.get(), &ConnectorService::connectorRemoved);
    std::optional<ServiceResult<Done>> result;
    m_service->remove(created.id, this, [&](const ServiceResult<Done> &r) { result = r; });
    QTRY_VERIFY(result.has_value());
    QVERIFY2(result->ok(), qPrintable(result->error.toLogString()));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().first().toString(), created.id);

    std::optional<ServiceResult<Connector>> after;
    m_service->get(created.id, this, [&](const ServiceResult<Connector> &r) { after = r; });
    QTRY_VERIFY(after.has_value());
    QCOMPARE(after->error.httpStatus(), 404);

    // Deleting again is a 404, and nothing is announced.
    std::optional<ServiceResult<Done>> again;
    m_service->remove(created.id, this, [&](const ServiceResult<Done> &r) { again = r; });
    QTRY_VERIFY(again.has_value());
    QCOMPARE(again->error.httpStatus(), 404);
    QCOMPARE(removed.size(), 1);
}

void TestConnectorService::create_nameTaken_is409() {
    QVERIFY(!createOrFail(makeRequest(u"taken"_s, mcpUrl().toString())).id.isEmpty());
    QSignalSpy created(m_service.get(), &ConnectorService::connectorCreated);
    std::optional<ServiceResult<Connector>> result;
    m_service->create(makeRequest(u"taken"_s, mcpUrl().toString()), this,
                      [&](const ServiceResult<Connector> &r) { result = r; });
    QTRY_VERIFY(result.has_value());
    QVERIFY(!result->ok());
    QCOMPARE(result->error.httpStatus(), 409);
    QVERIFY(result->error.serverMessage().contains("taken"_L1));
    QCOMPARE(created.size(), 0);
}

void TestConnectorService::create_badServer_is422OnServer() {
    std::optional<ServiceResult<Connector>> result;
    m_service->create(makeRequest(u"bad_server"_s, u"ftp://example.com/mcp"_s), this,
                      [&](const ServiceResult<Connector> &r) { result = r; });
    QTRY_VERIFY(result.has_value());
    QVERIFY(!result->ok());
    QCOMPARE(result->error.httpStatus(), 422);
    const QList<ApiError::FieldError> fields = result->error.fieldErrors();
    QCOMPARE(fields.size(), 1);
    QCOMPARE(fields.first().loc, QStringList{u"server"_s});
    QVERIFY(!fields.first().message.isEmpty());
}

void TestConnectorService::update_nameTaken_is409() {
    QVERIFY(!createOrFail(makeRequest(u"first"_s, mcpUrl().toString())).id.isEmpty());
    const Connector second = createOrFail(makeRequest(u"second"_s, mcpUrl().toString()));
    ConnectorUpdateRequest request;
    request.name = u"first"_s;
    std::optional<ServiceResult<Connector>> result;
    m_service->update(second.id, request, this,
                      [&](const ServiceResult<Connector> &r) { result = r; });
    QTRY_VERIFY(result.has_value());
    QCOMPARE(result->error.httpStatus(), 409);
}

void TestConnectorService::listTools_asksTheMcpServer() {
    const Connector c = createOrFail(makeRequest(u"toolbox"_s, mcpUrl().toString()));
    QVERIFY(!c.id.isEmpty());
    std::optional<ServiceResult<QList<McpTool>>> result;
    m_service->listTools(u"toolbox"_s, this,
                         [&](const ServiceResult<QList<McpTool>> &r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 15000);
    QVERIFY2(result->ok(), qPrintable(result->error.toLogString()));
    QCOMPARE(names(*result->value),
             (QStringList{u"add"_s, u"current_time"_s, u"echo"_s, u"tiny_image"_s, u"weather"_s}));
    for (const McpTool &tool : *result->value) {
        if (tool.name == "echo"_L1) {
            QVERIFY(tool.description && !tool.description->isEmpty());
            QCOMPARE(tool.inputSchema.value("type"_L1).toString(), u"object"_s);
            QVERIFY(tool.inputSchema.value("properties"_L1).toObject().contains("message"_L1));
        }
    }
    const QJsonArray sent = m_admin->recordedRequests(u"/v1/connectors/toolbox/tools"_s);
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().toObject().value("query"_L1).toString(),
             u"page=1&page_size=100&refresh=false&pretty=false"_s);
}

void TestConnectorService::listTools_securedServer_needsTheHeader() {
    const Connector c =
        createOrFail(makeRequest(u"locked"_s, mcpUrl(u"/__mcp/secured"_s).toString()));
    std::optional<ServiceResult<QList<McpTool>>> result;
    m_service->listTools(c.id, this, [&](const ServiceResult<QList<McpTool>> &r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 15000);
    QVERIFY(!result->ok());
    QCOMPARE(result->error.httpStatus(), 401);
    QCOMPARE(result->error.context(), ApiError::Context::Connector);
}

void TestConnectorService::listTools_unreachableServer_isAnError() {
    QUrl dead = m_emulator.baseUrl();
    dead.setPort(Test::deadPort());
    dead.setPath(u"/mcp"_s);
    const Connector c = createOrFail(makeRequest(u"dead"_s, dead.toString()));
    std::optional<ServiceResult<QList<McpTool>>> result;
    m_service->listTools(c.id, this, [&](const ServiceResult<QList<McpTool>> &r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 15000);
    QVERIFY(!result->ok());
    QCOMPARE(result->error.httpStatus(), 422);
}

void TestConnectorService::wrongKey_is401() {
    m_client->setApiKey(u"wrong-key"_s);
    std::optional<ServiceResult<ConnectorPage>> result;
    m_service->list(QString(), 10, {}, this,
                    [&](const ServiceResult<ConnectorPage> &r) { result = r; });
    QTRY_VERIFY(result.has_value());
    QVERIFY(!result->ok());
    QCOMPARE(result->error.httpStatus(), 401);
    QVERIFY(!ErrorPresenter::hint(result->error).isEmpty());
}

void TestConnectorService::contextDestroyed_callbackSkipped() {
    QSignalSpy created(m_service.get(), &ConnectorService::connectorCreated);
    auto context = std::make_unique<QObject>();
    bool called = false;
    m_service->create(makeRequest(u"orphan"_s, mcpUrl().toString()), context.get(),
                      [&](const ServiceResult<Connector> &) { called = true; });
    context.reset();
    // The server still created it, and the service still says so.
    QTRY_COMPARE(created.size(), 1);
    QVERIFY(!called);
}

QTEST_GUILESS_MAIN(TestConnectorService)
#include "tst_connectorservice.moc"
