// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/ConversationExporter.h"
#include "core/storage/ConversationStore.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

// Readable QCOMPARE output for statuses.
namespace Tramontane {
char *toString(MessageStatus status) {
    return qstrdup(qPrintable(statusName(status)));
}
} // namespace Tramontane

namespace {

const QByteArray pngBytes = QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(100, '\x01');
const QByteArray jpegBytes = QByteArray("\xff\xd8\xff\xe0", 4) + QByteArray(50, '\x02');
const QByteArray gifBytes = QByteArray("GIF89a") + QByteArray(20, '\x03');

QJsonObject chunk(const QString &type, const QString &key, const QJsonValue &value) {
    return QJsonObject{{u"type"_s, type}, {key, value}};
}

QJsonObject toolCall(const QString &id, const QString &name, const QString &arguments) {
    return QJsonObject{
        {u"id"_s, id},
        {u"type"_s, u"function"_s},
        {u"function"_s, QJsonObject{{u"name"_s, name}, {u"arguments"_s, arguments}}}};
}

// An image_url chunk a person attached, with its file name.
QJsonObject attached(QJsonObject chunk, const QString &name) {
    chunk.insert(u"name"_s, name);
    return chunk;
}

bool writeFile(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestConversationExporter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void json_roundTrip_givesEqualConversationUnderNewId();
    void json_fileHasFormatAndVersion();
    void json_invalidFile_isRefused_data();
    void json_invalidFile_isRefused();
    void json_streamingMessage_importedAsInterrupted();

    void markdown_rolesTextToolsAndImagesAlongside();
    void markdown_fenceLongerThanBackticksInside();

private:
    void buildRichConversation(qint64 &id);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ConversationStore> m_store;
};

void TestConversationExporter::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto opened = ConversationStore::open(m_dir->filePath(u"profile"_s));
    QVERIFY(opened.ok());
    m_store = std::move(opened.store);
}

void TestConversationExporter::cleanup() {
    m_store.reset();
}

