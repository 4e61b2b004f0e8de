// SPDX-License-Identifier: GPL-3.0-or-later
#include "Script.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRegularExpression>

#include <iterator>
#include <random>

using namespace Qt::StringLiterals;

namespace Tramontane::Emulator {

std::optional<ImageForm> imageFormFromName(const QString &name) {
    const QString n = name.trimmed().toLower().replace(u'-', u'_').replace(u' ', u'_');
    if (n == "tool_file"_L1)
        return ImageForm::ToolFile;
    if (n == "image_url"_L1)
        return ImageForm::ImageUrl;
    if (n == "data_url"_L1)
        return ImageForm::DataUrl;
    if (n == "url"_L1)
        return ImageForm::Url;
    return std::nullopt;
}

namespace Script {

namespace {

QRegularExpression wordRe(const QString &pattern) {
    return QRegularExpression(pattern, QRegularExpression::CaseInsensitiveOption);
}

// A stable seed from text (qHash is salted per process).
quint32 stableSeed(const QString &text) {
    const QByteArray digest = QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha1);
    return quint32(uchar(digest[0])) << 24 | quint32(uchar(digest[1])) << 16
           | quint32(uchar(digest[2])) << 8 | quint32(uchar(digest[3]));
}

QString quote(const QString &text) {
    QString shown = text.trimmed();
    if (shown.size() > 2000)
        shown = shown.left(2000) + u"…"_s;
    if (shown.isEmpty())
        return u"> *(an empty message)*"_s;
    QStringList lines = shown.split(u'\n');
    for (QString &line : lines)
        line = line.isEmpty() ? u">"_s : u"> "_s + line;
    return lines.join(u'\n');
}

QString header(const Speaker &speaker) {
    if (!speaker.agentName.isEmpty()) {
        QString h = u"Agent **%1** (on `%2`) here."_s.arg(speaker.agentName, speaker.model);
        if (!speaker.instructions.isEmpty())
            h += u" My instructions: *%1*"_s.arg(speaker.instructions.left(300).simplified());
        return h;
    }
    QString h = u"This is `%1`, played by the offline emulator."_s.arg(speaker.model);
    if (!speaker.instructions.isEmpty())
        h += u" My instructions: *%1*"_s.arg(speaker.instructions.left(300).simplified());
    return h;
}

// A long answer is never shorter than this many tokens.
constexpr int MinimumLongTokens = 200;

// Strings longer than this are shortened when a request is echoed.
constexpr qsizetype EchoStringLimit = 1000;

QJsonValue abbreviate(const QJsonValue &value) {
    if (value.isString()) {
        const QString s = value.toString();
        if (s.size() > EchoStringLimit)
            return QString(s.left(EchoStringLimit)
                           + u"…(%1 more characters)"_s.arg(s.size() - EchoStringLimit));
        return value;
    }
    if (value.isArray()) {
        QJsonArray out;
        const QJsonArray in = value.toArray();
        for (const QJsonValue &v : in)
            out.append(abbreviate(v));
        return out;
    }
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject in = value.toObject();
        for (auto it = in.begin(); it != in.end(); ++it)
            out.insert(it.key(), abbreviate(it.value()));
        return out;
    }
    return value;
}

const QStringList &words() {
    static const QStringList list = {
        u"wind"_s,     u"harbour"_s, u"mistral"_s, u"valley"_s,  u"signal"_s,  u"stream"_s,
        u"token"_s,    u"window"_s,  u"layer"_s,   u"garden"_s,  u"river"_s,   u"north"_s,
        u"quiet"_s,    u"bright"_s,  u"careful"_s, u"simple"_s,  u"model"_s,   u"answer"_s,
        u"question"_s, u"detail"_s,  u"pattern"_s, u"measure"_s, u"light"_s,   u"coast"_s,
        u"stone"_s,    u"engine"_s,  u"thread"_s,  u"buffer"_s,  u"render"_s,  u"table"_s,
        u"column"_s,   u"reason"_s,  u"weather"_s, u"season"_s,  u"island"_s,  u"bridge"_s,
        u"clear"_s,    u"steady"_s,  u"gentle"_s,  u"swift"_s,   u"the"_s,     u"a"_s,
        u"of"_s,       u"and"_s,     u"with"_s,    u"through"_s, u"under"_s,   u"over"_s,
        u"every"_s,    u"each"_s,    u"keeps"_s,   u"draws"_s,   u"carries"_s, u"shows"_s,
        u"turns"_s,    u"holds"_s,   u"meets"_s,   u"follows"_s, u"builds"_s,  u"reads"_s,
    };
    return list;
}

class Prose {
public:
    explicit Prose(quint32 seed)
        : m_rng(seed) {}

