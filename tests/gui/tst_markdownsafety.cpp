// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/markdown/LinkPolicy.h"
#include "ui/markdown/MessageDocument.h"
#include "ui/markdown/SafeTextDocument.h"

#include <QAbstractTextDocumentLayout>
#include <QElapsedTimer>
#include <QFontMetrics>
#include <QImage>
#include <QMutex>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>

#include <atomic>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using Tramontane::LinkPolicy;
using Tramontane::MessageDocument;
using Tramontane::SafeTextDocument;

Q_DECLARE_METATYPE(LinkPolicy::Action)

namespace {

// A FIFO nobody writes to: opening it for reading blocks until a writer appears. The watchdog
// plays that writer: whenever a non-blocking open for writing succeeds, someone was reading,
// which is recorded, and the reader is released (it then reads end-of-file).
class FifoWatchdog {
public:
    explicit FifoWatchdog(const QString &path)
        : m_path(QFile::encodeName(path)) {
        m_thread = std::thread([this] {
            while (!m_stop.load()) {
                const int fd = ::open(m_path.constData(), O_WRONLY | O_NONBLOCK);
                if (fd >= 0) {
                    m_opened.store(true);
                    ::close(fd);
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        });
    }
    ~FifoWatchdog() {
        m_stop.store(true);
        m_thread.join();
    }
    bool wasOpened() const { return m_opened.load(); }

private:
    QByteArray m_path;
    std::atomic_bool m_stop = false;
    std::atomic_bool m_opened = false;
    std::thread m_thread;
};

struct ResolverLog {
    QMutex mutex;
    QStringList keys;
};

SafeTextDocument::ImageResolver loggingResolver(ResolverLog *log) {
    return [log](const QString &key) -> QVariant {
        QMutexLocker locker(&log->mutex);
        log->keys.append(key);
        if (key == u"known"_s) {
            QImage image(900, 300, QImage::Format_ARGB32);
            image.fill(Qt::red);
            return image;
        }
        return {};
    };
}

// Builds, lays out and paints \a markdown through the whole MessageDocument pipeline.
void renderFully(MessageDocument &document, const QString &markdown) {
    document.setMarkdownAsync(markdown);
    QTRY_VERIFY_WITH_TIMEOUT(document.isReady(), 5000);
    document.setTextWidth(600);
    QImage target(600, 800, QImage::Format_ARGB32_Premultiplied);
    target.fill(Qt::white);
    QPainter painter(&target);
    const qreal height = document.height();
    QVERIFY(height > 0);
    document.paint(&painter, QPointF(0, 0), QRectF(0, 0, 600, 800));
}

QList<QTextImageFormat> imagesOf(const QTextDocument &document) {
    QList<QTextImageFormat> images;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            if (it.fragment().charFormat().isImageFormat())
                images.append(it.fragment().charFormat().toImageFormat());
        }
    }
    return images;
}

} // namespace

class TestMarkdownSafety : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void hostileImages_readNothingAndFinishFast_data();
    void hostileImages_readNothingAndFinishFast();
    void fifoImage_isNeverOpened_data();
    void fifoImage_isNeverOpened();
    void fifoWatchdog_detectsAPlainDocumentReadingIt();
    void remoteImage_becomesClickToLoadPlaceholder();
    void otherSchemes_becomeBlockedText_data();
    void otherSchemes_becomeBlockedText();
    void ownImages_areResolvedAndCapped();
    void loadResource_refusesForeignUrls();
    void rawHtml_isNotInterpreted();
    void linkPolicy_data();
    void linkPolicy();
    void javascriptLink_staysAnAnchorThatPolicyRefuses();
    void bidiControls_areShownAsMarkers_data();
    void bidiControls_areShownAsMarkers();
    void bidiControls_streamedInPieces_matchTheWholeText();
    void deepQuote_textStaysVisible_data();
    void deepQuote_textStaysVisible();
    void remoteImagePlaceholder_hasNoMissingGlyph();

private:
    QTemporaryDir m_dir;
    QString m_fifo;
};

void TestMarkdownSafety::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_fifo = m_dir.filePath(u"trap.png"_s);
    QCOMPARE(::mkfifo(QFile::encodeName(m_fifo).constData(), 0600), 0);
}

