// SPDX-License-Identifier: GPL-3.0-or-later
#include "Validation.h"

#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <vector>

using namespace Qt::StringLiterals;

namespace Tramontane::Emulator {

namespace {

using K = FieldSpec::Kind;

constexpr FieldSpec opt(QLatin1StringView name, K kind, NestedCheck nested = nullptr) {
    return {name, kind, false, true, nested};
}
// Optional, but null is not accepted (fields with a non-null default).
constexpr FieldSpec optNotNull(QLatin1StringView name, K kind, NestedCheck nested = nullptr) {
    return {name, kind, false, false, nested};
}
constexpr FieldSpec req(QLatin1StringView name, K kind, NestedCheck nested = nullptr) {
    return {name, kind, true, false, nested};
}
// Required, but null is an accepted value.
constexpr FieldSpec reqNullable(QLatin1StringView name, K kind, NestedCheck nested = nullptr) {
    return {name, kind, true, true, nested};
}
constexpr FieldSpec bounded(FieldSpec f, double min, double max, bool exclusiveMin = false) {
    f.min = min;
    f.max = max;
    f.exclusiveMin = exclusiveMin;
    return f;
}

QString formatNumber(double d) {
    return std::floor(d) == d ? QString::number(qint64(d)) : QString::number(d);
}

QString expectedList(std::span<const QLatin1StringView> allowed) {
    QStringList quoted;
    for (QLatin1StringView a : allowed)
        quoted.append(u'\'' + QString(a) + u'\'');
    if (quoted.size() <= 1)
        return quoted.join(QString());
    const QString last = quoted.takeLast();
    return quoted.join(u", "_s) + u" or "_s + last;
}

bool isInteger(const QJsonValue &v) {
    return v.isDouble() && std::floor(v.toDouble()) == v.toDouble() && std::isfinite(v.toDouble());
}

// --- Leaf checks ----------------------------------------------------------------------------

void stringArray(Validator &v, const QJsonValue &value, const QJsonArray &loc) {
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isString())
            v.add(u"string_type"_s, loc + double(i), u"Input should be a valid string"_s,
                  array.at(i));
    }
}

// `stop`: a string or a list of strings.
void stop(Validator &v, const QJsonValue &value, const QJsonArray &loc) {
    if (value.isString())
        return;
    if (value.isArray()) {
        stringArray(v, value, loc);
        return;
    }
    v.add(u"string_type"_s, loc, u"Input should be a valid string or a list of strings"_s, value);
}

void objectValue(Validator &v, const QJsonValue &value, const QJsonArray &loc) {
    if (!value.isObject())
        v.add(u"dict_type"_s, loc, u"Input should be a valid dictionary"_s, value);
}

// --- Content chunks -------------------------------------------------------------------------

void imageUrlValue(Validator &v, const QJsonValue &value, const QJsonArray &loc) {
    if (value.isString())
        return;
    static constexpr QLatin1StringView details[] = {"low"_L1, "auto"_L1, "high"_L1};
    static const FieldSpec fields[] = {
        req("url"_L1, K::String),
        opt("detail"_L1, K::String,
            [](Validator &v, const QJsonValue &d, const QJsonArray &l) { v.oneOf(d, l, details); }),
    };
    if (!value.isObject()) {
        v.add(u"string_type"_s, loc, u"Input should be a valid string or an object with a url"_s,
              value);
        return;
    }
    v.object(value, loc, fields);
}

void referenceIds(Validator &v, const QJsonValue &value, const QJsonArray &loc) {
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isString() && !isInteger(array.at(i)))
            v.add(u"int_type"_s, loc + double(i), u"Input should be a valid integer"_s,
                  array.at(i));
    }
}

void thinkingItems(Validator &v, const QJsonValue &value, const QJsonArray &loc);

void contentChunk(Validator &v, const QJsonValue &value, const QJsonArray &loc, bool systemOnly) {
    static constexpr QLatin1StringView allTags[] = {
        "image_url"_L1, "document_url"_L1, "text"_L1,        "reference"_L1,
        "file"_L1,      "thinking"_L1,     "input_audio"_L1,
    };
    static constexpr QLatin1StringView systemTags[] = {"text"_L1, "thinking"_L1};
    const QString tag = systemOnly ? v.tag(value, loc, "type"_L1, systemTags)
                                   : v.tag(value, loc, "type"_L1, allTags);
    if (tag.isEmpty())
        return;
    const QJsonArray at = loc + tag;
    if (tag == "text"_L1) {
        static const FieldSpec f[] = {req("type"_L1, K::String), req("text"_L1, K::String)};
        v.object(value, at, f);
    } else if (tag == "image_url"_L1) {
        static const FieldSpec f[] = {req("type"_L1, K::String),
                                      req("image_url"_L1, K::Any, imageUrlValue)};
        v.object(value, at, f);
    } else if (tag == "document_url"_L1) {
        static const FieldSpec f[] = {req("type"_L1, K::String), req("document_url"_L1, K::String),
                                      opt("document_name"_L1, K::String)};
        v.object(value, at, f);
    } else if (tag == "reference"_L1) {
        static const FieldSpec f[] = {req("type"_L1, K::String),
                                      req("reference_ids"_L1, K::Array, referenceIds)};
        v.object(value, at, f);
    } else if (tag == "file"_L1) {
        static const FieldSpec f[] = {req("type"_L1, K::String), req("file_id"_L1, K::String)};
        v.object(value, at, f);
    } else if (tag == "thinking"_L1) {
        static const FieldSpec f[] = {
            req("type"_L1, K::String), req("thinking"_L1, K::Array, thinkingItems),
            opt("signature"_L1, K::String), optNotNull("closed"_L1, K::Bool)};
        v.object(value, at, f);
    } else if (tag == "input_audio"_L1) {
        static const FieldSpec f[] = {req("type"_L1, K::String), req("input_audio"_L1, K::String)};
        v.object(value, at, f);
    }
}

