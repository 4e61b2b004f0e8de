// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chat/ChatPictureCache.h"

#include "ui/markdown/MessageDocument.h"
#include "ui/markdown/MessageDocumentCache.h"

#include <QPainter>
#include <QtMath>

namespace Tramontane {

namespace {

constexpr qint64 kMaxPicturePixels = 4096ll * 2048; // taller documents are painted directly
constexpr qint64 kCacheBytes = 32ll * 1024 * 1024;

int kibOf(qint64 bytes) {
    return int(qMax<qint64>(1, (bytes + 1023) / 1024));
}

} // namespace

ChatPictureCache::ChatPictureCache() {
    m_pictures.setMaxCost(kibOf(kCacheBytes));
}

void ChatPictureCache::paint(QPainter *p, const QString &key, MessageDocument *doc,
                             const QPointF &origin, qreal width, qreal height,
                             const QRectF &visible, const QColor &background) {
    const qreal dpr = p->device() ? p->device()->devicePixelRatioF() : 1.0;
    const QSize pixels(qCeil(width * dpr), qCeil(height * dpr));
    if (height <= 0 || qint64(pixels.width()) * pixels.height() > kMaxPicturePixels) {
        doc->paint(p, origin, visible);
        return;
    }
    const QString cacheKey = key + u'|' + QString::number(m_revisions.value(key)) + u'|'
                             + QString::number(MessageDocumentCache::widthBucket(width)) + u'|'
                             + QString::number(dpr) + u'|' + background.name();
    const QImage *image = m_pictures.object(cacheKey);
    if (!image) {
        QImage rendered(pixels, QImage::Format_RGB32);
        rendered.setDevicePixelRatio(dpr);
        rendered.fill(background);
        {
            QPainter ip(&rendered);
            ip.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing
                              | QPainter::SmoothPixmapTransform);
            doc->paint(&ip, QPointF(0, 0), QRectF(0, 0, width, height));
        }
        auto *stored = new QImage(std::move(rendered));
        image = stored;
        if (!m_pictures.insert(cacheKey, stored, kibOf(stored->sizeInBytes()))) {
            doc->paint(p, origin, visible); // bigger than the whole cache
            return;
        }
    }
    const QRectF target = QRectF(origin, QSizeF(width, height)).intersected(visible);
    if (target.isEmpty())
        return;
    const QRectF source((target.left() - origin.x()) * dpr, (target.top() - origin.y()) * dpr,
                        target.width() * dpr, target.height() * dpr);
    p->drawImage(target, *image, source);
}

} // namespace Tramontane
