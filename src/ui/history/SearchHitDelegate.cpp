// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/history/SearchHitDelegate.h"

#include "core/storage/ConversationTypes.h"
#include "models/Roles.h"

#include <QApplication>
#include <QPainter>

namespace Tramontane {

namespace {

constexpr int kPadding = 6;
constexpr int kSnippetLines = 2;

QFont titleFont(const QFont &base) {
    QFont font = base;
    font.setBold(true);
    return font;
}

} // namespace

SearchHitDelegate::SearchHitDelegate(QObject *parent)
    : QStyledItemDelegate(parent) {}

QList<QTextLayout::FormatRange> SearchHitDelegate::highlightFormats(const QModelIndex &index,
                                                                    int length, const QFont &font) {
    QList<QTextLayout::FormatRange> formats;
    const auto ranges = index.data(Roles::SearchHighlightsRole).value<QList<TextRange>>();
    for (const TextRange &range : ranges) {
        // Ranges come from the store; never trust them to fit the text.
        const int start = qBound(0, range.start, length);
        const int end = qBound(start, range.start + range.length, length);
        if (end <= start)
            continue;
        QTextLayout::FormatRange format;
        format.start = start;
        format.length = end - start;
        format.format.setFont(titleFont(font));
        formats.append(format);
    }
    return formats;
}

void SearchHitDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    // The native background (selection, hover, focus), without the text.
    opt.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group =
        option.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive;
    const QColor textColor =
        option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    const QRect content = option.rect.adjusted(kPadding, kPadding, -kPadding, -kPadding);

    painter->save();
    painter->setPen(textColor);
    const QFont title = titleFont(option.font);
    const QFontMetrics titleMetrics(title);
    painter->setFont(title);
    painter->drawText(QRect(content.left(), content.top(), content.width(), titleMetrics.height()),
                      Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                      titleMetrics.elidedText(index.data(Qt::DisplayRole).toString(),
                                              Qt::ElideRight, content.width()));

    // The snippet, wrapped to at most two lines; the last one elided.
    const QString snippet = index.data(Roles::SearchSnippetRole).toString();
    QTextLayout layout(snippet, option.font);
    layout.setFormats(highlightFormats(index, int(snippet.size()), option.font));
    QTextOption textOption;
    textOption.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(textOption);
    const QFontMetrics metrics(option.font);
    const QString ellipsis(QChar(0x2026));
    const int ellipsisWidth = metrics.horizontalAdvance(ellipsis);
    QList<QTextLine> lines;
    qreal lineY = 0;
    layout.beginLayout();
    while (lines.size() < kSnippetLines) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        const bool last = lines.size() == kSnippetLines - 1;
        line.setLineWidth(last ? content.width() - ellipsisWidth : content.width());
        line.setPosition(QPointF(0, lineY));
        lineY += line.height();
        lines.append(line);
    }
    layout.endLayout();

    QColor dim = textColor;
    if (!selected)
        dim.setAlphaF(0.8f);
    painter->setPen(dim);
    painter->setFont(option.font);
    const QPointF origin(content.left(), content.top() + titleMetrics.height() + 2);
    for (const QTextLine &line : std::as_const(lines))
        line.draw(painter, origin);
    if (!lines.isEmpty()) {
        const QTextLine &last = lines.last();
        if (last.textStart() + last.textLength() < snippet.size())
            painter->drawText(QPointF(origin.x() + last.naturalTextWidth(),
                                      origin.y() + last.y() + last.ascent()),
                              ellipsis);
    }
    painter->restore();
}

QSize SearchHitDelegate::sizeHint(const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const {
    Q_UNUSED(index)
    const QFontMetrics titleMetrics(titleFont(option.font));
    const QFontMetrics metrics(option.font);
    return QSize(120,
                 2 * kPadding + titleMetrics.height() + 2 + kSnippetLines * metrics.lineSpacing());
}

} // namespace Tramontane
