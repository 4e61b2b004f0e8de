// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chat/ToolConfirmationBar.h"

#include "ui/chat/ChatStyle.h"

#include <QPainter>
#include <QtMath>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

QString promptText() {
    return ToolConfirmationBar::tr("This tool needs your permission to run.");
}

int buttonWidth(const ChatStyle &s, const QString &label) {
    return qCeil(s.smallFm.horizontalAdvance(label)) + s.iconSize + 22;
}

} // namespace

bool ToolConfirmationBar::isPending(const QString &confirmation) {
    return confirmation == "pending"_L1;
}

ToolConfirmationBar::Layout ToolConfirmationBar::layout(const ChatStyle &s, int left, int top,
                                                        int width) {
    Layout l;
    const int inner = width - 2 * s.cardPadding;
    const int x = left + s.cardPadding;
    const int textHeight =
        qCeil(s.fm.boundingRect(QRectF(0, 0, inner, 1e6), Qt::TextWordWrap, promptText()).height());
    l.prompt = QRect(x, top, inner, textHeight);
    const int by = l.prompt.bottom() + 1 + 6;
    l.allow = QRect(x, by, buttonWidth(s, allowLabel()), s.buttonHeight);
    l.deny = QRect(l.allow.right() + 1 + 8, by, buttonWidth(s, denyLabel()), s.buttonHeight);
    l.bottom = by + s.buttonHeight + 8;
    return l;
}

void ToolConfirmationBar::paintPrompt(QPainter *p, const ChatStyle &s, const Layout &l) {
    p->setFont(s.font);
    p->setPen(s.text);
    p->drawText(l.prompt, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, promptText());
}

QString ToolConfirmationBar::statusText(const QString &confirmation) {
    if (confirmation == "allowed"_L1)
        return tr("Allowed.");
    if (confirmation == "denied"_L1)
        return tr("Denied: the tool did not run.");
    return {};
}

} // namespace Tramontane
