// SPDX-License-Identifier: GPL-3.0-or-later
// Chat turns that need the Conversations API, driven end to end against the emulator: an agent
// with hosted tools, web search citations, code interpreter runs, tool confirmations, a cut
// stream and the server's errors, the server conversation kept with the chat, and the request
// Show as Code is given.
#include "core/net/ApiClient.h"
#include "core/protocol/ConversationMessages.h"
#include "core/services/ChatService.h"
#include "core/services/ConversationService.h"
#include "core/storage/ConversationStore.h"
#include "models/ChatSession.h"
#include "models/ConversationModel.h"
#include "models/StoreChatPersistence.h"

#include "IntegrationSupport.h"
#include "support/EmulatorProcess.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

class TestConversationSession : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void plainChat_staysOnChatCompletions();
    void agentTurn_startsThenAppendsToTheSameConversation();
    void reopenedChat_appendsToItsStoredConversation();
    void webSearch_givesCitations();
    void codeInterpreter_givesACardWithCodeAndOutput();
    void confirmation_allow_runsTheToolAndAnswers();
    void confirmation_deny_answersWithoutRunning();
    void handoff_isOneLineThenTheAnswer();
    void handoff_answerIsTheNewAgents_alsoOnceReopened();
    void cutStream_keepsPartialAnswerInterrupted();
    void responseError_keepsPartialAnswerWithTheServersSentence();
    void httpError_failsWithOneSentence_keepsTheMessage();
    void faults_giveOneSentence_keepMessageAndWhatArrived_data();
    void faults_giveOneSentence_keepMessageAndWhatArrived();
    void forgottenConversation_isReplayedSilentlyOnce();
    void forgottenConversation_replayFailing_showsTheErrorOnce();
    void reopenedChat_withoutItsServerId_replaysTheHistory();
    void editAndResend_restartsFromTheAnswerBefore();
    void editAndResend_withoutEntryIds_replaysInANewConversation();
    void regenerate_restartsFromTheAnswerBefore_evenWhenTheServerForgot();
    void stop_keepsWhatArrived();
    void prepareRequest_givesTheConversationRequest();

private:
    bool waitIdle(int timeoutMs = 20000) {
        return QTest::qWaitFor([this] { return !m_session->isBusy(); }, timeoutMs);
    }
    //! The paths of the turn requests made (chat, agent and conversation endpoints).
    QStringList conversationPaths() {
        QStringList paths;
        const QJsonArray requests = m_driver->recordedRequests(u"/v1/"_s);
        for (const QJsonValue &r : requests) {
            const QString path = r.toObject().value("path"_L1).toString();
            if (path.startsWith(u"/v1/conversations"_s) || path.endsWith(u"/completions"_s))
                paths.append(path);
        }
        return paths;
    }
    //! The body of the last request to exactly \a path (or, ending in '/', below it).
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
    std::optional<Agent> createAgent(const QJsonObject &body) {
        const auto created = m_driver->post(u"/v1/agents"_s, body);
        if (created.status != 200)
            return std::nullopt;
        return Agent::fromJson(created.object());
    }
    //! The first row of \a kind, or null.
    const ChatItem *findRow(ChatItem::Kind kind) const {
        for (int r = 0; r < m_model->rowCount(); ++r) {
            if (m_model->item(r).kind == kind)
                return &m_model->item(r);
        }
        return nullptr;
    }
    //! Sends a connector call that needs a confirmation and waits for the pending call.
    int sendPendingCall();

    Test::EmulatorProcess m_emulator;
    std::unique_ptr<Test::HttpDriver> m_driver;
    QNetworkAccessManager m_nam;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<ChatService> m_chat;
    std::unique_ptr<ConversationService> m_conversations;
    std::unique_ptr<ConversationModel> m_model;
    std::unique_ptr<ChatSession> m_session;
    QList<Agent> m_agents;
};

void TestConversationSession::initTestCase() {
    QVERIFY2(m_emulator.start(u"conv-key-123456"_s, {u"--demo"_s}),
             qPrintable(m_emulator.errorString()));
    m_driver = std::make_unique<Test::HttpDriver>(m_emulator.baseUrl(), "conv-key-123456");
}

void TestConversationSession::init() {
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
    m_agents.clear();
    m_session->setAgentResolver([this](const QString &id) -> std::optional<Agent> {
        for (const Agent &agent : std::as_const(m_agents)) {
            if (agent.id == id)
                return agent;
        }
        return std::nullopt;
    });
    m_session->setTarget(ChatSession::TargetKind::Model, u"mistral-small-latest"_s);
}

void TestConversationSession::cleanup() {
    m_session.reset();
    m_model.reset();
    m_conversations.reset();
    m_chat.reset();
    m_client.reset();
}

void TestConversationSession::plainChat_staysOnChatCompletions() {
    m_session->setTools({Tool::builtIn(Tool::Type::ImageGeneration)});
    QVERIFY(m_session->send(u"Hello rate 0"_s));
    QVERIFY(waitIdle());
    QCOMPARE(conversationPaths(), QStringList{u"/v1/chat/completions"_s});
    QVERIFY(m_session->serverConversationId().isEmpty());
}

