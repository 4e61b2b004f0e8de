// SPDX-License-Identifier: GPL-3.0-or-later
// Documents against the emulator: an upload reports its progress and can be canceled; a
// document then becomes a signed document_url chunk or the OCR text that names it; a text file
// is read without a request; refusals (4xx, 5xx) of the upload and of OCR are the API's errors.
#include "IntegrationSupport.h"
#include "core/net/ApiClient.h"
#include "core/protocol/Model.h"
#include "core/services/DocumentJob.h"
#include "core/services/DocumentRoute.h"
#include "core/services/DocumentService.h"
#include "support/EmulatorProcess.h"

#include <QNetworkAccessManager>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using Tramontane::Test::EmulatorProcess;
using Tramontane::Test::HttpDriver;

namespace {

const QString kKey = u"documents-key-5c2e91aa"_s;

// A one-page PDF whose content stream shows \a text (enough for the emulator's OCR).
QByteArray pdfWith(const QByteArray &text, int padding = 0) {
    QByteArray pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                     "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                     "3 0 obj << /Type /Page /Parent 2 0 R /Contents 4 0 R >> endobj\n"
                     "4 0 obj << >> stream\nBT /F1 12 Tf 72 712 Td ("
                     + text + ") Tj ET\nendstream endobj\n";
    pdf += "% " + QByteArray(padding, 'x') + "\n%%EOF\n";
    return pdf;
}

struct Outcome {
    DocumentJob::Status status = DocumentJob::Status::Pending;
    ContentChunk chunk;
    ApiError error;
    std::optional<UploadedFile> uploaded;
};

} // namespace

class TestDocumentService final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void route_data();
    void route();
    void documentUrlPath_uploadsWithProgress_andSignsAUrlTheServiceCanRead();
    void ocrPath_givesTheTextBetweenLinesNamingTheFile();
    void changedPath_reusesTheUpload();
    void textFile_isReadWithoutARequest();
    void cancelDuringUpload_endsCanceled_andSendsNothingMore();
    void refusedUpload_isTheApiError_data();
    void refusedUpload_isTheApiError();
    void refusedOcr_isTheApiError();
    void officeDocument_isReadByOcr();

private:
    Outcome run(DocumentJob *job, QList<qint64> *progress = nullptr);

    EmulatorProcess m_emulator;
    std::unique_ptr<HttpDriver> m_driver;
    QNetworkAccessManager *m_nam = nullptr;
    ApiClient *m_client = nullptr;
    DocumentService *m_documents = nullptr;
};

void TestDocumentService::initTestCase() {
    QVERIFY2(m_emulator.start(kKey), qPrintable(m_emulator.errorString()));
    m_driver = std::make_unique<HttpDriver>(m_emulator.baseUrl(), kKey.toUtf8());
}

void TestDocumentService::init() {
    m_nam = new QNetworkAccessManager(this);
    m_client = new ApiClient(m_nam, this);
    QVERIFY(m_client->setBaseUrl(m_emulator.baseUrl()));
    m_client->setApiKey(kKey);
    m_documents = new DocumentService(m_client, this);
}

void TestDocumentService::cleanup() {
    m_driver->send("DELETE", u"/__admin/faults"_s);
    delete m_documents;
    delete m_client;
    delete m_nam;
}

Outcome TestDocumentService::run(DocumentJob *job, QList<qint64> *progress) {
    Outcome out;
    if (progress)
        connect(job, &DocumentJob::progress, this,
                [progress](qint64 sent, qint64) { progress->append(sent); });
    connect(job, &DocumentJob::finished, this, [&out, job] {
        out.status = job->status();
        out.chunk = job->chunk();
        out.error = job->error();
        out.uploaded = job->uploaded();
    });
    if (!QTest::qWaitFor([&] { return out.status != DocumentJob::Status::Pending; }, 20000))
        job->cancel();
    return out;
}

