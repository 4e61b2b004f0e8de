// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/auth/OAuthMetadata.h"
#include "core/auth/OAuthTokens.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;
class QOAuth2AuthorizationCodeFlow;
class QOAuthHttpServerReplyHandler;
class QTimer;

namespace Tramontane {

//! One browser sign-in (the OAuth authorization code flow) through QtNetworkAuth: a
//! QOAuth2AuthorizationCodeFlow, and a QOAuthHttpServerReplyHandler on 127.0.0.1 (never another
//! interface) on a random port. It adds what Qt 6.4 lacks through the modify-parameters hook:
//! PKCE S256, the RFC 8707 `resource` in the authorization and token requests, and the code
//! encoded exactly once (QTBUG-81624); it checks its own 128-bit `state` and, when the server
//! advertises it, the RFC 9207 `iss` before any code is exchanged.
//!
//! The browser is not opened here: browserRequested() hands the (checked) URL to whoever
//! opens it, a desktop service in the app, an HTTP client in tests. One sign-in per object.
class OAuthSignIn final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OAuthSignIn)

public:
    enum class State {
        Idle,
        WaitingForBrowser, //!< the browser was asked to open; waiting for the redirect
        ExchangingCode,    //!< the redirect came; the code is being exchanged for tokens
        SignedIn,          //!< done: tokens() holds the result
        Failed,            //!< done: problem() and detail() say why
        Canceled,          //!< done: cancel() was called
        TimedOut,          //!< done: the browser did not come back in time
    };
    Q_ENUM(State)

    enum class Problem {
        None,
        UnsafeUrl,           //!< an endpoint that is neither https nor http on loopback
        ListenFailed,        //!< no loopback port for the redirect
        AuthorizationDenied, //!< the server redirected with an `error` (detail has it)
        StateMismatch,       //!< the redirect's `state` is not ours
        IssuerMismatch,      //!< the redirect's `iss` is missing or not the issuer
        TokenRequestFailed,  //!< the token endpoint refused the code, or did not answer
        InvalidTokenResponse //!< the token endpoint's answer has no usable token
    };
    Q_ENUM(Problem)

    struct Request {
        AuthorizationServerMetadata server; //!< endpoints, issuer and `iss` support
        OAuthClientCredentials client;
        QString scope;
        QUrl resource; //!< the MCP server (RFC 8707); empty to send none
    };

    //! \a nam carries the token request; it must outlive this object.
    explicit OAuthSignIn(QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~OAuthSignIn() override;

    //! Opens the loopback port now, so redirectUri() is known before start() (for dynamic
    //! registration). start() calls it when needed. False with Problem::ListenFailed.
    bool listen();
    //! The redirect URI the browser comes back to, once listening.
    QString redirectUri() const;

    //! Starts the flow: browserRequested() follows, unless it fails at once (unsafe endpoint,
    //! no port), in which case finished() follows from the event loop.
    void start(const Request &request);
    //! Ends a running sign-in as Canceled; the port closes.
    void cancel();
    //! How long to wait for the browser (default 5 minutes).
    void setTimeout(int ms) { m_timeoutMs = ms; }

    State state() const { return m_state; }
    Problem problem() const { return m_problem; }
    //! Technical detail in English (a server's error code and description), for a details view.
    QString detail() const { return m_detail; }
    //! The tokens, once SignedIn.
    OAuthTokens tokens() const { return m_tokens; }

Q_SIGNALS:
    //! Open the system browser on \a url (https, or http on loopback: checked here).
    void browserRequested(const QUrl &url);
    void stateChanged(Tramontane::OAuthSignIn::State state);
    //! The sign-in ended: SignedIn, Failed, Canceled or TimedOut.
    void finished();

private:
    void onAuthorizeWithBrowser(const QUrl &url);
    void onCallback(const QVariantMap &data);
    void onNetworkReply(QNetworkReply *reply);
    void onGranted();
    void setState(State state);
    void fail(Problem problem, const QString &detail);
    void finish(State state);

    QNetworkAccessManager *m_nam;
    QPointer<QOAuthHttpServerReplyHandler> m_handler;
    QPointer<QOAuth2AuthorizationCodeFlow> m_flow;
    QTimer *m_timer;
    Request m_request;
    State m_state = State::Idle;
    Problem m_problem = Problem::None;
    QString m_detail;
    QString m_state128;    //!< our `state` value
    QByteArray m_verifier; //!< the PKCE code verifier
    QString m_code;        //!< the authorization code, decoded
    OAuthTokens m_tokens;
    int m_timeoutMs = 5 * 60 * 1000;
};

} // namespace Tramontane
