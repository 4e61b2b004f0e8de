// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/chat/ImageFetcher.h"

#include <QBuffer>
#include <QHash>
#include <QImage>
#include <QList>
#include <QPainter>
#include <QPointer>
#include <QSet>
#include <QTimer>

namespace Tramontane::Test {

//! Encodes a \a size image of one \a colour (with a darker frame) as \a format.
inline QByteArray encodedImage(QSize size, QColor colour, const char *format = "PNG") {
    QImage image(size, QImage::Format_RGB32);
    image.fill(colour);
    QPainter p(&image);
    p.setPen(colour.darker(180));
    p.drawRect(image.rect().adjusted(0, 0, -1, -1));
    p.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format, 95);
    return bytes;
}

//! Serves images from memory, by ImageSource::ref, like the file service would: answers on
//! the next event loop turn, or only when told (deferred), and fails for unknown refs.
class FakeImageFetcher final : public ImageFetcher {
public:
    QHash<QString, QByteArray> images;
    QSet<QString> failing;
    bool deferred = false;
    QList<ImageSource> requests;
    QList<ImageSource> canceled; //!< fetches stopped through their handle

    Cancel fetch(const ImageSource &source, QObject *context, Callback done) override {
        requests.append(source);
        const int id = m_nextId++;
        Pending pending{source, context, std::move(done), id};
        if (deferred) {
            m_pending.append(std::move(pending));
        } else {
            m_live.insert(id);
            QTimer::singleShot(0, context, [this, pending] {
                if (m_live.remove(pending.id))
                    respond(pending);
            });
        }
        return [this, id, source] {
            const bool wasLive = m_live.remove(id);
            const auto removed = m_pending.removeIf([id](const Pending &p) { return p.id == id; });
            if (wasLive || removed > 0)
                canceled.append(source);
        };
    }

    //! Answers every deferred request now (synchronously).
    void deliverAll() {
        const QList<Pending> pending = std::exchange(m_pending, {});
        for (const Pending &p : pending) {
            if (p.context)
                respond(p);
        }
    }
    qsizetype pendingCount() const { return m_pending.size(); }
    int requestsFor(const QString &ref) const {
        int n = 0;
        for (const ImageSource &s : requests)
            n += s.ref == ref ? 1 : 0;
        return n;
    }

private:
    struct Pending {
        ImageSource source;
        QPointer<QObject> context;
        Callback done;
        int id = 0;
    };
    void respond(const Pending &p) {
        if (failing.contains(p.source.ref) || !images.contains(p.source.ref))
            p.done({}, QStringLiteral("The server answered 404 (Not Found)."));
        else
            p.done(images.value(p.source.ref), {});
    }
    QList<Pending> m_pending;
    QSet<int> m_live;
    int m_nextId = 1;
};

} // namespace Tramontane::Test
