// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/ApiError.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <optional>

namespace Tramontane {

class AgentListModel;
class ApiJob;
class ModelService;

//! Keeps the lists behind the model/agent picker loading until they arrive, so that a failed
//! start (a 500, a network hiccup) heals by itself while the window is open.
//!
//! load() asks for the models (GET /v1/models) and the first page of agents. Each request
//! already retries quickly inside its job (RetryPolicy); when it still fails with an error that
//! may pass (network, timeout, 429, 5xx), the list is asked for again after a longer backoff:
//! firstDelay(), doubling up to maxDelay(), with +/-25 % jitter, at least the server's
//! Retry-After, and at most maxRetries() times, after which it waits for load() (Retry). An
//! error that will not pass by waiting (401, 403, 404, a malformed answer) is not repeated: it
//! waits for load(), which the app calls after a settings change (key, address) and Retry.
//!
//! Any successful models list, also one asked for elsewhere (the Agents page), ends the wait:
//! the loader watches ModelService::listed(), where the app fills the picker.
//!
//! Without a network (the server's name does not resolve, the host is unreachable or refuses,
//! a timeout) the loader never gives up: past maxRetries() it keeps asking every maxDelay(), and
//! networkReachable() (the system saying the network is back) asks at once.
class ChatTargetLoader final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatTargetLoader)

public:
    enum class State {
        Idle,               //!< load() was not called yet
        Loading,            //!< the models are being asked for
        Loaded,             //!< a models list arrived
        RetryScheduled,     //!< failed; asked again after retryDelay()
        WaitingForSettings, //!< failed in a way waiting does not fix: waits for load()
        GaveUp,             //!< failed maxRetries() times in a row: waits for load()
    };
    Q_ENUM(State)

    static constexpr std::chrono::milliseconds kFirstDelay{2000};
    static constexpr std::chrono::milliseconds kMaxDelay{60000};
    static constexpr int kMaxRetries = 10;

    ChatTargetLoader(ModelService *models, AgentListModel *agents, QObject *parent = nullptr);
    ~ChatTargetLoader() override;

    //! Asks for both lists now and forgets any earlier backoff (start-up, a settings change,
    //! Retry). A models request still running is replaced.
    void load();

    State state() const { return m_state; }
    //! Why the models are missing (a None error unless a load failed since the last success).
    ApiError error() const { return m_error; }
    //! The wait before the scheduled retry (State::RetryScheduled).
    std::chrono::milliseconds retryDelay() const { return m_retryDelay; }
    //! Automatic retries of the models list since the last load() or success.
    int retries() const { return m_modelRetries; }

    std::chrono::milliseconds firstDelay() const { return m_firstDelay; }
    std::chrono::milliseconds maxDelay() const { return m_maxDelay; }
    int maxRetries() const { return m_maxRetries; }
    void setBackoff(std::chrono::milliseconds first, std::chrono::milliseconds max, int maxRetries);

    //! The network came back: a list that failed for want of it is asked for now.
    void networkReachable();
    //! Whether \a error says the server cannot be reached at all (no network, a name that
    //! does not resolve, a refused or timed-out connection), as opposed to an answer.
    static bool isUnreachable(const ApiError &error);

Q_SIGNALS:
    void stateChanged(Tramontane::ChatTargetLoader::State state);

private:
    void loadModels();
    void onModelsListed();
    void onModelsFailed(const ApiError &error);
    void onAgentsFailed(const ApiError &error);
    //! The wait before retry number \a retry (from 0) after \a error, or nullopt for none.
    std::optional<std::chrono::milliseconds> nextDelay(const ApiError &error, int retry) const;
    void setState(State state);

    ModelService *m_models;
    QPointer<AgentListModel> m_agents;
    QPointer<ApiJob> m_job;
    QTimer m_modelTimer;
    QTimer m_agentTimer;
    State m_state = State::Idle;
    ApiError m_error;
    std::chrono::milliseconds m_retryDelay{0};
    int m_modelRetries = 0;
    int m_agentRetries = 0;
    std::chrono::milliseconds m_firstDelay = kFirstDelay;
    std::chrono::milliseconds m_maxDelay = kMaxDelay;
    int m_maxRetries = kMaxRetries;
};

} // namespace Tramontane
