// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chat/ImageRepository.h"

#include "core/Logging.h"

#include <QBuffer>
#include <QFutureWatcher>
#include <QImageReader>
#include <QPointer>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>
#include <limits>
#include <memory>
#include <utility>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

// QCache costs are ints: count in KiB, rounded up.
qsizetype kib(qint64 bytes) {
    return qsizetype(qMax<qint64>(1, (bytes + 1023) / 1024));
}

// The size an image reader reports, with the EXIF rotation applied.
QSize orientedSize(QImageReader &reader) {
    QSize size = reader.size();
    if (size.isValid() && reader.transformation().testFlag(QImageIOHandler::TransformationRotate90))
        size.transpose();
    return size;
}

} // namespace

ImageRepository::ImageRepository(QObject *parent)
    : QObject(parent) {
    setLimits(m_limits);
}

ImageRepository::~ImageRepository() {
    cancelFetches();
}

void ImageRepository::setFetcher(std::shared_ptr<ImageFetcher> fetcher) {
    m_fetcher = std::move(fetcher);
}

void ImageRepository::setLimits(const Limits &limits) {
    m_limits = limits;
    m_decoded.setMaxCost(kib(limits.decodedBytes));
    m_encoded.setMaxCost(kib(limits.encodedBytes));
}

void ImageRepository::setDevicePixelRatio(qreal ratio) {
    if (ratio <= 0 || qFuzzyCompare(ratio, m_dpr))
        return;
    m_dpr = ratio;
    clearDecoded();
}

QSize ImageRepository::displaySize(QSize natural, int maxWidth, int maxHeight) {
    maxWidth = qMax(1, maxWidth);
    maxHeight = qMax(1, maxHeight);
    if (!natural.isValid() || natural.isEmpty()) {
        const int side = qMin(defaultPlaceholderSide(), qMin(maxWidth, maxHeight));
        return {side, side};
    }
    if (natural.width() <= maxWidth && natural.height() <= maxHeight)
        return natural;
    return natural.scaled(maxWidth, maxHeight, Qt::KeepAspectRatio).expandedTo({1, 1});
}

