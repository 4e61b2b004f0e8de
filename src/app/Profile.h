// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Tramontane::Profile {

//! The profile used without --profile.
inline const QString defaultName = QStringLiteral("default");

//! Letters, digits, '_' and '-', 1 to 64 of them: a name that is safe as a folder name.
bool isValidName(const QString &name);

//! The folder holding the profile's history, caches and (except for the default profile)
//! settings: `<app data>/profiles/<name>`.
QString directory(const QString &name);

//! Makes every QSettings the process creates with the default constructor read and write the
//! profile's own settings file, so profiles share nothing. The default profile keeps the
//! platform's usual place, where settings were before profiles had their own. Call it once,
//! before the first QSettings is created.
void useSettingsOf(const QString &name);

} // namespace Tramontane::Profile
