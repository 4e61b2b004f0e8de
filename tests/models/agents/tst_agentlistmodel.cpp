// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/AgentListModel.h"
#include "models/Roles.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

Agent makeAgent(int i) {
    Agent a;
    a.id = u"ag_%1"_s.arg(i, 3, 10, QChar(u'0'));
    a.name = u"Agent %1"_s.arg(i);
    a.model = u"mistral-small-latest"_s;
    a.version = i % 3;
    a.description = u"Description %1"_s.arg(i);
    a.updatedAt = QDateTime::fromString(u"2026-08-01T10:00:00Z"_s, Qt::ISODate);
    return a;
}

// A scripted /v1/agents/pages: answers on the next event-loop turn, with an opaque token.
struct FakeBackend {
    QList<Agent> agents;
    struct Request {
        QString token;
        int pageSize;
        QString search;
    };
    QList<Request> requests;
    std::optional<ApiError> failNext;
    bool hold = false; // keep answers until release()
    QList<std::function<void()>> held;

    AgentListModel::PageFetcher fetcher() {
        return [this](const QString &token, int pageSize, const QString &search, QObject *context,
                      ServiceCallback<AgentPage> callback) {
            requests.append({token, pageSize, search});
            std::function<void()> answer;
            if (failNext) {
                const ApiError error = *failNext;
                failNext.reset();
                answer = [callback, error] {
                    callback(ServiceResult<AgentPage>::failure(error));
                };
            } else {
                QList<Agent> matching;
                for (const Agent &a : std::as_const(agents)) {
                    if (search.isEmpty() || a.name.contains(search, Qt::CaseInsensitive))
                        matching.append(a);
                }
                const int offset = token.isEmpty() ? 0 : token.mid(1).toInt();
                AgentPage page;
                page.data = matching.mid(offset, pageSize);
                if (offset + pageSize < matching.size())
                    page.nextPageToken = u"o%1"_s.arg(offset + pageSize);
                answer = [callback, page] {
                    callback(ServiceResult<AgentPage>::success(page, u"req-1"_s));
                };
            }
            if (hold) {
                held.append(answer);
                return;
            }
            QTimer::singleShot(0, context, answer);
        };
    }
    void release() {
        const auto answers = std::exchange(held, {});
        for (const auto &answer : answers)
            answer();
    }
};

} // namespace

class TestAgentListModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void refresh_loadsFirstPage();
    void fetchMore_followsPageTokenToTheEnd();
    void beforeRefresh_aViewAsksNothing();
    void tester_pagesThroughEverything();
    void setSearch_reloadsWithServerSearch();
    void refresh_ignoresAnswerToEarlierRequest();
    void loadFailure_reportedAndStopsFetching();
    void canceledLoad_isNoFailure();
    void emptyPageWithToken_endsList();
    void upsertAndRemove_updateRows();
    void accountAgents_ignoreTheSearch();
    void loadsEveryPage_followsTokensUnlessSearching();
    void data_columnsAndRoles();
};

void TestAgentListModel::refresh_loadsFirstPage() {
    FakeBackend backend;
    for (int i = 0; i < 5; ++i)
        backend.agents.append(makeAgent(i));
    AgentListModel model(backend.fetcher());
    // No tester here: it fetches more on its own, and this test counts requests.
    model.setPageSize(3);
    QSignalSpy loading(&model, &AgentListModel::loadingChanged);
    model.refresh();
    QVERIFY(model.isLoading());
    QVERIFY(!model.canFetchMore({}));
    QTRY_VERIFY(model.hasLoaded());
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(!model.isLoading());
    QCOMPARE(loading.size(), 2);
    QCOMPARE(backend.requests.size(), 1);
    QCOMPARE(backend.requests.at(0).token, QString());
    QCOMPARE(backend.requests.at(0).pageSize, 3);
    QCOMPARE(model.agentAt(0).id, u"ag_000"_s);
}

void TestAgentListModel::fetchMore_followsPageTokenToTheEnd() {
    FakeBackend backend;
    for (int i = 0; i < 7; ++i)
        backend.agents.append(makeAgent(i));
    AgentListModel model(backend.fetcher());
    // No tester here: it fetches more on its own, and this test counts requests.
    model.setPageSize(3);
    // The owner asks for the first page; a view asks for the next ones through fetchMore.
    model.refresh();
    QTRY_COMPARE(model.rowCount(), 3);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    model.fetchMore({}); // ignored while a page is on its way
    QTRY_COMPARE(model.rowCount(), 6);
    model.fetchMore({});
    QTRY_COMPARE(model.rowCount(), 7);
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(backend.requests.size(), 3);
    QCOMPARE(backend.requests.at(1).token, u"o3"_s);
    QCOMPARE(backend.requests.at(2).token, u"o6"_s);
    for (int i = 0; i < 7; ++i)
        QCOMPARE(model.agentAt(i).id, backend.agents.at(i).id);
}

