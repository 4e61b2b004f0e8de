// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/McpConnectionTest.h"

#include "core/Logging.h"
#include "core/net/Redactor.h"
#include "core/services/ConnectorPolicy.h"

#include <QCoreApplication>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Tramontane {

QString McpConnectionReport::kindTitle(McpErrorKind kind, int httpStatus) {
    switch (kind) {
    case McpErrorKind::None:
        return {};
    case McpErrorKind::HostNotFound:
        return QCoreApplication::translate("McpConnectionReport", "Host not found (DNS)");
    case McpErrorKind::ConnectionRefused:
        return QCoreApplication::translate("McpConnectionReport", "Connection refused");
    case McpErrorKind::Tls:
        return QCoreApplication::translate("McpConnectionReport", "TLS error");
    case McpErrorKind::Unauthorized:
        return QCoreApplication::translate("McpConnectionReport", "Unauthorized (HTTP 401)");
    case McpErrorKind::Forbidden:
        return QCoreApplication::translate("McpConnectionReport", "Forbidden (HTTP 403)");
    case McpErrorKind::NotFound:
        return QCoreApplication::translate("McpConnectionReport",
                                           "No MCP endpoint at this URL (HTTP %1)")
            .arg(httpStatus > 0 ? httpStatus : 404);
    case McpErrorKind::Timeout:
        return QCoreApplication::translate("McpConnectionReport", "Timed out");
    case McpErrorKind::NotMcp:
        return QCoreApplication::translate("McpConnectionReport", "Not an MCP server");
    case McpErrorKind::HttpError:
        return QCoreApplication::translate("McpConnectionReport", "HTTP error %1").arg(httpStatus);
    case McpErrorKind::JsonRpcError:
        return QCoreApplication::translate("McpConnectionReport", "The server reported an error");
    case McpErrorKind::ProtocolError:
        return QCoreApplication::translate("McpConnectionReport", "MCP protocol error");
    case McpErrorKind::NetworkError:
        return QCoreApplication::translate("McpConnectionReport", "Network error");
    case McpErrorKind::Canceled:
        return QCoreApplication::translate("McpConnectionReport", "Canceled");
    }
    return {};
}

QString McpConnectionReport::kindHint(McpErrorKind kind) {
    switch (kind) {
    case McpErrorKind::HostNotFound:
        return QCoreApplication::translate("McpConnectionReport",
                                           "Check the host name in the server URL.");
    case McpErrorKind::ConnectionRefused:
        return QCoreApplication::translate("McpConnectionReport",
                                           "Check that the server is running and the port in "
                                           "the URL is right.");
    case McpErrorKind::Tls:
        return QCoreApplication::translate("McpConnectionReport",
                                           "The server's certificate is not trusted or the "
                                           "secure connection failed; check the URL, or ask the "
                                           "server's owner.");
    case McpErrorKind::Unauthorized:
        return QCoreApplication::translate("McpConnectionReport",
                                           "The server wants credentials: add or correct the "
                                           "Authorization (or API key) header.");
    case McpErrorKind::Forbidden:
        return QCoreApplication::translate("McpConnectionReport",
                                           "The credentials were accepted but lack a permission "
                                           "or scope.");
    case McpErrorKind::NotFound:
        return QCoreApplication::translate("McpConnectionReport",
                                           "Check the path of the URL: MCP servers often serve "
                                           "it at /mcp.");
    case McpErrorKind::Timeout:
        return QCoreApplication::translate("McpConnectionReport",
                                           "The server did not answer in time; it may be down "
                                           "or overloaded.");
    case McpErrorKind::NotMcp:
        return QCoreApplication::translate("McpConnectionReport",
                                           "Something answers at this URL, but it does not speak "
                                           "MCP (streamable HTTP); check the path.");
    case McpErrorKind::HttpError:
    case McpErrorKind::JsonRpcError:
    case McpErrorKind::ProtocolError:
    case McpErrorKind::NetworkError:
        return QCoreApplication::translate("McpConnectionReport",
                                           "Try again later, or check the server's logs.");
    case McpErrorKind::None:
    case McpErrorKind::Canceled:
        return {};
    }
    return {};
}

QString McpConnectionReport::headline() const {
    switch (outcome) {
    case Outcome::Reachable: {
        QString who = server.title.isEmpty() ? server.name : server.title;
        if (who.isEmpty())
            who = QCoreApplication::translate("McpConnectionReport", "MCP server");
        if (!server.version.isEmpty())
            who += u' ' + server.version;
        return QCoreApplication::translate("McpConnectionReport",
                                           "Reachable: %1 · MCP %2 · %n tool(s) · %3 ms", nullptr,
                                           int(tools.size()))
            .arg(who, server.protocolVersion)
            .arg(latencyMs);
    }
    case Outcome::Failed:
        return QCoreApplication::translate("McpConnectionReport", "Not reachable: %1")
            .arg(kindTitle(error.kind, error.httpStatus));
    case Outcome::RefusedUrl:
        return QCoreApplication::translate("McpConnectionReport", "Not tried: %1").arg(refusal);
    case Outcome::Canceled:
        return QCoreApplication::translate("McpConnectionReport", "Test canceled.");
    }
    return {};
}

