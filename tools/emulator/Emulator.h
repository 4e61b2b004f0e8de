// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Attachments.h"
#include "BuiltinMcp.h"
#include "ConnectorTask.h"
#include "ConversationScript.h"
#include "Faults.h"
#include "HttpServer.h"
#include "OAuthServer.h"
#include "PlatformAuth.h"
#include "ProtectedMcp.h"
#include "Script.h"
#include "Store.h"
#include "StreamPlayer.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace Tramontane::Emulator {

class Validator;

struct EmulatorOptions {
    QByteArray apiKey = "emulator-key";
    double streamRate = 200; //!< tokens per second; 0 sends at once
    ImageForm imageForm = ImageForm::ToolFile;
    bool demo = false;
    int mcpTimeoutMs = 15000;               //!< idle timeout towards connectors' MCP servers
    QByteArray mcpToken = "demo-mcp-token"; //!< the token /__mcp/secured wants
    int oauthTokenLifetimeS = 3600;         //!< lifetime of the OAuth server's access tokens
    //! Whether an answer to an assistant `prefix` starts with the prefix itself (the
    //! documentation's examples cut it off the answer) or holds only the continuation.
    bool prefixEcho = true;
    //! How long an uploaded library document stays in progress before it is done (or failed).
    int libraryProcessingMs = 1000;
    QList<Fault> faults;
};

//! One message of an answer: the assistant's (text, chunks, tool calls) or a tool result.
struct OutMessage {
    QString role = QStringLiteral("assistant");
    QJsonValue content = QString();
    QJsonArray toolCalls;
    QString toolCallId;
    QString finishReason = QStringLiteral("stop");
};

//! What the emulator knows about one completion request while answering it.
struct Turn {
    QJsonObject request;
    QString model;
    Script::Speaker speaker;
    QJsonArray messages;
    QJsonArray tools;
    bool stream = false;
    double rate = 200;
    int promptTokens = 0;
    //! The text of a final assistant message sent with `prefix: true`: the answer continues it.
    std::optional<QString> prefix;
};

//! The offline Mistral API: routes, authentication, validation, the scripted assistant, hosted
//! tools (images, MCP connectors), faults on demand and the admin API.
class Emulator final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Emulator)

public:
    explicit Emulator(EmulatorOptions options, QObject *parent = nullptr);

    bool listen(quint16 port, QString *error);
    QString baseUrl() const;

