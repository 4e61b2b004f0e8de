// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/Logging.h"
#include "core/net/Redactor.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QProcess>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using Tramontane::RawHeaders;
using Tramontane::Redactor;

namespace {

// Captures what reaches the handler installed before Redactor's.
QMutex g_capturedMutex;
QStringList g_captured;

void capturingHandler(QtMsgType, const QMessageLogContext &, const QString &message) {
    QMutexLocker locker(&g_capturedMutex);
    g_captured.append(message);
}

const QString kApiKey = u"sk-canary-7f3a9c21b4e8d6"_s;

} // namespace

class TestRedactor : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void sensitiveNames_data();
    void sensitiveNames();
    void headers_maskSensitiveValues();
    void authorizationHeader_keepsScheme();
    void json_masksNestedSensitiveFields();
    void json_keepsNumbersUnderSensitiveNames();
    void body_nonJsonFallsBackToText();
    void text_data();
    void text();
    void registeredSecret_isMaskedEverywhere();
    void registeredSecret_percentEncodedIsMasked();
    void shortSecret_isIgnored();
    void removedSecret_isNoLongerMasked();
    void messageHandler_redactsQWarningAndCategories();
    void messageHandler_redactsLinesWrittenAtExit();
    void concurrentUse_isSafe();
};

void TestRedactor::cleanup() {
    Redactor::clearSecrets();
}

void TestRedactor::sensitiveNames_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("sensitive");
    QTest::newRow("authorization") << u"Authorization"_s << true;
    QTest::newRow("proxy-authorization") << u"Proxy-Authorization"_s << true;
    QTest::newRow("x-api-key") << u"X-API-Key"_s << true;
    QTest::newRow("cookie") << u"cookie"_s << true;
    QTest::newRow("set-cookie") << u"Set-Cookie"_s << true;
    QTest::newRow("access_token") << u"access_token"_s << true;
    QTest::newRow("client_secret") << u"client_secret"_s << true;
    QTest::newRow("password") << u"password"_s << true;
    QTest::newRow("apiKey") << u"apiKey"_s << true;
    QTest::newRow("connector headers") << u"headers"_s << true;
    QTest::newRow("auth_data") << u"auth_data"_s << true;
    QTest::newRow("content-type") << u"Content-Type"_s << false;
    QTest::newRow("model") << u"model"_s << false;
    QTest::newRow("request id") << u"Mistral-Correlation-Id"_s << false;
    QTest::newRow("rate limit counter") << u"x-ratelimit-remaining-tokens-minute"_s << false;
}

void TestRedactor::sensitiveNames() {
    QFETCH(QString, name);
    QFETCH(bool, sensitive);
    QCOMPARE(Redactor::isSensitiveName(QStringView(name)), sensitive);
    QCOMPARE(Redactor::isSensitiveName(QByteArrayView(name.toLatin1())), sensitive);
}

void TestRedactor::headers_maskSensitiveValues() {
    const RawHeaders in{{"Content-Type"_ba, "application/json"_ba},
                        {"X-Api-Key"_ba, "abcdef123456"_ba},
                        {"Set-Cookie"_ba, "session=xyz; HttpOnly"_ba},
                        {"X-Refresh-Token"_ba, "rt-123456"_ba},
                        {"x-ratelimit-remaining-tokens-minute"_ba, "1999"_ba}};
    const RawHeaders out = Redactor::redactHeaders(in);
    QCOMPARE(out.size(), in.size());
    QCOMPARE(out[0].second, "application/json"_ba);
    QCOMPARE(out[1].second, "[redacted]"_ba);
    QCOMPARE(out[2].second, "[redacted]"_ba);
    QCOMPARE(out[3].second, "[redacted]"_ba);
    QCOMPARE(out[4].second, "1999"_ba);
}

void TestRedactor::authorizationHeader_keepsScheme() {
    QCOMPARE(Redactor::redactHeaderValue("Authorization", "Bearer sk-abcdef0123456789"),
             "Bearer [redacted]"_ba);
    QCOMPARE(Redactor::redactHeaderValue("authorization", "opaque"), "[redacted]"_ba);
}

