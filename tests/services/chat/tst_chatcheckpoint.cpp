// SPDX-License-Identifier: GPL-3.0-or-later
// A streaming answer is checkpointed while the stream is quiet: a burst of text followed by a
// pause (what a running tool looks like) reaches the store without waiting for the next delta.
#include "core/net/ApiClient.h"
#include "core/services/ChatService.h"
#include "models/ChatSession.h"
#include "models/ConversationModel.h"

#include "support/FakeHttpServer.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using Tramontane::Test::FakeHttpServer;
using Tramontane::Test::ScriptedResponse;

namespace {

//! Keeps the last stored state of each message in memory.
class MemoryPersistence final : public ChatPersistence {
public:
    qint64 storeMessage(const ChatEntry &entry, QString *) override {
        const qint64 id = ++m_lastId;
        m_text.insert(id, entry.message.content.plainText());
        return id;
    }
    void updateMessage(const ChatEntry &entry) override {
        m_text.insert(entry.id, entry.message.content.plainText());
        ++updates;
    }
    void removeMessagesFrom(const ChatEntry &) override {}

    QString text(qint64 id) const { return m_text.value(id); }
    int updates = 0;

private:
    QHash<qint64, QString> m_text;
    qint64 m_lastId = 0;
};

QByteArray delta(const QString &text) {
    return "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
           "\"model\":\"mistral-small-latest\",\"choices\":[{\"index\":0,\"delta\":"
           "{\"role\":\"assistant\",\"content\":\""
           + text.toUtf8() + "\"},\"finish_reason\":null}]}\n\n";
}

} // namespace

class TestChatCheckpoint : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void burstThenPause_isStoredWithoutAnotherDelta();
};

void TestChatCheckpoint::burstThenPause_isStoredWithoutAnotherDelta() {
    FakeHttpServer server;
    QVERIFY(server.listen());
    // A burst of three deltas 50 ms apart, then the stream stays open and silent.
    server.enqueue(
        ScriptedResponse::sse(
            {delta(u"The tool "_s), delta(u"is running, "_s), delta(u"please wait."_s)}, 50)
            .withEnding(ScriptedResponse::Ending::HoldOpen));

    QNetworkAccessManager nam;
    ApiClient client(&nam);
    QVERIFY(client.setBaseUrl(server.baseUrl()));
    client.setApiKey(u"k"_s);
    ChatService chat(&client);
    ConversationModel model;
    ChatSession session(&chat, &model);
    MemoryPersistence persistence;
    session.setPersistence(&persistence);
    session.setTarget(ChatSession::TargetKind::Model, u"mistral-small-latest"_s);

    QVERIFY(session.send(u"Run the tool"_s));
    const QString burst = u"The tool is running, please wait."_s;
    QTRY_COMPARE_WITH_TIMEOUT(model.entries().at(1).message.content.plainText(), burst, 5000);
    const qint64 answerId = model.entries().at(1).id;
    QVERIFY(answerId > 0);

    // No delta comes any more: the burst is stored within about a second.
    QElapsedTimer paused;
    paused.start();
    QTRY_COMPARE_WITH_TIMEOUT(persistence.text(answerId), burst, 2500);
    qInfo("stored %lld ms into the pause", static_cast<long long>(paused.elapsed()));
    QVERIFY(session.isBusy());

    // Once stored, a quiet stream is not written again and again.
    const int updates = persistence.updates;
    QTest::qWait(1500);
    QCOMPARE(persistence.updates, updates);
    session.stop();
    QVERIFY(!session.isBusy());
    QCOMPARE(persistence.text(answerId), burst);
}

QTEST_GUILESS_MAIN(TestChatCheckpoint)
#include "tst_chatcheckpoint.moc"
