// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chat/ChatDelegate.h"

#include "models/ConversationModel.h"
#include "ui/chat/ErrorDetails.h"
#include "ui/chat/ImageRepository.h"
#include "ui/chat/ToolConfirmationBar.h"
#include "ui/chat/ToolTitles.h"
#include "ui/markdown/BidiControls.h"
#include "ui/markdown/MessageDocument.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMouseEvent>
#include <QMutex>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>
#include <QToolTip>
#include <QUrl>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

using Kind = ChatItem::Kind;
using State = ChatItem::State;
using Action = ChatDelegate::Action;

constexpr int kIconButton = 28;  // square hover buttons (Copy, Edit)
constexpr int kBlockPadding = 8; // inside monospace blocks
constexpr int kThinkingIndent = 16;
constexpr int kMaxPlainLines = 400; // monospace blocks show this many lines at most
constexpr qsizetype kMaxPlainChars = 40000;
constexpr int kCopiedFeedbackMs = 1500;
constexpr int kSkeletonLines = 3;
constexpr int kPreciseEstimateRows = 400; // the newest rows get the markdown-aware estimate
constexpr qint64 kMaxDocImagePixels = 4096ll * 2048; // taller documents are painted directly
constexpr qint64 kDocImageCacheBytes = 32ll * 1024 * 1024;
constexpr int kChipMaxWidth = 240; // a citation chip's label is elided past this
constexpr int kChipSpacing = 6;
constexpr int kChipPaddingH = 8;

int kibOf(qint64 bytes) {
    return int(qMax<qint64>(1, (bytes + 1023) / 1024));
}

bool sameTarget(const ChatDelegate::Hit &a, const ChatDelegate::Hit &b) {
    return a.action == b.action && a.codeBlock == b.codeBlock && a.href == b.href;
}

// A user message short and plain enough to be measured as one line of text.
bool isSingleLinePlain(const QString &text) {
    if (text.size() > 300 || text.contains(u'\n'))
        return false;
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '*':
        case '_':
        case '`':
        case '#':
        case '>':
        case '|':
        case '[':
        case ']':
        case '!':
        case '~':
        case '<':
        case '&':
        case '\\':
            return false;
        default:
            break;
        }
    }
    const QString trimmed = text.trimmed();
    return !(trimmed.startsWith(u"- "_s) || trimmed.startsWith(u"+ "_s)
             || (trimmed.size() > 1 && trimmed.at(0).isDigit()));
}

QString compactJson(const QJsonValue &value) {
    if (value.isString())
        return value.toString();
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return value.toVariant().toString();
}

QString toolIconName(const ChatItem &item) {
    const QString name = item.toolName.toLower();
    if (name.contains("image"_L1))
        return u"image"_s;
    if (name.contains("search"_L1))
        return u"search"_s;
    if (name.contains("code"_L1))
        return u"code"_s;
    if (name.contains("document"_L1) || name.contains("library"_L1))
        return u"book"_s;
    return item.hosted ? u"sparkle"_s : u"tool"_s;
}

QRect withHeight(const QRect &r, int height) {
    return QRect(r.left(), r.top(), r.width(), qMax(0, height));
}

} // namespace

struct ChatDelegate::InlineImages {
    QMutex mutex;
    QHash<QString, QImage> images;
};

