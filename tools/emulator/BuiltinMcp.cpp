// SPDX-License-Identifier: GPL-3.0-or-later
#include "BuiltinMcp.h"

#include "HttpServer.h"
#include "ImageRenderer.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Tramontane::Emulator {

namespace {

constexpr QLatin1StringView SupportedVersions[] = {"2025-06-18"_L1, "2025-03-26"_L1};

QJsonObject schema(const QJsonObject &properties, const QStringList &required) {
    return QJsonObject{{u"type"_s, u"object"_s},
                       {u"properties"_s, properties},
                       {u"required"_s, QJsonArray::fromStringList(required)}};
}

QJsonArray toolList() {
    const QJsonObject str{{u"type"_s, u"string"_s}};
    const QJsonObject num{{u"type"_s, u"number"_s}};
    auto tool = [](const QString &name, const QString &title, const QString &description,
                   const QJsonObject &inputSchema) {
        return QJsonObject{{u"name"_s, name},
                           {u"title"_s, title},
                           {u"description"_s, description},
                           {u"inputSchema"_s, inputSchema},
                           {u"annotations"_s, QJsonObject{{u"readOnlyHint"_s, true}}}};
    };
    return QJsonArray{
        tool(u"echo"_s, u"Echo"_s, u"Echoes back the input string"_s,
             schema({{u"message"_s, str}}, {u"message"_s})),
        tool(u"add"_s, u"Add"_s, u"Adds two numbers"_s,
             schema({{u"a"_s, num}, {u"b"_s, num}}, {u"a"_s, u"b"_s})),
        tool(u"current_time"_s, u"Current time"_s, u"The current date and time in UTC"_s,
             schema({}, {})),
        tool(u"weather"_s, u"Weather"_s, u"A (made-up, deterministic) weather report for a city"_s,
             schema({{u"city"_s, str}}, {u"city"_s})),
        tool(u"tiny_image"_s, u"Tiny image"_s, u"Returns a small PNG image"_s, schema({}, {})),
    };
}

QJsonObject text(const QString &t) {
    return QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, t}};
}

QJsonObject callTool(const QString &name, const QJsonObject &args, bool *found) {
    *found = true;
    auto result = [](const QJsonArray &content, bool isError = false) {
        QJsonObject r{{u"content"_s, content}};
        if (isError)
            r.insert(u"isError"_s, true);
        return r;
    };
    if (name == "echo"_L1) {
        if (!args.value("message"_L1).isString())
            return result({text(u"The argument \"message\" must be a string."_s)}, true);
        return result({text(u"Echo: "_s + args.value("message"_L1).toString())});
    }
    if (name == "add"_L1) {
        if (!args.value("a"_L1).isDouble() || !args.value("b"_L1).isDouble())
            return result({text(u"The arguments \"a\" and \"b\" must be numbers."_s)}, true);
        const double sum = args.value("a"_L1).toDouble() + args.value("b"_L1).toDouble();
        return result({text(u"The sum of %1 and %2 is %3."_s.arg(args.value("a"_L1).toDouble())
                                .arg(args.value("b"_L1).toDouble())
                                .arg(sum))});
    }
    if (name == "current_time"_L1)
        return result({text(QDateTime::currentDateTimeUtc().toString(Qt::ISODate))});
    if (name == "weather"_L1) {
        const QString city = args.value("city"_L1).toString(u"Nowhere"_s);
        const QByteArray h =
            QCryptographicHash::hash(city.toLower().toUtf8(), QCryptographicHash::Md5);
        static const QStringList skies = {u"sunny"_s, u"cloudy"_s, u"windy (a mistral blows)"_s,
                                          u"rainy"_s, u"foggy"_s};
        return result({text(u"%1: %2, %3 °C."_s.arg(city, skies.at(uchar(h[0]) % skies.size()))
                                .arg(int(uchar(h[1]) % 30) - 2))});
    }
    if (name == "tiny_image"_L1) {
        return result(
            {QJsonObject{{u"type"_s, u"image"_s},
                         {u"data"_s, QString::fromLatin1(renderImage(u"tiny"_s, 32).toBase64())},
                         {u"mimeType"_s, u"image/png"_s}}});
    }
    *found = false;
    return {};
}

QByteArray rpcError(const QJsonValue &id, int code, const QString &message) {
    return QJsonDocument(
               QJsonObject{{u"jsonrpc"_s, u"2.0"_s},
                           {u"id"_s, id},
                           {u"error"_s, QJsonObject{{u"code"_s, code}, {u"message"_s, message}}}})
        .toJson(QJsonDocument::Compact);
}

