// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QSet>

namespace Tramontane::Emulator {

class HttpExchange;

//! A small MCP server (streamable HTTP, JSON answers) inside the emulator, so the demo connector
//! works offline: `/__mcp` is open, `/__mcp/secured` wants `Authorization: Bearer <token>`.
//! Tools: echo, add, current_time, weather, tiny_image.
class BuiltinMcp final {
public:
    explicit BuiltinMcp(QByteArray token)
        : m_token(std::move(token)) {}

    //! Answers a request to /__mcp or /__mcp/secured.
    void handle(HttpExchange *exchange, bool secured);

private:
    QByteArray m_token;
    QSet<QByteArray> m_sessions;
};

} // namespace Tramontane::Emulator
