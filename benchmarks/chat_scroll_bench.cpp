// SPDX-License-Identifier: GPL-3.0-or-later
// Opening and scrolling a long conversation in the chat view, next to a baseline measured in
// the same run: a QListView showing the same messages as plain text rows.
//
//  1. First paint: from ConversationModel::setEntries() (10,000 messages, 200 images) to the
//     end of the first paint showing the newest messages. Budget: 100 ms.
//  2. Scrolling end to end twice (bottom to top, then top to bottom) in wheel notches, each
//     frame = the wheel event, pending events (decoded images, layouts) and a synchronous
//     repaint. Budget: p99 16 ms.
//  3. Resident memory after the first paint and after each pass. Budget: 250 MB; the second
//     pass grows it by 5 % at most (the caches are bounded).
//
// Usage: chat_scroll_bench [messages] [images]
#include "ChatBenchSupport.h"
#include "core/MemoryTuning.h"
#include "models/ConversationModel.h"
#include "ui/chat/ChatView.h"
#include "ui/chat/ImageRepository.h"
#include "ui/markdown/CodeHighlighter.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QListView>
#include <QScrollBar>
#include <QStringListModel>
#include <QWheelEvent>
#include <QWindow>

#include <cstdio>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using namespace ChatBench;

namespace {

constexpr QSize kWindow(1000, 800);

// Counts paints of a viewport and whether the newest row was in view.
class PaintWatcher final : public QObject {
public:
    PaintWatcher(QAbstractScrollArea *area, const QElapsedTimer &clock)
        : m_area(area)
        , m_clock(clock) {
        area->viewport()->installEventFilter(this);
    }
    int paints = 0;
    bool sawBottom = false;
    double paintStartMs = 0; // when the first paint showing the bottom began

protected:
    bool eventFilter(QObject *, QEvent *event) override {
        if (event->type() == QEvent::Paint) {
            ++paints;
            const QScrollBar *bar = m_area->verticalScrollBar();
            if (!sawBottom && bar->maximum() > 0 && bar->value() == bar->maximum()) {
                sawBottom = true;
                paintStartMs = m_clock.nsecsElapsed() / 1e6;
            }
        }
        return false;
    }

private:
    QAbstractScrollArea *m_area;
    const QElapsedTimer &m_clock;
};

void waitExposed(QWidget *widget) {
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 2000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        if (widget->isVisible() && widget->windowHandle() && widget->windowHandle()->isExposed()
            && t.elapsed() > 100)
            break;
    }
}

// Processes events until a paint showing the bottom happened; returns the elapsed time.
double untilBottomPainted(PaintWatcher &watcher, QElapsedTimer &t) {
    while (!(watcher.paints > 0 && watcher.sawBottom) && t.elapsed() < 10000)
        QCoreApplication::processEvents();
    return t.nsecsElapsed() / 1e6;
}

struct Frames {
    std::vector<double> wall; // ms
    std::vector<double> cpu;  // ms of GUI-thread CPU time
};

Frames scrollPass(QAbstractScrollArea *area, bool up, size_t maxFrames = 0) {
    Frames frames;
    QWidget *viewport = area->viewport();
    QScrollBar *bar = area->verticalScrollBar();
    const QPoint pos = viewport->rect().center();
    int stuck = 0;
    while (up ? bar->value() > bar->minimum() : bar->value() < bar->maximum()) {
        const int before = bar->value();
        QElapsedTimer frame;
        frame.start();
        const double cpu = threadCpuMs();
        QWheelEvent wheel(pos, viewport->mapToGlobal(pos), {}, {0, up ? 120 : -120}, Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(viewport, &wheel);
        viewport->repaint();
        QCoreApplication::processEvents();
        frames.wall.push_back(frame.nsecsElapsed() / 1e6);
        frames.cpu.push_back(threadCpuMs() - cpu);
        stuck = bar->value() == before ? stuck + 1 : 0;
        if (stuck > 50 || (maxFrames > 0 && frames.wall.size() >= maxFrames))
            break;
    }
    return frames;
}

QStringList plainTexts(const QList<ChatEntry> &entries) {
    QStringList out;
    out.reserve(entries.size());
    for (const ChatEntry &e : entries)
        out.append(e.message.content.plainText());
    return out;
}

} // namespace