void TestMarkdownSafety::hostileImages_readNothingAndFinishFast_data() {
    QTest::addColumn<QString>("markdown");
    QTest::newRow("/dev/zero") << u"Look: ![](/dev/zero) done"_s;
    QTest::newRow("file url") << u"![x](file:///etc/passwd)"_s;
    QTest::newRow("absolute path") << u"![x](/etc/hostname)"_s;
    QTest::newRow("relative path") << u"![x](../../etc/hostname)"_s;
    QTest::newRow("qrc") << u"![x](qrc:/foo.png)"_s;
    QTest::newRow("resource path")
        << u"![x](:/qt-project.org/styles/commonstyle/images/file-16.png)"_s;
    QTest::newRow("remote") << u"![x](https://example.invalid/p.png?q=secret)"_s;
    QTest::newRow("data url")
        << u"![](data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==)"_s;
    QTest::newRow("javascript link") << u"[x](javascript:alert(1))"_s;
    QTest::newRow("in a table") << u"| a |\n|---|\n| ![](/dev/zero) |\n"_s;
    QTest::newRow("in a list") << u"- ![x](/dev/zero)\n- ![y](file:///dev/zero)\n"_s;
    QTest::newRow("reference image") << u"![x][z]\n\n[z]: /dev/zero\n"_s;
}

void TestMarkdownSafety::hostileImages_readNothingAndFinishFast() {
    QFETCH(QString, markdown);
    ResolverLog log;
    QElapsedTimer timer;
    timer.start();
    MessageDocument document;
    document.setImageResolver(loggingResolver(&log));
    renderFully(document, markdown);
    // Streaming the same text token by token must be just as safe.
    MessageDocument streamed;
    streamed.setImageResolver(loggingResolver(&log));
    streamed.setTextWidth(600);
    for (qsizetype i = 0; i < markdown.size(); i += 3) {
        streamed.append(QStringView(markdown).sliced(i, qMin<qsizetype>(3, markdown.size() - i)));
        QVERIFY(streamed.height() >= 0);
    }
    streamed.finish();
    QVERIFY(streamed.height() > 0);
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY2(log.keys.isEmpty(), qPrintable(log.keys.join(u", "_s)));
    // What is displayed holds no trace of a local path.
    QVERIFY(!document.toPlainText().contains(u"/dev/zero"_s));
    QVERIFY(!document.toPlainText().contains(u"/etc/"_s));
}

void TestMarkdownSafety::fifoImage_isNeverOpened_data() {
    QTest::addColumn<QString>("pattern");
    QTest::newRow("path") << u"Here ![trap](%1) it is"_s;
    QTest::newRow("file url") << u"![trap](file://%1)"_s;
    QTest::newRow("reference") << u"![trap][t]\n\n[t]: %1\n"_s;
    QTest::newRow("in a table") << u"| a |\n|---|\n| ![](%1) |\n"_s;
}

void TestMarkdownSafety::fifoImage_isNeverOpened() {
    QFETCH(QString, pattern);
    const QString markdown = pattern.arg(m_fifo);
    FifoWatchdog watchdog(m_fifo);
    {
        MessageDocument document;
        renderFully(document, markdown);
    }
    {
        MessageDocument streamed;
        streamed.setTextWidth(600);
        streamed.setText(markdown);
        QVERIFY(streamed.height() > 0);
        streamed.finish();
        QVERIFY(streamed.height() > 0);
    }
    QTest::qWait(60); // give the watchdog a few rounds
    QVERIFY2(!watchdog.wasOpened(), "the FIFO was opened for reading");
}

// Proves the watchdog can fail: Qt's own document reads the image path it is given.
void TestMarkdownSafety::fifoWatchdog_detectsAPlainDocumentReadingIt() {
    FifoWatchdog watchdog(m_fifo);
    QTextDocument plain;
    plain.setMarkdown(u"![trap](%1)"_s.arg(m_fifo));
    plain.setTextWidth(400);
    plain.documentLayout()->documentSize();
    if (!watchdog.wasOpened())
        QTRY_VERIFY_WITH_TIMEOUT(watchdog.wasOpened(), 500);
}