ChatDelegate::ChatDelegate(ImageRepository *images, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_images(images)
    , m_inline(std::make_shared<InlineImages>()) {
    qRegisterMetaType<Hit>();
    m_resolver = [inlineImages = m_inline](const QString &key) -> QVariant {
        QMutexLocker lock(&inlineImages->mutex);
        const auto it = inlineImages->images.constFind(key);
        return it == inlineImages->images.cend() ? QVariant() : QVariant(*it);
    };
    m_docImages.setMaxCost(kibOf(kDocImageCacheBytes));
    setStyle(ChatStyle());
    m_clock.start();
}

ChatDelegate::~ChatDelegate() = default;

void ChatDelegate::setModel(ConversationModel *model) {
    m_model = model;
    clearLayouts();
}

void ChatDelegate::setStyle(const ChatStyle &style) {
    m_style = style;
    m_markdown = MarkdownStyle::fromApplication();
    m_markdown.bodyFont = style.font;
    m_markdown.text = style.text;
    m_markdown.link = style.accent;
    m_markdown.background = style.base;
    m_thinkingMarkdown = m_markdown;
    m_thinkingMarkdown.text = style.muted;
    // Tables are filled with the background: inside the bubble, the bubble's colour.
    m_userMarkdown = m_markdown;
    m_userMarkdown.background = style.userBubble;
    m_userMarkdown.tableHeaderBackground = ChatStyle::mix(style.userBubble, style.text, 0.05);
    clearLayouts();
}

void ChatDelegate::setDocumentCacheLimits(MessageDocumentCache::Limits limits) {
    m_docs.setLimits(limits);
}

void ChatDelegate::clearLayouts() {
    m_docs.clear();
    m_docImages.clear();
    m_docHeights.clear();
    m_rowHeights.clear();
    m_rowHeightsWidth = -1;
    m_imageKeys.clear();
    m_plainBlocks.clear();
    m_summaries.clear();
    m_resized.clear();
    m_hoverRow = -1;
    m_pressRow = -1;
    m_copiedRow = -1;
}

const ChatItem &ChatDelegate::itemAt(int row) const {
    static const ChatItem empty;
    if (!m_model || row < 0 || row >= m_model->rowCount())
        return empty;
    return m_model->item(row);
}

ChatDelegate::Column ChatDelegate::columnFor(int viewportWidth) const {
    const int margin = viewportWidth < 480 ? 10 : m_style.sideMargin;
    const int width = qMax(80, qMin(m_style.maxColumnWidth, viewportWidth - 2 * margin));
    return {qMax(0, (viewportWidth - width) / 2), width};
}

int ChatDelegate::viewportWidthOf(const QStyleOptionViewItem &option) const {
    if (const auto *view = qobject_cast<const QAbstractItemView *>(option.widget))
        return view->viewport()->width();
    return option.rect.width();
}

bool ChatDelegate::isTextRow(const ChatItem &item) const {
    return item.kind == Kind::User || item.kind == Kind::Assistant
           || (item.kind == Kind::Thinking && isExpanded(item));
}

bool ChatDelegate::isExpanded(const ChatItem &item) const {
    // A call waiting for the user's choice shows its arguments: they are what is decided on.
    if (item.kind == Kind::ToolRun && ToolConfirmationBar::isPending(item.confirmation))
        return true;
    return m_model && m_model->isExpanded(item.key);
}

bool ChatDelegate::hasFooter(const ChatItem &item) const {
    if (item.kind == Kind::User)
        return false;
    return item.answerEnd || (item.kind == Kind::Assistant && item.state == State::Streaming);
}

qreal ChatDelegate::textWidth(const ChatItem &item, const Column &column) const {
    qreal width = column.width;
    if (item.kind == Kind::User)
        width = column.width * 0.8 - 2 * m_style.bubblePaddingH;
    else if (item.kind == Kind::Thinking)
        width = column.width - kThinkingIndent;
    return MessageDocumentCache::bucketWidth(qMax<qreal>(32, width));
}

qreal ChatDelegate::docHeight(const ChatItem &item, qreal width, int row) const {
    const int bucket = MessageDocumentCache::widthBucket(width);
    auto it = m_docHeights.find(item.key);
    if (it != m_docHeights.end() && it->bucket == bucket)
        return it->height;
    if (item.text.isEmpty())
        return 0;
    // Never laid out: an estimate, refined before the row is painted. The rows a chat opens
    // on get the markdown-aware one; far older rows, whose height only sizes the scroll bar
    // until they come near, a count of lines (a tenth of the cost over 10,000 messages).
    qreal estimate = 0;
    const int rows = m_model ? m_model->rowCount() : 0;
    if (row >= rows - kPreciseEstimateRows) {
        estimate =
            MessageDocumentCache::estimateHeight(item.text, width, m_style.fm, m_style.monoFm);
    } else {
        const qreal perLine = qMax<qreal>(8, width / qMax<qreal>(1, m_style.fm.averageCharWidth()));
        const qsizetype breaks = item.text.count(u'\n');
        estimate =
            std::ceil((breaks * 0.6 + 1 + item.text.size() / perLine) * m_style.fm.lineSpacing());
    }
    estimate = qMax(m_style.fm.height(), estimate);
    m_docHeights.insert(item.key, DocHeight{bucket, estimate, false});
    return estimate;
}

QString ChatDelegate::documentText(const ChatItem &item) const {
    const auto approved = m_approved.constFind(item.key);
    if (approved == m_approved.cend())
        return item.text;
    QString text = item.text;
    QMutexLocker lock(&m_inline->mutex);
    for (auto it = approved->cbegin(); it != approved->cend(); ++it) {
        if (m_inline->images.contains(it.value()))
            text.replace(u"]("_s + it.key(),
                         u"]("_s + SafeTextDocument::imageUrl(it.value()).toString());
    }
    return text;
}

MessageDocument *ChatDelegate::document(const ChatItem &item, qreal width) const {
    if (MessageDocument *doc = m_docs.find(item.key, width))
        return doc;
    const MarkdownStyle &style = item.kind == Kind::Thinking ? m_thinkingMarkdown
                                 : item.kind == Kind::User   ? m_userMarkdown
                                                             : m_markdown;
    auto doc = std::make_unique<MessageDocument>(style);
    doc->setImageResolver(m_resolver);
    doc->setTextWidth(width);
    const QString text = documentText(item);
    const bool streaming = item.state == State::Streaming;
    if (streaming)
        doc->setText(text);
    else
        doc->setMarkdownAsync(text);
    const QString key = item.key;
    // Painting is const, but a document built in the background changes what is painted.
    auto *self = const_cast<ChatDelegate *>(this);
    connect(doc.get(), &MessageDocument::ready, self, [self, key, width] {
        self->m_docs.updateCost(key, width);
        self->bumpRevision(key);
        auto it = self->m_docHeights.find(key);
        if (it != self->m_docHeights.end())
            it->measured = false; // measured again at the next paint
        Q_EMIT self->repaintNeeded();
    });
    MessageDocument *stored = m_docs.insert(key, width, std::move(doc));
    m_docs.setPinned(key, streaming);
    return stored;
}

void ChatDelegate::noteMeasured(int row, const ChatItem &item, qreal width, qreal height) const {
    const int bucket = MessageDocumentCache::widthBucket(width);
    DocHeight &d = m_docHeights[item.key];
    if (d.bucket == bucket && d.measured && qAbs(d.height - height) < 0.5)
        return;
    d = DocHeight{bucket, height, true};
    // The row was laid out with another height: it needs a new layout after this paint.
    if (row >= 0 && row < m_rowHeights.size())
        m_rowHeights[row] = -1;
    m_resized.insert(row);
}

int ChatDelegate::rowHeight(int row, int viewportWidth) const {
    const ChatItem &item = itemAt(row);
    const Geometry g = geometry(QRect(0, 0, viewportWidth, 0), row, item, viewportWidth, false);
    return g.row.height();
}

QSize ChatDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const {
    const int vw = viewportWidthOf(option);
    const int row = index.row();
    const int rows = m_model ? m_model->rowCount() : 0;
    if (vw != m_rowHeightsWidth || m_rowHeights.size() != rows) {
        // Another width (or rows changed behind our back): every row is measured anew.
        m_rowHeights = QList<int>(rows, -1);
        m_rowHeightsWidth = vw;
    }
    if (row < 0 || row >= rows)
        return {vw, 0};
    // A layout pass asks for every row: answered from the cache, one array read each.
    int &height = m_rowHeights[row];
    if (height < 0)
        height = geometry(QRect(0, 0, vw, 0), row, itemAt(row), vw, false).row.height();
    return {vw, height};
}

void ChatDelegate::insertRows(int first, int last) {
    if (first < 0 || first > m_rowHeights.size() || last < first)
        return;
    m_rowHeights.insert(first, last - first + 1, -1);
    // The row after the inserted ones may now start a turn, or stop being the first.
    if (last + 1 < m_rowHeights.size())
        m_rowHeights[last + 1] = -1;
}

void ChatDelegate::invalidateImageRows() {
    for (int row = 0; row < m_rowHeights.size(); ++row) {
        if (itemAt(row).kind == Kind::Image)
            m_rowHeights[row] = -1;
    }
}

QString ChatDelegate::imageKeyOf(const ChatItem &item) const {
    if (item.image.kind == ImageSource::Kind::FileId)
        return item.image.key(); // cheap: "file:<id>"
    auto it = m_imageKeys.constFind(item.key);
    if (it == m_imageKeys.cend())
        it = m_imageKeys.insert(item.key, item.image.key());
    return *it;
}

bool ChatDelegate::measureRows(int first, int last, int viewportWidth) {
    bool changed = false;
    const Column column = columnFor(viewportWidth);
    for (int row = qMax(0, first); row <= last && m_model && row < m_model->rowCount(); ++row) {
        const ChatItem &item = itemAt(row);
        if (!isTextRow(item) || item.text.isEmpty())
            continue;
        const qreal width = textWidth(item, column);
        const auto it = m_docHeights.constFind(item.key);
        if (it != m_docHeights.cend() && it->measured
            && it->bucket == MessageDocumentCache::widthBucket(width))
            continue;
        MessageDocument *doc = document(item, width);
        if (!doc->isReady())
            continue; // a long message building on a worker: measured when it is ready
        const qreal height = doc->height();
        const int bucket = MessageDocumentCache::widthBucket(width);
        if (it == m_docHeights.cend() || it->bucket != bucket || qAbs(it->height - height) >= 0.5)
            changed = true;
        m_docHeights.insert(item.key, DocHeight{bucket, height, true});
        if (row < m_rowHeights.size())
            m_rowHeights[row] = -1;
    }
    return changed;
}

// --- Heights of the parts ------------------------------------------------------------------

const ChatDelegate::PlainBlock &ChatDelegate::plainBlock(const QString &cacheKey,
                                                         const QString &text, int width) const {
    const int bucket = MessageDocumentCache::widthBucket(width);
    auto it = m_plainBlocks.find(cacheKey);
    if (it != m_plainBlocks.end() && it->bucket == bucket)
        return *it;
    if (m_plainBlocks.size() > 256)
        m_plainBlocks.clear(); // only expanded cards on screen need these

    PlainBlock block;
    block.bucket = bucket;
    QString shown = text.left(kMaxPlainChars);
    int lines = 0;
    qsizetype cut = -1;
    for (qsizetype i = 0; i < shown.size(); ++i) {
        if (shown.at(i) == u'\n' && ++lines >= kMaxPlainLines) {
            cut = i;
            break;
        }
    }
    if (cut >= 0) {
        block.hiddenLines = int(text.count(u'\n')) - lines + 1;
        shown.truncate(cut);
    } else if (text.size() > shown.size()) {
        block.hiddenLines = int(QStringView(text).sliced(shown.size()).count(u'\n')) + 1;
    }
    if (block.hiddenLines > 0)
        shown += u'\n' + tr("… %n more line(s); Copy takes everything", nullptr, block.hiddenLines);
    shown.replace(u'\n', QChar::LineSeparator);
    shown = BidiControls::neutralised(shown);

    auto layout = std::make_shared<QTextLayout>(shown, m_style.mono);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout->setTextOption(option);
    layout->setCacheEnabled(true);
    qreal y = 0;
    layout->beginLayout();
    for (QTextLine line = layout->createLine(); line.isValid(); line = layout->createLine()) {
        line.setLineWidth(qMax(16, width));
        line.setPosition(QPointF(0, y));
        y += line.height();
    }
    layout->endLayout();
    block.layout = std::move(layout);
    block.height = std::ceil(qMax(y, m_style.monoFm.height()));
    return *m_plainBlocks.insert(cacheKey, block);
}

QString ChatDelegate::noticeDetails(const ChatItem &item) {
    if (!item.retryable)
        return item.detail;
    static const ApiError none;
    return ErrorDetails::text(item.error ? *item.error : none, item.requestId);
}

QSize ChatDelegate::imageBox(const ChatItem &item, const Column &column) const {
    const QString key = imageKeyOf(item);
    const QSize natural = m_images ? m_images->naturalSize(key) : QSize();
    const int maxWidth = qMin(m_style.maxImageWidth, column.width);
    if (!natural.isValid() && m_images
        && m_images->status(key) == ImageRepository::Status::Failed) {
        // Nothing to keep room for: a compact box with the message and Retry.
        return {maxWidth, qMin(maxWidth, 160)};
    }
    return ImageRepository::displaySize(natural, maxWidth, m_style.maxImageHeight);
}

// --- Geometry ------------------------------------------------------------------------------

ChatDelegate::Geometry ChatDelegate::geometry(const QRect &rect, int row, const ChatItem &item,
                                              int viewportWidth, bool full) const {
    Geometry g;
    g.column = columnFor(viewportWidth);
    const ChatStyle &s = m_style;
    const int left = rect.left() + g.column.left;
    const int width = g.column.width;
    // A turn starts with some air above the user's message, the first row too.
    const int gap = item.kind == Kind::User || row == 0 ? s.turnGap : 0;
    const int top = rect.top() + s.rowPadding + gap;
    int y = top;
    const int line = qCeil(s.fm.height());

    switch (item.kind) {
    case Kind::User: {
        g.docWidth = textWidth(item, g.column);
        g.docHeight = docHeight(item, g.docWidth, row);
        int inner = int(g.docWidth);
        if (full && isSingleLinePlain(item.text))
            inner = qMin(inner, qCeil(s.fm.horizontalAdvance(item.text)) + 2);
        const int bubbleWidth = inner + 2 * s.bubblePaddingH;
        const int bubbleHeight = qCeil(g.docHeight) + 2 * s.bubblePaddingV;
        g.bubble = QRect(left + width - bubbleWidth, y, bubbleWidth, bubbleHeight);
        g.docOrigin =
            QPointF(g.bubble.left() + s.bubblePaddingH, g.bubble.top() + s.bubblePaddingV);
        y = g.bubble.bottom() + 1;
        if (full) {
            const int by = g.bubble.bottom() - kIconButton + 1;
            QRect edit(g.bubble.left() - 6 - kIconButton, by, kIconButton, kIconButton);
            QRect copy = edit.translated(-kIconButton - 2, 0);
            g.buttons.append(Hit{Action::EditMessage, edit, -1, {}});
            g.buttons.append(Hit{Action::CopyMessage, copy, -1, {}});
        }
        break;
    }
    case Kind::Assistant: {
        g.docWidth = textWidth(item, g.column);
        g.docHeight = docHeight(item, g.docWidth, row);
        g.docOrigin = QPointF(left, y);
        y += qCeil(g.docHeight);
        if (full && !hasFooter(item) && !item.text.isEmpty()) {
            const QRect copy(left + width - kIconButton, top, kIconButton, kIconButton);
            g.buttons.append(Hit{Action::CopyMessage, copy, -1, {}});
        }
        break;
    }
    case Kind::Thinking: {
        g.header = QRect(left, y, width, line + 8);
        y = g.header.bottom() + 1;
        if (full) {
            const QString label = tr("Thought for a moment — show");
            const int w = qCeil(s.fm.horizontalAdvance(label)) + s.iconSize + 12;
            g.buttons.append(Hit{
                Action::ToggleExpanded, QRect(left, g.header.top(), w, g.header.height()), -1, {}});
        }
        if (isExpanded(item)) {
            g.docWidth = textWidth(item, g.column);
            g.docHeight = docHeight(item, g.docWidth, row);
            y += 2;
            g.docOrigin = QPointF(left + kThinkingIndent, y);
            y += qCeil(g.docHeight) + 4;
        }
        break;
    }
    case Kind::ToolRun: {
        g.card = QRect(left, y, width, s.cardHeader);
        g.header = g.card;
        if (full)
            g.buttons.append(Hit{Action::ToggleExpanded, g.header, -1, {}});
        int cy = g.card.top() + s.cardHeader;
        if (isExpanded(item)) {
            const int inner = width - 2 * s.cardPadding;
            const int blockWidth = inner - 2 * kBlockPadding;
            const int label = qCeil(s.smallFm.height()) + 6;
            const QString key = item.key;
            if (!item.toolArguments.isEmpty()) {
                g.argsLabel = QRect(left + s.cardPadding, cy, inner, label);
                cy += label;
                const PlainBlock &b = plainBlock(key + u"|args"_s, item.toolArguments, blockWidth);
                g.argsBlock =
                    QRect(left + s.cardPadding, cy, inner, qCeil(b.height) + 2 * kBlockPadding);
                cy = g.argsBlock.bottom() + 1 + 8;
                if (full) {
                    const QRect copy(g.argsBlock.right() - 72, g.argsBlock.top() + 4, 68,
                                     s.buttonHeight);
                    g.buttons.prepend(Hit{Action::CopyToolArguments, copy, -1, {}});
                }
            }
            if (item.hasToolResult) {
                g.resultLabel = QRect(left + s.cardPadding, cy, inner, label);
                cy += label;
                const PlainBlock &b = plainBlock(key + u"|result"_s, item.toolResult, blockWidth);
                g.resultBlock =
                    QRect(left + s.cardPadding, cy, inner, qCeil(b.height) + 2 * kBlockPadding);
                cy = g.resultBlock.bottom() + 1 + 8;
                if (full) {
                    const QRect copy(g.resultBlock.right() - 72, g.resultBlock.top() + 4, 68,
                                     s.buttonHeight);
                    g.buttons.prepend(Hit{Action::CopyToolResult, copy, -1, {}});
                }
            } else if (!ToolConfirmationBar::isPending(item.confirmation)) {
                // (A call waiting for a confirmation says so in its bar below.)
                g.resultLabel = QRect(left + s.cardPadding, cy, inner, line + 4);
                cy = g.resultLabel.bottom() + 1 + 8;
            }
            cy += 4;
        }
        if (ToolConfirmationBar::isPending(item.confirmation)) {
            const ToolConfirmationBar::Layout bar = ToolConfirmationBar::layout(s, left, cy, width);
            g.confirmPrompt = bar.prompt;
            if (full) {
                g.buttons.append(Hit{Action::AllowTool, bar.allow, -1, {}});
                g.buttons.append(Hit{Action::DenyTool, bar.deny, -1, {}});
            }
            cy = bar.bottom;
        }
        g.card.setHeight(cy - g.card.top());
        y = g.card.bottom() + 1;
        break;
    }
    case Kind::Image: {
        g.image = QRect(QPoint(left, y), imageBox(item, g.column));
        y = g.image.bottom() + 1;
        if (full && m_images) {
            const auto status = m_images->status(imageKeyOf(item));
            if (status == ImageRepository::Status::Ready)
                g.buttons.append(Hit{Action::OpenImage, g.image, -1, {}});
            else if (status == ImageRepository::Status::Failed)
                g.buttons.append(Hit{Action::RetryImage, g.image, -1, {}});
        }
        break;
    }
    case Kind::Notice: {
        const int pad = s.cardPadding;
        const int textLeft = left + pad + s.iconSize + 10;
        const int textWidthPx = width - (textLeft - left) - pad;
        int cy = y + pad;
        const int titleHeight =
            qCeil(s.boldFm.boundingRect(QRectF(0, 0, textWidthPx, 1e6), Qt::TextWordWrap, item.text)
                      .height());
        g.noticeTitle = QRect(textLeft, cy, textWidthPx, qMax(line, titleHeight));
        cy = g.noticeTitle.bottom() + 1;
        const QString hint = item.retryable ? item.detail : QString();
        if (!hint.isEmpty()) {
            const int hintHeight = qCeil(
                s.fm.boundingRect(QRectF(0, 0, textWidthPx, 1e6), Qt::TextWordWrap, hint).height());
            g.noticeHint = QRect(textLeft, cy + 2, textWidthPx, hintHeight);
            cy = g.noticeHint.bottom() + 1;
        }
        const QString details = noticeDetails(item);
        if (item.retryable || !details.isEmpty()) {
            cy += 8;
            int bx = textLeft;
            if (item.retryable) {
                const int w = qCeil(s.smallFm.horizontalAdvance(tr("Retry"))) + s.iconSize + 22;
                g.buttons.append(Hit{Action::Retry, QRect(bx, cy, w, s.buttonHeight), -1, {}});
                bx += w + 8;
            }
            if (!details.isEmpty()) {
                const int w = qCeil(s.smallFm.horizontalAdvance(tr("Details"))) + s.iconSize + 22;
                g.buttons.append(
                    Hit{Action::ToggleDetails, QRect(bx, cy, w, s.buttonHeight), -1, {}});
            }
            cy += s.buttonHeight;
            if (!details.isEmpty() && isExpanded(item)) {
                cy += 8;
                const PlainBlock &b =
                    plainBlock(item.key + u"|details"_s, details, textWidthPx - 2 * kBlockPadding);
                g.detailsBlock =
                    QRect(textLeft, cy, textWidthPx, qCeil(b.height) + 2 * kBlockPadding);
                cy = g.detailsBlock.bottom() + 1;
                const QRect copy(g.detailsBlock.right() - 72, g.detailsBlock.top() + 4, 68,
                                 s.buttonHeight);
                g.buttons.prepend(Hit{Action::CopyDetails, copy, -1, {}});
            }
        }
        cy += pad;
        g.card = QRect(left, y, width, cy - y);
        y = g.card.bottom() + 1;
        break;
    }
    }

    g.body = QRect(left, top, width, y - top);
    if (!item.citations.isEmpty() && item.kind != Kind::User) {
        g.chips = layoutChips(item, left, y + 6, width);
        y = g.chips.constLast().bottom() + 1 + 2;
        if (full) {
            for (int i = 0; i < g.chips.size(); ++i) {
                const QString url = item.citations.at(i).url;
                if (!url.isEmpty())
                    g.buttons.append(Hit{Action::OpenCitation, g.chips.at(i), i, url});
            }
        }
    }
    if (hasFooter(item)) {
        g.footer = QRect(left, y + 2, width, s.footerHeight);
        y = g.footer.bottom() + 1;
        if (full && item.answerEnd) {
            const QString text = footerText(item);
            const int w =
                qMin(width - 2 * kIconButton, qCeil(s.smallFm.horizontalAdvance(text)) + 8);
            g.footerText = QRect(left, g.footer.top(), w, g.footer.height());
            if (!text.isEmpty() && item.state != State::Streaming)
                g.buttons.append(Hit{Action::ShowAnswerDetails, g.footerText, -1, {}});
            if (item.kind == Kind::Assistant && !item.text.isEmpty()) {
                const QRect copy(left + width - kIconButton,
                                 g.footer.top() + (g.footer.height() - kIconButton) / 2,
                                 kIconButton, kIconButton);
                g.buttons.prepend(Hit{Action::CopyMessage, copy, -1, {}});
            }
        }
    }
    g.row = withHeight(rect, y + s.rowPadding - rect.top());
    return g;
}

// --- Painting ------------------------------------------------------------------------------

bool ChatDelegate::isAnimated(int row) const {
    const ChatItem &item = itemAt(row);
    switch (item.kind) {
    case Kind::User:
    case Kind::Assistant:
    case Kind::Thinking: {
        if (item.state == State::Streaming)
            return true;
        const MessageDocument *doc = m_docs.findAnyWidth(item.key);
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
        break;
    }
    return false;
}

QRect ChatDelegate::animationRect(int row, const QRect &rowRect, int viewportWidth) const {
    const ChatItem &item = itemAt(row);
    const Geometry g = geometry(rowRect, row, item, viewportWidth, false);
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

QString ChatDelegate::codeText(int row, int block, int viewportWidth) const {
    const ChatItem &item = itemAt(row);
    if (!isTextRow(item))
        return {};
    MessageDocument *doc = m_docs.find(item.key, textWidth(item, columnFor(viewportWidth)));
    return doc ? doc->codeBlockText(block) : QString();
}

bool ChatDelegate::flushSizeHintChanges() {
    if (m_resized.isEmpty() || !m_model)
        return false;
    const int first = *std::min_element(m_resized.cbegin(), m_resized.cend());
    m_resized.clear();
    Q_EMIT sizeHintChanged(m_model->index(qBound(0, first, m_model->rowCount() - 1)));
    return true;
}

void ChatDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                         const QModelIndex &index) const {
    const int row = index.row();
    const ChatItem &item = itemAt(row);
    const int vw = viewportWidthOf(option);
    const Geometry g = geometry(option.rect, row, item, vw, true);

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
    m_exposed = exposed;

    painter->save();
    painter->setClipRect(exposed, Qt::IntersectClip);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::TextAntialiasing);
    switch (item.kind) {
    case Kind::User:
        paintUser(painter, g, item, row);
        break;
    case Kind::Assistant:
        paintAssistant(painter, g, item, row);
        break;
    case Kind::Thinking:
        paintThinking(painter, g, item, row);
        break;
    case Kind::ToolRun:
        paintTool(painter, g, item, row);
        break;
    case Kind::Image:
        paintImage(painter, g, item, row);
        break;
    case Kind::Notice:
        paintNotice(painter, g, item, row);
        break;
    }
    if (!g.chips.isEmpty())
        paintCitations(painter, g, item, row);
    if (hasFooter(item))
        paintFooter(painter, g, item, row);
    painter->restore();
}

void ChatDelegate::paintDocument(QPainter *p, const Geometry &g, const ChatItem &item, int row,
                                 const QRect &clip, const QColor &background) const {
    if (item.text.isEmpty())
        return;
    MessageDocument *doc = document(item, g.docWidth);
    if (!doc->isReady()) {
        // A long message building on a worker: a few quiet bars where its text will be.
        p->save();
        p->setPen(Qt::NoPen);
        p->setBrush(m_style.cardBackground);
        const qreal lineH = m_style.fm.height();
        for (int i = 0; i < kSkeletonLines; ++i) {
            const qreal w = g.docWidth * (i == kSkeletonLines - 1 ? 0.6 : 0.95);
            p->drawRoundedRect(
                QRectF(g.docOrigin.x(), g.docOrigin.y() + i * lineH * 1.4 + 2, w, lineH * 0.8), 4,
                4);
        }
        p->restore();
        return;
    }
    const qreal height = doc->height();
    noteMeasured(row, item, g.docWidth, height);
    const QRectF visible = QRectF(clip).intersected(QRectF(m_exposed));
    if (item.key == m_selectionKey && !m_selectionRange.isEmpty()) {
        // A selection is drawn with the text, so never from the cached picture.
        doc->paint(
            p, g.docOrigin, visible,
            MessageDocument::Highlight{m_selectionRange, m_style.selection, m_style.selectionText});
        return;
    }
    const qreal dpr = p->device() ? p->device()->devicePixelRatioF() : 1.0;
    const QSize pixels(qCeil(g.docWidth * dpr), qCeil(height * dpr));
    const bool cacheable = item.state != State::Streaming && height > 0
                           && qint64(pixels.width()) * pixels.height() <= kMaxDocImagePixels;
    if (!cacheable) {
        doc->paint(p, g.docOrigin, visible);
        return;
    }
    // Finished messages are drawn once into an opaque image and blitted afterwards: text
    // shaping is the bulk of painting a document, and a scrolled row is painted many times.
    const QString cacheKey = item.key + u'|' + QString::number(m_docRevisions.value(item.key))
                             + u'|' + QString::number(MessageDocumentCache::widthBucket(g.docWidth))
                             + u'|' + QString::number(dpr) + u'|' + background.name();
    const QImage *image = m_docImages.object(cacheKey);
    if (!image) {
        QImage rendered(pixels, QImage::Format_RGB32);
        rendered.setDevicePixelRatio(dpr);
        rendered.fill(background);
        {
            QPainter ip(&rendered);
            ip.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing
                              | QPainter::SmoothPixmapTransform);
            doc->paint(&ip, QPointF(0, 0), QRectF(0, 0, g.docWidth, height));
        }
        auto *stored = new QImage(std::move(rendered));
        image = stored;
        if (!m_docImages.insert(cacheKey, stored, kibOf(stored->sizeInBytes()))) {
            doc->paint(p, g.docOrigin, visible); // bigger than the whole cache
            return;
        }
    }
    const QRectF target = QRectF(g.docOrigin, QSizeF(g.docWidth, height)).intersected(visible);
    if (target.isEmpty())
        return;
    const QRectF source((target.left() - g.docOrigin.x()) * dpr,
                        (target.top() - g.docOrigin.y()) * dpr, target.width() * dpr,
                        target.height() * dpr);
    p->drawImage(target, *image, source);
}

