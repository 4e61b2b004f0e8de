// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/ConversationFiles.h"
#include "core/ConnectionConfig.h"
#include "core/storage/StoreResult.h"
#include "ui/ApiAvailability.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QSettings;

namespace Tramontane {

class AgentListModel;
class AgentsPage;
class LibrariesPage;
class LibraryListModel;
class LibraryService;
class AgentService;
class ApiClient;
class ApiConnection;
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
class FileService;
class HistorySidebar;
class ImageCache;
class LibraryList;
class MainWindow;
class ModelService;
class OAuthTokenManager;
class ConnectorSignInLauncher;
class ConnectorSignInStates;
class OAuthTokenStore;
class ProxyCredentials;
class SecretStore;
class SettingsFlow;
class ShowAsCode;
class StoreChatPersistence;
class TitleGenerator;
class ToolApprovalStore;

//! The composition root: builds every object once, in layer order, and connects them. Nothing
//! below it knows how the others are made. Start-up is asynchronous where it must be (reading
//! the keychain, starting the demo emulator) and the window shows at once.
//!
//! It does nothing itself: the chat's behaviour is ChatController's, the connection's
//! ApiConnection's, the settings' SettingsFlow's, export and import ConversationFiles', Show as
//! Code ShowAsCode's, and the credentials of a request ChatCredentials'.
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

    //! Which file the export and import commands ask for (see ConversationFiles).
    using FileChoice = ConversationFiles::FileChoice;
    using FileChooser = ConversationFiles::FileChooser;
    //! Replaces the file dialogs of the export and import commands (tests supply paths this
    //! way); an empty chooser restores the dialogs.
    void setFileChooser(FileChooser chooser);
    //! Keeps secrets (the API key, connector credentials) in \a store instead of the system
    //! keychain; call before start() (tests use a MemorySecretStore).
    void setSecretStore(std::unique_ptr<SecretStore> store);
    //! The interface language chosen at start ("" for the system's): Settings say when a
    //! change needs a restart.
    void setRunningLanguage(const QString &language);

private:
    //! Quitting, in this order: stops an answer still streaming and stores what arrived (marked
    //! interrupted, as Stop does), then detaches the chat from the store. Runs once, when the
    //! application is about to quit or at the latest when this object is destroyed.
    void shutdown();
    //! The services, the chat's models and the lists, in layer order.
    void buildServices();
    //! Asks again for what failed without a network when the system says it is back.
    void watchNetwork();
    //! The window and its pages, then the wiring below.
    void buildWindow();
    void wireChat();
    void wirePages();
    void wireHistory();
    //! Export and import (ConversationFiles).
    void wireFiles();
    //! The connection (ApiConnection) and the settings (SettingsFlow); connects at once.
    void wireConnection();
    void loadModelsAndAgents();
    void newChat();
    //! Shows the chat page and reopens a stored conversation (ChatController::openConversation).
    bool openConversation(qint64 id, qint64 messageId = 0);
    //! Tells the pages that list the account's resources whether they may ask the API.
    void setApiAvailability(ApiAvailability availability);

    ConnectionConfig m_config; // until m_connection takes it over
    QString m_profileDir;
    bool m_shutDown = false;

    std::unique_ptr<ConversationStore> m_store;
    std::unique_ptr<SecretStore> m_secrets;
    QNetworkAccessManager *m_nam = nullptr;
    OAuthTokenStore *m_oauthTokens = nullptr;
    OAuthTokenManager *m_oauthManager = nullptr;
    ConnectorSignInStates *m_signInStates = nullptr;
    ConnectorSignInLauncher *m_signInLauncher = nullptr;
    ApiClient *m_client = nullptr;
    ChatService *m_chat = nullptr;
    FileService *m_files = nullptr;
    ModelService *m_models = nullptr;
    AgentService *m_agents = nullptr;
    LibraryService *m_libraryService = nullptr;
    LibraryListModel *m_libraryList = nullptr;
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
    LibraryList *m_libraryChoiceList = nullptr;
    ConnectorListModel *m_connectorList = nullptr;
    QSettings *m_approvalSettings = nullptr;
    ToolApprovalStore *m_approvals = nullptr;
    DesktopNotifier *m_notifier = nullptr;
    ApiConnection *m_connection = nullptr;
    SettingsFlow *m_settingsFlow = nullptr;
    ProxyCredentials *m_proxyCredentials = nullptr;
    ConversationFiles *m_conversationFiles = nullptr;
    ShowAsCode *m_showAsCode = nullptr;
    QString m_runningLanguage; // the language chosen at start ("" for the system's)
    std::unique_ptr<MainWindow> m_window;
    QPointer<ChatPage> m_chatPage;
    QPointer<AgentsPage> m_agentsPage;
    QPointer<LibrariesPage> m_librariesPage;
    QPointer<ConnectorsPage> m_connectorsPage;
    FileChooser m_fileChooser;
    std::unique_ptr<ConversationPager> m_pager;
    ConversationListModel *m_historyList = nullptr;
    QPointer<HistorySidebar> m_sidebar;
};

} // namespace Tramontane
