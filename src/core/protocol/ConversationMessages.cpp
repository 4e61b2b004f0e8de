// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/ConversationMessages.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Tramontane::ConversationMessages {

namespace {

QString callId(const ConversationOutput &output) {
    if (!output.id.isEmpty())
        return output.id;
    return u"output_"_s + QString::number(output.outputIndex);
}

void appendToolRun(QList<ChatMessage> &out, const ConversationOutput &output) {
    const bool code = output.name == "code_interpreter"_L1;
    ToolCall call;
    call.id = callId(output);
    call.name = output.name;
    const QString codeText = output.info.value("code"_L1).toString();
    call.arguments = code && !codeText.isEmpty() ? codeText : output.arguments;
    call.metadata = QJsonObject{{u"tool_type"_s, output.name}};
    out.append(ChatMessage::assistant(MessageContent(), {call}));
    if (!output.finished)
        return;
    QString result;
    if (code) {
        result = output.info.value("code_output"_L1).toString();
    } else {
        QJsonObject info = output.info;
        if (!info.isEmpty())
            result = QString::fromUtf8(QJsonDocument(info).toJson(QJsonDocument::Compact));
    }
    out.append(ChatMessage::tool(call.id, MessageContent(result), output.name));
}

} // namespace

QList<ChatMessage> fromOutputs(const QList<ConversationOutput> &outputs,
                               const QString &conversationId) {
    QList<ChatMessage> out;
    out.reserve(outputs.size() + 2);
    QJsonObject agent; // the agent answering after the last handoff
    for (const ConversationOutput &output : outputs) {
        const qsizetype first = out.size();
        switch (output.kind) {
        case ConversationOutput::Kind::Message:
            out.append(ChatMessage::assistant(output.content));
            break;
        case ConversationOutput::Kind::ToolExecution:
            appendToolRun(out, output);
            break;
        case ConversationOutput::Kind::FunctionCall: {
            ToolCall call;
            call.id = output.toolCallId.isEmpty() ? callId(output) : output.toolCallId;
            call.name = output.name;
            call.arguments = output.arguments;
            if (output.confirmationStatus)
                call.metadata = QJsonObject{{confirmationKey, *output.confirmationStatus}};
            out.append(ChatMessage::assistant(MessageContent(), {call}));
            break;
        }
        case ConversationOutput::Kind::Handoff: {
            ChatMessage message = ChatMessage::assistant(MessageContent());
            message.metadata = QJsonObject{
                {handoffKey, QJsonObject{{u"previous_agent_id"_s, output.previousAgentId},
                                         {u"previous_agent_name"_s, output.previousAgentName},
                                         {u"next_agent_id"_s, output.nextAgentId},
                                         {u"next_agent_name"_s, output.nextAgentName}}}};
            out.append(message);
            break;
        }
        case ConversationOutput::Kind::Unknown:
            break; // nothing this client can show or send back
        }
        const bool handoff = output.kind == ConversationOutput::Kind::Handoff;
        const bool named = !agent.value("name"_L1).toString().isEmpty() && !handoff;
        const bool onServer = !conversationId.isEmpty() && !output.id.isEmpty();
        for (qsizetype i = first; i < out.size() && (named || onServer); ++i) {
            QJsonObject metadata = out.at(i).metadata.value_or(QJsonObject());
            if (named)
                metadata.insert(agentKey, agent);
            if (onServer)
                metadata.insert(entryKey, QJsonObject{{u"conversation_id"_s, conversationId},
                                                      {u"entry_id"_s, output.id}});
            out[i].metadata = metadata;
        }
        if (handoff && (!output.nextAgentId.isEmpty() || !output.nextAgentName.isEmpty())) {
            // The handoff line itself belongs to no agent; what follows is the next one's.
            const QString name =
                output.nextAgentName.isEmpty() ? output.nextAgentId : output.nextAgentName;
            agent = QJsonObject{{u"id"_s, output.nextAgentId}, {u"name"_s, name}};
        }
    }
    return out;
}

bool isHandoff(const ChatMessage &message) {
    return message.metadata && message.metadata->contains(handoffKey);
}

QString agentName(const ChatMessage &message) {
    if (!message.metadata)
        return {};
    return message.metadata->value(agentKey).toObject().value("name"_L1).toString();
}

std::optional<EntryRef> entryRef(const ChatMessage &message) {
    if (!message.metadata)
        return std::nullopt;
    const QJsonObject entry = message.metadata->value(entryKey).toObject();
    EntryRef ref{entry.value("conversation_id"_L1).toString(),
                 entry.value("entry_id"_L1).toString()};
    if (ref.conversationId.isEmpty() || ref.entryId.isEmpty())
        return std::nullopt;
    return ref;
}

QString confirmationStatus(const ToolCall &call) {
    return call.metadata ? call.metadata->value(confirmationKey).toString() : QString();
}

ConversationInputs replay(const QList<ChatMessage> &history) {
    QList<ConversationEntry> entries;
    for (const ChatMessage &message : history) {
        if (message.role != ChatMessage::Role::User && message.role != ChatMessage::Role::Assistant)
            continue;
        const MessageContent content = message.role == ChatMessage::Role::User
                                           ? userInput(message.content)
                                           : MessageContent(message.content.plainText());
        if (content.isEmpty())
            continue;
        ConversationEntry entry = ConversationEntry::userMessage(content);
        if (message.role == ChatMessage::Role::Assistant)
            entry.role = u"assistant"_s;
        entries.append(entry);
    }
    if (entries.size() == 1 && entries.first().role == "user"_L1
        && !entries.first().content.hasChunks())
        return ConversationInputs::fromText(entries.first().content.plainText());
    return ConversationInputs::fromEntries(entries);
}

MessageContent userInput(const MessageContent &content) {
    const QString text = content.plainText();
    QList<ContentChunk> images;
    for (const ContentChunk &chunk : content.chunks()) {
        if (chunk.type == ContentChunk::Type::ImageUrl || chunk.isDocument())
            images.append(chunk);
    }
    if (images.isEmpty())
        return MessageContent(text);
    QList<ContentChunk> chunks;
    if (!text.isEmpty())
        chunks.append(ContentChunk::makeText(text));
    chunks.append(images);
    return MessageContent(chunks);
}

} // namespace Tramontane::ConversationMessages
