// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/LibraryDocumentModel.h"

#include "core/net/ApiJob.h"
#include "core/services/LibraryService.h"
#include "models/Roles.h"

#include <QLocale>

namespace Tramontane {

namespace {

// The most documents one library view loads (pages of the service's default size).
constexpr int kMaxPages = 100;

} // namespace

LibraryDocumentModel::LibraryDocumentModel(LibraryService *service, QObject *parent)
    : QAbstractTableModel(parent)
    , m_service(service) {}

LibraryDocumentModel::~LibraryDocumentModel() {
    cancelAll();
}

int LibraryDocumentModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LibraryDocumentModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LibraryDocumentModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const LibraryDocument &d = row.document;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return d.name;
        case SizeColumn:
            return d.size ? QLocale().formattedDataSize(*d.size) : QString();
        case StatusColumn:
            if (row.uploading) {
                const int percent = row.total > 0 ? int(row.sent * 100 / row.total) : 0;
                return tr("Uploading… %1%").arg(percent);
            }
            switch (d.state) {
            case DocumentState::Processing:
            case DocumentState::Unknown:
                return tr("Processing…");
            case DocumentState::Ready:
                return tr("Ready");
            case DocumentState::Failed:
                return tr("Failed");
            }
            return {};
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn && d.state == DocumentState::Failed)
            return tr("The server could not read this document. Check that it is not empty, "
                      "then delete it and upload it again.");
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == SizeColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                            : QVariant();
    case Roles::LibraryIdRole:
        return m_libraryId;
    case Roles::LibraryDocumentIdRole:
        return d.id;
    case Roles::LibraryDocumentStateRole:
        return row.uploading ? -1 : int(d.state);
    case Roles::LibrarySortRole:
        return index.column() == SizeColumn ? QVariant(d.size.value_or(0))
                                            : QVariant(data(index).toString().toLower());
    default:
        return {};
    }
}

QVariant LibraryDocumentModel::headerData(int section, Qt::Orientation orientation,
                                          int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case SizeColumn:
        return tr("Size");
    case StatusColumn:
        return tr("Status");
    }
    return {};
}

void LibraryDocumentModel::cancelAll() {
    if (m_loadJob)
        m_loadJob->cancel();
    for (const Row &row : std::as_const(m_rows)) {
        if (row.upload)
            row.upload->cancel();
    }
}

void LibraryDocumentModel::setLibrary(const QString &libraryId) {
    if (libraryId == m_libraryId)
        return;
    cancelAll();
    beginResetModel();
    m_libraryId = libraryId;
    m_rows.clear();
    endResetModel();
    refresh();
}

void LibraryDocumentModel::refresh() {
    if (m_loadJob)
        m_loadJob->cancel();
    if (m_libraryId.isEmpty() || !m_service)
        return;
    loadPage(0, {});
    Q_EMIT loadingChanged(true);
}

void LibraryDocumentModel::loadPage(int page, QList<LibraryDocument> collected) {
    const QString libraryId = m_libraryId;
    m_loadJob = m_service->listDocuments(
        libraryId, page, this,
        [this, page, libraryId, collected](const ServiceResult<LibraryDocumentPage> &r) mutable {
            if (!r.ok()) {
                if (r.error.isCanceled())
                    return;
                m_loadJob = nullptr;
                Q_EMIT loadingChanged(false);
                Q_EMIT failed(r.error);
                return;
            }
            collected += r.value->documents;
            if (r.value->hasMore && !r.value->documents.isEmpty() && page + 1 < kMaxPages) {
                loadPage(page + 1, collected);
                return;
            }
            m_loadJob = nullptr;
            // Uploads in flight stay, above what the server listed.
            QList<Row> rows;
            for (const Row &row : std::as_const(m_rows)) {
                if (row.uploading)
                    rows.append(row);
            }
            for (const LibraryDocument &d : std::as_const(collected))
                rows.append(Row{d, {}, 0, 0, false});
            beginResetModel();
            m_rows = rows;
            endResetModel();
            Q_EMIT loadingChanged(false);
        });
}

