// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/agents/AgentsTestHelpers.h"
#include "support/EmulatorProcess.h"

#include "core/net/ApiClient.h"
#include "core/net/ApiJob.h"
#include "core/services/AgentService.h"
#include "core/services/ConversationService.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using Tramontane::Test::EmulatorProcess;

namespace {

using Kind = ConversationOutput::Kind;
using Outcome = ConversationRun::Outcome;

template<typename T>
struct Call {
    bool done = false;
    ServiceResult<T> result = ServiceResult<T>::failure(ApiError());
    ServiceCallback<T> callback() {
        return [this](const ServiceResult<T> &r) {
            result = r;
            done = true;
        };
    }
    bool wait() {
        return QTest::qWaitFor([this] { return done; }, 15000);
    }
};

ConversationStartRequest startRequest(const QString &text, const QList<Tool> &tools = {}) {
    ConversationStartRequest r;
    r.inputs = ConversationInputs::fromText(text);
    r.model = u"mistral-small-latest"_s;
    r.tools = tools;
    return r;
}

// Runs a streamed turn to its end; the run is gone afterwards, so everything is copied out.
struct Finished {
    Outcome outcome = Outcome::Running;
    QString conversationId;
    QList<ConversationOutput> outputs;
    ConversationAccumulator::State state = ConversationAccumulator::State::Streaming;
    QString errorMessage;
    Usage usage;
    ApiError error;
    int updates = 0;
};

Finished runToEnd(ConversationRun *run) {
    Finished out;
    QObject::connect(run, &ConversationRun::updated, run, [&out] { ++out.updates; });
    QObject::connect(run, &ConversationRun::finished, run, [&out, run] {
        out.outcome = run->outcome();
        out.conversationId = run->conversationId();
        out.outputs = run->outputs();
        out.state = run->accumulator().state();
        out.errorMessage = run->accumulator().errorMessage();
        out.usage = run->accumulator().usage();
        out.error = run->error();
    });
    if (!QTest::qWaitFor([&out] { return out.outcome != Outcome::Running; }, 15000))
        qWarning("the conversation run did not finish");
    return out;
}

} // namespace

class TestConversationService : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void start_answersWithAConversationId();
    void append_continuesTheSameConversation();
    void stream_plainAnswer_completes();
    void stream_webSearch_givesToolRunAndReferences();
    void stream_codeInterpreter_givesCodeAndOutput();
    void stream_imageGeneration_givesAToolFile();
    void stream_agentHandoff_continuesUnderTheNextAgent();
    void stream_functionCall_isForTheClient();
    void stream_connectorTool_runsOverMcp();
    void stream_toolConfirmation_allowRunsTheTool();
    void stream_toolConfirmation_denySkipsTheTool();
    void stream_responseError_failsWithItsMessage();
    void stream_cut_isInterruptedWithWhatArrived();
    void stream_adminStreamErrorFault_isAResponseError();
    void stream_503BeforeTheFirstByte_isRetried();
    void stream_cancel_keepsWhatArrived();
    void restart_startsANewConversationFromAnEntry();
    void append_unknownConversation_is404();
    void start_sendsOnlyKnownFields();

private:
    EmulatorProcess m_emulator;
    QNetworkAccessManager m_nam;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<ConversationService> m_service;
    std::unique_ptr<AgentService> m_agents;
};

void TestConversationService::initTestCase() {
    QVERIFY2(m_emulator.start(u"test-key"_s, {u"--stream-rate"_s, u"0"_s}),
             qPrintable(m_emulator.errorString()));
    m_client = std::make_unique<ApiClient>(&m_nam);
    QString error;
    QVERIFY2(m_client->setBaseUrl(m_emulator.baseUrl(), &error), qPrintable(error));
    m_client->setApiKey(m_emulator.apiKey());
    m_service = std::make_unique<ConversationService>(m_client.get());
    m_agents = std::make_unique<AgentService>(m_client.get());
}

void TestConversationService::init() {
    Test::resetEmulator(m_nam, m_emulator.baseUrl());
}

