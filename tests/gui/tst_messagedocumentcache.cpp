// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/markdown/MessageDocument.h"
#include "ui/markdown/MessageDocumentCache.h"

#include <QFontDatabase>
#include <QGuiApplication>
#include <QTest>

using namespace Qt::StringLiterals;
using Tramontane::MessageDocument;
using Tramontane::MessageDocumentCache;

namespace {

std::unique_ptr<MessageDocument> documentFor(int i, qreal width = 600) {
    auto document = std::make_unique<MessageDocument>();
    document->setTextWidth(width);
    document->setMarkdownAsync(u"## Message %1\n\nSome text for message %1, long enough to wrap "
                               "once or twice at a narrow width.\n\n| a | b |\n|---|---|\n"
                               "| %1 | x |\n"_s.arg(i));
    return document;
}

QString key(int i) {
    return u"msg-%1"_s.arg(i);
}

} // namespace

class TestMessageDocumentCache : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void widthBucket_groupsNearbyWidths();
    void insertAndFind_byKeyAndWidth();
    void scrollingManyMessages_keepsEntriesBounded();
    void byteLimit_isHonoured();
    void leastRecentlyUsed_isEvictedFirst();
    void pinned_isNeverEvicted();
    void remove_dropsEveryWidth();
    void estimateHeight_followsTextAndWidth();
    void estimateHeight_isInTheRightRange();
};

void TestMessageDocumentCache::widthBucket_groupsNearbyWidths() {
    QCOMPARE(MessageDocumentCache::widthBucket(760), 752);
    QCOMPARE(MessageDocumentCache::widthBucket(767.9), 752);
    QCOMPARE(MessageDocumentCache::widthBucket(768), 768);
    QCOMPARE(MessageDocumentCache::widthBucket(3), 16);
}

void TestMessageDocumentCache::insertAndFind_byKeyAndWidth() {
    MessageDocumentCache cache;
    MessageDocument *stored = cache.insert(key(1), 600, documentFor(1));
    QCOMPARE(cache.find(key(1), 600), stored);
    QCOMPARE(cache.find(key(1), 605), stored); // same bucket
    QCOMPARE(cache.find(key(1), 400), nullptr);
    QCOMPARE(cache.findAnyWidth(key(1)), stored);
    QCOMPARE(cache.find(key(2), 600), nullptr);
    MessageDocument *narrow = cache.insert(key(1), 400, documentFor(1, 400));
    QCOMPARE(cache.count(), 2);
    QCOMPARE(cache.find(key(1), 400), narrow);
    // Replacing an entry frees the old one.
    cache.insert(key(1), 400, documentFor(1, 400));
    QCOMPARE(cache.count(), 2);
    QVERIFY(cache.bytes() > 0);
}

void TestMessageDocumentCache::scrollingManyMessages_keepsEntriesBounded() {
    MessageDocumentCache cache(MessageDocumentCache::Limits{50, 1ll << 40});
    // Scroll through 1,000 messages twice, as a delegate would: find, else build and insert.
    int built = 0;
    for (int pass = 0; pass < 2; ++pass) {
        for (int i = 0; i < 1000; ++i) {
            MessageDocument *document = cache.find(key(i), 600);
            if (!document) {
                document = cache.insert(key(i), 600, documentFor(i));
                ++built;
            }
            QVERIFY(document->height() > 0);
            QVERIFY(cache.count() <= 50);
        }
    }
    QCOMPARE(built, 2000); // nothing survives a full pass: rows far away were evicted
    QCOMPARE(cache.count(), 50);
    QCOMPARE(cache.evictions(), 2000 - 50);
}

void TestMessageDocumentCache::byteLimit_isHonoured() {
    const qint64 one = documentFor(0)->approximateBytes();
    QVERIFY(one > 1000);
    MessageDocumentCache cache(MessageDocumentCache::Limits{1000, one * 10});
    for (int i = 0; i < 100; ++i) {
        cache.insert(key(i), 600, documentFor(i));
        QVERIFY(cache.bytes() <= one * 11);
    }
    QVERIFY(cache.count() <= 11);
    QVERIFY(cache.count() >= 8);
    cache.clear();
    QCOMPARE(cache.count(), 0);
    QCOMPARE(cache.bytes(), 0);
}

