// SPDX-License-Identifier: GPL-3.0-or-later
// The words for ApiErrors: every kind and HTTP reason gets a sentence and a hint.
#include "core/net/ApiError.h"
#include "models/ErrorPresenter.h"

#include "support/ApiErrorCases.h"

#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Tramontane::ApiError;
using Tramontane::ErrorPresenter;
using Tramontane::RawHeaders;
using Ctx = ApiError::Context;

namespace {

const RawHeaders kCorrelation{{"Mistral-Correlation-Id"_ba, "0199-corr"_ba},
                              {"X-Kong-Request-Id"_ba, "0199-kong"_ba}};
const QDateTime kNow = QDateTime(QDate(2026, 11, 24), QTime(12, 0, 0), QTimeZone::utc());

} // namespace

class TestErrorPresenter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fromHttp_data();
    void fromHttp();
    void connectorUnauthorized_isNotAboutTheApiKey();
    void rateLimitHint_saysWhenToRetry();
    void networkErrors_data();
    void networkErrors();
    void otherKinds_haveTheirOwnSentences();
    void streamError_data();
    void streamError();
    void tooLarge_saysTheLimit();
    void words_keepTheCataloguesContext();
};

void TestErrorPresenter::fromHttp_data() {
    Tramontane::TestSupport::addHttpErrorCases();
}

void TestErrorPresenter::fromHttp() {
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
    QCOMPARE(ErrorPresenter::title(e), title);
    QVERIFY2(ErrorPresenter::hint(e).contains(hintContains, Qt::CaseInsensitive),
             qPrintable(ErrorPresenter::hint(e)));
}

void TestErrorPresenter::connectorUnauthorized_isNotAboutTheApiKey() {
    // Whatever the request was about, a connector's 401 never sends the user to the API key
    // settings, and always says where to fix it.
    const QByteArray body =
        R"({"object":"error","message":"The MCP server of 'notes' rejected the authorization: the OAuth token or API key sent to it is invalid.","type":"connector_authentication_error","param":null,"code":"connector_unauthorized"})"_ba;
    for (const Ctx context :
         {Ctx::Generic, Ctx::Chat, Ctx::Model, Ctx::Agent, Ctx::Connector, Ctx::File, Ctx::Mcp}) {
        const ApiError e = ApiError::fromHttp(401, {}, body, context, kNow);
        const QString where = QString::fromLatin1(ApiError::contextName(context));
        QVERIFY2(!ErrorPresenter::title(e).contains("API key"_L1, Qt::CaseInsensitive),
                 qPrintable(where));
        QVERIFY2(!ErrorPresenter::hint(e).contains("Settings"_L1), qPrintable(where));
        QVERIFY2(!ErrorPresenter::hint(e).contains("MISTRAL_API_KEY"_L1), qPrintable(where));
        QVERIFY2(ErrorPresenter::title(e).contains("connector"_L1, Qt::CaseInsensitive),
                 qPrintable(where));
        QVERIFY2(ErrorPresenter::hint(e).contains("Connectors page"_L1), qPrintable(where));
        QVERIFY(!e.isRetryable());
    }
    // The same status with the API's own key error stays about the key.
    const ApiError key =
        ApiError::fromHttp(401, {}, R"({"detail":"Invalid API Key"})"_ba, Ctx::Chat, kNow);
    QCOMPARE(ErrorPresenter::title(key), u"The API key was rejected."_s);
}

void TestErrorPresenter::rateLimitHint_saysWhenToRetry() {
    const ApiError e = ApiError::fromHttp(429, {{"Retry-After"_ba, "7"_ba}},
                                          R"({"message":"Rate limit exceeded"})", Ctx::Chat, kNow);
    QCOMPARE(ErrorPresenter::hint(e), u"You can try again in 7 second(s)."_s);
}

void TestErrorPresenter::networkErrors_data() {
    Tramontane::TestSupport::addNetworkErrorCases();
}

