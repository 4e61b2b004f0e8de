// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/RequestHistory.h"

using namespace Qt::StringLiterals;

namespace Tramontane::RequestHistory {

ChatMessage requestMessage(const ChatMessage &message) {
    ChatMessage m = message;
    m.index.reset();
    m.metadata.reset();
    if (!m.content.hasChunks())
        return m;
    MessageContent content;
    for (const ContentChunk &chunk : m.content.chunks()) {
        switch (chunk.type) {
        case ContentChunk::Type::ToolFile:
            content.appendChunk(ContentChunk::makeText(
                u"\n[generated image: "_s + chunk.fileName.value_or(chunk.fileId) + u"]\n"_s));
            break;
        case ContentChunk::Type::ToolReference:
        case ContentChunk::Type::Unknown:
            break;
        default:
            content.appendChunk(chunk);
        }
    }
    m.content = content;
    return m;
}

bool belongsInHistory(const ChatMessage &message) {
    return message.role != ChatMessage::Role::Assistant || !message.content.isEmpty()
           || !message.toolCalls.isEmpty();
}

QList<ChatMessage> fromMessages(const QList<ChatMessage> &messages) {
    QList<ChatMessage> out;
    out.reserve(messages.size());
    for (const ChatMessage &message : messages) {
        if (belongsInHistory(message))
            out.append(requestMessage(message));
    }
    return out;
}

} // namespace Tramontane::RequestHistory
