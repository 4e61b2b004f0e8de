// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/Application.h"

#include "app/AnswerNotifications.h"
#include "app/ApiConnection.h"
#include "app/AppSettings.h"
#include "app/CachedImageFetcher.h"
#include "app/ChatCredentials.h"
#include "app/ProxyCredentials.h"
#include "app/SettingsFlow.h"
#include "app/ShowAsCode.h"
#include "core/Logging.h"
#include "core/auth/ConnectorSignInStates.h"
#include "core/auth/OAuthTokenManager.h"
#include "core/auth/OAuthTokenStore.h"
#include "core/auth/SecretStore.h"
#include "core/net/ApiClient.h"
#include "core/services/AgentService.h"
#include "core/services/ChatService.h"
#include "core/services/ConnectionCheck.h"
#include "core/services/ConnectorService.h"
#include "core/services/ConversationService.h"
#include "core/services/DocumentService.h"
#include "core/services/FileService.h"
#include "core/services/LibraryService.h"
#include "core/services/McpConnectionTest.h"
#include "core/services/ModelService.h"
#include "core/services/ToolApprovalStore.h"
#include "core/storage/ConversationStore.h"
#include "core/storage/ImageCache.h"
#include "models/AgentListModel.h"
#include "models/ChatController.h"
#include "models/ChatSession.h"
#include "models/ChatTargetLoader.h"
#include "models/ChatTargetModel.h"
#include "models/ConnectorListModel.h"
#include "models/ConversationListModel.h"
#include "models/ConversationModel.h"
#include "models/ConversationPager.h"
#include "models/ConversationSearchModel.h"
#include "models/LibraryList.h"
#include "models/LibraryListModel.h"
#include "models/StoreChatPersistence.h"
#include "models/TitleGenerator.h"
#include "ui/AgentEditorDialog.h"
#include "ui/AgentVersionsDialog.h"
#include "ui/AgentsPage.h"
#include "ui/ChatPage.h"
#include "ui/ConnectorEditorDialog.h"
#include "ui/ConnectorSignInLauncher.h"
#include "ui/ConnectorToolsDialog.h"
#include "ui/ConnectorsPage.h"
#include "ui/DesktopNotifier.h"
#include "ui/HistorySidebar.h"
#include "ui/LibrariesPage.h"
#include "ui/MainWindow.h"
#include "ui/chat/ChatFind.h"
#include "ui/chat/ChatView.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkInformation>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {
constexpr int kWatchNetworkDelayMs = 2000;
} // namespace

