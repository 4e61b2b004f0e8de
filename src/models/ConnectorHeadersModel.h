// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/Connector.h"

#include <QAbstractTableModel>
#include <QList>

namespace Tramontane {

//! The HTTP headers of a connector being edited, one row each: name, value, and whether the
//! value is secret. A secret value is never shown (DisplayRole masks it; only EditRole, for
//! the editor, gives it back) and never logged.
//!
//! A header loaded from the server keeps where it came from: its value is "stored" (the server
//! never returns secret values; this computer may have kept it in the keychain, see
//! setKeychainValue()), and a per-user credential the connector declares (not global) has a
//! fixed name and is never sent to the server. The columns are editable in place; the secret
//! column is a check box (Qt::CheckStateRole).
class ConnectorHeadersModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectorHeadersModel)

public:
    enum Column { NameColumn, ValueColumn, SecretColumn, ColumnCount };

    //! The first thing wrong with the headers, and where (row -1: nothing).
    struct Problem {
        int row = -1;
        int column = NameColumn;
        QString message;
        bool isEmpty() const { return row < 0; }
    };

    explicit ConnectorHeadersModel(QObject *parent = nullptr);

    //! Replaces the rows with the headers of a saved connector: their values are stored, not
    //! shown (a secret one or a per-user credential), and typing one replaces it.
    void setStoredHeaders(const QList<ConnectorHeader> &headers);
    //! Appends a new, empty header (secret by default); returns its row.
    int addHeader();
    //! Removes row \a row; a per-user credential the connector declares cannot be removed.
    bool removeHeader(int row);
    bool isRemovable(int row) const;
    //! The value kept in this computer's keychain for the stored header \a originalName: used
    //! (for a test, or sent again) when no value is typed; never shown.
    void setKeychainValue(const QString &originalName, const QString &value);

    //! The rows as typed (an untouched stored value is empty).
    QList<ConnectorHeader> headers() const;
    //! The headers to send or test with: names trimmed, values as typed or else as the
    //! keychain kept them. Secret values are given to the log redactor.
    QList<ConnectorHeader> effectiveHeaders() const;
    //! The names of the headers whose values are secret (trimmed), and for each row whether a
    //! value was typed.
    struct SecretValue {
        QString name;
        QString typedValue; //!< empty: unchanged (the keychain has it, or never had it)
    };
    QList<SecretValue> secretValues() const;

    //! Checks the names (empty, invalid characters, listed twice) and the values (invalid
    //! characters; missing when \a valuesNeeded: the headers are sent). Per-user credentials
    //! have only their value checked.
    Problem firstProblem(bool valuesNeeded) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    //! What a masked value shows instead of its characters (as many whatever its length).
    static QString mask();

private:
    struct Row {
        QString name;
        QString value; //!< as typed; empty for a stored value not replaced
        bool secret = true;
        bool global = true;   //!< false: a per-user credential the connector declares
        bool stored = false;  //!< the server holds the value (and maybe the keychain)
        QString originalName; //!< the name it was loaded with (its keychain entry)
        bool originalSecret = true;
        QString keychainValue; //!< read from the keychain, never displayed
    };

    QString placeholder(const Row &row, int column) const;

    QList<Row> m_rows;
};

} // namespace Tramontane
