// SPDX-License-Identifier: GPL-3.0-or-later
// Chat and agent completions: checks, the scripted assistant's choices, hosted tools, and the
// answer as one JSON document or as a server-sent event stream.
#include "Emulator.h"

#include "ImageRenderer.h"
#include "JsonAnswer.h"
#include "Validation.h"

#include "core/Logging.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Tramontane::Emulator {

namespace {

QString completionId() {
    return QUuid::createUuid().toString(QUuid::Id128);
}

// Tool call ids look like the service's: nine letters and digits.
QString toolCallId() {
    static constexpr char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString id;
    for (int i = 0; i < 9; ++i)
        id += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(int(sizeof(alphabet) - 1))]);
    return id;
}

QByteArray compact(const QJsonObject &o) {
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// The assistant message of a hosted tool the server runs itself: one call, with the
// `metadata.tool_type` the service adds, and the finish reason "tool_calls".
OutMessage hostedToolCall(const QString &callId, const QString &name, const QJsonObject &arguments,
                          const QString &toolType) {
    OutMessage call;
    call.content = QString();
    call.finishReason = u"tool_calls"_s;
    call.toolCalls.append(QJsonObject{
        {u"id"_s, callId},
        {u"type"_s, u"function"_s},
        {u"index"_s, 0},
        {u"function"_s,
         QJsonObject{{u"name"_s, name}, {u"arguments"_s, QString::fromUtf8(compact(arguments))}}},
        {u"metadata"_s, QJsonObject{{u"tool_type"_s, toolType}}},
    });
    return call;
}

bool hasContent(const QJsonValue &content) {
    if (content.isString())
        return !content.toString().isEmpty();
    if (content.isArray())
        return !content.toArray().isEmpty();
    return false;
}

int completionTokens(const OutMessage &m) {
    int tokens = 0;
    if (m.content.isString()) {
        tokens += Script::countTokens(m.content.toString());
    } else {
        const QJsonArray chunks = m.content.toArray();
        for (const QJsonValue &c : chunks) {
            const QJsonObject o = c.toObject();
            tokens += o.value("type"_L1).toString() == "text"_L1
                          ? Script::countTokens(o.value("text"_L1).toString())
                          : 16;
        }
    }
    for (const QJsonValue &call : m.toolCalls) {
        tokens +=
            8
            + Script::countTokens(
                call.toObject().value("function"_L1).toObject().value("arguments"_L1).toString());
    }
    return std::max(1, tokens);
}

QJsonObject usage(int prompt, int completion) {
    return QJsonObject{{u"prompt_tokens"_s, prompt},
                       {u"completion_tokens"_s, completion},
                       {u"total_tokens"_s, prompt + completion},
                       {u"prompt_tokens_details"_s, QJsonObject{{u"cached_tokens"_s, 0}}}};
}

// The undocumented padding field some chunks carry.
QString padding(int n) {
    static const QString letters = u"abcdefghijklmnopqrstuvwxyz0123456789"_s;
    return letters.left(1 + n % (letters.size() - 1));
}

QString toolName(const QJsonArray &messages, const QString &callId) {
    for (const QJsonValue &v : messages) {
        const QJsonArray calls = v.toObject().value("tool_calls"_L1).toArray();
        for (const QJsonValue &c : calls) {
            const QJsonObject call = c.toObject();
            if (call.value("id"_L1).toString() == callId)
                return call.value("function"_L1).toObject().value("name"_L1).toString();
        }
    }
    return {};
}

QString mcpResultText(const McpCallResult &result) {
    bool allText = true;
    QStringList texts;
    for (const McpContent &c : result.content) {
        if (c.type == "text"_L1)
            texts.append(c.text);
        else
            allText = false;
    }
    if (allText)
        return texts.join(u'\n');
    QJsonArray items;
    for (const McpContent &c : result.content)
        items.append(c.json);
    return QString::fromUtf8(QJsonDocument(items).toJson(QJsonDocument::Compact));
}

// The conversation rules the service enforces, as 400s with its own messages.
std::optional<QString> conversationProblem(const QJsonArray &messages) {
    if (messages.isEmpty())
        return u"The messages list must contain at least one message."_s;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const QJsonObject m = messages.at(i).toObject();
        if (m.value("role"_L1).toString() != "assistant"_L1)
            continue;
        const QJsonArray calls = m.value("tool_calls"_L1).toArray();
        if (!hasContent(m.value("content"_L1)) && calls.isEmpty())
            return u"Assistant message must have either content or tool_calls, but not none."_s;
        if (calls.isEmpty())
            continue;
        qsizetype results = 0;
        for (qsizetype j = i + 1; j < messages.size(); ++j) {
            if (messages.at(j).toObject().value("role"_L1).toString() != "tool"_L1)
                break;
            ++results;
        }
        if (results != calls.size())
            return u"Not the same number of function calls and responses"_s;
    }
    const QJsonObject last = messages.last().toObject();
    const QString role = last.value("role"_L1).toString();
    if (role != "user"_L1 && role != "tool"_L1
        && !(role == "assistant"_L1 && last.value("prefix"_L1).toBool())) {
        return u"Expected last role User or Tool (or Assistant with prefix True) for serving but got %1"_s
            .arg(role);
    }
    return std::nullopt;
}

} // namespace

