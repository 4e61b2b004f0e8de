// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/markdown/MessageDocument.h"
#include "ui/markdown/SafeTextDocument.h"

#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QTextDocument>

using namespace Qt::StringLiterals;
using Tramontane::MessageDocument;
using Tramontane::SafeTextDocument;

namespace {

constexpr qreal kWidth = 760;

QString words(QRandomGenerator &random, int count) {
    static const QStringList vocabulary = {
        u"latency"_s, u"the"_s,     u"model"_s,  u"stream"_s, u"token"_s,   u"render"_s,
        u"budget"_s,  u"quickly"_s, u"answer"_s, u"with"_s,   u"careful"_s, u"layout"_s,
        u"of"_s,      u"tables"_s,  u"and"_s,    u"code"_s,   u"blocks"_s,  u"inside"_s};
    QStringList out;
    for (int i = 0; i < count; ++i)
        out.append(vocabulary.at(random.bounded(int(vocabulary.size()))));
    return out.join(u' ');
}

QString table(QRandomGenerator &random, int rows) {
    QString text = u"| Name | Value | Notes |\n|------|------:|:-----:|\n"_s;
    for (int r = 0; r < rows; ++r) {
        text += u"| item %1 | %2 | %3 *%4* |\n"_s.arg(r)
                    .arg(random.bounded(10000))
                    .arg(words(random, 2), words(random, 1));
    }
    return text;
}

// A long answer of the kind models write: headings, prose, many tables, lists, code, quotes,
// in every order (code right before a table, tables back to back, ...).
QString tableHeavyAnswer(qsizetype size, quint32 seed = 42) {
    QRandomGenerator random(seed);
    QString text = u"Here is the comparison you asked for.\n\n"_s;
    for (int section = 0; text.size() < size; ++section) {
        text += u"## Section %1\n\n"_s.arg(section);
        text += u"Some **bold** prose about item %1 with `inline code` and a "
                "[link](https://example.org/%1). %2.\n\n"_s.arg(section)
                    .arg(words(random, 12 + random.bounded(30)));
        switch (section % 6) {
        case 0:
            text += table(random, 6 + random.bounded(6)) + u"\n"_s;
            break;
        case 1:
            text += table(random, 4)
                    + u"\n1. first point\n2. second point\n   still second\n"
                      "3. third\n\n"_s;
            break;
        case 2:
            text += u"```python\ndef f(x):\n\n    return x * %1\n```\n\n"_s.arg(section)
                    + table(random, 5) + u"\n"_s;
            break;
        case 3:
            text +=
                u"- bullet\n  - nested %1\n- more\n\n> a quoted line\n> and more\n\n"_s.arg(section)
                + table(random, 7) + u"\n"_s;
            break;
        case 4:
            text += table(random, 3) + u"\n"_s + table(random, 3) + u"\n---\n\n"_s;
            break;
        case 5:
            text += u"### Details\n\n1. alpha\n\n2. beta (loose list)\n\n"_s + words(random, 20)
                    + u"\n"_s + words(random, 10) + u"\n\n"_s;
            break;
        }
    }
    return text;
}

QString oneShotPlainText(const QString &markdown) {
    QTextDocument document;
    document.setMarkdown(markdown, SafeTextDocument::markdownFeatures());
    return document.toPlainText();
}

// The reference rendering: the whole text imported at once, in a single document.
std::unique_ptr<MessageDocument> singleDocument(const QString &markdown, qreal width = kWidth) {
    auto document = std::make_unique<MessageDocument>();
    MessageDocument::Limits limits;
    limits.syncBuildChars = 1 << 30;
    limits.segmentChars = 1 << 30;
    limits.segmentTables = 1 << 30;
    document->setLimits(limits);
    document->setTextWidth(width);
    document->setMarkdownAsync(markdown);
    return document;
}

void streamInPieces(MessageDocument &document, const QString &markdown, int pieceSize,
                    qsizetype *maxUncommitted = nullptr) {
    for (qsizetype i = 0; i < markdown.size(); i += pieceSize) {
        const QStringView piece =
            QStringView(markdown).sliced(i, qMin<qsizetype>(pieceSize, markdown.size() - i));
        document.append(piece);
        QVERIFY(document.height() >= 0);
        const MessageDocument::UpdateStats &stats = document.lastUpdate();
        // Work per update is bounded by the open tail plus what just arrived.
        QVERIFY2(stats.parsedChars <= stats.uncommittedChars + 8,
                 qPrintable(u"at %1: parsed %2, uncommitted %3"_s.arg(i)
                                .arg(stats.parsedChars)
                                .arg(stats.uncommittedChars)));
        if (maxUncommitted)
            *maxUncommitted = qMax(*maxUncommitted, stats.uncommittedChars);
    }
}

} // namespace

