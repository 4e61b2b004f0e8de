// SPDX-License-Identifier: GPL-3.0-or-later
// Starting the app on a large history, next to a baseline measured in the same run: a blank
// QMainWindow started the same way.
//
//  1. Start-up: from launching the process to the first paint of its window, measured by the
//     parent around a fresh child process each time (dynamic loading and QApplication
//     included), alternating the baseline and the app, median of the rounds. For the app the
//     window counts as ready once the history sidebar holds its first page of conversations
//     and has painted it. Budget: 5x the blank QMainWindow.
//  2. Resident memory of the app after one second idle. Budget: 80 MB.
//  3. Full-text search over every message, through the store the sidebar uses. Budget: 50 ms.
//
// The history (2,000 conversations, 200,000 messages by default) is generated once in a
// temporary folder and reused by later runs. The app runs in API mode against a closed
// loopback port with its own settings folders: nothing is sent anywhere, nothing of the
// user's is read or changed.
//
// Usage: startup_bench [conversations] [messages] [rounds]
#include "ChatBenchSupport.h"
#include "app/Application.h"
#include "core/storage/ConversationStore.h"
#include "ui/MainWindow.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QMainWindow>
#include <QMap>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using namespace ChatBench;

namespace {

constexpr QSize kWindow(1200, 800);

// Sets a flag when a watched widget (or any of its children) receives a paint event.
class PaintFlag final : public QObject {
public:
    bool painted = false;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (event->type() == QEvent::Paint)
            painted = true;
        return QObject::eventFilter(watched, event);
    }
};

// The sidebar's list: the item view of the main window that shows conversations.
QAbstractItemView *historyView(QWidget *window) {
    const auto views = window->findChildren<QAbstractItemView *>();
    for (QAbstractItemView *view : views) {
        const QString name = view->objectName().toLower();
        if (name.contains("history"_L1) || name.contains("conversationlist"_L1))
            return view;
    }
    return nullptr;
}

QString storeFolder(int conversations, int messages) {
    return QDir(QDir::tempPath())
        .filePath(u"tramontane-startup-bench-%1-%2"_s.arg(conversations).arg(messages));
}

// ----- Child: generate the history ---------------------------------------------------------

int generate(const QString &profile, int conversations, int messages) {
    if (QFileInfo::exists(QDir(profile).filePath(u"complete"_s)))
        return 0;
    QDir(profile).removeRecursively();
    QDir().mkpath(profile);
    auto opened = ConversationStore::open(profile);
    if (!opened.ok()) {
        std::fprintf(stderr, "cannot open the store: %s\n", qPrintable(opened.error.message));
        return 1;
    }
    QRandomGenerator random(11);
    const int perConversation = std::max(2, messages / conversations);
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-400);
    for (int c = 0; c < conversations; ++c) {
        ConversationRecord record;
        record.info.model = u"mistral-medium-latest"_s;
        record.info.pinned = c % 250 == 0;
        record.info.createdAt = start.addSecs(qint64(c) * 400 * 86400 / conversations);
        record.info.updatedAt = record.info.createdAt.addSecs(600);
        for (int m = 0; m < perConversation; ++m) {
            StoredMessage message;
            message.position = m;
            message.role = m % 2 == 0 ? u"user"_s : u"assistant"_s;
            const QString text = m % 2 == 0 ? words(random, 8 + random.bounded(20)) + u'?'
                                            : answerText(random, c * perConversation + m);
            message.message = QJsonObject{{u"role"_s, message.role}, {u"content"_s, text}};
            message.createdAt = record.info.createdAt.addSecs(m);
            message.updatedAt = message.createdAt;
            record.messages.append(message);
        }
        const auto imported = opened.store->importConversation(record);
        if (!imported.ok()) {
            std::fprintf(stderr, "import failed: %s\n", qPrintable(imported.error().message));
            return 1;
        }
        if ((c + 1) % 200 == 0)
            std::fprintf(stderr, "  generated %d/%d conversations\r", c + 1, conversations);
    }
    std::fprintf(stderr, "\n");
    QFile marker(QDir(profile).filePath(u"complete"_s));
    return marker.open(QIODevice::WriteOnly) ? 0 : 1;
}

// ----- Child: search -----------------------------------------------------------------------

