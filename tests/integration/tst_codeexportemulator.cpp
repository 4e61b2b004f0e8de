// SPDX-License-Identifier: GPL-3.0-or-later
// "Show as code" end to end: the curl command written for a request is run by /bin/sh against
// the emulator with the secrets in the environment, and the emulator must receive exactly the
// body and answer with a chat completion.
#include "core/protocol/ChatSettings.h"
#include "core/protocol/CodeExport.h"

#include "IntegrationSupport.h"
#include "support/EmulatorProcess.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using namespace Tramontane::Test;

namespace {

constexpr auto Key = "e2e-key-$`'\"-0123456789"; // shell characters: the key is never parsed

QString hostileText() {
    return u"It's \"quoted\": $HOME ${PATH} $(touch pwned) `touch pwned` \\ \\n \\\\ \\$\n"
           "JSON\nline\ttwo; 'single' '\\'' é 漢字 🌍"_s
           + QChar(0x2028) + u" end"_s;
}

struct ShellRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestCodeExportEmulator : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void curl_chatRequest_emulatorAnswersCompletion();
    void curl_agentRequest_emulatorAnswersCompletion();
    void sdkPrograms_forSameRequest_haveValidSyntax();
    void curl_conversationStartThenAppend_emulatorContinuesIt();
    void sdkPrograms_forConversations_haveValidSyntax();

private:
    void checkSyntax(const CodeExport::Request &request);
    CodeExport::Request conversationStart() const;
    ShellRun runCurl(const QString &code, const QString &connectorToken = {});
    CodeExport::Request chatRequest() const;
    static ChatSettings chatSettings();

    EmulatorProcess m_emulator;
    std::unique_ptr<HttpDriver> m_http;
    QTemporaryDir m_work;
};

void TestCodeExportEmulator::initTestCase() {
    // curl is a test dependency (scripts/install-deps installs it).
    QVERIFY2(!QStandardPaths::findExecutable(u"curl"_s).isEmpty(), "curl is not installed");
    QVERIFY(QFileInfo::exists(u"/bin/sh"_s));
    QVERIFY(m_work.isValid());
    QVERIFY2(m_emulator.start(QString::fromUtf8(Key), {u"--demo"_s, u"--stream-rate"_s, u"0"_s}),
             qPrintable(m_emulator.errorString()));
    m_http = std::make_unique<HttpDriver>(m_emulator.baseUrl(), QByteArray(Key));
}

void TestCodeExportEmulator::cleanupTestCase() {
    m_http.reset();
    m_emulator.stop();
}

ShellRun TestCodeExportEmulator::runCurl(const QString &code, const QString &connectorToken) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Loopback only: no proxy may step in.
    for (const QString &name : env.keys()) {
        if (name.endsWith(u"_proxy"_s, Qt::CaseInsensitive))
            env.remove(name);
    }
    env.insert(u"MISTRAL_API_KEY"_s, QString::fromUtf8(Key));
    if (!connectorToken.isEmpty())
        env.insert(u"CONNECTOR_DEMO_TOOLS_TOKEN"_s, connectorToken);
    QProcess process;
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(m_work.path());
    process.start(u"/bin/sh"_s, {u"-c"_s, code});
    ShellRun result;
    if (!process.waitForStarted(10000) || !process.waitForFinished(30000))
        return result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

ChatSettings TestCodeExportEmulator::chatSettings() {
    ChatSettings settings;
    settings.instructions = u"Answer as a \"harbour\" pilot; cost: $5 `now`."_s;
    settings.temperature = 0.2;
    settings.topP = 0.9;
    settings.maxTokens = 400;
    settings.randomSeed = 11;
    settings.responseFormat = ChatSettings::ResponseFormat::JsonSchema;
    settings.schemaName = u"reply"_s;
    settings.schema = QJsonObject{
        {u"type"_s, u"object"_s},
        {u"properties"_s,
         QJsonObject{{u"text"_s, QJsonObject{{u"type"_s, u"string"_s},
                                             {u"description"_s, u"say $HOME `id`"_s}}}}},
        {u"required"_s, QJsonArray{u"text"_s}},
    };
    settings.schemaStrict = true;
    settings.reasoningEffort = u"low"_s;
    return settings;
}

