// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/ImageCache.h"

#include "core/Logging.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QList>
#include <QSaveFile>
#include <QSet>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

constexpr int hashLength = 32;      // hex digits of SHA-256 kept in file names (128 bits)
constexpr int maxPrefixLength = 40; // readable part of the key kept in file names
constexpr qint64 touchIntervalMs = 60 * 1000;

bool isNameChar(QChar c) {
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
           || c == u'-' || c == u'_';
}

bool isHexDigit(QChar c) {
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
}

bool isSuffix(QStringView s) {
    // At most 5 characters: QSaveFile's temporary files end in 6 random ones.
    return !s.isEmpty() && s.size() <= 5 && std::all_of(s.begin(), s.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
    });
}

// The key hash of a file name written by fileNameForKey(), or an empty string.
QString hashOfFileName(const QString &name) {
    QStringView stem = name;
    const qsizetype dot = name.indexOf(u'.');
    if (dot >= 0) {
        if (!isSuffix(QStringView(name).sliced(dot + 1)))
            return {};
        stem = QStringView(name).first(dot);
    }
    if (stem.size() < hashLength + 1 || stem.at(stem.size() - hashLength - 1) != u'-')
        return {};
    const QStringView prefix = stem.first(stem.size() - hashLength - 1);
    const QStringView hash = stem.last(hashLength);
    if (!std::all_of(prefix.begin(), prefix.end(), isNameChar)
        || !std::all_of(hash.begin(), hash.end(), isHexDigit))
        return {};
    return hash.toString();
}

} // namespace

ImageCache::ImageCache(const QString &directory, qint64 maxBytes)
    : m_directory(QDir(directory).absolutePath())
    , m_maxBytes(std::max<qint64>(maxBytes, 0)) {
    if (!QDir().mkpath(m_directory))
        qCWarning(lcStorage) << "cannot create the image cache folder";
    scan();
    evictToFit(m_maxBytes, {});
}

QString ImageCache::hashOfKey(const QString &key) {
    return QString::fromLatin1(QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256)
                                   .toHex()
                                   .left(hashLength));
}

QString ImageCache::fileNameForKey(const QString &key, const QString &suffix) {
    QString prefix;
    for (QChar c : key) {
        if (prefix.size() >= maxPrefixLength)
            break;
        prefix += isNameChar(c) ? c : QChar(u'_');
    }
    QString name = prefix + u'-' + hashOfKey(key);
    const QString cleanSuffix = suffix.toLower();
    if (isSuffix(cleanSuffix))
        name += u'.' + cleanSuffix;
    return name;
}

QString ImageCache::keyForUrl(const QUrl &url) {
    return u"url-"_s
           + QString::fromLatin1(
               QCryptographicHash::hash(url.toEncoded(), QCryptographicHash::Sha256).toHex());
}

QString ImageCache::suffixForData(const QByteArray &head) {
    if (head.startsWith("\x89PNG\r\n\x1a\n"))
        return u"png"_s;
    if (head.startsWith("\xff\xd8\xff"))
        return u"jpg"_s;
    if (head.startsWith("GIF87a") || head.startsWith("GIF89a"))
        return u"gif"_s;
    if (head.size() >= 12 && head.startsWith("RIFF") && head.mid(8, 4) == "WEBP")
        return u"webp"_s;
    if (head.startsWith("BM"))
        return u"bmp"_s;
    const QByteArray text = head.trimmed().left(256).toLower();
    if (text.startsWith("<svg") || (text.startsWith("<?xml") && text.contains("<svg")))
        return u"svg"_s;
    return u"bin"_s;
}

void ImageCache::scan() {
    struct Found {
        QString hash;
        Entry entry;
        QDateTime modified;
    };
    QList<Found> found;
    QSet<QString> seen;
    const QFileInfoList files =
        QDir(m_directory).entryInfoList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QFileInfo &file : files) {
        const QString name = file.fileName();
        const QString hash = hashOfFileName(name);
        if (hash.isEmpty()) {
            // A temporary file of an interrupted QSaveFile ("<entry name>.XXXXXX"): ours to
            // remove. Anything else is left alone.
            const qsizetype dot = name.lastIndexOf(u'.');
            if (dot > 0 && name.size() - dot - 1 == 6 && !hashOfFileName(name.left(dot)).isEmpty())
                QFile::remove(file.absoluteFilePath());
            continue;
        }
        if (seen.contains(hash)) // the same key under another suffix: keep one
            continue;
        seen.insert(hash);
        const QDateTime modified = file.lastModified();
        found.append(
            Found{hash, Entry{name, file.size(), 0, modified.toMSecsSinceEpoch()}, modified});
    }
    std::sort(found.begin(), found.end(),
              [](const Found &a, const Found &b) { return a.modified < b.modified; });
    for (Found &f : found) {
        f.entry.tick = ++m_tick;
        m_totalBytes += f.entry.size;
        m_order.insert(f.entry.tick, f.hash);
        m_entries.insert(f.hash, f.entry);
    }
}

