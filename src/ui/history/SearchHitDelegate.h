// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>
#include <QTextLayout>

namespace Tramontane {

//! Paints a search hit: the conversation's title on the first line, then up to two lines of
//! the snippet with the matched words (SearchHighlightsRole) in bold.
class SearchHitDelegate final : public QStyledItemDelegate {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SearchHitDelegate)

public:
    explicit SearchHitDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    //! The snippet's text formats: bold on every highlight range inside \a length characters.
    static QList<QTextLayout::FormatRange> highlightFormats(const QModelIndex &index, int length,
                                                            const QFont &font);
};

} // namespace Tramontane
