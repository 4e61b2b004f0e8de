// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Tramontane {

//! How the app reaches the network: the system's proxy configuration, no proxy, or an HTTP
//! proxy given by host and port. apply() installs it for every network access of the process at
//! once (QNetworkProxyFactory::setApplicationProxyFactory); loopback addresses (the offline
//! emulator, the OAuth reply handler) never go through a proxy.
struct ProxySettings {
    enum class Mode { System, None, Manual };

    Mode mode = Mode::System;
    QString host;
    quint16 port = 0;

    friend bool operator==(const ProxySettings &, const ProxySettings &) = default;

    static QString modeName(Mode mode);
    static Mode modeFromName(const QString &name); //!< unknown names: System

    //! An empty string when usable, else a sentence (a manual proxy needs a host and a port).
    QString problem() const;

    //! Applies these settings to the whole process; an unusable manual proxy means none.
    void apply() const;
};

} // namespace Tramontane
