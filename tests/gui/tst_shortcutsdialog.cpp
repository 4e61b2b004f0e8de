// SPDX-License-Identifier: GPL-3.0-or-later
// Help › Keyboard Shortcuts (F1, Ctrl+/) lists every shortcut of the window's menus, as the
// menus say them, and narrows the list by command or key.
#include "ui/MainWindow.h"
#include "ui/ShortcutsDialog.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QTest>

using namespace Qt::StringLiterals;
using Tramontane::MainWindow;
using Tramontane::ShortcutsDialog;

class TestShortcutsDialog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void f1AndCtrlSlash_openOneDialog();
    void everyMenuShortcut_isListed();
    void filter_narrowsByCommandOrKey();
};

void TestShortcutsDialog::f1AndCtrlSlash_openOneDialog() {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_F1);
    ShortcutsDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<ShortcutsDialog *>()) && dialog->isVisible());
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_Slash, Qt::ControlModifier);
    QCOMPARE(window.findChildren<ShortcutsDialog *>().size(), 1);
    QVERIFY(dialog->isVisible());
}

void TestShortcutsDialog::everyMenuShortcut_isListed() {
    MainWindow window;
    ShortcutsDialog dialog(window.menuBar());
    const auto listed = dialog.visibleShortcuts();
    int checked = 0;
    const QList<QMenu *> menus = window.menuBar()->findChildren<QMenu *>();
    for (const QMenu *menu : menus) {
        const QList<QAction *> actions = menu->actions();
        for (const QAction *action : actions) {
            if (action->shortcut().isEmpty() || !action->isVisible())
                continue;
            const QString keys = action->shortcut().toString(QKeySequence::NativeText);
            const bool found = std::any_of(listed.begin(), listed.end(), [&](const auto &row) {
                return row.second.contains(keys);
            });
            QVERIFY2(found, qPrintable(action->text() + u' ' + keys));
            ++checked;
        }
    }
    QVERIFY(checked >= 10);
    // As a person reads them: the menu, the command without '&' or '…', the keys.
    QVERIFY(listed.contains(qMakePair(u"File \u203A New Chat"_s, u"Ctrl+N"_s)));
    QVERIFY(listed.contains(qMakePair(u"Help \u203A Keyboard Shortcuts"_s, u"F1, Ctrl+/"_s)));
    // The keys of the chat and the composer, which no menu holds.
    QVERIFY(listed.contains(qMakePair(u"Composer \u203A New line"_s, u"Shift+Enter"_s)));
    // The chat view's row buttons are reached with Tab and pressed with Enter or Space.
    QVERIFY(listed.contains(
        qMakePair(u"Conversation \u203A Next or previous button of a message (copy, edit, retry, "
                  u"open, link)"_s,
                  u"Tab, Shift+Tab"_s)));
    QVERIFY(listed.contains(
        qMakePair(u"Conversation \u203A Press the highlighted button"_s, u"Enter, Space"_s)));
    // Finding in the chat (Ctrl+F) and in every conversation (Ctrl+Shift+F), and the find bar.
    QVERIFY(listed.contains(qMakePair(u"Edit \u203A Find in Chat"_s, u"Ctrl+F"_s)));
    QVERIFY(
        listed.contains(qMakePair(u"Edit \u203A Search All Conversations"_s, u"Ctrl+Shift+F"_s)));
    QVERIFY(listed.contains(qMakePair(u"Edit \u203A Find Next"_s, u"F3"_s)));
    QVERIFY(listed.contains(
        qMakePair(u"Find in this chat \u203A Previous match"_s, u"Shift+Enter, Shift+F3"_s)));
}

void TestShortcutsDialog::filter_narrowsByCommandOrKey() {
    MainWindow window;
    ShortcutsDialog dialog(window.menuBar());
    auto *filter = dialog.findChild<QLineEdit *>(u"filterLineEdit"_s);
    auto *noMatch = dialog.findChild<QLabel *>(u"noMatchLabel"_s);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(!noMatch->isVisible());
    filter->setText(u"ctrl+k"_s);
    const auto byKey = dialog.visibleShortcuts();
    QCOMPARE(byKey.size(), 1);
    QCOMPARE(byKey.first().second, u"Ctrl+K"_s);
    filter->setText(u"regenerate"_s);
    QCOMPARE(dialog.visibleShortcuts().size(), 1);
    filter->setText(u"no such command"_s);
    QVERIFY(dialog.visibleShortcuts().isEmpty());
    QVERIFY(noMatch->isVisible());
    filter->clear();
    QVERIFY(dialog.visibleShortcuts().size() > 10);
    QVERIFY(!noMatch->isVisible());
}

QTEST_MAIN(TestShortcutsDialog)
#include "tst_shortcutsdialog.moc"
