// SPDX-License-Identifier: GPL-3.0-or-later
// Show as Code (ShowAsCode): nothing without a model or agent; else the next request with the
// text being typed, the key named by its variable, and the demo's note when it talks to it.
#include "app/ShowAsCode.h"
#include "core/net/ApiClient.h"
#include "core/services/ChatService.h"
#include "models/ChatSession.h"
#include "models/ConversationModel.h"
#include "ui/ShowAsCodeDialog.h"

#include <QLabel>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>
#include <QWidget>

using namespace Qt::StringLiterals;
using namespace Tramontane;

class TestShowAsCode : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void noTarget_saysSoAndShowsNothing();
    void model_showsTheNextRequest_withTheDemoNote();
    void realApi_noNote_keyNeverInTheCode();

private:
    ShowAsCodeDialog *waitForDialog();

    QNetworkAccessManager m_nam;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<ChatService> m_chat;
    std::unique_ptr<ConversationModel> m_conversation;
    std::unique_ptr<ChatSession> m_session;
    std::unique_ptr<QWidget> m_window;
    std::unique_ptr<ShowAsCode> m_showAsCode;
};

void TestShowAsCode::init() {
    m_client = std::make_unique<ApiClient>(&m_nam);
    m_chat = std::make_unique<ChatService>(m_client.get());
    m_conversation = std::make_unique<ConversationModel>();
    m_session = std::make_unique<ChatSession>(m_chat.get(), m_conversation.get());
    m_window = std::make_unique<QWidget>();
    m_showAsCode =
        std::make_unique<ShowAsCode>(m_session.get(), m_conversation.get(), m_window.get());
}

void TestShowAsCode::cleanup() {
    m_showAsCode.reset();
    m_window.reset();
    m_session.reset();
    m_conversation.reset();
    m_chat.reset();
    m_client.reset();
}

ShowAsCodeDialog *TestShowAsCode::waitForDialog() {
    ShowAsCodeDialog *dialog = nullptr;
    [&] {
        QTRY_VERIFY((dialog = m_window->findChild<ShowAsCodeDialog *>()));
    }();
    return dialog;
}

void TestShowAsCode::noTarget_saysSoAndShowsNothing() {
    QSignalSpy status(m_showAsCode.get(), &ShowAsCode::statusMessage);
    m_showAsCode->show(u"Hello"_s, {}, {QUrl(u"https://api.mistral.ai"_s), {}, false});
    QCOMPARE(status.size(), 1);
    QCOMPARE(status.first().first().toString(), u"Choose a model or an agent first."_s);
    QCoreApplication::processEvents();
    QVERIFY(!m_window->findChild<ShowAsCodeDialog *>());
}

void TestShowAsCode::model_showsTheNextRequest_withTheDemoNote() {
    m_session->setTarget(ChatSession::TargetKind::Model, u"mistral-small-latest"_s);
    QSignalSpy status(m_showAsCode.get(), &ShowAsCode::statusMessage);
    m_showAsCode->show(u"Typed, not sent"_s, {},
                       {QUrl(u"http://127.0.0.1:4321"_s), u"demo-key-123"_s, true});
    ShowAsCodeDialog *dialog = waitForDialog();
    QVERIFY(dialog);
    QCOMPARE(status.size(), 0);
    const QString curl = dialog->findChild<QPlainTextEdit *>(u"curlPlainTextEdit"_s)->toPlainText();
    QVERIFY2(curl.startsWith(u"curl http://127.0.0.1:4321"_s), qPrintable(curl));
    QVERIFY(curl.contains(u"\"model\": \"mistral-small-latest\""_s));
    QVERIFY(curl.contains(u"Typed, not sent"_s));
    QVERIFY(!curl.contains(u"demo-key-123"_s));
    const QString note = dialog->findChild<QLabel *>(u"noteLabel"_s)->text();
    QVERIFY2(note.contains(u"offline demo at http://127.0.0.1:4321"_s), qPrintable(note));
    dialog->close();
}

void TestShowAsCode::realApi_noNote_keyNeverInTheCode() {
    m_session->setTarget(ChatSession::TargetKind::Model, u"mistral-large-latest"_s);
    m_showAsCode->show({}, {}, {QUrl(u"https://api.mistral.ai"_s), u"sk-secret-987"_s, false});
    ShowAsCodeDialog *dialog = waitForDialog();
    QVERIFY(dialog);
    for (const char *name : {"curlPlainTextEdit", "pythonPlainTextEdit", "typeScriptPlainTextEdit"})
        QVERIFY(!dialog->findChild<QPlainTextEdit *>(QString::fromLatin1(name))
                     ->toPlainText()
                     .contains(u"sk-secret-987"_s));
    QVERIFY(dialog->findChild<QLabel *>(u"noteLabel"_s)->text().isEmpty());
    dialog->close();
}

QTEST_MAIN(TestShowAsCode)
#include "tst_showascode.moc"
