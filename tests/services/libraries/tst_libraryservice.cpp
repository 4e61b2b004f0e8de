// SPDX-License-Identifier: GPL-3.0-or-later
// Document libraries against the emulator: libraries are created, listed and deleted (with
// their signals); an upload reports its progress and its document turns from processing to
// ready, or to failed for an empty file; unknown ids, server errors and odd JSON (unknown
// fields, missing optional ones, status values added later) each give what a view needs.
#include "IntegrationSupport.h"
#include "core/net/ApiClient.h"
#include "core/services/LibraryService.h"
#include "support/EmulatorProcess.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using Tramontane::Test::EmulatorProcess;
using Tramontane::Test::HttpDriver;

namespace {

const QString kKey = u"libraries-key-8d41"_s;
const QString kUnknown = u"5f0c2a71-2b7e-4c1d-9a3e-0d6b8e4f1c22"_s;

QJsonObject parse(const char *json) {
    return QJsonDocument::fromJson(json).object();
}

// Waits for a service call's result.
template<typename T>
struct Waiter {
    std::optional<ServiceResult<T>> result;
    ServiceCallback<T> callback() {
        return [this](const ServiceResult<T> &r) {
            result = r;
        };
    }
    bool wait() {
        return QTest::qWaitFor([this] { return result.has_value(); }, 15000);
    }
};

} // namespace

class TestLibraryService final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void libraryJson_ignoresUnknownFields_andMissingOptionalOnes();
    void documentJson_mapsEveryProcessStatus_data();
    void documentJson_mapsEveryProcessStatus();
    void pages_skipEntriesWithoutId_andKeepTheToken();
    void createRequest_sendsOnlySetFields();

    void create_list_delete_withSignals();
    void upload_reportsProgress_thenProcessingBecomesReady();
    void emptyFile_failsProcessing();
    void unknownLibraryAndDocument_are404s();
    void serverError_isTheApiError();
    void oddIds_arePercentEncoded();

private:
    Library create(const QString &name);
    LibraryDocument upload(const QString &libraryId, const QString &name, const QByteArray &bytes,
                           QList<qint64> *progress = nullptr);
    DocumentState waitFinished(const QString &libraryId, const QString &documentId);

    EmulatorProcess m_emulator;
    std::unique_ptr<HttpDriver> m_driver;
    QNetworkAccessManager *m_nam = nullptr;
    ApiClient *m_client = nullptr;
    LibraryService *m_service = nullptr;
};

void TestLibraryService::initTestCase() {
    QVERIFY2(m_emulator.start(kKey), qPrintable(m_emulator.errorString()));
    m_driver = std::make_unique<HttpDriver>(m_emulator.baseUrl(), kKey.toUtf8());
}

void TestLibraryService::init() {
    QCOMPARE(m_driver->send("POST", u"/__admin/reset"_s).status, 200);
    QCOMPARE(m_driver->post(u"/__admin/config"_s, {{u"library_processing_ms"_s, 300}}).status, 200);
    m_nam = new QNetworkAccessManager(this);
    m_client = new ApiClient(m_nam, this);
    QVERIFY(m_client->setBaseUrl(m_emulator.baseUrl()));
    m_client->setApiKey(kKey);
    m_service = new LibraryService(m_client, this);
}

void TestLibraryService::cleanup() {
    m_driver->send("DELETE", u"/__admin/faults"_s);
    delete m_service;
    delete m_client;
    delete m_nam;
}

Library TestLibraryService::create(const QString &name) {
    Waiter<Library> w;
    m_service->createLibrary({name, std::nullopt}, this, w.callback());
    if (!w.wait() || !w.result->ok())
        return {};
    return *w.result->value;
}

LibraryDocument TestLibraryService::upload(const QString &libraryId, const QString &name,
                                           const QByteArray &bytes, QList<qint64> *progress) {
    Waiter<LibraryDocument> w;
    const QPointer<ApiJob> job =
        m_service->uploadDocument(libraryId, name, bytes, u"text/plain"_s, this, w.callback());
    if (progress && job)
        connect(job, &ApiJob::uploadProgress, this,
                [progress](qint64 sent, qint64) { progress->append(sent); });
    if (!w.wait() || !w.result->ok())
        return {};
    return *w.result->value;
}