void ChatDelegate::paintUser(QPainter *p, const Geometry &g, const ChatItem &item, int row) const {
    const ChatStyle &s = m_style;
    p->setPen(Qt::NoPen);
    p->setBrush(s.userBubble);
    p->drawRoundedRect(QRectF(g.bubble), s.bubbleRadius, s.bubbleRadius);
    paintDocument(
        p, g, item, row,
        g.bubble.adjusted(s.bubblePaddingH, s.bubblePaddingV, -s.bubblePaddingH, -s.bubblePaddingV),
        s.userBubble);
    if (showsButtons(row)) {
        for (const Hit &hit : g.buttons) {
            const QString icon = hit.action == Action::EditMessage ? u"edit"_s : u"copy"_s;
            paintButton(p, hit.rect, icon, {}, isHoveredTarget(row, hit), false, row, hit);
        }
        paintCodeButtons(p, g, item, row);
    }
}

void ChatDelegate::paintAssistant(QPainter *p, const Geometry &g, const ChatItem &item,
                                  int row) const {
    paintDocument(p, g, item, row, g.body, m_style.base);
    if (!showsButtons(row))
        return;
    paintCodeButtons(p, g, item, row);
    for (const Hit &hit : g.buttons) {
        if (hit.action == Action::CopyMessage && !hasFooter(item)) {
            p->save();
            p->setPen(Qt::NoPen);
            p->setBrush(m_style.base);
            p->drawRoundedRect(QRectF(hit.rect), 6, 6);
            p->restore();
            paintButton(p, hit.rect, u"copy"_s, {}, isHoveredTarget(row, hit), true, row, hit);
        }
    }
}

