// SPDX-License-Identifier: GPL-3.0-or-later
#include "AgentsTestHelpers.h"
#include "models/ErrorPresenter.h"
#include "support/EmulatorProcess.h"

#include "core/net/ApiClient.h"
#include "core/net/ApiJob.h"
#include "core/services/AgentService.h"
#include "core/services/ModelService.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using Tramontane::Test::EmulatorProcess;

namespace {

// Runs one service call to its end and keeps what the callback got.
template<typename T>
struct Call {
    bool done = false;
    ServiceResult<T> result = ServiceResult<T>::failure(ApiError());
    ServiceCallback<T> callback() {
        return [this](const ServiceResult<T> &r) {
            QVERIFY2(!done, "callback ran twice");
            result = r;
            done = true;
        };
    }
    bool wait() {
        return QTest::qWaitFor([this] { return done; }, 15000);
    }
};

AgentCreateRequest request(const QString &name, const QList<Tool> &tools = {}) {
    AgentCreateRequest r;
    r.name = name;
    r.model = u"mistral-small-latest"_s;
    r.description = u"Agent with DeepWiki access"_s;
    r.instructions = u"Be concise."_s;
    r.tools = tools;
    return r;
}

} // namespace

class TestAgentService : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void create_returnsAgentWithItsSettings();
    void create_sendsOnlyKnownFields();
    void get_readsActiveOrGivenVersion();
    void update_makesNewVersion();
    void update_setsAndClearsHandoffs();
    void versions_listsEveryVersion();
    void switchVersion_changesActiveVersion();
    void listPage_followsTokensWithSmallPages();
    void listPage_searchFiltersOnServer();
    void remove_deletesAndAnnounces();
    void create_duplicateName_is409();
    void get_unknownAgent_is404();
    void create_unknownConnector_is404();
    void create_invalidArgument_is422WithLoc();
    void listConnectors_returnsAccountConnectors();
    void models_listsChatModels();
    void cancel_deliversCanceledError();
    void deadContext_skipsCallback();

private:
    Agent createAgent(const AgentCreateRequest &r);

    EmulatorProcess m_emulator;
    QNetworkAccessManager m_nam;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<AgentService> m_agents;
    QString m_connectorId;
};

void TestAgentService::initTestCase() {
    QVERIFY2(m_emulator.start(), qPrintable(m_emulator.errorString()));
    m_client = std::make_unique<ApiClient>(&m_nam);
    QString error;
    QVERIFY2(m_client->setBaseUrl(m_emulator.baseUrl(), &error), qPrintable(error));
    m_client->setApiKey(m_emulator.apiKey());
    m_agents = std::make_unique<AgentService>(m_client.get());
}

void TestAgentService::init() {
    Test::resetEmulator(m_nam, m_emulator.baseUrl());
    const QJsonObject connector =
        Test::createConnector(m_nam, m_emulator.baseUrl(), m_emulator.apiKey(), u"my_deepwiki"_s);
    m_connectorId = connector.value("id"_L1).toString();
    QVERIFY(!m_connectorId.isEmpty());
}

Agent TestAgentService::createAgent(const AgentCreateRequest &r) {
    Call<Agent> call;
    m_agents->create(r, this, call.callback());
    call.wait();
    if (!call.result.ok())
        qWarning() << call.result.error.toLogString();
    return call.result.value.value_or(Agent());
}

void TestAgentService::create_returnsAgentWithItsSettings() {
    QSignalSpy created(m_agents.get(), &AgentService::agentCreated);
    AgentCreateRequest r =
        request(u"deepwiki_completion_agent"_s,
                {Tool::builtIn(Tool::Type::ImageGeneration), Tool::connector(m_connectorId)});
    CompletionArgs args;
    args.temperature = 0.3;
    args.toolChoice = u"any"_s;
    r.completionArgs = args;
    Call<Agent> call;
    const QPointer<ApiJob> job = m_agents->create(r, this, call.callback());
    QVERIFY(job);
    QVERIFY(call.wait());
    QVERIFY2(call.result.ok(), qPrintable(call.result.error.toLogString()));
    const Agent &agent = *call.result.value;
    QVERIFY(agent.id.startsWith(u"ag_"_s));
    QCOMPARE(agent.name, u"deepwiki_completion_agent"_s);
    QCOMPARE(agent.model, u"mistral-small-latest"_s);
    QCOMPARE(agent.instructions, std::optional(u"Be concise."_s));
    QCOMPARE(agent.tools.size(), 2);
    QCOMPARE(agent.tools.at(0).type, Tool::Type::ImageGeneration);
    QCOMPARE(agent.tools.at(1).connectorId, m_connectorId);
    QCOMPARE(agent.completionArgs.temperature, std::optional(0.3));
    QCOMPARE(agent.completionArgs.toolChoice, std::optional(u"any"_s));
    QCOMPARE(agent.version, 0);
    QVERIFY(!call.result.requestId.isEmpty());
    QCOMPARE(created.size(), 1);
    QCOMPARE(created.at(0).at(0).value<Agent>().id, agent.id);
}

