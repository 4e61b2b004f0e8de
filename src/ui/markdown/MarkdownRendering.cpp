// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/markdown/MarkdownRendering.h"

#include "ui/markdown/BidiControls.h"
#include "ui/markdown/SafeTextDocument.h"

#include <QAtomicInteger>
#include <QMutex>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextDocumentFragment>
#include <QTextFrame>
#include <QTextList>
#include <QTextTable>
#include <QVarLengthArray>

#include <climits>
#include <map>

using namespace Qt::StringLiterals;

namespace Tramontane::MarkdownRendering {

namespace {

QAtomicInteger<int> s_codeBlockIds = 0;

struct Range {
    int from;
    int to;
    QTextCharFormat format;
};

qreal headingScale(int level) {
    static constexpr qreal scales[] = {1.6, 1.35, 1.17, 1.0, 0.9, 0.85};
    return scales[qBound(1, level, 6) - 1];
}

// The importer sizes headings with FontSizeAdjustment, which Qt resolves against the default
// font with fixed HTML steps (up to 2x for h1) and which wins over any explicit size: replace it.
QTextCharFormat headingCharFormat(QTextCharFormat format, const MarkdownStyle &style, int level) {
    format.clearProperty(QTextFormat::FontSizeAdjustment);
    format.setFontWeight(QFont::Bold);
    const QFont &body = style.bodyFont;
    if (body.pointSizeF() > 0)
        format.setFontPointSize(body.pointSizeF() * headingScale(level));
    else if (body.pixelSize() > 0)
        format.setProperty(QTextFormat::FontPixelSize,
                           qRound(body.pixelSize() * headingScale(level)));
    return format;
}

void selectBlockText(QTextCursor &cursor, const QTextBlock &block) {
    cursor.setPosition(block.position());
    cursor.setPosition(block.position() + block.length() - 1, QTextCursor::KeepAnchor);
}

// Grid lines are the table's background showing through one pixel of cell spacing: Qt paints
// collapsed borders cell edge by cell edge, which made tables three times slower to draw.
void styleTable(QTextTable *table, const MarkdownStyle &style) {
    QTextTableFormat format = table->format();
    format.setBorder(0);
    format.setBorderCollapse(false);
    format.setCellSpacing(1);
    format.setCellPadding(style.tableCellPadding);
    format.setBackground(style.tableBorder);
    table->setFormat(format);
    for (int row = 0; row < table->rows(); ++row) {
        for (int column = 0; column < table->columns(); ++column) {
            QTextTableCell cell = table->cellAt(row, column);
            if (cell.row() != row || cell.column() != column)
                continue; // a merged cell, styled at its origin
            QTextCharFormat cellFormat = cell.format();
            cellFormat.setBackground(row == 0 ? style.tableHeaderBackground : style.background);
            cell.setFormat(cellFormat);
        }
    }
}

void styleFragments(QTextCursor &cursor, const QTextBlock &block, bool codeBlock,
                    const MarkdownStyle &style) {
    QVarLengthArray<Range, 8> ranges;
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextFragment fragment = it.fragment();
        const QTextCharFormat current = fragment.charFormat();
        QTextCharFormat change;
        if (current.isAnchor()) {
            change.setForeground(style.link);
            change.setFontUnderline(true);
        } else if (!codeBlock && current.fontFixedPitch()) {
            change.setBackground(style.inlineCodeBackground);
        }
        if (!change.properties().isEmpty())
            ranges.append({fragment.position(), fragment.position() + fragment.length(), change});
    }
    for (const Range &range : ranges) {
        cursor.setPosition(range.from);
        cursor.setPosition(range.to, QTextCursor::KeepAnchor);
        cursor.mergeCharFormat(range.format);
    }
}

class CodeRun {
public:
    void add(const QTextBlock &block, const QString &language, QChar fence) {
        if (!m_first.isValid()) {
            m_first = block;
            m_language = language;
            m_fence = fence;
        }
        m_last = block;
    }
    bool continues(const QTextBlock &block, const QString &language, QChar fence) const {
        return m_first.isValid() && m_language == language && m_fence == fence
               && m_last.next() == block;
    }
    void flush(QTextCursor &cursor, const MarkdownStyle &style) {
        if (!m_first.isValid())
            return;
        const int id = nextCodeBlockId();
        const QTextCharFormat charFormat = codeCharFormat(style);
        const QTextBlock end = m_last.next();
        std::unique_ptr<CodeHighlighter> highlighter;
        if (!m_language.isEmpty()) {
            highlighter = std::make_unique<CodeHighlighter>(m_language);
            if (!highlighter->isValid())
                highlighter.reset();
        }
        for (QTextBlock block = m_first; block.isValid() && block != end; block = block.next()) {
            cursor.setPosition(block.position());
            cursor.setBlockFormat(codeBlockFormat(block.blockFormat(), style, m_language, m_fence,
                                                  id, block == m_first, block == m_last));
            cursor.setBlockCharFormat(charFormat);
            selectBlockText(cursor, block);
            cursor.setCharFormat(charFormat);
            if (highlighter)
                highlightCodeLine(cursor.document(), block, *highlighter, style);
        }
        m_first = m_last = QTextBlock();
    }

private:
    QTextBlock m_first;
    QTextBlock m_last;
    QString m_language;
    QChar m_fence;
};

QString prefixMarkdown(Trailing trailing) {
    switch (trailing.kind) {
    case BlockKind::Start:
        return {};
    case BlockKind::Paragraph:
        return u"x\n\n"_s;
    case BlockKind::Heading:
        return QString(qBound(1, trailing.level, 6), u'#') + u" x\n\n"_s;
    case BlockKind::List:
        return u"- x\n\n"_s;
    case BlockKind::Quote:
        return u"> x\n\n"_s;
    case BlockKind::Code:
        return u"```\nx\n```\n\n"_s;
    case BlockKind::Rule:
        return trailing.level ? u"```\nx\n```\n\n---\n\n"_s : u"x\n\n---\n\n"_s;
    case BlockKind::Table:
        return u"| x |\n|---|\n| x |\n\n"_s;
    }
    return {};
}

} // namespace

