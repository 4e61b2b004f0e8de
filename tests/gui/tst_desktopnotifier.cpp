// SPDX-License-Identifier: GPL-3.0-or-later
// Desktop notifications go to the freedesktop Notifications service of the session bus; a
// fake one records what it is asked to show and plays the person clicking it.
#include "support/FakeNotificationServer.h"
#include "ui/DesktopNotifier.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Tramontane::DesktopNotifier;
using Tramontane::Test::FakeNotificationServer;

class TestDesktopNotifier : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void notification_isPlainTextAndAClickOpensItsConversation();
    void disabled_showsNothing();

private:
    std::unique_ptr<FakeNotificationServer> m_server;
};

void TestDesktopNotifier::initTestCase() {
    QApplication::setApplicationDisplayName(u"Tramontane notifier test"_s);
    QApplication::setDesktopFileName(u"io.github.tramontane_app.Tramontane"_s);
    m_server = std::make_unique<FakeNotificationServer>();
    if (!m_server->unavailableReason().isEmpty())
        QSKIP(qPrintable(m_server->unavailableReason()));
}

void TestDesktopNotifier::notification_isPlainTextAndAClickOpensItsConversation() {
    m_server->clear();
    DesktopNotifier notifier;
    QSignalSpy activated(&notifier, &DesktopNotifier::activated);
    notifier.notify(u"Answer ready"_s, u"Use <b>bold</b> & co"_s, 42);
    QTRY_COMPARE(m_server->calls().size(), 1);
    const FakeNotificationServer::Call call = m_server->calls().first();
    QCOMPARE(call.appName, u"Tramontane notifier test"_s);
    QCOMPARE(call.appIcon, u"io.github.tramontane_app.Tramontane"_s);
    QCOMPARE(call.summary, u"Answer ready"_s);
    // Plain text: nothing becomes markup on the server.
    QCOMPARE(call.body, u"Use &lt;b&gt;bold&lt;/b&gt; &amp; co"_s);
    QVERIFY(call.actions.contains(u"default"_s));
    QCOMPARE(call.hints.value(u"desktop-entry"_s).toString(),
             u"io.github.tramontane_app.Tramontane"_s);

    // The reply's id has to arrive before a click can be matched to it.
    QTest::qWait(100);
    m_server->click(call.id);
    QTRY_COMPARE(activated.count(), 1);
    QCOMPARE(activated.first().first().toLongLong(), 42);
    // Another application's notification, or a closed one, opens nothing.
    m_server->click(call.id + 1000);
    m_server->close(call.id);
    m_server->click(call.id);
    QTest::qWait(200);
    QCOMPARE(activated.count(), 1);
}

void TestDesktopNotifier::disabled_showsNothing() {
    m_server->clear();
    DesktopNotifier notifier;
    notifier.setEnabled(false);
    notifier.notify(u"Answer ready"_s, u"text"_s, 1);
    QTest::qWait(200);
    QVERIFY(m_server->calls().isEmpty());
}

QTEST_MAIN(TestDesktopNotifier)
#include "tst_desktopnotifier.moc"