void TestConversationService::start_answersWithAConversationId() {
    Call<ConversationResponse> call;
    QVERIFY(m_service->start(startRequest(u"Hello there"_s), this, call.callback()));
    QVERIFY(call.wait());
    QVERIFY2(call.result.ok(), qPrintable(call.result.error.toLogString()));
    const ConversationResponse &r = *call.result.value;
    QVERIFY(r.conversationId.startsWith(u"conv_"_s));
    QCOMPARE(r.outputs.size(), 1);
    QCOMPARE(r.outputs.at(0).type, ConversationEntry::Type::MessageOutput);
    QVERIFY(r.outputs.at(0).content.plainText().contains(u"Hello there"_s));
    QCOMPARE(r.outputs.at(0).model, u"mistral-small-latest"_s);
    QVERIFY(r.usage.totalTokens > 0);
    QVERIFY(!call.result.requestId.isEmpty());
}

void TestConversationService::append_continuesTheSameConversation() {
    Call<ConversationResponse> first;
    m_service->start(startRequest(u"First question"_s), this, first.callback());
    QVERIFY(first.wait());
    QVERIFY(first.result.ok());
    const QString id = first.result.value->conversationId;

    ConversationAppendRequest append;
    append.conversationId = id;
    append.inputs = ConversationInputs::fromText(u"Second question"_s);
    Finished streamed = runToEnd(m_service->appendStream(append));
    QCOMPARE(streamed.outcome, Outcome::Completed);
    QCOMPARE(streamed.conversationId, id);
    QCOMPARE(streamed.outputs.size(), 1);
    QVERIFY(streamed.outputs.at(0).text().contains(u"Second question"_s));

    // The conversation now holds both turns.
    Call<ConversationHistory> history;
    QVERIFY(m_service->history(id, this, history.callback()));
    QVERIFY(history.wait());
    QVERIFY2(history.result.ok(), qPrintable(history.result.error.toLogString()));
    QCOMPARE(history.result.value->conversationId, id);
    const QList<ConversationEntry> &entries = history.result.value->entries;
    QCOMPARE(entries.size(), 4);
    QCOMPARE(entries.at(0).type, ConversationEntry::Type::MessageInput);
    QCOMPARE(entries.at(0).content.text(), u"First question"_s);
    QCOMPARE(entries.at(1).type, ConversationEntry::Type::MessageOutput);
    QCOMPARE(entries.at(2).content.text(), u"Second question"_s);
    QCOMPARE(entries.at(3).content.plainText(), streamed.outputs.at(0).text());
    const QJsonArray sent =
        Test::recordedRequests(m_nam, m_emulator.baseUrl(), u"/v1/conversations/"_s);
    QCOMPARE(sent.size(), 2); // the append, then the history
    QCOMPARE(sent.at(0).toObject().value("path"_L1).toString(), u"/v1/conversations/"_s + id);
}

void TestConversationService::stream_plainAnswer_completes() {
    Finished r = runToEnd(m_service->startStream(startRequest(u"Tell me something"_s)));
    QCOMPARE(r.outcome, Outcome::Completed);
    QCOMPARE(r.state, ConversationAccumulator::State::Done);
    QVERIFY(r.conversationId.startsWith(u"conv_"_s));
    QCOMPARE(r.outputs.size(), 1);
    QCOMPARE(r.outputs.at(0).kind, Kind::Message);
    QVERIFY(r.outputs.at(0).text().contains(u"Tell me something"_s));
    QVERIFY(r.updates > 10); // token by token
    QVERIFY(r.usage.totalTokens > 0);
}

