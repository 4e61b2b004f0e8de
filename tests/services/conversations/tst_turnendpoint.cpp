// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/Agent.h"
#include "core/services/TurnEndpoint.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using Endpoint = TurnEndpoint::Endpoint;

Q_DECLARE_METATYPE(Tramontane::Tool)

class TestTurnEndpoint : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void plainChat_staysOnChatCompletions();
    void conversationOnlyTools_goToConversations_data();
    void conversationOnlyTools_goToConversations();
    void connectorNeedingConfirmation_goesToConversations();
    void agent_choosesByItsToolsAndHandoffs();
};

void TestTurnEndpoint::plainChat_staysOnChatCompletions() {
    QCOMPARE(TurnEndpoint::choose({}), Endpoint::ChatCompletions);
    QCOMPARE(TurnEndpoint::choose({Tool::builtIn(Tool::Type::ImageGeneration),
                                   Tool::connector(u"demo_tools"_s),
                                   Tool::function(u"f"_s, u"d"_s, {})}),
             Endpoint::ChatCompletions);
}

void TestTurnEndpoint::conversationOnlyTools_goToConversations_data() {
    QTest::addColumn<Tool>("tool");
    QTest::newRow("web_search") << Tool::builtIn(Tool::Type::WebSearch);
    QTest::newRow("web_search_premium") << Tool::builtIn(Tool::Type::WebSearchPremium);
    QTest::newRow("code_interpreter") << Tool::builtIn(Tool::Type::CodeInterpreter);
    QTest::newRow("document_library") << Tool::documentLibrary({u"lib_1"_s});
}

void TestTurnEndpoint::conversationOnlyTools_goToConversations() {
    QFETCH(Tool, tool);
    QVERIFY(TurnEndpoint::needsConversations(tool));
    QCOMPARE(TurnEndpoint::choose({Tool::builtIn(Tool::Type::ImageGeneration), tool}),
             Endpoint::Conversations);
}

void TestTurnEndpoint::connectorNeedingConfirmation_goesToConversations() {
    Tool connector = Tool::connector(u"mail"_s);
    ToolConfiguration config;
    config.requiresConfirmation = QStringList{};
    connector.toolConfiguration = config;
    QVERIFY(!TurnEndpoint::needsConversations(connector)); // an empty list confirms nothing
    config.requiresConfirmation = QStringList{u"send_email"_s};
    connector.toolConfiguration = config;
    QVERIFY(TurnEndpoint::needsConversations(connector));
    QCOMPARE(TurnEndpoint::choose({connector}), Endpoint::Conversations);
}

void TestTurnEndpoint::agent_choosesByItsToolsAndHandoffs() {
    Agent agent;
    agent.tools = {Tool::builtIn(Tool::Type::ImageGeneration)};
    QCOMPARE(TurnEndpoint::choose({}, &agent), Endpoint::AgentCompletions);
    QCOMPARE(TurnEndpoint::choose({Tool::builtIn(Tool::Type::WebSearch)}, &agent),
             Endpoint::Conversations);
    agent.handoffs = QStringList{};
    QCOMPARE(TurnEndpoint::choose({}, &agent), Endpoint::AgentCompletions);
    agent.handoffs = QStringList{u"ag_2"_s};
    QCOMPARE(TurnEndpoint::choose({}, &agent), Endpoint::Conversations);
    agent.handoffs.reset();
    agent.tools.append(Tool::builtIn(Tool::Type::CodeInterpreter));
    QCOMPARE(TurnEndpoint::choose({}, &agent), Endpoint::Conversations);
}

QTEST_GUILESS_MAIN(TestTurnEndpoint)
#include "tst_turnendpoint.moc"