std::optional<QList<Attachment>>
Emulator::readAttachments(HttpExchange *ex, const QJsonArray &messages, const QString &model) {
    QList<Attachment> attachments;
    const AttachmentReader reader(baseUrl(),
                                  [this](const QString &id) { return m_store.findFile(id); });
    if (const auto problem = reader.read(messages, &attachments)) {
        sendObjectError(ex, 400, *problem, u"invalid_request_error"_s);
        return std::nullopt;
    }
    const auto card = m_store.findModel(model);
    if (!attachments.isEmpty()
        && !(card && card->value("capabilities"_L1).toObject().value("vision"_L1).toBool())) {
        sendObjectError(ex, 400, u"The model %1 does not accept images or documents."_s.arg(model),
                        u"invalid_request_error"_s);
        return std::nullopt;
    }
    qsizetype lastUser = messages.size() - 1;
    while (lastUser >= 0
           && messages.at(lastUser).toObject().value("role"_L1).toString() != "user"_L1)
        --lastUser;
    attachments.removeIf([lastUser](const Attachment &a) { return a.message != lastUser; });
    return attachments;
}

void Emulator::handleCompletion(HttpExchange *ex, bool agentRoute) {
    const auto body = jsonBody(ex);
    if (!body)
        return;
    Validator v;
    agentRoute ? Validate::agentsCompletion(v, *body) : Validate::chatCompletion(v, *body);
    if (!v.ok()) {
        sendValidation(ex, v);
        return;
    }

    Turn turn;
    turn.request = *body;
    turn.stream = body->value("stream"_L1).toBool();
    turn.messages = body->value("messages"_L1).toArray();
    turn.tools = body->value("tools"_L1).toArray();
    if (agentRoute) {
        const QString agentId = body->value("agent_id"_L1).toString();
        const AgentRecord *agent = m_store.findAgent(agentId);
        if (!agent) {
            sendObjectError(ex, 404, u"Agent not found: %1"_s.arg(agentId),
                            u"invalid_request_error"_s);
            return;
        }
        const QJsonObject config = m_store.agentJson(*agent, agent->active);
        turn.model = config.value("model"_L1).toString();
        turn.speaker = {turn.model, config.value("name"_L1).toString(),
                        config.value("instructions"_L1).toString()};
        if (!body->value("tools"_L1).isArray())
            turn.tools = config.value("tools"_L1).toArray();
    } else {
        const QString model = body->value("model"_L1).toString();
        const auto card = m_store.findModel(model);
        if (!card
            || !card->value("capabilities"_L1).toObject().value("completion_chat"_L1).toBool()) {
            sendObjectError(ex, 400, u"Invalid model: %1"_s.arg(model), u"invalid_model"_s,
                            u"1500"_s);
            return;
        }
        turn.model = model;
        // A system message first is the chat's instructions.
        const QJsonObject first =
            turn.messages.isEmpty() ? QJsonObject() : turn.messages.first().toObject();
        turn.speaker = {model, QString(),
                        first.value("role"_L1).toString() == "system"_L1
                            ? Script::contentText(first.value("content"_L1))
                            : QString()};
    }
    if (const auto problem = conversationProblem(turn.messages)) {
        sendObjectError(ex, 400, *problem, u"invalid_request_error"_s);
        return;
    }

    // Images and documents: read as the service would, within its limits, for vision models.
    const auto received = readAttachments(ex, turn.messages, turn.model);
    if (!received)
        return;
    const QJsonObject lastMessage = turn.messages.last().toObject();
    if (lastMessage.value("role"_L1).toString() == "assistant"_L1
        && lastMessage.value("prefix"_L1).toBool())
        turn.prefix = Script::contentText(lastMessage.value("content"_L1));

    // Tools: connectors must exist and appear once; hosted and function tools are noted.
    QList<ConnectorTarget> connectors;
    QStringList functions;
    bool imageTool = false;
    for (qsizetype i = 0; i < turn.tools.size(); ++i) {
        const QJsonObject tool = turn.tools.at(i).toObject();
        const QString type = tool.value("type"_L1).toString();
        if (type == "image_generation"_L1) {
            imageTool = true;
        } else if (type == "function"_L1) {
            functions.append(tool.value("function"_L1).toObject().value("name"_L1).toString());
        } else if (type == "connector"_L1) {
            const QString ref = tool.value("connector_id"_L1).toString();
            const ConnectorRecord *record = m_store.findConnector(ref);
            if (!record) {
                sendDetail(ex, 404, u"Connector '%1' not found"_s.arg(ref));
                return;
            }
            for (const ConnectorTarget &seen : std::as_const(connectors)) {
                if (seen.id == record->id) {
                    Validator dup;
                    dup.add(u"value_error"_s, QJsonArray{u"body"_s, u"tools"_s},
                            u"Value error, Duplicate connector ids in tools: %1"_s.arg(ref),
                            turn.tools);
                    sendValidation(ex, dup);
                    return;
                }
            }
            connectors.append(targetFor(*record, tool, int(i)));
        }
    }

    const QString text = Script::lastUserText(turn.messages);
    turn.rate = Script::requestedRate(text).value_or(m_options.streamRate);
    turn.promptTokens = Script::promptTokens(turn.messages);
    const bool toolsAllowed = body->value("tool_choice"_L1).toString() != "none"_L1;
    const QString lastRole = turn.messages.last().toObject().value("role"_L1).toString();

    // A request to name the chat: a few words, whatever the first message asked for.
    if (const auto title = Script::titleAnswer(turn.messages)) {
        OutMessage m;
        m.content = *title;
        answer(ex, turn, {m});
        return;
    }

    // A tool result came back: acknowledge it.
    if (lastRole == "tool"_L1) {
        const QJsonObject last = turn.messages.last().toObject();
        const QString name =
            last.value("name"_L1).isString()
                ? last.value("name"_L1).toString()
                : toolName(turn.messages, last.value("tool_call_id"_L1).toString());
        OutMessage m;
        m.content = Script::toolResultAnswer(name, Script::contentText(last.value("content"_L1)));
        answer(ex, turn, {m});
        return;
    }

    if (toolsAllowed && !connectors.isEmpty()) {
        if (const auto inv = Script::useTool(text)) {
            if (!inv->error.isEmpty()) {
                OutMessage m;
                m.content = u"I could not run `%1`: %2."_s.arg(inv->name, inv->error);
                answer(ex, turn, {m});
                return;
            }
            runConnectorTool(ex, turn, connectors, *inv);
            return;
        }
    }
    if (toolsAllowed && !functions.isEmpty()) {
        if (const auto inv = Script::callFunction(text)) {
            OutMessage m;
            if (!inv->error.isEmpty()) {
                m.content = u"I could not call `%1`: %2."_s.arg(inv->name, inv->error);
            } else if (!functions.contains(inv->name)) {
                m.content = u"There is no function named `%1` among the tools (%2)."_s.arg(
                    inv->name, functions.join(u", "_s));
            } else {
                m.content = QString();
                m.finishReason = u"tool_calls"_s;
                m.toolCalls.append(QJsonObject{
                    {u"id"_s, toolCallId()},
                    {u"type"_s, u"function"_s},
                    {u"index"_s, 0},
                    {u"function"_s,
                     QJsonObject{{u"name"_s, inv->name},
                                 {u"arguments"_s, QString::fromUtf8(compact(inv->arguments))}}},
                });
            }
            answer(ex, turn, {m});
            return;
        }
    }
    if (toolsAllowed && imageTool && Script::wantsImage(text)) {
        runImageTool(ex, turn, text,
                     Script::requestedImageForm(text).value_or(m_options.imageForm));
        return;
    }
    if (toolsAllowed && Script::wantsCitations(text)) {
        runWebSearch(ex, turn, text);
        return;
    }
    if (toolsAllowed && !connectors.isEmpty() && Script::wantsToolList(text)) {
        listConnectorTools(ex, turn, connectors);
        return;
    }

    OutMessage m;
    if (const auto json = Script::jsonAnswer(body->value("response_format"_L1).toObject(), text))
        m.content = *json;
    else if (!received->isEmpty())
        m.content = Script::attachmentAnswer(turn.speaker, text, describeAttachments(*received));
    else if (text.isEmpty() && lastRole != "user"_L1)
        m.content = Script::emptyAnswer(turn.speaker);
    else if (const auto length = Script::requestedLength(text))
        m.content = Script::longAnswer(turn.speaker, *length, text, Script::wantsTables(text));
    else if (Script::wantsEcho(text))
        m.content = Script::echoAnswer(turn.speaker, text, turn.request);
    else
        m.content = Script::defaultAnswer(turn.speaker, text);
    answer(ex, turn, {m});
}

