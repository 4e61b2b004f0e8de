// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QWidget;

namespace Tramontane {

class ChatFindBar;
class ChatFindMatches;
class ChatView;

//! "Find in this chat": ties the find bar to the matches and the chat view. Opening shows the
//! bar and focuses it; typing searches the whole conversation (ChatFindMatches) and makes the
//! first match from the top of the view the current one; next and previous move through the
//! matches (wrapping), scroll the view to the current one and unfold the thinking or tool card
//! it is in. A match in older messages not loaded yet asks for them (olderRowsWanted(), a page
//! at a time) until its row is there. Closing hides the bar, stops painting the matches and
//! gives the focus back to where it was.
class ChatFind final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatFind)

public:
    ChatFind(ChatView *view, ChatFindBar *bar, QObject *parent = nullptr);
    ~ChatFind() override;

    ChatFindBar *bar() const { return m_bar; }
    ChatFindMatches *matches() const { return m_matches; }
    bool isOpen() const;

public Q_SLOTS:
    //! Shows the bar (or focuses it again) with its text selected.
    void open();
    void close();
    void findNext();
    void findPrevious();

Q_SIGNALS:
    //! The current match is in messages older than the loaded ones: load the page before.
    void olderRowsWanted();

private:
    void search();
    void onMatchesChanged();
    void revealCurrent();
    QString firstVisibleKey() const;

    ChatView *m_view;
    ChatFindBar *m_bar;
    ChatFindMatches *m_matches;
    QPointer<QWidget> m_returnFocus; // where the focus was before the bar took it
    QString m_wanted;                // the key of a current match still to be loaded
    bool m_revealing = false;
};

} // namespace Tramontane
