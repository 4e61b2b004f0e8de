// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chat/ImageViewer.h"
#include "ui_ImageViewer.h"

#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QDir>
#include <QDrag>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QImageReader>
#include <QKeyEvent>
#include <QMessageBox>
#include <QMimeData>
#include <QPainter>
#include <QSaveFile>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QUrl>
#include <QWheelEvent>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

constexpr qreal kZoomStep = 1.25;
constexpr int kAllocationLimitMb = 64;
constexpr qint64 kMaxPixels = 16ll * 1024 * 1024; // 64 MB at four bytes a pixel

} // namespace

//! Paints the image at the viewer's zoom; its size is the zoomed image size.
class ImageViewer::Canvas final : public QWidget {
public:
    explicit Canvas(ImageViewer *viewer)
        : QWidget(nullptr)
        , m_viewer(viewer) {
        setObjectName(u"imageCanvasWidget"_s);
        setAttribute(Qt::WA_OpaquePaintEvent, false);
    }

    QString message; // shown when there is no image

protected:
    void paintEvent(QPaintEvent *event) override {
        QPainter p(this);
        const QImage &image = m_viewer->m_image;
        if (image.isNull()) {
            p.setPen(palette().color(QPalette::PlaceholderText));
            p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, message);
            return;
        }
        const qreal zoom = m_viewer->m_zoom;
        p.setRenderHint(QPainter::SmoothPixmapTransform, zoom < 2.0);
        // Only the exposed part: zoomed-in giant images stay cheap to repaint.
        const QRectF target = QRectF(event->rect()).intersected(QRectF(rect()));
        const QRectF source(target.x() / zoom, target.y() / zoom, target.width() / zoom,
                            target.height() / zoom);
        p.drawImage(target, image, source);
    }

private:
    ImageViewer *m_viewer;
};

ImageViewer::ImageViewer(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ImageViewer>()) {
    m_ui->setupUi(this);
    setAttribute(Qt::WA_DeleteOnClose, false);
    m_canvas = new Canvas(this);
    m_ui->imageScrollArea->setWidget(m_canvas);
    m_ui->imageScrollArea->setBackgroundRole(QPalette::Dark);
    m_ui->imageScrollArea->viewport()->installEventFilter(this);
    m_canvas->installEventFilter(this);
    m_canvas->setMouseTracking(false);

    connect(m_ui->zoomInToolButton, &QToolButton::clicked, this, &ImageViewer::zoomIn);
    connect(m_ui->zoomOutToolButton, &QToolButton::clicked, this, &ImageViewer::zoomOut);
    connect(m_ui->fitToolButton, &QToolButton::clicked, this, &ImageViewer::fitToWindow);
    connect(m_ui->actualSizeToolButton, &QToolButton::clicked, this, &ImageViewer::showActualSize);
    connect(m_ui->copyToolButton, &QToolButton::clicked, this, &ImageViewer::copyImage);
    connect(m_ui->saveToolButton, &QToolButton::clicked, this, &ImageViewer::saveAs);
    setLoading();
}

ImageViewer::~ImageViewer() = default;

void ImageViewer::setLoading(const QString &fileName) {
    m_fileName = fileName;
    m_image = QImage();
    m_canvas->message = tr("Loading…");
    m_canvas->resize(m_ui->imageScrollArea->viewport()->size());
    m_canvas->update();
    for (QWidget *w : {static_cast<QWidget *>(m_ui->copyToolButton),
                       static_cast<QWidget *>(m_ui->saveToolButton)})
        w->setEnabled(false);
}

void ImageViewer::setError(const QString &message) {
    m_image = QImage();
    m_canvas->message = message;
    m_canvas->resize(m_ui->imageScrollArea->viewport()->size());
    m_canvas->update();
    m_ui->copyToolButton->setEnabled(false);
    m_ui->saveToolButton->setEnabled(!m_bytes.isEmpty());
    Q_EMIT failed(message);
}

