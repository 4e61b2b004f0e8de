// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/MessageImages.h"

#include "core/storage/SqlHelpers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

#include <functional>

using namespace Qt::StringLiterals;

namespace Tramontane::MessageImages {

namespace {

constexpr auto referencePrefix = "stored-image:"_L1;

// Calls \a visit with the URL of every image_url chunk of the message's content (string or
// {url} form); \a visit may change it.
bool forEachImageUrl(QJsonObject &message, const std::function<bool(QString &url)> &visit) {
    const QJsonValue content = message.value("content"_L1);
    if (!content.isArray())
        return false;
    QJsonArray chunks = content.toArray();
    bool changed = false;
    for (qsizetype i = 0; i < chunks.size(); ++i) {
        QJsonObject chunk = chunks.at(i).toObject();
        if (chunk.value("type"_L1).toString() != "image_url"_L1)
            continue;
        const QJsonValue image = chunk.value("image_url"_L1);
        QJsonObject object = image.toObject();
        QString url = image.isString() ? image.toString() : object.value("url"_L1).toString();
        if (!visit(url))
            continue;
        if (image.isString()) {
            chunk.insert("image_url"_L1, url);
        } else {
            object.insert("url"_L1, url);
            chunk.insert("image_url"_L1, object);
        }
        chunks.replace(i, chunk);
        changed = true;
    }
    if (changed)
        message.insert("content"_L1, chunks);
    return changed;
}

} // namespace

QList<Image> extract(QJsonObject &message) {
    QList<Image> images;
    forEachImageUrl(message, [&images](QString &url) {
        if (!url.startsWith("data:"_L1, Qt::CaseInsensitive))
            return false;
        const qsizetype comma = url.indexOf(u',');
        const QStringView header = QStringView(url).mid(5, comma - 5);
        if (comma < 0 || !header.endsWith(";base64"_L1, Qt::CaseInsensitive))
            return false;
        auto decoded = QByteArray::fromBase64Encoding(QStringView(url).mid(comma + 1).toLatin1(),
                                                      QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return false;
        Image image;
        image.ordinal = int(images.size());
        image.mime = header.chopped(7).toLatin1();
        image.data = std::move(*decoded);
        images.append(image);
        url = referencePrefix + QString::number(image.ordinal);
        return true;
    });
    return images;
}

bool hasReferences(const QJsonObject &message) {
    bool found = false;
    QJsonObject copy = message; // shared data: nothing is copied unless changed
    forEachImageUrl(copy, [&found](QString &url) {
        found = found || url.startsWith(referencePrefix);
        return false;
    });
    return found;
}

void resolve(QJsonObject &message, const QList<Image> &images) {
    forEachImageUrl(message, [&images](QString &url) {
        if (!url.startsWith(referencePrefix))
            return false;
        bool ok = false;
        const int ordinal = QStringView(url).mid(referencePrefix.size()).toInt(&ok);
        for (const Image &image : images) {
            if (ok && image.ordinal == ordinal) {
                url = "data:"_L1 + QString::fromLatin1(image.mime) + ";base64,"_L1
                      + QString::fromLatin1(image.data.toBase64());
                return true;
            }
        }
        return false; // lost: the reference stays, and shows as an image that cannot load
    });
}

StoreResult<void> insert(QSqlDatabase &db, qint64 messageId, const QList<Image> &images) {
    if (images.isEmpty())
        return {};
    QSqlQuery query(db);
    query.prepare(u"INSERT INTO message_images (message_id, ordinal, mime, data)"
                  " VALUES (?, ?, ?, ?)"_s);
    for (const Image &image : images) {
        query.addBindValue(messageId);
        query.addBindValue(image.ordinal);
        query.addBindValue(QString::fromLatin1(image.mime));
        query.addBindValue(image.data);
        if (!query.exec())
            return SqlHelpers::ioError(u"insert message image"_s, query.lastError());
    }
    return {};
}

StoreResult<QList<Image>> read(const QSqlDatabase &db, qint64 messageId) {
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT ordinal, mime, data FROM message_images WHERE message_id = ?"
                  " ORDER BY ordinal"_s);
    query.addBindValue(messageId);
    if (!query.exec())
        return SqlHelpers::ioError(u"read message images"_s, query.lastError());
    QList<Image> images;
    while (query.next())
        images.append(Image{query.value(0).toInt(), query.value(1).toString().toLatin1(),
                            query.value(2).toByteArray()});
    return images;
}

StoreResult<void> createSchemaV2(QSqlDatabase &db) {
    for (const QString &statement : {
             u"CREATE TABLE message_images ("
             " message_id INTEGER NOT NULL,"
             " ordinal INTEGER NOT NULL,"
             " mime TEXT NOT NULL,"
             " data BLOB NOT NULL,"
             " PRIMARY KEY (message_id, ordinal)) WITHOUT ROWID"_s,
             u"CREATE TRIGGER message_images_delete AFTER DELETE ON messages BEGIN"
             " DELETE FROM message_images WHERE message_id = old.id;"
             " END"_s,
         }) {
        if (auto done = SqlHelpers::exec(db, statement); !done)
            return done;
    }
    // Images stored inline so far move to the table (the message's text does not change, so
    // neither does its search entry).
    QSqlQuery select(db);
    select.setForwardOnly(true);
    if (!select.exec(u"SELECT id, message FROM messages WHERE message LIKE '%\"data:%'"_s))
        return SqlHelpers::ioError(u"find inline images"_s, select.lastError());
    QList<std::pair<qint64, QJsonObject>> moved;
    QList<QList<Image>> movedImages;
    while (select.next()) {
        QJsonObject message = QJsonDocument::fromJson(select.value(1).toString().toUtf8()).object();
        QList<Image> images = extract(message);
        if (images.isEmpty())
            continue;
        moved.append({select.value(0).toLongLong(), message});
        movedImages.append(images);
    }
    select.finish();
    QSqlQuery update(db);
    update.prepare(u"UPDATE messages SET message = ? WHERE id = ?"_s);
    for (qsizetype i = 0; i < moved.size(); ++i) {
        update.addBindValue(
            QString::fromUtf8(QJsonDocument(moved.at(i).second).toJson(QJsonDocument::Compact)));
        update.addBindValue(moved.at(i).first);
        if (!update.exec())
            return SqlHelpers::ioError(u"move inline images"_s, update.lastError());
        if (auto inserted = insert(db, moved.at(i).first, movedImages.at(i)); !inserted)
            return inserted;
    }
    return {};
}

} // namespace Tramontane::MessageImages
