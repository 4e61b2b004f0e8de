// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <optional>

namespace Tramontane {

//! One server-sent event, as dispatched by SseParser.
struct SseEvent {
    QByteArray event;         //!< the `event:` field; empty means the default type, "message"
    QByteArray data;          //!< every `data:` line of the event, joined with '\n'
    QByteArray id;            //!< the last event id seen so far in the stream (it carries over)
    std::optional<int> retry; //!< a `retry:` value, when this event carried a valid one

    bool isDone() const { return data == "[DONE]"; }
    friend bool operator==(const SseEvent &, const SseEvent &) = default;
};

//! An incremental parser for text/event-stream, following the WHATWG interpretation: lines end
//! in CRLF, LF or CR (a CRLF split between two feeds counts once); a leading BOM is skipped;
//! lines starting with ':' are comments; `data` lines accumulate; a blank line dispatches; an
//! `id` containing NUL is ignored; `retry` must be all digits. Bytes may be cut anywhere, even
//! inside a UTF-8 sequence: the parser works on bytes and only whole lines reach the fields.
//! Work is linear in the input: a long event arriving in many small pieces is scanned once.
class SseParser final {
public:
    //! Parses the next piece of the stream and returns the events it completed.
    QList<SseEvent> feed(QByteArrayView bytes);

    //! True if the stream so far ends inside an event (bytes or fields not yet dispatched).
    //! At the end of a stream such a partial event is discarded, never half-applied.
    bool hasPartialEvent() const;

    //! The id of the last event (the value a client would send as Last-Event-ID).
    QByteArray lastEventId() const { return m_lastEventId; }

    //! Total number of bytes fed so far.
    qint64 bytesFed() const { return m_bytesFed; }

    void reset();

private:
    void processLine(QByteArrayView line, QList<SseEvent> &out);

    QByteArray m_buffer; // bytes of an unterminated line
    QByteArray m_data;   // data lines of the pending event
    QByteArray m_event;  // event type of the pending event
    QByteArray m_lastEventId;
    std::optional<int> m_retry;
    bool m_hasData = false;
    bool m_pendingFields = false;
    bool m_skipLf = false; // the previous piece ended in CR: a leading LF belongs to it
    bool m_atStart = true; // a BOM may only appear at the very start
    qint64 m_bytesFed = 0;
};

} // namespace Tramontane
