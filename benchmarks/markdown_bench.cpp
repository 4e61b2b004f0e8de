// SPDX-License-Identifier: GPL-3.0-or-later
// Markdown rendering figures for the chat view, each next to a baseline measured in the same
// run: plain QTextBrowser::setMarkdown, as a naive chat would use it.
//
//  1. Streaming a 32 KB table-heavy answer at 1,000 tokens/s (4 characters a token), one
//     update per 16 ms frame: GUI work per frame (update + layout + paint of the visible
//     760x900 px at the bottom, into a QImage).
//  2. Displaying a finished 512 KB answer and a 100-table answer: the longest GUI-thread stall
//     (synchronous calls, and the event loop's longest gap while a worker builds).
//  3. Time from the first token to its first paint.
#include "ui/markdown/CodeHighlighter.h"
#include "ui/markdown/MessageDocument.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QTextBrowser>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace Qt::StringLiterals;
using Tramontane::MessageDocument;

namespace {

constexpr int kWidth = 760;
constexpr int kViewport = 900;
constexpr int kCharsPerToken = 4;
constexpr int kTokensPerFrame = 16; // 1,000 tokens/s in 16 ms frames

QString words(QRandomGenerator &random, int count) {
    static const QStringList vocabulary = {
        u"latency"_s, u"the"_s,     u"model"_s,  u"stream"_s, u"token"_s,   u"render"_s,
        u"budget"_s,  u"quickly"_s, u"answer"_s, u"with"_s,   u"careful"_s, u"layout"_s,
        u"of"_s,      u"tables"_s,  u"and"_s,    u"code"_s,   u"blocks"_s,  u"inside"_s};
    QStringList out;
    for (int i = 0; i < count; ++i)
        out.append(vocabulary.at(random.bounded(int(vocabulary.size()))));
    return out.join(u' ');
}

QString table(QRandomGenerator &random, int rows) {
    QString text = u"| Name | Value | Notes |\n|------|------:|:-----:|\n"_s;
    for (int r = 0; r < rows; ++r) {
        text += u"| item %1 | %2 | %3 *%4* |\n"_s.arg(r)
                    .arg(random.bounded(10000))
                    .arg(words(random, 2), words(random, 1));
    }
    return text;
}

QString section(QRandomGenerator &random, int index, int tableEvery) {
    QString text = u"## Section %1\n\nSome **bold** prose about item %1 with `inline code` and a "
                   "[link](https://example.org/%1). %2.\n\n"_s.arg(index)
                       .arg(words(random, 20 + random.bounded(40)));
    if (tableEvery > 0 && index % tableEvery == 0)
        text += table(random, 6 + random.bounded(6)) + u"\n"_s;
    switch (index % 4) {
    case 0:
        text += u"1. first point\n2. second point\n3. third\n\n"_s;
        break;
    case 1:
        text += u"```python\ndef f(x):\n    return x * %1\n```\n\n"_s.arg(index);
        break;
    case 2:
        text += u"> %1\n\n"_s.arg(words(random, 15));
        break;
    default:
        text += u"- %1\n- %2\n\n"_s.arg(words(random, 6), words(random, 6));
        break;
    }
    return text;
}

// Mostly tables, as in the budget's worst streaming case.
QString tableHeavy(qsizetype size) {
    QRandomGenerator random(42);
    QString text;
    for (int i = 0; text.size() < size; ++i)
        text += section(random, i, 1);
    return text;
}

// A long mixed answer: prose, lists, code, a table every eighth section.
QString mixed(qsizetype size) {
    QRandomGenerator random(7);
    QString text;
    for (int i = 0; text.size() < size; ++i)
        text += section(random, i, 8);
    return text;
}

QString withTables(int tables) {
    QRandomGenerator random(9);
    QString text;
    for (int i = 0; i < tables; ++i)
        text += section(random, i, 1);
    return text;
}

struct Percentiles {
    double p50 = 0, p95 = 0, p99 = 0, max = 0;
    int over = 0; // samples above one 16 ms frame
    int count = 0;
};

Percentiles percentiles(std::vector<double> samples) {
    Percentiles p;
    if (samples.empty())
        return p;
    std::sort(samples.begin(), samples.end());
    auto at = [&](double q) {
        return samples[std::min(samples.size() - 1,
                                size_t(std::llround(q * double(samples.size() - 1))))];
    };
    p.p50 = at(0.50);
    p.p95 = at(0.95);
    p.p99 = at(0.99);
    p.max = samples.back();
    p.count = int(samples.size());
    p.over = int(std::count_if(samples.begin(), samples.end(), [](double v) { return v > 16; }));
    return p;
}

double ms(const QElapsedTimer &timer) {
    return double(timer.nsecsElapsed()) / 1e6;
}

// CPU time of the calling thread: unlike wall time, unaffected by other processes competing for
// the machine (wall time is what a user sees, CPU time is what the code costs).
double threadCpuMs() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

// Wall and CPU time of one piece of work.
class Stopwatch {
public:
    Stopwatch() {
        m_wall.start();
        m_cpu = threadCpuMs();
    }
    double wall() const { return ms(m_wall); }
    double cpu() const { return threadCpuMs() - m_cpu; }

private:
    QElapsedTimer m_wall;
    double m_cpu = 0;
};

// The paint target, allocated and touched once (like a window's backing store).
class Frame {
public:
    Frame()
        : m_image(kWidth, kViewport, QImage::Format_ARGB32_Premultiplied) {
        m_image.fill(Qt::white);
    }
    QImage &image() {
        m_image.fill(Qt::white);
        return m_image;
    }

private:
    QImage m_image;
};

// Paints the bottom of the message, as a chat following the stream shows it.
void paintBottom(MessageDocument &document, Frame &frame) {
    const qreal height = document.height();
    QPainter painter(&frame.image());
    document.paint(&painter, QPointF(0, qMin<qreal>(0, kViewport - height)),
                   QRectF(0, 0, kWidth, kViewport));
}

struct Browser {
    QTextBrowser widget;
    Browser() {
        widget.setFrameShape(QFrame::NoFrame);
        widget.setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        widget.resize(kWidth, kViewport);
        widget.show();
    }
    void display(const QString &markdown, Frame &frame) {
        widget.setMarkdown(markdown);
        widget.document()->documentLayout()->documentSize(); // the whole layout, as it will be
        widget.verticalScrollBar()->setValue(widget.verticalScrollBar()->maximum());
        widget.viewport()->render(&frame.image());
    }
};

// Records the longest gap between ticks of a 1 ms timer: how long the event loop was blocked.
class Heartbeat {
public:
    Heartbeat() {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            m_maxGap = std::max(m_maxGap, ms(m_sinceTick));
            m_sinceTick.restart();
        });
    }
    void start() {
        m_maxGap = 0;
        m_sinceTick.start();
        m_timer.start();
    }
    double stop() {
        m_timer.stop();
        return m_maxGap;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_sinceTick;
    double m_maxGap = 0;
};

