// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ConnectorsPage.h"
#include "ui/forms/StatusColors.h"
#include "ui_ConnectorsPage.h"

#include "core/Logging.h"
#include "core/auth/OAuthConnectorConfig.h"
#include "core/auth/OAuthTokenManager.h"
#include "core/auth/OAuthTokenStore.h"
#include "core/auth/PlatformConnect.h"
#include "core/auth/ScopeChallenge.h"
#include "core/auth/SecretStore.h"
#include "core/net/ApiJob.h"
#include "core/net/Redactor.h"
#include "core/services/ConnectorAuthService.h"
#include "core/services/ConnectorPolicy.h"
#include "core/services/ConnectorService.h"
#include "core/services/OwnedSecrets.h"
#include "core/services/ToolApprovalStore.h"
#include "models/ConnectorAuthState.h"
#include "models/ConnectorListModel.h"
#include "models/ErrorPresenter.h"
#include "models/McpReportPresenter.h"
#include "models/Roles.h"
#include "ui/ConnectorEditorDialog.h"
#include "ui/ConnectorSignInDialog.h"
#include "ui/ConnectorToolsDialog.h"
#include "ui/MistralAuthSection.h"

#include <QDesktopServices>
#include <QHeaderView>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QShowEvent>
#include <QSortFilterProxyModel>

#include <memory>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

QString errorText(const ApiError &error) {
    QString text = ErrorPresenter::title(error);
    if (!error.fieldErrorText().isEmpty())
        text += u' ' + error.fieldErrorText();
    if (const QString hint = ErrorPresenter::hint(error); !hint.isEmpty())
        text += u' ' + hint;
    if (!error.requestId().isEmpty())
        text += u' ' + ConnectorsPage::tr("(request id %1)").arg(error.requestId());
    return text;
}

} // namespace

ConnectorsPage::ConnectorsPage(ConnectorService *service, ConnectorListModel *model,
                               McpConnectionTest::Factory connectionTests,
                               QNetworkAccessManager *nam, SecretStore *secrets,
                               ToolApprovalStore *approvals, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ConnectorsPage>())
    , m_service(service)
    , m_model(model)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_connectionTests(std::move(connectionTests))
    , m_nam(nam)
    , m_secrets(secrets)
    , m_approvals(approvals)
    , m_test(m_connectionTests(this))
    , m_platformAuth(new ConnectorAuthService(service ? service->client() : nullptr, this)) {
    m_ui->setupUi(this);
    m_model->setSignInStateProvider(
        [this](const Connector &connector) { return clientSignInState(connector); });

    QFont pageTitle = m_ui->titleLabel->font();
    pageTitle.setPointSizeF(pageTitle.pointSizeF() * 1.4);
    pageTitle.setBold(true);
    m_ui->titleLabel->setFont(pageTitle);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(Roles::ConnectorSortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_ui->connectorsTableView->setModel(m_proxy);
    m_ui->connectorsTableView->sortByColumn(ConnectorListModel::NameColumn, Qt::AscendingOrder);
    QHeaderView *header = m_ui->connectorsTableView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ConnectorListModel::ServerColumn, QHeaderView::Stretch);
    m_ui->splitter->setStretchFactor(0, 3);
    m_ui->splitter->setStretchFactor(1, 2);

    QFont title = m_ui->detailsTitleLabel->font();
    title.setBold(true);
    title.setPointSizeF(title.pointSizeF() * 1.3);
    m_ui->detailsTitleLabel->setFont(title);

    connect(m_ui->filterLineEdit, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_ui->newPushButton, &QPushButton::clicked, this, [this] { openEditor(); });
    connect(m_ui->editPushButton, &QPushButton::clicked, this, [this] {
        if (const auto c = currentConnector(); c && !c->isBuiltIn())
            openEditor(*c);
    });
    connect(m_ui->deletePushButton, &QPushButton::clicked, this, &ConnectorsPage::deleteSelected);
    connect(m_ui->testPushButton, &QPushButton::clicked, this, &ConnectorsPage::testSelected);
    connect(m_ui->toolsPushButton, &QPushButton::clicked, this,
            &ConnectorsPage::showToolsOfSelected);
    connect(m_ui->useInChatPushButton, &QPushButton::clicked, this,
            &ConnectorsPage::useSelectedInChat);
    connect(m_ui->refreshPushButton, &QPushButton::clicked, this, &ConnectorsPage::refresh);
    connect(m_ui->signInPushButton, &QPushButton::clicked, this, &ConnectorsPage::signInSelected);
    connect(m_ui->signOutPushButton, &QPushButton::clicked, this, &ConnectorsPage::signOutSelected);
    connect(m_ui->loadMorePushButton, &QPushButton::clicked, this, [this] {
        if (m_api == ApiAvailability::Ready)
            m_model->loadMore();
    });
    connect(m_ui->openSettingsPushButton, &QPushButton::clicked, this,
            &ConnectorsPage::settingsRequested);
    connect(m_ui->connectorsTableView, &QAbstractItemView::doubleClicked, this,
            [this](const QModelIndex &) {
                const auto c = currentConnector();
                if (c && !c->isBuiltIn())
                    openEditor(*c);
                else if (c)
                    showToolsOfSelected();
            });
    connect(m_ui->connectorsTableView->selectionModel(), &QItemSelectionModel::currentRowChanged,
            this, [this] {
                if (const auto c = currentConnector())
                    m_lastSelectedId = c->id;
                updateDetails();
                updateActions();
            });

    // Keep the selection, the details and the count in step with the model. Follow the model
    // itself, whose rows they describe (following the proxy's signals left the count stale
    // after a delete). The proxy heard the model first (it connected when it got the model),
    // so it is current when these run.
    auto reselect = [this] {
        if (!currentConnector() && !m_lastSelectedId.isEmpty())
            selectConnector(m_lastSelectedId);
        updateDetails();
        updateActions();
        updateFooter();
    };
    connect(m_model, &QAbstractItemModel::rowsInserted, this, reselect);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, reselect);
    connect(m_model, &QAbstractItemModel::modelReset, this, reselect);
    // An empty page inserts no row, yet the list is now known to be empty.
    connect(m_model, &ConnectorListModel::pageLoaded, this, reselect);
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, [this] {
        updateDetails();
        updateActions();
    });
    connect(m_model, &ConnectorListModel::loadingChanged, this, [this](bool loading) {
        if (loading)
            showStatus(tr("Loading connectors…"), StatusKind::Progress);
        else if (!m_model->loadError().isError())
            showStatus(QString());
        updateFooter();
    });
    connect(m_model, &ConnectorListModel::loadFailed, this, [this](const ApiError &error) {
        showStatus(tr("The connectors could not be loaded: %1").arg(errorText(error)),
                   StatusKind::Error);
        updateFooter();
    });
    connect(m_test, &McpConnectionTest::finished, this, &ConnectorsPage::onTestFinished);
    if (m_approvals) {
        connect(m_approvals, &ToolApprovalStore::approvalsChanged, this,
                &ConnectorsPage::updateDetails);
    }

    updateDetails();
    updateActions();
    updateFooter();
}

