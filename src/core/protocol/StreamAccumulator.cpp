// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/StreamAccumulator.h"

#include "core/Logging.h"
#include "core/protocol/JsonUtil.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

bool hasMessageFields(const QJsonObject &delta) {
    static const QLatin1StringView keys[] = {"role"_L1,         "content"_L1, "tool_calls"_L1,
                                             "tool_call_id"_L1, "index"_L1,   "metadata"_L1};
    return std::any_of(std::begin(keys), std::end(keys), [&delta](QLatin1StringView key) {
        const QJsonValue value = delta.value(key);
        return !value.isUndefined() && !value.isNull();
    });
}

// Applies one tool-call fragment to the message's calls.
void mergeToolCall(QList<ToolCall> &calls, const QJsonObject &fragmentJson) {
    const ToolCall fragment = ToolCall::fromJson(fragmentJson);
    // The schema's placeholder for an unknown id is the string "null".
    const bool hasId = !fragment.id.isEmpty() && fragment.id != "null"_L1;

    ToolCall *target = nullptr;
    if (fragment.index) {
        for (ToolCall &call : calls) {
            if (call.index == fragment.index) {
                target = &call;
                break;
            }
        }
    }
    if (!target && hasId) {
        for (ToolCall &call : calls) {
            if (call.id == fragment.id) {
                target = &call;
                break;
            }
        }
    }
    // A fragment with neither index nor id can only continue the latest call.
    if (!target && !fragment.index && !hasId && !calls.isEmpty())
        target = &calls.last();
    if (!target) {
        calls.append(fragment);
        return;
    }

    if (hasId && target->id.isEmpty())
        target->id = fragment.id;
    if (fragmentJson.value("type"_L1).isString())
        target->type = fragment.type;
    if (!fragment.name.isEmpty() && target->name.isEmpty())
        target->name = fragment.name;
    target->arguments += fragment.arguments;
    if (fragment.metadata) {
        QJsonObject merged = target->metadata.value_or(QJsonObject());
        for (auto it = fragment.metadata->constBegin(); it != fragment.metadata->constEnd(); ++it)
            merged.insert(it.key(), it.value());
        target->metadata = merged;
    }
}

} // namespace

StreamUpdate StreamAccumulator::feed(const QJsonObject &chunk) {
    StreamUpdate update;
    if (m_state != State::Streaming) {
        qCDebug(lcSse) << "chunk after the end of the stream ignored";
        return update;
    }
    const QJsonValue choices = chunk.value("choices"_L1);
    if (!choices.isArray()) {
        qCDebug(lcSse) << "chunk without choices ignored";
        return update;
    }
    update.accepted = true;

    if (m_chunkCount == 0) {
        m_completion.id = Json::string(chunk, "id"_L1);
        m_completion.model = Json::string(chunk, "model"_L1);
        m_completion.created = Json::optInt(chunk, "created"_L1).value_or(0);
        m_chunkObject = Json::string(chunk, "object"_L1);
    }
    ++m_chunkCount;

    if (const auto usageJson = Json::optObject(chunk, "usage"_L1)) {
        const QString chunkId = Json::string(chunk, "id"_L1);
        const Usage usage = Usage::fromJson(*usageJson);
        auto existing =
            std::find_if(m_usageById.begin(), m_usageById.end(),
                         [&chunkId](const auto &entry) { return entry.first == chunkId; });
        if (existing != m_usageById.end())
            existing->second = usage;
        else
            m_usageById.append({chunkId, usage});
        Usage total = m_usageById.first().second;
        for (qsizetype i = 1; i < m_usageById.size(); ++i)
            total += m_usageById.at(i).second;
        m_completion.usage = total;
        update.usageChanged = true;
    }

    const QJsonArray items = choices.toArray();
    for (const QJsonValue &item : items) {
        if (item.isObject())
            update.changes.append(applyChoice(item.toObject()));
    }
    updateObjectName();
    return update;
}

Choice &StreamAccumulator::choiceFor(int index) {
    QList<Choice> &choices = m_completion.choices;
    auto position = std::find_if(choices.begin(), choices.end(),
                                 [index](const Choice &choice) { return choice.index >= index; });
    if (position != choices.end() && position->index == index)
        return *position;
    Choice choice;
    choice.index = index;
    return *choices.insert(position, choice);
}

