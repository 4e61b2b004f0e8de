// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/ApiError.h"
#include "core/net/Redactor.h"

#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Tramontane::ApiError;
using Tramontane::RawHeaders;
using Ctx = ApiError::Context;

Q_DECLARE_METATYPE(ApiError::Context)
Q_DECLARE_METATYPE(ApiError::Kind)

namespace {

const RawHeaders kCorrelation{{"Mistral-Correlation-Id"_ba, "0199-corr"_ba},
                              {"X-Kong-Request-Id"_ba, "0199-kong"_ba}};
const QDateTime kNow = QDateTime(QDate(2026, 11, 24), QTime(12, 0, 0), QTimeZone::utc());

} // namespace

class TestApiError : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fromHttp_data();
    void fromHttp();
    void connectorUnauthorized_isNotAboutTheApiKey();
    void fieldErrors_dropBodyAndKeepIndexes();
    void requestId_precedence_data();
    void requestId_precedence();
    void retryAfter_data();
    void retryAfter();
    void rawBody_isRedactedAndCapped();
    void logOutput_containsNoSecret();
    void networkErrors_data();
    void networkErrors();
    void otherKinds_haveTheirOwnSentences();
    void streamError_data();
    void streamError();
    void isRetryable_data();
    void isRetryable();
};

void TestApiError::fromHttp_data() {
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

void TestApiError::fromHttp() {
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(Ctx, context);
    QFETCH(QString, title);
    QFETCH(QString, hintContains);
    QFETCH(QString, message);
    QFETCH(QString, type);
    QFETCH(QString, code);

    const ApiError e = ApiError::fromHttp(status, {}, body, context, kNow);
    QCOMPARE(e.kind(), ApiError::Kind::Http);
    QCOMPARE(e.httpStatus(), status);
    QCOMPARE(e.context(), context);
    QCOMPARE(e.serverMessage(), message);
    QCOMPARE(e.serverType(), type);
    QCOMPARE(e.serverCode(), code);
    // The words for each reason: tst_errorpresenter.
    Q_UNUSED(title);
    Q_UNUSED(hintContains);
    QVERIFY(e.reason() != ApiError::Reason::None);
}

void TestApiError::connectorUnauthorized_isNotAboutTheApiKey() {
    // Whatever the request was about, a connector's 401 never sends the user to the API key
    // settings, and always says where to fix it.
    const QByteArray body =
        R"({"object":"error","message":"The MCP server of 'notes' rejected the authorization: the OAuth token or API key sent to it is invalid.","type":"connector_authentication_error","param":null,"code":"connector_unauthorized"})"_ba;
    for (const Ctx context :
         {Ctx::Generic, Ctx::Chat, Ctx::Model, Ctx::Agent, Ctx::Connector, Ctx::File, Ctx::Mcp}) {
        const ApiError e = ApiError::fromHttp(401, {}, body, context, kNow);
        const QString where = QString::fromLatin1(ApiError::contextName(context));
        QCOMPARE(e.reason(), ApiError::Reason::ConnectorCredentialsRejected);
        QVERIFY2(e.isConnectorCredentialsRejected(), qPrintable(where));
        QVERIFY(!e.isRetryable());
    }
    // The same status with the API's own key error stays about the key.
    const ApiError key =
        ApiError::fromHttp(401, {}, R"({"detail":"Invalid API Key"})"_ba, Ctx::Chat, kNow);
    QCOMPARE(key.reason(), ApiError::Reason::ApiKeyRejected);
    QVERIFY(!key.isConnectorCredentialsRejected());
}

void TestApiError::fieldErrors_dropBodyAndKeepIndexes() {
    const ApiError e = ApiError::fromHttp(
        422, {},
        R"({"detail":[{"type":"missing","loc":["body","messages",2,"content"],"msg":"Field required"},
                      {"type":"extra_forbidden","loc":["body","store"],"msg":"Extra inputs are not permitted"},
                      {"type":"x","loc":["query","page"],"msg":"bad"}]})",
        Ctx::Chat, kNow);
    const QList<ApiError::FieldError> fields = e.fieldErrors();
    QCOMPARE(fields.size(), 3);
    QCOMPARE(fields[0],
             (ApiError::FieldError{
                 {u"messages"_s, u"2"_s, u"content"_s}, u"Field required"_s, u"missing"_s}));
    QCOMPARE(fields[1].loc, QStringList{u"store"_s});
    QCOMPARE(fields[1].type, u"extra_forbidden"_s);
    QCOMPARE(fields[2].loc, (QStringList{u"query"_s, u"page"_s}));
    QCOMPARE(e.fieldErrorText(), u"messages.2.content: Field required; store: Extra inputs are not "
                                 "permitted; query.page: bad"_s);
}

