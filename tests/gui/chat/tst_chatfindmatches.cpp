// SPDX-License-Identifier: GPL-3.0-or-later
// "Find in this chat" without widgets: matches in the text people see (rendered markdown, code
// blocks, tool results), counting over messages not loaded yet, next and previous wrapping,
// matches kept up to date while an answer streams and when older rows are paged in.
#include "models/ConversationModel.h"
#include "ui/chat/ChatFindMatches.h"
#include "ui/chat/ChatFindText.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tramontane;

namespace {

ChatEntry userEntry(const QString &text, qint64 id) {
    ChatEntry e;
    e.id = id;
    e.message = ChatMessage::user(text);
    return e;
}

ChatEntry answerEntry(const QString &text, qint64 id,
                      ChatEntry::Status status = ChatEntry::Status::Complete) {
    ChatEntry e;
    e.id = id;
    e.message = ChatMessage::assistant(MessageContent(text));
    e.status = status;
    return e;
}

ChatItem textItem(ChatItem::Kind kind, const QString &text) {
    ChatItem item;
    item.kind = kind;
    item.key = u"k"_s;
    item.text = text;
    return item;
}

// Turns of "question i" / "answer i", ids from \a firstId.
QList<ChatEntry> turns(int count, qint64 firstId, const QString &word = {}) {
    QList<ChatEntry> out;
    for (int i = 0; i < count; ++i) {
        const qint64 id = firstId + 2 * i;
        out.append(userEntry(u"Question %1"_s.arg(id), id));
        out.append(answerEntry(u"Answer %1 %2"_s.arg(id).arg(word), id + 1));
    }
    return out;
}

} // namespace

class TestChatFindMatches : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void visibleText_isRenderedMarkdown();
    void visibleText_toolCardHasArgumentsAndResult();
    void findAll_caseAndOverlap();
    void mayContain_rulesOutOnlyWhatCannotMatch();
    void matches_countInReadingOrder();
    void nextAndPrevious_wrap();
    void currentMatch_startsFromGivenRow();
    void earlierMessages_areCountedAndPagedIn();
    void olderMessages_searchedInSlicesNearestFirst();
    void streamingAnswer_updatesMatches();
    void clear_forgetsEverything();
};

void TestChatFindMatches::visibleText_isRenderedMarkdown() {
    const ChatItem item =
        textItem(ChatItem::Kind::Assistant, u"Some **bold** words and `inline code`.\n\n"
                                            "```python\nprint(\"fenced\")\n```\n\n"
                                            "| a | b |\n|---|---|\n| cell one | cell two |\n"_s);
    const QString text = ChatFindText::visibleText(item);
    QVERIFY2(text.contains(u"Some bold words and inline code."_s), qPrintable(text));
    QVERIFY(!text.contains(u"**"_s));
    QVERIFY(!text.contains(u"```"_s));
    QVERIFY(text.contains(u"print(\"fenced\")"_s));
    QVERIFY(text.contains(u"cell one"_s));
    // A phrase split by markup in the source is found as it reads.
    QCOMPARE(ChatFindText::findAll(text, u"bold words"_s, Qt::CaseInsensitive).size(), 1);
    QCOMPARE(ChatFindText::findAll(item.text, u"bold words"_s, Qt::CaseInsensitive).size(), 0);
}

void TestChatFindMatches::visibleText_toolCardHasArgumentsAndResult() {
    ChatItem card;
    card.kind = ChatItem::Kind::ToolRun;
    card.key = u"c"_s;
    card.toolArguments = u"{\"city\":\"Lyon\"}"_s;
    card.toolResult = u"{\"sky\":\"cloudy\"}"_s;
    card.hasToolResult = true;
    QVERIFY(ChatFindText::isSearchable(card));
    const QString text = ChatFindText::visibleText(card);
    QVERIFY(text.contains(u"Lyon"_s) && text.contains(u"cloudy"_s));
    QCOMPARE(text.indexOf(u"{\"sky\""_s), ChatFindText::toolResultOffset(card));

    ChatItem image;
    image.kind = ChatItem::Kind::Image;
    QVERIFY(!ChatFindText::isSearchable(image));
    QVERIFY(ChatFindText::visibleText(image).isEmpty());
}

void TestChatFindMatches::findAll_caseAndOverlap() {
    const QString text = u"Apple apple APPLE aaa"_s;
    QCOMPARE(ChatFindText::findAll(text, u"apple"_s, Qt::CaseInsensitive).size(), 3);
    const auto exact = ChatFindText::findAll(text, u"apple"_s, Qt::CaseSensitive);
    QCOMPARE(exact.size(), 1);
    QCOMPARE(exact.first().start, 6);
    QCOMPARE(exact.first().end, 11);
    // Occurrences do not overlap: "aa" twice in "aaaa", not three times.
    QCOMPARE(ChatFindText::findAll(u"aaaa"_s, u"aa"_s, Qt::CaseSensitive).size(), 2);
    QVERIFY(ChatFindText::findAll(text, QString(), Qt::CaseInsensitive).isEmpty());
}

