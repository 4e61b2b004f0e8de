// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/JsonUtil.h"

#include <QJsonDocument>
#include <QTimeZone>

#include <cmath>
#include <limits>

namespace Tramontane::Json {

std::optional<QString> optString(const QJsonObject &object, QLatin1StringView key) {
    const QJsonValue value = object.value(key);
    if (!value.isString())
        return std::nullopt;
    return value.toString();
}

QString string(const QJsonObject &object, QLatin1StringView key) {
    return object.value(key).toString();
}

std::optional<double> optDouble(const QJsonObject &object, QLatin1StringView key) {
    const QJsonValue value = object.value(key);
    if (!value.isDouble())
        return std::nullopt;
    return value.toDouble();
}

std::optional<qint64> optInt(const QJsonObject &object, QLatin1StringView key) {
    const QJsonValue value = object.value(key);
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (!std::isfinite(number))
        return std::nullopt;
    // Clamp instead of invoking undefined behaviour on an absurd value from the server.
    constexpr double limit = 9.0e18;
    if (number >= limit)
        return std::numeric_limits<qint64>::max();
    if (number <= -limit)
        return std::numeric_limits<qint64>::min();
    return value.toInteger(static_cast<qint64>(number));
}

std::optional<bool> optBool(const QJsonObject &object, QLatin1StringView key) {
    const QJsonValue value = object.value(key);
    if (!value.isBool())
        return std::nullopt;
    return value.toBool();
}

std::optional<QJsonObject> optObject(const QJsonObject &object, QLatin1StringView key) {
    const QJsonValue value = object.value(key);
    if (!value.isObject())
        return std::nullopt;
    return value.toObject();
}

QJsonObject object(const QJsonObject &object, QLatin1StringView key) {
    return object.value(key).toObject();
}

QJsonArray array(const QJsonObject &object, QLatin1StringView key) {
    return object.value(key).toArray();
}

std::optional<QStringList> optStringList(const QJsonObject &object, QLatin1StringView key) {
    const QJsonValue value = object.value(key);
    if (!value.isArray())
        return std::nullopt;
    QStringList result;
    const QJsonArray items = value.toArray();
    for (const QJsonValue &item : items) {
        if (item.isString())
            result.append(item.toString());
    }
    return result;
}

QStringList stringList(const QJsonObject &object, QLatin1StringView key) {
    return optStringList(object, key).value_or(QStringList());
}

QJsonArray toArray(const QStringList &strings) {
    QJsonArray result;
    for (const QString &string : strings)
        result.append(string);
    return result;
}

QDateTime parseDateTime(const QJsonValue &value) {
    if (!value.isString())
        return {};
    QDateTime dateTime = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!dateTime.isValid())
        return {};
    if (dateTime.timeSpec() == Qt::LocalTime)
        dateTime.setTimeZone(QTimeZone::utc());
    return dateTime;
}

QJsonValue dateTimeToJson(const QDateTime &dateTime) {
    if (!dateTime.isValid())
        return QJsonValue(QJsonValue::Null);
    return dateTime.toUTC().toString(Qt::ISODateWithMs);
}

void insertDateTime(QJsonObject &object, QLatin1StringView key, const QDateTime &dateTime) {
    const QDateTime existing = parseDateTime(object.value(key));
    if (existing.isValid() && dateTime.isValid() && existing == dateTime)
        return;
    object.insert(key, dateTimeToJson(dateTime));
}

QString compact(const QJsonObject &object) {
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

void insertIfSet(QJsonObject &object, QLatin1StringView key,
                 const std::optional<QStringList> &value) {
    if (value)
        object.insert(key, toArray(*value));
}

void insertIfNotEmpty(QJsonObject &object, QLatin1StringView key, const QString &value) {
    if (!value.isEmpty())
        object.insert(key, value);
}

} // namespace Tramontane::Json
