// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/Agent.h"
#include "core/protocol/Tool.h"

#include <functional>
#include <optional>

namespace Tramontane {

class AgentListModel;
class ChatSession;
class ConnectorListModel;
class OAuthTokenManager;
class SecretStore;

//! What a chat request carries besides its messages, from the account's lists and the
//! keychain: the agent a chat talks to (from the agent list), each connector tool's credentials
//! (kept in the keychain; an OAuth connector's access token through the token manager, renewed
//! first when it is about to expire; an agent's own tools with theirs), and one refresh of a
//! token the connector refused during a turn.
class ChatCredentials final {
public:
    //! Nothing is owned; the objects must outlive the sessions served.
    ChatCredentials(SecretStore *secrets, OAuthTokenManager *oauth, AgentListModel *agents,
                    ConnectorListModel *connectors);

    //! Gives \a session its agent resolver, tool authorizer and credential refresher (they
    //! use the objects above, not this one).
    void serve(ChatSession *session) const;

    //! The account's agent \a agentId, if the agent list has it.
    std::optional<Agent> agent(const QString &agentId) const;

private:
    SecretStore *m_secrets;
    OAuthTokenManager *m_oauth;
    AgentListModel *m_agents;
    ConnectorListModel *m_connectors;
};

} // namespace Tramontane
