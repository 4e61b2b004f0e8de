// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ConnectorEditorDialog.h"
#include "ui_ConnectorEditorDialog.h"

#include "core/Logging.h"
#include "core/auth/OAuthTokenManager.h"
#include "core/auth/OAuthTokenStore.h"
#include "core/auth/SecretStore.h"
#include "core/net/ApiJob.h"
#include "core/net/Redactor.h"
#include "core/services/ConnectorPolicy.h"
#include "core/services/ConnectorService.h"
#include "models/ConnectorAuthState.h"
#include "models/ConnectorHeadersModel.h"
#include "models/ErrorPresenter.h"
#include "models/McpReportPresenter.h"
#include "ui/ConnectorAuthSection.h"
#include "ui/ConnectorHeaderDelegate.h"
#include "ui/ConnectorSignInDialog.h"
#include "ui/ConnectorToolsDialog.h"
#include "ui/MistralAuthSection.h"

#include <QApplication>
#include <QDesktopServices>
#include <QHeaderView>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTableView>

#include <tuple>
#include <utility>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

std::optional<QString> nonEmpty(const QString &text) {
    if (text.isEmpty())
        return std::nullopt;
    return text;
}

} // namespace

ConnectorEditorDialog::ConnectorEditorDialog(ConnectorService *service, SecretStore *secrets,
                                             McpConnectionTest *connectionTest,
                                             QNetworkAccessManager *nam,
                                             ToolApprovalStore *approvals, QWidget *parent)
    : FormDialog(parent)
    , m_ui(std::make_unique<Ui::ConnectorEditorDialog>())
    , m_service(service)
    , m_secrets(secrets)
    , m_approvals(approvals)
    , m_test(connectionTest)
    , m_headers(new ConnectorHeadersModel(this))
    , m_nam(nam) {
    m_test->setParent(this);
    m_ui->setupUi(this);
    setupVisibility();

    m_ui->authenticationComboBox->addItem(tr("None"), int(AuthMethod::None));
    m_ui->authenticationComboBox->addItem(tr("Headers"), int(AuthMethod::Headers));
    m_ui->authenticationComboBox->addItem(tr("OAuth 2.0 (sign in through the browser)"),
                                          int(AuthMethod::OAuth));
    m_auth = new ConnectorAuthSection(nam, m_ui->authenticationTab);
    m_auth->setObjectName(u"connectorAuthSection"_s);
    m_auth->setServerUrlProvider([this] { return m_ui->serverLineEdit->text(); });
    m_ui->oauthSectionLayout->addWidget(m_auth);
    m_ui->authenticationComboBox->addItem(tr("OAuth 2.0, held by Mistral (connect through the "
                                             "browser)"),
                                          int(AuthMethod::MistralOAuth));
    m_mistral = new MistralAuthSection(m_ui->authenticationTab);
    m_mistral->setObjectName(u"mistralAuthSection"_s);
    m_mistral->setServices(nullptr, service);
    m_mistral->setBrowserOpener([this](const QUrl &url) {
        return m_browserOpener ? m_browserOpener(url) : QDesktopServices::openUrl(url);
    });
    m_ui->oauthSectionLayout->addWidget(m_mistral);
    connect(m_ui->authenticationComboBox, &QComboBox::currentIndexChanged, this,
            &ConnectorEditorDialog::updateAuthUi);
    connect(m_ui->signInPushButton, &QPushButton::clicked, this, &ConnectorEditorDialog::signIn);
    // A sign-in made before the first save is for the server it was made with.
    connect(m_ui->serverLineEdit, &QLineEdit::textEdited, this, [this] {
        if (m_pendingTokens) {
            m_pendingTokens.reset();
            updateSignInState();
        }
    });
    updateAuthUi();

    setupHeaders();

    // The server line is checked as it is typed (validateServerLive()), so it is not cleared
    // with the others.
    addErrorLabels({m_ui->titleErrorLabel, m_ui->nameErrorLabel, m_ui->descriptionErrorLabel,
                    m_ui->visibilityErrorLabel, m_ui->iconUrlErrorLabel, m_ui->headersErrorLabel,
                    m_ui->systemPromptErrorLabel, m_ui->generalErrorLabel});
    setStatusKind(m_ui->serverErrorLabel, StatusColors::Kind::Error);
    m_ui->serverErrorLabel->hide();
    for (QLabel *label :
         {m_ui->titleErrorLabel, m_ui->nameErrorLabel, m_ui->descriptionErrorLabel,
          m_ui->serverErrorLabel, m_ui->visibilityErrorLabel, m_ui->iconUrlErrorLabel,
          m_ui->headersErrorLabel, m_ui->systemPromptErrorLabel, m_ui->generalErrorLabel}) {
        // Extra room goes to the text fields, never to an error line.
        label->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    }
    setStatusLabel(m_ui->generalErrorLabel);
    setBusyWidgets({m_ui->savePushButton, m_ui->tabWidget});
    for (const auto &[key, label, field] :
         {std::tuple<const char *, QLabel *, QWidget *>{"name", m_ui->nameErrorLabel,
                                                        m_ui->nameLineEdit},
          {"title", m_ui->titleErrorLabel, m_ui->titleLineEdit},
          {"description", m_ui->descriptionErrorLabel, m_ui->descriptionPlainTextEdit},
          {"server", m_ui->serverErrorLabel, m_ui->serverLineEdit},
          {"visibility", m_ui->visibilityErrorLabel, m_ui->visibilityComboBox},
          {"icon_url", m_ui->iconUrlErrorLabel, m_ui->iconUrlLineEdit},
          {"system_prompt", m_ui->systemPromptErrorLabel, m_ui->systemPromptPlainTextEdit},
          {"global_headers", m_ui->headersErrorLabel, m_ui->headersTableView},
          {"headers", m_ui->headersErrorLabel, m_ui->headersTableView},
          {"auth_methods", m_ui->headersErrorLabel, m_ui->headersTableView}})
        fieldErrors().add(QString::fromLatin1(key), label, field);

    connect(m_ui->titleLineEdit, &QLineEdit::textEdited, this,
            &ConnectorEditorDialog::onTitleEdited);
    connect(m_ui->nameLineEdit, &QLineEdit::textEdited, this, [this](const QString &text) {
        // An emptied name goes back to following the title.
        m_nameEdited = !text.isEmpty();
    });
    connect(m_ui->nameLineEdit, &QLineEdit::textChanged, this,
            &ConnectorEditorDialog::validateNameLive);
    connect(m_ui->serverLineEdit, &QLineEdit::textChanged, this,
            &ConnectorEditorDialog::validateServerLive);
    connect(m_ui->addHeaderPushButton, &QPushButton::clicked, this,
            &ConnectorEditorDialog::addHeader);
    connect(m_ui->removeHeaderPushButton, &QPushButton::clicked, this,
            &ConnectorEditorDialog::removeSelectedHeader);
    connect(m_ui->testConnectionPushButton, &QPushButton::clicked, this,
            &ConnectorEditorDialog::testConnection);
    connect(m_ui->testToolsPushButton, &QPushButton::clicked, this,
            &ConnectorEditorDialog::showTestTools);
    connect(m_ui->savePushButton, &QPushButton::clicked, this, &ConnectorEditorDialog::save);
    connect(m_ui->cancelPushButton, &QPushButton::clicked, this, &ConnectorEditorDialog::reject);
    connect(m_test, &McpConnectionTest::finished, this, &ConnectorEditorDialog::onTestFinished);
    connect(m_test, &McpConnectionTest::started, this, [this] {
        m_ui->testConnectionPushButton->setEnabled(false);
        setStatusKind(m_ui->testHeadlineLabel, StatusColors::Kind::Normal);
        m_ui->testHeadlineLabel->setText(tr("Testing…"));
        m_ui->testDetailsLabel->clear();
        m_ui->testToolsPushButton->hide();
    });

    m_initial = snapshot();
}

