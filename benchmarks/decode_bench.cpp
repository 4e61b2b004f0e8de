// SPDX-License-Identifier: GPL-3.0-or-later
// Decoding speed of streamed chat completions, next to the official TypeScript SDK in the same
// run. Three streams are recorded from the emulator at start (into the build folder, so
// nothing large is committed): a long answer, a table-heavy answer and a multi-message
// image-generation turn. Each goes, from memory and in the same pieces, through:
//
//  - the client: SseParser, then for each event what StreamJob does (the [DONE] check,
//    decodeChunk, else QJsonDocument::fromJson and the error check) and what ChatRun does
//    (StreamAccumulator);
//  - the SDK (decode_bench.mjs in Node): EventStream with the CompletionEvent schema, as its
//    chat.stream() sets them up.
//
// Network is excluded on both sides. Figures are MB/s of stream bytes (1 MB = 10^6 bytes) per
// second of the process's CPU time, best of a few passes. Targets: at least 200 MB/s for the
// client, and 3 times the SDK.
#include "core/net/SseParser.h"
#include "core/protocol/ChunkDecoder.h"
#include "core/protocol/StreamAccumulator.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <limits>
#include <map>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

constexpr qsizetype kPieceBytes = 16 * 1024; // what one network read typically hands over
constexpr int kPasses = 5;
constexpr double kTargetMBps = 200;
constexpr double kTargetRatio = 3;

struct Stream {
    QString name;
    QString prompt;
    bool imageTool = false;
    int repeats = 1; // a short stream is decoded several times per pass, each as a new stream
    QString file;
    QByteArray bytes;
    int events = 0;
    double clientSeconds = 0;
    double sseSeconds = 0;  // SseParser alone
    double jsonSeconds = 0; // SseParser and the JSON decoding
    double sdkSeconds = 0;
};

[[noreturn]] void die(const QString &why) {
    std::fprintf(stderr, "decode_bench: %s\n", qPrintable(why));
    std::exit(1);
}

// The emulator, started with an instant stream rate; its first stdout line is its base URL.
class Emulator {
public:
    Emulator() {
        m_process.setProgram(QStringLiteral(TRAMONTANE_EMULATOR_PATH));
        m_process.setArguments(
            {u"--port"_s, u"0"_s, u"--stream-rate"_s, u"0"_s, u"--api-key"_s, m_key});
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start();
        if (!m_process.waitForStarted(10000))
            die(u"cannot start the emulator: "_s + m_process.errorString());
        while (!m_process.canReadLine()) {
            if (!m_process.waitForReadyRead(10000))
                die(u"the emulator did not print its URL"_s);
        }
        m_baseUrl = QString::fromUtf8(m_process.readLine().trimmed());
    }
    ~Emulator() {
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
    }
    Emulator(const Emulator &) = delete;
    Emulator &operator=(const Emulator &) = delete;

    QByteArray record(const Stream &stream) {
        QJsonObject body{{u"model"_s, u"mistral-medium-latest"_s},
                         {u"stream"_s, true},
                         {u"messages"_s, QJsonArray{QJsonObject{{u"role"_s, u"user"_s},
                                                                {u"content"_s, stream.prompt}}}}};
        if (stream.imageTool)
            body.insert(u"tools"_s, QJsonArray{QJsonObject{{u"type"_s, u"image_generation"_s}}});
        QNetworkRequest request(QUrl(m_baseUrl + u"/v1/chat/completions"_s));
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        request.setRawHeader("Authorization", "Bearer " + m_key.toUtf8());
        QNetworkReply *reply =
            m_nam.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const QByteArray bytes = reply->readAll();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        if (status != 200 || !bytes.endsWith("data: [DONE]\n\n"))
            die(u"recording %1 failed (HTTP %2)"_s.arg(stream.name).arg(status));
        return bytes;
    }

private:
    QProcess m_process;
    QNetworkAccessManager m_nam;
    QString m_key = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString m_baseUrl;
};

// How far the client's decoding goes: the whole of it, or its first stages alone (to see
// where the time goes).
enum class Stage { Sse, Json, All };

