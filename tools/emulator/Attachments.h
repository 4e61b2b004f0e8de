// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSize>
#include <QString>

#include <functional>
#include <optional>

namespace Tramontane::Emulator {

struct StoredFile;

//! An image or a document a request brings along, as the service would see it after
//! downloading it.
struct Attachment {
    enum class Kind { Image, Document };
    Kind kind = Kind::Image;
    int message = -1;     //!< index of the message that carries it
    QString name;         //!< the document's name, the stored file's name, or the URL's last part
    QString origin;       //!< "data URL", "uploaded file", or the host of a remote URL
    bool fetched = false; //!< false for a remote URL the emulator does not download (offline)
    QByteArray bytes;
    QByteArray format; //!< "png", "jpeg", "pdf", "text", "docx"...
    QSize size;        //!< images: pixels
    QString colour;    //!< images: the name of the dominant colour
    QString text;      //!< images: embedded text; documents: their readable text
    int pages = 0;     //!< documents
};

//! The API's limits on images in one request (vision documentation).
struct ImageLimits {
    static constexpr qsizetype MaxBytes = 10 * 1024 * 1024;
    static constexpr int MaxImages = 8;
    static constexpr int MaxSide = 10000;
};

//! Reads the `image_url` and `document_url` chunks of a request the way the service does:
//! data URLs are decoded, URLs of the emulator's own files are served from the store (signed
//! URLs only: the service fetches without the key), other URLs are noted but not fetched.
class AttachmentReader {
public:
    using FileLookup = std::function<const StoredFile *(const QString &id)>;

    AttachmentReader(QString baseUrl, FileLookup files);

    //! Every attachment of every message, checked against ImageLimits. Returns the first
    //! problem as the sentence of a 400 answer.
    std::optional<QString> read(const QJsonArray &messages, QList<Attachment> *out) const;

    //! One chunk (`image_url`, `document_url` or `file`), for OCR. \a problem is set when it
    //! cannot be read.
    std::optional<Attachment> readChunk(const QJsonObject &chunk, QString *problem) const;

    //! Reads stored or uploaded bytes: format, size, colour, pages, text.
    static void inspect(Attachment &a);

private:
    std::optional<Attachment> fromUrl(const QString &url, Attachment::Kind kind,
                                      QString *problem) const;

    QString m_baseUrl;
    FileLookup m_files;
};

//! A short markdown list describing the attachments, for the scripted assistant.
QString describeAttachments(const QList<Attachment> &attachments);

} // namespace Tramontane::Emulator
