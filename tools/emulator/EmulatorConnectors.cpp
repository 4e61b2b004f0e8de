// SPDX-License-Identifier: GPL-3.0-or-later
// The connectors routes of the emulator: CRUD, and tools fetched live over MCP.
#include "Emulator.h"

#include "Validation.h"

#include "core/Logging.h"

#include <QJsonDocument>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Tramontane::Emulator {

namespace {

bool isUuid(const QString &text) {
    return !QUuid::fromString(text).isNull() && text.size() == 36;
}

// Why a connector's MCP server could not be reached, or an empty string when it was.
QString unreachableReason(const ApiError &error) {
    if (error.kind() != ApiError::Kind::Network)
        return QString();
    switch (error.networkError()) {
    case QNetworkReply::HostNotFoundError:
        return u"its host name does not resolve"_s;
    case QNetworkReply::ConnectionRefusedError:
        return u"nothing listens at its address"_s;
    case QNetworkReply::SslHandshakeFailedError:
        return u"the TLS connection failed"_s;
    default:
        return QString();
    }
}

} // namespace

ConnectorTarget Emulator::targetFor(const ConnectorRecord &connector) const {
    ConnectorTarget target;
    target.id = connector.id;
    target.name = connector.name();
    target.server = connector.server();
    for (const ConnectorHeader &h : connector.headers)
        target.headers.append({h.name.toUtf8(), h.value.toUtf8()});
    for (const ConnectorHeader &h : connector.globalHeaders)
        target.headers.append({h.name.toUtf8(), h.value.toUtf8()});
    // The user's default credential, as the platform holds it.
    for (const UserCredential &u : connector.userCredentials) {
        if (!u.isDefault)
            continue;
        for (const ConnectorHeader &h : u.headers)
            target.headers.append({h.name.toUtf8(), h.value.toUtf8()});
        if (!u.accessToken.isEmpty())
            target.headers.append({"Authorization", "Bearer " + u.accessToken.toUtf8()});
    }
    return target;
}

ConnectorTarget Emulator::targetFor(const ConnectorRecord &connector, const QJsonObject &tool,
                                    int index) const {
    ConnectorTarget target = targetFor(connector);
    target.toolIndex = index;
    const QJsonObject auth = tool.value("authorization"_L1).toObject();
    if (auth.value("value"_L1).isString()) {
        target.headers.removeIf([](const QPair<QByteArray, QByteArray> &h) {
            return h.first.compare("authorization", Qt::CaseInsensitive) == 0;
        });
        target.headers.append(
            {"Authorization", "Bearer " + auth.value("value"_L1).toString().toUtf8()});
    }
    const QJsonObject config = tool.value("tool_configuration"_L1).toObject();
    for (const QJsonValue &name : config.value("include"_L1).toArray())
        target.include.append(name.toString());
    for (const QJsonValue &name : config.value("exclude"_L1).toArray())
        target.exclude.append(name.toString());
    return target;
}

void Emulator::sendMcpError(HttpExchange *ex, const ApiError &error, const ConnectorTarget &target,
                            bool inChat) {
    const QString who = u"connector '%1'"_s.arg(target.name);
    qCInfo(lcEmulator).noquote() << "  MCP error from" << who << ":" << error.toLogString();
    if (!error.isError() || error.isCanceled())
        return;
    if (const QString reason = unreachableReason(error); !reason.isEmpty()) {
        // The cookbook: 422 when the connector's MCP server cannot be reached.
        Validator v;
        const QJsonArray loc = inChat && target.toolIndex >= 0
                                   ? QJsonArray{u"body"_s, u"tools"_s, target.toolIndex}
                                   : QJsonArray{u"path"_s, u"connector_id_or_name"_s};
        v.add(u"connector_unreachable"_s, loc,
              u"The MCP server of %1 is unreachable (%2): %3"_s.arg(who, reason, target.server),
              target.name);
        sendValidation(ex, v);
        return;
    }
    if (error.kind() == ApiError::Kind::Http && error.httpStatus() == 401) {
        sendObjectError(
            ex, 401,
            u"The MCP server of %1 rejected the authorization (HTTP 401): the OAuth token "
            "or API key sent to it is missing, invalid or expired. Refresh the token and "
            "retry."_s.arg(who),
            u"connector_authentication_error"_s, u"connector_unauthorized"_s,
            inChat && target.toolIndex >= 0
                ? QJsonValue(u"tools[%1].authorization"_s.arg(target.toolIndex))
                : QJsonValue(QJsonValue::Null));
        return;
    }
    if (error.kind() == ApiError::Kind::Http && error.httpStatus() == 403) {
        // The MCP server's challenge (with the scope it wants) is relayed as it came.
        if (!error.wwwAuthenticate().isEmpty())
            ex->addHeader("WWW-Authenticate", error.wwwAuthenticate());
        sendObjectError(ex, 403,
                        u"The MCP server of %1 refused the request (HTTP 403): the token lacks a "
                        "permission or scope."_s.arg(who),
                        u"connector_authentication_error"_s, u"connector_forbidden"_s,
                        inChat && target.toolIndex >= 0
                            ? QJsonValue(u"tools[%1].authorization"_s.arg(target.toolIndex))
                            : QJsonValue(QJsonValue::Null));
        return;
    }
    if (error.kind() == ApiError::Kind::Timeout) {
        sendObjectError(ex, 504, u"The MCP server of %1 did not answer in time."_s.arg(who),
                        u"connector_timeout"_s, u"connector_timeout"_s);
        return;
    }
    sendObjectError(ex, 502, u"The MCP server of %1 failed: %2"_s.arg(who, error.toLogString()),
                    u"connector_error"_s, u"connector_bad_gateway"_s);
}

