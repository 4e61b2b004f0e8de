// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/Application.h"

#include "app/CachedImageFetcher.h"
#include "app/EmulatorLauncher.h"
#include "core/Logging.h"
#include "core/auth/SecretStore.h"
#include "core/net/ApiClient.h"
#include "core/services/AgentService.h"
#include "core/services/ChatService.h"
#include "core/services/ConnectorService.h"
#include "core/services/FileService.h"
#include "core/services/ModelService.h"
#include "core/services/ToolApprovalStore.h"
#include "core/services/ToolCredentials.h"
#include "core/storage/ConversationStore.h"
#include "core/storage/ImageCache.h"
#include "models/AgentListModel.h"
#include "models/ChatSession.h"
#include "models/ChatTargetModel.h"
#include "models/ConnectorListModel.h"
#include "models/ConversationModel.h"
#include "models/StoreChatPersistence.h"
#include "ui/AgentEditorDialog.h"
#include "ui/AgentVersionsDialog.h"
#include "ui/AgentsPage.h"
#include "ui/ChatPage.h"
#include "ui/ConnectorEditorDialog.h"
#include "ui/ConnectorToolsDialog.h"
#include "ui/ConnectorsPage.h"
#include "ui/MainWindow.h"
#include "ui/SettingsDialog.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
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
    // The window and its pages go first: they hold pointers into everything below.
    m_window.reset();
    if (m_store)
        (void)m_store->purgeDeleted();
}

bool Application::start(QString *error) {
    QDir().mkpath(m_profileDir);
    auto opened = ConversationStore::open(m_profileDir);
    if (!opened.ok()) {
        *error = opened.error.message;
        return false;
    }
    m_store = std::move(opened.store);
    if (opened.interruptedMessages > 0)
        qCInfo(lcStorage) << opened.interruptedMessages << "answers were interrupted last time";

    m_secrets = std::make_unique<KeychainSecretStore>(u"Tramontane/"_s
                                                      + QFileInfo(m_profileDir).fileName());
    m_nam = new QNetworkAccessManager(this);
    m_client = new ApiClient(m_nam, this);
    m_chat = new ChatService(m_client, this);
    m_files = new FileService(m_client, this);
    m_models = new ModelService(m_client, this);
    m_agents = new AgentService(m_client, this);
    m_imageCache = std::make_unique<ImageCache>(
        QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation))
            .filePath(QFileInfo(m_profileDir).fileName() + u"/images"_s));

    m_conversation = new ConversationModel(this);
    m_session = new ChatSession(m_chat, m_conversation, this);
    m_persistence = std::make_unique<StoreChatPersistence>(m_store.get());
    m_persistence->setNewConversationFactory([this] {
        NewConversation init;
        if (m_session->targetKind() == ChatSession::TargetKind::Agent)
            init.agentId = m_session->targetId();
        else
            init.model = m_session->targetId();
        init.tools = toolsToJson(m_session->tools());
        return init;
    });
    m_session->setPersistence(m_persistence.get());
    // Each request's connector tools carry the credentials kept for them in the keychain; an
    // agent's own tools are sent with theirs.
    m_session->setToolAuthorizer([this](ChatSession::TargetKind kind, const QString &targetId,
                                        const QList<Tool> &tools, QObject *context,
                                        std::function<void(const QList<Tool> &)> done) {
        const QList<Connector> connectors = m_connectorList->connectors();
        if (kind == ChatSession::TargetKind::Agent) {
            for (const Agent &agent : m_agentList->agents()) {
                if (agent.id == targetId) {
                    ToolCredentials::authorizeAgentTools(agent, m_secrets.get(), context, done,
                                                         connectors);
                    return;
                }
            }
        }
        ToolCredentials::authorizeTools(tools, m_secrets.get(), context, done, connectors);
    });
    m_targets = new ChatTargetModel(this);
    m_agentList = new AgentListModel(m_agents, this);
    m_connectorService = new ConnectorService(m_client, this);
    m_approvalSettings = new QSettings(this);
    m_approvals = new ToolApprovalStore(m_approvalSettings, this);
    m_connectorList = new ConnectorListModel(m_connectorService, m_approvals, this);

    buildWindow();
    connectApi();
    return true;
}

