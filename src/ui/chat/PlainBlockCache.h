// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QTextLayout>

#include <memory>

class QPainter;
class QRect;
class QRectF;

namespace Tramontane {

class ChatStyle;

//! Monospace blocks of the chat (a tool's arguments and result, a notice's details), laid out
//! once per item and width bucket. Long text is cut to a number of lines, with a line that
//! says how many more there are (Copy takes everything).
class PlainBlockCache final {
    Q_DECLARE_TR_FUNCTIONS(PlainBlockCache)

public:
    struct Block {
        int bucket = -1;
        std::shared_ptr<QTextLayout> layout;
        qreal height = 0;
        int hiddenLines = 0;
    };

    //! The block \a part of item \a itemKey showing \a text at \a width.
    const Block &block(const QString &itemKey, int part, const QString &text, int width,
                       const ChatStyle &style);
    //! Paints \a block in its frame \a rect, only what is within \a clip, with \a marks
    //! (find matches, offsets into the text shown) drawn behind their text.
    static void paint(QPainter *painter, const QRect &rect, const Block &block, const QRectF &clip,
                      const ChatStyle &style, const QList<QTextLayout::FormatRange> &marks = {});
    //! Forgets the blocks of item \a itemKey (its text changed).
    void forget(const QString &itemKey);
    void clear() { m_blocks.clear(); }

private:
    QHash<QString, Block> m_blocks; // "<item key>|<part>"
};

} // namespace Tramontane