int nextCodeBlockId() {
    return s_codeBlockIds.fetchAndAddRelaxed(1) + 1;
}

Trailing trailingOf(const QTextDocument *document) {
    if (document->isEmpty())
        return {};
    const QTextBlock last = document->lastBlock();
    const QTextBlockFormat format = last.blockFormat();
    if (format.hasProperty(QTextFormat::BlockCodeLanguage))
        return {BlockKind::Code, 0};
    if (format.hasProperty(QTextFormat::BlockTrailingHorizontalRulerWidth)) {
        // After a code block or a quote the importer still owes a new block when it meets the
        // next one, and a rule does not settle that debt: remember it.
        QTextBlock before = last.previous();
        while (before.isValid()
               && before.blockFormat().hasProperty(QTextFormat::BlockTrailingHorizontalRulerWidth))
            before = before.previous();
        const QTextBlockFormat previous =
            before.isValid() ? before.blockFormat() : QTextBlockFormat();
        const bool owed = previous.hasProperty(QTextFormat::BlockCodeLanguage)
                          || previous.intProperty(QTextFormat::BlockQuoteLevel) > 0;
        return {BlockKind::Rule, owed ? 1 : 0};
    }
    if (last.textList())
        return {BlockKind::List, 0};
    if (format.headingLevel() > 0)
        return {BlockKind::Heading, format.headingLevel()};
    if (format.intProperty(QTextFormat::BlockQuoteLevel) > 0)
        return {BlockKind::Quote, 0};
    if (last.length() <= 1) {
        const QTextBlock previous = last.previous();
        if (previous.isValid() && QTextCursor(previous).currentTable())
            return {BlockKind::Table, 0};
    }
    return {BlockKind::Paragraph, 0};
}

