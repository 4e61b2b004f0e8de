// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chat/ChatVersionSwitcher.h"

#include "ui/chat/ChatRowLayout.h"
#include "ui/chat/ChatStyle.h"

#include <QPainter>
#include <QtMath>

using namespace Qt::StringLiterals;

namespace Tramontane::ChatVersionSwitcher {

namespace {

constexpr int arrowWidth = 22;
constexpr int labelPadding = 4;

int labelWidth(const ChatStyle &s, const QString &text) {
    return qCeil(s.smallFm.horizontalAdvance(text)) + 2 * labelPadding;
}

} // namespace

QString label(const ChatItem &item) {
    return u"%1/%2"_s.arg(item.versionIndex + 1).arg(item.versionCount);
}

int width(const ChatStyle &s, const ChatItem &item) {
    return 2 * arrowWidth + labelWidth(s, label(item));
}

void layout(const ChatStyle &s, const ChatItem &item, int right, int centerY, ChatRowGeometry &g) {
    const int w = width(s, item);
    g.versions = QRect(right - w, centerY - s.buttonHeight / 2, w, s.buttonHeight);
    const Parts p = parts(s, g.versions);
    if (item.versionIndex > 0)
        g.buttons.append(ChatHit{ChatHit::Action::PreviousVersion, p.previous, -1, {}});
    if (item.versionIndex + 1 < item.versionCount)
        g.buttons.append(ChatHit{ChatHit::Action::NextVersion, p.next, -1, {}});
}

Parts parts(const ChatStyle &s, const QRect &switcher) {
    Q_UNUSED(s);
    Parts p;
    p.previous = QRect(switcher.left(), switcher.top(), arrowWidth, switcher.height());
    p.next =
        QRect(switcher.right() + 1 - arrowWidth, switcher.top(), arrowWidth, switcher.height());
    p.label = QRect(p.previous.right() + 1, switcher.top(), p.next.left() - p.previous.right() - 1,
                    switcher.height());
    return p;
}

void paint(QPainter *painter, const ChatStyle &s, const ChatItem &item, const QRect &switcher,
           bool hoverPrevious, bool hoverNext) {
    if (switcher.isEmpty())
        return;
    const Parts p = parts(s, switcher);
    const bool hasPrevious = item.versionIndex > 0;
    const bool hasNext = item.versionIndex + 1 < item.versionCount;
    painter->save();
    const auto arrow = [&](const QRect &rect, const QString &icon, bool enabled, bool hovered) {
        if (enabled && hovered) {
            painter->setPen(Qt::NoPen);
            painter->setBrush(s.buttonHover);
            painter->drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
        }
        const int size = qMin(s.iconSize, rect.height() - 8);
        const QRectF iconRect(rect.center().x() - size / 2.0 + 0.5,
                              rect.center().y() - size / 2.0 + 0.5, size, size);
        s.drawIcon(painter, iconRect, icon, !enabled ? s.faint : (hovered ? s.text : s.muted));
    };
    arrow(p.previous, u"chevron-left"_s, hasPrevious, hoverPrevious);
    arrow(p.next, u"chevron-right"_s, hasNext, hoverNext);
    painter->setFont(s.small);
    painter->setPen(s.muted);
    painter->drawText(p.label, Qt::AlignCenter, label(item));
    painter->restore();
}

} // namespace Tramontane::ChatVersionSwitcher