int search(const QString &profile) {
    auto opened = ConversationStore::open(profile);
    if (!opened.ok())
        return 1;
    const QStringList queries = {u"careful layout"_s, u"budget"_s,
                                 u"memory is"_s,      u"tables inside"_s,
                                 u"quickly r"_s,      u"function returns value"_s,
                                 u"stream"_s,         u"nothingmatchesthis"_s};
    std::vector<double> times;
    std::vector<double> worst(size_t(queries.size()), 0.0);
    int hits = 0;
    for (int round = 0; round < 5; ++round) {
        for (qsizetype q = 0; q < queries.size(); ++q) {
            QElapsedTimer timer;
            timer.start();
            const auto result = opened.store->search(queries.at(q), 50);
            const double ms = double(timer.nsecsElapsed()) / 1e6;
            times.push_back(ms);
            worst[size_t(q)] = std::max(worst[size_t(q)], ms);
            if (result.ok())
                hits += int(result.value().size());
        }
    }
    for (qsizetype q = 0; q < queries.size(); ++q)
        std::fprintf(stderr, "    search \"%s\": worst %.2f ms\n", qPrintable(queries.at(q)),
                     worst[size_t(q)]);
    const Percentiles p = percentiles(times);
    std::printf("SEARCH %.3f %.3f %.3f %d\n", p.p50, p.p99, p.max, hits / 5);
    return 0;
}

// ----- Child: start a window and report when it is painted ----------------------------------

int startWindow(int &argc, char **argv, bool app, const QString &profile) {
    QElapsedTimer sinceMain;
    sinceMain.start();
    chooseHeadlessPlatform();
    QApplication qapp(argc, argv);
    QApplication::setOrganizationName(u"Tramontane"_s);
    QApplication::setApplicationName(u"Tramontane"_s);

    PaintFlag windowPainted, listPainted;
    std::unique_ptr<QMainWindow> blank;
    std::unique_ptr<Application> application;
    QWidget *window = nullptr;
    QAbstractItemView *list = nullptr;
    if (app) {
        ConnectionConfig::Inputs in;
        in.baseUrlArgument = u"http://127.0.0.1:9"_s; // closed: nothing leaves the machine
        in.apiKeyEnv = u"bench-key"_s;
        application = std::make_unique<Application>(ConnectionConfig::resolve(in), profile);
        QString error;
        if (!application->start(&error)) {
            std::fprintf(stderr, "start failed: %s\n", qPrintable(error));
            return 1;
        }
        window = application->window();
        list = historyView(window);
        if (!list) {
            std::fprintf(stderr, "no history list in the main window\n");
            return 1;
        }
        list->viewport()->installEventFilter(&listPainted);
    } else {
        blank = std::make_unique<QMainWindow>();
        window = blank.get();
    }
    window->installEventFilter(&windowPainted);
    window->resize(kWindow);
    window->show();
    const auto ready = [&] {
        return windowPainted.painted
               && (!list
                   || (list->model() && list->model()->rowCount() > 0 && listPainted.painted));
    };
    while (!ready()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        if (sinceMain.elapsed() > 30000) {
            std::fprintf(stderr, "not painted after 30 s\n");
            return 1;
        }
    }
    std::printf("PAINTED %.3f %d\n", double(sinceMain.nsecsElapsed()) / 1e6,
                list ? list->model()->rowCount() : 0);
    std::fflush(stdout);
    // Idle for a second (the API calls fail at once against the closed port), then memory.
    QTimer::singleShot(1000, &qapp, &QCoreApplication::quit);
    QApplication::exec();
    std::printf("RSS %.1f\n", rssMb());
    std::fflush(stdout);
    return 0;
}

// ----- Parent ------------------------------------------------------------------------------

struct ChildRun {
    double wallMs = -1; // process start to the PAINTED line
    QMap<QByteArray, QList<QByteArray>> lines;
};

ChildRun runChild(const QStringList &arguments, const QProcessEnvironment &environment) {
    ChildRun run;
    QProcess child;
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer timer;
    timer.start();
    child.start(QCoreApplication::applicationFilePath(), arguments);
    QByteArray pending;
    while (child.state() != QProcess::NotRunning || child.bytesAvailable() > 0) {
        child.waitForReadyRead(50);
        pending += child.readAllStandardOutput();
        qsizetype newline;
        while ((newline = pending.indexOf('\n')) >= 0) {
            const QList<QByteArray> fields = pending.left(newline).trimmed().split(' ');
            pending.remove(0, newline + 1);
            if (fields.first() == "PAINTED")
                run.wallMs = double(timer.nsecsElapsed()) / 1e6;
            run.lines.insert(fields.first(), fields.mid(1));
        }
        if (timer.elapsed() > 600000)
            child.kill();
    }
    return run;
}

