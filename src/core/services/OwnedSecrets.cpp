// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/OwnedSecrets.h"

#include "core/Logging.h"
#include "core/auth/OAuthConnectorConfig.h"
#include "core/auth/SecretStore.h"
#include "core/protocol/Agent.h"
#include "core/protocol/Connector.h"
#include "core/services/ToolCredentials.h"

#include <QPointer>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace Tramontane {

QStringList OwnedSecrets::ofConnector(const Connector &connector) {
    QStringList entries;
    if (connector.id.isEmpty())
        return entries;
    const QList<ConnectorHeader> headers = connector.headers();
    for (const ConnectorHeader &header : headers)
        entries.append(SecretStore::connectorHeaderEntry(connector.id, header.name));
    QStringList keys{connector.id};
    if (!connector.name.isEmpty() && connector.name != connector.id)
        keys.append(connector.name);
    for (const QString &key : std::as_const(keys)) {
        entries.append(ToolCredentials::entry(key));
        entries.append(SecretStore::oauthTokenEntry(key));
    }
    entries.append(OAuthConnectorConfig::clientSecretEntry(connector.id));
    entries.removeDuplicates();
    return entries;
}

QStringList OwnedSecrets::ofAgent(const Agent &agent) {
    Q_UNUSED(agent)
    return {};
}

void OwnedSecrets::remove(SecretStore *store, const QStringList &entries, QObject *context,
                          DoneCallback done) {
    // Shared rather than copied into each callback (the analyzer misreads QPointer copies).
    const auto guard = std::make_shared<QPointer<QObject>>(context);
    const bool hasContext = context != nullptr;
    auto finish = [guard, hasContext, done](bool ok, const QString &error) {
        if ((!hasContext || *guard) && done)
            done(ok, error);
    };
    if (!store || entries.isEmpty()) {
        // Without a store nothing was kept; either way the answer comes later, as promised.
        QTimer::singleShot(0, [finish] { finish(true, QString()); });
        return;
    }
    struct Run {
        int pending = 0;
        QString error;
    };
    auto run = std::make_shared<Run>();
    run->pending = int(entries.size());
    // The store is the context of each removal: the entries go even if the caller is gone.
    for (const QString &entry : entries) {
        store->remove(entry, store, [run, finish](const SecretStore::Result &result) {
            if (!result.ok && run->error.isEmpty())
                run->error = result.error;
            if (--run->pending == 0) {
                if (!run->error.isEmpty())
                    qCWarning(lcAuth) << "some secrets could not be removed:" << run->error;
                finish(run->error.isEmpty(), run->error);
            }
        });
    }
}

} // namespace Tramontane
