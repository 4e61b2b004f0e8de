// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/ChatCompletion.h"
#include "core/protocol/ChunkDecoder.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <utility>

namespace Tramontane {

//! What one delta changed in the completion being rebuilt.
struct StreamChange {
    int choice = 0;              //!< The choice's `index`.
    qsizetype message = -1;      //!< Position in Choice::messages, -1 when no message was touched.
    bool messageStarted = false; //!< The delta opened a new message (at `message`).
    QString textAppended;        //!< Text added to the message's plain text (may be empty).
    bool contentChanged = false; //!< Any content change: text, thinking, images, other chunks.
    bool toolCallsChanged = false;
    QString finishReason; //!< Set when the delta carried a finish_reason.
};

//! The result of StreamAccumulator::feed().
struct StreamUpdate {
    bool accepted = false; //!< The chunk had the `chat.completion.chunk` shape and was applied.
    QList<StreamChange> changes;
    bool usageChanged = false;
};

//! Rebuilds a ChatCompletion from the chunks of a streamed chat completion, so that the result
//! equals what the same call without streaming returns.
//!
//! Feed it the JSON object of every `data:` event except the final `[DONE]`; call markDone()
//! for `[DONE]` and markEnded() when the connection closes. Rules:
//! - the first chunk gives id, model and created; the object name is the chunk's without
//!   ".chunk" ("chat.multi_completion" once a message sequence shows up);
//! - `delta.index` picks the message of a multi-message sequence (messages are kept in index
//!   order); without it the delta goes to the choice's last message;
//! - a message takes its role from its first delta (assistant when none is given), and a
//!   role:"tool" delta its tool_call_id;
//! - string content is appended; chunk-array content is appended chunk by chunk, consecutive
//!   text chunks (and consecutive thinking chunks) merging;
//! - tool calls merge by their `index` (then by id): id, type and name are taken once,
//!   argument fragments are appended;
//! - the last non-null finish_reason of a choice wins;
//! - usage is kept per chunk id (the latest one of each id) and the total is their sum, since
//!   each sub-completion of a multi-message stream reports its own usage.
class StreamAccumulator {
public:
    enum class State { Streaming, Done, Interrupted };

    //! Applies one chunk. Chunks after markDone() or markEnded() are ignored (not accepted).
    StreamUpdate feed(const QJsonObject &chunk);
    //! Applies one chunk read by decodeChunk(); the same result as feed() with its JSON object.
    StreamUpdate feed(const DecodedChunk &chunk);
    //! The `[DONE]` sentinel arrived: the stream is complete.
    void markDone();
    //! The stream ended (connection closed or aborted). Without an earlier markDone() the
    //! completion is incomplete and the state becomes Interrupted.
    void markEnded();
    //! Back to an empty completion in the Streaming state.
    void reset();

    State state() const { return m_state; }
    bool isDone() const { return m_state == State::Done; }
    bool isInterrupted() const { return m_state == State::Interrupted; }
    //! Number of chunks applied so far.
    int chunkCount() const { return m_chunkCount; }

    //! The completion as rebuilt so far.
    const ChatCompletion &completion() const { return m_completion; }

private:
    StreamChange applyChoice(const QJsonObject &choiceJson);
    Choice &choiceFor(int index);
    static ChatMessage &messageFor(Choice &choice, std::optional<qint64> messageIndex,
                                   StreamChange *change);
    static void appendText(ChatMessage &message, const QString &text, StreamChange *change);
    void updateObjectName();

    ChatCompletion m_completion;
    QString m_chunkObject;
    QList<std::pair<QString, Usage>> m_usageById;
    State m_state = State::Streaming;
    int m_chunkCount = 0;
};

} // namespace Tramontane
