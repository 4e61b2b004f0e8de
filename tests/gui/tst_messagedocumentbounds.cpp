// SPDX-License-Identifier: GPL-3.0-or-later
// MessageDocument against what a model (or a hostile server) may send: text that outlives the
// thread that built it, and tokens too long for any line.
#include "ui/markdown/MessageDocument.h"

#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>
#include <QTimer>

using namespace Qt::StringLiterals;
using Tramontane::MessageDocument;

namespace {

constexpr qreal kWidth = 760;
constexpr int kViewport = 900;

// What a bounded rendering may cost here, whatever the input; the unbounded one took 90 s for
// 1 MB of one token and never ended for 20 MB.
constexpr qint64 kTimeBoundMs = 10000;
constexpr qsizetype kDisplayBound = 1 << 20; // characters shown at most, notice included
constexpr qint64 kMemoryBoundMb = 400;

QString answer(qsizetype size) {
    QRandomGenerator random(7);
    static const QStringList vocabulary = {u"layout"_s, u"the"_s,  u"model"_s, u"stream"_s,
                                           u"token"_s,  u"with"_s, u"code"_s,  u"tables"_s};
    QString text;
    for (int section = 0; text.size() < size; ++section) {
        text += u"## Part %1\n\nSome **bold** prose and a [link](https://example.org/%1): "_s.arg(
            section);
        for (int i = 0; i < 40; ++i)
            text += vocabulary.at(random.bounded(int(vocabulary.size()))) + u' ';
        text +=
            u"\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```cpp\nint x = %1;\n```\n\n"_s.arg(section);
    }
    return text;
}

QString base64Blob(qsizetype size) {
    QRandomGenerator random(11);
    QByteArray bytes(size * 3 / 4, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = char(random.bounded(256));
    return u"Here is the file:\n\n```\n"_s + QString::fromLatin1(bytes.toBase64()) + u"\n```\n"_s;
}

// Resident memory of this process in MB, or -1 where /proc is missing.
qint64 residentMb() {
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() / 1024;
    }
    return -1;
}

void paintBottom(MessageDocument &document, QImage &image) {
    const qreal height = document.height();
    QPainter painter(&image);
    const qreal top = qMax<qreal>(0, height - kViewport);
    document.paint(&painter, QPointF(0, -top), QRectF(0, 0, kWidth, kViewport));
}

// Bounded time, memory and displayed text; the whole text kept.
void checkBounded(MessageDocument &document, const QString &text, const QElapsedTimer &clock,
                  qint64 memoryBefore) {
    QVERIFY2(clock.elapsed() < kTimeBoundMs, qPrintable(u"%1 ms"_s.arg(clock.elapsed())));
    const qint64 memory = residentMb();
    if (memoryBefore >= 0 && memory >= 0) {
        QVERIFY2(memory - memoryBefore < kMemoryBoundMb,
                 qPrintable(u"%1 MB more"_s.arg(memory - memoryBefore)));
    }
    QCOMPARE(document.text(), text);
    QVERIFY(document.height() > 0);
    QVERIFY(document.plainTextLength() <= kDisplayBound);
    // Hit-testing and painting work where the displayed text ends.
    const qreal height = document.height();
    QVERIFY(document.positionAt(QPointF(kWidth / 2, height - 2)) > 0);
}

} // namespace

class TestMessageDocumentBounds : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void asyncBuild_outlivesItsWorkerThread();
    void manyBuilds_yieldToTheEventLoopAfterEverySlice();
    void longToken_fromHistory_isBounded_data();
    void longToken_fromHistory_isBounded();
    void longToken_streamed_isBounded_data();
    void longToken_streamed_isBounded();
    void longRun_wrapsAnywhere_normalTextDoesNot();
    void longToken_isCutIntoDisplayPieces();
    void longCodeLine_isShownInPiecesAndCopiedWhole();
};

// A text layout keeps raw pointers to the font engines of the thread that made it, and an
// idle pool thread takes its font engines along when it exits (after 30 s, shortened here):
// painting or hit-testing such a layout reads freed memory (AddressSanitizer reports it).
void TestMessageDocumentBounds::asyncBuild_outlivesItsWorkerThread() {
    QThreadPool *pool = QThreadPool::globalInstance();
    const int expiry = pool->expiryTimeout();
    pool->setExpiryTimeout(20);
    const QString text = answer(64 * 1024);
    QImage image(int(kWidth), kViewport, QImage::Format_ARGB32_Premultiplied);
    {
        MessageDocument document;
        document.setTextWidth(kWidth);
        QSignalSpy ready(&document, &MessageDocument::ready);
        QVERIFY(!document.setMarkdownAsync(text));
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 20000);
        QTRY_COMPARE(pool->activeThreadCount(), 0);
        QTest::qWait(300); // the idle worker thread exits
        image.fill(Qt::white);
        {
            QPainter painter(&image);
            document.paint(&painter, QPointF(0, 0), QRectF(0, 0, kWidth, kViewport));
        }
        QVERIFY(document.positionAt(QPointF(200, 60)) > 0);
        QVERIFY(document.height() > kViewport);
    }
    pool->setExpiryTimeout(expiry);

    // The same as one built and laid out here.
    MessageDocument::Limits limits;
    limits.syncBuildChars = 1 << 30;
    MessageDocument reference;
    reference.setLimits(limits);
    reference.setTextWidth(kWidth);
    QVERIFY(reference.setMarkdownAsync(text));
    QImage expected(image.size(), image.format());
    expected.fill(Qt::white);
    {
        QPainter painter(&expected);
        reference.paint(&painter, QPointF(0, 0), QRectF(0, 0, kWidth, kViewport));
    }
    QCOMPARE(image, expected);
}