void printRow(const char *label, const Percentiles &p, const char *note = "") {
    std::printf("    %-30s %8.2f %8.2f %8.2f %8.2f   %3d/%-3d %s\n", label, p.p50, p.p95, p.p99,
                p.max, p.over, p.count, note);
}

void streamingBenchmark() {
    const QString answer = tableHeavy(32 * 1024);
    const qsizetype perFrame = kCharsPerToken * kTokensPerFrame;
    Frame frame;

    std::vector<double> engineWall, engineCpu, updateCpu;
    qsizetype maxParsed = 0;
    qsizetype maxTail = 0;
    {
        MessageDocument document;
        document.setTextWidth(kWidth);
        for (qsizetype pos = 0; pos < answer.size(); pos += perFrame) {
            const Stopwatch watch;
            document.append(QStringView(answer).sliced(pos).first(
                std::min<qsizetype>(perFrame, answer.size() - pos)));
            document.height();
            updateCpu.push_back(watch.cpu());
            paintBottom(document, frame);
            engineWall.push_back(watch.wall());
            engineCpu.push_back(watch.cpu());
            maxParsed = std::max(maxParsed, document.lastUpdate().parsedChars);
            maxTail = std::max(maxTail, document.lastUpdate().uncommittedChars);
        }
        const Stopwatch watch;
        document.finish();
        paintBottom(document, frame);
        engineWall.push_back(watch.wall());
        engineCpu.push_back(watch.cpu());
    }

    // The baseline re-parses the whole text at every frame and costs seconds per frame at the
    // end: it is measured on 16 frames spread evenly over the answer.
    std::vector<double> baselineWall, baselineCpu;
    {
        Browser browser;
        const qsizetype frames = (answer.size() + perFrame - 1) / perFrame;
        for (int sample = 1; sample <= 16; ++sample) {
            const qsizetype end = std::min(answer.size(), frames * sample / 16 * perFrame);
            const Stopwatch watch;
            browser.display(answer.first(end), frame);
            baselineWall.push_back(watch.wall());
            baselineCpu.push_back(watch.cpu());
        }
    }

    const Percentiles ew = percentiles(engineWall), ec = percentiles(engineCpu);
    const Percentiles uc = percentiles(updateCpu);
    const Percentiles bw = percentiles(baselineWall), bc = percentiles(baselineCpu);
    std::printf("\n(1) Streaming a %lld KB table-heavy answer at 1,000 tokens/s, one update per "
                "16 ms frame:\n    GUI work per frame = update + layout + paint of %dx%d px, ms\n",
                static_cast<long long>(answer.size() / 1024), kWidth, kViewport);
    std::printf("    %-30s %8s %8s %8s %8s   %s\n", "", "p50", "p95", "p99", "max", ">16ms");
    printRow("MessageDocument, wall", ew);
    printRow("MessageDocument, CPU", ec);
    printRow("  update + layout only, CPU", uc);
    printRow("QTextBrowser whole, wall", bw, "(16 frames spread over the answer)");
    printRow("QTextBrowser whole, CPU", bc);
    std::printf(
        "    baseline/engine (CPU): p50 %.0fx, p95 %.0fx, max %.0fx; per frame at most %lld "
        "chars re-parsed, open tail at most %lld chars\n",
        bc.p50 / std::max(ec.p50, 1e-3), bc.p95 / std::max(ec.p95, 1e-3),
        bc.max / std::max(ec.max, 1e-3), static_cast<long long>(maxParsed),
        static_cast<long long>(maxTail));
}

