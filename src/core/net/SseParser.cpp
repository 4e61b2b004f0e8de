// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/SseParser.h"

#include <algorithm>

namespace Tramontane {

namespace {

// Position of the first CR or LF in [from, size), or -1.
qsizetype findLineEnd(const char *begin, qsizetype from, qsizetype size) {
    for (qsizetype i = from; i < size; ++i) {
        const char c = begin[i];
        if (c == '\n' || c == '\r')
            return i;
    }
    return -1;
}

bool allDigits(QByteArrayView v) {
    if (v.isEmpty())
        return false;
    for (char c : v) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

} // namespace

QList<SseEvent> SseParser::feed(QByteArrayView bytes) {
    QList<SseEvent> out;
    m_bytesFed += bytes.size();
    if (bytes.isEmpty() || hasError())
        return out;

    if (m_skipLf) {
        m_skipLf = false;
        if (bytes.front() == '\n')
            bytes = bytes.sliced(1);
    }
    QByteArray head; // owns the bytes `bytes` views while a BOM is being looked for
    if (m_atStart) {
        // The BOM can be split across pieces too: wait until three bytes are known.
        const QByteArrayView bom("\xEF\xBB\xBF");
        head = m_buffer + bytes.toByteArray();
        m_buffer.clear();
        if (head.size() < bom.size() && bom.startsWith(head)) {
            m_buffer = head;
            return out;
        }
        m_atStart = false;
        bytes = QByteArrayView(head);
        if (bytes.startsWith(bom))
            bytes = bytes.sliced(bom.size());
    }

    const char *data = bytes.data();
    const qsizetype size = bytes.size();
    qsizetype pos = 0;
    while (pos < size) {
        const qsizetype end = findLineEnd(data, pos, size);
        if (end < 0) {
            if (m_buffer.size() + (size - pos) > m_maxLineSize)
                overflow(Error::LineTooLong);
            else
                m_buffer.append(data + pos, size - pos);
            break;
        }
        if (m_buffer.size() + (end - pos) > m_maxLineSize) {
            overflow(Error::LineTooLong);
            break;
        }
        if (m_buffer.isEmpty()) {
            processLine(QByteArrayView(data + pos, end - pos), out);
        } else {
            m_buffer.append(data + pos, end - pos);
            processLine(m_buffer, out);
            m_buffer.clear();
        }
        if (hasError())
            break;
        pos = end + 1;
        if (data[end] == '\r') {
            if (pos < size) {
                if (data[pos] == '\n')
                    ++pos;
            } else {
                m_skipLf = true;
            }
        }
    }
    return out;
}

void SseParser::processLine(QByteArrayView line, QList<SseEvent> &out) {
    if (line.isEmpty()) {
        // Dispatch. An event without data is not dispatched, but its type is reset.
        if (m_hasData) {
            if (m_data.endsWith('\n'))
                m_data.chop(1);
            out.append(SseEvent{m_event, m_data, m_lastEventId, m_retry});
        }
        m_data.clear();
        m_event.clear();
        m_retry.reset();
        m_hasData = false;
        m_pendingFields = false;
        return;
    }
    if (line.front() == ':') {
        m_sawStreamLine = true;
        return; // comment (servers send these as keep-alives)
    }

    m_pendingFields = true;
    QByteArrayView field = line;
    QByteArrayView value;
    const qsizetype colon = line.indexOf(':');
    if (colon >= 0) {
        field = line.first(colon);
        value = line.sliced(colon + 1);
        if (!value.isEmpty() && value.front() == ' ')
            value = value.sliced(1);
    }

    if (field == "data" || field == "event" || field == "id" || field == "retry")
        m_sawStreamLine = true;
    if (field == "data") {
        if (m_data.size() + value.size() + 1 > m_maxEventSize) {
            overflow(Error::EventTooLarge);
            return;
        }
        m_data.append(value.data(), value.size());
        m_data.append('\n');
        m_hasData = true;
    } else if (field == "event") {
        m_event = value.toByteArray();
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_lastEventId = value.toByteArray();
    } else if (field == "retry") {
        bool ok = false;
        const int v = allDigits(value) ? value.toInt(&ok) : 0;
        if (ok)
            m_retry = v;
    }
    // Unknown fields are ignored.
}

bool SseParser::hasPartialEvent() const {
    return !m_buffer.isEmpty() || m_pendingFields;
}

void SseParser::setLimits(qsizetype maxLineSize, qsizetype maxEventSize) {
    m_maxLineSize = std::max<qsizetype>(maxLineSize, 1);
    m_maxEventSize = std::max<qsizetype>(maxEventSize, 1);
}

QString SseParser::errorString() const {
    switch (m_error) {
    case Error::None:
        break;
    case Error::LineTooLong:
        return QStringLiteral("a stream line is longer than %1 bytes").arg(m_maxLineSize);
    case Error::EventTooLarge:
        return QStringLiteral("a stream event is larger than %1 bytes").arg(m_maxEventSize);
    }
    return {};
}

void SseParser::overflow(Error error) {
    m_error = error;
    // Nothing more will be parsed: give the memory back now.
    m_buffer = QByteArray();
    m_data = QByteArray();
    m_pendingFields = false;
}

void SseParser::reset() {
    const qsizetype maxLine = m_maxLineSize;
    const qsizetype maxEvent = m_maxEventSize;
    *this = SseParser();
    setLimits(maxLine, maxEvent);
}

} // namespace Tramontane
