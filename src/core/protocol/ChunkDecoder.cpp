// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/ChunkDecoder.h"

#include <cstring>

namespace Tramontane {

namespace {

int hexDigit(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Reads the four hex digits of a \u escape at p (end excluded).
int hex4(const char *p, const char *end) {
    if (end - p < 4)
        return -1;
    int value = 0;
    for (int i = 0; i < 4; ++i) {
        const int digit = hexDigit(p[i]);
        if (digit < 0)
            return -1;
        value = value * 16 + digit;
    }
    return value;
}

// Length of the well-formed UTF-8 sequence at p (a non-ASCII lead byte), 0 when ill-formed:
// overlong forms, encoded surrogates and code points above U+10FFFF are refused.
int utf8Length(const unsigned char *p, const unsigned char *end) {
    const unsigned char lead = p[0];
    int length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0)
            low = 0xA0;
        else if (lead == 0xED)
            high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0)
            low = 0x90;
        else if (lead == 0xF4)
            high = 0x8F;
    } else {
        return 0;
    }
    if (end - p < length)
        return 0;
    if (p[1] < low || p[1] > high)
        return 0;
    for (int i = 2; i < length; ++i) {
        if (p[i] < 0x80 || p[i] > 0xBF)
            return 0;
    }
    return length;
}

class Reader {
public:
    explicit Reader(QByteArrayView json)
        : m_p(json.data())
        , m_end(json.data() + json.size()) {}

    void skipSpace() {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\t' || *m_p == '\n' || *m_p == '\r'))
            ++m_p;
    }
    bool eat(char c) {
        skipSpace();
        if (m_p < m_end && *m_p == c) {
            ++m_p;
            return true;
        }
        return false;
    }
    bool atEnd() {
        skipSpace();
        return m_p == m_end;
    }
    bool peek(char c) {
        skipSpace();
        return m_p < m_end && *m_p == c;
    }
    bool literal(const char *word) {
        const auto length = qsizetype(std::strlen(word));
        if (m_end - m_p < length || std::memcmp(m_p, word, size_t(length)) != 0)
            return false;
        m_p += length;
        return true;
    }

    // A string at the current position, validated; its raw bytes go to text.
    bool string(ChunkText *text) {
        if (!eat('"'))
            return false;
        const char *start = m_p;
        bool plain = true;
        while (true) {
            // The common run of plain ASCII.
            while (m_p < m_end) {
                const auto c = static_cast<unsigned char>(*m_p);
                if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80)
                    break;
                ++m_p;
            }
            if (m_p >= m_end)
                return false;
            const auto c = static_cast<unsigned char>(*m_p);
            if (c == '"')
                break;
            if (c < 0x20)
                return false;
            plain = false;
            if (c >= 0x80) {
                const int length = utf8Length(reinterpret_cast<const unsigned char *>(m_p),
                                              reinterpret_cast<const unsigned char *>(m_end));
                if (length == 0)
                    return false;
                m_p += length;
                continue;
            }
            // An escape sequence.
            if (m_end - m_p < 2)
                return false;
            const char kind = m_p[1];
            if (kind == 'u') {
                const int unit = hex4(m_p + 2, m_end);
                if (unit < 0)
                    return false;
                m_p += 6;
                if (unit >= 0xDC00 && unit <= 0xDFFF)
                    return false; // a lone low surrogate
                if (unit >= 0xD800 && unit <= 0xDBFF) {
                    if (m_end - m_p < 6 || m_p[0] != '\\' || m_p[1] != 'u')
                        return false; // a lone high surrogate
                    const int second = hex4(m_p + 2, m_end);
                    if (second < 0xDC00 || second > 0xDFFF)
                        return false;
                    m_p += 6;
                }
                continue;
            }
            if (!std::strchr("\"\\/bfnrt", kind) || kind == '\0')
                return false;
            m_p += 2;
        }
        text->raw = QByteArrayView(start, m_p - start);
        text->present = true;
        text->plain = plain;
        ++m_p; // the closing quote
        return true;
    }

    // A string or null; null leaves text absent.
    bool stringOrNull(ChunkText *text) {
        skipSpace();
        if (literal("null")) {
            *text = ChunkText();
            return true;
        }
        return string(text);
    }

    // A non-negative integer without fraction or exponent, of at most maxDigits digits.
    bool integer(qint64 *value, int maxDigits) {
        skipSpace();
        const char *start = m_p;
        qint64 result = 0;
        while (m_p < m_end && *m_p >= '0' && *m_p <= '9') {
            result = result * 10 + (*m_p - '0');
            ++m_p;
            if (m_p - start > maxDigits)
                return false;
        }
        const qsizetype digits = m_p - start;
        if (digits == 0 || (digits > 1 && *start == '0'))
            return false;
        if (m_p < m_end && (*m_p == '.' || *m_p == 'e' || *m_p == 'E'))
            return false;
        *value = result;
        return true;
    }

    // A value whose content nobody reads: only strings, null and booleans are taken.
    bool plainValue() {
        skipSpace();
        if (m_p < m_end && *m_p == '"') {
            ChunkText ignored;
            return string(&ignored);
        }
        return literal("null") || literal("true") || literal("false");
    }

    // A key with no escape sequence, then the colon.
    bool key(QByteArrayView *name) {
        ChunkText text;
        if (!string(&text) || !text.plain || !eat(':'))
            return false;
        *name = text.raw;
        return true;
    }

    // Walks an object: calls member(key) for every member, which reads the value.
    template<typename Member>
    bool object(Member member) {
        if (!eat('{'))
            return false;
        if (eat('}'))
            return true;
        do {
            QByteArrayView name;
            if (!key(&name) || !member(name))
                return false;
        } while (eat(','));
        return eat('}');
    }

