// SPDX-License-Identifier: GPL-3.0-or-later
// Documents a person attached are kept with their message: a document_url chunk and the text
// read from a document by OCR come back from the store with their names, file ids and sizes;
// JSON export and import keep them; Markdown export names them, without the signed link and
// without the read text.
#include "core/protocol/Message.h"
#include "core/storage/ConversationStore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

class TestMessageDocuments final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void storedMessage_keepsItsDocuments();
    void jsonExportAndImport_keepTheDocuments();
    void markdownExport_namesTheDocuments_withoutLinkOrText();

private:
    qint64 storeConversation();
    static ChatMessage userMessage();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ConversationStore> m_store;
};

const QString kSignedUrl = u"https://files.example/v1/files/f-1/content?signature=s3cr3t"_s;

ChatMessage TestMessageDocuments::userMessage() {
    ContentChunk linked = ContentChunk::makeDocumentUrl(kSignedUrl, u"report.pdf"_s);
    linked.documentFileId = u"f-1"_s;
    linked.documentBytes = 123456;
    ContentChunk read = ContentChunk::makeDocumentText(
        u"<document name=\"scan.pdf\">\nInvoice 4417\n</document>"_s, u"scan.pdf"_s);
    read.documentFileId = u"f-2"_s;
    read.documentBytes = 2048;
    return ChatMessage::user(MessageContent(
        QList<ContentChunk>{ContentChunk::makeText(u"Compare these two"_s), linked, read}));
}

void TestMessageDocuments::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto opened = ConversationStore::open(m_dir->filePath(u"profile"_s));
    QVERIFY(opened.ok());
    m_store = std::move(opened.store);
}

void TestMessageDocuments::cleanup() {
    m_store.reset();
}

qint64 TestMessageDocuments::storeConversation() {
    const auto info = m_store->createConversation({{}, u"mistral-small-latest"_s, {}, {}, {}});
    if (!info)
        return 0;
    const auto user = m_store->appendUserMessage(info->id, userMessage().toStoredJson());
    if (!user || !m_store->finishMessage(user->id, MessageStatus::Complete))
        return 0;
    return info->id;
}

void TestMessageDocuments::storedMessage_keepsItsDocuments() {
    const qint64 id = storeConversation();
    QVERIFY(id > 0);
    const auto record = m_store->record(id);
    QVERIFY(record);
    QCOMPARE(record->messages.size(), 1);
    const ChatMessage back = ChatMessage::fromJson(record->messages.first().message);
    QCOMPARE(back.content.plainText(), u"Compare these two"_s);
    const QList<ContentChunk> documents = back.content.documents();
    QCOMPARE(documents.size(), 2);
    QCOMPARE(documents.at(0).type, ContentChunk::Type::DocumentUrl);
    QCOMPARE(documents.at(0).documentUrl, kSignedUrl);
    QCOMPARE(documents.at(0).documentName, u"report.pdf"_s);
    QCOMPARE(documents.at(0).documentFileId, u"f-1"_s);
    QCOMPARE(documents.at(0).documentBytes, 123456);
    QCOMPARE(documents.at(1).type, ContentChunk::Type::Text);
    QCOMPARE(documents.at(1).documentName, u"scan.pdf"_s);
    QCOMPARE(documents.at(1).documentFileId, u"f-2"_s);
    QCOMPARE(documents.at(1).documentBytes, 2048);
    QVERIFY(documents.at(1).text.contains(u"Invoice 4417"_s));
    QCOMPARE(back.toStoredJson(), userMessage().toStoredJson());
    // What goes to the API again has no client-side field.
    const QJsonArray wire = back.toJson().value("content"_L1).toArray();
    QCOMPARE(wire.at(1).toObject().keys(),
             (QStringList{u"document_name"_s, u"document_url"_s, u"type"_s}));
    QCOMPARE(wire.at(2).toObject().keys(), (QStringList{u"text"_s, u"type"_s}));
}

void TestMessageDocuments::jsonExportAndImport_keepTheDocuments() {
    const qint64 id = storeConversation();
    QVERIFY(id > 0);
    const QString file = m_dir->filePath(u"chat.json"_s);
    QVERIFY(m_store->exportJson(id, file));
    const auto imported = m_store->importJson(file);
    QVERIFY2(imported, qPrintable(imported.error().detail));
    const auto record = m_store->record(imported->id);
    QVERIFY(record);
    const ChatMessage back = ChatMessage::fromJson(record->messages.first().message);
    QCOMPARE(back.toStoredJson(), userMessage().toStoredJson());
}

void TestMessageDocuments::markdownExport_namesTheDocuments_withoutLinkOrText() {
    const qint64 id = storeConversation();
    QVERIFY(id > 0);
    const QString file = m_dir->filePath(u"chat.md"_s);
    QVERIFY(m_store->exportMarkdown(id, file, {}));
    QFile in(file);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QString markdown = QString::fromUtf8(in.readAll());
    QVERIFY2(markdown.contains(u"*[document: report.pdf]*"_s), qPrintable(markdown));
    QVERIFY2(markdown.contains(u"*[document: scan.pdf, read as text]*"_s), qPrintable(markdown));
    QVERIFY(markdown.contains(u"Compare these two"_s));
    QVERIFY(!markdown.contains(u"signature"_s));
    QVERIFY(!markdown.contains(u"Invoice 4417"_s));
}

QTEST_GUILESS_MAIN(TestMessageDocuments)
#include "tst_messagedocuments.moc"
