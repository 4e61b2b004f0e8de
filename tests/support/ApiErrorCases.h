// SPDX-License-Identifier: GPL-3.0-or-later
// The failures a request can meet (HTTP error bodies of every known shape, network errors,
// errors inside a stream), with what each must read as: the parsed fields (tst_apierror) and
// the words shown for it (tst_errorpresenter). One table each, so that both tests always cover
// the same cases.
#pragma once

#include "core/net/ApiError.h"

#include <QByteArray>
#include <QNetworkReply>
#include <QString>
#include <QTest>

Q_DECLARE_METATYPE(Tramontane::ApiError::Context)
Q_DECLARE_METATYPE(Tramontane::ApiError::Kind)

namespace Tramontane::TestSupport {

//! Adds the columns status, body, context, title, hintContains, message, type and code, and
//! one row per known error shape, to the current data function.
inline void addHttpErrorCases() {
    using namespace Qt::StringLiterals;
    using Ctx = ApiError::Context;

    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<Ctx>("context");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("hintContains");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("code");

    // Shapes and texts from the reference's error table and the cookbook's error tables.
    QTest::newRow("400 object error")
        << 400
        << R"({"object":"error","message":"Assistant message must have either content or tool_calls, but not none.","type":"invalid_request_error","param":null,"code":null})"_ba
        << Ctx::Chat
        << u"The server rejected the request: Assistant message must have either content or "
           "tool_calls, but not none."_s
        << u"context window"_s
        << u"Assistant message must have either content or tool_calls, but not none."_s
        << u"invalid_request_error"_s << QString();
    QTest::newRow("400 context too long")
        << 400
        << R"({"object":"error","message":"Prompt contains 40000 tokens, too large for model with 32768 maximum context length","type":"invalid_request_error"})"_ba
        << Ctx::Chat << u"The conversation is too long for the model."_s << u"new conversation"_s
        << u"Prompt contains 40000 tokens, too large for model with 32768 maximum context "
           "length"_s
        << u"invalid_request_error"_s << QString();
    QTest::newRow("401 detail string") << 401 << R"({"detail":"Invalid API Key"})"_ba << Ctx::Chat
                                       << u"The API key was rejected."_s << u"MISTRAL_API_KEY"_s
                                       << u"Invalid API Key"_s << QString() << QString();
    QTest::newRow("401 generic context")
        << 401 << R"({"detail":"Unauthorized"})"_ba << Ctx::Model << u"The API key was rejected."_s
        << u"Settings"_s << u"Unauthorized"_s << QString() << QString();
    const QString connectorRefused =
        u"The connector's server refused the token or credentials it was sent."_s;
    QTest::newRow("401 mcp context")
        << 401 << R"({"detail":"Unauthorized"})"_ba << Ctx::Mcp << connectorRefused
        << u"Connectors page"_s << u"Unauthorized"_s << QString() << QString();
    QTest::newRow("401 chat with expired oauth token")
        << 401 << R"({"object":"error","message":"OAuth token is expired","type":"x"})"_ba
        << Ctx::Chat << connectorRefused << u"sign in"_s << u"OAuth token is expired"_s << u"x"_s
        << QString();
    // The emulator's (and the API's) connector 401: its message mentions an API key too, but
    // the type, code and param say whose token it is.
    const QByteArray connectorUnauthorized =
        R"({"object":"error","message":"The MCP server of 'notes' rejected the authorization (HTTP 401): the OAuth token or API key sent to it is missing, invalid or expired.","type":"connector_authentication_error","param":"tools[0].authorization","code":"connector_unauthorized"})"_ba;
    QTest::newRow("401 connector_unauthorized in chat")
        << 401 << connectorUnauthorized << Ctx::Chat << connectorRefused << u"Connectors page"_s
        << u"The MCP server of 'notes' rejected the authorization (HTTP 401): the OAuth token or "
           "API key sent to it is missing, invalid or expired."_s
        << u"connector_authentication_error"_s << u"connector_unauthorized"_s;
    QTest::newRow("401 connector_unauthorized without context")
        << 401 << connectorUnauthorized << Ctx::Generic << connectorRefused
        << u"authorize the connector again"_s
        << u"The MCP server of 'notes' rejected the authorization (HTTP 401): the OAuth token or "
           "API key sent to it is missing, invalid or expired."_s
        << u"connector_authentication_error"_s << u"connector_unauthorized"_s;
    QTest::newRow("401 code only")
        << 401
        << R"({"object":"error","message":"Unauthorized","code":"connector_unauthorized"})"_ba
        << Ctx::Agent << connectorRefused << u"Connectors page"_s << u"Unauthorized"_s << QString()
        << u"connector_unauthorized"_s;
    QTest::newRow("401 param names a tool's authorization")
        << 401
        << R"({"object":"error","message":"Unauthorized","param":"tools[2].authorization"})"_ba
        << Ctx::Chat << connectorRefused << u"Connectors page"_s << u"Unauthorized"_s << QString()
        << QString();
    QTest::newRow("401 api key in a chat with connectors")
        << 401
        << R"({"object":"error","message":"Invalid API key","type":"invalid_request_error"})"_ba
        << Ctx::Chat << u"The API key was rejected."_s << u"MISTRAL_API_KEY"_s
        << u"Invalid API key"_s << u"invalid_request_error"_s << QString();
    QTest::newRow("403 generic") << 403 << R"({"detail":"Forbidden"})"_ba << Ctx::Agent
                                 << u"You do not have permission to do this."_s << u"workspace"_s
                                 << u"Forbidden"_s << QString() << QString();
    QTest::newRow("403 scopes")
        << 403 << R"({"detail":"Token does not have the required scopes"})"_ba << Ctx::Chat
        << u"The connector's credentials do not grant the required permissions."_s << u"scopes"_s
        << u"Token does not have the required scopes"_s << QString() << QString();
    QTest::newRow("404 gateway no route")
        << 404 << R"({"message":"no Route matched with those values","request_id":"r-1"})"_ba
        << Ctx::Generic << u"The server has nothing at this address."_s << u"base URL"_s
        << u"no Route matched with those values"_s << QString() << QString();
    QTest::newRow("404 connector")
        << 404 << R"({"detail":"Not found"})"_ba << Ctx::Connector
        << u"The connector was not found."_s << u"Refresh the list of connectors"_s
        << u"Not found"_s << QString() << QString();
    QTest::newRow("404 chat naming a connector")
        << 404 << R"({"detail":"Connector 'deepwiki' not found"})"_ba << Ctx::Chat
        << u"The connector was not found."_s << u"connectors"_s
        << u"Connector 'deepwiki' not found"_s << QString() << QString();
    QTest::newRow("404 agent") << 404 << R"({"detail":"Agent not found"})"_ba << Ctx::Agent
                               << u"The agent was not found."_s << u"agents"_s
                               << u"Agent not found"_s << QString() << QString();
    QTest::newRow("404 file") << 404 << R"({"detail":"Not found"})"_ba << Ctx::File
                              << u"The file was not found."_s << u"expired"_s << u"Not found"_s
                              << QString() << QString();
    QTest::newRow("404 library") << 404 << R"({"detail":"Library not found"})"_ba << Ctx::Library
                                 << u"The library was not found."_s << u"libraries"_s
                                 << u"Library not found"_s << QString() << QString();
    QTest::newRow("404 library document")
        << 404 << R"({"detail":"Document not found"})"_ba << Ctx::Library
        << u"The document was not found in this library."_s << u"libraries"_s
        << u"Document not found"_s << QString() << QString();
    QTest::newRow("404 model") << 404 << R"({"detail":"Not found"})"_ba << Ctx::Model
                               << u"The model was not found."_s << u"another model"_s
                               << u"Not found"_s << QString() << QString();
    QTest::newRow("409 connector")
        << 409 << R"({"detail":"Connector already exists"})"_ba << Ctx::Connector
        << u"A connector with this name already exists."_s << u"different name"_s
        << u"Connector already exists"_s << QString() << QString();
    QTest::newRow("409 agent") << 409 << R"({"detail":"Conflict"})"_ba << Ctx::Agent
                               << u"An agent with this name already exists."_s
                               << u"different name"_s << u"Conflict"_s << QString() << QString();
    QTest::newRow("422 detail array")
        << 422
        << R"({"detail":[{"type":"extra_forbidden","loc":["body","max_completion_tokens"],"msg":"Extra inputs are not permitted","input":8192}]})"_ba
        << Ctx::Chat
        << u"The request has invalid fields: max_completion_tokens: Extra inputs are not "
           "permitted"_s
        << u"no longer accepts"_s << u"max_completion_tokens: Extra inputs are not permitted"_s
        << QString() << QString();
    QTest::newRow("422 wrapped message")
        << 422
        << R"({"object":"error","message":{"detail":[{"type":"missing","loc":["body","messages",0,"content"],"msg":"Field required"}]},"type":"invalid_request_error","param":null,"code":null})"_ba
        << Ctx::Chat << u"The request has invalid fields: messages.0.content: Field required"_s
        << u"Check these settings"_s << u"messages.0.content: Field required"_s
        << u"invalid_request_error"_s << QString();
    QTest::newRow("422 invalid model field")
        << 422
        << R"({"detail":[{"type":"literal_error","loc":["body","model"],"msg":"Input should be a valid model"}]})"_ba
        << Ctx::Chat << u"The model is not valid or not available."_s << u"mistral-small-latest"_s
        << u"model: Input should be a valid model"_s << QString() << QString();
    QTest::newRow("422 invalid model message")
        << 422
        << R"({"object":"error","message":"Invalid model: mistral-huge","type":"invalid_model","param":null,"code":"1500"})"_ba
        << Ctx::Chat << u"The model is not valid or not available."_s << u"Choose a model"_s
        << u"Invalid model: mistral-huge"_s << u"invalid_model"_s << u"1500"_s;
    QTest::newRow("422 invalid tool")
        << 422
        << R"({"detail":[{"type":"literal_error","loc":["body","tools",0,"type"],"msg":"Input should be 'function'"}]})"_ba
        << Ctx::Chat
        << u"A tool in the request is not valid: tools.0.type: Input should be 'function'"_s
        << u"only once"_s << u"tools.0.type: Input should be 'function'"_s << QString()
        << QString();
    QTest::newRow("422 mcp unreachable")
        << 422 << R"({"detail":"MCP server unreachable: connection refused"})"_ba << Ctx::Connector
        << u"The connector's MCP server could not be reached."_s << u"server URL"_s
        << u"MCP server unreachable: connection refused"_s << QString() << QString();
    QTest::newRow("429 current shape")
        << 429
        << R"({"object":"error","message":"Rate limit exceeded","type":"rate_limited","param":null,"code":"1300","raw_status_code":429})"_ba
        << Ctx::Chat << u"Too many requests: the rate limit was reached."_s << u"Wait a moment"_s
        << u"Rate limit exceeded"_s << u"rate_limited"_s << u"1300"_s;
    QTest::newRow("429 older shape")
        << 429 << R"({"message":"Requests rate limit exceeded"})"_ba << Ctx::Generic
        << u"Too many requests: the rate limit was reached."_s << u"Wait a moment"_s
        << u"Requests rate limit exceeded"_s << QString() << QString();
    QTest::newRow("500 object error")
        << 500
        << R"({"object":"error","message":"Service unavailable.","type":"internal_server_error","param":null,"code":"3000"})"_ba
        << Ctx::Chat << u"The server had an internal error."_s << u"temporary"_s
        << u"Service unavailable."_s << u"internal_server_error"_s << u"3000"_s;
    QTest::newRow("500 numeric code")
        << 500 << R"({"object":"error","message":"boom","type":"t","code":3000})"_ba << Ctx::Generic
        << u"The server had an internal error."_s << u"temporary"_s << u"boom"_s << u"t"_s
        << u"3000"_s;
    QTest::newRow("500 empty body")
        << 500 << QByteArray() << Ctx::Generic << u"The server had an internal error."_s
        << u"temporary"_s << QString() << QString() << QString();
    QTest::newRow("502 html in chat")
        << 502
        << "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body><center><h1>502 "
           "Bad Gateway</h1></center></body></html>"_ba
        << Ctx::Chat << u"The connector's MCP server failed or could not be reached."_s
        << u"server URL"_s << u"502 Bad Gateway"_s << QString() << QString();
    QTest::newRow("502 models") << 502 << QByteArray() << Ctx::Model
                                << u"A gateway between you and the server failed."_s
                                << u"temporary"_s << QString() << QString() << QString();
    QTest::newRow("503 plain text")
        << 503 << "upstream connect error or disconnect/reset before headers\n"_ba << Ctx::Generic
        << u"The service is temporarily unavailable."_s << u"temporary"_s
        << u"upstream connect error or disconnect/reset before headers"_s << QString() << QString();
    QTest::newRow("504 mcp") << 504 << R"({"detail":"Gateway Timeout"})"_ba << Ctx::Mcp
                             << u"The connector's MCP server took too long to respond."_s
                             << u"simpler request"_s << u"Gateway Timeout"_s << QString()
                             << QString();
    QTest::newRow("504 file") << 504 << QByteArray() << Ctx::File
                              << u"The server took too long to respond."_s << u"temporary"_s
                              << QString() << QString() << QString();
    QTest::newRow("openai-style error envelope")
        << 400 << R"({"error":{"message":"bad thing","type":"invalid","code":"c1"}})"_ba
        << Ctx::Generic << u"The server rejected the request: bad thing"_s << u"Check"_s
        << u"bad thing"_s << u"invalid"_s << u"c1"_s;
    QTest::newRow("unknown status with text")
        << 418 << "I'm a teapot"_ba << Ctx::Generic
        << u"The request failed (HTTP 418): I'm a teapot"_s << u"request id"_s << u"I'm a teapot"_s
        << QString() << QString();
    QTest::newRow("malformed json body is text")
        << 400 << R"({"detail": )"_ba << Ctx::Generic
        << u"The server rejected the request: {\"detail\":"_s << u"Check"_s << u"{\"detail\":"_s
        << QString() << QString();
}

//! Adds the columns code, kind and title, and one row per kind of network failure.
inline void addNetworkErrorCases() {
    using namespace Qt::StringLiterals;

    QTest::addColumn<QNetworkReply::NetworkError>("code");
    QTest::addColumn<ApiError::Kind>("kind");
    QTest::addColumn<QString>("title");
    QTest::newRow("dns") << QNetworkReply::HostNotFoundError << ApiError::Kind::Network
                         << u"The server address could not be found."_s;
    QTest::newRow("refused") << QNetworkReply::ConnectionRefusedError << ApiError::Kind::Network
                             << u"The server refused the connection."_s;
    QTest::newRow("closed") << QNetworkReply::RemoteHostClosedError << ApiError::Kind::Network
                            << u"The server closed the connection unexpectedly."_s;
    QTest::newRow("tls") << QNetworkReply::SslHandshakeFailedError << ApiError::Kind::Network
                         << u"A secure connection to the server could not be established."_s;
    QTest::newRow("proxy") << QNetworkReply::ProxyConnectionRefusedError << ApiError::Kind::Network
                           << u"The proxy server could not be used."_s;
    QTest::newRow("timeout") << QNetworkReply::TimeoutError << ApiError::Kind::Timeout
                             << u"The server did not respond in time."_s;
    QTest::newRow("aborted") << QNetworkReply::OperationCanceledError << ApiError::Kind::Canceled
                             << u"The request was canceled."_s;
    QTest::newRow("other") << QNetworkReply::UnknownNetworkError << ApiError::Kind::Network
                           << u"A network error occurred."_s;
}

//! Adds the columns payload, message, type and code, and one row per shape of error that
//! arrives inside a stream.
inline void addStreamErrorCases() {
    using namespace Qt::StringLiterals;

    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("code");
    QTest::newRow("error object in chunk")
        << R"({"error":{"message":"Server is overloaded","type":"server_is_overloaded","code":"3505"}})"_ba
        << u"Server is overloaded"_s << u"server_is_overloaded"_s << u"3505"_s;
    QTest::newRow("conversation.response.error")
        << R"({"type":"conversation.response.error","message":"Tool failed","code":3000})"_ba
        << u"Tool failed"_s << u"conversation.response.error"_s << u"3000"_s;
    // A code too large for an integer is shown as a number, never converted (a fuzz finding).
    QTest::newRow("huge numeric code")
        << R"({"type":"conversation.response.error","message":"x","code":1.3e52})"_ba << u"x"_s
        << u"conversation.response.error"_s << u"1.3e+52"_s;
    QTest::newRow("fractional code")
        << R"({"type":"t","message":"y","code":12.5})"_ba << u"y"_s << u"t"_s << u"12.5"_s;
    QTest::newRow("error string") << R"({"error":"overloaded"})"_ba << u"overloaded"_s << QString()
                                  << QString();
    QTest::newRow("plain text") << "something broke"_ba << u"something broke"_s << QString()
                                << QString();
}

} // namespace Tramontane::TestSupport
