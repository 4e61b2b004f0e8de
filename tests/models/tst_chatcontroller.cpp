// SPDX-License-Identifier: GPL-3.0-or-later
// The chat's behaviour without its widgets: switching conversations, undo of a deleted open
// conversation, the "last target" preference and the default model. Over a real store in a
// temporary profile; nothing is sent.
#include "models/ChatController.h"

#include "core/SettingsKeys.h"
#include "core/net/ApiClient.h"
#include "core/services/ChatService.h"
#include "core/storage/ConversationStore.h"
#include "models/ChatSession.h"
#include "models/ChatTargetModel.h"
#include "models/ConversationModel.h"
#include "models/ConversationPager.h"
#include "models/StoreChatPersistence.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

QJsonObject userJson(const QString &text) {
    return QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, text}};
}

ModelCard card(const QString &id) {
    ModelCard c;
    c.id = id;
    c.capabilities.completionChat = true;
    return c;
}

} // namespace

class TestChatController : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void open_switchesConversationAndRestoresTargetAndTools();
    void hostedToolChoices_areKeptWithTheChat();
    void open_unknownConversation_failsAndKeepsTheChat();
    void open_searchHit_revealsItsRow();
    void newChat_clearsTheChat();
    void deleteOpenConversation_startsNewChat_undoReopensIt();
    void undoDelete_afterNewChatBegan_doesNotReopen();
    void deleteOtherConversation_keepsTheChat();
    void firstMessage_storesTargetAndBecomesCurrent();
    void lastTarget_isPersistedAndPreferredNextTime();
    void agentsBeforeModels_theFirstAgentIsNotAChoice();
    void preferredTarget_defaultModelWins_thenFallback();
    void setDefaultModel_selectsOnlyInAnEmptyChat();
    void olderMessages_repeatedRequestsLoadOnePageLater();

private:
    //! A stored conversation with one question, made with \a model or \a agentId.
    qint64 createConversation(const QString &question, const QString &model,
                              const QString &agentId = {}, const QList<Tool> &tools = {});
    //! A controller as the application builds one, over the objects below.
    std::unique_ptr<ChatController> makeController(ChatSession *session);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ConversationStore> m_store;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<ChatService> m_chat;
    std::unique_ptr<ConversationModel> m_conversation;
    std::unique_ptr<ChatSession> m_session;
    std::unique_ptr<StoreChatPersistence> m_persistence;
    std::unique_ptr<ConversationPager> m_pager;
    std::unique_ptr<ChatTargetModel> m_targets;
    std::unique_ptr<ChatController> m_controller;
};

void TestChatController::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    auto opened = ConversationStore::open(m_dir->path());
    QVERIFY2(opened.ok(), qPrintable(opened.error.message));
    m_store = std::move(opened.store);
    m_settings =
        std::make_unique<QSettings>(m_dir->filePath(u"settings.ini"_s), QSettings::IniFormat);
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<ApiClient>(m_nam.get());
    m_chat = std::make_unique<ChatService>(m_client.get());
    m_conversation = std::make_unique<ConversationModel>();
    m_session = std::make_unique<ChatSession>(m_chat.get(), m_conversation.get());
    m_persistence = std::make_unique<StoreChatPersistence>(m_store.get());
    m_session->setPersistence(m_persistence.get());
    m_pager = std::make_unique<ConversationPager>(m_store.get(), m_conversation.get());
    m_targets = std::make_unique<ChatTargetModel>();
    m_controller = makeController(m_session.get());
}

void TestChatController::cleanup() {
    m_controller.reset();
    m_targets.reset();
    m_pager.reset();
    m_session.reset();
    m_persistence.reset();
    m_conversation.reset();
    m_chat.reset();
    m_client.reset();
    m_nam.reset();
    m_settings.reset();
    m_store.reset();
    m_dir.reset();
}

std::unique_ptr<ChatController> TestChatController::makeController(ChatSession *session) {
    return std::make_unique<ChatController>(session, m_conversation.get(), m_pager.get(),
                                            m_persistence.get(), m_store.get(), m_targets.get(),
                                            m_settings.get());
}

