// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/AppSettings.h"

#include "core/SettingsKeys.h"

#include <QJsonDocument>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace Tramontane::AppSettings {

SettingsDialog::Values read(const QSettings &s) {
    namespace K = SettingsKeys;
    SettingsDialog::Values v;
    v.demo = s.value(K::connectionMode).toString() != "api"_L1;
    v.baseUrl = QUrl(s.value(K::connectionBaseUrl).toString());
    v.defaultModel = s.value(K::defaultModel).toString();
    v.requestTimeoutSeconds =
        qBound(5, s.value(K::requestTimeoutSeconds, K::defaultRequestTimeoutSeconds).toInt(), 600);
    v.theme = themeFromName(s.value(K::theme).toString());
    v.language = s.value(K::language).toString();
    v.proxy.mode = ProxySettings::modeFromName(s.value(K::proxyMode).toString());
    v.proxy.host = s.value(K::proxyHost).toString();
    v.proxy.port = quint16(qBound(0, s.value(K::proxyPort, 0).toInt(), 65535));
    v.proxy.type = ProxySettings::typeFromName(s.value(K::proxyType).toString());
    v.proxy.user = s.value(K::proxyUser).toString();
    v.notifications = s.value(K::notificationsEnabled, true).toBool();
    v.chatTitles = s.value(K::chatTitlesGenerated, true).toBool();
    v.imageCacheMegabytes =
        qBound(16, s.value(K::imageCacheMegabytes, K::defaultImageCacheMegabytes).toInt(), 16384);
    v.newChatDefaults = ChatSettings::fromJson(
        QJsonDocument::fromJson(s.value(K::newChatDefaults).toString().toUtf8()).object());
    return v;
}

void write(QSettings &s, const SettingsDialog::Values &v) {
    namespace K = SettingsKeys;
    s.setValue(K::connectionMode, v.demo ? u"demo"_s : u"api"_s);
    s.setValue(K::connectionBaseUrl, v.baseUrl.toString());
    s.setValue(K::defaultModel, v.defaultModel);
    s.setValue(K::requestTimeoutSeconds, v.requestTimeoutSeconds);
    s.setValue(K::theme, themeName(v.theme));
    s.setValue(K::language, v.language);
    s.setValue(K::proxyMode, ProxySettings::modeName(v.proxy.mode));
    s.setValue(K::proxyHost, v.proxy.host);
    s.setValue(K::proxyPort, int(v.proxy.port));
    s.setValue(K::proxyType, ProxySettings::typeName(v.proxy.type));
    s.setValue(K::proxyUser, v.proxy.user);
    s.setValue(K::notificationsEnabled, v.notifications);
    s.setValue(K::chatTitlesGenerated, v.chatTitles);
    s.setValue(K::imageCacheMegabytes, v.imageCacheMegabytes);
    if (v.newChatDefaults.isDefault())
        s.remove(K::newChatDefaults);
    else
        s.setValue(K::newChatDefaults,
                   QString::fromUtf8(
                       QJsonDocument(v.newChatDefaults.toJson()).toJson(QJsonDocument::Compact)));
    // v.apiKey and v.proxyPassword are deliberately absent: secrets live in the keychain only.
}

} // namespace Tramontane::AppSettings
