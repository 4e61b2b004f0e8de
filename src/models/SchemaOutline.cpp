// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/SchemaOutline.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

constexpr qsizetype MaxScalarText = 120;

// A JSON value as short text: strings quoted, the rest compact JSON, long values cut.
QString valueText(const QJsonValue &value) {
    QString text;
    if (value.isString()) {
        text = u'"' + value.toString() + u'"';
    } else {
        text = QString::fromUtf8(
            QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).chopped(1).mid(1));
    }
    if (text.size() > MaxScalarText)
        text = text.left(MaxScalarText - 1) + u'…';
    return text;
}

QStringList subschemaTypes(const QJsonArray &branches) {
    QStringList types;
    for (const QJsonValue &branch : branches) {
        const QString type = SchemaOutline::typeText(branch.toObject());
        if (!types.contains(type))
            types.append(type);
    }
    return types;
}

class Builder {
public:
    QList<SchemaNode> properties(const QJsonObject &schema, int depth) {
        QList<SchemaNode> nodes;
        if (depth >= SchemaOutline::MaxDepth) {
            nodes.append(cutNode());
            return nodes;
        }
        QStringList required;
        const QJsonArray requiredArray = schema.value("required"_L1).toArray();
        for (const QJsonValue &r : requiredArray) {
            if (r.isString())
                required.append(r.toString());
        }
        const QJsonObject props = schema.value("properties"_L1).toObject();
        QStringList names = props.keys();
        std::stable_sort(names.begin(), names.end(),
                         [&required](const QString &a, const QString &b) {
                             const bool ra = required.contains(a);
                             const bool rb = required.contains(b);
                             if (ra != rb)
                                 return ra;
                             return a < b;
                         });
        for (const QString &name : std::as_const(names)) {
            if (m_count >= SchemaOutline::MaxNodes) {
                nodes.append(cutNode());
                break;
            }
            nodes.append(node(name, props.value(name).toObject(), required.contains(name), depth));
        }
        // Branches (anyOf/oneOf/allOf) whose objects add properties.
        for (const auto key : {"allOf"_L1, "anyOf"_L1, "oneOf"_L1}) {
            const QJsonArray branches = schema.value(key).toArray();
            for (const QJsonValue &branch : branches) {
                const QJsonObject b = branch.toObject();
                if (!b.contains("properties"_L1))
                    continue;
                const QList<SchemaNode> more = properties(b, depth + 1);
                for (const SchemaNode &n : more) {
                    const bool known =
                        std::any_of(nodes.cbegin(), nodes.cend(),
                                    [&n](const SchemaNode &o) { return o.name == n.name; });
                    if (!known)
                        nodes.append(n);
                }
            }
        }
        return nodes;
    }

    SchemaNode node(const QString &name, const QJsonObject &schema, bool required, int depth) {
        ++m_count;
        SchemaNode n;
        n.name = name;
        n.type = SchemaOutline::typeText(schema);
        n.required = required;
        n.description = schema.value("description"_L1).toString();
        if (n.description.isEmpty())
            n.description = schema.value("title"_L1).toString();
        n.details = SchemaOutline::detailsText(schema);
        n.children = childrenOf(schema, depth + 1);
        return n;
    }

    QList<SchemaNode> childrenOf(const QJsonObject &schema, int depth) {
        if (hasProperties(schema))
            return properties(schema, depth);
        const QJsonObject items = schema.value("items"_L1).toObject();
        if (!items.isEmpty() && (hasProperties(items) || items.contains("items"_L1))) {
            if (depth >= SchemaOutline::MaxDepth || m_count >= SchemaOutline::MaxNodes)
                return {cutNode()};
            return {node(u"[items]"_s, items, false, depth)};
        }
        return {};
    }

    static bool hasProperties(const QJsonObject &schema) {
        if (schema.value("properties"_L1).isObject())
            return true;
        for (const auto key : {"allOf"_L1, "anyOf"_L1, "oneOf"_L1}) {
            const QJsonArray branches = schema.value(key).toArray();
            for (const QJsonValue &b : branches) {
                if (b.toObject().value("properties"_L1).isObject())
                    return true;
            }
        }
        return false;
    }

    static SchemaNode cutNode() {
        SchemaNode n;
        n.name = u"…"_s;
        n.description = QCoreApplication::translate(
            "SchemaOutline", "The schema goes deeper; see the raw JSON for the rest.");
        return n;
    }

private:
    int m_count = 0;
};

} // namespace

