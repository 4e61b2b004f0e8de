// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/markdown/MessageDocument.h"

#include "ui/markdown/MarkdownRendering.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPainter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextList>
#include <QTextTable>
#include <QThread>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <deque>

using namespace Qt::StringLiterals;

namespace Tramontane {

using Chunk = MarkdownBlockSplitter::Chunk;
using MarkdownRendering::CodeBlockBuilder;

namespace {

// Deletes a document in its own thread: a worker's result may be dropped anywhere.
struct DocumentDeleter {
    void operator()(SafeTextDocument *document) const {
        if (document->thread() == QThread::currentThread())
            delete document;
        else
            document->deleteLater();
    }
};

} // namespace

struct MessageDocument::Segment {
    std::unique_ptr<SafeTextDocument, DocumentDeleter> document;
    MarkdownRendering::Trailing prefix; // what the hidden prefix stands for
    int firstBlock = 0;                 // blocks before it belong to the hidden prefix
    qsizetype sourceChars = 0;          // markdown it renders
    int tables = 0;
    // Geometry at `laidOutWidth`, in the segment document's coordinates.
    qreal laidOutWidth = -1;
    qreal contentTop = 0; // where the hidden prefix ends
    qreal paintTop = 0;   // content may start higher (a table overlaps the empty line above it)
    qreal height = 0;     // from contentTop to the end
    qreal overhang = 0;   // a final code block's padding below the last line
    struct Code {
        int firstBlock;
        int lastBlock;
        QString language;
        QRectF rect;
    };
    QList<Code> codes;
    bool geometryValid = false;
    bool wrapAnywhere = false; // holds a run too long for word wrapping: takes nothing more
};

struct MessageDocument::BuildOutput {
    std::vector<std::unique_ptr<Segment>> segments;
    qsizetype parsedChars = 0;
};

// Heights of the hidden prefixes laid out alone. A segment ends where its document ends, and
// how the last block of a document is laid out can depend on whether anything follows (the
// empty block after a table sits beside it at the very end): the part of the next segment
// standing for it is therefore measured the same way, alone.
class PrefixHeights {
public:
    qreal height(MarkdownRendering::Trailing trailing, const MarkdownStyle &style, qreal width) {
        if (!qFuzzyCompare(width, m_width)) {
            m_heights.clear();
            m_width = width;
        }
        const int key = int(trailing.kind) * 16 + trailing.level;
        if (auto it = m_heights.constFind(key); it != m_heights.constEnd())
            return *it;
        SafeTextDocument document;
        MarkdownRendering::prepareDocument(&document, style);
        MarkdownRendering::importWithPrefix(&document, MarkdownRendering::prefixFor(trailing), {},
                                            style);
        document.setTextWidth(width);
        const qreal height = document.documentLayout()->documentSize().height();
        m_heights.insert(key, height);
        return height;
    }

private:
    qreal m_width = -1;
    QHash<int, qreal> m_heights;
};

namespace {

using Segment = MessageDocument::Segment;
using Segments = std::vector<std::unique_ptr<Segment>>;

// Where the shown text of a segment starts in its document (after the hidden prefix).
int visibleStart(const Segment &segment) {
    if (segment.firstBlock == 0)
        return 0;
    const QTextBlock first = segment.document->findBlockByNumber(segment.firstBlock);
    const int end = qMax(0, segment.document->characterCount() - 1);
    return first.isValid() ? qMin(first.position(), end) : end;
}

// The length of a segment's share of toPlainText(): the positions of a QTextDocument are the
// indexes of its toPlainText().
qsizetype visibleLength(const Segment &segment) {
    return qMax(0, segment.document->characterCount() - 1 - visibleStart(segment));
}

qsizetype clampTo(qsizetype value, qsizetype length) {
    return value < 0 ? 0 : (value > length ? length : value);
}

struct BuildContext {
    MarkdownStyle style;
    MessageDocument::Limits limits;
    SafeTextDocument::ImageResolver resolver;
    qreal width = -1; // set only on the GUI thread: setting it lays the document out
    QString notice;   // the line ending a truncated message
};

// Whether \a text has a run of more than \a limit characters without white space: Qt's
// word-or-anywhere wrapping looks for a word boundary to the end of such a run at every line.
bool hasLongRun(QStringView text, qsizetype limit) {
    qsizetype run = 0;
    for (const QChar c : text) {
        if (c.isSpace()) {
            run = 0;
        } else if (++run > limit) {
            return true;
        }
    }
    return false;
}

void wrapAnywhere(QTextDocument *document) {
    QTextOption option = document->defaultTextOption();
    option.setWrapMode(QTextOption::WrapAnywhere);
    document->setDefaultTextOption(option);
}

// Where a text longer than \a limit is cut for display: at a line break in its last eighth
// if there is one, never inside a surrogate pair.
qsizetype displayCut(QStringView text, qsizetype limit) {
    const qsizetype newline = text.first(limit).lastIndexOf(u'\n');
    if (newline >= limit - limit / 8)
        return newline + 1;
    qsizetype cut = limit;
    if (cut > 0 && text.at(cut - 1).isHighSurrogate())
        --cut;
    return cut;
}

// The end of a display piece of \a text starting at \a from: about \a size characters, after
// white space when there is some in the last eighth, never inside a surrogate pair.
qsizetype pieceEnd(QStringView text, qsizetype from, qsizetype size) {
    qsizetype cut = from + size;
    if (cut >= text.size())
        return text.size();
    for (qsizetype at = cut; at > cut - size / 8; --at) {
        if (text.at(at - 1).isSpace())
            return at;
    }
    if (text.at(cut - 1).isHighSurrogate())
        --cut;
    return cut;
}

enum class ChunkRendering { Markdown, Code, PlainTable };

// Top-level fences are always built line by line: the importer cannot tell two adjacent fences
// apart, and a streamed fence is built that way anyway.
ChunkRendering classify(const Chunk &chunk, const MessageDocument::Limits &limits) {
    if (chunk.kind == MarkdownBlockSplitter::ChunkKind::Fence)
        return ChunkRendering::Code;
    if (chunk.tables > 0
        && (chunk.maxTableRows > limits.giantTableRows || chunk.length() > limits.giantTableChars))
        return ChunkRendering::PlainTable;
    return ChunkRendering::Markdown;
}

CodeBlockBuilder::Options builderOptions(const Chunk &chunk, ChunkRendering rendering) {
    CodeBlockBuilder::Options options;
    if (rendering == ChunkRendering::PlainTable) {
        options.fence = false;
        options.plainTable = true;
        return options;
    }
    options.fence = true;
    options.fenceChar = chunk.fenceChar;
    options.fenceLength = chunk.fenceLength;
    options.fenceIndent = chunk.fenceIndent;
    options.language = chunk.language;
    return options;
}

MarkdownRendering::Trailing trailingOf(const Segments &segments) {
    return segments.empty() ? MarkdownRendering::Trailing{}
                            : MarkdownRendering::trailingOf(segments.back()->document.get());
}

bool hasRoom(const Segment &segment, const MessageDocument::Limits &limits) {
    return !segment.wrapAnywhere && segment.sourceChars < limits.segmentChars
           && segment.tables < limits.segmentTables;
}

// A segment rendering \a markdown after a hidden stand-in for \a previous.
std::unique_ptr<Segment> createSegment(const BuildContext &context,
                                       MarkdownRendering::Trailing previous, QStringView markdown,
                                       bool anywhere = false) {
    auto segment = std::make_unique<Segment>();
    segment->document.reset(new SafeTextDocument);
    SafeTextDocument *document = segment->document.get();
    MarkdownRendering::prepareDocument(document, context.style);
    if (anywhere)
        wrapAnywhere(document);
    segment->wrapAnywhere = anywhere;
    document->setImageResolver(context.resolver);
    const MarkdownRendering::Prefix &prefix = MarkdownRendering::prefixFor(previous);
    MarkdownRendering::importWithPrefix(document, prefix, markdown, context.style);
    segment->prefix = previous;
    segment->firstBlock = prefix.blockCount;
    if (context.width > 0)
        document->setTextWidth(context.width);
    return segment;
}

// Appends a committed markdown chunk: to the last segment while it has room, else to a new one.
// A chunk with a long run gets a segment of its own that wraps anywhere.
qsizetype commitMarkdown(Segments &segments, const BuildContext &context, QStringView markdown,
                         int tables) {
    const bool longRun = hasLongRun(markdown, context.limits.longRunChars);
    if (!longRun && !segments.empty() && hasRoom(*segments.back(), context.limits)) {
        Segment &last = *segments.back();
        MarkdownRendering::append(last.document.get(), markdown, context.style);
        last.sourceChars += markdown.size();
        last.tables += tables;
        last.geometryValid = false;
        return markdown.size();
    }
    // Cut into display pieces of a segment each, so that no layout step grows with the run:
    // each piece is rendered as if a paragraph ended before it.
    const qsizetype pieceChars = longRun ? context.limits.segmentChars : markdown.size();
    for (qsizetype from = 0; from < markdown.size();) {
        const qsizetype to = pieceEnd(markdown, from, pieceChars);
        auto segment =
            createSegment(context, trailingOf(segments), markdown.sliced(from, to - from), longRun);
        segment->sourceChars = to - from;
        segment->tables = from == 0 ? tables : 0;
        segments.push_back(std::move(segment));
        from = to;
    }
    return markdown.size();
}

// Appends a chunk rendered as plain code lines (a giant fence or table).
qsizetype commitCode(Segments &segments, const BuildContext &context, QStringView source,
                     const CodeBlockBuilder::Options &options) {
    const bool longRun = hasLongRun(source, context.limits.longRunChars);
    if (longRun || segments.empty() || !hasRoom(*segments.back(), context.limits))
        segments.push_back(createSegment(context, trailingOf(segments), {}, longRun));
    Segment &target = *segments.back();
    CodeBlockBuilder builder(target.document.get(), context.style, options);
    const qsizetype looked = builder.update(source, true);
    target.sourceChars += source.size();
    target.geometryValid = false;
    return looked;
}

void updateGeometry(Segment &segment, const MarkdownStyle &style, qreal width,
                    PrefixHeights &prefixHeights) {
    SafeTextDocument *document = segment.document.get();
    if (!qFuzzyCompare(document->textWidth(), width))
        document->setTextWidth(width);
    QAbstractTextDocumentLayout *layout = document->documentLayout();
    const qreal documentHeight = layout->documentSize().height();
    segment.contentTop = 0;
    if (segment.firstBlock > 0)
        segment.contentTop = prefixHeights.height(segment.prefix, style, width);
    segment.height = qMax<qreal>(0, documentHeight - segment.contentTop);
    segment.paintTop = segment.contentTop;
    if (segment.firstBlock > 0) {
        const QTextBlock first = document->findBlockByNumber(segment.firstBlock);
        if (QTextTable *table = QTextCursor(first).currentTable())
            segment.paintTop = qMin(segment.paintTop, layout->frameBoundingRect(table).top());
        else if (first.isValid())
            segment.paintTop = qMin(segment.paintTop, layout->blockBoundingRect(first).top());
    }

    segment.codes.clear();
    const qreal pad = style.codePadding;
    int currentId = 0;
    for (QTextBlock block = document->findBlockByNumber(segment.firstBlock); block.isValid();
         block = block.next()) {
        const QTextBlockFormat format = block.blockFormat();
        const int id = format.intProperty(MarkdownRendering::CodeBlockIdProperty);
        if (id == 0) {
            currentId = 0;
            continue;
        }
        const QRectF rect = layout->blockBoundingRect(block);
        if (id == currentId) {
            Segment::Code &code = segment.codes.last();
            code.lastBlock = block.blockNumber();
            code.rect.setBottom(rect.bottom() + pad);
            continue;
        }
        currentId = id;
        qreal left = format.leftMargin() - pad + format.indent() * document->indentWidth();
        if (const QTextList *list = block.textList())
            left += list->format().indent() * document->indentWidth();
        const qreal right = width - format.rightMargin() + pad;
        segment.codes.append(
            {block.blockNumber(), block.blockNumber(),
             format.stringProperty(QTextFormat::BlockCodeLanguage),
             QRectF(QPointF(left, rect.top() - pad), QPointF(right, rect.bottom() + pad))});
    }
    segment.overhang = 0;
    if (!segment.codes.isEmpty())
        segment.overhang = qMax<qreal>(0, segment.codes.last().rect.bottom() - documentHeight);
    segment.laidOutWidth = width;
    segment.geometryValid = true;
}

// The line ending a truncated message, in a segment of its own.
std::unique_ptr<Segment> noticeSegment(const BuildContext &context) {
    auto segment = std::make_unique<Segment>();
    segment->document.reset(new SafeTextDocument);
    SafeTextDocument *document = segment->document.get();
    MarkdownRendering::prepareDocument(document, context.style);
    QTextCursor cursor(document);
    QTextBlockFormat block;
    block.setTopMargin(2 * context.style.codeGap);
    QTextCharFormat format;
    format.setFontItalic(true);
    format.setForeground(context.style.muted);
    cursor.setBlockFormat(block);
    cursor.insertText(context.notice, format);
    if (context.width > 0)
        document->setTextWidth(context.width);
    return segment;
}

// Builds the documents of \a text. On a worker thread (\a target set) nothing may touch a
// font engine: no layout, no text width (context.width stays -1).
std::shared_ptr<MessageDocument::BuildOutput>
buildAll(const QString &text, const BuildContext &context,
         const std::shared_ptr<std::atomic_bool> &cancel, QThread *target) {
    auto output = std::make_shared<MessageDocument::BuildOutput>();
    Segments &segments = output->segments;
    // Link reference definitions act on the whole message: every piece gets all of them.
    QStringList definitions;
    const QList<Chunk> chunks = MarkdownBlockSplitter::finalChunks(text, &definitions);
    const QString definitionText =
        definitions.isEmpty() ? QString() : u"\n\n"_s + definitions.join(u'\n') + u'\n';

    qsizetype groupBegin = -1;
    qsizetype groupEnd = -1;
    int groupTables = 0;
    bool groupEndsOpen = false;
    auto flush = [&] {
        if (groupBegin < 0)
            return;
        QString markdown = text.sliced(groupBegin, groupEnd - groupBegin);
        if (!groupEndsOpen)
            markdown += definitionText;
        output->parsedChars += commitMarkdown(segments, context, markdown, groupTables);
        groupBegin = groupEnd = -1;
        groupTables = 0;
        groupEndsOpen = false;
    };

    for (const Chunk &chunk : chunks) {
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            segments.clear(); // they live in this thread: deleted here
            return output;
        }
        const ChunkRendering rendering = classify(chunk, context.limits);
        if (rendering != ChunkRendering::Markdown) {
            flush();
            output->parsedChars +=
                commitCode(segments, context, QStringView(text).sliced(chunk.begin, chunk.length()),
                           builderOptions(chunk, rendering));
            continue;
        }
        if (groupBegin >= 0
            && (groupEnd - groupBegin >= context.limits.segmentChars
                || groupTables >= context.limits.segmentTables)) {
            flush();
        }
        // A long run gets a segment of its own (see commitMarkdown): nothing joins it.
        const bool longRun = hasLongRun(QStringView(text).sliced(chunk.begin, chunk.length()),
                                        context.limits.longRunChars);
        if (longRun)
            flush();
        if (groupBegin < 0)
            groupBegin = chunk.begin;
        groupEnd = chunk.end;
        groupTables += chunk.tables;
        groupEndsOpen = chunk.open;
        if (longRun)
            flush();
    }
    flush();
    if (!context.notice.isEmpty())
        segments.push_back(noticeSegment(context));