const Prefix &prefixFor(Trailing trailing) {
    static QMutex mutex;
    static std::map<int, Prefix> prefixes; // node-based: references stay valid
    const int key = int(trailing.kind) * 16 + qBound(0, trailing.level, 6);
    QMutexLocker locker(&mutex);
    if (auto it = prefixes.find(key); it != prefixes.end())
        return it->second;
    Prefix prefix;
    prefix.markdown = prefixMarkdown(trailing);
    if (!prefix.markdown.isEmpty()) {
        SafeTextDocument document;
        document.importMarkdown(prefix.markdown);
        prefix.blockCount = document.blockCount();
        prefix.endPosition = document.characterCount() - 1;
    }
    return prefixes.emplace(key, std::move(prefix)).first->second;
}

void prepareDocument(QTextDocument *document, const MarkdownStyle &style) {
    document->setUndoRedoEnabled(false);
    document->setDefaultFont(style.bodyFont);
    document->setDocumentMargin(0);
    QTextOption option = document->defaultTextOption();
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    document->setDefaultTextOption(option);
}

void highlightCodeLine(QTextDocument *document, const QTextBlock &block,
                       CodeHighlighter &highlighter, const MarkdownStyle &style) {
    const QList<CodeHighlighter::Span> spans = highlighter.highlightLine(block.text());
    if (spans.isEmpty())
        return;
    QTextCursor cursor(document);
    for (const CodeHighlighter::Span &span : spans) {
        QTextCharFormat colour;
        colour.setForeground(style.codeColours[size_t(span.token)]);
        cursor.setPosition(block.position() + span.start);
        cursor.setPosition(block.position() + span.start + span.length, QTextCursor::KeepAnchor);
        cursor.mergeCharFormat(colour);
    }
}

QTextCharFormat codeCharFormat(const MarkdownStyle &style) {
    QTextCharFormat format;
    format.setFont(style.monoFont);
    // Like the importer: the size follows the document's default font.
    format.clearProperty(QTextFormat::FontPointSize);
    format.clearProperty(QTextFormat::FontPixelSize);
    format.setFontFixedPitch(true);
    return format;
}

QTextBlockFormat codeBlockFormat(const QTextBlockFormat &base, const MarkdownStyle &style,
                                 const QString &language, QChar fence, int id, bool first,
                                 bool last) {
    QTextBlockFormat format = base;
    const qreal baseLeft = base.hasProperty(CodeBlockIdProperty)
                               ? base.leftMargin() - style.codePadding
                               : base.leftMargin();
    format.setProperty(QTextFormat::BlockCodeLanguage, language);
    if (!fence.isNull())
        format.setProperty(QTextFormat::BlockCodeFence, QString(fence));
    // Wrap long lines: a chat row cannot scroll sideways.
    format.setNonBreakableLines(false);
    format.setProperty(CodeBlockIdProperty, id);
    format.setLeftMargin(baseLeft + style.codePadding);
    format.setRightMargin(style.codePadding);
    format.setTopMargin(first ? style.codePadding + style.codeGap : 0);
    format.setBottomMargin(last ? style.codePadding + style.codeGap : 0);
    return format;
}

