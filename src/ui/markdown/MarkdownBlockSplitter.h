// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QChar>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace Tramontane {

//! Finds where a streaming markdown message can be cut so that the text before the cut renders
//! exactly the same whatever arrives after it.
//!
//! A coarse CommonMark block scanner: it tracks block quotes, list items (by content column),
//! fenced code (``` or ~~~, three or more, closed by the same character at least as long),
//! indented code, paragraphs and GitHub tables, and only considers complete lines (ended by
//! LF, CRLF or CR). Commit points are:
//!  - the end of a blank line that closes every open block (no list item, quote, fence or
//!    indented code can continue past it);
//!  - after blank lines inside a list or indented code, the start of the next line when it
//!    starts at column 0 and is not a list item (so the list cannot continue);
//!  - the start of a fence opener at top level, and the end of its closing line.
//! Whenever the scanner is unsure it does not commit: a missed commit point only costs speed.
//! Link reference definitions are global in markdown and are reported separately.
//!
//! Pure functions; linear in the scanned text.
class MarkdownBlockSplitter final {
public:
    enum class ChunkKind : quint8 {
        Markdown, //!< any sequence of blocks, for the markdown importer
        Fence,    //!< exactly one top-level fenced code block, opener to closer
    };

    struct Chunk {
        qsizetype begin = 0;
        qsizetype end = 0; //!< exclusive
        ChunkKind kind = ChunkKind::Markdown;
        int tables = 0;       //!< GitHub tables starting in this chunk
        int maxTableRows = 0; //!< body rows of its largest table
        // Fence chunks only:
        bool open = false; //!< the fence is not closed yet (only ever the tail)
        QChar fenceChar;   //!< '`' or '~'
        int fenceLength = 0;
        int fenceIndent = 0;        //!< columns before the opener, removed from content lines
        QString language;           //!< first word of the info string
        qsizetype contentBegin = 0; //!< just after the opener line

        qsizetype length() const { return end - begin; }
    };

    struct Result {
        //! Length of the committed prefix: text before it never renders differently.
        qsizetype committed = 0;
        //! Committed chunks found between `from` and `committed`, in order. Stretches made only
        //! of blank lines are committed but belong to no chunk.
        QList<Chunk> chunks;
        //! The open tail [committed, size). Kind Fence (open) when it is a top-level fenced
        //! block still waiting for its closer.
        Chunk tail;
        //! Lines holding link reference definitions (`[label]: url`), as written.
        QStringList referenceDefinitions;
    };

    //! Scans \a text from \a from, which must be 0 or a `committed` value returned for a
    //! prefix of the same text: scanning restarts there in a clean state, so a streaming
    //! caller only ever scans its tail.
    static Result split(QStringView text, qsizetype from = 0);

    //! The committed prefix length of \a text (split(text).committed).
    static qsizetype committedLength(QStringView text);

    //! Every chunk of a finished message: the committed ones followed by the tail (unless it is
    //! blank). A tail fence still open keeps `open` set.
    static QList<Chunk> finalChunks(QStringView text, QStringList *referenceDefinitions = nullptr);

    MarkdownBlockSplitter() = delete;
};

} // namespace Tramontane
