// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/storage/ConversationTypes.h"

#include <QAbstractListModel>

namespace Tramontane {

class ConversationStore;

//! The full-text search hits of the history sidebar: one row per matching message, newest
//! first, with the conversation's title and a snippet whose matched words are listed in
//! SearchHighlightsRole. A new query updates the rows in place: hits that stay keep their row
//! (and the view its selection), the others are removed or inserted; no reset per keystroke.
class ConversationSearchModel final : public QAbstractListModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationSearchModel)

public:
    explicit ConversationSearchModel(ConversationStore *store, QObject *parent = nullptr);
    ~ConversationSearchModel() override;

    //! How many hits a query shows at most (default 100).
    void setLimit(int limit) { m_limit = qMax(1, limit); }

    //! Searches now (the caller debounces typing). A blank query clears the hits.
    void setQuery(const QString &query);
    QString query() const { return m_query; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    const SearchHit &hit(int row) const { return m_hits.at(row); }

Q_SIGNALS:
    //! The search could not run; \a message is a sentence for the user.
    void errorOccurred(const QString &message);

private:
    void applyHits(const QList<SearchHit> &hits);
    void onConversationsChanged();

    ConversationStore *m_store;
    QList<SearchHit> m_hits;
    QString m_query;
    int m_limit = 100;
};

} // namespace Tramontane
