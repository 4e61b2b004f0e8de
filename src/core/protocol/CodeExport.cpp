// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/CodeExport.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

using namespace Qt::StringLiterals;

namespace Tramontane::CodeExport {

namespace {

// ----- The body as a tree whose strings may reference environment variables ----------------

// A piece of a string: literal text, or a reference to an environment variable.
struct Segment {
    QString text;
    QString variable; // not empty: a reference
};

struct Node {
    enum class Kind { Null, Bool, Number, String, Array, Object };
    Kind kind = Kind::Null;
    bool boolean = false;
    double number = 0;
    std::vector<Segment> segments; // String
    std::vector<QString> keys;     // Object, in output order
    std::vector<Node> children;    // Array items, or Object values (parallel to keys)

    bool isContainer() const { return kind == Kind::Array || kind == Kind::Object; }
};

// Field names shown first in an object, in this order; the rest follow alphabetically.
int keyRank(const QString &key) {
    static const QStringList first{u"model"_s, u"agent_id"_s,     u"agentId"_s,    u"role"_s,
                                   u"type"_s,  u"connector_id"_s, u"connectorId"_s};
    const qsizetype i = first.indexOf(key);
    return i < 0 ? int(first.size()) : int(i);
}

class Redactor {
public:
    void add(const QString &value, const QString &variable) {
        if (value.isEmpty() || m_secrets.contains(value))
            return;
        m_secrets.insert(value, variable);
        m_order.append(value);
        // Longest first, so a secret inside another one never splits it.
        std::stable_sort(m_order.begin(), m_order.end(),
                         [](const QString &a, const QString &b) { return a.size() > b.size(); });
    }

    std::vector<Segment> split(const QString &text) {
        std::vector<Segment> segments;
        qsizetype from = 0;
        while (true) {
            qsizetype best = -1;
            QString secret;
            for (const QString &s : std::as_const(m_order)) {
                const qsizetype at = text.indexOf(s, from);
                if (at >= 0 && (best < 0 || at < best)) {
                    best = at;
                    secret = s;
                }
            }
            if (best < 0)
                break;
            if (best > from)
                segments.push_back({text.mid(from, best - from), {}});
            const QString variable = m_secrets.value(secret);
            segments.push_back({{}, variable});
            if (!m_used.contains(variable))
                m_used.append(variable);
            from = best + secret.size();
        }
        if (from < text.size() || segments.empty())
            segments.push_back({text.mid(from), {}});
        return segments;
    }

    // A key is never a reference: a secret in it is blanked out.
    QString scrubKey(QString key) const {
        for (const QString &s : m_order)
            key.replace(s, u"<redacted>"_s);
        return key;
    }

    QString variableFor(const QString &value) const { return m_secrets.value(value); }
    bool hasVariable(const QString &variable) const {
        return std::any_of(m_secrets.cbegin(), m_secrets.cend(),
                           [&](const QString &v) { return v == variable; });
    }
    const QStringList &used() const { return m_used; }

private:
    QHash<QString, QString> m_secrets; // value -> variable
    QStringList m_order;               // values, longest first
    QStringList m_used;                // variables referenced, in order of appearance
};

Node toNode(const QJsonValue &value, Redactor &redactor) {
    Node node;
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    case QJsonValue::Bool:
        node.kind = Node::Kind::Bool;
        node.boolean = value.toBool();
        break;
    case QJsonValue::Double:
        node.kind = Node::Kind::Number;
        node.number = value.toDouble();
        break;
    case QJsonValue::String:
        node.kind = Node::Kind::String;
        node.segments = redactor.split(value.toString());
        break;
    case QJsonValue::Array: {
        node.kind = Node::Kind::Array;
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array)
            node.children.push_back(toNode(item, redactor));
        break;
    }
    case QJsonValue::Object: {
        node.kind = Node::Kind::Object;
        const QJsonObject object = value.toObject();
        QStringList keys = object.keys();
        std::stable_sort(keys.begin(), keys.end(), [](const QString &a, const QString &b) {
            const int ra = keyRank(a);
            const int rb = keyRank(b);
            return ra != rb ? ra < rb : a < b;
        });
        for (const QString &key : std::as_const(keys)) {
            node.keys.push_back(redactor.scrubKey(key));
            node.children.push_back(toNode(object.value(key), redactor));
        }
        break;
    }
    }
    return node;
}

