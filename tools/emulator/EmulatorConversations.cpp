// SPDX-License-Identifier: GPL-3.0-or-later
// The Conversations API: start, append, restart and history, answered as one
// `conversation.response` or as a stream of named events that ends without [DONE].
#include "Emulator.h"

#include "ConversationScript.h"
#include "ImageRenderer.h"
#include "Validation.h"

#include "core/Logging.h"

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
    if (n == 4 && seg[3] == "history"_L1) {
        if (req.method != "GET") {
            sendNotAllowed(ex);
            return;
        }
        const auto it = m_conversations.constFind(seg[2]);
        if (it == m_conversations.constEnd()) {
            sendDetail(ex, 404, u"Conversation %1 not found"_s.arg(seg[2]));
            return;
        }
        sendJson(ex, 200,
                 QJsonObject{{u"object"_s, u"conversation.history"_s},
                             {u"conversation_id"_s, it->id},
                             {u"entries"_s, it->entries}});
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
            // A restart is a new conversation: the entries before from_entry_id, then the
            // new inputs.
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
            while (conversation.entries.size() > at)
                conversation.entries.removeLast();
            conversation.id = CS::newId(u"conv_"_s);
            conversation.createdAt = isoNow();
        }
    }
    const QJsonValue inputs = body->value("inputs"_L1);
    if (!inputs.isString() && inputs.toArray().isEmpty()) {
        sendObjectError(ex, 400, u"inputs must not be empty"_s, u"invalid_request_error"_s);
        return;
    }
    answerConversation(ex, conversation, *body);
}

