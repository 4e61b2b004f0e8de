// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace Tramontane {

class ChatStyle;
struct ChatItem;

//! The heights of a chat view's rows, owned by the view and filled by its delegate: what
//! sizeHint() answers per row (one array read in a layout pass over 10,000 rows), and the
//! height of each message's markdown, per item key and width bucket: an estimate until the
//! document was built, then measured.
//!
//! A text row never laid out gets a cheap estimate (MessageDocumentCache::estimateHeight for
//! the newest rows, a count of lines for far older ones); rows measured while painting are
//! remembered, so the view lays out once after the paint (takeResized()).
class ChatHeightCache final {
public:
    // --- Rows ---------------------------------------------------------------------------
    //! The cached height of \a row at viewport width \a width, or -1. A different width or row
    //! count than the cache holds drops every row first.
    int rowHeight(int row, int width, int rows);
    //! Stores the height of \a row (after rowHeight() made the cache match the view).
    void setRowHeight(int row, int height);
    //! The height the view laid \a row out with, or -1 (no check of the width).
    int cachedRowHeight(int row) const;
    //! Row \a row is to be measured again.
    void invalidateRow(int row);
    //! Every row is to be measured again (documents keep their heights).
    void invalidateRows();
    //! Rows were inserted, or are about to be removed: keeps the rows aligned.
    void insertRows(int first, int last);
    void removeRows(int first, int last);

    // --- Documents ----------------------------------------------------------------------
    //! The height of \a item's markdown at \a width; an estimate when it was never measured.
    //! \a rows: the model's row count (the newest rows get the markdown-aware estimate).
    qreal documentHeight(const ChatItem &item, qreal width, int row, int rows,
                         const ChatStyle &style);
    //! Whether the height of \a key at \a width was measured (not estimated).
    bool isMeasured(const QString &key, qreal width) const;
    //! Stores a measured height; returns true when it differs from what was known.
    bool setMeasured(const QString &key, qreal width, qreal height);
    //! A document was measured while painting row \a row: if its height changed, the row is
    //! laid out again after the paint.
    void noteMeasured(int row, const QString &key, qreal width, qreal height);
    //! The document of \a key changed (built again): measured at the next paint.
    void markUnmeasured(const QString &key);
    void forgetDocument(const QString &key);

    //! The first row measured with a new height since the last call, or -1.
    int takeFirstResized();
    void clear();

private:
    struct DocHeight {
        int bucket = -1;
        qreal height = 0;
        bool measured = false;
    };
    QList<int> m_rows;                     // by row; -1: unknown
    int m_rowsWidth = -1;                  // the viewport width they were computed for
    QHash<QString, DocHeight> m_documents; // by item key
    QSet<int> m_resized;                   // rows re-measured during the paint
};

} // namespace Tramontane
