// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/ApiError.h"
#include "core/net/ApiJob.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <functional>
#include <optional>

namespace Tramontane {

//! What a service call delivers: a value, or the error that prevented it; plus the request id
//! (Mistral-Correlation-Id) for support, in both cases.
//!
//! The pattern every service follows: a method starts the request through ApiClient and takes
//! a `context` QObject and a callback; the callback runs exactly once on the GUI thread when
//! the request ends, unless `context` was destroyed first (then it is silently skipped). The
//! method returns the job (QPointer<ApiJob>) so the caller can cancel it; a canceled call
//! delivers an error whose isCanceled() is true, which the UI never shows as a failure.
template<typename T>
struct ServiceResult {
    std::optional<T> value;
    ApiError error;
    QString requestId;

    bool ok() const { return value.has_value(); }
    static ServiceResult success(T v, QString id = {}) {
        return ServiceResult{std::move(v), ApiError(), std::move(id)};
    }
    static ServiceResult failure(ApiError e) {
        QString id = e.requestId();
        return ServiceResult{std::nullopt, std::move(e), std::move(id)};
    }
};

//! For calls that return nothing (DELETE answers 204 or a message).
struct Done {};

template<typename T>
using ServiceCallback = std::function<void(const ServiceResult<T> &)>;

//! The failure a finished job delivers: its error, with the job's request id when the error
//! has none.
template<typename T>
ServiceResult<T> failureOf(const ApiJob *job) {
    ApiError error = job->error();
    if (error.requestId().isEmpty())
        error.setRequestId(job->requestId());
    return ServiceResult<T>::failure(std::move(error));
}

//! A succeeded job whose body has the wrong shape: an InvalidResponse error saying what was
//! expected (\a detail, technical), with the job's request id and status.
template<typename T>
ServiceResult<T> unexpectedShape(const ApiJob *job, const QString &detail) {
    ApiError error = ApiError::invalidResponse(detail, job->context());
    error.setRequestId(job->requestId());
    error.setHttpStatus(job->httpStatus());
    return ServiceResult<T>::failure(std::move(error));
}

//! The one way a service keeps the contract above. When \a job finishes, \a read turns the
//! succeeded job into the result (and may still fail, for a body of the wrong shape; it runs
//! even when \a context is gone, so a service's own signals still fire); a failed or canceled
//! job delivers its error. \a callback (may be empty) then runs once, on the GUI thread,
//! unless \a context was destroyed first; with no context it always runs. Nothing runs once
//! \a service (the caller's service, which \a read may use) is gone. Returns the job so that
//! the caller can cancel it.
template<typename T, typename Read>
QPointer<ApiJob> deliver(QObject *service, ApiJob *job, QObject *context,
                         ServiceCallback<T> callback, Read read) {
    const QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    QObject::connect(
        job, &ApiJob::finished, service,
        [job, guard, hasContext, callback = std::move(callback), read = std::move(read)] {
            ServiceResult<T> result =
                job->status() == ApiJob::Status::Succeeded ? read(job) : failureOf<T>(job);
            if ((!hasContext || guard) && callback)
                callback(result);
        });
    return job;
}

//! Delivers \a error without a request (one that could not be built), later, never inside the
//! call, as the contract says.
template<typename T>
QPointer<ApiJob> refuse(const ApiError &error, QObject *context, ServiceCallback<T> callback) {
    const QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    QTimer::singleShot(0, [error, guard, hasContext, callback = std::move(callback)] {
        if ((!hasContext || guard) && callback)
            callback(ServiceResult<T>::failure(error));
    });
    return {};
}

} // namespace Tramontane
