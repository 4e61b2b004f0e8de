// SPDX-License-Identifier: GPL-3.0-or-later
// The whole app in demo mode, made to stream a long answer and then wait to be killed:
// tst_crashrecovery starts it, kills it with SIGKILL mid-answer and reopens the profile.
// Usage: crashchild HOME PROFILE_DIR. It prints one line "STREAMING <n>" once the answer has
// streamed for a while (n: characters shown so far), then streams on until it is killed.
#include "app/Application.h"
#include "models/ChatItem.h"
#include "models/ConversationModel.h"
#include "ui/MainWindow.h"
#include "ui/chat/ChatView.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
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
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: crashchild HOME PROFILE_DIR\n");
        return 2;
    }
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
                composer->setPlainText(u"Tell me everything, long 20000"_s);
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
            if (streaming.elapsed() >= 1500) {
                const QString shown = model->entries().last().message.content.plainText();
                std::fprintf(stdout, "STREAMING %lld\n", static_cast<long long>(shown.size()));
                std::fflush(stdout);
                step = Step::Reported;
            }
            break;
        case Step::Reported:
            break;
        }
    });
    poll.start(20);
    return app.exec();
}