void applyStyle(QTextDocument *document, int fromBlock, int toBlock, const MarkdownStyle &style) {
    const QTextBlock start = document->findBlockByNumber(fromBlock);
    if (!start.isValid() || (toBlock >= 0 && toBlock <= fromBlock))
        return;
    const QTextBlock stop = toBlock >= 0 ? document->findBlockByNumber(toBlock) : QTextBlock();
    QTextCursor cursor(document);
    cursor.beginEditBlock();

    const int startPosition = start.position();
    const int stopPosition = stop.isValid() ? stop.position() : INT_MAX;
    const QList<QTextFrame *> frames = document->rootFrame()->childFrames();
    for (QTextFrame *frame : frames) {
        if (auto *table = qobject_cast<QTextTable *>(frame);
            table && table->firstPosition() >= startPosition
            && table->firstPosition() < stopPosition) {
            styleTable(table, style);
        }
    }

    CodeRun run;
    for (QTextBlock block = start; block.isValid() && block != stop; block = block.next()) {
        const QTextBlockFormat format = block.blockFormat();
        if (format.hasProperty(QTextFormat::BlockCodeLanguage)) {
            if (format.hasProperty(CodeBlockIdProperty)) {
                run.flush(cursor, style); // already styled by CodeBlockBuilder
                continue;
            }
            const QString language = format.stringProperty(QTextFormat::BlockCodeLanguage);
            const QString fence = format.stringProperty(QTextFormat::BlockCodeFence);
            const QChar fenceChar = fence.isEmpty() ? QChar() : fence.front();
            if (!run.continues(block, language, fenceChar))
                run.flush(cursor, style);
            run.add(block, language, fenceChar);
            continue;
        }
        run.flush(cursor, style);

        if (const int level = format.headingLevel(); level > 0) {
            QTextBlockFormat heading = format;
            heading.setTopMargin(qRound(style.codeGap * (level <= 2 ? 2.5 : 2.0)));
            heading.setBottomMargin(qRound(style.codeGap * (level <= 2 ? 1.0 : 0.5)));
            cursor.setPosition(block.position());
            cursor.setBlockFormat(heading);
            cursor.setBlockCharFormat(headingCharFormat(block.charFormat(), style, level));
            QVarLengthArray<Range, 8> ranges;
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                const QTextFragment fragment = it.fragment();
                ranges.append({fragment.position(), fragment.position() + fragment.length(),
                               headingCharFormat(fragment.charFormat(), style, level)});
            }
            for (const Range &range : ranges) {
                cursor.setPosition(range.from);
                cursor.setPosition(range.to, QTextCursor::KeepAnchor);
                cursor.setCharFormat(range.format);
            }
        } else if (const int depth = format.intProperty(QTextFormat::BlockQuoteLevel); depth > 0) {
            QTextBlockFormat quote = format;
            quote.setLeftMargin(style.quoteIndent * qMin(depth, style.quoteIndentLevels));
            quote.setRightMargin(0);
            cursor.setPosition(block.position());
            cursor.setBlockFormat(quote);
            QTextCharFormat muted;
            muted.setForeground(style.muted);
            selectBlockText(cursor, block);
            cursor.mergeCharFormat(muted);
        }
        styleFragments(cursor, block, false, style);
    }
    run.flush(cursor, style);
    cursor.endEditBlock();
}

void importWithPrefix(SafeTextDocument *document, const Prefix &prefix, QStringView markdown,
                      const MarkdownStyle &style) {
    document->setLayoutEnabled(false);
    QString source;
    source.reserve(prefix.markdown.size() + markdown.size());
    source += prefix.markdown;
    source += BidiControls::contains(markdown) ? BidiControls::neutralised(markdown)
                                               : markdown.toString();
    document->setMarkdown(source, SafeTextDocument::markdownFeatures());
    document->sanitizeImages(prefix.blockCount);
    // Separately, so no code block of the content is taken for the end of the prefix's one.
    applyStyle(document, 0, prefix.blockCount, style);
    applyStyle(document, prefix.blockCount, -1, style);
    document->setLayoutEnabled(true);
}

void append(SafeTextDocument *target, QStringView markdown, const MarkdownStyle &style) {
    const Trailing trailing = trailingOf(target);
    if (trailing.kind == BlockKind::Start) {
        importWithPrefix(target, prefixFor(trailing), markdown, style);
        return;
    }
    const Prefix &prefix = prefixFor(trailing);
    SafeTextDocument scratch;
    prepareDocument(&scratch, style);
    scratch.setImageResolver(target->imageResolver());
    importWithPrefix(&scratch, prefix, markdown, style);
    QTextCursor selection(&scratch);
    selection.setPosition(prefix.endPosition);
    selection.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
    const QTextDocumentFragment fragment(selection);
    QTextCursor cursor(target);
    cursor.movePosition(QTextCursor::End);
    cursor.insertFragment(fragment);
}