void TestConversationSession::agentTurn_startsThenAppendsToTheSameConversation() {
    const auto agent = createAgent(
        QJsonObject{{u"model"_s, u"mistral-medium-latest"_s},
                    {u"name"_s, u"Searcher"_s},
                    {u"tools"_s, QJsonArray{QJsonObject{{u"type"_s, u"web_search"_s}}}}});
    QVERIFY(agent);
    m_agents = {*agent};
    m_session->setTarget(ChatSession::TargetKind::Agent, agent->id);
    QCOMPARE(m_session->endpointFor({}), TurnEndpoint::Endpoint::Conversations);

    QVERIFY(m_session->send(u"Hello agent rate 0"_s));
    QVERIFY(waitIdle());
    QCOMPARE(m_model->entries().last().status, ChatEntry::Status::Complete);
    QVERIFY(!m_model->entries().last().message.content.plainText().isEmpty());
    const QString id = m_session->serverConversationId();
    QVERIFY(id.startsWith(u"conv_"_s));
    QCOMPARE(lastBody(u"/v1/conversations"_s).value("agent_id"_L1).toString(), agent->id);

    QVERIFY(m_session->send(u"And again rate 0"_s));
    QVERIFY(waitIdle());
    QCOMPARE(conversationPaths(),
             (QStringList{u"/v1/conversations"_s, u"/v1/conversations/"_s + id}));
    // Only the new message goes: the server has the rest.
    QCOMPARE(lastBody(u"/v1/conversations/"_s).value("inputs"_L1).toString(),
             u"And again rate 0"_s);
    QCOMPARE(m_session->serverConversationId(), id);
    QCOMPARE(m_model->entryCount(), 4);
    QCOMPARE(m_model->entries().last().status, ChatEntry::Status::Complete);
}

void TestConversationSession::reopenedChat_appendsToItsStoredConversation() {
    QTemporaryDir profile;
    qint64 chat = 0;
    QString serverId;
    m_session->setTools({Tool::builtIn(Tool::Type::WebSearch)});
    {
        auto opened = ConversationStore::open(profile.path());
        QVERIFY2(opened.ok(), qPrintable(opened.error.message));
        StoreChatPersistence persistence(opened.store.get());
        m_session->setPersistence(&persistence);
        QVERIFY(m_session->send(u"Search for lighthouses rate 0"_s));
        QVERIFY(waitIdle());
        m_session->setPersistence(nullptr);
        chat = persistence.conversationId();
        serverId = persistence.serverConversationId();
    }
    QVERIFY(serverId.startsWith(u"conv_"_s));

    // Reopened from the history, in a new session: the next turn continues that conversation.
    auto reopened = ConversationStore::open(profile.path());
    QVERIFY(reopened.ok());
    StoreChatPersistence persistence(reopened.store.get());
    persistence.setConversation(chat);
    QCOMPARE(persistence.serverConversationId(), serverId);
    ConversationModel model;
    model.setEntries(StoreChatPersistence::toEntries(*reopened.store->messages(chat)));
    ChatSession session(m_chat.get(), &model);
    session.setConversationService(m_conversations.get());
    session.setPersistence(&persistence);
    session.setTarget(ChatSession::TargetKind::Model, u"mistral-small-latest"_s);
    session.setTools({Tool::builtIn(Tool::Type::WebSearch)});
    const int before = model.entryCount();
    QVERIFY(session.send(u"Tell me more rate 0"_s));
    QVERIFY(QTest::qWaitFor([&session] { return !session.isBusy(); }, 20000));
    QCOMPARE(conversationPaths().last(), u"/v1/conversations/"_s + serverId);
    QCOMPARE(model.entries().last().status, ChatEntry::Status::Complete);
    QVERIFY(model.entryCount() > before + 1);
}

void TestConversationSession::webSearch_givesCitations() {
    m_session->setTools({Tool::builtIn(Tool::Type::WebSearch)});
    QVERIFY(m_session->send(u"Search for the tallest lighthouse rate 0"_s));
    QVERIFY(waitIdle());
    QCOMPARE(conversationPaths(), QStringList{u"/v1/conversations"_s});
    const ChatItem *search = findRow(ChatItem::Kind::ToolRun);
    QVERIFY(search);
    QCOMPARE(search->toolName, u"web_search"_s);
    QVERIFY(search->hosted);
    QVERIFY(search->hasToolResult);
    QList<Citation> citations;
    for (int r = 0; r < m_model->rowCount(); ++r)
        citations += m_model->item(r).citations;
    QCOMPARE(citations.size(), 3);
    for (const Citation &c : std::as_const(citations)) {
        QVERIFY(c.url.startsWith(u"https://"_s));
        QCOMPARE(c.tool, u"web_search"_s);
    }
    QCOMPARE(citations.first().title, u"Tramontane (wind)"_s);
    const ChatItem &last = m_model->item(m_model->rowCount() - 1);
    QCOMPARE(last.kind, ChatItem::Kind::Assistant);
    QVERIFY(last.answerEnd);
    QVERIFY(!last.citations.isEmpty());
    QVERIFY(last.usage.has_value());
}

