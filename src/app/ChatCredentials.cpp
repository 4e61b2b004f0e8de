// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/ChatCredentials.h"

#include "core/services/ToolCredentials.h"
#include "models/AgentListModel.h"
#include "models/ChatSession.h"
#include "models/ConnectorListModel.h"

namespace Tramontane {

ChatCredentials::ChatCredentials(SecretStore *secrets, OAuthTokenManager *oauth,
                                 AgentListModel *agents, ConnectorListModel *connectors)
    : m_secrets(secrets)
    , m_oauth(oauth)
    , m_agents(agents)
    , m_connectors(connectors) {}

namespace {

std::optional<Agent> findAgent(const AgentListModel *agents, const QString &agentId) {
    for (const Agent &agent : agents->accountAgents()) {
        if (agent.id == agentId)
            return agent;
    }
    return std::nullopt;
}

} // namespace

std::optional<Agent> ChatCredentials::agent(const QString &agentId) const {
    return findAgent(m_agents, agentId);
}

void ChatCredentials::serve(ChatSession *session) const {
    // The callbacks hold the objects, not this one: they may outlive it.
    SecretStore *secrets = m_secrets;
    OAuthTokenManager *oauth = m_oauth;
    AgentListModel *agents = m_agents;
    ConnectorListModel *connectorList = m_connectors;
    session->setAgentResolver(
        [agents](const QString &agentId) { return findAgent(agents, agentId); });
    session->setToolAuthorizer([=](ChatSession::TargetKind kind, const QString &targetId,
                                   const QList<Tool> &tools, QObject *context,
                                   std::function<void(const QList<Tool> &)> done) {
        const QList<Connector> connectors = connectorList->connectors();
        if (kind == ChatSession::TargetKind::Agent) {
            if (const std::optional<Agent> found = findAgent(agents, targetId)) {
                ToolCredentials::authorizeAgentTools(*found, secrets, context, done, connectors,
                                                     oauth);
                return;
            }
        }
        ToolCredentials::authorizeTools(tools, secrets, context, done, connectors, oauth);
    });
    // A connector that refuses its token during a turn: the token is refreshed once and the
    // turn sent again; a refused refresh ends the turn with the connector's error, whose hint
    // says to sign in again on the Connectors page.
    session->setCredentialRefresher([oauth, connectorList](const QList<Tool> &sent,
                                                           QObject *context,
                                                           std::function<void(bool)> done) {
        ToolCredentials::refreshTools(sent, oauth, context, std::move(done),
                                      connectorList->connectors());
    });
}

} // namespace Tramontane
