// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace Tramontane {

//! Edits and paints the cells of a ConnectorHeadersModel: a frameless line edit per name or
//! value (a secret value typed as a password), whose text reaches the model as it is typed,
//! and the model's placeholder (Roles::HeaderPlaceholderRole) in an empty cell.
class ConnectorHeaderDelegate final : public QStyledItemDelegate {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectorHeaderDelegate)

public:
    explicit ConnectorHeaderDelegate(QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
};

} // namespace Tramontane