QString SchemaOutline::typeText(const QJsonObject &schema) {
    const QJsonValue type = schema.value("type"_L1);
    if (type.isString()) {
        const QString t = type.toString();
        if (t == "array"_L1) {
            const QJsonValue items = schema.value("items"_L1);
            if (items.isObject() && !items.toObject().isEmpty())
                return u"array of "_s + typeText(items.toObject());
            return u"array"_s;
        }
        return t;
    }
    if (type.isArray()) {
        QStringList parts;
        const QJsonArray types = type.toArray();
        for (const QJsonValue &t : types) {
            if (t.isString()) {
                QJsonObject single = schema;
                single.insert("type"_L1, t);
                parts.append(typeText(single));
            }
        }
        return parts.join(" | "_L1);
    }
    if (schema.contains("anyOf"_L1))
        return subschemaTypes(schema.value("anyOf"_L1).toArray()).join(" | "_L1);
    if (schema.contains("oneOf"_L1))
        return subschemaTypes(schema.value("oneOf"_L1).toArray()).join(" | "_L1);
    if (schema.contains("allOf"_L1))
        return subschemaTypes(schema.value("allOf"_L1).toArray()).join(" & "_L1);
    if (schema.value("$ref"_L1).isString())
        return u"reference "_s + schema.value("$ref"_L1).toString();
    if (schema.contains("const"_L1))
        return u"constant"_s;
    if (schema.value("enum"_L1).isArray())
        return u"enumeration"_s;
    if (schema.value("properties"_L1).isObject())
        return u"object"_s;
    if (schema.value("items"_L1).isObject())
        return u"array"_s;
    return u"any"_s;
}

QStringList SchemaOutline::detailsText(const QJsonObject &schema) {
    QStringList details;
    if (schema.value("enum"_L1).isArray()) {
        QStringList values;
        const QJsonArray array = schema.value("enum"_L1).toArray();
        for (const QJsonValue &v : array)
            values.append(valueText(v));
        details.append(u"one of: "_s + values.join(", "_L1));
    }
    if (schema.contains("const"_L1))
        details.append(u"always "_s + valueText(schema.value("const"_L1)));
    if (schema.contains("default"_L1))
        details.append(u"default: "_s + valueText(schema.value("default"_L1)));
    if (schema.value("format"_L1).isString())
        details.append(u"format: "_s + schema.value("format"_L1).toString());
    static constexpr struct {
        QLatin1StringView key;
        QStringView words;
    } bounds[] = {
        {"minimum"_L1, u"≥ "},
        {"exclusiveMinimum"_L1, u"> "},
        {"maximum"_L1, u"≤ "},
        {"exclusiveMaximum"_L1, u"< "},
        {"minLength"_L1, u"min length "},
        {"maxLength"_L1, u"max length "},
        {"minItems"_L1, u"min items "},
        {"maxItems"_L1, u"max items "},
    };
    for (const auto &bound : bounds) {
        if (schema.value(bound.key).isDouble())
            details.append(bound.words.toString() + valueText(schema.value(bound.key)));
    }
    if (schema.value("pattern"_L1).isString())
        details.append(u"pattern: "_s + valueText(schema.value("pattern"_L1)));
    return details;
}

QList<SchemaNode> SchemaOutline::outline(const QJsonObject &schema) {
    if (schema.isEmpty())
        return {};
    Builder builder;
    if (Builder::hasProperties(schema) || schema.value("type"_L1) == "object"_L1)
        return builder.properties(schema, 0);
    return {builder.node(u"(input)"_s, schema, true, 0)};
}

namespace {

void appendText(QString &out, const QList<SchemaNode> &nodes, int indent) {
    for (const SchemaNode &n : nodes) {
        out += QString(indent * 2, u' ') + n.name + u": "_s + n.type;
        if (n.required)
            out += u" (required)"_s;
        if (!n.description.isEmpty())
            out += u" — "_s + n.description;
        if (!n.details.isEmpty())
            out += u" ["_s + n.details.join("; "_L1) + u']';
        out += u'\n';
        appendText(out, n.children, indent + 1);
    }
}

} // namespace

QString SchemaOutline::toText(const QList<SchemaNode> &nodes) {
    QString out;
    appendText(out, nodes, 0);
    return out;
}

} // namespace Tramontane
