// SPDX-License-Identifier: GPL-3.0-or-later
// A chat's settings (instructions, temperature, …) on each endpoint's request, sent to the
// emulator, which validates them as strictly as the API.
#include "core/net/ApiClient.h"
#include "core/protocol/ChatSettings.h"
#include "core/services/ChatService.h"
#include "core/services/ConversationService.h"
#include "models/ChatSession.h"
#include "models/ConversationModel.h"
#include "models/ErrorPresenter.h"

#include "IntegrationSupport.h"
#include "support/EmulatorProcess.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

class TestChatSessionSettings : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void chatCompletion_carriesInstructionsAndParameters();
    void agentCompletion_carriesOnlyWhatAgentsTake();
    void conversation_startAndAppendCarryCompletionArgs();
    void jsonObjectFormat_answersWithJson();
    void settingsChanged_signalsOnlyOnChange();

private:
    static ChatSettings someSettings();
    bool sendAndWait(const QString &text) {
        if (!m_session->send(text))
            return false;
        if (!QTest::qWaitFor([this] { return !m_session->isBusy(); }, 20000))
            return false;
        const ChatEntry &answer = m_model->entries().last();
        if (answer.status != ChatEntry::Status::Complete)
            qWarning() << ErrorPresenter::title(answer.error);
        return answer.status == ChatEntry::Status::Complete;
    }
    QJsonObject lastBody(const QString &path) {
        const QJsonArray requests = m_driver->recordedRequests(path);
        for (qsizetype i = requests.size() - 1; i >= 0; --i) {
            const QJsonObject request = requests.at(i).toObject();
            const QString p = request.value("path"_L1).toString();
            if (p == path || (path.endsWith(u'/') && p.startsWith(path)))
                return request.value("body"_L1).toObject();
        }
        return {};
    }

    Test::EmulatorProcess m_emulator;
    std::unique_ptr<Test::HttpDriver> m_driver;
    QNetworkAccessManager m_nam;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<ChatService> m_chat;
    std::unique_ptr<ConversationService> m_conversations;
    std::unique_ptr<ConversationModel> m_model;
    std::unique_ptr<ChatSession> m_session;
};

ChatSettings TestChatSessionSettings::someSettings() {
    ChatSettings s;
    s.instructions = u"You are a lighthouse keeper."_s;
    s.temperature = 0.2;
    s.topP = 0.8;
    s.maxTokens = 300;
    s.randomSeed = 7;
    return s;
}

void TestChatSessionSettings::initTestCase() {
    QVERIFY2(m_emulator.start(u"settings-key-123456"_s, {u"--demo"_s}),
             qPrintable(m_emulator.errorString()));
    m_driver = std::make_unique<Test::HttpDriver>(m_emulator.baseUrl(), "settings-key-123456");
}

void TestChatSessionSettings::init() {
    m_driver->send("POST", u"/__admin/reset"_s);
    m_driver->send("DELETE", u"/__admin/requests"_s);
    m_client = std::make_unique<ApiClient>(&m_nam);
    QVERIFY(m_client->setBaseUrl(m_emulator.baseUrl()));
    m_client->setApiKey(m_emulator.apiKey());
    m_chat = std::make_unique<ChatService>(m_client.get());
    m_conversations = std::make_unique<ConversationService>(m_client.get());
    m_model = std::make_unique<ConversationModel>();
    m_session = std::make_unique<ChatSession>(m_chat.get(), m_model.get());
    m_session->setConversationService(m_conversations.get());
    m_session->setTarget(ChatSession::TargetKind::Model, u"mistral-small-latest"_s);
}

void TestChatSessionSettings::cleanup() {
    m_session.reset();
    m_model.reset();
    m_conversations.reset();
    m_chat.reset();
    m_client.reset();
}

