// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/TargetProblemBar.h"

#include "models/ErrorPresenter.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

#include <chrono>

using namespace Qt::StringLiterals;

namespace Tramontane {

TargetProblemBar::TargetProblemBar(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_retry(new QPushButton(tr("Retry"), this)) {
    setObjectName(u"targetProblemFrame"_s);
    setFrameShape(QFrame::StyledPanel);
    m_label->setObjectName(u"targetProblemLabel"_s);
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    m_retry->setObjectName(u"targetRetryPushButton"_s);
    m_retry->setToolTip(tr("Load the models and agents again"));
    auto *icon = new QLabel(this);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(size, size));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(icon);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_retry);
    connect(m_retry, &QPushButton::clicked, this, &TargetProblemBar::retryRequested);
    m_tick.setInterval(std::chrono::seconds(1));
    connect(&m_tick, &QTimer::timeout, this, &TargetProblemBar::showCountdown);
    hide();
}

QString TargetProblemBar::text() const {
    return isHidden() ? QString() : m_label->text();
}

void TargetProblemBar::showState(const ChatTargetLoader &loader) {
    showProblem(loader.state(), loader.error(), loader.retryDelay());
}

void TargetProblemBar::showProblem(ChatTargetLoader::State state, const ApiError &error,
                                   std::chrono::milliseconds retryDelay) {
    m_tick.stop();
    QString text;
    // Without a network the loader keeps trying by itself: one steady sentence, not a
    // countdown that starts over with every attempt.
    const bool unreachable = error.isError() && ChatTargetLoader::isUnreachable(error)
                             && state != ChatTargetLoader::State::Idle
                             && state != ChatTargetLoader::State::Loaded;
    switch (state) {
    case ChatTargetLoader::State::Idle:
    case ChatTargetLoader::State::Loaded:
        break;
    case ChatTargetLoader::State::Loading:
        // Only worth a word when an earlier attempt failed.
        if (error.isError())
            text = tr("Loading the models again…");
        break;
    case ChatTargetLoader::State::RetryScheduled:
        if (unreachable)
            break;
        m_reason = ErrorPresenter::title(error);
        m_retryAt = QDeadlineTimer(retryDelay);
        m_tick.start();
        break;
    case ChatTargetLoader::State::WaitingForSettings:
    case ChatTargetLoader::State::GaveUp:
        text = tr("The models could not be loaded: %1").arg(ErrorPresenter::title(error));
        break;
    }
    if (unreachable) {
        text = tr("The server cannot be reached; Tramontane connects by itself as soon as the "
                  "network is back.");
    }
    m_label->setToolTip(unreachable
                            ? ErrorPresenter::title(error) + u' ' + ErrorPresenter::hint(error)
                            : ErrorPresenter::hint(error));
    m_retry->setEnabled(state != ChatTargetLoader::State::Loading);
    if (m_tick.isActive()) {
        showCountdown();
        show();
        return;
    }
    m_label->setText(text);
    setVisible(!text.isEmpty());
}

void TargetProblemBar::showCountdown() {
    // Rounded up, and never below one: the retry starts when the count reaches it.
    const auto left = std::chrono::milliseconds(m_retryAt.remainingTime());
    const int seconds = qMax(1, int(std::chrono::ceil<std::chrono::seconds>(left).count()));
    m_label->setText(
        tr("The models could not be loaded: %1 Trying again in %n s.", nullptr, seconds)
            .arg(m_reason));
    if (m_retryAt.hasExpired())
        m_tick.stop();
}

} // namespace Tramontane
