// SPDX-License-Identifier: GPL-3.0-or-later
// MessageDocument against what may outlive or overwhelm it: text that outlives the thread that
// built it.
#include "ui/markdown/MessageDocument.h"

#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>

using namespace Qt::StringLiterals;
using Tramontane::MessageDocument;

namespace {

constexpr qreal kWidth = 760;
constexpr int kViewport = 900;

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

} // namespace

class TestMessageDocumentBounds : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void asyncBuild_outlivesItsWorkerThread();
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

QTEST_MAIN(TestMessageDocumentBounds)
#include "tst_messagedocumentbounds.moc"