void TestMarkdownSafety::remoteImage_becomesClickToLoadPlaceholder() {
    const QUrl remote(u"https://example.invalid/p.png?q=secret&x=%2F"_s);
    SafeTextDocument document;
    QCOMPARE(document.importMarkdown(
                 u"Before ![a chart](%1) after"_s.arg(remote.toString(QUrl::FullyEncoded))),
             1);
    QVERIFY(imagesOf(document).isEmpty());
    const QString text = document.toPlainText();
    QVERIFY2(text.contains(u"Image: a chart \u2014 example.invalid (click to load)"_s),
             qPrintable(text));
    QVERIFY(!text.contains(u"secret"_s));

    // The placeholder is an anchor whose href gives the original URL back, byte for byte.
    QString href;
    for (auto it = document.begin().begin(); !it.atEnd(); ++it) {
        if (it.fragment().charFormat().isAnchor())
            href = it.fragment().charFormat().anchorHref();
    }
    QVERIFY(href.startsWith(SafeTextDocument::loadImageScheme() + u':'));
    const std::optional<QUrl> original = SafeTextDocument::remoteImageFromAnchor(href);
    QVERIFY(original.has_value());
    QCOMPARE(*original, remote);
    QCOMPARE(original->toString(QUrl::FullyEncoded), remote.toString(QUrl::FullyEncoded));
    // The anchor itself is no link to open.
    QCOMPARE(LinkPolicy::check(QUrl(href)), LinkPolicy::Action::Refuse);
    QVERIFY(!SafeTextDocument::remoteImageFromAnchor(u"https://example.org/"_s).has_value());
    QVERIFY(!SafeTextDocument::remoteImageFromAnchor(u"tramontane-load-image:file%3A%2F%2F%2Fetc"_s)
                 .has_value());
}

void TestMarkdownSafety::otherSchemes_becomeBlockedText_data() {
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QString>("expected");
    QTest::newRow("file") << u"![pw](file:///etc/passwd)"_s << u"[image blocked: pw]"_s;
    QTest::newRow("path") << u"![host](/etc/hostname)"_s << u"[image blocked: host]"_s;
    QTest::newRow("qrc") << u"![q](qrc:/foo.png)"_s << u"[image blocked: q]"_s;
    QTest::newRow("data") << u"![d](data:image/png;base64,AAAA)"_s << u"[image blocked: d]"_s;
    QTest::newRow("ftp") << u"![f](ftp://example.org/x.png)"_s << u"[image blocked: f]"_s;
    QTest::newRow("no host") << u"![n](https:///x.png)"_s << u"[image blocked: n]"_s;
}

void TestMarkdownSafety::otherSchemes_becomeBlockedText() {
    QFETCH(QString, markdown);
    QFETCH(QString, expected);
    SafeTextDocument document;
    QCOMPARE(document.importMarkdown(markdown), 1);
    QVERIFY(imagesOf(document).isEmpty());
    QCOMPARE(document.toPlainText(), expected);
}

void TestMarkdownSafety::ownImages_areResolvedAndCapped() {
    ResolverLog log;
    SafeTextDocument document;
    document.setImageResolver(loggingResolver(&log));
    QCOMPARE(document.importMarkdown(
                 u"![gen](tramontane-image:known) ![gone](tramontane-image:missing)"_s),
             0);
    const QList<QTextImageFormat> images = imagesOf(document);
    QCOMPARE(images.size(), 2);
    QCOMPARE(images.at(0).width(), SafeTextDocument::maxImageWidth());
    QCOMPARE(images.at(0).height(), 300.0 * SafeTextDocument::maxImageWidth() / 900);
    QCOMPARE(log.keys, (QStringList{u"missing"_s, u"known"_s}));
    document.setTextWidth(600);
    QVERIFY(document.documentLayout()->documentSize().height() >= 160);
    // Drawing asks the resolver again, and never anything else.
    QImage target(600, 400, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&target);
    document.drawContents(&painter);
    for (const QString &key : std::as_const(log.keys))
        QVERIFY(key == u"known"_s || key == u"missing"_s);
    QCOMPARE(document.refusedRequests(), 0);
}

void TestMarkdownSafety::loadResource_refusesForeignUrls() {
    SafeTextDocument document;
    int resolved = 0;
    document.setImageResolver([&resolved](const QString &) {
        ++resolved;
        return QVariant();
    });
    const QVariant image = document.resource(QTextDocument::ImageResource, QUrl(u"/dev/zero"_s));
    QCOMPARE(image.userType(), QMetaType::QImage);
    QCOMPARE(image.value<QImage>().size(), QSize(1, 1));
    QVERIFY(!document.resource(QTextDocument::StyleSheetResource, QUrl(u"file:///etc/passwd"_s))
                 .isValid());
    QVERIFY(!document.resource(QTextDocument::MarkdownResource, QUrl(u"https://example.org/"_s))
                 .isValid());
    QCOMPARE(document.refusedRequests(), 3);
    QCOMPARE(resolved, 0);
    // Even an application-wide default provider is never consulted.
    int defaultCalls = 0;
    QTextDocument::setDefaultResourceProvider([&defaultCalls](const QUrl &) {
        ++defaultCalls;
        return QVariant();
    });
    document.resource(QTextDocument::StyleSheetResource, QUrl(u"file:///etc/passwd"_s));
    QTextDocument::setDefaultResourceProvider({});
    QCOMPARE(defaultCalls, 0);
}

