// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/OAuthDiscovery.h"

#include "core/Logging.h"
#include "core/net/Redactor.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

// Documents larger than this are not metadata.
constexpr qint64 MaxDocumentBytes = 256 * 1024;

int statusOf(const QNetworkReply *reply) {
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

// Reads a JSON object document; an empty optional with \a error otherwise.
std::optional<QJsonObject> readDocument(QNetworkReply *reply, QString *error) {
    const QByteArray body = reply->read(MaxDocumentBytes);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = u"the answer is not a JSON object: %1"_s.arg(
            Redactor::redactText(QString::fromUtf8(body.left(200))));
        return std::nullopt;
    }
    return doc.object();
}

} // namespace

OAuthDiscovery::OAuthDiscovery(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam) {}

OAuthDiscovery::~OAuthDiscovery() {
    abort();
}

void OAuthDiscovery::abort() {
    m_done = true;
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void OAuthDiscovery::start(const QUrl &serverUrl) {
    m_result = Result();
    m_result.serverUrl = serverUrl.adjusted(QUrl::RemoveFragment);
    m_done = false;
    if (!isAllowedOAuthUrl(m_result.serverUrl)) {
        // Reported from the event loop, like every other outcome.
        QMetaObject::invokeMethod(
            this,
            [this] {
                fail(Step::ProbeServer, Problem::UnsafeUrl, m_result.serverUrl,
                     u"the server URL must be https (or http on this machine)"_s);
            },
            Qt::QueuedConnection);
        return;
    }
    probe();
}

QNetworkReply *OAuthDiscovery::get(const QUrl &url) {
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(m_timeoutMs);
    // Redirects are not followed: a metadata document is where the server says it is.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    return m_nam->get(request);
}

void OAuthDiscovery::probe() {
    // What an MCP client sends first: an initialize request, which a protected server refuses.
    QNetworkRequest request(m_result.serverUrl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    request.setRawHeader("Accept", "application/json, text/event-stream");
    request.setTransferTimeout(m_timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    const QJsonObject initialize{
        {u"jsonrpc"_s, u"2.0"_s},
        {u"id"_s, 1},
        {u"method"_s, u"initialize"_s},
        {u"params"_s, QJsonObject{{u"protocolVersion"_s, u"2025-06-18"_s},
                                  {u"capabilities"_s, QJsonObject()},
                                  {u"clientInfo"_s, QJsonObject{{u"name"_s, u"Tramontane"_s},
                                                                {u"version"_s, u"1"_s}}}}},
    };
    m_reply = m_nam->post(request, QJsonDocument(initialize).toJson(QJsonDocument::Compact));
    QNetworkReply *reply = m_reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onProbeFinished(reply); });
}

void OAuthDiscovery::onProbeFinished(QNetworkReply *reply) {
    reply->deleteLater();
    const int status = statusOf(reply);
    const QUrl url = m_result.serverUrl;
    if (status == 0) {
        fail(Step::ProbeServer, Problem::NetworkError, url, reply->errorString());
        return;
    }
    if (status >= 200 && status < 300) {
        fail(Step::ProbeServer, Problem::NotProtected, url,
             u"the server answered %1 without asking for authorization"_s.arg(status), status);
        return;
    }
    const auto challenge = BearerChallenge::parse(reply->rawHeader("WWW-Authenticate"));
    // 401, or 403 with a challenge (insufficient_scope), is a server asking for authorization.
    if (status != 401 && !(status == 403 && challenge)) {
        fail(Step::ProbeServer, Problem::UnexpectedStatus, url,
             u"the server answered %1 instead of 401"_s.arg(status), status);
        return;
    }
    if (challenge)
        m_result.challenge = *challenge;
    Q_EMIT stepSucceeded(Step::ProbeServer, url);

    m_candidates.clear();
    m_prmFromChallenge = !m_result.challenge.resourceMetadata.isEmpty();
    if (m_prmFromChallenge) {
        const QUrl prm = m_result.challenge.resourceMetadata;
        if (!isAllowedOAuthUrl(prm)) {
            fail(Step::ResourceMetadata, Problem::UnsafeUrl, prm,
                 u"resource_metadata is not an https URL (or http on this machine)"_s);
            return;
        }
        m_candidates.append(prm);
    } else {
        m_candidates = WellKnown::protectedResourceMetadataUrls(m_result.serverUrl);
    }
    fetchResourceMetadata();
}

void OAuthDiscovery::fetchResourceMetadata() {
    const QUrl url = m_candidates.takeFirst();
    m_result.resourceMetadataUrl = url;
    m_reply = get(url);
    QNetworkReply *reply = m_reply;
    connect(reply, &QNetworkReply::finished, this,
            [this, reply] { onResourceMetadataFinished(reply); });
}

void OAuthDiscovery::onResourceMetadataFinished(QNetworkReply *reply) {
    reply->deleteLater();
    const QUrl url = m_result.resourceMetadataUrl;
    const int status = statusOf(reply);
    if (status != 200) {
        // The well-known locations are tried in turn; the challenge's URL is the only one.
        if (!m_candidates.isEmpty() && status >= 400 && status < 500) {
            fetchResourceMetadata();
            return;
        }
        if (status == 0)
            fail(Step::ResourceMetadata, Problem::NetworkError, url, reply->errorString());
        else
            fail(Step::ResourceMetadata, Problem::UnexpectedStatus, url,
                 u"the metadata request answered %1"_s.arg(status), status);
        return;
    }
    QString error;
    const auto json = readDocument(reply, &error);
    const auto prm = json ? ProtectedResourceMetadata::fromJson(*json, &error) : std::nullopt;
    if (!prm) {
        fail(Step::ResourceMetadata, Problem::InvalidDocument, url, error, status);
        return;
    }
    // RFC 9728 §3.3: the metadata must be about the resource that was asked. A document found
    // at the origin may describe the origin itself.
    const bool atOrigin = url.path() == "/.well-known/oauth-protected-resource"_L1;
    QUrl origin = m_result.serverUrl;
    origin.setPath(QString());
    if (!sameOAuthIdentifier(prm->resource, m_result.serverUrl)
        && !(atOrigin && !m_prmFromChallenge && sameOAuthIdentifier(prm->resource, origin))) {
        fail(Step::ResourceMetadata, Problem::ResourceMismatch, url,
             u"the metadata describes %1, not %2"_s.arg(prm->resource.toString(),
                                                        m_result.serverUrl.toString()),
             status);
        return;
    }
    m_result.resourceMetadata = *prm;
    m_result.resource = prm->resource;
    m_result.scope = !m_result.challenge.scope.isEmpty() ? m_result.challenge.scope
                                                         : prm->scopesSupported.join(u' ');
    Q_EMIT stepSucceeded(Step::ResourceMetadata, url);

    m_candidates = WellKnown::authorizationServerMetadataUrls(prm->authorizationServers.first());
    fetchAuthorizationServerMetadata();
}

void OAuthDiscovery::fetchAuthorizationServerMetadata() {
    const QUrl url = m_candidates.takeFirst();
    m_result.authorizationServerMetadataUrl = url;
    m_reply = get(url);
    QNetworkReply *reply = m_reply;
    connect(reply, &QNetworkReply::finished, this,
            [this, reply] { onAuthorizationServerMetadataFinished(reply); });
}

void OAuthDiscovery::onAuthorizationServerMetadataFinished(QNetworkReply *reply) {
    reply->deleteLater();
    const QUrl url = m_result.authorizationServerMetadataUrl;
    const int status = statusOf(reply);
    if (status != 200) {
        if (!m_candidates.isEmpty() && status >= 400 && status < 500) {
            fetchAuthorizationServerMetadata();
            return;
        }
        if (status == 0)
            fail(Step::AuthorizationServerMetadata, Problem::NetworkError, url,
                 reply->errorString());
        else
            fail(Step::AuthorizationServerMetadata, Problem::UnexpectedStatus, url,
                 u"the metadata request answered %1"_s.arg(status), status);
        return;
    }
    QString error;
    const auto json = readDocument(reply, &error);
    const auto as = json ? AuthorizationServerMetadata::fromJson(*json, &error) : std::nullopt;
    if (!as) {
        fail(Step::AuthorizationServerMetadata, Problem::InvalidDocument, url, error, status);
        return;
    }
    const QUrl expected = m_result.resourceMetadata.authorizationServers.first();
    if (!sameOAuthIdentifier(QUrl(as->issuer), expected)) {
        fail(Step::AuthorizationServerMetadata, Problem::IssuerMismatch, url,
             u"the metadata's issuer is %1, not %2"_s.arg(as->issuer, expected.toString()), status);
        return;
    }
    // The MCP specification: without S256 advertised, a client must not go on.
    if (!as->supportsPkceS256()) {
        fail(Step::AuthorizationServerMetadata, Problem::PkceUnsupported, url,
             u"code_challenge_methods_supported does not list S256"_s, status);
        return;
    }
    m_result.authorizationServer = *as;
    if (m_result.scope.isEmpty())
        m_result.scope = as->scopesSupported.join(u' ');
    Q_EMIT stepSucceeded(Step::AuthorizationServerMetadata, url);
    succeed();
}

void OAuthDiscovery::fail(Step step, Problem problem, const QUrl &url, const QString &detail,
                          int status) {
    if (m_done)
        return;
    m_done = true;
    m_result.ok = false;
    m_result.failure = Failure{step, problem, url, status, detail};
    qCInfo(lcAuth).noquote() << "discovery failed at" << int(step) << url.toDisplayString()
                             << detail;
    Q_EMIT finished(m_result);
}

void OAuthDiscovery::succeed() {
    if (m_done)
        return;
    m_done = true;
    m_result.ok = true;
    Q_EMIT finished(m_result);
}

} // namespace Tramontane
