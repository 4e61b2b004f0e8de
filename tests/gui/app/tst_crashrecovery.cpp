// SPDX-License-Identifier: GPL-3.0-or-later
// "A person can kill the app mid-answer and find their chat intact": the real app (demo mode)
// streams a long answer in a child process, which is killed with SIGKILL; the profile is then
// opened again, as the next start does.
#include "core/storage/ConversationStore.h"
#include "core/storage/MessageText.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

//! Processes whose parent is \a pid (Linux /proc); empty elsewhere.
QList<qint64> childrenOf(qint64 pid) {
    QList<qint64> children;
#ifdef Q_OS_LINUX
    const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 candidate = entry.toLongLong(&isPid);
        if (!isPid)
            continue;
        QFile stat(u"/proc/%1/stat"_s.arg(candidate));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        // "pid (comm) state ppid …": comm may hold spaces, so read after the last ')'.
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields.at(1).toLongLong() == pid)
            children.append(candidate);
    }
#else
    Q_UNUSED(pid)
#endif
    return children;
}

bool isAlive(qint64 pid) {
#ifdef Q_OS_LINUX
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray line = stat.readAll();
    return line.mid(line.lastIndexOf(')') + 2, 1) != "Z";
#else
    Q_UNUSED(pid)
    return false;
#endif
}

} // namespace

class TestCrashRecovery : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void killMidAnswer_keepsTheChatAndTheEmulatorEnds();
    void quitMidAnswer_exitsCleanlyAndKeepsTheShownText();
    void killDuringPause_keepsTheTextShownBeforeThePause();
};

void TestCrashRecovery::killMidAnswer_keepsTheChatAndTheEmulatorEnds() {
#ifndef Q_OS_UNIX
    QSKIP("SIGKILL is a Unix signal");
#else
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QString profile = home.filePath(u"profile"_s);
    const QString child = QDir(QCoreApplication::applicationDirPath()).filePath(u"crashchild"_s);
    QVERIFY2(QFileInfo(child).isExecutable(), qPrintable(child));

    QProcess app;
    app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    app.start(child, {home.path(), profile});
    QVERIFY(app.waitForStarted(10000));
    QTRY_VERIFY_WITH_TIMEOUT(app.canReadLine() || app.state() != QProcess::Running, 60000);
    const QByteArray line = app.readLine().trimmed();
    QVERIFY2(line.startsWith("STREAMING "), line.constData());
    QVERIFY(line.mid(10).toLongLong() > 0);

    const QList<qint64> helpers = childrenOf(app.processId());
#ifdef Q_OS_LINUX
    QVERIFY2(!helpers.isEmpty(), "the demo emulator should run beside the app");
#endif
    ::kill(pid_t(app.processId()), SIGKILL);
    QVERIFY(app.waitForFinished(10000));
    QCOMPARE(app.exitStatus(), QProcess::CrashExit);
    // The demo emulator does not outlive the app.
    for (const qint64 pid : helpers)
        QTRY_VERIFY_WITH_TIMEOUT(!isAlive(pid), 10000);

    // The next start: the stale lock of the killed process is taken over, the answer that was
    // streaming is marked interrupted, and both messages are there with the text that had been
    // checkpointed.
    auto opened = ConversationStore::open(profile);
    QVERIFY2(opened.ok(), qPrintable(opened.error.message));
    QCOMPARE(opened.interruptedMessages, 1);
    ConversationStore &store = *opened.store;
    const auto list = store.listConversations(10);
    QVERIFY(list.ok());
    QCOMPARE(list.value().size(), 1);
    const ConversationInfo info = list.value().first();
    QCOMPARE(info.title, u"Tell me everything, long 20000"_s);
    QCOMPARE(info.model, u"mistral-medium-latest"_s);
    const auto messages = store.messages(info.id);
    QVERIFY(messages.ok());
    QCOMPARE(messages.value().size(), 2);
    QCOMPARE(messages.value().at(0).role, u"user"_s);
    QCOMPARE(MessageText::plainText(messages.value().at(0).message),
             u"Tell me everything, long 20000"_s);
    QCOMPARE(messages.value().at(0).status, MessageStatus::Complete);
    const StoredMessage &answer = messages.value().at(1);
    QCOMPARE(answer.role, u"assistant"_s);
    QCOMPARE(answer.status, MessageStatus::Interrupted);
    QVERIFY(!MessageText::plainText(answer.message).isEmpty());
#endif
}

