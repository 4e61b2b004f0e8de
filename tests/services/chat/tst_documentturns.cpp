// SPDX-License-Identifier: GPL-3.0-or-later
// Turns with attached documents, end to end against the emulator: a document made ready by
// DocumentJob goes as a document_url chunk (signed URL and name, nothing client-side) to a
// model that reads documents, and as a text chunk that names the file (the OCR text) to one
// that does not; both on chat completions and on the Conversations API (start and append);
// the emulator's answer shows it read them; the message shows them as document rows.
#include "core/net/ApiClient.h"
#include "core/protocol/CodeExport.h"
#include "core/services/ChatService.h"
#include "core/services/ConversationService.h"
#include "core/services/DocumentJob.h"
#include "models/ChatSession.h"
#include "models/ConversationModel.h"

#include "IntegrationSupport.h"
#include "support/EmulatorProcess.h"

#include <QNetworkAccessManager>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

QByteArray pdfWith(const QByteArray &text) {
    return "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
           "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
           "3 0 obj << /Type /Page /Parent 2 0 R /Contents 4 0 R >> endobj\n"
           "4 0 obj << >> stream\nBT /F1 12 Tf 72 712 Td ("
           + text + ") Tj ET\nendstream endobj\n%%EOF\n";
}

// The chunks of a message's content, as sent, without the leading text chunk.
QJsonArray attachedChunks(const QJsonValue &content) {
    QJsonArray out = content.toArray();
    if (!out.isEmpty())
        out.removeFirst();
    return out;
}

} // namespace

class TestDocumentTurns : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void visionModel_getsTheSignedDocumentUrl();
    void modelWithoutVision_getsTheOcrText_shownAsADocument();
    void conversations_startAndAppendCarryDocuments();
    void switchedToAModelWithoutVision_theHistorysDocumentGoesAsANote();

private:
    ContentChunk prepare(const QString &name, const QByteArray &bytes, DocumentRoute::Path path);
    bool waitIdle() {
        return QTest::qWaitFor([this] { return !m_session->isBusy(); }, 20000);
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
    std::unique_ptr<DocumentService> m_documents;
    std::unique_ptr<ConversationModel> m_model;
    std::unique_ptr<ChatSession> m_session;
};

void TestDocumentTurns::initTestCase() {
    QVERIFY2(m_emulator.start(u"document-key-123456"_s, {u"--demo"_s}),
             qPrintable(m_emulator.errorString()));
    m_driver = std::make_unique<Test::HttpDriver>(m_emulator.baseUrl(), "document-key-123456");
}

void TestDocumentTurns::init() {
    m_driver->send("DELETE", u"/__admin/requests"_s);
    m_client = std::make_unique<ApiClient>(&m_nam);
    QVERIFY(m_client->setBaseUrl(m_emulator.baseUrl()));
    m_client->setApiKey(m_emulator.apiKey());
    m_chat = std::make_unique<ChatService>(m_client.get());
    m_conversations = std::make_unique<ConversationService>(m_client.get());
    m_documents = std::make_unique<DocumentService>(m_client.get());
    m_model = std::make_unique<ConversationModel>();
    m_session = std::make_unique<ChatSession>(m_chat.get(), m_model.get());
    m_session->setConversationService(m_conversations.get());
}

void TestDocumentTurns::cleanup() {
    m_session.reset();
    m_model.reset();
    m_documents.reset();
    m_conversations.reset();
    m_chat.reset();
    m_client.reset();
}

ContentChunk TestDocumentTurns::prepare(const QString &name, const QByteArray &bytes,
                                        DocumentRoute::Path path) {
    auto *job = new DocumentJob(m_documents.get(), name, bytes, path, {});
    ContentChunk chunk;
    bool done = false;
    connect(job, &DocumentJob::finished, this, [&] {
        done = true;
        chunk = job->chunk();
    });
    if (!QTest::qWaitFor([&] { return done; }, 10000))
        job->cancel();
    return chunk;
}

