// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/Connector.h"

#include <QCoreApplication>
#include <QString>

namespace Tramontane {

//! How a connector is signed in to, and the words for its state, wherever connectors are
//! listed. Two ways exist for OAuth: this computer holds the client and the tokens (the
//! OAuth settings kept here, ConnectorSignIn), or Mistral holds them (the connector was
//! created with OAuth client data, PlatformConnect).
class ConnectorAuthState final {
    Q_DECLARE_TR_FUNCTIONS(ConnectorAuthState)

public:
    //! True when Mistral holds the connector's OAuth client: it offers an "oauth2" method.
    //! (A connector signed in to from this computer is decided by its local settings first.)
    static bool isMistralHeld(const Connector &connector) { return connector.supportsOAuth2(); }
    //! The state of a connector whose OAuth client Mistral holds: "Connected through Mistral",
    //! "Not connected", or "Connect again" when the API says the credential is no longer
    //! valid.
    static QString mistralStateText(const Connector &connector);
    //! The short name of each way, for a details line: "OAuth 2.0, held by Mistral" and
    //! "OAuth 2.0, signed in from this computer".
    static QString mistralWayText();
    static QString clientWayText();
};

} // namespace Tramontane
