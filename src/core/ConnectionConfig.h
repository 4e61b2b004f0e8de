// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

namespace Tramontane {

//! Where the app sends its requests and which key it uses, decided once at start from the
//! command line, the environment and the settings. Pure logic, so every precedence rule is
//! unit-tested:
//! - `--demo` always means the bundled offline emulator;
//! - MISTRAL_API_KEY in the environment means the real API (the key is never stored);
//! - an explicit `--base-url` or TRAMONTANE_BASE_URL means that server, with the key from the
//!   environment or the keychain;
//! - otherwise the mode saved in the settings: the real API with the keychain's key, or demo;
//! - nothing chosen yet (a first start): the real API if the keychain holds a key, else the
//!   app welcomes the person and offers both ways (firstRun).
struct ConnectionConfig {
    enum class Mode { Demo, Api };
    enum class KeySource { Emulator, Environment, Keychain };

    Mode mode = Mode::Demo;
    KeySource keySource = KeySource::Emulator;
    QUrl baseUrl;   //!< empty in demo mode until the emulator reports its address
    QString apiKey; //!< from the environment only; keychain keys are read asynchronously
    QString reason; //!< why this mode was chosen, for the status bar and logs
    //! Nothing chosen yet: without a key in the keychain the app shows its welcome page
    //! instead of asking anything (mode Api, key source Keychain).
    bool firstRun = false;

    struct Inputs {
        bool demoFlag = false;
        QString baseUrlArgument; //!< --base-url
        QString baseUrlEnv;      //!< TRAMONTANE_BASE_URL
        QString apiKeyEnv;       //!< MISTRAL_API_KEY
        QString settingsMode;    //!< "demo" or "api" (empty: never chosen)
        QString settingsBaseUrl; //!< the address saved in the settings
    };

    static QUrl defaultBaseUrl() { return QUrl(QStringLiteral("https://api.mistral.ai")); }

    static ConnectionConfig resolve(const Inputs &in);

    //! Checks an API address typed by a user or given on the command line: https, or plain http
    //! only on a loopback host (the emulator, a local proxy). Returns an empty string when
    //! acceptable, else a sentence saying what is wrong.
    static QString validateBaseUrl(const QUrl &url);

    static QString modeName(Mode mode);
};

} // namespace Tramontane
