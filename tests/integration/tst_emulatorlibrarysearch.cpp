// SPDX-License-Identifier: GPL-3.0-or-later
// A document_library tool in a /v1/conversations turn, over HTTP: the emulator searches the
// processed documents of the named libraries (and only those), runs a tool.execution named
// document_library with the query and the library ids, then answers with the best passage of
// each document and a tool_reference chunk per document, titled with its name and without url.
#include "IntegrationSupport.h"
#include "support/EmulatorProcess.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using namespace Tramontane::Test;

namespace {

constexpr auto Key = "library-search-key";

QByteArray multipart(const QByteArray &name, const QByteArray &bytes) {
    return "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
           + "\"\r\nContent-Type: text/plain\r\n\r\n" + bytes + "\r\n--b0undary--\r\n";
}

QJsonObject outputOfType(const QJsonArray &outputs, const QString &type) {
    for (const QJsonValue &v : outputs) {
        if (v.toObject().value("type"_L1).toString() == type)
            return v.toObject();
    }
    return {};
}

QJsonArray chunksOfType(const QJsonObject &message, const QString &type) {
    QJsonArray out;
    for (const QJsonValue &v : message.value("content"_L1).toArray()) {
        if (v.toObject().value("type"_L1).toString() == type)
            out.append(v);
    }
    return out;
}

} // namespace

class TestEmulatorLibrarySearch final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void libraryTool_searchesItsDocumentsAndCitesThem();
    void otherLibraries_areNotRead();
    void noDocumentReady_saysSoWithoutReferences();
    void stream_carriesTheToolRunAndTheReferences();

private:
    QString createLibrary(const QString &name);
    //! Uploads a text file and waits until it is processed; returns the document id.
    QString addDocument(const QString &libraryId, const QByteArray &name, const QByteArray &text,
                        bool wait = true);
    QJsonObject ask(const QString &question, const QStringList &libraryIds, bool stream = false);

    EmulatorProcess m_emulator;
    std::unique_ptr<HttpDriver> m_http;
};

void TestEmulatorLibrarySearch::initTestCase() {
    QVERIFY2(m_emulator.start(QString::fromLatin1(Key)), qPrintable(m_emulator.errorString()));
    m_http = std::make_unique<HttpDriver>(m_emulator.baseUrl(), Key);
}

void TestEmulatorLibrarySearch::init() {
    QCOMPARE(m_http->send("POST", u"/__admin/reset"_s).status, 200);
    QCOMPARE(m_http->post(u"/__admin/config"_s, {{u"library_processing_ms"_s, 100}}).status, 200);
}

QString TestEmulatorLibrarySearch::createLibrary(const QString &name) {
    const HttpResult r = m_http->post(u"/v1/libraries"_s, {{u"name"_s, name}});
    return r.status == 201 ? r.object().value("id"_L1).toString() : QString();
}

QString TestEmulatorLibrarySearch::addDocument(const QString &libraryId, const QByteArray &name,
                                               const QByteArray &text, bool wait) {
    QNetworkRequest request(m_http->url(u"/v1/libraries/%1/documents"_s.arg(libraryId)));
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArray("multipart/form-data; boundary=b0undary"));
    request.setRawHeader("Authorization", QByteArray("Bearer ") + Key);
    QNetworkReply *reply = m_http->nam().post(request, multipart(name, text));
    (void)QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000);
    const QString id = QJsonDocument::fromJson(reply->readAll()).object().value("id"_L1).toString();
    reply->deleteLater();
    if (id.isEmpty() || !wait)
        return id;
    const QString status = u"/v1/libraries/%1/documents/%2/status"_s.arg(libraryId, id);
    const bool done = QTest::qWaitFor(
        [&] {
            return m_http->get(status).object().value("process_status"_L1).toString() == "done"_L1;
        },
        5000);
    return done ? id : QString();
}

QJsonObject TestEmulatorLibrarySearch::ask(const QString &question, const QStringList &libraryIds,
                                           bool stream) {
    const QJsonObject body{
        {u"model"_s, u"mistral-medium-latest"_s},
        {u"inputs"_s, question},
        {u"stream"_s, stream},
        {u"tools"_s,
         QJsonArray{QJsonObject{{u"type"_s, u"document_library"_s},
                                {u"library_ids"_s, QJsonArray::fromStringList(libraryIds)}}}}};
    const HttpResult r = m_http->post(u"/v1/conversations"_s, body);
    if (r.status != 200)
        return {};
    if (!stream)
        return r.object();
    // The stream, as {events: [{event, data}]}.
    QJsonArray events;
    QString event;
    for (const QByteArray &line : r.body.split('\n')) {
        if (line.startsWith("event: "))
            event = QString::fromUtf8(line.mid(7)).trimmed();
        else if (line.startsWith("data: "))
            events.append(QJsonObject{{u"event"_s, event},
                                      {u"data"_s, QJsonDocument::fromJson(line.mid(6)).object()}});
    }
    return {{u"events"_s, events}};
}