void TestMarkdownSafety::rawHtml_isNotInterpreted() {
    SafeTextDocument document;
    document.importMarkdown(u"<img src=\"/dev/zero\"> and <b>bold</b>"_s);
    QVERIFY(imagesOf(document).isEmpty());
    QVERIFY(document.toPlainText().contains(u"<img src="_s));
}

void TestMarkdownSafety::linkPolicy_data() {
    QTest::addColumn<QString>("url");
    QTest::addColumn<LinkPolicy::Action>("action");
    using A = LinkPolicy::Action;
    QTest::newRow("https") << u"https://mistral.ai/news"_s << A::Open;
    QTest::newRow("HTTPS upper case") << u"HTTPS://example.org"_s << A::Open;
    QTest::newRow("mailto") << u"mailto:someone@example.org"_s << A::Open;
    QTest::newRow("mailto without address") << u"mailto:"_s << A::Refuse;
    QTest::newRow("http loopback v4") << u"http://127.0.0.1:8080/x"_s << A::AskLoopbackHttp;
    QTest::newRow("http localhost") << u"http://localhost:3000"_s << A::AskLoopbackHttp;
    QTest::newRow("http loopback v6") << u"http://[::1]:9000/"_s << A::AskLoopbackHttp;
    QTest::newRow("http remote") << u"http://example.org"_s << A::Refuse;
    QTest::newRow("http tricky host") << u"http://127.0.0.1.example.org/"_s << A::Refuse;
    QTest::newRow("javascript") << u"javascript:alert(1)"_s << A::Refuse;
    QTest::newRow("file") << u"file:///etc/passwd"_s << A::Refuse;
    QTest::newRow("data") << u"data:text/html,<script>alert(1)</script>"_s << A::Refuse;
    QTest::newRow("qrc") << u"qrc:/x"_s << A::Refuse;
    QTest::newRow("relative") << u"../x"_s << A::Refuse;
    QTest::newRow("ftp") << u"ftp://example.org"_s << A::Refuse;
    QTest::newRow("https without host") << u"https:///path"_s << A::Refuse;
    QTest::newRow("custom scheme") << u"vscode://open?x"_s << A::Refuse;
}

void TestMarkdownSafety::linkPolicy() {
    QFETCH(QString, url);
    QFETCH(LinkPolicy::Action, action);
    QCOMPARE(LinkPolicy::check(QUrl(url)), action);
}

void TestMarkdownSafety::javascriptLink_staysAnAnchorThatPolicyRefuses() {
    MessageDocument document;
    document.setTextWidth(400);
    QVERIFY(document.setMarkdownAsync(u"[click me please](javascript:alert(1))"_s));
    QString href;
    for (int x = 0; x < 200 && href.isEmpty(); x += 2)
        href = document.anchorAt(QPointF(x, 5));
    QCOMPARE(href, u"javascript:alert(1)"_s);
    QCOMPARE(LinkPolicy::check(QUrl(href)), LinkPolicy::Action::Refuse);
}

void TestMarkdownSafety::bidiControls_areShownAsMarkers_data() {
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QString>("shown");
    // "evil" spelled backwards under a right-to-left override displays as "evil" reversed.
    QTest::newRow("override") << u"say \u202Elive\u202C now"_s
                              << u"say \u2039U+202E\u203Alive\u2039U+202C\u203A now"_s;
    QTest::newRow("isolates") << u"a \u2067b c\u2069 d"_s
                              << u"a \u2039U+2067\u203Ab c\u2039U+2069\u203A d"_s;
    QTest::newRow("embedding in a quote")
        << u"> x \u202Bq\u202C"_s << u"x \u2039U+202B\u203Aq\u2039U+202C\u203A"_s;
    QTest::newRow("in a code block") << u"```sh\nrm -rf \u202E/ #\u2066 safe\n```"_s
                                     << u"rm -rf \u2039U+202E\u203A/ #\u2039U+2066\u203A safe"_s;
    QTest::newRow("link text") << u"[\u202Emoc.elpmaxe](https://example.org)"_s
                               << u"\u2039U+202E\u203Amoc.elpmaxe"_s;
    QTest::newRow("implicit marks stay") << u"x\u200Ey\u200Fz"_s << u"x\u200Ey\u200Fz"_s;
}

