// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/ChatItem.h"
#include "ui/chat/ChatRowLayout.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QRect>
#include <QTextLayout>

class QColor;
class QPainter;
class QPointF;
class QRectF;

namespace Tramontane {

class ChatDocuments;
class ChatHeightCache;
class ChatImageKeys;
class ChatPictureCache;
class ChatStyle;
class ImageRepository;
class MessageDocument;
class PlainBlockCache;
struct ChatInteraction;

//! Paints one chat row from its ChatRowGeometry: the user's messages as tinted bubbles,
//! answers as markdown over the full column, thinking folded to one line, tool runs as cards,
//! images, notices, citation chips and the footer under each answer. Buttons show on the row
//! the pointer or the keyboard is on (ChatInteraction).
class ChatRowPainter final {
    Q_DECLARE_TR_FUNCTIONS(ChatRowPainter)

public:
    //! What painting reads, owned elsewhere (the delegate and the view).
    struct Parts {
        const ChatStyle *style = nullptr;
        const ChatInteraction *interaction = nullptr;
        const ChatRowMeasures *measures = nullptr;
        ChatDocuments *documents = nullptr;
        ChatPictureCache *pictures = nullptr;
        PlainBlockCache *blocks = nullptr;
        ChatHeightCache *heights = nullptr; //!< told the heights of documents painted
        ChatImageKeys *imageKeys = nullptr;
        ImageRepository *images = nullptr; //!< may be null: images show as failed
    };
    explicit ChatRowPainter(const Parts &parts);

    //! Paints row \a row, laid out as \a g, within \a exposed (viewport coordinates).
    void paint(QPainter *painter, const ChatRowGeometry &g, const ChatItem &item, int row,
               const QRect &exposed);
    //! The summary of a tool card is computed once per item: \a key changed or went.
    void forget(const QString &key) { m_summaries.remove(key); }
    void clear() { m_summaries.clear(); }

private:
    using Block = ChatRowMeasures::Block;

    void paintUser(QPainter *p, const ChatRowGeometry &g, const ChatItem &item, int row);
    void paintAssistant(QPainter *p, const ChatRowGeometry &g, const ChatItem &item, int row);
    void paintThinking(QPainter *p, const ChatRowGeometry &g, const ChatItem &item, int row);
    void paintTool(QPainter *p, const ChatRowGeometry &g, const ChatItem &item, int row);
    void paintImage(QPainter *p, const ChatRowGeometry &g, const ChatItem &item, int row);
    void paintNotice(QPainter *p, const ChatRowGeometry &g, const ChatItem &item, int row);
    void paintFooter(QPainter *p, const ChatRowGeometry &g, const ChatItem &item, int row);
    void paintVersions(QPainter *p, const ChatRowGeometry &g, const ChatItem &item, int row);
    void paintCitations(QPainter *p, const ChatRowGeometry &g, const ChatItem &item, int row);
    void paintDocument(QPainter *p, const ChatRowGeometry &g, const ChatItem &item, int row,
                       const QRect &clip, const QColor &background);
    //! The document with the find matches highlighted; false when the row has none.
    bool paintFindMatches(QPainter *p, const ChatRowGeometry &g, const ChatItem &item,
                          MessageDocument *doc, const QRectF &visible);
    void paintCodeButtons(QPainter *p, const ChatRowGeometry &g, const ChatItem &item, int row);
    void paintButton(QPainter *p, const QRect &rect, const QString &iconName, const QString &text,
                     bool hovered, bool framed, int row, const ChatHit &hit);
    void paintBlock(QPainter *p, const QRect &rect, Block block, const QString &key,
                    const QString &text, int width,
                    const QList<QTextLayout::FormatRange> &marks = {});
    //! The find matches of a tool card, in its arguments and in its result.
    void toolMarks(const ChatItem &item, QList<QTextLayout::FormatRange> *arguments,
                   QList<QTextLayout::FormatRange> *result) const;
    void paintSpinner(QPainter *p, const QRectF &rect, const QColor &color);
    void paintTypingDots(QPainter *p, const QPointF &start, const QColor &color);

    const ChatStyle *m_style;
    const ChatInteraction *m_interaction;
    const ChatRowMeasures *m_measures;
    ChatDocuments *m_documents;
    ChatPictureCache *m_pictures;
    PlainBlockCache *m_blocks;
    ChatHeightCache *m_heights;
    ChatImageKeys *m_imageKeys;
    ImageRepository *m_images;
    QHash<QString, QString> m_summaries; // tool card summaries, by item key
    QRect m_exposed;                     // the part of the row being painted
    QElapsedTimer m_clock;               // animation phase
};

} // namespace Tramontane
