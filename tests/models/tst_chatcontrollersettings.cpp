// SPDX-License-Identifier: GPL-3.0-or-later
// A chat's settings (instructions, temperature, …) with its conversation: new chats start from
// the defaults of Settings, a stored conversation keeps its own, reopened and changed. Over a
// real store in a temporary profile; nothing is sent.
#include "models/ChatController.h"

#include "core/net/ApiClient.h"
#include "core/services/ChatService.h"
#include "core/storage/ConversationStore.h"
#include "models/ChatSession.h"
#include "models/ChatTargetModel.h"
#include "models/ConversationModel.h"
#include "models/ConversationPager.h"
#include "models/StoreChatPersistence.h"

#include <QNetworkAccessManager>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Tramontane;

class TestChatControllerSettings : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void newChat_startsFromTheDefaults();
    void newDefaults_applyToAnEmptyChatOnly();
    void firstMessage_storesTheSettingsWithTheConversation();
    void open_restoresEachConversationsSettings();
    void change_inAStoredChat_isKeptAlongsideItsServerConversation();
    void conversationFromBeforeSettings_opensWithApiDefaults();

private:
    static ChatSettings warm();
    qint64 storeFirstMessage();
    void openStore();

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

ChatSettings TestChatControllerSettings::warm() {
    ChatSettings s;
    s.instructions = u"Answer like a pirate."_s;
    s.temperature = 1.1;
    s.maxTokens = 500;
    return s;
}

void TestChatControllerSettings::openStore() {
    auto opened = ConversationStore::open(m_dir->path());
    QVERIFY2(opened.ok(), qPrintable(opened.error.message));
    m_store = std::move(opened.store);
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<ApiClient>(m_nam.get());
    m_chat = std::make_unique<ChatService>(m_client.get());
    m_conversation = std::make_unique<ConversationModel>();
    m_session = std::make_unique<ChatSession>(m_chat.get(), m_conversation.get());
    m_persistence = std::make_unique<StoreChatPersistence>(m_store.get());
    m_session->setPersistence(m_persistence.get());
    m_session->setTarget(ChatSession::TargetKind::Model, u"mistral-small-latest"_s);
    m_pager = std::make_unique<ConversationPager>(m_store.get(), m_conversation.get());
    m_targets = std::make_unique<ChatTargetModel>();
    m_controller = std::make_unique<ChatController>(
        m_session.get(), m_conversation.get(), m_pager.get(), m_persistence.get(), m_store.get(),
        m_targets.get(), m_settings.get());
}

void TestChatControllerSettings::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings =
        std::make_unique<QSettings>(m_dir->filePath(u"settings.ini"_s), QSettings::IniFormat);
    openStore();
}

void TestChatControllerSettings::cleanup() {
    m_controller.reset();
    m_targets.reset();
    m_pager.reset();
    m_session.reset();
    m_persistence.reset();
    m_conversation.reset();
    m_chat.reset();
    m_client.reset();
    m_nam.reset();
    m_store.reset();
    m_settings.reset();
    m_dir.reset();
}

qint64 TestChatControllerSettings::storeFirstMessage() {
    ChatEntry first;
    first.message = ChatMessage::user(u"Hello"_s);
    if (m_persistence->storeMessage(first, nullptr) == 0)
        return 0;
    return m_controller->currentConversationId();
}

void TestChatControllerSettings::newChat_startsFromTheDefaults() {
    m_controller->setNewChatDefaults(warm());
    QCOMPARE(m_session->chatSettings(), warm());
    ChatSettings other;
    other.topP = 0.5;
    m_session->setChatSettings(other);
    m_controller->newChat();
    QCOMPARE(m_session->chatSettings(), warm());
    QCOMPARE(m_controller->newChatDefaults(), warm());
}

void TestChatControllerSettings::newDefaults_applyToAnEmptyChatOnly() {
    const qint64 id = storeFirstMessage();
    QVERIFY(id != 0);
    m_controller->setNewChatDefaults(warm());
    QVERIFY(m_session->chatSettings().isDefault()); // a chat under way keeps its settings
    m_controller->newChat();
    QCOMPARE(m_session->chatSettings(), warm());
}