void Emulator::runImageTool(HttpExchange *ex, const Turn &turn, const QString &prompt,
                            ImageForm form) {
    const QByteArray png = renderImage(prompt);
    const StoredFile file = m_store.addFile(png, u"image_generated_0.png"_s, u"image/png"_s);
    // A signed URL opens without the key; an unsigned one on the API's host needs it.
    const QString contentUrl = baseUrl() + u"/v1/files/"_s + file.id + u"/content"_s;
    const QString imageUrl = Script::wantsUnsignedUrl(prompt)
                                 ? contentUrl
                                 : contentUrl + u"?signature="_s + file.signature;
    const QString callId = toolCallId();

    const OutMessage call =
        hostedToolCall(callId, u"generate_image"_s, {{u"prompt"_s, prompt}}, u"image"_s);

    QJsonObject toolResult;
    switch (form) {
    case ImageForm::ToolFile:
        toolResult = {{u"file_id"_s, file.id},
                      {u"file_name"_s, u"image_generated_0"_s},
                      {u"file_type"_s, u"png"_s}};
        break;
    case ImageForm::ImageUrl:
    case ImageForm::DataUrl:
        toolResult = {{u"file_id"_s, file.id}, {u"url"_s, imageUrl}};
        break;
    case ImageForm::Url:
        toolResult = {{u"url"_s, imageUrl}};
        break;
    }
    OutMessage result;
    result.role = u"tool"_s;
    result.toolCallId = callId;
    result.content = QString::fromUtf8(compact(toolResult));
    result.finishReason.clear();

    OutMessage final;
    QJsonArray chunks{
        QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, Script::imageAnswer(prompt)}}};
    switch (form) {
    case ImageForm::ToolFile:
        chunks.append(QJsonObject{{u"type"_s, u"tool_file"_s},
                                  {u"tool"_s, u"image_generation"_s},
                                  {u"file_id"_s, file.id},
                                  {u"file_name"_s, u"image_generated_0"_s},
                                  {u"file_type"_s, u"png"_s}});
        break;
    case ImageForm::ImageUrl:
        chunks.append(QJsonObject{{u"type"_s, u"image_url"_s}, {u"image_url"_s, imageUrl}});
        break;
    case ImageForm::DataUrl:
        chunks.append(QJsonObject{
            {u"type"_s, u"image_url"_s},
            {u"image_url"_s,
             QString(u"data:image/png;base64,"_s + QString::fromLatin1(png.toBase64()))}});
        break;
    case ImageForm::Url:
        break;
    }
    final.content = chunks;
    qCInfo(lcEmulator) << "  image" << file.id << png.size() << "bytes";
    answer(ex, turn, {call, result, final});
}

