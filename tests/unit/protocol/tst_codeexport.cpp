// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/CodeExport.h"
#include "core/protocol/ConversationMessages.h"

#include "core/services/ChatService.h"

#include "TestJson.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using Tramontane::Test::jsonObject;

namespace {

ChatRequest smallRequest() {
    ChatRequest request;
    request.model = u"mistral-small-latest"_s;
    request.messages = {ChatMessage::user(u"Hello"_s)};
    request.maxTokens = 64;
    request.stream = true; // what the app sends; the programs make a plain completion
    return request;
}

QString hostileText() {
    return u"It's \"quoted\", $HOME and ${PATH}, $(touch pwned) and `touch pwned`, a \\ and "
           "\\n and \\\\ and \\$,\nJSON\nline two\ttab, 'single' '\\'' done;"_s
           + QChar(0x1b) + u"[31m é ñ 漢字 🌍"_s + QChar(0x202e) + QChar(0x2028) + u"!{}"_s;
}

// A request with a hostile user message, a connector tool carrying a token, and an API key
// known to the caller; the key and the token also appear inside other strings.
CodeExport::Request secretRequest(CodeExport::Endpoint endpoint) {
    const QString token = u"tok-SECRET-1234567890"_s;
    const QString key = u"sk-APIKEY-0987654321"_s;
    QList<Tool> tools{Tool::connector(u"my-github"_s, ConnectorAuthorization::oauth2Token(token)),
                      Tool::connector(u"crm"_s, ConnectorAuthorization::apiKey(u"crm-KEY-42"_s)),
                      Tool::builtIn(Tool::Type::ImageGeneration)};
    QList<ChatMessage> messages{
        ChatMessage::user(hostileText()),
        ChatMessage::assistant(QString(u"Your key is "_s + key + u"."_s)),
        ChatMessage::user(QString(u"and the token "_s + token + u" again"_s)),
    };
    CodeExport::Request request;
    if (endpoint == CodeExport::Endpoint::ConversationStart) {
        ConversationStartRequest start;
        start.model = u"mistral-medium-latest"_s;
        start.inputs = ConversationMessages::replay(messages);
        start.tools = tools + QList<Tool>{Tool::builtIn(Tool::Type::WebSearch)};
        start.stream = true;
        request = CodeExport::Request::fromConversationStart(start);
    } else if (endpoint == CodeExport::Endpoint::ConversationAppend) {
        ConversationAppendRequest append;
        append.conversationId = u"conv_0123"_s;
        append.inputs = ConversationInputs::fromText(hostileText());
        append.toolConfirmations = {{u"call_7"_s, false}};
        append.stream = true;
        request = CodeExport::Request::fromConversationAppend(append);
    } else if (endpoint == CodeExport::Endpoint::Agents) {
        AgentCompletionRequest agent;
        agent.agentId = u"ag_0123"_s;
        agent.messages = messages;
        agent.tools = tools;
        request = CodeExport::Request::fromAgent(agent);
    } else {
        ChatRequest chat;
        chat.model = u"mistral-medium-latest"_s;
        chat.messages = messages;
        chat.tools = tools;
        chat.metadata = QJsonObject{{u"note"_s, key}};
        request = CodeExport::Request::fromChat(chat);
    }
    request.secrets = {{CodeExport::apiKeyVariable(), key}};
    return request;
}

QStringList secretValues() {
    return {u"tok-SECRET-1234567890"_s, u"sk-APIKEY-0987654321"_s, u"crm-KEY-42"_s};
}

QProcessEnvironment secretEnvironment() {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"MISTRAL_API_KEY"_s, u"sk-APIKEY-0987654321"_s);
    env.insert(u"CONNECTOR_MY_GITHUB_TOKEN"_s, u"tok-SECRET-1234567890"_s);
    env.insert(u"CONNECTOR_CRM_API_KEY"_s, u"crm-KEY-42"_s);
    return env;
}

