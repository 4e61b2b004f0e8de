// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/ApiError.h"
#include "core/protocol/Agent.h"
#include "core/protocol/Connector.h"
#include "core/services/ServiceResult.h"

#include <QAbstractTableModel>

#include <functional>

namespace Tramontane {

class AgentService;

//! The account's agents as a table (name, model, tools, version, updated), loaded page by
//! page from /v1/agents/pages: the first page on refresh() only (the owner knows when the API
//! can be asked: a view shown early must not ask before), the next ones through fetchMore(),
//! which views call when scrolled to the end. A search text set with
//! setSearch() is passed to the server (`search`) and reloads the list.
//!
//! Built on an AgentService, the model also follows its agentCreated / agentUpdated /
//! agentRemoved signals, so a change made anywhere shows at once without a reload.
class AgentListModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentListModel)

public:
    enum Column { NameColumn, ModelColumn, ToolsColumn, VersionColumn, UpdatedColumn, ColumnCount };
    Q_ENUM(Column)

    //! Loads one page: after \a pageToken (empty: the first), \a pageSize agents at most,
    //! filtered by \a search when not empty. \a callback follows ServiceResult.h.
    using PageFetcher =
        std::function<void(const QString &pageToken, int pageSize, const QString &search,
                           QObject *context, ServiceCallback<AgentPage> callback)>;

    explicit AgentListModel(AgentService *service, QObject *parent = nullptr);
    //! A model fed by \a fetcher instead of a service (for tests and other sources).
    explicit AgentListModel(PageFetcher fetcher, QObject *parent = nullptr);
    ~AgentListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    //! Reloads from the first page; an answer to an earlier request is ignored.
    void refresh();
    //! The server-side search (name or id); a change reloads the list.
    void setSearch(const QString &text);
    QString search() const { return m_search; }
    void setPageSize(int size);
    //! Whether an unsearched list follows every page by itself (default: only as a view scrolls),
    //! so that accountAgents() holds the whole account and not its first page.
    void setLoadsEveryPage(bool every) { m_everyPage = every; }
    int pageSize() const { return m_pageSize; }

    //! The account's connectors, to show a connector tool by its title.
    void setConnectors(const QList<Connector> &connectors);

    bool isLoading() const { return m_loading; }
    //! Whether a first page arrived since the last refresh().
    bool hasLoaded() const { return m_loaded; }
    //! The error of the last failed load (cleared by the next successful one).
    ApiError lastError() const { return m_lastError; }

    Agent agentAt(int row) const;
    int rowOf(const QString &id) const;
    QList<Agent> agents() const { return m_agents; }
    //! The account's agents as last listed without a search, with the saves and deletes made
    //! since: what the chat's picker offers and its requests use. A search narrows the rows
    //! (the Agents page), never this list.
    QList<Agent> accountAgents() const { return m_account; }

    //! Replaces the row of \a agent (same id), or inserts it at the top.
    void upsertAgent(const Agent &agent);
    void removeAgent(const QString &id);

Q_SIGNALS:
    void loadingChanged(bool loading);
    //! A page could not be loaded (never for a canceled or superseded request).
    void loadFailed(const Tramontane::ApiError &error);
    //! A page arrived and its rows are in the model.
    void pageLoaded();
    //! accountAgents() changed.
    void accountAgentsChanged();

private:
    void load(const QString &pageToken);
    void setLoading(bool loading);
    QStringList toolNames(const Agent &agent) const;

    PageFetcher m_fetcher;
    QList<Agent> m_agents;
    QList<Agent> m_account;
    QList<Connector> m_connectors;
    QString m_search;
    QString m_nextPageToken;
    int m_pageSize = 20;
    bool m_loading = false;
    bool m_loaded = false;
    bool m_atEnd = false;
    bool m_everyPage = false;
    quint64 m_generation = 0;
    ApiError m_lastError;
};

} // namespace Tramontane

Q_DECLARE_METATYPE(Tramontane::Agent)