void TestApiError::requestId_precedence_data() {
    QTest::addColumn<RawHeaders>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("requestId");
    QTest::newRow("correlation id wins")
        << kCorrelation << R"({"request_id":"body"})"_ba << u"0199-corr"_s;
    QTest::newRow("kong id next") << RawHeaders{{"x-kong-request-id"_ba, "0199-kong"_ba}}
                                  << R"({"request_id":"body"})"_ba << u"0199-kong"_s;
    QTest::newRow("header names are case-insensitive")
        << RawHeaders{{"MISTRAL-CORRELATION-ID"_ba, " abc "_ba}} << QByteArray() << u"abc"_s;
    QTest::newRow("gateway body last")
        << RawHeaders{} << R"({"message":"x","request_id":"gw"})"_ba << u"gw"_s;
    QTest::newRow("none") << RawHeaders{} << R"({"detail":"x"})"_ba << QString();
}

void TestApiError::requestId_precedence() {
    QFETCH(RawHeaders, headers);
    QFETCH(QByteArray, body);
    QFETCH(QString, requestId);
    QCOMPARE(ApiError::fromHttp(404, headers, body, Ctx::Generic, kNow).requestId(), requestId);
}

void TestApiError::retryAfter_data() {
    QTest::addColumn<RawHeaders>("headers");
    QTest::addColumn<qint64>("expectedMs"); // -1: none
    QTest::newRow("none") << RawHeaders{} << qint64(-1);
    QTest::newRow("seconds") << RawHeaders{{"Retry-After"_ba, "2"_ba}} << qint64(2000);
    QTest::newRow("zero seconds") << RawHeaders{{"retry-after"_ba, "0"_ba}} << qint64(0);
    QTest::newRow("http-date") << RawHeaders{{"Retry-After"_ba, "Tue, 24 Nov 2026 12:00:30 GMT"_ba}}
                               << qint64(30000);
    QTest::newRow("http-date in the past")
        << RawHeaders{{"Retry-After"_ba, "Tue, 24 Nov 2026 11:00:00 GMT"_ba}} << qint64(0);
    QTest::newRow("asctime date") << RawHeaders{{"Retry-After"_ba, "Tue Nov 24 12:00:05 2026"_ba}}
                                  << qint64(5000);
    QTest::newRow("retry-after-ms") << RawHeaders{{"retry-after-ms"_ba, "1500"_ba}} << qint64(1500);
    QTest::newRow("ms wins over seconds")
        << RawHeaders{{"Retry-After"_ba, "9"_ba}, {"retry-after-ms"_ba, "250.5"_ba}} << qint64(250);
    QTest::newRow("bad ms falls back to seconds")
        << RawHeaders{{"Retry-After"_ba, "3"_ba}, {"retry-after-ms"_ba, "soon"_ba}} << qint64(3000);
    QTest::newRow("negative") << RawHeaders{{"Retry-After"_ba, "-5"_ba}} << qint64(-1);
    QTest::newRow("garbage") << RawHeaders{{"Retry-After"_ba, "later"_ba}} << qint64(-1);
    QTest::newRow("fractional seconds are not delay-seconds")
        << RawHeaders{{"Retry-After"_ba, "1.5"_ba}} << qint64(-1);
    QTest::newRow("absurd clamped to a day")
        << RawHeaders{{"Retry-After"_ba, "99999999999999999999999"_ba}} << qint64(86400000);
}

void TestApiError::retryAfter() {
    QFETCH(RawHeaders, headers);
    QFETCH(qint64, expectedMs);
    const auto parsed = ApiError::parseRetryAfter(headers, kNow);
    if (expectedMs < 0) {
        QVERIFY(!parsed.has_value());
    } else {
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->count(), expectedMs);
    }
    // fromHttp stores the same value.
    const ApiError e = ApiError::fromHttp(429, headers, {}, Ctx::Chat, kNow);
    QCOMPARE(e.retryAfter(), parsed);
}

void TestApiError::rawBody_isRedactedAndCapped() {
    QByteArray body = R"({"detail":"bad","api_key":"sk-leaked-123456","pad":")"_ba;
    body += QByteArray(20000, 'x') + "\"}";
    const ApiError e = ApiError::fromHttp(400, {}, body, Ctx::Generic, kNow);
    QVERIFY(!e.rawBody().contains("sk-leaked-123456"_L1));
    QVERIFY(e.rawBody().contains("[redacted]"_L1));
    QVERIFY(e.rawBody().size() <= ApiError::kMaxRawBodySize + 1);
    QCOMPARE(e.serverMessage(), u"bad"_s);
}

