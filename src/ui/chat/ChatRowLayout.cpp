// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chat/ChatRowLayout.h"

#include "ui/chat/ChatItemText.h"
#include "ui/chat/ChatStyle.h"
#include "ui/chat/ChatVersionSwitcher.h"
#include "ui/chat/FileChip.h"
#include "ui/chat/ImageRepository.h"
#include "ui/chat/ToolConfirmationBar.h"
#include "ui/markdown/MessageDocument.h"
#include "ui/markdown/MessageDocumentCache.h"

#include <QtMath>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

using Kind = ChatItem::Kind;
using State = ChatItem::State;
using Action = ChatHit::Action;
using Block = ChatRowMeasures::Block;
using ImageState = ChatRowMeasures::ImageState;

QRect withHeight(const QRect &r, int height) {
    return QRect(r.left(), r.top(), r.width(), qMax(0, height));
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

// The Copy button in the top right corner of a monospace block.
QRect blockCopyButton(const ChatStyle &s, const QRect &block) {
    return QRect(block.right() - s.blockCopyInset - s.blockCopyWidth,
                 block.top() + s.blockCopyInset, s.blockCopyWidth, s.buttonHeight);
}

// A button with an icon and a label in the small font.
int labelButtonWidth(const ChatStyle &s, const QString &label) {
    return qCeil(s.smallFm.horizontalAdvance(label)) + s.iconSize + s.labelButtonExtra;
}

void layoutUser(const ChatStyle &s, const ChatItem &item, int row, const ChatRowMeasures &measures,
                bool full, const ChatRowLayout::Column &column, int left, int &y,
                ChatRowGeometry &g) {
    g.docWidth = ChatRowLayout::textWidth(s, item, column);
    g.docHeight = measures.documentHeight(item, g.docWidth, row);
    int inner = int(g.docWidth);
    if (full && isSingleLinePlain(item.text))
        inner = qMin(inner, qCeil(s.fm.horizontalAdvance(item.text)) + 2);
    const int bubbleWidth = inner + 2 * s.bubblePaddingH;
    const int bubbleHeight = qCeil(g.docHeight) + 2 * s.bubblePaddingV;
    g.bubble = QRect(left + column.width - bubbleWidth, y, bubbleWidth, bubbleHeight);
    g.docOrigin = QPointF(g.bubble.left() + s.bubblePaddingH, g.bubble.top() + s.bubblePaddingV);
    y = g.bubble.bottom() + 1;
    if (item.versionCount > 1) {
        // The versions of an edited message, under its bubble.
        const int centerY = y + s.iconButtonSpacing + s.buttonHeight / 2;
        if (full)
            ChatVersionSwitcher::layout(s, item, g.bubble.right() + 1, centerY, g);
        y += s.iconButtonSpacing + s.buttonHeight;
    }
    if (full) {
        const int by = g.bubble.bottom() - s.iconButton + 1;
        const QRect edit(g.bubble.left() - s.bubbleButtonGap - s.iconButton, by, s.iconButton,
                         s.iconButton);
        const QRect copy = edit.translated(-s.iconButton - s.iconButtonSpacing, 0);
        g.buttons.append(ChatHit{Action::EditMessage, edit, -1, {}});
        g.buttons.append(ChatHit{Action::CopyMessage, copy, -1, {}});
    }
}

void layoutTool(const ChatStyle &s, const ChatItem &item, const ChatRowMeasures &measures,
                bool full, int left, int width, int line, int &y, ChatRowGeometry &g) {
    g.card = QRect(left, y, width, s.cardHeader);
    g.header = g.card;
    if (full)
        g.buttons.append(ChatHit{Action::ToggleExpanded, g.header, -1, {}});
    int cy = g.card.top() + s.cardHeader;
    const bool pending = ToolConfirmationBar::isPending(item.confirmation);
    if (measures.isExpanded(item)) {
        const int inner = width - 2 * s.cardPadding;
        const int blockWidth = inner - 2 * s.blockPadding;
        const int label = qCeil(s.smallFm.height()) + s.labelExtra;
        const auto addBlock = [&](Block block, const QString &text, QRect &labelRect,
                                  QRect &blockRect, Action copy) {
            labelRect = QRect(left + s.cardPadding, cy, inner, label);
            cy += label;
            const qreal height = measures.blockHeight(item, block, text, blockWidth);
            blockRect = QRect(left + s.cardPadding, cy, inner, qCeil(height) + 2 * s.blockPadding);
            cy = blockRect.bottom() + 1 + s.sectionSpacing;
            if (full)
                g.buttons.prepend(ChatHit{copy, blockCopyButton(s, blockRect), -1, {}});
        };
        if (!item.toolArguments.isEmpty())
            addBlock(Block::Arguments, item.toolArguments, g.argsLabel, g.argsBlock,
                     Action::CopyToolArguments);
        if (item.hasToolResult) {
            addBlock(Block::Result, item.toolResult, g.resultLabel, g.resultBlock,
                     Action::CopyToolResult);
        } else if (!pending) {
            // (A call waiting for a confirmation says so in its bar below.)
            g.resultLabel = QRect(left + s.cardPadding, cy, inner, line + 4);
            cy = g.resultLabel.bottom() + 1 + s.sectionSpacing;
        }
        cy += 4;
    }
    if (pending) {
        const ToolConfirmationBar::Layout bar = ToolConfirmationBar::layout(s, left, cy, width);
        g.confirmPrompt = bar.prompt;
        if (full) {
            g.buttons.append(ChatHit{Action::AllowTool, bar.allow, -1, {}});
            g.buttons.append(ChatHit{Action::DenyTool, bar.deny, -1, {}});
        }
        cy = bar.bottom;
    }
    g.card.setHeight(cy - g.card.top());
    y = g.card.bottom() + 1;
}

void layoutNotice(const ChatStyle &s, const ChatItem &item, const ChatRowMeasures &measures,
                  int left, int width, int line, int &y, ChatRowGeometry &g) {
    const int pad = s.cardPadding;
    const int textLeft = left + pad + s.iconSize + s.noticeIconGap;
    const int textWidthPx = width - (textLeft - left) - pad;
    int cy = y + pad;
    const int titleHeight =
        qCeil(s.boldFm.boundingRect(QRectF(0, 0, textWidthPx, 1e6), Qt::TextWordWrap, item.text)
                  .height());
    g.noticeTitle = QRect(textLeft, cy, textWidthPx, qMax(line, titleHeight));
    cy = g.noticeTitle.bottom() + 1;
    const QString hint = item.retryable || item.continuable ? item.detail : QString();
    if (!hint.isEmpty()) {
        const int hintHeight = qCeil(
            s.fm.boundingRect(QRectF(0, 0, textWidthPx, 1e6), Qt::TextWordWrap, hint).height());
        g.noticeHint = QRect(textLeft, cy + 2, textWidthPx, hintHeight);
        cy = g.noticeHint.bottom() + 1;
    }
    const QString details = ChatItemText::noticeDetails(item);
    if (item.retryable || item.continuable || !details.isEmpty()) {
        cy += s.sectionSpacing;
        int bx = textLeft;
        if (item.continuable) {
            const int w = labelButtonWidth(s, ChatRowLayout::tr("Continue"));
            g.buttons.append(ChatHit{Action::Continue, QRect(bx, cy, w, s.buttonHeight), -1, {}});
            bx += w + s.sectionSpacing;
        }
        if (item.retryable) {
            const int w = labelButtonWidth(s, ChatRowLayout::tr("Retry"));
            g.buttons.append(ChatHit{Action::Retry, QRect(bx, cy, w, s.buttonHeight), -1, {}});
            bx += w + s.sectionSpacing;
        }
        if (!details.isEmpty()) {
            const int w = labelButtonWidth(s, ChatRowLayout::tr("Details"));
            g.buttons.append(
                ChatHit{Action::ToggleDetails, QRect(bx, cy, w, s.buttonHeight), -1, {}});
        }
        cy += s.buttonHeight;
        if (!details.isEmpty() && measures.isExpanded(item)) {
            cy += s.sectionSpacing;
            const qreal height = measures.blockHeight(item, Block::Details, details,
                                                      textWidthPx - 2 * s.blockPadding);
            g.detailsBlock = QRect(textLeft, cy, textWidthPx, qCeil(height) + 2 * s.blockPadding);
            cy = g.detailsBlock.bottom() + 1;
            g.buttons.prepend(
                ChatHit{Action::CopyDetails, blockCopyButton(s, g.detailsBlock), -1, {}});
        }
    }
    cy += pad;
    g.card = QRect(left, y, width, cy - y);
    y = g.card.bottom() + 1;
}

} // namespace

