// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/markdown/MarkdownBlockSplitter.h"
#include "ui/markdown/MarkdownStyle.h"
#include "ui/markdown/SafeTextDocument.h"

#include <QColor>
#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringView>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

class QPainter;

namespace Tramontane {

namespace MarkdownRendering {
class CodeBlockBuilder;
}
class PrefixHeights;
class LayoutScheduler;

//! The rendered markdown of one chat message at one width: what the chat delegate paints.
//!
//! Internally a stack of SafeTextDocuments ("segments"), each holding a bounded share of the
//! message (about 16 KB or a dozen tables): Qt's text document gets slower per table the more
//! tables it holds, so bounded segments keep every operation linear. Each segment is imported
//! after a tiny hidden stand-in for what precedes it, so the stack looks exactly like one
//! document built from the whole text.
//!
//! Streaming: append() or setText() only store text. The work happens lazily, at most once per
//! frame, when the delegate asks for height() or paints: committed blocks (see
//! MarkdownBlockSplitter) are parsed exactly once and appended to the last segment; the open
//! tail is re-parsed alone, in a document of its own, so the cost of an update is bounded by
//! the tail and never by the message. A top-level fenced code block still streaming only gets
//! its new lines appended. finish() turns the tail into a committed segment without parsing it
//! again.
//!
//! History: setMarkdownAsync() builds the documents on a worker thread (QtConcurrent), then
//! lays them out on the GUI thread a few segments per event-loop pass (Limits::layoutSliceMs)
//! and signals ready(); short texts are built at once. Nothing that touches a font engine runs
//! on the worker: a text layout keeps raw pointers to the font engines of the thread that made
//! it, and those die with the thread (an idle pool thread exits after 30 s). Top-level fences
//! are built line by line (no markdown parsing, linear), and giant tables are shown as their
//! source in monospace lines.
//!
//! Untrusted text is bounded: only the first Limits::displayChars characters are displayed,
//! followed by a line saying the rest is not (text() keeps everything), and a piece holding a
//! run longer than Limits::longRunChars without white space gets a segment of its own that
//! wraps anywhere (Qt's word-or-anywhere wrapping is quadratic in the length of such a run).
//!
//! All coordinates are relative to the top-left corner of the message. GUI thread only.
class MessageDocument final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageDocument)

