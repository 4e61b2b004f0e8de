// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/AgentsPage.h"
#include "ui_AgentsPage.h"

#include "core/Logging.h"
#include "core/auth/SecretStore.h"
#include "core/services/AgentService.h"
#include "core/services/ModelService.h"
#include "core/services/OwnedSecrets.h"
#include "models/AgentListModel.h"
#include "models/ErrorPresenter.h"
#include "models/LibraryList.h"
#include "models/Roles.h"
#include "models/ToolChoiceModel.h"
#include "ui/AgentEditorDialog.h"
#include "ui/AgentVersionsDialog.h"

#include <QEvent>
#include <QHeaderView>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

constexpr int kSearchDelayMs = 400;

QString settingsSummary(const CompletionArgs &args) {
    QStringList parts;
    auto number = [](double v) {
        return QLocale().toString(v, 'g', 12);
    };
    if (args.temperature)
        parts << AgentsPage::tr("temperature %1").arg(number(*args.temperature));
    if (args.topP)
        parts << AgentsPage::tr("top p %1").arg(number(*args.topP));
    if (args.maxTokens)
        parts << AgentsPage::tr("at most %1 tokens").arg(QLocale().toString(*args.maxTokens));
    if (args.randomSeed)
        parts << AgentsPage::tr("seed %1").arg(*args.randomSeed);
    if (args.toolChoice)
        parts << AgentsPage::tr("tool choice: %1").arg(*args.toolChoice);
    if (args.responseFormat) {
        const QString type = args.responseFormat->value("type"_L1).toString();
        if (type == "json_schema"_L1) {
            parts << AgentsPage::tr("JSON schema “%1”")
                         .arg(args.responseFormat->value("json_schema"_L1)
                                  .toObject()
                                  .value("name"_L1)
                                  .toString());
        } else if (type == "json_object"_L1) {
            parts << AgentsPage::tr("JSON answers");
        }
    }
    return parts.isEmpty() ? AgentsPage::tr("Server defaults") : parts.join(u" · "_s);
}

} // namespace

AgentsPage::AgentsPage(AgentService *agents, AgentListModel *model, ModelService *models,
                       SecretStore *secrets, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::AgentsPage>())
    , m_agents(agents)
    , m_model(model)
    , m_modelService(models)
    , m_secrets(secrets)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_searchTimer(new QTimer(this)) {
    m_ui->setupUi(this);

    QFont title = m_ui->titleLabel->font();
    title.setPointSizeF(title.pointSizeF() * 1.4);
    title.setBold(true);
    m_ui->titleLabel->setFont(title);
    QFont name = m_ui->detailNameLabel->font();
    name.setPointSizeF(name.pointSizeF() * 1.25);
    name.setBold(true);
    m_ui->detailNameLabel->setFont(name);
    m_ui->splitter->setStretchFactor(0, 3);
    m_ui->splitter->setStretchFactor(1, 2);
    m_ui->splitter->setSizes({600, 400});

    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(AgentListModel::NameColumn);
    m_ui->agentsTreeView->setModel(m_proxy);
    QHeaderView *header = m_ui->agentsTreeView->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(AgentListModel::NameColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(AgentListModel::ToolsColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(AgentListModel::ModelColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(AgentListModel::VersionColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(AgentListModel::UpdatedColumn, QHeaderView::ResizeToContents);

    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(kSearchDelayMs);
    connect(m_ui->searchLineEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text.trimmed());
        m_searchTimer->start();
        updateListStatus();
    });
    connect(m_ui->searchLineEdit, &QLineEdit::returnPressed, m_searchTimer, [this] {
        m_searchTimer->stop();
        m_model->setSearch(m_ui->searchLineEdit->text());
    });
    connect(m_searchTimer, &QTimer::timeout, this,
            [this] { m_model->setSearch(m_ui->searchLineEdit->text()); });

    connect(m_ui->refreshPushButton, &QPushButton::clicked, this, &AgentsPage::refresh);
    connect(m_ui->openSettingsPushButton, &QPushButton::clicked, this,
            &AgentsPage::settingsRequested);
    connect(m_ui->newAgentPushButton, &QPushButton::clicked, this, &AgentsPage::newAgent);
    connect(m_ui->editAgentPushButton, &QPushButton::clicked, this, &AgentsPage::editCurrentAgent);
    connect(m_ui->deleteAgentPushButton, &QPushButton::clicked, this,
            &AgentsPage::deleteCurrentAgent);
    connect(m_ui->versionsPushButton, &QPushButton::clicked, this, &AgentsPage::showVersions);
    connect(m_ui->chatWithAgentPushButton, &QPushButton::clicked, this,
            &AgentsPage::chatWithCurrentAgent);
    connect(m_ui->agentsTreeView, &QAbstractItemView::activated, this,
            &AgentsPage::editCurrentAgent);
    connect(m_ui->agentsTreeView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this] {
                showDetail();
                updateActions();
            });

    connect(m_model, &QAbstractItemModel::dataChanged, this, &AgentsPage::showDetail);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] {
        showDetail();
        updateActions();
        updateListStatus();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_pendingSelection.isEmpty() && selectAgent(m_pendingSelection))
            m_pendingSelection.clear();
        if (!m_pendingEdit.isEmpty() && selectAgent(m_pendingEdit)) {
            m_pendingEdit.clear();
            editCurrentAgent();
        }
        updateListStatus();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        showDetail();
        updateActions();
        updateListStatus();
    });
    connect(m_model, &AgentListModel::loadingChanged, this, &AgentsPage::updateListStatus);
    connect(m_model, &AgentListModel::loadFailed, this, &AgentsPage::updateListStatus);
    connect(m_model, &AgentListModel::pageLoaded, this, [this] {
        updateListStatus();
        // Keep a selection so the detail pane shows something useful.
        if (!m_ui->agentsTreeView->currentIndex().isValid() && m_proxy->rowCount() > 0)
            m_ui->agentsTreeView->setCurrentIndex(m_proxy->index(0, 0));
    });

    showDetail();
    updateActions();
}

