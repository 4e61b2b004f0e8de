// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/ToolChoiceModel.h"

#include "models/Roles.h"

#include <QCoreApplication>

#include <functional>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

QString builtInTitle(Tool::Type type) {
    switch (type) {
    case Tool::Type::ImageGeneration:
        return QCoreApplication::translate("ToolChoiceModel", "Image generation");
    case Tool::Type::WebSearch:
        return QCoreApplication::translate("ToolChoiceModel", "Web search");
    case Tool::Type::WebSearchPremium:
        return QCoreApplication::translate("ToolChoiceModel", "Web search (premium)");
    case Tool::Type::CodeInterpreter:
        return QCoreApplication::translate("ToolChoiceModel", "Code interpreter");
    case Tool::Type::DocumentLibrary:
        return QCoreApplication::translate("ToolChoiceModel", "Document library");
    case Tool::Type::Function:
    case Tool::Type::Connector:
    case Tool::Type::Unknown:
        break;
    }
    return {};
}

QString builtInDescription(Tool::Type type) {
    switch (type) {
    case Tool::Type::ImageGeneration:
        return QCoreApplication::translate("ToolChoiceModel", "Draws pictures from a description.");
    case Tool::Type::WebSearch:
        return QCoreApplication::translate("ToolChoiceModel", "Searches the web.");
    case Tool::Type::WebSearchPremium:
        return QCoreApplication::translate("ToolChoiceModel",
                                           "Searches the web and news agencies' sources.");
    case Tool::Type::CodeInterpreter:
        return QCoreApplication::translate("ToolChoiceModel", "Runs code in a sandbox.");
    case Tool::Type::DocumentLibrary:
        return QCoreApplication::translate("ToolChoiceModel",
                                           "Searches the document libraries you name.");
    case Tool::Type::Function:
    case Tool::Type::Connector:
    case Tool::Type::Unknown:
        break;
    }
    return {};
}

const Connector *findConnector(const QList<Connector> &connectors, const QString &key) {
    for (const Connector &c : connectors) {
        if (c.id.compare(key, Qt::CaseInsensitive) == 0)
            return &c;
    }
    for (const Connector &c : connectors) {
        if (c.name == key)
            return &c;
    }
    return nullptr;
}

} // namespace

ToolChoiceModel::ToolChoiceModel(QObject *parent)
    : QAbstractListModel(parent)
    , m_builtInTypes(allBuiltInTypes()) {
    rebuild({});
}

ToolChoiceModel::~ToolChoiceModel() = default;

QList<Tool::Type> ToolChoiceModel::allBuiltInTypes() {
    return {Tool::Type::ImageGeneration, Tool::Type::WebSearch, Tool::Type::WebSearchPremium,
            Tool::Type::CodeInterpreter, Tool::Type::DocumentLibrary};
}

void ToolChoiceModel::setBuiltInTypes(const QList<Tool::Type> &types) {
    QList<Tool::Type> offered;
    for (Tool::Type type : types) {
        if (Tool::builtIn(type).isBuiltIn() && !offered.contains(type))
            offered.append(type);
    }
    const QList<Tool> selected = selection();
    m_builtInTypes = offered;
    rebuild(selected);
}

void ToolChoiceModel::setConnectors(const QList<Connector> &connectors) {
    const QList<Tool> selected = selection();
    m_connectors = connectors;
    rebuild(selected);
}

void ToolChoiceModel::setSelection(const QList<Tool> &tools) {
    rebuild(deduplicateTools(tools));
    Q_EMIT selectionChanged();
}

void ToolChoiceModel::clearSelection() {
    setSelection({});
}

QList<Tool> ToolChoiceModel::selection() const {
    QList<Tool> tools;
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).checked)
            tools.append(toolAt(int(i)));
    }
    tools.append(m_extraTools);
    return deduplicateTools(tools);
}

