// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ConnectorAuthSection.h"
#include "ui/forms/StatusColors.h"
#include "ui_ConnectorAuthSection.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

enum ModeIndex { DiscoverIndex, ManualIndex, GoogleIndex };

QString stepName(OAuthDiscovery::Step step) {
    switch (step) {
    case OAuthDiscovery::Step::ProbeServer:
        return ConnectorAuthSection::tr("Asking the server");
    case OAuthDiscovery::Step::ResourceMetadata:
        return ConnectorAuthSection::tr("Resource metadata");
    case OAuthDiscovery::Step::AuthorizationServerMetadata:
        return ConnectorAuthSection::tr("Authorization server");
    }
    return {};
}

} // namespace

ConnectorAuthSection::ConnectorAuthSection(QNetworkAccessManager *nam, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ConnectorAuthSection>())
    , m_nam(nam) {
    m_ui->setupUi(this);
    m_ui->oauthModeComboBox->addItem(tr("Discover from the server"));
    m_ui->oauthModeComboBox->addItem(tr("Enter the endpoints"));
    m_ui->oauthModeComboBox->addItem(tr("Google (Gmail, read-only)"));
    m_ui->googleHelpLabel->setText(
        tr("Google does not let apps register themselves: create your own OAuth client of type "
           "\"Desktop app\" in the <a href=\"https://console.cloud.google.com/apis/credentials\">"
           "Google Cloud console, APIs &amp; Services, Credentials</a> (enable the Gmail API for "
           "its project), then enter its client id and secret here."));
    // Wrapped text takes the whole width of the form, not the width of a button.
    for (QLabel *label : {m_ui->discoveryReportLabel, m_ui->googleHelpLabel, m_ui->oauthErrorLabel})
        label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    StatusColors::paint(m_ui->oauthErrorLabel, StatusColors::Kind::Error, palette());
    m_ui->oauthErrorLabel->hide();
    m_ui->clientIdLineEdit->setPlaceholderText(
        tr("optional when the server registers this app by itself"));

    connect(m_ui->oauthModeComboBox, &QComboBox::currentIndexChanged, this,
            &ConnectorAuthSection::onModeChanged);
    connect(m_ui->discoverPushButton, &QPushButton::clicked, this, &ConnectorAuthSection::discover);
    for (QLineEdit *edit :
         {m_ui->authorizationUrlLineEdit, m_ui->tokenUrlLineEdit, m_ui->scopesLineEdit,
          m_ui->clientIdLineEdit, m_ui->clientSecretLineEdit})
        connect(edit, &QLineEdit::textChanged, this, &ConnectorAuthSection::changed);
    onModeChanged();
}

ConnectorAuthSection::~ConnectorAuthSection() = default;

void ConnectorAuthSection::onModeChanged() {
    const int mode = m_ui->oauthModeComboBox->currentIndex();
    const bool discover = mode == DiscoverIndex;
    const bool google = mode == GoogleIndex;
    if (google) {
        // The preset fills what Google needs; the client is the person's own.
        const OAuthConnectorConfig preset = OAuthConnectorConfig::google();
        m_ui->authorizationUrlLineEdit->setText(preset.authorizationUrl.toString());
        m_ui->tokenUrlLineEdit->setText(preset.tokenUrl.toString());
        m_ui->scopesLineEdit->setText(preset.scope);
    }
    m_ui->discoverPushButton->setVisible(discover);
    m_ui->discoveryReportLabel->setVisible(discover && !m_report.isEmpty());
    m_ui->googleHelpLabel->setVisible(google);
    for (QWidget *w : {static_cast<QWidget *>(m_ui->authorizationUrlLabel),
                       static_cast<QWidget *>(m_ui->authorizationUrlLineEdit),
                       static_cast<QWidget *>(m_ui->tokenUrlLabel),
                       static_cast<QWidget *>(m_ui->tokenUrlLineEdit)})
        w->setVisible(!discover);
    for (QLineEdit *edit : {m_ui->authorizationUrlLineEdit, m_ui->tokenUrlLineEdit})
        edit->setReadOnly(google);
    m_ui->clientIdLineEdit->setPlaceholderText(
        discover ? tr("optional when the server registers this app by itself") : tr("required"));
    m_ui->oauthErrorLabel->hide();
    Q_EMIT changed();
}

