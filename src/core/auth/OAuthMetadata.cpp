// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/OAuthMetadata.h"

#include "core/services/ConnectorPolicy.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Tramontane {

bool isAllowedOAuthUrl(const QUrl &url) {
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty())
        return false;
    if (url.scheme() == "https"_L1)
        return true;
    return url.scheme() == "http"_L1 && isLoopbackHost(url.host());
}

namespace {

bool isTokenChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
           || QByteArrayView("!#$%&'*+-.^_`|~/=").contains(c);
}

// Reads the challenges of a WWW-Authenticate header (RFC 9110 §11.6.1) into a scheme and its
// parameters, each name in lower case. token68 credentials are skipped.
struct Challenge {
    QByteArray scheme;
    QList<std::pair<QByteArray, QString>> params;
};

QList<Challenge> parseChallenges(QByteArrayView h) {
    QList<Challenge> out;
    qsizetype i = 0;
    const qsizetype n = h.size();
    auto skipSpace = [&] {
        while (i < n && (h[i] == ' ' || h[i] == '\t' || h[i] == ','))
            ++i;
    };
    auto readToken = [&] {
        const qsizetype start = i;
        while (i < n && isTokenChar(h[i]) && h[i] != '=')
            ++i;
        return h.sliced(start, i - start).toByteArray();
    };
    while (true) {
        skipSpace();
        if (i >= n)
            break;
        Challenge c;
        c.scheme = readToken().toLower();
        if (c.scheme.isEmpty()) {
            ++i; // an unexpected character: skip it
            continue;
        }
        // Parameters until the next scheme (a token not followed by '=').
        while (true) {
            while (i < n && (h[i] == ' ' || h[i] == '\t' || h[i] == ','))
                ++i;
            const qsizetype save = i;
            const QByteArray name = readToken().toLower();
            qsizetype j = i;
            while (j < n && (h[j] == ' ' || h[j] == '\t'))
                ++j;
            if (name.isEmpty() || j >= n || h[j] != '=') {
                i = save;
                break;
            }
            i = j + 1;
            while (i < n && (h[i] == ' ' || h[i] == '\t'))
                ++i;
            QByteArray value;
            if (i < n && h[i] == '"') {
                ++i;
                while (i < n && h[i] != '"') {
                    if (h[i] == '\\' && i + 1 < n)
                        ++i;
                    value += h[i++];
                }
                ++i; // the closing quote
            } else {
                const qsizetype start = i;
                while (i < n && h[i] != ',' && h[i] != ' ' && h[i] != '\t')
                    ++i;
                value = h.sliced(start, i - start).toByteArray();
            }
            c.params.append({name, QString::fromUtf8(value)});
        }
        out.append(c);
    }
    return out;
}

QStringList stringList(const QJsonValue &value) {
    QStringList out;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &v : array) {
        if (v.isString())
            out.append(v.toString());
    }
    return out;
}

// An endpoint of a metadata document: absent is fine when optional; present must be allowed.
bool readEndpoint(const QJsonObject &json, QLatin1StringView name, bool required, QUrl *out,
                  QString *error) {
    const QJsonValue v = json.value(name);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            *error = u"the document has no \"%1\""_s.arg(name);
        return !required;
    }
    const QUrl url(v.toString(), QUrl::StrictMode);
    if (!v.isString() || !isAllowedOAuthUrl(url)) {
        *error =
            u"\"%1\" is not an https URL (or http on this machine): %2"_s.arg(name, v.toString());
        return false;
    }
    *out = url;
    return true;
}

QUrl withPath(const QUrl &base, const QString &path) {
    QUrl url = base;
    url.setPath(path);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

// The path of an identifier without its trailing slash ("" for the root).
QString trimmedPath(const QUrl &url) {
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    return path;
}

} // namespace

std::optional<BearerChallenge> BearerChallenge::parse(QByteArrayView header) {
    const QList<Challenge> challenges = parseChallenges(header);
    for (const Challenge &c : challenges) {
        if (c.scheme != "bearer")
            continue;
        BearerChallenge out;
        for (const auto &[name, value] : c.params) {
            if (name == "resource_metadata")
                out.resourceMetadata = QUrl(value, QUrl::StrictMode);
            else if (name == "scope")
                out.scope = value;
            else if (name == "error")
                out.error = value;
        }
        return out;
    }
    return std::nullopt;
}

