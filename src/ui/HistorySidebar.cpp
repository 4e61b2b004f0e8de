// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/HistorySidebar.h"
#include "ui_HistorySidebar.h"

#include "models/ConversationListModel.h"
#include "models/ConversationSearchModel.h"
#include "models/Roles.h"
#include "ui/history/ConversationDelegate.h"
#include "ui/history/SearchHitDelegate.h"

#include <QAction>
#include <QKeyEvent>
#include <QMenu>
#include <QScopedValueRollback>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

constexpr int kSearchDelayMs = 150;
constexpr int kUndoBarMs = 10000;

} // namespace

HistorySidebar::HistorySidebar(ConversationListModel *conversations,
                               ConversationSearchModel *search, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::HistorySidebar>())
    , m_conversations(conversations)
    , m_search(search) {
    m_ui->setupUi(this);
    QListView *list = m_ui->conversationListView;
    // Connected before the view's own handlers: when the selected row goes, a single-selection
    // view selects the next one, which must not open it. The open conversation stays
    // highlighted, the keyboard's current row where the view put it.
    connect(conversations, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this] { m_selecting = true; });
    connect(conversations, &QAbstractItemModel::rowsRemoved, this, [this] {
        m_selecting = false;
        selectRow(m_current != 0 ? m_conversations->rowOf(m_current) : -1, false);
    });
    list->setModel(conversations);
    list->setItemDelegate(new ConversationDelegate(list));
    QListView *hits = m_ui->searchResultsListView;
    hits->setModel(search);
    hits->setItemDelegate(new SearchHitDelegate(hits));
    m_ui->searchLineEdit->installEventFilter(this);

    connect(m_ui->newChatPushButton, &QPushButton::clicked, this,
            &HistorySidebar::newChatRequested);

    // Opening follows the selection (a click, the arrow keys); Enter opens the current row.
    connect(list->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (m_selecting)
            return;
        const QModelIndexList selected =
            m_ui->conversationListView->selectionModel()->selectedIndexes();
        if (!selected.isEmpty())
            openIndex(selected.first());
    });
    connect(list, &QAbstractItemView::activated, this, &HistorySidebar::openIndex);
    connect(list, &QWidget::customContextMenuRequested, this, &HistorySidebar::showContextMenu);
    connect(hits, &QAbstractItemView::clicked, this, &HistorySidebar::openHit);
    connect(hits, &QAbstractItemView::activated, this, &HistorySidebar::openHit);

    auto *deleteAction = new QAction(list);
    deleteAction->setObjectName(u"deleteConversationAction"_s);
    deleteAction->setShortcut(QKeySequence::Delete);
    deleteAction->setShortcutContext(Qt::WidgetShortcut);
    connect(deleteAction, &QAction::triggered, this, [this] {
        const QModelIndex current = m_ui->conversationListView->currentIndex();
        if (current.isValid())
            deleteConversation(current.data(Roles::ConversationIdRole).toLongLong());
    });
    list->addAction(deleteAction);
    auto *undoAction = new QAction(this);
    undoAction->setObjectName(u"undoDeleteAction"_s);
    undoAction->setShortcut(QKeySequence::Undo);
    undoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(undoAction, &QAction::triggered, this, &HistorySidebar::undoDelete);
    addAction(undoAction);
    nameActions();
    connect(m_ui->undoPushButton, &QPushButton::clicked, this, &HistorySidebar::undoDelete);
    m_undoTimer.setSingleShot(true);
    m_undoTimer.setInterval(kUndoBarMs);
    connect(&m_undoTimer, &QTimer::timeout, m_ui->undoFrame, &QWidget::hide);

    m_searchTimer.setSingleShot(true);
    m_searchTimer.setInterval(kSearchDelayMs);
    connect(&m_searchTimer, &QTimer::timeout, this, &HistorySidebar::runSearch);
    connect(m_ui->searchLineEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.trimmed().isEmpty()) {
            m_searchTimer.stop();
            m_search->setQuery({});
            showSearch(false);
        } else {
            m_searchTimer.start();
        }
    });

    connect(conversations, &ConversationListModel::errorOccurred, this,
            &HistorySidebar::statusMessage);
    connect(search, &ConversationSearchModel::errorOccurred, this, &HistorySidebar::statusMessage);
    for (QAbstractItemModel *model : {static_cast<QAbstractItemModel *>(conversations),
                                      static_cast<QAbstractItemModel *>(search)}) {
        connect(model, &QAbstractItemModel::rowsInserted, this,
                &HistorySidebar::updatePlaceholders);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &HistorySidebar::updatePlaceholders);
        connect(model, &QAbstractItemModel::modelReset, this, &HistorySidebar::updatePlaceholders);
    }
    updatePlaceholders();
    setFocusProxy(list);
}

