// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/McpTool.h"

#include "core/protocol/JsonUtil.h"

using namespace Qt::StringLiterals;

namespace Tramontane {

McpTool McpTool::fromJson(const QJsonObject &json) {
    McpTool tool;
    tool.raw = json;
    tool.name = Json::string(json, "name"_L1);
    tool.title = Json::optString(json, "title"_L1);
    tool.description = Json::optString(json, "description"_L1);
    tool.inputSchema = Json::object(json, "inputSchema"_L1);
    tool.outputSchema = Json::optObject(json, "outputSchema"_L1);
    tool.annotations = Json::optObject(json, "annotations"_L1);
    return tool;
}

QJsonObject McpTool::toJson() const {
    QJsonObject json = raw;
    json.insert("name"_L1, name);
    json.insert("inputSchema"_L1, inputSchema);
    Json::insertNullable(json, "title"_L1, title);
    Json::insertNullable(json, "description"_L1, description);
    Json::insertNullable(json, "outputSchema"_L1, outputSchema);
    Json::insertNullable(json, "annotations"_L1, annotations);
    return json;
}

QList<McpTool> McpTool::listFromJson(const QJsonValue &json) {
    const QJsonArray items =
        json.isObject() ? Json::array(json.toObject(), "tools"_L1) : json.toArray();
    QList<McpTool> tools;
    for (const QJsonValue &item : items) {
        if (!item.isObject())
            continue;
        McpTool tool = fromJson(item.toObject());
        if (!tool.name.isEmpty())
            tools.append(std::move(tool));
    }
    return tools;
}

QString McpTool::displayTitle() const {
    if (title && !title->isEmpty())
        return *title;
    if (annotations) {
        const QString annotated = Json::string(*annotations, "title"_L1);
        if (!annotated.isEmpty())
            return annotated;
    }
    return name;
}

std::optional<bool> McpTool::hint(const QString &key) const {
    if (!annotations)
        return std::nullopt;
    const QJsonValue value = annotations->value(key);
    if (!value.isBool())
        return std::nullopt;
    return value.toBool();
}

} // namespace Tramontane
