// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/Connector.h"
#include "core/protocol/McpTool.h"
#include "core/services/ServiceResult.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

namespace Tramontane {

class ApiClient;
class ApiJob;

//! Filters of `GET /v1/connectors` (`query_filters`, sent exploded: `?active=true`).
struct ConnectorListFilters {
    //! Only connectors active (true) or inactive (false) for the caller; unset: all.
    std::optional<bool> active;

    friend bool operator==(const ConnectorListFilters &, const ConnectorListFilters &) = default;
};

//! Options of `GET /v1/connectors/{id_or_name}/tools`.
struct ConnectorToolsQuery {
    int page = 1;
    int pageSize = 100;
    //! Ask the API to fetch the tools from the MCP server again instead of its cache.
    bool refresh = false;
    //! Which stored credentials to use (empty: the default ones).
    QString credentialsName;
};

//! The connectors API (`/v1/connectors`, `beta.connectors` in the SDKs): list (cursor paged),
//! get (by id or name), create (201), update (PATCH by UUID, only the fields set), delete
//! (by UUID; answers a message) and the connector's MCP tools.
//!
//! Every method follows ServiceResult.h: it takes a context and a callback, which runs exactly
//! once on the GUI thread unless the context died, and returns the job so it can be canceled.
//! Errors carry ApiError::Context::Connector (so a 404 reads "connector not found").
//!
//! The service also announces what the server confirmed (connectorCreated, connectorUpdated,
//! connectorRemoved), whoever asked: the connector table keeps itself current from these.
class ConnectorService final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectorService)

public:
    //! The page size the SDK uses; the API accepts 1 to 1000.
    static constexpr int DefaultPageSize = 100;

    //! \a client is not owned and must outlive the service.
    explicit ConnectorService(ApiClient *client, QObject *parent = nullptr);
    ~ConnectorService() override;

    ApiClient *client() const { return m_client; }

    //! `GET /v1/connectors?page_size=…[&cursor=…][&active=…]`: one page; an empty \a cursor
    //! asks for the first. The page's nextCursor is unset on the last page.
    QPointer<ApiJob> list(const QString &cursor, int pageSize, const ConnectorListFilters &filters,
                          QObject *context, ServiceCallback<ConnectorPage> callback);
    //! `GET /v1/connectors/{id_or_name}`.
    QPointer<ApiJob> get(const QString &idOrName, QObject *context,
                         ServiceCallback<Connector> callback);
    //! `POST /v1/connectors` (201 with the new connector). A name already taken is a 409; a
    //! field the server refuses is a 422 whose fieldErrors() name it (e.g. loc ["server"]).
    QPointer<ApiJob> create(const ConnectorCreateRequest &request, QObject *context,
                            ServiceCallback<Connector> callback);
    //! `PATCH /v1/connectors/{uuid}` with the fields set in \a request.
    QPointer<ApiJob> update(const QString &uuid, const ConnectorUpdateRequest &request,
                            QObject *context, ServiceCallback<Connector> callback);
    //! `DELETE /v1/connectors/{uuid}`; the server answers {"message": …}.
    QPointer<ApiJob> remove(const QString &uuid, QObject *context, ServiceCallback<Done> callback);
    //! `GET /v1/connectors/{id_or_name}/tools`: the MCP tools of the connector (the API asks the
    //! MCP server, so an unreachable server is an error here, usually a 422 or 502).
    QPointer<ApiJob> listTools(const QString &idOrName, QObject *context,
                               ServiceCallback<QList<McpTool>> callback,
                               const ConnectorToolsQuery &query = {});

    //! True when \a text is a UUID in the canonical 36-character form the API wants in paths
    //! that take only an id.
    static bool isUuid(const QString &text);

Q_SIGNALS:
    void connectorCreated(const Tramontane::Connector &connector);
    void connectorUpdated(const Tramontane::Connector &connector);
    void connectorRemoved(const QString &connectorId);

private:
    ApiClient *m_client;
};

} // namespace Tramontane
