// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ConnectorHeaderDelegate.h"

#include "models/ConnectorHeadersModel.h"
#include "models/Roles.h"

#include <QApplication>
#include <QLineEdit>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace Tramontane {

ConnectorHeaderDelegate::ConnectorHeaderDelegate(QObject *parent)
    : QStyledItemDelegate(parent) {}

QWidget *ConnectorHeaderDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                               const QModelIndex &index) const {
    if (index.column() != ConnectorHeadersModel::NameColumn
        && index.column() != ConnectorHeadersModel::ValueColumn)
        return nullptr;
    auto *editor = new QLineEdit(parent);
    editor->setObjectName(index.column() == ConnectorHeadersModel::NameColumn
                              ? u"headerNameLineEdit"_s
                              : u"headerValueLineEdit"_s);
    editor->setFrame(false);
    // The model follows the typing: what the form checks and saves is always what is shown.
    connect(editor, &QLineEdit::textEdited, this, [this, editor] {
        Q_EMIT const_cast<ConnectorHeaderDelegate *>(this)->commitData(editor);
    });
    return editor;
}

void ConnectorHeaderDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const {
    auto *line = qobject_cast<QLineEdit *>(editor);
    if (!line)
        return;
    const bool secret = index.column() == ConnectorHeadersModel::ValueColumn
                        && index.data(Roles::HeaderSecretRole).toBool();
    line->setEchoMode(secret ? QLineEdit::Password : QLineEdit::Normal);
    line->setPlaceholderText(index.data(Roles::HeaderPlaceholderRole).toString());
    line->setToolTip(index.data(Qt::ToolTipRole).toString());
    // Unchanged text is not set again: the cursor stays where the user types.
    if (const QString text = index.data(Qt::EditRole).toString(); line->text() != text)
        line->setText(text);
}

void ConnectorHeaderDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                           const QModelIndex &index) const {
    if (auto *line = qobject_cast<QLineEdit *>(editor))
        model->setData(index, line->text(), Qt::EditRole);
}

void ConnectorHeaderDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                    const QModelIndex &index) const {
    QStyledItemDelegate::paint(painter, option, index);
    if (!index.data(Qt::DisplayRole).toString().isEmpty())
        return;
    const QString placeholder = index.data(Roles::HeaderPlaceholderRole).toString();
    if (placeholder.isEmpty())
        return;
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    const QRect text = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
    painter->save();
    QColor colour = opt.palette.color(QPalette::PlaceholderText);
    if (opt.state & QStyle::State_Selected) {
        // Readable on the highlight, but not mistaken for typed text.
        const QColor text = opt.palette.color(QPalette::HighlightedText);
        const QColor back = opt.palette.color(QPalette::Highlight);
        colour = QColor::fromRgbF((text.redF() * 2 + back.redF()) / 3,
                                  (text.greenF() * 2 + back.greenF()) / 3,
                                  (text.blueF() * 2 + back.blueF()) / 3);
    }
    painter->setPen(colour);
    painter->setFont(opt.font);
    painter->drawText(text, int(Qt::AlignLeft | Qt::AlignVCenter),
                      opt.fontMetrics.elidedText(placeholder, Qt::ElideRight, text.width()));
    painter->restore();
}

} // namespace Tramontane
