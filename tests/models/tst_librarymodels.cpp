// SPDX-License-Identifier: GPL-3.0-or-later
// The Libraries page's models against the emulator, under QAbstractItemModelTester: the list
// loads every page and follows the service's signals; an upload is a row at once, showing its
// progress until the server answers; the poller asks about documents still processing only,
// and a document deleted elsewhere makes the list load again instead of being asked forever.
#include "IntegrationSupport.h"
#include "core/net/ApiClient.h"
#include "core/services/LibraryService.h"
#include "models/LibraryDocumentModel.h"
#include "models/LibraryListModel.h"
#include "models/LibraryStatusPoller.h"
#include "models/Roles.h"
#include "support/EmulatorProcess.h"

#include <QAbstractItemModelTester>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using Tramontane::Test::EmulatorProcess;
using Tramontane::Test::HttpDriver;

class TestLibraryModels final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void list_loadsEveryPage_andFollowsTheService();
    void upload_isARowAtOnce_withItsProgress();
    void poller_asksOnlyAboutProcessingDocuments();
    void documentDeletedElsewhere_reloadsTheList();

private:
    QString createLibrary(const QString &name);

    EmulatorProcess m_emulator;
    std::unique_ptr<HttpDriver> m_driver;
    QNetworkAccessManager m_nam;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<LibraryService> m_service;
};

void TestLibraryModels::initTestCase() {
    QVERIFY2(m_emulator.start(), qPrintable(m_emulator.errorString()));
    m_driver = std::make_unique<HttpDriver>(m_emulator.baseUrl(), m_emulator.apiKey().toUtf8());
    m_client = std::make_unique<ApiClient>(&m_nam);
    QVERIFY(m_client->setBaseUrl(m_emulator.baseUrl()));
    m_client->setApiKey(m_emulator.apiKey());
    m_service = std::make_unique<LibraryService>(m_client.get());
}

void TestLibraryModels::init() {
    QCOMPARE(m_driver->send("POST", u"/__admin/reset"_s).status, 200);
    QCOMPARE(m_driver->post(u"/__admin/config"_s, {{u"library_processing_ms"_s, 300}}).status, 200);
}

QString TestLibraryModels::createLibrary(const QString &name) {
    return m_driver->post(u"/v1/libraries"_s, {{u"name"_s, name}})
        .object()
        .value("id"_L1)
        .toString();
}

