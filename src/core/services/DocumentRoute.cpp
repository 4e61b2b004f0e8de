// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/DocumentRoute.h"

#include "core/protocol/Message.h"
#include "core/protocol/Model.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Tramontane::DocumentRoute {

namespace {

struct Type {
    QLatin1StringView suffix;
    Kind kind;
    QLatin1StringView mime;
};

constexpr Type types[] = {
    {"pdf"_L1, Kind::Document, "application/pdf"_L1},
    {"docx"_L1, Kind::Document,
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document"_L1},
    {"pptx"_L1, Kind::Document,
     "application/vnd.openxmlformats-officedocument.presentationml.presentation"_L1},
    {"png"_L1, Kind::Document, "image/png"_L1},
    {"jpg"_L1, Kind::Document, "image/jpeg"_L1},
    {"jpeg"_L1, Kind::Document, "image/jpeg"_L1},
    {"webp"_L1, Kind::Document, "image/webp"_L1},
    {"avif"_L1, Kind::Document, "image/avif"_L1},
    {"tif"_L1, Kind::Document, "image/tiff"_L1},
    {"tiff"_L1, Kind::Document, "image/tiff"_L1},
    {"txt"_L1, Kind::Text, "text/plain"_L1},
    {"md"_L1, Kind::Text, "text/markdown"_L1},
    {"markdown"_L1, Kind::Text, "text/markdown"_L1},
    {"csv"_L1, Kind::Text, "text/csv"_L1},
    {"tsv"_L1, Kind::Text, "text/tab-separated-values"_L1},
    {"json"_L1, Kind::Text, "application/json"_L1},
    {"xml"_L1, Kind::Text, "application/xml"_L1},
    {"html"_L1, Kind::Text, "text/html"_L1},
    {"log"_L1, Kind::Text, "text/plain"_L1},
    {"yaml"_L1, Kind::Text, "application/yaml"_L1},
    {"yml"_L1, Kind::Text, "application/yaml"_L1},
    {"rst"_L1, Kind::Text, "text/x-rst"_L1},
    {"tex"_L1, Kind::Text, "text/x-tex"_L1},
};

const Type *typeOf(const QString &fileName) {
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    for (const Type &type : types) {
        if (type.suffix == suffix)
            return &type;
    }
    return nullptr;
}

} // namespace

Kind kindOf(const QString &fileName) {
    const Type *type = typeOf(fileName);
    return type ? type->kind : Kind::Unsupported;
}

QString mimeTypeOf(const QString &fileName) {
    const Type *type = typeOf(fileName);
    return type ? QString(type->mime) : u"application/octet-stream"_s;
}

QStringList suffixes() {
    QStringList out;
    for (const Type &type : types)
        out.append(type.suffix);
    return out;
}

Path choose(Kind kind, const ModelCapabilities *capabilities) {
    if (kind == Kind::Text)
        return Path::Text;
    return capabilities && capabilities->vision ? Path::DocumentUrl : Path::Ocr;
}

QString wrapText(const QString &name, const QString &text) {
    QString safeName = name;
    safeName.replace(u'"', u'\'').replace(u'\n', u' ');
    return u"<document name=\"%1\">\n%2\n</document>"_s.arg(safeName, text.trimmed());
}

QList<ChatMessage> withoutDocumentUrls(const QList<ChatMessage> &messages) {
    QList<ChatMessage> out = messages;
    for (ChatMessage &message : out) {
        if (!message.content.hasChunks())
            continue;
        QList<ContentChunk> chunks = message.content.chunks();
        bool changed = false;
        for (ContentChunk &chunk : chunks) {
            if (chunk.type != ContentChunk::Type::DocumentUrl)
                continue;
            const QString name = chunk.documentName.value_or(u"document"_s);
            chunk = ContentChunk::makeDocumentText(
                wrapText(name, u"(Not available: this document was sent as a file to a model "
                               "that reads documents.)"_s),
                name);
            changed = true;
        }
        if (changed)
            message.content = MessageContent(chunks);
    }
    return out;
}

} // namespace Tramontane::DocumentRoute