class TestMessageDocument : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void streaming_tableHeavyAnswer_matchesOneShot();
    void streaming_randomPieces_matchOneShot_data();
    void streaming_randomPieces_matchOneShot();
    void segments_stackExactlyLikeOneDocument_data();
    void segments_stackExactlyLikeOneDocument();
    void everyTripleOfBlockKinds_rendersLikeOneDocument();
    void streamingFence_onlyAppendsNewLines();
    void giantParagraph_costsLinearTimeOverall();
    void giantTable_isShownAsItsSource();
    void asyncBuild_signalsReadyWithSamePlainText();
    void shortText_isBuiltAtOnce();
    void widthChange_ofLargeMessage_keepsOldLayoutUntilReady();
    void codeBlocks_haveRectsAndText();
    void anchorAt_findsLinksAndPlaceholders();
    void paint_drawsOnlyInsideTheClip();
    void finish_withReferenceDefinitions_rebuildsOnce();
    void setText_withEditedText_startsOver();
    void textPositions_workAcrossSegments();
    void longText_showsWhatFitsAndSaysSo();
};

void TestMessageDocument::streaming_tableHeavyAnswer_matchesOneShot() {
    const QString answer = tableHeavyAnswer(32 * 1024);
    MessageDocument document;
    document.setTextWidth(kWidth);
    qsizetype maxUncommitted = 0;
    streamInPieces(document, answer, 4, &maxUncommitted);
    if (QTest::currentTestFailed())
        return;
    // The tail stays a block or two long however long the message grows.
    QVERIFY2(maxUncommitted < 2048, qPrintable(QString::number(maxUncommitted)));
    QVERIFY(document.segmentCount() > 2);
    document.finish();
    QVERIFY(!document.isStreaming());
    QCOMPARE(document.toPlainText(), oneShotPlainText(answer));

    const auto reference = singleDocument(answer);
    QCOMPARE(document.height(), reference->height());
    QCOMPARE(document.codeBlocks().size(), reference->codeBlocks().size());
}

void TestMessageDocument::streaming_randomPieces_matchOneShot_data() {
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<quint32>("seed");
    QTest::newRow("table heavy") << tableHeavyAnswer(6000, 7) << 1u;
    QTest::newRow("table heavy CRLF")
        << tableHeavyAnswer(6000, 8).replace(u"\n"_s, u"\r\n"_s) << 2u;
    QTest::newRow("fences and lists")
        << u"Steps:\n\n1. Install\n\n   ```sh\n   apt install x\n\n   ```\n2. Run\n\n- a\n\n  b\n"
           "- c\n\nDone.\n\n```\nx\n```\n```\ny\n```\n~~~~\n```\n\n~~~~\nEnd\n\n    indented\n\n"
           "    code\n\n# Last\n\n---\n\n> quote\n> - list in quote\n\nbye"_s
        << 3u;
    QTest::newRow("starts with a table") << u"| a |\n|---|\n| 1 |\n\n---\n\ntext"_s << 4u;
    QTest::newRow("starts with a fence") << u"```\ncode\n```\n| t |\n|---|\n| 1 |\n"_s << 5u;
    QTest::newRow("unclosed fence") << u"Intro\n\n```js\nlet a = 1;\n\nlet b;"_s << 6u;
}

void TestMessageDocument::streaming_randomPieces_matchOneShot() {
    QFETCH(QString, markdown);
    QFETCH(quint32, seed);
    QRandomGenerator random(seed);
    MessageDocument document;
    document.setTextWidth(kWidth);
    for (qsizetype i = 0; i < markdown.size();) {
        const qsizetype n = qMin<qsizetype>(1 + random.bounded(40), markdown.size() - i);
        document.append(QStringView(markdown).sliced(i, n));
        i += n;
        if (random.bounded(3) == 0)
            QVERIFY(document.height() >= 0);
    }
    document.finish();
    QCOMPARE(document.toPlainText(), oneShotPlainText(markdown));
    QCOMPARE(document.height(), singleDocument(markdown)->height());
}

