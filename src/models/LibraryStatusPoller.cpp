// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/LibraryStatusPoller.h"

#include "core/net/ApiJob.h"
#include "core/services/LibraryService.h"
#include "models/LibraryDocumentModel.h"

#include <QTimer>

namespace Tramontane {

LibraryStatusPoller::LibraryStatusPoller(LibraryService *service, LibraryDocumentModel *model,
                                         QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_model(model)
    , m_timer(new QTimer(this)) {
    m_timer->setInterval(kDefaultIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &LibraryStatusPoller::poll);
}

LibraryStatusPoller::~LibraryStatusPoller() {
    stop();
}

void LibraryStatusPoller::setInterval(int ms) {
    m_timer->setInterval(qMax(10, ms));
}

void LibraryStatusPoller::start() {
    m_timer->start();
}

void LibraryStatusPoller::stop() {
    m_timer->stop();
    const auto jobs = m_jobs;
    m_jobs.clear();
    for (const QPointer<ApiJob> &job : jobs) {
        if (job)
            job->cancel();
    }
}

bool LibraryStatusPoller::isActive() const {
    return m_timer->isActive();
}

void LibraryStatusPoller::poll() {
    if (!m_service)
        return;
    const QString libraryId = m_model->libraryId();
    const QStringList ids = m_model->processingIds();
    for (const QString &id : ids) {
        if (m_jobs.value(id))
            continue;
        m_jobs.insert(id, m_service->documentStatus(
                              libraryId, id, this,
                              [this, libraryId, id](const ServiceResult<DocumentStatus> &r) {
                                  m_jobs.remove(id);
                                  if (libraryId != m_model->libraryId())
                                      return;
                                  // A document deleted elsewhere would be asked about
                                  // forever: list the library again instead. Other failures
                                  // are asked again at the next tick.
                                  if (!r.ok()) {
                                      if (r.error.httpStatus() == 404)
                                          m_model->refresh();
                                      return;
                                  }
                                  m_model->setState(id, r.value->state);
                              }));
    }
}

} // namespace Tramontane
