// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/ConversationSearchModel.h"

#include "core/Logging.h"
#include "core/storage/ConversationStore.h"
#include "models/ConversationListModel.h"
#include "models/Roles.h"

#include <QLocale>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

bool sameLook(const SearchHit &a, const SearchHit &b) {
    return a.conversationId == b.conversationId && a.position == b.position
           && a.conversationTitle == b.conversationTitle && a.role == b.role
           && a.snippet == b.snippet && a.highlights == b.highlights
           && a.messageCreatedAt == b.messageCreatedAt;
}

} // namespace

ConversationSearchModel::ConversationSearchModel(ConversationStore *store, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store) {
    // Hits follow renames, deletions and undos while they are shown.
    connect(store, &ConversationStore::conversationChanged, this,
            &ConversationSearchModel::onConversationsChanged);
    connect(store, &ConversationStore::conversationDeleted, this,
            &ConversationSearchModel::onConversationsChanged);
    connect(store, &ConversationStore::conversationRestored, this,
            &ConversationSearchModel::onConversationsChanged);
}

ConversationSearchModel::~ConversationSearchModel() = default;

void ConversationSearchModel::setQuery(const QString &query) {
    m_query = query.trimmed();
    if (m_query.isEmpty()) {
        applyHits({});
        return;
    }
    auto hits = m_store->search(m_query, m_limit);
    if (!hits) {
        qCWarning(lcStorage) << "search failed:" << hits.error().message;
        Q_EMIT errorOccurred(tr("The search failed: %1").arg(hits.error().message));
        return;
    }
    applyHits(*hits);
}

void ConversationSearchModel::onConversationsChanged() {
    if (!m_query.isEmpty())
        setQuery(m_query);
}

void ConversationSearchModel::applyHits(const QList<SearchHit> &hits) {
    QSet<qint64> wanted;
    for (const SearchHit &hit : hits)
        wanted.insert(hit.messageId);

    // 1. Rows whose message is no longer a hit go, in contiguous runs from the end.
    for (int row = int(m_hits.size()) - 1; row >= 0;) {
        if (wanted.contains(m_hits.at(row).messageId)) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !wanted.contains(m_hits.at(first - 1).messageId))
            --first;
        beginRemoveRows({}, first, row);
        m_hits.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }

    // 2. Walk the new order: keep, move up, or insert each hit.
    for (int i = 0; i < hits.size(); ++i) {
        const SearchHit &hit = hits.at(i);
        int found = -1;
        for (int j = i; j < m_hits.size(); ++j) {
            if (m_hits.at(j).messageId == hit.messageId) {
                found = j;
                break;
            }
        }
        if (found < 0) {
            beginInsertRows({}, i, i);
            m_hits.insert(i, hit);
            endInsertRows();
            continue;
        }
        if (found != i) {
            beginMoveRows({}, found, found, {}, i);
            m_hits.move(found, i);
            endMoveRows();
        }
        if (!sameLook(m_hits.at(i), hit)) {
            m_hits[i] = hit;
            Q_EMIT dataChanged(index(i), index(i));
        }
    }
}

int ConversationSearchModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_hits.size());
}

QVariant ConversationSearchModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SearchHit &hit = m_hits.at(index.row());
    const QString title = hit.conversationTitle.isEmpty()
                              ? ConversationListModel::placeholderTitle()
                              : hit.conversationTitle;
    switch (role) {
    case Qt::DisplayRole:
    case Roles::ConversationTitleRole:
        return title;
    case Qt::ToolTipRole:
        return tr("%1\n%2").arg(
            title, QLocale().toString(hit.messageCreatedAt.toLocalTime(), QLocale::ShortFormat));
    case Qt::AccessibleTextRole:
        return QString(title + u": "_s + hit.snippet);
    case Roles::ConversationIdRole:
        return hit.conversationId;
    case Roles::SearchMessageIdRole:
        return hit.messageId;
    case Roles::SearchPositionRole:
        return hit.position;
    case Roles::SearchSnippetRole:
        return hit.snippet;
    case Roles::SearchHighlightsRole:
        return QVariant::fromValue(hit.highlights);
    case Roles::ConversationUpdatedRole:
        return hit.messageCreatedAt;
    default:
        return {};
    }
}

QHash<int, QByteArray> ConversationSearchModel::roleNames() const {
    auto names = QAbstractListModel::roleNames();
    names.insert(Roles::ConversationIdRole, "conversationId");
    names.insert(Roles::ConversationTitleRole, "title");
    names.insert(Roles::SearchMessageIdRole, "messageId");
    names.insert(Roles::SearchPositionRole, "position");
    names.insert(Roles::SearchSnippetRole, "snippet");
    names.insert(Roles::SearchHighlightsRole, "highlights");
    names.insert(Roles::ConversationUpdatedRole, "createdAt");
    return names;
}

} // namespace Tramontane