DocumentState TestLibraryService::waitFinished(const QString &libraryId,
                                               const QString &documentId) {
    DocumentState state = DocumentState::Unknown;
    for (int i = 0; i < 50 && !isFinished(state); ++i) {
        Waiter<DocumentStatus> w;
        m_service->documentStatus(libraryId, documentId, this, w.callback());
        if (!w.wait() || !w.result->ok())
            return DocumentState::Unknown;
        state = w.result->value->state;
        if (!isFinished(state))
            QTest::qWait(100);
    }
    return state;
}

void TestLibraryService::libraryJson_ignoresUnknownFields_andMissingOptionalOnes() {
    const auto full = Library::fromJson(parse(
        R"({"id":"L1","name":"Papers","description":"Reading","created_at":"2026-01-02T03:04:05.678Z",
            "updated_at":"2026-01-03T00:00:00Z","owner_id":null,"owner_type":"Workspace",
            "total_size":2048,"nb_documents":3,"chunk_size":null,"brand_new":{"x":1}})"));
    QVERIFY(full);
    QCOMPARE(full->name, u"Papers"_s);
    QCOMPARE(full->description, std::optional(u"Reading"_s));
    QCOMPARE(full->documentCount, 3);
    QCOMPARE(full->totalSize, 2048);
    QCOMPARE(full->createdAt.toUTC().time().msec(), 678);
    QVERIFY(full->updatedAt.isValid());

    const auto bare = Library::fromJson(parse(R"({"id":"L2","name":"Bare"})"));
    QVERIFY(bare);
    QVERIFY(!bare->description);
    QCOMPARE(bare->documentCount, 0);
    QVERIFY(!bare->createdAt.isValid());
    QVERIFY(!Library::fromJson(parse(R"({"name":"no id"})")));

    const auto doc = LibraryDocument::fromJson(
        parse(R"({"id":"D1","library_id":"L1","name":"a.pdf","size":null,"mime_type":null,
                  "process_status":"in_progress","future_field":[1,2]})"));
    QVERIFY(doc);
    QVERIFY(!doc->size);
    QVERIFY(!doc->pageCount);
    QCOMPARE(doc->state, DocumentState::Processing);
}

void TestLibraryService::documentJson_mapsEveryProcessStatus_data() {
    QTest::addColumn<QString>("processStatus");
    QTest::addColumn<QString>("processingStatus");
    QTest::addColumn<int>("state");
    using S = DocumentState;
    QTest::newRow("todo") << u"todo"_s << QString() << int(S::Processing);
    QTest::newRow("in_progress") << u"in_progress"_s << u"Running"_s << int(S::Processing);
    QTest::newRow("waiting") << u"waiting_for_capacity"_s << QString() << int(S::Processing);
    QTest::newRow("done") << u"done"_s << u"Completed"_s << int(S::Ready);
    QTest::newRow("noop") << u"noop"_s << QString() << int(S::Ready);
    QTest::newRow("self_managed") << u"self_managed"_s << QString() << int(S::Ready);
    QTest::newRow("error") << u"error"_s << u"Failed"_s << int(S::Failed);
    QTest::newRow("missing_content") << u"missing_content"_s << QString() << int(S::Failed);
    QTest::newRow("later value") << u"quantum_indexing"_s << u"Completed"_s << int(S::Unknown);
    QTest::newRow("old text only") << QString() << u"Completed"_s << int(S::Ready);
    QTest::newRow("nothing") << QString() << QString() << int(S::Unknown);
}

void TestLibraryService::documentJson_mapsEveryProcessStatus() {
    QFETCH(QString, processStatus);
    QFETCH(QString, processingStatus);
    QFETCH(int, state);
    QJsonObject json{{u"document_id"_s, u"D"_s}};
    if (!processStatus.isEmpty())
        json.insert(u"process_status"_s, processStatus);
    if (!processingStatus.isEmpty())
        json.insert(u"processing_status"_s, processingStatus);
    const auto status = DocumentStatus::fromJson(json);
    QVERIFY(status);
    QCOMPARE(int(status->state), state);
    QCOMPARE(isFinished(status->state),
             state == int(DocumentState::Ready) || state == int(DocumentState::Failed));
}

