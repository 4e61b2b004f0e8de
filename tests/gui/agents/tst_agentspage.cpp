// SPDX-License-Identifier: GPL-3.0-or-later
#include "services/agents/AgentsTestHelpers.h"
#include "support/EmulatorProcess.h"

#include "core/auth/SecretStore.h"
#include "core/net/ApiClient.h"
#include "core/services/AgentService.h"
#include "core/services/ModelService.h"
#include "core/services/ToolCredentials.h"
#include "models/AgentListModel.h"
#include "models/Roles.h"
#include "ui/AgentEditorDialog.h"
#include "ui/AgentVersionsDialog.h"
#include "ui/AgentsPage.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using Tramontane::Test::EmulatorProcess;

namespace {

template<typename T>
T *child(QWidget *parent, const QString &name) {
    T *widget = parent ? parent->findChild<T *>(name) : nullptr;
    if (!widget)
        qWarning() << "no widget" << name;
    return widget;
}

// Answers the next message box named \a name with \a button, from inside its event loop.
void answerNextMessageBox(const QString &name, QMessageBox::StandardButton button) {
    // The pending timer owns the attempt; the attempt refers to itself weakly, so it is freed
    // once it has answered or given up.
    auto attempt = std::make_shared<std::function<void(int)>>();
    *attempt = [name, button, self = std::weak_ptr(attempt)](int triesLeft) {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            auto *box = qobject_cast<QMessageBox *>(w);
            if (box && box->objectName() == name && box->isVisible()) {
                box->button(button)->click();
                return;
            }
        }
        const auto next = self.lock();
        if (next && triesLeft > 0)
            QTimer::singleShot(20, qApp, [next, triesLeft] { (*next)(triesLeft - 1); });
    };
    QTimer::singleShot(0, qApp, [attempt] { (*attempt)(250); });
}

// Toggles a tool row the way a user does: make it current, press Space.
void toggleTool(QListView *view, int row) {
    view->setCurrentIndex(view->model()->index(row, 0));
    QTest::keyClick(view, Qt::Key_Space);
}

int toolRow(QListView *view, const QString &type, const QString &connectorId = {}) {
    QAbstractItemModel *model = view->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (model->data(index, Roles::ToolTypeRole).toString() == type
            && (connectorId.isEmpty()
                || model->data(index, Roles::ToolConnectorIdRole).toString() == connectorId))
            return row;
    }
    return -1;
}

} // namespace

class TestAgentsPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void createAgent_throughForm_withImageAndConnector();
    void editAgent_newVersionInHistory();
    void switchVersion_changesActiveVersion();
    void deleteAgent_afterConfirmation();
    void deleteAgent_quotesTheNameLikeTheRestOfTheApp();
    void create409_landsOnNameAndKeepsTyped();
    void create422_landsOnFieldOfLoc();
    void missingConnector404_landsOnTools();
    void closeWithUnsavedChanges_asks();
    void closeWindowWithUnsavedChanges_asks();
    void chatWithAgent_emitsAgent();
    void search_filtersAndAsksServer();
    void editAgent_hiddenBySearch_clearsItAndOpens();

private:
    AgentEditorDialog *openNewEditor();
    Agent createViaService(const QString &name, const QList<Tool> &tools = {});
    void fillName(AgentEditorDialog *editor, const QString &name);
    void save(AgentEditorDialog *editor);

    EmulatorProcess m_emulator;
    QNetworkAccessManager m_nam;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<AgentService> m_agents;
    std::unique_ptr<ModelService> m_models;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<AgentListModel> m_list;
    std::unique_ptr<AgentsPage> m_page;
    QString m_connectorId;
};

void TestAgentsPage::initTestCase() {
    QStandardPaths::setTestModeEnabled(true); // the main window keeps its geometry there
    QVERIFY2(m_emulator.start(), qPrintable(m_emulator.errorString()));
    m_client = std::make_unique<ApiClient>(&m_nam);
    QVERIFY(m_client->setBaseUrl(m_emulator.baseUrl()));
    m_client->setApiKey(m_emulator.apiKey());
    m_agents = std::make_unique<AgentService>(m_client.get());
    m_models = std::make_unique<ModelService>(m_client.get());
}