    if (target && target != QThread::currentThread()) {
        for (auto &segment : segments)
            segment->document->moveToThread(target);
    }
    return output;
}

} // namespace

// Hands out the layout slices of all documents, one per event-loop pass: however many long
// messages are laid out at once, input and painting get a turn after every slice.
class LayoutScheduler final : public QObject {
public:
    ~LayoutScheduler() override { s_instance = nullptr; }

    static void request(MessageDocument *document) {
        LayoutScheduler *scheduler = instance();
        if (!scheduler)
            return;
        if (std::find(scheduler->m_queue.begin(), scheduler->m_queue.end(), document)
            == scheduler->m_queue.end())
            scheduler->m_queue.push_back(document);
        scheduler->m_timer.start();
    }
    static void cancel(MessageDocument *document) {
        if (LayoutScheduler *scheduler = s_instance) {
            auto &queue = scheduler->m_queue;
            queue.erase(std::remove(queue.begin(), queue.end(), document), queue.end());
        }
    }

private:
    explicit LayoutScheduler(QObject *parent)
        : QObject(parent) {
        m_timer.setSingleShot(true);
        m_timer.setInterval(0);
        connect(&m_timer, &QTimer::timeout, this, &LayoutScheduler::runOne);
    }

    // The application owns it; none without an application (nothing to yield to then).
    static LayoutScheduler *instance() {
        if (!s_instance && QCoreApplication::instance())
            s_instance = new LayoutScheduler(QCoreApplication::instance());
        return s_instance;
    }