void thinkingItems(Validator &v, const QJsonValue &value, const QJsonArray &loc) {
    static constexpr QLatin1StringView tags[] = {"text"_L1, "reference"_L1, "tool_reference"_L1};
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonArray at = loc + double(i);
        const QString tag = v.tag(array.at(i), at, "type"_L1, tags);
        if (tag == "text"_L1) {
            static const FieldSpec f[] = {req("type"_L1, K::String), req("text"_L1, K::String)};
            v.object(array.at(i), at + tag, f);
        } else if (tag == "reference"_L1) {
            static const FieldSpec f[] = {req("type"_L1, K::String),
                                          req("reference_ids"_L1, K::Array, referenceIds)};
            v.object(array.at(i), at + tag, f);
        } else if (tag == "tool_reference"_L1) {
            static const FieldSpec f[] = {
                req("type"_L1, K::String),    req("tool"_L1, K::String),
                req("title"_L1, K::String),   opt("url"_L1, K::String),
                opt("favicon"_L1, K::String), opt("description"_L1, K::String),
            };
            v.object(array.at(i), at + tag, f);
        }
    }
}

void content(Validator &v, const QJsonValue &value, const QJsonArray &loc, bool systemOnly) {
    if (value.isString())
        return;
    if (!value.isArray()) {
        v.add(u"string_type"_s, loc,
              u"Input should be a valid string or a list of content chunks"_s, value);
        return;
    }
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i)
        contentChunk(v, array.at(i), loc + double(i), systemOnly);
}

void anyContent(Validator &v, const QJsonValue &value, const QJsonArray &loc) {
    content(v, value, loc, false);
}

void systemContent(Validator &v, const QJsonValue &value, const QJsonArray &loc) {
    content(v, value, loc, true);
}

// --- Messages -------------------------------------------------------------------------------

void functionCall(Validator &v, const QJsonValue &value, const QJsonArray &loc) {
    static const FieldSpec f[] = {
        req("name"_L1, K::String),
        req("arguments"_L1, K::Any,
            [](Validator &v, const QJsonValue &a, const QJsonArray &l) {
                if (!a.isString() && !a.isObject())
                    v.add(u"string_type"_s, l, u"Input should be a valid string or a dictionary"_s,
                          a);
            }),
    };
    v.object(value, loc, f);
}

void toolCalls(Validator &v, const QJsonValue &value, const QJsonArray &loc) {
    static constexpr QLatin1StringView types[] = {"function"_L1};
    static const FieldSpec f[] = {
        optNotNull("id"_L1, K::String),
        optNotNull(
            "type"_L1, K::String,
            [](Validator &v, const QJsonValue &t, const QJsonArray &l) { v.oneOf(t, l, types); }),
        req("function"_L1, K::Object, functionCall),
        optNotNull("index"_L1, K::Int),
    };
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i)
        v.object(array.at(i), loc + double(i), f);
}

void message(Validator &v, const QJsonValue &value, const QJsonArray &loc) {
    static constexpr QLatin1StringView roles[] = {"system"_L1, "user"_L1, "assistant"_L1,
                                                  "tool"_L1};
    const QString role = v.tag(value, loc, "role"_L1, roles);
    if (role.isEmpty())
        return;
    const QJsonArray at = loc + role;
    if (role == "system"_L1) {
        static const FieldSpec f[] = {req("role"_L1, K::String),
                                      req("content"_L1, K::Any, systemContent)};
        v.object(value, at, f);
    } else if (role == "user"_L1) {
        static const FieldSpec f[] = {req("role"_L1, K::String),
                                      reqNullable("content"_L1, K::Any, anyContent)};
        v.object(value, at, f);
    } else if (role == "assistant"_L1) {
        static const FieldSpec f[] = {
            req("role"_L1, K::String),
            opt("content"_L1, K::Any, anyContent),
            opt("tool_calls"_L1, K::Array, toolCalls),
            optNotNull("prefix"_L1, K::Bool),
        };
        v.object(value, at, f);
    } else {
        static const FieldSpec f[] = {
            req("role"_L1, K::String),
            reqNullable("content"_L1, K::Any, anyContent),
            opt("tool_call_id"_L1, K::String),
            opt("name"_L1, K::String),
        };
        v.object(value, at, f);
    }
}

