// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/ApiError.h"
#include "core/protocol/Agent.h"
#include "core/protocol/Connector.h"
#include "core/protocol/Model.h"
#include "ui/UnsavedChangesGuard.h"
#include "ui/forms/FormDialog.h"

#include <QDialog>
#include <QHash>
#include <QJsonObject>
#include <QPointer>

#include <memory>

class QLabel;
class QWidget;

namespace Tramontane {

class AgentService;
class ApiJob;
class LibraryChecklist;
class LibraryList;
class SecretStore;
class ToolChoiceModel;

namespace Ui {
class AgentEditorDialog;
}

//! The form that creates or edits an agent: General (name, description, model, version
//! note), Instructions, Tools (built-ins and the account's connectors, with a credential per
//! connector kept in the SecretStore), Advanced (completion arguments; an empty field is the
//! server's default, shown as placeholder text) and Handoffs (other agents).
//!
//! Saving creates the agent (POST) or sends only what changed (PATCH, a new version). An
//! error lands next to the field it concerns (409 on the name, a missing connector on the
//! tools, a 422 on the field its `loc` names), and the form keeps what was typed. Closing
//! with unsaved changes asks Save / Discard / Cancel.
//!
//! Reference data (models, connectors, other agents) is handed in by the owner, and may
//! arrive or change while the form is open without touching what was typed.
class AgentEditorDialog final : public FormDialog, public UnsavedChangesGuard {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentEditorDialog)

public:
    AgentEditorDialog(AgentService *agents, SecretStore *secrets, QWidget *parent = nullptr);
    ~AgentEditorDialog() override;

    //! The account's models; the picker offers the chat-capable ones.
    void setModels(const QList<ModelCard> &models);
    //! The account's connectors, offered as tools after the built-in ones.
    void setConnectors(const QList<Connector> &connectors);
    //! The agents offered as handoff targets (the edited agent itself is left out).
    void setOtherAgents(const QList<Agent> &agents);
    //! The account's document libraries (not owned), offered as a checklist for the document
    //! library tool, and asked for again each time the form loads an agent. Library ids of the
    //! agent that are not among them are shown by id and kept.
    void setLibraryList(LibraryList *list);

    //! Starts a new agent: an empty form with the default model.
    void newAgent();
    //! Starts editing \a agent (as it is at its active version).
    void editAgent(const Agent &agent);

    bool isEditing() const { return !m_baseline.id.isEmpty(); }
    //! The agent as loaded (or as last saved).
    Agent baseline() const { return m_baseline; }
    //! The agent the form describes now: the baseline with the edited fields. Fields the form
    //! cannot read (a number that is not one) keep their baseline value.
    Agent formAgent() const;
    bool hasUnsavedChanges() const;
    bool isSaving() const { return isBusy(); }

    //! Asks Save / Discard / Cancel when there are unsaved changes. Discard closes the
    //! dialog; Save starts saving and returns false (the dialog closes once saved).
    bool confirmDiscardChanges() override;

public Q_SLOTS:
    //! Checks the form, stores changed credentials, then creates or updates the agent.
    void save();
    //! Closes the dialog, asking first when there are unsaved changes.
    void reject() override;

Q_SIGNALS:
    //! The agent was created or updated (\a agent as the server answered).
    void agentSaved(const Tramontane::Agent &agent);

private:
    struct Credential {
        bool stored = false;   // an entry exists in the SecretStore
        QString storedType;    // its type
        bool signedIn = false; // a sign-in token exists
        bool edited = false;
        QString type;  // "", "oauth2-token" or "api-key"
        QString value; // typed, never shown back
    };
    enum class Field {
        General,
        Name,
        Description,
        Model,
        VersionMessage,
        Instructions,
        Tools,
        Advanced,
        Handoffs
    };

    void load(const Agent &agent);
    void populateModels();
    void populateHandoffs(const QStringList &checkedIds);
    QStringList checkedHandoffs() const;
    void updateModelHints();
    void updateSchemaWidgets();
    void updateCredentialWidgets();
    void updateLibraryWidgets();
    void onCredentialEdited();
    void readStoredCredentials();
    QJsonObject formState() const;
    void markPristineIfUnchanged(bool wasPristine);

    struct Problem {
        Field field;
        QString message;
        QWidget *focus = nullptr;
    };
    //! The agent the form describes; what cannot be read goes to \a problems (when given)
    //! and keeps its baseline value.
    Agent buildAgent(QList<Problem> *problems) const;
    void storeCredentials(QList<QString> connectorIds, std::function<void()> then);
    void submit(const Agent &after);
    void finishSaved(const Agent &agent);

    void clearErrors();
    void showFieldError(Field field, const QString &message, QWidget *focus = nullptr);
    void showApiError(const ApiError &error);
    QLabel *errorLabel(Field field) const;
    //! Where the field errors of a 422 go, by the first element of their `loc`.
    void mapFieldErrors();

    std::unique_ptr<Ui::AgentEditorDialog> m_ui;
    QPointer<AgentService> m_agents;
    QPointer<SecretStore> m_secrets;
    ToolChoiceModel *m_tools;
    LibraryChecklist *m_libraries;
    QPointer<LibraryList> m_libraryList;

    Agent m_baseline;
    QList<ModelCard> m_models;
    QList<Connector> m_connectors;
    QList<Agent> m_otherAgents;
    QString m_modelId;
    QHash<QString, Credential> m_credentials; // by connector id
    QJsonObject m_loadedState;
    QPointer<ApiJob> m_job;
};

} // namespace Tramontane
