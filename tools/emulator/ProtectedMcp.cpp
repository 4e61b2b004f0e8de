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
    // Scopes beyond the basic one: for every request, or to call a given tool.
    QStringList needed = m_server.options().demandScope.split(u' ', Qt::SkipEmptyParts);
    const QJsonObject rpc = QJsonDocument::fromJson(req.body).object();
    if (rpc.value("method"_L1) == "tools/call"_L1) {
        const QString tool = rpc.value("params"_L1).toObject().value("name"_L1).toString();
        needed += m_server.options().toolScopes.value(tool).split(u' ', Qt::SkipEmptyParts);
    }
    const QStringList granted = issued->scope.split(u' ', Qt::SkipEmptyParts);
    QStringList missing;
    for (const QString &scope : std::as_const(needed)) {
        if (!granted.contains(scope) && !missing.contains(scope))
            missing.append(scope);
    }
    if (!missing.isEmpty()) {
        // RFC 6750 §3.1 and the MCP specification: the scopes this request needs.
        QStringList wanted = m_server.options().scopes.split(u' ', Qt::SkipEmptyParts);
        for (const QString &scope : std::as_const(needed)) {
            if (!wanted.contains(scope))
                wanted.append(scope);
        }
        const QByteArray challenge = R"(Bearer error="insufficient_scope", scope=")"
                                     + wanted.join(u' ').toUtf8() + R"(", resource_metadata=")"
                                     + metadataUrl.toUtf8() + '"';
        ex->send(
            403, "application/json",
            R"({"error":"insufficient_scope","error_description":"The access token lacks a scope this request needs"})",
            {{"WWW-Authenticate", challenge}});
        return;
    }
    m_tools.handle(ex, false);
}

} // namespace Tramontane::Emulator
