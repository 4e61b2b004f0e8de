// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/Content.h"

#include <QByteArray>
#include <QImage>
#include <QSize>
#include <QString>

namespace Tramontane {

//! An image a person attaches to a message, made fit for the API's vision limits: at most
//! 10 MB and 10000 pixels a side per image (the API refuses larger ones). An image already
//! within the limits, in a format the API reads (PNG, JPEG, WebP, GIF), is sent as it is, byte
//! for byte. Any other is scaled down and encoded again: PNG when it has transparency, JPEG
//! otherwise, lowering the JPEG quality and then the size until it fits. Never refused
//! silently: what was done is said (scaled(), reencoded()), and an unreadable file gets a
//! problem().
//!
//! prepare() decodes the image (at the size it is sent at, or at thumbnail size when it is sent
//! as it is): call it on a worker thread for large files.
class ImageAttachment {
public:
    struct Limits {
        qsizetype maxBytes = 10 * 1024 * 1024;
        int maxSide = 10000;
    };
    enum class Problem {
        None,
        NotAnImage, //!< no image format recognises the bytes
        Unreadable, //!< recognised, but decoding failed (truncated, corrupt)
        TooLarge,   //!< cannot be brought under the limits
    };

    static ImageAttachment prepare(const QByteArray &bytes, const QString &name,
                                   const Limits &limits);
    static ImageAttachment prepare(const QByteArray &bytes, const QString &name) {
        return prepare(bytes, name, Limits{});
    }

    Problem problem() const { return m_problem; }
    bool isValid() const { return m_problem == Problem::None; }

    QString name() const { return m_name; }
    QByteArray bytes() const { return m_bytes; }       //!< what is sent
    QByteArray mimeType() const { return m_mimeType; } //!< image/png, image/jpeg…
    QSize originalSize() const { return m_originalSize; }
    QSize size() const { return m_size; } //!< after scaling
    bool scaled() const { return m_size != m_originalSize; }
    bool reencoded() const { return m_reencoded; }
    //! A small picture for the composer and the message, at most ThumbnailSide pixels a side.
    QImage thumbnail() const { return m_thumbnail; }
    //! `data:<type>;base64,…`, the form an `image_url` chunk carries.
    QByteArray dataUrl() const;
    //! The `image_url` chunk that sends it (the data URL), named after the file.
    ContentChunk chunk() const;

    static constexpr int ThumbnailSide = 160;

private:
    Problem m_problem = Problem::None;
    QString m_name;
    QByteArray m_bytes;
    QByteArray m_mimeType;
    QSize m_originalSize;
    QSize m_size;
    bool m_reencoded = false;
    QImage m_thumbnail;
};

} // namespace Tramontane