// ----- Secrets of the body ---------------------------------------------------------------------

QString describe(const QString &connector, bool apiKey) {
    if (apiKey)
        return QCoreApplication::translate("CodeExport", "the API key for the connector %1")
            .arg(connector);
    return QCoreApplication::translate("CodeExport", "the OAuth2 access token for the connector %1")
        .arg(connector);
}

struct Prepared {
    Node root;
    QList<EnvironmentVariable> environment;
};

// Registers every secret of \a request, then builds the tree of \a body (the request's body,
// possibly already reshaped for one language).
Prepared prepare(const Request &request, const QJsonObject &body) {
    Redactor redactor;
    QHash<QString, QString> descriptions;
    for (const Secret &secret : request.secrets) {
        if (!secret.value.isEmpty() && !secret.variable.isEmpty())
            redactor.add(secret.value, secret.variable);
    }
    // Connector credentials, from the original (snake_case) body.
    const QJsonArray tools = request.body.value("tools"_L1).toArray();
    for (const QJsonValue &item : tools) {
        const QJsonObject tool = item.toObject();
        const QJsonObject authorization = tool.value("authorization"_L1).toObject();
        const QString value = authorization.value("value"_L1).toString();
        if (value.isEmpty() || !redactor.variableFor(value).isEmpty())
            continue;
        const QString connector = tool.value("connector_id"_L1).toString();
        const QString type = authorization.value("type"_L1).toString();
        const QString base = connectorVariable(connector, type);
        QString variable = base;
        for (int n = 2; redactor.hasVariable(variable); ++n)
            variable = base + u'_' + QString::number(n);
        redactor.add(value, variable);
        descriptions.insert(variable, describe(connector, type == "api-key"_L1));
    }

    Prepared prepared;
    prepared.root = toNode(body, redactor);
    prepared.environment.append(
        {apiKeyVariable(), QCoreApplication::translate("CodeExport", "your Mistral API key")});
    for (const QString &variable : redactor.used()) {
        if (variable == apiKeyVariable())
            continue;
        prepared.environment.append(
            {variable, descriptions.value(
                           variable, QCoreApplication::translate("CodeExport", "a secret value"))});
    }
    return prepared;
}

// ----- Writing the tree in a language ------------------------------------------------------------

QString number(double value) {
    if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 9007199254740992.0)
        return QString::number(qint64(value));
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

bool mustEscape(char32_t c) {
    if (c < 0x20 || c == 0x7f)
        return true;
    if (c < 0x7f)
        return false;
    switch (QChar::category(c)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return true;
    default:
        return false;
    }
}

QString hex(uint value, int digits) {
    return QString::number(value, 16).rightJustified(digits, u'0');
}

// Calls \a visit for each code point of \a text; an unpaired surrogate is passed as is.
void forEachCodePoint(const QString &text, const std::function<void(char32_t)> &visit) {
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            visit(QChar::surrogateToUcs4(c, text.at(i + 1)));
            ++i;
        } else {
            visit(c.unicode());
        }
    }
}

void appendCodePoint(QString &out, char32_t c) {
    if (QChar::requiresSurrogates(c)) {
        out += QChar(QChar::highSurrogate(c));
        out += QChar(QChar::lowSurrogate(c));
    } else {
        out += QChar(char16_t(c));
    }
}