void TestRedactor::json_masksNestedSensitiveFields() {
    const QJsonObject in = QJsonDocument::fromJson(R"({
        "model": "mistral-small-latest",
        "tools": [{"type": "connector", "connector_id": "gmail",
                   "authorization": {"type": "oauth2-token", "value": "ya29.secret-token"}}],
        "metadata": {"nested": {"client_secret": "cs-123", "refresh_token": ["a1", "b2"]}},
        "headers": {"X-Private-Access": "private-value"}
    })")
                               .object();
    const QJsonObject out = Redactor::redactJson(in);
    const QByteArray text = QJsonDocument(out).toJson(QJsonDocument::Compact);
    for (const char *secret : {"ya29.secret-token", "cs-123", "\"a1\"", "private-value"})
        QVERIFY2(!text.contains(secret), secret);
    QCOMPARE(out["model"_L1].toString(), u"mistral-small-latest"_s);
    const QJsonObject auth = out["tools"_L1][0]["authorization"_L1].toObject();
    QCOMPARE(auth["value"_L1].toString(), u"[redacted]"_s);
    QCOMPARE(out["tools"_L1][0]["connector_id"_L1].toString(), u"gmail"_s);
    QCOMPARE(out["metadata"_L1]["nested"_L1]["refresh_token"_L1].toArray().size(), 2);
    QCOMPARE(out["headers"_L1]["X-Private-Access"_L1].toString(), u"[redacted]"_s);
}

void TestRedactor::json_keepsNumbersUnderSensitiveNames() {
    const QJsonObject out =
        Redactor::redactJson(QJsonObject{{"max_tokens"_L1, 8192}, {"api_key"_L1, u"k"_s}});
    QCOMPARE(out["max_tokens"_L1].toInt(), 8192);
    QCOMPARE(out["api_key"_L1].toString(), u"[redacted]"_s);
}

void TestRedactor::body_nonJsonFallsBackToText() {
    const QString out = Redactor::redactBody("token=abcdef&x=1 Authorization: Bearer qwertyuiop");
    QVERIFY(!out.contains("abcdef"_L1));
    QVERIFY(!out.contains("qwertyuiop"_L1));
    QVERIFY(out.contains("x=1"_L1));

    const QString json = Redactor::redactBody(R"({"password":"hunter22","n":1})");
    QCOMPARE(json, uR"({"n":1,"password":"[redacted]"})"_s);
}

void TestRedactor::text_data() {
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("expected");
    QTest::newRow("bearer") << u"sending Bearer abcDEF123.456-789_x== now"_s
                            << u"sending Bearer [redacted] now"_s;
    QTest::newRow("bearer lowercase") << u"bearer abcdefghij"_s << u"bearer [redacted]"_s;
    QTest::newRow("basic prose untouched") << u"a basic example"_s << u"a basic example"_s;
    QTest::newRow("header line") << u"Authorization: Basic dXNlcjpwYXNz\nnext"_s
                                 << u"Authorization: [redacted]\nnext"_s;
    QTest::newRow("x-api-key line") << u"x-api-key: abc"_s << u"x-api-key: [redacted]"_s;
    QTest::newRow("query key") << u"GET https://h/v1/x?key=AIzaSyA123&page=2"_s
                               << u"GET https://h/v1/x?key=[redacted]&page=2"_s;
    QTest::newRow("query access_token")
        << u"cb?code=4/0Abc&state=xyz&access_token=t0k"_s
        << u"cb?code=[redacted]&state=xyz&access_token=[redacted]"_s;
    QTest::newRow("innocent params untouched") << u"GET /v1/conversations?page=3&page_size=100"_s
                                               << u"GET /v1/conversations?page=3&page_size=100"_s;
    QTest::newRow("json pair in text") << uR"(body {"api_key": "abc\"def", "model": "m"})"_s
                                       << uR"(body {"api_key": "[redacted]", "model": "m"})"_s;
    QTest::newRow("plain text untouched")
        << u"GET /v1/models -> 200 in 12 ms"_s << u"GET /v1/models -> 200 in 12 ms"_s;
}

void TestRedactor::text() {
    QFETCH(QString, in);
    QFETCH(QString, expected);
    QCOMPARE(Redactor::redactText(in), expected);
}

void TestRedactor::registeredSecret_isMaskedEverywhere() {
    Redactor::addSecret(kApiKey);
    const QString out = Redactor::redactText(u"key is "_s + kApiKey + u", again:"_s + kApiKey);
    QCOMPARE(out, u"key is [redacted], again:[redacted]"_s);
    // Also when it hides in a JSON value under an innocent name.
    const QJsonObject json = Redactor::redactJson(QJsonObject{{"note"_L1, kApiKey}});
    QCOMPARE(json["note"_L1].toString(), u"[redacted]"_s);
    // And in a header with an innocent name.
    QCOMPARE(Redactor::redactHeaderValue("X-Debug", kApiKey.toLatin1()), "[redacted]"_ba);
}

