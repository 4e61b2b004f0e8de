// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/ConversationAccumulator.h"
#include "core/protocol/ConversationRequest.h"
#include "core/protocol/Message.h"

#include <QList>

//! The bridge between a Conversations API turn and the chat messages the rest of the client
//! keeps, stores and shows. A turn's outputs become the same messages a chat completion with
//! hosted tools gives (assistant tool call, tool result, answer), so citations, tool cards and
//! images are shown, stored and exported one way whichever endpoint ran.
namespace Tramontane::ConversationMessages {

//! `metadata` key of an assistant message that stands for a handoff between agents: an object
//! with `previous_agent_id`, `previous_agent_name`, `next_agent_id`, `next_agent_name`.
inline constexpr QLatin1StringView handoffKey{"handoff"};
//! `metadata` key of a function call that waits for the user's confirmation: "pending",
//! "allowed" or "denied".
inline constexpr QLatin1StringView confirmationKey{"confirmation_status"};
//! `metadata` key of a message written after a handoff: the agent answering now, an object with
//! `id` and `name` (the handoff's next agent; the name is its id when the server gave none).
inline constexpr QLatin1StringView agentKey{"agent"};
//! `metadata` key of a message made from a conversation's output: where it is on the server, an
//! object with `conversation_id` and `entry_id` (what a restart needs to continue after it).
inline constexpr QLatin1StringView entryKey{"conversation_entry"};

//! A server entry: its conversation and its id.
struct EntryRef {
    QString conversationId;
    QString entryId;
};

//! The chat messages of a turn's \a outputs, in order:
//! - a message: an assistant message with its content (tool_reference and tool_file chunks
//!   kept, so they show as citations and images);
//! - a hosted tool run: an assistant message with one hosted tool call (`metadata.tool_type` is
//!   the tool's name), then, once it finished, a tool message with its result. For
//!   code_interpreter the call's arguments are the code and the result is its output;
//! - a function call: an assistant message with the call (its confirmation status, when it
//!   has one, in the call's metadata);
//! - a handoff: an assistant message without content whose metadata holds handoffKey.
//! Every message after a handoff carries the agent it handed off to under agentKey. With a
//! \a conversationId, every message made from an output with an id carries both under
//! entryKey.
QList<ChatMessage> fromOutputs(const QList<ConversationOutput> &outputs,
                               const QString &conversationId = {});

//! True for a message fromOutputs() made for a handoff.
bool isHandoff(const ChatMessage &message);
//! The name of the agent that took over before \a message was written (agentKey), empty when
//! no handoff came before it.
QString agentName(const ChatMessage &message);
//! The server entry \a message was made from (entryKey), when it is known.
std::optional<EntryRef> entryRef(const ChatMessage &message);
//! The confirmation status of \a call ("pending", "allowed", "denied"), empty when it needs none.
QString confirmationStatus(const ToolCall &call);

//! The inputs that replay \a history (a new conversation for a chat that has earlier turns):
//! the user's text and attached images (userInput()) and the assistant's text, as
//! `message.input` entries; tool calls, tool results and handoffs are left out. One user
//! message alone, without images, is sent as a plain string.
ConversationInputs replay(const QList<ChatMessage> &history);

//! A user message's content as a conversation input: its text, or, when it carries images
//! (`image_url`) or documents (`document_url`, or the text read from one), a text chunk
//! followed by those chunks.
MessageContent userInput(const MessageContent &content);

} // namespace Tramontane::ConversationMessages
