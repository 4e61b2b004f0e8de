// SPDX-License-Identifier: GPL-3.0-or-later
// Streaming an answer into the chat view, next to a baseline measured in the same run: a
// QTextBrowser given the whole text again with setMarkdown() at every update.
//
// A 32 KB table-heavy answer arrives at 1,000 tokens/s (4 characters a token) at the end of a
// 10,000-message conversation. As the chat session does, the model gets at most one update per
// 16 ms frame (updateEntry with the text so far), the first token at once. Each frame's GUI
// work = the model update, pending events (layout) and a synchronous repaint.
//   - GUI work per frame p50/p99/max. Budget: p99 16 ms, max 33 ms.
//   - Whether it fell behind: a frame starting late, and the time between the last token's
//     arrival and its paint.
//   - First token to first paint. Budget: one frame.
//
// Usage: chat_stream_bench [answer KB] [history messages]
#include "ChatBenchSupport.h"
#include "core/MemoryTuning.h"
#include "models/ConversationModel.h"
#include "ui/chat/ChatView.h"
#include "ui/markdown/CodeHighlighter.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QTextBrowser>
#include <QThread>
#include <QWindow>

#include <cstdio>
#include <functional>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using namespace ChatBench;

namespace {

constexpr QSize kWindow(1000, 800);
constexpr int kFrameMs = 16;
constexpr int kCharsPerToken = 4;
constexpr double kTokensPerMs = 1.0; // 1,000 tokens/s

QString tableHeavyAnswer(qsizetype size) {
    QRandomGenerator random(42);
    QString text = u"# Quarterly figures\n\nA summary of every line of the report.\n\n"_s;
    int section = 0;
    while (text.size() < size) {
        ++section;
        text +=
            u"## Part %1\n\n"_s.arg(section) + words(random, 25 + random.bounded(25)) + u".\n\n"_s;
        text += table(random, 6 + random.bounded(8)) + u"\n"_s;
        if (section % 3 == 0)
            text +=
                u"```sql\nSELECT name, value FROM items WHERE part = %1;\n```\n\n"_s.arg(section);
        else
            text += u"- "_s + words(random, 8) + u"\n- "_s + words(random, 6) + u"\n\n"_s;
    }
    return text.left(size);
}

void waitExposed(QWidget *widget) {
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 2000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        if (widget->windowHandle() && widget->windowHandle()->isExposed() && t.elapsed() > 100)
            break;
    }
}

struct StreamResult {
    std::vector<double> work; // ms per frame
    std::vector<double> cpu;  // GUI-thread CPU ms per frame
    double firstPaintMs = 0;
    double maxLatenessMs = 0; // how late a frame started after its slot
    double endLagMs = 0;      // last token arrived → painted
    qsizetype shownChars = 0;
    double wallMs = 0;
};

// Plays the stream in real time. \a show renders the text so far (the first call is the
// first token); returns after the frame's work is done.
StreamResult playStream(const QString &answer, double timeLimitMs,
                        const std::function<void(const QString &, bool last)> &show) {
    StreamResult r;
    const qsizetype total = answer.size();
    const double idealMs = double(total) / kCharsPerToken / kTokensPerMs;
    QElapsedTimer clock;
    clock.start();
    // The first token is shown at once.
    {
        QElapsedTimer work;
        work.start();
        const double cpu = threadCpuMs();
        show(answer.left(kCharsPerToken), false);
        r.firstPaintMs = work.nsecsElapsed() / 1e6;
        r.work.push_back(r.firstPaintMs);
        r.cpu.push_back(threadCpuMs() - cpu);
        r.shownChars = kCharsPerToken;
    }
    qint64 frame = 1;
    while (r.shownChars < total) {
        const double slot = double(frame) * kFrameMs;
        // Wait for the frame's slot, keeping the event loop alive like the real one.
        while (clock.nsecsElapsed() / 1e6 < slot) {
            QCoreApplication::processEvents();
            const double left = slot - clock.nsecsElapsed() / 1e6;
            if (left > 1.5)
                QThread::usleep(500);
        }
        const double start = clock.nsecsElapsed() / 1e6;
        r.maxLatenessMs = std::max(r.maxLatenessMs, start - slot);
        if (timeLimitMs > 0 && start > timeLimitMs)
            break;
        const qsizetype available = qMin(total, qsizetype(start * kTokensPerMs) * kCharsPerToken);
        if (available > r.shownChars) {
            QElapsedTimer work;
            work.start();
            const double cpu = threadCpuMs();
            show(answer.left(available), available == total);
            r.work.push_back(work.nsecsElapsed() / 1e6);
            r.cpu.push_back(threadCpuMs() - cpu);
            r.shownChars = available;
            if (available == total)
                r.endLagMs = clock.nsecsElapsed() / 1e6 - idealMs;
        }
        // Skip the slots a long frame overran, as a timer would.
        frame = qMax(frame + 1, qint64(clock.nsecsElapsed() / 1e6 / kFrameMs) + 1);
    }
    r.wallMs = clock.nsecsElapsed() / 1e6;
    return r;
}

