// SPDX-License-Identifier: GPL-3.0-or-later
// Document libraries: libraries (list, create, get, update, delete) and their documents
// (list, upload, get, status, text content, delete). An uploaded document is processed a
// moment later, on a timer, so a client polls its status.
#include "Emulator.h"

#include "Multipart.h"
#include "Validation.h"

#include <QMimeDatabase>
#include <QTimer>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Tramontane::Emulator {

namespace {

bool isUuid(const QString &text) {
    // The nil UUID is a valid one that names nothing: its 404 is the library's, not a 422.
    return text.size() == 36
           && (!QUuid::fromString(text).isNull()
               || text == "00000000-0000-0000-0000-000000000000"_L1);
}

// CreateLibraryRequest / UpdateLibraryRequest of the SDK.
void validateLibrary(Validator &v, const QJsonObject &body, bool create) {
    using K = FieldSpec::Kind;
    if (create) {
        static const FieldSpec fields[] = {
            {"name"_L1, K::String, true, false},
            {"description"_L1, K::String},
            {"chunk_size"_L1, K::Int, false, true, nullptr, 256, 32768},
            {"owner_type"_L1, K::String},
        };
        v.object(body, QJsonArray{u"body"_s}, fields);
        if (body.value("owner_type"_L1).isString()) {
            static constexpr QLatin1StringView owners[] = {"User"_L1, "Workspace"_L1};
            v.oneOf(body.value("owner_type"_L1), QJsonArray{u"body"_s, u"owner_type"_s}, owners);
        }
    } else {
        static const FieldSpec fields[] = {
            {"name"_L1, K::String, false, false},
            {"description"_L1, K::String},
        };
        v.object(body, QJsonArray{u"body"_s}, fields);
    }
    if (body.value("name"_L1).isString() && body.value("name"_L1).toString().trimmed().isEmpty())
        v.add(u"string_too_short"_s, QJsonArray{u"body"_s, u"name"_s},
              u"String should have at least 1 character"_s, body.value("name"_L1),
              QJsonObject{{u"min_length"_s, 1}});
}

} // namespace

void Emulator::routeLibraries(HttpExchange *ex) {
    const HttpRequest &req = ex->request();
    const QStringList &seg = req.segments;
    const qsizetype n = seg.size();
    Libraries &libraries = m_store.libraries();

    if (n == 2) {
        if (req.method == "GET")
            listLibraries(ex);
        else if (req.method == "POST")
            createLibrary(ex);
        else
            sendNotAllowed(ex);
        return;
    }

    const QString libraryId = seg[2];
    const bool known = n == 3 || n == 4 || (n == 5 && seg[3] == "documents"_L1)
                       || (n == 6 && (seg[5] == "status"_L1 || seg[5] == "text_content"_L1));
    if (!known) {
        sendNotAllowed(ex);
        return;
    }
    if (!isUuid(libraryId)) {
        sendPathIssue(ex, u"uuid_parsing"_s, QJsonArray{u"path"_s, u"library_id"_s},
                      u"Input should be a valid UUID, invalid character: expected an optional "
                      "prefix of `urn:uuid:` followed by [0-9a-fA-F-]"_s,
                      libraryId);
        return;
    }
    LibraryRecord *library = libraries.find(libraryId);
    if (!library) {
        sendDetail(ex, 404, u"Library not found"_s);
        return;
    }

    if (n == 3) {
        if (req.method == "GET") {
            sendJson(ex, 200, Libraries::libraryJson(*library));
        } else if (req.method == "PATCH" || req.method == "PUT") {
            const auto body = jsonBody(ex);
            if (!body)
                return;
            Validator v;
            validateLibrary(v, *body, false);
            if (!v.ok()) {
                sendValidation(ex, v);
                return;
            }
            if (body->contains("name"_L1))
                library->name = body->value("name"_L1).toString().trimmed();
            if (body->contains("description"_L1))
                library->description = body->value("description"_L1).isString()
                                           ? std::optional(body->value("description"_L1).toString())
                                           : std::nullopt;
            library->updatedAt = isoNow();
            sendJson(ex, 200, Libraries::libraryJson(*library));
        } else if (req.method == "DELETE") {
            const QJsonObject json = Libraries::libraryJson(*library);
            libraries.remove(library->id);
            sendJson(ex, 200, json);
        } else {
            sendNotAllowed(ex);
        }
        return;
    }
    if (seg[3] != "documents"_L1) {
        sendNotAllowed(ex);
        return;
    }
    if (n == 4) {
        if (req.method == "GET")
            listDocuments(ex, *library);
        else if (req.method == "POST")
            uploadDocument(ex, *library);
        else
            sendNotAllowed(ex);
        return;
    }

    const QString documentId = seg[4];
    if (!isUuid(documentId)) {
        sendPathIssue(ex, u"uuid_parsing"_s, QJsonArray{u"path"_s, u"document_id"_s},
                      u"Input should be a valid UUID, invalid character: expected an optional "
                      "prefix of `urn:uuid:` followed by [0-9a-fA-F-]"_s,
                      documentId);
        return;
    }
    LibraryDocument *document = libraries.findDocument(library->id, documentId);
    if (!document) {
        sendDetail(ex, 404, u"Document not found"_s);
        return;
    }
    if (n == 5) {
        if (req.method == "GET") {
            sendJson(ex, 200, Libraries::documentJson(*document));
        } else if (req.method == "DELETE") {
            libraries.removeDocument(library->id, document->id);
            ex->send(204, QByteArray(), QByteArray());
        } else {
            sendNotAllowed(ex);
        }
        return;
    }
    if (req.method != "GET") {
        sendNotAllowed(ex);
        return;
    }
    if (seg[5] == "status"_L1) {
        sendJson(ex, 200, Libraries::statusJson(*document));
        return;
    }
    if (document->state != LibraryDocument::State::Done) {
        sendDetail(ex, 400,
                   document->state == LibraryDocument::State::InProgress
                       ? u"The document is still being processed"_s
                       : u"The document could not be processed"_s);
        return;
    }
    sendJson(ex, 200, QJsonObject{{u"text"_s, document->text}});
}

