// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Tramontane {

//! One property of a JSON Schema, in words: what a person reads to decide whether a tool's
//! input is what it claims to be.
struct SchemaNode {
    QString name; //!< the property name; "[items]" for the items of an array
    QString type; //!< e.g. "string", "array of integer", "string | null", "object"
    bool required = false;
    QString description; //!< the schema's description (untrusted text: show it as plain text)
    QStringList details; //!< constraints in words: "one of: \"a\", \"b\"", "default: 3", …
    QList<SchemaNode> children;

    friend bool operator==(const SchemaNode &, const SchemaNode &) = default;
};

//! Turns an input schema (a JSON Schema object, as in MCP `inputSchema`) into a tree of
//! properties: required properties first, then the others, each group by name. Nested objects
//! and arrays of objects become children; anyOf/oneOf/allOf give a joined type and the union of
//! the object branches' properties. The schema comes from an untrusted server, so depth and the
//! total number of nodes are bounded (deeper levels are cut, and a "…" node says so).
class SchemaOutline final {
public:
    static constexpr int MaxDepth = 8;
    static constexpr int MaxNodes = 2000;

    //! The properties of \a schema (an object schema), or a single node describing a schema
    //! that is not an object (e.g. `{"type": "string"}`). Empty for `{}`.
    static QList<SchemaNode> outline(const QJsonObject &schema);
    //! The type of \a schema in words.
    static QString typeText(const QJsonObject &schema);
    //! The constraints of \a schema in words (enum, const, default, format, bounds, pattern).
    static QStringList detailsText(const QJsonObject &schema);
    //! The outline as indented text, one property per line (for copying and for tests).
    static QString toText(const QList<SchemaNode> &nodes);
};

} // namespace Tramontane
