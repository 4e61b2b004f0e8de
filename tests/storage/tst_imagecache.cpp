// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/ImageCache.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

QByteArray png(int size, char fill = 'x') {
    QByteArray bytes("\x89PNG\r\n\x1a\n", 8);
    bytes.append(QByteArray(size - 8, fill));
    return bytes;
}

QByteArray readFile(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void setModified(const QString &path, const QDateTime &time) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.setFileTime(time, QFileDevice::FileModificationTime));
}

} // namespace

class TestImageCache : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void insert_lookupReturnsFileWithTheBytes();
    void keys_neverEscapeTheFolder_data();
    void keys_neverEscapeTheFolder();
    void keys_similarButDifferent_doNotCollide();
    void keyForUrl_isStableAndSafe();
    void bound_evictsLeastRecentlyUsedFirst();
    void bound_tooLarge_isRefused();
    void bound_shrinking_evicts();
    void replace_keepsAccountingRight();
    void restart_accountsExistingFilesOldestFirst();
    void restart_removesOwnTemporaryFilesOnly();
    void suffixForData_recognisesFormats_data();
    void suffixForData_recognisesFormats();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString folder() const { return m_dir->filePath(u"images"_s); }
};

void TestImageCache::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestImageCache::insert_lookupReturnsFileWithTheBytes() {
    ImageCache cache(folder());
    QCOMPARE(cache.maxBytes(), qint64(512) * 1024 * 1024);
    QVERIFY(cache.lookup(u"file-1"_s).isEmpty());
    const QByteArray bytes = png(300);
    const auto path = cache.insert(u"file-1"_s, bytes);
    QVERIFY2(path, qPrintable(path.error().detail));
    QVERIFY(path->endsWith(u".png"_s));
    QCOMPARE(QFileInfo(*path).absolutePath(), QDir(folder()).absolutePath());
    QCOMPARE(cache.lookup(u"file-1"_s), *path);
    QCOMPARE(readFile(*path), bytes);
    QVERIFY(cache.contains(u"file-1"_s));
    QCOMPARE(cache.totalBytes(), 300);
    QCOMPARE(cache.count(), 1);
    QVERIFY(cache.remove(u"file-1"_s));
    QVERIFY(!QFile::exists(*path));
    QCOMPARE(cache.totalBytes(), 0);
    QVERIFY(!cache.remove(u"file-1"_s));
    QVERIFY(!cache.insert(QString(), bytes));
}

void TestImageCache::keys_neverEscapeTheFolder_data() {
    QTest::addColumn<QString>("key");
    QTest::newRow("parent") << u"../../etc/passwd"_s;
    QTest::newRow("dot dot") << u".."_s;
    QTest::newRow("dot") << u"."_s;
    QTest::newRow("slash") << u"a/b"_s;
    QTest::newRow("backslash") << u"a\\..\\b"_s;
    QTest::newRow("absolute") << u"/absolute/evil"_s;
    QTest::newRow("windows drive") << u"C:\\Windows\\evil"_s;
    QTest::newRow("nul") << QString::fromUtf16(u"a\0b", 3);
    QTest::newRow("device name") << u"CON"_s;
    QTest::newRow("hidden") << u".bashrc"_s;
    QTest::newRow("unicode") << u"ファイル/..\u202e"_s;
    QTest::newRow("long") << QString(5000, u'z');
}

void TestImageCache::keys_neverEscapeTheFolder() {
    QFETCH(QString, key);
    ImageCache cache(folder());
    const auto path = cache.insert(key, png(64));
    QVERIFY2(path, qPrintable(path.error().detail));
    const QFileInfo info(*path);
    QCOMPARE(info.absolutePath(), QDir(folder()).absolutePath());
    QCOMPARE(QDir(folder()).entryList(QDir::Files | QDir::Hidden), QStringList{info.fileName()});
    static const QRegularExpression safe(u"^[A-Za-z0-9_-]{0,40}-[0-9a-f]{32}\\.png$"_s);
    QVERIFY2(safe.match(info.fileName()).hasMatch(), qPrintable(info.fileName()));
    QCOMPARE(cache.lookup(key), *path);
    QCOMPARE(ImageCache::fileNameForKey(key, u"png"_s), info.fileName());
    // Nothing was written anywhere else.
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
             QStringList{u"images"_s});
}

void TestImageCache::keys_similarButDifferent_doNotCollide() {
    ImageCache cache(folder());
    const QStringList keys{u"a/b"_s, u"a_b"_s, u"a\\b"_s, u"A_B"_s, u"a b"_s};
    QSet<QString> paths;
    for (const QString &key : keys) {
        const auto path = cache.insert(key, png(32, char('a' + paths.size())));
        QVERIFY(path);
        paths.insert(*path);
    }
    QCOMPARE(paths.size(), keys.size());
    for (qsizetype i = 0; i < keys.size(); ++i)
        QCOMPARE(readFile(cache.lookup(keys.at(i))), png(32, char('a' + i)));
}

void TestImageCache::keyForUrl_isStableAndSafe() {
    const QUrl url(u"https://files.example/a/../b.png?sig=x/y"_s);
    const QString key = ImageCache::keyForUrl(url);
    QCOMPARE(key, ImageCache::keyForUrl(url));
    QVERIFY(key != ImageCache::keyForUrl(QUrl(u"https://files.example/b.png"_s)));
    static const QRegularExpression shape(u"^url-[0-9a-f]{64}$"_s);
    QVERIFY(shape.match(key).hasMatch());
}

