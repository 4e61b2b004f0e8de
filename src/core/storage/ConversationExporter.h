// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/storage/ConversationTypes.h"
#include "core/storage/StoreResult.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <functional>

//! Conversations to and from files: Markdown for people, JSON for a lossless round trip.
namespace Tramontane::ConversationExporter {

//! Identifies the JSON format: {"format": formatName, "version": formatVersion, …}.
inline constexpr char16_t formatName[] = u"tramontane.conversation";
//! Version 2 adds the versions of messages (parentId, selected, onPath); version 1 files
//! still import, as one linear path.
inline constexpr int formatVersion = 2;

//! Maps an image reference found in a message to a local file holding its bytes, or to an
//! empty string when none is available. The reference is a `tool_file` chunk's file_id, a
//! `file` chunk's file_id, or an `image_url` that is not a data: URL (data: URLs are decoded
//! by the exporter itself). Usually backed by ImageCache.
using ImageResolver = std::function<QString(const QString &reference)>;

//! The Markdown text of \a record. \a linkForImage gets an image reference (as for
//! ImageResolver, plus data: URLs) and returns the link to put in `![](…)`, or an empty
//! string to write a placeholder instead.
QString toMarkdown(const ConversationRecord &record,
                   const std::function<QString(const QString &reference)> &linkForImage);

//! Writes \a record as Markdown to \a filePath (atomically, with QSaveFile): the title, each
//! message of the visible path (earlier versions are left out) under a heading naming its role,
//! tool calls and results as fenced blocks. Images that \a resolver finds (and data: URLs) are
//! copied into the folder `<name>_files/` beside the file, named image-1.png, image-2.jpg, … and
//! linked relatively; remote images that are not available locally are linked by URL, other missing
//! images get a placeholder line.
StoreResult<void> writeMarkdown(const ConversationRecord &record, const QString &filePath,
                                const ImageResolver &resolver);

//! The lossless JSON form: {"format", "version", "exportedAt", "conversation": {…},
//! "messages": [{…}, …]} with every field of ConversationInfo and StoredMessage (times as
//! ISO 8601 UTC with milliseconds).
QJsonObject toJson(const ConversationRecord &record);

//! Writes toJson(record) to \a filePath atomically.
StoreResult<void> writeJson(const ConversationRecord &record, const QString &filePath);

//! Parses and validates the JSON form. Unknown fields are ignored; a file from a newer format
//! version, a different format, or with fields of the wrong type is refused with
//! Kind::InvalidFile and a sentence saying why.
StoreResult<ConversationRecord> fromJson(const QByteArray &json);

} // namespace Tramontane::ConversationExporter