// Rows: the offered built-ins, the account's connectors, then the selected connectors the
// account lacks. Everything else selected is kept aside.
void ToolChoiceModel::rebuild(const QList<Tool> &selected) {
    beginResetModel();
    QList<Tool> pending = selected;
    auto take = [&pending](const std::function<bool(const Tool &)> &match) -> std::optional<Tool> {
        for (qsizetype i = 0; i < pending.size(); ++i) {
            if (match(pending.at(i)))
                return pending.takeAt(i);
        }
        return std::nullopt;
    };

    QList<Row> rows;
    for (Tool::Type type : std::as_const(m_builtInTypes)) {
        Row row;
        row.tool = Tool::builtIn(type);
        if (auto tool = take([type](const Tool &t) { return t.type == type; })) {
            row.tool = *tool;
            row.checked = true;
        } else {
            // Keep the library ids typed before, even while unchecked.
            for (const Row &old : std::as_const(m_rows)) {
                if (old.tool.type == type)
                    row.tool.libraryIds = old.tool.libraryIds;
            }
        }
        rows.append(row);
    }
    for (const Connector &connector : std::as_const(m_connectors)) {
        Row row;
        row.connector = connector;
        row.tool = Tool::connector(connector.id);
        if (auto tool = take([&connector](const Tool &t) {
                return t.type == Tool::Type::Connector
                       && (t.connectorId.compare(connector.id, Qt::CaseInsensitive) == 0
                           || t.connectorId == connector.name);
            })) {
            row.tool = *tool;
            row.checked = true;
        }
        // Drop later entries naming the same connector the other way (name vs id).
        while (take([&connector](const Tool &t) {
            return t.type == Tool::Type::Connector
                   && (t.connectorId.compare(connector.id, Qt::CaseInsensitive) == 0
                       || t.connectorId == connector.name);
        })) {
        }
        rows.append(row);
    }
    QList<Tool> extra;
    for (const Tool &tool : std::as_const(pending)) {
        if (tool.type == Tool::Type::Connector) {
            Row row;
            row.tool = tool;
            row.checked = true;
            row.missing = true;
            rows.append(row);
        } else {
            extra.append(tool);
        }
    }
    m_rows = rows;
    m_extraTools = extra;
    endResetModel();
}

int ToolChoiceModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

bool ToolChoiceModel::authNeeded(const Row &row) const {
    if (!row.connector || !connectorNeedsAuthorization(*row.connector))
        return false;
    if (row.tool.authorization)
        return false;
    for (const QString &key : m_credentialKeys) {
        if (rowMatchesConnectorKey(row, key))
            return false;
    }
    return true;
}

bool ToolChoiceModel::rowMatchesConnectorKey(const Row &row, const QString &key) const {
    if (row.tool.type != Tool::Type::Connector)
        return false;
    if (row.tool.connectorId.compare(key, Qt::CaseInsensitive) == 0)
        return true;
    return row.connector
           && (row.connector->id.compare(key, Qt::CaseInsensitive) == 0
               || row.connector->name == key);
}

QVariant ToolChoiceModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const bool isConnector = row.tool.type == Tool::Type::Connector;
    switch (role) {
    case Qt::DisplayRole: {
        const QString title = displayName(row.tool, m_connectors);
        if (row.missing)
            return tr("%1 (not found)").arg(title);
        if (authNeeded(row))
            return tr("%1 (needs authorization)").arg(title);
        return title;
    }
    case Qt::ToolTipRole: {
        QStringList lines;
        if (!row.error.isEmpty())
            lines << row.error;
        if (row.missing) {
            lines << tr("This account has no connector “%1”.").arg(row.tool.connectorId);
        } else if (row.connector) {
            lines << row.connector->description;
            if (authNeeded(row))
                lines << tr("Its tools need you to sign in or to give a credential.");
        } else {
            lines << builtInDescription(row.tool.type);
        }
        lines.removeAll(QString());
        return lines.join(u'\n');
    }
    case Qt::CheckStateRole:
        return row.checked ? Qt::Checked : Qt::Unchecked;
    case Roles::ToolTypeRole:
        return row.tool.typeString();
    case Roles::ToolObjectRole:
        return QVariant::fromValue(toolAt(index.row()));
    case Roles::ToolConnectorIdRole:
        return isConnector ? (row.connector ? row.connector->id : row.tool.connectorId) : QString();
    case Roles::ToolBuiltInRole:
        return row.tool.isBuiltIn();
    case Roles::ToolAuthNeededRole:
        return authNeeded(row);
    case Roles::ToolHasCredentialRole: {
        for (const QString &key : m_credentialKeys) {
            if (rowMatchesConnectorKey(row, key))
                return true;
        }
        return false;
    }
    case Roles::ToolMissingRole:
        return row.missing;
    case Roles::ToolErrorRole:
        return row.error;
    case Roles::ToolLibraryIdsRole:
        return row.tool.libraryIds;
    default:
        return {};
    }
}

bool ToolChoiceModel::setData(const QModelIndex &index, const QVariant &value, int role) {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    Row &row = m_rows[index.row()];
    if (role == Qt::CheckStateRole) {
        const bool checked = value.toInt() == Qt::Checked;
        if (row.checked == checked)
            return true;
        row.checked = checked;
        Q_EMIT dataChanged(index, index,
                           {Qt::CheckStateRole, Roles::ToolObjectRole, Qt::DisplayRole});
        Q_EMIT selectionChanged();
        return true;
    }
    if (role == Roles::ToolLibraryIdsRole && row.tool.type == Tool::Type::DocumentLibrary) {
        QStringList ids;
        for (const QString &id : value.toStringList()) {
            const QString trimmed = id.trimmed();
            if (!trimmed.isEmpty() && !ids.contains(trimmed))
                ids.append(trimmed);
        }
        if (ids == row.tool.libraryIds)
            return true;
        row.tool.libraryIds = ids;
        Q_EMIT dataChanged(index, index, {Roles::ToolLibraryIdsRole, Roles::ToolObjectRole});
        if (row.checked)
            Q_EMIT selectionChanged();
        return true;
    }
    return false;
}

