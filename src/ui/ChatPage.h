// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/Connector.h"
#include "core/protocol/Tool.h"
#include "ui/chat/EmptyChatPanel.h"

#include <QWidget>

#include <memory>

class QAction;
class QMenu;
class QSplitter;

namespace Tramontane {

namespace Ui {
class ChatPage;
}

class ChatFind;
class ChatSession;
class ChatSettingsPane;
class ChatTargetLoader;
class ChatTargetModel;
class ChatView;
class ComposerAttachments;
class ComposerDocuments;
class DocumentService;
class VisionBar;
class ImageFetcher;
class LibraryChoices;
class LibraryList;
class LibraryMenu;
class RetryCountdown;
class ConnectorSignInBar;
class ConnectorSignInStates;
class TargetProblemBar;
class ToolApprovalStore;

//! The chat screen: the model or agent picker, the tools of this chat, the conversation, and
//! the composer. Enter sends, Shift+Enter starts a new line, Esc stops the answer. A message
//! that cannot be sent goes back into the composer with the reason; nothing typed is lost.
class ChatPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatPage)

public:
    ChatPage(ChatSession *session, ChatTargetModel *targets,
             std::shared_ptr<ImageFetcher> imageFetcher, QWidget *parent = nullptr);
    ~ChatPage() override;

    ChatView *chatView() const { return m_view; }
    //! "Find in this chat": its bar above the conversation.
    ChatFind *chatFind() const { return m_find; }
    //! The images attached to the next message.
    ComposerAttachments *attachments() const { return m_attachments; }
    //! The documents attached to the next message.
    ComposerDocuments *documents() const { return m_documents; }
    //! Attached documents are uploaded and read through \a service (not owned).
    void setDocumentService(DocumentService *service);

    //! The connectors the tools menu offers (the account's, from the connector service).
    //! When \a complete (the whole list, loaded), a connector this chat uses that is not in
    //! it was deleted: it leaves the chat's tools, and the session's for the next request.
    void setConnectors(const QList<Connector> &connectors, bool complete = false);
    //! The approvals of connector tools (not owned). The tools menu marks connectors whose tools
    //! were never reviewed or changed since they were approved, and asks before turning on
    //! one whose tools changed.
    void setToolApprovals(ToolApprovalStore *approvals);
    //! The sign-in states of OAuth connectors (not owned): the tools menu shows each one's
    //! (signed in as whom, until when, refreshing, needs sign-in) and offers "Sign In to …"
    //! for one that needs it.
    void setSignInStates(ConnectorSignInStates *states);
    //! What loads the picker's lists (not owned): while the picker is empty because they
    //! failed, a bar under it says why and offers Retry.
    void setTargetLoader(ChatTargetLoader *loader);
    //! The tools menu (tests find its actions by objectName: "connectorAction_<name>").
    QMenu *toolsMenu() const { return m_toolsMenu; }
    //! The document libraries this chat searches.
    LibraryChoices *libraryChoices() const { return m_libraryChoices; }
    //! The account's libraries (not owned), which the tools menu offers; it is refreshed each
    //! time the tools menu opens.
    void setLibraryList(LibraryList *list);
    //! Turns a connector on for this chat (the connector page's "Use in chat").
    void useConnector(const Connector &connector);
    //! Selects the model or agent by id, when the picker has it.
    void selectTarget(bool agent, const QString &id);
    //! The chat's own tools (built-in ones, document libraries, connectors), also while an agent is
    //! chosen: they come back when the chat talks to a model again.
    QList<Tool> selectedTools() const;
    //! Sets the tools menu to \a tools (a reopened conversation's): image generation, web
    //! search, code interpreter, document libraries and connectors among them; other kinds of
    //! tools are not offered by this page.
    void setSelectedTools(const QList<Tool> &tools);

    //! Puts \a sidebar (the conversation history) at the left of the page, in a splitter
    //! pane the user can resize and collapse; its width and visibility are remembered.
    void setSidebar(QWidget *sidebar);
    bool isSidebarVisible() const;
    void setSidebarVisible(bool visible);

    void focusComposer();
    void pickTarget();
    void copyLastAnswer();
    void stop();
    void regenerate();
    void setComposerText(const QString &text);
    //! The text being typed (the next user message), as it would be sent.
    QString composerText() const;