void Emulator::routeConnectors(HttpExchange *ex) {
    const HttpRequest &req = ex->request();
    const QStringList &seg = req.segments;
    const qsizetype n = seg.size();

    if (n == 2 && req.method == "POST") {
        const auto body = jsonBody(ex);
        if (!body)
            return;
        Validator v;
        Validate::createConnector(v, *body);
        if (!v.ok()) {
            sendValidation(ex, v);
            return;
        }
        const QString name = body->value("name"_L1).toString();
        if (m_store.findConnector(name)) {
            sendDetail(ex, 409, u"A connector named '%1' already exists"_s.arg(name));
            return;
        }
        const ConnectorRecord &c = m_store.createConnector(*body);
        sendJson(ex, 201, m_store.connectorJson(c));
        return;
    }
    if (n == 2 && req.method == "GET") {
        const auto size = intQuery(ex, u"page_size"_s, 100, 1, 1000);
        if (!size)
            return;
        const QString cursor = req.query.queryItemValue(u"cursor"_s);
        const QString active = req.query.queryItemValue(u"active"_s);
        // Oldest first; the cursor is the id of the last connector of the previous page.
        const QList<ConnectorRecord> &all = m_store.connectors();
        qsizetype start = 0;
        if (!cursor.isEmpty()) {
            start = -1;
            for (qsizetype i = 0; i < all.size(); ++i) {
                if (all[i].id == cursor)
                    start = i + 1;
            }
            if (start < 0) {
                sendPathIssue(ex, u"value_error"_s, QJsonArray{u"query"_s, u"cursor"_s},
                              u"Value error, unknown cursor"_s, cursor);
                return;
            }
        }
        QJsonArray items;
        qsizetype i = start;
        for (; i < all.size() && items.size() < *size; ++i) {
            if (active == "false"_L1)
                continue; // every emulated connector is active
            items.append(m_store.connectorJson(all[i]));
        }
        const bool more = active != "false"_L1 && i < all.size();
        sendJson(ex, 200,
                 QJsonObject{{u"items"_s, items},
                             {u"pagination"_s,
                              QJsonObject{{u"next_cursor"_s, more ? QJsonValue(all[i - 1].id)
                                                                  : QJsonValue(QJsonValue::Null)},
                                          {u"page_size"_s, *size}}}});
        return;
    }
    if (n == 2) {
        sendNotAllowed(ex);
        return;
    }

    const QString key = seg[2];
    const bool byIdOnly = n == 3 && (req.method == "PATCH" || req.method == "DELETE");
    if (byIdOnly && !isUuid(key)) {
        sendPathIssue(ex, u"uuid_parsing"_s, QJsonArray{u"path"_s, u"connector_id"_s},
                      u"Input should be a valid UUID, invalid character: expected an optional "
                      "prefix of `urn:uuid:` followed by [0-9a-fA-F-]"_s,
                      key);
        return;
    }
    ConnectorRecord *connector = m_store.findConnector(key);
    if (!connector) {
        sendDetail(ex, 404, u"Connector '%1' not found"_s.arg(key));
        return;
    }

    if (n == 3) {
        if (req.method == "GET") {
            sendJson(ex, 200, m_store.connectorJson(*connector));
        } else if (req.method == "PATCH") {
            const auto body = jsonBody(ex);
            if (!body)
                return;
            Validator v;
            Validate::updateConnector(v, *body);
            if (!v.ok()) {
                sendValidation(ex, v);
                return;
            }
            if (body->value("name"_L1).isString()) {
                const ConnectorRecord *other =
                    m_store.findConnector(body->value("name"_L1).toString());
                if (other && other->id != connector->id) {
                    sendDetail(ex, 409,
                               u"A connector named '%1' already exists"_s.arg(
                                   body->value("name"_L1).toString()));
                    return;
                }
            }
            m_store.updateConnector(*connector, *body);
            sendJson(ex, 200, m_store.connectorJson(*connector));
        } else if (req.method == "DELETE") {
            const QString name = connector->name();
            m_store.deleteConnector(connector->id);
            sendJson(ex, 200, QJsonObject{{u"message"_s, u"Connector '%1' deleted"_s.arg(name)}});
        } else {
            sendNotAllowed(ex);
        }
        return;
    }
    if (m_platformAuth.route(ex, *connector))
        return;
    if (n == 4) {
        req.method == "GET" ? connectorTools(ex, *connector) : sendNotAllowed(ex);
        return;
    }
    req.method == "POST" ? connectorCall(ex, *connector, seg[4]) : sendNotAllowed(ex);
}

