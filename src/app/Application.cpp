// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/Application.h"

#include "app/AnswerNotifications.h"
#include "app/AppSettings.h"
#include "app/CachedImageFetcher.h"
#include "app/EmulatorLauncher.h"
#include "core/Logging.h"
#include "core/SettingsKeys.h"
#include "core/auth/OAuthTokenManager.h"
#include "core/auth/OAuthTokenStore.h"
#include "core/auth/SecretStore.h"
#include "core/net/ApiClient.h"
#include "core/protocol/CodeExport.h"
#include "core/services/AgentService.h"
#include "core/services/ChatService.h"
#include "core/services/ConnectionCheck.h"
#include "core/services/ConnectorService.h"
#include "core/services/ConversationService.h"
#include "core/services/FileService.h"
#include "core/services/McpConnectionTest.h"
#include "core/services/ModelService.h"
#include "core/services/ToolApprovalStore.h"
#include "core/services/ToolCredentials.h"
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
#include "models/ErrorPresenter.h"
#include "models/StoreChatPersistence.h"
#include "ui/AgentEditorDialog.h"
#include "ui/AgentVersionsDialog.h"
#include "ui/AgentsPage.h"
#include "ui/ChatPage.h"
#include "ui/ConnectorEditorDialog.h"
#include "ui/ConnectorToolsDialog.h"
#include "ui/ConnectorsPage.h"
#include "ui/DesktopNotifier.h"
#include "ui/HistorySidebar.h"
#include "ui/MainWindow.h"
#include "ui/SettingsDialog.h"
#include "ui/ShowAsCodeDialog.h"
#include "ui/Theme.h"
#include "ui/WelcomePage.h"
#include "ui/chat/ChatView.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonArray>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

QString randomKey() {
    QByteArray bytes(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), 4);
    return u"demo-"_s + QString::fromLatin1(bytes.toHex());
}

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
    m_nam = new QNetworkAccessManager(this);
    m_client = new ApiClient(m_nam, this);
    m_chat = new ChatService(m_client, this);
    m_files = new FileService(m_client, this);
    m_models = new ModelService(m_client, this);
    m_agents = new AgentService(m_client, this);
    m_connectionCheck = new ConnectionCheck(m_client, this);
    m_imageCache = std::make_unique<ImageCache>(
        QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation))
            .filePath(QFileInfo(m_profileDir).fileName() + u"/images"_s));
    const SettingsDialog::Values settings = AppSettings::read(QSettings());

    m_conversation = new ConversationModel(this);
    m_session = new ChatSession(m_chat, m_conversation, this);
    m_persistence = std::make_unique<StoreChatPersistence>(m_store.get());
    m_session->setPersistence(m_persistence.get());
    m_session->setConversationService(new ConversationService(m_client, this));
    m_session->setAgentResolver([this](const QString &agentId) -> std::optional<Agent> {
        for (const Agent &agent : m_agentList->accountAgents()) {
            if (agent.id == agentId)
                return agent;
        }
        return std::nullopt;
    });
    // OAuth connectors: their tokens in the keychain, refreshed before a request needs them.
    m_oauthTokens = new OAuthTokenStore(m_secrets.get(), this);
    m_oauthManager = new OAuthTokenManager(m_nam, m_oauthTokens, this);
    // Each request's connector tools carry the credentials kept for them in the keychain (an
    // OAuth connector's access token through the manager, renewed first when it is about to
    // expire); an agent's own tools are sent with theirs.
    m_session->setToolAuthorizer([this](ChatSession::TargetKind kind, const QString &targetId,
                                        const QList<Tool> &tools, QObject *context,
                                        std::function<void(const QList<Tool> &)> done) {
        const QList<Connector> connectors = m_connectorList->connectors();
        if (kind == ChatSession::TargetKind::Agent) {
            for (const Agent &agent : m_agentList->accountAgents()) {
                if (agent.id == targetId) {
                    ToolCredentials::authorizeAgentTools(agent, m_secrets.get(), context, done,
                                                         connectors, m_oauthManager);
                    return;
                }
            }
        }
        ToolCredentials::authorizeTools(tools, m_secrets.get(), context, done, connectors,
                                        m_oauthManager);
    });
    // A connector that refuses its token during a turn: the token is refreshed once and the
    // turn sent again; a refused refresh ends the turn with the connector's error, whose hint
    // says to sign in again on the Connectors page.
    m_session->setCredentialRefresher(
        [this](const QList<Tool> &sent, QObject *context, std::function<void(bool)> done) {
            ToolCredentials::refreshTools(sent, m_oauthManager, context, std::move(done),
                                          m_connectorList->connectors());
        });
    m_targets = new ChatTargetModel(this);
    m_pager = std::make_unique<ConversationPager>(m_store.get(), m_conversation);
    // The sidebar's list first: it follows the store's changes (a deletion undone, the first
    // message of a new chat) before the controller asks the sidebar to highlight that row.
    m_historyList = new ConversationListModel(m_store.get(), this);
    m_chatSettings = new QSettings(this);
    m_chatController =
        new ChatController(m_session, m_conversation, m_pager.get(), m_persistence.get(),
                           m_store.get(), m_targets, m_chatSettings, this);
    m_agentList = new AgentListModel(m_agents, this);
    m_agentList->setLoadsEveryPage(true); // the picker offers every agent, not the first page
    m_targetLoader = new ChatTargetLoader(m_models, m_agentList, this);
    m_connectorService = new ConnectorService(m_client, this);
    m_approvalSettings = new QSettings(this);
    m_approvals = new ToolApprovalStore(m_approvalSettings, this);
    m_connectorList = new ConnectorListModel(m_connectorService, m_approvals, this);

    // Quitting stops and stores an answer still streaming before anything is torn down.
    connect(QCoreApplication::instance(), &QCoreApplication::aboutToQuit, this,
            &Application::shutdown);

    buildWindow();
    applySettings(settings);
    connectApi();
    return true;
}