void TestLibraryModels::list_loadsEveryPage_andFollowsTheService() {
    for (int i = 0; i < 3; ++i)
        QVERIFY(!createLibrary(u"Library %1"_s.arg(i)).isEmpty());
    LibraryListModel list(m_service.get());
    QAbstractItemModelTester tester(&list, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Pages of one library each: the model follows next_page_token to the end.
    list.refresh();
    QTRY_VERIFY(list.hasLoaded());
    QCOMPARE(list.rowCount(), 3);
    QCOMPARE(list.data(list.index(2, LibraryListModel::NameColumn)).toString(), u"Library 2"_s);
    QCOMPARE(list.data(list.index(0, LibraryListModel::DocumentsColumn)).toString(), u"0"_s);

    QSignalSpy inserted(&list, &QAbstractItemModel::rowsInserted);
    bool created = false;
    m_service->createLibrary({u"Fresh"_s, std::nullopt}, this,
                             [&](const ServiceResult<Library> &r) { created = r.ok(); });
    QTRY_VERIFY(created);
    QCOMPARE(inserted.size(), 1);
    const int row = list.rowOf(list.library(3).id);
    QCOMPARE(row, 3);
    bool deleted = false;
    m_service->deleteLibrary(list.library(0).id, this,
                             [&](const ServiceResult<Done> &r) { deleted = r.ok(); });
    QTRY_VERIFY(deleted);
    QCOMPARE(list.rowCount(), 3);
    QCOMPARE(list.library(0).name, u"Library 1"_s);
}

void TestLibraryModels::upload_isARowAtOnce_withItsProgress() {
    const QString id = createLibrary(u"Papers"_s);
    LibraryDocumentModel docs(m_service.get());
    QAbstractItemModelTester tester(&docs, QAbstractItemModelTester::FailureReportingMode::QtTest);
    docs.setLibrary(id);
    QTRY_VERIFY(!docs.isLoading());
    // The server takes its time to answer: the whole body is sent, the answer waits.
    QCOMPARE(m_driver->addFault(QJsonObject{{u"kind"_s, u"delay"_s},
                                            {u"path"_s, QString(u"/v1/libraries/"_s + id)},
                                            {u"method"_s, u"POST"_s},
                                            {u"delay_ms"_s, 1500}}),
             200);
    QSignalSpy changed(&docs, &LibraryDocumentModel::documentsChanged);
    docs.upload(u"big.txt"_s, QByteArray(3 * 1024 * 1024, 'x'), u"text/plain"_s);
    QCOMPARE(docs.rowCount(), 1);
    QCOMPARE(docs.uploadsInFlight(), 1);
    QCOMPARE(docs.data(docs.index(0, 0), Roles::LibraryDocumentStateRole).toInt(), -1);
    QVERIFY(docs.processingIds().isEmpty()); // nothing to ask about before it exists
    const auto statusText = [&] {
        return docs.data(docs.index(0, LibraryDocumentModel::StatusColumn)).toString();
    };
    QVERIFY(statusText().startsWith(u"Uploading…"_s));
    QTRY_COMPARE(statusText(), u"Uploading… 100%"_s);
    QTRY_COMPARE_WITH_TIMEOUT(docs.uploadsInFlight(), 0, 10000);
    QCOMPARE(docs.rowCount(), 1);
    QCOMPARE(statusText(), u"Processing…"_s);
    QVERIFY(!docs.document(0).id.isEmpty());
    QCOMPARE(docs.processingIds(), QStringList{docs.document(0).id});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toString(), id);
}

void TestLibraryModels::poller_asksOnlyAboutProcessingDocuments() {
    const QString id = createLibrary(u"Papers"_s);
    LibraryDocumentModel docs(m_service.get());
    docs.setLibrary(id);
    docs.upload(u"a.txt"_s, "text", u"text/plain"_s);
    docs.upload(u"empty.txt"_s, QByteArray(), u"text/plain"_s);
    QTRY_COMPARE(docs.processingIds().size(), 2);
    LibraryStatusPoller poller(m_service.get(), &docs);
    poller.setInterval(50);
    poller.start();
    QTRY_VERIFY_WITH_TIMEOUT(docs.processingIds().isEmpty(), 10000);
    const int ready = docs.document(0).name == u"a.txt"_s ? 0 : 1;
    QCOMPARE(docs.document(ready).state, DocumentState::Ready);
    QCOMPARE(docs.document(1 - ready).state, DocumentState::Failed);
    // Nothing left to ask about: no more status requests.
    QTRY_COMPARE(poller.pending(), 0);
    const qsizetype asked = m_driver->recordedRequests(u"/v1/libraries/"_s).size();
    QTest::qWait(300);
    QCOMPARE(m_driver->recordedRequests(u"/v1/libraries/"_s).size(), asked);
}

void TestLibraryModels::documentDeletedElsewhere_reloadsTheList() {
    const QString id = createLibrary(u"Papers"_s);
    QCOMPARE(m_driver->post(u"/__admin/config"_s, {{u"library_processing_ms"_s, 60000}}).status,
             200);
    LibraryDocumentModel docs(m_service.get());
    docs.setLibrary(id);
    docs.upload(u"a.txt"_s, "text", u"text/plain"_s);
    QTRY_COMPARE(docs.processingIds().size(), 1);
    const QString documentId = docs.processingIds().constFirst();
    QCOMPARE(m_driver->del(u"/v1/libraries/%1/documents/%2"_s.arg(id, documentId)).status, 204);
    LibraryStatusPoller poller(m_service.get(), &docs);
    poller.setInterval(50);
    poller.start();
    QTRY_COMPARE_WITH_TIMEOUT(docs.rowCount(), 0, 5000);
    QVERIFY(docs.processingIds().isEmpty());
}

QTEST_GUILESS_MAIN(TestLibraryModels)
#include "tst_librarymodels.moc"
