// SPDX-License-Identifier: GPL-3.0-or-later
// Files (upload, list, metadata, signed URLs, download, delete) and OCR.
#include "Emulator.h"

#include "Multipart.h"
#include "Validation.h"

#include <QDateTime>
#include <QMimeDatabase>

using namespace Qt::StringLiterals;

namespace Tramontane::Emulator {

namespace {

// The page numbers an OCR request asks for: a list, or a string such as "0,2-4".
std::optional<QList<int>> requestedPages(const QJsonValue &value, int pageCount, QString *problem) {
    QList<int> pages;
    if (value.isUndefined() || value.isNull()) {
        for (int i = 0; i < pageCount; ++i)
            pages.append(i);
        return pages;
    }
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &v : array)
            pages.append(v.toInt());
    } else {
        const QStringList parts = value.toString().split(u',', Qt::SkipEmptyParts);
        for (const QString &part : parts) {
            const QStringList range = part.trimmed().split(u'-');
            bool okFrom = false;
            bool okTo = false;
            const int from = range.value(0).toInt(&okFrom);
            const int to = range.size() == 2 ? range.value(1).toInt(&okTo) : from;
            if (!okFrom || (range.size() == 2 && !okTo) || range.size() > 2 || to < from) {
                *problem = u"pages: cannot read “%1”"_s.arg(part.trimmed());
                return std::nullopt;
            }
            for (int i = from; i <= to; ++i)
                pages.append(i);
        }
    }
    for (int p : std::as_const(pages)) {
        if (p < 0 || p >= pageCount) {
            *problem =
                u"Page %1 does not exist: the document has %2 page(s)."_s.arg(p).arg(pageCount);
            return std::nullopt;
        }
    }
    return pages;
}

} // namespace

void Emulator::routeFiles(HttpExchange *ex) {
    const HttpRequest &req = ex->request();
    if (req.segments.size() == 2) {
        if (req.method == "POST")
            uploadFile(ex);
        else if (req.method == "GET")
            listFiles(ex);
        else
            sendNotAllowed(ex);
        return;
    }
    const bool one = req.segments.size() == 3;
    if (req.method != "GET" && !(one && req.method == "DELETE")) {
        sendNotAllowed(ex);
        return;
    }
    const StoredFile *file = m_store.findFile(req.segments.at(2));
    if (!file) {
        sendDetail(ex, 404, u"File not found"_s);
        return;
    }
    if (one && req.method == "DELETE") {
        const QString id = file->id;
        m_store.deleteFile(id);
        sendJson(ex, 200,
                 QJsonObject{{u"id"_s, id}, {u"object"_s, u"file"_s}, {u"deleted"_s, true}});
        return;
    }
    if (one) {
        sendJson(ex, 200, m_store.fileJson(*file));
        return;
    }
    if (req.segments.at(3) == "url"_L1) {
        if (!intQuery(ex, u"expiry"_s, 24, 1, 168))
            return;
        sendJson(ex, 200,
                 QJsonObject{{u"url"_s, QString(baseUrl() + u"/v1/files/"_s + file->id
                                                + u"/content?signature="_s + file->signature)}});
        return;
    }
    HeaderList headers = rateLimitHeaders(0);
    headers.append(
        {"Content-Disposition", "attachment; filename=\"" + file->filename.toUtf8() + '"'});
    const auto fault = attachedFault(ex);
    if (fault && fault->kind == Fault::Kind::Cut) {
        ex->sendTruncated(200, "application/octet-stream", file->bytes, file->bytes.size() / 2);
        return;
    }
    ex->send(200, "application/octet-stream", file->bytes, headers);
}

void Emulator::uploadFile(HttpExchange *ex) {
    const HttpRequest &req = ex->request();
    QString problem;
    const auto parts = parseMultipart(req.header("content-type"), req.body, &problem);
    if (!parts) {
        sendDetail(ex, 400, problem);
        return;
    }
    const FormPart *filePart = nullptr;
    QString purpose = u"fine-tune"_s;
    QString visibility = u"workspace"_s;
    std::optional<int> expiryHours;
    Validator v;
    for (const FormPart &part : *parts) {
        const QString value = QString::fromUtf8(part.body);
        const QJsonArray loc{u"body"_s, part.name};
        if (part.name == "file"_L1) {
            filePart = &part;
        } else if (part.name == "purpose"_L1) {
            static constexpr QLatin1StringView purposes[] = {"fine-tune"_L1, "batch"_L1, "ocr"_L1};
            v.oneOf(value, loc, purposes);
            purpose = value;
        } else if (part.name == "visibility"_L1) {
            static constexpr QLatin1StringView visibilities[] = {"workspace"_L1, "user"_L1};
            v.oneOf(value, loc, visibilities);
            visibility = value;
        } else if (part.name == "expiry"_L1) {
            bool ok = false;
            const int hours = value.toInt(&ok);
            if (!ok)
                v.add(u"int_parsing"_s, loc,
                      u"Input should be a valid integer, unable to parse string as an integer"_s,
                      value);
            else
                expiryHours = hours;
        } else {
            v.add(u"extra_forbidden"_s, loc, u"Extra inputs are not permitted"_s, value);
        }
    }
    if (!filePart)
        v.add(u"missing"_s, QJsonArray{u"body"_s, u"file"_s}, u"Field required"_s,
              QJsonValue::Null);
    if (!v.ok()) {
        sendValidation(ex, v);
        return;
    }
    const QString filename = filePart->filename.isEmpty() ? u"upload"_s : filePart->filename;
    QString mimeType = QString::fromLatin1(filePart->mimeType);
    if (mimeType.isEmpty() || mimeType == "application/octet-stream"_L1)
        mimeType = QMimeDatabase().mimeTypeForFileNameAndData(filename, filePart->body).name();
    StoredFile &file = m_store.addFile(filePart->body, filename, mimeType);
    file.purpose = purpose;
    file.source = u"upload"_s;
    file.visibility = visibility;
    if (expiryHours)
        file.expiresAt = file.createdAt + qint64(*expiryHours) * 3600;
    sendJson(ex, 200, m_store.fileJson(file));
}