Application::Application(ConnectionConfig config, QString profileDir, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_profileDir(std::move(profileDir)) {}

Application::~Application() {
    shutdown();
    // The window and its pages go first: they hold pointers into everything below.
    m_window.reset();
    m_pager.reset();
    // Then the objects made here, newest first (a session before its model and services, the
    // services before the network manager) and before the store and the persistence: left to
    // ~QObject they would die after every member, and a job ending on the way (tearing down the
    // network manager ends its replies) would run its handler against a destroyed store.
    QList<QPointer<QObject>> objects;
    for (QObject *child : children())
        objects.prepend(child);
    for (const QPointer<QObject> &object : std::as_const(objects))
        delete object.data(); // null when an earlier deletion took it along
    if (m_store)
        (void)m_store->purgeDeleted();
}

void Application::shutdown() {
    if (m_shutDown || !m_session)
        return;
    m_shutDown = true;
    // Stop returns once the answer's final state is stored.
    m_session->stop();
    m_session->setPersistence(nullptr);
}

bool Application::start(QString *error, StoreError::Kind *kind) {
    QDir().mkpath(m_profileDir);
    auto opened = ConversationStore::open(m_profileDir);
    if (!opened.ok()) {
        *error = opened.error.message;
        if (kind)
            *kind = opened.error.kind;
        return false;
    }
    m_store = std::move(opened.store);
    if (opened.interruptedMessages > 0)
        qCInfo(lcStorage) << opened.interruptedMessages << "answers were interrupted last time";

    if (!m_secrets) {
        m_secrets = std::make_unique<KeychainSecretStore>(u"Tramontane/"_s
                                                          + QFileInfo(m_profileDir).fileName());
    }
    buildServices();

    // Quitting stops and stores an answer still streaming before anything is torn down.
    connect(QCoreApplication::instance(), &QCoreApplication::aboutToQuit, this,
            &Application::shutdown);

    buildWindow();
    wireConnection();
    return true;
}

void Application::buildServices() {
    m_nam = new QNetworkAccessManager(this);
    m_client = new ApiClient(m_nam, this);
    m_chat = new ChatService(m_client, this);
    m_files = new FileService(m_client, this);
    m_models = new ModelService(m_client, this);
    m_agents = new AgentService(m_client, this);
    m_libraryService = new LibraryService(m_client, this);
    m_libraryList = new LibraryListModel(m_libraryService, this);
    m_connectionCheck = new ConnectionCheck(m_client, this);
    m_imageCache = std::make_unique<ImageCache>(
        QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation))
            .filePath(QFileInfo(m_profileDir).fileName() + u"/images"_s));
    m_conversation = new ConversationModel(this);
    m_session = new ChatSession(m_chat, m_conversation, this);
    m_persistence = std::make_unique<StoreChatPersistence>(m_store.get());
    m_session->setPersistence(m_persistence.get());
    m_session->setConversationService(new ConversationService(m_client, this));
    // OAuth connectors: their tokens in the keychain, refreshed before a request needs them.
    m_oauthTokens = new OAuthTokenStore(m_secrets.get(), this);
    m_oauthManager = new OAuthTokenManager(m_nam, m_oauthTokens, this);
    m_targets = new ChatTargetModel(this);
    m_pager = std::make_unique<ConversationPager>(m_store.get(), m_conversation);
    // The sidebar's list first: it follows the store's changes (a deletion undone, the first
    // message of a new chat) before the controller asks the sidebar to highlight that row.
    m_historyList = new ConversationListModel(m_store.get(), this);
    m_chatSettings = new QSettings(this);
    m_chatController =
        new ChatController(m_session, m_conversation, m_pager.get(), m_persistence.get(),
                           m_store.get(), m_targets, m_chatSettings, this);
    // Chats are named by a small model after their first answer.
    m_titles = new TitleGenerator(m_store.get(), m_chat, this);
    connect(m_models, &ModelService::listed, m_titles, [this](const ModelList &models) {
        QStringList ids;
        for (const ModelCard &card : models.data)
            ids.append(card.id);
        m_titles->setAvailableModels(ids);
    });
    m_agentList = new AgentListModel(m_agents, this);
    m_agentList->setLoadsEveryPage(true); // the picker offers every agent, not the first page
    m_targetLoader = new ChatTargetLoader(m_models, m_agentList, this);
    // Loading the system's network backend (a plugin, D-Bus) costs 5-15 ms: after the first
    // paint. Until then the first requests are on their way anyway.
    QTimer::singleShot(kWatchNetworkDelayMs, this, &Application::watchNetwork);
    m_connectorService = new ConnectorService(m_client, this);
    m_approvalSettings = new QSettings(this);
    m_approvals = new ToolApprovalStore(m_approvalSettings, this);
    m_connectorList = new ConnectorListModel(m_connectorService, m_approvals, this);
    // The account's document libraries as the chat's tools menu and the agent editor offer
    // them; it loads when one of them needs it, and follows the Libraries page's changes.
    m_libraryChoiceList = new LibraryList(m_libraryService, this);
    // Each request's tools carry their credentials (ChatCredentials).
    ChatCredentials(m_secrets.get(), m_oauthManager, m_agentList, m_connectorList).serve(m_session);
}

void Application::watchNetwork() {
    // Where the system tells (NetworkManager on Linux), the lists that failed for want of a
    // network are asked for as soon as it is back, not at the next backoff.
    if (!QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability))
        return;
    connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
            [this](QNetworkInformation::Reachability reachability) {
                if (reachability != QNetworkInformation::Reachability::Online)
                    return;
                m_targetLoader->networkReachable();
                if (m_connection && m_connection->isReady() && !m_connectorList->hasLoaded()
                    && !m_connectorList->isLoading())
                    m_connectorList->reload();
            });
}