// "\uXXXX" escapes, a pair of them beyond the BMP (JSON and, in TS, the same).
QString utf16Escape(char32_t c) {
    if (QChar::requiresSurrogates(c))
        return u"\\u"_s + hex(QChar::highSurrogate(c), 4) + u"\\u"_s
               + hex(QChar::lowSurrogate(c), 4);
    return u"\\u"_s + hex(c, 4);
}

QString commonEscape(char32_t c) {
    switch (c) {
    case '"':
        return u"\\\""_s;
    case '\n':
        return u"\\n"_s;
    case '\r':
        return u"\\r"_s;
    case '\t':
        return u"\\t"_s;
    default:
        return {};
    }
}

// \a text with the escapes every language shares, then those \a special gives (an empty
// result keeps the code point as it is).
template<typename Special>
QString escaped(const QString &text, Special special) {
    QString out;
    out.reserve(text.size());
    forEachCodePoint(text, [&out, &special](char32_t c) {
        if (const QString e = commonEscape(c); !e.isEmpty())
            out += e;
        else if (const QString own = special(c); !own.isEmpty())
            out += own;
        else
            appendCodePoint(out, c);
    });
    return out;
}

// A JSON string body safe inside an unquoted shell here-document: `\`, `$` and the backquote
// are \u escapes, so the shell sees no backslash pair and no expansion.
QString jsonLiteral(const QString &text) {
    return escaped(text, [](char32_t c) {
        return c == '\\' || c == '$' || c == '`' || mustEscape(c) ? utf16Escape(c) : QString();
    });
}

QString pythonLiteral(const QString &text) {
    return escaped(text, [](char32_t c) -> QString {
        if (c == '\\')
            return u"\\\\"_s;
        if (!mustEscape(c))
            return {};
        return c < 0x100     ? QString(u"\\x"_s + hex(c, 2))
               : c < 0x10000 ? QString(u"\\u"_s + hex(c, 4))
                             : QString(u"\\U"_s + hex(c, 8));
    });
}

QString typeScriptLiteral(const QString &text) {
    return escaped(text, [](char32_t c) -> QString {
        if (c == '\\')
            return u"\\\\"_s;
        return mustEscape(c) ? utf16Escape(c) : QString();
    });
}

// How one language writes literals.
struct Style {
    QString indentUnit;
    QString nullWord, trueWord, falseWord;
    bool trailingComma = false;
    bool padInlineObjects = false; // `{ a: 1 }` rather than `{"a": 1}`
    std::function<QString(const std::vector<Segment> &)> string;
    std::function<QString(const QString &)> key;
};

constexpr qsizetype inlineLimit = 72;

QString write(const Node &node, const Style &style, int depth);

QString scalar(const Node &node, const Style &style) {
    switch (node.kind) {
    case Node::Kind::Null:
        return style.nullWord;
    case Node::Kind::Bool:
        return node.boolean ? style.trueWord : style.falseWord;
    case Node::Kind::Number:
        return number(node.number);
    case Node::Kind::String:
        return style.string(node.segments);
    case Node::Kind::Array:
        return u"[]"_s;
    case Node::Kind::Object:
        return u"{}"_s;
    }
    return {};
}

QString member(const Node &node, std::size_t i, const Style &style, int depth) {
    const QString value = write(node.children.at(i), style, depth);
    if (node.kind == Node::Kind::Array)
        return value;
    return style.key(node.keys.at(i)) + u": "_s + value;
}

