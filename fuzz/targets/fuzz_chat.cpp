// SPDX-License-Identifier: GPL-3.0-or-later
// The chat decoders: a body as a non-streamed completion (ChatCompletion, messages), and as an
// event stream whose events go through StreamAccumulator (chunks, multi-message sequences).
#include "core/net/SseParser.h"
#include "core/protocol/ChatCompletion.h"
#include "core/protocol/ChunkDecoder.h"
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

bool sameChanges(const StreamUpdate &a, const StreamUpdate &b) {
    if (a.accepted != b.accepted || a.usageChanged != b.usageChanged
        || a.changes.size() != b.changes.size())
        return false;
    for (qsizetype i = 0; i < a.changes.size(); ++i) {
        const StreamChange &x = a.changes.at(i);
        const StreamChange &y = b.changes.at(i);
        if (x.choice != y.choice || x.message != y.message || x.messageStarted != y.messageStarted
            || x.textAppended != y.textAppended || x.contentChanged != y.contentChanged
            || x.toolCallsChanged != y.toolCallsChanged || x.finishReason != y.finishReason)
            return false;
    }
    return true;
}

bool sameCompletion(const ChatCompletion &a, const ChatCompletion &b) {
    if (!(a == b) || a.object != b.object || a.choices.size() != b.choices.size())
        return false;
    for (qsizetype c = 0; c < a.choices.size(); ++c) {
        const QList<ChatMessage> &x = a.choices.at(c).messages;
        const QList<ChatMessage> &y = b.choices.at(c).messages;
        if (a.choices.at(c).finishReason != b.choices.at(c).finishReason || x.size() != y.size())
            return false;
        for (qsizetype m = 0; m < x.size(); ++m) {
            if (!(x.at(m) == y.at(m)) || !(x.at(m).content == y.at(m).content))
                return false;
        }
    }
    return true;
}

// The fast chunk decoder: whenever it accepts an event, QJsonDocument must accept it too and
// the accumulator must end up exactly where the QJsonDocument path takes it.
void checkFastPath(const QList<SseEvent> &events) {
    StreamAccumulator slow;
    StreamAccumulator fast;
    DecodedChunk decoded;
    for (const SseEvent &event : events) {
        if (event.isDone())
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(event.data);
        const StreamUpdate slowUpdate = doc.isObject() ? slow.feed(doc.object()) : StreamUpdate();
        StreamUpdate fastUpdate;
        if (decodeChunk(event.data, &decoded)) {
            Fuzz::require(doc.isObject(), "an accepted chunk is a JSON object");
            Fuzz::require(!doc.object().contains(QLatin1StringView("error")),
                          "an accepted chunk has no error");
            fastUpdate = fast.feed(decoded);
        } else if (doc.isObject()) {
            fastUpdate = fast.feed(doc.object());
        }
        Fuzz::require(sameChanges(slowUpdate, fastUpdate), "fast path: same update");
        Fuzz::require(sameCompletion(slow.completion(), fast.completion()),
                      "fast path: same completion");
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
    const QList<SseEvent> events = parser.feed(bytes);
    checkFastPath(events);
    for (const SseEvent &event : events) {
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
