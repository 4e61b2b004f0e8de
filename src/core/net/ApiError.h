// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/HttpHeaders.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QNetworkReply>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

namespace Tramontane {

//! What went wrong with one API request, as data. Built from an HTTP error response
//! (fromHttp, which understands every error-body shape the API is known to send), a network
//! failure, a timeout, a cancellation, an unreadable response or a broken stream. It holds
//! kinds, reasons and technical detail only: the UI picks the words (ErrorPresenter in the
//! models layer) and shows requestId() for support; logs use toLogString(), which holds no
//! secret.
class ApiError {
public:
    enum class Kind {
        None,              //!< no error
        Network,           //!< DNS, connection refused or reset, TLS, proxy...
        Timeout,           //!< no data within the idle timeout, or the overall deadline passed
        Canceled,          //!< canceled by the user or the app: never shown as an error
        Http,              //!< the server answered with an error status
        InvalidResponse,   //!< malformed JSON, wrong shape, body over the size limit
        StreamInterrupted, //!< a stream ended (closed or idle) before its end marker
        StreamError,       //!< an `error` object or `event: error` after HTTP 200
        InvalidRequest,    //!< refused before sending: insecure base URL, bad path (an app bug)
        NotAStream, //!< a success status, but the body is not an event stream (an HTML page...)
        TooLarge,   //!< the body is over the size limit set for it (sizeLimit())
        // Requests the app sends straight to an MCP server (context McpServer):
        JsonRpcError,  //!< a JSON-RPC error object (jsonRpcCode(), serverMessage())
        NotMcp,        //!< a success status, but no JSON-RPC in the answer (contentType())
        ProtocolError, //!< MCP traffic that breaks the protocol (version, missing result...)
    };

    //! What the request was about, so that a status maps to the right sentence
    //! (a 404 is "connector not found" for a connector call, "agent not found" for an agent).
    //! RemoteFile is a file fetched from a URL outside the API, without the key: its 401 or
    //! 403 is never about the key. Mcp is an API call about a connector's MCP server.
    //! McpServer is a request the app sends straight to a connector's MCP server (McpClient,
    //! the connection test, OAuth discovery's probe): its 401 is about the connector's
    //! credentials, its 404 about the server URL, and its words come from McpErrorPresenter.
    enum class Context {
        Generic,
        Chat,
        Model,
        Agent,
        Connector,
        File,
        Mcp,
        RemoteFile,
        McpServer,
        Library, //!< document libraries and their documents
    };

    //! What an Http error is about, read once from its status, context and body, so that every
    //! presentation of it agrees (None for errors of other kinds).
    enum class Reason {
        None,
        BadRequest,
        ContextTooLong,
        ApiKeyRejected,
        ConnectorCredentialsRejected,
        RemoteFileRefused,
        Forbidden,
        ConnectorScopes,
        ConnectorNotFound,
        AgentNotFound,
        FileNotFound,
        LibraryNotFound,
        DocumentNotFound,
        ModelNotFound,
        WrongAddress,
        ConnectorExists,
        AgentExists,
        Conflict,
        McpUnreachable,
        InvalidModel,
        InvalidTool,
        InvalidFields,
        Unprocessable,
        RateLimited,
        ServerError,
        Unavailable,
        GatewayFailed,
        McpFailed,
        GatewayTimeout,
        McpTimeout,
        OtherServerError,
        UnexpectedRedirect,
        OtherClientError,
    };

    //! One entry of a 422 `detail` array.
    struct FieldError {
        QStringList loc; //!< location, with a leading "body" removed ("messages", "0", "role")
        QString message; //!< `msg`
        QString type;    //!< e.g. "extra_forbidden", "missing"
        friend bool operator==(const FieldError &, const FieldError &) = default;
    };

    //! Largest raw body kept for the details view, in bytes (after redaction).
    static constexpr qsizetype kMaxRawBodySize = 4096;

    ApiError() = default;

    //! Builds the error for an HTTP response with a non-success \a status. Reads the request
    //! id (Mistral-Correlation-Id, else X-Kong-Request-Id, else the body's `request_id`),
    //! Retry-After / retry-after-ms, and the message from any of the body shapes: `detail`
    //! string or array, `{object:"error",message,type,param,code}`, `message` wrapping
    //! `detail`, gateway `{message,request_id}`, an `error` object, plain text, HTML, empty.
    //! \a now is used for an HTTP-date Retry-After.
    static ApiError fromHttp(int status, const RawHeaders &headers, QByteArrayView body,
                             Context context = Context::Generic,
                             const QDateTime &now = QDateTime::currentDateTimeUtc());
    //! A transport failure reported by QNetworkReply. \a detail is Qt's error string; it is
    //! redacted and kept for the details view.
    static ApiError fromNetworkError(QNetworkReply::NetworkError code, const QString &detail,
                                     Context context = Context::Generic);
    static ApiError timeout(Context context = Context::Generic, const QString &detail = {});
    static ApiError canceled(Context context = Context::Generic);
    static ApiError invalidResponse(const QString &detail, Context context = Context::Generic);
    //! A response body over \a limitBytes, the limit set for it.
    static ApiError tooLarge(qint64 limitBytes, Context context = Context::Generic,
                             const QString &detail = {});
    static ApiError invalidRequest(const QString &detail, Context context = Context::Generic);
    static ApiError streamInterrupted(Context context = Context::Generic,
                                      const QString &detail = {});
    //! A streaming request answered with a success status but not with server-sent events:
    //! \a contentType is what the server said it sent (may be empty), \a detail what was seen.
    static ApiError notAStream(const QString &contentType, Context context = Context::Generic,
                               const QString &detail = {});
    //! An error reported inside a stream after HTTP 200. \a payload is the event's data: an
    //! object with an `error` object or string, an object with `message`/`type`/`code`
    //! (`conversation.response.error`), or plain text.
    static ApiError streamError(QByteArrayView payload, Context context = Context::Generic);
    //! A JSON-RPC error object (`code`, `message`) in an MCP server's answer.
    static ApiError jsonRpcError(int code, const QString &message,
                                 Context context = Context::McpServer);
    //! A success status whose answer carries no JSON-RPC message; \a contentType is what the
    //! server said it sent.
    static ApiError notMcp(int httpStatus, const QString &contentType, const QString &detail,
                           Context context = Context::McpServer);
    //! MCP traffic that breaks the protocol; \a detail says how (technical, English).
    static ApiError protocolError(const QString &detail, Context context = Context::McpServer);