ConnectorsPage::~ConnectorsPage() {
    // The list outlives the page, and the table asks it for rows while QWidget's destructor
    // deletes the children: by then this is no longer a ConnectorsPage.
    m_model->setSignInStateProvider({});
    if (m_deleteJob)
        m_deleteJob->cancel();
    if (m_toolsJob)
        m_toolsJob->cancel();
}

void ConnectorsPage::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        // The last test's headline stays as it was said; the next test says it anew.
        const QString headline = m_ui->testHeadlineLabel->text();
        m_ui->retranslateUi(this);
        m_ui->testHeadlineLabel->setText(headline);
        updateActions();
        updateFooter();
    }
    QWidget::changeEvent(event);
}

void ConnectorsPage::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    // Load when first shown, not when the app starts, and only once the API may be asked.
    if (m_api == ApiAvailability::Ready && !m_model->hasLoaded() && !m_model->isLoading())
        m_model->reload();
}

void ConnectorsPage::refresh() {
    if (m_api != ApiAvailability::Ready)
        return;
    showStatus(QString());
    m_model->reload();
}

void ConnectorsPage::setApiAvailability(ApiAvailability availability) {
    m_api = availability;
    const bool needsKey = availability == ApiAvailability::NeedsKey;
    m_ui->apiKeyNeededLabel->setText(
        needsKey ? tr("A Mistral API key is needed to list your connectors: add yours in "
                      "Settings.")
                 : QString());
    m_ui->apiKeyWidget->setVisible(needsKey);
    updateActions();
    updateFooter();
    if (availability == ApiAvailability::Ready && isVisible() && !m_model->hasLoaded()
        && !m_model->isLoading())
        m_model->reload();
}

std::optional<Connector> ConnectorsPage::currentConnector() const {
    const QModelIndex index = m_ui->connectorsTableView->currentIndex();
    if (!index.isValid())
        return std::nullopt;
    const int row = m_proxy->mapToSource(index).row();
    if (row < 0 || row >= m_model->rowCount())
        return std::nullopt;
    return m_model->connectorAt(row);
}

bool ConnectorsPage::selectConnector(const QString &connectorId) {
    const int row = m_model->rowOf(connectorId);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_ui->connectorsTableView->setCurrentIndex(index);
    m_ui->connectorsTableView->scrollTo(index);
    return true;
}

std::optional<McpConnectionReport> ConnectorsPage::lastTest(const QString &connectorId) const {
    const auto it = m_tests.constFind(connectorId);
    if (it == m_tests.constEnd())
        return std::nullopt;
    return *it;
}