void TestChatSessionSettings::chatCompletion_carriesInstructionsAndParameters() {
    m_session->setChatSettings(someSettings());
    QVERIFY(sendAndWait(u"Hello, rate 0"_s));
    QVERIFY(sendAndWait(u"And again, rate 0"_s));
    const QJsonObject body = lastBody(u"/v1/chat/completions"_s);
    const QJsonArray messages = body.value("messages"_L1).toArray();
    QCOMPARE(messages.size(), 4); // system, then the history and the new message
    QCOMPARE(messages.at(0).toObject().value("role"_L1).toString(), u"system"_s);
    QCOMPARE(messages.at(0).toObject().value("content"_L1).toString(),
             u"You are a lighthouse keeper."_s);
    QCOMPARE(body.value("temperature"_L1).toDouble(), 0.2);
    QCOMPARE(body.value("top_p"_L1).toDouble(), 0.8);
    QCOMPARE(body.value("max_tokens"_L1).toInteger(), 300);
    QCOMPARE(body.value("random_seed"_L1).toInteger(), 7);
    // The instructions are the request's, not the conversation's: no system message is kept.
    QCOMPARE(m_model->entryCount(), 4);
    QCOMPARE(m_model->entries().at(0).message.role, ChatMessage::Role::User);
}

void TestChatSessionSettings::agentCompletion_carriesOnlyWhatAgentsTake() {
    const auto created =
        m_driver->post(u"/v1/agents"_s, QJsonObject{{u"model"_s, u"mistral-small-latest"_s},
                                                    {u"name"_s, u"Keeper"_s},
                                                    {u"instructions"_s, u"Be brief."_s}});
    QCOMPARE(created.status, 200);
    m_session->setTarget(ChatSession::TargetKind::Agent,
                         created.object().value("id"_L1).toString());
    ChatSettings s = someSettings();
    s.reasoningEffort = u"low"_s;
    m_session->setChatSettings(s);
    QVERIFY(sendAndWait(u"Hello agent, rate 0"_s));
    const QJsonObject body = lastBody(u"/v1/agents/completions"_s);
    QCOMPARE(body.value("messages"_L1).toArray().size(), 1);
    QVERIFY(!body.contains("temperature"_L1));
    QVERIFY(!body.contains("top_p"_L1));
    QCOMPARE(body.value("max_tokens"_L1).toInteger(), 300);
    QCOMPARE(body.value("random_seed"_L1).toInteger(), 7);
    QCOMPARE(body.value("reasoning_effort"_L1).toString(), u"low"_s);
}

void TestChatSessionSettings::conversation_startAndAppendCarryCompletionArgs() {
    m_session->setTools({Tool::builtIn(Tool::Type::WebSearch)});
    m_session->setChatSettings(someSettings());
    QVERIFY(sendAndWait(u"Search for owls rate 0"_s));
    const QJsonObject start = lastBody(u"/v1/conversations"_s);
    QCOMPARE(start.value("instructions"_L1).toString(), u"You are a lighthouse keeper."_s);
    const QJsonObject args = start.value("completion_args"_L1).toObject();
    QCOMPARE(args.value("temperature"_L1).toDouble(), 0.2);
    QCOMPARE(args.value("max_tokens"_L1).toInteger(), 300);

    QVERIFY(sendAndWait(u"Search for more owls rate 0"_s));
    const QJsonObject append =
        lastBody(u"/v1/conversations/"_s + m_session->serverConversationId());
    QVERIFY(!append.isEmpty());
    QVERIFY(!append.contains("instructions"_L1));
    QCOMPARE(append.value("completion_args"_L1).toObject().value("random_seed"_L1).toInteger(), 7);
}

void TestChatSessionSettings::jsonObjectFormat_answersWithJson() {
    ChatSettings s;
    s.responseFormat = ChatSettings::ResponseFormat::JsonObject;
    m_session->setChatSettings(s);
    QVERIFY(sendAndWait(u"List three birds, rate 0"_s));
    QCOMPARE(lastBody(u"/v1/chat/completions"_s).value("response_format"_L1).toObject(),
             (QJsonObject{{u"type"_s, u"json_object"_s}}));
    const QString answer = m_model->entries().last().message.content.plainText();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(answer.toUtf8(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError && doc.isObject(), qPrintable(answer));
}

void TestChatSessionSettings::settingsChanged_signalsOnlyOnChange() {
    int changes = 0;
    connect(m_session.get(), &ChatSession::chatSettingsChanged, this, [&changes] { ++changes; });
    m_session->setChatSettings(someSettings());
    m_session->setChatSettings(someSettings());
    QCOMPARE(changes, 1);
    QCOMPARE(m_session->chatSettings(), someSettings());
    m_session->setChatSettings({});
    QCOMPARE(changes, 2);
    QVERIFY(m_session->chatSettings().isDefault());
}

QTEST_GUILESS_MAIN(TestChatSessionSettings)
#include "tst_chatsessionsettings.moc"