void ChatDelegate::paintThinking(QPainter *p, const Geometry &g, const ChatItem &item,
                                 int row) const {
    const ChatStyle &s = m_style;
    const bool expanded = isExpanded(item);
    const bool streaming = item.state == State::Streaming;
    const QRect header = g.header;
    const QRectF iconRect(header.left(), header.top() + (header.height() - s.iconSize) / 2.0,
                          s.iconSize, s.iconSize);
    s.drawIcon(p, iconRect, expanded ? u"chevron-down"_s : u"chevron-right"_s, s.muted);
    const int textX = header.left() + s.iconSize + 6;
    p->setFont(s.font);
    const QString lead = streaming ? tr("Thinking") : tr("Thought for a moment");
    const QString action = expanded ? tr("hide") : tr("show");
    const bool hot =
        row == m_hoverRow && !g.buttons.isEmpty() && g.buttons.first().rect.contains(m_hoverPos);
    p->setPen(hot ? s.text : s.muted);
    const QRectF textRect(textX, header.top(), header.right() - textX, header.height());
    p->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter, lead);
    qreal x = textX + s.fm.horizontalAdvance(lead);
    if (streaming) {
        paintTypingDots(p, QPointF(x + 6, header.center().y() + 1), s.muted);
        x += 30;
    }
    const QString tail = u" — "_s + action;
    p->setPen(s.accent);
    p->drawText(QRectF(x, header.top(), header.right() - x, header.height()),
                Qt::AlignLeft | Qt::AlignVCenter, tail);
    if (expanded) {
        p->setPen(QPen(s.faint, 2));
        p->drawLine(QPointF(header.left() + 7, g.docOrigin.y()),
                    QPointF(header.left() + 7, g.docOrigin.y() + g.docHeight));
        paintDocument(p, g, item, row, g.body, m_style.base);
    }
}

