// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <cmath>
#include <limits>
#include <span>

namespace Tramontane::Emulator {

//! One entry of a 422 `detail` array, in the server's (pydantic) terms.
struct ValidationIssue {
    QString type;
    QJsonArray loc;
    QString msg;
    QJsonValue input;
    QJsonObject ctx;

    QJsonObject toJson() const;
};

class Validator;
using NestedCheck = void (*)(Validator &, const QJsonValue &, const QJsonArray &);

//! How a field may look. Bounds are inclusive unless `exclusiveMin`.
struct FieldSpec {
    enum class Kind { String, Bool, Int, Number, Object, Array, Any };
    QLatin1StringView name;
    Kind kind;
    bool required = false;
    bool nullable = true;
    NestedCheck nested = nullptr; //!< called for a present, non-null value of the right kind
    double min = std::numeric_limits<double>::quiet_NaN();
    double max = std::numeric_limits<double>::quiet_NaN();
    bool exclusiveMin = false;
};

//! Collects validation issues the way the API reports them: every problem of a request at once.
class Validator {
public:
    QList<ValidationIssue> issues;

    bool ok() const { return issues.isEmpty(); }
    void add(const QString &type, const QJsonArray &loc, const QString &msg,
             const QJsonValue &input, const QJsonObject &ctx = {});

    //! Checks an object against its fields: unknown keys are `extra_forbidden`, absent required
    //! ones `missing`, wrong types `*_type`. Returns false if \a value is not an object.
    bool object(const QJsonValue &value, const QJsonArray &loc, std::span<const FieldSpec> fields);

    //! A string that must be one of \a allowed (`literal_error` / `enum`).
    void oneOf(const QJsonValue &value, const QJsonArray &loc,
               std::span<const QLatin1StringView> allowed);

    //! Dispatches on a discriminator field; reports `union_tag_not_found` / `union_tag_invalid`.
    //! Returns the tag, or an empty string.
    QString tag(const QJsonValue &value, const QJsonArray &loc, QLatin1StringView discriminator,
                std::span<const QLatin1StringView> tags);

    QJsonObject detailBody() const;
};

//! Validators of the request bodies the emulator accepts. Each returns the issues found.
namespace Validate {
void chatCompletion(Validator &v, const QJsonObject &body);
void agentsCompletion(Validator &v, const QJsonObject &body);
void createAgent(Validator &v, const QJsonObject &body);
void updateAgent(Validator &v, const QJsonObject &body);
void createConnector(Validator &v, const QJsonObject &body);
void updateConnector(Validator &v, const QJsonObject &body);
void callConnectorTool(Validator &v, const QJsonObject &body);
void ocr(Validator &v, const QJsonObject &body);
} // namespace Validate

//! The connector name rule: 1 to 64 characters of [A-Za-z0-9_-].
bool isValidConnectorName(const QString &name);

} // namespace Tramontane::Emulator