void TestAgentsPage::init() {
    Test::resetEmulator(m_nam, m_emulator.baseUrl());
    m_connectorId = Test::createConnector(m_nam, m_emulator.baseUrl(), m_emulator.apiKey(),
                                          u"my_deepwiki"_s, u"DeepWiki"_s)
                        .value("id"_L1)
                        .toString();
    QVERIFY(!m_connectorId.isEmpty());
    m_secrets = std::make_unique<MemorySecretStore>();
    m_list = std::make_unique<AgentListModel>(m_agents.get());
    m_page =
        std::make_unique<AgentsPage>(m_agents.get(), m_list.get(), m_models.get(), m_secrets.get());
    m_page->resize(1000, 640);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QTRY_VERIFY(m_list->hasLoaded());
}

void TestAgentsPage::cleanup() {
    if (m_page && m_page->editor()) {
        // Leave no question pending for the next test.
        answerNextMessageBox(u"unsavedChangesMessageBox"_s, QMessageBox::Discard);
        m_page->editor()->reject();
    }
    m_page.reset();
    m_list.reset();
    m_secrets.reset();
}

AgentEditorDialog *TestAgentsPage::openNewEditor() {
    QPushButton *newButton = child<QPushButton>(m_page.get(), u"newAgentPushButton"_s);
    if (!newButton)
        return nullptr;
    newButton->click();
    AgentEditorDialog *editor = m_page->editor();
    if (!editor || !editor->isVisible())
        return nullptr;
    // The pickers fill once the models and the connectors arrived.
    auto *models = child<QComboBox>(editor, u"modelComboBox"_s);
    auto *tools = child<QListView>(editor, u"toolsListView"_s);
    const bool ready = QTest::qWaitFor([&] {
        return models->findData(u"mistral-small-latest"_s) >= 0
               && toolRow(tools, u"connector"_s, m_connectorId) >= 0;
    });
    return ready ? editor : nullptr;
}

Agent TestAgentsPage::createViaService(const QString &name, const QList<Tool> &tools) {
    AgentCreateRequest r;
    r.name = name;
    r.model = u"mistral-small-latest"_s;
    r.tools = tools;
    std::optional<Agent> created;
    m_agents->create(r, this, [&](const ServiceResult<Agent> &result) {
        created = result.value.value_or(Agent());
    });
    if (!QTest::qWaitFor([&] { return created.has_value(); }, 15000))
        qWarning() << "agent not created";
    return created.value_or(Agent());
}

void TestAgentsPage::fillName(AgentEditorDialog *editor, const QString &name) {
    auto *edit = child<QLineEdit>(editor, u"nameLineEdit"_s);
    edit->selectAll();
    QTest::keyClicks(edit, name);
}

void TestAgentsPage::save(AgentEditorDialog *editor) {
    child<QPushButton>(editor, u"saveAgentPushButton"_s)->click();
}