void TestMessageDocument::segments_stackExactlyLikeOneDocument_data() {
    QTest::addColumn<QString>("markdown");
    QTest::newRow("table heavy") << tableHeavyAnswer(40 * 1024, 11);
    QString mixed;
    const QStringList blocks = {u"Para one.\n\n"_s,
                                u"# Head\n\n"_s,
                                u"| a | b |\n|---|---|\n| 1 | 2 |\n\n"_s,
                                u"- i1\n- i2\n\n"_s,
                                u"```\ncode\n```\n\n"_s,
                                u"> quote\n\n"_s,
                                u"1. x\n\n"_s,
                                u"---\n\n"_s,
                                u"### Small\n\n"_s};
    for (const QString &a : blocks) {
        for (const QString &b : blocks)
            mixed += a + b;
    }
    QTest::newRow("every pair of block kinds") << mixed;
}

// Cutting a message into segments of any size must not move a single pixel.
void TestMessageDocument::segments_stackExactlyLikeOneDocument() {
    QFETCH(QString, markdown);
    const auto reference = singleDocument(markdown);
    for (const qsizetype segmentChars : {1, 64, 1024, 4096}) {
        MessageDocument document;
        MessageDocument::Limits limits;
        limits.syncBuildChars = 1 << 30;
        limits.segmentChars = segmentChars;
        document.setLimits(limits);
        document.setTextWidth(kWidth);
        QVERIFY(document.setMarkdownAsync(markdown));
        QVERIFY(document.segmentCount() > 1);
        QCOMPARE(document.toPlainText(), reference->toPlainText());
        QCOMPARE(document.height(), reference->height());
        const auto blocks = document.codeBlocks();
        const auto expected = reference->codeBlocks();
        QCOMPARE(blocks.size(), expected.size());
        for (qsizetype i = 0; i < blocks.size(); ++i)
            QCOMPARE(blocks.at(i).rect, expected.at(i).rect);
    }
    QCOMPARE(reference->toPlainText(), oneShotPlainText(markdown));
}

// Every sequence of three block kinds, cut between blocks (one segment per block) and streamed
// in small pieces, gives exactly the plain text and the height of one document.
void TestMessageDocument::everyTripleOfBlockKinds_rendersLikeOneDocument() {
    const QStringList kinds = {u"Para one.\n\n"_s,
                               u"# Head\n\n"_s,
                               u"### Small\n\n"_s,
                               u"| a | b |\n|---|---|\n| 1 | 2 |\n\n"_s,
                               u"- i1\n- i2\n\n"_s,
                               u"1. x\n\n"_s,
                               u"- [ ] task\n\n"_s,
                               u"```\ncode\n```\n\n"_s,
                               u"```\nc\n```\n"_s,
                               u"    indented\n\n"_s,
                               u"> quote\n\n"_s,
                               u"---\n\n"_s,
                               u"![x](https://example.org/c.png)\n\n"_s};
    MessageDocument::Limits oneBlockSegments;
    oneBlockSegments.syncBuildChars = 1 << 30;
    oneBlockSegments.segmentChars = 1;
    int checked = 0;
    for (const QString &a : kinds) {
        for (const QString &b : kinds) {
            for (const QString &c : kinds) {
                const QString markdown = a + b + c;
                const auto reference = singleDocument(markdown);
                MessageDocument segmented;
                segmented.setLimits(oneBlockSegments);
                segmented.setTextWidth(kWidth);
                segmented.setMarkdownAsync(markdown);
                QVERIFY2(segmented.height() == reference->height(), qPrintable(markdown));
                QCOMPARE(segmented.toPlainText(), reference->toPlainText());

                MessageDocument streamed;
                streamed.setTextWidth(kWidth);
                for (qsizetype i = 0; i < markdown.size(); i += 5) {
                    streamed.append(QStringView(markdown).sliced(i).first(
                        qMin<qsizetype>(5, markdown.size() - i)));
                    streamed.height();
                }
                streamed.finish();
                QVERIFY2(streamed.height() == reference->height(), qPrintable(markdown));
                QCOMPARE(streamed.toPlainText(), reference->toPlainText());
                ++checked;
            }
        }
    }
    QCOMPARE(checked, 13 * 13 * 13);
}

