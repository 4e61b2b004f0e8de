// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/Agent.h"
#include "core/protocol/Model.h"

#include <QAbstractListModel>

namespace Tramontane {

//! What a chat can talk to: the account's chat-capable models (from /v1/models), then its
//! agents. Feeds the model/agent picker. Models that are aliases of one another are shown
//! once, under the alias that ends in "-latest" when there is one.
class ChatTargetModel final : public QAbstractListModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatTargetModel)

public:
    enum class Kind { Model, Agent };
    Q_ENUM(Kind)

    struct Target {
        Kind kind = Kind::Model;
        QString id;
        QString title;
        QString subtitle;
        QString description;
        bool vision = false;
        bool functionCalling = false;
        bool reasoning = false;
        qint64 contextLength = 0;
        bool deprecated = false;
        //! An agent's own tools: what its requests use, whatever the chat's tools are.
        QList<Tool> tools;
    };

    explicit ChatTargetModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setModels(const QList<ModelCard> &models);
    void setAgents(const QList<Agent> &agents);

    //! The row of the model or agent with this id (a model alias also matches), or -1.
    int rowOf(Kind kind, const QString &id) const;
    Target targetAt(int row) const;
    bool isEmpty() const { return m_models.isEmpty() && m_agents.isEmpty(); }

private:
    void rebuild();

    QList<Target> m_models;
    QList<Target> m_agents;
    QList<ModelCard> m_cards; // to resolve aliases in rowOf()
};

} // namespace Tramontane
