// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/MistralAuthSection.h"
#include "ui_MistralAuthSection.h"

#include "core/auth/OAuthMetadata.h"
#include "core/net/ApiJob.h"
#include "core/net/Redactor.h"
#include "core/protocol/ConnectorCredentials.h"
#include "core/services/ConnectorAuthService.h"
#include "core/services/ConnectorService.h"
#include "models/ConnectorAuthState.h"
#include "models/ErrorPresenter.h"
#include "ui/forms/StatusColors.h"

#include <QDesktopServices>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

std::optional<QJsonObject> metadataObject(const QString &text) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (!doc.isObject())
        return std::nullopt;
    const QJsonObject object = doc.object();
    if (!object.value("issuer"_L1).isString() || !object.value("token_endpoint"_L1).isString())
        return std::nullopt;
    return object;
}

} // namespace

MistralAuthSection::MistralAuthSection(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::MistralAuthSection>())
    , m_opener([](const QUrl &url) { return QDesktopServices::openUrl(url); }) {
    m_ui->setupUi(this);
    for (QLabel *label :
         {m_ui->mistralHelpLabel, m_ui->mistralErrorLabel, m_ui->connectionStateLabel})
        label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    StatusColors::paint(m_ui->mistralErrorLabel, StatusColors::Kind::Error, palette());
    m_ui->mistralErrorLabel->hide();
    m_ui->mistralClientIdLineEdit->setPlaceholderText(tr("required"));
    m_ui->mistralClientSecretLineEdit->setPlaceholderText(
        tr("sent once to Mistral, which keeps it"));
    for (QLineEdit *edit : {m_ui->mistralClientIdLineEdit, m_ui->mistralClientSecretLineEdit,
                            m_ui->metadataUrlLineEdit})
        connect(edit, &QLineEdit::textChanged, this, [this] {
            m_ui->mistralErrorLabel->hide();
            Q_EMIT changed();
        });
    connect(m_ui->metadataPlainTextEdit, &QPlainTextEdit::textChanged, this, [this] {
        m_ui->mistralErrorLabel->hide();
        Q_EMIT changed();
    });
    connect(m_ui->connectPushButton, &QPushButton::clicked, this, [this] {
        if (m_connect)
            m_connect->cancel();
        else
            connectToMistral();
    });
    connect(m_ui->disconnectPushButton, &QPushButton::clicked, this,
            &MistralAuthSection::disconnectFromMistral);
    updateUi();
}

MistralAuthSection::~MistralAuthSection() {
    if (m_connect)
        m_connect->cancel();
    if (m_job)
        m_job->cancel();
}

void MistralAuthSection::setServices(ConnectorAuthService *auth, ConnectorService *connectors) {
    m_auth = auth;
    m_connectors = connectors;
    updateUi();
}

void MistralAuthSection::setConnector(const std::optional<Connector> &connector) {
    m_connector = connector;
    m_ui->mistralClientIdLineEdit->clear();
    m_ui->mistralClientSecretLineEdit->clear();
    m_ui->metadataUrlLineEdit->clear();
    m_ui->metadataPlainTextEdit->clear();
    updateUi();
}

std::optional<QJsonObject> MistralAuthSection::currentMetadata() const {
    if (!m_connector)
        return std::nullopt;
    for (const QJsonValue &method : m_connector->supportedAuthMethods.value_or(QJsonArray())) {
        const QJsonObject m = method.toObject();
        if (m.value("method_type"_L1).toString() == "oauth2"_L1
            && m.value("oauth2_server_metadata"_L1).isObject())
            return m.value("oauth2_server_metadata"_L1).toObject();
    }
    return std::nullopt;
}

