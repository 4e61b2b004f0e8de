// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/Message.h"
#include "core/protocol/Tool.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Tramontane {

//! `tool_choice`: a mode ("auto", "none", "any", "required") or one named function, written
//! as `{"type":"function","function":{"name":…}}`.
struct ToolChoice {
    QString mode = QStringLiteral("auto"); //!< Ignored when functionName is set.
    QString functionName;

    static ToolChoice fromMode(const QString &mode);
    static ToolChoice forFunction(const QString &name);
    //! Accepts both forms; anything else gives nullopt.
    static std::optional<ToolChoice> fromJson(const QJsonValue &json);
    QJsonValue toJson() const;
    bool isFunction() const { return !functionName.isEmpty(); }

    friend bool operator==(const ToolChoice &a, const ToolChoice &b) {
        return a.toJson() == b.toJson();
    }
};

//! The fields `ChatCompletionRequest` and `AgentsCompletionRequest` share (SDK 2.7.0). Every
//! optional is written only when set; `tools` only when not empty.
struct CompletionRequestBase {
    QList<ChatMessage> messages;
    std::optional<qint64> maxTokens;
    //! Always written, as the SDK does (server default false).
    bool stream = false;
    //! One stop sequence is written as a string, several as an array.
    std::optional<QStringList> stop;
    std::optional<qint64> randomSeed;
    std::optional<QJsonObject> metadata;
    //! `{"type":"text"|"json_object"|"json_schema", "json_schema":{…}}`, written as given.
    std::optional<QJsonObject> responseFormat;
    QList<Tool> tools;
    std::optional<ToolChoice> toolChoice;
    std::optional<double> presencePenalty;
    std::optional<double> frequencyPenalty;
    std::optional<int> n;
    //! Predicted output text, written as `{"type":"content","content":…}`.
    std::optional<QString> prediction;
    std::optional<bool> parallelToolCalls;
    //! "none", "minimal", "low", "medium", "high" or "xhigh".
    std::optional<QString> reasoningEffort;
    //! "reasoning".
    std::optional<QString> promptMode;
    //! GuardrailConfig objects, written as given.
    std::optional<QJsonArray> guardrails;
    std::optional<QString> promptCacheKey;
    //! "auto" or "standard_only" in the reference; the SDK leaves it open.
    std::optional<QString> serviceTier;

    //! Reads the shared fields leniently (nulls and wrong types read as unset).
    void readCommonFields(const QJsonObject &json);
    //! Writes the shared fields that are set (messages in their request shape).
    void writeCommonFields(QJsonObject &json) const;
};

//! The body of `POST /v1/chat/completions`.
struct ChatRequest : CompletionRequestBase {
    QString model;
    std::optional<double> temperature;
    std::optional<double> topP;
    std::optional<bool> safePrompt;

    static ChatRequest fromJson(const QJsonObject &json);
    //! Only fields of the request schema, and only those that are set.
    QJsonObject toJson() const;
    //! Every top-level key the request schema allows (requests are validated strictly).
    static const QStringList &knownFields();
};

//! The body of `POST /v1/agents/completions`: the shared fields plus `agent_id`; there is no
//! model, temperature, top_p or safe_prompt.
struct AgentCompletionRequest : CompletionRequestBase {
    QString agentId;

    static AgentCompletionRequest fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    static const QStringList &knownFields();
};

} // namespace Tramontane
