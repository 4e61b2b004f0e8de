// SPDX-License-Identifier: GPL-3.0-or-later
#include "Emulator.h"

#include "Validation.h"

#include "core/Logging.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Tramontane::Emulator {

namespace {

// How many recorded requests /__admin/requests keeps.
constexpr int MaxRecorded = 1000;
constexpr int RequestsPerMinute = 600;
constexpr qint64 TokensPerMinute = 2000000;

// Header names whose values are secrets: recorded only as a hash.
bool isSecretHeader(const QByteArray &name) {
    static constexpr const char *parts[] = {"auth", "key", "token", "secret", "cookie", "password"};
    for (const char *part : parts) {
        if (name.contains(part))
            return true;
    }
    return false;
}

bool isLoopback(const QHostAddress &address) {
    return address.isLoopback()
           || (address.protocol() == QAbstractSocket::IPv6Protocol
               && QHostAddress(address.toIPv4Address()).isLoopback());
}

} // namespace

Emulator::Emulator(EmulatorOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_server(new HttpServer(this))
    , m_nam(new QNetworkAccessManager(this))
    , m_mcp(m_options.mcpToken) {
    // Connectors are reached directly, never through a proxy from the environment.
    m_nam->setProxy(QNetworkProxy::NoProxy);
    for (const Fault &f : std::as_const(m_options.faults))
        m_faults.add(f);
    connect(m_server, &HttpServer::requestReceived, this, &Emulator::onRequest);
}

bool Emulator::listen(quint16 port, QString *error) {
    if (!m_server->listen(port)) {
        *error = m_server->errorString();
        return false;
    }
    m_oauth.setBaseUrl(baseUrl());
    m_oauth.setTokenLifetime(m_options.oauthTokenLifetimeS);
    m_protectedMcp.setBaseUrl(baseUrl());
    m_platformAuth.setup(baseUrl(), m_nam);
    if (m_options.demo)
        seedDemo();
    return true;
}

QString Emulator::baseUrl() const {
    return u"http://127.0.0.1:%1"_s.arg(m_server->port());
}

void Emulator::onRequest(HttpExchange *ex) {
    const HttpRequest &req = ex->request();
    qCInfo(lcEmulator).noquote() << QString::fromLatin1(req.method) << req.path;
    const QString area = req.segments.value(0);
    if (area == "__admin"_L1 && req.segments.value(1) == "oauth"_L1 && isLoopback(req.peer)) {
        m_oauth.handleAdmin(ex);
        return;
    }
    if (area == "__admin"_L1 && req.segments.value(1) == "platform-auth"_L1
        && isLoopback(req.peer)) {
        m_platformAuth.handleAdmin(ex);
        return;
    }
    if (area == "__admin"_L1) {
        routeAdmin(ex);
        return;
    }
    record(req);
    if (OAuthServer::handles(req.segments)) {
        m_oauth.handle(ex);
        return;
    }
    if (PlatformAuth::handles(req.segments)) {
        m_platformAuth.handle(ex);
        return;
    }
    if (ProtectedMcp::handles(req.segments)) {
        m_protectedMcp.handle(ex);
        return;
    }
    if (area == "__mcp"_L1 && req.segments.size() <= 2) {
        m_mcp.handle(ex, req.segments.value(1) == "secured"_L1);
        return;
    }
    if (auto fault = m_faults.take(req.method, req.path)) {
        qCInfo(lcEmulator).noquote()
            << "  fault" << fault->id << fault->toJson().value("kind"_L1).toString();
        applyFault(ex, *fault);
        return;
    }
    dispatch(ex);
}

void Emulator::applyFault(HttpExchange *ex, const Fault &fault) {
    const QPointer<HttpExchange> guard(ex);
    auto run = [this, guard, fault] {
        if (!guard)
            return;
        HttpExchange *ex = guard;
        switch (fault.kind) {
        case Fault::Kind::Status: {
            const FaultBody body = faultBody(fault, ex->requestId());
            HeaderList headers;
            if (!fault.retryAfter.isEmpty())
                headers.append({"Retry-After", fault.retryAfter});
            ex->send(fault.status, body.contentType, body.bytes, headers);
            return;
        }
        case Fault::Kind::Drop:
            ex->abortStream();
            return;
        case Fault::Kind::HtmlPage:
            // What a captive portal or a company proxy answers in place of the API.
            ex->send(200, "text/html; charset=utf-8",
                     "<!DOCTYPE html>\r\n<html><head><title>Sign in</title></head>\r\n"
                     "<body><h1>Sign in to continue</h1>\r\n<form method=\"post\" "
                     "action=\"/login\"><input name=\"user\"><input name=\"password\" "
                     "type=\"password\"></form></body></html>\r\n");
            return;
        case Fault::Kind::Delay:
            break;
        case Fault::Kind::Cut:
        case Fault::Kind::Malformed:
        case Fault::Kind::StreamError:
        case Fault::Kind::EndlessLine:
        case Fault::Kind::KeepAlive:
        case Fault::Kind::Pause:
        case Fault::Kind::Omit:
            m_attached.insert(ex, fault);
            connect(ex, &QObject::destroyed, this, [this, ex] { m_attached.remove(ex); });
            break;
        }
        dispatch(ex);
    };
    // A pause's delay is the pause in the stream, not a wait before answering.
    if (fault.delayMs > 0 && fault.kind != Fault::Kind::Pause)
        QTimer::singleShot(fault.delayMs, ex, run);
    else
        run();
}

void Emulator::record(const HttpRequest &req) {
    QJsonObject headers;
    for (const auto &[name, value] : req.headers) {
        if (isSecretHeader(name)) {
            // Tests can compare hashes; the value itself is never kept.
            const QByteArray hash =
                QCryptographicHash::hash(value, QCryptographicHash::Sha256).toHex();
            headers.insert(QString::fromLatin1(name),
                           QString(u"redacted:sha256:"_s + QString::fromLatin1(hash)));
        } else {
            headers.insert(QString::fromLatin1(name), QString::fromUtf8(value));
        }
    }
    QJsonValue body;
    if (!req.body.isEmpty()) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(req.body, &error);
        if (error.error == QJsonParseError::NoError)
            body = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
        else
            body = QString::fromUtf8(req.body.left(100000));
    }
    m_requests.append(QJsonObject{
        {u"seq"_s, ++m_requestSeq},
        {u"time"_s, isoNow()},
        {u"method"_s, QString::fromLatin1(req.method)},
        {u"path"_s, req.path},
        {u"query"_s, req.query.toString(QUrl::FullyDecoded)},
        {u"headers"_s, headers},
        {u"body"_s, body},
    });
    while (m_requests.size() > MaxRecorded)
        m_requests.removeFirst();
}

