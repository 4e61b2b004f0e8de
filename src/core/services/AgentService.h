// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/Agent.h"
#include "core/protocol/Connector.h"
#include "core/services/ServiceResult.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

namespace Tramontane {

class ApiClient;
class ApiJob;

//! The agents API (`/v1/agents`, the SDK's beta.agents): create, list by pages, read, update
//! (each update is a new version), delete, list versions and switch the active one. Every
//! call follows ServiceResult.h; errors carry ApiError::Context::Agent, so a 404 reads
//! "agent not found" and a 409 "an agent with this name exists".
//!
//! Successful changes are also announced by signals, so every view of the agents (the list,
//! the chat's target picker) stays current whoever made the change.
class AgentService final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentService)

public:
    //! The page size the SDK uses by default for /v1/agents/pages.
    static constexpr int kDefaultPageSize = 20;
    //! The largest page of /v1/agents/{id}/versions.
    static constexpr int kMaxVersionsPageSize = 100;

    explicit AgentService(ApiClient *client, QObject *parent = nullptr);
    ~AgentService() override;

    //! `POST /v1/agents`.
    QPointer<ApiJob> create(const AgentCreateRequest &request, QObject *context,
                            ServiceCallback<Agent> callback);
    //! `GET /v1/agents/pages`: one page of agents after \a pageToken (empty: the first page).
    //! A non-empty \a search filters on the server (the API's `search`: name or id).
    QPointer<ApiJob> listPage(const QString &pageToken, int pageSize, const QString &search,
                              QObject *context, ServiceCallback<AgentPage> callback);
    //! `GET /v1/agents/{id}`, at \a version when set (`agent_version`), else the active one.
    QPointer<ApiJob> get(const QString &id, std::optional<int> version, QObject *context,
                         ServiceCallback<Agent> callback);
    //! `PATCH /v1/agents/{id}`: only the fields set in \a request change; the server makes a
    //! new version and answers the agent at that version.
    QPointer<ApiJob> update(const QString &id, const AgentUpdateRequest &request, QObject *context,
                            ServiceCallback<Agent> callback);
    //! `DELETE /v1/agents/{id}` (204).
    QPointer<ApiJob> remove(const QString &id, QObject *context, ServiceCallback<Done> callback);
    //! `GET /v1/agents/{id}/versions`: the agent as it was at each version, one page of them
    //! (\a pageSize at most kMaxVersionsPageSize).
    QPointer<ApiJob> versions(const QString &id, QObject *context,
                              ServiceCallback<QList<Agent>> callback, int page = 0,
                              int pageSize = kMaxVersionsPageSize);
    //! `PATCH /v1/agents/{id}/version?version=N`: makes \a version the active one.
    QPointer<ApiJob> switchVersion(const QString &id, int version, QObject *context,
                                   ServiceCallback<Agent> callback);

    //! `GET /v1/connectors`: the account's connectors (the first page of up to
    //! \a pageSize), for the agent editor's tool list. Uses ApiError::Context::Connector.
    QPointer<ApiJob> listConnectors(QObject *context, ServiceCallback<QList<Connector>> callback,
                                    int pageSize = 1000);

    //! The percent-encoded path of an agent (ids come from the server: never trusted raw).
    static QString agentPath(const QString &id);

Q_SIGNALS:
    void agentCreated(const Tramontane::Agent &agent);
    //! After an update or a version switch: \a agent is the agent at its active version.
    void agentUpdated(const Tramontane::Agent &agent);
    void agentRemoved(const QString &id);

private:
    ApiClient *m_client;
};

} // namespace Tramontane
