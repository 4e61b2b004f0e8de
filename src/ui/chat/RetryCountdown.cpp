// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chat/RetryCountdown.h"

#include "core/net/ApiError.h"

using namespace Qt::StringLiterals;

namespace Tramontane {

RetryCountdown::RetryCountdown(QWidget *parent)
    : QLabel(parent) {
    setObjectName(u"retryCountdownLabel"_s);
    setTextFormat(Qt::PlainText);
    setWordWrap(true);
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &RetryCountdown::tick);
    hide();
}

void RetryCountdown::start(std::chrono::milliseconds delay, const ApiError &error) {
    if (error.kind() == ApiError::Kind::Http)
        m_reason = error.httpStatus() == 429 ? Reason::RateLimited : Reason::ServerProblem;
    else
        m_reason = Reason::ConnectionProblem;
    m_deadline.setRemainingTime(delay);
    tick();
}

void RetryCountdown::stop() {
    m_timer.stop();
    m_deadline = QDeadlineTimer();
    hide();
}

int RetryCountdown::secondsLeft() const {
    if (!m_timer.isActive())
        return 0;
    return int((m_deadline.remainingTime() + 999) / 1000);
}

void RetryCountdown::tick() {
    const qint64 left = m_deadline.remainingTime();
    if (left <= 0) {
        stop(); // the retry starts now
        return;
    }
    // The next tick when the shown number changes, so each second is a second.
    m_timer.start(int(left % 1000 == 0 ? 1000 : left % 1000));
    const int seconds = int((left + 999) / 1000);
    switch (m_reason) {
    case Reason::RateLimited:
        setText(tr("Rate limited — retrying in %n s", nullptr, seconds));
        break;
    case Reason::ServerProblem:
        setText(tr("The server had a problem — retrying in %n s", nullptr, seconds));
        break;
    case Reason::ConnectionProblem:
        setText(tr("Connection problem — retrying in %n s", nullptr, seconds));
        break;
    }
    show();
}

} // namespace Tramontane