void TestConversationService::stream_webSearch_givesToolRunAndReferences() {
    Finished r = runToEnd(m_service->startStream(
        startRequest(u"search the tramontane"_s, {Tool::builtIn(Tool::Type::WebSearch)})));
    QCOMPARE(r.outcome, Outcome::Completed);
    QCOMPARE(r.outputs.size(), 2);
    const ConversationOutput &tool = r.outputs.at(0);
    QCOMPARE(tool.kind, Kind::ToolExecution);
    QCOMPARE(tool.name, u"web_search"_s);
    QCOMPARE(QJsonDocument::fromJson(tool.arguments.toUtf8()).object().value("query"_L1).toString(),
             u"search the tramontane"_s);
    QVERIFY(tool.finished);
    const ConversationOutput &answer = r.outputs.at(1);
    QCOMPARE(answer.kind, Kind::Message);
    QVERIFY(answer.text().contains(u"northern wind"_s));
    QCOMPARE(answer.references().size(), 3);
    QCOMPARE(answer.references().at(0).tool, u"web_search"_s);
    QVERIFY(answer.references().at(0).url->startsWith(u"https://"_s));
    QCOMPARE(r.usage.raw.value("connectors"_L1).toObject().value("web_search"_L1).toInt(), 1);
}

void TestConversationService::stream_codeInterpreter_givesCodeAndOutput() {
    Finished r = runToEnd(m_service->startStream(
        startRequest(u"calculate 20 and 22"_s, {Tool::builtIn(Tool::Type::CodeInterpreter)})));
    QCOMPARE(r.outcome, Outcome::Completed);
    QCOMPARE(r.outputs.size(), 2);
    const ConversationOutput &tool = r.outputs.at(0);
    QCOMPARE(tool.kind, Kind::ToolExecution);
    QCOMPARE(tool.name, u"code_interpreter"_s);
    QCOMPARE(tool.info.value("code"_L1).toString(), u"numbers = [20, 22]\nprint(sum(numbers))"_s);
    QCOMPARE(tool.info.value("code_output"_L1).toString(), u"42\n"_s);
    // The arguments came in deltas and were put back together.
    QCOMPARE(QJsonDocument::fromJson(tool.arguments.toUtf8()).object().value("code"_L1).toString(),
             tool.info.value("code"_L1).toString());
    QVERIFY(r.outputs.at(1).text().contains(u"**42**"_s));
}

void TestConversationService::stream_imageGeneration_givesAToolFile() {
    Finished r = runToEnd(m_service->startStream(
        startRequest(u"draw a lighthouse"_s, {Tool::builtIn(Tool::Type::ImageGeneration)})));
    QCOMPARE(r.outcome, Outcome::Completed);
    QCOMPARE(r.outputs.size(), 2);
    QCOMPARE(r.outputs.at(0).kind, Kind::ToolExecution);
    QCOMPARE(r.outputs.at(0).name, u"image_generation"_s);
    const QList<ContentChunk> images = r.outputs.at(1).content.images();
    QCOMPARE(images.size(), 1);
    QCOMPARE(images.at(0).type, ContentChunk::Type::ToolFile);
    QCOMPARE(images.at(0).fileType, std::optional(u"png"_s));
    // The file is there to download.
    QNetworkRequest request(QUrl(m_emulator.baseUrl().toString() + u"/v1/files/"_s
                                 + images.at(0).fileId + u"/content"_s));
    request.setRawHeader("Authorization", "Bearer " + m_emulator.apiKey().toUtf8());
    QNetworkReply *reply = m_nam.get(request);
    QSignalSpy done(reply, &QNetworkReply::finished);
    QVERIFY(done.wait(15000));
    QVERIFY(reply->readAll().startsWith("\x89PNG"));
    reply->deleteLater();
}

