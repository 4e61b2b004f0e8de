// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QFont>
#include <QFontMetricsF>
#include <QHash>
#include <QPalette>
#include <QPixmap>
#include <QString>

class QPainter;
class QRectF;

namespace Tramontane {

//! Colours, fonts, metrics and icons of the chat view, all derived from the palette and font
//! of the view, so the chat follows light and dark themes. Rebuilt when either changes.
class ChatStyle final {
public:
    ChatStyle();
    explicit ChatStyle(const QPalette &palette, const QFont &font);

    // Colours
    QColor base;            //!< the view background
    QColor text;            //!< body text
    QColor muted;           //!< secondary text: footers, summaries, hints
    QColor faint;           //!< tertiary: separators, disabled
    QColor accent;          //!< links, focus, active controls
    QColor userBubble;      //!< the user's messages
    QColor cardBackground;  //!< tool cards, placeholders
    QColor cardBorder;      //!< their frame
    QColor codeBackground;  //!< monospace blocks
    QColor buttonHover;     //!< hovered small buttons
    QColor buttonBorder;    //!< small button frames
    QColor success;         //!< a tool that ran
    QColor danger;          //!< failures
    QColor errorBackground; //!< a failure notice
    QColor errorBorder;
    QColor warningBackground; //!< an interruption notice
    QColor warningBorder;
    QColor infoBackground; //!< content the client cannot show
    QColor infoBorder;
    QColor selection;     //!< behind selected text (the palette's Highlight)
    QColor selectionText; //!< selected text (HighlightedText)
    QColor findMatch;     //!< behind every match of "Find in this chat"
    QColor findMatchText;
    QColor findCurrent; //!< behind the current match: stronger
    QColor findCurrentText;

    // Fonts and their metrics
    QFont font;
    QFont bold;
    QFont small;
    QFont mono;
    QFontMetricsF fm;
    QFontMetricsF boldFm;
    QFontMetricsF smallFm;
    QFontMetricsF monoFm;

    // Metrics, in logical pixels
    int maxColumnWidth = 820; //!< text column, centred in wide windows
    int sideMargin = 24;
    int rowPadding = 6;      //!< above and below every row
    int turnGap = 14;        //!< extra space above the user message that starts a turn
    int bubblePaddingH = 14; //!< inside the user bubble
    int bubblePaddingV = 9;
    int bubbleRadius = 16;
    int cardRadius = 10;
    int cardHeader = 38; //!< collapsed tool card
    int cardPadding = 12;
    int footerHeight = 26; //!< model · tokens · request id, and hover actions
    int buttonHeight = 24; //!< small buttons (Copy, Retry, Details…)
    int iconSize = 16;
    int maxImageWidth = 512;
    int maxImageHeight = 768;
    int attachedImageSide = 160; //!< the thumbnail of an image the user attached
    // Row geometry (ChatRowLayout)
    int narrowViewport = 480; //!< below this viewport width, the narrow side margin
    int narrowSideMargin = 10;
    int minColumnWidth = 80;
    int iconButton = 28;         //!< square hover buttons (Copy, Edit)
    int iconButtonSpacing = 2;   //!< between two of them
    int bubbleButtonGap = 6;     //!< between the user bubble and its buttons
    int blockPadding = 8;        //!< inside monospace blocks
    int blockCopyWidth = 68;     //!< the Copy button in a block's top right corner
    int blockCopyInset = 4;      //!< ... this far from the block's top and right edges
    int sectionSpacing = 8;      //!< between the parts of a card (blocks, buttons)
    int labelExtra = 6;          //!< a block's label: a small line and this much
    int thinkingIndent = 16;     //!< unfolded reasoning text, right of the fold line
    int thinkingHeaderExtra = 8; //!< the folded line: a line of text and this much
    int noticeIconGap = 10;      //!< between a notice's icon and its text
    int labelButtonExtra = 22;   //!< a button with a label: label, icon and this much
    int chipMaxWidth = 240;      //!< a citation chip's label is elided past this
    int chipSpacing = 6;         //!< between chips, and above the first row of them
    int chipPaddingH = 8;
    int chipExtra = 8;      //!< a chip: a small line and this much
    int footerGap = 2;      //!< above the footer, and below the chips
    int codeCopyExtra = 20; //!< a code block's Copy: "Copied", icon and this much
    int codeCopyInset = 4;  //!< ... this far from the block's top and right edges

    //! A tinted icon from the chat icon set (":/icons/chat/<name>.svg"), cached.
    QPixmap icon(const QString &name, const QColor &color, int size, qreal dpr) const;
    //! Paints icon \a name centred in \a rect.
    void drawIcon(QPainter *painter, const QRectF &rect, const QString &name,
                  const QColor &color) const;

    //! \a a blended towards \a b by \a amount (0 = a, 1 = b).
    static QColor mix(const QColor &a, const QColor &b, qreal amount);

private:
    mutable QHash<QString, QPixmap> m_icons;
};

} // namespace Tramontane
