// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAtomicInteger>
#include <QTextDocument>
#include <QUrl>
#include <QVariant>

#include <functional>
#include <optional>

namespace Tramontane {

//! A QTextDocument that loads no resource the application does not own.
//!
//! Qt's default QTextDocument::loadResource reads any local path, and when a resource comes
//! back empty QTextImageHandler falls back to QImage::load(name): a direct file read, so
//! `![](/dev/zero)` exhausts memory and a FIFO blocks the GUI thread forever. This document
//! therefore does two things:
//!  - resource() requests are answered only for images under imageScheme() (the app's own
//!    images, through the resolver); everything else gets an empty QVariant, except image
//!    requests, which get a tiny blank image so that Qt never tries its file fallback;
//!  - sanitizeImages() removes every other image from the document: remote http(s) images
//!    become a link-like "click to load" placeholder whose anchor carries the original URL
//!    (see loadImageUrl()), anything else becomes plain "[image blocked: alt]" text.
//! Markdown must reach a SafeTextDocument through importMarkdown() (or the helpers of
//! MessageDocument), never through setMarkdown() directly while a layout is active.
class SafeTextDocument final : public QTextDocument {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SafeTextDocument)

public:
    //! Resolves the key of a `tramontane-image:<key>` URL to a QImage (or QPixmap) variant, or
    //! an invalid QVariant when unknown. May be called from a worker thread while a message is
    //! built in the background, so it must be thread-safe.
    using ImageResolver = std::function<QVariant(const QString &key)>;

    explicit SafeTextDocument(QObject *parent = nullptr);
    ~SafeTextDocument() override;

    void setImageResolver(ImageResolver resolver);
    const ImageResolver &imageResolver() const { return m_resolver; }

    //! Replaces the content with \a markdown, importing with layout disabled and sanitizing the
    //! images before anything can lay the document out (so before any resource is requested).
    //! Returns the number of images replaced by placeholders or blocked text.
    int importMarkdown(const QString &markdown);

    //! Walks blocks from \a fromBlock (block number) to the end and replaces every image whose
    //! URL is not under imageScheme(). Images the resolver knows are capped to
    //! maxImageWidth() logical pixels. Returns the number of images replaced.
    int sanitizeImages(int fromBlock = 0);

    //! Number of resource requests refused since construction (any type, any thread).
    int refusedRequests() const { return m_refused.loadRelaxed(); }

    //! Scheme of the application's own images: `tramontane-image:<key>`.
    static QString imageScheme();
    //! Scheme of the anchors of remote-image placeholders.
    static QString loadImageScheme();
    //! The anchor of a remote image placeholder: `tramontane-load-image:<percent-encoded URL>`.
    static QUrl loadImageUrl(const QUrl &remote);
    //! The original remote URL of such an anchor, or nullopt for any other href.
    static std::optional<QUrl> remoteImageFromAnchor(const QString &href);
    //! The application image URL for \a key.
    static QUrl imageUrl(const QString &key);

    static constexpr int maxImageWidth() { return 480; }

    //! The MarkdownFeatures every import uses: GitHub dialect (tables, task lists,
    //! strikethrough, autolinks) without raw HTML and without front matter.
    static QTextDocument::MarkdownFeatures markdownFeatures();

protected:
    QVariant loadResource(int type, const QUrl &name) override;

private:
    QVariant provide(const QUrl &url);

    ImageResolver m_resolver;
    QAtomicInteger<int> m_refused = 0;
};

} // namespace Tramontane