void TestAgentListModel::beforeRefresh_aViewAsksNothing() {
    // A page built at start shows the model before the API can be asked (the demo's emulator
    // still starting, no key yet): the first request is the owner's, through refresh().
    FakeBackend backend;
    backend.agents.append(makeAgent(0));
    AgentListModel model(backend.fetcher());
    QVERIFY(!model.canFetchMore({}));
    // The tester calls fetchMore() whenever canFetchMore() says so, like a view.
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.fetchMore({});
    QTest::qWait(50); // a request would be on its way by now
    QVERIFY(backend.requests.isEmpty());
    model.refresh();
    QTRY_COMPARE(model.rowCount(), 1);
    QCOMPARE(backend.requests.size(), 1);
}

void TestAgentListModel::tester_pagesThroughEverything() {
    FakeBackend backend;
    for (int i = 0; i < 11; ++i)
        backend.agents.append(makeAgent(i));
    AgentListModel model(backend.fetcher());
    model.setPageSize(4);
    // The tester asks for more whenever it may, like a view scrolled to the end.
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.refresh();
    QTRY_COMPARE(model.rowCount(), 11);
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(backend.requests.size(), 3);
}

void TestAgentListModel::setSearch_reloadsWithServerSearch() {
    FakeBackend backend;
    for (int i = 0; i < 12; ++i)
        backend.agents.append(makeAgent(i));
    AgentListModel model(backend.fetcher());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.refresh();
    QTRY_COMPARE(model.rowCount(), 12);
    model.setSearch(u"  agent 1 "_s);
    QCOMPARE(model.search(), u"agent 1"_s);
    QCOMPARE(model.rowCount(), 0);
    QTRY_COMPARE(model.rowCount(), 3); // Agent 1, 10, 11
    QCOMPARE(backend.requests.last().search, u"agent 1"_s);
    const qsizetype requests = backend.requests.size();
    model.setSearch(u"agent 1"_s); // unchanged: no reload
    QCOMPARE(backend.requests.size(), requests);
    model.setSearch(QString());
    QTRY_COMPARE(model.rowCount(), 12);
}

void TestAgentListModel::refresh_ignoresAnswerToEarlierRequest() {
    FakeBackend backend;
    backend.agents = {makeAgent(1)};
    AgentListModel model(backend.fetcher());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    backend.hold = true;
    model.refresh();
    backend.agents = {makeAgent(2), makeAgent(3)};
    model.refresh();
    backend.release(); // both answers arrive, the first one late
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.agentAt(0).id, u"ag_002"_s);
    QVERIFY(!model.isLoading());
}

void TestAgentListModel::loadFailure_reportedAndStopsFetching() {
    FakeBackend backend;
    backend.agents = {makeAgent(1)};
    AgentListModel model(backend.fetcher());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    backend.failNext =
        ApiError::fromHttp(503, {}, "{\"detail\":\"down\"}", ApiError::Context::Agent);
    QSignalSpy failed(&model, &AgentListModel::loadFailed);
    model.refresh();
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0).at(0).value<ApiError>().httpStatus(), 503);
    QCOMPARE(model.lastError().httpStatus(), 503);
    QVERIFY(!model.canFetchMore({}));
    model.refresh();
    QTRY_COMPARE(model.rowCount(), 1);
    QVERIFY(!model.lastError().isError());
}

void TestAgentListModel::canceledLoad_isNoFailure() {
    FakeBackend backend;
    AgentListModel model(backend.fetcher());
    backend.failNext = ApiError::canceled(ApiError::Context::Agent);
    QSignalSpy failed(&model, &AgentListModel::loadFailed);
    model.refresh();
    QTRY_VERIFY(!model.isLoading());
    QCOMPARE(failed.size(), 0);
}

void TestAgentListModel::emptyPageWithToken_endsList() {
    AgentListModel model([](const QString &, int, const QString &, QObject *context,
                            ServiceCallback<AgentPage> callback) {
        AgentPage page;
        page.nextPageToken = u"again"_s;
        QTimer::singleShot(0, context,
                           [callback, page] { callback(ServiceResult<AgentPage>::success(page)); });
    });
    model.refresh();
    QTRY_VERIFY(model.hasLoaded());
    QVERIFY(!model.canFetchMore({}));
}

void TestAgentListModel::upsertAndRemove_updateRows() {
    FakeBackend backend;
    backend.agents = {makeAgent(1), makeAgent(2)};
    AgentListModel model(backend.fetcher());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.refresh();
    QTRY_COMPARE(model.rowCount(), 2);
    Agent changed = makeAgent(2);
    changed.version = 7;
    QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);
    model.upsertAgent(changed);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(dataChanged.size(), 1);
    QCOMPARE(model.data(model.index(1, AgentListModel::VersionColumn)).toInt(), 7);
    model.upsertAgent(makeAgent(9));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.agentAt(0).id, u"ag_009"_s);
    model.removeAgent(u"ag_001"_s);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowOf(u"ag_001"_s), -1);
    model.removeAgent(u"unknown"_s);
    QCOMPARE(model.rowCount(), 2);
}

