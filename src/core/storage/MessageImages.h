// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/storage/StoreResult.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>

//! The images a person attached to a message, kept out of the message's JSON.
//!
//! An attached image travels as a base64 `data:` URL in an `image_url` chunk (up to 10 MB
//! each, 8 a message). Kept inline, every page of a long chat would read and parse megabytes
//! of text for rows that show a thumbnail. So the store keeps the bytes in their own table,
//! `message_images` (schema version 2), and the stored JSON holds `stored-image:<ordinal>` in
//! their place; reading a message puts the data URLs back, so callers see the message as it
//! was given.
//!
//!   message_images
//!     message_id  INTEGER NOT NULL    messages(id); rows go with their message (trigger
//!                                     message_images_delete)
//!     ordinal     INTEGER NOT NULL    the image's place among the message's moved images;
//!                                     PRIMARY KEY (message_id, ordinal)
//!     mime        TEXT NOT NULL       from the data URL (image/png, image/jpeg…)
//!     data        BLOB NOT NULL       the decoded bytes
namespace Tramontane::MessageImages {

struct Image {
    int ordinal = 0;
    QByteArray mime;
    QByteArray data;
};

//! Replaces each base64 `data:` URL of an `image_url` chunk in \a message by a reference and
//! returns the images taken out (none: \a message is unchanged).
QList<Image> extract(QJsonObject &message);
//! True when \a message holds references to images kept in the table.
bool hasReferences(const QJsonObject &message);
//! Puts the data URLs of \a images back in place of their references.
void resolve(QJsonObject &message, const QList<Image> &images);

//! Stores the images extracted from the message \a messageId.
StoreResult<void> insert(QSqlDatabase &db, qint64 messageId, const QList<Image> &images);
//! The images kept for \a messageId, by ordinal.
StoreResult<QList<Image>> read(const QSqlDatabase &db, qint64 messageId);

//! Schema step 2: creates the table and its trigger, and moves the data URL images of the
//! messages already stored into it.
StoreResult<void> createSchemaV2(QSqlDatabase &db);

} // namespace Tramontane::MessageImages