    int pick(int n) { return int(m_rng() % quint32(n)); }
    QString word() { return words().at(pick(int(words().size()))); }

    QString sentence() {
        const int n = 6 + pick(9);
        QStringList parts;
        for (int i = 0; i < n; ++i)
            parts.append(word());
        parts[0][0] = parts[0][0].toUpper();
        if (pick(5) == 0) {
            const int k = 1 + pick(n - 1);
            parts[k] = u"**"_s + parts[k] + u"**"_s;
        }
        if (pick(4) == 0)
            parts[n / 2] += u',';
        return parts.join(u' ') + u'.';
    }

    QString paragraph() {
        QStringList s;
        const int n = 3 + pick(3);
        for (int i = 0; i < n; ++i)
            s.append(sentence());
        return s.join(u' ');
    }

    QString bulletList(bool numbered) {
        QStringList items;
        const int n = 3 + pick(3);
        for (int i = 0; i < n; ++i) {
            QString item = sentence();
            if (pick(3) == 0)
                item = u"`"_s + word() + u"_"_s + word() + u"` "_s + item;
            items.append((numbered ? QString::number(i + 1) + u". "_s : u"- "_s) + item);
        }
        return items.join(u'\n');
    }

    QString codeBlock() {
        QStringList lines;
        const QString fn = word() + u'_' + word();
        lines << u"```cpp"_s << u"int %1(int %2) {"_s.arg(fn, word());
        const int n = 2 + pick(5);
        for (int i = 0; i < n; ++i)
            lines << u"    int %1_%2 = %3 * %4;"_s.arg(word()).arg(i).arg(pick(100)).arg(pick(9)
                                                                                         + 1);
        lines << u"    return %1;"_s.arg(pick(1000)) << u"}"_s << u"```"_s;
        return lines.join(u'\n');
    }

    QString table() {
        QStringList lines;
        const QString a = word(), b = word(), c = word();
        lines << u"| %1 | %2 | %3 |"_s.arg(a, b, c) << u"|---|---:|:---:|"_s;
        const int n = 3 + pick(4);
        for (int i = 0; i < n; ++i) {
            lines << u"| %1 %2 | %3 | `%4` |"_s.arg(word(), word()).arg(pick(10000)).arg(word());
        }
        return lines.join(u'\n');
    }

