// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/ProxySettings.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QNetworkProxyFactory>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

bool isLoopback(const QString &host) {
    if (host.compare("localhost"_L1, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

class Factory final : public QNetworkProxyFactory {
public:
    Factory(ProxySettings settings, QString password)
        : m_settings(std::move(settings))
        , m_password(std::move(password)) {}

    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override {
        if (isLoopback(query.peerHostName()) || m_settings.mode == ProxySettings::Mode::None
            || (m_settings.mode == ProxySettings::Mode::Manual && !m_settings.problem().isEmpty()))
            return {QNetworkProxy(QNetworkProxy::NoProxy)};
        if (m_settings.mode == ProxySettings::Mode::Manual) {
            const bool socks = m_settings.type == ProxySettings::Type::Socks5;
            QNetworkProxy proxy(socks ? QNetworkProxy::Socks5Proxy : QNetworkProxy::HttpProxy,
                                m_settings.host, m_settings.port);
            if (!m_settings.user.isEmpty()) {
                proxy.setUser(m_settings.user);
                proxy.setPassword(m_password);
            }
            return {proxy};
        }
        return systemProxyForQuery(query);
    }

private:
    ProxySettings m_settings;
    QString m_password;
};

} // namespace

QString ProxySettings::modeName(Mode mode) {
    switch (mode) {
    case Mode::None:
        return u"none"_s;
    case Mode::Manual:
        return u"manual"_s;
    case Mode::System:
        break;
    }
    return u"system"_s;
}

ProxySettings::Mode ProxySettings::modeFromName(const QString &name) {
    if (name == "none"_L1)
        return Mode::None;
    if (name == "manual"_L1)
        return Mode::Manual;
    return Mode::System;
}

QString ProxySettings::typeName(Type type) {
    return type == Type::Socks5 ? u"socks5"_s : u"http"_s;
}

ProxySettings::Type ProxySettings::typeFromName(const QString &name) {
    return name == "socks5"_L1 ? Type::Socks5 : Type::Http;
}

QString ProxySettings::problem() const {
    if (mode != Mode::Manual)
        return {};
    if (host.trimmed().isEmpty() || host.contains(u' ') || host.contains(u'/'))
        return QCoreApplication::translate("ProxySettings", "Enter the proxy's host name.");
    if (port == 0)
        return QCoreApplication::translate("ProxySettings", "Enter the proxy's port (1 to 65535).");
    return {};
}

void ProxySettings::apply(const QString &password) const {
    // Takes ownership; replacing it deletes the previous factory.
    QNetworkProxyFactory::setApplicationProxyFactory(new Factory(*this, password));
}

} // namespace Tramontane
