// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/ChatItem.h"
#include "ui/chat/ChatHit.h"

#include <QCoreApplication>
#include <QList>
#include <QPointF>
#include <QRect>
#include <QSize>

namespace Tramontane {

class ChatStyle;
class MessageDocument;

//! What a row layout needs to know beyond the item and the style: heights of text that only a
//! document or a text layout can measure, an image's size, and whether the row is unfolded.
//! The delegate answers from its caches; a test answers with numbers.
class ChatRowMeasures {
public:
    enum class Block { Arguments, Result, Details }; //!< monospace blocks of cards and notices
    enum class ImageState { Pending, Ready, Failed };

    virtual ~ChatRowMeasures() = default;
    //! A thinking row or tool card unfolded, a notice's details shown.
    virtual bool isExpanded(const ChatItem &item) const = 0;
    //! The height of the item's markdown laid out at \a width (an estimate until measured).
    virtual qreal documentHeight(const ChatItem &item, qreal width, int row) const = 0;
    //! The height of monospace block \a block showing \a text wrapped at \a width.
    virtual qreal blockHeight(const ChatItem &item, Block block, const QString &text,
                              int width) const = 0;
    //! An image row's natural size (invalid while unknown) and state.
    virtual QSize imageNaturalSize(const ChatItem &item) const = 0;
    virtual ImageState imageState(const ChatItem &item) const = 0;

protected:
    ChatRowMeasures() = default;
    ChatRowMeasures(const ChatRowMeasures &) = default;
    ChatRowMeasures &operator=(const ChatRowMeasures &) = default;
};

//! Every rectangle of a row, the same for painting and hit-testing (viewport coordinates).
struct ChatRowGeometry {
    QRect row;
    QRect body;         //!< the row minus padding and turn gap
    int columnLeft = 0; //!< the text column, centred in wide windows
    int columnWidth = 0;
    // text rows
    QRect bubble;
    QPointF docOrigin;
    qreal docWidth = 0;
    qreal docHeight = 0;
    // thinking, tool cards, notices
    QRect header;
    QRect card;
    QRect argsLabel, argsBlock, resultLabel, resultBlock;
    QRect noticeTitle, noticeHint, detailsBlock;
    QRect confirmPrompt; //!< a tool call waiting for the user's confirmation
    // images
    QRect image;
    // citation chips, one per citation of the item
    QList<QRect> chips;
    // footer and buttons
    QRect footer;
    QRect footerText;
    QList<ChatHit> buttons; //!< clickable targets except links and code blocks
    QRect versions;         //!< the ‹ 2/3 › switcher of a message with versions
};

//! Lays a chat row out: a ChatItem, its row number, the viewport width and the style in,
//! rectangles out. No painting, no caches, no widgets: what it needs measured it asks
//! ChatRowMeasures.
class ChatRowLayout final {
    Q_DECLARE_TR_FUNCTIONS(ChatRowLayout)

public:
    ChatRowLayout() = delete;

    struct Column {
        int left = 0;
        int width = 0;
    };
    //! The text column of a viewport \a viewportWidth wide.
    static Column column(const ChatStyle &style, int viewportWidth);
    //! The width markdown of \a item is laid out at (a width bucket).
    static qreal textWidth(const ChatStyle &style, const ChatItem &item, const Column &column);
    //! Rows that show markdown: messages, answers, unfolded thinking.
    static bool isTextRow(const ChatItem &item, bool expanded);
    //! Rows with a footer under them: the end of an answer, an answer still streaming.
    static bool hasFooter(const ChatItem &item);
    //! The label of the Save As… button beside a file a tool made.
    static QString saveFileLabel() { return tr("Save As…"); }
    //! The row \a row showing \a item, drawn from \a rect's top left. \a full adds what only
    //! painting and hit-testing need (buttons, the bubble shrunk to a short message).
    static ChatRowGeometry layout(const ChatStyle &style, const ChatItem &item, int row,
                                  const QRect &rect, int viewportWidth,
                                  const ChatRowMeasures &measures, bool full);
    //! The Copy buttons of the code blocks of \a document, laid out at \a g's text.
    static QList<ChatHit> codeButtons(const ChatStyle &style, const ChatRowGeometry &g,
                                      const ChatItem &item, MessageDocument *document);
    //! The citation chips of \a item, left to right from (left, top), wrapping at \a width.
    static QList<QRect> chips(const ChatStyle &style, const ChatItem &item, int left, int top,
                              int width);
    //! The box an image of natural size \a natural gets in \a column (\a failed: no size will
    //! come, a compact box for the message and Retry).
    static QSize imageBox(const ChatStyle &style, const QSize &natural, bool failed,
                          const Column &column);
};

} // namespace Tramontane