void ConnectorsPage::showStatus(const QString &text, StatusKind kind) {
    StatusColors::paint(m_ui->statusLabel,
                        kind == StatusKind::Error ? StatusColors::Kind::Error
                                                  : StatusColors::Kind::Normal,
                        palette());
    m_ui->statusLabel->setText(text);
    m_ui->statusLabel->setVisible(!text.isEmpty());
    if (!text.isEmpty() && kind == StatusKind::Done)
        Q_EMIT statusMessage(text);
}

void ConnectorsPage::updateActions() {
    const auto c = currentConnector();
    const bool selected = c.has_value();
    const bool builtIn = selected && c->isBuiltIn();
    const bool deleting = !m_deleteJob.isNull();
    const bool ready = m_api == ApiAvailability::Ready;
    m_ui->newPushButton->setEnabled(ready);
    m_ui->refreshPushButton->setEnabled(ready);
    m_ui->editPushButton->setEnabled(selected && !builtIn && !deleting);
    m_ui->deletePushButton->setEnabled(selected && !builtIn && !deleting);
    const QString readOnly = tr("A built-in connector cannot be edited or deleted.");
    m_ui->editPushButton->setToolTip(builtIn ? readOnly : tr("Edit the selected connector"));
    m_ui->deletePushButton->setToolTip(builtIn ? readOnly : tr("Delete the selected connector"));
    m_ui->testPushButton->setEnabled(selected && c->server && !m_test->isRunning());
    m_ui->toolsPushButton->setEnabled(selected);
    m_ui->useInChatPushButton->setEnabled(selected && !deleting);
}

void ConnectorsPage::updateFooter() {
    const int rows = m_model->rowCount();
    QString count = tr("%n connector(s)", nullptr, rows);
    if (m_model->hasMore())
        count += u' ' + tr("(more on the server)");
    m_ui->countLabel->setText(count);
    const bool failed = m_model->loadError().isError();
    m_ui->loadMorePushButton->setVisible((m_model->hasMore() || failed)
                                         && m_api == ApiAvailability::Ready);
    m_ui->loadMorePushButton->setText(failed ? tr("&Retry") : tr("Load &More"));
    m_ui->loadMorePushButton->setEnabled(!m_model->isLoading());
}

