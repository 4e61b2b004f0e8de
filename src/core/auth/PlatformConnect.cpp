// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/auth/PlatformConnect.h"

#include "core/Logging.h"
#include "core/auth/LoopbackReturnListener.h"
#include "core/auth/OAuthMetadata.h"
#include "core/net/ApiJob.h"
#include "core/protocol/ConnectorCredentials.h"
#include "core/services/ConnectorAuthService.h"
#include "core/services/ConnectorService.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace Tramontane {

PlatformConnect::PlatformConnect(ConnectorAuthService *auth, ConnectorService *connectors,
                                 QObject *parent)
    : QObject(parent)
    , m_auth(auth)
    , m_connectors(connectors)
    , m_listener(new LoopbackReturnListener(this))
    , m_timer(new QTimer(this)) {
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        Result result;
        result.outcome = Outcome::TimedOut;
        result.detail = u"the browser did not come back within %1 s"_s.arg(m_timeoutMs / 1000);
        finish(result);
    });
    m_listener->setPageText(
        tr("Tramontane received the answer of the sign-in. You can close this tab and go back "
           "to Tramontane."));
    connect(m_listener, &LoopbackReturnListener::returned, this, [this](const QUrlQuery &query) {
        onReturned(query.queryItemValue(u"error"_s, QUrl::FullyDecoded));
    });
}

PlatformConnect::~PlatformConnect() {
    if (m_job)
        m_job->cancel();
}

QUrl PlatformConnect::returnUrl() const {
    return m_listener->url();
}

bool PlatformConnect::isConnected(const Connector &connector) {
    if (connector.isAuthenticated.value_or(false))
        return true;
    if (!connector.connectionCredentials)
        return false;
    const QList<ConnectorCredential> credentials =
        ConnectorCredential::listFromJson(*connector.connectionCredentials);
    return std::any_of(credentials.cbegin(), credentials.cend(), [](const ConnectorCredential &c) {
        return c.authenticationType == "oauth2"_L1 && c.isUsable();
    });
}

void PlatformConnect::start(const QString &connectorId, const QString &credentialsName) {
    if (m_started)
        return;
    m_started = true;
    m_running = true;
    m_connectorId = connectorId;
    auto failLater = [this](Result result) {
        QMetaObject::invokeMethod(
            this, [this, result] { finish(result); }, Qt::QueuedConnection);
    };
    if (!m_auth || !m_connectors) {
        Result result;
        result.outcome = Outcome::RequestFailed;
        result.error = ApiError::invalidRequest(u"no API client"_s, ApiError::Context::Connector);
        failLater(result);
        return;
    }
    if (!m_listener->listen()) {
        Result result;
        result.outcome = Outcome::ListenFailed;
        result.detail = u"could not listen on 127.0.0.1"_s;
        failLater(result);
        return;
    }
    setStage(Stage::AskingForAddress);
    m_job = m_auth->authUrl(
        connectorId, m_listener->url(), credentialsName, this,
        [this](const ServiceResult<ConnectorAuthUrl> &reply) {
            m_job = nullptr;
            if (!m_running)
                return;
            if (!reply.ok()) {
                Result result;
                result.outcome =
                    reply.error.isCanceled() ? Outcome::Canceled : Outcome::RequestFailed;
                result.error = reply.error;
                finish(result);
                return;
            }
            const QUrl url = reply.value->authUrl;
            // A server-supplied address: only https (or http on this machine) is ever opened.
            if (!isAllowedOAuthUrl(url)) {
                Result result;
                result.outcome = Outcome::UnsafeUrl;
                result.detail = u"refusing to open the sign-in address: %1"_s.arg(
                    url.toDisplayString().left(200));
                finish(result);
                return;
            }
            m_timeoutMs = reply.value->ttl > 0 ? reply.value->ttl * 1000 : DefaultTimeoutMs;
            m_timer->start(m_timeoutMs);
            setStage(Stage::WaitingForBrowser);
            qCInfo(lcAuth).noquote() << "platform sign-in of" << m_connectorId << "waits"
                                     << m_timeoutMs / 1000 << "s for the browser";
            Q_EMIT browserRequested(url);
        });
}

void PlatformConnect::onReturned(const QString &error) {
    if (!m_running || m_stage != Stage::WaitingForBrowser)
        return;
    m_timer->stop();
    setStage(Stage::Checking);
    m_job = m_connectors->get(
        m_connectorId, this, [this, error](const ServiceResult<Connector> &reply) {
            m_job = nullptr;
            if (!m_running)
                return;
            Result result;
            if (!reply.ok()) {
                result.outcome = Outcome::RequestFailed;
                result.error = reply.error;
                finish(result);
                return;
            }
            result.connector = *reply.value;
            result.outcome =
                isConnected(result.connector) ? Outcome::Connected : Outcome::NotConnected;
            if (result.outcome == Outcome::NotConnected)
                result.detail =
                    error.isEmpty() ? u"the connector is not authenticated"_s : error.left(200);
            finish(result);
        });
}

void PlatformConnect::cancel() {
    if (!m_running)
        return;
    if (m_job)
        m_job->cancel();
    finish(Result{});
}

void PlatformConnect::setStage(Stage stage) {
    if (m_stage == stage)
        return;
    m_stage = stage;
    Q_EMIT stageChanged(stage);
}

void PlatformConnect::finish(Result result) {
    if (!m_running)
        return;
    m_running = false;
    m_timer->stop();
    m_listener->close();
    setStage(Stage::Idle);
    qCInfo(lcAuth).noquote() << "platform sign-in of" << m_connectorId
                             << "ended:" << QVariant::fromValue(result.outcome).toString()
                             << result.detail;
    Q_EMIT finished(result);
}

} // namespace Tramontane
