// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chat/ChatTextSelection.h"

#include "models/ConversationModel.h"
#include "ui/chat/ChatInteraction.h"
#include "ui/chat/ChatView.h"

#include <QApplication>
#include <QScrollBar>

namespace Tramontane {

namespace {

constexpr int kScrollMs = 30; // scrolling while a selection is dragged out of view
constexpr int kScrollMaxStep = 60;

} // namespace

ChatTextSelection::ChatTextSelection(ChatView *view, ChatInteraction *state)
    : QObject(view)
    , m_view(view)
    , m_state(state) {
    m_scroll.setInterval(kScrollMs);
    connect(&m_scroll, &QTimer::timeout, this, &ChatTextSelection::autoScroll);
}

void ChatTextSelection::press(const QPoint &pos) {
    // A third click soon after a double-click, at the same place, selects the paragraph.
    const bool triple =
        m_doubleClickTime.isValid()
        && m_doubleClickTime.elapsed() < QApplication::doubleClickInterval()
        && (pos - m_doubleClickPos).manhattanLength() <= QApplication::startDragDistance();
    m_doubleClickTime.invalidate();
    m_selecting = false;
    m_scroll.stop();
    clear(); // a click elsewhere drops the selection
    const ChatDelegate::TextArea text = selectableTextAt(pos);
    if (!text.document)
        return;
    const qsizetype at = text.document->positionAt(QPointF(pos) - text.rect.topLeft());
    if (triple) {
        select(text.key, text.document->blockAt(at));
    } else {
        m_selecting = true;
        m_anchor = at;
        select(text.key, {at, at});
    }
}

bool ChatTextSelection::move(const QPoint &pos, Qt::MouseButtons buttons) {
    if (!m_selecting || !(buttons & Qt::LeftButton))
        return false;
    m_pointer = pos;
    extend(m_pointer);
    const bool outside = m_pointer.y() < 0 || m_pointer.y() >= m_view->viewport()->height();
    if (outside && !m_scroll.isActive())
        m_scroll.start();
    else if (!outside)
        m_scroll.stop();
    m_view->viewport()->setCursor(Qt::IBeamCursor);
    return true;
}

void ChatTextSelection::release(const QPoint &pos) {
    if (!m_selecting)
        return;
    extend(pos);
    m_selecting = false;
    m_scroll.stop();
}

void ChatTextSelection::doubleClick(const QPoint &pos) {
    const ChatDelegate::TextArea text = selectableTextAt(pos);
    if (!text.document)
        return;
    const qsizetype at = text.document->positionAt(QPointF(pos) - text.rect.topLeft());
    m_selecting = false;
    select(text.key, text.document->wordAt(at));
    m_doubleClickTime.start();
    m_doubleClickPos = pos;
}

void ChatTextSelection::cancel() {
    m_selecting = false;
}

ChatDelegate::TextArea ChatTextSelection::textAreaAt(int row) const {
    const ConversationModel *model = m_view->conversationModel();
    if (!model || row < 0 || row >= model->rowCount())
        return {};
    const QModelIndex index = model->index(row);
    return m_view->chatDelegate()->textArea(m_view->optionFor(index), index);
}

ChatDelegate::TextArea ChatTextSelection::selectableTextAt(const QPoint &pos) const {
    const QModelIndex index = m_view->indexAt(pos);
    if (!index.isValid())
        return {};
    const QStyleOptionViewItem option = m_view->optionFor(index);
    ChatDelegate *delegate = m_view->chatDelegate();
    // Links and buttons keep their clicks.
    if (delegate->hitTest(option, index, pos).action != ChatDelegate::Action::None)
        return {};
    const ChatDelegate::TextArea text = delegate->textArea(option, index);
    if (!text.document || !text.rect.contains(QPointF(pos)))
        return {};
    m_rowHint = index.row();
    return text;
}

int ChatTextSelection::selectedRow() const {
    return m_view->rowOfKey(m_state->selectionKey, m_rowHint);
}

void ChatTextSelection::select(const QString &key, MessageDocument::TextRange range) {
    const QString before = m_state->selectionKey;
    m_state->selectionKey = key;
    m_state->selectionRange = range;
    for (const QString &changed : {before, key}) {
        const int row = m_view->rowOfKey(changed, m_rowHint);
        if (row >= 0)
            m_view->viewport()->update(m_view->visualRect(m_view->conversationModel()->index(row)));
    }
}

void ChatTextSelection::extend(const QPoint &pos) {
    const QString key = m_state->selectionKey;
    const ChatDelegate::TextArea text = textAreaAt(selectedRow());
    if (!text.document || text.key != key)
        return;
    const qsizetype at = text.document->positionAt(QPointF(pos) - text.rect.topLeft());
    select(key, {qMin(at, m_anchor), qMax(at, m_anchor)});
}

void ChatTextSelection::autoScroll() {
    const int height = m_view->viewport()->height();
    const int y = m_pointer.y();
    if (!m_selecting || (y >= 0 && y < height)) {
        m_scroll.stop();
        return;
    }
    // Faster the farther the pointer is from the edge.
    const int distance = y < 0 ? y : y - height + 1;
    const int step = qBound(-kScrollMaxStep, distance / 2, kScrollMaxStep);
    QScrollBar *bar = m_view->verticalScrollBar();
    bar->setValue(bar->value() + (step == 0 ? (y < 0 ? -1 : 1) : step));
    extend(m_pointer);
}

bool ChatTextSelection::hasSelection() const {
    return m_state->hasSelection();
}

QString ChatTextSelection::selectedText() const {
    if (!hasSelection())
        return {};
    const ChatDelegate::TextArea text = textAreaAt(selectedRow());
    if (!text.document)
        return {};
    return text.document->textIn(m_state->selectionRange);
}

void ChatTextSelection::clear() {
    if (m_state->selectionKey.isEmpty())
        return;
    select({}, {});
}

} // namespace Tramontane