QString McpConnectionReport::details() const {
    QStringList lines;
    if (outcome == Outcome::Failed) {
        lines.append(error.message);
        const QString hint = kindHint(error.kind);
        if (!hint.isEmpty())
            lines.append(hint);
    } else if (outcome == Outcome::Reachable) {
        QStringList names;
        for (const McpTool &tool : tools)
            names.append(tool.name);
        if (!names.isEmpty())
            lines.append(QCoreApplication::translate("McpConnectionReport", "Tools: %1")
                             .arg(names.join(", "_L1)));
        lines.append(sessionKept ? QCoreApplication::translate("McpConnectionReport",
                                                               "Session: kept (Mcp-Session-Id).")
                                 : QCoreApplication::translate("McpConnectionReport",
                                                               "Session: none (a stateless "
                                                               "server)."));
    }
    if (!headersWithoutValue.isEmpty()) {
        lines.append(QCoreApplication::translate("McpConnectionReport",
                                                 "Not sent, because their secret value is not "
                                                 "stored on this computer: %1.")
                         .arg(headersWithoutValue.join(", "_L1)));
    }
    if (!urlWarning.isEmpty())
        lines.append(urlWarning);
    return lines.join(u'\n');
}

McpConnectionTest::Factory McpConnectionTest::factoryFor(QNetworkAccessManager *nam) {
    return [nam](QObject *parent) {
        return new McpConnectionTest(nam, parent);
    };
}

McpConnectionTest::McpConnectionTest(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam) {}

McpConnectionTest::~McpConnectionTest() {
    ++m_generation;
    delete m_client;
}

void McpConnectionTest::start(const QString &serverUrl, const QList<ConnectorHeader> &headers) {
    if (isRunning())
        cancel();
    const quint64 generation = ++m_generation;
    McpConnectionReport report;
    const ServerUrlCheck check = checkServerUrl(serverUrl);
    report.url = check.url;
    if (!check.isUsable()) {
        report.outcome = McpConnectionReport::Outcome::RefusedUrl;
        report.refusal = check.message;
        Q_EMIT started();
        // Finish from the event loop, like a test that ran.
        QTimer::singleShot(0, this, [this, generation, report] {
            if (generation == m_generation)
                finish(report);
        });
        return;
    }
    report.urlWarning = check.message;

    auto *client = new McpClient(m_nam, this);
    m_client = client;
    client->setEndpoint(check.url);
    client->setIdleTimeout(m_timeout);
    for (const ConnectorHeader &header : headers) {
        if (header.name.trimmed().isEmpty())
            continue;
        if (header.value.isEmpty()) {
            report.headersWithoutValue.append(header.name);
            continue;
        }
        if (header.secret)
            Redactor::addSecret(header.value);
        client->setHeader(header.name.trimmed().toLatin1(), header.value.toUtf8());
    }
    qCInfo(lcMcp).noquote() << "testing MCP server" << check.url.toDisplayString() << "with"
                            << headers.size() << "header(s)";
    McpJob *job = client->listTools();
    connect(job, &McpJob::finished, this, [this, generation, client, report](McpJob *job) mutable {
        if (generation != m_generation)
            return;
        report.latencyMs = job->latencyMs();
        report.server = client->serverInfo();
        report.sessionKept = !client->sessionId().isEmpty();
        if (job->succeeded()) {
            report.outcome = McpConnectionReport::Outcome::Reachable;
            report.tools = job->tools();
        } else {
            report.error = job->error();
            report.outcome = job->error().kind == McpErrorKind::Canceled
                                 ? McpConnectionReport::Outcome::Canceled
                                 : McpConnectionReport::Outcome::Failed;
        }
        client->closeSession();
        client->deleteLater();
        m_client = nullptr;
        finish(report);
    });
    m_pending = report;
    Q_EMIT started();
}

void McpConnectionTest::cancel() {
    if (!m_client)
        return;
    ++m_generation;
    McpClient *client = m_client;
    m_client = nullptr;
    delete client; // finishes its job as Canceled; the slot above ignores it
    McpConnectionReport report = m_pending;
    report.outcome = McpConnectionReport::Outcome::Canceled;
    finish(report);
}

void McpConnectionTest::finish(McpConnectionReport report) {
    m_report = std::move(report);
    qCInfo(lcMcp).noquote() << "MCP test of" << m_report.url.toDisplayString() << "->"
                            << m_report.headline();
    Q_EMIT finished(m_report);
}

} // namespace Tramontane
