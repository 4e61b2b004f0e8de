// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDialog>
#include <QFutureWatcher>
#include <QImage>

#include <memory>

class QMimeData;
class QTemporaryDir;

namespace Tramontane {

namespace Ui {
class ImageViewer;
}

//! A window showing one image at full resolution: zoom (wheel around the pointer, + and −,
//! fit, actual size), pan (drag or scroll bars), Save as… (the original bytes, with the extension
//! of their real format), Copy image, and drag out (image data plus a temporary file) when the
//! whole image is in view. Esc closes it.
class ImageViewer final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageViewer)

public:
    explicit ImageViewer(QWidget *parent = nullptr);
    ~ImageViewer() override;

    //! Shows "Loading…" until setImageData() or setError().
    void setLoading(const QString &fileName = {});
    //! Decodes \a bytes (the original file) on a worker thread and shows it; imageLoaded() or
    //! failed() follows. \a fileName suggests the name for Save as….
    void setImageData(const QByteArray &bytes, const QString &fileName = {});
    void setError(const QString &message);

    bool hasImage() const { return !m_image.isNull(); }
    const QImage &image() const { return m_image; }
    const QByteArray &originalBytes() const { return m_bytes; }
    //! "png", "jpg", "gif", "webp", ... from the bytes, not from any name.
    QString fileExtension() const;
    QString suggestedFileName() const;

    qreal zoom() const { return m_zoom; }
    bool isFitting() const { return m_fit; }
    void setZoom(qreal zoom);
    void zoomIn();
    void zoomOut();
    void fitToWindow();
    void showActualSize();

    //! Writes the original bytes to \a path; false with \a error set on failure.
    bool saveTo(const QString &path, QString *error = nullptr) const;
    //! Image data and a temporary file holding the original bytes, for a drag or the clipboard.
    QMimeData *createMimeData() const;

    static constexpr qreal minZoom() { return 0.05; }
    static constexpr qreal maxZoom() { return 16.0; }

public Q_SLOTS:
    void saveAs();
    void copyImage();

Q_SIGNALS:
    void imageLoaded();
    void failed(const QString &message);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    class Canvas;
    struct Decoded {
        QImage image;
        QString error;
    };

    void applyZoom(qreal zoom, const QPoint &anchorInViewport);
    void updateZoomLabel();
    void startDragOut();

    std::unique_ptr<Ui::ImageViewer> m_ui;
    Canvas *m_canvas = nullptr;
    QImage m_image;
    QByteArray m_bytes;
    QString m_fileName;
    qreal m_zoom = 1.0;
    bool m_fit = true;
    QPoint m_pressPos;
    QPoint m_panStart;
    bool m_pressed = false;
    bool m_dragging = false;
    QFutureWatcher<Decoded> *m_watcher = nullptr;
    mutable std::unique_ptr<QTemporaryDir> m_tempDir;
};

} // namespace Tramontane
