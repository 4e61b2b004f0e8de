// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/Connector.h"
#include "core/protocol/McpTool.h"

#include <QDialog>
#include <QList>

#include <memory>

class QTreeWidgetItem;

namespace Tramontane {

class ToolApprovalStore;
struct SchemaNode;

namespace Ui {
class ConnectorToolsDialog;
}

//! The tools of one connector, each with its full description and its input schema (as a tree
//! of properties with types, required marks and descriptions, and as raw JSON), and whether the
//! user approved its current definition. Everything a server sent is shown as plain text.
//!
//! The dialog does not fetch anything: the page gives it the tools (from the API or from a
//! connection test) with setTools(), or says it is loading or failed.
class ConnectorToolsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectorToolsDialog)

public:
    enum class Purpose {
        Review,    //!< look at the tools and approve them
        UseInChat, //!< the user wants the connector in a chat: approve all, then go on
    };

    //! \a approvals is not owned and may be null (then nothing can be approved).
    explicit ConnectorToolsDialog(ToolApprovalStore *approvals, QWidget *parent = nullptr);
    ~ConnectorToolsDialog() override;

    //! The connector whose tools are shown; without an id (an unsaved connector), tools can be
    //! read but not approved.
    void setConnector(const Connector &connector);
    Connector connector() const { return m_connector; }
    void setPurpose(Purpose purpose);
    Purpose purpose() const { return m_purpose; }

    void setLoading();
    void setTools(const QList<McpTool> &tools);
    void setError(const QString &message);
    QList<McpTool> tools() const { return m_tools; }

    //! Shows the tool named \a name; false if there is none.
    bool selectTool(const QString &name);
    QString currentToolName() const;

Q_SIGNALS:
    //! Purpose::UseInChat: the user approved every tool; the dialog closes after this.
    void approvedForChat(const Tramontane::Connector &connector);

private:
    void showTool(int row);
    void refreshStates();
    void approveCurrent();
    void approveAll();
    void updateButtons();
    void addSchemaNodes(QTreeWidgetItem *parent, const QList<SchemaNode> &nodes);
    QString stateText(int row) const;

    std::unique_ptr<Ui::ConnectorToolsDialog> m_ui;
    ToolApprovalStore *m_approvals;
    Connector m_connector;
    Purpose m_purpose = Purpose::Review;
    QList<McpTool> m_tools;
    bool m_loaded = false;
};

} // namespace Tramontane
