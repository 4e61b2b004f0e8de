// SPDX-License-Identifier: GPL-3.0-or-later
// Syntax highlighting of code blocks: which language a fence names, what each language's
// definition recognises, state carried across lines, positions in non-ASCII lines, hostile
// input, threads, readable colours in light and dark palettes, and the colours in rendered
// messages (streamed or not, painted pixels).
#include "ui/ColourContrast.h"
#include "ui/markdown/CodeHighlighter.h"
#include "ui/markdown/MarkdownRendering.h"
#include "ui/markdown/MarkdownStyle.h"
#include "ui/markdown/MessageDocument.h"
#include "ui/markdown/SafeTextDocument.h"

#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;
using namespace Tramontane;

Q_DECLARE_METATYPE(Tramontane::CodeToken)

namespace {

// The text of each coloured run of \a lines, highlighted in order, with its token.
QList<std::pair<QString, CodeToken>> runs(const QString &language, const QStringList &lines) {
    CodeHighlighter highlighter(language);
    QList<std::pair<QString, CodeToken>> out;
    for (const QString &line : lines) {
        const QList<CodeHighlighter::Span> spans = highlighter.highlightLine(line);
        for (const CodeHighlighter::Span &s : spans)
            out.append({line.mid(s.start, s.length), s.token});
    }
    return out;
}

bool hasRun(const QList<std::pair<QString, CodeToken>> &all, const QString &text, CodeToken token) {
    for (const auto &[t, k] : all) {
        if (k == token && t.trimmed() == text)
            return true;
    }
    return false;
}

QString describe(const QList<std::pair<QString, CodeToken>> &all) {
    QStringList parts;
    for (const auto &[t, k] : all)
        parts.append(u"%1:%2"_s.arg(int(k)).arg(t));
    return parts.join(u" | "_s);
}

// The foreground of every character of a document's code blocks, by position.
QList<QColor> foregrounds(const QTextDocument &document) {
    QList<QColor> colours;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            const QColor c = f.charFormat().foreground().style() == Qt::NoBrush
                                 ? QColor()
                                 : f.charFormat().foreground().color();
            for (int i = 0; i < f.length(); ++i)
                colours.append(c);
        }
        colours.append(QColor()); // the block separator
    }
    return colours;
}

int pixelsNear(const QImage &image, const QColor &colour, int tolerance) {
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor p = image.pixelColor(x, y);
            if (qAbs(p.red() - colour.red()) + qAbs(p.green() - colour.green())
                    + qAbs(p.blue() - colour.blue())
                <= tolerance)
                ++n;
        }
    }
    return n;
}

QImage paintMessage(const QString &markdown, const MarkdownStyle &style) {
    MessageDocument document(style);
    document.setTextWidth(420);
    document.setMarkdownAsync(markdown);
    for (int i = 0; i < 200 && document.height() <= 0; ++i)
        QTest::qWait(10);
    QImage image(420, int(document.height()) + 4, QImage::Format_RGB32);
    image.fill(style.background);
    QPainter painter(&image);
    document.paint(&painter, QPointF(0, 0), QRectF(image.rect()));
    painter.end();
    return image;
}

} // namespace

class TestCodeHighlighter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void definitionFor_mapsFenceNames_data();
    void definitionFor_mapsFenceNames();
    void everyCommonLanguage_isColoured_data();
    void everyCommonLanguage_isColoured();
    void openComment_carriesToTheNextLine();
    void nonAsciiLine_spansAreInUtf16Positions();
    void hostileLines_stayUncolouredOrFast();
    void threads_highlightAlike();
    void colours_areReadableOnLightDarkAndOddBackgrounds_data();
    void colours_areReadableOnLightDarkAndOddBackgrounds();
    void streamedBlock_isColouredLikeTheWholeBlock();
    void nestedFence_inAList_isColouredToo();
    void paintedMessage_showsKeywordColour_onlyForAKnownLanguage();
};