void Application::buildWindow() {
    m_window = std::make_unique<MainWindow>();
    auto fetcher = std::make_shared<CachedImageFetcher>(m_files, m_imageCache.get());
    m_chatPage = new ChatPage(m_session, m_targets, fetcher);
    m_chatPage->setToolApprovals(m_approvals);
    m_window->setPage(MainWindow::Page::Chat, m_chatPage);
    auto *agentsPage = new AgentsPage(m_agents, m_agentList, m_models, m_secrets.get());
    m_window->setPage(MainWindow::Page::Agents, agentsPage);
    auto *connectorsPage = new ConnectorsPage(m_connectorService, m_connectorList, m_nam,
                                              m_secrets.get(), m_approvals);
    m_window->setPage(MainWindow::Page::Connectors, connectorsPage);
    connect(connectorsPage, &ConnectorsPage::statusMessage, m_window.get(),
            [this](const QString &t) { m_window->showStatus(t); });
    // The chat's tools menu follows the connectors as they are created, edited or deleted.
    const auto syncConnectors = [this] {
        m_chatPage->setConnectors(m_connectorList->connectors());
    };
    connect(m_connectorList, &QAbstractItemModel::rowsInserted, this, syncConnectors);
    connect(m_connectorList, &QAbstractItemModel::rowsRemoved, this, syncConnectors);
    connect(m_connectorList, &QAbstractItemModel::modelReset, this, syncConnectors);
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
    connect(agentsPage, &AgentsPage::chatWithAgentRequested, this, [this](const Agent &agent) {
        newChat();
        m_targets->setAgents(m_agentList->agents());
        m_chatPage->selectTarget(true, agent.id);
        m_window->showPage(MainWindow::Page::Chat);
        m_chatPage->focusComposer();
    });
    connect(m_agentList, &QAbstractItemModel::modelReset, this,
            [this] { m_targets->setAgents(m_agentList->agents()); });
    setConnectionStatus();
}

void Application::connectApi() {
    m_apiReady = false;
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
        m_window->setConnectionText(tr("No API key"), r.error);
        m_window->showStatus(r.ok ? tr("Add your Mistral API key in Settings to start.") : r.error,
                             0);
        showSettings();
    });
}

void Application::onApiReady() {
    m_apiReady = true;
    setConnectionStatus();
    loadModelsAndAgents();
}

void Application::loadModelsAndAgents() {
    m_models->list(this, [this](const ServiceResult<ModelList> &r) {
        if (r.ok()) {
            // The last model or agent used, else a capable default.
            const QString last = QSettings().value(u"chat/lastTarget"_s).toString();
            m_targets->setModels(r.value->data);
            if (!last.isEmpty())
                m_chatPage->selectTarget(last.startsWith(u"agent:"_s), last.section(u':', 1));
            else
                m_chatPage->selectTarget(false, u"mistral-medium-latest"_s);
        } else if (!r.error.isCanceled()) {
            m_window->showStatus(
                tr("Could not load the models: %1 %2").arg(r.error.title(), r.error.hint()), 0);
        }
    });
    m_agentList->refresh();
    m_agents->listConnectors(this, [this](const ServiceResult<QList<Connector>> &r) {
        if (r.ok() && m_chatPage)
            m_chatPage->setConnectors(*r.value);
    });
}

void Application::newChat() {
    if (m_session->isBusy())
        m_session->stop();
    m_conversation->clear();
    m_persistence->setConversation(0);
    m_window->showPage(MainWindow::Page::Chat);
    m_chatPage->focusComposer();
}

void Application::showSettings() {
    QSettings settings;
    SettingsDialog dialog(m_window.get());
    SettingsDialog::Values values;
    values.demo = m_config.mode == ConnectionConfig::Mode::Demo;
    values.baseUrl = QUrl(settings.value(u"connection/baseUrl"_s).toString());
    const bool fromEnvironment = m_config.keySource == ConnectionConfig::KeySource::Environment;
    dialog.setValues(values, m_config.keySource == ConnectionConfig::KeySource::Keychain,
                     fromEnvironment);
    dialog.setTester([this](const QUrl &baseUrl, const QString &key, QObject *context,
                            std::function<void(const QString &)> done) {
        // A throwaway client so the test never disturbs the live one.
        auto *client = new ApiClient(m_nam, context);
        QString problem;
        if (!client->setBaseUrl(baseUrl, &problem)) {
            done(problem);
            return;
        }
        if (!key.isEmpty())
            client->setApiKey(key);
        auto *models = new ModelService(key.isEmpty() ? m_client : client, context);
        models->list(context, [done](const ServiceResult<ModelList> &r) {
            done(r.ok() ? QString() : r.error.title() + u' ' + r.error.hint());
        });
    });
    if (dialog.exec() != QDialog::Accepted)
        return;
    const SettingsDialog::Values chosen = dialog.values();
    settings.setValue(u"connection/mode"_s, chosen.demo ? u"demo"_s : u"api"_s);
    settings.setValue(u"connection/baseUrl"_s, chosen.baseUrl.toString());

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

} // namespace Tramontane