qint64 TestChatController::createConversation(const QString &question, const QString &model,
                                              const QString &agentId, const QList<Tool> &tools) {
    NewConversation init;
    init.model = model;
    init.agentId = agentId;
    init.tools = toolsToJson(tools);
    const auto created = m_store->createConversation(init);
    if (!created.ok())
        return 0;
    (void)m_store->appendUserMessage(created->id, userJson(question));
    return created->id;
}

void TestChatController::open_switchesConversationAndRestoresTargetAndTools() {
    const qint64 a = createConversation(u"About owls"_s, u"model-a"_s, {},
                                        {Tool::builtIn(Tool::Type::WebSearch)});
    const qint64 b = createConversation(u"About bats"_s, {}, u"agent-b"_s);
    QSignalSpy targets(m_controller.get(), &ChatController::targetSelectionRequested);
    QSignalSpy tools(m_controller.get(), &ChatController::toolsRestored);
    QSignalSpy current(m_controller.get(), &ChatController::currentConversationChanged);
    QSignalSpy opened(m_controller.get(), &ChatController::conversationOpened);

    QVERIFY(m_controller->openConversation(a));
    QCOMPARE(m_controller->currentConversationId(), a);
    QCOMPARE(m_conversation->entryCount(), 1);
    QCOMPARE(m_conversation->entries().first().message.content.plainText(), u"About owls"_s);
    QCOMPARE(targets.count(), 1);
    QCOMPARE(targets.last().at(0).toBool(), false);
    QCOMPARE(targets.last().at(1).toString(), u"model-a"_s);
    QCOMPARE(tools.count(), 1);
    const auto restored = tools.last().at(0).value<QList<Tool>>();
    QCOMPARE(restored.size(), 1);
    QCOMPARE(restored.first().type, Tool::Type::WebSearch);
    QCOMPARE(opened.count(), 1);
    QCOMPARE(current.last().at(0).toLongLong(), a);

    QVERIFY(m_controller->openConversation(b));
    QCOMPARE(m_controller->currentConversationId(), b);
    QCOMPARE(m_conversation->entries().first().message.content.plainText(), u"About bats"_s);
    QCOMPARE(targets.last().at(0).toBool(), true);
    QCOMPARE(targets.last().at(1).toString(), u"agent-b"_s);
    QCOMPARE(current.last().at(0).toLongLong(), b);

    // Opening the conversation already shown loads nothing again.
    QVERIFY(m_controller->openConversation(b));
    QCOMPARE(opened.count(), 2);
    QCOMPARE(current.last().at(0).toLongLong(), b);
}

void TestChatController::hostedToolChoices_areKeptWithTheChat() {
    // Premium web search and the chosen libraries, as the tools menu makes them.
    const QList<Tool> chosen{Tool::builtIn(Tool::Type::WebSearchPremium),
                             Tool::documentLibrary({u"lib-a"_s, u"lib-b"_s})};
    m_session->setTarget(ChatSession::TargetKind::Model, u"model-a"_s);
    m_session->setTools(chosen);
    ChatEntry first;
    first.message = ChatMessage::user(u"What do the manuals say?"_s);
    QVERIFY(m_persistence->storeMessage(first, nullptr) != 0);
    const qint64 id = m_controller->currentConversationId();
    QVERIFY(id != 0);

    m_controller->newChat();
    QSignalSpy tools(m_controller.get(), &ChatController::toolsRestored);
    QVERIFY(m_controller->openConversation(id));
    QCOMPARE(tools.count(), 1);
    const auto restored = tools.last().at(0).value<QList<Tool>>();
    QCOMPARE(toolsToJson(restored), toolsToJson(chosen));
}

