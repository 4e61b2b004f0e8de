// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/ApiError.h"

#include <QString>

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

} // namespace Tramontane
