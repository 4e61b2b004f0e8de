// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/TurnEndpoint.h"

#include "core/protocol/Agent.h"

#include <algorithm>

namespace Tramontane::TurnEndpoint {

bool needsConversations(const Tool &tool) {
    switch (tool.type) {
    case Tool::Type::WebSearch:
    case Tool::Type::WebSearchPremium:
    case Tool::Type::CodeInterpreter:
    case Tool::Type::DocumentLibrary:
        return true;
    case Tool::Type::Function:
    case Tool::Type::ImageGeneration:
    case Tool::Type::Connector:
    case Tool::Type::Unknown:
        break;
    }
    const auto &confirm =
        tool.toolConfiguration ? tool.toolConfiguration->requiresConfirmation : std::nullopt;
    return confirm && !confirm->isEmpty();
}

Endpoint choose(const QList<Tool> &tools, const Agent *agent) {
    const bool chatNeeds = std::any_of(tools.cbegin(), tools.cend(), needsConversations);
    if (!agent)
        return chatNeeds ? Endpoint::Conversations : Endpoint::ChatCompletions;
    const bool agentNeeds =
        std::any_of(agent->tools.cbegin(), agent->tools.cend(), needsConversations)
        || (agent->handoffs && !agent->handoffs->isEmpty());
    return chatNeeds || agentNeeds ? Endpoint::Conversations : Endpoint::AgentCompletions;
}

} // namespace Tramontane::TurnEndpoint
