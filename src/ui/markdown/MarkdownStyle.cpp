// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/markdown/MarkdownStyle.h"

#include "ui/ColourContrast.h"

#include <QFontDatabase>
#include <QGuiApplication>
#include <QPalette>

namespace Tramontane {

namespace {

QColor mix(const QColor &base, const QColor &over, qreal amount) {
    return QColor::fromRgbF(float(base.redF() + (over.redF() - base.redF()) * amount),
                            float(base.greenF() + (over.greenF() - base.greenF()) * amount),
                            float(base.blueF() + (over.blueF() - base.blueF()) * amount));
}

} // namespace

std::array<QColor, CodeTokenCount> MarkdownStyle::codeColoursOn(const QColor &background) {
    // In CodeToken order: keyword, type, string, comment, number, preprocessor, function,
    // variable, added, removed.
    static constexpr QRgb light[CodeTokenCount] = {0x8a2be2, 0x9a6700, 0x1a7f37, 0x6e7781,
                                                   0xb35900, 0x0a7ea4, 0x0550ae, 0x953800,
                                                   0x1a7f37, 0xcf222e};
    static constexpr QRgb dark[CodeTokenCount] = {0xd2a8ff, 0xe3b341, 0x7ee787, 0x8b949e, 0xffa657,
                                                  0x56d4dd, 0x79c0ff, 0xffa198, 0x7ee787, 0xff7b72};
    const bool darkBackground = background.lightnessF() < 0.5;
    // The direction to move in: towards whichever of white and black stands out more.
    const bool lighten =
        ColourContrast::ratio(Qt::white, background) > ColourContrast::ratio(Qt::black, background);
    std::array<QColor, CodeTokenCount> colours;
    for (int i = 0; i < CodeTokenCount; ++i) {
        QColor c = QColor::fromRgb(darkBackground ? dark[i] : light[i]);
        // Palettes vary: move away from the background until the text is readable.
        for (int step = 0;
             step < 24 && ColourContrast::ratio(c, background) < ColourContrast::Readable; ++step)
            c = lighten ? c.lighter(112) : c.darker(112);
        if (ColourContrast::ratio(c, background) < ColourContrast::Readable)
            c = lighten ? QColor(Qt::white) : QColor(Qt::black);
        colours[size_t(i)] = c;
    }
    return colours;
}

MarkdownStyle MarkdownStyle::fromApplication() {
    const QPalette palette = QGuiApplication::palette();
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    MarkdownStyle style;
    style.bodyFont = QGuiApplication::font();
    style.monoFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    style.text = text;
    style.link = palette.color(QPalette::Link);
    style.muted = mix(base, text, 0.65);
    style.codeBackground = mix(base, text, 0.05);
    style.codeBorder = mix(base, text, 0.14);
    style.inlineCodeBackground = mix(base, text, 0.08);
    style.tableBorder = mix(base, text, 0.25);
    style.tableHeaderBackground = mix(base, text, 0.05);
    style.background = base;
    style.codeColours = codeColoursOn(style.codeBackground);
    return style;
}

} // namespace Tramontane