void ChatDelegate::paintTool(QPainter *p, const Geometry &g, const ChatItem &item, int row) const {
    const ChatStyle &s = m_style;
    const bool expanded = isExpanded(item);
    const bool hovered = row == m_hoverRow && g.header.contains(m_hoverPos);
    p->setPen(QPen(s.cardBorder, 1));
    p->setBrush(hovered && !expanded ? s.mix(s.cardBackground, s.text, 0.03) : s.cardBackground);
    p->drawRoundedRect(QRectF(g.card).adjusted(0.5, 0.5, -0.5, -0.5), s.cardRadius, s.cardRadius);

    // Header: icon, name, summary, state, chevron.
    const QRect h = g.header;
    const int cy = h.top() + s.cardHeader / 2;
    int x = h.left() + s.cardPadding;
    const QRectF badge(x - 4, cy - 12, 24, 24);
    p->setPen(Qt::NoPen);
    p->setBrush(s.mix(s.cardBackground, s.accent, 0.14));
    p->drawRoundedRect(badge, 6, 6);
    s.drawIcon(p, badge.adjusted(4, 4, -4, -4), toolIconName(item), s.accent);
    x += 20 + 8;

    const int right = h.right() - s.cardPadding;
    const int stateWidth = 20;
    const int chevronWidth = s.iconSize;
    const int textRight = right - chevronWidth - 8 - stateWidth - 8;
    const QString name = toolDisplayName(item);
    p->setFont(s.bold);
    p->setPen(s.text);
    const QString nameShown = s.boldFm.elidedText(name, Qt::ElideRight, qMax(40, textRight - x));
    p->drawText(QRectF(x, h.top(), textRight - x, s.cardHeader), Qt::AlignLeft | Qt::AlignVCenter,
                nameShown);
    x += qCeil(s.boldFm.horizontalAdvance(nameShown)) + 10;

    auto summary = m_summaries.constFind(item.key);
    if (summary == m_summaries.cend())
        summary = m_summaries.insert(item.key, toolSummary(item));
    if (!summary->isEmpty() && x < textRight - 20) {
        p->setFont(s.font);
        p->setPen(s.muted);
        p->drawText(QRectF(x, h.top(), textRight - x, s.cardHeader),
                    Qt::AlignLeft | Qt::AlignVCenter,
                    s.fm.elidedText(*summary, Qt::ElideRight, textRight - x));
    }

    const QRectF stateRect(right - chevronWidth - 8 - stateWidth, cy - 9, 18, 18);
    const bool running = !item.hasToolResult && item.state == State::Running;
    const bool failed = !item.hasToolResult
                        && (item.state == State::Failed || item.state == State::Interrupted
                            || item.state == State::Canceled);
    if (running) {
        paintSpinner(p, stateRect.adjusted(2, 2, -2, -2), s.accent);
    } else if (failed) {
        s.drawIcon(p, stateRect, u"cross"_s, s.danger);
    } else if (item.hasToolResult) {
        s.drawIcon(p, stateRect, u"check"_s, s.success);
    } else {
        p->setPen(s.muted);
        p->setFont(s.font);
        p->drawText(stateRect, Qt::AlignCenter, u"…"_s);
    }
    s.drawIcon(p, QRectF(right - chevronWidth, cy - chevronWidth / 2.0, chevronWidth, chevronWidth),
               expanded ? u"chevron-down"_s : u"chevron-right"_s, s.muted);

    if (!expanded)
        return;
    p->setPen(QPen(s.cardBorder, 1));
    p->drawLine(QPointF(g.card.left() + 1, h.top() + s.cardHeader - 0.5),
                QPointF(g.card.right() - 1, h.top() + s.cardHeader - 0.5));
    p->setFont(s.small);
    if (!g.argsLabel.isNull()) {
        p->setPen(s.muted);
        p->drawText(g.argsLabel, Qt::AlignLeft | Qt::AlignVCenter, tr("Arguments"));
        paintPlainBlock(p, g.argsBlock,
                        plainBlock(item.key + u"|args"_s, item.toolArguments,
                                   g.argsBlock.width() - 2 * kBlockPadding));
    }
    if (item.hasToolResult) {
        p->setFont(s.small);
        p->setPen(s.muted);
        p->drawText(g.resultLabel, Qt::AlignLeft | Qt::AlignVCenter, tr("Result"));
        paintPlainBlock(p, g.resultBlock,
                        plainBlock(item.key + u"|result"_s, item.toolResult,
                                   g.resultBlock.width() - 2 * kBlockPadding));
    } else if (!g.resultLabel.isNull()) {
        p->setFont(s.font);
        p->setPen(s.muted);
        const QString confirmation = ToolConfirmationBar::statusText(item.confirmation);
        p->drawText(g.resultLabel, Qt::AlignLeft | Qt::AlignVCenter,
                    running                  ? tr("Running…")
                    : confirmation.isEmpty() ? tr("No result.")
                                             : confirmation);
    }
    if (!g.confirmPrompt.isNull())
        ToolConfirmationBar::paintPrompt(p, s,
                                         ToolConfirmationBar::Layout{g.confirmPrompt, {}, {}, 0});
    for (const Hit &hit : g.buttons) {
        const bool hot = isHoveredTarget(row, hit);
        if (hit.action == Action::CopyToolArguments || hit.action == Action::CopyToolResult)
            paintButton(p, hit.rect, u"copy"_s, tr("Copy"), hot, true, row, hit);
        else if (hit.action == Action::AllowTool)
            paintButton(p, hit.rect, u"check"_s, ToolConfirmationBar::allowLabel(), hot, true, row,
                        hit);
        else if (hit.action == Action::DenyTool)
            paintButton(p, hit.rect, u"cross"_s, ToolConfirmationBar::denyLabel(), hot, true, row,
                        hit);
    }
}

