// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/ChatController.h"

#include "core/SettingsKeys.h"
#include "core/storage/ConversationStore.h"
#include "models/ChatSession.h"
#include "models/ChatTargetModel.h"
#include "models/ConversationModel.h"
#include "models/ConversationPager.h"
#include "models/StoreChatPersistence.h"

#include <QJsonArray>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace Tramontane {

QString ChatController::Target::toSetting() const {
    return (agent ? u"agent:"_s : u"model:"_s) + id;
}

ChatController::Target ChatController::Target::fromSetting(const QString &value) {
    if (value.isEmpty())
        return {};
    return {value.startsWith(u"agent:"_s), value.section(u':', 1)};
}

QString ChatController::fallbackModel() {
    return u"mistral-medium-latest"_s;
}

ChatController::ChatController(ChatSession *session, ConversationModel *conversation,
                               ConversationPager *pager, StoreChatPersistence *persistence,
                               ConversationStore *store, ChatTargetModel *targets,
                               QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_conversation(conversation)
    , m_pager(pager)
    , m_persistence(persistence)
    , m_store(store)
    , m_targets(targets)
    , m_settings(settings) {
    // A new conversation is stored with the model or agent and the tools of its first turn.
    m_persistence->setNewConversationFactory([this] {
        NewConversation init;
        if (m_session->targetKind() == ChatSession::TargetKind::Agent)
            init.agentId = m_session->targetId();
        else
            init.model = m_session->targetId();
        init.tools = toolsToJson(m_session->tools());
        if (const ChatSettings settings = m_session->chatSettings(); !settings.isDefault())
            init.settings.insert(StoreChatPersistence::chatSettingsKey(), settings.toJson());
        return init;
    });
    connect(m_session, &ChatSession::busyChanged, this, &ChatController::onBusyChanged);
    connect(m_session, &ChatSession::chatSettingsChanged, this,
            &ChatController::onChatSettingsChanged);
    connect(m_store, &ConversationStore::conversationDeleted, this,
            &ChatController::onConversationDeleted);
    connect(m_store, &ConversationStore::conversationRestored, this,
            &ChatController::onConversationRestored);
    connect(m_store, &ConversationStore::messageAdded, this, &ChatController::onMessageAdded);
}

void ChatController::announce(qint64 id) {
    m_announced = id;
    Q_EMIT currentConversationChanged(id);
}

ChatController::~ChatController() {
    m_persistence->setNewConversationFactory({});
}

qint64 ChatController::currentConversationId() const {
    return m_persistence->conversationId();
}

void ChatController::newChat() {
    if (m_session->isBusy())
        m_session->stop();
    m_pager->clear();
    m_persistence->setConversation(0);
    m_session->setChatSettings(m_newChatDefaults);
    announce(0);
}

bool ChatController::openConversation(qint64 id, qint64 messageId) {
    if (id != m_persistence->conversationId()) {
        if (m_session->isBusy())
            m_session->stop(); // keeps what arrived, stored in the conversation it belongs to
        if (m_session->isBusy()) {
            // Still completing the request's tools: it cannot be stopped half way.
            Q_EMIT statusMessage(tr("The answer is still starting; try again in a moment."), 5000);
            announce(m_persistence->conversationId());
            return false;
        }
        const auto info = m_store->conversation(id);
        QString error;
        if (!info || !m_pager->open(id, &error)) {
            if (error.isEmpty())
                error = tr("The conversation could not be opened: %1").arg(info.error().message);
            Q_EMIT statusMessage(error, 0);
            announce(m_persistence->conversationId());
            return false;
        }
        m_persistence->setConversation(id);
        m_session->setChatSettings(m_persistence->chatSettings());
        m_closedByDelete = 0;
        if (!info->agentId.isEmpty())
            requestTarget({true, info->agentId});
        else if (!info->model.isEmpty())
            requestTarget({false, info->model});
        Q_EMIT toolsRestored(toolsFromJson(info->tools));
        Q_EMIT conversationOpened(id);
    }
    if (messageId != 0) {
        // A message of another version (a search hit): show that version.
        const auto hit = m_store->message(messageId);
        if (hit && hit->conversationId == id && !hit->onPath) {
            QString error;
            if (m_store->selectBranch(id, messageId) && m_pager->open(id, &error))
                m_persistence->setServerConversationId({});
        }
    }
    announce(id);
    if (messageId != 0) {
        const int entry = m_pager->revealMessage(messageId);
        if (entry >= 0)
            Q_EMIT rowRevealRequested(m_conversation->firstRowOfEntry(entry));
    }
    return true;
}

int ChatController::versionAnchor(int entry) const {
    // The user message stays where it is: its own versions, or those of its answer.
    const auto &entries = m_conversation->entries();
    if (entry <= 0 || entry >= entries.size()
        || entries.at(entry).message.role == ChatMessage::Role::User)
        return entry;
    return entry - 1;
}

int ChatController::versionAnchorRow(int entry) const {
    if (entry < 0 || entry >= m_conversation->entryCount())
        return -1;
    return m_conversation->firstRowOfEntry(versionAnchor(entry));
}

int ChatController::switchVersion(int entry, int step) {
    const qint64 id = m_persistence->conversationId();
    if (id == 0 || entry < 0 || entry >= m_conversation->entryCount())
        return -1;
    if (m_session->isBusy()) {
        Q_EMIT statusMessage(tr("Wait for the current answer to finish, or stop it."), 5000);
        return -1;
    }
    const auto &entries = m_conversation->entries();
    const int anchor = versionAnchor(entry);
    const qint64 anchorId = entries.at(anchor).id;
    const auto target = m_store->versionBeside(entries.at(entry).id, step);
    if (!target)
        return -1;
    QString error;
    const auto shown = m_store->selectBranch(id, *target);
    if (!shown || !m_pager->open(id, &error)) {
        Q_EMIT statusMessage(error.isEmpty() ? shown.error().message : error, 0);
        return -1;
    }
    // The server's conversation holds the path left behind: the next turn replays this one.
    m_persistence->setServerConversationId({});
    const qint64 keep = anchor == entry ? *target : anchorId;
    const int kept = m_pager->revealMessage(keep);
    return kept < 0 ? -1 : m_conversation->firstRowOfEntry(kept);
}

void ChatController::loadOlderMessagesSoon() {
    if (m_olderQueued || !m_pager->hasOlder())
        return;
    m_olderQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_olderQueued = false;
            if (m_pager->hasOlder())
                m_pager->loadOlder();
        },
        Qt::QueuedConnection);
}

