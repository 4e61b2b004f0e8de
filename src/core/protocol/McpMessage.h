// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QJsonObject>

#include <optional>

namespace Tramontane {

//! One message from an MCP server, as it comes over Streamable HTTP: the data of one SSE
//! event, or a whole `application/json` body. A message is a JSON-RPC object or a batch
//! (an array of them); it may carry requests and notifications from the server as well as
//! the answer to our request.
struct McpMessage {
    //! The bytes are a JSON object or array.
    bool isJson = false;
    //! Some object in the message is JSON-RPC 2.0 (`"jsonrpc":"2.0"`).
    bool sawJsonRpc = false;
    //! The JSON-RPC answer (with `result` or `error`) whose numeric id is the one asked for.
    std::optional<QJsonObject> answer;

    //! Decodes \a bytes, looking for the answer to request \a id. Pure: no I/O, no state.
    static McpMessage decode(QByteArrayView bytes, qint64 id);
};

} // namespace Tramontane