void ConnectorAuthSection::setConfig(const OAuthConnectorConfig &config) {
    const int mode = config.preset == OAuthConnectorConfig::Preset::Google ? GoogleIndex
                     : config.mode == OAuthConnectorConfig::Mode::Manual   ? ManualIndex
                                                                           : DiscoverIndex;
    m_ui->oauthModeComboBox->setCurrentIndex(mode);
    onModeChanged();
    if (mode != GoogleIndex) {
        m_ui->authorizationUrlLineEdit->setText(config.authorizationUrl.toString());
        m_ui->tokenUrlLineEdit->setText(config.tokenUrl.toString());
    }
    if (mode != GoogleIndex || !config.scope.isEmpty())
        m_ui->scopesLineEdit->setText(config.scope);
    m_ui->clientIdLineEdit->setText(config.clientId);
}

OAuthConnectorConfig ConnectorAuthSection::config() const {
    const int mode = m_ui->oauthModeComboBox->currentIndex();
    OAuthConnectorConfig config;
    if (mode == GoogleIndex) {
        config = OAuthConnectorConfig::google();
    } else if (mode == ManualIndex) {
        config.mode = OAuthConnectorConfig::Mode::Manual;
        config.authorizationUrl = QUrl(m_ui->authorizationUrlLineEdit->text().trimmed());
        config.tokenUrl = QUrl(m_ui->tokenUrlLineEdit->text().trimmed());
    }
    config.scope = m_ui->scopesLineEdit->text().simplified();
    config.clientId = m_ui->clientIdLineEdit->text().trimmed();
    return config;
}

QString ConnectorAuthSection::clientSecret() const {
    return m_ui->clientSecretLineEdit->text();
}

void ConnectorAuthSection::setClientSecretStored(bool stored) {
    m_ui->clientSecretLineEdit->setPlaceholderText(
        stored ? tr("stored in the keychain; type to replace") : QString());
}

QString ConnectorAuthSection::validate() {
    const OAuthConnectorConfig c = config();
    QString error;
    QLineEdit *field = nullptr;
    if (c.mode == OAuthConnectorConfig::Mode::Manual) {
        for (QLineEdit *edit : {m_ui->authorizationUrlLineEdit, m_ui->tokenUrlLineEdit}) {
            const QUrl url(edit->text().trimmed());
            if (!isAllowedOAuthUrl(url)) {
                error = tr("Enter a complete https address (http only for this computer).");
                field = edit;
                break;
            }
        }
        if (error.isEmpty() && c.clientId.isEmpty()) {
            error = c.preset == OAuthConnectorConfig::Preset::Google
                        ? tr("Enter the client id of your own Google desktop OAuth client.")
                        : tr("Enter the client id the provider gave you.");
            field = m_ui->clientIdLineEdit;
        }
    }
    m_ui->oauthErrorLabel->setText(error);
    m_ui->oauthErrorLabel->setVisible(!error.isEmpty());
    if (field)
        field->setFocus();
    return error;
}

void ConnectorAuthSection::discover() {
    if (m_discovery)
        m_discovery->abort();
    m_report.clear();
    const QString server = m_serverUrl ? m_serverUrl().trimmed() : QString();
    if (server.isEmpty()) {
        StatusColors::paint(m_ui->discoveryReportLabel, StatusColors::Kind::Error, palette());
        appendReport(tr("Enter the server URL on the General tab first."));
        return;
    }
    const QUrl url(server);
    m_discovery = new OAuthDiscovery(m_nam, this);
    connect(m_discovery, &OAuthDiscovery::stepSucceeded, this,
            &ConnectorAuthSection::onStepSucceeded);
    connect(m_discovery, &OAuthDiscovery::finished, this, &ConnectorAuthSection::onDiscovered);
    m_ui->discoverPushButton->setEnabled(false);
    StatusColors::paint(m_ui->discoveryReportLabel, StatusColors::Kind::Normal, palette());
    appendReport(tr("Discovering…"));
    m_discovery->start(url);
}