void TestConversationService::stream_agentHandoff_continuesUnderTheNextAgent() {
    Call<Agent> researcher;
    AgentCreateRequest second;
    second.name = u"Researcher"_s;
    second.model = u"mistral-medium-latest"_s;
    m_agents->create(second, this, researcher.callback());
    QVERIFY(researcher.wait());
    QVERIFY2(researcher.result.ok(), qPrintable(researcher.result.error.toLogString()));
    Call<Agent> front;
    AgentCreateRequest first;
    first.name = u"Front desk"_s;
    first.model = u"mistral-small-latest"_s;
    first.handoffs = {researcher.result.value->id};
    m_agents->create(first, this, front.callback());
    QVERIFY(front.wait());
    QVERIFY2(front.result.ok(), qPrintable(front.result.error.toLogString()));

    ConversationStartRequest request;
    request.inputs = ConversationInputs::fromText(u"Please hand off to research"_s);
    request.agentId = front.result.value->id;
    Finished r = runToEnd(m_service->startStream(request));
    QCOMPARE(r.outcome, Outcome::Completed);
    QCOMPARE(r.outputs.size(), 2);
    const ConversationOutput &handoff = r.outputs.at(0);
    QCOMPARE(handoff.kind, Kind::Handoff);
    QCOMPARE(handoff.previousAgentId, front.result.value->id);
    QCOMPARE(handoff.previousAgentName, u"Front desk"_s);
    QCOMPARE(handoff.nextAgentId, researcher.result.value->id);
    QCOMPARE(handoff.nextAgentName, u"Researcher"_s);
    QCOMPARE(r.outputs.at(1).agentId, researcher.result.value->id);
    QCOMPARE(r.outputs.at(1).model, u"mistral-medium-latest"_s);
    QVERIFY(r.outputs.at(1).text().contains(u"Researcher"_s));
}

void TestConversationService::stream_functionCall_isForTheClient() {
    const Tool weather =
        Tool::function(u"get_weather"_s, u"Weather"_s, QJsonObject{{u"type"_s, u"object"_s}});
    Finished r = runToEnd(m_service->startStream(
        startRequest(uR"(call get_weather {"city":"Perpignan"})"_s, {weather})));
    QCOMPARE(r.outcome, Outcome::Completed);
    QCOMPARE(r.outputs.size(), 1);
    QCOMPARE(r.outputs.at(0).kind, Kind::FunctionCall);
    QCOMPARE(r.outputs.at(0).name, u"get_weather"_s);
    QVERIFY(!r.outputs.at(0).toolCallId.isEmpty());
    QCOMPARE(r.outputs.at(0).arguments, uR"({"city":"Perpignan"})"_s);

    // The result goes back as a function.result entry, and the answer quotes it.
    ConversationAppendRequest append;
    append.conversationId = r.conversationId;
    append.inputs = ConversationInputs::fromEntries(
        {ConversationEntry::functionResult(r.outputs.at(0).toolCallId, u"18 C and windy"_s)});
    Finished answer = runToEnd(m_service->appendStream(append));
    QCOMPARE(answer.outcome, Outcome::Completed);
    QVERIFY(answer.outputs.at(0).text().contains(u"18 C and windy"_s));
    QVERIFY(answer.outputs.at(0).text().contains(u"get_weather"_s));
}

namespace {

// A connector on the emulator's own MCP server; with \a confirm, `echo` needs a confirmation.
Tool echoConnector(QNetworkAccessManager &nam, const EmulatorProcess &emulator, bool confirm) {
    const QJsonObject connector =
        Test::createConnector(nam, emulator.baseUrl(), emulator.apiKey(), u"echo_tools"_s);
    Tool tool = Tool::connector(connector.value("name"_L1).toString());
    if (confirm) {
        ToolConfiguration config;
        config.requiresConfirmation = QStringList{u"echo"_s};
        tool.toolConfiguration = config;
    }
    return tool;
}

} // namespace

void TestConversationService::stream_connectorTool_runsOverMcp() {
    const Tool tool = echoConnector(m_nam, m_emulator, false);
    Finished r = runToEnd(
        m_service->startStream(startRequest(uR"(use tool echo {"message":"over MCP"})"_s, {tool})));
    QCOMPARE(r.outcome, Outcome::Completed);
    QCOMPARE(r.outputs.size(), 2);
    QCOMPARE(r.outputs.at(0).kind, Kind::ToolExecution);
    QCOMPARE(r.outputs.at(0).name, u"echo"_s);
    QCOMPARE(r.outputs.at(0).info.value("connector_name"_L1).toString(), u"echo_tools"_s);
    QVERIFY(r.outputs.at(1).text().contains(u"Echo: over MCP"_s));
}