void Emulator::runWebSearch(HttpExchange *ex, const Turn &turn, const QString &query) {
    // The hosted web search's shape: the call (run by the server), its result, then the
    // answer whose content cites the sources.
    const QString callId = toolCallId();
    const OutMessage call =
        hostedToolCall(callId, u"web_search"_s, {{u"query"_s, query}}, u"web_search"_s);
    OutMessage result;
    result.role = u"tool"_s;
    result.toolCallId = callId;
    result.content = Script::webSearchResult(query);
    result.finishReason.clear();
    OutMessage final;
    final.content = Script::citedAnswerChunks(query);
    answer(ex, turn, {call, result, final});
}

void Emulator::runConnectorTool(HttpExchange *ex, const Turn &turn,
                                const QList<ConnectorTarget> &targets,
                                const Invocation &invocation) {
    const QPointer<HttpExchange> guard(ex);
    ConnectorTask::start(
        ex, m_nam, targets, m_options.mcpTimeoutMs,
        ConnectorTask::Call{invocation.name, invocation.arguments},
        [this, guard, turn, targets, invocation](const ConnectorTask::Result &r) {
            if (!guard)
                return;
            if (r.error.isError()) {
                sendMcpError(guard, r.error, targets.value(r.failedTarget), true);
                return;
            }
            if (r.calledTarget < 0) {
                QStringList names;
                for (const QList<McpTool> &list : r.tools) {
                    for (const McpTool &t : list)
                        names.append(u'`' + t.name + u'`');
                }
                OutMessage m;
                m.content =
                    u"None of the connectors offers a tool named `%1`. Available: %2."_s.arg(
                        invocation.name, names.isEmpty() ? u"none"_s : names.join(u", "_s));
                answer(guard, turn, {m});
                return;
            }
            const ConnectorTarget &target = targets.at(r.calledTarget);
            const QString callId = toolCallId();
            OutMessage call;
            call.content = QString();
            call.finishReason = u"tool_calls"_s;
            call.toolCalls.append(QJsonObject{
                {u"id"_s, callId},
                {u"type"_s, u"function"_s},
                {u"index"_s, 0},
                {u"function"_s,
                 QJsonObject{{u"name"_s, invocation.name},
                             {u"arguments"_s, QString::fromUtf8(compact(invocation.arguments))}}},
                {u"metadata"_s, QJsonObject{{u"tool_type"_s, u"connector"_s},
                                            {u"integration_id"_s, target.id},
                                            {u"connector_name"_s, target.name}}},
            });
            const QString resultText = mcpResultText(r.call);
            OutMessage result;
            result.role = u"tool"_s;
            result.toolCallId = callId;
            result.content = resultText;
            result.finishReason.clear();
            OutMessage final;
            final.content =
                r.call.isError
                    ? u"The tool `%1` of **%2** reported an error:\n\n```\n%3\n```\n"_s.arg(
                        invocation.name, target.name, resultText)
                    : Script::connectorAnswer(target.name, invocation.name, resultText);
            answer(guard, turn, {call, result, final});
        });
}

