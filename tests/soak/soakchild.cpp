// SPDX-License-Identifier: GPL-3.0-or-later
// The whole app in demo mode, driven through what a person does over a long session,
// compressed: long answers, idle spells past the thread pool's expiry, scrolling, window
// resizes, switching chats in the history sidebar, and quitting while an answer streams.
// tst_soak runs it twice on one profile ("first", then "second") and checks the process
// survives each run and that the store holds everything that was shown.
//
// Usage: soakchild HOME PROFILE_DIR first|second. Writes HOME/<run>.json: for each chat, its
// first message and the answer shown (text and status). Prints "STEP <name>" as it goes.
// Exits 0 once the window was closed and the app quit; non-zero when a step timed out.
#include "app/Application.h"
#include "core/ThreadPoolTuning.h"
#include "models/ChatItem.h"
#include "models/ConversationModel.h"
#include "ui/HistorySidebar.h"
#include "ui/MainWindow.h"
#include "ui/chat/ChatView.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListView>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QThreadPool>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

class Driver {
public:
    Driver(MainWindow *window, QString reportPath)
        : m_window(window)
        , m_reportPath(std::move(reportPath)) {
        m_targets = window->findChild<QComboBox *>(u"targetComboBox"_s);
        m_composer = window->findChild<QPlainTextEdit *>(u"composerPlainTextEdit"_s);
        m_view = window->findChild<ChatView *>(u"chatView"_s);
        auto *sidebar = window->findChild<HistorySidebar *>(u"historySidebar"_s);
        m_list = sidebar ? sidebar->conversationView() : nullptr;
    }

    bool valid() const { return m_targets && m_composer && m_view && m_list; }

    //! Runs the steps of one run; false (with a line on stderr) when one of them failed.
    bool run(bool first) {
        step("start");
        if (!waitFor([this] { return m_targets->count() > 0; }, 30000, "the models"))
            return false;
        return first ? firstRun() : secondRun();
    }

private:
    static void step(const char *name) {
        std::fprintf(stdout, "STEP %s\n", name);
        std::fflush(stdout);
    }

    static bool waitFor(const std::function<bool()> &condition, int ms, const char *what) {
        if (QTest::qWaitFor(condition, ms))
            return true;
        std::fprintf(stderr, "soakchild: timed out waiting for %s\n", what);
        return false;
    }

    ConversationModel *model() const { return m_view->conversationModel(); }

    //! Idles (the event loop runs, nothing happens) until pool threads have expired.
    void idlePastThreadExpiry() {
        step("idle");
        QTest::qWait(QThreadPool::globalInstance()->expiryTimeout() + 1500);
    }

    //! Scrolls the chat from the top to the bottom and back, a few screens at a time.
    void scrollThrough() {
        step("scroll");
        QScrollBar *bar = m_view->verticalScrollBar();
        for (int pass = 0; pass < 2; ++pass) {
            const int steps = 12;
            for (int i = 0; i <= steps; ++i) {
                const int value = bar->minimum() + (bar->maximum() - bar->minimum()) * i / steps;
                bar->setValue(pass == 0 ? bar->maximum() - value + bar->minimum() : value);
                QTest::qWait(15);
            }
        }
    }

    //! Narrows the window and widens it again: every shown message is laid out anew.
    void resizeBackAndForth() {
        step("resize");
        const QSize size = m_window->size();
        m_window->resize(size.width() - 240, size.height());
        QTest::qWait(150);
        m_window->resize(size);
        QTest::qWait(150);
    }

    //! Clicks every chat in the history sidebar in turn, scrolling through each.
    bool visitEveryChat(QJsonArray *seen) {
        step("switch");
        for (int row = 0; row < m_list->model()->rowCount(); ++row) {
            const QModelIndex index = m_list->model()->index(row, 0);
            m_list->scrollTo(index);
            QTest::mouseClick(m_list->viewport(), Qt::LeftButton, {},
                              m_list->visualRect(index).center());
            if (!waitFor([this] { return model()->entryCount() >= 2; }, 10000, "a chat to open"))
                return false;
            QTest::qWait(300); // long answers are built on a pool thread, then laid out in slices
            scrollThrough();
            if (seen)
                seen->append(shownChat());
        }
        return true;
    }

