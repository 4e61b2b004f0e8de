// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Script.h"
#include "StreamPlayer.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Tramontane::Emulator {

//! A conversation kept in memory by `/v1/conversations`.
struct StoredConversation {
    QString id;
    QString model;
    QString agentId;
    QString instructions;
    QJsonArray tools;
    QJsonArray entries; //!< inputs and outputs, in order, as the history would list them
    QString createdAt;
    QString updatedAt; //!< the last turn's time
    //! Connector calls waiting for a confirmation, by tool_call_id: `{name, arguments}`.
    QHash<QString, QJsonObject> pendingCalls;
};

//! One answer being made: the conversation, the request, who speaks, what came in and what
//! goes out.
struct ConversationTurn {
    StoredConversation conversation;
    QJsonObject body;
    Script::Speaker speaker;
    QString agentId;
    QJsonArray tools;
    QJsonArray inputEntries;
    QString text;
    QJsonArray outputs;
    QJsonObject connectors; //!< usage.connectors
};

//! Builds the entries and the event stream of a conversation answer. Pure functions of their
//! inputs, apart from the ids and times they stamp.
namespace ConversationScript {

//! `conv_…`, `msg_…`, `tool_exec_…`, `fc_…`, `handoff_…`: a prefix and 24 hex digits.
QString newId(const QString &prefix);

//! The conversation as `GET /v1/conversations/{id}` and the list answer it: the SDK's
//! ModelConversation (model, instructions, tools) or AgentConversation (agent_id).
QJsonObject conversationObject(const StoredConversation &conversation);

//! The request's `inputs` as stored entries (a string is one user `message.input`).
QJsonArray inputEntries(const QJsonValue &inputs);
//! The text of the last user `message.input` of \a inputs.
QString lastUserText(const QJsonValue &inputs);
//! A rough token count of every entry's text.
int promptTokens(const QJsonArray &entries);

// Output entries, in the SDK's shapes, stamped with an id and times.
QJsonObject messageOutput(const QString &agentId, const QString &model, const QJsonValue &content);
QJsonObject toolExecution(const QString &agentId, const QString &model, const QString &name,
                          const QJsonObject &arguments, const QJsonObject &info);
//! With a \a confirmationStatus ("pending"), a connector call that waits for the user.
QJsonObject functionCall(const QString &agentId, const QString &model, const QString &name,
                         const QJsonObject &arguments,
                         const std::optional<QString> &confirmationStatus = std::nullopt);
QJsonObject handoff(const QString &previousId, const QString &previousName, const QString &nextId,
                    const QString &nextName);

//! A made-up code_interpreter run for \a text: it sums the whole numbers of the text (1 to 10
//! when there are none). Returns the `info` (`code`, `code_output`) and sets \a answer. With
//! \a csv, the code also writes the numbers and their sum to `numbers.csv`, whose bytes it
//! sets there (the answer then comes with that file as a `tool_file`).
QJsonObject codeRun(const QString &text, QString *answer, QByteArray *csv = nullptr);
//! The web search answer's chunks: text and `tool_reference` chunks (the chat form's
//! `reference` chunk is not a conversation output chunk, so it is left out).
QJsonArray searchAnswerChunks(const QString &query);

//! Tokens of the outputs' text, for usage.
int completionTokens(const QJsonArray &outputs);

//! The events of a streamed answer: `conversation.response.started`, the events of each output
//! (message tokens and chunks, tool execution started/delta/done, function call, handoff
//! started/done), then `conversation.response.done` with \a usage, or, with \a errorMessage,
//! `conversation.response.error` instead.
QList<StreamEvent> events(const QString &conversationId, const QJsonArray &outputs,
                          const QJsonObject &usage,
                          const std::optional<QString> &errorMessage = std::nullopt);

// Phrases in the last user message.
//! `search` or `cite`: the web_search tool runs (when the request has it).
bool wantsSearch(const QString &text);
//! `run code`, `calculate` or `compute`: code_interpreter runs (when the request has it).
bool wantsCode(const QString &text);
//! `csv` (with code): the code interpreter also makes a CSV file.
bool wantsCsv(const QString &text);
//! `hand off` or `handoff`: an agent with handoffs hands the conversation to its first one.
bool wantsHandoff(const QString &text);
//! The tools a connector tool's `tool_configuration.requires_confirmation` names.
QStringList confirmationsRequired(const QJsonObject &connectorTool);

//! `response error`: the stream ends with `conversation.response.error` after the first output.
bool wantsResponseError(const QString &text);
//! `cut stream`: the connection closes in the middle of the answer.
bool wantsCut(const QString &text);

} // namespace ConversationScript

} // namespace Tramontane::Emulator
