// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>

class QTimer;

namespace Tramontane {

class ApiJob;
class LibraryDocumentModel;
class LibraryService;

//! Polls the processing status of the documents a LibraryDocumentModel shows as processing,
//! every interval, until each is ready or failed, and tells the model. One request per
//! document at a time; stop() ends the polling and cancels what is in flight (a page that is
//! no longer shown polls nothing).
class LibraryStatusPoller final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryStatusPoller)

public:
    static constexpr int kDefaultIntervalMs = 1000;

    LibraryStatusPoller(LibraryService *service, LibraryDocumentModel *model,
                        QObject *parent = nullptr);
    ~LibraryStatusPoller() override;

    void setInterval(int ms);
    void start();
    void stop();
    bool isActive() const;
    //! Status requests in flight.
    int pending() const { return int(m_jobs.size()); }

private:
    void poll();

    QPointer<LibraryService> m_service;
    LibraryDocumentModel *m_model;
    QTimer *m_timer;
    QHash<QString, QPointer<ApiJob>> m_jobs; //!< by document id
};

} // namespace Tramontane
