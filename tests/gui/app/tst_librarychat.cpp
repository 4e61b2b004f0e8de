// SPDX-License-Identifier: GPL-3.0-or-later
// Document libraries in the whole app, against the emulator: a library with a text file made
// through the API shows in the tools menu's Document libraries once the menu opens; picked,
// the question goes through /v1/conversations with a document_library tool, the chat shows the
// library search as a tool card and the answer cites the file by name, with nothing to open.
#include "app/Application.h"
#include "models/ChatItem.h"
#include "models/ConversationModel.h"
#include "ui/MainWindow.h"
#include "ui/chat/ChatItemText.h"
#include "ui/chat/ChatView.h"

#include "IntegrationSupport.h"
#include "support/EmulatorProcess.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QJsonDocument>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {
constexpr auto Key = "library-gui-key-1234";
}

class TestLibraryChat : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void pickedLibrary_isSearchedAndItsFileCited();

private:
    void startApp(const QString &profile);
    QString createLibraryWithFile(const QString &name, const QByteArray &fileName,
                                  const QByteArray &text);
    int rowOf(ChatItem::Kind kind, const QString &toolName = {}) const;

    QTemporaryDir m_home;
    Test::EmulatorProcess m_emulator;
    std::unique_ptr<Test::HttpDriver> m_driver;
    std::unique_ptr<Application> m_app;
    MainWindow *m_window = nullptr;
    QPlainTextEdit *m_composer = nullptr;
    ChatView *m_view = nullptr;
    ConversationModel *m_model = nullptr;
};

void TestLibraryChat::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.path());
    QVERIFY2(m_emulator.start(QString::fromLatin1(Key)), qPrintable(m_emulator.errorString()));
    m_driver = std::make_unique<Test::HttpDriver>(m_emulator.baseUrl(), Key);
}

void TestLibraryChat::init() {
    QCOMPARE(m_driver->send("POST", u"/__admin/reset"_s).status, 200);
    QCOMPARE(m_driver->post(u"/__admin/config"_s, {{u"library_processing_ms"_s, 100}}).status, 200);
}

void TestLibraryChat::cleanup() {
    m_app.reset();
}

void TestLibraryChat::startApp(const QString &profile) {
    ConnectionConfig::Inputs in;
    in.settingsMode = u"api"_s;
    in.baseUrlArgument = m_emulator.baseUrl().toString();
    in.apiKeyEnv = m_emulator.apiKey();
    m_app = std::make_unique<Application>(ConnectionConfig::resolve(in), m_home.filePath(profile));
    QString error;
    QVERIFY2(m_app->start(&error), qPrintable(error));
    m_window = m_app->window();
    m_window->resize(1100, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_composer = m_window->findChild<QPlainTextEdit *>(u"composerPlainTextEdit"_s);
    m_view = m_window->findChild<ChatView *>(u"chatView"_s);
    auto *targets = m_window->findChild<QComboBox *>(u"targetComboBox"_s);
    QVERIFY(m_composer && m_view && targets);
    m_model = m_view->conversationModel();
    QTRY_VERIFY_WITH_TIMEOUT(targets->count() > 0, 15000);
}

QString TestLibraryChat::createLibraryWithFile(const QString &name, const QByteArray &fileName,
                                               const QByteArray &text) {
    const QString id =
        m_driver->post(u"/v1/libraries"_s, {{u"name"_s, name}}).object().value("id"_L1).toString();
    if (id.isEmpty())
        return {};
    QNetworkRequest request(m_driver->url(u"/v1/libraries/%1/documents"_s.arg(id)));
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArray("multipart/form-data; boundary=b0undary"));
    request.setRawHeader("Authorization", QByteArray("Bearer ") + Key);
    QNetworkReply *reply = m_driver->nam().post(
        request, "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                     + fileName + "\"\r\nContent-Type: text/plain\r\n\r\n" + text
                     + "\r\n--b0undary--\r\n");
    (void)QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000);
    const QString document =
        QJsonDocument::fromJson(reply->readAll()).object().value("id"_L1).toString();
    reply->deleteLater();
    const QString status = u"/v1/libraries/%1/documents/%2/status"_s.arg(id, document);
    const bool done =
        !document.isEmpty()
        && QTest::qWaitFor(
            [&] {
                return m_driver->get(status).object().value("process_status"_L1).toString()
                       == "done"_L1;
            },
            5000);
    return done ? id : QString();
}

int TestLibraryChat::rowOf(ChatItem::Kind kind, const QString &toolName) const {
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const ChatItem &item = m_model->item(r);
        if (item.kind == kind && (toolName.isEmpty() || item.toolName == toolName))
            return r;
    }
    return -1;
}

void TestLibraryChat::pickedLibrary_isSearchedAndItsFileCited() {
    const QString library = createLibraryWithFile(
        u"Handbook"_s, "wind-notes.txt",
        "Winds of the south.\nThe tramontane is a cold, dry wind from the north-west.");
    QVERIFY(!library.isEmpty());
    startApp(u"libraries"_s);

    // The libraries load when the tools menu opens.
    auto *tools = m_window->findChild<QMenu *>(u"toolsMenu"_s);
    QVERIFY(tools);
    QVERIFY(!m_window->findChild<QAction *>(u"libraryAction_"_s + library));
    tools->popup(m_window->mapToGlobal(QPoint(100, 100)));
    QAction *pick = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (pick = m_window->findChild<QAction *>(u"libraryAction_"_s + library)) != nullptr, 10000);
    QCOMPARE(pick->text(), u"Handbook"_s);
    pick->trigger();
    tools->hide();
    auto *toolsButton = m_window->findChild<QAbstractButton *>(u"toolsToolButton"_s);
    QVERIFY(toolsButton);
    QCOMPARE(toolsButton->text(), u"Tools (2)"_s); // image generation and the library

    m_composer->setFocus();
    QTest::keyClicks(m_composer, u"What is the tramontane?"_s);
    QTest::keyClick(m_composer, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(m_model->entryCount() > 1
                                 && m_model->entries().last().status == ChatEntry::Status::Complete,
                             15000);

    // The request named the library, through the Conversations API.
    const QJsonArray requests = m_driver->recordedRequests(u"/v1/conversations"_s);
    QCOMPARE(requests.size(), 1);
    const QJsonArray sent =
        requests.at(0).toObject().value("body"_L1).toObject().value("tools"_L1).toArray();
    QVERIFY2(sent.contains(QJsonObject{{u"type"_s, u"document_library"_s},
                                       {u"library_ids"_s, QJsonArray{library}}}),
             QJsonDocument(sent).toJson().constData());

    // The search is a card; the answer cites the file, with nothing to open.
    const int card = rowOf(ChatItem::Kind::ToolRun, u"document_library"_s);
    QVERIFY(card >= 0);
    QCOMPARE(ChatItemText::toolDisplayName(m_model->item(card)), u"Document library"_s);
    const ChatItem &answer = m_model->item(m_model->rowCount() - 1);
    QCOMPARE(answer.citations.size(), 1);
    QCOMPARE(answer.citations.first().title, u"wind-notes.txt"_s);
    QVERIFY(answer.citations.first().url.isEmpty());
    QCOMPARE(ChatItemText::citationLabel(answer.citations.first(), 0), u"1  wind-notes.txt"_s);
    QVERIFY(answer.text.contains(u"The tramontane is a cold, dry wind from the north-west."_s));
}

QTEST_MAIN(TestLibraryChat)
#include "tst_librarychat.moc"
