// SPDX-License-Identifier: GPL-3.0-or-later
// FileService: which image URLs get the API key (the API's own origin, nothing else), and what
// a failed fetch says.
#include "IntegrationSupport.h"
#include "core/net/ApiClient.h"
#include "core/services/FileService.h"
#include "models/ErrorPresenter.h"
#include "support/EmulatorProcess.h"
#include "support/FakeHttpServer.h"

#include <QNetworkAccessManager>
#include <QPointer>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace Tramontane;
using Tramontane::Test::EmulatorProcess;
using Tramontane::Test::FakeHttpServer;
using Tramontane::Test::HttpDriver;
using Tramontane::Test::HttpResult;
using Tramontane::Test::ScriptedResponse;

namespace {

const QString kKey = u"files-key-7d41c09e"_s;

// Runs fetchUrl and waits for its answer.
std::optional<ServiceResult<QByteArray>> fetch(FileService &files, const QUrl &url,
                                               int timeoutMs = 10000) {
    std::optional<ServiceResult<QByteArray>> out;
    QObject context;
    files.fetchUrl(url, &context, [&out](const ServiceResult<QByteArray> &r) { out = r; });
    (void)QTest::qWaitFor([&] { return out.has_value(); }, timeoutMs);
    return out;
}

} // namespace

class TestFileService final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void apiPathOf_data();
    void apiPathOf();
    void sameOriginUrlIsFetchedWithTheKey();
    void baseUrlWithAPathPrefix();
    void otherHostNeverGetsTheKey();
    void refusalElsewhereNeverBlamesTheKey_data();
    void refusalElsewhereNeverBlamesTheKey();
    void idleImageServerIsATimeoutNotASize();
    void unsignedEmulatorUrlNeedsAndGetsTheKey();
    void fetchIsAJobThatCanBeCanceled();
    void overLimitImageIsTooLargeNotUnreadable();
    void plainHttpElsewhereIsRefusedBeforeSending();

private:
    QNetworkAccessManager *m_nam = nullptr;
    ApiClient *m_client = nullptr;
    FileService *m_files = nullptr;
    FakeHttpServer *m_api = nullptr;
    FakeHttpServer *m_other = nullptr;
};

void TestFileService::init() {
    m_nam = new QNetworkAccessManager(this);
    m_api = new FakeHttpServer(this);
    m_other = new FakeHttpServer(this);
    QVERIFY(m_api->listen());
    QVERIFY(m_other->listen());
    m_client = new ApiClient(m_nam, this);
    QVERIFY(m_client->setBaseUrl(m_api->baseUrl()));
    m_client->setApiKey(kKey);
    m_files = new FileService(m_client, this);
}

void TestFileService::cleanup() {
    delete m_files;
    delete m_client;
    delete m_api;
    delete m_other;
    delete m_nam;
    m_files = nullptr;
    m_client = nullptr;
    m_api = m_other = nullptr;
    m_nam = nullptr;
}

void TestFileService::apiPathOf_data() {
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("path"); // empty: not an API URL
    QTest::addColumn<QString>("query");
    QTest::newRow("same origin") << u"https://api.mistral.ai"_s
                                 << u"https://api.mistral.ai/v1/files/f1/content"_s
                                 << u"/v1/files/f1/content"_s << QString();
    QTest::newRow("host case, default port, query")
        << u"https://api.mistral.ai"_s << u"https://API.Mistral.AI:443/v1/files/f1/content?a=b"_s
        << u"/v1/files/f1/content"_s << u"a=b"_s;
    QTest::newRow("other host") << u"https://api.mistral.ai"_s
                                << u"https://files.example.com/v1/files/f1/content"_s << QString()
                                << QString();
    QTest::newRow("look-alike host")
        << u"https://api.mistral.ai"_s << u"https://api.mistral.ai.example.com/v1/x"_s << QString()
        << QString();
    QTest::newRow("other port") << u"https://api.mistral.ai"_s
                                << u"https://api.mistral.ai:8443/v1/files/f1/content"_s << QString()
                                << QString();
    QTest::newRow("plain http") << u"https://api.mistral.ai"_s
                                << u"http://api.mistral.ai/v1/files/f1/content"_s << QString()
                                << QString();
    QTest::newRow("user info") << u"https://api.mistral.ai"_s
                               << u"https://someone@api.mistral.ai/v1/files/f1/content"_s
                               << QString() << QString();
    QTest::newRow("outside the base path")
        << u"https://gw.example.com/mistral"_s << u"https://gw.example.com/other/v1/files"_s
        << QString() << QString();
    QTest::newRow("base path prefix only")
        << u"https://gw.example.com/mistral"_s << u"https://gw.example.com/mistralx/v1"_s
        << QString() << QString();
    QTest::newRow("under the base path")
        << u"https://gw.example.com/mistral/"_s << u"https://gw.example.com/mistral/v1/files/a"_s
        << u"/v1/files/a"_s << QString();
    QTest::newRow("dot segment") << u"https://api.mistral.ai"_s
                                 << u"https://api.mistral.ai/v1/files/%2E%2E/content"_s << QString()
                                 << QString();
}

