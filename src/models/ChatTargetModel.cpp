// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/ChatTargetModel.h"

#include "models/Roles.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace Tramontane {

ChatTargetModel::ChatTargetModel(QObject *parent)
    : QAbstractListModel(parent) {}

int ChatTargetModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_models.size() + m_agents.size());
}

ChatTargetModel::Target ChatTargetModel::targetAt(int row) const {
    if (row < 0 || row >= rowCount())
        return {};
    return row < m_models.size() ? m_models.at(row) : m_agents.at(row - m_models.size());
}

QVariant ChatTargetModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Target t = targetAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return t.kind == Kind::Agent ? tr("Agent: %1").arg(t.title) : t.title;
    case Qt::ToolTipRole: {
        QStringList lines{t.title};
        if (!t.subtitle.isEmpty())
            lines << t.subtitle;
        if (!t.description.isEmpty())
            lines << t.description;
        return lines.join(u'\n');
    }
    case Roles::TargetIdRole:
        return t.id;
    case Roles::TargetKindRole:
        return QVariant::fromValue(t.kind);
    case Roles::TargetSubtitleRole:
        return t.subtitle;
    case Roles::VisionRole:
        return t.vision;
    case Roles::FunctionCallingRole:
        return t.functionCalling;
    case Roles::ReasoningRole:
        return t.reasoning;
    case Roles::ContextLengthRole:
        return t.contextLength;
    case Roles::DeprecatedRole:
        return t.deprecated;
    default:
        return {};
    }
}

QHash<int, QByteArray> ChatTargetModel::roleNames() const {
    auto names = QAbstractListModel::roleNames();
    names.insert(Roles::TargetIdRole, "targetId");
    names.insert(Roles::TargetKindRole, "targetKind");
    names.insert(Roles::TargetSubtitleRole, "subtitle");
    names.insert(Roles::VisionRole, "vision");
    names.insert(Roles::FunctionCallingRole, "functionCalling");
    names.insert(Roles::ReasoningRole, "reasoning");
    names.insert(Roles::ContextLengthRole, "contextLength");
    names.insert(Roles::DeprecatedRole, "deprecated");
    return names;
}

void ChatTargetModel::setModels(const QList<ModelCard> &models) {
    // Several cards can describe one model (dated ids and "-latest" aliases share a name):
    // group them and keep the id a person would pick, the "-latest" one when there is one.
    QList<QList<ModelCard>> groups;
    QHash<QString, qsizetype> groupOfName;
    m_cards.clear();
    for (const ModelCard &card : models) {
        if (!card.capabilities.completionChat || card.archived)
            continue;
        m_cards.append(card);
        const QString key = card.name.value_or(card.id);
        const auto it = groupOfName.constFind(key);
        if (it == groupOfName.cend()) {
            groupOfName.insert(key, groups.size());
            groups.append({card});
        } else {
            groups[*it].append(card);
        }
    }

    QList<Target> targets;
    for (const QList<ModelCard> &group : std::as_const(groups)) {
        const auto latest = std::find_if(group.cbegin(), group.cend(), [](const ModelCard &c) {
            return c.id.endsWith(u"-latest"_s);
        });
        const ModelCard &card = latest != group.cend() ? *latest : group.first();
        Target t;
        t.kind = Kind::Model;
        t.id = card.id;
        t.title = card.id;
        QStringList facts;
        if (card.name && *card.name != card.id)
            facts << *card.name;
        facts << tr("%1 tokens context").arg(QLocale().toString(card.maxContextLength));
        t.subtitle = facts.join(u" · "_s);
        t.description = card.description.value_or(QString());
        t.vision = card.capabilities.vision;
        t.functionCalling = card.capabilities.functionCalling;
        t.reasoning = card.capabilities.reasoning;
        t.contextLength = card.maxContextLength;
        t.deprecated = card.deprecation.isValid();
        targets.append(t);
    }
    std::stable_sort(targets.begin(), targets.end(), [](const Target &a, const Target &b) {
        if (a.deprecated != b.deprecated)
            return !a.deprecated;
        return a.id < b.id;
    });
    beginResetModel();
    m_models = targets;
    endResetModel();
}

void ChatTargetModel::setAgents(const QList<Agent> &agents) {
    QList<Target> targets;
    for (const Agent &agent : agents) {
        Target t;
        t.kind = Kind::Agent;
        t.id = agent.id;
        t.title = agent.name;
        t.subtitle = tr("%1 · version %2").arg(agent.model).arg(agent.version);
        t.description = agent.description.value_or(QString());
        t.functionCalling = !agent.tools.isEmpty();
        t.tools = agent.tools;
        targets.append(t);
    }
    std::stable_sort(targets.begin(), targets.end(), [](const Target &a, const Target &b) {
        return a.title.localeAwareCompare(b.title) < 0;
    });
    const int first = int(m_models.size());
    if (!m_agents.isEmpty()) {
        beginRemoveRows({}, first, first + int(m_agents.size()) - 1);
        m_agents.clear();
        endRemoveRows();
    }
    if (!targets.isEmpty()) {
        beginInsertRows({}, first, first + int(targets.size()) - 1);
        m_agents = targets;
        endInsertRows();
    }
}

int ChatTargetModel::rowOf(Kind kind, const QString &id) const {
    if (kind == Kind::Agent) {
        for (int i = 0; i < m_agents.size(); ++i) {
            if (m_agents.at(i).id == id)
                return int(m_models.size()) + i;
        }
        return -1;
    }
    for (int i = 0; i < m_models.size(); ++i) {
        if (m_models.at(i).id == id)
            return i;
    }
    // Another id of a listed model (a dated id, an alias) selects that model.
    for (const ModelCard &card : m_cards) {
        if (!card.matches(id))
            continue;
        const QString key = card.name.value_or(card.id);
        for (const ModelCard &other : m_cards) {
            if (other.name.value_or(other.id) != key)
                continue;
            for (int i = 0; i < m_models.size(); ++i) {
                if (other.matches(m_models.at(i).id))
                    return i;
            }
        }
    }
    return -1;
}

} // namespace Tramontane