void LibraryDocumentModel::upload(const QString &fileName, const QByteArray &bytes,
                                  const QString &mimeType) {
    if (m_libraryId.isEmpty() || !m_service)
        return;
    Row row;
    row.uploading = true;
    row.total = bytes.size();
    row.document.name = fileName;
    row.document.size = bytes.size();
    row.document.libraryId = m_libraryId;
    const QString libraryId = m_libraryId;
    auto job = std::make_shared<QPointer<ApiJob>>();
    *job = m_service->uploadDocument(
        libraryId, fileName, bytes, mimeType, this,
        [this, job, libraryId](const ServiceResult<LibraryDocument> &r) {
            const int at = rowOfUpload(*job);
            if (!r.ok()) {
                if (at >= 0) {
                    beginRemoveRows({}, at, at);
                    m_rows.removeAt(at);
                    endRemoveRows();
                }
                if (!r.error.isCanceled())
                    Q_EMIT failed(r.error);
                return;
            }
            Q_EMIT documentsChanged(libraryId);
            if (libraryId != m_libraryId)
                return;
            const int existing = rowOf(r.value->id); // a reload may have listed it already
            if (at >= 0 && existing < 0) {
                m_rows[at] = Row{*r.value, {}, 0, 0, false};
                Q_EMIT dataChanged(index(at, 0), index(at, ColumnCount - 1));
            } else if (at >= 0) {
                beginRemoveRows({}, at, at);
                m_rows.removeAt(at);
                endRemoveRows();
            }
        });
    if (!*job)
        return;
    row.upload = *job;
    connect(*job, &ApiJob::uploadProgress, this, [this, job](qint64 sent, qint64 total) {
        const int at = rowOfUpload(*job);
        // Qt closes with (0, 0): keep the furthest report.
        if (at < 0 || total <= 0 || sent < m_rows[at].sent)
            return;
        // The body is a little larger than the file (the multipart framing).
        m_rows[at].sent = std::min(m_rows[at].total, sent * m_rows[at].total / total);
        Q_EMIT dataChanged(index(at, StatusColumn), index(at, StatusColumn));
    });
    beginInsertRows({}, 0, 0);
    m_rows.prepend(row);
    endInsertRows();
}

void LibraryDocumentModel::removeDocument(int row) {
    if (row < 0 || row >= m_rows.size() || m_rows.at(row).uploading || !m_service)
        return;
    const QString libraryId = m_libraryId;
    const QString documentId = m_rows.at(row).document.id;
    m_service->deleteDocument(libraryId, documentId, this,
                              [this, libraryId, documentId](const ServiceResult<Done> &r) {
                                  if (!r.ok()) {
                                      if (!r.error.isCanceled())
                                          Q_EMIT failed(r.error);
                                      return;
                                  }
                                  const int at = libraryId == m_libraryId ? rowOf(documentId) : -1;
                                  if (at >= 0) {
                                      beginRemoveRows({}, at, at);
                                      m_rows.removeAt(at);
                                      endRemoveRows();
                                  }
                                  Q_EMIT documentsChanged(libraryId);
                              });
}

LibraryDocument LibraryDocumentModel::document(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).document : LibraryDocument();
}

int LibraryDocumentModel::rowOf(const QString &documentId) const {
    if (documentId.isEmpty())
        return -1;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).document.id == documentId)
            return i;
    }
    return -1;
}

int LibraryDocumentModel::rowOfUpload(const ApiJob *job) const {
    if (!job)
        return -1;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).uploading && m_rows.at(i).upload == job)
            return i;
    }
    return -1;
}

QStringList LibraryDocumentModel::processingIds() const {
    QStringList ids;
    for (const Row &row : m_rows) {
        if (!row.uploading && !isFinished(row.document.state))
            ids.append(row.document.id);
    }
    return ids;
}

void LibraryDocumentModel::setState(const QString &documentId, DocumentState state) {
    const int at = rowOf(documentId);
    if (at < 0 || m_rows.at(at).document.state == state)
        return;
    m_rows[at].document.state = state;
    Q_EMIT dataChanged(index(at, StatusColumn), index(at, StatusColumn));
}

int LibraryDocumentModel::uploadsInFlight() const {
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [](const Row &row) { return row.uploading; }));
}

} // namespace Tramontane
