// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/markdown/MarkdownBlockSplitter.h"

#include <QVarLengthArray>

namespace Tramontane {

namespace {

bool isSpaceOrTab(QChar c) {
    return c == u' ' || c == u'\t';
}

bool isBlank(QStringView s) {
    for (QChar c : s) {
        if (!isSpaceOrTab(c))
            return false;
    }
    return true;
}

// Walks one line column by column. Tabs advance to the next multiple of four; a tab consumed
// only partly leaves its remaining columns as virtual spaces.
class LineCursor {
public:
    explicit LineCursor(QStringView line)
        : m_line(line) {}

    // Columns of whitespace from the current position.
    int indent() const {
        int columns = m_virtual;
        int col = m_col;
        for (qsizetype i = m_pos; i < m_line.size(); ++i) {
            if (m_line[i] == u' ') {
                ++columns;
                ++col;
            } else if (m_line[i] == u'\t') {
                const int width = 4 - col % 4;
                columns += width;
                col += width;
            } else {
                break;
            }
        }
        return columns;
    }

    // Consumes up to \a columns columns of whitespace.
    void skipColumns(int columns) {
        while (columns > 0) {
            if (m_virtual > 0) {
                const int take = qMin(columns, m_virtual);
                m_virtual -= take;
                columns -= take;
                continue;
            }
            if (m_pos >= m_line.size())
                return;
            const QChar c = m_line[m_pos];
            if (c == u' ') {
                ++m_pos;
                ++m_col;
                --columns;
            } else if (c == u'\t') {
                const int width = 4 - m_col % 4;
                ++m_pos;
                m_col += width;
                m_virtual = width;
            } else {
                return;
            }
        }
    }

    // The character after the indentation (null at the end of the line).
    QChar firstNonSpace() const {
        for (qsizetype i = m_pos; i < m_line.size(); ++i) {
            if (!isSpaceOrTab(m_line[i]))
                return m_line[i];
        }
        return {};
    }

    // The rest of the line after the indentation.
    QStringView content() const {
        qsizetype i = m_pos;
        while (i < m_line.size() && isSpaceOrTab(m_line[i]))
            ++i;
        return m_line.sliced(i);
    }

    bool restBlank() const { return isBlank(m_line.sliced(m_pos)); }

    // Skips the indentation then \a count non-space characters.
    void skipIndentAnd(qsizetype count) {
        skipColumns(indent());
        m_virtual = 0;
        m_pos += count;
        m_col += int(count);
    }

