// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/auth/OAuthDiscovery.h"
#include "core/auth/OAuthSignIn.h"

#include "IntegrationSupport.h"

#include <QCryptographicHash>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

namespace Tramontane::Test {

//! The browser of a sign-in test: follows the authorization URL (the server redirects to the
//! loopback reply handler) and keeps the last page it was shown.
class TestBrowser final {
public:
    TestBrowser() { m_nam.setProxy(QNetworkProxy::NoProxy); }

    //! GETs \a url and follows redirects; returns the final status (0: no answer).
    int follow(const QUrl &url) { return get(url, true); }
    //! GETs \a url without following; the Location header, if any, is in location().
    int visit(const QUrl &url) { return get(url, false); }
    QByteArray page() const { return m_page; }
    QUrl location() const { return m_location; }

private:
    int get(const QUrl &url, bool followRedirects) {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             followRedirects ? QNetworkRequest::NoLessSafeRedirectPolicy
                                             : QNetworkRequest::ManualRedirectPolicy);
        QNetworkReply *reply = m_nam.get(request);
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!done.wait(10000))
            return 0;
        m_page = reply->readAll();
        m_location = QUrl::fromEncoded(reply->rawHeader("Location"));
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        return status;
    }

    QNetworkAccessManager m_nam;
    QByteArray m_page;
    QUrl m_location;
};

//! Runs a discovery to its end.
inline OAuthDiscovery::Result discover(QNetworkAccessManager *nam, const QUrl &url) {
    OAuthDiscovery discovery(nam);
    QSignalSpy finished(&discovery, &OAuthDiscovery::finished);
    discovery.start(url);
    if (finished.isEmpty() && !finished.wait(15000))
        return {};
    return finished.first().first().value<OAuthDiscovery::Result>();
}

//! Registers a public native client with the emulator's authorization server, as RFC 7591 says.
inline QString registerClient(HttpDriver &http, const QString &redirectUri,
                              const QString &authMethod = QStringLiteral("none"),
                              QString *secret = nullptr) {
    const HttpResult r =
        http.post(QStringLiteral("/__oauth/register"),
                  QJsonObject{{QStringLiteral("redirect_uris"), QJsonArray{redirectUri}},
                              {QStringLiteral("application_type"), QStringLiteral("native")},
                              {QStringLiteral("token_endpoint_auth_method"), authMethod}});
    if (secret)
        *secret = r.object().value(QLatin1StringView("client_secret")).toString();
    return r.object().value(QLatin1StringView("client_id")).toString();
}

//! A whole sign-in against the emulator with a freshly registered public client, the test
//! playing the browser. Empty tokens when it did not succeed.
inline OAuthTokens signIn(QNetworkAccessManager *nam, HttpDriver &http,
                          const OAuthDiscovery::Result &discovered) {
    OAuthSignIn flow(nam);
    TestBrowser browser;
    QObject::connect(&flow, &OAuthSignIn::browserRequested, &flow,
                     [&browser](const QUrl &url) { browser.follow(url); });
    QSignalSpy finished(&flow, &OAuthSignIn::finished);
    if (!flow.listen())
        return {};
    OAuthSignIn::Request request;
    request.server = discovered.authorizationServer;
    request.client.clientId = registerClient(http, flow.redirectUri());
    request.scope = discovered.scope;
    request.resource = discovered.resource;
    flow.start(request);
    // The browser runs inside browserRequested(), so the flow may be done already.
    if ((finished.isEmpty() && !finished.wait(15000))
        || flow.state() != OAuthSignIn::State::SignedIn)
        return {};
    return flow.tokens();
}

//! The status of an MCP initialize sent to the emulator's protected endpoint with \a token.
inline int protectedStatus(HttpDriver &http, const QString &token) {
    const QByteArray init = R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{)"
                            R"("protocolVersion":"2025-06-18","capabilities":{},)"
                            R"("clientInfo":{"name":"t","version":"1"}}})";
    return http.send("POST", QStringLiteral("/__mcp/oauth"), init, token.toLatin1()).status;
}

} // namespace Tramontane::Test

Q_DECLARE_METATYPE(Tramontane::OAuthDiscovery::Result)
