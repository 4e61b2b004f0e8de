// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/SettingsFileCheck.h"

#include "core/Logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace Tramontane {

QString checkSettingsFile(const QDateTime &now) {
    QString path;
    QSettings::Status status = QSettings::NoError;
    {
        const QSettings settings;
        path = settings.fileName();
        status = settings.status();
    }
    const QString shown = QDir::toNativeSeparators(path);
    if (status == QSettings::AccessError || (QFile::exists(path) && !QFileInfo(path).isReadable()))
        return QCoreApplication::translate("main",
                                           "The settings file %1 cannot be read: Tramontane "
                                           "starts with default settings and cannot save them "
                                           "until the file's permissions allow it.")
            .arg(shown);
    if (status != QSettings::FormatError)
        return {};
    const QString aside = path + u".damaged-"_s + now.toUTC().toString(u"yyyyMMdd-HHmmss"_s);
    if (!QFile::rename(path, aside)) {
        return QCoreApplication::translate("main",
                                           "The settings file %1 is damaged and cannot be moved "
                                           "aside: Tramontane starts with default settings; "
                                           "delete the file to save new ones.")
            .arg(shown);
    }
    qCWarning(lcUi).noquote() << "damaged settings file moved aside to" << aside;
    return QCoreApplication::translate("main",
                                       "The settings file was damaged: Tramontane kept it as %1 "
                                       "and starts with default settings.")
        .arg(QDir::toNativeSeparators(aside));
}

} // namespace Tramontane
