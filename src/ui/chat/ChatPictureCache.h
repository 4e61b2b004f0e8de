// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCache>
#include <QHash>
#include <QImage>
#include <QString>

class QColor;
class QPainter;
class QPointF;
class QRectF;

namespace Tramontane {

class MessageDocument;

//! Finished messages drawn once into an opaque picture and blitted afterwards: text shaping is
//! the bulk of painting a document, and a scrolled row is painted many times. Pictures are
//! kept per item key, revision, width, pixel ratio and background (LRU, bounded in bytes); a
//! message whose document changed gets a new revision, so its old picture is never shown.
class ChatPictureCache final {
public:
    ChatPictureCache();

    //! Paints \a document (\a width × \a height at \a origin) within \a visible, from its
    //! picture when it has one or one can be made (finished documents up to a size).
    void paint(QPainter *painter, const QString &key, MessageDocument *document,
               const QPointF &origin, qreal width, qreal height, const QRectF &visible,
               const QColor &background);
    //! The document of \a key changed (text, inline images, a build finished).
    void bumpRevision(const QString &key) { ++m_revisions[key]; }
    void clear() { m_pictures.clear(); }

private:
    QCache<QString, QImage> m_pictures; // cost in KiB
    QHash<QString, quint32> m_revisions;
};

} // namespace Tramontane
