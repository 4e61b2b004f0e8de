// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/Content.h"

#include "core/protocol/JsonUtil.h"

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

struct TypeName {
    ContentChunk::Type type;
    QLatin1StringView name;
};

constexpr TypeName typeNames[] = {
    {ContentChunk::Type::Text, "text"_L1},
    {ContentChunk::Type::ImageUrl, "image_url"_L1},
    {ContentChunk::Type::ToolFile, "tool_file"_L1},
    {ContentChunk::Type::Thinking, "thinking"_L1},
    {ContentChunk::Type::Reference, "reference"_L1},
    {ContentChunk::Type::ToolReference, "tool_reference"_L1},
    {ContentChunk::Type::DocumentUrl, "document_url"_L1},
    {ContentChunk::Type::File, "file"_L1},
    {ContentChunk::Type::InputAudio, "input_audio"_L1},
};

ContentChunk unknownChunk(const QJsonObject &json) {
    ContentChunk chunk;
    chunk.type = ContentChunk::Type::Unknown;
    chunk.raw = json;
    return chunk;
}

// Merges the nested chunks of a streamed thinking fragment into an existing thinking list.
void appendThinking(QList<ContentChunk> &target, const QList<ContentChunk> &fragment) {
    for (const ContentChunk &piece : fragment) {
        if (piece.type == ContentChunk::Type::Text && !target.isEmpty()
            && target.last().type == ContentChunk::Type::Text) {
            target.last().text += piece.text;
        } else {
            target.append(piece);
        }
    }
}

} // namespace

QString ContentChunk::typeName(Type type) {
    for (const TypeName &entry : typeNames) {
        if (entry.type == type)
            return entry.name;
    }
    return {};
}

ContentChunk::Type ContentChunk::typeFromName(const QString &name) {
    for (const TypeName &entry : typeNames) {
        if (entry.name == name)
            return entry.type;
    }
    return Type::Unknown;
}

ContentChunk ContentChunk::makeText(const QString &text) {
    ContentChunk chunk;
    chunk.type = Type::Text;
    chunk.text = text;
    return chunk;
}

ContentChunk ContentChunk::makeImageUrl(const QString &url, const std::optional<QString> &detail) {
    ContentChunk chunk;
    chunk.type = Type::ImageUrl;
    chunk.imageUrl = url;
    chunk.imageDetail = detail;
    chunk.imageUrlIsObject = detail.has_value();
    return chunk;
}

ContentChunk ContentChunk::makeToolFile(const QString &tool, const QString &fileId,
                                        const std::optional<QString> &fileName,
                                        const std::optional<QString> &fileType) {
    ContentChunk chunk;
    chunk.type = Type::ToolFile;
    chunk.tool = tool;
    chunk.fileId = fileId;
    chunk.fileName = fileName;
    chunk.fileType = fileType;
    return chunk;
}

ContentChunk ContentChunk::makeDocumentUrl(const QString &url, const std::optional<QString> &name) {
    ContentChunk chunk;
    chunk.type = Type::DocumentUrl;
    chunk.documentUrl = url;
    chunk.documentName = name;
    return chunk;
}

ContentChunk ContentChunk::makeFile(const QString &fileId) {
    ContentChunk chunk;
    chunk.type = Type::File;
    chunk.fileId = fileId;
    return chunk;
}

ContentChunk ContentChunk::makeDocumentText(const QString &text, const QString &name) {
    ContentChunk chunk = makeText(text);
    chunk.documentName = name;
    return chunk;
}

