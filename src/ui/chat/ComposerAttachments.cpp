// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chat/ComposerAttachments.h"

#include "ui/chat/ChatStyle.h"

#include <QAbstractScrollArea>
#include <QBuffer>
#include <QClipboard>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QImageReader>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMimeData>
#include <QStandardPaths>
#include <QToolButton>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace Tramontane {

struct ComposerAttachments::Item {
    QString name;
    ImageAttachment attachment;
    bool ready = false;
    QFutureWatcher<ImageAttachment> watcher;
    QWidget *frame = nullptr;
    QLabel *picture = nullptr;
    QToolButton *remove = nullptr;
};

namespace {

constexpr int thumbnailSide = 56;

bool isImageFile(const QUrl &url) {
    if (!url.isLocalFile())
        return false;
    const QByteArray suffix = QFileInfo(url.toLocalFile()).suffix().toLower().toLatin1();
    return !suffix.isEmpty() && QImageReader::supportedImageFormats().contains(suffix);
}

QString sizeText(const QSize &size) {
    return u"%1×%2"_s.arg(size.width()).arg(size.height());
}

} // namespace

ComposerAttachments::ComposerAttachments(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QHBoxLayout(this)) {
    setObjectName(u"composerAttachments"_s);
    setAccessibleName(tr("Attached images"));
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(6);
    m_layout->addStretch(1);
    hide();
}

ComposerAttachments::~ComposerAttachments() {
    for (Item *item : m_items + m_leaving) {
        item->watcher.disconnect();
        item->watcher.waitForFinished();
        delete item;
    }
}

void ComposerAttachments::watch(QWidget *widget) {
    widget->installEventFilter(this);
    if (auto *area = qobject_cast<QAbstractScrollArea *>(widget)) {
        area->viewport()->installEventFilter(this);
        area->viewport()->setAcceptDrops(true);
    }
    widget->setAcceptDrops(true);
}

bool ComposerAttachments::hasImages(const QMimeData *mime) {
    if (!mime)
        return false;
    if (mime->hasImage())
        return true;
    const QList<QUrl> urls = mime->urls();
    return std::any_of(urls.cbegin(), urls.cend(), isImageFile);
}

bool ComposerAttachments::addMimeData(const QMimeData *mime) {
    if (!hasImages(mime))
        return false;
    QStringList files;
    for (const QUrl &url : mime->urls()) {
        if (isImageFile(url))
            files.append(url.toLocalFile());
    }
    if (!files.isEmpty()) {
        addFiles(files);
        return true;
    }
    const QImage image = qvariant_cast<QImage>(mime->imageData());
    if (image.isNull()) {
        Q_EMIT problem(tr("The pasted image could not be read, so it was not attached."));
        return true;
    }
    addImage(image, tr("Pasted image.png"));
    return true;
}

bool ComposerAttachments::reserve(const QString &name) {
    if (m_items.size() < MaxImages)
        return true;
    Q_EMIT problem(tr("At most %1 images can go with one message: “%2” was not attached.")
                       .arg(MaxImages)
                       .arg(name));
    return false;
}

void ComposerAttachments::addFiles(const QStringList &paths) {
    for (const QString &path : paths) {
        const QString name = QFileInfo(path).fileName();
        if (!reserve(name))
            return;
        auto *item = new Item;
        item->name = name;
        start(item, [path, name] {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return ImageAttachment::prepare({}, name);
            return ImageAttachment::prepare(file.readAll(), name);
        });
    }
}

void ComposerAttachments::addImageData(const QByteArray &bytes, const QString &name) {
    if (!reserve(name))
        return;
    auto *item = new Item;
    item->name = name;
    start(item, [bytes, name] { return ImageAttachment::prepare(bytes, name); });
}

void ComposerAttachments::addImage(const QImage &image, const QString &name) {
    if (!reserve(name))
        return;
    auto *item = new Item;
    item->name = name;
    start(item, [image, name] {
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        return ImageAttachment::prepare(png, name);
    });
}

void ComposerAttachments::start(Item *item, std::function<ImageAttachment()> work) {
    m_items.append(item);
    item->frame = makeThumbnail(item);
    m_layout->insertWidget(m_layout->count() - 1, item->frame);
    show();
    connect(&item->watcher, &QFutureWatcher<ImageAttachment>::finished, this,
            [this, item] { onPrepared(item); });
    item->watcher.setFuture(QtConcurrent::run(std::move(work)));
    Q_EMIT changed();
}

void ComposerAttachments::onPrepared(Item *item) {
    const ImageAttachment attachment = item->watcher.result();
    if (!attachment.isValid()) {
        QString text;
        switch (attachment.problem()) {
        case ImageAttachment::Problem::TooLarge:
            text = tr("“%1” could not be made small enough to send (10 MB and 10,000 pixels "
                      "a side at most), so it was not attached.")
                       .arg(item->name);
            break;
        case ImageAttachment::Problem::NotAnImage:
        case ImageAttachment::Problem::Unreadable:
        case ImageAttachment::Problem::None:
            text =
                tr("“%1” could not be read as an image, so it was not attached.").arg(item->name);
            break;
        }
        removeItem(item);
        Q_EMIT problem(text);
        return;
    }
    item->attachment = attachment;
    item->ready = true;
    updateThumbnail(item);
    Q_EMIT changed();
}

