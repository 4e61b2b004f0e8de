// SPDX-License-Identifier: GPL-3.0-or-later
#include "PlatformAuth.h"

#include "HttpServer.h"
#include "Store.h"

#include "core/Logging.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Tramontane::Emulator {

namespace {

QString randomText(int bytes) {
    QByteArray data(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(data.data()), bytes / 4);
    return QString::fromLatin1(
        data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

void sendJson(HttpExchange *ex, int status, const QJsonValue &body) {
    const QByteArray bytes = body.isArray()
                                 ? QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact)
                                 : QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
    ex->send(status, "application/json", bytes);
}

void sendDetail(HttpExchange *ex, int status, const QString &detail) {
    sendJson(ex, status, QJsonObject{{u"detail"_s, detail}});
}

// A FastAPI validation error for one field.
void sendInvalid(HttpExchange *ex, const QJsonArray &loc, const QString &message,
                 const QJsonValue &input) {
    sendJson(ex, 422,
             QJsonObject{{u"detail"_s, QJsonArray{QJsonObject{{u"type"_s, u"value_error"_s},
                                                              {u"loc"_s, loc},
                                                              {u"msg"_s, message},
                                                              {u"input"_s, input}}}}});
}

void sendPage(HttpExchange *ex, int status, const QString &text) {
    ex->send(status, "text/html; charset=utf-8",
             u"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Mistral</title></head>"
             "<body><p>%1</p></body></html>"_s.arg(text.toHtmlEscaped())
                 .toUtf8());
}

bool isHttpUrl(const QUrl &url) {
    return url.isValid() && !url.host().isEmpty()
           && (url.scheme() == "https"_L1 || url.scheme() == "http"_L1);
}

const QRegularExpression &credentialName() {
    static const QRegularExpression re(u"^[a-zA-Z0-9_-]{1,64}$"_s);
    return re;
}

} // namespace

bool PlatformAuth::handles(const QStringList &segments) {
    return segments.value(0) == "__platform"_L1;
}

bool PlatformAuth::isConnectorRoute(const QStringList &seg) {
    const QString what = seg.value(3);
    if (seg.size() == 4)
        return what == "auth_url"_L1 || what == "authentication_methods"_L1;
    return (seg.size() == 5 || seg.size() == 6) && what == "user"_L1
           && seg.value(4) == "credentials"_L1;
}

bool PlatformAuth::route(HttpExchange *ex, ConnectorRecord &connector) {
    const HttpRequest &req = ex->request();
    const QStringList &seg = req.segments; // v1 connectors {id} …
    if (!isConnectorRoute(seg))
        return false;
    const QString what = seg.value(3);
    if (what == "auth_url"_L1) {
        req.method == "GET"
            ? authUrl(ex, connector)
            : ex->send(405, "application/json", R"({"detail":"Method Not Allowed"})");
        return true;
    }
    if (what == "authentication_methods"_L1) {
        if (req.method != "GET") {
            ex->send(405, "application/json", R"({"detail":"Method Not Allowed"})");
            return true;
        }
        sendJson(ex, 200, m_store.connectorJson(connector).value("supported_auth_methods"_L1));
        return true;
    }
    credentials(ex, connector);
    return true;
}

void PlatformAuth::authUrl(HttpExchange *ex, ConnectorRecord &connector) {
    const QUrlQuery &q = ex->request().query;
    const QString returnUrl = q.queryItemValue(u"app_return_url"_s, QUrl::FullyDecoded);
    if (!returnUrl.isEmpty() && !isHttpUrl(QUrl(returnUrl))) {
        sendInvalid(ex, QJsonArray{u"query"_s, u"app_return_url"_s},
                    u"Input should be a valid URL"_s, returnUrl);
        return;
    }
    const QString methodType = q.queryItemValue(u"method_type"_s);
    if (!methodType.isEmpty() && methodType != "oauth2"_L1) {
        sendDetail(
            ex, 400,
            u"Connector '%1' has no %2 authentication method"_s.arg(connector.name(), methodType));
        return;
    }
    if (connector.authData.value("client_id"_L1).toString().isEmpty()) {
        sendDetail(ex, 400,
                   u"Connector '%1' has no OAuth2 client: create it with auth_data and "
                   "oauth2_server_metadata or oauth2_server_metadata_url"_s.arg(connector.name()));
        return;
    }
    if (!connector.oauthMetadata.isEmpty()) {
        startSession(ex, connector, connector.oauthMetadata);
        return;
    }
    // The metadata is read from its URL the first time, then kept on the connector.
    QNetworkRequest request{QUrl(connector.oauthMetadataUrl)};
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(10000);
    QNetworkReply *reply = m_nam->get(request);
    const QPointer<HttpExchange> guard(ex);
    const QString id = connector.id;
    QObject::connect(reply, &QNetworkReply::finished, reply, [this, guard, reply, id] {
        reply->deleteLater();
        if (!guard)
            return;
        ConnectorRecord *c = m_store.findConnector(id);
        const QJsonObject metadata = QJsonDocument::fromJson(reply->readAll()).object();
        if (!c || reply->error() != QNetworkReply::NoError
            || !metadata.value("authorization_endpoint"_L1).isString()) {
            sendDetail(guard, 502,
                       u"The OAuth server metadata at %1 could not be read"_s.arg(
                           reply->url().toString()));
            return;
        }
        c->oauthMetadata = metadata;
        startSession(guard, *c, metadata);
    });
}

void PlatformAuth::startSession(HttpExchange *ex, const ConnectorRecord &connector,
                                const QJsonObject &metadata) {
    const QUrlQuery &q = ex->request().query;
    Session session;
    session.connectorId = connector.id;
    session.credentialsName = q.queryItemValue(u"credentials_name"_s, QUrl::FullyDecoded);
    if (session.credentialsName.isEmpty())
        session.credentialsName = u"default"_s;
    session.credentialsTitle = q.queryItemValue(u"credentials_title"_s, QUrl::FullyDecoded);
    session.returnUrl = q.queryItemValue(u"app_return_url"_s, QUrl::FullyDecoded);
    session.verifier = randomText(32);
    session.tokenEndpoint = metadata.value("token_endpoint"_L1).toString();
    session.resource = connector.server();
    session.expiresAtMs = QDateTime::currentMSecsSinceEpoch() + qint64(m_ttlS) * 1000;
    const QString state = randomText(16);
    m_sessions.insert(state, session);

    const QString challenge = QString::fromLatin1(
        QCryptographicHash::hash(session.verifier.toLatin1(), QCryptographicHash::Sha256)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    QUrl url(metadata.value("authorization_endpoint"_L1).toString());
    QUrlQuery params(url);
    params.addQueryItem(u"response_type"_s, u"code"_s);
    params.addQueryItem(u"client_id"_s, QString::fromLatin1(QUrl::toPercentEncoding(
                                            connector.authData.value("client_id"_L1).toString())));
    params.addQueryItem(u"redirect_uri"_s, QString::fromLatin1(QUrl::toPercentEncoding(
                                               m_base + u"/__platform/oauth-callback"_s)));
    params.addQueryItem(u"state"_s, state);
    params.addQueryItem(u"code_challenge"_s, challenge);
    params.addQueryItem(u"code_challenge_method"_s, u"S256"_s);
    params.addQueryItem(u"resource"_s,
                        QString::fromLatin1(QUrl::toPercentEncoding(session.resource)));
    url.setQuery(params.query(QUrl::FullyEncoded), QUrl::StrictMode);
    sendJson(
        ex, 200,
        QJsonObject{{u"auth_url"_s, QString::fromLatin1(url.toEncoded())}, {u"ttl"_s, m_ttlS}});
}

void PlatformAuth::handleAdmin(HttpExchange *ex) {
    const HttpRequest &req = ex->request();
    if (req.method == "POST") {
        const QJsonObject in = QJsonDocument::fromJson(req.body).object();
        if (in.value("ttl"_L1).isDouble())
            m_ttlS = qMax(1, in.value("ttl"_L1).toInt());
    } else if (req.method == "DELETE") {
        m_sessions.clear();
    } else if (req.method != "GET") {
        sendDetail(ex, 405, u"Method Not Allowed"_s);
        return;
    }
    sendJson(ex, 200, QJsonObject{{u"ttl"_s, m_ttlS}, {u"sessions"_s, int(m_sessions.size())}});
}

void PlatformAuth::handle(HttpExchange *ex) {
    const HttpRequest &req = ex->request();
    if (req.segments.value(1) == "oauth-callback"_L1 && req.method == "GET")
        callback(ex);
    else
        sendPage(ex, 404, u"No such page."_s);
}

void PlatformAuth::callback(HttpExchange *ex) {
    const QUrlQuery &q = ex->request().query;
    const QString state = q.queryItemValue(u"state"_s, QUrl::FullyDecoded);
    const Session session = m_sessions.take(state);
    if (session.connectorId.isEmpty()
        || session.expiresAtMs < QDateTime::currentMSecsSinceEpoch()) {
        sendPage(ex, 400, u"This sign-in is unknown or has expired. Start it again."_s);
        return;
    }
    const ConnectorRecord *connector = m_store.findConnector(session.connectorId);
    if (!connector) {
        sendPage(ex, 404, u"The connector no longer exists."_s);
        return;
    }
    auto backToApp = [](HttpExchange *ex, const Session &session, const QString &error) {
        if (session.returnUrl.isEmpty()) {
            sendPage(ex, error.isEmpty() ? 200 : 400,
                     error.isEmpty() ? u"Connected. You can close this tab."_s : error);
            return;
        }
        QUrl target(session.returnUrl);
        if (!error.isEmpty()) {
            QUrlQuery params(target);
            params.addQueryItem(u"error"_s, QString::fromLatin1(QUrl::toPercentEncoding(error)));
            target.setQuery(params.query(QUrl::FullyEncoded), QUrl::StrictMode);
        }
        ex->send(302, "text/plain", "Redirecting",
                 {{"Location", target.toEncoded()}, {"Cache-Control", "no-store"}});
    };
    if (const QString error = q.queryItemValue(u"error"_s, QUrl::FullyDecoded); !error.isEmpty()) {
        backToApp(ex, session, error);
        return;
    }
    QUrlQuery form;
    auto add = [&form](const QString &name, const QString &value) {
        form.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    };
    add(u"grant_type"_s, u"authorization_code"_s);
    add(u"code"_s, q.queryItemValue(u"code"_s, QUrl::FullyDecoded));
    add(u"redirect_uri"_s, m_base + u"/__platform/oauth-callback"_s);
    add(u"code_verifier"_s, session.verifier);
    add(u"resource"_s, session.resource);
    add(u"client_id"_s, connector->authData.value("client_id"_L1).toString());
    if (const QString secret = connector->authData.value("client_secret"_L1).toString();
        !secret.isEmpty())
        add(u"client_secret"_s, secret);
    QNetworkRequest request{QUrl(session.tokenEndpoint)};
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setTransferTimeout(10000);
    QNetworkReply *reply = m_nam->post(request, form.query(QUrl::FullyEncoded).toUtf8());
    const QPointer<HttpExchange> guard(ex);
    QObject::connect(
        reply, &QNetworkReply::finished, reply, [this, guard, reply, session, backToApp] {
            reply->deleteLater();
            if (!guard)
                return;
            const QJsonObject tokens = QJsonDocument::fromJson(reply->readAll()).object();
            const QString access = tokens.value("access_token"_L1).toString();
            ConnectorRecord *c = m_store.findConnector(session.connectorId);
            if (!c || access.isEmpty()) {
                qCInfo(lcEmulator).noquote() << "  platform sign-in: the token request failed:"
                                             << tokens.value("error"_L1).toString();
                backToApp(guard, session,
                          u"token_request_failed: "_s + tokens.value("error"_L1).toString());
                return;
            }
            c->userCredentials.removeIf(
                [&](const UserCredential &u) { return u.name == session.credentialsName; });
            UserCredential credential;
            credential.name = session.credentialsName;
            credential.title = session.credentialsTitle;
            credential.type = u"oauth2"_s;
            credential.isDefault = c->userCredentials.isEmpty();
            credential.checkedAt = isoNow();
            credential.accessToken = access;
            c->userCredentials.append(credential);
            qCInfo(lcEmulator).noquote() << "  platform sign-in: connector" << c->name()
                                         << "connected as" << session.credentialsName;
            backToApp(guard, session, QString());
        });
}

void PlatformAuth::credentials(HttpExchange *ex, ConnectorRecord &connector) {
    const HttpRequest &req = ex->request();
    const QString name = req.segments.value(5);
    if (req.method == "GET" && name.isEmpty()) {
        const QString type = req.query.queryItemValue(u"auth_type"_s);
        QJsonArray list;
        for (const UserCredential &u : std::as_const(connector.userCredentials)) {
            if (type.isEmpty() || u.type == type)
                list.append(userCredentialJson(u));
        }
        sendJson(ex, 200,
                 QJsonObject{{u"credentials"_s, list},
                             {u"connector_preset_credentials_for_auth"_s, QJsonArray()}});
        return;
    }
    if (req.method == "POST" && name.isEmpty()) {
        upsertCredential(ex, connector);
        return;
    }
    if (req.method == "DELETE") {
        const qsizetype removed = connector.userCredentials.removeIf(
            [&](const UserCredential &u) { return name.isEmpty() || u.name == name; });
        if (!name.isEmpty() && removed == 0) {
            sendDetail(
                ex, 404,
                u"Credentials '%1' not found for connector '%2'"_s.arg(name, connector.name()));
            return;
        }
        if (!connector.userCredentials.isEmpty()
            && std::none_of(connector.userCredentials.cbegin(), connector.userCredentials.cend(),
                            [](const UserCredential &u) { return u.isDefault; }))
            connector.userCredentials.first().isDefault = true;
        sendJson(
            ex, 200,
            QJsonObject{{u"message"_s, name.isEmpty() ? u"Credentials deleted"_s
                                                      : u"Credentials '%1' deleted"_s.arg(name)}});
        return;
    }
    ex->send(405, "application/json", R"({"detail":"Method Not Allowed"})");
}

void PlatformAuth::upsertCredential(HttpExchange *ex, ConnectorRecord &connector) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(ex->request().body, &error);
    if (!doc.isObject()) {
        sendInvalid(ex, QJsonArray{u"body"_s}, u"Input should be a valid dictionary"_s,
                    QJsonValue::Null);
        return;
    }
    const QJsonObject body = doc.object();
    static const QStringList known{u"name"_s, u"title"_s, u"is_default"_s, u"credentials"_s};
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        if (!known.contains(it.key())) {
            sendJson(ex, 422,
                     QJsonObject{{u"detail"_s, QJsonArray{QJsonObject{
                                                   {u"type"_s, u"extra_forbidden"_s},
                                                   {u"loc"_s, QJsonArray{u"body"_s, it.key()}},
                                                   {u"msg"_s, u"Extra inputs are not permitted"_s},
                                                   {u"input"_s, it.value()}}}}});
            return;
        }
    }
    const QString name = body.value("name"_L1).toString();
    if (!credentialName().match(name).hasMatch()) {
        sendInvalid(ex, QJsonArray{u"body"_s, u"name"_s},
                    u"String should match pattern '^[a-zA-Z0-9_-]{1,64}$'"_s,
                    body.value("name"_L1));
        return;
    }
    const QJsonObject input = body.value("credentials"_L1).toObject();
    UserCredential credential;
    credential.name = name;
    credential.title = body.value("title"_L1).toString();
    credential.checkedAt = isoNow();
    credential.type = u"none"_s;
    if (input.value("bearer_token"_L1).isString()) {
        credential.type = u"bearer"_s;
        credential.accessToken = input.value("bearer_token"_L1).toString();
    } else if (input.value("oauth"_L1).isObject()) {
        credential.type = u"oauth2"_s;
    }
    const QJsonObject headers = input.value("headers"_L1).toObject();
    for (auto it = headers.constBegin(); it != headers.constEnd(); ++it)
        credential.headers.append({it.key(), it.value().toString(), true});
    const bool firstOne = connector.userCredentials.isEmpty();
    connector.userCredentials.removeIf([&](const UserCredential &u) { return u.name == name; });
    credential.isDefault = firstOne || body.value("is_default"_L1).toBool(false);
    if (credential.isDefault) {
        for (UserCredential &u : connector.userCredentials)
            u.isDefault = false;
    }
    connector.userCredentials.append(credential);
    sendJson(ex, 200, QJsonObject{{u"message"_s, u"Credentials '%1' saved"_s.arg(name)}});
}

} // namespace Tramontane::Emulator
