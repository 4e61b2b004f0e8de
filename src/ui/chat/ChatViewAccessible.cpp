// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chat/ChatViewAccessible.h"

#include "models/ConversationModel.h"
#include "ui/chat/ChatView.h"
#include "ui/markdown/BidiControls.h"

#include <QWidget>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

// A row's name stays short enough for a screen reader to say; the whole text is one copy away.
constexpr qsizetype kNameChars = 4000;

QAccessibleInterface *chatViewFactory(const QString &, QObject *object) {
    if (auto *view = qobject_cast<ChatView *>(object))
        return new ChatViewAccessible(view);
    return nullptr;
}

QString shortened(const QString &text) {
    if (text.size() <= kNameChars)
        return text;
    return text.left(kNameChars) + QChar(0x2026);
}

} // namespace

// --- The view ------------------------------------------------------------------------------

ChatViewAccessible::ChatViewAccessible(ChatView *view)
    : QAccessibleWidget(view, QAccessible::List) {}

ChatViewAccessible::~ChatViewAccessible() {
    for (const QAccessible::Id id : std::as_const(m_rows))
        QAccessible::deleteAccessibleInterface(id);
}

void ChatViewAccessible::install() {
    static const bool installed = [] {
        QAccessible::installFactory(chatViewFactory);
        return true;
    }();
    Q_UNUSED(installed)
}

ChatView *ChatViewAccessible::view() const {
    return static_cast<ChatView *>(widget());
}

int ChatViewAccessible::childCount() const {
    const ConversationModel *model = view()->conversationModel();
    return model ? model->rowCount() : 0;
}

QAccessibleInterface *ChatViewAccessible::child(int index) const {
    const ConversationModel *model = view()->conversationModel();
    if (!model || index < 0 || index >= model->rowCount())
        return nullptr;
    const QString key = model->item(index).key;
    if (const auto found = m_rows.constFind(key); found != m_rows.cend()) {
        if (QAccessibleInterface *known = QAccessible::accessibleInterface(*found))
            return known;
    }
    prune();
    auto *row = new ChatRowAccessible(view(), key, index);
    m_rows.insert(key, QAccessible::registerAccessibleInterface(row));
    return row;
}

int ChatViewAccessible::indexOfChild(const QAccessibleInterface *child) const {
    if (!child || child->role() != QAccessible::ListItem || child->parent() != this)
        return -1;
    return static_cast<const ChatRowAccessible *>(child)->row();
}

QAccessibleInterface *ChatViewAccessible::childAt(int x, int y) const {
    QWidget *viewport = view()->viewport();
    const QModelIndex index = view()->indexAt(viewport->mapFromGlobal(QPoint(x, y)));
    return index.isValid() ? child(index.row()) : nullptr;
}

QAccessibleInterface *ChatViewAccessible::focusChild() const {
    if (!view()->hasFocus() || view()->keyboardRow() < 0)
        return nullptr;
    return child(view()->keyboardRow());
}

void ChatViewAccessible::prune() const {
    const ConversationModel *model = view()->conversationModel();
    const int rows = model ? model->rowCount() : 0;
    if (m_rows.size() < 2 * qsizetype(rows) + 64)
        return;
    for (auto it = m_rows.begin(); it != m_rows.end();) {
        QAccessibleInterface *row = QAccessible::accessibleInterface(*it);
        if (row && row->isValid()) {
            ++it;
            continue;
        }
        if (row)
            QAccessible::deleteAccessibleInterface(*it);
        it = m_rows.erase(it);
    }
}

// --- One row -------------------------------------------------------------------------------

ChatRowAccessible::ChatRowAccessible(ChatView *view, const QString &key, int row)
    : m_view(view)
    , m_key(key)
    , m_rowHint(row) {}

