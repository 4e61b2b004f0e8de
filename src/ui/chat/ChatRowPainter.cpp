// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chat/ChatRowPainter.h"

#include "ui/chat/ChatDocuments.h"
#include "ui/chat/ChatFindMatches.h"
#include "ui/chat/ChatFindText.h"
#include "ui/chat/ChatHeightCache.h"
#include "ui/chat/ChatImageKeys.h"
#include "ui/chat/ChatInteraction.h"
#include "ui/chat/ChatItemText.h"
#include "ui/chat/ChatPictureCache.h"
#include "ui/chat/ChatStyle.h"
#include "ui/chat/ChatVersionSwitcher.h"
#include "ui/chat/FileChip.h"
#include "ui/chat/ImageRepository.h"
#include "ui/chat/PlainBlockCache.h"
#include "ui/chat/ToolConfirmationBar.h"
#include "ui/markdown/MessageDocument.h"

#include <QPainter>
#include <QPainterPath>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

using Kind = ChatItem::Kind;
using State = ChatItem::State;
using Action = ChatHit::Action;
using Block = ChatRowMeasures::Block;

constexpr int kSkeletonLines = 3;

} // namespace

ChatRowPainter::ChatRowPainter(const Parts &parts)
    : m_style(parts.style)
    , m_interaction(parts.interaction)
    , m_measures(parts.measures)
    , m_documents(parts.documents)
    , m_pictures(parts.pictures)
    , m_blocks(parts.blocks)
    , m_heights(parts.heights)
    , m_imageKeys(parts.imageKeys)
    , m_images(parts.images) {
    m_clock.start();
}

void ChatRowPainter::paint(QPainter *painter, const ChatRowGeometry &g, const ChatItem &item,
                           int row, const QRect &exposed) {
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
    case Kind::Document:
        FileChip::paint(painter, g.image, item, *m_style);
        for (const ChatHit &hit : g.buttons) {
            if (hit.action == ChatHit::Action::SaveFile)
                paintButton(painter, hit.rect, u"file"_s, ChatRowLayout::saveFileLabel(),
                            m_interaction->isHovered(row, hit.rect), true, row, hit);
        }
        break;
    case Kind::Notice:
        paintNotice(painter, g, item, row);
        break;
    }
    if (!g.chips.isEmpty())
        paintCitations(painter, g, item, row);
    if (ChatRowLayout::hasFooter(item))
        paintFooter(painter, g, item, row);
    painter->restore();
}

void ChatRowPainter::paintBlock(QPainter *p, const QRect &rect, Block block, const QString &key,
                                const QString &text, int width,
                                const QList<QTextLayout::FormatRange> &marks) {
    PlainBlockCache::paint(p, rect, m_blocks->block(key, int(block), text, width, *m_style),
                           QRectF(m_exposed), *m_style, marks);
}

void ChatRowPainter::toolMarks(const ChatItem &item, QList<QTextLayout::FormatRange> *arguments,
                               QList<QTextLayout::FormatRange> *result) const {
    const QList<MessageDocument::TextRange> &ranges = m_interaction->find->rangesOf(item.key);
    if (ranges.isEmpty())
        return;
    const ChatFindMatches::Match current = m_interaction->find->current();
    const qsizetype resultStart = ChatFindText::toolResultOffset(item);
    for (int i = 0; i < ranges.size(); ++i) {
        const MessageDocument::TextRange &range = ranges.at(i);
        const bool isCurrent = current.key == item.key && current.ordinal == i;
        QTextLayout::FormatRange mark;
        mark.format.setBackground(isCurrent ? m_style->findCurrent : m_style->findMatch);
        mark.format.setForeground(isCurrent ? m_style->findCurrentText : m_style->findMatchText);
        mark.length = int(range.end - range.start);
        if (range.end <= item.toolArguments.size()) {
            mark.start = int(range.start);
            arguments->append(mark);
        } else if (range.start >= resultStart) {
            mark.start = int(range.start - resultStart);
            result->append(mark);
        }
    }
}