void TestDocumentService::route_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("vision");
    QTest::addColumn<bool>("known");
    QTest::addColumn<int>("path");
    using P = DocumentRoute::Path;
    QTest::newRow("pdf, vision") << u"a.pdf"_s << true << true << int(P::DocumentUrl);
    QTest::newRow("pdf, no vision") << u"a.pdf"_s << false << true << int(P::Ocr);
    QTest::newRow("docx, unknown model") << u"a.DOCX"_s << true << false << int(P::Ocr);
    QTest::newRow("pptx, vision") << u"deck.pptx"_s << true << true << int(P::DocumentUrl);
    QTest::newRow("scan, no vision") << u"scan.png"_s << false << true << int(P::Ocr);
    QTest::newRow("text, vision") << u"notes.md"_s << true << true << int(P::Text);
    QTest::newRow("text, no vision") << u"data.csv"_s << false << true << int(P::Text);
}

void TestDocumentService::route() {
    QFETCH(QString, file);
    QFETCH(bool, vision);
    QFETCH(bool, known);
    QFETCH(int, path);
    ModelCapabilities caps;
    caps.completionChat = true;
    caps.vision = vision;
    QCOMPARE(int(DocumentRoute::choose(DocumentRoute::kindOf(file), known ? &caps : nullptr)),
             path);
    QCOMPARE(DocumentRoute::kindOf(u"program.exe"_s), DocumentRoute::Kind::Unsupported);
    QCOMPARE(DocumentRoute::kindOf(u"noextension"_s), DocumentRoute::Kind::Unsupported);
}

void TestDocumentService::documentUrlPath_uploadsWithProgress_andSignsAUrlTheServiceCanRead() {
    const QByteArray pdf = pdfWith("Quarterly figures", 3 * 1024 * 1024);
    auto *job = new DocumentJob(m_documents, u"report \"Q3\".pdf"_s, pdf,
                                DocumentRoute::Path::DocumentUrl, {}, this);
    QList<qint64> progress;
    QSignalSpy stages(job, &DocumentJob::stageChanged);
    const Outcome out = run(job, &progress);
    QCOMPARE(out.status, DocumentJob::Status::Succeeded);
    // Progress grows to the document's size, never past it.
    QVERIFY2(progress.size() >= 2, qPrintable(QString::number(progress.size())));
    QVERIFY(std::is_sorted(progress.cbegin(), progress.cend()));
    QCOMPARE(progress.constLast(), pdf.size());
    QCOMPARE(stages.size(), 3); // uploading, linking, done
    QCOMPARE(out.chunk.type, ContentChunk::Type::DocumentUrl);
    QCOMPARE(out.chunk.documentName, u"report \"Q3\".pdf"_s);
    QCOMPARE(out.chunk.documentBytes, pdf.size());
    QVERIFY(out.uploaded);
    QCOMPARE(out.chunk.documentFileId, out.uploaded->id);
    // The wire form carries the URL and the name only.
    const QJsonObject wire = out.chunk.toJson();
    QCOMPARE(wire.keys(), (QStringList{u"document_name"_s, u"document_url"_s, u"type"_s}));
    QVERIFY(out.chunk.toStoredJson().contains("attached_file_id"_L1));

    // The upload was multipart with purpose "ocr", and the file is the bytes sent.
    const QJsonArray uploads = m_driver->recordedRequests(u"/v1/files"_s);
    QVERIFY(!uploads.isEmpty());
    const auto meta = m_driver->get(u"/v1/files/"_s + out.uploaded->id);
    QCOMPARE(meta.status, 200);
    QCOMPARE(meta.object().value("purpose"_L1).toString(), u"ocr"_s);
    QCOMPARE(meta.object().value("bytes"_L1).toInteger(), pdf.size());
    QCOMPARE(meta.object().value("mimetype"_L1).toString(), u"application/pdf"_s);
    // The signed URL is read without the key, as the service does.
    const auto fetched = m_driver->getUrl(QUrl(out.chunk.documentUrl), QByteArray());
    QCOMPARE(fetched.status, 200);
    QCOMPARE(fetched.body, pdf);
}

