// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace Tramontane {

//! Paints a row of the conversation list: its day group's header above the first row of each
//! group (ConversationGroupStartRole), then the title as a native item. The inline editor
//! (rename) covers the title only.
class ConversationDelegate final : public QStyledItemDelegate {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationDelegate)

public:
    explicit ConversationDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const override;

    //! The part of a row's \a rect showing the conversation (below its group header).
    static QRect itemRect(const QStyleOptionViewItem &option, const QModelIndex &index);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    static int headerHeight(const QStyleOptionViewItem &option);
};

} // namespace Tramontane