void MistralAuthSection::updateUi() {
    const bool saved = m_connector.has_value();
    if (saved) {
        const QString issuer =
            currentMetadata().value_or(QJsonObject()).value("issuer"_L1).toString();
        const QString replace = tr("To replace the client, enter the new one below (the "
                                   "metadata as JSON only); leave it empty to keep it.");
        m_ui->mistralHelpLabel->setText(
            (issuer.isEmpty()
                 ? tr("Mistral holds this connector's OAuth client and the tokens of your "
                      "sign-in; this computer keeps neither. Connect signs you in through your "
                      "browser.")
                 : tr("Mistral holds this connector's OAuth client (authorization server %1) "
                      "and the tokens of your sign-in; this computer keeps neither. Connect "
                      "signs you in through your browser.")
                       .arg(issuer))
            + u' ' + replace);
    } else {
        m_ui->mistralHelpLabel->setText(
            tr("Mistral keeps the OAuth client and the tokens of your sign-in: the client "
               "secret is sent once, when the connector is created, and is not kept on this "
               "computer. Give the authorization server's metadata as a URL or as JSON."));
    }
    // SDK 2.7.0's update takes the metadata as an object only, never as a URL.
    m_ui->metadataUrlLabel->setVisible(!saved);
    m_ui->metadataUrlLineEdit->setVisible(!saved);
    m_ui->metadataJsonLabel->setText(saved ? tr("Metadata (&JSON):") : tr("or metadata (&JSON):"));
    m_ui->mistralClientIdLineEdit->setPlaceholderText(saved ? tr("keep the current client")
                                                            : tr("required"));
    const bool canConnect = saved && m_auth && m_connectors;
    m_ui->connectPushButton->setEnabled(canConnect || m_connect);
    m_ui->connectPushButton->setText(m_connect ? tr("Cancel") : tr("C&onnect…"));
    const bool connected = saved && PlatformConnect::isConnected(*m_connector);
    m_ui->disconnectPushButton->setVisible(saved);
    m_ui->disconnectPushButton->setEnabled(canConnect && connected && !m_connect && !m_job);
    if (m_connect)
        return;
    if (!saved)
        showState(tr("Save the connector first, then connect."));
    else if (!m_job)
        showState(ConnectorAuthState::mistralStateText(*m_connector));
}

void MistralAuthSection::showState(const QString &text, bool error) {
    m_ui->connectionStateLabel->setText(text);
    StatusColors::paint(m_ui->connectionStateLabel,
                        error ? StatusColors::Kind::Error : StatusColors::Kind::Normal, palette());
}

QString MistralAuthSection::stateText() const {
    return m_ui->connectionStateLabel->text();
}

QString MistralAuthSection::validate() {
    QString error;
    QWidget *field = nullptr;
    const QString url = m_ui->metadataUrlLineEdit->text().trimmed();
    const QString json = m_ui->metadataPlainTextEdit->toPlainText().trimmed();
    const bool clientTyped = !m_ui->mistralClientIdLineEdit->text().trimmed().isEmpty();
    if (m_connector) {
        // Editing: nothing typed keeps the client Mistral holds.
        if (!clientTyped
            && (!json.isEmpty() || !m_ui->mistralClientSecretLineEdit->text().isEmpty())) {
            error = tr("Enter the client id of the new OAuth client.");
            field = m_ui->mistralClientIdLineEdit;
        } else if (!json.isEmpty() && !metadataObject(json)) {
            error = tr("The metadata must be a JSON object with at least \"issuer\" and "
                       "\"token_endpoint\".");
            field = m_ui->metadataPlainTextEdit;
        } else if (clientTyped && json.isEmpty() && !currentMetadata()) {
            error = tr("Paste the authorization server's metadata JSON: a URL can only be given "
                       "when the connector is created.");
            field = m_ui->metadataPlainTextEdit;
        }
    } else if (!clientTyped) {
        error = tr("Enter the client id of the OAuth app registered with the provider.");
        field = m_ui->mistralClientIdLineEdit;
    } else if (!url.isEmpty() && !json.isEmpty()) {
        error = tr("Give either the metadata URL or the metadata JSON, not both.");
        field = m_ui->metadataUrlLineEdit;
    } else if (url.isEmpty() && json.isEmpty()) {
        error = tr("Give the authorization server's metadata URL, or paste its metadata JSON.");
        field = m_ui->metadataUrlLineEdit;
    } else if (!url.isEmpty() && !isAllowedOAuthUrl(QUrl(url, QUrl::StrictMode))) {
        error = tr("Enter a complete https address for the metadata (http only for this "
                   "computer).");
        field = m_ui->metadataUrlLineEdit;
    } else if (!json.isEmpty() && !metadataObject(json)) {
        error = tr("The metadata must be a JSON object with at least \"issuer\" and "
                   "\"token_endpoint\".");
        field = m_ui->metadataPlainTextEdit;
    }
    m_ui->mistralErrorLabel->setText(error);
    m_ui->mistralErrorLabel->setVisible(!error.isEmpty());
    if (field)
        field->setFocus();
    return error;
}

