// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/ChatCompletion.h"

#include "core/protocol/JsonUtil.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

bool isIntegral(double value) {
    return std::isfinite(value) && std::floor(value) == value && std::abs(value) < 9.0e15;
}

QJsonValue addNumbers(const QJsonValue &a, const QJsonValue &b) {
    const double x = a.toDouble();
    const double y = b.toDouble();
    if (isIntegral(x) && isIntegral(y))
        return QJsonValue(static_cast<qint64>(x) + static_cast<qint64>(y));
    return QJsonValue(x + y);
}

QJsonObject sumObjects(const QJsonObject &a, const QJsonObject &b) {
    QJsonObject result = a;
    for (auto it = b.constBegin(); it != b.constEnd(); ++it) {
        const QJsonValue mine = result.value(it.key());
        const QJsonValue theirs = it.value();
        if (mine.isDouble() && theirs.isDouble())
            result.insert(it.key(), addNumbers(mine, theirs));
        else if (mine.isObject() && theirs.isObject())
            result.insert(it.key(), sumObjects(mine.toObject(), theirs.toObject()));
        else if (!theirs.isNull() || mine.isUndefined())
            result.insert(it.key(), theirs);
    }
    return result;
}

} // namespace

Usage Usage::fromJson(const QJsonObject &json) {
    Usage usage;
    usage.raw = json;
    usage.promptTokens = Json::optInt(json, "prompt_tokens"_L1).value_or(0);
    usage.completionTokens = Json::optInt(json, "completion_tokens"_L1).value_or(0);
    usage.totalTokens = Json::optInt(json, "total_tokens"_L1).value_or(0);
    return usage;
}

QJsonObject Usage::toJson() const {
    QJsonObject json = raw;
    json.insert("prompt_tokens"_L1, promptTokens);
    json.insert("completion_tokens"_L1, completionTokens);
    json.insert("total_tokens"_L1, totalTokens);
    return json;
}

Usage &Usage::operator+=(const Usage &other) {
    raw = sumObjects(raw, other.raw);
    promptTokens += other.promptTokens;
    completionTokens += other.completionTokens;
    totalTokens += other.totalTokens;
    return *this;
}

Choice Choice::fromJson(const QJsonObject &json) {
    Choice choice;
    choice.index = int(Json::optInt(json, "index"_L1).value_or(0));
    choice.finishReason = Json::string(json, "finish_reason"_L1);
    const QJsonValue messages = json.value("messages"_L1);
    if (messages.isArray()) {
        choice.multi = true;
        choice.messages = messagesFromJson(messages.toArray());
    } else if (const auto message = Json::optObject(json, "message"_L1)) {
        choice.messages.append(ChatMessage::fromJson(*message));
    }
    return choice;
}

QJsonObject Choice::toJson() const {
    QJsonObject json{{"index"_L1, index}};
    json.insert("finish_reason"_L1,
                finishReason.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(finishReason));
    if (multi || messages.size() > 1) {
        QJsonArray items;
        for (const ChatMessage &message : messages)
            items.append(message.toStoredJson());
        json.insert("messages"_L1, items);
    } else if (!messages.isEmpty()) {
        json.insert("message"_L1, messages.first().toStoredJson());
    }
    return json;
}

qsizetype Choice::finalAnswerIndex() const {
    for (qsizetype i = messages.size() - 1; i >= 0; --i) {
        if (messages.at(i).role == ChatMessage::Role::Assistant)
            return i;
    }
    return -1;
}

std::optional<ChatMessage> Choice::finalAnswer() const {
    const qsizetype position = finalAnswerIndex();
    if (position < 0)
        return std::nullopt;
    return messages.at(position);
}

QList<ToolRun> Choice::toolRuns() const {
    QList<ToolRun> runs;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const ChatMessage &message = messages.at(i);
        if (message.role != ChatMessage::Role::Assistant)
            continue;
        for (const ToolCall &call : message.toolCalls) {
            ToolRun run;
            run.call = call;
            run.callMessage = i;
            if (!call.id.isEmpty()) {
                for (qsizetype j = 0; j < messages.size(); ++j) {
                    const ChatMessage &candidate = messages.at(j);
                    if (candidate.role == ChatMessage::Role::Tool
                        && candidate.toolCallId == call.id) {
                        run.resultMessage = j;
                        run.result = candidate;
                        break;
                    }
                }
            }
            runs.append(run);
        }
    }
    return runs;
}

QList<ToolCall> Choice::pendingFunctionCalls() const {
    QList<ToolCall> pending;
    const QList<ToolRun> runs = toolRuns();
    for (const ToolRun &run : runs) {
        if (run.call.isFunction() && !run.hasResult())
            pending.append(run.call);
    }
    return pending;
}

ChatCompletion ChatCompletion::fromJson(const QJsonObject &json) {
    ChatCompletion completion;
    completion.id = Json::string(json, "id"_L1);
    completion.object = Json::string(json, "object"_L1);
    completion.model = Json::string(json, "model"_L1);
    completion.created = Json::optInt(json, "created"_L1).value_or(0);
    if (const auto usage = Json::optObject(json, "usage"_L1))
        completion.usage = Usage::fromJson(*usage);
    const QJsonArray choices = Json::array(json, "choices"_L1);
    for (const QJsonValue &choice : choices) {
        if (choice.isObject())
            completion.choices.append(Choice::fromJson(choice.toObject()));
    }
    return completion;
}

QJsonObject ChatCompletion::toJson() const {
    QJsonObject json{
        {"id"_L1, id},
        {"object"_L1, object},
        {"model"_L1, model},
        {"created"_L1, created},
    };
    if (usage)
        json.insert("usage"_L1, usage->toJson());
    QJsonArray items;
    for (const Choice &choice : choices)
        items.append(choice.toJson());
    json.insert("choices"_L1, items);
    return json;
}

bool ChatCompletion::isMulti() const {
    return std::any_of(choices.cbegin(), choices.cend(),
                       [](const Choice &choice) { return choice.multi; });
}

std::optional<ChatMessage> ChatCompletion::finalAnswer() const {
    if (choices.isEmpty())
        return std::nullopt;
    return choices.first().finalAnswer();
}

} // namespace Tramontane