void TestMessageDocumentBounds::longToken_fromHistory_isBounded_data() {
    QTest::addColumn<QString>("text");
    QTest::newRow("1 MB of a") << QString(1 << 20, u'a');
    QTest::newRow("20 MB of a") << QString(20 << 20, u'a');
    QTest::newRow("300 KB of a") << QString(300 << 10, u'a');
    QTest::newRow("2 MB base64 block") << base64Blob(2 << 20);
    QTest::newRow("1 MB token in a list") << u"- item\n- "_s + QString(1 << 20, u'x') + u"\n"_s;
}

void TestMessageDocumentBounds::longToken_fromHistory_isBounded() {
    QFETCH(QString, text);
    const qint64 memoryBefore = residentMb();
    QElapsedTimer clock;
    clock.start();
    MessageDocument document;
    document.setTextWidth(kWidth);
    QSignalSpy ready(&document, &MessageDocument::ready);
    if (!document.setMarkdownAsync(text))
        QVERIFY(ready.wait(int(kTimeBoundMs)));
    QImage image(int(kWidth), kViewport, QImage::Format_ARGB32_Premultiplied);
    paintBottom(document, image);
    checkBounded(document, text, clock, memoryBefore);
}

void TestMessageDocumentBounds::longToken_streamed_isBounded_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("piece");
    QTest::newRow("1 MB of a, one delta") << QString(1 << 20, u'a') << (1 << 20);
    QTest::newRow("20 MB of a, one delta") << QString(20 << 20, u'a') << (20 << 20);
    QTest::newRow("1 MB of a, 8 KB deltas") << QString(1 << 20, u'a') << (8 << 10);
    QTest::newRow("2 MB base64 block, 16 KB deltas") << base64Blob(2 << 20) << (16 << 10);
}

// As the chat view streams: append, then height and paint at every frame.
void TestMessageDocumentBounds::longToken_streamed_isBounded() {
    QFETCH(QString, text);
    QFETCH(int, piece);
    const qint64 memoryBefore = residentMb();
    QElapsedTimer clock;
    clock.start();
    MessageDocument document;
    document.setTextWidth(kWidth);
    QImage image(int(kWidth), kViewport, QImage::Format_ARGB32_Premultiplied);
    for (qsizetype at = 0; at < text.size(); at += piece) {
        document.append(QStringView(text).sliced(at, qMin<qsizetype>(piece, text.size() - at)));
        paintBottom(document, image);
        QVERIFY2(clock.elapsed() < kTimeBoundMs,
                 qPrintable(u"at %1: %2 ms"_s.arg(at).arg(clock.elapsed())));
    }
    document.finish();
    paintBottom(document, image);
    checkBounded(document, text, clock, memoryBefore);
}

// A run too long for word wrapping is broken anywhere; ordinary words keep word wrapping.
void TestMessageDocumentBounds::longRun_wrapsAnywhere_normalTextDoesNot() {
    const QString prose =
        QStringList(20, u"Words that wrap at word boundaries only, like these ones here."_s)
            .join(u' ');
    const QString text = prose + u"\n\n"_s + QString(4000, u'z') + u"\n\n"_s + prose;
    MessageDocument document;
    document.setTextWidth(300);
    QVERIFY(document.setMarkdownAsync(text));
    const QString plain = document.toPlainText();
    QCOMPARE(plain, prose + u'\n' + QString(4000, u'z') + u'\n' + prose);
    // Every line of the prose still starts at a word.
    const qreal height = document.height();
    int lines = 0;
    for (qreal y = 2; y < height; y += 4) {
        const qsizetype at = document.positionAt(QPointF(0, y));
        if (at <= 0 || at >= plain.size() || plain.at(at) == u'z')
            continue;
        QVERIFY2(
            plain.at(at - 1).isSpace(),
            qPrintable(u"line at %1 starts inside a word: %2"_s.arg(y).arg(plain.mid(at - 5, 10))));
        ++lines;
    }
    QVERIFY(lines > 20);
}