    QString heading(int index) {
        QString title = word() + u' ' + word();
        title[0] = title[0].toUpper();
        return u"## %1. %2"_s.arg(index).arg(title);
    }

private:
    std::mt19937 m_rng;
};

std::optional<Invocation> invocation(const QString &text, const QString &pattern) {
    const QRegularExpression re = wordRe(pattern);
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    Invocation inv;
    inv.name = m.captured(1);
    const QString rest = m.captured(2).trimmed();
    if (rest.isEmpty())
        return inv;
    // The arguments are the JSON object that starts right after the name.
    const qsizetype open = rest.indexOf(u'{');
    const qsizetype close = rest.lastIndexOf(u'}');
    if (open != 0 || close < 0) {
        inv.error = u"the text after the tool name is not a JSON object"_s;
        return inv;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(rest.left(close + 1).toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        inv.error = u"the arguments are not a valid JSON object (%1)"_s.arg(error.errorString());
        return inv;
    }
    inv.arguments = doc.object();
    return inv;
}

} // namespace

QString contentText(const QJsonValue &content) {
    if (content.isString())
        return content.toString();
    QStringList parts;
    const QJsonArray chunks = content.toArray();
    for (const QJsonValue &chunk : chunks) {
        const QJsonObject o = chunk.toObject();
        if (o.value("type"_L1).toString() == "text"_L1)
            parts.append(o.value("text"_L1).toString());
    }
    return parts.join(u'\n');
}

QString lastUserText(const QJsonArray &messages) {
    for (qsizetype i = messages.size() - 1; i >= 0; --i) {
        const QJsonObject m = messages.at(i).toObject();
        if (m.value("role"_L1).toString() == "user"_L1)
            return contentText(m.value("content"_L1));
    }
    return {};
}

QStringList tokenize(const QString &text) {
    QStringList tokens;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        const qsizetype start = i;
        while (i < n && text.at(i).isSpace())
            ++i;
        if (i < n) {
            if (text.at(i).isLetterOrNumber()) {
                qsizetype len = 0;
                while (i < n && text.at(i).isLetterOrNumber() && len < 6) {
                    // Keep surrogate pairs together.
                    i += text.at(i).isHighSurrogate() && i + 1 < n ? 2 : 1;
                    ++len;
                }
            } else {
                i += text.at(i).isHighSurrogate() && i + 1 < n ? 2 : 1;
            }
        }
        tokens.append(text.mid(start, i - start));
    }
    return tokens;
}

int countTokens(const QString &text) {
    return int(tokenize(text).size());
}

int promptTokens(const QJsonArray &messages) {
    qsizetype chars = 0;
    for (const QJsonValue &m : messages) {
        chars += 4; // role and framing
        chars += contentText(m.toObject().value("content"_L1)).size();
    }
    return int(std::max<qsizetype>(1, chars / 4));
}

std::optional<double> requestedRate(const QString &text) {
    static const QRegularExpression re = wordRe(u"\\brate\\s+(\\d+(?:\\.\\d+)?)\\b"_s);
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    return m.captured(1).toDouble();
}

std::optional<int> requestedLength(const QString &text) {
    static const QRegularExpression re = wordRe(u"\\blong\\s+(\\d{1,7})\\b"_s);
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    return m.captured(1).toInt();
}

bool wantsTables(const QString &text) {
    static const QRegularExpression re = wordRe(u"\\btables\\b"_s);
    return re.match(text).hasMatch();
}

bool wantsEcho(const QString &text) {
    static const QRegularExpression re = wordRe(u"\\becho\\b"_s);
    return re.match(text).hasMatch();
}

bool wantsImage(const QString &text) {
    static const QRegularExpression verb = wordRe(u"\\b(draw|paint|sketch|illustrate)\\b"_s);
    static const QRegularExpression make = wordRe(u"\\b(generate|create|make|render|show)\\b"_s);
    static const QRegularExpression noun =
        wordRe(u"\\b(image|picture|drawing|painting|photo|illustration|logo)s?\\b"_s);
    return verb.match(text).hasMatch()
           || (make.match(text).hasMatch() && noun.match(text).hasMatch());
}

std::optional<ImageForm> requestedImageForm(const QString &text) {
    static const QRegularExpression re =
        wordRe(u"\\bas\\s+(tool[_ ]file|image[_ ]url|data[_ ]url|url)\\b"_s);
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    return imageFormFromName(m.captured(1));
}

bool wantsUnsignedUrl(const QString &text) {
    static const QRegularExpression re = wordRe(u"\\bunsigned\\b"_s);
    return re.match(text).hasMatch();
}

bool wantsToolList(const QString &text) {
    static const QRegularExpression re = wordRe(u"\\blist\\s+(the\\s+)?tools\\b"_s);
    return re.match(text).hasMatch();
}

bool wantsCitations(const QString &text) {
    static const QRegularExpression re = wordRe(u"\\bcite\\b"_s);
    return re.match(text).hasMatch();
}

