// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/Translations.h"

#include "core/Logging.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace Tramontane {

bool installTranslations(QCoreApplication *app, const QLocale &locale) {
    // A second call (the language chosen in Settings, once the profile is known) replaces
    // what the first one installed.
    static QList<QPointer<QTranslator>> installed;
    for (const QPointer<QTranslator> &earlier : std::as_const(installed)) {
        if (earlier) {
            QCoreApplication::removeTranslator(earlier);
            delete earlier.data();
        }
    }
    installed.clear();
    auto *qt = new QTranslator(app);
    installed << qt;
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;

    // In English the catalogue holds only the plural forms of the `%n` messages, so that
    // "1 connector" never shows as "1 connector(s)"; it is also the fallback for languages
    // the app is not translated into.
    const bool english = locale.language() == QLocale::English || locale.language() == QLocale::C;
    auto *own = new QTranslator(app);
    installed << own;
    const bool translated = !english && own->load(locale, u"tramontane"_s, u"_"_s, u":/i18n"_s);
    if (translated || own->load(u"tramontane_en"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(own);
    else
        delete own;
    if (!english && !translated)
        qCInfo(lcUi) << "no translation for" << locale.name() << "- showing English";
    return translated;
}

} // namespace Tramontane
