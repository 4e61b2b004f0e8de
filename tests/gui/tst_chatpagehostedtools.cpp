// SPDX-License-Identifier: GPL-3.0-or-later
// The chat page's hosted tools: web search or premium web search (one at most), and the
// document libraries submenu (loaded when the menu opens, a sentence when it fails or is
// empty, the checked libraries as one document_library tool, a deleted one dropped).
#include "core/net/ApiClient.h"
#include "core/services/ChatService.h"
#include "models/ChatSession.h"
#include "models/ChatTargetModel.h"
#include "models/ConversationModel.h"
#include "models/LibraryList.h"
#include "ui/ChatPage.h"

#include <QAbstractButton>
#include <QAction>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

QStringList typesOf(const QList<Tool> &tools) {
    QStringList types;
    for (const Tool &tool : tools)
        types.append(tool.typeString());
    return types;
}

QStringList libraryIdsOf(const QList<Tool> &tools) {
    for (const Tool &tool : tools) {
        if (tool.type == Tool::Type::DocumentLibrary)
            return tool.libraryIds;
    }
    return {};
}

} // namespace

class TestChatPageHostedTools : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void webSearch_theTwoKindsExcludeEachOther();
    void webSearch_premiumComesBackWithAStoredChat();
    void libraries_loadWhenTheMenuOpensAndAgainOnReopen();
    void libraries_checkedOnesMakeOneTool();
    void libraries_emptyListSaysWhereToCreateOne();
    void libraries_failureSaysWhyAndOffersARetry();
    void libraries_deletedOneLeavesTheChatsTools();
    void libraries_storedChatShowsItsLibraries();

private:
    QAction *find(const QString &name) const { return m_page->findChild<QAction *>(name); }
    QAbstractButton *toolsButton() const {
        return m_page->findChild<QAbstractButton *>(u"toolsToolButton"_s);
    }
    QStringList librariesMenuTexts() const {
        QStringList texts;
        auto *menu = m_page->findChild<QMenu *>(u"documentLibrariesMenu"_s);
        for (QAction *action : menu->actions())
            texts.append(action->text());
        return texts;
    }
    void openToolsMenu() {
        QMenu *menu = m_page->toolsMenu();
        menu->popup(m_page->mapToGlobal(QPoint(10, 10)));
        QVERIFY(QTest::qWaitForWindowExposed(menu));
        menu->hide();
    }

    QNetworkAccessManager m_nam;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<ChatService> m_chat;
    std::unique_ptr<ConversationModel> m_model;
    std::unique_ptr<ChatSession> m_session;
    std::unique_ptr<ChatTargetModel> m_targets;
    std::unique_ptr<LibraryList> m_list;
    std::unique_ptr<ChatPage> m_page;
};