void Emulator::seedDemo() {
    const QString base = baseUrl();
    // The store's lists may move their elements: keep values, not references.
    const QString toolsName =
        m_store
            .createConnector(QJsonObject{
                {u"name"_s, u"demo_tools"_s},
                {u"title"_s, u"Demo tools (emulator)"_s},
                {u"description"_s,
                 u"DEMO connector: a small MCP server inside the emulator (echo, add, "
                 "current_time, weather, tiny_image)."_s},
                {u"server"_s, QString(base + u"/__mcp"_s)},
                {u"visibility"_s, u"private"_s},
            })
            .name();
    m_store.createConnector(QJsonObject{
        {u"name"_s, u"demo_secured"_s},
        {u"title"_s, u"Demo tools behind a token (emulator)"_s},
        {u"description"_s,
         u"DEMO connector: the same tools, behind a bearer token kept as a secret "
         "header."_s},
        {u"server"_s, QString(base + u"/__mcp/secured"_s)},
        {u"headers"_s,
         QJsonObject{{u"Authorization"_s,
                      QString(u"Bearer "_s + QString::fromLatin1(m_options.mcpToken))}}},
    });
    m_store.createAgent(QJsonObject{
        {u"name"_s, u"Demo designer"_s},
        {u"model"_s, u"mistral-medium-latest"_s},
        {u"description"_s, u"DEMO agent: draws pictures and uses the demo tools."_s},
        {u"instructions"_s,
         u"Draw what you are asked to, and use the demo tools when they help."_s},
        {u"tools"_s,
         QJsonArray{QJsonObject{{u"type"_s, u"image_generation"_s}},
                    QJsonObject{{u"type"_s, u"connector"_s}, {u"connector_id"_s, toolsName}}}},
        {u"completion_args"_s, QJsonObject{{u"temperature"_s, 0.3}}},
    });
    // A library whose one document is ready at once, so the Libraries page has something to
    // show and a document library search something to find.
    Libraries &libraries = m_store.libraries();
    const QString libraryId =
        libraries
            .create(u"Demo handbook"_s,
                    u"DEMO library: one short document about the tramontane wind."_s)
            .id;
    const QString documentId =
        libraries
            .addDocument(*libraries.find(libraryId), u"tramontane.md"_s, "text/markdown",
                         "# The tramontane\n\nThe tramontane is a cold, dry wind from the north "
                         "that blows over the western Mediterranean. It gives this app its "
                         "name.\n")
            .id;
    libraries.finish(libraryId, documentId);
    qCInfo(lcEmulator) << "demo data seeded: 2 connectors, 1 agent, 1 library";
}

