// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/Model.h"
#include "core/services/ServiceResult.h"

#include <QObject>
#include <QPointer>

namespace Tramontane {

class ApiClient;
class ApiJob;

//! The models API: `GET /v1/models`, the account's models with their capabilities. Use
//! ModelList::chatModels() for a picker. Errors carry ApiError::Context::Model.
class ModelService final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ModelService)

public:
    explicit ModelService(ApiClient *client, QObject *parent = nullptr);
    ~ModelService() override;

    //! Lists the models; every successful list is also announced with listed().
    QPointer<ApiJob> list(QObject *context, ServiceCallback<ModelList> callback);

Q_SIGNALS:
    //! A models list arrived, whoever asked for it (before that caller's callback runs).
    void listed(const Tramontane::ModelList &models);

private:
    ApiClient *m_client;
};

} // namespace Tramontane
