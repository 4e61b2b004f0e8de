// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace Tramontane {

class ApiError;

//! What an error card shows behind "Details": translated sentences a person can read (what
//! happened, the HTTP status, how many times the request was sent, the request id, the
//! server's own message), then, under a heading of its own, the technical part kept for bug
//! reports (the error's kind and the client's raw detail, in English as the log has them).
class ErrorDetails final {
    Q_DECLARE_TR_FUNCTIONS(ErrorDetails)

public:
    static QString text(const ApiError &error, const QString &requestId);
    //! The heading that opens the technical part.
    static QString technicalHeading();
    //! One sentence on what happened, for the kinds whose title leaves it out.
    static QString whatHappened(const ApiError &error);
};

} // namespace Tramontane
