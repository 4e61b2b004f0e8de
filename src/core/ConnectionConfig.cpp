// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ConnectionConfig.h"

#include <QCoreApplication>
#include <QHostAddress>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

bool isLoopbackHost(const QString &host) {
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

QString ConnectionConfig::validateBaseUrl(const QUrl &url) {
    if (!url.isValid() || url.host().isEmpty())
        return QCoreApplication::translate("ConnectionConfig",
                                           "The API address is not a valid URL.");
    if (url.scheme() == u"https"_s)
        return {};
    if (url.scheme() == u"http"_s) {
        if (isLoopbackHost(url.host()))
            return {};
        return QCoreApplication::translate(
            "ConnectionConfig",
            "Plain http is only allowed on this computer (127.0.0.1 or localhost); use https.");
    }
    return QCoreApplication::translate("ConnectionConfig",
                                       "The API address must start with https://.");
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

    if (!key.isEmpty() || !explicitUrl.isEmpty() || in.settingsMode == u"api"_s) {
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

    c.reason =
        QCoreApplication::translate("ConnectionConfig", "no API key configured: offline demo");
    return c;
}

} // namespace Tramontane
