// SPDX-License-Identifier: GPL-3.0-or-later
// A chat session driven end to end against the emulator: streaming, hosted tools, images,
// connectors over MCP, errors, interruption, stop, retry and durable storage.
#include "core/net/ApiClient.h"
#include "core/net/RetryPolicy.h"
#include "core/services/AgentService.h"
#include "core/services/ChatService.h"
#include "core/services/ConnectorService.h"
#include "core/services/FileService.h"
#include "core/storage/ConversationStore.h"
#include "models/ChatSession.h"
#include "models/ConversationModel.h"
#include "models/ErrorPresenter.h"
#include "models/StoreChatPersistence.h"

#include "IntegrationSupport.h"
#include "support/EmulatorProcess.h"

#include <QElapsedTimer>
#include <QImage>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace Tramontane;

class TestChatSession : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void send_streamsAnswerIntoModel();
    void imageGeneration_givesToolRunAndFetchableImage();
    void connectorTool_runsOverMcp();
    void wrongKey_failsWithClearSentence_andRetryWorks();
    void cutStream_keepsPartialAnswerInterrupted();
    void serverErrorMidStream_saysTheServersWords_keepsPartialAnswer();
    void endlessLine_failsClearly_keepsPartialAnswer();
    void keepAliveOnly_timesOut_keepsPartialAnswer();
    void serverError_isRetriedThenSucceeds();
    void htmlPageInsteadOfStream_saysWhatCame();
    void serverErrorAfterRetries_saysTheyAreExhausted();
    void stop_keepsWhatArrived();
    void editAndResend_replacesTheTurn();
    void secondTurn_sendsHistoryTheApiAccepts();
    void store_keepsEveryMessageAcrossReopen();
    void toolAuthorizer_addsCredentialsBeforeTheRequestLeaves();
    void agentWithRealMcpConnector_runsItsTool();

private:
    bool waitIdle(int timeoutMs = 20000) {
        return QTest::qWaitFor([this] { return !m_session->isBusy(); }, timeoutMs);
    }

    Test::EmulatorProcess m_emulator;
    std::unique_ptr<Test::HttpDriver> m_driver;
    QNetworkAccessManager m_nam;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<ChatService> m_chat;
    std::unique_ptr<ConversationModel> m_model;
    std::unique_ptr<ChatSession> m_session;
};

void TestChatSession::initTestCase() {
    QVERIFY2(m_emulator.start(u"chat-key-123456"_s, {u"--demo"_s}),
             qPrintable(m_emulator.errorString()));
    m_driver = std::make_unique<Test::HttpDriver>(m_emulator.baseUrl(), "chat-key-123456");
}

void TestChatSession::init() {
    m_driver->send("POST", u"/__admin/reset"_s);
    m_client = std::make_unique<ApiClient>(&m_nam);
    QVERIFY(m_client->setBaseUrl(m_emulator.baseUrl()));
    m_client->setApiKey(m_emulator.apiKey());
    m_chat = std::make_unique<ChatService>(m_client.get());
    m_model = std::make_unique<ConversationModel>();
    m_session = std::make_unique<ChatSession>(m_chat.get(), m_model.get());
    m_session->setTarget(ChatSession::TargetKind::Model, u"mistral-small-latest"_s);
}

void TestChatSession::cleanup() {
    m_session.reset();
    m_model.reset();
    m_chat.reset();
    m_client.reset();
}

void TestChatSession::send_streamsAnswerIntoModel() {
    QSignalSpy busy(m_session.get(), &ChatSession::busyChanged);
    QSignalSpy rows(m_model.get(), &QAbstractItemModel::dataChanged);
    QVERIFY(m_session->send(u"Hello there, rate 0"_s));
    QVERIFY(m_session->isBusy());
    QVERIFY(waitIdle());
    QCOMPARE(busy.count(), 2);
    QCOMPARE(m_model->entryCount(), 2);
    const ChatEntry &answer = m_model->entries().at(1);
    QCOMPARE(answer.status, ChatEntry::Status::Complete);
    QVERIFY(!answer.message.content.plainText().isEmpty());
    QVERIFY(!answer.requestId.isEmpty());
    QVERIFY(answer.usage.has_value());
    QVERIFY(answer.usage->totalTokens > 0);
    QVERIFY(rows.count() >= 1); // the answer grew in place
    const ChatItem &last = m_model->item(m_model->rowCount() - 1);
    QVERIFY(last.answerEnd);
    QCOMPARE(last.requestId, answer.requestId);
}

