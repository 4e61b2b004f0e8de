// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/chat/ChatHit.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <optional>

namespace Tramontane {

class ChatView;
struct ChatInteraction;

//! The row buttons of a chat view from the keyboard and for assistive technology: Tab and
//! Shift+Tab move through the buttons of the rows on screen (the view presses the one reached
//! with Enter or Space), the focus ring is painted around it, and each row's buttons and links
//! get names a screen reader offers as actions. Where the keyboard is, is kept in the view's
//! ChatInteraction.
class ChatKeyboardTargets final {
    Q_DECLARE_TR_FUNCTIONS(ChatKeyboardTargets)

public:
    ChatKeyboardTargets(ChatView *view, ChatInteraction *state);

    //! Moves the keyboard to the next (or previous) button on screen; false past the last.
    bool move(bool next);
    //! Puts the keyboard on \a target of \a row (-1: on no button).
    void setTarget(int row, const ChatHit &target);
    //! Paints the focus ring around the target the keyboard is on, where it is now.
    void paintFocus();
    //! The buttons of \a row in reading order, named as assistive technology offers them
    //! ("Copy message", "Open link https://…"); a name that repeats in the row gets its number.
    QStringList actionNames(int row) const;
    //! The target of \a row named \a name, where it is now.
    std::optional<ChatHit> targetNamed(int row, const QString &name) const;

private:
    QList<ChatHit> targetsOf(int row) const;
    //! The keyboard targets of \a row and then the links of its text.
    QList<ChatHit> accessibleTargetsOf(int row) const;
    static QStringList namesOf(const QList<ChatHit> &targets);

    ChatView *m_view;
    ChatInteraction *m_state;
};

} // namespace Tramontane
