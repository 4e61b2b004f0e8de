// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/history/ConversationDelegate.h"

#include "models/Roles.h"

#include <QApplication>
#include <QPainter>

namespace Tramontane {

namespace {

constexpr int kRowPadding = 5;    // above and below the title
constexpr int kHeaderPadding = 6; // around a group header's text

QFont headerFont(const QFont &base) {
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * 0.85);
    font.setBold(true);
    return font;
}

} // namespace

ConversationDelegate::ConversationDelegate(QObject *parent)
    : QStyledItemDelegate(parent) {}

int ConversationDelegate::headerHeight(const QStyleOptionViewItem &option) {
    return QFontMetrics(headerFont(option.font)).height() + 2 * kHeaderPadding;
}

QRect ConversationDelegate::itemRect(const QStyleOptionViewItem &option, const QModelIndex &index) {
    QRect rect = option.rect;
    if (index.data(Roles::ConversationGroupStartRole).toBool())
        rect.setTop(rect.top() + headerHeight(option));
    return rect;
}

void ConversationDelegate::initStyleOption(QStyleOptionViewItem *option,
                                           const QModelIndex &index) const {
    QStyledItemDelegate::initStyleOption(option, index);
    option->textElideMode = Qt::ElideRight;
    option->features &= ~QStyleOptionViewItem::WrapText;
}

void ConversationDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QRect item = itemRect(option, index);
    if (item.top() != option.rect.top()) {
        painter->save();
        painter->setFont(headerFont(option.font));
        painter->setPen(option.palette.color(QPalette::Disabled, QPalette::Text));
        const QRect header(option.rect.left() + kHeaderPadding, option.rect.top(),
                           option.rect.width() - 2 * kHeaderPadding,
                           item.top() - option.rect.top());
        painter->drawText(header, Qt::AlignLeft | Qt::AlignBottom | Qt::TextSingleLine,
                          index.data(Roles::ConversationDayGroupRole).toString());
        painter->restore();
    }
    opt.rect = item;
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
}

QSize ConversationDelegate::sizeHint(const QStyleOptionViewItem &option,
                                     const QModelIndex &index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    QSize size = QStyledItemDelegate::sizeHint(opt, index);
    size.setHeight(qMax(size.height(), opt.fontMetrics.height() + 2 * kRowPadding));
    if (index.data(Roles::ConversationGroupStartRole).toBool())
        size.setHeight(size.height() + headerHeight(option));
    size.setWidth(qMin(size.width(), 120)); // titles elide: never widen the sidebar
    return size;
}

void ConversationDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                                                const QModelIndex &index) const {
    QStyleOptionViewItem opt = option;
    opt.rect = itemRect(option, index);
    QStyledItemDelegate::updateEditorGeometry(editor, opt, index);
}

} // namespace Tramontane
