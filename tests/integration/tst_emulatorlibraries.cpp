// SPDX-License-Identifier: GPL-3.0-or-later
// Document libraries in the emulator, over HTTP: libraries are created, listed, updated and
// deleted; uploaded documents are processed a moment later (done, or error for an empty file),
// and the library's totals follow; unknown ids are 404s and malformed bodies 422s.
#include "IntegrationSupport.h"
#include "support/EmulatorProcess.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using namespace Tramontane::Test;

namespace {

constexpr auto Key = "libraries-key";
const QString Unknown = u"0b0e8f2e-6f4b-4a53-9f0e-3c1d2a5b7e90"_s;

QByteArray multipart(const QByteArray &name, const QByteArray &bytes, const QByteArray &field) {
    return "--b0undary\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
           + name + "\"\r\nContent-Type: text/plain\r\n\r\n" + bytes + "\r\n--b0undary--\r\n";
}

} // namespace

class TestEmulatorLibraries final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void create_list_update_delete();
    void upload_isInProgress_thenDone_andTotalsFollow();
    void emptyFile_failsProcessing();
    void unknownIds_are404_andMalformedOnes422();
    void badBodies_are422();
    void documents_arePaged();
    void demo_seedsALibraryWithAReadyDocument();

private:
    QString createLibrary(const QString &name);
    HttpResult upload(const QString &libraryId, const QByteArray &name, const QByteArray &bytes,
                      const QByteArray &field = "file");

    EmulatorProcess m_emulator;
    std::unique_ptr<HttpDriver> m_http;
};

void TestEmulatorLibraries::initTestCase() {
    QVERIFY2(m_emulator.start(QString::fromLatin1(Key)), qPrintable(m_emulator.errorString()));
    m_http = std::make_unique<HttpDriver>(m_emulator.baseUrl(), Key);
}

void TestEmulatorLibraries::init() {
    QCOMPARE(m_http->send("POST", u"/__admin/reset"_s).status, 200);
    QCOMPARE(m_http->post(u"/__admin/config"_s, {{u"library_processing_ms"_s, 300}}).status, 200);
}

QString TestEmulatorLibraries::createLibrary(const QString &name) {
    const HttpResult r = m_http->post(u"/v1/libraries"_s, {{u"name"_s, name}});
    return r.status == 201 ? r.object().value("id"_L1).toString() : QString();
}

HttpResult TestEmulatorLibraries::upload(const QString &libraryId, const QByteArray &name,
                                         const QByteArray &bytes, const QByteArray &field) {
    QNetworkRequest request(m_http->url(u"/v1/libraries/%1/documents"_s.arg(libraryId)));
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArray("multipart/form-data; boundary=b0undary"));
    request.setRawHeader("Authorization", QByteArray("Bearer ") + Key);
    QNetworkReply *reply = m_http->nam().post(request, multipart(name, bytes, field));
    HttpResult result;
    (void)QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000);
    result.finished = reply->isFinished();
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    reply->deleteLater();
    return result;
}

void TestEmulatorLibraries::create_list_update_delete() {
    HttpResult r = m_http->post(u"/v1/libraries"_s,
                                {{u"name"_s, u"Papers"_s}, {u"description"_s, u"Reading"_s}});
    QCOMPARE(r.status, 201);
    const QString id = r.object().value("id"_L1).toString();
    QCOMPARE(r.object().value("nb_documents"_L1).toInt(-1), 0);
    QCOMPARE(r.object().value("total_size"_L1).toInt(-1), 0);
    QCOMPARE(r.object().value("description"_L1).toString(), u"Reading"_s);
    QVERIFY(r.object().value("owner_id"_L1).isNull());
    createLibrary(u"Notes"_s);

    r = m_http->get(u"/v1/libraries"_s);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value("data"_L1).toArray().size(), 2);
    QVERIFY(r.object().value("next_page_token"_L1).isNull());
    QVERIFY(!r.object().contains("pagination"_L1));

    r = m_http->get(u"/v1/libraries?page_size=1"_s);
    QCOMPARE(r.object().value("data"_L1).toArray().size(), 1);
    const QString token = r.object().value("next_page_token"_L1).toString();
    QVERIFY(!token.isEmpty());
    r = m_http->get(u"/v1/libraries?page_size=1&page_token="_s + token);
    QCOMPARE(r.object().value("data"_L1).toArray().at(0).toObject().value("name"_L1).toString(),
             u"Notes"_s);

    r = m_http->patch(u"/v1/libraries/"_s + id, {{u"name"_s, u"Articles"_s}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value("name"_L1).toString(), u"Articles"_s);
    QCOMPARE(r.object().value("description"_L1).toString(), u"Reading"_s);
    QCOMPARE(m_http->get(u"/v1/libraries/"_s + id).object().value("name"_L1).toString(),
             u"Articles"_s);

    r = m_http->del(u"/v1/libraries/"_s + id);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value("id"_L1).toString(), id);
    QCOMPARE(m_http->get(u"/v1/libraries/"_s + id).status, 404);
    QCOMPARE(m_http->get(u"/v1/libraries"_s).object().value("data"_L1).toArray().size(), 1);
}

