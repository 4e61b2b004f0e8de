// SPDX-License-Identifier: GPL-3.0-or-later
// The scripted server the network tests rely on, checked against a plain QNetworkAccessManager.
#include "support/FakeHttpServer.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using Tramontane::Test::FakeHttpServer;
using Tramontane::Test::ScriptedResponse;

class TestFakeHttpServer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void get_recordsRequestAndAnswers();
    void post_recordsBody();
    void chunkedPieces_arriveInOrderWithDelays();
    void keepAlive_reusesTheConnection();
    void closeMidBody_isAnError();
    void neverAnswer_hangsUntilTransferTimeout();
    void closeImmediately_isAnError();
    void emptyQueue_answers501();

private:
    QNetworkReply *get(const QString &path, int transferTimeoutMs = 5000);

    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
};

void TestFakeHttpServer::init() {
    m_server = std::make_unique<FakeHttpServer>();
    QVERIFY(m_server->listen());
    m_nam = std::make_unique<QNetworkAccessManager>();
}

void TestFakeHttpServer::cleanup() {
    m_nam.reset();
    m_server.reset();
}

QNetworkReply *TestFakeHttpServer::get(const QString &path, int transferTimeoutMs) {
    QUrl url = m_server->baseUrl();
    url.setPath(path);
    QNetworkRequest request(url);
    request.setTransferTimeout(transferTimeoutMs);
    return m_nam->get(request);
}

void TestFakeHttpServer::get_recordsRequestAndAnswers() {
    m_server->enqueue(ScriptedResponse::json(200, R"({"ok":true})").header("X-Test", "1"));
    std::unique_ptr<QNetworkReply> reply(get(u"/v1/models"_s));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(reply->rawHeader("X-Test"), "1"_ba);
    QCOMPARE(reply->readAll(), R"({"ok":true})"_ba);
    QCOMPARE(m_server->requestCount(), 1);
    QCOMPARE(m_server->lastRequest().method, "GET"_ba);
    QCOMPARE(m_server->lastRequest().path(), "/v1/models"_ba);
}

void TestFakeHttpServer::post_recordsBody() {
    m_server->enqueue(ScriptedResponse::json(201, "{}"));
    QUrl url = m_server->baseUrl();
    url.setPath(u"/v1/agents"_s);
    url.setQuery(u"a=1&b=two"_s);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    std::unique_ptr<QNetworkReply> reply(m_nam->post(request, R"({"name":"x"})"_ba));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(m_server->lastRequest().method, "POST"_ba);
    QCOMPARE(m_server->lastRequest().body, R"({"name":"x"})"_ba);
    QCOMPARE(m_server->lastRequest().header("content-type"), "application/json"_ba);
    QCOMPARE(m_server->lastRequest().query().queryItemValue(u"b"_s), u"two"_s);
}

void TestFakeHttpServer::chunkedPieces_arriveInOrderWithDelays() {
    m_server->enqueue(ScriptedResponse::sse({"data: 1\n\n", "data: 2\n\n", "data: 3\n\n"}, 150));
    std::unique_ptr<QNetworkReply> reply(get(u"/stream"_s));
    QList<qint64> arrivals;
    QByteArray received;
    QElapsedTimer clock;
    clock.start();
    connect(reply.get(), &QNetworkReply::readyRead, this, [&] {
        received += reply->readAll();
        arrivals.append(clock.elapsed());
    });
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(received, "data: 1\n\ndata: 2\n\ndata: 3\n\n"_ba);
    QVERIFY2(arrivals.size() >= 3, qPrintable(QString::number(arrivals.size())));
    QVERIFY(clock.elapsed() >= 290);
}

void TestFakeHttpServer::keepAlive_reusesTheConnection() {
    m_server->enqueue(ScriptedResponse::json(200, "1"));
    m_server->enqueue(ScriptedResponse::json(200, "2"));
    std::unique_ptr<QNetworkReply> first(get(u"/a"_s));
    QSignalSpy firstDone(first.get(), &QNetworkReply::finished);
    QVERIFY(firstDone.wait(5000));
    std::unique_ptr<QNetworkReply> second(get(u"/b"_s));
    QSignalSpy secondDone(second.get(), &QNetworkReply::finished);
    QVERIFY(secondDone.wait(5000));
    QCOMPARE(second->readAll(), "2"_ba);
    QCOMPARE(m_server->requests().at(0).connection, m_server->requests().at(1).connection);
    QCOMPARE(m_server->acceptedConnections(), 1);
}

void TestFakeHttpServer::closeMidBody_isAnError() {
    m_server->enqueue(ScriptedResponse::json(200, R"({"partial":)")
                          .withEnding(ScriptedResponse::Ending::CloseMidBody));
    std::unique_ptr<QNetworkReply> reply(get(u"/x"_s));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(reply->error(), QNetworkReply::RemoteHostClosedError);
}

void TestFakeHttpServer::neverAnswer_hangsUntilTransferTimeout() {
    m_server->enqueue(ScriptedResponse::neverAnswer());
    std::unique_ptr<QNetworkReply> reply(get(u"/x"_s, 200));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(5000));
    QVERIFY(reply->error() != QNetworkReply::NoError);
    QCOMPARE(m_server->requestCount(), 1);
}

void TestFakeHttpServer::closeImmediately_isAnError() {
    m_server->enqueue(ScriptedResponse::closeImmediately());
    std::unique_ptr<QNetworkReply> reply(get(u"/x"_s));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(5000));
    QVERIFY(reply->error() != QNetworkReply::NoError);
}

void TestFakeHttpServer::emptyQueue_answers501() {
    std::unique_ptr<QNetworkReply> reply(get(u"/x"_s));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 501);
}

QTEST_GUILESS_MAIN(TestFakeHttpServer)
#include "tst_fakehttpserver.moc"
