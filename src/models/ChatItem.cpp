// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/ChatItem.h"

#include "models/ErrorPresenter.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Tramontane {

QString ImageSource::key() const {
    if (kind == Kind::FileId)
        return u"file:"_s + ref;
    const QByteArray hash =
        QCryptographicHash::hash(ref.toUtf8(), QCryptographicHash::Sha256).toHex().left(32);
    return (kind == Kind::DataUrl ? u"data:"_s : u"url:"_s) + QString::fromLatin1(hash);
}

ImageSource ImageSource::fromChunk(const ContentChunk &chunk) {
    ImageSource s;
    if (chunk.type == ContentChunk::Type::ToolFile && !chunk.fileId.isEmpty()) {
        s.kind = Kind::FileId;
        s.ref = chunk.fileId;
        s.fileName = chunk.fileName.value_or(QString());
        s.fileType = chunk.fileType.value_or(QString());
    } else if (chunk.type == ContentChunk::Type::ImageUrl && !chunk.imageUrl.isEmpty()) {
        s.ref = chunk.imageUrl;
        if (chunk.imageUrl.startsWith(u"data:"_s, Qt::CaseInsensitive)) {
            s.kind = Kind::DataUrl;
            s.fileName = chunk.imageName.value_or(QString()); // an attached file's name
        } else {
            const QUrl url(chunk.imageUrl);
            if (url.scheme() == u"https"_s || url.scheme() == u"http"_s) {
                s.kind = Kind::HttpUrl;
                s.fileName = url.fileName();
            }
        }
    }
    return s;
}

ImageSource ImageSource::fromToolResult(const QString &text) {
    ImageSource s;
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(u'{')) {
        const QJsonObject o = QJsonDocument::fromJson(trimmed.toUtf8()).object();
        if (!o.value(u"file_id"_s).toString().isEmpty()) {
            s.kind = Kind::FileId;
            s.ref = o.value(u"file_id"_s).toString();
            s.fileName = o.value(u"file_name"_s).toString();
            s.fileType = o.value(u"file_type"_s).toString();
            return s;
        }
        for (const QString &field : {u"url"_s, u"image_url"_s}) {
            QString url = o.value(field).toString();
            if (url.isEmpty() && o.value(field).isObject())
                url = o.value(field).toObject().value(u"url"_s).toString();
            if (url.isEmpty())
                continue;
            ContentChunk chunk = ContentChunk::makeImageUrl(url);
            return fromChunk(chunk);
        }
        return s;
    }
    const QUrl url(trimmed, QUrl::StrictMode);
    if (url.isValid() && (url.scheme() == u"https"_s || url.scheme() == u"http"_s)) {
        static const QStringList extensions{u".png"_s, u".jpg"_s, u".jpeg"_s, u".webp"_s,
                                            u".gif"_s};
        const QString path = url.path().toLower();
        for (const QString &ext : extensions) {
            if (path.endsWith(ext))
                return fromChunk(ContentChunk::makeImageUrl(trimmed));
        }
    }
    return s;
}

bool ChatItem::looksLike(const ChatItem &o) const {
    const auto errorTitle = [](const std::shared_ptr<const ApiError> &e) {
        return e ? ErrorPresenter::title(*e) : QString();
    };
    const auto usageTotal = [](const std::optional<Usage> &u) {
        return u ? u->totalTokens : qint64(-1);
    };
    return kind == o.kind && state == o.state && key == o.key && entry == o.entry && turn == o.turn
           && text == o.text && detail == o.detail && toolName == o.toolName
           && toolArguments == o.toolArguments && toolResult == o.toolResult
           && hasToolResult == o.hasToolResult && hosted == o.hosted && toolType == o.toolType
           && toolConnector == o.toolConnector && confirmation == o.confirmation && image == o.image
           && answerEnd == o.answerEnd && usageTotal(usage) == usageTotal(o.usage)
           && requestId == o.requestId && model == o.model && agent == o.agent
           && citations == o.citations && retryable == o.retryable && continuable == o.continuable
           && versionCount == o.versionCount && versionIndex == o.versionIndex
           && versionEntry == o.versionEntry && errorTitle(error) == errorTitle(o.error);
}

} // namespace Tramontane
