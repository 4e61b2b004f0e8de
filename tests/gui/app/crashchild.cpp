// SPDX-License-Identifier: GPL-3.0-or-later
// The whole app in demo mode, made to stream a long answer and then wait to be killed:
// tst_crashrecovery starts it, kills it with SIGKILL mid-answer and reopens the profile.
// Usage: crashchild HOME PROFILE_DIR [quit|pause]. It prints one line "STREAMING <n>" once the
// answer has streamed for a while (n: characters shown so far), then streams on until it is
// killed. With "quit", it closes the window there instead (as a person quitting does), after
// writing the text shown at that moment to HOME/shown.txt, and exits with the app's code.
// With "pause", the answer comes at once (the test's emulator pauses the stream early, as
// while a tool runs): it reports 3 s into the pause, writes HOME/shown.txt, and waits.
#include "app/Application.h"
#include "models/ChatItem.h"
#include "models/ConversationModel.h"
#include "ui/MainWindow.h"
#include "ui/chat/ChatView.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Tramontane;

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Tramontane"_s);
    QApplication::setApplicationName(u"Tramontane"_s);
    const QStringList args = QApplication::arguments();
    const QString mode = args.size() == 4 ? args.at(3) : QString();
    if (args.size() < 3 || args.size() > 4
        || !(mode.isEmpty() || mode == u"quit"_s || mode == u"pause"_s)) {
        std::fprintf(stderr, "usage: crashchild HOME PROFILE_DIR [quit|pause]\n");
        return 2;
    }
    const bool quit = mode == u"quit"_s;
    const bool pause = mode == u"pause"_s;
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, args.at(1));

    Application application(ConnectionConfig::resolve({true, {}, {}, {}, {}, {}}), args.at(2));
    QString error;
    if (!application.start(&error)) {
        std::fprintf(stderr, "crashchild: %s\n", qPrintable(error));
        return 1;
    }
    MainWindow *window = application.window();
    window->show();
    auto *targets = window->findChild<QComboBox *>(u"targetComboBox"_s);
    auto *composer = window->findChild<QPlainTextEdit *>(u"composerPlainTextEdit"_s);
    auto *send = window->findChild<QPushButton *>(u"sendPushButton"_s);
    auto *view = window->findChild<ChatView *>(u"chatView"_s);
    if (!targets || !composer || !send || !view)
        return 3;

    // Poll (a test driver, not the app): send once the models are listed, then report when the
    // answer has been streaming for 1.5 s (the app checkpoints at least every second).
    enum class Step { WaitModels, WaitStream, Streaming, Reported } step = Step::WaitModels;
    QElapsedTimer streaming;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &app, [&] {
        ConversationModel *model = view->conversationModel();
        switch (step) {
        case Step::WaitModels:
            if (targets->count() > 0) {
                // Slow enough that quitting always happens mid-answer.
                composer->setPlainText(quit    ? u"Tell me everything, long 20000 rate 100"_s
                                       : pause ? u"Tell me everything, long 20000 rate 0"_s
                                               : u"Tell me everything, long 20000"_s);
                send->click();
                step = Step::WaitStream;
            }
            break;
        case Step::WaitStream:
            if (model->entryCount() >= 2
                && model->entries().last().status == ChatEntry::Status::Streaming
                && !model->entries().last().message.content.plainText().isEmpty()) {
                streaming.start();
                step = Step::Streaming;
            }
            break;
        case Step::Streaming:
            if (streaming.elapsed() >= (pause ? 3000 : 1500)) {
                const QString shown = model->entries().last().message.content.plainText();
                std::fprintf(stdout, "STREAMING %lld\n", static_cast<long long>(shown.size()));
                std::fflush(stdout);
                step = Step::Reported;
                if (quit || pause) {
                    QFile file(QDir(args.at(1)).filePath(u"shown.txt"_s));
                    if (!file.open(QIODevice::WriteOnly) || file.write(shown.toUtf8()) < 0)
                        QApplication::exit(4);
                }
                if (quit)
                    window->close(); // the last window: the app quits
            }
            break;
        case Step::Reported:
            break;
        }
    });
    poll.start(20);
    return app.exec();
}