void Application::buildWindow() {
    m_window = std::make_unique<MainWindow>();
    auto fetcher = std::make_shared<CachedImageFetcher>(m_files, m_imageCache.get());
    m_chatPage = new ChatPage(m_session, m_targets, fetcher);
    m_chatPage->setToolApprovals(m_approvals);
    m_chatPage->setDocumentService(new DocumentService(m_client, this));
    m_chatPage->setTargetLoader(m_targetLoader);
    m_chatPage->setLibraryList(m_libraryChoiceList);
    m_window->setPage(MainWindow::Page::Chat, m_chatPage);
    m_agentsPage = new AgentsPage(m_agents, m_agentList, m_models, m_secrets.get());
    m_agentsPage->setLibraryList(m_libraryChoiceList);
    m_window->setPage(MainWindow::Page::Agents, m_agentsPage);
    m_librariesPage = new LibrariesPage(m_libraryService, m_libraryList);
    m_window->setPage(MainWindow::Page::Libraries, m_librariesPage);
    m_connectorsPage = new ConnectorsPage(m_connectorService, m_connectorList,
                                          McpConnectionTest::factoryFor(m_nam), m_nam,
                                          m_secrets.get(), m_approvals);
    m_window->setPage(MainWindow::Page::Connectors, m_connectorsPage);
    m_connectorsPage->setOAuth(m_oauthManager, m_oauthTokens, m_approvalSettings);
    // OAuth sign-in states in the chat's tools menu, and sign-ins started from the chat.
    m_signInStates =
        new ConnectorSignInStates(m_oauthManager, m_oauthTokens, m_approvalSettings, this);
    m_chatPage->setSignInStates(m_signInStates);
    m_signInLauncher = new ConnectorSignInLauncher(m_nam, m_secrets.get(), m_oauthManager,
                                                   m_signInStates, m_approvalSettings, this);
    // Nothing is asked before the connection settled the address and the key.
    setApiAvailability(ApiAvailability::Starting);
    m_window->showPage(MainWindow::Page::Chat);

    // An answer the store cannot keep (a full disk) stays on screen, and the person is told.
    m_persistence->setProblemHandler([this](const QString &sentence) {
        if (m_window)
            m_window->showStatus(tr("This answer is shown but not saved. %1").arg(sentence), 0);
    });

    wireChat();
    wirePages();
    wireHistory();
    wireFiles();

    // An answer that ends while the person is in another window is announced; its
    // notification opens that chat.
    m_notifier = new DesktopNotifier(this); // enabled or not by the settings
    auto *notifications = new AnswerNotifications(
        m_session, m_conversation, m_notifier, m_window.get(),
        [this] { return currentConversationId(); }, this);
    connect(notifications, &AnswerNotifications::openRequested, this, [this](qint64 id) {
        m_window->setWindowState(m_window->windowState() & ~Qt::WindowMinimized);
        m_window->show();
        m_window->raise();
        m_window->activateWindow();
        m_window->showPage(MainWindow::Page::Chat);
        if (id != 0 && id != currentConversationId())
            openConversation(id);
    });
}

