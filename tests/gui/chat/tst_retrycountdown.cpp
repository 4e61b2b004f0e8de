// SPDX-License-Identifier: GPL-3.0-or-later
// While a rate-limited request waits for its automatic retry, the chat says so and counts the
// seconds down; the line goes away as the retry starts. Against the emulator's 429 fault.
#include "core/net/ApiClient.h"
#include "core/services/ChatService.h"
#include "models/ChatSession.h"
#include "models/ChatTargetModel.h"
#include "models/ConversationModel.h"
#include "ui/ChatPage.h"

#include "support/EmulatorProcess.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

class TestRetryCountdown : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void rateLimited_countsDownUntilTheRetry();

private:
    // Adds a fault through the emulator's admin API; returns the HTTP status.
    int addFault(const QJsonObject &fault);

    Test::EmulatorProcess m_emulator;
    QNetworkAccessManager m_nam;
};

void TestRetryCountdown::initTestCase() {
    QVERIFY2(m_emulator.start(u"countdown-key-123456"_s), qPrintable(m_emulator.errorString()));
}

int TestRetryCountdown::addFault(const QJsonObject &fault) {
    QNetworkRequest request(m_emulator.baseUrl().resolved(QUrl(u"/__admin/faults"_s)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    QNetworkReply *reply = m_nam.post(request, QJsonDocument(fault).toJson());
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 5000))
        return 0;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status;
}

void TestRetryCountdown::rateLimited_countsDownUntilTheRetry() {
    QCOMPARE(
        addFault(
            {{u"path"_s, u"/v1/chat/completions"_s}, {u"status"_s, 429}, {u"retry_after"_s, 3}}),
        200);
    ApiClient client(&m_nam);
    QVERIFY(client.setBaseUrl(m_emulator.baseUrl()));
    client.setApiKey(m_emulator.apiKey());
    ChatService chat(&client);
    ConversationModel model;
    ChatSession session(&chat, &model);
    ChatTargetModel targets;
    ChatPage page(&session, &targets, nullptr);
    session.setTarget(ChatSession::TargetKind::Model, u"mistral-small-latest"_s);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));

    QElapsedTimer clock;
    clock.start();
    QVERIFY(session.send(u"Hello rate 0"_s));
    // The first attempt gets the 429: the wait the service asked for is shown, live.
    QLabel *countdown = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((countdown = page.findChild<QLabel *>(u"retryCountdownLabel"_s))
                                 && countdown->isVisible(),
                             5000);
    QCOMPARE(countdown->text(), u"Rate limited — retrying in 3 s"_s);
    QTRY_COMPARE_WITH_TIMEOUT(countdown->text(), u"Rate limited — retrying in 2 s"_s, 2000);
    QVERIFY2(clock.elapsed() >= 900, qPrintable(QString::number(clock.elapsed())));
    QTRY_COMPARE_WITH_TIMEOUT(countdown->text(), u"Rate limited — retrying in 1 s"_s, 2000);
    // As the retry starts, the line goes; the answer then comes.
    QTRY_VERIFY_WITH_TIMEOUT(!countdown->isVisible(), 2000);
    QVERIFY2(clock.elapsed() >= 2900, qPrintable(QString::number(clock.elapsed())));
    QTRY_VERIFY_WITH_TIMEOUT(!session.isBusy(), 10000);
    QCOMPARE(model.entries().at(1).status, ChatEntry::Status::Complete);
    QVERIFY(!countdown->isVisible());
}

QTEST_MAIN(TestRetryCountdown)
#include "tst_retrycountdown.moc"
