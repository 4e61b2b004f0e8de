// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace Tramontane {

struct McpConnectionReport;

//! The words for the report of an MCP connection test (McpConnectionTest): core reports what
//! it found as data, and this turns it into the two lines the connector pages show.
class McpReportPresenter final {
    Q_DECLARE_TR_FUNCTIONS(McpConnectionReport)

public:
    McpReportPresenter() = delete;

    //! One line: "Reachable: <server> <version> · MCP <version> · N tools · 42 ms", or
    //! "Not reachable: <what went wrong, in short>".
    static QString headline(const McpConnectionReport &report);
    //! For a failure, ErrorPresenter::sentence() of the error (what happened and what to do)
    //! and its technical detail; the tool names and the session otherwise. A scope the server
    //! asked for is named, less what \a grantedScope (the sign-in's) already has.
    static QString details(const McpConnectionReport &report, const QString &grantedScope = {});
};

} // namespace Tramontane