void TestEmulatorLibraries::upload_isInProgress_thenDone_andTotalsFollow() {
    const QString id = createLibrary(u"Papers"_s);
    HttpResult r = upload(id, "notes.txt", "The tramontane blows from the north.");
    QCOMPARE(r.status, 200);
    const QJsonObject document = r.object();
    const QString docId = document.value("id"_L1).toString();
    QCOMPARE(document.value("library_id"_L1).toString(), id);
    QCOMPARE(document.value("name"_L1).toString(), u"notes.txt"_s);
    QCOMPARE(document.value("size"_L1).toInt(), 36);
    QCOMPARE(document.value("process_status"_L1).toString(), u"in_progress"_s);
    QCOMPARE(document.value("processing_status"_L1).toString(), u"Running"_s);

    const QString docPath = u"/v1/libraries/%1/documents/%2"_s.arg(id, docId);
    QCOMPARE(m_http->get(docPath + u"/text_content"_s).status, 400);
    QJsonObject library = m_http->get(u"/v1/libraries/"_s + id).object();
    QCOMPARE(library.value("nb_documents"_L1).toInt(), 1);
    QCOMPARE(library.value("total_size"_L1).toInt(), 36);

    QTRY_COMPARE_WITH_TIMEOUT(
        m_http->get(docPath + u"/status"_s).object().value("process_status"_L1).toString(),
        u"done"_s, 5000);
    r = m_http->get(docPath + u"/status"_s);
    QCOMPARE(r.object().value("document_id"_L1).toString(), docId);
    QCOMPARE(r.object().value("processing_status"_L1).toString(), u"Completed"_s);
    r = m_http->get(docPath);
    QCOMPARE(r.object().value("number_of_pages"_L1).toInt(), 1);
    QVERIFY(!r.object().value("last_processed_at"_L1).toString().isEmpty());
    r = m_http->get(docPath + u"/text_content"_s);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value("text"_L1).toString(), u"The tramontane blows from the north."_s);

    r = m_http->del(docPath);
    QCOMPARE(r.status, 204);
    QVERIFY(r.body.isEmpty());
    QCOMPARE(m_http->get(docPath).status, 404);
    library = m_http->get(u"/v1/libraries/"_s + id).object();
    QCOMPARE(library.value("nb_documents"_L1).toInt(-1), 0);
    QCOMPARE(library.value("total_size"_L1).toInt(-1), 0);
}

void TestEmulatorLibraries::emptyFile_failsProcessing() {
    const QString id = createLibrary(u"Papers"_s);
    const HttpResult r = upload(id, "empty.txt", QByteArray());
    QCOMPARE(r.status, 200);
    const QString path =
        u"/v1/libraries/%1/documents/%2/status"_s.arg(id, r.object().value("id"_L1).toString());
    QTRY_COMPARE_WITH_TIMEOUT(m_http->get(path).object().value("process_status"_L1).toString(),
                              u"error"_s, 5000);
    QCOMPARE(m_http->get(path).object().value("processing_status"_L1).toString(), u"Failed"_s);
}

void TestEmulatorLibraries::unknownIds_are404_andMalformedOnes422() {
    const QString id = createLibrary(u"Papers"_s);
    HttpResult r = m_http->get(u"/v1/libraries/"_s + Unknown);
    QCOMPARE(r.status, 404);
    QCOMPARE(r.object().value("detail"_L1).toString(), u"Library not found"_s);
    QCOMPARE(m_http->del(u"/v1/libraries/"_s + Unknown).status, 404);
    QCOMPARE(m_http->get(u"/v1/libraries/%1/documents"_s.arg(Unknown)).status, 404);
    r = m_http->get(u"/v1/libraries/%1/documents/%2"_s.arg(id, Unknown));
    QCOMPARE(r.status, 404);
    QCOMPARE(r.object().value("detail"_L1).toString(), u"Document not found"_s);
    QCOMPARE(m_http->get(u"/v1/libraries/%1/documents/%2/status"_s.arg(id, Unknown)).status, 404);
    r = m_http->get(u"/v1/libraries/not-an-id"_s);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.object().value("detail"_L1).toArray().at(0).toObject().value("loc"_L1).toArray(),
             (QJsonArray{u"path"_s, u"library_id"_s}));
}