struct Run {
    bool started = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QString &program, const QStringList &arguments, const QProcessEnvironment &env,
        const QString &workingDirectory = {}) {
    QProcess process;
    process.setProcessEnvironment(env);
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    process.start(program, arguments);
    Run result;
    result.started = process.waitForStarted(10000);
    if (!result.started)
        return result;
    process.waitForFinished(30000);
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

bool writeFile(const QString &path, const QString &text) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    return file.write(text.toUtf8()) >= 0;
}

QJsonObject parseObject(const QByteArray &text) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON (%s): %s", qPrintable(error.errorString()), text.constData());
    return doc.object();
}

// What the stub SDKs print as the endpoint a program called.
QString endpointName(int endpoint) {
    switch (CodeExport::Endpoint(endpoint)) {
    case CodeExport::Endpoint::Chat:
        break;
    case CodeExport::Endpoint::Agents:
        return u"agents"_s;
    case CodeExport::Endpoint::ConversationStart:
        return u"conversations.start"_s;
    case CodeExport::Endpoint::ConversationAppend:
        return u"conversations.append"_s;
    }
    return u"chat"_s;
}

// The body with the secrets restored (what the programs send once the environment is set).
QJsonObject withoutStream(QJsonObject body) {
    body.remove(u"stream"_s);
    return body;
}

} // namespace

class TestCodeExport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void request_pathsAreTheServicePaths();
    void curl_smallChatRequest_isExact();
    void python_smallChatRequest_isExact();
    void typeScript_smallChatRequest_isExact();
    void agentRequest_usesAgentsEndpoint();
    void conversationRequests_useTheConversationsEndpoints();
    void customBaseUrl_isNamedOnlyWhenNotDefault();
    void typeScriptNames_renamesOnlySdkFields();
    void connectorVariable_isShellSafe_data();
    void connectorVariable_isShellSafe();
    void allOutputs_neverContainSecrets_data();
    void allOutputs_neverContainSecrets();
    void hostileText_isEscapedForEveryLanguage();
    void curl_shellPassesBodyUnchanged_data();
    void curl_shellPassesBodyUnchanged();
    void python_programPassesBodyUnchanged_data();
    void python_programPassesBodyUnchanged();
    void typeScript_programPassesBodyUnchanged_data();
    void typeScript_programPassesBodyUnchanged();
};

void TestCodeExport::request_pathsAreTheServicePaths() {
    CodeExport::Request chat = CodeExport::Request::fromChat(smallRequest());
    QCOMPARE(chat.path(), ChatService::chatPath());
    QCOMPARE(chat.url(), QUrl(u"https://api.mistral.ai/v1/chat/completions"_s));
    AgentCompletionRequest agent;
    agent.agentId = u"ag_1"_s;
    const CodeExport::Request agents = CodeExport::Request::fromAgent(agent);
    QCOMPARE(agents.path(), ChatService::agentPath());
    QCOMPARE(agents.body.value(u"agent_id"_s).toString(), u"ag_1"_s);
    chat.baseUrl = QUrl(u"http://127.0.0.1:8080/proxy/"_s);
    QCOMPARE(chat.url(), QUrl(u"http://127.0.0.1:8080/proxy/v1/chat/completions"_s));
}

void TestCodeExport::curl_smallChatRequest_isExact() {
    const CodeExport::Snippet snippet =
        CodeExport::toCurl(CodeExport::Request::fromChat(smallRequest()));
    const QString expected = uR"(curl https://api.mistral.ai/v1/chat/completions \
  -H "Authorization: Bearer $MISTRAL_API_KEY" \
  -H "Content-Type: application/json" \
  --data-binary @- <<JSON
{
  "model": "mistral-small-latest",
  "max_tokens": 64,
  "messages": [
    {"role": "user", "content": "Hello"}
  ],
  "stream": false
}
JSON
)"_s;
    QCOMPARE(snippet.code, expected);
    QCOMPARE(snippet.environment.size(), 1);
    QCOMPARE(snippet.environment.first().name, u"MISTRAL_API_KEY"_s);
}

