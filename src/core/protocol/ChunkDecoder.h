// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QString>
#include <QVarLengthArray>

#include <optional>

namespace Tramontane {

//! A JSON string of a decoded chunk, kept as its validated source bytes until it is needed.
struct ChunkText {
    QByteArrayView raw;   //!< The bytes between the quotes.
    bool present = false; //!< The value was a string (not absent, not null).
    bool plain = true;    //!< No escape sequence and only ASCII: the bytes are the text.

    //! The decoded string; a null QString when not present.
    QString toString() const;
};

//! One `choices[]` item of a decoded chunk.
struct ChunkChoice {
    int index = 0;
    ChunkText finishReason;
    ChunkText role;
    ChunkText content;
};

//! The part of a `chat.completion.chunk` event that StreamAccumulator uses.
struct DecodedChunk {
    ChunkText id;
    ChunkText model;
    ChunkText object;
    std::optional<qint64> created;
    QVarLengthArray<ChunkChoice, 2> choices;
};

//! A strict decoder for the common shape of a streamed chat chunk: id, object, created, model,
//! choices with index, finish_reason and a delta of role and string content, plus unknown
//! fields with plain (string, null, boolean) values. It returns false for anything else (usage,
//! error, content arrays, tool calls, message sequences, numbers it does not read, duplicate
//! keys, lone surrogates, invalid UTF-8, malformed JSON...): the caller then goes through
//! QJsonDocument. When it returns true, the result equals what QJsonDocument and
//! StreamAccumulator::feed(QJsonObject) make of the same bytes.
bool decodeChunk(QByteArrayView json, DecodedChunk *chunk);

} // namespace Tramontane