void Emulator::answerConversation(HttpExchange *ex, StoredConversation conversation,
                                  const QJsonObject &body) {
    // Who answers: a model, or an agent with its model, instructions and tools.
    Script::Speaker speaker{conversation.model, QString(), conversation.instructions};
    QJsonArray tools = conversation.tools;
    QStringList handoffs;
    if (!conversation.agentId.isEmpty()) {
        const AgentRecord *agent = m_store.findAgent(conversation.agentId);
        if (!agent) {
            sendObjectError(ex, 404, u"Agent not found: %1"_s.arg(conversation.agentId),
                            u"invalid_request_error"_s);
            return;
        }
        const QJsonObject config = m_store.agentJson(*agent, agent->active);
        speaker = {config.value("model"_L1).toString(), config.value("name"_L1).toString(),
                   config.value("instructions"_L1).toString()};
        if (tools.isEmpty())
            tools = config.value("tools"_L1).toArray();
        for (const QJsonValue &h : config.value("handoffs"_L1).toArray())
            handoffs.append(h.toString());
    } else {
        const auto card = m_store.findModel(speaker.model);
        if (!card
            || !card->value("capabilities"_L1).toObject().value("completion_chat"_L1).toBool()) {
            sendObjectError(ex, 400, u"Invalid model: %1"_s.arg(speaker.model), u"invalid_model"_s,
                            u"1500"_s);
            return;
        }
    }

    const QJsonValue inputs = body.value("inputs"_L1);
    const QJsonArray inputEntries = CS::inputEntries(inputs);
    const QString text = CS::lastUserText(inputs);
    QString agentId = conversation.agentId;
    QJsonArray outputs;
    QJsonObject connectors;

    // A handoff first, when the agent has somewhere to hand off to.
    if (CS::wantsHandoff(text) && !handoffs.isEmpty()) {
        if (const AgentRecord *next = m_store.findAgent(handoffs.constFirst())) {
            const QJsonObject config = m_store.agentJson(*next, next->active);
            outputs.append(CS::handoff(agentId, speaker.agentName, next->id,
                                       config.value("name"_L1).toString()));
            agentId = next->id;
            speaker = {config.value("model"_L1).toString(), config.value("name"_L1).toString(),
                       config.value("instructions"_L1).toString()};
        }
    }

    const QJsonObject lastInput = inputEntries.last().toObject();
    if (lastInput.value("type"_L1).toString() == "function.result"_L1) {
        const QString name =
            calledFunction(conversation.entries, lastInput.value("tool_call_id"_L1).toString());
        outputs.append(CS::messageOutput(
            agentId, speaker.model,
            Script::toolResultAnswer(name, lastInput.value("result"_L1).toString())));
    } else if (const auto call = Script::callFunction(text);
               call && functionNames(tools).contains(call->name)) {
        outputs.append(CS::functionCall(agentId, speaker.model, call->name, call->arguments));
    } else if (CS::wantsSearch(text)
               && hasTool(tools, {"web_search"_L1, "web_search_premium"_L1})) {
        const bool premium = !hasTool(tools, {"web_search"_L1});
        const QString name = premium ? u"web_search_premium"_s : u"web_search"_s;
        outputs.append(CS::toolExecution(agentId, speaker.model, name,
                                         QJsonObject{{u"query"_s, text.simplified()}},
                                         QJsonObject()));
        outputs.append(CS::messageOutput(agentId, speaker.model, CS::searchAnswerChunks(text)));
        connectors.insert(name, 1);
    } else if (CS::wantsCode(text) && hasTool(tools, {"code_interpreter"_L1})) {
        QString answer;
        const QJsonObject info = CS::codeRun(text, &answer);
        outputs.append(CS::toolExecution(agentId, speaker.model, u"code_interpreter"_s,
                                         QJsonObject{{u"code"_s, info.value("code"_L1)}}, info));
        outputs.append(CS::messageOutput(agentId, speaker.model, answer));
        connectors.insert(u"code_interpreter"_s, 1);
    } else if (Script::wantsImage(text) && hasTool(tools, {"image_generation"_L1})) {
        // As the docs show: the tool run, then a message with the picture as a tool_file.
        const QByteArray png = renderImage(text);
        const StoredFile &file = m_store.addFile(png, u"image_generated_0.png"_s, u"image/png"_s);
        const QString fileId = file.id;
        outputs.append(CS::toolExecution(agentId, speaker.model, u"image_generation"_s,
                                         QJsonObject{{u"prompt"_s, text}}, QJsonObject()));
        outputs.append(CS::messageOutput(
            agentId, speaker.model,
            QJsonArray{QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, Script::imageAnswer(text)}},
                       QJsonObject{{u"type"_s, u"tool_file"_s},
                                   {u"tool"_s, u"image_generation"_s},
                                   {u"file_id"_s, fileId},
                                   {u"file_name"_s, u"image_generated_0"_s},
                                   {u"file_type"_s, u"png"_s}}}));
        connectors.insert(u"image_generation"_s, 1);
    } else if (Script::wantsEcho(text)) {
        outputs.append(
            CS::messageOutput(agentId, speaker.model, Script::echoAnswer(speaker, text, body)));
    } else {
        outputs.append(
            CS::messageOutput(agentId, speaker.model, Script::defaultAnswer(speaker, text)));
    }

    const int prompt = CS::promptTokens(conversation.entries) + CS::promptTokens(inputEntries);
    const int completion = CS::completionTokens(outputs);
    QJsonObject usage{{u"prompt_tokens"_s, prompt},
                      {u"completion_tokens"_s, completion},
                      {u"total_tokens"_s, prompt + completion}};
    if (!connectors.isEmpty()) {
        usage.insert("connector_tokens"_L1, 64);
        usage.insert("connectors"_L1, connectors);
    }

    for (const QJsonValue &e : inputEntries)
        conversation.entries.append(e);
    for (const QJsonValue &e : std::as_const(outputs))
        conversation.entries.append(e);
    m_conversations.insert(conversation.id, conversation);

    const bool error = CS::wantsResponseError(text);
    if (!body.value("stream"_L1).toBool()) {
        if (error) {
            sendObjectError(ex, 500, u"The conversation failed while generating the answer"_s,
                            u"internal_server_error"_s, u"3000"_s);
            return;
        }
        sendJson(ex, 200,
                 QJsonObject{{u"object"_s, u"conversation.response"_s},
                             {u"conversation_id"_s, conversation.id},
                             {u"outputs"_s, outputs},
                             {u"usage"_s, usage}});
        return;
    }

    QList<StreamEvent> events =
        CS::events(conversation.id, outputs, usage,
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
