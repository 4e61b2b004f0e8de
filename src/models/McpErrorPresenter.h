// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace Tramontane {

class ApiError;

//! The words for errors of requests the app sends straight to a connector's MCP server
//! (ApiError::Context::McpServer: McpClient, the connection test): what to fix there is the server
//! URL, the headers or the server, never the Mistral API key. ErrorPresenter asks this first for
//! such errors, so ErrorPresenter::sentence() stays the one sentence shown everywhere.
class McpErrorPresenter final {
    Q_DECLARE_TR_FUNCTIONS(McpConnectionReport)

public:
    McpErrorPresenter() = delete;

    //! A short name for the failure ("Host not found (DNS)", "Unauthorized (HTTP 401)", …),
    //! for a headline.
    static QString name(const ApiError &error);
    //! One sentence saying what happened; empty when the general words fit (e.g. Canceled).
    static QString title(const ApiError &error);
    //! What the user can do about it; empty when the general words fit.
    static QString hint(const ApiError &error);
};

} // namespace Tramontane
