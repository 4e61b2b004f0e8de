// SPDX-License-Identifier: GPL-3.0-or-later
#include "OAuthServer.h"

#include "HttpServer.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Tramontane::Emulator {

namespace {

constexpr qint64 CodeLifetimeMs = 60 * 1000;

qint64 nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

QByteArray randomBytes(int count) {
    QByteArray bytes(count, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), count / 4);
    return bytes;
}

// Random text in URL-safe base64.
QString randomToken(int bytes = 24) {
    return QString::fromLatin1(randomBytes(bytes).toBase64(QByteArray::Base64UrlEncoding
                                                           | QByteArray::OmitTrailingEquals));
}

// A code shaped like Google's: "4/0A" then standard base64, so it holds '/' and '+' that a
// client must encode exactly once.
QString randomCode() {
    QString code = u"4/0A"_s + QString::fromLatin1(randomBytes(24).toBase64());
    if (!code.contains(u'+'))
        code.insert(8, u'+');
    return code;
}

// An application/x-www-form-urlencoded body: '+' is a space, then percent-decoding.
QHash<QString, QString> parseForm(const QByteArray &body) {
    QHash<QString, QString> form;
    const QList<QByteArray> pairs = body.split('&');
    for (QByteArray pair : pairs) {
        if (pair.isEmpty())
            continue;
        pair.replace('+', ' ');
        const qsizetype eq = pair.indexOf('=');
        const QByteArray name = eq < 0 ? pair : pair.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        form.insert(QString::fromUtf8(QByteArray::fromPercentEncoding(name)),
                    QString::fromUtf8(QByteArray::fromPercentEncoding(value)));
    }
    return form;
}

void sendJson(HttpExchange *ex, int status, const QJsonObject &body,
              const HeaderList &headers = {}) {
    HeaderList all = headers;
    all.append(qMakePair(QByteArray("Cache-Control"), QByteArray("no-store")));
    ex->send(status, "application/json", QJsonDocument(body).toJson(QJsonDocument::Compact), all);
}

void sendError(HttpExchange *ex, int status, const QString &error, const QString &description) {
    sendJson(ex, status, {{u"error"_s, error}, {u"error_description"_s, description}});
}

bool isLoopbackRedirect(const QUrl &url) {
    return url.scheme() == "http"_L1
           && (url.host() == "127.0.0.1"_L1 || url.host() == "::1"_L1
               || url.host() == "localhost"_L1);
}

