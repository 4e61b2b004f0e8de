// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/markdown/CodeHighlighter.h"

#include <QColor>
#include <QFont>

#include <array>

namespace Tramontane {

//! How rendered markdown looks. A plain value, captured on the GUI thread (it reads the
//! application font and palette) and handed by copy to worker threads.
//!
//! QTextDocument::setDefaultStyleSheet does not apply to markdown, so MessageDocument applies
//! these formats itself after import, once per committed block (never per paint).
struct MarkdownStyle {
    QFont bodyFont;
    QFont monoFont;
    QColor text;
    QColor link;
    QColor muted;                //!< block quotes, blocked images
    QColor codeBackground;       //!< fenced code blocks
    QColor codeBorder;           //!< frame of fenced code blocks
    QColor inlineCodeBackground; //!< `inline code`
    QColor tableBorder;
    QColor tableHeaderBackground;
    QColor background; //!< behind the text (the message bubble): table cells are filled with it
    //! Highlighted code, by CodeToken; each readable on codeBackground.
    std::array<QColor, CodeTokenCount> codeColours;
    qreal codePadding = 8;  //!< inside the code background, all four sides
    qreal codeGap = 6;      //!< between the code background and the blocks around it
    qreal quoteIndent = 16; //!< per block-quote level
    //! Quotes nested deeper are indented no further, so their text keeps the message's width.
    int quoteIndentLevels = 6;
    qreal tableCellPadding = 4;

    //! The application font and palette, FixedFont for code.
    static MarkdownStyle fromApplication();
    //! The colours of highlighted code on \a background: a light or a dark set, each adjusted
    //! until it reaches a contrast ratio of 4.5 with the background.
    static std::array<QColor, CodeTokenCount> codeColoursOn(const QColor &background);

    friend bool operator==(const MarkdownStyle &, const MarkdownStyle &) = default;
};

} // namespace Tramontane