QByteArray ImageRepository::decodeDataUrl(const QString &url, qsizetype maxChars) {
    if (url.size() > maxChars || !url.startsWith("data:"_L1, Qt::CaseInsensitive))
        return {};
    const qsizetype comma = url.indexOf(u',');
    if (comma < 0)
        return {};
    const QStringView header = QStringView(url).sliced(5, comma - 5);
    const QStringView payload = QStringView(url).sliced(comma + 1);
    if (header.endsWith(";base64"_L1, Qt::CaseInsensitive)) {
        QByteArray ascii = payload.toLatin1();
        ascii.replace(' ', QByteArray()).replace('\n', QByteArray()).replace('\r', QByteArray());
        auto decoded = QByteArray::fromBase64Encoding(
            ascii, QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
        return decoded ? decoded.decoded : QByteArray();
    }
    return QByteArray::fromPercentEncoding(payload.toLatin1());
}

void ImageRepository::request(const ImageSource &source) {
    if (!source.isValid())
        return;
    const QString key = source.key();
    Entry &e = m_entries[key];
    if (!e.source.isValid())
        e.source = source;
    e.lastRequested = m_nextRequest++;
    if (e.loading || e.failed || m_decoded.contains(key))
        return;
    e.loading = true;
    e.generation = m_nextGeneration++;
    if (const QByteArray *bytes = m_encoded.object(key)) {
        enqueueDecode(key, *bytes, false);
    } else if (source.kind == ImageSource::Kind::DataUrl) {
        enqueueDecode(key, {}, true);
    } else {
        startFetch(key);
    }
}

void ImageRepository::retry(const ImageSource &source) {
    if (!source.isValid())
        return;
    const QString key = source.key();
    cancelFetch(key); // a download still on its way is stale now
    Entry &e = m_entries[key];
    e.source = source;
    e.failed = false;
    e.loading = false;
    e.error.clear();
    e.generation = m_nextGeneration++; // results still on their way are stale now
    m_decoded.remove(key);
    m_encoded.remove(key);
    request(source);
    Q_EMIT imageChanged(key);
}

ImageRepository::Status ImageRepository::status(const QString &key) const {
    if (m_decoded.contains(key))
        return Status::Ready;
    const auto it = m_entries.constFind(key);
    if (it == m_entries.cend())
        return Status::None;
    if (it->loading)
        return Status::Loading;
    if (it->failed)
        return Status::Failed;
    return Status::None;
}

QImage ImageRepository::image(const QString &key) {
    const QImage *image = m_decoded.object(key);
    return image ? *image : QImage();
}

QSize ImageRepository::naturalSize(const QString &key) const {
    const auto it = m_entries.constFind(key);
    return it == m_entries.cend() ? QSize() : it->naturalSize;
}

QString ImageRepository::error(const QString &key) const {
    return m_entries.value(key).error;
}

QByteArray ImageRepository::format(const QString &key) const {
    return m_entries.value(key).format;
}

void ImageRepository::fetchOriginal(const ImageSource &source, QObject *context,
                                    ImageFetcher::Callback done) {
    const QString key = source.key();
    QByteArray bytes;
    QString error;
    bool ready = false;
    if (const QByteArray *cached = m_encoded.object(key)) {
        bytes = *cached;
        ready = true;
    } else if (source.kind == ImageSource::Kind::DataUrl) {
        bytes = decodeDataUrl(source.ref, m_limits.maxDataUrlChars);
        if (bytes.isEmpty())
            error = tr("The image data is malformed or too large.");
        ready = true;
    } else if (!m_fetcher) {
        error = tr("Images cannot be loaded here.");
        ready = true;
    }
    if (ready) {
        // Always asynchronous, like a fetch, so callers have one code path.
        QTimer::singleShot(0, context,
                           [done = std::move(done), bytes, error] { done(bytes, error); });
        return;
    }
    ++m_fetchCount;
    QPointer<ImageRepository> self(this);
    const ImageFetcher::Cancel cancel = m_fetcher->fetch(
        source, context, [self, key, done = std::move(done)](QByteArray bytes, QString error) {
            if (self && !bytes.isEmpty())
                self->rememberBytes(key, bytes);
            done(bytes, error);
        });
    // Nobody waits for the original any more (the viewer closed): stop its download.
    if (cancel && context)
        connect(context, &QObject::destroyed, this, [cancel] { cancel(); });
}

void ImageRepository::clearDecoded() {
    cancelFetches(); // their answers would be dropped below anyway
    m_decoded.clear();
    m_queue.clear();
    for (Entry &e : m_entries) {
        if (e.loading) {
            e.loading = false; // a decode on its way is dropped; request() starts again
            e.generation = m_nextGeneration++;
        }
    }
}

void ImageRepository::cancelFetches() {
    QStringList stopped;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        if (it->cancelFetch)
            stopped.append(it.key());
    }
    for (const QString &key : std::as_const(stopped))
        cancelFetch(key);
}

int ImageRepository::fetchesInFlight() const {
    int n = 0;
    for (const Entry &e : m_entries)
        n += e.cancelFetch ? 1 : 0;
    return n;
}

bool ImageRepository::cancelFetch(const QString &key) {
    const auto it = m_entries.find(key);
    if (it == m_entries.end() || !it->cancelFetch)
        return false;
    const ImageFetcher::Cancel cancel = std::exchange(it->cancelFetch, {});
    it->loading = false;
    it->generation = m_nextGeneration++; // an answer still on its way is ignored
    cancel();
    return true;
}

void ImageRepository::clear() {
    clearDecoded();
    m_encoded.clear();
    m_entries.clear();
}

qint64 ImageRepository::decodedCacheBytes() const {
    return qint64(m_decoded.totalCost()) * 1024;
}

qint64 ImageRepository::encodedCacheBytes() const {
    return qint64(m_encoded.totalCost()) * 1024;
}

