// SPDX-License-Identifier: GPL-3.0-or-later
// "Find in this chat" on a 10,000-message conversation opened at its newest 200 messages (the
// older ones read as the app's pager gives them, not loaded into the view):
//   1. a query over the whole conversation: the first one (every searched row's text rendered
//      from its markdown, older messages in slices between events: the GUI is blocked for the
//      call, then for the longest pass), then another one (texts already rendered), for a
//      common word and a rare one;
//   2. a repaint of the view at the bottom with the find bar closed, then open with matches on
//      screen (p50/p99 of synchronous repaints): closed must cost what it cost before;
//   3. next match with the view scrolled to it.
//
// Usage: chat_find_bench [messages]
#include "ChatBenchSupport.h"
#include "models/ConversationModel.h"
#include "ui/chat/ChatFindMatches.h"
#include "ui/chat/ChatView.h"

#include <QApplication>
#include <QElapsedTimer>

#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Tramontane;
using namespace ChatBench;

namespace {

constexpr QSize kWindow(1000, 800);
constexpr int kLoaded = 200;
constexpr int kRepaints = 200;

struct Query {
    double callMs = 0;    // setQuery() itself
    double longestMs = 0; // the longest event-loop pass until the search ended
    double totalMs = 0;   // until every message was searched
};

Query query(ChatFindMatches &matches, const QString &needle, const QString &from) {
    Query q;
    QElapsedTimer total;
    total.start();
    matches.setQuery(needle, Qt::CaseInsensitive, from);
    q.callMs = total.nsecsElapsed() / 1e6;
    while (matches.isSearching()) {
        QElapsedTimer pass;
        pass.start();
        QCoreApplication::processEvents();
        q.longestMs = qMax(q.longestMs, pass.nsecsElapsed() / 1e6);
    }
    q.totalMs = total.nsecsElapsed() / 1e6;
    return q;
}

void printQuery(const char *label, const Query &q, int count) {
    std::printf("  %-34s call %6.1f ms, longest pass after %5.1f ms, all searched %6.1f ms, "
                "%d matches\n",
                label, q.callMs, q.longestMs, q.totalMs, count);
}

Percentiles repaints(ChatView &view) {
    std::vector<double> times;
    for (int i = 0; i < kRepaints; ++i) {
        QElapsedTimer t;
        t.start();
        view.viewport()->repaint();
        times.push_back(t.nsecsElapsed() / 1e6);
    }
    return percentiles(times);
}

} // namespace

int main(int argc, char **argv) {
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    chooseHeadlessPlatform();
    QApplication app(argc, argv);
    const int messages = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 10000;
    std::printf("chat_find_bench: %d messages (newest %d loaded), window %dx%d, load average %s\n",
                messages, kLoaded, kWindow.width(), kWindow.height(), loadAverage().constData());

    const QList<ChatEntry> all = conversation(messages, 0);
    const QList<ChatEntry> older = all.mid(0, all.size() - kLoaded);
    ConversationModel model;
    model.setEntries(all.mid(all.size() - kLoaded), [&older] { return older; });
    ChatView view;
    view.setModel(&model);
    view.resize(kWindow);
    view.show();
    for (int i = 0; i < 20; ++i)
        QCoreApplication::processEvents();
    view.scrollToLatest();
    QCoreApplication::processEvents();

    ChatFindMatches matches;
    matches.setModel(&model);
    const QString bottomKey = model.item(model.rowCount() - 1).key;
    std::printf("queries over the whole conversation\n");
    const Query firstRare = query(matches, u"carefully"_s, bottomKey);
    printQuery("rare word, first", firstRare, matches.count());
    const Query firstCommon = query(matches, u"memory"_s, bottomKey);
    printQuery("common word, first (renders texts)", firstCommon, matches.count());
    const Query againCommon = query(matches, u"memor"_s, bottomKey);
    printQuery("common word, texts rendered", againCommon, matches.count());
    const Query againRare = query(matches, u"careful l"_s, bottomKey);
    printQuery("rare phrase, texts rendered", againRare, matches.count());
    std::printf("  rows searched %d (%d not loaded)\n", matches.searchedRows(),
                matches.rowsNotLoaded());

    matches.setQuery(u"memory"_s, Qt::CaseInsensitive, bottomKey);
    const Percentiles closed = repaints(view);
    view.setFindMatches(&matches);
    const Percentiles open = repaints(view);
    view.setFindMatches(nullptr);
    const Percentiles closedAgain = repaints(view);
    printPercentiles("repaint, find closed  ", closed);
    printPercentiles("repaint, find open    ", open);
    printPercentiles("repaint, closed again ", closedAgain);

    std::vector<double> steps;
    view.setFindMatches(&matches);
    for (int i = 0; i < 50; ++i) {
        QElapsedTimer t;
        t.start();
        matches.previous();
        int hint = -1;
        const int row = view.rowOfKey(matches.current().key, hint);
        if (row >= 0)
            view.showRowAt(row, 0);
        view.viewport()->repaint();
        steps.push_back(t.nsecsElapsed() / 1e6);
    }
    printPercentiles("previous match + repaint", percentiles(steps));
    return 0;
}
