// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/Redactor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QReadWriteLock>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>
#include <atomic>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

constexpr qsizetype kMinSecretLength = 6;

struct SecretRegistry {
    QReadWriteLock lock;
    QStringList secrets; // longest first, so a secret containing another is masked whole
};

// The state the message handler needs is never destroyed: a line may be logged while
// statics are being destroyed at exit (from an atexit function or another static's
// destructor), and it must still be redacted. Reachable through these pointers to the end,
// so never reported as a leak.
SecretRegistry &registry() {
    static SecretRegistry *const r = new SecretRegistry;
    return *r;
}

struct Patterns {
    // Header lines: "Authorization: Bearer abc", "x-api-key: abc", "Cookie: a=b".
    QRegularExpression headerLine{
        uR"re(\b((?:proxy-)?authorization|x-api-key|set-cookie|cookie)(\s*:\s*)([^\r\n]+))re"_s,
        QRegularExpression::CaseInsensitiveOption};
    // Credentials after an auth scheme, wherever they appear.
    // "Basic" only capitalised, so prose such as "basic usage" is left alone.
    QRegularExpression scheme{uR"re(\b((?i:bearer)|Basic)(\s+)[A-Za-z0-9\-._~+/]{6,}=*)re"_s};
    // JSON pairs inside free text: "api_key": "abc".
    QRegularExpression jsonPair{
        uR"re(("[^"]*(?:token|secret|key|password|passwd|auth|credential|cookie)[^"]*"\s*:\s*)"(?:[^"\\]|\\.)*")re"_s,
        QRegularExpression::CaseInsensitiveOption};
    // Query or form parameters: ?key=abc&access_token=abc, code=... of an OAuth redirect.
    QRegularExpression queryParam{
        uR"re((^|[?&;\s])([\w.\-]*(?:key|token|secret|password|passwd|auth|code|signature|sig)[\w.\-]*=)[^&\s#"'<>]+)re"_s,
        QRegularExpression::CaseInsensitiveOption};
};

const Patterns &patterns() {
    static const Patterns *const p = new Patterns;
    return *p;
}

QBasicMutex g_handlerMutex; // serialises install/uninstall; trivially destructible
bool g_handlerInstalled = false;
// The handler ours forwards to. Until it is published (a window of a few instructions while
// installing), a message from another thread is dropped, never passed on unredacted.
std::atomic<QtMessageHandler> g_previousHandler = nullptr;

void redactingMessageHandler(QtMsgType type, const QMessageLogContext &context,
                             const QString &message) {
    const QString clean = Redactor::redactText(message);
    if (QtMessageHandler previous = g_previousHandler.load())
        previous(type, context, clean);
}

bool containsSensitiveWord(QStringView lower) {
    static constexpr QLatin1StringView words[] = {"token"_L1,      "secret"_L1, "key"_L1,
                                                  "password"_L1,   "passwd"_L1, "auth"_L1,
                                                  "credential"_L1, "cookie"_L1};
    return std::any_of(std::begin(words), std::end(words),
                       [lower](QLatin1StringView w) { return lower.contains(w); });
}

QJsonValue maskStrings(const QJsonValue &value) {
    switch (value.type()) {
    case QJsonValue::String:
        return Redactor::mask();
    case QJsonValue::Array: {
        QJsonArray out;
        for (const QJsonValue &v : value.toArray())
            out.append(maskStrings(v));
        return out;
    }
    case QJsonValue::Object: {
        QJsonObject out;
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            out.insert(it.key(), maskStrings(it.value()));
        return out;
    }
    default:
        return value;
    }
}

} // namespace

QString Redactor::mask() {
    return u"[redacted]"_s;
}

bool Redactor::isSensitiveName(QStringView name) {
    const QString lower = name.toString().toLower();
    if (lower.startsWith("x-ratelimit-"_L1))
        return false; // rate-limit counters ("...-tokens-minute") are not secrets
    if (lower == "headers"_L1 || lower == "global_headers"_L1 || lower == "auth_data"_L1)
        return true; // connector credentials, whatever the header names inside
    return containsSensitiveWord(lower);
}

bool Redactor::isSensitiveName(QByteArrayView name) {
    return isSensitiveName(QString::fromLatin1(name));
}