void TestChatSession::imageGeneration_givesToolRunAndFetchableImage() {
    m_session->setTools({Tool::builtIn(Tool::Type::ImageGeneration)});
    QVERIFY(m_session->send(u"Draw an orange cat, rate 0"_s));
    QVERIFY(waitIdle());
    QVERIFY2(m_model->entryCount() >= 4, qPrintable(QString::number(m_model->entryCount())));
    QList<ChatItem::Kind> kinds;
    ImageSource image;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        kinds << m_model->item(r).kind;
        if (m_model->item(r).kind == ChatItem::Kind::Image)
            image = m_model->item(r).image;
    }
    QVERIFY(kinds.contains(ChatItem::Kind::ToolRun));
    QCOMPARE(kinds.count(ChatItem::Kind::Image), 1);
    QCOMPARE(image.kind, ImageSource::Kind::FileId);

    FileService files(m_client.get());
    std::optional<ServiceResult<QByteArray>> got;
    QObject context;
    files.download(image.ref, &context, [&got](const auto &r) { got = r; });
    QTRY_VERIFY_WITH_TIMEOUT(got.has_value(), 10000);
    QVERIFY2(got->ok(), qPrintable(ErrorPresenter::title(got->error)));
    const QImage decoded = QImage::fromData(*got->value);
    QCOMPARE(decoded.size(), QSize(512, 512));
}

void TestChatSession::connectorTool_runsOverMcp() {
    m_session->setTools({Tool::connector(u"demo_tools"_s)});
    QVERIFY(m_session->send(u"use tool echo {\"message\":\"ping from the test\"} rate 0"_s));
    QVERIFY(waitIdle());
    bool found = false;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const ChatItem &item = m_model->item(r);
        if (item.kind == ChatItem::Kind::ToolRun && item.toolName == u"echo"_s) {
            QVERIFY(item.hasToolResult);
            QVERIFY2(item.toolResult.contains(u"ping from the test"_s),
                     qPrintable(item.toolResult));
            found = true;
        }
    }
    QVERIFY(found);
}

void TestChatSession::wrongKey_failsWithClearSentence_andRetryWorks() {
    m_client->setApiKey(u"not-the-right-key"_s);
    QVERIFY(m_session->send(u"Are you there? rate 0"_s));
    QVERIFY(waitIdle());
    QCOMPARE(m_model->entryCount(), 2);
    QCOMPARE(m_model->entries().at(0).message.content.plainText(), u"Are you there? rate 0"_s);
    const ChatEntry &failed = m_model->entries().at(1);
    QCOMPARE(failed.status, ChatEntry::Status::Failed);
    QCOMPARE(failed.error.httpStatus(), 401);
    const ChatItem &notice = m_model->item(m_model->rowCount() - 1);
    QCOMPARE(notice.kind, ChatItem::Kind::Notice);
    QVERIFY(notice.retryable);
    QVERIFY(!notice.text.isEmpty());
    QVERIFY(!notice.detail.isEmpty());

    m_client->setApiKey(m_emulator.apiKey());
    QVERIFY(m_session->retry(1));
    QVERIFY(waitIdle());
    QCOMPARE(m_model->entryCount(), 2);
    QCOMPARE(m_model->entries().at(1).status, ChatEntry::Status::Complete);
}

