// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chat/ChatKeyboardTargets.h"

#include "models/ConversationModel.h"
#include "ui/chat/ChatInteraction.h"
#include "ui/chat/ChatItemText.h"
#include "ui/chat/ChatTextSelection.h"
#include "ui/chat/ChatView.h"
#include "ui/markdown/BidiControls.h"
#include "ui/markdown/SafeTextDocument.h"

#include <QAccessible>
#include <QHash>
#include <QPainter>

namespace Tramontane {

ChatKeyboardTargets::ChatKeyboardTargets(ChatView *view, ChatInteraction *state)
    : m_view(view)
    , m_state(state) {}

QList<ChatHit> ChatKeyboardTargets::targetsOf(int row) const {
    const ConversationModel *model = m_view->conversationModel();
    if (!model || !m_view->chatDelegate() || row < 0 || row >= model->rowCount())
        return {};
    const QModelIndex index = model->index(row);
    return m_view->chatDelegate()->keyboardTargets(m_view->optionFor(index), index);
}

bool ChatKeyboardTargets::move(bool next) {
    const QList<int> rows = m_view->visibleRows();
    if (rows.isEmpty())
        return false;
    // Where the keyboard is now, as an index into the on-screen targets in reading order.
    QList<QPair<int, ChatHit>> targets;
    int current = -1;
    const QRect viewport = m_view->viewport()->rect();
    for (const int row : rows) {
        const QList<ChatHit> hits = targetsOf(row);
        for (const ChatHit &hit : hits) {
            if (!viewport.intersects(hit.rect))
                continue;
            if (row == m_state->keyboardRow && hit.isSameTarget(m_state->keyboardTarget))
                current = int(targets.size());
            targets.append({row, hit});
        }
    }
    const int at = current < 0 ? (next ? 0 : int(targets.size()) - 1) : current + (next ? 1 : -1);
    if (at < 0 || at >= targets.size()) {
        setTarget(-1, {});
        return false;
    }
    setTarget(targets.at(at).first, targets.at(at).second);
    return true;
}

QStringList ChatKeyboardTargets::namesOf(const QList<ChatHit> &targets) {
    // The action in words, a link with its address, and a number after a name that repeats
    // (two code blocks give "Copy code" and "Copy code (2)").
    QStringList names;
    QHash<QString, int> seen;
    for (const ChatHit &hit : targets) {
        QString name = ChatItemText::actionLabel(hit.action);
        if (hit.action == ChatHit::Action::OpenLink && !hit.href.isEmpty()) {
            const std::optional<QUrl> image = SafeTextDocument::remoteImageFromAnchor(hit.href);
            name = image ? tr("Load the image %1")
                               .arg(BidiControls::neutralised(image->toDisplayString()))
                         : tr("Open link %1").arg(BidiControls::neutralised(hit.href));
        }
        const int n = ++seen[name];
        names.append(n == 1 ? name : tr("%1 (%2)").arg(name).arg(n));
    }
    return names;
}

QList<ChatHit> ChatKeyboardTargets::accessibleTargetsOf(int row) const {
    QList<ChatHit> targets = targetsOf(row);
    // The links of the text too, which have no button: a screen reader lists them as actions.
    if (MessageDocument *document = m_view->textSelection()->textAreaAt(row).document) {
        const QStringList hrefs = document->anchors();
        for (const QString &href : hrefs) {
            ChatHit link;
            link.action = ChatHit::Action::OpenLink;
            link.href = href;
            targets.append(link);
        }
    }
    return targets;
}

QStringList ChatKeyboardTargets::actionNames(int row) const {
    return namesOf(accessibleTargetsOf(row));
}

std::optional<ChatHit> ChatKeyboardTargets::targetNamed(int row, const QString &name) const {
    const QList<ChatHit> targets = accessibleTargetsOf(row);
    const qsizetype at = namesOf(targets).indexOf(name);
    if (at < 0)
        return std::nullopt;
    return targets.at(at);
}

void ChatKeyboardTargets::setTarget(int row, const ChatHit &target) {
    const int previous = m_state->keyboardRow;
    m_state->keyboardRow = row;
    m_state->keyboardTarget = target;
    const ConversationModel *model = m_view->conversationModel();
    for (const int r : {previous, row}) {
        if (model && r >= 0 && r < model->rowCount())
            m_view->viewport()->update(m_view->visualRect(model->index(r)));
    }
    // A screen reader says what the focused button does.
    const QString label = row >= 0 ? ChatItemText::actionLabel(target.action) : QString();
    m_view->setAccessibleDescription(label);
    if (m_view->hasFocus()) {
        QAccessibleEvent event(m_view, QAccessible::DescriptionChanged);
        QAccessible::updateAccessibility(&event);
        if (row >= 0) {
            QAccessibleEvent focus(m_view, QAccessible::Focus);
            focus.setChild(row);
            QAccessible::updateAccessibility(&focus);
        }
    }
}

void ChatKeyboardTargets::paintFocus() {
    const int row = m_state->keyboardRow;
    const ConversationModel *model = m_view->conversationModel();
    if (row < 0 || !m_view->hasFocus() || !model || row >= model->rowCount())
        return;
    // Where the target is now (the row may have moved since Tab reached it).
    const QList<ChatHit> hits = targetsOf(row);
    for (const ChatHit &hit : hits) {
        if (!hit.isSameTarget(m_state->keyboardTarget))
            continue;
        QPainter painter(m_view->viewport());
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(QPen(m_view->palette().color(QPalette::Highlight), 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(QRectF(hit.rect).adjusted(-2, -2, 2, 2), 4, 4);
        return;
    }
}

} // namespace Tramontane
