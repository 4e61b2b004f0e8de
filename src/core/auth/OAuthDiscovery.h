// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/auth/OAuthMetadata.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;

namespace Tramontane {

class ApiJob;

//! Finds how to sign in to an MCP server from its bare URL, as the MCP authorization
//! specification says: the server's 401 and its `WWW-Authenticate` challenge
//! (`resource_metadata`, `scope`), its protected-resource metadata (RFC 9728; the challenge's
//! URL, else the well-known URL with the server's path, then at its origin), then the
//! authorization server's metadata (RFC 8414, then OpenID Connect Discovery, with the
//! path-insertion rules). Each step reports what it found; a failure names its step and why,
//! as data: the UI picks the words. Only https URLs, or http on loopback, are ever requested.
//! Each request is a job of the network core (ApiJob): an idle timeout, no retry, no redirect
//! followed, and never the API key (these go to other hosts than the API).
//!
//! One discovery per object: start() once, then finished() fires exactly once (not after
//! abort() or destruction).
class OAuthDiscovery final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OAuthDiscovery)

public:
    enum class Step {
        ProbeServer,                 //!< asking the MCP server, expecting a 401
        ResourceMetadata,            //!< fetching its protected-resource metadata
        AuthorizationServerMetadata, //!< fetching the authorization server's metadata
    };
    Q_ENUM(Step)

    enum class Problem {
        UnsafeUrl,        //!< a URL that is neither https nor http on loopback
        NetworkError,     //!< no HTTP answer (refused, DNS, TLS, timeout)
        NotProtected,     //!< the server answered without asking for authorization
        UnexpectedStatus, //!< an HTTP status that is not what the step needs
        InvalidDocument,  //!< not JSON, or a required field is missing or wrong
        ResourceMismatch, //!< the metadata is about another resource than the server
        IssuerMismatch,   //!< the metadata's issuer is not the authorization server
        PkceUnsupported,  //!< the authorization server does not advertise PKCE S256
    };
    Q_ENUM(Problem)

    struct Failure {
        Step step = Step::ProbeServer;
        Problem problem = Problem::NetworkError;
        QUrl url;       //!< the URL the step failed at (the last one tried)
        int status = 0; //!< the HTTP status, when there was one
        QString detail; //!< technical detail in English (no secrets), for a details view
    };

    struct Result {
        bool ok = false;
        QUrl serverUrl;
        QUrl resource; //!< the RFC 8707 resource indicator to send (the metadata's `resource`)
        QString scope; //!< the challenge's scope, else the resource's supported scopes
        BearerChallenge challenge;
        QUrl resourceMetadataUrl;
        ProtectedResourceMetadata resourceMetadata;
        QUrl authorizationServerMetadataUrl;
        AuthorizationServerMetadata authorizationServer;
        Failure failure; //!< meaningful when !ok
    };

    //! \a nam is used for every request; it must outlive this object.
    explicit OAuthDiscovery(QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~OAuthDiscovery() override;

    void start(const QUrl &serverUrl);
    //! Stops what is in flight; finished() will not fire.
    void abort();

    //! Idle timeout of each request (default 15 s).
    void setRequestTimeout(int ms) { m_timeoutMs = ms; }

Q_SIGNALS:
    //! A step succeeded; \a url is where its answer came from.
    void stepSucceeded(Tramontane::OAuthDiscovery::Step step, const QUrl &url);
    void finished(const Tramontane::OAuthDiscovery::Result &result);

private:
    void probe();
    void onProbeFinished(ApiJob *job);
    void fetchResourceMetadata();
    void onResourceMetadataFinished(ApiJob *job);
    void fetchAuthorizationServerMetadata();
    void onAuthorizationServerMetadataFinished(ApiJob *job);
    //! GETs the document at \a url; \a done runs when the job finished.
    void get(const QUrl &url, void (OAuthDiscovery::*done)(ApiJob *));
    //! A document job that did not give a JSON object: fails \a step, or returns false when
    //! another candidate URL is worth a try.
    bool failDocument(Step step, ApiJob *job, const QUrl &url);
    void fail(Step step, Problem problem, const QUrl &url, const QString &detail, int status = 0);
    void succeed();

    QNetworkAccessManager *m_nam;
    QPointer<ApiJob> m_job;
    Result m_result;
    QList<QUrl> m_candidates; //!< well-known URLs still to try for the current step
    bool m_prmFromChallenge = false;
    int m_timeoutMs = 15000;
    bool m_done = false;
};

} // namespace Tramontane
