// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/ChatItem.h"

#include <QRect>
#include <QString>

class QPainter;

namespace Tramontane {

class ChatStyle;
struct ChatRowGeometry;

//! The ‹ 2/3 › switcher of a message with versions (ChatItem::versionCount > 1): a user
//! message that was edited, an answer that was regenerated. Laid out beside the row's
//! buttons; its arrows are row buttons (ChatHit::PreviousVersion, NextVersion), reachable by
//! mouse and keyboard, and present only where there is a version to go to.
namespace ChatVersionSwitcher {

//! "2/3": the version shown and how many there are.
QString label(const ChatItem &item);

//! The width of the whole switcher.
int width(const ChatStyle &style, const ChatItem &item);

//! Lays the switcher out with its right edge at \a right, centred on \a centerY: sets
//! g.versions and adds the arrows that lead somewhere to g.buttons.
void layout(const ChatStyle &style, const ChatItem &item, int right, int centerY,
            ChatRowGeometry &g);

//! The parts of a switcher laid out at \a switcher.
struct Parts {
    QRect previous;
    QRect label;
    QRect next;
};
Parts parts(const ChatStyle &style, const QRect &switcher);

//! Paints it; \a hoverPrevious / \a hoverNext light an arrow under the mouse.
void paint(QPainter *painter, const ChatStyle &style, const ChatItem &item, const QRect &switcher,
           bool hoverPrevious, bool hoverNext);

} // namespace ChatVersionSwitcher

} // namespace Tramontane
