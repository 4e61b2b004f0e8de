// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/SettingsDialog.h"
#include "ui_SettingsDialog.h"

#include "core/ConnectionConfig.h"
#include "ui/chat/ChatSettingsPanel.h"

#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

QString megabytes(qint64 bytes) {
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
    , m_newChatPanel(new ChatSettingsPanel) {
    m_ui->setupUi(this);
    // The same form as beside a chat.
    m_newChatPanel->setObjectName(u"newChatSettingsPanel"_s);
    auto *scroll = new QScrollArea(m_ui->newChatsTab);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_newChatPanel);
    m_ui->newChatsLayout->addWidget(scroll, 1);
    connect(m_newChatPanel, &ChatSettingsPanel::edited, this, &SettingsDialog::updateEnabled);
    m_ui->themeComboBox->addItem(tr("Same as the system"), themeName(Theme::System));
    m_ui->themeComboBox->addItem(tr("Light"), themeName(Theme::Light));
    m_ui->themeComboBox->addItem(tr("Dark"), themeName(Theme::Dark));
    m_ui->languageComboBox->addItem(tr("Same as the system"), QString());
    // Each language in its own name, so that it can be found whatever the current one.
    m_ui->languageComboBox->addItem(u"English"_s, u"en"_s);
    m_ui->languageComboBox->addItem(u"Français"_s, u"fr"_s);
    m_ui->languageComboBox->addItem(u"Deutsch"_s, u"de"_s);
    m_ui->defaultModelComboBox->lineEdit()->setPlaceholderText(tr("The model used last"));
    m_ui->proxyTypeComboBox->addItem(tr("HTTP"),
                                     ProxySettings::typeName(ProxySettings::Type::Http));
    m_ui->proxyTypeComboBox->addItem(tr("SOCKS5"),
                                     ProxySettings::typeName(ProxySettings::Type::Socks5));
    setProxyPasswordStored(false);
    m_ui->keySourceLabel->setTextFormat(Qt::PlainText);
    m_ui->connectionStatusLabel->setTextFormat(Qt::PlainText);

    connect(m_ui->demoRadioButton, &QRadioButton::toggled, this, &SettingsDialog::updateEnabled);
    connect(m_ui->apiKeyLineEdit, &QLineEdit::textChanged, this, &SettingsDialog::updateEnabled);
    connect(m_ui->baseUrlLineEdit, &QLineEdit::textChanged, this, &SettingsDialog::updateEnabled);
    connect(m_ui->manualProxyRadioButton, &QRadioButton::toggled, this,
            &SettingsDialog::updateEnabled);
    connect(m_ui->proxyHostLineEdit, &QLineEdit::textChanged, this, &SettingsDialog::updateEnabled);
    connect(m_ui->proxyPortSpinBox, &QSpinBox::valueChanged, this, &SettingsDialog::updateEnabled);
    connect(m_ui->proxyUserLineEdit, &QLineEdit::textChanged, this, &SettingsDialog::updateEnabled);
    connect(m_ui->languageComboBox, &QComboBox::currentIndexChanged, this,
            &SettingsDialog::updateLanguageNote);
    connect(m_ui->testConnectionPushButton, &QPushButton::clicked, this,
            &SettingsDialog::testConnection);
    connect(m_ui->forgetKeyPushButton, &QPushButton::clicked, this,
            &SettingsDialog::confirmForgetKey);
    connect(m_ui->clearCachePushButton, &QPushButton::clicked, this, [this] {
        m_ui->clearCachePushButton->setEnabled(false);
        Q_EMIT clearCacheRequested();
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    setKeySource(KeySource::None);
    setCacheUsage(0, 0);
    updateLanguageNote();
    updateEnabled();
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::setValues(const Values &values, KeySource keySource) {
    m_ui->demoRadioButton->setChecked(values.demo);
    m_ui->apiRadioButton->setChecked(!values.demo);
    m_ui->apiKeyLineEdit->setText(values.apiKey);
    m_ui->baseUrlLineEdit->setText(values.baseUrl.isEmpty() ? QString()
                                                            : values.baseUrl.toString());
    m_ui->defaultModelComboBox->setEditText(values.defaultModel);
    m_ui->requestTimeoutSpinBox->setValue(values.requestTimeoutSeconds);
    m_ui->themeComboBox->setCurrentIndex(
        qMax(0, m_ui->themeComboBox->findData(themeName(values.theme))));
    m_ui->languageComboBox->setCurrentIndex(
        qMax(0, m_ui->languageComboBox->findData(values.language)));
    m_ui->systemProxyRadioButton->setChecked(values.proxy.mode == ProxySettings::Mode::System);
    m_ui->noProxyRadioButton->setChecked(values.proxy.mode == ProxySettings::Mode::None);
    m_ui->manualProxyRadioButton->setChecked(values.proxy.mode == ProxySettings::Mode::Manual);
    m_ui->proxyHostLineEdit->setText(values.proxy.host);
    if (values.proxy.port != 0)
        m_ui->proxyPortSpinBox->setValue(values.proxy.port);
    m_ui->proxyTypeComboBox->setCurrentIndex(
        qMax(0, m_ui->proxyTypeComboBox->findData(ProxySettings::typeName(values.proxy.type))));
    m_ui->proxyUserLineEdit->setText(values.proxy.user);
    m_ui->proxyPasswordLineEdit->setText(values.proxyPassword);
    m_ui->notificationsCheckBox->setChecked(values.notifications);
    m_ui->chatTitlesCheckBox->setChecked(values.chatTitles);
    m_ui->imageCacheSpinBox->setValue(values.imageCacheMegabytes);
    m_newChatPanel->setSettings(values.newChatDefaults);
    setKeySource(keySource);
    updateEnabled();
}

SettingsDialog::Values SettingsDialog::values() const {
    Values v;
    v.demo = m_ui->demoRadioButton->isChecked();
    v.apiKey =
        m_ui->apiKeyLineEdit->isReadOnly() ? QString() : m_ui->apiKeyLineEdit->text().trimmed();
    const QString url = m_ui->baseUrlLineEdit->text().trimmed();
    v.baseUrl = url.isEmpty() ? QUrl() : QUrl::fromUserInput(url);
    v.defaultModel = m_ui->defaultModelComboBox->currentText().trimmed();
    v.requestTimeoutSeconds = m_ui->requestTimeoutSpinBox->value();
    v.theme = themeFromName(m_ui->themeComboBox->currentData().toString());
    v.language = m_ui->languageComboBox->currentData().toString();
    v.proxy.mode = m_ui->manualProxyRadioButton->isChecked() ? ProxySettings::Mode::Manual
                   : m_ui->noProxyRadioButton->isChecked()   ? ProxySettings::Mode::None
                                                             : ProxySettings::Mode::System;
    v.proxy.host = m_ui->proxyHostLineEdit->text().trimmed();
    v.proxy.port = quint16(m_ui->proxyPortSpinBox->value());
    v.proxy.type = ProxySettings::typeFromName(m_ui->proxyTypeComboBox->currentData().toString());
    v.proxy.user = m_ui->proxyUserLineEdit->text().trimmed();
    v.proxyPassword = v.proxy.user.isEmpty() ? QString() : m_ui->proxyPasswordLineEdit->text();
    v.notifications = m_ui->notificationsCheckBox->isChecked();
    v.chatTitles = m_ui->chatTitlesCheckBox->isChecked();
    v.imageCacheMegabytes = m_ui->imageCacheSpinBox->value();
    v.newChatDefaults = m_newChatPanel->read().settings;
    return v;
}

void SettingsDialog::setKeySource(KeySource source) {
    m_keySource = source;
    const bool environment = source == KeySource::Environment;
    m_ui->apiKeyLineEdit->setPlaceholderText(
        environment                     ? tr("Set by the MISTRAL_API_KEY environment variable")
        : source == KeySource::Keychain ? tr("A key is stored in the keychain (type to replace it)")
                                        : tr("Paste the key from console.mistral.ai"));
    m_ui->apiKeyLineEdit->setReadOnly(environment);
    if (environment)
        m_ui->apiKeyLineEdit->clear();
    m_ui->keySourceLabel->setText(
        environment ? tr("Key in use: from the MISTRAL_API_KEY environment variable.")
        : source == KeySource::Keychain ? tr("Key in use: from the system keychain.")
                                        : tr("No key is stored."));
    m_ui->forgetKeyPushButton->setEnabled(source == KeySource::Keychain);
    updateEnabled();
}

void SettingsDialog::setModelChoices(const QStringList &modelIds) {
    const QString current = m_ui->defaultModelComboBox->currentText();
    m_ui->defaultModelComboBox->clear();
    m_ui->defaultModelComboBox->addItems(modelIds);
    m_ui->defaultModelComboBox->setEditText(current);
}

void SettingsDialog::setProxyPasswordStored(bool stored) {
    m_ui->proxyPasswordLineEdit->setPlaceholderText(
        stored ? tr("A password is stored in the keychain (type to replace it)")
               : tr("Kept in the system keychain"));
}

void SettingsDialog::setRunningLanguage(const QString &language) {
    m_runningLanguage = language;
    updateLanguageNote();
}

void SettingsDialog::updateLanguageNote() {
    const bool changed = m_ui->languageComboBox->currentData().toString() != m_runningLanguage;
    m_ui->languageRestartLabel->setText(
        changed ? tr("The new language applies as soon as you save; a status line still "
                     "shown keeps its words until it changes.")
                : tr("Every setting applies as soon as you save."));
}

void SettingsDialog::setCacheUsage(qint64 bytes, int files) {
    m_ui->cacheUsageLabel->setText(
        tr("In use: %1 in %n image(s).", nullptr, files).arg(megabytes(bytes)));
    m_ui->clearCachePushButton->setEnabled(files > 0);
}

QString SettingsDialog::validationProblem() const {
    const Values v = values();
    if (const QStringList chat = m_newChatPanel->problems(); !chat.isEmpty())
        return tr("New chats: %1").arg(chat.first());
    if (const QString proxy = v.proxy.problem(); !proxy.isEmpty())
        return proxy;
    if (v.demo)
        return {};
    if (!v.baseUrl.isEmpty()) {
        const QString problem = ConnectionConfig::validateBaseUrl(v.baseUrl);
        if (!problem.isEmpty())
            return problem;
    }
    if (v.apiKey.isEmpty() && m_keySource == KeySource::None)
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
    const bool manual = m_ui->manualProxyRadioButton->isChecked();
    for (QWidget *w : {static_cast<QWidget *>(m_ui->proxyHostLineEdit),
                       static_cast<QWidget *>(m_ui->proxyPortSpinBox),
                       static_cast<QWidget *>(m_ui->proxyHostLabel),
                       static_cast<QWidget *>(m_ui->proxyPortLabel),
                       static_cast<QWidget *>(m_ui->proxyTypeComboBox),
                       static_cast<QWidget *>(m_ui->proxyTypeLabel),
                       static_cast<QWidget *>(m_ui->proxyUserLineEdit),
                       static_cast<QWidget *>(m_ui->proxyUserLabel)})
        w->setEnabled(manual);
    const bool withUser = manual && !m_ui->proxyUserLineEdit->text().trimmed().isEmpty();
    m_ui->proxyPasswordLineEdit->setEnabled(withUser);
    m_ui->proxyPasswordLabel->setEnabled(withUser);
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

void SettingsDialog::confirmForgetKey() {
    QMessageBox box(QMessageBox::Question, tr("Forget the API key"),
                    tr("Delete the API key from the system keychain?"), QMessageBox::Cancel, this);
    box.setObjectName(u"forgetKeyMessageBox"_s);
    box.setInformativeText(tr("Tramontane cannot reach the Mistral platform again until you "
                              "paste a key."));
    QPushButton *forget = box.addButton(tr("Forget Key"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != forget)
        return;
    m_ui->forgetKeyPushButton->setEnabled(false);
    Q_EMIT forgetKeyRequested();
}

void SettingsDialog::keyForgetFinished(const QString &problem) {
    if (!problem.isEmpty()) {
        m_ui->forgetKeyPushButton->setEnabled(m_keySource == KeySource::Keychain);
        m_ui->keySourceLabel->setText(problem);
        return;
    }
    setKeySource(KeySource::None);
    m_ui->keySourceLabel->setText(tr("The key was deleted from the keychain."));
}

void SettingsDialog::accept() {
    if (!validationProblem().isEmpty())
        return;
    QDialog::accept();
}

} // namespace Tramontane
