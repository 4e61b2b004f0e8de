// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/ConnectorAuthState.h"

#include "core/auth/PlatformConnect.h"
#include "core/protocol/ConnectorCredentials.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tramontane {

QString ConnectorAuthState::mistralStateText(const Connector &connector) {
    if (PlatformConnect::isConnected(connector))
        return tr("Connected through Mistral");
    const QList<ConnectorCredential> credentials =
        ConnectorCredential::listFromJson(connector.connectionCredentials.value_or(QJsonArray()));
    const bool stale = std::any_of(credentials.cbegin(), credentials.cend(),
                                   [](const ConnectorCredential &c) { return !c.isUsable(); });
    return stale ? tr("Connect again") : tr("Not connected");
}

QString ConnectorAuthState::mistralWayText() {
    return tr("OAuth 2.0, held by Mistral");
}

QString ConnectorAuthState::clientWayText() {
    return tr("OAuth 2.0, signed in from this computer");
}

} // namespace Tramontane