void TestCodeHighlighter::definitionFor_mapsFenceNames_data() {
    QTest::addColumn<QString>("fence");
    QTest::addColumn<QString>("definition");
    QTest::newRow("C++") << u"C++"_s << u"cpp.lang"_s;
    QTest::newRow("py") << u"py"_s << u"python.lang"_s;
    QTest::newRow("info string") << u"python title=x.py"_s << u"python.lang"_s;
    QTest::newRow("pandoc") << u"{.rust}"_s << u"rust.lang"_s;
    QTest::newRow("ts") << u"ts"_s << u"typescript.lang"_s;
    QTest::newRow("yml") << u"yml"_s << u"yaml.lang"_s;
    QTest::newRow("md") << u"md"_s << u"markdown.lang"_s;
    QTest::newRow("patch") << u"patch"_s << u"diff.lang"_s;
    QTest::newRow("lang.map") << u"ruby"_s << u"ruby.lang"_s;
    QTest::newRow("unknown") << u"klingon"_s << QString();
    QTest::newRow("none") << QString() << QString();
}

void TestCodeHighlighter::definitionFor_mapsFenceNames() {
    QFETCH(QString, fence);
    QFETCH(QString, definition);
    QCOMPARE(CodeHighlighter::definitionFor(fence), definition);
    QCOMPARE(CodeHighlighter(fence).isValid(), !definition.isEmpty());
}

void TestCodeHighlighter::everyCommonLanguage_isColoured_data() {
    QTest::addColumn<QString>("language");
    QTest::addColumn<QStringList>("lines");
    QTest::addColumn<QString>("text");
    QTest::addColumn<CodeToken>("token");
    using T = CodeToken;
    const auto row = [](const char *name, const QString &lang, const QStringList &lines,
                        const QString &text, T token) {
        QTest::newRow(name) << lang << lines << text << token;
    };
    row("c keyword", u"c"_s, {u"return 0; /* done */"_s}, u"return"_s, T::Keyword);
    row("c comment", u"c"_s, {u"return 0; /* done */"_s}, u"/* done */"_s, T::Comment);
    row("c preprocessor", u"c"_s, {u"#include <stdio.h>"_s}, u"#include"_s, T::Preprocessor);
    row("cpp type", u"cpp"_s, {u"int main() { return 42; }"_s}, u"int"_s, T::Type);
    row("cpp number", u"cpp"_s, {u"int main() { return 42; }"_s}, u"42"_s, T::Number);
    row("python keyword", u"python"_s, {u"def area(r):"_s}, u"def"_s, T::Keyword);
    row("python string", u"python"_s, {u"print('hi')  # greet"_s}, u"'hi'"_s, T::String);
    row("python comment", u"python"_s, {u"print('hi')  # greet"_s}, u"# greet"_s, T::Comment);
    row("js keyword", u"javascript"_s, {u"const x = await f();"_s}, u"const"_s, T::Keyword);
    row("ts keyword", u"ts"_s, {u"interface Point { x: number }"_s}, u"interface"_s, T::Keyword);
    row("ts type", u"ts"_s, {u"interface Point { x: number }"_s}, u"number"_s, T::Type);
    row("ts template", u"ts"_s, {u"const s = `a ${b}`;"_s}, u"`a"_s, T::String);
    row("json string", u"json"_s, {u"{\"a\": \"b\", \"n\": 12}"_s}, u"12"_s, T::Number);
    row("sh keyword", u"bash"_s, {u"if [ -f x ]; then echo ok; fi"_s}, u"if"_s, T::Keyword);
    row("sh comment", u"sh"_s, {u"ls -l # list"_s}, u"# list"_s, T::Comment);
    row("sql keyword", u"sql"_s, {u"SELECT name FROM users;"_s}, u"SELECT"_s, T::Keyword);
    row("rust keyword", u"rust"_s, {u"fn main() { let x = 1; }"_s}, u"fn"_s, T::Keyword);
    row("go keyword", u"go"_s, {u"func main() { return }"_s}, u"func"_s, T::Keyword);
    row("java keyword", u"java"_s, {u"public class A {}"_s}, u"public"_s, T::Keyword);
    row("html tag", u"html"_s, {u"<p class=\"x\">hi</p>"_s}, u"\"x\""_s, T::String);
    row("css property", u"css"_s, {u"p { color: red; } /* c */"_s}, u"/* c */"_s, T::Comment);
    row("yaml key", u"yaml"_s, {u"name: demo  # app"_s}, u"name"_s, T::Keyword);
    row("yaml comment", u"yaml"_s, {u"name: demo  # app"_s}, u"# app"_s, T::Comment);
    row("yaml number", u"yaml"_s, {u"port: 8080"_s}, u"8080"_s, T::Number);
    row("yaml bool", u"yaml"_s, {u"debug: true"_s}, u"true"_s, T::Function);
    row("yaml list key", u"yaml"_s, {u"- host: a"_s}, u"host"_s, T::Keyword);
    row("markdown heading", u"markdown"_s, {u"## Title"_s}, u"## Title"_s, T::Keyword);
    row("markdown code", u"md"_s, {u"use `ls` here"_s}, u"`ls`"_s, T::String);
    row("diff added", u"diff"_s, {u"--- a/x"_s, u"+++ b/x"_s, u"@@ -1 +1 @@"_s, u"+new"_s},
        u"+new"_s, T::Added);
    row("diff removed", u"diff"_s, {u"--- a/x"_s, u"+++ b/x"_s, u"@@ -1 +1 @@"_s, u"-old"_s},
        u"-old"_s, T::Removed);
    row("diff header", u"diff"_s, {u"--- a/x"_s}, u"--- a/x"_s, T::Preprocessor);
    row("diff hunk", u"diff"_s, {u"@@ -1 +1 @@"_s}, u"@@ -1 +1 @@"_s, T::Preprocessor);
    row("hunk without header", u"patch"_s, {u" same"_s, u"-old = 1"_s, u"+new = 2"_s},
        u"+new = 2"_s, T::Added);
}