// One stream through the client's decoding; returns the number of chunks applied (of events
// parsed, for the first stages).
int decodeClient(const QByteArray &bytes, Stage stage = Stage::All) {
    SseParser parser;
    StreamAccumulator accumulator;
    DecodedChunk decoded;
    int chunks = 0;
    for (qsizetype at = 0; at < bytes.size(); at += kPieceBytes) {
        const QList<SseEvent> events =
            parser.feed(QByteArrayView(bytes).sliced(at, std::min(kPieceBytes, bytes.size() - at)));
        for (const SseEvent &event : events) {
            // StreamJob::handleEvent
            if (event.event == "error")
                die(u"an error event"_s);
            if (event.isDone()) {
                accumulator.markDone();
                continue;
            }
            if (event.data.trimmed().isEmpty())
                continue;
            if (stage == Stage::Sse) {
                ++chunks;
                continue;
            }
            // StreamJob's order: the strict chunk decoder, QJsonDocument for anything else.
            if (decodeChunk(event.data, &decoded)) {
                if (stage == Stage::Json || accumulator.feed(decoded).accepted)
                    ++chunks;
                continue;
            }
            QJsonParseError parseError;
            const QJsonDocument doc = QJsonDocument::fromJson(event.data, &parseError);
            if (parseError.error != QJsonParseError::NoError || !doc.isObject())
                die(u"a malformed event"_s);
            const QJsonObject chunk = doc.object();
            const QJsonValue error = chunk.value("error"_L1);
            if (error.isObject() || (error.isString() && !error.toString().isEmpty()))
                die(u"an error chunk"_s);
            if (stage == Stage::Json) {
                ++chunks;
                continue;
            }
            // ChatRun::onChunk
            if (accumulator.feed(chunk).accepted)
                ++chunks;
        }
    }
    if (stage == Stage::All
        && (!accumulator.isDone() || accumulator.completion().choices.isEmpty()))
        die(u"the stream did not complete"_s);
    return chunks;
}