QByteArray rpcResult(const QJsonValue &id, const QJsonObject &result) {
    return QJsonDocument(
               QJsonObject{{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, id}, {u"result"_s, result}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

void BuiltinMcp::handle(HttpExchange *ex, bool secured) {
    const HttpRequest &req = ex->request();
    if (secured && req.header("authorization") != "Bearer " + m_token) {
        ex->send(
            401, "application/json",
            R"({"error":"invalid_token","error_description":"The access token is missing, invalid or expired"})",
            {{"WWW-Authenticate", R"(Bearer error="invalid_token")"}});
        return;
    }
    const QByteArray session = req.header("mcp-session-id");
    if (req.method == "DELETE") {
        if (!m_sessions.remove(session)) {
            ex->send(404, "application/json",
                     rpcError(QJsonValue::Null, -32001, u"Session not found"_s));
            return;
        }
        ex->send(200, "application/json", "{}");
        return;
    }
    if (req.method != "POST") {
        ex->send(405, "application/json",
                 rpcError(QJsonValue::Null, -32000, u"Method not allowed."_s),
                 {{"Allow", "POST, DELETE"}});
        return;
    }
    const QByteArray accept = req.header("accept");
    if (!accept.contains("application/json") || !accept.contains("text/event-stream")) {
        ex->send(
            406, "application/json",
            rpcError(
                QJsonValue::Null, -32000,
                u"Not Acceptable: Client must accept both application/json and text/event-stream"_s));
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(req.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        ex->send(400, "application/json", rpcError(QJsonValue::Null, -32700, u"Parse error"_s));
        return;
    }
    const QJsonObject message = doc.object();
    const QString method = message.value("method"_L1).toString();
    const QJsonValue id = message.value("id"_L1);

    if (method == "initialize"_L1) {
        const QString asked =
            message.value("params"_L1).toObject().value("protocolVersion"_L1).toString();
        QString version = QString(SupportedVersions[0]);
        for (QLatin1StringView v : SupportedVersions) {
            if (asked == v)
                version = asked;
        }
        const QByteArray newSession = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        m_sessions.insert(newSession);
        const QJsonObject result{
            {u"protocolVersion"_s, version},
            {u"capabilities"_s, QJsonObject{{u"tools"_s, QJsonObject{{u"listChanged"_s, false}}}}},
            {u"serverInfo"_s, QJsonObject{{u"name"_s, u"tramontane-emulator-mcp"_s},
                                          {u"title"_s, u"Tramontane emulator demo tools"_s},
                                          {u"version"_s, u"1.0.0"_s}}},
            {u"instructions"_s, u"Demo tools served by the Tramontane emulator."_s},
        };
        ex->send(200, "application/json", rpcResult(id, result), {{"Mcp-Session-Id", newSession}});
        return;
    }
    if (session.isEmpty()) {
        ex->send(400, "application/json",
                 rpcError(id, -32000, u"Bad Request: No valid session ID provided"_s));
        return;
    }
    if (!m_sessions.contains(session)) {
        ex->send(404, "application/json", rpcError(id, -32001, u"Session not found"_s));
        return;
    }
    if (id.isUndefined()) {
        // A notification (notifications/initialized and the like).
        ex->send(202, QByteArray(), QByteArray());
        return;
    }
    if (method == "tools/list"_L1) {
        ex->send(200, "application/json", rpcResult(id, QJsonObject{{u"tools"_s, toolList()}}));
        return;
    }
    if (method == "tools/call"_L1) {
        const QJsonObject params = message.value("params"_L1).toObject();
        bool found = false;
        const QJsonObject result = callTool(params.value("name"_L1).toString(),
                                            params.value("arguments"_L1).toObject(), &found);
        if (!found) {
            ex->send(200, "application/json",
                     rpcError(id, -32602,
                              u"Unknown tool: %1"_s.arg(params.value("name"_L1).toString())));
            return;
        }
        ex->send(200, "application/json", rpcResult(id, result));
        return;
    }
    if (method == "ping"_L1) {
        ex->send(200, "application/json", rpcResult(id, {}));
        return;
    }
    ex->send(200, "application/json", rpcError(id, -32601, u"Method not found: %1"_s.arg(method)));
}

} // namespace Tramontane::Emulator
