// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/Library.h"

#include "core/protocol/JsonUtil.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

constexpr QLatin1StringView kId{"id"};
constexpr QLatin1StringView kName{"name"};
constexpr QLatin1StringView kDescription{"description"};
constexpr QLatin1StringView kCreatedAt{"created_at"};
constexpr QLatin1StringView kUpdatedAt{"updated_at"};
constexpr QLatin1StringView kData{"data"};
constexpr QLatin1StringView kProcessStatus{"process_status"};
constexpr QLatin1StringView kProcessingStatus{"processing_status"};

} // namespace

std::optional<Library> Library::fromJson(const QJsonObject &json) {
    const QString id = Json::string(json, kId);
    if (id.isEmpty())
        return std::nullopt;
    Library library;
    library.id = id;
    library.name = Json::string(json, kName);
    library.description = Json::optString(json, kDescription);
    library.createdAt = Json::parseDateTime(json.value(kCreatedAt));
    library.updatedAt = Json::parseDateTime(json.value(kUpdatedAt));
    library.documentCount = Json::optInt(json, "nb_documents"_L1).value_or(0);
    library.totalSize = Json::optInt(json, "total_size"_L1).value_or(0);
    return library;
}

std::optional<LibraryPage> LibraryPage::fromJson(const QJsonObject &json) {
    if (!json.value(kData).isArray())
        return std::nullopt;
    LibraryPage page;
    const QJsonArray data = json.value(kData).toArray();
    for (const QJsonValue &v : data) {
        if (auto library = Library::fromJson(v.toObject()))
            page.libraries.append(std::move(*library));
    }
    page.nextPageToken = Json::string(json, "next_page_token"_L1);
    return page;
}

DocumentState documentStateOf(const QString &processStatus, const QString &processingStatus) {
    const QString s = processStatus.toLower();
    if (s == "todo"_L1 || s == "in_progress"_L1 || s == "waiting_for_capacity"_L1)
        return DocumentState::Processing;
    if (s == "done"_L1 || s == "noop"_L1 || s == "self_managed"_L1)
        return DocumentState::Ready;
    if (s == "error"_L1 || s == "missing_content"_L1)
        return DocumentState::Failed;
    if (!s.isEmpty())
        return DocumentState::Unknown;
    // The deprecated text, from servers that send only it.
    const QString text = processingStatus.toLower();
    if (text == "running"_L1 || text == "pending"_L1 || text == "processing"_L1)
        return DocumentState::Processing;
    if (text == "completed"_L1 || text == "done"_L1)
        return DocumentState::Ready;
    if (text == "failed"_L1 || text == "error"_L1)
        return DocumentState::Failed;
    return DocumentState::Unknown;
}

bool isFinished(DocumentState state) {
    return state == DocumentState::Ready || state == DocumentState::Failed;
}

std::optional<LibraryDocument> LibraryDocument::fromJson(const QJsonObject &json) {
    const QString id = Json::string(json, kId);
    if (id.isEmpty())
        return std::nullopt;
    LibraryDocument document;
    document.id = id;
    document.libraryId = Json::string(json, "library_id"_L1);
    document.name = Json::string(json, kName);
    document.size = Json::optInt(json, "size"_L1);
    document.mimeType = Json::string(json, "mime_type"_L1);
    document.extension = Json::string(json, "extension"_L1);
    document.createdAt = Json::parseDateTime(json.value(kCreatedAt));
    document.lastProcessedAt = Json::parseDateTime(json.value("last_processed_at"_L1));
    if (const auto pages = Json::optInt(json, "number_of_pages"_L1))
        document.pageCount = int(*pages);
    document.processStatus = Json::string(json, kProcessStatus);
    document.state = documentStateOf(document.processStatus, Json::string(json, kProcessingStatus));
    return document;
}

std::optional<LibraryDocumentPage> LibraryDocumentPage::fromJson(const QJsonObject &json) {
    if (!json.value(kData).isArray())
        return std::nullopt;
    LibraryDocumentPage page;
    const QJsonArray data = json.value(kData).toArray();
    for (const QJsonValue &v : data) {
        if (auto document = LibraryDocument::fromJson(v.toObject()))
            page.documents.append(std::move(*document));
    }
    const QJsonObject pagination = Json::object(json, "pagination"_L1);
    page.totalItems = Json::optInt(pagination, "total_items"_L1).value_or(page.documents.size());
    page.currentPage = int(Json::optInt(pagination, "current_page"_L1).value_or(0));
    page.hasMore = Json::optBool(pagination, "has_more"_L1).value_or(false);
    return page;
}

std::optional<DocumentStatus> DocumentStatus::fromJson(const QJsonObject &json) {
    const QString id = Json::string(json, "document_id"_L1);
    if (id.isEmpty())
        return std::nullopt;
    DocumentStatus status;
    status.documentId = id;
    status.processStatus = Json::string(json, kProcessStatus);
    status.state = documentStateOf(status.processStatus, Json::string(json, kProcessingStatus));
    return status;
}

QJsonObject LibraryCreateRequest::toJson() const {
    QJsonObject json{{kName, name}};
    if (description && !description->isEmpty())
        json.insert(kDescription, *description);
    return json;
}

} // namespace Tramontane
