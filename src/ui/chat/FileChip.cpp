// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chat/FileChip.h"

#include "models/ChatItem.h"
#include "ui/chat/ChatStyle.h"

#include <QPainter>
#include <QtMath>

using namespace Qt::StringLiterals;

namespace Tramontane::FileChip {

namespace {

constexpr int kPadding = 8;
constexpr int kIcon = 20;
constexpr int kGap = 8;

} // namespace

QSize size(const ChatStyle &style, const ChatItem &item, int maxWidth) {
    const int textWidth = qCeil(
        qMax(style.fm.horizontalAdvance(item.text), style.smallFm.horizontalAdvance(item.detail)));
    const int width = qMin(maxWidth, kPadding * 2 + kIcon + kGap + textWidth + 2);
    const int height = qCeil(style.fm.height() + style.smallFm.height()) + kPadding * 2 - 2;
    return {width, height};
}

void paint(QPainter *p, const QRect &rect, const ChatItem &item, const ChatStyle &s) {
    p->save();
    p->setPen(QPen(s.cardBorder, 1));
    p->setBrush(s.cardBackground);
    const QRectF frame = QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5);
    p->drawRoundedRect(frame, 8, 8);
    const QRect icon(rect.left() + kPadding, rect.center().y() - kIcon / 2, kIcon, kIcon);
    s.drawIcon(p, QRectF(icon), u"file"_s, s.muted);
    const int x = icon.right() + 1 + kGap;
    const int w = rect.right() - kPadding - x;
    const int nameHeight = qCeil(s.fm.height());
    p->setPen(s.text);
    p->setFont(s.font);
    p->drawText(QRect(x, rect.top() + kPadding - 1, w, nameHeight),
                Qt::AlignLeft | Qt::AlignVCenter, s.fm.elidedText(item.text, Qt::ElideMiddle, w));
    p->setPen(s.muted);
    p->setFont(s.small);
    p->drawText(QRect(x, rect.top() + kPadding - 1 + nameHeight, w, qCeil(s.smallFm.height())),
                Qt::AlignLeft | Qt::AlignVCenter,
                s.smallFm.elidedText(item.detail, Qt::ElideRight, w));
    p->restore();
}

} // namespace Tramontane::FileChip