void TestAgentService::create_sendsOnlyKnownFields() {
    createAgent(request(u"plain"_s));
    const QJsonArray sent = Test::recordedRequests(m_nam, m_emulator.baseUrl(), u"/v1/agents"_s);
    QCOMPARE(sent.size(), 1);
    const QJsonObject body = sent.at(0).toObject().value("body"_L1).toObject();
    QCOMPARE(body.value("name"_L1).toString(), u"plain"_s);
    for (const QString &key : body.keys())
        QVERIFY2(AgentCreateRequest::knownFields().contains(key), qPrintable(key));
    QVERIFY(!body.contains("tools"_L1)); // empty lists are not written
}

void TestAgentService::get_readsActiveOrGivenVersion() {
    const Agent agent = createAgent(request(u"reader"_s));
    QVERIFY(!agent.id.isEmpty());
    AgentUpdateRequest change;
    change.instructions = u"Second."_s;
    Call<Agent> updated;
    m_agents->update(agent.id, change, this, updated.callback());
    QVERIFY(updated.wait());
    QVERIFY(updated.result.ok());

    Call<Agent> active;
    m_agents->get(agent.id, std::nullopt, this, active.callback());
    QVERIFY(active.wait());
    QVERIFY(active.result.ok());
    QCOMPARE(active.result.value->version, 1);
    QCOMPARE(active.result.value->instructions, std::optional(u"Second."_s));

    Call<Agent> first;
    m_agents->get(agent.id, 0, this, first.callback());
    QVERIFY(first.wait());
    QVERIFY(first.result.ok());
    QCOMPARE(first.result.value->version, 0);
    QCOMPARE(first.result.value->instructions, std::optional(u"Be concise."_s));
}

void TestAgentService::update_makesNewVersion() {
    const Agent before = createAgent(request(u"versioned"_s));
    Agent after = before;
    after.tools = {Tool::builtIn(Tool::Type::ImageGeneration)};
    after.completionArgs.topP = 0.9;
    AgentUpdateRequest change = AgentUpdateRequest::fromChanges(before, after);
    change.versionMessage = u"Pictures"_s;
    QSignalSpy updatedSpy(m_agents.get(), &AgentService::agentUpdated);
    Call<Agent> call;
    m_agents->update(before.id, change, this, call.callback());
    QVERIFY(call.wait());
    QVERIFY2(call.result.ok(), qPrintable(call.result.error.toLogString()));
    const Agent &agent = *call.result.value;
    QCOMPARE(agent.id, before.id);
    QCOMPARE(agent.version, before.version + 1);
    QCOMPARE(agent.versions, QList<int>({0, 1}));
    QCOMPARE(agent.tools.size(), 1);
    QCOMPARE(agent.completionArgs.topP, std::optional(0.9));
    QCOMPARE(agent.versionMessage, std::optional(u"Pictures"_s));
    // Fields not in the update are unchanged.
    QCOMPARE(agent.name, before.name);
    QCOMPARE(agent.instructions, before.instructions);
    QCOMPARE(updatedSpy.size(), 1);
    // Only the changed fields went out.
    const QJsonArray sent =
        Test::recordedRequests(m_nam, m_emulator.baseUrl(), AgentService::agentPath(before.id));
    const QJsonObject body = sent.last().toObject().value("body"_L1).toObject();
    const QStringList keys = body.keys();
    QCOMPARE(QSet<QString>(keys.cbegin(), keys.cend()),
             QSet<QString>({u"tools"_s, u"completion_args"_s, u"version_message"_s}));
}