ChatRowLayout::Column ChatRowLayout::column(const ChatStyle &s, int viewportWidth) {
    const int margin = viewportWidth < s.narrowViewport ? s.narrowSideMargin : s.sideMargin;
    const int width = qMax(s.minColumnWidth, qMin(s.maxColumnWidth, viewportWidth - 2 * margin));
    return {qMax(0, (viewportWidth - width) / 2), width};
}

qreal ChatRowLayout::textWidth(const ChatStyle &s, const ChatItem &item, const Column &column) {
    qreal width = column.width;
    if (item.kind == Kind::User)
        width = column.width * 0.8 - 2 * s.bubblePaddingH;
    else if (item.kind == Kind::Thinking)
        width = column.width - s.thinkingIndent;
    return MessageDocumentCache::bucketWidth(qMax<qreal>(32, width));
}

bool ChatRowLayout::isTextRow(const ChatItem &item, bool expanded) {
    return item.kind == Kind::User || item.kind == Kind::Assistant
           || (item.kind == Kind::Thinking && expanded);
}

bool ChatRowLayout::hasFooter(const ChatItem &item) {
    if (item.kind == Kind::User)
        return false;
    return item.answerEnd || item.versionCount > 1
           || (item.kind == Kind::Assistant && item.state == State::Streaming);
}

