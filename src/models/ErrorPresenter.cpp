// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/ErrorPresenter.h"

#include "core/net/ApiError.h"
#include "models/McpErrorPresenter.h"

#include <chrono>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

bool isProxyError(QNetworkReply::NetworkError code) {
    switch (code) {
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
        return true;
    default:
        return false;
    }
}

bool isTlsError(QNetworkReply::NetworkError code) {
    return code == QNetworkReply::SslHandshakeFailedError;
}

// A size limit in whole megabytes, for a sentence ("32").
qint64 megabytes(qint64 bytes) {
    return qMax<qint64>(1, bytes / (1024 * 1024));
}

} // namespace

QString ErrorPresenter::title(const ApiError &error) {
    if (error.context() == ApiError::Context::McpServer) {
        if (QString words = McpErrorPresenter::title(error); !words.isEmpty())
            return words;
    }
    const QString msg = error.serverMessage();
    switch (error.kind()) {
    case ApiError::Kind::None:
        return {};
    case ApiError::Kind::Canceled:
        return tr("The request was canceled.");
    case ApiError::Kind::Timeout:
        return tr("The server did not respond in time.");
    case ApiError::Kind::InvalidResponse:
        return tr("The server sent a response that could not be read.");
    case ApiError::Kind::InvalidRequest:
        return tr("The request could not be sent.");
    case ApiError::Kind::TooLarge:
        return error.context() == ApiError::Context::File
                       || error.context() == ApiError::Context::RemoteFile
                   ? tr("The image is larger than %1 MB.").arg(megabytes(error.sizeLimit()))
                   : tr("The server's answer is larger than %1 MB.")
                         .arg(megabytes(error.sizeLimit()));
    case ApiError::Kind::StreamInterrupted:
        return tr("The answer was interrupted before it was complete.");
    case ApiError::Kind::NotAStream:
        return error.contentType().isEmpty()
                       || error.contentType().startsWith("text/event-stream"_L1,
                                                         Qt::CaseInsensitive)
                   ? tr("The server's answer was not a readable event stream.")
                   : tr("The server did not answer with an event stream: it sent %1.")
                         .arg(error.contentType());
    case ApiError::Kind::StreamError:
        return msg.isEmpty() ? tr("The server reported an error while answering.")
                             : tr("The server reported an error while answering: %1").arg(msg);
    case ApiError::Kind::JsonRpcError:
    case ApiError::Kind::NotMcp:
    case ApiError::Kind::ProtocolError:
        // Only MCP servers answer in JSON-RPC; McpErrorPresenter has the words for them.
        return tr("The server sent a response that could not be read.");
    case ApiError::Kind::Network:
        if (isTlsError(error.networkError()))
            return tr("A secure connection to the server could not be established.");
        if (error.networkError() == QNetworkReply::ProxyAuthenticationRequiredError)
            return tr("The proxy did not accept the user name or password.");
        if (isProxyError(error.networkError()))
            return tr("The proxy server could not be used.");
        switch (error.networkError()) {
        case QNetworkReply::HostNotFoundError:
            return tr("The server address could not be found.");
        case QNetworkReply::ConnectionRefusedError:
            return tr("The server refused the connection.");
        case QNetworkReply::RemoteHostClosedError:
            return tr("The server closed the connection unexpectedly.");
        case QNetworkReply::TemporaryNetworkFailureError:
        case QNetworkReply::NetworkSessionFailedError:
            return tr("The network is not available.");
        case QNetworkReply::TooManyRedirectsError:
        case QNetworkReply::InsecureRedirectError:
            return tr("The server redirected the request somewhere it cannot safely go.");
        default:
            return tr("A network error occurred.");
        }
    case ApiError::Kind::Http:
        break;
    }

    const QString fields = error.fieldErrorText();
    switch (error.reason()) {
    case ApiError::Reason::BadRequest:
        return msg.isEmpty() ? tr("The server rejected the request.")
                             : tr("The server rejected the request: %1").arg(msg);
    case ApiError::Reason::ContextTooLong:
        return tr("The conversation is too long for the model.");
    case ApiError::Reason::ApiKeyRejected:
        return tr("The API key was rejected.");
    case ApiError::Reason::ConnectorCredentialsRejected:
        return tr("The connector's server refused the token or credentials it was sent.");
    case ApiError::Reason::RemoteFileRefused:
        return tr("The server holding the image refused to send it.");
    case ApiError::Reason::Forbidden:
        return tr("You do not have permission to do this.");
    case ApiError::Reason::ConnectorScopes:
        return tr("The connector's credentials do not grant the required permissions.");
    case ApiError::Reason::ConnectorNotFound:
        return tr("The connector was not found.");
    case ApiError::Reason::AgentNotFound:
        return tr("The agent was not found.");
    case ApiError::Reason::FileNotFound:
        return tr("The file was not found.");
    case ApiError::Reason::LibraryNotFound:
        return tr("The library was not found.");
    case ApiError::Reason::DocumentNotFound:
        return tr("The document was not found in this library.");
    case ApiError::Reason::ModelNotFound:
        return tr("The model was not found.");
    case ApiError::Reason::WrongAddress:
        return tr("The server has nothing at this address.");
    case ApiError::Reason::ConnectorExists:
        return tr("A connector with this name already exists.");
    case ApiError::Reason::AgentExists:
        return tr("An agent with this name already exists.");
    case ApiError::Reason::Conflict:
        return tr("This conflicts with something that already exists.");
    case ApiError::Reason::McpUnreachable:
        return tr("The connector's MCP server could not be reached.");
    case ApiError::Reason::InvalidModel:
        return tr("The model is not valid or not available.");
    case ApiError::Reason::InvalidTool:
        return tr("A tool in the request is not valid: %1").arg(fields);
    case ApiError::Reason::InvalidFields:
        return tr("The request has invalid fields: %1").arg(fields);
    case ApiError::Reason::Unprocessable:
        return msg.isEmpty() ? tr("The server could not process the request.")
                             : tr("The server could not process the request: %1").arg(msg);
    case ApiError::Reason::RateLimited:
        return tr("Too many requests: the rate limit was reached.");
    case ApiError::Reason::ServerError:
        return tr("The server had an internal error.");
    case ApiError::Reason::Unavailable:
        return tr("The service is temporarily unavailable.");
    case ApiError::Reason::GatewayFailed:
        return tr("A gateway between you and the server failed.");
    case ApiError::Reason::McpFailed:
        return tr("The connector's MCP server failed or could not be reached.");
    case ApiError::Reason::GatewayTimeout:
        return tr("The server took too long to respond.");
    case ApiError::Reason::McpTimeout:
        return tr("The connector's MCP server took too long to respond.");
    case ApiError::Reason::OtherServerError:
        return tr("The server had an error (HTTP %1).").arg(error.httpStatus());
    case ApiError::Reason::UnexpectedRedirect:
        return tr("The server answered with an unexpected redirect (HTTP %1).")
            .arg(error.httpStatus());
    case ApiError::Reason::None:
    case ApiError::Reason::OtherClientError:
        break;
    }
    return msg.isEmpty() ? tr("The request failed (HTTP %1).").arg(error.httpStatus())
                         : tr("The request failed (HTTP %1): %2").arg(error.httpStatus()).arg(msg);
}