struct Stall {
    double stepWall = 0; // longest synchronous GUI-thread step
    double stepCpu = 0;
    double loopGap = 0; // longest event-loop gap while the worker builds
    double shownAfter = 0;
};

Stall engineStall(const QString &markdown) {
    Frame frame;
    MessageDocument document;
    document.setTextWidth(kWidth);
    Heartbeat heartbeat;
    QEventLoop loop;
    QObject::connect(&document, &MessageDocument::ready, &loop, &QEventLoop::quit);
    Stall stall;
    QElapsedTimer total;
    total.start();
    heartbeat.start();
    bool built = false;
    {
        const Stopwatch watch;
        built = document.setMarkdownAsync(markdown);
        stall.stepWall = watch.wall();
        stall.stepCpu = watch.cpu();
    }
    if (!built)
        loop.exec();
    {
        const Stopwatch watch;
        QPainter painter(&frame.image());
        document.height();
        document.paint(&painter, QPointF(0, 0), QRectF(0, 0, kWidth, kViewport));
        stall.stepWall = std::max(stall.stepWall, watch.wall());
        stall.stepCpu = std::max(stall.stepCpu, watch.cpu());
    }
    stall.shownAfter = ms(total);
    stall.loopGap = heartbeat.stop();
    return stall;
}

Stall baselineStall(const QString &markdown) {
    Frame frame;
    Browser browser;
    const Stopwatch watch;
    browser.widget.setMarkdown(markdown);
    browser.widget.document()->documentLayout()->documentSize();
    browser.widget.viewport()->render(&frame.image());
    Stall stall;
    stall.stepWall = stall.loopGap = stall.shownAfter = watch.wall();
    stall.stepCpu = watch.cpu();
    return stall;
}

