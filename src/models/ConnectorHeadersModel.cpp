// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/ConnectorHeadersModel.h"

#include "core/net/Redactor.h"
#include "core/services/ConnectorPolicy.h"
#include "models/Roles.h"

using namespace Qt::StringLiterals;

namespace Tramontane {

ConnectorHeadersModel::ConnectorHeadersModel(QObject *parent)
    : QAbstractTableModel(parent) {}

QString ConnectorHeadersModel::mask() {
    return QString(8, QChar(0x2022)); // •
}

void ConnectorHeadersModel::setStoredHeaders(const QList<ConnectorHeader> &headers) {
    beginResetModel();
    m_rows.clear();
    for (const ConnectorHeader &header : headers) {
        Row row;
        row.stored = header.secret || !header.global;
        row.name = header.name;
        row.value = row.stored ? QString() : header.value;
        row.secret = header.secret;
        row.global = header.global;
        row.originalName = row.stored ? header.name : QString();
        row.originalSecret = header.secret;
        m_rows.append(row);
    }
    endResetModel();
}

int ConnectorHeadersModel::addHeader() {
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.append(Row{});
    endInsertRows();
    return row;
}

bool ConnectorHeadersModel::isRemovable(int row) const {
    return row >= 0 && row < m_rows.size() && m_rows.at(row).global;
}

bool ConnectorHeadersModel::removeHeader(int row) {
    if (!isRemovable(row))
        return false;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    return true;
}

void ConnectorHeadersModel::setKeychainValue(const QString &originalName, const QString &value) {
    for (Row &row : m_rows) {
        if (row.originalName == originalName)
            row.keychainValue = value;
    }
}

QList<ConnectorHeader> ConnectorHeadersModel::headers() const {
    QList<ConnectorHeader> headers;
    for (const Row &row : m_rows)
        headers.append({row.name, row.value, row.secret, row.global});
    return headers;
}

QList<ConnectorHeader> ConnectorHeadersModel::effectiveHeaders() const {
    QList<ConnectorHeader> headers;
    for (const Row &row : m_rows) {
        ConnectorHeader header;
        header.name = row.name.trimmed();
        header.secret = row.secret;
        header.global = row.global;
        header.value = row.value;
        if (header.value.isEmpty() && row.stored)
            header.value = row.keychainValue;
        if (header.secret && !header.value.isEmpty())
            Redactor::addSecret(header.value);
        headers.append(header);
    }
    return headers;
}

QList<ConnectorHeadersModel::SecretValue> ConnectorHeadersModel::secretValues() const {
    QList<SecretValue> values;
    for (const Row &row : m_rows) {
        if (row.secret)
            values.append({row.name.trimmed(), row.value});
    }
    return values;
}

ConnectorHeadersModel::Problem ConnectorHeadersModel::firstProblem(bool valuesNeeded) const {
    QStringList seen;
    for (int r = 0; r < m_rows.size(); ++r) {
        const Row &row = m_rows.at(r);
        const QString name = row.name.trimmed();
        if (!row.global) {
            if (const QString e = connectorHeaderValueError(row.value); !e.isEmpty())
                return {r, ValueColumn, e};
            continue;
        }
        QString error = connectorHeaderNameError(name);
        if (error.isEmpty() && seen.contains(name.toLower()))
            error = tr("The header %1 is listed twice.").arg(name);
        if (error.isEmpty())
            error = connectorHeaderValueError(row.value);
        if (error.isEmpty() && valuesNeeded && row.value.isEmpty()) {
            if (row.stored && row.keychainValue.isEmpty())
                error = tr("Type the value of %1 again: the server never returns secret values, "
                           "and this computer has not kept it.")
                            .arg(name);
            else if (!row.stored)
                error = tr("Enter a value for %1.").arg(name);
        }
        if (!error.isEmpty())
            return {r, NameColumn, error};
        seen.append(name.toLower());
    }
    return {};
}

int ConnectorHeadersModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConnectorHeadersModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString ConnectorHeadersModel::placeholder(const Row &row, int column) const {
    if (column == NameColumn)
        return tr("e.g. Authorization");
    if (column != ValueColumn)
        return {};
    if (row.stored && row.originalSecret)
        return tr("•••••• stored (type to replace)");
    return row.secret ? tr("secret value") : tr("value");
}

QVariant ConnectorHeadersModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        if (column == NameColumn)
            return row.name;
        if (column == ValueColumn)
            return row.secret && !row.value.isEmpty() ? mask() : row.value;
        return {};
    case Qt::EditRole:
        if (column == NameColumn)
            return row.name;
        if (column == ValueColumn)
            return row.value;
        return {};
    case Qt::CheckStateRole:
        if (column == SecretColumn)
            return row.secret ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ToolTipRole:
        if (column == SecretColumn) {
            return tr("A secret value is hidden, kept in the system keychain and never shown "
                      "again by the server.");
        }
        if (!row.global) {
            return tr("A credential each user of the connector provides. A value typed here is "
                      "kept in this computer's keychain for the connection test; it is not sent "
                      "to the server.");
        }
        return {};
    case Roles::HeaderPlaceholderRole:
        return placeholder(row, column);
    case Roles::HeaderSecretRole:
        return row.secret;
    default:
        return {};
    }
}

bool ConnectorHeadersModel::setData(const QModelIndex &index, const QVariant &value, int role) {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || !(flags(index) & Qt::ItemIsEnabled))
        return false;
    Row &row = m_rows[index.row()];
    const int column = index.column();
    if (column == SecretColumn && role == Qt::CheckStateRole && row.global) {
        const bool secret = value.value<Qt::CheckState>() == Qt::Checked;
        if (secret == row.secret)
            return true;
        row.secret = secret;
        // The value shows masked or not, and says so when empty.
        Q_EMIT dataChanged(this->index(index.row(), NameColumn),
                           this->index(index.row(), SecretColumn));
        return true;
    }
    if (role != Qt::EditRole)
        return false;
    if (column == NameColumn && row.global) {
        if (row.name == value.toString())
            return true;
        row.name = value.toString();
    } else if (column == ValueColumn) {
        if (row.value == value.toString())
            return true;
        row.value = value.toString();
        if (row.secret && !row.value.isEmpty())
            Redactor::addSecret(row.value);
    } else {
        return false;
    }
    Q_EMIT dataChanged(index, index);
    return true;
}

Qt::ItemFlags ConnectorHeadersModel::flags(const QModelIndex &index) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    const Row &row = m_rows.at(index.row());
    switch (index.column()) {
    case NameColumn:
        // A per-user credential's name is the connector's: fixed, shown disabled.
        return row.global ? Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable
                          : Qt::ItemIsSelectable;
    case ValueColumn:
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
    case SecretColumn:
        return row.global ? Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable
                          : Qt::ItemIsSelectable | Qt::ItemIsUserCheckable;
    default:
        return Qt::NoItemFlags;
    }
}

QVariant ConnectorHeadersModel::headerData(int section, Qt::Orientation orientation,
                                           int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Header");
    case ValueColumn:
        return tr("Value");
    case SecretColumn:
        return tr("Secret");
    default:
        return {};
    }
}

} // namespace Tramontane
