// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace Tramontane {

//! One typed piece of message content (the `ContentChunk` unions of the API, discriminated by
//! `type`). Only the fields of the chunk's own type are meaningful. A chunk of a type this
//! client does not know keeps its JSON object in `raw` and is written back unchanged.
//!
//! The chat-completions union of the SDK (2.7.0) has text, image_url, document_url, reference,
//! file, thinking and input_audio; tool_file and tool_reference come from the conversation and
//! agent output unions but are accepted everywhere, since hosted tools may return them.
struct ContentChunk {
    enum class Type {
        Text,
        ImageUrl,
        ToolFile,
        Thinking,
        Reference,
        ToolReference,
        DocumentUrl,
        File,
        InputAudio,
        Unknown,
    };

    Type type = Type::Text;

    //! Text: the text.
    QString text;

    //! ImageUrl: a URL or `data:` URL. `imageUrlIsObject` remembers whether it came (and is
    //! written) as `{"url": …, "detail": …}` rather than as a plain string.
    QString imageUrl;
    std::optional<QString> imageDetail; //!< "low", "auto" or "high" (object form only)
    bool imageUrlIsObject = false;
    //! ImageUrl: the name of the file a person attached (client-side: kept by toStoredJson(),
    //! never written by toJson(), since the API refuses unknown fields).
    std::optional<QString> imageName;

    //! ToolFile and ToolReference: the producing tool (a built-in name or any string).
    QString tool;
    //! ToolFile and File: the uploaded or generated file's id.
    QString fileId;
    std::optional<QString> fileName; //!< ToolFile
    std::optional<QString>
        fileType; //!< ToolFile: an extension such as "png" (sometimes a MIME type)

    //! Thinking: the nested text / reference / tool_reference chunks.
    QList<ContentChunk> thinking;
    std::optional<QString> signature; //!< Thinking
    std::optional<bool> closed;       //!< Thinking (server default: true)

    //! Reference: the ids, each a number or a string.
    QJsonArray referenceIds;

    //! ToolReference: `title` (required), `url`, `favicon`, `description`.
    QString title;
    std::optional<QString> url;
    std::optional<QString> favicon;
    std::optional<QString> description;

    //! DocumentUrl: the document's URL and optional display name.
    QString documentUrl;
    //! DocumentUrl: the document's display name. Text: when set, the text was read from this
    //! document (OCR) and stands for it: it is sent, but shown as the document, never as the
    //! person's words (client-side on a text chunk: kept by toStoredJson() only).
    std::optional<QString> documentName;
    //! DocumentUrl, and Text read from a document: the uploaded file's id and size in bytes
    //! (client-side: kept by toStoredJson(), never written by toJson()).
    std::optional<QString> documentFileId;
    std::optional<qint64> documentBytes;

    //! InputAudio: base64 audio.
    QString inputAudio;

    //! Unknown: the chunk exactly as received.
    QJsonObject raw;

    static ContentChunk makeText(const QString &text);
    //! An image chunk; with a \a detail the object form is used.
    static ContentChunk makeImageUrl(const QString &url, const std::optional<QString> &detail = {});
    static ContentChunk makeToolFile(const QString &tool, const QString &fileId,
                                     const std::optional<QString> &fileName = {},
                                     const std::optional<QString> &fileType = {});
    static ContentChunk makeDocumentUrl(const QString &url,
                                        const std::optional<QString> &name = {});
    static ContentChunk makeFile(const QString &fileId);
    //! A text chunk holding the text read from the document \a name (see documentName).
    static ContentChunk makeDocumentText(const QString &text, const QString &name);

    //! Parses any chunk; an unrecognised or malformed `type` gives an Unknown chunk holding the
    //! object, so nothing is lost.
    static ContentChunk fromJson(const QJsonObject &json);
    //! Writes the chunk in the API's shape (Unknown chunks: `raw` unchanged).
    QJsonObject toJson() const;
    //! toJson() plus what only this client keeps (an attached image's `name`), for storage.
    QJsonObject toStoredJson() const;

    //! The wire name of a type ("text", "image_url", …; empty for Unknown).
    static QString typeName(Type type);
    //! The type for a wire name (Unknown for anything else).
    static Type typeFromName(const QString &name);

    //! True for chunks a UI shows as an image: image_url, and tool_file chunks.
    bool isImage() const { return type == Type::ImageUrl || type == Type::ToolFile; }
    //! True for a document a person attached: a document_url chunk, or the text read from one.
    bool isDocument() const {
        return type == Type::DocumentUrl || (type == Type::Text && documentName.has_value());
    }
    //! For Thinking chunks: the concatenated text of the nested text chunks.
    QString thinkingText() const;

    friend bool operator==(const ContentChunk &a, const ContentChunk &b) {
        return a.toJson() == b.toJson();
    }
};

//! The `content` of a message: null, a string, or a list of chunks. The form it came in is
//! kept, so it is written back the same way.
class MessageContent {
public:
    enum class Kind { Null, Text, Chunks };

    MessageContent() = default;
    //! Implicit on purpose: plain text is the common content.
    MessageContent(const QString &text);
    explicit MessageContent(const QList<ContentChunk> &chunks);

    //! Accepts null, a string or an array of chunk objects (non-object items are skipped).
    //! Anything else reads as null.
    static MessageContent fromJson(const QJsonValue &json);
    //! null, a string or an array of chunks.
    QJsonValue toJson() const;
    //! toJson() with each chunk's toStoredJson(), for storage.
    QJsonValue toStoredJson() const;

    Kind kind() const { return m_kind; }
    bool isNull() const { return m_kind == Kind::Null; }
    bool isText() const { return m_kind == Kind::Text; }
    bool hasChunks() const { return m_kind == Kind::Chunks; }

    //! The string form's text (empty for the other forms; see plainText()).
    QString text() const { return m_text; }
    //! The chunk form's chunks (empty for the other forms).
    const QList<ContentChunk> &chunks() const { return m_chunks; }

    //! The readable text: the string, or the concatenated text chunks (thinking and the text
    //! read from attached documents excluded).
    QString plainText() const;
    //! The concatenated text of all thinking chunks.
    QString thinkingText() const;
    //! True for null, an empty string, or chunks that carry no text and nothing else.
    bool isEmpty() const;
    //! The image-like chunks (image_url and tool_file), in order.
    QList<ContentChunk> images() const;
    //! The attached documents (see ContentChunk::isDocument()), in order.
    QList<ContentChunk> documents() const;

    //! Appends text: null becomes a string, a string grows, and in the chunk form the last
    //! text chunk grows (or a text chunk is added).
    void appendText(const QString &text);
    //! Appends a chunk, switching to the chunk form (an existing non-empty string becomes a
    //! leading text chunk). Consecutive text chunks merge, and so do consecutive thinking
    //! chunks, which is how streamed fragments come together (the text of a document stays
    //! apart).
    void appendChunk(const ContentChunk &chunk);

    friend bool operator==(const MessageContent &a, const MessageContent &b) {
        return a.m_kind == b.m_kind && a.toJson() == b.toJson();
    }

private:
    Kind m_kind = Kind::Null;
    QString m_text;
    QList<ContentChunk> m_chunks;
};

} // namespace Tramontane