public:
    struct Limits {
        qsizetype syncBuildChars = 8 * 1024;   //!< setMarkdownAsync builds smaller texts at once
        qsizetype segmentChars = 16 * 1024;    //!< a segment stops taking text past this
        int segmentTables = 12;                //!< ... or past this many tables
        int giantTableRows = 100;              //!< bigger tables: their source as monospace
        qsizetype giantTableChars = 16 * 1024; //!< ... also when the table's chunk is this big
        qsizetype adoptFenceChars = 2 * 1024;  //!< a streamed fence this big keeps its document
        //! An open tail this long is re-parsed only after growing by a quarter.
        qsizetype tailThrottleChars = 4 * 1024;
        //! Text past this is not displayed (a notice line says so); text() keeps all of it.
        qsizetype displayChars = 768 * 1024;
        //! A piece with a longer run of characters without white space wraps anywhere.
        qsizetype longRunChars = 1024;
        //! GUI-thread time spent laying out an asynchronous build before yielding.
        int layoutSliceMs = 8;
    };

    //! A code block (fenced, indented, or a giant table shown as text).
    struct CodeBlock {
        int index = -1;   //!< position in codeBlocks()
        QRectF rect;      //!< its background, message coordinates
        QString language; //!< from the fence info string; empty if none
        QString code;     //!< filled by codeBlockAt() and codeBlockText() only
    };

    //! What the last rendering did, for tests and benchmarks.
    struct UpdateStats {
        qsizetype parsedChars = 0;      //!< markdown characters handed to a parser or builder
        qsizetype uncommittedChars = 0; //!< tail plus new text before the update
        qsizetype tailChars = 0;        //!< open tail after the update
        int committedChunks = 0;        //!< blocks committed by the update
        bool deferred = false;          //!< a long tail kept its previous rendering
    };

    //! A span of the displayed text: offsets into toPlainText(), \a end excluded.
    struct TextRange {
        qsizetype start = 0;
        qsizetype end = 0;
        bool isEmpty() const { return end <= start; }
        bool operator==(const TextRange &o) const { return start == o.start && end == o.end; }
    };

    //! A selection to paint: its background and text colours.
    struct Highlight {
        TextRange range;
        QColor background;
        QColor foreground;
    };

    explicit MessageDocument(QObject *parent = nullptr);
    explicit MessageDocument(const MarkdownStyle &style, QObject *parent = nullptr);
    ~MessageDocument() override;

    void setImageResolver(SafeTextDocument::ImageResolver resolver);
    void setLimits(const Limits &limits);
    const Limits &limits() const { return m_limits; }
    const MarkdownStyle &style() const { return m_style; }

    // --- Streaming -----------------------------------------------------------------------
    //! Adds text at the end of a streaming message (starting streaming if needed). Cheap: the
    //! rendering happens at the next height()/paint().
    void append(QStringView delta);
    //! The whole text so far: appends the difference when \a text extends the current text,
    //! otherwise starts over.
    void setText(const QString &text);
    //! The message is complete: the tail becomes a committed segment. When the text has link
    //! reference definitions (which act on the whole message), one full rebuild runs on a
    //! worker thread and ready() is emitted when it replaced the streamed rendering.
    void finish();
    bool isStreaming() const { return m_streaming; }

    // --- From history --------------------------------------------------------------------
    //! Renders a complete message. Below Limits::syncBuildChars it is built at once and true is
    //! returned; otherwise it is built on a worker thread and laid out on this one in slices,
    //! false is returned and ready() follows.
    bool setMarkdownAsync(const QString &markdown);
    //! False while an asynchronous build runs and nothing is there to show yet.
    bool isReady() const { return m_hasContent || !m_building; }
    //! True while an asynchronous build runs (a first build, or a rebuild for a new width).
    bool isBuilding() const { return m_building; }

    //! The whole text, also what is not displayed.
    const QString &text() const { return m_text; }
    //! Whether only the first Limits::displayChars characters (about) are displayed.
    bool isTruncated() const { return m_truncatedAt >= 0; }

    // --- Geometry, painting, hit-testing --------------------------------------------------
    //! Lays the message out at \a width. A large complete message is rebuilt off the GUI thread
    //! and laid out in slices: until ready() the previous layout stays visible.
    void setTextWidth(qreal width);
    qreal textWidth() const { return m_width; }
    //! Renders pending streamed text if needed. -1 before a width is set.
    qreal height();
    //! Draws the parts of the message inside \a clip (painter coordinates) with the message's
    //! top-left corner at \a topLeft. Code block backgrounds are drawn first.
    void paint(QPainter *painter, const QPointF &topLeft, const QRectF &clip);
    //! The same, with \a highlight (a selection) drawn behind its text.
    void paint(QPainter *painter, const QPointF &topLeft, const QRectF &clip,
               const Highlight &highlight);
    //! The same, with several highlights (find matches), drawn in order: a later one wins.
    void paint(QPainter *painter, const QPointF &topLeft, const QRectF &clip,
               const QList<Highlight> &highlights);
    //! The href of the link under \a position, or an empty string. Remote image placeholders
    //! answer a `tramontane-load-image:` href (SafeTextDocument::remoteImageFromAnchor).
    QString anchorAt(const QPointF &position);
    //! The link targets of the displayed text in reading order, each once.
    QStringList anchors();
    //! The code block under \a position, with its text.
    std::optional<CodeBlock> codeBlockAt(const QPointF &position);
    //! Every code block with its rectangle (text not filled), top to bottom.
    QList<CodeBlock> codeBlocks();
    QString codeBlockText(int index);

    //! The text as displayed, blocks separated by newlines: equal to
    //! QTextDocument::toPlainText() of one import of the whole text.
    QString toPlainText();

    // --- Text positions (offsets into toPlainText()) ----------------------------------------
    //! The length of toPlainText().
    qsizetype plainTextLength();
    //! The position nearest to \a position (message coordinates): above the text is 0, below
    //! it plainTextLength(), beside a line its start or end. 0 before a width is set.
    qsizetype positionAt(const QPointF &position);
    //! The word at \a position (empty when there is none, e.g. between two words).
    TextRange wordAt(qsizetype position);
    //! The paragraph (text block: a paragraph, list item, code line, table cell) at
    //! \a position, without its line break.
    TextRange blockAt(qsizetype position);
    //! The displayed text of \a range, clamped to the text.
    QString textIn(TextRange range);
    //! The line holding text position \a position (message coordinates; empty before a width
    //! is set).
    QRectF lineRect(qsizetype position);

    //! A rough estimate of the memory held, for MessageDocumentCache.
    qint64 approximateBytes() const;

    const UpdateStats &lastUpdate() const { return m_lastUpdate; }
    qsizetype totalParsedChars() const { return m_totalParsed; }
    int segmentCount() const;

    struct Segment;
    struct BuildOutput;