void messages(Validator &v, const QJsonValue &value, const QJsonArray &loc) {
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i)
        message(v, array.at(i), loc + double(i));
}

// --- Tools ----------------------------------------------------------------------------------

void toolConfiguration(Validator &v, const QJsonValue &value, const QJsonArray &loc) {
    static const FieldSpec f[] = {
        opt("exclude"_L1, K::Array, stringArray),
        opt("include"_L1, K::Array, stringArray),
        opt("requires_confirmation"_L1, K::Array, stringArray),
    };
    v.object(value, loc, f);
    const QJsonObject o = value.toObject();
    if (!o.value("include"_L1).isNull() && !o.value("include"_L1).isUndefined()
        && !o.value("exclude"_L1).isNull() && !o.value("exclude"_L1).isUndefined()) {
        v.add(u"value_error"_s, loc, u"Value error, Use either include or exclude, not both"_s,
              value);
    }
}

void functionDefinition(Validator &v, const QJsonValue &value, const QJsonArray &loc) {
    static const FieldSpec f[] = {
        req("name"_L1, K::String),
        optNotNull("description"_L1, K::String),
        optNotNull("strict"_L1, K::Bool),
        req("parameters"_L1, K::Object),
    };
    v.object(value, loc, f);
}

void authorization(Validator &v, const QJsonValue &value, const QJsonArray &loc) {
    static constexpr QLatin1StringView tags[] = {"api-key"_L1, "oauth2-token"_L1};
    const QString tag = v.tag(value, loc, "type"_L1, tags);
    if (tag.isEmpty())
        return;
    static const FieldSpec f[] = {req("type"_L1, K::String), req("value"_L1, K::String)};
    v.object(value, loc + tag, f);
}

void tool(Validator &v, const QJsonValue &value, const QJsonArray &loc) {
    static constexpr QLatin1StringView tags[] = {
        "function"_L1,         "web_search"_L1,       "web_search_premium"_L1,
        "code_interpreter"_L1, "image_generation"_L1, "document_library"_L1,
        "connector"_L1,
    };
    const QString tag = v.tag(value, loc, "type"_L1, tags);
    if (tag.isEmpty())
        return;
    const QJsonArray at = loc + tag;
    if (tag == "function"_L1) {
        static const FieldSpec f[] = {req("type"_L1, K::String),
                                      req("function"_L1, K::Object, functionDefinition)};
        v.object(value, at, f);
    } else if (tag == "document_library"_L1) {
        static const FieldSpec f[] = {req("type"_L1, K::String),
                                      opt("tool_configuration"_L1, K::Object, toolConfiguration),
                                      req("library_ids"_L1, K::Array, stringArray)};
        v.object(value, at, f);
    } else if (tag == "connector"_L1) {
        static const FieldSpec f[] = {
            req("type"_L1, K::String),
            req("connector_id"_L1, K::String),
            opt("authorization"_L1, K::Object, authorization),
            opt("tool_configuration"_L1, K::Object, toolConfiguration),
        };
        v.object(value, at, f);
    } else {
        static const FieldSpec f[] = {req("type"_L1, K::String),
                                      opt("tool_configuration"_L1, K::Object, toolConfiguration)};
        v.object(value, at, f);
    }
}

void tools(Validator &v, const QJsonValue &value, const QJsonArray &loc) {
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i)
        tool(v, array.at(i), loc + double(i));
}

constexpr QLatin1StringView ToolChoiceModes[] = {"auto"_L1, "none"_L1, "any"_L1, "required"_L1};

void toolChoice(Validator &v, const QJsonValue &value, const QJsonArray &loc) {
    if (value.isString()) {
        v.oneOf(value, loc, ToolChoiceModes);
        return;
    }
    static const FieldSpec nameOnly[] = {req("name"_L1, K::String)};
    static const FieldSpec f[] = {
        req("type"_L1, K::String),
        req("function"_L1, K::Object,
            [](Validator &v, const QJsonValue &fn, const QJsonArray &l) {
                v.object(fn, l, nameOnly);
            }),
    };
    if (!value.isObject()) {
        v.add(u"enum"_s, loc, u"Input should be 'auto', 'none', 'any' or 'required'"_s, value);
        return;
    }
    v.object(value, loc, f);
}

void toolChoiceMode(Validator &v, const QJsonValue &value, const QJsonArray &loc) {
    v.oneOf(value, loc, ToolChoiceModes);
}