void TestMessageDocumentCache::leastRecentlyUsed_isEvictedFirst() {
    MessageDocumentCache cache(MessageDocumentCache::Limits{3, 1ll << 40});
    cache.insert(key(1), 600, documentFor(1));
    cache.insert(key(2), 600, documentFor(2));
    cache.insert(key(3), 600, documentFor(3));
    QVERIFY(cache.find(key(1), 600)); // 1 is now the most recently used
    cache.insert(key(4), 600, documentFor(4));
    QVERIFY(cache.find(key(1), 600));
    QVERIFY(!cache.find(key(2), 600));
    QVERIFY(cache.find(key(3), 600));
    QVERIFY(cache.find(key(4), 600));
}

void TestMessageDocumentCache::pinned_isNeverEvicted() {
    MessageDocumentCache cache(MessageDocumentCache::Limits{2, 1ll << 40});
    MessageDocument *streaming = cache.insert(key(0), 600, documentFor(0));
    cache.setPinned(key(0), true);
    for (int i = 1; i < 20; ++i)
        cache.insert(key(i), 600, documentFor(i));
    QCOMPARE(cache.find(key(0), 600), streaming);
    QCOMPARE(cache.count(), 2);
    cache.setPinned(key(0), false);
    cache.insert(key(100), 600, documentFor(100));
    cache.insert(key(101), 600, documentFor(101));
    QCOMPARE(cache.find(key(0), 600), nullptr);
}

void TestMessageDocumentCache::remove_dropsEveryWidth() {
    MessageDocumentCache cache;
    cache.insert(key(1), 600, documentFor(1));
    cache.insert(key(1), 300, documentFor(1, 300));
    cache.insert(key(2), 600, documentFor(2));
    cache.remove(key(1));
    QCOMPARE(cache.count(), 1);
    QCOMPARE(cache.findAnyWidth(key(1)), nullptr);
    QVERIFY(cache.find(key(2), 600));
}

void TestMessageDocumentCache::estimateHeight_followsTextAndWidth() {
    const QFontMetricsF body(QGuiApplication::font());
    const QFontMetricsF mono(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    const QString shortText = u"Hello there."_s;
    const QString longText = QString(u"word "_s).repeated(400);
    QVERIFY(MessageDocumentCache::estimateHeight(longText, 600, body, mono)
            > MessageDocumentCache::estimateHeight(shortText, 600, body, mono));
    QVERIFY(MessageDocumentCache::estimateHeight(longText, 300, body, mono)
            > MessageDocumentCache::estimateHeight(longText, 600, body, mono));
    const QString code = u"```\n"_s + QString(u"x = 1\n"_s).repeated(50) + u"```\n"_s;
    QVERIFY(MessageDocumentCache::estimateHeight(code, 600, body, mono) >= 50 * mono.lineSpacing());
    const QString table = u"| a | b |\n|---|---|\n"_s + QString(u"| 1 | 2 |\n"_s).repeated(20);
    QVERIFY(MessageDocumentCache::estimateHeight(table, 600, body, mono)
            >= 20 * body.lineSpacing());
}

// An estimate is no exact height, but it must be within a factor of the real one.
void TestMessageDocumentCache::estimateHeight_isInTheRightRange() {
    const QFontMetricsF body(QGuiApplication::font());
    const QFontMetricsF mono(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    const QStringList samples = {
        QString(u"A sentence of moderate length that goes on. "_s).repeated(30),
        u"# Title\n\nIntro.\n\n```python\n"_s + QString(u"print('hello world')\n"_s).repeated(30)
            + u"```\n\nOutro.\n"_s,
        u"| Name | Value |\n|---|---|\n"_s + QString(u"| item | 42 |\n"_s).repeated(25),
    };
    for (const QString &markdown : samples) {
        MessageDocument document;
        document.setTextWidth(600);
        document.setMarkdownAsync(markdown);
        const qreal real = document.height();
        const qreal estimate = MessageDocumentCache::estimateHeight(markdown, 600, body, mono);
        QVERIFY2(estimate > real / 2 && estimate < real * 2,
                 qPrintable(u"estimate %1, real %2"_s.arg(estimate).arg(real)));
    }
}

QTEST_MAIN(TestMessageDocumentCache)
#include "tst_messagedocumentcache.moc"
