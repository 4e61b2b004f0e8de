// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chat/AnswerDetailsPopup.h"

#include "models/ChatItem.h"
#include "ui_AnswerDetailsPopup.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QLocale>
#include <QScreen>

namespace Tramontane {

namespace {

enum Row { ModelRow, PromptTokensRow, CompletionTokensRow, TotalTokensRow, RequestIdRow };

} // namespace

AnswerDetailsPopup::AnswerDetailsPopup(const ChatItem &item, QWidget *parent)
    : QFrame(parent, Qt::Popup)
    , m_ui(std::make_unique<Ui::AnswerDetailsPopup>()) {
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("answerDetailsFrame"));
    setAttribute(Qt::WA_DeleteOnClose);

    m_ui->modelLabel->setText(item.model);
    setRowVisible(ModelRow, !item.model.isEmpty());
    const QLocale locale;
    if (item.usage) {
        m_ui->promptTokensLabel->setText(locale.toString(item.usage->promptTokens));
        m_ui->completionTokensLabel->setText(locale.toString(item.usage->completionTokens));
        m_ui->totalTokensLabel->setText(locale.toString(item.usage->totalTokens));
    }
    for (const Row row : {PromptTokensRow, CompletionTokensRow, TotalTokensRow})
        setRowVisible(row, item.usage.has_value());

    m_ui->requestIdLineEdit->setText(item.requestId);
    m_ui->requestIdLineEdit->setMinimumWidth(
        m_ui->requestIdLineEdit->fontMetrics().horizontalAdvance(item.requestId) + 16);
    setRowVisible(RequestIdRow, !item.requestId.isEmpty());
    connect(m_ui->copyRequestIdToolButton, &QToolButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_ui->requestIdLineEdit->text());
        m_ui->copyRequestIdToolButton->setText(tr("Copied"));
    });
}

AnswerDetailsPopup::~AnswerDetailsPopup() = default;

void AnswerDetailsPopup::setRowVisible(int row, bool visible) {
    m_ui->detailsFormLayout->setRowVisible(row, visible);
}

void AnswerDetailsPopup::showBelow(const QRect &anchor) {
    adjustSize();
    QPoint pos(anchor.left(), anchor.bottom() + 4);
    if (const QScreen *screen = QGuiApplication::screenAt(anchor.center())) {
        const QRect available = screen->availableGeometry();
        if (pos.y() + height() > available.bottom())
            pos.setY(anchor.top() - height() - 4);
        pos.setX(qMin(pos.x(), available.right() - width()));
    }
    move(pos);
    show();
}

} // namespace Tramontane