void TestEmulatorLibraries::badBodies_are422() {
    HttpResult r = m_http->post(u"/v1/libraries"_s, {{u"description"_s, u"no name"_s}});
    QCOMPARE(r.status, 422);
    QCOMPARE(r.object().value("detail"_L1).toArray().at(0).toObject().value("type"_L1).toString(),
             u"missing"_s);
    r = m_http->post(u"/v1/libraries"_s, {{u"name"_s, u"x"_s}, {u"emoji"_s, u"📚"_s}});
    QCOMPARE(r.status, 422);
    QCOMPARE(r.object().value("detail"_L1).toArray().at(0).toObject().value("type"_L1).toString(),
             u"extra_forbidden"_s);
    const QString id = createLibrary(u"Papers"_s);
    r = upload(id, "a.txt", "text", "document");
    QCOMPARE(r.status, 422);
}

void TestEmulatorLibraries::documents_arePaged() {
    const QString id = createLibrary(u"Papers"_s);
    for (const QByteArray name : {"a.txt", "b.txt", "c.txt"})
        QCOMPARE(upload(id, name, "some text").status, 200);
    HttpResult r = m_http->get(u"/v1/libraries/%1/documents?page_size=2&page=0"_s.arg(id));
    QCOMPARE(r.status, 200);
    const QJsonObject pagination = r.object().value("pagination"_L1).toObject();
    QCOMPARE(pagination.value("total_items"_L1).toInt(), 3);
    QCOMPARE(pagination.value("total_pages"_L1).toInt(), 2);
    QCOMPARE(pagination.value("has_more"_L1).toBool(), true);
    const QJsonArray first = r.object().value("data"_L1).toArray();
    QCOMPARE(first.size(), 2);
    QCOMPARE(first.at(0).toObject().value("name"_L1).toString(), u"c.txt"_s); // newest first
    r = m_http->get(u"/v1/libraries/%1/documents?page_size=2&page=1"_s.arg(id));
    QCOMPARE(r.object().value("data"_L1).toArray().size(), 1);
    QCOMPARE(r.object().value("pagination"_L1).toObject().value("has_more"_L1).toBool(), false);
}

void TestEmulatorLibraries::demo_seedsALibraryWithAReadyDocument() {
    EmulatorProcess demo;
    QVERIFY2(demo.start(QString::fromLatin1(Key), {u"--demo"_s}), qPrintable(demo.errorString()));
    HttpDriver http(demo.baseUrl(), Key);
    const QJsonArray libraries = http.get(u"/v1/libraries"_s).object().value("data"_L1).toArray();
    QCOMPARE(libraries.size(), 1);
    const QJsonObject library = libraries.at(0).toObject();
    QCOMPARE(library.value("name"_L1).toString(), u"Demo handbook"_s);
    QCOMPARE(library.value("nb_documents"_L1).toInt(), 1);
    const QString id = library.value("id"_L1).toString();
    const QJsonObject document = http.get(u"/v1/libraries/%1/documents"_s.arg(id))
                                     .object()
                                     .value("data"_L1)
                                     .toArray()
                                     .at(0)
                                     .toObject();
    QCOMPARE(document.value("process_status"_L1).toString(), u"done"_s);
    const HttpResult text = http.get(u"/v1/libraries/%1/documents/%2/text_content"_s.arg(
        id, document.value("id"_L1).toString()));
    QVERIFY(text.object().value("text"_L1).toString().contains(u"cold, dry wind"_s));
    // A reset seeds it again.
    QCOMPARE(http.send("POST", u"/__admin/reset"_s).status, 200);
    QCOMPARE(http.get(u"/v1/libraries"_s).object().value("data"_L1).toArray().size(), 1);
}

QTEST_GUILESS_MAIN(TestEmulatorLibraries)
#include "tst_emulatorlibraries.moc"
