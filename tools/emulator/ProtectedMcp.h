// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "BuiltinMcp.h"

#include <QString>
#include <QStringList>

namespace Tramontane::Emulator {

class HttpExchange;
class OAuthServer;

//! An OAuth-protected MCP server: `/__mcp/oauth` serves the built-in tools to a bearer token
//! that OAuthServer issued for this resource and that has not expired; otherwise it answers 401
//! with `WWW-Authenticate: Bearer resource_metadata=…, scope=…` (and `error="invalid_token"`
//! when a token was sent). Its RFC 9728 metadata is at
//! `/.well-known/oauth-protected-resource/__mcp/oauth`.
class ProtectedMcp final {
public:
    explicit ProtectedMcp(const OAuthServer &server)
        : m_server(server)
        , m_tools(QByteArray()) {}

    void setBaseUrl(const QString &base) { m_base = base; }
    //! The resource identifier (RFC 8707) and the server URL a client is given.
    QString resource() const { return m_base + QStringLiteral("/__mcp/oauth"); }

    static bool handles(const QStringList &segments);
    void handle(HttpExchange *exchange);

private:
    QString m_base;
    const OAuthServer &m_server;
    BuiltinMcp m_tools;
};

} // namespace Tramontane::Emulator
