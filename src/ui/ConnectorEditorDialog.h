// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/auth/OAuthConnectorConfig.h"
#include "core/auth/OAuthTokens.h"
#include "core/auth/SecretStore.h"
#include "core/net/ApiError.h"
#include "core/protocol/Connector.h"
#include "core/services/McpConnectionTest.h"
#include "ui/UnsavedChangesGuard.h"
#include "ui/forms/FormDialog.h"

#include <QDialog>
#include <QList>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QSettings;
class QWidget;

namespace Tramontane {

class ApiJob;
class ConnectorAuthSection;
class ConnectorAuthService;
class MistralAuthSection;
class ConnectorHeadersModel;
class ConnectorService;
class ConnectorSignInDialog;
class OAuthTokenManager;
class OAuthTokenStore;
class SecretStore;
class ToolApprovalStore;

namespace Ui {
class ConnectorEditorDialog;
}

//! Creates a connector, or edits one (PATCH of the changed fields only), in a form: title,
//! name (checked as it is typed and suggested from the title), description, server URL
//! (https, or http on loopback with a warning), visibility, icon URL, system prompt, and HTTP
//! headers whose values can be marked secret.
//!
//! The dialog saves through ConnectorService itself and stays open until the server agreed;
//! errors land next to their field (409 on the name, 422 on the field its `loc` names) and the
//! form keeps what was typed. Secret header values go to the SecretStore under
//! SecretStore::connectorHeaderEntry(id, header) once the connector has an id; when editing,
//! they are shown as "stored" and sent again only when the headers changed (the API replaces
//! them as a whole, and never returns secrets).
//!
//! The Authentication tab says how the connector is signed in to: not at all, with headers
//! (the Headers tab), or with OAuth 2.0 (ConnectorAuthSection: discovered from the server, or
//! entered by hand, or the Google preset). The OAuth settings are kept in the settings under
//! the connector's id, the client secret in the keychain; "Sign In…" runs the browser sign-in
//! (ConnectorSignInDialog); on a new connector the sign-in waits in memory until the first save
//! keeps it under the connector's id (Cancel drops it: nothing reaches the keychain).
//!
//! "Test connection" talks MCP to the server URL from this computer with the headers of the
//! form (McpConnectionTest), before or after saving.
class ConnectorEditorDialog final : public FormDialog, public UnsavedChangesGuard {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectorEditorDialog)

public:
    //! Nothing is owned; \a approvals may be null (then the tools of a test are only listed).
    //! \a connectionTest is taken over (the dialog becomes its parent); \a nam carries OAuth
    //! sign-ins.
    ConnectorEditorDialog(ConnectorService *service, SecretStore *secrets,
                          McpConnectionTest *connectionTest, QNetworkAccessManager *nam,
                          ToolApprovalStore *approvals, QWidget *parent = nullptr);
    ~ConnectorEditorDialog() override;

    //! OAuth: this computer holds the client and the tokens; MistralOAuth: Mistral holds them
    //! (the client data is sent when creating, then Connect signs in through the platform).
    enum class AuthMethod { None, Headers, OAuth, MistralOAuth };

    //! Where OAuth sign-ins keep their state (call before setConnector()); without it the
    //! OAuth choice is kept for this dialog only and "Sign In…" is off.
    void setOAuth(OAuthTokenManager *manager, OAuthTokenStore *tokens, QSettings *settings);
    //! How the browser is opened by a sign-in (tests play the browser).
    void setBrowserOpener(std::function<bool(const QUrl &)> opener) {
        m_browserOpener = std::move(opener);
    }
    AuthMethod authMethod() const;
    ConnectorAuthSection *authSection() const { return m_auth; }
    MistralAuthSection *mistralAuthSection() const { return m_mistral; }
    //! Where Connect and Disconnect go for a connector whose OAuth client Mistral holds.
    void setPlatformAuth(ConnectorAuthService *auth);
    //! The Headers tab's rows (names, values, secret flags).
    ConnectorHeadersModel *headersModel() const { return m_headers; }
    //! Signs the connector in with the OAuth settings of the form (returns the dialog that
    //! shows it, or null when the settings are incomplete). A new connector's sign-in is kept
    //! when it is saved.
    ConnectorSignInDialog *signIn();

