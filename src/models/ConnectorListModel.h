// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/ApiError.h"
#include "core/protocol/Connector.h"
#include "core/services/ConnectorService.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

#include <functional>
#include <optional>

namespace Tramontane {

class ApiJob;
class ToolApprovalStore;

//! The account's connectors as a table: name, title, server URL, visibility, active,
//! authenticated, number of tools. Pages come from ConnectorService through the cursor:
//! reload() asks for the first page, and canFetchMore()/fetchMore() for the next ones (a view
//! calls them as the user scrolls; a "Load more" button may too).
//!
//! Rows change only when the server confirmed: a connector created, updated or deleted through
//! the service (by anyone) is inserted, updated or removed from the service's signals. A row
//! already present (e.g. created here and then listed on a later page) is updated, never
//! duplicated. Built-in connectors (Mistral's, owner "system") say so in the name column and
//! in ConnectorBuiltInRole.
//!
//! A failed load keeps the rows already there and exposes the error (loadError(), loadFailed);
//! reload() or fetchMore() tries again.
class ConnectorListModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectorListModel)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)

public:
    enum Column {
        NameColumn,
        TitleColumn,
        ServerColumn,
        VisibilityColumn,
        ActiveColumn,
        AuthenticatedColumn,
        ToolsColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    //! \a service is not owned and must outlive the model; \a approvals (optional, not owned)
    //! lets the tools column flag tools changed since the user approved them.
    explicit ConnectorListModel(ConnectorService *service, ToolApprovalStore *approvals = nullptr,
                                QObject *parent = nullptr);
    ~ConnectorListModel() override;

    //! Page size of the following requests (1 to 1000; default ConnectorService::DefaultPageSize).
    void setPageSize(int pageSize);
    int pageSize() const { return m_pageSize; }
    //! Filters of the following requests; changing them reloads if a load happened before.
    void setFilters(const ConnectorListFilters &filters);
    ConnectorListFilters filters() const { return m_filters; }

    //! Forgets the rows and the cursor and asks for the first page (canceling a request in
    //! flight).
    void reload();
    //! Reads the connector with this id again (`GET /v1/connectors/{id}`) and updates its row:
    //! the answer to a creation or an update may leave out what a read shows (the header
    //! names of the authentication methods). Nothing happens if the read fails.
    void refreshConnector(const QString &connectorId);
    //! True once a first page arrived since the last reload().
    bool hasLoaded() const { return m_loaded; }
    bool isLoading() const { return m_loading; }
    //! True when the server said there are more pages.
    bool hasMore() const { return m_nextCursor.has_value(); }
    //! The error of the last load, or a None error when it succeeded.
    ApiError loadError() const { return m_loadError; }
    //! True when the rows are the account's whole list: every page arrived and none failed (a
    //! connector missing from it is gone).
    bool isComplete() const;

    //! The connector of \a row (a default Connector when out of range).
    Connector connectorAt(int row) const;
    //! The row of the connector with this id, or -1.
    int rowOf(const QString &connectorId) const;
    QList<Connector> connectors() const { return m_rows; }
    //! The connector whose id or name is \a key (as a chat names the connector of a tool).
    std::optional<Connector> connectorNamed(const QString &key) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    //! True when the server said there are more pages, none is loading, and the last load did
    //! not fail (so that a view never retries a failing request by itself).
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    //! Asks for the next page, or the first one if none arrived yet, even after a failure
    //! (a "Load more" or "Retry" button). Does nothing while loading or on the last page.
    void loadMore();
    QHash<int, QByteArray> roleNames() const override;

    //! The sign-in state column (AuthenticatedColumn) of a connector signed in to from this
    //! computer comes from \a provider (unset for the others). Mistral-held connectors say
    //! whether they are connected (ConnectorAuthState); the rest show `is_authenticated`.
    void setSignInStateProvider(std::function<std::optional<QString>(const Connector &)> provider);
    //! The sign-in states changed outside the rows (a token refreshed, a sign-out).
    void refreshSignInStates();

    //! The words shown for a visibility value ("private" → "Private", …).
    static QString visibilityText(const QString &visibility);
    //! What every place that lists the account's connectors says when there are none: a
    //! short title, and the sentence that says what a connector is and how to add one.
    static QString emptyListTitle();
    static QString emptyListHint();

Q_SIGNALS:
    void loadingChanged(bool loading);
    //! A page arrived (\a rows new rows were appended).
    void pageLoaded(int rows);
    void loadFailed(const Tramontane::ApiError &error);

private:
    void requestPage(const QString &cursor);
    void applyPage(const ConnectorPage &page);
    void upsert(const Connector &connector);
    void removeConnector(const QString &connectorId);
    void setLoading(bool loading);
    QVariant displayData(const Connector &connector, int column) const;
    QVariant sortData(const Connector &connector, int column) const;
    QVariant toolState(const Connector &connector) const;

    QPointer<ConnectorService> m_service;
    QPointer<ToolApprovalStore> m_approvals;
    QList<Connector> m_rows;
    std::optional<QString> m_nextCursor;
    ConnectorListFilters m_filters;
    int m_pageSize = ConnectorService::DefaultPageSize;
    QPointer<ApiJob> m_job;
    quint64 m_generation = 0;
    bool m_loaded = false;
    bool m_loading = false;
    ApiError m_loadError;
    std::function<std::optional<QString>(const Connector &)> m_signInState;
};

} // namespace Tramontane
