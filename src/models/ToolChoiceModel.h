// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/Connector.h"
#include "core/protocol/Tool.h"

#include <QAbstractListModel>

#include <optional>

namespace Tramontane {

//! The tools a chat or an agent can use, as a checklist: the hosted built-in tools first
//! (image_generation first), then the account's connectors. Each row is checkable; the
//! selection is read and written as the `tools` list of a request or an agent.
//!
//! - A connector a selection names that the account does not have (deleted, or a typo) gets a
//!   row of its own at the end, flagged missing, so it is shown and never dropped silently.
//! - Tools the checklist cannot show (client functions, unknown types, built-ins not offered)
//!   are kept aside and returned by selection() unchanged, after the checked rows.
//! - A connector appears once however the selection names it (by id or by name), and a
//!   checked row keeps the tool as it was set (its configuration and credential).
//! - New connector tools name their connector by id, which survives a rename.
class ToolChoiceModel final : public QAbstractListModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ToolChoiceModel)

public:
    explicit ToolChoiceModel(QObject *parent = nullptr);
    ~ToolChoiceModel() override;

    //! The hosted tools, in the order offered by default: image_generation, web_search,
    //! web_search_premium, code_interpreter, document_library.
    static QList<Tool::Type> allBuiltInTypes();
    //! Which hosted tools to offer, in this order (a chat may offer fewer than an agent).
    void setBuiltInTypes(const QList<Tool::Type> &types);
    QList<Tool::Type> builtInTypes() const { return m_builtInTypes; }

    //! The account's connectors. Checked connectors stay checked.
    void setConnectors(const QList<Connector> &connectors);
    QList<Connector> connectors() const { return m_connectors; }

    //! Checks the rows of \a tools (and only those). Duplicates are dropped.
    void setSelection(const QList<Tool> &tools);
    //! The checked tools in row order, then the tools kept aside; without duplicates.
    QList<Tool> selection() const;
    void clearSelection();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    //! Qt::CheckStateRole checks a row; Roles::ToolLibraryIdsRole sets document libraries.
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    bool isChecked(int row) const;
    void setChecked(int row, bool checked);
    //! The tool a row stands for, as selection() would return it.
    Tool toolAt(int row) const;
    //! The connector of a connector row, when the account has it.
    std::optional<Connector> connectorAt(int row) const;
    //! The row of a hosted tool, or -1 when it is not offered.
    int rowOfBuiltIn(Tool::Type type) const;
    //! The row of a connector, found by id or by name, or -1.
    int rowOfConnector(const QString &idOrName) const;

    //! Marks whether a credential for the connector (by id or name) is stored locally, which
    //! satisfies its need for authorization.
    void setHasCredential(const QString &connectorIdOrName, bool has);
    //! A problem the server reported about a row's tool (shown until cleared).
    void setRowError(int row, const QString &message);
    void clearErrors();

    //! A readable name for a tool: "Image generation", a connector's title, a function's name.
    //! \a connectors resolve connector ids to titles.
    static QString displayName(const Tool &tool, const QList<Connector> &connectors = {});
    //! Whether the connector needs a user credential for its tools (OAuth2 sign-in or a bearer
    //! token) and the server does not report it authenticated.
    static bool connectorNeedsAuthorization(const Connector &connector);

Q_SIGNALS:
    //! The checked set or a checked row's tool changed.
    void selectionChanged();

private:
    struct Row {
        Tool tool;
        bool checked = false;
        std::optional<Connector> connector; //!< connector rows of the account
        bool missing = false;               //!< a selected connector the account lacks
        QString error;
    };

    void rebuild(const QList<Tool> &selected);
    bool rowMatchesConnectorKey(const Row &row, const QString &key) const;
    bool authNeeded(const Row &row) const;

    QList<Tool::Type> m_builtInTypes;
    QList<Connector> m_connectors;
    QList<Row> m_rows;
    QList<Tool> m_extraTools;
    QStringList m_credentialKeys;
};

} // namespace Tramontane
