// SPDX-License-Identifier: GPL-3.0-or-later
// MCP messages from a server: a body as plain JSON and as an event stream, each message
// decoded (object or batch), and a tools/list answer turned into tools.
#include "core/net/SseParser.h"
#include "core/protocol/McpMessage.h"
#include "core/protocol/McpTool.h"

#include "FuzzSupport.h"

using namespace Tramontane;
using namespace Qt::StringLiterals;

namespace {

void check(const McpMessage &m, qint64 id) {
    Fuzz::require(m.isJson || (!m.sawJsonRpc && !m.answer), "no answer without JSON");
    Fuzz::require(!m.answer || m.sawJsonRpc, "an answer is JSON-RPC");
    if (m.answer) {
        Fuzz::require(m.answer->value(u"id"_s).toDouble() == double(id), "the answer's id");
        for (const McpTool &tool : McpTool::listFromJson(m.answer->value(u"result"_s)))
            (void)tool.toJson();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    if (size < 1)
        return 0;
    const qint64 id = data[0] % 4;
    const QByteArrayView body = Fuzz::view(data + 1, size - 1);
    check(McpMessage::decode(body, id), id);
    SseParser parser;
    for (const SseEvent &event : parser.feed(body))
        check(McpMessage::decode(event.data, id), id);
    return 0;
}
