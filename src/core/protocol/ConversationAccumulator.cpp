// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/ConversationAccumulator.h"

using namespace Qt::StringLiterals;

namespace Tramontane {

QList<ContentChunk> ConversationOutput::references() const {
    QList<ContentChunk> references;
    for (const ContentChunk &chunk : content.chunks()) {
        if (chunk.type == ContentChunk::Type::ToolReference)
            references.append(chunk);
    }
    return references;
}

ConversationOutput ConversationOutput::fromEntry(const ConversationEntry &entry) {
    ConversationOutput row;
    row.id = entry.id;
    row.agentId = entry.agentId;
    row.model = entry.model;
    switch (entry.type) {
    case ConversationEntry::Type::MessageOutput:
    case ConversationEntry::Type::MessageInput:
        row.kind = Kind::Message;
        row.content = entry.content;
        break;
    case ConversationEntry::Type::ToolExecution:
        row.kind = Kind::ToolExecution;
        row.name = entry.name;
        row.arguments = entry.arguments;
        row.info = entry.info;
        row.finished = true;
        break;
    case ConversationEntry::Type::FunctionCall:
        row.kind = Kind::FunctionCall;
        row.name = entry.name;
        row.arguments = entry.arguments;
        row.toolCallId = entry.toolCallId;
        row.confirmationStatus = entry.confirmationStatus;
        row.finished = true;
        break;
    case ConversationEntry::Type::AgentHandoff:
        row.kind = Kind::Handoff;
        row.previousAgentId = entry.previousAgentId;
        row.previousAgentName = entry.previousAgentName;
        row.nextAgentId = entry.nextAgentId;
        row.nextAgentName = entry.nextAgentName;
        row.finished = true;
        break;
    case ConversationEntry::Type::FunctionResult:
    case ConversationEntry::Type::Unknown:
        row.kind = Kind::Unknown;
        row.raw = entry.raw;
        break;
    }
    return row;
}

qsizetype ConversationAccumulator::rowFor(const ConversationEvent &event,
                                          ConversationOutput::Kind kind,
                                          ConversationUpdate &update) {
    for (qsizetype i = m_outputs.size() - 1; i >= 0; --i) {
        const ConversationOutput &row = m_outputs.at(i);
        const bool same = event.outputIndex >= 0 ? row.outputIndex == event.outputIndex
                                                 : !event.id.isEmpty() && row.id == event.id;
        if (same && row.kind == kind) {
            update.changed.append(i);
            return i;
        }
    }
    ConversationOutput row;
    row.kind = kind;
    row.outputIndex = event.outputIndex;
    row.id = event.id;
    row.agentId = event.agentId.isEmpty() ? m_currentAgentId : event.agentId;
    row.model = event.model;
    m_outputs.append(row);
    update.changed.append(m_outputs.size() - 1);
    return m_outputs.size() - 1;
}

ConversationUpdate ConversationAccumulator::feed(const ConversationEvent &event) {
    ConversationUpdate update;
    update.previousCount = m_outputs.size();
    if (m_state != State::Streaming)
        return update; // nothing counts after the end
    if (!event.agentId.isEmpty() && m_currentAgentId.isEmpty())
        m_currentAgentId = event.agentId;

    using Kind = ConversationOutput::Kind;
    switch (event.type) {
    case ConversationEvent::Type::ResponseStarted:
        if (!event.conversationId.isEmpty())
            m_conversationId = event.conversationId;
        break;
    case ConversationEvent::Type::MessageOutputDelta: {
        ConversationOutput &row = m_outputs[rowFor(event, Kind::Message, update)];
        if (row.model.isEmpty())
            row.model = event.model;
        if (event.chunk)
            row.content.appendChunk(*event.chunk);
        else if (event.text)
            row.content.appendText(*event.text);
        break;
    }
    case ConversationEvent::Type::ToolExecutionStarted:
    case ConversationEvent::Type::ToolExecutionDelta: {
        ConversationOutput &row = m_outputs[rowFor(event, Kind::ToolExecution, update)];
        if (!event.name.isEmpty())
            row.name = event.name;
        row.arguments += event.arguments;
        break;
    }
    case ConversationEvent::Type::ToolExecutionDone: {
        ConversationOutput &row = m_outputs[rowFor(event, Kind::ToolExecution, update)];
        if (!event.name.isEmpty())
            row.name = event.name;
        row.info = event.info;
        row.finished = true;
        break;
    }
    case ConversationEvent::Type::FunctionCallDelta: {
        ConversationOutput &row = m_outputs[rowFor(event, Kind::FunctionCall, update)];
        if (!event.name.isEmpty())
            row.name = event.name;
        if (!event.toolCallId.isEmpty())
            row.toolCallId = event.toolCallId;
        if (event.confirmationStatus)
            row.confirmationStatus = event.confirmationStatus;
        row.arguments += event.arguments;
        break;
    }
    case ConversationEvent::Type::AgentHandoffStarted: {
        ConversationOutput &row = m_outputs[rowFor(event, Kind::Handoff, update)];
        row.previousAgentId = event.previousAgentId;
        row.previousAgentName = event.previousAgentName;
        break;
    }
    case ConversationEvent::Type::AgentHandoffDone: {
        ConversationOutput &row = m_outputs[rowFor(event, Kind::Handoff, update)];
        row.nextAgentId = event.nextAgentId;
        row.nextAgentName = event.nextAgentName;
        row.finished = true;
        if (!event.nextAgentId.isEmpty())
            m_currentAgentId = event.nextAgentId;
        break;
    }
    case ConversationEvent::Type::ResponseDone:
        m_usage = event.usage;
        m_state = State::Done;
        break;
    case ConversationEvent::Type::ResponseError:
        m_errorMessage = event.errorMessage;
        m_errorCode = event.errorCode;
        m_state = State::Failed;
        break;
    case ConversationEvent::Type::Unknown:
        return update; // a newer event type: ignored, as unknown fields are
    }
    ++m_eventCount;
    update.accepted = true;
    return update;
}

void ConversationAccumulator::loadResponse(const ConversationResponse &response) {
    m_conversationId = response.conversationId;
    m_outputs.clear();
    int index = 0;
    for (const ConversationEntry &entry : response.outputs) {
        ConversationOutput row = ConversationOutput::fromEntry(entry);
        row.outputIndex = index++;
        if (row.kind == ConversationOutput::Kind::Handoff && !row.nextAgentId.isEmpty())
            m_currentAgentId = row.nextAgentId;
        else if (m_currentAgentId.isEmpty() && !row.agentId.isEmpty())
            m_currentAgentId = row.agentId;
        m_outputs.append(row);
    }
    m_usage = response.usage;
    m_state = State::Done;
}

void ConversationAccumulator::markFailed(const QString &message, int code) {
    if (m_state != State::Streaming)
        return;
    m_state = State::Failed;
    m_errorMessage = message;
    m_errorCode = code;
}

void ConversationAccumulator::markEnded() {
    if (m_state == State::Streaming)
        m_state = State::Interrupted;
}

QString ConversationAccumulator::text() const {
    QStringList parts;
    for (const ConversationOutput &row : m_outputs) {
        if (row.kind == ConversationOutput::Kind::Message && !row.text().isEmpty())
            parts.append(row.text());
    }
    return parts.join(u"\n\n"_s);
}

} // namespace Tramontane
