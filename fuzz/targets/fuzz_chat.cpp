// SPDX-License-Identifier: GPL-3.0-or-later
// The chat decoders: a body as a non-streamed completion (ChatCompletion, messages), and as an
// event stream whose events go through StreamAccumulator (chunks, multi-message sequences).
#include "core/net/SseParser.h"
#include "core/protocol/ChatCompletion.h"
#include "core/protocol/StreamAccumulator.h"

#include "FuzzSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Tramontane;

namespace {

void touch(const ChatCompletion &completion) {
    (void)completion.toJson();
    for (const Choice &choice : completion.choices) {
        (void)choice.toolRuns();
        (void)choice.pendingFunctionCalls();
        for (const ChatMessage &message : choice.messages) {
            (void)message.content.plainText();
            (void)message.content.thinkingText();
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const QByteArray bytes = Fuzz::view(data, size).toByteArray();

    // A whole answer: a completion object, or an array of messages.
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error == QJsonParseError::NoError) {
        if (doc.isObject()) {
            touch(ChatCompletion::fromJson(doc.object()));
            (void)ChatMessage::fromJson(doc.object()).toJson();
        } else if (doc.isArray()) {
            (void)messagesToJson(messagesFromJson(doc.array()));
        }
    }

    // A stream: every data event that is a JSON object is a chunk.
    SseParser parser;
    StreamAccumulator accumulator;
    for (const SseEvent &event : parser.feed(bytes)) {
        if (event.isDone()) {
            accumulator.markDone();
            continue;
        }
        const QJsonDocument chunk = QJsonDocument::fromJson(event.data);
        if (chunk.isObject()) {
            const StreamUpdate update = accumulator.feed(chunk.object());
            for (const StreamChange &change : update.changes) {
                Fuzz::require(change.message >= -1, "message position");
                if (change.message >= 0) {
                    const auto &choices = accumulator.completion().choices;
                    bool found = false;
                    for (const Choice &c : choices) {
                        if (c.index == change.choice)
                            found = change.message < c.messages.size();
                    }
                    Fuzz::require(found, "a change points at an existing message");
                }
            }
        }
    }
    accumulator.markEnded();
    touch(accumulator.completion());
    return 0;
}
