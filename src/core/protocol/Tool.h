// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Tramontane {

//! Which tools of a built-in or connector tool set the model may use (`ToolConfiguration`).
//! Use either include or exclude, not both.
struct ToolConfiguration {
    std::optional<QStringList> include;
    std::optional<QStringList> exclude;
    std::optional<QStringList> requiresConfirmation; //!< `requires_confirmation`

    static ToolConfiguration fromJson(const QJsonObject &json);
    //! Only the lists that are set.
    QJsonObject toJson() const;
    bool isEmpty() const { return !include && !exclude && !requiresConfirmation; }

    friend bool operator==(const ToolConfiguration &a, const ToolConfiguration &b) {
        return a.include == b.include && a.exclude == b.exclude
               && a.requiresConfirmation == b.requiresConfirmation;
    }
};

//! A per-request credential for a connector tool (`OAuth2TokenAuth` / `APIKeyAuth`).
//! `value` is a secret: never log it, nor the JSON of a tool that carries it.
struct ConnectorAuthorization {
    QString type; //!< "oauth2-token" or "api-key"
    QString value;

    static ConnectorAuthorization oauth2Token(const QString &token);
    static ConnectorAuthorization apiKey(const QString &key);

    static ConnectorAuthorization fromJson(const QJsonObject &json);
    QJsonObject toJson() const;

    friend bool operator==(const ConnectorAuthorization &a, const ConnectorAuthorization &b) {
        return a.type == b.type && a.value == b.value;
    }
};

//! One entry of a request's or an agent's `tools` (discriminated by `type`): a client-side
//! function, a hosted built-in tool, or an MCP connector. Only the fields of the tool's own type
//! are meaningful. A tool of an unknown type keeps its JSON in `raw` and is written back as is.
struct Tool {
    enum class Type {
        Function,
        WebSearch,
        WebSearchPremium,
        CodeInterpreter,
        ImageGeneration,
        DocumentLibrary,
        Connector,
        Unknown,
    };

    Type type = Type::Function;

    //! Function: `function.name`, `.description`, `.parameters` (a JSON schema), `.strict`.
    QString name;
    std::optional<QString> description;
    QJsonObject parameters;
    std::optional<bool> strict;

    //! DocumentLibrary: the library ids.
    QStringList libraryIds;

    //! Connector: the connector's name or id, and an optional per-request credential.
    QString connectorId;
    std::optional<ConnectorAuthorization> authorization;

    //! Every type but Function (and Unknown).
    std::optional<ToolConfiguration> toolConfiguration;

    //! Unknown: the tool as received.
    QJsonObject raw;

    static Tool function(const QString &name, const QString &description,
                         const QJsonObject &parameters);
    //! A built-in tool without configuration (web_search, code_interpreter, image_generation…).
    static Tool builtIn(Type type);
    static Tool documentLibrary(const QStringList &libraryIds);
    static Tool connector(const QString &connectorId,
                          const std::optional<ConnectorAuthorization> &authorization = {});

    //! An unknown or malformed entry becomes an Unknown tool that keeps the object.
    static Tool fromJson(const QJsonObject &json);
    //! The request shape; only set optionals are written.
    QJsonObject toJson() const;

    //! The wire name of a type ("function", "web_search", …; empty for Unknown).
    static QString typeName(Type type);
    static Type typeFromName(const QString &name);
    //! The wire type of this tool (for Unknown, the `type` found in raw).
    QString typeString() const;

    //! True for the hosted tools (everything but Function, Connector and Unknown).
    bool isBuiltIn() const;

    //! Whether both entries stand for the same tool, so a list needs only one of them: same
    //! type, and for connectors the same connector_id, for functions the same name, for
    //! unknown tools the same JSON. Configuration and credentials are not compared.
    bool isSameTool(const Tool &other) const;

    friend bool operator==(const Tool &a, const Tool &b) { return a.toJson() == b.toJson(); }
};

//! The list without later duplicates (see Tool::isSameTool()); the first entry wins and the
//! order is kept.
QList<Tool> deduplicateTools(const QList<Tool> &tools);
QJsonArray toolsToJson(const QList<Tool> &tools);
//! Reads a `tools` array, skipping non-object items.
QList<Tool> toolsFromJson(const QJsonArray &json);

} // namespace Tramontane