void TestMessageDocument::streamingFence_onlyAppendsNewLines() {
    QString code;
    for (int i = 0; code.size() < 100 * 1024; ++i)
        code += u"    value_%1 = compute(%1, other) + 42  # comment\n"_s.arg(i);
    const QString markdown = u"Here is the file:\n\n```python\n"_s + code + u"```\n\nDone."_s;
    MessageDocument document;
    document.setTextWidth(kWidth);
    qsizetype maxParsed = 0;
    for (qsizetype i = 0; i < markdown.size(); i += 64) {
        document.append(QStringView(markdown).sliced(i, qMin<qsizetype>(64, markdown.size() - i)));
        QVERIFY(document.height() > 0);
        maxParsed = qMax(maxParsed, document.lastUpdate().parsedChars);
    }
    // Each update handles the new text and the unfinished line, never the block so far.
    QVERIFY2(maxParsed < 256, qPrintable(QString::number(maxParsed)));
    document.finish();
    QCOMPARE(document.toPlainText(), oneShotPlainText(markdown));
    const auto blocks = document.codeBlocks();
    QCOMPARE(blocks.size(), 1);
    QCOMPARE(blocks.first().language, u"python"_s);
    QCOMPARE(document.codeBlockText(0) + u'\n', code);
    QCOMPARE(document.height(), singleDocument(markdown)->height());
}

void TestMessageDocument::giantParagraph_costsLinearTimeOverall() {
    // No blank line ever: the whole message stays the open tail.
    const QString markdown =
        QString(u"word *emphasis* `code` [link](https://example.org) "_s).repeated(400);
    MessageDocument document;
    MessageDocument::Limits limits;
    limits.tailThrottleChars = 1024;
    document.setLimits(limits);
    document.setTextWidth(kWidth);
    int deferred = 0;
    for (qsizetype i = 0; i < markdown.size(); i += 64) {
        document.append(QStringView(markdown).sliced(i, qMin<qsizetype>(64, markdown.size() - i)));
        QVERIFY(document.height() > 0);
        const auto &stats = document.lastUpdate();
        QVERIFY(stats.parsedChars <= stats.uncommittedChars);
        deferred += stats.deferred ? 1 : 0;
    }
    QVERIFY(deferred > 0);
    // Re-parsed only after growing by a quarter: a bounded multiple of the text, not quadratic.
    QVERIFY2(document.totalParsedChars() < 8 * markdown.size(),
             qPrintable(QString::number(document.totalParsedChars())));
    document.finish();
    QCOMPARE(document.toPlainText(), oneShotPlainText(markdown));
}

void TestMessageDocument::giantTable_isShownAsItsSource() {
    QRandomGenerator random(5);
    const QString big = table(random, 300);
    const QString markdown = u"Before.\n\n"_s + big + u"\nAfter."_s;
    MessageDocument document;
    document.setTextWidth(kWidth);
    document.setMarkdownAsync(markdown);
    QTRY_VERIFY(document.isReady() && !document.isBuilding());
    const QString text = document.toPlainText();
    QVERIFY(text.startsWith(u"Before.\n| Name | Value | Notes |\n|------|"_s));
    QVERIFY(text.endsWith(u"\nAfter."_s));
    const auto blocks = document.codeBlocks();
    QCOMPARE(blocks.size(), 1);
    QCOMPARE(document.codeBlockText(0) + u'\n', big);

    // Streamed, the table switches to plain text once it grows past the limit, then only
    // appends lines.
    MessageDocument streamed;
    streamed.setTextWidth(kWidth);
    qsizetype lastParsed = 0;
    for (qsizetype i = 0; i < markdown.size(); i += 16) {
        streamed.append(QStringView(markdown).sliced(i, qMin<qsizetype>(16, markdown.size() - i)));
        QVERIFY(streamed.height() > 0);
        lastParsed = streamed.lastUpdate().parsedChars;
    }
    QVERIFY(lastParsed < 64);
    streamed.finish();
    QCOMPARE(streamed.toPlainText(), text);
    QCOMPARE(streamed.height(), document.height());
}

