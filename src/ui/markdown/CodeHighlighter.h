// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <memory>

namespace Tramontane {

//! What a highlighted piece of code is; each kind has its colour in MarkdownStyle.
enum class CodeToken : quint8 {
    Keyword,
    Type,
    String,
    Comment,
    Number,
    Preprocessor,
    Function,
    Variable,
    Added,   //!< a diff's new lines
    Removed, //!< a diff's old lines
};
inline constexpr int CodeTokenCount = int(CodeToken::Removed) + 1;

//! Colours the lines of one fenced code block, one line at a time, with GNU Source-highlight's
//! language definitions (and Tramontane's own for TypeScript, YAML and Markdown, which
//! Source-highlight lacks, and diffs, whose hunks it colours only after a file header). A library
//! of maintained definitions for about a hundred languages, rather than hand-written rules.
//!
//! State carries from one line to the next (a comment or string left open), so a streaming
//! block is coloured line by line as its lines complete, and gives the same colours as the
//! whole block at once. Definitions are parsed once per process (the parser is not reentrant:
//! parsing is serialised) and shared; highlighting itself runs on any thread. A definition that
//! fails to load, a line over MaxLineChars, or a regular expression that gives up on hostile input
//! leave the code uncoloured, never broken.
class CodeHighlighter {
public:
    //! A coloured run of a line, in UTF-16 positions of that line.
    struct Span {
        int start = 0;
        int length = 0;
        CodeToken token = CodeToken::Keyword;
        friend bool operator==(const Span &, const Span &) = default;
    };

    //! Lines longer than this are left uncoloured (minified code, data dumps).
    static constexpr qsizetype MaxLineChars = 2000;

    //! The definition file for a fence's language ("c++", "py", "ts", "yml"…), or an empty
    //! string when there is none (no language given, or an unknown one).
    static QString definitionFor(const QString &language);

    //! Parses the definitions of the common languages on a worker thread, once per process,
    //! so that the first code block of an answer does not wait for its definition. The app
    //! calls it at start; without it, a definition is parsed when first needed.
    static void preloadInBackground();

    explicit CodeHighlighter(const QString &language);
    ~CodeHighlighter();
    CodeHighlighter(const CodeHighlighter &) = delete;
    CodeHighlighter &operator=(const CodeHighlighter &) = delete;

    //! False when the language has no definition, or its definition could not be loaded.
    bool isValid() const;

    //! The coloured runs of the next line of the block, in order and without overlap.
    QList<Span> highlightLine(QStringView line);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Tramontane
