// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/Tool.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Tramontane {

//! An agent's default completion settings (`CompletionArgs`). The server echoes every key,
//! with nulls; a null reads as unset, and only set fields are written.
struct CompletionArgs {
    std::optional<QStringList> stop; //!< One sequence is written as a string.
    std::optional<double> presencePenalty;
    std::optional<double> frequencyPenalty;
    std::optional<double> temperature;
    std::optional<double> topP;
    std::optional<qint64> maxTokens;
    std::optional<qint64> randomSeed;
    //! Predicted output text (`{"type":"content","content":…}`).
    std::optional<QString> prediction;
    std::optional<QJsonObject> responseFormat;
    //! "auto", "none", "any" or "required" (no named-function form here).
    std::optional<QString> toolChoice;
    std::optional<QString> reasoningEffort;

    static CompletionArgs fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    bool isEmpty() const { return toJson().isEmpty(); }

    friend bool operator==(const CompletionArgs &a, const CompletionArgs &b) {
        return a.toJson() == b.toJson();
    }
};

//! An agent (`Agent`) as the agents endpoints return it.
struct Agent {
    QString id;
    QString object = QStringLiteral("agent");
    QString name;
    std::optional<QString> description;
    QString model;
    std::optional<QString> instructions;
    QList<Tool> tools;
    CompletionArgs completionArgs;
    std::optional<QStringList> handoffs; //!< Agent ids this agent may hand off to.
    std::optional<QJsonArray> guardrails;
    std::optional<QJsonObject> metadata;
    int version = 0;
    QList<int> versions;
    std::optional<QString> ownerId; //!< In SDK 2.7.0, not in the published spec.
    QDateTime createdAt;
    QDateTime updatedAt;
    bool deploymentChat = false;
    QString source;
    std::optional<QString> versionMessage;

    static Agent fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    //! A plain array of agents (the deprecated list endpoint, the versions endpoint).
    static QList<Agent> listFromJson(const QJsonArray &json);
};

//! The body of `POST /v1/agents` (`CreateAgentRequest`; model and name are required).
struct AgentCreateRequest {
    QString model;
    QString name;
    std::optional<QString> description;
    std::optional<QString> instructions;
    QList<Tool> tools;                            //!< Written when not empty.
    std::optional<CompletionArgs> completionArgs; //!< Written when set and not empty.
    QStringList handoffs;                         //!< Written when not empty (min. one item).
    std::optional<QJsonArray> guardrails;
    std::optional<QJsonObject> metadata;
    std::optional<QString> versionMessage;

    static AgentCreateRequest fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    static const QStringList &knownFields();
};

//! The body of `PATCH /v1/agents/{id}` (`UpdateAgentRequest`): every field optional, and only
//! set fields are written, so an unset field stays unchanged on the server while a field set
//! to an empty value is cleared. An empty `handoffs` list is written as null (the schema
//! wants at least one id or null). The update creates a new agent version.
struct AgentUpdateRequest {
    std::optional<QString> model;
    std::optional<QString> name;
    std::optional<QString> description;
    std::optional<QString> instructions;
    std::optional<QList<Tool>> tools;
    std::optional<CompletionArgs> completionArgs;
    std::optional<QStringList> handoffs;
    std::optional<bool> deploymentChat;
    std::optional<QJsonArray> guardrails;
    std::optional<QJsonObject> metadata;
    std::optional<QString> versionMessage;

    //! The update that turns \a before into \a after: only the fields that differ are set.
    //! A description or instructions removed in \a after are set to "".
    static AgentUpdateRequest fromChanges(const Agent &before, const Agent &after);

    static AgentUpdateRequest fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    bool isEmpty() const { return toJson().isEmpty(); }
    static const QStringList &knownFields();
};

//! A page of `GET /v1/agents/pages`: `{"object":"list","data":[…],"next_page_token":…}`.
struct AgentPage {
    QList<Agent> data;
    std::optional<QString> nextPageToken; //!< Unset on the last page.

    static AgentPage fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
};

} // namespace Tramontane