void jsonSchema(Validator &v, const QJsonValue &value, const QJsonArray &loc) {
    static const FieldSpec f[] = {
        req("name"_L1, K::String),
        opt("description"_L1, K::String),
        req("schema"_L1, K::Object),
        optNotNull("strict"_L1, K::Bool),
    };
    v.object(value, loc, f);
}

void responseFormat(Validator &v, const QJsonValue &value, const QJsonArray &loc) {
    static constexpr QLatin1StringView types[] = {"text"_L1, "json_object"_L1, "json_schema"_L1};
    static const FieldSpec f[] = {
        optNotNull(
            "type"_L1, K::String,
            [](Validator &v, const QJsonValue &t, const QJsonArray &l) { v.oneOf(t, l, types); }),
        opt("json_schema"_L1, K::Object, jsonSchema),
    };
    v.object(value, loc, f);
}

void prediction(Validator &v, const QJsonValue &value, const QJsonArray &loc) {
    static constexpr QLatin1StringView types[] = {"content"_L1};
    static const FieldSpec f[] = {
        optNotNull(
            "type"_L1, K::String,
            [](Validator &v, const QJsonValue &t, const QJsonArray &l) { v.oneOf(t, l, types); }),
        optNotNull("content"_L1, K::String),
    };
    v.object(value, loc, f);
}

void guardrails(Validator &v, const QJsonValue &value, const QJsonArray &loc) {
    static const FieldSpec f[] = {
        req("block_on_error"_L1, K::Bool),
        opt("moderation_llm_v1"_L1, K::Object),
        opt("moderation_llm_v2"_L1, K::Object),
    };
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i)
        v.object(array.at(i), loc + double(i), f);
}

void reasoningEffort(Validator &v, const QJsonValue &value, const QJsonArray &loc) {
    static constexpr QLatin1StringView values[] = {"none"_L1,   "minimal"_L1, "low"_L1,
                                                   "medium"_L1, "high"_L1,    "xhigh"_L1};
    v.oneOf(value, loc, values);
}

void promptMode(Validator &v, const QJsonValue &value, const QJsonArray &loc) {
    static constexpr QLatin1StringView values[] = {"reasoning"_L1};
    v.oneOf(value, loc, values);
}

void serviceTier(Validator &v, const QJsonValue &value, const QJsonArray &loc) {
    static constexpr QLatin1StringView values[] = {"auto"_L1, "standard_only"_L1};
    v.oneOf(value, loc, values);
}

// Fields shared by chat and agent completions.
std::vector<FieldSpec> completionCommonFields() {
    return {
        bounded(opt("max_tokens"_L1, K::Int), 0, qQNaN()),
        optNotNull("stream"_L1, K::Bool),
        opt("stop"_L1, K::Any, stop),
        bounded(opt("random_seed"_L1, K::Int), 0, qQNaN()),
        opt("metadata"_L1, K::Object),
        req("messages"_L1, K::Array, messages),
        optNotNull("response_format"_L1, K::Object, responseFormat),
        opt("tools"_L1, K::Array, tools),
        optNotNull("tool_choice"_L1, K::Any, toolChoice),
        bounded(opt("presence_penalty"_L1, K::Number), -2, 2),
        bounded(opt("frequency_penalty"_L1, K::Number), -2, 2),
        bounded(opt("n"_L1, K::Int), 1, qQNaN()),
        optNotNull("prediction"_L1, K::Object, prediction),
        optNotNull("parallel_tool_calls"_L1, K::Bool),
        opt("reasoning_effort"_L1, K::String, reasoningEffort),
        opt("prompt_mode"_L1, K::String, promptMode),
        opt("guardrails"_L1, K::Array, guardrails),
        opt("prompt_cache_key"_L1, K::String),
        opt("service_tier"_L1, K::String, serviceTier),
    };
}

void completionArgs(Validator &v, const QJsonValue &value, const QJsonArray &loc) {
    static const FieldSpec f[] = {
        opt("stop"_L1, K::Any, stop),
        bounded(opt("presence_penalty"_L1, K::Number), -2, 2),
        bounded(opt("frequency_penalty"_L1, K::Number), -2, 2),
        bounded(opt("temperature"_L1, K::Number), 0, 1.5),
        bounded(opt("top_p"_L1, K::Number), 0, 1, true),
        bounded(opt("max_tokens"_L1, K::Int), 0, qQNaN()),
        bounded(opt("random_seed"_L1, K::Int), 0, qQNaN()),
        opt("prediction"_L1, K::Object, prediction),
        opt("response_format"_L1, K::Object, responseFormat),
        optNotNull("tool_choice"_L1, K::String, toolChoiceMode),
        opt("reasoning_effort"_L1, K::String, reasoningEffort),
    };
    v.object(value, loc, f);
}

