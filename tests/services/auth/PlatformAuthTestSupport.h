// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OAuthTestSupport.h"

namespace Tramontane::Test {

//! OAuth client data for a connector whose client the platform holds: a confidential client
//! registered with the emulator's authorization server for the platform's callback.
struct PlatformClient {
    QString clientId;
    QString clientSecret;
    QString metadataUrl; //!< the server's RFC 8414 metadata
};

inline PlatformClient registerPlatformClient(HttpDriver &http) {
    PlatformClient client;
    client.clientId =
        registerClient(http, http.url(QStringLiteral("/__platform/oauth-callback")).toString(),
                       QStringLiteral("client_secret_post"), &client.clientSecret);
    client.metadataUrl =
        http.url(QStringLiteral("/.well-known/oauth-authorization-server/__oauth")).toString();
    return client;
}

} // namespace Tramontane::Test
