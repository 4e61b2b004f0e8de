// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/ChatItem.h"
#include "ui/chat/ImageFetcher.h"

#include <QByteArray>
#include <QCache>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QSize>
#include <QString>

#include <memory>

namespace Tramontane {

//! The images of the chat: ImageSource → encoded bytes → an image decoded at display size.
//!
//! Bytes come from an injected ImageFetcher (or, for `data:` URLs, from the URL itself, size
//! capped). Decoding runs on worker threads (QImage only) with QImageReader::setScaledSize to
//! the display size, an allocation limit and a maximum dimension, so a hostile or broken image
//! costs a bounded amount of memory and never blocks the GUI thread. Decoded images and
//! encoded bytes live in two LRU caches bounded in bytes; an entry evicted from the decoded
//! cache goes back to Status::None and is decoded again on the next request().
//!
//! The natural size of an image is kept once known (read from the header as soon as the bytes
//! arrive, before the decode), so a placeholder and the final image take the same room.
//! GUI thread only.
class ImageRepository final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageRepository)

public:
    enum class Status {
        None,    //!< never requested, or evicted from the decoded cache
        Loading, //!< fetching or decoding
        Ready,   //!< image() returns the decoded image
        Failed,  //!< error() says why; retry() tries again
    };

    struct Limits {
        qint64 decodedBytes = 48ll * 1024 * 1024; //!< decoded images kept (LRU)
        //! Encoded bytes kept for decoding again and saving (the disk cache has them too).
        qint64 encodedBytes = 16ll * 1024 * 1024;
        int allocationLimitMb = 64;                   //!< QImageReader::setAllocationLimit
        int maxDimension = 16384;                     //!< wider or taller images are refused
        qsizetype maxDataUrlChars = 24 * 1024 * 1024; //!< bigger data: URLs are refused
        int maxDisplayWidth = 512;  //!< logical pixels; images are decoded to fit this box
        int maxDisplayHeight = 768; //!< logical pixels
        int maxConcurrentDecodes = 2;
        int maxQueuedDecodes = 64; //!< older queued decodes are dropped (requested again later)
        //! Downloads at once: starting another cancels the one least recently requested (its
        //! row left the view long ago; a paint asks again if it comes back).
        int maxConcurrentFetches = 8;
    };

    explicit ImageRepository(QObject *parent = nullptr);
    ~ImageRepository() override;

    //! The fetcher for FileId and HttpUrl sources. Without one those images fail.
    void setFetcher(std::shared_ptr<ImageFetcher> fetcher);
    void setLimits(const Limits &limits);
    const Limits &limits() const { return m_limits; }
    //! Images are decoded at display size times this ratio (the screen's).
    void setDevicePixelRatio(qreal ratio);

    //! Starts loading \a source unless it is loading, ready or failed. Cheap when nothing is to
    //! be done, so views call it on every paint of a row that needs the image.
    void request(const ImageSource &source);
    //! Forgets a failure (or a result) and loads \a source again, fetching anew.
    void retry(const ImageSource &source);

    Status status(const QString &key) const;
    //! The decoded image (display size, device pixel ratio set), or a null image.
    QImage image(const QString &key);
    //! The size of the original image, once its header was read; invalid before.
    QSize naturalSize(const QString &key) const;
    //! Why the image failed, in plain words.
    QString error(const QString &key) const;
    //! The image format read from the bytes ("png", "jpeg", ...), once known.
    QByteArray format(const QString &key) const;

    //! The original bytes of \a source, from the cache or fetched again, for saving and for the
    //! viewer. \a done runs on the GUI thread unless \a context dies first.
    void fetchOriginal(const ImageSource &source, QObject *context, ImageFetcher::Callback done);

    //! Stops every download in flight (the chat was switched or closed): those images go back
    //! to Status::None, and a row still shown asks again on its next paint.
    void cancelFetches();
    //! Downloads in flight.
    int fetchesInFlight() const;

    //! Drops every decoded image (natural sizes are kept).
    void clearDecoded();
    //! Drops everything, also natural sizes and failures.
    void clear();

    //! The box a natural size is shown in: fitted into \a maxWidth × \a maxHeight keeping the
    //! aspect ratio, never enlarged. An unknown size gives the default square.
    static QSize displaySize(QSize natural, int maxWidth, int maxHeight);
    static constexpr int defaultPlaceholderSide() { return 512; }

    //! Decodes `data:` URL text into bytes; empty on malformed or oversized input.
    static QByteArray decodeDataUrl(const QString &url, qsizetype maxChars);

    // Figures for tests and benchmarks.
    int fetchCount() const { return m_fetchCount; }
    int decodeCount() const { return m_decodeCount; }
    qint64 decodedCacheBytes() const;
    qint64 encodedCacheBytes() const;

Q_SIGNALS:
    //! The status, natural size or image of \a key changed: rows showing it repaint (and
    //! re-measure when the natural size just became known).
    void imageChanged(const QString &key);

private:
    struct Entry {
        ImageSource source;
        bool loading = false;
        bool failed = false;
        QString error;
        QSize naturalSize;
        QByteArray format;
        quint64 generation = 0;           // results of older generations are ignored
        quint64 lastRequested = 0;        // request() serial: the oldest in-flight fetch goes first
        ImageFetcher::Cancel cancelFetch; // set while a download is in flight
    };
    struct DecodeJob {
        QString key;
        quint64 generation = 0;
        QByteArray bytes; // the encoded image, or the data: URL text
        bool isDataUrl = false;
    };
    struct DecodeResult {
        QImage image;
        QSize naturalSize;
        QByteArray format;
        QByteArray bytes; // the bytes decoded from a data: URL
        QString error;
    };

    void startFetch(const QString &key);
    //! Stops \a key's download, if one is in flight; the entry goes back to not loading.
    bool cancelFetch(const QString &key);
    void onBytes(const QString &key, quint64 generation, const QByteArray &bytes,
                 const QString &error);
    void enqueueDecode(const QString &key, const QByteArray &bytes, bool isDataUrl);
    void pumpDecodes();
    void onDecoded(const QString &key, quint64 generation, const DecodeResult &result);
    void fail(const QString &key, const QString &error);
    void rememberBytes(const QString &key, const QByteArray &bytes);

    std::shared_ptr<ImageFetcher> m_fetcher;
    Limits m_limits;
    qreal m_dpr = 1.0;
    QHash<QString, Entry> m_entries;
    QCache<QString, QImage> m_decoded;     // cost in KiB
    QCache<QString, QByteArray> m_encoded; // cost in KiB
    QList<DecodeJob> m_queue;              // most recent last: taken first
    int m_running = 0;
    int m_fetchCount = 0;
    int m_decodeCount = 0;
    quint64 m_nextGeneration = 1;
    quint64 m_nextRequest = 1;
};

} // namespace Tramontane