    // A block quote marker: up to three columns of indentation, '>', one optional space.
    bool consumeQuoteMarker() {
        if (indent() > 3 || firstNonSpace() != u'>')
            return false;
        skipIndentAnd(1);
        if (m_pos < m_line.size() && isSpaceOrTab(m_line[m_pos]))
            skipColumns(1);
        return true;
    }

private:
    QStringView m_line;
    qsizetype m_pos = 0;
    int m_col = 0;
    int m_virtual = 0;
};

struct ListMarker {
    qsizetype width = 0; // characters of the marker itself
    bool ordered = false;
    int start = 0;
    bool emptyItem = false; // nothing after the marker on this line
    int spacesAfter = 0;    // columns of whitespace after the marker
};

bool isThematicBreak(QStringView content) {
    if (content.isEmpty())
        return false;
    const QChar mark = content.front();
    if (mark != u'-' && mark != u'*' && mark != u'_')
        return false;
    int count = 0;
    for (QChar c : content) {
        if (c == mark)
            ++count;
        else if (!isSpaceOrTab(c))
            return false;
    }
    return count >= 3;
}

int columnsOfWhitespace(QStringView s, int startColumn) {
    int col = startColumn;
    for (QChar c : s) {
        if (c == u' ')
            ++col;
        else if (c == u'\t')
            col += 4 - col % 4;
        else
            break;
    }
    return col - startColumn;
}

// A list item marker at the start of \a content (indentation already removed).
bool listMarker(QStringView content, int column, ListMarker *marker) {
    if (content.isEmpty())
        return false;
    qsizetype width = 0;
    const QChar first = content.front();
    if (first == u'-' || first == u'+' || first == u'*') {
        width = 1;
        marker->ordered = false;
    } else if (first.isDigit()) {
        int value = 0;
        // At most 9 digits: a 10th is looked at (it means no marker) but never added in, so
        // the value cannot overflow.
        while (width < content.size() && width < 10 && content[width].isDigit()) {
            if (width < 9)
                value = value * 10 + content[width].digitValue();
            ++width;
        }
        if (width > 9 || width >= content.size())
            return false;
        if (content[width] != u'.' && content[width] != u')')
            return false;
        ++width;
        marker->ordered = true;
        marker->start = value;
    } else {
        return false;
    }
    const QStringView after = content.sliced(width);
    if (!after.isEmpty() && !isSpaceOrTab(after.front()))
        return false;
    marker->width = width;
    marker->emptyItem = isBlank(after);
    marker->spacesAfter = columnsOfWhitespace(after, column + int(width));
    return true;
}

// Whether an unterminated line may still turn out to be a list item.
bool mayBeListMarker(QStringView partial) {
    const QChar first = partial.front();
    if (first == u'-' || first == u'+' || first == u'*')
        return partial.size() == 1 || isSpaceOrTab(partial[1]);
    qsizetype digits = 0;
    while (digits < partial.size() && digits < 10 && partial[digits].isDigit())
        ++digits;
    if (digits == 0 || digits > 9)
        return false;
    if (digits == partial.size())
        return true;
    if (partial[digits] != u'.' && partial[digits] != u')')
        return false;
    return digits + 1 == partial.size() || isSpaceOrTab(partial[digits + 1]);
}

bool isAtxHeading(QStringView content) {
    qsizetype hashes = 0;
    while (hashes < content.size() && content[hashes] == u'#')
        ++hashes;
    if (hashes < 1 || hashes > 6)
        return false;
    return hashes == content.size() || isSpaceOrTab(content[hashes]);
}

struct FenceOpener {
    QChar character;
    int length = 0;
    QString language;
};

bool fenceOpener(QStringView content, FenceOpener *fence) {
    if (content.size() < 3)
        return false;
    const QChar c = content.front();
    if (c != u'`' && c != u'~')
        return false;
    qsizetype run = 0;
    while (run < content.size() && content[run] == c)
        ++run;
    if (run < 3)
        return false;
    const QStringView info = content.sliced(run).trimmed();
    if (c == u'`' && info.contains(u'`'))
        return false;
    fence->character = c;
    fence->length = int(run);
    qsizetype word = 0;
    while (word < info.size() && !info[word].isSpace())
        ++word;
    fence->language = info.first(word).toString();
    return true;
}

bool isFenceCloser(QStringView content, QChar character, int length) {
    qsizetype run = 0;
    while (run < content.size() && content[run] == character)
        ++run;
    return run >= length && isBlank(content.sliced(run));
}

// A GitHub table delimiter row: cells of dashes with optional colons, separated by pipes.
bool isTableDelimiterRow(QStringView content) {
    QStringView row = content.trimmed();
    if (!row.contains(u'|') && !row.contains(u'-'))
        return false;
    if (row.startsWith(u'|'))
        row = row.sliced(1);
    if (row.endsWith(u'|'))
        row = row.chopped(1);
    if (row.isEmpty())
        return false;
    int cells = 0;
    qsizetype start = 0;
    while (start <= row.size()) {
        qsizetype bar = row.indexOf(u'|', start);
        if (bar < 0)
            bar = row.size();
        QStringView cell = row.sliced(start, bar - start).trimmed();
        if (cell.startsWith(u':'))
            cell = cell.sliced(1);
        if (cell.endsWith(u':'))
            cell = cell.chopped(1);
        if (cell.isEmpty())
            return false;
        for (QChar c : cell) {
            if (c != u'-')
                return false;
        }
        ++cells;
        start = bar + 1;
    }
    return cells > 0;
}

// `[label]: destination` at the start of a paragraph.
bool isReferenceDefinition(QStringView content) {
    if (!content.startsWith(u'['))
        return false;
    qsizetype i = 1;
    while (i < content.size() && content[i] != u']') {
        if (content[i] == u'\\')
            ++i;
        ++i;
    }
    if (i >= content.size() || i == 1 || i + 1 >= content.size() || content[i + 1] != u':')
        return false;
    return !content.sliced(i + 2).trimmed().isEmpty();
}

class Scanner {
public:
    Scanner(QStringView text, qsizetype from)
        : m_text(text)
        , m_chunkBegin(from) {
        m_result.committed = from;
    }

