// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/OAuthSignIn.h"

#include "core/Logging.h"
#include "core/net/Redactor.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QOAuth2AuthorizationCodeFlow>
#include <QOAuthHttpServerReplyHandler>
#include <QRandomGenerator>
#include <QTimer>
#include <QtGlobal>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

QByteArray randomUrlSafe(int bytes) {
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), bytes / 4);
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString decoded(const QVariant &value) {
    return QUrl::fromPercentEncoding(value.toString().toUtf8());
}

int statusOf(const QNetworkReply *reply) {
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

} // namespace

OAuthSignIn::OAuthSignIn(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_timer(new QTimer(this)) {
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        m_detail = u"the browser did not come back within %1 s"_s.arg(m_timeoutMs / 1000);
        finish(State::TimedOut);
    });
}

OAuthSignIn::~OAuthSignIn() {
    if (m_handler)
        m_handler->close();
}

bool OAuthSignIn::listen() {
    if (m_handler && m_handler->isListening())
        return true;
    // This constructor binds the given address only; the others listen on every interface.
    m_handler = new QOAuthHttpServerReplyHandler(QHostAddress(QHostAddress::LocalHost), 0, this);
    m_handler->setCallbackPath(u"/callback"_s);
    m_handler->setCallbackText(
        u"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Tramontane</title></head>"
        "<body><p>%1</p></body></html>"_s.arg(
            tr("Tramontane received the answer of the sign-in. You can close this tab and go "
               "back to Tramontane.")
                .toHtmlEscaped()));
    if (!m_handler->isListening()) {
        m_problem = Problem::ListenFailed;
        m_detail = u"could not listen on 127.0.0.1"_s;
        return false;
    }
    return true;
}

QString OAuthSignIn::redirectUri() const {
    return m_handler ? m_handler->callback() : QString();
}

void OAuthSignIn::start(const Request &request) {
    m_request = request;
    const AuthorizationServerMetadata &server = request.server;
    auto failLater = [this](Problem problem, const QString &detail) {
        QMetaObject::invokeMethod(
            this, [this, problem, detail] { fail(problem, detail); }, Qt::QueuedConnection);
    };
    if (!isAllowedOAuthUrl(server.authorizationEndpoint)
        || !isAllowedOAuthUrl(server.tokenEndpoint)) {
        failLater(Problem::UnsafeUrl,
                  u"the authorization and token endpoints must be https (or http on this "
                  "machine): %1, %2"_s.arg(server.authorizationEndpoint.toDisplayString(),
                                           server.tokenEndpoint.toDisplayString()));
        return;
    }
    if (!listen()) {
        failLater(Problem::ListenFailed, m_detail);
        return;
    }
    m_state128 = QString::fromLatin1(randomUrlSafe(16)); // 128 bits
    m_verifier = randomUrlSafe(32);                      // 43 characters (RFC 7636 §4.1)
    if (!request.client.clientSecret.isEmpty())
        Redactor::addSecret(request.client.clientSecret);

    m_flow = new QOAuth2AuthorizationCodeFlow(m_nam, this);
    m_flow->setAuthorizationUrl(server.authorizationEndpoint);
    m_flow->setAccessTokenUrl(server.tokenEndpoint);
    m_flow->setClientIdentifier(request.client.clientId);
    m_flow->setClientIdentifierSharedKey(request.client.clientSecret);
    m_flow->setScope(request.scope);
    m_flow->setState(m_state128);
    m_flow->setReplyHandler(m_handler);
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    // The hook below adds PKCE on every version; Qt's own would send a second challenge.
    m_flow->setPkceMethod(QOAuth2AuthorizationCodeFlow::PkceMethod::None);
#endif
    const QByteArray challenge =
        QCryptographicHash::hash(m_verifier, QCryptographicHash::Sha256)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QString resource = request.resource.toString(QUrl::FullyEncoded);
    m_flow->setModifyParametersFunction([this, challenge,
                                         resource](QAbstractOAuth::Stage stage,
                                                   QMultiMap<QString, QVariant> *parameters) {
        switch (stage) {
        case QAbstractOAuth::Stage::RequestingAuthorization:
            parameters->replace(u"code_challenge"_s, QString::fromLatin1(challenge));
            parameters->replace(u"code_challenge_method"_s, u"S256"_s);
            if (!resource.isEmpty())
                parameters->replace(u"resource"_s,
                                    QString::fromLatin1(QUrl::toPercentEncoding(resource)));
            break;
        case QAbstractOAuth::Stage::RequestingAccessToken:
            // QTBUG-81624: Qt 6.4 encodes the code a second time. The code as the server
            // issued it, encoded once, is right on every version (QUrlQuery keeps %XX).
            parameters->replace(u"code"_s, QString::fromLatin1(QUrl::toPercentEncoding(m_code)));
            parameters->replace(u"code_verifier"_s, QString::fromLatin1(m_verifier));
            if (!resource.isEmpty())
                parameters->replace(u"resource"_s,
                                    QString::fromLatin1(QUrl::toPercentEncoding(resource)));
            if (parameters->value(u"client_secret"_s).toString().isEmpty())
                parameters->remove(u"client_secret"_s);
            break;
        default:
            break;
        }
    });
    connect(m_flow, &QAbstractOAuth::authorizeWithBrowser, this,
            &OAuthSignIn::onAuthorizeWithBrowser);
    connect(m_flow, &QAbstractOAuth::granted, this, &OAuthSignIn::onGranted);
    m_flow->grant();
}