double median(std::vector<double> values) {
    if (values.empty())
        return -1;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

int main(int argc, char *argv[]) {
    const QStringList arguments = [&] {
        QStringList list;
        for (int i = 1; i < argc; ++i)
            list << QString::fromLocal8Bit(argv[i]);
        return list;
    }();
    if (arguments.value(0) == "--window"_L1)
        return startWindow(argc, argv, false, {});
    if (arguments.value(0) == "--app"_L1)
        return startWindow(argc, argv, true, arguments.value(1));
    if (arguments.value(0) == "--generate"_L1 || arguments.value(0) == "--search"_L1) {
        QCoreApplication core(argc, argv);
        return arguments.value(0) == "--search"_L1
                   ? search(arguments.value(1))
                   : generate(arguments.value(1), arguments.value(2).toInt(),
                              arguments.value(3).toInt());
    }

    QCoreApplication core(argc, argv);
    const int conversations = arguments.value(0, u"2000"_s).toInt();
    const int messages = arguments.value(1, u"200000"_s).toInt();
    const int rounds = std::max(1, arguments.value(2, u"5"_s).toInt());
    const QString profile = storeFolder(conversations, messages);
    std::printf("startup_bench: %d conversations, %d messages, %d rounds, load %s\n", conversations,
                messages, rounds, loadAverage().constData());

    // The children get folders of their own for settings, data and caches.
    QTemporaryDir home;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"})
        environment.insert(QString::fromLatin1(name), home.filePath(QString::fromLatin1(name)));
    environment.remove(u"MISTRAL_API_KEY"_s);

    QElapsedTimer generation;
    generation.start();
    if (runChild(
            {u"--generate"_s, profile, QString::number(conversations), QString::number(messages)},
            environment)
            .lines.isEmpty()
        && !QFileInfo::exists(QDir(profile).filePath(u"complete"_s))) {
        std::fprintf(stderr, "could not generate the history in %s\n", qPrintable(profile));
        return 1;
    }
    std::printf("  history ready in %.1f s (%s)\n", double(generation.elapsed()) / 1e3,
                qPrintable(QDir::toNativeSeparators(profile)));

    // Search once before the app runs and once after: the app's exit writes to the database
    // (purge, checkpoint), and the disk flushing it can slow the first queries after it.
    const QList<QByteArray> searchBefore =
        runChild({u"--search"_s, profile}, environment).lines.value("SEARCH");

    std::vector<double> blankWall, blankInside, appWall, appInside, appRss;
    int rows = 0;
    for (int round = 0; round < rounds; ++round) {
        const ChildRun blank = runChild({u"--window"_s}, environment);
        const ChildRun app = runChild({u"--app"_s, profile}, environment);
        if (blank.wallMs < 0 || app.wallMs < 0) {
            std::fprintf(stderr, "a child did not paint\n");
            return 1;
        }
        blankWall.push_back(blank.wallMs);
        blankInside.push_back(blank.lines.value("PAINTED").value(0).toDouble());
        appWall.push_back(app.wallMs);
        appInside.push_back(app.lines.value("PAINTED").value(0).toDouble());
        rows = app.lines.value("PAINTED").value(1).toInt();
        appRss.push_back(app.lines.value("RSS").value(0).toDouble());
    }
    const QList<QByteArray> searchAfter =
        runChild({u"--search"_s, profile}, environment).lines.value("SEARCH");

    const double ratio = median(appWall) / median(blankWall);
    std::printf("\n  start to first paint (median of %d, process launch included)\n", rounds);
    std::printf("    blank QMainWindow (baseline)   %8.1f ms  (inside the process %.1f ms)\n",
                median(blankWall), median(blankInside));
    std::printf("    Tramontane, sidebar filled     %8.1f ms  (inside the process %.1f ms; "
                "%d rows loaded)\n",
                median(appWall), median(appInside), rows);
    std::printf("    ratio                          %8.2fx  (budget 5x)  %s\n", ratio,
                ratio <= 5 ? "ok" : "OVER");
    const double rss = median(appRss);
    std::printf("  idle RSS after start             %8.1f MB  (budget 80 MB)  %s\n", rss,
                rss <= 80 ? "ok" : "OVER");
    const auto printSearch = [](const char *when, const QList<QByteArray> &s) {
        if (s.size() < 4)
            return;
        std::printf("  full-text search, 8 queries x5, %-13s p50 %.2f  p99 %.2f  max %.2f ms, "
                    "%d hits per pass  (budget 50 ms)  %s\n",
                    when, s.at(0).toDouble(), s.at(1).toDouble(), s.at(2).toDouble(),
                    s.at(3).toInt(), s.at(2).toDouble() <= 50 ? "ok" : "OVER");
    };
    printSearch("before the app", searchBefore);
    printSearch("after it", searchAfter);
    return 0;
}
