// SPDX-License-Identifier: GPL-3.0-or-later
// The File menu's export and import (ConversationFiles) over a real store: the file name a
// title suggests, nothing to export before the chat is stored, an import opened as a chat of
// its own, a refused file said in a message box.
#include "app/ConversationFiles.h"
#include "core/net/ApiClient.h"
#include "core/services/ChatService.h"
#include "core/storage/ConversationStore.h"
#include "core/storage/ImageCache.h"
#include "models/ChatSession.h"
#include "models/ConversationModel.h"
#include "models/StoreChatPersistence.h"

#include <QFile>
#include <QJsonObject>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

using namespace Qt::StringLiterals;
using namespace Tramontane;

class TestConversationFiles : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void fileNameFor_dropsWhatFileSystemsRefuse_data();
    void fileNameFor_dropsWhatFileSystemsRefuse();
    void export_nothingStored_saysSoWithoutAsking();
    void export_storedChat_suggestsItsTitle_andWritesTheFile();
    void canExport_followsTheStoredConversation();
    void import_opensANewChatOfItsOwn();
    void import_brokenFile_saysSoAndOpensNothing();

private:
    qint64 storeChat(const QString &question);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ConversationStore> m_store;
    std::unique_ptr<ImageCache> m_images;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<ChatService> m_chat;
    std::unique_ptr<ConversationModel> m_conversation;
    std::unique_ptr<ChatSession> m_session;
    std::unique_ptr<StoreChatPersistence> m_persistence;
    std::unique_ptr<QWidget> m_window;
    std::unique_ptr<ConversationFiles> m_files;
    QList<ConversationFiles::FileChoice> m_asked;
    QString m_suggestion;
    QString m_path; // what the file chooser answers
};

void TestConversationFiles::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    auto opened = ConversationStore::open(m_dir->filePath(u"profile"_s));
    QVERIFY2(opened.ok(), qPrintable(opened.error.message));
    m_store = std::move(opened.store);
    m_images = std::make_unique<ImageCache>(m_dir->filePath(u"images"_s));
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<ApiClient>(m_nam.get());
    m_chat = std::make_unique<ChatService>(m_client.get());
    m_conversation = std::make_unique<ConversationModel>();
    m_session = std::make_unique<ChatSession>(m_chat.get(), m_conversation.get());
    m_persistence = std::make_unique<StoreChatPersistence>(m_store.get());
    m_window = std::make_unique<QWidget>();
    m_files =
        std::make_unique<ConversationFiles>(m_store.get(), m_persistence.get(), m_images.get(),
                                            m_session.get(), m_conversation.get(), m_window.get());
    m_asked.clear();
    m_path.clear();
    m_files->setFileChooser([this](ConversationFiles::FileChoice choice, const QString &s) {
        m_asked.append(choice);
        m_suggestion = s;
        return m_path;
    });
}

void TestConversationFiles::cleanup() {
    m_files.reset();
    m_window.reset();
    m_session.reset();
    m_persistence.reset();
    m_conversation.reset();
    m_chat.reset();
    m_client.reset();
    m_nam.reset();
    m_images.reset();
    m_store.reset();
    m_dir.reset();
}

qint64 TestConversationFiles::storeChat(const QString &question) {
    const auto created = m_store->createConversation();
    if (!created.ok())
        return 0;
    (void)m_store->appendUserMessage(created->id,
                                     QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, question}});
    return created->id;
}

void TestConversationFiles::fileNameFor_dropsWhatFileSystemsRefuse_data() {
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("name");
    QTest::newRow("plain") << u"About owls"_s << u"About owls"_s;
    QTest::newRow("separators") << u"a/b\\c:d*e?f\"g<h>i|j"_s << u"a b c d e f g h i j"_s;
    QTest::newRow("controls") << u"line\none\ttab"_s << u"line one tab"_s;
    QTest::newRow("hidden file") << u".bashrc"_s << QString();
    QTest::newRow("only unsafe") << u"???"_s << QString();
    QTest::newRow("long") << QString(100, u'x') << QString(60, u'x');
}

