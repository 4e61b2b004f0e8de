// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chat/ChatStyle.h"

#include <QFontDatabase>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Tramontane {

ChatStyle::ChatStyle()
    : ChatStyle(QGuiApplication::palette(), QGuiApplication::font()) {}

ChatStyle::ChatStyle(const QPalette &palette, const QFont &viewFont)
    : font(viewFont)
    , fm(viewFont)
    , boldFm(viewFont)
    , smallFm(viewFont)
    , monoFm(viewFont) {
    base = palette.color(QPalette::Base);
    text = palette.color(QPalette::Text);
    const bool dark = base.lightnessF() < 0.5;
    accent = palette.color(QPalette::Highlight);
    selection = palette.color(QPalette::Highlight);
    selectionText = palette.color(QPalette::HighlightedText);
    muted = mix(base, text, 0.62);
    faint = mix(base, text, 0.3);
    userBubble = mix(base, accent, dark ? 0.24 : 0.12);
    cardBackground = mix(base, text, dark ? 0.06 : 0.03);
    cardBorder = mix(base, text, dark ? 0.2 : 0.13);
    codeBackground = mix(base, text, dark ? 0.09 : 0.05);
    buttonHover = mix(base, text, dark ? 0.16 : 0.08);
    buttonBorder = mix(base, text, dark ? 0.28 : 0.2);
    success = dark ? QColor(0x5f, 0xc9, 0x7e) : QColor(0x1f, 0x8a, 0x46);
    danger = dark ? QColor(0xf2, 0x73, 0x6b) : QColor(0xc4, 0x2b, 0x1c);
    const QColor amber = dark ? QColor(0xe8, 0xb3, 0x4a) : QColor(0xb7, 0x79, 0x0d);
    errorBackground = mix(base, danger, dark ? 0.16 : 0.08);
    errorBorder = mix(base, danger, dark ? 0.45 : 0.35);
    warningBackground = mix(base, amber, dark ? 0.16 : 0.1);
    warningBorder = mix(base, amber, dark ? 0.45 : 0.4);
    infoBackground = mix(base, accent, dark ? 0.14 : 0.07);
    infoBorder = mix(base, accent, dark ? 0.4 : 0.3);
    // Find matches: amber, as people know it from browsers; the current one saturated, with
    // dark text on it in both themes (contrast checked in tst_chatfind).
    findMatch = dark ? QColor(0x6e, 0x55, 0x12) : QColor(0xfd, 0xe6, 0x8a);
    findMatchText = dark ? QColor(0xff, 0xf7, 0xe0) : QColor(0x1f, 0x1a, 0x0a);
    findCurrent = dark ? QColor(0xff, 0xa9, 0x2e) : QColor(0xf5, 0x8a, 0x07);
    findCurrentText = QColor(0x14, 0x10, 0x05);

    bold = font;
    bold.setWeight(QFont::DemiBold);
    boldFm = QFontMetricsF(bold);
    small = font;
    if (font.pointSizeF() > 0)
        small.setPointSizeF(font.pointSizeF() * 0.88);
    else
        small.setPixelSize(qMax(9, qRound(font.pixelSize() * 0.88)));
    smallFm = QFontMetricsF(small);
    mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (font.pointSizeF() > 0)
        mono.setPointSizeF(font.pointSizeF() * 0.92);
    monoFm = QFontMetricsF(mono);

    // Sizes follow the font so large fonts get room.
    const int line = qCeil(fm.height());
    cardHeader = qMax(38, line + 20);
    footerHeight = qMax(26, qCeil(smallFm.height()) + 10);
    buttonHeight = qMax(24, qCeil(smallFm.height()) + 8);
}

QColor ChatStyle::mix(const QColor &a, const QColor &b, qreal amount) {
    const auto lerp = [amount](float x, float y) {
        return float(x + (y - x) * amount);
    };
    return QColor::fromRgbF(lerp(a.redF(), b.redF()), lerp(a.greenF(), b.greenF()),
                            lerp(a.blueF(), b.blueF()), lerp(a.alphaF(), b.alphaF()));
}

QPixmap ChatStyle::icon(const QString &name, const QColor &color, int size, qreal dpr) const {
    const QString cacheKey = name + u'|' + color.name(QColor::HexArgb) + u'|'
                             + QString::number(size) + u'|' + QString::number(dpr);
    const auto it = m_icons.constFind(cacheKey);
    if (it != m_icons.cend())
        return *it;
    const int px = qMax(1, int(std::ceil(size * dpr)));
    QImage image(px, px, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QSvgRenderer renderer(u":/icons/chat/"_s + name + u".svg"_s);
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        renderer.render(&p, QRectF(0, 0, px, px));
        // The set is drawn in black: keep its shape, take the colour.
        p.setCompositionMode(QPainter::CompositionMode_SourceIn);
        p.fillRect(image.rect(), color);
    }
    QPixmap pixmap = QPixmap::fromImage(image);
    pixmap.setDevicePixelRatio(dpr);
    m_icons.insert(cacheKey, pixmap);
    return pixmap;
}

void ChatStyle::drawIcon(QPainter *painter, const QRectF &rect, const QString &name,
                         const QColor &color) const {
    const int size = int(qMin(rect.width(), rect.height()));
    if (size <= 0)
        return;
    const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    const QPixmap pm = icon(name, color, size, dpr);
    const QPointF topLeft(rect.center().x() - size / 2.0, rect.center().y() - size / 2.0);
    painter->drawPixmap(topLeft, pm);
}

} // namespace Tramontane
