// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/OAuthDiscovery.h"

#include "core/Logging.h"
#include "core/net/ApiJob.h"
#include "core/services/McpRequestJob.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

// Documents larger than this are not metadata.
constexpr qint64 MaxDocumentBytes = 256 * 1024;

// A GET of one metadata document: JSON, capped, never retried, no redirect followed (a
// metadata document is where the server says it is), and no Authorization header (no
// ApiClient is involved, so the API key cannot go along).
class DocumentJob final : public ApiJob {
public:
    DocumentJob(QNetworkAccessManager *nam, const QNetworkRequest &request, QObject *parent)
        : ApiJob(nam, request, Method::Get, {}, ResponseKind::Json, ApiError::Context::Generic,
                 parent) {
        setRetryPolicy(RetryPolicy::never());
        setFollowRedirects(false);
        setMaxBodySize(MaxDocumentBytes);
    }
    ~DocumentJob() override { abandon(); }
};

bool isTransportFailure(const ApiError &error) {
    return error.kind() == ApiError::Kind::Network || error.kind() == ApiError::Kind::Timeout;
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
    if (ApiJob *job = m_job) {
        m_job = nullptr;
        disconnect(job, nullptr, this, nullptr);
        job->cancel();
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

void OAuthDiscovery::get(const QUrl &url, void (OAuthDiscovery::*done)(ApiJob *)) {
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    auto *job = new DocumentJob(m_nam, request, this);
    job->setTransferTimeout(std::chrono::milliseconds(m_timeoutMs));
    m_job = job;
    connect(job, &Job::finished, this, [this, job, done] { (this->*done)(job); });
}

void OAuthDiscovery::probe() {
    // What an MCP client sends first: an initialize request, which a protected server refuses.
    QNetworkRequest request(m_result.serverUrl);
    request.setRawHeader("Content-Type", "application/json");
    request.setRawHeader("Accept", "application/json, text/event-stream");
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
    auto *job = new McpRequestJob(m_nam, request, initialize, 1, this);
    job->setTransferTimeout(std::chrono::milliseconds(m_timeoutMs));
    m_job = job;
    connect(job, &Job::finished, this, [this, job] { onProbeFinished(job); });
}

void OAuthDiscovery::onProbeFinished(ApiJob *job) {
    m_job = nullptr;
    const ApiError error = job->error();
    const int status = job->httpStatus();
    const QUrl url = m_result.serverUrl;
    if (isTransportFailure(error)) {
        fail(Step::ProbeServer, Problem::NetworkError, url, error.detail());
        return;
    }
    if (status >= 200 && status < 300) {
        fail(Step::ProbeServer, Problem::NotProtected, url,
             u"the server answered %1 without asking for authorization"_s.arg(status), status);
        return;
    }
    const auto challenge = BearerChallenge::parse(job->responseHeader("www-authenticate"));
    // 401, or 403 with a challenge (insufficient_scope), is a server asking for authorization.
    if (status != 401 && !(status == 403 && challenge)) {
        fail(Step::ProbeServer, Problem::UnexpectedStatus, url,
             status == 0 ? error.toLogString()
                         : u"the server answered %1 instead of 401"_s.arg(status),
             status);
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

bool OAuthDiscovery::failDocument(Step step, ApiJob *job, const QUrl &url) {
    const ApiError error = job->error();
    const int status = job->httpStatus();
    if (job->succeeded() && status == 200 && job->json().isObject())
        return false;
    if (isTransportFailure(error)) {
        fail(step, Problem::NetworkError, url, error.detail());
        return true;
    }
    if (status != 200 && error.kind() != ApiError::Kind::TooLarge) {
        // The well-known locations are tried in turn; the challenge's URL is the only one.
        if (!m_candidates.isEmpty() && status >= 400 && status < 500)
            return false;
        fail(step, Problem::UnexpectedStatus, url,
             u"the metadata request answered %1"_s.arg(status), status);
        return true;
    }
    fail(step, Problem::InvalidDocument, url,
         error.isError() ? u"the answer is not a JSON object: %1"_s.arg(error.detail())
                         : u"the answer is not a JSON object"_s,
         status);
    return true;
}

void OAuthDiscovery::fetchResourceMetadata() {
    const QUrl url = m_candidates.takeFirst();
    m_result.resourceMetadataUrl = url;
    get(url, &OAuthDiscovery::onResourceMetadataFinished);
}

void OAuthDiscovery::onResourceMetadataFinished(ApiJob *job) {
    m_job = nullptr;
    const QUrl url = m_result.resourceMetadataUrl;
    const int status = job->httpStatus();
    if (failDocument(Step::ResourceMetadata, job, url))
        return;
    if (!job->succeeded()) {
        fetchResourceMetadata();
        return;
    }
    QString error;
    const auto prm = ProtectedResourceMetadata::fromJson(job->json().object(), &error);
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
    get(url, &OAuthDiscovery::onAuthorizationServerMetadataFinished);
}

void OAuthDiscovery::onAuthorizationServerMetadataFinished(ApiJob *job) {
    m_job = nullptr;
    const QUrl url = m_result.authorizationServerMetadataUrl;
    const int status = job->httpStatus();
    if (failDocument(Step::AuthorizationServerMetadata, job, url))
        return;
    if (!job->succeeded()) {
        fetchAuthorizationServerMetadata();
        return;
    }
    QString error;
    const auto as = AuthorizationServerMetadata::fromJson(job->json().object(), &error);
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
