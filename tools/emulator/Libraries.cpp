// SPDX-License-Identifier: GPL-3.0-or-later
#include "Libraries.h"

#include "Attachments.h"
#include "Store.h"

#include <QCryptographicHash>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Tramontane::Emulator {

namespace {

QJsonValue nullable(const QString &value) {
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

} // namespace

qint64 LibraryRecord::totalSize() const {
    qint64 total = 0;
    for (const LibraryDocument &d : documents)
        total += d.bytes.size();
    return total;
}

LibraryRecord &Libraries::create(const QString &name, const std::optional<QString> &description) {
    LibraryRecord library;
    library.id = newUuid();
    library.name = name;
    library.description = description;
    library.createdAt = isoNow();
    library.updatedAt = library.createdAt;
    m_libraries.append(std::move(library));
    return m_libraries.last();
}

LibraryRecord *Libraries::find(const QString &id) {
    for (LibraryRecord &library : m_libraries) {
        if (library.id == id)
            return &library;
    }
    return nullptr;
}

bool Libraries::remove(QString id) {
    return m_libraries.removeIf([&id](const LibraryRecord &l) { return l.id == id; }) > 0;
}

LibraryDocument &Libraries::addDocument(LibraryRecord &library, const QString &name,
                                        const QByteArray &mimeType, const QByteArray &bytes) {
    Attachment read;
    read.kind = Attachment::Kind::Document;
    read.fetched = true;
    read.name = name;
    read.bytes = bytes;
    AttachmentReader::inspect(read);

    LibraryDocument document;
    document.id = newUuid();
    document.libraryId = library.id;
    document.name = name;
    document.mimeType = QString::fromLatin1(mimeType);
    document.extension = name.contains(u'.') ? name.section(u'.', -1).toLower() : QString();
    document.bytes = bytes;
    document.pages = bytes.isEmpty() ? 0 : std::max(1, read.pages);
    document.hash =
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    document.createdAt = isoNow();
    if (read.format == "text" || read.format == "pdf")
        document.text = read.text;
    else if (!bytes.isEmpty() && read.format != "binary")
        document.text = read.text.isEmpty()
                            ? u"%1 document %2, %3 bytes"_s
                                  .arg(QString::fromLatin1(read.format).toUpper(), name)
                                  .arg(bytes.size())
                            : read.text;
    library.documents.append(std::move(document));
    library.updatedAt = isoNow();
    return library.documents.last();
}

LibraryDocument *Libraries::findDocument(const QString &libraryId, const QString &documentId) {
    LibraryRecord *library = find(libraryId);
    if (!library)
        return nullptr;
    for (LibraryDocument &d : library->documents) {
        if (d.id == documentId)
            return &d;
    }
    return nullptr;
}

bool Libraries::removeDocument(const QString &libraryId, QString documentId) {
    LibraryRecord *library = find(libraryId);
    if (!library || library->documents.removeIf([&documentId](const LibraryDocument &d) {
            return d.id == documentId;
        }) == 0)
        return false;
    library->updatedAt = isoNow();
    return true;
}

bool Libraries::finish(const QString &libraryId, const QString &documentId) {
    LibraryDocument *document = findDocument(libraryId, documentId);
    if (!document)
        return false;
    document->state = document->text.trimmed().isEmpty() ? LibraryDocument::State::Error
                                                         : LibraryDocument::State::Done;
    document->lastProcessedAt = isoNow();
    return true;
}

QList<const LibraryDocument *> Libraries::readyDocuments(const QStringList &libraryIds) const {
    QList<const LibraryDocument *> out;
    for (const LibraryRecord &library : m_libraries) {
        if (!libraryIds.isEmpty() && !libraryIds.contains(library.id))
            continue;
        for (const LibraryDocument &d : library.documents) {
            if (d.state == LibraryDocument::State::Done)
                out.append(&d);
        }
    }
    return out;
}

QJsonObject Libraries::libraryJson(const LibraryRecord &library) {
    return QJsonObject{
        {u"id"_s, library.id},
        {u"name"_s, library.name},
        {u"created_at"_s, library.createdAt},
        {u"updated_at"_s, library.updatedAt},
        {u"owner_id"_s, QJsonValue::Null},
        {u"owner_type"_s, u"Workspace"_s},
        {u"total_size"_s, double(library.totalSize())},
        {u"nb_documents"_s, double(library.documents.size())},
        {u"chunk_size"_s, QJsonValue::Null},
        {u"emoji"_s, QJsonValue::Null},
        {u"description"_s,
         library.description ? QJsonValue(*library.description) : QJsonValue(QJsonValue::Null)},
        {u"generated_description"_s, QJsonValue::Null},
        {u"explicit_user_members_count"_s, QJsonValue::Null},
        {u"explicit_workspace_members_count"_s, QJsonValue::Null},
        {u"org_sharing_role"_s, QJsonValue::Null},
        {u"generated_name"_s, QJsonValue::Null},
    };
}

QJsonObject Libraries::documentJson(const LibraryDocument &document) {
    const bool done = document.state == LibraryDocument::State::Done;
    return QJsonObject{
        {u"id"_s, document.id},
        {u"library_id"_s, document.libraryId},
        {u"hash"_s, document.hash},
        {u"mime_type"_s, nullable(document.mimeType)},
        {u"extension"_s, nullable(document.extension)},
        {u"size"_s, double(document.bytes.size())},
        {u"name"_s, document.name},
        {u"summary"_s, QJsonValue::Null},
        {u"created_at"_s, document.createdAt},
        {u"last_processed_at"_s, nullable(document.lastProcessedAt)},
        {u"number_of_pages"_s, done ? QJsonValue(document.pages) : QJsonValue(QJsonValue::Null)},
        {u"process_status"_s, processStatus(document.state)},
        {u"uploaded_by_id"_s, QJsonValue::Null},
        {u"uploaded_by_type"_s, u"Workspace"_s},
        {u"tokens_processing_main_content"_s, QJsonValue::Null},
        {u"tokens_processing_summary"_s, QJsonValue::Null},
        {u"url"_s, QJsonValue::Null},
        {u"attributes"_s, QJsonValue::Null},
        {u"expires_at"_s, QJsonValue::Null},
        {u"processing_status"_s, processingStatus(document.state)},
        // Roughly four characters a token, once the text was read.
        {u"tokens_processing_total"_s, done ? int(document.text.size() / 4) : 0},
    };
}

QJsonObject Libraries::statusJson(const LibraryDocument &document) {
    return QJsonObject{{u"document_id"_s, document.id},
                       {u"process_status"_s, processStatus(document.state)},
                       {u"processing_status"_s, processingStatus(document.state)}};
}

QString Libraries::processStatus(LibraryDocument::State state) {
    switch (state) {
    case LibraryDocument::State::InProgress:
        return u"in_progress"_s;
    case LibraryDocument::State::Done:
        return u"done"_s;
    case LibraryDocument::State::Error:
        return u"error"_s;
    }
    return u"in_progress"_s;
}

QString Libraries::processingStatus(LibraryDocument::State state) {
    switch (state) {
    case LibraryDocument::State::InProgress:
        return u"Running"_s;
    case LibraryDocument::State::Done:
        return u"Completed"_s;
    case LibraryDocument::State::Error:
        return u"Failed"_s;
    }
    return u"Running"_s;
}

} // namespace Tramontane::Emulator