void TestChatController::open_unknownConversation_failsAndKeepsTheChat() {
    const qint64 a = createConversation(u"About owls"_s, u"model-a"_s);
    QVERIFY(m_controller->openConversation(a));
    QSignalSpy status(m_controller.get(), &ChatController::statusMessage);
    QSignalSpy current(m_controller.get(), &ChatController::currentConversationChanged);
    QVERIFY(!m_controller->openConversation(a + 1000));
    QCOMPARE(m_controller->currentConversationId(), a);
    QCOMPARE(m_conversation->entryCount(), 1);
    QCOMPARE(status.count(), 1);
    QVERIFY(!status.last().at(0).toString().isEmpty());
    QCOMPARE(status.last().at(1).toInt(), 0); // stays until replaced
    QCOMPARE(current.last().at(0).toLongLong(), a);
}

void TestChatController::open_searchHit_revealsItsRow() {
    const qint64 a = createConversation(u"About owls"_s, u"model-a"_s);
    const auto second = m_store->appendUserMessage(a, userJson(u"And bats?"_s));
    QVERIFY(second.ok());
    QSignalSpy reveal(m_controller.get(), &ChatController::rowRevealRequested);
    QVERIFY(m_controller->openConversation(a, second->id));
    QCOMPARE(reveal.count(), 1);
    const int row = reveal.last().at(0).toInt();
    QCOMPARE(m_conversation->item(row).text, u"And bats?"_s);
}

void TestChatController::newChat_clearsTheChat() {
    const qint64 a = createConversation(u"About owls"_s, u"model-a"_s);
    QVERIFY(m_controller->openConversation(a));
    QSignalSpy current(m_controller.get(), &ChatController::currentConversationChanged);
    m_controller->newChat();
    QCOMPARE(m_controller->currentConversationId(), 0);
    QCOMPARE(m_conversation->entryCount(), 0);
    QCOMPARE(current.count(), 1);
    QCOMPARE(current.last().at(0).toLongLong(), 0);
}

void TestChatController::deleteOpenConversation_startsNewChat_undoReopensIt() {
    const qint64 a = createConversation(u"About owls"_s, u"model-a"_s);
    QVERIFY(m_controller->openConversation(a));
    QSignalSpy current(m_controller.get(), &ChatController::currentConversationChanged);
    QVERIFY(m_store->deleteConversation(a).ok());
    QCOMPARE(m_controller->currentConversationId(), 0);
    QCOMPARE(m_conversation->entryCount(), 0);
    QCOMPARE(current.last().at(0).toLongLong(), 0);

    QVERIFY(m_store->undoDelete(a).ok());
    QCOMPARE(m_controller->currentConversationId(), a);
    QCOMPARE(m_conversation->entryCount(), 1);
    QCOMPARE(current.last().at(0).toLongLong(), a);
}

void TestChatController::undoDelete_afterNewChatBegan_doesNotReopen() {
    const qint64 a = createConversation(u"About owls"_s, u"model-a"_s);
    QVERIFY(m_controller->openConversation(a));
    QVERIFY(m_store->deleteConversation(a).ok());
    ChatEntry draft;
    draft.message = ChatMessage::user(u"Something else"_s);
    m_conversation->appendEntry(draft); // the new chat has begun
    QVERIFY(m_store->undoDelete(a).ok());
    QCOMPARE(m_controller->currentConversationId(), 0);
    QCOMPARE(m_conversation->entryCount(), 1);
    QCOMPARE(m_conversation->entries().first().message.content.plainText(), u"Something else"_s);

    // Undo is for the deletion just made: a later restore of the same conversation does not
    // reopen it either.
    m_controller->newChat();
    QVERIFY(m_store->deleteConversation(a).ok());
    QVERIFY(m_store->undoDelete(a).ok());
    QCOMPARE(m_controller->currentConversationId(), 0);
}

void TestChatController::deleteOtherConversation_keepsTheChat() {
    const qint64 a = createConversation(u"About owls"_s, u"model-a"_s);
    const qint64 b = createConversation(u"About bats"_s, u"model-a"_s);
    QVERIFY(m_controller->openConversation(a));
    QVERIFY(m_store->deleteConversation(b).ok());
    QCOMPARE(m_controller->currentConversationId(), a);
    QCOMPARE(m_conversation->entryCount(), 1);
    QVERIFY(m_store->undoDelete(b).ok());
    QCOMPARE(m_controller->currentConversationId(), a);
}

