// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

#include <memory>

class QAction;
class QLabel;

namespace Tramontane {

namespace Ui {
class MainWindow;
}

//! The main window: a navigation rail (Chat, Connectors, Agents, Libraries, Settings), the pages in
//! a stack, the menus with their standard shortcuts, and a status bar saying what the app is
//! connected to. Pages are built by the composition root and handed in; the window knows no
//! service.
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    enum class Page { Chat, Connectors, Agents, Libraries };
    Q_ENUM(Page)

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void setPage(Page page, QWidget *widget);
    QWidget *page(Page page) const;
    void showPage(Page page);
    //! Shows \a page (the welcome page of a first start) in place of the pages until a page is
    //! shown again with showPage().
    void showWelcome(QWidget *page);
    Page currentPage() const;

    //! The connection shown at the right of the status bar, e.g. "Offline demo".
    void setConnectionText(const QString &text, const QString &toolTip = {});
    //! A transient message in the status bar.
    void showStatus(const QString &text, int timeoutMs = 5000);

    // The menu actions, for the pages and the composition root to connect.
    QAction *newChatAction() const;
    QAction *exportMarkdownAction() const;
    QAction *exportJsonAction() const;
    QAction *importJsonAction() const;
    QAction *settingsAction() const;
    QAction *copyLastAnswerAction() const;
    QAction *focusComposerAction() const;
    //! Edit › Search All Conversations (the history's search, Ctrl+Shift+F).
    QAction *findAction() const;
    //! Edit › Find in Chat (Ctrl+F), Find Next (F3), Find Previous (Shift+F3).
    QAction *findInChatAction() const;
    QAction *findNextAction() const;
    QAction *findPreviousAction() const;
    QAction *pickModelAction() const;
    QAction *stopAction() const;
    QAction *regenerateAction() const;
    QAction *showAsCodeAction() const;
    QAction *toggleHistoryAction() const;
    //! Help › Keyboard Shortcuts (F1, Ctrl+/).
    QAction *shortcutsAction() const;

Q_SIGNALS:
    void pageChanged(Tramontane::MainWindow::Page page);
    void settingsRequested();

protected:
    void closeEvent(QCloseEvent *event) override;
    //! A new language (Settings): the menus, tool bar and title say it at once.
    void changeEvent(QEvent *event) override;

private:
    void setShortcutsKeys();
    void showAbout();
    void showShortcuts();

    std::unique_ptr<Ui::MainWindow> m_ui;
    QLabel *m_connectionLabel = nullptr;
    QWidget *m_pages[4] = {};
};

} // namespace Tramontane