void agentTools(Validator &v, const QJsonValue &value, const QJsonArray &loc) {
    tools(v, value, loc);
}

void handoffs(Validator &v, const QJsonValue &value, const QJsonArray &loc) {
    stringArray(v, value, loc);
    if (value.toArray().isEmpty()) {
        v.add(u"too_short"_s, loc, u"List should have at least 1 item after validation, not 0"_s,
              value,
              QJsonObject{
                  {u"field_type"_s, u"List"_s}, {u"min_length"_s, 1}, {u"actual_length"_s, 0}});
    }
}

void versionMessage(Validator &v, const QJsonValue &value, const QJsonArray &loc) {
    if (value.toString().size() > 500) {
        v.add(u"string_too_long"_s, loc, u"String should have at most 500 characters"_s, value,
              QJsonObject{{u"max_length"_s, 500}});
    }
}

// --- Connectors -----------------------------------------------------------------------------

void connectorName(Validator &v, const QJsonValue &value, const QJsonArray &loc) {
    if (!isValidConnectorName(value.toString())) {
        v.add(u"string_pattern_mismatch"_s, loc,
              u"String should match pattern '^[a-zA-Z0-9_-]{1,64}$'"_s, value,
              QJsonObject{{u"pattern"_s, u"^[a-zA-Z0-9_-]{1,64}$"_s}});
    }
}

void serverUrl(Validator &v, const QJsonValue &value, const QJsonArray &loc) {
    const QString text = value.toString();
    if (text.size() > 2083) {
        v.add(u"url_too_long"_s, loc, u"URL should have at most 2083 characters"_s, value,
              QJsonObject{{u"max_length"_s, 2083}});
        return;
    }
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) {
        v.add(u"url_parsing"_s, loc, u"Input should be a valid URL, relative URL without a base"_s,
              value, QJsonObject{{u"error"_s, u"relative URL without a base"_s}});
        return;
    }
    if (url.scheme() != "http"_L1 && url.scheme() != "https"_L1) {
        v.add(u"url_scheme"_s, loc, u"URL scheme should be 'http' or 'https'"_s, value,
              QJsonObject{{u"expected_schemes"_s, u"'http' or 'https'"_s}});
    }
}

void title(Validator &v, const QJsonValue &value, const QJsonArray &loc) {
    if (value.toString().size() > 255) {
        v.add(u"string_too_long"_s, loc, u"String should have at most 255 characters"_s, value,
              QJsonObject{{u"max_length"_s, 255}});
    }
}

void visibility(Validator &v, const QJsonValue &value, const QJsonArray &loc) {
    static constexpr QLatin1StringView values[] = {"private"_L1, "shared_workspace"_L1,
                                                   "shared_org"_L1};
    v.oneOf(value, loc, values);
}

void protocolMcp(Validator &v, const QJsonValue &value, const QJsonArray &loc) {
    static constexpr QLatin1StringView values[] = {"mcp"_L1};
    v.oneOf(value, loc, values);
}

void headerValues(Validator &v, const QJsonValue &value, const QJsonArray &loc) {
    const QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!it.value().isString())
            v.add(u"string_type"_s, loc + it.key(), u"Input should be a valid string"_s,
                  it.value());
    }
}

void globalHeaders(Validator &v, const QJsonValue &value, const QJsonArray &loc) {
    static const FieldSpec f[] = {optNotNull("is_secret"_L1, K::Bool), req("value"_L1, K::String)};
    const QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        v.object(it.value(), loc + it.key(), f);
}

void authData(Validator &v, const QJsonValue &value, const QJsonArray &loc) {
    static const FieldSpec f[] = {req("client_id"_L1, K::String),
                                  opt("client_secret"_L1, K::String)};
    v.object(value, loc, f);
}

void authHeaderSpecs(Validator &v, const QJsonValue &value, const QJsonArray &loc) {
    static const FieldSpec f[] = {req("name"_L1, K::String), optNotNull("is_required"_L1, K::Bool),
                                  optNotNull("is_secret"_L1, K::Bool)};
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i)
        v.object(array.at(i), loc + double(i), f);
}

void authMethods(Validator &v, const QJsonValue &value, const QJsonArray &loc) {
    static constexpr QLatin1StringView types[] = {"bearer"_L1, "none"_L1, "oauth2"_L1,
                                                  "github_app"_L1, "slack_app"_L1};
    static const FieldSpec f[] = {
        req("method_type"_L1, K::String,
            [](Validator &v, const QJsonValue &t, const QJsonArray &l) { v.oneOf(t, l, types); }),
        optNotNull("auth_direction"_L1, K::String),
        opt("headers"_L1, K::Array, authHeaderSpecs),
        optNotNull("global_headers"_L1, K::Object, globalHeaders),
        opt("oauth2_metadata_secrets"_L1, K::Object),
        opt("oauth2_server_metadata"_L1, K::Object),
        optNotNull("grant_type"_L1, K::String),
        optNotNull("auth_data"_L1, K::Object, authData),
        optNotNull("token_endpoint_auth_method"_L1, K::String),
    };
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i)
        v.object(array.at(i), loc + double(i), f);
}