void ChatRowPainter::paintDocument(QPainter *p, const ChatRowGeometry &g, const ChatItem &item,
                                   int row, const QRect &clip, const QColor &background) {
    if (item.text.isEmpty())
        return;
    const ChatStyle &s = *m_style;
    MessageDocument *doc = m_documents->document(item, g.docWidth);
    if (!doc->isReady()) {
        // A long message building on a worker: a few quiet bars where its text will be.
        p->save();
        p->setPen(Qt::NoPen);
        p->setBrush(s.cardBackground);
        const qreal lineH = s.fm.height();
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
    m_heights->noteMeasured(row, item.key, g.docWidth, height);
    const QRectF visible = QRectF(clip).intersected(QRectF(m_exposed));
    if (item.key == m_interaction->selectionKey && !m_interaction->selectionRange.isEmpty()) {
        // A selection is drawn with the text, so never from the cached picture.
        doc->paint(p, g.docOrigin, visible,
                   MessageDocument::Highlight{m_interaction->selectionRange, s.selection,
                                              s.selectionText});
        return;
    }
    if (m_interaction->find && paintFindMatches(p, g, item, doc, visible))
        return;
    if (item.state == State::Streaming) {
        doc->paint(p, g.docOrigin, visible);
        return;
    }
    m_pictures->paint(p, item.key, doc, g.docOrigin, g.docWidth, height, visible, background);
}

bool ChatRowPainter::paintFindMatches(QPainter *p, const ChatRowGeometry &g, const ChatItem &item,
                                      MessageDocument *doc, const QRectF &visible) {
    const QList<MessageDocument::TextRange> &ranges = m_interaction->find->rangesOf(item.key);
    if (ranges.isEmpty())
        return false;
    // Drawn with the text, so never from the cached picture; the current match last.
    const ChatStyle &s = *m_style;
    const ChatFindMatches::Match current = m_interaction->find->current();
    QList<MessageDocument::Highlight> highlights;
    highlights.reserve(ranges.size());
    for (const MessageDocument::TextRange &range : ranges)
        highlights.append({range, s.findMatch, s.findMatchText});
    if (current.key == item.key && current.ordinal < highlights.size())
        highlights.append({current.range, s.findCurrent, s.findCurrentText});
    doc->paint(p, g.docOrigin, visible, highlights);
    return true;
}

void ChatRowPainter::paintUser(QPainter *p, const ChatRowGeometry &g, const ChatItem &item,
                               int row) {
    const ChatStyle &s = *m_style;
    p->setPen(Qt::NoPen);
    p->setBrush(s.userBubble);
    p->drawRoundedRect(QRectF(g.bubble), s.bubbleRadius, s.bubbleRadius);
    paintDocument(
        p, g, item, row,
        g.bubble.adjusted(s.bubblePaddingH, s.bubblePaddingV, -s.bubblePaddingH, -s.bubblePaddingV),
        s.userBubble);
    paintVersions(p, g, item, row);
    if (m_interaction->showsButtons(row)) {
        for (const ChatHit &hit : g.buttons) {
            if (hit.action != Action::EditMessage && hit.action != Action::CopyMessage)
                continue;
            const QString icon = hit.action == Action::EditMessage ? u"edit"_s : u"copy"_s;
            paintButton(p, hit.rect, icon, {}, m_interaction->isHovered(row, hit.rect), false, row,
                        hit);
        }
        paintCodeButtons(p, g, item, row);
    }
}

void ChatRowPainter::paintAssistant(QPainter *p, const ChatRowGeometry &g, const ChatItem &item,
                                    int row) {
    paintDocument(p, g, item, row, g.body, m_style->base);
    if (!m_interaction->showsButtons(row))
        return;
    paintCodeButtons(p, g, item, row);
    for (const ChatHit &hit : g.buttons) {
        if (hit.action == Action::CopyMessage && !ChatRowLayout::hasFooter(item)) {
            p->save();
            p->setPen(Qt::NoPen);
            p->setBrush(m_style->base);
            p->drawRoundedRect(QRectF(hit.rect), 6, 6);
            p->restore();
            paintButton(p, hit.rect, u"copy"_s, {}, m_interaction->isHovered(row, hit.rect), true,
                        row, hit);
        }
    }
}

void ChatRowPainter::paintThinking(QPainter *p, const ChatRowGeometry &g, const ChatItem &item,
                                   int row) {
    const ChatStyle &s = *m_style;
    const bool expanded = m_measures->isExpanded(item);
    const bool streaming = item.state == State::Streaming;
    const QRect header = g.header;
    const QRectF iconRect(header.left(), header.top() + (header.height() - s.iconSize) / 2.0,
                          s.iconSize, s.iconSize);
    s.drawIcon(p, iconRect, expanded ? u"chevron-down"_s : u"chevron-right"_s, s.muted);
    const int textX = header.left() + s.iconSize + 6;
    p->setFont(s.font);
    const QString lead = streaming ? tr("Thinking") : tr("Thought for a moment");
    const QString action = expanded ? tr("hide") : tr("show");
    const bool hot = m_interaction->hoverRow == row && !g.buttons.isEmpty()
                     && g.buttons.first().rect.contains(m_interaction->hoverPos);
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
        paintDocument(p, g, item, row, g.body, m_style->base);
    }
}