void TestAgentsPage::createAgent_throughForm_withImageAndConnector() {
    AgentEditorDialog *editor = openNewEditor();
    QVERIFY(editor);
    QVERIFY(!editor->isEditing());
    // The new agent starts on the default model, and unchanged.
    QCOMPARE(child<QComboBox>(editor, u"modelComboBox"_s)->currentData().toString(),
             u"mistral-small-latest"_s);
    QVERIFY(!editor->hasUnsavedChanges());

    fillName(editor, u"deepwiki_completion_agent"_s);
    QTest::keyClicks(child<QLineEdit>(editor, u"descriptionLineEdit"_s),
                     u"Agent with DeepWiki access"_s);
    QTest::keyClicks(child<QPlainTextEdit>(editor, u"instructionsPlainTextEdit"_s),
                     u"You are a helpful assistant that can explore code repositories using "
                     "DeepWiki. Be concise."_s);
    auto *tools = child<QListView>(editor, u"toolsListView"_s);
    const int imageRow = toolRow(tools, u"image_generation"_s);
    QCOMPARE(imageRow, 0); // image generation comes first
    toggleTool(tools, imageRow);
    const int connectorRow = toolRow(tools, u"connector"_s, m_connectorId);
    toggleTool(tools, connectorRow);
    QCOMPARE(tools->model()->data(tools->model()->index(connectorRow, 0)).toString(),
             u"DeepWiki"_s);
    // A credential for the connector's tools, kept in the secret store.
    auto *credentialType = child<QComboBox>(editor, u"credentialTypeComboBox"_s);
    QVERIFY(credentialType->isEnabled());
    credentialType->setCurrentIndex(credentialType->findData(u"api-key"_s));
    QTest::keyClicks(child<QLineEdit>(editor, u"credentialValueLineEdit"_s), u"s3cret-key"_s);
    auto *temperature = child<QLineEdit>(editor, u"temperatureLineEdit"_s);
    QCOMPARE(temperature->placeholderText(), u"Model default: 0.3"_s);
    QTest::keyClicks(temperature, u"0.2"_s);
    QVERIFY(editor->hasUnsavedChanges());

    QSignalSpy saved(editor, &AgentEditorDialog::agentSaved);
    save(editor);
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 15000);
    QTRY_VERIFY(!m_page->editor());

    const Agent agent = saved.at(0).at(0).value<Agent>();
    QCOMPARE(agent.name, u"deepwiki_completion_agent"_s);
    QCOMPARE(agent.description, std::optional(u"Agent with DeepWiki access"_s));
    QCOMPARE(agent.tools.size(), 2);
    QCOMPARE(agent.tools.at(0).type, Tool::Type::ImageGeneration);
    QCOMPARE(agent.tools.at(1).type, Tool::Type::Connector);
    QCOMPARE(agent.tools.at(1).connectorId, m_connectorId);
    QCOMPARE(agent.completionArgs.temperature, std::optional(0.2));
    // The list shows it, selected.
    QVERIFY(m_list->rowOf(agent.id) >= 0);
    QCOMPARE(m_page->currentAgent().id, agent.id);
    QCOMPARE(child<QLabel>(m_page.get(), u"detailToolsLabel"_s)->text(),
             u"Image generation, DeepWiki"_s);

    // The credential stayed on this machine: not in the request, but in the secret store.
    const QJsonArray sent = Test::recordedRequests(m_nam, m_emulator.baseUrl(), u"/v1/agents"_s);
    QVERIFY(!sent.isEmpty());
    const QByteArray body =
        QJsonDocument(sent.last().toObject().value("body"_L1).toObject()).toJson();
    QVERIFY(body.contains("deepwiki_completion_agent"));
    QVERIFY(!body.contains("s3cret-key"));
    QVERIFY(!body.contains("authorization"));
    QVERIFY(m_secrets->keys().contains(ToolCredentials::entry(m_connectorId)));
    // The chat's helper adds it to the connector tool of the request.
    std::optional<QList<Tool>> requestTools;
    ToolCredentials::authorizeAgentTools(agent, m_secrets.get(), this,
                                         [&](const QList<Tool> &t) { requestTools = t; });
    QTRY_VERIFY(requestTools);
    QCOMPARE(requestTools->at(1).authorization,
             std::optional(ConnectorAuthorization::apiKey(u"s3cret-key"_s)));
    QVERIFY(!requestTools->at(0).authorization);
}

