// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chat/ChatFind.h"

#include "models/ConversationModel.h"
#include "ui/chat/ChatFindBar.h"
#include "ui/chat/ChatFindMatches.h"
#include "ui/chat/ChatView.h"

#include <QApplication>
#include <QScopedValueRollback>

namespace Tramontane {

ChatFind::ChatFind(ChatView *view, ChatFindBar *bar, QObject *parent)
    : QObject(parent)
    , m_view(view)
    , m_bar(bar)
    , m_matches(new ChatFindMatches(this)) {
    m_bar->hide();
    m_matches->setModel(view->conversationModel());
    connect(bar, &ChatFindBar::queryChanged, this, &ChatFind::search);
    connect(bar, &ChatFindBar::nextRequested, this, &ChatFind::findNext);
    connect(bar, &ChatFindBar::previousRequested, this, &ChatFind::findPrevious);
    connect(bar, &ChatFindBar::closeRequested, this, &ChatFind::close);
    connect(m_matches, &ChatFindMatches::matchesChanged, this, &ChatFind::onMatchesChanged);
    connect(m_matches, &ChatFindMatches::currentFound, this, &ChatFind::revealCurrent);
}

ChatFind::~ChatFind() = default;

bool ChatFind::isOpen() const {
    return !m_bar->isHidden();
}

void ChatFind::open() {
    if (!isOpen()) {
        QWidget *focus = QApplication::focusWidget();
        m_returnFocus = focus && !m_bar->isAncestorOf(focus) ? focus : m_view;
        m_bar->show();
        if (!m_bar->text().isEmpty())
            search(); // the text of the last search, found again
    }
    m_bar->focusText();
}

void ChatFind::close() {
    if (!isOpen())
        return;
    m_bar->hide();
    m_wanted.clear();
    m_view->setFindMatches(nullptr);
    m_matches->clear();
    QWidget *back = m_returnFocus ? m_returnFocus.data() : m_view;
    back->setFocus(Qt::OtherFocusReason);
}

void ChatFind::search() {
    m_wanted.clear();
    const QString needle = m_bar->text();
    if (needle.isEmpty()) {
        m_view->setFindMatches(nullptr);
        m_matches->clear();
        return;
    }
    m_matches->setQuery(needle, m_bar->caseSensitivity(), firstVisibleKey());
    m_view->setFindMatches(m_matches);
    revealCurrent();
}

void ChatFind::findNext() {
    if (!isOpen()) {
        open();
        return;
    }
    m_matches->next();
    revealCurrent();
}

void ChatFind::findPrevious() {
    if (!isOpen()) {
        open();
        return;
    }
    m_matches->previous();
    revealCurrent();
}

QString ChatFind::firstVisibleKey() const {
    const ConversationModel *model = m_view->conversationModel();
    if (!model || model->rowCount() == 0)
        return {};
    const QList<int> rows = m_view->visibleRows();
    // The first searched row from the top of the view, or else the last one above it.
    for (int row = rows.isEmpty() ? 0 : rows.first(); row < model->rowCount(); ++row) {
        if (ChatFindText::isSearchable(model->item(row)))
            return model->item(row).key;
    }
    for (int row = model->rowCount() - 1; row >= 0; --row) {
        if (ChatFindText::isSearchable(model->item(row)))
            return model->item(row).key;
    }
    return {};
}

void ChatFind::onMatchesChanged() {
    m_bar->showCount(m_matches->count(), m_matches->currentIndex(), m_matches->isSearching());
    if (!isOpen())
        return;
    m_view->viewport()->update();
    if (m_wanted.isEmpty() || m_revealing)
        return;
    // Paging in towards a match in older messages: one page per pass, until it is there.
    if (m_matches->isLoaded(m_wanted))
        revealCurrent();
    else
        Q_EMIT olderRowsWanted();
}

void ChatFind::revealCurrent() {
    const ChatFindMatches::Match match = m_matches->current();
    if (!match.isValid() || !m_view->conversationModel())
        return;
    ConversationModel *model = m_view->conversationModel();
    int hint = -1;
    const int row = m_view->rowOfKey(match.key, hint);
    if (row < 0) {
        m_wanted = match.key;
        Q_EMIT olderRowsWanted();
        return;
    }
    m_wanted.clear();
    QScopedValueRollback guard(m_revealing, true);
    const ChatItem &item = model->item(row);
    const bool folds =
        item.kind == ChatItem::Kind::Thinking || item.kind == ChatItem::Kind::ToolRun;
    if (folds && !model->isExpanded(item.key))
        model->setExpanded(item.key, true);
    // Laid out with the row in view first, so that its text is measured where it is shown.
    m_view->showRowAt(row, 0);
    int y = 0;
    const QModelIndex index = model->index(row);
    const QStyleOptionViewItem option = m_view->optionFor(index);
    const ChatDelegate::TextArea area = m_view->chatDelegate()->textArea(option, index);
    if (area.document) {
        const QRectF line = area.document->lineRect(match.range.start);
        y = qRound(area.rect.top() - option.rect.top() + line.top());
    }
    if (y > 0)
        m_view->showRowAt(row, y);
}

} // namespace Tramontane
