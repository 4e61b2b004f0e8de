// SPDX-License-Identifier: GPL-3.0-or-later
// Versions of messages through the session and the controller, against the emulator and a
// real store: editing a message and regenerating an answer keep the earlier versions, the
// switcher's action shows another one, and every request carries only the visible path.
#include "core/net/ApiClient.h"
#include "core/services/ChatService.h"
#include "core/storage/ConversationStore.h"
#include "models/ChatController.h"
#include "models/ChatSession.h"
#include "models/ChatTargetModel.h"
#include "models/ConversationModel.h"
#include "models/ConversationPager.h"
#include "models/StoreChatPersistence.h"

#include "IntegrationSupport.h"
#include "support/EmulatorProcess.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

class TestChatVersions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void regenerate_keepsEarlierAnswer_requestCarriesOnlyThePath();
    void edit_keepsEarlierVersionWithItsAnswer();
    void switchVersion_showsIt_andNextTurnReplaysIt();
    void stopBeforeAnything_bringsEarlierAnswerBack();
    void searchHitInOtherVersion_opensThatVersion();

private:
    bool waitIdle() {
        return QTest::qWaitFor([this] { return !m_session->isBusy(); }, 20000);
    }
    bool turn(const QString &text) { return m_session->send(text) && waitIdle(); }
    //! The messages of the last chat request the emulator received, as "role: text".
    QStringList lastRequestMessages() {
        const QJsonArray requests = m_driver->recordedRequests(u"/v1/chat/completions"_s);
        QStringList out;
        if (requests.isEmpty())
            return out;
        const QJsonArray messages = requests.last()[u"body"_s][u"messages"_s].toArray();
        for (const QJsonValue &m : messages)
            out.append(m[u"role"_s].toString() + u": "_s + m[u"content"_s].toString());
        return out;
    }
    QStringList modelTexts() const {
        QStringList out;
        for (const ChatEntry &e : m_model->entries())
            out.append(e.message.content.plainText());
        return out;
    }
    qint64 conversation() const { return m_persistence->conversationId(); }

    Test::EmulatorProcess m_emulator;
    std::unique_ptr<Test::HttpDriver> m_driver;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ConversationStore> m_store;
    std::unique_ptr<QSettings> m_settings;
    QNetworkAccessManager m_nam;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<ChatService> m_chat;
    std::unique_ptr<ConversationModel> m_model;
    std::unique_ptr<StoreChatPersistence> m_persistence;
    std::unique_ptr<ChatSession> m_session;
    std::unique_ptr<ConversationPager> m_pager;
    std::unique_ptr<ChatTargetModel> m_targets;
    std::unique_ptr<ChatController> m_controller;
};

void TestChatVersions::initTestCase() {
    QVERIFY2(m_emulator.start(u"versions-key-123456"_s, {u"--demo"_s}),
             qPrintable(m_emulator.errorString()));
    m_driver = std::make_unique<Test::HttpDriver>(m_emulator.baseUrl(), "versions-key-123456");
}

void TestChatVersions::init() {
    m_driver->send("POST", u"/__admin/reset"_s);
    m_dir = std::make_unique<QTemporaryDir>();
    auto opened = ConversationStore::open(m_dir->path());
    QVERIFY2(opened.ok(), qPrintable(opened.error.detail));
    m_store = std::move(opened.store);
    m_settings =
        std::make_unique<QSettings>(m_dir->filePath(u"settings.ini"_s), QSettings::IniFormat);
    m_client = std::make_unique<ApiClient>(&m_nam);
    QVERIFY(m_client->setBaseUrl(m_emulator.baseUrl()));
    m_client->setApiKey(m_emulator.apiKey());
    m_chat = std::make_unique<ChatService>(m_client.get());
    m_model = std::make_unique<ConversationModel>();
    m_persistence = std::make_unique<StoreChatPersistence>(m_store.get());
    m_session = std::make_unique<ChatSession>(m_chat.get(), m_model.get());
    m_session->setPersistence(m_persistence.get());
    m_session->setTarget(ChatSession::TargetKind::Model, u"mistral-small-latest"_s);
    m_pager = std::make_unique<ConversationPager>(m_store.get(), m_model.get());
    m_targets = std::make_unique<ChatTargetModel>();
    m_controller = std::make_unique<ChatController>(m_session.get(), m_model.get(), m_pager.get(),
                                                    m_persistence.get(), m_store.get(),
                                                    m_targets.get(), m_settings.get());
}

void TestChatVersions::cleanup() {
    m_controller.reset();
    m_targets.reset();
    m_pager.reset();
    m_session.reset();
    m_persistence.reset();
    m_model.reset();
    m_chat.reset();
    m_client.reset();
    m_settings.reset();
    m_store.reset();
    m_dir.reset();
}

void TestChatVersions::regenerate_keepsEarlierAnswer_requestCarriesOnlyThePath() {
    QVERIFY(turn(u"First question, rate 0"_s));
    QVERIFY(turn(u"Second question, rate 0"_s));
    const QString firstAnswer = m_model->entries().at(1).message.content.plainText();
    const qint64 oldAnswer = m_model->entries().at(3).id;

    QVERIFY(m_session->regenerate());
    QVERIFY(waitIdle());
    QCOMPARE(m_model->entryCount(), 4);
    QVERIFY(m_model->entries().at(3).id != oldAnswer);
    QCOMPARE(m_model->entries().at(3).versionCount, 2);
    QCOMPARE(m_model->entries().at(3).versionIndex, 1);
    // The switcher is on the answer's last row.
    const ChatItem &last = m_model->item(m_model->rowCount() - 1);
    QCOMPARE(last.versionCount, 2);
    QCOMPARE(last.versionEntry, 3);
    // The earlier answer is kept, off the path.
    const auto old = m_store->message(oldAnswer);
    QVERIFY(old);
    QVERIFY(!old->onPath);
    QCOMPARE(m_store->allMessages(conversation())->size(), 5);
    // The request carried the path up to the question, not the earlier answer.
    QCOMPARE(lastRequestMessages(),
             (QStringList{u"user: First question, rate 0"_s, u"assistant: "_s + firstAnswer,
                          u"user: Second question, rate 0"_s}));
}

