// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QRect>
#include <QSize>

class QPainter;

namespace Tramontane {

class ChatStyle;
struct ChatItem;

//! A document the person attached, drawn in the sent message as a chip: the file icon, the
//! name, and under it the type, size and how it was sent (ChatItem::Kind::Document: the name
//! in `text`, that line in `detail`).
namespace FileChip {

//! The chip's size for \a item, at most \a maxWidth wide.
QSize size(const ChatStyle &style, const ChatItem &item, int maxWidth);
void paint(QPainter *painter, const QRect &rect, const ChatItem &item, const ChatStyle &style);

} // namespace FileChip

} // namespace Tramontane