void ChatDelegate::paintImage(QPainter *p, const Geometry &g, const ChatItem &item, int row) const {
    const ChatStyle &s = m_style;
    const QString key = imageKeyOf(item);
    const QRectF box = QRectF(g.image);
    const qreal radius = s.cardRadius;
    ImageRepository::Status status =
        m_images ? m_images->status(key) : ImageRepository::Status::Failed;
    if (status == ImageRepository::Status::None && m_images) {
        m_images->request(item.image);
        status = m_images->status(key);
    }
    if (status == ImageRepository::Status::Ready) {
        const QImage image = m_images->image(key);
        const QSizeF logical = image.deviceIndependentSize();
        // A plain blit (fast), then the corners rounded off with the background colour: an
        // antialiased textured path costs ten times more per frame.
        p->setRenderHint(QPainter::SmoothPixmapTransform,
                         qAbs(box.width() - logical.width()) > 0.5);
        p->drawImage(box, image);
        QPainterPath corners;
        corners.addRect(box);
        QPainterPath rounded;
        rounded.addRoundedRect(box, radius, radius);
        corners = corners.subtracted(rounded);
        p->fillPath(corners, s.base);
        p->setBrush(Qt::NoBrush);
        p->setPen(QPen(s.cardBorder, 1));
        p->drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
        return;
    }
    p->setPen(QPen(s.cardBorder, 1));
    p->setBrush(s.cardBackground);
    p->drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
    const QPointF c = box.center();
    if (status == ImageRepository::Status::Failed) {
        const bool hot = row == m_hoverRow && g.image.contains(m_hoverPos);
        s.drawIcon(p, QRectF(c.x() - 12, c.y() - 40, 24, 24), u"image"_s, s.muted);
        p->setFont(s.font);
        const QString lead = tr("Image could not be loaded — ");
        const QString retry = tr("Retry");
        const qreal w = s.fm.horizontalAdvance(lead) + s.fm.horizontalAdvance(retry);
        const qreal x = c.x() - w / 2;
        p->setPen(s.text);
        p->drawText(QPointF(x, c.y() + s.fm.ascent() / 2), lead);
        QFont link = s.font;
        link.setUnderline(hot);
        p->setFont(link);
        p->setPen(s.accent);
        p->drawText(QPointF(x + s.fm.horizontalAdvance(lead), c.y() + s.fm.ascent() / 2), retry);
        const QString error = m_images ? m_images->error(key) : QString();
        if (!error.isEmpty()) {
            p->setFont(s.small);
            p->setPen(s.muted);
            p->drawText(
                QRectF(box.left() + 12, c.y() + 14, box.width() - 24, box.height() / 2 - 20),
                Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, error);
        }
        return;
    }
    paintSpinner(p, QRectF(c.x() - 10, c.y() - 24, 20, 20), s.muted);
    p->setFont(s.small);
    p->setPen(s.muted);
    p->drawText(QRectF(box.left(), c.y() + 4, box.width(), s.smallFm.height() + 4),
                Qt::AlignHCenter | Qt::AlignTop, tr("Loading image…"));
}

void ChatDelegate::paintNotice(QPainter *p, const Geometry &g, const ChatItem &item,
                               int row) const {
    const ChatStyle &s = m_style;
    QColor background = s.infoBackground;
    QColor border = s.infoBorder;
    QColor iconColor = s.accent;
    if (item.state == State::Failed) {
        background = s.errorBackground;
        border = s.errorBorder;
        iconColor = s.danger;
    } else if (item.state == State::Interrupted || item.state == State::Canceled) {
        background = s.warningBackground;
        border = s.warningBorder;
        iconColor = s.mix(s.warningBorder, s.text, 0.3);
    }
    p->setPen(QPen(border, 1));
    p->setBrush(background);
    p->drawRoundedRect(QRectF(g.card).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8);
    s.drawIcon(
        p, QRectF(g.card.left() + s.cardPadding, g.noticeTitle.top() + 1, s.iconSize, s.iconSize),
        u"alert"_s, iconColor);
    p->setFont(s.bold);
    p->setPen(s.text);
    p->drawText(g.noticeTitle, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, item.text);
    if (!g.noticeHint.isNull()) {
        p->setFont(s.font);
        p->setPen(s.mix(s.text, background, 0.2));
        p->drawText(g.noticeHint, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, item.detail);
    }
    for (const Hit &hit : g.buttons) {
        const bool hot = isHoveredTarget(row, hit);
        switch (hit.action) {
        case Action::Retry:
            paintButton(p, hit.rect, u"retry"_s, tr("Retry"), hot, true, row, hit);
            break;
        case Action::ToggleDetails:
            paintButton(p, hit.rect, isExpanded(item) ? u"chevron-down"_s : u"chevron-right"_s,
                        tr("Details"), hot, false, row, hit);
            break;
        default:
            break;
        }
    }
    if (!g.detailsBlock.isNull()) {
        paintPlainBlock(p, g.detailsBlock,
                        plainBlock(item.key + u"|details"_s, noticeDetails(item),
                                   g.detailsBlock.width() - 2 * kBlockPadding));
        for (const Hit &hit : g.buttons) {
            if (hit.action == Action::CopyDetails)
                paintButton(p, hit.rect, u"copy"_s, tr("Copy"), isHoveredTarget(row, hit), true,
                            row, hit);
        }
    }
}

void ChatDelegate::paintFooter(QPainter *p, const Geometry &g, const ChatItem &item,
                               int row) const {
    const ChatStyle &s = m_style;
    const QRect f = g.footer;
    if (item.state == State::Streaming) {
        paintTypingDots(p, QPointF(f.left() + 2, f.center().y() + 1), s.muted);
        return;
    }
    if (!item.answerEnd)
        return;
    const QString text = footerText(item);
    if (!text.isEmpty()) {
        const bool hot = row == m_hoverRow && g.footerText.contains(m_hoverPos);
        QFont font = s.small;
        font.setUnderline(hot);
        p->setFont(font);
        p->setPen(hot ? s.text : s.muted);
        p->drawText(g.footerText, Qt::AlignLeft | Qt::AlignVCenter,
                    s.smallFm.elidedText(text, Qt::ElideMiddle, g.footerText.width()));
    }
    if (showsButtons(row)) {
        for (const Hit &hit : g.buttons) {
            if (hit.action == Action::CopyMessage)
                paintButton(p, hit.rect, u"copy"_s, {}, isHoveredTarget(row, hit), false, row, hit);
        }
    }
}

QList<QRect> ChatDelegate::layoutChips(const ChatItem &item, int left, int top, int width) const {
    const ChatStyle &s = m_style;
    const int height = qCeil(s.smallFm.height()) + 8;
    const int maxWidth = qMin(kChipMaxWidth, width);
    QList<QRect> out;
    out.reserve(item.citations.size());
    int x = left;
    int y = top;
    for (int i = 0; i < item.citations.size(); ++i) {
        const QString label = citationLabel(item.citations.at(i), i);
        const int w = qMin(maxWidth, qCeil(s.smallFm.horizontalAdvance(label)) + 2 * kChipPaddingH);
        if (x > left && x + w > left + width) {
            x = left;
            y += height + kChipSpacing;
        }
        out.append(QRect(x, y, w, height));
        x += w + kChipSpacing;
    }
    return out;
}

QList<QRect> ChatDelegate::citationRects(int row, const QRect &rowRect, int viewportWidth) const {
    return geometry(rowRect, row, itemAt(row), viewportWidth, false).chips;
}

void ChatDelegate::paintCitations(QPainter *p, const Geometry &g, const ChatItem &item,
                                  int row) const {
    const ChatStyle &s = m_style;
    p->save();
    p->setFont(s.small);
    for (int i = 0; i < g.chips.size() && i < item.citations.size(); ++i) {
        const Citation &citation = item.citations.at(i);
        const QRect chip = g.chips.at(i);
        const bool clickable = !citation.url.isEmpty();
        const bool hot = clickable && row == m_hoverRow && chip.contains(m_hoverPos);
        p->setPen(QPen(hot ? s.accent : s.cardBorder, 1));
        p->setBrush(hot ? s.buttonHover : s.cardBackground);
        const QRectF r = QRectF(chip).adjusted(0.5, 0.5, -0.5, -0.5);
        p->drawRoundedRect(r, r.height() / 2, r.height() / 2);
        p->setPen(clickable ? (hot ? s.accent : s.text) : s.muted);
        const QRect text = chip.adjusted(kChipPaddingH, 0, -kChipPaddingH, 0);
        p->drawText(text, Qt::AlignLeft | Qt::AlignVCenter,
                    s.smallFm.elidedText(citationLabel(citation, i), Qt::ElideRight, text.width()));
    }
    p->restore();
}

