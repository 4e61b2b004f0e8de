// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDeadlineTimer>
#include <QLabel>
#include <QTimer>

#include <chrono>

namespace Tramontane {

class ApiError;

//! A line in the chat while a request waits to be sent again after a failure: "Rate limited —
//! retrying in 5 s" (the service asked to wait: 429, with its Retry-After or our backoff), or
//! the like for a server or connection problem. It counts down each second and hides itself
//! when the wait is over, as the retry starts.
class RetryCountdown final : public QLabel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RetryCountdown)

public:
    explicit RetryCountdown(QWidget *parent = nullptr);

    //! Shows the countdown for a retry in \a delay after \a error.
    void start(std::chrono::milliseconds delay, const ApiError &error);
    //! Hides it (the request ended, or was stopped).
    void stop();
    //! Whole seconds left, rounded up (0 when not counting).
    int secondsLeft() const;

private:
    void tick();

    enum class Reason { RateLimited, ServerProblem, ConnectionProblem };
    Reason m_reason = Reason::RateLimited;
    QDeadlineTimer m_deadline;
    QTimer m_timer;
};

} // namespace Tramontane