void TestAgentsPage::editAgent_newVersionInHistory() {
    const Agent agent = createViaService(u"editable"_s, {Tool::connector(m_connectorId)});
    QTRY_VERIFY(m_page->selectAgent(agent.id));
    child<QPushButton>(m_page.get(), u"editAgentPushButton"_s)->click();
    AgentEditorDialog *editor = m_page->editor();
    QVERIFY(editor);
    QVERIFY(editor->isEditing());
    QCOMPARE(child<QLineEdit>(editor, u"nameLineEdit"_s)->text(), u"editable"_s);
    QVERIFY(!editor->hasUnsavedChanges());
    auto *tools = child<QListView>(editor, u"toolsListView"_s);
    QTRY_VERIFY(toolRow(tools, u"connector"_s, m_connectorId) >= 0);
    QCOMPARE(tools->model()
                 ->data(tools->model()->index(toolRow(tools, u"connector"_s, m_connectorId), 0),
                        Qt::CheckStateRole)
                 .toInt(),
             int(Qt::Checked));

    QTest::keyClicks(child<QPlainTextEdit>(editor, u"instructionsPlainTextEdit"_s),
                     u"Answer in French."_s);
    QTest::keyClicks(child<QLineEdit>(editor, u"versionMessageLineEdit"_s), u"French"_s);
    save(editor);
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->editor(), 15000);
    QTRY_COMPARE(m_list->agentAt(m_list->rowOf(agent.id)).version, 1);
    // Only what changed went out.
    const QJsonObject body =
        Test::recordedRequests(m_nam, m_emulator.baseUrl(), AgentService::agentPath(agent.id))
            .last()
            .toObject()
            .value("body"_L1)
            .toObject();
    QCOMPARE(body.keys(), QStringList({u"instructions"_s, u"version_message"_s}));

    child<QPushButton>(m_page.get(), u"versionsPushButton"_s)->click();
    AgentVersionsDialog *versions = m_page->versionsDialog();
    QVERIFY(versions);
    auto *tree = child<QTreeWidget>(versions, u"versionsTreeWidget"_s);
    QTRY_COMPARE(tree->topLevelItemCount(), 2);
    QCOMPARE(tree->topLevelItem(0)->text(0), u"1 (active)"_s);
    QCOMPARE(tree->topLevelItem(0)->text(2), u"French"_s);
    QCOMPARE(tree->topLevelItem(1)->text(0), u"0"_s);
    QCOMPARE(tree->topLevelItem(1)->text(3), u"mistral-small-latest"_s);
}

void TestAgentsPage::switchVersion_changesActiveVersion() {
    const Agent agent = createViaService(u"switchable"_s);
    AgentUpdateRequest change;
    change.model = u"mistral-medium-latest"_s;
    bool updated = false;
    m_agents->update(agent.id, change, this,
                     [&](const ServiceResult<Agent> &r) { updated = r.ok(); });
    QTRY_VERIFY(updated);
    QTRY_VERIFY(m_page->selectAgent(agent.id));
    QCOMPARE(m_page->currentAgent().version, 1);

    child<QPushButton>(m_page.get(), u"versionsPushButton"_s)->click();
    AgentVersionsDialog *versions = m_page->versionsDialog();
    auto *tree = child<QTreeWidget>(versions, u"versionsTreeWidget"_s);
    QTRY_COMPARE(tree->topLevelItemCount(), 2);
    auto *activate = child<QPushButton>(versions, u"activateVersionPushButton"_s);
    tree->setCurrentItem(tree->topLevelItem(0)); // the active one: nothing to do
    QVERIFY(!activate->isEnabled());
    tree->setCurrentItem(tree->topLevelItem(1));
    QVERIFY(activate->isEnabled());
    QSignalSpy activated(versions, &AgentVersionsDialog::versionActivated);
    activate->click();
    QTRY_COMPARE(activated.size(), 1);
    QCOMPARE(tree->topLevelItem(1)->text(0), u"0 (active)"_s);
    // The list and the detail pane follow.
    QTRY_COMPARE(m_page->currentAgent().version, 0);
    QCOMPARE(m_page->currentAgent().model, u"mistral-small-latest"_s);
    QCOMPARE(child<QLabel>(m_page.get(), u"detailModelLabel"_s)->text(), u"mistral-small-latest"_s);
}

void TestAgentsPage::deleteAgent_afterConfirmation() {
    const Agent agent = createViaService(u"short-lived"_s);
    QTRY_VERIFY(m_page->selectAgent(agent.id));
    // Cancel first: nothing happens.
    answerNextMessageBox(u"deleteAgentMessageBox"_s, QMessageBox::Cancel);
    child<QPushButton>(m_page.get(), u"deleteAgentPushButton"_s)->click();
    QTRY_VERIFY(!QApplication::activeModalWidget());
    QTest::qWait(100); // a DELETE would need a moment to come back
    QVERIFY(m_list->rowOf(agent.id) >= 0);
    QVERIFY(Test::recordedRequests(m_nam, m_emulator.baseUrl(), AgentService::agentPath(agent.id))
                .isEmpty());

    QSignalSpy status(m_page.get(), &AgentsPage::statusMessage);
    answerNextMessageBox(u"deleteAgentMessageBox"_s, QMessageBox::Yes);
    child<QPushButton>(m_page.get(), u"deleteAgentPushButton"_s)->click();
    QTRY_COMPARE_WITH_TIMEOUT(m_list->rowOf(agent.id), -1, 15000);
    QTRY_COMPARE(status.size(), 1);
    QVERIFY(status.at(0).at(0).toString().contains(u"deleted"_s));
    const QJsonArray sent =
        Test::recordedRequests(m_nam, m_emulator.baseUrl(), AgentService::agentPath(agent.id));
    QCOMPARE(sent.last().toObject().value("method"_L1).toString(), u"DELETE"_s);
}