void TestCodeExport::python_smallChatRequest_isExact() {
    const CodeExport::Snippet snippet =
        CodeExport::toPython(CodeExport::Request::fromChat(smallRequest()));
    const QString expected = uR"(import os

from mistralai import Mistral

client = Mistral(api_key=os.environ["MISTRAL_API_KEY"])

response = client.chat.complete(
    model="mistral-small-latest",
    max_tokens=64,
    messages=[
        {"role": "user", "content": "Hello"},
    ],
)

print(response.choices[0].message.content)
)"_s;
    QCOMPARE(snippet.code, expected);
}

void TestCodeExport::typeScript_smallChatRequest_isExact() {
    const CodeExport::Snippet snippet =
        CodeExport::toTypeScript(CodeExport::Request::fromChat(smallRequest()));
    const QString expected = uR"(import { Mistral } from "@mistralai/mistralai";

const client = new Mistral({ apiKey: process.env["MISTRAL_API_KEY"] });

const response = await client.chat.complete({
  model: "mistral-small-latest",
  maxTokens: 64,
  messages: [
    { role: "user", content: "Hello" },
  ],
});

console.log(response.choices[0]?.message?.content);
)"_s;
    QCOMPARE(snippet.code, expected);
}

void TestCodeExport::agentRequest_usesAgentsEndpoint() {
    AgentCompletionRequest agent;
    agent.agentId = u"ag_0123"_s;
    agent.messages = {ChatMessage::user(u"Hi"_s)};
    const auto request = CodeExport::Request::fromAgent(agent);
    const QString curl = CodeExport::toCurl(request).code;
    QVERIFY(curl.startsWith(u"curl https://api.mistral.ai/v1/agents/completions \\\n"_s));
    QVERIFY(curl.contains(u"\"agent_id\": \"ag_0123\""_s));
    const QString python = CodeExport::toPython(request).code;
    QVERIFY(python.contains(
        u"response = client.agents.complete(\n    agent_id=\"ag_0123\",\n    messages="_s));
    const QString ts = CodeExport::toTypeScript(request).code;
    QVERIFY(ts.contains(
        u"const response = await client.agents.complete({\n  agentId: \"ag_0123\",\n"_s));
}

void TestCodeExport::conversationRequests_useTheConversationsEndpoints() {
    ConversationStartRequest start;
    start.agentId = u"ag_0123"_s;
    start.inputs = ConversationInputs::fromText(u"Hi"_s);
    start.stream = true;
    const auto started = CodeExport::Request::fromConversationStart(start);
    QCOMPARE(started.url(), QUrl(u"https://api.mistral.ai/v1/conversations"_s));
    const QString curl = CodeExport::toCurl(started).code;
    QVERIFY(curl.startsWith(u"curl https://api.mistral.ai/v1/conversations \\\n"_s));
    QVERIFY(curl.contains(u"\"stream\": false"_s));
    QVERIFY(CodeExport::toPython(started).code.contains(
        u"response = client.beta.conversations.start(\n    agent_id=\"ag_0123\",\n    inputs=\"Hi\",\n)"_s));
    QVERIFY(
        CodeExport::toPython(started).code.endsWith(u"print(response.outputs[-1].content)\n"_s));
    QVERIFY(CodeExport::toTypeScript(started).code.contains(
        u"await client.beta.conversations.start({ agentId: \"ag_0123\", inputs: \"Hi\" });"_s));

    ConversationAppendRequest append;
    append.conversationId = u"conv 1/2"_s; // percent-encoded in the path
    append.toolConfirmations = {{u"call_1"_s, true}};
    const auto appended = CodeExport::Request::fromConversationAppend(append);
    QCOMPARE(appended.path(), u"/v1/conversations/conv%201%2F2"_s);
    QVERIFY(!appended.body.contains(u"conversation_id"_s));
    const QString python = CodeExport::toPython(appended).code;
    QVERIFY2(python.contains(u"response = client.beta.conversations.append(\n    "
                             "conversation_id=\"conv 1/2\",\n    tool_confirmations=["_s),
             qPrintable(python));
    const QString ts = CodeExport::toTypeScript(appended).code;
    QVERIFY2(ts.contains(u"await client.beta.conversations.append({\n  conversationId: \"conv "
                         "1/2\",\n  conversationAppendRequest: {"_s),
             qPrintable(ts));
    QVERIFY2(ts.contains(u"{ confirmation: \"allow\", toolCallId: \"call_1\" }"_s), qPrintable(ts));
}

