// SPDX-License-Identifier: GPL-3.0-or-later
// The Conversations API: start, append, restart and history, answered as one
// `conversation.response` or as a stream of named events that ends without [DONE].
#include "Emulator.h"

#include "ConversationScript.h"
#include "ImageRenderer.h"
#include "JsonAnswer.h"
#include "LibrarySearch.h"
#include "Validation.h"

#include "core/Logging.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tramontane::Emulator {

namespace {

namespace CS = ConversationScript;
using K = FieldSpec::Kind;

constexpr FieldSpec field(QLatin1StringView name, K kind, bool required = false) {
    return {name, kind, required, !required, nullptr};
}

// The top-level fields of the SDK's request schemas (unknown fields are refused).
constexpr FieldSpec startFields[] = {
    field("inputs"_L1, K::Any, true),
    field("stream"_L1, K::Bool),
    field("store"_L1, K::Bool),
    field("handoff_execution"_L1, K::String),
    field("instructions"_L1, K::String),
    field("tools"_L1, K::Array),
    field("completion_args"_L1, K::Object),
    field("guardrails"_L1, K::Array),
    field("name"_L1, K::String),
    field("description"_L1, K::String),
    field("metadata"_L1, K::Object),
    field("agent_id"_L1, K::String),
    field("agent_version"_L1, K::Any),
    field("model"_L1, K::String),
};
constexpr FieldSpec appendFields[] = {
    field("inputs"_L1, K::Any),
    field("stream"_L1, K::Bool),
    field("store"_L1, K::Bool),
    field("handoff_execution"_L1, K::String),
    field("completion_args"_L1, K::Object),
    field("tool_confirmations"_L1, K::Array),
};
constexpr FieldSpec restartFields[] = {
    field("inputs"_L1, K::Any),
    field("stream"_L1, K::Bool),
    field("store"_L1, K::Bool),
    field("handoff_execution"_L1, K::String),
    field("completion_args"_L1, K::Object),
    field("guardrails"_L1, K::Array),
    field("metadata"_L1, K::Object),
    field("from_entry_id"_L1, K::String, true),
    field("agent_version"_L1, K::Any),
};

void checkInputs(Validator &v, const QJsonObject &body) {
    const QJsonValue inputs = body.value("inputs"_L1);
    if (inputs.isUndefined() || inputs.isString())
        return;
    if (!inputs.isArray()) {
        v.add(u"union_type"_s, QJsonArray{u"body"_s, u"inputs"_s},
              u"Input should be a valid string or a list of entries"_s, inputs);
        return;
    }
    static constexpr QLatin1StringView types[] = {
        "message.input"_L1, "message.output"_L1, "function.result"_L1,
        "function.call"_L1, "tool.execution"_L1, "agent.handoff"_L1,
    };
    const QJsonArray entries = inputs.toArray();
    for (qsizetype i = 0; i < entries.size(); ++i)
        v.tag(entries.at(i), QJsonArray{u"body"_s, u"inputs"_s, int(i)}, "type"_L1, types);
}

bool hasTool(const QJsonArray &tools, std::initializer_list<QLatin1StringView> types) {
    for (const QJsonValue &t : tools) {
        const QString type = t.toObject().value("type"_L1).toString();
        for (QLatin1StringView wanted : types) {
            if (type == wanted)
                return true;
        }
    }
    return false;
}

QStringList functionNames(const QJsonArray &tools) {
    QStringList names;
    for (const QJsonValue &t : tools) {
        const QJsonObject tool = t.toObject();
        if (tool.value("type"_L1).toString() == "function"_L1)
            names.append(tool.value("function"_L1).toObject().value("name"_L1).toString());
    }
    return names;
}

// The function.call entry answered by \a toolCallId, if the conversation has it.
QString calledFunction(const QJsonArray &entries, const QString &toolCallId) {
    for (const QJsonValue &v : entries) {
        const QJsonObject e = v.toObject();
        if (e.value("type"_L1).toString() == "function.call"_L1
            && e.value("tool_call_id"_L1).toString() == toolCallId)
            return e.value("name"_L1).toString();
    }
    return {};
}

} // namespace