void TestConversationSession::codeInterpreter_givesACardWithCodeAndOutput() {
    m_session->setTools({Tool::builtIn(Tool::Type::CodeInterpreter)});
    QVERIFY(m_session->send(u"Calculate 20 and 22 rate 0"_s));
    QVERIFY(waitIdle());
    const ChatItem *card = findRow(ChatItem::Kind::ToolRun);
    QVERIFY(card);
    QCOMPARE(card->toolName, u"code_interpreter"_s);
    // The code itself, not a JSON object around it, and what it printed.
    QVERIFY2(card->toolArguments.contains(u"print"_s), qPrintable(card->toolArguments));
    QVERIFY2(!card->toolArguments.startsWith(u'{'), qPrintable(card->toolArguments));
    QVERIFY(card->hasToolResult);
    QVERIFY2(card->toolResult.contains(u"42"_s), qPrintable(card->toolResult));
    QCOMPARE(m_model->entries().last().status, ChatEntry::Status::Complete);
}

int TestConversationSession::sendPendingCall() {
    Tool connector = Tool::connector(u"demo_tools"_s);
    ToolConfiguration configuration;
    configuration.requiresConfirmation = QStringList{u"echo"_s};
    connector.toolConfiguration = configuration;
    m_session->setTools({connector});
    if (m_session->endpointFor({connector}) != TurnEndpoint::Endpoint::Conversations)
        return -1;
    if (!m_session->send(u"use tool echo {\"message\":\"confirmed ping\"} rate 0"_s) || !waitIdle())
        return -1;
    for (int e = 0; e < m_model->entryCount(); ++e) {
        const auto &calls = m_model->entries().at(e).message.toolCalls;
        if (!calls.isEmpty()
            && ConversationMessages::confirmationStatus(calls.first()) == "pending"_L1)
            return e;
    }
    return -1;
}

void TestConversationSession::confirmation_allow_runsTheToolAndAnswers() {
    const int pending = sendPendingCall();
    QVERIFY(pending > 0);
    const ChatItem *card = findRow(ChatItem::Kind::ToolRun);
    QVERIFY(card);
    QCOMPARE(card->confirmation, u"pending"_s);
    QCOMPARE(card->toolName, u"echo"_s);
    QVERIFY(card->toolArguments.contains(u"confirmed ping"_s));
    const QString id = m_session->serverConversationId();

    QVERIFY(m_session->confirmTool(pending, true));
    QVERIFY(waitIdle());
    const QJsonObject body = lastBody(u"/v1/conversations/"_s);
    const QJsonObject answer = body.value("tool_confirmations"_L1).toArray().first().toObject();
    QCOMPARE(answer.value("confirmation"_L1).toString(), u"allow"_s);
    QCOMPARE(conversationPaths().last(), u"/v1/conversations/"_s + id);
    QCOMPARE(findRow(ChatItem::Kind::ToolRun)->confirmation, u"allowed"_s);
    // The tool ran on the server and the answer quotes it.
    bool ran = false;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const ChatItem &item = m_model->item(r);
        ran = ran || (item.kind == ChatItem::Kind::ToolRun && item.hasToolResult);
    }
    QVERIFY(ran);
    QCOMPARE(m_model->entries().last().status, ChatEntry::Status::Complete);
    QVERIFY(m_model->entries().last().message.content.plainText().contains(u"confirmed ping"_s));
    // Answered once: no second confirmation.
    QVERIFY(!m_session->confirmTool(pending, true));
}

void TestConversationSession::confirmation_deny_answersWithoutRunning() {
    const int pending = sendPendingCall();
    QVERIFY(pending > 0);
    QVERIFY(m_session->confirmTool(pending, false));
    QVERIFY(waitIdle());
    const QJsonObject answer = lastBody(u"/v1/conversations/"_s)
                                   .value("tool_confirmations"_L1)
                                   .toArray()
                                   .first()
                                   .toObject();
    QCOMPARE(answer.value("confirmation"_L1).toString(), u"deny"_s);
    QCOMPARE(findRow(ChatItem::Kind::ToolRun)->confirmation, u"denied"_s);
    QCOMPARE(m_model->entries().last().status, ChatEntry::Status::Complete);
    QVERIFY2(m_model->entries().last().message.content.plainText().contains(u"denied"_s),
             qPrintable(m_model->entries().last().message.content.plainText()));
    QVERIFY(m_driver->recordedRequests(u"/__mcp"_s).isEmpty());
}