void ConnectorsPage::updateDetails() {
    const auto c = currentConnector();
    const bool has = c.has_value();
    m_ui->testGroupBox->setVisible(has);
    const QList<QWidget *> formWidgets = {
        m_ui->detailsNameCaptionLabel,       m_ui->detailsNameLabel,
        m_ui->detailsServerCaptionLabel,     m_ui->detailsServerLabel,
        m_ui->detailsVisibilityCaptionLabel, m_ui->detailsVisibilityLabel,
        m_ui->detailsStateCaptionLabel,      m_ui->detailsStateLabel,
        m_ui->detailsHeadersCaptionLabel,    m_ui->detailsHeadersLabel,
        m_ui->detailsModifiedCaptionLabel,   m_ui->detailsModifiedLabel,
    };
    for (QWidget *w : formWidgets)
        w->setVisible(has);
    const bool oauth = has && usesOAuth(*c);
    const bool mistral = has && !oauth && ConnectorAuthState::isMistralHeld(*c);
    for (QWidget *w : {static_cast<QWidget *>(m_ui->detailsSignInCaptionLabel),
                       static_cast<QWidget *>(m_ui->detailsSignInLabel),
                       static_cast<QWidget *>(m_ui->signInPushButton),
                       static_cast<QWidget *>(m_ui->signOutPushButton)})
        w->setVisible(oauth || mistral);
    m_ui->signInPushButton->setText(mistral ? tr("C&onnect…") : tr("S&ign In…"));
    m_ui->signOutPushButton->setText(mistral ? tr("&Disconnect") : tr("Sign &Out"));
    if (oauth)
        updateSignInState(*c);
    if (mistral)
        showMistralState(*c);
    if (!has) {
        const bool empty = m_model->rowCount() == 0 && m_model->hasLoaded();
        m_ui->detailsTitleLabel->setText(empty ? ConnectorListModel::emptyListTitle()
                                               : tr("No connector selected"));
        m_ui->detailsBadgeLabel->clear();
        m_ui->detailsBadgeLabel->hide();
        m_ui->detailsDescriptionLabel->setText(empty ? ConnectorListModel::emptyListHint()
                                                     : QString());
        return;
    }

    m_ui->detailsTitleLabel->setText(c->displayName());
    m_ui->detailsDescriptionLabel->setText(c->description);
    m_ui->detailsNameLabel->setText(c->name);
    m_ui->detailsServerLabel->setText(c->server.value_or(tr("(none)")));
    QString visibility = ConnectorListModel::visibilityText(c->visibility);
    if (c->isBuiltIn())
        visibility += u" · "_s + tr("built-in");
    m_ui->detailsVisibilityLabel->setText(visibility);
    QStringList state;
    if (c->active)
        state.append(*c->active ? tr("active") : tr("inactive"));
    if (c->isAuthenticated)
        state.append(*c->isAuthenticated ? tr("authenticated") : tr("not authenticated"));
    // A key sent in a secret header is authentication too, whatever the method says.
    QStringList methods = c->authMethodTypes();
    const QStringList authHeaders = authenticationHeaders(*c);
    if (!authHeaders.isEmpty()) {
        methods.removeAll(u"none"_s);
        methods.append(tr("header (%1)").arg(authHeaders.join(", "_L1)));
    }
    if (!methods.isEmpty())
        state.append(tr("auth: %1").arg(methods.join(", "_L1)));
    // Which of the two OAuth ways the connector uses.
    if (oauth)
        state.append(ConnectorAuthState::clientWayText());
    else if (mistral)
        state.append(ConnectorAuthState::mistralWayText());
    m_ui->detailsStateLabel->setText(state.isEmpty() ? tr("unknown") : state.join(u" · "_s));
    QStringList headers;
    const QList<ConnectorHeader> list = c->headers();
    for (const ConnectorHeader &h : list)
        headers.append(h.secret ? tr("%1 (secret)").arg(h.name) : h.name);
    m_ui->detailsHeadersLabel->setText(headers.isEmpty() ? tr("none") : headers.join(", "_L1));
    m_ui->detailsModifiedLabel->setText(c->modifiedAt.isValid() ? QLocale().toString(
                                            c->modifiedAt.toLocalTime(), QLocale::ShortFormat)
                                                                : QString());

    // Badges: read-only, plain http, and what the user approved of the tools.
    QStringList badges;
    bool warning = false;
    if (c->isBuiltIn())
        badges.append(tr("Built-in connector provided by Mistral: read-only."));
    if (c->server && checkServerUrl(*c->server).verdict == ServerUrlCheck::Verdict::LoopbackHttp) {
        badges.append(tr("⚠ Unencrypted http: acceptable only because the server runs on this "
                         "computer."));
        warning = true;
    }
    if (m_approvals) {
        std::optional<ToolApprovalStore::State> state;
        int toolCount = -1;
        if (const auto it = m_tools.constFind(c->id); it != m_tools.constEnd()) {
            state = m_approvals->summary(c->id, *it);
            toolCount = int(it->size());
        } else if (c->tools && !c->tools->isEmpty()) {
            state = m_approvals->summary(c->id, *c->tools);
            toolCount = int(c->tools->size());
        }
        if (state && toolCount > 0) {
            switch (*state) {
            case ToolApprovalStore::State::Changed:
                badges.append(tr("⚠ A tool changed since you approved it: open Tools… to read it "
                                 "again."));
                warning = true;
                break;
            case ToolApprovalStore::State::Unreviewed:
                badges.append(tr("%n tool(s), not all reviewed yet.", nullptr, toolCount));
                break;
            case ToolApprovalStore::State::Approved:
                badges.append(tr("✓ %n tool(s), all approved.", nullptr, toolCount));
                break;
            }
        }
    }
    m_ui->detailsBadgeLabel->setText(badges.join(u'\n'));
    StatusColors::paint(m_ui->detailsBadgeLabel,
                        warning ? StatusColors::Kind::Warning : StatusColors::Kind::Normal,
                        palette());
    m_ui->detailsBadgeLabel->setVisible(!badges.isEmpty());

    if (m_test->isRunning() && m_testingConnectorId == c->id) {
        StatusColors::paint(m_ui->testHeadlineLabel, StatusColors::Kind::Normal, palette());
        m_ui->testHeadlineLabel->setText(tr("Testing…"));
        m_ui->testDetailsLabel->clear();
    } else if (const auto report = lastTest(c->id)) {
        showTestReport(*report);
    } else {
        StatusColors::paint(m_ui->testHeadlineLabel, StatusColors::Kind::Normal, palette());
        m_ui->testHeadlineLabel->setText(tr("Not tested yet."));
        m_ui->testDetailsLabel->clear();
    }
}

