// SPDX-License-Identifier: GPL-3.0-or-later
#include "MarkingTranslator.h"

using namespace Qt::StringLiterals;

namespace Test {

QString MarkingTranslator::translate(const char *, const char *sourceText, const char *,
                                     int n) const {
    QString text = QString::fromUtf8(sourceText);
    if (n >= 0)
        text.replace("%n"_L1, QString::number(n));
    return u"«"_s + text + u"»"_s;
}

} // namespace Test