void TestRedactor::registeredSecret_percentEncodedIsMasked() {
    const QString token = u"tok/with+special=chars"_s;
    Redactor::addSecret(token);
    const QString out = Redactor::redactText(u"url ?t=tok%2Fwith%2Bspecial%3Dchars end"_s);
    QVERIFY2(!out.contains("tok%2Fwith"_L1), qPrintable(out));
}

void TestRedactor::shortSecret_isIgnored() {
    Redactor::addSecret(u"abc"_s);
    QCOMPARE(Redactor::redactText(u"abc abc"_s), u"abc abc"_s);
}

void TestRedactor::removedSecret_isNoLongerMasked() {
    Redactor::addSecret(kApiKey);
    Redactor::removeSecret(kApiKey);
    QCOMPARE(Redactor::redactText(kApiKey), kApiKey);
}

void TestRedactor::messageHandler_redactsQWarningAndCategories() {
    Redactor::addSecret(kApiKey);
    {
        QMutexLocker locker(&g_capturedMutex);
        g_captured.clear();
    }
    const QtMessageHandler testlibHandler = qInstallMessageHandler(capturingHandler);
    Redactor::installMessageHandler();
    Redactor::installMessageHandler(); // twice is harmless

    qWarning().noquote() << "request failed with key" << kApiKey;
    qCWarning(lcNet).noquote() << "header Authorization: Bearer" << kApiKey;
    qWarning("token in a url: https://x/?access_token=%s", "zzzz1234");

    Redactor::uninstallMessageHandler();
    qInstallMessageHandler(testlibHandler);

    QMutexLocker locker(&g_capturedMutex);
    QCOMPARE(g_captured.size(), 3);
    for (const QString &line : std::as_const(g_captured)) {
        QVERIFY2(!line.contains(kApiKey), qPrintable(line));
        QVERIFY2(!line.contains("zzzz1234"_L1), qPrintable(line));
        QVERIFY2(line.contains("[redacted]"_L1), qPrintable(line));
    }
    QVERIFY(g_captured[0].startsWith("request failed with key"_L1));
}

void TestRedactor::concurrentUse_isSafe() {
    // Secrets added and removed on one thread while another redacts: no crash, and a
    // secret registered before the reader starts is always masked.
    Redactor::addSecret(kApiKey);
    std::atomic<bool> stop = false;
    std::atomic<int> leaks = 0;
    QThread *reader = QThread::create([&] {
        while (!stop) {
            if (Redactor::redactText(u"x "_s + kApiKey).contains(kApiKey))
                ++leaks;
        }
    });
    reader->start();
    for (int i = 0; i < 2000; ++i) {
        const QString other = u"other-secret-"_s + QString::number(i);
        Redactor::addSecret(other);
        Redactor::removeSecret(other);
    }
    stop = true;
    QVERIFY(reader->wait(5000));
    delete reader;
    QCOMPARE(leaks.load(), 0);
}

void TestRedactor::messageHandler_redactsLinesWrittenAtExit() {
    // The child logs from atexit and from a static destructor, after the statics the handler
    // uses in a normal run are gone (with debug logging on, as when diagnosing a problem).
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_LOGGING_RULES"_s, u"*.debug=true"_s);
    env.insert(u"QT_MESSAGE_PATTERN"_s, u"%{message}"_s);
    child.setProcessEnvironment(env);
    child.start(QDir(QCoreApplication::applicationDirPath()).filePath(u"redactorexitchild"_s));
    QVERIFY2(child.waitForFinished(60000), qPrintable(child.errorString()));
    const QByteArray err = child.readAllStandardError();
    QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, err.constData());
    QVERIFY2(!err.contains("sk-exit-canary-5d1e8b27c9"), err.constData());
    QVERIFY2(err.contains("line from main: key [redacted]"), err.constData());
    // Late lines are kept, redacted.
    QVERIFY2(err.contains("late line from atexit: key [redacted]"), err.constData());
    QVERIFY2(err.contains("late debug line from a static destructor: key [redacted]"),
             err.constData());
    QVERIFY2(err.contains("late warning from a static destructor: Authorization: [redacted]"),
             err.constData());
}

QTEST_GUILESS_MAIN(TestRedactor)
#include "tst_redactor.moc"
