// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/ApiError.h"
#include "core/net/RetryPolicy.h"

#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Tramontane::ApiError;
using Tramontane::RawHeaders;
using Tramontane::RetryPolicy;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 11, 24), QTime(12, 0, 0), QTimeZone::utc());

ApiError http(int status, const RawHeaders &headers = {}) {
    return ApiError::fromHttp(status, headers, {}, ApiError::Context::Chat, kNow);
}

ApiError network() {
    return ApiError::fromNetworkError(QNetworkReply::RemoteHostClosedError, {});
}

RetryPolicy fixedPolicy(int maxRetries = RetryPolicy::kDefaultMaxRetries, double r = 0.5) {
    RetryPolicy p;
    p.setMaxRetries(maxRetries);
    p.setRandomSource([r] { return r; });
    return p;
}

} // namespace

class TestRetryPolicy : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void nextDelay_data();
    void nextDelay();
    void jitter_data();
    void jitter();
    void randomJitter_staysWithinBounds();
    void never_neverRetries();
};

void TestRetryPolicy::nextDelay_data() {
    QTest::addColumn<ApiError>("error");
    QTest::addColumn<int>("attempt");
    QTest::addColumn<bool>("idempotent");
    QTest::addColumn<bool>("responseStarted");
    QTest::addColumn<bool>("eventDelivered");
    QTest::addColumn<int>("maxRetries");
    QTest::addColumn<qint64>("expectedMs"); // -1: no retry

    const int def = RetryPolicy::kDefaultMaxRetries;
    // Retried statuses, for a POST too: the server turned the request down.
    for (int s : {429, 500, 502, 503, 504})
        QTest::addRow("%d POST first attempt", s)
            << http(s) << 1 << false << true << false << def << qint64(500);
    // Never retried statuses, whatever the method.
    for (int s : {400, 401, 403, 404, 409, 422}) {
        QTest::addRow("%d GET", s) << http(s) << 1 << true << true << false << def << qint64(-1);
        QTest::addRow("%d POST", s) << http(s) << 1 << false << true << false << def << qint64(-1);
    }
    QTest::newRow("501 is not retried")
        << http(501) << 1 << true << true << false << def << qint64(-1);

    // Exponential backoff: 0.5, 1, 2, 4, 8, 8 s.
    QTest::newRow("second attempt")
        << http(503) << 2 << true << true << false << def << qint64(1000);
    QTest::newRow("third attempt")
        << http(503) << 3 << true << true << false << def << qint64(2000);
    QTest::newRow("attempts exhausted")
        << http(503) << 4 << true << true << false << def << qint64(-1);
    QTest::newRow("fifth attempt, 8 s")
        << http(503) << 5 << true << true << false << 10 << qint64(8000);
    QTest::newRow("ninth attempt, capped at 8 s")
        << http(503) << 9 << true << true << false << 10 << qint64(8000);
    QTest::newRow("max retries 1, second failure")
        << http(503) << 2 << true << true << false << 1 << qint64(-1);
    QTest::newRow("max retries 0") << http(503) << 1 << true << true << false << 0 << qint64(-1);

    // Network errors and timeouts: before a response byte always; after only if idempotent.
    QTest::newRow("network before response, POST")
        << network() << 1 << false << false << false << def << qint64(500);
    QTest::newRow("network after response byte, POST")
        << network() << 1 << false << true << false << def << qint64(-1);
    QTest::newRow("network after response byte, GET")
        << network() << 1 << true << true << false << def << qint64(500);
    QTest::newRow("timeout before response, POST")
        << ApiError::timeout() << 1 << false << false << false << def << qint64(500);
    QTest::newRow("timeout after response byte, POST")
        << ApiError::timeout() << 1 << false << true << false << def << qint64(-1);

    // Streams: once an event was delivered, never.
    QTest::newRow("503 after an event")
        << http(503) << 1 << false << true << true << def << qint64(-1);
    QTest::newRow("network after an event, even idempotent")
        << network() << 1 << true << true << true << def << qint64(-1);

    // Errors that repeating cannot fix.
    QTest::newRow("canceled") << ApiError::canceled() << 1 << true << false << false << def
                              << qint64(-1);
    QTest::newRow("invalid response")
        << ApiError::invalidResponse({}) << 1 << true << true << false << def << qint64(-1);
    QTest::newRow("stream interrupted")
        << ApiError::streamInterrupted() << 1 << false << true << false << def << qint64(-1);
    QTest::newRow("stream error") << ApiError::streamError("{\"error\":\"x\"}") << 1 << false
                                  << true << false << def << qint64(-1);
    QTest::newRow("invalid request")
        << ApiError::invalidRequest({}) << 1 << true << false << false << def << qint64(-1);

    // Retry-After wins over the backoff and has no jitter; capped at 60 s.
    QTest::newRow("Retry-After seconds") << http(429, {{"Retry-After"_ba, "2"_ba}}) << 1 << false
                                         << true << false << def << qint64(2000);
    QTest::newRow("Retry-After zero") << http(429, {{"Retry-After"_ba, "0"_ba}}) << 1 << false
                                      << true << false << def << qint64(0);
    QTest::newRow("Retry-After HTTP-date")
        << http(429, {{"Retry-After"_ba, "Tue, 24 Nov 2026 12:00:30 GMT"_ba}}) << 1 << false << true
        << false << def << qint64(30000);
    QTest::newRow("retry-after-ms") << http(429, {{"retry-after-ms"_ba, "1500"_ba}}) << 1 << false
                                    << true << false << def << qint64(1500);
    QTest::newRow("Retry-After on 503") << http(503, {{"Retry-After"_ba, "5"_ba}}) << 2 << true
                                        << true << false << def << qint64(5000);
    QTest::newRow("Retry-After one hour capped") << http(429, {{"Retry-After"_ba, "3600"_ba}}) << 1
                                                 << false << true << false << def << qint64(60000);
    QTest::newRow("Retry-After absurd capped")
        << http(429, {{"Retry-After"_ba, "99999999999999999999"_ba}}) << 1 << false << true << false
        << def << qint64(60000);
    QTest::newRow("Retry-After date far ahead capped")
        << http(429, {{"Retry-After"_ba, "Fri, 01 Jan 2100 00:00:00 GMT"_ba}}) << 1 << false << true
        << false << def << qint64(60000);
    QTest::newRow("Retry-After garbage uses backoff")
        << http(429, {{"Retry-After"_ba, "soon"_ba}}) << 2 << false << true << false << def
        << qint64(1000);
    QTest::newRow("Retry-After on 401 still not retried")
        << http(401, {{"Retry-After"_ba, "1"_ba}}) << 1 << true << true << false << def
        << qint64(-1);
}