Q_SIGNALS:
    void newChatRequested();
    //! "Edit agent…" in the tools menu of a chat with the agent \a agentId.
    void editAgentRequested(const QString &agentId);
    void statusMessage(const QString &text);
    //! The person picked this model or agent in the picker (not a row the picker took by
    //! itself as the lists loaded).
    void targetChosen(bool agent, const QString &id);
    //! "Sign In Again…" after a connector refused its sign-in, or "Sign In to …" in the tools
    //! menu; \a connectorKey is the chat tool's connector id or name (empty when the error did
    //! not say which); \a scope is the scope the connector's server asked for, to be added to
    //! the one granted (empty when none was named).
    void connectorSignInRequested(const QString &connectorKey, const QString &scope);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    //! A new language: the form's words, the send button, the tools menu and the notes.
    void changeEvent(QEvent *event) override;

private:
    void send();
    void setUpAttachments();
    void retranslate();
    //! Shows the vision bar while images are attached and the chosen model reads none.
    void updateVisionBar();
    //! Tells the attached documents what the chosen model reads.
    void updateDocumentRoute();
    void onBusyChanged(bool busy);
    void onTargetChanged(int row);
    void widenTargetPopup();
    void updateTargetProblem();
    void rebuildToolsMenu();
    //! The "Document libraries" submenu and the choices behind it.
    void setUpLibraries();
    //! With the complete list known, drops the enabled connectors it does not have.
    void dropDeletedConnectors();
    //! The tools menu of a chat with an agent: the agent's tools, read-only, and Edit agent….
    void buildAgentToolsMenu();
    //! The approval summary of a connector's tools (Approved when unknown or not tracked).
    int approvalState(const Connector &connector) const;
    void confirmChangedConnector(const Connector &connector);
    void updateToolsButton();
    void updateEmptyChatPanel();
    void useSuggestion(EmptyChatPanel::Suggestion suggestion);
    void adjustComposerHeight();
    void showComposerNotice(const QString &text);
    void saveSidebarState();

    std::unique_ptr<Ui::ChatPage> m_ui;
    ChatSession *m_session;
    ChatTargetModel *m_targets;
    ChatTargetLoader *m_loader = nullptr;
    TargetProblemBar *m_targetProblem = nullptr;
    ConnectorSignInBar *m_signInBar = nullptr;
    RetryCountdown *m_retryCountdown = nullptr;
    ChatView *m_view = nullptr;
    ChatFind *m_find = nullptr;
    ComposerAttachments *m_attachments = nullptr;
    ComposerDocuments *m_documents = nullptr;
    VisionBar *m_visionBar = nullptr;
    QMenu *m_toolsMenu = nullptr;
    ToolApprovalStore *m_approvals = nullptr;
    ConnectorSignInStates *m_signInStates = nullptr;
    QList<Connector> m_connectors;
    QStringList m_enabledConnectors; // names (or ids, from a stored chat)
    bool m_connectorsComplete = false;
    bool m_imageGeneration = true;
    // Hosted tools that run through the Conversations API (off by default).
    // Web search: none, web_search, or web_search_premium (one of them at most).
    Tool::Type m_webSearch = Tool::Type::Unknown;
    bool m_codeInterpreter = false;
    LibraryChoices *m_libraryChoices = nullptr;
    LibraryMenu *m_libraryMenu = nullptr;
    EmptyChatPanel *m_emptyPanel = nullptr;
    QString m_suggestedConnector; // name
    // The agent the chat talks to (empty id for a model), with its own tools.
    QString m_agentId;
    QString m_agentName;
    QList<Tool> m_agentTools;
    QSplitter *m_splitter = nullptr;
    ChatSettingsPane *m_settingsPane = nullptr; // beside the conversation
    int m_sidebarWidth = 0;                     // before it was collapsed
};

} // namespace Tramontane