void TestDocumentService::ocrPath_givesTheTextBetweenLinesNamingTheFile() {
    auto *job = new DocumentJob(m_documents, u"scan.pdf"_s, pdfWith("Invoice 4417 total 12 EUR"),
                                DocumentRoute::Path::Ocr, {}, this);
    const Outcome out = run(job);
    QCOMPARE(out.status, DocumentJob::Status::Succeeded);
    QCOMPARE(out.chunk.type, ContentChunk::Type::Text);
    QCOMPARE(out.chunk.documentName, u"scan.pdf"_s);
    QCOMPARE(out.chunk.text,
             u"<document name=\"scan.pdf\">\nInvoice 4417 total 12 EUR\n</document>"_s);
    // Sent as a plain text chunk; the name stays in storage only.
    QCOMPARE(out.chunk.toJson().keys(), (QStringList{u"text"_s, u"type"_s}));
    const ContentChunk stored = ContentChunk::fromJson(out.chunk.toStoredJson());
    QCOMPARE(stored.documentName, u"scan.pdf"_s);
    QVERIFY(stored.isDocument());
    // The person's words exclude it.
    const MessageContent content(
        QList<ContentChunk>{ContentChunk::makeText(u"What is the total?"_s), out.chunk});
    QCOMPARE(content.plainText(), u"What is the total?"_s);
    QCOMPARE(content.documents().size(), 1);
    const QJsonArray ocr = m_driver->recordedRequests(u"/v1/ocr"_s);
    QCOMPARE(ocr.size(), 1);
}

void TestDocumentService::changedPath_reusesTheUpload() {
    auto *first = new DocumentJob(m_documents, u"memo.pdf"_s, pdfWith("Memo"),
                                  DocumentRoute::Path::Ocr, {}, this);
    const Outcome read = run(first);
    QCOMPARE(read.status, DocumentJob::Status::Succeeded);
    const qsizetype uploads = m_driver->recordedRequests(u"/v1/files"_s).size();
    auto *second = new DocumentJob(m_documents, u"memo.pdf"_s, *read.uploaded,
                                   DocumentRoute::Path::DocumentUrl, {}, this);
    const Outcome linked = run(second);
    QCOMPARE(linked.status, DocumentJob::Status::Succeeded);
    QCOMPARE(linked.chunk.type, ContentChunk::Type::DocumentUrl);
    QCOMPARE(linked.chunk.documentFileId, read.uploaded->id);
    // The URL request is recorded under /v1/files too: one more request, and no POST.
    const QJsonArray after = m_driver->recordedRequests(u"/v1/files"_s);
    QCOMPARE(after.size(), uploads + 1);
    QCOMPARE(after.last().toObject().value("method"_L1).toString(), u"GET"_s);
}

void TestDocumentService::textFile_isReadWithoutARequest() {
    const qsizetype before = m_driver->recordedRequests().size();
    auto *job = new DocumentJob(m_documents, u"notes.md"_s, "\xef\xbb\xbf# Notes\nBuy milk\n",
                                DocumentRoute::Path::Text, {}, this);
    const Outcome out = run(job);
    QCOMPARE(out.status, DocumentJob::Status::Succeeded);
    QCOMPARE(out.chunk.text, u"<document name=\"notes.md\">\n# Notes\nBuy milk\n</document>"_s);
    QCOMPARE(m_driver->recordedRequests().size(), before);

    auto *binary = new DocumentJob(m_documents, u"data.txt"_s, QByteArray("a\0b", 3),
                                   DocumentRoute::Path::Text, {}, this);
    QCOMPARE(run(binary).status, DocumentJob::Status::Failed);
}

