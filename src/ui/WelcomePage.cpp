// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/WelcomePage.h"
#include "ui_WelcomePage.h"

#include <QPushButton>

using namespace Qt::StringLiterals;

namespace Tramontane {

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::WelcomePage>()) {
    m_ui->setupUi(this);
    QFont title = m_ui->titleLabel->font();
    title.setPointSizeF(title.pointSizeF() * 1.6);
    title.setBold(true);
    m_ui->titleLabel->setFont(title);
    m_ui->statusLabel->setTextFormat(Qt::PlainText);
    m_ui->addressLabel->setTextFormat(Qt::PlainText);
    m_ui->addressLabel->hide();
    m_ui->statusLabel->hide();
    m_ui->connectPushButton->setEnabled(false);
    connect(m_ui->apiKeyLineEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_ui->connectPushButton->setEnabled(!text.trimmed().isEmpty());
    });
    connect(m_ui->apiKeyLineEdit, &QLineEdit::returnPressed, this, &WelcomePage::submit);
    connect(m_ui->connectPushButton, &QPushButton::clicked, this, &WelcomePage::submit);
    connect(m_ui->demoPushButton, &QPushButton::clicked, this, &WelcomePage::demoRequested);
    setFocusProxy(m_ui->apiKeyLineEdit);
}

WelcomePage::~WelcomePage() = default;

void WelcomePage::setBaseUrl(const QUrl &baseUrl) {
    const bool other = baseUrl.isValid() && baseUrl.host() != "api.mistral.ai"_L1;
    m_ui->addressLabel->setText(
        tr("The key is checked against %1 (set in Settings).").arg(baseUrl.toDisplayString()));
    m_ui->addressLabel->setVisible(other);
}

void WelcomePage::submit() {
    const QString key = m_ui->apiKeyLineEdit->text().trimmed();
    if (key.isEmpty() || !m_ui->apiKeyLineEdit->isEnabled())
        return;
    m_ui->apiKeyLineEdit->setEnabled(false);
    m_ui->connectPushButton->setEnabled(false);
    m_ui->statusLabel->setText(tr("Checking the key…"));
    m_ui->statusLabel->show();
    Q_EMIT keySubmitted(key);
}

void WelcomePage::keyCheckFinished(const QString &problem) {
    m_ui->apiKeyLineEdit->setEnabled(true);
    m_ui->connectPushButton->setEnabled(!m_ui->apiKeyLineEdit->text().trimmed().isEmpty());
    if (problem.isEmpty()) {
        m_ui->statusLabel->setText(tr("✓ The key works."));
        return;
    }
    m_ui->statusLabel->setText(problem);
    m_ui->apiKeyLineEdit->setFocus();
    m_ui->apiKeyLineEdit->selectAll();
}

void WelcomePage::showProblem(const QString &problem) {
    m_ui->statusLabel->setText(problem);
    m_ui->statusLabel->setVisible(!problem.isEmpty());
}

} // namespace Tramontane