void ImageRepository::startFetch(const QString &key) {
    Entry &e = m_entries[key];
    const quint64 generation = e.generation;
    if (!m_fetcher) {
        // Not from inside request(): callers may be painting.
        QTimer::singleShot(0, this, [this, key, generation] {
            onBytes(key, generation, {}, tr("Images cannot be loaded here."));
        });
        return;
    }
    // Too many downloads at once: the one least recently asked for is for a row scrolled away
    // (or a chat left) long ago. Stop it; a paint asks again if the row comes back.
    if (fetchesInFlight() >= qMax(1, m_limits.maxConcurrentFetches)) {
        QString oldest;
        quint64 oldestRequest = std::numeric_limits<quint64>::max();
        for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
            if (it->cancelFetch && it.key() != key && it->lastRequested < oldestRequest) {
                oldest = it.key();
                oldestRequest = it->lastRequested;
            }
        }
        if (cancelFetch(oldest))
            qCDebug(lcUi).noquote() << "image download stopped, its row left the view";
    }
    ++m_fetchCount;
    const auto answered = std::make_shared<bool>(false);
    ImageFetcher::Cancel cancel = m_fetcher->fetch(
        e.source, this, [this, key, generation, answered](QByteArray bytes, QString error) {
            *answered = true;
            onBytes(key, generation, bytes, error);
        });
    // The answer may have come before fetch() returned (a cache hit): nothing to stop then.
    const auto it = m_entries.find(key);
    if (!*answered && it != m_entries.end() && it->loading && it->generation == generation)
        it->cancelFetch = std::move(cancel);
}

void ImageRepository::onBytes(const QString &key, quint64 generation, const QByteArray &bytes,
                              const QString &error) {
    const auto it = m_entries.find(key);
    if (it == m_entries.end() || it->generation != generation || !it->loading)
        return;
    it->cancelFetch = {};
    if (bytes.isEmpty()) {
        fail(key, error.isEmpty() ? tr("The image could not be downloaded.") : error);
        return;
    }
    rememberBytes(key, bytes);

    // The header gives the size now, so the row takes its final height before the decode.
    QByteArray copy = bytes;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true);
    const QSize natural = orientedSize(reader);
    if (natural.isValid()) {
        if (natural.width() > m_limits.maxDimension || natural.height() > m_limits.maxDimension) {
            fail(key, tr("The image is too large to show (%1 × %2 pixels).")
                          .arg(natural.width())
                          .arg(natural.height()));
            return;
        }
        it->format = reader.format();
        if (it->naturalSize != natural) {
            it->naturalSize = natural;
            Q_EMIT imageChanged(key);
        }
    }
    enqueueDecode(key, bytes, false);
}

void ImageRepository::enqueueDecode(const QString &key, const QByteArray &bytes, bool isDataUrl) {
    DecodeJob job;
    job.key = key;
    job.generation = m_entries.value(key).generation;
    job.bytes = bytes;
    job.isDataUrl = isDataUrl;
    m_queue.append(job);
    while (m_queue.size() > m_limits.maxQueuedDecodes) {
        // The oldest requests are for rows scrolled away long ago: forget them; a paint asks
        // again if they come back.
        const DecodeJob dropped = m_queue.takeFirst();
        const auto it = m_entries.find(dropped.key);
        if (it != m_entries.end() && it->generation == dropped.generation)
            it->loading = false;
    }
    pumpDecodes();
}