HistorySidebar::~HistorySidebar() = default;

QListView *HistorySidebar::conversationView() const {
    return m_ui->conversationListView;
}

QListView *HistorySidebar::searchResultsView() const {
    return m_ui->searchResultsListView;
}

QLineEdit *HistorySidebar::searchField() const {
    return m_ui->searchLineEdit;
}

void HistorySidebar::setCurrentConversation(qint64 id) {
    m_current = id;
    selectRow(id == 0 ? -1 : m_conversations->loadUntil(id));
}

void HistorySidebar::selectRow(int row, bool makeCurrent) {
    QScopedValueRollback guard(m_selecting, true);
    QItemSelectionModel *selection = m_ui->conversationListView->selectionModel();
    if (row < 0) {
        selection->clearSelection();
        return;
    }
    const QModelIndex index = m_conversations->index(row);
    if (!makeCurrent) {
        selection->select(index, QItemSelectionModel::ClearAndSelect);
        return;
    }
    selection->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    m_ui->conversationListView->scrollTo(index);
}

void HistorySidebar::focusSearch() {
    m_ui->searchLineEdit->setFocus(Qt::ShortcutFocusReason);
    m_ui->searchLineEdit->selectAll();
}

void HistorySidebar::openIndex(const QModelIndex &index) {
    const qint64 id = index.data(Roles::ConversationIdRole).toLongLong();
    if (id == 0 || id == m_current)
        return;
    m_current = id;
    Q_EMIT conversationActivated(id);
}

void HistorySidebar::openHit(const QModelIndex &index) {
    if (!index.isValid())
        return;
    Q_EMIT searchHitActivated(index.data(Roles::ConversationIdRole).toLongLong(),
                              index.data(Roles::SearchMessageIdRole).toLongLong());
}

// --- Search ------------------------------------------------------------------------------------

void HistorySidebar::runSearch() {
    const QString text = m_ui->searchLineEdit->text();
    if (text.trimmed().isEmpty())
        return;
    m_search->setQuery(text);
    showSearch(true);
    QListView *hits = m_ui->searchResultsListView;
    if (!hits->currentIndex().isValid() && m_search->rowCount() > 0)
        hits->setCurrentIndex(m_search->index(0));
}

void HistorySidebar::showSearch(bool search) {
    m_ui->listStackedWidget->setCurrentWidget(search ? m_ui->searchPage : m_ui->conversationsPage);
    updatePlaceholders();
}

void HistorySidebar::updatePlaceholders() {
    m_ui->emptyLabel->setVisible(m_conversations->rowCount() == 0);
    m_ui->noResultsLabel->setVisible(m_search->rowCount() == 0 && !m_search->query().isEmpty());
}

// --- Rename, pin, delete -----------------------------------------------------------------------

void HistorySidebar::renameConversation(qint64 id) {
    const int row = m_conversations->rowOf(id);
    if (row < 0)
        return;
    showSearch(false);
    m_ui->conversationListView->setFocus();
    m_ui->conversationListView->edit(m_conversations->index(row));
}

void HistorySidebar::togglePinned(qint64 id) {
    const int row = m_conversations->rowOf(id);
    if (row >= 0)
        m_conversations->setPinned(id, !m_conversations->info(row).pinned);
}

