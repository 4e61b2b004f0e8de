// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConnectorTask.h"

#include <QNetworkAccessManager>

using namespace Qt::StringLiterals;

namespace Tramontane::Emulator {

bool ConnectorTarget::allows(const QString &tool) const {
    if (!include.isEmpty())
        return include.contains(tool);
    return !exclude.contains(tool);
}

void ConnectorTask::start(QObject *context, QNetworkAccessManager *nam,
                          QList<ConnectorTarget> targets, int timeoutMs, std::optional<Call> call,
                          Callback done) {
    auto *task = new ConnectorTask(context, nam, std::move(targets), timeoutMs, std::move(call),
                                   std::move(done));
    task->m_clock.start();
    task->listNext();
}

ConnectorTask::ConnectorTask(QObject *context, QNetworkAccessManager *nam,
                             QList<ConnectorTarget> targets, int timeoutMs,
                             std::optional<Call> call, Callback done)
    : QObject(context)
    , m_nam(nam)
    , m_targets(std::move(targets))
    , m_timeoutMs(timeoutMs)
    , m_call(std::move(call))
    , m_done(std::move(done)) {}

McpClient *ConnectorTask::clientFor(const ConnectorTarget &target) {
    auto *client = new McpClient(m_nam, this);
    client->setEndpoint(QUrl(target.server));
    client->setClientInfo(u"tramontane-emulator"_s, u"1.0"_s);
    client->setIdleTimeout(std::chrono::milliseconds(m_timeoutMs));
    for (const auto &[name, value] : target.headers)
        client->setHeader(name, value);
    return client;
}

void ConnectorTask::listNext() {
    if (m_index >= m_targets.size()) {
        finish();
        return;
    }
    const int index = m_index;
    McpClient *client = clientFor(m_targets.at(index));
    McpJob *job = client->listTools();
    connect(job, &McpJob::finished, this, [this, client, index, job] {
        if (!job->succeeded()) {
            m_result.error = job->error();
            m_result.failedTarget = index;
            finish();
            return;
        }
        m_result.tools.append(job->tools());
        if (m_call && m_targets.at(index).allows(m_call->tool)) {
            for (const McpTool &tool : job->tools()) {
                if (tool.name != m_call->tool)
                    continue;
                m_result.calledTarget = index;
                McpJob *call = client->callTool(m_call->tool, m_call->arguments);
                connect(call, &McpJob::finished, this, [this, client, index, call] {
                    if (!call->succeeded()) {
                        m_result.error = call->error();
                        m_result.failedTarget = index;
                    } else {
                        m_result.call = call->callResult();
                    }
                    client->closeSession();
                    finish();
                });
                return;
            }
        }
        client->closeSession();
        ++m_index;
        listNext();
    });
}

void ConnectorTask::finish() {
    m_result.latencyMs = m_clock.elapsed();
    Callback done = std::move(m_done);
    m_done = nullptr;
    // Let the clients' replies unwind before they go.
    deleteLater();
    if (done)
        done(m_result);
}

} // namespace Tramontane::Emulator
