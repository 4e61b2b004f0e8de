// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/ChatItem.h"

#include <QAbstractListModel>
#include <QSet>

#include <functional>

namespace Tramontane {

//! The rows of one conversation for the chat view. It holds the message entries (what was
//! said, and the status of each) and shows them as ChatItem rows. Rows are re-derived per
//! turn: a streaming update touches only the rows of the last turn, and only rows that look
//! different get dataChanged, so a delta repaints the growing tail and nothing else.
class ConversationModel final : public QAbstractListModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationModel)

public:
    explicit ConversationModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! The messages of a conversation that come before the loaded entries (a long
    //! conversation is shown page by page), read only when a request needs the whole history.
    using EarlierEntries = std::function<QList<ChatEntry>()>;

    //! Replaces the whole conversation. \a earlier, when set, gives the messages before
    //! \a entries that are not loaded (see history()).
    void setEntries(const QList<ChatEntry> &entries, EarlierEntries earlier = {});
    //! Puts older messages in front of the loaded ones (the previous page of a long
    //! conversation). Rows are inserted at the top; when the first loaded turn began in the
    //! older page its rows are derived again. Entry indices of the loaded entries shift by
    //! the number of entries added, like row numbers.
    void prependEntries(const QList<ChatEntry> &older);
    //! Appends a message; returns its entry index.
    int appendEntry(const ChatEntry &entry);
    //! Replaces entry \a index (a streaming update, a status change).
    void updateEntry(int index, const ChatEntry &entry);
    //! Removes entries from \a index to the end (regenerate, edit and resend).
    void truncateEntries(int index);
    void clear() { setEntries({}); }

    const QList<ChatEntry> &entries() const { return m_entries; }
    //! The messages before the loaded entries, read now (empty when all are loaded).
    QList<ChatEntry> earlierEntries() const { return m_earlier ? m_earlier() : QList<ChatEntry>(); }
    int entryCount() const { return int(m_entries.size()); }
    const ChatItem &item(int row) const { return m_items.at(row); }
    //! The first row showing entry \a index (rowCount() past the end).
    int firstRowOfEntry(int index) const;

    //! Fold state of tool cards and thinking rows, by item key (view state kept here so it
    //! survives updates of the row).
    bool isExpanded(const QString &key) const { return m_expanded.contains(key); }
    void setExpanded(const QString &key, bool expanded);

    //! The messages to send for a new request: every entry before \a endEntry that completed
    //! or was interrupted (a failed or canceled empty answer is not history), after the
    //! earlier messages that are not loaded.
    QList<ChatMessage> history(int endEntry = -1) const;

    //! The rows of entries [first, end) — the derivation, exposed for tests.
    static QList<ChatItem> deriveItems(const QList<ChatEntry> &entries, int first, int end);

private:
    int turnStart(int entry) const;
    int turnEnd(int entry) const;
    void rederiveTurn(int turnFirstEntry);
    void rebuildEntryRows();

    QList<ChatEntry> m_entries;
    QList<ChatItem> m_items;
    QList<int> m_entryRow; // first row of each entry, plus rowCount() at the end
    QSet<QString> m_expanded;
    EarlierEntries m_earlier;
};

} // namespace Tramontane
