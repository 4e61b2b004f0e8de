// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/storage/ConversationTypes.h"

#include <QAbstractListModel>
#include <QDate>
#include <QSet>
#include <QTimer>

#include <functional>

namespace Tramontane {

class ConversationStore;

//! The conversations of the history sidebar: pinned first, then the most recent activity
//! first, as the store lists them. Rows are read a page at a time (canFetchMore/fetchMore), so
//! thousands of conversations open at once, and stay live through the store's signals: a new
//! conversation is inserted where it belongs, a renamed or pinned one is updated or moved, a
//! deleted one removed and put back on undo; never a reset for a single change.
//!
//! Each row belongs to a day group ("Pinned", "Today", "Yesterday", "Previous 7 days", then
//! months); ConversationGroupStartRole marks the first row of each group so a delegate can
//! draw the group's header above it. Groups follow the clock past midnight.
//!
//! Invariant: the rows are always the first rowCount() conversations of the store's order, so
//! the next page starts at offset rowCount() even while conversations come and go.
class ConversationListModel final : public QAbstractListModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationListModel)

public:
    explicit ConversationListModel(ConversationStore *store, QObject *parent = nullptr);
    ~ConversationListModel() override;

    //! How many conversations a fetchMore() reads (default 100).
    void setPageSize(int size);
    int pageSize() const { return m_pageSize; }
    //! The clock the day groups are computed against (tests); default: the current time.
    void setClock(std::function<QDateTime()> clock);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    //! EditRole renames the conversation (blank goes back to the derived title).
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    //! The row of conversation \a id, or -1 when it is not loaded (or not listed).
    int rowOf(qint64 id) const;
    //! Fetches pages until conversation \a id is loaded; returns its row, or -1.
    int loadUntil(qint64 id);
    qint64 idAt(int row) const;
    const ConversationInfo &info(int row) const { return m_rows.at(row); }

    //! Pins or unpins, renames, deletes (with undo) through the store; false on a store error
    //! (see errorOccurred). The rows follow through the store's signals.
    bool setPinned(qint64 id, bool pinned);
    bool rename(qint64 id, const QString &title);
    bool remove(qint64 id);
    bool undoRemove(qint64 id);

    //! Reads the list again from the start (after an import of many conversations, say).
    void reload();

    //! The title a conversation without one is shown with.
    static QString placeholderTitle();
    //! The group label of a conversation, relative to \a today (local time).
    static QString dayGroup(const ConversationInfo &info, const QDate &today);

Q_SIGNALS:
    //! A store operation failed; \a message is a sentence for the user.
    void errorOccurred(const QString &message);

private:
    void onCreatedOrRestored(qint64 id);
    void onChanged(qint64 id);
    void onGone(qint64 id);
    //! Where \a info belongs among the rows (ignoring row \a skip), or -1 past the loaded ones.
    int insertionRow(const ConversationInfo &info, int skip = -1) const;
    //! Rows \a first to \a last may start a group or not any more: dataChanged.
    void touchGroupEdges(int first, int last);
    void refreshDayGroups();
    void scheduleMidnight();
    bool report(const QString &what, const QString &error);

    ConversationStore *m_store;
    QList<ConversationInfo> m_rows;
    int m_pageSize = 100;
    bool m_atEnd = false;
    QSet<qint64> m_deleted; // soft-deleted in this session: their late changes are ignored
    std::function<QDateTime()> m_clock;
    QDate m_today;
    QTimer m_midnight;
};

} // namespace Tramontane