std::optional<Fault> Emulator::attachedFault(const HttpExchange *ex) const {
    const auto it = m_attached.constFind(ex);
    if (it == m_attached.constEnd())
        return std::nullopt;
    return *it;
}

// --- Answers --------------------------------------------------------------------------------

HeaderList Emulator::rateLimitHeaders(int cost) {
    const qint64 minute = QDateTime::currentSecsSinceEpoch() / 60;
    if (minute != m_minuteStart) {
        m_minuteStart = minute;
        m_requestsThisMinute = 0;
    }
    ++m_requestsThisMinute;
    return {
        {"x-ratelimit-limit-req-minute", QByteArray::number(RequestsPerMinute)},
        {"x-ratelimit-remaining-req-minute",
         QByteArray::number(std::max(0, RequestsPerMinute - m_requestsThisMinute))},
        {"x-ratelimit-limit-tokens-minute", QByteArray::number(TokensPerMinute)},
        {"x-ratelimit-remaining-tokens-minute", QByteArray::number(TokensPerMinute - cost)},
        {"x-ratelimit-tokens-query-cost", QByteArray::number(cost)},
        {"x-max-retry-attempts-reached", "false"},
    };
}

void Emulator::sendJson(HttpExchange *ex, int status, const QJsonValue &value,
                        const HeaderList &headers) {
    const auto fault = attachedFault(ex);
    QJsonValue body = value;
    if (fault && fault->kind == Fault::Kind::Omit && body.isObject()) {
        QJsonObject object = body.toObject();
        for (const QString &field : fault->fields)
            object.remove(field);
        body = object;
    }
    const QByteArray bytes = body.isArray()
                                 ? QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact)
                                 : QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
    HeaderList all = headers;
    if (status == 200)
        all += rateLimitHeaders(0);
    if (fault && status >= 200 && status < 300) {
        if (fault->kind == Fault::Kind::Cut) {
            ex->sendTruncated(status, "application/json", bytes, bytes.size() / 2);
            return;
        }
        if (fault->kind == Fault::Kind::Malformed) {
            // A proper prefix of a JSON document is never valid JSON.
            ex->send(status, "application/json", bytes.left(bytes.size() / 2), all);
            return;
        }
    }
    ex->send(status, "application/json", bytes, all);
}

void Emulator::sendDetail(HttpExchange *ex, int status, const QString &detail) {
    sendJson(ex, status, QJsonObject{{u"detail"_s, detail}});
}