void TestAgentsPage::deleteAgent_quotesTheNameLikeTheRestOfTheApp() {
    // Typographic quotes, as the connector, chat and history dialogs use; the name is the
    // server's, shown as plain text.
    const Agent agent = createViaService(u"<b>quoted</b>"_s);
    QTRY_VERIFY(m_page->selectAgent(agent.id));
    QString text;
    Qt::TextFormat format = Qt::AutoText;
    QTimer::singleShot(0, qApp, [&] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            auto *box = qobject_cast<QMessageBox *>(w);
            if (box && box->objectName() == u"deleteAgentMessageBox"_s) {
                text = box->text();
                format = box->textFormat();
            }
        }
    });
    answerNextMessageBox(u"deleteAgentMessageBox"_s, QMessageBox::Cancel);
    child<QPushButton>(m_page.get(), u"deleteAgentPushButton"_s)->click();
    QTRY_VERIFY(!text.isEmpty());
    QCOMPARE(text, u"Delete the agent “<b>quoted</b>”?"_s);
    QCOMPARE(format, Qt::PlainText);
    QTRY_VERIFY(!QApplication::activeModalWidget());
}

void TestAgentsPage::create409_landsOnNameAndKeepsTyped() {
    createViaService(u"taken"_s);
    AgentEditorDialog *editor = openNewEditor();
    QVERIFY(editor);
    fillName(editor, u"taken"_s);
    QTest::keyClicks(child<QPlainTextEdit>(editor, u"instructionsPlainTextEdit"_s), u"Keep me."_s);
    auto *tools = child<QListView>(editor, u"toolsListView"_s);
    toggleTool(tools, toolRow(tools, u"image_generation"_s));
    // Look at another tab while saving: the error brings the name back into view.
    auto *tabs = child<QTabWidget>(editor, u"editorTabWidget"_s);
    tabs->setCurrentIndex(2);
    save(editor);
    auto *nameError = child<QLabel>(editor, u"nameErrorLabel"_s);
    QTRY_VERIFY_WITH_TIMEOUT(nameError->isVisible(), 15000);
    QCOMPARE(nameError->text().left(39), u"An agent with this name already exists."_s);
    QCOMPARE(tabs->currentIndex(), 0);
    QVERIFY(m_page->editor());
    QVERIFY(editor->isVisible());
    QCOMPARE(child<QLineEdit>(editor, u"nameLineEdit"_s)->text(), u"taken"_s);
    QCOMPARE(child<QPlainTextEdit>(editor, u"instructionsPlainTextEdit"_s)->toPlainText(),
             u"Keep me."_s);
    QCOMPARE(editor->formAgent().tools.size(), 1);
    QVERIFY(!child<QLabel>(editor, u"generalErrorLabel"_s)->isVisible());

    // A new name and the same form goes through.
    fillName(editor, u"not taken"_s);
    QVERIFY(!nameError->isVisible());
    QSignalSpy saved(editor, &AgentEditorDialog::agentSaved);
    save(editor);
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 15000);
    QCOMPARE(saved.at(0).at(0).value<Agent>().instructions, std::optional(u"Keep me."_s));
}

