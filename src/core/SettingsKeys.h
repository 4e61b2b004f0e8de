// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLatin1StringView>

//! Every key of the settings file, in one place. Secrets never go there: the API key and
//! connector credentials live in the keychain (SecretStore).
namespace Tramontane::SettingsKeys {

using namespace Qt::StringLiterals;

// Connection
inline constexpr QLatin1StringView connectionMode = "connection/mode"_L1; //!< "demo" or "api"
inline constexpr QLatin1StringView connectionBaseUrl = "connection/baseUrl"_L1;
//! Idle timeout of API requests, in seconds.
inline constexpr QLatin1StringView requestTimeoutSeconds = "connection/requestTimeoutSeconds"_L1;
inline constexpr int defaultRequestTimeoutSeconds = 30;

// Chat
inline constexpr QLatin1StringView defaultModel = "chat/defaultModel"_L1; //!< empty: last used
inline constexpr QLatin1StringView lastTarget = "chat/lastTarget"_L1;     //!< "model:id"/"agent:id"
//! Chats are named by a small model after their first answer (default true).
inline constexpr QLatin1StringView chatTitlesGenerated = "chat/generateTitles"_L1;
inline constexpr QLatin1StringView sidebarWidth = "chat/sidebarWidth"_L1;
inline constexpr QLatin1StringView sidebarVisible = "chat/sidebarVisible"_L1;
//! The settings new chats start with: ChatSettings::toJson() as compact JSON text.
inline constexpr QLatin1StringView newChatDefaults = "chat/newChatDefaults"_L1;

// Appearance
inline constexpr QLatin1StringView theme = "appearance/theme"_L1; //!< "system", "light", "dark"
//! A language code ("en", "fr", "de") or empty for the system's; read at start.
inline constexpr QLatin1StringView language = "appearance/language"_L1;

// Network
inline constexpr QLatin1StringView proxyMode = "network/proxy"_L1; //!< "system", "none", "manual"
inline constexpr QLatin1StringView proxyHost = "network/proxyHost"_L1;
inline constexpr QLatin1StringView proxyPort = "network/proxyPort"_L1;
inline constexpr QLatin1StringView proxyType = "network/proxyType"_L1; //!< "http" or "socks5"
//! The manual proxy's user name; its password is in the keychain, never here.
inline constexpr QLatin1StringView proxyUser = "network/proxyUser"_L1;

// Storage
inline constexpr QLatin1StringView imageCacheMegabytes = "storage/imageCacheMegabytes"_L1;
inline constexpr int defaultImageCacheMegabytes = 512;

// Privacy
inline constexpr QLatin1StringView notificationsEnabled = "notifications/enabled"_L1;

// Window
inline constexpr QLatin1StringView windowGeometry = "window/geometry"_L1;
inline constexpr QLatin1StringView windowState = "window/state"_L1;

} // namespace Tramontane::SettingsKeys
