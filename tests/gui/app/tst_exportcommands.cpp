// SPDX-License-Identifier: GPL-3.0-or-later
// The File menu's export and import commands and Show as code, in the whole app running the
// offline demo: a chat is exported to JSON and Markdown (with its generated image), imported
// back as a new conversation with the same messages, and shown as code.
#include "app/Application.h"
#include "models/ChatItem.h"
#include "models/ConversationModel.h"
#include "ui/MainWindow.h"
#include "ui/ShowAsCodeDialog.h"
#include "ui/chat/ChatView.h"
#include "ui/chat/ImageRepository.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

struct Message {
    QString role;
    QString text;
    friend bool operator==(const Message &a, const Message &b) {
        return a.role == b.role && a.text == b.text;
    }
};

QList<Message> messagesOf(const ConversationModel *model) {
    QList<Message> messages;
    for (const ChatEntry &entry : model->entries())
        messages.append(
            {ChatMessage::roleName(entry.message.role), entry.message.content.plainText()});
    return messages;
}

QByteArray readAll(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestExportCommands : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void demo_exportImportAndShowAsCode();

private:
    QTemporaryDir m_home;
};

void TestExportCommands::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.path());
    QVERIFY(!qEnvironmentVariableIsEmpty("TRAMONTANE_EMULATOR"));
}

