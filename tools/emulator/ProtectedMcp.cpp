// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProtectedMcp.h"

#include "HttpServer.h"
#include "OAuthServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Tramontane::Emulator {

bool ProtectedMcp::handles(const QStringList &segments) {
    if (segments.size() == 2 && segments.at(0) == "__mcp"_L1 && segments.at(1) == "oauth"_L1)
        return true;
    return segments.size() == 4 && segments.at(0) == ".well-known"_L1
           && segments.at(1) == "oauth-protected-resource"_L1 && segments.at(2) == "__mcp"_L1
           && segments.at(3) == "oauth"_L1;
}

void ProtectedMcp::handle(HttpExchange *ex) {
    const HttpRequest &req = ex->request();
    const QString metadataUrl = m_base + u"/.well-known/oauth-protected-resource/__mcp/oauth"_s;
    if (req.segments.value(0) == ".well-known"_L1) {
        const QJsonObject prm{
            {u"resource"_s, resource()},
            {u"authorization_servers"_s, QJsonArray{m_server.issuer()}},
            {u"scopes_supported"_s,
             QJsonArray::fromStringList(m_server.options().scopes.split(u' '))},
            {u"bearer_methods_supported"_s, QJsonArray{u"header"_s}},
            {u"resource_name"_s, u"Tramontane emulator protected tools"_s},
        };
        ex->send(200, "application/json", QJsonDocument(prm).toJson(QJsonDocument::Compact));
        return;
    }
    const QByteArray authorization = req.header("authorization");
    const QByteArray token =
        authorization.startsWith("Bearer ") ? authorization.mid(7) : QByteArray();
    const IssuedToken *issued = token.isEmpty() ? nullptr : m_server.validToken(token);
    // The audience check: a token issued for another resource is refused here.
    if (!issued || issued->resource != resource()) {
        QByteArray challenge = "Bearer resource_metadata=\"" + metadataUrl.toUtf8() + "\", scope=\""
                               + m_server.options().scopes.toUtf8() + '"';
        if (!token.isEmpty())
            challenge +=
                R"(, error="invalid_token", error_description="The access token is invalid, expired or not for this resource")";
        ex->send(
            401, "application/json",
            R"({"error":"invalid_token","error_description":"The access token is missing, invalid or expired"})",
            {{"WWW-Authenticate", challenge}});
        return;
    }
    m_tools.handle(ex, false);
}

} // namespace Tramontane::Emulator