void ImageRepository::pumpDecodes() {
    while (m_running < qMax(1, m_limits.maxConcurrentDecodes) && !m_queue.isEmpty()) {
        const DecodeJob job = m_queue.takeLast();
        const auto it = m_entries.constFind(job.key);
        if (it == m_entries.cend() || it->generation != job.generation)
            continue;
        ++m_running;
        const QString dataUrl = job.isDataUrl ? it->source.ref : QString();
        const QSize box(int(std::ceil(m_limits.maxDisplayWidth * m_dpr)),
                        int(std::ceil(m_limits.maxDisplayHeight * m_dpr)));
        const Limits limits = m_limits;
        const qreal dpr = m_dpr;
        auto *watcher = new QFutureWatcher<DecodeResult>(this);
        connect(watcher, &QFutureWatcher<DecodeResult>::finished, this,
                [this, watcher, key = job.key, generation = job.generation] {
                    --m_running;
                    const DecodeResult result = watcher->result();
                    watcher->deleteLater();
                    onDecoded(key, generation, result);
                    pumpDecodes();
                });
        watcher->setFuture(QtConcurrent::run([bytes = job.bytes, dataUrl, box, limits, dpr] {
            DecodeResult r;
            QByteArray data = bytes;
            if (!dataUrl.isEmpty()) {
                data = decodeDataUrl(dataUrl, limits.maxDataUrlChars);
                if (data.isEmpty()) {
                    r.error = tr("The image data is malformed or too large.");
                    return r;
                }
                r.bytes = data;
            }
            QBuffer buffer(&data);
            buffer.open(QIODevice::ReadOnly);
            QImageReader reader(&buffer);
            reader.setAllocationLimit(limits.allocationLimitMb);
            reader.setAutoTransform(true);
            r.format = reader.format();
            QSize natural = orientedSize(reader);
            if (natural.isValid()) {
                if (natural.width() > limits.maxDimension
                    || natural.height() > limits.maxDimension) {
                    r.error = tr("The image is too large to show.");
                    return r;
                }
                const QSize target = displaySize(natural, box.width(), box.height());
                if (target != natural) {
                    const bool rotated =
                        reader.transformation().testFlag(QImageIOHandler::TransformationRotate90);
                    reader.setScaledSize(rotated ? target.transposed() : target);
                }
            }
            QImage image = reader.read();
            if (image.isNull()) {
                r.error = tr("The image could not be read (%1).").arg(reader.errorString());
                return r;
            }
            if (!natural.isValid()) {
                natural = image.size();
                if (natural.width() > limits.maxDimension
                    || natural.height() > limits.maxDimension) {
                    r.error = tr("The image is too large to show.");
                    return r;
                }
                const QSize target = displaySize(natural, box.width(), box.height());
                if (target != natural)
                    image = image.scaled(target, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
            }
            // The formats the raster paint engine blends fastest.
            image =
                image.convertToFormat(image.hasAlphaChannel() ? QImage::Format_ARGB32_Premultiplied
                                                              : QImage::Format_RGB32);
            image.setDevicePixelRatio(dpr);
            r.image = image;
            r.naturalSize = natural;
            return r;
        }));
    }
}

void ImageRepository::onDecoded(const QString &key, quint64 generation,
                                const DecodeResult &result) {
    ++m_decodeCount;
    const auto it = m_entries.find(key);
    if (it == m_entries.end() || it->generation != generation || !it->loading)
        return;
    if (!result.error.isEmpty()) {
        qCInfo(lcUi) << "image" << key << "failed to decode:" << result.error;
        fail(key, result.error);
        return;
    }
    it->loading = false;
    it->naturalSize = result.naturalSize;
    if (!result.format.isEmpty())
        it->format = result.format;
    if (!result.bytes.isEmpty())
        rememberBytes(key, result.bytes);
    auto *image = new QImage(result.image);
    if (!m_decoded.insert(key, image, kib(result.image.sizeInBytes())))
        qCInfo(lcUi) << "image" << key << "is larger than the whole decoded-image cache";
    Q_EMIT imageChanged(key);
}

void ImageRepository::fail(const QString &key, const QString &error) {
    Entry &e = m_entries[key];
    e.loading = false;
    e.failed = true;
    e.error = error;
    Q_EMIT imageChanged(key);
}

void ImageRepository::rememberBytes(const QString &key, const QByteArray &bytes) {
    if (bytes.isEmpty() || m_encoded.contains(key))
        return;
    m_encoded.insert(key, new QByteArray(bytes), kib(bytes.size()));
}

} // namespace Tramontane
