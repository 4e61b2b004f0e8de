// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Tramontane {

//! How the app reaches the network: the system's proxy configuration, no proxy, or an HTTP or
//! SOCKS5 proxy given by host and port, with an optional user name. apply() installs it for
//! every network access of the process at once (QNetworkProxyFactory::
//! setApplicationProxyFactory); loopback addresses (the offline emulator, the OAuth reply
//! handler) never go through a proxy. The password is not part of the settings: it lives in the
//! keychain (SecretStore::proxyPasswordEntry()) and is handed to apply().
struct ProxySettings {
    enum class Mode { System, None, Manual };
    enum class Type { Http, Socks5 };

    Mode mode = Mode::System;
    QString host;
    quint16 port = 0;
    Type type = Type::Http;
    QString user; //!< empty: the proxy asks for no sign-in

    friend bool operator==(const ProxySettings &, const ProxySettings &) = default;

    static QString modeName(Mode mode);
    static Mode modeFromName(const QString &name); //!< unknown names: System
    static QString typeName(Type type);            //!< "http", "socks5"
    static Type typeFromName(const QString &name); //!< unknown names: Http

    //! An empty string when usable, else a sentence (a manual proxy needs a host and a port).
    QString problem() const;

    //! Applies these settings to the whole process with the proxy's \a password (used only with
    //! a user name); an unusable manual proxy means none.
    void apply(const QString &password = {}) const;
};

} // namespace Tramontane