void Emulator::listLibraries(HttpExchange *ex) {
    const HttpRequest &req = ex->request();
    const auto page = intQuery(ex, u"page"_s, 0, 0, 1000000);
    if (!page)
        return;
    const auto pageSize = intQuery(ex, u"page_size"_s, 100, 1, 1000);
    if (!pageSize)
        return;
    const QString search = req.query.queryItemValue(u"search"_s, QUrl::FullyDecoded);
    QList<const LibraryRecord *> matching;
    for (const LibraryRecord &l : m_store.libraries().all()) {
        if (search.isEmpty() || l.name.contains(search, Qt::CaseInsensitive))
            matching.append(&l);
    }
    // A page token is the offset of the next page, opaque to clients.
    qsizetype offset = qsizetype(*page) * *pageSize;
    const QString token = req.query.queryItemValue(u"page_token"_s);
    if (!token.isEmpty()) {
        const QByteArray decoded =
            QByteArray::fromBase64(token.toLatin1(), QByteArray::Base64UrlEncoding);
        bool ok = false;
        offset = decoded.startsWith("offset:") ? decoded.mid(7).toLongLong(&ok) : 0;
        if (!ok || offset < 0) {
            sendPathIssue(ex, u"value_error"_s, QJsonArray{u"query"_s, u"page_token"_s},
                          u"Value error, invalid page token"_s, token);
            return;
        }
    }
    QJsonArray data;
    for (qsizetype i = offset; i < matching.size() && data.size() < *pageSize; ++i)
        data.append(Libraries::libraryJson(*matching.at(i)));
    const qsizetype next = offset + data.size();
    QJsonObject body{{u"data"_s, data}};
    body.insert(u"next_page_token"_s, next < matching.size() ? QJsonValue(QString::fromLatin1(
                                          QByteArray("offset:" + QByteArray::number(next))
                                              .toBase64(QByteArray::Base64UrlEncoding)))
                                                             : QJsonValue(QJsonValue::Null));
    // Offset paging metadata only for callers that asked by page.
    if (token.isEmpty() && req.query.hasQueryItem(u"page"_s)) {
        const qsizetype total = matching.size();
        body.insert(u"pagination"_s,
                    QJsonObject{{u"total_items"_s, double(total)},
                                {u"total_pages"_s, double((total + *pageSize - 1) / *pageSize)},
                                {u"current_page"_s, *page},
                                {u"page_size"_s, *pageSize},
                                {u"has_more"_s, next < total}});
    }
    sendJson(ex, 200, body);
}