void TestLibraryService::pages_skipEntriesWithoutId_andKeepTheToken() {
    const auto libraries =
        LibraryPage::fromJson(parse(R"({"data":[{"id":"A","name":"a"},{"name":"no id"}],
                                        "next_page_token":"tok"})"));
    QVERIFY(libraries);
    QCOMPARE(libraries->libraries.size(), 1);
    QCOMPARE(libraries->nextPageToken, u"tok"_s);
    QVERIFY(LibraryPage::fromJson(parse(R"({"data":[]})"))->nextPageToken.isEmpty());
    QVERIFY(!LibraryPage::fromJson(parse(R"({"items":[]})")));

    const auto documents = LibraryDocumentPage::fromJson(
        parse(R"({"pagination":{"total_items":7,"total_pages":4,"current_page":1,"page_size":2,
                                "has_more":true},"data":[{"id":"D","name":"d"}]})"));
    QVERIFY(documents);
    QCOMPARE(documents->totalItems, 7);
    QCOMPARE(documents->currentPage, 1);
    QVERIFY(documents->hasMore);
    // Without pagination: what arrived is all there is.
    QCOMPARE(LibraryDocumentPage::fromJson(parse(R"({"data":[{"id":"D"}]})"))->totalItems, 1);
}

void TestLibraryService::createRequest_sendsOnlySetFields() {
    QCOMPARE(LibraryCreateRequest({u"Papers"_s, std::nullopt}).toJson(),
             (QJsonObject{{u"name"_s, u"Papers"_s}}));
    QCOMPARE(LibraryCreateRequest({u"Papers"_s, u"Reading"_s}).toJson(),
             (QJsonObject{{u"name"_s, u"Papers"_s}, {u"description"_s, u"Reading"_s}}));
}

void TestLibraryService::create_list_delete_withSignals() {
    QSignalSpy created(m_service, &LibraryService::libraryCreated);
    QSignalSpy removed(m_service, &LibraryService::libraryRemoved);
    Waiter<Library> made;
    m_service->createLibrary({u"Papers"_s, u"Reading list"_s}, this, made.callback());
    QVERIFY(made.wait());
    QVERIFY2(made.result->ok(), qPrintable(made.result->error.toLogString()));
    const Library library = *made.result->value;
    QCOMPARE(library.name, u"Papers"_s);
    QCOMPARE(library.description, std::optional(u"Reading list"_s));
    QVERIFY(!made.result->requestId.isEmpty());
    QCOMPARE(created.size(), 1);
    create(u"Notes"_s);

    Waiter<LibraryPage> listed;
    m_service->listLibraries({}, this, listed.callback(), 1);
    QVERIFY(listed.wait());
    QVERIFY(listed.result->ok());
    QCOMPARE(listed.result->value->libraries.size(), 1);
    QCOMPARE(listed.result->value->libraries.at(0).id, library.id);
    Waiter<LibraryPage> next;
    m_service->listLibraries(listed.result->value->nextPageToken, this, next.callback(), 1);
    QVERIFY(next.wait());
    QCOMPARE(next.result->value->libraries.at(0).name, u"Notes"_s);
    QVERIFY(next.result->value->nextPageToken.isEmpty());

    Waiter<Done> gone;
    m_service->deleteLibrary(library.id, this, gone.callback());
    QVERIFY(gone.wait());
    QVERIFY(gone.result->ok());
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.at(0).at(0).toString(), library.id);
    Waiter<LibraryPage> after;
    m_service->listLibraries({}, this, after.callback());
    QVERIFY(after.wait());
    QCOMPARE(after.result->value->libraries.size(), 1);
}

