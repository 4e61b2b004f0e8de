// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/OAuthClientRegistration.h"

#include "core/Logging.h"
#include "core/auth/SecretStore.h"
#include "core/net/Redactor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

std::optional<OAuthClientCredentials> parseClient(const QJsonObject &json) {
    OAuthClientCredentials client;
    client.clientId = json.value("client_id"_L1).toString();
    client.clientSecret = json.value("client_secret"_L1).toString();
    if (client.clientId.isEmpty())
        return std::nullopt;
    return client;
}

} // namespace

OAuthClientRegistration::OAuthClientRegistration(QNetworkAccessManager *nam, SecretStore *secrets,
                                                 QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_secrets(secrets) {}

QString OAuthClientRegistration::entry(const QString &issuer) {
    return u"oauth-client/"_s + issuer;
}

void OAuthClientRegistration::resolve(const AuthorizationServerMetadata &server,
                                      const QString &redirectUri,
                                      const OAuthClientCredentials &entered) {
    m_server = server;
    m_redirectUri = redirectUri;
    if (!entered.isEmpty()) {
        const Result result{Outcome::Entered, entered, QString()};
        QMetaObject::invokeMethod(
            this, [this, result] { finish(result); }, Qt::QueuedConnection);
        return;
    }
    if (!m_secrets) {
        QMetaObject::invokeMethod(this, &OAuthClientRegistration::registerClient,
                                  Qt::QueuedConnection);
        return;
    }
    m_secrets->read(entry(server.issuer), this, [this](const SecretStore::Result &stored) {
        if (stored.ok && stored.value) {
            if (const auto client =
                    parseClient(QJsonDocument::fromJson(stored.value->toUtf8()).object())) {
                finish(Result{Outcome::Stored, *client, QString()});
                return;
            }
        }
        registerClient();
    });
}

void OAuthClientRegistration::registerClient() {
    if (m_server.registrationEndpoint.isEmpty()) {
        finish(Result{Outcome::NeedsClientId,
                      {},
                      u"the authorization server offers no dynamic client registration"_s});
        return;
    }
    if (!isAllowedOAuthUrl(m_server.registrationEndpoint)) {
        finish(Result{Outcome::Failed,
                      {},
                      u"the registration endpoint is not https: %1"_s.arg(
                          m_server.registrationEndpoint.toDisplayString())});
        return;
    }
    const QJsonObject metadata{
        {u"client_name"_s, m_clientName},
        {u"redirect_uris"_s, QJsonArray{m_redirectUri}},
        {u"grant_types"_s, QJsonArray{u"authorization_code"_s, u"refresh_token"_s}},
        {u"response_types"_s, QJsonArray{u"code"_s}},
        {u"token_endpoint_auth_method"_s, u"none"_s},
        {u"application_type"_s, u"native"_s},
    };
    QNetworkRequest request(m_server.registrationEndpoint);
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(30000);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply =
        m_nam->post(request, QJsonDocument(metadata).toJson(QJsonDocument::Compact));
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onRegistered(reply); });
}

void OAuthClientRegistration::onRegistered(QNetworkReply *reply) {
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject json = QJsonDocument::fromJson(reply->read(256 * 1024)).object();
    if (status != 200 && status != 201) {
        QString detail = status == 0 ? reply->errorString()
                                     : u"the registration endpoint answered %1"_s.arg(status);
        if (json.contains("error"_L1)) {
            detail += u": "_s + json.value("error"_L1).toString() + u' '
                      + json.value("error_description"_L1).toString();
        }
        finish(Result{Outcome::Failed, {}, Redactor::redactText(detail.trimmed())});
        return;
    }
    const auto client = parseClient(json);
    if (!client) {
        finish(Result{Outcome::Failed, {}, u"the registration answer has no client_id"_s});
        return;
    }
    if (!client->clientSecret.isEmpty())
        Redactor::addSecret(client->clientSecret);
    const Result result{Outcome::Registered, *client, QString()};
    if (!m_secrets) {
        finish(result);
        return;
    }
    const QJsonObject stored{{u"client_id"_s, client->clientId},
                             {u"client_secret"_s, client->clientSecret},
                             {u"redirect_uri"_s, m_redirectUri}};
    // A registration that cannot be kept still serves this sign-in.
    m_secrets->write(entry(m_server.issuer),
                     QString::fromUtf8(QJsonDocument(stored).toJson(QJsonDocument::Compact)), this,
                     [this, result](const SecretStore::Result &written) {
                         if (!written.ok)
                             qCInfo(lcAuth) << "client registration not kept:" << written.error;
                         finish(result);
                     });
}

void OAuthClientRegistration::finish(const Result &result) {
    if (m_done)
        return;
    m_done = true;
    if (!result.client.clientSecret.isEmpty())
        Redactor::addSecret(result.client.clientSecret);
    Q_EMIT finished(result);
}

} // namespace Tramontane
