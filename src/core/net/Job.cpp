// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/Job.h"

namespace Tramontane {

Job::Job(ApiError::Context context, QObject *parent)
    : QObject(parent)
    , m_context(context) {}

Job::~Job() {
    abandon();
}

void Job::cancel() {
    if (m_status == Status::Pending)
        finish(Status::Canceled, ApiError::canceled(m_context));
}

void Job::abandon() {
    if (m_status == Status::Pending) {
        m_destroying = true;
        finish(Status::Canceled, ApiError::canceled(m_context));
    }
}

void Job::succeed() {
    finish(Status::Succeeded, ApiError());
}

void Job::fail(const ApiError &error) {
    finish(Status::Failed, error);
}

void Job::finish(Status status, const ApiError &error) {
    if (m_status != Status::Pending)
        return;
    m_status = status;
    m_error = error;
    handleFinish(m_error);
    Q_EMIT finished();
    if (!m_destroying)
        deleteLater();
}

} // namespace Tramontane
