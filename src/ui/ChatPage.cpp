// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ChatPage.h"
#include "ui_ChatPage.h"

#include "core/SettingsKeys.h"
#include "core/auth/ConnectorSignInStates.h"
#include "core/services/ToolApprovalStore.h"
#include "models/ChatSession.h"
#include "models/ChatTargetLoader.h"
#include "models/ChatTargetModel.h"
#include "models/ConnectorListModel.h"
#include "models/ConversationModel.h"
#include "models/LibraryChoices.h"
#include "models/LibraryList.h"
#include "models/Roles.h"
#include "ui/TargetItemDelegate.h"
#include "ui/TargetProblemBar.h"
#include "ui/chat/ChatFind.h"
#include "ui/chat/ChatFindBar.h"
#include "ui/chat/ChatSettingsPane.h"
#include "ui/chat/ChatStyle.h"
#include "ui/chat/ChatView.h"
#include "ui/chat/ComposerAttachments.h"
#include "ui/chat/ComposerDocuments.h"
#include "ui/chat/ConnectorSignInBar.h"
#include "ui/chat/ConnectorSignInText.h"
#include "ui/chat/ImageFetcher.h"
#include "ui/chat/ImageRepository.h"
#include "ui/chat/LibraryMenu.h"
#include "ui/chat/RetryCountdown.h"
#include "ui/chat/ToolTitles.h"
#include "ui/chat/VisionBar.h"
#include "ui/chat/WebSearchActions.h"

#include <QAbstractItemView>
#include <QDir>
#include <QKeyEvent>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStyle>
#include <QTextBlock>
#include <QToolButton>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tramontane {