ConnectorEditorDialog *ConnectorsPage::openEditor(const std::optional<Connector> &connector) {
    if (m_editor) {
        m_editor->raise();
        m_editor->activateWindow();
        return m_editor;
    }
    auto *editor = new ConnectorEditorDialog(m_service, m_secrets, m_connectionTests(nullptr),
                                             m_nam, m_approvals, this);
    editor->setObjectName(u"connectorEditorDialog"_s);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    editor->setOAuth(m_oauthManager, m_oauthTokens, m_settings);
    editor->setPlatformAuth(m_platformAuth);
    connect(editor->mistralAuthSection(), &MistralAuthSection::connectionChanged, this,
            [this](const Connector &connector) {
                m_model->refreshConnector(connector.id);
                updateDetails();
            });
    if (m_browserOpener)
        editor->setBrowserOpener(m_browserOpener);
    if (connector)
        editor->setConnector(*connector);
    connect(editor, &ConnectorEditorDialog::saved, this, [this](const Connector &saved) {
        selectConnector(saved.id);
        showStatus(tr("Connector %1 saved.").arg(saved.displayName()));
        // A new server may have new tools: forget what was fetched before.
        m_tools.remove(saved.id);
        updateDetails();
        // The answer to a save may lack what a read lists (the header names).
        m_model->refreshConnector(saved.id);
    });
    connect(editor, &ConnectorEditorDialog::secretStorageFailed, this,
            [this](const QString &message) { showStatus(message, StatusKind::Error); });
    connect(editor, &ConnectorEditorDialog::connectionTested, this,
            [this, id = connector ? connector->id : QString()](const McpConnectionReport &r) {
                if (!id.isEmpty()) {
                    m_tests.insert(id, r);
                    updateDetails();
                }
            });
    m_editor = editor;
    editor->open();
    return editor;
}