void TestChatVersions::edit_keepsEarlierVersionWithItsAnswer() {
    QVERIFY(turn(u"First question, rate 0"_s));
    QVERIFY(turn(u"Second question, rate 0"_s));
    const QString firstAnswer = m_model->entries().at(1).message.content.plainText();
    const qint64 oldQuestion = m_model->entries().at(2).id;
    const qint64 oldAnswer = m_model->entries().at(3).id;

    QVERIFY(m_session->editAndResend(2, u"Second question edited, rate 0"_s));
    QVERIFY(waitIdle());
    QCOMPARE(m_model->entryCount(), 4);
    QCOMPARE(m_model->entries().at(2).versionCount, 2);
    QCOMPARE(m_model->entries().at(2).versionIndex, 1);
    QCOMPARE(m_model->entries().at(3).versionCount, 1); // the new question's only answer
    QCOMPARE(lastRequestMessages(),
             (QStringList{u"user: First question, rate 0"_s, u"assistant: "_s + firstAnswer,
                          u"user: Second question edited, rate 0"_s}));
    // Both earlier messages are kept, with their text.
    QCOMPARE(m_store->message(oldQuestion)->message.value(u"content"_s).toString(),
             u"Second question, rate 0"_s);
    QVERIFY(m_store->message(oldAnswer));
    QCOMPARE(m_store->message(oldAnswer)->parentId, oldQuestion);
}

void TestChatVersions::switchVersion_showsIt_andNextTurnReplaysIt() {
    QVERIFY(turn(u"First question, rate 0"_s));
    QVERIFY(turn(u"Second question, rate 0"_s));
    QVERIFY(m_session->editAndResend(2, u"Other second question, rate 0"_s));
    QVERIFY(waitIdle());

    // ‹ on the edited question: the first version with its own answer.
    const int row = m_controller->switchVersion(2, -1);
    QVERIFY(row >= 0);
    QCOMPARE(m_model->item(row).text, u"Second question, rate 0"_s);
    QCOMPARE(m_model->entryCount(), 4);
    QCOMPARE(m_model->entries().at(2).versionIndex, 0);
    QCOMPARE(m_model->entries().at(2).versionCount, 2);
    QVERIFY(m_persistence->serverConversationId().isEmpty());
    // Past the first version: nothing changes.
    QCOMPARE(m_controller->switchVersion(2, -1), -1);
    QCOMPARE(m_model->entries().at(2).message.content.plainText(), u"Second question, rate 0"_s);

    const QStringList shown = modelTexts();
    QVERIFY(turn(u"Third question, rate 0"_s));
    QStringList expected;
    for (int i = 0; i < shown.size(); ++i)
        expected.append((i % 2 == 0 ? u"user: "_s : u"assistant: "_s) + shown.at(i));
    expected.append(u"user: Third question, rate 0"_s);
    QCOMPARE(lastRequestMessages(), expected);

    // › back to the other version: its path, without the third question.
    QVERIFY(m_controller->switchVersion(2, 1) >= 0);
    QCOMPARE(m_model->entryCount(), 4);
    QCOMPARE(m_model->entries().at(2).message.content.plainText(),
             u"Other second question, rate 0"_s);
}

void TestChatVersions::stopBeforeAnything_bringsEarlierAnswerBack() {
    QVERIFY(turn(u"A question, rate 0"_s));
    const qint64 answer = m_model->entries().at(1).id;
    // Slow enough to stop before the first token.
    QCOMPARE(m_driver->addFault(QJsonObject{{u"kind"_s, u"delay"_s},
                                            {u"path"_s, u"/v1/chat/completions"_s},
                                            {u"delay_ms"_s, 3000}}),
             200);
    QVERIFY(m_session->regenerate());
    QVERIFY(m_session->isBusy());
    m_session->stop();
    QVERIFY(waitIdle());
    QCOMPARE(m_model->entryCount(), 2);
    QCOMPARE(m_model->entries().at(1).id, answer);
    QCOMPARE(m_store->messages(conversation())->at(1).id, answer);
}

void TestChatVersions::searchHitInOtherVersion_opensThatVersion() {
    QVERIFY(turn(u"Tell me about the mistral wind, rate 0"_s));
    QVERIFY(m_session->editAndResend(0, u"Tell me about the bora instead, rate 0"_s));
    QVERIFY(waitIdle());
    const qint64 id = conversation();
    m_controller->newChat();
    const auto found = m_store->search(u"mistral wind"_s);
    QVERIFY(found);
    QList<SearchHit> hits;
    for (const SearchHit &hit : *found) {
        if (hit.role == u"user"_s)
            hits.append(hit);
    }
    QCOMPARE(hits.size(), 1);
    QVERIFY(!hits.at(0).onPath);
    QVERIFY(m_controller->openConversation(id, hits.at(0).messageId));
    QCOMPARE(m_model->entries().at(0).message.content.plainText(),
             u"Tell me about the mistral wind, rate 0"_s);
    QCOMPARE(m_model->entries().at(0).versionIndex, 0);
}

QTEST_GUILESS_MAIN(TestChatVersions)
#include "tst_chatversions.moc"
