// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/chat/ChatDelegate.h"
#include "ui/markdown/MessageDocument.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPoint>
#include <QTimer>

namespace Tramontane {

class ChatView;
struct ChatInteraction;

//! Selecting text in a chat view with the mouse, one message at a time: a drag (scrolling when
//! it goes past the top or bottom edge), a double-click for a word, a triple-click for a
//! paragraph. Links and buttons keep their clicks. The selection itself is kept in the view's
//! ChatInteraction (by item key, so it survives rows moving), where the delegate paints it.
class ChatTextSelection final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatTextSelection)

public:
    ChatTextSelection(ChatView *view, ChatInteraction *state);

    //! A left press at \a pos: drops the selection, starts a drag over text (or selects the
    //! paragraph on the third click).
    void press(const QPoint &pos);
    //! The pointer moved with \a buttons down: extends a drag under way. False when there is
    //! none (the view handles the move).
    bool move(const QPoint &pos, Qt::MouseButtons buttons);
    //! The left button was released at \a pos.
    void release(const QPoint &pos);
    //! A left double-click at \a pos: selects the word there.
    void doubleClick(const QPoint &pos);
    //! Forgets a drag under way (the rows were replaced).
    void cancel();

    QString selectedText() const;
    bool hasSelection() const;
    void clear();
    //! The text of row \a row as drawn now.
    ChatDelegate::TextArea textAreaAt(int row) const;

private:
    //! The selectable text under \a pos (not a link or a button), or none.
    ChatDelegate::TextArea selectableTextAt(const QPoint &pos) const;
    void select(const QString &key, MessageDocument::TextRange range);
    void extend(const QPoint &pos);
    void autoScroll();
    int selectedRow() const;

    ChatView *m_view;
    ChatInteraction *m_state;
    bool m_selecting = false;
    qsizetype m_anchor = 0;
    mutable int m_rowHint = -1;
    QElapsedTimer m_doubleClickTime; // the double-click a third click would extend
    QPoint m_doubleClickPos;
    QPoint m_pointer; // last pointer position of the drag
    QTimer m_scroll;  // scrolls while the drag is above or below the viewport
};

} // namespace Tramontane