void ImageCache::touch(const QString &hash, Entry &entry) {
    m_order.remove(entry.tick);
    entry.tick = ++m_tick;
    m_order.insert(entry.tick, hash);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - entry.touchedAtMs < touchIntervalMs)
        return;
    // The order in memory is exact; the file time keeps it roughly across restarts.
    QFile file(QDir(m_directory).filePath(entry.fileName));
    if (file.open(QIODevice::ReadWrite | QIODevice::ExistingOnly))
        file.setFileTime(QDateTime::currentDateTimeUtc(), QFileDevice::FileModificationTime);
    entry.touchedAtMs = now;
}

void ImageCache::removeEntry(const QString &hash) {
    const auto it = m_entries.find(hash);
    if (it == m_entries.end())
        return;
    QFile::remove(QDir(m_directory).filePath(it->fileName));
    m_totalBytes -= it->size;
    m_order.remove(it->tick);
    m_entries.erase(it);
}

void ImageCache::evictToFit(qint64 maxBytes, const QString &keepHash) {
    auto it = m_order.begin();
    while (m_totalBytes > maxBytes && it != m_order.end()) {
        const QString hash = it.value();
        ++it;
        if (hash == keepHash)
            continue;
        removeEntry(hash);
    }
}

StoreResult<QString> ImageCache::insert(const QString &key, const QByteArray &bytes) {
    const auto fail = [](const QString &detail) {
        StoreError error;
        error.kind = StoreError::Kind::Io;
        error.message =
            QCoreApplication::translate("ImageCache", "The image could not be saved in the cache.");
        error.detail = detail;
        qCWarning(lcStorage).noquote() << "image cache:" << detail;
        return error;
    };
    if (key.isEmpty())
        return fail(u"empty key"_s);
    if (bytes.size() > m_maxBytes)
        return fail(u"image of %1 bytes exceeds the cache bound"_s.arg(bytes.size()));

    const QString hash = hashOfKey(key);
    const QString fileName = fileNameForKey(key, suffixForData(bytes.left(512)));
    const QString path = QDir(m_directory).filePath(fileName);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return fail(file.errorString());

    if (const auto it = m_entries.constFind(hash); it != m_entries.cend()) {
        if (it->fileName != fileName)
            QFile::remove(QDir(m_directory).filePath(it->fileName));
        m_totalBytes -= it->size;
        m_order.remove(it->tick);
        m_entries.erase(it);
    }
    Entry entry{fileName, bytes.size(), ++m_tick, QDateTime::currentMSecsSinceEpoch()};
    m_entries.insert(hash, entry);
    m_order.insert(entry.tick, hash);
    m_totalBytes += entry.size;
    evictToFit(m_maxBytes, hash);
    return path;
}

QString ImageCache::lookup(const QString &key) {
    const QString hash = hashOfKey(key);
    const auto it = m_entries.find(hash);
    if (it == m_entries.end())
        return {};
    const QString path = QDir(m_directory).filePath(it->fileName);
    if (!QFileInfo::exists(path)) { // removed behind our back
        m_totalBytes -= it->size;
        m_order.remove(it->tick);
        m_entries.erase(it);
        return {};
    }
    touch(hash, *it);
    return path;
}

bool ImageCache::contains(const QString &key) const {
    return m_entries.contains(hashOfKey(key));
}

bool ImageCache::remove(const QString &key) {
    const QString hash = hashOfKey(key);
    if (!m_entries.contains(hash))
        return false;
    removeEntry(hash);
    return true;
}

void ImageCache::clear() {
    const QStringList hashes = m_entries.keys();
    for (const QString &hash : hashes)
        removeEntry(hash);
}

void ImageCache::setMaxBytes(qint64 maxBytes) {
    m_maxBytes = std::max<qint64>(maxBytes, 0);
    evictToFit(m_maxBytes, {});
}

} // namespace Tramontane
