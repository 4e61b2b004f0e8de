// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/MainWindow.h"
#include "ui_MainWindow.h"

#include "core/SettingsKeys.h"
#include "ui/ShortcutsDialog.h"
#include "ui/UnsavedChangesGuard.h"

#include <QActionGroup>
#include <QCloseEvent>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

using namespace Qt::StringLiterals;

namespace Tramontane {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>()) {
    m_ui->setupUi(this);
    setWindowIcon(QIcon(u":/icons/tramontane.svg"_s));

    auto *navigation = new QActionGroup(this);
    navigation->setExclusive(true);
    const struct {
        QAction *action;
        Page page;
        QString icon;
    } entries[] = {
        {m_ui->showChatAction, Page::Chat, u":/icons/chat.svg"_s},
        {m_ui->showConnectorsAction, Page::Connectors, u":/icons/connectors.svg"_s},
        {m_ui->showAgentsAction, Page::Agents, u":/icons/agents.svg"_s},
        {m_ui->showLibrariesAction, Page::Libraries, u":/icons/libraries.svg"_s},
    };
    for (const auto &e : entries) {
        navigation->addAction(e.action);
        e.action->setIcon(QIcon(e.icon));
        const Page page = e.page;
        connect(e.action, &QAction::triggered, this, [this, page] { showPage(page); });
    }
    m_ui->settingsAction->setIcon(QIcon(u":/icons/settings.svg"_s));
    m_ui->navigationToolBar->setIconSize(QSize(24, 24));

    m_connectionLabel = new QLabel(this);
    m_connectionLabel->setObjectName(u"connectionLabel"_s);
    statusBar()->addPermanentWidget(m_connectionLabel);

    connect(m_ui->settingsAction, &QAction::triggered, this, &MainWindow::settingsRequested);
    connect(m_ui->quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    setShortcutsKeys();
    connect(m_ui->shortcutsAction, &QAction::triggered, this, &MainWindow::showShortcuts);

    QSettings settings;
    restoreGeometry(settings.value(SettingsKeys::windowGeometry).toByteArray());
    restoreState(settings.value(SettingsKeys::windowState).toByteArray());
}

MainWindow::~MainWindow() = default;

void MainWindow::setShortcutsKeys() {
    // F1 as desktops use it, and Ctrl+/ as chat apps do.
    m_ui->shortcutsAction->setShortcuts(
        {QKeySequence(QKeySequence::HelpContents), QKeySequence(u"Ctrl+/"_s)});
}

void MainWindow::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        setShortcutsKeys(); // retranslateUi puts back the form's keys
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::setPage(Page page, QWidget *widget) {
    const int slot = int(page);
    if (QWidget *old = m_pages[slot]) {
        m_ui->pagesStackedWidget->removeWidget(old);
        old->deleteLater();
    }
    m_pages[slot] = widget;
    m_ui->pagesStackedWidget->addWidget(widget);
    if (page == currentPage() || m_ui->pagesStackedWidget->count() == 1)
        showPage(page);
}

QWidget *MainWindow::page(Page page) const {
    return m_pages[int(page)];
}

void MainWindow::showPage(Page page) {
    QAction *actions[] = {m_ui->showChatAction, m_ui->showConnectorsAction, m_ui->showAgentsAction,
                          m_ui->showLibrariesAction};
    actions[int(page)]->setChecked(true);
    if (QWidget *w = m_pages[int(page)])
        m_ui->pagesStackedWidget->setCurrentWidget(w);
    Q_EMIT pageChanged(page);
}

void MainWindow::showWelcome(QWidget *page) {
    if (m_ui->pagesStackedWidget->indexOf(page) < 0)
        m_ui->pagesStackedWidget->addWidget(page);
    m_ui->pagesStackedWidget->setCurrentWidget(page);
    page->setFocus();
}

MainWindow::Page MainWindow::currentPage() const {
    if (m_ui->showConnectorsAction->isChecked())
        return Page::Connectors;
    if (m_ui->showAgentsAction->isChecked())
        return Page::Agents;
    if (m_ui->showLibrariesAction->isChecked())
        return Page::Libraries;
    return Page::Chat;
}

void MainWindow::setConnectionText(const QString &text, const QString &toolTip) {
    m_connectionLabel->setText(text);
    m_connectionLabel->setToolTip(toolTip);
}

void MainWindow::showStatus(const QString &text, int timeoutMs) {
    statusBar()->showMessage(text, timeoutMs);
}

QAction *MainWindow::newChatAction() const {
    return m_ui->newChatAction;
}
QAction *MainWindow::exportMarkdownAction() const {
    return m_ui->exportMarkdownAction;
}
QAction *MainWindow::exportJsonAction() const {
    return m_ui->exportJsonAction;
}
QAction *MainWindow::importJsonAction() const {
    return m_ui->importJsonAction;
}
QAction *MainWindow::settingsAction() const {
    return m_ui->settingsAction;
}
QAction *MainWindow::copyLastAnswerAction() const {
    return m_ui->copyLastAnswerAction;
}
QAction *MainWindow::focusComposerAction() const {
    return m_ui->focusComposerAction;
}
QAction *MainWindow::findAction() const {
    return m_ui->findAction;
}
QAction *MainWindow::findInChatAction() const {
    return m_ui->findInChatAction;
}
QAction *MainWindow::findNextAction() const {
    return m_ui->findNextAction;
}
QAction *MainWindow::findPreviousAction() const {
    return m_ui->findPreviousAction;
}
QAction *MainWindow::pickModelAction() const {
    return m_ui->pickModelAction;
}
QAction *MainWindow::stopAction() const {
    return m_ui->stopAction;
}
QAction *MainWindow::regenerateAction() const {
    return m_ui->regenerateAction;
}
QAction *MainWindow::showAsCodeAction() const {
    return m_ui->showAsCodeAction;
}

QAction *MainWindow::toggleHistoryAction() const {
    return m_ui->toggleHistoryAction;
}

void MainWindow::closeEvent(QCloseEvent *event) {
    QSettings settings;
    settings.setValue(SettingsKeys::windowGeometry, saveGeometry());
    settings.setValue(SettingsKeys::windowState, saveState());
    // Pages with unsaved work (an edited form) may ask the user first.
    for (QWidget *page : m_pages) {
        auto *guard = dynamic_cast<UnsavedChangesGuard *>(page);
        if (guard && !guard->confirmDiscardChanges()) {
            event->ignore();
            return;
        }
    }
    QMainWindow::closeEvent(event);
}

QAction *MainWindow::shortcutsAction() const {
    return m_ui->shortcutsAction;
}

void MainWindow::showShortcuts() {
    // One window, brought forward when asked again.
    auto *dialog = findChild<ShortcutsDialog *>();
    if (!dialog) {
        dialog = new ShortcutsDialog(menuBar(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

void MainWindow::showAbout() {
    QMessageBox::about(
        this, tr("About Tramontane"),
        tr("<h3>Tramontane %1</h3><p>A native desktop client for Mistral AI: chat with models "
           "and agents, generated images inline, MCP connectors and agents in forms.</p>"
           "<p>Secrets are kept in the system keychain.</p>")
            .arg(QApplication::applicationVersion()));
}

} // namespace Tramontane
