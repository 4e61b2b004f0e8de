// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeImageFetcher.h"
#include "ui/chat/ImageRepository.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using namespace Tramontane::Test;
using Status = ImageRepository::Status;

namespace {

ImageSource fileSource(const QString &id) {
    ImageSource s;
    s.kind = ImageSource::Kind::FileId;
    s.ref = id;
    return s;
}

ImageSource dataSource(const QByteArray &bytes, const QByteArray &mime = "image/png") {
    ImageSource s;
    s.kind = ImageSource::Kind::DataUrl;
    s.ref = u"data:"_s + QString::fromLatin1(mime) + u";base64,"_s
            + QString::fromLatin1(bytes.toBase64());
    return s;
}

} // namespace

class TestImageRepository : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fetchedImage_isDecodedToDisplaySize_data();
    void fetchedImage_isDecodedToDisplaySize();
    void naturalSize_isKnownBeforeTheDecodeFinishes();
    void dataUrl_isDecodedWithoutTheFetcher();
    void malformedOrOversizedDataUrl_fails_data();
    void malformedOrOversizedDataUrl_fails();
    void corruptBytes_failWithAReason();
    void tooLargeDimensions_areRefusedBeforeDecoding();
    void fetchError_failsAndRetryFetchesAgain();
    void decodedCache_isBoundedAndKeepsNaturalSizes();
    void evictedImage_isDecodedAgainFromCachedBytes();
    void fetchOriginal_servesCachedBytesWithoutFetching();
    void noFetcher_failsInsteadOfWaiting();
    void rowsLeftLongAgo_stopTheirDownloads();
    void cancelFetches_stopsEveryDownload();
    void displaySize_fitsTheBoxKeepingTheAspect_data();
    void displaySize_fitsTheBoxKeepingTheAspect();
};

void TestImageRepository::fetchedImage_isDecodedToDisplaySize_data() {
    QTest::addColumn<QSize>("natural");
    QTest::addColumn<QByteArray>("format");
    QTest::addColumn<QSize>("expected");
    QTest::newRow("small png kept") << QSize(200, 100) << QByteArray("PNG") << QSize(200, 100);
    QTest::newRow("wide png scaled") << QSize(1024, 512) << QByteArray("PNG") << QSize(512, 256);
    QTest::newRow("big jpeg scaled") << QSize(2048, 2048) << QByteArray("JPEG") << QSize(512, 512);
    QTest::newRow("tall png capped") << QSize(300, 1200) << QByteArray("PNG") << QSize(192, 768);
}

void TestImageRepository::fetchedImage_isDecodedToDisplaySize() {
    QFETCH(QSize, natural);
    QFETCH(QByteArray, format);
    QFETCH(QSize, expected);
    auto fetcher = std::make_shared<FakeImageFetcher>();
    fetcher->images.insert(u"f-1"_s,
                           encodedImage(natural, QColor(0x12, 0xc4, 0x7a), format.constData()));
    ImageRepository repo;
    repo.setFetcher(fetcher);
    QSignalSpy changed(&repo, &ImageRepository::imageChanged);
    const ImageSource source = fileSource(u"f-1"_s);
    QCOMPARE(repo.status(source.key()), Status::None);
    repo.request(source);
    QCOMPARE(repo.status(source.key()), Status::Loading);
    QTRY_COMPARE(repo.status(source.key()), Status::Ready);
    QCOMPARE(repo.image(source.key()).size(), expected);
    QCOMPARE(repo.naturalSize(source.key()), natural);
    QCOMPARE(repo.format(source.key()), format.toLower());
    QVERIFY(changed.count() >= 1);
    QCOMPARE(changed.last().at(0).toString(), source.key());
    // Asking again for a ready image costs nothing.
    repo.request(source);
    QCOMPARE(fetcher->requests.size(), 1);
}

