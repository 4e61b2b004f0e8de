// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/forms/StatusColors.h"

#include <QLabel>
#include <QPalette>
#include <QtMath>

namespace Tramontane::StatusColors {

namespace {

constexpr double kMinimumContrast = 4.5;

double channel(double c) {
    return c <= 0.04045 ? c / 12.92 : qPow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor &color) {
    const QColor rgb = color.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF())
           + 0.0722 * channel(rgb.blueF());
}

// Hue and saturation (HSL, 0-359 and 0-255) of each kind.
struct Tint {
    int hue;
    int saturation;
};

Tint tintOf(Kind kind) {
    switch (kind) {
    case Kind::Error:
        return {2, 170};
    case Kind::Warning:
        return {36, 200};
    case Kind::Ok:
        return {140, 150};
    case Kind::Normal:
        break;
    }
    return {0, 0};
}

} // namespace

double contrastRatio(const QColor &a, const QColor &b) {
    const double la = luminance(a);
    const double lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

QColor color(Kind kind, const QPalette &palette) {
    if (kind == Kind::Normal)
        return palette.color(QPalette::WindowText);
    const QColor window = palette.color(QPalette::Window);
    const Tint tint = tintOf(kind);
    // From a mid lightness towards the side away from the window: darker on a light window,
    // lighter on a dark one, until the text is readable.
    const bool darkWindow = luminance(window) < 0.18;
    int lightness = darkWindow ? 150 : 110;
    const int step = darkWindow ? 5 : -5;
    QColor candidate = QColor::fromHsl(tint.hue, tint.saturation, lightness);
    while (contrastRatio(candidate, window) < kMinimumContrast && lightness > 0
           && lightness < 255) {
        lightness = qBound(0, lightness + step, 255);
        candidate = QColor::fromHsl(tint.hue, tint.saturation, lightness);
    }
    return candidate;
}

void paint(QLabel *label, Kind kind, const QPalette &palette) {
    if (kind == Kind::Normal) {
        label->setPalette(QPalette()); // nothing set: the label follows its parent again
        return;
    }
    QPalette own;
    own.setColor(QPalette::WindowText, color(kind, palette));
    label->setPalette(own);
}

} // namespace Tramontane::StatusColors
