// SPDX-License-Identifier: GPL-3.0-or-later
// Chat titles written by a small model: asked once after the first answer, against the
// emulator; never over a rename, canceled by one, quiet on failure; and the title text cleaned
// of what models like to add.
#include "core/net/ApiClient.h"
#include "core/services/ChatService.h"
#include "core/storage/ConversationExporter.h"
#include "core/storage/ConversationStore.h"
#include "models/TitleGenerator.h"

#include "IntegrationSupport.h"
#include "support/EmulatorProcess.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

class TestTitleGenerator : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void cleanTitle_data();
    void cleanTitle();
    void titleModel_prefersASmallModelTheAccountHas();

    void firstAnswer_namesTheChat_withOneSmallRequest();
    void laterAnswers_andToolCalls_askNothing();
    void renamedChat_isNeverAsked();
    void renameWhileAsking_cancelsAndKeepsTheRename();
    void failure_keepsTheDerivedTitle_andIsNotRepeated();
    void disabled_asksNothing();
    void removingTheFirstMessage_makesTheTitleDerivedAgain();
    void generatedTitle_survivesExportAndImport();

private:
    //! A conversation with a user message and a complete answer, stored the way a chat does.
    qint64 converse(const QString &question, const QString &answer = u"Here is a plan."_s);
    QJsonArray titleRequests() {
        QJsonArray out;
        const QJsonArray all = m_driver->recordedRequests(ChatService::chatPath());
        for (const QJsonValue &r : all) {
            const QJsonArray messages =
                r.toObject().value("body"_L1).toObject().value("messages"_L1).toArray();
            if (messages.first()
                    .toObject()
                    .value("content"_L1)
                    .toString()
                    .startsWith("You name chats"_L1))
                out.append(r);
        }
        return out;
    }

    Test::EmulatorProcess m_emulator;
    std::unique_ptr<Test::HttpDriver> m_driver;
    QNetworkAccessManager m_nam;
    std::unique_ptr<QTemporaryDir> m_profile;
    std::unique_ptr<ConversationStore> m_store;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<ChatService> m_chat;
    std::unique_ptr<TitleGenerator> m_titles;
};

void TestTitleGenerator::initTestCase() {
    QVERIFY2(m_emulator.start(u"title-key-123456"_s, {u"--demo"_s}),
             qPrintable(m_emulator.errorString()));
    m_driver = std::make_unique<Test::HttpDriver>(m_emulator.baseUrl(), "title-key-123456");
}

void TestTitleGenerator::init() {
    m_driver->send("POST", u"/__admin/reset"_s);
    m_profile = std::make_unique<QTemporaryDir>();
    auto opened = ConversationStore::open(m_profile->path());
    QVERIFY(opened.ok());
    m_store = std::move(opened.store);
    m_client = std::make_unique<ApiClient>(&m_nam);
    QVERIFY(m_client->setBaseUrl(m_emulator.baseUrl()));
    m_client->setApiKey(m_emulator.apiKey());
    m_chat = std::make_unique<ChatService>(m_client.get());
    m_titles = std::make_unique<TitleGenerator>(m_store.get(), m_chat.get());
    m_titles->setAvailableModels({u"mistral-large-latest"_s, u"mistral-small-latest"_s});
}

void TestTitleGenerator::cleanup() {
    m_titles.reset();
    m_chat.reset();
    m_client.reset();
    m_store.reset();
    m_profile.reset();
}

qint64 TestTitleGenerator::converse(const QString &question, const QString &answer) {
    const auto conversation = m_store->createConversation({});
    if (!conversation)
        return 0;
    const qint64 id = conversation->id;
    const auto user = m_store->appendUserMessage(
        id, QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, question}});
    if (!user || !m_store->finishMessage(user->id, MessageStatus::Complete))
        return 0;
    const auto reply = m_store->beginAssistantMessage(id, u"mistral-large-latest"_s);
    if (!reply)
        return 0;
    (void)m_store->updateStreamingMessage(
        reply->id, QJsonObject{{u"role"_s, u"assistant"_s}, {u"content"_s, answer.left(4)}});
    if (!m_store->updateStreamingMessage(
            reply->id, QJsonObject{{u"role"_s, u"assistant"_s}, {u"content"_s, answer}})
        || !m_store->finishMessage(reply->id, MessageStatus::Complete))
        return 0;
    return id;
}