ConnectorEditorDialog::~ConnectorEditorDialog() {
    if (m_saveJob)
        m_saveJob->cancel();
}

void ConnectorEditorDialog::setupVisibility() {
    m_ui->visibilityComboBox->addItem(tr("Private (only me)"), u"private"_s);
    m_ui->visibilityComboBox->addItem(tr("Shared with my workspace"), u"shared_workspace"_s);
    m_ui->visibilityComboBox->addItem(tr("Shared with my organization (admins)"), u"shared_org"_s);
}

void ConnectorEditorDialog::setConnector(const Connector &connector) {
    m_original = connector;
    m_saved = connector;
    setWindowTitle(tr("Edit Connector %1").arg(connector.displayName()));
    m_ui->titleLineEdit->setText(connector.title.value_or(QString()));
    m_ui->nameLineEdit->setText(connector.name);
    m_nameEdited = true; // the title no longer suggests the name of an existing connector
    m_ui->descriptionPlainTextEdit->setPlainText(connector.description);
    m_ui->serverLineEdit->setText(connector.server.value_or(QString()));
    int index = m_ui->visibilityComboBox->findData(connector.visibility);
    if (index < 0) {
        m_ui->visibilityComboBox->addItem(connector.visibility.isEmpty() ? tr("Unknown")
                                                                         : connector.visibility,
                                          connector.visibility);
        index = m_ui->visibilityComboBox->count() - 1;
    }
    m_ui->visibilityComboBox->setCurrentIndex(index);
    // The update request of the API has no visibility (sharing has its own endpoints).
    m_ui->visibilityComboBox->setEnabled(false);
    m_ui->visibilityComboBox->setToolTip(tr("The visibility is chosen when the connector is "
                                            "created."));
    m_ui->iconUrlLineEdit->setText(connector.iconUrl.value_or(QString()));
    m_ui->systemPromptPlainTextEdit->setPlainText(connector.systemPrompt.value_or(QString()));

    const QList<ConnectorHeader> headers = connector.headers();
    m_headers->setStoredHeaders(headers);

    // Secret values: read what this computer kept, to test and to send again if needed.
    if (m_secrets) {
        for (const ConnectorHeader &header : headers) {
            if (!header.secret)
                continue;
            const QString name = header.name;
            ++m_pendingSecretReads;
            m_secrets->read(SecretStore::connectorHeaderEntry(connector.id, name), this,
                            [this, name](const SecretStore::Result &result) {
                                if (result.ok && result.value) {
                                    Redactor::addSecret(*result.value);
                                    m_headers->setKeychainValue(name, *result.value);
                                }
                                if (--m_pendingSecretReads == 0)
                                    onSecretsRead();
                            });
        }
    }
    std::optional<OAuthConnectorConfig> oauth;
    if (m_settings)
        oauth = OAuthConnectorConfig::load(*m_settings, connector.id);
    m_hadOAuth = oauth.has_value();
    AuthMethod method = headers.isEmpty() ? AuthMethod::None : AuthMethod::Headers;
    m_mistral->setConnector(connector);
    if (!oauth && ConnectorAuthState::isMistralHeld(connector))
        method = AuthMethod::MistralOAuth;
    if (oauth) {
        method = AuthMethod::OAuth;
        m_auth->setConfig(*oauth);
    }
    m_ui->authenticationComboBox->setCurrentIndex(
        m_ui->authenticationComboBox->findData(int(method)));
    if (m_secrets && oauth) {
        m_secrets->read(OAuthConnectorConfig::clientSecretEntry(connector.id), this,
                        [this](const SecretStore::Result &result) {
                            m_auth->setClientSecretStored(result.ok && result.value
                                                          && !result.value->isEmpty());
                        });
    }
    updateAuthUi();
    m_initial = snapshot();
    validateServerLive();
}

