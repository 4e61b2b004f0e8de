// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/markdown/CodeHighlighter.h"
#include "ui/markdown/MarkdownStyle.h"

#include <QString>
#include <QStringView>
#include <QTextFormat>

#include <memory>

class QTextBlock;
class QTextDocument;

namespace Tramontane {

class SafeTextDocument;

//! Building blocks of MessageDocument: importing markdown a piece at a time so that the pieces,
//! stacked, look exactly like one import of the whole text. Internal to the ui layer; tests use
//! them directly.
namespace MarkdownRendering {

//! Block property holding the id of the fenced code block a block belongs to.
inline constexpr int CodeBlockIdProperty = QTextFormat::UserProperty + 0x5401;
//! Block property marking a giant table shown as plain text (value: true).
inline constexpr int PlainTableProperty = QTextFormat::UserProperty + 0x5402;
//! Block property of a code block holding a piece of a long line: the next block goes on with
//! the same line (value: true).
inline constexpr int ContinuedLineProperty = QTextFormat::UserProperty + 0x5403;

//! What the last top-level block of a document is: the markdown importer's state after it, and
//! the margins the layout collapses with the next block, depend on it.
enum class BlockKind : quint8 { Start, Paragraph, Heading, List, Quote, Code, Rule, Table };
struct Trailing {
    BlockKind kind = BlockKind::Start;
    int level = 0; //!< heading level; for a rule, 1 if a code block or quote precedes it
    friend bool operator==(const Trailing &, const Trailing &) = default;
};

Trailing trailingOf(const QTextDocument *document);

//! A tiny markdown text standing for what precedes a piece: the piece is imported after it, so
//! the importer and the layout see the same context as in the whole message.
struct Prefix {
    QString markdown;
    int blockCount = 0;  //!< blocks the prefix alone produces
    int endPosition = 0; //!< end of its last block (where appended content starts)
};
//! Thread-safe; computed once per kind.
const Prefix &prefixFor(Trailing trailing);

//! Default font, no document margin, no undo stack, wrapping anywhere when needed.
void prepareDocument(QTextDocument *document, const MarkdownStyle &style);

//! Styles blocks from \a fromBlock up to \a toBlock excluded (-1: the end): headings, code,
//! quotes, links, inline code, tables; gives every code block an id. Runs once per committed
//! piece.
void applyStyle(QTextDocument *document, int fromBlock, int toBlock, const MarkdownStyle &style);

//! Replaces the content of \a document with \a prefix followed by \a markdown: imported with
//! layout disabled, images sanitized, styled. Layout is enabled again at the end.
void importWithPrefix(SafeTextDocument *document, const Prefix &prefix, QStringView markdown,
                      const MarkdownStyle &style);

//! Appends \a markdown at the end of \a target, rendered as it would be after target's content
//! in one import. Parses \a markdown once, in a scratch document.
void append(SafeTextDocument *target, QStringView markdown, const MarkdownStyle &style);

//! A fresh id for a code block.
int nextCodeBlockId();

//! The formats the markdown importer gives fenced code, with our styling applied.
QTextBlockFormat codeBlockFormat(const QTextBlockFormat &base, const MarkdownStyle &style,
                                 const QString &language, QChar fence, int id, bool first,
                                 bool last);
QTextCharFormat codeCharFormat(const MarkdownStyle &style);

//! Colours the text of \a block, one line of a code block, with the next line's runs of
//! \a highlighter (the block's text is that line, as shown).
void highlightCodeLine(QTextDocument *document, const QTextBlock &block,
                       CodeHighlighter &highlighter, const MarkdownStyle &style);

//! Builds code blocks line by line at the end of a document, as the importer would, but
//! incrementally: a streaming fence only ever appends its new lines. Also renders giant tables
//! as plain monospace text.
class CodeBlockBuilder {
public:
    struct Options {
        bool fence = true; //!< source starts with an opener line and may end with a closer
        QChar fenceChar = u'`';
        int fenceLength = 3;
        int fenceIndent = 0;
        QString language;
        bool plainTable = false; //!< mark blocks with PlainTableProperty
    };

    CodeBlockBuilder(SafeTextDocument *document, const MarkdownStyle &style, Options options);

    //! Renders \a source (the chunk text so far; it only ever grows) as far as it goes. With
    //! \a final, an unterminated last line is content too. Returns how many source characters
    //! this call looked at.
    qsizetype update(QStringView source, bool final);

    bool closed() const { return m_closed; }
    int lineCount() const { return m_lines; }

private:
    //! \a continues: \a line is a piece of a longer line, continued by the next block.
    void addLine(QStringView line, bool continues = false);
    void flushDeferredBlanks();
    void showPartial(QStringView text);
    void removePartial();
    QString contentOf(QStringView line) const;

    SafeTextDocument *m_document;
    MarkdownStyle m_style;
    Options m_options;
    std::unique_ptr<CodeHighlighter> m_highlighter; //!< null without a known language
    int m_id;
    qsizetype m_scanned = 0; // source position after the last complete line handled
    int m_lines = 0;         // blocks holding complete lines
    int m_deferredBlank = 0; // plain mode: blank lines waiting for a non-blank one
    bool m_openerSeen = false;
    bool m_hasPartial = false;
    bool m_continued = false; // the last block holds a piece of a line that goes on
    bool m_closed = false;
};

} // namespace MarkdownRendering

} // namespace Tramontane