void TestCodeHighlighter::everyCommonLanguage_isColoured() {
    QFETCH(QString, language);
    QFETCH(QStringList, lines);
    QFETCH(QString, text);
    QFETCH(CodeToken, token);
    const auto all = runs(language, lines);
    QVERIFY2(hasRun(all, text, token), qPrintable(describe(all)));
}

void TestCodeHighlighter::openComment_carriesToTheNextLine() {
    const auto all = runs(u"c"_s, {u"x = 1; /* a comment"_s, u"still inside */ int y;"_s});
    QVERIFY2(hasRun(all, u"still inside */"_s, CodeToken::Comment), qPrintable(describe(all)));
    QVERIFY2(hasRun(all, u"int"_s, CodeToken::Type), qPrintable(describe(all)));
    // A fresh highlighter starts outside the comment.
    const auto fresh = runs(u"c"_s, {u"still inside */ int y;"_s});
    QVERIFY(!hasRun(fresh, u"still inside */"_s, CodeToken::Comment));
}

void TestCodeHighlighter::nonAsciiLine_spansAreInUtf16Positions() {
    const QString line = u"s = \"héllo 🌍\"  # café"_s;
    CodeHighlighter highlighter(u"python"_s);
    const QList<CodeHighlighter::Span> spans = highlighter.highlightLine(line);
    QStringList seen;
    for (const CodeHighlighter::Span &s : spans)
        seen.append(line.mid(s.start, s.length));
    QVERIFY2(seen.contains(u"\"héllo 🌍\""_s), qPrintable(seen.join(u'|')));
    QVERIFY2(seen.contains(u"# café"_s), qPrintable(seen.join(u'|')));
}

void TestCodeHighlighter::hostileLines_stayUncolouredOrFast() {
    CodeHighlighter highlighter(u"javascript"_s);
    QVERIFY(highlighter.highlightLine(QString(CodeHighlighter::MaxLineChars + 1, u'a')).isEmpty());
    // Long runs that make backtracking expressions work hard, just under the limit.
    const QStringList nasty = {
        u"/"_s + QString(1990, u'\\'),
        u"\""_s + QString(1990, u'\\') + u"x"_s,
        QString(1000, u'/') + QString(990, u'*'),
        QString(1995, u'('),
    };
    QElapsedTimer timer;
    timer.start();
    for (const QString &line : nasty)
        highlighter.highlightLine(line);
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    // Still usable afterwards (or uncoloured), never a crash.
    CodeHighlighter again(u"javascript"_s);
    QVERIFY(!again.highlightLine(u"const a = 1;"_s).isEmpty());
}

void TestCodeHighlighter::threads_highlightAlike() {
    const QStringList lines = {u"def f(x):"_s, u"    '''doc"_s, u"    still'''"_s,
                               u"    return x * 2  # twice"_s};
    const auto reference = runs(u"python"_s, lines);
    QList<QFuture<QList<std::pair<QString, CodeToken>>>> futures;
    for (int i = 0; i < 6; ++i)
        futures.append(QtConcurrent::run([lines] { return runs(u"python"_s, lines); }));
    for (auto &f : futures)
        QCOMPARE(f.result(), reference);
}