void ConnectorEditorDialog::setOAuth(OAuthTokenManager *manager, OAuthTokenStore *tokens,
                                     QSettings *settings) {
    m_oauthManager = manager;
    m_oauthTokens = tokens;
    m_settings = settings;
    updateAuthUi();
}

void ConnectorEditorDialog::setPlatformAuth(ConnectorAuthService *auth) {
    m_mistral->setServices(auth, m_service);
}

ConnectorEditorDialog::AuthMethod ConnectorEditorDialog::authMethod() const {
    return AuthMethod(m_ui->authenticationComboBox->currentData().toInt());
}

void ConnectorEditorDialog::updateAuthUi() {
    const AuthMethod method = authMethod();
    switch (method) {
    case AuthMethod::None:
        m_ui->authenticationHelpLabel->setText(tr("The server needs no sign-in."));
        break;
    case AuthMethod::Headers:
        m_ui->authenticationHelpLabel->setText(
            tr("The headers of the Headers tab (e.g. Authorization: Bearer …) are sent with every "
               "request."));
        break;
    case AuthMethod::OAuth:
        m_ui->authenticationHelpLabel->setText(
            tr("You sign in through your browser; this computer keeps the tokens in the system "
               "keychain and renews them when they expire."));
        break;
    case AuthMethod::MistralOAuth:
        m_ui->authenticationHelpLabel->setText(
            tr("You connect through your browser; Mistral keeps the OAuth client and your "
               "tokens, and signs the requests to the server."));
        break;
    }
    m_mistral->setVisible(method == AuthMethod::MistralOAuth);
    const bool oauth = method == AuthMethod::OAuth;
    m_auth->setVisible(oauth);
    m_ui->signInPushButton->setVisible(oauth);
    m_ui->signInStateLabel->setVisible(oauth);
    const bool canSignIn = m_oauthManager;
    m_ui->signInPushButton->setEnabled(canSignIn);
    m_ui->signInPushButton->setToolTip(
        canSignIn ? tr("Sign in through your browser; the tokens are kept in the system keychain.")
                  : QString());
    if (oauth)
        updateSignInState();
}