ContentChunk ContentChunk::fromJson(const QJsonObject &json) {
    ContentChunk chunk;
    chunk.type = typeFromName(json.value("type"_L1).toString());
    // A known type whose required field is missing or mistyped is kept as Unknown, so that
    // writing it back never invents or mangles data.
    switch (chunk.type) {
    case Type::Text: {
        const auto text = Json::optString(json, "text"_L1);
        if (!text)
            return unknownChunk(json);
        chunk.text = *text;
        chunk.documentName = Json::optString(json, "document_name"_L1);
        break;
    }
    case Type::ImageUrl: {
        const QJsonValue image = json.value("image_url"_L1);
        if (image.isString()) {
            chunk.imageUrl = image.toString();
        } else if (image.isObject() && image.toObject().value("url"_L1).isString()) {
            const QJsonObject object = image.toObject();
            chunk.imageUrlIsObject = true;
            chunk.imageUrl = object.value("url"_L1).toString();
            chunk.imageDetail = Json::optString(object, "detail"_L1);
        } else {
            return unknownChunk(json);
        }
        chunk.imageName = Json::optString(json, "name"_L1);
        break;
    }
    case Type::ToolFile: {
        const auto fileId = Json::optString(json, "file_id"_L1);
        if (!fileId)
            return unknownChunk(json);
        chunk.fileId = *fileId;
        chunk.tool = Json::string(json, "tool"_L1);
        chunk.fileName = Json::optString(json, "file_name"_L1);
        chunk.fileType = Json::optString(json, "file_type"_L1);
        break;
    }
    case Type::Thinking: {
        const QJsonValue thinking = json.value("thinking"_L1);
        if (!thinking.isArray())
            return unknownChunk(json);
        const QJsonArray items = thinking.toArray();
        for (const QJsonValue &item : items) {
            if (item.isObject())
                chunk.thinking.append(fromJson(item.toObject()));
        }
        chunk.signature = Json::optString(json, "signature"_L1);
        chunk.closed = Json::optBool(json, "closed"_L1);
        break;
    }
    case Type::Reference: {
        const QJsonValue ids = json.value("reference_ids"_L1);
        if (!ids.isArray())
            return unknownChunk(json);
        chunk.referenceIds = ids.toArray();
        break;
    }
    case Type::ToolReference:
        chunk.tool = Json::string(json, "tool"_L1);
        chunk.title = Json::string(json, "title"_L1);
        chunk.url = Json::optString(json, "url"_L1);
        chunk.favicon = Json::optString(json, "favicon"_L1);
        chunk.description = Json::optString(json, "description"_L1);
        break;
    case Type::DocumentUrl: {
        const auto url = Json::optString(json, "document_url"_L1);
        if (!url)
            return unknownChunk(json);
        chunk.documentUrl = *url;
        chunk.documentName = Json::optString(json, "document_name"_L1);
        break;
    }
    case Type::File: {
        const auto fileId = Json::optString(json, "file_id"_L1);
        if (!fileId)
            return unknownChunk(json);
        chunk.fileId = *fileId;
        break;
    }
    case Type::InputAudio: {
        const auto audio = Json::optString(json, "input_audio"_L1);
        if (!audio)
            return unknownChunk(json);
        chunk.inputAudio = *audio;
        break;
    }
    case Type::Unknown:
        return unknownChunk(json);
    }
    if (chunk.type == Type::DocumentUrl || chunk.documentName) {
        chunk.documentFileId = Json::optString(json, "attached_file_id"_L1);
        if (json.value("attached_bytes"_L1).isDouble())
            chunk.documentBytes = qint64(json.value("attached_bytes"_L1).toDouble());
    }
    return chunk;
}

QJsonObject ContentChunk::toStoredJson() const {
    QJsonObject json = toJson();
    if (type == Type::ImageUrl)
        Json::insertIfSet(json, "name"_L1, imageName);
    if (isDocument()) {
        if (type == Type::Text)
            Json::insertIfSet(json, "document_name"_L1, documentName);
        Json::insertIfSet(json, "attached_file_id"_L1, documentFileId);
        if (documentBytes)
            json.insert("attached_bytes"_L1, double(*documentBytes));
    }
    return json;
}

QJsonObject ContentChunk::toJson() const {
    if (type == Type::Unknown)
        return raw;

    QJsonObject json{{"type"_L1, typeName(type)}};
    switch (type) {
    case Type::Text:
        json.insert("text"_L1, text);
        break;
    case Type::ImageUrl:
        if (imageUrlIsObject) {
            QJsonObject image{{"url"_L1, imageUrl}};
            Json::insertIfSet(image, "detail"_L1, imageDetail);
            json.insert("image_url"_L1, image);
        } else {
            json.insert("image_url"_L1, imageUrl);
        }
        break;
    case Type::ToolFile:
        json.insert("tool"_L1, tool);
        json.insert("file_id"_L1, fileId);
        Json::insertIfSet(json, "file_name"_L1, fileName);
        Json::insertIfSet(json, "file_type"_L1, fileType);
        break;
    case Type::Thinking: {
        QJsonArray items;
        for (const ContentChunk &item : thinking)
            items.append(item.toJson());
        json.insert("thinking"_L1, items);
        Json::insertIfSet(json, "signature"_L1, signature);
        Json::insertIfSet(json, "closed"_L1, closed);
        break;
    }
    case Type::Reference:
        json.insert("reference_ids"_L1, referenceIds);
        break;
    case Type::ToolReference:
        json.insert("tool"_L1, tool);
        json.insert("title"_L1, title);
        Json::insertIfSet(json, "url"_L1, url);
        Json::insertIfSet(json, "favicon"_L1, favicon);
        Json::insertIfSet(json, "description"_L1, description);
        break;
    case Type::DocumentUrl:
        json.insert("document_url"_L1, documentUrl);
        Json::insertIfSet(json, "document_name"_L1, documentName);
        break;
    case Type::File:
        json.insert("file_id"_L1, fileId);
        break;
    case Type::InputAudio:
        json.insert("input_audio"_L1, inputAudio);
        break;
    case Type::Unknown:
        break;
    }
    return json;
}

