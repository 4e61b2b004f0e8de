// SPDX-License-Identifier: GPL-3.0-or-later
// The agents routes of the emulator: CRUD with versions.
#include "Emulator.h"

#include "Validation.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Tramontane::Emulator {

namespace {

bool matchesFilters(const QJsonObject &agent, const QUrlQuery &query) {
    if (query.hasQueryItem(u"name"_s)
        && agent.value("name"_L1).toString() != query.queryItemValue(u"name"_s, QUrl::FullyDecoded))
        return false;
    if (query.hasQueryItem(u"id"_s)
        && agent.value("id"_L1).toString() != query.queryItemValue(u"id"_s))
        return false;
    if (query.hasQueryItem(u"search"_s)) {
        const QString needle = query.queryItemValue(u"search"_s, QUrl::FullyDecoded);
        if (!agent.value("name"_L1).toString().contains(needle, Qt::CaseInsensitive)
            && !agent.value("description"_L1).toString().contains(needle, Qt::CaseInsensitive))
            return false;
    }
    if (query.hasQueryItem(u"deployment_chat"_s)) {
        const bool wanted = query.queryItemValue(u"deployment_chat"_s) == "true"_L1;
        if (agent.value("deployment_chat"_L1).toBool() != wanted)
            return false;
    }
    if (query.hasQueryItem(u"sources"_s)) {
        const QStringList sources = query.allQueryItemValues(u"sources"_s);
        if (!sources.contains(agent.value("source"_L1).toString()))
            return false;
    }
    return true;
}

} // namespace

std::optional<QString> Emulator::missingConnector(const QJsonArray &tools) {
    for (const QJsonValue &t : tools) {
        const QJsonObject tool = t.toObject();
        if (tool.value("type"_L1).toString() == "connector"_L1
            && !m_store.findConnector(tool.value("connector_id"_L1).toString()))
            return tool.value("connector_id"_L1).toString();
    }
    return std::nullopt;
}

