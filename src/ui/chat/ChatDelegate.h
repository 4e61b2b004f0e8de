// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/ChatItem.h"
#include "ui/chat/ChatHit.h"
#include "ui/chat/ChatRowLayout.h"
#include "ui/chat/ChatStyle.h"
#include "ui/markdown/MessageDocumentCache.h"

#include <QStyledItemDelegate>

#include <memory>

namespace Tramontane {

class ChatDocuments;
class ChatHeightCache;
class ChatImageKeys;
class ChatPictureCache;
class ChatRowPainter;
class ConversationModel;
class ImageRepository;
class MessageDocument;
class PlainBlockCache;
struct ChatInteraction;

//! The delegate of ChatView: hands each request of the list view to the part that does it.
//! Rows are laid out by ChatRowLayout (one geometry for painting, sizing and hit-testing) and
//! painted by ChatRowPainter; the markdown of text rows is kept by ChatDocuments and its
//! pictures by ChatPictureCache; heights go to the view's ChatHeightCache, and what the user is
//! doing is read from the view's ChatInteraction. Clicks on a row's targets are reported with
//! actionTriggered(); the view carries them out.
//!
//! Heights: a text row never laid out gets a cheap estimate; when it is first painted its
//! document is built and measured, and if the height differs, sizeHintChanged() is emitted
//! once after the paint (flushSizeHintChanges), so only rows that were on screen ever cost a
//! layout.
class ChatDelegate final : public QStyledItemDelegate, private ChatRowMeasures {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatDelegate)

public:
    using Action = ChatHit::Action;
    using Hit = ChatHit;

    //! \a heights and \a interaction belong to the view and outlive the delegate.
    ChatDelegate(ImageRepository *images, ChatHeightCache *heights, ChatInteraction *interaction,
                 QObject *parent = nullptr);
    ~ChatDelegate() override;

    void setModel(ConversationModel *model);
    //! Re-reads colours and fonts (palette or font change); drops every layout.
    void setStyle(const ChatStyle &style);
    const ChatStyle &chatStyle() const { return m_style; }
    void setDocumentCacheLimits(MessageDocumentCache::Limits limits);
    const MessageDocumentCache &documentCache() const;

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
    QList<QString> messagesWithInlineImage(const QString &key) const;
    //! The height row \a row has now (what sizeHint() answers).
    int rowHeight(int row, int viewportWidth) const;
    //! Rows were inserted: keeps the per-row height cache aligned.
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

    //! The text of a row as drawn in option.rect.
    struct TextArea {
        MessageDocument *document = nullptr; //!< null: no text here (or still building)
        QRectF rect;                         //!< where it is drawn, viewport coordinates
        QString key;                         //!< the item's key
    };
    //! The text of a user or assistant row (or an unfolded thinking row) drawn in option.rect.
    TextArea textArea(const QStyleOptionViewItem &option, const QModelIndex &index) const;

    //! A remote markdown image the user agreed to load: once its image is ready the message
    //! is rebuilt with the picture in place of the placeholder.
    void approveInlineImage(const QString &messageKey, const QString &url, const QString &imageKey);
    //! Rebuilds the document of \a messageKey (after an inline image arrived).
    void invalidateMessage(const QString &messageKey);
    //! The chips of row \a row drawn in \a rowRect, in the order of its citations (viewport
    //! coordinates; empty for rows without citations).
    QList<QRect> citationRects(int row, const QRect &rowRect, int viewportWidth) const;

Q_SIGNALS:
    //! The user clicked a target of row \a row.
    void actionTriggered(int row, const Tramontane::ChatHit &hit);
    //! Rows need a repaint (an asynchronous build finished, feedback expired...).
    void repaintNeeded();

private:
    // ChatRowMeasures, answered from the caches
    bool isExpanded(const ChatItem &item) const override;
    qreal documentHeight(const ChatItem &item, qreal width, int row) const override;
    qreal blockHeight(const ChatItem &item, Block block, const QString &text,
                      int width) const override;
    QSize imageNaturalSize(const ChatItem &item) const override;
    ImageState imageState(const ChatItem &item) const override;

    const ChatItem &itemAt(int row) const;
    int viewportWidthOf(const QStyleOptionViewItem &option) const;
    bool isTextRow(const ChatItem &item) const;
    ChatRowGeometry layoutRow(const QRect &rect, int row, int viewportWidth, bool full) const;
    QList<Hit> codeButtons(const ChatRowGeometry &g, const ChatItem &item) const;

    ConversationModel *m_model = nullptr;
    ImageRepository *m_images = nullptr;
    ChatHeightCache *m_heights = nullptr;
    ChatInteraction *m_interaction = nullptr;
    ChatStyle m_style;
    ChatDocuments *m_documents = nullptr; // a child
    std::unique_ptr<ChatPictureCache> m_pictures;
    std::unique_ptr<PlainBlockCache> m_blocks;
    std::unique_ptr<ChatImageKeys> m_imageKeys;
    std::unique_ptr<ChatRowPainter> m_painter;
};

} // namespace Tramontane