QList<ChatDelegate::Hit> ChatDelegate::codeButtons(const Geometry &g, const ChatItem &item) const {
    QList<Hit> out;
    const bool mayHaveCode = item.text.contains(u"```"_s) || item.text.contains(u"~~~"_s)
                             || item.text.contains(u"    "_s) || item.text.contains(u'\t');
    if (item.text.isEmpty() || g.docWidth <= 0 || !mayHaveCode)
        return out;
    MessageDocument *doc = m_docs.find(item.key, g.docWidth);
    if (!doc || !doc->isReady())
        return out;
    const QList<MessageDocument::CodeBlock> blocks = doc->codeBlocks();
    const int h = m_style.buttonHeight;
    const int w = qCeil(m_style.smallFm.horizontalAdvance(tr("Copied"))) + m_style.iconSize + 20;
    for (const MessageDocument::CodeBlock &block : blocks) {
        const QRectF r = block.rect.translated(g.docOrigin);
        if (r.height() < h + 4)
            continue;
        out.append(Hit{Action::CopyCode,
                       QRect(qRound(r.right()) - w - 4, qRound(r.top()) + 4, w, h),
                       block.index,
                       {}});
    }
    return out;
}

void ChatDelegate::paintCodeButtons(QPainter *p, const Geometry &g, const ChatItem &item,
                                    int row) const {
    const QList<Hit> buttons = codeButtons(g, item);
    for (const Hit &hit : buttons) {
        p->save();
        p->setPen(Qt::NoPen);
        p->setBrush(m_style.codeBackground);
        p->drawRoundedRect(QRectF(hit.rect), 6, 6);
        p->restore();
        paintButton(p, hit.rect, u"copy"_s, tr("Copy"), isHoveredTarget(row, hit), true, row, hit);
    }
}

void ChatDelegate::paintButton(QPainter *p, const QRect &rect, const QString &iconName,
                               const QString &text, bool hovered, bool framed, int row,
                               const Hit &hit) const {
    const ChatStyle &s = m_style;
    const bool copied = isCopiedTarget(row, hit);
    p->save();
    const QRectF r = QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5);
    p->setPen(framed ? QPen(s.buttonBorder, 1) : QPen(Qt::NoPen));
    p->setBrush(hovered ? s.buttonHover : QColor(Qt::transparent));
    if (framed || hovered)
        p->drawRoundedRect(r, 6, 6);
    const QColor color = copied ? s.success : (hovered ? s.text : s.muted);
    const QString icon = copied ? u"check"_s : iconName;
    const QString label = copied && !text.isEmpty() ? tr("Copied") : text;
    const int iconSize = qMin(s.iconSize, rect.height() - 8);
    if (label.isEmpty()) {
        s.drawIcon(p,
                   QRectF(rect.center().x() - iconSize / 2.0 + 0.5,
                          rect.center().y() - iconSize / 2.0 + 0.5, iconSize, iconSize),
                   icon, color);
    } else {
        const QRectF iconRect(rect.left() + 8, rect.center().y() - iconSize / 2.0 + 0.5, iconSize,
                              iconSize);
        s.drawIcon(p, iconRect, icon, color);
        p->setFont(s.small);
        p->setPen(color);
        p->drawText(QRectF(iconRect.right() + 5, rect.top(), rect.right() - iconRect.right() - 5,
                           rect.height()),
                    Qt::AlignLeft | Qt::AlignVCenter, label);
    }
    p->restore();
}

void ChatDelegate::paintPlainBlock(QPainter *p, const QRect &rect, const PlainBlock &block) const {
    p->save();
    p->setPen(QPen(m_style.cardBorder, 1));
    p->setBrush(m_style.codeBackground);
    p->drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
    p->setPen(m_style.text);
    const QRectF clip = QRectF(rect).intersected(QRectF(m_exposed));
    block.layout->draw(p, QPointF(rect.left() + kBlockPadding, rect.top() + kBlockPadding), {},
                       clip);
    p->restore();
}

void ChatDelegate::paintSpinner(QPainter *p, const QRectF &rect, const QColor &color) const {
    p->save();
    const int angle = int((m_clock.elapsed() % 900) * 360 / 900);
    QPen pen(color, 2);
    pen.setCapStyle(Qt::RoundCap);
    QColor track = color;
    track.setAlphaF(0.25f);
    p->setPen(QPen(track, 2));
    p->setBrush(Qt::NoBrush);
    p->drawEllipse(rect);
    p->setPen(pen);
    p->drawArc(rect, -angle * 16, 100 * 16);
    p->restore();
}

void ChatDelegate::paintTypingDots(QPainter *p, const QPointF &start, const QColor &color) const {
    p->save();
    p->setPen(Qt::NoPen);
    const qint64 t = m_clock.elapsed();
    for (int i = 0; i < 3; ++i) {
        const qreal phase = std::fmod(t / 600.0 - i * 0.2 + 10.0, 1.0);
        const qreal strength = 0.35 + 0.65 * (0.5 + 0.5 * std::cos(phase * 2 * M_PI));
        QColor c = color;
        c.setAlphaF(float(strength));
        p->setBrush(c);
        p->drawEllipse(QPointF(start.x() + 3 + i * 9, start.y()), 3, 3);
    }
    p->restore();
}

bool ChatDelegate::isHoveredTarget(int row, const Hit &hit) const {
    return row == m_hoverRow && hit.rect.contains(m_hoverPos);
}

bool ChatDelegate::isCopiedTarget(int row, const Hit &hit) const {
    return row == m_copiedRow && sameTarget(hit, m_copiedHit) && m_copiedTime.isValid()
           && m_copiedTime.elapsed() < kCopiedFeedbackMs;
}

// --- Hit-testing and events ----------------------------------------------------------------