std::optional<Invocation> useTool(const QString &text) {
    return invocation(text, u"\\buse\\s+tool\\s+([A-Za-z0-9_.\\-]+)\\s*(.*)$"_s);
}

std::optional<Invocation> callFunction(const QString &text) {
    return invocation(text, u"\\bcall\\s+([A-Za-z0-9_.\\-]+)\\s*(.*)$"_s);
}

QString defaultAnswer(const Speaker &speaker, const QString &userText) {
    return header(speaker) + u"\n\nYou said:\n\n"_s + quote(userText)
           + u"\n\nI am a scripted stand-in, so here is what I can do:\n\n"
             "- `echo`: show the request I received\n"
             "- `long 800`: write about 800 tokens of markdown\n"
             "- `rate 20`: stream at 20 tokens per second\n"
             "- `draw a lighthouse`: make a picture (with the image tool)\n"_s;
}

std::optional<QString> titleAnswer(const QJsonArray &messages) {
    if (messages.size() < 2)
        return std::nullopt;
    const QJsonObject system = messages.first().toObject();
    if (system.value("role"_L1).toString() != "system"_L1
        || !contentText(system.value("content"_L1)).startsWith("You name chats"_L1))
        return std::nullopt;
    QString shown = lastUserText(messages);
    const qsizetype from = shown.indexOf("First message:"_L1);
    if (from < 0)
        return std::nullopt;
    shown = shown.mid(from + 14);
    shown = shown.left(shown.indexOf("\n\nFirst answer:"_L1));
    QStringList words = shown.simplified().split(u' ', Qt::SkipEmptyParts);
    words = words.mid(0, 6);
    QString title = words.join(u' ');
    while (!title.isEmpty() && !title.back().isLetterOrNumber())
        title.chop(1);
    if (title.isEmpty())
        return std::nullopt;
    title[0] = title[0].toUpper();
    return title;
}

QString attachmentAnswer(const Speaker &speaker, const QString &userText,
                         const QString &description) {
    QString answer = header(speaker) + u"\n\nWith your message I received:\n\n"_s + description;
    if (!userText.isEmpty())
        answer += u"\n\nYou said:\n\n"_s + quote(userText);
    return answer + u'\n';
}

QString echoAnswer(const Speaker &speaker, const QString &userText, const QJsonObject &request) {
    QJsonObject shown = request;
    shown.remove(u"stream"_s); // so a streamed and a plain answer to one request are the same
    const QByteArray json =
        QJsonDocument(abbreviate(shown).toObject()).toJson(QJsonDocument::Indented).trimmed();
    return header(speaker) + u"\n\n**Echo.** You wrote:\n\n"_s + quote(userText)
           + u"\n\nThe request as I received it (without the `stream` flag):\n\n```json\n"_s
           + QString::fromUtf8(json) + u"\n```\n"_s;
}

QString longAnswer(const Speaker &speaker, int tokens, const QString &seedText, bool tablesOnly) {
    tokens = std::max(tokens, MinimumLongTokens);
    Prose prose(stableSeed(seedText + QString::number(tokens)));
    QStringList blocks;
    blocks << header(speaker) << u"# A long answer"_s << prose.paragraph();
    int count = countTokens(blocks.join(u"\n\n"_s));
    int section = 1;
    int kind = 0;
    while (count < tokens) {
        QString block;
        if (tablesOnly) {
            // A heading, then two tables: a table-heavy answer, as comparisons give.
            block = kind++ % 3 == 0 ? prose.heading(section++) : prose.table();
            blocks << block;
            count += countTokens(block);
            continue;
        }
        switch (kind++ % 6) {
        case 0:
            block = prose.heading(section++);
            break;
        case 1:
            block = prose.paragraph();
            break;
        case 2:
            block = prose.bulletList(prose.pick(2) == 0);
            break;
        case 3:
            block = prose.pick(2) == 0 ? prose.codeBlock() : prose.paragraph();
            break;
        case 4:
            block = prose.table();
            break;
        default:
            block = prose.pick(3) == 0 ? u"> "_s + prose.sentence() : prose.paragraph();
            break;
        }
        blocks << block;
        // Blocks start with a non-space, and the tokenizer joins whitespace to the next piece:
        // the separators add no token.
        count += countTokens(block);
    }
    return blocks.join(u"\n\n"_s) + u'\n';
}