void Emulator::listFiles(HttpExchange *ex) {
    const auto page = intQuery(ex, u"page"_s, 0, 0, 1000000);
    if (!page)
        return;
    const auto pageSize = intQuery(ex, u"page_size"_s, 100, 1, 1000);
    if (!pageSize)
        return;
    const QUrlQuery &query = ex->request().query;
    const QString purpose = query.queryItemValue(u"purpose"_s, QUrl::FullyDecoded);
    const QString search = query.queryItemValue(u"search"_s, QUrl::FullyDecoded);
    const QStringList sources = query.allQueryItemValues(u"source"_s, QUrl::FullyDecoded);
    QList<const StoredFile *> matching;
    for (const StoredFile &f : m_store.files()) {
        if ((!purpose.isEmpty() && f.purpose != purpose)
            || (!search.isEmpty() && !f.filename.contains(search, Qt::CaseInsensitive))
            || (!sources.isEmpty() && !sources.contains(f.source)))
            continue;
        matching.append(&f);
    }
    // Newest first, as the service lists them.
    std::reverse(matching.begin(), matching.end());
    QJsonArray data;
    const qsizetype from = qsizetype(*page) * *pageSize;
    for (qsizetype i = from; i < matching.size() && i < from + *pageSize; ++i)
        data.append(m_store.fileJson(*matching.at(i)));
    sendJson(ex, 200,
             QJsonObject{{u"data"_s, data},
                         {u"object"_s, u"list"_s},
                         {u"total"_s, double(matching.size())}});
}

void Emulator::routeOcr(HttpExchange *ex) {
    const auto body = jsonBody(ex);
    if (!body)
        return;
    Validator v;
    Validate::ocr(v, *body);
    if (!v.ok()) {
        sendValidation(ex, v);
        return;
    }
    const QString model = body->value("model"_L1).isString() ? body->value("model"_L1).toString()
                                                             : u"mistral-ocr-latest"_s;
    const auto card = m_store.findModel(model);
    if (!card || !card->value("capabilities"_L1).toObject().value("ocr"_L1).toBool()) {
        sendObjectError(ex, 400, u"Invalid model: %1"_s.arg(model), u"invalid_model"_s, u"1500"_s);
        return;
    }
    const AttachmentReader reader(baseUrl(),
                                  [this](const QString &id) { return m_store.findFile(id); });
    QString problem;
    auto document = reader.readChunk(body->value("document"_L1).toObject(), &problem);
    if (!document || !document->fetched) {
        sendObjectError(ex, 400,
                        document ? u"The document could not be downloaded."_s
                                 : u"The document %1."_s.arg(problem),
                        u"invalid_request_error"_s);
        return;
    }
    const bool image = document->kind == Attachment::Kind::Image || document->size.isValid();
    // The service reads PDFs, images and Office documents (DOCX, PPTX). The emulator does not
    // unpack an Office file: its one page names it, so a test sees what was read.
    const bool office = document->format == "docx" || document->format == "pptx";
    if (!image && !office && document->format != "pdf" && document->format != "text") {
        sendObjectError(
            ex, 400,
            u"The document's format (%1) cannot be read; send a PDF, a DOCX or PPTX file, an "
            u"image or text."_s.arg(QString::fromLatin1(document->format)),
            u"invalid_request_error"_s);
        return;
    }
    if (office)
        document->text = u"%1 document %2, %3 bytes"_s
                             .arg(QString::fromLatin1(document->format).toUpper(), document->name)
                             .arg(document->bytes.size());
    // Text splits into pages at form feeds; a PDF's text (from its uncompressed content
    // streams) goes on its first page; an image's text is its embedded description.
    QStringList pageTexts =
        document->format == "text" ? document->text.split(u'\f') : QStringList{document->text};
    while (pageTexts.size() < document->pages)
        pageTexts.append(QString());
    const auto pages = requestedPages(body->value("pages"_L1), int(pageTexts.size()), &problem);
    if (!pages) {
        sendObjectError(ex, 400, problem, u"invalid_request_error"_s);
        return;
    }
    const QJsonObject dimensions =
        image ? QJsonObject{{u"dpi"_s, 72},
                            {u"height"_s, document->size.height()},
                            {u"width"_s, document->size.width()}}
              : QJsonObject{{u"dpi"_s, 200}, {u"height"_s, 2200}, {u"width"_s, 1700}};
    QJsonArray out;
    for (int index : *pages) {
        out.append(QJsonObject{{u"index"_s, index},
                               {u"markdown"_s, pageTexts.at(index).trimmed()},
                               {u"images"_s, QJsonArray()},
                               {u"tables"_s, QJsonArray()},
                               {u"hyperlinks"_s, QJsonArray()},
                               {u"header"_s, QJsonValue::Null},
                               {u"footer"_s, QJsonValue::Null},
                               {u"dimensions"_s, dimensions}});
    }
    sendJson(ex, 200,
             QJsonObject{{u"pages"_s, out},
                         {u"model"_s, card->value("id"_L1).toString()},
                         {u"document_annotation"_s, QJsonValue::Null},
                         {u"usage_info"_s,
                          QJsonObject{{u"pages_processed"_s, double(pages->size())},
                                      {u"doc_size_bytes"_s, double(document->bytes.size())}}}},
             rateLimitHeaders(int(pages->size())));
}

} // namespace Tramontane::Emulator