// A conversation with every kind of content and every field set.
void TestConversationExporter::buildRichConversation(qint64 &id) {
    const QJsonArray tools{QJsonObject{{u"type"_s, u"image_generation"_s}},
                           QJsonObject{{u"type"_s, u"web_search"_s}}};
    const QJsonObject settings{{u"temperature"_s, 0.7}, {u"safe_prompt"_s, true}};
    const auto info =
        m_store->createConversation({{}, u"mistral-medium-latest"_s, {}, tools, settings});
    QVERIFY(info);
    id = info->id;
    QVERIFY(m_store->appendMessage(
        id, QJsonObject{{u"role"_s, u"system"_s}, {u"content"_s, u"Be helpful."_s}}));
    const QString dataUrl = u"data:image/gif;base64,"_s + QString::fromLatin1(gifBytes.toBase64());
    const auto user = m_store->appendUserMessage(
        id, QJsonObject{{u"role"_s, u"user"_s},
                        {u"content"_s,
                         QJsonArray{chunk(u"text"_s, u"text"_s, u"Draw a cat like this one"_s),
                                    attached(chunk(u"image_url"_s, u"image_url"_s, dataUrl),
                                             u"cat.gif"_s)}}});
    QVERIFY(user);
    QVERIFY(m_store->finishMessage(user->id, MessageStatus::Complete, {}, u"req-user"_s));

    const auto call = m_store->beginAssistantMessage(
        id, u"mistral-medium-latest"_s,
        QJsonObject{
            {u"role"_s, u"assistant"_s},
            {u"content"_s, u""_s},
            {u"tool_calls"_s, QJsonArray{toolCall(u"call1"_s, u"image_generation"_s,
                                                  u"{\"prompt\":\"a cat\",\"size\":1024}"_s)}}});
    QVERIFY(call);
    QVERIFY(m_store->finishMessage(call->id, MessageStatus::Complete));
    const auto result =
        m_store->beginAssistantMessage(id, u"mistral-medium-latest"_s,
                                       QJsonObject{{u"role"_s, u"tool"_s},
                                                   {u"tool_call_id"_s, u"call1"_s},
                                                   {u"name"_s, u"image_generation"_s},
                                                   {u"content"_s, u"{\"status\":\"ok\"}"_s}});
    QVERIFY(result);
    QVERIFY(m_store->finishMessage(result->id, MessageStatus::Complete));
    const auto answer = m_store->beginAssistantMessage(id, u"mistral-medium-latest"_s);
    QVERIFY(answer);
    QVERIFY(m_store->updateStreamingMessage(
        answer->id,
        QJsonObject{
            {u"role"_s, u"assistant"_s},
            {u"content"_s,
             QJsonArray{
                 QJsonObject{{u"type"_s, u"thinking"_s},
                             {u"thinking"_s,
                              QJsonArray{chunk(u"text"_s, u"text"_s, u"The user wants a cat."_s)}}},
                 chunk(u"text"_s, u"text"_s, u"Here is **your cat**:"_s),
                 QJsonObject{{u"type"_s, u"tool_file"_s},
                             {u"tool"_s, u"image_generation"_s},
                             {u"file_id"_s, u"file-123"_s},
                             {u"file_name"_s, u"image_generated_0"_s},
                             {u"file_type"_s, u"png"_s}},
                 chunk(u"image_url"_s, u"image_url"_s,
                       QJsonObject{{u"url"_s, u"https://files.example/cat2.jpg"_s}}),
                 chunk(u"image_url"_s, u"image_url"_s, u"https://files.example/missing.png"_s),
                 QJsonObject{{u"type"_s, u"tool_file"_s},
                             {u"tool"_s, u"image_generation"_s},
                             {u"file_id"_s, u"file-gone"_s}}}}}));
    const QJsonObject usage{
        {u"prompt_tokens"_s, 120}, {u"completion_tokens"_s, 40}, {u"total_tokens"_s, 160}};
    QVERIFY(m_store->finishMessage(answer->id, MessageStatus::Complete, usage, u"req-answer"_s));

    const auto cut = m_store->beginAssistantMessage(id, u"mistral-medium-latest"_s);
    QVERIFY(cut);
    QVERIFY(m_store->updateStreamingMessage(
        cut->id, QJsonObject{{u"role"_s, u"assistant"_s}, {u"content"_s, u"Half an ans"_s}}));
    QVERIFY(m_store->finishMessage(cut->id, MessageStatus::Interrupted));
    const auto failed = m_store->appendUserMessage(
        id, QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"Try again"_s}});
    QVERIFY(failed);
    QVERIFY(m_store->finishMessage(
        failed->id, MessageStatus::Failed, {}, u"req-failed"_s,
        QJsonObject{{u"message"_s, u"Rate limit reached."_s}, {u"status"_s, 429}}));
    QVERIFY(m_store->renameConversation(id, u"Cats"_s));
    QVERIFY(m_store->setPinned(id, true));
}

