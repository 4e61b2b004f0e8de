// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ConnectionConfig.h"
#include "core/storage/StoreResult.h"
#include "ui/ApiAvailability.h"
#include "ui/SettingsDialog.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QSettings;

namespace Tramontane {

class AgentListModel;
class AgentsPage;
class AgentService;
class ApiClient;
class ChatController;
class ConnectionCheck;
class ChatPage;
class ChatService;
class ChatSession;
class ChatTargetLoader;
class ChatTargetModel;
class ConversationListModel;
class ConversationModel;
class ConversationPager;
class ConnectorListModel;
class ConnectorService;
class ConnectorsPage;
class ConversationStore;
class DesktopNotifier;
class EmulatorLauncher;
class FileService;
class HistorySidebar;
class ImageCache;
class MainWindow;
class ModelService;
class OAuthTokenManager;
class OAuthTokenStore;
class SecretStore;
class TitleGenerator;
class StoreChatPersistence;
class ToolApprovalStore;
class WelcomePage;

//! The composition root: builds every object once, in layer order, and connects them. Nothing
//! below it knows how the others are made. Start-up is asynchronous where it must be (reading
//! the keychain, starting the demo emulator) and the window shows at once.
class Application final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Application)

public:
    Application(ConnectionConfig config, QString profileDir, QObject *parent = nullptr);
    ~Application() override;

    //! Opens the profile (its lock and store) and builds the window. On failure returns false
    //! with a sentence for the user in \a error (e.g. another instance holds the profile) and,
    //! when \a kind is given, what went wrong (StoreError::Kind::Damaged: the history file is
    //! damaged; ConversationStore::setAsideDamaged() lets a new start begin a new history).
    bool start(QString *error, StoreError::Kind *kind = nullptr);

    MainWindow *window() const { return m_window.get(); }
    //! The conversation the chat shows (0: a new chat, not stored yet).
    qint64 currentConversationId() const;

    //! Which file the export and import commands ask for.
    enum class FileChoice { ExportMarkdown, ExportJson, ImportJson };
    //! Returns the chosen path, or an empty string when the user cancels. \a suggestion is a
    //! file name to propose (exports) or empty.
    using FileChooser = std::function<QString(FileChoice choice, const QString &suggestion)>;
    //! Replaces the file dialogs of the export and import commands (tests supply paths this
    //! way); an empty chooser restores the dialogs.
    void setFileChooser(FileChooser chooser) { m_fileChooser = std::move(chooser); }
    //! Keeps secrets (the API key, connector credentials) in \a store instead of the system
    //! keychain; call before start() (tests use a MemorySecretStore).
    void setSecretStore(std::unique_ptr<SecretStore> store);
    //! The interface language chosen at start ("" for the system's): Settings say when a
    //! change needs a restart.
    void setRunningLanguage(const QString &language) { m_runningLanguage = language; }

private:
    //! Quitting, in this order: stops an answer still streaming and stores what arrived (marked
    //! interrupted, as Stop does), then detaches the chat from the store. Runs once, when the
    //! application is about to quit or at the latest when this object is destroyed.
    void shutdown();
    void buildWindow();
    void connectApi();
    void onApiReady();
    //! A first start without a key: the welcome page, with \a problem when something stands in
    //! the way (no keychain).
    void showWelcome(const QString &problem);
    //! Checks a key pasted in the welcome page; a working one goes to the keychain and is used.
    void tryWelcomeKey(const QString &key);
    //! Runs on the bundled emulator from now on; \a remember keeps that choice for next time.
    void switchToDemo(bool remember);
    void loadModelsAndAgents();
    void newChat();
    void wireHistory();
    //! Shows the chat page and reopens a stored conversation (ChatController::openConversation).
    bool openConversation(qint64 id, qint64 messageId = 0);
    void loadOlderMessages();
    //! Reads whether a key is in the keychain, then opens the settings.
    void showSettings();
    void openSettings(SettingsDialog::KeySource keySource);
    //! Applies every setting that takes effect at once (all but the language).
    void applySettings(const SettingsDialog::Values &values);
    //! Checks \a key against \a baseUrl (ConnectionCheck); \a done gets an empty string on
    //! success, else one sentence.
    void checkConnection(const QUrl &baseUrl, const QString &key, QObject *context,
                         std::function<void(const QString &)> done);
    void setConnectionStatus();
    //! Tells the pages that list the account's resources whether they may ask the API.
    void setApiAvailability(ApiAvailability availability);

    // Show as code, export and import of the current conversation (wired by wireExport()).
    void wireExport();
    void showAsCode();
    void exportConversation(FileChoice format);
    void importConversation();
    void updateExportActions();
    QString chooseFile(FileChoice choice, const QString &suggestion);
    void showError(const QString &title, const QString &text);

    ConnectionConfig m_config;
    QString m_profileDir;
    bool m_apiReady = false;
    bool m_shutDown = false;

    std::unique_ptr<ConversationStore> m_store;
    std::unique_ptr<SecretStore> m_secrets;
    QNetworkAccessManager *m_nam = nullptr;
    OAuthTokenStore *m_oauthTokens = nullptr;
    OAuthTokenManager *m_oauthManager = nullptr;
    ApiClient *m_client = nullptr;
    ChatService *m_chat = nullptr;
    FileService *m_files = nullptr;
    ModelService *m_models = nullptr;
    AgentService *m_agents = nullptr;
    ConnectionCheck *m_connectionCheck = nullptr;
    std::unique_ptr<ImageCache> m_imageCache;
    ConversationModel *m_conversation = nullptr;
    ChatSession *m_session = nullptr;
    std::unique_ptr<StoreChatPersistence> m_persistence;
    ChatTargetModel *m_targets = nullptr;
    QSettings *m_chatSettings = nullptr;
    ChatController *m_chatController = nullptr;
    TitleGenerator *m_titles = nullptr;
    ChatTargetLoader *m_targetLoader = nullptr;
    AgentListModel *m_agentList = nullptr;
    ConnectorService *m_connectorService = nullptr;
    ConnectorListModel *m_connectorList = nullptr;
    QSettings *m_approvalSettings = nullptr;
    ToolApprovalStore *m_approvals = nullptr;
    EmulatorLauncher *m_emulator = nullptr;
    DesktopNotifier *m_notifier = nullptr;
    QString m_runningLanguage; // the language chosen at start ("" for the system's)
    std::unique_ptr<MainWindow> m_window;
    QPointer<ChatPage> m_chatPage;
    QPointer<AgentsPage> m_agentsPage;
    QPointer<ConnectorsPage> m_connectorsPage;
    QPointer<WelcomePage> m_welcome;
    FileChooser m_fileChooser;
    std::unique_ptr<ConversationPager> m_pager;
    ConversationListModel *m_historyList = nullptr;
    QPointer<HistorySidebar> m_sidebar;
    bool m_olderQueued = false; // a page of older messages is about to load
};

} // namespace Tramontane
