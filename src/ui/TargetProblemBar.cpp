// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/TargetProblemBar.h"

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
    hide();
}

QString TargetProblemBar::text() const {
    return isHidden() ? QString() : m_label->text();
}

void TargetProblemBar::showState(const ChatTargetLoader &loader) {
    const ApiError error = loader.error();
    QString text;
    switch (loader.state()) {
    case ChatTargetLoader::State::Idle:
    case ChatTargetLoader::State::Loaded:
        break;
    case ChatTargetLoader::State::Loading:
        // Only worth a word when an earlier attempt failed.
        if (error.isError())
            text = tr("Loading the models again…");
        break;
    case ChatTargetLoader::State::RetryScheduled: {
        const int seconds =
            qMax(1, int(std::chrono::ceil<std::chrono::seconds>(loader.retryDelay()).count()));
        text = tr("The models could not be loaded: %1 Trying again in %n s.", nullptr, seconds)
                   .arg(error.title());
        break;
    }
    case ChatTargetLoader::State::WaitingForSettings:
    case ChatTargetLoader::State::GaveUp:
        text = tr("The models could not be loaded: %1").arg(error.title());
        break;
    }
    m_label->setText(text);
    m_label->setToolTip(error.hint());
    m_retry->setEnabled(loader.state() != ChatTargetLoader::State::Loading);
    setVisible(!text.isEmpty());
}

} // namespace Tramontane