void TestMarkdownSafety::bidiControls_areShownAsMarkers() {
    QFETCH(QString, markdown);
    QFETCH(QString, shown);
    MessageDocument document;
    renderFully(document, markdown);
    const QString text = document.toPlainText();
    QCOMPARE(text, shown);
    // The stored text is the model's, unchanged.
    QCOMPARE(document.text(), markdown);

    SafeTextDocument plain;
    plain.importMarkdown(markdown);
    QCOMPARE(plain.toPlainText(), shown);
}

void TestMarkdownSafety::bidiControls_streamedInPieces_matchTheWholeText() {
    const QString markdown =
        u"Intro \u202Ereversed\u202C.\n\n```\ncode \u2067x\u2069\nmore\n```\n\n> q \u202Dz\u202C\n"_s;
    MessageDocument whole;
    renderFully(whole, markdown);
    MessageDocument streamed;
    streamed.setTextWidth(600);
    for (const QChar c : markdown) {
        streamed.append(QStringView(&c, 1));
        QVERIFY(streamed.height() > 0);
        QVERIFY(!streamed.toPlainText().contains(QChar(0x202E)));
    }
    streamed.finish();
    QTRY_VERIFY(streamed.isReady());
    QCOMPARE(streamed.toPlainText(), whole.toPlainText());
    for (const QChar c : streamed.toPlainText())
        QVERIFY2(!(c.unicode() >= 0x202A && c.unicode() <= 0x202E)
                     && !(c.unicode() >= 0x2066 && c.unicode() <= 0x2069),
                 qPrintable(QString::number(c.unicode(), 16)));
}

void TestMarkdownSafety::deepQuote_textStaysVisible_data() {
    QTest::addColumn<int>("depth");
    QTest::newRow("3") << 3;
    QTest::newRow("40") << 40;
    QTest::newRow("500") << 500;
}

void TestMarkdownSafety::deepQuote_textStaysVisible() {
    QFETCH(int, depth);
    const int width = 600;
    MessageDocument document;
    const QString markdown = QString(depth, u'>') + u" The quoted words stay readable."_s;
    document.setMarkdownAsync(markdown);
    QTRY_VERIFY_WITH_TIMEOUT(document.isReady(), 5000);
    document.setTextWidth(width);
    const qreal height = document.height();
    QVERIFY(height > 0);
    QImage target(width, int(height) + 1, QImage::Format_ARGB32_Premultiplied);
    target.fill(Qt::white);
    {
        QPainter painter(&target);
        document.paint(&painter, QPointF(0, 0), QRectF(0, 0, width, height + 1));
    }
    // The words are painted inside the message's width, with room for most of them.
    int inkLeft = width;
    int inkRight = -1;
    for (int y = 0; y < target.height(); ++y) {
        for (int x = 0; x < width; ++x) {
            if (target.pixel(x, y) != qRgb(255, 255, 255)) {
                inkLeft = qMin(inkLeft, x);
                inkRight = qMax(inkRight, x);
            }
        }
    }
    QVERIFY2(inkRight >= 0, "nothing was painted");
    QVERIFY2(inkLeft <= 6 * 16, qPrintable(QString::number(inkLeft)));
    QVERIFY2(inkRight - inkLeft > width / 4, qPrintable(QString::number(inkRight - inkLeft)));
    QCOMPARE(document.toPlainText(), u"The quoted words stay readable."_s);
}

void TestMarkdownSafety::remoteImagePlaceholder_hasNoMissingGlyph() {
    SafeTextDocument document;
    QCOMPARE(document.importMarkdown(u"![chart](https://example.org/c.png)"_s), 1);
    const QString text = document.toPlainText();
    QVERIFY(text.contains(u"example.org"_s));
    const QFontMetrics metrics(document.defaultFont());
    for (const char32_t c : text.toUcs4())
        QVERIFY2(metrics.inFontUcs4(c), qPrintable(u"U+%1"_s.arg(quint32(c), 4, 16)));
}

QTEST_MAIN(TestMarkdownSafety)
#include "tst_markdownsafety.moc"