// --- CodeBlockBuilder ---------------------------------------------------------------------

CodeBlockBuilder::CodeBlockBuilder(SafeTextDocument *document, const MarkdownStyle &style,
                                   Options options)
    : m_document(document)
    , m_style(style)
    , m_options(std::move(options))
    , m_id(nextCodeBlockId()) {
    m_openerSeen = !m_options.fence;
    if (m_options.fence && !m_options.language.isEmpty()) {
        m_highlighter = std::make_unique<CodeHighlighter>(m_options.language);
        if (!m_highlighter->isValid())
            m_highlighter.reset();
    }
}

QString CodeBlockBuilder::contentOf(QStringView line) const {
    if (m_options.fence) {
        int removed = 0;
        while (removed < m_options.fenceIndent && removed < line.size() && line[removed] == u' ')
            ++removed;
        line = line.sliced(removed);
    }
    QString text = line.toString();
    text.replace(QChar(0), QChar(0xFFFD));
    return text;
}

namespace {

// A closing fence: up to three spaces, then at least `length` fence characters, then blanks.
bool isCloser(QStringView line, QChar fence, int length) {
    qsizetype i = 0;
    while (i < line.size() && i < 4 && line[i] == u' ')
        ++i;
    if (i > 3)
        return false;
    qsizetype run = 0;
    while (i + run < line.size() && line[i + run] == fence)
        ++run;
    if (run < length)
        return false;
    for (qsizetype j = i + run; j < line.size(); ++j) {
        if (line[j] != u' ' && line[j] != u'\t')
            return false;
    }
    return true;
}

// An unterminated line that may still become a closer.
bool mayBecomeCloser(QStringView line, QChar fence) {
    const QStringView trimmed = line.trimmed();
    if (trimmed.isEmpty())
        return false;
    for (QChar c : trimmed) {
        if (c != fence)
            return false;
    }
    return true;
}

} // namespace

namespace {
// Lines of code longer than this are shown as several blocks.
constexpr qsizetype kLinePieceChars = 2048;
} // namespace

qsizetype CodeBlockBuilder::update(QStringView source, bool final) {
    qsizetype looked = 0;
    QTextCursor cursor(m_document);
    cursor.beginEditBlock();
    while (!m_closed) {
        // A line longer than a piece is shown as pieces, each a block of its own (the opener
        // line excepted): no layout or paint step grows with the line.
        const qsizetype limit = m_openerSeen ? m_scanned + kLinePieceChars : source.size();
        qsizetype end = m_scanned;
        while (end < source.size() && end < limit && source[end] != u'\n' && source[end] != u'\r')
            ++end;
        if (end >= source.size())
            break;
        const bool piece = end == limit && source[end] != u'\n' && source[end] != u'\r';
        if (piece && source[end - 1].isHighSurrogate())
            --end;
        qsizetype next = piece ? end : end + 1;
        if (!piece && source[end] == u'\r') {
            if (next >= source.size() && !final)
                break;
            if (next < source.size() && source[next] == u'\n')
                ++next;
        }
        const QStringView line = source.sliced(m_scanned, end - m_scanned);
        looked += next - m_scanned;
        m_scanned = next;
        if (!m_openerSeen) {
            m_openerSeen = true;
            continue;
        }
        if (!m_continued && m_options.fence
            && isCloser(line, m_options.fenceChar, m_options.fenceLength)) {
            m_closed = true;
            break;
        }
        addLine(line, piece);
    }

    if (!m_closed && m_openerSeen) {
        const QStringView rest = source.sliced(qMin(m_scanned, source.size()));
        looked += rest.size();
        if (rest.isEmpty()) {
            removePartial();
        } else if (m_options.fence
                   && (final ? isCloser(rest, m_options.fenceChar, m_options.fenceLength)
                             : mayBecomeCloser(rest, m_options.fenceChar))) {
            removePartial();
            m_closed = final;
        } else if (final) {
            addLine(rest, false);
            m_scanned = source.size();
        } else if (!m_options.fence && rest.trimmed().isEmpty()) {
            removePartial();
        } else {
            flushDeferredBlanks();
            showPartial(rest);
        }
    }
    cursor.endEditBlock();
    return looked;
}

