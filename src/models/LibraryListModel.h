// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/ApiError.h"
#include "core/protocol/Library.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

namespace Tramontane {

class ApiJob;
class LibraryService;

//! The account's document libraries, one row each: name, number of documents, total size.
//! It loads every page of `/v1/libraries`, and follows the service's signals (created,
//! removed), so a library made anywhere shows here at once.
class LibraryListModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryListModel)

public:
    enum Column { NameColumn, DocumentsColumn, SizeColumn, ColumnCount };

    explicit LibraryListModel(LibraryService *service, QObject *parent = nullptr);
    ~LibraryListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    //! Loads the list again (every page); a load in progress is canceled.
    void refresh();
    //! Reads one library again (after its documents changed, for its totals).
    void refreshLibrary(const QString &id);
    bool isLoading() const { return !m_job.isNull(); }
    bool hasLoaded() const { return m_loaded; }

    Library library(int row) const;
    int rowOf(const QString &id) const;

Q_SIGNALS:
    void loadingChanged(bool loading);
    //! The list could not be loaded (not for a canceled load).
    void loadFailed(const Tramontane::ApiError &error);

private:
    void loadPage(const QString &token, QList<Library> collected);
    void upsert(const Library &library);
    void remove(const QString &id);

    QPointer<LibraryService> m_service;
    QList<Library> m_libraries;
    QPointer<ApiJob> m_job;
    bool m_loaded = false;
};

} // namespace Tramontane
