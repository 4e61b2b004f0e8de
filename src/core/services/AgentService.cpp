// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/AgentService.h"

#include "core/Logging.h"
#include "core/net/ApiClient.h"
#include "core/net/ApiJob.h"

#include <QJsonArray>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

// Reads a succeeded job's JSON with \a parse (nullopt for a body of the wrong shape), then
// runs \a onSuccess (the service's signals) before the value is delivered.
template<typename T, typename Parse>
QPointer<ApiJob> deliverParsed(QObject *service, ApiJob *job, QObject *context,
                               ServiceCallback<T> callback, Parse parse,
                               std::function<void(const T &)> onSuccess = {}) {
    return deliver<T>(
        service, job, context, std::move(callback),
        [parse = std::move(parse), onSuccess = std::move(onSuccess)](const ApiJob *job) {
            std::optional<T> value = parse(job->json());
            if (!value) {
                ServiceResult<T> failed =
                    unexpectedShape<T>(job, u"the answer has an unexpected shape"_s);
                qCWarning(lcNet) << failed.error.toLogString();
                return failed;
            }
            if (onSuccess)
                onSuccess(*value);
            return ServiceResult<T>::success(std::move(*value), job->requestId());
        });
}

std::optional<Agent> parseAgent(const QJsonDocument &doc) {
    if (!doc.isObject())
        return std::nullopt;
    Agent agent = Agent::fromJson(doc.object());
    if (agent.id.isEmpty())
        return std::nullopt;
    return agent;
}

std::optional<QList<Agent>> parseAgents(const QJsonDocument &doc) {
    if (!doc.isArray())
        return std::nullopt;
    QList<Agent> agents;
    for (const Agent &agent : Agent::listFromJson(doc.array())) {
        if (!agent.id.isEmpty())
            agents.append(agent);
    }
    return agents;
}

} // namespace

AgentService::AgentService(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client) {}

AgentService::~AgentService() = default;

QString AgentService::agentPath(const QString &id) {
    return u"/v1/agents/"_s + ApiClient::encodePathSegment(id);
}

QPointer<ApiJob> AgentService::create(const AgentCreateRequest &request, QObject *context,
                                      ServiceCallback<Agent> callback) {
    ApiJob *job = m_client->postJson(u"/v1/agents"_s, request.toJson(), ApiError::Context::Agent);
    return deliverParsed<Agent>(this, job, context, std::move(callback), parseAgent,
                                [this](const Agent &agent) { Q_EMIT agentCreated(agent); });
}

QPointer<ApiJob> AgentService::listPage(const QString &pageToken, int pageSize,
                                        const QString &search, QObject *context,
                                        ServiceCallback<AgentPage> callback) {
    QUrlQuery query;
    // The SDK always sends page_size (default 20).
    query.addQueryItem(u"page_size"_s, QString::number(pageSize > 0 ? pageSize : kDefaultPageSize));
    if (!pageToken.isEmpty())
        query.addQueryItem(u"page_token"_s,
                           QString::fromLatin1(QUrl::toPercentEncoding(pageToken)));
    const QString text = search.trimmed();
    if (!text.isEmpty())
        query.addQueryItem(u"search"_s, QString::fromLatin1(QUrl::toPercentEncoding(text)));
    ApiJob *job = m_client->get(u"/v1/agents/pages"_s, query, ApiError::Context::Agent);
    return deliverParsed<AgentPage>(this, job, context, std::move(callback),
                                    [](const QJsonDocument &doc) -> std::optional<AgentPage> {
                                        if (!doc.isObject()
                                            || !doc.object().value("data"_L1).isArray())
                                            return std::nullopt;
                                        return AgentPage::fromJson(doc.object());
                                    });
}

QPointer<ApiJob> AgentService::get(const QString &id, std::optional<int> version, QObject *context,
                                   ServiceCallback<Agent> callback) {
    QUrlQuery query;
    if (version)
        query.addQueryItem(u"agent_version"_s, QString::number(*version));
    ApiJob *job = m_client->get(agentPath(id), query, ApiError::Context::Agent);
    return deliverParsed<Agent>(this, job, context, std::move(callback), parseAgent);
}

QPointer<ApiJob> AgentService::update(const QString &id, const AgentUpdateRequest &request,
                                      QObject *context, ServiceCallback<Agent> callback) {
    ApiJob *job = m_client->patchJson(agentPath(id), request.toJson(), ApiError::Context::Agent);
    return deliverParsed<Agent>(this, job, context, std::move(callback), parseAgent,
                                [this](const Agent &agent) { Q_EMIT agentUpdated(agent); });
}

QPointer<ApiJob> AgentService::remove(const QString &id, QObject *context,
                                      ServiceCallback<Done> callback) {
    ApiJob *job = m_client->deleteResource(agentPath(id), ApiError::Context::Agent);
    return deliverParsed<Done>(
        this, job, context, std::move(callback),
        [](const QJsonDocument &) -> std::optional<Done> { return Done{}; },
        [this, id](const Done &) { Q_EMIT agentRemoved(id); });
}

QPointer<ApiJob> AgentService::versions(const QString &id, QObject *context,
                                        ServiceCallback<QList<Agent>> callback, int page,
                                        int pageSize) {
    QUrlQuery query;
    query.addQueryItem(u"page"_s, QString::number(qMax(0, page)));
    query.addQueryItem(u"page_size"_s, QString::number(qBound(1, pageSize, kMaxVersionsPageSize)));
    ApiJob *job = m_client->get(agentPath(id) + u"/versions"_s, query, ApiError::Context::Agent);
    return deliverParsed<QList<Agent>>(this, job, context, std::move(callback), parseAgents);
}

QPointer<ApiJob> AgentService::switchVersion(const QString &id, int version, QObject *context,
                                             ServiceCallback<Agent> callback) {
    QUrlQuery query;
    query.addQueryItem(u"version"_s, QString::number(version));
    ApiJob *job = m_client->patchJson(agentPath(id) + u"/version"_s, QJsonObject(), query,
                                      ApiError::Context::Agent);
    return deliverParsed<Agent>(this, job, context, std::move(callback), parseAgent,
                                [this](const Agent &agent) { Q_EMIT agentUpdated(agent); });
}

QPointer<ApiJob> AgentService::listConnectors(QObject *context,
                                              ServiceCallback<QList<Connector>> callback,
                                              int pageSize) {
    QUrlQuery query;
    query.addQueryItem(u"page_size"_s, QString::number(qBound(1, pageSize, 1000)));
    ApiJob *job = m_client->get(u"/v1/connectors"_s, query, ApiError::Context::Connector);
    return deliverParsed<QList<Connector>>(
        this, job, context, std::move(callback),
        [](const QJsonDocument &doc) -> std::optional<QList<Connector>> {
            if (!doc.isObject() || !doc.object().value("items"_L1).isArray())
                return std::nullopt;
            QList<Connector> connectors;
            for (const Connector &c : ConnectorPage::fromJson(doc.object()).items) {
                if (!c.id.isEmpty())
                    connectors.append(c);
            }
            return connectors;
        });
}

} // namespace Tramontane
