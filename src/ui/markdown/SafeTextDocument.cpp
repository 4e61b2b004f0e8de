// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/markdown/SafeTextDocument.h"

#include "ui/markdown/BidiControls.h"

#include <QImage>
#include <QPixmap>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextFragment>
#include <QTextImageFormat>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

// A non-null image handed out for every image we refuse: with an empty answer QTextImageHandler
// would try QImage::load(name) on the raw name, which is exactly the file read we forbid.
QImage blankImage() {
    QImage image(1, 1, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    return image;
}

QSize imageSize(const QVariant &value) {
    if (value.userType() == QMetaType::QImage)
        return value.value<QImage>().size();
    if (value.userType() == QMetaType::QPixmap)
        return value.value<QPixmap>().size();
    return {};
}

QString imageAlt(const QTextImageFormat &format) {
    return format.stringProperty(QTextFormat::ImageAltText).simplified();
}

// The format of the text that replaces an image: the surrounding character format without any
// of the image properties.
QTextCharFormat textFormatFrom(const QTextCharFormat &imageFormat) {
    QTextCharFormat format = imageFormat;
    for (int property : {int(QTextFormat::ObjectType), int(QTextFormat::ImageName),
                         int(QTextFormat::ImageWidth), int(QTextFormat::ImageHeight),
                         int(QTextFormat::ImageTitle), int(QTextFormat::ImageAltText),
                         int(QTextFormat::ImageQuality), int(QTextFormat::TextToolTip)}) {
        format.clearProperty(property);
    }
    return format;
}

struct ImageSite {
    int position;
    QTextImageFormat format;
};

} // namespace

SafeTextDocument::SafeTextDocument(QObject *parent)
    : QTextDocument(parent) {
    // A provider of our own, answering nothing: QTextDocument consults it only after
    // loadResource() and, being set, it keeps any application-wide default provider out.
    setResourceProvider([](const QUrl &) { return QVariant(); });
}

SafeTextDocument::~SafeTextDocument() = default;

void SafeTextDocument::setImageResolver(ImageResolver resolver) {
    m_resolver = std::move(resolver);
}

QString SafeTextDocument::imageScheme() {
    return u"tramontane-image"_s;
}

QString SafeTextDocument::loadImageScheme() {
    return u"tramontane-load-image"_s;
}

QUrl SafeTextDocument::imageUrl(const QString &key) {
    QUrl url;
    url.setScheme(imageScheme());
    url.setPath(key);
    return url;
}

QUrl SafeTextDocument::loadImageUrl(const QUrl &remote) {
    QUrl url;
    url.setScheme(loadImageScheme());
    // Percent-encode everything but unreserved characters, so the original URL survives any
    // re-parsing of the anchor untouched.
    url.setPath(QString::fromLatin1(QUrl::toPercentEncoding(remote.toString(QUrl::FullyEncoded))),
                QUrl::StrictMode);
    return url;
}

std::optional<QUrl> SafeTextDocument::remoteImageFromAnchor(const QString &href) {
    const QString prefix = loadImageScheme() + u':';
    if (!href.startsWith(prefix))
        return std::nullopt;
    const QByteArray encoded = QStringView(href).sliced(prefix.size()).toLatin1();
    QUrl remote = QUrl::fromEncoded(QByteArray::fromPercentEncoding(encoded), QUrl::StrictMode);
    const QString scheme = remote.scheme().toLower();
    if (!remote.isValid() || (scheme != "https"_L1 && scheme != "http"_L1))
        return std::nullopt;
    return remote;
}

QTextDocument::MarkdownFeatures SafeTextDocument::markdownFeatures() {
    // md4c flags: permissive URL (0x4), e-mail (0x8) and www (0x400) autolinks, tables (0x100),
    // strikethrough (0x200), task lists (0x800). Raw HTML is off (NoHTML); so are underline
    // (it would turn GitHub's _emphasis_ into underlining) and front matter (newer Qt versions
    // put it in their GitHub dialect; a message is never a file with a header).
    constexpr int flags = 0x0004 | 0x0008 | 0x0400 | 0x0100 | 0x0200 | 0x0800;
    return QTextDocument::MarkdownFeatures::fromInt(flags | int(QTextDocument::MarkdownNoHTML));
}

int SafeTextDocument::importMarkdown(const QString &markdown) {
    const bool layoutWasEnabled = isLayoutEnabled();
    setLayoutEnabled(false);
    setMarkdown(BidiControls::neutralised(markdown), markdownFeatures());
    const int replaced = sanitizeImages();
    setLayoutEnabled(layoutWasEnabled);
    return replaced;
}

int SafeTextDocument::sanitizeImages(int fromBlock) {
    QList<ImageSite> sites;
    for (QTextBlock block = findBlockByNumber(fromBlock); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            const QTextCharFormat format = fragment.charFormat();
            if (!format.isImageFormat())
                continue;
            // Identical adjacent images share one fragment: one site per character.
            for (int i = 0; i < fragment.length(); ++i)
                sites.append({fragment.position() + i, format.toImageFormat()});
        }
    }
    if (sites.isEmpty())
        return 0;

    int replaced = 0;
    const QString ownPrefix = imageScheme() + u':';
    QTextCursor cursor(this);
    cursor.beginEditBlock();
    // Back to front, so earlier positions stay valid while text grows.
    std::reverse(sites.begin(), sites.end());
    for (const ImageSite &site : std::as_const(sites)) {
        const QString name = site.format.name();
        cursor.setPosition(site.position);
        cursor.setPosition(site.position + 1, QTextCursor::KeepAnchor);
        if (name.startsWith(ownPrefix)) {
            QTextImageFormat own = site.format;
            const QVariant image =
                m_resolver ? m_resolver(name.sliced(ownPrefix.size())) : QVariant();
            QSize size = imageSize(image);
            if (size.isEmpty())
                size = QSize(1, 1);
            if (size.width() > maxImageWidth())
                size = QSize(maxImageWidth(), size.height() * maxImageWidth() / size.width());
            own.setWidth(size.width());
            own.setHeight(qMax(1, size.height()));
            cursor.setCharFormat(own);
            continue;
        }
        ++replaced;
        const QUrl url(name);
        const QString scheme = url.scheme().toLower();
        const QString alt = imageAlt(site.format);
        QTextCharFormat text = textFormatFrom(site.format);
        if ((scheme == "https"_L1 || scheme == "http"_L1) && !url.host().isEmpty()) {
            text.setAnchor(true);
            text.setAnchorHref(loadImageUrl(url).toString(QUrl::FullyEncoded));
            text.setFontUnderline(true);
            text.setToolTip(url.toDisplayString());
            const QString label = alt.isEmpty() ? tr("image") : alt;
            cursor.insertText(tr("Image: %1 \u2014 %2 (click to load)").arg(label, url.host()),
                              text);
        } else {
            text.setFontItalic(true);
            cursor.insertText(
                alt.isEmpty() ? tr("[image blocked]") : tr("[image blocked: %1]").arg(alt), text);
        }
    }
    cursor.endEditBlock();
    return replaced;
}

QVariant SafeTextDocument::loadResource(int type, const QUrl &name) {
    if (type == QTextDocument::ImageResource && name.scheme() == imageScheme()) {
        const QVariant image = m_resolver ? m_resolver(name.path()) : QVariant();
        if (!imageSize(image).isEmpty())
            return image;
        return blankImage();
    }
    m_refused.fetchAndAddRelaxed(1);
    if (type == QTextDocument::ImageResource)
        return blankImage();
    return {};
}

} // namespace Tramontane
