// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Tramontane::Emulator {

class Libraries;

//! What a `document_library` tool does in a conversation turn: it searches the processed
//! documents of the tool's libraries for the words of the question, and the answer quotes the
//! best passages and cites their documents as `tool_reference` chunks.
namespace LibrarySearch {

//! One passage found: from which document of which library.
struct Hit {
    QString libraryId;
    QString libraryName;
    QString documentId;
    QString documentName;
    QString passage; //!< the sentence or line that matches best, shortened
    int score = 0;   //!< how many of the question's words the document has
};

//! The library ids of every `document_library` tool of \a tools, without repeats.
QStringList libraryIds(const QJsonArray &tools);

//! The best passages of the done documents of \a libraryIds (at most \a limit documents, the
//! ones with most words of \a query first; documents without any of them follow, so that a
//! question in other words still reads something).
QList<Hit> search(const Libraries &libraries, const QStringList &libraryIds, const QString &query,
                  int limit = 3);

//! The tool execution's `arguments` and `info`.
QJsonObject arguments(const QString &query, const QStringList &libraryIds);
QJsonObject info(const QList<Hit> &hits);

//! The answer's content: a text that quotes the passages, then one `tool_reference` chunk per
//! document (tool "document_library", the document's name as title, the passage as
//! description, no url: a library document has no public address).
QJsonArray answerChunks(const Libraries &libraries, const QStringList &libraryIds,
                        const QString &query, const QList<Hit> &hits);

} // namespace LibrarySearch

} // namespace Tramontane::Emulator