void TestCodeExport::customBaseUrl_isNamedOnlyWhenNotDefault() {
    auto request = CodeExport::Request::fromChat(smallRequest());
    request.baseUrl = QUrl(u"https://api.mistral.ai/"_s);
    QVERIFY(!CodeExport::toPython(request).code.contains(u"server_url"_s));
    QVERIFY(!CodeExport::toTypeScript(request).code.contains(u"serverURL"_s));

    request.baseUrl = QUrl(u"http://127.0.0.1:41615"_s);
    QVERIFY(CodeExport::toCurl(request).code.startsWith(
        u"curl http://127.0.0.1:41615/v1/chat/completions \\\n"_s));
    QVERIFY(CodeExport::toPython(request).code.contains(
        u"client = Mistral(\n    api_key=os.environ[\"MISTRAL_API_KEY\"],\n"
        "    server_url=\"http://127.0.0.1:41615\",\n)\n"_s));
    QVERIFY(CodeExport::toTypeScript(request).code.contains(
        u"const client = new Mistral({\n  apiKey: process.env[\"MISTRAL_API_KEY\"],\n"
        "  serverURL: \"http://127.0.0.1:41615\",\n});\n"_s));

    // A URL with shell characters is one quoted word.
    request.baseUrl = QUrl(u"http://127.0.0.1:1/a'b;c"_s);
    QVERIFY(
        CodeExport::toCurl(request).code.startsWith(u"curl 'http://127.0.0.1:1/a'\\''b;c/v1/"_s));
}

