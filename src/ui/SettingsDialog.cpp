// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/SettingsDialog.h"
#include "ui_SettingsDialog.h"

#include "core/ConnectionConfig.h"

#include <QPushButton>

using namespace Qt::StringLiterals;

namespace Tramontane {

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SettingsDialog>()) {
    m_ui->setupUi(this);
    connect(m_ui->demoRadioButton, &QRadioButton::toggled, this, &SettingsDialog::updateEnabled);
    connect(m_ui->apiKeyLineEdit, &QLineEdit::textChanged, this, &SettingsDialog::updateEnabled);
    connect(m_ui->baseUrlLineEdit, &QLineEdit::textChanged, this, &SettingsDialog::updateEnabled);
    connect(m_ui->testConnectionPushButton, &QPushButton::clicked, this,
            &SettingsDialog::testConnection);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    updateEnabled();
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::setValues(const Values &values, bool keyStored, bool keyFromEnvironment) {
    m_keyStored = keyStored;
    m_ui->demoRadioButton->setChecked(values.demo);
    m_ui->apiRadioButton->setChecked(!values.demo);
    m_ui->apiKeyLineEdit->setText(values.apiKey);
    m_ui->apiKeyLineEdit->setPlaceholderText(
        keyFromEnvironment ? tr("Set by the MISTRAL_API_KEY environment variable")
        : keyStored        ? tr("A key is stored in the keychain (type to replace it)")
                           : tr("Paste the key from console.mistral.ai"));
    m_ui->apiKeyLineEdit->setReadOnly(keyFromEnvironment);
    m_ui->baseUrlLineEdit->setText(values.baseUrl.isEmpty() ? QString()
                                                            : values.baseUrl.toString());
    updateEnabled();
}

SettingsDialog::Values SettingsDialog::values() const {
    Values v;
    v.demo = m_ui->demoRadioButton->isChecked();
    v.apiKey = m_ui->apiKeyLineEdit->text().trimmed();
    const QString url = m_ui->baseUrlLineEdit->text().trimmed();
    v.baseUrl = url.isEmpty() ? QUrl() : QUrl::fromUserInput(url);
    return v;
}

QString SettingsDialog::validationProblem() const {
    if (m_ui->demoRadioButton->isChecked())
        return {};
    const Values v = values();
    if (!v.baseUrl.isEmpty()) {
        const QString problem = ConnectionConfig::validateBaseUrl(v.baseUrl);
        if (!problem.isEmpty())
            return problem;
    }
    if (v.apiKey.isEmpty() && !m_keyStored && !m_ui->apiKeyLineEdit->isReadOnly())
        return tr("Enter your API key to use the Mistral platform.");
    return {};
}

void SettingsDialog::updateEnabled() {
    const bool api = m_ui->apiRadioButton->isChecked();
    for (QWidget *w :
         {static_cast<QWidget *>(m_ui->apiKeyLineEdit),
          static_cast<QWidget *>(m_ui->baseUrlLineEdit), static_cast<QWidget *>(m_ui->apiKeyLabel),
          static_cast<QWidget *>(m_ui->baseUrlLabel)})
        w->setEnabled(api);
    const QString problem = validationProblem();
    m_ui->buttonBox->button(QDialogButtonBox::Save)->setEnabled(problem.isEmpty());
    m_ui->testConnectionPushButton->setEnabled(api && problem.isEmpty() && m_tester);
    m_ui->connectionStatusLabel->setText(problem);
}

void SettingsDialog::testConnection() {
    if (!m_tester)
        return;
    const Values v = values();
    m_ui->testConnectionPushButton->setEnabled(false);
    m_ui->connectionStatusLabel->setText(tr("Testing…"));
    m_tester(v.baseUrl.isEmpty() ? ConnectionConfig::defaultBaseUrl() : v.baseUrl, v.apiKey, this,
             [this](const QString &problem) {
                 m_ui->testConnectionPushButton->setEnabled(true);
                 m_ui->connectionStatusLabel->setText(
                     problem.isEmpty() ? tr("✓ Connected: the key works.") : u"✗ "_s + problem);
             });
}

void SettingsDialog::accept() {
    if (!validationProblem().isEmpty())
        return;
    QDialog::accept();
}

} // namespace Tramontane