    //! Parses a Retry-After (delay-seconds or HTTP-date, relative to \a now) or
    //! retry-after-ms header; retry-after-ms wins when both are valid. Negative or unreadable
    //! values give nullopt, a date in the past gives zero, huge values are clamped to one day
    //! (RetryPolicy applies the real cap).
    static std::optional<std::chrono::milliseconds> parseRetryAfter(const RawHeaders &headers,
                                                                    const QDateTime &now);

    Kind kind() const { return m_kind; }
    Context context() const { return m_context; }
    bool isError() const { return m_kind != Kind::None; }
    bool isCanceled() const { return m_kind == Kind::Canceled; }

    //! HTTP status of the response, or 0 when none arrived.
    int httpStatus() const { return m_httpStatus; }
    //! The server's own message, extracted from whichever body shape it used.
    QString serverMessage() const { return m_serverMessage; }
    QString serverType() const { return m_serverType; }
    //! `code`, as text whether the server sent a string ("1300") or a number.
    QString serverCode() const { return m_serverCode; }
    QString serverParam() const { return m_serverParam; }
    QList<FieldError> fieldErrors() const { return m_fieldErrors; }
    //! Id to quote to support, or empty.
    QString requestId() const { return m_requestId; }
    //! The server's Retry-After, as sent (not capped).
    std::optional<std::chrono::milliseconds> retryAfter() const { return m_retryAfter; }
    //! Transport error code for Kind::Network / Kind::Timeout, else NoError.
    QNetworkReply::NetworkError networkError() const { return m_networkError; }
    //! Technical detail (Qt's error string, what was malformed...), redacted.
    QString detail() const { return m_detail; }
    //! The response body, redacted and cut to kMaxRawBodySize, for a details view.
    QString rawBody() const { return m_rawBody; }
    //! NotAStream: the Content-Type the server sent instead of text/event-stream.
    QString contentType() const { return m_contentType; }
    //! TooLarge: the size limit the body went over, in bytes.
    qint64 sizeLimit() const { return m_sizeLimit; }
    //! JsonRpcError: the error's `code` (serverCode() as a number), else 0.
    int jsonRpcCode() const { return m_kind == Kind::JsonRpcError ? m_serverCode.toInt() : 0; }
    //! The WWW-Authenticate challenge of an HTTP 401 or 403, as sent (OAuth starts there).
    QByteArray wwwAuthenticate() const { return m_wwwAuthenticate; }

    //! How many times the request was sent before this error was final (retries included), or 0
    //! when unknown. More than one means the automatic retries were used up.
    int attempts() const { return m_attempts; }
    void setAttempts(int attempts) { m_attempts = attempts; }

    void setRequestId(const QString &id) { m_requestId = id; }
    void setHttpStatus(int status) { m_httpStatus = status; }
    void setContext(Context context) { m_context = context; }

    //! What an Http error is about (Reason::None for other kinds).
    Reason reason() const;
    //! Field errors as "loc: message" lines (for 422), else empty.
    QString fieldErrorText() const;

    //! True for errors that may succeed when repeated: network failures, timeouts,
    //! 429/500/502/503/504. RetryPolicy adds the conditions about methods and streams.
    bool isRetryable() const;
    //! True for a 401 about a connector's token (its MCP server refused it), not about the
    //! API key: the token may be refreshed and the turn sent once more.
    bool isConnectorCredentialsRejected() const;

    //! Everything above except secrets, for logs and bug reports.
    QJsonObject toJson() const;
    QString toLogString() const;

    static QLatin1StringView kindName(Kind kind);
    static QLatin1StringView contextName(Context context);

    friend bool operator==(const ApiError &, const ApiError &) = default;

private:
    //! An error of \a kind in \a context with technical \a detail (redacted), nothing more.
    static ApiError withDetail(Kind kind, Context context, const QString &detail);
    void parseBody(QByteArrayView body, const QByteArray &contentType);
    void parseJson(const QJsonValue &value, int depth);

    Kind m_kind = Kind::None;
    Context m_context = Context::Generic;
    int m_httpStatus = 0;
    QString m_serverMessage;
    QString m_serverType;
    QString m_serverCode;
    QString m_serverParam;
    QList<FieldError> m_fieldErrors;
    QString m_requestId;
    std::optional<std::chrono::milliseconds> m_retryAfter;
    QNetworkReply::NetworkError m_networkError = QNetworkReply::NoError;
    QString m_detail;
    QString m_rawBody;
    QString m_contentType;
    QByteArray m_wwwAuthenticate;
    qint64 m_sizeLimit = 0;
    int m_attempts = 0;
};

} // namespace Tramontane

Q_DECLARE_METATYPE(Tramontane::ApiError)