    MarkdownBlockSplitter::Result run() {
        qsizetype pos = m_chunkBegin;
        while (pos < m_text.size()) {
            qsizetype contentEnd = pos;
            while (contentEnd < m_text.size() && m_text[contentEnd] != u'\n'
                   && m_text[contentEnd] != u'\r')
                ++contentEnd;
            if (contentEnd >= m_text.size()) {
                m_partialLine = pos; // an incomplete line: wait for the rest
                break;
            }
            qsizetype next = contentEnd + 1;
            if (m_text[contentEnd] == u'\r') {
                if (next >= m_text.size()) {
                    m_partialLine = pos; // a CR at the very end may be half of a CRLF
                    break;
                }
                if (m_text[next] == u'\n')
                    ++next;
            }
            processLine(m_text.sliced(pos, contentEnd - pos), pos, next);
            pos = next;
        }
        finishTail();
        return std::move(m_result);
    }

private:
    enum class Leaf { None, Paragraph, Table, IndentedCode, Fence };
    struct Container {
        bool quote = false;
        int contentIndent = 0; // list items: columns of the item's content
    };

    void processLine(QStringView line, qsizetype lineStart, qsizetype lineEnd) {
        const bool blankLine = isBlank(line);
        if (m_pending && !blankLine) {
            m_pending = false;
            ListMarker marker;
            const bool atColumnZero = !isSpaceOrTab(line.front());
            if (atColumnZero && !listMarker(line, 0, &marker)) {
                // Nothing open can continue on a line at column 0 that is no list item.
                commitAt(lineStart);
                m_stack.clear();
                m_leaf = Leaf::None;
            }
        }

        LineCursor cursor(line);
        qsizetype matched = 0;
        for (; matched < m_stack.size(); ++matched) {
            const Container &container = m_stack[matched];
            if (container.quote) {
                if (!cursor.consumeQuoteMarker())
                    break;
            } else if (!cursor.restBlank()) {
                if (cursor.indent() < container.contentIndent)
                    break;
                cursor.skipColumns(container.contentIndent);
            }
        }
        const bool allMatched = matched == m_stack.size();

        if (m_leaf == Leaf::Fence) {
            if (allMatched) {
                if (cursor.indent() <= 3
                    && isFenceCloser(cursor.content(), m_fence.character, m_fence.length)) {
                    m_leaf = Leaf::None;
                    if (m_stack.isEmpty())
                        commitFence(lineEnd);
                }
                return; // a content line, or the closer
            }
            m_leaf = Leaf::None; // its container ended, and the fence with it
            m_stack.resize(matched);
        }

        if (cursor.restBlank()) {
            m_stack.resize(matched); // block quotes do not survive a blank line
            if (m_leaf == Leaf::Paragraph || m_leaf == Leaf::Table)
                m_leaf = Leaf::None;
            if (m_stack.isEmpty() && m_leaf != Leaf::IndentedCode)
                commitAt(lineEnd);
            else
                m_pending = true;
            return;
        }

        if (!allMatched) {
            const bool lazy =
                (m_leaf == Leaf::Paragraph || m_leaf == Leaf::Table) && !startsBlock(cursor);
            if (lazy) {
                continueLeaf(cursor.content());
                return;
            }
            m_stack.resize(matched);
            m_leaf = Leaf::None;
        }

        openContainers(cursor);
        if (cursor.restBlank())
            return; // a list item starting with a blank line
        handleLeaf(cursor, lineStart, lineEnd);
    }

