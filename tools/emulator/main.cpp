// SPDX-License-Identifier: GPL-3.0-or-later
// tramontane-emulator: an offline emulator of the Mistral API subset Tramontane uses.
#include "Emulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QSocketNotifier>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;
using namespace Tramontane::Emulator;

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"tramontane-emulator"_s);
    QCoreApplication::setApplicationVersion(u"0.1.0"_s);
    qSetMessagePattern(
        u"[emulator %{time hh:mm:ss.zzz}] %{if-warning}warning: %{endif}%{message}"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"An offline emulator of the Mistral API: models, chat and agent completions (plain and "
        "streamed), agents, connectors (MCP), files, a scripted assistant and faults on demand. "
        "It listens on 127.0.0.1 and prints its base URL as the first line on standard output."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption port(u"port"_s, u"Port to listen on (0 picks a free one)."_s, u"N"_s,
                                  u"0"_s);
    const QCommandLineOption apiKey(
        u"api-key"_s, u"The API key clients must send (default: emulator-key)."_s, u"KEY"_s);
    const QCommandLineOption demo(u"demo"_s, u"Seed demo data: two connectors and an agent."_s);
    const QCommandLineOption rate(
        u"stream-rate"_s, u"Streaming rate in tokens per second (default 200; 0 = no delay)."_s,
        u"TOKENS_PER_S"_s, u"200"_s);
    const QCommandLineOption imageForm(
        u"image-form"_s,
        u"How generated images are returned: tool_file (default), image_url, data_url or url."_s,
        u"FORM"_s, u"tool_file"_s);
    const QCommandLineOption fault(
        u"fault"_s, u"A fault for the next matching requests, as JSON (repeatable; see README)."_s,
        u"JSON"_s);
    const QCommandLineOption mcpTimeout(
        u"mcp-timeout"_s, u"Idle timeout towards MCP servers, in milliseconds (default 15000)."_s,
        u"MS"_s, u"15000"_s);
    const QCommandLineOption mcpToken(
        u"mcp-token"_s, u"The bearer token the built-in /__mcp/secured server wants."_s, u"TOKEN"_s,
        u"demo-mcp-token"_s);
    const QCommandLineOption oauthLifetime(
        u"oauth-token-lifetime"_s,
        u"Lifetime of the access tokens the OAuth server issues, in seconds (default 3600)."_s,
        u"SECONDS"_s, u"3600"_s);
    const QCommandLineOption exitWithStdin(
        u"exit-with-stdin"_s,
        u"Exit when standard input closes: the app that started the emulator is gone, even if "
        "it was killed."_s);
    parser.addOptions({port, apiKey, demo, rate, imageForm, fault, mcpTimeout, mcpToken,
                       oauthLifetime, exitWithStdin});
    parser.process(app);

    auto fail = [](const QString &message) {
        std::fprintf(stderr, "tramontane-emulator: %s\n", qPrintable(message));
        return 2;
    };

    EmulatorOptions options;
    bool ok = false;
    const uint portNumber = parser.value(port).toUInt(&ok);
    if (!ok || portNumber > 65535)
        return fail(u"--port wants a number from 0 to 65535"_s);
    if (parser.isSet(apiKey)) {
        options.apiKey = parser.value(apiKey).toUtf8();
        if (options.apiKey.isEmpty())
            return fail(u"--api-key must not be empty"_s);
    } else {
        std::fprintf(
            stderr,
            "tramontane-emulator: no --api-key given; accepting the key \"emulator-key\"\n");
    }
    options.streamRate = parser.value(rate).toDouble(&ok);
    if (!ok || options.streamRate < 0)
        return fail(u"--stream-rate wants a number of tokens per second (0 for no delay)"_s);
    const auto form = imageFormFromName(parser.value(imageForm));
    if (!form)
        return fail(u"--image-form is one of tool_file, image_url, data_url, url"_s);
    options.imageForm = *form;
    options.demo = parser.isSet(demo);
    options.mcpTimeoutMs = parser.value(mcpTimeout).toInt(&ok);
    if (!ok || options.mcpTimeoutMs <= 0)
        return fail(u"--mcp-timeout wants a positive number of milliseconds"_s);
    options.mcpToken = parser.value(mcpToken).toUtf8();
    options.oauthTokenLifetimeS = parser.value(oauthLifetime).toInt(&ok);
    if (!ok || options.oauthTokenLifetimeS <= 0)
        return fail(u"--oauth-token-lifetime wants a positive number of seconds"_s);
    const QStringList faults = parser.values(fault);
    for (const QString &text : faults) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
        if (!doc.isObject())
            return fail(u"--fault wants a JSON object: %1"_s.arg(error.errorString()));
        QString problem;
        const auto parsed = Fault::fromJson(doc.object(), &problem);
        if (!parsed)
            return fail(u"--fault: %1"_s.arg(problem));
        options.faults.append(*parsed);
    }

    Emulator emulator(options);
    QString error;
    if (!emulator.listen(quint16(portNumber), &error))
        return fail(u"cannot listen on 127.0.0.1:%1: %2"_s.arg(portNumber).arg(error));

#ifdef Q_OS_UNIX
    // The parent holds the other end of our standard input; the kernel closes it when the
    // parent ends in any way, and we follow instead of serving on as an orphan.
    if (parser.isSet(exitWithStdin)) {
        auto *notifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app, [notifier] {
            char buffer[256];
            if (::read(STDIN_FILENO, buffer, sizeof buffer) <= 0) {
                notifier->setEnabled(false);
                QCoreApplication::quit();
            }
        });
    }
#endif

    // The first line on standard output is the base URL, and nothing else goes there.
    std::fprintf(stdout, "%s\n", qPrintable(emulator.baseUrl()));
    std::fflush(stdout);
    std::fprintf(stderr, "tramontane-emulator: listening on %s%s\n", qPrintable(emulator.baseUrl()),
                 options.demo ? " with demo data" : "");
    return app.exec();
}
