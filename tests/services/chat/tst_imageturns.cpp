// SPDX-License-Identifier: GPL-3.0-or-later
// Turns with attached images, end to end against the emulator: the user message goes as a
// text chunk and image_url chunks (data URLs, no client-side name) to chat completions and to
// the Conversations API (start and append); the emulator's answer describes what it received;
// later turns resend the images in the history; a chat reopened from the store shows and
// resends them.
#include "core/net/ApiClient.h"
#include "core/services/ChatService.h"
#include "core/services/ConversationService.h"
#include "core/storage/ConversationStore.h"
#include "models/ChatSession.h"
#include "models/ConversationModel.h"
#include "models/ImageAttachment.h"
#include "models/StoreChatPersistence.h"

#include "IntegrationSupport.h"
#include "support/EmulatorProcess.h"

#include <QBuffer>
#include <QImage>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

ContentChunk redImage(const QSize &size, const QString &name) {
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::red);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    const ImageAttachment attachment = ImageAttachment::prepare(png, name);
    return attachment.chunk();
}

// The image_url chunks of the user messages of a chat completions body, in order.
QStringList imageUrls(const QJsonValue &content) {
    QStringList urls;
    for (const QJsonValue &chunk : content.toArray()) {
        const QJsonObject object = chunk.toObject();
        if (object.value("type"_L1).toString() == "image_url"_L1) {
            urls.append(object.value("image_url"_L1).toString());
            if (object.contains("name"_L1))
                urls.append(u"UNEXPECTED NAME"_s);
        }
    }
    return urls;
}

} // namespace

class TestImageTurns : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void chatCompletions_sendsImages_andHistoryResendsThem();
    void conversations_startAndAppendCarryImages();
    void reopenedChat_showsAndResendsItsImages();
    void editAndResend_keepsTheImages();

private:
    bool waitIdle(ChatSession *session = nullptr) {
        ChatSession *s = session ? session : m_session.get();
        return QTest::qWaitFor([s] { return !s->isBusy(); }, 20000);
    }
    QJsonObject lastBody(const QString &path) {
        const QJsonArray requests = m_driver->recordedRequests(path);
        for (qsizetype i = requests.size() - 1; i >= 0; --i) {
            const QJsonObject request = requests.at(i).toObject();
            const QString p = request.value("path"_L1).toString();
            if (p == path || (path.endsWith(u'/') && p.startsWith(path)))
                return request.value("body"_L1).toObject();
        }
        return {};
    }
    QString lastAnswer() const { return m_model->entries().last().message.content.plainText(); }

    Test::EmulatorProcess m_emulator;
    std::unique_ptr<Test::HttpDriver> m_driver;
    QNetworkAccessManager m_nam;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<ChatService> m_chat;
    std::unique_ptr<ConversationService> m_conversations;
    std::unique_ptr<ConversationModel> m_model;
    std::unique_ptr<ChatSession> m_session;
};

void TestImageTurns::initTestCase() {
    QVERIFY2(m_emulator.start(u"image-key-123456"_s, {u"--demo"_s}),
             qPrintable(m_emulator.errorString()));
    m_driver = std::make_unique<Test::HttpDriver>(m_emulator.baseUrl(), "image-key-123456");
}

void TestImageTurns::init() {
    m_driver->send("POST", u"/__admin/reset"_s);
    m_driver->send("DELETE", u"/__admin/requests"_s);
    m_client = std::make_unique<ApiClient>(&m_nam);
    QVERIFY(m_client->setBaseUrl(m_emulator.baseUrl()));
    m_client->setApiKey(m_emulator.apiKey());
    m_chat = std::make_unique<ChatService>(m_client.get());
    m_conversations = std::make_unique<ConversationService>(m_client.get());
    m_model = std::make_unique<ConversationModel>();
    m_session = std::make_unique<ChatSession>(m_chat.get(), m_model.get());
    m_session->setConversationService(m_conversations.get());
    m_session->setTarget(ChatSession::TargetKind::Model, u"mistral-small-latest"_s);
}

void TestImageTurns::cleanup() {
    m_session.reset();
    m_model.reset();
    m_conversations.reset();
    m_chat.reset();
    m_client.reset();
}

void TestImageTurns::chatCompletions_sendsImages_andHistoryResendsThem() {
    const ContentChunk wide = redImage({40, 30}, u"wide.png"_s);
    const ContentChunk tall = redImage({12, 50}, u"tall.png"_s);
    QVERIFY(m_session->send(u"What are these?"_s, {wide, tall}));
    QVERIFY(waitIdle());
    QCOMPARE(m_model->entries().last().status, ChatEntry::Status::Complete);
    // The emulator read both images.
    QVERIFY2(lastAnswer().contains(u"40×30 pixels"_s), qPrintable(lastAnswer()));
    QVERIFY(lastAnswer().contains(u"12×50 pixels"_s));
    QJsonObject body = lastBody(u"/v1/chat/completions"_s);
    QJsonArray messages = body.value("messages"_L1).toArray();
    QCOMPARE(messages.size(), 1);
    const QJsonArray content = messages.at(0)[u"content"_s].toArray();
    QCOMPARE(content.at(0).toObject(),
             (QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, u"What are these?"_s}}));
    QCOMPARE(imageUrls(content), (QStringList{wide.imageUrl, tall.imageUrl}));
    // The message shows its images, named.
    QCOMPARE(m_model->entries().first().message.content.images().size(), 2);
    QCOMPARE(m_model->entries().first().message.content.images().first().imageName,
             std::optional<QString>(u"wide.png"_s));

    // An image alone is a message too; the history keeps the first turn's images.
    const ContentChunk small = redImage({7, 5}, u"small.png"_s);
    QVERIFY(m_session->send(QString(), {small}));
    QVERIFY(waitIdle());
    QVERIFY2(lastAnswer().contains(u"7×5 pixels"_s), qPrintable(lastAnswer()));
    body = lastBody(u"/v1/chat/completions"_s);
    messages = body.value("messages"_L1).toArray();
    QCOMPARE(messages.size(), 3);
    QCOMPARE(imageUrls(messages.at(0)[u"content"_s]), (QStringList{wide.imageUrl, tall.imageUrl}));
    QCOMPARE(messages.at(2)[u"content"_s].toArray().size(), 1);
    QCOMPARE(imageUrls(messages.at(2)[u"content"_s]), QStringList{small.imageUrl});
}