void TestConversationSession::handoff_isOneLineThenTheAnswer() {
    const auto researcher = createAgent(
        QJsonObject{{u"model"_s, u"mistral-small-latest"_s}, {u"name"_s, u"Researcher"_s}});
    QVERIFY(researcher);
    const auto lead = createAgent(QJsonObject{{u"model"_s, u"mistral-medium-latest"_s},
                                              {u"name"_s, u"Lead"_s},
                                              {u"handoffs"_s, QJsonArray{researcher->id}}});
    QVERIFY(lead);
    m_agents = {*lead, *researcher};
    m_session->setTarget(ChatSession::TargetKind::Agent, lead->id);
    QVERIFY(m_session->send(u"Please hand off rate 0"_s));
    QVERIFY(waitIdle());
    int handoffs = 0;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const ChatItem &item = m_model->item(r);
        if (item.kind == ChatItem::Kind::Notice) {
            QCOMPARE(item.text, u"Handed off to Researcher"_s);
            QCOMPARE(item.state, ChatItem::State::Complete);
            ++handoffs;
        }
    }
    QCOMPARE(handoffs, 1);
    QCOMPARE(m_model->item(m_model->rowCount() - 1).kind, ChatItem::Kind::Assistant);
    // The handoff is not history for a later request.
    for (const ChatMessage &m : m_model->history())
        QVERIFY(!ConversationMessages::isHandoff(m));
}

void TestConversationSession::handoff_answerIsTheNewAgents_alsoOnceReopened() {
    const auto researcher = createAgent(
        QJsonObject{{u"model"_s, u"mistral-small-latest"_s}, {u"name"_s, u"Researcher"_s}});
    QVERIFY(researcher);
    const auto lead = createAgent(QJsonObject{{u"model"_s, u"mistral-medium-latest"_s},
                                              {u"name"_s, u"Lead"_s},
                                              {u"handoffs"_s, QJsonArray{researcher->id}}});
    QVERIFY(lead);
    m_agents = {*lead, *researcher};
    QTemporaryDir profile;
    auto opened = ConversationStore::open(profile.path());
    QVERIFY2(opened.ok(), qPrintable(opened.error.message));
    StoreChatPersistence persistence(opened.store.get());
    m_session->setPersistence(&persistence);
    m_session->setTarget(ChatSession::TargetKind::Agent, lead->id);
    QVERIFY(m_session->send(u"Please hand off rate 0"_s));
    QVERIFY(waitIdle());
    m_session->setPersistence(nullptr);

    // The footer of the answer names the agent that took over, not the model or the first agent.
    const auto answerRow = [](const ConversationModel &model) -> const ChatItem * {
        for (int r = model.rowCount() - 1; r >= 0; --r) {
            if (model.item(r).kind == ChatItem::Kind::Assistant && model.item(r).answerEnd)
                return &model.item(r);
        }
        return nullptr;
    };
    const auto handoffRow = [](const ConversationModel &model) -> const ChatItem * {
        for (int r = 0; r < model.rowCount(); ++r) {
            if (model.item(r).kind == ChatItem::Kind::Notice)
                return &model.item(r);
        }
        return nullptr;
    };
    const ChatItem *live = answerRow(*m_model);
    QVERIFY(live);
    QCOMPARE(live->agent, u"Researcher"_s);
    QVERIFY(handoffRow(*m_model));
    QCOMPARE(handoffRow(*m_model)->text, u"Handed off to Researcher"_s);

    // Reopened from the store: the same.
    ConversationModel reopened;
    reopened.setEntries(
        StoreChatPersistence::toEntries(*opened.store->messages(persistence.conversationId())));
    const ChatItem *stored = answerRow(reopened);
    QVERIFY(stored);
    QCOMPARE(stored->agent, u"Researcher"_s);
    QVERIFY(handoffRow(reopened));
    QCOMPARE(handoffRow(reopened)->text, u"Handed off to Researcher"_s);
    QVERIFY(!handoffRow(reopened)->answerEnd);
}

void TestConversationSession::cutStream_keepsPartialAnswerInterrupted() {
    m_session->setTools({Tool::builtIn(Tool::Type::WebSearch)});
    QVERIFY(m_session->send(u"Search this, then cut stream rate 0"_s));
    QVERIFY(waitIdle());
    QCOMPARE(m_model->entries().at(0).message.content.plainText(),
             u"Search this, then cut stream rate 0"_s);
    const ChatEntry &last = m_model->entries().last();
    QCOMPARE(last.status, ChatEntry::Status::Interrupted);
    const ChatItem &notice = m_model->item(m_model->rowCount() - 1);
    QCOMPARE(notice.kind, ChatItem::Kind::Notice);
    QVERIFY(notice.retryable);
    QCOMPARE(notice.state, ChatItem::State::Interrupted);
    QVERIFY(m_model->rowCount() >= 3); // the message, what arrived, the notice
}

