// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/ApiError.h"
#include "core/net/Redactor.h"

#include "support/ApiErrorCases.h"

#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Tramontane::ApiError;
using Tramontane::RawHeaders;
using Ctx = ApiError::Context;

namespace {

const RawHeaders kCorrelation{{"Mistral-Correlation-Id"_ba, "0199-corr"_ba},
                              {"X-Kong-Request-Id"_ba, "0199-kong"_ba}};
const QDateTime kNow = QDateTime(QDate(2026, 11, 24), QTime(12, 0, 0), QTimeZone::utc());

} // namespace

class TestApiError : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fromHttp_data();
    void fromHttp();
    void connectorUnauthorized_isNotAboutTheApiKey();
    void fieldErrors_dropBodyAndKeepIndexes();
    void requestId_precedence_data();
    void requestId_precedence();
    void retryAfter_data();
    void retryAfter();
    void rawBody_isRedactedAndCapped();
    void logOutput_containsNoSecret();
    void networkErrors_data();
    void networkErrors();
    void otherKinds_haveTheirOwnSentences();
    void streamError_data();
    void streamError();
    void isRetryable_data();
    void isRetryable();
};

void TestApiError::fromHttp_data() {
    Tramontane::TestSupport::addHttpErrorCases();
}

void TestApiError::fromHttp() {
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(Ctx, context);
    QFETCH(QString, title);
    QFETCH(QString, hintContains);
    QFETCH(QString, message);
    QFETCH(QString, type);
    QFETCH(QString, code);

    const ApiError e = ApiError::fromHttp(status, {}, body, context, kNow);
    QCOMPARE(e.kind(), ApiError::Kind::Http);
    QCOMPARE(e.httpStatus(), status);
    QCOMPARE(e.context(), context);
    QCOMPARE(e.serverMessage(), message);
    QCOMPARE(e.serverType(), type);
    QCOMPARE(e.serverCode(), code);
    // The words for each reason: tst_errorpresenter.
    Q_UNUSED(title);
    Q_UNUSED(hintContains);
    QVERIFY(e.reason() != ApiError::Reason::None);
}

void TestApiError::connectorUnauthorized_isNotAboutTheApiKey() {
    // Whatever the request was about, a connector's 401 never sends the user to the API key
    // settings, and always says where to fix it.
    const QByteArray body =
        R"({"object":"error","message":"The MCP server of 'notes' rejected the authorization: the OAuth token or API key sent to it is invalid.","type":"connector_authentication_error","param":null,"code":"connector_unauthorized"})"_ba;
    for (const Ctx context :
         {Ctx::Generic, Ctx::Chat, Ctx::Model, Ctx::Agent, Ctx::Connector, Ctx::File, Ctx::Mcp}) {
        const ApiError e = ApiError::fromHttp(401, {}, body, context, kNow);
        const QString where = QString::fromLatin1(ApiError::contextName(context));
        QCOMPARE(e.reason(), ApiError::Reason::ConnectorCredentialsRejected);
        QVERIFY2(e.isConnectorCredentialsRejected(), qPrintable(where));
        QVERIFY(!e.isRetryable());
    }
    // The same status with the API's own key error stays about the key.
    const ApiError key =
        ApiError::fromHttp(401, {}, R"({"detail":"Invalid API Key"})"_ba, Ctx::Chat, kNow);
    QCOMPARE(key.reason(), ApiError::Reason::ApiKeyRejected);
    QVERIFY(!key.isConnectorCredentialsRejected());
}

void TestApiError::fieldErrors_dropBodyAndKeepIndexes() {
    const ApiError e = ApiError::fromHttp(
        422, {},
        R"({"detail":[{"type":"missing","loc":["body","messages",2,"content"],"msg":"Field required"},
                      {"type":"extra_forbidden","loc":["body","store"],"msg":"Extra inputs are not permitted"},
                      {"type":"x","loc":["query","page"],"msg":"bad"}]})",
        Ctx::Chat, kNow);
    const QList<ApiError::FieldError> fields = e.fieldErrors();
    QCOMPARE(fields.size(), 3);
    QCOMPARE(fields[0],
             (ApiError::FieldError{
                 {u"messages"_s, u"2"_s, u"content"_s}, u"Field required"_s, u"missing"_s}));
    QCOMPARE(fields[1].loc, QStringList{u"store"_s});
    QCOMPARE(fields[1].type, u"extra_forbidden"_s);
    QCOMPARE(fields[2].loc, (QStringList{u"query"_s, u"page"_s}));
    QCOMPARE(e.fieldErrorText(), u"messages.2.content: Field required; store: Extra inputs are not "
                                 "permitted; query.page: bad"_s);
}