void TestCodeExport::typeScriptNames_renamesOnlySdkFields() {
    const QJsonObject body = jsonObject(R"({
      "model": "m", "max_tokens": 5, "top_p": 0.5, "random_seed": 1, "safe_prompt": true,
      "tool_choice": {"type": "function", "function": {"name": "get_x"}},
      "presence_penalty": 0, "frequency_penalty": 0, "parallel_tool_calls": false,
      "reasoning_effort": "low", "prompt_mode": "reasoning", "prompt_cache_key": "k",
      "service_tier": "auto",
      "metadata": {"snake_case": "kept"},
      "response_format": {"type": "json_schema",
                          "json_schema": {"name": "x", "schema": {"max_items": 1}}},
      "guardrails": [{"block_on_error": true,
                      "moderation_llm_v1": {"model_name": "mod", "ignore_other_categories": true,
                         "custom_category_thresholds": {"hate_and_discrimination": 0.5}}}],
      "messages": [
        {"role": "user", "content": [{"type": "text", "text": "a"},
                                     {"type": "image_url", "image_url": "https://x/y.png"},
                                     {"type": "document_url", "document_url": "https://d",
                                      "document_name": "d.pdf"},
                                     {"type": "file", "file_id": "f1"},
                                     {"type": "input_audio", "input_audio": "AAA"}]},
        {"role": "assistant", "content": [{"type": "thinking", "thinking": [
                                            {"type": "reference", "reference_ids": [1]}]}],
         "tool_calls": [{"id": "c1", "type": "function",
                         "function": {"name": "get_x", "arguments": "{\"snake_arg\":1}"}}]},
        {"role": "tool", "tool_call_id": "c1", "name": "get_x", "content": "done"}
      ],
      "tools": [
        {"type": "function", "function": {"name": "get_x",
                                          "parameters": {"type": "object",
                                                         "properties": {"snake_arg": {}}}}},
        {"type": "web_search", "tool_configuration": {"requires_confirmation": ["a"]}},
        {"type": "document_library", "library_ids": ["l1"]},
        {"type": "connector", "connector_id": "c",
         "authorization": {"type": "oauth2-token", "value": "v"}}
      ]
    })");
    const QJsonObject expected = jsonObject(R"({
      "model": "m", "maxTokens": 5, "topP": 0.5, "randomSeed": 1, "safePrompt": true,
      "toolChoice": {"type": "function", "function": {"name": "get_x"}},
      "presencePenalty": 0, "frequencyPenalty": 0, "parallelToolCalls": false,
      "reasoningEffort": "low", "promptMode": "reasoning", "promptCacheKey": "k",
      "serviceTier": "auto",
      "metadata": {"snake_case": "kept"},
      "responseFormat": {"type": "json_schema",
                         "jsonSchema": {"name": "x", "schemaDefinition": {"max_items": 1}}},
      "guardrails": [{"blockOnError": true,
                      "moderationLlmV1": {"modelName": "mod", "ignoreOtherCategories": true,
                         "customCategoryThresholds": {"hateAndDiscrimination": 0.5}}}],
      "messages": [
        {"role": "user", "content": [{"type": "text", "text": "a"},
                                     {"type": "image_url", "imageUrl": "https://x/y.png"},
                                     {"type": "document_url", "documentUrl": "https://d",
                                      "documentName": "d.pdf"},
                                     {"type": "file", "fileId": "f1"},
                                     {"type": "input_audio", "inputAudio": "AAA"}]},
        {"role": "assistant", "content": [{"type": "thinking", "thinking": [
                                            {"type": "reference", "referenceIds": [1]}]}],
         "toolCalls": [{"id": "c1", "type": "function",
                        "function": {"name": "get_x", "arguments": "{\"snake_arg\":1}"}}]},
        {"role": "tool", "toolCallId": "c1", "name": "get_x", "content": "done"}
      ],
      "tools": [
        {"type": "function", "function": {"name": "get_x",
                                          "parameters": {"type": "object",
                                                         "properties": {"snake_arg": {}}}}},
        {"type": "web_search", "toolConfiguration": {"requiresConfirmation": ["a"]}},
        {"type": "document_library", "libraryIds": ["l1"]},
        {"type": "connector", "connectorId": "c",
         "authorization": {"type": "oauth2-token", "value": "v"}}
      ]
    })");
    QVERIFY(!body.isEmpty() && !expected.isEmpty());
    QCOMPARE(CodeExport::typeScriptNames(body), expected);

    AgentCompletionRequest agent;
    agent.agentId = u"a"_s;
    QVERIFY(CodeExport::typeScriptNames(agent.toJson()).contains(u"agentId"_s));
}

void TestCodeExport::connectorVariable_isShellSafe_data() {
    QTest::addColumn<QString>("connector");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("expected");
    QTest::newRow("oauth") << u"github"_s << u"oauth2-token"_s << u"CONNECTOR_GITHUB_TOKEN"_s;
    QTest::newRow("api key") << u"crm"_s << u"api-key"_s << u"CONNECTOR_CRM_API_KEY"_s;
    QTest::newRow("punctuation") << u"my-conn.v2$(x)"_s << u"oauth2-token"_s
                                 << u"CONNECTOR_MY_CONN_V2__X__TOKEN"_s;
    QTest::newRow("non-ascii") << u"café"_s << u"oauth2-token"_s << u"CONNECTOR_CAF__TOKEN"_s;
}

void TestCodeExport::connectorVariable_isShellSafe() {
    QFETCH(QString, connector);
    QFETCH(QString, type);
    QFETCH(QString, expected);
    QCOMPARE(CodeExport::connectorVariable(connector, type), expected);
}

