// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/AgentListModel.h"

#include "core/services/AgentService.h"
#include "models/Roles.h"
#include "models/ToolChoiceModel.h"

#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tramontane {

AgentListModel::AgentListModel(AgentService *service, QObject *parent)
    : QAbstractTableModel(parent) {
    if (!service)
        return;
    QPointer<AgentService> guard(service);
    m_fetcher = [guard](const QString &pageToken, int pageSize, const QString &search,
                        QObject *context, ServiceCallback<AgentPage> callback) {
        if (guard) {
            guard->listPage(pageToken, pageSize, search, context, std::move(callback));
        } else {
            callback(
                ServiceResult<AgentPage>::failure(ApiError::canceled(ApiError::Context::Agent)));
        }
    };
    connect(service, &AgentService::agentCreated, this, &AgentListModel::upsertAgent);
    connect(service, &AgentService::agentUpdated, this, &AgentListModel::upsertAgent);
    connect(service, &AgentService::agentRemoved, this, &AgentListModel::removeAgent);
}

AgentListModel::AgentListModel(PageFetcher fetcher, QObject *parent)
    : QAbstractTableModel(parent)
    , m_fetcher(std::move(fetcher)) {}

AgentListModel::~AgentListModel() = default;

int AgentListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_agents.size());
}

int AgentListModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QStringList AgentListModel::toolNames(const Agent &agent) const {
    QStringList names;
    for (const Tool &tool : agent.tools)
        names << ToolChoiceModel::displayName(tool, m_connectors);
    return names;
}

QVariant AgentListModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Agent &agent = m_agents.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return agent.name;
        case ModelColumn:
            return agent.model;
        case ToolsColumn:
            return toolNames(agent).join(u", "_s);
        case VersionColumn:
            return agent.version;
        case UpdatedColumn:
            return agent.updatedAt.isValid()
                       ? QLocale().toString(agent.updatedAt.toLocalTime(), QLocale::ShortFormat)
                       : QString();
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == ToolsColumn && !agent.tools.isEmpty())
            return toolNames(agent).join(u'\n');
        return agent.description.value_or(QString());
    case Qt::TextAlignmentRole:
        if (index.column() == VersionColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Roles::AgentIdRole:
        return agent.id;
    case Roles::AgentObjectRole:
        return QVariant::fromValue(agent);
    case Roles::AgentVersionRole:
        return agent.version;
    case Roles::AgentNameRole:
        return agent.name;
    case Roles::AgentModelRole:
        return agent.model;
    case Roles::AgentToolsRole:
        return toolNames(agent);
    case Roles::AgentUpdatedRole:
        return agent.updatedAt;
    case Roles::AgentDescriptionRole:
        return agent.description.value_or(QString());
    default:
        return {};
    }
}

QVariant AgentListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case ModelColumn:
        return tr("Model");
    case ToolsColumn:
        return tr("Tools");
    case VersionColumn:
        return tr("Version");
    case UpdatedColumn:
        return tr("Updated");
    default:
        return {};
    }
}

QHash<int, QByteArray> AgentListModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(Roles::AgentIdRole, "agentId");
    names.insert(Roles::AgentObjectRole, "agent");
    names.insert(Roles::AgentVersionRole, "version");
    names.insert(Roles::AgentNameRole, "name");
    names.insert(Roles::AgentModelRole, "model");
    names.insert(Roles::AgentToolsRole, "tools");
    names.insert(Roles::AgentUpdatedRole, "updated");
    names.insert(Roles::AgentDescriptionRole, "description");
    return names;
}

bool AgentListModel::canFetchMore(const QModelIndex &parent) const {
    if (parent.isValid() || !m_fetcher || m_loading || m_atEnd || !m_loaded)
        return false;
    // After a failure, only refresh() tries again (no request loop from the view).
    return !m_lastError.isError();
}

void AgentListModel::fetchMore(const QModelIndex &parent) {
    if (!canFetchMore(parent))
        return;
    load(m_nextPageToken);
}