void ConnectorAuthSection::onStepSucceeded(OAuthDiscovery::Step step, const QUrl &url) {
    if (m_report.value(0) == tr("Discovering…"))
        m_report.clear();
    QString found;
    switch (step) {
    case OAuthDiscovery::Step::ProbeServer:
        found = tr("the server asks for a sign-in");
        break;
    case OAuthDiscovery::Step::ResourceMetadata:
    case OAuthDiscovery::Step::AuthorizationServerMetadata:
        found = url.toDisplayString();
        break;
    }
    appendReport(u"✓ "_s + tr("%1: %2").arg(stepName(step), found));
}

void ConnectorAuthSection::onDiscovered(const OAuthDiscovery::Result &result) {
    m_discovery->deleteLater();
    m_ui->discoverPushButton->setEnabled(true);
    if (m_report.value(0) == tr("Discovering…"))
        m_report.clear();
    if (!result.ok) {
        appendReport(u"✗ "_s
                     + tr("%1 failed: %2")
                           .arg(stepName(result.failure.step), failureSentence(result.failure)));
        StatusColors::paint(m_ui->discoveryReportLabel, StatusColors::Kind::Error, palette());
        Q_EMIT discoveryFinished(result);
        return;
    }
    QString registration;
    const bool entered = !m_ui->clientIdLineEdit->text().trimmed().isEmpty();
    if (entered)
        registration = u"✓ "_s + tr("Client: the client id entered below is used.");
    else if (!result.authorizationServer.registrationEndpoint.isEmpty())
        registration =
            u"✓ "_s
            + tr("Registration: the server registers this app by itself (%1).")
                  .arg(result.authorizationServer.registrationEndpoint.toDisplayString());
    else
        registration = u"✗ "_s
                       + tr("Registration: the server does not register apps by itself; enter "
                            "the client id its provider gave you.");
    appendReport(registration);
    if (!entered && result.authorizationServer.registrationEndpoint.isEmpty())
        StatusColors::paint(m_ui->discoveryReportLabel, StatusColors::Kind::Error, palette());
    Q_EMIT discoveryFinished(result);
}

void ConnectorAuthSection::appendReport(const QString &line) {
    m_report.append(line);
    m_ui->discoveryReportLabel->setText(m_report.join(u'\n'));
    m_ui->discoveryReportLabel->setVisible(m_ui->oauthModeComboBox->currentIndex()
                                           == DiscoverIndex);
}

QString ConnectorAuthSection::discoveryReport() const {
    return m_ui->discoveryReportLabel->text();
}

QString ConnectorAuthSection::failureSentence(const OAuthDiscovery::Failure &failure) {
    const QString url = failure.url.toDisplayString();
    switch (failure.problem) {
    case OAuthDiscovery::Problem::UnsafeUrl:
        return tr("%1 is neither https nor on this computer, so it was not asked.")
            .arg(url.isEmpty() ? tr("The address") : url);
    case OAuthDiscovery::Problem::NetworkError:
        return tr("%1 did not answer (%2).").arg(url, failure.detail);
    case OAuthDiscovery::Problem::NotProtected:
        return tr("the server answered without asking for a sign-in, so it does not use OAuth: "
                  "choose None or Headers.");
    case OAuthDiscovery::Problem::UnexpectedStatus:
        return tr("%1 answered HTTP %2.").arg(url).arg(failure.status);
    case OAuthDiscovery::Problem::InvalidDocument:
        return tr("the document at %1 is not usable metadata (%2).").arg(url, failure.detail);
    case OAuthDiscovery::Problem::ResourceMismatch:
        return tr("the metadata at %1 describes another server.").arg(url);
    case OAuthDiscovery::Problem::IssuerMismatch:
        return tr("the metadata at %1 names another authorization server.").arg(url);
    case OAuthDiscovery::Problem::PkceUnsupported:
        return tr("the authorization server does not offer PKCE (S256), which a safe sign-in "
                  "needs.");
    }
    return failure.detail;
}

} // namespace Tramontane
