// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "HttpServer.h"

#include "core/services/McpClient.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QStringList>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace Tramontane::Emulator {

//! A connector as a request uses it: where its MCP server is and what to send it.
struct ConnectorTarget {
    int toolIndex = -1; //!< position in the request's `tools`, or -1 outside a chat request
    QString id;
    QString name;
    QString server;
    HeaderList headers; //!< stored header values, plus the tool's authorization as a Bearer
    QStringList include;
    QStringList exclude;

    //! Whether tool_configuration lets the model use this tool.
    bool allows(const QString &tool) const;
};

//! Talks MCP to the servers of one or more connectors, one after the other: lists their tools
//! and, when asked, calls the first tool of that name. The callback runs once (not at all if
//! the context object dies first).
class ConnectorTask final : public QObject {
public:
    struct Result {
        ApiError error;              //!< kind None on success
        int failedTarget = -1;       //!< index of the target that failed
        QList<QList<McpTool>> tools; //!< per target, as far as listed
        int calledTarget = -1;       //!< the target whose tool was called, or -1
        McpCallResult call;
        qint64 latencyMs = 0;
    };
    using Callback = std::function<void(const Result &)>;

    struct Call {
        QString tool;
        QJsonObject arguments;
    };

    static void start(QObject *context, QNetworkAccessManager *nam, QList<ConnectorTarget> targets,
                      int timeoutMs, std::optional<Call> call, Callback done);

private:
    ConnectorTask(QObject *context, QNetworkAccessManager *nam, QList<ConnectorTarget> targets,
                  int timeoutMs, std::optional<Call> call, Callback done);
    McpClient *clientFor(const ConnectorTarget &target);
    void listNext();
    void finish();

    QNetworkAccessManager *m_nam;
    QList<ConnectorTarget> m_targets;
    int m_timeoutMs;
    std::optional<Call> m_call;
    Callback m_done;
    Result m_result;
    int m_index = 0;
    QElapsedTimer m_clock;
};

} // namespace Tramontane::Emulator