void TestTitleGenerator::cleanTitle_data() {
    QTest::addColumn<QString>("answer");
    QTest::addColumn<QString>("title");
    QTest::newRow("plain") << u"Trip to Lisbon"_s << u"Trip to Lisbon"_s;
    QTest::newRow("quoted, final stop") << u"\"Trip to Lisbon.\""_s << u"Trip to Lisbon"_s;
    QTest::newRow("typographic quotes") << u"“Voyage à Lisbonne”"_s << u"Voyage à Lisbonne"_s;
    QTest::newRow("markdown heading") << u"## Trip to Lisbon"_s << u"Trip to Lisbon"_s;
    QTest::newRow("bold label") << u"**Title:** Trip to Lisbon"_s << u"Trip to Lisbon"_s;
    QTest::newRow("label") << u"Titre : Voyage à Lisbonne!"_s << u"Voyage à Lisbonne"_s;
    QTest::newRow("first line only")
        << u"\n\nTrip to Lisbon\nThis title says…"_s << u"Trip to Lisbon"_s;
    QTest::newRow("bidi controls") << u"Trip\u202Eto Lisbon\u2066"_s << u"Tripto Lisbon"_s;
    QTest::newRow("spaces") << u"  Trip   to\tLisbon  "_s << u"Trip to Lisbon"_s;
    QTest::newRow("nothing left") << u"\"…\""_s << QString();
    QTest::newRow("empty") << QString() << QString();
    const QString longTitle = u"A very long answer that goes on and on about many things at once"_s;
    QTest::newRow("long, cut at a word")
        << longTitle << u"A very long answer that goes on and on about many things at"_s;
}

void TestTitleGenerator::cleanTitle() {
    QFETCH(QString, answer);
    QFETCH(QString, title);
    QCOMPARE(TitleGenerator::cleanTitle(answer), title);
    QVERIFY(TitleGenerator::cleanTitle(answer).size() <= TitleGenerator::MaxTitleLength);
}

void TestTitleGenerator::titleModel_prefersASmallModelTheAccountHas() {
    QCOMPARE(m_titles->titleModel(u"mistral-large-latest"_s), u"mistral-small-latest"_s);
    m_titles->setAvailableModels({u"ministral-8b-latest"_s, u"mistral-large-latest"_s});
    QCOMPARE(m_titles->titleModel(u"mistral-large-latest"_s), u"ministral-8b-latest"_s);
    m_titles->setAvailableModels({u"mistral-large-latest"_s});
    QCOMPARE(m_titles->titleModel(u"mistral-large-latest"_s), u"mistral-large-latest"_s);
}

void TestTitleGenerator::firstAnswer_namesTheChat_withOneSmallRequest() {
    QSignalSpy generated(m_titles.get(), &TitleGenerator::titleGenerated);
    const qint64 id = converse(u"plan a weekend trip to Lisbon with two children, please"_s);
    QVERIFY(id);
    QVERIFY(m_titles->isGenerating(id));
    QTRY_COMPARE_WITH_TIMEOUT(generated.count(), 1, 10000);
    QCOMPARE(generated.first().at(0).toLongLong(), id);
    const auto info = m_store->conversation(id);
    QVERIFY(info);
    // The emulator answers a title request with the first six words of the first message.
    QCOMPARE(info->title, u"Plan a weekend trip to Lisbon"_s);
    QVERIFY(info->titleIsGenerated);
    QVERIFY(!info->titleIsCustom);

    const QJsonArray sent = titleRequests();
    QCOMPARE(sent.size(), 1);
    const QJsonObject body = sent.first().toObject().value("body"_L1).toObject();
    QCOMPARE(body.value("model"_L1).toString(), u"mistral-small-latest"_s);
    QCOMPARE(body.value("max_tokens"_L1).toInt(), 24);
    QCOMPARE(body.value("stream"_L1).toBool(), false);
    const QString shown =
        body.value("messages"_L1).toArray().at(1).toObject().value("content"_L1).toString();
    QVERIFY(shown.contains(u"plan a weekend trip"_s));
    QVERIFY(shown.contains(u"Here is a plan."_s));
}

void TestTitleGenerator::laterAnswers_andToolCalls_askNothing() {
    QSignalSpy ended(m_titles.get(), &TitleGenerator::generationEnded);
    const qint64 id = converse(u"first question here"_s);
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 10000);
    // A second answer, and an assistant message with only a tool call: no new request.
    const auto user = m_store->appendUserMessage(
        id, QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"and another"_s}});
    QVERIFY(user);
    const auto call = m_store->appendMessage(id, QJsonObject{{u"role"_s, u"assistant"_s},
                                                             {u"content"_s, QJsonValue::Null},
                                                             {u"tool_calls"_s, QJsonArray{}}});
    QVERIFY(call);
    QVERIFY(m_store->appendMessage(
        id, QJsonObject{{u"role"_s, u"assistant"_s}, {u"content"_s, u"More."_s}}));
    QTest::qWait(200);
    QVERIFY(!m_titles->isGenerating(id));
    QCOMPARE(ended.count(), 1);
    QCOMPARE(titleRequests().size(), 1);

    // An assistant message that is only a tool call does not start one either.
    QSignalSpy started(m_titles.get(), &TitleGenerator::generationEnded);
    const auto other = m_store->createConversation({});
    QVERIFY(other);
    QVERIFY(m_store->appendUserMessage(
        other->id, QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"draw"_s}}));
    QVERIFY(m_store->appendMessage(other->id, QJsonObject{{u"role"_s, u"assistant"_s},
                                                          {u"content"_s, u""_s},
                                                          {u"tool_calls"_s, QJsonArray{}}}));
    QVERIFY(!m_titles->isGenerating(other->id));
}

