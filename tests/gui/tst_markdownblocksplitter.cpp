// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/markdown/MarkdownBlockSplitter.h"
#include "ui/markdown/SafeTextDocument.h"

#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextList>

using namespace Qt::StringLiterals;
using Tramontane::MarkdownBlockSplitter;
using Tramontane::SafeTextDocument;

namespace {

// '§' marks where the committed prefix must end; it is removed from the text.
constexpr QChar kMark = QChar(0x00A7);

QString stripMark(const QString &marked) {
    QString text = marked;
    text.remove(kMark);
    return text;
}

qsizetype markPosition(const QString &marked) {
    const qsizetype at = marked.indexOf(kMark);
    return at < 0 ? 0 : at;
}

// One line per block of a document: what a reader would notice if it changed.
QStringList blockSignatures(const QString &markdown) {
    QTextDocument document;
    document.setMarkdown(markdown, SafeTextDocument::markdownFeatures());
    QStringList lines;
    QHash<const QTextList *, int> lists;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        const QTextBlockFormat format = block.blockFormat();
        QString line = block.text();
        line += u" h"_s + QString::number(format.headingLevel());
        line += u" q"_s + QString::number(format.intProperty(QTextFormat::BlockQuoteLevel));
        line += format.hasProperty(QTextFormat::BlockCodeLanguage) ? u" code"_s : u""_s;
        if (const QTextList *list = block.textList()) {
            const int id = lists.value(list, int(lists.size()));
            lists.insert(list, id);
            line +=
                u" list"_s + QString::number(id) + u'#' + QString::number(list->itemNumber(block));
        }
        if (QTextCursor(block).currentTable())
            line += u" table"_s;
        lines.append(line);
    }
    return lines;
}

const QString kLongMessage = uR"(# Report

Some intro text that spans
two lines, with `code` and a [link](https://example.org).

1. first
2. second
   continued item

   second paragraph of the item
3. third

- bullet
  - nested

> a quote
> that continues

```python
def f():

    return 1
```

~~~
``` not a closer
~~~

| Name | Value |
|------|------:|
| a    | 1     |
| b    | 2     |

    indented code

    more indented code

Text after.
Setext heading
--------------

***

Final words.
)"_s;

} // namespace

class TestMarkdownBlockSplitter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void committedLength_data();
    void committedLength();
    void restartFromCommitPoint_givesSameResult_data() { committedLength_data(); }
    void restartFromCommitPoint_givesSameResult();
    void everyPrefix_commitsOnlyWhatNeverChanges_data();
    void everyPrefix_commitsOnlyWhatNeverChanges();
    void chunks_tileTheText();
    void openFence_isTheTail();
    void closedFence_isAFenceChunk();
    void tables_areCounted();
    void referenceDefinitions_areReported();
    void longText_scansLinearly();
};

void TestMarkdownBlockSplitter::committedLength_data() {
    QTest::addColumn<QString>("marked");

    QTest::newRow("empty") << u""_s;
    QTest::newRow("incomplete line") << u"hello"_s;
    QTest::newRow("paragraph may continue") << u"hello\n"_s;
    QTest::newRow("after blank line") << u"hello\n\n§"_s;
    QTest::newRow("next block started") << u"hello\n\n§wor"_s;
    QTest::newRow("two paragraphs") << u"one\n\ntwo\n\n§thr"_s;
    QTest::newRow("several blank lines") << u"a\n\n\n§b"_s;
    QTest::newRow("blank line of spaces") << u"a\n  \t\n§b"_s;
    QTest::newRow("heading") << u"# Title\n\n§x"_s;
    QTest::newRow("setext heading") << u"Title\n=====\n\n§x"_s;
    QTest::newRow("thematic break") << u"* * *\n\n§x"_s;

    QTest::newRow("before a fence opener") << u"intro\n§```js\nx\n"_s;
    QTest::newRow("open fence keeps blank lines") << u"§```\ncode\n\nmore\n\n"_s;
    QTest::newRow("after a closed fence") << u"```\na\n\nb\n```\n§after"_s;
    QTest::newRow("closer with trailing spaces") << u"```\na\n```  \n§b"_s;
    QTest::newRow("indented closer") << u"```\na\n   ```\n§b"_s;
    QTest::newRow("tilde fence") << u"~~~\n```\n\n~~~\n§x"_s;
    QTest::newRow("tilde does not close backticks") << u"§```\n~~~\n\nx\n"_s;
    QTest::newRow("shorter run does not close") << u"§````\n```\n\nx\n"_s;
    QTest::newRow("longer run closes") << u"```\nx\n`````\n§y"_s;
    QTest::newRow("nested backticks inside fence") << u"```md\n`x` and ``y``\n\n```\n§z"_s;
    QTest::newRow("backtick in info is no fence") << u"``` a`b\n\n§x"_s;
    QTest::newRow("four spaces is indented code") << u"    ```\n\n§x"_s;
    QTest::newRow("unclosed fence at closer prefix") << u"§```\na\n``"_s;

    QTest::newRow("table ends at blank line") << u"| a | b |\n|---|---|\n| 1 | 2 |\n\n§next"_s;
    QTest::newRow("table still open") << u"| a | b |\n|---|---|\n| 1 | 2 |\n"_s;
    QTest::newRow("table open inside") << u"intro\n\n§| a |\n|---|\n| 1 |\n| 2"_s;

    QTest::newRow("list waits for the next line") << u"- a\n- b\n\n"_s;
    QTest::newRow("list ended by a paragraph") << u"- a\n- b\n\n§para"_s;
    QTest::newRow("loose list continues") << u"- a\n\n- b\n\n"_s;
    QTest::newRow("loose ordered list continues") << u"1. a\n\n2. b\n\n"_s;
    QTest::newRow("list item continuation") << u"1. a\n\n   more\n\n"_s;
    QTest::newRow("list item continuation then paragraph") << u"1. a\n\n   more\n\n§end"_s;
    QTest::newRow("fence inside a list item") << u"- x\n  ```\n  a\n\n  b\n  ```\n\n§y"_s;
    QTest::newRow("fence inside a list item, open") << u"- x\n  ```\n  a\n\n  b\n"_s;
    QTest::newRow("list after paragraph") << u"intro\n\n§- a\n\n"_s;
    QTest::newRow("nine-digit ordered list waits") << u"999999999. a\n\n"_s;
    // Ten digits are no list marker (and must not overflow while being read).
    QTest::newRow("ten-digit number is a paragraph") << u"5555555555. a\n\n§b"_s;
    QTest::newRow("ten-digit number, closing paren") << u"9999999999) a\n\n§b"_s;
    QTest::newRow("indented code waits") << u"    code\n\n"_s;
    QTest::newRow("indented code then paragraph") << u"    code\n\n    more\n\n§text"_s;

    QTest::newRow("quote") << u"> a\n> b\n\n§c"_s;
    QTest::newRow("fence in a quote closed by the blank line") << u"> ```\n> code\n\n§x"_s;
    QTest::newRow("lazy quote continuation") << u"> a\nb\n\n§c"_s;

    QTest::newRow("CRLF") << u"para\r\n\r\n§next\r\n"_s;
    QTest::newRow("CRLF fence") << u"```\r\na\r\n\r\n```\r\n§b"_s;
    QTest::newRow("CR only") << u"para\r\r§next"_s;
    QTest::newRow("CR at the end may be half a CRLF") << u"para\r\n\r"_s;
    QTest::newRow("tab indented blank") << u"a\n\t\n§b"_s;
}