QString write(const Node &node, const Style &style, int depth) {
    if (!node.isContainer() || node.children.empty())
        return scalar(node, style);
    const bool array = node.kind == Node::Kind::Array;
    const QString open = array ? u"["_s : u"{"_s;
    const QString close = array ? u"]"_s : u"}"_s;

    // Small containers of scalars stay on one line.
    const bool flat = std::none_of(node.children.cbegin(), node.children.cend(), [](const Node &n) {
        return n.isContainer() && !n.children.empty();
    });
    if (flat) {
        QStringList parts;
        for (std::size_t i = 0; i < node.children.size(); ++i)
            parts << member(node, i, style, depth);
        const QString pad = !array && style.padInlineObjects ? u" "_s : QString();
        const QString line = open + pad + parts.join(u", "_s) + pad + close;
        if (line.size() + depth * style.indentUnit.size() <= inlineLimit)
            return line;
    }

    const QString inner = style.indentUnit.repeated(depth + 1);
    QString out = open + u'\n';
    for (std::size_t i = 0; i < node.children.size(); ++i) {
        out += inner + member(node, i, style, depth + 1);
        if (i + 1 < node.children.size() || style.trailingComma)
            out += u',';
        out += u'\n';
    }
    out += style.indentUnit.repeated(depth) + close;
    return out;
}

bool isIdentifier(const QString &key) {
    static const QRegularExpression identifier(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
    return identifier.match(key).hasMatch();
}

Style jsonStyle() {
    Style style;
    style.indentUnit = u"  "_s;
    style.nullWord = u"null"_s;
    style.trueWord = u"true"_s;
    style.falseWord = u"false"_s;
    style.string = [](const std::vector<Segment> &segments) -> QString {
        QString out = u"\""_s;
        for (const Segment &s : segments)
            out +=
                s.variable.isEmpty() ? jsonLiteral(s.text) : QString(u"${"_s + s.variable + u'}');
        return out + u'"';
    };
    style.key = [](const QString &key) -> QString {
        return u'"' + jsonLiteral(key) + u'"';
    };
    return style;
}

Style pythonStyle() {
    Style style;
    style.indentUnit = u"    "_s;
    style.nullWord = u"None"_s;
    style.trueWord = u"True"_s;
    style.falseWord = u"False"_s;
    style.trailingComma = true;
    style.string = [](const std::vector<Segment> &segments) -> QString {
        QStringList parts;
        for (const Segment &s : segments) {
            parts << (s.variable.isEmpty() ? QString(u'"' + pythonLiteral(s.text) + u'"')
                                           : QString(u"os.environ[\""_s + s.variable + u"\"]"_s));
        }
        return parts.join(u" + "_s);
    };
    style.key = [](const QString &key) -> QString {
        return u'"' + pythonLiteral(key) + u'"';
    };
    return style;
}

Style typeScriptStyle() {
    Style style;
    style.indentUnit = u"  "_s;
    style.nullWord = u"null"_s;
    style.trueWord = u"true"_s;
    style.falseWord = u"false"_s;
    style.trailingComma = true;
    style.padInlineObjects = true;
    style.string = [](const std::vector<Segment> &segments) -> QString {
        const auto env = [](const QString &variable) -> QString {
            return u"process.env[\""_s + variable + u"\"] ?? \"\""_s;
        };
        if (segments.size() == 1 && !segments.front().variable.isEmpty())
            return env(segments.front().variable);
        QStringList parts;
        for (const Segment &s : segments) {
            parts << (s.variable.isEmpty() ? QString(u'"' + typeScriptLiteral(s.text) + u'"')
                                           : QString(u'(' + env(s.variable) + u')'));
        }
        return parts.join(u" + "_s);
    };
    style.key = [](const QString &key) -> QString {
        return isIdentifier(key) ? key : QString(u'"' + typeScriptLiteral(key) + u'"');
    };
    return style;
}

// A URL as one shell word.
QString shellWord(const QString &text) {
    static const QRegularExpression plain(u"^[A-Za-z0-9_./:@%+,=-]+$"_s);
    if (plain.match(text).hasMatch())
        return text;
    QString quoted = text;
    quoted.replace(u'\'', u"'\\''"_s);
    return u'\'' + quoted + u'\'';
}

bool isDefaultBaseUrl(const QUrl &url) {
    if (url.isEmpty())
        return true;
    QString text = url.toString(QUrl::FullyEncoded);
    while (text.endsWith(u'/'))
        text.chop(1);
    return text == defaultBaseUrl().toString(QUrl::FullyEncoded);
}

QString baseUrlText(const Request &request) {
    QString text = (request.baseUrl.isEmpty() ? defaultBaseUrl() : request.baseUrl)
                       .toString(QUrl::FullyEncoded);
    while (text.endsWith(u'/'))
        text.chop(1);
    return text;
}

// ----- TypeScript names ------------------------------------------------------------------------

void rename(QJsonObject &object, QLatin1StringView from, QLatin1StringView to) {
    if (object.contains(from))
        object.insert(to, object.take(from));
}

QString camelCase(const QString &snake) {
    QString out;
    bool upper = false;
    for (const QChar c : snake) {
        if (c == u'_' && !out.isEmpty()) {
            upper = true;
            continue;
        }
        out += upper ? c.toUpper() : c;
        upper = false;
    }
    return out;
}

QJsonValue chunkNames(const QJsonValue &value);

QJsonValue chunksNames(const QJsonValue &value) {
    if (!value.isArray())
        return value;
    QJsonArray out;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array)
        out.append(chunkNames(item));
    return out;
}