void TestMessageDocument::asyncBuild_signalsReadyWithSamePlainText() {
    const QString answer = tableHeavyAnswer(48 * 1024, 3);
    MessageDocument document;
    document.setTextWidth(kWidth);
    QSignalSpy ready(&document, &MessageDocument::ready);
    QVERIFY(!document.setMarkdownAsync(answer));
    QVERIFY(!document.isReady());
    QCOMPARE(document.toPlainText(), QString());
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 20000);
    QVERIFY(document.isReady());
    QCOMPARE(document.toPlainText(), oneShotPlainText(answer));
    QCOMPARE(document.height(), singleDocument(answer)->height());
}

void TestMessageDocument::shortText_isBuiltAtOnce() {
    MessageDocument document;
    document.setTextWidth(kWidth);
    QSignalSpy ready(&document, &MessageDocument::ready);
    QVERIFY(document.setMarkdownAsync(u"# Hi\n\nShort *answer*."_s));
    QVERIFY(document.isReady());
    QCOMPARE(document.toPlainText(), u"Hi\nShort answer."_s);
    QVERIFY(document.height() > 20);
    QCOMPARE(ready.count(), 0);
}

void TestMessageDocument::widthChange_ofLargeMessage_keepsOldLayoutUntilReady() {
    const QString answer = tableHeavyAnswer(24 * 1024, 9);
    MessageDocument document;
    document.setTextWidth(kWidth);
    QSignalSpy ready(&document, &MessageDocument::ready);
    document.setMarkdownAsync(answer);
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 20000);
    const qreal wide = document.height();
    document.setTextWidth(300);
    QVERIFY(document.isBuilding());
    QCOMPARE(document.height(), wide); // the old layout stays until the new one is ready
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 2, 20000);
    QVERIFY(document.height() > wide);
    QCOMPARE(document.height(), singleDocument(answer, 300)->height());
}

void TestMessageDocument::codeBlocks_haveRectsAndText() {
    const QString markdown = u"Intro paragraph.\n\n```python\nprint(1)\n\nprint(2)\n```\n\n"
                             "Middle.\n\n~~~\nplain\n~~~\n\n- item\n\n      indented code\n"_s;
    MessageDocument document;
    document.setTextWidth(kWidth);
    QVERIFY(document.setMarkdownAsync(markdown));
    const auto blocks = document.codeBlocks();
    QCOMPARE(blocks.size(), 3);
    QCOMPARE(blocks.at(0).language, u"python"_s);
    QVERIFY(blocks.at(0).rect.top() > 10);
    QVERIFY(blocks.at(0).rect.bottom() < blocks.at(1).rect.top());
    QVERIFY(blocks.at(1).rect.bottom() < blocks.at(2).rect.top());
    QVERIFY(blocks.at(2).rect.bottom() <= document.height() + 1);
    QCOMPARE(blocks.at(0).rect.right(), kWidth);

    const auto first = document.codeBlockAt(blocks.at(0).rect.center());
    QVERIFY(first.has_value());
    QCOMPARE(first->code, u"print(1)\n\nprint(2)"_s);
    QCOMPARE(first->language, u"python"_s);
    const auto second = document.codeBlockAt(blocks.at(1).rect.topLeft() + QPointF(2, 2));
    QVERIFY(second.has_value());
    QCOMPARE(second->code, u"plain"_s);
    QCOMPARE(document.codeBlockText(2), u"indented code"_s);
    QVERIFY(!document.codeBlockAt(QPointF(5, 2)).has_value());

    // While streaming, the open block is listed too.
    MessageDocument streamed;
    streamed.setTextWidth(kWidth);
    streamed.append(u"Look:\n\n```sh\nls -l\nrm -"_s);
    QCOMPARE(streamed.codeBlocks().size(), 1);
    QCOMPARE(streamed.codeBlockText(0), u"ls -l\nrm -"_s);
}

void TestMessageDocument::anchorAt_findsLinksAndPlaceholders() {
    MessageDocument document;
    document.setTextWidth(kWidth);
    QVERIFY(document.setMarkdownAsync(
        u"[a link here](https://example.org/page)\n\n![photo](https://img.example.org/p.png)"_s));
    QString link;
    QString placeholder;
    const qreal height = document.height();
    for (qreal y = 1; y < height; y += 2) {
        for (qreal x = 1; x < 300; x += 4) {
            const QString href = document.anchorAt(QPointF(x, y));
            if (href.startsWith(u"https:"_s))
                link = href;
            else if (!href.isEmpty())
                placeholder = href;
        }
    }
    QCOMPARE(link, u"https://example.org/page"_s);
    QCOMPARE(SafeTextDocument::remoteImageFromAnchor(placeholder),
             std::optional<QUrl>(QUrl(u"https://img.example.org/p.png"_s)));
    QCOMPARE(document.anchorAt(QPointF(kWidth - 5, 2)), QString());
    QCOMPARE(document.anchorAt(QPointF(10, height + 50)), QString());
}