Q_SIGNALS:
    //! An asynchronous build finished and its result is now displayed.
    void ready();

private:
    friend class LayoutScheduler;
    enum class TailMode { None, Markdown, Code };

    void resetStreaming();
    void ensureRendered();
    void render(bool final);
    void commitChunk(const MarkdownBlockSplitter::Chunk &chunk);
    bool cutLongTail(const MarkdownBlockSplitter::Chunk &tail);
    bool adoptTailFor(const MarkdownBlockSplitter::Chunk &chunk, bool final);
    void renderTail(const MarkdownBlockSplitter::Chunk &tail, bool final);
    void dropTail();
    void ensureLaidOut();
    void startBuild();
    void layoutSlice();
    void installBuild(const std::shared_ptr<BuildOutput> &output);
    //! The displayed part of the text.
    QStringView shown() const;
    QString noticeText() const;
    void truncateStream();
    void cancelBuild();
    void forEachSegment(const std::function<bool(Segment &, qreal top)> &visit);
    Segment *segmentAt(qreal y, qreal *top);
    //! The segment holding text offset \a position and that offset inside its document.
    Segment *segmentOfPosition(qsizetype position, int *documentPosition, qsizetype *start);

    MarkdownStyle m_style;
    Limits m_limits;
    SafeTextDocument::ImageResolver m_resolver;
    QString m_text;
    qreal m_width = -1;

    std::vector<std::unique_ptr<Segment>> m_segments;
    std::unique_ptr<Segment> m_tail;
    std::unique_ptr<MarkdownRendering::CodeBlockBuilder> m_tailBuilder;
    TailMode m_tailMode = TailMode::None;
    qsizetype m_tailBegin = -1;
    qsizetype m_tailRenderedTo = -1;

    qsizetype m_committed = 0;
    bool m_streaming = false;
    bool m_dirty = false;
    bool m_hasContent = false;
    bool m_building = false;
    bool m_geometryDirty = true;
    bool m_sawDefinitions = false;

    UpdateStats m_lastUpdate;
    qsizetype m_totalParsed = 0;

    std::unique_ptr<PrefixHeights> m_prefixHeights;
    QList<CodeBlock> m_codeBlocks; // cached with their rects
    bool m_codeBlocksValid = false;

    QFutureWatcher<std::shared_ptr<BuildOutput>> *m_watcher = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel;
    // A finished build being laid out: segments before m_pendingNext are done.
    std::shared_ptr<BuildOutput> m_pending;
    std::size_t m_pendingNext = 0;
    qsizetype m_truncatedAt = -1; // displayed length when the text is cut
};

} // namespace Tramontane
