// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ConnectorToolsDialog.h"
#include "ui_ConnectorToolsDialog.h"

#include "core/services/ToolApprovalStore.h"
#include "models/SchemaOutline.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QJsonDocument>
#include <QListWidgetItem>
#include <QTreeWidgetItem>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

constexpr int ToolIndexRole = Qt::UserRole + 1;
constexpr int StateRole = Qt::UserRole + 2;

} // namespace

ConnectorToolsDialog::ConnectorToolsDialog(ToolApprovalStore *approvals, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ConnectorToolsDialog>())
    , m_approvals(approvals) {
    m_ui->setupUi(this);
    m_ui->splitter->setStretchFactor(0, 1);
    m_ui->splitter->setStretchFactor(1, 3);
    QFont title = m_ui->toolTitleLabel->font();
    title.setBold(true);
    title.setPointSizeF(title.pointSizeF() * 1.15);
    m_ui->toolTitleLabel->setFont(title);
    QFont header = m_ui->headerLabel->font();
    header.setBold(true);
    m_ui->headerLabel->setFont(header);
    m_ui->schemaTreeWidget->header()->setStretchLastSection(true);
    m_ui->rawJsonPlainTextEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    connect(m_ui->toolsListWidget, &QListWidget::currentRowChanged, this,
            &ConnectorToolsDialog::showTool);
    connect(m_ui->approvePushButton, &QPushButton::clicked, this,
            &ConnectorToolsDialog::approveCurrent);
    connect(m_ui->approveAllPushButton, &QPushButton::clicked, this,
            &ConnectorToolsDialog::approveAll);
    connect(m_ui->closePushButton, &QPushButton::clicked, this, &QDialog::reject);
    if (m_approvals) {
        connect(m_approvals, &ToolApprovalStore::approvalsChanged, this,
                [this](const QString &connectorId) {
                    if (connectorId == m_connector.id)
                        refreshStates();
                });
    }
    setPurpose(Purpose::Review);
    showTool(-1);
}

ConnectorToolsDialog::~ConnectorToolsDialog() = default;

void ConnectorToolsDialog::setConnector(const Connector &connector) {
    m_connector = connector;
    setWindowTitle(tr("Tools of %1").arg(connector.displayName()));
    QString header = connector.displayName();
    if (connector.server)
        header += u" — "_s + *connector.server;
    m_ui->headerLabel->setText(header);
    refreshStates();
}

void ConnectorToolsDialog::setPurpose(Purpose purpose) {
    m_purpose = purpose;
    m_ui->approveAllPushButton->setText(
        purpose == Purpose::UseInChat ? tr("Approve All and &Use in Chat") : tr("Approve A&ll"));
    updateButtons();
}

void ConnectorToolsDialog::setLoading() {
    m_loaded = false;
    m_tools.clear();
    m_ui->toolsListWidget->clear();
    m_ui->statusLabel->setText(tr("Loading the tools…"));
    showTool(-1);
}

void ConnectorToolsDialog::setError(const QString &message) {
    m_loaded = false;
    m_ui->statusLabel->setText(message);
    updateButtons();
}

void ConnectorToolsDialog::setTools(const QList<McpTool> &tools) {
    m_loaded = true;
    m_tools = tools;
    m_ui->toolsListWidget->clear();
    for (int i = 0; i < m_tools.size(); ++i) {
        auto *item = new QListWidgetItem(m_ui->toolsListWidget);
        item->setData(ToolIndexRole, i);
    }
    refreshStates();
    if (m_tools.isEmpty()) {
        m_ui->statusLabel->setText(tr("The server offers no tools."));
        showTool(-1);
    } else {
        m_ui->toolsListWidget->setCurrentRow(0);
    }
}

QString ConnectorToolsDialog::stateText(int row) const {
    if (row < 0 || row >= m_tools.size() || !m_approvals || m_connector.id.isEmpty())
        return {};
    switch (m_approvals->state(m_connector.id, m_tools.at(row))) {
    case ToolApprovalStore::State::Approved:
        return tr("✓ Approved");
    case ToolApprovalStore::State::Changed:
        return tr("⚠ Changed since you approved it");
    case ToolApprovalStore::State::Unreviewed:
        return tr("Not approved yet");
    }
    return {};
}

void ConnectorToolsDialog::refreshStates() {
    int changed = 0;
    int unreviewed = 0;
    for (int row = 0; row < m_ui->toolsListWidget->count(); ++row) {
        QListWidgetItem *item = m_ui->toolsListWidget->item(row);
        const McpTool &tool = m_tools.at(row);
        QString text = tool.displayTitle();
        if (text != tool.name)
            text += u" ("_s + tool.name + u')';
        auto state = ToolApprovalStore::State::Unreviewed;
        if (m_approvals && !m_connector.id.isEmpty())
            state = m_approvals->state(m_connector.id, tool);
        item->setData(StateRole, int(state));
        QFont font = item->font();
        font.setBold(state == ToolApprovalStore::State::Changed);
        item->setFont(font);
        if (state == ToolApprovalStore::State::Changed) {
            ++changed;
            text = u"⚠ "_s + text;
            item->setToolTip(tr("The server changed this tool since you approved it: read it "
                                "again before approving."));
        } else if (state == ToolApprovalStore::State::Unreviewed) {
            ++unreviewed;
            item->setToolTip(tr("Not approved yet."));
        } else {
            item->setToolTip(tr("Approved."));
        }
        item->setText(text);
    }
    if (!m_tools.isEmpty()) {
        QString status = tr("%n tool(s).", nullptr, int(m_tools.size()));
        if (m_connector.id.isEmpty())
            status += u' ' + tr("Save the connector to approve its tools.");
        else if (changed > 0)
            status += u' ' + tr("%n changed since you approved them.", nullptr, changed);
        else if (unreviewed > 0)
            status += u' ' + tr("%n not approved yet.", nullptr, unreviewed);
        else
            status += u' ' + tr("All approved.");
        m_ui->statusLabel->setText(status);
    }
    m_ui->toolStateLabel->setText(stateText(m_ui->toolsListWidget->currentRow()));
    updateButtons();
}