void TestCrashRecovery::quitMidAnswer_exitsCleanlyAndKeepsTheShownText() {
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QString profile = home.filePath(u"profile"_s);
    const QString child = QDir(QCoreApplication::applicationDirPath()).filePath(u"crashchild"_s);
    QVERIFY2(QFileInfo(child).isExecutable(), qPrintable(child));

    // The window is closed while the answer streams: the app quits by itself.
    QProcess app;
    app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    app.start(child, {home.path(), profile, u"quit"_s});
    QVERIFY(app.waitForStarted(10000));
    QVERIFY2(app.waitForFinished(60000), "the app should quit once its window is closed");
    const QByteArray line = app.readLine().trimmed();
    QVERIFY2(line.startsWith("STREAMING "), line.constData());
    QCOMPARE(app.exitStatus(), QProcess::NormalExit);
    QCOMPARE(app.exitCode(), 0);

    QFile shownFile(QDir(home.path()).filePath(u"shown.txt"_s));
    QVERIFY(shownFile.open(QIODevice::ReadOnly));
    const QString shown = QString::fromUtf8(shownFile.readAll());
    QVERIFY(!shown.isEmpty());

    // The next start finds nothing left streaming: the answer was stopped and stored as the
    // user saw it (at least), marked interrupted.
    auto opened = ConversationStore::open(profile);
    QVERIFY2(opened.ok(), qPrintable(opened.error.message));
    QCOMPARE(opened.interruptedMessages, 0);
    const auto list = opened.store->listConversations(10);
    QVERIFY(list.ok());
    QCOMPARE(list.value().size(), 1);
    const auto messages = opened.store->messages(list.value().first().id);
    QVERIFY(messages.ok());
    QCOMPARE(messages.value().size(), 2);
    const StoredMessage &answer = messages.value().at(1);
    QCOMPARE(answer.status, MessageStatus::Interrupted);
    const QString stored = MessageText::plainText(answer.message);
    qInfo("shown %lld characters, stored %lld", static_cast<long long>(shown.size()),
          static_cast<long long>(stored.size()));
    QVERIFY2(stored.startsWith(shown), "the stored answer should hold all the text shown");
}

void TestCrashRecovery::killDuringPause_keepsTheTextShownBeforeThePause() {
#ifndef Q_OS_UNIX
    QSKIP("SIGKILL is a Unix signal, and the emulator wrapper a shell script");
#else
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QString profile = home.filePath(u"profile"_s);
    const QString child = QDir(QCoreApplication::applicationDirPath()).filePath(u"crashchild"_s);
    QVERIFY2(QFileInfo(child).isExecutable(), qPrintable(child));
    const QString emulator = qEnvironmentVariable("TRAMONTANE_EMULATOR");
    QVERIFY2(QFileInfo(emulator).isExecutable(), "TRAMONTANE_EMULATOR names the emulator");

    // The app's own emulator, with a stream that stops after a burst and stays silent (what
    // a running tool looks like).
    const QString wrapper = home.filePath(u"emulator"_s);
    {
        QFile script(wrapper);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\nexec '" + emulator.toUtf8()
                     + "' \"$@\" --fault "
                       "'{\"kind\":\"pause\",\"path\":\"/v1/chat/completions\","
                       "\"after_events\":40}'\n");
        script.close();
        QVERIFY(script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    }
    QProcess app;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"TRAMONTANE_EMULATOR"_s, wrapper);
    app.setProcessEnvironment(environment);
    app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    app.start(child, {home.path(), profile, u"pause"_s});
    QVERIFY(app.waitForStarted(10000));
    QTRY_VERIFY_WITH_TIMEOUT(app.canReadLine() || app.state() != QProcess::Running, 60000);
    const QByteArray line = app.readLine().trimmed();
    QVERIFY2(line.startsWith("STREAMING "), line.constData());
    // Three seconds into the pause, no delta since the burst: killed.
    ::kill(pid_t(app.processId()), SIGKILL);
    QVERIFY(app.waitForFinished(10000));

    QFile shownFile(QDir(home.path()).filePath(u"shown.txt"_s));
    QVERIFY(shownFile.open(QIODevice::ReadOnly));
    const QString shown = QString::fromUtf8(shownFile.readAll());
    QVERIFY(!shown.isEmpty());

    auto opened = ConversationStore::open(profile);
    QVERIFY2(opened.ok(), qPrintable(opened.error.message));
    QCOMPARE(opened.interruptedMessages, 1);
    const auto list = opened.store->listConversations(10);
    QVERIFY(list.ok());
    QCOMPARE(list.value().size(), 1);
    const auto messages = opened.store->messages(list.value().first().id);
    QVERIFY(messages.ok());
    QCOMPARE(messages.value().size(), 2);
    const QString stored = MessageText::plainText(messages.value().at(1).message);
    qInfo("shown %lld characters before the pause, stored %lld",
          static_cast<long long>(shown.size()), static_cast<long long>(stored.size()));
    QCOMPARE(stored, shown);
#endif
}

QTEST_GUILESS_MAIN(TestCrashRecovery)
#include "tst_crashrecovery.moc"
