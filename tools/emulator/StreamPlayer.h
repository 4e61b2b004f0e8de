// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Faults.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>

#include <optional>

class QTimer;

namespace Tramontane::Emulator {

class HttpExchange;

//! One event of a chat stream: its JSON payload and how many tokens it carries (for pacing).
struct StreamEvent {
    QByteArray json;
    int tokens = 0;
    QByteArray name; //!< the `event:` line (conversation streams); none when empty
};

//! Plays a chat completion stream on an exchange: `data: {json}` events paced at a token rate,
//! then `data: [DONE]`. Applies a stream fault (cut, malformed event, error object, endless
//! line, keep-alive comments only, pause) when given. Lives as a child of the exchange; stops by
//! itself when the client leaves.
class StreamPlayer final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StreamPlayer)

public:
    //! \a tokensPerSecond of 0 or less sends everything at once.
    StreamPlayer(HttpExchange *exchange, QList<StreamEvent> events, double tokensPerSecond,
                 std::optional<Fault> fault);
    void start();
    //! Conversation streams: no `[DONE]` at the end (the last event ends the stream), and a
    //! stream_error fault sends a `conversation.response.error` event.
    void setConversationFormat(bool on) { m_conversation = on; }

private:
    void tick();
    //! Writes one event; false when the stream ended (fault) and nothing more may be written.
    bool emitEvent(const StreamEvent &event, QByteArray &out);
    //! \a next is the event that would have come (a cut sends half of it).
    bool applyFault(QByteArray &out, const QByteArray &next);
    void finish(QByteArray &out);
    //! Endless faults: one more piece of the line that never ends, or one more comment.
    void tickEndless();
    //! True when a pause fault is due before the next event.
    bool pauseDue() const;

    QPointer<HttpExchange> m_exchange;
    QList<StreamEvent> m_events;
    double m_rate;
    std::optional<Fault> m_fault;
    qsizetype m_next = 0;
    qint64 m_tokensSent = 0;
    int m_eventsSent = 0;
    bool m_faultApplied = false;
    bool m_endless = false; // an endless fault took over the stream
    int m_endlessTicks = 0;
    QElapsedTimer m_clock;
    qint64 m_pausedMs = 0; // time spent in a pause fault, left out of the pacing
    bool m_paused = false;
    bool m_conversation = false;
    QTimer *m_timer;
};

} // namespace Tramontane::Emulator
