// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/Tool.h"

#include <QList>

namespace Tramontane {

struct Agent;

//! The one place that decides which endpoint runs a chat turn.
//!
//! Web search (and premium), code interpreter and document libraries run only in the
//! Conversations API; handoffs between agents execute only there; tool confirmations
//! (`tool_configuration.requires_confirmation`) exist only there. A turn that needs any of these
//! goes to `/v1/conversations`. Everything else stays where it runs today: a plain chat (also
//! with image generation, function tools or connectors) on `/v1/chat/completions`, and an
//! agent without such tools or handoffs on `/v1/agents/completions`.
namespace TurnEndpoint {

enum class Endpoint { ChatCompletions, AgentCompletions, Conversations };

//! True for a tool only the Conversations API runs (or confirms).
bool needsConversations(const Tool &tool);
//! The endpoint for a turn with the chat's \a tools, with \a agent when the chat talks to one
//! (null otherwise). The agent's own tools and handoffs count as well as the chat's tools.
Endpoint choose(const QList<Tool> &tools, const Agent *agent = nullptr);

} // namespace TurnEndpoint

} // namespace Tramontane
