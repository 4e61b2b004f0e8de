// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QRect>
#include <QString>

class QPainter;

namespace Tramontane {

struct ChatStyle;

//! The part of a tool card that asks whether a tool may run (a Conversations API call whose
//! connector requires a confirmation): a sentence, then Allow and Deny. Once answered, the card
//! says what was chosen. Geometry and the sentence only: the card's painter draws the buttons
//! like its other buttons, so they are hovered, clicked and reached with Tab the same way.
class ToolConfirmationBar final {
    Q_DECLARE_TR_FUNCTIONS(ToolConfirmationBar)

public:
    struct Layout {
        QRect prompt; //!< the sentence
        QRect allow;
        QRect deny;
        int bottom = 0; //!< the first y below the bar
    };

    //! True when \a confirmation ("pending", "allowed", "denied") asks for the user's choice.
    static bool isPending(const QString &confirmation);
    //! Lays the bar out in [\a left, \a left + \a width) from \a top.
    static Layout layout(const ChatStyle &style, int left, int top, int width);
    //! Draws the sentence of a pending call.
    static void paintPrompt(QPainter *painter, const ChatStyle &style, const Layout &layout);
    //! "Allow" and "Deny".
    static QString allowLabel() { return tr("Allow"); }
    static QString denyLabel() { return tr("Deny"); }
    //! What a card without a result says about an answered call: allowed or denied; empty
    //! for a call that needed no confirmation (or still waits: its bar asks).
    static QString statusText(const QString &confirmation);
};

} // namespace Tramontane