void Emulator::routeConversations(HttpExchange *ex) {
    const HttpRequest &req = ex->request();
    const QStringList &seg = req.segments;
    const qsizetype n = seg.size();
    if (req.method == "GET" || req.method == "DELETE") {
        readConversations(ex);
        return;
    }
    if (req.method != "POST") {
        sendNotAllowed(ex);
        return;
    }
    const auto body = jsonBody(ex);
    if (!body)
        return;
    Validator v;
    const QJsonArray bodyLoc{u"body"_s};
    if (n == 2)
        v.object(*body, bodyLoc, startFields);
    else if (n == 3)
        v.object(*body, bodyLoc, appendFields);
    else
        v.object(*body, bodyLoc, restartFields);
    checkInputs(v, *body);
    if (!v.ok()) {
        sendValidation(ex, v);
        return;
    }

    StoredConversation conversation;
    if (n == 2) {
        const QString model = body->value("model"_L1).toString();
        const QString agentId = body->value("agent_id"_L1).toString();
        if (model.isEmpty() == agentId.isEmpty()) {
            sendObjectError(ex, 400, u"Exactly one of model or agent_id must be given"_s,
                            u"invalid_request_error"_s);
            return;
        }
        conversation.id = CS::newId(u"conv_"_s);
        conversation.createdAt = isoNow();
        conversation.model = model;
        conversation.agentId = agentId;
        conversation.instructions = body->value("instructions"_L1).toString();
        conversation.tools = body->value("tools"_L1).toArray();
    } else {
        const auto it = m_conversations.constFind(seg[2]);
        if (it == m_conversations.constEnd()) {
            sendDetail(ex, 404, u"Conversation %1 not found"_s.arg(seg[2]));
            return;
        }
        conversation = *it;
        if (n == 4) {
            // A restart is a new conversation (the API answers with a new conversation_id):
            // the entries up to and including from_entry_id, then the new inputs.
            const QString from = body->value("from_entry_id"_L1).toString();
            qsizetype at = -1;
            for (qsizetype i = 0; i < conversation.entries.size() && at < 0; ++i) {
                if (conversation.entries.at(i).toObject().value("id"_L1).toString() == from)
                    at = i;
            }
            if (at < 0) {
                sendObjectError(ex, 400,
                                u"Entry %1 not found in conversation %2"_s.arg(from, seg[2]),
                                u"invalid_request_error"_s);
                return;
            }
            while (conversation.entries.size() > at + 1)
                conversation.entries.removeLast();
            conversation.id = CS::newId(u"conv_"_s);
            conversation.createdAt = isoNow();
        }
    }
    const QJsonValue inputs = body->value("inputs"_L1);
    const bool confirms = !body->value("tool_confirmations"_L1).toArray().isEmpty();
    if (!inputs.isString() && inputs.toArray().isEmpty() && !confirms) {
        sendObjectError(ex, 400, u"inputs must not be empty"_s, u"invalid_request_error"_s);
        return;
    }
    answerConversation(ex, conversation, *body);
}

