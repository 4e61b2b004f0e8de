// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/Agent.h"
#include "core/protocol/Connector.h"
#include "core/protocol/Model.h"
#include "ui/ApiAvailability.h"
#include "ui/UnsavedChangesGuard.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QSortFilterProxyModel;
class QTimer;

namespace Tramontane {

class AgentEditorDialog;
class AgentListModel;
class AgentService;
class AgentVersionsDialog;
class LibraryList;
class ModelService;
class SecretStore;

namespace Ui {
class AgentsPage;
}

//! The Agents page: the account's agents in a list (paged, searchable: the typed text filters
//! the loaded rows at once and, after a pause, asks the server), the selected agent's
//! settings beside it, and the actions New / Edit / Delete / Versions / Chat with Agent /
//! Refresh. Editing happens in an AgentEditorDialog (one at a time, not modal); leaving the
//! page or closing the window with unsaved edits asks first (UnsavedChangesGuard).
//!
//! The page talks to no network itself: everything goes through the injected services.
class AgentsPage final : public QWidget, public UnsavedChangesGuard {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentsPage)

public:
    //! \a model is the list shown (usually built on \a agents); \a models feeds the model
    //! picker; \a secrets keeps the connector credentials given in the editor.
    AgentsPage(AgentService *agents, AgentListModel *model, ModelService *models,
               SecretStore *secrets, QWidget *parent = nullptr);
    ~AgentsPage() override;

    //! The selected agent (empty id when none).
    Agent currentAgent() const;
    //! Selects the agent with this id when it is listed; returns whether it is.
    bool selectAgent(const QString &id);

    //! The editor, while one is open.
    AgentEditorDialog *editor() const { return m_editor; }
    //! The version history, once shown.
    AgentVersionsDialog *versionsDialog() const { return m_versions; }

    //! Asks about the open editor's unsaved changes (Save / Discard / Cancel).
    bool confirmDiscardChanges() override;

    //! Whether the API may be asked (Ready by default): the page loads nothing before it is
    //! Ready, and without a key says that one is needed and offers the settings.
    void setApiAvailability(ApiAvailability availability);
    //! The account's document libraries (not owned), which the editor offers.
    void setLibraryList(LibraryList *list);

public Q_SLOTS:
    //! Reloads the agents, the models and the connectors.
    void refresh();
    void newAgent();
    void editCurrentAgent();
    //! Opens the editor on the agent with this id; when a search hides it, the search is
    //! cleared and the editor opens once the agent is listed.
    void editAgent(const QString &id);
    //! Asks for confirmation, then deletes the selected agent.
    void deleteCurrentAgent();
    void showVersions();
    void chatWithCurrentAgent();

Q_SIGNALS:
    //! "Chat with Agent" on \a agent (the chat sends /v1/agents/completions with it).
    void chatWithAgentRequested(const Tramontane::Agent &agent);
    //! A short message for the status bar ("Agent saved", "Agent deleted").
    void statusMessage(const QString &text);
    //! "Open Settings…" (shown when an API key is needed).
    void settingsRequested();

protected:
    void showEvent(QShowEvent *event) override;
    //! A new language: the form's words (status lines change with their next update).
    void changeEvent(QEvent *event) override;

private:
    void loadReferenceData();
    //! Loads what the page shows, once, when it is shown and the API is ready.
    void loadWhenReady();
    void showDetail();
    void updateActions();
    void updateListStatus();
    AgentEditorDialog *openEditor();

    std::unique_ptr<Ui::AgentsPage> m_ui;
    QPointer<AgentService> m_agents;
    AgentListModel *m_model;
    QPointer<ModelService> m_modelService;
    QPointer<SecretStore> m_secrets;
    QSortFilterProxyModel *m_proxy;
    QTimer *m_searchTimer;
    QPointer<AgentEditorDialog> m_editor;
    QPointer<AgentVersionsDialog> m_versions;
    QPointer<LibraryList> m_libraries;
    QList<ModelCard> m_modelCards;
    QList<Connector> m_connectors;
    QString m_referenceError;
    QString m_pendingSelection;
    QString m_pendingEdit; //!< editAgent() waits for this agent to be listed
    bool m_shownOnce = false;
    ApiAvailability m_api = ApiAvailability::Ready;
};

} // namespace Tramontane
