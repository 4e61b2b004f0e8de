// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/ChatTargetLoader.h"

#include "core/Logging.h"
#include "core/net/ApiJob.h"
#include "core/net/RetryPolicy.h"
#include "core/services/ModelService.h"
#include "models/AgentListModel.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

using namespace std::chrono_literals;

namespace Tramontane {

ChatTargetLoader::ChatTargetLoader(ModelService *models, AgentListModel *agents, QObject *parent)
    : QObject(parent)
    , m_models(models)
    , m_agents(agents) {
    m_modelTimer.setSingleShot(true);
    m_agentTimer.setSingleShot(true);
    connect(&m_modelTimer, &QTimer::timeout, this, &ChatTargetLoader::loadModels);
    connect(&m_agentTimer, &QTimer::timeout, this, [this] {
        if (m_agents && !m_agents->hasLoaded() && !m_agents->isLoading())
            m_agents->refresh();
    });
    connect(m_models, &ModelService::listed, this, &ChatTargetLoader::onModelsListed);
    if (m_agents) {
        connect(m_agents, &AgentListModel::loadFailed, this, &ChatTargetLoader::onAgentsFailed);
        connect(m_agents, &AgentListModel::pageLoaded, this, [this] {
            m_agentRetries = 0;
            m_agentTimer.stop();
        });
    }
}

ChatTargetLoader::~ChatTargetLoader() {
    if (m_job)
        m_job->cancel();
}

void ChatTargetLoader::setBackoff(std::chrono::milliseconds first, std::chrono::milliseconds max,
                                  int maxRetries) {
    m_firstDelay = std::max(first, 1ms);
    m_maxDelay = std::max(max, m_firstDelay);
    m_maxRetries = std::max(0, maxRetries);
}

void ChatTargetLoader::load() {
    m_modelRetries = 0;
    m_agentRetries = 0;
    m_modelTimer.stop();
    m_agentTimer.stop();
    loadModels();
    if (m_agents)
        m_agents->refresh();
}

void ChatTargetLoader::loadModels() {
    if (m_job)
        m_job->cancel(); // its answer is superseded (a canceled list reports nothing)
    setState(State::Loading);
    m_job = m_models->list(this, [this](const ServiceResult<ModelList> &r) {
        // A success reaches onModelsListed() through ModelService::listed().
        if (!r.ok() && !r.error.isCanceled())
            onModelsFailed(r.error);
    });
}

bool ChatTargetLoader::isUnreachable(const ApiError &error) {
    if (error.kind() == ApiError::Kind::Timeout)
        return true;
    if (error.kind() != ApiError::Kind::Network)
        return false;
    switch (error.networkError()) {
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
        return true;
    default:
        return false; // TLS, proxy, protocol: waiting for the network does not fix those
    }
}

void ChatTargetLoader::networkReachable() {
    const bool waiting = m_state == State::RetryScheduled || m_state == State::GaveUp;
    if (waiting && isUnreachable(m_error)) {
        qCInfo(lcNet) << "the network is back: asking for the models again";
        load();
    }
}

void ChatTargetLoader::onModelsListed() {
    m_modelTimer.stop();
    m_modelRetries = 0;
    m_error = {};
    setState(State::Loaded);
}

std::optional<std::chrono::milliseconds> ChatTargetLoader::nextDelay(const ApiError &error,
                                                                     int retry) const {
    if (!error.isRetryable() || (retry >= m_maxRetries && !isUnreachable(error)))
        return std::nullopt;
    const double base = std::min(static_cast<double>(m_firstDelay.count())
                                     * std::pow(2.0, std::clamp(retry, 0, 30)),
                                 static_cast<double>(m_maxDelay.count()));
    const double jitter =
        1.0 + RetryPolicy::kJitter * (2.0 * QRandomGenerator::global()->generateDouble() - 1.0);
    auto delay = std::chrono::milliseconds(std::llround(base * jitter));
    if (const auto retryAfter = error.retryAfter())
        delay = std::max(delay, std::min(*retryAfter, RetryPolicy::kMaxRetryAfter));
    return delay;
}

void ChatTargetLoader::onModelsFailed(const ApiError &error) {
    if (m_state == State::Loaded)
        return; // a list asked for elsewhere arrived meanwhile
    m_error = error;
    const auto delay = nextDelay(error, m_modelRetries);
    if (!delay) {
        qCInfo(lcNet).noquote() << "the models list is not retried:" << error.toLogString();
        setState(error.isRetryable() ? State::GaveUp : State::WaitingForSettings);
        return;
    }
    ++m_modelRetries;
    m_retryDelay = *delay;
    qCInfo(lcNet).noquote() << "the models list failed; asking again in" << delay->count()
                            << "ms:" << error.toLogString();
    m_modelTimer.start(*delay);
    setState(State::RetryScheduled);
}

void ChatTargetLoader::onAgentsFailed(const ApiError &error) {
    // Only the first page matters to the picker; a later page has its own way to load again.
    if (!m_agents || m_agents->hasLoaded())
        return;
    const auto delay = nextDelay(error, m_agentRetries);
    if (!delay)
        return; // waits for load()
    ++m_agentRetries;
    m_agentTimer.start(*delay);
}

void ChatTargetLoader::setState(State state) {
    // A repeated state is announced again: the error or the delay may have changed.
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace Tramontane