// The document of an OCR request: a file, a document URL or an image URL chunk.
void ocrDocument(Validator &v, const QJsonValue &value, const QJsonArray &loc) {
    static constexpr QLatin1StringView tags[] = {"file"_L1, "document_url"_L1, "image_url"_L1};
    const QString tag = v.tag(value, loc, "type"_L1, tags);
    if (tag.isEmpty())
        return;
    const QJsonArray at = loc + tag;
    if (tag == "file"_L1) {
        static const FieldSpec f[] = {req("type"_L1, K::String), req("file_id"_L1, K::String)};
        v.object(value, at, f);
    } else if (tag == "document_url"_L1) {
        static const FieldSpec f[] = {req("type"_L1, K::String), req("document_url"_L1, K::String),
                                      opt("document_name"_L1, K::String)};
        v.object(value, at, f);
    } else {
        static const FieldSpec f[] = {req("type"_L1, K::String),
                                      req("image_url"_L1, K::Any, imageUrlValue)};
        v.object(value, at, f);
    }
}

// `pages`: a list of page numbers, or a string such as "0,2-4".
void ocrPages(Validator &v, const QJsonValue &value, const QJsonArray &loc) {
    if (value.isString())
        return;
    if (!value.isArray()) {
        v.add(u"list_type"_s, loc, u"Input should be a valid list or string"_s, value);
        return;
    }
    const QJsonArray pages = value.toArray();
    for (qsizetype i = 0; i < pages.size(); ++i) {
        if (!isInteger(pages.at(i)) || pages.at(i).toDouble() < 0)
            v.add(u"int_type"_s, loc + double(i), u"Input should be a valid integer"_s,
                  pages.at(i));
    }
}

void checkBody(Validator &v, const QJsonObject &body, std::span<const FieldSpec> fields) {
    v.object(body, QJsonArray{u"body"_s}, fields);
}

} // namespace

// ---------------------------------------------------------------------------------------------

QJsonObject ValidationIssue::toJson() const {
    QJsonObject o{{u"type"_s, type}, {u"loc"_s, loc}, {u"msg"_s, msg}, {u"input"_s, input}};
    if (!ctx.isEmpty())
        o.insert(u"ctx"_s, ctx);
    return o;
}

void Validator::add(const QString &type, const QJsonArray &loc, const QString &msg,
                    const QJsonValue &input, const QJsonObject &ctx) {
    issues.append(ValidationIssue{type, loc, msg, input.isUndefined() ? QJsonValue() : input, ctx});
}

bool Validator::object(const QJsonValue &value, const QJsonArray &loc,
                       std::span<const FieldSpec> fields) {
    if (!value.isObject()) {
        add(u"model_attributes_type"_s, loc,
            u"Input should be a valid dictionary or object to extract fields from"_s, value);
        return false;
    }
    const QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        bool known = false;
        for (const FieldSpec &f : fields) {
            if (it.key() == f.name) {
                known = true;
                break;
            }
        }
        if (!known)
            add(u"extra_forbidden"_s, loc + it.key(), u"Extra inputs are not permitted"_s,
                it.value());
    }
    for (const FieldSpec &f : fields) {
        const QJsonArray at = loc + QString(f.name);
        const QJsonValue v = o.value(f.name);
        if (v.isUndefined()) {
            if (f.required)
                add(u"missing"_s, at, u"Field required"_s, value);
            continue;
        }
        if (v.isNull() && f.nullable)
            continue;
        bool typeOk = true;
        switch (f.kind) {
        case K::String:
            if (!v.isString()) {
                add(u"string_type"_s, at, u"Input should be a valid string"_s, v);
                typeOk = false;
            }
            break;
        case K::Bool:
            if (!v.isBool()) {
                add(u"bool_type"_s, at, u"Input should be a valid boolean"_s, v);
                typeOk = false;
            }
            break;
        case K::Int:
            if (!v.isDouble()) {
                add(u"int_type"_s, at, u"Input should be a valid integer"_s, v);
                typeOk = false;
            } else if (!isInteger(v)) {
                add(u"int_from_float"_s, at,
                    u"Input should be a valid integer, got a number with a fractional part"_s, v);
                typeOk = false;
            }
            break;
        case K::Number:
            if (!v.isDouble()) {
                add(u"float_type"_s, at, u"Input should be a valid number"_s, v);
                typeOk = false;
            }
            break;
        case K::Object:
            if (!v.isObject()) {
                if (f.nested) {
                    add(u"model_attributes_type"_s, at,
                        u"Input should be a valid dictionary or object to extract fields from"_s,
                        v);
                } else {
                    add(u"dict_type"_s, at, u"Input should be a valid dictionary"_s, v);
                }
                typeOk = false;
            }
            break;
        case K::Array:
            if (!v.isArray()) {
                add(u"list_type"_s, at, u"Input should be a valid list"_s, v);
                typeOk = false;
            }
            break;
        case K::Any:
            if (v.isNull()) {
                add(u"none_forbidden"_s, at, u"Input should not be None"_s, v);
                typeOk = false;
            }
            break;
        }
        if (!typeOk)
            continue;
        if (v.isDouble()) {
            const double d = v.toDouble();
            if (!std::isnan(f.min)) {
                if (f.exclusiveMin && !(d > f.min)) {
                    add(u"greater_than"_s, at,
                        u"Input should be greater than "_s + formatNumber(f.min), v,
                        QJsonObject{{u"gt"_s, f.min}});
                } else if (!f.exclusiveMin && d < f.min) {
                    add(u"greater_than_equal"_s, at,
                        u"Input should be greater than or equal to "_s + formatNumber(f.min), v,
                        QJsonObject{{u"ge"_s, f.min}});
                }
            }
            if (!std::isnan(f.max) && d > f.max) {
                add(u"less_than_equal"_s, at,
                    u"Input should be less than or equal to "_s + formatNumber(f.max), v,
                    QJsonObject{{u"le"_s, f.max}});
            }
        }
        if (f.nested)
            f.nested(*this, v, at);
    }
    return true;
}

