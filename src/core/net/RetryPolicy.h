// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <functional>
#include <optional>

namespace Tramontane {

class ApiError;

//! When to repeat a failed request, and after how long. A pure function of the error and of
//! what is known about the attempt (plus a random source for the jitter, injectable so tests
//! are exact).
//!
//! - Retried: HTTP 429, 500, 502, 503, 504 (the server did not carry the request out), and
//!   network errors or timeouts. Never 400, 401, 403, 404, 409, 422, nor a malformed response,
//!   a cancellation, an error reported inside a stream, or an interrupted stream.
//! - A network error or timeout after a response byte arrived is retried only for idempotent
//!   methods (GET, PUT, DELETE): a POST may already have been carried out.
//! - Once a stream has delivered an event to its consumer, never: the text was shown.
//! - Delay: the server's Retry-After / retry-after-ms when given, capped at 60 s; otherwise
//!   min(0.5 s * 2^n, 8 s) for the n-th retry (n from 0), with +/-25 % jitter.
class RetryPolicy {
public:
    //! What is known about the attempt that just failed.
    struct Attempt {
        int number = 1;               //!< 1 for the first attempt, 2 for the first retry...
        bool idempotent = true;       //!< false for POST and PATCH
        bool responseStarted = false; //!< a response byte (status line onwards) had arrived
        bool eventDelivered = false;  //!< a stream had handed an event to its consumer
    };

    //! Returns a number uniformly distributed in [0, 1).
    using RandomSource = std::function<double()>;

    static constexpr int kDefaultMaxRetries = 3;
    static constexpr std::chrono::milliseconds kBaseDelay{500};
    static constexpr std::chrono::milliseconds kMaxBackoff{8000};
    static constexpr std::chrono::milliseconds kMaxRetryAfter{60000};
    static constexpr double kJitter = 0.25;

    //! Up to kDefaultMaxRetries retries, jitter from QRandomGenerator::global().
    RetryPolicy();

    //! A policy that never retries.
    static RetryPolicy never();

    int maxRetries() const { return m_maxRetries; }
    //! Number of retries after the first attempt (so maxRetries() + 1 attempts at most).
    void setMaxRetries(int retries);
    void setRandomSource(RandomSource source);

    //! The delay before the next attempt, or nullopt when the request must not be repeated.
    std::optional<std::chrono::milliseconds> nextDelay(const ApiError &error,
                                                       const Attempt &attempt) const;
    bool shouldRetry(const ApiError &error, const Attempt &attempt) const {
        return nextDelay(error, attempt).has_value();
    }
    //! The jittered exponential delay before retry number \a retryIndex (0 for the first).
    std::chrono::milliseconds backoff(int retryIndex) const;

private:
    int m_maxRetries = kDefaultMaxRetries;
    RandomSource m_random;
};

} // namespace Tramontane
