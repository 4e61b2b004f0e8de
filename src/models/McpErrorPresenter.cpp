// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/McpErrorPresenter.h"

#include "core/net/ApiError.h"

namespace Tramontane {

namespace {

bool isTls(const ApiError &error) {
    return error.networkError() == QNetworkReply::SslHandshakeFailedError;
}

qint64 megabytes(qint64 bytes) {
    return qMax<qint64>(1, bytes / (1024 * 1024));
}

} // namespace

QString McpErrorPresenter::name(const ApiError &error) {
    switch (error.kind()) {
    case ApiError::Kind::None:
        return {};
    case ApiError::Kind::Network:
        if (isTls(error))
            return tr("TLS error");
        if (error.networkError() == QNetworkReply::HostNotFoundError)
            return tr("Host not found (DNS)");
        if (error.networkError() == QNetworkReply::ConnectionRefusedError)
            return tr("Connection refused");
        return tr("Network error");
    case ApiError::Kind::Http:
        switch (error.httpStatus()) {
        case 401:
            return tr("Unauthorized (HTTP 401)");
        case 403:
            return tr("Forbidden (HTTP 403)");
        case 404:
        case 405:
            return tr("No MCP endpoint at this URL (HTTP %1)").arg(error.httpStatus());
        default:
            return tr("HTTP error %1").arg(error.httpStatus());
        }
    case ApiError::Kind::Timeout:
        return tr("Timed out");
    case ApiError::Kind::NotMcp:
    case ApiError::Kind::NotAStream:
        return tr("Not an MCP server");
    case ApiError::Kind::JsonRpcError:
        return tr("The server reported an error");
    case ApiError::Kind::ProtocolError:
    case ApiError::Kind::InvalidResponse:
    case ApiError::Kind::StreamInterrupted:
    case ApiError::Kind::StreamError:
        return tr("MCP protocol error");
    case ApiError::Kind::TooLarge:
        return tr("Answer too large");
    case ApiError::Kind::InvalidRequest:
        return tr("Not an http(s) URL");
    case ApiError::Kind::Canceled:
        return tr("Canceled");
    }
    return {};
}

QString McpErrorPresenter::title(const ApiError &error) {
    const QString message = error.serverMessage();
    switch (error.kind()) {
    case ApiError::Kind::Network:
        if (isTls(error))
            return tr("The TLS connection to the MCP server failed.");
        if (error.networkError() == QNetworkReply::HostNotFoundError)
            return tr("The MCP server's host name was not found.");
        if (error.networkError() == QNetworkReply::ConnectionRefusedError)
            return tr("Nothing listens at the MCP server's address and port (connection "
                      "refused).");
        return tr("The connection to the MCP server failed.");
    case ApiError::Kind::Http: {
        QString words;
        switch (error.httpStatus()) {
        case 401:
            words = tr("The MCP server refused the request (HTTP 401): the token is missing, "
                       "invalid or expired.");
            break;
        case 403:
            words = tr("The MCP server refused the request (HTTP 403): the token lacks a "
                       "permission.");
            break;
        case 404:
        case 405:
            words = tr("There is no MCP endpoint at this URL (HTTP %1).").arg(error.httpStatus());
            break;
        default:
            words = tr("The MCP server answered HTTP %1.").arg(error.httpStatus());
            break;
        }
        return message.isEmpty() ? words : words + u' ' + message;
    }
    case ApiError::Kind::Timeout:
        return tr("The MCP server sent nothing for too long.");
    case ApiError::Kind::NotMcp:
    case ApiError::Kind::NotAStream:
        return tr("The server answered HTTP %1, but not with MCP (JSON-RPC).")
            .arg(error.httpStatus());
    case ApiError::Kind::JsonRpcError:
        return tr("The MCP server reported error %1: %2").arg(error.jsonRpcCode()).arg(message);
    case ApiError::Kind::ProtocolError:
    case ApiError::Kind::InvalidResponse:
    case ApiError::Kind::StreamInterrupted:
    case ApiError::Kind::StreamError:
        return tr("The MCP server does not follow the protocol.");
    case ApiError::Kind::TooLarge:
        return tr("The MCP server's answer is too large (over %1 MB).")
            .arg(megabytes(error.sizeLimit()));
    case ApiError::Kind::InvalidRequest:
        return tr("The MCP server URL is not an http(s) URL.");
    case ApiError::Kind::None:
    case ApiError::Kind::Canceled:
        break;
    }
    return {};
}

QString McpErrorPresenter::hint(const ApiError &error) {
    switch (error.kind()) {
    case ApiError::Kind::Network:
        if (isTls(error))
            return tr("The server's certificate is not trusted or the secure connection failed; "
                      "check the URL, or ask the server's owner.");
        if (error.networkError() == QNetworkReply::HostNotFoundError)
            return tr("Check the host name in the server URL.");
        if (error.networkError() == QNetworkReply::ConnectionRefusedError)
            return tr("Check that the server is running and the port in the URL is right.");
        return tr("Try again later, or check the server's logs.");
    case ApiError::Kind::Http:
        switch (error.httpStatus()) {
        case 401:
            return tr("The server wants credentials: add or correct the Authorization (or API "
                      "key) header.");
        case 403:
            return tr("The credentials were accepted but lack a permission or scope.");
        case 404:
        case 405:
            return tr("Check the path of the URL: MCP servers often serve it at /mcp.");
        default:
            return tr("Try again later, or check the server's logs.");
        }
    case ApiError::Kind::Timeout:
        return tr("The server did not answer in time; it may be down or overloaded.");
    case ApiError::Kind::NotMcp:
    case ApiError::Kind::NotAStream:
        return tr("Something answers at this URL, but it does not speak MCP (streamable HTTP); "
                  "check the path.");
    case ApiError::Kind::JsonRpcError:
    case ApiError::Kind::ProtocolError:
    case ApiError::Kind::InvalidResponse:
    case ApiError::Kind::StreamInterrupted:
    case ApiError::Kind::StreamError:
    case ApiError::Kind::TooLarge:
        return tr("Try again later, or check the server's logs.");
    case ApiError::Kind::InvalidRequest:
        return tr("Enter a URL that starts with https:// (or http:// for a server on this "
                  "computer).");
    case ApiError::Kind::None:
    case ApiError::Kind::Canceled:
        break;
    }
    return {};
}

} // namespace Tramontane