QString s256(const QString &verifier) {
    return QString::fromLatin1(
        QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

bool OAuthServer::handles(const QStringList &segments) {
    const QString first = segments.value(0);
    if (first == "__oauth"_L1)
        return true;
    return first == ".well-known"_L1
           && (segments.value(1) == "oauth-authorization-server"_L1
               || segments.value(1) == "openid-configuration"_L1)
           && segments.value(2) == "__oauth"_L1 && segments.size() == 3;
}

QJsonObject OAuthServer::metadata() const {
    const QString iss = issuer();
    QJsonObject m{
        {u"issuer"_s, iss},
        {u"authorization_endpoint"_s, QString(iss + u"/authorize"_s)},
        {u"token_endpoint"_s, QString(iss + u"/token"_s)},
        {u"response_types_supported"_s, QJsonArray{u"code"_s}},
        {u"grant_types_supported"_s, QJsonArray{u"authorization_code"_s, u"refresh_token"_s}},
        {u"code_challenge_methods_supported"_s, QJsonArray{u"S256"_s}},
        {u"token_endpoint_auth_methods_supported"_s,
         QJsonArray{u"none"_s, u"client_secret_post"_s, u"client_secret_basic"_s}},
        {u"scopes_supported"_s, QJsonArray::fromStringList(m_options.scopes.split(u' '))},
    };
    if (m_options.registration)
        m.insert(u"registration_endpoint"_s, QString(iss + u"/register"_s));
    if (m_options.revocation)
        m.insert(u"revocation_endpoint"_s, QString(iss + u"/revoke"_s));
    if (m_options.issParameter)
        m.insert(u"authorization_response_iss_parameter_supported"_s, true);
    return m;
}

void OAuthServer::handle(HttpExchange *ex) {
    const HttpRequest &req = ex->request();
    if (req.segments.value(0) == ".well-known"_L1) {
        // Only RFC 8414 metadata: the OpenID path answers 404, as for a plain OAuth server.
        if (req.segments.value(1) == "oauth-authorization-server"_L1 && req.method == "GET")
            sendJson(ex, 200, metadata());
        else
            sendError(ex, 404, u"not_found"_s, u"No such document"_s);
        return;
    }
    const QString what = req.segments.value(1);
    if (what == "authorize"_L1 && req.method == "GET")
        authorize(ex);
    else if (what == "token"_L1 && req.method == "POST")
        token(ex);
    else if (what == "register"_L1 && req.method == "POST" && m_options.registration)
        registerClient(ex);
    else if (what == "revoke"_L1 && req.method == "POST" && m_options.revocation)
        revoke(ex);
    else
        sendError(ex, 404, u"not_found"_s, u"No such endpoint"_s);
}

void OAuthServer::registerClient(HttpExchange *ex) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(ex->request().body, &parseError);
    if (!doc.isObject()) {
        sendError(ex, 400, u"invalid_client_metadata"_s, u"The body must be a JSON object"_s);
        return;
    }
    const QJsonObject in = doc.object();
    const QJsonArray uris = in.value("redirect_uris"_L1).toArray();
    if (uris.isEmpty()) {
        sendError(ex, 400, u"invalid_redirect_uri"_s, u"redirect_uris is required"_s);
        return;
    }
    Client client;
    for (const QJsonValue &uri : uris) {
        const QUrl url(uri.toString());
        if (!url.isValid() || (url.scheme() != "https"_L1 && !isLoopbackRedirect(url))) {
            sendError(ex, 400, u"invalid_redirect_uri"_s,
                      u"Redirect URIs must be https or loopback http"_s);
            return;
        }
        client.redirectUris.append(uri.toString());
    }
    const QString method = in.value("token_endpoint_auth_method"_L1).toString(u"none"_s);
    if (method != "none"_L1 && method != "client_secret_post"_L1
        && method != "client_secret_basic"_L1) {
        sendError(ex, 400, u"invalid_client_metadata"_s,
                  u"Unsupported token_endpoint_auth_method"_s);
        return;
    }
    if (method != "none"_L1)
        client.secret = randomToken();
    const QString id = u"emulator-client-%1"_s.arg(++m_clientSeq);
    m_clients.insert(id, client);
    QJsonObject out = in;
    out.insert(u"client_id"_s, id);
    out.insert(u"client_id_issued_at"_s, nowMs() / 1000);
    out.insert(u"token_endpoint_auth_method"_s, method);
    if (!client.secret.isEmpty()) {
        out.insert(u"client_secret"_s, client.secret);
        out.insert(u"client_secret_expires_at"_s, 0);
    }
    sendJson(ex, 201, out);
}

bool OAuthServer::redirectAllowed(const Client &client, const QString &redirectUri) const {
    const QUrl asked(redirectUri);
    for (const QString &registered : client.redirectUris) {
        if (registered == redirectUri)
            return true;
        // RFC 8252 §7.3: a loopback redirect matches whatever port the app listens on.
        const QUrl known(registered);
        if (isLoopbackRedirect(known) && isLoopbackRedirect(asked) && known.host() == asked.host()
            && known.path() == asked.path())
            return true;
    }
    return false;
}

void OAuthServer::authorize(HttpExchange *ex) {
    const QUrlQuery &q = ex->request().query;
    auto value = [&q](const char *name) {
        return q.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded);
    };
    const QString clientId = value("client_id");
    const QString redirectUri = value("redirect_uri");
    const auto client = m_clients.constFind(clientId);
    // Without a known client and redirect URI nothing may be redirected anywhere.
    if (client == m_clients.cend()) {
        sendError(ex, 400, u"invalid_client"_s, u"Unknown client_id"_s);
        return;
    }
    if (!redirectAllowed(*client, redirectUri)) {
        sendError(ex, 400, u"invalid_request"_s, u"redirect_uri is not registered"_s);
        return;
    }
    const QString state = value("state");
    auto redirect = [&](QUrlQuery params) {
        if (!state.isEmpty())
            params.addQueryItem(u"state"_s, QString::fromLatin1(QUrl::toPercentEncoding(state)));
        if (m_options.issParameter) {
            const QString iss = m_options.wrongIss ? u"https://attacker.example/"_s : issuer();
            params.addQueryItem(u"iss"_s, QString::fromLatin1(QUrl::toPercentEncoding(iss)));
        }
        QUrl target(redirectUri);
        target.setQuery(params.query(QUrl::FullyEncoded), QUrl::StrictMode);
        ex->send(302, "text/plain", "Redirecting",
                 {{"Location", target.toEncoded()}, {"Cache-Control", "no-store"}});
    };
    auto fail = [&](const QString &error, const QString &description) {
        QUrlQuery params;
        params.addQueryItem(u"error"_s, error);
        params.addQueryItem(u"error_description"_s,
                            QString::fromLatin1(QUrl::toPercentEncoding(description)));
        redirect(params);
    };
    if (value("response_type") != "code"_L1) {
        fail(u"unsupported_response_type"_s, u"Only the code flow is supported"_s);
        return;
    }
    const QString challenge = value("code_challenge");
    if (challenge.isEmpty() || value("code_challenge_method") != "S256"_L1) {
        fail(u"invalid_request"_s, u"PKCE with S256 is required"_s);
        return;
    }
    const QString scope = value("scope").isEmpty() ? m_options.scopes : value("scope");
    // The basic scope, those some requests demand, and OpenID's.
    QStringList known = m_options.scopes.split(u' ');
    known += m_options.demandScope.split(u' ', Qt::SkipEmptyParts);
    for (const QString &extra : m_options.toolScopes)
        known += extra.split(u' ', Qt::SkipEmptyParts);
    known.append(u"openid"_s);
    for (const QString &s : scope.split(u' ', Qt::SkipEmptyParts)) {
        if (!known.contains(s)) {
            fail(u"invalid_scope"_s, u"Unknown scope: "_s + s);
            return;
        }
    }
    PendingCode pending{clientId, redirectUri,       challenge,
                        scope,    value("resource"), nowMs() + CodeLifetimeMs};
    const QString code = randomCode();
    m_codes.insert(code, pending);
    QUrlQuery params;
    params.addQueryItem(u"code"_s, QString::fromLatin1(QUrl::toPercentEncoding(code)));
    redirect(params);
}

