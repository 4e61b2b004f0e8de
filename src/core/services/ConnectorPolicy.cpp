// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/ConnectorPolicy.h"

#include "core/protocol/Connector.h"

#include <QCoreApplication>
#include <QHostAddress>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

ServerUrlCheck rejected(const QString &message) {
    ServerUrlCheck check;
    check.verdict = ServerUrlCheck::Verdict::Rejected;
    check.message = message;
    return check;
}

// Link-local addresses (169.254.0.0/16, fe80::/10: where cloud machines find their metadata
// service and its credentials), the unspecified address and multicast are never an MCP server.
bool isReservedHost(const QString &host) {
    QString h = host.toLower();
    if (h.startsWith(u'[') && h.endsWith(u']'))
        h = h.mid(1, h.size() - 2);
    if (h == "metadata.google.internal"_L1 || h == "metadata"_L1)
        return true;
    QHostAddress address(h);
    if (address.isNull())
        return false;
    bool mapped = false;
    const QHostAddress v4(address.toIPv4Address(&mapped));
    if (mapped)
        address = v4; // ::ffff:169.254.169.254 is the same machine
    return address.isLinkLocal() || address.isMulticast() || address == QHostAddress::AnyIPv4
           || address == QHostAddress::AnyIPv6 || address.isBroadcast();
}

} // namespace

bool isLoopbackHost(const QString &host) {
    QString h = host.toLower();
    if (h.startsWith(u'[') && h.endsWith(u']'))
        h = h.mid(1, h.size() - 2);
    if (h == "localhost"_L1 || h.endsWith(".localhost"_L1))
        return true;
    const QHostAddress address(h);
    return !address.isNull() && address.isLoopback();
}

QString connectorHeaderNameError(const QString &name) {
    if (name.isEmpty())
        return QCoreApplication::translate("ConnectorPolicy", "Enter a header name.");
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        const bool token = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z')
                           || (u >= u'0' && u <= u'9')
                           || QStringView(u"!#$%&'*+-.^_`|~").contains(c);
        if (!token) {
            return QCoreApplication::translate(
                "ConnectorPolicy",
                "A header name may only contain letters, digits and !#$%&'*+-.^_`|~ (no spaces).");
        }
    }
    static constexpr QLatin1StringView reserved[] = {
        "host"_L1,           "content-type"_L1,         "content-length"_L1,
        "accept"_L1,         "connection"_L1,           "transfer-encoding"_L1,
        "mcp-session-id"_L1, "mcp-protocol-version"_L1, "last-event-id"_L1,
    };
    for (const QLatin1StringView r : reserved) {
        if (name.compare(r, Qt::CaseInsensitive) == 0) {
            return QCoreApplication::translate("ConnectorPolicy",
                                               "%1 is set by the MCP connection itself.")
                .arg(name);
        }
    }
    return {};
}

QString connectorHeaderValueError(const QString &value) {
    if (value.size() > 8192)
        return QCoreApplication::translate("ConnectorPolicy",
                                           "A header value must not be longer than 8192 "
                                           "characters.");
    for (const QChar c : value) {
        if (c.unicode() < 0x20 && c != u'\t')
            return QCoreApplication::translate("ConnectorPolicy",
                                               "A header value must not contain line breaks or "
                                               "control characters.");
        if (c.unicode() == 0x7f)
            return QCoreApplication::translate("ConnectorPolicy",
                                               "A header value must not contain line breaks or "
                                               "control characters.");
    }
    return {};
}

ServerUrlCheck checkServerUrl(const QString &text) {
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return rejected(QCoreApplication::translate(
            "ConnectorPolicy",
            "Enter the address of the MCP server, e.g. https://example.com/mcp."));
    if (trimmed.size() > 2083)
        return rejected(QCoreApplication::translate(
            "ConnectorPolicy", "The address must not be longer than 2083 characters."));
    const QUrl url(trimmed, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || scheme.isEmpty() || url.host().isEmpty()) {
        return rejected(QCoreApplication::translate(
            "ConnectorPolicy", "This is not a complete web address: it needs a scheme and a host, "
                               "e.g. https://example.com/mcp."));
    }
    if (scheme != "https"_L1 && scheme != "http"_L1)
        return rejected(QCoreApplication::translate("ConnectorPolicy",
                                                    "The address must start with https://."));
    if (!url.userInfo().isEmpty())
        return rejected(QCoreApplication::translate(
            "ConnectorPolicy", "Put credentials in a header, not in the address."));

    if (isReservedHost(url.host()))
        return rejected(QCoreApplication::translate(
            "ConnectorPolicy", "This address is reserved for the local network link or a cloud "
                               "metadata service, not for an MCP server."));

    ServerUrlCheck check;
    check.url = url;
    if (scheme == "https"_L1) {
        check.verdict = ServerUrlCheck::Verdict::Secure;
        return check;
    }
    if (!isLoopbackHost(url.host())) {
        return rejected(QCoreApplication::translate(
            "ConnectorPolicy", "Plain http is only allowed for a server on this computer: use "
                               "https:// so that headers and tool calls are encrypted."));
    }
    check.verdict = ServerUrlCheck::Verdict::LoopbackHttp;
    check.message = QCoreApplication::translate(
        "ConnectorPolicy", "Unencrypted http: acceptable only because the server runs on this "
                           "computer.");
    return check;
}

bool isAuthenticationHeader(const QString &name) {
    const QString lower = name.trimmed().toLower();
    if (lower == "authorization"_L1 || lower == "proxy-authorization"_L1)
        return true;
    // X-Api-Key, Api-Key, X-API-Token, X-Auth-Token, Private-Token, …
    return lower.contains("api-key"_L1) || lower.contains("apikey"_L1)
           || lower.contains("api_key"_L1) || lower.endsWith("token"_L1);
}

QStringList authenticationHeaders(const Connector &connector) {
    QStringList names;
    const QList<ConnectorHeader> headers = connector.headers();
    for (const ConnectorHeader &header : headers) {
        if (header.secret && isAuthenticationHeader(header.name))
            names.append(header.name);
    }
    return names;
}

} // namespace Tramontane