void TestChatFindMatches::mayContain_rulesOutOnlyWhatCannotMatch() {
    const ChatItem item = textItem(ChatItem::Kind::Assistant, u"Some **bold** words"_s);
    QVERIFY(ChatFindText::mayContain(item, u"bold words"_s, Qt::CaseInsensitive));
    QVERIFY(ChatFindText::mayContain(item, u"BOLD"_s, Qt::CaseInsensitive));
    QVERIFY(!ChatFindText::mayContain(item, u"BOLD"_s, Qt::CaseSensitive));
    QVERIFY(!ChatFindText::mayContain(item, u"italic"_s, Qt::CaseInsensitive));
    QVERIFY(ChatFindText::mayContain(item, u"--"_s, Qt::CaseInsensitive)); // no word: may
}

void TestChatFindMatches::matches_countInReadingOrder() {
    ConversationModel model;
    model.setEntries({userEntry(u"Tell me about **cats**"_s, 1),
                      answerEntry(u"Cats are cats. A `cat` is small."_s, 2),
                      userEntry(u"And dogs?"_s, 3), answerEntry(u"Dogs are not cats."_s, 4)});
    ChatFindMatches matches;
    matches.setModel(&model);
    QSignalSpy changed(&matches, &ChatFindMatches::matchesChanged);
    matches.setQuery(u"cat"_s, Qt::CaseInsensitive);
    QVERIFY(changed.count() >= 1);
    QCOMPARE(matches.count(), 5);
    QCOMPARE(matches.currentIndex(), 0);
    QCOMPARE(matches.current().key, model.item(0).key);
    QCOMPARE(matches.rangesOf(model.item(1).key).size(), 3);
    QCOMPARE(matches.rangesOf(model.item(2).key).size(), 0);
    // The range is in the text shown: "Tell me about cats".
    const auto first = matches.rangesOf(model.item(0).key).first();
    QCOMPARE(first.start, 14);
    QCOMPARE(first.end, 17);

    matches.setQuery(u"Cat"_s, Qt::CaseSensitive);
    QCOMPARE(matches.count(), 1);
    matches.setQuery(u"zebra"_s, Qt::CaseInsensitive);
    QCOMPARE(matches.count(), 0);
    QCOMPARE(matches.currentIndex(), -1);
    QVERIFY(!matches.current().isValid());
}

void TestChatFindMatches::nextAndPrevious_wrap() {
    ConversationModel model;
    model.setEntries(turns(3, 1, u"needle"_s)); // one match per answer
    ChatFindMatches matches;
    matches.setModel(&model);
    matches.setQuery(u"needle"_s, Qt::CaseInsensitive);
    QCOMPARE(matches.count(), 3);
    QCOMPARE(matches.currentIndex(), 0);
    matches.next();
    QCOMPARE(matches.currentIndex(), 1);
    QCOMPARE(matches.current().key, model.item(3).key);
    matches.next();
    matches.next();
    QCOMPARE(matches.currentIndex(), 0); // wrapped to the first
    matches.previous();
    QCOMPARE(matches.currentIndex(), 2); // and back to the last
    QCOMPARE(matches.current().key, model.item(5).key);
}

void TestChatFindMatches::currentMatch_startsFromGivenRow() {
    ConversationModel model;
    model.setEntries(turns(4, 1, u"needle"_s));
    ChatFindMatches matches;
    matches.setModel(&model);
    // From the third turn's question: the match in its answer, the third one.
    matches.setQuery(u"needle"_s, Qt::CaseInsensitive, model.item(4).key);
    QCOMPARE(matches.currentIndex(), 2);
    // From the last row, which has a match: that one.
    matches.setQuery(u"needle"_s, Qt::CaseInsensitive, model.item(7).key);
    QCOMPARE(matches.currentIndex(), 3);
    // From the last question with "Question 7" searched: nothing after, the last before.
    matches.setQuery(u"Question 5"_s, Qt::CaseInsensitive, model.item(7).key);
    QCOMPARE(matches.count(), 1);
    QCOMPARE(matches.current().key, model.item(4).key);
}

void TestChatFindMatches::earlierMessages_areCountedAndPagedIn() {
    // 10 turns stored, the newest 2 loaded; "needle" is in every answer.
    const QList<ChatEntry> all = turns(10, 1, u"needle"_s);
    const QList<ChatEntry> older = all.mid(0, 16);
    ConversationModel model;
    int reads = 0;
    model.setEntries(all.mid(16), [&] {
        ++reads;
        return model.entryCount() >= all.size() ? QList<ChatEntry>()
                                                : all.mid(0, all.size() - model.entryCount());
    });
    QCOMPARE(model.rowCount(), 4);
    ChatFindMatches matches;
    matches.setModel(&model);
    matches.setQuery(u"needle"_s, Qt::CaseInsensitive, model.item(0).key);
    QCOMPARE(matches.count(), 10);
    QCOMPARE(matches.rowsNotLoaded(), 16);
    QCOMPARE(matches.currentIndex(), 8); // the first loaded answer
    QVERIFY(matches.isLoaded(matches.current().key));
    QCOMPARE(reads, 1);

    // Going back past the oldest loaded match: a match in a message not loaded yet.
    matches.previous();
    QCOMPARE(matches.currentIndex(), 7);
    const QString wanted = matches.current().key;
    QVERIFY(!matches.isLoaded(wanted));
    QCOMPARE(wanted, u"m16:p0"_s); // the answer with id 16: the key it gets once loaded

    // The page before comes in: the match is the same one, now loaded.
    model.prependEntries(older.mid(8));
    matches.flush();
    QVERIFY(matches.isLoaded(wanted));
    QCOMPARE(matches.current().key, wanted);
    QCOMPARE(matches.currentIndex(), 7);
    QCOMPARE(matches.count(), 10);
    QCOMPARE(matches.rowsNotLoaded(), 8);
    QCOMPARE(reads, 1); // the older messages were read once
}