void TestConversationService::stream_toolConfirmation_allowRunsTheTool() {
    const Tool tool = echoConnector(m_nam, m_emulator, true);
    Finished r = runToEnd(m_service->startStream(
        startRequest(uR"(use tool echo {"message":"confirmed"})"_s, {tool})));
    QCOMPARE(r.outcome, Outcome::Completed);
    QCOMPARE(r.outputs.size(), 1);
    const ConversationOutput &call = r.outputs.at(0);
    QCOMPARE(call.kind, Kind::FunctionCall);
    QCOMPARE(call.name, u"echo"_s);
    QCOMPARE(call.confirmationStatus, std::optional(u"pending"_s));
    QCOMPARE(call.arguments, uR"({"message":"confirmed"})"_s);
    // Nothing ran yet.
    QCOMPARE(Test::recordedRequests(m_nam, m_emulator.baseUrl(), u"/__mcp"_s).size(), 0);

    ConversationAppendRequest allow;
    allow.conversationId = r.conversationId;
    allow.toolConfirmations = {{call.toolCallId, true}};
    Finished answer = runToEnd(m_service->appendStream(allow));
    QCOMPARE(answer.outcome, Outcome::Completed);
    QCOMPARE(answer.outputs.size(), 2);
    QCOMPARE(answer.outputs.at(0).kind, Kind::ToolExecution);
    QVERIFY(answer.outputs.at(1).text().contains(u"Echo: confirmed"_s));
    const QJsonArray sent = Test::recordedRequests(
        m_nam, m_emulator.baseUrl(), ConversationService::appendPath(r.conversationId));
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.at(0).toObject().value("body"_L1).toObject().value("tool_confirmations"_L1),
             QJsonValue(QJsonArray{QJsonObject{{u"tool_call_id"_s, call.toolCallId},
                                               {u"confirmation"_s, u"allow"_s}}}));

    // A confirmation is used once.
    Call<ConversationResponse> again;
    allow.stream = false;
    m_service->append(allow, this, again.callback());
    QVERIFY(again.wait());
    QCOMPARE(again.result.error.httpStatus(), 400);
}

void TestConversationService::stream_toolConfirmation_denySkipsTheTool() {
    const Tool tool = echoConnector(m_nam, m_emulator, true);
    Call<ConversationResponse> first;
    m_service->start(startRequest(uR"(use tool echo {"message":"no"})"_s, {tool}), this,
                     first.callback());
    QVERIFY(first.wait());
    QVERIFY2(first.result.ok(), qPrintable(first.result.error.toLogString()));
    const ConversationEntry &call = first.result.value->outputs.at(0);
    QCOMPARE(call.type, ConversationEntry::Type::FunctionCall);
    QCOMPARE(call.confirmationStatus, std::optional(u"pending"_s));

    ConversationAppendRequest deny;
    deny.conversationId = first.result.value->conversationId;
    deny.toolConfirmations = {{call.toolCallId, false}};
    Finished answer = runToEnd(m_service->appendStream(deny));
    QCOMPARE(answer.outcome, Outcome::Completed);
    QCOMPARE(answer.outputs.size(), 1);
    QVERIFY(answer.outputs.at(0).text().contains(u"denied"_s));
    QCOMPARE(Test::recordedRequests(m_nam, m_emulator.baseUrl(), u"/__mcp"_s).size(), 0);
}

void TestConversationService::stream_responseError_failsWithItsMessage() {
    Finished r = runToEnd(m_service->startStream(startRequest(u"response error please"_s)));
    QCOMPARE(r.outcome, Outcome::Failed);
    QCOMPARE(r.state, ConversationAccumulator::State::Failed);
    QCOMPARE(r.error.kind(), ApiError::Kind::StreamError);
    QCOMPARE(r.error.serverMessage(), u"The conversation failed while generating the answer"_s);
    QCOMPARE(r.errorMessage, r.error.serverMessage());
    QVERIFY(!r.error.requestId().isEmpty());
    // What arrived before the error is kept.
    QCOMPARE(r.outputs.size(), 1);
    QVERIFY(r.outputs.at(0).text().contains(u"response error please"_s));
}

