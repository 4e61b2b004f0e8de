// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

namespace Tramontane {

//! Checks the settings file before anything reads it. A damaged file (QSettings reports a
//! format error) is moved aside, beside itself, so that the app starts with default settings
//! and can save new ones; an unreadable one is left alone. Returns one sentence for the person
//! saying what happened and what now, or an empty string when the file is fine or absent.
QString checkSettingsFile(const QDateTime &now = QDateTime::currentDateTime());

} // namespace Tramontane
