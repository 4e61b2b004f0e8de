// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chat/VisionBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace Tramontane {

VisionBar::VisionBar(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_switch(new QPushButton(this)) {
    setObjectName(u"visionFrame"_s);
    setFrameShape(QFrame::StyledPanel);
    m_label->setObjectName(u"visionLabel"_s);
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    m_switch->setObjectName(u"visionSwitchPushButton"_s);
    auto *icon = new QLabel(this);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(size, size));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(icon);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_switch);
    connect(m_switch, &QPushButton::clicked, this, [this] { Q_EMIT switchRequested(m_modelId); });
    hide();
}

void VisionBar::showFor(const QString &model, const QString &visionModelId,
                        const QString &visionModelTitle) {
    m_modelId = visionModelId;
    if (visionModelId.isEmpty()) {
        m_label->setText(tr("%1 does not read images, and no model that does is available: "
                            "remove the images to send the message.")
                             .arg(model));
        m_switch->hide();
    } else {
        m_label->setText(tr("%1 does not read images: switch to a model that does, or remove "
                            "the images.")
                             .arg(model));
        m_switch->setText(tr("Use %1").arg(visionModelTitle));
        m_switch->setToolTip(
            tr("Send this chat's messages to %1, which reads images").arg(visionModelTitle));
        m_switch->show();
    }
    show();
}

QString VisionBar::text() const {
    return isHidden() ? QString() : m_label->text();
}

} // namespace Tramontane
