// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/forms/StatusColors.h"

#include "ui/ColourContrast.h"

#include <QLabel>
#include <QPalette>
#include <QtMath>

namespace Tramontane::StatusColors {

namespace {

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

QColor color(Kind kind, const QPalette &palette) {
    if (kind == Kind::Normal)
        return palette.color(QPalette::WindowText);
    const QColor window = palette.color(QPalette::Window);
    const Tint tint = tintOf(kind);
    // From a mid lightness towards the side away from the window: darker on a light window,
    // lighter on a dark one, until the text is readable.
    const bool darkWindow =
        ColourContrast::ratio(Qt::white, window) > ColourContrast::ratio(Qt::black, window);
    int lightness = darkWindow ? 150 : 110;
    const int step = darkWindow ? 5 : -5;
    QColor candidate = QColor::fromHsl(tint.hue, tint.saturation, lightness);
    while (ColourContrast::ratio(candidate, window) < ColourContrast::Readable && lightness > 0
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