void TestApiError::requestId_precedence_data() {
    QTest::addColumn<RawHeaders>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("requestId");
    QTest::newRow("correlation id wins")
        << kCorrelation << R"({"request_id":"body"})"_ba << u"0199-corr"_s;
    QTest::newRow("kong id next") << RawHeaders{{"x-kong-request-id"_ba, "0199-kong"_ba}}
                                  << R"({"request_id":"body"})"_ba << u"0199-kong"_s;
    QTest::newRow("header names are case-insensitive")
        << RawHeaders{{"MISTRAL-CORRELATION-ID"_ba, " abc "_ba}} << QByteArray() << u"abc"_s;
    QTest::newRow("gateway body last")
        << RawHeaders{} << R"({"message":"x","request_id":"gw"})"_ba << u"gw"_s;
    QTest::newRow("none") << RawHeaders{} << R"({"detail":"x"})"_ba << QString();
}

void TestApiError::requestId_precedence() {
    QFETCH(RawHeaders, headers);
    QFETCH(QByteArray, body);
    QFETCH(QString, requestId);
    QCOMPARE(ApiError::fromHttp(404, headers, body, Ctx::Generic, kNow).requestId(), requestId);
}

void TestApiError::retryAfter_data() {
    QTest::addColumn<RawHeaders>("headers");
    QTest::addColumn<qint64>("expectedMs"); // -1: none
    QTest::newRow("none") << RawHeaders{} << qint64(-1);
    QTest::newRow("seconds") << RawHeaders{{"Retry-After"_ba, "2"_ba}} << qint64(2000);
    QTest::newRow("zero seconds") << RawHeaders{{"retry-after"_ba, "0"_ba}} << qint64(0);
    QTest::newRow("http-date") << RawHeaders{{"Retry-After"_ba, "Tue, 24 Nov 2026 12:00:30 GMT"_ba}}
                               << qint64(30000);
    QTest::newRow("http-date in the past")
        << RawHeaders{{"Retry-After"_ba, "Tue, 24 Nov 2026 11:00:00 GMT"_ba}} << qint64(0);
    QTest::newRow("asctime date") << RawHeaders{{"Retry-After"_ba, "Tue Nov 24 12:00:05 2026"_ba}}
                                  << qint64(5000);
    QTest::newRow("retry-after-ms") << RawHeaders{{"retry-after-ms"_ba, "1500"_ba}} << qint64(1500);
    QTest::newRow("ms wins over seconds")
        << RawHeaders{{"Retry-After"_ba, "9"_ba}, {"retry-after-ms"_ba, "250.5"_ba}} << qint64(250);
    QTest::newRow("bad ms falls back to seconds")
        << RawHeaders{{"Retry-After"_ba, "3"_ba}, {"retry-after-ms"_ba, "soon"_ba}} << qint64(3000);
    QTest::newRow("negative") << RawHeaders{{"Retry-After"_ba, "-5"_ba}} << qint64(-1);
    QTest::newRow("garbage") << RawHeaders{{"Retry-After"_ba, "later"_ba}} << qint64(-1);
    QTest::newRow("fractional seconds are not delay-seconds")
        << RawHeaders{{"Retry-After"_ba, "1.5"_ba}} << qint64(-1);
    QTest::newRow("absurd clamped to a day")
        << RawHeaders{{"Retry-After"_ba, "99999999999999999999999"_ba}} << qint64(86400000);
}

void TestApiError::retryAfter() {
    QFETCH(RawHeaders, headers);
    QFETCH(qint64, expectedMs);
    const auto parsed = ApiError::parseRetryAfter(headers, kNow);
    if (expectedMs < 0) {
        QVERIFY(!parsed.has_value());
    } else {
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->count(), expectedMs);
    }
    // fromHttp stores the same value.
    const ApiError e = ApiError::fromHttp(429, headers, {}, Ctx::Chat, kNow);
    QCOMPARE(e.retryAfter(), parsed);
}

void TestApiError::rawBody_isRedactedAndCapped() {
    QByteArray body = R"({"detail":"bad","api_key":"sk-leaked-123456","pad":")"_ba;
    body += QByteArray(20000, 'x') + "\"}";
    const ApiError e = ApiError::fromHttp(400, {}, body, Ctx::Generic, kNow);
    QVERIFY(!e.rawBody().contains("sk-leaked-123456"_L1));
    QVERIFY(e.rawBody().contains("[redacted]"_L1));
    QVERIFY(e.rawBody().size() <= ApiError::kMaxRawBodySize + 1);
    QCOMPARE(e.serverMessage(), u"bad"_s);
}