void Emulator::createLibrary(HttpExchange *ex) {
    const auto body = jsonBody(ex);
    if (!body)
        return;
    Validator v;
    validateLibrary(v, *body, true);
    if (!v.ok()) {
        sendValidation(ex, v);
        return;
    }
    const QJsonValue description = body->value("description"_L1);
    const LibraryRecord &library = m_store.libraries().create(
        body->value("name"_L1).toString().trimmed(),
        description.isString() ? std::optional(description.toString()) : std::nullopt);
    sendJson(ex, 201, Libraries::libraryJson(library), rateLimitHeaders(0));
}

void Emulator::listDocuments(HttpExchange *ex, const LibraryRecord &library) {
    const HttpRequest &req = ex->request();
    const auto page = intQuery(ex, u"page"_s, 0, 0, 1000000);
    if (!page)
        return;
    const auto pageSize = intQuery(ex, u"page_size"_s, 100, 1, 1000);
    if (!pageSize)
        return;
    const QString search = req.query.queryItemValue(u"search"_s, QUrl::FullyDecoded);
    const QString sortBy = req.query.hasQueryItem(u"sort_by"_s)
                               ? req.query.queryItemValue(u"sort_by"_s)
                               : u"created_at"_s;
    const QString sortOrder = req.query.hasQueryItem(u"sort_order"_s)
                                  ? req.query.queryItemValue(u"sort_order"_s)
                                  : u"desc"_s;
    QList<const LibraryDocument *> matching;
    for (const LibraryDocument &d : library.documents) {
        if (search.isEmpty() || d.name.contains(search, Qt::CaseInsensitive))
            matching.append(&d);
    }
    // Stored in upload order: oldest first.
    if (sortBy == "name"_L1)
        std::stable_sort(matching.begin(), matching.end(),
                         [](const LibraryDocument *a, const LibraryDocument *b) {
                             return a->name.compare(b->name, Qt::CaseInsensitive) < 0;
                         });
    if (sortOrder == "desc"_L1)
        std::reverse(matching.begin(), matching.end());
    QJsonArray data;
    const qsizetype from = qsizetype(*page) * *pageSize;
    for (qsizetype i = from; i < matching.size() && data.size() < *pageSize; ++i)
        data.append(Libraries::documentJson(*matching.at(i)));
    const qsizetype total = matching.size();
    sendJson(
        ex, 200,
        QJsonObject{{u"pagination"_s,
                     QJsonObject{{u"total_items"_s, double(total)},
                                 {u"total_pages"_s, double((total + *pageSize - 1) / *pageSize)},
                                 {u"current_page"_s, *page},
                                 {u"page_size"_s, *pageSize},
                                 {u"has_more"_s, from + data.size() < total}}},
                    {u"data"_s, data}});
}

void Emulator::uploadDocument(HttpExchange *ex, LibraryRecord &library) {
    const HttpRequest &req = ex->request();
    QString problem;
    const auto parts = parseMultipart(req.header("content-type"), req.body, &problem);
    if (!parts) {
        sendDetail(ex, 400, problem);
        return;
    }
    const FormPart *filePart = nullptr;
    Validator v;
    for (const FormPart &part : *parts) {
        if (part.name == "file"_L1)
            filePart = &part;
        else
            v.add(u"extra_forbidden"_s, QJsonArray{u"body"_s, part.name},
                  u"Extra inputs are not permitted"_s, QString::fromUtf8(part.body.left(200)));
    }
    if (!filePart)
        v.add(u"missing"_s, QJsonArray{u"body"_s, u"file"_s}, u"Field required"_s,
              QJsonValue::Null);
    if (!v.ok()) {
        sendValidation(ex, v);
        return;
    }
    const QString name = filePart->filename.isEmpty() ? u"upload"_s : filePart->filename;
    QByteArray mimeType = filePart->mimeType;
    if (mimeType.isEmpty() || mimeType == "application/octet-stream")
        mimeType =
            QMimeDatabase().mimeTypeForFileNameAndData(name, filePart->body).name().toLatin1();
    const LibraryDocument &document =
        m_store.libraries().addDocument(library, name, mimeType, filePart->body);
    const QString libraryId = library.id;
    const QString documentId = document.id;
    QTimer::singleShot(m_options.libraryProcessingMs, this, [this, libraryId, documentId] {
        m_store.libraries().finish(libraryId, documentId);
    });
    sendJson(ex, 200, Libraries::documentJson(document));
}

} // namespace Tramontane::Emulator