void TestDocumentTurns::visionModel_getsTheSignedDocumentUrl() {
    m_session->setTarget(ChatSession::TargetKind::Model, u"mistral-small-latest"_s);
    const ContentChunk report =
        prepare(u"report.pdf"_s, pdfWith("Quarterly figures"), DocumentRoute::Path::DocumentUrl);
    QCOMPARE(report.type, ContentChunk::Type::DocumentUrl);
    QVERIFY(m_session->send(u"What does it say?"_s, {report}));
    QVERIFY(waitIdle());
    QCOMPARE(m_model->entries().last().status, ChatEntry::Status::Complete);
    // The emulator fetched the signed URL, as the service would, and read the PDF.
    QVERIFY2(lastAnswer().contains(u"(report.pdf): PDF, 1 page"_s), qPrintable(lastAnswer()));
    QVERIFY(lastAnswer().contains(u"Quarterly figures"_s));
    const QJsonArray messages = lastBody(u"/v1/chat/completions"_s).value("messages"_L1).toArray();
    QCOMPARE(messages.size(), 1);
    QCOMPARE(attachedChunks(messages.at(0)[u"content"_s]),
             (QJsonArray{QJsonObject{{u"type"_s, u"document_url"_s},
                                     {u"document_url"_s, report.documentUrl},
                                     {u"document_name"_s, u"report.pdf"_s}}}));
    // The message keeps it, and shows it as a document row.
    QCOMPARE(m_model->entries().first().message.content.documents().size(), 1);
    int rows = 0;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const ChatItem &item = m_model->item(r);
        if (item.kind == ChatItem::Kind::Document) {
            ++rows;
            QCOMPARE(item.text, u"report.pdf"_s);
            QVERIFY2(item.detail.startsWith(u"PDF · "_s), qPrintable(item.detail));
        }
    }
    QCOMPARE(rows, 1);

    // Show as Code writes the same chunk.
    std::optional<ChatSession::TurnRequest> shown;
    m_session->prepareRequest(m_model->history(), {}, this,
                              [&shown](const ChatSession::TurnRequest &r) { shown = r; });
    QVERIFY(shown && std::holds_alternative<ChatRequest>(*shown));
    const CodeExport::Snippet curl =
        CodeExport::toCurl(CodeExport::Request::fromChat(std::get<ChatRequest>(*shown)));
    QVERIFY2(curl.code.contains(u"\"type\": \"document_url\""_s), qPrintable(curl.code));
    QVERIFY(curl.code.contains(u"\"document_name\": \"report.pdf\""_s));
    QVERIFY(!curl.code.contains(u"attached_file_id"_s));
}

void TestDocumentTurns::modelWithoutVision_getsTheOcrText_shownAsADocument() {
    // codestral reads no documents: a document_url would be refused (400).
    m_session->setTarget(ChatSession::TargetKind::Model, u"codestral-latest"_s);
    const ContentChunk scan =
        prepare(u"scan.pdf"_s, pdfWith("Invoice 4417 total 12 EUR"), DocumentRoute::Path::Ocr);
    QCOMPARE(scan.type, ContentChunk::Type::Text);
    QVERIFY(m_session->send(u"Sum it up"_s, {scan}));
    QVERIFY(waitIdle());
    QCOMPARE(m_model->entries().last().status, ChatEntry::Status::Complete);
    const QJsonArray messages = lastBody(u"/v1/chat/completions"_s).value("messages"_L1).toArray();
    QCOMPARE(messages.at(0)[u"content"_s][0][u"text"_s].toString(), u"Sum it up"_s);
    QCOMPARE(attachedChunks(messages.at(0)[u"content"_s]),
             (QJsonArray{QJsonObject{
                 {u"type"_s, u"text"_s},
                 {u"text"_s,
                  u"<document name=\"scan.pdf\">\nInvoice 4417 total 12 EUR\n</document>"_s}}}));
    // The person's words are theirs; the document is a row that says it was read as text.
    const ChatMessage &sent = m_model->entries().first().message;
    QCOMPARE(sent.content.plainText(), u"Sum it up"_s);
    bool shown = false;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const ChatItem &item = m_model->item(r);
        if (item.kind == ChatItem::Kind::User)
            QVERIFY2(!item.text.contains(u"Invoice"_s), qPrintable(item.text));
        if (item.kind == ChatItem::Kind::Document) {
            shown = true;
            QCOMPARE(item.text, u"scan.pdf"_s);
            QVERIFY2(item.detail.endsWith(u"read as text"_s), qPrintable(item.detail));
        }
    }
    QVERIFY(shown);
}