AgentsPage::~AgentsPage() = default;

void AgentsPage::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        m_ui->retranslateUi(this);
    QWidget::changeEvent(event);
}

void AgentsPage::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    loadWhenReady();
}

void AgentsPage::loadWhenReady() {
    if (m_shownOnce || m_api != ApiAvailability::Ready || !isVisible())
        return;
    m_shownOnce = true;
    if (!m_model->hasLoaded() && !m_model->isLoading())
        m_model->refresh();
    loadReferenceData();
}

void AgentsPage::setApiAvailability(ApiAvailability availability) {
    m_api = availability;
    const bool needsKey = availability == ApiAvailability::NeedsKey;
    m_ui->apiKeyNeededLabel->setText(
        needsKey ? tr("A Mistral API key is needed to list your agents: add yours in Settings.")
                 : QString());
    m_ui->apiKeyWidget->setVisible(needsKey);
    updateActions();
    loadWhenReady();
}

void AgentsPage::refresh() {
    if (m_api != ApiAvailability::Ready)
        return;
    m_model->refresh();
    loadReferenceData();
}

void AgentsPage::loadReferenceData() {
    m_referenceError.clear();
    if (m_modelService) {
        m_modelService->list(this, [this](const ServiceResult<ModelList> &r) {
            if (!r.ok()) {
                if (!r.error.isCanceled())
                    m_referenceError = tr("The models could not be loaded: %1")
                                           .arg(ErrorPresenter::title(r.error));
                updateListStatus();
                return;
            }
            m_modelCards = r.value->data;
            if (m_editor)
                m_editor->setModels(m_modelCards);
        });
    }
    if (m_agents) {
        m_agents->listConnectors(this, [this](const ServiceResult<QList<Connector>> &r) {
            if (!r.ok()) {
                if (!r.error.isCanceled())
                    m_referenceError = tr("The connectors could not be loaded: %1")
                                           .arg(ErrorPresenter::title(r.error));
                updateListStatus();
                return;
            }
            m_connectors = *r.value;
            m_model->setConnectors(m_connectors);
            showDetail();
            if (m_editor)
                m_editor->setConnectors(m_connectors);
        });
    }
}

