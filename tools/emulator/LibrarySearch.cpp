// SPDX-License-Identifier: GPL-3.0-or-later
#include "LibrarySearch.h"

#include "Libraries.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tramontane::Emulator::LibrarySearch {

namespace {

constexpr qsizetype kPassageLength = 240;

// The words of a question that say what it is about.
QSet<QString> keywords(const QString &text) {
    static const QSet<QString> common{
        u"the"_s,   u"and"_s,  u"what"_s,   u"does"_s,      u"say"_s,      u"says"_s,   u"about"_s,
        u"with"_s,  u"from"_s, u"that"_s,   u"this"_s,      u"for"_s,      u"are"_s,    u"you"_s,
        u"our"_s,   u"your"_s, u"how"_s,    u"why"_s,       u"who"_s,      u"when"_s,   u"which"_s,
        u"there"_s, u"tell"_s, u"please"_s, u"documents"_s, u"document"_s, u"library"_s};
    static const QRegularExpression word(u"\\w{3,}"_s,
                                         QRegularExpression::UseUnicodePropertiesOption);
    QSet<QString> words;
    auto it = word.globalMatch(text.toLower());
    while (it.hasNext()) {
        const QString w = it.next().captured();
        if (!common.contains(w))
            words.insert(w);
    }
    return words;
}

int countOf(const QString &text, const QSet<QString> &words) {
    const QString lower = text.toLower();
    int n = 0;
    for (const QString &w : words) {
        if (lower.contains(w))
            ++n;
    }
    return n;
}

// The sentence or line of \a text with most of \a words (the first one when none has any).
QString bestPassage(const QString &text, const QSet<QString> &words) {
    static const QRegularExpression breaks(u"(?<=[.!?])\\s+|\\n+"_s);
    QString best;
    int bestCount = -1;
    for (const QString &piece : text.split(breaks, Qt::SkipEmptyParts)) {
        const QString sentence = piece.simplified();
        if (sentence.isEmpty())
            continue;
        const int n = countOf(sentence, words);
        if (n > bestCount) {
            best = sentence;
            bestCount = n;
        }
    }
    if (best.size() > kPassageLength)
        best = best.left(kPassageLength - 1) + u'…';
    return best;
}

QString libraryName(const Libraries &libraries, const QString &id) {
    for (const LibraryRecord &library : libraries.all()) {
        if (library.id == id)
            return library.name;
    }
    return id;
}

} // namespace

QStringList libraryIds(const QJsonArray &tools) {
    QStringList ids;
    for (const QJsonValue &tool : tools) {
        const QJsonObject t = tool.toObject();
        if (t.value("type"_L1).toString() != "document_library"_L1)
            continue;
        for (const QJsonValue &id : t.value("library_ids"_L1).toArray()) {
            if (!ids.contains(id.toString()))
                ids.append(id.toString());
        }
    }
    return ids;
}

QList<Hit> search(const Libraries &libraries, const QStringList &libraryIds, const QString &query,
                  int limit) {
    const QSet<QString> words = keywords(query);
    QList<Hit> hits;
    if (libraryIds.isEmpty())
        return hits; // no library named: nothing to read
    for (const LibraryDocument *document : libraries.readyDocuments(libraryIds)) {
        Hit hit;
        hit.libraryId = document->libraryId;
        hit.libraryName = libraryName(libraries, document->libraryId);
        hit.documentId = document->id;
        hit.documentName = document->name;
        hit.passage = bestPassage(document->text, words);
        hit.score = countOf(document->text, words);
        hits.append(hit);
    }
    std::stable_sort(hits.begin(), hits.end(),
                     [](const Hit &a, const Hit &b) { return a.score > b.score; });
    if (hits.size() > limit)
        hits.resize(limit);
    return hits;
}

QJsonObject arguments(const QString &query, const QStringList &libraryIds) {
    return {{u"query"_s, query.simplified().left(200)},
            {u"library_ids"_s, QJsonArray::fromStringList(libraryIds)}};
}

QJsonObject info(const QList<Hit> &hits) {
    QJsonArray documents;
    for (const Hit &hit : hits)
        documents.append(QJsonObject{{u"document_id"_s, hit.documentId},
                                     {u"library_id"_s, hit.libraryId},
                                     {u"name"_s, hit.documentName}});
    return {{u"results"_s, documents.size()}, {u"documents"_s, documents}};
}

QJsonArray answerChunks(const Libraries &libraries, const QStringList &libraryIds,
                        const QString &query, const QList<Hit> &hits) {
    QStringList names;
    for (const QString &id : libraryIds)
        names.append(u"**"_s + libraryName(libraries, id) + u"**"_s);
    const QString shortQuery = query.simplified().left(200);
    if (hits.isEmpty()) {
        return {QJsonObject{
            {u"type"_s, u"text"_s},
            {u"text"_s,
             u"I searched %1 for *%2*, but no document there is ready to read yet."_s.arg(
                 names.join(u", "_s), shortQuery)}}};
    }
    QString text = u"Here is what %1 says about *%2*:\n\n"_s.arg(names.join(u", "_s), shortQuery);
    for (const Hit &hit : hits)
        text += u"> %1\n\n— from *%2*\n\n"_s.arg(hit.passage, hit.documentName);
    QJsonArray chunks{QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, text.trimmed()}}};
    for (const Hit &hit : hits) {
        // The SDK's ToolReferenceChunk; a library document has no url.
        chunks.append(QJsonObject{{u"type"_s, u"tool_reference"_s},
                                  {u"tool"_s, u"document_library"_s},
                                  {u"title"_s, hit.documentName},
                                  {u"favicon"_s, QJsonValue::Null},
                                  {u"description"_s, hit.passage}});
    }
    return chunks;
}

} // namespace Tramontane::Emulator::LibrarySearch
