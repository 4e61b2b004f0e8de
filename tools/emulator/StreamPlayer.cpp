// SPDX-License-Identifier: GPL-3.0-or-later
#include "StreamPlayer.h"

#include "HttpServer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Tramontane::Emulator {

namespace {
constexpr int TickMs = 5;
// An endless line grows by this much per tick (about 13 MB/s).
constexpr qsizetype EndlessPieceBytes = 64 * 1024;
// A keep-alive comment every this many ticks (every 100 ms).
constexpr int KeepAliveTicks = 20;
} // namespace

StreamPlayer::StreamPlayer(HttpExchange *exchange, QList<StreamEvent> events,
                           double tokensPerSecond, std::optional<Fault> fault)
    : QObject(exchange)
    , m_exchange(exchange)
    , m_events(std::move(events))
    , m_rate(tokensPerSecond)
    , m_fault(std::move(fault))
    , m_timer(new QTimer(this)) {
    m_timer->setTimerType(Qt::PreciseTimer);
    m_timer->setInterval(TickMs);
    connect(m_timer, &QTimer::timeout, this, &StreamPlayer::tick);
    connect(exchange, &HttpExchange::clientGone, m_timer, &QTimer::stop);
}

void StreamPlayer::start() {
    m_clock.start();
    tick();
    if (m_exchange && m_exchange->isOpen() && m_next <= m_events.size() && !m_paused)
        m_timer->start();
}

void StreamPlayer::tick() {
    if (!m_exchange || !m_exchange->isOpen()) {
        m_timer->stop();
        return;
    }
    if (m_endless) {
        tickEndless();
        return;
    }
    const bool paced = m_rate > 0;
    const double due = paced ? double(m_clock.elapsed() - m_pausedMs) / 1000.0 * m_rate : 0;
    QByteArray out;
    while (m_next < m_events.size()) {
        if (pauseDue()) {
            // Silence, as while a tool runs: what was due goes out, then nothing for a while.
            m_faultApplied = true;
            m_paused = true;
            m_exchange->write(out);
            m_timer->stop();
            if (const int ms = m_fault->delayMs; ms > 0) {
                QTimer::singleShot(ms, this, [this, ms] {
                    m_paused = false;
                    m_pausedMs += ms;
                    m_timer->start();
                });
            }
            return;
        }
        // An event may go once the tokens before it are due.
        if (paced && double(m_tokensSent) > due)
            break;
        const StreamEvent &event = m_events.at(m_next++);
        if (!emitEvent(event, out)) {
            if (!m_endless)
                m_timer->stop();
            return;
        }
        m_tokensSent += event.tokens;
    }
    if (m_next >= m_events.size()) {
        finish(out);
        if (!m_endless)
            m_timer->stop();
        return;
    }
    m_exchange->write(out);
}

bool StreamPlayer::pauseDue() const {
    return m_fault && m_fault->kind == Fault::Kind::Pause && !m_faultApplied
           && m_eventsSent >= m_fault->afterEvents;
}

bool StreamPlayer::emitEvent(const StreamEvent &event, QByteArray &out) {
    QByteArray bytes = "data: " + event.json + "\n\n";
    if (!event.name.isEmpty())
        bytes.prepend("event: " + event.name + '\n');
    if (m_fault && !m_faultApplied && m_eventsSent >= m_fault->afterEvents) {
        if (!applyFault(out, bytes))
            return false;
    }
    out += bytes;
    ++m_eventsSent;
    return true;
}

bool StreamPlayer::applyFault(QByteArray &out, const QByteArray &next) {
    m_faultApplied = true;
    switch (m_fault->kind) {
    case Fault::Kind::Cut:
        // The connection ends in the middle of the next event: no closing chunk, no [DONE].
        m_exchange->write(out);
        m_exchange->writePartial(next, next.size() / 2);
        m_exchange->abortStream();
        return false;
    case Fault::Kind::StreamError: {
        if (m_conversation) {
            const QJsonObject error{
                {u"type"_s, u"conversation.response.error"_s},
                {u"message"_s, m_fault->message.isEmpty()
                                   ? u"Internal error while generating the answer"_s
                                   : m_fault->message},
                {u"code"_s, 3000},
            };
            out += "event: conversation.response.error\ndata: "
                   + QJsonDocument(error).toJson(QJsonDocument::Compact) + "\n\n";
            m_exchange->write(out);
            m_exchange->endStream();
            return false;
        }
        const QJsonObject error{
            {u"object"_s, u"error"_s},
            {u"message"_s, m_fault->message.isEmpty()
                               ? u"Internal error while generating the answer"_s
                               : m_fault->message},
            {u"type"_s, u"internal_server_error"_s},
            {u"param"_s, QJsonValue::Null},
            {u"code"_s, u"3000"_s},
        };
        out += "data: " + QJsonDocument(error).toJson(QJsonDocument::Compact) + "\n\n";
        m_exchange->write(out);
        m_exchange->endStream();
        return false;
    }
    case Fault::Kind::EndlessLine:
        // A chunk whose content never ends: no line end ever comes.
        out += "data: {\"id\":\"endless\",\"object\":\"chat.completion.chunk\",\"choices\":"
               "[{\"index\":0,\"delta\":{\"content\":\"";
        m_exchange->write(out);
        m_endless = true;
        m_timer->start();
        return false;
    case Fault::Kind::KeepAlive:
        // The connection stays busy, but no event ever comes again.
        out += ": keep-alive\n\n";
        m_exchange->write(out);
        m_endless = true;
        m_timer->start();
        return false;
    case Fault::Kind::Malformed:
        // Half an event: the JSON stops in the middle of a key.
        out +=
            "data: {\"id\":\"broken\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"del\n\n";
        return true;
    default:
        return true;
    }
}

void StreamPlayer::tickEndless() {
    if (m_fault->kind == Fault::Kind::EndlessLine) {
        m_exchange->write(QByteArray(EndlessPieceBytes, 'x'));
        return;
    }
    if (++m_endlessTicks % KeepAliveTicks == 0)
        m_exchange->write(": keep-alive\n\n");
}

void StreamPlayer::finish(QByteArray &out) {
    // A fault that asked for more events than the stream has happens before [DONE].
    if (m_fault && !m_faultApplied && !applyFault(out, m_conversation ? "" : "data: [DONE]\n\n"))
        return;
    if (!m_conversation)
        out += "data: [DONE]\n\n";
    m_exchange->write(out);
    m_exchange->endStream();
}

} // namespace Tramontane::Emulator
