// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/chat/ChatHit.h"
#include "ui/markdown/MessageDocument.h"

#include <QElapsedTimer>
#include <QPoint>
#include <QString>

namespace Tramontane {

class ChatFindMatches;

//! What the user is doing in a chat view, in one place: the row and point under the pointer,
//! the target pressed, the target just copied ("Copied" for a moment), the row the keyboard is
//! on, and the selected text (one message at a time, kept by item key). Owned by the view;
//! the delegate reads it to paint and writes the pointer's part from editorEvent(). Which rows
//! are unfolded is kept by the model (ConversationModel::isExpanded), as it outlives views.
struct ChatInteraction {
    static constexpr int kCopiedFeedbackMs = 1500;

    int hoverRow = -1;
    QPoint hoverPos;
    int pressRow = -1;
    ChatHit pressHit;
    int copiedRow = -1;
    ChatHit copiedHit;
    QElapsedTimer copiedTime;
    int keyboardRow = -1;   //!< its buttons show without the pointer over it
    ChatHit keyboardTarget; //!< the button of that row the keyboard is on
    QString selectionKey;
    MessageDocument::TextRange selectionRange;
    //! The matches of "Find in this chat" while its bar is open with a query; null otherwise,
    //! so painting pays nothing for find when it is closed.
    const ChatFindMatches *find = nullptr;

    //! Whether the buttons of \a row show (the pointer or the keyboard is on it).
    bool showsButtons(int row) const { return row == hoverRow || row == keyboardRow; }
    bool isHovered(int row, const QRect &rect) const {
        return row == hoverRow && rect.contains(hoverPos);
    }
    bool isCopied(int row, const ChatHit &hit) const {
        return row == copiedRow && hit.isSameTarget(copiedHit) && copiedTime.isValid()
               && copiedTime.elapsed() < kCopiedFeedbackMs;
    }
    void showCopied(int row, const ChatHit &hit) {
        copiedRow = row;
        copiedHit = hit;
        copiedTime.start();
    }
    bool hasSelection() const { return !selectionKey.isEmpty() && !selectionRange.isEmpty(); }
    //! Rows moved or went: the pointer's rows mean nothing any more.
    void forgetPointer() {
        hoverRow = -1;
        pressRow = -1;
    }
};

} // namespace Tramontane
