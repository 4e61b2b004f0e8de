// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The connector editor's headers table driven as a person does: a cell is made current and
// edited in place (its line edit is returned), the secret check box toggled with the space bar.

#include <QAbstractItemModel>
#include <QLineEdit>
#include <QTableView>
#include <QTest>

namespace Tramontane::Test {

//! The line edit of cell (\a row, \a column) of \a view, opened for editing (null when the
//! cell cannot be edited).
inline QLineEdit *headerEditor(QTableView *view, int row, int column) {
    const QModelIndex index = view->model()->index(row, column);
    view->setCurrentIndex(index);
    if (!view->indexWidget(index))
        view->edit(index);
    auto *editor = qobject_cast<QLineEdit *>(view->indexWidget(index));
    if (editor)
        editor->setFocus();
    return editor;
}

//! Whether row \a row's value is marked secret.
inline bool headerIsSecret(QTableView *view, int row) {
    return view->model()->index(row, 2).data(Qt::CheckStateRole).value<Qt::CheckState>()
           == Qt::Checked;
}

//! Ticks or clears row \a row's secret check box, as the space bar on the cell does.
inline void setHeaderSecret(QTableView *view, int row, bool secret) {
    if (headerIsSecret(view, row) == secret)
        return;
    view->setCurrentIndex(view->model()->index(row, 2));
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Space);
}

} // namespace Tramontane::Test