QSize ChatRowLayout::imageBox(const ChatStyle &s, const QSize &natural, bool failed,
                              const Column &column) {
    const int maxWidth = qMin(s.maxImageWidth, column.width);
    if (!natural.isValid() && failed) {
        // Nothing to keep room for: a compact box with the message and Retry.
        return {maxWidth, qMin(maxWidth, 160)};
    }
    return ImageRepository::displaySize(natural, maxWidth, s.maxImageHeight);
}

ChatRowGeometry ChatRowLayout::layout(const ChatStyle &s, const ChatItem &item, int row,
                                      const QRect &rect, int viewportWidth,
                                      const ChatRowMeasures &measures, bool full) {
    ChatRowGeometry g;
    const Column col = column(s, viewportWidth);
    g.columnLeft = col.left;
    g.columnWidth = col.width;
    const int left = rect.left() + col.left;
    const int width = col.width;
    // A turn starts with some air above the user's message, the first row too.
    const int gap = item.kind == Kind::User || row == 0 ? s.turnGap : 0;
    const int top = rect.top() + s.rowPadding + gap;
    int y = top;
    const int line = qCeil(s.fm.height());

    switch (item.kind) {
    case Kind::User:
        layoutUser(s, item, row, measures, full, col, left, y, g);
        break;
    case Kind::Assistant: {
        g.docWidth = textWidth(s, item, col);
        g.docHeight = measures.documentHeight(item, g.docWidth, row);
        g.docOrigin = QPointF(left, y);
        y += qCeil(g.docHeight);
        if (full && !hasFooter(item) && !item.text.isEmpty()) {
            const QRect copy(left + width - s.iconButton, top, s.iconButton, s.iconButton);
            g.buttons.append(ChatHit{Action::CopyMessage, copy, -1, {}});
        }
        break;
    }
    case Kind::Thinking: {
        g.header = QRect(left, y, width, line + s.thinkingHeaderExtra);
        y = g.header.bottom() + 1;
        if (full) {
            const QString label = tr("Thought for a moment — show");
            const int w = qCeil(s.fm.horizontalAdvance(label)) + s.iconSize + 12;
            g.buttons.append(ChatHit{
                Action::ToggleExpanded, QRect(left, g.header.top(), w, g.header.height()), -1, {}});
        }
        if (measures.isExpanded(item)) {
            g.docWidth = textWidth(s, item, col);
            g.docHeight = measures.documentHeight(item, g.docWidth, row);
            y += 2;
            g.docOrigin = QPointF(left + s.thinkingIndent, y);
            y += qCeil(g.docHeight) + 4;
        }
        break;
    }
    case Kind::ToolRun:
        layoutTool(s, item, measures, full, left, width, line, y, g);
        break;
    case Kind::Image: {
        const ImageState state = measures.imageState(item);
        QSize box = imageBox(s, measures.imageNaturalSize(item), state == ImageState::Failed, col);
        // An image the user attached (it comes with the turn's own message) is a thumbnail
        // on the right, under the user's bubble: a click opens it whole.
        const bool attached = item.entry >= 0 && item.entry == item.turn;
        if (attached && (box.width() > s.attachedImageSide || box.height() > s.attachedImageSide))
            box.scale(s.attachedImageSide, s.attachedImageSide, Qt::KeepAspectRatio);
        g.image = QRect(QPoint(attached ? left + width - box.width() : left, y), box);
        y = g.image.bottom() + 1;
        if (full) {
            if (state == ImageState::Ready)
                g.buttons.append(ChatHit{Action::OpenImage, g.image, -1, {}});
            else if (state == ImageState::Failed)
                g.buttons.append(ChatHit{Action::RetryImage, g.image, -1, {}});
        }
        break;
    }
    case Kind::Notice:
        layoutNotice(s, item, measures, left, width, line, y, g);
        break;
    case Kind::Document: {
        if (!item.image.isValid()) {
            // On the right, under the user's bubble, as attached images are.
            const QSize box = FileChip::size(s, item, width);
            g.image = QRect(QPoint(left + width - box.width(), y), box);
            y = g.image.bottom() + 1;
            break;
        }
        // A file a tool made: in the answer, with Save As… beside it (never opened by itself).
        const QString label = ChatRowLayout::saveFileLabel();
        const int buttonWidth = qCeil(s.smallFm.horizontalAdvance(label)) + s.iconSize + 21;
        const QSize box = FileChip::size(s, item, qMax(80, width - buttonWidth - 8));
        g.image = QRect(QPoint(left, y), box);
        y = g.image.bottom() + 1;
        if (full) {
            const QRect save(g.image.right() + 9, g.image.center().y() - s.buttonHeight / 2,
                             buttonWidth, s.buttonHeight);
            g.buttons.append(ChatHit{Action::SaveFile, save, -1, {}});
        }
        break;
    }
    }

    g.body = QRect(left, top, width, y - top);
    if (!item.citations.isEmpty() && item.kind != Kind::User) {
        g.chips = chips(s, item, left, y + s.chipSpacing, width);
        y = g.chips.constLast().bottom() + 1 + s.footerGap;
        if (full) {
            for (int i = 0; i < g.chips.size(); ++i) {
                const QString url = item.citations.at(i).url;
                if (!url.isEmpty())
                    g.buttons.append(ChatHit{Action::OpenCitation, g.chips.at(i), i, url});
            }
        }
    }
    if (hasFooter(item)) {
        g.footer = QRect(left, y + s.footerGap, width, s.footerHeight);
        y = g.footer.bottom() + 1;
        const bool copyShown =
            item.answerEnd && item.kind == Kind::Assistant && !item.text.isEmpty();
        int switcherWidth = 0;
        if (full && item.versionCount > 1) {
            // The versions of a regenerated answer, left of its Copy button.
            const int right = left + width - (copyShown ? s.iconButton + s.iconButtonSpacing : 0);
            ChatVersionSwitcher::layout(s, item, right, g.footer.center().y(), g);
            switcherWidth = g.versions.width() + s.iconButtonSpacing;
        }
        if (full && item.answerEnd) {
            const QString text = ChatItemText::footerText(item);
            const int w = qMin(width - 2 * s.iconButton - switcherWidth,
                               qCeil(s.smallFm.horizontalAdvance(text)) + 8);
            g.footerText = QRect(left, g.footer.top(), w, g.footer.height());
            if (!text.isEmpty() && item.state != State::Streaming)
                g.buttons.append(ChatHit{Action::ShowAnswerDetails, g.footerText, -1, {}});
            if (copyShown) {
                const QRect copy(left + width - s.iconButton,
                                 g.footer.top() + (g.footer.height() - s.iconButton) / 2,
                                 s.iconButton, s.iconButton);
                g.buttons.prepend(ChatHit{Action::CopyMessage, copy, -1, {}});
            }
        }
    }
    g.row = withHeight(rect, y + s.rowPadding - rect.top());
    return g;
}

