// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/ImageAttachment.h"

#include <QBuffer>
#include <QImageReader>
#include <QImageWriter>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

// The formats the API reads, as QImageReader names them, with their MIME types.
QByteArray apiMimeType(const QByteArray &format) {
    if (format == "png")
        return "image/png";
    if (format == "jpeg" || format == "jpg")
        return "image/jpeg";
    if (format == "webp")
        return "image/webp";
    if (format == "gif")
        return "image/gif";
    return {};
}

QByteArray encode(const QImage &image, const char *format, int quality) {
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    writer.setQuality(quality);
    if (qstrcmp(format, "png") == 0)
        writer.setCompression(9);
    if (!writer.write(image))
        return {};
    return out;
}

QSize fitted(const QSize &size, int maxSide) {
    if (size.width() <= maxSide && size.height() <= maxSide)
        return size;
    return size.scaled(maxSide, maxSide, Qt::KeepAspectRatio).expandedTo(QSize(1, 1));
}

} // namespace

ImageAttachment ImageAttachment::prepare(const QByteArray &bytes, const QString &name,
                                         const Limits &limits) {
    ImageAttachment a;
    a.m_name = name;
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    if (!reader.canRead()) {
        a.m_problem = Problem::NotAnImage;
        return a;
    }
    const QByteArray format = reader.format();
    const QSize declared = reader.size();
    const QByteArray mime = apiMimeType(format);

    // As it is, byte for byte, when the API reads the format and it fits: only a thumbnail is
    // decoded, at thumbnail size.
    if (!mime.isEmpty() && bytes.size() <= limits.maxBytes && declared.isValid()
        && fitted(declared, limits.maxSide) == declared) {
        reader.setScaledSize(fitted(declared, ThumbnailSide));
        a.m_thumbnail = reader.read();
        if (a.m_thumbnail.isNull()) {
            a.m_problem = Problem::Unreadable;
            return a;
        }
        a.m_bytes = bytes;
        a.m_mimeType = mime;
        a.m_originalSize = a.m_size = declared;
        return a;
    }

    // Decoded straight at the size it will be sent at (JPEG decodes scaled cheaply), within
    // Qt's allocation limit for one image (256 MB, 64 million pixels).
    QSize decodeSize = declared.isValid() ? fitted(declared, limits.maxSide) : QSize();
    constexpr qint64 maxPixels = 64'000'000;
    if (decodeSize.isValid() && qint64(decodeSize.width()) * decodeSize.height() > maxPixels) {
        const qreal shrink =
            std::sqrt(qreal(maxPixels) / (qreal(decodeSize.width()) * qreal(decodeSize.height())));
        decodeSize = (QSizeF(decodeSize) * shrink).toSize().expandedTo(QSize(1, 1));
    }
    if (decodeSize.isValid() && decodeSize != declared)
        reader.setScaledSize(decodeSize);
    const QImage image = reader.read();
    if (image.isNull()) {
        a.m_problem = reader.error() == QImageReader::InvalidDataError && !declared.isValid()
                          ? Problem::NotAnImage
                          : Problem::Unreadable;
        return a;
    }
    a.m_originalSize = declared.isValid() ? declared : image.size();
    a.m_thumbnail =
        image.scaled(ThumbnailSide, ThumbnailSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);

    // Smaller in quality, then in size, until under the byte limit: PNG keeps transparency.
    const bool alpha = image.hasAlphaChannel();
    QSize target = fitted(image.size(), limits.maxSide);
    for (int attempt = 0; attempt < 16; ++attempt) {
        const QImage scaledImage =
            target == image.size()
                ? image
                : image.scaled(target, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        const QList<int> qualities = alpha ? QList<int>{-1} : QList<int>{90, 80, 65};
        for (int quality : qualities) {
            const QByteArray encoded =
                alpha ? encode(scaledImage, "png", quality)
                      : encode(scaledImage.convertToFormat(QImage::Format_RGB32), "jpeg", quality);
            if (!encoded.isEmpty() && encoded.size() <= limits.maxBytes) {
                a.m_bytes = encoded;
                a.m_mimeType = alpha ? "image/png" : "image/jpeg";
                a.m_size = target;
                a.m_reencoded = true;
                return a;
            }
        }
        target = (QSizeF(target) * 0.75).toSize().expandedTo(QSize(1, 1));
    }
    a.m_problem = Problem::TooLarge;
    return a;
}

QByteArray ImageAttachment::dataUrl() const {
    if (!isValid())
        return {};
    return "data:" + m_mimeType + ";base64," + m_bytes.toBase64();
}

ContentChunk ImageAttachment::chunk() const {
    ContentChunk chunk = ContentChunk::makeImageUrl(QString::fromLatin1(dataUrl()));
    if (!m_name.isEmpty())
        chunk.imageName = m_name;
    return chunk;
}

} // namespace Tramontane
