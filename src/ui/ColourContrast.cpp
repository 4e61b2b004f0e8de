// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ColourContrast.h"

#include <QtMath>

namespace Tramontane::ColourContrast {

namespace {

double channel(double c) {
    return c <= 0.04045 ? c / 12.92 : qPow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor &color) {
    const QColor rgb = color.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF())
           + 0.0722 * channel(rgb.blueF());
}

} // namespace

double ratio(const QColor &a, const QColor &b) {
    const double la = luminance(a);
    const double lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

} // namespace Tramontane::ColourContrast
