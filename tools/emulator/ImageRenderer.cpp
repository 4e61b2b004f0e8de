// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImageRenderer.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QImage>
#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <QRadialGradient>

#include <random>

namespace Tramontane::Emulator {

QByteArray renderImage(const QString &prompt, int size) {
    const QByteArray digest = QCryptographicHash::hash(prompt.toUtf8(), QCryptographicHash::Sha256);
    std::seed_seq seq(digest.begin(), digest.end());
    std::mt19937 rng(seq);
    auto uniform = [&rng](double lo, double hi) {
        return std::uniform_real_distribution<double>(lo, hi)(rng);
    };
    auto hue = [&](double lo, double hi) {
        return int(uniform(lo, hi)) % 360;
    };

    QImage image(size, size, QImage::Format_RGB32);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    const double s = size;

    // Sky: a vertical gradient between two related hues; night when the seed says so.
    const bool night = uniform(0, 1) < 0.3;
    const int skyHue = night ? hue(210, 260) : hue(0, 360);
    QLinearGradient sky(0, 0, 0, s);
    sky.setColorAt(0, QColor::fromHsv(skyHue, night ? 200 : 120, night ? 60 : 235));
    sky.setColorAt(0.7, QColor::fromHsv((skyHue + 40) % 360, night ? 160 : 90, night ? 110 : 250));
    p.fillRect(image.rect(), sky);

    // Stars at night.
    if (night) {
        p.setPen(Qt::NoPen);
        for (int i = 0; i < 80; ++i) {
            p.setBrush(QColor(255, 255, 230, int(uniform(80, 255))));
            const double r = uniform(0.5, 1.8) * s / 512.0;
            p.drawEllipse(QPointF(uniform(0, s), uniform(0, s * 0.6)), r, r);
        }
    }

    // Sun or moon with a glow.
    const QPointF centre(uniform(0.15, 0.85) * s, uniform(0.12, 0.4) * s);
    const double radius = uniform(0.05, 0.11) * s;
    QRadialGradient glow(centre, radius * 3);
    const QColor light = night ? QColor(240, 240, 255) : QColor::fromHsv(hue(20, 55), 200, 255);
    QColor halo = light;
    halo.setAlpha(110);
    glow.setColorAt(0, halo);
    glow.setColorAt(1, QColor(0, 0, 0, 0));
    p.setPen(Qt::NoPen);
    p.setBrush(glow);
    p.drawEllipse(centre, radius * 3, radius * 3);
    p.setBrush(light);
    p.drawEllipse(centre, radius, radius);

    // Layers of hills, darker towards the front.
    const int layers = 3 + int(uniform(0, 3));
    const int groundHue = hue(60, 200);
    for (int layer = 0; layer < layers; ++layer) {
        const double base = s * (0.55 + 0.1 * layer);
        QPainterPath path(QPointF(0, s));
        path.lineTo(0, base);
        const int bumps = 3 + int(uniform(0, 4));
        double x = 0;
        for (int i = 0; i < bumps; ++i) {
            const double next = s * (i + 1) / bumps;
            const double peak = base - uniform(0.02, 0.16) * s;
            path.quadTo(QPointF((x + next) / 2, peak),
                        QPointF(next, base + uniform(-0.03, 0.03) * s));
            x = next;
        }
        path.lineTo(s, s);
        path.closeSubpath();
        const int value = night ? 40 + 15 * layer : 200 - 35 * layer;
        p.setBrush(QColor::fromHsv((groundHue + 12 * layer) % 360, 110 + 20 * layer,
                                   std::clamp(value, 20, 255)));
        p.drawPath(path);
    }

    // A few translucent shapes, so two prompts never look alike.
    const int shapes = 3 + int(uniform(0, 5));
    for (int i = 0; i < shapes; ++i) {
        QColor c = QColor::fromHsv(hue(0, 360), int(uniform(90, 220)), int(uniform(150, 255)));
        c.setAlpha(int(uniform(60, 150)));
        p.setBrush(c);
        const QPointF at(uniform(0, s), uniform(0.3 * s, s));
        const double w = uniform(0.03, 0.12) * s;
        if (i % 2 == 0) {
            p.drawEllipse(at, w, w * uniform(0.5, 1.2));
        } else {
            QPolygonF triangle;
            triangle << at << at + QPointF(w, -2 * w) << at + QPointF(2 * w, 0);
            p.drawPolygon(triangle);
        }
    }
    p.end();

    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
}

} // namespace Tramontane::Emulator
