// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/ChatCompletion.h"
#include "core/protocol/Content.h"

#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Tramontane {

//! One event of a conversation stream (SDK 2.7.0 `ConversationEvents`), decoded from the data
//! of a server-sent event. The type comes from the data's `type`, or from the SSE `event:`
//! line when the data has none. Only the fields of the event's own type are meaningful.
//! Decoding is lenient: unknown fields are ignored, and an unknown type gives Unknown with the
//! data kept in `raw`.
struct ConversationEvent {
    enum class Type {
        ResponseStarted,      //!< `conversation.response.started`: conversationId
        MessageOutputDelta,   //!< `message.output.delta`: a token, or one chunk
        ToolExecutionStarted, //!< `tool.execution.started`: name, arguments
        ToolExecutionDelta,   //!< `tool.execution.delta`: more arguments
        ToolExecutionDone,    //!< `tool.execution.done`: info
        FunctionCallDelta,    //!< `function.call.delta`: a function call (part of its arguments)
        AgentHandoffStarted,  //!< `agent.handoff.started`: the previous agent
        AgentHandoffDone,     //!< `agent.handoff.done`: the next agent
        ResponseDone,         //!< `conversation.response.done`: usage; the stream ends
        ResponseError,        //!< `conversation.response.error`: message, code; the stream ends
        Unknown,
    };

    Type type = Type::Unknown;
    //! Which output (timeline row) the event belongs to; -1 when absent.
    int outputIndex = -1;
    //! The output entry's id (message, tool execution, function call, handoff).
    QString id;
    QString agentId;
    QString model;

    //! MessageOutputDelta: which content piece; the role ("assistant").
    int contentIndex = 0;
    QString role;
    //! MessageOutputDelta: a text token when the content is a string...
    std::optional<QString> text;
    //! ...or one chunk (tool_reference, tool_file, thinking, image_url, text).
    std::optional<ContentChunk> chunk;

    //! Tool execution and function call events.
    QString name;
    QString arguments;
    QJsonObject info;
    QString toolCallId;
    std::optional<QString> confirmationStatus;

    //! ResponseStarted.
    QString conversationId;
    //! Handoff events.
    QString previousAgentId;
    QString previousAgentName;
    QString nextAgentId;
    QString nextAgentName;

    //! ResponseDone.
    Usage usage;
    //! ResponseError.
    QString errorMessage;
    int errorCode = 0;

    //! The event's data as received.
    QJsonObject raw;

    //! Decodes \a data; \a sseEvent is the `event:` name, used when the data has no `type`.
    static ConversationEvent fromJson(const QJsonObject &data, QByteArrayView sseEvent = {});

    //! The wire name ("message.output.delta", …; empty for Unknown).
    static QString typeName(Type type);
    static Type typeFromName(QStringView name);
    //! ResponseDone or ResponseError: nothing follows.
    bool isTerminal() const { return type == Type::ResponseDone || type == Type::ResponseError; }
};

} // namespace Tramontane
