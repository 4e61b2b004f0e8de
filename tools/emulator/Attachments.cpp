// SPDX-License-Identifier: GPL-3.0-or-later
#include "Attachments.h"

#include "Store.h"

#include <QBuffer>
#include <QColor>
#include <QImage>
#include <QImageReader>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Tramontane::Emulator {

namespace {

QString colourName(const QColor &c) {
    if (c.hslSaturationF() < 0.2 || c.valueF() < 0.15) {
        if (c.valueF() < 0.2)
            return u"black"_s;
        return c.lightnessF() > 0.85 ? u"white"_s : u"grey"_s;
    }
    const int h = c.hslHue();
    if (h < 15 || h >= 345)
        return u"red"_s;
    if (h < 45)
        return u"orange"_s;
    if (h < 70)
        return u"yellow"_s;
    if (h < 170)
        return u"green"_s;
    if (h < 200)
        return u"cyan"_s;
    if (h < 260)
        return u"blue"_s;
    return u"purple"_s;
}

QColor averageColour(const QImage &image) {
    const QImage small = image.convertToFormat(QImage::Format_ARGB32)
                             .scaled(16, 16, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    double r = 0, g = 0, b = 0, n = 0;
    for (int y = 0; y < small.height(); ++y) {
        for (int x = 0; x < small.width(); ++x) {
            const QColor p = small.pixelColor(x, y);
            r += p.redF();
            g += p.greenF();
            b += p.blueF();
            ++n;
        }
    }
    return n > 0 ? QColor::fromRgbF(float(r / n), float(g / n), float(b / n)) : QColor();
}

bool isTextName(const QString &name) {
    static const QStringList suffixes = {u".txt"_s,  u".md"_s,  u".markdown"_s, u".csv"_s,
                                         u".json"_s, u".xml"_s, u".log"_s,      u".html"_s};
    for (const QString &s : suffixes) {
        if (name.endsWith(s, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

// Text strings shown with Tj / TJ in a PDF's uncompressed content streams.
QString pdfText(const QByteArray &bytes) {
    static const QRegularExpression shown(uR"(\(((?:\\.|[^\\)])*)\)\s*Tj)"_s);
    const QString latin = QString::fromLatin1(bytes);
    QStringList lines;
    for (auto it = shown.globalMatch(latin); it.hasNext();) {
        QString s = it.next().captured(1);
        s.replace(u"\\("_s, u"("_s).replace(u"\\)"_s, u")"_s).replace(u"\\\\"_s, u"\\"_s);
        lines.append(s);
    }
    return lines.join(u'\n');
}

int pdfPages(const QByteArray &bytes) {
    static const QRegularExpression page(uR"(/Type\s*/Page(?![a-zA-Z]))"_s);
    int n = 0;
    for (auto it = page.globalMatch(QString::fromLatin1(bytes)); it.hasNext(); it.next())
        ++n;
    return std::max(1, n);
}

QString lastPathPart(const QUrl &url) {
    const QString name = url.fileName();
    return name.isEmpty() ? url.host() : name;
}

QString ordinalName(Attachment::Kind kind, int n) {
    return kind == Attachment::Kind::Image ? u"Image %1"_s.arg(n) : u"Document %1"_s.arg(n);
}

QString sizeText(qsizetype bytes) {
    if (bytes >= 1024 * 1024)
        return u"%1 MB"_s.arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1);
    if (bytes >= 1024)
        return u"%1 KB"_s.arg(double(bytes) / 1024.0, 0, 'f', 1);
    return u"%1 bytes"_s.arg(bytes);
}

} // namespace

AttachmentReader::AttachmentReader(QString baseUrl, FileLookup files)
    : m_baseUrl(std::move(baseUrl))
    , m_files(std::move(files)) {}

void AttachmentReader::inspect(Attachment &a) {
    if (!a.fetched)
        return;
    const QByteArray &bytes = a.bytes;
    QBuffer buffer;
    buffer.setData(bytes);
    QImageReader reader(&buffer);
    if (reader.canRead()) {
        a.format = reader.format();
        a.size = reader.size();
        for (const QString &key : {u"Description"_s, u"Comment"_s, u"Text"_s}) {
            if (!reader.text(key).isEmpty()) {
                a.text = reader.text(key);
                break;
            }
        }
        if (a.size.isValid() && a.size.width() <= ImageLimits::MaxSide
            && a.size.height() <= ImageLimits::MaxSide) {
            const QImage image = reader.read();
            if (!image.isNull()) {
                a.size = image.size();
                a.colour = colourName(averageColour(image));
            }
        }
        a.pages = 1;
        return;
    }
    if (a.kind == Attachment::Kind::Image)
        return; // not an image: no format
    if (bytes.startsWith("%PDF-")) {
        a.format = "pdf";
        a.pages = pdfPages(bytes);
        a.text = pdfText(bytes);
        return;
    }
    if (bytes.startsWith("PK\x03\x04")) {
        const QString suffix = a.name.section(u'.', -1).toLower();
        a.format = (suffix == "docx"_L1 || suffix == "pptx"_L1 || suffix == "xlsx"_L1)
                       ? suffix.toLatin1()
                       : QByteArray("zip");
        a.pages = 1;
        return;
    }
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString text = utf8(bytes);
    if (isTextName(a.name) || (!utf8.hasError() && !bytes.contains('\0'))) {
        a.format = "text";
        a.text = text;
        a.pages = std::max<int>(1, int(text.count(u'\f')) + 1);
        return;
    }
    a.format = "binary";
}

std::optional<Attachment> AttachmentReader::fromUrl(const QString &url, Attachment::Kind kind,
                                                    QString *problem) const {
    Attachment a;
    a.kind = kind;
    if (url.startsWith("data:"_L1)) {
        const qsizetype comma = url.indexOf(u',');
        const QString header = url.mid(5, comma - 5);
        if (comma < 0 || !header.endsWith(";base64"_L1)) {
            *problem = u"is not a base64 data URL"_s;
            return std::nullopt;
        }
        const QString mime = header.left(header.size() - 7);
        if (kind == Attachment::Kind::Image && !mime.startsWith("image/"_L1)) {
            *problem = u"has the type %1, which is not an image"_s.arg(mime);
            return std::nullopt;
        }
        const auto decoded = QByteArray::fromBase64Encoding(
            url.mid(comma + 1).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) {
            *problem = u"is not valid base64"_s;
            return std::nullopt;
        }
        a.bytes = *decoded;
        a.origin = u"data URL"_s;
        a.fetched = true;
        return a;
    }
    const QUrl parsed(url);
    if (!parsed.isValid() || (parsed.scheme() != "https"_L1 && parsed.scheme() != "http"_L1)) {
        *problem = u"is neither an http(s) URL nor a data URL"_s;
        return std::nullopt;
    }
    a.name = lastPathPart(parsed);
    const QString filesPrefix = m_baseUrl + u"/v1/files/"_s;
    if (url.startsWith(filesPrefix)) {
        const QStringList parts = parsed.path().split(u'/', Qt::SkipEmptyParts);
        const StoredFile *file = parts.size() == 4 ? m_files(parts.at(2)) : nullptr;
        if (!file || parts.at(3) != "content"_L1) {
            *problem = u"could not be downloaded (the server answered 404)"_s;
            return std::nullopt;
        }
        // The service downloads without the caller's key: only a signed URL works.
        if (QUrlQuery(parsed).queryItemValue(u"signature"_s) != file->signature) {
            *problem = u"could not be downloaded (the server answered 401)"_s;
            return std::nullopt;
        }
        a.bytes = file->bytes;
        a.name = file->filename;
        a.origin = u"uploaded file"_s;
        a.fetched = true;
        return a;
    }
    a.origin = parsed.host();
    return a;
}

std::optional<Attachment> AttachmentReader::readChunk(const QJsonObject &chunk,
                                                      QString *problem) const {
    const QString type = chunk.value("type"_L1).toString();
    std::optional<Attachment> a;
    if (type == "image_url"_L1) {
        const QJsonValue v = chunk.value("image_url"_L1);
        a = fromUrl(v.isObject() ? v.toObject().value("url"_L1).toString() : v.toString(),
                    Attachment::Kind::Image, problem);
    } else if (type == "document_url"_L1) {
        a = fromUrl(chunk.value("document_url"_L1).toString(), Attachment::Kind::Document, problem);
        if (a && chunk.value("document_name"_L1).isString())
            a->name = chunk.value("document_name"_L1).toString();
    } else if (type == "file"_L1) {
        const StoredFile *file = m_files(chunk.value("file_id"_L1).toString());
        if (!file) {
            *problem = u"names no uploaded file"_s;
            return std::nullopt;
        }
        a = Attachment{};
        a->kind = Attachment::Kind::Document;
        a->bytes = file->bytes;
        a->name = file->filename;
        a->origin = u"uploaded file"_s;
        a->fetched = true;
    } else {
        return std::nullopt;
    }
    if (a)
        inspect(*a);
    return a;
}

std::optional<QString> AttachmentReader::read(const QJsonArray &messages,
                                              QList<Attachment> *out) const {
    int images = 0;
    int documents = 0;
    for (qsizetype m = 0; m < messages.size(); ++m) {
        const QJsonArray chunks = messages.at(m).toObject().value("content"_L1).toArray();
        for (const QJsonValue &c : chunks) {
            const QJsonObject chunk = c.toObject();
            const QString type = chunk.value("type"_L1).toString();
            if (type != "image_url"_L1 && type != "document_url"_L1 && type != "file"_L1)
                continue;
            const bool image = type == "image_url"_L1;
            const QString label = image ? ordinalName(Attachment::Kind::Image, images + 1)
                                        : ordinalName(Attachment::Kind::Document, documents + 1);
            image ? ++images : ++documents;
            if (images > ImageLimits::MaxImages)
                return u"Too many images in one request: at most %1 are allowed."_s.arg(
                    ImageLimits::MaxImages);
            QString problem;
            auto a = readChunk(chunk, &problem);
            if (!a)
                return u"%1 %2."_s.arg(label, problem);
            a->message = int(m);
            if (image && a->fetched) {
                if (a->bytes.size() > ImageLimits::MaxBytes)
                    return u"%1 is %2; images may be at most 10 MB."_s.arg(
                        label, sizeText(a->bytes.size()));
                if (a->format.isEmpty())
                    return u"%1 could not be decoded as an image."_s.arg(label);
                if (a->size.width() > ImageLimits::MaxSide
                    || a->size.height() > ImageLimits::MaxSide)
                    return u"%1 is %2×%3 pixels; images may be at most %4×%4."_s.arg(label)
                        .arg(a->size.width())
                        .arg(a->size.height())
                        .arg(ImageLimits::MaxSide);
            }
            out->append(*a);
        }
    }
    return std::nullopt;
}

QString describeAttachments(const QList<Attachment> &attachments) {
    QStringList lines;
    int images = 0;
    int documents = 0;
    for (const Attachment &a : attachments) {
        const bool image = a.kind == Attachment::Kind::Image;
        const QString label = ordinalName(a.kind, image ? ++images : ++documents);
        if (!a.fetched) {
            lines.append(u"- %1: %2 at %3 (not downloaded offline)"_s.arg(
                label, image ? u"an image"_s : u"a document"_s, a.origin));
            continue;
        }
        QString line = u"- %1"_s.arg(label);
        if (!a.name.isEmpty())
            line += u" (%1)"_s.arg(a.name);
        line += u": "_s + QString::fromLatin1(a.format).toUpper();
        if (a.size.isValid())
            line += u", %1×%2 pixels"_s.arg(a.size.width()).arg(a.size.height());
        if (!image || a.format == "pdf")
            line += u", %1 page%2"_s.arg(a.pages).arg(a.pages == 1 ? QString() : u"s"_s);
        line += u", "_s + sizeText(a.bytes.size());
        if (!a.colour.isEmpty())
            line += u", mostly "_s + a.colour;
        const QString first = a.text.section(u'\n', 0, 0).trimmed().left(120);
        if (!first.isEmpty())
            line += u"; it begins: “%1”"_s.arg(first);
        lines.append(line + u'.');
    }
    return lines.join(u'\n');
}

} // namespace Tramontane::Emulator