void ChatRowPainter::paintTool(QPainter *p, const ChatRowGeometry &g, const ChatItem &item,
                               int row) {
    const ChatStyle &s = *m_style;
    const bool expanded = m_measures->isExpanded(item);
    const bool hovered =
        m_interaction->hoverRow == row && g.header.contains(m_interaction->hoverPos);
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
    s.drawIcon(p, badge.adjusted(4, 4, -4, -4), ChatItemText::toolIconName(item), s.accent);
    x += 20 + 8;

    const int right = h.right() - s.cardPadding;
    const int stateWidth = 20;
    const int chevronWidth = s.iconSize;
    const int textRight = right - chevronWidth - 8 - stateWidth - 8;
    const QString name = ChatItemText::toolDisplayName(item);
    p->setFont(s.bold);
    p->setPen(s.text);
    const QString nameShown = s.boldFm.elidedText(name, Qt::ElideRight, qMax(40, textRight - x));
    p->drawText(QRectF(x, h.top(), textRight - x, s.cardHeader), Qt::AlignLeft | Qt::AlignVCenter,
                nameShown);
    x += qCeil(s.boldFm.horizontalAdvance(nameShown)) + 10;

    auto summary = m_summaries.constFind(item.key);
    if (summary == m_summaries.cend())
        summary = m_summaries.insert(item.key, ChatItemText::toolSummary(item));
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
    QList<QTextLayout::FormatRange> argumentMarks;
    QList<QTextLayout::FormatRange> resultMarks;
    if (m_interaction->find)
        toolMarks(item, &argumentMarks, &resultMarks);
    if (!g.argsLabel.isNull()) {
        p->setPen(s.muted);
        p->drawText(g.argsLabel, Qt::AlignLeft | Qt::AlignVCenter, tr("Arguments"));
        paintBlock(p, g.argsBlock, Block::Arguments, item.key, item.toolArguments,
                   g.argsBlock.width() - 2 * s.blockPadding, argumentMarks);
    }
    if (item.hasToolResult) {
        p->setFont(s.small);
        p->setPen(s.muted);
        p->drawText(g.resultLabel, Qt::AlignLeft | Qt::AlignVCenter, tr("Result"));
        paintBlock(p, g.resultBlock, Block::Result, item.key, item.toolResult,
                   g.resultBlock.width() - 2 * s.blockPadding, resultMarks);
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
    for (const ChatHit &hit : g.buttons) {
        const bool hot = m_interaction->isHovered(row, hit.rect);
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

void ChatRowPainter::paintImage(QPainter *p, const ChatRowGeometry &g, const ChatItem &item,
                                int row) {
    const ChatStyle &s = *m_style;
    const QString key = m_imageKeys->of(item);
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
        const bool hot =
            m_interaction->hoverRow == row && g.image.contains(m_interaction->hoverPos);
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

void ChatRowPainter::paintNotice(QPainter *p, const ChatRowGeometry &g, const ChatItem &item,
                                 int row) {
    const ChatStyle &s = *m_style;
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
    for (const ChatHit &hit : g.buttons) {
        const bool hot = m_interaction->isHovered(row, hit.rect);
        switch (hit.action) {
        case Action::Retry:
            paintButton(p, hit.rect, u"retry"_s, tr("Retry"), hot, true, row, hit);
            break;
        case Action::Continue:
            paintButton(p, hit.rect, u"chevron-right"_s, tr("Continue"), hot, true, row, hit);
            break;
        case Action::ToggleDetails:
            paintButton(p, hit.rect,
                        m_measures->isExpanded(item) ? u"chevron-down"_s : u"chevron-right"_s,
                        tr("Details"), hot, false, row, hit);
            break;
        default:
            break;
        }
    }
    if (!g.detailsBlock.isNull()) {
        paintBlock(p, g.detailsBlock, Block::Details, item.key, ChatItemText::noticeDetails(item),
                   g.detailsBlock.width() - 2 * s.blockPadding);
        for (const ChatHit &hit : g.buttons) {
            if (hit.action == Action::CopyDetails)
                paintButton(p, hit.rect, u"copy"_s, tr("Copy"),
                            m_interaction->isHovered(row, hit.rect), true, row, hit);
        }
    }
}

void ChatRowPainter::paintFooter(QPainter *p, const ChatRowGeometry &g, const ChatItem &item,
                                 int row) {
    const ChatStyle &s = *m_style;
    const QRect f = g.footer;
    paintVersions(p, g, item, row);
    if (item.state == State::Streaming) {
        paintTypingDots(p, QPointF(f.left() + 2, f.center().y() + 1), s.muted);
        return;
    }
    if (!item.answerEnd)
        return;
    const QString text = ChatItemText::footerText(item);
    if (!text.isEmpty()) {
        const bool hot =
            m_interaction->hoverRow == row && g.footerText.contains(m_interaction->hoverPos);
        QFont font = s.small;
        font.setUnderline(hot);
        p->setFont(font);
        p->setPen(hot ? s.text : s.muted);
        p->drawText(g.footerText, Qt::AlignLeft | Qt::AlignVCenter,
                    s.smallFm.elidedText(text, Qt::ElideMiddle, g.footerText.width()));
    }
    if (m_interaction->showsButtons(row)) {
        for (const ChatHit &hit : g.buttons) {
            if (hit.action == Action::CopyMessage)
                paintButton(p, hit.rect, u"copy"_s, {}, m_interaction->isHovered(row, hit.rect),
                            false, row, hit);
        }
    }
}

void ChatRowPainter::paintVersions(QPainter *p, const ChatRowGeometry &g, const ChatItem &item,
                                   int row) {
    if (g.versions.isEmpty())
        return;
    const auto parts = ChatVersionSwitcher::parts(*m_style, g.versions);
    ChatVersionSwitcher::paint(p, *m_style, item, g.versions,
                               m_interaction->isHovered(row, parts.previous),
                               m_interaction->isHovered(row, parts.next));
}

void ChatRowPainter::paintCitations(QPainter *p, const ChatRowGeometry &g, const ChatItem &item,
                                    int row) {
    const ChatStyle &s = *m_style;
    p->save();
    p->setFont(s.small);
    for (int i = 0; i < g.chips.size() && i < item.citations.size(); ++i) {
        const Citation &citation = item.citations.at(i);
        const QRect chip = g.chips.at(i);
        const bool clickable = !citation.url.isEmpty();
        const bool hot =
            clickable && m_interaction->hoverRow == row && chip.contains(m_interaction->hoverPos);
        p->setPen(QPen(hot ? s.accent : s.cardBorder, 1));
        p->setBrush(hot ? s.buttonHover : s.cardBackground);
        const QRectF r = QRectF(chip).adjusted(0.5, 0.5, -0.5, -0.5);
        p->drawRoundedRect(r, r.height() / 2, r.height() / 2);
        p->setPen(clickable ? (hot ? s.accent : s.text) : s.muted);
        const QRect text = chip.adjusted(s.chipPaddingH, 0, -s.chipPaddingH, 0);
        p->drawText(text, Qt::AlignLeft | Qt::AlignVCenter,
                    s.smallFm.elidedText(ChatItemText::citationLabel(citation, i), Qt::ElideRight,
                                         text.width()));
    }
    p->restore();
}

void ChatRowPainter::paintCodeButtons(QPainter *p, const ChatRowGeometry &g, const ChatItem &item,
                                      int row) {
    const QList<ChatHit> buttons =
        ChatRowLayout::codeButtons(*m_style, g, item, m_documents->find(item.key, g.docWidth));
    for (const ChatHit &hit : buttons) {
        p->save();
        p->setPen(Qt::NoPen);
        p->setBrush(m_style->codeBackground);
        p->drawRoundedRect(QRectF(hit.rect), 6, 6);
        p->restore();
        paintButton(p, hit.rect, u"copy"_s, tr("Copy"), m_interaction->isHovered(row, hit.rect),
                    true, row, hit);
    }
}

void ChatRowPainter::paintButton(QPainter *p, const QRect &rect, const QString &iconName,
                                 const QString &text, bool hovered, bool framed, int row,
                                 const ChatHit &hit) {
    const ChatStyle &s = *m_style;
    const bool copied = m_interaction->isCopied(row, hit);
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

void ChatRowPainter::paintSpinner(QPainter *p, const QRectF &rect, const QColor &color) {
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

void ChatRowPainter::paintTypingDots(QPainter *p, const QPointF &start, const QColor &color) {
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

} // namespace Tramontane
