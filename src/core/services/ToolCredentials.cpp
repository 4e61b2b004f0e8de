// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/ToolCredentials.h"

#include "core/Logging.h"
#include "core/auth/OAuthTokenManager.h"
#include "core/auth/SecretStore.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QPointer>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

bool isKnownType(const QString &type) {
    return type == "oauth2-token"_L1 || type == "api-key"_L1;
}

// One run of authorizeTools(): which tool and which key comes next.
struct AuthorizeRun {
    QList<Tool> tools;
    QList<Connector> connectors;
    SecretStore *store = nullptr;
    QPointer<OAuthTokenManager> oauth;
    QPointer<QObject> context;
    ToolCredentials::ToolsCallback callback;
    qsizetype tool = -1;
    QStringList keys; // still to try for the current tool
};

QStringList keysFor(const Tool &tool, const QList<Connector> &connectors) {
    QStringList keys{tool.connectorId};
    for (const Connector &c : connectors) {
        if (c.id.compare(tool.connectorId, Qt::CaseInsensitive) == 0
            || c.name == tool.connectorId) {
            keys << c.id << c.name;
            break;
        }
    }
    keys.removeAll(QString());
    keys.removeDuplicates();
    return keys;
}

void step(const std::shared_ptr<AuthorizeRun> &run) {
    if (!run->context)
        return;
    // Next tool that wants a credential, when the current one has no key left.
    while (run->keys.isEmpty()) {
        ++run->tool;
        if (run->tool >= run->tools.size()) {
            run->callback(run->tools);
            return;
        }
        const Tool &t = run->tools.at(run->tool);
        if (t.type == Tool::Type::Connector && !t.authorization)
            run->keys = keysFor(t, run->connectors);
    }
    const QString key = run->keys.takeFirst();
    auto found = [run](const std::optional<ConnectorAuthorization> &credential,
                       const QString &error) {
        if (!error.isEmpty())
            qCWarning(lcAuth) << "could not read a connector credential:" << error;
        if (credential) {
            run->tools[run->tool].authorization = credential;
            run->keys.clear();
        }
        step(run);
    };
    if (!run->oauth) {
        ToolCredentials::read(run->store, key, run->context, found);
        return;
    }
    // The credential given for the tools first, then the sign-in's token, kept fresh.
    run->store->read(
        ToolCredentials::entry(key), run->context,
        [run, key, found](const SecretStore::Result &given) {
            if (given.ok && given.value) {
                if (auto credential = ToolCredentials::parseStored(*given.value, false)) {
                    found(credential, QString());
                    return;
                }
            }
            if (!run->oauth) {
                found(std::nullopt, given.error);
                return;
            }
            run->oauth->accessToken(
                key, run->context, [found](const OAuthTokenManager::Access &access) {
                    if (access.accessToken.isEmpty()) {
                        found(std::nullopt, QString());
                        return;
                    }
                    found(ConnectorAuthorization::oauth2Token(access.accessToken), QString());
                });
        });
}

} // namespace

QString ToolCredentials::entry(const QString &connectorKey) {
    return u"connector/"_s + connectorKey + u"/tool-authorization"_s;
}

std::optional<ConnectorAuthorization> ToolCredentials::parseStored(const QString &stored,
                                                                   bool oauthEntry) {
    if (stored.isEmpty())
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(stored.toUtf8(), &error);
    if (error.error == QJsonParseError::NoError && doc.isObject()) {
        const QJsonObject json = doc.object();
        if (oauthEntry) {
            const QString token = json.value("access_token"_L1).toString();
            if (!token.isEmpty())
                return ConnectorAuthorization::oauth2Token(token);
            return std::nullopt;
        }
        const ConnectorAuthorization credential = ConnectorAuthorization::fromJson(json);
        if (isKnownType(credential.type) && !credential.value.isEmpty())
            return credential;
        return std::nullopt;
    }
    // A sign-in may store the bare access token.
    if (oauthEntry)
        return ConnectorAuthorization::oauth2Token(stored);
    return std::nullopt;
}

