// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/ApiError.h"
#include "core/protocol/Connector.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

class QTimer;

namespace Tramontane {

class ApiJob;
class ConnectorAuthService;
class ConnectorService;
class LoopbackReturnListener;

//! Connects a connector the platform's way, when Mistral holds its OAuth client and the
//! user's tokens: a one-shot loopback listener (LoopbackReturnListener) gives the
//! `app_return_url`; `GET …/auth_url` gives the address of the sign-in, which is handed to
//! browserRequested() only when it is https (or http on loopback); the browser comes back to
//! the listener (within the TTL the API gave, or 5 minutes); then the connector is read again
//! and its `is_authenticated` / `connection_credentials` say whether it is connected.
//!
//! One connection per object: start() once; finished() fires exactly once, later, or from
//! within cancel() as Canceled.
class PlatformConnect final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlatformConnect)

public:
    enum class Stage { Idle, AskingForAddress, WaitingForBrowser, Checking };
    Q_ENUM(Stage)

    enum class Outcome {
        Connected,
        NotConnected,  //!< the browser came back, but the connector is still not connected
        UnsafeUrl,     //!< the auth URL is neither https nor http on loopback: not opened
        RequestFailed, //!< the API refused or did not answer (error says why)
        ListenFailed,  //!< no loopback port for the return
        TimedOut,      //!< the browser did not come back in time
        Canceled,
    };
    Q_ENUM(Outcome)

    struct Result {
        Outcome outcome = Outcome::Canceled;
        ApiError error;      //!< for RequestFailed
        QString detail;      //!< technical, English (the refused URL, the return's `error`, …)
        Connector connector; //!< as read after the return (Connected, NotConnected)
    };

    //! The wait when the API gives no TTL.
    static constexpr int DefaultTimeoutMs = 5 * 60 * 1000;

    //! Nothing is owned; both services must outlive this object.
    PlatformConnect(ConnectorAuthService *auth, ConnectorService *connectors,
                    QObject *parent = nullptr);
    ~PlatformConnect() override;

    //! Connects \a connectorId (its default credentials, or \a credentialsName).
    void start(const QString &connectorId, const QString &credentialsName = {});
    void cancel();

    Stage stage() const { return m_stage; }
    bool isRunning() const { return m_running; }
    //! The app_return_url, once listening.
    QUrl returnUrl() const;
    //! How long the browser is waited for (the TTL, or DefaultTimeoutMs).
    int timeoutMs() const { return m_timeoutMs; }

    //! True when \a connector reads as connected: `is_authenticated`, or a usable OAuth
    //! credential in `connection_credentials`.
    static bool isConnected(const Connector &connector);

Q_SIGNALS:
    void stageChanged(Tramontane::PlatformConnect::Stage stage);
    //! Open the system browser on \a url (already checked: https, or http on loopback).
    void browserRequested(const QUrl &url);
    void finished(const Tramontane::PlatformConnect::Result &result);

private:
    void onReturned(const QString &error);
    void setStage(Stage stage);
    void finish(Result result);

    QPointer<ConnectorAuthService> m_auth;
    QPointer<ConnectorService> m_connectors;
    LoopbackReturnListener *m_listener;
    QTimer *m_timer;
    QPointer<ApiJob> m_job;
    QString m_connectorId;
    Stage m_stage = Stage::Idle;
    int m_timeoutMs = DefaultTimeoutMs;
    bool m_running = false;
    bool m_started = false;
};

} // namespace Tramontane

Q_DECLARE_METATYPE(Tramontane::PlatformConnect::Result)
