// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/ChatCompletion.h"
#include "core/protocol/Content.h"
#include "core/protocol/ConversationEntry.h"
#include "core/protocol/ConversationEvent.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Tramontane {

//! One row of a conversation turn's timeline, in the order the server produced them: an
//! answer, a hosted tool run, a function call for the client, or a handoff between agents.
//! Only the fields of the row's own kind are meaningful.
struct ConversationOutput {
    enum class Kind {
        Message,       //!< text and chunks (tool_reference citations, tool_file images…)
        ToolExecution, //!< a hosted tool (web_search, code_interpreter, a connector…)
        FunctionCall,  //!< a function the client must run, or a tool awaiting confirmation
        Handoff,       //!< one agent handed the conversation to another
        Unknown,       //!< an entry of a type this client does not know (kept in raw)
    };

    Kind kind = Kind::Message;
    int outputIndex = -1;
    QString id;
    //! Who produced the row (for a message: the agent answering after any handoff).
    QString agentId;
    QString model;

    //! Message.
    MessageContent content;

    //! ToolExecution and FunctionCall: the name and the arguments (JSON text, grown by deltas).
    QString name;
    QString arguments;
    //! ToolExecution: the result details (`code`, `code_output` for code_interpreter).
    QJsonObject info;
    //! ToolExecution: the done event (or a complete entry) arrived.
    bool finished = false;

    //! FunctionCall.
    QString toolCallId;
    std::optional<QString> confirmationStatus;

    //! Handoff: filled by the started and done events.
    QString previousAgentId;
    QString previousAgentName;
    QString nextAgentId;
    QString nextAgentName;

    //! Unknown: the entry or event as received.
    QJsonObject raw;

    //! The readable text of a message (its text chunks).
    QString text() const { return content.plainText(); }
    //! The `tool_reference` chunks of a message: its citations, in order.
    QList<ContentChunk> references() const;
    //! The row a complete entry (a non-streamed answer, or history) stands for.
    static ConversationOutput fromEntry(const ConversationEntry &entry);
};

//! What one event changed.
struct ConversationUpdate {
    bool accepted = false;
    //! Positions in outputs() that changed (new rows included).
    QList<qsizetype> changed;
    //! Number of rows before the event: positions from here on are new.
    qsizetype previousCount = 0;
};

//! Turns the events of a conversation stream into an ordered list of outputs, the way
//! StreamAccumulator rebuilds a chat completion from its chunks. Rows are found by
//! `output_index` (or by id when an event has no index); tokens and chunks of a message are
//! appended to its content, tool arguments grow with their deltas, a tool row is finished by
//! its done event, and a handoff row is filled by its started and done events.
//!
//! How a turn ends: `conversation.response.done` gives Done with the usage; an error (the
//! error event, or a failed request) gives Failed with its message; a stream that stops
//! before either is Interrupted. In every case the rows that arrived are kept.
class ConversationAccumulator {
public:
    enum class State { Streaming, Done, Failed, Interrupted };

    ConversationUpdate feed(const ConversationEvent &event);
    //! Loads a complete (non-streamed) response: its outputs as rows, its usage, Done.
    void loadResponse(const ConversationResponse &response);
    //! Ends a turn still Streaming as Failed, with the server's message and code (the first
    //! ending wins: a Done, Failed or Interrupted turn stays so).
    void markFailed(const QString &message, int code = 0);
    //! The stream stopped: a turn that is still Streaming becomes Interrupted.
    void markEnded();

    const QList<ConversationOutput> &outputs() const { return m_outputs; }
    QString conversationId() const { return m_conversationId; }
    const Usage &usage() const { return m_usage; }
    State state() const { return m_state; }
    QString errorMessage() const { return m_errorMessage; }
    int errorCode() const { return m_errorCode; }
    //! Events accepted so far.
    int eventCount() const { return m_eventCount; }
    //! The agent answering now: the first agent seen, or the target of the last handoff.
    QString currentAgentId() const { return m_currentAgentId; }
    //! The text of every message row, in order, separated by blank lines.
    QString text() const;

private:
    //! The row for \a event, made with \a kind when there is none yet.
    qsizetype rowFor(const ConversationEvent &event, ConversationOutput::Kind kind,
                     ConversationUpdate &update);

    QList<ConversationOutput> m_outputs;
    QString m_conversationId;
    QString m_currentAgentId;
    Usage m_usage;
    State m_state = State::Streaming;
    QString m_errorMessage;
    int m_errorCode = 0;
    int m_eventCount = 0;
};

} // namespace Tramontane
