// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ProxyCredentialsDialog.h"
#include "ui_ProxyCredentialsDialog.h"

#include <QPushButton>

namespace Tramontane {

ProxyCredentialsDialog::ProxyCredentialsDialog(const QString &proxy, const QString &user,
                                               bool failed, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ProxyCredentialsDialog>()) {
    m_ui->setupUi(this);
    m_ui->promptLabel->setText(
        failed ? tr("The proxy %1 did not accept the stored user name and password. Enter them "
                    "again to go on.")
                     .arg(proxy)
               : tr("The proxy %1 asks for a user name and password.").arg(proxy));
    m_ui->userLineEdit->setText(user);
    connect(m_ui->userLineEdit, &QLineEdit::textChanged, this,
            &ProxyCredentialsDialog::updateEnabled);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    (user.isEmpty() ? m_ui->userLineEdit : m_ui->passwordLineEdit)->setFocus();
    updateEnabled();
}

ProxyCredentialsDialog::~ProxyCredentialsDialog() = default;

QString ProxyCredentialsDialog::user() const {
    return m_ui->userLineEdit->text().trimmed();
}

QString ProxyCredentialsDialog::password() const {
    return m_ui->passwordLineEdit->text();
}

bool ProxyCredentialsDialog::remember() const {
    return m_ui->rememberCheckBox->isChecked();
}

void ProxyCredentialsDialog::updateEnabled() {
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(!user().isEmpty());
}

} // namespace Tramontane
