// SPDX-License-Identifier: GPL-3.0-or-later
// Continue: an answer cut by the length limit is sent back as an assistant prefix and the rest
// is added to the same message, whether the server sends only what follows the prefix or the
// prefix again with it. Other endings offer no Continue.
#include "core/net/ApiClient.h"
#include "core/services/ChatService.h"
#include "models/ChatSession.h"
#include "models/ConversationModel.h"

#include "support/FakeHttpServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using Tramontane::Test::FakeHttpServer;
using Tramontane::Test::ScriptedResponse;

namespace {

//! Keeps the last stored text of each message in memory.
class MemoryPersistence final : public ChatPersistence {
public:
    qint64 storeMessage(const ChatEntry &entry, QString *) override {
        const qint64 id = ++m_lastId;
        m_text.insert(id, entry.message.content.plainText());
        return id;
    }
    void updateMessage(const ChatEntry &entry) override {
        m_text.insert(entry.id, entry.message.content.plainText());
    }
    void removeMessagesFrom(const ChatEntry &) override {}

    QString text(qint64 id) const { return m_text.value(id); }

private:
    QHash<qint64, QString> m_text;
    qint64 m_lastId = 0;
};

QByteArray delta(const QString &text, const QByteArray &finish = "null") {
    return "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
           "\"model\":\"mistral-small-latest\",\"choices\":[{\"index\":0,\"delta\":"
           "{\"role\":\"assistant\",\"content\":\""
           + text.toUtf8() + "\"},\"finish_reason\":" + finish + "}]}\n\n";
}

ScriptedResponse answer(const QStringList &pieces, const QByteArray &finish) {
    QList<QByteArray> events;
    for (qsizetype i = 0; i < pieces.size(); ++i)
        events.append(delta(pieces.at(i), i + 1 == pieces.size() ? finish : "null"));
    events.append("data: [DONE]\n\n");
    return ScriptedResponse::sse(events, 5);
}

// The notice rows of the model that offer Continue.
int continueNotices(const ConversationModel &model) {
    int count = 0;
    for (int r = 0; r < model.rowCount(); ++r)
        count += model.item(r).continuable ? 1 : 0;
    return count;
}

} // namespace

class TestChatContinue : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void lengthStop_offersContinue_andTheRestJoinsTheAnswer_data();
    void lengthStop_offersContinue_andTheRestJoinsTheAnswer();
    void otherEndings_offerNoContinue();
    void onlyTheLastAnswer_andNotWhileBusy();

private:
    bool waitIdle() {
        return QTest::qWaitFor([this] { return !m_session->isBusy(); }, 10000);
    }

    std::unique_ptr<FakeHttpServer> m_server;
    QNetworkAccessManager m_nam;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<ChatService> m_chat;
    std::unique_ptr<ConversationModel> m_model;
    std::unique_ptr<MemoryPersistence> m_persistence;
    std::unique_ptr<ChatSession> m_session;
};

void TestChatContinue::init() {
    m_server = std::make_unique<FakeHttpServer>();
    QVERIFY(m_server->listen());
    m_client = std::make_unique<ApiClient>(&m_nam);
    QVERIFY(m_client->setBaseUrl(m_server->baseUrl()));
    m_client->setApiKey(u"k"_s);
    m_chat = std::make_unique<ChatService>(m_client.get());
    m_model = std::make_unique<ConversationModel>();
    m_persistence = std::make_unique<MemoryPersistence>();
    m_session = std::make_unique<ChatSession>(m_chat.get(), m_model.get());
    m_session->setPersistence(m_persistence.get());
    m_session->setTarget(ChatSession::TargetKind::Model, u"mistral-small-latest"_s);
}

void TestChatContinue::cleanup() {
    m_session.reset();
    m_persistence.reset();
    m_model.reset();
    m_chat.reset();
    m_client.reset();
    m_server.reset();
}

void TestChatContinue::lengthStop_offersContinue_andTheRestJoinsTheAnswer_data() {
    QTest::addColumn<bool>("echoesPrefix");
    QTest::newRow("only what follows") << false;
    QTest::newRow("prefix sent again") << true;
}