Agent AgentsPage::currentAgent() const {
    const QModelIndex index = m_ui->agentsTreeView->currentIndex();
    if (!index.isValid())
        return {};
    return m_model->agentAt(m_proxy->mapToSource(index).row());
}

bool AgentsPage::selectAgent(const QString &id) {
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_ui->agentsTreeView->setCurrentIndex(index);
    m_ui->agentsTreeView->scrollTo(index);
    return true;
}

void AgentsPage::editAgent(const QString &id) {
    if (selectAgent(id)) {
        m_pendingEdit.clear();
        editCurrentAgent();
        return;
    }
    // Hidden by the search, or not listed yet: list every agent, then open it.
    m_pendingEdit = id;
    if (!m_ui->searchLineEdit->text().isEmpty()) {
        m_ui->searchLineEdit->clear();
        m_searchTimer->stop();
        m_model->setSearch(QString());
    } else if (!m_model->isLoading()) {
        m_model->refresh();
    }
}

void AgentsPage::showDetail() {
    const Agent agent = currentAgent();
    if (agent.id.isEmpty()) {
        m_ui->detailStackedWidget->setCurrentWidget(m_ui->emptyDetailPage);
        return;
    }
    m_ui->detailStackedWidget->setCurrentWidget(m_ui->agentDetailPage);
    m_ui->detailNameLabel->setText(agent.name);
    m_ui->detailDescriptionLabel->setText(agent.description.value_or(QString()));
    m_ui->detailDescriptionLabel->setVisible(!agent.description.value_or(QString()).isEmpty());
    m_ui->detailModelLabel->setText(agent.model);
    QStringList tools;
    for (const Tool &tool : agent.tools)
        tools << ToolChoiceModel::displayName(tool, m_connectors);
    m_ui->detailToolsLabel->setText(tools.isEmpty() ? tr("None") : tools.join(u", "_s));
    QStringList handoffs;
    for (const QString &id : agent.handoffs.value_or(QStringList())) {
        const int row = m_model->rowOf(id);
        handoffs << (row >= 0 ? m_model->agentAt(row).name : id);
    }
    m_ui->detailHandoffsLabel->setText(handoffs.isEmpty() ? tr("None") : handoffs.join(u", "_s));
    m_ui->detailSettingsLabel->setText(settingsSummary(agent.completionArgs));
    QString version = tr("%1 (active); saved versions: %2")
                          .arg(agent.version)
                          .arg(qMax<qsizetype>(1, agent.versions.size()));
    if (agent.updatedAt.isValid())
        version +=
            u", "_s
            + tr("updated %1")
                  .arg(QLocale().toString(agent.updatedAt.toLocalTime(), QLocale::ShortFormat));
    if (agent.versionMessage && !agent.versionMessage->isEmpty())
        version += u"\n"_s + tr("Note: %1").arg(*agent.versionMessage);
    m_ui->detailVersionLabel->setText(version);
    m_ui->detailIdLabel->setText(agent.id);
    m_ui->detailInstructionsPlainTextEdit->setPlainText(agent.instructions.value_or(QString()));
}

void AgentsPage::updateActions() {
    const bool selected = !currentAgent().id.isEmpty();
    const bool connected = !m_agents.isNull() && m_api == ApiAvailability::Ready;
    m_ui->refreshPushButton->setEnabled(connected);
    m_ui->editAgentPushButton->setEnabled(selected && connected);
    m_ui->deleteAgentPushButton->setEnabled(selected && connected);
    m_ui->versionsPushButton->setEnabled(selected && connected);
    m_ui->chatWithAgentPushButton->setEnabled(selected);
    m_ui->newAgentPushButton->setEnabled(connected);
}

void AgentsPage::updateListStatus() {
    QStringList lines;
    const ApiError error = m_model->lastError();
    if (m_model->isLoading()) {
        lines << tr("Loading agents…");
    } else if (error.isError()) {
        lines << tr("The agents could not be loaded: %1").arg(ErrorPresenter::sentence(error));
        if (!error.requestId().isEmpty())
            lines << tr("Request id: %1").arg(error.requestId());
    } else if (m_model->hasLoaded() && m_proxy->rowCount() == 0) {
        const QString search = m_ui->searchLineEdit->text().trimmed();
        lines << (search.isEmpty() ? tr("No agents yet: create one with New Agent.")
                                   : tr("No agent's name contains “%1”.").arg(search));
    }
    if (!m_referenceError.isEmpty())
        lines << m_referenceError;
    m_ui->listStatusLabel->setText(lines.join(u'\n'));
    m_ui->listStatusLabel->setVisible(!lines.isEmpty());
}