void TestConversationSession::responseError_keepsPartialAnswerWithTheServersSentence() {
    m_session->setTools({Tool::builtIn(Tool::Type::WebSearch)});
    QVERIFY(m_session->send(u"Search, then response error rate 0"_s));
    QVERIFY(waitIdle());
    const ChatEntry &last = m_model->entries().last();
    QCOMPARE(last.status, ChatEntry::Status::Interrupted); // the first output arrived: kept
    QVERIFY(last.error.isError());
    const ChatItem &notice = m_model->item(m_model->rowCount() - 1);
    QCOMPARE(notice.kind, ChatItem::Kind::Notice);
    QVERIFY(!notice.text.isEmpty());
    QVERIFY2(!notice.text.contains(u'\n'), qPrintable(notice.text));
    QVERIFY(notice.retryable);
    QVERIFY(findRow(ChatItem::Kind::ToolRun));
}

void TestConversationSession::httpError_failsWithOneSentence_keepsTheMessage() {
    m_client->setApiKey(u"not-the-right-key"_s);
    m_session->setTools({Tool::builtIn(Tool::Type::CodeInterpreter)});
    QVERIFY(m_session->send(u"Compute 1 and 2 rate 0"_s));
    QVERIFY(waitIdle());
    QCOMPARE(conversationPaths(), QStringList{u"/v1/conversations"_s});
    QCOMPARE(m_model->entryCount(), 2);
    QCOMPARE(m_model->entries().at(0).message.content.plainText(), u"Compute 1 and 2 rate 0"_s);
    QCOMPARE(m_model->entries().at(1).status, ChatEntry::Status::Failed);
    QCOMPARE(m_model->entries().at(1).error.httpStatus(), 401);
    const ChatItem &notice = m_model->item(m_model->rowCount() - 1);
    QCOMPARE(notice.kind, ChatItem::Kind::Notice);
    QVERIFY(!notice.text.isEmpty());
    QVERIFY(!notice.detail.isEmpty());

    m_client->setApiKey(m_emulator.apiKey());
    QVERIFY(m_session->retry(1));
    QVERIFY(waitIdle());
    QCOMPARE(m_model->entries().last().status, ChatEntry::Status::Complete);
    QVERIFY(findRow(ChatItem::Kind::ToolRun));
}

void TestConversationSession::faults_giveOneSentence_keepMessageAndWhatArrived_data() {
    QTest::addColumn<QJsonObject>("fault");
    QTest::addColumn<bool>("partial"); // some of the answer arrived before the fault
    const auto status = [](int code, const QString &body) {
        return QJsonObject{{u"kind"_s, u"status"_s}, {u"status"_s, code}, {u"body"_s, body}};
    };
    QTest::newRow("400 object") << status(400, u"object"_s) << false;
    QTest::newRow("401 detail") << status(401, u"detail"_s) << false;
    QTest::newRow("403 wrapped") << status(403, u"wrapped"_s) << false;
    QTest::newRow("404 gateway") << status(404, u"gateway"_s) << false;
    QTest::newRow("422 detail array") << status(422, u"detail_array"_s) << false;
    QTest::newRow("409 html") << status(409, u"html"_s) << false;
    QTest::newRow("400 text") << status(400, u"text"_s) << false;
    QTest::newRow("400 empty") << status(400, u"empty"_s) << false;
    QTest::newRow("html page") << QJsonObject{{u"kind"_s, u"html_page"_s}} << false;
    QTest::newRow("stream error") << QJsonObject{{u"kind"_s, u"stream_error"_s},
                                                 {u"after_events"_s, 3}}
                                  << true;
    QTest::newRow("cut") << QJsonObject{{u"kind"_s, u"cut"_s}, {u"after_events"_s, 3}} << true;
    QTest::newRow("malformed") << QJsonObject{{u"kind"_s, u"malformed"_s}, {u"after_events"_s, 3}}
                               << true;
    QTest::newRow("cut before any event")
        << QJsonObject{{u"kind"_s, u"cut"_s}, {u"after_events"_s, 0}} << false;
}