void Validator::oneOf(const QJsonValue &value, const QJsonArray &loc,
                      std::span<const QLatin1StringView> allowed) {
    if (value.isString()) {
        for (QLatin1StringView a : allowed) {
            if (value.toString() == a)
                return;
        }
    }
    const QString expected = expectedList(allowed);
    add(allowed.size() == 1 ? u"literal_error"_s : u"enum"_s, loc, u"Input should be "_s + expected,
        value, QJsonObject{{u"expected"_s, expected}});
}

QString Validator::tag(const QJsonValue &value, const QJsonArray &loc,
                       QLatin1StringView discriminator, std::span<const QLatin1StringView> tags) {
    if (!value.isObject()) {
        add(u"model_attributes_type"_s, loc,
            u"Input should be a valid dictionary or object to extract fields from"_s, value);
        return {};
    }
    const QJsonValue t = value.toObject().value(discriminator);
    const QString quotedDisc = u'\'' + QString(discriminator) + u'\'';
    if (!t.isString()) {
        add(u"union_tag_not_found"_s, loc,
            u"Unable to extract tag using discriminator "_s + quotedDisc, value,
            QJsonObject{{u"discriminator"_s, quotedDisc}});
        return {};
    }
    for (QLatin1StringView candidate : tags) {
        if (t.toString() == candidate)
            return t.toString();
    }
    QStringList quoted;
    for (QLatin1StringView candidate : tags)
        quoted.append(u'\'' + QString(candidate) + u'\'');
    const QString expected = quoted.join(u", "_s);
    add(u"union_tag_invalid"_s, loc,
        u"Input tag '%1' found using %2 does not match any of the expected tags: %3"_s.arg(
            t.toString(), quotedDisc, expected),
        value,
        QJsonObject{{u"discriminator"_s, quotedDisc},
                    {u"tag"_s, t.toString()},
                    {u"expected_tags"_s, expected}});
    return {};
}

QJsonObject Validator::detailBody() const {
    QJsonArray detail;
    for (const ValidationIssue &issue : issues)
        detail.append(issue.toJson());
    return QJsonObject{{u"detail"_s, detail}};
}

bool isValidConnectorName(const QString &name) {
    static const QRegularExpression pattern(u"^[a-zA-Z0-9_-]{1,64}$"_s);
    return pattern.match(name).hasMatch();
}