QList<QRect> ChatRowLayout::chips(const ChatStyle &s, const ChatItem &item, int left, int top,
                                  int width) {
    const int height = qCeil(s.smallFm.height()) + s.chipExtra;
    const int maxWidth = qMin(s.chipMaxWidth, width);
    QList<QRect> out;
    out.reserve(item.citations.size());
    int x = left;
    int y = top;
    for (int i = 0; i < item.citations.size(); ++i) {
        const QString label = ChatItemText::citationLabel(item.citations.at(i), i);
        const int w =
            qMin(maxWidth, qCeil(s.smallFm.horizontalAdvance(label)) + 2 * s.chipPaddingH);
        if (x > left && x + w > left + width) {
            x = left;
            y += height + s.chipSpacing;
        }
        out.append(QRect(x, y, w, height));
        x += w + s.chipSpacing;
    }
    return out;
}

QList<ChatHit> ChatRowLayout::codeButtons(const ChatStyle &s, const ChatRowGeometry &g,
                                          const ChatItem &item, MessageDocument *document) {
    QList<ChatHit> out;
    const bool mayHaveCode = item.text.contains(u"```"_s) || item.text.contains(u"~~~"_s)
                             || item.text.contains(u"    "_s) || item.text.contains(u'\t');
    if (item.text.isEmpty() || g.docWidth <= 0 || !mayHaveCode)
        return out;
    if (!document || !document->isReady())
        return out;
    const QList<MessageDocument::CodeBlock> blocks = document->codeBlocks();
    const int h = s.buttonHeight;
    const int w = qCeil(s.smallFm.horizontalAdvance(tr("Copied"))) + s.iconSize + s.codeCopyExtra;
    for (const MessageDocument::CodeBlock &block : blocks) {
        const QRectF r = block.rect.translated(g.docOrigin);
        if (r.height() < h + 4)
            continue;
        out.append(ChatHit{
            Action::CopyCode,
            QRect(qRound(r.right()) - w - s.codeCopyInset, qRound(r.top()) + s.codeCopyInset, w, h),
            block.index,
            {}});
    }
    return out;
}

} // namespace Tramontane
