// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include <memory>

class QMenuBar;

namespace Tramontane {

namespace Ui {
class ShortcutsDialog;
}

//! Every keyboard shortcut of the window, grouped by menu as the menus say them, then the keys
//! of the chat and the composer; a field narrows the list by command or key. Built from the
//! menus themselves, so it never lists a shortcut the window does not have.
class ShortcutsDialog final : public QDialog {
    Q_OBJECT

public:
    explicit ShortcutsDialog(const QMenuBar *menus, QWidget *parent = nullptr);
    ~ShortcutsDialog() override;

    //! Shows only the commands whose name or keys contain \a text (all when it is empty).
    void setFilter(const QString &text);
    //! Commands shown now, for tests: "Menu › Command" -> keys.
    QList<QPair<QString, QString>> visibleShortcuts() const;

private:
    void addGroup(const QString &title, const QList<QPair<QString, QString>> &rows);

    std::unique_ptr<Ui::ShortcutsDialog> m_ui;
};

} // namespace Tramontane