void TestImageRepository::naturalSize_isKnownBeforeTheDecodeFinishes() {
    auto fetcher = std::make_shared<FakeImageFetcher>();
    fetcher->deferred = true;
    fetcher->images.insert(u"f-1"_s, encodedImage({640, 480}, Qt::red));
    ImageRepository repo;
    repo.setFetcher(fetcher);
    const ImageSource source = fileSource(u"f-1"_s);
    repo.request(source);
    QVERIFY(!repo.naturalSize(source.key()).isValid());
    fetcher->deliverAll();
    // The header was read when the bytes arrived; the decode result cannot have been
    // delivered yet (that needs the event loop).
    QCOMPARE(repo.status(source.key()), Status::Loading);
    QCOMPARE(repo.naturalSize(source.key()), QSize(640, 480));
    QTRY_COMPARE(repo.status(source.key()), Status::Ready);
    QCOMPARE(repo.naturalSize(source.key()), QSize(640, 480));
}

void TestImageRepository::dataUrl_isDecodedWithoutTheFetcher() {
    auto fetcher = std::make_shared<FakeImageFetcher>();
    ImageRepository repo;
    repo.setFetcher(fetcher);
    const ImageSource source = dataSource(encodedImage({64, 32}, Qt::blue));
    repo.request(source);
    QTRY_COMPARE(repo.status(source.key()), Status::Ready);
    QCOMPARE(repo.image(source.key()).size(), QSize(64, 32));
    QCOMPARE(repo.image(source.key()).pixelColor(10, 10), QColor(Qt::blue));
    QVERIFY(fetcher->requests.isEmpty());
}

void TestImageRepository::malformedOrOversizedDataUrl_fails_data() {
    QTest::addColumn<QString>("url");
    QTest::addColumn<qsizetype>("cap");
    QTest::newRow("not base64") << u"data:image/png;base64,@@@###"_s << qsizetype(1 << 20);
    QTest::newRow("no comma") << u"data:image/png;base64"_s << qsizetype(1 << 20);
    QTest::newRow("not an image") << u"data:text/plain;base64,aGVsbG8="_s << qsizetype(1 << 20);
    const QByteArray png = encodedImage({300, 300}, Qt::green);
    QTest::newRow("over the cap") << (u"data:image/png;base64,"_s
                                      + QString::fromLatin1(png.toBase64()))
                                  << qsizetype(100);
}

void TestImageRepository::malformedOrOversizedDataUrl_fails() {
    QFETCH(QString, url);
    QFETCH(qsizetype, cap);
    ImageRepository repo;
    ImageRepository::Limits limits;
    limits.maxDataUrlChars = cap;
    repo.setLimits(limits);
    ImageSource source;
    source.kind = ImageSource::Kind::DataUrl;
    source.ref = url;
    repo.request(source);
    QTRY_COMPARE(repo.status(source.key()), Status::Failed);
    QVERIFY(!repo.error(source.key()).isEmpty());
    QVERIFY(repo.image(source.key()).isNull());
}

void TestImageRepository::corruptBytes_failWithAReason() {
    auto fetcher = std::make_shared<FakeImageFetcher>();
    QByteArray bytes = encodedImage({100, 100}, Qt::red);
    bytes.truncate(40); // a PNG header and nothing else
    fetcher->images.insert(u"f-bad"_s, bytes);
    fetcher->images.insert(u"f-noise"_s, QByteArray(5000, '\x7f'));
    ImageRepository repo;
    repo.setFetcher(fetcher);
    for (const QString &id : {u"f-bad"_s, u"f-noise"_s}) {
        const ImageSource source = fileSource(id);
        repo.request(source);
        QTRY_COMPARE(repo.status(source.key()), Status::Failed);
        QVERIFY(!repo.error(source.key()).isEmpty());
    }
}

void TestImageRepository::tooLargeDimensions_areRefusedBeforeDecoding() {
    auto fetcher = std::make_shared<FakeImageFetcher>();
    // One row of 20,000 pixels: tiny to send, refused for its width.
    fetcher->images.insert(u"f-wide"_s, encodedImage({20000, 1}, Qt::red));
    ImageRepository repo;
    repo.setFetcher(fetcher);
    const ImageSource source = fileSource(u"f-wide"_s);
    repo.request(source);
    QTRY_COMPARE(repo.status(source.key()), Status::Failed);
    QVERIFY(repo.error(source.key()).contains(u"20000"_s));
    QCOMPARE(repo.decodeCount(), 0);
}

