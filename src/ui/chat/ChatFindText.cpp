// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/chat/ChatFindText.h"

#include "ui/markdown/SafeTextDocument.h"

using namespace Qt::StringLiterals;

namespace Tramontane {

namespace {

using Kind = ChatItem::Kind;

bool isToolCard(const ChatItem &item) {
    return item.kind == Kind::ToolRun;
}

} // namespace

bool ChatFindText::isSearchable(const ChatItem &item) {
    switch (item.kind) {
    case Kind::User:
    case Kind::Assistant:
    case Kind::Thinking:
        return !item.text.isEmpty();
    case Kind::ToolRun:
        return !item.toolArguments.isEmpty() || item.hasToolResult;
    case Kind::Image:
    case Kind::Document:
    case Kind::Notice:
        return false;
    }
    return false;
}

QString ChatFindText::visibleText(const ChatItem &item) {
    if (!isSearchable(item))
        return {};
    if (isToolCard(item))
        return item.toolArguments + u'\n' + item.toolResult;
    // The same import as the chat's documents: sanitized images, no raw HTML, the GitHub
    // dialect; no layout is made, so nothing is measured or loaded.
    SafeTextDocument document;
    document.importMarkdown(item.text);
    return document.toPlainText();
}

qsizetype ChatFindText::toolResultOffset(const ChatItem &item) {
    return isToolCard(item) ? item.toolArguments.size() + 1 : 0;
}

bool ChatFindText::mayContain(const ChatItem &item, QStringView needle, Qt::CaseSensitivity cs) {
    const QString &raw = isToolCard(item) ? item.toolArguments : item.text;
    qsizetype i = 0;
    while (i < needle.size()) {
        if (!needle.at(i).isLetterOrNumber()) {
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < needle.size() && needle.at(end).isLetterOrNumber())
            ++end;
        const QStringView word = needle.sliced(i, end - i);
        const bool found = isToolCard(item)
                               ? raw.contains(word, cs) || item.toolResult.contains(word, cs)
                               : raw.contains(word, cs);
        if (!found)
            return false;
        i = end;
    }
    return true;
}

QList<ChatFindText::Range> ChatFindText::findAll(QStringView text, QStringView needle,
                                                 Qt::CaseSensitivity cs) {
    QList<Range> ranges;
    if (needle.isEmpty())
        return ranges;
    qsizetype from = 0;
    while (true) {
        const qsizetype at = text.indexOf(needle, from, cs);
        if (at < 0)
            break;
        ranges.append(Range{at, at + needle.size()});
        from = at + needle.size();
    }
    return ranges;
}

} // namespace Tramontane
