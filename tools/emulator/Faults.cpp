// SPDX-License-Identifier: GPL-3.0-or-later
#include "Faults.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Tramontane::Emulator {

namespace {

struct Named {
    QLatin1StringView name;
    int value;
};

constexpr Named KindNames[] = {
    {"status"_L1, int(Fault::Kind::Status)},
    {"delay"_L1, int(Fault::Kind::Delay)},
    {"cut"_L1, int(Fault::Kind::Cut)},
    {"malformed"_L1, int(Fault::Kind::Malformed)},
    {"stream_error"_L1, int(Fault::Kind::StreamError)},
    {"drop"_L1, int(Fault::Kind::Drop)},
    {"endless_line"_L1, int(Fault::Kind::EndlessLine)},
    {"keep_alive_only"_L1, int(Fault::Kind::KeepAlive)},
    {"pause"_L1, int(Fault::Kind::Pause)},
    {"omit"_L1, int(Fault::Kind::Omit)},
    {"html_page"_L1, int(Fault::Kind::HtmlPage)},
};

constexpr Named BodyNames[] = {
    {"default"_L1, int(Fault::Body::Default)},
    {"detail"_L1, int(Fault::Body::Detail)},
    {"detail_array"_L1, int(Fault::Body::DetailArray)},
    {"object"_L1, int(Fault::Body::Object)},
    {"wrapped"_L1, int(Fault::Body::Wrapped)},
    {"gateway"_L1, int(Fault::Body::Gateway)},
    {"html"_L1, int(Fault::Body::Html)},
    {"text"_L1, int(Fault::Body::Text)},
    {"empty"_L1, int(Fault::Body::Empty)},
};

template<std::size_t N>
std::optional<int> lookup(const Named (&table)[N], const QString &name) {
    for (const Named &n : table) {
        if (name == n.name)
            return n.value;
    }
    return std::nullopt;
}

template<std::size_t N>
QString nameOf(const Named (&table)[N], int value) {
    for (const Named &n : table) {
        if (n.value == value)
            return QString(n.name);
    }
    return {};
}

// The server's error type and code for a status, as in the observed object errors.
QPair<QString, QJsonValue> objectType(int status) {
    switch (status) {
    case 400:
        return {u"invalid_request_error"_s, QJsonValue::Null};
    case 401:
        return {u"authentication_error"_s, QJsonValue::Null};
    case 403:
        return {u"permission_error"_s, QJsonValue::Null};
    case 404:
        return {u"not_found_error"_s, QJsonValue::Null};
    case 429:
        return {u"rate_limited"_s, u"1300"_s};
    case 500:
        return {u"internal_server_error"_s, u"3000"_s};
    case 502:
        return {u"bad_gateway"_s, u"3001"_s};
    case 503:
        return {u"service_unavailable"_s, u"3002"_s};
    case 504:
        return {u"gateway_timeout"_s, u"3003"_s};
    default:
        return {status >= 500 ? u"server_error"_s : u"invalid_request_error"_s, QJsonValue::Null};
    }
}

QString defaultMessage(int status) {
    switch (status) {
    case 400:
        return u"Bad request"_s;
    case 401:
        return u"Invalid API Key"_s;
    case 403:
        return u"Forbidden"_s;
    case 404:
        return u"no Route matched with those values"_s;
    case 409:
        return u"Conflict"_s;
    case 422:
        return u"Invalid request"_s;
    case 429:
        return u"Rate limit exceeded"_s;
    case 500:
        return u"Service unavailable."_s;
    case 502:
        return u"Bad gateway"_s;
    case 503:
        return u"Service temporarily unavailable"_s;
    case 504:
        return u"Gateway timeout"_s;
    default:
        return u"Error"_s;
    }
}

QByteArray json(const QJsonObject &o) {
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

bool Fault::matches(const QByteArray &requestMethod, const QString &path) const {
    if (!method.isEmpty() && method.compare(requestMethod, Qt::CaseInsensitive) != 0)
        return false;
    return path.startsWith(pathPrefix);
}

bool Fault::isStreamKind() const {
    return kind == Kind::Cut || kind == Kind::Malformed || kind == Kind::StreamError
           || kind == Kind::EndlessLine || kind == Kind::KeepAlive || kind == Kind::Pause;
}

QJsonObject Fault::toJson() const {
    QJsonObject o{
        {u"id"_s, id},
        {u"kind"_s, nameOf(KindNames, int(kind))},
        {u"path"_s, pathPrefix},
        {u"count"_s, unlimited ? 0 : remaining},
        {u"delay_ms"_s, delayMs},
    };
    if (!method.isEmpty())
        o.insert(u"method"_s, QString::fromLatin1(method));
    if (kind == Kind::Status) {
        o.insert(u"status"_s, status);
        o.insert(u"body"_s, nameOf(BodyNames, int(body)));
        if (!message.isEmpty())
            o.insert(u"message"_s, message);
        if (!retryAfter.isEmpty())
            o.insert(u"retry_after"_s, QString::fromLatin1(retryAfter));
    }
    if (isStreamKind())
        o.insert(u"after_events"_s, afterEvents);
    if (kind == Kind::Omit)
        o.insert(u"fields"_s, QJsonArray::fromStringList(fields));
    return o;
}

std::optional<Fault> Fault::fromJson(const QJsonObject &o, QString *error) {
    static constexpr QLatin1StringView known[] = {
        "kind"_L1,    "path"_L1,        "method"_L1,   "count"_L1,        "status"_L1, "body"_L1,
        "message"_L1, "retry_after"_L1, "delay_ms"_L1, "after_events"_L1, "fields"_L1,
    };
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (std::find(std::begin(known), std::end(known), it.key()) == std::end(known)) {
            *error = u"unknown fault field \"%1\""_s.arg(it.key());
            return std::nullopt;
        }
    }
    Fault f;
    const QString kind = o.value("kind"_L1).toString(o.contains("status"_L1)     ? u"status"_s
                                                     : o.contains("delay_ms"_L1) ? u"delay"_s
                                                                                 : u"status"_s);
    const auto k = lookup(KindNames, kind);
    if (!k) {
        *error = u"unknown fault kind \"%1\" (status, delay, cut, malformed, stream_error, drop, "
                 "endless_line, keep_alive_only, pause, omit, html_page)"_s.arg(kind);
        return std::nullopt;
    }
    f.kind = Kind(*k);
    if (o.contains("path"_L1)) {
        f.pathPrefix = o.value("path"_L1).toString();
        if (!f.pathPrefix.startsWith(u'/')) {
            *error = u"path must start with /"_s;
            return std::nullopt;
        }
    }
    f.method = o.value("method"_L1).toString().toUpper().toLatin1();
    const int count = o.value("count"_L1).toInt(1);
    f.unlimited = count <= 0;
    f.remaining = count;
    f.status = o.value("status"_L1).toInt(500);
    if (f.status < 100 || f.status > 599) {
        *error = u"status must be an HTTP status code"_s;
        return std::nullopt;
    }
    const auto b = lookup(BodyNames, o.value("body"_L1).toString(u"default"_s));
    if (!b) {
        *error = u"unknown body shape (detail, detail_array, object, wrapped, gateway, html, text, "
                 "empty)"_s;
        return std::nullopt;
    }
    f.body = Body(*b);
    f.message = o.value("message"_L1).toString();
    const QJsonValue retry = o.value("retry_after"_L1);
    if (retry.isDouble())
        f.retryAfter = QByteArray::number(retry.toInt());
    else if (retry.isString())
        f.retryAfter = retry.toString().toLatin1();
    f.delayMs = std::max(0, o.value("delay_ms"_L1).toInt(0));
    f.afterEvents = std::max(0, o.value("after_events"_L1).toInt(1));
    for (const QJsonValue &field : o.value("fields"_L1).toArray())
        f.fields.append(field.toString());
    f.fields.removeAll(QString());
    if (f.kind == Kind::Omit && f.fields.isEmpty()) {
        *error = u"an omit fault needs the names of the fields to leave out in \"fields\""_s;
        return std::nullopt;
    }
    return f;
}

FaultBody faultBody(const Fault &f, const QByteArray &requestId) {
    const QString message = f.message.isEmpty() ? defaultMessage(f.status) : f.message;
    Fault::Body body = f.body;
    if (body == Fault::Body::Default) {
        switch (f.status) {
        case 401:
            body = Fault::Body::Detail;
            break;
        case 404:
            body = Fault::Body::Gateway;
            break;
        case 422:
            body = Fault::Body::DetailArray;
            break;
        default:
            body = Fault::Body::Object;
            break;
        }
    }
    const QJsonObject issue{{u"type"_s, u"value_error"_s},
                            {u"loc"_s, QJsonArray{u"body"_s}},
                            {u"msg"_s, message},
                            {u"input"_s, QJsonValue::Null}};
    const auto [type, code] = objectType(f.status);
    switch (body) {
    case Fault::Body::Default:
    case Fault::Body::Detail:
        return {"application/json", json({{u"detail"_s, message}})};
    case Fault::Body::DetailArray:
        return {"application/json", json({{u"detail"_s, QJsonArray{issue}}})};
    case Fault::Body::Object:
        return {"application/json", json({{u"object"_s, u"error"_s},
                                          {u"message"_s, message},
                                          {u"type"_s, type},
                                          {u"param"_s, QJsonValue::Null},
                                          {u"code"_s, code}})};
    case Fault::Body::Wrapped:
        return {"application/json",
                json({{u"object"_s, u"error"_s},
                      {u"message"_s, QJsonObject{{u"detail"_s, QJsonArray{issue}}}},
                      {u"type"_s, u"invalid_request_error"_s},
                      {u"param"_s, QJsonValue::Null},
                      {u"code"_s, QJsonValue::Null}})};
    case Fault::Body::Gateway:
        return {"application/json",
                json({{u"message"_s, message}, {u"request_id"_s, QString::fromLatin1(requestId)}})};
    case Fault::Body::Html: {
        const QByteArray title =
            QByteArray::number(f.status) + ' ' + message.toHtmlEscaped().toUtf8();
        return {"text/html",
                "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>"
                    + title
                    + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"};
    }
    case Fault::Body::Text:
        return {"text/plain; charset=utf-8", message.toUtf8()};
    case Fault::Body::Empty:
        return {QByteArray(), QByteArray()};
    }
    return {};
}

void FaultList::add(Fault fault) {
    fault.id = u"fault-%1"_s.arg(m_nextId++);
    m_faults.append(fault);
}

std::optional<Fault> FaultList::take(const QByteArray &method, const QString &path) {
    for (qsizetype i = 0; i < m_faults.size(); ++i) {
        Fault &f = m_faults[i];
        if (!f.matches(method, path))
            continue;
        Fault used = f;
        if (!f.unlimited && --f.remaining <= 0)
            m_faults.removeAt(i);
        return used;
    }
    return std::nullopt;
}

QJsonObject FaultList::toJson() const {
    QJsonArray list;
    for (const Fault &f : m_faults)
        list.append(f.toJson());
    return QJsonObject{{u"faults"_s, list}};
}

} // namespace Tramontane::Emulator