const OAuthServer::Client *OAuthServer::authenticate(const HttpExchange *ex,
                                                     const QHash<QString, QString> &form,
                                                     QString *clientId, QString *error) const {
    QString secret = form.value(u"client_secret"_s);
    *clientId = form.value(u"client_id"_s);
    const QByteArray basic = ex->request().header("authorization");
    if (basic.startsWith("Basic ")) {
        const QByteArray decoded = QByteArray::fromBase64(basic.mid(6));
        const qsizetype colon = decoded.indexOf(':');
        *clientId = QString::fromUtf8(QByteArray::fromPercentEncoding(decoded.left(colon)));
        secret = QString::fromUtf8(QByteArray::fromPercentEncoding(decoded.mid(colon + 1)));
    }
    const auto client = m_clients.constFind(*clientId);
    if (client == m_clients.cend()) {
        *error = u"Unknown client"_s;
        return nullptr;
    }
    if (!client->secret.isEmpty() && client->secret != secret) {
        *error = u"Client authentication failed"_s;
        return nullptr;
    }
    return &*client;
}

void OAuthServer::token(HttpExchange *ex) {
    const QHash<QString, QString> form = parseForm(ex->request().body);
    QString clientId;
    QString error;
    if (!authenticate(ex, form, &clientId, &error)) {
        sendError(ex, 401, u"invalid_client"_s, error);
        return;
    }
    const QString grant = form.value(u"grant_type"_s);
    if (grant == "authorization_code"_L1) {
        // A code is good for one attempt only, whatever its outcome.
        const PendingCode pending = m_codes.take(form.value(u"code"_s));
        if (pending.clientId.isEmpty() || pending.expiresAtMs < nowMs()
            || pending.clientId != clientId) {
            sendError(ex, 400, u"invalid_grant"_s, u"Unknown, used or expired code"_s);
            return;
        }
        if (form.value(u"redirect_uri"_s) != pending.redirectUri) {
            sendError(ex, 400, u"invalid_grant"_s, u"redirect_uri does not match"_s);
            return;
        }
        if (s256(form.value(u"code_verifier"_s)) != pending.challenge) {
            sendError(ex, 400, u"invalid_grant"_s, u"PKCE verification failed"_s);
            return;
        }
        const QString resource = form.value(u"resource"_s);
        if (!resource.isEmpty() && !pending.resource.isEmpty() && resource != pending.resource) {
            sendError(ex, 400, u"invalid_target"_s, u"resource does not match"_s);
            return;
        }
        issueTokens(ex, clientId, pending.scope,
                    pending.resource.isEmpty() ? resource : pending.resource, false);
        return;
    }
    if (grant == "refresh_token"_L1) {
        const QString presented = form.value(u"refresh_token"_s);
        const auto it = m_refreshTokens.constFind(presented);
        if (it == m_refreshTokens.cend() || it->clientId != clientId) {
            sendError(ex, 400, u"invalid_grant"_s, u"Unknown or revoked refresh token"_s);
            return;
        }
        const Refresh refresh = *it;
        if (m_options.rotateRefreshTokens)
            m_refreshTokens.remove(presented);
        issueTokens(ex, clientId, refresh.scope, refresh.resource, true);
        return;
    }
    sendError(ex, 400, u"unsupported_grant_type"_s, u"Unsupported grant_type"_s);
}