void MistralAuthSection::apply(ConnectorCreateRequest &request) const {
    request.oauthClientId = m_ui->mistralClientIdLineEdit->text().trimmed();
    const QString secret = m_ui->mistralClientSecretLineEdit->text();
    if (!secret.isEmpty()) {
        // Sent once in the request; never kept here, and never in a log.
        Redactor::addSecret(secret);
        request.oauthClientSecret = secret;
    }
    const QString url = m_ui->metadataUrlLineEdit->text().trimmed();
    if (!url.isEmpty())
        request.oauth2ServerMetadataUrl = url;
    else
        request.oauth2ServerMetadata = metadataObject(m_ui->metadataPlainTextEdit->toPlainText());
}

bool MistralAuthSection::hasClientChange() const {
    return m_connector && !m_ui->mistralClientIdLineEdit->text().trimmed().isEmpty();
}

void MistralAuthSection::applyUpdate(ConnectorUpdateRequest &request) const {
    if (!hasClientChange())
        return;
    QJsonObject secrets{{u"client_id"_s, m_ui->mistralClientIdLineEdit->text().trimmed()}};
    const QString secret = m_ui->mistralClientSecretLineEdit->text();
    if (!secret.isEmpty()) {
        Redactor::addSecret(secret);
        secrets.insert(u"client_secret"_s, secret);
    }
    std::optional<QJsonObject> metadata =
        metadataObject(m_ui->metadataPlainTextEdit->toPlainText());
    if (!metadata)
        metadata = currentMetadata();
    QJsonArray methods = request.authMethods.value_or(QJsonArray());
    qsizetype at = -1;
    for (qsizetype i = 0; i < methods.size(); ++i) {
        if (methods.at(i).toObject().value("method_type"_L1).toString() == "oauth2"_L1)
            at = i;
    }
    QJsonObject method =
        at >= 0 ? methods.at(at).toObject() : QJsonObject{{u"method_type"_s, u"oauth2"_s}};
    method.insert(u"oauth2_metadata_secrets"_s, secrets);
    if (metadata)
        method.insert(u"oauth2_server_metadata"_s, *metadata);
    if (at >= 0)
        methods.replace(at, method);
    else
        methods.append(method);
    request.authMethods = methods;
}

QString MistralAuthSection::fingerprint() const {
    return QStringList{m_ui->mistralClientIdLineEdit->text(),
                       m_ui->mistralClientSecretLineEdit->text().isEmpty() ? u"-"_s : u"+"_s,
                       m_ui->metadataUrlLineEdit->text(),
                       m_ui->metadataPlainTextEdit->toPlainText()}
        .join(u'\n');
}