void TestErrorPresenter::networkErrors() {
    QFETCH(QNetworkReply::NetworkError, code);
    QFETCH(ApiError::Kind, kind);
    QFETCH(QString, title);
    const ApiError e = ApiError::fromNetworkError(code, u"detail"_s, Ctx::Chat);
    QCOMPARE(e.kind(), kind);
    QCOMPARE(e.networkError(), code);
    QCOMPARE(ErrorPresenter::title(e), title);
    QCOMPARE(e.httpStatus(), 0);
    if (kind != ApiError::Kind::Canceled)
        QVERIFY(!ErrorPresenter::hint(e).isEmpty());
}

void TestErrorPresenter::otherKinds_haveTheirOwnSentences() {
    QCOMPARE(ErrorPresenter::title(ApiError()), QString());
    QVERIFY(!ApiError().isError());
    QVERIFY(ApiError::canceled().isCanceled());
    QVERIFY(ErrorPresenter::hint(ApiError::canceled()).isEmpty());
    const ApiError interrupted = ApiError::streamInterrupted(Ctx::Chat, u"closed"_s);
    QCOMPARE(ErrorPresenter::title(interrupted),
             u"The answer was interrupted before it was complete."_s);
    QVERIFY(ErrorPresenter::hint(interrupted).contains("partial answer is kept"_L1));
    const ApiError invalid = ApiError::invalidResponse(u"illegal value at offset 3"_s);
    QCOMPARE(ErrorPresenter::title(invalid),
             u"The server sent a response that could not be read."_s);
    QCOMPARE(invalid.detail(), u"illegal value at offset 3"_s);
    QCOMPARE(ErrorPresenter::title(ApiError::timeout()), u"The server did not respond in time."_s);
    QCOMPARE(ErrorPresenter::title(ApiError::invalidRequest(u"x"_s)),
             u"The request could not be sent."_s);
}

void TestErrorPresenter::streamError_data() {
    Tramontane::TestSupport::addStreamErrorCases();
}

void TestErrorPresenter::streamError() {
    QFETCH(QByteArray, payload);
    QFETCH(QString, message);
    QFETCH(QString, type);
    QFETCH(QString, code);
    const ApiError e = ApiError::streamError(payload, Ctx::Chat);
    QCOMPARE(e.kind(), ApiError::Kind::StreamError);
    QCOMPARE(e.serverMessage(), message);
    QCOMPARE(e.serverType(), type);
    QCOMPARE(e.serverCode(), code);
    QCOMPARE(ErrorPresenter::title(e),
             u"The server reported an error while answering: "_s + message);
    QVERIFY(!e.isRetryable());
}

void TestErrorPresenter::tooLarge_saysTheLimit() {
    const ApiError image = ApiError::tooLarge(32 * 1024 * 1024, Ctx::RemoteFile);
    QCOMPARE(ErrorPresenter::title(image), u"The image is larger than 32 MB."_s);
    QCOMPARE(ErrorPresenter::sentence(image), u"The image is larger than 32 MB."_s);
    const ApiError timeout = ApiError::timeout(Ctx::RemoteFile);
    QCOMPARE(ErrorPresenter::sentence(timeout), u"The server did not respond in time. Check your "
                                                u"network connection and try again."_s);
}

namespace {

// Translates only the context the catalogues hold the error texts in.
class ApiErrorCatalogue final : public QTranslator {
public:
    QString translate(const char *context, const char *sourceText, const char *,
                      int) const override {
        if (qstrcmp(context, "ApiError") != 0)
            return {};
        return u'<' + QString::fromUtf8(sourceText) + u'>';
    }
    bool isEmpty() const override { return false; }
};

} // namespace

void TestErrorPresenter::words_keepTheCataloguesContext() {
    ApiErrorCatalogue catalogue;
    QVERIFY(QCoreApplication::installTranslator(&catalogue));
    const QString title = ErrorPresenter::title(ApiError::timeout());
    QCoreApplication::removeTranslator(&catalogue);
    QCOMPARE(title, u"<The server did not respond in time.>"_s);
}

QTEST_GUILESS_MAIN(TestErrorPresenter)
#include "tst_errorpresenter.moc"