void Application::wireChat() {
    MainWindow *w = m_window.get();
    // Every models list that arrives fills the picker, whoever asked for it (start-up, a
    // retry, the Agents page).
    connect(m_models, &ModelService::listed, m_chatController, &ChatController::applyModels);
    // The picker lists the account's agents after the models, as the agent list loads (pages
    // arrive as inserted rows) or changes. Not the rows: a search on the Agents page narrows
    // those, never the picker.
    connect(m_agentList, &AgentListModel::accountAgentsChanged, m_chatController,
            [this] { m_chatController->setAgents(m_agentList->accountAgents()); });
    connect(m_chatController, &ChatController::targetSelectionRequested, m_chatPage,
            &ChatPage::selectTarget);
    connect(m_chatPage, &ChatPage::targetChosen, m_chatController, &ChatController::targetChosen);
    connect(m_chatController, &ChatController::toolsRestored, m_chatPage,
            &ChatPage::setSelectedTools);
    connect(m_chatController, &ChatController::conversationOpened, m_chatPage,
            [this] { m_chatPage->chatView()->scrollToLatest(); });
    connect(m_chatController, &ChatController::rowRevealRequested, m_chatPage,
            [this](int row) { m_chatPage->chatView()->revealRow(row); });
    connect(m_chatController, &ChatController::statusMessage, w, &MainWindow::showStatus);
    // Another version of a message: the user message it follows from stays where it was.
    connect(m_chatPage->chatView(), &ChatView::versionRequested, m_chatController,
            [this](int entry, int step) {
                ChatView *view = m_chatPage->chatView();
                const int before = m_chatController->versionAnchorRow(entry);
                const int top = view->visualRect(view->conversationModel()->index(before)).top();
                const int row = m_chatController->switchVersion(entry, step);
                if (row >= 0)
                    view->keepRowAt(row, top);
            });
    // Older messages load as the user nears the top of a long conversation.
    connect(m_chatPage->chatView(), &ChatView::olderRowsWanted, m_chatController,
            &ChatController::loadOlderMessagesSoon);
    // ... and when "Find in this chat" goes to a match in them.
    connect(m_chatPage->chatFind(), &ChatFind::olderRowsWanted, m_chatController,
            &ChatController::loadOlderMessagesSoon);
    connect(m_chatPage, &ChatPage::statusMessage, w, [w](const QString &t) { w->showStatus(t); });

    connect(w->newChatAction(), &QAction::triggered, this, &Application::newChat);
    connect(m_chatPage, &ChatPage::newChatRequested, this, &Application::newChat);
    connect(w->focusComposerAction(), &QAction::triggered, this, [this] {
        m_window->showPage(MainWindow::Page::Chat);
        m_chatPage->focusComposer();
    });
    connect(w->pickModelAction(), &QAction::triggered, this, [this] {
        m_window->showPage(MainWindow::Page::Chat);
        m_chatPage->pickTarget();
    });
    connect(w->stopAction(), &QAction::triggered, m_chatPage, &ChatPage::stop);
    connect(w->regenerateAction(), &QAction::triggered, m_chatPage, &ChatPage::regenerate);
    connect(w->copyLastAnswerAction(), &QAction::triggered, m_chatPage, &ChatPage::copyLastAnswer);

    m_showAsCode = new ShowAsCode(m_session, m_conversation, w, this);
    connect(m_showAsCode, &ShowAsCode::statusMessage, w,
            [w](const QString &t) { w->showStatus(t); });
    connect(w->showAsCodeAction(), &QAction::triggered, this, [this] {
        const ConnectionConfig &config = m_connection->config();
        m_showAsCode->show(
            m_chatPage->composerText(), m_chatPage->selectedTools(),
            {m_client->baseUrl(), config.apiKey, config.mode == ConnectionConfig::Mode::Demo});
    });
}

void Application::wirePages() {
    MainWindow *w = m_window.get();
    AgentsPage *agentsPage = m_agentsPage;
    ConnectorsPage *connectorsPage = m_connectorsPage;
    connect(m_oauthTokens, &OAuthTokenStore::keychainUnavailable, w, [w](const QString &message) {
        w->showStatus(tr("Sign-ins are kept for this session only: %1").arg(message));
    });
    connect(connectorsPage, &ConnectorsPage::statusMessage, w,
            [w](const QString &t) { w->showStatus(t); });
    connect(agentsPage, &AgentsPage::statusMessage, w, [w](const QString &t) { w->showStatus(t); });
    connect(m_librariesPage, &LibrariesPage::statusMessage, w,
            [w](const QString &t) { w->showStatus(t); });
    // The chat's tools menu follows the connectors as they are created, edited or deleted.
    // Once the whole list is known, a connector the chat uses that is not in it is gone (deleted
    // here or elsewhere): the chat stops using it.
    const auto syncConnectors = [this] {
        m_chatPage->setConnectors(m_connectorList->connectors(), m_connectorList->isComplete());
    };
    connect(m_connectorList, &QAbstractItemModel::rowsInserted, this, syncConnectors);
    connect(m_connectorList, &QAbstractItemModel::rowsRemoved, this, syncConnectors);
    connect(m_connectorList, &QAbstractItemModel::modelReset, this, syncConnectors);
    connect(m_connectorList, &ConnectorListModel::loadingChanged, this, syncConnectors);
    // "Sign In Again…" or "Sign In to …" in the chat: the sign-in over the chat, which stays
    // as it is (the typed message too); the next request carries the new token.
    connect(m_chatPage, &ChatPage::connectorSignInRequested, this,
            [this](const QString &key, const QString &scope) {
                if (const std::optional<Connector> c = m_connectorList->connectorNamed(key))
                    m_signInLauncher->signIn(*c, scope, m_window.get());
            });
    connect(m_signInLauncher, &ConnectorSignInLauncher::finished, this,
            [this](const Connector &connector, const ConnectorSignIn::Result &result) {
                if (result.outcome == ConnectorSignIn::Outcome::SignedIn)
                    m_window->showStatus(tr("Signed in to %1.").arg(connector.displayName()));
            });
    connect(connectorsPage, &ConnectorsPage::useInChatRequested, this,
            [this](const Connector &connector) {
                m_chatPage->useConnector(connector);
                m_window->showPage(MainWindow::Page::Chat);
                m_chatPage->focusComposer();
            });
    // "Edit agent…" in the chat's tools menu opens the agent editor on that agent.
    connect(m_chatPage, &ChatPage::editAgentRequested, this,
            [this, agentsPage](const QString &agentId) {
                m_window->showPage(MainWindow::Page::Agents);
                agentsPage->editAgent(agentId);
            });
    connect(agentsPage, &AgentsPage::chatWithAgentRequested, this, [this](const Agent &agent) {
        m_chatController->chatWithAgent(agent.id, m_agentList->accountAgents());
        m_window->showPage(MainWindow::Page::Chat);
        m_chatPage->focusComposer();
    });
}