void TestDocumentTurns::conversations_startAndAppendCarryDocuments() {
    m_session->setTarget(ChatSession::TargetKind::Model, u"mistral-small-latest"_s);
    m_session->setTools({Tool::builtIn(Tool::Type::WebSearch)}); // a Conversations API turn
    const ContentChunk report =
        prepare(u"report.pdf"_s, pdfWith("Quarterly figures"), DocumentRoute::Path::DocumentUrl);
    QVERIFY(m_session->send(u"Read it"_s, {report}));
    QVERIFY(waitIdle());
    QCOMPARE(m_model->entries().last().status, ChatEntry::Status::Complete);
    QVERIFY2(lastAnswer().contains(u"(report.pdf): PDF"_s), qPrintable(lastAnswer()));
    const QString id = m_session->serverConversationId();
    QVERIFY(!id.isEmpty());
    const QJsonArray started = lastBody(u"/v1/conversations"_s).value("inputs"_L1).toArray();
    QCOMPARE(started.size(), 1);
    QCOMPARE(attachedChunks(started.at(0)[u"content"_s]).at(0)[u"document_url"_s].toString(),
             report.documentUrl);

    const ContentChunk notes =
        prepare(u"notes.md"_s, "# Notes\nBuy milk", DocumentRoute::Path::Text);
    QVERIFY(m_session->send(u"And these?"_s, {notes}));
    QVERIFY(waitIdle());
    QCOMPARE(m_model->entries().last().status, ChatEntry::Status::Complete);
    const QJsonArray appended = lastBody(u"/v1/conversations/"_s + id).value("inputs"_L1).toArray();
    QCOMPARE(appended.size(), 1);
    QCOMPARE(attachedChunks(appended.at(0)[u"content"_s]),
             (QJsonArray{QJsonObject{
                 {u"type"_s, u"text"_s},
                 {u"text"_s, u"<document name=\"notes.md\">\n# Notes\nBuy milk\n</document>"_s}}}));
}

void TestDocumentTurns::switchedToAModelWithoutVision_theHistorysDocumentGoesAsANote() {
    m_session->setTarget(ChatSession::TargetKind::Model, u"mistral-small-latest"_s);
    const ContentChunk report =
        prepare(u"report.pdf"_s, pdfWith("Quarterly figures"), DocumentRoute::Path::DocumentUrl);
    QVERIFY(m_session->send(u"Read it"_s, {report}));
    QVERIFY(waitIdle());
    QCOMPARE(m_model->entries().last().status, ChatEntry::Status::Complete);

    // codestral would refuse the whole request for the document_url in the history.
    m_session->setTarget(ChatSession::TargetKind::Model, u"codestral-latest"_s);
    m_session->setReadsDocuments(false);
    QVERIFY(m_session->send(u"Go on"_s));
    QVERIFY(waitIdle());
    QCOMPARE(m_model->entries().last().status, ChatEntry::Status::Complete);
    const QJsonArray messages = lastBody(u"/v1/chat/completions"_s).value("messages"_L1).toArray();
    QCOMPARE(messages.size(), 3);
    const QJsonArray first = attachedChunks(messages.at(0)[u"content"_s]);
    QCOMPARE(first.size(), 1);
    QCOMPARE(first.at(0)[u"type"_s].toString(), u"text"_s);
    QVERIFY2(first.at(0)[u"text"_s].toString().startsWith(u"<document name=\"report.pdf\">\n(Not "
                                                          u"available"_s),
             qPrintable(first.at(0)[u"text"_s].toString()));
    // The chat itself keeps the document as it was sent.
    QCOMPARE(m_model->entries().first().message.content.documents().first().type,
             ContentChunk::Type::DocumentUrl);
}

QTEST_MAIN(TestDocumentTurns)
#include "tst_documentturns.moc"