void TestConversationSession::faults_giveOneSentence_keepMessageAndWhatArrived() {
    QFETCH(QJsonObject, fault);
    QFETCH(bool, partial);
    fault.insert(u"path"_s, u"/v1/conversations"_s);
    QCOMPARE(m_driver->addFault(fault), 200);
    m_session->setTools({Tool::builtIn(Tool::Type::WebSearch)});
    const QString typed = u"Search for the fault rate 0"_s;
    QVERIFY(m_session->send(typed));
    QVERIFY(waitIdle());
    QCOMPARE(conversationPaths().size(), 1); // never retried
    QCOMPARE(m_model->entries().first().message.content.plainText(), typed);
    const ChatEntry &answer = m_model->entries().last();
    QCOMPARE(answer.status, partial ? ChatEntry::Status::Interrupted : ChatEntry::Status::Failed);
    QVERIFY(answer.error.isError());
    if (partial)
        QVERIFY(m_model->entryCount() > 2 || !answer.message.toolCalls.isEmpty()
                || !answer.message.content.isEmpty());
    const ChatItem notice = m_model->item(m_model->rowCount() - 1);
    QCOMPARE(notice.kind, ChatItem::Kind::Notice);
    QVERIFY(notice.retryable);
    // One sentence on one line, without raw markup or JSON.
    QVERIFY(!notice.text.isEmpty());
    QVERIFY2(!notice.text.contains(u'\n') && !notice.text.contains(u'<')
                 && !notice.text.contains(u'{'),
             qPrintable(notice.text));
    QVERIFY(!notice.detail.isEmpty());
    // Retry asks again and the answer comes.
    QVERIFY(m_session->retry(m_model->entryCount() - 1));
    QVERIFY(waitIdle());
    QCOMPARE(m_model->entries().last().status, ChatEntry::Status::Complete);
    QCOMPARE(m_model->entries().first().message.content.plainText(), typed);

    const QByteArrayView tag(QTest::currentDataTag());
    if (tag == "stream error") {
        // The server's own words (tst_chatsession checks the same for chat completions).
        QVERIFY2(notice.text.contains(u"Internal error while generating the answer"_s),
                 qPrintable(notice.text));
        return;
    }
    if (tag == "cut before any event")
        return; // half a first event reads differently in the two formats (both say nothing came)
    // The same fault on chat completions says the same.
    m_session->setTools({});
    m_model->clear();
    fault.insert(u"path"_s, u"/v1/chat/completions"_s);
    QCOMPARE(m_driver->addFault(fault), 200);
    QVERIFY(m_session->send(typed));
    QVERIFY(waitIdle());
    const ChatItem &chatNotice = m_model->item(m_model->rowCount() - 1);
    QCOMPARE(chatNotice.kind, ChatItem::Kind::Notice);
    QCOMPARE(notice.text, chatNotice.text);
    QCOMPARE(notice.detail, chatNotice.detail);
}

void TestConversationSession::forgottenConversation_isReplayedSilentlyOnce() {
    m_session->setTools({Tool::builtIn(Tool::Type::WebSearch)});
    QVERIFY(m_session->send(u"Hello rate 0"_s));
    QVERIFY(waitIdle());
    const QString first = m_session->serverConversationId();
    QVERIFY(!first.isEmpty());
    m_driver->send("POST", u"/__admin/reset"_s); // the server forgets it
    QSignalSpy finished(m_session.get(), &ChatSession::turnFinished);
    QVERIFY(m_session->send(u"Still there? rate 0"_s));
    QVERIFY(waitIdle());
    // The person sees the answer, not the 404.
    QCOMPARE(finished.count(), 1);
    QCOMPARE(m_model->entries().last().status, ChatEntry::Status::Complete);
    QVERIFY(!m_model->entries().last().error.isError());
    QVERIFY(m_model->entries().last().message.content.plainText().contains(u"Still there?"_s));
    for (int r = 0; r < m_model->rowCount(); ++r)
        QVERIFY(m_model->item(r).kind != ChatItem::Kind::Notice);
    QCOMPARE(m_model->entryCount(), 4);
    // The append was refused; one new conversation got the local history as inputs.
    QCOMPARE(conversationPaths(),
             (QStringList{u"/v1/conversations/"_s + first, u"/v1/conversations"_s}));
    const QJsonArray inputs = lastBody(u"/v1/conversations"_s).value("inputs"_L1).toArray();
    QCOMPARE(inputs.size(), 3);
    QCOMPARE(inputs.at(1).toObject().value("role"_L1).toString(), u"assistant"_s);
    QCOMPARE(inputs.at(2).toObject().value("content"_L1).toString(), u"Still there? rate 0"_s);
    const QString second = m_session->serverConversationId();
    QVERIFY(second.startsWith(u"conv_"_s));
    QVERIFY(second != first);

    // The next turn continues the new conversation.
    QVERIFY(m_session->send(u"Good rate 0"_s));
    QVERIFY(waitIdle());
    QCOMPARE(conversationPaths().last(), u"/v1/conversations/"_s + second);
}

void TestConversationSession::forgottenConversation_replayFailing_showsTheErrorOnce() {
    m_session->setTools({Tool::builtIn(Tool::Type::WebSearch)});
    QVERIFY(m_session->send(u"Hello rate 0"_s));
    QVERIFY(waitIdle());
    const QString first = m_session->serverConversationId();
    m_driver->send("POST", u"/__admin/reset"_s);
    m_driver->send("DELETE", u"/__admin/requests"_s);
    // Every conversation request is refused now: one replay, then the error.
    QCOMPARE(m_driver->addFault(QJsonObject{
                 {u"path"_s, u"/v1/conversations"_s}, {u"status"_s, 404}, {u"count"_s, 5}}),
             200);
    QVERIFY(m_session->send(u"Anyone? rate 0"_s));
    QVERIFY(waitIdle());
    QCOMPARE(conversationPaths(),
             (QStringList{u"/v1/conversations/"_s + first, u"/v1/conversations"_s}));
    QCOMPARE(m_model->entries().last().status, ChatEntry::Status::Failed);
    QCOMPARE(m_model->entries().last().error.httpStatus(), 404);
    QVERIFY(m_session->serverConversationId().isEmpty());
}

