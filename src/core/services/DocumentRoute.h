// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace Tramontane {

struct ChatMessage;
struct ModelCapabilities;

//! The one place that decides how an attached document reaches a model.
//!
//! - Text files (plain text, Markdown, CSV, JSON, source code…) are already text: they are read
//!   here and sent as a text chunk, to every model, without an upload.
//! - Other documents (PDF, DOCX, PPTX, images of text) are uploaded to `/v1/files` (purpose
//!   `ocr`). A model that reads documents gets a `document_url` chunk with the file's signed
//!   URL; any other model gets the text `/v1/ocr` reads from the file.
//!
//! A model reads documents when its card says `vision`: the API has no capability of its own
//! for documents, its document understanding runs on the vision models (the service refuses
//! `document_url` for the others, as the emulator does). When the model is not known (an
//! agent's), the OCR text is sent, which every model reads.
namespace DocumentRoute {

enum class Path {
    Text,        //!< read locally, sent as text
    DocumentUrl, //!< uploaded, sent as a signed document URL
    Ocr,         //!< uploaded, read by OCR, sent as text
};

//! The largest document attached, in bytes: the OCR service's documented limit (50 MB).
inline constexpr qint64 kMaxBytes = 50LL * 1024 * 1024;
//! Hours a signed document URL stays valid (the API's maximum: 168, a week).
inline constexpr int kSignedUrlHours = 168;

enum class Kind { Text, Document, Unsupported };

//! What the file \a fileName is, by its suffix: a text file, a document to upload (PDF,
//! DOCX, PPTX, and images), or something that cannot be attached.
Kind kindOf(const QString &fileName);
//! The MIME type to upload \a fileName with.
QString mimeTypeOf(const QString &fileName);
//! The suffixes kindOf() accepts (no dot), for a file dialog's filter.
QStringList suffixes();

//! The path a document of \a kind takes to a model with \a capabilities (nullptr: not known).
Path choose(Kind kind, const ModelCapabilities *capabilities);

//! The text chunk's text for the text of the document \a name: the text between lines that
//! name the file, so the model tells it apart from the message.
QString wrapText(const QString &name, const QString &text);

//! \a messages for a model that reads no documents: each `document_url` chunk (attached
//! while a model that reads them was chosen) becomes a text chunk naming the document and
//! saying its content is not available, so the chat can go on (the service refuses the
//! whole request otherwise). The text read from documents stays.
QList<ChatMessage> withoutDocumentUrls(const QList<ChatMessage> &messages);

} // namespace DocumentRoute

} // namespace Tramontane