void TestChatPageHostedTools::init() {
    m_client = std::make_unique<ApiClient>(&m_nam);
    m_chat = std::make_unique<ChatService>(m_client.get());
    m_model = std::make_unique<ConversationModel>();
    m_session = std::make_unique<ChatSession>(m_chat.get(), m_model.get());
    m_targets = std::make_unique<ChatTargetModel>();
    m_list = std::make_unique<LibraryList>();
    m_page = std::make_unique<ChatPage>(m_session.get(), m_targets.get(), nullptr);
    m_page->setLibraryList(m_list.get());
    m_page->setConnectors({}, true);
    m_page->setSelectedTools({}); // image generation off: only what the test turns on
    m_page->resize(800, 600);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestChatPageHostedTools::cleanup() {
    m_page.reset();
    m_list.reset();
    m_targets.reset();
    m_session.reset();
    m_model.reset();
    m_chat.reset();
    m_client.reset();
}

void TestChatPageHostedTools::webSearch_theTwoKindsExcludeEachOther() {
    QAction *web = find(u"webSearchAction"_s);
    QAction *premium = find(u"webSearchPremiumAction"_s);
    QVERIFY(web && premium);
    QCOMPARE(premium->text(), u"Web search (premium)"_s);

    premium->trigger();
    QCOMPARE(typesOf(m_page->selectedTools()), QStringList{u"web_search_premium"_s});
    web->trigger();
    QVERIFY(!premium->isChecked());
    QCOMPARE(typesOf(m_page->selectedTools()), QStringList{u"web_search"_s});
    QCOMPARE(toolsButton()->text(), u"Tools (1)"_s);
    // Either can be turned off again: none is a choice too.
    web->trigger();
    QVERIFY(!web->isChecked() && !premium->isChecked());
    QVERIFY(m_page->selectedTools().isEmpty());
    QCOMPARE(toolsButton()->text(), u"Tools"_s);
}

void TestChatPageHostedTools::webSearch_premiumComesBackWithAStoredChat() {
    m_page->setSelectedTools({Tool::builtIn(Tool::Type::WebSearchPremium)});
    QVERIFY(find(u"webSearchPremiumAction"_s)->isChecked());
    QVERIFY(!find(u"webSearchAction"_s)->isChecked());
    QCOMPARE(typesOf(m_page->selectedTools()), QStringList{u"web_search_premium"_s});
    m_page->setSelectedTools({Tool::builtIn(Tool::Type::WebSearch)});
    QVERIFY(!find(u"webSearchPremiumAction"_s)->isChecked());
    QCOMPARE(typesOf(m_page->selectedTools()), QStringList{u"web_search"_s});
}

void TestChatPageHostedTools::libraries_loadWhenTheMenuOpensAndAgainOnReopen() {
    LibraryList *choices = m_list.get();
    QSignalSpy wanted(choices, &LibraryList::loadWanted);
    QCOMPARE(wanted.size(), 0); // not before it is needed
    openToolsMenu();
    QCOMPARE(wanted.size(), 1);
    QCOMPARE(librariesMenuTexts(), QStringList{u"Loading the libraries…"_s});
    choices->setLibraries({{u"lib-a"_s, u"Manuals"_s, 3}});
    QCOMPARE(librariesMenuTexts(), QStringList{u"Manuals"_s});
    QCOMPARE(find(u"libraryAction_lib-a"_s)->toolTip(),
             u"3 document(s)"_s); // no English .qm in tests
    openToolsMenu();
    QCOMPARE(wanted.size(), 2);
    // The earlier list stays shown while the new one loads.
    QCOMPARE(librariesMenuTexts(), QStringList{u"Manuals"_s});
}

void TestChatPageHostedTools::libraries_checkedOnesMakeOneTool() {
    m_list->setLibraries({{u"lib-a"_s, u"Manuals"_s, 3}, {u"lib-b"_s, u"Contracts"_s, 1}});
    find(u"libraryAction_lib-b"_s)->trigger();
    find(u"libraryAction_lib-a"_s)->trigger();
    QCOMPARE(typesOf(m_page->selectedTools()), QStringList{u"document_library"_s});
    QCOMPARE(libraryIdsOf(m_page->selectedTools()), (QStringList{u"lib-b"_s, u"lib-a"_s}));
    QCOMPARE(toolsButton()->text(), u"Tools (1)"_s);
    auto *menu = m_page->findChild<QMenu *>(u"documentLibrariesMenu"_s);
    QCOMPARE(menu->title(), u"Document libraries (2)"_s);
    QVERIFY(m_page->toolsMenu()->actions().contains(menu->menuAction()));
    find(u"libraryAction_lib-b"_s)->trigger();
    QCOMPARE(libraryIdsOf(m_page->selectedTools()), QStringList{u"lib-a"_s});
    find(u"libraryAction_lib-a"_s)->trigger();
    QVERIFY(m_page->selectedTools().isEmpty());
    QCOMPARE(toolsButton()->text(), u"Tools"_s);
}

void TestChatPageHostedTools::libraries_emptyListSaysWhereToCreateOne() {
    m_list->setLibraries({});
    QCOMPARE(librariesMenuTexts(),
             QStringList{u"No libraries yet — create one on the Libraries page"_s});
    QVERIFY(!find(u"librariesNoteAction"_s)->isEnabled());
}

void TestChatPageHostedTools::libraries_failureSaysWhyAndOffersARetry() {
    LibraryList *choices = m_list.get();
    QSignalSpy wanted(choices, &LibraryList::loadWanted);
    choices->refresh();
    choices->setFailed(u"The server could not be reached."_s);
    QCOMPARE(librariesMenuTexts(),
             (QStringList{u"The libraries could not be loaded: The server could not be reached."_s,
                          u"Try Again"_s}));
    find(u"librariesRetryAction"_s)->trigger();
    QCOMPARE(wanted.size(), 2);
}

void TestChatPageHostedTools::libraries_deletedOneLeavesTheChatsTools() {
    LibraryList *choices = m_list.get();
    choices->setLibraries({{u"lib-a"_s, u"Manuals"_s}, {u"lib-b"_s, u"Contracts"_s}});
    find(u"libraryAction_lib-a"_s)->trigger();
    find(u"libraryAction_lib-b"_s)->trigger();
    m_session->setTools(m_page->selectedTools()); // as a message sent now would
    // "Manuals" was deleted on the Libraries page.
    choices->refresh();
    choices->setLibraries({{u"lib-b"_s, u"Contracts"_s}});
    QCOMPARE(libraryIdsOf(m_page->selectedTools()), QStringList{u"lib-b"_s});
    QVERIFY(!find(u"libraryAction_lib-a"_s));
    // Nor does a regenerated answer search it.
    QCOMPARE(libraryIdsOf(m_session->tools()), QStringList{u"lib-b"_s});
    choices->refresh();
    choices->setLibraries({});
    QVERIFY(m_page->selectedTools().isEmpty());
    QVERIFY(m_session->tools().isEmpty());
}

void TestChatPageHostedTools::libraries_storedChatShowsItsLibraries() {
    // Reopened before the list is known: the ids stay, shown by id and checked.
    m_page->setSelectedTools({Tool::documentLibrary({u"lib-a"_s, u"lib-old"_s})});
    QVERIFY(find(u"libraryAction_lib-old"_s)->isChecked());
    QCOMPARE(libraryIdsOf(m_page->selectedTools()), (QStringList{u"lib-a"_s, u"lib-old"_s}));
    QCOMPARE(toolsButton()->text(), u"Tools (1)"_s);
    m_list->setLibraries({{u"lib-a"_s, u"Manuals"_s}});
    QCOMPARE(librariesMenuTexts(), QStringList{u"Manuals"_s});
    QVERIFY(find(u"libraryAction_lib-a"_s)->isChecked());
}

QTEST_MAIN(TestChatPageHostedTools)
#include "tst_chatpagehostedtools.moc"