void TestAgentsPage::create422_landsOnFieldOfLoc() {
    AgentEditorDialog *editor = openNewEditor();
    QVERIFY(editor);
    fillName(editor, u"strict server"_s);
    // 0 passes the form's own check; the server wants top_p above 0.
    auto *topP = child<QLineEdit>(editor, u"topPLineEdit"_s);
    QTest::keyClicks(topP, u"0"_s);
    save(editor);
    auto *advancedError = child<QLabel>(editor, u"advancedErrorLabel"_s);
    QTRY_VERIFY_WITH_TIMEOUT(advancedError->isVisible(), 15000);
    QVERIFY2(advancedError->text().startsWith(u"top_p: "_s), qPrintable(advancedError->text()));
    auto *tabs = child<QTabWidget>(editor, u"editorTabWidget"_s);
    QCOMPARE(tabs->currentWidget()->objectName(), u"advancedTab"_s);
    QCOMPARE(QApplication::focusWidget(), topP);
    QCOMPARE(topP->text(), u"0"_s);
    QCOMPARE(child<QLineEdit>(editor, u"nameLineEdit"_s)->text(), u"strict server"_s);

    // A value the form refuses never leaves.
    topP->selectAll();
    QTest::keyClicks(topP, u"high"_s);
    const qsizetype before =
        Test::recordedRequests(m_nam, m_emulator.baseUrl(), u"/v1/agents"_s).size();
    save(editor);
    QVERIFY(advancedError->isVisible());
    QVERIFY(advancedError->text().contains(u"Top p must be a number"_s));
    QCOMPARE(Test::recordedRequests(m_nam, m_emulator.baseUrl(), u"/v1/agents"_s).size(), before);
}

void TestAgentsPage::missingConnector404_landsOnTools() {
    AgentEditorDialog *editor = openNewEditor();
    QVERIFY(editor);
    fillName(editor, u"needs a connector"_s);
    auto *tools = child<QListView>(editor, u"toolsListView"_s);
    const int row = toolRow(tools, u"connector"_s, m_connectorId);
    toggleTool(tools, row);
    // The connector goes away before the agent is saved.
    QCOMPARE(Test::rawRequest(m_nam, m_emulator.baseUrl(), m_emulator.apiKey(), "DELETE",
                              u"/v1/connectors/"_s + m_connectorId)
                 .status,
             200);
    save(editor);
    auto *toolsError = child<QLabel>(editor, u"toolsErrorLabel"_s);
    QTRY_VERIFY_WITH_TIMEOUT(toolsError->isVisible(), 15000);
    QVERIFY2(toolsError->text().startsWith(u"The connector was not found."_s),
             qPrintable(toolsError->text()));
    QCOMPARE(tools->model()->data(tools->model()->index(row, 0), Roles::ToolErrorRole).toString(),
             u"The connector was not found."_s);
    auto *tabs = child<QTabWidget>(editor, u"editorTabWidget"_s);
    QCOMPARE(tabs->currentWidget()->objectName(), u"toolsTab"_s);
    QVERIFY(m_page->editor());
    QCOMPARE(child<QLineEdit>(editor, u"nameLineEdit"_s)->text(), u"needs a connector"_s);
}

void TestAgentsPage::closeWithUnsavedChanges_asks() {
    AgentEditorDialog *editor = openNewEditor();
    QVERIFY(editor);
    // Nothing typed: closing asks nothing.
    QVERIFY(m_page->confirmDiscardChanges());
    fillName(editor, u"half-done"_s);
    QVERIFY(editor->hasUnsavedChanges());

    // Leaving the page (or closing the window): Cancel stays.
    answerNextMessageBox(u"unsavedChangesMessageBox"_s, QMessageBox::Cancel);
    QVERIFY(!m_page->confirmDiscardChanges());
    QVERIFY(editor->isVisible());
    QCOMPARE(child<QLineEdit>(editor, u"nameLineEdit"_s)->text(), u"half-done"_s);

    // The dialog's own Cancel button asks too.
    answerNextMessageBox(u"unsavedChangesMessageBox"_s, QMessageBox::Cancel);
    child<QPushButton>(editor, u"cancelPushButton"_s)->click();
    QVERIFY(editor->isVisible());

    // Save from the question: the agent is created and the editor closes.
    QSignalSpy saved(editor, &AgentEditorDialog::agentSaved);
    answerNextMessageBox(u"unsavedChangesMessageBox"_s, QMessageBox::Save);
    QVERIFY(!m_page->confirmDiscardChanges());
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 15000);
    QTRY_VERIFY(!m_page->editor());

    // Discard closes without saving.
    editor = openNewEditor();
    QVERIFY(editor);
    fillName(editor, u"thrown away"_s);
    QSignalSpy savedAgain(editor, &AgentEditorDialog::agentSaved);
    answerNextMessageBox(u"unsavedChangesMessageBox"_s, QMessageBox::Discard);
    QVERIFY(m_page->confirmDiscardChanges());
    QTRY_VERIFY(!m_page->editor());
    QCOMPARE(savedAgain.size(), 0);
    for (const Agent &a : m_list->agents())
        QVERIFY(a.name != u"thrown away"_s);
}

