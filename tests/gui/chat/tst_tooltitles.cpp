// SPDX-License-Identifier: GPL-3.0-or-later
// The titles of tool run cards: hosted tools by a translated name, whatever the server calls
// them; connector tools with their connector; unknown names humanised.
#include "models/ChatItem.h"
#include "models/ConversationModel.h"
#include "support/MarkingTranslator.h"
#include "ui/chat/ChatDelegate.h"
#include "ui/chat/ChatItemText.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

// The tool run row of an answer whose one call is \a name with \a metadata.
ChatItem toolRow(const QString &name, const QJsonObject &metadata) {
    ToolCall call;
    call.id = u"call_1"_s;
    call.name = name;
    call.arguments = u"{}"_s;
    if (!metadata.isEmpty())
        call.metadata = metadata;
    ChatEntry user;
    user.message = ChatMessage::user(u"hi"_s);
    ChatEntry answer;
    answer.message = ChatMessage::assistant(MessageContent(), {call});
    const QList<ChatItem> items = ConversationModel::deriveItems({user, answer}, 0, 2);
    for (const ChatItem &item : items) {
        if (item.kind == ChatItem::Kind::ToolRun)
            return item;
    }
    return {};
}

} // namespace

class TestToolTitles : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void hostedTools_haveTranslatedTitles_data();
    void hostedTools_haveTranslatedTitles();
    void connectorTool_namesItsConnector();
    void unknownHostedTool_isHumanised();
    void clientFunction_keepsItsName();
};

void TestToolTitles::hostedTools_haveTranslatedTitles_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("toolType");
    QTest::addColumn<QString>("title");
    QTest::newRow("generate_image") << u"generate_image"_s << u"image"_s << u"Image generation"_s;
    QTest::newRow("image_generation")
        << u"image_generation"_s << u"image_generation"_s << u"Image generation"_s;
    QTest::newRow("web_search") << u"web_search"_s << u"web_search"_s << u"Web search"_s;
    QTest::newRow("web_search_premium")
        << u"web_search_premium"_s << u"web_search_premium"_s << u"Web search (premium)"_s;
    QTest::newRow("code_interpreter")
        << u"code_interpreter"_s << u"code_interpreter"_s << u"Code interpreter"_s;
    QTest::newRow("document_library")
        << u"document_library"_s << u"document_library"_s << u"Document library"_s;
}

void TestToolTitles::hostedTools_haveTranslatedTitles() {
    QFETCH(QString, name);
    QFETCH(QString, toolType);
    QFETCH(QString, title);
    const ChatItem item = toolRow(name, {{u"tool_type"_s, toolType}});
    QVERIFY(item.hosted);
    QCOMPARE(ChatItemText::toolDisplayName(item), title);

    Test::MarkingTranslator translator;
    QVERIFY(QCoreApplication::installTranslator(&translator));
    const QString translated = ChatItemText::toolDisplayName(item);
    QCoreApplication::removeTranslator(&translator);
    QCOMPARE(translated, u"«"_s + title + u"»"_s);
}

void TestToolTitles::connectorTool_namesItsConnector() {
    const ChatItem item = toolRow(u"read_wiki_page"_s, {{u"tool_type"_s, u"connector"_s},
                                                        {u"integration_id"_s, u"c-1"_s},
                                                        {u"connector_name"_s, u"deepwiki"_s}});
    QCOMPARE(ChatItemText::toolDisplayName(item), u"Read wiki page (connector deepwiki)"_s);

    Test::MarkingTranslator translator;
    QVERIFY(QCoreApplication::installTranslator(&translator));
    const QString translated = ChatItemText::toolDisplayName(item);
    QCoreApplication::removeTranslator(&translator);
    QCOMPARE(translated, u"«Read wiki page (connector deepwiki)»"_s);
}

void TestToolTitles::unknownHostedTool_isHumanised() {
    const ChatItem item = toolRow(u"fetch_page-text"_s, {{u"tool_type"_s, u"something_new"_s}});
    QCOMPARE(ChatItemText::toolDisplayName(item), u"Fetch page text"_s);
}

void TestToolTitles::clientFunction_keepsItsName() {
    // A function the client runs is named by the client: shown as it is.
    const ChatItem item = toolRow(u"get_weather"_s, {});
    QVERIFY(!item.hosted);
    QCOMPARE(ChatItemText::toolDisplayName(item), u"get_weather"_s);
}

QTEST_MAIN(TestToolTitles)
#include "tst_tooltitles.moc"
