// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/ChatRequest.h"
#include "core/protocol/ConversationRequest.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Tramontane {

//! The settings of one chat: its instructions (a system prompt) and the sampling and output
//! parameters its requests carry. Every field is optional; an unset field is not sent, so the
//! API's default applies. Kept with the conversation in the request's own field names
//! (toJson()), and used as the defaults of new chats.
//!
//! What each endpoint accepts (SDK 2.7.0): chat completions take all of them, the
//! instructions as the first system message. Agent completions have no temperature or top_p,
//! and an agent has its own instructions: forAgent() drops those. The Conversations API takes
//! `instructions` (with a model) and the parameters as `completion_args`, which has no
//! prompt_mode.
struct ChatSettings {
    enum class ResponseFormat {
        Text,       //!< the API's default: not sent
        JsonObject, //!< `{"type":"json_object"}`
        JsonSchema, //!< `{"type":"json_schema","json_schema":{name, schema, strict}}`
    };

    //! Empty means none.
    QString instructions;
    std::optional<double> temperature;
    std::optional<double> topP;
    std::optional<qint64> maxTokens;
    std::optional<qint64> randomSeed;
    ResponseFormat responseFormat = ResponseFormat::Text;
    //! JsonSchema only: the schema's name, the schema itself and whether it is enforced.
    QString schemaName;
    QJsonObject schema;
    bool schemaStrict = false;
    //! "none", "minimal", "low", "medium", "high" or "xhigh".
    std::optional<QString> reasoningEffort;
    //! Sends `prompt_mode: "reasoning"` (the reasoning system prompt of reasoning models).
    bool reasoningPromptMode = false;

    //! True when nothing is set: requests go out as they would without settings.
    bool isDefault() const;
    //! The same settings without what an agent request cannot carry (instructions,
    //! temperature, top_p).
    ChatSettings forAgent() const;

    //! The `response_format` object, or nullopt for text (not sent).
    std::optional<QJsonObject> responseFormatJson() const;
    //! The parameters as `completion_args` of the Conversations API (no instructions, no
    //! prompt_mode); empty when none is set.
    QJsonObject completionArgs() const;

    //! The instructions as a first system message, then the parameters as request fields.
    void applyTo(ChatRequest &request) const;
    //! Only the fields forAgent() keeps.
    void applyTo(AgentCompletionRequest &request) const;
    //! `instructions` (with a model, not with an agent) and `completion_args`.
    void applyTo(ConversationStartRequest &request) const;
    //! `completion_args` (the conversation keeps its instructions); \a agent: the
    //! conversation is an agent's, so only what forAgent() keeps.
    void applyTo(ConversationAppendRequest &request, bool agent) const;

    //! The request field names: instructions, temperature, top_p, max_tokens, random_seed,
    //! response_format, reasoning_effort, prompt_mode; only those that are set.
    QJsonObject toJson() const;
    //! Reads toJson()'s form leniently: what is missing or of the wrong type stays unset.
    static ChatSettings fromJson(const QJsonObject &json);

    friend bool operator==(const ChatSettings &a, const ChatSettings &b) {
        return a.toJson() == b.toJson();
    }
};

} // namespace Tramontane