Qt::ItemFlags ToolChoiceModel::flags(const QModelIndex &index) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable
           | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> ToolChoiceModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(Roles::ToolTypeRole, "toolType");
    names.insert(Roles::ToolObjectRole, "tool");
    names.insert(Roles::ToolConnectorIdRole, "connectorId");
    names.insert(Roles::ToolBuiltInRole, "builtIn");
    names.insert(Roles::ToolAuthNeededRole, "authNeeded");
    names.insert(Roles::ToolHasCredentialRole, "hasCredential");
    names.insert(Roles::ToolMissingRole, "missing");
    names.insert(Roles::ToolErrorRole, "error");
    names.insert(Roles::ToolLibraryIdsRole, "libraryIds");
    return names;
}

bool ToolChoiceModel::isChecked(int row) const {
    return row >= 0 && row < m_rows.size() && m_rows.at(row).checked;
}

void ToolChoiceModel::setChecked(int row, bool checked) {
    if (row >= 0 && row < m_rows.size())
        setData(index(row), checked ? Qt::Checked : Qt::Unchecked, Qt::CheckStateRole);
}

Tool ToolChoiceModel::toolAt(int row) const {
    if (row < 0 || row >= m_rows.size())
        return {};
    return m_rows.at(row).tool;
}

std::optional<Connector> ToolChoiceModel::connectorAt(int row) const {
    if (row < 0 || row >= m_rows.size())
        return std::nullopt;
    return m_rows.at(row).connector;
}

int ToolChoiceModel::rowOfBuiltIn(Tool::Type type) const {
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).tool.type == type && m_rows.at(i).tool.isBuiltIn())
            return int(i);
    }
    return -1;
}

int ToolChoiceModel::rowOfConnector(const QString &idOrName) const {
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (rowMatchesConnectorKey(m_rows.at(i), idOrName))
            return int(i);
    }
    return -1;
}

void ToolChoiceModel::setHasCredential(const QString &connectorIdOrName, bool has) {
    const bool had = m_credentialKeys.contains(connectorIdOrName);
    if (had == has)
        return;
    if (has)
        m_credentialKeys.append(connectorIdOrName);
    else
        m_credentialKeys.removeAll(connectorIdOrName);
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (rowMatchesConnectorKey(m_rows.at(i), connectorIdOrName)) {
            const QModelIndex changed = index(int(i));
            Q_EMIT dataChanged(changed, changed,
                               {Qt::DisplayRole, Qt::ToolTipRole, Roles::ToolAuthNeededRole,
                                Roles::ToolHasCredentialRole});
        }
    }
}

void ToolChoiceModel::setRowError(int row, const QString &message) {
    if (row < 0 || row >= m_rows.size() || m_rows.at(row).error == message)
        return;
    m_rows[row].error = message;
    Q_EMIT dataChanged(index(row), index(row), {Roles::ToolErrorRole, Qt::ToolTipRole});
}

void ToolChoiceModel::clearErrors() {
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        setRowError(int(i), QString());
}

QString ToolChoiceModel::displayName(const Tool &tool, const QList<Connector> &connectors) {
    switch (tool.type) {
    case Tool::Type::Connector:
        if (const Connector *c = findConnector(connectors, tool.connectorId))
            return c->displayName();
        return tool.connectorId;
    case Tool::Type::Function:
        return tool.name;
    case Tool::Type::Unknown:
        return tool.typeString();
    case Tool::Type::ImageGeneration:
    case Tool::Type::WebSearch:
    case Tool::Type::WebSearchPremium:
    case Tool::Type::CodeInterpreter:
    case Tool::Type::DocumentLibrary:
        break;
    }
    return builtInTitle(tool.type);
}

bool ToolChoiceModel::connectorNeedsAuthorization(const Connector &connector) {
    if (connector.isAuthenticated.value_or(false) || !connector.supportedAuthMethods)
        return false;
    bool credentialMethod = false;
    for (const QJsonValue &value : *connector.supportedAuthMethods) {
        const QJsonObject method = value.toObject();
        const QString type = method.value("method_type"_L1).toString();
        if (type == "none"_L1 || method.value("has_default_credentials"_L1).toBool())
            return false;
        if (type == "oauth2"_L1 || type == "bearer"_L1)
            credentialMethod = true;
    }
    return credentialMethod;
}

} // namespace Tramontane
