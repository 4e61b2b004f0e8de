// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chat/ChatRowHighlight.h"

#include "models/ConversationModel.h"
#include "ui/chat/ChatView.h"

#include <QPainter>

namespace Tramontane {

namespace {

constexpr int kIntervalMs = 50;
constexpr int kDurationMs = 2000; // how long a revealed row stays highlighted

} // namespace

ChatRowHighlight::ChatRowHighlight(ChatView *view)
    : QObject(view)
    , m_view(view) {
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &ChatRowHighlight::fade);
}

void ChatRowHighlight::start(int row, const QString &key) {
    m_key = key;
    m_rowHint = row;
    m_strength = 1;
    m_timer.start();
}

void ChatRowHighlight::fade() {
    m_strength -= qreal(kIntervalMs) / kDurationMs;
    if (m_strength <= 0) {
        m_strength = 0;
        m_key.clear();
        m_timer.stop();
    }
    m_view->viewport()->update();
}

int ChatRowHighlight::row() const {
    // Asked at every paint while the highlight fades: the hint makes it one comparison.
    return m_view->rowOfKey(m_key, m_rowHint);
}

void ChatRowHighlight::paint() {
    const int r = row();
    if (r < 0)
        return;
    const QRect rect = m_view->visualRect(m_view->conversationModel()->index(r));
    if (!rect.intersects(m_view->viewport()->rect()))
        return;
    QColor color = m_view->palette().color(QPalette::Highlight);
    color.setAlphaF(float(0.28 * qMin<qreal>(1, m_strength * 1.5)));
    QPainter painter(m_view->viewport());
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawRoundedRect(QRectF(rect).adjusted(2, 1, -2, -1), 6, 6);
}

} // namespace Tramontane
