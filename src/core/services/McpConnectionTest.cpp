// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/McpConnectionTest.h"

#include "core/Logging.h"
#include "core/net/Redactor.h"
#include "core/services/ConnectorPolicy.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

QLatin1StringView outcomeName(McpConnectionReport::Outcome outcome) {
    switch (outcome) {
    case McpConnectionReport::Outcome::Reachable:
        return "reachable"_L1;
    case McpConnectionReport::Outcome::Failed:
        return "failed"_L1;
    case McpConnectionReport::Outcome::RefusedUrl:
        return "refused URL"_L1;
    case McpConnectionReport::Outcome::Canceled:
        return "canceled"_L1;
    }
    return "?"_L1;
}

} // namespace

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
    connect(job, &McpJob::finished, this, [this, generation, client, job, report]() mutable {
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
            report.outcome = job->error().isCanceled() ? McpConnectionReport::Outcome::Canceled
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
                            << outcomeName(m_report.outcome)
                            << (m_report.error.isError() ? m_report.error.toLogString()
                                                         : QString());
    Q_EMIT finished(m_report);
}

} // namespace Tramontane
