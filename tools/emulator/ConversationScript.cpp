// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConversationScript.h"

#include "Script.h"
#include "Store.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Tramontane::Emulator::ConversationScript {

namespace {

QByteArray compact(const QJsonObject &o) {
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString compactText(const QJsonObject &o) {
    return QString::fromUtf8(compact(o));
}

QJsonObject entryBase(const QString &type, const QString &idPrefix) {
    const QString now = isoNow();
    return QJsonObject{{u"object"_s, u"entry"_s},
                       {u"type"_s, type},
                       {u"created_at"_s, now},
                       {u"completed_at"_s, now},
                       {u"id"_s, newId(idPrefix)}};
}

void insertProducer(QJsonObject &entry, const QString &agentId, const QString &model) {
    if (!agentId.isEmpty())
        entry.insert("agent_id"_L1, agentId);
    entry.insert("model"_L1, model);
}

bool containsAny(const QString &text, std::initializer_list<QLatin1StringView> phrases) {
    for (QLatin1StringView phrase : phrases) {
        if (text.contains(phrase, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

// Accumulates the events of one stream.
class EventWriter {
public:
    void add(const QString &type, QJsonObject data, int tokens = 0) {
        QJsonObject event{{u"type"_s, type}, {u"created_at"_s, isoNow()}};
        for (auto it = data.constBegin(); it != data.constEnd(); ++it)
            event.insert(it.key(), it.value());
        m_events.append({compact(event), tokens, type.toUtf8()});
    }
    QList<StreamEvent> take() { return std::move(m_events); }

private:
    QList<StreamEvent> m_events;
};

void addOutputEvents(EventWriter &w, int index, const QJsonObject &entry) {
    const QString type = entry.value("type"_L1).toString();
    const QString id = entry.value("id"_L1).toString();
    QJsonObject common{{u"output_index"_s, index}, {u"id"_s, id}};
    QJsonObject producer = common;
    if (entry.contains("agent_id"_L1))
        producer.insert("agent_id"_L1, entry.value("agent_id"_L1));
    producer.insert("model"_L1, entry.value("model"_L1));

    if (type == "message.output"_L1) {
        const QJsonValue content = entry.value("content"_L1);
        QJsonArray chunks =
            content.isArray()
                ? content.toArray()
                : QJsonArray{QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, content.toString()}}};
        int contentIndex = 0;
        for (const QJsonValue &c : std::as_const(chunks)) {
            const QJsonObject chunk = c.toObject();
            QJsonObject data = producer;
            data.insert("role"_L1, u"assistant"_s);
            data.insert("content_index"_L1, contentIndex);
            if (chunk.value("type"_L1).toString() == "text"_L1) {
                // Text goes token by token, as plain strings.
                const QStringList tokens = Script::tokenize(chunk.value("text"_L1).toString());
                for (const QString &token : tokens) {
                    data.insert("content"_L1, token);
                    w.add(u"message.output.delta"_s, data, 1);
                }
            } else {
                data.insert("content"_L1, chunk);
                w.add(u"message.output.delta"_s, data, 1);
            }
            ++contentIndex;
        }
    } else if (type == "tool.execution"_L1) {
        const QString arguments = entry.value("arguments"_L1).toString();
        QJsonObject started = producer;
        started.insert("name"_L1, entry.value("name"_L1));
        started.insert("arguments"_L1, QString());
        w.add(u"tool.execution.started"_s, started);
        // The arguments arrive in two deltas.
        const qsizetype half = arguments.size() / 2;
        for (const QString &piece : {arguments.left(half), arguments.mid(half)}) {
            QJsonObject delta = common;
            delta.insert("name"_L1, entry.value("name"_L1));
            delta.insert("arguments"_L1, piece);
            w.add(u"tool.execution.delta"_s, delta, 1);
        }
        QJsonObject done = common;
        done.insert("name"_L1, entry.value("name"_L1));
        done.insert("info"_L1, entry.value("info"_L1).toObject());
        w.add(u"tool.execution.done"_s, done, 4);
    } else if (type == "function.call"_L1) {
        QJsonObject data = producer;
        data.insert("name"_L1, entry.value("name"_L1));
        data.insert("tool_call_id"_L1, entry.value("tool_call_id"_L1));
        data.insert("arguments"_L1, entry.value("arguments"_L1));
        if (entry.contains("confirmation_status"_L1))
            data.insert("confirmation_status"_L1, entry.value("confirmation_status"_L1));
        w.add(u"function.call.delta"_s, data, 2);
    } else if (type == "agent.handoff"_L1) {
        QJsonObject started = common;
        started.insert("previous_agent_id"_L1, entry.value("previous_agent_id"_L1));
        started.insert("previous_agent_name"_L1, entry.value("previous_agent_name"_L1));
        w.add(u"agent.handoff.started"_s, started, 1);
        QJsonObject done = common;
        done.insert("next_agent_id"_L1, entry.value("next_agent_id"_L1));
        done.insert("next_agent_name"_L1, entry.value("next_agent_name"_L1));
        w.add(u"agent.handoff.done"_s, done, 1);
    }
}

} // namespace

QString newId(const QString &prefix) {
    return prefix + QUuid::createUuid().toString(QUuid::Id128).left(24);
}

QJsonObject conversationObject(const StoredConversation &conversation) {
    QJsonObject o{{u"object"_s, u"conversation"_s},
                  {u"id"_s, conversation.id},
                  {u"created_at"_s, conversation.createdAt},
                  {u"updated_at"_s, conversation.updatedAt.isEmpty() ? conversation.createdAt
                                                                     : conversation.updatedAt}};
    if (!conversation.agentId.isEmpty()) {
        o.insert(u"agent_id"_s, conversation.agentId);
        return o;
    }
    o.insert(u"model"_s, conversation.model);
    if (!conversation.instructions.isEmpty())
        o.insert(u"instructions"_s, conversation.instructions);
    o.insert(u"tools"_s, conversation.tools);
    return o;
}

QJsonArray inputEntries(const QJsonValue &inputs) {
    QJsonArray out;
    if (inputs.isString()) {
        QJsonObject entry = entryBase(u"message.input"_s, u"msg_"_s);
        entry.insert("role"_L1, u"user"_s);
        entry.insert("content"_L1, inputs.toString());
        entry.insert("prefix"_L1, false);
        out.append(entry);
        return out;
    }
    for (const QJsonValue &v : inputs.toArray()) {
        QJsonObject entry = v.toObject();
        const QString type = entry.value("type"_L1).toString();
        QJsonObject stamped = entryBase(type, type == "function.result"_L1 ? u"fr_"_s : u"msg_"_s);
        for (auto it = entry.constBegin(); it != entry.constEnd(); ++it) {
            if (it.key() != "id"_L1)
                stamped.insert(it.key(), it.value());
        }
        out.append(stamped);
    }
    return out;
}

QString lastUserText(const QJsonValue &inputs) {
    if (inputs.isString())
        return inputs.toString();
    const QJsonArray entries = inputs.toArray();
    for (qsizetype i = entries.size() - 1; i >= 0; --i) {
        const QJsonObject e = entries.at(i).toObject();
        if (e.value("type"_L1).toString() == "message.input"_L1
            && e.value("role"_L1).toString() == "user"_L1)
            return Script::contentText(e.value("content"_L1));
    }
    return {};
}

int promptTokens(const QJsonArray &entries) {
    qsizetype chars = 0;
    for (const QJsonValue &v : entries) {
        const QJsonObject e = v.toObject();
        chars += 4 + Script::contentText(e.value("content"_L1)).size()
                 + e.value("arguments"_L1).toString().size()
                 + e.value("result"_L1).toString().size();
    }
    return int(std::max<qsizetype>(1, chars / 4));
}

QJsonObject messageOutput(const QString &agentId, const QString &model, const QJsonValue &content) {
    QJsonObject entry = entryBase(u"message.output"_s, u"msg_"_s);
    insertProducer(entry, agentId, model);
    entry.insert("role"_L1, u"assistant"_s);
    entry.insert("content"_L1, content);
    return entry;
}

QJsonObject toolExecution(const QString &agentId, const QString &model, const QString &name,
                          const QJsonObject &arguments, const QJsonObject &info) {
    QJsonObject entry = entryBase(u"tool.execution"_s, u"tool_exec_"_s);
    insertProducer(entry, agentId, model);
    entry.insert("name"_L1, name);
    entry.insert("arguments"_L1, compactText(arguments));
    entry.insert("info"_L1, info);
    return entry;
}

QJsonObject functionCall(const QString &agentId, const QString &model, const QString &name,
                         const QJsonObject &arguments,
                         const std::optional<QString> &confirmationStatus) {
    QJsonObject entry = entryBase(u"function.call"_s, u"fc_"_s);
    insertProducer(entry, agentId, model);
    entry.insert("tool_call_id"_L1, newId(u""_s).left(9));
    entry.insert("name"_L1, name);
    entry.insert("arguments"_L1, compactText(arguments));
    if (confirmationStatus)
        entry.insert("confirmation_status"_L1, *confirmationStatus);
    return entry;
}

QJsonObject handoff(const QString &previousId, const QString &previousName, const QString &nextId,
                    const QString &nextName) {
    QJsonObject entry = entryBase(u"agent.handoff"_s, u"handoff_"_s);
    entry.insert("previous_agent_id"_L1, previousId);
    entry.insert("previous_agent_name"_L1, previousName);
    entry.insert("next_agent_id"_L1, nextId);
    entry.insert("next_agent_name"_L1, nextName);
    return entry;
}

QJsonObject codeRun(const QString &text, QString *answer, QByteArray *csv) {
    static const QRegularExpression number(u"\\b\\d{1,9}\\b"_s);
    QStringList numbers;
    qint64 sum = 0;
    for (auto it = number.globalMatch(text); it.hasNext();) {
        const QString n = it.next().captured();
        numbers.append(n);
        sum += n.toLongLong();
    }
    QString code;
    if (numbers.isEmpty()) {
        code = u"numbers = list(range(1, 11))\nprint(sum(numbers))"_s;
        sum = 55;
    } else {
        code = u"numbers = [%1]\nprint(sum(numbers))"_s.arg(numbers.join(u", "_s));
    }
    if (csv) {
        code += u"\n\nimport csv\nwith open(\"numbers.csv\", \"w\", newline=\"\") as f:\n"
                u"    w = csv.writer(f)\n    w.writerow([\"number\"])\n"
                u"    w.writerows([n] for n in numbers)\n    w.writerow([\"sum\", sum(numbers)])"_s;
        QByteArray rows = "number\r\n";
        const QStringList values = numbers.isEmpty()
                                       ? QStringList{u"1"_s, u"2"_s, u"3"_s, u"4"_s, u"5"_s,
                                                     u"6"_s, u"7"_s, u"8"_s, u"9"_s, u"10"_s}
                                       : numbers;
        for (const QString &n : values)
            rows += n.toUtf8() + "\r\n";
        rows += "sum," + QByteArray::number(sum) + "\r\n";
        *csv = rows;
    }
    const QString output = QString::number(sum) + u'\n';
    *answer =
        u"I ran this in the code interpreter:\n\n```python\n%1\n```\n\nIt printed **%2**."_s.arg(
            code, QString::number(sum));
    return QJsonObject{{u"code"_s, code}, {u"code_output"_s, output}};
}

QJsonArray searchAnswerChunks(const QString &query) {
    QJsonArray out;
    for (const QJsonValue &c : Script::citedAnswerChunks(query)) {
        if (c.toObject().value("type"_L1).toString() != "reference"_L1)
            out.append(c);
    }
    return out;
}

int completionTokens(const QJsonArray &outputs) {
    int tokens = 0;
    for (const QJsonValue &v : outputs) {
        const QJsonObject e = v.toObject();
        tokens += Script::countTokens(Script::contentText(e.value("content"_L1)))
                  + Script::countTokens(e.value("arguments"_L1).toString());
    }
    return std::max(1, tokens);
}

QList<StreamEvent> events(const QString &conversationId, const QJsonArray &outputs,
                          const QJsonObject &usage, const std::optional<QString> &errorMessage) {
    EventWriter w;
    w.add(u"conversation.response.started"_s, QJsonObject{{u"conversation_id"_s, conversationId}});
    for (qsizetype i = 0; i < outputs.size(); ++i) {
        addOutputEvents(w, int(i), outputs.at(i).toObject());
        if (errorMessage) {
            w.add(u"conversation.response.error"_s,
                  QJsonObject{{u"message"_s, *errorMessage}, {u"code"_s, 3000}});
            return w.take();
        }
    }
    w.add(u"conversation.response.done"_s, QJsonObject{{u"usage"_s, usage}});
    return w.take();
}

bool wantsSearch(const QString &text) {
    return containsAny(text, {"search"_L1, "cite"_L1});
}

bool wantsCode(const QString &text) {
    return containsAny(text, {"run code"_L1, "calculate"_L1, "compute"_L1});
}

bool wantsCsv(const QString &text) {
    return containsAny(text, {"csv"_L1});
}

bool wantsHandoff(const QString &text) {
    return containsAny(text, {"hand off"_L1, "handoff"_L1});
}

QStringList confirmationsRequired(const QJsonObject &connectorTool) {
    QStringList names;
    const QJsonArray list = connectorTool.value("tool_configuration"_L1)
                                .toObject()
                                .value("requires_confirmation"_L1)
                                .toArray();
    for (const QJsonValue &name : list)
        names.append(name.toString());
    return names;
}

bool wantsResponseError(const QString &text) {
    return containsAny(text, {"response error"_L1});
}

bool wantsCut(const QString &text) {
    return containsAny(text, {"cut stream"_L1});
}

} // namespace Tramontane::Emulator::ConversationScript