void TestChatContinue::lengthStop_offersContinue_andTheRestJoinsTheAnswer() {
    QFETCH(bool, echoesPrefix);
    const QString cut = u"The three rules are: first, "_s;
    m_server->enqueue(answer({u"The three rules "_s, u"are: first, "_s}, "\"length\""));
    QVERIFY(m_session->send(u"List the rules"_s));
    QVERIFY(waitIdle());
    const ChatEntry stopped = m_model->entries().at(1);
    QCOMPARE(stopped.status, ChatEntry::Status::Complete);
    QVERIFY(stopped.stoppedForLength);
    QCOMPARE(stopped.message.content.plainText(), cut);
    QCOMPARE(continueNotices(*m_model), 1);

    const QStringList rest{u"keep calm; "_s, u"second, carry on."_s};
    m_server->enqueue(answer(echoesPrefix ? QStringList{cut} + rest : rest, "\"stop\""));
    QVERIFY(m_session->continueAnswer(1));
    QCOMPARE(continueNotices(*m_model), 0); // not offered twice
    QVERIFY(waitIdle());

    // The same message, now whole, and stored so.
    QCOMPARE(m_model->entryCount(), 2);
    const ChatEntry whole = m_model->entries().at(1);
    QCOMPARE(whole.id, stopped.id);
    QCOMPARE(whole.status, ChatEntry::Status::Complete);
    QVERIFY(!whole.stoppedForLength);
    const QString expected = cut + u"keep calm; second, carry on."_s;
    QCOMPARE(whole.message.content.plainText(), expected);
    QCOMPARE(m_persistence->text(whole.id), expected);
    QCOMPARE(continueNotices(*m_model), 0);

    // The request sent the partial answer as an assistant prefix, after the question.
    const QJsonObject body = QJsonDocument::fromJson(m_server->lastRequest().body).object();
    const QJsonArray messages = body.value("messages"_L1).toArray();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(0)["role"_L1].toString(), u"user"_s);
    const QJsonObject prefix = messages.at(1).toObject();
    QCOMPARE(prefix.value("role"_L1).toString(), u"assistant"_s);
    QCOMPARE(prefix.value("content"_L1).toString(), cut);
    QCOMPARE(prefix.value("prefix"_L1).toBool(), true);
}

void TestChatContinue::otherEndings_offerNoContinue() {
    m_server->enqueue(answer({u"All done."_s}, "\"stop\""));
    QVERIFY(m_session->send(u"Say something"_s));
    QVERIFY(waitIdle());
    QVERIFY(!m_model->entries().at(1).stoppedForLength);
    QCOMPARE(continueNotices(*m_model), 0);
    QVERIFY(!m_session->continueAnswer(1));

    // Stopped by the person: Retry, not Continue.
    m_server->enqueue(ScriptedResponse::sse({delta(u"Part"_s)}, 5)
                          .withEnding(ScriptedResponse::Ending::HoldOpen));
    QVERIFY(m_session->send(u"Another"_s));
    QTRY_VERIFY(m_model->entryCount() == 4
                && !m_model->entries().at(3).message.content.plainText().isEmpty());
    m_session->stop();
    QVERIFY(waitIdle());
    QVERIFY(!m_model->entries().at(3).stoppedForLength);
    QCOMPARE(continueNotices(*m_model), 0);
    QVERIFY(!m_session->continueAnswer(3));
}

void TestChatContinue::onlyTheLastAnswer_andNotWhileBusy() {
    m_server->enqueue(answer({u"Cut here"_s}, "\"length\""));
    QVERIFY(m_session->send(u"One"_s));
    QVERIFY(waitIdle());
    QVERIFY(m_model->entries().at(1).stoppedForLength);
    m_server->enqueue(answer({u"Fine."_s}, "\"stop\""));
    QVERIFY(m_session->send(u"Two"_s));
    QVERIFY(waitIdle());
    QVERIFY(!m_session->continueAnswer(1)); // no longer the last answer
    QVERIFY(!m_session->continueAnswer(0)); // a user message
    QCOMPARE(m_server->requestCount(), 2);
}

QTEST_GUILESS_MAIN(TestChatContinue)
#include "tst_chatcontinue.moc"