void Emulator::readConversations(HttpExchange *ex) {
    const HttpRequest &req = ex->request();
    const QStringList &seg = req.segments;
    const qsizetype n = seg.size();
    if (n == 2) {
        // The list: newest first, one page (`page` from 0, `page_size` 100 by default).
        if (req.method != "GET") {
            sendNotAllowed(ex);
            return;
        }
        QList<StoredConversation> all = m_conversations.values();
        std::sort(all.begin(), all.end(), [](const auto &a, const auto &b) {
            return a.updatedAt != b.updatedAt ? a.updatedAt > b.updatedAt : a.id > b.id;
        });
        const auto page = intQuery(ex, u"page"_s, 0, 0, 1'000'000);
        if (!page)
            return;
        const auto size = intQuery(ex, u"page_size"_s, 100, 1, 1000);
        if (!size)
            return;
        QJsonArray data;
        for (qsizetype i = qsizetype(*page) * *size; i < all.size() && data.size() < *size; ++i)
            data.append(CS::conversationObject(all.at(i)));
        sendJson(ex, 200, data);
        return;
    }
    const auto it = m_conversations.constFind(seg[2]);
    if (n == 4 && (req.method != "GET" || seg[3] == "restart"_L1)) {
        sendNotAllowed(ex);
        return;
    }
    if (it == m_conversations.constEnd()) {
        sendDetail(ex, 404, u"Conversation %1 not found"_s.arg(seg[2]));
        return;
    }
    if (n == 3 && req.method == "DELETE") {
        m_conversations.remove(seg[2]);
        ex->send(204, QByteArray(), QByteArray());
        return;
    }
    if (n == 3) {
        sendJson(ex, 200, CS::conversationObject(*it));
        return;
    }
    if (seg[3] == "history"_L1) {
        sendJson(ex, 200,
                 QJsonObject{{u"object"_s, u"conversation.history"_s},
                             {u"conversation_id"_s, it->id},
                             {u"entries"_s, it->entries}});
        return;
    }
    // Messages: only what was said, the inputs and the answers, without the tools' entries.
    QJsonArray messages;
    for (const QJsonValue &entry : it->entries) {
        const QString type = entry["type"_L1].toString();
        if (type == "message.input"_L1 || type == "message.output"_L1)
            messages.append(entry);
    }
    sendJson(ex, 200,
             QJsonObject{{u"object"_s, u"conversation.messages"_s},
                         {u"conversation_id"_s, it->id},
                         {u"messages"_s, messages}});
}

