// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/ChatItem.h"
#include "ui/chat/ChatStyle.h"
#include "ui/markdown/MarkdownStyle.h"
#include "ui/markdown/MessageDocument.h"
#include "ui/markdown/MessageDocumentCache.h"
#include "ui/markdown/SafeTextDocument.h"

#include <QCache>
#include <QElapsedTimer>
#include <QHash>
#include <QMultiHash>
#include <QSet>
#include <QStyledItemDelegate>

#include <memory>

class QTextLayout;

namespace Tramontane {

class ConversationModel;
class ImageRepository;
class MessageDocument;

//! Paints the rows of a ConversationModel: the user's messages as tinted bubbles, answers as
//! markdown over the full column, thinking folded to one line, tool runs as cards, images,
//! notices, and the footer under each answer. Hit-testing is done here too (editorEvent), the
//! actions are carried out by the view (actionTriggered).
//!
//! Heights: a text row never laid out gets a cheap estimate (MessageDocumentCache::
//! estimateHeight); when it is first painted its document is built and measured, and if the
//! height differs, sizeHintChanged() is emitted once after the paint (flushSizeHintChanges),
//! so only rows that were on screen ever cost a layout. Documents are cached per width bucket
//! (LRU, bounded); the document of a streaming row is pinned and only fed the new text.
class ChatDelegate final : public QStyledItemDelegate {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatDelegate)

public:
    enum class Action {
        None,
        CopyMessage,       //!< the row's markdown
        EditMessage,       //!< a user message
        CopyCode,          //!< code block `codeBlock`
        OpenLink,          //!< `href`
        ToggleExpanded,    //!< thinking row or tool card
        CopyToolArguments, //!< a tool card's arguments
        CopyToolResult,    //!< a tool card's result
        Retry,             //!< a retryable notice
        ToggleDetails,     //!< a notice's raw details
        CopyDetails,       //!< ... copied
        RetryImage,        //!< a failed image
        OpenImage,         //!< a loaded image
        ShowAnswerDetails, //!< the footer under an answer
        OpenCitation,      //!< citation chip number `codeBlock` (from 0), its URL in `href`
        AllowTool,         //!< a tool card's call waiting for a confirmation: run it
        DenyTool,          //!< ... do not run it
    };
    Q_ENUM(Action)

    //! What is under a point of a row.
    struct Hit {
        Action action = Action::None;
        QRect rect; //!< the target, viewport coordinates
        int codeBlock = -1;
        QString href;
        bool operator==(const Hit &o) const {
            return action == o.action && rect == o.rect && codeBlock == o.codeBlock
                   && href == o.href;
        }
    };

    explicit ChatDelegate(ImageRepository *images, QObject *parent = nullptr);
    ~ChatDelegate() override;

    void setModel(ConversationModel *model);
    //! Re-reads colours and fonts (palette or font change); drops every layout.
    void setStyle(const ChatStyle &style);
    const ChatStyle &chatStyle() const { return m_style; }
    void setDocumentCacheLimits(MessageDocumentCache::Limits limits);
    const MessageDocumentCache &documentCache() const { return m_docs; }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;
    //! Tooltips of citation chips: the source's full address.
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