void TestFileService::apiPathOf() {
    QFETCH(QString, base);
    QFETCH(QString, url);
    QFETCH(QString, path);
    QFETCH(QString, query);
    ApiClient client(m_nam);
    QVERIFY(client.setBaseUrl(QUrl(base)));
    const auto api = client.apiPathOf(QUrl(url));
    QCOMPARE(api.has_value(), !path.isEmpty());
    if (api) {
        QCOMPARE(api->first, path);
        QCOMPARE(api->second.toString(), query);
    }
}

void TestFileService::sameOriginUrlIsFetchedWithTheKey() {
    m_api->enqueue(ScriptedResponse::text(200, "PNGBYTES", "image/png"));
    const auto result =
        fetch(*m_files, QUrl(m_api->baseUrl().toString() + u"/v1/files/f-1/content"_s));
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(ErrorPresenter::title(result->error)));
    QCOMPARE(*result->value, "PNGBYTES"_ba);
    QCOMPARE(m_api->requestCount(), 1);
    QCOMPARE(m_api->lastRequest().target, "/v1/files/f-1/content"_ba);
    QCOMPARE(m_api->lastRequest().header("Authorization"), "Bearer " + kKey.toUtf8());
}

void TestFileService::baseUrlWithAPathPrefix() {
    QVERIFY(m_client->setBaseUrl(QUrl(m_api->baseUrl().toString() + u"/mistral"_s)));
    m_api->enqueue(ScriptedResponse::text(200, "IMG", "image/png"));
    const auto result =
        fetch(*m_files, QUrl(m_api->baseUrl().toString() + u"/mistral/v1/files/f2/content?x=1"_s));
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(ErrorPresenter::title(result->error)));
    QCOMPARE(m_api->lastRequest().target, "/mistral/v1/files/f2/content?x=1"_ba);
    QCOMPARE(m_api->lastRequest().header("Authorization"), "Bearer " + kKey.toUtf8());
}

void TestFileService::otherHostNeverGetsTheKey() {
    // Another port of the same address is another origin.
    m_other->enqueue(ScriptedResponse::text(200, "IMG", "image/png"));
    const auto result =
        fetch(*m_files, QUrl(m_other->baseUrl().toString() + u"/v1/files/f3/content"_s));
    QVERIFY(result);
    QVERIFY(result->ok());
    QCOMPARE(m_other->requestCount(), 1);
    QVERIFY(m_other->lastRequest().header("Authorization").isNull());
    QCOMPARE(m_api->requestCount(), 0);
}

void TestFileService::refusalElsewhereNeverBlamesTheKey_data() {
    QTest::addColumn<int>("status");
    QTest::newRow("401") << 401;
    QTest::newRow("403") << 403;
}

void TestFileService::refusalElsewhereNeverBlamesTheKey() {
    QFETCH(int, status);
    m_other->enqueue(ScriptedResponse::json(status, R"({"detail":"Unauthorized"})"));
    const auto result = fetch(*m_files, QUrl(m_other->baseUrl().toString() + u"/img.png"_s));
    QVERIFY(result);
    QVERIFY(!result->ok());
    QCOMPARE(result->error.context(), ApiError::Context::RemoteFile);
    QCOMPARE(result->error.httpStatus(), status);
    const QString title = ErrorPresenter::title(result->error);
    QVERIFY2(!title.contains(u"API key"_s) && !title.contains(u"permission"_s), qPrintable(title));
    QVERIFY2(title.contains(u"image"_s), qPrintable(title));
}