void Emulator::listConnectorTools(HttpExchange *ex, const Turn &turn,
                                  const QList<ConnectorTarget> &targets) {
    const QPointer<HttpExchange> guard(ex);
    ConnectorTask::start(ex, m_nam, targets, m_options.mcpTimeoutMs, std::nullopt,
                         [this, guard, turn, targets](const ConnectorTask::Result &r) {
                             if (!guard)
                                 return;
                             if (r.error.isError()) {
                                 sendMcpError(guard, r.error, targets.value(r.failedTarget), true);
                                 return;
                             }
                             QString text = u"These are the tools I can reach:\n"_s;
                             for (qsizetype i = 0; i < r.tools.size(); ++i) {
                                 text += u"\n**%1**\n\n"_s.arg(targets.at(i).name);
                                 for (const McpTool &t : r.tools.at(i)) {
                                     if (targets.at(i).allows(t.name))
                                         text += u"- `%1`: %2\n"_s.arg(
                                             t.name,
                                             t.description.value_or(QString()).simplified());
                                 }
                             }
                             OutMessage m;
                             m.content = text;
                             answer(guard, turn, {m});
                         });
}

// --- The answer on the wire -----------------------------------------------------------------

void Emulator::answer(HttpExchange *ex, const Turn &turn, const QList<OutMessage> &input) {
    if (!ex->isOpen())
        return;
    QList<OutMessage> messages = input;
    OutMessage &last = messages.last();
    // An assistant prefix: the answer continues it. The scripted answer is the same as without
    // the prefix, so a prefix cut from an earlier answer continues where that answer stopped.
    QString prefix;
    if (turn.prefix && last.content.isString() && last.toolCalls.isEmpty()) {
        const QString full = last.content.toString();
        last.content = full.startsWith(*turn.prefix) ? full.mid(turn.prefix->size()) : full;
        if (m_options.prefixEcho)
            prefix = *turn.prefix;
    }
    // max_tokens cuts a text answer short, as a model that ran out of budget would.
    const QJsonValue maxTokens = turn.request.value("max_tokens"_L1);
    if (maxTokens.isDouble() && last.content.isString() && last.toolCalls.isEmpty()) {
        const QStringList tokens = Script::tokenize(last.content.toString());
        const qsizetype limit = qsizetype(maxTokens.toDouble());
        if (tokens.size() > limit) {
            last.content = tokens.mid(0, limit).join(QString());
            last.finishReason = u"length"_s;
        }
    }
    if (!prefix.isEmpty())
        last.content = QString(prefix + last.content.toString());
    int completion = 0;
    for (const OutMessage &m : messages)
        completion += completionTokens(m);
    if (!turn.stream) {
        sendJson(ex, 200, completionJson(turn, messages));
        return;
    }
    const std::optional<Fault> fault = attachedFault(ex);
    ex->beginStream(200, "text/event-stream; charset=utf-8",
                    rateLimitHeaders(turn.promptTokens + completion));
    auto *player = new StreamPlayer(ex, streamEvents(turn, messages), turn.rate, fault);
    player->start();
}

