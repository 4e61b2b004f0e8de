// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/Connector.h"
#include "core/protocol/McpTool.h"
#include "core/services/McpClient.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <chrono>
#include <functional>

class QNetworkAccessManager;

namespace Tramontane {

//! What one connection test found out, as data: McpReportPresenter (models) has the words.
struct McpConnectionReport {
    enum class Outcome {
        Reachable,  //!< the server answered initialize and tools/list as an MCP server
        Failed,     //!< see `error`
        RefusedUrl, //!< the URL was not tried (see ConnectorPolicy); `refusal` says why
        Canceled,
    };

    Outcome outcome = Outcome::Failed;
    QUrl url;
    //! Name, version and the negotiated protocol version (Reachable).
    McpServerInfo server;
    QList<McpTool> tools;
    //! Wall time of initialize, notifications/initialized and tools/list together.
    qint64 latencyMs = 0;
    //! The server gave an Mcp-Session-Id, and later requests carried it.
    bool sessionKept = false;
    //! What went wrong (Failed): an ApiError of context McpServer.
    ApiError error;
    QString refusal;    //!< why the URL was not tried (RefusedUrl)
    QString urlWarning; //!< e.g. the warning about plain http on loopback
    //! Headers that were not sent because their value is not known here (stored secrets).
    QStringList headersWithoutValue;

    bool isReachable() const { return outcome == Outcome::Reachable; }
};

//! Tests a connector's MCP server from this computer, before or after the connector is saved:
//! it speaks MCP streamable HTTP to the server URL itself (McpClient: initialize,
//! notifications/initialized, tools/list, with the configured headers; JSON or SSE answers)
//! and reports what it found. Each test uses a fresh session, closed at the end.
//!
//! The server URL must pass checkServerUrl() (https, or http on loopback): header values are
//! credentials and are never sent in clear over the network.
class McpConnectionTest final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(McpConnectionTest)

public:
    static constexpr std::chrono::milliseconds DefaultTimeout{15000};

    //! Makes a test owned by \a parent. The UI is given one of these rather than a network
    //! manager, so it never builds the test (or its requests) itself.
    using Factory = std::function<McpConnectionTest *(QObject *parent)>;
    //! A factory of tests that send through \a nam (not owned; it must outlive the tests).
    static Factory factoryFor(QNetworkAccessManager *nam);

    //! \a nam is not owned and must outlive the test.
    explicit McpConnectionTest(QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~McpConnectionTest() override;

    //! The idle timeout of each request (default 15 s).
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    std::chrono::milliseconds timeout() const { return m_timeout; }

    //! Starts a test, canceling one in progress. Headers without a name are skipped; headers
    //! without a value are skipped and listed in the report (a stored secret not known here).
    void start(const QString &serverUrl, const QList<ConnectorHeader> &headers);
    void cancel();
    bool isRunning() const { return !m_client.isNull(); }
    //! The report of the last finished test.
    McpConnectionReport report() const { return m_report; }

Q_SIGNALS:
    void started();
    void finished(const Tramontane::McpConnectionReport &report);

private:
    void finish(McpConnectionReport report);

    QNetworkAccessManager *m_nam;
    std::chrono::milliseconds m_timeout = DefaultTimeout;
    QPointer<McpClient> m_client;
    McpConnectionReport m_pending;
    McpConnectionReport m_report;
    quint64 m_generation = 0;
};

} // namespace Tramontane
