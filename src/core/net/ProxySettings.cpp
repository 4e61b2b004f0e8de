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
    explicit Factory(ProxySettings settings)
        : m_settings(std::move(settings)) {}

    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override {
        if (isLoopback(query.peerHostName()) || m_settings.mode == ProxySettings::Mode::None
            || (m_settings.mode == ProxySettings::Mode::Manual && !m_settings.problem().isEmpty()))
            return {QNetworkProxy(QNetworkProxy::NoProxy)};
        if (m_settings.mode == ProxySettings::Mode::Manual)
            return {QNetworkProxy(QNetworkProxy::HttpProxy, m_settings.host, m_settings.port)};
        return systemProxyForQuery(query);
    }

private:
    ProxySettings m_settings;
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

QString ProxySettings::problem() const {
    if (mode != Mode::Manual)
        return {};
    if (host.trimmed().isEmpty() || host.contains(u' ') || host.contains(u'/'))
        return QCoreApplication::translate("ProxySettings", "Enter the proxy's host name.");
    if (port == 0)
        return QCoreApplication::translate("ProxySettings", "Enter the proxy's port (1 to 65535).");
    return {};
}

void ProxySettings::apply() const {
    // Takes ownership; replacing it deletes the previous factory.
    QNetworkProxyFactory::setApplicationProxyFactory(new Factory(*this));
}

} // namespace Tramontane