void TestConversationExporter::json_roundTrip_givesEqualConversationUnderNewId() {
    qint64 id = 0;
    buildRichConversation(id);
    if (QTest::currentTestFailed())
        return;
    const QString file = m_dir->filePath(u"cats.json"_s);
    QVERIFY(m_store->exportJson(id, file));
    const auto imported = m_store->importJson(file);
    QVERIFY2(imported, qPrintable(imported.error().detail));
    QVERIFY(imported->id != id);

    const ConversationRecord a = *m_store->record(id);
    const ConversationRecord b = *m_store->record(imported->id);
    QCOMPARE(b.info.title, a.info.title);
    QCOMPARE(b.info.titleIsCustom, a.info.titleIsCustom);
    QCOMPARE(b.info.pinned, a.info.pinned);
    QCOMPARE(b.info.createdAt, a.info.createdAt);
    QCOMPARE(b.info.updatedAt, a.info.updatedAt);
    QCOMPARE(b.info.model, a.info.model);
    QCOMPARE(b.info.agentId, a.info.agentId);
    QCOMPARE(b.info.tools, a.info.tools);
    QCOMPARE(b.info.settings, a.info.settings);
    QCOMPARE(b.messages.size(), a.messages.size());
    QCOMPARE(a.messages.size(), 7);
    for (qsizetype i = 0; i < a.messages.size(); ++i) {
        const StoredMessage &x = a.messages.at(i);
        const StoredMessage &y = b.messages.at(i);
        QVERIFY(y.id != x.id);
        QCOMPARE(y.conversationId, imported->id);
        QCOMPARE(y.position, x.position);
        QCOMPARE(y.role, x.role);
        QCOMPARE(y.message, x.message);
        QCOMPARE(y.status, x.status);
        QCOMPARE(y.error, x.error);
        QCOMPARE(y.usage, x.usage);
        QCOMPARE(y.requestId, x.requestId);
        QCOMPARE(y.model, x.model);
        QCOMPARE(y.createdAt, x.createdAt);
        QCOMPARE(y.updatedAt, x.updatedAt);
    }
    // The copy is searchable like the original.
    QCOMPARE(m_store->search(u"cat like"_s)->size(), 2);
    // Exporting the copy gives the same document, apart from ids and the export time.
    const QString again = m_dir->filePath(u"again.json"_s);
    QVERIFY(m_store->exportJson(imported->id, again));
    auto strip = [](QJsonObject root) {
        root.remove(u"exportedAt"_s);
        QJsonObject c = root.value(u"conversation"_s).toObject();
        c.remove(u"id"_s);
        root.insert(u"conversation"_s, c);
        // Parents are compared by their place in the list, as ids differ.
        QHash<qint64, int> indexOfId;
        const QJsonArray original = root.value(u"messages"_s).toArray();
        for (int i = 0; i < original.size(); ++i)
            indexOfId.insert(original.at(i)[u"id"_s].toInteger(), i);
        QJsonArray messages;
        for (const QJsonValue &v : original) {
            QJsonObject m = v.toObject();
            m.remove(u"id"_s);
            if (!m.value(u"parentId"_s).isNull())
                m.insert(u"parentId"_s, indexOfId.value(m.value(u"parentId"_s).toInteger(), -1));
            messages.append(m);
        }
        root.insert(u"messages"_s, messages);
        return root;
    };
    QCOMPARE(strip(QJsonDocument::fromJson(readFile(again)).object()),
             strip(QJsonDocument::fromJson(readFile(file)).object()));
}

void TestConversationExporter::json_fileHasFormatAndVersion() {
    qint64 id = 0;
    buildRichConversation(id);
    if (QTest::currentTestFailed())
        return;
    const QString file = m_dir->filePath(u"cats.json"_s);
    QVERIFY(m_store->exportJson(id, file));
    const QJsonObject root = QJsonDocument::fromJson(readFile(file)).object();
    QCOMPARE(root.value(u"format"_s).toString(), u"tramontane.conversation"_s);
    QCOMPARE(root.value(u"version"_s).toInt(), ConversationExporter::formatVersion);
    QCOMPARE(root.value(u"conversation"_s).toObject().value(u"title"_s).toString(), u"Cats"_s);
    const QJsonArray messages = root.value(u"messages"_s).toArray();
    QCOMPARE(messages.size(), 7);
    const QJsonObject failed = messages.last().toObject();
    QCOMPARE(failed.value(u"status"_s).toString(), u"failed"_s);
    QCOMPARE(failed.value(u"error"_s).toObject().value(u"status"_s).toInt(), 429);
    QVERIFY(failed.value(u"usage"_s).isNull());
    QVERIFY(failed.value(u"createdAt"_s).toString().endsWith(u'Z'));
    // No temporary file is left next to it.
    QCOMPARE(QDir(m_dir->path()).entryList({u"cats.json*"_s}), QStringList{u"cats.json"_s});
}

