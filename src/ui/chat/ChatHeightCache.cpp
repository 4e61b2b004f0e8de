// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chat/ChatHeightCache.h"

#include "models/ChatItem.h"
#include "ui/chat/ChatStyle.h"
#include "ui/markdown/MessageDocumentCache.h"

#include <algorithm>
#include <cmath>

namespace Tramontane {

namespace {

constexpr int kPreciseEstimateRows = 400; // the newest rows get the markdown-aware estimate

} // namespace

int ChatHeightCache::rowHeight(int row, int width, int rows) {
    if (width != m_rowsWidth || m_rows.size() != rows) {
        // Another width (or rows changed behind our back): every row is measured anew.
        m_rows = QList<int>(rows, -1);
        m_rowsWidth = width;
    }
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : -1;
}

void ChatHeightCache::setRowHeight(int row, int height) {
    if (row >= 0 && row < m_rows.size())
        m_rows[row] = height;
}

int ChatHeightCache::cachedRowHeight(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : -1;
}

void ChatHeightCache::invalidateRow(int row) {
    setRowHeight(row, -1);
}

void ChatHeightCache::invalidateRows() {
    m_rows.fill(-1);
}

void ChatHeightCache::insertRows(int first, int last) {
    if (first < 0 || first > m_rows.size() || last < first)
        return;
    m_rows.insert(first, last - first + 1, -1);
    // The row after the inserted ones may now start a turn, or stop being the first.
    if (last + 1 < m_rows.size())
        m_rows[last + 1] = -1;
}

void ChatHeightCache::removeRows(int first, int last) {
    if (first >= 0 && last < m_rows.size() && first <= last) {
        m_rows.remove(first, last - first + 1);
        if (first < m_rows.size())
            m_rows[first] = -1; // the next row may now start the list
    }
}

qreal ChatHeightCache::documentHeight(const ChatItem &item, qreal width, int row, int rows,
                                      const ChatStyle &style) {
    const int bucket = MessageDocumentCache::widthBucket(width);
    auto it = m_documents.find(item.key);
    if (it != m_documents.end() && it->bucket == bucket)
        return it->height;
    if (item.text.isEmpty())
        return 0;
    // Never laid out: an estimate, refined before the row is painted. The rows a chat opens
    // on get the markdown-aware one; far older rows, whose height only sizes the scroll bar
    // until they come near, a count of lines (a tenth of the cost over 10,000 messages).
    qreal estimate = 0;
    if (row >= rows - kPreciseEstimateRows) {
        estimate = MessageDocumentCache::estimateHeight(item.text, width, style.fm, style.monoFm);
    } else {
        const qreal perLine = qMax<qreal>(8, width / qMax<qreal>(1, style.fm.averageCharWidth()));
        const qsizetype breaks = item.text.count(u'\n');
        estimate =
            std::ceil((breaks * 0.6 + 1 + item.text.size() / perLine) * style.fm.lineSpacing());
    }
    estimate = qMax(style.fm.height(), estimate);
    m_documents.insert(item.key, DocHeight{bucket, estimate, false});
    return estimate;
}

bool ChatHeightCache::isMeasured(const QString &key, qreal width) const {
    const auto it = m_documents.constFind(key);
    return it != m_documents.cend() && it->measured
           && it->bucket == MessageDocumentCache::widthBucket(width);
}

bool ChatHeightCache::setMeasured(const QString &key, qreal width, qreal height) {
    const int bucket = MessageDocumentCache::widthBucket(width);
    const auto it = m_documents.constFind(key);
    const bool changed =
        it == m_documents.cend() || it->bucket != bucket || qAbs(it->height - height) >= 0.5;
    m_documents.insert(key, DocHeight{bucket, height, true});
    return changed;
}

void ChatHeightCache::noteMeasured(int row, const QString &key, qreal width, qreal height) {
    const int bucket = MessageDocumentCache::widthBucket(width);
    DocHeight &d = m_documents[key];
    if (d.bucket == bucket && d.measured && qAbs(d.height - height) < 0.5)
        return;
    d = DocHeight{bucket, height, true};
    // The row was laid out with another height: it needs a new layout after this paint.
    invalidateRow(row);
    m_resized.insert(row);
}

void ChatHeightCache::markUnmeasured(const QString &key) {
    const auto it = m_documents.find(key);
    if (it != m_documents.end())
        it->measured = false;
}

void ChatHeightCache::forgetDocument(const QString &key) {
    m_documents.remove(key);
}

int ChatHeightCache::takeFirstResized() {
    if (m_resized.isEmpty())
        return -1;
    const int first = *std::min_element(m_resized.cbegin(), m_resized.cend());
    m_resized.clear();
    return first;
}

void ChatHeightCache::clear() {
    m_rows.clear();
    m_rowsWidth = -1;
    m_documents.clear();
    m_resized.clear();
}

} // namespace Tramontane
