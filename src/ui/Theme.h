// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Tramontane {

//! The colours of the whole application: the system's, or light or dark whatever the system
//! says. Qt 6.4 has no colour-scheme hint to set, so light and dark are the Fusion style with
//! a palette of their own; System restores the style and palette the application started with.
//! Applied at once: every widget gets a PaletteChange event.
enum class Theme { System, Light, Dark };

QString themeName(Theme theme);
Theme themeFromName(const QString &name); //!< unknown names: System

void applyTheme(Theme theme);

} // namespace Tramontane