void ConnectorEditorDialog::updateSignInState() {
    if (!isEditing()) {
        m_ui->signInStateLabel->setText(m_pendingTokens
                                            ? tr("Signed in; kept when you save the connector")
                                            : tr("Not signed in"));
        return;
    }
    if (!m_oauthTokens || !m_oauthManager) {
        m_ui->signInStateLabel->clear();
        return;
    }
    const QString id = m_original->id;
    m_oauthTokens->load(
        id, this, [this, id](const std::optional<OAuthTokens> &tokens, const QString &) {
            if (!m_oauthManager)
                return;
            m_ui->signInStateLabel->setText(ConnectorSignInDialog::stateText(
                tokens, m_oauthManager->state(id), QDateTime::currentDateTimeUtc()));
        });
}

ConnectorSignInDialog *ConnectorEditorDialog::signIn() {
    if (!m_oauthManager)
        return nullptr;
    if (!m_auth->validate().isEmpty())
        return nullptr;
    auto *dialog = new ConnectorSignInDialog(m_nam, m_secrets, m_oauthManager, m_settings, this);
    dialog->setObjectName(u"connectorSignInDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_browserOpener)
        dialog->setBrowserOpener(m_browserOpener);
    const QUrl server(m_ui->serverLineEdit->text().trimmed());
    if (isEditing()) {
        dialog->setConnector(m_original->id, m_original->displayName(), server);
    } else {
        // Not on the server yet: the tokens wait here for the first save.
        const QString title = m_ui->titleLineEdit->text().trimmed();
        dialog->setConnector(QString(), title.isEmpty() ? m_ui->nameLineEdit->text() : title,
                             server);
        dialog->signIn()->setKeepPending(true);
    }
    connect(dialog, &ConnectorSignInDialog::signInFinished, this,
            [this, dialog](const ConnectorSignIn::Result &result) {
                if (result.pending && result.outcome == ConnectorSignIn::Outcome::SignedIn)
                    m_pendingTokens = dialog->signIn()->pendingTokens();
                updateSignInState();
            });
    dialog->open();
    dialog->start(m_auth->config(), m_auth->clientSecret());
    return dialog;
}

Connector ConnectorEditorDialog::connector() const {
    return m_saved;
}

void ConnectorEditorDialog::setupHeaders() {
    QTableView *view = m_ui->headersTableView;
    view->setModel(m_headers);
    view->setItemDelegate(new ConnectorHeaderDelegate(view));
    QHeaderView *header = view->horizontalHeader();
    header->setSectionResizeMode(ConnectorHeadersModel::NameColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(ConnectorHeadersModel::ValueColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(ConnectorHeadersModel::SecretColumn,
                                 QHeaderView::ResizeToContents);
    // An error about the headers goes once they are edited.
    connect(m_headers, &QAbstractItemModel::dataChanged, m_ui->headersErrorLabel, &QLabel::hide);
}

void ConnectorEditorDialog::addHeader() {
    const int row = m_headers->addHeader();
    const QModelIndex name = m_headers->index(row, ConnectorHeadersModel::NameColumn);
    m_ui->headersTableView->setCurrentIndex(name); // opens its editor (AllEditTriggers)
    if (!m_ui->headersTableView->indexWidget(name))
        m_ui->headersTableView->edit(name);
    if (QWidget *editor = m_ui->headersTableView->indexWidget(name))
        editor->setFocus();
}

void ConnectorEditorDialog::removeSelectedHeader() {
    int row = m_ui->headersTableView->currentIndex().row();
    if (row < 0)
        row = m_headers->rowCount() - 1;
    m_headers->removeHeader(row);
}

void ConnectorEditorDialog::onTitleEdited(const QString &title) {
    if (isEditing() || m_nameEdited)
        return;
    m_ui->nameLineEdit->setText(title.trimmed().isEmpty() ? QString() : connectorNameFrom(title));
}

void ConnectorEditorDialog::validateNameLive() {
    const QString name = m_ui->nameLineEdit->text();
    const QString error = name.isEmpty() && !m_triedSave ? QString() : connectorNameError(name);
    m_ui->nameErrorLabel->setText(error);
    m_ui->nameErrorLabel->setVisible(!error.isEmpty());
}

void ConnectorEditorDialog::validateServerLive() {
    const QString text = m_ui->serverLineEdit->text();
    const ServerUrlCheck check = checkServerUrl(text);
    QString message = check.message;
    if (text.trimmed().isEmpty() && !m_triedSave)
        message.clear();
    setStatusKind(m_ui->serverErrorLabel, check.verdict == ServerUrlCheck::Verdict::LoopbackHttp
                                              ? StatusColors::Kind::Warning
                                              : StatusColors::Kind::Error);
    m_ui->serverErrorLabel->setText(
        check.verdict == ServerUrlCheck::Verdict::LoopbackHttp ? u"⚠ "_s + message : message);
    m_ui->serverErrorLabel->setVisible(!message.isEmpty());
}

ConnectorEditorDialog::Snapshot ConnectorEditorDialog::snapshot() const {
    Snapshot s;
    s.title = m_ui->titleLineEdit->text();
    s.name = m_ui->nameLineEdit->text();
    s.description = m_ui->descriptionPlainTextEdit->toPlainText();
    s.server = m_ui->serverLineEdit->text();
    s.visibility = m_ui->visibilityComboBox->currentData().toString();
    s.iconUrl = m_ui->iconUrlLineEdit->text();
    s.systemPrompt = m_ui->systemPromptPlainTextEdit->toPlainText();
    s.headers = m_headers->headers();
    s.authMethod = m_ui->authenticationComboBox->currentIndex();
    if (authMethod() == AuthMethod::OAuth) {
        s.oauth = m_auth->config();
        s.oauthSecretTyped = !m_auth->clientSecret().isEmpty();
    }
    if (authMethod() == AuthMethod::MistralOAuth)
        s.mistral = m_mistral->fingerprint();
    return s;
}

bool ConnectorEditorDialog::hasUnsavedChanges() const {
    return !(snapshot() == m_initial);
}

bool ConnectorEditorDialog::headersChanged() const {
    // Only connector-wide headers are sent; a value typed for a per-user credential is kept
    // on this computer for the connection test.
    auto global = [](QList<ConnectorHeader> headers) {
        headers.removeIf([](const ConnectorHeader &h) { return !h.global; });
        return headers;
    };
    return !(global(snapshot().headers) == global(m_initial.headers));
}

QList<ConnectorHeader> ConnectorEditorDialog::effectiveHeaders() const {
    return m_headers->effectiveHeaders();
}

void ConnectorEditorDialog::clearErrors() {
    clearErrorLabels();
    validateServerLive();
}

void ConnectorEditorDialog::showGeneralError(const QString &message) {
    m_ui->generalErrorLabel->clear();
    if (!message.isEmpty())
        showFieldError(m_ui->generalErrorLabel, message);
}

bool ConnectorEditorDialog::validateForm() {
    m_triedSave = true;
    clearErrors();
    // The focus goes to the first error: forget where it was.
    if (QWidget *focus = QApplication::focusWidget(); focus && isAncestorOf(focus))
        m_ui->savePushButton->setFocus();
    bool ok = true;
    auto fail = [&](QLabel *label, QWidget *field, const QString &message) {
        showFieldError(label, message, field);
        ok = false;
    };

    if (const QString e = connectorNameError(m_ui->nameLineEdit->text()); !e.isEmpty())
        fail(m_ui->nameErrorLabel, m_ui->nameLineEdit, e);
    if (m_ui->descriptionPlainTextEdit->toPlainText().trimmed().isEmpty())
        fail(m_ui->descriptionErrorLabel, m_ui->descriptionPlainTextEdit,
             tr("Describe what the connector gives access to."));
    if (const ServerUrlCheck check = checkServerUrl(m_ui->serverLineEdit->text());
        !check.isUsable()) {
        m_ui->serverErrorLabel->hide();
        fail(m_ui->serverErrorLabel, m_ui->serverLineEdit, check.message);
    }
    if (const QString icon = m_ui->iconUrlLineEdit->text().trimmed(); !icon.isEmpty()) {
        const QUrl url(icon, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty()
            || (url.scheme() != "https"_L1 && url.scheme() != "http"_L1))
            fail(m_ui->iconUrlErrorLabel, m_ui->iconUrlLineEdit,
                 tr("The icon address must be a complete http(s) URL."));
    }

    const bool sendHeaders = !isEditing() || headersChanged();
    if (const ConnectorHeadersModel::Problem problem = m_headers->firstProblem(sendHeaders);
        !problem.isEmpty()) {
        const QModelIndex cell = m_headers->index(problem.row, problem.column);
        m_ui->headersTableView->setCurrentIndex(cell);
        m_ui->headersTableView->scrollTo(cell);
        fail(m_ui->headersErrorLabel, m_ui->headersTableView, problem.message);
    }
    if ((authMethod() == AuthMethod::OAuth && !m_auth->validate().isEmpty())
        || (authMethod() == AuthMethod::MistralOAuth && !m_mistral->validate().isEmpty())) {
        if (ok)
            m_ui->tabWidget->setCurrentWidget(m_ui->authenticationTab);
        ok = false;
    }
    return ok;
}

std::optional<ConnectorCreateRequest> ConnectorEditorDialog::createRequest() {
    if (!validateForm())
        return std::nullopt;
    ConnectorCreateRequest request;
    request.name = m_ui->nameLineEdit->text();
    request.description = m_ui->descriptionPlainTextEdit->toPlainText().trimmed();
    request.server = m_ui->serverLineEdit->text().trimmed();
    request.title = nonEmpty(m_ui->titleLineEdit->text().trimmed());
    request.iconUrl = nonEmpty(m_ui->iconUrlLineEdit->text().trimmed());
    request.visibility = m_ui->visibilityComboBox->currentData().toString();
    request.systemPrompt = nonEmpty(m_ui->systemPromptPlainTextEdit->toPlainText());
    QList<ConnectorHeader> global;
    const QList<ConnectorHeader> headers = effectiveHeaders();
    for (const ConnectorHeader &header : headers) {
        if (header.global)
            global.append(header);
    }
    if (!global.isEmpty())
        request.globalHeaders = connectorGlobalHeadersJson(global);
    if (authMethod() == AuthMethod::MistralOAuth)
        m_mistral->apply(request);
    return request;
}

std::optional<ConnectorUpdateRequest> ConnectorEditorDialog::updateRequest() {
    if (!m_original || !validateForm())
        return std::nullopt;
    const Connector &o = *m_original;
    ConnectorUpdateRequest request;
    const QString title = m_ui->titleLineEdit->text().trimmed();
    if (title != o.title.value_or(QString()))
        request.title = title;
    if (m_ui->nameLineEdit->text() != o.name)
        request.name = m_ui->nameLineEdit->text();
    const QString description = m_ui->descriptionPlainTextEdit->toPlainText().trimmed();
    if (description != o.description)
        request.description = description;
    const QString server = m_ui->serverLineEdit->text().trimmed();
    if (server != o.server.value_or(QString()))
        request.server = server;
    const QString icon = m_ui->iconUrlLineEdit->text().trimmed();
    if (icon != o.iconUrl.value_or(QString()))
        request.iconUrl = icon;
    const QString prompt = m_ui->systemPromptPlainTextEdit->toPlainText();
    if (prompt != o.systemPrompt.value_or(QString()))
        request.systemPrompt = prompt;
    if (headersChanged())
        request.setGlobalHeaders(o, effectiveHeaders());
    if (authMethod() == AuthMethod::MistralOAuth && m_mistral->hasClientChange()) {
        // auth_methods replaces the methods as a whole: the headers go along, with their values.
        if (!request.authMethods)
            request.setGlobalHeaders(o, effectiveHeaders());
        m_mistral->applyUpdate(request);
    }
    return request;
}

void ConnectorEditorDialog::onSecretsRead() {
    if (m_testWhenRead) {
        m_testWhenRead = false;
        testConnection();
    }
    if (m_saveWhenRead) {
        m_saveWhenRead = false;
        setState(State::Editing);
        save();
    }
}

void ConnectorEditorDialog::save() {
    if (isSaving() || !m_service)
        return;
    if (m_pendingSecretReads > 0) {
        // The stored secret values are needed if the headers are sent again.
        m_saveWhenRead = true;
        setState(State::Loading);
        return;
    }
    setState(State::Validating);
    auto done = [this](const ServiceResult<Connector> &result) {
        m_saveJob = nullptr;
        if (result.ok()) {
            onSaved(*result.value);
            return;
        }
        setState(State::Failed);
        applyServerError(result.error);
        failApply(result.error);
    };
    if (isEditing()) {
        const auto request = updateRequest();
        if (!request) {
            setState(State::Editing);
            return;
        }
        setState(State::Applying);
        if (request->isEmpty()) {
            // Nothing changes on the server's side; values typed for this computer are kept.
            onSaved(m_saved);
            return;
        }
        m_saveJob = m_service->update(m_original->id, *request, this, done);
        return;
    }
    const auto request = createRequest();
    if (!request) {
        setState(State::Editing);
        return;
    }
    setState(State::Applying);
    m_saveJob = m_service->create(*request, this, done);
}

void ConnectorEditorDialog::applyServerError(const ApiError &error) {
    if (error.isCanceled())
        return;
    clearErrors();
    bool placed = false;
    if (error.httpStatus() == 409) {
        const QString message =
            tr("A connector with this name already exists: choose another name.");
        showFieldError(m_ui->nameErrorLabel,
                       error.serverMessage().isEmpty()
                           ? message
                           : message + u" ("_s + error.serverMessage() + u')',
                       m_ui->nameLineEdit);
        placed = true;
    }
    QStringList unplaced;
    for (const FieldErrorMap::Placement &p : fieldErrors().place(error.fieldErrors())) {
        if (!p.field) {
            unplaced.append(p.error.loc.isEmpty()
                                ? p.error.message
                                : p.error.loc.join(u'.') + u": "_s + p.error.message);
            continue;
        }
        showFieldError(p.field->label, p.error.message, p.focus);
        placed = true;
    }
    QString general;
    if (!placed || !unplaced.isEmpty()) {
        general = ErrorPresenter::title(error);
        if (!unplaced.isEmpty())
            general += u'\n' + unplaced.join(u'\n');
        if (const QString hint = ErrorPresenter::hint(error); !hint.isEmpty())
            general += u'\n' + hint;
    }
    // The request id helps a support request, but is no message of its own: under the general
    // sentence when there is one, else in the tooltip of the fields that show the errors.
    const QString requestId =
        error.requestId().isEmpty() ? QString() : tr("Request id: %1").arg(error.requestId());
    if (!general.isEmpty() && !requestId.isEmpty())
        general += u'\n' + requestId;
    showGeneralError(general);
    if (general.isEmpty())
        setShownErrorsToolTip(requestId);
}

void ConnectorEditorDialog::onSaved(const Connector &connector) {
    m_saved = connector;
    qCInfo(lcUi).noquote() << "connector saved:" << connector.name;
    storeSecrets(connector);
    if (m_pendingSecretWrites == 0)
        finishSave();
}

void ConnectorEditorDialog::storeSecrets(const Connector &connector) {
    if (connector.id.isEmpty())
        return;
    auto done = [this](const SecretStore::Result &result) {
        if (!result.ok)
            m_secretErrors.append(result.error);
        if (--m_pendingSecretWrites == 0)
            finishSave();
    };
    storeOAuth(connector, done);
    if (!m_secrets)
        return;
    QStringList kept;
    for (const ConnectorHeadersModel::SecretValue &secret : m_headers->secretValues()) {
        kept.append(secret.name);
        if (secret.typedValue.isEmpty())
            continue; // unchanged: the keychain already has it (or never had it)
        ++m_pendingSecretWrites;
        m_secrets->write(SecretStore::connectorHeaderEntry(connector.id, secret.name),
                         secret.typedValue, this, done);
    }
    // Entries of headers that were removed, renamed or are no longer secret.
    if (m_original) {
        const QList<ConnectorHeader> before = m_original->headers();
        for (const ConnectorHeader &header : before) {
            if (!header.secret || kept.contains(header.name))
                continue;
            ++m_pendingSecretWrites;
            m_secrets->remove(SecretStore::connectorHeaderEntry(connector.id, header.name), this,
                              done);
        }
    }
}

void ConnectorEditorDialog::storeOAuth(
    const Connector &connector, const std::function<void(const SecretStore::Result &)> &done) {
    const bool oauth = authMethod() == AuthMethod::OAuth;
    if (oauth) {
        if (m_settings)
            m_auth->config().save(*m_settings, connector.id);
        if (const QString secret = m_auth->clientSecret(); !secret.isEmpty() && m_secrets) {
            Redactor::addSecret(secret);
            ++m_pendingSecretWrites;
            m_secrets->write(OAuthConnectorConfig::clientSecretEntry(connector.id), secret, this,
                             done);
        }
        // A sign-in made before the first save: now it has a connector to belong to.
        if (const std::optional<OAuthTokens> tokens = std::exchange(m_pendingTokens, {});
            tokens && m_oauthManager) {
            ++m_pendingSecretWrites;
            m_oauthManager->adopt(connector.id, *tokens, this, [done](bool, const QString &) {
                // Without a keychain it is kept for the session (the app says so once).
                done({.ok = true});
            });
        }
        m_hadOAuth = true;
        return;
    }
    m_pendingTokens.reset();
    if (!m_hadOAuth)
        return;
    // No longer signed in with OAuth: its settings, client secret and tokens go.
    m_hadOAuth = false;
    if (m_settings)
        OAuthConnectorConfig::remove(*m_settings, connector.id);
    if (m_secrets) {
        ++m_pendingSecretWrites;
        m_secrets->remove(OAuthConnectorConfig::clientSecretEntry(connector.id), this, done);
    }
    if (m_oauthManager)
        m_oauthManager->signOut(connector.id, m_oauthManager, [](bool, const QString &) {});
}

void ConnectorEditorDialog::finishSave() {
    setState(State::Editing);
    if (!m_secretErrors.isEmpty()) {
        Q_EMIT secretStorageFailed(
            tr("The connector was saved, but its secret header values could not be kept in the "
               "keychain: %1")
                .arg(m_secretErrors.join(u' ')));
        m_secretErrors.clear();
    }
    m_initial = snapshot();
    Q_EMIT saved(m_saved);
    accept();
}

bool ConnectorEditorDialog::confirmDiscardChanges() {
    if (isSaving())
        return false;
    if (!hasUnsavedChanges())
        return true;
    QMessageBox box(QMessageBox::Warning, tr("Unsaved Connector"),
                    isEditing() ? tr("Save the changes to this connector?")
                                : tr("Save this new connector?"),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setObjectName(u"unsavedChangesMessageBox"_s);
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
    case QMessageBox::Save:
        save();
        return false;
    case QMessageBox::Discard:
        return true;
    default:
        return false;
    }
}

void ConnectorEditorDialog::reject() {
    if (confirmDiscardChanges())
        discardAndClose();
}

void ConnectorEditorDialog::discardAndClose() {
    if (m_test->isRunning())
        m_test->cancel();
    if (m_saveJob)
        m_saveJob->cancel();
    QDialog::reject();
}

void ConnectorEditorDialog::testConnection() {
    if (m_pendingSecretReads > 0) {
        m_testWhenRead = true;
        m_ui->testConnectionPushButton->setEnabled(false);
        setStatusKind(m_ui->testHeadlineLabel, StatusColors::Kind::Normal);
        m_ui->testHeadlineLabel->setText(tr("Reading the stored secrets…"));
        return;
    }
    const ServerUrlCheck check = checkServerUrl(m_ui->serverLineEdit->text());
    if (!check.isUsable()) {
        m_triedSave = true;
        validateServerLive();
    }
    m_test->start(m_ui->serverLineEdit->text(), effectiveHeaders());
}

void ConnectorEditorDialog::onTestFinished(const McpConnectionReport &report) {
    m_lastTest = report;
    m_ui->testConnectionPushButton->setEnabled(true);
    m_ui->testHeadlineLabel->setText(McpReportPresenter::headline(report));
    setStatusKind(m_ui->testHeadlineLabel,
                  report.isReachable() ? StatusColors::Kind::Ok : StatusColors::Kind::Error);
    m_ui->testDetailsLabel->setText(McpReportPresenter::details(report));
    m_ui->testToolsPushButton->setVisible(report.isReachable() && !report.tools.isEmpty());
    Q_EMIT connectionTested(report);
}

void ConnectorEditorDialog::showTestTools() {
    auto *dialog = new ConnectorToolsDialog(m_approvals, this);
    dialog->setObjectName(u"connectorToolsDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    Connector shown = m_original.value_or(Connector());
    if (!m_original) {
        shown.name = m_ui->nameLineEdit->text();
        shown.title = nonEmpty(m_ui->titleLineEdit->text());
    }
    shown.server = m_ui->serverLineEdit->text().trimmed();
    dialog->setConnector(shown);
    dialog->setTools(m_lastTest.tools);
    dialog->open();
}

} // namespace Tramontane