QList<ChatDelegate::Hit> ChatDelegate::keyboardTargets(const QStyleOptionViewItem &option,
                                                       const QModelIndex &index) const {
    const int row = index.row();
    const ChatItem &item = itemAt(row);
    const Geometry g = geometry(option.rect, row, item, viewportWidthOf(option), true);
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

QString ChatDelegate::actionLabel(Action action) {
    switch (action) {
    case Action::None:
    case Action::OpenLink:
        break;
    case Action::CopyMessage:
        return tr("Copy message");
    case Action::EditMessage:
        return tr("Edit message");
    case Action::CopyCode:
        return tr("Copy code");
    case Action::ToggleExpanded:
        return tr("Show or hide details");
    case Action::CopyToolArguments:
        return tr("Copy the tool's arguments");
    case Action::CopyToolResult:
        return tr("Copy the tool's result");
    case Action::Retry:
        return tr("Retry");
    case Action::ToggleDetails:
        return tr("Show or hide the error's details");
    case Action::CopyDetails:
        return tr("Copy the error's details");
    case Action::RetryImage:
        return tr("Load the image again");
    case Action::OpenImage:
        return tr("Open the image");
    case Action::ShowAnswerDetails:
        return tr("Answer details");
    case Action::OpenCitation:
        return tr("Open the source");
    case Action::AllowTool:
        return tr("Allow the tool to run");
    case Action::DenyTool:
        return tr("Do not run the tool");
    }
    return tr("Open link");
}

ChatDelegate::Hit ChatDelegate::hitTest(const QStyleOptionViewItem &option,
                                        const QModelIndex &index, const QPoint &pos) {
    const int row = index.row();
    const ChatItem &item = itemAt(row);
    const Geometry g = geometry(option.rect, row, item, viewportWidthOf(option), true);
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
        if (MessageDocument *doc = m_docs.find(item.key, g.docWidth); doc && doc->isReady()) {
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
        const QPoint before = m_hoverPos;
        const bool rowChanged = m_hoverRow != row;
        m_hoverRow = row;
        m_hoverPos = pos;
        if (rowChanged)
            return true; // the view repaints the row
        // Repaint only when what is under the pointer changed.
        const Hit previous = hitTest(option, index, before);
        return !sameTarget(previous, hit);
    }
    case QEvent::MouseButtonPress:
        if (mouse->button() == Qt::LeftButton && hit.action != Action::None) {
            m_pressRow = row;
            m_pressHit = hit;
            return true;
        }
        m_pressRow = -1;
        return false;
    case QEvent::MouseButtonRelease: {
        const bool match = mouse->button() == Qt::LeftButton && m_pressRow == row
                           && hit.action != Action::None && sameTarget(hit, m_pressHit);
        m_pressRow = -1;
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
        const Geometry g = geometry(option.rect, index.row(), item, viewportWidthOf(option), false);
        for (int i = 0; i < g.chips.size() && i < item.citations.size(); ++i) {
            if (g.chips.at(i).contains(event->pos())) {
                QToolTip::showText(event->globalPos(), citationToolTip(item.citations.at(i)),
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
    const Geometry g = geometry(option.rect, row, item, viewportWidthOf(option), true);
    MessageDocument *doc = document(item, g.docWidth);
    if (!doc->isReady())
        return {};
    return TextArea{doc, QRectF(g.docOrigin, QSizeF(g.docWidth, qMax<qreal>(0, doc->height()))),
                    item.key};
}

void ChatDelegate::setSelection(const QString &key, MessageDocument::TextRange range) {
    m_selectionKey = key;
    m_selectionRange = range;
}

void ChatDelegate::setHover(int row, const QPoint &pos) {
    m_hoverRow = row;
    m_hoverPos = pos;
}

void ChatDelegate::showCopied(int row, const Hit &hit) {
    m_copiedRow = row;
    m_copiedHit = hit;
    m_copiedTime.start();
}

// --- Changes -------------------------------------------------------------------------------

bool ChatDelegate::rowChanged(int row, int viewportWidth) {
    const ChatItem &item = itemAt(row);
    bumpRevision(item.key);
    m_summaries.remove(item.key);
    for (const QString &suffix : {u"|args"_s, u"|result"_s, u"|details"_s})
        m_plainBlocks.remove(item.key + suffix);

    if (item.kind == Kind::User || item.kind == Kind::Assistant || item.kind == Kind::Thinking) {
        const qreal width = textWidth(item, columnFor(viewportWidth));
        if (MessageDocument *doc = m_docs.find(item.key, width)) {
            const QString text = documentText(item);
            if (item.state == State::Streaming) {
                if (!doc->isStreaming() || doc->text() != text)
                    doc->setText(text);
                m_docs.setPinned(item.key, true);
            } else {
                if (doc->isStreaming()) {
                    doc->setText(text);
                    doc->finish();
                } else if (doc->text() != text) {
                    doc->setMarkdownAsync(text);
                }
                m_docs.setPinned(item.key, false);
            }
            if (doc->isReady() && isTextRow(item)) {
                m_docHeights.insert(item.key, DocHeight{MessageDocumentCache::widthBucket(width),
                                                        doc->height(), true});
            } else {
                m_docHeights.remove(item.key);
            }
            m_docs.updateCost(item.key, width);
        } else {
            m_docHeights.remove(item.key);
        }
    }
    m_imageKeys.remove(item.key);
    const int height = rowHeight(row, viewportWidth);
    if (row < 0 || row >= m_rowHeights.size())
        return true;
    const int before = m_rowHeights.at(row);
    m_rowHeights[row] = height;
    return height != before;
}

void ChatDelegate::forgetRows(int first, int last) {
    for (int row = first; row <= last; ++row) {
        const ChatItem &item = itemAt(row);
        if (item.key.isEmpty())
            continue;
        if (item.key == m_selectionKey)
            clearSelection();
        m_docs.remove(item.key);
        bumpRevision(item.key);
        m_docHeights.remove(item.key);
        m_summaries.remove(item.key);
        m_imageKeys.remove(item.key);
        for (const QString &suffix : {u"|args"_s, u"|result"_s, u"|details"_s})
            m_plainBlocks.remove(item.key + suffix);
    }
    if (first >= 0 && last < m_rowHeights.size() && first <= last) {
        m_rowHeights.remove(first, last - first + 1);
        if (first < m_rowHeights.size())
            m_rowHeights[first] = -1; // the next row may now start the list
    }
    m_hoverRow = -1;
    m_pressRow = -1;
}

void ChatDelegate::approveInlineImage(const QString &messageKey, const QString &url,
                                      const QString &imageKey) {
    m_approved[messageKey].insert(url, imageKey);
    if (!m_inlineImageMessages.contains(imageKey, messageKey))
        m_inlineImageMessages.insert(imageKey, messageKey);
    if (m_images && m_images->status(imageKey) == ImageRepository::Status::Ready) {
        QMutexLocker lock(&m_inline->mutex);
        m_inline->images.insert(imageKey, m_images->image(imageKey));
    }
}

void ChatDelegate::invalidateMessage(const QString &messageKey) {
    // Refresh the inline pictures of this message from the repository.
    if (m_images) {
        const auto approved = m_approved.constFind(messageKey);
        if (approved != m_approved.cend()) {
            QMutexLocker lock(&m_inline->mutex);
            for (const QString &imageKey : *approved) {
                if (m_images->status(imageKey) == ImageRepository::Status::Ready)
                    m_inline->images.insert(imageKey, m_images->image(imageKey));
            }
        }
    }
    m_docs.remove(messageKey);
    bumpRevision(messageKey);
    m_docHeights.remove(messageKey);
    m_rowHeights.fill(-1); // which row shows it is not tracked; a layout pass re-reads them
}

// --- Texts ---------------------------------------------------------------------------------

QString ChatDelegate::copyText(const ChatItem &item) {
    switch (item.kind) {
    case Kind::User:
    case Kind::Assistant:
    case Kind::Thinking:
        return item.text;
    case Kind::ToolRun: {
        QString text = toolDisplayName(item);
        if (!item.toolArguments.isEmpty())
            text += u"\n\n"_s + item.toolArguments;
        if (item.hasToolResult)
            text += u"\n\n"_s + item.toolResult;
        return text;
    }
    case Kind::Image:
        return item.image.kind == ImageSource::Kind::DataUrl ? QString() : item.image.ref;
    case Kind::Notice:
        return item.detail.isEmpty() ? item.text : item.text + u"\n\n"_s + item.detail;
    }
    return {};
}

namespace {

QString toolSummaryOf(const ChatItem &item) {
    const QJsonDocument doc = QJsonDocument::fromJson(item.toolArguments.toUtf8());
    if (doc.isObject()) {
        const QJsonObject o = doc.object();
        for (const QString &key : {u"prompt"_s, u"query"_s, u"q"_s, u"code"_s, u"url"_s, u"path"_s,
                                   u"message"_s, u"text"_s, u"input"_s}) {
            if (o.value(key).isString())
                return o.value(key).toString().simplified();
        }
        QStringList parts;
        for (auto it = o.constBegin(); it != o.constEnd() && parts.size() < 4; ++it)
            parts << it.key() + u": "_s + compactJson(it.value()).left(80);
        return parts.join(u", "_s).simplified();
    }
    if (!item.toolArguments.isEmpty())
        return item.toolArguments.left(200).simplified();
    return item.toolResult.left(200).simplified();
}

} // namespace

QString ChatDelegate::toolSummary(const ChatItem &item) {
    // Arguments come from the model, results from a tool's server: neither may reorder the
    // words shown in the card's header.
    return BidiControls::neutralised(toolSummaryOf(item));
}

QString ChatDelegate::toolDisplayName(const ChatItem &item) {
    if (item.toolName.isEmpty())
        return tr("Tool");
    if (!item.hosted)
        return BidiControls::neutralised(item.toolName);
    return ToolTitles::title(item.toolName, item.toolType, item.toolConnector);
}

QString ChatDelegate::citationLabel(const Citation &citation, int index) {
    QString name = BidiControls::neutralised(citation.title.simplified());
    if (name.isEmpty())
        name = QUrl(citation.url).host();
    if (name.isEmpty())
        name = citation.url.isEmpty() ? tr("Source") : citation.url;
    return QString::number(index + 1) + u"  "_s + name;
}

QString ChatDelegate::citationToolTip(const Citation &citation) {
    // The full address, encoded as it will be opened: what the user sees is what opens.
    const QString url = citation.url.isEmpty()
                            ? QString()
                            : QUrl(citation.url).toString(QUrl::FullyEncoded).toHtmlEscaped();
    const QString title = BidiControls::neutralised(citation.title.simplified()).toHtmlEscaped();
    // Always rich text (escaped), so a title that looks like markup is shown as written.
    QStringList lines;
    if (!title.isEmpty())
        lines << title;
    if (!url.isEmpty())
        lines << url;
    return u"<p>"_s + lines.join(u"<br>"_s) + u"</p>"_s;
}

QString ChatDelegate::footerText(const ChatItem &item) {
    QStringList parts;
    if (!item.model.isEmpty())
        parts << item.model;
    if (item.usage && item.usage->totalTokens > 0)
        parts << tr("%1 tokens").arg(QLocale().toString(item.usage->totalTokens));
    // The request id is for support, not for reading: the details the footer opens show it.
    return parts.join(u" · "_s);
}

} // namespace Tramontane