    bool startsBlock(const LineCursor &cursor) const {
        if (cursor.indent() > 3)
            return false;
        const QStringView content = cursor.content();
        FenceOpener fence;
        ListMarker marker;
        return content.startsWith(u'>') || isThematicBreak(content) || isAtxHeading(content)
               || fenceOpener(content, &fence)
               || (listMarker(content, 0, &marker) && !marker.emptyItem
                   && (!marker.ordered || marker.start == 1));
    }

    void openContainers(LineCursor &cursor) {
        for (;;) {
            const int indent = cursor.indent();
            if (indent > 3)
                return;
            if (cursor.firstNonSpace() == u'>') {
                cursor.consumeQuoteMarker();
                m_stack.append({true, 0});
                m_leaf = Leaf::None;
                continue;
            }
            const QStringView content = cursor.content();
            ListMarker marker;
            if (isThematicBreak(content) || !listMarker(content, indent, &marker))
                return;
            const bool interruptsParagraph = m_leaf == Leaf::Paragraph || m_leaf == Leaf::Table;
            if (interruptsParagraph && (marker.emptyItem || (marker.ordered && marker.start != 1)))
                return;
            int contentIndent = indent + int(marker.width);
            if (marker.emptyItem || marker.spacesAfter > 4)
                contentIndent += 1;
            else
                contentIndent += marker.spacesAfter;
            cursor.skipIndentAnd(marker.width);
            cursor.skipColumns(contentIndent - indent - int(marker.width));
            m_stack.append({false, contentIndent});
            m_leaf = Leaf::None;
        }
    }

    void handleLeaf(const LineCursor &cursor, qsizetype lineStart, qsizetype lineEnd) {
        const int indent = cursor.indent();
        const QStringView content = cursor.content();
        if (indent >= 4) {
            if (m_leaf == Leaf::Paragraph || m_leaf == Leaf::Table) {
                continueLeaf(content);
            } else {
                m_leaf = Leaf::IndentedCode;
            }
            return;
        }
        FenceOpener opener;
        if (fenceOpener(content, &opener)) {
            if (m_stack.isEmpty()) {
                commitAt(lineStart);
                m_fenceBegin = lineStart;
                m_fenceContentBegin = lineEnd;
            }
            m_leaf = Leaf::Fence;
            m_fence = opener;
            m_fenceIndent = indent;
            return;
        }
        if (isAtxHeading(content) || isThematicBreak(content)) {
            m_leaf = Leaf::None;
            return;
        }
        if (m_leaf == Leaf::Paragraph || m_leaf == Leaf::Table) {
            continueLeaf(content);
            return;
        }
        if (isReferenceDefinition(content)) {
            m_result.referenceDefinitions.append(content.trimmed().toString());
            m_leaf = Leaf::None;
            return;
        }
        m_leaf = Leaf::Paragraph;
        m_paragraphLines = 1;
        m_headerHasPipe = content.contains(u'|');
    }

    void continueLeaf(QStringView content) {
        if (m_leaf == Leaf::Table) {
            ++m_tableRows;
            m_maxTableRows = qMax(m_maxTableRows, m_tableRows);
            return;
        }
        if (m_paragraphLines == 1 && isTableDelimiterRow(content)
            && (m_headerHasPipe || content.contains(u'|'))) {
            m_leaf = Leaf::Table;
            ++m_tables;
            m_tableRows = 0;
            return;
        }
        ++m_paragraphLines;
    }