    void runOne() {
        if (m_queue.empty())
            return;
        MessageDocument *document = m_queue.front();
        m_queue.pop_front();
        document->layoutSlice(); // requests another slice if it has more to do
        if (!m_queue.empty())
            m_timer.start();
    }

    static inline LayoutScheduler *s_instance = nullptr;
    QTimer m_timer;
    std::deque<MessageDocument *> m_queue;
};

MessageDocument::MessageDocument(QObject *parent)
    : MessageDocument(MarkdownStyle::fromApplication(), parent) {}

MessageDocument::MessageDocument(const MarkdownStyle &style, QObject *parent)
    : QObject(parent)
    , m_style(style)
    , m_prefixHeights(std::make_unique<PrefixHeights>()) {}

MessageDocument::~MessageDocument() {
    cancelBuild();
}

QStringView MessageDocument::shown() const {
    return m_truncatedAt >= 0 ? QStringView(m_text).first(m_truncatedAt) : QStringView(m_text);
}

QString MessageDocument::noticeText() const {
    if (m_truncatedAt < 0)
        return {};
    return tr("The rest of this message is too long to display. Use Copy Message or export the "
              "chat to get the full text.");
}

void MessageDocument::setImageResolver(SafeTextDocument::ImageResolver resolver) {
    m_resolver = std::move(resolver);
}