ChatPage::ChatPage(ChatSession *session, ChatTargetModel *targets,
                   std::shared_ptr<ImageFetcher> imageFetcher, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ChatPage>())
    , m_session(session)
    , m_targets(targets) {
    m_ui->setupUi(this);

    m_view = new ChatView(m_ui->chatViewContainer);
    m_view->setObjectName(u"chatView"_s);
    m_view->setModel(session->model());
    m_view->setImageFetcher(std::move(imageFetcher));
    m_ui->chatViewLayout->addWidget(m_view);
    auto *findBar = new ChatFindBar(m_ui->chatViewContainer);
    findBar->setObjectName(u"chatFindBar"_s);
    m_ui->chatViewLayout->insertWidget(0, findBar);
    m_find = new ChatFind(m_view, findBar, this);
    // The chat's settings: a button on the composer opens them beside the conversation.
    auto *settingsButton = new QToolButton(this);
    settingsButton->setObjectName(u"chatSettingsToolButton"_s);
    m_ui->composerLayout->insertWidget(m_ui->composerLayout->indexOf(m_ui->sendPushButton),
                                       settingsButton);
    auto *conversationRow = new QWidget(this);
    conversationRow->setSizePolicy(m_ui->chatViewContainer->sizePolicy());
    auto *rowLayout = new QHBoxLayout(conversationRow);
    rowLayout->setContentsMargins(0, 0, 0, 0);
    delete m_ui->pageLayout->replaceWidget(m_ui->chatViewContainer, conversationRow);
    rowLayout->addWidget(m_ui->chatViewContainer, 1);
    m_settingsPane = new ChatSettingsPane(session, settingsButton, conversationRow);
    rowLayout->addWidget(m_settingsPane);
    // An empty chat shows what can be done here, over the (empty) view.
    m_emptyPanel = new EmptyChatPanel(m_ui->chatViewContainer);
    m_emptyPanel->setObjectName(u"emptyChatPanel"_s);
    m_view->installEventFilter(this);
    connect(m_emptyPanel, &EmptyChatPanel::suggestionChosen, this, &ChatPage::useSuggestion);
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(session->model(), signal, this, &ChatPage::updateEmptyChatPanel);
    connect(session->model(), &QAbstractItemModel::modelReset, this,
            &ChatPage::updateEmptyChatPanel);
    // Another chat (or none): the rows of the old one are gone, so are their downloads.
    connect(session->model(), &QAbstractItemModel::modelReset, m_view->imageRepository(),
            &ImageRepository::cancelFetches);
    connect(m_view, &ChatView::retryRequested, this, [this](int entry) {
        if (!m_session->retry(entry))
            Q_EMIT statusMessage(tr("Wait for the current answer to finish, or stop it."));
    });
    connect(m_view, &ChatView::continueRequested, this, [this](int entry) {
        if (m_session->isBusy())
            Q_EMIT statusMessage(tr("Wait for the current answer to finish, or stop it."));
        else if (!m_session->continueAnswer(entry))
            Q_EMIT statusMessage(
                tr("This answer cannot be continued with the tools now chosen: regenerate it."));
    });
    connect(m_view, &ChatView::fileSaved, this, [this](const QString &path) {
        Q_EMIT statusMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
    });
    connect(m_view, &ChatView::fileSaveFailed, this, &ChatPage::statusMessage);
    connect(m_view, &ChatView::toolConfirmationChosen, this, [this](int entry, bool allow) {
        if (!m_session->confirmTool(entry, allow))
            Q_EMIT statusMessage(tr("Wait for the current answer to finish, or stop it."));
    });
    connect(m_view, &ChatView::editRequested, this, [this](int entry) {
        // The message goes back into the composer; sending it replaces that turn.
        const auto &entries = m_session->model()->entries();
        if (entry < 0 || entry >= entries.size())
            return;
        setComposerText(entries.at(entry).message.content.plainText());
        m_ui->composerPlainTextEdit->setProperty("editEntry", entry);
        showComposerNotice(tr("Editing an earlier message: sending makes a new version of it; "
                              "the earlier one stays a click away. Esc cancels."));
        focusComposer();
    });

    m_ui->targetComboBox->setModel(targets);
    // Capability badges and the models / agents groups in the popup.
    m_ui->targetComboBox->setItemDelegate(new TargetItemDelegate(m_ui->targetComboBox));
    connect(m_ui->targetComboBox, &QComboBox::currentIndexChanged, this,
            &ChatPage::onTargetChanged);
    connect(m_ui->targetComboBox, &QComboBox::activated, this, [this](int row) {
        if (row < 0)
            return;
        const ChatTargetModel::Target target = m_targets->targetAt(row);
        Q_EMIT targetChosen(target.kind == ChatTargetModel::Kind::Agent, target.id);
    });
    connect(targets, &QAbstractItemModel::modelReset, this, [this] {
        if (m_ui->targetComboBox->currentIndex() < 0 && m_targets->rowCount() > 0)
            m_ui->targetComboBox->setCurrentIndex(0);
        widenTargetPopup();
        updateTargetProblem();
    });
    connect(targets, &QAbstractItemModel::rowsInserted, this, &ChatPage::widenTargetPopup);
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(targets, signal, this, &ChatPage::updateEmptyChatPanel);
    connect(targets, &QAbstractItemModel::modelReset, this, &ChatPage::updateEmptyChatPanel);
    connect(targets, &QAbstractItemModel::rowsInserted, this, &ChatPage::updateTargetProblem);
    connect(targets, &QAbstractItemModel::rowsRemoved, this, &ChatPage::updateTargetProblem);
    m_targetProblem = new TargetProblemBar(this);
    m_ui->pageLayout->insertWidget(1, m_targetProblem);
    widenTargetPopup();
    if (targets->rowCount() > 0)
        onTargetChanged(0);

    m_toolsMenu = new QMenu(this);
    m_toolsMenu->setObjectName(u"toolsMenu"_s);
    m_toolsMenu->setToolTipsVisible(true);
    setUpLibraries();
    m_ui->toolsToolButton->setMenu(m_toolsMenu);
    rebuildToolsMenu();

    m_ui->composerPlainTextEdit->installEventFilter(this);
    connect(m_ui->composerPlainTextEdit, &QPlainTextEdit::textChanged, this,
            &ChatPage::adjustComposerHeight);
    adjustComposerHeight();
    connect(m_ui->sendPushButton, &QPushButton::clicked, this, [this] {
        if (m_session->isBusy())
            m_session->stop();
        else
            send();
    });
    connect(m_ui->newChatToolButton, &QToolButton::clicked, this, &ChatPage::newChatRequested);
    setUpAttachments();
    connect(session, &ChatSession::busyChanged, this, &ChatPage::onBusyChanged);
    // While a failed request waits to be sent again, the chat says so and counts down.
    m_retryCountdown = new RetryCountdown(this);
    m_ui->pageLayout->insertWidget(m_ui->pageLayout->indexOf(m_ui->composerNoticeLabel),
                                   m_retryCountdown);
    // A connector whose sign-in no longer works: say so, and offer to sign in again.
    m_signInBar = new ConnectorSignInBar(this);
    m_ui->pageLayout->insertWidget(m_ui->pageLayout->indexOf(m_ui->composerNoticeLabel),
                                   m_signInBar);
    connect(m_signInBar, &ConnectorSignInBar::signInRequested, this,
            &ChatPage::connectorSignInRequested);
    m_signInBar->setGrantedScope([this](const QString &key) {
        for (const Connector &c : std::as_const(m_connectors)) {
            if (m_signInStates && (c.name == key || c.id == key))
                return m_signInStates->summary(c.id).scope;
        }
        return QString();
    });
    connect(session, &ChatSession::turnFinished, this, [this] {
        const ConversationModel *model = m_session->model();
        if (model->entryCount() > 0)
            m_signInBar->showFor(model->entries().last().error, m_session->lastTurnTools());
    });
    connect(session, &ChatSession::busyChanged, this, [this](bool busy) {
        if (busy)
            m_signInBar->hide();
    });
    connect(session, &ChatSession::retryScheduled, this,
            [this](int delayMs, const ApiError &error) {
                m_retryCountdown->start(std::chrono::milliseconds(delayMs), error);
            });
    connect(session, &ChatSession::failedToSend, this,
            [this](const QString &reason, const QString &text) {
                if (m_ui->composerPlainTextEdit->toPlainText().trimmed().isEmpty())
                    setComposerText(text);
                // Nothing to choose from: say why rather than ask for a choice.
                const QString problem = m_targetProblem->text();
                showComposerNotice(m_targets->rowCount() == 0 && !problem.isEmpty()
                                       ? tr("There is no model to send to yet. %1").arg(problem)
                                       : reason);
            });
    setFocusProxy(m_ui->composerPlainTextEdit);
}