void TestApiError::logOutput_containsNoSecret() {
    const QString key = u"sk-canary-key-0123456789"_s;
    Tramontane::Redactor::addSecret(key);
    // A server echoing the key back in its message and a Bearer in the detail.
    const ApiError e = ApiError::fromHttp(
        401, kCorrelation, (u"{\"detail\":\"Invalid API Key "_s + key + u"\"}"_s).toUtf8(),
        Ctx::Chat, kNow);
    const QByteArray json = QJsonDocument(e.toJson()).toJson();
    QVERIFY(!json.contains(key.toUtf8()));
    QVERIFY(!e.toLogString().contains(key));
    QVERIFY(!e.serverMessage().contains(key));
    QVERIFY(e.toLogString().contains("0199-corr"_L1));
    QVERIFY(e.toLogString().contains("401"_L1));
    QCOMPARE(e.toJson().value("requestId"_L1).toString(), u"0199-corr"_s);

    const ApiError net = ApiError::fromNetworkError(
        QNetworkReply::HostNotFoundError, u"Host not found: Bearer abcdefghijkl"_s, Ctx::Chat);
    QVERIFY(!net.toLogString().contains("abcdefghijkl"_L1));
    Tramontane::Redactor::clearSecrets();
}

void TestApiError::networkErrors_data() {
    Tramontane::TestSupport::addNetworkErrorCases();
}

void TestApiError::networkErrors() {
    QFETCH(QNetworkReply::NetworkError, code);
    QFETCH(ApiError::Kind, kind);
    QFETCH(QString, title);
    const ApiError e = ApiError::fromNetworkError(code, u"detail"_s, Ctx::Chat);
    QCOMPARE(e.kind(), kind);
    QCOMPARE(e.networkError(), code);
    Q_UNUSED(title); // the words: tst_errorpresenter
    QCOMPARE(e.httpStatus(), 0);
    QCOMPARE(e.detail(), u"detail"_s);
}

void TestApiError::otherKinds_haveTheirOwnSentences() {
    QVERIFY(!ApiError().isError());
    QCOMPARE(ApiError().reason(), ApiError::Reason::None);
    QVERIFY(ApiError::canceled().isCanceled());
    const ApiError interrupted = ApiError::streamInterrupted(Ctx::Chat, u"closed"_s);
    QCOMPARE(interrupted.kind(), ApiError::Kind::StreamInterrupted);
    QCOMPARE(interrupted.detail(), u"closed"_s);
    const ApiError invalid = ApiError::invalidResponse(u"illegal value at offset 3"_s);
    QCOMPARE(invalid.kind(), ApiError::Kind::InvalidResponse);
    QCOMPARE(invalid.detail(), u"illegal value at offset 3"_s);
    QCOMPARE(ApiError::timeout().kind(), ApiError::Kind::Timeout);
    QCOMPARE(ApiError::invalidRequest(u"x"_s).kind(), ApiError::Kind::InvalidRequest);
    const ApiError tooLarge = ApiError::tooLarge(1000, Ctx::RemoteFile, u"over"_s);
    QCOMPARE(tooLarge.kind(), ApiError::Kind::TooLarge);
    QCOMPARE(tooLarge.sizeLimit(), 1000);
    QVERIFY(!tooLarge.isRetryable());
    QCOMPARE(tooLarge.toJson().value("kind"_L1).toString(), u"too-large"_s);
}

void TestApiError::streamError_data() {
    Tramontane::TestSupport::addStreamErrorCases();
}

void TestApiError::streamError() {
    QFETCH(QByteArray, payload);
    QFETCH(QString, message);
    QFETCH(QString, type);
    QFETCH(QString, code);
    const ApiError e = ApiError::streamError(payload, Ctx::Chat);
    QCOMPARE(e.kind(), ApiError::Kind::StreamError);
    QCOMPARE(e.serverMessage(), message);
    QCOMPARE(e.serverType(), type);
    QCOMPARE(e.serverCode(), code);
    QVERIFY(!e.isRetryable());
}

void TestApiError::isRetryable_data() {
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("retryable");
    for (int s : {429, 500, 502, 503, 504})
        QTest::addRow("%d", s) << s << true;
    for (int s : {400, 401, 403, 404, 409, 422, 501})
        QTest::addRow("%d", s) << s << false;
}

void TestApiError::isRetryable() {
    QFETCH(int, status);
    QFETCH(bool, retryable);
    QCOMPARE(ApiError::fromHttp(status, {}, {}, Ctx::Generic, kNow).isRetryable(), retryable);
    QVERIFY(ApiError::fromNetworkError(QNetworkReply::RemoteHostClosedError, {}).isRetryable());
    QVERIFY(ApiError::timeout().isRetryable());
    QVERIFY(!ApiError::canceled().isRetryable());
    QVERIFY(!ApiError::invalidResponse({}).isRetryable());
    QVERIFY(!ApiError::streamInterrupted().isRetryable());
}

QTEST_GUILESS_MAIN(TestApiError)
#include "tst_apierror.moc"