void Application::wireHistory() {
    auto *search = new ConversationSearchModel(m_store.get(), this);
    m_sidebar = new HistorySidebar(m_historyList, search);
    m_sidebar->setObjectName(u"historySidebar"_s);
    m_chatPage->setSidebar(m_sidebar);
    MainWindow *w = m_window.get();

    connect(m_sidebar, &HistorySidebar::conversationActivated, this,
            [this](qint64 id) { openConversation(id); });
    connect(m_sidebar, &HistorySidebar::searchHitActivated, this, &Application::openConversation);
    connect(m_sidebar, &HistorySidebar::newChatRequested, this, &Application::newChat);
    connect(m_sidebar, &HistorySidebar::statusMessage, w,
            [w](const QString &t) { w->showStatus(t); });
    // Ctrl+F finds in the chat, except in the history list, where it searches every
    // conversation as Ctrl+Shift+F does from anywhere.
    connect(w->findInChatAction(), &QAction::triggered, this, [this] {
        const QWidget *focus = QApplication::focusWidget();
        if (focus && m_sidebar->isAncestorOf(focus) && m_chatPage->isSidebarVisible()) {
            m_sidebar->focusSearch();
            return;
        }
        m_window->showPage(MainWindow::Page::Chat);
        m_chatPage->chatFind()->open();
    });
    connect(w->findNextAction(), &QAction::triggered, this, [this] {
        m_window->showPage(MainWindow::Page::Chat);
        m_chatPage->chatFind()->findNext();
    });
    connect(w->findPreviousAction(), &QAction::triggered, this, [this] {
        m_window->showPage(MainWindow::Page::Chat);
        m_chatPage->chatFind()->findPrevious();
    });
    connect(w->findAction(), &QAction::triggered, this, [this] {
        m_window->showPage(MainWindow::Page::Chat);
        m_chatPage->setSidebarVisible(true);
        m_window->toggleHistoryAction()->setChecked(true);
        m_sidebar->focusSearch();
    });
    w->toggleHistoryAction()->setChecked(m_chatPage->isSidebarVisible());
    connect(w->toggleHistoryAction(), &QAction::toggled, m_chatPage, &ChatPage::setSidebarVisible);
    // The sidebar highlights the conversation the chat shows (the first message of a new chat
    // creates its conversation: it becomes the current row).
    connect(m_chatController, &ChatController::currentConversationChanged, m_sidebar,
            [this](qint64 id) { m_sidebar->setCurrentConversation(id); });
}

