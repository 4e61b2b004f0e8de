// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/ChatItem.h"
#include "ui/markdown/MarkdownStyle.h"
#include "ui/markdown/MessageDocumentCache.h"
#include "ui/markdown/SafeTextDocument.h"

#include <QHash>
#include <QMultiHash>
#include <QObject>

#include <memory>

namespace Tramontane {

class ChatStyle;
class ImageRepository;
class MessageDocument;

//! The markdown documents of a chat's text rows, per item key and width bucket (LRU, bounded;
//! the document of a streaming row is pinned and only fed its new text), and the remote images
//! the user agreed to show inside them.
class ChatDocuments final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatDocuments)

public:
    explicit ChatDocuments(ImageRepository *images, QObject *parent = nullptr);
    ~ChatDocuments() override;

    //! The colours and fonts of the documents built from now on (drops every document).
    void setStyle(const ChatStyle &style);
    void setLimits(MessageDocumentCache::Limits limits) { m_cache.setLimits(limits); }
    const MessageDocumentCache &cache() const { return m_cache; }

    //! The document of \a item at \a width, built (markdown on a worker) if there is none.
    MessageDocument *document(const ChatItem &item, qreal width);
    //! The document of \a key at \a width if there is one.
    MessageDocument *find(const QString &key, qreal width) { return m_cache.find(key, width); }
    const MessageDocument *findAnyWidth(const QString &key) { return m_cache.findAnyWidth(key); }
    //! Row \a item changed: its document at \a width (if there is one) gets the new text; a
    //! streaming one only the new part. Returns the document, or null.
    MessageDocument *update(const ChatItem &item, qreal width);
    void remove(const QString &key) { m_cache.remove(key); }
    void clear() { m_cache.clear(); }

    //! A remote markdown image the user agreed to load: once its image is ready the message
    //! is rebuilt with the picture in place of the placeholder.
    void approveInlineImage(const QString &messageKey, const QString &url, const QString &imageKey);
    //! Message keys whose document shows (or waits for) inline image \a key.
    QList<QString> messagesWithInlineImage(const QString &key) const {
        return m_inlineImageMessages.values(key);
    }
    //! Takes the ready inline images of \a messageKey from the repository and drops its
    //! documents, to be built again with them.
    void refreshInlineImages(const QString &messageKey);

Q_SIGNALS:
    //! A document built in the background is ready: what is painted changed.
    void ready(const QString &key, qreal width);

private:
    //! The markdown of \a item, with the approved images pointing at their loaded pictures.
    QString documentText(const ChatItem &item) const;

    ImageRepository *m_images = nullptr;
    MarkdownStyle m_markdown;
    MarkdownStyle m_thinkingMarkdown;
    MarkdownStyle m_userMarkdown;
    SafeTextDocument::ImageResolver m_resolver;
    struct InlineImages;
    std::shared_ptr<InlineImages> m_inline;
    MessageDocumentCache m_cache;
    QMultiHash<QString, QString> m_inlineImageMessages; // image key → message key
    QHash<QString, QHash<QString, QString>> m_approved; // message key → url → image key
};

} // namespace Tramontane