void TestEmulatorLibrarySearch::libraryTool_searchesItsDocumentsAndCitesThem() {
    const QString handbook = createLibrary(u"Handbook"_s);
    QVERIFY(!addDocument(handbook, "wind-notes.txt",
                         "Winds of the south of France.\nThe tramontane is a cold, dry wind "
                         "from the north-west. It clears the sky over the Roussillon.")
                 .isEmpty());
    QVERIFY(!addDocument(handbook, "bread.txt", "Bake the loaf for forty minutes.").isEmpty());

    const QJsonObject answer = ask(u"What is the tramontane wind?"_s, {handbook});
    const QJsonArray outputs = answer.value("outputs"_L1).toArray();
    const QJsonObject run = outputOfType(outputs, u"tool.execution"_s);
    QCOMPARE(run.value("name"_L1).toString(), u"document_library"_s);
    const QJsonObject arguments =
        QJsonDocument::fromJson(run.value("arguments"_L1).toString().toUtf8()).object();
    QCOMPARE(arguments.value("query"_L1).toString(), u"What is the tramontane wind?"_s);
    QCOMPARE(arguments.value("library_ids"_L1).toArray(), QJsonArray{handbook});

    const QJsonObject message = outputOfType(outputs, u"message.output"_s);
    const QJsonArray references = chunksOfType(message, u"tool_reference"_s);
    QCOMPARE(references.size(), 2);
    // The document that has the question's words first, quoted from its text.
    const QJsonObject first = references.at(0).toObject();
    QCOMPARE(first.value("tool"_L1).toString(), u"document_library"_s);
    QCOMPARE(first.value("title"_L1).toString(), u"wind-notes.txt"_s);
    QCOMPARE(first.value("description"_L1).toString(),
             u"The tramontane is a cold, dry wind from the north-west."_s);
    QVERIFY(!first.contains("url"_L1));
    QCOMPARE(references.at(1).toObject().value("title"_L1).toString(), u"bread.txt"_s);
    const QString text =
        chunksOfType(message, u"text"_s).at(0).toObject().value("text"_L1).toString();
    QVERIFY2(text.contains("**Handbook**"_L1), qPrintable(text));
    QVERIFY2(text.contains("> The tramontane is a cold, dry wind from the north-west."_L1),
             qPrintable(text));
    QVERIFY2(text.contains("*wind-notes.txt*"_L1), qPrintable(text));
}

void TestEmulatorLibrarySearch::otherLibraries_areNotRead() {
    const QString chosen = createLibrary(u"Handbook"_s);
    const QString other = createLibrary(u"Kitchen"_s);
    QVERIFY(!addDocument(chosen, "wind-notes.txt", "The mistral blows down the Rhône.").isEmpty());
    QVERIFY(!addDocument(other, "bread.txt", "Bake the loaf for forty minutes.").isEmpty());
    const QJsonObject message =
        outputOfType(ask(u"How long to bake the loaf?"_s, {chosen}).value("outputs"_L1).toArray(),
                     u"message.output"_s);
    const QJsonArray references = chunksOfType(message, u"tool_reference"_s);
    QCOMPARE(references.size(), 1);
    QCOMPARE(references.at(0).toObject().value("title"_L1).toString(), u"wind-notes.txt"_s);
}

void TestEmulatorLibrarySearch::noDocumentReady_saysSoWithoutReferences() {
    const QString empty = createLibrary(u"Empty"_s);
    QCOMPARE(m_http->post(u"/__admin/config"_s, {{u"library_processing_ms"_s, 60000}}).status, 200);
    QVERIFY(!addDocument(empty, "later.txt", "Not read yet.", false).isEmpty());
    const QJsonArray outputs = ask(u"Anything there?"_s, {empty}).value("outputs"_L1).toArray();
    QCOMPARE(outputOfType(outputs, u"tool.execution"_s).value("name"_L1).toString(),
             u"document_library"_s);
    const QJsonObject message = outputOfType(outputs, u"message.output"_s);
    QVERIFY(chunksOfType(message, u"tool_reference"_s).isEmpty());
    QVERIFY(chunksOfType(message, u"text"_s)
                .at(0)
                .toObject()
                .value("text"_L1)
                .toString()
                .contains("no document there is ready"_L1));
}

void TestEmulatorLibrarySearch::stream_carriesTheToolRunAndTheReferences() {
    const QString handbook = createLibrary(u"Handbook"_s);
    QVERIFY(!addDocument(handbook, "wind-notes.txt", "The tramontane is cold.").isEmpty());
    const QJsonArray events =
        ask(u"Tell me about the tramontane"_s, {handbook}, true).value("events"_L1).toArray();
    QStringList names;
    bool referenced = false;
    for (const QJsonValue &v : events) {
        const QJsonObject e = v.toObject();
        names.append(e.value("event"_L1).toString());
        const QJsonObject data = e.value("data"_L1).toObject();
        if (e.value("event"_L1).toString() == "tool.execution.done"_L1)
            QCOMPARE(data.value("name"_L1).toString(), u"document_library"_s);
        const QJsonValue content = data.value("content"_L1);
        if (content.isObject() && content.toObject().value("type"_L1) == "tool_reference"_L1)
            referenced = referenced
                         || content.toObject().value("title"_L1).toString() == "wind-notes.txt"_L1;
    }
    QVERIFY2(names.contains(u"tool.execution.started"_s), qPrintable(names.join(u' ')));
    QVERIFY2(names.contains(u"conversation.response.done"_s), qPrintable(names.join(u' ')));
    QVERIFY(referenced);
}

QTEST_GUILESS_MAIN(TestEmulatorLibrarySearch)
#include "tst_emulatorlibrarysearch.moc"
