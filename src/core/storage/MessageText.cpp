// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/MessageText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Tramontane::MessageText {

namespace {

void appendPart(QStringList &parts, const QJsonValue &value) {
    if (value.isString() && !value.toString().isEmpty())
        parts.append(value.toString());
}

// The text of one content chunk. \a visibleOnly skips everything but what the author wrote.
void appendChunk(QStringList &parts, const QJsonObject &chunk, bool visibleOnly) {
    const QString type = chunk.value("type"_L1).toString();
    if (type == "text"_L1) {
        appendPart(parts, chunk.value("text"_L1));
        return;
    }
    if (visibleOnly)
        return;
    if (type == "thinking"_L1) {
        const QJsonArray inner = chunk.value("thinking"_L1).toArray();
        for (const QJsonValue &v : inner) {
            if (v.isObject())
                appendChunk(parts, v.toObject(), false);
        }
    } else if (type == "document_url"_L1) {
        appendPart(parts, chunk.value("document_name"_L1));
        appendPart(parts, chunk.value("document_url"_L1));
    } else if (type == "tool_reference"_L1) {
        appendPart(parts, chunk.value("title"_L1));
        appendPart(parts, chunk.value("description"_L1));
        appendPart(parts, chunk.value("url"_L1));
    } else if (type == "tool_file"_L1) {
        appendPart(parts, chunk.value("file_name"_L1));
    } else if (type != "image_url"_L1 && type != "input_audio"_L1) {
        // An unknown chunk may still carry text worth finding; never index data URLs or
        // audio, which are large base64 blobs.
        appendPart(parts, chunk.value("text"_L1));
    }
}

void appendContent(QStringList &parts, const QJsonValue &content, bool visibleOnly) {
    if (content.isString()) {
        appendPart(parts, content);
    } else if (content.isArray()) {
        const QJsonArray chunks = content.toArray();
        for (const QJsonValue &v : chunks) {
            if (v.isObject())
                appendChunk(parts, v.toObject(), visibleOnly);
            else if (v.isString()) // lenient: a bare string inside the array
                appendPart(parts, v);
        }
    }
}

QString cleaned(QString text) {
    text.remove(QChar(u'\u0002'));
    text.remove(QChar(u'\u0003'));
    text.remove(QChar(u'\0'));
    return text;
}

bool isTokenChar(uint codePoint) {
    // Matches what SQLite's unicode61 tokenizer keeps in a token: letters, numbers, private
    // use characters, and combining marks (removed later with the diacritics).
    switch (QChar::category(codePoint)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Number_DecimalDigit:
    case QChar::Number_Letter:
    case QChar::Number_Other:
    case QChar::Other_PrivateUse:
    case QChar::Mark_NonSpacing:
        return true;
    default:
        return false;
    }
}

} // namespace

QString plainText(const QJsonObject &message) {
    QStringList parts;
    appendContent(parts, message.value("content"_L1), false);
    const QJsonArray calls = message.value("tool_calls"_L1).toArray();
    for (const QJsonValue &v : calls) {
        const QJsonObject function = v.toObject().value("function"_L1).toObject();
        appendPart(parts, function.value("name"_L1));
        const QJsonValue arguments = function.value("arguments"_L1);
        if (arguments.isString())
            appendPart(parts, arguments);
        else if (arguments.isObject())
            parts.append(QString::fromUtf8(
                QJsonDocument(arguments.toObject()).toJson(QJsonDocument::Compact)));
    }
    if (message.value("role"_L1).toString() == "tool"_L1)
        appendPart(parts, message.value("name"_L1));
    return cleaned(parts.join(u'\n'));
}

QString visibleText(const QJsonObject &message) {
    QStringList parts;
    appendContent(parts, message.value("content"_L1), true);
    return cleaned(parts.join(u'\n'));
}

QString deriveTitle(const QJsonObject &userMessage) {
    const QString text = visibleText(userMessage);
    QString line;
    qsizetype start = 0;
    while (start <= text.size()) {
        qsizetype end = start;
        while (end < text.size() && text.at(end) != u'\n' && text.at(end) != u'\r'
               && text.at(end) != QChar(0x2028) && text.at(end) != QChar(0x2029))
            ++end;
        line = text.mid(start, end - start).simplified();
        if (!line.isEmpty())
            break;
        start = end + 1;
    }
    if (line.size() <= maxTitleLength)
        return line;
    qsizetype cut = maxTitleLength - 1;
    if (line.at(cut - 1).isHighSurrogate())
        --cut;
    return line.left(cut).trimmed() + QChar(0x2026);
}

QString ftsMatchExpression(const QString &userQuery) {
    QStringList phrases;
    // Every kind of white space and control character separates words.
    QString normalised = userQuery;
    for (QChar &c : normalised) {
        if (c.isSpace() || c.category() == QChar::Other_Control)
            c = u' ';
    }
    const QStringList parts = normalised.split(u' ', Qt::SkipEmptyParts);
    for (const QString &word : parts) {
        QString phrase;
        bool lastWasSeparator = false;
        const QList<uint> codePoints = word.toUcs4();
        for (uint c : codePoints) {
            if (isTokenChar(c)) {
                if (lastWasSeparator && !phrase.isEmpty())
                    phrase += u' ';
                const char32_t ucs4 = c;
                phrase += QString::fromUcs4(&ucs4, 1);
                lastWasSeparator = false;
            } else {
                lastWasSeparator = true;
            }
        }
        if (!phrase.isEmpty())
            phrases.append(u'"' + phrase + u'"');
    }
    if (phrases.isEmpty())
        return {};
    const bool endsInSpace = !normalised.isEmpty() && normalised.back() == u' ';
    // The length of the last token of the last word, in characters ("foo*" counts as "foo").
    const QList<uint> lastWord = parts.isEmpty() ? QList<uint>() : parts.back().toUcs4();
    int lastTokenLength = 0;
    bool inToken = false;
    for (uint c : lastWord) {
        if (isTokenChar(c)) {
            lastTokenLength = inToken ? lastTokenLength + 1 : 1;
            inToken = true;
        } else {
            inToken = false;
        }
    }
    if (!endsInSpace && lastTokenLength >= minPrefixLength)
        phrases.last() += u" *"_s;
    return phrases.join(u' ');
}

} // namespace Tramontane::MessageText