void Emulator::answerConversation(HttpExchange *ex, StoredConversation conversation,
                                  const QJsonObject &body) {
    ConversationTurn turn;
    turn.body = body;
    // Who answers: a model, or an agent with its model, instructions and tools.
    turn.speaker = {conversation.model, QString(), conversation.instructions};
    turn.tools = conversation.tools;
    turn.agentId = conversation.agentId;
    QStringList handoffs;
    if (!conversation.agentId.isEmpty()) {
        const AgentRecord *agent = m_store.findAgent(conversation.agentId);
        if (!agent) {
            sendObjectError(ex, 404, u"Agent not found: %1"_s.arg(conversation.agentId),
                            u"invalid_request_error"_s);
            return;
        }
        const QJsonObject config = m_store.agentJson(*agent, agent->active);
        turn.speaker = {config.value("model"_L1).toString(), config.value("name"_L1).toString(),
                        config.value("instructions"_L1).toString()};
        if (turn.tools.isEmpty())
            turn.tools = config.value("tools"_L1).toArray();
        for (const QJsonValue &h : config.value("handoffs"_L1).toArray())
            handoffs.append(h.toString());
    } else {
        const auto card = m_store.findModel(turn.speaker.model);
        if (!card
            || !card->value("capabilities"_L1).toObject().value("completion_chat"_L1).toBool()) {
            sendObjectError(ex, 400, u"Invalid model: %1"_s.arg(turn.speaker.model),
                            u"invalid_model"_s, u"1500"_s);
            return;
        }
    }

    // Connector tools: each must exist; their configuration travels with the target.
    QList<ConnectorTarget> targets;
    QStringList confirmations;
    for (qsizetype i = 0; i < turn.tools.size(); ++i) {
        const QJsonObject tool = turn.tools.at(i).toObject();
        if (tool.value("type"_L1).toString() != "connector"_L1)
            continue;
        const QString ref = tool.value("connector_id"_L1).toString();
        const ConnectorRecord *record = m_store.findConnector(ref);
        if (!record) {
            sendDetail(ex, 404, u"Connector '%1' not found"_s.arg(ref));
            return;
        }
        ConnectorTarget target = targetFor(*record, tool, int(i));
        confirmations += CS::confirmationsRequired(tool);
        targets.append(target);
    }

    const QJsonValue inputs = body.value("inputs"_L1);
    turn.inputEntries = CS::inputEntries(inputs);
    turn.text = CS::lastUserText(inputs);
    turn.conversation = std::move(conversation);
    const QString &text = turn.text;
    const QString &model = turn.speaker.model;

    // Images and documents in the inputs, read and checked as chat completions do.
    const auto received = readAttachments(ex, turn.inputEntries, model);
    if (!received)
        return;

    // Answers to pending confirmations: an allowed call runs, a denied one is reported.
    const QJsonArray answers = body.value("tool_confirmations"_L1).toArray();
    if (!answers.isEmpty()) {
        const QJsonObject first = answers.first().toObject();
        const QString callId = first.value("tool_call_id"_L1).toString();
        const auto pending = turn.conversation.pendingCalls.constFind(callId);
        if (pending == turn.conversation.pendingCalls.constEnd()) {
            sendObjectError(ex, 400, u"No tool call %1 is waiting for a confirmation"_s.arg(callId),
                            u"invalid_request_error"_s);
            return;
        }
        const Invocation invocation{pending->value("name"_L1).toString(),
                                    pending->value("arguments"_L1).toObject(), QString()};
        turn.conversation.pendingCalls.remove(callId);
        if (first.value("confirmation"_L1).toString() == "allow"_L1) {
            runConversationConnector(ex, std::move(turn), targets, invocation);
        } else {
            turn.outputs.append(CS::messageOutput(
                turn.agentId, model,
                u"The call to `%1` was denied, so I did not run it."_s.arg(invocation.name)));
            sendConversation(ex, std::move(turn));
        }
        return;
    }

    // A handoff first, when the agent has somewhere to hand off to.
    if (CS::wantsHandoff(text) && !handoffs.isEmpty()) {
        if (const AgentRecord *next = m_store.findAgent(handoffs.constFirst())) {
            const QJsonObject config = m_store.agentJson(*next, next->active);
            turn.outputs.append(CS::handoff(turn.agentId, turn.speaker.agentName, next->id,
                                            config.value("name"_L1).toString()));
            turn.agentId = next->id;
            turn.speaker = {config.value("model"_L1).toString(), config.value("name"_L1).toString(),
                            config.value("instructions"_L1).toString()};
        }
    }
    const QString &agentId = turn.agentId;
    const QJsonArray &tools = turn.tools;

    const QJsonObject lastInput = turn.inputEntries.last().toObject();
    if (lastInput.value("type"_L1).toString() == "function.result"_L1) {
        const QString name = calledFunction(turn.conversation.entries,
                                            lastInput.value("tool_call_id"_L1).toString());
        turn.outputs.append(CS::messageOutput(
            agentId, model,
            Script::toolResultAnswer(name, lastInput.value("result"_L1).toString())));
    } else if (const auto use = Script::useTool(text);
               use && use->error.isEmpty() && !targets.isEmpty()) {
        if (confirmations.contains(use->name)) {
            // The call waits for the user: a function.call with a pending confirmation.
            const QJsonObject call =
                CS::functionCall(agentId, model, use->name, use->arguments, u"pending"_s);
            turn.conversation.pendingCalls.insert(
                call.value("tool_call_id"_L1).toString(),
                QJsonObject{{u"name"_s, use->name}, {u"arguments"_s, use->arguments}});
            turn.outputs.append(call);
        } else {
            runConversationConnector(ex, std::move(turn), targets, *use);
            return;
        }
    } else if (const auto call = Script::callFunction(text);
               call && functionNames(tools).contains(call->name)) {
        turn.outputs.append(CS::functionCall(agentId, model, call->name, call->arguments));
    } else if (CS::wantsSearch(text)
               && hasTool(tools, {"web_search"_L1, "web_search_premium"_L1})) {
        const bool premium = !hasTool(tools, {"web_search"_L1});
        const QString name = premium ? u"web_search_premium"_s : u"web_search"_s;
        turn.outputs.append(CS::toolExecution(
            agentId, model, name, QJsonObject{{u"query"_s, text.simplified()}}, QJsonObject()));
        turn.outputs.append(CS::messageOutput(agentId, model, CS::searchAnswerChunks(text)));
        turn.connectors.insert(name, 1);
    } else if (CS::wantsCode(text) && hasTool(tools, {"code_interpreter"_L1})) {
        QString answer;
        QByteArray csv;
        const QJsonObject info = CS::codeRun(text, &answer, CS::wantsCsv(text) ? &csv : nullptr);
        turn.outputs.append(CS::toolExecution(agentId, model, u"code_interpreter"_s,
                                              QJsonObject{{u"code"_s, info.value("code"_L1)}},
                                              info));
        if (csv.isEmpty()) {
            turn.outputs.append(CS::messageOutput(agentId, model, answer));
        } else {
            // What the code wrote comes back as a file of the answer, as the API gives it.
            const QString fileId = m_store.addFile(csv, u"numbers.csv"_s, u"text/csv"_s).id;
            turn.outputs.append(CS::messageOutput(
                agentId, model,
                QJsonArray{QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, answer}},
                           QJsonObject{{u"type"_s, u"tool_file"_s},
                                       {u"tool"_s, u"code_interpreter"_s},
                                       {u"file_id"_s, fileId},
                                       {u"file_name"_s, u"numbers.csv"_s},
                                       {u"file_type"_s, u"csv"_s}}}));
        }
        turn.connectors.insert(u"code_interpreter"_s, 1);
    } else if (Script::wantsImage(text) && hasTool(tools, {"image_generation"_L1})) {
        // As the docs show: the tool run, then a message with the picture as a tool_file.
        const QByteArray png = renderImage(text);
        const QString fileId = m_store.addFile(png, u"image_generated_0.png"_s, u"image/png"_s).id;
        turn.outputs.append(CS::toolExecution(agentId, model, u"image_generation"_s,
                                              QJsonObject{{u"prompt"_s, text}}, QJsonObject()));
        turn.outputs.append(CS::messageOutput(
            agentId, model,
            QJsonArray{QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, Script::imageAnswer(text)}},
                       QJsonObject{{u"type"_s, u"tool_file"_s},
                                   {u"tool"_s, u"image_generation"_s},
                                   {u"file_id"_s, fileId},
                                   {u"file_name"_s, u"image_generated_0"_s},
                                   {u"file_type"_s, u"png"_s}}}));
        turn.connectors.insert(u"image_generation"_s, 1);
    } else if (const QStringList libraryIds = LibrarySearch::libraryIds(tools);
               !libraryIds.isEmpty()) {
        // The model reads the chat's libraries before it answers: the best passages of their
        // documents, cited by document.
        const QList<LibrarySearch::Hit> hits =
            LibrarySearch::search(m_store.libraries(), libraryIds, text);
        turn.outputs.append(CS::toolExecution(agentId, model, u"document_library"_s,
                                              LibrarySearch::arguments(text, libraryIds),
                                              LibrarySearch::info(hits)));
        turn.outputs.append(CS::messageOutput(
            agentId, model,
            LibrarySearch::answerChunks(m_store.libraries(), libraryIds, text, hits)));
        turn.connectors.insert(u"document_library"_s, 1);
    } else if (const auto json = Script::jsonAnswer(body.value("completion_args"_L1)
                                                        .toObject()
                                                        .value("response_format"_L1)
                                                        .toObject(),
                                                    text)) {
        turn.outputs.append(CS::messageOutput(agentId, model, *json));
    } else if (!received->isEmpty()) {
        turn.outputs.append(CS::messageOutput(
            agentId, model,
            Script::attachmentAnswer(turn.speaker, text, describeAttachments(*received))));
    } else if (Script::wantsEcho(text)) {
        turn.outputs.append(
            CS::messageOutput(agentId, model, Script::echoAnswer(turn.speaker, text, body)));
    } else {
        turn.outputs.append(
            CS::messageOutput(agentId, model, Script::defaultAnswer(turn.speaker, text)));
    }
    sendConversation(ex, std::move(turn));
}