QJsonValue chunkNames(const QJsonValue &value) {
    if (!value.isObject())
        return value;
    QJsonObject chunk = value.toObject();
    const QString type = chunk.value("type"_L1).toString();
    if (type == "image_url"_L1) {
        rename(chunk, "image_url"_L1, "imageUrl"_L1);
    } else if (type == "document_url"_L1) {
        rename(chunk, "document_url"_L1, "documentUrl"_L1);
        rename(chunk, "document_name"_L1, "documentName"_L1);
    } else if (type == "reference"_L1) {
        rename(chunk, "reference_ids"_L1, "referenceIds"_L1);
    } else if (type == "file"_L1) {
        rename(chunk, "file_id"_L1, "fileId"_L1);
    } else if (type == "tool_file"_L1) {
        rename(chunk, "file_id"_L1, "fileId"_L1);
        rename(chunk, "file_name"_L1, "fileName"_L1);
        rename(chunk, "file_type"_L1, "fileType"_L1);
    } else if (type == "input_audio"_L1) {
        rename(chunk, "input_audio"_L1, "inputAudio"_L1);
    } else if (type == "thinking"_L1) {
        chunk.insert("thinking"_L1, chunksNames(chunk.value("thinking"_L1)));
    }
    return chunk;
}

QJsonValue messageNames(const QJsonValue &value) {
    if (!value.isObject())
        return value;
    QJsonObject message = value.toObject();
    if (message.contains("content"_L1))
        message.insert("content"_L1, chunksNames(message.value("content"_L1)));
    rename(message, "tool_calls"_L1, "toolCalls"_L1);
    rename(message, "tool_call_id"_L1, "toolCallId"_L1);
    return message;
}

QJsonValue toolNames(const QJsonValue &value) {
    if (!value.isObject())
        return value;
    QJsonObject tool = value.toObject();
    if (tool.value("type"_L1).toString() == "function"_L1)
        return tool; // function {name, description, parameters, strict}: no renames
    if (tool.value("tool_configuration"_L1).isObject()) {
        QJsonObject configuration = tool.value("tool_configuration"_L1).toObject();
        rename(configuration, "requires_confirmation"_L1, "requiresConfirmation"_L1);
        tool.insert("tool_configuration"_L1, configuration);
    }
    rename(tool, "tool_configuration"_L1, "toolConfiguration"_L1);
    rename(tool, "library_ids"_L1, "libraryIds"_L1);
    rename(tool, "connector_id"_L1, "connectorId"_L1);
    return tool;
}

