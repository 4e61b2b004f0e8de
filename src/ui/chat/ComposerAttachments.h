// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/Content.h"
#include "models/ImageAttachment.h"

#include <QFutureWatcher>
#include <QList>
#include <QWidget>

class QHBoxLayout;
class QMimeData;

namespace Tramontane {

//! The images attached to the message being typed: a strip of thumbnails above the composer,
//! each with a remove (×) button reachable by keyboard, and the ways images get there: the
//! Attach button's file dialog, Ctrl+V of an image or of image files, and files dropped on the
//! widgets given to watch().
//!
//! Each image is made fit for the API (ImageAttachment::prepare) on a worker thread; one that
//! had to be scaled says so in its tooltip. At most MaxImages go with one message. What cannot
//! be attached (not an image, unreadable, one too many) is said in one sentence through
//! problem(); nothing already typed or attached is touched.
class ComposerAttachments final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComposerAttachments)

public:
    //! The API's limit on images in one request.
    static constexpr int MaxImages = 8;

    explicit ComposerAttachments(QWidget *parent = nullptr);
    ~ComposerAttachments() override;

    //! Pastes and drops on \a widget (a text edit, a list view) attach images; \a widget's
    //! viewport, for a scroll area, is watched too. Text is still pasted and dropped as text.
    void watch(QWidget *widget);

    //! Attaches image files (read and prepared on a worker thread).
    void addFiles(const QStringList &paths);
    //! Attaches an encoded image (\a bytes of a PNG, JPEG…), named \a name.
    void addImageData(const QByteArray &bytes, const QString &name);
    //! Attaches a decoded image (a pasted screenshot), sent as PNG.
    void addImage(const QImage &image, const QString &name);
    //! Attaches what \a mime holds, if it holds images (image data, or local image files).
    //! Returns false when it holds none, so the caller can handle it as text.
    bool addMimeData(const QMimeData *mime);
    //! True when \a mime holds images addMimeData() would attach.
    static bool hasImages(const QMimeData *mime);

    //! Opens the file dialog to choose images.
    void chooseFiles();

    //! The ready images, as the chunks that send them, in the order they were attached.
    QList<ContentChunk> chunks() const;
    //! The ready images.
    QList<ImageAttachment> attachments() const;
    //! Images attached, including those still being prepared.
    int count() const { return int(m_items.size()); }
    bool isPreparing() const;
    //! Removes the image at \a index (its × button does the same).
    void remove(int index);
    void clear();

Q_SIGNALS:
    //! The images attached changed (one added, ready, or removed).
    void changed();
    //! One sentence on what could not be attached.
    void problem(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Item;
    //! Reserves a place for one more image; false (with a problem()) when it would be too many.
    bool reserve(const QString &name);
    void start(Item *item, std::function<ImageAttachment()> work);
    void onPrepared(Item *item);
    QWidget *makeThumbnail(Item *item);
    void updateThumbnail(Item *item);
    void removeItem(Item *item);

    QHBoxLayout *m_layout;
    QList<Item *> m_items;
    QList<Item *> m_leaving; // removed while a worker still prepares them
};

} // namespace Tramontane