void MessageDocument::setLimits(const Limits &limits) {
    m_limits = limits;
}

int MessageDocument::segmentCount() const {
    return int(m_segments.size()) + (m_tail ? 1 : 0);
}

// --- Streaming ---------------------------------------------------------------------------

void MessageDocument::resetStreaming() {
    m_sawDefinitions = false;
    m_truncatedAt = -1;
    m_segments.clear();
    dropTail();
    m_committed = 0;
    m_hasContent = false;
    m_geometryDirty = true;
    m_codeBlocksValid = false;
    m_dirty = false;
}

void MessageDocument::append(QStringView delta) {
    if (!m_streaming) {
        // A new stream, or more text for a complete message: render it from the start.
        cancelBuild();
        const QString previous = m_text;
        resetStreaming();
        m_text = previous;
        m_streaming = true;
        m_dirty = true;
    }
    if (delta.isEmpty())
        return;
    m_text += delta;
    if (m_truncatedAt < 0)
        m_dirty = true; // past the cut nothing more is displayed
}

void MessageDocument::setText(const QString &text) {
    if (m_streaming && text.startsWith(m_text)) {
        append(QStringView(text).sliced(m_text.size()));
        return;
    }
    cancelBuild();
    resetStreaming();
    m_text.clear();
    m_streaming = true;
    append(text);
}

void MessageDocument::finish() {
    if (!m_streaming)
        return;
    if (m_truncatedAt < 0 && m_text.size() > m_limits.displayChars) {
        truncateStream();
        m_streaming = false;
        m_dirty = false;
        return;
    }
    if (m_truncatedAt >= 0) {
        m_streaming = false;
        m_dirty = false;
        return;
    }
    render(true);
    m_streaming = false;
    m_dirty = false;
    // Link reference definitions act on the whole message, but blocks committed before a
    // definition arrived were parsed without it: rebuild once with every definition known.
    if (m_sawDefinitions)
        startBuild();
}

void MessageDocument::ensureRendered() {
    if (m_streaming && m_dirty) {
        m_dirty = false;
        if (m_text.size() > m_limits.displayChars)
            truncateStream();
        else
            render(false);
    }
}

// The stream went past Limits::displayChars: what fits is rendered as complete, followed by
// the notice; later text is only stored.
void MessageDocument::truncateStream() {
    m_truncatedAt = qMax(displayCut(m_text, m_limits.displayChars), m_committed);
    m_committed = qMin(m_committed, m_truncatedAt);
    render(true);
    const BuildContext context{m_style, m_limits, m_resolver, m_width, noticeText()};
    m_segments.push_back(noticeSegment(context));
    m_hasContent = true;
}

void MessageDocument::render(bool final) {
    m_lastUpdate = {};
    m_lastUpdate.uncommittedChars = shown().size() - m_committed;
    MarkdownBlockSplitter::Result result = MarkdownBlockSplitter::split(shown(), m_committed);
    if (!result.referenceDefinitions.isEmpty())
        m_sawDefinitions = true;
    for (const Chunk &chunk : result.chunks)
        commitChunk(chunk);
    m_committed = result.committed;
    if (!final && cutLongTail(result.tail)) {
        result = MarkdownBlockSplitter::split(shown(), m_committed);
        for (const Chunk &chunk : result.chunks)
            commitChunk(chunk);
        m_committed = result.committed;
    }
    if (final) {
        const Chunk &tail = result.tail;
        if (!shown().sliced(tail.begin).trimmed().isEmpty()) {
            if (!adoptTailFor(tail, true))
                commitChunk(tail);
        }
        dropTail();
        m_committed = shown().size();
    } else {
        renderTail(result.tail, false);
    }
    m_lastUpdate.tailChars = shown().size() - m_committed;
    m_totalParsed += m_lastUpdate.parsedChars;
    m_hasContent = !m_segments.empty() || m_tail;
    m_geometryDirty = true;
    m_codeBlocksValid = false;
}

// An open markdown block holding a long run is not re-rendered whole at every frame: its
// display pieces (see commitMarkdown) but the last are committed. True when it did so.
bool MessageDocument::cutLongTail(const Chunk &tail) {
    const QStringView text = shown();
    if (text.size() - tail.begin <= m_limits.segmentChars
        || classify(tail, m_limits) != ChunkRendering::Markdown)
        return false;
    // A known tail was checked as it grew (see renderTail); a new one is rendered whole anyway.
    const bool known = m_tail && m_tailBegin == tail.begin;
    if (known ? !m_tail->wrapAnywhere : !hasLongRun(text.sliced(tail.begin), m_limits.longRunChars))
        return false;
    qsizetype cut = tail.begin;
    while (text.size() - cut > m_limits.segmentChars)
        cut = pieceEnd(text, cut, m_limits.segmentChars);
    if (cut == tail.begin)
        return false;
    dropTail();
    const BuildContext context{m_style, m_limits, m_resolver, m_width, {}};
    ++m_lastUpdate.committedChunks;
    m_lastUpdate.parsedChars +=
        commitMarkdown(m_segments, context, text.sliced(tail.begin, cut - tail.begin), tail.tables);
    m_committed = cut;
    return true;
}

