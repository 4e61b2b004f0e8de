// SPDX-License-Identifier: GPL-3.0-or-later
// The agent editor's document libraries: a checklist of the account's libraries instead of
// typed ids; an agent's ids that are not listed are shown by id and kept; a line says when
// the list is loading, failed or empty.
#include "core/auth/SecretStore.h"
#include "core/net/ApiClient.h"
#include "core/services/AgentService.h"
#include "models/LibraryList.h"
#include "ui/AgentEditorDialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

QStringList libraryIdsOf(const Agent &agent) {
    for (const Tool &tool : agent.tools) {
        if (tool.type == Tool::Type::DocumentLibrary)
            return tool.libraryIds;
    }
    return {};
}

bool hasLibraryTool(const Agent &agent) {
    return std::any_of(agent.tools.cbegin(), agent.tools.cend(),
                       [](const Tool &t) { return t.type == Tool::Type::DocumentLibrary; });
}

Agent agentWithLibraries(const QStringList &ids) {
    Agent agent;
    agent.id = u"ag_1"_s;
    agent.name = u"Librarian"_s;
    agent.model = u"mistral-small-latest"_s;
    agent.version = 1;
    agent.tools = {Tool::documentLibrary(ids)};
    return agent;
}

} // namespace

class TestAgentEditorLibraries : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void checklist_showsTheLibrariesCheckedForTheAgent();
    void checkingALibrary_turnsTheToolOn();
    void unlistedIds_areKeptUntilUnchecked();
    void note_saysLoadingFailedOrEmpty();
    void loadingAnAgent_asksForTheListAgain();

private:
    QListWidget *list() const {
        return m_editor->findChild<QListWidget *>(u"librariesListWidget"_s);
    }
    QLabel *note() const { return m_editor->findChild<QLabel *>(u"librariesNoteLabel"_s); }
    QStringList rows() const {
        QStringList texts;
        for (int i = 0; i < list()->count(); ++i) {
            const QListWidgetItem *item = list()->item(i);
            texts << item->text() + (item->checkState() == Qt::Checked ? u" [x]"_s : u" [ ]"_s);
        }
        return texts;
    }
    QListWidgetItem *row(const QString &text) const {
        const auto found = list()->findItems(text, Qt::MatchExactly);
        return found.isEmpty() ? nullptr : found.first();
    }

    QNetworkAccessManager m_nam;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<AgentService> m_agents;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<LibraryList> m_libraries;
    std::unique_ptr<AgentEditorDialog> m_editor;
};

void TestAgentEditorLibraries::init() {
    m_client = std::make_unique<ApiClient>(&m_nam);
    m_agents = std::make_unique<AgentService>(m_client.get());
    m_secrets = std::make_unique<MemorySecretStore>();
    m_libraries = std::make_unique<LibraryList>();
    m_editor = std::make_unique<AgentEditorDialog>(m_agents.get(), m_secrets.get());
    m_editor->setLibraryList(m_libraries.get());
    m_libraries->setLibraries({{u"lib-a"_s, u"Manuals"_s, 2}, {u"lib-b"_s, u"Contracts"_s, 1}});
    m_editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
}

void TestAgentEditorLibraries::cleanup() {
    m_editor.reset();
    m_libraries.reset();
    m_secrets.reset();
    m_agents.reset();
    m_client.reset();
}

void TestAgentEditorLibraries::checklist_showsTheLibrariesCheckedForTheAgent() {
    m_editor->editAgent(agentWithLibraries({u"lib-b"_s}));
    m_libraries->setLibraries(m_libraries->libraries()); // the answer to the refresh
    QCOMPARE(rows(), (QStringList{u"Manuals [ ]"_s, u"Contracts [x]"_s}));
    QVERIFY(!list()->isHidden());
    QVERIFY(note()->isHidden());
    QVERIFY(!m_editor->hasUnsavedChanges());
    // No field to type ids into any more.
    QVERIFY(!m_editor->findChild<QLineEdit *>(u"libraryIdsLineEdit"_s));
}

void TestAgentEditorLibraries::checkingALibrary_turnsTheToolOn() {
    m_editor->newAgent();
    QVERIFY(!hasLibraryTool(m_editor->formAgent()));
    row(u"Contracts"_s)->setCheckState(Qt::Checked);
    row(u"Manuals"_s)->setCheckState(Qt::Checked);
    QCOMPARE(libraryIdsOf(m_editor->formAgent()), (QStringList{u"lib-b"_s, u"lib-a"_s}));
    QVERIFY(m_editor->hasUnsavedChanges());
    row(u"Contracts"_s)->setCheckState(Qt::Unchecked);
    QCOMPARE(libraryIdsOf(m_editor->formAgent()), QStringList{u"lib-a"_s});
}

void TestAgentEditorLibraries::unlistedIds_areKeptUntilUnchecked() {
    // lib-old is not among the account's libraries (deleted, or another workspace's).
    m_editor->editAgent(agentWithLibraries({u"lib-old"_s, u"lib-a"_s}));
    m_libraries->setLibraries(m_libraries->libraries());
    QCOMPARE(rows(), (QStringList{u"Manuals [x]"_s, u"Contracts [ ]"_s, u"lib-old [x]"_s}));
    QCOMPARE(libraryIdsOf(m_editor->formAgent()), (QStringList{u"lib-old"_s, u"lib-a"_s}));
    QVERIFY(!m_editor->hasUnsavedChanges());
    row(u"Contracts"_s)->setCheckState(Qt::Checked);
    QCOMPARE(libraryIdsOf(m_editor->formAgent()),
             (QStringList{u"lib-old"_s, u"lib-a"_s, u"lib-b"_s}));
    row(u"lib-old"_s)->setCheckState(Qt::Unchecked);
    QCOMPARE(libraryIdsOf(m_editor->formAgent()), (QStringList{u"lib-a"_s, u"lib-b"_s}));
    // Still offered while the form is open, to check it again.
    QVERIFY(row(u"lib-old"_s));
}

void TestAgentEditorLibraries::note_saysLoadingFailedOrEmpty() {
    m_editor->newAgent(); // asks again: the list shown stays meanwhile
    QVERIFY(note()->isHidden());
    QCOMPARE(list()->count(), 2);
    m_libraries->setFailed(u"The server could not be reached."_s);
    QVERIFY(!note()->isHidden());
    QCOMPARE(note()->text(),
             u"The libraries could not be loaded: The server could not be reached."_s);
    m_libraries->refresh();
    m_libraries->setLibraries({});
    QCOMPARE(note()->text(), u"No libraries yet — create one on the Libraries page"_s);
    QCOMPARE(list()->count(), 0);

    LibraryList fresh;
    m_editor->setLibraryList(&fresh);
    QCOMPARE(note()->text(), u"Loading the libraries…"_s);
    m_editor->setLibraryList(nullptr);
}

void TestAgentEditorLibraries::loadingAnAgent_asksForTheListAgain() {
    QSignalSpy wanted(m_libraries.get(), &LibraryList::loadWanted);
    m_editor->editAgent(agentWithLibraries({u"lib-a"_s}));
    QCOMPARE(wanted.size(), 1);
    m_libraries->setLibraries({{u"lib-a"_s, u"Manuals"_s}, {u"lib-c"_s, u"Minutes"_s}});
    QCOMPARE(rows(), (QStringList{u"Manuals [x]"_s, u"Minutes [ ]"_s}));
    m_editor->newAgent();
    QCOMPARE(wanted.size(), 2);
}

QTEST_MAIN(TestAgentEditorLibraries)
#include "tst_agenteditorlibraries.moc"