int main(int argc, char **argv) {
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    // What the app does first (see src/app/main.cpp): the memory figures must be the app's.
    const bool tuned = tuneMemoryAllocator();
    chooseHeadlessPlatform();
    QApplication app(argc, argv);
    Tramontane::CodeHighlighter::preloadInBackground(); // as the app does at start
    const int messages = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 10000;
    const int imageCount = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 200;
    std::printf("chat_scroll_bench: %d messages, %d images, window %dx%d, platform %s, Qt %s, "
                "load average %s\n",
                messages, imageCount, kWindow.width(), kWindow.height(),
                qPrintable(QGuiApplication::platformName()), qVersion(), loadAverage().constData());

    QElapsedTimer prep;
    prep.start();
    const QList<ChatEntry> entries = conversation(messages, imageCount);
    auto fetcher = std::make_shared<MemoryFetcher>();
    qint64 imageBytes = 0;
    for (int i = 0; i < imageCount; ++i) {
        const QByteArray bytes = makeImage(i);
        imageBytes += bytes.size();
        fetcher->images.insert(u"img-"_s + QString::number(i), bytes);
    }
    std::printf("  prepared in %.1f s (images: %.1f MB encoded, held by the fake fetcher)\n",
                prep.elapsed() / 1000.0, imageBytes / 1048576.0);

    // --- The chat view ---------------------------------------------------------------------
    double modelMs = 0, paintStart = 0, firstPaint = 0, settled = 0, rssFirst = 0, rssPass1 = 0,
           rssPass2 = 0, rssEmpty = 0;
    Frames pass1, pass2;
    double firstPaintCpu = 0;
    int fetches = 0, decodes = 0;
    {
        ConversationModel model;
        ChatView view;
        view.setImageFetcher(fetcher);
        view.setImageViewerEnabled(false);
        view.setModel(&model);
        view.resize(kWindow);
        view.show();
        waitExposed(&view);
        rssEmpty = rssMb();

        QElapsedTimer t;
        PaintWatcher watcher(&view, t);
        t.start();
        const double cpu0 = threadCpuMs();
        model.setEntries(entries);
        modelMs = t.nsecsElapsed() / 1e6;
        firstPaint = untilBottomPainted(watcher, t);
        firstPaintCpu = threadCpuMs() - cpu0;
        paintStart = watcher.paintStartMs;
        // Rows painted for the first time were measured: one more layout and paint.
        QCoreApplication::processEvents();
        view.viewport()->repaint();
        settled = t.nsecsElapsed() / 1e6;
        rssFirst = rssMb();

        pass1 = scrollPass(&view, true);
        rssPass1 = rssMb();
        pass2 = scrollPass(&view, false);
        rssPass2 = rssMb();
        fetches = fetcher->fetches;
        decodes = view.imageRepository()->decodeCount();
        std::printf("  chat view: %d rows, content %d px, %d image fetches, %d decodes, "
                    "%d documents cached (%.1f MB)\n",
                    model.rowCount(), view.verticalScrollBar()->maximum() + view.height(), fetches,
                    decodes, view.chatDelegate()->documentCache().count(),
                    view.chatDelegate()->documentCache().bytes() / 1048576.0);
    }

    // The derivation of the rows alone (the model's part of setEntries), best of five (after the
    // view, so that it does not warm the allocator for the first paint).
    double deriveMs = 1e9;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer d;
        d.start();
        const QList<ChatItem> rows = ConversationModel::deriveItems(entries, 0, messages);
        deriveMs = qMin(deriveMs, d.nsecsElapsed() / 1e6);
        if (rows.isEmpty() && messages > 0)
            std::printf("  (no rows derived)\n");
    }

    // --- Baseline: plain text rows -----------------------------------------------------------
    double baseFirstPaint = 0;
    Frames basePass1;
    double baseFirstPaintCpu = 0;
    {
        QStringListModel model;
        QListView view;
        view.setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
        view.setUniformItemSizes(false);
        view.setWordWrap(false);
        view.resize(kWindow);
        view.setModel(&model);
        view.show();
        waitExposed(&view);
        const QStringList texts = plainTexts(entries);
        QElapsedTimer t;
        PaintWatcher watcher(&view, t);
        t.start();
        const double cpu0 = threadCpuMs();
        model.setStringList(texts);
        view.scrollToBottom();
        baseFirstPaint = untilBottomPainted(watcher, t);
        baseFirstPaintCpu = threadCpuMs() - cpu0;
        // The same distance per notch as the chat view, so both scroll the same pixels.
        view.verticalScrollBar()->setSingleStep(
            qMax(20, qRound(QFontMetricsF(view.font()).lineSpacing() * 3)));
        // The baseline only gives the frame cost of the simplest rows: 2,000 frames suffice.
        basePass1 = scrollPass(&view, true, 2000);
    }

    std::printf("\nFirst paint after setEntries (budget 100 ms)\n");
    std::printf(
        "  chat view        %8.1f ms   (GUI-thread CPU %.1f ms; ConversationModel::setEntries "
        "%.1f ms, then layout and measuring %.1f ms, paint %.1f ms; settled %.1f ms)\n",
        firstPaint, firstPaintCpu, modelMs, paintStart - modelMs, firstPaint - paintStart, settled);
    std::printf("  (ConversationModel::deriveItems alone, best of 5: %.1f ms)\n", deriveMs);
    std::printf(
        "  baseline         %8.1f ms   (GUI-thread CPU %.1f ms; QListView, plain text rows)\n",
        baseFirstPaint, baseFirstPaintCpu);

    std::printf("\nScrolling, one wheel notch per frame with a synchronous repaint "
                "(budget p99 16 ms)\n");
    std::vector<double> both = pass1.wall;
    both.insert(both.end(), pass2.wall.begin(), pass2.wall.end());
    std::vector<double> bothCpu = pass1.cpu;
    bothCpu.insert(bothCpu.end(), pass2.cpu.begin(), pass2.cpu.end());
    printPercentiles("chat view, pass 1 (to the top)", percentiles(pass1.wall));
    printPercentiles("chat view, pass 2 (to the bottom)", percentiles(pass2.wall));
    printPercentiles("chat view, both passes", percentiles(both));
    printPercentiles("chat view, both passes, CPU", percentiles(bothCpu));
    printPercentiles("baseline, 2,000 frames up", percentiles(basePass1.wall));
    printPercentiles("baseline, CPU", percentiles(basePass1.cpu));

    std::printf("\nResident memory (budget 250 MB, second pass growth 5 %%)\n");
    std::printf("  empty view %.1f MB, after first paint %.1f MB, after pass 1 %.1f MB, "
                "after pass 2 %.1f MB\n",
                rssEmpty, rssFirst, rssPass1, rssPass2);
    std::printf("  second pass growth %.1f %%\n", (rssPass2 - rssPass1) * 100.0 / rssPass1);
    std::printf("  (allocator: %s)\n",
                tuned ? "mmap threshold fixed at 128 KiB, as the app sets it"
                      : "left as it was (not glibc, or MALLOC_MMAP_THRESHOLD_ is set)");
    return 0;
}