void TestConversationSession::reopenedChat_withoutItsServerId_replaysTheHistory() {
    QTemporaryDir profile;
    auto opened = ConversationStore::open(profile.path());
    QVERIFY2(opened.ok(), qPrintable(opened.error.message));
    StoreChatPersistence persistence(opened.store.get());
    m_session->setPersistence(&persistence);
    m_session->setTools({Tool::builtIn(Tool::Type::WebSearch)});
    QVERIFY(m_session->send(u"Search for lighthouses rate 0"_s));
    QVERIFY(waitIdle());
    m_session->setPersistence(nullptr);
    const qint64 chat = persistence.conversationId();
    persistence.setServerConversationId({}); // an older chat, or one imported: no id kept

    ConversationModel model;
    model.setEntries(StoreChatPersistence::toEntries(*opened.store->messages(chat)));
    ChatSession session(m_chat.get(), &model);
    session.setConversationService(m_conversations.get());
    session.setPersistence(&persistence);
    session.setTarget(ChatSession::TargetKind::Model, u"mistral-small-latest"_s);
    session.setTools({Tool::builtIn(Tool::Type::WebSearch)});
    m_driver->send("DELETE", u"/__admin/requests"_s);
    QVERIFY(session.send(u"Tell me more rate 0"_s));
    QVERIFY(QTest::qWaitFor([&session] { return !session.isBusy(); }, 20000));
    QCOMPARE(conversationPaths(), QStringList{u"/v1/conversations"_s});
    const QJsonArray inputs = lastBody(u"/v1/conversations"_s).value("inputs"_L1).toArray();
    QCOMPARE(inputs.size(), 3);
    QCOMPARE(model.entries().last().status, ChatEntry::Status::Complete);
    // The new id is kept with the chat.
    QVERIFY(persistence.serverConversationId().startsWith(u"conv_"_s));
    StoreChatPersistence again(opened.store.get(), chat);
    QCOMPARE(again.serverConversationId(), persistence.serverConversationId());
}

void TestConversationSession::editAndResend_restartsFromTheAnswerBefore() {
    m_session->setTools({Tool::builtIn(Tool::Type::WebSearch)});
    QVERIFY(m_session->send(u"First question rate 0"_s));
    QVERIFY(waitIdle());
    QVERIFY(m_session->send(u"Second question rate 0"_s));
    QVERIFY(waitIdle());
    const QString original = m_session->serverConversationId();
    QCOMPARE(m_model->entryCount(), 4);
    // The answer before the edited message knows its place on the server.
    const auto before = ConversationMessages::entryRef(m_model->entries().at(1).message);
    QVERIFY(before);
    QCOMPARE(before->conversationId, original);
    QVERIFY(before->entryId.startsWith(u"msg_"_s));

    m_driver->send("DELETE", u"/__admin/requests"_s);
    QVERIFY(m_session->editAndResend(2, u"Second question, edited rate 0"_s));
    QVERIFY(waitIdle());
    const QString restartPath = ConversationService::restartPath(original);
    QCOMPARE(conversationPaths(), QStringList{restartPath});
    const QJsonObject body = lastBody(restartPath);
    QCOMPARE(body.value("from_entry_id"_L1).toString(), before->entryId);
    QCOMPARE(body.value("inputs"_L1).toString(), u"Second question, edited rate 0"_s);
    QCOMPARE(m_model->entryCount(), 4);
    QCOMPARE(m_model->entries().last().status, ChatEntry::Status::Complete);
    QVERIFY(m_model->entries().last().message.content.plainText().contains(u"edited"_s));
    // The restart made a new conversation; the chat continues that one.
    const QString restarted = m_session->serverConversationId();
    QVERIFY(restarted.startsWith(u"conv_"_s));
    QVERIFY(restarted != original);
    const auto history = m_driver->get(ConversationService::historyPath(restarted));
    QCOMPARE(history.object().value("entries"_L1).toArray().size(), 4);
    QVERIFY(m_session->send(u"Third rate 0"_s));
    QVERIFY(waitIdle());
    QCOMPARE(conversationPaths().last(), u"/v1/conversations/"_s + restarted);
}

void TestConversationSession::editAndResend_withoutEntryIds_replaysInANewConversation() {
    m_session->setTools({Tool::builtIn(Tool::Type::WebSearch)});
    QVERIFY(m_session->send(u"First question rate 0"_s));
    QVERIFY(waitIdle());
    QVERIFY(m_session->send(u"Second question rate 0"_s));
    QVERIFY(waitIdle());
    // An answer stored before entry ids were kept: nothing to restart from.
    ChatEntry answer = m_model->entries().at(1);
    answer.message.metadata.reset();
    m_model->updateEntry(1, answer);

    m_driver->send("DELETE", u"/__admin/requests"_s);
    QVERIFY(m_session->editAndResend(2, u"Second question, edited rate 0"_s));
    QVERIFY(waitIdle());
    QCOMPARE(conversationPaths(), QStringList{u"/v1/conversations"_s});
    const QJsonArray inputs = lastBody(u"/v1/conversations"_s).value("inputs"_L1).toArray();
    QCOMPARE(inputs.size(), 3);
    QCOMPARE(inputs.at(2).toObject().value("content"_L1).toString(),
             u"Second question, edited rate 0"_s);
    QCOMPARE(m_model->entries().last().status, ChatEntry::Status::Complete);

    // Editing the first message has nothing before it either.
    m_driver->send("DELETE", u"/__admin/requests"_s);
    QVERIFY(m_session->editAndResend(0, u"First question, edited rate 0"_s));
    QVERIFY(waitIdle());
    QCOMPARE(conversationPaths(), QStringList{u"/v1/conversations"_s});
    QCOMPARE(lastBody(u"/v1/conversations"_s).value("inputs"_L1).toString(),
             u"First question, edited rate 0"_s);
}