void TestImageTurns::conversations_startAndAppendCarryImages() {
    m_session->setTools({Tool::builtIn(Tool::Type::WebSearch)}); // a Conversations API turn
    const ContentChunk first = redImage({20, 10}, u"first.png"_s);
    QVERIFY(m_session->send(u"Describe it"_s, {first}));
    QVERIFY(waitIdle());
    QCOMPARE(m_model->entries().last().status, ChatEntry::Status::Complete);
    QVERIFY2(lastAnswer().contains(u"20×10 pixels"_s), qPrintable(lastAnswer()));
    const QString id = m_session->serverConversationId();
    QVERIFY(id.startsWith(u"conv_"_s));
    const QJsonArray started = lastBody(u"/v1/conversations"_s).value("inputs"_L1).toArray();
    QCOMPARE(started.size(), 1);
    QCOMPARE(imageUrls(started.at(0)[u"content"_s]), QStringList{first.imageUrl});

    const ContentChunk second = redImage({9, 9}, u"second.png"_s);
    QVERIFY(m_session->send(u"And this one?"_s, {second}));
    QVERIFY(waitIdle());
    QVERIFY2(lastAnswer().contains(u"9×9 pixels"_s), qPrintable(lastAnswer()));
    const QJsonArray appended = lastBody(u"/v1/conversations/"_s + id).value("inputs"_L1).toArray();
    QCOMPARE(appended.size(), 1);
    QCOMPARE(appended.at(0)[u"role"_s].toString(), u"user"_s);
    QCOMPARE(appended.at(0)[u"content"_s][0][u"text"_s].toString(), u"And this one?"_s);
    QCOMPARE(imageUrls(appended.at(0)[u"content"_s]), QStringList{second.imageUrl});
}

void TestImageTurns::reopenedChat_showsAndResendsItsImages() {
    QTemporaryDir profile;
    const ContentChunk image = redImage({33, 22}, u"kept.png"_s);
    qint64 chat = 0;
    {
        auto opened = ConversationStore::open(profile.path());
        QVERIFY2(opened.ok(), qPrintable(opened.error.message));
        StoreChatPersistence persistence(opened.store.get());
        m_session->setPersistence(&persistence);
        QVERIFY(m_session->send(u"Keep this"_s, {image}));
        QVERIFY(waitIdle());
        m_session->setPersistence(nullptr);
        chat = persistence.conversationId();
    }
    auto reopened = ConversationStore::open(profile.path());
    QVERIFY(reopened.ok());
    StoreChatPersistence persistence(reopened.store.get());
    persistence.setConversation(chat);
    ConversationModel model;
    model.setEntries(StoreChatPersistence::toEntries(*reopened.store->messages(chat)));
    const QList<ContentChunk> shown = model.entries().first().message.content.images();
    QCOMPARE(shown.size(), 1);
    QCOMPARE(shown.first().imageUrl, image.imageUrl);
    QCOMPARE(shown.first().imageName, std::optional<QString>(u"kept.png"_s));
    bool imageRow = false;
    for (int r = 0; r < model.rowCount(); ++r)
        imageRow = imageRow
                   || (model.item(r).kind == ChatItem::Kind::Image
                       && model.item(r).image.fileName == u"kept.png"_s);
    QVERIFY(imageRow);

    ChatSession session(m_chat.get(), &model);
    session.setPersistence(&persistence);
    session.setTarget(ChatSession::TargetKind::Model, u"mistral-small-latest"_s);
    QVERIFY(session.send(u"What colour was it?"_s));
    QVERIFY(waitIdle(&session));
    const QJsonArray messages = lastBody(u"/v1/chat/completions"_s).value("messages"_L1).toArray();
    QCOMPARE(messages.size(), 3);
    QCOMPARE(imageUrls(messages.at(0)[u"content"_s]), QStringList{image.imageUrl});
}

void TestImageTurns::editAndResend_keepsTheImages() {
    const ContentChunk image = redImage({16, 8}, u"edit.png"_s);
    QVERIFY(m_session->send(u"First words"_s, {image}));
    QVERIFY(waitIdle());
    QVERIFY(m_session->editAndResend(0, u"Better words"_s));
    QVERIFY(waitIdle());
    QCOMPARE(m_model->entryCount(), 2);
    QVERIFY2(lastAnswer().contains(u"16×8 pixels"_s), qPrintable(lastAnswer()));
    const QJsonArray messages = lastBody(u"/v1/chat/completions"_s).value("messages"_L1).toArray();
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.at(0)[u"content"_s][0][u"text"_s].toString(), u"Better words"_s);
    QCOMPARE(imageUrls(messages.at(0)[u"content"_s]), QStringList{image.imageUrl});
}

QTEST_MAIN(TestImageTurns)
#include "tst_imageturns.moc"