QWidget *ComposerAttachments::makeThumbnail(Item *item) {
    auto *frame = new QWidget(this);
    frame->setObjectName(u"attachmentThumbnail"_s);
    auto *layout = new QHBoxLayout(frame);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    item->picture = new QLabel(frame);
    item->picture->setObjectName(u"attachmentPictureLabel"_s);
    item->picture->setFixedSize(thumbnailSide, thumbnailSide);
    item->picture->setAlignment(Qt::AlignCenter);
    item->picture->setFrameShape(QFrame::StyledPanel);
    item->picture->setText(tr("…"));
    item->picture->setToolTip(tr("%1 (being prepared)").arg(item->name));
    item->picture->setAccessibleName(item->name);
    layout->addWidget(item->picture);
    item->remove = new QToolButton(frame);
    item->remove->setObjectName(u"removeAttachmentToolButton"_s);
    item->remove->setAutoRaise(true);
    item->remove->setFocusPolicy(Qt::StrongFocus);
    const ChatStyle style;
    const QColor colour = palette().color(QPalette::ButtonText);
    item->remove->setIcon(QIcon(style.icon(u"cross"_s, colour, 12, devicePixelRatioF())));
    item->remove->setToolTip(tr("Remove %1").arg(item->name));
    item->remove->setAccessibleName(tr("Remove %1").arg(item->name));
    layout->addWidget(item->remove, 0, Qt::AlignTop);
    connect(item->remove, &QToolButton::clicked, this, [this, item] {
        const bool hadFocus = item->remove->hasFocus();
        removeItem(item);
        // Keyboard users stay in the strip (or go back to typing).
        if (hadFocus && !m_items.isEmpty())
            m_items.constLast()->remove->setFocus(Qt::OtherFocusReason);
        else if (hadFocus)
            nextInFocusChain()->setFocus(Qt::TabFocusReason);
    });
    return frame;
}

void ComposerAttachments::updateThumbnail(Item *item) {
    const ImageAttachment &a = item->attachment;
    const QImage thumbnail = a.thumbnail().scaled(thumbnailSide - 4, thumbnailSide - 4,
                                                  Qt::KeepAspectRatio, Qt::SmoothTransformation);
    item->picture->setPixmap(QPixmap::fromImage(thumbnail));
    const QString size = QLocale().formattedDataSize(a.bytes().size());
    QString tip = a.scaled()
                      ? tr("%1: scaled down from %2 to %3 pixels to fit the API's "
                           "limits (%4)")
                            .arg(item->name, sizeText(a.originalSize()), sizeText(a.size()), size)
                      : tr("%1: %2 pixels, %3").arg(item->name, sizeText(a.size()), size);
    item->picture->setToolTip(tip);
}

void ComposerAttachments::removeItem(Item *item) {
    const qsizetype index = m_items.indexOf(item);
    if (index < 0)
        return;
    m_items.removeAt(index);
    item->watcher.disconnect();
    item->frame->hide();
    item->frame->deleteLater();
    // Deleted later, never inside its watcher's signal, and once its worker is done.
    m_leaving.append(item);
    const auto dispose = [this, item] {
        m_leaving.removeOne(item);
        delete item;
    };
    if (item->watcher.isFinished())
        QMetaObject::invokeMethod(this, dispose, Qt::QueuedConnection);
    else
        connect(&item->watcher, &QFutureWatcher<ImageAttachment>::finished, this, dispose,
                Qt::QueuedConnection);
    setVisible(!m_items.isEmpty());
    Q_EMIT changed();
}

void ComposerAttachments::remove(int index) {
    if (index >= 0 && index < m_items.size())
        removeItem(m_items.at(index));
}

void ComposerAttachments::clear() {
    while (!m_items.isEmpty())
        removeItem(m_items.constLast());
}

QList<ContentChunk> ComposerAttachments::chunks() const {
    QList<ContentChunk> out;
    for (const Item *item : m_items) {
        if (item->ready)
            out.append(item->attachment.chunk());
    }
    return out;
}

QList<ImageAttachment> ComposerAttachments::attachments() const {
    QList<ImageAttachment> out;
    for (const Item *item : m_items) {
        if (item->ready)
            out.append(item->attachment);
    }
    return out;
}

bool ComposerAttachments::isPreparing() const {
    return std::any_of(m_items.cbegin(), m_items.cend(),
                       [](const Item *item) { return !item->ready; });
}

void ComposerAttachments::chooseFiles() {
    QStringList patterns;
    for (const QByteArray &format : QImageReader::supportedImageFormats())
        patterns.append(u"*."_s + QString::fromLatin1(format));
    const QStringList files = QFileDialog::getOpenFileNames(
        window(), tr("Attach Images"),
        QStandardPaths::writableLocation(QStandardPaths::PicturesLocation),
        tr("Images (%1)").arg(patterns.join(u' ')));
    addFiles(files);
}

bool ComposerAttachments::eventFilter(QObject *watched, QEvent *event) {
    switch (event->type()) {
    case QEvent::KeyPress: {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Paste)
            && addMimeData(QGuiApplication::clipboard()->mimeData()))
            return true;
        break;
    }
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *drag = static_cast<QDragMoveEvent *>(event);
        if (hasImages(drag->mimeData())) {
            drag->acceptProposedAction();
            return true;
        }
        break;
    }
    case QEvent::Drop: {
        auto *drop = static_cast<QDropEvent *>(event);
        if (addMimeData(drop->mimeData())) {
            drop->acceptProposedAction();
            return true;
        }
        break;
    }
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Tramontane