void TestImageCache::bound_evictsLeastRecentlyUsedFirst() {
    ImageCache cache(folder(), 1000);
    const QString a = *cache.insert(u"a"_s, png(400));
    const QString b = *cache.insert(u"b"_s, png(400));
    QVERIFY(!cache.lookup(u"a"_s).isEmpty()); // a is now more recent than b
    const QString c = *cache.insert(u"c"_s, png(400));
    QVERIFY(cache.totalBytes() <= 1000);
    QVERIFY(cache.contains(u"a"_s));
    QVERIFY(!cache.contains(u"b"_s));
    QVERIFY(cache.contains(u"c"_s));
    QVERIFY(QFile::exists(a));
    QVERIFY(!QFile::exists(b));
    QVERIFY(QFile::exists(c));
    QCOMPARE(cache.totalBytes(), 800);
    // Next in line: a (used before c was inserted).
    QVERIFY(cache.insert(u"d"_s, png(300)));
    QVERIFY(!cache.contains(u"a"_s));
    QVERIFY(cache.contains(u"c"_s));
    QCOMPARE(cache.totalBytes(), 700);
}

void TestImageCache::bound_tooLarge_isRefused() {
    ImageCache cache(folder(), 1000);
    QVERIFY(cache.insert(u"small"_s, png(500)));
    const auto big = cache.insert(u"big"_s, png(1001));
    QVERIFY(!big);
    QVERIFY(!big.error().message.isEmpty());
    QVERIFY(cache.contains(u"small"_s)); // nothing was evicted for it
    QCOMPARE(cache.totalBytes(), 500);
}

void TestImageCache::bound_shrinking_evicts() {
    ImageCache cache(folder(), 10000);
    for (int i = 0; i < 10; ++i)
        QVERIFY(cache.insert(u"k%1"_s.arg(i), png(500)));
    QCOMPARE(cache.totalBytes(), 5000);
    cache.setMaxBytes(1200);
    QCOMPARE(cache.count(), 2);
    QVERIFY(cache.contains(u"k8"_s));
    QVERIFY(cache.contains(u"k9"_s));
    QCOMPARE(QDir(folder()).entryList(QDir::Files).size(), 2);
}

void TestImageCache::replace_keepsAccountingRight() {
    ImageCache cache(folder());
    const QString first = *cache.insert(u"k"_s, png(100));
    const QString second = *cache.insert(u"k"_s, QByteArray("GIF89a") + QByteArray(200, 'g'));
    QVERIFY(second.endsWith(u".gif"_s));
    QVERIFY(!QFile::exists(first)); // the old suffix is gone
    QCOMPARE(cache.totalBytes(), 206);
    QCOMPARE(cache.count(), 1);
    cache.clear();
    QCOMPARE(cache.totalBytes(), 0);
    QVERIFY(QDir(folder()).entryList(QDir::Files).isEmpty());
}

void TestImageCache::restart_accountsExistingFilesOldestFirst() {
    QString a;
    QString b;
    {
        ImageCache cache(folder(), 1000);
        a = *cache.insert(u"a"_s, png(400));
        b = *cache.insert(u"b"_s, png(400));
    }
    // b was used long ago, a recently: after a restart, b goes first.
    setModified(b, QDateTime::currentDateTimeUtc().addDays(-3));
    setModified(a, QDateTime::currentDateTimeUtc().addSecs(-10));
    ImageCache cache(folder(), 1000);
    QCOMPARE(cache.count(), 2);
    QCOMPARE(cache.totalBytes(), 800);
    QCOMPARE(cache.lookup(u"a"_s), a);
    QVERIFY(cache.insert(u"c"_s, png(400)));
    QVERIFY(cache.contains(u"a"_s));
    QVERIFY(!cache.contains(u"b"_s));
    // A smaller bound at start evicts at once.
    ImageCache smaller(folder(), 500);
    QCOMPARE(smaller.count(), 1);
    QVERIFY(smaller.totalBytes() <= 500);
}

void TestImageCache::restart_removesOwnTemporaryFilesOnly() {
    QVERIFY(QDir().mkpath(folder()));
    const QString ours = ImageCache::fileNameForKey(u"x"_s, u"png"_s) + u".Ab12Cd"_s;
    const QString foreign = u"notes.txt"_s;
    for (const QString &name : {ours, foreign}) {
        QFile f(QDir(folder()).filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("data");
    }
    ImageCache cache(folder());
    QVERIFY(!QFile::exists(QDir(folder()).filePath(ours)));
    QVERIFY(QFile::exists(QDir(folder()).filePath(foreign)));
    QCOMPARE(cache.count(), 0);
    QCOMPARE(cache.totalBytes(), 0);
}

void TestImageCache::suffixForData_recognisesFormats_data() {
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QString>("suffix");
    QTest::newRow("png") << png(16) << u"png"_s;
    QTest::newRow("jpeg") << QByteArray("\xff\xd8\xff\xdb", 4) << u"jpg"_s;
    QTest::newRow("gif") << QByteArray("GIF87a....") << u"gif"_s;
    QTest::newRow("webp") << QByteArray("RIFF\x10\0\0\0WEBPVP8 ", 16) << u"webp"_s;
    QTest::newRow("bmp") << QByteArray("BM....") << u"bmp"_s;
    QTest::newRow("svg") << QByteArray("  <svg xmlns=") << u"svg"_s;
    QTest::newRow("xml svg") << QByteArray("<?xml version=\"1.0\"?>\n<svg>") << u"svg"_s;
    QTest::newRow("unknown") << QByteArray("hello") << u"bin"_s;
    QTest::newRow("empty") << QByteArray() << u"bin"_s;
}

void TestImageCache::suffixForData_recognisesFormats() {
    QFETCH(QByteArray, head);
    QFETCH(QString, suffix);
    QCOMPARE(ImageCache::suffixForData(head), suffix);
}

QTEST_GUILESS_MAIN(TestImageCache)
#include "tst_imagecache.moc"