void TestMessageDocument::paint_drawsOnlyInsideTheClip() {
    const QString answer = tableHeavyAnswer(16 * 1024, 2);
    auto document = singleDocument(answer);
    const int height = int(document->height());
    QVERIFY(height > 1000);
    QImage image(int(kWidth), height, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    const QRect clip(0, height / 2, int(kWidth), 300);
    {
        QPainter painter(&image);
        document->paint(&painter, QPointF(0, 0), clip);
    }
    int inside = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (image.pixel(x, y) == qRgb(255, 255, 255))
                continue;
            QVERIFY2(clip.contains(x, y), qPrintable(u"painted at %1,%2"_s.arg(x).arg(y)));
            ++inside;
        }
    }
    QVERIFY(inside > 1000);
}

void TestMessageDocument::finish_withReferenceDefinitions_rebuildsOnce() {
    const QString markdown =
        u"See [the docs][d] first.\n\nMore text.\n\n[d]: https://example.org/docs\n"_s;
    MessageDocument document;
    document.setTextWidth(kWidth);
    QSignalSpy ready(&document, &MessageDocument::ready);
    for (const QChar c : markdown) {
        document.append(QStringView(&c, 1));
        document.height();
    }
    auto findLink = [&] {
        for (qreal x = 1; x < 300; x += 2) {
            if (const QString href = document.anchorAt(QPointF(x, 5)); !href.isEmpty())
                return href;
        }
        return QString();
    };
    QCOMPARE(findLink(), QString()); // the definition came after the paragraph was committed
    document.finish();
    QTRY_COMPARE(ready.count(), 1);
    QCOMPARE(findLink(), u"https://example.org/docs"_s);
    QCOMPARE(document.toPlainText(), oneShotPlainText(markdown));
}

void TestMessageDocument::setText_withEditedText_startsOver() {
    MessageDocument document;
    document.setTextWidth(kWidth);
    document.setText(u"First version.\n\nSecond"_s);
    QCOMPARE(document.toPlainText(), u"First version.\nSecond"_s);
    document.setText(u"First version.\n\nSecond paragraph"_s);
    QCOMPARE(document.toPlainText(), u"First version.\nSecond paragraph"_s);
    QCOMPARE(document.lastUpdate().parsedChars, u"Second paragraph"_s.size());
    document.setText(u"Rewritten."_s);
    QCOMPARE(document.toPlainText(), u"Rewritten."_s);
    document.finish();
    QCOMPARE(document.toPlainText(), u"Rewritten."_s);
}

