// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/ChatTargetLoader.h"

#include <QDeadlineTimer>
#include <QFrame>
#include <QTimer>

#include <chrono>

class QLabel;
class QPushButton;

namespace Tramontane {

//! Under an empty model/agent picker: why there is nothing to choose, in one sentence (the
//! error's title, its fix as the tooltip), whether it is tried again by itself, and Retry.
//! Without a network it says so in one steady sentence (no countdown per attempt).
class TargetProblemBar final : public QFrame {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TargetProblemBar)

public:
    explicit TargetProblemBar(QWidget *parent = nullptr);

    //! Shows what \a loader says; hides itself when there is no problem to report.
    void showState(const ChatTargetLoader &loader);
    //! The same from its parts: the loader's \a state, the \a error of the last attempt and,
    //! when a retry is scheduled, the wait before it (counted down on screen, second by second).
    void showProblem(ChatTargetLoader::State state, const ApiError &error,
                     std::chrono::milliseconds retryDelay = {});
    QPushButton *retryButton() const { return m_retry; }
    //! The sentence shown (empty when hidden).
    QString text() const;

Q_SIGNALS:
    void retryRequested();

private:
    void showCountdown();

    QLabel *m_label;
    QPushButton *m_retry;
    QTimer m_tick;
    QDeadlineTimer m_retryAt;
    QString m_reason; //!< the failed attempt's sentence, while a retry is counted down
};

} // namespace Tramontane
