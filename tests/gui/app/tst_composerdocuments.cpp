// SPDX-License-Identifier: GPL-3.0-or-later
// Attached documents in the whole app, against the emulator: a PDF chosen through the Attach
// dialog becomes a chip with its name and size and a progress bar while it uploads, then says
// how it will be sent; a text file dropped on the composer becomes a chip too and one is
// removed by keyboard; the message goes with the document (the emulator's answer shows it read
// it) and the sent message shows a document row. A model without vision gets the OCR text, and
// the chip says so. An unsupported file and a failed upload get one sentence; the typed text
// stays.
#include "app/Application.h"
#include "models/ChatItem.h"
#include "models/ChatTargetModel.h"
#include "models/ConversationModel.h"
#include "ui/ChatPage.h"
#include "ui/MainWindow.h"
#include "ui/chat/ChatView.h"
#include "ui/chat/ComposerAttachments.h"
#include "ui/chat/ComposerDocuments.h"
#include "ui/chat/DocumentChip.h"

#include "IntegrationSupport.h"
#include "support/EmulatorProcess.h"

#include <QComboBox>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

QByteArray pdfWith(const QByteArray &text, int padding = 0) {
    return "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
           "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
           "3 0 obj << /Type /Page /Parent 2 0 R /Contents 4 0 R >> endobj\n"
           "4 0 obj << >> stream\nBT /F1 12 Tf 72 712 Td ("
           + text + ") Tj ET\nendstream endobj\n% " + QByteArray(padding, 'x') + "\n%%EOF\n";
}

} // namespace

class TestComposerDocuments : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void chooseDropRemoveSend_theEmulatorReadsTheDocument();
    void modelWithoutVision_getsTheText_andTheChipSaysSo();
    void unsupportedFileAndFailedUpload_oneSentence_textKept();

private:
    void startApp();
    void selectModel(const QString &id);
    QString writeFile(const QString &name, const QByteArray &bytes);
    bool dropFiles(QWidget *widget, const QStringList &paths);
    bool waitAnswered(int entriesBefore);
    QString noticeText() const;

    QTemporaryDir m_home;
    QTemporaryDir m_files;
    Test::EmulatorProcess m_emulator;
    std::unique_ptr<Test::HttpDriver> m_driver;
    std::unique_ptr<Application> m_app;
    MainWindow *m_window = nullptr;
    QPlainTextEdit *m_composer = nullptr;
    QComboBox *m_targets = nullptr;
    ChatView *m_view = nullptr;
    ConversationModel *m_model = nullptr;
    ComposerDocuments *m_documents = nullptr;
    QToolButton *m_attach = nullptr;
    QStringList m_chosen; // what the file dialog answers
};

void TestComposerDocuments::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.path());
    QVERIFY2(m_emulator.start(u"documents-gui-key-1234"_s, {u"--demo"_s}),
             qPrintable(m_emulator.errorString()));
    m_driver = std::make_unique<Test::HttpDriver>(m_emulator.baseUrl(), "documents-gui-key-1234");
}

void TestComposerDocuments::init() {
    startApp();
}

void TestComposerDocuments::cleanup() {
    m_app.reset();
    m_driver->send("DELETE", u"/__admin/faults"_s);
}