void TestCodeHighlighter::colours_areReadableOnLightDarkAndOddBackgrounds_data() {
    QTest::addColumn<QColor>("background");
    QTest::newRow("white") << QColor(Qt::white);
    QTest::newRow("light grey") << QColor(0xf3f3f3);
    QTest::newRow("black") << QColor(Qt::black);
    QTest::newRow("dark grey") << QColor(0x2b2b2b);
    QTest::newRow("mid grey") << QColor(0x7f7f7f);
    QTest::newRow("navy") << QColor(0x10204a);
    QTest::newRow("pale yellow") << QColor(0xfff8c4);
}

void TestCodeHighlighter::colours_areReadableOnLightDarkAndOddBackgrounds() {
    QFETCH(QColor, background);
    const auto colours = MarkdownStyle::codeColoursOn(background);
    for (int i = 0; i < CodeTokenCount; ++i) {
        QVERIFY2(ColourContrast::ratio(colours[size_t(i)], background) >= 4.5,
                 qPrintable(u"token %1: %2 on %3"_s.arg(i).arg(colours[size_t(i)].name(),
                                                               background.name())));
    }
    // Keywords, strings and comments look different from each other.
    QVERIFY(colours[size_t(CodeToken::Keyword)] != colours[size_t(CodeToken::String)]);
    QVERIFY(colours[size_t(CodeToken::String)] != colours[size_t(CodeToken::Comment)]);
}

void TestCodeHighlighter::streamedBlock_isColouredLikeTheWholeBlock() {
    const QString source = u"```python\nimport os\n\ndef f(x):\n    \"\"\"Doc\n    more\"\"\"\n"
                           "    return x + 1  # one\n```"_s;
    const MarkdownStyle style = MarkdownStyle::fromApplication();
    MarkdownRendering::CodeBlockBuilder::Options options;
    options.language = u"python"_s;

    SafeTextDocument whole;
    MarkdownRendering::prepareDocument(&whole, style);
    MarkdownRendering::CodeBlockBuilder(&whole, style, options).update(source, true);

    SafeTextDocument streamed;
    MarkdownRendering::prepareDocument(&streamed, style);
    MarkdownRendering::CodeBlockBuilder builder(&streamed, style, options);
    for (qsizetype n = 1; n <= source.size(); ++n)
        builder.update(QStringView(source).first(n), n == source.size());

    QCOMPARE(streamed.toPlainText(), whole.toPlainText());
    const QList<QColor> expected = foregrounds(whole);
    QCOMPARE(foregrounds(streamed), expected);
    QVERIFY(expected.contains(style.codeColours[size_t(CodeToken::Keyword)]));
    QVERIFY(expected.contains(style.codeColours[size_t(CodeToken::Comment)]));
}

void TestCodeHighlighter::nestedFence_inAList_isColouredToo() {
    const MarkdownStyle style = MarkdownStyle::fromApplication();
    SafeTextDocument document;
    MarkdownRendering::prepareDocument(&document, style);
    MarkdownRendering::append(&document, u"- step one:\n\n  ```python\n  def f(): pass\n  ```\n"_s,
                              style);
    const QList<QColor> colours = foregrounds(document);
    QVERIFY(colours.contains(style.codeColours[size_t(CodeToken::Keyword)]));
}

void TestCodeHighlighter::paintedMessage_showsKeywordColour_onlyForAKnownLanguage() {
    MarkdownStyle style = MarkdownStyle::fromApplication();
    style.bodyFont.setPixelSize(16);
    style.monoFont.setPixelSize(16);
    style.monoFont.setBold(true); // thick strokes: glyph centres carry the exact colour
    const QColor keyword = style.codeColours[size_t(CodeToken::Keyword)];
    const QString code = u"def define(): pass\ndef undefined(): pass\n"_s;
    const QImage known = paintMessage(u"```python\n"_s + code + u"```\n"_s, style);
    const QImage unknown = paintMessage(u"```klingon\n"_s + code + u"```\n"_s, style);
    QVERIFY2(pixelsNear(known, keyword, 24) > 20,
             qPrintable(QString::number(pixelsNear(known, keyword, 24))));
    QCOMPARE(pixelsNear(unknown, keyword, 24), 0);
}

QTEST_MAIN(TestCodeHighlighter)
#include "tst_codehighlighter.moc"