void TestRetryPolicy::nextDelay() {
    QFETCH(ApiError, error);
    QFETCH(int, attempt);
    QFETCH(bool, idempotent);
    QFETCH(bool, responseStarted);
    QFETCH(bool, eventDelivered);
    QFETCH(int, maxRetries);
    QFETCH(qint64, expectedMs);

    const RetryPolicy policy = fixedPolicy(maxRetries);
    const RetryPolicy::Attempt a{attempt, idempotent, responseStarted, eventDelivered};
    const auto delay = policy.nextDelay(error, a);
    if (expectedMs < 0) {
        QVERIFY2(!delay.has_value(), qPrintable(QString::number(delay.value_or(0ms).count())));
        QVERIFY(!policy.shouldRetry(error, a));
    } else {
        QVERIFY(delay.has_value());
        QCOMPARE(delay->count(), expectedMs);
        QVERIFY(policy.shouldRetry(error, a));
    }
}

void TestRetryPolicy::jitter_data() {
    QTest::addColumn<int>("retryIndex");
    QTest::addColumn<double>("random");
    QTest::addColumn<qint64>("expectedMs");
    QTest::newRow("0 low") << 0 << 0.0 << qint64(375);
    QTest::newRow("0 mid") << 0 << 0.5 << qint64(500);
    QTest::newRow("0 high") << 0 << 0.999999 << qint64(625);
    QTest::newRow("2 low") << 2 << 0.0 << qint64(1500);
    QTest::newRow("2 high") << 2 << 0.999999 << qint64(2500);
    QTest::newRow("4 low") << 4 << 0.0 << qint64(6000);
    QTest::newRow("4 high") << 4 << 0.999999 << qint64(10000);
    QTest::newRow("20 high stays bounded") << 20 << 0.999999 << qint64(10000);
    QTest::newRow("out-of-range random clamped") << 0 << 7.0 << qint64(625);
}

void TestRetryPolicy::jitter() {
    QFETCH(int, retryIndex);
    QFETCH(double, random);
    QFETCH(qint64, expectedMs);
    QCOMPARE(fixedPolicy(3, random).backoff(retryIndex).count(), expectedMs);
}

void TestRetryPolicy::randomJitter_staysWithinBounds() {
    const RetryPolicy policy; // the real random source
    qint64 lowest = std::numeric_limits<qint64>::max();
    qint64 highest = 0;
    for (int i = 0; i < 2000; ++i) {
        const qint64 d = policy.backoff(1).count(); // 1 s +/- 25 %
        QVERIFY2(d >= 750 && d <= 1250, qPrintable(QString::number(d)));
        lowest = std::min(lowest, d);
        highest = std::max(highest, d);
    }
    // The jitter really spreads the delays.
    QVERIFY(lowest < 850);
    QVERIFY(highest > 1150);
}

void TestRetryPolicy::never_neverRetries() {
    const RetryPolicy p = RetryPolicy::never();
    QCOMPARE(p.maxRetries(), 0);
    QVERIFY(!p.shouldRetry(http(503), {1, true, false, false}));
}

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
