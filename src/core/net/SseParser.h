// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

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
//! Memory is bounded: a line longer than maxLineSize() or an event whose data grows past
//! maxEventSize() stops the parser with an error (a stream that never ends a line would
//! otherwise grow without limit). The events completed before the overflow are still returned.
class SseParser final {
public:
    enum class Error {
        None,
        LineTooLong,   //!< a line (without its end) is longer than maxLineSize()
        EventTooLarge, //!< an event's data lines add up to more than maxEventSize()
    };

    //! Far above any real event (a chat chunk is a few hundred bytes, a tool result a few kB).
    static constexpr qsizetype kDefaultMaxLineSize = 8 * 1024 * 1024;
    static constexpr qsizetype kDefaultMaxEventSize = 16 * 1024 * 1024;

    //! Parses the next piece of the stream and returns the events it completed. After an
    //! overflow, returns nothing more until reset().
    QList<SseEvent> feed(QByteArrayView bytes);

    Error error() const { return m_error; }
    bool hasError() const { return m_error != Error::None; }
    //! What overflowed, in English for logs and details, or an empty string.
    QString errorString() const;

    qsizetype maxLineSize() const { return m_maxLineSize; }
    qsizetype maxEventSize() const { return m_maxEventSize; }
    //! Sets the limits (at least 1 byte each); they survive reset().
    void setLimits(qsizetype maxLineSize, qsizetype maxEventSize);

    //! True if the stream so far ends inside an event (bytes or fields not yet dispatched).
    //! At the end of a stream such a partial event is discarded, never half-applied.
    bool hasPartialEvent() const;

    //! The id of the last event (the value a client would send as Last-Event-ID).
    QByteArray lastEventId() const { return m_lastEventId; }

    //! Total number of bytes fed so far.
    qint64 bytesFed() const { return m_bytesFed; }
    //! True once a line of the event-stream format was seen: a comment or a `data`, `event`,
    //! `id` or `retry` field. Bytes that never gave one (an HTML page) were no event stream.
    bool hasSeenStreamLine() const { return m_sawStreamLine; }

    //! Forgets the stream (and any error), keeping the limits.
    void reset();

private:
    void processLine(QByteArrayView line, QList<SseEvent> &out);
    void overflow(Error error);

    QByteArray m_buffer; // bytes of an unterminated line
    QByteArray m_data;   // data lines of the pending event
    QByteArray m_event;  // event type of the pending event
    QByteArray m_lastEventId;
    std::optional<int> m_retry;
    bool m_hasData = false;
    bool m_pendingFields = false;
    bool m_skipLf = false; // the previous piece ended in CR: a leading LF belongs to it
    bool m_atStart = true; // a BOM may only appear at the very start
    bool m_sawStreamLine = false;
    qint64 m_bytesFed = 0;
    qsizetype m_maxLineSize = kDefaultMaxLineSize;
    qsizetype m_maxEventSize = kDefaultMaxEventSize;
    Error m_error = Error::None;
};

} // namespace Tramontane