void HistorySidebar::deleteConversation(qint64 id) {
    const int row = m_conversations->rowOf(id);
    const QString title = row >= 0 ? m_conversations->index(row).data().toString() : QString();
    if (!m_conversations->remove(id))
        return;
    m_deleted.append(id);
    m_ui->undoLabel->setText(tr("Deleted “%1”.").arg(title));
    m_ui->undoLabel->setToolTip(m_ui->undoLabel->text());
    m_ui->undoFrame->show();
    m_undoTimer.start();
}

bool HistorySidebar::undoDelete() {
    if (m_deleted.isEmpty())
        return false;
    const qint64 id = m_deleted.takeLast();
    m_ui->undoFrame->hide();
    m_undoTimer.stop();
    if (!m_conversations->undoRemove(id))
        return false;
    Q_EMIT statusMessage(tr("The conversation is back."));
    const int row = m_conversations->rowOf(id);
    if (row >= 0)
        m_ui->conversationListView->scrollTo(m_conversations->index(row));
    return true;
}

void HistorySidebar::showContextMenu(const QPoint &pos) {
    const QModelIndex index = m_ui->conversationListView->indexAt(pos);
    if (!index.isValid())
        return;
    const qint64 id = index.data(Roles::ConversationIdRole).toLongLong();
    const bool pinned = index.data(Roles::ConversationPinnedRole).toBool();
    QMenu menu(this);
    menu.setObjectName(u"conversationContextMenu"_s);
    menu.addAction(tr("Open"), this, [this, index] { openIndex(index); });
    QAction *rename = menu.addAction(tr("Rename"), this, [this, id] { renameConversation(id); });
    rename->setShortcut(Qt::Key_F2);
    menu.addAction(pinned ? tr("Unpin") : tr("Pin"), this, [this, id] { togglePinned(id); });
    menu.addSeparator();
    QAction *remove = menu.addAction(tr("Delete"), this, [this, id] { deleteConversation(id); });
    remove->setShortcut(QKeySequence::Delete);
    menu.exec(m_ui->conversationListView->viewport()->mapToGlobal(pos));
}

// --- Keys --------------------------------------------------------------------------------------

void HistorySidebar::nameActions() {
    if (auto *remove = findChild<QAction *>(u"deleteConversationAction"_s))
        remove->setText(tr("Delete"));
    if (auto *undo = findChild<QAction *>(u"undoDeleteAction"_s))
        undo->setText(tr("Undo Delete"));
}

void HistorySidebar::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        nameActions();
    }
    QWidget::changeEvent(event);
}

bool HistorySidebar::eventFilter(QObject *watched, QEvent *event) {
    if (event->type() == QEvent::ShortcutOverride && watched == m_ui->searchLineEdit) {
        // Esc clears the search here before it reaches the window's Esc (stop the answer).
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape && !m_ui->searchLineEdit->text().isEmpty()) {
            event->accept();
            return true;
        }
    }
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
    if (watched == m_ui->searchLineEdit) {
        QListView *hits = m_ui->searchResultsListView;
        const bool searching = m_ui->listStackedWidget->currentWidget() == m_ui->searchPage;
        if (key->key() == Qt::Key_Escape) {
            m_ui->searchLineEdit->clear();
            m_ui->conversationListView->setFocus(Qt::ShortcutFocusReason);
            return true;
        }
        if (enter) {
            if (m_searchTimer.isActive()) { // typed faster than the pause: search now
                m_searchTimer.stop();
                runSearch();
            }
            openHit(hits->currentIndex());
            return true;
        }
        if (key->key() == Qt::Key_Down || key->key() == Qt::Key_Up) {
            if (!searching) {
                m_ui->conversationListView->setFocus(Qt::TabFocusReason);
                return true;
            }
            hits->setFocus(Qt::TabFocusReason);
            if (!hits->currentIndex().isValid() && m_search->rowCount() > 0)
                hits->setCurrentIndex(m_search->index(0));
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Tramontane
