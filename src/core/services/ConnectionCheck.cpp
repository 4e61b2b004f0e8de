// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/ConnectionCheck.h"

#include "core/net/ApiClient.h"
#include "core/services/ModelService.h"

namespace Tramontane {

ConnectionCheck::ConnectionCheck(ApiClient *live, QObject *parent)
    : QObject(parent)
    , m_live(live) {}

ConnectionCheck::~ConnectionCheck() = default;

void ConnectionCheck::check(const QUrl &baseUrl, const QString &key, QObject *context,
                            std::function<void(const Result &)> done) {
    // A client of the check's own, gone with the context.
    auto *client = new ApiClient(m_live->networkAccessManager(), context);
    QString problem;
    if (!client->setBaseUrl(baseUrl, &problem)) {
        delete client;
        done({problem, {}});
        return;
    }
    // Without a key typed, the key in use is what is checked (the live client).
    if (!key.isEmpty())
        client->setApiKey(key);
    auto *models = new ModelService(key.isEmpty() ? m_live : client, context);
    models->list(context, [done = std::move(done)](const ServiceResult<ModelList> &r) {
        done({QString(), r.ok() ? ApiError() : r.error});
    });
}

} // namespace Tramontane