void TestChatSession::cutStream_keepsPartialAnswerInterrupted() {
    QCOMPARE(m_driver->addFault(QJsonObject{{u"kind"_s, u"cut"_s},
                                            {u"path"_s, u"/v1/chat/completions"_s},
                                            {u"after_events"_s, 4}}),
             200);
    QVERIFY(m_session->send(u"long 300 rate 0"_s));
    QVERIFY(waitIdle());
    const ChatEntry &answer = m_model->entries().at(1);
    QCOMPARE(answer.status, ChatEntry::Status::Interrupted);
    QVERIFY(!answer.message.content.plainText().isEmpty());
    const ChatItem &notice = m_model->item(m_model->rowCount() - 1);
    QCOMPARE(notice.kind, ChatItem::Kind::Notice);
    QVERIFY(notice.retryable);
    // Retry replaces the partial answer with a complete one.
    QVERIFY(m_session->retry(1));
    QVERIFY(waitIdle());
    QCOMPARE(m_model->entryCount(), 2);
    QCOMPARE(m_model->entries().at(1).status, ChatEntry::Status::Complete);
}

void TestChatSession::serverErrorMidStream_saysTheServersWords_keepsPartialAnswer() {
    // The API's error object, sent as an event after the 200 and a few chunks.
    QCOMPARE(m_driver->addFault(QJsonObject{{u"kind"_s, u"stream_error"_s},
                                            {u"path"_s, u"/v1/chat/completions"_s},
                                            {u"after_events"_s, 4},
                                            {u"message"_s, u"The model overheated"_s}}),
             200);
    const QString typed = u"long 300 rate 0"_s;
    QVERIFY(m_session->send(typed));
    QVERIFY(waitIdle());
    QCOMPARE(m_model->entries().at(0).message.content.plainText(), typed);
    const ChatEntry &answer = m_model->entries().at(1);
    QCOMPARE(answer.status, ChatEntry::Status::Interrupted);
    QCOMPARE(answer.error.kind(), ApiError::Kind::StreamError);
    QVERIFY(!answer.message.content.plainText().isEmpty());
    const ChatItem &notice = m_model->item(m_model->rowCount() - 1);
    QCOMPARE(notice.kind, ChatItem::Kind::Notice);
    QVERIFY2(notice.text.contains(u"The model overheated"_s), qPrintable(notice.text));
    QVERIFY(!notice.text.contains(u'{'));
    QVERIFY(notice.retryable);
}

void TestChatSession::endlessLine_failsClearly_keepsPartialAnswer() {
    // A line that never ends must not grow memory until the client dies: the stream fails at
    // the line limit, and what arrived before stays.
    m_client->setStreamLimits(512 * 1024, 1024 * 1024);
    QCOMPARE(m_driver->addFault(QJsonObject{{u"kind"_s, u"endless_line"_s},
                                            {u"path"_s, u"/v1/chat/completions"_s},
                                            {u"after_events"_s, 4}}),
             200);
    QVERIFY(m_session->send(u"long 300 rate 0"_s));
    QVERIFY(waitIdle());
    const ChatEntry &answer = m_model->entries().at(1);
    QCOMPARE(answer.status, ChatEntry::Status::Interrupted);
    QVERIFY(!answer.message.content.plainText().isEmpty());
    QVERIFY(!answer.message.content.plainText().contains(u"xxxx"_s));
    QCOMPARE(answer.error.kind(), ApiError::Kind::InvalidResponse);
    QVERIFY(answer.error.detail().contains(u"longer than 524288 bytes"_s));
    const ChatItem &notice = m_model->item(m_model->rowCount() - 1);
    QCOMPARE(notice.kind, ChatItem::Kind::Notice);
    QCOMPARE(notice.text, ErrorPresenter::title(answer.error));
    QVERIFY(notice.retryable);
}

void TestChatSession::keepAliveOnly_timesOut_keepsPartialAnswer() {
    // Comments keep the connection busy (no idle timeout), but no content comes: the content
    // timeout ends the stream.
    m_client->setStreamContentTimeout(1500ms);
    QCOMPARE(m_driver->addFault(QJsonObject{{u"kind"_s, u"keep_alive_only"_s},
                                            {u"path"_s, u"/v1/chat/completions"_s},
                                            {u"after_events"_s, 4}}),
             200);
    QElapsedTimer clock;
    clock.start();
    QVERIFY(m_session->send(u"long 300 rate 0"_s));
    QVERIFY(waitIdle());
    QVERIFY(clock.elapsed() >= 1400);
    const ChatEntry &answer = m_model->entries().at(1);
    QCOMPARE(answer.status, ChatEntry::Status::Interrupted);
    QVERIFY(!answer.message.content.plainText().isEmpty());
    QCOMPARE(answer.error.kind(), ApiError::Kind::Timeout);
    const ChatItem &notice = m_model->item(m_model->rowCount() - 1);
    QCOMPARE(notice.kind, ChatItem::Kind::Notice);
    QCOMPARE(notice.text, ErrorPresenter::title(answer.error));
}

