// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/SettingsDialog.h"

class QSettings;

namespace Tramontane {

//! The Settings dialog's values in the settings file (keys in core/SettingsKeys.h). The API
//! key is never written: it goes to the keychain.
namespace AppSettings {

SettingsDialog::Values read(const QSettings &settings);
void write(QSettings &settings, const SettingsDialog::Values &values);

} // namespace AppSettings

} // namespace Tramontane