QJsonObject Emulator::completionJson(const Turn &turn, const QList<OutMessage> &messages) const {
    int completion = 0;
    for (const OutMessage &m : messages)
        completion += completionTokens(m);
    const bool multi = messages.size() > 1;
    QJsonObject choice{{u"index"_s, 0}};
    if (multi) {
        QJsonArray list;
        for (qsizetype i = 0; i < messages.size(); ++i) {
            const OutMessage &m = messages.at(i);
            QJsonObject o{{u"index"_s, int(i)}, {u"role"_s, m.role}, {u"content"_s, m.content}};
            if (!m.toolCalls.isEmpty())
                o.insert(u"tool_calls"_s, m.toolCalls);
            if (!m.toolCallId.isEmpty())
                o.insert(u"tool_call_id"_s, m.toolCallId);
            list.append(o);
        }
        choice.insert(u"messages"_s, list);
        choice.insert(u"finish_reason"_s, messages.last().finishReason);
    } else {
        const OutMessage &m = messages.first();
        choice.insert(u"message"_s, QJsonObject{{u"role"_s, u"assistant"_s},
                                                {u"content"_s, m.content},
                                                {u"tool_calls"_s, m.toolCalls.isEmpty()
                                                                      ? QJsonValue(QJsonValue::Null)
                                                                      : QJsonValue(m.toolCalls)},
                                                {u"prefix"_s, false}});
        choice.insert(u"finish_reason"_s, m.finishReason);
    }
    return QJsonObject{
        {u"id"_s, completionId()},
        {u"object"_s, multi ? u"chat.multi_completion"_s : u"chat.completion"_s},
        {u"created"_s, double(QDateTime::currentSecsSinceEpoch())},
        {u"model"_s, turn.model},
        {u"usage"_s, usage(turn.promptTokens, completion)},
        {u"choices"_s, QJsonArray{choice}},
    };
}

