// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chat/ErrorDetails.h"

#include "core/net/ApiError.h"

#include <QStringList>

#include <limits>

using namespace Qt::StringLiterals;

namespace Tramontane {

QString ErrorDetails::technicalHeading() {
    return tr("Technical details (for a bug report):");
}

QString ErrorDetails::whatHappened(const ApiError &error) {
    switch (error.kind()) {
    case ApiError::Kind::StreamInterrupted:
        return tr("The connection ended before the server marked the answer as complete.");
    case ApiError::Kind::Timeout:
        return tr("Nothing arrived from the server for too long, so the request was given up.");
    case ApiError::Kind::InvalidResponse:
        return tr("The server sent data that does not have the expected form.");
    case ApiError::Kind::TooLarge:
        return tr("The server sent more data than the limit of %n byte(s).", nullptr,
                  int(qMin<qint64>(error.sizeLimit(), std::numeric_limits<int>::max())));
    case ApiError::Kind::NotAStream:
        return error.contentType().isEmpty()
                   ? tr("The server answered, but not with an event stream.")
                   : tr("The server answered with content of type %1, not with an event stream.")
                         .arg(error.contentType());
    case ApiError::Kind::StreamError:
        return tr("The server reported an error in the middle of its answer.");
    case ApiError::Kind::Network:
        return tr("The connection to the server failed.");
    case ApiError::Kind::Http:
        return tr("The server answered with an error status.");
    case ApiError::Kind::InvalidRequest:
        return tr("The request was not sent.");
    case ApiError::Kind::JsonRpcError:
        return tr("The MCP server reported an error.");
    case ApiError::Kind::NotMcp:
    case ApiError::Kind::ProtocolError:
        return tr("The MCP server answered, but not as the protocol expects.");
    case ApiError::Kind::None:
    case ApiError::Kind::Canceled:
        break;
    }
    return {};
}

QString ErrorDetails::text(const ApiError &error, const QString &requestId) {
    QStringList lines;
    const QString what = whatHappened(error);
    if (!what.isEmpty())
        lines << what;
    if (error.httpStatus() > 0)
        lines << tr("HTTP status: %1").arg(error.httpStatus());
    if (error.attempts() > 1) {
        const int attempts = error.attempts();
        lines << tr("The request was sent %n time(s).", nullptr, attempts);
    }
    if (!requestId.isEmpty())
        lines << tr("Request ID: %1").arg(requestId);
    if (!error.serverMessage().isEmpty())
        lines << tr("Server message: %1").arg(error.serverMessage());

    // Raw text from the client itself stays apart, for whoever reads a bug report.
    QStringList technical;
    if (error.isError())
        technical << ApiError::kindName(error.kind()).toString();
    if (!error.detail().isEmpty())
        technical << error.detail();
    if (!technical.isEmpty())
        lines << QString() << technicalHeading() << technical.join(u": "_s);
    return lines.join(u'\n');
}

} // namespace Tramontane
