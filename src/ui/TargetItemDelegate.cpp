// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/TargetItemDelegate.h"

#include "models/ChatTargetModel.h"
#include "models/Roles.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

constexpr int kBadgePaddingH = 5;
constexpr int kBadgeSpacing = 4;
constexpr int kBadgeMargin = 6; // between the last badge and the row's right edge

bool isAgent(const QModelIndex &index) {
    return index.data(Roles::TargetKindRole).value<ChatTargetModel::Kind>()
           == ChatTargetModel::Kind::Agent;
}

QFont badgeFont(const QStyleOptionViewItem &option) {
    QFont font = option.font;
    font.setPointSizeF(qMax(6.0, font.pointSizeF() * 0.8));
    return font;
}

QColor mix(const QColor &a, const QColor &b, qreal amount) {
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * amount),
                            float(a.greenF() + (b.greenF() - a.greenF()) * amount),
                            float(a.blueF() + (b.blueF() - a.blueF()) * amount));
}

} // namespace

TargetItemDelegate::TargetItemDelegate(QObject *parent)
    : QStyledItemDelegate(parent) {}

QList<TargetItemDelegate::Badge> TargetItemDelegate::badges(const QModelIndex &index) {
    QList<Badge> out;
    if (!index.isValid())
        return out;
    if (index.data(Roles::VisionRole).toBool())
        out << Badge::Vision;
    if (index.data(Roles::FunctionCallingRole).toBool())
        out << Badge::Tools;
    if (isAgent(index))
        out << Badge::Agent;
    return out;
}

QString TargetItemDelegate::badgeText(Badge badge) {
    switch (badge) {
    case Badge::Vision:
        return tr("vision");
    case Badge::Tools:
        return tr("tools");
    case Badge::Agent:
        return tr("agent");
    }
    return {};
}

QString TargetItemDelegate::headerText(const QModelIndex &index) {
    if (!index.isValid())
        return {};
    const QAbstractItemModel *model = index.model();
    const bool agent = isAgent(index);
    const QModelIndex previous = index.sibling(index.row() - 1, 0);
    if (agent && (!previous.isValid() || !isAgent(previous)))
        return tr("Agents");
    if (!agent && index.row() == 0) {
        // "Models" only helps when agents follow.
        const QModelIndex last = model->index(model->rowCount() - 1, 0);
        if (last.isValid() && isAgent(last))
            return tr("Models");
    }
    return {};
}

int TargetItemDelegate::headerHeight(const QStyleOptionViewItem &option) const {
    return option.fontMetrics.height() + 8;
}

QRect TargetItemDelegate::itemRect(const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const {
    if (headerText(index).isEmpty())
        return option.rect;
    return option.rect.adjusted(0, headerHeight(option), 0, 0);
}

QList<QRect> TargetItemDelegate::badgeRects(const QStyleOptionViewItem &option,
                                            const QModelIndex &index) const {
    const QList<Badge> list = badges(index);
    QList<QRect> out;
    if (list.isEmpty())
        return out;
    const QRect item = itemRect(option, index);
    const QFontMetrics fm(badgeFont(option));
    const int height = qMin(item.height() - 4, fm.height() + 2);
    int right = item.right() - kBadgeMargin;
    out.resize(list.size());
    // Laid out from the right edge, so the last badge sits at the edge.
    for (qsizetype i = list.size() - 1; i >= 0; --i) {
        const int width = fm.horizontalAdvance(badgeText(list.at(i))) + 2 * kBadgePaddingH;
        out[i] = QRect(right - width + 1, item.center().y() - height / 2, width, height);
        right -= width + kBadgeSpacing;
    }
    return out;
}

QSize TargetItemDelegate::sizeHint(const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    QSize size = QStyledItemDelegate::sizeHint(opt, index);
    size.setHeight(qMax(size.height(), opt.fontMetrics.height() + 8));
    int badgesWidth = 0;
    const QFontMetrics fm(badgeFont(opt));
    for (const Badge badge : badges(index))
        badgesWidth += fm.horizontalAdvance(badgeText(badge)) + 2 * kBadgePaddingH + kBadgeSpacing;
    if (badgesWidth > 0)
        size.rwidth() += badgesWidth + kBadgeMargin + 8;
    if (!headerText(index).isEmpty())
        size.rheight() += headerHeight(opt);
    return size;
}

void TargetItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString header = headerText(index);
    const QList<QRect> rects = badgeRects(opt, index);

    painter->save();
    if (!header.isEmpty()) {
        // The group header: small caps-like muted text over a hairline, never highlighted.
        const QRect headerRect(opt.rect.left(), opt.rect.top(), opt.rect.width(),
                               headerHeight(opt));
        painter->fillRect(headerRect, opt.palette.base());
        QFont font = opt.font;
        font.setBold(true);
        font.setPointSizeF(qMax(6.0, font.pointSizeF() * 0.85));
        painter->setFont(font);
        painter->setPen(opt.palette.color(QPalette::Disabled, QPalette::Text));
        painter->drawText(headerRect.adjusted(8, 0, -8, 0), Qt::AlignLeft | Qt::AlignVCenter,
                          header);
        if (index.row() > 0) {
            painter->setPen(QPen(opt.palette.color(QPalette::Mid), 1));
            painter->drawLine(headerRect.left() + 4, headerRect.top(), headerRect.right() - 4,
                              headerRect.top());
        }
    }
    painter->restore();

    // The row itself: its background over the full width, its text (elided) in what the
    // badges leave.
    QStyleOptionViewItem row = option;
    row.rect = itemRect(opt, index);
    if (!rects.isEmpty()) {
        const QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
        style->drawPrimitive(QStyle::PE_PanelItemViewItem, &row, painter, opt.widget);
        row.rect.setRight(qMax(row.rect.left() + 20, rects.constFirst().left() - 8));
    }
    QStyledItemDelegate::paint(painter, row, index);

    if (rects.isEmpty())
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setFont(badgeFont(opt));
    const bool selected = opt.state & QStyle::State_Selected;
    const QColor text =
        selected ? opt.palette.color(QPalette::HighlightedText) : opt.palette.color(QPalette::Text);
    const QColor base =
        selected ? opt.palette.color(QPalette::Highlight) : opt.palette.color(QPalette::Base);
    const QList<Badge> list = badges(index);
    for (qsizetype i = 0; i < list.size() && i < rects.size(); ++i) {
        const QRectF r = QRectF(rects.at(i)).adjusted(0.5, 0.5, -0.5, -0.5);
        const QColor accent = list.at(i) == Badge::Agent ? opt.palette.color(QPalette::Link)
                                                         : opt.palette.color(QPalette::Mid);
        painter->setPen(QPen(mix(base, accent, 0.9), 1));
        painter->setBrush(mix(base, accent, 0.18));
        painter->drawRoundedRect(r, r.height() / 2, r.height() / 2);
        painter->setPen(mix(base, text, 0.85));
        painter->drawText(rects.at(i), Qt::AlignCenter, badgeText(list.at(i)));
    }
    painter->restore();
}

} // namespace Tramontane