void TestConversationSession::regenerate_restartsFromTheAnswerBefore_evenWhenTheServerForgot() {
    m_session->setTools({Tool::builtIn(Tool::Type::WebSearch)});
    QVERIFY(m_session->send(u"First question rate 0"_s));
    QVERIFY(waitIdle());
    QVERIFY(m_session->send(u"Second question rate 0"_s));
    QVERIFY(waitIdle());
    const QString original = m_session->serverConversationId();
    const auto before = ConversationMessages::entryRef(m_model->entries().at(1).message);
    QVERIFY(before);
    m_driver->send("DELETE", u"/__admin/requests"_s);
    QVERIFY(m_session->regenerate());
    QVERIFY(waitIdle());
    const QString restartPath = ConversationService::restartPath(original);
    QCOMPARE(conversationPaths(), QStringList{restartPath});
    QCOMPARE(lastBody(restartPath).value("from_entry_id"_L1).toString(), before->entryId);
    QCOMPARE(lastBody(restartPath).value("inputs"_L1).toString(), u"Second question rate 0"_s);
    QCOMPARE(m_model->entries().last().status, ChatEntry::Status::Complete);

    // The server forgot everything: the restart is refused, the history goes to a new one.
    m_driver->send("POST", u"/__admin/reset"_s);
    m_driver->send("DELETE", u"/__admin/requests"_s);
    QVERIFY(m_session->regenerate());
    QVERIFY(waitIdle());
    QCOMPARE(conversationPaths(), (QStringList{restartPath, u"/v1/conversations"_s}));
    QCOMPARE(m_model->entries().last().status, ChatEntry::Status::Complete);
    QCOMPARE(lastBody(u"/v1/conversations"_s).value("inputs"_L1).toArray().size(), 3);
}

void TestConversationSession::stop_keepsWhatArrived() {
    m_session->setTools({Tool::builtIn(Tool::Type::WebSearch)});
    QVERIFY(m_session->send(u"Search for a very long answer please rate 20"_s));
    QVERIFY(QTest::qWaitFor(
        [this] {
            const auto &e = m_model->entries();
            return e.size() >= 3 && !e.last().message.content.plainText().isEmpty();
        },
        20000));
    m_session->stop();
    QVERIFY(waitIdle());
    QCOMPARE(m_model->entries().last().status, ChatEntry::Status::Canceled);
    QVERIFY(!m_model->entries().last().message.content.plainText().isEmpty());
}

void TestConversationSession::prepareRequest_givesTheConversationRequest() {
    const QList<ChatMessage> messages{ChatMessage::user(u"Search for owls"_s)};
    const QList<Tool> tools{Tool::builtIn(Tool::Type::WebSearch)};
    std::optional<ChatSession::TurnRequest> request;
    m_session->prepareRequest(messages, tools, this,
                              [&request](const ChatSession::TurnRequest &r) { request = r; });
    QVERIFY(request);
    const auto *start = std::get_if<ConversationStartRequest>(&*request);
    QVERIFY(start);
    QCOMPARE(start->model, u"mistral-small-latest"_s);
    QCOMPARE(start->inputs.text, std::optional<QString>(u"Search for owls"_s));
    QCOMPARE(start->tools.size(), 1);

    // Once the chat has a server conversation, the next request appends to it.
    m_session->setTools(tools);
    QVERIFY(m_session->send(u"Search for owls rate 0"_s));
    QVERIFY(waitIdle());
    QVERIFY(!m_session->serverConversationId().isEmpty());
    m_session->prepareRequest(messages, tools, this,
                              [&request](const ChatSession::TurnRequest &r) { request = r; });
    const auto *append = std::get_if<ConversationAppendRequest>(&*request);
    QVERIFY(append);
    QCOMPARE(append->conversationId, m_session->serverConversationId());

    // Without such tools, a plain chat request.
    m_session->prepareRequest(messages, {}, this,
                              [&request](const ChatSession::TurnRequest &r) { request = r; });
    QVERIFY(std::holds_alternative<ChatRequest>(*request));
}

QTEST_GUILESS_MAIN(TestConversationSession)
#include "tst_conversationsession.moc"