QMessageBox *ConnectorsPage::deleteSelected() {
    const auto c = currentConnector();
    if (!c || c->isBuiltIn() || m_deleteJob)
        return nullptr;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete Connector"),
                                tr("Delete the connector “%1”?").arg(c->displayName()),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(u"deleteConfirmMessageBox"_s);
    box->setTextFormat(Qt::PlainText); // the name comes from the server
    box->setInformativeText(tr("Chats and agents that use it lose its tools. This cannot be "
                               "undone."));
    box->setDefaultButton(QMessageBox::Cancel);
    box->button(QMessageBox::Yes)->setText(tr("&Delete"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    const Connector connector = *c;
    connect(box, &QMessageBox::finished, this, [this, box, connector] {
        if (box->standardButton(box->clickedButton()) != QMessageBox::Yes || !m_service)
            return;
        showStatus(tr("Deleting %1…").arg(connector.displayName()), StatusKind::Progress);
        m_deleteJob = m_service->remove(
            connector.id, this, [this, connector](const ServiceResult<Done> &result) {
                m_deleteJob = nullptr;
                updateActions();
                if (!result.ok()) {
                    if (!result.error.isCanceled())
                        showStatus(tr("%1 was not deleted: %2")
                                       .arg(connector.displayName(), errorText(result.error)),
                                   StatusKind::Error);
                    return;
                }
                // The model removed the row when the service confirmed.
                if (m_approvals)
                    m_approvals->forgetConnector(connector.id);
                forgetSecrets(connector);
                m_tests.remove(connector.id);
                m_tools.remove(connector.id);
                showStatus(tr("Connector %1 deleted.").arg(connector.displayName()));
            });
        updateActions();
    });
    box->open();
    return box;
}

void ConnectorsPage::forgetSecrets(const Connector &connector) {
    if (m_settings)
        OAuthConnectorConfig::remove(*m_settings, connector.id);
    if (!m_secrets)
        return;
    // The removals go on even if the page is gone; only the report needs it.
    const QPointer<ConnectorsPage> page(this);
    const QPointer<SecretStore> secrets(m_secrets);
    auto removeAll = [page, secrets, connector] {
        if (!secrets)
            return;
        OwnedSecrets::remove(secrets, OwnedSecrets::ofConnector(connector), nullptr,
                             [page, name = connector.displayName()](bool ok, const QString &error) {
                                 if (!ok && page)
                                     page->showStatus(
                                         tr("%1 was deleted, but some of its secrets could not be "
                                            "removed from the keychain: %2")
                                             .arg(name, error),
                                         StatusKind::Error);
                             });
    };
    if (!m_oauthManager) {
        removeAll();
        return;
    }
    // A sign-in's tokens are revoked at the provider first (when it offers it), then every
    // secret the connector kept goes.
    m_oauthManager->signOut(connector.id, m_oauthManager,
                            [removeAll](bool, const QString &) { removeAll(); });
}

void ConnectorsPage::collectHeaders(const Connector &connector,
                                    std::function<void(const QList<ConnectorHeader> &)> done) {
    auto headers = std::make_shared<QList<ConnectorHeader>>(connector.headers());
    auto pending = std::make_shared<int>(0);
    for (const ConnectorHeader &h : std::as_const(*headers)) {
        if (h.secret)
            ++*pending;
    }
    if (*pending == 0 || !m_secrets) {
        done(*headers);
        return;
    }
    for (qsizetype i = 0; i < headers->size(); ++i) {
        if (!headers->at(i).secret)
            continue;
        m_secrets->read(SecretStore::connectorHeaderEntry(connector.id, headers->at(i).name), this,
                        [headers, pending, i, done](const SecretStore::Result &result) {
                            if (result.ok && result.value) {
                                Redactor::addSecret(*result.value);
                                (*headers)[i].value = *result.value;
                            }
                            if (--*pending == 0)
                                done(*headers);
                        });
    }
}

void ConnectorsPage::testSelected() {
    const auto c = currentConnector();
    if (!c || !c->server)
        return;
    if (m_test->isRunning())
        m_test->cancel(); // reported under the connector it was for
    m_testingConnectorId = c->id;
    StatusColors::paint(m_ui->testHeadlineLabel, StatusColors::Kind::Normal, palette());
    m_ui->testHeadlineLabel->setText(tr("Testing…"));
    m_ui->testDetailsLabel->clear();
    m_ui->testPushButton->setEnabled(false);
    const QString server = *c->server;
    // An OAuth connector is tested with its current access token, as a chat sends it.
    const QString oauthId = usesOAuth(*c) ? c->id : QString();
    collectHeaders(*c, [this, server, oauthId](const QList<ConnectorHeader> &headers) {
        if (oauthId.isEmpty() || !m_oauthManager) {
            m_test->start(server, headers);
            updateActions();
            return;
        }
        if (m_oauthTokens) {
            m_oauthTokens->load(
                oauthId, this,
                [this, oauthId](const std::optional<OAuthTokens> &tokens, const QString &) {
                    m_testedScopes.insert(oauthId, tokens ? tokens->scope : QString());
                });
        }
        m_oauthManager->accessToken(
            oauthId, this, [this, server, headers](const OAuthTokenManager::Access &access) {
                QList<ConnectorHeader> sent = headers;
                if (!access.accessToken.isEmpty()) {
                    sent.removeIf([](const ConnectorHeader &h) {
                        return h.name.compare("authorization"_L1, Qt::CaseInsensitive) == 0;
                    });
                    sent.append(
                        {.name = u"Authorization"_s, .value = u"Bearer "_s + access.accessToken});
                }
                m_test->start(server, sent);
                updateActions();
            });
    });
}

void ConnectorsPage::onTestFinished(const McpConnectionReport &report) {
    const QString id = m_testingConnectorId;
    m_tests.insert(id, report);
    if (const QString scope = insufficientScope(report.error); !scope.isEmpty())
        m_missingScopes.insert(id, scope);
    if (report.isReachable())
        m_tools.insert(id, report.tools);
    showStatus(report.isReachable() ? tr("Connection test passed.") : QString());
    updateDetails();
    updateActions();
}

void ConnectorsPage::showTestReport(const McpConnectionReport &report) {
    m_ui->testHeadlineLabel->setText(McpReportPresenter::headline(report));
    StatusColors::paint(m_ui->testHeadlineLabel,
                        report.isReachable() ? StatusColors::Kind::Ok : StatusColors::Kind::Error,
                        palette());
    const auto c = currentConnector();
    m_ui->testDetailsLabel->setText(
        McpReportPresenter::details(report, c ? m_testedScopes.value(c->id) : QString()));
}

ConnectorToolsDialog *ConnectorsPage::openToolsDialog(const Connector &connector, bool forChat) {
    if (m_toolsDialog)
        m_toolsDialog->close();
    auto *dialog = new ConnectorToolsDialog(m_approvals, this);
    dialog->setObjectName(u"connectorToolsDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setConnector(connector);
    dialog->setPurpose(forChat ? ConnectorToolsDialog::Purpose::UseInChat
                               : ConnectorToolsDialog::Purpose::Review);
    connect(dialog, &ConnectorToolsDialog::approvedForChat, this, [this](const Connector &c) {
        showStatus(tr("%1 is offered in the chat.").arg(c.displayName()));
        Q_EMIT useInChatRequested(c);
    });
    m_toolsDialog = dialog;
    dialog->open();
    return dialog;
}

ConnectorToolsDialog *ConnectorsPage::showToolsOfSelected() {
    const auto c = currentConnector();
    if (!c || !m_service)
        return nullptr;
    ConnectorToolsDialog *dialog = openToolsDialog(*c, false);
    dialog->setLoading();
    if (m_toolsJob)
        m_toolsJob->cancel();
    const QPointer<ConnectorToolsDialog> guard(dialog);
    const QString id = c->id;
    m_toolsJob = m_service->listTools(
        id, this, [this, guard, id](const ServiceResult<QList<McpTool>> &result) {
            m_toolsJob = nullptr;
            if (result.ok()) {
                m_tools.insert(id, *result.value);
                updateDetails();
            }
            if (!guard)
                return;
            if (result.ok())
                guard->setTools(*result.value);
            else if (!result.error.isCanceled())
                guard->setError(
                    tr("The tools could not be listed: %1").arg(errorText(result.error)));
        });
    return dialog;
}

void ConnectorsPage::useSelectedInChat() {
    const auto c = currentConnector();
    if (!c)
        return;
    if (!m_approvals || !m_service) {
        Q_EMIT useInChatRequested(*c);
        return;
    }
    // Check the tools as the server defines them now, not as they were last listed.
    showStatus(tr("Checking the tools of %1…").arg(c->displayName()), StatusKind::Progress);
    if (m_toolsJob)
        m_toolsJob->cancel();
    const Connector connector = *c;
    m_toolsJob = m_service->listTools(
        connector.id, this, [this, connector](const ServiceResult<QList<McpTool>> &result) {
            m_toolsJob = nullptr;
            if (!result.ok()) {
                if (!result.error.isCanceled())
                    showStatus(tr("The tools of %1 could not be listed, so they cannot be "
                                  "reviewed: %2")
                                   .arg(connector.displayName(), errorText(result.error)),
                               StatusKind::Error);
                return;
            }
            m_tools.insert(connector.id, *result.value);
            updateDetails();
            if (m_approvals->summary(connector.id, *result.value)
                == ToolApprovalStore::State::Approved) {
                showStatus(tr("%1 is offered in the chat.").arg(connector.displayName()));
                Q_EMIT useInChatRequested(connector);
                return;
            }
            showStatus(tr("Review the tools of %1 before using it.").arg(connector.displayName()));
            ConnectorToolsDialog *dialog = openToolsDialog(connector, true);
            dialog->setTools(*result.value);
        });
}

bool ConnectorsPage::confirmDiscardChanges() {
    if (!m_editor)
        return true;
    if (!m_editor->confirmDiscardChanges())
        return false;
    m_editor->discardAndClose();
    return true;
}

void ConnectorsPage::setOAuth(OAuthTokenManager *manager, OAuthTokenStore *tokens,
                              QSettings *settings) {
    m_oauthManager = manager;
    m_oauthTokens = tokens;
    m_settings = settings;
    if (manager) {
        connect(manager, &OAuthTokenManager::stateChanged, this, [this](const QString &id) {
            m_model->refreshSignInStates();
            if (const auto c = currentConnector(); c && c->id == id)
                updateDetails();
        });
    }
    updateDetails();
}

bool ConnectorsPage::usesOAuth(const Connector &connector) const {
    if (!m_oauthManager || connector.id.isEmpty())
        return false;
    if (connector.isBuiltIn() && connector.name == "gmail"_L1)
        return true;
    // A sign-in this session knows of (kept from before, perhaps by another version).
    const OAuthTokenManager::State state = m_oauthManager->state(connector.id);
    if (state == OAuthTokenManager::State::SignedIn || state == OAuthTokenManager::State::Refreshing
        || state == OAuthTokenManager::State::NeedsSignIn)
        return true;
    return m_settings && OAuthConnectorConfig::load(*m_settings, connector.id).has_value();
}

void ConnectorsPage::updateSignInState(const Connector &connector) {
    if (!m_oauthTokens || !m_oauthManager)
        return;
    const QString id = connector.id;
    m_oauthTokens->load(
        id, this, [this, id](const std::optional<OAuthTokens> &tokens, const QString &) {
            const auto c = currentConnector();
            if (!c || c->id != id || !m_oauthManager)
                return;
            m_ui->detailsSignInLabel->setText(ConnectorSignInDialog::stateText(
                tokens, m_oauthManager->state(id), QDateTime::currentDateTimeUtc()));
            m_ui->signOutPushButton->setEnabled(tokens.has_value());
        });
}

QString ConnectorsPage::signInStateText() const {
    return m_ui->detailsSignInLabel->text();
}

ConnectorSignInDialog *ConnectorsPage::signInSelected() {
    const auto c = currentConnector();
    if (c && !usesOAuth(*c) && ConnectorAuthState::isMistralHeld(*c)) {
        connectSelected();
        return nullptr;
    }
    if (!c || !usesOAuth(*c))
        return nullptr;
    auto *dialog = new ConnectorSignInDialog(m_nam, m_secrets, m_oauthManager, m_settings, this);
    dialog->setObjectName(u"connectorSignInDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_browserOpener)
        dialog->setBrowserOpener(m_browserOpener);
    dialog->setConnector(c->id, c->displayName(), QUrl(c->server.value_or(QString())));
    connect(dialog, &ConnectorSignInDialog::signInFinished, this,
            [this](const ConnectorSignIn::Result &result) {
                showStatus(ConnectorSignInDialog::outcomeSentence(result),
                           result.outcome == ConnectorSignIn::Outcome::SignedIn
                               ? StatusKind::Done
                               : StatusKind::Error);
                updateDetails();
            });
    std::optional<OAuthConnectorConfig> config;
    if (m_settings)
        config = OAuthConnectorConfig::load(*m_settings, c->id);
    dialog->open();
    if (const QString missing = m_missingScopes.take(c->id);
        !missing.isEmpty() && m_oauthTokens && (config || !c->isBuiltIn())) {
        // The server asked for more: the scope granted so far, and the one it named.
        m_oauthTokens->load(
            c->id, dialog,
            [dialog, config, missing](const std::optional<OAuthTokens> &tokens, const QString &) {
                OAuthConnectorConfig use = config.value_or(OAuthConnectorConfig{});
                use.scope = unitedScope(unitedScope(tokens ? tokens->scope : QString(), use.scope),
                                        missing);
                dialog->start(use);
            });
        return dialog;
    }
    if (config)
        dialog->start(*config);
    else if (c->isBuiltIn())
        dialog->showSetup(OAuthConnectorConfig::google());
    else
        dialog->start(OAuthConnectorConfig{}); // discovered from its server
    return dialog;
}

void ConnectorsPage::signOutSelected() {
    const auto c = currentConnector();
    if (c && !usesOAuth(*c) && ConnectorAuthState::isMistralHeld(*c)) {
        m_ui->signOutPushButton->setEnabled(false);
        m_platformAuth->deleteUserCredentials(
            c->id, MistralAuthSection::credentialToDelete(*c), this,
            [this, id = c->id, name = c->displayName()](const ServiceResult<Done> &result) {
                if (result.ok())
                    showStatus(tr("Disconnected %1.").arg(name));
                else
                    showStatus(errorText(result.error), StatusKind::Error);
                m_model->refreshConnector(id);
            });
        return;
    }
    if (!c || !m_oauthManager)
        return;
    m_ui->signOutPushButton->setEnabled(false);
    m_oauthManager->signOut(
        c->id, this, [this, name = c->displayName()](bool revoked, const QString &error) {
            showStatus(revoked || error.isEmpty() ? tr("Signed out of %1.").arg(name)
                                                  : tr("Signed out of %1 on this computer; the "
                                                       "provider did not confirm the revocation.")
                                                        .arg(name));
            updateDetails();
        });
}

} // namespace Tramontane

namespace Tramontane {

std::optional<QString> ConnectorsPage::clientSignInState(const Connector &connector) const {
    if (!usesOAuth(connector))
        return std::nullopt;
    switch (m_oauthManager->state(connector.id)) {
    case OAuthTokenManager::State::SignedIn:
        return tr("Signed in");
    case OAuthTokenManager::State::Refreshing:
        return tr("Signed in (refreshing)");
    case OAuthTokenManager::State::NeedsSignIn:
        return tr("Sign-in expired");
    case OAuthTokenManager::State::SignedOut:
        return tr("Not signed in");
    case OAuthTokenManager::State::Unknown:
        break;
    }
    // Its tokens were not looked at yet in this session.
    return tr("This computer (not checked yet)");
}

void ConnectorsPage::showMistralState(const Connector &connector) {
    const bool connecting = m_platformConnect && m_platformConnect->isRunning();
    // The way ("held by Mistral") is on the state line already: the short word fits beside
    // the buttons.
    if (!connecting)
        m_ui->detailsSignInLabel->setText(PlatformConnect::isConnected(connector)
                                              ? tr("Connected")
                                              : ConnectorAuthState::mistralStateText(connector));
    m_ui->signInPushButton->setEnabled(!connecting);
    m_ui->signOutPushButton->setEnabled(!connecting && PlatformConnect::isConnected(connector));
}

PlatformConnect *ConnectorsPage::connectSelected() {
    const auto c = currentConnector();
    if (!c || !ConnectorAuthState::isMistralHeld(*c) || m_platformConnect)
        return nullptr;
    m_platformConnect = new PlatformConnect(m_platformAuth, m_service, this);
    m_platformConnect->setObjectName(u"platformConnect"_s);
    connect(m_platformConnect, &PlatformConnect::browserRequested, this, [this](const QUrl &url) {
        const bool opened = m_browserOpener ? m_browserOpener(url) : QDesktopServices::openUrl(url);
        if (!opened && m_platformConnect)
            m_platformConnect->cancel();
        else
            m_ui->detailsSignInLabel->setText(tr("Sign in in your browser…"));
    });
    connect(m_platformConnect, &PlatformConnect::finished, this,
            [this, id = c->id](const PlatformConnect::Result &result) {
                m_platformConnect->deleteLater();
                m_platformConnect = nullptr;
                const bool ok = result.outcome == PlatformConnect::Outcome::Connected;
                showStatus(MistralAuthSection::outcomeSentence(result),
                           ok ? StatusKind::Done : StatusKind::Error);
                m_model->refreshConnector(id);
                updateDetails();
            });
    m_platformConnect->start(c->id);
    updateDetails();
    return m_platformConnect;
}

} // namespace Tramontane