StreamChange StreamAccumulator::applyChoice(const QJsonObject &choiceJson) {
    StreamChange change;
    change.choice = int(Json::optInt(choiceJson, "index"_L1).value_or(0));
    Choice &choice = choiceFor(change.choice);

    if (const auto finishReason = Json::optString(choiceJson, "finish_reason"_L1)) {
        choice.finishReason = *finishReason;
        change.finishReason = *finishReason;
    }

    const QJsonObject delta = Json::object(choiceJson, "delta"_L1);
    if (!hasMessageFields(delta))
        return change;

    ChatMessage &message = messageFor(choice, Json::optInt(delta, "index"_L1), &change);
    if (change.messageStarted) {
        message.role = ChatMessage::roleFromName(Json::string(delta, "role"_L1))
                           .value_or(ChatMessage::Role::Assistant);
    }
    if (const auto toolCallId = Json::optString(delta, "tool_call_id"_L1);
        toolCallId && !toolCallId->isEmpty()) {
        message.toolCallId = *toolCallId;
    }
    if (const auto name = Json::optString(delta, "name"_L1); name && !name->isEmpty())
        message.name = *name;
    if (const auto metadata = Json::optObject(delta, "metadata"_L1)) {
        QJsonObject merged = message.metadata.value_or(QJsonObject());
        for (auto it = metadata->constBegin(); it != metadata->constEnd(); ++it)
            merged.insert(it.key(), it.value());
        message.metadata = merged;
    }

    const QJsonValue content = delta.value("content"_L1);
    if (content.isString()) {
        appendText(message, content.toString(), &change);
    } else if (content.isArray()) {
        const QJsonArray chunks = content.toArray();
        for (const QJsonValue &chunkJson : chunks) {
            if (!chunkJson.isObject())
                continue;
            const ContentChunk chunk = ContentChunk::fromJson(chunkJson.toObject());
            if (chunk.type == ContentChunk::Type::Text)
                change.textAppended += chunk.text;
            message.content.appendChunk(chunk);
            change.contentChanged = true;
        }
    }

    const QJsonArray toolCalls = Json::array(delta, "tool_calls"_L1);
    for (const QJsonValue &call : toolCalls) {
        if (call.isObject()) {
            mergeToolCall(message.toolCalls, call.toObject());
            change.toolCallsChanged = true;
        }
    }
    return change;
}

ChatMessage &StreamAccumulator::messageFor(Choice &choice, std::optional<qint64> messageIndex,
                                           StreamChange *change) {
    // Select (or open) the message this delta belongs to.
    QList<ChatMessage> &messages = choice.messages;
    qsizetype position = -1;
    if (messageIndex) {
        choice.multi = true;
        const int wanted = int(*messageIndex);
        position = 0;
        while (position < messages.size() && messages.at(position).index.value_or(-1) < wanted)
            ++position;
        if (position == messages.size() || messages.at(position).index != wanted) {
            ChatMessage message;
            message.role = ChatMessage::Role::Assistant;
            message.index = wanted;
            messages.insert(position, message);
            change->messageStarted = true;
        }
    } else if (messages.isEmpty()) {
        ChatMessage message;
        message.role = ChatMessage::Role::Assistant;
        messages.append(message);
        position = 0;
        change->messageStarted = true;
    } else {
        position = messages.size() - 1;
    }
    change->message = position;
    return messages[position];
}

void StreamAccumulator::appendText(ChatMessage &message, const QString &text,
                                   StreamChange *change) {
    const bool wasNull = message.content.isNull();
    message.content.appendText(text);
    change->textAppended = text;
    change->contentChanged = wasNull || !text.isEmpty();
}

StreamUpdate StreamAccumulator::feed(const DecodedChunk &chunk) {
    StreamUpdate update;
    if (m_state != State::Streaming) {
        qCDebug(lcSse) << "chunk after the end of the stream ignored";
        return update;
    }
    update.accepted = true;
    if (m_chunkCount == 0) {
        m_completion.id = chunk.id.toString();
        m_completion.model = chunk.model.toString();
        m_completion.created = chunk.created.value_or(0);
        m_chunkObject = chunk.object.toString();
    }
    ++m_chunkCount;

    // The decoder takes no usage, no message index and no other message field.
    update.changes.reserve(chunk.choices.size());
    for (const ChunkChoice &item : chunk.choices) {
        StreamChange &change = update.changes.emplace_back();
        change.choice = item.index;
        Choice &choice = choiceFor(change.choice);
        if (item.finishReason.present) {
            choice.finishReason = item.finishReason.toString();
            change.finishReason = choice.finishReason;
        }
        if (!item.role.present && !item.content.present)
            continue;
        ChatMessage &message = messageFor(choice, std::nullopt, &change);
        if (change.messageStarted) {
            message.role = ChatMessage::roleFromName(item.role.toString())
                               .value_or(ChatMessage::Role::Assistant);
        }
        if (item.content.present)
            appendText(message, item.content.toString(), &change);
    }
    updateObjectName();
    return update;
}

void StreamAccumulator::updateObjectName() {
    QString name = m_chunkObject;
    if (name.endsWith(".chunk"_L1))
        name.chop(6);
    if (name.isEmpty())
        name = u"chat.completion"_s;
    if (name == "chat.completion"_L1 && m_completion.isMulti())
        name = u"chat.multi_completion"_s;
    m_completion.object = name;
}

void StreamAccumulator::markDone() {
    if (m_state == State::Streaming)
        m_state = State::Done;
}

void StreamAccumulator::markEnded() {
    if (m_state == State::Streaming)
        m_state = State::Interrupted;
}

void StreamAccumulator::reset() {
    *this = StreamAccumulator();
}

} // namespace Tramontane