void OAuthServer::issueTokens(HttpExchange *ex, const QString &clientId, const QString &scope,
                              const QString &resource, bool refreshing) {
    const QByteArray access = "emu-at-" + randomToken().toLatin1();
    m_tokens.insert(access, IssuedToken{clientId, scope, resource,
                                        nowMs() + qint64(m_options.tokenLifetimeS) * 1000});
    QJsonObject out{{u"access_token"_s, QString::fromLatin1(access)},
                    {u"token_type"_s, u"Bearer"_s},
                    {u"expires_in"_s, m_options.tokenLifetimeS},
                    {u"scope"_s, scope}};
    if (scope.split(u' ').contains("openid"_L1) && !m_options.account.isEmpty()) {
        // An unsigned id_token (alg none): enough for a client that only shows who signed in.
        const auto part = [](const QJsonObject &o) {
            return QJsonDocument(o)
                .toJson(QJsonDocument::Compact)
                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        };
        const QByteArray idToken = part({{u"alg"_s, u"none"_s}}) + '.'
                                   + part({{u"iss"_s, issuer()},
                                           {u"aud"_s, clientId},
                                           {u"sub"_s, u"emulated-user"_s},
                                           {u"email"_s, m_options.account}})
                                   + '.';
        out.insert(u"id_token"_s, QString::fromLatin1(idToken));
    }
    if (!refreshing || m_options.rotateRefreshTokens) {
        const QString refresh = u"emu-rt-"_s + randomToken();
        m_refreshTokens.insert(refresh, Refresh{clientId, scope, resource});
        out.insert(u"refresh_token"_s, refresh);
    }
    sendJson(ex, 200, out);
}