QList<StreamEvent> Emulator::streamEvents(const Turn &turn,
                                          const QList<OutMessage> &messages) const {
    QList<StreamEvent> events;
    const double created = double(QDateTime::currentSecsSinceEpoch());
    const bool multi = messages.size() > 1;
    QString id = completionId();
    int padSeq = 0;

    auto chunk = [&](const QJsonObject &delta, const QJsonValue &finish, const QJsonObject &use,
                     int tokens, bool pad) {
        QJsonObject o{{u"id"_s, id},
                      {u"object"_s, u"chat.completion.chunk"_s},
                      {u"created"_s, created},
                      {u"model"_s, turn.model},
                      {u"choices"_s,
                       QJsonArray{QJsonObject{
                           {u"index"_s, 0}, {u"delta"_s, delta}, {u"finish_reason"_s, finish}}}}};
        if (!use.isEmpty())
            o.insert(u"usage"_s, use);
        if (pad)
            o.insert(u"p"_s, padding(padSeq++));
        events.append(StreamEvent{compact(o), tokens});
    };

    for (qsizetype i = 0; i < messages.size(); ++i) {
        const OutMessage &m = messages.at(i);
        auto delta = [&](QJsonObject d) {
            if (multi)
                d.insert(u"index"_s, int(i));
            return d;
        };
        const int prompt = i == 0 ? turn.promptTokens : 0;
        if (m.role == "tool"_L1) {
            // A hosted tool's result, in one delta, inside the sub-completion of its call.
            chunk(delta({{u"role"_s, u"tool"_s},
                         {u"tool_call_id"_s, m.toolCallId},
                         {u"content"_s, m.content}}),
                  QJsonValue::Null, {}, 1, false);
            continue;
        }
        if (i > 0)
            id = completionId(); // each assistant sub-completion has its own id and usage
        const QJsonObject use = usage(prompt, completionTokens(m));
        const QStringList tokens =
            m.content.isString() ? Script::tokenize(m.content.toString()) : QStringList();
        QJsonArray extraChunks; // non-text chunks, sent after the text
        QStringList chunkTokens = tokens;
        if (m.content.isArray()) {
            const QJsonArray chunks = m.content.toArray();
            for (const QJsonValue &c : chunks) {
                const QJsonObject o = c.toObject();
                if (o.value("type"_L1).toString() == "text"_L1)
                    chunkTokens += Script::tokenize(o.value("text"_L1).toString());
                else
                    extraChunks.append(o);
            }
        }
        // The role comes first, alone.
        chunk(delta({{u"role"_s, u"assistant"_s}, {u"content"_s, QString()}}), QJsonValue::Null, {},
              0, false);
        if (!m.toolCalls.isEmpty()) {
            for (qsizetype t = 0; t < chunkTokens.size(); ++t)
                chunk(delta({{u"content"_s, chunkTokens[t]}}), QJsonValue::Null, {}, 1, true);
            // Observed: the calls arrive whole, with finish_reason and usage.
            chunk(delta({{u"content"_s, QString()}, {u"tool_calls"_s, m.toolCalls}}),
                  m.finishReason, use, 1, false);
            continue;
        }
        if (!extraChunks.isEmpty()) {
            for (const QString &t : std::as_const(chunkTokens))
                chunk(delta({{u"content"_s, t}}), QJsonValue::Null, {}, 1, true);
            for (qsizetype c = 0; c < extraChunks.size(); ++c) {
                const bool last = c == extraChunks.size() - 1;
                chunk(delta({{u"content"_s, QJsonArray{extraChunks.at(c)}}}),
                      last ? QJsonValue(m.finishReason) : QJsonValue(QJsonValue::Null),
                      last ? use : QJsonObject(), 4, false);
            }
            continue;
        }
        if (chunkTokens.isEmpty())
            chunkTokens.append(QString());
        for (qsizetype t = 0; t < chunkTokens.size(); ++t) {
            const bool last = t == chunkTokens.size() - 1;
            // The last content chunk carries finish_reason and usage.
            chunk(delta({{u"content"_s, chunkTokens[t]}}),
                  last ? QJsonValue(m.finishReason) : QJsonValue(QJsonValue::Null),
                  last ? use : QJsonObject(), 1, !last);
        }
    }
    return events;
}

} // namespace Tramontane::Emulator
