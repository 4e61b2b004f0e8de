// SPDX-License-Identifier: GPL-3.0-or-later
// Attached images in the conversation store: kept out of the message JSON in their own table,
// returned whole, gone with their message, carried by export and import; and the migration of
// a history written by schema version 1, where they were inline.
#include "core/storage/ConversationStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

QStringList rawQuery(const QString &databasePath, const QString &sql) {
    static int counter = 0;
    const QString name = u"images-raw-%1"_s.arg(++counter);
    QStringList values;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(databasePath);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql)) {
                while (query.next())
                    values.append(query.value(0).toString());
            } else {
                values.append(u"ERROR: "_s + query.lastError().text());
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return values;
}

// A tiny PNG as a data URL (the bytes need not decode here: the store never looks at them).
QString dataUrl(const QByteArray &bytes, const QString &mime = u"image/png"_s) {
    return u"data:"_s + mime + u";base64,"_s + QString::fromLatin1(bytes.toBase64());
}

QJsonObject userMessage(const QList<QJsonObject> &images) {
    QJsonArray content{QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, u"Look at these"_s}}};
    for (const QJsonObject &image : images)
        content.append(image);
    return {{u"role"_s, u"user"_s}, {u"content"_s, content}};
}

QJsonObject imageChunk(const QString &url, const QString &name, bool objectForm = false) {
    QJsonObject chunk{{u"type"_s, u"image_url"_s}, {u"name"_s, name}};
    if (objectForm)
        chunk.insert(u"image_url"_s, QJsonObject{{u"url"_s, url}, {u"detail"_s, u"high"_s}});
    else
        chunk.insert(u"image_url"_s, url);
    return chunk;
}

} // namespace

class TestMessageImages : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void userMessage_imagesKeptOutOfJson_andReturnedWhole();
    void removeMessages_removesTheirImages();
    void exportImport_keepsTheImages();
    void openVersion1History_movesInlineImages();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString profile() const { return m_dir->path() + u"/profile"_s; }
};

