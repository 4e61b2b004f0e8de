// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/ApiError.h"
#include "core/net/HttpHeaders.h"
#include "core/net/Job.h"
#include "core/net/RetryPolicy.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace Tramontane {

//! One HTTP request, with the lifecycle of every Job: Pending, then exactly one of Succeeded,
//! Failed or Canceled. finished() fires exactly once in every case (also when canceled before
//! the request left, when the reply is destroyed under it, and when the job itself is deleted
//! while pending), then the job deletes itself: hold it in a QPointer.
//!
//! Jobs are made by ApiClient and start from the event loop, so signals can be connected and
//! setters called right after creation. Failed attempts are repeated inside the job according
//! to its RetryPolicy (retrying() announces each wait). A job has an idle timeout (no byte for
//! transferTimeout()) and an overall deadline() (0 for none; streams have none).
class ApiJob : public Job {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiJob)

public:
    enum class Method { Get, Post, Put, Patch, Delete };
    Q_ENUM(Method)
    //! What a successful response's body is.
    enum class ResponseKind {
        Json,   //!< a JSON object or array (or nothing, e.g. 204), checked and parsed
        Raw,    //!< bytes kept as they are (downloads)
        Stream, //!< server-sent events, handed to a subclass as they arrive
    };
    Q_ENUM(ResponseKind)

    ~ApiJob() override;

    Method method() const { return m_method; }
    //! The API path (no query), as given to ApiClient.
    QString path() const { return m_path; }
    ApiError::Context context() const { return m_context; }

    //! HTTP status of the last response, or 0.
    int httpStatus() const { return m_httpStatus; }
    //! Mistral-Correlation-Id (or X-Kong-Request-Id) of the last response, or empty.
    QString requestId() const;
    //! error() of a failed job holds the attempts made and the request id.
    //! The parsed body of a successful Json job (null for an empty body such as a 204).
    QJsonDocument json() const { return m_json; }
    //! The body of the last response (for a failed job, the error body, capped).
    QByteArray body() const { return m_body; }
    RawHeaders responseHeaders() const { return m_responseHeaders; }
    QByteArray responseHeader(QByteArrayView name) const;
    //! Attempts made so far (1 once the request left, more after retries).
    int attempts() const { return m_attempts; }
    //! Time since the first attempt started; frozen when the job finishes.
    std::chrono::milliseconds elapsed() const;
    //! Time from the start of the last attempt to its first response byte, if any arrived.
    std::optional<std::chrono::milliseconds> firstByteLatency() const { return m_firstByte; }

    std::chrono::milliseconds deadline() const { return m_deadline; }
    //! Overall limit for the whole job, retries included; 0 disables it. Set it before the job
    //! starts (right after creation).
    void setDeadline(std::chrono::milliseconds deadline);
    std::chrono::milliseconds transferTimeout() const { return m_transferTimeout; }
    //! Idle timeout: the attempt fails when no byte arrives for this long; 0 disables it.
    void setTransferTimeout(std::chrono::milliseconds timeout);
    const RetryPolicy &retryPolicy() const { return m_retryPolicy; }
    void setRetryPolicy(const RetryPolicy &policy) { m_retryPolicy = policy; }
    qint64 maxBodySize() const { return m_maxBodySize; }
    //! A successful body larger than this fails the job (TooLarge).
    void setMaxBodySize(qint64 bytes) { m_maxBodySize = bytes; }

    // cancel() aborts the request, or the wait before a retry.

Q_SIGNALS:
    //! Attempt number \a attempt starts in \a delayMs, after \a error.
    void retrying(int attempt, int delayMs, const Tramontane::ApiError &error);
    //! Bytes of the response body received so far, and the total when known (else -1).
    void progress(qint64 received, qint64 total);
    //! Bytes of the request body sent so far, and its total (an upload's progress); starts
    //! again from zero when an attempt is repeated.
    void uploadProgress(qint64 sent, qint64 total);

protected:
    friend class ApiClient;

    //! \a error, when set, makes the job fail as soon as it starts (a request that could not
    //! be built); \a nam may then be null.
    ApiJob(QNetworkAccessManager *nam, const QNetworkRequest &request, Method method,
           const QByteArray &requestBody, ResponseKind kind, ApiError::Context context,
           QObject *parent, const ApiError &error = {});

    //! Called before each attempt.
    virtual void handleAttemptStart() {}
    //! Stream jobs: body bytes of a successful (2xx) response, as they arrive.
    virtual void handleSuccessBytes(QByteArrayView bytes);
    //! A successful response ended without a transport error. The default parses Json and
    //! succeeds, or checks nothing for Raw. Must call succeed() or fail().
    virtual void handleSuccessEnd();
    //! Lets a stream turn a transport error mid-body into its own kind of error.
    virtual ApiError adaptTransportError(const ApiError &error) { return error; }

    //! Ends the job as Failed, unless the retry policy allows another attempt (fail() ends it
    //! without retry).
    void failOrRetry(const ApiError &error);
    //! Tells the retry policy that an event reached the consumer: no more retries.
    void markEventDelivered() { m_eventDelivered = true; }
    bool eventDelivered() const { return m_eventDelivered; }
    bool isSuccessStatus() const { return m_httpStatus >= 200 && m_httpStatus < 300; }
    //! GETs follow redirects (see ApiClient) unless this is turned off: a redirect then fails
    //! the job as an Http error with the 3xx status.
    void setFollowRedirects(bool follow) { m_followRedirects = follow; }
    ResponseKind responseKind() const { return m_kind; }
    void handleFinish(ApiError &error) override;

private:
    void startAttempt();
    void onMetaDataChanged();
    void onReadyRead();
    void onReplyFinished();
    void onReplyDestroyed();
    void onDeadline();
    bool followRedirect();
    void releaseReply(bool abort);
    void logFinish(const ApiError &error) const;
    bool isIdempotent() const;
    QLatin1StringView methodName() const;

    QPointer<QNetworkAccessManager> m_nam;
    QNetworkRequest m_request;
    QUrl m_origin; // where the job started: the only origin its Authorization goes to
    QByteArray m_requestBody;
    Method m_method;
    ResponseKind m_kind;
    ApiError::Context m_context;
    QString m_path;
    RetryPolicy m_retryPolicy;
    std::chrono::milliseconds m_deadline{0};
    std::chrono::milliseconds m_transferTimeout{0};
    qint64 m_maxBodySize = 32 * 1024 * 1024;

    ApiError m_presetError;
    QNetworkReply *m_reply = nullptr;
    QTimer m_retryTimer;
    QTimer m_deadlineTimer;
    QElapsedTimer m_clock;        // since the first attempt
    QElapsedTimer m_attemptClock; // since the current attempt
    QElapsedTimer m_lastActivity; // since the last byte or header
    std::chrono::milliseconds m_finalElapsed{-1};
    std::optional<std::chrono::milliseconds> m_firstByte;
    int m_attempts = 0;
    int m_redirects = 0;
    int m_httpStatus = 0;
    bool m_responseStarted = false;
    bool m_eventDelivered = false;
    bool m_followRedirects = true;
    RawHeaders m_responseHeaders;
    QByteArray m_body;
    QJsonDocument m_json;
};

} // namespace Tramontane