void TestImageRepository::fetchError_failsAndRetryFetchesAgain() {
    auto fetcher = std::make_shared<FakeImageFetcher>();
    fetcher->images.insert(u"f-1"_s, encodedImage({50, 50}, Qt::red));
    fetcher->failing.insert(u"f-1"_s);
    ImageRepository repo;
    repo.setFetcher(fetcher);
    const ImageSource source = fileSource(u"f-1"_s);
    repo.request(source);
    QTRY_COMPARE(repo.status(source.key()), Status::Failed);
    QCOMPARE(repo.error(source.key()), u"The server answered 404 (Not Found)."_s);
    // A failure sticks until retried: painting does not hammer the server.
    repo.request(source);
    QCOMPARE(fetcher->requests.size(), 1);
    fetcher->failing.clear();
    repo.retry(source);
    QCOMPARE(fetcher->requests.size(), 2);
    QTRY_COMPARE(repo.status(source.key()), Status::Ready);
}

void TestImageRepository::decodedCache_isBoundedAndKeepsNaturalSizes() {
    auto fetcher = std::make_shared<FakeImageFetcher>();
    ImageRepository repo;
    repo.setFetcher(fetcher);
    ImageRepository::Limits limits;
    limits.decodedBytes = 3 * 256 * 256 * 4 + 1024; // three 256² images
    repo.setLimits(limits);
    QList<ImageSource> sources;
    for (int i = 0; i < 8; ++i) {
        const QString id = u"f-"_s + QString::number(i);
        fetcher->images.insert(id, encodedImage({256, 256}, QColor::fromHsv(i * 40, 200, 200)));
        sources << fileSource(id);
        repo.request(sources.last());
        QTRY_COMPARE(repo.status(sources.last().key()), Status::Ready);
        QVERIFY(repo.decodedCacheBytes() <= limits.decodedBytes);
    }
    QCOMPARE(repo.status(sources.first().key()), Status::None);
    QCOMPARE(repo.naturalSize(sources.first().key()), QSize(256, 256));
    QCOMPARE(repo.status(sources.last().key()), Status::Ready);
}

void TestImageRepository::evictedImage_isDecodedAgainFromCachedBytes() {
    auto fetcher = std::make_shared<FakeImageFetcher>();
    fetcher->images.insert(u"f-1"_s, encodedImage({120, 80}, Qt::red));
    ImageRepository repo;
    repo.setFetcher(fetcher);
    const ImageSource source = fileSource(u"f-1"_s);
    repo.request(source);
    QTRY_COMPARE(repo.status(source.key()), Status::Ready);
    repo.clearDecoded();
    QCOMPARE(repo.status(source.key()), Status::None);
    QCOMPARE(repo.naturalSize(source.key()), QSize(120, 80));
    repo.request(source);
    QTRY_COMPARE(repo.status(source.key()), Status::Ready);
    QCOMPARE(fetcher->requests.size(), 1);
    QCOMPARE(repo.decodeCount(), 2);
}

void TestImageRepository::fetchOriginal_servesCachedBytesWithoutFetching() {
    auto fetcher = std::make_shared<FakeImageFetcher>();
    const QByteArray bytes = encodedImage({90, 60}, Qt::magenta);
    fetcher->images.insert(u"f-1"_s, bytes);
    ImageRepository repo;
    repo.setFetcher(fetcher);
    const ImageSource source = fileSource(u"f-1"_s);
    repo.request(source);
    QTRY_COMPARE(repo.status(source.key()), Status::Ready);
    QByteArray got;
    bool called = false;
    repo.fetchOriginal(source, this, [&](QByteArray b, QString) {
        got = b;
        called = true;
    });
    QVERIFY(!called); // always asynchronous
    QTRY_VERIFY(called);
    QCOMPARE(got, bytes);
    QCOMPARE(fetcher->requests.size(), 1);
}

