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