void TestAgentService::update_setsAndClearsHandoffs() {
    const Agent helper = createAgent(request(u"helper"_s));
    AgentCreateRequest r = request(u"router"_s);
    r.handoffs = {helper.id};
    const Agent router = createAgent(r);
    QCOMPARE(router.handoffs, std::optional(QStringList{helper.id}));
    // The form's edit: no handoffs any more (sent as null, the schema's "none").
    Agent after = router;
    after.handoffs.reset();
    const AgentUpdateRequest change = AgentUpdateRequest::fromChanges(router, after);
    QVERIFY(change.toJson().value("handoffs"_L1).isNull());
    Call<Agent> call;
    m_agents->update(router.id, change, this, call.callback());
    QVERIFY(call.wait());
    QVERIFY2(call.result.ok(), qPrintable(call.result.error.toLogString()));
    QVERIFY(call.result.value->handoffs.value_or(QStringList()).isEmpty());
}

void TestAgentService::versions_listsEveryVersion() {
    const Agent agent = createAgent(request(u"history"_s));
    for (const QString &model : {u"mistral-medium-latest"_s, u"magistral-medium-latest"_s}) {
        AgentUpdateRequest change;
        change.model = model;
        change.versionMessage = u"Now "_s + model;
        Call<Agent> call;
        m_agents->update(agent.id, change, this, call.callback());
        QVERIFY(call.wait());
        QVERIFY2(call.result.ok(), qPrintable(call.result.error.toLogString()));
    }
    Call<QList<Agent>> call;
    m_agents->versions(agent.id, this, call.callback());
    QVERIFY(call.wait());
    QVERIFY2(call.result.ok(), qPrintable(call.result.error.toLogString()));
    const QList<Agent> versions = *call.result.value;
    QCOMPARE(versions.size(), 3);
    QHash<int, Agent> byNumber;
    for (const Agent &v : versions)
        byNumber.insert(v.version, v);
    QCOMPARE(byNumber.value(0).model, u"mistral-small-latest"_s);
    QCOMPARE(byNumber.value(2).model, u"magistral-medium-latest"_s);
    QCOMPARE(byNumber.value(2).versionMessage, std::optional(u"Now magistral-medium-latest"_s));
    QVERIFY(byNumber.value(2).updatedAt.isValid());

    // A small page.
    Call<QList<Agent>> page;
    m_agents->versions(agent.id, this, page.callback(), 1, 2);
    QVERIFY(page.wait());
    QVERIFY(page.result.ok());
    QCOMPARE(page.result.value->size(), 1);
}

void TestAgentService::switchVersion_changesActiveVersion() {
    const Agent agent = createAgent(request(u"switcher"_s));
    AgentUpdateRequest change;
    change.model = u"mistral-medium-latest"_s;
    Call<Agent> updated;
    m_agents->update(agent.id, change, this, updated.callback());
    QVERIFY(updated.wait());
    QCOMPARE(updated.result.value.value_or(Agent()).version, 1);

    QSignalSpy updatedSpy(m_agents.get(), &AgentService::agentUpdated);
    Call<Agent> call;
    m_agents->switchVersion(agent.id, 0, this, call.callback());
    QVERIFY(call.wait());
    QVERIFY2(call.result.ok(), qPrintable(call.result.error.toLogString()));
    QCOMPARE(call.result.value->version, 0);
    QCOMPARE(call.result.value->model, u"mistral-small-latest"_s);
    QCOMPARE(updatedSpy.size(), 1);
    // The switch is a PATCH with the version in the query, and no new version.
    const QJsonObject sent =
        Test::recordedRequests(m_nam, m_emulator.baseUrl(),
                               AgentService::agentPath(agent.id) + u"/version"_s)
            .last()
            .toObject();
    QCOMPARE(sent.value("method"_L1).toString(), u"PATCH"_s);
    QCOMPARE(sent.value("query"_L1).toString(), u"version=0"_s);

    Call<Agent> active;
    m_agents->get(agent.id, std::nullopt, this, active.callback());
    QVERIFY(active.wait());
    QCOMPARE(active.result.value.value_or(Agent()).version, 0);
    QCOMPARE(active.result.value.value_or(Agent()).versions, QList<int>({0, 1}));

    Call<Agent> missing;
    m_agents->switchVersion(agent.id, 7, this, missing.callback());
    QVERIFY(missing.wait());
    QVERIFY(!missing.result.ok());
    QCOMPARE(missing.result.error.httpStatus(), 404);
}