PlatformConnect *MistralAuthSection::connectToMistral() {
    if (m_connect || !m_connector || !m_auth || !m_connectors)
        return nullptr;
    m_connect = new PlatformConnect(m_auth, m_connectors, this);
    m_connect->setObjectName(u"platformConnect"_s);
    connect(m_connect, &PlatformConnect::stageChanged, this, &MistralAuthSection::onStage);
    connect(m_connect, &PlatformConnect::browserRequested, this, [this](const QUrl &url) {
        if (!m_opener || !m_opener(url)) {
            showState(tr("The browser could not be opened."), true);
            if (m_connect)
                m_connect->cancel();
        }
    });
    connect(m_connect, &PlatformConnect::finished, this, &MistralAuthSection::onFinished);
    m_connect->start(m_connector->id);
    updateUi();
    return m_connect;
}

void MistralAuthSection::onStage(PlatformConnect::Stage stage) {
    switch (stage) {
    case PlatformConnect::Stage::AskingForAddress:
        showState(tr("Asking Mistral for the sign-in address…"));
        break;
    case PlatformConnect::Stage::WaitingForBrowser: {
        const int minutes = std::max(1, (m_connect ? m_connect->timeoutMs() : 0) / 60000);
        showState(tr("Sign in in your browser (waiting up to %n minute(s))…", nullptr, minutes));
        break;
    }
    case PlatformConnect::Stage::Checking:
        showState(tr("Checking the connection…"));
        break;
    case PlatformConnect::Stage::Idle:
        break;
    }
}

void MistralAuthSection::onFinished(const PlatformConnect::Result &result) {
    if (m_connect)
        m_connect->deleteLater();
    m_connect = nullptr;
    const bool ok = result.outcome == PlatformConnect::Outcome::Connected;
    if (ok || result.outcome == PlatformConnect::Outcome::NotConnected) {
        m_connector = result.connector;
        Q_EMIT connectionChanged(result.connector);
    }
    updateUi();
    showState(outcomeSentence(result), !ok && result.outcome != PlatformConnect::Outcome::Canceled);
}

QString MistralAuthSection::outcomeSentence(const PlatformConnect::Result &result) {
    using Outcome = PlatformConnect::Outcome;
    switch (result.outcome) {
    case Outcome::Connected:
        return tr("Connected through Mistral.");
    case Outcome::NotConnected:
        return tr("The sign-in did not complete (%1): the connector is still not connected.")
            .arg(result.detail);
    case Outcome::UnsafeUrl:
        return tr("Mistral sent a sign-in address that is not https; it was not opened.");
    case Outcome::RequestFailed:
        return ErrorPresenter::title(result.error);
    case Outcome::ListenFailed:
        return tr("No local port could be opened for the browser to come back to.");
    case Outcome::TimedOut:
        return tr("The browser did not come back in time: connect again.");
    case Outcome::Canceled:
        return tr("Connection canceled.");
    }
    return {};
}

void MistralAuthSection::disconnectFromMistral() {
    if (!m_connector || !m_auth || m_job)
        return;
    showState(tr("Disconnecting…"));
    m_job =
        m_auth->deleteUserCredentials(m_connector->id, credentialToDelete(*m_connector), this,
                                      [this](const ServiceResult<Done> &result) {
                                          m_job = nullptr;
                                          if (!result.ok()) {
                                              updateUi();
                                              showState(ErrorPresenter::title(result.error), true);
                                              return;
                                          }
                                          reread();
                                      });
    updateUi();
}

QString MistralAuthSection::credentialToDelete(const Connector &connector) {
    QStringList names;
    const QList<ConnectorCredential> credentials =
        ConnectorCredential::listFromJson(connector.connectionCredentials.value_or(QJsonArray()));
    for (const ConnectorCredential &c : credentials) {
        if (c.scope == "user"_L1 && !c.name.isEmpty())
            names.append(c.name);
    }
    return names.size() == 1 ? names.first() : QString();
}

void MistralAuthSection::reread() {
    if (!m_connector || !m_connectors)
        return;
    m_job = m_connectors->get(m_connector->id, this, [this](const ServiceResult<Connector> &r) {
        m_job = nullptr;
        if (r.ok()) {
            m_connector = *r.value;
            Q_EMIT connectionChanged(*r.value);
        }
        updateUi();
    });
}

} // namespace Tramontane
