// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/ConnectorService.h"

#include "core/Logging.h"
#include "core/net/ApiClient.h"
#include "core/net/ApiJob.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

constexpr auto Context = ApiError::Context::Connector;

QString connectorPath(const QString &idOrName) {
    return u"/v1/connectors/"_s + ApiClient::encodePathSegment(idOrName);
}

// A connector object with an id, or the error that says the response was not one.
ServiceResult<Connector> connectorFrom(const ApiJob *job) {
    const QJsonDocument doc = job->json();
    if (!doc.isObject())
        return ServiceResult<Connector>::failure(
            ApiError::invalidResponse(u"the connector response is not a JSON object"_s, Context));
    Connector connector = Connector::fromJson(doc.object());
    if (connector.id.isEmpty())
        return ServiceResult<Connector>::failure(
            ApiError::invalidResponse(u"the connector response has no id"_s, Context));
    return ServiceResult<Connector>::success(std::move(connector), job->requestId());
}

} // namespace

ConnectorService::ConnectorService(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client) {}

ConnectorService::~ConnectorService() = default;

bool ConnectorService::isUuid(const QString &text) {
    return text.size() == 36 && !QUuid::fromString(text).isNull();
}

QPointer<ApiJob> ConnectorService::list(const QString &cursor, int pageSize,
                                        const ConnectorListFilters &filters, QObject *context,
                                        ServiceCallback<ConnectorPage> callback) {
    if (!m_client)
        return refuse(ApiError::invalidRequest(u"no API client"_s, Context), context, callback);
    QUrlQuery query;
    query.addQueryItem(u"page_size"_s, QString::number(std::clamp(pageSize, 1, 1000)));
    if (!cursor.isEmpty())
        query.addQueryItem(u"cursor"_s, cursor);
    if (filters.active)
        query.addQueryItem(u"active"_s, *filters.active ? u"true"_s : u"false"_s);
    ApiJob *job = m_client->get(u"/v1/connectors"_s, query, Context);
    return deliver<ConnectorPage>(this, job, context, std::move(callback), [](const ApiJob *job) {
        const QJsonDocument doc = job->json();
        if (!doc.isObject() || !doc.object().value("items"_L1).isArray())
            return ServiceResult<ConnectorPage>::failure(
                ApiError::invalidResponse(u"the connector list has no items array"_s, Context));
        return ServiceResult<ConnectorPage>::success(ConnectorPage::fromJson(doc.object()),
                                                     job->requestId());
    });
}

QPointer<ApiJob> ConnectorService::get(const QString &idOrName, QObject *context,
                                       ServiceCallback<Connector> callback) {
    if (!m_client || idOrName.isEmpty())
        return refuse(ApiError::invalidRequest(u"no connector id or name"_s, Context), context,
                      callback);
    ApiJob *job = m_client->get(connectorPath(idOrName), {}, Context);
    return deliver<Connector>(this, job, context, std::move(callback), &connectorFrom);
}

QPointer<ApiJob> ConnectorService::create(const ConnectorCreateRequest &request, QObject *context,
                                          ServiceCallback<Connector> callback) {
    if (!m_client)
        return refuse(ApiError::invalidRequest(u"no API client"_s, Context), context, callback);
    ApiJob *job = m_client->postJson(u"/v1/connectors"_s, request.toJson(), Context);
    return deliver<Connector>(this, job, context, std::move(callback), [this](const ApiJob *job) {
        ServiceResult<Connector> result = connectorFrom(job);
        if (result.ok()) {
            qCInfo(lcNet).noquote()
                << "connector created:" << result.value->name << result.value->id;
            Q_EMIT connectorCreated(*result.value);
        }
        return result;
    });
}

QPointer<ApiJob> ConnectorService::update(const QString &uuid,
                                          const ConnectorUpdateRequest &request, QObject *context,
                                          ServiceCallback<Connector> callback) {
    if (!m_client || !isUuid(uuid))
        return refuse(ApiError::invalidRequest(u"a connector is updated by its UUID"_s, Context),
                      context, callback);
    ApiJob *job = m_client->patchJson(connectorPath(uuid), request.toJson(), Context);
    return deliver<Connector>(this, job, context, std::move(callback), [this](const ApiJob *job) {
        ServiceResult<Connector> result = connectorFrom(job);
        if (result.ok())
            Q_EMIT connectorUpdated(*result.value);
        return result;
    });
}

QPointer<ApiJob> ConnectorService::remove(const QString &uuid, QObject *context,
                                          ServiceCallback<Done> callback) {
    if (!m_client || !isUuid(uuid))
        return refuse(ApiError::invalidRequest(u"a connector is deleted by its UUID"_s, Context),
                      context, callback);
    ApiJob *job = m_client->deleteResource(connectorPath(uuid), Context);
    return deliver<Done>(this, job, context, std::move(callback), [this, uuid](const ApiJob *job) {
        qCInfo(lcNet).noquote() << "connector deleted:" << uuid
                                << job->json().object().value("message"_L1).toString();
        Q_EMIT connectorRemoved(uuid);
        return ServiceResult<Done>::success(Done{}, job->requestId());
    });
}

QPointer<ApiJob> ConnectorService::listTools(const QString &idOrName, QObject *context,
                                             ServiceCallback<QList<McpTool>> callback,
                                             const ConnectorToolsQuery &options) {
    if (!m_client || idOrName.isEmpty())
        return refuse(ApiError::invalidRequest(u"no connector id or name"_s, Context), context,
                      callback);
    QUrlQuery query;
    query.addQueryItem(u"page"_s, QString::number(std::max(1, options.page)));
    query.addQueryItem(u"page_size"_s, QString::number(std::max(1, options.pageSize)));
    query.addQueryItem(u"refresh"_s, options.refresh ? u"true"_s : u"false"_s);
    query.addQueryItem(u"pretty"_s, u"false"_s);
    if (!options.credentialsName.isEmpty())
        query.addQueryItem(u"credentials_name"_s, options.credentialsName);
    ApiJob *job = m_client->get(connectorPath(idOrName) + u"/tools"_s, query, Context);
    return deliver<QList<McpTool>>(this, job, context, std::move(callback), [](const ApiJob *job) {
        const QJsonDocument doc = job->json();
        if (!doc.isArray())
            return ServiceResult<QList<McpTool>>::failure(
                ApiError::invalidResponse(u"the tool list is not a JSON array"_s, Context));
        return ServiceResult<QList<McpTool>>::success(McpTool::listFromJson(doc.array()),
                                                      job->requestId());
    });
}

} // namespace Tramontane
