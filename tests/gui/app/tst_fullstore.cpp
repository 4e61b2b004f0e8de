// SPDX-License-Identifier: GPL-3.0-or-later
// A full disk in the middle of a chat: the store cannot grow (SQLite's max_page_count, which
// makes every write that needs a new page fail with SQLITE_FULL, as a full disk does). The
// typed message is never lost (it stays in the composer), an answer that cannot be saved stays
// on screen, and each is said once, in one sentence that names the full disk and what to do.
#include "app/Application.h"
#include "core/storage/ConversationStore.h"
#include "models/ConversationModel.h"
#include "ui/MainWindow.h"
#include "ui/chat/ChatView.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

class TestFullStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fullDisk_typedMessageStaysInTheComposer();
    void fullDiskMidAnswer_answerKeptAndSaidOnce();

private:
    //! Lets the store's database grow by at most \a pages more pages (-1: no limit again).
    static void limitStore(int pages);
    QTemporaryDir m_home;
};

void TestFullStore::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.path());
    QVERIFY(!qEnvironmentVariableIsEmpty("TRAMONTANE_EMULATOR"));
}

void TestFullStore::limitStore(int pages) {
    const QStringList names = QSqlDatabase::connectionNames();
    QVERIFY(!names.isEmpty());
    for (const QString &name : names) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (!db.isOpen())
            continue;
        QSqlQuery query(db);
        QVERIFY(query.exec(u"PRAGMA page_count"_s) && query.next());
        const int count = query.value(0).toInt();
        const int limit = pages < 0 ? 1073741823 : count + pages;
        QVERIFY2(query.exec(u"PRAGMA max_page_count = %1"_s.arg(limit)),
                 qPrintable(query.lastError().text()));
    }
}

void TestFullStore::fullDisk_typedMessageStaysInTheComposer() {
    Application app(ConnectionConfig::resolve({true, {}, {}, {}, {}, {}}),
                    m_home.filePath(u"typed"_s));
    QString error;
    QVERIFY2(app.start(&error), qPrintable(error));
    MainWindow *window = app.window();
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    auto *targets = window->findChild<QComboBox *>(u"targetComboBox"_s);
    auto *composer = window->findChild<QPlainTextEdit *>(u"composerPlainTextEdit"_s);
    auto *notice = window->findChild<QLabel *>(u"composerNoticeLabel"_s);
    auto *view = window->findChild<ChatView *>(u"chatView"_s);
    QVERIFY(targets && composer && notice && view);
    QTRY_VERIFY_WITH_TIMEOUT(targets->count() > 0, 15000);

    limitStore(0);
    // Far more than the free room in the pages the file already has.
    const QString typed = u"Keep this, rate 0. "_s + QString(60000, u'x');
    composer->setPlainText(typed);
    QTest::keyClick(composer, Qt::Key_Return);
    QCOMPARE(composer->toPlainText(), typed);             // back where it was typed
    QCOMPARE(view->conversationModel()->entryCount(), 0); // not sent: it could not be saved
    QVERIFY(notice->isVisible());
    QVERIFY2(notice->text().contains("disk is full"_L1) && notice->text().contains("Free"_L1),
             qPrintable(notice->text()));

    // With room again, the same message goes.
    limitStore(-1);
    QTest::keyClick(composer, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(view->conversationModel()->entryCount(), 2, 15000);
}

void TestFullStore::fullDiskMidAnswer_answerKeptAndSaidOnce() {
    Application app(ConnectionConfig::resolve({true, {}, {}, {}, {}, {}}),
                    m_home.filePath(u"answer"_s));
    QString error;
    QVERIFY2(app.start(&error), qPrintable(error));
    MainWindow *window = app.window();
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    auto *targets = window->findChild<QComboBox *>(u"targetComboBox"_s);
    auto *composer = window->findChild<QPlainTextEdit *>(u"composerPlainTextEdit"_s);
    auto *view = window->findChild<ChatView *>(u"chatView"_s);
    QVERIFY(targets && composer && view);
    QTRY_VERIFY_WITH_TIMEOUT(targets->count() > 0, 15000);
    QSignalSpy status(window->statusBar(), &QStatusBar::messageChanged);

    composer->setPlainText(u"Write at length, long 6000 rate 3000"_s);
    QTest::keyClick(composer, Qt::Key_Return);
    ConversationModel *model = view->conversationModel();
    // The question and the answer's placeholder are stored; then the disk fills up.
    QTRY_COMPARE_WITH_TIMEOUT(model->entryCount(), 2, 15000);
    limitStore(0);
    QTRY_VERIFY_WITH_TIMEOUT(model->entries().at(1).status == ChatEntry::Status::Complete, 30000);
    QVERIFY(model->entries().at(1).message.content.plainText().size() > 10000); // all on screen

    int said = 0;
    for (const QList<QVariant> &args : std::as_const(status)) {
        const QString text = args.first().toString();
        if (text.contains("not saved"_L1)) {
            ++said;
            QVERIFY2(text.contains("disk is full"_L1), qPrintable(text));
        }
    }
    QCOMPARE(said, 1);
    limitStore(-1);
}

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    TestFullStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_fullstore.moc"