void AgentListModel::refresh() {
    ++m_generation; // answers to earlier requests are ignored from now on
    setLoading(false);
    m_loaded = false;
    m_atEnd = false;
    m_nextPageToken.clear();
    m_lastError = ApiError();
    if (!m_agents.isEmpty()) {
        beginResetModel();
        m_agents.clear();
        endResetModel();
    }
    if (m_fetcher)
        load(QString());
}

void AgentListModel::setSearch(const QString &text) {
    const QString trimmed = text.trimmed();
    if (trimmed == m_search)
        return;
    m_search = trimmed;
    refresh();
}

void AgentListModel::setPageSize(int size) {
    m_pageSize = qBound(1, size, 100);
}

void AgentListModel::setConnectors(const QList<Connector> &connectors) {
    m_connectors = connectors;
    if (!m_agents.isEmpty())
        Q_EMIT dataChanged(index(0, ToolsColumn), index(rowCount() - 1, ToolsColumn),
                           {Qt::DisplayRole, Qt::ToolTipRole, Roles::AgentToolsRole});
}

void AgentListModel::setLoading(bool loading) {
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

void AgentListModel::load(const QString &pageToken) {
    const quint64 generation = m_generation;
    setLoading(true);
    m_fetcher(pageToken, m_pageSize, m_search, this,
              [this, generation](const ServiceResult<AgentPage> &result) {
                  if (generation != m_generation)
                      return;
                  setLoading(false);
                  if (!result.ok()) {
                      if (result.error.isCanceled())
                          return;
                      m_lastError = result.error;
                      Q_EMIT loadFailed(result.error);
                      return;
                  }
                  m_lastError = ApiError();
                  m_loaded = true;
                  const AgentPage &page = *result.value;
                  m_nextPageToken = page.nextPageToken.value_or(QString());
                  // An empty page ends the list even with a token (no request loop).
                  m_atEnd = m_nextPageToken.isEmpty() || page.data.isEmpty();
                  QList<Agent> fresh;
                  for (const Agent &agent : page.data) {
                      // An agent may move between pages while paging: keep the first.
                      if (rowOf(agent.id) < 0
                          && std::none_of(fresh.cbegin(), fresh.cend(),
                                          [&](const Agent &a) { return a.id == agent.id; }))
                          fresh.append(agent);
                  }
                  if (!fresh.isEmpty()) {
                      const int first = rowCount();
                      beginInsertRows({}, first, first + int(fresh.size()) - 1);
                      m_agents.append(fresh);
                      endInsertRows();
                  }
                  if (m_search.isEmpty()) {
                      m_account = m_agents;
                      Q_EMIT accountAgentsChanged();
                  }
                  Q_EMIT pageLoaded();
                  if (m_everyPage && m_search.isEmpty() && !m_atEnd && !m_loading)
                      load(m_nextPageToken);
              });
}

Agent AgentListModel::agentAt(int row) const {
    return m_agents.value(row);
}

int AgentListModel::rowOf(const QString &id) const {
    for (qsizetype i = 0; i < m_agents.size(); ++i) {
        if (m_agents.at(i).id == id)
            return int(i);
    }
    return -1;
}

void AgentListModel::upsertAgent(const Agent &agent) {
    const auto known = std::find_if(m_account.begin(), m_account.end(),
                                    [&agent](const Agent &a) { return a.id == agent.id; });
    if (known != m_account.end())
        *known = agent;
    else
        m_account.prepend(agent);
    const int row = rowOf(agent.id);
    if (row >= 0) {
        m_agents[row] = agent;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    } else {
        beginInsertRows({}, 0, 0);
        m_agents.prepend(agent);
        endInsertRows();
    }
    Q_EMIT accountAgentsChanged();
}

void AgentListModel::removeAgent(const QString &id) {
    if (m_account.removeIf([&id](const Agent &a) { return a.id == id; }) > 0)
        Q_EMIT accountAgentsChanged();
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_agents.removeAt(row);
    endRemoveRows();
}

} // namespace Tramontane
