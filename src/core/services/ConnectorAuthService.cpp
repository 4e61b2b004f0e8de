// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/ConnectorAuthService.h"

#include "core/Logging.h"
#include "core/net/ApiClient.h"
#include "core/net/ApiJob.h"

#include <QJsonDocument>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

constexpr auto Context = ApiError::Context::Connector;

QString connectorPath(const QString &idOrName) {
    return u"/v1/connectors/"_s + ApiClient::encodePathSegment(idOrName);
}

} // namespace

ConnectorAuthService::ConnectorAuthService(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client) {}

ConnectorAuthService::~ConnectorAuthService() = default;

QPointer<ApiJob> ConnectorAuthService::authUrl(const QString &idOrName, const QUrl &appReturnUrl,
                                               const QString &credentialsName, QObject *context,
                                               ServiceCallback<ConnectorAuthUrl> callback) {
    if (!m_client || idOrName.isEmpty())
        return refuse(ApiError::invalidRequest(u"no connector id or name"_s, Context), context,
                      callback);
    QUrlQuery query;
    if (appReturnUrl.isValid())
        query.addQueryItem(u"app_return_url"_s, QString::fromLatin1(QUrl::toPercentEncoding(
                                                    appReturnUrl.toString(QUrl::FullyEncoded))));
    query.addQueryItem(u"method_type"_s, u"oauth2"_s);
    if (!credentialsName.isEmpty())
        query.addQueryItem(u"credentials_name"_s,
                           QString::fromLatin1(QUrl::toPercentEncoding(credentialsName)));
    ApiJob *job = m_client->get(connectorPath(idOrName) + u"/auth_url"_s, query, Context);
    return deliver<ConnectorAuthUrl>(
        this, job, context, std::move(callback), [](const ApiJob *job) {
            const QJsonDocument doc = job->json();
            if (!doc.isObject() || !doc.object().value("auth_url"_L1).isString())
                return unexpectedShape<ConnectorAuthUrl>(job, u"the answer has no auth_url"_s);
            return ServiceResult<ConnectorAuthUrl>::success(
                ConnectorAuthUrl::fromJson(doc.object()), job->requestId());
        });
}

QPointer<ApiJob> ConnectorAuthService::authenticationMethods(const QString &idOrName,
                                                             QObject *context,
                                                             ServiceCallback<QJsonArray> callback) {
    if (!m_client || idOrName.isEmpty())
        return refuse(ApiError::invalidRequest(u"no connector id or name"_s, Context), context,
                      callback);
    ApiJob *job =
        m_client->get(connectorPath(idOrName) + u"/authentication_methods"_s, {}, Context);
    return deliver<QJsonArray>(this, job, context, std::move(callback), [](const ApiJob *job) {
        const QJsonDocument doc = job->json();
        if (!doc.isArray())
            return unexpectedShape<QJsonArray>(job, u"the methods are not a JSON array"_s);
        return ServiceResult<QJsonArray>::success(doc.array(), job->requestId());
    });
}

QPointer<ApiJob>
ConnectorAuthService::userCredentials(const QString &idOrName, QObject *context,
                                      ServiceCallback<ConnectorCredentialList> callback) {
    if (!m_client || idOrName.isEmpty())
        return refuse(ApiError::invalidRequest(u"no connector id or name"_s, Context), context,
                      callback);
    ApiJob *job = m_client->get(connectorPath(idOrName) + u"/user/credentials"_s, {}, Context);
    return deliver<ConnectorCredentialList>(
        this, job, context, std::move(callback), [](const ApiJob *job) {
            const QJsonDocument doc = job->json();
            if (!doc.isObject() || !doc.object().value("credentials"_L1).isArray())
                return unexpectedShape<ConnectorCredentialList>(
                    job, u"the answer has no credentials array"_s);
            return ServiceResult<ConnectorCredentialList>::success(
                ConnectorCredentialList::fromJson(doc.object()), job->requestId());
        });
}

QPointer<ApiJob> ConnectorAuthService::deleteUserCredentials(const QString &idOrName,
                                                             const QString &credentialsName,
                                                             QObject *context,
                                                             ServiceCallback<Done> callback) {
    if (!m_client || idOrName.isEmpty())
        return refuse(ApiError::invalidRequest(u"no connector id or name"_s, Context), context,
                      callback);
    QString path = connectorPath(idOrName) + u"/user/credentials"_s;
    if (!credentialsName.isEmpty())
        path += u'/' + ApiClient::encodePathSegment(credentialsName);
    ApiJob *job = m_client->deleteResource(path, Context);
    return deliver<Done>(
        this, job, context, std::move(callback), [this, idOrName](const ApiJob *job) {
            qCInfo(lcNet).noquote() << "connector credentials deleted:" << idOrName;
            Q_EMIT credentialsDeleted(idOrName);
            return ServiceResult<Done>::success(Done{}, job->requestId());
        });
}

} // namespace Tramontane