void OAuthSignIn::onAuthorizeWithBrowser(const QUrl &url) {
    if (!isAllowedOAuthUrl(url)) {
        fail(Problem::UnsafeUrl,
             u"refusing to open a non-https authorization URL: %1"_s.arg(url.toDisplayString()));
        return;
    }
    // Qt has connected the redirect to its own handling; put our checks of state and iss in
    // between, so that nothing Qt would accept can skip them.
    disconnect(m_handler, &QAbstractOAuthReplyHandler::callbackReceived, m_flow, nullptr);
    connect(m_handler, &QAbstractOAuthReplyHandler::callbackReceived, this,
            &OAuthSignIn::onCallback, Qt::UniqueConnection);
    setState(State::WaitingForBrowser);
    m_timer->start(m_timeoutMs);
    Q_EMIT browserRequested(url);
}

void OAuthSignIn::onCallback(const QVariantMap &data) {
    if (m_state != State::WaitingForBrowser)
        return;
    const QString error = data.value(u"error"_s).toString();
    if (!error.isEmpty()) {
        const QString description = decoded(data.value(u"error_description"_s));
        fail(Problem::AuthorizationDenied,
             description.isEmpty() ? error : error + u": "_s + description);
        return;
    }
    if (decoded(data.value(u"state"_s)) != m_state128) {
        fail(Problem::StateMismatch, u"the redirect's state is not the one sent"_s);
        return;
    }
    // RFC 9207: required when advertised, and checked whenever present and the issuer is
    // known (endpoints entered by hand may come without it).
    const bool hasIss = data.contains(u"iss"_s);
    const QString iss = decoded(data.value(u"iss"_s));
    if ((m_request.server.issParameterSupported && !hasIss)
        || (hasIss && !m_request.server.issuer.isEmpty()
            && !sameOAuthIdentifier(QUrl(iss), QUrl(m_request.server.issuer)))) {
        fail(Problem::IssuerMismatch,
             hasIss
                 ? u"the redirect names the issuer %1, not %2"_s.arg(iss, m_request.server.issuer)
                 : u"the redirect names no issuer, though the server promised it"_s);
        return;
    }
#if QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
    // The reply handler of Qt < 6.8 leaves query values percent-encoded.
    m_code = decoded(data.value(u"code"_s));
#else
    m_code = data.value(u"code"_s).toString();
#endif
    if (m_code.isEmpty()) {
        fail(Problem::AuthorizationDenied, u"the redirect carries neither a code nor an error"_s);
        return;
    }
    Redactor::addSecret(m_code);
    setState(State::ExchangingCode);
    // The token answer is watched here too: Qt 6.4 reports no failed token request.
    connect(m_nam, &QNetworkAccessManager::finished, this, &OAuthSignIn::onNetworkReply,
            Qt::UniqueConnection);
    Q_EMIT m_flow->authorizationCallbackReceived(data);
}

void OAuthSignIn::onNetworkReply(QNetworkReply *reply) {
    if (m_state != State::ExchangingCode
        || reply->operation() != QNetworkAccessManager::PostOperation
        || reply->url() != m_request.server.tokenEndpoint)
        return;
    const int status = statusOf(reply);
    const QByteArray body = reply->peek(64 * 1024);
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    if (status < 200 || status >= 300) {
        QString detail =
            status == 0 ? reply->errorString() : u"the token endpoint answered %1"_s.arg(status);
        if (json.contains("error"_L1)) {
            detail += u": "_s + json.value("error"_L1).toString();
            const QString description = json.value("error_description"_L1).toString();
            if (!description.isEmpty())
                detail += u" ("_s + description + u')';
        }
        fail(Problem::TokenRequestFailed, Redactor::redactText(detail));
        return;
    }
    if (body.isEmpty())
        return; // already read by Qt's handler: granted() brings the result
    QString error;
    auto tokens = OAuthTokens::fromTokenResponse(json, QDateTime::currentDateTimeUtc(), &error);
    if (!tokens) {
        fail(Problem::InvalidTokenResponse, error);
        return;
    }
    m_tokens = *tokens;
    if (m_tokens.scope.isEmpty())
        m_tokens.scope = m_request.scope;
    finish(State::SignedIn);
}

void OAuthSignIn::onGranted() {
    if (m_state != State::ExchangingCode)
        return;
    m_tokens = OAuthTokens();
    m_tokens.accessToken = m_flow->token();
    m_tokens.refreshToken = m_flow->refreshToken();
    m_tokens.tokenType = u"Bearer"_s;
    m_tokens.expiresAt = m_flow->expirationAt().toUTC();
    m_tokens.scope = m_flow->scope();
    finish(State::SignedIn);
}

void OAuthSignIn::cancel() {
    if (m_state == State::Idle || m_state == State::WaitingForBrowser
        || m_state == State::ExchangingCode)
        finish(State::Canceled);
}

void OAuthSignIn::setState(State state) {
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void OAuthSignIn::fail(Problem problem, const QString &detail) {
    m_problem = problem;
    m_detail = detail;
    qCInfo(lcAuth).noquote() << "sign-in failed:" << int(problem) << detail;
    finish(State::Failed);
}

void OAuthSignIn::finish(State state) {
    if (m_state == State::SignedIn || m_state == State::Failed || m_state == State::Canceled
        || m_state == State::TimedOut)
        return;
    m_timer->stop();
    disconnect(m_nam, &QNetworkAccessManager::finished, this, &OAuthSignIn::onNetworkReply);
    if (m_handler)
        m_handler->close();
    if (state == State::SignedIn) {
        const AuthorizationServerMetadata &server = m_request.server;
        m_tokens.tokenEndpoint = server.tokenEndpoint;
        m_tokens.revocationEndpoint = server.revocationEndpoint;
        m_tokens.issuer = server.issuer;
        m_tokens.client = m_request.client;
        m_tokens.resource = m_request.resource;
        m_tokens.registerSecrets();
    }
    setState(state);
    Q_EMIT finished();
}

} // namespace Tramontane