void ChatController::chatWithAgent(const QString &agentId, const QList<Agent> &agents) {
    newChat();
    m_targets->setAgents(agents);
    requestTarget({true, agentId});
}

void ChatController::setDefaultModel(const QString &model) {
    const bool changed = model != m_defaultModel;
    m_defaultModel = model;
    if (changed && !m_defaultModel.isEmpty() && m_conversation->entryCount() == 0
        && !m_session->isBusy()
        && m_targets->rowOf(ChatTargetModel::Kind::Model, m_defaultModel) >= 0)
        requestTarget({false, m_defaultModel});
}

void ChatController::setNewChatDefaults(const ChatSettings &settings) {
    m_newChatDefaults = settings;
    if (m_persistence->conversationId() == 0 && m_conversation->entryCount() == 0
        && !m_session->isBusy())
        m_session->setChatSettings(settings);
}

void ChatController::onChatSettingsChanged() {
    m_persistence->setChatSettings(m_session->chatSettings());
}

void ChatController::requestTarget(const Target &target) {
    m_chosen = target;
    Q_EMIT targetSelectionRequested(target.agent, target.id);
}

void ChatController::targetChosen(bool agent, const QString &id) {
    m_chosen = {agent, id};
    m_settings->setValue(SettingsKeys::lastTarget, m_chosen.toSetting());
}

ChatController::Target ChatController::preferredTarget() const {
    if (!m_chosen.isEmpty())
        return m_chosen;
    if (!m_session->targetId().isEmpty() && m_conversation->entryCount() > 0)
        return {m_session->targetKind() == ChatSession::TargetKind::Agent, m_session->targetId()};
    // A default model chosen in Settings wins over the one used last.
    if (!m_defaultModel.isEmpty())
        return {false, m_defaultModel};
    const Target last = Target::fromSetting(m_settings->value(SettingsKeys::lastTarget).toString());
    if (!last.isEmpty())
        return last;
    return {false, fallbackModel()};
}

void ChatController::applyModels(const ModelList &models) {
    const Target target = preferredTarget();
    m_targets->setModels(models.data);
    Q_EMIT targetSelectionRequested(target.agent, target.id);
}

void ChatController::setAgents(const QList<Agent> &agents) {
    const Target target = preferredTarget();
    m_targets->setAgents(agents);
    Q_EMIT targetSelectionRequested(target.agent, target.id);
}

void ChatController::onBusyChanged(bool busy) {
    if (busy && !m_session->targetId().isEmpty()) {
        // The one used last: what a turn went to, whoever picked it.
        const Target used{m_session->targetKind() == ChatSession::TargetKind::Agent,
                          m_session->targetId()};
        m_settings->setValue(SettingsKeys::lastTarget, used.toSetting());
    }
    // A reopened chat keeps the model, agent and tools it is continued with.
    const qint64 id = m_persistence->conversationId();
    if (!busy || id == 0)
        return;
    const auto info = m_store->conversation(id);
    if (!info)
        return;
    const bool agent = m_session->targetKind() == ChatSession::TargetKind::Agent;
    const QString model = agent ? QString() : m_session->targetId();
    const QString agentId = agent ? m_session->targetId() : QString();
    if (info->model != model || info->agentId != agentId)
        (void)m_store->setModel(id, model, agentId);
    const QJsonArray tools = toolsToJson(m_session->tools());
    if (info->tools != tools)
        (void)m_store->setTools(id, tools);
}

void ChatController::onConversationDeleted(qint64 id) {
    // Deleting the open conversation starts a new chat; undoing it reopens it if the new chat
    // is still empty.
    if (id != m_persistence->conversationId())
        return;
    if (m_session->isBusy())
        m_session->stop();
    m_pager->clear();
    m_persistence->setConversation(0);
    m_session->setChatSettings(m_newChatDefaults);
    announce(0);
    m_closedByDelete = id;
}

void ChatController::onConversationRestored(qint64 id) {
    if (id == m_closedByDelete && m_persistence->conversationId() == 0
        && m_conversation->entryCount() == 0)
        openConversation(id);
    m_closedByDelete = 0;
}

void ChatController::onMessageAdded(qint64 conversationId) {
    // The first message of a new chat creates its conversation: it becomes the current one.
    if (conversationId == m_persistence->conversationId() && conversationId != m_announced)
        announce(conversationId);
}

} // namespace Tramontane
