// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Tramontane::Emulator::Script {

//! The answer to a request that asked for JSON (\a responseFormat, the request's
//! `response_format`): for `json_object` an object about \a userText; for `json_schema` an
//! object that follows the schema (every property, typed as the schema says: enum and const
//! values, nested objects and arrays). Compact JSON text, or nullopt for `text` or no format.
std::optional<QString> jsonAnswer(const QJsonObject &responseFormat, const QString &userText);

} // namespace Tramontane::Emulator::Script
