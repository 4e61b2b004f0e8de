// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ConnectionConfig.h"

#include "core/net/ApiClient.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Tramontane {

QString ConnectionConfig::validateBaseUrl(const QUrl &url) {
    // One rule for API addresses, kept by the client that uses them.
    return ApiClient::checkBaseUrl(url);
}

QString ConnectionConfig::modeName(Mode mode) {
    return mode == Mode::Demo ? u"demo"_s : u"api"_s;
}

ConnectionConfig ConnectionConfig::resolve(const Inputs &in) {
    ConnectionConfig c;
    if (in.demoFlag) {
        c.reason = QCoreApplication::translate("ConnectionConfig", "demo mode requested");
        return c;
    }

    const QString explicitUrl = !in.baseUrlArgument.isEmpty() ? in.baseUrlArgument : in.baseUrlEnv;
    const QString key = in.apiKeyEnv.trimmed();

    const bool nothingChosen = in.settingsMode != u"demo"_s && in.settingsMode != u"api"_s;
    if (!key.isEmpty() || !explicitUrl.isEmpty() || !nothingChosen) {
        if (key.isEmpty() && explicitUrl.isEmpty() && in.settingsMode == u"demo"_s) {
            c.reason = QCoreApplication::translate("ConnectionConfig", "offline demo chosen");
            return c;
        }
        c.mode = Mode::Api;
        if (!explicitUrl.isEmpty())
            c.baseUrl = QUrl::fromUserInput(explicitUrl);
        else if (!in.settingsBaseUrl.isEmpty())
            c.baseUrl = QUrl::fromUserInput(in.settingsBaseUrl);
        else
            c.baseUrl = defaultBaseUrl();
        if (!key.isEmpty()) {
            c.keySource = KeySource::Environment;
            c.apiKey = key;
            c.reason =
                QCoreApplication::translate("ConnectionConfig", "API key from MISTRAL_API_KEY");
        } else {
            c.keySource = KeySource::Keychain;
            c.reason =
                QCoreApplication::translate("ConnectionConfig", "API key from the system keychain");
        }
        return c;
    }

    // A first start: the keychain may hold a key from an earlier installation; without one,
    // the welcome page explains the two ways instead of silently opening the demo.
    c.mode = Mode::Api;
    c.keySource = KeySource::Keychain;
    c.firstRun = true;
    c.baseUrl =
        in.settingsBaseUrl.isEmpty() ? defaultBaseUrl() : QUrl::fromUserInput(in.settingsBaseUrl);
    c.reason = QCoreApplication::translate("ConnectionConfig", "API key from the system keychain");
    return c;
}

} // namespace Tramontane
