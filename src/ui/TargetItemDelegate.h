// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QRect>
#include <QStringList>
#include <QStyledItemDelegate>

namespace Tramontane {

//! Draws the rows of the model and agent picker (a ChatTargetModel in a combo box popup): the
//! name, then small capability badges right-aligned ("vision", "tools", "agent"), read from
//! the model's roles. The models come first, the agents after them under an "Agents" header
//! (and the models under a "Models" header when there are both).
class TargetItemDelegate final : public QStyledItemDelegate {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TargetItemDelegate)

public:
    //! A capability a row shows.
    enum class Badge { Vision, Tools, Agent };
    Q_ENUM(Badge)

    explicit TargetItemDelegate(QObject *parent = nullptr);

    //! The badges of a row, in the order they are drawn (left to right), from its roles:
    //! VisionRole, FunctionCallingRole and TargetKindRole.
    static QList<Badge> badges(const QModelIndex &index);
    static QString badgeText(Badge badge);
    //! The group header drawn above a row ("Models", "Agents"), or empty.
    static QString headerText(const QModelIndex &index);

    //! Where each badge of \a index is drawn in option.rect, in badges() order.
    QList<QRect> badgeRects(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    //! The part of option.rect under the header (the whole of it when there is no header).
    QRect itemRect(const QStyleOptionViewItem &option, const QModelIndex &index) const;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

private:
    int headerHeight(const QStyleOptionViewItem &option) const;
};

} // namespace Tramontane
