// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Tramontane {

//! A document library (`Library` of `/v1/libraries`): a named set of documents that the
//! `document_library` tool searches. Only the fields the client uses; unknown ones are ignored.
struct Library {
    QString id;
    QString name;
    std::optional<QString> description;
    QDateTime createdAt;
    QDateTime updatedAt;
    qint64 documentCount = 0; //!< `nb_documents`
    qint64 totalSize = 0;     //!< `total_size`, bytes

    //! A Library object; nullopt without an id.
    static std::optional<Library> fromJson(const QJsonObject &json);
};

//! One page of `GET /v1/libraries` (`ListLibrariesResponse`).
struct LibraryPage {
    QList<Library> libraries;
    QString nextPageToken; //!< empty on the last page

    //! nullopt without a `data` array; entries without an id are skipped.
    static std::optional<LibraryPage> fromJson(const QJsonObject &json);
};

//! Where a document is in its processing, as a view shows it. The API's `process_status`
//! (`ProcessStatus`: todo, in_progress, waiting_for_capacity, done, noop, self_managed,
//! missing_content, error) folds into three states, plus Unknown for values added later.
enum class DocumentState {
    Processing, //!< todo, in_progress, waiting_for_capacity: poll again
    Ready,      //!< done, noop, self_managed: searchable
    Failed,     //!< error, missing_content: will not become ready
    Unknown,    //!< a value this client does not know (treated as not finished)
};

//! The state of a `process_status` value (falls back on the deprecated `processing_status`
//! text, e.g. "Completed", when \a processStatus is empty).
DocumentState documentStateOf(const QString &processStatus, const QString &processingStatus = {});
//! True for states that no longer change by themselves (Ready, Failed).
bool isFinished(DocumentState state);

//! A document of a library (`Document`).
struct LibraryDocument {
    QString id;
    QString libraryId;
    QString name;
    std::optional<qint64> size; //!< bytes; null in the API for some sources
    QString mimeType;
    QString extension;
    QDateTime createdAt;
    QDateTime lastProcessedAt;
    std::optional<int> pageCount; //!< `number_of_pages`
    QString processStatus;        //!< as sent, e.g. "in_progress"
    DocumentState state = DocumentState::Unknown;

    //! A Document object; nullopt without an id.
    static std::optional<LibraryDocument> fromJson(const QJsonObject &json);
};

//! One page of `GET /v1/libraries/{id}/documents` (`ListDocumentsResponse`).
struct LibraryDocumentPage {
    QList<LibraryDocument> documents;
    qint64 totalItems = 0;
    int currentPage = 0;
    bool hasMore = false;

    //! nullopt without a `data` array; entries without an id are skipped.
    static std::optional<LibraryDocumentPage> fromJson(const QJsonObject &json);
};

//! The answer of `GET …/documents/{id}/status` (`ProcessingStatus`).
struct DocumentStatus {
    QString documentId;
    QString processStatus;
    DocumentState state = DocumentState::Unknown;

    //! nullopt without `document_id`.
    static std::optional<DocumentStatus> fromJson(const QJsonObject &json);
};

//! What `POST /v1/libraries` sends (`CreateLibraryRequest`): only the set fields.
struct LibraryCreateRequest {
    QString name;
    std::optional<QString> description;

    QJsonObject toJson() const;
};

} // namespace Tramontane