namespace Validate {

void chatCompletion(Validator &v, const QJsonObject &body) {
    static const std::vector<FieldSpec> fields = [] {
        std::vector<FieldSpec> f = completionCommonFields();
        f.push_back(req("model"_L1, K::String));
        f.push_back(bounded(opt("temperature"_L1, K::Number), 0, 1.5));
        f.push_back(bounded(opt("top_p"_L1, K::Number), 0, 1, true));
        f.push_back(optNotNull("safe_prompt"_L1, K::Bool));
        return f;
    }();
    checkBody(v, body, fields);
}

void agentsCompletion(Validator &v, const QJsonObject &body) {
    static const std::vector<FieldSpec> fields = [] {
        std::vector<FieldSpec> f = completionCommonFields();
        f.push_back(req("agent_id"_L1, K::String));
        return f;
    }();
    checkBody(v, body, fields);
}

void createAgent(Validator &v, const QJsonObject &body) {
    static const FieldSpec fields[] = {
        opt("instructions"_L1, K::String),
        optNotNull("tools"_L1, K::Array, agentTools),
        optNotNull("completion_args"_L1, K::Object, completionArgs),
        opt("guardrails"_L1, K::Array, guardrails),
        req("model"_L1, K::String),
        req("name"_L1, K::String),
        opt("description"_L1, K::String),
        opt("handoffs"_L1, K::Array, handoffs),
        opt("metadata"_L1, K::Object),
        opt("version_message"_L1, K::String, versionMessage),
    };
    checkBody(v, body, fields);
}

void updateAgent(Validator &v, const QJsonObject &body) {
    static const FieldSpec fields[] = {
        opt("instructions"_L1, K::String),
        optNotNull("tools"_L1, K::Array, agentTools),
        optNotNull("completion_args"_L1, K::Object, completionArgs),
        opt("guardrails"_L1, K::Array, guardrails),
        opt("model"_L1, K::String),
        opt("name"_L1, K::String),
        opt("description"_L1, K::String),
        opt("handoffs"_L1, K::Array, handoffs),
        opt("deployment_chat"_L1, K::Bool),
        opt("metadata"_L1, K::Object),
        opt("version_message"_L1, K::String, versionMessage),
    };
    checkBody(v, body, fields);
}

void createConnector(Validator &v, const QJsonObject &body) {
    static const FieldSpec fields[] = {
        opt("headers"_L1, K::Object, headerValues),
        optNotNull("global_headers"_L1, K::Object, globalHeaders),
        opt("auth_data"_L1, K::Object, authData),
        opt("oauth2_server_metadata"_L1, K::Object),
        opt("oauth2_server_metadata_url"_L1, K::String),
        req("name"_L1, K::String, connectorName),
        opt("title"_L1, K::String, title),
        req("description"_L1, K::String),
        opt("icon_url"_L1, K::String),
        req("server"_L1, K::String, serverUrl),
        optNotNull("visibility"_L1, K::String, visibility),
        opt("auth_methods"_L1, K::Array, authMethods),
        opt("system_prompt"_L1, K::String),
        optNotNull("protocol"_L1, K::String, protocolMcp),
    };
    checkBody(v, body, fields);
    if (body.contains("oauth2_server_metadata"_L1)
        && !body.value("oauth2_server_metadata"_L1).isNull()
        && body.contains("oauth2_server_metadata_url"_L1)
        && !body.value("oauth2_server_metadata_url"_L1).isNull()) {
        v.add(u"value_error"_s, QJsonArray{u"body"_s},
              u"Value error, oauth2_server_metadata and oauth2_server_metadata_url are mutually "
              "exclusive"_s,
              body);
    }
}

void updateConnector(Validator &v, const QJsonObject &body) {
    static const FieldSpec fields[] = {
        opt("title"_L1, K::String, title),
        opt("name"_L1, K::String, connectorName),
        opt("description"_L1, K::String),
        opt("icon_url"_L1, K::String),
        opt("server"_L1, K::String, serverUrl),
        opt("auth_methods"_L1, K::Array, authMethods),
        optNotNull("protocol"_L1, K::String, protocolMcp),
        opt("system_prompt"_L1, K::String),
    };
    checkBody(v, body, fields);
}

void ocr(Validator &v, const QJsonObject &body) {
    static constexpr QLatin1StringView granularities[] = {"page"_L1, "word"_L1, "block"_L1};
    static constexpr QLatin1StringView tableFormats[] = {"markdown"_L1, "html"_L1};
    static const FieldSpec fields[] = {
        reqNullable("model"_L1, K::String),
        req("document"_L1, K::Object, ocrDocument),
        opt("pages"_L1, K::Any, ocrPages),
        opt("include_image_base64"_L1, K::Bool),
        bounded(opt("image_limit"_L1, K::Int), 0, 1e9),
        bounded(opt("image_min_size"_L1, K::Int), 0, 1e9),
        opt("bbox_annotation_format"_L1, K::Object, responseFormat),
        opt("document_annotation_format"_L1, K::Object, responseFormat),
        opt("document_annotation_prompt"_L1, K::String),
        opt("table_format"_L1, K::String,
            [](Validator &v, const QJsonValue &t, const QJsonArray &l) {
                v.oneOf(t, l, tableFormats);
            }),
        optNotNull("extract_header"_L1, K::Bool),
        optNotNull("extract_footer"_L1, K::Bool),
        optNotNull("include_blocks"_L1, K::Bool),
        opt("confidence_scores_granularity"_L1, K::String,
            [](Validator &v, const QJsonValue &g, const QJsonArray &l) {
                v.oneOf(g, l, granularities);
            }),
    };
    checkBody(v, body, fields);
}

void callConnectorTool(Validator &v, const QJsonObject &body) {
    static const FieldSpec fields[] = {optNotNull("arguments"_L1, K::Object, objectValue)};
    checkBody(v, body, fields);
}

} // namespace Validate

} // namespace Tramontane::Emulator
