// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ShortcutsDialog.h"

#include "ui_ShortcutsDialog.h"

#include <QAction>
#include <QKeySequence>
#include <QMenu>
#include <QMenuBar>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

// "&Regenerate Answer…" as a person reads it: no accelerator marker, no ellipsis.
QString plainText(QString text) {
    text.replace(u"&&"_s, u"\x01"_s).remove(u'&').replace(u'\x01', u'&');
    if (text.endsWith(u'…'))
        text.chop(1);
    return text.trimmed();
}

QString keysOf(const QAction *action) {
    QStringList keys;
    const QList<QKeySequence> shortcuts = action->shortcuts();
    for (const QKeySequence &sequence : shortcuts)
        keys.append(sequence.toString(QKeySequence::NativeText));
    return keys.join(u", "_s);
}

void collect(const QMenu *menu, QList<QPair<QString, QString>> *rows) {
    const QList<QAction *> actions = menu->actions();
    for (const QAction *action : actions) {
        if (action->isSeparator() || !action->isVisible())
            continue;
        if (const QMenu *sub = action->menu()) {
            collect(sub, rows);
            continue;
        }
        if (!action->shortcuts().isEmpty())
            rows->append({plainText(action->text()), keysOf(action)});
    }
}

} // namespace

ShortcutsDialog::ShortcutsDialog(const QMenuBar *menus, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ShortcutsDialog>()) {
    m_ui->setupUi(this);
    m_ui->noMatchLabel->hide();
    if (menus) {
        const QList<QAction *> titles = menus->actions();
        for (const QAction *title : titles) {
            if (const QMenu *menu = title->menu()) {
                QList<QPair<QString, QString>> rows;
                collect(menu, &rows);
                addGroup(plainText(menu->title()), rows);
            }
        }
    }
    // Key names as Qt spells them in the interface's language ("Maj+Entrée" in French).
    const auto keys = [](std::initializer_list<QKeyCombination> combinations) {
        QStringList names;
        for (const QKeyCombination combination : combinations)
            names.append(QKeySequence(combination).toString(QKeySequence::NativeText));
        return names.join(u", "_s);
    };
    addGroup(tr("Composer"),
             {{tr("Send the message"), keys({Qt::Key_Enter})},
              {tr("New line"), keys({Qt::SHIFT | Qt::Key_Enter})},
              {tr("Stop the answer, or stop editing a message"), keys({Qt::Key_Escape})}});
    addGroup(tr("Conversation"),
             {{tr("Copy the selected text"),
               QKeySequence(QKeySequence::Copy).toString(QKeySequence::NativeText)},
              {tr("Clear the selection"), keys({Qt::Key_Escape})},
              {tr("Scroll"), keys({Qt::Key_Up, Qt::Key_Down, Qt::Key_PageUp, Qt::Key_PageDown})},
              {tr("Top and bottom of the chat"), keys({Qt::Key_Home, Qt::Key_End})},
              {tr("Next or previous button of a message (copy, edit, retry, open, link)"),
               keys({Qt::Key_Tab, Qt::SHIFT | Qt::Key_Tab})},
              {tr("Press the highlighted button"), keys({Qt::Key_Enter, Qt::Key_Space})}});
    addGroup(tr("Find in this chat"),
             {{tr("Next match"), keys({Qt::Key_Enter, Qt::Key_F3})},
              {tr("Previous match"), keys({Qt::SHIFT | Qt::Key_Enter, Qt::SHIFT | Qt::Key_F3})},
              {tr("Close the find bar"), keys({Qt::Key_Escape})}});
    m_ui->shortcutsTreeWidget->expandAll();
    m_ui->shortcutsTreeWidget->resizeColumnToContents(0);
    connect(m_ui->filterLineEdit, &QLineEdit::textChanged, this, &ShortcutsDialog::setFilter);
}

ShortcutsDialog::~ShortcutsDialog() = default;

void ShortcutsDialog::addGroup(const QString &title, const QList<QPair<QString, QString>> &rows) {
    if (rows.isEmpty())
        return;
    auto *group = new QTreeWidgetItem(m_ui->shortcutsTreeWidget, {title});
    QFont bold = group->font(0);
    bold.setBold(true);
    group->setFont(0, bold);
    group->setFirstColumnSpanned(true);
    for (const auto &[command, keys] : rows)
        new QTreeWidgetItem(group, {command, keys});
}

void ShortcutsDialog::setFilter(const QString &text) {
    const QString needle = text.trimmed();
    bool any = false;
    QTreeWidget *tree = m_ui->shortcutsTreeWidget;
    for (int g = 0; g < tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = tree->topLevelItem(g);
        bool groupShown = false;
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem *row = group->child(i);
            const bool shown = needle.isEmpty()
                               || row->text(0).contains(needle, Qt::CaseInsensitive)
                               || row->text(1).contains(needle, Qt::CaseInsensitive);
            row->setHidden(!shown);
            groupShown = groupShown || shown;
        }
        group->setHidden(!groupShown);
        any = any || groupShown;
    }
    m_ui->noMatchLabel->setVisible(!any);
}

QList<QPair<QString, QString>> ShortcutsDialog::visibleShortcuts() const {
    QList<QPair<QString, QString>> shown;
    const QTreeWidget *tree = m_ui->shortcutsTreeWidget;
    for (int g = 0; g < tree->topLevelItemCount(); ++g) {
        const QTreeWidgetItem *group = tree->topLevelItem(g);
        if (group->isHidden())
            continue;
        for (int i = 0; i < group->childCount(); ++i) {
            const QTreeWidgetItem *row = group->child(i);
            if (!row->isHidden())
                shown.append({group->text(0) + u" \u203A "_s + row->text(0), row->text(1)});
        }
    }
    return shown;
}

} // namespace Tramontane