void Emulator::runConversationConnector(HttpExchange *ex, ConversationTurn turn,
                                        const QList<ConnectorTarget> &targets,
                                        const Invocation &invocation) {
    const QPointer<HttpExchange> guard(ex);
    ConnectorTask::start(
        ex, m_nam, targets, m_options.mcpTimeoutMs,
        ConnectorTask::Call{invocation.name, invocation.arguments},
        [this, guard, turn = std::move(turn), targets,
         invocation](const ConnectorTask::Result &r) mutable {
            if (!guard)
                return;
            if (r.error.isError()) {
                sendMcpError(guard, r.error, targets.value(r.failedTarget), true);
                return;
            }
            const QString model = turn.speaker.model;
            if (r.calledTarget < 0) {
                turn.outputs.append(CS::messageOutput(
                    turn.agentId, model,
                    u"None of the connectors offers a tool named `%1`."_s.arg(invocation.name)));
                sendConversation(guard, std::move(turn));
                return;
            }
            const ConnectorTarget &target = targets.at(r.calledTarget);
            QStringList texts;
            for (const McpContent &c : r.call.content) {
                if (c.type == "text"_L1)
                    texts.append(c.text);
            }
            const QString result = texts.join(u'\n');
            turn.outputs.append(CS::toolExecution(turn.agentId, model, invocation.name,
                                                  invocation.arguments,
                                                  QJsonObject{{u"connector_id"_s, target.id},
                                                              {u"connector_name"_s, target.name},
                                                              {u"is_error"_s, r.call.isError}}));
            turn.outputs.append(
                CS::messageOutput(turn.agentId, model,
                                  Script::connectorAnswer(target.name, invocation.name, result)));
            turn.connectors.insert(target.name, 1);
            sendConversation(guard, std::move(turn));
        });
}

