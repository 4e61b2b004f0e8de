// SPDX-License-Identifier: GPL-3.0-or-later
// A long session of the real window, compressed into about a minute: soakchild drives the
// app (demo mode) through long answers, idle spells past the thread pool's expiry (shortened
// through TRAMONTANE_THREAD_EXPIRY_MS), scrolling, resizing, switching chats, and a quit while
// an answer streams; then a second start on the same profile reopens every chat. Each run
// must end with exit code 0 and no sanitizer report, and the store must hold everything that
// was shown.
#include "core/ThreadPoolTuning.h"
#include "core/storage/ConversationStore.h"
#include "core/storage/MessageText.h"
#include "models/ChatItem.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

constexpr int kThreadExpiryMs = 2000;

//! What soakchild reported: prompt → the answer shown and its status.
struct Shown {
    QString answer;
    ChatEntry::Status status = ChatEntry::Status::Complete;
};

QHash<QString, Shown> readReport(const QString &path) {
    QHash<QString, Shown> shown;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return shown;
    const QJsonArray chats = QJsonDocument::fromJson(file.readAll()).array();
    for (const QJsonValue &chat : chats) {
        const QJsonObject object = chat.toObject();
        shown.insert(object.value(u"prompt"_s).toString(),
                     {object.value(u"answer"_s).toString(),
                      ChatEntry::Status(object.value(u"status"_s).toInt())});
    }
    return shown;
}

//! Lines of \a log that a sanitizer (ASan, LSan, UBSan) or Qt's fatal handler writes.
QStringList alarms(const QByteArray &log) {
    QStringList found;
    for (const QByteArray &line : log.split('\n')) {
        if (line.contains("ERROR: AddressSanitizer") || line.contains("ERROR: LeakSanitizer")
            || line.contains("runtime error:") || line.contains("SUMMARY: ")
            || line.contains("QFATAL") || line.contains("ASSERT"))
            found.append(QString::fromUtf8(line));
    }
    return found;
}

} // namespace

class TestSoak : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void longSession_survivesAndKeepsEverythingShown();

private:
    //! Runs soakchild for \a run; fails the test unless it exits 0 without a sanitizer report.
    void runChild(const QString &run);

    QTemporaryDir m_home;
};

void TestSoak::runChild(const QString &run) {
    const QString child = QDir(QCoreApplication::applicationDirPath()).filePath(u"soakchild"_s);
    QVERIFY2(QFileInfo(child).isExecutable(), qPrintable(child));
    QProcess app;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QString::fromLatin1(kThreadExpiryVariable),
                       QString::number(kThreadExpiryMs));
    app.setProcessEnvironment(environment);
    app.start(child, {m_home.path(), m_home.filePath(u"profile"_s), run});
    QVERIFY(app.waitForStarted(10000));
    const bool finished = app.waitForFinished(240000);
    const QByteArray out = app.readAllStandardOutput();
    const QByteArray err = app.readAllStandardError();
    if (!finished) {
        app.kill();
        app.waitForFinished(5000);
    }
    const QByteArray steps = out.trimmed().replace('\n', ", ");
    qInfo("%s run: %s", qPrintable(run), steps.constData());
    if (app.exitStatus() != QProcess::NormalExit || app.exitCode() != 0 || !alarms(err).isEmpty())
        std::fprintf(stderr, "%s\n", err.constData()); // the whole report, for the log
    QVERIFY2(finished, "soakchild did not finish");
    QVERIFY2(app.exitStatus() == QProcess::NormalExit,
             qPrintable(u"soakchild crashed after: "_s + QString::fromUtf8(steps)));
    QVERIFY2(alarms(err).isEmpty(), qPrintable(alarms(err).join(u'\n')));
    QCOMPARE(app.exitCode(), 0);
}

void TestSoak::longSession_survivesAndKeepsEverythingShown() {
    QVERIFY(m_home.isValid());
    QVERIFY(!qEnvironmentVariableIsEmpty("TRAMONTANE_EMULATOR"));

    runChild(u"first"_s);
    if (QTest::currentTestFailed())
        return;
    const QHash<QString, Shown> shown = readReport(m_home.filePath(u"first.json"_s));
    QCOMPARE(shown.size(), 4);

    // What the store holds after the first run: every answer as it was shown, the one that was
    // streaming at the quit marked interrupted and holding at least what was shown.
    {
        auto opened = ConversationStore::open(m_home.filePath(u"profile"_s));
        QVERIFY2(opened.ok(), qPrintable(opened.error.message));
        QCOMPARE(opened.interruptedMessages, 0); // nothing was left "streaming"
        const auto list = opened.store->listConversations(50);
        QVERIFY(list.ok());
        QCOMPARE(list.value().size(), shown.size());
        int interrupted = 0;
        for (const ConversationInfo &info : list.value()) {
            const auto messages = opened.store->messages(info.id);
            QVERIFY(messages.ok());
            QCOMPARE(messages.value().size(), 2);
            const QString prompt = MessageText::plainText(messages.value().at(0).message);
            QVERIFY2(shown.contains(prompt), qPrintable(prompt));
            const Shown &expected = shown.value(prompt);
            const StoredMessage &answer = messages.value().at(1);
            const QString stored = MessageText::plainText(answer.message);
            if (expected.status == ChatEntry::Status::Streaming) {
                ++interrupted;
                QCOMPARE(answer.status, MessageStatus::Interrupted);
                QVERIFY2(stored.startsWith(expected.answer), qPrintable(prompt));
            } else {
                QCOMPARE(answer.status, MessageStatus::Complete);
                QCOMPARE(stored, expected.answer);
                QVERIFY(stored.size() > 8 * 1024); // long enough to be built on a pool thread
            }
        }
        QCOMPARE(interrupted, 1);
    }

    // The next start reopens every chat and shows what was shown before.
    runChild(u"second"_s);
    if (QTest::currentTestFailed())
        return;
    const QHash<QString, Shown> reopened = readReport(m_home.filePath(u"second.json"_s));
    QCOMPARE(reopened.size(), shown.size());
    for (auto it = shown.cbegin(); it != shown.cend(); ++it) {
        QVERIFY2(reopened.contains(it.key()), qPrintable(it.key()));
        const Shown &now = reopened.value(it.key());
        if (it->status == ChatEntry::Status::Streaming) {
            QCOMPARE(now.status, ChatEntry::Status::Interrupted);
            QVERIFY(now.answer.startsWith(it->answer));
        } else {
            QCOMPARE(now.status, ChatEntry::Status::Complete);
            QCOMPARE(now.answer, it->answer);
        }
    }
}

QTEST_GUILESS_MAIN(TestSoak)
#include "tst_soak.moc"