void TestConversationExporter::json_invalidFile_isRefused_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("messagePart");

    const QByteArray head = R"({"format":"tramontane.conversation","version":1,)";
    QTest::newRow("not json") << QByteArray("{nope") << u"not a Tramontane conversation"_s;
    QTest::newRow("array") << QByteArray("[]") << u"not a Tramontane conversation"_s;
    QTest::newRow("other format") << QByteArray(R"({"format":"other","version":1})")
                                  << u"not a Tramontane conversation"_s;
    QTest::newRow("newer version")
        << QByteArray(R"({"format":"tramontane.conversation","version":3,"messages":[]})")
        << u"newer version of Tramontane"_s;
    QTest::newRow("version missing")
        << QByteArray(R"({"format":"tramontane.conversation"})") << u"damaged"_s;
    QTest::newRow("version text") << QByteArray(
        R"({"format":"tramontane.conversation","version":"1"})")
                                  << u"damaged"_s;
    QTest::newRow("title not a string")
        << head + R"("conversation":{"title":5},"messages":[]})" << u"conversation.title"_s;
    QTest::newRow("bad date") << head + R"("conversation":{"createdAt":"yesterday"},"messages":[]})"
                              << u"conversation.createdAt"_s;
    QTest::newRow("message not an object") << head + R"("messages":[3]})" << u"messages[0]"_s;
    QTest::newRow("message without role")
        << head + R"("messages":[{"message":{"content":"x"}}]})" << u"messages[0].message.role"_s;
    QTest::newRow("unknown status")
        << head + R"("messages":[{"message":{"role":"user"},"status":"weird"}]})"
        << u"messages[0].status"_s;
    QTest::newRow("positions going back")
        << head
               + R"("messages":[{"position":3,"message":{"role":"user"}},)"
                 R"({"position":2,"message":{"role":"user"}}]})"
        << u"messages[1].position"_s;
    QTest::newRow("fractional position")
        << head + R"("messages":[{"position":1.5,"message":{"role":"user"}}]})"
        << u"messages[0].position"_s;
}

void TestConversationExporter::json_invalidFile_isRefused() {
    QFETCH(QByteArray, json);
    QFETCH(QString, messagePart);
    const auto parsed = ConversationExporter::fromJson(json);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().kind, StoreError::Kind::InvalidFile);
    QVERIFY2(parsed.error().message.contains(messagePart), qPrintable(parsed.error().message));

    const QString file = m_dir->filePath(u"bad.json"_s);
    QVERIFY(writeFile(file, json));
    QVERIFY(!m_store->importJson(file));
    QCOMPARE(*m_store->conversationCount(), 0); // nothing half-imported
}

void TestConversationExporter::json_streamingMessage_importedAsInterrupted() {
    const qint64 id = m_store->createConversation()->id;
    const auto answer = m_store->beginAssistantMessage(id);
    QVERIFY(m_store->updateStreamingMessage(
        answer->id, QJsonObject{{u"role"_s, u"assistant"_s}, {u"content"_s, u"so far"_s}}));
    const QString file = m_dir->filePath(u"live.json"_s);
    QVERIFY(m_store->exportJson(id, file));
    const auto imported = m_store->importJson(file);
    QVERIFY(imported);
    const auto messages = *m_store->messages(imported->id);
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.at(0).status, MessageStatus::Interrupted);
    QCOMPARE(messages.at(0).message.value(u"content"_s).toString(), u"so far"_s);
}