QByteArray Redactor::redactHeaderValue(QByteArrayView name, QByteArrayView value) {
    if (isSensitiveName(name)) {
        // Keep the scheme of an Authorization value: it helps debugging and is no secret.
        const qsizetype space = value.indexOf(' ');
        const QByteArray lowerName = name.toByteArray().toLower();
        if (space > 0 && lowerName.endsWith("authorization"))
            return value.first(space).toByteArray() + ' ' + mask().toLatin1();
        return mask().toLatin1();
    }
    return redactText(QString::fromLatin1(value)).toLatin1();
}

RawHeaders Redactor::redactHeaders(const RawHeaders &headers) {
    RawHeaders out;
    out.reserve(headers.size());
    for (const auto &[name, value] : headers)
        out.append({name, redactHeaderValue(name, value)});
    return out;
}

QJsonValue Redactor::redactJson(const QJsonValue &value) {
    switch (value.type()) {
    case QJsonValue::String:
        return redactText(value.toString());
    case QJsonValue::Array: {
        QJsonArray out;
        for (const QJsonValue &v : value.toArray())
            out.append(redactJson(v));
        return out;
    }
    case QJsonValue::Object:
        return redactJson(value.toObject());
    default:
        return value;
    }
}

QJsonObject Redactor::redactJson(const QJsonObject &object) {
    QJsonObject out;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (isSensitiveName(it.key()))
            out.insert(it.key(), maskStrings(it.value()));
        else
            out.insert(it.key(), redactJson(it.value()));
    }
    return out;
}

QString Redactor::redactBody(QByteArrayView body) {
    if (body.isEmpty())
        return {};
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body.toByteArray(), &error);
    if (error.error == QJsonParseError::NoError) {
        if (doc.isObject())
            return QString::fromUtf8(
                QJsonDocument(redactJson(doc.object())).toJson(QJsonDocument::Compact));
        if (doc.isArray())
            return QString::fromUtf8(QJsonDocument(redactJson(QJsonValue(doc.array())).toArray())
                                         .toJson(QJsonDocument::Compact));
    }
    return redactText(QString::fromUtf8(body));
}

QString Redactor::redactText(const QString &text) {
    if (text.isEmpty())
        return text;
    QString out = text;

    // Registered secrets first: they are exact values, whatever surrounds them.
    {
        SecretRegistry &r = registry();
        QReadLocker locker(&r.lock);
        for (const QString &secret : std::as_const(r.secrets))
            out.replace(secret, mask());
    }

    const Patterns &p = patterns();
    const QString m = mask();
    out.replace(p.headerLine, u"\\1\\2"_s + m);
    out.replace(p.scheme, u"\\1\\2"_s + m);
    out.replace(p.jsonPair, u"\\1\""_s + m + u'"');
    out.replace(p.queryParam, u"\\1\\2"_s + m);
    return out;
}

void Redactor::addSecret(const QString &secret) {
    if (secret.size() < kMinSecretLength)
        return;
    QStringList forms{secret};
    // The same secret percent-encoded, as it would appear inside a URL.
    const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(secret));
    if (encoded != secret)
        forms.append(encoded);

    SecretRegistry &r = registry();
    QWriteLocker locker(&r.lock);
    for (const QString &form : std::as_const(forms)) {
        if (!r.secrets.contains(form))
            r.secrets.append(form);
    }
    std::stable_sort(r.secrets.begin(), r.secrets.end(),
                     [](const QString &a, const QString &b) { return a.size() > b.size(); });
}

void Redactor::removeSecret(const QString &secret) {
    const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(secret));
    SecretRegistry &r = registry();
    QWriteLocker locker(&r.lock);
    r.secrets.removeAll(secret);
    r.secrets.removeAll(encoded);
}

void Redactor::clearSecrets() {
    SecretRegistry &r = registry();
    QWriteLocker locker(&r.lock);
    r.secrets.clear();
}

void Redactor::installMessageHandler() {
    QMutexLocker locker(&g_handlerMutex);
    if (g_handlerInstalled)
        return;
    g_previousHandler = qInstallMessageHandler(redactingMessageHandler);
    g_handlerInstalled = true;
}

void Redactor::uninstallMessageHandler() {
    QMutexLocker locker(&g_handlerMutex);
    if (!g_handlerInstalled)
        return;
    qInstallMessageHandler(g_previousHandler.load());
    g_previousHandler = nullptr;
    g_handlerInstalled = false;
}

} // namespace Tramontane
