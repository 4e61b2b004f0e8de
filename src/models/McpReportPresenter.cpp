// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/McpReportPresenter.h"

#include "core/auth/ScopeChallenge.h"
#include "core/services/McpConnectionTest.h"
#include "models/ErrorPresenter.h"
#include "models/McpErrorPresenter.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace Tramontane {

QString McpReportPresenter::headline(const McpConnectionReport &report) {
    using Outcome = McpConnectionReport::Outcome;
    switch (report.outcome) {
    case Outcome::Reachable: {
        const McpServerInfo &server = report.server;
        QString who = server.title.isEmpty() ? server.name : server.title;
        if (who.isEmpty())
            who = tr("MCP server");
        if (!server.version.isEmpty())
            who += u' ' + server.version;
        return tr("Reachable: %1 · MCP %2 · %n tool(s) · %3 ms", nullptr, int(report.tools.size()))
            .arg(who, server.protocolVersion)
            .arg(report.latencyMs);
    }
    case Outcome::Failed:
        return tr("Not reachable: %1").arg(McpErrorPresenter::name(report.error));
    case Outcome::RefusedUrl:
        return tr("Not tried: %1").arg(report.refusal);
    case Outcome::Canceled:
        return tr("Test canceled.");
    }
    return {};
}

QString McpReportPresenter::details(const McpConnectionReport &report,
                                    const QString &grantedScope) {
    using Outcome = McpConnectionReport::Outcome;
    QStringList lines;
    if (report.outcome == Outcome::Failed) {
        // A scope the sign-in lacks: named, with what to do (Sign In asks for it too).
        if (const QString scope = insufficientScope(report.error); !scope.isEmpty())
            lines.append(tr("The server needs the permission “%1”, which the sign-in did not "
                            "grant: sign in again to grant it.")
                             .arg(missingScope(scope, grantedScope)));
        else
            lines.append(ErrorPresenter::sentence(report.error));
        if (!report.error.detail().isEmpty())
            lines.append(tr("Details: %1").arg(report.error.detail()));
    } else if (report.outcome == Outcome::Reachable) {
        QStringList names;
        for (const McpTool &tool : report.tools)
            names.append(tool.name);
        if (!names.isEmpty())
            lines.append(tr("Tools: %1").arg(names.join(", "_L1)));
        lines.append(report.sessionKept ? tr("Session: kept (Mcp-Session-Id).")
                                        : tr("Session: none (a stateless server)."));
    }
    if (!report.headersWithoutValue.isEmpty()) {
        lines.append(tr("Not sent, because their secret value is not stored on this computer: "
                        "%1.")
                         .arg(report.headersWithoutValue.join(", "_L1)));
    }
    if (!report.urlWarning.isEmpty())
        lines.append(report.urlWarning);
    return lines.join(u'\n');
}

} // namespace Tramontane
