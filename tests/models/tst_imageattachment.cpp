// SPDX-License-Identifier: GPL-3.0-or-later
// Images made fit for the API's vision limits: sent as they are when they fit, else scaled and
// encoded again until they do, never refused silently.
#include "models/ImageAttachment.h"

#include <QBuffer>
#include <QImageReader>
#include <QImageWriter>
#include <QPainter>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

QByteArray encoded(const QImage &image, const char *format, int quality = -1) {
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    writer.setQuality(quality);
    writer.write(image);
    return out;
}

QImage noise(int w, int h, bool alpha) {
    QImage image(w, h, alpha ? QImage::Format_ARGB32 : QImage::Format_RGB32);
    QRandomGenerator random(7);
    for (int y = 0; y < h; ++y) {
        auto *line = reinterpret_cast<quint32 *>(image.scanLine(y));
        for (int x = 0; x < w; ++x)
            line[x] = random.generate() | (alpha ? 0 : 0xff000000u);
    }
    return image;
}

QImage plain(int w, int h, const QColor &colour) {
    QImage image(w, h, QImage::Format_RGB32);
    image.fill(colour);
    return image;
}

// What a receiver decodes from the attachment.
QImage decode(const ImageAttachment &a) {
    const QByteArray url = a.dataUrl();
    const qsizetype comma = url.indexOf(',');
    return QImage::fromData(QByteArray::fromBase64(url.mid(comma + 1)));
}

void verifyWithin(const ImageAttachment &a, const ImageAttachment::Limits &limits) {
    QVERIFY(a.isValid());
    QVERIFY2(a.bytes().size() <= limits.maxBytes, qPrintable(QString::number(a.bytes().size())));
    const QImage sent = decode(a);
    QVERIFY(!sent.isNull());
    QCOMPARE(sent.size(), a.size());
    QVERIFY(sent.width() <= limits.maxSide && sent.height() <= limits.maxSide);
    QVERIFY(!a.thumbnail().isNull());
    QVERIFY(a.thumbnail().width() <= ImageAttachment::ThumbnailSide
            && a.thumbnail().height() <= ImageAttachment::ThumbnailSide);
}

} // namespace

class TestImageAttachment : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fittingPngAndJpeg_areSentByteForByte();
    void wideImage_isScaledToTheSideLimit();
    void heavyPhoto_isEncodedAgainUnderTheByteLimit();
    void heavyTransparentImage_staysPngWithItsTransparency();
    void formatTheApiDoesNotRead_isEncodedAgain();
    void garbageAndTruncatedFiles_sayWhy();
};

void TestImageAttachment::fittingPngAndJpeg_areSentByteForByte() {
    const QByteArray png = encoded(plain(640, 480, Qt::red), "png");
    const ImageAttachment a = ImageAttachment::prepare(png, u"shot.png"_s);
    verifyWithin(a, {});
    QCOMPARE(a.bytes(), png);
    QCOMPARE(a.mimeType(), QByteArray("image/png"));
    QVERIFY(a.dataUrl().startsWith("data:image/png;base64,"));
    QVERIFY(!a.scaled() && !a.reencoded());
    QCOMPARE(a.originalSize(), QSize(640, 480));
    QCOMPARE(a.thumbnail().size(), QSize(160, 120));
    QCOMPARE(a.name(), u"shot.png"_s);

    const QByteArray jpeg = encoded(plain(300, 200, Qt::blue), "jpeg", 90);
    const ImageAttachment b = ImageAttachment::prepare(jpeg, u"photo.jpg"_s);
    QCOMPARE(b.bytes(), jpeg);
    QCOMPARE(b.mimeType(), QByteArray("image/jpeg"));
}

void TestImageAttachment::wideImage_isScaledToTheSideLimit() {
    const QByteArray png = encoded(plain(12000, 120, Qt::darkGreen), "png");
    const ImageAttachment a = ImageAttachment::prepare(png, u"banner.png"_s);
    verifyWithin(a, {});
    QCOMPARE(a.originalSize(), QSize(12000, 120));
    QCOMPARE(a.size(), QSize(10000, 100));
    QVERIFY(a.scaled() && a.reencoded());
    QCOMPARE(a.mimeType(), QByteArray("image/jpeg"));
}

void TestImageAttachment::heavyPhoto_isEncodedAgainUnderTheByteLimit() {
    ImageAttachment::Limits limits;
    limits.maxBytes = 150 * 1024;
    const QByteArray png = encoded(noise(800, 600, false), "png");
    QVERIFY(png.size() > limits.maxBytes);
    const ImageAttachment a = ImageAttachment::prepare(png, u"noise.png"_s, limits);
    verifyWithin(a, limits);
    QVERIFY(a.reencoded());
    QCOMPARE(a.mimeType(), QByteArray("image/jpeg"));
    QCOMPARE(a.originalSize(), QSize(800, 600));
    // Noise does not compress: the size had to give too, keeping the aspect ratio.
    QVERIFY(a.size().width() < 800);
    QCOMPARE(qRound(a.size().width() * 600.0 / 800.0), a.size().height());
}

void TestImageAttachment::heavyTransparentImage_staysPngWithItsTransparency() {
    ImageAttachment::Limits limits;
    limits.maxBytes = 300 * 1024;
    const QByteArray png = encoded(noise(500, 500, true), "png");
    QVERIFY(png.size() > limits.maxBytes);
    const ImageAttachment a = ImageAttachment::prepare(png, u"sprite.png"_s, limits);
    verifyWithin(a, limits);
    QCOMPARE(a.mimeType(), QByteArray("image/png"));
    QVERIFY(decode(a).hasAlphaChannel());
    QVERIFY(a.scaled());
}

void TestImageAttachment::formatTheApiDoesNotRead_isEncodedAgain() {
    const QByteArray bmp = encoded(plain(64, 32, Qt::yellow), "bmp");
    const ImageAttachment a = ImageAttachment::prepare(bmp, u"old.bmp"_s);
    verifyWithin(a, {});
    QVERIFY(a.reencoded());
    QVERIFY(!a.scaled());
    QCOMPARE(a.mimeType(), QByteArray("image/jpeg"));
    QCOMPARE(decode(a).pixelColor(32, 16).name(), QColor(Qt::yellow).name());
}

void TestImageAttachment::garbageAndTruncatedFiles_sayWhy() {
    const ImageAttachment text = ImageAttachment::prepare("just some text, no picture", u"a"_s);
    QCOMPARE(text.problem(), ImageAttachment::Problem::NotAnImage);
    QVERIFY(text.dataUrl().isEmpty());

    const QByteArray png = encoded(noise(200, 200, false), "png");
    const ImageAttachment cut = ImageAttachment::prepare(png.left(png.size() / 3), u"cut.png"_s);
    QCOMPARE(cut.problem(), ImageAttachment::Problem::Unreadable);
    QVERIFY(!cut.isValid());
}

QTEST_GUILESS_MAIN(TestImageAttachment)
#include "tst_imageattachment.moc"