void TestLibraryService::upload_reportsProgress_thenProcessingBecomesReady() {
    const Library library = create(u"Papers"_s);
    QVERIFY(!library.id.isEmpty());
    QSignalSpy uploaded(m_service, &LibraryService::documentUploaded);
    QList<qint64> progress;
    const QByteArray text = "The tramontane is a cold north wind. " + QByteArray(200000, 'w');
    const LibraryDocument document = upload(library.id, u"wind \"notes\".txt"_s, text, &progress);
    QVERIFY(!document.id.isEmpty());
    QCOMPARE(document.libraryId, library.id);
    QCOMPARE(document.name, u"wind _notes_.txt"_s); // quotes never reach the multipart header
    QCOMPARE(document.size, std::optional<qint64>(text.size()));
    QCOMPARE(document.state, DocumentState::Processing);
    QCOMPARE(uploaded.size(), 1);
    QVERIFY(!progress.isEmpty());
    // Qt may close with a (0, 0) report: the furthest one counts.
    QVERIFY(*std::max_element(progress.cbegin(), progress.cend()) >= text.size());

    QCOMPARE(waitFinished(library.id, document.id), DocumentState::Ready);

    Waiter<LibraryDocumentPage> documents;
    m_service->listDocuments(library.id, 0, this, documents.callback());
    QVERIFY(documents.wait());
    QVERIFY(documents.result->ok());
    QCOMPARE(documents.result->value->documents.size(), 1);
    QCOMPARE(documents.result->value->documents.at(0).state, DocumentState::Ready);
    QCOMPARE(documents.result->value->documents.at(0).pageCount, std::optional(1));
    QCOMPARE(documents.result->value->totalItems, 1);

    Waiter<Library> totals;
    m_service->library(library.id, this, totals.callback());
    QVERIFY(totals.wait());
    QCOMPARE(totals.result->value->documentCount, 1);
    QCOMPARE(totals.result->value->totalSize, text.size());

    QSignalSpy removed(m_service, &LibraryService::documentRemoved);
    Waiter<Done> gone;
    m_service->deleteDocument(library.id, document.id, this, gone.callback());
    QVERIFY(gone.wait());
    QVERIFY(gone.result->ok());
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.at(0).at(1).toString(), document.id);
}

void TestLibraryService::emptyFile_failsProcessing() {
    const Library library = create(u"Papers"_s);
    const LibraryDocument document = upload(library.id, u"empty.txt"_s, QByteArray());
    QVERIFY(!document.id.isEmpty());
    QCOMPARE(waitFinished(library.id, document.id), DocumentState::Failed);
}

void TestLibraryService::unknownLibraryAndDocument_are404s() {
    QSignalSpy removed(m_service, &LibraryService::libraryRemoved);
    Waiter<Done> gone;
    m_service->deleteLibrary(kUnknown, this, gone.callback());
    QVERIFY(gone.wait());
    QVERIFY(!gone.result->ok());
    QCOMPARE(gone.result->error.httpStatus(), 404);
    QCOMPARE(gone.result->error.context(), ApiError::Context::Library);
    QCOMPARE(gone.result->error.reason(), ApiError::Reason::LibraryNotFound);
    QVERIFY(!gone.result->requestId.isEmpty());
    QCOMPARE(removed.size(), 0);

    const Library library = create(u"Papers"_s);
    Waiter<DocumentStatus> status;
    m_service->documentStatus(library.id, kUnknown, this, status.callback());
    QVERIFY(status.wait());
    QCOMPARE(status.result->error.httpStatus(), 404);
    QCOMPARE(status.result->error.reason(), ApiError::Reason::DocumentNotFound);

    Waiter<LibraryDocument> upload;
    m_service->uploadDocument(kUnknown, u"a.txt"_s, "text", u"text/plain"_s, this,
                              upload.callback());
    QVERIFY(upload.wait());
    QCOMPARE(upload.result->error.reason(), ApiError::Reason::LibraryNotFound);
}

void TestLibraryService::serverError_isTheApiError() {
    QCOMPARE(m_driver->addFault(QJsonObject{{u"path"_s, u"/v1/libraries"_s},
                                            {u"method"_s, u"POST"_s},
                                            {u"count"_s, 0},
                                            {u"status"_s, 500}}),
             200);
    QSignalSpy created(m_service, &LibraryService::libraryCreated);
    Waiter<Library> made;
    m_service->createLibrary({u"Papers"_s, std::nullopt}, this, made.callback());
    QVERIFY(made.wait());
    QVERIFY(!made.result->ok());
    QCOMPARE(made.result->error.httpStatus(), 500);
    QCOMPARE(made.result->error.reason(), ApiError::Reason::ServerError);
    QCOMPARE(created.size(), 0);
}

void TestLibraryService::oddIds_arePercentEncoded() {
    QCOMPARE(LibraryService::libraryPath(u"a/b?c"_s), u"/v1/libraries/a%2Fb%3Fc"_s);
    QCOMPARE(LibraryService::documentPath(u"L"_s, u"../x"_s),
             u"/v1/libraries/L/documents/..%2Fx"_s);
    // The emulator sees one malformed id, never another route.
    Waiter<Library> w;
    m_service->library(u"../../models"_s, this, w.callback());
    QVERIFY(w.wait());
    QCOMPARE(w.result->error.httpStatus(), 422);
}

QTEST_GUILESS_MAIN(TestLibraryService)
#include "tst_libraryservice.moc"
