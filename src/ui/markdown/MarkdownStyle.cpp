// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/markdown/MarkdownStyle.h"

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
    return style;
}

} // namespace Tramontane