void OAuthServer::revoke(HttpExchange *ex) {
    const QHash<QString, QString> form = parseForm(ex->request().body);
    QString clientId;
    QString error;
    if (!authenticate(ex, form, &clientId, &error)) {
        sendError(ex, 401, u"invalid_client"_s, error);
        return;
    }
    const QString token = form.value(u"token"_s);
    // RFC 7009 §2.2: an unknown token is not an error.
    if (m_refreshTokens.value(token).clientId == clientId)
        m_refreshTokens.remove(token);
    if (m_tokens.value(token.toLatin1()).clientId == clientId)
        m_tokens.remove(token.toLatin1());
    ex->send(200, "application/json", "{}");
}

const IssuedToken *OAuthServer::validToken(const QByteArray &accessToken) const {
    const auto it = m_tokens.constFind(accessToken);
    if (it == m_tokens.cend() || it->expiresAtMs <= nowMs())
        return nullptr;
    return &*it;
}

void OAuthServer::handleAdmin(HttpExchange *ex) {
    const HttpRequest &req = ex->request();
    if (req.segments.value(2) == "expire"_L1 && req.method == "POST") {
        for (IssuedToken &t : m_tokens)
            t.expiresAtMs = 0;
        sendJson(ex, 200, {{u"expired"_s, int(m_tokens.size())}});
        return;
    }
    if (req.segments.size() != 2) {
        sendError(ex, 404, u"not_found"_s, u"No such admin endpoint"_s);
        return;
    }
    if (req.method == "DELETE") {
        m_clients.clear();
        m_codes.clear();
        m_tokens.clear();
        m_refreshTokens.clear();
    } else if (req.method == "POST") {
        const QJsonObject in = QJsonDocument::fromJson(req.body).object();
        auto flag = [&in](const char *name, bool *target) {
            const QJsonValue v = in.value(QLatin1StringView(name));
            if (v.isBool())
                *target = v.toBool();
        };
        if (in.value("token_lifetime"_L1).isDouble())
            m_options.tokenLifetimeS = qMax(1, in.value("token_lifetime"_L1).toInt());
        flag("registration", &m_options.registration);
        flag("revocation", &m_options.revocation);
        flag("iss_parameter", &m_options.issParameter);
        flag("wrong_iss", &m_options.wrongIss);
        flag("rotate_refresh_tokens", &m_options.rotateRefreshTokens);
        if (in.value("scopes"_L1).isString())
            m_options.scopes = in.value("scopes"_L1).toString();
        if (in.value("demand_scope"_L1).isString())
            m_options.demandScope = in.value("demand_scope"_L1).toString();
        if (in.value("tool_scopes"_L1).isObject()) {
            m_options.toolScopes.clear();
            const QJsonObject tools = in.value("tool_scopes"_L1).toObject();
            for (auto it = tools.begin(); it != tools.end(); ++it)
                m_options.toolScopes.insert(it.key(), it.value().toString());
        }
        if (in.value("account"_L1).isString())
            m_options.account = in.value("account"_L1).toString();
    } else if (req.method != "GET") {
        sendError(ex, 405, u"invalid_request"_s, u"Method not allowed"_s);
        return;
    }
    sendJson(ex, 200,
             {{u"token_lifetime"_s, m_options.tokenLifetimeS},
              {u"registration"_s, m_options.registration},
              {u"revocation"_s, m_options.revocation},
              {u"iss_parameter"_s, m_options.issParameter},
              {u"wrong_iss"_s, m_options.wrongIss},
              {u"rotate_refresh_tokens"_s, m_options.rotateRefreshTokens},
              {u"scopes"_s, m_options.scopes},
              {u"demand_scope"_s, m_options.demandScope},
              {u"account"_s, m_options.account},
              {u"clients"_s, int(m_clients.size())},
              {u"access_tokens"_s, int(m_tokens.size())},
              {u"refresh_tokens"_s, int(m_refreshTokens.size())}});
}

} // namespace Tramontane::Emulator