void ToolCredentials::read(SecretStore *store, const QString &connectorKey, QObject *context,
                           CredentialCallback callback) {
    if (!store || connectorKey.isEmpty()) {
        QTimer::singleShot(0, context, [callback] { callback(std::nullopt, QString()); });
        return;
    }
    QPointer<SecretStore> storeGuard(store);
    store->read(entry(connectorKey), context,
                [storeGuard, connectorKey, context, callback](const SecretStore::Result &given) {
                    if (given.ok && given.value) {
                        if (auto credential = parseStored(*given.value, false)) {
                            callback(credential, QString());
                            return;
                        }
                    }
                    if (!storeGuard) {
                        callback(std::nullopt, given.error);
                        return;
                    }
                    storeGuard->read(
                        SecretStore::oauthTokenEntry(connectorKey), context,
                        [callback, firstError = given.error](const SecretStore::Result &signIn) {
                            std::optional<ConnectorAuthorization> credential;
                            if (signIn.ok && signIn.value)
                                credential = parseStored(*signIn.value, true);
                            callback(credential, credential   ? QString()
                                                 : !signIn.ok ? signIn.error
                                                              : firstError);
                        });
                });
}

void ToolCredentials::write(SecretStore *store, const QString &connectorKey,
                            const std::optional<ConnectorAuthorization> &credential,
                            QObject *context, DoneCallback callback) {
    auto done = [callback](const SecretStore::Result &result) {
        if (callback)
            callback(result.ok, result.error);
    };
    if (!store || connectorKey.isEmpty()) {
        QTimer::singleShot(0, context, [callback] {
            if (callback)
                callback(false, QCoreApplication::translate("ToolCredentials",
                                                            "No secret store is available."));
        });
        return;
    }
    if (!credential || credential->value.isEmpty()) {
        store->remove(entry(connectorKey), context, done);
        return;
    }
    const QByteArray json = QJsonDocument(credential->toJson()).toJson(QJsonDocument::Compact);
    store->write(entry(connectorKey), QString::fromUtf8(json), context, done);
}

void ToolCredentials::authorizeTools(const QList<Tool> &tools, SecretStore *store, QObject *context,
                                     ToolsCallback callback, const QList<Connector> &connectors,
                                     OAuthTokenManager *oauth) {
    auto run = std::make_shared<AuthorizeRun>();
    run->tools = tools;
    run->connectors = connectors;
    run->store = store;
    run->oauth = oauth;
    run->context = context;
    run->callback = std::move(callback);
    if (!store) {
        QTimer::singleShot(0, context, [run] { run->callback(run->tools); });
        return;
    }
    // Start on the next turn of the event loop so the callback never runs re-entrantly.
    QTimer::singleShot(0, context, [run] { step(run); });
}

void ToolCredentials::refreshTools(const QList<Tool> &sentTools, OAuthTokenManager *oauth,
                                   QObject *context, std::function<void(bool refreshed)> callback,
                                   const QList<Connector> &connectors) {
    // The keys whose sign-in token went out with the request.
    QStringList keys;
    if (oauth) {
        for (const Tool &tool : sentTools) {
            if (tool.type != Tool::Type::Connector || !tool.authorization
                || tool.authorization->type != "oauth2-token"_L1)
                continue;
            const QStringList candidates = keysFor(tool, connectors);
            for (const QString &key : candidates) {
                if (oauth->state(key) == OAuthTokenManager::State::SignedIn) {
                    keys.append(key);
                    break;
                }
            }
        }
        keys.removeDuplicates();
    }
    if (keys.isEmpty()) {
        QTimer::singleShot(0, context, [callback] { callback(false); });
        return;
    }
    struct Run {
        qsizetype pending = 0;
        bool renewed = false;
    };
    auto run = std::make_shared<Run>();
    run->pending = keys.size();
    for (const QString &key : std::as_const(keys)) {
        oauth->refresh(key, context, [run, callback](const OAuthTokenManager::Access &access) {
            if (!access.accessToken.isEmpty())
                run->renewed = true;
            if (--run->pending == 0)
                callback(run->renewed);
        });
    }
}

void ToolCredentials::authorizeAgentTools(const Agent &agent, SecretStore *store, QObject *context,
                                          ToolsCallback callback,
                                          const QList<Connector> &connectors,
                                          OAuthTokenManager *oauth) {
    authorizeTools(agent.tools, store, context, std::move(callback), connectors, oauth);
}

} // namespace Tramontane