void MessageDocument::commitChunk(const Chunk &chunk) {
    ++m_lastUpdate.committedChunks;
    if (adoptTailFor(chunk, false))
        return;
    dropTail(); // its prefix is about to be stale
    const BuildContext context{m_style, m_limits, m_resolver, m_width, {}};
    const QStringView source = shown().sliced(chunk.begin, chunk.length());
    const ChunkRendering rendering = classify(chunk, m_limits);
    if (rendering == ChunkRendering::Markdown)
        m_lastUpdate.parsedChars += commitMarkdown(m_segments, context, source, chunk.tables);
    else
        m_lastUpdate.parsedChars +=
            commitCode(m_segments, context, source, builderOptions(chunk, rendering));
}

// When the tail document already renders \a chunk (or most of it), completes it in place and
// keeps it as a committed segment instead of parsing the chunk again.
bool MessageDocument::adoptTailFor(const Chunk &chunk, bool final) {
    if (!m_tail || m_tailBegin != chunk.begin)
        return false;
    if (m_tailMode == TailMode::Code) {
        const bool fence = chunk.kind == MarkdownBlockSplitter::ChunkKind::Fence;
        const ChunkRendering rendering = classify(chunk, m_limits);
        const bool big =
            chunk.length() >= m_limits.adoptFenceChars || rendering == ChunkRendering::PlainTable;
        if ((!fence && rendering != ChunkRendering::PlainTable) || !big)
            return false; // small: parsed again into the last segment, fewer documents
        const QStringView source = shown().sliced(chunk.begin, chunk.length());
        m_lastUpdate.parsedChars += m_tailBuilder->update(source, true);
    } else if (m_tailMode == TailMode::Markdown) {
        if (!final || chunk.end != shown().size() || m_tailRenderedTo != shown().size())
            return false;
    } else {
        return false;
    }
    m_tailBuilder.reset();
    m_tail->sourceChars = chunk.length();
    m_tail->tables = chunk.tables;
    m_tail->geometryValid = false;
    m_segments.push_back(std::move(m_tail));
    dropTail();
    return true;
}

void MessageDocument::renderTail(const Chunk &tail, bool final) {
    const QStringView source = shown().sliced(tail.begin);
    if (source.trimmed().isEmpty()) {
        dropTail();
        return;
    }
    const BuildContext context{m_style, m_limits, m_resolver, m_width, {}};
    const bool sameStart = m_tail && m_tailBegin == tail.begin;
    const ChunkRendering rendering = classify(tail, m_limits);

    if (rendering == ChunkRendering::Markdown && sameStart && m_tailMode == TailMode::Markdown
        && !final) {
        // One giant block (a paragraph or list without blank lines) would be re-parsed whole
        // at every frame: past a size, wait until it grew by a quarter, which keeps the total
        // work linear at the price of a slightly lagging display of that block.
        const qsizetype rendered = m_tailRenderedTo - tail.begin;
        const qsizetype length = shown().size() - tail.begin;
        if (rendered >= m_limits.tailThrottleChars && length - rendered < rendered / 4) {
            m_lastUpdate.deferred = true;
            return;
        }
    }

    // A run too long for word wrapping: the tail wraps anywhere, set before any layout. Only
    // the text new since the last rendering (and a run ending in it) is looked at again.
    const qsizetype scanFrom =
        sameStart ? qBound<qsizetype>(0, m_tailRenderedTo - tail.begin - m_limits.longRunChars - 1,
                                      source.size())
                  : 0;
    const bool longRun = (sameStart && m_tail->wrapAnywhere)
                         || hasLongRun(source.sliced(scanFrom), m_limits.longRunChars);

    if (rendering != ChunkRendering::Markdown) {
        if (!sameStart || m_tailMode != TailMode::Code) {
            dropTail();
            m_tail = createSegment(context, trailingOf(m_segments), {}, longRun);
            m_tailBuilder = std::make_unique<CodeBlockBuilder>(m_tail->document.get(), m_style,
                                                               builderOptions(tail, rendering));
            m_tailMode = TailMode::Code;
        } else if (longRun && !m_tail->wrapAnywhere) {
            wrapAnywhere(m_tail->document.get());
            m_tail->wrapAnywhere = true;
        }
        m_lastUpdate.parsedChars += m_tailBuilder->update(source, final);
    } else {
        m_tailBuilder.reset();
        const MarkdownRendering::Prefix &prefix =
            MarkdownRendering::prefixFor(trailingOf(m_segments));
        if (!m_tail || m_tail->wrapAnywhere != longRun) {
            dropTail();
            m_tail = createSegment(context, trailingOf(m_segments), source, longRun);
        } else {
            MarkdownRendering::importWithPrefix(m_tail->document.get(), prefix, source, m_style);
            m_tail->prefix = trailingOf(m_segments);
            m_tail->firstBlock = prefix.blockCount;
        }
        m_tailMode = TailMode::Markdown;
        m_lastUpdate.parsedChars += source.size();
    }
    m_tailBegin = tail.begin;
    m_tailRenderedTo = shown().size();
    m_tail->geometryValid = false;
}

void MessageDocument::dropTail() {
    m_tailBuilder.reset();
    m_tail.reset();
    m_tailMode = TailMode::None;
    m_tailBegin = -1;
    m_tailRenderedTo = -1;
}

// --- From history ------------------------------------------------------------------------

bool MessageDocument::setMarkdownAsync(const QString &markdown) {
    cancelBuild();
    m_streaming = false;
    resetStreaming();
    m_text = markdown;
    if (m_text.size() > m_limits.displayChars)
        m_truncatedAt = displayCut(m_text, m_limits.displayChars);
    m_committed = shown().size();
    if (shown().size() < m_limits.syncBuildChars) {
        const BuildContext context{m_style, m_limits, m_resolver, m_width, noticeText()};
        installBuild(buildAll(shown().toString(), context, nullptr, nullptr));
        return true;
    }
    startBuild();
    return false;
}