void TestExportCommands::demo_exportImportAndShowAsCode() {
    ConnectionConfig config = ConnectionConfig::resolve({true, {}, {}, {}, {}, {}});
    Application app(config, m_home.filePath(u"profile"_s));
    QString error;
    QVERIFY2(app.start(&error), qPrintable(error));

    // The file dialogs are replaced: each command gets the next path of its kind.
    QTemporaryDir out;
    QVERIFY(out.isValid());
    QHash<int, QString> paths;
    QList<Application::FileChoice> asked;
    QString lastSuggestion;
    app.setFileChooser([&](Application::FileChoice choice, const QString &suggestion) {
        asked.append(choice);
        lastSuggestion = suggestion;
        return paths.value(int(choice));
    });

    MainWindow *window = app.window();
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    auto *targets = window->findChild<QComboBox *>(u"targetComboBox"_s);
    auto *composer = window->findChild<QPlainTextEdit *>(u"composerPlainTextEdit"_s);
    auto *view = window->findChild<ChatView *>(u"chatView"_s);
    QVERIFY(targets && composer && view);
    ConversationModel *model = view->conversationModel();

    // Nothing stored yet: nothing to export.
    QVERIFY(!window->exportJsonAction()->isEnabled());
    QVERIFY(!window->exportMarkdownAction()->isEnabled());

    QTRY_VERIFY_WITH_TIMEOUT(targets->count() > 0, 15000);
    composer->setFocus();
    QTest::keyClicks(composer, u"Hello export, \"quoted\" $HOME, rate 0"_s);
    QTest::keyClick(composer, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(model->entryCount() == 2
                                 && model->entries().at(1).status == ChatEntry::Status::Complete,
                             15000);
    QTest::keyClicks(composer, u"Draw a red square, rate 0"_s);
    QTest::keyClick(composer, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(model->entries().last().status == ChatEntry::Status::Complete
                                 && model->entryCount() > 3,
                             15000);
    // The generated image reaches the cache (the export copies it from there).
    QString imageKey;
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->item(r).kind == ChatItem::Kind::Image)
            imageKey = model->item(r).image.key();
    }
    QVERIFY(!imageKey.isEmpty());
    view->scrollToLatest();
    QTRY_VERIFY_WITH_TIMEOUT(!view->imageRepository()->image(imageKey).isNull(), 15000);
    QTRY_VERIFY(window->exportJsonAction()->isEnabled());
    QVERIFY(window->exportMarkdownAction()->isEnabled());
    const QList<Message> original = messagesOf(model);
    QList<qint64> originalIds;
    for (const ChatEntry &entry : model->entries())
        originalIds.append(entry.id);

    // Export as JSON and as Markdown.
    const QString jsonPath = out.filePath(u"chat.json"_s);
    const QString markdownPath = out.filePath(u"chat.md"_s);
    paths.insert(int(Application::FileChoice::ExportJson), jsonPath);
    paths.insert(int(Application::FileChoice::ExportMarkdown), markdownPath);
    window->exportJsonAction()->trigger();
    QCOMPARE(asked.last(), Application::FileChoice::ExportJson);
    QVERIFY2(lastSuggestion.startsWith(u"Hello export"_s) && lastSuggestion.endsWith(u".json"_s),
             qPrintable(lastSuggestion));
    const QJsonObject exported = QJsonDocument::fromJson(readAll(jsonPath)).object();
    QCOMPARE(exported.value(u"format"_s).toString(), u"tramontane.conversation"_s);
    QCOMPARE(exported.value(u"messages"_s).toArray().size(), model->entryCount());

    window->exportMarkdownAction()->trigger();
    QCOMPARE(asked.last(), Application::FileChoice::ExportMarkdown);
    const QString markdown = QString::fromUtf8(readAll(markdownPath));
    QVERIFY2(markdown.contains(u"Hello export, \"quoted\" $HOME"_s), qPrintable(markdown));
    QVERIFY(markdown.contains(u"Draw a red square"_s));
    QVERIFY2(markdown.contains(u"](<chat_files/image-1.png>)"_s), qPrintable(markdown));
    QVERIFY(readAll(out.filePath(u"chat_files/image-1.png"_s)).startsWith("\x89PNG"));

    // A new chat has nothing to export.
    window->newChatAction()->trigger();
    QCOMPARE(model->entryCount(), 0);
    QTRY_VERIFY(!window->exportJsonAction()->isEnabled());

    // Import: a new conversation with the same messages, opened in the chat.
    paths.insert(int(Application::FileChoice::ImportJson), jsonPath);
    window->importJsonAction()->trigger();
    QCOMPARE(asked.last(), Application::FileChoice::ImportJson);
    QCOMPARE(messagesOf(model), original);
    for (const ChatEntry &entry : model->entries())
        QVERIFY(!originalIds.contains(entry.id));
    QTRY_VERIFY(window->exportJsonAction()->isEnabled());

    // A broken file is refused in plain words, and the chat shown stays as it was.
    const QString brokenPath = out.filePath(u"broken.json"_s);
    QFile broken(brokenPath);
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write(R"({"format": "something else", "version": 1})");
    broken.close();
    paths.insert(int(Application::FileChoice::ImportJson), brokenPath);
    window->importJsonAction()->trigger();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = window->findChild<QMessageBox *>(u"exportErrorMessageBox"_s)) != nullptr);
    QVERIFY(box->text().contains(u"broken.json"_s));
    box->close();
    QCOMPARE(messagesOf(model), original);

    // Canceled dialogs do nothing.
    paths.clear();
    const int before = int(asked.size());
    window->exportJsonAction()->trigger();
    QCOMPARE(asked.size(), before + 1);
    QCOMPARE(messagesOf(model), original);

    // Show as code: the history and the text being typed, as the next request.
    QTest::keyClicks(composer, u"Next: $PATH and `ticks`"_s);
    window->showAsCodeAction()->trigger();
    ShowAsCodeDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window->findChild<ShowAsCodeDialog *>()) != nullptr
                && dialog->isVisible());
    auto *curl = dialog->findChild<QPlainTextEdit *>(u"curlPlainTextEdit"_s);
    auto *python = dialog->findChild<QPlainTextEdit *>(u"pythonPlainTextEdit"_s);
    auto *typeScript = dialog->findChild<QPlainTextEdit *>(u"typeScriptPlainTextEdit"_s);
    auto *environment = dialog->findChild<QLabel *>(u"environmentLabel"_s);
    QVERIFY(curl && python && typeScript && environment);
    const QString curlCode = curl->toPlainText();
    QVERIFY2(
        curlCode.contains(u"\"content\": \"Hello export, \\\"quoted\\\" \\u0024HOME, rate 0\""_s),
        qPrintable(curlCode));
    QVERIFY(curlCode.contains(u"Draw a red square, rate 0"_s));
    QVERIFY(curlCode.contains(u"\"content\": \"Next: \\u0024PATH and \\u0060ticks\\u0060\""_s));
    QVERIFY(curlCode.contains(u"\"model\": \"mistral-medium-latest\""_s));
    QVERIFY(curlCode.contains(u"{\"type\": \"image_generation\"}"_s));
    // The answers are part of the history.
    QVERIFY(curlCode.contains(u"\"role\": \"assistant\""_s));
    QVERIFY(curlCode.startsWith(u"curl http://127.0.0.1:"_s));
    QVERIFY(python->toPlainText().contains(u"\"content\": \"Next: $PATH and `ticks`\""_s));
    QVERIFY(python->toPlainText().contains(u"server_url=\"http://127.0.0.1:"_s));
    QVERIFY(typeScript->toPlainText().contains(u"content: \"Next: $PATH and `ticks`\""_s));
    QVERIFY(environment->text().contains(u"MISTRAL_API_KEY"_s));
    QCOMPARE(composer->toPlainText(), u"Next: $PATH and `ticks`"_s); // nothing was sent
    QCOMPARE(messagesOf(model), original);

    auto *copy = dialog->findChild<QPushButton *>(u"copyPythonPushButton"_s);
    QVERIFY(copy);
    copy->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), python->toPlainText());
    dialog->close();
}

QTEST_MAIN(TestExportCommands)
#include "tst_exportcommands.moc"