void CodeBlockBuilder::addLine(QStringView line, bool continues) {
    QString text = m_continued ? line.toString().replace(QChar(0), QChar(0xFFFD)) : contentOf(line);
    if (!m_options.fence && text.trimmed().isEmpty()) {
        // Plain text: blank lines only count once something follows them.
        removePartial();
        ++m_deferredBlank;
        return;
    }
    flushDeferredBlanks();
    showPartial(text);
    if (m_highlighter)
        highlightCodeLine(m_document, m_document->lastBlock(), *m_highlighter, m_style);
    if (continues) {
        QTextCursor cursor(m_document);
        cursor.movePosition(QTextCursor::End);
        QTextBlockFormat format;
        format.setProperty(ContinuedLineProperty, true);
        cursor.mergeBlockFormat(format);
    }
    m_continued = continues;
    m_hasPartial = false;
    ++m_lines;
}

void CodeBlockBuilder::flushDeferredBlanks() {
    if (m_deferredBlank == 0)
        return;
    removePartial();
    for (int i = std::exchange(m_deferredBlank, 0); i > 0; --i) {
        showPartial(u"");
        m_hasPartial = false;
        ++m_lines;
    }
}

// Removes the block showing an unterminated line, if any.
void CodeBlockBuilder::removePartial() {
    if (!m_hasPartial)
        return;
    m_hasPartial = false;
    QTextCursor cursor(m_document);
    cursor.movePosition(QTextCursor::End);
    cursor.movePosition(QTextCursor::StartOfBlock);
    if (cursor.position() == 0) {
        // The code block is the whole document: empty it.
        cursor.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
        cursor.removeSelectedText();
        cursor.setBlockFormat(QTextBlockFormat());
        return;
    }
    cursor.movePosition(QTextCursor::PreviousCharacter);
    cursor.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
    cursor.removeSelectedText();
    if (m_lines > 0) {
        QTextBlockFormat last = cursor.blockFormat();
        last.setBottomMargin(m_style.codePadding + m_style.codeGap);
        cursor.setBlockFormat(last);
    }
}

// Shows \a text in the block after the complete lines (creating that block if needed).
void CodeBlockBuilder::showPartial(QStringView text) {
    QTextCursor cursor(m_document);
    const QTextCharFormat charFormat = codeCharFormat(m_style);
    cursor.movePosition(QTextCursor::End);
    if (m_hasPartial) {
        cursor.movePosition(QTextCursor::StartOfBlock, QTextCursor::KeepAnchor);
        cursor.insertText(BidiControls::neutralised(text), charFormat);
        return;
    }
    const bool first = m_lines == 0;
    QTextBlockFormat base;
    if (m_options.plainTable)
        base.setProperty(PlainTableProperty, true);
    const QChar fence = m_options.fence ? m_options.fenceChar : QChar(u'`');
    const QTextBlockFormat format =
        codeBlockFormat(base, m_style, m_options.language, fence, m_id, first, true);
    if (first && m_document->isEmpty()) {
        cursor.setBlockFormat(format);
        cursor.setBlockCharFormat(charFormat);
    } else {
        if (!first) {
            QTextBlockFormat previous = cursor.blockFormat();
            previous.setBottomMargin(0);
            cursor.setBlockFormat(previous);
        }
        cursor.insertBlock(format, charFormat);
    }
    if (!text.isEmpty())
        cursor.insertText(BidiControls::neutralised(text), charFormat);
    m_hasPartial = true;
}

} // namespace Tramontane::MarkdownRendering