void Application::buildWindow() {
    m_window = std::make_unique<MainWindow>();
    auto fetcher = std::make_shared<CachedImageFetcher>(m_files, m_imageCache.get());
    m_chatPage = new ChatPage(m_session, m_targets, fetcher);
    m_chatPage->setToolApprovals(m_approvals);
    m_chatPage->setTargetLoader(m_targetLoader);
    // Every models list that arrives fills the picker, whoever asked for it (start-up, a
    // retry, the Agents page).
    connect(m_models, &ModelService::listed, m_chatController, &ChatController::applyModels);
    connect(m_chatController, &ChatController::targetSelectionRequested, m_chatPage,
            &ChatPage::selectTarget);
    connect(m_chatController, &ChatController::toolsRestored, m_chatPage,
            &ChatPage::setSelectedTools);
    connect(m_chatController, &ChatController::conversationOpened, m_chatPage,
            [this] { m_chatPage->chatView()->scrollToLatest(); });
    connect(m_chatController, &ChatController::rowRevealRequested, m_chatPage,
            [this](int row) { m_chatPage->chatView()->revealRow(row); });
    connect(m_chatController, &ChatController::statusMessage, m_window.get(),
            [this](const QString &text, int timeoutMs) { m_window->showStatus(text, timeoutMs); });
    m_window->setPage(MainWindow::Page::Chat, m_chatPage);
    auto *agentsPage = new AgentsPage(m_agents, m_agentList, m_models, m_secrets.get());
    m_window->setPage(MainWindow::Page::Agents, agentsPage);
    auto *connectorsPage = new ConnectorsPage(m_connectorService, m_connectorList,
                                              McpConnectionTest::factoryFor(m_nam), m_nam,
                                              m_secrets.get(), m_approvals);
    m_window->setPage(MainWindow::Page::Connectors, connectorsPage);
    connectorsPage->setOAuth(m_oauthManager, m_oauthTokens, m_approvalSettings);
    connect(m_oauthTokens, &OAuthTokenStore::keychainUnavailable, m_window.get(),
            [this](const QString &message) {
                m_window->showStatus(
                    tr("Sign-ins are kept for this session only: %1").arg(message));
            });
    m_agentsPage = agentsPage;
    m_connectorsPage = connectorsPage;
    // Nothing is asked before connectApi() settled the address and the key.
    setApiAvailability(ApiAvailability::Starting);
    connect(agentsPage, &AgentsPage::settingsRequested, this, &Application::showSettings);
    connect(connectorsPage, &ConnectorsPage::settingsRequested, this, &Application::showSettings);
    connect(connectorsPage, &ConnectorsPage::statusMessage, m_window.get(),
            [this](const QString &t) { m_window->showStatus(t); });
    // The chat's tools menu follows the connectors as they are created, edited or deleted.
    // Once the whole list is known, a connector the chat uses that is not in it is gone (deleted
    // here or elsewhere): the chat stops using it.
    const auto syncConnectors = [this] {
        const bool complete = m_connectorList->hasLoaded() && !m_connectorList->isLoading()
                              && !m_connectorList->hasMore()
                              && !m_connectorList->loadError().isError();
        m_chatPage->setConnectors(m_connectorList->connectors(), complete);
    };
    connect(m_connectorList, &QAbstractItemModel::rowsInserted, this, syncConnectors);
    connect(m_connectorList, &QAbstractItemModel::rowsRemoved, this, syncConnectors);
    connect(m_connectorList, &QAbstractItemModel::modelReset, this, syncConnectors);
    connect(m_connectorList, &ConnectorListModel::loadingChanged, this, syncConnectors);
    // "Sign In Again…" in the chat: the Connectors page, on that connector, signing in.
    connect(m_chatPage, &ChatPage::connectorSignInRequested, this,
            [this, connectorsPage](const QString &key) {
                m_window->showPage(MainWindow::Page::Connectors);
                for (const Connector &c : m_connectorList->connectors()) {
                    if (c.id == key || c.name == key) {
                        if (connectorsPage->selectConnector(c.id))
                            connectorsPage->signInSelected();
                        return;
                    }
                }
            });
    connect(connectorsPage, &ConnectorsPage::useInChatRequested, this,
            [this](const Connector &connector) {
                m_chatPage->useConnector(connector);
                m_window->showPage(MainWindow::Page::Chat);
                m_chatPage->focusComposer();
            });
    m_window->showPage(MainWindow::Page::Chat);

    MainWindow *w = m_window.get();
    connect(w->newChatAction(), &QAction::triggered, this, &Application::newChat);
    connect(m_chatPage, &ChatPage::newChatRequested, this, &Application::newChat);
    connect(m_chatPage, &ChatPage::statusMessage, w, [w](const QString &t) { w->showStatus(t); });
    connect(agentsPage, &AgentsPage::statusMessage, w, [w](const QString &t) { w->showStatus(t); });
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
    connect(w, &MainWindow::settingsRequested, this, &Application::showSettings);
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
    // The picker lists the account's agents after the models, as the agent list loads (pages
    // arrive as inserted rows) or changes. Not the rows: a search on the Agents page narrows
    // those, never the picker.
    connect(m_agentList, &AgentListModel::accountAgentsChanged, m_chatController,
            [this] { m_chatController->setAgents(m_agentList->accountAgents()); });
    wireExport();
    wireHistory();
    setConnectionStatus();

    // An answer that ends while the person is in another window is announced; its
    // notification opens that chat.
    m_notifier = new DesktopNotifier(this); // enabled or not by applySettings()
    auto *notifications = new AnswerNotifications(
        m_session, m_conversation, m_notifier, w, [this] { return currentConversationId(); }, this);
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

void Application::setApiAvailability(ApiAvailability availability) {
    if (m_agentsPage)
        m_agentsPage->setApiAvailability(availability);
    if (m_connectorsPage)
        m_connectorsPage->setApiAvailability(availability);
}

void Application::connectApi() {
    m_apiReady = false;
    setApiAvailability(ApiAvailability::Starting);
    // A way chosen elsewhere (Settings) ends the welcome.
    if (m_welcome && !m_config.firstRun && m_welcome->isVisibleTo(m_window.get()))
        m_window->showPage(MainWindow::Page::Chat);
    if (m_config.mode == ConnectionConfig::Mode::Demo) {
        if (!m_emulator) {
            m_emulator = new EmulatorLauncher(this);
            connect(m_emulator, &EmulatorLauncher::ready, this, [this](const QUrl &url) {
                m_client->setBaseUrl(url);
                onApiReady();
            });
            connect(m_emulator, &EmulatorLauncher::failed, this, [this](const QString &reason) {
                m_window->setConnectionText(tr("Offline demo unavailable"), reason);
                QMessageBox::warning(m_window.get(), tr("Offline demo"),
                                     tr("%1\n\nOpen Settings to connect to the Mistral platform "
                                        "with your API key.")
                                         .arg(reason));
            });
            connect(m_emulator, &EmulatorLauncher::stopped, this, [this](const QString &reason) {
                m_window->setConnectionText(tr("Offline demo stopped"), reason);
            });
        }
        // Until the emulator answers, requests go nowhere (a closed loopback port): never to
        // the real API with the demo key.
        m_client->setBaseUrl(QUrl(u"http://127.0.0.1:9"_s));
        const QString key = randomKey();
        m_client->setApiKey(key);
        m_window->setConnectionText(tr("Starting the offline demo…"));
        m_emulator->start(key);
        return;
    }
    if (m_emulator)
        m_emulator->stop();
    QString problem;
    if (!m_client->setBaseUrl(m_config.baseUrl, &problem)) {
        m_window->setConnectionText(tr("Not connected"), problem);
        QMessageBox::warning(m_window.get(), tr("API address"), problem);
        return;
    }
    if (m_config.keySource == ConnectionConfig::KeySource::Environment) {
        m_client->setApiKey(m_config.apiKey);
        onApiReady();
        return;
    }
    m_secrets->read(SecretStore::apiKeyEntry(), this, [this](const SecretStore::Result &r) {
        if (r.ok && r.value && !r.value->isEmpty()) {
            m_client->setApiKey(*r.value);
            onApiReady();
            return;
        }
        // Without a key nothing is asked: the lists say a key is needed.
        setApiAvailability(ApiAvailability::NeedsKey);
        // scripts/run: a developer's first start opens the offline demo at once (nothing is
        // remembered, so the installed app still welcomes on its own first start).
        if (m_config.firstRun && qEnvironmentVariable("TRAMONTANE_FIRST_START") == u"demo"_s) {
            switchToDemo(false);
            return;
        }
        if (m_config.firstRun) {
            showWelcome(r.ok ? QString()
                             : tr("The system keychain cannot be used (%1), so a key cannot "
                                  "be kept: set MISTRAL_API_KEY, or explore the offline demo.")
                                   .arg(r.error));
            return;
        }
        m_window->setConnectionText(tr("No API key"), r.error);
        m_window->showStatus(r.ok ? tr("Add your Mistral API key in Settings to start.") : r.error,
                             0);
        openSettings(SettingsDialog::KeySource::None);
    });
}

void Application::showWelcome(const QString &problem) {
    m_window->setConnectionText(tr("Not connected"));
    if (!m_welcome) {
        m_welcome = new WelcomePage;
        m_welcome->setObjectName(u"welcomePage"_s);
        connect(m_welcome, &WelcomePage::keySubmitted, this, &Application::tryWelcomeKey);
        connect(m_welcome, &WelcomePage::demoRequested, this, [this] { switchToDemo(true); });
    }
    m_welcome->setBaseUrl(m_config.baseUrl);
    m_welcome->showProblem(problem);
    m_window->showWelcome(m_welcome);
}

void Application::switchToDemo(bool remember) {
    if (remember)
        QSettings().setValue(SettingsKeys::connectionMode, u"demo"_s);
    m_config = ConnectionConfig::resolve({true, {}, {}, {}, u"demo"_s, {}});
    m_window->showPage(MainWindow::Page::Chat);
    connectApi();
}

void Application::tryWelcomeKey(const QString &key) {
    QPointer<WelcomePage> page = m_welcome;
    checkConnection(m_config.baseUrl, key, m_welcome, [this, page, key](const QString &problem) {
        page->keyCheckFinished(problem);
        if (!problem.isEmpty())
            return;
        m_secrets->write(
            SecretStore::apiKeyEntry(), key, this, [this, key](const SecretStore::Result &r) {
                QSettings().setValue(SettingsKeys::connectionMode, u"api"_s);
                m_config.firstRun = false;
                m_client->setApiKey(key);
                m_window->showPage(MainWindow::Page::Chat);
                m_window->showStatus(r.ok ? tr("Connected. Your API key is stored in the system "
                                               "keychain.")
                                          : tr("Connected, but the key could not be kept in the "
                                               "keychain (%1): it is used until Tramontane quits.")
                                                .arg(r.error),
                                     0);
                onApiReady();
            });
    });
}

void Application::onApiReady() {
    m_apiReady = true;
    setConnectionStatus();
    loadModelsAndAgents();
    // After the loads above, so that a page already shown does not ask a second time.
    setApiAvailability(ApiAvailability::Ready);
}

void Application::loadModelsAndAgents() {
    // Retried with a backoff while they fail (see ChatTargetLoader); listed() fills the picker.
    m_targetLoader->load();
    // One list of the account's connectors feeds the connector page, the chat's tools menu
    // and the credentials added to each request (see syncConnectors in buildWindow).
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
    // Older messages load as the user nears the top of a long conversation.
    connect(m_chatPage->chatView(), &ChatView::olderRowsWanted, this, [this] {
        if (!m_olderQueued && m_pager->hasOlder()) {
            m_olderQueued = true;
            QMetaObject::invokeMethod(this, &Application::loadOlderMessages, Qt::QueuedConnection);
        }
    });
}

bool Application::openConversation(qint64 id, qint64 messageId) {
    m_window->showPage(MainWindow::Page::Chat);
    return m_chatController->openConversation(id, messageId);
}

void Application::loadOlderMessages() {
    m_olderQueued = false;
    if (m_pager->hasOlder())
        m_pager->loadOlder();
}

void Application::setSecretStore(std::unique_ptr<SecretStore> store) {
    m_secrets = std::move(store);
}

void Application::showSettings() {
    if (m_config.keySource == ConnectionConfig::KeySource::Environment) {
        openSettings(SettingsDialog::KeySource::Environment);
        return;
    }
    // The dialog says a key is stored only when the keychain really holds one.
    m_secrets->read(SecretStore::apiKeyEntry(), this, [this](const SecretStore::Result &r) {
        openSettings(r.ok && r.value && !r.value->isEmpty() ? SettingsDialog::KeySource::Keychain
                                                            : SettingsDialog::KeySource::None);
    });
}

void Application::openSettings(SettingsDialog::KeySource keySource) {
    QSettings settings;
    SettingsDialog dialog(m_window.get());
    const SettingsDialog::Values before = AppSettings::read(settings);
    SettingsDialog::Values values = before;
    values.demo = m_config.mode == ConnectionConfig::Mode::Demo;
    dialog.setValues(values, keySource);
    dialog.setRunningLanguage(m_runningLanguage);
    QStringList models;
    for (int row = 0; row < m_targets->rowCount(); ++row) {
        const ChatTargetModel::Target target = m_targets->targetAt(row);
        if (target.kind == ChatTargetModel::Kind::Model && !target.id.isEmpty())
            models << target.id;
    }
    dialog.setModelChoices(models);
    const auto showUsage = [this, &dialog] {
        dialog.setCacheUsage(m_imageCache->totalBytes(), m_imageCache->count());
    };
    showUsage();
    connect(&dialog, &SettingsDialog::clearCacheRequested, this, [this, showUsage] {
        m_imageCache->clear();
        showUsage();
    });
    connect(&dialog, &SettingsDialog::forgetKeyRequested, this, [this, &dialog] {
        QPointer<SettingsDialog> open(&dialog);
        m_secrets->remove(
            SecretStore::apiKeyEntry(), this, [this, open](const SecretStore::Result &r) {
                if (open)
                    open->keyForgetFinished(r.ok ? QString() : r.error);
                if (!r.ok || m_config.keySource != ConnectionConfig::KeySource::Keychain)
                    return;
                // The key in use is gone with it: nothing is asked any more.
                m_client->setApiKey(QString());
                m_apiReady = false;
                setApiAvailability(ApiAvailability::NeedsKey);
                m_window->setConnectionText(tr("No API key"));
            });
    });
    dialog.setTester([this](const QUrl &baseUrl, const QString &key, QObject *context,
                            std::function<void(const QString &)> done) {
        checkConnection(baseUrl, key, context, std::move(done));
    });
    if (dialog.exec() != QDialog::Accepted)
        return;
    const SettingsDialog::Values chosen = dialog.values();
    AppSettings::write(settings, chosen);
    applySettings(chosen);

    const bool fromEnvironment = keySource == SettingsDialog::KeySource::Environment;
    const bool connectionChanged = chosen.demo != values.demo || chosen.baseUrl != before.baseUrl
                                   || !chosen.apiKey.isEmpty() || !m_apiReady;
    if (!connectionChanged)
        return;
    ConnectionConfig::Inputs in;
    in.settingsMode = chosen.demo ? u"demo"_s : u"api"_s;
    in.settingsBaseUrl = chosen.baseUrl.toString();
    in.apiKeyEnv = fromEnvironment ? m_config.apiKey : QString();
    in.demoFlag = chosen.demo;
    m_config = ConnectionConfig::resolve(in);
    if (!chosen.demo && !chosen.apiKey.isEmpty() && !fromEnvironment) {
        m_secrets->write(SecretStore::apiKeyEntry(), chosen.apiKey, this,
                         [this](const SecretStore::Result &r) {
                             if (!r.ok)
                                 QMessageBox::warning(m_window.get(), tr("API key"), r.error);
                             connectApi();
                         });
        return;
    }
    connectApi();
}

void Application::applySettings(const SettingsDialog::Values &values) {
    m_client->setTransferTimeout(std::chrono::seconds(values.requestTimeoutSeconds));
    m_imageCache->setMaxBytes(qint64(values.imageCacheMegabytes) * 1024 * 1024);
    values.proxy.apply();
    applyTheme(values.theme);
    if (m_notifier)
        m_notifier->setEnabled(values.notifications);
    m_chatController->setDefaultModel(values.defaultModel);
    m_chatController->setNewChatDefaults(values.newChatDefaults);
}

void Application::checkConnection(const QUrl &baseUrl, const QString &key, QObject *context,
                                  std::function<void(const QString &)> done) {
    m_connectionCheck->check(baseUrl, key, context, [done](const ConnectionCheck::Result &r) {
        if (r.ok())
            done(QString());
        else if (!r.addressProblem.isEmpty())
            done(r.addressProblem);
        else if (r.error.kind() == ApiError::Kind::Http
                 && (r.error.httpStatus() == 401 || r.error.httpStatus() == 403))
            done(tr("The server did not accept this key: check that it was copied whole from "
                    "console.mistral.ai."));
        else
            done(ErrorPresenter::sentence(r.error));
    });
}

void Application::setConnectionStatus() {
    if (!m_window)
        return;
    if (m_config.mode == ConnectionConfig::Mode::Demo) {
        m_window->setConnectionText(
            m_apiReady ? tr("Offline demo") : tr("Starting the offline demo…"),
            tr("The bundled emulator answers at %1. Open Settings to use the Mistral platform.")
                .arg(m_client->baseUrl().toDisplayString()));
        return;
    }
    m_window->setConnectionText(m_client->baseUrl().host(), m_config.reason);
}

// ----- Show as code, export and import ---------------------------------------------------------

void Application::wireExport() {
    MainWindow *w = m_window.get();
    connect(w->showAsCodeAction(), &QAction::triggered, this, &Application::showAsCode);
    connect(w->exportMarkdownAction(), &QAction::triggered, this,
            [this] { exportConversation(FileChoice::ExportMarkdown); });
    connect(w->exportJsonAction(), &QAction::triggered, this,
            [this] { exportConversation(FileChoice::ExportJson); });
    connect(w->importJsonAction(), &QAction::triggered, this, &Application::importConversation);
    // The conversation is stored lazily (with its first message) and forgotten by New chat:
    // look again once the model has changed and the persistence followed.
    connect(m_conversation, &QAbstractItemModel::modelReset, this,
            &Application::updateExportActions, Qt::QueuedConnection);
    connect(m_conversation, &QAbstractItemModel::rowsInserted, this,
            &Application::updateExportActions, Qt::QueuedConnection);
    connect(m_conversation, &QAbstractItemModel::rowsRemoved, this,
            &Application::updateExportActions, Qt::QueuedConnection);
    updateExportActions();
}

void Application::updateExportActions() {
    if (!m_window)
        return;
    const bool stored = m_persistence->conversationId() != 0;
    m_window->exportMarkdownAction()->setEnabled(stored);
    m_window->exportJsonAction()->setEnabled(stored);
}

void Application::showAsCode() {
    if (m_session->targetId().isEmpty()) {
        m_window->showStatus(tr("Choose a model or an agent first."));
        return;
    }
    // The request the next Send would make: the history, then the text in the composer, with
    // the tools as a request carries them (an agent's own tools, connector credentials); the
    // code names the credentials by environment variable only.
    QList<ChatMessage> messages = m_conversation->history();
    const QString draft = m_chatPage->composerText();
    if (!draft.trimmed().isEmpty())
        messages.append(ChatMessage::user(draft));
    const QUrl baseUrl = m_client->baseUrl();
    m_session->prepareRequest(
        messages, m_chatPage->selectedTools(), m_window.get(),
        [this, baseUrl](const ChatSession::TurnRequest &turn) {
            CodeExport::Request request = std::visit(
                [&baseUrl](const auto &body) {
                    using T = std::decay_t<decltype(body)>;
                    if constexpr (std::is_same_v<T, AgentCompletionRequest>)
                        return CodeExport::Request::fromAgent(body, baseUrl);
                    else if constexpr (std::is_same_v<T, ConversationStartRequest>)
                        return CodeExport::Request::fromConversationStart(body, baseUrl);
                    else if constexpr (std::is_same_v<T, ConversationAppendRequest>)
                        return CodeExport::Request::fromConversationAppend(body, baseUrl);
                    else
                        return CodeExport::Request::fromChat(body, baseUrl);
                },
                turn);
            if (!m_config.apiKey.isEmpty())
                request.secrets.append({CodeExport::apiKeyVariable(), m_config.apiKey});
            auto *dialog = new ShowAsCodeDialog(request, m_window.get());
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            if (m_config.mode == ConnectionConfig::Mode::Demo) {
                dialog->setNote(
                    tr("The code talks to the offline demo at %1, which runs only while "
                       "Tramontane is open and accepts only its own random key. In "
                       "Settings, connect to the Mistral platform to get code for the "
                       "real API.")
                        .arg(baseUrl.toDisplayString()));
            }
            dialog->open();
        });
}

QString Application::chooseFile(FileChoice choice, const QString &suggestion) {
    if (m_fileChooser)
        return m_fileChooser(choice, suggestion);
    const QDir documents(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    switch (choice) {
    case FileChoice::ExportMarkdown:
        return QFileDialog::getSaveFileName(m_window.get(), tr("Export as Markdown"),
                                            documents.filePath(suggestion), tr("Markdown (*.md)"));
    case FileChoice::ExportJson:
        return QFileDialog::getSaveFileName(m_window.get(), tr("Export as JSON"),
                                            documents.filePath(suggestion), tr("JSON (*.json)"));
    case FileChoice::ImportJson:
        return QFileDialog::getOpenFileName(m_window.get(), tr("Import Conversation"),
                                            documents.path(),
                                            tr("Exported conversations (*.json);;All files (*)"));
    }
    return {};
}

void Application::showError(const QString &title, const QString &text) {
    // Not modal to the event loop: the app keeps running (and tests keep driving it).
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, m_window.get());
    box->setObjectName(u"exportErrorMessageBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void Application::exportConversation(FileChoice format) {
    const qint64 id = m_persistence->conversationId();
    if (id == 0) {
        m_window->showStatus(tr("There is no saved conversation to export yet."));
        return;
    }
    const bool json = format == FileChoice::ExportJson;
    // A file name from the title, without characters file systems refuse.
    const auto info = m_store->conversation(id);
    QString name = info.ok() ? info->title.left(60) : QString();
    static const QRegularExpression unsafe(uR"([\\/:*?"<>|\x00-\x1f]+)"_s);
    name = name.replace(unsafe, u" "_s).simplified();
    if (name.isEmpty() || name.startsWith(u'.'))
        name = tr("Conversation");
    const QString path = chooseFile(format, name + (json ? u".json"_s : u".md"_s));
    if (path.isEmpty())
        return;

    ImageCache *cache = m_imageCache.get();
    const StoreResult<void> result =
        json ? m_store->exportJson(id, path)
             : m_store->exportMarkdown(id, path, [cache](const QString &reference) {
                   const bool url =
                       reference.startsWith(u"http://"_s) || reference.startsWith(u"https://"_s);
                   return cache->lookup(url ? ImageCache::keyForUrl(QUrl(reference)) : reference);
               });
    if (!result.ok()) {
        showError(tr("Export"), tr("The conversation could not be exported to %1.\n\n%2")
                                    .arg(QDir::toNativeSeparators(path), result.error().message));
        return;
    }
    m_window->showStatus(tr("Exported to %1").arg(QDir::toNativeSeparators(path)));
}

void Application::importConversation() {
    const QString path = chooseFile(FileChoice::ImportJson, {});
    if (path.isEmpty())
        return;
    const StoreResult<ConversationInfo> imported = m_store->importJson(path);
    if (!imported.ok()) {
        showError(tr("Import"), tr("%1 could not be imported.\n\n%2")
                                    .arg(QDir::toNativeSeparators(path), imported.error().message));
        return;
    }
    // A copy is a chat of its own: it must not append to the server conversation of the chat
    // it was exported from (nor to one of another account). Its next turn starts a new one.
    StoreChatPersistence(m_store.get(), imported->id).setServerConversationId({});
    if (m_session->isBusy()) {
        // Switching now would pull the conversation from under the answer being written.
        m_window->showStatus(tr("Imported “%1”. It opens once the answer being written is done "
                                "or stopped.")
                                 .arg(imported->title),
                             0);
        const qint64 id = imported->id;
        auto once = std::make_shared<QMetaObject::Connection>();
        *once = connect(m_session, &ChatSession::busyChanged, this, [this, id, once](bool busy) {
            if (!busy) {
                disconnect(*once);
                openConversation(id);
            }
        });
        return;
    }
    openConversation(imported->id);
    m_window->showStatus(tr("Imported “%1”.").arg(imported->title));
}

} // namespace Tramontane
