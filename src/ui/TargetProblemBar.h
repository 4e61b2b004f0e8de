// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/ChatTargetLoader.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace Tramontane {

//! Under an empty model/agent picker: why there is nothing to choose, in one sentence (the
//! error's title, its fix as the tooltip), whether it is tried again by itself, and Retry.
class TargetProblemBar final : public QFrame {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TargetProblemBar)

public:
    explicit TargetProblemBar(QWidget *parent = nullptr);

    //! Shows what \a loader says; hides itself when there is no problem to report.
    void showState(const ChatTargetLoader &loader);
    QPushButton *retryButton() const { return m_retry; }
    //! The sentence shown (empty when hidden).
    QString text() const;

Q_SIGNALS:
    void retryRequested();

private:
    QLabel *m_label;
    QPushButton *m_retry;
};

} // namespace Tramontane
