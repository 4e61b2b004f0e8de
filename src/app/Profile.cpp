// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/Profile.h"

#include <QDir>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Tramontane::Profile {

bool isValidName(const QString &name) {
    static const QRegularExpression pattern(u"^[A-Za-z0-9_-]{1,64}$"_s);
    return pattern.match(name).hasMatch();
}

QString directory(const QString &name) {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(u"profiles/"_s + name);
}

void useSettingsOf(const QString &name) {
    if (name == defaultName)
        return;
    // On Unix this path serves NativeFormat too; elsewhere the format is made INI so that it
    // is a file in the profile's folder, not a shared registry key.
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                       QDir(directory(name)).filePath(u"settings"_s));
}

} // namespace Tramontane::Profile