void TestMarkdownBlockSplitter::committedLength() {
    QFETCH(QString, marked);
    const QString text = stripMark(marked);
    QCOMPARE(MarkdownBlockSplitter::committedLength(text), markPosition(marked));
}

void TestMarkdownBlockSplitter::restartFromCommitPoint_givesSameResult() {
    QFETCH(QString, marked);
    const QString text = stripMark(marked);
    const qsizetype full = MarkdownBlockSplitter::committedLength(text);
    // Scanning any prefix, then resuming from its commit point, ends where one scan ends.
    for (qsizetype cut = 0; cut <= text.size(); ++cut) {
        const qsizetype from = MarkdownBlockSplitter::committedLength(QStringView(text).first(cut));
        QVERIFY2(from <= full, qPrintable(u"cut %1"_s.arg(cut)));
        QCOMPARE(MarkdownBlockSplitter::split(text, from).committed, full);
    }
}

void TestMarkdownBlockSplitter::everyPrefix_commitsOnlyWhatNeverChanges_data() {
    QTest::addColumn<QString>("text");
    QTest::newRow("long message") << kLongMessage;
    QTest::newRow("long message, CRLF") << QString(kLongMessage).replace(u"\n"_s, u"\r\n"_s);
    QTest::newRow("lists and fences")
        << u"Steps:\n\n1. Install\n\n   ```sh\n   apt install x\n\n   ```\n2. Run\n\n"
           "- a\n\n  b\n- c\n\nDone.\n\n```\nx\n```\n```\ny\n```\nEnd\n"_s;
}

