// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chat/ChatDelegate.h"

#include "models/ConversationModel.h"
#include "ui/chat/ChatDocuments.h"
#include "ui/chat/ChatHeightCache.h"
#include "ui/chat/ChatImageKeys.h"
#include "ui/chat/ChatInteraction.h"
#include "ui/chat/ChatItemText.h"
#include "ui/chat/ChatPictureCache.h"
#include "ui/chat/ChatRowPainter.h"
#include "ui/chat/ImageRepository.h"
#include "ui/chat/PlainBlockCache.h"
#include "ui/chat/ToolConfirmationBar.h"
#include "ui/markdown/MessageDocument.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPaintEngine>
#include <QPainter>
#include <QToolTip>

namespace Tramontane {

namespace {

using Kind = ChatItem::Kind;
using State = ChatItem::State;

} // namespace

ChatDelegate::ChatDelegate(ImageRepository *images, ChatHeightCache *heights,
                           ChatInteraction *interaction, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_images(images)
    , m_heights(heights)
    , m_interaction(interaction)
    , m_documents(new ChatDocuments(images, this))
    , m_pictures(std::make_unique<ChatPictureCache>())
    , m_blocks(std::make_unique<PlainBlockCache>())
    , m_imageKeys(std::make_unique<ChatImageKeys>()) {
    qRegisterMetaType<ChatHit>();
    ChatRowPainter::Parts parts;
    parts.style = &m_style;
    parts.interaction = m_interaction;
    parts.measures = this;
    parts.documents = m_documents;
    parts.pictures = m_pictures.get();
    parts.blocks = m_blocks.get();
    parts.heights = m_heights;
    parts.imageKeys = m_imageKeys.get();
    parts.images = m_images;
    m_painter = std::make_unique<ChatRowPainter>(parts);
    // A document built in the background changes what is painted, and maybe its height.
    connect(m_documents, &ChatDocuments::ready, this, [this](const QString &key) {
        m_pictures->bumpRevision(key);
        m_heights->markUnmeasured(key); // measured again at the next paint
        Q_EMIT repaintNeeded();
    });
    setStyle(ChatStyle());
}

ChatDelegate::~ChatDelegate() = default;

void ChatDelegate::setModel(ConversationModel *model) {
    m_model = model;
    clearLayouts();
}

void ChatDelegate::setStyle(const ChatStyle &style) {
    m_style = style;
    m_documents->setStyle(style);
    clearLayouts();
}

void ChatDelegate::setDocumentCacheLimits(MessageDocumentCache::Limits limits) {
    m_documents->setLimits(limits);
}

const MessageDocumentCache &ChatDelegate::documentCache() const {
    return m_documents->cache();
}

void ChatDelegate::clearLayouts() {
    m_documents->clear();
    m_pictures->clear();
    m_heights->clear();
    m_imageKeys->clear();
    m_blocks->clear();
    m_painter->clear();
    m_interaction->forgetPointer();
    m_interaction->copiedRow = -1;
}

const ChatItem &ChatDelegate::itemAt(int row) const {
    static const ChatItem empty;
    if (!m_model || row < 0 || row >= m_model->rowCount())
        return empty;
    return m_model->item(row);
}

int ChatDelegate::viewportWidthOf(const QStyleOptionViewItem &option) const {
    if (const auto *view = qobject_cast<const QAbstractItemView *>(option.widget))
        return view->viewport()->width();
    return option.rect.width();
}

bool ChatDelegate::isTextRow(const ChatItem &item) const {
    return ChatRowLayout::isTextRow(item, item.kind == Kind::Thinking && isExpanded(item));
}

ChatRowGeometry ChatDelegate::layoutRow(const QRect &rect, int row, int viewportWidth,
                                        bool full) const {
    return ChatRowLayout::layout(m_style, itemAt(row), row, rect, viewportWidth, *this, full);
}

QList<ChatHit> ChatDelegate::codeButtons(const ChatRowGeometry &g, const ChatItem &item) const {
    return ChatRowLayout::codeButtons(m_style, g, item, m_documents->find(item.key, g.docWidth));
}

// --- Measures --------------------------------------------------------------------------------

bool ChatDelegate::isExpanded(const ChatItem &item) const {
    // A call waiting for the user's choice shows its arguments: they are what is decided on.
    if (item.kind == Kind::ToolRun && ToolConfirmationBar::isPending(item.confirmation))
        return true;
    return m_model && m_model->isExpanded(item.key);
}

qreal ChatDelegate::documentHeight(const ChatItem &item, qreal width, int row) const {
    return m_heights->documentHeight(item, width, row, m_model ? m_model->rowCount() : 0, m_style);
}

qreal ChatDelegate::blockHeight(const ChatItem &item, Block block, const QString &text,
                                int width) const {
    return m_blocks->block(item.key, int(block), text, width, m_style).height;
}

QSize ChatDelegate::imageNaturalSize(const ChatItem &item) const {
    return m_images ? m_images->naturalSize(imageKeyOf(item)) : QSize();
}

ChatRowMeasures::ImageState ChatDelegate::imageState(const ChatItem &item) const {
    if (!m_images)
        return ImageState::Pending;
    switch (m_images->status(imageKeyOf(item))) {
    case ImageRepository::Status::Ready:
        return ImageState::Ready;
    case ImageRepository::Status::Failed:
        return ImageState::Failed;
    default:
        return ImageState::Pending;
    }
}

QString ChatDelegate::imageKeyOf(const ChatItem &item) const {
    return m_imageKeys->of(item);
}

// --- Heights ---------------------------------------------------------------------------------

int ChatDelegate::rowHeight(int row, int viewportWidth) const {
    return layoutRow(QRect(0, 0, viewportWidth, 0), row, viewportWidth, false).row.height();
}

QSize ChatDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const {
    const int vw = viewportWidthOf(option);
    const int row = index.row();
    const int rows = m_model ? m_model->rowCount() : 0;
    // A layout pass asks for every row: answered from the cache, one array read each.
    int height = m_heights->rowHeight(row, vw, rows);
    if (row < 0 || row >= rows)
        return {vw, 0};
    if (height < 0) {
        height = rowHeight(row, vw);
        m_heights->setRowHeight(row, height);
    }
    return {vw, height};
}

void ChatDelegate::insertRows(int first, int last) {
    m_heights->insertRows(first, last);
}

void ChatDelegate::invalidateImageRows() {
    const int rows = m_model ? m_model->rowCount() : 0;
    for (int row = 0; row < rows; ++row) {
        if (itemAt(row).kind == Kind::Image)
            m_heights->invalidateRow(row);
    }
}

bool ChatDelegate::measureRows(int first, int last, int viewportWidth) {
    bool changed = false;
    const ChatRowLayout::Column column = ChatRowLayout::column(m_style, viewportWidth);
    for (int row = qMax(0, first); row <= last && m_model && row < m_model->rowCount(); ++row) {
        const ChatItem &item = itemAt(row);
        if (!isTextRow(item) || item.text.isEmpty())
            continue;
        const qreal width = ChatRowLayout::textWidth(m_style, item, column);
        if (m_heights->isMeasured(item.key, width))
            continue;
        MessageDocument *doc = m_documents->document(item, width);
        if (!doc->isReady())
            continue; // a long message building on a worker: measured when it is ready
        changed = m_heights->setMeasured(item.key, width, doc->height()) || changed;
        m_heights->invalidateRow(row);
    }
    return changed;
}

bool ChatDelegate::flushSizeHintChanges() {
    if (!m_model)
        return false;
    const int first = m_heights->takeFirstResized();
    if (first < 0)
        return false;
    Q_EMIT sizeHintChanged(m_model->index(qBound(0, first, m_model->rowCount() - 1)));
    return true;
}

// --- Painting --------------------------------------------------------------------------------

bool ChatDelegate::isAnimated(int row) const {
    const ChatItem &item = itemAt(row);
    switch (item.kind) {
    case Kind::User:
    case Kind::Assistant:
    case Kind::Thinking: {
        if (item.state == State::Streaming)
            return true;
        const MessageDocument *doc = m_documents->findAnyWidth(item.key);
        return doc && !doc->isReady();
    }
    case Kind::ToolRun:
        return !item.hasToolResult && item.state == State::Running;
    case Kind::Image: {
        const auto status =
            m_images ? m_images->status(imageKeyOf(item)) : ImageRepository::Status::Failed;
        return status == ImageRepository::Status::Loading
               || status == ImageRepository::Status::None;
    }
    case Kind::Notice:
    case Kind::Document:
        break;
    }
    return false;
}

QRect ChatDelegate::animationRect(int row, const QRect &rowRect, int viewportWidth) const {
    const ChatItem &item = itemAt(row);
    const ChatRowGeometry g = layoutRow(rowRect, row, viewportWidth, false);
    switch (item.kind) {
    case Kind::Assistant:
        if (item.state == State::Streaming)
            return item.text.isEmpty() ? g.row : g.footer; // the typing dots
        break;
    case Kind::Thinking:
        if (item.state == State::Streaming)
            return g.header;
        break;
    case Kind::ToolRun:
        return g.header;
    case Kind::Image:
        return g.image;
    default:
        break;
    }
    return g.row; // a document still building: its placeholder bars
}

void ChatDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                         const QModelIndex &index) const {
    const int row = index.row();
    const ChatRowGeometry g = layoutRow(option.rect, row, viewportWidthOf(option), true);

    // What really needs pixels: the row, within the viewport, within the region being
    // repainted. A tall streaming answer is repainted in slices (the typing dots, the new
    // line), and painting is the costly part of a document.
    QRect exposed = option.rect;
    if (const auto *view = qobject_cast<const QAbstractItemView *>(option.widget))
        exposed &= view->viewport()->rect();
    if (const QPaintEngine *engine = painter->paintEngine()) {
        // The system clip is in device pixels of the surface being painted: the window's
        // backing store, where the viewport sits at an offset (and scaled by the pixel
        // ratio). Map it back through the painter's device transform.
        const QRegion region = engine->systemClip();
        bool invertible = false;
        const QTransform toLogical = painter->deviceTransform().inverted(&invertible);
        if (!region.isEmpty() && invertible)
            exposed &= toLogical.mapRect(QRectF(region.boundingRect())).toAlignedRect();
    }
    if (exposed.isEmpty())
        return;
    m_painter->paint(painter, g, itemAt(row), row, exposed);
}

// --- Hit-testing and events ------------------------------------------------------------------

QList<ChatHit> ChatDelegate::keyboardTargets(const QStyleOptionViewItem &option,
                                             const QModelIndex &index) const {
    const int row = index.row();
    const ChatItem &item = itemAt(row);
    const ChatRowGeometry g = layoutRow(option.rect, row, viewportWidthOf(option), true);
    QList<Hit> targets = g.buttons;
    if (isTextRow(item))
        targets += codeButtons(g, item);
    // Reading order: top to bottom, then left to right.
    std::stable_sort(targets.begin(), targets.end(), [](const Hit &a, const Hit &b) {
        if (a.rect.top() != b.rect.top())
            return a.rect.top() < b.rect.top();
        return a.rect.left() < b.rect.left();
    });
    return targets;
}

ChatHit ChatDelegate::hitTest(const QStyleOptionViewItem &option, const QModelIndex &index,
                              const QPoint &pos) {
    const int row = index.row();
    const ChatItem &item = itemAt(row);
    const ChatRowGeometry g = layoutRow(option.rect, row, viewportWidthOf(option), true);
    if (!g.row.contains(pos))
        return {};
    // Small buttons first: they sit over larger targets.
    for (const Hit &hit : g.buttons) {
        const bool small = hit.action != Action::ToggleExpanded && hit.action != Action::OpenImage
                           && hit.action != Action::RetryImage;
        if (small && hit.rect.contains(pos))
            return hit;
    }
    if (isTextRow(item)) {
        for (const Hit &hit : codeButtons(g, item)) {
            if (hit.rect.contains(pos))
                return hit;
        }
        if (MessageDocument *doc = m_documents->find(item.key, g.docWidth); doc && doc->isReady()) {
            const QPointF local = QPointF(pos) - g.docOrigin;
            if (local.x() >= 0 && local.y() >= 0 && local.x() <= g.docWidth) {
                const QString href = doc->anchorAt(local);
                if (!href.isEmpty())
                    return Hit{Action::OpenLink, QRect(pos, QSize(1, 1)), -1, href};
            }
        }
    }
    for (const Hit &hit : g.buttons) {
        if (hit.rect.contains(pos))
            return hit;
    }
    return {};
}

bool ChatDelegate::editorEvent(QEvent *event, QAbstractItemModel *,
                               const QStyleOptionViewItem &option, const QModelIndex &index) {
    const auto type = event->type();
    if (type != QEvent::MouseMove && type != QEvent::MouseButtonPress
        && type != QEvent::MouseButtonRelease && type != QEvent::MouseButtonDblClick)
        return false;
    auto *mouse = static_cast<QMouseEvent *>(event);
    const QPoint pos = mouse->position().toPoint();
    const int row = index.row();
    const Hit hit = hitTest(option, index, pos);
    ChatInteraction &state = *m_interaction;

    switch (type) {
    case QEvent::MouseMove: {
        if (const auto *view = qobject_cast<const QAbstractItemView *>(option.widget)) {
            Qt::CursorShape shape = Qt::PointingHandCursor;
            if (hit.action == Action::None) {
                const TextArea text = textArea(option, index);
                shape = text.document && text.rect.contains(mouse->position()) ? Qt::IBeamCursor
                                                                               : Qt::ArrowCursor;
            }
            view->viewport()->setCursor(shape);
        }
        const QPoint before = state.hoverPos;
        const bool rowChanged = state.hoverRow != row;
        state.hoverRow = row;
        state.hoverPos = pos;
        if (rowChanged)
            return true; // the view repaints the row
        // Repaint only when what is under the pointer changed.
        const Hit previous = hitTest(option, index, before);
        return !previous.isSameTarget(hit);
    }
    case QEvent::MouseButtonPress:
        if (mouse->button() == Qt::LeftButton && hit.action != Action::None) {
            state.pressRow = row;
            state.pressHit = hit;
            return true;
        }
        state.pressRow = -1;
        return false;
    case QEvent::MouseButtonRelease: {
        const bool match = mouse->button() == Qt::LeftButton && state.pressRow == row
                           && hit.action != Action::None && hit.isSameTarget(state.pressHit);
        state.pressRow = -1;
        if (!match)
            return false;
        Q_EMIT actionTriggered(row, hit);
        return true;
    }
    case QEvent::MouseButtonDblClick:
        return hit.action != Action::None;
    default:
        return false;
    }
}

bool ChatDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                             const QStyleOptionViewItem &option, const QModelIndex &index) {
    if (event && event->type() == QEvent::ToolTip && index.isValid()) {
        const ChatItem &item = itemAt(index.row());
        const ChatRowGeometry g =
            layoutRow(option.rect, index.row(), viewportWidthOf(option), false);
        for (int i = 0; i < g.chips.size() && i < item.citations.size(); ++i) {
            if (g.chips.at(i).contains(event->pos())) {
                QToolTip::showText(event->globalPos(),
                                   ChatItemText::citationToolTip(item.citations.at(i)),
                                   view ? view->viewport() : nullptr, g.chips.at(i));
                return true;
            }
        }
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

ChatDelegate::TextArea ChatDelegate::textArea(const QStyleOptionViewItem &option,
                                              const QModelIndex &index) const {
    const int row = index.row();
    const ChatItem &item = itemAt(row);
    if (!isTextRow(item) || item.text.isEmpty())
        return {};
    const ChatRowGeometry g = layoutRow(option.rect, row, viewportWidthOf(option), true);
    MessageDocument *doc = m_documents->document(item, g.docWidth);
    if (!doc->isReady())
        return {};
    return TextArea{doc, QRectF(g.docOrigin, QSizeF(g.docWidth, qMax<qreal>(0, doc->height()))),
                    item.key};
}

QList<QRect> ChatDelegate::citationRects(int row, const QRect &rowRect, int viewportWidth) const {
    return layoutRow(rowRect, row, viewportWidth, false).chips;
}

QString ChatDelegate::codeText(int row, int block, int viewportWidth) const {
    const ChatItem &item = itemAt(row);
    if (!isTextRow(item))
        return {};
    const qreal width =
        ChatRowLayout::textWidth(m_style, item, ChatRowLayout::column(m_style, viewportWidth));
    MessageDocument *doc = m_documents->find(item.key, width);
    return doc ? doc->codeBlockText(block) : QString();
}

// --- Changes ---------------------------------------------------------------------------------

bool ChatDelegate::rowChanged(int row, int viewportWidth) {
    const ChatItem &item = itemAt(row);
    m_pictures->bumpRevision(item.key);
    m_painter->forget(item.key);
    m_blocks->forget(item.key);
    if (item.kind == Kind::User || item.kind == Kind::Assistant || item.kind == Kind::Thinking) {
        const qreal width =
            ChatRowLayout::textWidth(m_style, item, ChatRowLayout::column(m_style, viewportWidth));
        MessageDocument *doc = m_documents->update(item, width);
        if (doc && doc->isReady() && isTextRow(item))
            m_heights->setMeasured(item.key, width, doc->height());
        else
            m_heights->forgetDocument(item.key);
    }
    m_imageKeys->forget(item.key);
    const int height = rowHeight(row, viewportWidth);
    const int before = m_heights->cachedRowHeight(row); // -1 when unknown, or no such row
    m_heights->setRowHeight(row, height);
    return height != before;
}

void ChatDelegate::forgetRows(int first, int last) {
    for (int row = first; row <= last; ++row) {
        const ChatItem &item = itemAt(row);
        if (item.key.isEmpty())
            continue;
        if (item.key == m_interaction->selectionKey) {
            m_interaction->selectionKey.clear();
            m_interaction->selectionRange = {};
        }
        m_documents->remove(item.key);
        m_pictures->bumpRevision(item.key);
        m_heights->forgetDocument(item.key);
        m_painter->forget(item.key);
        m_imageKeys->forget(item.key);
        m_blocks->forget(item.key);
    }
    m_heights->removeRows(first, last);
    m_interaction->forgetPointer();
}

QList<QString> ChatDelegate::messagesWithInlineImage(const QString &key) const {
    return m_documents->messagesWithInlineImage(key);
}

void ChatDelegate::approveInlineImage(const QString &messageKey, const QString &url,
                                      const QString &imageKey) {
    m_documents->approveInlineImage(messageKey, url, imageKey);
}

void ChatDelegate::invalidateMessage(const QString &messageKey) {
    // Refresh the inline pictures of this message from the repository.
    m_documents->refreshInlineImages(messageKey);
    m_pictures->bumpRevision(messageKey);
    m_heights->forgetDocument(messageKey);
    m_heights->invalidateRows(); // which row shows it is not tracked; a layout pass re-reads them
}

} // namespace Tramontane