void TestApiError::logOutput_containsNoSecret() {
    const QString key = u"sk-canary-key-0123456789"_s;
    Tramontane::Redactor::addSecret(key);
    // A server echoing the key back in its message and a Bearer in the detail.
    const ApiError e = ApiError::fromHttp(
        401, kCorrelation, (u"{\"detail\":\"Invalid API Key "_s + key + u"\"}"_s).toUtf8(),
        Ctx::Chat, kNow);
    const QByteArray json = QJsonDocument(e.toJson()).toJson();
    QVERIFY(!json.contains(key.toUtf8()));
    QVERIFY(!e.toLogString().contains(key));
    QVERIFY(!e.serverMessage().contains(key));
    QVERIFY(e.toLogString().contains("0199-corr"_L1));
    QVERIFY(e.toLogString().contains("401"_L1));
    QCOMPARE(e.toJson().value("requestId"_L1).toString(), u"0199-corr"_s);

    const ApiError net = ApiError::fromNetworkError(
        QNetworkReply::HostNotFoundError, u"Host not found: Bearer abcdefghijkl"_s, Ctx::Chat);
    QVERIFY(!net.toLogString().contains("abcdefghijkl"_L1));
    Tramontane::Redactor::clearSecrets();
}

void TestApiError::networkErrors_data() {
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

void TestApiError::networkErrors() {
    QFETCH(QNetworkReply::NetworkError, code);
    QFETCH(ApiError::Kind, kind);
    QFETCH(QString, title);
    const ApiError e = ApiError::fromNetworkError(code, u"detail"_s, Ctx::Chat);
    QCOMPARE(e.kind(), kind);
    QCOMPARE(e.networkError(), code);
    Q_UNUSED(title); // the words: tst_errorpresenter
    QCOMPARE(e.httpStatus(), 0);
    QCOMPARE(e.detail(), u"detail"_s);
}

void TestApiError::otherKinds_haveTheirOwnSentences() {
    QVERIFY(!ApiError().isError());
    QCOMPARE(ApiError().reason(), ApiError::Reason::None);
    QVERIFY(ApiError::canceled().isCanceled());
    const ApiError interrupted = ApiError::streamInterrupted(Ctx::Chat, u"closed"_s);
    QCOMPARE(interrupted.kind(), ApiError::Kind::StreamInterrupted);
    QCOMPARE(interrupted.detail(), u"closed"_s);
    const ApiError invalid = ApiError::invalidResponse(u"illegal value at offset 3"_s);
    QCOMPARE(invalid.kind(), ApiError::Kind::InvalidResponse);
    QCOMPARE(invalid.detail(), u"illegal value at offset 3"_s);
    QCOMPARE(ApiError::timeout().kind(), ApiError::Kind::Timeout);
    QCOMPARE(ApiError::invalidRequest(u"x"_s).kind(), ApiError::Kind::InvalidRequest);
    const ApiError tooLarge = ApiError::tooLarge(1000, Ctx::RemoteFile, u"over"_s);
    QCOMPARE(tooLarge.kind(), ApiError::Kind::TooLarge);
    QCOMPARE(tooLarge.sizeLimit(), 1000);
    QVERIFY(!tooLarge.isRetryable());
    QCOMPARE(tooLarge.toJson().value("kind"_L1).toString(), u"too-large"_s);
}

void TestApiError::streamError_data() {
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

void TestApiError::streamError() {
    QFETCH(QByteArray, payload);
    QFETCH(QString, message);
    QFETCH(QString, type);
    QFETCH(QString, code);
    const ApiError e = ApiError::streamError(payload, Ctx::Chat);
    QCOMPARE(e.kind(), ApiError::Kind::StreamError);
    QCOMPARE(e.serverMessage(), message);
    QCOMPARE(e.serverType(), type);
    QCOMPARE(e.serverCode(), code);
    QVERIFY(!e.isRetryable());
}

void TestApiError::isRetryable_data() {
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("retryable");
    for (int s : {429, 500, 502, 503, 504})
        QTest::addRow("%d", s) << s << true;
    for (int s : {400, 401, 403, 404, 409, 422, 501})
        QTest::addRow("%d", s) << s << false;
}

void TestApiError::isRetryable() {
    QFETCH(int, status);
    QFETCH(bool, retryable);
    QCOMPARE(ApiError::fromHttp(status, {}, {}, Ctx::Generic, kNow).isRetryable(), retryable);
    QVERIFY(ApiError::fromNetworkError(QNetworkReply::RemoteHostClosedError, {}).isRetryable());
    QVERIFY(ApiError::timeout().isRetryable());
    QVERIFY(!ApiError::canceled().isRetryable());
    QVERIFY(!ApiError::invalidResponse({}).isRetryable());
    QVERIFY(!ApiError::streamInterrupted().isRetryable());
}

QTEST_GUILESS_MAIN(TestApiError)
#include "tst_apierror.moc"