void MessageDocument::startBuild() {
    cancelBuild();
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_building = true;
    // No width: the worker only builds, the layout happens here (see layoutSlice).
    const BuildContext context{m_style, m_limits, m_resolver, -1, noticeText()};
    auto *watcher = new QFutureWatcher<std::shared_ptr<BuildOutput>>(this);
    m_watcher = watcher;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (watcher != m_watcher)
            return;
        m_watcher = nullptr;
        m_pending = watcher->result();
        m_pendingNext = 0;
        LayoutScheduler::request(this);
    });
    const QString text = m_truncatedAt >= 0 ? m_text.first(m_truncatedAt) : m_text;
    watcher->setFuture(QtConcurrent::run(&buildAll, text, context, m_cancel, thread()));
}

// Lays out the segments of a finished build for Limits::layoutSliceMs (at least one segment),
// then yields to the event loop (see LayoutScheduler); the last slice installs the build and
// emits ready().
void MessageDocument::layoutSlice() {
    if (!m_pending)
        return;
    std::vector<std::unique_ptr<Segment>> &segments = m_pending->segments;
    if (m_width > 0) {
        QElapsedTimer clock;
        clock.start();
        while (m_pendingNext < segments.size()) {
            updateGeometry(*segments[m_pendingNext], m_style, m_width, *m_prefixHeights);
            ++m_pendingNext;
            if (clock.elapsed() >= m_limits.layoutSliceMs)
                break;
        }
        if (m_pendingNext < segments.size() && QCoreApplication::instance()) {
            LayoutScheduler::request(this);
            return;
        }
    }
    const std::shared_ptr<BuildOutput> output = std::move(m_pending);
    m_pending.reset();
    m_building = false;
    installBuild(output);
    Q_EMIT ready();
}

void MessageDocument::cancelBuild() {
    if (m_cancel)
        m_cancel->store(true);
    m_cancel.reset();
    if (m_watcher) {
        m_watcher->disconnect(this);
        m_watcher->deleteLater();
        m_watcher = nullptr;
    }
    m_pending.reset();
    m_pendingNext = 0;
    LayoutScheduler::cancel(this);
    m_building = false;
}

void MessageDocument::installBuild(const std::shared_ptr<BuildOutput> &output) {
    m_segments = std::move(output->segments);
    dropTail();
    m_totalParsed += output->parsedChars;
    m_committed = m_text.size();
    m_hasContent = !m_segments.empty();
    for (auto &segment : m_segments) {
        if (!segment->geometryValid || !qFuzzyCompare(segment->laidOutWidth, m_width))
            segment->geometryValid = false;
    }
    m_geometryDirty = true;
    m_codeBlocksValid = false;
}

// --- Geometry ----------------------------------------------------------------------------

void MessageDocument::setTextWidth(qreal width) {
    if (width <= 0 || qFuzzyCompare(width, m_width))
        return;
    const qreal previous = m_width;
    m_width = width;
    m_codeBlocksValid = false;
    m_geometryDirty = true;
    m_pendingNext = 0; // a build being laid out starts over at the new width
    if (!m_streaming && m_hasContent && previous > 0 && shown().size() >= m_limits.syncBuildChars) {
        // A big message: rebuilt off the GUI thread and laid out in slices, the old layout
        // stays meanwhile.
        startBuild();
        return;
    }
    for (auto &segment : m_segments)
        segment->geometryValid = false;
    if (m_tail) {
        m_tail->document->setTextWidth(width);
        m_tail->geometryValid = false;
    }
}

void MessageDocument::ensureLaidOut() {
    ensureRendered();
    if (m_width <= 0 || !m_geometryDirty)
        return;
    for (auto &segment : m_segments) {
        if (!segment->geometryValid)
            updateGeometry(*segment, m_style, m_width, *m_prefixHeights);
    }
    if (m_tail && !m_tail->geometryValid)
        updateGeometry(*m_tail, m_style, m_width, *m_prefixHeights);
    m_geometryDirty = false;
}

void MessageDocument::forEachSegment(const std::function<bool(Segment &, qreal)> &visit) {
    qreal top = 0;
    for (auto &segment : m_segments) {
        if (!visit(*segment, top))
            return;
        top += segment->height;
    }
    if (m_tail)
        visit(*m_tail, top);
}

// The segment drawn at \a y; where two overlap, the later one (drawn on top).
MessageDocument::Segment *MessageDocument::segmentAt(qreal y, qreal *top) {
    Segment *found = nullptr;
    const Segment *last =
        m_tail ? m_tail.get() : (m_segments.empty() ? nullptr : m_segments.back().get());
    forEachSegment([&](Segment &segment, qreal segmentTop) {
        const qreal from = segmentTop - (segment.contentTop - segment.paintTop);
        const qreal to = segmentTop + segment.height + (&segment == last ? segment.overhang : 0);
        if (from > y)
            return false;
        if (y < to) {
            found = &segment;
            *top = segmentTop;
        }
        return true;
    });
    return found;
}

qreal MessageDocument::height() {
    if (m_width <= 0)
        return -1;
    ensureLaidOut();
    qreal total = 0;
    for (const auto &segment : m_segments)
        total += segment->height;
    if (m_tail)
        total += m_tail->height;
    // A code block ending the message keeps its padding below the last line.
    if (const Segment *last =
            m_tail ? m_tail.get() : (m_segments.empty() ? nullptr : m_segments.back().get()))
        total += last->overhang;
    return total;
}

void MessageDocument::paint(QPainter *painter, const QPointF &topLeft, const QRectF &clip) {
    paint(painter, topLeft, clip, Highlight{});
}