void TestAgentsPage::closeWindowWithUnsavedChanges_asks() {
    // The page in the main window, as the app sets it up.
    AgentListModel list(m_agents.get());
    MainWindow window;
    auto *page = new AgentsPage(m_agents.get(), &list, m_models.get(), m_secrets.get());
    window.setPage(MainWindow::Page::Agents, page);
    window.showPage(MainWindow::Page::Agents);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    child<QPushButton>(page, u"newAgentPushButton"_s)->click();
    QVERIFY(page->editor());
    fillName(page->editor(), u"unsaved"_s);

    answerNextMessageBox(u"unsavedChangesMessageBox"_s, QMessageBox::Cancel);
    QVERIFY(!window.close());
    QVERIFY(window.isVisible());
    QVERIFY(page->editor());

    answerNextMessageBox(u"unsavedChangesMessageBox"_s, QMessageBox::Discard);
    QVERIFY(window.close());
    QVERIFY(!window.isVisible());
}

void TestAgentsPage::chatWithAgent_emitsAgent() {
    const Agent agent = createViaService(u"chatty"_s, {Tool::builtIn(Tool::Type::ImageGeneration)});
    QTRY_VERIFY(m_page->selectAgent(agent.id));
    QSignalSpy chat(m_page.get(), &AgentsPage::chatWithAgentRequested);
    child<QPushButton>(m_page.get(), u"chatWithAgentPushButton"_s)->click();
    QCOMPARE(chat.size(), 1);
    QCOMPARE(chat.at(0).at(0).value<Agent>().id, agent.id);
}

void TestAgentsPage::search_filtersAndAsksServer() {
    createViaService(u"alpha"_s);
    createViaService(u"beta"_s);
    m_page->refresh();
    QTRY_COMPARE(m_list->rowCount(), 2);
    auto *view = child<QTreeView>(m_page.get(), u"agentsTreeView"_s);
    QTest::keyClicks(child<QLineEdit>(m_page.get(), u"searchLineEdit"_s), u"alp"_s);
    // At once on what is loaded...
    QCOMPARE(view->model()->rowCount(), 1);
    QCOMPARE(view->model()->index(0, 0).data().toString(), u"alpha"_s);
    // ...then on the server, after a pause in typing.
    QTRY_VERIFY(Test::recordedRequests(m_nam, m_emulator.baseUrl(), u"/v1/agents/pages"_s)
                    .last()
                    .toObject()
                    .value("query"_L1)
                    .toString()
                    .contains(u"search=alp"_s));
    QTRY_COMPARE(m_list->rowCount(), 1);
    QCOMPARE(m_list->search(), u"alp"_s);
    // The search narrows this page, not the list the chat's picker offers.
    QCOMPARE(m_list->accountAgents().size(), 2);
}

void TestAgentsPage::editAgent_hiddenBySearch_clearsItAndOpens() {
    createViaService(u"alpha"_s);
    const Agent beta = createViaService(u"beta"_s);
    m_page->refresh();
    QTRY_COMPARE(m_list->rowCount(), 2);
    auto *search = child<QLineEdit>(m_page.get(), u"searchLineEdit"_s);
    QTest::keyClicks(search, u"alp"_s);
    QTRY_COMPARE(m_list->search(), u"alp"_s);
    QTRY_COMPARE(m_list->rowCount(), 1);
    // "Edit Agent…" from the chat on an agent the search hides.
    m_page->editAgent(beta.id);
    QTRY_VERIFY(m_page->editor() && m_page->editor()->isVisible());
    QCOMPARE(child<QLineEdit>(m_page->editor(), u"nameLineEdit"_s)->text(), u"beta"_s);
    QVERIFY(search->text().isEmpty());
    QCOMPARE(m_list->search(), QString());
    m_page->editor()->close();
}

QTEST_MAIN(TestAgentsPage)
#include "tst_agentspage.moc"
