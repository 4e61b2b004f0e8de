// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chat/ChatDocuments.h"

#include "ui/chat/ChatStyle.h"
#include "ui/chat/ImageRepository.h"
#include "ui/markdown/MessageDocument.h"

#include <QMutex>

using namespace Qt::StringLiterals;

namespace Tramontane {

using Kind = ChatItem::Kind;
using State = ChatItem::State;

struct ChatDocuments::InlineImages {
    QMutex mutex;
    QHash<QString, QImage> images;
};

ChatDocuments::ChatDocuments(ImageRepository *images, QObject *parent)
    : QObject(parent)
    , m_images(images)
    , m_inline(std::make_shared<InlineImages>()) {
    m_resolver = [inlineImages = m_inline](const QString &key) -> QVariant {
        QMutexLocker lock(&inlineImages->mutex);
        const auto it = inlineImages->images.constFind(key);
        return it == inlineImages->images.cend() ? QVariant() : QVariant(*it);
    };
}

ChatDocuments::~ChatDocuments() = default;

void ChatDocuments::setStyle(const ChatStyle &style) {
    m_markdown = MarkdownStyle::fromApplication();
    m_markdown.bodyFont = style.font;
    m_markdown.text = style.text;
    m_markdown.link = style.accent;
    m_markdown.background = style.base;
    m_thinkingMarkdown = m_markdown;
    m_thinkingMarkdown.text = style.muted;
    // Tables are filled with the background: inside the bubble, the bubble's colour.
    m_userMarkdown = m_markdown;
    m_userMarkdown.background = style.userBubble;
    m_userMarkdown.tableHeaderBackground = ChatStyle::mix(style.userBubble, style.text, 0.05);
    m_cache.clear();
}

QString ChatDocuments::documentText(const ChatItem &item) const {
    const auto approved = m_approved.constFind(item.key);
    if (approved == m_approved.cend())
        return item.text;
    QString text = item.text;
    QMutexLocker lock(&m_inline->mutex);
    for (auto it = approved->cbegin(); it != approved->cend(); ++it) {
        if (m_inline->images.contains(it.value()))
            text.replace(u"]("_s + it.key(),
                         u"]("_s + SafeTextDocument::imageUrl(it.value()).toString());
    }
    return text;
}

MessageDocument *ChatDocuments::document(const ChatItem &item, qreal width) {
    if (MessageDocument *doc = m_cache.find(item.key, width))
        return doc;
    const MarkdownStyle &style = item.kind == Kind::Thinking ? m_thinkingMarkdown
                                 : item.kind == Kind::User   ? m_userMarkdown
                                                             : m_markdown;
    auto doc = std::make_unique<MessageDocument>(style);
    doc->setImageResolver(m_resolver);
    doc->setTextWidth(width);
    const QString text = documentText(item);
    const bool streaming = item.state == State::Streaming;
    if (streaming)
        doc->setText(text);
    else
        doc->setMarkdownAsync(text);
    const QString key = item.key;
    connect(doc.get(), &MessageDocument::ready, this, [this, key, width] {
        m_cache.updateCost(key, width);
        Q_EMIT ready(key, width);
    });
    MessageDocument *stored = m_cache.insert(key, width, std::move(doc));
    m_cache.setPinned(key, streaming);
    return stored;
}

MessageDocument *ChatDocuments::update(const ChatItem &item, qreal width) {
    MessageDocument *doc = m_cache.find(item.key, width);
    if (!doc)
        return nullptr;
    const QString text = documentText(item);
    if (item.state == State::Streaming) {
        if (!doc->isStreaming() || doc->text() != text)
            doc->setText(text);
        m_cache.setPinned(item.key, true);
    } else {
        if (doc->isStreaming()) {
            doc->setText(text);
            doc->finish();
        } else if (doc->text() != text) {
            doc->setMarkdownAsync(text);
        }
        m_cache.setPinned(item.key, false);
    }
    m_cache.updateCost(item.key, width);
    return doc;
}

void ChatDocuments::approveInlineImage(const QString &messageKey, const QString &url,
                                       const QString &imageKey) {
    m_approved[messageKey].insert(url, imageKey);
    if (!m_inlineImageMessages.contains(imageKey, messageKey))
        m_inlineImageMessages.insert(imageKey, messageKey);
    if (m_images && m_images->status(imageKey) == ImageRepository::Status::Ready) {
        QMutexLocker lock(&m_inline->mutex);
        m_inline->images.insert(imageKey, m_images->image(imageKey));
    }
}

void ChatDocuments::refreshInlineImages(const QString &messageKey) {
    if (m_images) {
        const auto approved = m_approved.constFind(messageKey);
        if (approved != m_approved.cend()) {
            QMutexLocker lock(&m_inline->mutex);
            for (const QString &imageKey : *approved) {
                if (m_images->status(imageKey) == ImageRepository::Status::Ready)
                    m_inline->images.insert(imageKey, m_images->image(imageKey));
            }
        }
    }
    m_cache.remove(messageKey);
}

} // namespace Tramontane