void TestChatSession::serverError_isRetriedThenSucceeds() {
    QCOMPARE(m_driver->addFault(QJsonObject{{u"kind"_s, u"status"_s},
                                            {u"path"_s, u"/v1/chat/completions"_s},
                                            {u"status"_s, 503},
                                            {u"retry_after"_s, 1}}),
             200);
    QVERIFY(m_session->send(u"Hi again rate 0"_s));
    QVERIFY(waitIdle(30000));
    QCOMPARE(m_model->entries().at(1).status, ChatEntry::Status::Complete);
    QCOMPARE(m_driver->recordedRequests(u"/v1/chat/completions"_s).size(), 2);
}

void TestChatSession::htmlPageInsteadOfStream_saysWhatCame() {
    QCOMPARE(m_driver->addFault(
                 QJsonObject{{u"kind"_s, u"html_page"_s}, {u"path"_s, u"/v1/chat/completions"_s}}),
             200);
    QVERIFY(m_session->send(u"Hello? rate 0"_s));
    QVERIFY(waitIdle());
    const ChatEntry &answer = m_model->entries().at(1);
    QCOMPARE(answer.status, ChatEntry::Status::Failed);
    const ChatItem &notice = m_model->item(m_model->rowCount() - 1);
    QCOMPARE(notice.kind, ChatItem::Kind::Notice);
    QCOMPARE(notice.text, u"The server did not answer with an event stream: it sent text/html."_s);
    QVERIFY2(!notice.text.contains(u"interrupted"_s), qPrintable(notice.text));
    QVERIFY2(!notice.detail.contains(u"partial"_s), qPrintable(notice.detail));
    QVERIFY(notice.retryable);
    // The page is not retried automatically; Retry asks again.
    QCOMPARE(m_driver->recordedRequests(u"/v1/chat/completions"_s).size(), 1);
    QVERIFY(m_session->retry(1));
    QVERIFY(waitIdle());
    QCOMPARE(m_model->entries().at(1).status, ChatEntry::Status::Complete);
}

void TestChatSession::serverErrorAfterRetries_saysTheyAreExhausted() {
    RetryPolicy policy;
    policy.setRandomSource([] { return 0.0; }); // the shortest waits: 0.375, 0.75, 1.5 s
    m_client->setRetryPolicy(policy);
    QCOMPARE(m_driver->addFault(QJsonObject{{u"kind"_s, u"status"_s},
                                            {u"path"_s, u"/v1/chat/completions"_s},
                                            {u"status"_s, 500},
                                            {u"count"_s, 0}}),
             200);
    QVERIFY(m_session->send(u"Anyone? rate 0"_s));
    QVERIFY(waitIdle(30000));
    QCOMPARE(m_driver->recordedRequests(u"/v1/chat/completions"_s).size(),
             1 + RetryPolicy::kDefaultMaxRetries);
    QCOMPARE(m_model->entries().at(1).status, ChatEntry::Status::Failed);
    const ChatItem &notice = m_model->item(m_model->rowCount() - 1);
    QCOMPARE(notice.kind, ChatItem::Kind::Notice);
    QCOMPARE(notice.text, u"The server had an internal error."_s);
    // No promise of a retry that will not come: the retries are over, Retry is the way on.
    QVERIFY2(!notice.detail.contains(u"retried automatically"_s), qPrintable(notice.detail));
    QVERIFY2(notice.detail.contains(u"sent 4 time"_s), qPrintable(notice.detail));
    QVERIFY2(notice.detail.contains(u"exhausted"_s), qPrintable(notice.detail));
    QVERIFY(notice.retryable);

    m_driver->send("DELETE", u"/__admin/faults"_s);
    QVERIFY(m_session->retry(1));
    QVERIFY(waitIdle());
    QCOMPARE(m_model->entries().at(1).status, ChatEntry::Status::Complete);
}