void Application::wireFiles() {
    MainWindow *w = m_window.get();
    m_conversationFiles = new ConversationFiles(
        m_store.get(), m_persistence.get(), m_imageCache.get(), m_session, m_conversation, w, this);
    m_conversationFiles->setFileChooser(m_fileChooser);
    const auto enableExport = [w](bool on) {
        w->exportMarkdownAction()->setEnabled(on);
        w->exportJsonAction()->setEnabled(on);
    };
    enableExport(m_conversationFiles->canExport());
    connect(m_conversationFiles, &ConversationFiles::canExportChanged, w, enableExport);
    connect(m_conversationFiles, &ConversationFiles::statusMessage, w, &MainWindow::showStatus);
    connect(m_conversationFiles, &ConversationFiles::openRequested, this,
            [this](qint64 id) { openConversation(id); });
    connect(w->exportMarkdownAction(), &QAction::triggered, m_conversationFiles,
            [this] { m_conversationFiles->exportConversation(FileChoice::ExportMarkdown); });
    connect(w->exportJsonAction(), &QAction::triggered, m_conversationFiles,
            [this] { m_conversationFiles->exportConversation(FileChoice::ExportJson); });
    connect(w->importJsonAction(), &QAction::triggered, m_conversationFiles,
            &ConversationFiles::importConversation);
}

void Application::wireConnection() {
    m_connection = new ApiConnection(m_config, m_client, m_connectionCheck, m_secrets.get(),
                                     m_window.get(), this);
    SettingsFlow::Targets targets;
    targets.client = m_client;
    targets.images = m_imageCache.get();
    targets.chat = m_chatController;
    targets.models = m_targets;
    targets.notifier = m_notifier;
    targets.titles = m_titles;
    m_proxyCredentials = new ProxyCredentials(m_nam, m_secrets.get(), m_window.get(), this);
    connect(m_proxyCredentials, &ProxyCredentials::problem, m_window.get(),
            [this](const QString &sentence) { m_window->showStatus(sentence, 0); });
    targets.proxy = m_proxyCredentials;
    m_settingsFlow = new SettingsFlow(m_connection, m_secrets.get(), targets, m_window.get(), this);
    m_settingsFlow->setRunningLanguage(m_runningLanguage);

    connect(m_connection, &ApiConnection::availabilityChanged, this,
            &Application::setApiAvailability);
    connect(m_connection, &ApiConnection::ready, this, &Application::loadModelsAndAgents);
    connect(m_connection, &ApiConnection::keyNeeded, m_settingsFlow,
            [this] { m_settingsFlow->open(SettingsDialog::KeySource::None); });
    connect(m_window.get(), &MainWindow::settingsRequested, m_settingsFlow, &SettingsFlow::show);
    connect(m_agentsPage, &AgentsPage::settingsRequested, m_settingsFlow, &SettingsFlow::show);
    connect(m_connectorsPage, &ConnectorsPage::settingsRequested, m_settingsFlow,
            &SettingsFlow::show);

    m_settingsFlow->apply(AppSettings::read(QSettings()));
    m_connection->connectToApi();
}

void Application::setApiAvailability(ApiAvailability availability) {
    if (m_agentsPage)
        m_agentsPage->setApiAvailability(availability);
    if (m_connectorsPage)
        m_connectorsPage->setApiAvailability(availability);
    if (m_librariesPage)
        m_librariesPage->setApiAvailability(availability);
}

void Application::loadModelsAndAgents() {
    // Retried with a backoff while they fail (see ChatTargetLoader); listed() fills the picker.
    m_targetLoader->load();
    // One list of the account's connectors feeds the connector page, the chat's tools menu
    // and the credentials added to each request (see syncConnectors in wirePages()).
    m_connectorList->reload();
}

void Application::newChat() {
    m_chatController->newChat();
    m_window->showPage(MainWindow::Page::Chat);
    m_chatPage->focusComposer();
}

qint64 Application::currentConversationId() const {
    return m_chatController ? m_chatController->currentConversationId() : 0;
}

bool Application::openConversation(qint64 id, qint64 messageId) {
    m_window->showPage(MainWindow::Page::Chat);
    return m_chatController->openConversation(id, messageId);
}

void Application::setSecretStore(std::unique_ptr<SecretStore> store) {
    m_secrets = std::move(store);
}

void Application::setFileChooser(FileChooser chooser) {
    m_fileChooser = std::move(chooser);
    if (m_conversationFiles)
        m_conversationFiles->setFileChooser(m_fileChooser);
}

void Application::setRunningLanguage(const QString &language) {
    m_runningLanguage = language;
    if (m_settingsFlow)
        m_settingsFlow->setRunningLanguage(language);
}

} // namespace Tramontane