void report(const char *name, const StreamResult &r, qsizetype total) {
    const double idealMs = double(total) / kCharsPerToken / kTokensPerMs;
    std::printf("\n%s\n", name);
    printPercentiles("GUI work per frame", percentiles(r.work));
    printPercentiles("GUI-thread CPU per frame", percentiles(r.cpu));
    std::printf("  first token to first paint        %.2f ms\n", r.firstPaintMs);
    std::printf("  latest frame start                %.1f ms after its slot\n", r.maxLatenessMs);
    if (r.shownChars == total)
        std::printf("  last token painted                %.1f ms after it arrived "
                    "(stream %.2f s, ideal %.2f s)\n",
                    r.endLagMs, r.wallMs / 1000.0, idealMs / 1000.0);
    else
        std::printf("  stopped after %.1f s having shown %lld of %lld characters: %.0f %% of the "
                    "stream's rate\n",
                    r.wallMs / 1000.0, qlonglong(r.shownChars), qlonglong(total),
                    100.0 * r.shownChars / (r.wallMs * kTokensPerMs * kCharsPerToken));
}

} // namespace

int main(int argc, char **argv) {
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    tuneMemoryAllocator(); // as the app does
    chooseHeadlessPlatform();
    QApplication app(argc, argv);
    Tramontane::CodeHighlighter::preloadInBackground(); // as the app does at start
    const qsizetype answerSize =
        (argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 32) * qsizetype(1024);
    const int history = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 10000;
    const QString answer = tableHeavyAnswer(answerSize);
    std::printf("chat_stream_bench: %lld-character answer (%lld table rows) after %d messages, "
                "1,000 tokens/s in %d ms frames, window %dx%d, platform %s, Qt %s, load "
                "average %s\n",
                qlonglong(answer.size()), qlonglong(answer.count(u"\n|"_s)), history, kFrameMs,
                kWindow.width(), kWindow.height(), qPrintable(QGuiApplication::platformName()),
                qVersion(), loadAverage().constData());

    StreamResult chat;
    {
        ConversationModel model;
        ChatView view;
        view.setModel(&model);
        view.resize(kWindow);
        view.show();
        waitExposed(&view);
        model.setEntries(conversation(history, 0));
        for (int i = 0; i < 5; ++i) {
            QCoreApplication::processEvents();
            view.viewport()->repaint();
        }
        ChatEntry question;
        question.id = history + 1;
        question.message = ChatMessage::user(MessageContent(u"Write the full report, please."_s));
        model.appendEntry(question);
        QCoreApplication::processEvents();
        view.viewport()->repaint();

        ChatEntry reply;
        reply.id = history + 2;
        reply.status = ChatEntry::Status::Streaming;
        int entry = -1;
        chat = playStream(answer, 0, [&](const QString &text, bool last) {
            reply.message = ChatMessage::assistant(MessageContent(text));
            if (last) {
                reply.status = ChatEntry::Status::Complete;
                reply.model = u"mistral-medium-latest"_s;
            }
            if (entry < 0)
                entry = model.appendEntry(reply);
            else
                model.updateEntry(entry, reply);
            QCoreApplication::processEvents();
            view.viewport()->repaint();
        });
        const QScrollBar *bar = view.verticalScrollBar();
        std::printf("  chat view ended %s the bottom\n",
                    bar->value() == bar->maximum() ? "pinned at" : "away from");
    }
    report("Chat view (ConversationModel::updateEntry + layout + repaint)", chat, answer.size());

    StreamResult baseline;
    {
        QTextBrowser browser;
        browser.resize(kWindow);
        browser.show();
        waitExposed(&browser);
        // Stops once it is clearly behind: it never catches up.
        const double limit = double(answer.size()) / kCharsPerToken / kTokensPerMs + 2000;
        baseline = playStream(answer, limit, [&](const QString &text, bool) {
            browser.setMarkdown(text);
            browser.verticalScrollBar()->setValue(browser.verticalScrollBar()->maximum());
            QCoreApplication::processEvents();
            browser.viewport()->repaint();
        });
    }
    report("Baseline: QTextBrowser::setMarkdown with the whole text at each update", baseline,
           answer.size());
    return 0;
}