void TestConversationExporter::markdown_rolesTextToolsAndImagesAlongside() {
    qint64 id = 0;
    buildRichConversation(id);
    if (QTest::currentTestFailed())
        return;
    const QString cached = m_dir->filePath(u"cache"_s);
    QVERIFY(QDir().mkpath(cached));
    QVERIFY(writeFile(cached + u"/generated"_s, pngBytes)); // no suffix: detected from bytes
    QVERIFY(writeFile(cached + u"/remote.jpg"_s, jpegBytes));
    QStringList asked;
    const auto resolver = [&](const QString &reference) -> QString {
        asked.append(reference);
        if (reference == u"file-123"_s)
            return cached + u"/generated"_s;
        if (reference == u"https://files.example/cat2.jpg"_s)
            return cached + u"/remote.jpg"_s;
        return {};
    };
    const QString out = m_dir->filePath(u"out/My chat.md"_s);
    QVERIFY(QDir().mkpath(m_dir->filePath(u"out"_s)));
    const auto written = m_store->exportMarkdown(id, out, resolver);
    QVERIFY2(written, qPrintable(written.error().detail));

    const QString md = QString::fromUtf8(readFile(out));
    QVERIFY(md.startsWith(u"# Cats\n"_s));
    QVERIFY(md.contains(u"## System\n"_s));
    QVERIFY2(md.contains(u"## User\n\nDraw a cat like this one\n"_s), qPrintable(md));
    QVERIFY(md.contains(u"## Assistant\n"_s));
    QVERIFY(md.contains(u"**Tool call:** `image_generation`\n\n```json\n"_s));
    QVERIFY(md.contains(u"\"prompt\": \"a cat\""_s)); // arguments pretty-printed
    QVERIFY(md.contains(u"## Tool result · `image_generation`\n\n```\n{\"status\":\"ok\"}\n```"_s));
    QVERIFY(md.contains(u"> **Thinking**"_s));
    QVERIFY(md.contains(u"Here is **your cat**:"_s));
    QVERIFY(md.contains(u"Interrupted"_s));
    QVERIFY(md.contains(u"Rate limit reached."_s));

    // Images: the data URL decoded, resolved files copied, in order of appearance.
    const QString folder = m_dir->filePath(u"out/My chat_files"_s);
    QCOMPARE(readFile(folder + u"/image-1.gif"_s), gifBytes);
    QCOMPARE(readFile(folder + u"/image-2.png"_s), pngBytes);
    QCOMPARE(readFile(folder + u"/image-3.jpg"_s), jpegBytes);
    QCOMPARE(QDir(folder).entryList(QDir::Files).size(), 3);
    // An attached image is named after its file.
    QVERIFY2(md.contains(u"![image: cat.gif](<My chat_files/image-1.gif>)"_s), qPrintable(md));
    QVERIFY(md.contains(u"![image_generated_0](<My chat_files/image-2.png>)"_s));
    QVERIFY(md.contains(u"](<My chat_files/image-3.jpg>)"_s));
    // Not available locally: a remote URL stays a link, a file id becomes a placeholder.
    QVERIFY(md.contains(u"](<https://files.example/missing.png>)"_s));
    QVERIFY(md.contains(u"Image not available: file-gone"_s));
    QVERIFY(asked.contains(u"file-gone"_s));
    QVERIFY(!md.contains(u"base64"_s));
}

void TestConversationExporter::markdown_fenceLongerThanBackticksInside() {
    const qint64 id = m_store->createConversation()->id;
    QVERIFY(m_store->appendMessage(id, QJsonObject{{u"role"_s, u"tool"_s},
                                                   {u"tool_call_id"_s, u"c"_s},
                                                   {u"content"_s, u"before\n````\ninside\n"_s}}));
    const QString out = m_dir->filePath(u"fence.md"_s);
    QVERIFY(m_store->exportMarkdown(id, out, {}));
    const QString md = QString::fromUtf8(readFile(out));
    QVERIFY2(md.contains(u"`````\nbefore\n````\ninside\n`````\n"_s), qPrintable(md));
    QVERIFY(!QDir(m_dir->filePath(u"fence_files"_s)).exists()); // no images, no folder
}

QTEST_GUILESS_MAIN(TestConversationExporter)
#include "tst_conversationexporter.moc"
