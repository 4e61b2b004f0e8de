// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

class QSettings;

namespace Tramontane {

struct ConnectorTool;
struct McpTool;

//! Remembers which definition of each connector tool the user has read and approved, so that a
//! tool whose name, description or input schema changed afterwards is flagged before it is
//! used again. MCP servers are untrusted: a server can change a tool's description (the text
//! the model reads) at any time.
//!
//! What is kept is a fingerprint per (connector id, tool name): the SHA-256 of the canonical
//! JSON of `{"name", "description", "inputSchema"}`. Fingerprints are not secrets; they live in
//! the QSettings given to the constructor, under the group "ToolApprovals". The tool picker of
//! the chat page queries the same store.
class ToolApprovalStore final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ToolApprovalStore)

public:
    //! How a tool's current definition compares with what the user approved.
    enum class State {
        Unreviewed, //!< never approved (a new tool, or a new connector)
        Approved,   //!< the definition is the one the user approved
        Changed,    //!< approved once, but its definition changed since
    };
    Q_ENUM(State)

    //! \a settings is not owned and must outlive the store.
    explicit ToolApprovalStore(QSettings *settings, QObject *parent = nullptr);
    ~ToolApprovalStore() override;

    //! JSON with object keys sorted at every level and no white space: equal values give equal
    //! bytes, whatever the order the server sent the keys in.
    static QByteArray canonicalJson(const QJsonValue &value);
    //! The object that is fingerprinted: name, description ("" when absent) and input schema
    //! ({} when absent).
    static QJsonObject definition(const QString &name, const QString &description,
                                  const QJsonObject &inputSchema);
    //! Hex SHA-256 of the canonical JSON of definition(). The same tool gives the same
    //! fingerprint whether it came from `tools/list` of the server (McpTool) or from the
    //! connector object of the API (ConnectorTool, whose schema is `jsonschema`).
    static QByteArray fingerprint(const McpTool &tool);
    static QByteArray fingerprint(const ConnectorTool &tool);
    static QByteArray fingerprint(const QString &name, const QString &description,
                                  const QJsonObject &inputSchema);

    State state(const QString &connectorId, const QString &toolName,
                const QByteArray &fingerprint) const;
    State state(const QString &connectorId, const McpTool &tool) const;
    State state(const QString &connectorId, const ConnectorTool &tool) const;
    //! Changed if any tool changed, else Unreviewed if any is unreviewed, else Approved.
    //! An empty list is Approved (there is nothing to review).
    State summary(const QString &connectorId, const QList<McpTool> &tools) const;
    State summary(const QString &connectorId, const QList<ConnectorTool> &tools) const;

    //! Records the current definition of \a tool as approved.
    void approve(const QString &connectorId, const McpTool &tool);
    //! Approves every tool of the list and forgets approvals of tools no longer in it.
    void approveAll(const QString &connectorId, const QList<McpTool> &tools);
    //! Forgets the approval of one tool.
    void revoke(const QString &connectorId, const QString &toolName);
    //! Forgets everything about a connector (when it is deleted).
    void forgetConnector(const QString &connectorId);

    //! Names of the tools with a recorded approval (whatever their current definition).
    QStringList approvedToolNames(const QString &connectorId) const;
    //! The fingerprint recorded for a tool, or empty.
    QByteArray approvedFingerprint(const QString &connectorId, const QString &toolName) const;

Q_SIGNALS:
    //! An approval of \a connectorId was recorded or forgotten.
    void approvalsChanged(const QString &connectorId);

private:
    QString keyFor(const QString &connectorId, const QString &toolName) const;
    QString groupFor(const QString &connectorId) const;

    QSettings *m_settings;
};

} // namespace Tramontane