CodeExport::Request TestCodeExportEmulator::chatRequest() const {
    ChatRequest chat;
    chat.model = u"mistral-small-latest"_s;
    chat.messages = {ChatMessage::system(u"Be brief; say \"yes\" & 'no'."_s),
                     ChatMessage::user(u"First question"_s),
                     ChatMessage::assistant(u"First answer with $dollars and `ticks`"_s),
                     ChatMessage::user(hostileText())};
    chat.tools = {
        Tool::connector(u"demo_tools"_s, ConnectorAuthorization::oauth2Token(u"tok-e2e-secret"_s))};
    chat.stream = true;
    // A chat's settings, every kind of them (the schema with characters the shell must not
    // see: the emulator receives it unchanged).
    chatSettings().applyTo(chat);
    CodeExport::Request request = CodeExport::Request::fromChat(chat, m_emulator.baseUrl());
    request.secrets = {{CodeExport::apiKeyVariable(), QString::fromUtf8(Key)}};
    return request;
}

void TestCodeExportEmulator::curl_chatRequest_emulatorAnswersCompletion() {
    const CodeExport::Request request = chatRequest();
    const CodeExport::Snippet snippet = CodeExport::toCurl(request);
    QVERIFY(!snippet.code.contains(QString::fromUtf8(Key)));
    QVERIFY(!snippet.code.contains(u"tok-e2e-secret"_s));

    m_http->send("DELETE", u"/__admin/requests"_s, {}, QByteArray());
    const ShellRun result = runCurl(snippet.code, u"tok-e2e-secret"_s);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QJsonParseError error;
    const QJsonDocument answer = QJsonDocument::fromJson(result.out, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, result.out.constData());
    const QJsonObject completion = answer.object();
    QCOMPARE(completion.value(u"object"_s).toString(), u"chat.completion"_s);
    const QJsonObject message =
        completion.value(u"choices"_s).toArray().at(0).toObject().value(u"message"_s).toObject();
    QCOMPARE(message.value(u"role"_s).toString(), u"assistant"_s);
    // The answer follows the schema of the chat's settings.
    const QJsonObject reply =
        QJsonDocument::fromJson(message.value(u"content"_s).toString().toUtf8()).object();
    QVERIFY2(reply.value(u"text"_s).isString(), result.out.constData());

    // The emulator received exactly the body, with the token from the environment.
    const QJsonArray recorded = m_http->recordedRequests(u"/v1/chat/completions"_s);
    QCOMPARE(recorded.size(), 1);
    QJsonObject expected = request.body;
    expected.insert(u"stream"_s, false);
    QCOMPARE(recorded.at(0).toObject().value(u"body"_s).toObject(), expected);
    QVERIFY(QDir(m_work.path()).entryList(QDir::Files).isEmpty()); // no command ran
}

void TestCodeExportEmulator::curl_agentRequest_emulatorAnswersCompletion() {
    const HttpResult agents = m_http->get(u"/v1/agents"_s);
    QCOMPARE(agents.status, 200);
    QString agentId;
    for (const QJsonValue &agent : agents.array()) {
        if (agent.toObject().value(u"name"_s).toString() == u"Demo designer"_s)
            agentId = agent.toObject().value(u"id"_s).toString();
    }
    QVERIFY(!agentId.isEmpty());
    AgentCompletionRequest agent;
    agent.agentId = agentId;
    agent.messages = {ChatMessage::user(u"Hello agent, $USER `id`"_s)};
    CodeExport::Request request = CodeExport::Request::fromAgent(agent, m_emulator.baseUrl());
    const ShellRun result = runCurl(CodeExport::toCurl(request).code);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject completion = QJsonDocument::fromJson(result.out).object();
    const QString content = completion.value(u"choices"_s)
                                .toArray()
                                .at(0)
                                .toObject()
                                .value(u"message"_s)
                                .toObject()
                                .value(u"content"_s)
                                .toString();
    QVERIFY2(content.contains(u"Demo designer"_s), result.out.constData());
    QVERIFY(content.contains(u"$USER `id`"_s));
}

void TestCodeExportEmulator::sdkPrograms_forSameRequest_haveValidSyntax() {
    checkSyntax(chatRequest());
}