void Emulator::routeAgents(HttpExchange *ex) {
    const HttpRequest &req = ex->request();
    const QStringList &seg = req.segments;
    const qsizetype n = seg.size();

    if (n == 3 && seg[2] == "completions"_L1) {
        req.method == "POST" ? handleCompletion(ex, true) : sendNotAllowed(ex);
        return;
    }

    // The visible agents, newest first, filtered by the query.
    auto listed = [&] {
        QList<QJsonObject> out;
        const QList<AgentRecord> &agents = m_store.agents();
        for (qsizetype i = agents.size() - 1; i >= 0; --i) {
            const QJsonObject json = m_store.agentJson(agents[i], agents[i].active);
            if (matchesFilters(json, req.query))
                out.append(json);
        }
        return out;
    };

    if (n == 2 && req.method == "POST") {
        const auto body = jsonBody(ex);
        if (!body)
            return;
        Validator v;
        Validate::createAgent(v, *body);
        if (!v.ok()) {
            sendValidation(ex, v);
            return;
        }
        if (const auto missing = missingConnector(body->value("tools"_L1).toArray())) {
            sendDetail(ex, 404, u"Connector '%1' not found"_s.arg(*missing));
            return;
        }
        const QString name = body->value("name"_L1).toString();
        if (m_store.findAgentByName(name)) {
            sendDetail(ex, 409, u"An agent named '%1' already exists"_s.arg(name));
            return;
        }
        if (!m_store.findModel(body->value("model"_L1).toString())) {
            sendObjectError(ex, 400, u"Invalid model: %1"_s.arg(body->value("model"_L1).toString()),
                            u"invalid_model"_s, u"1500"_s);
            return;
        }
        const AgentRecord &agent = m_store.createAgent(*body);
        sendJson(ex, 200, m_store.agentJson(agent, agent.active));
        return;
    }
    if (n == 2 && req.method == "GET") {
        const auto page = intQuery(ex, u"page"_s, 0, 0, 1000000);
        if (!page)
            return;
        const auto size = intQuery(ex, u"page_size"_s, 20, 1, 1000);
        if (!size)
            return;
        const QList<QJsonObject> all = listed();
        QJsonArray out;
        for (qsizetype i = qsizetype(*page) * *size; i < all.size() && out.size() < *size; ++i)
            out.append(all[i]);
        sendJson(ex, 200, out);
        return;
    }
    if (n == 3 && seg[2] == "pages"_L1) {
        if (req.method != "GET") {
            sendNotAllowed(ex);
            return;
        }
        const auto size = intQuery(ex, u"page_size"_s, 20, 1, 100);
        if (!size)
            return;
        qsizetype offset = 0;
        const QString token = req.query.queryItemValue(u"page_token"_s);
        if (!token.isEmpty()) {
            const QByteArray decoded =
                QByteArray::fromBase64(token.toLatin1(), QByteArray::Base64UrlEncoding);
            bool ok = false;
            offset = decoded.startsWith("offset:") ? decoded.mid(7).toLongLong(&ok) : 0;
            if (!ok || offset < 0) {
                sendPathIssue(ex, u"value_error"_s, QJsonArray{u"query"_s, u"page_token"_s},
                              u"Value error, invalid page token"_s, token);
                return;
            }
        }
        const QList<QJsonObject> all = listed();
        QJsonArray data;
        for (qsizetype i = offset; i < all.size() && data.size() < *size; ++i)
            data.append(all[i]);
        const qsizetype next = offset + data.size();
        const QJsonValue nextToken =
            next < all.size()
                ? QJsonValue(QString::fromLatin1(QByteArray("offset:" + QByteArray::number(next))
                                                     .toBase64(QByteArray::Base64UrlEncoding)))
                : QJsonValue(QJsonValue::Null);
        sendJson(ex, 200,
                 QJsonObject{{u"object"_s, u"list"_s},
                             {u"data"_s, data},
                             {u"next_page_token"_s, nextToken}});
        return;
    }
    if (n == 2) {
        sendNotAllowed(ex);
        return;
    }

    AgentRecord *agent = m_store.findAgent(seg[2]);
    if (!agent) {
        sendObjectError(ex, 404, u"Agent not found: %1"_s.arg(seg[2]), u"invalid_request_error"_s);
        return;
    }

    if (n == 3) {
        if (req.method == "GET") {
            int version = agent->active;
            if (req.query.hasQueryItem(u"agent_version"_s)) {
                const QString wanted =
                    req.query.queryItemValue(u"agent_version"_s, QUrl::FullyDecoded);
                bool ok = false;
                version = wanted.toInt(&ok);
                if (!ok || version < 0 || version >= agent->versions.size()) {
                    sendObjectError(
                        ex, 404,
                        u"Version or alias '%1' not found for agent %2"_s.arg(wanted, agent->id),
                        u"invalid_request_error"_s);
                    return;
                }
            }
            sendJson(ex, 200, m_store.agentJson(*agent, version));
        } else if (req.method == "PATCH") {
            const auto body = jsonBody(ex);
            if (!body)
                return;
            Validator v;
            Validate::updateAgent(v, *body);
            if (!v.ok()) {
                sendValidation(ex, v);
                return;
            }
            if (const auto missing = missingConnector(body->value("tools"_L1).toArray())) {
                sendDetail(ex, 404, u"Connector '%1' not found"_s.arg(*missing));
                return;
            }
            if (body->value("name"_L1).isString()) {
                const AgentRecord *other =
                    m_store.findAgentByName(body->value("name"_L1).toString());
                if (other && other->id != agent->id) {
                    sendDetail(ex, 409,
                               u"An agent named '%1' already exists"_s.arg(
                                   body->value("name"_L1).toString()));
                    return;
                }
            }
            if (body->value("model"_L1).isString()
                && !m_store.findModel(body->value("model"_L1).toString())) {
                sendObjectError(ex, 400,
                                u"Invalid model: %1"_s.arg(body->value("model"_L1).toString()),
                                u"invalid_model"_s, u"1500"_s);
                return;
            }
            QJsonObject patch = *body;
            // Null means "no change" for the fields the agent cannot be without.
            for (const QString &key : {u"model"_s, u"name"_s}) {
                if (patch.value(key).isNull())
                    patch.remove(key);
            }
            m_store.updateAgent(*agent, patch);
            sendJson(ex, 200, m_store.agentJson(*agent, agent->active));
        } else if (req.method == "DELETE") {
            m_store.deleteAgent(agent->id);
            ex->send(204, QByteArray(), QByteArray());
        } else {
            sendNotAllowed(ex);
        }
        return;
    }

    if (n == 4 && seg[3] == "version"_L1) {
        if (req.method != "PATCH") {
            sendNotAllowed(ex);
            return;
        }
        if (!req.query.hasQueryItem(u"version"_s)) {
            sendPathIssue(ex, u"missing"_s, QJsonArray{u"query"_s, u"version"_s},
                          u"Field required"_s, QJsonValue::Null);
            return;
        }
        const auto version = intQuery(ex, u"version"_s, 0, 0, 1000000);
        if (!version)
            return;
        if (*version >= agent->versions.size()) {
            sendObjectError(ex, 404,
                            u"Version %1 not found for agent %2"_s.arg(*version).arg(agent->id),
                            u"invalid_request_error"_s);
            return;
        }
        agent->active = *version;
        sendJson(ex, 200, m_store.agentJson(*agent, agent->active));
        return;
    }

    if (n == 4) { // versions
        if (req.method != "GET") {
            sendNotAllowed(ex);
            return;
        }
        const auto page = intQuery(ex, u"page"_s, 0, 0, 1000000);
        if (!page)
            return;
        const auto size = intQuery(ex, u"page_size"_s, 20, 1, 100);
        if (!size)
            return;
        QJsonArray out;
        // Newest version first.
        const qsizetype count = agent->versions.size();
        for (qsizetype i = qsizetype(*page) * *size; i < count && out.size() < *size; ++i)
            out.append(m_store.agentJson(*agent, int(count - 1 - i)));
        sendJson(ex, 200, out);
        return;
    }

    // n == 5: versions/{version}
    if (req.method != "GET") {
        sendNotAllowed(ex);
        return;
    }
    bool ok = false;
    const int version = seg[4].toInt(&ok);
    if (!ok || version < 0 || version >= agent->versions.size()) {
        sendObjectError(ex, 404, u"Version '%1' not found for agent %2"_s.arg(seg[4], agent->id),
                        u"invalid_request_error"_s);
        return;
    }
    sendJson(ex, 200, m_store.agentJson(*agent, version));
}

} // namespace Tramontane::Emulator