// Selection support: positions are offsets into toPlainText(), whatever the segments.
void TestMessageDocument::textPositions_workAcrossSegments() {
    const QStringList paragraphs = {u"First paragraph with words."_s, u"Second one here."_s,
                                    u"Third, the last."_s};
    const QString markdown = paragraphs.join(u"\n\n"_s) + u"\n\n```\ncode line\n```\n"_s;
    MessageDocument document;
    MessageDocument::Limits limits;
    limits.syncBuildChars = 1 << 30;
    limits.segmentChars = 1; // a segment per block
    document.setLimits(limits);
    document.setTextWidth(kWidth);
    QVERIFY(document.setMarkdownAsync(markdown));
    QVERIFY(document.segmentCount() > 2);
    const QString plain = document.toPlainText();
    QCOMPARE(plain, paragraphs.join(u'\n') + u"\ncode line"_s);
    QCOMPARE(document.plainTextLength(), plain.size());

    // Words and blocks, in every segment.
    for (const QString &paragraph : paragraphs) {
        const qsizetype start = plain.indexOf(paragraph);
        const QString firstWord = paragraph.section(u' ', 0, 0).remove(u',');
        QCOMPARE(document.textIn(document.wordAt(start + 1)), firstWord);
        QCOMPARE(document.textIn(document.blockAt(start + 2)), paragraph);
    }
    QCOMPARE(document.textIn(document.blockAt(plain.indexOf(u"code"_s))), u"code line"_s);
    // A span over a segment boundary.
    const MessageDocument::TextRange across{plain.indexOf(u"words"_s), plain.indexOf(u" one"_s)};
    QCOMPARE(document.textIn(across), u"words.\nSecond"_s);
    QCOMPARE(document.textIn({-4, 3}), u"Fir"_s);
    QCOMPARE(document.textIn({plain.size() - 4, plain.size() + 10}), u"line"_s);

    // Points: above is 0, below is the end, down the left edge every block start is met in
    // order.
    const qreal height = document.height();
    QCOMPARE(document.positionAt(QPointF(10, -5)), 0);
    QCOMPARE(document.positionAt(QPointF(10, height + 5)), plain.size());
    qsizetype previous = 0;
    QList<qsizetype> starts;
    for (qreal y = 0; y < height; y += 1) {
        const qsizetype at = document.positionAt(QPointF(0, y));
        QVERIFY2(at >= previous, qPrintable(u"y %1: %2 < %3"_s.arg(y).arg(at).arg(previous)));
        previous = at;
        if (starts.isEmpty() || starts.last() != at)
            starts.append(at);
    }
    for (const QString &line : paragraphs + QStringList{u"code line"_s})
        QVERIFY2(starts.contains(plain.indexOf(line)), qPrintable(line));

    // A highlight is painted on the lines of its text only.
    const QColor marker(0x12, 0xc4, 0x7a);
    const MessageDocument::TextRange second = document.blockAt(plain.indexOf(u"Second"_s));
    QImage image(QSize(int(kWidth), qCeil(height)), QImage::Format_RGB32);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        document.paint(&painter, QPointF(0, 0), QRectF(image.rect()),
                       MessageDocument::Highlight{second, marker, Qt::black});
    }
    int rows = 0;
    for (int y = 0; y < image.height(); ++y) {
        bool marked = false;
        for (int x = 0; x < image.width() && !marked; ++x)
            marked = image.pixelColor(x, y) == marker;
        if (!marked)
            continue;
        ++rows;
        const qsizetype at = document.positionAt(QPointF(1, y));
        QVERIFY2(at >= second.start && at <= second.end, qPrintable(QString::number(y)));
    }
    QVERIFY(rows >= 8);
}

// Past the display limit, what fits is shown and a last line says the rest is not; text()
// keeps everything, and the message can be built again from it.
void TestMessageDocument::longText_showsWhatFitsAndSaysSo() {
    const QString text = tableHeavyAnswer(96 * 1024, 5);
    MessageDocument::Limits limits;
    limits.displayChars = 32 * 1024;
    for (const bool streamed : {false, true}) {
        MessageDocument document;
        document.setLimits(limits);
        document.setTextWidth(kWidth);
        if (streamed) {
            for (qsizetype at = 0; at < text.size(); at += 1000) {
                document.append(
                    QStringView(text).sliced(at, qMin<qsizetype>(1000, text.size() - at)));
                QVERIFY(document.height() > 0);
            }
            document.finish();
        } else {
            QSignalSpy ready(&document, &MessageDocument::ready);
            QVERIFY(!document.setMarkdownAsync(text));
            QVERIFY(ready.wait(20000));
        }
        QVERIFY(document.isTruncated());
        QCOMPARE(document.text(), text);
        const QString plain = document.toPlainText();
        QVERIFY2(plain.size() < limits.displayChars, qPrintable(QString::number(plain.size())));
        QVERIFY(plain.startsWith(u"Here is the comparison you asked for."_s));
        const QString notice = plain.section(u'\n', -1);
        QVERIFY2(notice.contains(u"too long to display"_s), qPrintable(notice));
        // The notice is the last thing painted, below the shown text.
        const qreal height = document.height();
        QCOMPARE(document.textIn(document.blockAt(document.positionAt(QPointF(20, height - 2)))),
                 notice);
    }
    MessageDocument shortOne;
    shortOne.setLimits(limits);
    shortOne.setTextWidth(kWidth);
    QVERIFY(shortOne.setMarkdownAsync(u"Short."_s));
    QVERIFY(!shortOne.isTruncated());
    QCOMPARE(shortOne.toPlainText(), u"Short."_s);
}

QTEST_MAIN(TestMessageDocument)
#include "tst_messagedocument.moc"
