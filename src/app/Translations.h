// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QCoreApplication;
class QLocale;

namespace Tramontane {

//! Installs the app's translation for \a locale (built into the resources from
//! translations/*.ts) and Qt's own strings (standard dialogs, shortcuts) when the system has
//! them. Returns true when the app has a translation for \a locale. Otherwise the interface is
//! in English, with the English catalogue of plural forms installed.
bool installTranslations(QCoreApplication *app, const QLocale &locale);

} // namespace Tramontane
