// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/markdown/BidiControls.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tramontane::BidiControls {

namespace {

constexpr bool isControl(char16_t c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

} // namespace

bool contains(QStringView text) {
    return std::any_of(text.begin(), text.end(), [](QChar c) { return isControl(c.unicode()); });
}

QString neutralised(const QString &text) {
    return contains(text) ? neutralised(QStringView(text)) : text;
}

QString neutralised(QStringView text) {
    QString result;
    result.reserve(text.size() + 16);
    for (const QChar c : text) {
        if (!isControl(c.unicode())) {
            result.append(c);
            continue;
        }
        // U+2039 and U+203A: in every text font, and no markdown syntax.
        result.append(u"\u2039U+"_s);
        result.append(QString::number(c.unicode(), 16).toUpper());
        result.append(u'\u203A');
    }
    return result;
}

} // namespace Tramontane::BidiControls