QString toolResultAnswer(const QString &toolName, const QString &result) {
    QString shown = result.trimmed();
    if (shown.size() > 4000)
        shown = shown.left(4000) + u"…"_s;
    return u"Thanks. The tool `%1` returned:\n\n```\n%2\n```\n\nThat is all I needed."_s.arg(
        toolName.isEmpty() ? u"(unnamed)"_s : toolName, shown);
}

QString imageAnswer(const QString &prompt) {
    return u"Here is the picture you asked for: *%1*."_s.arg(prompt.simplified().left(200));
}

namespace {

struct Source {
    const char16_t *title;
    const char16_t *url;
    const char16_t *description;
};

// Fixed sources on reserved example domains: deterministic, and never a real site.
constexpr Source kSources[] = {
    {u"Tramontane (wind)", u"https://encyclopedia.example.org/wiki/Tramontane",
     u"A cold northern wind of the western Mediterranean."},
    {u"Winds of the Mediterranean", u"https://weather.example.com/articles/mediterranean-winds",
     u"Mistral, tramontane, sirocco and levant compared."},
    {u"", u"https://notes.example.net/tramontane?lang=en&ref=search",
     u"A page without a title: shown by its host."},
};

} // namespace

QString webSearchResult(const QString &query) {
    QJsonArray results;
    for (int i = 0; i < int(std::size(kSources)); ++i) {
        const Source &s = kSources[i];
        results.append(QJsonObject{{u"index"_s, i},
                                   {u"title"_s, QString::fromUtf16(s.title)},
                                   {u"url"_s, QString::fromUtf16(s.url)},
                                   {u"snippet"_s, QString::fromUtf16(s.description)}});
    }
    return QString::fromUtf8(QJsonDocument(QJsonObject{{u"query"_s, query.simplified().left(200)},
                                                       {u"results"_s, results}})
                                 .toJson(QJsonDocument::Compact));
}

QJsonArray citedAnswerChunks(const QString &query) {
    QJsonArray chunks{QJsonObject{
        {u"type"_s, u"text"_s},
        {u"text"_s,
         u"Here is what the sources say about *%1*: the tramontane is a cold, dry "
         "northern wind, a cousin of the mistral."_s.arg(query.simplified().left(200))}}};
    QJsonArray ids;
    for (int i = 0; i < int(std::size(kSources)); ++i) {
        const Source &s = kSources[i];
        // The SDK's ToolReferenceChunk: tool, title (required, may be empty), url,
        // favicon, description.
        chunks.append(QJsonObject{{u"type"_s, u"tool_reference"_s},
                                  {u"tool"_s, u"web_search"_s},
                                  {u"title"_s, QString::fromUtf16(s.title)},
                                  {u"url"_s, QString::fromUtf16(s.url)},
                                  {u"favicon"_s, QJsonValue::Null},
                                  {u"description"_s, QString::fromUtf16(s.description)}});
        ids.append(i);
    }
    // The SDK's ReferenceChunk: the ids of the sources the text relies on.
    chunks.append(QJsonObject{{u"type"_s, u"reference"_s}, {u"reference_ids"_s, ids}});
    return chunks;
}

QString connectorAnswer(const QString &connector, const QString &tool, const QString &result) {
    QString shown = result.trimmed();
    if (shown.size() > 4000)
        shown = shown.left(4000) + u"…"_s;
    return u"I called `%1` on the connector **%2**. It answered:\n\n```\n%3\n```\n"_s.arg(
        tool, connector, shown);
}

QString emptyAnswer(const Speaker &speaker) {
    return header(speaker) + u"\n\nThere was no user message to answer."_s;
}

} // namespace Script

} // namespace Tramontane::Emulator
