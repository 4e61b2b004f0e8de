// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

namespace Tramontane {

//! What the client thinks of a connector's MCP server URL. MCP servers are untrusted and the
//! headers sent to them are credentials: the URL must be `https`; plain `http` is tolerated for
//! a server on this machine's loopback interface only, with a visible warning.
struct ServerUrlCheck {
    enum class Verdict {
        Secure,       //!< an https URL with a host
        LoopbackHttp, //!< http to 127.0.0.0/8, ::1 or localhost: usable, with a warning
        Rejected,     //!< empty, malformed, another scheme, or http to a remote host
    };

    Verdict verdict = Verdict::Rejected;
    QUrl url;        //!< the parsed URL (valid unless Rejected)
    QString message; //!< translated: the warning or the reason for rejection; empty if Secure

    bool isUsable() const { return verdict != Verdict::Rejected; }
};

//! Checks \a text (trimmed first) as an MCP server URL.
ServerUrlCheck checkServerUrl(const QString &text);

//! True for "localhost" (and names under ".localhost"), 127.0.0.0/8 and ::1.
bool isLoopbackHost(const QString &host);

//! Why \a name cannot be a header sent to an MCP server (translated), or an empty string: it
//! must be an HTTP token, and not one of the headers the MCP transport sets itself (Host,
//! Content-Type, Accept, Mcp-Session-Id, MCP-Protocol-Version, …).
QString connectorHeaderNameError(const QString &name);
//! Why \a value cannot be a header value (translated), or an empty string: no line breaks or
//! other control characters, at most 8192 characters.
QString connectorHeaderValueError(const QString &value);

struct Connector;

//! True for a header that authenticates its sender: Authorization, Proxy-Authorization, and
//! names that say API key or token (X-Api-Key, Api-Key, X-Auth-Token, …).
bool isAuthenticationHeader(const QString &name);
//! The names of \a connector's secret headers that authenticate (see isAuthenticationHeader),
//! sorted: a connector whose server takes a key in a header authenticates that way even when
//! its authentication method says "none".
QStringList authenticationHeaders(const Connector &connector);

} // namespace Tramontane