void TestCodeExport::allOutputs_neverContainSecrets_data() {
    QTest::addColumn<int>("endpoint");
    QTest::newRow("chat") << int(CodeExport::Endpoint::Chat);
    QTest::newRow("agents") << int(CodeExport::Endpoint::Agents);
    // An append carries no tools, so no connector credential to hide.
    QTest::newRow("conversation start") << int(CodeExport::Endpoint::ConversationStart);
}

void TestCodeExport::allOutputs_neverContainSecrets() {
    QFETCH(int, endpoint);
    const CodeExport::Request request = secretRequest(CodeExport::Endpoint(endpoint));
    // The input does carry them.
    const QByteArray raw = QJsonDocument(request.body).toJson();
    for (const QString &secret : secretValues())
        QVERIFY(raw.contains(secret.toUtf8()));

    const QList<CodeExport::Snippet> snippets{CodeExport::toCurl(request),
                                              CodeExport::toPython(request),
                                              CodeExport::toTypeScript(request)};
    for (const CodeExport::Snippet &snippet : snippets) {
        for (const QString &secret : secretValues()) {
            QVERIFY2(!snippet.code.contains(secret), qPrintable(snippet.code));
            for (const auto &variable : snippet.environment)
                QVERIFY(!variable.description.contains(secret));
        }
        QStringList names;
        for (const auto &variable : snippet.environment)
            names << variable.name;
        QCOMPARE(names, (QStringList{u"MISTRAL_API_KEY"_s, u"CONNECTOR_MY_GITHUB_TOKEN"_s,
                                     u"CONNECTOR_CRM_API_KEY"_s}));
    }
    QVERIFY(snippets.at(0).code.contains(
        u"\"authorization\": {\"type\": \"oauth2-token\", \"value\": \"${CONNECTOR_MY_GITHUB_TOKEN}\"}"_s));
    QVERIFY(snippets.at(0).code.contains(u"\"Your key is ${MISTRAL_API_KEY}.\""_s));
    QVERIFY(snippets.at(1).code.contains(u"\"value\": os.environ[\"CONNECTOR_CRM_API_KEY\"]"_s));
    QVERIFY(snippets.at(1).code.contains(
        u"\"and the token \" + os.environ[\"CONNECTOR_MY_GITHUB_TOKEN\"] + \" again\""_s));
    QVERIFY(snippets.at(2).code.contains(
        u"value: process.env[\"CONNECTOR_MY_GITHUB_TOKEN\"] ?? \"\""_s));
    QVERIFY(snippets.at(2).code.contains(
        u"\"Your key is \" + (process.env[\"MISTRAL_API_KEY\"] ?? \"\") + \".\""_s));
}

void TestCodeExport::hostileText_isEscapedForEveryLanguage() {
    ChatRequest chat = smallRequest();
    chat.messages = {ChatMessage::user(QString(hostileText() + QChar(0xd800) + u"end"_s))};
    const auto request = CodeExport::Request::fromChat(chat);
    const QString curl = CodeExport::toCurl(request).code;
    // Nothing the shell would expand, no raw control or invisible direction character.
    const QString body = curl.section(u"<<JSON\n"_s, 1);
    QVERIFY(!body.contains(u'`'));
    QVERIFY(!body.contains(u"\\\\"_s));
    QVERIFY(body.contains(u"\\u0024HOME"_s));
    QVERIFY(body.contains(u"\\u0060touch pwned\\u0060"_s));
    QVERIFY(body.contains(u"\\u001b[31m é ñ 漢字 🌍\\u202e\\u2028!{}\\ud800end"_s));
    QCOMPARE(body.count(u'$'), 0);
    // The text's own "JSON" line stays inside a string: only the last line ends the document.
    QCOMPARE(body.split(u'\n').count(u"JSON"_s), 1);
    QVERIFY(body.endsWith(u"\nJSON\n"_s));

    const QString python = CodeExport::toPython(request).code;
    QVERIFY(python.contains(u"It's \\\"quoted\\\", $HOME"_s));
    QVERIFY(python.contains(u"a \\\\ and \\\\n and \\\\\\\\ and \\\\$,\\nJSON\\nline two\\ttab"_s));
    QVERIFY(python.contains(u"\\x1b[31m é ñ 漢字 🌍\\u202e\\u2028!{}\\ud800end"_s));

    const QString ts = CodeExport::toTypeScript(request).code;
    QVERIFY(ts.contains(u"\\u001b[31m é ñ 漢字 🌍\\u202e\\u2028!{}\\ud800end"_s));
    for (const QString &code : {curl, python, ts}) {
        QVERIFY(!code.contains(QChar(0x1b)));
        QVERIFY(!code.contains(QChar(0x202e)));
        QVERIFY(!code.contains(QChar(0x2028)));
    }
}