void TestChatControllerSettings::firstMessage_storesTheSettingsWithTheConversation() {
    m_session->setChatSettings(warm());
    const qint64 id = storeFirstMessage();
    QVERIFY(id != 0);
    const auto info = m_store->conversation(id);
    QVERIFY(info.ok());
    QCOMPARE(ChatSettings::fromJson(
                 info->settings.value(StoreChatPersistence::chatSettingsKey()).toObject()),
             warm());
}

void TestChatControllerSettings::open_restoresEachConversationsSettings() {
    m_session->setChatSettings(warm());
    const qint64 a = storeFirstMessage();
    m_controller->newChat();
    m_session->setChatSettings({});
    const qint64 b = storeFirstMessage();
    QVERIFY(a != 0 && b != 0 && a != b);

    QVERIFY(m_controller->openConversation(a));
    QCOMPARE(m_session->chatSettings(), warm());
    QVERIFY(m_controller->openConversation(b));
    QVERIFY(m_session->chatSettings().isDefault());
    QVERIFY(m_controller->openConversation(a));
    QCOMPARE(m_session->chatSettings(), warm());
}

void TestChatControllerSettings::change_inAStoredChat_isKeptAlongsideItsServerConversation() {
    const qint64 id = storeFirstMessage();
    QVERIFY(id != 0);
    m_persistence->setServerConversationId(u"conv-1"_s);
    m_session->setChatSettings(warm());
    auto info = m_store->conversation(id);
    QVERIFY(info.ok());
    QCOMPARE(info->settings.value(StoreChatPersistence::serverConversationKey()).toString(),
             u"conv-1"_s);
    QCOMPARE(m_persistence->chatSettings(), warm());

    // Back to defaults: the key goes, the server conversation stays.
    m_session->setChatSettings({});
    info = m_store->conversation(id);
    QVERIFY(!info->settings.contains(StoreChatPersistence::chatSettingsKey()));
    QCOMPARE(info->settings.value(StoreChatPersistence::serverConversationKey()).toString(),
             u"conv-1"_s);
}

void TestChatControllerSettings::conversationFromBeforeSettings_opensWithApiDefaults() {
    // A history written by the current schema before chats had settings: a conversation whose
    // settings hold only its server conversation, another with none at all.
    NewConversation old;
    old.model = u"mistral-small-latest"_s;
    old.settings = QJsonObject{{StoreChatPersistence::serverConversationKey(), u"conv-9"_s}};
    const auto withServer = m_store->createConversation(old);
    QVERIFY(withServer.ok());
    (void)m_store->appendUserMessage(withServer->id,
                                     QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"Hi"_s}});
    old.settings = {};
    const auto plain = m_store->createConversation(old);
    QVERIFY(plain.ok());
    (void)m_store->appendUserMessage(plain->id,
                                     QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"Yo"_s}});
    const int schema = ConversationStore::currentSchemaVersion;

    // Opened again by this build, with defaults for new chats set.
    m_controller.reset();
    m_targets.reset();
    m_pager.reset();
    m_session.reset();
    m_persistence.reset();
    m_conversation.reset();
    m_store.reset();
    openStore();
    m_controller->setNewChatDefaults(warm());
    QCOMPARE(ConversationStore::currentSchemaVersion, schema);

    // An existing conversation is sent as before: with the API's defaults, not the new ones.
    QVERIFY(m_controller->openConversation(withServer->id));
    QVERIFY(m_session->chatSettings().isDefault());
    QCOMPARE(m_session->serverConversationId(), u"conv-9"_s);
    QVERIFY(m_controller->openConversation(plain->id));
    QVERIFY(m_session->chatSettings().isDefault());

    // Settings chosen for it are kept with it, beside what it already held.
    m_session->setChatSettings(warm());
    QCOMPARE(m_persistence->chatSettings(), warm());
    QVERIFY(m_controller->openConversation(withServer->id));
    QVERIFY(m_session->chatSettings().isDefault());
    QVERIFY(m_controller->openConversation(plain->id));
    QCOMPARE(m_session->chatSettings(), warm());
}

QTEST_GUILESS_MAIN(TestChatControllerSettings)
#include "tst_chatcontrollersettings.moc"