void TestMessageImages::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestMessageImages::userMessage_imagesKeptOutOfJson_andReturnedWhole() {
    const QByteArray first(300'000, 'a');
    const QByteArray second("\x89PNG second");
    const QJsonObject message =
        userMessage({imageChunk(dataUrl(first), u"cat.png"_s),
                     imageChunk(u"https://example.com/remote.png"_s, u"remote.png"_s),
                     imageChunk(dataUrl(second, u"image/jpeg"_s), u"dog.jpg"_s, true)});
    QString db;
    qint64 conversationId = 0;
    qint64 messageId = 0;
    {
        auto opened = ConversationStore::open(profile());
        QVERIFY2(opened.ok(), qPrintable(opened.error.detail));
        db = opened.store->databasePath();
        conversationId = opened.store->createConversation()->id;
        const auto stored = opened.store->appendUserMessage(conversationId, message);
        QVERIFY2(stored, qPrintable(stored.error().detail));
        messageId = stored->id;
        QCOMPARE(opened.store->message(messageId)->message, message);
    }
    // On disk: the JSON is small and points at the table, which holds the bytes.
    const QString json = rawQuery(db, u"SELECT message FROM messages"_s).value(0);
    QVERIFY2(json.size() < 1000, qPrintable(json.left(200)));
    QVERIFY(!json.contains(u"base64"_s));
    QVERIFY(json.contains(u"stored-image:0"_s));
    QVERIFY(json.contains(u"stored-image:1"_s));
    QVERIFY(json.contains(u"https://example.com/remote.png"_s)); // not a data URL: unchanged
    QCOMPARE(rawQuery(db, u"SELECT mime FROM message_images ORDER BY ordinal"_s),
             (QStringList{u"image/png"_s, u"image/jpeg"_s}));
    QCOMPARE(rawQuery(db, u"SELECT length(data) FROM message_images ORDER BY ordinal"_s),
             (QStringList{QString::number(first.size()), QString::number(second.size())}));
    // Search and the title see the text only.
    auto reopened = ConversationStore::open(profile());
    QVERIFY(reopened.ok());
    QCOMPARE(reopened.store->conversation(conversationId)->title, u"Look at these"_s);
    QCOMPARE(reopened.store->search(u"look"_s)->size(), 1);
    QCOMPARE(reopened.store->search(u"base64"_s)->size(), 0);
    // Read back, in every way: the message as it was given.
    QCOMPARE(reopened.store->messages(conversationId)->value(0).message, message);
    QCOMPARE(reopened.store->newestMessages(conversationId, 5)->value(0).message, message);
}

void TestMessageImages::removeMessages_removesTheirImages() {
    auto opened = ConversationStore::open(profile());
    QVERIFY(opened.ok());
    ConversationStore &store = *opened.store;
    const qint64 kept = store.createConversation()->id;
    const qint64 edited = store.createConversation()->id;
    QVERIFY(store.appendUserMessage(kept, userMessage({imageChunk(dataUrl("k"), u"k.png"_s)})));
    const auto removed =
        store.appendUserMessage(edited, userMessage({imageChunk(dataUrl("e"), u"e.png"_s)}));
    QVERIFY(removed);
    QCOMPARE(rawQuery(store.databasePath(), u"SELECT count(*) FROM message_images"_s),
             QStringList{u"2"_s});
    QCOMPARE(*store.removeMessagesFrom(edited, removed->position), 1);
    QCOMPARE(rawQuery(store.databasePath(), u"SELECT count(*) FROM message_images"_s),
             QStringList{u"1"_s});
    QVERIFY(store.deleteConversation(kept));
    QCOMPARE(*store.purgeDeleted(), 1);
    QCOMPARE(rawQuery(store.databasePath(), u"SELECT count(*) FROM message_images"_s),
             QStringList{u"0"_s});
}

void TestMessageImages::exportImport_keepsTheImages() {
    auto opened = ConversationStore::open(profile());
    QVERIFY(opened.ok());
    ConversationStore &store = *opened.store;
    const qint64 id = store.createConversation()->id;
    const QJsonObject message = userMessage({imageChunk(dataUrl("pixels"), u"cat.png"_s)});
    QVERIFY(store.appendUserMessage(id, message));
    const QString file = m_dir->filePath(u"chat.json"_s);
    QVERIFY(store.exportJson(id, file));
    QFile exported(file);
    QVERIFY(exported.open(QIODevice::ReadOnly));
    const QByteArray text = exported.readAll();
    QVERIFY(text.contains(dataUrl("pixels").toLatin1())); // JSON keeps the data
    QVERIFY(text.contains("cat.png"));
    const auto imported = store.importJson(file);
    QVERIFY2(imported, qPrintable(imported.error().detail));
    QCOMPARE(store.messages(imported->id)->value(0).message, message);
    QCOMPARE(rawQuery(store.databasePath(), u"SELECT count(*) FROM message_images"_s),
             QStringList{u"2"_s});
}

void TestMessageImages::openVersion1History_movesInlineImages() {
    // Written by the store of schema version 1: a user message with an inline PNG (data
    // URL) and its name, and an answer.
    QVERIFY(QDir().mkpath(profile()));
    const QString db = profile() + u"/"_s + ConversationStore::databaseFileName();
    QVERIFY(QFile::copy(QStringLiteral(STORAGE_TEST_DATA_DIR "/history-v1-image.sqlite3"), db));
    QVERIFY(QFile::setPermissions(db, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    const QString before =
        rawQuery(db, u"SELECT message FROM messages WHERE role = 'user'"_s).value(0);
    QVERIFY(before.contains(u"data:image/png;base64,"_s));
    const QJsonObject original = QJsonDocument::fromJson(before.toUtf8()).object();

    auto opened = ConversationStore::open(profile());
    QVERIFY2(opened.ok(), qPrintable(opened.error.detail));
    QCOMPARE(opened.fromSchemaVersion, 1);
    QVERIFY(!opened.backupPath.isEmpty());
    QCOMPARE(rawQuery(db, u"PRAGMA user_version"_s),
             QStringList{QString::number(ConversationStore::currentSchemaVersion)});
    // Moved to the table; the message reads as before, and its answer is untouched.
    const QString after =
        rawQuery(db, u"SELECT message FROM messages WHERE role = 'user'"_s).value(0);
    QVERIFY(!after.contains(u"base64"_s));
    QCOMPARE(rawQuery(db, u"SELECT mime FROM message_images"_s), QStringList{u"image/png"_s});
    const auto messages = opened.store->messages(opened.store->listConversations(5)->value(0).id);
    QVERIFY(messages);
    QCOMPARE(messages->size(), 2);
    QCOMPARE(messages->at(0).message, original);
    QCOMPARE(messages->at(0).message.value(u"content"_s)[1][u"name"_s].toString(), u"red.png"_s);
    QCOMPARE(messages->at(1).message.value(u"content"_s).toString(), u"It is red."_s);
    QCOMPARE(opened.store->search(u"colour"_s)->size(), 1);
    // The backup is the version-1 file as it was.
    QCOMPARE(rawQuery(opened.backupPath, u"PRAGMA user_version"_s), QStringList{u"1"_s});
    QVERIFY(rawQuery(opened.backupPath, u"SELECT message FROM messages WHERE role = 'user'"_s)
                .value(0)
                .contains(u"base64"_s));
}

QTEST_GUILESS_MAIN(TestMessageImages)
#include "tst_messageimages.moc"