// CPU time rather than wall time, on both sides: a busy machine does not skew the figures.
double processCpuSeconds() {
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

double timeClient(const Stream &stream, Stage stage = Stage::All) {
    double best = std::numeric_limits<double>::max();
    for (int pass = 0; pass < kPasses; ++pass) {
        const double start = processCpuSeconds();
        for (int i = 0; i < stream.repeats; ++i)
            decodeClient(stream.bytes, stage);
        best = std::min(best, processCpuSeconds() - start);
    }
    return best;
}

// Runs decode_bench.mjs on every stream; returns false (with the reason printed) when Node or
// the SDK is not there.
bool timeSdk(QList<Stream> &streams, QString *sdkVersion) {
    const QString node = QStringLiteral(TRAMONTANE_NODE_PATH);
    const QString sdkDir = QStringLiteral(TRAMONTANE_SDK_DIR);
    QFile package(sdkDir + u"/package.json"_s);
    if (node.isEmpty() || !package.open(QIODevice::ReadOnly)) {
        std::printf("SDK comparison skipped: %s\n",
                    node.isEmpty() ? "Node.js not found"
                                   : "the SDK is not installed (run scripts/install-deps)");
        return false;
    }
    *sdkVersion =
        QJsonDocument::fromJson(package.readAll()).object().value("version"_L1).toString();
    QStringList arguments{QStringLiteral(TRAMONTANE_SDK_SCRIPT), sdkDir,
                          QString::number(kPieceBytes), QString::number(kPasses)};
    for (const Stream &stream : std::as_const(streams))
        arguments << stream.file + u':' + QString::number(stream.repeats);
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(node, arguments);
    if (!process.waitForFinished(600000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0)
        die(u"decode_bench.mjs failed"_s);
    const QList<QByteArray> lines = process.readAllStandardOutput().trimmed().split('\n');
    if (lines.size() != streams.size())
        die(u"decode_bench.mjs printed %1 results for %2 streams"_s.arg(lines.size())
                .arg(streams.size()));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QJsonObject result = QJsonDocument::fromJson(lines.at(i)).object();
        Stream &stream = streams[i];
        const int sdkEvents = result.value("events"_L1).toInt();
        if (sdkEvents != stream.events)
            die(u"%1: the SDK decoded %2 events, the client %3"_s.arg(stream.name)
                    .arg(sdkEvents)
                    .arg(stream.events));
        stream.sdkSeconds = result.value("seconds"_L1).toDouble();
    }
    return true;
}

double megabytesPerSecond(qsizetype bytes, double seconds) {
    return double(bytes) / 1e6 / seconds;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);

    QList<Stream> streams{
        {u"long answer"_s, u"long 60000 rate 0"_s},
        {u"table-heavy answer"_s, u"long 60000 tables rate 0"_s},
        {u"image generation turn"_s, u"draw a lighthouse on a cliff at dusk rate 0"_s, true, 300},
    };
    const QString folder = QCoreApplication::applicationDirPath() + u"/decode_bench-streams"_s;
    if (!QDir().mkpath(folder))
        die(u"cannot create "_s + folder);
    {
        Emulator emulator;
        for (qsizetype i = 0; i < streams.size(); ++i) {
            Stream &stream = streams[i];
            stream.bytes = emulator.record(stream);
            stream.file = folder + u"/stream-%1.sse"_s.arg(i);
            QFile file(stream.file);
            if (!file.open(QIODevice::WriteOnly) || file.write(stream.bytes) != stream.bytes.size())
                die(u"cannot write "_s + stream.file);
        }
    }

    for (Stream &stream : streams) {
        stream.events = decodeClient(stream.bytes); // warm-up, and the event count
        stream.clientSeconds = timeClient(stream);
        stream.sseSeconds = timeClient(stream, Stage::Sse);
        stream.jsonSeconds = timeClient(stream, Stage::Json);
    }
    QString sdkVersion;
    const bool withSdk = timeSdk(streams, &sdkVersion);

    std::printf("Decoding recorded streams from memory in %lld-byte pieces, MB per CPU second, "
                "best of %d passes\n",
                static_cast<long long>(kPieceBytes), kPasses);
    std::printf("client: SseParser + decodeChunk (else QJsonDocument) + StreamAccumulator\n");
    if (withSdk)
        std::printf("SDK:    @mistralai/mistralai %s, EventStream + CompletionEvent schema\n\n",
                    qPrintable(sdkVersion));
    std::printf("%-28s %9s %8s %12s %10s %7s\n", "stream", "MB", "events", "client MB/s",
                "SDK MB/s", "ratio");
    qsizetype totalBytes = 0;
    double totalClient = 0;
    double totalSdk = 0;
    double totalSse = 0;
    double totalJson = 0;
    for (const Stream &stream : std::as_const(streams)) {
        const qsizetype bytes = stream.bytes.size() * stream.repeats;
        totalBytes += bytes;
        totalClient += stream.clientSeconds;
        totalSdk += stream.sdkSeconds;
        totalSse += stream.sseSeconds;
        totalJson += stream.jsonSeconds;
        const QString name =
            stream.repeats > 1 ? u"%1 x%2"_s.arg(stream.name).arg(stream.repeats) : stream.name;
        const double client = megabytesPerSecond(bytes, stream.clientSeconds);
        std::printf("%-28s %9.2f %8d %12.0f", qPrintable(name), bytes / 1e6,
                    stream.events * stream.repeats, client);
        if (withSdk) {
            const double sdk = megabytesPerSecond(bytes, stream.sdkSeconds);
            std::printf(" %10.1f %6.1fx", sdk, client / sdk);
        }
        std::printf("\n");
    }
    const double client = megabytesPerSecond(totalBytes, totalClient);
    std::printf("%-28s %9.2f %8s %12.0f", "all", totalBytes / 1e6, "", client);
    bool met = client >= kTargetMBps;
    if (withSdk) {
        const double sdk = megabytesPerSecond(totalBytes, totalSdk);
        std::printf(" %10.1f %6.1fx", sdk, client / sdk);
        met = met && client / sdk >= kTargetRatio;
    }
    std::printf("\n\nclient stages over all streams: SseParser alone %.0f MB/s, with "
                "JSON decoding %.0f MB/s, with StreamAccumulator %.0f MB/s\n",
                megabytesPerSecond(totalBytes, totalSse), megabytesPerSecond(totalBytes, totalJson),
                client);
    std::printf("\ntargets (client >= %.0f MB/s, >= %.0fx the SDK): %s\n", kTargetMBps,
                kTargetRatio, met ? "met" : "NOT met");
    return 0;
}