void MessageDocument::paint(QPainter *painter, const QPointF &topLeft, const QRectF &clip,
                            const Highlight &highlight) {
    paint(painter, topLeft, clip,
          highlight.range.isEmpty() ? QList<Highlight>() : QList<Highlight>{highlight});
}

void MessageDocument::paint(QPainter *painter, const QPointF &topLeft, const QRectF &clip,
                            const QList<Highlight> &highlights) {
    if (m_width <= 0)
        return;
    ensureLaidOut();
    const qreal radius = 4;
    const Segment *last =
        m_tail ? m_tail.get() : (m_segments.empty() ? nullptr : m_segments.back().get());
    qsizetype next = 0; // text offset where the segment starts
    forEachSegment([&](Segment &segment, qreal top) {
        const qsizetype start = next;
        const qsizetype length = highlights.isEmpty() ? 0 : visibleLength(segment);
        next = start + length + 1; // segments are joined by a line break
        const qreal above = segment.contentTop - segment.paintTop;
        const qreal below = &segment == last ? segment.overhang : 0;
        const QRectF area(topLeft.x(), topLeft.y() + top - above, m_width,
                          above + segment.height + below);
        if (area.top() >= clip.bottom())
            return false;
        const QRectF visible = area.intersected(clip);
        if (visible.isEmpty())
            return true;
        // Document coordinates of this segment start at `origin` in the painter.
        const QPointF origin(topLeft.x(), topLeft.y() + top - segment.contentTop);
        const QRectF local = visible.translated(-origin);
        painter->save();
        painter->setClipRect(visible, Qt::IntersectClip);
        painter->translate(origin);
        if (!segment.codes.isEmpty()) {
            painter->save();
            painter->setRenderHint(QPainter::Antialiasing);
            painter->setPen(QPen(m_style.codeBorder, 1));
            painter->setBrush(m_style.codeBackground);
            for (const Segment::Code &code : std::as_const(segment.codes)) {
                if (code.rect.intersects(local))
                    painter->drawRoundedRect(code.rect.adjusted(0.5, 0.5, -0.5, -0.5), radius,
                                             radius);
            }
            painter->restore();
        }
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = local;
        context.palette.setColor(QPalette::Text, m_style.text);
        context.palette.setColor(QPalette::Link, m_style.link);
        const int first = highlights.isEmpty() ? 0 : visibleStart(segment);
        for (const Highlight &highlight : highlights) {
            const qsizetype from = qMax(highlight.range.start, start) - start;
            const qsizetype to = qMin(highlight.range.end, start + length) - start;
            if (from < to) {
                QAbstractTextDocumentLayout::Selection selection;
                selection.cursor = QTextCursor(segment.document.get());
                selection.cursor.setPosition(first + int(from));
                selection.cursor.setPosition(first + int(to), QTextCursor::KeepAnchor);
                selection.format.setBackground(highlight.background);
                selection.format.setForeground(highlight.foreground);
                context.selections.append(selection);
            }
        }
        segment.document->documentLayout()->draw(painter, context);
        painter->restore();
        return true;
    });
}

QString MessageDocument::anchorAt(const QPointF &position) {
    if (m_width <= 0)
        return {};
    ensureLaidOut();
    qreal top = 0;
    Segment *segment = segmentAt(position.y(), &top);
    if (!segment)
        return {};
    const QPointF local(position.x(), position.y() - top + segment->contentTop);
    return segment->document->documentLayout()->anchorAt(local);
}

QStringList MessageDocument::anchors() {
    ensureRendered();
    QStringList out;
    const auto collect = [&out](const Segment &segment) {
        // Every frame's blocks, table cells included, in document order.
        for (QTextBlock block = segment.document->begin(); block.isValid(); block = block.next()) {
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                const QString href = it.fragment().charFormat().anchorHref();
                if (!href.isEmpty() && !out.contains(href))
                    out.append(href);
            }
        }
    };
    for (const auto &segment : m_segments)
        collect(*segment);
    if (m_tail)
        collect(*m_tail);
    return out;
}

// --- Text positions ------------------------------------------------------------------------

qsizetype MessageDocument::plainTextLength() {
    ensureRendered();
    qsizetype length = -1;
    for (const auto &segment : m_segments)
        length += visibleLength(*segment) + 1;
    if (m_tail)
        length += visibleLength(*m_tail) + 1;
    return qMax<qsizetype>(0, length);
}

MessageDocument::Segment *
MessageDocument::segmentOfPosition(qsizetype position, int *documentPosition, qsizetype *start) {
    ensureRendered();
    Segment *found = nullptr;
    qsizetype next = 0;
    forEachSegment([&](Segment &segment, qreal) {
        const qsizetype length = visibleLength(segment);
        found = &segment;
        *start = next;
        *documentPosition = visibleStart(segment) + int(clampTo(position - next, length));
        if (position <= next + length)
            return false;
        next += length + 1;
        return true;
    });
    return found;
}

qsizetype MessageDocument::positionAt(const QPointF &position) {
    if (m_width <= 0 || position.y() < 0)
        return 0;
    ensureLaidOut();
    qreal top = 0;
    Segment *segment = segmentAt(position.y(), &top);
    if (!segment)
        return plainTextLength(); // below the text
    qsizetype start = 0;
    bool found = false;
    forEachSegment([&](Segment &each, qreal) {
        if (&each == segment) {
            found = true;
            return false;
        }
        start += visibleLength(each) + 1;
        return true;
    });
    if (!found)
        return 0;
    const int first = visibleStart(*segment);
    const QPointF local(qBound<qreal>(0, position.x(), m_width),
                        qMax(segment->contentTop, position.y() - top + segment->contentTop));
    const int hit = segment->document->documentLayout()->hitTest(local, Qt::FuzzyHit);
    const qsizetype length = visibleLength(*segment);
    return start + clampTo(hit - first, length);
}