void TestDocumentService::cancelDuringUpload_endsCanceled_andSendsNothingMore() {
    QCOMPARE(m_driver->addFault(QJsonObject{{u"kind"_s, u"delay"_s},
                                            {u"path"_s, u"/v1/files"_s},
                                            {u"method"_s, u"POST"_s},
                                            {u"delay_ms"_s, 4000}}),
             200);
    const auto urlRequests = [this] {
        const QJsonArray files = m_driver->recordedRequests(u"/v1/files"_s);
        return std::count_if(files.begin(), files.end(), [](const QJsonValue &r) {
            return r.toObject().value("path"_L1).toString().endsWith("/url"_L1);
        });
    };
    const auto urlsBefore = urlRequests();
    auto *job = new DocumentJob(m_documents, u"slow.pdf"_s, pdfWith("Slow"),
                                DocumentRoute::Path::DocumentUrl, {}, this);
    QPointer<DocumentJob> guard(job);
    QTRY_COMPARE(job->stage(), DocumentJob::Stage::Uploading);
    QSignalSpy finished(job, &DocumentJob::finished);
    job->cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(job->status(), DocumentJob::Status::Canceled);
    QVERIFY(job->error().isCanceled());
    QTRY_VERIFY(guard.isNull()); // it deletes itself
    // No signed URL is asked for once the delayed upload is answered.
    QTest::qWait(4500);
    QCOMPARE(urlRequests(), urlsBefore);
}

void TestDocumentService::refusedUpload_isTheApiError_data() {
    QTest::addColumn<int>("status");
    QTest::newRow("413") << 413;
    QTest::newRow("422") << 422;
    QTest::newRow("500") << 500;
}

void TestDocumentService::refusedUpload_isTheApiError() {
    QFETCH(int, status);
    QCOMPARE(m_driver->addFault(QJsonObject{{u"path"_s, u"/v1/files"_s},
                                            {u"method"_s, u"POST"_s},
                                            {u"count"_s, 0},
                                            {u"status"_s, status}}),
             200);
    m_client->setRetryPolicy(RetryPolicy::never());
    auto *job = new DocumentJob(m_documents, u"a.pdf"_s, pdfWith("A"),
                                DocumentRoute::Path::DocumentUrl, {}, this);
    const Outcome out = run(job);
    QCOMPARE(out.status, DocumentJob::Status::Failed);
    QCOMPARE(out.error.kind(), ApiError::Kind::Http);
    QCOMPARE(out.error.httpStatus(), status);
    QCOMPARE(out.error.context(), ApiError::Context::File);
    QVERIFY(!out.error.requestId().isEmpty());
    QVERIFY(!out.uploaded);
}

void TestDocumentService::refusedOcr_isTheApiError() {
    // The service's own refusal: bytes that are no format it reads.
    auto *job = new DocumentJob(m_documents, u"data.pdf"_s, QByteArray("\x01\x02\0bin", 7),
                                DocumentRoute::Path::Ocr, u"mistral-ocr-latest"_s, this);
    const Outcome out = run(job);
    QCOMPARE(out.status, DocumentJob::Status::Failed);
    QCOMPARE(out.error.httpStatus(), 400);
    QVERIFY(out.uploaded); // the upload itself went through
    // A model that does no OCR is refused too.
    auto *wrongModel = new DocumentJob(m_documents, u"a.pdf"_s, pdfWith("A"),
                                       DocumentRoute::Path::Ocr, u"mistral-small-latest"_s, this);
    const Outcome refused = run(wrongModel);
    QCOMPARE(refused.status, DocumentJob::Status::Failed);
    QCOMPARE(refused.error.httpStatus(), 400);
}

void TestDocumentService::officeDocument_isReadByOcr() {
    auto *job = new DocumentJob(m_documents, u"slides.pptx"_s, QByteArray("PK\x03\x04rest", 8),
                                DocumentRoute::Path::Ocr, {}, this);
    const Outcome out = run(job);
    QCOMPARE(out.status, DocumentJob::Status::Succeeded);
    QCOMPARE(out.chunk.text,
             u"<document name=\"slides.pptx\">\nPPTX document slides.pptx, 8 bytes\n</document>"_s);
}

QTEST_GUILESS_MAIN(TestDocumentService)
#include "tst_documentservice.moc"
