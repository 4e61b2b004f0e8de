// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeImageFetcher.h"
#include "ui/chat/ImageViewer.h"

#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QLabel>
#include <QMimeData>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QWheelEvent>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using namespace Tramontane::Test;

class TestImageViewer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void loadedImage_fitsTheWindow();
    void zoomControls_changeTheZoom();
    void wheel_zoomsAroundThePointer();
    void zoomedIn_dragPans();
    void fileName_takesTheExtensionOfTheRealFormat_data();
    void fileName_takesTheExtensionOfTheRealFormat();
    void saveTo_writesTheOriginalBytes();
    void dragData_carriesImageAndTemporaryFile();
    void copy_putsTheImageOnTheClipboard();
    void corruptBytes_showAnError();
    void escape_closes();

private:
    std::unique_ptr<ImageViewer> m_viewer;
};

void TestImageViewer::init() {
    m_viewer = std::make_unique<ImageViewer>();
    m_viewer->resize(640, 480);
    m_viewer->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_viewer.get()));
}

void TestImageViewer::cleanup() {
    m_viewer.reset();
}

void TestImageViewer::loadedImage_fitsTheWindow() {
    QSignalSpy loaded(m_viewer.get(), &ImageViewer::imageLoaded);
    m_viewer->setImageData(encodedImage({2000, 1000}, Qt::red), u"big.png"_s);
    QTRY_COMPARE(loaded.count(), 1);
    QCOMPARE(m_viewer->image().size(), QSize(2000, 1000));
    QVERIFY(m_viewer->isFitting());
    QVERIFY(m_viewer->zoom() < 0.5);
    auto *area = m_viewer->findChild<QScrollArea *>(u"imageScrollArea"_s);
    QVERIFY(area);
    QCOMPARE(area->horizontalScrollBar()->maximum(), 0);
    QCOMPARE(area->verticalScrollBar()->maximum(), 0);
    // A small image is not blown up to fit.
    m_viewer->setImageData(encodedImage({40, 30}, Qt::red));
    QTRY_COMPARE(loaded.count(), 2);
    QCOMPARE(m_viewer->zoom(), 1.0);
}

void TestImageViewer::zoomControls_changeTheZoom() {
    QSignalSpy loaded(m_viewer.get(), &ImageViewer::imageLoaded);
    m_viewer->setImageData(encodedImage({800, 600}, Qt::red));
    QTRY_COMPARE(loaded.count(), 1);
    const qreal fit = m_viewer->zoom();
    m_viewer->findChild<QToolButton *>(u"zoomInToolButton"_s)->click();
    QVERIFY(m_viewer->zoom() > fit);
    QVERIFY(!m_viewer->isFitting());
    QTest::keyClick(m_viewer.get(), Qt::Key_Minus);
    QCOMPARE(m_viewer->zoom(), fit);
    m_viewer->findChild<QToolButton *>(u"actualSizeToolButton"_s)->click();
    QCOMPARE(m_viewer->zoom(), 1.0);
    QCOMPARE(m_viewer->findChild<QLabel *>(u"zoomLabel"_s)->text(), u"100%"_s);
    // The zoom level is shown once: the button that sets it says what it does.
    const QString actualSize =
        m_viewer->findChild<QToolButton *>(u"actualSizeToolButton"_s)->text();
    QVERIFY2(!actualSize.contains(u'%'), qPrintable(actualSize));
    QTest::keyClick(m_viewer.get(), Qt::Key_Plus);
    QCOMPARE(m_viewer->zoom(), 1.25);
    QTest::keyClick(m_viewer.get(), Qt::Key_F);
    QVERIFY(m_viewer->isFitting());
    QCOMPARE(m_viewer->zoom(), fit);
    for (int i = 0; i < 40; ++i)
        m_viewer->zoomIn();
    QCOMPARE(m_viewer->zoom(), ImageViewer::maxZoom());
}