QString ContentChunk::thinkingText() const {
    QString result;
    for (const ContentChunk &item : thinking) {
        if (item.type == Type::Text)
            result += item.text;
    }
    return result;
}

MessageContent::MessageContent(const QString &text)
    : m_kind(Kind::Text)
    , m_text(text) {}

MessageContent::MessageContent(const QList<ContentChunk> &chunks)
    : m_kind(Kind::Chunks)
    , m_chunks(chunks) {}

MessageContent MessageContent::fromJson(const QJsonValue &json) {
    if (json.isString())
        return MessageContent(json.toString());
    if (json.isArray()) {
        QList<ContentChunk> chunks;
        const QJsonArray items = json.toArray();
        chunks.reserve(items.size());
        for (const QJsonValue &item : items) {
            if (item.isObject())
                chunks.append(ContentChunk::fromJson(item.toObject()));
        }
        return MessageContent(chunks);
    }
    return {};
}

QJsonValue MessageContent::toJson() const {
    switch (m_kind) {
    case Kind::Null:
        break;
    case Kind::Text:
        return m_text;
    case Kind::Chunks: {
        QJsonArray items;
        for (const ContentChunk &chunk : m_chunks)
            items.append(chunk.toJson());
        return items;
    }
    }
    return QJsonValue(QJsonValue::Null);
}

QJsonValue MessageContent::toStoredJson() const {
    if (m_kind != Kind::Chunks)
        return toJson();
    QJsonArray items;
    for (const ContentChunk &chunk : m_chunks)
        items.append(chunk.toStoredJson());
    return items;
}

QString MessageContent::plainText() const {
    if (m_kind == Kind::Text)
        return m_text;
    QString result;
    for (const ContentChunk &chunk : m_chunks) {
        if (chunk.type == ContentChunk::Type::Text && !chunk.documentName)
            result += chunk.text;
    }
    return result;
}

QString MessageContent::thinkingText() const {
    QString result;
    for (const ContentChunk &chunk : m_chunks) {
        if (chunk.type == ContentChunk::Type::Thinking)
            result += chunk.thinkingText();
    }
    return result;
}

bool MessageContent::isEmpty() const {
    switch (m_kind) {
    case Kind::Null:
        return true;
    case Kind::Text:
        return m_text.isEmpty();
    case Kind::Chunks:
        for (const ContentChunk &chunk : m_chunks) {
            if (chunk.type != ContentChunk::Type::Text || !chunk.text.isEmpty())
                return false;
        }
        return true;
    }
    return true;
}

QList<ContentChunk> MessageContent::images() const {
    QList<ContentChunk> result;
    for (const ContentChunk &chunk : m_chunks) {
        if (chunk.isImage())
            result.append(chunk);
    }
    return result;
}

QList<ContentChunk> MessageContent::documents() const {
    QList<ContentChunk> result;
    for (const ContentChunk &chunk : m_chunks) {
        if (chunk.isDocument())
            result.append(chunk);
    }
    return result;
}

void MessageContent::appendText(const QString &text) {
    switch (m_kind) {
    case Kind::Null:
        m_kind = Kind::Text;
        m_text = text;
        break;
    case Kind::Text:
        m_text += text;
        break;
    case Kind::Chunks:
        if (text.isEmpty())
            break;
        if (!m_chunks.isEmpty() && m_chunks.last().type == ContentChunk::Type::Text
            && !m_chunks.last().documentName)
            m_chunks.last().text += text;
        else
            m_chunks.append(ContentChunk::makeText(text));
        break;
    }
}

void MessageContent::appendChunk(const ContentChunk &chunk) {
    if (m_kind != Kind::Chunks) {
        // An empty leading string (streams start with content "") carries nothing: drop it.
        if (m_kind == Kind::Text && !m_text.isEmpty())
            m_chunks.append(ContentChunk::makeText(m_text));
        m_text.clear();
        m_kind = Kind::Chunks;
    }
    if (!m_chunks.isEmpty()) {
        ContentChunk &last = m_chunks.last();
        if (chunk.type == ContentChunk::Type::Text && last.type == ContentChunk::Type::Text
            && !chunk.documentName && !last.documentName) {
            last.text += chunk.text;
            return;
        }
        if (chunk.type == ContentChunk::Type::Thinking
            && last.type == ContentChunk::Type::Thinking) {
            appendThinking(last.thinking, chunk.thinking);
            if (chunk.signature)
                last.signature = chunk.signature;
            if (chunk.closed)
                last.closed = chunk.closed;
            return;
        }
    }
    m_chunks.append(chunk);
}

} // namespace Tramontane