    QJsonObject shownChat() const {
        const QList<ChatEntry> &entries = model()->entries();
        const ChatEntry &answer = entries.at(1);
        return QJsonObject{{u"prompt"_s, entries.first().message.content.plainText()},
                           {u"answer"_s, answer.message.content.plainText()},
                           {u"status"_s, int(answer.status)}};
    }

    void type(const QString &text) {
        m_composer->setFocus();
        m_composer->setPlainText(text);
        QTest::keyClick(m_composer, Qt::Key_Return);
    }

    bool longAnswer(const QString &prompt, QJsonArray *shown) {
        step("answer");
        m_window->newChatAction()->trigger();
        type(prompt);
        if (!waitFor(
                [this] {
                    return model()->entryCount() >= 2
                           && model()->entries().last().status == ChatEntry::Status::Complete;
                },
                120000, "a long answer"))
            return false;
        shown->append(shownChat());
        scrollThrough();
        return true;
    }

    bool firstRun() {
        QJsonArray shown;
        for (int i = 1; i <= 3; ++i) {
            if (!longAnswer(u"Soak answer %1, long 5000 rate 4000"_s.arg(i), &shown))
                return false;
        }
        if (!visitEveryChat(nullptr))
            return false;
        idlePastThreadExpiry();
        scrollThrough();
        resizeBackAndForth();
        if (!visitEveryChat(nullptr))
            return false;
        idlePastThreadExpiry();
        scrollThrough();
        resizeBackAndForth();

        // A slow answer, and the window closed while it streams.
        step("quit-mid-answer");
        m_window->newChatAction()->trigger();
        type(u"Soak interrupted, long 5000 rate 150"_s);
        if (!waitFor(
                [this] {
                    return model()->entryCount() >= 2
                           && model()->entries().last().message.content.plainText().size() > 500;
                },
                60000, "the slow answer to stream"))
            return false;
        if (model()->entries().last().status != ChatEntry::Status::Streaming) {
            std::fprintf(stderr, "soakchild: the slow answer ended before the quit\n");
            return false;
        }
        shown.append(shownChat());
        if (!writeReport(shown))
            return false;
        m_window->close(); // the last window: the app quits
        return true;
    }

    bool secondRun() {
        QJsonArray seen;
        if (!visitEveryChat(&seen))
            return false;
        idlePastThreadExpiry();
        scrollThrough();
        resizeBackAndForth();
        if (!visitEveryChat(nullptr))
            return false;
        idlePastThreadExpiry();
        scrollThrough();
        if (!writeReport(seen))
            return false;
        step("quit");
        m_window->close();
        return true;
    }

    bool writeReport(const QJsonArray &chats) const {
        QFile file(m_reportPath);
        if (!file.open(QIODevice::WriteOnly)
            || file.write(QJsonDocument(chats).toJson(QJsonDocument::Compact)) < 0) {
            std::fprintf(stderr, "soakchild: could not write %s\n", qPrintable(m_reportPath));
            return false;
        }
        return true;
    }

    MainWindow *m_window;
    QString m_reportPath;
    QComboBox *m_targets = nullptr;
    QPlainTextEdit *m_composer = nullptr;
    ChatView *m_view = nullptr;
    QListView *m_list = nullptr;
};

} // namespace

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Tramontane"_s);
    QApplication::setApplicationName(u"Tramontane"_s);
    applyThreadExpiryFromEnvironment();
    const QStringList args = QApplication::arguments();
    if (args.size() != 4 || (args.at(3) != u"first"_s && args.at(3) != u"second"_s)) {
        std::fprintf(stderr, "usage: soakchild HOME PROFILE_DIR first|second\n");
        return 2;
    }
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, args.at(1));

    Application application(ConnectionConfig::resolve({true, {}, {}, {}, {}, {}}), args.at(2));
    QString error;
    if (!application.start(&error)) {
        std::fprintf(stderr, "soakchild: %s\n", qPrintable(error));
        return 1;
    }
    MainWindow *window = application.window();
    window->resize(1000, 700);
    window->show();
    Driver driver(window, QDir(args.at(1)).filePath(args.at(3) + u".json"_s));
    if (!driver.valid())
        return 3;
    const bool first = args.at(3) == u"first"_s;
    QTimer::singleShot(0, &app, [&] {
        if (!driver.run(first))
            QApplication::exit(4);
    });
    return app.exec();
}