ChatPage::~ChatPage() = default;

void ChatPage::setUpAttachments() {
    // The images of the next message: a strip above the input, an Attach button, paste and
    // drop on the input and on the chat; a bar when the chosen model reads no images.
    m_attachments = new ComposerAttachments(this);
    m_visionBar = new VisionBar(this);
    const int composerRow = m_ui->pageLayout->indexOf(m_ui->composerNoticeLabel) + 1;
    m_ui->pageLayout->insertWidget(composerRow, m_visionBar);
    m_ui->pageLayout->insertWidget(composerRow + 1, m_attachments);
    // Documents beside them (PDF, DOCX, PPTX, text), uploaded or read as they are attached.
    m_documents = new ComposerDocuments(this);
    m_ui->pageLayout->insertWidget(composerRow + 2, m_documents);
    auto *attach = new QToolButton(this);
    attach->setObjectName(u"attachToolButton"_s);
    attach->setIcon(QIcon(ChatStyle().icon(u"paperclip"_s, palette().color(QPalette::ButtonText),
                                           16, devicePixelRatioF())));
    attach->setToolTip(
        tr("Attach images or documents (you can also paste images or drop files here)"));
    attach->setAccessibleName(tr("Attach images or documents"));
    m_ui->composerLayout->insertWidget(0, attach);
    connect(attach, &QToolButton::clicked, m_documents, &ComposerDocuments::chooseFiles);
    connect(m_documents, &ComposerDocuments::imagesChosen, m_attachments,
            &ComposerAttachments::addFiles);
    m_attachments->watch(m_ui->composerPlainTextEdit);
    m_attachments->watch(m_view);
    m_documents->watch(m_ui->composerPlainTextEdit);
    m_documents->watch(m_view);
    connect(m_attachments, &ComposerAttachments::problem, this, &ChatPage::showComposerNotice);
    connect(m_documents, &ComposerDocuments::problem, this, &ChatPage::showComposerNotice);
    updateDocumentRoute();
    connect(m_attachments, &ComposerAttachments::changed, this, &ChatPage::updateVisionBar);
    connect(m_session, &ChatSession::targetChanged, this, &ChatPage::updateVisionBar);
    connect(m_visionBar, &VisionBar::switchRequested, this,
            [this](const QString &id) { selectTarget(false, id); });
}

void ChatPage::setDocumentService(DocumentService *service) {
    m_documents->setService(service);
}

void ChatPage::updateDocumentRoute() {
    const int row = m_ui->targetComboBox->currentIndex();
    if (!m_documents || row < 0)
        return;
    // An agent's model is not known here: its documents are read as text, which all read.
    const ChatTargetModel::Target target = m_targets->targetAt(row);
    std::optional<ModelCapabilities> capabilities;
    if (target.kind == ChatTargetModel::Kind::Model) {
        capabilities.emplace();
        capabilities->completionChat = true;
        capabilities->vision = target.vision;
    }
    m_documents->setModelCapabilities(capabilities);
    m_session->setReadsDocuments(!capabilities || capabilities->vision);
}

void ChatPage::updateVisionBar() {
    const int row = m_ui->targetComboBox->currentIndex();
    if (m_attachments->count() == 0 || row < 0) {
        m_visionBar->hide();
        return;
    }
    // An agent's model is not known here: only a model without vision is warned about.
    const ChatTargetModel::Target target = m_targets->targetAt(row);
    if (target.kind != ChatTargetModel::Kind::Model || target.vision) {
        m_visionBar->hide();
        return;
    }
    for (int i = 0; i < m_targets->rowCount(); ++i) {
        const ChatTargetModel::Target other = m_targets->targetAt(i);
        if (other.kind == ChatTargetModel::Kind::Model && other.vision && !other.deprecated) {
            m_visionBar->showFor(target.title, other.id, other.title);
            return;
        }
    }
    m_visionBar->showFor(target.title, {}, {});
}

void ChatPage::send() {
    const QString text = m_ui->composerPlainTextEdit->toPlainText();
    if (text.trimmed().isEmpty() && m_attachments->count() == 0 && m_documents->count() == 0)
        return;
    if (m_attachments->isPreparing()) {
        showComposerNotice(tr("The attached images are still being prepared: send again in a "
                              "moment."));
        return;
    }
    if (m_documents->isPreparing()) {
        showComposerNotice(tr("The attached documents are still being uploaded or read: send "
                              "again when their chips say they are ready."));
        return;
    }
    if (!m_visionBar->isHidden()) {
        // Never sent without its images: the bar says why and offers a model that reads them.
        m_visionBar->switchButton()->setFocus(Qt::OtherFocusReason);
        return;
    }
    m_session->setTools(selectedTools());
    const QList<ContentChunk> images = m_attachments->chunks() + m_documents->chunks();
    const QVariant editEntry = m_ui->composerPlainTextEdit->property("editEntry");
    const bool sent = editEntry.isValid()
                          ? m_session->editAndResend(editEntry.toInt(), text, images)
                          : m_session->send(text, images);
    if (sent) {
        m_attachments->clear();
        m_documents->clear();
        m_ui->composerPlainTextEdit->clear();
        m_ui->composerPlainTextEdit->setProperty("editEntry", QVariant());
        m_ui->composerNoticeLabel->hide();
        m_view->scrollToLatest();
    }
}

