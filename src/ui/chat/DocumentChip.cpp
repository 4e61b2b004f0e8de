// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chat/DocumentChip.h"

#include "ui/chat/ChatStyle.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace Tramontane {

DocumentChip::DocumentChip(const QString &name, qint64 bytes, QWidget *parent)
    : QFrame(parent)
    , m_name(name)
    , m_bytes(bytes)
    , m_text(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_remove(new QToolButton(this)) {
    setObjectName(u"documentChip"_s);
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 2, 2, 2);
    layout->setSpacing(6);
    const ChatStyle style;
    const QColor colour = palette().color(QPalette::ButtonText);
    auto *icon = new QLabel(this);
    icon->setPixmap(style.icon(u"file"_s, colour, 16, devicePixelRatioF()));
    layout->addWidget(icon);
    m_text->setObjectName(u"documentLabel"_s);
    m_text->setTextFormat(Qt::PlainText);
    layout->addWidget(m_text);
    m_progress->setObjectName(u"documentProgressBar"_s);
    m_progress->setFixedWidth(72);
    m_progress->setMaximumHeight(8);
    m_progress->setTextVisible(false);
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    layout->addWidget(m_progress);
    m_remove->setObjectName(u"removeDocumentToolButton"_s);
    m_remove->setAutoRaise(true);
    m_remove->setFocusPolicy(Qt::StrongFocus);
    m_remove->setIcon(QIcon(style.icon(u"cross"_s, colour, 12, devicePixelRatioF())));
    m_remove->setToolTip(tr("Remove %1").arg(name));
    m_remove->setAccessibleName(tr("Remove %1").arg(name));
    layout->addWidget(m_remove);
    connect(m_remove, &QToolButton::clicked, this, &DocumentChip::removeRequested);
    setAccessibleName(name);
    updateTexts();
}

void DocumentChip::setProgress(qint64 sent, qint64 total) {
    m_progress->show();
    m_progress->setRange(0, 1000);
    m_progress->setValue(
        total > 0 ? int(qBound<qint64>(qint64(0), sent * 1000 / total, qint64(1000))) : 0);
}

void DocumentChip::setBusy() {
    m_progress->show();
    m_progress->setRange(0, 0);
}

void DocumentChip::setReady(const QString &state) {
    m_progress->hide();
    setState(state);
}

void DocumentChip::setState(const QString &state) {
    m_state = state;
    updateTexts();
}

QString DocumentChip::state() const {
    return m_state;
}

void DocumentChip::updateTexts() {
    const QString size = QLocale().formattedDataSize(m_bytes);
    const QString name = fontMetrics().elidedText(m_name, Qt::ElideMiddle, 220);
    m_text->setText(m_state.isEmpty() ? tr("%1 (%2)").arg(name, size)
                                      : tr("%1 (%2) · %3").arg(name, size, m_state));
    setToolTip(m_state.isEmpty() ? tr("%1, %2").arg(m_name, size)
                                 : tr("%1, %2: %3").arg(m_name, size, m_state));
}

} // namespace Tramontane
