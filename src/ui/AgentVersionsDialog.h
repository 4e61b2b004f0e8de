// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/Agent.h"

#include <QDialog>
#include <QPointer>

#include <memory>

namespace Tramontane {

class AgentService;
class ApiError;
class ApiJob;

namespace Ui {
class AgentVersionsDialog;
}

//! The version history of an agent (GET /v1/agents/{id}/versions): version number, when it
//! was saved, its note and model, the active one marked. "Make Active" switches the agent to
//! the selected version (PATCH /v1/agents/{id}/version).
class AgentVersionsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentVersionsDialog)

public:
    explicit AgentVersionsDialog(AgentService *agents, QWidget *parent = nullptr);
    ~AgentVersionsDialog() override;

    //! Shows the history of \a agent (loads it).
    void showAgent(const Agent &agent);
    Agent agent() const { return m_agent; }
    //! The versions listed, newest first.
    QList<Agent> versions() const { return m_versions; }
    bool isLoading() const { return !m_job.isNull(); }

public Q_SLOTS:
    void reload();
    //! Makes the selected version the active one.
    void activateSelected();

Q_SIGNALS:
    //! The active version changed; \a agent is the agent at its new active version.
    void versionActivated(const Tramontane::Agent &agent);

private:
    void populate();
    void updateButtons();
    void setStatus(const QString &text, bool error = false);
    //! Ends the request under way: on a failure, says why (unless it was canceled) and returns
    //! true.
    bool finishedWithError(bool ok, const ApiError &error);

    std::unique_ptr<Ui::AgentVersionsDialog> m_ui;
    QPointer<AgentService> m_agents;
    Agent m_agent;
    QList<Agent> m_versions;
    QPointer<ApiJob> m_job;
};

} // namespace Tramontane