// The snippets are run for real where the interpreter exists; the SDK call is replaced by a stub
// that prints the arguments it got, so what the program would send is compared with the body.

void TestCodeExport::curl_shellPassesBodyUnchanged_data() {
    QTest::addColumn<int>("endpoint");
    QTest::newRow("chat") << int(CodeExport::Endpoint::Chat);
    QTest::newRow("agents") << int(CodeExport::Endpoint::Agents);
    QTest::newRow("conversation start") << int(CodeExport::Endpoint::ConversationStart);
    QTest::newRow("conversation append") << int(CodeExport::Endpoint::ConversationAppend);
}

void TestCodeExport::curl_shellPassesBodyUnchanged() {
    QFETCH(int, endpoint);
    if (!QFileInfo::exists(u"/bin/sh"_s))
        QSKIP("no /bin/sh");
    const CodeExport::Request request = secretRequest(CodeExport::Endpoint(endpoint));
    const QString code = CodeExport::toCurl(request).code;
    // A shell function stands in for curl: it prints its arguments, then its standard input.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString script =
        u"curl() { for a in \"$@\"; do printf '%s\\n' \"$a\" >&2; done; cat; }\n"_s + code;
    const Run result = run(u"/bin/sh"_s, {u"-c"_s, script}, secretEnvironment(), dir.path());
    QVERIFY(result.started);
    QCOMPARE(result.exitCode, 0);
    QJsonObject expected = request.body;
    expected.insert(u"stream"_s, false);
    QCOMPARE(parseObject(result.out), expected);
    const QStringList arguments = QString::fromUtf8(result.err).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(arguments,
             (QStringList{request.url().toString(), u"-H"_s,
                          u"Authorization: Bearer sk-APIKEY-0987654321"_s, u"-H"_s,
                          u"Content-Type: application/json"_s, u"--data-binary"_s, u"@-"_s}));
    QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty()); // nothing was run
}

void TestCodeExport::python_programPassesBodyUnchanged_data() {
    curl_shellPassesBodyUnchanged_data();
}