void Emulator::sendObjectError(HttpExchange *ex, int status, const QString &message,
                               const QString &type, const QJsonValue &code,
                               const QJsonValue &param) {
    sendJson(ex, status,
             QJsonObject{{u"object"_s, u"error"_s},
                         {u"message"_s, message},
                         {u"type"_s, type},
                         {u"param"_s, param},
                         {u"code"_s, code},
                         {u"raw_status_code"_s, status}});
}

void Emulator::sendValidation(HttpExchange *ex, const Validator &v) {
    sendJson(ex, 422, v.detailBody());
}

void Emulator::sendPathIssue(HttpExchange *ex, const QString &type, const QJsonArray &loc,
                             const QString &msg, const QJsonValue &input) {
    Validator v;
    v.add(type, loc, msg, input);
    sendValidation(ex, v);
}

void Emulator::sendNotAllowed(HttpExchange *ex) {
    ex->send(405, "application/json", R"({"detail":"Method Not Allowed"})");
}

std::optional<QJsonObject> Emulator::jsonBody(HttpExchange *ex) {
    const QByteArray &raw = ex->request().body;
    if (raw.trimmed().isEmpty()) {
        sendPathIssue(ex, u"missing"_s, QJsonArray{u"body"_s}, u"Field required"_s,
                      QJsonValue::Null);
        return std::nullopt;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(raw, &error);
    if (error.error != QJsonParseError::NoError) {
        Validator v;
        v.add(u"json_invalid"_s, QJsonArray{u"body"_s, error.offset}, u"JSON decode error"_s,
              QJsonObject(), QJsonObject{{u"error"_s, error.errorString()}});
        sendValidation(ex, v);
        return std::nullopt;
    }
    if (!doc.isObject()) {
        sendPathIssue(ex, u"model_attributes_type"_s, QJsonArray{u"body"_s},
                      u"Input should be a valid dictionary or object to extract fields from"_s,
                      doc.isArray() ? QJsonValue(doc.array()) : QJsonValue());
        return std::nullopt;
    }
    return doc.object();
}

std::optional<int> Emulator::intQuery(HttpExchange *ex, const QString &name, int fallback, int min,
                                      int max) {
    const QUrlQuery &query = ex->request().query;
    if (!query.hasQueryItem(name))
        return fallback;
    const QString text = query.queryItemValue(name, QUrl::FullyDecoded);
    bool ok = false;
    const int value = text.toInt(&ok);
    const QJsonArray loc{u"query"_s, name};
    if (!ok) {
        sendPathIssue(ex, u"int_parsing"_s, loc,
                      u"Input should be a valid integer, unable to parse string as an integer"_s,
                      text);
        return std::nullopt;
    }
    if (value < min) {
        sendPathIssue(ex, u"greater_than_equal"_s, loc,
                      u"Input should be greater than or equal to %1"_s.arg(min), value);
        return std::nullopt;
    }
    if (value > max) {
        sendPathIssue(ex, u"less_than_equal"_s, loc,
                      u"Input should be less than or equal to %1"_s.arg(max), value);
        return std::nullopt;
    }
    return value;
}

// --- Routing --------------------------------------------------------------------------------

void Emulator::dispatch(HttpExchange *ex) {
    const HttpRequest &req = ex->request();
    const QStringList &seg = req.segments;
    const qsizetype n = seg.size();
    const QString area = seg.value(1);

    bool known = false;
    if (seg.value(0) == "v1"_L1) {
        if (area == "models"_L1)
            known = n == 2 || n == 3;
        else if (area == "chat"_L1)
            known = n == 3 && seg[2] == "completions"_L1;
        else if (area == "agents"_L1)
            known = n == 2 || n == 3
                    || (n == 4 && (seg[3] == "versions"_L1 || seg[3] == "version"_L1))
                    || (n == 5 && seg[3] == "versions"_L1);
        else if (area == "connectors"_L1)
            known = n == 2 || n == 3 || (n == 4 && seg[3] == "tools"_L1)
                    || (n == 6 && seg[3] == "tools"_L1 && seg[5] == "call"_L1)
                    || PlatformAuth::isConnectorRoute(seg);
        else if (area == "files"_L1)
            known = n == 2 || n == 3 || (n == 4 && (seg[3] == "content"_L1 || seg[3] == "url"_L1));
        else if (area == "ocr"_L1)
            known = n == 2;
        else if (area == "libraries"_L1)
            known = (n >= 2 && n <= 5)
                    || (n == 6 && (seg[5] == "status"_L1 || seg[5] == "text_content"_L1));
        else if (area == "conversations"_L1)
            known = n == 2 || n == 3
                    || (n == 4
                        && (seg[3] == "restart"_L1 || seg[3] == "history"_L1
                            || seg[3] == "messages"_L1));
    }
    if (!known) {
        // The gateway's answer: it never reaches authentication.
        sendJson(ex, 404,
                 QJsonObject{{u"message"_s, u"no Route matched with those values"_s},
                             {u"request_id"_s, QString::fromLatin1(ex->requestId())}});
        return;
    }

    // A signed file URL works without the key, like a pre-signed storage URL.
    bool signedFile = false;
    if (area == "files"_L1 && n == 4 && seg[3] == "content"_L1
        && req.query.hasQueryItem(u"signature"_s)) {
        const StoredFile *file = m_store.findFile(seg[2]);
        signedFile = file && req.query.queryItemValue(u"signature"_s) == file->signature;
    }
    if (!signedFile && req.header("authorization") != "Bearer " + m_options.apiKey) {
        qCInfo(lcEmulator) << "  401: missing or wrong API key";
        sendJson(ex, 401, QJsonObject{{u"detail"_s, u"Invalid API Key"_s}});
        return;
    }

    if (area == "models"_L1)
        routeModels(ex);
    else if (area == "chat"_L1)
        req.method == "POST" ? handleCompletion(ex, false) : sendNotAllowed(ex);
    else if (area == "agents"_L1)
        routeAgents(ex);
    else if (area == "connectors"_L1)
        routeConnectors(ex);
    else if (area == "conversations"_L1)
        routeConversations(ex);
    else if (area == "ocr"_L1)
        req.method == "POST" ? routeOcr(ex) : sendNotAllowed(ex);
    else if (area == "libraries"_L1)
        routeLibraries(ex);
    else
        routeFiles(ex);
}

void Emulator::routeModels(HttpExchange *ex) {
    const HttpRequest &req = ex->request();
    if (req.method != "GET") {
        sendNotAllowed(ex);
        return;
    }
    if (req.segments.size() == 2) {
        QJsonArray data;
        for (const QJsonObject &m : m_store.models())
            data.append(m);
        sendJson(ex, 200, QJsonObject{{u"object"_s, u"list"_s}, {u"data"_s, data}});
        return;
    }
    const QString id = req.segments.at(2);
    if (const auto model = m_store.findModel(id)) {
        sendJson(ex, 200, *model);
        return;
    }
    sendObjectError(ex, 404, u"Invalid model: %1"_s.arg(id), u"invalid_model"_s, u"1500"_s);
}

void Emulator::routeAdmin(HttpExchange *ex) {
    const HttpRequest &req = ex->request();
    if (!isLoopback(req.peer)) {
        sendDetail(ex, 403, u"The admin API answers loopback clients only"_s);
        return;
    }
    const QString what = req.segments.value(1);
    if (what == "faults"_L1 && req.segments.size() == 2) {
        if (req.method == "GET") {
            sendJson(ex, 200, m_faults.toJson());
        } else if (req.method == "DELETE") {
            m_faults.clear();
            sendJson(ex, 200, m_faults.toJson());
        } else if (req.method == "POST") {
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(req.body, &error);
            QJsonArray items = doc.isArray() ? doc.array() : QJsonArray{doc.object()};
            if (error.error != QJsonParseError::NoError || (!doc.isArray() && !doc.isObject())) {
                sendDetail(ex, 400, u"The body must be a fault object or an array of them"_s);
                return;
            }
            QList<Fault> parsed;
            for (const QJsonValue &item : std::as_const(items)) {
                QString problem;
                const auto fault = Fault::fromJson(item.toObject(), &problem);
                if (!fault) {
                    sendDetail(ex, 400, problem);
                    return;
                }
                parsed.append(*fault);
            }
            for (const Fault &f : std::as_const(parsed))
                m_faults.add(f);
            sendJson(ex, 200, m_faults.toJson());
        } else {
            sendNotAllowed(ex);
        }
        return;
    }
    if (what == "requests"_L1 && req.segments.size() == 2) {
        if (req.method == "GET") {
            const QString prefix = req.query.queryItemValue(u"path"_s, QUrl::FullyDecoded);
            const int since = req.query.queryItemValue(u"since"_s).toInt();
            QJsonArray out;
            for (const QJsonValue &r : std::as_const(m_requests)) {
                const QJsonObject o = r.toObject();
                if (o.value("seq"_L1).toInt() > since
                    && o.value("path"_L1).toString().startsWith(prefix))
                    out.append(o);
            }
            sendJson(ex, 200, QJsonObject{{u"requests"_s, out}, {u"last_seq"_s, m_requestSeq}});
        } else if (req.method == "DELETE") {
            m_requests = {};
            sendJson(ex, 200,
                     QJsonObject{{u"requests"_s, QJsonArray()}, {u"last_seq"_s, m_requestSeq}});
        } else {
            sendNotAllowed(ex);
        }
        return;
    }
    if (what == "reset"_L1 && req.segments.size() == 2) {
        if (req.method != "POST") {
            sendNotAllowed(ex);
            return;
        }
        m_store.clear();
        m_conversations.clear();
        m_faults.clear();
        m_platformAuth.reset();
        m_requests = {};
        if (m_options.demo)
            seedDemo();
        sendJson(ex, 200, QJsonObject{{u"reset"_s, true}});
        return;
    }
    if (what == "config"_L1 && req.segments.size() == 2) {
        if (req.method == "POST") {
            QJsonParseError error;
            const QJsonObject o = QJsonDocument::fromJson(req.body, &error).object();
            if (o.contains("stream_rate"_L1))
                m_options.streamRate = std::max(0.0, o.value("stream_rate"_L1).toDouble());
            if (o.contains("image_form"_L1)) {
                const auto form = imageFormFromName(o.value("image_form"_L1).toString());
                if (!form) {
                    sendDetail(ex, 400,
                               u"image_form is one of tool_file, image_url, data_url, url"_s);
                    return;
                }
                m_options.imageForm = *form;
            }
            if (o.contains("mcp_timeout_ms"_L1))
                m_options.mcpTimeoutMs = std::max(1, o.value("mcp_timeout_ms"_L1).toInt());
            if (o.contains("prefix_echo"_L1))
                m_options.prefixEcho = o.value("prefix_echo"_L1).toBool();
            if (o.contains("library_processing_ms"_L1))
                m_options.libraryProcessingMs =
                    std::max(0, o.value("library_processing_ms"_L1).toInt());
        } else if (req.method != "GET") {
            sendNotAllowed(ex);
            return;
        }
        static constexpr QLatin1StringView forms[] = {"tool_file"_L1, "image_url"_L1, "data_url"_L1,
                                                      "url"_L1};
        sendJson(ex, 200,
                 QJsonObject{{u"stream_rate"_s, m_options.streamRate},
                             {u"image_form"_s, QString(forms[int(m_options.imageForm)])},
                             {u"mcp_timeout_ms"_s, m_options.mcpTimeoutMs},
                             {u"prefix_echo"_s, m_options.prefixEcho},
                             {u"library_processing_ms"_s, m_options.libraryProcessingMs},
                             {u"demo"_s, m_options.demo}});
        return;
    }
    sendDetail(ex, 404, u"Unknown admin route"_s);
}

} // namespace Tramontane::Emulator
