// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/ApiError.h"

#include "core/net/Redactor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace Tramontane {

namespace {

constexpr int kMaxJsonDepth = 4;             // `message` wrapping `detail` needs 2; be generous
constexpr qsizetype kMaxMessageLength = 500; // a plain-text body is cut to this many chars
constexpr auto kMaxRetryAfter = std::chrono::milliseconds(24h);

bool containsAny(const QString &haystack, std::initializer_list<QLatin1StringView> needles) {
    for (QLatin1StringView n : needles) {
        if (haystack.contains(n, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

// Text for a number that came as a JSON string or number ("1300" or 1300).
QString scalarText(const QJsonValue &v) {
    if (v.isString())
        return v.toString();
    if (v.isDouble()) {
        // Integral values within 2^53 read as integers ("1300"); anything else, such as a
        // code of 1e52, is printed as a double: converting it to an integer would be undefined.
        const double d = v.toDouble();
        if (std::isfinite(d) && std::floor(d) == d && std::abs(d) <= 9007199254740992.0)
            return QString::number(static_cast<qint64>(d));
        return QString::number(d);
    }
    return {};
}

QString shorten(const QString &text) {
    QString s = text.simplified();
    if (s.size() > kMaxMessageLength)
        s = s.left(kMaxMessageLength - 1) + u'…';
    return s;
}

// The title of an HTML error page ("502 Bad Gateway"), or its first heading.
QString htmlSummary(const QString &html) {
    static const QRegularExpression title(uR"(<title[^>]*>(.*?)</title>)"_s,
                                          QRegularExpression::CaseInsensitiveOption
                                              | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression h1(uR"(<h1[^>]*>(.*?)</h1>)"_s,
                                       QRegularExpression::CaseInsensitiveOption
                                           | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression tags(uR"(<[^>]*>)"_s);
    for (const QRegularExpression *re : {&title, &h1}) {
        const QRegularExpressionMatch m = re->match(html);
        if (m.hasMatch()) {
            QString text = m.captured(1);
            text.remove(tags);
            return shorten(text);
        }
    }
    return {};
}

std::optional<std::chrono::milliseconds> clampDelay(double ms) {
    if (!(ms >= 0)) // negative or NaN
        return std::nullopt;
    if (ms > static_cast<double>(kMaxRetryAfter.count()))
        return kMaxRetryAfter;
    return std::chrono::milliseconds(static_cast<qint64>(ms));
}

bool allDigits(QByteArrayView v) {
    if (v.isEmpty())
        return false;
    for (char c : v) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

// An HTTP-date: IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT") or the obsolete asctime form
// ("Sun Nov  6 08:49:37 1994"). Qt's RFC 2822 parser wants a numeric zone, so "GMT" is
// rewritten first.
QDateTime parseHttpDate(const QString &text) {
    QString s = text.simplified();
    if (s.endsWith(" GMT"_L1) || s.endsWith(" UTC"_L1)) {
        s.chop(4);
        s += " +0000"_L1;
    }
    QDateTime when = QDateTime::fromString(s, Qt::RFC2822Date);
    if (when.isValid())
        return when;
    const QDateTime local = QLocale::c().toDateTime(s, u"ddd MMM d HH:mm:ss yyyy"_s);
    if (local.isValid())
        return QDateTime(local.date(), local.time(), QTimeZone::utc());
    return {};
}

} // namespace

std::optional<std::chrono::milliseconds> ApiError::parseRetryAfter(const RawHeaders &headers,
                                                                   const QDateTime &now) {
    const QByteArray ms = headerValue(headers, "retry-after-ms").trimmed();
    if (!ms.isEmpty()) {
        bool ok = false;
        const double v = ms.toDouble(&ok);
        if (ok) {
            if (auto d = clampDelay(v))
                return d;
        }
    }

    const QByteArray value = headerValue(headers, "retry-after").trimmed();
    if (value.isEmpty())
        return std::nullopt;
    if (allDigits(value)) {
        // Delay-seconds. Very long digit strings overflow toDouble into inf: clamped.
        return clampDelay(value.toDouble() * 1000.0);
    }
    if (value.startsWith('-'))
        return std::nullopt;
    const QDateTime when = parseHttpDate(QString::fromLatin1(value));
    if (!when.isValid())
        return std::nullopt;
    const qint64 delta = now.msecsTo(when);
    return clampDelay(delta < 0 ? 0.0 : static_cast<double>(delta));
}

ApiError ApiError::fromHttp(int status, const RawHeaders &headers, QByteArrayView body,
                            Context context, const QDateTime &now) {
    ApiError e;
    e.m_kind = Kind::Http;
    e.m_context = context;
    e.m_httpStatus = status;
    QByteArray id = headerValue(headers, "mistral-correlation-id").trimmed();
    if (id.isEmpty())
        id = headerValue(headers, "x-kong-request-id").trimmed();
    e.m_requestId = QString::fromLatin1(id);
    e.m_retryAfter = parseRetryAfter(headers, now);
    if (status == 401 || status == 403)
        e.m_wwwAuthenticate = headerValue(headers, "www-authenticate").left(4096);
    e.parseBody(body, headerValue(headers, "content-type"));
    return e;
}

void ApiError::parseBody(QByteArrayView body, const QByteArray &contentType) {
    if (body.isEmpty())
        return;
    // Keep a redacted copy for the details view. Redact a generous prefix before cutting, so
    // a secret is never left half-visible at the cut.
    QString raw = Redactor::redactBody(body.first(qMin<qsizetype>(body.size(), 64 * 1024)));
    if (raw.size() > kMaxRawBodySize)
        raw = raw.left(kMaxRawBodySize) + u'…';
    m_rawBody = raw;

    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body.toByteArray(), &error);
    if (error.error == QJsonParseError::NoError && (doc.isObject() || doc.isArray())) {
        parseJson(doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array()), 0);
    } else {
        const QString text = QString::fromUtf8(body);
        const bool html = contentType.contains("html") || text.trimmed().startsWith(u'<');
        m_serverMessage = html ? htmlSummary(text) : shorten(text);
    }

    if (m_serverMessage.isEmpty() && !m_fieldErrors.isEmpty())
        m_serverMessage = fieldErrorText();
    m_serverMessage = Redactor::redactText(m_serverMessage);
}

void ApiError::parseJson(const QJsonValue &value, int depth) {
    if (depth > kMaxJsonDepth)
        return;
    if (value.isString()) {
        if (m_serverMessage.isEmpty())
            m_serverMessage = shorten(value.toString());
        return;
    }
    if (value.isArray()) {
        // A `detail` array of validation errors: {loc, msg, type}.
        for (const QJsonValue &item : value.toArray()) {
            if (!item.isObject())
                continue;
            const QJsonObject o = item.toObject();
            FieldError f;
            for (const QJsonValue &part : o.value("loc"_L1).toArray())
                f.loc.append(scalarText(part));
            if (!f.loc.isEmpty() && f.loc.constFirst() == "body"_L1)
                f.loc.removeFirst();
            f.message = o.value("msg"_L1).toString();
            if (f.message.isEmpty())
                f.message = o.value("message"_L1).toString();
            f.type = o.value("type"_L1).toString();
            if (!f.message.isEmpty() || !f.loc.isEmpty())
                m_fieldErrors.append(f);
        }
        return;
    }
    if (!value.isObject())
        return;

    const QJsonObject o = value.toObject();
    // `detail` first: FastAPI-style bodies, and what a wrapped `message` object holds.
    const QJsonValue detail = o.value("detail"_L1);
    if (detail.isString() || detail.isArray() || detail.isObject())
        parseJson(detail, depth + 1);

    const QJsonValue message = o.value("message"_L1);
    if (message.isString() || message.isObject() || message.isArray())
        parseJson(message, depth + 1);

    // An OpenAI-style {"error": {...}} envelope, or a stream chunk carrying an error.
    const QJsonValue nested = o.value("error"_L1);
    if (nested.isObject() || nested.isString())
        parseJson(nested, depth + 1);

    if (m_serverMessage.isEmpty() && o.value("msg"_L1).isString())
        m_serverMessage = shorten(o.value("msg"_L1).toString());
    if (m_serverType.isEmpty())
        m_serverType = o.value("type"_L1).toString();
    if (m_serverCode.isEmpty())
        m_serverCode = scalarText(o.value("code"_L1));
    if (m_serverParam.isEmpty())
        m_serverParam = scalarText(o.value("param"_L1));
    if (m_requestId.isEmpty())
        m_requestId = o.value("request_id"_L1).toString();
}

ApiError ApiError::fromNetworkError(QNetworkReply::NetworkError code, const QString &detail,
                                    Context context) {
    ApiError e;
    e.m_kind = code == QNetworkReply::TimeoutError ? Kind::Timeout : Kind::Network;
    if (code == QNetworkReply::OperationCanceledError)
        e.m_kind = Kind::Canceled;
    e.m_context = context;
    e.m_networkError = code;
    e.m_detail = Redactor::redactText(detail);
    return e;
}

ApiError ApiError::withDetail(Kind kind, Context context, const QString &detail) {
    ApiError e;
    e.m_kind = kind;
    e.m_context = context;
    e.m_detail = Redactor::redactText(detail);
    return e;
}

ApiError ApiError::timeout(Context context, const QString &detail) {
    ApiError e;
    e.m_kind = Kind::Timeout;
    e.m_context = context;
    e.m_networkError = QNetworkReply::TimeoutError;
    e.m_detail = Redactor::redactText(detail);
    return e;
}

ApiError ApiError::canceled(Context context) {
    ApiError e;
    e.m_kind = Kind::Canceled;
    e.m_context = context;
    return e;
}

ApiError ApiError::invalidResponse(const QString &detail, Context context) {
    return withDetail(Kind::InvalidResponse, context, detail);
}

ApiError ApiError::tooLarge(qint64 limitBytes, Context context, const QString &detail) {
    ApiError e;
    e.m_kind = Kind::TooLarge;
    e.m_context = context;
    e.m_sizeLimit = limitBytes;
    e.m_detail = Redactor::redactText(detail);
    return e;
}

ApiError ApiError::invalidRequest(const QString &detail, Context context) {
    return withDetail(Kind::InvalidRequest, context, detail);
}

ApiError ApiError::streamInterrupted(Context context, const QString &detail) {
    return withDetail(Kind::StreamInterrupted, context, detail);
}

ApiError ApiError::notAStream(const QString &contentType, Context context, const QString &detail) {
    ApiError e;
    e.m_kind = Kind::NotAStream;
    e.m_context = context;
    // The media type alone: parameters such as the charset say nothing to a person.
    e.m_contentType = contentType.section(u';', 0, 0).left(200).simplified();
    e.m_detail = Redactor::redactText(detail);
    return e;
}

ApiError ApiError::streamError(QByteArrayView payload, Context context) {
    ApiError e;
    e.m_kind = Kind::StreamError;
    e.m_context = context;
    e.parseBody(payload, {});
    if (e.m_serverMessage.isEmpty())
        e.m_serverMessage = e.m_serverType;
    return e;
}

ApiError ApiError::jsonRpcError(int code, const QString &message, Context context) {
    ApiError e;
    e.m_kind = Kind::JsonRpcError;
    e.m_context = context;
    e.m_serverCode = QString::number(code);
    e.m_serverMessage = Redactor::redactText(message.left(500));
    return e;
}

ApiError ApiError::notMcp(int httpStatus, const QString &contentType, const QString &detail,
                          Context context) {
    ApiError e;
    e.m_kind = Kind::NotMcp;
    e.m_context = context;
    e.m_httpStatus = httpStatus;
    e.m_contentType = contentType.section(u';', 0, 0).left(200).simplified();
    e.m_detail = Redactor::redactText(detail);
    return e;
}

ApiError ApiError::protocolError(const QString &detail, Context context) {
    return withDetail(Kind::ProtocolError, context, detail);
}

bool ApiError::isRetryable() const {
    switch (m_kind) {
    case Kind::Network:
    case Kind::Timeout:
        return true;
    case Kind::Http:
        return m_httpStatus == 429 || m_httpStatus == 500 || m_httpStatus == 502
               || m_httpStatus == 503 || m_httpStatus == 504;
    default:
        return false;
    }
}

QString ApiError::fieldErrorText() const {
    QStringList lines;
    for (const FieldError &f : m_fieldErrors) {
        const QString loc = f.loc.join(u'.');
        lines.append(loc.isEmpty() ? f.message : loc + u": "_s + f.message);
    }
    return lines.join(u"; "_s);
}

namespace {

bool isContextTooLong(const QString &msg) {
    return containsAny(msg, {"context window"_L1, "context length"_L1, "too many tokens"_L1,
                             "too large for model"_L1});
}

// The API's errors about a connector's authorization carry it in their type or code
// ("connector_authentication_error", "connector_unauthorized") or point at the tool's
// authorization parameter ("tools[0].authorization").
bool isConnectorAuthError(const ApiError &e) {
    const auto aboutConnector = [](const QString &s) {
        return s.startsWith("connector"_L1, Qt::CaseInsensitive)
               || s.startsWith("mcp"_L1, Qt::CaseInsensitive);
    };
    return aboutConnector(e.serverType()) || aboutConnector(e.serverCode())
           || (e.serverParam().startsWith("tools["_L1)
               && e.serverParam().endsWith(".authorization"_L1));
}

} // namespace

ApiError::Reason ApiError::reason() const {
    const ApiError &e = *this;
    if (m_kind != Kind::Http)
        return Reason::None;
    using Context = ApiError::Context;
    const QString msg = e.serverMessage();
    const Context ctx = e.context();
    const bool mcpish = ctx == Context::Mcp || ctx == Context::McpServer
                        || ctx == Context::Connector || ctx == Context::Chat
                        || ctx == Context::Agent;
    switch (e.httpStatus()) {
    case 400:
        return isContextTooLong(msg) ? Reason::ContextTooLong : Reason::BadRequest;
    case 401:
        if (ctx == Context::RemoteFile)
            return Reason::RemoteFileRefused;
        // A 401 is about the API key unless the body says a connector's MCP server refused
        // the token it was sent: the error's own type or code first (such a message may well
        // mention "API key" too), then, with a connector in play, a message about a token.
        if (ctx == Context::Mcp || ctx == Context::McpServer || isConnectorAuthError(e)
            || (ctx != Context::Generic && containsAny(msg, {"oauth"_L1, "token"_L1})
                && !msg.contains("api key"_L1, Qt::CaseInsensitive)))
            return Reason::ConnectorCredentialsRejected;
        return Reason::ApiKeyRejected;
    case 403:
        if (ctx == Context::RemoteFile)
            return Reason::RemoteFileRefused;
        if (ctx == Context::Mcp || ctx == Context::McpServer || ctx == Context::Connector
            || containsAny(msg, {"scope"_L1, "oauth"_L1}))
            return Reason::ConnectorScopes;
        return Reason::Forbidden;
    case 404: {
        Context about = ctx;
        if (about == Context::Generic || about == Context::Chat) {
            // A chat request can name a connector, an agent or a model: let the message tell.
            if (msg.contains("no route"_L1, Qt::CaseInsensitive))
                about = Context::Generic;
            else if (msg.contains("connector"_L1, Qt::CaseInsensitive))
                about = Context::Connector;
            else if (msg.contains("agent"_L1, Qt::CaseInsensitive))
                about = Context::Agent;
            else if (msg.contains("model"_L1, Qt::CaseInsensitive))
                about = Context::Model;
            else if (msg.contains("file"_L1, Qt::CaseInsensitive))
                about = Context::File;
        }
        switch (about) {
        case Context::Connector:
        case Context::Mcp:
            return Reason::ConnectorNotFound;
        case Context::McpServer:
            return Reason::WrongAddress; // no MCP endpoint at the server URL
        case Context::Agent:
            return Reason::AgentNotFound;
        case Context::File:
        case Context::RemoteFile:
            return Reason::FileNotFound;
        case Context::Model:
            return Reason::ModelNotFound;
        case Context::Library:
            // One context for a library and its documents: the message says which is missing.
            return msg.contains("document"_L1, Qt::CaseInsensitive) ? Reason::DocumentNotFound
                                                                    : Reason::LibraryNotFound;
        case Context::Chat:
        case Context::Generic:
            break;
        }
        return Reason::WrongAddress;
    }
    case 405:
        if (ctx == Context::McpServer)
            return Reason::WrongAddress; // something answers there, but not MCP's POST
        break;
    case 409:
        if (ctx == Context::Connector || ctx == Context::Mcp)
            return Reason::ConnectorExists;
        if (ctx == Context::Agent)
            return Reason::AgentExists;
        return Reason::Conflict;
    case 422: {
        if (containsAny(msg, {"mcp"_L1, "unreachable"_L1, "inactive"_L1}))
            return Reason::McpUnreachable;
        const QList<ApiError::FieldError> fields = e.fieldErrors();
        bool aboutModel = fields.isEmpty() && msg.contains("model"_L1, Qt::CaseInsensitive);
        bool aboutTools = false;
        for (const ApiError::FieldError &f : fields) {
            if (!f.loc.isEmpty() && f.loc.constFirst() == "model"_L1)
                aboutModel = true;
            if (!f.loc.isEmpty() && f.loc.constFirst() == "tools"_L1)
                aboutTools = true;
        }
        if (aboutModel)
            return Reason::InvalidModel;
        if (aboutTools)
            return Reason::InvalidTool;
        return fields.isEmpty() ? Reason::Unprocessable : Reason::InvalidFields;
    }
    case 429:
        return Reason::RateLimited;
    case 500:
        return Reason::ServerError;
    case 502:
        return mcpish ? Reason::McpFailed : Reason::GatewayFailed;
    case 503:
        return Reason::Unavailable;
    case 504:
        return mcpish ? Reason::McpTimeout : Reason::GatewayTimeout;
    default:
        break;
    }
    if (e.httpStatus() >= 500)
        return Reason::OtherServerError;
    if (e.httpStatus() >= 300 && e.httpStatus() < 400)
        return Reason::UnexpectedRedirect;
    return Reason::OtherClientError;
}

bool ApiError::isConnectorCredentialsRejected() const {
    return m_kind == Kind::Http && m_httpStatus == 401
           && reason() == Reason::ConnectorCredentialsRejected;
}
QLatin1StringView ApiError::kindName(Kind kind) {
    switch (kind) {
    case Kind::None:
        return "none"_L1;
    case Kind::Network:
        return "network"_L1;
    case Kind::Timeout:
        return "timeout"_L1;
    case Kind::Canceled:
        return "canceled"_L1;
    case Kind::Http:
        return "http"_L1;
    case Kind::InvalidResponse:
        return "invalid-response"_L1;
    case Kind::StreamInterrupted:
        return "stream-interrupted"_L1;
    case Kind::StreamError:
        return "stream-error"_L1;
    case Kind::InvalidRequest:
        return "invalid-request"_L1;
    case Kind::NotAStream:
        return "not-a-stream"_L1;
    case Kind::TooLarge:
        return "too-large"_L1;
    case Kind::JsonRpcError:
        return "json-rpc-error"_L1;
    case Kind::NotMcp:
        return "not-mcp"_L1;
    case Kind::ProtocolError:
        return "protocol-error"_L1;
    }
    return "unknown"_L1;
}

QLatin1StringView ApiError::contextName(Context context) {
    switch (context) {
    case Context::Generic:
        return "generic"_L1;
    case Context::Chat:
        return "chat"_L1;
    case Context::Model:
        return "model"_L1;
    case Context::Agent:
        return "agent"_L1;
    case Context::Connector:
        return "connector"_L1;
    case Context::File:
        return "file"_L1;
    case Context::Mcp:
        return "mcp"_L1;
    case Context::RemoteFile:
        return "remote-file"_L1;
    case Context::McpServer:
        return "mcp-server"_L1;
    case Context::Library:
        return "library"_L1;
    }
    return "unknown"_L1;
}

QJsonObject ApiError::toJson() const {
    QJsonObject o{{"kind"_L1, kindName(m_kind)}, {"context"_L1, contextName(m_context)}};
    if (m_httpStatus)
        o.insert("httpStatus"_L1, m_httpStatus);
    auto put = [&o](QLatin1StringView key, const QString &value) {
        if (!value.isEmpty())
            o.insert(key, Redactor::redactText(value));
    };
    put("serverMessage"_L1, m_serverMessage);
    put("serverType"_L1, m_serverType);
    put("serverCode"_L1, m_serverCode);
    put("serverParam"_L1, m_serverParam);
    put("requestId"_L1, m_requestId);
    put("detail"_L1, m_detail);
    put("rawBody"_L1, m_rawBody);
    put("contentType"_L1, m_contentType);
    if (m_sizeLimit > 0)
        o.insert("sizeLimit"_L1, m_sizeLimit);
    if (m_attempts > 0)
        o.insert("attempts"_L1, m_attempts);
    if (m_retryAfter)
        o.insert("retryAfterMs"_L1, static_cast<qint64>(m_retryAfter->count()));
    if (m_networkError != QNetworkReply::NoError)
        o.insert("networkError"_L1, static_cast<int>(m_networkError));
    if (!m_fieldErrors.isEmpty()) {
        QJsonArray fields;
        for (const FieldError &f : m_fieldErrors) {
            fields.append(QJsonObject{{"loc"_L1, QJsonArray::fromStringList(f.loc)},
                                      {"message"_L1, Redactor::redactText(f.message)},
                                      {"type"_L1, f.type}});
        }
        o.insert("fieldErrors"_L1, fields);
    }
    return o;
}

QString ApiError::toLogString() const {
    QString s = kindName(m_kind).toString();
    if (m_httpStatus)
        s += u' ' + QString::number(m_httpStatus);
    s += u" ("_s + contextName(m_context) + u')';
    if (!m_requestId.isEmpty())
        s += u" request-id "_s + m_requestId;
    // "type x code y", not "code=y": the redactor masks anything shaped like an OAuth code=.
    if (!m_serverType.isEmpty())
        s += u" type "_s + m_serverType;
    if (!m_serverCode.isEmpty())
        s += u" code "_s + m_serverCode;
    if (m_retryAfter)
        s += u" retry-after "_s + QString::number(m_retryAfter->count()) + u"ms"_s;
    if (!m_serverMessage.isEmpty())
        s += u": "_s + m_serverMessage;
    if (!m_detail.isEmpty())
        s += u" ["_s + m_detail + u']';
    return Redactor::redactText(s);
}

} // namespace Tramontane