void TestComposerDocuments::startApp() {
    static int profile = 0;
    ConnectionConfig::Inputs in;
    in.settingsMode = u"api"_s;
    in.baseUrlArgument = m_emulator.baseUrl().toString();
    in.apiKeyEnv = m_emulator.apiKey();
    m_app = std::make_unique<Application>(ConnectionConfig::resolve(in),
                                          m_home.filePath(u"profile-%1"_s.arg(++profile)));
    QString error;
    QVERIFY2(m_app->start(&error), qPrintable(error));
    m_window = m_app->window();
    m_window->resize(1100, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_targets = m_window->findChild<QComboBox *>(u"targetComboBox"_s);
    m_composer = m_window->findChild<QPlainTextEdit *>(u"composerPlainTextEdit"_s);
    m_view = m_window->findChild<ChatView *>(u"chatView"_s);
    m_documents = m_window->findChild<ComposerDocuments *>(u"composerDocuments"_s);
    m_attach = m_window->findChild<QToolButton *>(u"attachToolButton"_s);
    QVERIFY(m_targets && m_composer && m_view && m_documents && m_attach);
    m_model = m_view->conversationModel();
    m_documents->setFileChooser([this](const QString &, const QString &filter) {
        // The dialog offers documents and images.
        if (!filter.contains(u"*.pdf"_s) || !filter.contains(u"*.docx"_s)
            || !filter.contains(u"*.png"_s))
            return QStringList();
        return m_chosen;
    });
    QTRY_VERIFY_WITH_TIMEOUT(m_targets->count() > 0, 15000);
}

void TestComposerDocuments::selectModel(const QString &id) {
    auto *targets = qobject_cast<ChatTargetModel *>(m_targets->model());
    QVERIFY(targets);
    const int row = targets->rowOf(ChatTargetModel::Kind::Model, id);
    QVERIFY(row >= 0);
    m_targets->setCurrentIndex(row);
}

QString TestComposerDocuments::writeFile(const QString &name, const QByteArray &bytes) {
    const QString path = m_files.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

bool TestComposerDocuments::dropFiles(QWidget *widget, const QStringList &paths) {
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString &path : paths)
        urls.append(QUrl::fromLocalFile(path));
    mime.setUrls(urls);
    const QPoint at = widget->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(widget, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(widget, &drop);
    return drop.isAccepted();
}

bool TestComposerDocuments::waitAnswered(int entriesBefore) {
    return QTest::qWaitFor(
        [this, entriesBefore] {
            return m_model->entryCount() > entriesBefore + 1
                   && m_model->entries().last().status == ChatEntry::Status::Complete;
        },
        15000);
}

QString TestComposerDocuments::noticeText() const {
    auto *label = m_window->findChild<QLabel *>(u"composerNoticeLabel"_s);
    return label && !label->isHidden() ? label->text() : QString();
}

void TestComposerDocuments::chooseDropRemoveSend_theEmulatorReadsTheDocument() {
    selectModel(u"mistral-small-latest"_s);
    m_composer->setFocus();
    QTest::keyClicks(m_composer, u"What is in it?"_s);

    // The upload is held for a moment, so the chip is seen uploading.
    QCOMPARE(m_driver->addFault(QJsonObject{{u"kind"_s, u"delay"_s},
                                            {u"path"_s, u"/v1/files"_s},
                                            {u"method"_s, u"POST"_s},
                                            {u"delay_ms"_s, 1500}}),
             200);
    m_chosen = {writeFile(u"report.pdf"_s, pdfWith("Quarterly figures", 200000))};
    QTest::mouseClick(m_attach, Qt::LeftButton);
    QTRY_COMPARE(m_documents->count(), 1);
    QVERIFY(m_documents->isVisible());
    DocumentChip *chip = m_documents->chip(0);
    auto *bar = chip->findChild<QProgressBar *>(u"documentProgressBar"_s);
    auto *label = chip->findChild<QLabel *>(u"documentLabel"_s);
    QVERIFY(bar && label);
    QVERIFY(m_documents->isPreparing());
    QVERIFY(bar->isVisible());
    QTRY_VERIFY2(label->text().contains(u"uploading"_s), qPrintable(label->text()));
    QVERIFY2(label->text().startsWith(u"report.pdf ("_s), qPrintable(label->text()));

    // Enter while it uploads sends nothing and says why.
    QTest::keyClick(m_composer, Qt::Key_Return);
    QVERIFY2(noticeText().contains(u"still being uploaded"_s), qPrintable(noticeText()));
    QCOMPARE(m_model->entryCount(), 0);
    QCOMPARE(m_composer->toPlainText(), u"What is in it?"_s);

    QTRY_VERIFY_WITH_TIMEOUT(!m_documents->isPreparing(), 10000);
    QVERIFY(bar->isHidden());
    QVERIFY2(label->text().contains(u"sent as a document"_s), qPrintable(label->text()));

    // A text file dropped on the composer; removed again by keyboard.
    const QString notes = writeFile(u"notes.txt"_s, "Buy milk");
    QVERIFY(dropFiles(m_composer, {notes}));
    QTRY_COMPARE(m_documents->count(), 2);
    QVERIFY(m_composer->toPlainText() == u"What is in it?"_s); // no path pasted as text
    QToolButton *remove = m_documents->chip(1)->removeButton();
    QCOMPARE(remove->accessibleName(), u"Remove notes.txt"_s);
    remove->setFocus(Qt::TabFocusReason);
    QTest::keyClick(remove, Qt::Key_Space);
    QTRY_COMPARE(m_documents->count(), 1);

    m_composer->setFocus();
    QTest::keyClick(m_composer, Qt::Key_Return);
    QVERIFY(waitAnswered(0));
    const QString answer = m_model->entries().last().message.content.plainText();
    QVERIFY2(answer.contains(u"(report.pdf): PDF, 1 page"_s), qPrintable(answer));
    QVERIFY(answer.contains(u"Quarterly figures"_s));
    QVERIFY(!answer.contains(u"notes.txt"_s));
    QCOMPARE(m_documents->count(), 0);
    QVERIFY(m_documents->isHidden());
    QVERIFY(m_composer->toPlainText().isEmpty());
    QStringList shown;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const ChatItem &item = m_model->item(r);
        if (item.kind == ChatItem::Kind::Document && item.entry == 0)
            shown.append(item.text);
    }
    QCOMPARE(shown, QStringList{u"report.pdf"_s});
}

void TestComposerDocuments::modelWithoutVision_getsTheText_andTheChipSaysSo() {
    selectModel(u"mistral-small-latest"_s);
    m_chosen = {writeFile(u"scan.pdf"_s, pdfWith("Invoice 4417"))};
    QTest::mouseClick(m_attach, Qt::LeftButton);
    QTRY_COMPARE(m_documents->count(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!m_documents->isPreparing(), 10000);
    auto *label = m_documents->chip(0)->findChild<QLabel *>(u"documentLabel"_s);
    QVERIFY2(label->text().contains(u"sent as a document"_s), qPrintable(label->text()));
    const int uploads = int(m_driver->recordedRequests(u"/v1/files"_s).size());

    // Another model, which reads no documents: the same upload is read by OCR.
    selectModel(u"codestral-latest"_s);
    QVERIFY(m_documents->isPreparing());
    QTRY_VERIFY_WITH_TIMEOUT(!m_documents->isPreparing(), 10000);
    QVERIFY2(label->text().contains(u"read as text"_s), qPrintable(label->text()));
    QCOMPARE(m_driver->recordedRequests(u"/v1/files"_s).size(), uploads); // no second upload

    m_composer->setFocus();
    QTest::keyClicks(m_composer, u"Total?"_s);
    QTest::keyClick(m_composer, Qt::Key_Return);
    QVERIFY(waitAnswered(0));
    const QJsonArray chats = m_driver->recordedTurns(u"/v1/chat/completions"_s);
    const QJsonArray content = chats.last()[u"body"_s][u"messages"_s][0][u"content"_s].toArray();
    QCOMPARE(content.size(), 2);
    QCOMPARE(content.at(1)[u"text"_s].toString(),
             u"<document name=\"scan.pdf\">\nInvoice 4417\n</document>"_s);
    bool shown = false;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const ChatItem &item = m_model->item(r);
        if (item.kind == ChatItem::Kind::Document)
            shown = item.detail.endsWith(u"read as text"_s);
    }
    QVERIFY(shown);
}

void TestComposerDocuments::unsupportedFileAndFailedUpload_oneSentence_textKept() {
    selectModel(u"mistral-small-latest"_s);
    m_composer->setFocus();
    QTest::keyClicks(m_composer, u"Keep me"_s);
    m_chosen = {writeFile(u"tool.exe"_s, "MZ")};
    QTest::mouseClick(m_attach, Qt::LeftButton);
    QTRY_VERIFY(noticeText().contains(u"cannot be attached"_s));
    QCOMPARE(m_documents->count(), 0);

    QCOMPARE(m_driver->addFault(QJsonObject{{u"path"_s, u"/v1/files"_s},
                                            {u"method"_s, u"POST"_s},
                                            {u"count"_s, 0},
                                            {u"status"_s, 400}}),
             200);
    m_chosen = {writeFile(u"broken.pdf"_s, pdfWith("x"))};
    QTest::mouseClick(m_attach, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(noticeText().contains(u"could not be uploaded"_s), 10000);
    QCOMPARE(noticeText().count(u'.') >= 1, true);
    QCOMPARE(m_documents->count(), 0);
    QCOMPARE(m_composer->toPlainText(), u"Keep me"_s);
    QCOMPARE(m_model->entryCount(), 0);
}

QTEST_MAIN(TestComposerDocuments)
#include "tst_composerdocuments.moc"
