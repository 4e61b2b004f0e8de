// SPDX-License-Identifier: GPL-3.0-or-later
// A second start of a profile finds the first instance and asks it to come forward; another
// profile, or a socket left by a crashed instance, does not stop a start.
#include "app/SingleInstance.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLocalServer>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

using namespace Qt::StringLiterals;
using Tramontane::SingleInstance;

class TestSingleInstance : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void secondStart_activatesTheFirst();
    void otherProfile_isNotActivated();
    void leftoverSocket_isReplaced();
    void silentServer_isNoInstance();

private:
    QTemporaryDir m_dir;
};

// The second instance runs in its own process in real life; a thread stands in for it here,
// since activateRunning() blocks while the first instance answers from this event loop.
static bool activateFromAnotherThread(const QString &profileDir) {
    std::atomic_bool answered = false;
    std::atomic_bool done = false;
    std::thread second([&] {
        answered = SingleInstance(profileDir).activateRunning(5000);
        done = true;
    });
    QElapsedTimer timer;
    timer.start();
    while (!done && timer.elapsed() < 6000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    second.join();
    return answered;
}

void TestSingleInstance::secondStart_activatesTheFirst() {
    const QString profile = m_dir.filePath(u"profiles/default"_s);
    QVERIFY(!SingleInstance(profile).activateRunning(200)); // nobody runs yet
    SingleInstance first(profile);
    QVERIFY(first.listen());
    QSignalSpy activated(&first, &SingleInstance::activationRequested);
    QVERIFY(activateFromAnotherThread(profile));
    QTRY_COMPARE(activated.count(), 1);
}

void TestSingleInstance::otherProfile_isNotActivated() {
    SingleInstance work(m_dir.filePath(u"profiles/work"_s));
    QVERIFY(work.listen());
    QSignalSpy activated(&work, &SingleInstance::activationRequested);
    const SingleInstance play(m_dir.filePath(u"profiles/play"_s));
    QVERIFY(play.serverName() != work.serverName());
    QVERIFY(!play.activateRunning(200));
    QCOMPARE(activated.count(), 0);
}

void TestSingleInstance::leftoverSocket_isReplaced() {
    const QString profile = m_dir.filePath(u"profiles/crashed"_s);
    SingleInstance instance(profile);
    {
        // A crashed instance leaves its socket file behind: a server that is gone.
        QLocalServer crashed;
        crashed.setSocketOptions(QLocalServer::UserAccessOption);
        QVERIFY(crashed.listen(instance.serverName()));
        const QString path = crashed.fullServerName();
        crashed.close();
        QFile leftover(path);
        QVERIFY(leftover.open(QIODevice::WriteOnly)); // the file stays where the socket was
    }
    QVERIFY(!instance.activateRunning(200));
    QVERIFY(instance.listen());
    QSignalSpy activated(&instance, &SingleInstance::activationRequested);
    QVERIFY(activateFromAnotherThread(profile));
    QTRY_COMPARE(activated.count(), 1);
}

void TestSingleInstance::silentServer_isNoInstance() {
    // Something that accepts the connection but never answers is not taken for the app.
    const QString profile = m_dir.filePath(u"profiles/silent"_s);
    QLocalServer silent;
    QVERIFY(silent.listen(SingleInstance(profile).serverName()));
    std::atomic_bool answered = true;
    std::thread second([&] { answered = SingleInstance(profile).activateRunning(300); });
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 1500)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    second.join();
    QVERIFY(!answered);
}

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
