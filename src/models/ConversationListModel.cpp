// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/ConversationListModel.h"

#include "core/Logging.h"
#include "core/storage/ConversationStore.h"
#include "models/Roles.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

// The store's order: pinned first, then the latest activity, then the newest id.
bool comesBefore(const ConversationInfo &a, const ConversationInfo &b) {
    if (a.pinned != b.pinned)
        return a.pinned;
    if (a.updatedAt != b.updatedAt)
        return a.updatedAt > b.updatedAt;
    return a.id > b.id;
}

bool sameLook(const ConversationInfo &a, const ConversationInfo &b) {
    return a.title == b.title && a.titleIsCustom == b.titleIsCustom && a.pinned == b.pinned
           && a.updatedAt == b.updatedAt && a.model == b.model && a.agentId == b.agentId
           && a.tools == b.tools && a.settings == b.settings;
}

} // namespace

ConversationListModel::ConversationListModel(ConversationStore *store, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
    , m_clock([] { return QDateTime::currentDateTime(); }) {
    m_today = m_clock().date();
    m_midnight.setSingleShot(true);
    connect(&m_midnight, &QTimer::timeout, this, [this] {
        refreshDayGroups();
        scheduleMidnight();
    });
    scheduleMidnight();

    connect(store, &ConversationStore::conversationCreated, this,
            &ConversationListModel::onCreatedOrRestored);
    connect(store, &ConversationStore::conversationRestored, this, [this](qint64 id) {
        m_deleted.remove(id);
        onCreatedOrRestored(id);
    });
    connect(store, &ConversationStore::conversationChanged, this,
            &ConversationListModel::onChanged);
    connect(store, &ConversationStore::conversationDeleted, this, [this](qint64 id) {
        m_deleted.insert(id);
        onGone(id);
    });
    connect(store, &ConversationStore::conversationsPurged, this, [this](const QList<qint64> &ids) {
        for (qint64 id : ids) {
            m_deleted.remove(id);
            onGone(id);
        }
    });
    fetchMore({}); // the first page at once: the sidebar is never empty on start
}

ConversationListModel::~ConversationListModel() = default;

void ConversationListModel::setPageSize(int size) {
    m_pageSize = qMax(1, size);
}

void ConversationListModel::setClock(std::function<QDateTime()> clock) {
    m_clock = std::move(clock);
    refreshDayGroups();
    scheduleMidnight();
}

QString ConversationListModel::placeholderTitle() {
    return tr("New chat");
}

QString ConversationListModel::dayGroup(const ConversationInfo &info, const QDate &today) {
    if (info.pinned)
        return tr("Pinned");
    const QDate day = info.updatedAt.toLocalTime().date();
    const qint64 age = day.daysTo(today);
    if (age <= 0)
        return tr("Today");
    if (age == 1)
        return tr("Yesterday");
    if (age <= 7)
        return tr("Previous 7 days");
    const QLocale locale;
    const QString month = locale.standaloneMonthName(day.month());
    return day.year() == today.year() ? month : tr("%1 %2").arg(month).arg(day.year());
}

int ConversationListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ConversationListModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConversationInfo &info = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return info.title.isEmpty() ? placeholderTitle() : info.title;
    case Qt::EditRole:
    case Roles::ConversationTitleRole:
        return info.title;
    case Qt::ToolTipRole:
        return tr("%1\nLast activity: %2")
            .arg(info.title.isEmpty() ? placeholderTitle() : info.title,
                 QLocale().toString(info.updatedAt.toLocalTime(), QLocale::ShortFormat));
    case Roles::ConversationIdRole:
        return info.id;
    case Roles::ConversationUpdatedRole:
        return info.updatedAt;
    case Roles::ConversationPinnedRole:
        return info.pinned;
    case Roles::ConversationDayGroupRole:
        return dayGroup(info, m_today);
    case Roles::ConversationGroupStartRole:
        return index.row() == 0
               || dayGroup(m_rows.at(index.row() - 1), m_today) != dayGroup(info, m_today);
    case Roles::ConversationInfoRole:
        return QVariant::fromValue(info);
    default:
        return {};
    }
}