void TestChatController::firstMessage_storesTargetAndBecomesCurrent() {
    m_session->setTarget(ChatSession::TargetKind::Agent, u"agent-z"_s);
    m_session->setTools({Tool::builtIn(Tool::Type::WebSearch)});
    QSignalSpy current(m_controller.get(), &ChatController::currentConversationChanged);
    ChatEntry first;
    first.message = ChatMessage::user(u"Hello"_s);
    QVERIFY(m_persistence->storeMessage(first, nullptr) != 0);
    const qint64 id = m_controller->currentConversationId();
    QVERIFY(id != 0);
    QCOMPARE(current.count(), 1);
    QCOMPARE(current.last().at(0).toLongLong(), id);
    const auto info = m_store->conversation(id);
    QVERIFY(info.ok());
    QCOMPARE(info->agentId, u"agent-z"_s);
    QVERIFY(info->model.isEmpty());
    QCOMPARE(toolsFromJson(info->tools).size(), 1);
    // Later messages of the same conversation say nothing new.
    QVERIFY(m_persistence->storeMessage(first, nullptr) != 0);
    QCOMPARE(current.count(), 1);
}

void TestChatController::lastTarget_isPersistedAndPreferredNextTime() {
    // Picked by the person: remembered at once.
    m_controller->targetChosen(true, u"agent-7"_s);
    QCOMPARE(m_settings->value(SettingsKeys::lastTarget).toString(), u"agent:agent-7"_s);
    m_controller->targetChosen(false, u"model-b"_s);
    QCOMPARE(m_settings->value(SettingsKeys::lastTarget).toString(), u"model:model-b"_s);
    // Used by a turn, whoever picked it: remembered when the turn starts.
    m_session->setTarget(ChatSession::TargetKind::Agent, u"agent-7"_s);
    QCOMPARE(m_settings->value(SettingsKeys::lastTarget).toString(), u"model:model-b"_s);
    QVERIFY(m_session->send(u"Hello"_s));
    QCOMPARE(m_settings->value(SettingsKeys::lastTarget).toString(), u"agent:agent-7"_s);
    m_session->stop();

    // The next start: a session with nothing chosen yet picks the one used last.
    m_controller.reset();
    m_conversation->clear();
    ChatSession next(m_chat.get(), m_conversation.get());
    auto controller = makeController(&next);
    QCOMPARE(controller->preferredTarget(), (ChatController::Target{true, u"agent-7"_s}));
    QSignalSpy targets(controller.get(), &ChatController::targetSelectionRequested);
    controller->applyModels(ModelList{{card(u"model-a"_s), card(u"model-b"_s)}});
    QCOMPARE(m_targets->rowOf(ChatTargetModel::Kind::Model, u"model-b"_s) >= 0, true);
    QCOMPARE(targets.count(), 1);
    QCOMPARE(targets.last().at(0).toBool(), true);
    QCOMPARE(targets.last().at(1).toString(), u"agent-7"_s);
}

void TestChatController::agentsBeforeModels_theFirstAgentIsNotAChoice() {
    // The agents arrive first; the picker shows the first of them by itself (QComboBox takes
    // row 0 of inserted rows), which sets the session's target.
    Agent agent;
    agent.id = u"agent-first"_s;
    agent.name = u"Aardvark"_s;
    agent.model = u"model-a"_s;
    m_controller->setAgents({agent});
    m_session->setTarget(ChatSession::TargetKind::Agent, u"agent-first"_s);
    QCOMPARE(m_settings->value(SettingsKeys::lastTarget).toString(), QString());
    QSignalSpy targets(m_controller.get(), &ChatController::targetSelectionRequested);
    // Then the models: the chat starts on a model, not on the agent taken by the picker.
    m_controller->applyModels(
        ModelList{{card(u"model-a"_s), card(ChatController::fallbackModel())}});
    QCOMPARE(targets.count(), 1);
    QCOMPARE(targets.last().at(0).toBool(), false);
    QCOMPARE(targets.last().at(1).toString(), ChatController::fallbackModel());

    // An agent the person picked stays picked when the lists change.
    m_controller->targetChosen(true, u"agent-first"_s);
    m_controller->applyModels(ModelList{{card(u"model-a"_s)}});
    QCOMPARE(targets.last().at(0).toBool(), true);
    QCOMPARE(targets.last().at(1).toString(), u"agent-first"_s);
    m_controller->setAgents({agent});
    QCOMPARE(targets.last().at(1).toString(), u"agent-first"_s);
}