void TestAgentService::listPage_followsTokensWithSmallPages() {
    QStringList names;
    for (int i = 0; i < 5; ++i) {
        names << u"paged_%1"_s.arg(i);
        QVERIFY(!createAgent(request(names.last())).id.isEmpty());
    }
    QStringList seen;
    QString token;
    int pages = 0;
    do {
        Call<AgentPage> call;
        m_agents->listPage(token, 2, QString(), this, call.callback());
        QVERIFY(call.wait());
        QVERIFY2(call.result.ok(), qPrintable(call.result.error.toLogString()));
        QVERIFY(call.result.value->data.size() <= 2);
        for (const Agent &a : call.result.value->data)
            seen << a.name;
        token = call.result.value->nextPageToken.value_or(QString());
        ++pages;
    } while (!token.isEmpty() && pages < 10);
    QCOMPARE(pages, 3);
    QCOMPARE(seen.size(), 5);
    seen.sort();
    QCOMPARE(seen, names);
    const QJsonArray sent =
        Test::recordedRequests(m_nam, m_emulator.baseUrl(), u"/v1/agents/pages"_s);
    QCOMPARE(sent.size(), 3);
    QVERIFY(sent.at(0).toObject().value("query"_L1).toString().contains(u"page_size=2"_s));
    QVERIFY(sent.at(1).toObject().value("query"_L1).toString().contains(u"page_token="_s));
}

void TestAgentService::listPage_searchFiltersOnServer() {
    createAgent(request(u"alpha helper"_s));
    createAgent(request(u"beta helper"_s));
    createAgent(request(u"gamma"_s));
    Call<AgentPage> call;
    m_agents->listPage(QString(), 20, u"helper"_s, this, call.callback());
    QVERIFY(call.wait());
    QVERIFY(call.result.ok());
    QStringList names;
    for (const Agent &a : call.result.value->data)
        names << a.name;
    names.sort();
    QCOMPARE(names, QStringList({u"alpha helper"_s, u"beta helper"_s}));
    QVERIFY(!call.result.value->nextPageToken);
}

void TestAgentService::remove_deletesAndAnnounces() {
    const Agent agent = createAgent(request(u"doomed"_s));
    QSignalSpy removed(m_agents.get(), &AgentService::agentRemoved);
    Call<Done> call;
    m_agents->remove(agent.id, this, call.callback());
    QVERIFY(call.wait());
    QVERIFY2(call.result.ok(), qPrintable(call.result.error.toLogString()));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.at(0).at(0).toString(), agent.id);
    Call<Agent> gone;
    m_agents->get(agent.id, std::nullopt, this, gone.callback());
    QVERIFY(gone.wait());
    QCOMPARE(gone.result.error.httpStatus(), 404);
    // Deleting again is a 404 too, and announces nothing.
    Call<Done> again;
    m_agents->remove(agent.id, this, again.callback());
    QVERIFY(again.wait());
    QCOMPARE(again.result.error.httpStatus(), 404);
    QCOMPARE(removed.size(), 1);
}

void TestAgentService::create_duplicateName_is409() {
    createAgent(request(u"twin"_s));
    QSignalSpy created(m_agents.get(), &AgentService::agentCreated);
    Call<Agent> call;
    m_agents->create(request(u"twin"_s), this, call.callback());
    QVERIFY(call.wait());
    QVERIFY(!call.result.ok());
    QCOMPARE(call.result.error.httpStatus(), 409);
    QCOMPARE(call.result.error.context(), ApiError::Context::Agent);
    QCOMPARE(ErrorPresenter::title(call.result.error),
             u"An agent with this name already exists."_s);
    QVERIFY(!call.result.requestId.isEmpty());
    QCOMPARE(created.size(), 0);
}

