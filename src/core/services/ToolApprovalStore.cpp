// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/ToolApprovalStore.h"

#include "core/Logging.h"
#include "core/protocol/Connector.h"
#include "core/protocol/McpTool.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

constexpr auto GroupName = "ToolApprovals"_L1;

// A settings key segment that never contains the group separator "/" (or "\", which
// QSettings treats the same): tool names are chosen by the server.
QString keySegment(const QString &text) {
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

QString fromKeySegment(const QString &segment) {
    return QUrl::fromPercentEncoding(segment.toLatin1());
}

void appendCanonical(QByteArray &out, const QJsonValue &value) {
    switch (value.type()) {
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        QStringList keys = object.keys();
        std::sort(keys.begin(), keys.end());
        out.append('{');
        bool first = true;
        for (const QString &key : std::as_const(keys)) {
            if (!first)
                out.append(',');
            first = false;
            appendCanonical(out, QJsonValue(key));
            out.append(':');
            appendCanonical(out, object.value(key));
        }
        out.append('}');
        return;
    }
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        out.append('[');
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (i > 0)
                out.append(',');
            appendCanonical(out, array.at(i));
        }
        out.append(']');
        return;
    }
    case QJsonValue::Undefined:
    case QJsonValue::Null:
        out.append("null");
        return;
    default: {
        // Scalars: let QJsonDocument write them (string escapes, number format), inside a
        // one-element array whose brackets are then removed.
        const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
        out.append(wrapped.mid(1, wrapped.size() - 2));
        return;
    }
    }
}

} // namespace

ToolApprovalStore::ToolApprovalStore(QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings) {}

ToolApprovalStore::~ToolApprovalStore() = default;

QByteArray ToolApprovalStore::canonicalJson(const QJsonValue &value) {
    QByteArray out;
    appendCanonical(out, value);
    return out;
}

QJsonObject ToolApprovalStore::definition(const QString &name, const QString &description,
                                          const QJsonObject &inputSchema) {
    return QJsonObject{
        {"name"_L1, name},
        {"description"_L1, description},
        {"inputSchema"_L1, inputSchema},
    };
}

QByteArray ToolApprovalStore::fingerprint(const QString &name, const QString &description,
                                          const QJsonObject &inputSchema) {
    return QCryptographicHash::hash(canonicalJson(definition(name, description, inputSchema)),
                                    QCryptographicHash::Sha256)
        .toHex();
}

QByteArray ToolApprovalStore::fingerprint(const McpTool &tool) {
    return fingerprint(tool.name, tool.description.value_or(QString()), tool.inputSchema);
}

QByteArray ToolApprovalStore::fingerprint(const ConnectorTool &tool) {
    return fingerprint(tool.name, tool.description, tool.jsonschema.value_or(QJsonObject()));
}

QString ToolApprovalStore::groupFor(const QString &connectorId) const {
    return GroupName + u'/' + keySegment(connectorId);
}

QString ToolApprovalStore::keyFor(const QString &connectorId, const QString &toolName) const {
    return groupFor(connectorId) + u'/' + keySegment(toolName);
}

QByteArray ToolApprovalStore::approvedFingerprint(const QString &connectorId,
                                                  const QString &toolName) const {
    if (connectorId.isEmpty() || toolName.isEmpty())
        return {};
    return m_settings->value(keyFor(connectorId, toolName)).toString().toLatin1();
}

ToolApprovalStore::State ToolApprovalStore::state(const QString &connectorId,
                                                  const QString &toolName,
                                                  const QByteArray &fingerprint) const {
    const QByteArray approved = approvedFingerprint(connectorId, toolName);
    if (approved.isEmpty())
        return State::Unreviewed;
    return approved == fingerprint ? State::Approved : State::Changed;
}

ToolApprovalStore::State ToolApprovalStore::state(const QString &connectorId,
                                                  const McpTool &tool) const {
    return state(connectorId, tool.name, fingerprint(tool));
}

ToolApprovalStore::State ToolApprovalStore::state(const QString &connectorId,
                                                  const ConnectorTool &tool) const {
    return state(connectorId, tool.name, fingerprint(tool));
}

namespace {

template<typename Tool>
ToolApprovalStore::State summarize(const ToolApprovalStore &store, const QString &connectorId,
                                   const QList<Tool> &tools) {
    bool unreviewed = false;
    for (const Tool &tool : tools) {
        switch (store.state(connectorId, tool)) {
        case ToolApprovalStore::State::Changed:
            return ToolApprovalStore::State::Changed;
        case ToolApprovalStore::State::Unreviewed:
            unreviewed = true;
            break;
        case ToolApprovalStore::State::Approved:
            break;
        }
    }
    return unreviewed ? ToolApprovalStore::State::Unreviewed : ToolApprovalStore::State::Approved;
}

} // namespace

ToolApprovalStore::State ToolApprovalStore::summary(const QString &connectorId,
                                                    const QList<McpTool> &tools) const {
    return summarize(*this, connectorId, tools);
}

ToolApprovalStore::State ToolApprovalStore::summary(const QString &connectorId,
                                                    const QList<ConnectorTool> &tools) const {
    return summarize(*this, connectorId, tools);
}

void ToolApprovalStore::approve(const QString &connectorId, const McpTool &tool) {
    if (connectorId.isEmpty() || tool.name.isEmpty())
        return;
    m_settings->setValue(keyFor(connectorId, tool.name), QString::fromLatin1(fingerprint(tool)));
    m_settings->sync();
    qCInfo(lcMcp).noquote() << "approved tool" << tool.name << "of connector" << connectorId;
    Q_EMIT approvalsChanged(connectorId);
}

void ToolApprovalStore::approveAll(const QString &connectorId, const QList<McpTool> &tools) {
    if (connectorId.isEmpty())
        return;
    m_settings->remove(groupFor(connectorId));
    for (const McpTool &tool : tools) {
        if (!tool.name.isEmpty())
            m_settings->setValue(keyFor(connectorId, tool.name),
                                 QString::fromLatin1(fingerprint(tool)));
    }
    m_settings->sync();
    qCInfo(lcMcp).noquote() << "approved" << tools.size() << "tools of connector" << connectorId;
    Q_EMIT approvalsChanged(connectorId);
}

void ToolApprovalStore::revoke(const QString &connectorId, const QString &toolName) {
    if (connectorId.isEmpty() || toolName.isEmpty())
        return;
    m_settings->remove(keyFor(connectorId, toolName));
    m_settings->sync();
    Q_EMIT approvalsChanged(connectorId);
}

void ToolApprovalStore::forgetConnector(const QString &connectorId) {
    if (connectorId.isEmpty())
        return;
    m_settings->remove(groupFor(connectorId));
    m_settings->sync();
    Q_EMIT approvalsChanged(connectorId);
}

QStringList ToolApprovalStore::approvedToolNames(const QString &connectorId) const {
    if (connectorId.isEmpty())
        return {};
    m_settings->beginGroup(groupFor(connectorId));
    const QStringList keys = m_settings->childKeys();
    m_settings->endGroup();
    QStringList names;
    for (const QString &key : keys)
        names.append(fromKeySegment(key));
    names.sort();
    return names;
}

} // namespace Tramontane