std::optional<ProtectedResourceMetadata>
ProtectedResourceMetadata::fromJson(const QJsonObject &json, QString *error) {
    ProtectedResourceMetadata m;
    const QJsonValue resource = json.value("resource"_L1);
    m.resource = QUrl(resource.toString(), QUrl::StrictMode);
    if (!resource.isString() || !m.resource.isValid() || m.resource.host().isEmpty()) {
        *error = u"the document has no valid \"resource\""_s;
        return std::nullopt;
    }
    const QStringList servers = stringList(json.value("authorization_servers"_L1));
    for (const QString &s : servers) {
        const QUrl url(s, QUrl::StrictMode);
        if (isAllowedOAuthUrl(url))
            m.authorizationServers.append(url);
    }
    if (m.authorizationServers.isEmpty()) {
        *error = servers.isEmpty()
                     ? u"the document lists no \"authorization_servers\""_s
                     : u"no authorization server is an https URL: %1"_s.arg(servers.join(u", "_s));
        return std::nullopt;
    }
    m.scopesSupported = stringList(json.value("scopes_supported"_L1));
    return m;
}

std::optional<AuthorizationServerMetadata>
AuthorizationServerMetadata::fromJson(const QJsonObject &json, QString *error) {
    AuthorizationServerMetadata m;
    m.issuer = json.value("issuer"_L1).toString();
    if (m.issuer.isEmpty()) {
        *error = u"the document has no \"issuer\""_s;
        return std::nullopt;
    }
    if (!readEndpoint(json, "authorization_endpoint"_L1, true, &m.authorizationEndpoint, error)
        || !readEndpoint(json, "token_endpoint"_L1, true, &m.tokenEndpoint, error)
        || !readEndpoint(json, "registration_endpoint"_L1, false, &m.registrationEndpoint, error)
        || !readEndpoint(json, "revocation_endpoint"_L1, false, &m.revocationEndpoint, error))
        return std::nullopt;
    const QStringList responseTypes = stringList(json.value("response_types_supported"_L1));
    if (!responseTypes.isEmpty() && !responseTypes.contains("code"_L1)) {
        *error = u"the server does not offer the authorization code flow"_s;
        return std::nullopt;
    }
    m.scopesSupported = stringList(json.value("scopes_supported"_L1));
    m.codeChallengeMethods = stringList(json.value("code_challenge_methods_supported"_L1));
    m.tokenEndpointAuthMethods = stringList(json.value("token_endpoint_auth_methods_supported"_L1));
    m.issParameterSupported =
        json.value("authorization_response_iss_parameter_supported"_L1).toBool();
    return m;
}

QList<QUrl> WellKnown::protectedResourceMetadataUrls(const QUrl &resource) {
    const QString path = trimmedPath(resource);
    QList<QUrl> urls;
    if (!path.isEmpty())
        urls.append(withPath(resource, u"/.well-known/oauth-protected-resource"_s + path));
    urls.append(withPath(resource, u"/.well-known/oauth-protected-resource"_s));
    return urls;
}

QList<QUrl> WellKnown::authorizationServerMetadataUrls(const QUrl &issuer) {
    const QString path = trimmedPath(issuer);
    if (path.isEmpty()) {
        return {withPath(issuer, u"/.well-known/oauth-authorization-server"_s),
                withPath(issuer, u"/.well-known/openid-configuration"_s)};
    }
    return {withPath(issuer, u"/.well-known/oauth-authorization-server"_s + path),
            withPath(issuer, u"/.well-known/openid-configuration"_s + path),
            withPath(issuer, path + u"/.well-known/openid-configuration"_s)};
}

bool sameOAuthIdentifier(const QUrl &a, const QUrl &b) {
    auto normal = [](const QUrl &url) {
        QUrl n = url.adjusted(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments);
        if (n.path() == "/"_L1)
            n.setPath(QString());
        return n;
    };
    return normal(a) == normal(b);
}

} // namespace Tramontane
