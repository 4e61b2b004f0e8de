// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/storage/StoreResult.h"

#include <QByteArray>
#include <QHash>
#include <QMap>
#include <QString>

class QUrl;

namespace Tramontane {

//! Image bytes on disk (generated images, downloaded files), by key: a server file id, or
//! keyForUrl() of an image URL. The folder belongs to the cache.
//!
//! - Bounded: the total size stays within maxBytes(); the least recently used files are
//!   evicted first (use order is kept in memory and, roughly, in file modification times so
//!   it survives a restart).
//! - Safe names: a key is never used as a path. The file name is a sanitised prefix of the
//!   key plus a hash of the whole key, so `../x`, slashes, NUL or a Windows device name can
//!   never leave the folder or collide.
//! - Atomic: files are written with QSaveFile, so a crash leaves the old file or none.
//!
//! Not thread-safe: use it from one thread.
class ImageCache final {
public:
    static constexpr qint64 defaultMaxBytes = qint64(512) * 1024 * 1024;

    //! Uses (and creates) \a directory, and accounts for what is already there.
    explicit ImageCache(const QString &directory, qint64 maxBytes = defaultMaxBytes);
    ImageCache(const ImageCache &) = delete;
    ImageCache &operator=(const ImageCache &) = delete;

    QString directory() const { return m_directory; }

    //! Stores \a bytes under \a key (replacing an older entry) and returns the file's path.
    //! Evicts least recently used files to stay within the bound; fails for data larger than
    //! the bound, for an empty key and on write errors.
    StoreResult<QString> insert(const QString &key, const QByteArray &bytes);

    //! The path of the file stored under \a key, or an empty string. Counts as a use.
    QString lookup(const QString &key);
    bool contains(const QString &key) const;
    bool remove(const QString &key);
    void clear();

    qint64 totalBytes() const { return m_totalBytes; }
    qint64 maxBytes() const { return m_maxBytes; }
    //! Changes the bound, evicting at once if needed.
    void setMaxBytes(qint64 maxBytes);
    int count() const { return int(m_entries.size()); }

    //! The file name used for \a key: only [A-Za-z0-9_-], a '-', 32 hex digits of the key's
    //! SHA-256, and a suffix (1 to 5 lower-case letters or digits) if given.
    static QString fileNameForKey(const QString &key, const QString &suffix = {});
    //! A key for an image known by URL: "url-" and the SHA-256 of the encoded URL.
    static QString keyForUrl(const QUrl &url);
    //! An image file suffix from the first bytes of a file (png, jpg, gif, webp, bmp, svg),
    //! or "bin" when the format is not recognised.
    static QString suffixForData(const QByteArray &head);

private:
    struct Entry {
        QString fileName;
        qint64 size = 0;
        quint64 tick = 0;       // use order: higher is more recent
        qint64 touchedAtMs = 0; // last time the file's mtime was updated
    };

    static QString hashOfKey(const QString &key);
    void scan();
    void touch(const QString &hash, Entry &entry);
    void evictToFit(qint64 maxBytes, const QString &keepHash);
    void removeEntry(const QString &hash);

    QString m_directory;
    qint64 m_maxBytes;
    qint64 m_totalBytes = 0;
    quint64 m_tick = 0;
    QHash<QString, Entry> m_entries; // by key hash
    QMap<quint64, QString> m_order;  // tick -> key hash, oldest first
};

} // namespace Tramontane