void ChatPage::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ChatPage::retranslate() {
    m_ui->retranslateUi(this);
    if (auto *attach = findChild<QToolButton *>(u"attachToolButton"_s)) {
        attach->setToolTip(tr("Attach images (you can also paste them or drop them here)"));
        attach->setAccessibleName(tr("Attach images"));
    }
    // What the code sets over the form's words, said again in the new language.
    const bool busy = m_session->isBusy();
    m_ui->sendPushButton->setText(busy ? tr("Stop") : tr("Send"));
    m_ui->sendPushButton->setToolTip(busy ? tr("Stop the answer (Esc); what arrived is kept")
                                          : tr("Send (Enter)"));
    m_ui->statusLabel->setText(busy ? tr("Answering…") : QString());
    rebuildToolsMenu();
    updateToolsButton();
    updateTargetProblem();
    updateEmptyChatPanel();
}

void ChatPage::onBusyChanged(bool busy) {
    if (!busy)
        m_retryCountdown->stop();
    m_ui->sendPushButton->setText(busy ? tr("Stop") : tr("Send"));
    m_ui->sendPushButton->setToolTip(busy ? tr("Stop the answer (Esc); what arrived is kept")
                                          : tr("Send (Enter)"));
    m_ui->statusLabel->setText(busy ? tr("Answering…") : QString());
}

void ChatPage::onTargetChanged(int row) {
    if (row < 0)
        return;
    const ChatTargetModel::Target target = m_targets->targetAt(row);
    const bool agent = target.kind == ChatTargetModel::Kind::Agent;
    m_session->setTarget(agent ? ChatSession::TargetKind::Agent : ChatSession::TargetKind::Model,
                         target.id);
    updateDocumentRoute();
    // An agent's requests carry the agent's tools: the menu shows those instead of the chat's.
    const QString agentId = agent ? target.id : QString();
    if (agentId != m_agentId || (agent && target.tools != m_agentTools)) {
        m_agentId = agentId;
        m_agentName = agent ? target.title : QString();
        m_agentTools = agent ? target.tools : QList<Tool>();
        if (m_toolsMenu)
            rebuildToolsMenu();
    }
    QStringList badges;
    if (target.vision)
        badges << tr("vision");
    if (target.functionCalling)
        badges << tr("tools");
    if (target.reasoning)
        badges << tr("reasoning");
    m_ui->targetComboBox->setToolTip(
        target.subtitle + (badges.isEmpty() ? QString() : u"\n"_s + badges.join(u" · "_s)));
    m_settingsPane->setTarget(agent ? target.title : QString(), target.reasoning);
    updateEmptyChatPanel();
}

void ChatPage::selectTarget(bool agent, const QString &id) {
    const int row =
        m_targets->rowOf(agent ? ChatTargetModel::Kind::Agent : ChatTargetModel::Kind::Model, id);
    if (row >= 0)
        m_ui->targetComboBox->setCurrentIndex(row);
}

void ChatPage::setSignInStates(ConnectorSignInStates *states) {
    m_signInStates = states;
    connect(states, &ConnectorSignInStates::changed, this, [this](const QString &connectorId) {
        const bool shown = std::any_of(m_connectors.cbegin(), m_connectors.cend(),
                                       [&](const Connector &c) { return c.id == connectorId; });
        if (shown)
            rebuildToolsMenu();
    });
    states->track(m_connectors);
    rebuildToolsMenu();
}

void ChatPage::setConnectors(const QList<Connector> &connectors, bool complete) {
    m_connectors = connectors;
    m_connectorsComplete = complete;
    if (m_signInStates)
        m_signInStates->track(connectors);
    dropDeletedConnectors();
    rebuildToolsMenu();
    updateEmptyChatPanel();
}

void ChatPage::dropDeletedConnectors() {
    if (!m_connectorsComplete)
        return;
    const auto listed = [this](const QString &key) {
        return std::any_of(m_connectors.cbegin(), m_connectors.cend(), [&key](const Connector &c) {
            return c.name == key || c.id.compare(key, Qt::CaseInsensitive) == 0;
        });
    };
    QStringList gone;
    for (const QString &key : std::as_const(m_enabledConnectors)) {
        if (!listed(key))
            gone.append(key);
    }
    if (gone.isEmpty())
        return;
    for (const QString &key : std::as_const(gone))
        m_enabledConnectors.removeAll(key);
    // The session repeats its last tools when it regenerates an answer.
    QList<Tool> tools = m_session->tools();
    tools.removeIf([&gone](const Tool &tool) {
        return tool.type == Tool::Type::Connector && gone.contains(tool.connectorId);
    });
    m_session->setTools(tools);
}

