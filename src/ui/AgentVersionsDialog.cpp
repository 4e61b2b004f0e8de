// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/AgentVersionsDialog.h"
#include "ui/forms/StatusColors.h"
#include "ui_AgentVersionsDialog.h"

#include "core/net/ApiJob.h"
#include "core/services/AgentService.h"
#include "models/ErrorPresenter.h"

#include <QHeaderView>
#include <QLocale>
#include <QPushButton>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {
enum Column { VersionColumn, SavedColumn, NoteColumn, ModelColumn };
} // namespace

AgentVersionsDialog::AgentVersionsDialog(AgentService *agents, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AgentVersionsDialog>())
    , m_agents(agents) {
    m_ui->setupUi(this);
    m_ui->versionsTreeWidget->header()->setStretchLastSection(false);
    m_ui->versionsTreeWidget->header()->setSectionResizeMode(NoteColumn, QHeaderView::Stretch);
    m_ui->versionsTreeWidget->header()->setSectionResizeMode(VersionColumn,
                                                             QHeaderView::ResizeToContents);
    m_ui->versionsTreeWidget->header()->setSectionResizeMode(SavedColumn,
                                                             QHeaderView::ResizeToContents);
    m_ui->versionsTreeWidget->header()->setSectionResizeMode(ModelColumn,
                                                             QHeaderView::ResizeToContents);
    connect(m_ui->closePushButton, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_ui->reloadPushButton, &QPushButton::clicked, this, &AgentVersionsDialog::reload);
    connect(m_ui->activateVersionPushButton, &QPushButton::clicked, this,
            &AgentVersionsDialog::activateSelected);
    connect(m_ui->versionsTreeWidget, &QTreeWidget::itemSelectionChanged, this,
            &AgentVersionsDialog::updateButtons);
    connect(m_ui->versionsTreeWidget, &QTreeWidget::itemActivated, this,
            &AgentVersionsDialog::activateSelected);
    updateButtons();
}

AgentVersionsDialog::~AgentVersionsDialog() = default;

void AgentVersionsDialog::showAgent(const Agent &agent) {
    m_agent = agent;
    m_versions.clear();
    setWindowTitle(tr("Versions of %1").arg(agent.name));
    populate();
    reload();
}

void AgentVersionsDialog::reload() {
    if (!m_agents || m_agent.id.isEmpty())
        return;
    if (m_job)
        m_job->cancel();
    setStatus(tr("Loading the versions…"));
    m_job = m_agents->versions(m_agent.id, this, [this](const ServiceResult<QList<Agent>> &r) {
        if (finishedWithError(r.ok(), r.error))
            return;
        m_versions = *r.value;
        std::sort(m_versions.begin(), m_versions.end(),
                  [](const Agent &a, const Agent &b) { return a.version > b.version; });
        setStatus(QString());
        populate();
    });
    updateButtons();
}

void AgentVersionsDialog::populate() {
    QTreeWidget *tree = m_ui->versionsTreeWidget;
    const int selected =
        tree->currentItem() ? tree->currentItem()->data(VersionColumn, Qt::UserRole).toInt() : -1;
    tree->clear();
    m_ui->headerLabel->setText(
        m_agent.id.isEmpty()
            ? QString()
            : tr("Every save of “%1” is a version. The active version is the one chats use.")
                  .arg(m_agent.name));
    for (const Agent &v : std::as_const(m_versions)) {
        auto *item = new QTreeWidgetItem(tree);
        const bool active = v.version == m_agent.version;
        item->setText(VersionColumn,
                      active ? tr("%1 (active)").arg(v.version) : QString::number(v.version));
        item->setData(VersionColumn, Qt::UserRole, v.version);
        item->setText(SavedColumn, v.updatedAt.isValid() ? QLocale().toString(
                                       v.updatedAt.toLocalTime(), QLocale::ShortFormat)
                                                         : QString());
        item->setText(NoteColumn, v.versionMessage.value_or(QString()));
        item->setToolTip(NoteColumn, v.versionMessage.value_or(QString()));
        item->setText(ModelColumn, v.model);
        if (active) {
            QFont font = item->font(VersionColumn);
            font.setBold(true);
            for (int c = 0; c < tree->columnCount(); ++c)
                item->setFont(c, font);
        }
        if (v.version == selected)
            tree->setCurrentItem(item);
    }
    updateButtons();
}

void AgentVersionsDialog::activateSelected() {
    const QTreeWidgetItem *item = m_ui->versionsTreeWidget->currentItem();
    if (!item || !m_agents || m_job)
        return;
    const int version = item->data(VersionColumn, Qt::UserRole).toInt();
    if (version == m_agent.version)
        return;
    setStatus(tr("Making version %1 active…").arg(version));
    m_job = m_agents->switchVersion(m_agent.id, version, this,
                                    [this, version](const ServiceResult<Agent> &r) {
                                        if (finishedWithError(r.ok(), r.error))
                                            return;
                                        m_agent = *r.value;
                                        setStatus(tr("Version %1 is now active.").arg(version));
                                        populate();
                                        Q_EMIT versionActivated(m_agent);
                                    });
    updateButtons();
}

void AgentVersionsDialog::updateButtons() {
    const QTreeWidgetItem *item = m_ui->versionsTreeWidget->currentItem();
    const bool other = item && item->data(VersionColumn, Qt::UserRole).toInt() != m_agent.version;
    m_ui->activateVersionPushButton->setEnabled(other && !m_job);
    m_ui->reloadPushButton->setEnabled(!m_agent.id.isEmpty());
}

bool AgentVersionsDialog::finishedWithError(bool ok, const ApiError &error) {
    m_job.clear();
    if (ok)
        return false;
    if (!error.isCanceled())
        setStatus(ErrorPresenter::sentence(error), true);
    updateButtons();
    return true;
}

void AgentVersionsDialog::setStatus(const QString &text, bool error) {
    m_ui->statusLabel->setText(text);
    StatusColors::paint(m_ui->statusLabel,
                        error ? StatusColors::Kind::Error : StatusColors::Kind::Normal, palette());
}

} // namespace Tramontane