void AgentsPage::setLibraryList(LibraryList *list) {
    m_libraries = list;
}

AgentEditorDialog *AgentsPage::openEditor() {
    if (m_editor) {
        m_editor->show();
        m_editor->raise();
        m_editor->activateWindow();
        return nullptr; // one editor at a time: finish that one first
    }
    auto *editor = new AgentEditorDialog(m_agents, m_secrets, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    editor->setModal(false);
    editor->setModels(m_modelCards);
    editor->setConnectors(m_connectors);
    editor->setLibraryList(m_libraries);
    connect(editor, &AgentEditorDialog::agentSaved, this, [this](const Agent &agent) {
        if (!selectAgent(agent.id))
            m_pendingSelection = agent.id;
        Q_EMIT statusMessage(
            tr("Agent “%1” saved (version %2).").arg(agent.name).arg(agent.version));
    });
    m_editor = editor;
    return editor;
}

void AgentsPage::newAgent() {
    AgentEditorDialog *editor = openEditor();
    if (!editor)
        return;
    editor->setOtherAgents(m_model->agents());
    editor->newAgent();
    editor->show();
}

void AgentsPage::editCurrentAgent() {
    const Agent agent = currentAgent();
    if (agent.id.isEmpty())
        return;
    AgentEditorDialog *editor = openEditor();
    if (!editor)
        return;
    editor->editAgent(agent);
    editor->setOtherAgents(m_model->agents());
    editor->show();
}

void AgentsPage::deleteCurrentAgent() {
    const Agent agent = currentAgent();
    if (agent.id.isEmpty() || !m_agents)
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete Agent"),
                                tr("Delete the agent “%1”?").arg(agent.name),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(u"deleteAgentMessageBox"_s);
    box->setTextFormat(Qt::PlainText); // the name comes from the server
    box->setInformativeText(
        tr("All its versions are deleted too. Chats that used it keep their messages."));
    box->button(QMessageBox::Yes)->setText(tr("&Delete"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, agent](int result) {
        if (result != QMessageBox::Yes || !m_agents)
            return;
        m_agents->remove(agent.id, this, [this, agent](const ServiceResult<Done> &r) {
            if (!r.ok()) {
                if (r.error.isCanceled())
                    return;
                QMessageBox::warning(this, tr("Delete Agent"),
                                     ErrorPresenter::title(r.error) + u"\n\n"_s
                                         + ErrorPresenter::hint(r.error));
                return;
            }
            // Whatever the keychain kept for this agent goes with it (see OwnedSecrets).
            OwnedSecrets::remove(m_secrets, OwnedSecrets::ofAgent(agent), this);
            Q_EMIT statusMessage(tr("Agent “%1” deleted.").arg(agent.name));
        });
    });
    box->open();
}

void AgentsPage::showVersions() {
    const Agent agent = currentAgent();
    if (agent.id.isEmpty())
        return;
    if (!m_versions) {
        m_versions = new AgentVersionsDialog(m_agents, this);
        connect(m_versions, &AgentVersionsDialog::versionActivated, this, [this](const Agent &a) {
            Q_EMIT statusMessage(
                tr("Version %1 of “%2” is now active.").arg(a.version).arg(a.name));
        });
    }
    m_versions->showAgent(agent);
    m_versions->show();
    m_versions->raise();
}

void AgentsPage::chatWithCurrentAgent() {
    const Agent agent = currentAgent();
    if (!agent.id.isEmpty())
        Q_EMIT chatWithAgentRequested(agent);
}

bool AgentsPage::confirmDiscardChanges() {
    if (m_editor && m_editor->isVisible())
        return m_editor->confirmDiscardChanges();
    return true;
}

} // namespace Tramontane
