// SPDX-License-Identifier: GPL-3.0-or-later
#include "Store.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRandomGenerator>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Tramontane::Emulator {

namespace {

QJsonObject capabilities(std::initializer_list<QLatin1StringView> enabled) {
    static constexpr QLatin1StringView all[] = {
        "completion_chat"_L1,
        "function_calling"_L1,
        "reasoning"_L1,
        "completion_fim"_L1,
        "fine_tuning"_L1,
        "vision"_L1,
        "ocr"_L1,
        "classification"_L1,
        "moderation"_L1,
        "audio"_L1,
        "audio_transcription"_L1,
    };
    QJsonObject caps;
    for (QLatin1StringView name : all)
        caps.insert(name, false);
    for (QLatin1StringView name : enabled)
        caps.insert(name, true);
    return caps;
}

QJsonObject modelCard(const QString &id, const QString &name, const QString &description,
                      qint64 created, int context, const QStringList &aliases,
                      const QJsonValue &temperature, const QJsonObject &caps) {
    return QJsonObject{
        {u"id"_s, id},
        {u"object"_s, u"model"_s},
        {u"created"_s, double(created)},
        {u"owned_by"_s, u"mistralai"_s},
        {u"capabilities"_s, caps},
        {u"name"_s, name},
        {u"description"_s, description},
        {u"max_context_length"_s, context},
        {u"aliases"_s, QJsonArray::fromStringList(aliases)},
        {u"deprecation"_s, QJsonValue::Null},
        {u"deprecation_replacement_model"_s, QJsonValue::Null},
        {u"default_model_temperature"_s, temperature},
        {u"type"_s, u"base"_s},
    };
}

// The agent fields a version keeps (the request's fields; the rest is managed by the server).
constexpr QLatin1StringView AgentFields[] = {
    "instructions"_L1,    "tools"_L1,    "completion_args"_L1,
    "guardrails"_L1,      "model"_L1,    "name"_L1,
    "description"_L1,     "handoffs"_L1, "metadata"_L1,
    "version_message"_L1,
};

// completion_args as the server echoes it: every key, null when unset.
QJsonObject fullCompletionArgs(const QJsonObject &given) {
    static constexpr QLatin1StringView keys[] = {
        "stop"_L1,
        "presence_penalty"_L1,
        "frequency_penalty"_L1,
        "temperature"_L1,
        "top_p"_L1,
        "max_tokens"_L1,
        "random_seed"_L1,
        "prediction"_L1,
        "response_format"_L1,
        "reasoning_effort"_L1,
    };
    QJsonObject out;
    for (QLatin1StringView key : keys)
        out.insert(key, given.contains(key) ? given.value(key) : QJsonValue::Null);
    out.insert(u"tool_choice"_s, given.value("tool_choice"_L1).isString()
                                     ? given.value("tool_choice"_L1)
                                     : QJsonValue(u"auto"_s));
    return out;
}

QList<ConnectorHeader> headersFrom(const QJsonObject &plain, const QJsonObject &global,
                                   QList<ConnectorHeader> *globalOut) {
    QList<ConnectorHeader> headers;
    for (auto it = plain.begin(); it != plain.end(); ++it)
        headers.append({it.key(), it.value().toString(), true});
    for (auto it = global.begin(); it != global.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        globalOut->append(
            {it.key(), o.value("value"_L1).toString(), o.value("is_secret"_L1).toBool(true)});
    }
    return headers;
}

// Auth methods without header values (write-only).
QJsonArray publicAuthMethods(const QJsonArray &methods) {
    QJsonArray out;
    for (const QJsonValue &v : methods) {
        QJsonObject m = v.toObject();
        m.remove(u"oauth2_metadata_secrets"_s);
        m.remove(u"auth_data"_s);
        QJsonObject global = m.value("global_headers"_L1).toObject();
        for (auto it = global.begin(); it != global.end(); ++it) {
            QJsonObject h = it.value().toObject();
            if (h.value("is_secret"_L1).toBool(true))
                h.insert(u"value"_s, QString());
            it.value() = h;
        }
        if (m.contains("global_headers"_L1))
            m.insert(u"global_headers"_s, global);
        out.append(m);
    }
    return out;
}

} // namespace