    //! The target under \a pos (viewport coordinates) in the row drawn in option.rect.
    Hit hitTest(const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos);
    //! The targets of the row drawn in option.rect that the keyboard reaches with Tab, in
    //! reading order (its buttons, code copy buttons and citation chips; links stay with the
    //! pointer).
    QList<Hit> keyboardTargets(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    //! What a target does, in words (for the keyboard focus and assistive technology).
    static QString actionLabel(Action action);
    //! The row whose buttons show without the pointer over it, because the keyboard is
    //! there (-1: none).
    void setKeyboardRow(int row) { m_keyboardRow = row; }

    // --- Cooperation with the view ------------------------------------------------------
    //! Forgets every layout and height (conversation replaced, width changed a lot...).
    void clearLayouts();
    //! Row \a row changed in the model: feeds a streaming document its new text. Returns
    //! true when the row's height is no longer the one the view laid out.
    bool rowChanged(int row, int viewportWidth);
    //! Rows about to disappear: their keys may come back with other content.
    void forgetRows(int first, int last);
    //! The rows that needed a layout during the paint get a sizeHintChanged(): call after
    //! each paint. Returns true when it emitted.
    bool flushSizeHintChanges();
    //! Whether row \a row shows something moving (spinner, typing dots, a build under way).
    bool isAnimated(int row) const;
    //! The part of row \a row (drawn in \a rowRect) that moves: only it is repainted per tick.
    QRect animationRect(int row, const QRect &rowRect, int viewportWidth) const;
    //! The text of code block \a block of row \a row, as laid out at \a viewportWidth.
    QString codeText(int row, int block, int viewportWidth) const;
    //! Message keys whose document shows (or waits for) inline image \a key.
    QList<QString> messagesWithInlineImage(const QString &key) const {
        return m_inlineImageMessages.values(key);
    }
    //! The height row \a row has now (what sizeHint() answers).
    int rowHeight(int row, int viewportWidth) const;
    //! Rows were inserted or are about to be removed: keeps the per-row height cache aligned.
    void insertRows(int first, int last);
    //! Measures the text rows in [first, last] that only have an estimate (builds their
    //! documents). Returns true when a height changed, so the view lays out again before it
    //! paints: rows are exact by the time they are on screen.
    bool measureRows(int first, int last, int viewportWidth);
    //! An image's natural size became known or it failed: rows showing images may change
    //! height.
    void invalidateImageRows();
    //! The cache key of the image of \a item (hashing a data: URL once, not per paint).
    QString imageKeyOf(const ChatItem &item) const;

    // --- Text selection (one message at a time, kept by item key) ----------------------------
    //! The text of a row as drawn in option.rect.
    struct TextArea {
        MessageDocument *document = nullptr; //!< null: no text here (or still building)
        QRectF rect;                         //!< where it is drawn, viewport coordinates
        QString key;                         //!< the item's key
    };
    //! The text of a user or assistant row (or an unfolded thinking row) drawn in option.rect.
    TextArea textArea(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    //! Selects \a range of message \a key (offsets into MessageDocument::toPlainText()); the
    //! caller repaints.
    void setSelection(const QString &key, MessageDocument::TextRange range);
    void clearSelection() { setSelection({}, {}); }
    const QString &selectionKey() const { return m_selectionKey; }
    MessageDocument::TextRange selectionRange() const { return m_selectionRange; }

    //! Hover: the row under the pointer and where (viewport coordinates); -1 for none.
    void setHover(int row, const QPoint &pos);
    int hoverRow() const { return m_hoverRow; }
    //! Briefly shows "Copied" on a target (the view calls it after copying).
    void showCopied(int row, const Hit &hit);

    //! A remote markdown image the user agreed to load: once its image is ready the message
    //! is rebuilt with the picture in place of the placeholder.
    void approveInlineImage(const QString &messageKey, const QString &url, const QString &imageKey);
    //! Rebuilds the document of \a messageKey (after an inline image arrived).
    void invalidateMessage(const QString &messageKey);

    //! The text a row copies: markdown for messages, arguments and result for tool cards...
    static QString copyText(const ChatItem &item);
    //! The one-line summary of a tool call's arguments.
    static QString toolSummary(const ChatItem &item);
    //! A hosted tool's translated title (see ToolTitles); function names as they are.
    static QString toolDisplayName(const ChatItem &item);
    //! The footer line: model · N tokens (the request id is in the details it opens).
    static QString footerText(const ChatItem &item);
    //! What a notice shows behind "Details": the raw content, or the error's particulars
    //! (see ErrorDetails).
    static QString noticeDetails(const ChatItem &item);
    //! The label of citation chip \a index (from 0): "1  Title", or the host without a title.
    static QString citationLabel(const Citation &citation, int index);
    //! The chip's tooltip (rich text, escaped): the title and the full address.
    static QString citationToolTip(const Citation &citation);
    //! The chips of row \a row drawn in \a rowRect, in the order of its citations (viewport
    //! coordinates; empty for rows without citations).
    QList<QRect> citationRects(int row, const QRect &rowRect, int viewportWidth) const;

Q_SIGNALS:
    //! The user clicked a target of row \a row.
    void actionTriggered(int row, const Tramontane::ChatDelegate::Hit &hit);
    //! Rows need a repaint (an asynchronous build finished, feedback expired...).
    void repaintNeeded();

private:
    struct Column {
        int left = 0;
        int width = 0;
    };
    struct DocHeight {
        int bucket = -1;
        qreal height = 0;
        bool measured = false;
    };
    struct PlainBlock {
        int bucket = -1;
        std::shared_ptr<QTextLayout> layout;
        qreal height = 0;
        int hiddenLines = 0;
    };
    //! Every rectangle of a row, computed the same way for painting and hit-testing.
    struct Geometry {
        QRect row;
        QRect body; //!< the row minus padding and turn gap
        Column column;
        // text rows
        QRect bubble;
        QPointF docOrigin;
        qreal docWidth = 0;
        qreal docHeight = 0;
        // thinking, tool cards, notices
        QRect header;
        QRect card;
        QRect argsLabel, argsBlock, resultLabel, resultBlock;
        QRect noticeTitle, noticeHint, detailsBlock;
        QRect confirmPrompt; //!< a tool call waiting for the user's confirmation
        // images
        QRect image;
        // citation chips, one per citation of the item
        QList<QRect> chips;
        // footer and buttons
        QRect footer;
        QRect footerText;
        QList<Hit> buttons; //!< clickable targets except links and code blocks
    };

    const ChatItem &itemAt(int row) const;
    Column columnFor(int viewportWidth) const;
    int viewportWidthOf(const QStyleOptionViewItem &option) const;
    bool isTextRow(const ChatItem &item) const;
    bool isExpanded(const ChatItem &item) const;
    bool hasFooter(const ChatItem &item) const;
    qreal textWidth(const ChatItem &item, const Column &column) const;
    qreal docHeight(const ChatItem &item, qreal width, int row) const;
    MessageDocument *document(const ChatItem &item, qreal width) const;
    QString documentText(const ChatItem &item) const;
    int contentHeight(const ChatItem &item, const Column &column) const;
    int toolBodyHeight(const ChatItem &item, const Column &column) const;
    int noticeHeight(const ChatItem &item, const Column &column) const;
    QSize imageBox(const ChatItem &item, const Column &column) const;
    const PlainBlock &plainBlock(const QString &cacheKey, const QString &text, int width) const;
    //! \a full adds what only painting and hit-testing need (buttons, bubble shrinking).
    Geometry geometry(const QRect &rect, int row, const ChatItem &item, int viewportWidth,
                      bool full) const;

    void paintUser(QPainter *p, const Geometry &g, const ChatItem &item, int row) const;
    void paintAssistant(QPainter *p, const Geometry &g, const ChatItem &item, int row) const;
    void paintThinking(QPainter *p, const Geometry &g, const ChatItem &item, int row) const;
    void paintTool(QPainter *p, const Geometry &g, const ChatItem &item, int row) const;
    void paintImage(QPainter *p, const Geometry &g, const ChatItem &item, int row) const;
    void paintNotice(QPainter *p, const Geometry &g, const ChatItem &item, int row) const;
    void paintFooter(QPainter *p, const Geometry &g, const ChatItem &item, int row) const;
    void paintCitations(QPainter *p, const Geometry &g, const ChatItem &item, int row) const;
    //! Lays the chips out left to right from (left, top), wrapping at \a width.
    QList<QRect> layoutChips(const ChatItem &item, int left, int top, int width) const;
    void paintDocument(QPainter *p, const Geometry &g, const ChatItem &item, int row,
                       const QRect &clip, const QColor &background) const;
    //! The cached picture of a document is stale: its text, inline images or build changed.
    void bumpRevision(const QString &key) const { ++m_docRevisions[key]; }
    void paintCodeButtons(QPainter *p, const Geometry &g, const ChatItem &item, int row) const;
    void paintButton(QPainter *p, const QRect &rect, const QString &iconName, const QString &text,
                     bool hovered, bool framed, int row, const Hit &hit) const;
    void paintPlainBlock(QPainter *p, const QRect &rect, const PlainBlock &block) const;
    void paintSpinner(QPainter *p, const QRectF &rect, const QColor &color) const;
    void paintTypingDots(QPainter *p, const QPointF &start, const QColor &color) const;
    void noteMeasured(int row, const ChatItem &item, qreal width, qreal height) const;
    bool isHoveredTarget(int row, const Hit &hit) const;
    bool isCopiedTarget(int row, const Hit &hit) const;
    QList<Hit> codeButtons(const Geometry &g, const ChatItem &item) const;

    bool showsButtons(int row) const { return row == m_hoverRow || row == m_keyboardRow; }

    ConversationModel *m_model = nullptr;
    ImageRepository *m_images = nullptr;
    int m_keyboardRow = -1;
    ChatStyle m_style;
    MarkdownStyle m_markdown;
    MarkdownStyle m_thinkingMarkdown;
    MarkdownStyle m_userMarkdown;
    SafeTextDocument::ImageResolver m_resolver;
    struct InlineImages;
    std::shared_ptr<InlineImages> m_inline;

    mutable MessageDocumentCache m_docs;
    mutable QHash<QString, DocHeight> m_docHeights; // by item key
    mutable QList<int> m_rowHeights;                // what sizeHint() answers, by row; -1: unknown
    mutable int m_rowHeightsWidth = -1;             // the viewport width they were computed for
    mutable QHash<QString, QString> m_imageKeys;    // item key → image key
    mutable QCache<QString, QImage> m_docImages;    // finished documents, drawn once (KiB)
    mutable QHash<QString, quint32> m_docRevisions; // bumped when a document changes
    mutable QHash<QString, PlainBlock> m_plainBlocks; // tool arguments/results, notice details
    mutable QHash<QString, QString> m_summaries;
    mutable QSet<int> m_resized;                        // rows re-measured during the paint
    QMultiHash<QString, QString> m_inlineImageMessages; // image key → message key
    QHash<QString, QHash<QString, QString>> m_approved; // message key → url → image key

    mutable QRect m_exposed; // the part of the row being painted, set by paint()
    QString m_selectionKey;
    MessageDocument::TextRange m_selectionRange;
    int m_hoverRow = -1;
    QPoint m_hoverPos;
    int m_pressRow = -1;
    Hit m_pressHit;
    int m_copiedRow = -1;
    Hit m_copiedHit;
    QElapsedTimer m_copiedTime;
    QElapsedTimer m_clock; // animation phase
};

} // namespace Tramontane

Q_DECLARE_METATYPE(Tramontane::ChatDelegate::Hit)
