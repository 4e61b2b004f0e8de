// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/markdown/MessageDocumentCache.h"

#include "ui/markdown/MessageDocument.h"

#include <cmath>

namespace Tramontane {

struct MessageDocumentCache::Entry {
    QString key;
    int bucket = 0;
    std::unique_ptr<MessageDocument> document;
    qint64 bytes = 0;
};

MessageDocumentCache::MessageDocumentCache()
    : MessageDocumentCache(Limits()) {}

MessageDocumentCache::MessageDocumentCache(Limits limits)
    : m_limits(limits) {}

MessageDocumentCache::~MessageDocumentCache() = default;

void MessageDocumentCache::setLimits(Limits limits) {
    m_limits = limits;
    evict(nullptr);
}

int MessageDocumentCache::widthBucket(qreal width) {
    constexpr int step = 16;
    const int w = qMax(step, int(std::floor(width)));
    return w - w % step;
}

MessageDocument *MessageDocumentCache::find(const QString &key, qreal width) {
    const auto byKey = m_entriesByKey.constFind(key);
    if (byKey == m_entriesByKey.constEnd())
        return nullptr;
    const auto it = byKey->constFind(widthBucket(width));
    if (it == byKey->constEnd())
        return nullptr;
    m_lru.splice(m_lru.begin(), m_lru, *it);
    return (*it)->document.get();
}

MessageDocument *MessageDocumentCache::findAnyWidth(const QString &key) {
    const auto byKey = m_entriesByKey.constFind(key);
    if (byKey == m_entriesByKey.constEnd() || byKey->isEmpty())
        return nullptr;
    return (*byKey->constBegin())->document.get();
}

MessageDocument *MessageDocumentCache::insert(const QString &key, qreal width,
                                              std::unique_ptr<MessageDocument> document) {
    const int bucket = widthBucket(width);
    if (auto byKey = m_entriesByKey.find(key); byKey != m_entriesByKey.end()) {
        if (auto it = byKey->find(bucket); it != byKey->end())
            erase(*it);
    }
    Entry entry;
    entry.key = key;
    entry.bucket = bucket;
    entry.bytes = document->approximateBytes();
    entry.document = std::move(document);
    m_bytes += entry.bytes;
    m_lru.push_front(std::move(entry));
    m_entriesByKey[key].insert(bucket, m_lru.begin());
    MessageDocument *stored = m_lru.front().document.get();
    evict(&m_lru.front());
    return stored;
}

void MessageDocumentCache::updateCost(const QString &key, qreal width) {
    const auto byKey = m_entriesByKey.constFind(key);
    if (byKey == m_entriesByKey.constEnd())
        return;
    const auto it = byKey->constFind(widthBucket(width));
    if (it == byKey->constEnd())
        return;
    Entry &entry = **it;
    const qint64 bytes = entry.document->approximateBytes();
    m_bytes += bytes - entry.bytes;
    entry.bytes = bytes;
    evict(&entry);
}

void MessageDocumentCache::setPinned(const QString &key, bool pinned) {
    if (pinned)
        m_pinned.insert(key, true);
    else
        m_pinned.remove(key);
    if (!pinned)
        evict(nullptr);
}

void MessageDocumentCache::remove(const QString &key) {
    const auto byKey = m_entriesByKey.constFind(key);
    if (byKey == m_entriesByKey.constEnd())
        return;
    const QList<List::iterator> iterators = byKey->values();
    for (List::iterator it : iterators)
        erase(it);
    m_pinned.remove(key);
}

void MessageDocumentCache::clear() {
    m_lru.clear();
    m_entriesByKey.clear();
    m_pinned.clear();
    m_bytes = 0;
}

void MessageDocumentCache::erase(List::iterator it) {
    m_bytes -= it->bytes;
    auto byKey = m_entriesByKey.find(it->key);
    if (byKey != m_entriesByKey.end()) {
        byKey->remove(it->bucket);
        if (byKey->isEmpty())
            m_entriesByKey.erase(byKey);
    }
    m_lru.erase(it);
}

// Drops least recently used entries until the limits hold, never \a keep nor pinned ones.
void MessageDocumentCache::evict(const Entry *keep) {
    auto it = m_lru.end();
    while (it != m_lru.begin()
           && (int(m_lru.size()) > m_limits.maxEntries || m_bytes > m_limits.maxBytes)) {
        --it;
        if (&*it == keep || m_pinned.contains(it->key))
            continue;
        const auto victim = it++;
        erase(victim);
        ++m_evictions;
    }
}

qreal MessageDocumentCache::estimateHeight(QStringView markdown, qreal width,
                                           const QFontMetricsF &body, const QFontMetricsF &mono) {
    if (width <= 0)
        return 0;
    const qreal bodyLine = body.lineSpacing();
    const qreal monoLine = mono.lineSpacing();
    const qreal bodyChars = qMax<qreal>(8, width / qMax<qreal>(1, body.averageCharWidth()));
    const qreal monoChars = qMax<qreal>(8, width / qMax<qreal>(1, mono.averageCharWidth()));
    const qreal paragraphGap = qRound(bodyLine * 0.45);
    qreal height = 0;
    bool inFence = false;
    bool previousBlank = true;
    qsizetype pos = 0;
    while (pos <= markdown.size()) {
        qsizetype end = markdown.indexOf(u'\n', pos);
        if (end < 0)
            end = markdown.size();
        const QStringView line = markdown.sliced(pos, end - pos).trimmed();
        pos = end + 1;
        const bool fence = line.startsWith(u"```") || line.startsWith(u"~~~");
        if (fence) {
            height += 14; // code padding and gap, above or below
            inFence = !inFence;
            continue;
        }
        if (inFence) {
            height += monoLine * std::ceil(qMax<qreal>(1, line.size()) / monoChars);
            continue;
        }
        if (line.isEmpty()) {
            if (!previousBlank)
                height += paragraphGap;
            previousBlank = true;
            continue;
        }
        previousBlank = false;
        if (line.startsWith(u'|')) {
            if (line.contains(u"---"))
                continue; // the delimiter row has no height of its own
            height += bodyLine + 8;
            continue;
        }
        qreal scale = 1;
        if (line.startsWith(u'#'))
            scale = 1.4;
        height += bodyLine * scale * std::ceil(line.size() * scale / bodyChars);
    }
    return std::ceil(height);
}

} // namespace Tramontane
