// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/RetryPolicy.h"

#include "core/net/ApiError.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace Tramontane {

RetryPolicy::RetryPolicy()
    : m_random([] { return QRandomGenerator::global()->generateDouble(); }) {}

RetryPolicy RetryPolicy::never() {
    RetryPolicy p;
    p.setMaxRetries(0);
    return p;
}

void RetryPolicy::setMaxRetries(int retries) {
    m_maxRetries = std::max(0, retries);
}

void RetryPolicy::setRandomSource(RandomSource source) {
    if (source)
        m_random = std::move(source);
}

std::optional<std::chrono::milliseconds> RetryPolicy::nextDelay(const ApiError &error,
                                                                const Attempt &attempt) const {
    if (attempt.number > m_maxRetries || attempt.eventDelivered || !error.isRetryable())
        return std::nullopt;

    switch (error.kind()) {
    case ApiError::Kind::Http:
        // An error status means the server turned the request down: safe for any method.
        break;
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
        if (attempt.responseStarted && !attempt.idempotent)
            return std::nullopt;
        break;
    default:
        return std::nullopt;
    }

    if (const auto retryAfter = error.retryAfter())
        return std::clamp(*retryAfter, std::chrono::milliseconds::zero(), kMaxRetryAfter);
    return backoff(attempt.number - 1);
}

std::chrono::milliseconds RetryPolicy::backoff(int retryIndex) const {
    const double base = std::min(static_cast<double>(kBaseDelay.count())
                                     * std::pow(2.0, std::clamp(retryIndex, 0, 30)),
                                 static_cast<double>(kMaxBackoff.count()));
    const double r = std::clamp(m_random(), 0.0, 1.0);
    const double factor = 1.0 + kJitter * (2.0 * r - 1.0);
    return std::chrono::milliseconds(std::llround(base * factor));
}

} // namespace Tramontane