void ImageViewer::setImageData(const QByteArray &bytes, const QString &fileName) {
    setLoading(fileName);
    m_bytes = bytes;
    if (m_watcher)
        m_watcher->disconnect(this);
    m_watcher = new QFutureWatcher<Decoded>(this);
    QFutureWatcher<Decoded> *watcher = m_watcher;
    connect(watcher, &QFutureWatcher<Decoded>::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (watcher != m_watcher)
            return;
        m_watcher = nullptr;
        const Decoded decoded = watcher->result();
        if (decoded.image.isNull()) {
            setError(decoded.error);
            return;
        }
        m_image = decoded.image;
        m_ui->copyToolButton->setEnabled(true);
        m_ui->saveToolButton->setEnabled(true);
        m_ui->infoLabel->setText(tr("%1 × %2 · %3")
                                     .arg(m_image.width())
                                     .arg(m_image.height())
                                     .arg(fileExtension().toUpper()));
        setWindowTitle(m_fileName.isEmpty() ? tr("Image") : m_fileName);
        fitToWindow();
        Q_EMIT imageLoaded();
    });
    watcher->setFuture(QtConcurrent::run([bytes] {
        Decoded d;
        QByteArray data = bytes;
        QBuffer buffer(&data);
        buffer.open(QIODevice::ReadOnly);
        QImageReader reader(&buffer);
        reader.setAllocationLimit(kAllocationLimitMb);
        reader.setAutoTransform(true);
        const QSize size = reader.size();
        if (size.isValid() && qint64(size.width()) * size.height() > kMaxPixels) {
            // Bigger than the budget: show it scaled down; Save as… still writes the original.
            const qreal f = std::sqrt(qreal(kMaxPixels) / (qreal(size.width()) * size.height()));
            reader.setScaledSize(
                QSize(qMax(1, int(size.width() * f)), qMax(1, int(size.height() * f))));
        }
        d.image = reader.read();
        if (d.image.isNull())
            d.error = tr("The image could not be read (%1).").arg(reader.errorString());
        return d;
    }));
}

QString ImageViewer::fileExtension() const {
    QByteArray data = m_bytes;
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    QByteArray format = QImageReader::imageFormat(&buffer).toLower();
    if (format == "jpeg")
        format = "jpg";
    if (format == "svg" || format == "svgz")
        format.clear(); // never offered with an extension that would make it a document
    return format.isEmpty() ? u"bin"_s : QString::fromLatin1(format);
}

QString ImageViewer::suggestedFileName() const {
    const QString ext = fileExtension();
    QString base = QFileInfo(m_fileName).completeBaseName();
    // Only letters, digits and a few separators: the name came from the server.
    QString clean;
    for (const QChar c : std::as_const(base)) {
        if (c.isLetterOrNumber() || c == u'-' || c == u'_' || c == u' ' || c == u'.')
            clean += c;
    }
    clean = clean.trimmed();
    while (clean.startsWith(u'.'))
        clean.remove(0, 1);
    if (clean.isEmpty())
        clean = u"image"_s;
    return clean.left(100) + u'.' + ext;
}

void ImageViewer::setZoom(qreal zoom) {
    m_fit = false;
    applyZoom(zoom, m_ui->imageScrollArea->viewport()->rect().center());
}

void ImageViewer::zoomIn() {
    m_fit = false;
    applyZoom(m_zoom * kZoomStep, m_ui->imageScrollArea->viewport()->rect().center());
}

void ImageViewer::zoomOut() {
    m_fit = false;
    applyZoom(m_zoom / kZoomStep, m_ui->imageScrollArea->viewport()->rect().center());
}

void ImageViewer::fitToWindow() {
    m_fit = true;
    if (m_image.isNull()) {
        updateZoomLabel();
        return;
    }
    const QSize avail = m_ui->imageScrollArea->maximumViewportSize();
    const QSizeF size = m_image.deviceIndependentSize();
    const qreal zoom =
        qMin<qreal>(1.0, qMin(avail.width() / size.width(), avail.height() / size.height()));
    applyZoom(zoom, {});
}

void ImageViewer::showActualSize() {
    m_fit = false;
    applyZoom(1.0, m_ui->imageScrollArea->viewport()->rect().center());
}

void ImageViewer::applyZoom(qreal zoom, const QPoint &anchor) {
    zoom = qBound(minZoom(), zoom, maxZoom());
    if (m_image.isNull()) {
        m_zoom = zoom;
        updateZoomLabel();
        return;
    }
    QScrollBar *h = m_ui->imageScrollArea->horizontalScrollBar();
    QScrollBar *v = m_ui->imageScrollArea->verticalScrollBar();
    // The image point under the anchor stays under it.
    const QPointF inCanvas = m_canvas->mapFrom(m_ui->imageScrollArea->viewport(), anchor);
    const QPointF inImage = inCanvas / m_zoom;
    m_zoom = zoom;
    const QSizeF size = m_image.deviceIndependentSize() * zoom;
    m_canvas->resize(qMax(1, qRound(size.width())), qMax(1, qRound(size.height())));
    if (!m_fit) {
        h->setValue(qRound(inImage.x() * zoom - anchor.x()));
        v->setValue(qRound(inImage.y() * zoom - anchor.y()));
    }
    m_ui->fitToolButton->setChecked(m_fit);
    m_canvas->update();
    updateZoomLabel();
}

void ImageViewer::updateZoomLabel() {
    //: The zoom level in percent; French writes "%1 %" with a no-break space.
    m_ui->zoomLabel->setText(tr("%1%").arg(qRound(m_zoom * 100)));
}