void ChatPage::setToolApprovals(ToolApprovalStore *approvals) {
    if (m_approvals)
        disconnect(m_approvals, nullptr, this, nullptr);
    m_approvals = approvals;
    if (m_approvals) {
        connect(m_approvals, &ToolApprovalStore::approvalsChanged, this,
                &ChatPage::rebuildToolsMenu);
        connect(m_approvals, &ToolApprovalStore::approvalsChanged, this,
                &ChatPage::updateEmptyChatPanel);
    }
    rebuildToolsMenu();
}

int ChatPage::approvalState(const Connector &connector) const {
    if (!m_approvals || !connector.tools)
        return int(ToolApprovalStore::State::Approved);
    return int(m_approvals->summary(connector.id, *connector.tools));
}

void ChatPage::confirmChangedConnector(const Connector &connector) {
    auto *box = new QMessageBox(this);
    box->setObjectName(u"changedToolsMessageBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIcon(QMessageBox::Warning);
    box->setTextFormat(Qt::PlainText);
    box->setWindowTitle(tr("Tools Changed"));
    box->setText(
        tr("The tools of “%1” changed since you approved them.").arg(connector.displayName()));
    box->setInformativeText(
        tr("A tool's description is what the model reads: a changed one can make the model do "
           "something else than you expect. Review the tools on the Connectors page, or use the "
           "connector in this chat anyway."));
    box->setStandardButtons(QMessageBox::Yes | QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setEscapeButton(QMessageBox::Cancel);
    box->button(QMessageBox::Yes)->setText(tr("Use Anyway"));
    const QString name = connector.name;
    connect(box, &QMessageBox::finished, this, [this, name](int result) {
        if (result != QMessageBox::Yes)
            return;
        if (!m_enabledConnectors.contains(name))
            m_enabledConnectors.append(name);
        // The menu may have been rebuilt meanwhile: find the connector's action by name.
        if (auto *action = m_toolsMenu->findChild<QAction *>(u"connectorAction_"_s + name)) {
            const QSignalBlocker block(action);
            action->setChecked(true);
        }
        updateToolsButton();
    });
    box->open();
}

void ChatPage::useConnector(const Connector &connector) {
    bool known = false;
    for (const Connector &c : std::as_const(m_connectors))
        known = known || c.name == connector.name;
    if (!known)
        m_connectors.append(connector);
    if (!m_enabledConnectors.contains(connector.name))
        m_enabledConnectors.append(connector.name);
    rebuildToolsMenu();
    Q_EMIT statusMessage(tr("Connector “%1” is on for this chat.").arg(connector.displayName()));
}

QList<Tool> ChatPage::selectedTools() const {
    QList<Tool> tools;
    if (m_imageGeneration)
        tools.append(Tool::builtIn(Tool::Type::ImageGeneration));
    if (m_webSearch != Tool::Type::Unknown)
        tools.append(Tool::builtIn(m_webSearch));
    if (m_codeInterpreter)
        tools.append(Tool::builtIn(Tool::Type::CodeInterpreter));
    if (const auto libraries = m_libraryChoices->tool())
        tools.append(*libraries);
    for (const QString &name : m_enabledConnectors)
        tools.append(Tool::connector(name));
    return deduplicateTools(tools);
}

void ChatPage::setSelectedTools(const QList<Tool> &tools) {
    m_imageGeneration = false;
    m_webSearch = Tool::Type::Unknown;
    m_codeInterpreter = false;
    m_enabledConnectors.clear();
    QStringList libraryIds;
    for (const Tool &tool : tools) {
        if (tool.type == Tool::Type::DocumentLibrary)
            libraryIds.append(tool.libraryIds);
        else if (tool.type == Tool::Type::ImageGeneration)
            m_imageGeneration = true;
        else if (tool.type == Tool::Type::WebSearch || tool.type == Tool::Type::WebSearchPremium)
            m_webSearch = tool.type;
        else if (tool.type == Tool::Type::CodeInterpreter)
            m_codeInterpreter = true;
        else if (tool.type == Tool::Type::Connector && !tool.connectorId.isEmpty()
                 && !m_enabledConnectors.contains(tool.connectorId))
            m_enabledConnectors.append(tool.connectorId);
    }
    m_libraryChoices->setChosenIds(libraryIds);
    dropDeletedConnectors();
    rebuildToolsMenu();
}

void ChatPage::setUpLibraries() {
    // Its own list until the app hands over the shared one (setLibraryList()).
    m_libraryChoices = new LibraryChoices(new LibraryList(nullptr, this), this);
    m_libraryMenu = new LibraryMenu(m_libraryChoices, this);
    connect(m_libraryChoices, &LibraryChoices::changed, this, &ChatPage::updateToolsButton);
    // A deleted library also leaves the tools the session repeats when it regenerates.
    connect(m_libraryChoices, &LibraryChoices::dropped, this, [this](const QStringList &gone) {
        m_session->setTools(LibraryChoices::withoutLibraries(m_session->tools(), gone));
    });
    // The list is asked for when the menu is first opened, and again on each opening.
    connect(m_toolsMenu, &QMenu::aboutToShow, this, [this] {
        if (m_agentId.isEmpty())
            m_libraryChoices->list()->refresh();
    });
}

void ChatPage::setLibraryList(LibraryList *list) {
    m_libraryChoices->setList(list);
}

void ChatPage::rebuildToolsMenu() {
    m_toolsMenu->clear();
    if (!m_agentId.isEmpty()) {
        buildAgentToolsMenu();
        return;
    }
    m_toolsMenu->addSection(tr("Built-in tools"));
    QAction *image = m_toolsMenu->addAction(tr("Image generation"));
    image->setCheckable(true);
    image->setChecked(m_imageGeneration);
    image->setObjectName(u"imageGenerationAction"_s);
    connect(image, &QAction::toggled, this, [this](bool on) {
        m_imageGeneration = on;
        updateToolsButton();
    });
    const auto addHosted = [this](const QString &title, const QString &tip, const QString &name,
                                  bool *flag) {
        QAction *action = m_toolsMenu->addAction(title);
        action->setCheckable(true);
        action->setChecked(*flag);
        action->setToolTip(tip);
        action->setObjectName(name);
        connect(action, &QAction::toggled, this, [this, flag](bool on) {
            *flag = on;
            updateToolsButton();
        });
    };
    WebSearchActions::add(m_toolsMenu, m_webSearch, [this](Tool::Type type) {
        m_webSearch = type;
        updateToolsButton();
    });
    addHosted(tr("Code interpreter"), tr("Run Python code and show its output"),
              u"codeInterpreterAction"_s, &m_codeInterpreter);
    m_libraryMenu->rebuild();
    m_toolsMenu->addMenu(m_libraryMenu);
    m_toolsMenu->addSection(tr("Connectors"));
    if (m_connectors.isEmpty()) {
        QAction *none = m_toolsMenu->addAction(ConnectorListModel::emptyListTitle());
        none->setToolTip(ConnectorListModel::emptyListHint());
        none->setEnabled(false);
    }
    for (const Connector &c : std::as_const(m_connectors)) {
        const auto state = ToolApprovalStore::State(approvalState(c));
        QString label = c.displayName();
        QString tip = c.description;
        if (state != ToolApprovalStore::State::Approved) {
            const QString warning =
                state == ToolApprovalStore::State::Changed
                    ? tr("tools changed since you approved them — review in Connectors")
                    : tr("tools not reviewed yet — review in Connectors");
            label += u" ("_s + warning + u')';
            tip = tip.isEmpty() ? warning : tip + u"\n\n"_s + warning;
        }
        // An OAuth connector says where its sign-in stands, and offers one when it needs it.
        bool offerSignIn = false;
        if (m_signInStates && m_signInStates->usesOAuth(c)) {
            const ConnectorSignInStates::Summary summary = m_signInStates->summary(c.id);
            const QDateTime now = QDateTime::currentDateTimeUtc();
            if (const QString s = ConnectorSignInText::state(summary, now); !s.isEmpty())
                label += u" — "_s + s;
            offerSignIn = summary.needsSignIn(now);
        }
        QAction *action = m_toolsMenu->addAction(label);
        action->setObjectName(u"connectorAction_"_s + c.name);
        action->setCheckable(true);
        action->setChecked(m_enabledConnectors.contains(c.name));
        action->setToolTip(tip);
        action->setData(int(state));
        if (state != ToolApprovalStore::State::Approved)
            action->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
        const Connector connector = c;
        connect(action, &QAction::toggled, this, [this, connector, action](bool on) {
            if (on && !m_enabledConnectors.contains(connector.name)
                && approvalState(connector) == int(ToolApprovalStore::State::Changed)) {
                // Not on until the user agreed.
                {
                    const QSignalBlocker block(action);
                    action->setChecked(false);
                }
                confirmChangedConnector(connector);
                return;
            }
            m_enabledConnectors.removeAll(connector.name);
            if (on)
                m_enabledConnectors.append(connector.name);
            updateToolsButton();
        });
        if (offerSignIn) {
            QAction *signIn =
                m_toolsMenu->addAction(ConnectorSignInText::signInAction(c.displayName()));
            signIn->setObjectName(u"connectorSignInAction_"_s + c.name);
            const QString key = c.name;
            connect(signIn, &QAction::triggered, this,
                    [this, key] { Q_EMIT connectorSignInRequested(key, QString()); });
        }
    }
    updateToolsButton();
}

void ChatPage::buildAgentToolsMenu() {
    m_toolsMenu->addSection(tr("Tools of the agent"));
    QAction *note = m_toolsMenu->addAction(
        m_agentTools.isEmpty() ? tr("This agent has no tools.")
                               : tr("These tools come from the agent; change them in the agent."));
    note->setObjectName(u"agentToolsNoteAction"_s);
    note->setEnabled(false);
    for (qsizetype i = 0; i < m_agentTools.size(); ++i) {
        const Tool &tool = m_agentTools.at(i);
        QString title;
        switch (tool.type) {
        case Tool::Type::Connector:
            title = tr("Connector %1").arg(tool.connectorId);
            for (const Connector &c : std::as_const(m_connectors)) {
                if (c.name == tool.connectorId || c.id == tool.connectorId)
                    title = tr("Connector %1").arg(c.displayName());
            }
            break;
        case Tool::Type::Function:
            title = tr("Function %1").arg(tool.name);
            break;
        default:
            title = ToolTitles::builtInTitle(tool.toJson().value("type"_L1).toString());
            if (title.isEmpty())
                title = ToolTitles::humanize(tool.toJson().value("type"_L1).toString());
            break;
        }
        QAction *action = m_toolsMenu->addAction(title);
        action->setObjectName(u"agentToolAction_%1"_s.arg(i));
        action->setCheckable(true);
        action->setChecked(true);
        action->setEnabled(false); // what the agent uses, not a choice made here
    }
    m_toolsMenu->addSeparator();
    QAction *edit = m_toolsMenu->addAction(tr("Edit Agent…"));
    edit->setObjectName(u"editAgentAction"_s);
    edit->setToolTip(tr("Change the tools of “%1” in the agent editor").arg(m_agentName));
    const QString id = m_agentId;
    connect(edit, &QAction::triggered, this, [this, id] { Q_EMIT editAgentRequested(id); });
    updateToolsButton();
}

void ChatPage::updateToolsButton() {
    if (!m_agentId.isEmpty()) {
        const qsizetype count = m_agentTools.size();
        m_ui->toolsToolButton->setText(count == 0 ? tr("Tools") : tr("Tools (%1)").arg(count));
        m_ui->toolsToolButton->setToolTip(tr("The tools of the agent “%1”").arg(m_agentName));
        return;
    }
    const qsizetype count = selectedTools().size();
    m_ui->toolsToolButton->setText(count == 0 ? tr("Tools") : tr("Tools (%1)").arg(count));
    m_ui->toolsToolButton->setToolTip(tr("Built-in tools and connectors this chat may use"));
}

// --- The history sidebar ---------------------------------------------------------------------

void ChatPage::setSidebar(QWidget *sidebar) {
    if (m_splitter)
        return;
    // The page's own content becomes the right pane of a splitter.
    auto *conversationPane = new QWidget(this);
    conversationPane->setObjectName(u"conversationPaneWidget"_s);
    conversationPane->setLayout(layout());
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(u"historySplitter"_s);
    m_splitter->setChildrenCollapsible(true);
    m_splitter->addWidget(sidebar);
    m_splitter->addWidget(conversationPane);
    m_splitter->setCollapsible(1, false);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    auto *pageLayout = new QHBoxLayout(this);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->addWidget(m_splitter);

    const QSettings settings;
    m_sidebarWidth = qMax(160, settings.value(SettingsKeys::sidebarWidth, 260).toInt());
    const bool visible = settings.value(SettingsKeys::sidebarVisible, true).toBool();
    m_splitter->setSizes({visible ? m_sidebarWidth : 0, 1000});
    connect(m_splitter, &QSplitter::splitterMoved, this, &ChatPage::saveSidebarState);
    // The sidebar has its own New chat button; the header's shows only while it is hidden.
    m_ui->newChatToolButton->setVisible(!visible);
}

bool ChatPage::isSidebarVisible() const {
    return m_splitter && m_splitter->sizes().value(0) > 0;
}

void ChatPage::setSidebarVisible(bool visible) {
    if (!m_splitter || visible == isSidebarVisible())
        return;
    const int total = m_splitter->sizes().value(0) + m_splitter->sizes().value(1);
    if (visible)
        m_splitter->setSizes({m_sidebarWidth, qMax(1, total - m_sidebarWidth)});
    else
        m_splitter->setSizes({0, total});
    saveSidebarState();
}

void ChatPage::saveSidebarState() {
    const int width = m_splitter->sizes().value(0);
    m_ui->newChatToolButton->setVisible(width == 0);
    if (width > 0)
        m_sidebarWidth = width;
    QSettings settings;
    settings.setValue(SettingsKeys::sidebarWidth, m_sidebarWidth);
    settings.setValue(SettingsKeys::sidebarVisible, width > 0);
}

void ChatPage::widenTargetPopup() {
    // The popup is as wide as its widest row, name and badges: a model id is never elided.
    QAbstractItemView *popup = m_ui->targetComboBox->view();
    popup->setMinimumWidth(popup->sizeHintForColumn(0) + 2 * popup->frameWidth()
                           + popup->verticalScrollBar()->sizeHint().width());
}

void ChatPage::focusComposer() {
    m_ui->composerPlainTextEdit->setFocus(Qt::ShortcutFocusReason);
}

void ChatPage::updateEmptyChatPanel() {
    if (!m_emptyPanel)
        return;
    const bool empty = m_session->model()->rowCount() == 0;
    m_emptyPanel->setVisible(empty);
    if (!empty)
        return;
    EmptyChatPanel::Context context;
    const int row = m_ui->targetComboBox->currentIndex();
    if (row >= 0) {
        const ChatTargetModel::Target target = m_targets->targetAt(row);
        context.agentChosen = target.kind == ChatTargetModel::Kind::Agent;
        context.canUseTools = target.functionCalling;
    }
    m_suggestedConnector.clear();
    for (const Connector &c : std::as_const(m_connectors)) {
        if (approvalState(c) == int(ToolApprovalStore::State::Approved)) {
            m_suggestedConnector = c.name;
            context.connectorTitle = c.displayName();
            break;
        }
    }
    for (int i = 0; i < m_targets->rowCount() && !context.hasAgents; ++i)
        context.hasAgents = m_targets->targetAt(i).kind == ChatTargetModel::Kind::Agent;
    m_emptyPanel->setContext(context);
    m_emptyPanel->setGeometry(m_view->geometry());
    m_emptyPanel->raise();
}

void ChatPage::useSuggestion(EmptyChatPanel::Suggestion suggestion) {
    switch (suggestion) {
    case EmptyChatPanel::Suggestion::ChooseAgent:
        pickTarget();
        return;
    case EmptyChatPanel::Suggestion::Draw:
        m_imageGeneration = true;
        rebuildToolsMenu();
        break;
    case EmptyChatPanel::Suggestion::UseConnector:
        if (!m_suggestedConnector.isEmpty()
            && !m_enabledConnectors.contains(m_suggestedConnector)) {
            m_enabledConnectors.append(m_suggestedConnector);
            rebuildToolsMenu();
        }
        break;
    case EmptyChatPanel::Suggestion::Ask:
        break;
    }
    setComposerText(m_emptyPanel->promptFor(suggestion));
    focusComposer();
}

void ChatPage::pickTarget() {
    if (m_targets->rowCount() == 0 && m_targetProblem->isVisibleTo(this)) {
        // Nothing to pick: the way on is Retry, next to the reason.
        m_targetProblem->retryButton()->setFocus(Qt::ShortcutFocusReason);
        Q_EMIT statusMessage(m_targetProblem->text());
        return;
    }
    m_ui->targetComboBox->setFocus(Qt::ShortcutFocusReason);
    m_ui->targetComboBox->showPopup();
}

void ChatPage::setTargetLoader(ChatTargetLoader *loader) {
    if (m_loader)
        disconnect(m_loader, nullptr, this, nullptr);
    m_loader = loader;
    disconnect(m_targetProblem, &TargetProblemBar::retryRequested, nullptr, nullptr);
    if (m_loader) {
        connect(m_loader, &ChatTargetLoader::stateChanged, this, &ChatPage::updateTargetProblem);
        connect(m_targetProblem, &TargetProblemBar::retryRequested, m_loader,
                &ChatTargetLoader::load);
    }
    updateTargetProblem();
}

void ChatPage::updateTargetProblem() {
    // Only an empty picker needs an explanation: with a list, a failed reload changes nothing.
    if (!m_loader || m_targets->rowCount() > 0) {
        m_targetProblem->hide();
        m_ui->targetComboBox->setPlaceholderText(QString());
        return;
    }
    m_targetProblem->showState(*m_loader);
    m_ui->targetComboBox->setPlaceholderText(m_targetProblem->isHidden() ? QString()
                                                                         : tr("No models loaded"));
}

void ChatPage::copyLastAnswer() {
    m_view->copyLastAnswer();
}

void ChatPage::stop() {
    m_session->stop();
}

void ChatPage::regenerate() {
    if (!m_session->regenerate())
        Q_EMIT statusMessage(tr("Nothing to regenerate yet."));
}

void ChatPage::setComposerText(const QString &text) {
    m_ui->composerPlainTextEdit->setPlainText(text);
    m_ui->composerPlainTextEdit->moveCursor(QTextCursor::End);
}

QString ChatPage::composerText() const {
    return m_ui->composerPlainTextEdit->toPlainText();
}

void ChatPage::showComposerNotice(const QString &text) {
    m_ui->composerNoticeLabel->setText(text);
    m_ui->composerNoticeLabel->setVisible(!text.isEmpty());
}

void ChatPage::adjustComposerHeight() {
    QPlainTextEdit *edit = m_ui->composerPlainTextEdit;
    const int lines = qBound(1, edit->document()->lineCount(), 8);
    const int height = edit->fontMetrics().lineSpacing() * lines
                       + int(edit->document()->documentMargin() * 2) + edit->frameWidth() * 2 + 4;
    edit->setFixedHeight(height);
    edit->setVerticalScrollBarPolicy(edit->document()->lineCount() > 8 ? Qt::ScrollBarAsNeeded
                                                                       : Qt::ScrollBarAlwaysOff);
}

bool ChatPage::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_view && (event->type() == QEvent::Resize || event->type() == QEvent::Move))
        m_emptyPanel->setGeometry(m_view->geometry());
    if (watched == m_ui->composerPlainTextEdit && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        if (enter && !(key->modifiers() & (Qt::ShiftModifier | Qt::AltModifier))) {
            send();
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            if (m_session->isBusy()) {
                m_session->stop();
            } else if (m_ui->composerPlainTextEdit->property("editEntry").isValid()) {
                m_ui->composerPlainTextEdit->setProperty("editEntry", QVariant());
                m_ui->composerPlainTextEdit->clear();
                m_ui->composerNoticeLabel->hide();
            }
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Tramontane
