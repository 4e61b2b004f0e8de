// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Libraries.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Tramontane::Emulator {

//! An ISO-8601 UTC timestamp with milliseconds, as the API writes them.
QString isoNow();
//! A random UUID without braces.
QString newUuid();
struct UserCredential;
//! The public form of a credential (`AuthenticationConfiguration`): no secret in it.
QJsonObject userCredentialJson(const UserCredential &credential);

//! A file the emulator serves from /v1/files (generated images).
struct StoredFile {
    QString id;
    QString filename;
    QString mimeType;
    QByteArray bytes;
    qint64 createdAt = 0;
    QString signature; //!< grants access to /content without the API key (signed URLs)
    QString purpose =
        QStringLiteral("image_generation");     //!< `ocr`, `batch`, `fine-tune` for uploads
    QString source = QStringLiteral("mistral"); //!< `upload` for the client's own files
    QString visibility = QStringLiteral("user");
    qint64 expiresAt = 0; //!< seconds since the epoch; 0 for none
};

//! An agent with every version it ever had. `versions[i]` is the agent's own fields at
//! version i (instructions, tools, model, …), without the server-managed ones.
struct AgentRecord {
    QString id;
    QList<QJsonObject> versions;
    QList<QString> versionTimes; //!< when each version was made
    int active = 0;
    QString createdAt;
    bool deploymentChat = false;
};

//! A header sent to a connector's MCP server.
struct ConnectorHeader {
    QString name;
    QString value;
    bool secret = true;
};

//! A credential of the user for a connector (`/v1/connectors/{id}/user/credentials`). The
//! secrets (access token, header values, bearer token) reach the MCP server, never a response.
struct UserCredential {
    QString name;
    QString title;
    QString type; //!< `authentication_type`: "oauth2", "bearer" or "none"
    bool isDefault = false;
    QString checkedAt;
    QString accessToken; //!< from the platform's OAuth sign-in, or the bearer token
    QList<ConnectorHeader> headers;
};

//! A connector. Header values are write-only: they reach the MCP server, never a response.
struct ConnectorRecord {
    QString id;
    QJsonObject fields; //!< name, title, description, server, icon_url, visibility, system_prompt
    QList<ConnectorHeader> headers;       //!< `headers` of the create request
    QList<ConnectorHeader> globalHeaders; //!< `global_headers`
    QJsonArray authMethods;               //!< as sent (header values dropped)
    bool hasOAuth = false;
    //! OAuth client data the platform holds (`auth_data`, `oauth2_server_metadata(_url)`).
    QJsonObject authData;
    QJsonObject oauthMetadata;
    QString oauthMetadataUrl;
    QList<UserCredential> userCredentials;
    QString createdAt;
    QString modifiedAt;
    QJsonArray tools; //!< ConnectorTool objects from the last successful tools/list

    QString name() const { return fields.value(QLatin1StringView("name")).toString(); }
    QString server() const { return fields.value(QLatin1StringView("server")).toString(); }
};

//! Everything the emulator remembers, in memory.
class Store final {
public:
    Store();

    // Models
    const QList<QJsonObject> &models() const { return m_models; }
    std::optional<QJsonObject> findModel(const QString &idOrAlias) const;
    //! The model id chat requests use when nothing else is said.
    static QString defaultChatModel();

    // Agents
    AgentRecord &createAgent(const QJsonObject &request);
    AgentRecord *findAgent(const QString &id);
    AgentRecord *findAgentByName(const QString &name);
    QList<AgentRecord> &agents() { return m_agents; }
    bool deleteAgent(QString id); // by value: callers pass ids of stored elements
    //! Applies a partial update as a new version, which becomes the active one.
    void updateAgent(AgentRecord &agent, const QJsonObject &patch);
    QJsonObject agentJson(const AgentRecord &agent, int version) const;

    // Connectors
    ConnectorRecord &createConnector(const QJsonObject &request);
    ConnectorRecord *findConnector(const QString &idOrName);
    QList<ConnectorRecord> &connectors() { return m_connectors; }
    bool deleteConnector(QString id);
    void updateConnector(ConnectorRecord &connector, const QJsonObject &patch);
    QJsonObject connectorJson(const ConnectorRecord &connector) const;

    // Files
    StoredFile &addFile(const QByteArray &bytes, const QString &filename, const QString &mimeType);
    const StoredFile *findFile(const QString &id) const;
    const QList<StoredFile> &files() const { return m_files; }
    bool deleteFile(const QString &id);
    QJsonObject fileJson(const StoredFile &file) const;

    // Document libraries, with their documents and the text read from them
    Libraries &libraries() { return m_libraries; }
    const Libraries &libraries() const { return m_libraries; }

    //! Forgets agents, connectors, files and libraries.
    void clear();

    QString userId() const { return m_userId; }

private:
    QList<QJsonObject> m_models;
    QList<AgentRecord> m_agents;
    QList<ConnectorRecord> m_connectors;
    QList<StoredFile> m_files;
    Libraries m_libraries;
    QString m_userId;
};

} // namespace Tramontane::Emulator