void stallBenchmark() {
    const QString big = mixed(512 * 1024);
    const QString tables = withTables(100);
    const Stall bigEngine = engineStall(big);
    const Stall tablesEngine = engineStall(tables);
    const Stall bigBaseline = baselineStall(big);
    const Stall tablesBaseline = baselineStall(tables);
    std::printf("\n(2) Displaying a finished answer: longest GUI-thread stall, ms\n");
    std::printf("    %-48s %18s %18s\n", "", "512 KB mixed",
                qPrintable(u"100 tables (%1 KB)"_s.arg(tables.size() / 1024)));
    auto row = [](const char *label, double a, double b) {
        std::printf("    %-48s %18.2f %18.2f\n", label, a, b);
    };
    row("MessageDocument, longest GUI step, wall", bigEngine.stepWall, tablesEngine.stepWall);
    row("MessageDocument, longest GUI step, CPU", bigEngine.stepCpu, tablesEngine.stepCpu);
    row("MessageDocument, longest event-loop gap", bigEngine.loopGap, tablesEngine.loopGap);
    row("  on screen after (worker build + layout)", bigEngine.shownAfter, tablesEngine.shownAfter);
    row("QTextBrowser::setMarkdown + layout + paint, wall", bigBaseline.stepWall,
        tablesBaseline.stepWall);
    row("QTextBrowser::setMarkdown + layout + paint, CPU", bigBaseline.stepCpu,
        tablesBaseline.stepCpu);
    std::printf("    baseline stall / engine event-loop gap: %.0fx, %.0fx\n",
                bigBaseline.stepWall / std::max(bigEngine.loopGap, 1e-3),
                tablesBaseline.stepWall / std::max(tablesEngine.loopGap, 1e-3));
}

// Loads fonts and fills glyph caches once, as any application has done before its first answer.
void warmUp() {
    Frame frame;
    MessageDocument document;
    document.setTextWidth(kWidth);
    document.setMarkdownAsync(u"# Warm **up** `code`\n\n```\nx\n```\n\n| a |\n|---|\n| 1 |\n"_s);
    paintBottom(document, frame);
    Browser browser;
    browser.display(u"warm *up*"_s, frame);
}

void firstTokenBenchmark() {
    const QString token = u"Sure"_s;
    std::vector<double> engine, baseline;
    Frame frame;
    for (int i = 0; i < 30; ++i) {
        const Stopwatch watch;
        MessageDocument document;
        document.setTextWidth(kWidth);
        document.append(token);
        paintBottom(document, frame);
        engine.push_back(watch.wall());
    }
    Browser browser;
    for (int i = 0; i < 30; ++i) {
        browser.widget.clear();
        const Stopwatch watch;
        browser.display(token, frame);
        baseline.push_back(watch.wall());
    }
    const Percentiles e = percentiles(engine);
    const Percentiles b = percentiles(baseline);
    std::printf("\n(3) First token to first paint of a new message (30 runs), wall ms\n");
    std::printf("    %-30s %8s %8s\n", "", "p50", "max");
    std::printf("    %-30s %8.3f %8.3f\n", "MessageDocument", e.p50, e.max);
    std::printf("    %-30s %8.3f %8.3f\n", "QTextBrowser::setMarkdown", b.p50, b.max);
}

} // namespace

int main(int argc, char **argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    Tramontane::CodeHighlighter::preloadInBackground(); // as the app does at start
    QElapsedTimer total;
    total.start();
    std::printf("markdown_bench: Qt %s, platform %s, width %d px\n", qVersion(),
                qPrintable(QGuiApplication::platformName()), kWidth);
    warmUp();
    streamingBenchmark();
    stallBenchmark();
    firstTokenBenchmark();
    std::printf("\ntotal run time %.1f s\n", double(total.elapsed()) / 1000);
    return 0;
}