void TestChatSession::stop_keepsWhatArrived() {
    QVERIFY(m_session->send(u"long 3000 rate 200"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!m_model->entries().at(1).message.content.plainText().isEmpty(),
                             10000);
    m_session->stop();
    QVERIFY(waitIdle());
    const ChatEntry &answer = m_model->entries().at(1);
    QCOMPARE(answer.status, ChatEntry::Status::Canceled);
    QVERIFY(!answer.message.content.plainText().isEmpty());
}

void TestChatSession::editAndResend_replacesTheTurn() {
    QVERIFY(m_session->send(u"first question rate 0"_s));
    QVERIFY(waitIdle());
    QVERIFY(m_session->editAndResend(0, u"echo the edited question rate 0"_s));
    QVERIFY(waitIdle());
    QCOMPARE(m_model->entryCount(), 2);
    QCOMPARE(m_model->entries().at(0).message.content.plainText(),
             u"echo the edited question rate 0"_s);
    QVERIFY(!m_model->entries().at(1).message.content.plainText().contains(u"first question"_s));
}

void TestChatSession::secondTurn_sendsHistoryTheApiAccepts() {
    // A turn with a hosted image tool, then a follow-up: the replayed history must pass the
    // API's strict validation (no tool_file chunks, no metadata on tool calls).
    m_session->setTools({Tool::builtIn(Tool::Type::ImageGeneration)});
    QVERIFY(m_session->send(u"Draw a lighthouse rate 0"_s));
    QVERIFY(waitIdle());
    QVERIFY(m_session->send(u"echo the conversation so far, rate 0"_s));
    QVERIFY(waitIdle());
    const ChatEntry &answer = m_model->entries().last();
    QVERIFY2(answer.status == ChatEntry::Status::Complete,
             qPrintable(ErrorPresenter::title(answer.error)));
    QVERIFY(answer.message.content.plainText().contains(u"lighthouse"_s));
}

void TestChatSession::store_keepsEveryMessageAcrossReopen() {
    QTemporaryDir profile;
    qint64 conversation = 0;
    QList<ChatEntry> before;
    {
        auto opened = ConversationStore::open(profile.path());
        QVERIFY2(opened.ok(), qPrintable(opened.error.message));
        StoreChatPersistence persistence(opened.store.get());
        m_session->setPersistence(&persistence);
        m_session->setTools({Tool::builtIn(Tool::Type::ImageGeneration)});
        QVERIFY(m_session->send(u"Draw a boat rate 0"_s));
        QVERIFY(waitIdle());
        m_session->setPersistence(nullptr);
        conversation = persistence.conversationId();
        before = m_model->entries();
    }
    QVERIFY(conversation != 0);
    auto reopened = ConversationStore::open(profile.path());
    QVERIFY(reopened.ok());
    const auto messages = reopened.store->messages(conversation);
    QVERIFY(messages.ok());
    const QList<ChatEntry> after = StoreChatPersistence::toEntries(*messages);
    QCOMPARE(after.size(), before.size());
    for (int i = 0; i < after.size(); ++i) {
        QCOMPARE(after.at(i).message.toStoredJson(), before.at(i).message.toStoredJson());
        QCOMPARE(after.at(i).status, ChatEntry::Status::Complete);
    }
    QCOMPARE(after.last().requestId, before.last().requestId);
    ConversationModel restored;
    restored.setEntries(after);
    QCOMPARE(restored.rowCount(), m_model->rowCount());
    QCOMPARE(reopened.store->conversation(conversation)->title, u"Draw a boat rate 0"_s);
}

void TestChatSession::toolAuthorizer_addsCredentialsBeforeTheRequestLeaves() {
    // The secured demo connector only answers with its token: the authorizer must add it.
    int calls = 0;
    m_session->setToolAuthorizer([&calls](ChatSession::TargetKind, const QString &,
                                          const QList<Tool> &tools, QObject *context,
                                          std::function<void(const QList<Tool> &)> done) {
        ++calls;
        QList<Tool> authorized = tools;
        for (Tool &tool : authorized) {
            if (tool.type == Tool::Type::Connector)
                tool.authorization = ConnectorAuthorization::oauth2Token(u"wrong-token-1"_s);
        }
        QTimer::singleShot(10, context, [done, authorized] { done(authorized); });
    });
    m_session->setTools({Tool::connector(u"demo_secured"_s)});
    QVERIFY(m_session->send(u"use tool echo {\"message\":\"secret hello\"} rate 0"_s));
    QVERIFY(m_session->isBusy());
    QVERIFY(waitIdle());
    QCOMPARE(calls, 1);
    const QJsonArray requests = m_driver->recordedRequests(u"/v1/chat/completions"_s);
    QCOMPARE(requests.size(), 1);
    const QByteArray sent = QJsonDocument(requests.first().toObject()).toJson();
    QVERIFY2(sent.contains("oauth2-token"), sent.constData());
    // A wrong token: the connector refuses it, and the user is told in words.
    const ChatEntry &answer = m_model->entries().last();
    QCOMPARE(answer.status, ChatEntry::Status::Failed);
    QCOMPARE(answer.error.httpStatus(), 401);
    QVERIFY(!ErrorPresenter::title(answer.error).isEmpty());
}

void TestChatSession::agentWithRealMcpConnector_runsItsTool() {
    // The cookbook's agent recipe through the client's services: a connector to the reference
    // MCP server, an agent that uses it, a chat with the agent running the server's real tool,
    // and the clean-up.
    if (Test::EverythingServer::entryScript().isEmpty())
        QSKIP(Test::EverythingServer::missingReason().constData());
    Test::EverythingServer everything;
    QString error;
    QVERIFY2(everything.start(&error), qPrintable(error));

    QObject context;
    ConnectorService connectors(m_client.get());
    ConnectorCreateRequest connectorRequest;
    connectorRequest.name = u"everything_agent_test"_s;
    connectorRequest.description = u"The MCP reference server"_s;
    connectorRequest.server = everything.url().toString();
    std::optional<ServiceResult<Connector>> connector;
    connectors.create(connectorRequest, &context, [&](const auto &r) { connector = r; });
    QTRY_VERIFY_WITH_TIMEOUT(connector.has_value(), 15000);
    QVERIFY2(connector->ok(), qPrintable(ErrorPresenter::title(connector->error)));

    AgentService agents(m_client.get());
    AgentCreateRequest agentRequest;
    agentRequest.model = u"mistral-medium-latest"_s;
    agentRequest.name = u"Everything agent"_s;
    agentRequest.tools = {Tool::connector(connector->value->id)};
    std::optional<ServiceResult<Agent>> agent;
    agents.create(agentRequest, &context, [&](const auto &r) { agent = r; });
    QTRY_VERIFY_WITH_TIMEOUT(agent.has_value(), 15000);
    QVERIFY2(agent->ok(), qPrintable(ErrorPresenter::title(agent->error)));

    m_session->setTarget(ChatSession::TargetKind::Agent, agent->value->id);
    m_session->setTools({});
    QVERIFY(m_session->send(u"use tool echo {\"message\":\"agent says hi\"} rate 0"_s));
    QVERIFY(waitIdle(30000));
    bool ran = false;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const ChatItem &item = m_model->item(r);
        ran = ran
              || (item.kind == ChatItem::Kind::ToolRun && item.hasToolResult
                  && item.toolResult.contains(u"agent says hi"_s));
    }
    QVERIFY2(ran, qPrintable(ErrorPresenter::title(m_model->entries().last().error)));
    QCOMPARE(m_driver->recordedRequests(u"/v1/agents/completions"_s).size(), 1);

    std::optional<ServiceResult<Done>> removedAgent;
    agents.remove(agent->value->id, &context, [&](const auto &r) { removedAgent = r; });
    std::optional<ServiceResult<Done>> removedConnector;
    connectors.remove(connector->value->id, &context, [&](const auto &r) { removedConnector = r; });
    QTRY_VERIFY_WITH_TIMEOUT(removedAgent.has_value() && removedConnector.has_value(), 15000);
    QVERIFY(removedAgent->ok() && removedConnector->ok());
}

QTEST_GUILESS_MAIN(TestChatSession)
#include "tst_chatsession.moc"
