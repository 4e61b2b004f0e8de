// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace Tramontane {

//! An MCP tool, as `GET /v1/connectors/{id}/tools` lists them (`MCPTool`) and as an MCP
//! server's `tools/list` returns them. Everything else the object carries (icons, _meta,
//! execution, …) stays in `raw`, and toJson() writes it back.
struct McpTool {
    QString name;
    std::optional<QString> title;
    std::optional<QString> description;
    QJsonObject inputSchema;
    std::optional<QJsonObject> outputSchema;
    //! ToolAnnotations: title, readOnlyHint, destructiveHint, idempotentHint, openWorldHint.
    std::optional<QJsonObject> annotations;
    QJsonObject raw;

    static McpTool fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    //! Accepts the array of the connectors endpoint or a `tools/list` result
    //! (`{"tools":[…]}`); entries without a name are skipped.
    static QList<McpTool> listFromJson(const QJsonValue &json);

    //! title, else annotations.title, else name (the MCP display-name rule).
    QString displayTitle() const;
    //! The annotation hint \a key ("readOnlyHint", …), if given.
    std::optional<bool> hint(const QString &key) const;
};

} // namespace Tramontane