void TestImageViewer::wheel_zoomsAroundThePointer() {
    QSignalSpy loaded(m_viewer.get(), &ImageViewer::imageLoaded);
    m_viewer->setImageData(encodedImage({1600, 1200}, Qt::red));
    QTRY_COMPARE(loaded.count(), 1);
    m_viewer->showActualSize();
    auto *area = m_viewer->findChild<QScrollArea *>(u"imageScrollArea"_s);
    QWidget *viewport = area->viewport();
    const QPoint pointer(100, 80);
    const QPointF before =
        (QPointF(pointer)
         + QPointF(area->horizontalScrollBar()->value(), area->verticalScrollBar()->value()))
        / m_viewer->zoom();
    QWheelEvent wheel(pointer, viewport->mapToGlobal(pointer), {}, {0, 120}, Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(viewport, &wheel);
    QCOMPARE(m_viewer->zoom(), 1.25);
    const QPointF after =
        (QPointF(pointer)
         + QPointF(area->horizontalScrollBar()->value(), area->verticalScrollBar()->value()))
        / m_viewer->zoom();
    QVERIFY2((after - before).manhattanLength() < 2.0, "the image point under the pointer moved");
}

void TestImageViewer::zoomedIn_dragPans() {
    QSignalSpy loaded(m_viewer.get(), &ImageViewer::imageLoaded);
    m_viewer->setImageData(encodedImage({1600, 1200}, Qt::red));
    QTRY_COMPARE(loaded.count(), 1);
    m_viewer->showActualSize();
    auto *area = m_viewer->findChild<QScrollArea *>(u"imageScrollArea"_s);
    area->horizontalScrollBar()->setValue(300);
    area->verticalScrollBar()->setValue(300);
    QWidget *canvas = area->widget();
    const QPoint start = canvas->mapFrom(area->viewport(), QPoint(200, 200));
    QTest::mousePress(canvas, Qt::LeftButton, {}, start);
    QMouseEvent move(QEvent::MouseMove, QPointF(start + QPoint(-50, -40)),
                     QPointF(canvas->mapToGlobal(start + QPoint(-50, -40))), Qt::NoButton,
                     Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(canvas, &move);
    QTest::mouseRelease(canvas, Qt::LeftButton, {}, start + QPoint(-50, -40));
    QCOMPARE(area->horizontalScrollBar()->value(), 350);
    QCOMPARE(area->verticalScrollBar()->value(), 340);
}

void TestImageViewer::fileName_takesTheExtensionOfTheRealFormat_data() {
    QTest::addColumn<QByteArray>("format");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::newRow("jpeg named png") << QByteArray("JPEG") << u"cat.png"_s << u"cat.jpg"_s;
    QTest::newRow("png") << QByteArray("PNG") << u"chart.png"_s << u"chart.png"_s;
    QTest::newRow("no name") << QByteArray("PNG") << QString() << u"image.png"_s;
    QTest::newRow("path in the name")
        << QByteArray("PNG") << u"../../etc/evil.sh"_s << u"evil.png"_s;
    QTest::newRow("hidden name") << QByteArray("JPEG") << u".bashrc"_s << u"image.jpg"_s;
}

void TestImageViewer::fileName_takesTheExtensionOfTheRealFormat() {
    QFETCH(QByteArray, format);
    QFETCH(QString, name);
    QFETCH(QString, expected);
    m_viewer->setImageData(encodedImage({20, 20}, Qt::red, format.constData()), name);
    QCOMPARE(m_viewer->suggestedFileName(), expected);
}

void TestImageViewer::saveTo_writesTheOriginalBytes() {
    const QByteArray bytes = encodedImage({64, 48}, Qt::darkGreen, "JPEG");
    QSignalSpy loaded(m_viewer.get(), &ImageViewer::imageLoaded);
    m_viewer->setImageData(bytes, u"photo"_s);
    QTRY_COMPARE(loaded.count(), 1);
    QTemporaryDir dir;
    const QString path = dir.filePath(m_viewer->suggestedFileName());
    QVERIFY(path.endsWith(u"photo.jpg"_s));
    QVERIFY(m_viewer->saveTo(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), bytes);
    QString error;
    QVERIFY(!m_viewer->saveTo(dir.filePath(u"missing/dir/x.jpg"_s), &error));
    QVERIFY(!error.isEmpty());
}

void TestImageViewer::dragData_carriesImageAndTemporaryFile() {
    const QByteArray bytes = encodedImage({64, 48}, Qt::darkBlue);
    QSignalSpy loaded(m_viewer.get(), &ImageViewer::imageLoaded);
    m_viewer->setImageData(bytes, u"drawing.png"_s);
    QTRY_COMPARE(loaded.count(), 1);
    std::unique_ptr<QMimeData> mime(m_viewer->createMimeData());
    QVERIFY(mime->hasImage());
    QCOMPARE(qvariant_cast<QImage>(mime->imageData()).size(), QSize(64, 48));
    QCOMPARE(mime->urls().size(), 1);
    const QUrl url = mime->urls().first();
    QVERIFY(url.isLocalFile());
    QVERIFY(url.fileName().endsWith(u".png"_s));
    QFile file(url.toLocalFile());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), bytes);
}

void TestImageViewer::copy_putsTheImageOnTheClipboard() {
    QSignalSpy loaded(m_viewer.get(), &ImageViewer::imageLoaded);
    m_viewer->setImageData(encodedImage({30, 20}, Qt::yellow));
    QTRY_COMPARE(loaded.count(), 1);
    QGuiApplication::clipboard()->clear();
    m_viewer->findChild<QToolButton *>(u"copyToolButton"_s)->click();
    const QImage copied = QGuiApplication::clipboard()->image();
    QCOMPARE(copied.size(), QSize(30, 20));
    QCOMPARE(copied.pixelColor(15, 10), QColor(Qt::yellow));
}

void TestImageViewer::corruptBytes_showAnError() {
    QSignalSpy failed(m_viewer.get(), &ImageViewer::failed);
    m_viewer->setImageData(QByteArray(300, 'x'));
    QTRY_COMPARE(failed.count(), 1);
    QVERIFY(!m_viewer->hasImage());
    QVERIFY(!m_viewer->findChild<QToolButton *>(u"copyToolButton"_s)->isEnabled());
}

void TestImageViewer::escape_closes() {
    QVERIFY(m_viewer->isVisible());
    QTest::keyClick(m_viewer.get(), Qt::Key_Escape);
    QVERIFY(!m_viewer->isVisible());
}

QTEST_MAIN(TestImageViewer)
#include "tst_imageviewer.moc"