QString ErrorPresenter::hint(const ApiError &error) {
    if (error.context() == ApiError::Context::McpServer) {
        if (QString words = McpErrorPresenter::hint(error); !words.isEmpty())
            return words;
    }
    switch (error.kind()) {
    case ApiError::Kind::None:
    case ApiError::Kind::Canceled:
        return {};
    case ApiError::Kind::Timeout:
        return tr("Check your network connection and try again.");
    case ApiError::Kind::InvalidResponse:
        return tr("Try again. If it keeps happening, the server or a proxy in between may be "
                  "misbehaving.");
    case ApiError::Kind::TooLarge:
        // Nothing to fix for an image: it stays too large however often it is asked for.
        return {};
    case ApiError::Kind::InvalidRequest:
        return tr("Check the server address in Settings. If it is right, please report this "
                  "problem.");
    case ApiError::Kind::StreamInterrupted:
        return tr("The partial answer is kept. Regenerate it, or ask to continue.");
    case ApiError::Kind::NotAStream:
        return tr("No answer arrived. A proxy, a sign-in page or a wrong server address may "
                  "be answering instead of the API: check the server address in Settings, "
                  "then retry.");
    case ApiError::Kind::StreamError:
        return tr("Try again. If it keeps happening, try another model or a shorter request.");
    case ApiError::Kind::JsonRpcError:
    case ApiError::Kind::NotMcp:
    case ApiError::Kind::ProtocolError:
        return tr("Try again. If it keeps happening, the server or a proxy in between may be "
                  "misbehaving.");
    case ApiError::Kind::Network:
        if (isTlsError(error.networkError()))
            return tr("The server's certificate could not be verified, so nothing was sent. "
                      "Check the system clock and any proxy or firewall that intercepts "
                      "secure connections.");
        if (error.networkError() == QNetworkReply::ProxyAuthenticationRequiredError)
            return tr("Check the proxy's user name and password in Settings, Network.");
        if (isProxyError(error.networkError()))
            return tr("Check the proxy settings of your system.");
        switch (error.networkError()) {
        case QNetworkReply::HostNotFoundError:
            return tr("Check your internet connection and the server address in Settings.");
        case QNetworkReply::ConnectionRefusedError:
            return tr("Check the server address. If you use a local server, make sure it is "
                      "running.");
        default:
            return tr("Check your internet connection and try again.");
        }
    case ApiError::Kind::Http:
        break;
    }

    switch (error.reason()) {
    case ApiError::Reason::BadRequest:
        return tr("Check the message and the settings of this conversation. A very long "
                  "conversation can also exceed the model's context window.");
    case ApiError::Reason::ContextTooLong:
        return tr("Start a new conversation, or remove older messages or attachments.");
    case ApiError::Reason::ApiKeyRejected:
        return tr("Check the key in Settings, or the MISTRAL_API_KEY environment variable.");
    case ApiError::Reason::ConnectorCredentialsRejected:
        return tr("Your Mistral API key is not the problem: the connector's token may have "
                  "expired or been revoked. Open the Connectors page and authorize the "
                  "connector again (sign in, or update its token), then retry.");
    case ApiError::Reason::RemoteFileRefused:
        return tr("Your API key is not the problem: it is never sent to other servers. The "
                  "image's address may have expired; ask for the image again.");
    case ApiError::Reason::Forbidden:
        return tr("Check that your API key belongs to the right workspace and is allowed to "
                  "use this feature.");
    case ApiError::Reason::ConnectorScopes:
        return tr("Sign in to the connector again and grant the requested scopes.");
    case ApiError::Reason::ConnectorNotFound:
        return tr("It may have been deleted or renamed. Refresh the list of connectors.");
    case ApiError::Reason::AgentNotFound:
        return tr("It may have been deleted. Refresh the list of agents.");
    case ApiError::Reason::FileNotFound:
        return tr("It may have expired or been deleted.");
    case ApiError::Reason::LibraryNotFound:
    case ApiError::Reason::DocumentNotFound:
        return tr("It may have been deleted. Refresh the list of libraries.");
    case ApiError::Reason::ModelNotFound:
        return tr("Choose another model from the list.");
    case ApiError::Reason::WrongAddress:
        return tr("Check the server address (base URL) in Settings.");
    case ApiError::Reason::ConnectorExists:
    case ApiError::Reason::AgentExists:
    case ApiError::Reason::Conflict:
        return tr("Choose a different name, or delete the existing one first.");
    case ApiError::Reason::McpUnreachable:
        return tr("Check the connector's server URL and that the connector is active.");
    case ApiError::Reason::InvalidModel:
        return tr("Choose a model from the list, such as mistral-small-latest.");
    case ApiError::Reason::InvalidTool:
        return tr("Check the tool's type and settings; each connector may appear only once.");
    case ApiError::Reason::InvalidFields:
        return tr("Check these settings. If they look right, this version of the app may send "
                  "something the server no longer accepts.");
    case ApiError::Reason::Unprocessable:
        return tr("Check the request's settings and try again.");
    case ApiError::Reason::RateLimited:
        if (const auto retryAfter = error.retryAfter()) {
            const int seconds = qMax(
                static_cast<int>(std::chrono::ceil<std::chrono::seconds>(*retryAfter).count()), 1);
            // A plain variable as the count: lupdate 6.4 loops on a call expression there.
            return tr("You can try again in %n second(s).", nullptr, seconds);
        }
        return tr("Wait a moment before trying again.");
    case ApiError::Reason::McpFailed:
        return tr("Check the connector's server URL and that the server is running.");
    case ApiError::Reason::McpTimeout:
        return tr("Try a simpler request, or check the MCP server.");
    case ApiError::Reason::ServerError:
    case ApiError::Reason::Unavailable:
    case ApiError::Reason::GatewayFailed:
    case ApiError::Reason::GatewayTimeout:
    case ApiError::Reason::OtherServerError:
        // An error is shown once its request has ended: whatever automatic retries there were
        // are over, so the hint never promises one.
        return tr("This is usually temporary. Try again in a moment.");
    case ApiError::Reason::UnexpectedRedirect:
        return tr("Check the server address (base URL) in Settings.");
    case ApiError::Reason::None:
    case ApiError::Reason::OtherClientError:
        break;
    }
    return tr("Try again. If it keeps happening, report it with the request id.");
}

QString ErrorPresenter::sentence(const ApiError &error) {
    const QString t = title(error);
    const QString h = hint(error);
    if (t.isEmpty() || h.isEmpty())
        return t.isEmpty() ? h : t;
    return t + u' ' + h;
}

} // namespace Tramontane