// The committed prefix of every prefix of a message, imported alone, must give exactly the
// first blocks of the whole message imported at once.
void TestMarkdownBlockSplitter::everyPrefix_commitsOnlyWhatNeverChanges() {
    QFETCH(QString, text);
    const QStringList whole = blockSignatures(text);
    qsizetype lastChecked = -1;
    int checked = 0;
    for (qsizetype cut = 0; cut <= text.size(); ++cut) {
        const qsizetype committed =
            MarkdownBlockSplitter::committedLength(QStringView(text).first(cut));
        if (committed == lastChecked || committed == 0)
            continue;
        lastChecked = committed;
        ++checked;
        const QStringList part = blockSignatures(text.first(committed));
        QVERIFY2(part.size() <= whole.size(), qPrintable(text.first(committed)));
        for (qsizetype i = 0; i < part.size(); ++i) {
            QVERIFY2(part.at(i) == whole.at(i),
                     qPrintable(u"committed %1, block %2: '%3' vs '%4'"_s.arg(committed).arg(i).arg(
                         part.at(i), whole.at(i))));
        }
    }
    QVERIFY(checked >= 4);
}

void TestMarkdownBlockSplitter::chunks_tileTheText() {
    const MarkdownBlockSplitter::Result result = MarkdownBlockSplitter::split(kLongMessage);
    qsizetype pos = 0;
    for (const MarkdownBlockSplitter::Chunk &chunk : result.chunks) {
        QVERIFY(chunk.begin >= pos);
        // Only blank lines between chunks.
        QVERIFY(QStringView(kLongMessage).sliced(pos, chunk.begin - pos).trimmed().isEmpty());
        QVERIFY(chunk.end > chunk.begin);
        pos = chunk.end;
    }
    QVERIFY(pos <= result.committed);
    QCOMPARE(result.tail.begin, result.committed);
    QCOMPARE(result.tail.end, kLongMessage.size());
    QVERIFY(result.chunks.size() >= 10);
}

void TestMarkdownBlockSplitter::openFence_isTheTail() {
    const QString text = u"Intro\n\n```cpp\nint x;\n\nint y;\n"_s;
    const auto result = MarkdownBlockSplitter::split(text);
    QCOMPARE(result.committed, text.indexOf(u"```"_s));
    QCOMPARE(result.tail.kind, MarkdownBlockSplitter::ChunkKind::Fence);
    QVERIFY(result.tail.open);
    QCOMPARE(result.tail.language, u"cpp"_s);
    QCOMPARE(result.tail.fenceChar, QChar(u'`'));
    QCOMPARE(result.tail.fenceLength, 3);
    QCOMPARE(result.tail.contentBegin, text.indexOf(u"int x"_s));
}

void TestMarkdownBlockSplitter::closedFence_isAFenceChunk() {
    const QString text = u"  ~~~~ rust extra\n  let a;\n  ~~~~\nafter"_s;
    const auto result = MarkdownBlockSplitter::split(text);
    QCOMPARE(result.chunks.size(), 1);
    const auto &chunk = result.chunks.first();
    QCOMPARE(chunk.kind, MarkdownBlockSplitter::ChunkKind::Fence);
    QVERIFY(!chunk.open);
    QCOMPARE(chunk.language, u"rust"_s);
    QCOMPARE(chunk.fenceChar, QChar(u'~'));
    QCOMPARE(chunk.fenceLength, 4);
    QCOMPARE(chunk.fenceIndent, 2);
    QCOMPARE(chunk.end, text.indexOf(u"after"_s));
    QCOMPARE(result.tail.kind, MarkdownBlockSplitter::ChunkKind::Markdown);
}

void TestMarkdownBlockSplitter::tables_areCounted() {
    QString text = u"| a | b |\n|---|:-:|\n"_s;
    for (int i = 0; i < 7; ++i)
        text += u"| x | y |\n"_s;
    text += u"\n| c |\n|---|\n| z |\n\n"_s;
    const auto chunks = MarkdownBlockSplitter::finalChunks(text);
    QCOMPARE(chunks.size(), 2);
    QCOMPARE(chunks.at(0).tables, 1);
    QCOMPARE(chunks.at(0).maxTableRows, 7);
    QCOMPARE(chunks.at(1).tables, 1);
    QCOMPARE(chunks.at(1).maxTableRows, 1);
}

void TestMarkdownBlockSplitter::referenceDefinitions_areReported() {
    const QString text =
        u"See [docs][d].\n\n```\n[not]: inside code\n```\n\n[d]: https://example.org/docs\n"_s;
    QStringList definitions;
    MarkdownBlockSplitter::finalChunks(text, &definitions);
    QCOMPARE(definitions, QStringList{u"[d]: https://example.org/docs"_s});
}

void TestMarkdownBlockSplitter::longText_scansLinearly() {
    // 2 MB of blocks: the committed point is found and the tail is the last line only.
    QString text;
    while (text.size() < 2 * 1024 * 1024)
        text += kLongMessage + u"\n"_s;
    text += u"tail"_s;
    const auto result = MarkdownBlockSplitter::split(text);
    QCOMPARE(result.tail.end - result.tail.begin, 4);
}

QTEST_MAIN(TestMarkdownBlockSplitter)
#include "tst_markdownblocksplitter.moc"