void TestChatController::preferredTarget_defaultModelWins_thenFallback() {
    QCOMPARE(m_controller->preferredTarget(),
             (ChatController::Target{false, ChatController::fallbackModel()}));
    QCOMPARE(ChatController::fallbackModel(), u"mistral-medium-latest"_s);
    m_settings->setValue(SettingsKeys::lastTarget, u"agent:agent-7"_s);
    QCOMPARE(m_controller->preferredTarget(), (ChatController::Target{true, u"agent-7"_s}));
    m_controller->setDefaultModel(u"model-d"_s);
    QCOMPARE(m_controller->preferredTarget(), (ChatController::Target{false, u"model-d"_s}));
    // The model chosen wins over both.
    m_controller->targetChosen(false, u"model-b"_s);
    QCOMPARE(m_controller->preferredTarget(), (ChatController::Target{false, u"model-b"_s}));
}

void TestChatController::setDefaultModel_selectsOnlyInAnEmptyChat() {
    m_targets->setModels({card(u"model-a"_s), card(u"model-b"_s)});
    QSignalSpy targets(m_controller.get(), &ChatController::targetSelectionRequested);
    m_controller->setDefaultModel(u"model-b"_s);
    QCOMPARE(targets.count(), 1);
    QCOMPARE(targets.last().at(1).toString(), u"model-b"_s);
    m_controller->setDefaultModel(u"model-b"_s);       // unchanged: nothing to do
    m_controller->setDefaultModel(u"model-unknown"_s); // not in the picker
    QCOMPARE(targets.count(), 1);

    const qint64 a = createConversation(u"About owls"_s, u"model-a"_s);
    QVERIFY(m_controller->openConversation(a));
    targets.clear();
    m_controller->setDefaultModel(u"model-a"_s); // the chat has begun: it keeps its model
    QCOMPARE(targets.count(), 0);
    QCOMPARE(m_controller->defaultModel(), u"model-a"_s);
}

void TestChatController::olderMessages_repeatedRequestsLoadOnePageLater() {
    const qint64 a = createConversation(u"Question 0"_s, u"model-a"_s);
    for (int i = 1; i < 7; ++i)
        QVERIFY(m_store->appendUserMessage(a, userJson(u"Question %1"_s.arg(i))).ok());
    m_pager->setPageSize(2);
    QVERIFY(m_controller->openConversation(a));
    const int first = m_conversation->entryCount();
    QVERIFY(first < 7);
    QVERIFY(m_pager->hasOlder());

    // The view asks at each scroll step: nothing changes under it, then one page arrives.
    m_controller->loadOlderMessagesSoon();
    m_controller->loadOlderMessagesSoon();
    m_controller->loadOlderMessagesSoon();
    QCOMPARE(m_conversation->entryCount(), first);
    QTRY_VERIFY(m_conversation->entryCount() > first);
    const int second = m_conversation->entryCount();
    QCoreApplication::processEvents();
    QCOMPARE(m_conversation->entryCount(), second);
    QCOMPARE(m_conversation->entries().last().message.content.plainText(), u"Question 6"_s);

    // Until the first message is loaded; then asking does nothing.
    while (m_pager->hasOlder()) {
        const int before = m_conversation->entryCount();
        m_controller->loadOlderMessagesSoon();
        QTRY_VERIFY(m_conversation->entryCount() > before);
    }
    QCOMPARE(m_conversation->entryCount(), 7);
    m_controller->loadOlderMessagesSoon();
    QCoreApplication::processEvents();
    QCOMPARE(m_conversation->entryCount(), 7);
}

QTEST_GUILESS_MAIN(TestChatController)
#include "tst_chatcontroller.moc"
