// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/ChatRequest.h"
#include "core/protocol/ConversationRequest.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

//! "Show as code": a chat or agent completion request written out as a ready-to-paste curl
//! command, Python program (official `mistralai` SDK) or TypeScript program
//! (`@mistralai/mistralai`). Pure functions.
//!
//! Secrets are never written. The API key is read from the environment variable
//! apiKeyVariable(); each connector tool's `authorization.value` becomes a reference to an
//! environment variable named after its connector (CONNECTOR_<NAME>_TOKEN for an OAuth2 token,
//! CONNECTOR_<NAME>_API_KEY for an API key). Any other occurrence of one of those values, or of
//! a Request::secrets value, anywhere in the body is replaced by the same reference.
//!
//! The programs make a plain (non-streamed) completion, so they print one JSON answer: the curl
//! body has `"stream": false`, and the SDK calls leave `stream` out.
namespace Tramontane::CodeExport {

enum class Endpoint {
    Chat,               //!< POST /v1/chat/completions
    Agents,             //!< POST /v1/agents/completions
    ConversationStart,  //!< POST /v1/conversations
    ConversationAppend, //!< POST /v1/conversations/{conversation_id}
};

//! A secret value known to the caller (e.g. the API key) and the environment variable that
//! stands for it.
struct Secret {
    QString variable;
    QString value;
};

//! What to write: the body the app would send, and where.
struct Request {
    Endpoint endpoint = Endpoint::Chat;
    QJsonObject body;
    //! The API's base URL; empty means defaultBaseUrl(). The SDK programs name it only when it
    //! is not the default.
    QUrl baseUrl;
    //! Values that must not appear in any output (see the namespace comment).
    QList<Secret> secrets;
    //! ConversationAppend: the conversation the request continues (in the path, not the body).
    QString conversationId;

    static Request fromChat(const ChatRequest &request, const QUrl &baseUrl = {});
    static Request fromAgent(const AgentCompletionRequest &request, const QUrl &baseUrl = {});
    static Request fromConversationStart(const ConversationStartRequest &request,
                                         const QUrl &baseUrl = {});
    static Request fromConversationAppend(const ConversationAppendRequest &request,
                                          const QUrl &baseUrl = {});
    //! "/v1/chat/completions", "/v1/agents/completions", "/v1/conversations" or
    //! "/v1/conversations/{conversation_id}".
    QString path() const;
    //! The full URL the request goes to (the base URL's path, then path()).
    QUrl url() const;
};

//! An environment variable a program reads, with a sentence saying what to put in it.
struct EnvironmentVariable {
    QString name;
    QString description;

    friend bool operator==(const EnvironmentVariable &a, const EnvironmentVariable &b) {
        return a.name == b.name && a.description == b.description;
    }
};

//! One program and the environment variables it needs (the API key first).
struct Snippet {
    QString code;
    QList<EnvironmentVariable> environment;
};

//! "MISTRAL_API_KEY".
QString apiKeyVariable();
//! https://api.mistral.ai
QUrl defaultBaseUrl();

//! `curl URL -H "Authorization: Bearer $MISTRAL_API_KEY" … --data-binary @- <<JSON`, the body
//! in a here-document. The JSON text contains no `$`, backquote or backslash pair (they are
//! written as \u escapes), so the shell passes it unchanged except for the `${VAR}` secret
//! references; the result parses to exactly the body.
Snippet toCurl(const Request &request);
//! A Python 3 program: `client.chat.complete(model=…, messages=[…], …)`,
//! `client.agents.complete(agent_id=…, …)`, `client.beta.conversations.start(inputs=…, …)` or
//! `client.beta.conversations.append(conversation_id=…, inputs=…)`, each body field a keyword
//! argument.
Snippet toPython(const Request &request);
//! A TypeScript (ES module) program: `await client.chat.complete({…})`,
//! `client.agents.complete({…})`, `client.beta.conversations.start({…})` or
//! `client.beta.conversations.append({conversationId, conversationAppendRequest: {…}})`, with
//! the SDK's camelCase field names. The program is also plain JavaScript.
Snippet toTypeScript(const Request &request);

//! \a body with the field names the TypeScript SDK uses: renamed where the SDK renames them
//! (`max_tokens` → `maxTokens`, `tool_calls` → `toolCalls`, `connector_id` → `connectorId`,
//! `json_schema.schema` → `jsonSchema.schemaDefinition`, …), recursively through messages,
//! content chunks, tools, response_format, guardrails, conversation inputs and tool
//! confirmations. Free-form objects (function
//! parameters, JSON schemas, metadata) are left as they are.
QJsonObject typeScriptNames(const QJsonObject &body);

//! The environment variable for a connector's credential: CONNECTOR_<NAME>_TOKEN (OAuth2) or
//! CONNECTOR_<NAME>_API_KEY (\a authorizationType "api-key"), NAME being \a connectorId in
//! upper case with every character other than A-Z and 0-9 turned into '_'.
QString connectorVariable(const QString &connectorId, const QString &authorizationType);

} // namespace Tramontane::CodeExport