void TestTitleGenerator::renamedChat_isNeverAsked() {
    const auto conversation = m_store->createConversation({u"My own name"_s});
    QVERIFY(conversation);
    QVERIFY(m_store->appendUserMessage(
        conversation->id, QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"hello there"_s}}));
    QVERIFY(m_store->appendMessage(
        conversation->id, QJsonObject{{u"role"_s, u"assistant"_s}, {u"content"_s, u"Hi."_s}}));
    QVERIFY(!m_titles->isGenerating(conversation->id));
    QTest::qWait(200);
    QCOMPARE(titleRequests().size(), 0);
    QCOMPARE(m_store->conversation(conversation->id)->title, u"My own name"_s);
}

void TestTitleGenerator::renameWhileAsking_cancelsAndKeepsTheRename() {
    QCOMPARE(m_driver->addFault(QJsonObject{{u"kind"_s, u"delay"_s},
                                            {u"path"_s, ChatService::chatPath()},
                                            {u"delay_ms"_s, 1500}}),
             200);
    QSignalSpy ended(m_titles.get(), &TitleGenerator::generationEnded);
    QSignalSpy generated(m_titles.get(), &TitleGenerator::titleGenerated);
    const qint64 id = converse(u"a question about sourdough bread"_s);
    QVERIFY(m_titles->isGenerating(id));
    QVERIFY(m_store->renameConversation(id, u"Bread"_s));
    QCOMPARE(ended.count(), 1); // canceled at once
    QVERIFY(!m_titles->isGenerating(id));
    QTest::qWait(1800);
    QCOMPARE(generated.count(), 0);
    const auto info = m_store->conversation(id);
    QCOMPARE(info->title, u"Bread"_s);
    QVERIFY(info->titleIsCustom);
    // The store refuses a late title too.
    QCOMPARE(*m_store->setGeneratedTitle(id, u"Late"_s), false);
    QCOMPARE(m_store->conversation(id)->title, u"Bread"_s);
}

void TestTitleGenerator::failure_keepsTheDerivedTitle_andIsNotRepeated() {
    QCOMPARE(m_driver->addFault(QJsonObject{{u"kind"_s, u"status"_s},
                                            {u"path"_s, ChatService::chatPath()},
                                            {u"status"_s, 400},
                                            {u"body"_s, u"object"_s}}),
             200);
    QSignalSpy ended(m_titles.get(), &TitleGenerator::generationEnded);
    const qint64 id = converse(u"how do magnets work"_s);
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 10000);
    const auto info = m_store->conversation(id);
    QCOMPARE(info->title, u"how do magnets work"_s); // derived from the first message
    QVERIFY(!info->titleIsGenerated);
    // The next answer does not ask again in this run.
    QVERIFY(m_store->appendMessage(
        id, QJsonObject{{u"role"_s, u"assistant"_s}, {u"content"_s, u"Also…"_s}}));
    QVERIFY(!m_titles->isGenerating(id));
}

void TestTitleGenerator::disabled_asksNothing() {
    m_titles->setEnabled(false);
    const qint64 id = converse(u"what is a monad"_s);
    QVERIFY(!m_titles->isGenerating(id));
    QTest::qWait(200);
    QCOMPARE(titleRequests().size(), 0);
}

void TestTitleGenerator::removingTheFirstMessage_makesTheTitleDerivedAgain() {
    QSignalSpy generated(m_titles.get(), &TitleGenerator::titleGenerated);
    const qint64 id = converse(u"tell me about volcanoes in Iceland"_s);
    QTRY_COMPARE_WITH_TIMEOUT(generated.count(), 1, 10000);
    const auto first = m_store->messagesFrom(id, 0, 1);
    QVERIFY(first && !first->isEmpty());
    // An edit of the first message removes it and what followed.
    QVERIFY(m_store->removeMessagesFrom(id, first->first().position));
    auto info = m_store->conversation(id);
    QVERIFY(!info->titleIsGenerated);
    QVERIFY(!info->titleIsCustom);
    // A rename in between is kept, though: removing messages keeps a custom title.
    QVERIFY(m_store->renameConversation(id, u"Mine"_s));
    QVERIFY(m_store->removeMessagesFrom(id, 0));
    QCOMPARE(m_store->conversation(id)->title, u"Mine"_s);
}

void TestTitleGenerator::generatedTitle_survivesExportAndImport() {
    QSignalSpy generated(m_titles.get(), &TitleGenerator::titleGenerated);
    const qint64 id = converse(u"compare two sorting algorithms for me"_s);
    QTRY_COMPARE_WITH_TIMEOUT(generated.count(), 1, 10000);
    const QString file = m_profile->filePath(u"export.json"_s);
    QVERIFY(m_store->exportJson(id, file));
    const auto imported = m_store->importJson(file);
    QVERIFY(imported);
    QCOMPARE(imported->title, u"Compare two sorting algorithms for me"_s);
    QVERIFY(imported->titleIsGenerated);
    QVERIFY(!imported->titleIsCustom);
}

QTEST_GUILESS_MAIN(TestTitleGenerator)
#include "tst_titlegenerator.moc"