void TestConversationService::stream_cut_isInterruptedWithWhatArrived() {
    Finished r = runToEnd(m_service->startStream(startRequest(u"cut stream now"_s)));
    QCOMPARE(r.outcome, Outcome::Interrupted);
    QCOMPARE(r.state, ConversationAccumulator::State::Interrupted);
    QCOMPARE(r.error.kind(), ApiError::Kind::StreamInterrupted);
    QVERIFY(r.conversationId.startsWith(u"conv_"_s));
    QCOMPARE(r.outputs.size(), 1);
    QVERIFY(!r.outputs.at(0).text().isEmpty());
    QVERIFY(r.updates > 1);
}

void TestConversationService::stream_adminStreamErrorFault_isAResponseError() {
    QCOMPARE(Test::addFault(m_nam, m_emulator.baseUrl(),
                            QJsonObject{{u"kind"_s, u"stream_error"_s},
                                        {u"path"_s, u"/v1/conversations"_s},
                                        {u"after_events"_s, 3},
                                        {u"message"_s, u"Search backend unavailable"_s}}),
             200);
    Finished r = runToEnd(m_service->startStream(startRequest(u"Hello"_s)));
    QCOMPARE(r.outcome, Outcome::Failed);
    QCOMPARE(r.error.kind(), ApiError::Kind::StreamError);
    QCOMPARE(r.errorMessage, u"Search backend unavailable"_s);
    QCOMPARE(r.outputs.size(), 1); // started, then two tokens
    QCOMPARE(r.updates, 3);
}

void TestConversationService::stream_503BeforeTheFirstByte_isRetried() {
    QCOMPARE(Test::addFault(m_nam, m_emulator.baseUrl(),
                            QJsonObject{{u"status"_s, 503},
                                        {u"path"_s, u"/v1/conversations"_s},
                                        {u"retry_after"_s, 0}}),
             200);
    Finished r = runToEnd(m_service->startStream(startRequest(u"Hello after a retry"_s)));
    QCOMPARE(r.outcome, Outcome::Completed);
    QVERIFY(r.outputs.at(0).text().contains(u"Hello after a retry"_s));
    QCOMPARE(Test::recordedRequests(m_nam, m_emulator.baseUrl(), u"/v1/conversations"_s).size(), 2);
}

void TestConversationService::stream_cancel_keepsWhatArrived() {
    QPointer<ConversationRun> run =
        m_service->startStream(startRequest(u"rate 50 and take your time"_s));
    QSignalSpy updated(run.data(), &ConversationRun::updated);
    QVERIFY(QTest::qWaitFor([&updated] { return updated.size() >= 3; }, 15000));
    QString textBefore;
    Outcome outcome = Outcome::Running;
    ConversationAccumulator::State state = ConversationAccumulator::State::Streaming;
    connect(run, &ConversationRun::finished, this, [&] {
        outcome = run->outcome();
        state = run->accumulator().state();
        textBefore = run->outputs().value(0).text();
    });
    run->cancel(); // finished() fires before cancel() returns
    QCOMPARE(outcome, Outcome::Canceled);
    QCOMPARE(state, ConversationAccumulator::State::Interrupted);
    QVERIFY(!textBefore.isEmpty());
    QTRY_VERIFY(!run); // deletes itself
}