void TestAgentListModel::accountAgents_ignoreTheSearch() {
    FakeBackend backend;
    for (int i = 0; i < 12; ++i)
        backend.agents.append(makeAgent(i));
    AgentListModel model(backend.fetcher());
    QSignalSpy changed(&model, &AgentListModel::accountAgentsChanged);
    model.refresh();
    QTRY_COMPARE(model.rowCount(), 12);
    QCOMPARE(model.accountAgents().size(), 12);
    QVERIFY(changed.size() >= 1);

    model.setSearch(u"agent 1"_s);
    QTRY_COMPARE(model.rowCount(), 3);
    QCOMPARE(model.accountAgents().size(), 12);

    // Saves and deletes made while searching reach the account's list too.
    changed.clear();
    model.upsertAgent(makeAgent(42));
    QCOMPARE(model.accountAgents().size(), 13);
    QCOMPARE(model.accountAgents().first().id, makeAgent(42).id);
    Agent renamed = makeAgent(5);
    renamed.name = u"Renamed"_s;
    model.upsertAgent(renamed); // not among the rows: the account's copy changes all the same
    QVERIFY(std::any_of(model.accountAgents().cbegin(), model.accountAgents().cend(),
                        [](const Agent &a) { return a.name == u"Renamed"_s; }));
    QCOMPARE(model.accountAgents().size(), 13);
    model.removeAgent(makeAgent(7).id); // hidden by the search
    QCOMPARE(model.accountAgents().size(), 12);
    QVERIFY(std::none_of(model.accountAgents().cbegin(), model.accountAgents().cend(),
                         [](const Agent &a) { return a.id == makeAgent(7).id; }));
    QCOMPARE(changed.size(), 3);

    model.setSearch(QString());
    QTRY_COMPARE(model.rowCount(), 12);
    QCOMPARE(model.accountAgents().size(), 12);
}

void TestAgentListModel::loadsEveryPage_followsTokensUnlessSearching() {
    FakeBackend backend;
    for (int i = 0; i < 45; ++i)
        backend.agents.append(makeAgent(i));
    AgentListModel model(backend.fetcher());
    model.setPageSize(20);
    model.setLoadsEveryPage(true);
    model.refresh();
    QTRY_COMPARE(model.rowCount(), 45);
    QCOMPARE(model.accountAgents().size(), 45);
    QCOMPARE(backend.requests.size(), 3);
    QVERIFY(!model.canFetchMore({}));
    // A search shows its first page only; more come as the view scrolls.
    backend.requests.clear();
    model.setSearch(u"agent"_s);
    QTRY_COMPARE(model.rowCount(), 20);
    QTest::qWait(50);
    QCOMPARE(backend.requests.size(), 1);
    QCOMPARE(model.accountAgents().size(), 45);
}

void TestAgentListModel::data_columnsAndRoles() {
    FakeBackend backend;
    Agent a = makeAgent(4);
    a.tools = {Tool::builtIn(Tool::Type::ImageGeneration), Tool::connector(u"c-id"_s)};
    backend.agents = {a};
    AgentListModel model(backend.fetcher());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.refresh();
    QTRY_COMPARE(model.rowCount(), 1);
    QCOMPARE(model.columnCount(), 5);
    QCOMPARE(model.headerData(AgentListModel::ToolsColumn, Qt::Horizontal).toString(), u"Tools"_s);
    QCOMPARE(model.data(model.index(0, AgentListModel::NameColumn)).toString(), u"Agent 4"_s);
    QCOMPARE(model.data(model.index(0, AgentListModel::ModelColumn)).toString(),
             u"mistral-small-latest"_s);
    QCOMPARE(model.data(model.index(0, AgentListModel::ToolsColumn)).toString(),
             u"Image generation, c-id"_s);
    QVERIFY(!model.data(model.index(0, AgentListModel::UpdatedColumn)).toString().isEmpty());
    // Connectors make connector tools readable.
    Connector c;
    c.id = u"c-id"_s;
    c.name = u"wiki"_s;
    c.title = u"Wiki"_s;
    model.setConnectors({c});
    QCOMPARE(model.data(model.index(0, AgentListModel::ToolsColumn)).toString(),
             u"Image generation, Wiki"_s);
    const QModelIndex any = model.index(0, AgentListModel::VersionColumn);
    QCOMPARE(model.data(any, Roles::AgentIdRole).toString(), u"ag_004"_s);
    QCOMPARE(model.data(any, Roles::AgentVersionRole).toInt(), 1);
    QCOMPARE(model.data(any, Roles::AgentObjectRole).value<Agent>().name, u"Agent 4"_s);
    QCOMPARE(model.data(any, Roles::AgentToolsRole).toStringList(),
             QStringList({u"Image generation"_s, u"Wiki"_s}));
    QCOMPARE(model.data(any, Qt::ToolTipRole).toString(), u"Description 4"_s);
}

QTEST_GUILESS_MAIN(TestAgentListModel)
#include "tst_agentlistmodel.moc"