bool ImageViewer::saveTo(const QString &path, QString *error) const {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_bytes) != m_bytes.size()
        || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void ImageViewer::saveAs() {
    if (m_bytes.isEmpty())
        return;
    const QString ext = fileExtension();
    const QString filter = tr("%1 image (*.%2)").arg(ext.toUpper(), ext);
    QString path = QFileDialog::getSaveFileName(this, tr("Save Image"),
                                                QDir::home().filePath(suggestedFileName()), filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += u'.' + ext;
    QString error;
    if (!saveTo(path, &error))
        QMessageBox::warning(this, tr("Save Image"),
                             tr("The image could not be saved: %1").arg(error));
}

void ImageViewer::copyImage() {
    if (!m_image.isNull())
        QGuiApplication::clipboard()->setImage(m_image);
}

QMimeData *ImageViewer::createMimeData() const {
    auto *mime = new QMimeData;
    mime->setImageData(m_image);
    if (!m_bytes.isEmpty()) {
        if (!m_tempDir)
            m_tempDir = std::make_unique<QTemporaryDir>();
        if (m_tempDir->isValid()) {
            const QString path = m_tempDir->filePath(suggestedFileName());
            if (QFileInfo::exists(path) || saveTo(path))
                mime->setUrls({QUrl::fromLocalFile(path)});
        }
    }
    return mime;
}

void ImageViewer::startDragOut() {
    if (m_image.isNull())
        return;
    auto *drag = new QDrag(this);
    drag->setMimeData(createMimeData());
    const QImage thumb = m_image.scaled(128, 128, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    drag->setPixmap(QPixmap::fromImage(thumb));
    drag->setHotSpot(QPoint(thumb.width() / 2, thumb.height() / 2));
    drag->exec(Qt::CopyAction);
}

void ImageViewer::keyPressEvent(QKeyEvent *event) {
    if (event->matches(QKeySequence::Copy)) {
        copyImage();
        return;
    }
    if (event->matches(QKeySequence::Save)) {
        saveAs();
        return;
    }
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        return;
    case Qt::Key_Minus:
        zoomOut();
        return;
    case Qt::Key_F:
    case Qt::Key_0:
        fitToWindow();
        return;
    case Qt::Key_1:
        showActualSize();
        return;
    default:
        break;
    }
    QDialog::keyPressEvent(event); // Esc closes
}

void ImageViewer::resizeEvent(QResizeEvent *event) {
    QDialog::resizeEvent(event);
    if (m_fit)
        fitToWindow();
    else if (m_image.isNull())
        m_canvas->resize(m_ui->imageScrollArea->viewport()->size());
}

bool ImageViewer::eventFilter(QObject *watched, QEvent *event) {
    QWidget *viewport = m_ui->imageScrollArea->viewport();
    if (watched != viewport && watched != m_canvas)
        return QDialog::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::Wheel: {
        auto *wheel = static_cast<QWheelEvent *>(event);
        const int delta = wheel->angleDelta().y();
        if (delta == 0 || m_image.isNull())
            return false;
        const QPoint anchor =
            static_cast<QWidget *>(watched)->mapTo(viewport, wheel->position().toPoint());
        m_fit = false;
        applyZoom(m_zoom * std::pow(kZoomStep, delta / 120.0), anchor);
        return true;
    }
    case QEvent::MouseButtonPress: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() != Qt::LeftButton || m_image.isNull())
            return false;
        m_pressed = true;
        m_dragging = false;
        m_pressPos = mouse->globalPosition().toPoint();
        m_panStart = {m_ui->imageScrollArea->horizontalScrollBar()->value(),
                      m_ui->imageScrollArea->verticalScrollBar()->value()};
        return true;
    }
    case QEvent::MouseMove: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (!m_pressed)
            return false;
        const QPoint delta = mouse->globalPosition().toPoint() - m_pressPos;
        const bool scrollable = m_ui->imageScrollArea->horizontalScrollBar()->maximum() > 0
                                || m_ui->imageScrollArea->verticalScrollBar()->maximum() > 0;
        if (!scrollable) {
            // The whole image is in view: dragging takes it out of the window.
            if (delta.manhattanLength() >= QApplication::startDragDistance()) {
                m_pressed = false;
                startDragOut();
            }
            return true;
        }
        m_dragging = true;
        viewport->setCursor(Qt::ClosedHandCursor);
        m_ui->imageScrollArea->horizontalScrollBar()->setValue(m_panStart.x() - delta.x());
        m_ui->imageScrollArea->verticalScrollBar()->setValue(m_panStart.y() - delta.y());
        return true;
    }
    case QEvent::MouseButtonRelease:
        if (m_pressed) {
            m_pressed = false;
            m_dragging = false;
            viewport->unsetCursor();
            return true;
        }
        return false;
    default:
        return false;
    }
}

} // namespace Tramontane