// However many long messages are laid out at once, the event loop gets a turn after every
// slice: with one-segment slices, it turns at least once per segment of all of them.
void TestMessageDocumentBounds::manyBuilds_yieldToTheEventLoopAfterEverySlice() {
    MessageDocument::Limits limits;
    limits.layoutSliceMs = 0; // a segment per slice
    std::vector<std::unique_ptr<MessageDocument>> documents;
    int pending = 0;
    for (int i = 0; i < 6; ++i) {
        auto document = std::make_unique<MessageDocument>();
        document->setLimits(limits);
        document->setTextWidth(kWidth);
        connect(document.get(), &MessageDocument::ready, this, [&pending] { --pending; });
        QVERIFY(!document->setMarkdownAsync(answer(96 * 1024)));
        ++pending;
        documents.push_back(std::move(document));
    }
    // Every build done before the event loop runs: their layouts all start in the same turn.
    QThreadPool::globalInstance()->waitForDone();
    int turns = 0;
    QTimer counter;
    counter.setInterval(0);
    connect(&counter, &QTimer::timeout, this, [&turns] { ++turns; });
    counter.start();
    QTRY_COMPARE_WITH_TIMEOUT(pending, 0, 30000);
    counter.stop();
    int segments = 0;
    for (const auto &document : documents)
        segments += document->segmentCount();
    QVERIFY2(segments > 30, qPrintable(QString::number(segments)));
    QVERIFY2(turns >= segments - int(documents.size()),
             qPrintable(u"%1 turns for %2 segments"_s.arg(turns).arg(segments)));
}

// A long run is laid out a piece at a time: a history build in slices of a piece, a stream
// without re-rendering more than a piece or two per frame; both show the same.
void TestMessageDocumentBounds::longToken_isCutIntoDisplayPieces() {
    const QString text = QString(100 << 10, u'a') + u" and some words after it."_s;
    const MessageDocument::Limits limits;
    MessageDocument history;
    history.setTextWidth(kWidth);
    QSignalSpy ready(&history, &MessageDocument::ready);
    QVERIFY(!history.setMarkdownAsync(text));
    QVERIFY(ready.wait(int(kTimeBoundMs)));
    QVERIFY2(history.segmentCount() >= text.size() / limits.segmentChars,
             qPrintable(QString::number(history.segmentCount())));

    MessageDocument streamed;
    streamed.setTextWidth(kWidth);
    qsizetype maxParsed = 0;
    for (qsizetype at = 0; at < text.size(); at += 1000) {
        streamed.append(QStringView(text).sliced(at, qMin<qsizetype>(1000, text.size() - at)));
        QVERIFY(streamed.height() > 0);
        maxParsed = qMax(maxParsed, streamed.lastUpdate().parsedChars);
    }
    QVERIFY2(maxParsed <= 2 * limits.segmentChars + 1000, qPrintable(QString::number(maxParsed)));
    streamed.finish();
    QCOMPARE(streamed.toPlainText(), history.toPlainText());
    QCOMPARE(streamed.height(), history.height());
    QVERIFY(streamed.toPlainText().endsWith(u"and some words after it."_s));
}

// A long line of code (a blob) is shown as pieces, so that a streamed one is not laid out again
// whole at every frame; copying the code block gives the line back whole.
void TestMessageDocumentBounds::longCodeLine_isShownInPiecesAndCopiedWhole() {
    const QString blob = base64Blob(48 << 10);
    const QString code = blob.section(u'\n', 3, 3);
    QVERIFY(code.size() > 40000);
    const QString text =
        u"Before.\n\n```\nshort line\n"_s + code + u"\nlast line\n```\n\nAfter.\n"_s;
    const QString expected = u"short line\n"_s + code + u"\nlast line"_s;

    MessageDocument streamed;
    streamed.setTextWidth(kWidth);
    qsizetype maxParsed = 0;
    for (qsizetype at = 0; at < text.size(); at += 500) {
        streamed.append(QStringView(text).sliced(at, qMin<qsizetype>(500, text.size() - at)));
        QVERIFY(streamed.height() > 0);
        maxParsed = qMax(maxParsed, streamed.lastUpdate().parsedChars);
    }
    QVERIFY2(maxParsed < 4096, qPrintable(QString::number(maxParsed)));
    streamed.finish();
    QCOMPARE(streamed.codeBlocks().size(), 1);
    QCOMPARE(streamed.codeBlockText(0), expected);

    MessageDocument history;
    history.setTextWidth(kWidth);
    QSignalSpy ready(&history, &MessageDocument::ready);
    if (!history.setMarkdownAsync(text))
        QVERIFY(ready.wait(int(kTimeBoundMs)));
    QCOMPARE(history.codeBlocks().size(), 1);
    QCOMPARE(history.codeBlockText(0), expected);
    QCOMPARE(history.height(), streamed.height());
}

QTEST_MAIN(TestMessageDocumentBounds)
#include "tst_messagedocumentbounds.moc"
