// SPDX-License-Identifier: GPL-3.0-or-later
#include "JsonAnswer.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Tramontane::Emulator::Script {

namespace {

// A value of \a schema's type; \a depth bounds recursive schemas.
QJsonValue sampleValue(const QJsonObject &schema, const QString &name, const QString &text,
                       int depth) {
    if (schema.contains("const"_L1))
        return schema.value("const"_L1);
    const QJsonArray choices = schema.value("enum"_L1).toArray();
    if (!choices.isEmpty())
        return choices.first();
    QJsonValue type = schema.value("type"_L1);
    if (type.isArray()) // ["string", "null"]: the first type that is not null
        type = type.toArray().first();
    const QString kind = type.toString();
    if (depth > 8)
        return QJsonValue::Null;
    if (kind == "object"_L1 || (kind.isEmpty() && schema.contains("properties"_L1))) {
        QJsonObject out;
        const QJsonObject properties = schema.value("properties"_L1).toObject();
        for (auto it = properties.begin(); it != properties.end(); ++it)
            out.insert(it.key(), sampleValue(it.value().toObject(), it.key(), text, depth + 1));
        return out;
    }
    if (kind == "array"_L1)
        return QJsonArray{sampleValue(schema.value("items"_L1).toObject(), name, text, depth + 1)};
    if (kind == "integer"_L1)
        return 1;
    if (kind == "number"_L1)
        return 1.5;
    if (kind == "boolean"_L1)
        return true;
    if (kind == "null"_L1)
        return QJsonValue::Null;
    return name.isEmpty() ? text.left(80) : u"%1 for “%2”"_s.arg(name, text.left(60));
}

} // namespace

std::optional<QString> jsonAnswer(const QJsonObject &responseFormat, const QString &userText) {
    const QString type = responseFormat.value("type"_L1).toString();
    QJsonObject answer;
    if (type == "json_object"_L1) {
        answer = QJsonObject{{u"answer"_s, u"A JSON object, as asked."_s},
                             {u"request"_s, userText.left(200)}};
    } else if (type == "json_schema"_L1) {
        const QJsonObject schema =
            responseFormat.value("json_schema"_L1).toObject().value("schema"_L1).toObject();
        const QJsonValue value = sampleValue(schema, QString(), userText, 0);
        answer = value.isObject() ? value.toObject() : QJsonObject{{u"value"_s, value}};
    } else {
        return std::nullopt;
    }
    return QString::fromUtf8(QJsonDocument(answer).toJson(QJsonDocument::Compact));
}

} // namespace Tramontane::Emulator::Script