int ChatRowAccessible::row() const {
    const ConversationModel *model = m_view ? m_view->conversationModel() : nullptr;
    if (!model)
        return -1;
    const int rows = model->rowCount();
    if (m_rowHint >= 0 && m_rowHint < rows && model->item(m_rowHint).key == m_key)
        return m_rowHint;
    // Rows came or went: look from the end, where a streaming conversation changes.
    for (int r = rows - 1; r >= 0; --r) {
        if (model->item(r).key == m_key) {
            m_rowHint = r;
            return r;
        }
    }
    return -1;
}

bool ChatRowAccessible::isValid() const {
    return row() >= 0;
}

QWindow *ChatRowAccessible::window() const {
    return m_view ? m_view->window()->windowHandle() : nullptr;
}

QAccessibleInterface *ChatRowAccessible::parent() const {
    return m_view ? QAccessible::queryAccessibleInterface(m_view.data()) : nullptr;
}

QString ChatRowAccessible::text(QAccessible::Text t) const {
    const int r = row();
    if (r < 0)
        return {};
    const ChatItem &item = m_view->conversationModel()->item(r);
    if (t == QAccessible::Name) {
        QString what;
        switch (item.kind) {
        case ChatItem::Kind::User:
            what = ChatView::tr("You: %1").arg(shortened(item.text));
            break;
        case ChatItem::Kind::Assistant:
            what = ChatView::tr("Answer: %1").arg(shortened(item.text));
            break;
        case ChatItem::Kind::Thinking:
            what = ChatView::tr("Thinking: %1").arg(shortened(item.text));
            break;
        case ChatItem::Kind::ToolRun:
            what = ChatView::tr("Tool %1").arg(item.toolName);
            break;
        case ChatItem::Kind::Image:
            what = ChatView::tr("Image");
            break;
        case ChatItem::Kind::Document:
            what = ChatView::tr("Document: %1 (%2)").arg(item.text, item.detail);
            break;
        case ChatItem::Kind::Notice:
            what = item.detail.isEmpty() ? item.text : item.text + u' ' + item.detail;
            break;
        }
        // Model output must not reorder what is read out.
        return BidiControls::neutralised(what);
    }
    if (t == QAccessible::Description) {
        switch (item.state) {
        case ChatItem::State::Complete:
            return item.kind == ChatItem::Kind::ToolRun && item.hasToolResult
                       ? ChatView::tr("Finished")
                       : QString();
        case ChatItem::State::Streaming:
            return ChatView::tr("Still arriving");
        case ChatItem::State::Running:
            return ChatView::tr("Running");
        case ChatItem::State::Interrupted:
            return ChatView::tr("Interrupted: the text so far is kept");
        case ChatItem::State::Failed:
            return ChatView::tr("Failed");
        case ChatItem::State::Canceled:
            return ChatView::tr("Stopped");
        }
    }
    return {};
}

QRect ChatRowAccessible::rect() const {
    const int r = row();
    if (r < 0)
        return {};
    const QRect inViewport = m_view->visualRect(m_view->conversationModel()->index(r));
    return QRect(m_view->viewport()->mapToGlobal(inViewport.topLeft()), inViewport.size());
}

QAccessible::State ChatRowAccessible::state() const {
    QAccessible::State s;
    const int r = row();
    if (r < 0) {
        s.invalid = true;
        return s;
    }
    s.focusable = true;
    s.selectable = true;
    s.focused = m_view->hasFocus() && m_view->keyboardRow() == r;
    const QRect inViewport = m_view->visualRect(m_view->conversationModel()->index(r));
    s.offscreen = !m_view->viewport()->rect().intersects(inViewport);
    s.invisible = s.offscreen;
    return s;
}

void *ChatRowAccessible::interface_cast(QAccessible::InterfaceType type) {
    if (type == QAccessible::ActionInterface)
        return static_cast<QAccessibleActionInterface *>(this);
    return nullptr;
}

QStringList ChatRowAccessible::actionNames() const {
    const int r = row();
    return r < 0 ? QStringList() : m_view->rowActionNames(r);
}

void ChatRowAccessible::doAction(const QString &actionName) {
    const int r = row();
    if (r >= 0)
        m_view->triggerRowAction(r, actionName);
}

} // namespace Tramontane
