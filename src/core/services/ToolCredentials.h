// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/Agent.h"
#include "core/protocol/Connector.h"
#include "core/protocol/Tool.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace Tramontane {

class OAuthTokenManager;
class SecretStore;

//! The credentials a user gives for connector tools (an OAuth2 access token or an API key,
//! sent as the tool's `authorization`), kept in the SecretStore and never in an agent or in
//! settings; and the per-request tools list that carries them.
//!
//! A credential is stored per connector under entry(), keyed by the connector's id (the key
//! the agent editor uses) or name. Besides those, the OAuth2 token a connector sign-in stored
//! under SecretStore::oauthTokenEntry() is used (the entry may hold the bare access token or
//! a JSON object with `access_token`).
class ToolCredentials final {
public:
    using CredentialCallback = std::function<void(
        const std::optional<ConnectorAuthorization> &credential, const QString &error)>;
    using ToolsCallback = std::function<void(const QList<Tool> &tools)>;
    using DoneCallback = std::function<void(bool ok, const QString &error)>;

    //! The SecretStore entry of the credential given for a connector's tools.
    static QString entry(const QString &connectorKey);

    //! Reads the credential for a connector: the one given for its tools, else the OAuth2
    //! token of a sign-in. \a callback gets nullopt when there is none, and the store's
    //! message when the store failed; it is skipped when \a context died.
    static void read(SecretStore *store, const QString &connectorKey, QObject *context,
                     CredentialCallback callback);
    //! Stores the credential given for a connector's tools; nullopt removes it.
    static void write(SecretStore *store, const QString &connectorKey,
                      const std::optional<ConnectorAuthorization> &credential, QObject *context,
                      DoneCallback callback);

    //! \a tools for one request: each connector tool that has no `authorization` gets the
    //! stored credential of its connector, when there is one. The keys tried are the tool's
    //! connector_id and, when \a connectors knows the connector, its id and its name. A
    //! store failure leaves the tool as it was (the request then fails with the server's own
    //! words). \a callback runs once, later (never from within this call), unless \a context
    //! died first.
    //!
    //! With \a oauth, a connector's OAuth sign-in token comes from it instead of straight from
    //! the store: refreshed first when it expires within a minute, and left out when the
    //! connector needs a new sign-in.
    static void authorizeTools(const QList<Tool> &tools, SecretStore *store, QObject *context,
                               ToolsCallback callback, const QList<Connector> &connectors = {},
                               OAuthTokenManager *oauth = nullptr);
    //! The tools of an agent for a request to /v1/agents/completions (see authorizeTools).
    static void authorizeAgentTools(const Agent &agent, SecretStore *store, QObject *context,
                                    ToolsCallback callback, const QList<Connector> &connectors = {},
                                    OAuthTokenManager *oauth = nullptr);

    //! After a connector refused a request's token: refreshes, through \a oauth, the sign-in
    //! token of every connector tool in \a sentTools that carried one from it. \a callback
    //! gets true when at least one token was renewed (the request is worth sending again),
    //! false when none was (no sign-in, or the provider refused: sign in again). It runs once,
    //! later, unless \a context died.
    static void refreshTools(const QList<Tool> &sentTools, OAuthTokenManager *oauth,
                             QObject *context, std::function<void(bool refreshed)> callback,
                             const QList<Connector> &connectors = {});

    //! Reads a stored credential value: the JSON {type, value} written by write(), or an
    //! OAuth2 sign-in entry (a bare token, or JSON with `access_token`) when \a oauthEntry.
    static std::optional<ConnectorAuthorization> parseStored(const QString &stored,
                                                             bool oauthEntry);
};

} // namespace Tramontane