private:
    const char *m_p;
    const char *m_end;
};

// Notes a known key; false when it was already seen (duplicates go the slow way).
bool once(unsigned *seen, unsigned bit) {
    if (*seen & bit)
        return false;
    *seen |= bit;
    return true;
}

bool decodeDelta(Reader &reader, ChunkChoice *choice) {
    unsigned seen = 0;
    return reader.object([&](QByteArrayView name) {
        if (name == "role")
            return once(&seen, 1) && reader.stringOrNull(&choice->role);
        if (name == "content")
            return once(&seen, 2) && reader.stringOrNull(&choice->content);
        // Fields that change the message when set: only their null (same as absent) is taken.
        if (name == "tool_calls" || name == "tool_call_id" || name == "index" || name == "metadata"
            || name == "name") {
            reader.skipSpace();
            return reader.literal("null");
        }
        return reader.plainValue();
    });
}

bool decodeChoice(Reader &reader, ChunkChoice *choice) {
    unsigned seen = 0;
    return reader.object([&](QByteArrayView name) {
        if (name == "index") {
            qint64 index = 0;
            if (!once(&seen, 1) || !reader.integer(&index, 9))
                return false;
            choice->index = int(index);
            return true;
        }
        if (name == "finish_reason")
            return once(&seen, 2) && reader.stringOrNull(&choice->finishReason);
        if (name == "delta") {
            if (!once(&seen, 4))
                return false;
            reader.skipSpace();
            return reader.literal("null") || decodeDelta(reader, choice);
        }
        return reader.plainValue();
    });
}

bool decodeChoices(Reader &reader, DecodedChunk *chunk) {
    if (!reader.eat('['))
        return false;
    if (reader.eat(']'))
        return true;
    do {
        ChunkChoice &choice = chunk->choices.emplace_back();
        if (!decodeChoice(reader, &choice))
            return false;
    } while (reader.eat(','));
    return reader.eat(']');
}

void appendUtf16(QString &out, char32_t codePoint) {
    if (codePoint > 0xFFFF) {
        out += QChar(QChar::highSurrogate(codePoint));
        out += QChar(QChar::lowSurrogate(codePoint));
    } else {
        out += QChar(char16_t(codePoint));
    }
}

} // namespace

QString ChunkText::toString() const {
    if (!present)
        return {};
    if (plain)
        return QString::fromLatin1(raw);
    QString out;
    out.reserve(raw.size());
    const char *p = raw.data();
    const char *end = p + raw.size();
    while (p < end) {
        const char *run = p;
        while (p < end && *p != '\\')
            ++p;
        if (p > run)
            out += QString::fromUtf8(QByteArrayView(run, p - run));
        if (p >= end)
            break;
        // Validated by the decoder: a complete escape sequence.
        const char kind = p[1];
        if (kind == 'u') {
            char32_t codePoint = char32_t(hex4(p + 2, end));
            p += 6;
            if (codePoint >= 0xD800 && codePoint <= 0xDBFF) {
                const auto low = char32_t(hex4(p + 2, end));
                codePoint = QChar::surrogateToUcs4(char16_t(codePoint), char16_t(low));
                p += 6;
            }
            appendUtf16(out, codePoint);
            continue;
        }
        switch (kind) {
        case 'b':
            out += u'\b';
            break;
        case 'f':
            out += u'\f';
            break;
        case 'n':
            out += u'\n';
            break;
        case 'r':
            out += u'\r';
            break;
        case 't':
            out += u'\t';
            break;
        default: // '"', '\\', '/'
            out += QLatin1Char(kind);
            break;
        }
        p += 2;
    }
    return out;
}

bool decodeChunk(QByteArrayView json, DecodedChunk *chunk) {
    *chunk = DecodedChunk();
    Reader reader(json);
    unsigned seen = 0;
    bool hasChoices = false;
    const bool ok = reader.object([&](QByteArrayView name) {
        if (name == "id")
            return once(&seen, 1) && reader.stringOrNull(&chunk->id);
        if (name == "model")
            return once(&seen, 2) && reader.stringOrNull(&chunk->model);
        if (name == "object")
            return once(&seen, 4) && reader.stringOrNull(&chunk->object);
        if (name == "created") {
            if (!once(&seen, 8))
                return false;
            reader.skipSpace();
            if (reader.literal("null"))
                return true;
            qint64 created = 0;
            if (!reader.integer(&created, 15))
                return false;
            chunk->created = created;
            return true;
        }
        if (name == "choices") {
            hasChoices = true;
            return once(&seen, 16) && decodeChoices(reader, chunk);
        }
        if (name == "usage") {
            reader.skipSpace();
            return once(&seen, 32) && reader.literal("null");
        }
        // Read by the stream job or the accumulator's slow path: never taken here.
        if (name == "error" || name == "type")
            return false;
        return reader.plainValue();
    });
    return ok && hasChoices && reader.atEnd();
}

} // namespace Tramontane