void TestFileService::idleImageServerIsATimeoutNotASize() {
    m_client->setTransferTimeout(300ms);
    m_other->enqueue(ScriptedResponse::neverAnswer());
    const auto result = fetch(*m_files, QUrl(m_other->baseUrl().toString() + u"/slow.png"_s));
    QVERIFY(result);
    QVERIFY(!result->ok());
    QCOMPARE(result->error.kind(), ApiError::Kind::Timeout);
    QVERIFY2(!ErrorPresenter::title(result->error).contains(u"larger"_s),
             qPrintable(ErrorPresenter::title(result->error)));
}

// The emulator can give an image as a plain /v1/files/{id}/content URL on its own host, as the
// API may: a keyless fetch gets 401 there, so only the authenticated path shows the image.
void TestFileService::unsignedEmulatorUrlNeedsAndGetsTheKey() {
    EmulatorProcess emulator;
    QVERIFY2(emulator.start(kKey), qPrintable(emulator.errorString()));
    HttpDriver http(emulator.baseUrl(), kKey.toUtf8());
    const QJsonObject body{
        {u"model"_s, u"mistral-medium-latest"_s},
        {u"messages"_s,
         QJsonArray{QJsonObject{{u"role"_s, u"user"_s},
                                {u"content"_s, u"draw a lighthouse as image_url unsigned"_s}}}},
        {u"tools"_s, QJsonArray{QJsonObject{{u"type"_s, u"image_generation"_s}}}}};
    const HttpResult r = http.post(u"/v1/chat/completions"_s, body);
    QCOMPARE(r.status, 200);
    const QJsonArray messages =
        r.object().value("choices"_L1)[0].toObject().value("messages"_L1).toArray();
    QCOMPARE(messages.size(), 3);
    const QString url = messages[2]
                            .toObject()
                            .value("content"_L1)
                            .toArray()[1]
                            .toObject()
                            .value("image_url"_L1)
                            .toString();
    QVERIFY2(url.startsWith(emulator.baseUrl().toString()) && !url.contains(u"signature"_s),
             qPrintable(url));
    QCOMPARE(http.getUrl(QUrl(url), QByteArray()).status, 401);

    QVERIFY(m_client->setBaseUrl(emulator.baseUrl()));
    const auto result = fetch(*m_files, QUrl(url));
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(ErrorPresenter::title(result->error)));
    QVERIFY(result->value->startsWith("\x89PNG"));
}

// A row that leaves the view stops its download: the fetch is a job, and cancel() ends it at
// once, as Canceled, whatever the server does.
void TestFileService::fetchIsAJobThatCanBeCanceled() {
    m_other->enqueue(ScriptedResponse::neverAnswer());
    std::optional<ServiceResult<QByteArray>> out;
    QObject context;
    const QPointer<ApiJob> job =
        m_files->fetchUrl(QUrl(m_other->baseUrl().toString() + u"/big.png"_s), &context,
                          [&out](const ServiceResult<QByteArray> &r) { out = r; });
    QVERIFY(job);
    QTRY_COMPARE(m_other->requestCount(), 1);
    job->cancel();
    QVERIFY(out);
    QVERIFY(!out->ok());
    QCOMPARE(out->error.kind(), ApiError::Kind::Canceled);
    QTRY_VERIFY(!job); // and the job is gone
}

void TestFileService::overLimitImageIsTooLargeNotUnreadable() {
    m_other->enqueue(
        ScriptedResponse::text(200, QByteArray(FileService::kMaxImageBytes + 1, 'x'), "image/png"));
    const auto result = fetch(*m_files, QUrl(m_other->baseUrl().toString() + u"/huge.png"_s));
    QVERIFY(result);
    QVERIFY(!result->ok());
    QCOMPARE(result->error.kind(), ApiError::Kind::TooLarge);
    QCOMPARE(result->error.sizeLimit(), FileService::kMaxImageBytes);
    QCOMPARE(ErrorPresenter::title(result->error), u"The image is larger than 32 MB."_s);
}

void TestFileService::plainHttpElsewhereIsRefusedBeforeSending() {
    const auto result = fetch(*m_files, QUrl(u"http://images.example.com/a.png"_s));
    QVERIFY(result);
    QCOMPARE(result->error.kind(), ApiError::Kind::InvalidRequest);
    QCOMPARE(m_other->requestCount(), 0);
}

QTEST_GUILESS_MAIN(TestFileService)
#include "tst_fileservice.moc"
