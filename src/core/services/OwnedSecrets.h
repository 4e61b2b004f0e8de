// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

#include <functional>

namespace Tramontane {

struct Agent;
struct Connector;
class SecretStore;

//! The one place that knows which SecretStore entries belong to what, so that deleting a
//! connector or an agent leaves nothing of it in the keychain. (A keychain cannot list its
//! entries: what is not named here is never found again.)
class OwnedSecrets final {
public:
    //! Called once every removal finished: \a ok is false when the store refused one, with
    //! its sentence in \a error.
    using DoneCallback = std::function<void(bool ok, const QString &error)>;

    //! Every entry a connector may own: the value of each header it declares (secret or not:
    //! a header may have been secret before), the credential given for its tools and the
    //! token of an OAuth sign-in, both under its id and under its name (ToolCredentials
    //! accepts either as the key), and the OAuth client secret entered for it.
    static QStringList ofConnector(const Connector &connector);
    //! Every entry an agent may own: none. The credentials the agent editor asks for belong to
    //! the connectors (ToolCredentials::entry(connector id)): every agent and chat that uses a
    //! connector shares them, so they go with the connector, not with one agent.
    static QStringList ofAgent(const Agent &agent);

    //! Removes \a entries from \a store (a missing entry counts as removed). \a done runs
    //! once, later, unless \a context died.
    static void remove(SecretStore *store, const QStringList &entries, QObject *context,
                       DoneCallback done = {});
};

} // namespace Tramontane