    void resetChunkStats() {
        m_tables = 0;
        m_maxTableRows = 0;
        m_tableRows = 0;
    }

    void commitAt(qsizetype pos) {
        if (pos <= m_chunkBegin)
            return;
        if (!m_text.sliced(m_chunkBegin, pos - m_chunkBegin).trimmed().isEmpty()) {
            MarkdownBlockSplitter::Chunk chunk;
            chunk.begin = m_chunkBegin;
            chunk.end = pos;
            chunk.tables = m_tables;
            chunk.maxTableRows = m_maxTableRows;
            m_result.chunks.append(chunk);
        }
        m_chunkBegin = pos;
        m_result.committed = pos;
        resetChunkStats();
    }

    MarkdownBlockSplitter::Chunk fenceChunk(qsizetype end, bool open) const {
        MarkdownBlockSplitter::Chunk chunk;
        chunk.begin = m_fenceBegin;
        chunk.end = end;
        chunk.kind = MarkdownBlockSplitter::ChunkKind::Fence;
        chunk.open = open;
        chunk.fenceChar = m_fence.character;
        chunk.fenceLength = m_fence.length;
        chunk.fenceIndent = m_fenceIndent;
        chunk.language = m_fence.language;
        chunk.contentBegin = m_fenceContentBegin;
        return chunk;
    }

    void commitFence(qsizetype lineEnd) {
        m_result.chunks.append(fenceChunk(lineEnd, false));
        m_chunkBegin = lineEnd;
        m_result.committed = lineEnd;
        resetChunkStats();
    }

    void finishTail() {
        if (m_pending && m_partialLine >= 0) {
            // The next line has started: its first characters may already rule out both a
            // continuation (not indented) and a new list item.
            const QStringView partial = m_text.sliced(m_partialLine);
            if (!partial.isEmpty() && !partial.front().isSpace() && !mayBeListMarker(partial)) {
                commitAt(m_partialLine);
                m_stack.clear();
                m_leaf = Leaf::None;
            }
        }
        if (m_leaf == Leaf::Fence && m_stack.isEmpty() && m_fenceBegin == m_chunkBegin) {
            m_result.tail = fenceChunk(m_text.size(), true);
            return;
        }
        m_result.tail.begin = m_chunkBegin;
        m_result.tail.end = m_text.size();
        m_result.tail.tables = m_tables;
        m_result.tail.maxTableRows = m_maxTableRows;
    }

    QStringView m_text;
    MarkdownBlockSplitter::Result m_result;
    qsizetype m_chunkBegin = 0;
    qsizetype m_partialLine = -1;
    QVarLengthArray<Container, 8> m_stack;
    Leaf m_leaf = Leaf::None;
    bool m_pending = false;
    int m_paragraphLines = 0;
    bool m_headerHasPipe = false;
    FenceOpener m_fence;
    int m_fenceIndent = 0;
    qsizetype m_fenceBegin = -1;
    qsizetype m_fenceContentBegin = -1;
    int m_tables = 0;
    int m_maxTableRows = 0;
    int m_tableRows = 0;
};

} // namespace

MarkdownBlockSplitter::Result MarkdownBlockSplitter::split(QStringView text, qsizetype from) {
    return Scanner(text, qBound(qsizetype(0), from, text.size())).run();
}

qsizetype MarkdownBlockSplitter::committedLength(QStringView text) {
    return split(text).committed;
}

QList<MarkdownBlockSplitter::Chunk>
MarkdownBlockSplitter::finalChunks(QStringView text, QStringList *referenceDefinitions) {
    Result result = split(text);
    if (!text.sliced(result.tail.begin).trimmed().isEmpty())
        result.chunks.append(result.tail);
    if (referenceDefinitions)
        *referenceDefinitions = std::move(result.referenceDefinitions);
    return std::move(result.chunks);
}

} // namespace Tramontane