bool ConversationListModel::setData(const QModelIndex &index, const QVariant &value, int role) {
    if (role != Qt::EditRole
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const ConversationInfo &info = m_rows.at(index.row());
    const QString title = value.toString().simplified();
    if (title == info.title || (title.isEmpty() && !info.titleIsCustom))
        return true; // nothing to change; the row stays as it is
    return rename(info.id, title);
}

Qt::ItemFlags ConversationListModel::flags(const QModelIndex &index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> ConversationListModel::roleNames() const {
    auto names = QAbstractListModel::roleNames();
    names.insert(Roles::ConversationIdRole, "conversationId");
    names.insert(Roles::ConversationTitleRole, "title");
    names.insert(Roles::ConversationUpdatedRole, "updatedAt");
    names.insert(Roles::ConversationPinnedRole, "pinned");
    names.insert(Roles::ConversationDayGroupRole, "dayGroup");
    names.insert(Roles::ConversationGroupStartRole, "groupStart");
    names.insert(Roles::ConversationInfoRole, "info");
    return names;
}

bool ConversationListModel::canFetchMore(const QModelIndex &parent) const {
    return !parent.isValid() && !m_atEnd;
}

void ConversationListModel::fetchMore(const QModelIndex &parent) {
    if (parent.isValid() || m_atEnd)
        return;
    auto page = m_store->listConversations(m_pageSize, int(m_rows.size()));
    if (!page) {
        m_atEnd = true; // do not retry on every scroll; reload() tries again
        report(tr("The conversation list could not be read."), page.error().message);
        return;
    }
    QList<ConversationInfo> fresh;
    fresh.reserve(page->size());
    for (const ConversationInfo &info : std::as_const(*page)) {
        if (rowOf(info.id) < 0)
            fresh.append(info);
    }
    m_atEnd = page->size() < m_pageSize;
    if (fresh.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    m_rows.append(fresh);
    endInsertRows();
}

int ConversationListModel::rowOf(qint64 id) const {
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
}

int ConversationListModel::loadUntil(qint64 id) {
    int row = rowOf(id);
    while (row < 0 && canFetchMore({})) {
        fetchMore({});
        row = rowOf(id);
    }
    return row;
}

qint64 ConversationListModel::idAt(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

bool ConversationListModel::setPinned(qint64 id, bool pinned) {
    const auto done = m_store->setPinned(id, pinned);
    return done || report(tr("The conversation could not be pinned."), done.error().message);
}

bool ConversationListModel::rename(qint64 id, const QString &title) {
    const auto done = m_store->renameConversation(id, title);
    return done || report(tr("The conversation could not be renamed."), done.error().message);
}

bool ConversationListModel::remove(qint64 id) {
    const auto done = m_store->deleteConversation(id);
    return done || report(tr("The conversation could not be deleted."), done.error().message);
}

bool ConversationListModel::undoRemove(qint64 id) {
    const auto done = m_store->undoDelete(id);
    return done || report(tr("The conversation could not be restored."), done.error().message);
}

void ConversationListModel::reload() {
    beginResetModel();
    m_rows.clear();
    m_atEnd = false;
    endResetModel();
    fetchMore({});
}

bool ConversationListModel::report(const QString &what, const QString &error) {
    qCWarning(lcStorage) << "conversation list:" << error;
    Q_EMIT errorOccurred(error.isEmpty() ? what : what + u' ' + error);
    return false;
}

// --- Following the store -----------------------------------------------------------------------

int ConversationListModel::insertionRow(const ConversationInfo &info, int skip) const {
    int row = 0;
    int count = 0;
    for (int r = 0; r < m_rows.size(); ++r) {
        if (r == skip)
            continue;
        ++count;
        if (comesBefore(m_rows.at(r), info))
            row = count;
    }
    // Past the loaded rows, it belongs to a page not read yet (unless every page was read).
    if (row == count && !m_atEnd)
        return -1;
    return row;
}

void ConversationListModel::onCreatedOrRestored(qint64 id) {
    if (m_deleted.contains(id) || rowOf(id) >= 0) {
        onChanged(id);
        return;
    }
    const auto info = m_store->conversation(id);
    if (!info) {
        qCWarning(lcStorage) << "conversation list: cannot read" << id << info.error().message;
        return;
    }
    const int row = insertionRow(*info);
    if (row < 0)
        return; // it comes with a later page
    beginInsertRows({}, row, row);
    m_rows.insert(row, *info);
    endInsertRows();
    touchGroupEdges(row + 1, row + 1);
}

void ConversationListModel::onChanged(qint64 id) {
    if (m_deleted.contains(id))
        return; // a stream still finishing into a deleted conversation
    const auto info = m_store->conversation(id);
    if (!info) {
        onGone(id);
        return;
    }
    const int old = rowOf(id);
    const int row = insertionRow(*info, old);
    if (old < 0) {
        if (row < 0)
            return;
        beginInsertRows({}, row, row);
        m_rows.insert(row, *info);
        endInsertRows();
        touchGroupEdges(row + 1, row + 1);
        return;
    }
    if (row < 0) {
        // Moved past the loaded rows (unpinned, say): it comes back with its page.
        onGone(id);
        return;
    }
    if (row == old) {
        if (sameLook(m_rows.at(old), *info))
            return;
        m_rows[old] = *info;
        Q_EMIT dataChanged(index(old), index(old));
        touchGroupEdges(old + 1, old + 1);
        return;
    }
    // Qt's destination is the row it goes before, counted before the move.
    beginMoveRows({}, old, old, {}, row > old ? row + 1 : row);
    m_rows.move(old, row);
    m_rows[row] = *info;
    endMoveRows();
    Q_EMIT dataChanged(index(row), index(row));
    touchGroupEdges(old, old + 1);
    touchGroupEdges(row + 1, row + 1);
}

void ConversationListModel::onGone(qint64 id) {
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    touchGroupEdges(row, row);
}

void ConversationListModel::touchGroupEdges(int first, int last) {
    first = qMax(0, first);
    last = qMin(last, int(m_rows.size()) - 1);
    if (first <= last)
        Q_EMIT dataChanged(index(first), index(last), {Roles::ConversationGroupStartRole});
}

// --- Day groups --------------------------------------------------------------------------------

void ConversationListModel::refreshDayGroups() {
    const QDate today = m_clock().date();
    if (today == m_today)
        return;
    m_today = today;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1),
                           {Roles::ConversationDayGroupRole, Roles::ConversationGroupStartRole});
}

void ConversationListModel::scheduleMidnight() {
    const QDateTime now = m_clock();
    const QDateTime next(now.date().addDays(1), QTime(0, 0, 1));
    m_midnight.start(int(qBound<qint64>(1000, now.msecsTo(next), qint64(24) * 3600 * 1000)));
}

} // namespace Tramontane