void Emulator::sendConversation(HttpExchange *ex, ConversationTurn turn) {
    if (!ex->isOpen())
        return;
    StoredConversation &conversation = turn.conversation;
    const QString &text = turn.text;
    const int prompt = CS::promptTokens(conversation.entries) + CS::promptTokens(turn.inputEntries);
    const int completion = CS::completionTokens(turn.outputs);
    QJsonObject usage{{u"prompt_tokens"_s, prompt},
                      {u"completion_tokens"_s, completion},
                      {u"total_tokens"_s, prompt + completion}};
    if (!turn.connectors.isEmpty()) {
        usage.insert("connector_tokens"_L1, 64);
        usage.insert("connectors"_L1, turn.connectors);
    }

    for (const QJsonValue &e : std::as_const(turn.inputEntries))
        conversation.entries.append(e);
    for (const QJsonValue &e : std::as_const(turn.outputs))
        conversation.entries.append(e);
    conversation.updatedAt = isoNow();
    m_conversations.insert(conversation.id, conversation);

    const bool error = CS::wantsResponseError(text);
    if (!turn.body.value("stream"_L1).toBool()) {
        if (error) {
            sendObjectError(ex, 500, u"The conversation failed while generating the answer"_s,
                            u"internal_server_error"_s, u"3000"_s);
            return;
        }
        sendJson(ex, 200,
                 QJsonObject{{u"object"_s, u"conversation.response"_s},
                             {u"conversation_id"_s, conversation.id},
                             {u"outputs"_s, turn.outputs},
                             {u"usage"_s, usage}});
        return;
    }

    QList<StreamEvent> events =
        CS::events(conversation.id, turn.outputs, usage,
                   error ? std::optional(u"The conversation failed while generating the answer"_s)
                         : std::nullopt);
    std::optional<Fault> fault = attachedFault(ex);
    if (!fault && CS::wantsCut(text)) {
        Fault cut;
        cut.kind = Fault::Kind::Cut;
        cut.afterEvents = int(events.size() / 2);
        fault = cut;
    }
    ex->beginStream(200, "text/event-stream; charset=utf-8", rateLimitHeaders(prompt + completion));
    auto *player = new StreamPlayer(
        ex, std::move(events), Script::requestedRate(text).value_or(m_options.streamRate), fault);
    player->setConversationFormat(true);
    player->start();
}

} // namespace Tramontane::Emulator