void TestConversationService::restart_startsANewConversationFromAnEntry() {
    Call<ConversationResponse> first;
    m_service->start(startRequest(u"Original question"_s), this, first.callback());
    QVERIFY(first.wait());
    QVERIFY(first.result.ok());
    const QString id = first.result.value->conversationId;
    ConversationAppendRequest append;
    append.conversationId = id;
    append.inputs = ConversationInputs::fromText(u"Second question"_s);
    Call<ConversationResponse> second;
    m_service->append(append, this, second.callback());
    QVERIFY(second.wait());
    QVERIFY(second.result.ok());
    const auto history = [this](const QString &conversation) {
        return Test::rawRequest(m_nam, m_emulator.baseUrl(), m_emulator.apiKey(), "GET",
                                ConversationService::historyPath(conversation))
            .json.object()
            .value("entries"_L1)
            .toArray();
    };
    const QJsonArray entries = history(id);
    QCOMPARE(entries.size(), 4);
    // The first answer: the restart keeps it and what came before, then asks anew.
    const QString answerEntry = entries.at(1).toObject().value("id"_L1).toString();
    QCOMPARE(answerEntry, first.result.value->outputs.first().id);

    ConversationRestartRequest restart;
    restart.conversationId = id;
    restart.fromEntryId = answerEntry;
    restart.inputs = ConversationInputs::fromText(u"Edited question"_s);
    Finished r = runToEnd(m_service->restartStream(restart));
    QCOMPARE(r.outcome, Outcome::Completed);
    QVERIFY(r.conversationId.startsWith(u"conv_"_s));
    QVERIFY(r.conversationId != id); // a new conversation, as the API answers
    QVERIFY(r.outputs.at(0).text().contains(u"Edited question"_s));
    const QJsonArray sent =
        Test::recordedRequests(m_nam, m_emulator.baseUrl(), ConversationService::restartPath(id));
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.at(0).toObject().value("body"_L1).toObject().value("from_entry_id"_L1).toString(),
             answerEntry);
    const QJsonArray branched = history(r.conversationId);
    QCOMPARE(branched.size(), 4);
    QCOMPARE(branched.at(1).toObject().value("id"_L1).toString(), answerEntry);
    QCOMPARE(branched.at(2).toObject().value("content"_L1).toString(), u"Edited question"_s);
    QCOMPARE(history(id).size(), 4); // the original is left as it was

    // An entry the conversation does not have is refused.
    restart.fromEntryId = u"msg_unknown"_s;
    Call<ConversationResponse> refused;
    m_service->restart(restart, this, refused.callback());
    QVERIFY(refused.wait());
    QCOMPARE(refused.result.error.httpStatus(), 400);
}

void TestConversationService::append_unknownConversation_is404() {
    ConversationAppendRequest append;
    append.conversationId = u"conv_missing"_s;
    append.inputs = ConversationInputs::fromText(u"Anyone?"_s);
    Call<ConversationResponse> call;
    m_service->append(append, this, call.callback());
    QVERIFY(call.wait());
    QVERIFY(!call.result.ok());
    QCOMPARE(call.result.error.httpStatus(), 404);

    Finished r = runToEnd(m_service->appendStream(append));
    QCOMPARE(r.outcome, Outcome::Failed);
    QCOMPARE(r.error.httpStatus(), 404);
    QVERIFY(r.outputs.isEmpty());
}

void TestConversationService::start_sendsOnlyKnownFields() {
    // The emulator refuses unknown fields with a 422, as the API does: a full request passes.
    ConversationStartRequest request =
        startRequest(u"Hello"_s, {Tool::builtIn(Tool::Type::WebSearch)});
    request.instructions = u"Be brief."_s;
    request.completionArgs = QJsonObject{{u"temperature"_s, 0.2}};
    request.store = true;
    request.handoffExecution = HandoffExecution::Server;
    request.name = u"Test chat"_s;
    request.metadata = QJsonObject{{u"origin"_s, u"test"_s}};
    Call<ConversationResponse> call;
    m_service->start(request, this, call.callback());
    QVERIFY(call.wait());
    QVERIFY2(call.result.ok(), qPrintable(call.result.error.toLogString()));
    const QJsonArray sent =
        Test::recordedRequests(m_nam, m_emulator.baseUrl(), u"/v1/conversations"_s);
    QCOMPARE(sent.size(), 1);
    const QJsonObject body = sent.at(0).toObject().value("body"_L1).toObject();
    QCOMPARE(body.value("stream"_L1).toBool(true), false);
    QCOMPARE(body.value("handoff_execution"_L1).toString(), u"server"_s);
}

QTEST_GUILESS_MAIN(TestConversationService)
#include "tst_conversationservice.moc"