    //! Switches to editing \a connector (call before showing the dialog). Reads the stored
    //! secret header values from the SecretStore.
    void setConnector(const Connector &connector);
    bool isEditing() const { return m_original.has_value(); }
    //! The connector as last confirmed by the server (after a successful save), or the one
    //! being edited.
    Connector connector() const;

    //! True when the form differs from what it was loaded with.
    bool hasUnsavedChanges() const;
    //! Asks to save, discard or stay when there are unsaved changes. "Save" starts saving and
    //! returns false: the dialog closes itself once the server agreed.
    bool confirmDiscardChanges() override;
    //! Closes without asking (after confirmDiscardChanges() said yes).
    void discardAndClose();

    //! Checks the form, then creates or updates the connector.
    void save();
    //! From the click on Save (waiting for stored secrets to be read, then the request, then
    //! the keychain writes) until the dialog closes or the server refused.
    bool isSaving() const { return isBusy(); }
    //! Starts a connection test with the URL and headers of the form.
    void testConnection();
    McpConnectionTest *connectionTest() const { return m_test; }

    //! What would be sent now (for tests and for the page): the create request, or the update
    //! request of the changed fields. Unset when the form has an error (shown on its field).
    std::optional<ConnectorCreateRequest> createRequest();
    std::optional<ConnectorUpdateRequest> updateRequest();

public Q_SLOTS:
    void reject() override;

Q_SIGNALS:
    //! The server confirmed the connector (created or updated); the dialog then closes.
    void saved(const Tramontane::Connector &connector);
    //! A secret header value could not be written to (or removed from) the keychain.
    void secretStorageFailed(const QString &message);
    void connectionTested(const Tramontane::McpConnectionReport &report);

private:
    struct Snapshot {
        QString title, name, description, server, visibility, iconUrl, systemPrompt;
        QList<ConnectorHeader> headers;
        int authMethod = 0;
        OAuthConnectorConfig oauth;
        bool oauthSecretTyped = false;
        QString mistral;
        bool operator==(const Snapshot &) const = default;
    };

    void setupVisibility();
    void onSecretsRead();
    void setupHeaders();
    void addHeader();
    void removeSelectedHeader();
    void onTitleEdited(const QString &title);
    void validateNameLive();
    void validateServerLive();
    Snapshot snapshot() const;
    bool headersChanged() const;
    //! The headers with the values to send (typed, else from the keychain).
    QList<ConnectorHeader> effectiveHeaders() const;

    void clearErrors();
    void showGeneralError(const QString &message);
    bool validateForm();
    void applyServerError(const ApiError &error);
    void onSaved(const Connector &connector);
    void storeSecrets(const Connector &connector);
    void finishSave();
    void onTestFinished(const McpConnectionReport &report);
    void showTestTools();
    void updateAuthUi();
    void updateSignInState();
    void storeOAuth(const Connector &connector,
                    const std::function<void(const SecretStore::Result &)> &done);

    std::unique_ptr<Ui::ConnectorEditorDialog> m_ui;
    QPointer<ConnectorService> m_service;
    QPointer<SecretStore> m_secrets;
    ToolApprovalStore *m_approvals;
    McpConnectionTest *m_test;
    std::optional<Connector> m_original;
    Connector m_saved;
    ConnectorHeadersModel *m_headers;
    Snapshot m_initial;
    QPointer<ApiJob> m_saveJob;
    int m_pendingSecretWrites = 0;
    QStringList m_secretErrors;
    //! Keychain reads still running; a test or save asked meanwhile waits for them.
    int m_pendingSecretReads = 0;
    bool m_testWhenRead = false;
    bool m_saveWhenRead = false;
    bool m_nameEdited = false;
    bool m_triedSave = false;
    McpConnectionReport m_lastTest;
    QNetworkAccessManager *m_nam;
    ConnectorAuthSection *m_auth;
    MistralAuthSection *m_mistral;
    QPointer<OAuthTokenManager> m_oauthManager;
    QPointer<OAuthTokenStore> m_oauthTokens;
    QSettings *m_settings = nullptr;
    bool m_hadOAuth = false;
    std::optional<OAuthTokens> m_pendingTokens; //!< signed in before the first save
    std::function<bool(const QUrl &)> m_browserOpener;
};

} // namespace Tramontane