void TestCodeExport::python_programPassesBodyUnchanged() {
    QFETCH(int, endpoint);
    const QString python = QStandardPaths::findExecutable(u"python3"_s);
    if (python.isEmpty())
        QSKIP("python3 is not installed");
    const CodeExport::Request request = secretRequest(CodeExport::Endpoint(endpoint));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // The syntax on its own first, then the program against a stub of the SDK.
    const QString code = CodeExport::toPython(request).code;
    QVERIFY(writeFile(dir.filePath(u"program.py"_s), code));
    const Run syntax =
        run(python,
            {u"-c"_s, u"import ast, sys; ast.parse(open(sys.argv[1], encoding='utf-8').read())"_s,
             dir.filePath(u"program.py"_s)},
            secretEnvironment());
    QVERIFY2(syntax.exitCode == 0, syntax.err.constData());

    QVERIFY(writeFile(dir.filePath(u"mistralai/__init__.py"_s), uR"(import json, sys
class _Endpoint:
    def __init__(self, name):
        self.name = name
    def complete(self, **kwargs):
        sys.stdout.write(json.dumps({"endpoint": self.name, "args": kwargs}))
        sys.exit(0)
class _Conversations:
    def start(self, **kwargs):
        sys.stdout.write(json.dumps({"endpoint": "conversations.start", "args": kwargs}))
        sys.exit(0)
    def append(self, **kwargs):
        sys.stdout.write(json.dumps({"endpoint": "conversations.append", "args": kwargs}))
        sys.exit(0)
class _Beta:
    conversations = _Conversations()
class Mistral:
    def __init__(self, api_key, server_url=None):
        sys.stderr.write(api_key)
        self.chat = _Endpoint("chat")
        self.agents = _Endpoint("agents")
        self.beta = _Beta()
)"_s));
    QProcessEnvironment env = secretEnvironment();
    env.insert(u"PYTHONPATH"_s, dir.path());
    env.insert(u"PYTHONIOENCODING"_s, u"utf-8"_s);
    const Run result = run(python, {dir.filePath(u"program.py"_s)}, env);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(result.err, "sk-APIKEY-0987654321"_ba);
    const QJsonObject printed = parseObject(result.out);
    QCOMPARE(printed.value(u"endpoint"_s).toString(), endpointName(endpoint));
    QJsonObject expected = withoutStream(request.body);
    if (endpoint == int(CodeExport::Endpoint::ConversationAppend))
        expected.insert(u"conversation_id"_s, request.conversationId);
    QCOMPARE(printed.value(u"args"_s).toObject(), expected);
}

void TestCodeExport::typeScript_programPassesBodyUnchanged_data() {
    curl_shellPassesBodyUnchanged_data();
}

void TestCodeExport::typeScript_programPassesBodyUnchanged() {
    QFETCH(int, endpoint);
    const QString node = QStandardPaths::findExecutable(u"node"_s);
    if (node.isEmpty())
        QSKIP("node is not installed");
    const CodeExport::Request request = secretRequest(CodeExport::Endpoint(endpoint));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString code = CodeExport::toTypeScript(request).code;
    // The program is plain JavaScript too: check the syntax, then run it against a stub.
    QVERIFY(writeFile(dir.filePath(u"program.mjs"_s), code));
    const Run syntax =
        run(node, {u"--check"_s, dir.filePath(u"program.mjs"_s)}, secretEnvironment());
    QVERIFY2(syntax.exitCode == 0, syntax.err.constData());

    const QString package = dir.filePath(u"node_modules/@mistralai/mistralai/"_s);
    QVERIFY(
        writeFile(package + u"package.json"_s,
                  uR"({"name": "@mistralai/mistralai", "type": "module", "main": "index.js"})"_s));
    QVERIFY(writeFile(package + u"index.js"_s, uR"(
const endpoint = (name) => ({
  complete: async (args) => {
    process.stdout.write(JSON.stringify({ endpoint: name, args }));
    process.exit(0);
  },
});
const call = (name) => async (args) => {
  process.stdout.write(JSON.stringify({ endpoint: name, args }));
  process.exit(0);
};
export class Mistral {
  constructor(options) {
    process.stderr.write(options.apiKey);
    this.chat = endpoint("chat");
    this.agents = endpoint("agents");
    this.beta = {
      conversations: {
        start: call("conversations.start"),
        append: call("conversations.append"),
      },
    };
  }
}
)"_s));
    const Run result = run(node, {dir.filePath(u"program.mjs"_s)}, secretEnvironment(), dir.path());
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(result.err, "sk-APIKEY-0987654321"_ba);
    const QJsonObject printed = parseObject(result.out);
    QCOMPARE(printed.value(u"endpoint"_s).toString(), endpointName(endpoint));
    QJsonObject expected = CodeExport::typeScriptNames(withoutStream(request.body));
    if (endpoint == int(CodeExport::Endpoint::ConversationAppend)) {
        expected = QJsonObject{{u"conversationId"_s, request.conversationId},
                               {u"conversationAppendRequest"_s, expected}};
    }
    QCOMPARE(printed.value(u"args"_s).toObject(), expected);
}

QTEST_GUILESS_MAIN(TestCodeExport)
#include "tst_codeexport.moc"
