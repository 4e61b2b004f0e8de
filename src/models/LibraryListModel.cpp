// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/LibraryListModel.h"

#include "core/net/ApiJob.h"
#include "core/services/LibraryService.h"
#include "models/Roles.h"

#include <QLocale>

namespace Tramontane {

LibraryListModel::LibraryListModel(LibraryService *service, QObject *parent)
    : QAbstractTableModel(parent)
    , m_service(service) {
    connect(service, &LibraryService::libraryCreated, this, &LibraryListModel::upsert);
    connect(service, &LibraryService::libraryRemoved, this, &LibraryListModel::remove);
}

LibraryListModel::~LibraryListModel() {
    if (m_job)
        m_job->cancel();
}

int LibraryListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_libraries.size());
}

int LibraryListModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LibraryListModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Library &l = m_libraries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return l.name;
        case DocumentsColumn:
            return QLocale().toString(l.documentCount);
        case SizeColumn:
            return QLocale().formattedDataSize(l.totalSize);
        }
        return {};
    case Qt::ToolTipRole:
        return index.column() == NameColumn ? l.description.value_or(QString()) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == NameColumn ? QVariant()
                                            : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Roles::LibraryIdRole:
        return l.id;
    case Roles::LibrarySortRole:
        switch (index.column()) {
        case DocumentsColumn:
            return l.documentCount;
        case SizeColumn:
            return l.totalSize;
        default:
            return l.name.toLower();
        }
    default:
        return {};
    }
}

QVariant LibraryListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case DocumentsColumn:
        return tr("Documents");
    case SizeColumn:
        return tr("Size");
    }
    return {};
}

void LibraryListModel::refresh() {
    if (m_job)
        m_job->cancel();
    loadPage({}, {});
}

void LibraryListModel::loadPage(const QString &token, QList<Library> collected) {
    if (!m_service)
        return;
    const bool wasLoading = isLoading();
    m_job = m_service->listLibraries(
        token, this, [this, collected](const ServiceResult<LibraryPage> &r) mutable {
            if (!r.ok()) {
                if (r.error.isCanceled())
                    return;
                m_job = nullptr;
                Q_EMIT loadingChanged(false);
                Q_EMIT loadFailed(r.error);
                return;
            }
            collected += r.value->libraries;
            // A token that does not move on would loop forever: stop there.
            if (!r.value->nextPageToken.isEmpty() && collected.size() < 100000
                && !r.value->libraries.isEmpty()) {
                loadPage(r.value->nextPageToken, collected);
                return;
            }
            m_job = nullptr;
            beginResetModel();
            m_libraries = collected;
            m_loaded = true;
            endResetModel();
            Q_EMIT loadingChanged(false);
        });
    if (!wasLoading)
        Q_EMIT loadingChanged(true);
}

void LibraryListModel::refreshLibrary(const QString &id) {
    if (!m_service)
        return;
    m_service->library(id, this, [this](const ServiceResult<Library> &r) {
        if (r.ok() && rowOf(r.value->id) >= 0)
            upsert(*r.value);
    });
}

Library LibraryListModel::library(int row) const {
    return row >= 0 && row < m_libraries.size() ? m_libraries.at(row) : Library();
}

int LibraryListModel::rowOf(const QString &id) const {
    for (int i = 0; i < m_libraries.size(); ++i) {
        if (m_libraries.at(i).id == id)
            return i;
    }
    return -1;
}

void LibraryListModel::upsert(const Library &library) {
    const int row = rowOf(library.id);
    if (row >= 0) {
        m_libraries[row] = library;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    const int at = int(m_libraries.size());
    beginInsertRows({}, at, at);
    m_libraries.append(library);
    endInsertRows();
}

void LibraryListModel::remove(const QString &id) {
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_libraries.removeAt(row);
    endRemoveRows();
}

} // namespace Tramontane
