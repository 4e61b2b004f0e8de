// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTimer>
#include <QWidget>

#include <memory>

class QAction;
class QListView;
class QLineEdit;

namespace Tramontane {

namespace Ui {
class HistorySidebar;
}

class ConversationListModel;
class ConversationSearchModel;

//! The conversation history at the left of the chat: "New chat", a search field and the
//! conversations grouped by day, the open one highlighted. Keyboard first: arrows move through
//! the conversations and open them, F2 renames in place, Del deletes (Ctrl+Z or the Undo bar
//! brings it back), Ctrl+Shift+F (or Ctrl+F within the sidebar) searches; typing there shows the
//! matching messages instead (after a short pause), Enter or a click opens the hit, Esc clears the
//! search.
//!
//! The sidebar only asks: opening a conversation, starting a new chat are for the app to do;
//! renames, pins and deletes go to the list model (and so to the store).
class HistorySidebar final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistorySidebar)

public:
    HistorySidebar(ConversationListModel *conversations, ConversationSearchModel *search,
                   QWidget *parent = nullptr);
    ~HistorySidebar() override;

    //! Highlights the open conversation (0: none, a new chat). Emits nothing.
    void setCurrentConversation(qint64 id);
    qint64 currentConversation() const { return m_current; }

    //! Focuses the search field and selects its text (Ctrl+Shift+F).
    void focusSearch();
    //! The pause between typing and searching (default 150 ms).
    void setSearchDelay(int ms) { m_searchTimer.setInterval(ms); }

    void renameConversation(qint64 id);
    void togglePinned(qint64 id);
    void deleteConversation(qint64 id);
    //! Brings back the last conversation deleted here; false when there is none.
    bool undoDelete();

    QListView *conversationView() const;
    QListView *searchResultsView() const;
    QLineEdit *searchField() const;

Q_SIGNALS:
    //! The user picked a conversation to open.
    void conversationActivated(qint64 conversationId);
    //! The user picked a search hit: open the conversation at that message.
    void searchHitActivated(qint64 conversationId, qint64 messageId);
    void newChatRequested();
    //! A sentence for the status bar (e.g. a failed rename).
    void statusMessage(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    //! A new language: the form's words (the menus are made when opened).
    void changeEvent(QEvent *event) override;

private:
    void runSearch();
    void showSearch(bool search);
    void openIndex(const QModelIndex &index);
    void openHit(const QModelIndex &index);
    void showContextMenu(const QPoint &pos);
    void updatePlaceholders();
    //! The names of the Delete and Undo Delete actions, in the current language.
    void nameActions();
    //! Selects \a row (-1: nothing); \a makeCurrent also moves the keyboard's row there.
    void selectRow(int row, bool makeCurrent = true);

    std::unique_ptr<Ui::HistorySidebar> m_ui;
    ConversationListModel *m_conversations;
    ConversationSearchModel *m_search;
    QTimer m_searchTimer;
    QTimer m_undoTimer;
    QList<qint64> m_deleted; // deleted here, newest last: what Ctrl+Z brings back
    qint64 m_current = 0;
    bool m_selecting = false; // our own selection change: not the user's
};

} // namespace Tramontane