QJsonValue moderationNames(const QJsonValue &value) {
    if (!value.isObject())
        return value;
    QJsonObject config = value.toObject();
    if (config.value("custom_category_thresholds"_L1).isObject()) {
        const QJsonObject thresholds = config.value("custom_category_thresholds"_L1).toObject();
        QJsonObject renamed;
        for (auto it = thresholds.begin(); it != thresholds.end(); ++it)
            renamed.insert(camelCase(it.key()), it.value());
        config.insert("custom_category_thresholds"_L1, renamed);
    }
    rename(config, "model_name"_L1, "modelName"_L1);
    rename(config, "custom_category_thresholds"_L1, "customCategoryThresholds"_L1);
    rename(config, "ignore_other_categories"_L1, "ignoreOtherCategories"_L1);
    return config;
}

QJsonValue guardrailNames(const QJsonValue &value) {
    if (!value.isObject())
        return value;
    QJsonObject guardrail = value.toObject();
    for (const auto key : {"moderation_llm_v1"_L1, "moderation_llm_v2"_L1}) {
        if (guardrail.contains(key))
            guardrail.insert(key, moderationNames(guardrail.value(key)));
    }
    rename(guardrail, "block_on_error"_L1, "blockOnError"_L1);
    rename(guardrail, "moderation_llm_v1"_L1, "moderationLlmV1"_L1);
    rename(guardrail, "moderation_llm_v2"_L1, "moderationLlmV2"_L1);
    return guardrail;
}

QJsonValue mapArray(const QJsonValue &value, QJsonValue (*f)(const QJsonValue &)) {
    if (!value.isArray())
        return value;
    QJsonArray out;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array)
        out.append(f(item));
    return out;
}

// A conversation's tool confirmation.
QJsonValue confirmationNames(const QJsonValue &value) {
    QJsonObject confirmation = value.toObject();
    rename(confirmation, "tool_call_id"_L1, "toolCallId"_L1);
    return confirmation;
}

} // namespace

// ----- Public functions ------------------------------------------------------------------------

QString apiKeyVariable() {
    return u"MISTRAL_API_KEY"_s;
}

QUrl defaultBaseUrl() {
    return QUrl(u"https://api.mistral.ai"_s);
}