void TestCodeExportEmulator::checkSyntax(const CodeExport::Request &request) {
    const QString python = QStandardPaths::findExecutable(u"python3"_s);
    const QString node = QStandardPaths::findExecutable(u"node"_s);
    if (python.isEmpty() && node.isEmpty())
        QSKIP("neither python3 nor node is installed");
    if (!python.isEmpty()) {
        const QString path = m_work.filePath(u"program.py"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(CodeExport::toPython(request).code.toUtf8());
        file.close();
        QProcess process;
        process.start(python, {u"-c"_s,
                               u"import ast, sys; ast.parse(open(sys.argv[1], "
                               "encoding='utf-8').read())"_s,
                               path});
        QVERIFY(process.waitForFinished(30000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        QVERIFY(file.remove());
    }
    if (!node.isEmpty()) {
        // The TypeScript program is plain JavaScript as well; --check does not resolve imports.
        const QString path = m_work.filePath(u"program.mjs"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(CodeExport::toTypeScript(request).code.toUtf8());
        file.close();
        QProcess process;
        process.start(node, {u"--check"_s, path});
        QVERIFY(process.waitForFinished(30000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        QVERIFY(file.remove());
    }
}

CodeExport::Request TestCodeExportEmulator::conversationStart() const {
    ConversationStartRequest start;
    start.model = u"mistral-small-latest"_s;
    start.inputs = ConversationInputs::fromText(hostileText());
    start.tools = {Tool::builtIn(Tool::Type::WebSearch)};
    start.stream = true;
    chatSettings().applyTo(start);
    CodeExport::Request request =
        CodeExport::Request::fromConversationStart(start, m_emulator.baseUrl());
    request.secrets = {{CodeExport::apiKeyVariable(), QString::fromUtf8(Key)}};
    return request;
}

void TestCodeExportEmulator::curl_conversationStartThenAppend_emulatorContinuesIt() {
    const CodeExport::Request start = conversationStart();
    QCOMPARE(start.url().path(), u"/v1/conversations"_s);
    m_http->send("DELETE", u"/__admin/requests"_s, {}, QByteArray());
    ShellRun result = runCurl(CodeExport::toCurl(start).code);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject started = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(started.value(u"object"_s).toString(), u"conversation.response"_s);
    const QString id = started.value(u"conversation_id"_s).toString();
    QVERIFY2(id.startsWith(u"conv_"_s), result.out.constData());
    QJsonObject expected = start.body;
    expected.insert(u"stream"_s, false);
    const QJsonArray recorded = m_http->recordedRequests(u"/v1/conversations"_s);
    QCOMPARE(recorded.size(), 1);
    QCOMPARE(recorded.at(0).toObject().value(u"body"_s).toObject(), expected);

    ConversationAppendRequest append;
    append.conversationId = id;
    append.inputs = ConversationInputs::fromText(u"Again, $HOME `id`"_s);
    chatSettings().applyTo(append, false);
    const CodeExport::Request next =
        CodeExport::Request::fromConversationAppend(append, m_emulator.baseUrl());
    QCOMPARE(next.url().path(), u"/v1/conversations/"_s + id);
    result = runCurl(CodeExport::toCurl(next).code);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject appended = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(appended.value(u"conversation_id"_s).toString(), id);
    const QJsonArray history = m_http->get(u"/v1/conversations/"_s + id + u"/history"_s)
                                   .object()
                                   .value(u"entries"_s)
                                   .toArray();
    QVERIFY2(history.size() >= 4, qPrintable(QString::number(history.size())));
    QVERIFY(QDir(m_work.path()).entryList(QDir::Files).isEmpty()); // no command ran
}

void TestCodeExportEmulator::sdkPrograms_forConversations_haveValidSyntax() {
    checkSyntax(conversationStart());
    ConversationAppendRequest append;
    append.conversationId = u"conv_0123"_s;
    append.inputs = ConversationInputs::fromText(hostileText());
    append.toolConfirmations = {{u"call_1"_s, true}};
    checkSyntax(CodeExport::Request::fromConversationAppend(append, m_emulator.baseUrl()));
    // An append without any body field still makes a valid call.
    ConversationAppendRequest bare;
    bare.conversationId = u"conv_0123"_s;
    checkSyntax(CodeExport::Request::fromConversationAppend(bare));
}

QTEST_GUILESS_MAIN(TestCodeExportEmulator)
#include "tst_codeexportemulator.moc"