void Emulator::connectorTools(HttpExchange *ex, ConnectorRecord &connector) {
    const auto page = intQuery(ex, u"page"_s, 1, 1, 1000000);
    if (!page)
        return;
    const auto size = intQuery(ex, u"page_size"_s, 100, 1, 1000);
    if (!size)
        return;
    const bool pretty = ex->request().query.queryItemValue(u"pretty"_s) == "true"_L1;
    const ConnectorTarget target = targetFor(connector);
    const QString connectorId = connector.id;
    const QPointer<HttpExchange> guard(ex);
    ConnectorTask::start(ex, m_nam, {target}, m_options.mcpTimeoutMs, std::nullopt,
                         [this, guard, target, connectorId, page = *page, size = *size,
                          pretty](const ConnectorTask::Result &result) {
                             if (!guard)
                                 return;
                             if (result.error.isError()) {
                                 sendMcpError(guard, result.error, target, false);
                                 return;
                             }
                             const QList<McpTool> tools = result.tools.value(0);
                             // Remember them on the connector, as the real service caches them.
                             if (ConnectorRecord *c = m_store.findConnector(connectorId)) {
                                 QJsonArray cached;
                                 const QString now = isoNow();
                                 for (const McpTool &t : tools) {
                                     cached.append(QJsonObject{
                                         {u"id"_s, newUuid()},
                                         {u"name"_s, t.name},
                                         {u"description"_s, t.description.value_or(QString())},
                                         {u"jsonschema"_s, t.inputSchema},
                                         {u"execution_config"_s, QJsonValue::Null},
                                         {u"visibility"_s, u"private"_s},
                                         {u"created_at"_s, now},
                                         {u"modified_at"_s, now},
                                         {u"active"_s, true},
                                     });
                                 }
                                 c->tools = cached;
                             }
                             QJsonArray out;
                             for (qsizetype i = qsizetype(page - 1) * size;
                                  i < tools.size() && out.size() < size; ++i) {
                                 const McpTool &t = tools.at(i);
                                 if (pretty) {
                                     QJsonObject o{
                                         {u"name"_s, t.name},
                                         {u"description"_s, t.description.value_or(QString())},
                                         {u"inputSchema"_s, t.inputSchema}};
                                     if (t.raw.contains("annotations"_L1))
                                         o.insert(u"annotations"_s, t.raw.value("annotations"_L1));
                                     out.append(o);
                                 } else {
                                     out.append(t.raw);
                                 }
                             }
                             sendJson(guard, 200, out);
                         });
}

void Emulator::connectorCall(HttpExchange *ex, ConnectorRecord &connector, const QString &tool) {
    const auto body = jsonBody(ex);
    if (!body)
        return;
    Validator v;
    Validate::callConnectorTool(v, *body);
    if (!v.ok()) {
        sendValidation(ex, v);
        return;
    }
    const ConnectorTarget target = targetFor(connector);
    const QPointer<HttpExchange> guard(ex);
    ConnectorTask::start(
        ex, m_nam, {target}, m_options.mcpTimeoutMs,
        ConnectorTask::Call{tool, body->value("arguments"_L1).toObject()},
        [this, guard, target, tool](const ConnectorTask::Result &result) {
            if (!guard)
                return;
            if (result.error.isError()) {
                sendMcpError(guard, result.error, target, false);
                return;
            }
            if (result.calledTarget < 0) {
                sendDetail(guard, 404,
                           u"Tool '%1' not found on connector '%2'"_s.arg(tool, target.name));
                return;
            }
            QJsonObject out = result.call.json;
            if (!out.value("content"_L1).isArray())
                out.insert(u"content"_s, QJsonArray());
            out.insert(u"metadata"_s, QJsonObject{{u"connector_id"_s, target.id},
                                                  {u"latency_ms"_s, double(result.latencyMs)}});
            sendJson(guard, 200, out);
        });
}

} // namespace Tramontane::Emulator
