// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/ApiError.h"

#include <QObject>

namespace Tramontane {

//! The one lifecycle of every asynchronous request of the app: Pending, then exactly one of
//! Succeeded, Failed or Canceled. finished() fires exactly once in every case (also on cancel(),
//! and when the job is deleted while pending), then the job deletes itself: hold it in a
//! QPointer and read its results inside the slot. Errors are ApiErrors.
//!
//! ApiJob (one HTTP request) and McpJob (one MCP operation, made of such requests) are jobs.
//! A subclass ends itself with succeed(), fail() or cancel(), and releases what it holds in
//! handleFinish(); its destructor calls abandon() so that finished() still fires while the
//! object is whole.
class Job : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Job)

public:
    enum class Status { Pending, Succeeded, Failed, Canceled };
    Q_ENUM(Status)

    ~Job() override;

    Status status() const { return m_status; }
    bool isFinished() const { return m_status != Status::Pending; }
    bool succeeded() const { return m_status == Status::Succeeded; }
    //! The error when status() is Failed or Canceled; a None error otherwise.
    ApiError error() const { return m_error; }

public Q_SLOTS:
    //! Ends the job as Canceled (finished() fires before cancel() returns). Does nothing once
    //! the job finished.
    void cancel();

Q_SIGNALS:
    //! The job ended; status() says how. Fires exactly once.
    void finished();

protected:
    Job(ApiError::Context context, QObject *parent);

    ApiError::Context errorContext() const { return m_context; }

    void succeed();
    //! Ends the job as Failed.
    void fail(const ApiError &error);
    //! Ends a pending job as Canceled; for subclass destructors.
    void abandon();

    //! Called once, when the job ends and before finished() fires: stop timers, release
    //! replies, complete \a error (request id, attempts), log.
    virtual void handleFinish(ApiError &error) { Q_UNUSED(error) }

private:
    void finish(Status status, const ApiError &error);

    ApiError::Context m_context;
    Status m_status = Status::Pending;
    ApiError m_error;
    bool m_destroying = false;
};

} // namespace Tramontane