void ConnectorToolsDialog::showTool(int row) {
    m_ui->schemaTreeWidget->clear();
    if (row < 0 || row >= m_tools.size()) {
        m_ui->toolTitleLabel->clear();
        m_ui->toolStateLabel->clear();
        m_ui->descriptionPlainTextEdit->clear();
        m_ui->rawJsonPlainTextEdit->clear();
        updateButtons();
        return;
    }
    const McpTool &tool = m_tools.at(row);
    QString title = tool.displayTitle();
    if (title != tool.name)
        title += u" ("_s + tool.name + u')';
    m_ui->toolTitleLabel->setText(title);
    m_ui->toolStateLabel->setText(stateText(row));
    m_ui->descriptionPlainTextEdit->setPlainText(tool.description.value_or(QString()).isEmpty()
                                                     ? tr("(no description)")
                                                     : *tool.description);
    const QList<SchemaNode> nodes = SchemaOutline::outline(tool.inputSchema);
    if (nodes.isEmpty()) {
        auto *item = new QTreeWidgetItem(m_ui->schemaTreeWidget);
        item->setText(0, tr("(no input)"));
    } else {
        addSchemaNodes(nullptr, nodes);
    }
    m_ui->schemaTreeWidget->expandAll();
    m_ui->schemaTreeWidget->resizeColumnToContents(0);
    m_ui->schemaTreeWidget->resizeColumnToContents(1);
    m_ui->schemaTreeWidget->resizeColumnToContents(2);
    m_ui->rawJsonPlainTextEdit->setPlainText(
        QString::fromUtf8(QJsonDocument(tool.toJson()).toJson(QJsonDocument::Indented)));
    updateButtons();
}

void ConnectorToolsDialog::addSchemaNodes(QTreeWidgetItem *parent, const QList<SchemaNode> &nodes) {
    for (const SchemaNode &node : nodes) {
        auto *item =
            parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_ui->schemaTreeWidget);
        item->setText(0, node.name);
        item->setText(1, node.type);
        item->setText(2, node.required ? tr("required") : QString());
        QString description = node.description;
        if (!node.details.isEmpty()) {
            if (!description.isEmpty())
                description += u"  "_s;
            description += u'[' + node.details.join("; "_L1) + u']';
        }
        item->setText(3, description);
        // Server text: escaped, so a tooltip never renders (or loads) markup from it.
        if (!description.isEmpty())
            item->setToolTip(3, u"<p style='white-space:pre-wrap'>"_s + description.toHtmlEscaped()
                                    + u"</p>"_s);
        if (node.required) {
            QFont font = item->font(0);
            font.setBold(true);
            item->setFont(0, font);
        }
        addSchemaNodes(item, node.children);
    }
}

QString ConnectorToolsDialog::currentToolName() const {
    const int row = m_ui->toolsListWidget->currentRow();
    return row >= 0 && row < m_tools.size() ? m_tools.at(row).name : QString();
}

bool ConnectorToolsDialog::selectTool(const QString &name) {
    for (int row = 0; row < m_tools.size(); ++row) {
        if (m_tools.at(row).name == name) {
            m_ui->toolsListWidget->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

void ConnectorToolsDialog::approveCurrent() {
    const int row = m_ui->toolsListWidget->currentRow();
    if (!m_approvals || m_connector.id.isEmpty() || row < 0 || row >= m_tools.size())
        return;
    m_approvals->approve(m_connector.id, m_tools.at(row));
}

void ConnectorToolsDialog::approveAll() {
    if (!m_approvals || m_connector.id.isEmpty() || !m_loaded)
        return;
    m_approvals->approveAll(m_connector.id, m_tools);
    if (m_purpose == Purpose::UseInChat) {
        Q_EMIT approvedForChat(m_connector);
        accept();
    }
}

void ConnectorToolsDialog::updateButtons() {
    const bool canApprove = m_approvals && !m_connector.id.isEmpty() && m_loaded;
    const int row = m_ui->toolsListWidget->currentRow();
    const bool currentApproved = row >= 0 && row < m_tools.size() && canApprove
                                 && m_approvals->state(m_connector.id, m_tools.at(row))
                                        == ToolApprovalStore::State::Approved;
    m_ui->approvePushButton->setEnabled(canApprove && row >= 0 && !currentApproved);
    const bool allApproved =
        canApprove
        && m_approvals->summary(m_connector.id, m_tools) == ToolApprovalStore::State::Approved;
    // With nothing left to approve, "Approve all and use in chat" still means "use in chat".
    m_ui->approveAllPushButton->setEnabled(
        canApprove && (m_purpose == Purpose::UseInChat || (!m_tools.isEmpty() && !allApproved)));
    const QString why = m_connector.id.isEmpty() ? tr("Save the connector first.") : QString();
    m_ui->approvePushButton->setToolTip(why.isEmpty() ? tr("Remember this definition: if the "
                                                           "server changes it later, it is "
                                                           "flagged again.")
                                                      : why);
    m_ui->approveAllPushButton->setToolTip(why);
}

} // namespace Tramontane
