// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/Connector.h"
#include "core/protocol/McpTool.h"
#include "core/services/McpConnectionTest.h"
#include "ui/ApiAvailability.h"
#include "ui/UnsavedChangesGuard.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QMessageBox;
class QNetworkAccessManager;
class QSettings;
class QSortFilterProxyModel;

namespace Tramontane {

class ApiJob;
class ConnectorEditorDialog;
class ConnectorListModel;
class ConnectorService;
class ConnectorSignInDialog;
class ConnectorAuthService;
class PlatformConnect;
class OAuthTokenManager;
class OAuthTokenStore;
class ConnectorToolsDialog;
class SecretStore;
class ToolApprovalStore;

namespace Ui {
class ConnectorsPage;
}

//! The connector manager: the account's connectors in a sortable, filterable table (paged
//! through the API's cursor), the selected connector's details, and actions to create, edit,
//! delete (after confirmation; the row goes once the server agreed), test the connection from
//! this computer, read and approve the tools, and use the connector in a chat.
//!
//! "Use in chat" first makes sure the user read every tool's current definition (MCP servers
//! are untrusted): if a tool is new or changed since it was approved, the tools view opens
//! for review; useInChatRequested() is emitted once everything is approved.
class ConnectorsPage final : public QWidget, public UnsavedChangesGuard {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectorsPage)

public:
    //! Nothing is owned; \a model must be a model over \a service. \a connectionTests makes the
    //! connection tests of the page and its editors; \a nam carries OAuth sign-ins. \a secrets
    //! and \a approvals may be null (then secret values are not kept and tools cannot be
    //! approved).
    ConnectorsPage(ConnectorService *service, ConnectorListModel *model,
                   McpConnectionTest::Factory connectionTests, QNetworkAccessManager *nam,
                   SecretStore *secrets, ToolApprovalStore *approvals, QWidget *parent = nullptr);
    ~ConnectorsPage() override;

    //! The selected connector, if any.
    std::optional<Connector> currentConnector() const;
    //! Selects the connector with this id; false if it is not in the table (or filtered out).
    bool selectConnector(const QString &connectorId);

    //! Reloads the table from the first page.
    void refresh();
    //! Opens the editor for a new connector (\a connector unset) or to edit one. The dialog
    //! is window-modal, deletes itself when closed, and is returned for tests.
    ConnectorEditorDialog *openEditor(const std::optional<Connector> &connector = std::nullopt);
    //! Asks to delete the selected connector (a message box, returned for tests).
    QMessageBox *deleteSelected();
    //! Tests the selected connector's server from this computer.
    void testSelected();
    //! Opens the tools view of the selected connector (returned for tests).
    ConnectorToolsDialog *showToolsOfSelected();
    //! Uses the selected connector in a chat, after the review of its tools if needed.
    void useSelectedInChat();

    //! The open editor, if any.
    ConnectorEditorDialog *editor() const { return m_editor; }
    //! The last connection test of the connector with this id, if one ran.
    std::optional<McpConnectionReport> lastTest(const QString &connectorId) const;

    bool confirmDiscardChanges() override;

    //! Where OAuth sign-ins keep their state; without it no connector offers a sign-in.
    void setOAuth(OAuthTokenManager *manager, OAuthTokenStore *tokens, QSettings *settings);
    //! How a sign-in opens the browser (tests play the browser).
    void setBrowserOpener(std::function<bool(const QUrl &)> opener) {
        m_browserOpener = std::move(opener);
    }
    //! True when \a connector is signed in to with OAuth from this computer: it has OAuth
    //! settings here, or it is the built-in Gmail connector (Google preset).
    bool usesOAuth(const Connector &connector) const;
    //! Signs the selected connector in (the dialog that shows it, or null). A connector whose
    //! OAuth client Mistral holds is connected instead (see connectSelected()).
    ConnectorSignInDialog *signInSelected();
    //! Revokes and forgets the selected connector's tokens, or, when Mistral holds them,
    //! deletes the user's credentials on the server.
    void signOutSelected();
    //! Connects the selected connector whose OAuth client Mistral holds (the running
    //! connection, or null).
    PlatformConnect *connectSelected();
    //! The connector authentication endpoints (Connect, Disconnect).
    ConnectorAuthService *platformAuth() const { return m_platformAuth; }
    //! The sign-in state shown for the selected connector.
    QString signInStateText() const;

    //! Whether the API may be asked (Ready by default): the page loads nothing before it is
    //! Ready, and without a key says that one is needed and offers the settings.
    void setApiAvailability(ApiAvailability availability);

Q_SIGNALS:
    //! The user wants \a connector's tools offered in the chat (the tools were reviewed).
    void useInChatRequested(const Tramontane::Connector &connector);
    //! A short message for the main window's status bar.
    void statusMessage(const QString &text);
    //! "Open Settings…" (shown when an API key is needed).
    void settingsRequested();

protected:
    void showEvent(QShowEvent *event) override;
    //! A new language: the form's words (status lines change with their next update).
    void changeEvent(QEvent *event) override;

private:
    void updateActions();
    void updateDetails();
    void updateFooter();
    //! How a status line is shown: progress and errors stay on the page; what is done is also
    //! sent to the main window (which keeps it for a while: progress would outlive its work).
    enum class StatusKind { Done, Progress, Error };
    void showStatus(const QString &text, StatusKind kind = StatusKind::Done);
    void showTestReport(const McpConnectionReport &report);
    void onTestFinished(const McpConnectionReport &report);
    //! Reads the values of \a connector's secret headers from the keychain, then calls \a done
    //! with every header (the secret ones with the value kept here, or empty).
    void collectHeaders(const Connector &connector,
                        std::function<void(const QList<ConnectorHeader> &)> done);
    ConnectorToolsDialog *openToolsDialog(const Connector &connector, bool forChat);
    void forgetSecrets(const Connector &connector);
    void updateSignInState(const Connector &connector);
    //! The state column's words for a connector signed in to from this computer.
    std::optional<QString> clientSignInState(const Connector &connector) const;
    void showMistralState(const Connector &connector);

    std::unique_ptr<Ui::ConnectorsPage> m_ui;
    QPointer<ConnectorService> m_service;
    ConnectorListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    McpConnectionTest::Factory m_connectionTests;
    QNetworkAccessManager *m_nam;
    QPointer<SecretStore> m_secrets;
    QPointer<ToolApprovalStore> m_approvals;
    McpConnectionTest *m_test;
    QString m_testingConnectorId;
    QHash<QString, McpConnectionReport> m_tests;
    //! The scope a connector's server asked for in its last test (403 insufficient_scope): the
    //! next sign-in asks for it too.
    QHash<QString, QString> m_missingScopes;
    QHash<QString, QString> m_testedScopes; //!< the scope granted when it was tested
    QHash<QString, QList<McpTool>> m_tools;
    QPointer<ConnectorEditorDialog> m_editor;
    QPointer<ConnectorToolsDialog> m_toolsDialog;
    QPointer<ApiJob> m_deleteJob;
    QPointer<ApiJob> m_toolsJob;
    QString m_lastSelectedId;
    ApiAvailability m_api = ApiAvailability::Ready;
    QPointer<OAuthTokenManager> m_oauthManager;
    QPointer<OAuthTokenStore> m_oauthTokens;
    QSettings *m_settings = nullptr;
    std::function<bool(const QUrl &)> m_browserOpener;
    ConnectorAuthService *m_platformAuth;
    QPointer<PlatformConnect> m_platformConnect;
};

} // namespace Tramontane
