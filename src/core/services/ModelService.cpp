// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/ModelService.h"

#include "core/Logging.h"
#include "core/net/ApiClient.h"
#include "core/net/ApiJob.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Tramontane {

ModelService::ModelService(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client) {}

ModelService::~ModelService() = default;

QPointer<ApiJob> ModelService::list(QObject *context, ServiceCallback<ModelList> callback) {
    ApiJob *job = m_client->get(u"/v1/models"_s, {}, ApiError::Context::Model);
    connect(job, &ApiJob::finished, context,
            [self = QPointer<ModelService>(this), job, callback = std::move(callback)] {
                if (job->status() != ApiJob::Status::Succeeded) {
                    callback(ServiceResult<ModelList>::failure(job->error()));
                    return;
                }
                const QJsonDocument doc = job->json();
                if (!doc.isObject() || !doc.object().value("data"_L1).isArray()) {
                    ApiError error = ApiError::invalidResponse(
                        QCoreApplication::translate("ModelService",
                                                    "The list of models has an unexpected shape."),
                        ApiError::Context::Model);
                    error.setRequestId(job->requestId());
                    error.setHttpStatus(job->httpStatus());
                    qCWarning(lcNet) << error.toLogString();
                    callback(ServiceResult<ModelList>::failure(error));
                    return;
                }
                const ModelList models = ModelList::fromJson(doc.object());
                if (self)
                    Q_EMIT self->listed(models);
                callback(ServiceResult<ModelList>::success(models, job->requestId()));
            });
    return job;
}

} // namespace Tramontane