void TestChatFindMatches::olderMessages_searchedInSlicesNearestFirst() {
    // 6 turns stored, the newest loaded; the older answers are searched one per pass.
    const QList<ChatEntry> all = turns(6, 1, u"needle"_s);
    ConversationModel model;
    model.setEntries(all.mid(10), [&] { return all.mid(0, 10); });
    ChatFindMatches matches;
    matches.setModel(&model);
    matches.setSliceMs(0, 0);
    QSignalSpy found(&matches, &ChatFindMatches::currentFound);
    matches.setQuery(u"needle"_s, Qt::CaseInsensitive, model.item(0).key);
    QVERIFY(matches.isSearching());
    // The loaded match at once, and the nearest older one with the first slice.
    QCOMPARE(matches.count(), 2);
    QCOMPARE(matches.current().key, model.item(1).key);
    QCOMPARE(matches.currentIndex(), 1);
    QTRY_VERIFY(!matches.isSearching());
    QCOMPARE(matches.count(), 6);
    QCOMPARE(matches.currentIndex(), 5); // the same match, with the older ones before it
    QCOMPARE(found.count(), 0);          // it had one all along

    // Texts rendered once are not rendered again: the next query is answered at once.
    matches.setQuery(u"Answer 3 "_s, Qt::CaseInsensitive, model.item(0).key);
    QVERIFY(!matches.isSearching());
    QCOMPARE(matches.count(), 1);

    // Nothing loaded matches: the nearest older match becomes current once found.
    ChatFindMatches fresh;
    fresh.setModel(&model);
    fresh.setSliceMs(0, 0);
    QSignalSpy freshFound(&fresh, &ChatFindMatches::currentFound);
    fresh.setQuery(u"Answer 3 "_s, Qt::CaseInsensitive, model.item(0).key);
    QTRY_COMPARE(freshFound.count(), 1);
    QVERIFY(fresh.current().key.startsWith(u"m4:"_s));

    // Going round past the first match finishes the search first: the oldest one.
    ChatFindMatches round;
    round.setModel(&model);
    round.setSliceMs(0, 0);
    round.setQuery(u"needle"_s, Qt::CaseInsensitive, model.item(0).key);
    QVERIFY(round.isSearching());
    round.next(); // the loaded match was the last: round to the first, in the oldest answer
    QVERIFY(!round.isSearching());
    QCOMPARE(round.count(), 6);
    QCOMPARE(round.currentIndex(), 0);
    QVERIFY(round.current().key.startsWith(u"m2:"_s));
}

void TestChatFindMatches::streamingAnswer_updatesMatches() {
    ConversationModel model;
    model.setEntries({userEntry(u"Write about rain"_s, 1),
                      answerEntry(u"Rain"_s, 2, ChatEntry::Status::Streaming)});
    ChatFindMatches matches;
    matches.setModel(&model);
    matches.setQuery(u"rain"_s, Qt::CaseInsensitive);
    QCOMPARE(matches.count(), 2);
    QSignalSpy changed(&matches, &ChatFindMatches::matchesChanged);
    model.updateEntry(
        1, answerEntry(u"Rain falls; **rain** stays."_s, 2, ChatEntry::Status::Streaming));
    // Searched again a moment later (not at every delta).
    QTRY_COMPARE(matches.count(), 3);
    QVERIFY(changed.count() >= 1);
    QCOMPARE(matches.rangesOf(model.item(1).key).size(), 2);
    // An answer appended: searched at once when the rows change.
    model.appendEntry(userEntry(u"More rain"_s, 3));
    matches.flush();
    QCOMPARE(matches.count(), 4);
}

void TestChatFindMatches::clear_forgetsEverything() {
    ConversationModel model;
    model.setEntries(turns(2, 1, u"needle"_s));
    ChatFindMatches matches;
    matches.setModel(&model);
    matches.setQuery(u"needle"_s, Qt::CaseInsensitive);
    QCOMPARE(matches.count(), 2);
    matches.clear();
    QVERIFY(!matches.isActive());
    QCOMPARE(matches.count(), 0);
    QVERIFY(matches.rangesOf(model.item(1).key).isEmpty());
    // Rows added while closed are not searched.
    model.appendEntry(answerEntry(u"needle"_s, 9));
    QTest::qWait(0);
    QCOMPARE(matches.count(), 0);
}

QTEST_MAIN(TestChatFindMatches)
#include "tst_chatfindmatches.moc"