void TestImageRepository::noFetcher_failsInsteadOfWaiting() {
    ImageRepository repo;
    const ImageSource source = fileSource(u"f-1"_s);
    repo.request(source);
    QTRY_COMPARE(repo.status(source.key()), Status::Failed);
}

void TestImageRepository::displaySize_fitsTheBoxKeepingTheAspect_data() {
    QTest::addColumn<QSize>("natural");
    QTest::addColumn<QSize>("box");
    QTest::addColumn<QSize>("expected");
    QTest::newRow("unknown: default square") << QSize() << QSize(800, 800) << QSize(512, 512);
    QTest::newRow("unknown in a narrow row") << QSize() << QSize(300, 800) << QSize(300, 300);
    QTest::newRow("small stays") << QSize(100, 40) << QSize(512, 768) << QSize(100, 40);
    QTest::newRow("wide") << QSize(2000, 1000) << QSize(512, 768) << QSize(512, 256);
    QTest::newRow("tall") << QSize(1000, 4000) << QSize(512, 768) << QSize(192, 768);
}

void TestImageRepository::displaySize_fitsTheBoxKeepingTheAspect() {
    QFETCH(QSize, natural);
    QFETCH(QSize, box);
    QFETCH(QSize, expected);
    QCOMPARE(ImageRepository::displaySize(natural, box.width(), box.height()), expected);
}

// More downloads than the limit: the one asked for least recently (its row left the view) is
// stopped, not left running; a row still painted keeps its download.
void TestImageRepository::rowsLeftLongAgo_stopTheirDownloads() {
    auto fetcher = std::make_shared<FakeImageFetcher>();
    fetcher->deferred = true;
    ImageRepository repo;
    ImageRepository::Limits limits;
    limits.maxConcurrentFetches = 2;
    repo.setLimits(limits);
    repo.setFetcher(fetcher);
    const ImageSource a = fileSource(u"f-a"_s);
    const ImageSource b = fileSource(u"f-b"_s);
    const ImageSource c = fileSource(u"f-c"_s);
    repo.request(a);
    repo.request(b);
    repo.request(a); // a is still painted; b is not
    QCOMPARE(repo.fetchesInFlight(), 2);
    repo.request(c);
    QCOMPARE(fetcher->canceled.size(), 1);
    QCOMPARE(fetcher->canceled.constFirst().ref, u"f-b"_s);
    QCOMPARE(fetcher->pendingCount(), 2);
    QCOMPARE(repo.fetchesInFlight(), 2);
    QCOMPARE(repo.status(b.key()), ImageRepository::Status::None);
    QCOMPARE(repo.status(a.key()), ImageRepository::Status::Loading);
    QCOMPARE(repo.status(c.key()), ImageRepository::Status::Loading);
}

// A chat switched or closed: every download stops, and nothing arrives afterwards.
void TestImageRepository::cancelFetches_stopsEveryDownload() {
    auto fetcher = std::make_shared<FakeImageFetcher>();
    fetcher->deferred = true;
    fetcher->images.insert(u"f-a"_s, encodedImage({40, 40}, Qt::red));
    ImageRepository repo;
    repo.setFetcher(fetcher);
    repo.request(fileSource(u"f-a"_s));
    repo.request(fileSource(u"f-b"_s));
    QCOMPARE(fetcher->pendingCount(), 2);
    repo.cancelFetches();
    QCOMPARE(fetcher->canceled.size(), 2);
    QCOMPARE(fetcher->pendingCount(), 0);
    QCOMPARE(repo.fetchesInFlight(), 0);
    QCOMPARE(repo.status(fileSource(u"f-a"_s).key()), ImageRepository::Status::None);
    // Asked again (the row came back), it downloads again.
    repo.request(fileSource(u"f-a"_s));
    QCOMPARE(fetcher->requestsFor(u"f-a"_s), 2);
    fetcher->deliverAll();
    QTRY_COMPARE(repo.status(fileSource(u"f-a"_s).key()), ImageRepository::Status::Ready);
}

QTEST_MAIN(TestImageRepository)
#include "tst_imagerepository.moc"
