// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QString>
#include <QStringList>

#include <optional>

//! Small lenient readers and strict writers shared by the protocol value types. Readers never
//! trust the server: a missing key, a null or a value of the wrong JSON type all read as
//! "unset" (std::nullopt or an empty value), never as an error or an assertion.
namespace Tramontane::Json {

//! The string at \a key, or nullopt when it is missing, null or not a string.
std::optional<QString> optString(const QJsonObject &object, QLatin1StringView key);
//! The string at \a key, or an empty string.
QString string(const QJsonObject &object, QLatin1StringView key);
//! The number at \a key, or nullopt when it is missing, null or not a number.
std::optional<double> optDouble(const QJsonObject &object, QLatin1StringView key);
//! The integral number at \a key (fractions are truncated), or nullopt.
std::optional<qint64> optInt(const QJsonObject &object, QLatin1StringView key);
//! The boolean at \a key, or nullopt when it is missing, null or not a boolean.
std::optional<bool> optBool(const QJsonObject &object, QLatin1StringView key);
//! The object at \a key, or nullopt when it is missing, null or not an object.
std::optional<QJsonObject> optObject(const QJsonObject &object, QLatin1StringView key);
//! The object at \a key, or an empty object.
QJsonObject object(const QJsonObject &object, QLatin1StringView key);
//! The array at \a key, or an empty array.
QJsonArray array(const QJsonObject &object, QLatin1StringView key);
//! The strings of the array at \a key (non-string items are skipped), or nullopt when the key
//! is missing, null or not an array.
std::optional<QStringList> optStringList(const QJsonObject &object, QLatin1StringView key);
//! Same as optStringList(), with an empty list for "unset".
QStringList stringList(const QJsonObject &object, QLatin1StringView key);

//! A JSON array of the given strings.
QJsonArray toArray(const QStringList &strings);

//! Parses an ISO-8601 date-time (with or without fractional seconds and offset; a value without
//! an offset is taken as UTC). Returns an invalid QDateTime for anything else.
QDateTime parseDateTime(const QJsonValue &value);
//! ISO-8601 in UTC with milliseconds, or null for an invalid date-time.
QJsonValue dateTimeToJson(const QDateTime &dateTime);

//! Writes \a dateTime under \a key like dateTimeToJson(), except that a string already there
//! which denotes the same instant is kept as it is (so received objects round-trip).
void insertDateTime(QJsonObject &object, QLatin1StringView key, const QDateTime &dateTime);

//! Serialises an object to compact JSON text.
QString compact(const QJsonObject &object);

//! Inserts \a value under \a key only when it is set.
template<typename T>
void insertIfSet(QJsonObject &object, QLatin1StringView key, const std::optional<T> &value) {
    if (value)
        object.insert(key, QJsonValue(*value));
}

//! For objects that start as a copy of what the server sent: writes \a value when set; when
//! unset, writes null if the object already has the key, else nothing. A received object
//! thus round-trips, nulls included.
template<typename T>
void insertNullable(QJsonObject &object, QLatin1StringView key, const std::optional<T> &value) {
    if (value)
        object.insert(key, QJsonValue(*value));
    else if (object.contains(key))
        object.insert(key, QJsonValue(QJsonValue::Null));
}

//! Inserts the string list under \a key only when it is set.
void insertIfSet(QJsonObject &object, QLatin1StringView key,
                 const std::optional<QStringList> &value);

//! Inserts \a value under \a key only when it is not empty.
void insertIfNotEmpty(QJsonObject &object, QLatin1StringView key, const QString &value);

} // namespace Tramontane::Json