QJsonObject userCredentialJson(const UserCredential &credential) {
    return QJsonObject{
        {u"name"_s, credential.name},
        {u"title"_s,
         credential.title.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(credential.title)},
        {u"authentication_type"_s, credential.type},
        {u"scope"_s, u"user"_s},
        {u"status"_s,
         QJsonObject{{u"status_type"_s, u"valid"_s}, {u"last_checked_at"_s, credential.checkedAt}}},
        {u"is_default"_s, credential.isDefault},
        {u"creator_id"_s, QJsonValue(QJsonValue::Null)},
    };
}

QString isoNow() {
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString newUuid() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

Store::Store()
    : m_userId(newUuid()) {
    // A few realistic cards: aliases, one dated duplicate, and models that cannot chat.
    m_models = {
        modelCard(u"mistral-medium-latest"_s, u"mistral-medium-2508"_s,
                  u"Our frontier-class multimodal model."_s, 1754524800, 131072,
                  {u"mistral-medium-2508"_s, u"mistral-medium"_s}, 0.3,
                  capabilities({"completion_chat"_L1, "function_calling"_L1, "vision"_L1})),
        modelCard(u"mistral-small-latest"_s, u"mistral-small-2506"_s,
                  u"A fast, efficient model for everyday tasks."_s, 1750291200, 131072,
                  {u"mistral-small-2506"_s}, 0.3,
                  capabilities({"completion_chat"_L1, "function_calling"_L1, "vision"_L1})),
        modelCard(u"mistral-small-2506"_s, u"mistral-small-2506"_s,
                  u"A fast, efficient model for everyday tasks."_s, 1750291200, 131072,
                  {u"mistral-small-latest"_s}, 0.3,
                  capabilities({"completion_chat"_L1, "function_calling"_L1, "vision"_L1})),
        modelCard(u"magistral-medium-latest"_s, u"magistral-medium-2509"_s,
                  u"A reasoning model that thinks before it answers."_s, 1758067200, 131072,
                  {u"magistral-medium-2509"_s}, 0.7,
                  capabilities(
                      {"completion_chat"_L1, "function_calling"_L1, "reasoning"_L1, "vision"_L1})),
        modelCard(u"codestral-latest"_s, u"codestral-2508"_s,
                  u"A model for code completion and generation."_s, 1754006400, 256000,
                  {u"codestral-2508"_s}, 0.3,
                  capabilities({"completion_chat"_L1, "function_calling"_L1, "completion_fim"_L1})),
        modelCard(u"mistral-embed"_s, u"mistral-embed"_s,
                  u"A model that turns text into embeddings."_s, 1702339200, 8192, {},
                  QJsonValue::Null, capabilities({})),
        modelCard(u"mistral-ocr-latest"_s, u"mistral-ocr-2505"_s,
                  u"Document understanding and OCR."_s, 1747958400, 32768, {u"mistral-ocr-2505"_s},
                  QJsonValue::Null, capabilities({"ocr"_L1})),
    };
}

std::optional<QJsonObject> Store::findModel(const QString &idOrAlias) const {
    for (const QJsonObject &m : m_models) {
        if (m.value("id"_L1).toString() == idOrAlias)
            return m;
    }
    for (const QJsonObject &m : m_models) {
        const QJsonArray aliases = m.value("aliases"_L1).toArray();
        if (aliases.contains(QJsonValue(idOrAlias)))
            return m;
    }
    return std::nullopt;
}

QString Store::defaultChatModel() {
    return u"mistral-small-latest"_s;
}

// --- Agents ---------------------------------------------------------------------------------

AgentRecord &Store::createAgent(const QJsonObject &request) {
    AgentRecord agent;
    agent.id = u"ag_"_s + QUuid::createUuid().toString(QUuid::Id128);
    QJsonObject version;
    for (QLatin1StringView key : AgentFields) {
        if (request.contains(key))
            version.insert(key, request.value(key));
    }
    agent.versions.append(version);
    agent.createdAt = isoNow();
    agent.versionTimes.append(agent.createdAt);
    agent.active = 0;
    m_agents.append(agent);
    return m_agents.last();
}

AgentRecord *Store::findAgent(const QString &id) {
    for (AgentRecord &a : m_agents) {
        if (a.id == id)
            return &a;
    }
    return nullptr;
}

AgentRecord *Store::findAgentByName(const QString &name) {
    for (AgentRecord &a : m_agents) {
        if (a.versions.value(a.active).value("name"_L1).toString() == name)
            return &a;
    }
    return nullptr;
}

bool Store::deleteAgent(QString id) {
    return m_agents.removeIf([&](const AgentRecord &a) { return a.id == id; }) > 0;
}

void Store::updateAgent(AgentRecord &agent, const QJsonObject &patch) {
    QJsonObject version = agent.versions.value(agent.active);
    for (QLatin1StringView key : AgentFields) {
        if (patch.contains(key))
            version.insert(key, patch.value(key));
    }
    if (!patch.contains("version_message"_L1))
        version.remove(u"version_message"_s);
    if (patch.value("deployment_chat"_L1).isBool())
        agent.deploymentChat = patch.value("deployment_chat"_L1).toBool();
    agent.versions.append(version);
    agent.versionTimes.append(isoNow());
    agent.active = int(agent.versions.size()) - 1;
}

QJsonObject Store::agentJson(const AgentRecord &agent, int version) const {
    const QJsonObject fields = agent.versions.value(version);
    QJsonObject out;
    out.insert(u"instructions"_s, fields.value("instructions"_L1).isString()
                                      ? fields.value("instructions"_L1)
                                      : QJsonValue::Null);
    out.insert(u"tools"_s, fields.value("tools"_L1).toArray());
    out.insert(u"completion_args"_s,
               fullCompletionArgs(fields.value("completion_args"_L1).toObject()));
    out.insert(u"guardrails"_s, fields.value("guardrails"_L1).isArray()
                                    ? fields.value("guardrails"_L1)
                                    : QJsonValue::Null);
    out.insert(u"model"_s, fields.value("model"_L1));
    out.insert(u"name"_s, fields.value("name"_L1));
    out.insert(u"description"_s, fields.value("description"_L1).isString()
                                     ? fields.value("description"_L1)
                                     : QJsonValue::Null);
    out.insert(u"handoffs"_s, fields.value("handoffs"_L1).isArray() ? fields.value("handoffs"_L1)
                                                                    : QJsonValue::Null);
    out.insert(u"metadata"_s, fields.value("metadata"_L1).isObject() ? fields.value("metadata"_L1)
                                                                     : QJsonValue::Null);
    out.insert(u"object"_s, u"agent"_s);
    out.insert(u"id"_s, agent.id);
    out.insert(u"version"_s, version);
    QJsonArray versions;
    for (int i = 0; i < agent.versions.size(); ++i)
        versions.append(i);
    out.insert(u"versions"_s, versions);
    out.insert(u"owner_id"_s, m_userId);
    out.insert(u"created_at"_s, agent.createdAt);
    out.insert(u"updated_at"_s, agent.versionTimes.value(version, agent.createdAt));
    out.insert(u"deployment_chat"_s, agent.deploymentChat);
    out.insert(u"source"_s, u"api"_s);
    out.insert(u"version_message"_s, fields.value("version_message"_L1).isString()
                                         ? fields.value("version_message"_L1)
                                         : QJsonValue::Null);
    return out;
}

// --- Connectors -----------------------------------------------------------------------------

ConnectorRecord &Store::createConnector(const QJsonObject &request) {
    ConnectorRecord c;
    c.id = newUuid();
    static constexpr QLatin1StringView keys[] = {"name"_L1,         "title"_L1,    "description"_L1,
                                                 "server"_L1,       "icon_url"_L1, "visibility"_L1,
                                                 "system_prompt"_L1};
    for (QLatin1StringView key : keys) {
        if (request.contains(key))
            c.fields.insert(key, request.value(key));
    }
    if (!c.fields.value("visibility"_L1).isString())
        c.fields.insert(u"visibility"_s, u"private"_s);
    c.headers = headersFrom(request.value("headers"_L1).toObject(),
                            request.value("global_headers"_L1).toObject(), &c.globalHeaders);
    const QJsonArray methods = request.value("auth_methods"_L1).toArray();
    for (const QJsonValue &m : methods) {
        const QJsonObject global = m.toObject().value("global_headers"_L1).toObject();
        QList<ConnectorHeader> extra;
        headersFrom({}, global, &extra);
        c.globalHeaders += extra;
        if (m.toObject().value("method_type"_L1).toString() == "oauth2"_L1)
            c.hasOAuth = true;
    }
    c.authMethods = publicAuthMethods(methods);
    c.hasOAuth = c.hasOAuth || request.value("oauth2_server_metadata"_L1).isObject()
                 || request.value("oauth2_server_metadata_url"_L1).isString()
                 || request.value("auth_data"_L1).isObject();
    c.authData = request.value("auth_data"_L1).toObject();
    c.oauthMetadata = request.value("oauth2_server_metadata"_L1).toObject();
    c.oauthMetadataUrl = request.value("oauth2_server_metadata_url"_L1).toString();
    c.createdAt = isoNow();
    c.modifiedAt = c.createdAt;
    m_connectors.append(c);
    return m_connectors.last();
}

ConnectorRecord *Store::findConnector(const QString &idOrName) {
    for (ConnectorRecord &c : m_connectors) {
        if (c.id.compare(idOrName, Qt::CaseInsensitive) == 0)
            return &c;
    }
    for (ConnectorRecord &c : m_connectors) {
        if (c.name() == idOrName)
            return &c;
    }
    return nullptr;
}

bool Store::deleteConnector(QString id) {
    return m_connectors.removeIf([&](const ConnectorRecord &c) {
        return c.id.compare(id, Qt::CaseInsensitive) == 0;
    }) > 0;
}

void Store::updateConnector(ConnectorRecord &c, const QJsonObject &patch) {
    static constexpr QLatin1StringView keys[] = {"name"_L1,   "title"_L1,    "description"_L1,
                                                 "server"_L1, "icon_url"_L1, "system_prompt"_L1};
    for (QLatin1StringView key : keys) {
        if (!patch.contains(key))
            continue;
        // name, description and server cannot be emptied; null leaves them as they are.
        const bool required = key == "name"_L1 || key == "description"_L1 || key == "server"_L1;
        if (required && patch.value(key).isNull())
            continue;
        c.fields.insert(key, patch.value(key));
    }
    if (patch.value("auth_methods"_L1).isArray()) {
        const QJsonArray methods = patch.value("auth_methods"_L1).toArray();
        c.globalHeaders.clear();
        c.hasOAuth = false;
        for (const QJsonValue &m : methods) {
            const QJsonObject global = m.toObject().value("global_headers"_L1).toObject();
            headersFrom({}, global, &c.globalHeaders);
            if (m.toObject().value("method_type"_L1).toString() != "oauth2"_L1)
                continue;
            c.hasOAuth = true;
            // A new client for the platform to hold (SDK 2.7.0: oauth2_metadata_secrets).
            const QJsonObject secrets = m.toObject().value("oauth2_metadata_secrets"_L1).toObject();
            if (secrets.value("client_id"_L1).isString()) {
                QJsonObject authData{{u"client_id"_s, secrets.value("client_id"_L1)}};
                if (secrets.value("client_secret"_L1).isString())
                    authData.insert(u"client_secret"_s, secrets.value("client_secret"_L1));
                c.authData = authData;
            }
            if (m.toObject().value("oauth2_server_metadata"_L1).isObject()) {
                c.oauthMetadata = m.toObject().value("oauth2_server_metadata"_L1).toObject();
                c.oauthMetadataUrl.clear();
            }
        }
        c.authMethods = publicAuthMethods(methods);
    }
    if (patch.contains("server"_L1))
        c.tools = {};
    c.modifiedAt = isoNow();
}

QJsonObject Store::connectorJson(const ConnectorRecord &c) const {
    auto fieldOrNull = [&](QLatin1StringView key) {
        const QJsonValue v = c.fields.value(key);
        return v.isUndefined() ? QJsonValue(QJsonValue::Null) : v;
    };
    QJsonArray methods;
    if (!c.authMethods.isEmpty()) {
        for (const QJsonValue &v : c.authMethods) {
            QJsonObject m = v.toObject();
            QJsonObject pub{
                {u"method_type"_s, m.value("method_type"_L1)},
                {u"headers"_s,
                 m.value("headers"_L1).isArray() ? m.value("headers"_L1) : QJsonValue::Null},
                {u"global_headers"_s, m.value("global_headers"_L1).toObject()},
                {u"has_default_credentials"_s, m.value("method_type"_L1) != u"oauth2"_s}};
            if (m.value("grant_type"_L1).isString())
                pub.insert(u"grant_type"_s, m.value("grant_type"_L1));
            if (m.value("oauth2_server_metadata"_L1).isObject())
                pub.insert(u"oauth2_server_metadata"_s, m.value("oauth2_server_metadata"_L1));
            else if (m.value("method_type"_L1) == u"oauth2"_s && !c.oauthMetadata.isEmpty())
                pub.insert(u"oauth2_server_metadata"_s, c.oauthMetadata);
            methods.append(pub);
        }
    } else {
        QJsonArray headerSpecs;
        for (const ConnectorHeader &h : c.headers) {
            headerSpecs.append(QJsonObject{
                {u"name"_s, h.name}, {u"is_required"_s, true}, {u"is_secret"_s, h.secret}});
        }
        QJsonObject global;
        for (const ConnectorHeader &h : c.globalHeaders) {
            global.insert(h.name, QJsonObject{{u"value"_s, h.secret ? QString() : h.value},
                                              {u"is_secret"_s, h.secret}});
        }
        QJsonObject method{
            {u"method_type"_s, c.hasOAuth ? u"oauth2"_s : u"none"_s},
            {u"headers"_s,
             headerSpecs.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(headerSpecs)},
            {u"global_headers"_s, global},
            {u"has_default_credentials"_s, !c.hasOAuth},
        };
        if (!c.oauthMetadata.isEmpty()) {
            method.insert(u"grant_type"_s, u"authorization_code"_s);
            method.insert(u"oauth2_server_metadata"_s, c.oauthMetadata);
        }
        methods.append(method);
    }
    QJsonArray credentials;
    for (const UserCredential &u : c.userCredentials)
        credentials.append(userCredentialJson(u));
    if (credentials.isEmpty() && (!c.headers.isEmpty() || !c.globalHeaders.isEmpty())) {
        credentials.append(QJsonObject{{u"name"_s, u"default"_s},
                                       {u"title"_s, QJsonValue::Null},
                                       {u"authentication_type"_s, u"none"_s},
                                       {u"scope"_s, u"user"_s},
                                       {u"status"_s, QJsonValue::Null},
                                       {u"is_default"_s, true}});
    }
    return QJsonObject{
        {u"id"_s, c.id},
        {u"name"_s, c.name()},
        {u"title"_s, fieldOrNull("title"_L1)},
        {u"description"_s, c.fields.value("description"_L1).toString()},
        {u"created_at"_s, c.createdAt},
        {u"modified_at"_s, c.modifiedAt},
        {u"server"_s, c.server()},
        {u"icon_url"_s, fieldOrNull("icon_url"_L1)},
        {u"owner_id"_s, m_userId},
        {u"owner_type"_s, u"user"_s},
        {u"visibility"_s, c.fields.value("visibility"_L1).toString(u"private"_s)},
        {u"creator_id"_s, m_userId},
        {u"system_prompt"_s, fieldOrNull("system_prompt"_L1)},
        {u"supported_auth_methods"_s, methods},
        {u"connection_credentials"_s, credentials},
        {u"active"_s, true},
        {u"private_tool_execution"_s, false},
        {u"mistral"_s, false},
        {u"is_authenticated"_s, !c.hasOAuth || !c.userCredentials.isEmpty()},
        {u"tools"_s, c.tools.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(c.tools)},
        {u"protocol"_s, u"mcp"_s},
    };
}

// --- Files ----------------------------------------------------------------------------------

StoredFile &Store::addFile(const QByteArray &bytes, const QString &filename,
                           const QString &mimeType) {
    StoredFile f;
    f.id = newUuid();
    f.filename = filename;
    f.mimeType = mimeType;
    f.bytes = bytes;
    f.createdAt = QDateTime::currentSecsSinceEpoch();
    QByteArray secret(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(secret.data()), 4);
    f.signature = QString::fromLatin1(secret.toHex());
    m_files.append(f);
    return m_files.last();
}

const StoredFile *Store::findFile(const QString &id) const {
    for (const StoredFile &f : m_files) {
        if (f.id == id)
            return &f;
    }
    return nullptr;
}

bool Store::deleteFile(const QString &id) {
    return m_files.removeIf([&](const StoredFile &f) { return f.id == id; }) > 0;
}

QJsonObject Store::fileJson(const StoredFile &f) const {
    return QJsonObject{
        {u"id"_s, f.id},
        {u"object"_s, u"file"_s},
        {u"bytes"_s, double(f.bytes.size())},
        {u"created_at"_s, double(f.createdAt)},
        {u"filename"_s, f.filename},
        {u"purpose"_s, f.purpose},
        {u"sample_type"_s, u"instruct"_s},
        {u"num_lines"_s, QJsonValue::Null},
        {u"mimetype"_s, f.mimeType},
        {u"source"_s, f.source},
        {u"signature"_s, QJsonValue::Null},
        {u"expires_at"_s, f.expiresAt > 0 ? QJsonValue(double(f.expiresAt)) : QJsonValue()},
        {u"visibility"_s, f.visibility},
        {u"deleted"_s, false},
    };
}

void Store::clear() {
    m_agents.clear();
    m_connectors.clear();
    m_files.clear();
    m_libraries.clear();
}

} // namespace Tramontane::Emulator