MessageDocument::TextRange MessageDocument::wordAt(qsizetype position) {
    int inDocument = 0;
    qsizetype start = 0;
    Segment *segment = segmentOfPosition(position, &inDocument, &start);
    if (!segment)
        return {};
    QTextCursor cursor(segment->document.get());
    cursor.setPosition(inDocument);
    cursor.select(QTextCursor::WordUnderCursor);
    const int first = visibleStart(*segment);
    const qsizetype length = visibleLength(*segment);
    const TextRange range{start + clampTo(cursor.selectionStart() - first, length),
                          start + clampTo(cursor.selectionEnd() - first, length)};
    // Only letters, digits and the like: a click between words selects nothing.
    const QString text = textIn(range);
    for (const QChar c : text) {
        if (c.isLetterOrNumber() || c == u'_')
            return range;
    }
    return {};
}

MessageDocument::TextRange MessageDocument::blockAt(qsizetype position) {
    int inDocument = 0;
    qsizetype start = 0;
    Segment *segment = segmentOfPosition(position, &inDocument, &start);
    if (!segment)
        return {};
    const QTextBlock block = segment->document->findBlock(inDocument);
    if (!block.isValid())
        return {};
    const int first = visibleStart(*segment);
    const qsizetype length = visibleLength(*segment);
    return {start + clampTo(block.position() - first, length),
            start + clampTo(block.position() + block.length() - 1 - first, length)};
}

QString MessageDocument::textIn(TextRange range) {
    if (range.isEmpty())
        return {};
    const QString text = toPlainText();
    const qsizetype from = qBound<qsizetype>(0, range.start, text.size());
    const qsizetype to = qBound<qsizetype>(from, range.end, text.size());
    return text.sliced(from, to - from);
}

QRectF MessageDocument::lineRect(qsizetype position) {
    if (m_width <= 0)
        return {};
    ensureLaidOut();
    int inDocument = 0;
    qsizetype start = 0;
    Segment *segment = segmentOfPosition(position, &inDocument, &start);
    if (!segment)
        return {};
    qreal top = 0;
    forEachSegment([&](Segment &each, qreal eachTop) {
        top = eachTop;
        return &each != segment;
    });
    const QTextBlock block = segment->document->findBlock(inDocument);
    const QTextLayout *layout = block.isValid() ? block.layout() : nullptr;
    if (!layout)
        return {};
    const QTextLine line = layout->lineForTextPosition(inDocument - block.position());
    // Block layouts are placed in document coordinates, table cells included.
    const QRectF blockRect = segment->document->documentLayout()->blockBoundingRect(block);
    const qreal y = blockRect.top() + (line.isValid() ? line.y() : 0);
    const qreal height = line.isValid() ? line.height() : blockRect.height();
    return {0, y - segment->contentTop + top, m_width, height};
}

QList<MessageDocument::CodeBlock> MessageDocument::codeBlocks() {
    if (m_width <= 0)
        return {};
    ensureLaidOut();
    if (m_codeBlocksValid)
        return m_codeBlocks;
    m_codeBlocks.clear();
    forEachSegment([&](Segment &segment, qreal top) {
        for (const Segment::Code &code : std::as_const(segment.codes)) {
            CodeBlock block;
            block.index = int(m_codeBlocks.size());
            block.rect = code.rect.translated(0, top - segment.contentTop);
            block.language = code.language;
            m_codeBlocks.append(block);
        }
        return true;
    });
    m_codeBlocksValid = true;
    return m_codeBlocks;
}

QString MessageDocument::codeBlockText(int index) {
    int current = 0;
    QString text;
    const QList<CodeBlock> blocks = codeBlocks();
    if (index < 0 || index >= blocks.size())
        return text;
    forEachSegment([&](Segment &segment, qreal) {
        if (index >= current + segment.codes.size()) {
            current += int(segment.codes.size());
            return true;
        }
        const Segment::Code &code = segment.codes.at(index - current);
        for (int number = code.firstBlock; number <= code.lastBlock; ++number) {
            const QTextBlock block = segment.document->findBlockByNumber(number);
            text += block.text();
            // The pieces of a long line are joined again.
            if (number < code.lastBlock
                && !block.blockFormat().boolProperty(MarkdownRendering::ContinuedLineProperty))
                text += u'\n';
        }
        return false;
    });
    return text;
}

std::optional<MessageDocument::CodeBlock> MessageDocument::codeBlockAt(const QPointF &position) {
    const QList<CodeBlock> blocks = codeBlocks();
    for (const CodeBlock &block : blocks) {
        if (block.rect.contains(position)) {
            CodeBlock found = block;
            found.code = codeBlockText(block.index);
            return found;
        }
    }
    return std::nullopt;
}

QString MessageDocument::toPlainText() {
    ensureRendered();
    QStringList parts;
    auto add = [&](const Segment &segment) {
        const QString text = segment.document->toPlainText();
        if (segment.firstBlock == 0) {
            parts.append(text);
            return;
        }
        const QTextBlock first = segment.document->findBlockByNumber(segment.firstBlock);
        parts.append(first.isValid() ? text.sliced(qMin<qsizetype>(first.position(), text.size()))
                                     : QString());
    };
    for (const auto &segment : m_segments)
        add(*segment);
    if (m_tail)
        add(*m_tail);
    return parts.join(u'\n');
}

qint64 MessageDocument::approximateBytes() const {
    qint64 bytes = sizeof(MessageDocument) + m_text.capacity() * qint64(sizeof(QChar));
    auto add = [&](const Segment &segment) {
        const SafeTextDocument *document = segment.document.get();
        // Fitted to the RSS growth of 200 rendered messages on Qt 6.4 (0.5 to 30 KB of
        // markdown, laid out): about 32 KB per document, 70 bytes per character (text,
        // fragments, formats, line layouts) and 300 per block.
        bytes += 32 * 1024 + qint64(document->characterCount()) * 70
                 + qint64(document->blockCount()) * 300;
    };
    for (const auto &segment : m_segments)
        add(*segment);
    if (m_tail)
        add(*m_tail);
    return bytes;
}

} // namespace Tramontane