void TestConversationFiles::fileNameFor_dropsWhatFileSystemsRefuse() {
    QFETCH(QString, title);
    QFETCH(QString, name);
    QCOMPARE(ConversationFiles::fileNameFor(title), name);
}

void TestConversationFiles::export_nothingStored_saysSoWithoutAsking() {
    QSignalSpy status(m_files.get(), &ConversationFiles::statusMessage);
    QVERIFY(!m_files->canExport());
    m_files->exportConversation(ConversationFiles::FileChoice::ExportJson);
    QVERIFY(m_asked.isEmpty());
    QCOMPARE(status.size(), 1);
    QVERIFY(status.first().first().toString().contains(u"no saved conversation"_s));
}

void TestConversationFiles::export_storedChat_suggestsItsTitle_andWritesTheFile() {
    const qint64 id = storeChat(u"What is a/b?"_s);
    QVERIFY(id != 0);
    m_persistence->setConversation(id);
    QVERIFY(m_files->canExport());

    // Cancelled: nothing written, nothing said.
    QSignalSpy status(m_files.get(), &ConversationFiles::statusMessage);
    m_files->exportConversation(ConversationFiles::FileChoice::ExportMarkdown);
    QCOMPARE(m_asked, QList{ConversationFiles::FileChoice::ExportMarkdown});
    QCOMPARE(m_suggestion, u"What is a b.md"_s);
    QCOMPARE(status.size(), 0);

    m_path = m_dir->filePath(u"out.json"_s);
    m_files->exportConversation(ConversationFiles::FileChoice::ExportJson);
    QCOMPARE(m_suggestion, u"What is a b.json"_s);
    QVERIFY(QFile::exists(m_path));
    QCOMPARE(status.size(), 1);
    QVERIFY(status.first().first().toString().startsWith(u"Exported to"_s));
}

void TestConversationFiles::canExport_followsTheStoredConversation() {
    QSignalSpy changed(m_files.get(), &ConversationFiles::canExportChanged);
    const qint64 id = storeChat(u"Hello"_s);
    // The chat's model changes, then the persistence follows: the actions are checked after.
    m_persistence->setConversation(id);
    m_conversation->clear();
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().toBool(), true);
    m_persistence->setConversation(0);
    m_conversation->clear();
    QTRY_COMPARE(changed.size(), 2);
    QCOMPARE(changed.last().first().toBool(), false);
}

void TestConversationFiles::import_opensANewChatOfItsOwn() {
    const qint64 id = storeChat(u"Exported once"_s);
    StoreChatPersistence(m_store.get(), id).setServerConversationId(u"conv_123"_s);
    QVERIFY(m_store->exportJson(id, m_dir->filePath(u"chat.json"_s)).ok());

    QSignalSpy open(m_files.get(), &ConversationFiles::openRequested);
    QSignalSpy status(m_files.get(), &ConversationFiles::statusMessage);
    m_path = m_dir->filePath(u"chat.json"_s);
    m_files->importConversation();
    QCOMPARE(m_asked, QList{ConversationFiles::FileChoice::ImportJson});
    QCOMPARE(open.size(), 1);
    const qint64 imported = open.first().first().toLongLong();
    QVERIFY(imported != 0 && imported != id);
    // Its next turn starts a server conversation of its own.
    QVERIFY(StoreChatPersistence(m_store.get(), imported).serverConversationId().isEmpty());
    QCOMPARE(StoreChatPersistence(m_store.get(), id).serverConversationId(), u"conv_123"_s);
    QCOMPARE(status.size(), 1);
    QVERIFY(status.first().first().toString().contains(u"Exported once"_s));
}

void TestConversationFiles::import_brokenFile_saysSoAndOpensNothing() {
    m_path = m_dir->filePath(u"broken.json"_s);
    QFile broken(m_path);
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write(R"({"format": "something else", "version": 1})");
    broken.close();
    QSignalSpy open(m_files.get(), &ConversationFiles::openRequested);
    m_files->importConversation();
    QCOMPARE(open.size(), 0);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(u"exportErrorMessageBox"_s)));
    QVERIFY(box->text().contains(u"broken.json"_s));
    box->close();
}

QTEST_MAIN(TestConversationFiles)
#include "tst_conversationfiles.moc"
