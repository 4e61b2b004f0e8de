// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/Translations.h"

#include "core/Logging.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace Tramontane {

bool installTranslations(QCoreApplication *app, const QLocale &locale) {
    auto *qt = new QTranslator(app);
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;

    auto *own = new QTranslator(app);
    if (own->load(locale, u"tramontane"_s, u"_"_s, u":/i18n"_s)) {
        QCoreApplication::installTranslator(own);
        return true;
    }
    delete own;
    if (locale.language() != QLocale::English && locale.language() != QLocale::C)
        qCInfo(lcUi) << "no translation for" << locale.name() << "- showing English";
    return false;
}

} // namespace Tramontane
