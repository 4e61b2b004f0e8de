// SPDX-License-Identifier: GPL-3.0-or-later
// CodeHighlighter on any lines, for each language a fence commonly names: never hangs (the
// runner's timeout), never reads outside a line, and gives ordered runs that do not overlap.
#include "ui/markdown/CodeHighlighter.h"

#include "FuzzSupport.h"

#include <QString>
#include <QStringList>

using namespace Qt::StringLiterals;
using namespace Tramontane;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    static const QStringList languages = {
        u"c"_s,    u"cpp"_s,  u"python"_s,   u"javascript"_s, u"typescript"_s, u"json"_s,
        u"bash"_s, u"sql"_s,  u"rust"_s,     u"go"_s,         u"java"_s,       u"html"_s,
        u"css"_s,  u"yaml"_s, u"markdown"_s, u"diff"_s,       u"xml"_s,        u"ruby"_s,
    };
    if (size < 1)
        return 0;
    CodeHighlighter highlighter(languages.at(data[0] % languages.size()));
    Fuzz::require(highlighter.isValid(), "every listed language loads");
    const QString text = QString::fromUtf8(Fuzz::view(data + 1, size - 1));
    const QStringList lines = text.split(u'\n');
    for (const QString &line : lines) {
        int end = 0;
        const QList<CodeHighlighter::Span> spans = highlighter.highlightLine(line);
        for (const CodeHighlighter::Span &s : spans) {
            Fuzz::require(s.length > 0 && s.start >= end, "runs ordered, without overlap");
            Fuzz::require(s.start + s.length <= line.size(), "runs inside the line");
            end = s.start + s.length;
        }
    }
    return 0;
}