QString connectorVariable(const QString &connectorId, const QString &authorizationType) {
    QString name;
    for (const QChar c : connectorId.toUpper())
        name += (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ? c : u'_';
    return u"CONNECTOR_"_s + name
           + (authorizationType == "api-key"_L1 ? u"_API_KEY"_s : u"_TOKEN"_s);
}

Request Request::fromChat(const ChatRequest &request, const QUrl &baseUrl) {
    Request r;
    r.endpoint = Endpoint::Chat;
    r.body = request.toJson();
    r.baseUrl = baseUrl;
    return r;
}

Request Request::fromAgent(const AgentCompletionRequest &request, const QUrl &baseUrl) {
    Request r;
    r.endpoint = Endpoint::Agents;
    r.body = request.toJson();
    r.baseUrl = baseUrl;
    return r;
}

Request Request::fromConversationStart(const ConversationStartRequest &request,
                                       const QUrl &baseUrl) {
    Request r;
    r.endpoint = Endpoint::ConversationStart;
    r.body = request.toJson();
    r.baseUrl = baseUrl;
    return r;
}

Request Request::fromConversationAppend(const ConversationAppendRequest &request,
                                        const QUrl &baseUrl) {
    Request r;
    r.endpoint = Endpoint::ConversationAppend;
    r.body = request.toJson();
    r.baseUrl = baseUrl;
    r.conversationId = request.conversationId;
    return r;
}

QString Request::path() const {
    switch (endpoint) {
    case Endpoint::Chat:
        break;
    case Endpoint::Agents:
        return u"/v1/agents/completions"_s;
    case Endpoint::ConversationStart:
        return u"/v1/conversations"_s;
    case Endpoint::ConversationAppend:
        return u"/v1/conversations/"_s
               + QString::fromLatin1(QUrl::toPercentEncoding(conversationId));
    }
    return u"/v1/chat/completions"_s;
}

QUrl Request::url() const {
    return QUrl(baseUrlText(*this) + path());
}

QJsonObject typeScriptNames(const QJsonObject &body) {
    QJsonObject out = body;
    if (out.contains("messages"_L1))
        out.insert("messages"_L1, mapArray(out.value("messages"_L1), messageNames));
    if (out.contains("tools"_L1))
        out.insert("tools"_L1, mapArray(out.value("tools"_L1), toolNames));
    if (out.value("response_format"_L1).isObject()) {
        QJsonObject format = out.value("response_format"_L1).toObject();
        if (format.value("json_schema"_L1).isObject()) {
            QJsonObject schema = format.value("json_schema"_L1).toObject();
            rename(schema, "schema"_L1, "schemaDefinition"_L1);
            format.insert("json_schema"_L1, schema);
        }
        rename(format, "json_schema"_L1, "jsonSchema"_L1);
        out.insert("response_format"_L1, format);
    }
    if (out.contains("guardrails"_L1))
        out.insert("guardrails"_L1, mapArray(out.value("guardrails"_L1), guardrailNames));
    if (out.value("inputs"_L1).isArray())
        out.insert("inputs"_L1, mapArray(out.value("inputs"_L1), messageNames));
    if (out.contains("tool_confirmations"_L1)) {
        out.insert("tool_confirmations"_L1,
                   mapArray(out.value("tool_confirmations"_L1), confirmationNames));
    }
    static const std::pair<QLatin1StringView, QLatin1StringView> topLevel[] = {
        {"agent_id"_L1, "agentId"_L1},
        {"agent_version"_L1, "agentVersion"_L1},
        {"completion_args"_L1, "completionArgs"_L1},
        {"handoff_execution"_L1, "handoffExecution"_L1},
        {"tool_confirmations"_L1, "toolConfirmations"_L1},
        {"top_p"_L1, "topP"_L1},
        {"max_tokens"_L1, "maxTokens"_L1},
        {"random_seed"_L1, "randomSeed"_L1},
        {"response_format"_L1, "responseFormat"_L1},
        {"tool_choice"_L1, "toolChoice"_L1},
        {"presence_penalty"_L1, "presencePenalty"_L1},
        {"frequency_penalty"_L1, "frequencyPenalty"_L1},
        {"parallel_tool_calls"_L1, "parallelToolCalls"_L1},
        {"reasoning_effort"_L1, "reasoningEffort"_L1},
        {"prompt_mode"_L1, "promptMode"_L1},
        {"safe_prompt"_L1, "safePrompt"_L1},
        {"prompt_cache_key"_L1, "promptCacheKey"_L1},
        {"service_tier"_L1, "serviceTier"_L1},
    };
    for (const auto &[from, to] : topLevel)
        rename(out, from, to);
    return out;
}

Snippet toCurl(const Request &request) {
    QJsonObject body = request.body;
    body.insert("stream"_L1, false);
    const Prepared prepared = prepare(request, body);
    Snippet snippet;
    snippet.environment = prepared.environment;
    snippet.code = u"curl "_s + shellWord(request.url().toString(QUrl::FullyEncoded)) + u" \\\n"_s
                   + u"  -H \"Authorization: Bearer $"_s + apiKeyVariable() + u"\" \\\n"_s
                   + u"  -H \"Content-Type: application/json\" \\\n"_s
                   + u"  --data-binary @- <<JSON\n"_s + write(prepared.root, jsonStyle(), 0)
                   + u"\nJSON\n"_s;
    return snippet;
}

Snippet toPython(const Request &request) {
    QJsonObject body = request.body;
    body.remove("stream"_L1);
    const Prepared prepared = prepare(request, body);
    const Style style = pythonStyle();
    Snippet snippet;
    snippet.environment = prepared.environment;

    QString code = u"import os\n\nfrom mistralai import Mistral\n\n"_s;
    const QString key = u"os.environ[\""_s + apiKeyVariable() + u"\"]"_s;
    if (isDefaultBaseUrl(request.baseUrl)) {
        code += u"client = Mistral(api_key="_s + key + u")\n\n"_s;
    } else {
        code += u"client = Mistral(\n    api_key="_s + key + u",\n    server_url=\""_s
                + pythonLiteral(baseUrlText(request)) + u"\",\n)\n\n"_s;
    }
    const bool conversation = request.endpoint == Endpoint::ConversationStart
                              || request.endpoint == Endpoint::ConversationAppend;
    switch (request.endpoint) {
    case Endpoint::Chat:
        code += u"response = client.chat.complete("_s;
        break;
    case Endpoint::Agents:
        code += u"response = client.agents.complete("_s;
        break;
    case Endpoint::ConversationStart:
        code += u"response = client.beta.conversations.start("_s;
        break;
    case Endpoint::ConversationAppend:
        code += u"response = client.beta.conversations.append(\n"_s + style.indentUnit
                + u"conversation_id=\""_s + pythonLiteral(request.conversationId) + u"\","_s;
        break;
    }
    const Node &root = prepared.root;
    if (!root.children.empty()) {
        code += u'\n';
        for (std::size_t i = 0; i < root.children.size(); ++i) {
            const QString &name = root.keys.at(i);
            const QString value = write(root.children.at(i), style, 1);
            code += style.indentUnit
                    + (isIdentifier(name)
                           ? QString(name + u'=' + value)
                           : QString(u"**{"_s + style.key(name) + u": "_s + value + u'}'))
                    + u",\n"_s;
        }
    }
    if (request.endpoint == Endpoint::ConversationAppend && root.children.empty())
        code += u'\n';
    code += conversation ? u")\n\nprint(response.outputs[-1].content)\n"_s
                         : u")\n\nprint(response.choices[0].message.content)\n"_s;
    snippet.code = code;
    return snippet;
}

Snippet toTypeScript(const Request &request) {
    QJsonObject body = request.body;
    body.remove("stream"_L1);
    const Prepared prepared = prepare(request, typeScriptNames(body));
    const Style style = typeScriptStyle();
    Snippet snippet;
    snippet.environment = prepared.environment;

    QString code = u"import { Mistral } from \"@mistralai/mistralai\";\n\n"_s;
    const QString key = u"process.env[\""_s + apiKeyVariable() + u"\"]"_s;
    if (isDefaultBaseUrl(request.baseUrl)) {
        code += u"const client = new Mistral({ apiKey: "_s + key + u" });\n\n"_s;
    } else {
        code += u"const client = new Mistral({\n  apiKey: "_s + key + u",\n  serverURL: \""_s
                + typeScriptLiteral(baseUrlText(request)) + u"\",\n});\n\n"_s;
    }
    switch (request.endpoint) {
    case Endpoint::Chat:
        code += u"const response = await client.chat.complete("_s;
        break;
    case Endpoint::Agents:
        code += u"const response = await client.agents.complete("_s;
        break;
    case Endpoint::ConversationStart:
        code += u"const response = await client.beta.conversations.start("_s;
        break;
    case Endpoint::ConversationAppend:
        code += u"const response = await client.beta.conversations.append({\n"_s + style.indentUnit
                + u"conversationId: \""_s + typeScriptLiteral(request.conversationId) + u"\",\n"_s
                + style.indentUnit + u"conversationAppendRequest: "_s
                + write(prepared.root, style, 1) + u",\n})"_s
                + u";\n\nconsole.log(response.outputs.at(-1));\n"_s;
        snippet.code = code;
        return snippet;
    }
    code += write(prepared.root, style, 0);
    code += request.endpoint == Endpoint::ConversationStart
                ? u");\n\nconsole.log(response.outputs.at(-1));\n"_s
                : u");\n\nconsole.log(response.choices[0]?.message?.content);\n"_s;
    snippet.code = code;
    return snippet;
}

} // namespace Tramontane::CodeExport
