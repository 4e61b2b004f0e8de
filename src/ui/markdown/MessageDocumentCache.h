// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFontMetricsF>
#include <QHash>
#include <QString>
#include <QStringView>

#include <list>
#include <memory>

namespace Tramontane {

class MessageDocument;

//! A least-recently-used cache of rendered messages, keyed by (message key, width bucket), with
//! a bound on entries and on estimated bytes, so scrolling a 10,000-message chat keeps memory
//! bounded: documents of rows far off-screen are evicted and rebuilt when they come back.
//!
//! Pointers returned stay valid until the next insert(), remove() or clear(). Pinned entries
//! (the message being streamed) are never evicted.
class MessageDocumentCache final {
    Q_DISABLE_COPY_MOVE(MessageDocumentCache)

public:
    struct Limits {
        int maxEntries = 300;
        qint64 maxBytes = 64ll * 1024 * 1024;
    };

    MessageDocumentCache();
    explicit MessageDocumentCache(Limits limits);
    ~MessageDocumentCache();

    void setLimits(Limits limits);
    Limits limits() const { return m_limits; }

    //! Widths are bucketed (16 px steps) so a few pixels of resizing reuse the same documents;
    //! lay documents out at bucketWidth(width).
    static int widthBucket(qreal width);
    static qreal bucketWidth(qreal width) { return widthBucket(width); }

    //! The entry for \a key at \a width's bucket, made most recently used; nullptr if absent.
    MessageDocument *find(const QString &key, qreal width);
    //! Any entry for \a key whatever its width (e.g. to paint while a new width builds).
    MessageDocument *findAnyWidth(const QString &key);
    //! Stores \a document (replacing an entry with the same key and bucket), then evicts least
    //! recently used entries until the limits hold again.
    MessageDocument *insert(const QString &key, qreal width,
                            std::unique_ptr<MessageDocument> document);
    //! Re-reads the size of an entry (after an asynchronous build or more streamed text).
    void updateCost(const QString &key, qreal width);
    void setPinned(const QString &key, bool pinned);
    void remove(const QString &key);
    void clear();

    int count() const { return int(m_lru.size()); }
    qint64 bytes() const { return m_bytes; }
    int evictions() const { return m_evictions; }

    //! A cheap height for a row never laid out: wrapped characters per line at \a width, code
    //! lines at the fixed font's line height, table rows with their padding. One pass over the
    //! text, no layout.
    static qreal estimateHeight(QStringView markdown, qreal width, const QFontMetricsF &body,
                                const QFontMetricsF &mono);

private:
    struct Entry;
    using List = std::list<Entry>;

    void evict(const Entry *keep);
    void erase(List::iterator it);

    Limits m_limits;
    List m_lru; // front: most recently used
    QHash<QString, QHash<int, List::iterator>> m_entriesByKey;
    QHash<QString, bool> m_pinned;
    qint64 m_bytes = 0;
    int m_evictions = 0;
};

} // namespace Tramontane
