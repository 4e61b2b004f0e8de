// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/McpMessage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

// True if \a o is JSON-RPC; sets \a message's answer when it is the answer to \a id.
bool inspect(const QJsonObject &o, qint64 id, McpMessage &message) {
    if (o.value("jsonrpc"_L1).toString() != "2.0"_L1)
        return false;
    message.sawJsonRpc = true;
    if (!o.contains("result"_L1) && !o.contains("error"_L1))
        return false; // a request or notification from the server
    // Compared as numbers: converting a huge or fractional id to an integer would be wrong
    // (7.5 is not 7) or undefined (1e300).
    const QJsonValue v = o.value("id"_L1);
    if (!v.isDouble() || v.toDouble() != double(id))
        return false;
    message.answer = o;
    return true;
}

} // namespace

McpMessage McpMessage::decode(QByteArrayView bytes, qint64 id) {
    McpMessage message;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || (!doc.isObject() && !doc.isArray()))
        return message;
    message.isJson = true;
    if (doc.isObject()) {
        inspect(doc.object(), id, message);
        return message;
    }
    const QJsonArray batch = doc.array();
    for (const QJsonValue &v : batch) {
        if (v.isObject() && inspect(v.toObject(), id, message))
            break;
    }
    return message;
}

} // namespace Tramontane