private:
    void onRequest(HttpExchange *ex);
    void dispatch(HttpExchange *ex);
    void applyFault(HttpExchange *ex, const Fault &fault);
    //! A fault that shapes this exchange's answer (cut, malformed, stream error), if any.
    std::optional<Fault> attachedFault(const HttpExchange *ex) const;
    void record(const HttpRequest &request);
    void seedDemo();

    // Answers
    void sendJson(HttpExchange *ex, int status, const QJsonValue &body,
                  const HeaderList &headers = {});
    void sendDetail(HttpExchange *ex, int status, const QString &detail);
    void sendObjectError(HttpExchange *ex, int status, const QString &message, const QString &type,
                         const QJsonValue &code = QJsonValue::Null,
                         const QJsonValue &param = QJsonValue::Null);
    void sendValidation(HttpExchange *ex, const Validator &v);
    void sendPathIssue(HttpExchange *ex, const QString &type, const QJsonArray &loc,
                       const QString &msg, const QJsonValue &input);
    void sendNotAllowed(HttpExchange *ex);
    void sendMcpError(HttpExchange *ex, const ApiError &error, const ConnectorTarget &target,
                      bool inChat);
    HeaderList rateLimitHeaders(int cost);
    std::optional<QJsonObject> jsonBody(HttpExchange *ex);
    std::optional<int> intQuery(HttpExchange *ex, const QString &name, int fallback, int min,
                                int max);

    // Routes
    void routeModels(HttpExchange *ex);
    void routeFiles(HttpExchange *ex);
    void uploadFile(HttpExchange *ex);
    void listFiles(HttpExchange *ex);
    void routeOcr(HttpExchange *ex);
    void routeAgents(HttpExchange *ex);
    void routeConnectors(HttpExchange *ex);
    void routeAdmin(HttpExchange *ex);

    // Chat
    void handleCompletion(HttpExchange *ex, bool agentRoute);
    //! Reads and checks the images and documents of \a messages (chat messages or conversation
    //! entries) for \a model. Returns those of the last user message, or nothing after sending
    //! the 400 that refuses them.
    std::optional<QList<Attachment>> readAttachments(HttpExchange *ex, const QJsonArray &messages,
                                                     const QString &model);
    void answer(HttpExchange *ex, const Turn &turn, const QList<OutMessage> &messages);
    QJsonObject completionJson(const Turn &turn, const QList<OutMessage> &messages) const;
    QList<StreamEvent> streamEvents(const Turn &turn, const QList<OutMessage> &messages) const;
    void runImageTool(HttpExchange *ex, const Turn &turn, const QString &prompt, ImageForm form);
    void runWebSearch(HttpExchange *ex, const Turn &turn, const QString &query);
    void runConnectorTool(HttpExchange *ex, const Turn &turn, const QList<ConnectorTarget> &targets,
                          const Invocation &invocation);
    void listConnectorTools(HttpExchange *ex, const Turn &turn,
                            const QList<ConnectorTarget> &targets);

    // Conversations (EmulatorConversations.cpp)
    void routeConversations(HttpExchange *ex);
    //! GET the list, one conversation, its history or its messages; DELETE one.
    void readConversations(HttpExchange *ex);
    void answerConversation(HttpExchange *ex, StoredConversation conversation,
                            const QJsonObject &body);
    //! Runs a connector tool over MCP for a conversation turn, then sends the answer.
    void runConversationConnector(HttpExchange *ex, ConversationTurn turn,
                                  const QList<ConnectorTarget> &targets,
                                  const Invocation &invocation);
    //! Stores the turn and sends its outputs (whole or streamed).
    void sendConversation(HttpExchange *ex, ConversationTurn turn);

    // Libraries (EmulatorLibraries.cpp)
    void routeLibraries(HttpExchange *ex);
    void listLibraries(HttpExchange *ex);
    void createLibrary(HttpExchange *ex);
    void listDocuments(HttpExchange *ex, const LibraryRecord &library);
    void uploadDocument(HttpExchange *ex, LibraryRecord &library);

    // Agents
    //! The first connector tool whose connector does not exist, if any.
    std::optional<QString> missingConnector(const QJsonArray &tools);

    // Connectors
    ConnectorTarget targetFor(const ConnectorRecord &connector) const;
    //! The target of the connector tool \a tool (index \a index of a request's tools): its
    //! `authorization` value replaces the connector's own Authorization header, and its
    //! `tool_configuration` narrows the tools.
    ConnectorTarget targetFor(const ConnectorRecord &connector, const QJsonObject &tool,
                              int index) const;
    void connectorTools(HttpExchange *ex, ConnectorRecord &connector);
    void connectorCall(HttpExchange *ex, ConnectorRecord &connector, const QString &tool);

    EmulatorOptions m_options;
    HttpServer *m_server;
    QNetworkAccessManager *m_nam;
    Store m_store;
    FaultList m_faults;
    BuiltinMcp m_mcp;
    OAuthServer m_oauth;
    ProtectedMcp m_protectedMcp{m_oauth};
    PlatformAuth m_platformAuth{m_store};
    QHash<const HttpExchange *, Fault> m_attached;
    QHash<QString, StoredConversation> m_conversations;
    QJsonArray m_requests;
    int m_requestSeq = 0;
    int m_requestsThisMinute = 0;
    qint64 m_minuteStart = 0;
};

} // namespace Tramontane::Emulator