void TestAgentService::get_unknownAgent_is404() {
    Call<Agent> call;
    m_agents->get(u"ag_does_not_exist"_s, std::nullopt, this, call.callback());
    QVERIFY(call.wait());
    QVERIFY(!call.result.ok());
    QCOMPARE(call.result.error.httpStatus(), 404);
    QCOMPARE(ErrorPresenter::title(call.result.error), u"The agent was not found."_s);
}

void TestAgentService::create_unknownConnector_is404() {
    // The cookbook: creating an agent whose connector tool names no connector is a 404.
    Call<Agent> call;
    m_agents->create(request(u"lost"_s, {Tool::connector(u"no_such_connector"_s)}), this,
                     call.callback());
    QVERIFY(call.wait());
    QVERIFY(!call.result.ok());
    QCOMPARE(call.result.error.httpStatus(), 404);
    QVERIFY(call.result.error.serverMessage().contains(u"no_such_connector"_s));
    // The same on an update.
    const Agent agent = createAgent(request(u"found"_s));
    AgentUpdateRequest change;
    change.tools = QList<Tool>{Tool::connector(u"no_such_connector"_s)};
    Call<Agent> update;
    m_agents->update(agent.id, change, this, update.callback());
    QVERIFY(update.wait());
    QCOMPARE(update.result.error.httpStatus(), 404);
}

void TestAgentService::create_invalidArgument_is422WithLoc() {
    AgentCreateRequest r = request(u"hot"_s);
    CompletionArgs args;
    args.temperature = 5;
    r.completionArgs = args;
    Call<Agent> call;
    m_agents->create(r, this, call.callback());
    QVERIFY(call.wait());
    QVERIFY(!call.result.ok());
    QCOMPARE(call.result.error.httpStatus(), 422);
    const QList<ApiError::FieldError> fields = call.result.error.fieldErrors();
    QCOMPARE(fields.size(), 1);
    QCOMPARE(fields.at(0).loc, QStringList({u"completion_args"_s, u"temperature"_s}));
}

void TestAgentService::listConnectors_returnsAccountConnectors() {
    Test::createConnector(m_nam, m_emulator.baseUrl(), m_emulator.apiKey(), u"second"_s,
                          u"Second one"_s);
    Call<QList<Connector>> call;
    m_agents->listConnectors(this, call.callback());
    QVERIFY(call.wait());
    QVERIFY2(call.result.ok(), qPrintable(call.result.error.toLogString()));
    QStringList names;
    for (const Connector &c : *call.result.value)
        names << c.name;
    names.sort();
    QCOMPARE(names, QStringList({u"my_deepwiki"_s, u"second"_s}));
}

void TestAgentService::models_listsChatModels() {
    ModelService models(m_client.get());
    Call<ModelList> call;
    models.list(this, call.callback());
    QVERIFY(call.wait());
    QVERIFY2(call.result.ok(), qPrintable(call.result.error.toLogString()));
    const ModelList list = *call.result.value;
    QVERIFY(list.find(u"mistral-small-latest"_s));
    QVERIFY(!list.chatModels().isEmpty());
    QVERIFY(list.chatModels().size() < list.data.size()); // embeddings and the like left out
}

void TestAgentService::cancel_deliversCanceledError() {
    QCOMPARE(Test::addFault(m_nam, m_emulator.baseUrl(),
                            QJsonObject{{u"path"_s, u"/v1/agents/pages"_s},
                                        {u"kind"_s, u"delay"_s},
                                        {u"delay_ms"_s, 5000}}),
             200);
    Call<AgentPage> call;
    QPointer<ApiJob> job = m_agents->listPage(QString(), 20, QString(), this, call.callback());
    QVERIFY(job);
    job->cancel();
    QVERIFY(call.wait());
    QVERIFY(call.result.error.isCanceled());
}

void TestAgentService::deadContext_skipsCallback() {
    bool called = false;
    auto *context = new QObject;
    QPointer<ApiJob> job =
        m_agents->listPage(QString(), 20, QString(), context,
                           [&called](const ServiceResult<AgentPage> &) { called = true; });
    delete context;
    QTRY_VERIFY_WITH_TIMEOUT(job.isNull(), 15000); // the job ended and deleted itself
    QVERIFY(!called);
}

QTEST_GUILESS_MAIN(TestAgentService)
#include "tst_agentservice.moc"
